"""What the owner finds in the exported workbook: sheets, inputs, protection, print set-up, charts."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from kpiwizard.core.enums import Direction, Frequency, Lang
from kpiwizard.core.errors import ExportError
from kpiwizard.core.examples import examples, find_example
from kpiwizard.core.kpiview import view_kpis
from kpiwizard.core.schedule import periods
from kpiwizard.export.tracker import C_DIR, C_FREQ, build_workbook, display_width, export_tracker
from kpiwizard.export.tracker_layout import FIRST_ROW, META_SHEET, build_layout, fingerprint


@pytest.fixture(scope="module")
def cafe_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("wb") / "cafe.xlsx"
    export_tracker(find_example("cafe").load(), path, Lang.KO)
    return path


@pytest.fixture(scope="module")
def cafe(cafe_file):
    return openpyxl.load_workbook(cafe_file)


def workbook(project, lang: Lang):
    return openpyxl.load_workbook(io.BytesIO(build_workbook(project, lang)))


def test_sheets_in_korean_with_one_actuals_sheet_per_frequency(cafe):
    assert cafe.sheetnames == ["안내", "대시보드", "실적(주간)", "실적(월간)", "차트", "실행 계획", "ROI",
                               "KPI 정의", "차트 데이터", "목록", META_SHEET]
    assert cafe[META_SHEET].sheet_state == "veryHidden"
    assert cafe[META_SHEET]["B1"].value == fingerprint(find_example("cafe").load())
    english = workbook(find_example("b2b-ebook").load(), Lang.EN)
    assert english.sheetnames[:3] == ["Guide", "Dashboard", "Actuals (monthly)"]


def test_actuals_rows_are_the_plan_periods_with_recorded_values_filled_in(cafe):
    project = find_example("cafe").load()
    ws = cafe["실적(주간)"]
    weeks = periods(project.start, project.end, Frequency.WEEKLY)
    assert [ws.cell(row=FIRST_ROW + i, column=2).value.date() for i in range(len(weeks))] == [p.start for p in weeks]
    assert [ws.cell(row=FIRST_ROW + i, column=3).value.date() for i in range(len(weeks))] == [p.end for p in weeks]
    assert ws.cell(row=FIRST_ROW + len(weeks), column=2).value is None
    sheet = build_layout(project, Lang.KO).sheet_of("response_time")
    column = [ws.cell(row=FIRST_ROW + i, column=sheet.column("response_time")).value for i in range(len(weeks))]
    assert column == [150, 120, 95, 80, 75, 70, 66, 62, 60, 58, 55, 57]  # three months recorded
    names = {v.id: v.name for v in view_kpis(project, Lang.KO)}
    assert names["response_time"] in ws.cell(row=4, column=sheet.column("response_time")).value


def test_only_input_cells_are_unlocked_and_every_sheet_is_protected_without_password(cafe):
    for ws in cafe.worksheets:
        assert ws.protection.sheet, ws.title
        assert not ws.protection.password, ws.title
    ws = cafe["실적(주간)"]
    assert ws["D5"].protection.locked is False and ws["D5"].fill.fgColor.rgb.endswith("FFF4C2")
    assert ws["C5"].protection.locked and ws["D4"].protection.locked
    dash = cafe["대시보드"]
    assert all(c.protection.locked for row in dash.iter_rows() for c in row)
    assert cafe["ROI"]["B5"].protection.locked is False  # ad spend input
    assert cafe["실행 계획"]["H5"].protection.locked is False  # status drop-down
    assert cafe["실행 계획"]["B5"].protection.locked


def _validations(ws) -> dict:
    """Column -> (type, operator, minimum, maximum, range, input message, error message)."""
    rules = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            rules[rng.min_col] = (dv.type, dv.operator or "between", dv.formula1, dv.formula2, str(rng),
                                  dv.prompt, dv.error)
    return rules


def _accepts(rule, number: float) -> bool:
    """What a spreadsheet does with a number typed into the cell: a decimal 'between' rule accepts
    its bounds and what lies between them (ECMA-376 18.18.20)."""
    kind, operator, low, high = rule[:4]
    assert (kind, operator) == ("decimal", "between")
    return float(low) <= number <= float(high)


def test_actuals_validation_numbers_at_least_zero_and_percent_up_to_100(cafe):
    project = find_example("cafe").load()
    ws = cafe["실적(주간)"]
    sheet = build_layout(project, Lang.KO).sheet_of("engagement_rate")
    rules = _validations(ws)
    letter = openpyxl.utils.get_column_letter(sheet.column("engagement_rate"))
    percent = rules[sheet.column("engagement_rate")]
    assert percent[:5] == ("decimal", "between", "0", "1", f"{letter}5:{letter}{sheet.last_row}")
    # the cell holds what "0%".."100%" typed is stored as: 0..1, both ends included, nothing beyond
    assert _accepts(percent, 0) and _accepts(percent, 1) and _accepts(percent, 0.046)
    assert not _accepts(percent, 1.0001) and not _accepts(percent, -0.0001)
    assert not _accepts(percent, 4.6), "4.6 typed without % (460%) is refused"
    assert percent[5] == percent[6] == "0%에서 100% 사이로, 4.5%처럼 %를 붙여 적으세요."
    count = rules[sheet.column("coupon_visits")]
    assert count[:3] == ("decimal", "between", "0") and _accepts(count, 0) and not _accepts(count, -1)


def test_percent_validation_speaks_english_in_an_english_tracker():
    project = find_example("b2b-ebook").load()
    wb = workbook(project, Lang.EN)
    for kpi_id in ("lead_to_sale_rate", "bounce_rate"):
        sheet = build_layout(project, Lang.EN).sheet_of(kpi_id)
        rule = _validations(wb[sheet.title])[sheet.column(kpi_id)]
        assert rule[2:4] == ("0", "1")
        assert rule[5] == rule[6] == "Type a percentage from 0% to 100% with its % sign, e.g. 4.5%."


def test_action_status_drop_down_reads_a_range_not_a_literal_list(cafe):
    dv = cafe["실행 계획"].data_validations.dataValidation[0]
    assert dv.type == "list" and dv.formula1 == "'목록'!$A$1:$A$4"
    assert [cafe["목록"][f"A{i}"].value for i in range(1, 5)] == ["계획", "진행 중", "완료", "중단"]
    assert cafe["목록"].sheet_state == "hidden"


def test_print_setup_freeze_panes_and_defined_names(cafe):
    for ws in cafe.worksheets:
        if ws.sheet_state != "visible":
            continue
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1)  # 1: the default
        assert "망원동 카페 봄" in ws.oddHeader.center.text and "&P" in ws.oddFooter.center.text
    assert cafe["대시보드"].freeze_panes == "B6" and cafe["실적(주간)"].freeze_panes == "D5"
    assert cafe["실적(주간)"].print_title_rows == "$4:$4"
    for name in ("roi_ad_spend", "roi_revenue", "funnel_close_rate", "plan_start", "overall_score",
                 "actuals_coupon_visits"):
        assert name in cafe.defined_names, name


def test_header_ampersand_is_escaped():
    project = find_example("pizzeria").load().model_copy(update={"title": "Tom & Jerry's &P pizza"})
    wb = workbook(project, Lang.EN)
    assert wb["Dashboard"].oddHeader.center.text == "Tom && Jerry's &&P pizza"


def test_one_chart_per_kpi_in_a_hangul_font(cafe_file):
    with zipfile.ZipFile(cafe_file) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == len(find_example("cafe").load().kpis)
        xml = z.read(charts[0]).decode()
    assert "<c:scatterChart>" in xml and 'typeface="Malgun Gothic"' in xml and "<a:ea typeface=\"Malgun Gothic\"" in xml
    assert "인스타 쿠폰 사용 손님 수" in xml  # title, not a default "Chart 1"
    assert "'실적(주간)'!$D$5:$D$" in xml and "'실적(주간)'!$C$5:$C$" in xml  # values against dates
    assert "'차트 데이터'!$E$5:$G$5" in xml  # the target path
    assert "<c:strRef>" not in xml.split("<c:ser>")[0]  # a literal title (Gnumeric shows no title from a cell)


def test_a_chart_title_that_looks_like_a_reference_is_the_cell_holding_that_text(tmp_path):
    """XlsxWriter reads 'Sheet!A1'-like text as a reference: such a name is written as the reference to
    the chart data cell that holds it, so the title still shows the name, never another cell."""
    from tracker_recalc import INJECTIONS, injection_project

    path = tmp_path / "i.xlsx"
    export_tracker(injection_project(), path, Lang.EN)
    i = INJECTIONS.index("@cmd|' /C calc'!A0")
    with zipfile.ZipFile(path) as z:
        xml = z.read(f"xl/charts/chart{i + 1}.xml").decode()
        first = z.read("xl/charts/chart1.xml").decode()
    assert f"<c:f>'Chart data'!$A${FIRST_ROW + i}</c:f>" in xml
    assert openpyxl.load_workbook(path)["Chart data"][f"A{FIRST_ROW + i}"].value == INJECTIONS[i]
    assert "<a:t>=1+1</a:t>" in first  # any other name is the literal title


def test_money_format_follows_the_currency(cafe):
    assert cafe["ROI"]["B5"].number_format == '"₩"#,##0'
    usd = workbook(find_example("pizzeria").load(), Lang.EN)
    assert usd["ROI"]["B5"].number_format == '"$"#,##0.00'


def test_export_failure_is_a_bilingual_user_error(tmp_path):
    with pytest.raises(ExportError) as e:
        export_tracker(find_example("cafe").load(), tmp_path / "missing-folder" / "t.xlsx")
    assert "missing-folder" in e.value.text.en and "폴더" in e.value.text.ko


def test_export_writes_a_file_openpyxl_reads_back(tmp_path):
    path = tmp_path / "p.xlsx"
    export_tracker(find_example("pizzeria-unrealistic").load(), path)
    assert openpyxl.load_workbook(io.BytesIO(path.read_bytes()))["Dashboard"]["A6"].value


def test_chart_target_path_runs_through_the_core_trajectory(cafe):
    """The chart draws the target path from corner points; every period end must lie on it, on the
    scale of the actual cells drawn beside it (a percent KPI's as fractions: 4.125% is 0.04125)."""
    from kpiwizard.core.progress import trajectory_value

    project = find_example("cafe").load()
    ws = cafe["차트 데이터"]
    percent = {v.id for v in view_kpis(project, Lang.KO) if v.unit == "%"}
    assert percent == {"engagement_rate"}
    for i, kpi in enumerate(project.kpis):
        if kpi.direction is Direction.RANGE:
            continue  # its chart draws the band (test below)
        r = FIRST_ROW + i
        days = [ws.cell(row=r, column=c).value.date() for c in (2, 3, 4)]
        values = [ws.cell(row=r, column=c).value for c in (5, 6, 7)]
        deadline = project.deadline_of(kpi)
        for p in periods(project.start, project.end, kpi.frequency):
            x = p.end
            j = 0 if x <= days[1] else 1
            span = (days[j + 1] - days[j]).days or 1
            on_line = values[j] + (values[j + 1] - values[j]) * (x - days[j]).days / span
            expected = trajectory_value(kpi, project.start, deadline, x)
            assert expected is not None
            if kpi.id in percent:
                expected /= 100
            assert on_line == pytest.approx(expected), (kpi.id, x)


def test_a_band_kpi_chart_draws_the_band_not_a_path_to_its_nearest_edge(cafe, cafe_file):
    """A week below the band must look below it: the chart draws the low and the high edge."""
    project = find_example("cafe").load()
    i = next(i for i, k in enumerate(project.kpis) if k.direction is Direction.RANGE)
    kpi = project.kpis[i]
    r = FIRST_ROW + i
    ws = cafe["차트 데이터"]
    assert [ws.cell(row=r, column=c).value for c in (5, 6, 7)] == [kpi.band_low] * 3
    assert [ws.cell(row=r, column=c).value for c in (8, 9, 10)] == [kpi.band_high] * 3
    with zipfile.ZipFile(cafe_file) as z:
        xml = z.read(f"xl/charts/chart{i + 1}.xml").decode()
    assert f"'차트 데이터'!$E${r}:$G${r}" in xml and f"'차트 데이터'!$H${r}:$J${r}" in xml
    assert "범위 하한" in xml and "범위 상한" in xml and "목표 궤적" not in xml
    with zipfile.ZipFile(cafe_file) as z:
        other = z.read("xl/charts/chart1.xml").decode()
    assert "목표 궤적" in other and "범위 상한" not in other


@pytest.mark.parametrize("lang", list(Lang))
def test_direction_and_frequency_fit_their_columns_in_both_languages(lang):
    """"Keep within a band" is not cut and the "Frequency" header does not break inside the word."""
    project = find_example("cafe").load()
    ws = workbook(project, lang)["대시보드" if lang is Lang.KO else "Dashboard"]
    letter = openpyxl.utils.get_column_letter
    for col in (C_DIR, C_FREQ):
        width = ws.column_dimensions[letter(col)].width
        texts = [ws.cell(row=r, column=col).value for r in range(5, 6 + len(project.kpis))]
        assert all(display_width(text) + 1 <= width for text in texts), (col, width, texts)
    if lang is Lang.EN:
        assert "Keep within a band" in [ws.cell(row=r, column=C_DIR).value for r in range(6, 6 + len(project.kpis))]


@pytest.mark.parametrize("lang", list(Lang))
def test_an_actions_content_type_fits_its_column(lang):
    """"Product information" was cut to "Product informati" beside the KPI column."""
    project = find_example("b2b-ebook").load()
    ws = workbook(project, lang)["실행 계획" if lang is Lang.KO else "Actions"]
    width = ws.column_dimensions["D"].width
    texts = [ws.cell(row=r, column=4).value for r in range(FIRST_ROW, FIRST_ROW + len(project.actions))]
    assert "Product information" in texts or lang is Lang.KO
    assert all(display_width(text or "") + 1 <= width for text in texts), (width, texts)


@pytest.mark.parametrize("name", [e.name for e in examples()])
def test_building_a_workbook_raises_no_library_warning(name):
    """XlsxWriter warns when it drops something (a too-long validation title, a bad name): none may."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for lang in Lang:
            build_workbook(find_example(name).load(), lang)


def test_a_huge_text_is_cut_to_what_a_cell_holds_not_refused(tmp_path):
    project = find_example("cafe").load()
    long = "가" * 40_000
    kpis = [project.kpis[0].model_copy(update={"note": long}), *project.kpis[1:]]
    path = tmp_path / "t.xlsx"
    export_tracker(project.model_copy(update={"kpis": kpis}), path, Lang.KO)
    note = openpyxl.load_workbook(path)["KPI 정의"].cell(row=FIRST_ROW, column=11).value
    assert note == long[:32767]  # Excel's limit per cell; the plan itself keeps the whole note


def test_exporting_does_not_import_openpyxl():
    """The writer is XlsxWriter; openpyxl (about 60 ms to import) loads only to read a tracker back."""
    import subprocess
    import sys

    code = "import sys, kpiwizard.export.tracker; print('openpyxl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "False"


def test_the_export_command_loads_no_openpyxl(tmp_path):
    """`kpiwizard export PLAN --xlsx OUT`, run as the program: the tracker is written and openpyxl
    is not among the modules the whole run loaded (issue 16)."""
    import subprocess
    import sys

    from kpiwizard.core.projectfile import save_project

    plan, out = tmp_path / "cafe.kpiwiz", tmp_path / "cafe.xlsx"
    save_project(plan, find_example("cafe").load())
    code = ("import runpy, sys\n"
            f"sys.argv = ['kpiwizard', 'export', {str(plan)!r}, '--xlsx', {str(out)!r}]\n"
            "try:\n    runpy.run_module('kpiwizard', run_name='__main__')\n"
            "except SystemExit as e:\n    code = e.code\n"
            "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'xlsxwriter'))[:1])")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split("\n")[-2] == "0 ['xlsxwriter']", run.stdout  # XlsxWriter wrote it; no openpyxl
    assert openpyxl.load_workbook(out).sheetnames[1] == "대시보드"
