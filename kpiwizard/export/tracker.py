"""The Excel tracker: the workbook a small business fills in every week or month.

Everything the owner reads in it is computed by live formulas (``tracker_formulas``) that repeat the
core's rules, so the numbers stay right as actuals are typed in, in Excel and in LibreOffice alike.
Plan data (names, targets, tactics) is written as plain values; user text is always a string cell,
never a formula. Only the yellow input cells are unlocked.
"""

from __future__ import annotations

import io
import math
import os
from copy import copy
import unicodedata
from collections.abc import Iterable
from datetime import date, timedelta

from openpyxl import Workbook
from openpyxl.chart import Reference, ScatterChart, Series
from openpyxl.chart.text import RichText
from openpyxl.chart.title import Title
from openpyxl.chart.text import Text as ChartText
from openpyxl.drawing.text import CharacterProperties, Font as DrawingFont, Paragraph, ParagraphProperties, RegularTextRun
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from kpiwizard.core.enums import Direction, Lang, Status
from kpiwizard.core.errors import ExportError, UserError
from kpiwizard.core.formatting import currency_decimals, format_date
from kpiwizard.core.kpiview import KpiView, view_kpis
from kpiwizard.core.models import Project
from kpiwizard.core.progress import trajectory_value
from kpiwizard.core.projectfile import write_file
from kpiwizard.core.sentence import smart_sentence
from kpiwizard.core.text import t
from kpiwizard.core.roi import project_roi
from kpiwizard.core.vocab import (
    ACTION_STATUS_NAMES,
    CONTENT_NAMES,
    DIRECTION_NAMES,
    FREQUENCY_NAMES,
    INDICATOR_NAMES,
    PERSPECTIVE_NAMES,
    SOURCE_NAMES,
    STATUS_NAMES,
)

from . import tracker_formulas as fx
from .tracker_layout import (
    FIRST_KPI_COL,
    FIRST_ROW,
    FORMAT,
    HEADER_ROW,
    ID_ROW,
    META_SHEET,
    ActualsSheet,
    Layout,
    build_layout,
    fingerprint,
    input_bounds,
    is_percent,
    period_index,
    quote_sheet,
)
from .tracker_text import (
    ACTIONS_HEADERS,
    ACTUALS_HEADERS,
    DASHBOARD_HEADERS,
    DEFINITION_HEADERS,
    FUNNEL_INPUTS,
    FUNNEL_OUTPUTS,
    GUIDE_STEPS,
    ROI_INPUTS,
    ROI_OUTPUTS,
    SHEETS,
    STATUS_HELP,
)

CHART_FONT = "Malgun Gothic"  # Hangul-capable on Windows; LibreOffice substitutes NanumGothic
DATE_FORMAT = "yyyy-mm-dd"
CHART_ROWS = 18  # rows per chart: 7.5 cm fits in 18 rows at Excel's and LibreOffice's default heights
DASH_FIRST_ROW = 6  # Dashboard: title, plan period, overall score, blank, header (row 5)
# Dashboard columns (1-based), in the order of DASHBOARD_HEADERS.
(C_NAME, C_UNIT, C_DIR, C_FREQ, C_BASE, C_TARGET, C_LOW, C_HIGH, C_DEADLINE, C_WEIGHT, C_ON,
 C_RISK, C_LATEST, C_MEASURED, C_PROGRESS, C_EXPECTED, C_PACE, C_STATUS, C_SCORE, C_ROW,
 C_WEIGHTED, C_COUNTED) = range(1, 23)

_THIN = Side(style="thin", color="B7B7B7")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
INPUT_FILL = PatternFill("solid", fgColor="FFF4C2")
HEADER_FONT = Font(name=CHART_FONT, bold=True)
TITLE_FONT = Font(name=CHART_FONT, bold=True, size=14)
SECTION_FONT = Font(name=CHART_FONT, bold=True, size=12)
CENTER = Alignment(horizontal="center")
UNLOCKED = Protection(locked=False)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
STATUS_FILLS = {
    Status.ON_TRACK: ("C6EFCE", "006100"),
    Status.REACHED: ("C6EFCE", "006100"),
    Status.BEHIND: ("FFEB9C", "9C5700"),
    Status.OFF_TRACK: ("FFC7CE", "9C0006"),
    Status.STALE: ("E7E6E6", "3A3838"),
    Status.MISSED: ("FFC7CE", "9C0006"),
}


# -- small cell helpers -----------------------------------------------------------------------

def display_width(text: str) -> int:
    """Columns the text takes: Hangul and other wide characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(ws: Worksheet, col: int, texts: Iterable[str], low: float = 6, high: float = 50) -> None:
    widest = max((display_width(line) for s in texts for line in str(s).splitlines()), default=0)
    ws.column_dimensions[get_column_letter(col)].width = min(max(widest * 1.1 + 2, low), high)


def fit_row(ws: Worksheet, row: int, low: float = 15) -> None:
    """Row tall enough for its wrapped text: spreadsheet programs do not grow rows on opening."""
    lines = 1
    for cell in ws[row]:
        if not isinstance(cell.value, str) or cell.data_type == "f" or not cell.alignment.wrap_text:
            continue
        width = ws.column_dimensions[cell.column_letter].width or 8.43
        per_line = max(width - 1, 1)
        lines = max(lines, sum(max(1, math.ceil(display_width(part) * 0.85 / per_line))
                               for part in cell.value.splitlines() or [""]))
    ws.row_dimensions[row].height = max(low, min(lines * 14 + 2, 400))


def money_format(currency: str) -> str:
    symbols = {"KRW": "₩", "USD": "$", "EUR": "€", "JPY": "¥", "GBP": "£", "CNY": "¥"}
    number = "#,##0" + ("." + "0" * currency_decimals(currency) if currency_decimals(currency) else "")
    symbol = symbols.get(currency)
    return f'"{symbol}"{number}' if symbol else f'{number} "{currency}"'


def value_format(view: KpiView, values: Iterable[float]) -> str:
    numbers = [v for v in (view.baseline, view.target, view.band_low, view.band_high, *values)
               if v is not None]
    return "#,##0" if all(float(v).is_integer() for v in numbers) else "#,##0.0#"


def print_setup(ws: Worksheet, plan_title: str, lang: Lang, title_rows: str | None) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.center.text = plan_title[:120].replace("&", "&&")
    ws.oddHeader.right.text = "&A"
    ws.oddFooter.center.text = "&P / &N" if lang is Lang.KO else "Page &P of &N"
    ws.page_margins.left = ws.page_margins.right = 0.4


def protect(ws: Worksheet) -> None:
    """Locked without a password: the owner can unlock it, but cannot break a formula by accident."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # allowed: widening a column
    ws.protection.formatRows = False


# -- the workbook ------------------------------------------------------------------------------

class _Writer:
    def __init__(self, project: Project, lang: Lang):
        self.p = project
        self.lang = lang
        self.views = view_kpis(project, lang)
        self.layout: Layout = build_layout(project, lang)
        self.title = project.title or project.business.name or "KPI"
        self.money = money_format(project.business.currency)
        self.status_names = {s.value: STATUS_NAMES[s].get(lang) for s in Status}
        self.wb = Workbook()
        self.wb.properties.title = self.title
        self.wb.properties.creator = "KPI Wizard"
        self._stamps: dict[tuple, tuple] = {}
        self.cells: dict[str, dict[int, float]] = {}  # kpi id -> period row offset -> value
        for view in self.views:
            self.cells[view.id] = self._period_values(view)

    # -- cells: styles are stamped from a cache, since openpyxl hashes every style it is given --

    def put_text(self, ws: Worksheet, row: int, col: int, value: str, **style) -> None:
        """User or program text as a string cell: '=1+1' stays those four characters."""
        cell = ws.cell(row=row, column=col)
        cell.value = value
        cell.data_type = "s"
        self.stamp(cell, style)

    def put(self, ws: Worksheet, row: int, col: int, value, **style) -> None:
        """A number, date or formula (never user text: see ``put_text``)."""
        self.stamp(ws.cell(row=row, column=col, value=value), style)

    def stamp(self, cell, style: dict) -> None:
        if not style:
            return
        key = (cell._style.tobytes() if cell._style is not None else b"", *((k, v if isinstance(v, str) else id(v)) for k, v in style.items()))
        cached = self._stamps.get(key)
        if cached is None:
            for k, v in style.items():
                setattr(cell, k, v)
            # keep the style objects alive with the entry, so their ids cannot be reused
            self._stamps[key] = (copy(cell._style), tuple(style.values()))
        else:
            cell._style = copy(cached[0])

    def header_row(self, ws: Worksheet, row: int, labels: list[str]) -> None:
        for col, label in enumerate(labels, start=1):
            self.put_text(ws, row, col, label, font=HEADER_FONT, fill=HEADER_FILL,
                          alignment=HEADER_ALIGN, border=BORDER)

    def tr(self, ko: str, en: str) -> str:
        return t(ko, en).get(self.lang)

    def sheet(self, key: str) -> Worksheet:
        return self.wb[SHEETS[key].get(self.lang)]

    def name(self, name: str, ref: str) -> None:
        self.wb.defined_names[name] = DefinedName(name, attr_text=ref)

    def _period_values(self, view: KpiView) -> dict[int, float]:
        """Period row offset -> the value the core reads for it (the last one recorded in it)."""
        sheet = self.layout.sheet_of(view.id)
        out: dict[int, float] = {}
        for day, value in sorted(self.p.actuals.get(view.id, {}).items()):
            i = period_index(sheet, day)
            if i is not None:
                out[i] = value
        return out

    def build(self) -> Workbook:
        wb = self.wb
        wb.active.title = SHEETS["guide"].get(self.lang)
        for key in ("dashboard",):
            wb.create_sheet(SHEETS[key].get(self.lang))
        for sheet in self.layout.actuals:
            wb.create_sheet(sheet.title)
        for key in ("charts", "actions", "roi", "definitions", "chart_data", "lists"):
            wb.create_sheet(SHEETS[key].get(self.lang))
        wb.create_sheet(META_SHEET)

        self.write_lists()
        for sheet in self.layout.actuals:
            self.write_actuals(sheet)
        self.write_dashboard()
        self.write_chart_data()
        self.write_charts()
        self.write_actions()
        self.write_roi()
        self.write_definitions()
        self.write_guide()
        self.write_meta()
        for ws in wb.worksheets:
            protect(ws)
        wb.active = 0
        return wb

    # -- Actuals ---------------------------------------------------------------------------

    def write_actuals(self, sheet: ActualsSheet) -> None:
        ws = self.wb[sheet.title]
        views = {v.id: v for v in self.views}
        self.put_text(ws, 1, 1, f"{sheet.title} — {self.title}", font=TITLE_FONT)
        self.put_text(ws, 2, 1, self.tr(
            "기록일(기간 끝)마다 노란 칸에 그 기간의 숫자를 적으세요. 빈 칸은 아직 기록하지 않은 기간입니다.",
            "On each record date (period end), type the period's number into the yellow cell. "
            "A blank cell is a period not recorded yet."))
        headers = [h.get(self.lang) for h in ACTUALS_HEADERS]
        for kpi_id in sheet.kpi_ids:
            v = views[kpi_id]
            headers.append(f"{v.name} ({v.unit})" if v.unit else v.name)
        self.header_row(ws, HEADER_ROW, headers)
        ws.row_dimensions[ID_ROW].hidden = True
        ws.row_dimensions[HEADER_ROW].height = 45
        for i, period in enumerate(sheet.periods):
            row = FIRST_ROW + i
            self.put(ws, row, 1, i + 1, border=BORDER)
            self.put(ws, row, 2, period.start, number_format=DATE_FORMAT, border=BORDER)
            self.put(ws, row, 3, period.end, number_format=DATE_FORMAT, border=BORDER)
        for kpi_id in sheet.kpi_ids:
            self._actuals_column(ws, sheet, views[kpi_id])
        ws.column_dimensions["A"].width = 6
        ws.column_dimensions["B"].width = 12
        ws.column_dimensions["C"].width = 14
        ws.freeze_panes = ws.cell(row=FIRST_ROW, column=FIRST_KPI_COL)
        print_setup(ws, self.title, self.lang, f"{HEADER_ROW}:{HEADER_ROW}")

    def _actuals_column(self, ws: Worksheet, sheet: ActualsSheet, view: KpiView) -> None:
        col = sheet.column(view.id)
        letter = get_column_letter(col)
        self.put_text(ws, ID_ROW, col, view.id)
        values = self.cells[view.id]
        number_format = value_format(view, values.values())
        for i in range(len(sheet.periods)):
            self.put(ws, FIRST_ROW + i, col, values.get(i), fill=INPUT_FILL, protection=UNLOCKED,
                     border=BORDER, number_format=number_format)
        ref = f"{letter}{FIRST_ROW}:{letter}{sheet.last_row}"
        low, high = input_bounds(view, values.values())
        if is_percent(view):
            rule = self.tr("0에서 100 사이의 숫자(퍼센트)를 적으세요.", "Type a number from 0 to 100 (percent).")
        elif low < 0:
            rule = self.tr("숫자를 적으세요.", "Type a number.")
        else:
            rule = self.tr("0 이상의 숫자를 적으세요.", "Type a number, 0 or more.")
        dv = DataValidation(type="decimal", operator="between", formula1=str(int(low)), formula2=str(int(high)))
        dv.allow_blank = True
        dv.showErrorMessage = True
        dv.errorTitle = view.name[:32]
        dv.error = rule
        dv.showInputMessage = True
        dv.promptTitle = view.name[:32]
        dv.prompt = rule
        if sheet.periods:  # a plan that ends before it starts has no rows to validate
            dv.add(ref)
            ws.add_data_validation(dv)
        fit(ws, col, [view.name], low=12, high=24)
        self.name(_range_name(view.id, self.wb.defined_names), sheet.range_ref(col))

    # -- Dashboard -------------------------------------------------------------------------

    def write_dashboard(self) -> None:
        ws = self.sheet("dashboard")
        tr = self.tr
        self.put_text(ws, 1, 1, f"{tr('KPI 대시보드', 'KPI dashboard')} — {self.title}", font=TITLE_FONT)
        self.put_text(ws, 2, 1, tr("계획 기간", "Plan period"), font=HEADER_FONT)
        self.put(ws, 2, 2, self.p.start, number_format=DATE_FORMAT)
        self.put(ws, 2, 3, self.p.end, number_format=DATE_FORMAT)
        dash = quote_sheet(ws.title)
        self.name("plan_start", f"{dash}!$B$2")
        self.name("plan_end", f"{dash}!$C$2")
        self.put_text(ws, 3, 1, tr("종합 점수", "Overall score"), font=SECTION_FONT)
        self.header_row(ws, 5, [h.get(self.lang) for h in DASHBOARD_HEADERS])
        ws.row_dimensions[5].height = 45
        first, last = DASH_FIRST_ROW, DASH_FIRST_ROW + max(len(self.views), 1) - 1
        for i, view in enumerate(self.views):
            self._dashboard_row(ws, DASH_FIRST_ROW + i, view)
        L = get_column_letter
        self.put(ws, 3, 2, fx.overall(f"${L(C_WEIGHTED)}${first}:${L(C_WEIGHTED)}${last}",
                                 f"${L(C_COUNTED)}${first}:${L(C_COUNTED)}${last}"),
            number_format="0.0%", font=SECTION_FONT)
        self.name("overall_score", f"{dash}!$B$3")
        self.put_text(ws, 3, 3, tr(
            "기록이 있고 가중치가 0보다 큰 KPI 점수(0~100%로 자름)의 가중 평균",
            "Weighted mean of the scores (capped to 0–100%) of KPIs with data and a weight above 0"))
        status_range = f"{L(C_STATUS)}{first}:{L(C_STATUS)}{last}"
        for status, (fill, font) in STATUS_FILLS.items():
            ws.conditional_formatting.add(status_range, CellIsRule(
                operator="equal", formula=[fx.q(STATUS_NAMES[status].get(self.lang))],
                fill=PatternFill("solid", fgColor=fill, bgColor=fill), font=Font(color=font, bold=True)))
        widths = {C_NAME: 28, C_UNIT: 11, C_DIR: 13, C_FREQ: 7, C_DEADLINE: 11, C_MEASURED: 11,
                  C_STATUS: 10}
        for col in range(1, C_COUNTED + 1):
            ws.column_dimensions[L(col)].width = widths.get(col, 10)
        fit(ws, C_NAME, [v.name for v in self.views], low=16, high=40)
        for r in range(first, first + len(self.views)):
            fit_row(ws, r)
        for col in (C_ROW, C_WEIGHTED, C_COUNTED):
            ws.column_dimensions[L(col)].hidden = True
        ws.freeze_panes = ws.cell(row=DASH_FIRST_ROW, column=2)
        print_setup(ws, self.title, self.lang, "5:5")

    def _dashboard_row(self, ws: Worksheet, r: int, view: KpiView) -> None:
        sheet = self.layout.sheet_of(view.id)
        col = sheet.column(view.id)
        values = sheet.range_ref(col)
        ends = sheet.range_ref(3)
        c = {k: f"${get_column_letter(k)}{r}" for k in range(1, C_COUNTED + 1)}
        number_format = value_format(view, self.cells[view.id].values())
        kpi = view.selection
        self.put_text(ws, r, C_NAME, view.name, alignment=WRAP)
        self.put_text(ws, r, C_UNIT, view.unit)
        self.put_text(ws, r, C_DIR, DIRECTION_NAMES[view.direction].get(self.lang))
        self.put_text(ws, r, C_FREQ, FREQUENCY_NAMES[view.frequency].get(self.lang))
        self.put(ws, r, C_BASE, view.baseline, number_format=number_format)
        if view.direction is not Direction.RANGE:
            self.put(ws, r, C_TARGET, view.target, number_format=number_format)
        else:
            self.put(ws, r, C_LOW, view.band_low, number_format=number_format)
            self.put(ws, r, C_HIGH, view.band_high, number_format=number_format)
        self.put(ws, r, C_DEADLINE, view.deadline, number_format=DATE_FORMAT)
        self.put(ws, r, C_WEIGHT, view.weight, number_format="0.##")
        self.put(ws, r, C_ON, kpi.thresholds.on_track, number_format="0.00")
        self.put(ws, r, C_RISK, kpi.thresholds.at_risk, number_format="0.00")
        self.put(ws, r, C_ROW, fx.latest_row(values, FIRST_ROW))
        self.put(ws, r, C_LATEST, fx.pick(values, c[C_ROW]), number_format=number_format)
        self.put(ws, r, C_MEASURED, fx.pick(ends, c[C_ROW]), number_format=DATE_FORMAT)
        self.put(ws, r, C_PROGRESS, fx.progress(kpi, c[C_LATEST], c[C_BASE], c[C_TARGET], c[C_LOW], c[C_HIGH]),
            number_format="0.0%")
        self.put(ws, r, C_EXPECTED, fx.expected(c[C_MEASURED], "plan_start", c[C_DEADLINE]), number_format="0.0%")
        self.put(ws, r, C_PACE, fx.pace(c[C_PROGRESS], c[C_EXPECTED]), number_format="0.00")
        self.put(ws, r, C_STATUS, fx.status(c[C_PROGRESS], c[C_PACE], c[C_MEASURED], c[C_DEADLINE], c[C_ON],
                                       c[C_RISK], self.status_names),
            alignment=CENTER)
        self.put(ws, r, C_SCORE, fx.score(c[C_PROGRESS]), number_format="0.0%")
        self.put(ws, r, C_WEIGHTED, fx.weighted(c[C_SCORE], c[C_WEIGHT]))
        self.put(ws, r, C_COUNTED, fx.counted_weight(c[C_SCORE], c[C_WEIGHT]))
        for col in range(1, C_COUNTED + 1):
            self.stamp(ws.cell(row=r, column=col), {"border": BORDER})

    # -- Charts ----------------------------------------------------------------------------

    def write_chart_data(self) -> None:
        """The target trajectory per KPI as its corner points: a straight line from the baseline
        (the day before the plan starts) to the target on the deadline, flat after it."""
        ws = self.sheet("chart_data")
        self.put_text(ws, 1, 1, self.tr("차트용 목표 궤적: 기준값에서 마감일의 목표까지 직선",
                                        "Target trajectory for the charts: a straight line from the baseline to the target on the deadline"),
                      font=TITLE_FONT)
        day, value = self.tr("날짜", "Date"), self.tr("목표 궤적", "Target path")
        self.header_row(ws, HEADER_ROW, ["KPI"] + [f"{day} {n}" for n in (1, 2, 3)]
                        + [f"{value} {n}" for n in (1, 2, 3)])
        self.trajectory_rows: dict[str, int] = {}
        for i, view in enumerate(self.views):
            r = FIRST_ROW + i
            self.trajectory_rows[view.id] = r
            self.put_text(ws, r, 1, view.name)
            last = min(view.deadline, self.p.end)
            days = sorted({self.p.start - timedelta(days=1), last, self.p.end})
            days += [days[-1]] * (3 - len(days))
            for j, d in enumerate(days):
                self.put(ws, r, 2 + j, d, number_format=DATE_FORMAT)
                self.put(ws, r, 5 + j, trajectory_value(view.selection, self.p.start, view.deadline, d),
                         number_format="#,##0.##")
        fit(ws, 1, [v.name for v in self.views] + ["KPI"], low=16, high=40)
        for col in range(2, 8):
            ws.column_dimensions[get_column_letter(col)].width = 13
        ws.freeze_panes = ws.cell(row=FIRST_ROW, column=2)
        print_setup(ws, self.title, self.lang, f"{HEADER_ROW}:{HEADER_ROW}")

    def write_charts(self) -> None:
        """Per KPI, actuals and trajectory against real dates (monthly periods differ in length)."""
        ws = self.sheet("charts")
        self.put_text(ws, 1, 1, self.tr("KPI별 실적과 목표 궤적", "Actuals against the target trajectory, per KPI"),
                      font=TITLE_FONT)
        data_ws = self.sheet("chart_data")
        first_day = self.p.start - timedelta(days=1)
        x_min = (first_day - date(1899, 12, 30)).days
        x_max = (self.p.end - date(1899, 12, 30)).days
        for i, view in enumerate(self.views):
            sheet = self.layout.sheet_of(view.id)
            actuals_ws = self.wb[sheet.title]
            col = sheet.column(view.id)
            chart = ScatterChart(scatterStyle="lineMarker")
            chart.title = _chart_title(view.name)
            chart.height, chart.width = 7.5, 15.5
            chart.display_blanks = "gap"
            chart.y_axis.title = _chart_title(view.unit, size=900) if view.unit else None
            chart.x_axis.number_format = "mm-dd"
            chart.x_axis.scaling.min, chart.x_axis.scaling.max = x_min, x_max
            chart.x_axis.majorGridlines = None
            chart.x_axis.delete = False
            chart.y_axis.delete = False
            chart.legend.position = "b"
            dates = Reference(actuals_ws, min_col=3, min_row=FIRST_ROW, max_row=sheet.last_row)
            actual = Series(Reference(actuals_ws, min_col=col, min_row=FIRST_ROW, max_row=sheet.last_row),
                            dates, title=self.tr("실적", "Actual"))
            actual.marker.symbol = "circle"
            actual.marker.size = 5
            r = self.trajectory_rows[view.id]
            path = Series(Reference(data_ws, min_col=5, max_col=7, min_row=r),
                          Reference(data_ws, min_col=2, max_col=4, min_row=r), title=self.tr("목표 궤적", "Target path"))
            path.marker.symbol = "none"
            path.graphicalProperties.line.dashStyle = "dash"
            for series in (actual, path):
                series.smooth = False
                chart.series.append(series)
            chart.txPr = _rich_font(900)
            ws.add_chart(chart, f"{'A' if i % 2 == 0 else 'J'}{3 + (i // 2) * CHART_ROWS}")
            if i % 4 == 3 and i + 1 < len(self.views):  # two rows of charts per printed page
                ws.row_breaks.append(Break(id=1 + (i // 2 + 1) * CHART_ROWS))
        for col in range(1, 19):
            ws.column_dimensions[get_column_letter(col)].width = 10
        print_setup(ws, self.title, self.lang, None)

    # -- Actions ---------------------------------------------------------------------------

    def write_lists(self) -> None:
        ws = self.sheet("lists")
        for i, status in enumerate(ACTION_STATUS_NAMES.values(), start=1):
            self.put_text(ws, i, 1, status.get(self.lang))
        ws.sheet_state = "hidden"
        self.status_list = f"{quote_sheet(ws.title)}!$A$1:$A${len(ACTION_STATUS_NAMES)}"
        self.name("action_statuses", self.status_list)

    def write_actions(self) -> None:
        ws = self.sheet("actions")
        names = {v.id: v.name for v in self.views}
        self.put_text(ws, 1, 1, f"{self.tr('실행 계획', 'Action plan')} — {self.title}", font=TITLE_FONT)
        self.put_text(ws, 2, 1, self.tr("상태 칸(노란 칸)은 목록에서 고르세요.",
                                   "Pick each status (yellow cells) from the list."))
        self.header_row(ws, HEADER_ROW, [h.get(self.lang) for h in ACTIONS_HEADERS])
        for i, a in enumerate(self.p.actions):
            r = FIRST_ROW + i
            self.put(ws, r, 1, i + 1)
            self.put_text(ws, r, 2, a.tactic, alignment=WRAP)
            self.put_text(ws, r, 3, a.channel, alignment=WRAP)
            self.put_text(ws, r, 4, CONTENT_NAMES[a.content_type].get(self.lang) if a.content_type else "")
            self.put_text(ws, r, 5, names.get(a.kpi, "") if a.kpi else "", alignment=WRAP)
            self.put_text(ws, r, 6, a.owner, alignment=WRAP)
            self.put(ws, r, 7, a.due, number_format=DATE_FORMAT)
            self.put_text(ws, r, 8, ACTION_STATUS_NAMES[a.status].get(self.lang), fill=INPUT_FILL,
                     protection=UNLOCKED)
            for col in range(1, 9):
                self.stamp(ws.cell(row=r, column=col), {"border": BORDER})
        if self.p.actions:
            dv = DataValidation(type="list", formula1=self.status_list, allow_blank=True)
            dv.showErrorMessage = True
            dv.error = self.tr("목록에 있는 상태를 고르세요.", "Pick a status from the list.")
            dv.add(f"H{FIRST_ROW}:H{FIRST_ROW + len(self.p.actions) - 1}")
            ws.add_data_validation(dv)
        widths = [6, 46, 14, 13, 22, 14, 11, 10]
        for col, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(col)].width = width
        fit(ws, 3, [a.channel for a in self.p.actions] + [ACTIONS_HEADERS[2].get(self.lang)], low=10, high=24)
        fit(ws, 6, [a.owner for a in self.p.actions] + [ACTIONS_HEADERS[5].get(self.lang)], low=10, high=24)
        for r in range(FIRST_ROW, FIRST_ROW + len(self.p.actions)):
            fit_row(ws, r)
        ws.freeze_panes = ws.cell(row=FIRST_ROW, column=3)
        print_setup(ws, self.title, self.lang, f"{HEADER_ROW}:{HEADER_ROW}")

    # -- ROI -------------------------------------------------------------------------------

    def write_roi(self) -> None:
        ws = self.sheet("roi")
        roi, funnel = self.p.roi, self.p.roi.funnel
        tr = self.tr
        self.put_text(ws, 1, 1, f"ROI — {self.title}", font=TITLE_FONT)
        self.put_text(ws, 2, 1, tr("노란 칸에 계획 기간의 비용과 성과를 적으면 아래 값이 계산됩니다. 통화: ",
                              "Type the plan period's costs and returns into the yellow cells. Currency: ")
                 + self.p.business.currency)
        self.header_row(ws, HEADER_ROW, [tr("항목", "Item"), tr("값", "Value")])
        roi_sheet = quote_sheet(ws.title)
        row = FIRST_ROW
        inputs = {
            "roi_ad_spend": roi.ad_spend, "roi_tools": roi.tools, "roi_hours": roi.hours,
            "roi_hourly_rate": roi.hourly_rate, "roi_revenue": roi.revenue, "roi_leads": roi.leads,
            "roi_customers": roi.customers, "roi_average_order": roi.average_order,
            "roi_purchases_per_year": roi.purchases_per_year, "roi_customer_years": roi.customer_years,
            # The margin in use: the owner's, or the industry's default (the sheet shows it either way).
            "roi_gross_margin": project_roi(self.p).gross_margin,
            "funnel_revenue_target": funnel.revenue_target, "funnel_click_rate": funnel.click_rate,
            "funnel_lead_rate": funnel.lead_rate, "funnel_close_rate": funnel.close_rate,
        }
        formats = {"money": self.money, "number": "#,##0.##", "count": "#,##0", "rate": "0.0#%",
                   "percent100": '0.0"%"', "ratio": "0.00"}

        def section(label: str) -> None:
            nonlocal row
            row += 1
            self.put_text(ws, row, 1, label, font=HEADER_FONT)
            row += 1

        def line(name: str, label: str, value, kind: str, is_input: bool) -> None:
            nonlocal row
            self.put_text(ws, row, 1, label, border=BORDER)
            style = dict(number_format=formats[kind], border=BORDER)
            if is_input:
                style.update(fill=INPUT_FILL, protection=UNLOCKED)
            self.put(ws, row, 2, value, **style)
            self.name(name, f"{roi_sheet}!$B${row}")
            if is_input:
                dv = _roi_validation(kind, self.lang)
                dv.add(f"B{row}")
                ws.add_data_validation(dv)
            row += 1

        for name, label, kind in ROI_INPUTS:
            line(name, label.get(self.lang), inputs[name], kind, True)
        section(tr("결과", "Results"))
        for name, label, kind in ROI_OUTPUTS:
            line(name, label.get(self.lang), fx.ROI_FORMULAS[name], kind, False)
        section(tr("역산 퍼널: 목표 매출에 필요한 고객·리드·클릭·도달", "Reverse funnel: what the revenue target needs"))
        for name, label, kind in FUNNEL_INPUTS:
            line(name, label.get(self.lang), inputs[name], kind, True)
        for name, label in FUNNEL_OUTPUTS:
            line(name, label.get(self.lang), fx.FUNNEL_FORMULAS[name], "count", False)
        fit(ws, 1, [label.get(self.lang) for _, label, _ in ROI_INPUTS + ROI_OUTPUTS + FUNNEL_INPUTS]
            + [label.get(self.lang) for _, label in FUNNEL_OUTPUTS], low=20, high=40)
        ws.column_dimensions["B"].width = 18
        print_setup(ws, self.title, self.lang, None)
        ws.page_setup.fitToHeight = 1  # one page: the inputs and what they give, together

    # -- KPI definitions, guide, metadata ------------------------------------------------------

    def write_definitions(self) -> None:
        ws = self.sheet("definitions")
        self.put_text(ws, 1, 1, f"{self.tr('KPI 정의', 'KPI definitions')} — {self.title}", font=TITLE_FONT)
        self.header_row(ws, HEADER_ROW, [h.get(self.lang) for h in DEFINITION_HEADERS])
        for i, v in enumerate(self.views):
            r = FIRST_ROW + i
            row = [v.name, v.definition, v.formula, v.unit, SOURCE_NAMES[v.source].get(self.lang),
                   DIRECTION_NAMES[v.direction].get(self.lang), INDICATOR_NAMES[v.indicator].get(self.lang),
                   PERSPECTIVE_NAMES[v.perspective].get(self.lang), FREQUENCY_NAMES[v.frequency].get(self.lang),
                   v.owner, v.selection.note]
            for col, value in enumerate(row, start=1):
                self.put_text(ws, r, col, value, alignment=WRAP, border=BORDER)
        widths = [22, 42, 32, 8, 13, 13, 11, 14, 8, 14, 30]
        for col, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(col)].width = width
        fit(ws, 1, [v.name for v in self.views], low=16, high=30)
        for r in range(FIRST_ROW, FIRST_ROW + len(self.views)):
            fit_row(ws, r)
        ws.freeze_panes = ws.cell(row=FIRST_ROW, column=2)
        print_setup(ws, self.title, self.lang, f"{HEADER_ROW}:{HEADER_ROW}")

    def write_guide(self) -> None:
        ws = self.sheet("guide")
        tr = self.tr
        self.put_text(ws, 1, 1, self.title, font=TITLE_FONT)
        rows = [
            (tr("사업체", "Business"), self.p.business.name),
            (tr("계획 기간", "Plan period"),
             f"{format_date(self.p.start, self.lang)} ~ {format_date(self.p.end, self.lang)}"),
            (tr("SMART 목표", "SMART goal"), smart_sentence(self.p.smart).get(self.lang)),
        ]
        r = 3
        for label, value in rows:
            self.put_text(ws, r, 1, label, font=HEADER_FONT, alignment=WRAP)
            self.put_text(ws, r, 2, value, alignment=WRAP)
            r += 1
        r += 1
        self.put_text(ws, r, 1, tr("작성 방법", "How to fill it in"), font=SECTION_FONT)
        r += 1
        for step in GUIDE_STEPS:
            self.put_text(ws, r, 2, step.get(self.lang), alignment=WRAP)
            r += 1
        r += 1
        self.put_text(ws, r, 1, tr("상태와 계산", "Status and maths"), font=SECTION_FONT)
        r += 1
        for line in STATUS_HELP:
            self.put_text(ws, r, 2, line.get(self.lang), alignment=WRAP)
            r += 1
        r += 1
        self.put_text(ws, r, 1, tr("시트", "Sheets"), font=SECTION_FONT)
        r += 1
        for sheet in self.wb.worksheets:
            if sheet.title not in (META_SHEET, SHEETS["lists"].get(self.lang)):
                self.put_text(ws, r, 2, sheet.title)
                r += 1
        ws.column_dimensions["A"].width = 16
        ws.column_dimensions["B"].width = 110
        for row in range(3, r):
            fit_row(ws, row)
        print_setup(ws, self.title, self.lang, None)
        ws.page_setup.fitToHeight = 1

    def write_meta(self) -> None:
        ws = self.wb[META_SHEET]
        for r, (key, value) in enumerate(
            [("fingerprint", fingerprint(self.p)), ("format", str(FORMAT)), ("lang", self.lang.value)], start=1
        ):
            self.put_text(ws, r, 1, key)
            self.put_text(ws, r, 2, value)
        ws.sheet_state = "veryHidden"


def _range_name(kpi_id: str, existing) -> str:
    base = "actuals_" + "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in kpi_id)
    name, n = base, 2
    while name in existing:
        name, n = f"{base}_{n}", n + 1
    return name


def _roi_validation(kind: str, lang: Lang) -> DataValidation:
    if kind == "rate":
        dv = DataValidation(type="decimal", operator="between", formula1="0.000001", formula2="1")
        message = t("0%보다 크고 100% 이하인 비율을 적으세요.", "Type a rate above 0% and at most 100%.")
    elif kind == "count":
        dv = DataValidation(type="whole", operator="between", formula1="0", formula2="1000000000")
        message = t("0 이상의 정수를 적으세요.", "Type a whole number, 0 or more.")
    else:
        dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="10000000000000")
        message = t("0 이상의 숫자를 적으세요.", "Type a number, 0 or more.")
    dv.allow_blank = True
    dv.showErrorMessage = True
    dv.error = message.get(lang)
    return dv


def _font_props(size: int, bold: bool = False) -> CharacterProperties:
    face = DrawingFont(typeface=CHART_FONT)
    return CharacterProperties(latin=face, ea=face, cs=face, sz=size, b=bold)


def _rich_font(size: int) -> RichText:
    props = _font_props(size)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)])


def _chart_title(text: str, size: int = 1200) -> Title:
    """A chart title run in a Hangul-capable font (the default would be Calibri)."""
    props = _font_props(size, bold=size >= 1200)
    rich = RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), r=[RegularTextRun(rPr=props, t=text)])])
    return Title(tx=ChartText(rich=rich), overlay=False)


def build_workbook(project: Project, lang: Lang | None = None) -> Workbook:
    return _Writer(project, Lang(lang or project.language)).build()


def export_tracker(project: Project, path: str | os.PathLike[str], lang: Lang | None = None) -> None:
    """Write the tracker atomically; any failure becomes a bilingual ``ExportError``."""
    try:
        buffer = io.BytesIO()
        build_workbook(project, lang).save(buffer)
    except UserError:
        raise
    except (ValueError, TypeError, KeyError) as e:  # openpyxl refusing something in the plan
        raise ExportError(t(f"추적표를 만들지 못했습니다: {e}", f"Could not build the tracker: {e}")) from None
    try:
        write_file(path, buffer.getvalue())
    except UserError as e:  # the atomic writer's message: disk full, no permission...
        raise ExportError(e.text) from None
