"""Test helpers: export trackers, recalculate them in LibreOffice and in Gnumeric, read values back.

The tracker stores the core's value beside each formula, and LibreOffice trusts stored values by
default, so the LibreOffice profile used here is told to recalculate every formula on loading
(without that, a wrong formula would pass unseen). LibreOffice takes seconds to start, so every
workbook the tests need is exported first and converted in ONE soffice run, cached for the whole
session; Gnumeric's ``ssconvert --recalc`` converts each file in well under a second.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
import warnings
from xml.sax.saxutils import escape as xml_escape
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import openpyxl
import pytest

from kpiwizard.core.enums import Direction, Frequency, Lang
from kpiwizard.core.examples import examples
from kpiwizard.core.models import Action, CustomKpi, KpiCycle, KpiSelection, Project, Thresholds
from kpiwizard.core.progress import today
from kpiwizard.export.tracker import export_tracker

ERROR_PREFIXES = ("#DIV/0!", "#VALUE!", "#NAME?", "#REF!", "#N/A", "#NUM!", "#NULL!", "Err:")
INJECTIONS = ["=1+1", "+SUM(1,2)", "-2+3", "@cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")']
ENGINES = ("libreoffice", "gnumeric")

_RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def libreoffice_profile() -> Path:
    """A fresh LibreOffice user profile that recalculates every formula when a file is opened."""
    profile = Path(tempfile.mkdtemp(prefix="kpiwizard-lo-"))
    (profile / "user").mkdir()
    (profile / "user" / "registrymodifications.xcu").write_text(_RECALC_ALWAYS, encoding="utf-8")
    return profile


_PROFILE: list[Path] = []


def shared_profile() -> Path:
    """One profile for the session's LibreOffice runs (removed at exit): the first run sets it up,
    later ones start faster and find the test macro library in it."""
    if not _PROFILE:
        _PROFILE.append(libreoffice_profile())
        atexit.register(shutil.rmtree, _PROFILE[0], True)
    return _PROFILE[0]


def soffice(*args: str, timeout: int = 600) -> None:
    """Run LibreOffice headless with the session's profile, which always recalculates."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.fail("LibreOffice (soffice) is needed to recalculate the tracker's formulas")
    profile = shared_profile()
    # its own process group: on a time-out the whole soffice -> oosplash -> soffice.bin chain ends
    proc = subprocess.Popen([exe, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
        assert proc.returncode == 0, f"soffice exited {proc.returncode}: {err.decode(errors='replace')[-500:]}"
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"LibreOffice did not finish within {timeout} s")


_LIBRARY_LIST = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
"""
_LIBRARY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard"
 library:readonly="false" library:passwordprotected="false">{element}</library:library>
"""
# Opens a workbook, enters each edit the way LibreOffice's own API does, saves it as .xlsx.
# spec: "sheet index|cell|kind|text" joined by ";" — kind n: entered as typed (setFormula),
# s: text, p: entered as typed then given the percent format LibreOffice gives a typed "4.6%".
_EDIT_BASIC = """
Sub Edit(inUrl As String, outUrl As String, spec As String)
  Dim loadArgs(0) As New com.sun.star.beans.PropertyValue
  loadArgs(0).Name = "Hidden"
  loadArgs(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inUrl, "_blank", 0, loadArgs())
  Dim locale As New com.sun.star.lang.Locale
  edits = Split(spec, ";")
  For i = LBound(edits) To UBound(edits)
    parts = Split(edits(i), "|")
    cell = doc.Sheets.getByIndex(CInt(parts(0))).getCellRangeByName(parts(1))
    If parts(2) = "s" Then
      cell.setString(parts(3))
    Else
      cell.setFormula(parts(3))
    End If
    If parts(2) = "p" Then
      cell.NumberFormat = doc.NumberFormats.getStandardFormat(com.sun.star.util.NumberFormat.PERCENT, locale)
    End If
  Next i
  Dim saveArgs(0) As New com.sun.star.beans.PropertyValue
  saveArgs(0).Name = "FilterName"
  saveArgs(0).Value = "Calc MS Excel 2007 XML"
  doc.storeToURL(outUrl, saveArgs())
  doc.close(True)
End Sub

' Types each text into the cells of one column (from row ``first``, 1-based) as the owner would,
' asks LibreOffice's own validation which cells are invalid (Tools > Detective > Mark Invalid
' Data draws a circle around each) and writes their row numbers, one a line, to outPath.
' (A macro URL passes every argument as text: the numbers are converted here.)
Sub Invalid(inUrl As String, outPath As String, sheetText As String, colText As String, firstText As String, spec As String)
  On Error GoTo Failed
  col = CInt(colText)
  first = CInt(firstText)
  Dim loadArgs(0) As New com.sun.star.beans.PropertyValue
  loadArgs(0).Name = "Hidden"
  loadArgs(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inUrl, "_blank", 0, loadArgs())
  sheet = doc.Sheets.getByIndex(CInt(sheetText))
  sheet.unprotect("")
  texts = Split(spec, ";")
  For i = LBound(texts) To UBound(texts)
    sheet.getCellByPosition(col - 1, first - 1 + i).setFormula(texts(i))
  Next i
  sheet.showInvalid()
  page = sheet.DrawPage
  Open outPath For Output As #1
  For s = 0 To page.Count - 1
    shape = page.getByIndex(s)
    middle = shape.Position.Y + shape.Size.Height / 2
    For i = LBound(texts) To UBound(texts)
      cell = sheet.getCellByPosition(col - 1, first - 1 + i)
      If middle >= cell.Position.Y And middle < cell.Position.Y + cell.Size.Height Then
        Print #1, first + i
      End If
    Next i
  Next s
  Close #1
  doc.close(True)
  Exit Sub
Failed:
  Open outPath & ".error" For Output As #2
  Print #2, "line " & Erl & ": " & Error$
  Close #2
End Sub
"""
_EDIT_MACRO = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
    '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Tracker" '
    'script:language="StarBasic">' + xml_escape(_EDIT_BASIC, {'"': "&quot;"}) + "</script:module>\n"
)


def _install_macros() -> None:
    """The test macros (_EDIT_BASIC) in the session profile's Standard library."""
    basic = shared_profile() / "user" / "basic"
    if not (basic / "Standard" / "script.xlb").exists():
        soffice("--terminate_after_init")  # a first start writes the default macro library over ours
    (basic / "Standard").mkdir(parents=True, exist_ok=True)
    for name in ("script.xlc", "dialog.xlc"):
        (basic / name).write_text(_LIBRARY_LIST, encoding="utf-8")
    (basic / "Standard" / "script.xlb").write_text(
        _LIBRARY.format(element='<library:element library:name="Tracker"/>'), encoding="utf-8")
    (basic / "Standard" / "dialog.xlb").write_text(_LIBRARY.format(element=""), encoding="utf-8")
    (basic / "Standard" / "Tracker.xba").write_text(_EDIT_MACRO, encoding="utf-8")


def libreoffice_edit(src: Path, dest: Path, edits: list[tuple[int, str, str, str]]) -> Path:
    """``src`` opened in LibreOffice, the cells edited there (sheet index, cell, kind, text; see
    _EDIT_MACRO), and saved by LibreOffice as ``dest``."""
    for _, _, _, text in edits:
        assert text.isascii() and not set(text) & set('|;"'), "the macro takes plain ASCII text"
    _install_macros()
    spec = ";".join("|".join(map(str, edit)) for edit in edits)
    soffice(f'macro:///Standard.Tracker.Edit("{src.resolve().as_uri()}","{dest.resolve().as_uri()}","{spec}")',
            timeout=180)
    assert dest.exists(), "LibreOffice did not save the edited tracker"
    return dest


def libreoffice_invalid(src: Path, sheet_index: int, col: int, first_row: int, texts: list[str]) -> list[int]:
    """Rows LibreOffice's own data validation marks invalid once ``texts`` are typed into column
    ``col`` from ``first_row`` down (the file itself is left untouched)."""
    for text in texts:
        assert text.isascii() and not set(text) & set('|;"'), "the macro takes plain ASCII text"
    _install_macros()
    out = Path(tempfile.mkdtemp(prefix="kpiwizard-invalid-")) / "rows.txt"
    soffice(f'macro:///Standard.Tracker.Invalid("{src.resolve().as_uri()}","{out}","{sheet_index}","{col}",'
            f'"{first_row}","{";".join(texts)}")', timeout=180)
    failed = out.with_name(out.name + ".error")
    assert not failed.exists(), f"the LibreOffice macro failed: {failed.read_text()}"
    assert out.exists(), "the LibreOffice macro did not run"
    rows = sorted(int(line) for line in out.read_text().split())
    shutil.rmtree(out.parent, ignore_errors=True)
    return rows


def recalculate(files: list[Path], outdir: Path) -> dict[Path, Path]:
    """Open each file in LibreOffice (which computes every formula) and save it as xlsx again."""
    soffice("--convert-to", "xlsx", "--outdir", str(outdir), *map(str, files))
    out = {f: outdir / f.name for f in files}
    missing = [str(f) for f, o in out.items() if not o.exists()]
    assert not missing, f"LibreOffice did not convert {missing}"
    return out


def gnumeric(files: list[Path], outdir: Path) -> dict[Path, Path]:
    """Recalculate each file in Gnumeric (``ssconvert --recalc``) and save it as xlsx again."""
    exe = shutil.which("ssconvert")
    if exe is None:
        pytest.fail("Gnumeric's ssconvert is needed to recalculate the tracker's formulas (Debian: gnumeric)")
    out = {}
    for f in files:
        out[f] = outdir / f.name
        subprocess.run([exe, "--recalc", "--export-type=Gnumeric_Excel:xlsx2", str(f), str(out[f])],
                       check=True, capture_output=True, timeout=120)
    return out


def load(path: Path, data_only: bool = True):
    """openpyxl's reading, without its warnings about other programs' files."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(path, data_only=data_only)


def blank(v):
    return None if v == "" else v


def cell_errors(path: Path) -> list[str]:
    wb = load(path)
    found = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith(ERROR_PREFIXES):
                    found.append(f"{ws.title}!{c.coordinate}={c.value}")
    return found


# -- projects the formula tests compare against the core ---------------------------------------

def _custom(name: str, percent: bool = False) -> CustomKpi:
    return CustomKpi(name=name, percent=percent)


def boundary_project(on: date | None = None) -> Project:
    """One KPI per boundary case of the status rules, judged on ``on`` (default: today).

    The plan runs 16 weeks and ``on`` is the first day of its ninth week, so week 7 is the last
    finished one: readings up to week 6 only are overdue, and the expected share at week 7's end is
    exactly one half (56 of 112 days)."""
    on = on or today()
    start = on - timedelta(weeks=8)
    end = start + timedelta(days=111)
    kpis: list[KpiSelection] = []
    actuals: dict[str, dict[date, float]] = {}
    week = lambda n: start + timedelta(weeks=n)  # noqa: E731

    def add(kid, direction, baseline, target, values, low=None, high=None, **kw):
        kpis.append(KpiSelection(id=kid, custom=_custom(kid, kw.pop("percent", False)), direction=direction,
                                 baseline=baseline, target=target, band_low=low, band_high=high,
                                 weight=kw.pop("weight", 10), **kw))
        if values:
            actuals[kid] = values

    def three(last):  # readings in weeks 5, 6 and 7, ending on ``last``
        return {week(5): last, week(6): last, week(7): last}

    H, L, R = Direction.HIGHER, Direction.LOWER, Direction.RANGE
    # pace = progress / 0.5: progress 0.45 is pace 0.9 (on track), 0.35 is 0.7 (behind)
    for v in (19, 18.99, 17, 16.99, 10, 5, 30, 40):
        add(f"hi_{str(v).replace('.', '_')}", H, 10, 30, three(v))
    for v in (126, 126.01, 138, 138.01, 180, 200, 60, 30):
        add(f"lo_{str(v).replace('.', '_')}", L, 180, 60, three(v))
    add("pace_noise", H, 0, 1, three(0.1 + 0.2 + 0.15), thresholds=Thresholds(on_track=0.9, at_risk=0.7))
    add("hi_same_reached", H, 10, 10, three(10))
    add("hi_same_short", H, 10, 10, three(9))
    add("lo_same_reached", L, 10, 10, three(10))
    add("lo_same_short", L, 10, 10, three(11))
    for v in (3, 5, 6, 1, 0, 4, 2):
        add(f"band_out_{v}", R, 1, None, three(v), low=3, high=5)
    for v in (4, 5, 6, 2.5):
        add(f"band_in_{str(v).replace('.', '_')}", R, 4, None, three(v), low=3, high=5)
    add("band_reversed", R, 8, None, three(6), low=5, high=3)
    add("empty_period", H, 10, 30, {})
    add("one_reading", H, 10, 30, {week(7): 20})  # too early: one reading
    add("two_readings_half_time", H, 10, 30, {week(6): 18, week(7): 19})  # enough: 2 readings at 50 %
    add("two_readings_early", H, 10, 30, {week(0): 11, week(1): 12}, deadline=start + timedelta(days=111))
    add("gaps", H, 10, 30, {week(0): 12, week(4): 20, week(7): 21})  # blanks between: latest is week 7
    add("two_in_one_period", H, 10, 30, {week(5): 12, week(6): 13, week(7): 14, week(7) + timedelta(days=3): 18})
    add("stale", H, 10, 30, {week(4): 15, week(5): 16, week(6): 17})  # week 7 ended without a reading
    add("future_reading", H, 10, 30, {**three(19), week(10): 30})  # a week not begun yet does not count
    add("current_week", H, 10, 30, {week(6): 17, week(7): 18, week(8): 20})  # the week begun today counts
    add("later_in_current_week", H, 10, 30, {week(6): 17, week(7): 18, week(8) + timedelta(days=3): 20})
    add("no_baseline", H, None, 30, three(20))
    add("no_target", H, 10, None, three(20))
    add("band_missing_edge", R, 1, None, three(4), low=3, high=None)
    add("past_deadline_short", H, 10, 30, {week(1): 12, week(2): 25}, deadline=start + timedelta(days=20))
    add("past_deadline_reached", H, 10, 30, {week(1): 12, week(2): 31}, deadline=start + timedelta(days=20))
    add("reading_at_deadline", H, 10, 30, {week(1): 12, week(2): 25}, deadline=week(2) + timedelta(days=6))
    add("deadline_today", L, 50, 20, three(25), deadline=on)
    add("deadline_tomorrow", L, 50, 20, three(25), deadline=on + timedelta(days=1))
    add("weight_zero", H, 10, 30, three(30), weight=0)
    add("strict_thresholds", H, 0, 100, three(60), thresholds=Thresholds(on_track=1.2, at_risk=0.95))
    add("loose_thresholds", H, 0, 100, three(20), thresholds=Thresholds(on_track=0.5, at_risk=0.3))
    add("monthly_up", H, 100, 400, {start: 150, start + timedelta(days=35): 250}, frequency=Frequency.MONTHLY)
    add("monthly_empty", L, 9, 3, {}, frequency=Frequency.MONTHLY)
    add("percent_kpi", H, 40, 60, three(45.5), unit="%")
    add("percent_at_target", H, 20, 29, three(29), unit="%")  # its cell holds 0.29; 0.29 * 100 < 29
    add("percent_band", R, 2, None, three(4.5), low=3, high=5, unit="%")
    add("negative_plan", H, -20, 10, three(-5))
    add("new_cycle", H, 20, 40, {week(1): 12, week(3): 18, week(5): 24, week(6): 27, week(7): 30},
        cycle_start=week(4), cycles=[KpiCycle(start=start, deadline=week(3) + timedelta(days=6), baseline=10,
                                              target=25, final_value=18, final_reading=week(3),
                                              verdict="missed", closed_on=week(4))])
    # one rule in app and tracker: a value dated outside the plan's periods is kept but not counted
    add("outside_plan", H, 10, 30, {start - timedelta(days=3): 29, **three(15)})
    add("cycle_without_final_reading", H, 20, 40, {week(2): 12, week(3): 15, week(6): 27, week(7): 30},
        cycle_start=week(4), cycles=[KpiCycle(start=start, deadline=week(3) + timedelta(days=6), baseline=10,
                                              target=25, verdict="no_data", closed_on=week(4))])
    return Project(title="Boundaries", start=start, end=end, kpis=kpis, actuals=actuals)


def injection_project() -> Project:
    """User text that a spreadsheet would run as a formula if it were written carelessly."""
    start = today() - timedelta(weeks=2)
    kpis = [KpiSelection(id=f"k{i}", custom=CustomKpi(name=s, definition=s, formula=s), owner=s, note=s,
                         unit=s, baseline=1, target=2, weight=1)
            for i, s in enumerate(INJECTIONS)]
    actions = [Action(tactic=s, channel=s, owner=s, kpi="k0") for s in INJECTIONS]
    p = Project(title="=2*3", start=start, end=start + timedelta(weeks=12), kpis=kpis, actions=actions)
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
def workbooks() -> dict[str, tuple[Project | None, Lang, Path, dict[str, Path]]]:
    """name -> (project, language, exported file, {engine: recalculated file}), built once."""
    folder = Path(tempfile.mkdtemp(prefix="kpiwizard-tracker-"))
    plans_ = plans()
    files = {}
    for key, (project, lang) in plans_.items():
        files[key] = folder / f"{key}.xlsx"
        export_tracker(project, files[key], lang)
    files[GUARD] = guard_workbook(folder / f"{GUARD}.xlsx")
    for engine in ENGINES:
        (folder / engine).mkdir()
    by_lo = recalculate(list(files.values()), folder / "libreoffice")
    by_gnumeric = gnumeric(list(files.values()), folder / "gnumeric")
    return {key: (*plans_.get(key, (None, Lang.EN)), files[key],
                  {"libreoffice": by_lo[files[key]], "gnumeric": by_gnumeric[files[key]]})
            for key in files}


GUARD = "_recalculation-guard"


def guard_workbook(path: Path) -> Path:
    """Formulas stored with wrong values: a program that trusted stored values would pass every
    comparison with the core unseen, so the tests first check that both really recalculate."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Guard")
    ws.write_number("A1", 20)
    ws.write_formula("B1", "=A1*2+1", None, 5)
    ws.write_formula("B2", '=IF(A1>10,"big","small")', None, "small")
    ws.write_formula("B3", '=LOOKUP(2,1/(A1:A3<>""),A1:A3)', None, 0)
    wb.close()
    return path
