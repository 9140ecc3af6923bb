"""The tracker's formulas, recalculated by LibreOffice and by Gnumeric, give the core's numbers; the
values stored beside the formulas (what a preview shows) are the core's too.

Every example in Korean and English, plus a plan built to sit on every boundary of the status rules
(pace on each threshold, lower-is-better, bands, targets equal to baselines, deadlines passed, today
and tomorrow, overdue readings, too few readings, a reading in a week not begun yet, a new cycle).
"""

from __future__ import annotations

import re
import zipfile
from datetime import datetime

import pytest

from kpiwizard.core.enums import Status
from kpiwizard.core.progress import evaluate, overall_score, today
from kpiwizard.core.roi import compute_roi, project_roi, reverse_funnel
from kpiwizard.core.vocab import STATUS_NAMES
from kpiwizard.export.tracker import (
    C_EXPECTED, C_LATEST, C_MEASURED, C_NEXT_DUE, C_PACE, C_PROGRESS, C_READINGS, C_SCORE, C_STATUS,
    DASH_FIRST_ROW,
)
from kpiwizard.export.tracker_text import SHEETS
from tracker_recalc import ENGINES, GUARD, INJECTIONS, blank, cell_errors, load, plans, workbooks

ALL = sorted(plans())
COMPARED = [k for k in ALL if not k.startswith("injection")]
SOURCES = ("stored",) + ENGINES  # what a preview shows, and what each spreadsheet program computes


def _file(key: str, source: str):
    project, lang, exported, recalculated = workbooks()[key]
    return project, lang, exported if source == "stored" else recalculated[source]


def _close(actual, expected, what):
    actual = blank(actual)
    if expected is None:
        assert actual is None, f"{what}: expected blank, workbook shows {actual!r}"
    else:
        assert isinstance(actual, (int, float)) and not isinstance(actual, bool), \
            f"{what}: expected {expected}, workbook shows {actual!r}"
        assert actual == pytest.approx(expected, abs=1e-9, rel=1e-9), what


def _day(value):
    return value.date() if isinstance(value, datetime) else blank(value)


@pytest.mark.parametrize("engine", ENGINES)
def test_both_programs_really_recalculate_instead_of_trusting_stored_values(engine):
    _, _, stored, recalculated = workbooks()[GUARD]
    assert [load(stored)["Guard"][c].value for c in ("B1", "B2", "B3")] == [5, "small", 0]
    assert [load(recalculated[engine])["Guard"][c].value for c in ("B1", "B2", "B3")] == [41, "big", 20]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("key", ALL)
def test_no_cell_holds_an_error_after_recalculation(key, engine):
    assert cell_errors(workbooks()[key][3][engine]) == []


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("key", COMPARED)
def test_dashboard_equals_the_core(key, source):
    project, lang, path = _file(key, source)
    ws = load(path)[SHEETS["dashboard"].get(lang)]
    results = evaluate(project, today())
    for i, kpi in enumerate(project.kpis):
        r = DASH_FIRST_ROW + i
        core = results[kpi.id]
        cell = lambda col: ws.cell(row=r, column=col).value  # noqa: E731
        what = f"{key} ({source}) {kpi.id}"
        _close(cell(C_READINGS), core.readings if core.readings else 0, f"{what} readings")
        _close(cell(C_LATEST), core.latest, f"{what} latest")
        assert _day(cell(C_MEASURED)) == core.measured_on, what
        _close(cell(C_PROGRESS), core.progress, f"{what} progress")
        _close(cell(C_EXPECTED), core.expected, f"{what} expected")
        _close(cell(C_PACE), core.pace, f"{what} pace")
        assert _day(cell(C_NEXT_DUE)) == core.next_due, f"{what} next due"
        score = None if core.progress is None else min(max(core.progress, 0), 1)
        _close(cell(C_SCORE), score, f"{what} score")
        assert cell(C_STATUS) == STATUS_NAMES[core.status].get(lang), f"{what}: core says {core.status}"
    _close(ws["B3"].value, overall_score(project, results), f"{key} ({source}) overall score")
    assert _day(ws["B4"].value) == today(), "the review date is today"


def test_libreoffice_and_gnumeric_compute_the_same_value_in_every_formula_cell():
    """Beyond the checked columns: every cell either program computed, on every sheet, is equal."""
    differences = []
    for key in ALL:
        _, _, exported, recalculated = workbooks()[key]
        formulas = load(exported, data_only=False)
        lo, gn = load(recalculated["libreoffice"]), load(recalculated["gnumeric"])
        for ws in formulas.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if c.data_type != "f":
                        continue
                    a, b = blank(lo[ws.title][c.coordinate].value), blank(gn[ws.title][c.coordinate].value)
                    same = a == b or (isinstance(a, (int, float)) and isinstance(b, (int, float))
                                      and a == pytest.approx(b, abs=1e-9, rel=1e-9))
                    if not same:
                        differences.append(f"{key} {ws.title}!{c.coordinate}: LibreOffice {a!r}, Gnumeric {b!r}")
    assert not differences, "\n".join(differences[:40])


def test_boundary_plan_really_reaches_every_status():
    """The boundary plan is only a test if it walks through each status and a blank overall part."""
    project, *_ = workbooks()["boundaries-en"]
    results = evaluate(project, today()).values()
    assert {r.status for r in results} == set(Status)
    assert {None, 0.0, 1.0, 1.5, -0.25, 0.45, 0.35}.issubset({r.progress for r in results})
    paces = {r.pace for r in results}
    assert {0.9, 0.7}.issubset(paces), "pace exactly on both default thresholds"


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("key", COMPARED)
def test_roi_and_reverse_funnel_equal_the_core(key, source):
    project, lang, path = _file(key, source)
    wb = load(path)

    def named(name):
        sheet, ref = next(iter(wb.defined_names[name].destinations))
        return wb[sheet][ref.replace("$", "")].value

    roi = project_roi(project)
    for name, value in {
        "roi_labour_cost": roi.labour_cost, "roi_total_cost": roi.total_cost,
        "roi_gross_profit": roi.gross_profit, "roi_net_return": roi.net_return, "roi_percent": roi.roi_percent,
        "roi_revenue_to_ad_spend": roi.revenue_to_ad_spend_percent,
        "roi_cost_per_lead": roi.cost_per_lead, "roi_cpa": roi.cost_per_acquisition,
        "roi_ltv": roi.ltv, "roi_ltv_to_cac": roi.ltv_to_cac,
    }.items():
        _close(named(name), value, f"{key} ({source}) {name}")
    funnel = reverse_funnel(project.roi.funnel, project.roi.average_order)
    for field in ("customers", "leads", "clicks", "reach"):
        _close(named(f"funnel_{field}"), getattr(funnel, field) if funnel else None,
               f"{key} ({source}) funnel {field}")


@pytest.mark.parametrize("source", SOURCES)
def test_roi_with_zero_divisors_is_blank_not_an_error(source):
    """The boundary plan has no ROI inputs at all: every ratio must be blank, none an error."""
    project, lang, path = _file("boundaries-en", source)
    assert compute_roi(project.roi).roi_percent is None
    wb = load(path)
    for name in ("roi_percent", "roi_cost_per_lead", "roi_cpa", "roi_ltv_to_cac", "funnel_customers"):
        sheet, ref = next(iter(wb.defined_names[name].destinations))
        assert blank(wb[sheet][ref.replace("$", "")].value) is None, name


def test_every_formula_cell_stores_a_value():
    """A preview shows stored values: every formula cell of every workbook carries one (<v>)."""
    for key in ALL:
        _, _, exported, _ = workbooks()[key]
        with zipfile.ZipFile(exported) as z:
            for name in z.namelist():
                if name.startswith("xl/worksheets/sheet"):
                    xml = z.read(name).decode()
                    cells = re.findall(r"<c [^>]*>(?:(?!</c>).)*</c>", xml)
                    formulas = [c for c in cells if "<f>" in c]
                    assert all("<v>" in c for c in formulas), (key, name, [c for c in formulas if "<v>" not in c][:3])


def test_user_text_that_looks_like_a_formula_stays_text():
    project, lang, exported, recalculated = workbooks()["injection-en"]
    for path in (exported, *recalculated.values()):
        wb = load(path, data_only=path != exported)
        texts = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
                 if isinstance(c.value, str)}
        for s in INJECTIONS:
            assert s in texts, f"{s!r} missing from {path}"
        if path == exported:  # not one of them became a formula cell
            formulas = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
                        if c.data_type == "f"}
            assert not formulas & set(INJECTIONS)
            actions = wb[SHEETS["actions"].get(lang)]
            assert actions["B5"].value == INJECTIONS[0] and actions["B5"].data_type == "s"
    for path in recalculated.values():
        ws = load(path)[SHEETS["dashboard"].get(lang)]
        assert [ws.cell(row=DASH_FIRST_ROW + i, column=1).value for i in range(len(INJECTIONS))] == INJECTIONS
