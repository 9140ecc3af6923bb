"""The Excel tracker: the workbook a small business fills in every week or month.

Everything the owner reads in it is computed by live formulas (``tracker_formulas``) that repeat the
core's rules, so the numbers stay right as actuals are typed in, in Excel, LibreOffice, Gnumeric and
Google Sheets alike. Each formula cell also carries the value the core computed for it, so a phone's
preview, Quick Look or any reader that does not calculate shows the real Dashboard and ROI.

Written with XlsxWriter (openpyxl cannot store a formula's value, and XlsxWriter is faster); the
importer reads trackers with openpyxl. Plan data (names, targets, tactics) is written as plain
values; user text is always a string cell, never a formula. Only the yellow input cells are
unlocked, and the workbook's structure is protected (no password), so sheets cannot be renamed,
deleted or moved by accident.
"""

from __future__ import annotations

import io
import math
import os
import re
import unicodedata
import warnings
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from xlsxwriter.exceptions import XlsxWriterException
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from kpiwizard.core.enums import Direction, Lang, Status
from kpiwizard.core.errors import ExportError, UserError
from kpiwizard.core.formatting import currency_decimals, format_date
from kpiwizard.core.kpiview import KpiView, view_kpis
from kpiwizard.core.models import Project
from kpiwizard.core.progress import cycle_start, evaluate, overall_score, rules, score, today, trajectory_value
from kpiwizard.core.projectfile import write_file
from kpiwizard.core.roi import project_roi, reverse_funnel
from kpiwizard.core.sentence import smart_sentence
from kpiwizard.core.text import t
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
    PERCENT_FORMAT,
    ActualsSheet,
    Layout,
    build_layout,
    column_letter as _col,
    fingerprint,
    input_bounds,
    is_percent,
    period_index,
    quote_sheet,
    to_fraction,
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
CHART_SIZE = (586, 283)  # 15.5 cm x 7.5 cm at 96 dpi
DASH_FIRST_ROW = 6  # Dashboard: title, plan period, overall score, blank, header (row 5)
# Dashboard columns (1-based), in the order of DASHBOARD_HEADERS.
(C_NAME, C_UNIT, C_DIR, C_FREQ, C_BASE, C_TARGET, C_LOW, C_HIGH, C_START, C_DEADLINE, C_WEIGHT,
 C_ON, C_RISK, C_LATEST, C_MEASURED, C_READINGS, C_PROGRESS, C_EXPECTED, C_PACE, C_NEXT_DUE, C_STATUS,
 C_SCORE, C_WEIGHTED, C_COUNTED) = range(1, 25)
# Chart data columns: name, three dates, a line through them (target path or band low), band high, unit.
CD_NAME, CD_DATES, CD_LINE, CD_HIGH, CD_UNIT = 1, 2, 5, 8, 11
EXCEL_EPOCH = date(1899, 12, 30)

BORDER = {"border": 1, "border_color": "#B7B7B7"}
HEADER_FONT = {"font_name": CHART_FONT, "bold": True}
HEADER = {**HEADER_FONT, "bg_color": "#DDE6F0", "text_wrap": True, "valign": "vcenter", "align": "center",
          **BORDER}
INPUT = {"bg_color": "#FFF4C2", "locked": False}
TITLE = {"font_name": CHART_FONT, "bold": True, "font_size": 14}
SECTION = {"font_name": CHART_FONT, "bold": True, "font_size": 12}
CENTER = {"align": "center"}
WRAP = {"text_wrap": True, "valign": "top"}
STATUS_FILLS = {
    Status.ON_TRACK: ("#C6EFCE", "#006100"),
    Status.REACHED: ("#C6EFCE", "#006100"),
    Status.BEHIND: ("#FFEB9C", "#9C5700"),
    Status.OFF_TRACK: ("#FFC7CE", "#9C0006"),
    Status.MISSED: ("#FFC7CE", "#9C0006"),
    Status.STALE: ("#E7E6E6", "#3A3838"),
}


# -- XlsxWriter, with the two things it does not write by itself ----------------------------------

class _Book(Workbook):
    """A workbook whose structure is protected without a password: no sheet can be renamed,
    deleted, moved or unhidden by accident (Review → Protect Workbook lifts it)."""

    def _write_workbook_pr(self) -> None:
        super()._write_workbook_pr()
        self._xml_empty_tag("workbookProtection", [("lockStructure", 1)])


class _Sheet(Worksheet):
    def _xml_formula_element(self, formula, result, attributes=[]) -> None:  # noqa: B006 (XlsxWriter's signature)
        """A blank result is stored as an empty string (t="str"), not as a number with no value."""
        if result == "" and not any(key == "t" for key, _ in attributes):
            attributes = [*attributes, ("t", "str")]
        super()._xml_formula_element(formula, result, attributes)


def _hangul_fonts(chart) -> None:
    """Chart text names its font for East Asian and complex scripts too, not only for Latin."""
    latin = chart._write_a_latin

    def write(attributes):
        latin(attributes)
        chart._xml_empty_tag("a:ea", attributes)
        chart._xml_empty_tag("a:cs", attributes)

    chart._write_a_latin = write


# -- small helpers ---------------------------------------------------------------------------------

def display_width(text: str) -> int:
    """Columns the text takes: Hangul and other wide characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def money_format(currency: str) -> str:
    symbols = {"KRW": "₩", "USD": "$", "EUR": "€", "JPY": "¥", "GBP": "£", "CNY": "¥"}
    number = "#,##0" + ("." + "0" * currency_decimals(currency) if currency_decimals(currency) else "")
    symbol = symbols.get(currency)
    return f'"{symbol}"{number}' if symbol else f'{number} "{currency}"'


def value_format(view: KpiView, values: Iterable[float]) -> str:
    """How the Dashboard shows a KPI's numbers, on the plan's scale: a percent KPI's 4.6 as "4.6%"
    (a quoted sign: the number stays 4.6)."""
    numbers = [v for v in (view.baseline, view.target, view.band_low, view.band_high, *values)
               if v is not None]
    number = "#,##0" if all(float(v).is_integer() for v in numbers) else "#,##0.0#"
    return number + '"%"' if is_percent(view) else number


def fraction_format(view: KpiView, values: Iterable[float]) -> str:
    """A chart's percent axis: the lines and actuals are fractions there, like the actual cells."""
    numbers = [v for v in (view.baseline, view.target, view.band_low, view.band_high, *values)
               if v is not None]
    return "0%" if all(float(v).is_integer() for v in numbers) else PERCENT_FORMAT


def cached(value):
    """A core value as the stored result of a formula: blank is "", a date its serial number."""
    if value is None:
        return ""
    if isinstance(value, date):
        return (value - EXCEL_EPOCH).days
    return value


class Sheet:
    """One worksheet, addressed 1-based like the spreadsheet itself, remembering column widths and
    wrapped text so rows can be made tall enough (spreadsheet programs do not grow rows on opening)."""

    def __init__(self, writer: _Writer, ws: Worksheet):
        self.w = writer
        self.ws = ws
        self.title = ws.name
        self.widths: dict[int, float] = {}
        self.hidden: dict[int, bool] = {}
        self.headers: dict[int, str] = {}
        self.wrapped: dict[int, list[tuple[int, str]]] = defaultdict(list)

    def text(self, row: int, col: int, value: str, **style) -> None:
        """User or program text as a string cell: '=1+1' stays those four characters."""
        fmt = self.w.fmt(style)
        if value == "":
            self.ws.write_blank(row - 1, col - 1, None, fmt)
        else:
            self.ws.write_string(row - 1, col - 1, value, fmt)
        if style.get("text_wrap"):
            self.wrapped[row].append((col, value))

    def value(self, row: int, col: int, value, **style) -> None:
        """A number or date (never user text: see ``text``); None leaves a (formatted) blank."""
        fmt = self.w.fmt(style)
        if value is None:
            self.ws.write_blank(row - 1, col - 1, None, fmt)
        elif isinstance(value, date):
            self.ws.write_datetime(row - 1, col - 1, value, fmt)
        else:
            self.ws.write_number(row - 1, col - 1, value, fmt)

    def formula(self, row: int, col: int, formula: str | None, result, **style) -> None:
        """A formula with the value the core computed for it; None (no formula) leaves a blank."""
        if formula is None:
            self.value(row, col, None, **style)
        else:
            self.ws.write_formula(row - 1, col - 1, formula, self.w.fmt(style), cached(result))

    def width(self, col: int, width: float, hidden: bool = False) -> None:
        self.widths[col] = width
        self.hidden[col] = hidden
        self.ws.set_column(col - 1, col - 1, width, None, {"hidden": True} if hidden else {})

    def fit(self, col: int, texts: Iterable[str], low: float = 6, high: float = 50) -> None:
        widest = max((display_width(line) for s in texts for line in str(s).splitlines()), default=0)
        self.width(col, min(max(widest * 1.1 + 2, low), high))

    def fit_row(self, row: int, low: float = 15) -> None:
        lines = 1
        for col, text in self.wrapped.get(row, []):
            per_line = max(self.widths.get(col, 8.43) - 1, 1)
            lines = max(lines, sum(max(1, math.ceil(display_width(part) * 0.85 / per_line))
                                   for part in text.splitlines() or [""]))
        self.ws.set_row(row - 1, max(low, min(lines * 14 + 2, 400)))

    def header_row(self, row: int, labels: list[str]) -> None:
        for col, label in enumerate(labels, start=1):
            self.text(row, col, label, **HEADER)
        self.headers = dict(enumerate(labels, start=1))

    def fit_header_words(self) -> None:
        """Widen a column whose header would break inside a word ("Freque/ncy"): headers wrap at
        spaces only, in a bold font that programs without the chart font draw wider."""
        for col, label in self.headers.items():
            longest = max((display_width(word) for word in label.split()), default=0)
            needed = longest * 1.35 + 2
            if self.widths.get(col, 8.43) < needed and not self.hidden.get(col):
                self.width(col, needed)

    def print_setup(self, plan_title: str, lang: Lang, title_row: int | None, one_page: bool = False) -> None:
        """A4 landscape, fitted to the page width, the plan's name in the header and page numbers in
        the footer."""
        self.fit_header_words()
        ws = self.ws
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 1 if one_page else 0)
        if title_row:
            ws.repeat_rows(title_row - 1)
        ws.set_header("&C" + plan_title[:120].replace("&", "&&") + "&R&A")
        ws.set_footer("&C&P / &N" if lang is Lang.KO else "&CPage &P of &N")
        ws.set_margins(left=0.4, right=0.4)

    def protect(self) -> None:
        """Locked without a password: the owner can unlock it, but cannot break a formula or move a
        chart by accident. Widening columns and rows stays allowed."""
        self.ws.protect("", {"format_columns": True, "format_rows": True})


# -- the workbook ----------------------------------------------------------------------------------

class _Writer:
    def __init__(self, project: Project, lang: Lang):
        self.p = project
        self.lang = lang
        self.views = view_kpis(project, lang)
        self.layout: Layout = build_layout(project, lang)
        self.title = project.title or project.business.name or "KPI"
        self.money = money_format(project.business.currency)
        self.status_names = {s.value: STATUS_NAMES[s].get(lang) for s in Status}
        self.on = today()  # the review date: the stored values are the core's as of the export day
        self.results = evaluate(project, self.on)
        self.buffer = io.BytesIO()
        self.wb = _Book(self.buffer, {"in_memory": True, "strings_to_formulas": False,
                                      "strings_to_numbers": False, "strings_to_urls": False})
        self.wb.set_properties({"title": self.title, "author": "KPI Wizard"})
        self._formats: dict[tuple, object] = {}
        self.names: set[str] = set()
        self.cells: dict[str, dict[int, float]] = {}  # kpi id -> period row offset -> value
        for view in self.views:
            self.cells[view.id] = self._period_values(view)
        self.sheets: dict[str, Sheet] = {}

    def fmt(self, style: dict):
        if not style:
            return None
        key = tuple(sorted(style.items()))
        found = self._formats.get(key)
        if found is None:
            found = self._formats[key] = self.wb.add_format(dict(style))
        return found

    def tr(self, ko: str, en: str) -> str:
        return t(ko, en).get(self.lang)

    def sheet(self, key: str) -> Sheet:
        return self.sheets[SHEETS[key].get(self.lang)]

    def name(self, name: str, ref: str) -> None:
        self.names.add(name)
        self.wb.define_name(name, "=" + ref)

    def _period_values(self, view: KpiView) -> dict[int, float]:
        """Period row offset -> the value the core reads for it (the last one recorded in it)."""
        sheet = self.layout.sheet_of(view.id)
        out: dict[int, float] = {}
        for day, value in sorted(self.p.actuals.get(view.id, {}).items()):
            i = period_index(sheet, day)
            if i is not None:
                out[i] = value
        return out

    def build(self) -> bytes:
        titles = [SHEETS["guide"].get(self.lang), SHEETS["dashboard"].get(self.lang)]
        titles += [s.title for s in self.layout.actuals]
        titles += [SHEETS[k].get(self.lang) for k in ("charts", "actions", "roi", "definitions", "chart_data", "lists")]
        titles.append(META_SHEET)
        for title in titles:
            self.sheets[title] = Sheet(self, self.wb.add_worksheet(title, worksheet_class=_Sheet))

        self.write_lists()
        for sheet in self.layout.actuals:
            self.write_actuals(sheet)
        self.write_dashboard()
        self.write_chart_data()
        self.write_charts()
        self.write_actions()
        self.write_roi()
        self.write_definitions()
        self.write_guide(titles)
        self.write_meta()
        for written in self.sheets.values():
            written.protect()
        self.wb.close()
        return self.buffer.getvalue()

    # -- Actuals ---------------------------------------------------------------------------

    def write_actuals(self, sheet: ActualsSheet) -> None:
        ws = self.sheets[sheet.title]
        views = {v.id: v for v in self.views}
        ws.text(1, 1, f"{sheet.title} — {self.title}", **TITLE)
        ws.text(2, 1, self.tr(
            "기록일(기간 끝)마다 노란 칸에 그 기간의 숫자를 적으세요. 빈 칸은 아직 기록하지 않은 기간입니다.",
            "On each record date (period end), type the period's number into the yellow cell. "
            "A blank cell is a period not recorded yet."))
        headers = [h.get(self.lang) for h in ACTUALS_HEADERS]
        for kpi_id in sheet.kpi_ids:
            v = views[kpi_id]
            headers.append(f"{v.name} ({v.unit})" if v.unit else v.name)
        ws.header_row(HEADER_ROW, headers)
        ws.ws.set_row(ID_ROW - 1, None, None, {"hidden": True})
        ws.ws.set_row(HEADER_ROW - 1, 45)
        for i, period in enumerate(sheet.periods):
            row = FIRST_ROW + i
            ws.value(row, 1, i + 1, **BORDER)
            ws.value(row, 2, period.start, num_format=DATE_FORMAT, **BORDER)
            ws.value(row, 3, period.end, num_format=DATE_FORMAT, **BORDER)
        for kpi_id in sheet.kpi_ids:
            self._actuals_column(ws, sheet, views[kpi_id])
        ws.width(1, 6)
        ws.width(2, 12)
        ws.width(3, 14)
        ws.ws.freeze_panes(FIRST_ROW - 1, FIRST_KPI_COL - 1)
        ws.print_setup(self.title, self.lang, HEADER_ROW)

    def _actuals_column(self, ws: Sheet, sheet: ActualsSheet, view: KpiView) -> None:
        col = sheet.column(view.id)
        ws.text(ID_ROW, col, view.id)
        values = self.cells[view.id]
        low, high = input_bounds(view, values.values())
        if is_percent(view):
            # What the owner types, "4.6%", every spreadsheet program stores as 0.046: the cells hold
            # fractions in a percent format, and the formulas read them times 100.
            style = {**INPUT, **BORDER, "num_format": PERCENT_FORMAT}
            cells = {i: to_fraction(v) for i, v in values.items()}
            low, high = to_fraction(low), to_fraction(high)
            rule = self.tr("0%에서 100% 사이로, 4.5%처럼 %를 붙여 적으세요.",
                           "Type a percentage from 0% to 100% with its % sign, e.g. 4.5%.")
        else:
            style = {**INPUT, **BORDER, "num_format": value_format(view, values.values())}
            cells = values
            rule = (self.tr("숫자를 적으세요.", "Type a number.") if low < 0
                    else self.tr("0 이상의 숫자를 적으세요.", "Type a number, 0 or more."))
        for i in range(len(sheet.periods)):
            ws.value(FIRST_ROW + i, col, cells.get(i), **style)
        if sheet.periods:  # a plan that ends before it starts has no rows to validate
            ws.ws.data_validation(FIRST_ROW - 1, col - 1, sheet.last_row - 1, col - 1, {
                "validate": "decimal", "criteria": "between", "minimum": int(low), "maximum": int(high),
                "ignore_blank": True, "error_title": _short(view.name), "error_message": rule,
                "input_title": _short(view.name), "input_message": rule,
            })
        ws.fit(col, [view.name], low=12, high=24)
        self.name(_range_name(view.id, self.names), sheet.range_ref(col))

    # -- Dashboard -------------------------------------------------------------------------

    def write_dashboard(self) -> None:
        ws = self.sheet("dashboard")
        tr = self.tr
        ws.text(1, 1, f"{tr('KPI 대시보드', 'KPI dashboard')} — {self.title}", **TITLE)
        ws.text(2, 1, tr("계획 기간", "Plan period"), **HEADER_FONT)
        ws.value(2, 2, self.p.start, num_format=DATE_FORMAT)
        ws.value(2, 3, self.p.end, num_format=DATE_FORMAT)
        ws.text(4, 1, tr("판단 기준일(오늘)", "Review date (today)"), **HEADER_FONT)
        ws.formula(4, 2, "=TODAY()", self.on, num_format=DATE_FORMAT)
        dash = quote_sheet(ws.title)
        self.name("plan_start", f"{dash}!$B$2")
        self.name("plan_end", f"{dash}!$C$2")
        self.name("review_date", f"{dash}!$B$4")
        ws.text(3, 1, tr("종합 점수", "Overall score"), **SECTION)
        headers = [h.get(self.lang) for h in DASHBOARD_HEADERS]
        ws.header_row(5, headers)
        ws.ws.set_row(4, 45)
        first, last = DASH_FIRST_ROW, DASH_FIRST_ROW + max(len(self.views), 1) - 1
        for i, view in enumerate(self.views):
            self._dashboard_row(ws, DASH_FIRST_ROW + i, view)
        L = _col
        ws.formula(3, 2, fx.overall(f"${L(C_WEIGHTED)}${first}:${L(C_WEIGHTED)}${last}",
                                    f"${L(C_COUNTED)}${first}:${L(C_COUNTED)}${last}"),
                   overall_score(self.p, self.results), num_format="0.0%", **SECTION)
        self.name("overall_score", f"{dash}!$B$3")
        ws.text(3, 3, tr(
            "기록이 있고 가중치가 0보다 큰 KPI 점수(0~100%로 자름)의 가중 평균",
            "Weighted mean of the scores (capped to 0–100%) of KPIs with data and a weight above 0"))
        status_range = f"{L(C_STATUS)}{first}:{L(C_STATUS)}{last}"
        for status, (fill, font) in STATUS_FILLS.items():
            ws.ws.conditional_format(status_range, {
                "type": "cell", "criteria": "==", "value": fx.q(STATUS_NAMES[status].get(self.lang)),
                "format": self.fmt({"bg_color": fill, "font_color": font, "bold": True})})
        widths = {C_NAME: 28, C_UNIT: 12, C_START: 12, C_DEADLINE: 12, C_MEASURED: 12, C_NEXT_DUE: 12}
        for col in range(1, C_COUNTED + 1):
            ws.width(col, widths.get(col, 10), hidden=col in (C_WEIGHTED, C_COUNTED))
        labels = [tr("판단 기준일(오늘)", "Review date (today)"), tr("종합 점수", "Overall score")]
        ws.fit(C_NAME, [v.name for v in self.views] + [label + "  " for label in labels], low=16, high=40)
        # Direction and frequency names are not wrapped: each column is as wide as its longest name
        # ("Keep within a band"), and its header ("Frequency") fits on a line.
        ws.fit(C_DIR, [DIRECTION_NAMES[d].get(self.lang) for d in Direction] + [headers[C_DIR - 1]], low=8, high=24)
        ws.fit(C_FREQ, [FREQUENCY_NAMES[v.frequency].get(self.lang) for v in self.views]
               + [headers[C_FREQ - 1]], low=7, high=16)
        ws.fit(C_STATUS, list(self.status_names.values()), low=10, high=24)
        for r in range(first, first + len(self.views)):
            ws.fit_row(r)
        ws.ws.freeze_panes(DASH_FIRST_ROW - 1, 1)
        ws.print_setup(self.title, self.lang, 5)

    def _dashboard_row(self, ws: Sheet, r: int, view: KpiView) -> None:
        sheet = self.layout.sheet_of(view.id)
        values = sheet.range_ref(sheet.column(view.id))
        starts, ends = sheet.range_ref(2), sheet.range_ref(3)
        c = {k: f"${_col(k)}{r}" for k in range(1, C_COUNTED + 1)}
        number_format = value_format(view, self.cells[view.id].values())
        kpi = view.selection
        core = self.results[view.id]
        progress_score = score(core.progress)
        counted = progress_score is not None and kpi.weight > 0
        ws.text(r, C_NAME, view.name, **WRAP, **BORDER)
        ws.text(r, C_UNIT, view.unit, **BORDER)
        ws.text(r, C_DIR, DIRECTION_NAMES[view.direction].get(self.lang), **BORDER)
        ws.text(r, C_FREQ, FREQUENCY_NAMES[view.frequency].get(self.lang), **BORDER)
        ws.value(r, C_BASE, view.baseline, num_format=number_format, **BORDER)
        if view.direction is not Direction.RANGE:
            ws.value(r, C_TARGET, view.target, num_format=number_format, **BORDER)
            ws.value(r, C_LOW, None, **BORDER)
            ws.value(r, C_HIGH, None, **BORDER)
        else:
            ws.value(r, C_TARGET, None, **BORDER)
            ws.value(r, C_LOW, view.band_low, num_format=number_format, **BORDER)
            ws.value(r, C_HIGH, view.band_high, num_format=number_format, **BORDER)
        ws.value(r, C_START, cycle_start(self.p, kpi), num_format=DATE_FORMAT, **BORDER)
        ws.value(r, C_DEADLINE, self.p.deadline_of(kpi), num_format=DATE_FORMAT, **BORDER)
        ws.value(r, C_WEIGHT, view.weight, num_format="General", **BORDER)  # "0.##" would show "25."
        ws.value(r, C_ON, kpi.thresholds.on_track, num_format="0.00", **BORDER)
        ws.value(r, C_RISK, kpi.thresholds.at_risk, num_format="0.00", **BORDER)
        mask = fx.counted(values, starts, "review_date", self._cycle_term(kpi, starts, ends))
        ws.formula(r, C_READINGS, fx.readings(mask), core.readings, num_format="0", **BORDER)
        ws.formula(r, C_LATEST, fx.latest(mask, values, c[C_READINGS], is_percent(view)), core.latest,
                   num_format=number_format,
                   **BORDER)
        ws.formula(r, C_MEASURED, fx.latest(mask, ends, c[C_READINGS]), core.measured_on, num_format=DATE_FORMAT,
                   **BORDER)
        ws.formula(r, C_PROGRESS, fx.progress(kpi, c[C_LATEST], c[C_BASE], c[C_TARGET], c[C_LOW], c[C_HIGH]),
                   core.progress, num_format="0.0%", **BORDER)
        ws.formula(r, C_EXPECTED, fx.expected(c[C_MEASURED], c[C_START], c[C_DEADLINE]), core.expected,
                   num_format="0.0%", **BORDER)
        ws.formula(r, C_PACE, fx.pace(c[C_PROGRESS], c[C_EXPECTED], rules().round_places), core.pace,
                   num_format="0.00", **BORDER)
        ws.formula(r, C_NEXT_DUE, fx.next_due(c[C_MEASURED], ends), core.next_due, num_format=DATE_FORMAT,
                   **BORDER)
        cells = {"progress": c[C_PROGRESS], "pace": c[C_PACE], "readings": c[C_READINGS],
                 "expected": c[C_EXPECTED], "measured": c[C_MEASURED], "deadline": c[C_DEADLINE],
                 "next_due": c[C_NEXT_DUE], "on_track": c[C_ON], "at_risk": c[C_RISK]}
        ws.formula(r, C_STATUS, fx.status(cells, "review_date", rules(), self.status_names),
                   STATUS_NAMES[core.status].get(self.lang), **CENTER, **BORDER)
        ws.formula(r, C_SCORE, fx.score(c[C_PROGRESS]), progress_score, num_format="0.0%", **BORDER)
        weighted = progress_score * kpi.weight if progress_score is not None and kpi.weight > 0 else 0
        ws.formula(r, C_WEIGHTED, fx.weighted(c[C_SCORE], c[C_WEIGHT]), weighted, **BORDER)
        ws.formula(r, C_COUNTED, fx.counted_weight(c[C_SCORE], c[C_WEIGHT]), kpi.weight if counted else 0,
                   **BORDER)

    def _cycle_term(self, kpi, starts: str, ends: str) -> str | None:
        """progress.cycle_points' own condition on the periods, once a KPI has begun a new cycle."""
        if not kpi.cycles:
            return None
        last = kpi.cycles[-1]
        if last.final_reading is not None:
            return f"{starts}>{cached(last.final_reading)}"
        return f"{ends}>={cached(cycle_start(self.p, kpi))}"

    # -- Charts ----------------------------------------------------------------------------

    def write_chart_data(self) -> None:
        """Per KPI, the lines its chart draws, as corner points on three dates (the day before the
        plan starts, the deadline, the plan's end): the straight target path from the baseline to
        the target, flat after the deadline; for a band KPI, the band's low and high edges."""
        ws = self.sheet("chart_data")
        ws.text(1, 1, self.tr("차트용 선: 목표 궤적(기준값에서 마감일의 목표까지 직선) 또는 유지할 범위의 하한과 상한",
                              "Lines for the charts: the target path (a straight line from the baseline to "
                              "the target on the deadline), or the low and high edges of the band to keep"),
                **TITLE)
        day = self.tr("날짜", "Date")
        line, high = self.tr("목표 궤적·범위 하한", "Target path / band low"), self.tr("범위 상한", "Band high")
        ws.header_row(HEADER_ROW, ["KPI"] + [f"{day} {n}" for n in (1, 2, 3)] + [f"{line} {n}" for n in (1, 2, 3)]
                      + [f"{high} {n}" for n in (1, 2, 3)] + [self.tr("단위", "Unit")])
        self.chart_rows: dict[str, int] = {}
        for i, view in enumerate(self.views):
            r = FIRST_ROW + i
            self.chart_rows[view.id] = r
            ws.text(r, CD_NAME, view.name)
            last = min(view.deadline, self.p.end)
            days = sorted({self.p.start - timedelta(days=1), last, self.p.end})
            days += [days[-1]] * (3 - len(days))
            band_low, band_high = view.band_low, view.band_high
            # on the scale of the actual cells the chart draws beside them: a percent KPI's are fractions
            percent = is_percent(view)
            number = PERCENT_FORMAT if percent else "#,##0.0#"

            def scale(value: float | None, percent: bool = percent) -> float | None:
                return to_fraction(value) if percent and value is not None else value

            for j, d in enumerate(days):
                ws.value(r, CD_DATES + j, d, num_format=DATE_FORMAT)
                if view.direction is Direction.RANGE and band_low is not None and band_high is not None:
                    ws.value(r, CD_LINE + j, scale(min(band_low, band_high)), num_format=number)
                    ws.value(r, CD_HIGH + j, scale(max(band_low, band_high)), num_format=number)
                elif view.direction is not Direction.RANGE:
                    ws.value(r, CD_LINE + j,
                             scale(trajectory_value(view.selection, self.p.start, view.deadline, d)),
                             num_format=number)
            ws.text(r, CD_UNIT, view.unit)
        ws.fit(1, [v.name for v in self.views] + ["KPI"], low=16, high=40)
        for col in range(2, CD_UNIT + 1):
            ws.width(col, 13)
        ws.ws.freeze_panes(FIRST_ROW - 1, 1)
        ws.print_setup(self.title, self.lang, HEADER_ROW)

    def write_charts(self) -> None:
        """Per KPI, actuals against real dates (monthly periods differ in length) with the target
        path, or for a band KPI the band itself: a week below the band never looks ahead."""
        ws = self.sheet("charts")
        ws.text(1, 1, self.tr("KPI별 실적과 목표", "Actuals against the target, per KPI"), **TITLE)
        data = self.sheet("chart_data").title
        x_min = (self.p.start - timedelta(days=1) - EXCEL_EPOCH).days
        x_max = (self.p.end - EXCEL_EPOCH).days
        small = {"name": CHART_FONT, "size": 9}
        breaks = []
        for i, view in enumerate(self.views):
            sheet = self.layout.sheet_of(view.id)
            col = sheet.column(view.id) - 1
            r = self.chart_rows[view.id] - 1
            chart = self.wb.add_chart({"type": "scatter", "subtype": "straight_with_markers"})
            _hangul_fonts(chart)
            chart.set_title({"name": _chart_text(view.name, [data, r, CD_NAME - 1]),
                             "name_font": {"name": CHART_FONT, "size": 12, "bold": True}})
            chart.set_size({"width": CHART_SIZE[0], "height": CHART_SIZE[1]})
            chart.show_blanks_as("gap")
            chart.set_x_axis({"min": x_min, "max": x_max, "num_format": "mm-dd", "num_font": small,
                              "major_gridlines": {"visible": False}})
            recorded = self.cells[view.id].values()
            percent = is_percent(view)
            y_axis = {"num_font": small,
                      "num_format": fraction_format(view, recorded) if percent else value_format(view, recorded)}
            if view.unit and view.unit.strip() != "%":  # the axis's numbers already say "%"
                y_axis.update(name=_chart_text(view.unit, [data, r, CD_UNIT - 1]), name_font=small)
            chart.set_y_axis(y_axis)
            chart.set_legend({"position": "bottom", "font": small})
            chart.add_series({
                "name": self.tr("실적", "Actual"),
                "categories": [sheet.title, FIRST_ROW - 1, 2, sheet.last_row - 1, 2],
                "values": [sheet.title, FIRST_ROW - 1, col, sheet.last_row - 1, col],
                "marker": {"type": "circle", "size": 5},
            })
            dates = [data, r, CD_DATES - 1, r, CD_DATES + 1]
            if view.direction is Direction.RANGE:
                for name, first, colour in ((self.tr("범위 하한", "Band low"), CD_LINE, "#5B9BD5"),
                                            (self.tr("범위 상한", "Band high"), CD_HIGH, "#ED7D31")):
                    chart.add_series({"name": name, "categories": dates,
                                      "values": [data, r, first - 1, r, first + 1], "marker": {"type": "none"},
                                      "line": {"color": colour, "dash_type": "dash", "width": 1.5}})
            else:
                chart.add_series({"name": self.tr("목표 궤적", "Target path"), "categories": dates,
                                  "values": [data, r, CD_LINE - 1, r, CD_LINE + 1], "marker": {"type": "none"},
                                  "line": {"dash_type": "dash"}})
            ws.ws.insert_chart(2 + (i // 2) * CHART_ROWS, 0 if i % 2 == 0 else 9, chart)
            if i % 4 == 3 and i + 1 < len(self.views):  # two rows of charts per printed page
                breaks.append(1 + (i // 2 + 1) * CHART_ROWS)
        if breaks:
            ws.ws.set_h_pagebreaks(breaks)
        if self.views:  # what is printed: the charts, not empty pages to their right (Gnumeric)
            ws.ws.print_area(0, 0, 1 + ((len(self.views) + 1) // 2) * CHART_ROWS, 17)
        for col in range(1, 19):
            ws.width(col, 10)
        ws.print_setup(self.title, self.lang, None)

    # -- Actions ---------------------------------------------------------------------------

    def write_lists(self) -> None:
        ws = self.sheet("lists")
        for i, status in enumerate(ACTION_STATUS_NAMES.values(), start=1):
            ws.text(i, 1, status.get(self.lang))
        ws.ws.hide()
        self.status_list = f"{quote_sheet(ws.title)}!$A$1:$A${len(ACTION_STATUS_NAMES)}"
        self.name("action_statuses", self.status_list)

    def write_actions(self) -> None:
        ws = self.sheet("actions")
        names = {v.id: v.name for v in self.views}
        ws.text(1, 1, f"{self.tr('실행 계획', 'Action plan')} — {self.title}", **TITLE)
        ws.text(2, 1, self.tr("상태 칸(노란 칸)은 목록에서 고르세요. 가져오기가 상태를 계획에 반영합니다.",
                              "Pick each status (yellow cells) from the list; importing the tracker brings "
                              "the statuses into the plan."))
        ws.header_row(HEADER_ROW, [h.get(self.lang) for h in ACTIONS_HEADERS])
        widths = [6, 46, 14, 13, 22, 14, 11, 12]
        for col, width in enumerate(widths, start=1):
            ws.width(col, width)
        ws.fit(3, [a.channel for a in self.p.actions] + [ACTIONS_HEADERS[2].get(self.lang)], low=10, high=24)
        ws.fit(6, [a.owner for a in self.p.actions] + [ACTIONS_HEADERS[5].get(self.lang)], low=10, high=24)
        # a content type is one of a few names, not wrapped: as wide as the longest ("Product information")
        ws.fit(4, [name.get(self.lang) for name in CONTENT_NAMES.values()] + [ACTIONS_HEADERS[3].get(self.lang)],
               low=10, high=24)
        wrap = {**WRAP, **BORDER}
        top = {"valign": "top", **BORDER}  # a row's cells start on one line, beside wrapped text
        for i, a in enumerate(self.p.actions):
            r = FIRST_ROW + i
            ws.value(r, 1, i + 1, **top)
            ws.text(r, 2, a.tactic, **wrap)
            ws.text(r, 3, a.channel, **wrap)
            ws.text(r, 4, CONTENT_NAMES[a.content_type].get(self.lang) if a.content_type else "", **top)
            ws.text(r, 5, names.get(a.kpi, "") if a.kpi else "", **wrap)
            ws.text(r, 6, a.owner, **wrap)
            ws.value(r, 7, a.due, num_format=DATE_FORMAT, **top)
            ws.text(r, 8, ACTION_STATUS_NAMES[a.status].get(self.lang), **INPUT, **top)
            ws.fit_row(r)
        if self.p.actions:
            ws.ws.data_validation(FIRST_ROW - 1, 7, FIRST_ROW + len(self.p.actions) - 2, 7, {
                "validate": "list", "source": "=" + self.status_list, "ignore_blank": True,
                "error_message": self.tr("목록에 있는 상태를 고르세요.", "Pick a status from the list."),
            })
        ws.ws.freeze_panes(FIRST_ROW - 1, 2)
        ws.print_setup(self.title, self.lang, HEADER_ROW)

    # -- ROI -------------------------------------------------------------------------------

    def write_roi(self) -> None:
        ws = self.sheet("roi")
        roi, funnel = self.p.roi, self.p.roi.funnel
        tr = self.tr
        ws.text(1, 1, f"ROI — {self.title}", **TITLE)
        ws.text(2, 1, tr("노란 칸에 계획 기간의 비용과 성과를 적으면 아래 값이 계산되고, 가져오기가 계획에 반영합니다. 통화: ",
                         "Type the plan period's costs and returns into the yellow cells; the results follow, "
                         "and importing the tracker brings the numbers into the plan. Currency: ")
                + self.p.business.currency)
        ws.header_row(HEADER_ROW, [tr("항목", "Item"), tr("값", "Value")])
        roi_sheet = quote_sheet(ws.title)
        row = FIRST_ROW
        inputs = roi_input_values(self.p)
        result = project_roi(self.p)
        outputs = {
            "roi_labour_cost": result.labour_cost, "roi_total_cost": result.total_cost,
            "roi_gross_profit": result.gross_profit, "roi_net_return": result.net_return,
            "roi_percent": result.roi_percent, "roi_revenue_to_ad_spend": result.revenue_to_ad_spend_percent,
            "roi_cost_per_lead": result.cost_per_lead, "roi_cpa": result.cost_per_acquisition,
            "roi_ltv": result.ltv, "roi_ltv_to_cac": result.ltv_to_cac,
        }
        needed = reverse_funnel(funnel, roi.average_order)
        for field in ("customers", "leads", "clicks", "reach"):
            outputs[f"funnel_{field}"] = getattr(needed, field) if needed else None
        formats = {"money": self.money, "number": "General", "count": "#,##0", "rate": "0.0#%",
                   "percent100": '0.0"%"', "ratio": "0.00"}

        def section(label: str) -> None:
            nonlocal row
            row += 1
            ws.text(row, 1, label, **HEADER_FONT)
            row += 1

        def line(name: str, label: str, kind: str, formula: str | None = None) -> None:
            nonlocal row
            ws.text(row, 1, label, **BORDER)
            style = dict(num_format=formats[kind], **BORDER)
            if formula is None:
                ws.value(row, 2, inputs[name], **INPUT, **style)
                ws.ws.data_validation(row - 1, 1, row - 1, 1, _roi_validation(kind, self.lang))
            else:
                ws.formula(row, 2, formula, outputs[name], **style)
            self.name(name, f"{roi_sheet}!$B${row}")
            row += 1

        for name, label, kind in ROI_INPUTS:
            line(name, label.get(self.lang), kind)
        section(tr("결과", "Results"))
        for name, label, kind in ROI_OUTPUTS:
            line(name, label.get(self.lang), kind, fx.ROI_FORMULAS[name])
        section(tr("역산 퍼널: 목표 매출에 필요한 고객·리드·클릭·도달", "Reverse funnel: what the revenue target needs"))
        for name, label, kind in FUNNEL_INPUTS:
            line(name, label.get(self.lang), kind)
        for name, label in FUNNEL_OUTPUTS:
            line(name, label.get(self.lang), "count", fx.FUNNEL_FORMULAS[name])
        ws.fit(1, [label.get(self.lang) for _, label, _ in ROI_INPUTS + ROI_OUTPUTS + FUNNEL_INPUTS]
               + [label.get(self.lang) for _, label in FUNNEL_OUTPUTS], low=20, high=64)
        ws.width(2, 18)
        ws.print_setup(self.title, self.lang, None, one_page=True)  # the inputs and what they give, together

    # -- KPI definitions, guide, metadata ------------------------------------------------------

    def write_definitions(self) -> None:
        ws = self.sheet("definitions")
        ws.text(1, 1, f"{self.tr('KPI 정의', 'KPI definitions')} — {self.title}", **TITLE)
        ws.header_row(HEADER_ROW, [h.get(self.lang) for h in DEFINITION_HEADERS])
        widths = [22, 42, 32, 8, 13, 13, 11, 14, 8, 14, 30]
        for col, width in enumerate(widths, start=1):
            ws.width(col, width)
        ws.fit(1, [v.name for v in self.views], low=16, high=30)
        ws.fit(6, [DIRECTION_NAMES[v.direction].get(self.lang) for v in self.views]
               + [DEFINITION_HEADERS[5].get(self.lang)], low=10, high=24)
        ws.fit(9, [FREQUENCY_NAMES[v.frequency].get(self.lang) for v in self.views]
               + [DEFINITION_HEADERS[8].get(self.lang)], low=8, high=16)
        for i, v in enumerate(self.views):
            r = FIRST_ROW + i
            row = [v.name, v.definition, v.formula, v.unit, SOURCE_NAMES[v.source].get(self.lang),
                   DIRECTION_NAMES[v.direction].get(self.lang), INDICATOR_NAMES[v.indicator].get(self.lang),
                   PERSPECTIVE_NAMES[v.perspective].get(self.lang), FREQUENCY_NAMES[v.frequency].get(self.lang),
                   v.owner, v.selection.note]
            for col, value in enumerate(row, start=1):
                ws.text(r, col, value, **WRAP, **BORDER)
            ws.fit_row(r)
        ws.ws.freeze_panes(FIRST_ROW - 1, 1)
        ws.print_setup(self.title, self.lang, HEADER_ROW)

    def write_guide(self, titles: list[str]) -> None:
        ws = self.sheet("guide")
        tr = self.tr
        ws.width(1, 16)
        ws.width(2, 110)
        ws.text(1, 1, self.title, **TITLE)
        rows = [
            (tr("사업체", "Business"), self.p.business.name),
            (tr("계획 기간", "Plan period"),
             f"{format_date(self.p.start, self.lang)} ~ {format_date(self.p.end, self.lang)}"),
            (tr("SMART 목표", "SMART goal"), smart_sentence(self.p.smart).get(self.lang)),
        ]
        r = 3
        for label, value in rows:
            ws.text(r, 1, label, **HEADER_FONT, **WRAP)
            ws.text(r, 2, value, **WRAP)
            r += 1
        r += 1
        ws.text(r, 1, tr("작성 방법", "How to fill it in"), **SECTION)
        r += 1
        for step in GUIDE_STEPS:
            ws.text(r, 2, step.get(self.lang), **WRAP)
            r += 1
        r += 1
        ws.text(r, 1, tr("상태와 계산", "Status and maths"), **SECTION)
        r += 1
        for help_line in STATUS_HELP:
            ws.text(r, 2, help_line.get(self.lang), **WRAP)
            r += 1
        r += 1
        ws.text(r, 1, tr("시트", "Sheets"), **SECTION)
        r += 1
        for title in titles:
            if title not in (META_SHEET, SHEETS["lists"].get(self.lang)):
                ws.text(r, 2, title)
                r += 1
        for row in range(3, r):
            ws.fit_row(row)
        ws.print_setup(self.title, self.lang, None, one_page=True)

    def write_meta(self) -> None:
        ws = self.sheets[META_SHEET]
        for r, (key, value) in enumerate(
            [("fingerprint", fingerprint(self.p)), ("format", str(FORMAT)), ("lang", self.lang.value)], start=1
        ):
            ws.text(r, 1, key)
            ws.text(r, 2, value)
        ws.ws.very_hidden()


def roi_input_values(project: Project) -> dict[str, float]:
    """The ROI sheet's input cells by defined name: what the export writes and the import reads."""
    roi, funnel = project.roi, project.roi.funnel
    return {
        "roi_ad_spend": roi.ad_spend, "roi_tools": roi.tools, "roi_hours": roi.hours,
        "roi_hourly_rate": roi.hourly_rate, "roi_revenue": roi.revenue, "roi_leads": roi.leads,
        "roi_customers": roi.customers, "roi_average_order": roi.average_order,
        "roi_purchases_per_year": roi.purchases_per_year, "roi_customer_years": roi.customer_years,
        # The margin in use: the owner's, or the industry's default (the sheet shows it either way).
        "roi_gross_margin": project_roi(project).gross_margin,
        "funnel_revenue_target": funnel.revenue_target, "funnel_click_rate": funnel.click_rate,
        "funnel_lead_rate": funnel.lead_rate, "funnel_close_rate": funnel.close_rate,
    }


def _chart_text(text: str, cell: list):
    """A chart title as literal text (Gnumeric shows no title taken from a cell), or, when XlsxWriter
    would read the text as a reference to a cell ('Sheet!A1'), as the reference to the cell that
    holds the very same text: user text never becomes a formula."""
    return cell if _LOOKS_LIKE_A_REFERENCE.match(text) else text


_LOOKS_LIKE_A_REFERENCE = re.compile(r"^=?[^!]+!\$?[A-Z]+\$?\d+")


def _short(text: str, limit: int = 32) -> str:
    """Validation titles: Excel takes at most 32 characters (UTF-16 units)."""
    out = ""
    for ch in text:
        if len((out + ch).encode("utf-16-le")) // 2 > limit:
            break
        out += ch
    return out


def _range_name(kpi_id: str, existing: set[str]) -> str:
    base = "actuals_" + "".join(ch if ch.isascii() and (ch.isalnum() or ch == "_") else "_" for ch in kpi_id)
    name, n = base, 2
    while name in existing:
        name, n = f"{base}_{n}", n + 1
    return name


def _roi_validation(kind: str, lang: Lang) -> dict:
    if kind == "rate":
        rule = {"validate": "decimal", "criteria": "between", "minimum": 0.000001, "maximum": 1}
        message = t("0%보다 크고 100% 이하인 비율을 적으세요.", "Type a rate above 0% and at most 100%.")
    elif kind == "count":
        rule = {"validate": "integer", "criteria": "between", "minimum": 0, "maximum": 1_000_000_000}
        message = t("0 이상의 정수를 적으세요.", "Type a whole number, 0 or more.")
    else:
        rule = {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 10_000_000_000_000}
        message = t("0 이상의 숫자를 적으세요.", "Type a number, 0 or more.")
    return {**rule, "ignore_blank": True, "error_message": message.get(lang)}


def build_workbook(project: Project, lang: Lang | None = None) -> bytes:
    """The tracker as the bytes of an .xlsx file."""
    return _Writer(project, Lang(lang or project.language)).build()


def export_tracker(project: Project, path: str | os.PathLike[str], lang: Lang | None = None) -> None:
    """Write the tracker atomically; any failure becomes a bilingual ``ExportError``, and no library
    warning reaches the owner (the tests build workbooks with warnings as errors)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = build_workbook(project, lang)
    except UserError:
        raise
    except (ValueError, TypeError, KeyError, OverflowError, XlsxWriterException) as e:  # refused by XlsxWriter
        raise ExportError(t(f"추적표를 만들지 못했습니다: {e}", f"Could not build the tracker: {e}")) from None
    try:
        write_file(path, data)
    except UserError as e:  # the atomic writer's message: disk full, no permission...
        raise ExportError(e.text) from None
