"""The tracker's formulas, recalculated by LibreOffice, give the core's numbers exactly.

Every example in Korean and English, plus a plan built to sit on every boundary of the progress
rules (lower-is-better, bands, targets equal to baselines, deadlines, empty periods).
"""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from kpiwizard.core.enums import Status
from kpiwizard.core.progress import evaluate, overall_score
from kpiwizard.core.vocab import STATUS_NAMES
from kpiwizard.core.roi import compute_roi, project_roi, reverse_funnel
from kpiwizard.export.tracker import (
    C_EXPECTED, C_LATEST, C_MEASURED, C_PACE, C_PROGRESS, C_SCORE, C_STATUS, DASH_FIRST_ROW,
)
from kpiwizard.export.tracker_text import SHEETS
from tracker_recalc import INJECTIONS, blank, cell_errors, plans, workbooks

ALL = sorted(plans())
COMPARED = [k for k in ALL if not k.startswith("injection")]


def _close(actual, expected, what):
    actual = blank(actual)
    if expected is None:
        assert actual is None, f"{what}: expected blank, workbook shows {actual!r}"
    else:
        assert isinstance(actual, (int, float)), f"{what}: expected {expected}, workbook shows {actual!r}"
        assert actual == pytest.approx(expected, abs=1e-6, rel=1e-9), what


@pytest.mark.parametrize("key", ALL)
def test_no_cell_holds_an_error_after_recalculation(key):
    *_, recalculated = workbooks()[key]
    assert cell_errors(recalculated) == []


@pytest.mark.parametrize("key", COMPARED)
def test_dashboard_equals_the_core(key):
    project, lang, _, recalculated = workbooks()[key]
    ws = openpyxl.load_workbook(recalculated, data_only=True)[SHEETS["dashboard"].get(lang)]
    results = evaluate(project)
    for i, kpi in enumerate(project.kpis):
        r = DASH_FIRST_ROW + i
        core = results[kpi.id]
        cell = lambda col: ws.cell(row=r, column=col).value  # noqa: E731
        what = f"{key} {kpi.id}"
        _close(cell(C_LATEST), core.latest, f"{what} latest")
        measured = cell(C_MEASURED)
        assert (measured.date() if isinstance(measured, datetime) else blank(measured)) == core.measured_on, what
        _close(cell(C_PROGRESS), core.progress, f"{what} progress")
        _close(cell(C_EXPECTED), core.expected, f"{what} expected")
        _close(cell(C_PACE), core.pace, f"{what} pace")
        score = None if core.progress is None else min(max(core.progress, 0), 1)
        _close(cell(C_SCORE), score, f"{what} score")
        assert cell(C_STATUS) == STATUS_NAMES[core.status].get(lang), what
    _close(ws["B3"].value, overall_score(project, results), f"{key} overall score")


def test_boundary_plan_really_reaches_every_status():
    """The boundary plan is only a test if it walks through each status and a blank overall part."""
    project, *_ = workbooks()["boundaries-en"]
    statuses = {r.status for r in evaluate(project).values()}
    assert statuses == set(Status)
    progresses = {r.progress for r in evaluate(project).values()}
    assert {None, 0.0, 1.0, 1.5, -0.25, 0.5}.issubset(progresses)


@pytest.mark.parametrize("key", COMPARED)
def test_roi_and_reverse_funnel_equal_the_core(key):
    project, lang, _, recalculated = workbooks()[key]
    wb = openpyxl.load_workbook(recalculated, data_only=True)

    def named(name):
        sheet, ref = next(iter(wb.defined_names[name].destinations))
        return wb[sheet][ref.replace("$", "")].value

    roi = project_roi(project)
    for name, value in {
        "roi_labour_cost": roi.labour_cost, "roi_total_cost": roi.total_cost,
        "roi_net_return": roi.net_return, "roi_percent": roi.roi_percent,
        "roi_cost_per_lead": roi.cost_per_lead, "roi_cpa": roi.cost_per_acquisition,
        "roi_ltv": roi.ltv, "roi_ltv_to_cac": roi.ltv_to_cac,
    }.items():
        _close(named(name), value, f"{key} {name}")
    funnel = reverse_funnel(project.roi.funnel, project.roi.average_order)
    for field in ("customers", "leads", "clicks", "reach"):
        _close(named(f"funnel_{field}"), getattr(funnel, field) if funnel else None, f"{key} funnel {field}")


def test_roi_with_zero_divisors_is_blank_not_an_error():
    """The boundary plan has no ROI inputs at all: every ratio must be blank, none an error."""
    project, lang, _, recalculated = workbooks()["boundaries-en"]
    assert compute_roi(project.roi).roi_percent is None
    wb = openpyxl.load_workbook(recalculated, data_only=True)
    for name in ("roi_percent", "roi_cost_per_lead", "roi_cpa", "roi_ltv_to_cac", "funnel_customers"):
        sheet, ref = next(iter(wb.defined_names[name].destinations))
        assert blank(wb[sheet][ref.replace("$", "")].value) is None, name


def test_user_text_that_looks_like_a_formula_stays_text():
    project, lang, exported, recalculated = workbooks()["injection-en"]
    for path in (exported, recalculated):
        wb = openpyxl.load_workbook(path, data_only=path == recalculated)
        texts = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
                 if isinstance(c.value, str)}
        for s in INJECTIONS:
            assert s in texts, f"{s!r} missing from {path.name}"
        if path == exported:  # not one of them became a formula cell
            formulas = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
                        if c.data_type == "f"}
            assert not formulas & set(INJECTIONS)
            actions = wb[SHEETS["actions"].get(lang)]
            assert actions["B5"].value == INJECTIONS[0] and actions["B5"].data_type == "s"
    ws = openpyxl.load_workbook(recalculated, data_only=True)[SHEETS["dashboard"].get(lang)]
    assert [ws.cell(row=DASH_FIRST_ROW + i, column=1).value for i in range(len(INJECTIONS))] == INJECTIONS
