"""Targets page: per-KPI numbers edited through the document, plan line and realism check live."""

from kpiwizard.core.audit import audit
from kpiwizard.core.enums import Direction, Lang
from kpiwizard.core.progress import trajectory_value
from kpiwizard.gui.pages.targets import TargetsPage

from gui_pages_helpers import open_example, type_into


def test_fields_show_the_selected_kpi_and_the_chart_follows_the_core(qtbot):
    doc, _lang, page = open_example(qtbot, TargetsPage, "b2b-ebook", Lang.EN)
    page.select("cost_per_lead")
    kpi = doc.project.kpi("cost_per_lead")
    assert page.fields["baseline"].value() == kpi.baseline
    assert page.fields["target"].value() == kpi.target
    assert page.fields["direction"].value() is kpi.direction
    data = page.chart.data()
    deadline = doc.project.deadline_of(kpi)
    assert data.plan[0] == (doc.project.start, trajectory_value(kpi, doc.project.start, deadline, doc.project.start))
    assert data.plan[-1][1] == kpi.target
    assert [v for _, v in data.actuals] == list(doc.project.actuals["cost_per_lead"].values())


def test_typing_a_target_redraws_the_line_and_undo_restores(qtbot):
    doc, _lang, page = open_example(qtbot, TargetsPage)
    page.select("followers_local")
    before = doc.project
    type_into(page.fields["target"], "1500")
    assert doc.project.kpi("followers_local").target == 1500
    assert page.chart.data().plan[-1][1] == 1500
    doc.undo_stack.undo()
    assert doc.project == before
    assert page.fields["target"].value() == 1000


def test_realism_check_is_the_core_audit_for_that_kpi(qtbot):
    doc, _lang, page = open_example(qtbot, TargetsPage, "pizzeria-unrealistic", Lang.EN)
    page.select("followers_local")
    findings = audit(doc.project).for_kpi("followers_local")
    assert findings
    lines = page.realism.lines()
    for f in findings:
        assert any(f.message.en in line for line in lines)
    # a target the resources can carry clears the realism error
    type_into(page.fields["target"], "430")
    assert not any("R-audience-capacity" == f.id for f in audit(doc.project).for_kpi("followers_local"))
    assert not any("is not realistic" in line for line in page.realism.lines())


def test_refused_values_show_the_reason_and_leave_the_plan(qtbot):
    doc, _lang, page = open_example(qtbot, TargetsPage)
    page.select("engagement_rate")
    before = doc.project
    type_into(page.fields["weight"], "150")
    assert "이하" in page.errors["weight"].text() and not page.errors["weight"].isHidden()
    type_into(page.fields["at_risk"], "95")  # above the on-track threshold: the model refuses
    assert not page.errors["at_risk"].isHidden()
    type_into(page.fields["baseline"], "abc")
    assert "숫자" in page.errors["baseline"].text()
    assert doc.project == before
    type_into(page.fields["at_risk"], "60")
    assert doc.project.kpi("engagement_rate").thresholds.at_risk == 0.6
    assert page.errors["at_risk"].isHidden()


def test_range_direction_shows_band_fields(qtbot):
    doc, _lang, page = open_example(qtbot, TargetsPage, "b2b-ebook", Lang.EN)
    page.select("bounce_rate")
    page.fields["direction"].value_chosen.emit(Direction.RANGE)
    assert doc.project.kpi("bounce_rate").direction is Direction.RANGE
    assert page.fields["band_low"].isVisibleTo(page) and not page.fields["target"].isVisibleTo(page)
    type_into(page.fields["band_low"], "35")
    type_into(page.fields["band_high"], "45")
    assert page.chart.data().band == (35, 45)


def test_language_switch_retranslates(qtbot):
    _doc, language, page = open_example(qtbot, TargetsPage)
    assert page.title() == "목표치 정하기"
    assert page.kpi_list.item(1).text() == "지역 팔로워 수"
    language.set(Lang.EN)
    assert page.title() == "Targets"
    assert page.kpi_list.item(1).text() == "Local followers"
    assert page.labels["owner"].text() == "&Owner"
