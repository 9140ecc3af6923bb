"""One trajectory chart per KPI: the straight target path, the recorded actuals and the forecast.

Drawn from primitives rather than reportlab's chart classes so that every label is set in the Korean
font; all values come from the core (``trajectory_value``, ``evaluate_kpi``), nothing recomputed.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from kpiwizard.core.enums import Direction, Lang
from kpiwizard.core.formatting import format_number
from kpiwizard.core.models import KpiSelection, Project
from kpiwizard.core.progress import KpiProgress, kpi_periods, trajectory_value
from kpiwizard.core.text import t

from .plan_style import ACCENT, FONT, INK, MUTED, RULE, drawing

TARGET_COLOUR = colors.HexColor("#7B8794")
FORECAST_COLOUR = colors.HexColor("#C05621")
BAND_COLOUR = colors.HexColor("#DDEFE3")
LABEL_SIZE = 7.0
MAX_DOTS = 60


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * magnitude:
            return m * magnitude
    return 10 * magnitude


def target_path(project: Project, kpi: KpiSelection) -> list[tuple[date, float]]:
    """The straight line from baseline to target, read at the plan start and each period's end."""
    deadline = project.deadline_of(kpi)
    days = [project.start] + [p.end for p in kpi_periods(project, kpi)]
    path = [(d, trajectory_value(kpi, project.start, deadline, d)) for d in days]
    if path and kpi.baseline is not None:
        path[0] = (project.start, kpi.baseline)  # day 0: the baseline itself
    return [(d, v) for d, v in path if v is not None]


def trajectory_drawing(
    project: Project, kpi: KpiSelection, result: KpiProgress, width: float, height: float, lang: Lang
) -> Drawing | None:
    """The chart, or None when the KPI has neither a target path nor actuals to draw."""
    path = target_path(project, kpi)
    actuals = [(pt.period.end, pt.value) for pt in result.points]
    deadline = project.deadline_of(kpi)
    forecast = (
        [actuals[-1], (deadline, result.forecast)]
        if actuals and result.forecast is not None and actuals[-1][0] < deadline
        else []
    )
    if not path and not actuals:
        return None
    band = (
        (min(kpi.band_low, kpi.band_high), max(kpi.band_low, kpi.band_high))
        if kpi.direction is Direction.RANGE and kpi.band_low is not None and kpi.band_high is not None
        else None
    )

    values = [v for _, v in path + actuals + forecast] + (list(band) if band else [])
    lo, hi = min(values), max(values)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    step = _nice_step(hi - lo)
    lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step
    ticks = [lo + i * step for i in range(int(round((hi - lo) / step)) + 1)]

    last_day = max([project.end, deadline] + [d for d, _ in actuals])
    first_day = min([project.start] + [d for d, _ in actuals])
    span_days = max((last_day - first_day).days, 1)

    labels = [format_number(v) for v in ticks]
    left = max(stringWidth(s, FONT, LABEL_SIZE) for s in labels) + 8
    bottom, top, right = 16.0, 16.0, 8.0
    plot_w, plot_h = width - left - right, height - bottom - top

    def X(d: date) -> float:  # noqa: N802
        return left + (d - first_day).days / span_days * plot_w

    def Y(v: float) -> float:  # noqa: N802
        return bottom + (v - lo) / (hi - lo) * plot_h

    d = drawing(width, height)
    d.add(Rect(left, bottom, plot_w, plot_h, fillColor=colors.white, strokeColor=RULE, strokeWidth=0.5))
    if band:
        d.add(Rect(left, Y(band[0]), plot_w, Y(band[1]) - Y(band[0]), fillColor=BAND_COLOUR, strokeColor=None))
    for v, s in zip(ticks, labels, strict=True):
        d.add(Line(left, Y(v), left + plot_w, Y(v), strokeColor=RULE, strokeWidth=0.3))
        d.add(String(left - 4, Y(v) - 2.5, s, fontName=FONT, fontSize=LABEL_SIZE, fillColor=MUTED, textAnchor="end"))
    for day in _date_ticks(first_day, last_day):
        d.add(Line(X(day), bottom, X(day), bottom - 2, strokeColor=MUTED, strokeWidth=0.5))
        d.add(String(X(day), bottom - 10, f"{day.month}/{day.day}", fontName=FONT, fontSize=LABEL_SIZE,
                     fillColor=MUTED, textAnchor="middle"))
    if deadline != last_day:
        d.add(Line(X(deadline), bottom, X(deadline), bottom + plot_h, strokeColor=TARGET_COLOUR,
                   strokeWidth=0.5, strokeDashArray=[1, 2]))

    if path:
        d.add(PolyLine([c for day, v in path for c in (X(day), Y(v))], strokeColor=TARGET_COLOUR,
                       strokeWidth=1.2, strokeDashArray=[4, 2]))
    if forecast:
        d.add(PolyLine([c for day, v in forecast for c in (X(day), Y(v))], strokeColor=FORECAST_COLOUR,
                       strokeWidth=1.2, strokeDashArray=[1.5, 2]))
        d.add(Circle(X(forecast[-1][0]), Y(forecast[-1][1]), 2.2, fillColor=colors.white,
                     strokeColor=FORECAST_COLOUR, strokeWidth=1))
    if actuals:
        if len(actuals) > 1:
            d.add(PolyLine([c for day, v in actuals for c in (X(day), Y(v))], strokeColor=ACCENT, strokeWidth=1.6))
        if len(actuals) <= MAX_DOTS:  # a dot per reading while they can be told apart; beyond, the line
            for day, v in actuals:
                d.add(Circle(X(day), Y(v), 1.8, fillColor=ACCENT, strokeColor=None))

    _legend(d, left, height - 9, bool(path), bool(actuals), bool(forecast), bool(band), lang)
    return d


def _date_ticks(first: date, last: date, count: int = 6) -> list[date]:
    span = (last - first).days
    if span <= 0:
        return [first]
    n = min(count, span)
    return [first + timedelta(days=round(span * i / n)) for i in range(n + 1)]


def _legend(d: Drawing, x: float, y: float, path: bool, actuals: bool, forecast: bool, band: bool,
            lang: Lang) -> None:
    items: list[tuple[str, object, list[float] | None]] = []  # label, colour, dash pattern
    if path:
        items.append((t("목표 궤적", "Target path").get(lang), TARGET_COLOUR, [4, 2]))
    if band:
        items.append((t("목표 범위", "Target band").get(lang), BAND_COLOUR, None))
    if actuals:
        items.append((t("실적", "Actual").get(lang), ACCENT, None))
    if forecast:
        items.append((t("예측", "Forecast").get(lang), FORECAST_COLOUR, [1.5, 2]))
    for label, colour, dash in items:
        d.add(Line(x, y + 2.5, x + 14, y + 2.5, strokeColor=colour, strokeWidth=2 if dash is None else 1.2,
                   strokeDashArray=dash))
        d.add(String(x + 18, y, label, fontName=FONT, fontSize=LABEL_SIZE, fillColor=INK))
        x += 18 + stringWidth(label, FONT, LABEL_SIZE) + 12
