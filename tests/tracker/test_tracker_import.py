"""Round trip through the tracker: export, fill in, import — and every way a tracker can be wrong.

Every kind of yellow cell goes through: actuals (numbers, decimals, percents typed as "4.6%"), the
action statuses' drop-downs, the ROI and funnel inputs (money, counts, hours, rates), in trackers
saved by openpyxl, LibreOffice and Gnumeric.
"""

from __future__ import annotations

import subprocess
import sys
import warnings
import zipfile
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from kpiwizard.cli import main
from kpiwizard.core.enums import ActionStatus, Frequency, Lang
from kpiwizard.core.errors import TrackerImportError
from kpiwizard.core.examples import find_example
from kpiwizard.core.models import Project
from kpiwizard.core.projectfile import load_project, save_project
from kpiwizard.core.schedule import periods
from kpiwizard.export.tracker import export_tracker
from kpiwizard.export.tracker_import import import_actuals
from kpiwizard.export.tracker_layout import FIRST_ROW, build_layout, roi_rows

WEEKLY_KO = "실적(주간)"
MONTHLY_KO = "실적(월간)"


def cafe_project() -> Project:
    """The café example four weeks and one month in: later periods are still blank."""
    project = find_example("cafe").load()
    weeks = periods(project.start, project.end, Frequency.WEEKLY)
    months = periods(project.start, project.end, Frequency.MONTHLY)
    cut = {Frequency.WEEKLY: weeks[3].end, Frequency.MONTHLY: months[0].end}
    actuals = {k.id: {d: v for d, v in project.actuals.get(k.id, {}).items() if d <= cut[k.frequency]}
               for k in project.kpis if project.actuals.get(k.id)}
    return project.model_copy(update={"actuals": actuals})


@pytest.fixture
def cafe(tmp_path) -> tuple:
    project = cafe_project()
    tracker = tmp_path / "cafe.xlsx"
    export_tracker(project, tracker, Lang.KO)
    return project, tracker


def _cell(project, kpi_id: str, period: int, lang=Lang.KO) -> tuple[str, str]:
    sheet = build_layout(project, lang).sheet_of(kpi_id)
    return sheet.title, f"{openpyxl.utils.get_column_letter(sheet.column(kpi_id))}{FIRST_ROW + period}"


def _edit(path: Path, changes: dict[tuple[str, str], object], out: Path | None = None,
          formats: dict[tuple[str, str], str] | None = None) -> Path:
    wb = openpyxl.load_workbook(path)
    for (sheet, ref), value in changes.items():
        wb[sheet][ref] = value
    for (sheet, ref), number_format in (formats or {}).items():
        wb[sheet][ref].number_format = number_format
    wb.save(out or path)
    return out or path


def _roi(name: str) -> tuple[str, str]:
    return "ROI", f"B{roi_rows()[name]}"


def test_export_then_import_without_changes_changes_nothing(cafe):
    project, tracker = cafe
    result = import_actuals(project, tracker)
    assert result.project.actuals == project.actuals
    assert result.project.actions == project.actions and result.project.roi == project.roi
    assert result.summary(Lang.EN) == "No changes."
    assert result.summary(Lang.KO) == "바뀐 내용이 없습니다."


def test_round_trip_new_changed_and_cleared_values(cafe):
    project, tracker = cafe
    starts = [p.start for p in periods(project.start, project.end, Frequency.WEEKLY)]
    _edit(tracker, {
        _cell(project, "coupon_visits", 4): 25,  # new
        _cell(project, "coupon_visits", 5): 27.5,  # new
        _cell(project, "coupon_visits", 0): 13,  # changed (was 12)
        _cell(project, "followers_local", 1): None,  # cleared (was 851)
        _cell(project, "social_revenue", 1): 510000,  # monthly sheet, new
    })
    result = import_actuals(project, tracker)
    assert (result.new, result.changed, result.cleared) == (3, 1, 1)
    assert result.summary(Lang.EN) == ("Actuals (weekly): 2 new, 1 changed, 1 cleared\n"
                                       "Actuals (monthly): 1 new, 0 changed, 0 cleared")
    assert result.summary(Lang.KO) == ("실적(주간): 새 값 2개, 바뀐 값 1개, 지운 값 1개\n"
                                       "실적(월간): 새 값 1개, 바뀐 값 0개, 지운 값 0개")
    got = result.project.actuals
    assert got["coupon_visits"] == {starts[0]: 13, starts[1]: 15, starts[2]: 17, starts[3]: 21,
                                    starts[4]: 25, starts[5]: 27.5}
    assert starts[1] not in got["followers_local"] and len(got["followers_local"]) == 3
    monthly = [p.start for p in periods(project.start, project.end, Frequency.MONTHLY)]
    assert got["social_revenue"] == {monthly[0]: 480000, monthly[1]: 510000}
    assert project.actuals["coupon_visits"][starts[0]] == 12, "the original project is left alone"
    # and what was imported is exactly what a new export shows
    again = tracker.with_name("again.xlsx")
    export_tracker(result.project, again, Lang.KO)
    assert import_actuals(result.project, again).summary(Lang.EN) == "No changes."


@pytest.mark.parametrize("engine", ["libreoffice", "gnumeric"])
def test_import_reads_trackers_saved_by_libreoffice_and_gnumeric_without_a_warning(engine, recwarn):
    from tracker_recalc import workbooks

    for key in ("b2b-ebook-en", "cafe-ko", "boundaries-ko"):
        project, lang, _, recalculated = workbooks()[key]
        result = import_actuals(project, recalculated[engine])
        assert result.summary(Lang.EN) == "No changes.", key
        assert result.project == project
    assert [str(w.message) for w in recwarn] == [], "no library warning reaches the user"


def test_import_prints_no_library_warning_for_a_gnumeric_file(tmp_path):
    """The owner runs the command: nothing but the summary may appear (openpyxl warns on Gnumeric files)."""
    from tracker_recalc import workbooks

    _, _, _, recalculated = workbooks()["cafe-ko"]
    plan = tmp_path / "cafe.kpiwiz"
    save_project(plan, find_example("cafe").load())
    run = subprocess.run([sys.executable, "-m", "kpiwizard", "--lang", "en", "import-actuals", str(plan),
                          str(recalculated["gnumeric"])], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stderr == "" and run.stdout.strip() == "No changes."


def test_a_tracker_edited_in_libreoffice_and_one_saved_by_gnumeric_import_the_same(tmp_path):
    """The same edits of every kind, made in LibreOffice (its own API, its own .xlsx writer) and by
    openpyxl, and each file then saved again by Gnumeric: the same changes arrive from all four."""
    from tracker_recalc import gnumeric, libreoffice_edit

    project = cafe_project()
    tracker = tmp_path / "cafe.xlsx"
    export_tracker(project, tracker, Lang.EN)
    weekly = build_layout(project, Lang.EN).sheet_of("coupon_visits").title
    sheets = openpyxl.load_workbook(tracker).sheetnames
    edits = {  # (sheet, cell): (how LibreOffice enters it, the text typed, what openpyxl writes)
        _cell(project, "coupon_visits", 4, Lang.EN): ("n", "25", 25),
        _cell(project, "engagement_rate", 4, Lang.EN): ("p", "4.6%", 0.046),  # typed "4.6%"
        _cell(project, "response_time", 0, Lang.EN): ("n", "", None),  # cleared
        _cell(project, "social_revenue", 1, Lang.EN): ("n", "510000", 510000),
        ("Actions", f"H{FIRST_ROW + 3}"): ("s", "Dropped", "Dropped"),
        ("ROI", _roi("roi_ad_spend")[1]): ("n", "350000", 350000),
        ("ROI", _roi("funnel_click_rate")[1]): ("n", "3%", 0.03),
    }
    by_lo = libreoffice_edit(tracker, tmp_path / "lo.xlsx",
                             [(sheets.index(sheet), ref, kind, text) for (sheet, ref), (kind, text, _) in edits.items()])
    by_openpyxl = _edit(tracker, {where: value for where, (_, _, value) in edits.items()}, out=tmp_path / "py.xlsx",
                        formats={_cell(project, "engagement_rate", 4, Lang.EN): "0.00%"})
    (tmp_path / "gn").mkdir()
    again = gnumeric([by_lo], tmp_path / "gn")[by_lo]
    (tmp_path / "gn2").mkdir()
    again2 = gnumeric([by_openpyxl], tmp_path / "gn2")[by_openpyxl]
    results = [import_actuals(project, path) for path in (by_lo, by_openpyxl, again, again2)]
    for result in results:
        assert result.project == results[0].project
        assert result.summary(Lang.EN) == results[0].summary(Lang.EN)
    got = results[0].project
    week5 = periods(project.start, project.end, Frequency.WEEKLY)[4].start
    assert got.actuals["engagement_rate"][week5] == 4.6
    assert got.actuals["coupon_visits"][week5] == 25
    assert project.start not in got.actuals["response_time"]
    assert got.actions[3].status is ActionStatus.DROPPED
    assert got.roi.ad_spend == 350000 and got.roi.funnel.click_rate == 0.03
    assert results[0].summary(Lang.EN).splitlines()[0] == f"{weekly}: 2 new, 0 changed, 1 cleared"
    # and the workbook itself, recalculated by LibreOffice and by Gnumeric, read "4.6%" as 4.6 too
    from kpiwizard.core.progress import evaluate, today
    from kpiwizard.export.tracker import C_LATEST, C_PROGRESS, C_STATUS, DASH_FIRST_ROW
    from kpiwizard.core.vocab import STATUS_NAMES
    from tracker_recalc import load

    core = evaluate(got, today())["engagement_rate"]
    row = DASH_FIRST_ROW + [k.id for k in project.kpis].index("engagement_rate")
    assert core.latest == 4.6
    for path in (by_lo, again, again2):
        ws = load(path)["Dashboard"]
        assert ws.cell(row=row, column=C_LATEST).value == 4.6, path
        assert ws.cell(row=row, column=C_PROGRESS).value == pytest.approx(core.progress, abs=1e-12), path
        assert ws.cell(row=row, column=C_STATUS).value == STATUS_NAMES[core.status].get(Lang.EN), path


# -- percents -----------------------------------------------------------------------------------

@pytest.mark.parametrize("stored,number_format,expected", [
    (0.046, "0.0%", 4.6),  # typed "4.6%": Excel and LibreOffice store 0.046 and format it as percent
    (0.046, "0.00%", 4.6),
    (0.5, "0%", 50),
    (1, "0%", 100),  # 100%, the upper edge, accepted
    (0, "0.0#%", 0),  # 0%, the lower edge, accepted
    (4.6, "General", 4.6),  # typed "4.6": a plain number is the percent itself
    (0.046, "General", 0.046),  # a plain 0.046 stays 0.046 (a tiny percent is possible)
    (0.046, '0.0"%"', 0.046),  # a percent sign in quotes is only text beside the number
])
def test_a_percent_formatted_cell_in_a_percent_kpi_means_what_it_shows(cafe, stored, number_format, expected):
    project, tracker = cafe
    where = _cell(project, "engagement_rate", 5)
    _edit(tracker, {where: stored}, formats={where: number_format})
    got = import_actuals(project, tracker).project.actuals["engagement_rate"]
    assert got[periods(project.start, project.end, Frequency.WEEKLY)[5].start] == expected


@pytest.mark.parametrize("stored,shown", [(1.0001, "100.01%"), (-0.0001, "-0.01%")])
def test_a_percent_just_beyond_0_to_100_is_refused(cafe, stored, shown):
    project, tracker = cafe
    where = _cell(project, "engagement_rate", 5)
    _edit(tracker, {where: stored}, formats={where: "0.0#%"})
    with pytest.raises(TrackerImportError, match=f"cell {where[1]}") as e:
        import_actuals(project, tracker)
    assert f"{shown} is not accepted" in e.value.text.en and "0 to 100" in e.value.text.en


def test_a_percent_format_in_a_kpi_that_is_not_a_percent_changes_nothing(cafe):
    project, tracker = cafe
    where = _cell(project, "coupon_visits", 5)
    _edit(tracker, {where: 0.5}, formats={where: "0%"})
    got = import_actuals(project, tracker).project.actuals["coupon_visits"]
    assert got[periods(project.start, project.end, Frequency.WEEKLY)[5].start] == 0.5


def test_a_percent_over_100_is_refused_saying_what_the_cell_shows(cafe):
    project, tracker = cafe
    where = _cell(project, "engagement_rate", 2)
    _edit(tracker, {where: 1.4}, formats={where: "0%"})
    with pytest.raises(TrackerImportError, match=f"cell {where[1]}") as e:
        import_actuals(project, tracker)
    assert "140%" in e.value.text.en and "0 to 100" in e.value.text.en


def test_percent_input_cells_hold_fractions_in_a_percent_format_like_a_typed_percent(cafe):
    """The cells hold what a spreadsheet stores for "4.1%" typed (0.041), not 4.1 / 100."""
    project, tracker = cafe
    ws = openpyxl.load_workbook(tracker)[WEEKLY_KO]
    recorded = list(project.actuals["engagement_rate"].values())
    cells = [ws[_cell(project, "engagement_rate", i)[1]] for i in range(len(recorded))]
    assert [c.value for c in cells] == [float(f"{v / 100:.12g}") for v in recorded]
    assert 0.041 in [c.value for c in cells]
    assert {c.number_format for c in cells} == {"0.0#%"}
    assert ws[_cell(project, "engagement_rate", 5)[1]].number_format == "0.0#%"  # the blank ones too
    assert ws[_cell(project, "coupon_visits", 5)[1]].number_format == "#,##0"


def test_a_tracker_of_an_earlier_version_with_percents_as_plain_numbers_imports_unchanged(cafe):
    """Earlier trackers held a percent KPI's 4.1 as 4.1 in a General cell: read as it is."""
    project, tracker = cafe
    recorded = list(project.actuals["engagement_rate"].values())
    where = [_cell(project, "engagement_rate", i) for i in range(len(recorded) + 1)]
    _edit(tracker, {**dict(zip(where, [*recorded, 4.6], strict=True))},
          formats={w: "General" for w in where})
    result = import_actuals(project, tracker)
    weeks = periods(project.start, project.end, Frequency.WEEKLY)
    assert result.project.actuals["engagement_rate"] == {**project.actuals["engagement_rate"],
                                                         weeks[len(recorded)].start: 4.6}
    assert (result.new, result.changed, result.cleared) == (1, 0, 0)


# -- actions and ROI ----------------------------------------------------------------------------

def test_action_statuses_are_imported_and_reported(cafe):
    project, tracker = cafe
    assert project.actions[0].status is ActionStatus.DONE and project.actions[4].status is not ActionStatus.DROPPED
    _edit(tracker, {("실행 계획", f"H{FIRST_ROW}"): "진행 중", ("실행 계획", f"H{FIRST_ROW + 4}"): "중단"})
    result = import_actuals(project, tracker)
    assert result.project.actions[0].status is ActionStatus.IN_PROGRESS
    assert result.project.actions[4].status is ActionStatus.DROPPED
    assert [a.status for a in result.project.actions][5:] == [a.status for a in project.actions][5:]
    lines = result.summary(Lang.EN).splitlines()
    assert len(lines) == 1 and lines[0].startswith("Actions: '") and "Done → In progress" in lines[0]
    assert "→ Dropped" in lines[0]
    assert result.summary(Lang.KO).startswith("실행 계획: '") and "완료 → 진행 중" in result.summary(Lang.KO)


@pytest.mark.parametrize("value", ["끝남", "", None, 3])
def test_a_status_not_in_the_list_is_refused_naming_the_cell(cafe, value):
    project, tracker = cafe
    _edit(tracker, {("실행 계획", f"H{FIRST_ROW + 2}"): value})
    with pytest.raises(TrackerImportError) as e:
        import_actuals(project, tracker)
    assert f"'실행 계획' 시트의 H{FIRST_ROW + 2} 셀" in e.value.text.ko and "'완료'" in e.value.text.ko
    assert "not in the list" in e.value.text.en


def test_an_action_row_that_no_longer_matches_the_plan_is_skipped_and_said(cafe):
    project, tracker = cafe
    _edit(tracker, {("실행 계획", f"H{FIRST_ROW + 1}"): "중단"})
    renamed = [a.model_copy(update={"tactic": "새 실행 항목"}) if i == 1 else a for i, a in enumerate(project.actions)]
    changed = project.model_copy(update={"actions": renamed})
    result = import_actuals(changed, tracker)
    assert result.project.actions[1].status is project.actions[1].status
    assert "1 row(s) no longer match" in result.summary(Lang.EN)


def test_roi_and_funnel_inputs_are_imported_and_reported(cafe):
    project, tracker = cafe
    _edit(tracker, {_roi("roi_ad_spend"): 350000, _roi("roi_hours"): 80.5, _roi("roi_leads"): 320,
                    _roi("funnel_close_rate"): 0.5})
    result = import_actuals(project, tracker)
    roi = result.project.roi
    assert (roi.ad_spend, roi.hours, roi.leads, roi.funnel.close_rate) == (350000, 80.5, 320, 0.5)
    assert roi.revenue == project.roi.revenue and roi.funnel.click_rate == project.roi.funnel.click_rate
    summary = result.summary(Lang.EN)
    assert summary.startswith("ROI: Ad spend 300,000 → 350,000; Hours spent 72 → 80.5; Leads 300 → 320; ")
    assert "Customers per lead 40% → 50%" in summary
    assert result.summary(Lang.KO).startswith("ROI: 광고비 300,000 → 350,000")


@pytest.mark.parametrize("name,value,says", [
    ("roi_ad_spend", -1, "0 or more"),
    ("roi_ad_spend", "많이", "text"),
    ("roi_leads", 12.5, "whole number"),
    ("funnel_click_rate", 0, "above 0%"),
    ("funnel_click_rate", None, "above 0%"),
    ("funnel_click_rate", 1.5, "0 or more"),  # above 100 %
    ("roi_hours", "=1+1", "formula"),
])
def test_a_bad_roi_input_is_refused_naming_the_cell(cafe, name, value, says):
    project, tracker = cafe
    _edit(tracker, {_roi(name): value})
    with pytest.raises(TrackerImportError) as e:
        import_actuals(project, tracker)
    assert f"cell {_roi(name)[1]}" in e.value.text.en
    assert says in e.value.text.en or says in str(e.value.text.en).lower()


def test_a_blank_money_input_is_zero(cafe):
    project, tracker = cafe
    _edit(tracker, {_roi("roi_tools"): None, _roi("roi_ad_spend"): None})
    assert import_actuals(project, tracker).project.roi.ad_spend == 0


# -- actuals that stay, cells refused -----------------------------------------------------------

def test_values_outside_the_plan_and_several_in_one_period_survive(tmp_path):
    project = cafe_project()
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


@pytest.mark.parametrize("value,says", [b[1:] for b in BAD_CELLS], ids=[b[0] for b in BAD_CELLS])
def test_bad_cell_is_refused_naming_sheet_and_cell(cafe, value, says):
    project, tracker = cafe
    where = _cell(project, "coupon_visits", 6)
    _edit(tracker, {where: value})
    with pytest.raises(TrackerImportError) as e:
        import_actuals(project, tracker)
    assert f"'{WEEKLY_KO}' 시트의 {where[1]} 셀" in e.value.text.ko and says in e.value.text.ko
    assert f"Sheet '{WEEKLY_KO}', cell {where[1]}" in e.value.text.en


def test_percent_over_100_in_a_plain_cell_of_an_earlier_tracker_is_refused(cafe):
    project, tracker = cafe
    where = _cell(project, "engagement_rate", 2)
    _edit(tracker, {where: 140}, formats={where: "General"})
    with pytest.raises(TrackerImportError, match=f"cell {where[1]}") as e:
        import_actuals(project, tracker)
    assert "140 is not accepted" in e.value.text.en and "0 to 100" in e.value.text.en


# -- sheets -------------------------------------------------------------------------------------

def _unprotected(tracker: Path):
    """openpyxl ignores the workbook's structure lock: it stands for an owner who lifted it."""
    return openpyxl.load_workbook(tracker)


def test_deleted_sheet_is_refused_saying_how_to_fix_it(cafe):
    project, tracker = cafe
    wb = _unprotected(tracker)
    del wb[MONTHLY_KO]
    wb.save(tracker)
    with pytest.raises(TrackerImportError) as e:
        import_actuals(project, tracker)
    assert f"'{MONTHLY_KO}' 시트가 없습니다" in e.value.text.ko and "다시 내보내고" in e.value.text.ko
    assert "missing" in e.value.text.en and f"rename it back to '{MONTHLY_KO}'" in e.value.text.en
    assert "export a new tracker" in e.value.text.en


@pytest.mark.parametrize("key", ["weekly", "actions", "roi"])
def test_renamed_sheet_is_refused_naming_both_names(cafe, key):
    project, tracker = cafe
    title = {"weekly": WEEKLY_KO, "actions": "실행 계획", "roi": "ROI"}[key]
    wb = _unprotected(tracker)
    wb[title].title = "내 시트"
    wb.save(tracker)
    with pytest.raises(TrackerImportError) as e:
        import_actuals(project, tracker)
    assert f"'{title}' 시트가 없습니다" in e.value.text.ko and "'내 시트'" in e.value.text.ko
    assert f"renamed to '내 시트': rename it back to '{title}'" in e.value.text.en


def test_the_workbook_structure_and_the_charts_are_protected_without_a_password(cafe):
    _, tracker = cafe
    with zipfile.ZipFile(tracker) as z:
        workbook = z.read("xl/workbook.xml").decode()
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        drawings = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/drawings/drawing")]
    assert '<workbookProtection lockStructure="1"/>' in workbook and "Password" not in workbook
    assert all('<sheetProtection sheet="1" objects="1"' in s for s in sheets)
    assert not any("password" in s for s in sheets)
    assert drawings and all('fLocksWithSheet="0"' not in d and "<xdr:clientData/>" in d for d in drawings)


def test_moved_kpi_column_is_refused(cafe):
    project, tracker = cafe
    wb = _unprotected(tracker)
    wb[WEEKLY_KO].insert_cols(5)  # pushes every KPI from the second one a column to the right
    wb.save(tracker)
    with pytest.raises(TrackerImportError) as e:
        import_actuals(project, tracker)
    assert f"'{WEEKLY_KO}' 시트의 E3 셀" in e.value.text.ko
    assert "moved or deleted" in e.value.text.en


def test_deleted_period_row_is_refused(cafe):
    project, tracker = cafe
    wb = _unprotected(tracker)
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


def test_cli_saves_only_when_the_import_succeeds_and_prints_the_changes(tmp_path, capsys):
    plan = tmp_path / "cafe.kpiwiz"
    tracker = tmp_path / "cafe.xlsx"
    save_project(plan, cafe_project())
    assert main(["export", str(plan), "--xlsx", str(tracker)]) == 0
    project = load_project(plan).project
    before = plan.read_bytes()

    bad = _edit(tracker, {_cell(project, "coupon_visits", 4): 25, _cell(project, "followers_local", 5): "많음"},
                out=tmp_path / "bad.xlsx")
    assert main(["--lang", "en", "import-actuals", str(plan), str(bad)]) == 2
    assert "cell E10" in capsys.readouterr().err
    assert plan.read_bytes() == before, "a failed import must not touch the project file"

    good = _edit(tracker, {_cell(project, "coupon_visits", 4): 25, ("실행 계획", f"H{FIRST_ROW + 6}"): "완료",
                           _roi("roi_revenue"): 2200000}, out=tmp_path / "good.xlsx")
    assert main(["--lang", "en", "import-actuals", str(plan), str(good)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[0] == "Actuals (weekly): 1 new, 0 changed, 0 cleared"
    assert out[1].startswith("Actions: '") and out[1].endswith("→ Done")
    assert out[2] == "ROI: Revenue from social media 2,100,000 → 2,200,000"
    saved = load_project(plan).project
    assert saved.actuals["coupon_visits"][date(2026, 2, 2)] == 25
    assert saved.actions[6].status is ActionStatus.DONE and saved.roi.revenue == 2200000


def test_saved_project_reloads_after_import(tmp_path):
    """The imported project is a valid project file, not just an in-memory object."""
    project = find_example("b2b-ebook").load()
    tracker = tmp_path / "b.xlsx"
    export_tracker(project, tracker)
    sheet, ref = _cell(project, "leads", 4, Lang.EN)
    _edit(tracker, {(sheet, ref): 95})
    result = import_actuals(project, tracker)
    save_project(tmp_path / "b.kpiwiz", result.project)
    day = build_layout(project, Lang.EN).sheet_of("leads").periods[4].start
    assert load_project(tmp_path / "b.kpiwiz").project.actuals["leads"][day] == 95


def test_apply_to_puts_every_imported_part_into_a_project(cafe):
    project, tracker = cafe
    _edit(tracker, {_cell(project, "coupon_visits", 4): 25, ("실행 계획", f"H{FIRST_ROW}"): "중단",
                    _roi("roi_tools"): 10000})
    result = import_actuals(project, tracker)
    target = project.model_copy(deep=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result.apply_to(target)
    assert target == result.project


def test_gross_margin_shown_as_the_default_stays_the_default_until_the_owner_types_one(cafe):
    from kpiwizard.core.formatting import format_number
    from kpiwizard.core.roi import project_roi

    project, tracker = cafe
    assert project.roi.gross_margin is None
    shown = openpyxl.load_workbook(tracker)["ROI"][_roi("roi_gross_margin")[1]].value
    assert shown == project_roi(project).gross_margin  # the industry default the ROI uses
    assert import_actuals(project, tracker).project.roi.gross_margin is None
    _edit(tracker, {_roi("roi_gross_margin"): 0.62})
    result = import_actuals(project, tracker)
    assert result.project.roi.gross_margin == 0.62
    default = format_number(project_roi(project).gross_margin * 100)
    assert f"Gross margin (share of revenue kept after the cost of each sale) {default}% → 62%" in result.summary(Lang.EN)


def test_a_status_imports_beside_a_tactic_with_line_breaks_or_longer_than_a_cell(tmp_path):
    """The row check compares the tactic as typed: XlsxWriter escapes a carriage return (_x000D_),
    some readers leave it escaped, and a cell holds at most 32,767 characters."""
    from tracker_recalc import gnumeric

    project = cafe_project()
    odd = ["  line one\r\nline two\ttab  ", "긴 실행 " * 7000]  # 35,000 characters
    actions = [a.model_copy(update={"tactic": odd[i]}) if i < 2 else a for i, a in enumerate(project.actions)]
    project = project.model_copy(update={"actions": actions})
    tracker = tmp_path / "t.xlsx"
    export_tracker(project, tracker, Lang.KO)
    edited = _edit(tracker, {("실행 계획", f"H{FIRST_ROW}"): "중단", ("실행 계획", f"H{FIRST_ROW + 1}"): "중단"})
    (tmp_path / "gn").mkdir()
    for path in (edited, gnumeric([edited], tmp_path / "gn")[edited]):
        result = import_actuals(project, path)
        assert [a.status for a in result.project.actions[:2]] == [ActionStatus.DROPPED] * 2, path
        assert "no longer match" not in result.summary(Lang.EN)
