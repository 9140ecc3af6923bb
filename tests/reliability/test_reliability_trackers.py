"""Damaged and foreign trackers given to ``kpiwizard import-actuals``.

Each is refused with exit code 2 and a message naming the sheet and cell (or the file, when it is
not this plan's workbook at all), and the project file keeps its bytes and modification time.
"""

from __future__ import annotations

import random
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from reliability_kit import COUNTS, Mishandled, Snapshot, example_bytes, judge, run_cli

from kpiwizard.core.enums import Lang
from kpiwizard.core.examples import find_example
from kpiwizard.export.tracker import export_tracker
from kpiwizard.export.tracker_layout import FIRST_ROW, ID_ROW, META_SHEET, build_layout

CELL = ("cell",)


@pytest.fixture(scope="module")
def trackers(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("trackers")
    out = {}
    for name in ("cafe", "pizzeria"):
        out[name] = folder / f"{name}.xlsx"
        export_tracker(find_example(name).load(), out[name], Lang.KO if name == "cafe" else Lang.EN)
    return out


def _edited(source: Path, dest: Path, edit) -> Path:
    wb = openpyxl.load_workbook(source)
    edit(wb)
    wb.save(dest)
    return dest


def _cases(trackers: dict[str, Path], work: Path):
    """(label, tracker path, words one of which the refusal names) for the café plan."""
    project = find_example("cafe").load()
    layout = build_layout(project, Lang.KO)
    src = trackers["cafe"]
    n = 0

    def edit(label, fn, names=CELL):
        nonlocal n
        n += 1
        return label, _edited(src, work / f"t{n}.xlsx", fn), names

    for sheet in layout.actuals:
        first = sheet.kpi_ids[0]
        col = openpyxl.utils.get_column_letter(sheet.column(first))
        ref = f"{col}{FIRST_ROW + 1}"
        for value in ("twelve", "12 명", "1,234", "=1+1", "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://127.0.0.1:9\")",
                      "+1", True, date(2026, 1, 5), -5, 1e300):
            def put(wb, s=sheet.title, r=ref, v=value):
                wb[s][r] = v
            yield edit(f"{sheet.title}!{ref}={value!r}", put, CELL + (ref,))
        yield edit(f"delete sheet {sheet.title}", lambda wb, s=sheet.title: wb.remove(wb[s]), (sheet.title,))
        yield edit(f"rename sheet {sheet.title}",
                   lambda wb, s=sheet.title: setattr(wb[s], "title", "Sheet9"), (sheet.title,))
        yield edit(f"rename column {col}{ID_ROW}",
                   lambda wb, s=sheet.title, c=f"{col}{ID_ROW}": wb[s].__setitem__(c, "renamed"), (f"{col}{ID_ROW}",))
        index = sheet.column(first)
        yield edit(f"delete column {col}", lambda wb, s=sheet.title, i=index: wb[s].delete_cols(i), CELL)
        yield edit(f"delete row {FIRST_ROW}", lambda wb, s=sheet.title: wb[s].delete_rows(FIRST_ROW), CELL)
        yield edit(f"sort: period B{FIRST_ROW} changed",
                   lambda wb, s=sheet.title: wb[s].__setitem__(f"B{FIRST_ROW}", date(2020, 1, 1)), (f"B{FIRST_ROW}",))
    yield edit("hidden sheet deleted", lambda wb: wb.remove(wb[META_SHEET]), (META_SHEET,))
    yield edit("fingerprint changed", lambda wb: wb[META_SHEET].__setitem__("B1", "x"), ("not this plan",))
    yield "another plan's tracker", trackers["pizzeria"], ("not this plan",)
    rng = random.Random(5)
    raw = {
        "empty.xlsx": b"",
        "random.xlsx": rng.randbytes(5000),
        "project-file.xlsx": example_bytes("cafe"),
        "truncated.xlsx": src.read_bytes()[: src.stat().st_size // 2],
        "flipped.xlsx": bytes(b ^ 0x20 if i % 97 == 0 else b for i, b in enumerate(src.read_bytes())),
        "tracker.csv": b"period,value\n2026-01-05,12\n",
    }
    for name, content in raw.items():
        (work / name).write_bytes(content)
        yield f"not a workbook: {name}", work / name, ("not an Excel workbook", "damaged", "not a tracker")
    docx = work / "letter.xlsx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    yield "a zip that is not a workbook", docx, ("not an Excel workbook", "damaged")
    blank = work / "blank.xlsx"
    openpyxl.Workbook().save(blank)
    yield "a blank workbook", blank, ("not a tracker",)
    (work / "folder.xlsx").mkdir()
    yield "a folder", work / "folder.xlsx", ("does not exist", "folder")
    yield "a missing file", work / "gone.xlsx", ("does not exist",)


def test_hostile_trackers_are_refused_and_the_project_is_untouched(trackers, tmp_path):
    project_dir = tmp_path / "plan"
    project_dir.mkdir()
    target = project_dir / "cafe.kpiwiz"
    target.write_bytes(example_bytes("cafe"))
    work = tmp_path / "work"
    work.mkdir()
    failures, total = [], 0
    for label, tracker, names in _cases(trackers, work):
        before = Snapshot.of(project_dir)
        outcome = run_cli("--lang", "en", "import-actuals", target, tracker)
        try:
            if judge(outcome, before, Snapshot.of(project_dir), names):
                raise Mishandled("accepted")
        except Mishandled as e:
            failures.append(f"{label}: {e}")
        total += 1
        COUNTS["tracker"] += 1
    assert not failures, f"{len(failures)} of {total} trackers mishandled:\n" + "\n".join(failures)
    assert total >= 40


def test_a_good_tracker_still_imports_after_all_that(trackers, tmp_path):
    """The refusals above are not a program that refuses everything."""
    target = tmp_path / "cafe.kpiwiz"
    target.write_bytes(example_bytes("cafe"))
    project = find_example("cafe").load()
    sheet = build_layout(project, Lang.KO).actuals[0]
    ref = f"{openpyxl.utils.get_column_letter(sheet.column(sheet.kpi_ids[0]))}{FIRST_ROW + 1}"
    tracker = _edited(trackers["cafe"], tmp_path / "t.xlsx", lambda wb: wb[sheet.title].__setitem__(ref, 42))
    outcome = run_cli("--lang", "en", "import-actuals", target, tracker)
    assert outcome.code == 0, outcome.err
    assert target.read_bytes() != example_bytes("cafe")
