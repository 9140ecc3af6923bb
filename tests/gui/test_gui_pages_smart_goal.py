"""SMART goal page: the sentence and audit are the core's, edits go through the document and undo."""

from datetime import date

from gui_keyboard import give_focus, press, type_text

from kpiwizard.core.audit import audit
from kpiwizard.core.enums import Lang, SocialGoal, StrategicObjective
from kpiwizard.core.models import Channel
from kpiwizard.core.recommend import goal_measures
from kpiwizard.core.sentence import smart_sentence
from kpiwizard.gui.document import new_project
from kpiwizard.gui.pages.smart_goal import SmartGoalPage
from kpiwizard.gui.qt import QApplication, Qt

from gui_pages_helpers import open_example, open_project, type_into


def make(qtbot, example="cafe", lang=Lang.KO):
    return open_example(qtbot, SmartGoalPage, example, lang)


def test_sentence_is_the_core_sentence_in_both_examples(qtbot):
    for example, lang in (("cafe", Lang.KO), ("b2b-ebook", Lang.EN)):
        doc, _language, page = make(qtbot, example, lang)
        assert page.sentence.text() == smart_sentence(doc.project.smart).get(lang)
        assert page.fields["metric"].value() == ("plan", doc.project.smart.metric)


def test_typing_updates_project_sentence_and_undo_restores(qtbot):
    doc, _language, page = make(qtbot)
    before = doc.project
    type_into(page.fields["target"], "45")
    assert doc.project.smart.target == 45
    assert page.sentence.text() == smart_sentence(doc.project.smart).get(Lang.KO)
    assert "45명" in page.sentence.text()
    doc.undo_stack.undo()
    assert doc.project == before
    assert page.fields["target"].text() == "30"


def test_korean_text_lands_in_the_plan(qtbot):
    doc, _language, page = make(qtbot)
    type_into(page.fields["what"], "네이버 예약 문의")
    assert doc.project.smart.what == "네이버 예약 문의"
    assert "네이버 예약 문의" in page.sentence.text()


def test_refused_values_show_the_reason_and_leave_the_plan(qtbot):
    doc, _language, page = make(qtbot)
    before = doc.project
    field, error = page.fields["baseline"], page.errors["baseline"]
    type_into(field, "열 명")
    assert not error.isHidden() and "숫자" in error.text()
    type_into(field, "1e13")
    assert not error.isHidden() and "이하" in error.text()
    assert doc.project == before
    type_into(field, "12")
    assert error.isHidden() and doc.project.smart.baseline == 12


def test_audit_panel_shows_every_finding_grouped_by_letter(qtbot):
    doc, _language, page = make(qtbot, "pizzeria-unrealistic", Lang.EN)
    result = audit(doc.project)
    lines = page.audit_panel.lines()
    assert lines[0].startswith("S — Specific")
    for finding in result.findings:
        assert any(finding.message.en in line for line in lines)
        assert any(finding.fix.en in line for line in lines)
    # clearing the goal's "what" adds the S error live
    type_into(page.fields["what"], "")
    assert any("does not say what should change" in line for line in page.audit_panel.lines())


def test_language_switch_retranslates(qtbot):
    doc, language, page = make(qtbot)
    assert page.title() == "SMART 목표"
    assert page.sentence.text() == smart_sentence(doc.project.smart).ko
    language.set(Lang.EN)
    assert page.title() == "SMART goal"
    assert page.sentence.text() == smart_sentence(doc.project.smart).en
    assert page.labels["what"].text() == "&What changes"
    assert page.audit_panel.lines()[0].startswith("S — Specific")


def test_every_field_has_a_name_and_help(qtbot):
    _doc, _language, page = make(qtbot)
    for key, widget in page.fields.items():
        assert widget.accessibleName(), key
        assert widget.toolTip(), key
        assert page.helps[key].toolTip() == widget.toolTip()


def test_choosing_the_metric_fills_empty_goal_numbers_from_the_kpi_in_one_undo_step(qtbot):
    doc, _language, page = make(qtbot)
    doc.edit("clear", lambda p: (setattr(p.smart, "baseline", None), setattr(p.smart, "target", None)))
    before = doc.project
    combo = page.fields["metric"]
    combo.activated.emit(combo.findText("지역 팔로워 수"))
    smart = doc.project.smart
    assert (smart.metric, smart.baseline, smart.target) == ("followers_local", 820, 1000)
    assert "820명에서 1,000명으로" in page.sentence.text()
    doc.undo_stack.undo()
    assert doc.project == before


def cafe_start(lang=Lang.KO):
    """A neighbourhood café's new plan: goal and strategy chosen, the SMART numbers typed, no KPI yet."""
    project = new_project(lang, today=date(2026, 1, 5))
    project.business.channels = [Channel(name="Instagram"), Channel(name="네이버 스마트플레이스")]
    project.business_goal.social_goal = SocialGoal.LEADS_SALES
    project.business_goal.objective = StrategicObjective.FOCUS
    project.smart.baseline, project.smart.target = 10, 30
    return project


def test_the_measure_list_is_the_goals_catalog_kpis_best_first_with_a_reason(qtbot):
    doc, _language, page = open_project(qtbot, SmartGoalPage, cafe_start())
    combo = page.fields["metric"]
    expected = [("catalog", m.kpi.id) for m in goal_measures(doc.project)]
    assert [v for v in combo.values() if v is not None] == expected
    assert expected[0] == ("catalog", "coupon_redemptions")
    best = combo.values().index(expected[0])
    assert combo.itemText(best).startswith("SNS 쿠폰 사용") and "추천" in combo.itemText(best)
    assert "계산대" in combo.itemData(best, Qt.ItemDataRole.ToolTipRole)  # the one-line why
    assert "KPI 단계에서" not in combo.itemText(0)  # no more "chosen on the KPI step"


def test_picking_the_measure_with_the_keyboard_adds_it_first_and_one_undo_takes_it_back(qtbot):
    doc, _language, page = open_project(qtbot, SmartGoalPage, cafe_start())
    before = doc.project
    combo = page.fields["metric"]
    give_focus(page.fields["what"])
    press(Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # the label's Alt key: "무엇으로 잴까요(&M)"
    assert QApplication.focusWidget() is combo
    press(Qt.Key.Key_Down)  # opens the list; nothing is chosen yet
    assert combo.view().isVisible() and doc.project == before
    press(Qt.Key.Key_Down)  # past the heading to the best fit
    assert "계산대" in page.examples["metric"].text()  # its reason shows under the box while browsing
    press(Qt.Key.Key_Return)
    assert not combo.view().isVisible()
    project = doc.project
    first = project.kpis[0]
    assert (first.catalog_id, project.smart.metric) == ("coupon_redemptions", first.id)
    assert (first.baseline, first.target) == (10, 30)  # the goal's numbers fill the KPI's
    assert project.smart.unit == first.unit  # and the KPI's unit fills the goal's empty one
    assert combo.value() == ("plan", first.id)
    assert QApplication.focusWidget() is combo
    doc.undo_stack.undo()
    assert doc.project == before
    assert combo.value() is None


def test_arrows_on_the_closed_box_only_browse(qtbot):
    doc, _language, page = open_project(qtbot, SmartGoalPage, cafe_start())
    before = doc.project
    combo = page.fields["metric"]
    give_focus(page.fields["what"])
    press(Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    for _ in range(3):
        press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Escape)  # closes the list: nothing chosen, nothing added
    assert not combo.view().isVisible()
    assert doc.project == before and not doc.undo_stack.canUndo()


def test_typing_a_name_finds_the_measure(qtbot):
    doc, _language, page = open_project(qtbot, SmartGoalPage, cafe_start(Lang.EN), Lang.EN)
    combo = page.fields["metric"]
    give_focus(page.fields["what"])
    press(Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    type_text("Naver Place c")  # jumps to "Naver Place calls"
    assert combo.view().isVisible()
    assert combo.view().currentIndex().data().startswith("Naver Place calls")
    press(Qt.Key.Key_Return)
    assert doc.project.kpis[0].catalog_id == "naver_place_calls"
    assert doc.project.smart.metric == doc.project.kpis[0].id


def test_hangul_typed_on_the_box_finds_the_measure(qtbot):
    doc, _language, page = open_project(qtbot, SmartGoalPage, cafe_start())
    combo = page.fields["metric"]
    give_focus(page.fields["what"])
    press(Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    type_text("네")
    assert combo.view().isVisible() and combo.view().currentIndex().data().startswith("네이버")
    press(Qt.Key.Key_Escape)
    assert doc.project.kpis == []


def test_choosing_another_catalog_measure_replaces_the_untouched_one(qtbot):
    doc, _language, page = open_project(qtbot, SmartGoalPage, cafe_start())
    combo = page.fields["metric"]
    for cid in ("coupon_redemptions", "naver_place_calls"):
        combo.activated.emit(combo.values().index(("catalog", cid)))
    assert [k.catalog_id for k in doc.project.kpis] == ["naver_place_calls"]
    assert combo.value() == ("plan", "naver_place_calls")
    # a KPI already in the plan can be the measure too, without adding anything
    doc.undo_stack.undo()
    assert doc.project.smart.metric == "coupon_redemptions"
    combo.activated.emit(0)  # "(not chosen yet)": the KPI stays, the goal has no measure
    assert doc.project.smart.metric is None and len(doc.project.kpis) == 1
    combo.activated.emit(combo.values().index(("plan", "coupon_redemptions")))
    assert doc.project.smart.metric == "coupon_redemptions" and len(doc.project.kpis) == 1
