"""Test helpers: export trackers, recalculate them in LibreOffice, read the values back.

openpyxl stores formulas without results, so the only honest check of the tracker's formulas is a
real spreadsheet engine. LibreOffice takes seconds to start, so every workbook the tests need is
exported first and converted in ONE soffice run, cached for the whole session.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import openpyxl
import pytest

from kpiwizard.core.enums import Direction, Frequency, Lang
from kpiwizard.core.examples import examples
from kpiwizard.core.models import Action, CustomKpi, KpiSelection, Project, Thresholds
from kpiwizard.export.tracker import export_tracker

ERROR_PREFIXES = ("#DIV/0!", "#VALUE!", "#NAME?", "#REF!", "#N/A", "#NUM!", "#NULL!", "Err:")
INJECTIONS = ["=1+1", "+SUM(1,2)", "-2+3", "@cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")']


def recalculate(files: list[Path], outdir: Path) -> dict[Path, Path]:
    """Open each file in LibreOffice (which computes every formula) and save it as xlsx again."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is needed to recalculate the tracker's formulas")
    profile = Path(tempfile.mkdtemp(prefix="kpiwizard-lo-"))
    try:
        subprocess.run(
            [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
             "--convert-to", "xlsx", "--outdir", str(outdir), *map(str, files)],
            check=True, capture_output=True, timeout=600,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = {f: outdir / f.name for f in files}
    missing = [str(f) for f, o in out.items() if not o.exists()]
    assert not missing, f"LibreOffice did not convert {missing}"
    return out


def blank(v):
    return None if v == "" else v


def cell_errors(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path, data_only=True)
    found = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith(ERROR_PREFIXES):
                    found.append(f"{ws.title}!{c.coordinate}={c.value}")
    return found


# -- projects the formula tests compare against the core ---------------------------------------

START, END = date(2026, 1, 5), date(2026, 3, 29)  # 12 weeks


def _custom(name: str, percent: bool = False) -> CustomKpi:
    return CustomKpi(name=name, percent=percent)


def boundary_project() -> Project:
    """One KPI per boundary case: each has its own numbers and actuals, so one workbook tests all."""
    kpis: list[KpiSelection] = []
    actuals: dict[str, dict[date, float]] = {}
    week = lambda n: START + timedelta(weeks=n)  # noqa: E731

    def add(kid, direction, baseline, target, values, low=None, high=None, **kw):
        kpis.append(KpiSelection(id=kid, custom=_custom(kid), direction=direction, baseline=baseline,
                                 target=target, band_low=low, band_high=high, weight=kw.pop("weight", 10),
                                 **kw))
        if values:
            actuals[kid] = values

    H, L, R = Direction.HIGHER, Direction.LOWER, Direction.RANGE
    for v in (10, 30, 40, 5):
        add(f"hi_{v}", H, 10, 30, {week(3): v})
    for v in (180, 60, 30, 200):
        add(f"lo_{v}", L, 180, 60, {week(3): v})
    add("hi_same_reached", H, 10, 10, {week(2): 10})
    add("hi_same_short", H, 10, 10, {week(2): 9})
    add("lo_same_reached", L, 10, 10, {week(2): 10})
    add("lo_same_short", L, 10, 10, {week(2): 11})
    for v in (3, 5, 6, 1, 0, 4):
        add(f"band_out_{v}", R, 1, None, {week(5): v}, low=3, high=5)
    for v in (4, 5, 6, 2.5):
        add(f"band_in_{str(v).replace('.', '_')}", R, 4, None, {week(5): v}, low=3, high=5)
    add("band_reversed", R, 8, None, {week(4): 6}, low=5, high=3)
    add("empty_period", H, 10, 30, {})
    add("gaps", H, 10, 30, {week(0): 12, week(4): 20})  # blanks between: latest is week 4
    add("two_in_one_period", H, 10, 30, {week(1): 12, week(1) + timedelta(days=3): 14})
    add("no_baseline", H, None, 30, {week(2): 20})
    add("no_target", H, 10, None, {week(2): 20})
    add("band_missing_edge", R, 1, None, {week(2): 4}, low=3, high=None)
    add("past_deadline_short", H, 10, 30, {week(6): 25}, deadline=START + timedelta(days=20))
    add("at_deadline_reached", H, 10, 30, {week(6): 31}, deadline=START + timedelta(days=20))
    add("final_period", L, 50, 20, {week(11): 25})
    add("weight_zero", H, 10, 30, {week(3): 30}, weight=0)
    add("strict_thresholds", H, 0, 100, {week(5): 40},
        thresholds=Thresholds(on_track=1.2, at_risk=0.95))
    add("loose_thresholds", H, 0, 100, {week(5): 20},
        thresholds=Thresholds(on_track=0.5, at_risk=0.3))
    add("monthly_up", H, 100, 400, {START + timedelta(days=35): 250}, frequency=Frequency.MONTHLY)
    add("monthly_empty", L, 9, 3, {}, frequency=Frequency.MONTHLY)
    add("percent_kpi", H, 40, 60, {week(7): 55.5}, unit="%")
    add("negative_plan", H, -20, 10, {week(3): -5})
    return Project(title="Boundaries", start=START, end=END, kpis=kpis, actuals=actuals)


def injection_project() -> Project:
    """User text that a spreadsheet would run as a formula if it were written carelessly."""
    kpis = [KpiSelection(id=f"k{i}", custom=CustomKpi(name=s, definition=s, formula=s), owner=s, note=s,
                         unit=s, baseline=1, target=2, weight=1)
            for i, s in enumerate(INJECTIONS)]
    actions = [Action(tactic=s, channel=s, owner=s, kpi="k0") for s in INJECTIONS]
    p = Project(title="=2*3", start=START, end=END, kpis=kpis, actions=actions)
    p.business.name = "+cmd"
    p.smart.what = "=A1"
    return p


# -- the session's workbooks -------------------------------------------------------------------

def example_projects() -> dict[str, Project]:
    return {e.name: e.load() for e in examples()}


def plans() -> dict[str, tuple[Project, Lang]]:
    """Every workbook the tests look at: name -> (project, language)."""
    plans: dict[str, tuple[Project, Lang]] = {}
    for name, project in example_projects().items():
        for lang in Lang:
            plans[f"{name}-{lang.value}"] = (project, lang)
    plans["boundaries-en"] = (boundary_project(), Lang.EN)
    plans["boundaries-ko"] = (boundary_project(), Lang.KO)
    plans["injection-en"] = (injection_project(), Lang.EN)
    return plans


@lru_cache(maxsize=1)
def workbooks() -> dict[str, tuple[Project, Lang, Path, Path]]:
    """name -> (project, language, exported file, LibreOffice-recalculated file), built once."""
    folder = Path(tempfile.mkdtemp(prefix="kpiwizard-tracker-"))
    plans_ = plans()
    files = {}
    for key, (project, lang) in plans_.items():
        files[key] = folder / f"{key}.xlsx"
        export_tracker(project, files[key], lang)
    (folder / "recalc").mkdir()
    converted = recalculate(list(files.values()), folder / "recalc")
    return {key: (*plans_[key], files[key], converted[files[key]]) for key in plans_}
