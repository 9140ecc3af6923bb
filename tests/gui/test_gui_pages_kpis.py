"""KPI page: 3-5 recommendations for goal x strategy (ticked, one line on why each), the whole
catalog behind "More KPIs" (bilingual search and filters), add/remove with undo, the owner's own KPI
in a dialog of its own."""

from datetime import date

import pytest
from gui_keyboard import give_focus, press, type_text

from kpiwizard.core.catalog import load_catalog
from kpiwizard.core.enums import Family, Indicator, Lang, SocialGoal, StrategicObjective
from kpiwizard.core.models import Channel
from kpiwizard.core.recommend import measure_goal_with, recommend
from kpiwizard.gui.document import new_project
from kpiwizard.gui.pages.kpis import VANITY, KpisPage
from kpiwizard.gui.qt import QApplication, QDialogButtonBox, Qt

from gui_pages_helpers import open_example, open_project, type_into
from gui_shell_helpers import make_window

CAFE_CHANNELS = [Channel(name="Instagram"), Channel(name="네이버 스마트플레이스"), Channel(name="카카오톡 채널")]


def blank(goal, objective, lang=Lang.KO, channels=()):
    project = new_project(lang, today=date(2026, 1, 5))
    project.business_goal.social_goal = goal
    project.business_goal.objective = objective
    project.business.channels = list(channels)
    return project


def shown_recs(page):
    return [(c, r) for c, r in zip(page.rec_checks, page.rec_reasons, strict=True) if not c.isHidden()]


@pytest.mark.parametrize(("goal", "objective", "channels"), [
    (SocialGoal.LEADS_SALES, StrategicObjective.FOCUS, CAFE_CHANNELS),
    (SocialGoal.AWARENESS, StrategicObjective.SWITCH, ()),
    (SocialGoal.CUSTOMER_SERVICE, StrategicObjective.UPSELL, ()),
])
def test_three_to_five_recommendations_ticked_each_with_why_and_next_adds_them_in_one_step(
        qtbot, goal, objective, channels):
    project = blank(goal, objective, channels=channels)
    doc, _lang, page = open_project(qtbot, KpisPage, project)
    expected = recommend(project)
    rows = shown_recs(page)
    assert 3 <= len(rows) <= 5 and len(rows) == len(expected)
    for (check, reason), rec in zip(rows, expected, strict=True):
        assert check.text() == rec.kpi.name.ko and check.isChecked()
        assert reason.text() == rec.reason.ko and rec.kpi.why.ko in check.toolTip()
    assert page.checked_preset() == [r.kpi.id for r in expected]
    assert page.isComplete()
    assert page.preset_box.title() == f"먼저 잴 숫자 {len(rows)}개"
    assert page.validatePage()  # Next: the ticked ones, in order, as one undoable step
    assert [k.catalog_id for k in doc.project.kpis] == [r.kpi.id for r in expected]
    doc.undo_stack.undo()
    assert doc.project.kpis == []


@pytest.mark.parametrize("goal", [SocialGoal.LEADS_SALES, SocialGoal.AWARENESS])
@pytest.mark.parametrize("objective", [StrategicObjective.FOCUS, StrategicObjective.SWITCH])
def test_the_cafes_coupons_and_naver_place_are_among_the_recommendations(qtbot, goal, objective):
    _doc, _lang, page = open_project(qtbot, KpisPage, blank(goal, objective, channels=CAFE_CHANNELS))
    names = [c.text() for c, _r in shown_recs(page)]
    assert "SNS 쿠폰 사용" in names, names
    assert any(n.startswith("네이버 플레이스") for n in names), names


def test_the_cafe_example_is_offered_its_naver_place_actions_unticked(qtbot):
    """A finished plan is not changed by paging through: recommendations it lacks start unticked."""
    doc, _lang, page = open_example(qtbot, KpisPage)
    before = doc.project
    names = [c.text() for c, _r in shown_recs(page)]
    assert names[0].startswith("네이버 플레이스 길찾기") and "계획에 있음" in names[0]
    lacking = [c for c, _r in shown_recs(page) if c.isEnabled()]
    assert lacking and not any(c.isChecked() for c in lacking)
    assert page.checked_preset() == []
    assert page.validatePage() and doc.project == before


def test_the_goal_measure_from_the_smart_step_stays_first_and_the_rest_are_ticked(qtbot):
    project = blank(SocialGoal.LEADS_SALES, StrategicObjective.FOCUS, channels=CAFE_CHANNELS)
    measure_goal_with(project, "coupon_redemptions", Lang.KO)
    doc, _lang, page = open_project(qtbot, KpisPage, project)
    first_check = shown_recs(page)[0][0]
    assert first_check.text().startswith("SNS 쿠폰 사용") and "계획에 있음" in first_check.text()
    assert not first_check.isEnabled()
    page.validatePage()
    ids = [k.catalog_id for k in doc.project.kpis]
    assert ids[0] == "coupon_redemptions" and len(ids) == len(shown_recs(page))
    assert doc.project.smart.metric == "coupon_redemptions"
    assert "목표를 재는 숫자" in page.chosen.item(0).text()


def test_an_unticked_recommendation_is_left_out_and_stays_unticked(qtbot):
    project = blank(SocialGoal.ENGAGEMENT, StrategicObjective.UPSELL)
    doc, _lang, page = open_project(qtbot, KpisPage, project)
    give_focus(page.chosen)
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # back to the buttons and tick boxes
    check = shown_recs(page)[1][0]
    check.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is check
    press(Qt.Key.Key_Space)  # untick with the keyboard
    assert not check.isChecked()
    assert page.details.text().startswith(recommend(project)[1].kpi.name.ko)  # focus shows its details
    expected = [r.kpi.id for r in recommend(project)]
    del expected[1]
    page.add_preset()
    assert [k.catalog_id for k in doc.project.kpis] == expected
    doc.undo_stack.undo()
    assert not check.isChecked()  # the owner's "no" survives the refresh


def test_more_kpis_reveals_the_catalog_search_and_filters(qtbot):
    catalog = load_catalog()
    window = make_window(qtbot, Lang.KO)
    window.open_example("cafe")
    page = next(p for p in window.wizard.plan_pages if isinstance(p, KpisPage))
    window.wizard.go_to(page)
    give_focus(page.chosen)
    assert page.catalog_box.isHidden()
    press(Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # "KPI 87개 더 보기(&M)": a button clicks shortly after
    qtbot.waitUntil(lambda: page.catalog_box.isVisible())
    assert page.more_button.isChecked()
    press(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # "검색(&S)"
    assert QApplication.focusWidget() is page.search
    type_text("쿠폰")
    ko = page.result_ids()
    assert "coupon_redemptions" in ko and ko == [k.id for k in catalog.search("쿠폰")]
    type_into(page.search, "follower")
    assert page.result_ids() == [k.id for k in catalog.search("follower")]
    page.search.clear()
    page.family_filter.set_value(Family.CONVERSION)
    page.indicator_filter.set_value(Indicator.LAGGING)
    assert page.result_ids() == [k.id for k in catalog.search(family=Family.CONVERSION, indicator=Indicator.LAGGING)]
    page.more_button.click()
    assert page.catalog_box.isHidden()


def test_details_show_definition_formula_source_and_vanity_warning(qtbot):
    catalog = load_catalog()
    vanity = next(k for k in catalog.kpis if k.vanity)
    _doc, _lang, page = open_example(qtbot, KpisPage, "b2b-ebook", Lang.EN)
    page.show_more(True)
    type_into(page.search, vanity.name.en)
    item = next(page.results.item(i) for i in range(page.results.count())
                if page.results.item(i).data(Qt.ItemDataRole.UserRole) == vanity.id)
    page.results.setCurrentItem(item)
    shown = page.details.text()
    assert vanity.definition.en in shown and vanity.formula.en in shown
    assert vanity.vanity_reason.en in shown and VANITY.en in shown and "(vanity metric)" in shown
    assert vanity.definition.en in item.toolTip()


def test_add_and_remove_a_catalog_kpi_with_undo(qtbot):
    doc, _lang, page = open_example(qtbot, KpisPage)
    before = doc.project
    page.show_more(True)
    type_into(page.search, "도달")
    page.results.setCurrentRow(0)
    added_id = page.result_ids()[0]
    page.add_selected()
    assert doc.project.kpis[-1].catalog_id == added_id
    assert page.chosen.count() == len(before.kpis) + 1
    doc.undo_stack.undo()
    assert doc.project == before
    # removing the SMART goal's metric also clears its links and actuals; undo restores them all
    page.chosen.setCurrentRow(0)
    page.remove_selected()
    assert "coupon_visits" not in {k.id for k in doc.project.kpis}
    assert doc.project.smart.metric is None and "coupon_visits" not in doc.project.actuals
    doc.undo_stack.undo()
    assert doc.project == before


def test_custom_kpi_from_scripted_answers_and_cancel(qtbot, fake_dialogs):
    doc, _lang, page = open_example(qtbot, KpisPage)
    before = doc.project
    fake_dialogs.script(None)  # cancelled: nothing changes
    page.custom_add.click()
    assert doc.project == before
    fake_dialogs.script({"name": "네이버 예약 건수", "unit": "건"})
    page.custom_add.click()
    new = doc.project.kpis[-1]
    assert new.custom is not None and new.custom.name == "네이버 예약 건수" and new.unit == "건"
    assert new.custom.goals == [doc.project.business_goal.social_goal]
    doc.undo_stack.undo()
    assert doc.project == before


def test_custom_kpi_typed_into_the_real_dialog_and_an_empty_name_refused(qtbot, fake_dialogs):
    doc, _lang, page = open_example(qtbot, KpisPage)
    before = doc.project
    seen = {}

    def person(dialog):
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.click()  # no name yet: refused, the dialog stays and says why
        seen["refused"] = dialog.isVisible() and "이름" in dialog.error.text() and not dialog.error.isHidden()
        type_into(dialog.fields["name"], "네이버 예약 건수")
        press(Qt.Key.Key_Tab)  # one Tab to what it counts: the name's "?" is not a Tab stop
        assert QApplication.focusWidget() is dialog.fields["definition"]
        type_text("네이버 예약으로 잡힌 방문")  # what it counts
        type_into(dialog.fields["unit"], "건")
        press(Qt.Key.Key_Return)  # Enter accepts the dialog

    fake_dialogs.script(person)
    page.custom_add.click()
    assert seen["refused"]
    new = doc.project.kpis[-1]
    assert (new.custom.name, new.custom.definition, new.unit) == ("네이버 예약 건수", "네이버 예약으로 잡힌 방문", "건")
    assert page.custom_error.isHidden()
    doc.undo_stack.undo()
    assert doc.project == before


def test_kpi_page_fits_the_default_window(qtbot):
    """At 1100 x 780 the recommendations, their reasons and the buttons show without scrolling."""
    window = make_window(qtbot, Lang.KO)
    window.doc.edit("cafe start", lambda p: (
        setattr(p.business, "channels", CAFE_CHANNELS),
        setattr(p.business_goal, "social_goal", SocialGoal.LEADS_SALES)))
    page = next(p for p in window.wizard.plan_pages if isinstance(p, KpisPage))
    window.wizard.go_to(page)
    assert (window.width(), window.height()) == (1100, 780)
    QApplication.processEvents()
    viewport = page.left_scroll.viewport()
    assert page.left_scroll.verticalScrollBar().maximum() == 0
    for widget in [c for c, _r in shown_recs(page)] + [r for _c, r in shown_recs(page)] + [
            page.preset_add, page.more_button, page.custom_add]:
        assert widget.isVisible()
        top_left = widget.mapTo(viewport, widget.rect().topLeft())
        bottom_right = widget.mapTo(viewport, widget.rect().bottomRight())
        assert viewport.rect().contains(top_left) and viewport.rect().contains(bottom_right), widget.text()
        assert widget.width() >= widget.minimumSizeHint().width(), widget.text()
    for check, _r in shown_recs(page):
        assert check.width() >= check.sizeHint().width(), check.text()  # names never clipped


def test_language_switch_retranslates(qtbot):
    doc, language, page = open_example(qtbot, KpisPage)
    assert page.title() == "KPI 고르기"
    assert "'문의·예약·주문 늘리기 (리드 및 판매)' 목표와 '대표 상품 알리기 (집중)' 전략" in page.preset_help.text()
    language.set(Lang.EN)
    assert page.title() == "Choose KPIs"
    assert "'Leads and sales'" in page.preset_help.text() and "'Focus'" in page.preset_help.text()
    assert page.more_button.text().startswith("&More KPIs")
    names = {page.chosen.item(i).text().split("  ")[0] for i in range(page.chosen.count())}
    assert "Local followers" in names
    assert shown_recs(page)[0][1].text() == recommend(doc.project)[0].reason.en


def test_the_measure_picked_on_the_smart_step_arrives_first_on_the_kpi_step_by_keys_only(qtbot):
    """SMART step: Alt+M, arrows, Enter; Alt+N; the KPI step shows it in the plan and the rest ticked;
    Alt+N adds them after it. Each step undoes on its own."""
    from kpiwizard.gui.pages.smart_goal import SmartGoalPage

    window = make_window(qtbot, Lang.KO)
    window.doc.edit("cafe start", lambda p: (
        setattr(p.business, "channels", CAFE_CHANNELS),
        setattr(p.business_goal, "social_goal", SocialGoal.LEADS_SALES),
        setattr(p.smart, "baseline", 10.0), setattr(p.smart, "target", 30.0)))
    wizard = window.wizard
    smart = next(p for p in wizard.plan_pages if isinstance(p, SmartGoalPage))
    kpis = next(p for p in wizard.plan_pages if isinstance(p, KpisPage))
    wizard.go_to(smart)
    give_focus(smart.fields["what"])
    type_text("인스타 쿠폰으로 온 손님")
    press(Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Return)
    assert [k.catalog_id for k in window.doc.project.kpis] == ["coupon_redemptions"]
    press(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.currentPage() is kpis)
    first = shown_recs(kpis)[0][0]
    assert first.text().startswith("SNS 쿠폰 사용") and not first.isEnabled()
    assert all(c.isChecked() for c, _r in shown_recs(kpis))
    after_pick = window.doc.project
    press(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.currentPage() is not kpis)
    project = window.doc.project
    assert [k.catalog_id for k in project.kpis] == [r.kpi.id for r in recommend(project)]
    assert project.kpis[0].catalog_id == "coupon_redemptions" and project.smart.metric == project.kpis[0].id
    assert (project.kpis[0].baseline, project.kpis[0].target) == (10, 30)
    window.doc.undo_stack.undo()
    assert window.doc.project == after_pick


def test_next_follows_whether_there_is_anything_to_go_on_with(qtbot):
    project = blank(SocialGoal.ENGAGEMENT, StrategicObjective.FOCUS)
    doc, _lang, page = open_project(qtbot, KpisPage, project)
    with qtbot.waitSignal(page.completeChanged):
        for check, _r in shown_recs(page):
            check.setChecked(False)
    assert not page.isComplete()
    with qtbot.waitSignal(page.completeChanged):  # a KPI from the catalog: Next is possible again
        page.show_more(True)
        page.results.setCurrentRow(0)
        page.add_selected()
    assert page.isComplete()
