"""Round trip through the tracker: export, fill in, import — and every way a tracker can be wrong."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from kpiwizard.cli import main
from kpiwizard.core.enums import Frequency, Lang
from kpiwizard.core.errors import TrackerImportError
from kpiwizard.core.examples import find_example
from kpiwizard.core.projectfile import load_project, save_project
from kpiwizard.core.schedule import periods
from kpiwizard.export.tracker import export_tracker
from kpiwizard.export.tracker_import import import_actuals
from kpiwizard.export.tracker_layout import FIRST_ROW, build_layout

WEEKLY_KO = "실적(주간)"


@pytest.fixture
def cafe(tmp_path) -> tuple:
    project = find_example("cafe").load()
    tracker = tmp_path / "cafe.xlsx"
    export_tracker(project, tracker, Lang.KO)
    return project, tracker


def _cell(project, kpi_id: str, period: int, lang=Lang.KO) -> tuple[str, str]:
    sheet = build_layout(project, lang).sheet_of(kpi_id)
    return sheet.title, f"{openpyxl.utils.get_column_letter(sheet.column(kpi_id))}{FIRST_ROW + period}"


def _edit(path: Path, changes: dict[tuple[str, str], object], out: Path | None = None) -> Path:
    wb = openpyxl.load_workbook(path)
    for (sheet, ref), value in changes.items():
        wb[sheet][ref] = value
    wb.save(out or path)
    return out or path


def test_export_then_import_without_changes_changes_nothing(cafe):
    project, tracker = cafe
    result = import_actuals(project, tracker)
    assert result.project.actuals == project.actuals
    assert result.summary(Lang.EN) == "No changes."


def test_round_trip_new_changed_and_cleared_values(cafe):
    project, tracker = cafe
    starts = [p.start for p in periods(project.start, project.end, Frequency.WEEKLY)]
    # The café example has three months of actuals; only March's Naver Place saves are still empty.
    _edit(tracker, {
        _cell(project, "coupon_visits", 4): 25,  # changed (was 22)
        _cell(project, "coupon_visits", 5): 27.5,  # changed (was 24)
        _cell(project, "coupon_visits", 0): 13,  # changed (was 12)
        _cell(project, "followers_local", 1): None,  # cleared (was 851)
        _cell(project, "social_revenue", 1): 510000,  # monthly sheet, changed (was 590000)
        _cell(project, "naver_place_saves", 2): 81,  # monthly sheet, new
    })
    result = import_actuals(project, tracker)
    assert (result.new, result.changed, result.cleared) == (1, 4, 1)
    assert result.summary(Lang.EN) == "1 new, 4 changed, 1 cleared"
    assert result.summary(Lang.KO) == "새 값 1개, 바뀐 값 4개, 지운 값 1개"
    got = result.project.actuals
    assert [got["coupon_visits"][day] for day in starts[:7]] == [13, 15, 17, 21, 25, 27.5, 23]
    assert starts[1] not in got["followers_local"] and len(got["followers_local"]) == len(starts) - 1
    monthly = [p.start for p in periods(project.start, project.end, Frequency.MONTHLY)]
    assert got["social_revenue"] == {monthly[0]: 480000, monthly[1]: 510000, monthly[2]: 650000}
    assert got["naver_place_saves"] == {monthly[0]: 63, monthly[1]: 70, monthly[2]: 81}
    assert project.actuals["coupon_visits"][starts[0]] == 12, "the original project is left alone"
    # and what was imported is exactly what a new export shows
    again = tracker.with_name("again.xlsx")
    export_tracker(result.project, again, Lang.KO)
    assert import_actuals(result.project, again).summary(Lang.EN) == "No changes."


def test_import_reads_an_english_tracker_and_a_libreoffice_saved_one(tmp_path):
    from tracker_recalc import workbooks

    project, lang, _, recalculated = workbooks()["b2b-ebook-en"]
    assert import_actuals(project, recalculated).project.actuals == project.actuals


def test_values_outside_the_plan_and_several_in_one_period_survive(tmp_path):
    project = find_example("cafe").load()
    series = dict(project.actuals["coupon_visits"])
    series[project.start - timedelta(days=3)] = 9  # before the plan: not in the tracker
    series[date(2026, 1, 8)] = 13  # a second value inside the first week: the tracker shows it
    project = project.model_copy(update={"actuals": {**project.actuals, "coupon_visits": series}})
    tracker = tmp_path / "t.xlsx"
    export_tracker(project, tracker, Lang.EN)
    assert openpyxl.load_workbook(tracker)["Actuals (weekly)"][_cell(project, "coupon_visits", 0, Lang.EN)[1]].value == 13
    result = import_actuals(project, tracker)
    assert result.project.actuals == project.actuals
    _edit(tracker, {_cell(project, "coupon_visits", 0, Lang.EN): 14})
    result = import_actuals(project, tracker)
    got = result.project.actuals["coupon_visits"]
    assert got[date(2026, 1, 8)] == 14 and got[date(2026, 1, 5)] == 12 and got[date(2026, 1, 2)] == 9


BAD_CELLS = [
    ("text", "12명", "글자"),
    ("formula", "=10+2", "수식"),
    ("negative", -3, "0 이상"),
    ("date", date(2026, 1, 5), "날짜"),
    ("boolean", True, "숫자가 아닙니다"),
]


@pytest.mark.parametrize("label,value,says", BAD_CELLS, ids=[b[0] for b in BAD_CELLS])
def test_bad_cell_is_refused_naming_sheet_and_cell(cafe, label, value, says):
    project, tracker = cafe
    where = _cell(project, "coupon_visits", 6)
    _edit(tracker, {where: value})
    with pytest.raises(TrackerImportError) as e:
        import_actuals(project, tracker)
    assert f"'{WEEKLY_KO}' 시트의 {where[1]} 셀" in e.value.text.ko and says in e.value.text.ko
    assert f"Sheet '{WEEKLY_KO}', cell {where[1]}" in e.value.text.en


def test_percent_over_100_is_refused(cafe):
    project, tracker = cafe
    where = _cell(project, "engagement_rate", 2)
    _edit(tracker, {where: 140})
    with pytest.raises(TrackerImportError, match=f"cell {where[1]}") as e:
        import_actuals(project, tracker)
    assert "0 to 100" in e.value.text.en


def test_deleted_sheet_is_refused(cafe):
    project, tracker = cafe
    wb = openpyxl.load_workbook(tracker)
    del wb["실적(월간)"]
    wb.save(tracker)
    with pytest.raises(TrackerImportError, match="Actuals|실적") as e:
        import_actuals(project, tracker)
    assert "'실적(월간)'" in e.value.text.ko and "missing" in e.value.text.en


def test_renamed_sheet_is_refused(cafe):
    project, tracker = cafe
    wb = openpyxl.load_workbook(tracker)
    wb[WEEKLY_KO].title = "weekly"
    wb.save(tracker)
    with pytest.raises(TrackerImportError) as e:
        import_actuals(project, tracker)
    assert f"'{WEEKLY_KO}'" in e.value.text.en


def test_moved_kpi_column_is_refused(cafe):
    project, tracker = cafe
    wb = openpyxl.load_workbook(tracker)
    wb[WEEKLY_KO].insert_cols(5)  # pushes every KPI from the second one a column to the right
    wb.save(tracker)
    with pytest.raises(TrackerImportError) as e:
        import_actuals(project, tracker)
    assert f"'{WEEKLY_KO}' 시트의 E3 셀" in e.value.text.ko
    assert "moved or deleted" in e.value.text.en


def test_deleted_period_row_is_refused(cafe):
    project, tracker = cafe
    wb = openpyxl.load_workbook(tracker)
    wb[WEEKLY_KO].delete_rows(FIRST_ROW + 2)
    wb.save(tracker)
    with pytest.raises(TrackerImportError) as e:
        import_actuals(project, tracker)
    assert f"cell B{FIRST_ROW + 2}" in e.value.text.en


def test_tracker_of_another_plan_is_refused(tmp_path):
    pizzeria = find_example("pizzeria").load()
    tracker = tmp_path / "pizzeria.xlsx"
    export_tracker(pizzeria, tracker)
    with pytest.raises(TrackerImportError, match="not this plan's tracker"):
        import_actuals(find_example("cafe").load(), tracker)
    changed = pizzeria.model_copy(update={"end": pizzeria.end + timedelta(days=7)})
    with pytest.raises(TrackerImportError, match="not this plan's tracker"):
        import_actuals(changed, tracker)


def test_workbook_without_the_hidden_sheet_is_not_a_tracker(tmp_path):
    path = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(TrackerImportError, match="not a tracker exported by KPI Wizard"):
        import_actuals(find_example("cafe").load(), path)


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04garbage", "계획".encode()])
def test_file_that_is_not_a_workbook_is_refused(tmp_path, content):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(content)
    with pytest.raises(TrackerImportError, match="not an Excel workbook") as e:
        import_actuals(find_example("cafe").load(), path)
    assert "엑셀 통합 문서" in e.value.text.ko


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(TrackerImportError, match="does not exist"):
        import_actuals(find_example("cafe").load(), tmp_path / "nope.xlsx")


def test_cli_saves_only_when_the_import_succeeds(tmp_path, capsys):
    plan = tmp_path / "cafe.kpiwiz"
    tracker = tmp_path / "cafe.xlsx"
    assert main(["example", "cafe", str(plan)]) == 0
    assert main(["export", str(plan), "--xlsx", str(tracker)]) == 0
    project = load_project(plan).project
    before = plan.read_bytes()

    bad = _edit(tracker, {_cell(project, "coupon_visits", 4): 25, _cell(project, "followers_local", 5): "많음"},
                out=tmp_path / "bad.xlsx")
    assert main(["--lang", "en", "import-actuals", str(plan), str(bad)]) == 2
    assert "cell E10" in capsys.readouterr().err
    assert plan.read_bytes() == before, "a failed import must not touch the project file"

    good = _edit(tracker, {_cell(project, "coupon_visits", 4): 25}, out=tmp_path / "good.xlsx")
    assert main(["--lang", "en", "import-actuals", str(plan), str(good)]) == 0
    assert capsys.readouterr().out.strip() == "0 new, 1 changed, 0 cleared"  # the café recorded 22 there
    assert load_project(plan).project.actuals["coupon_visits"][date(2026, 2, 2)] == 25


def test_saved_project_reloads_after_import(tmp_path):
    """The imported project is a valid project file, not just an in-memory object."""
    project = find_example("b2b-ebook").load()
    tracker = tmp_path / "b.xlsx"
    export_tracker(project, tracker)
    _edit(tracker, {_cell(project, "leads", 4, Lang.EN): 95})
    result = import_actuals(project, tracker)
    save_project(tmp_path / "b.kpiwiz", result.project)
    assert load_project(tmp_path / "b.kpiwiz").project.actuals["leads"][date(2026, 5, 1)] == 95
