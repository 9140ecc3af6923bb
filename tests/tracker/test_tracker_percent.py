"""A percent typed as "4.6%" means 4.6 in the workbook's own formulas, as it does in the app.

Every spreadsheet program stores "4.6%" typed as 0.046 in a percent format, so a percent KPI's
actual cells hold fractions, and the Dashboard reads them back on the plan's scale. Here a tracker
is edited the way a spreadsheet stores a typed percent, recalculated by LibreOffice and by Gnumeric,
and its Dashboard compared with what the app computes once the tracker is imported.
"""

from __future__ import annotations

import zipfile
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest

from kpiwizard.core.enums import Direction, Lang
from kpiwizard.core.examples import find_example
from kpiwizard.core.kpiview import view_kpis
from kpiwizard.core.progress import evaluate, overall_score, today
from kpiwizard.core.vocab import STATUS_NAMES
from kpiwizard.export.tracker import C_LATEST, C_PACE, C_PROGRESS, C_STATUS, DASH_FIRST_ROW, export_tracker
from kpiwizard.export.tracker_import import import_actuals
from kpiwizard.export.tracker_layout import FIRST_ROW, build_layout, is_percent
from kpiwizard.export.tracker_text import SHEETS
from tracker_recalc import blank, boundary_project, gnumeric, load, recalculate


def _typed_percent(path: Path, project, lang: Lang, kpi_id: str, period: int, fraction: float) -> None:
    """What LibreOffice stores for "4.6%" typed into the cell: 0.046 with a percent format."""
    sheet = build_layout(project, lang).sheet_of(kpi_id)
    wb = openpyxl.load_workbook(path)
    cell = wb[sheet.title].cell(row=FIRST_ROW + period, column=sheet.column(kpi_id))
    cell.value = fraction
    cell.number_format = "0.0%"
    wb.save(path)


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """name -> (project after import, language, {engine: recalculated file}) for two trackers:
    the café example with "4.6%" typed in its last week, and the boundary plan with "49%" typed
    where it puts the percent KPI's pace exactly on the on-track threshold."""
    folder = tmp_path_factory.mktemp("percent")
    cases = {"cafe": (find_example("cafe").load(), Lang.KO, "engagement_rate", 11, 0.046),
             "boundaries": (boundary_project(), Lang.EN, "percent_kpi", 7, 0.49)}
    files = {}
    for name, (project, lang, kpi_id, period, fraction) in cases.items():
        files[name] = folder / f"{name}.xlsx"
        export_tracker(project, files[name], lang)
        _typed_percent(files[name], project, lang, kpi_id, period, fraction)
    (folder / "libreoffice").mkdir()
    (folder / "gnumeric").mkdir()
    by_lo = recalculate(list(files.values()), folder / "libreoffice")
    by_gnumeric = gnumeric(list(files.values()), folder / "gnumeric")
    out = {}
    for name, (project, lang, kpi_id, period, _) in cases.items():
        imported = import_actuals(project, files[name]).project
        out[name] = (imported, lang, kpi_id, {"libreoffice": by_lo[files[name]], "gnumeric": by_gnumeric[files[name]]})
    return out


def test_the_typed_percent_is_imported_on_the_plans_scale(edited):
    cafe, _, _, _ = edited["cafe"]
    assert cafe.actuals["engagement_rate"][max(cafe.actuals["engagement_rate"])] == 4.6
    boundaries, _, _, _ = edited["boundaries"]
    assert boundaries.actuals["percent_kpi"][max(boundaries.actuals["percent_kpi"])] == 49


@pytest.mark.parametrize("engine", ["libreoffice", "gnumeric"])
@pytest.mark.parametrize("name", ["cafe", "boundaries"])
def test_the_dashboard_reads_a_typed_percent_as_the_app_does(edited, name, engine):
    project, lang, kpi_id, recalculated = edited[name]
    results = evaluate(project, today())
    ws = load(recalculated[engine])[SHEETS["dashboard"].get(lang)]
    for i, kpi in enumerate(project.kpis):
        core = results[kpi.id]
        row = [ws.cell(row=DASH_FIRST_ROW + i, column=col).value for col in (C_LATEST, C_PROGRESS, C_PACE, C_STATUS)]
        latest, progress, pace, status = (blank(v) for v in row)
        if kpi.unit == "%":  # exactly the number typed and imported, not merely close to it
            assert latest == core.latest, (name, engine, kpi.id)
        else:
            assert latest == pytest.approx(core.latest, abs=1e-12) if core.latest is not None else latest is None
        assert progress == pytest.approx(core.progress, abs=1e-12) if core.progress is not None else progress is None
        assert pace == pytest.approx(core.pace, abs=1e-12) if core.pace is not None else pace is None
        assert status == STATUS_NAMES[core.status].get(lang), (name, engine, kpi.id, core.status)
    assert ws["B3"].value == pytest.approx(overall_score(project, results), abs=1e-12)
    if name == "cafe":
        assert results[kpi_id].latest == 4.6
    else:  # 49% typed: progress 0.45 at half the time, pace 0.9 — on track, the threshold itself
        assert results[kpi_id].pace == 0.9
        assert results[kpi_id].status.value == "on_track"


@pytest.mark.parametrize("engine", ["libreoffice", "gnumeric"])
def test_a_recalculated_tracker_imports_the_typed_percent_the_same(edited, engine):
    """Saved again by each program, the percent-formatted cells still mean what they show."""
    for name in ("cafe", "boundaries"):
        project, _, _, recalculated = edited[name]
        again = import_actuals(project, recalculated[engine])
        assert again.summary(Lang.EN) == "No changes.", (name, engine)


@pytest.mark.parametrize("example,lang", [("cafe", Lang.KO), ("b2b-ebook", Lang.EN)])
def test_a_percent_kpis_chart_draws_actuals_and_target_line_on_one_scale(tmp_path, example, lang):
    """The chart reads the actual cells (fractions) and the chart data's line: both fractions, and
    the axis shows them as percents."""
    project = find_example(example).load()
    path = tmp_path / "t.xlsx"
    export_tracker(project, path, lang)
    wb = openpyxl.load_workbook(path)
    layout = build_layout(project, lang)
    data = wb[SHEETS["chart_data"].get(lang)]
    percent = [(i, v) for i, v in enumerate(view_kpis(project, lang)) if is_percent(v)]
    assert percent, f"{example} has a percent KPI"
    for i, view in percent:
        sheet = layout.sheet_of(view.id)
        col = sheet.column(view.id)
        actuals = [c.value for c in next(wb[sheet.title].iter_cols(
            min_col=col, max_col=col, min_row=FIRST_ROW, max_row=sheet.last_row))]
        recorded = [v / 100 for v in project.actuals[view.id].values()][:len(sheet.periods)]
        assert [a for a in actuals if a is not None] == pytest.approx(recorded)
        line = [data.cell(row=FIRST_ROW + i, column=c).value for c in (5, 6, 7)]
        assert view.direction is not Direction.RANGE
        assert line[0] == pytest.approx(view.baseline / 100) and line[-1] == pytest.approx(view.target / 100)
        with zipfile.ZipFile(path) as z:
            xml = z.read(f"xl/charts/chart{i + 1}.xml").decode()
        letter = openpyxl.utils.get_column_letter(col)
        assert f"!${letter}${FIRST_ROW}:${letter}${sheet.last_row}</c:f>" in xml  # the actual cells
        assert f"!$E${FIRST_ROW + i}:$G${FIRST_ROW + i}</c:f>" in xml  # the target line
        assert 'formatCode="0.0#%"' in xml or 'formatCode="0%"' in xml


def test_a_percent_band_is_drawn_as_fractions_too(tmp_path):
    project = boundary_project()
    path = tmp_path / "b.xlsx"
    export_tracker(project, path, Lang.EN)
    i = next(i for i, k in enumerate(project.kpis) if k.id == "percent_band")
    data = openpyxl.load_workbook(path)["Chart data"]
    assert [data.cell(row=FIRST_ROW + i, column=c).value for c in (5, 6, 7)] == [0.03] * 3
    assert [data.cell(row=FIRST_ROW + i, column=c).value for c in (8, 9, 10)] == [0.05] * 3


def test_the_dashboard_shows_a_percent_kpis_numbers_with_their_sign(tmp_path):
    """Baseline, target and latest stay on the plan's scale (4.6) and read "4.6%"."""
    project = find_example("cafe").load()
    path = tmp_path / "c.xlsx"
    export_tracker(project, path, Lang.KO)
    ws = openpyxl.load_workbook(path)[SHEETS["dashboard"].get(Lang.KO)]
    i = next(i for i, k in enumerate(project.kpis) if k.id == "engagement_rate")
    row = DASH_FIRST_ROW + i
    formats = {ws.cell(row=row, column=c).number_format for c in (5, 6, C_LATEST)}
    assert formats == {'#,##0.0#"%"'}
    assert ws.cell(row=row, column=5).value == 4  # the baseline, not 0.04
    other = next(i for i, k in enumerate(project.kpis) if k.id == "coupon_visits")
    assert "%" not in ws.cell(row=DASH_FIRST_ROW + other, column=C_LATEST).number_format


def test_the_boundary_plan_reaches_its_percent_edges():
    """The boundary plan is only a test of the percents if it holds what it claims."""
    project = boundary_project()
    on = today()
    results = evaluate(project, on)
    assert results["percent_at_target"].status.value == "reached" and results["percent_at_target"].latest == 29
    assert 0.29 * 100 < 29  # why the workbook rounds (LibreOffice and Gnumeric save 29 either way; Excel would not)
    assert results["percent_band"].latest == 4.5
    assert project.start + timedelta(weeks=8) == on


@pytest.mark.parametrize("kpi_id,typed,refused", [
    # typed as the owner types it; LibreOffice stores "4.6%" as 0.046
    ("engagement_rate", ["0%", "100%", "100.01%", "-0.01%", "4.6%", "4.6", "0.5%"], ["100.01%", "-0.01%", "4.6"]),
    ("coupon_visits", ["0", "-1", "25", "0.5"], ["-1"]),
])
def test_libreoffice_own_validation_accepts_0_to_100_percent_and_refuses_beyond(tmp_path, kpi_id, typed, refused):
    """Both sides of each edge, judged by LibreOffice itself (its Mark Invalid Data)."""
    from tracker_recalc import libreoffice_invalid

    project = find_example("cafe").load()
    path = tmp_path / "cafe.xlsx"
    export_tracker(project, path, Lang.KO)
    sheet = build_layout(project, Lang.KO).sheet_of(kpi_id)
    index = openpyxl.load_workbook(path, read_only=True).sheetnames.index(sheet.title)
    rows = libreoffice_invalid(path, index, sheet.column(kpi_id), FIRST_ROW, typed)
    assert [typed[r - FIRST_ROW] for r in rows] == refused
