"""Where every actual lives in the tracker: sheets, columns, rows, and the project fingerprint.

The writer places cells with this layout and the importer checks and reads them with the very same
one, so a cell moved or a sheet renamed in the workbook is detected instead of read as the wrong
KPI's numbers.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from kpiwizard.core.enums import Frequency, Lang
from kpiwizard.core.kpiview import KpiView
from kpiwizard.core.models import MAX_VALUE, Project
from kpiwizard.core.schedule import Period, periods

from .tracker_text import ACTUALS_SHEETS, FUNNEL_INPUTS, FUNNEL_OUTPUTS, ROI_INPUTS, ROI_OUTPUTS

FORMAT = 1
META_SHEET = "_kpiwizard"
# Actuals sheets: title rows, a hidden row of KPI ids, the header row, then one row per period.
ID_ROW = 3
HEADER_ROW = 4
FIRST_ROW = 5
FIRST_KPI_COL = 4  # A: number, B: period start, C: period end
ACTION_STATUS_COL = 8  # Actions sheet: H holds each action's status (one row per action from FIRST_ROW)
ACTION_TACTIC_COL = 2


def fingerprint(project: Project) -> str:
    """What ties a tracker to its plan: title, dates and the KPIs with their frequencies."""
    data = [project.title, project.start.isoformat(), project.end.isoformat(),
            [[k.id, k.frequency.value] for k in project.kpis]]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()[:20]


@dataclass(frozen=True)
class ActualsSheet:
    frequency: Frequency
    title: str
    periods: tuple[Period, ...]
    kpi_ids: tuple[str, ...]

    def column(self, kpi_id: str) -> int:
        return FIRST_KPI_COL + self.kpi_ids.index(kpi_id)

    @cached_property
    def starts(self) -> list[date]:
        return [p.start for p in self.periods]

    @property
    def last_row(self) -> int:
        return FIRST_ROW + len(self.periods) - 1

    def range_ref(self, column: int) -> str:
        """``'Sheet'!$D$5:$D$20``: the column's period cells, for formulas and charts."""
        letter = column_letter(column)
        return f"{quote_sheet(self.title)}!${letter}${FIRST_ROW}:${letter}${self.last_row}"


@dataclass(frozen=True)
class Layout:
    lang: Lang
    actuals: tuple[ActualsSheet, ...]

    def sheet_of(self, kpi_id: str) -> ActualsSheet:
        return next(s for s in self.actuals if kpi_id in s.kpi_ids)


def build_layout(project: Project, lang: Lang) -> Layout:
    sheets = []
    for frequency in Frequency:  # weekly first, then monthly
        ids = tuple(k.id for k in project.kpis if k.frequency is frequency)
        if ids:
            sheets.append(ActualsSheet(
                frequency=frequency,
                title=ACTUALS_SHEETS[frequency].get(lang),
                periods=tuple(periods(project.start, project.end, frequency)),
                kpi_ids=ids,
            ))
    return Layout(lang=lang, actuals=tuple(sheets))


def period_index(sheet: ActualsSheet, day: date) -> int | None:
    """Row offset of the period holding ``day`` (None outside the plan)."""
    i = bisect.bisect_right(sheet.starts, day) - 1
    if i < 0 or day > sheet.periods[i].end:
        return None
    return i


def is_percent(view: KpiView) -> bool:
    return view.percent or view.unit.strip() == "%"


# A percent KPI's actual cells hold fractions in a percent format (0.046 shown as 4.6%), which is
# what Excel, LibreOffice, Gnumeric and Google Sheets store when "4.6%" is typed; the plan and the
# Dashboard keep the plan's scale (4.6). Back on the plan's scale, a fraction times 100 is rounded
# to PERCENT_PLACES decimals — by the importer and by the workbook's formulas alike — which drops
# the multiplication's float noise (0.57 * 100 is 56.99999999999999) and nothing the owner typed.
PERCENT_FORMAT = "0.0#%"
PERCENT_PLACES = 12


def to_fraction(value: float) -> float:
    """A percent KPI's value (4.6) as its actual cell holds it: 0.046, the very number a spreadsheet
    stores for "4.6%" typed (4.1 / 100 would be 0.04099999999999999)."""
    return float(Decimal(repr(float(value))) / 100)


def from_fraction(value: float) -> float:
    """A percent-formatted cell's number (0.046) on the plan's scale (4.6)."""
    return round(value * 100, PERCENT_PLACES)


def input_bounds(view: KpiView, recorded: Iterable[float]) -> tuple[float, float]:
    """What an actuals cell accepts on the plan's scale: 0..100 for a percent (0..1 as the cell's
    fraction), else >= 0 unless the plan itself uses negative numbers. The writer's validation and
    the importer's checks both ask here."""
    if is_percent(view):
        return 0.0, 100.0
    numbers = [v for v in (view.baseline, view.target, view.band_low, view.band_high, *recorded)
               if v is not None]
    return (-MAX_VALUE if any(v < 0 for v in numbers) else 0.0), MAX_VALUE


def column_letter(col: int) -> str:
    """1 -> A, 27 -> AA (without importing openpyxl: exporting does not need it)."""
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def quote_sheet(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def roi_rows() -> dict[str, int]:
    """ROI sheet row of every input and result, by defined name (column B holds the value):
    inputs, a blank row and the "Results" label, results, a blank row and the funnel label, then
    the funnel's inputs and results."""
    rows: dict[str, int] = {}
    row = FIRST_ROW
    for group in (ROI_INPUTS, ROI_OUTPUTS, FUNNEL_INPUTS + FUNNEL_OUTPUTS):
        if rows:
            row += 2
        for name, *_ in group:
            rows[name] = row
            row += 1
    return rows
