"""SMART goal page: the sentence and audit are the core's, edits go through the document and undo."""

from kpiwizard.core.audit import audit
from kpiwizard.core.enums import Lang
from kpiwizard.core.sentence import smart_sentence
from kpiwizard.gui.pages.smart_goal import SmartGoalPage

from gui_pages_helpers import open_example, type_into


def make(qtbot, example="cafe", lang=Lang.KO):
    return open_example(qtbot, SmartGoalPage, example, lang)


def test_sentence_is_the_core_sentence_in_both_examples(qtbot):
    for example, lang in (("cafe", Lang.KO), ("b2b-ebook", Lang.EN)):
        doc, _language, page = make(qtbot, example, lang)
        assert page.sentence.text() == smart_sentence(doc.project.smart).get(lang)
        assert page.fields["metric"].value() == doc.project.smart.metric


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
