"""Progress view: the core's status per KPI, typed actuals land in the plan, remedies apply in one
click and undo, a tracker is imported and a bad one explained."""

from datetime import date

from kpiwizard.core.enums import Lang, Status
from kpiwizard.core.formatting import format_percent
from kpiwizard.core.progress import evaluate, kpi_periods
from kpiwizard.core.remedies import RemedyKind, apply_remedy, suggest
from kpiwizard.core.vocab import STATUS_NAMES
from kpiwizard.gui.progress_view import ProgressView

from gui_keyboard import type_into_cell
from gui_pages_helpers import open_example


def row_of(view, kpi_id):
    view.select(kpi_id)
    return view.status_table.currentRow()


def test_status_columns_are_the_cores_evaluation(qtbot):
    for example, lang in (("cafe", Lang.KO), ("b2b-ebook", Lang.EN)):
        doc, _language, view = open_example(qtbot, ProgressView, example, lang)
        results = evaluate(doc.project)
        for kpi in doc.project.kpis:
            row = row_of(view, kpi.id)
            r = results[kpi.id]
            assert STATUS_NAMES[r.status].get(lang) in view.status_table.item(row, 1).text()
            assert view.status_table.item(row, 2).text() == format_percent(r.progress)


def test_typed_actual_lands_in_project_actuals_and_undo_restores(qtbot):
    doc, _language, view = open_example(qtbot, ProgressView)
    before = doc.project
    view.select("naver_place_saves")  # the café's one empty month (March)
    periods = kpi_periods(doc.project, doc.project.kpi("naver_place_saves"))
    empty_row = next(i for i, p in enumerate(periods) if not any(p.start <= d <= p.end for d in doc.project.actuals["naver_place_saves"]))
    type_into_cell(view.actuals, empty_row, 1, "81")
    assert doc.project.actuals["naver_place_saves"][periods[empty_row].start] == 81
    assert view.chart.data().actuals[-1] == (periods[empty_row].end, 81)
    # changing a recorded period rewrites that period's value, not a new date
    type_into_cell(view.actuals, 0, 1, "60")
    recorded = [d for d in doc.project.actuals["naver_place_saves"] if periods[0].start <= d <= periods[0].end]
    assert len(recorded) == 1 and doc.project.actuals["naver_place_saves"][recorded[0]] == 60
    # emptying a cell clears the period
    type_into_cell(view.actuals, 0, 1, "")
    assert not any(periods[0].start <= d <= periods[0].end for d in doc.project.actuals["naver_place_saves"])
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert doc.project == before


def test_bad_actual_is_refused_with_the_reason(qtbot):
    doc, _language, view = open_example(qtbot, ProgressView)
    before = doc.project
    view.select("naver_place_saves")  # the café's one empty month (March)
    type_into_cell(view.actuals, 2, 1, "많이")
    assert "숫자" in view.actuals_error.text() and not view.actuals_error.isHidden()
    type_into_cell(view.actuals, 2, 1, "1e15")
    assert "이하" in view.actuals_error.text()
    assert doc.project == before
    assert view.actuals.item(2, 1).text() == ""


def test_remedy_applies_with_one_click_like_the_core_and_undoes(qtbot):
    doc, _language, view = open_example(qtbot, ProgressView)
    before = doc.project
    view.select("social_revenue")
    remedies = suggest(before, "social_revenue", Lang.KO)
    assert remedies and [lbl.text() for lbl in view.remedy_labels] == [r.message.ko for r in remedies]
    kinds = [r.kind for r in remedies]
    index = kinds.index(RemedyKind.RESET)
    view.remedy_buttons[index].click()
    assert doc.project == apply_remedy(before, remedies[index])
    assert doc.project.kpi("social_revenue").target == remedies[index].new_target
    doc.undo_stack.undo()
    assert doc.project == before
    # the alternative KPI remedy adds a KPI the same way
    view.select("social_revenue")
    index = kinds.index(RemedyKind.ALTERNATIVE)
    view.remedy_buttons[index].click()
    assert doc.project == apply_remedy(before, remedies[index])
    doc.undo_stack.undo()
    assert doc.project == before


def test_on_track_kpi_offers_no_remedy(qtbot, monkeypatch):
    # Statuses are judged as of today; review the café on 1 February, its latest readings in.
    monkeypatch.setattr("kpiwizard.core.progress.today", lambda: date(2026, 2, 1))
    doc, _language, view = open_example(qtbot, ProgressView)
    view.select("coupon_visits")
    assert evaluate(doc.project)["coupon_visits"].status is Status.ON_TRACK
    assert view.remedy_buttons == [] and view.remedy_empty.isVisibleTo(view)


def test_tracker_import_round_trip_and_a_bad_file(qtbot, tmp_path):
    from kpiwizard.export.tracker import export_tracker

    doc, _language, view = open_example(qtbot, ProgressView)
    path = tmp_path / "tracker.xlsx"
    export_tracker(doc.project, path)
    assert view.import_tracker(path)
    assert view.import_result.text().startswith("tracker.xlsx:")
    bad = tmp_path / "not-a-tracker.xlsx"
    bad.write_text("hello")
    before = doc.project
    assert not view.import_tracker(bad)
    assert "not-a-tracker.xlsx" in view.import_error.text() and not view.import_error.isHidden()
    assert doc.project == before


def test_language_switch_retranslates(qtbot):
    doc, language, view = open_example(qtbot, ProgressView)
    assert view.status_table.horizontalHeaderItem(1).text() == "상태"
    language.set(Lang.EN)
    assert view.status_table.horizontalHeaderItem(1).text() == "Status"
    view.select("social_revenue")
    assert view.remedy_labels[0].text() == suggest(doc.project, "social_revenue", Lang.EN)[0].message.en


def test_an_actual_typed_into_its_cell_with_the_keyboard_reaches_the_plan(qtbot):
    """Select the cell, type the digits, press Enter: what a person does, no setText."""
    from PySide6.QtCore import Qt

    from gui_keyboard import click_cell, press, type_text

    doc, _language, view = open_example(qtbot, ProgressView)
    before = doc.project
    view.select("naver_place_saves")
    periods = kpi_periods(doc.project, doc.project.kpi("naver_place_saves"))
    empty_row = next(i for i, p in enumerate(periods)
                     if not any(p.start <= d <= p.end for d in doc.project.actuals["naver_place_saves"]))
    click_cell(view.actuals, empty_row, 1)
    type_text("1,234")  # the first key opens the cell's editor, the rest go into it
    press(Qt.Key.Key_Return)
    assert doc.project.actuals["naver_place_saves"][periods[empty_row].start] == 1234
    assert view.actuals.item(empty_row, 1).text() == "1234"
    assert view.actuals_error.isHidden()
    # a word typed the same way is refused with the reason; the plan keeps 1234
    click_cell(view.actuals, empty_row, 1)
    type_text("abc")
    press(Qt.Key.Key_Return)
    assert "숫자" in view.actuals_error.text() and not view.actuals_error.isHidden()
    assert doc.project.actuals["naver_place_saves"][periods[empty_row].start] == 1234
    doc.undo_stack.undo()
    assert doc.project == before


def test_each_status_says_why_and_the_forecast_in_words(qtbot, monkeypatch):
    from kpiwizard.core.kpiview import view_kpis
    from kpiwizard.core.progress import forecast_text, status_reason

    monkeypatch.setattr("kpiwizard.core.progress.today", lambda: date(2026, 2, 20))
    for lang in (Lang.KO, Lang.EN):
        doc, _language, view = open_example(qtbot, ProgressView, "cafe", lang)
        results = evaluate(doc.project)
        statuses = set()
        for v in view_kpis(doc.project, lang):
            row = row_of(view, v.id)
            r = results[v.id]
            statuses.add(r.status)
            why, forecast = status_reason(r, v).get(lang), forecast_text(r, v).get(lang)
            assert why in view.status_table.item(row, 1).toolTip()
            assert forecast in view.status_table.item(row, 5).toolTip()
            detail = view.status_detail.text()
            assert STATUS_NAMES[r.status].get(lang) in detail and why in detail and forecast in detail
        assert len(statuses) >= 3, statuses  # the walk met several statuses, not one repeated
    assert view.remedy_box.title() == "What to do when behind or missed"


def test_the_remedy_box_speaks_the_new_status_words(qtbot, monkeypatch):
    monkeypatch.setattr("kpiwizard.core.progress.today", lambda: date(2026, 2, 1))
    doc, language, view = open_example(qtbot, ProgressView)
    assert view.remedy_box.title() == "뒤처지거나 미달일 때 할 일"
    view.select("coupon_visits")  # on track on 1 February: nothing to suggest, and it says its status
    assert view.remedy_buttons == []
    assert "'순항'" in view.remedy_empty.text()


def test_the_chart_of_a_kpi_in_a_new_cycle_starts_at_the_cycle(qtbot, monkeypatch):
    from datetime import timedelta

    from kpiwizard.core.models import KpiCycle

    monkeypatch.setattr("kpiwizard.core.progress.today", lambda: date(2026, 3, 20))
    doc, _language, view = open_example(qtbot, ProgressView)
    project = doc.project.model_copy(deep=True)
    kpi = project.kpi("followers_local")
    new_start = date(2026, 2, 2)
    kpi.cycles = [KpiCycle(start=project.start, deadline=new_start - timedelta(days=1), baseline=kpi.baseline,
                           target=kpi.target, final_value=900, final_reading=new_start - timedelta(days=1),
                           verdict="missed", closed_on=new_start)]
    kpi.cycle_start = new_start
    doc.replace(project, None)
    view.select("followers_local")
    result = evaluate(doc.project)["followers_local"]
    assert result.start == new_start
    data = view.chart.data()
    assert data.start == new_start and data.plan[0][0] == new_start
    assert all(day >= new_start for day, _ in data.actuals)
