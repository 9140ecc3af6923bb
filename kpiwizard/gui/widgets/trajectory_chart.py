"""The straight line from baseline to target, the recorded actuals and the forecast, QPainter-drawn.

Qt Charts is not part of PySide6-Essentials, so the chart paints itself. Every value it draws comes
from the core (``trajectory_value``, ``evaluate``); the widget only maps them to pixels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kpiwizard.core.enums import Direction, Lang
from kpiwizard.core.formatting import format_number
from kpiwizard.core.models import KpiSelection
from kpiwizard.core.progress import KpiProgress, trajectory_value
from kpiwizard.core.schedule import periods
from kpiwizard.core.text import t

from ..qt import QColor, QPainter, QPalette, QPen, QPointF, QRectF, QSize, Qt, QWidget

PLAN = t("계획선", "Plan")
ACTUAL = t("실적", "Actual")
FORECAST = t("예측", "Forecast")
BAND = t("목표 범위", "Target band")
EMPTY = t("기준값과 목표를 입력하면 계획선이 그려집니다.", "Enter a baseline and a target to draw the plan line.")


@dataclass
class ChartData:
    start: date
    deadline: date
    plan: list[tuple[date, float]] = field(default_factory=list)
    actuals: list[tuple[date, float]] = field(default_factory=list)
    forecast: tuple[date, float] | None = None
    band: tuple[float, float] | None = None


def chart_data(start: date, kpi: KpiSelection, deadline: date, result: KpiProgress | None = None) -> ChartData:
    """The plan line at each period end (from the core), plus actuals and forecast if known.

    With a result, the chart shows its running cycle: a KPI in a new cycle starts at the cycle's
    first day (``result.start``), from the cycle's baseline, not at the plan's start."""
    if result is not None:
        start = result.start or start
        deadline = result.deadline or deadline
    data = ChartData(start=start, deadline=deadline)
    days = [start] + [p.end for p in periods(start, deadline, kpi.frequency)]
    for day in days:
        v = trajectory_value(kpi, start, deadline, day)
        if v is not None:
            data.plan.append((day, v))
    if kpi.direction is Direction.RANGE and kpi.band_low is not None and kpi.band_high is not None:
        data.band = (min(kpi.band_low, kpi.band_high), max(kpi.band_low, kpi.band_high))
    if result is not None:
        data.actuals = [(pt.period.end, pt.value) for pt in result.points]
        if result.forecast is not None and result.points:
            data.forecast = (deadline, result.forecast)
    return data


class TrajectoryChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._data: ChartData | None = None
        self._lang = Lang.EN
        self.setMinimumSize(260, 170)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:
        return QSize(420, 220)

    def set_data(self, data: ChartData | None, lang: Lang) -> None:
        self._data, self._lang = data, lang
        self.setAccessibleName(PLAN.get(lang))
        self.setAccessibleDescription(self.describe())
        self.update()

    def data(self) -> ChartData | None:
        return self._data

    def describe(self) -> str:
        """The chart in words, for screen readers and tests."""
        d, lang = self._data, self._lang
        if d is None or not (d.plan or d.actuals):
            return EMPTY.get(lang)
        parts = []
        if d.plan:
            parts.append(f"{PLAN.get(lang)}: {format_number(d.plan[0][1], 1)} → {format_number(d.plan[-1][1], 1)}")
        if d.actuals:
            parts.append(f"{ACTUAL.get(lang)}: " + ", ".join(format_number(v, 1) for _, v in d.actuals))
        if d.forecast:
            parts.append(f"{FORECAST.get(lang)}: {format_number(d.forecast[1], 1)}")
        return "; ".join(parts)

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_colour = pal.color(QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        d = self._data
        if d is None or not (d.plan or d.actuals):
            painter.setPen(text_colour)
            painter.drawText(QRectF(self.rect()).adjusted(8, 8, -8, -8),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), EMPTY.get(self._lang))
            painter.end()
            return
        fm = painter.fontMetrics()
        values = [v for _, v in d.plan] + [v for _, v in d.actuals]
        if d.forecast:
            values.append(d.forecast[1])
        if d.band:
            values.extend(d.band)
        lo, hi = min(values), max(values)
        if lo == hi:
            lo, hi = lo - 1, hi + 1
        pad = (hi - lo) * 0.08
        lo, hi = lo - pad, hi + pad
        left = max(fm.horizontalAdvance(format_number(v, 1)) for v in (lo, hi)) + 12
        area = QRectF(left, fm.height() + 10, self.width() - left - 12, self.height() - 2 * fm.height() - 22)
        first = min([d.start] + [day for day, _ in d.actuals])
        last = max([d.deadline] + [day for day, _ in d.actuals])
        span = max((last - first).days, 1)

        def point(day: date, value: float) -> QPointF:
            x = area.left() + area.width() * (day - first).days / span
            y = area.bottom() - area.height() * (value - lo) / (hi - lo)
            return QPointF(x, y)

        # axes and labels
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(area)
        painter.setPen(text_colour)
        painter.drawText(QRectF(0, area.top() - fm.height() / 2, left - 6, fm.height()),
                         int(Qt.AlignmentFlag.AlignRight), format_number(hi, 1))
        painter.drawText(QRectF(0, area.bottom() - fm.height() / 2, left - 6, fm.height()),
                         int(Qt.AlignmentFlag.AlignRight), format_number(lo, 1))
        painter.drawText(QRectF(area.left(), area.bottom() + 4, area.width(), fm.height()),
                         int(Qt.AlignmentFlag.AlignLeft), first.isoformat())
        painter.drawText(QRectF(area.left(), area.bottom() + 4, area.width(), fm.height()),
                         int(Qt.AlignmentFlag.AlignRight), last.isoformat())

        plan_colour = pal.color(QPalette.ColorRole.Highlight)
        actual_colour = pal.color(QPalette.ColorRole.Link)
        if d.band:
            band = QColor(plan_colour)
            band.setAlpha(50)
            top, bottom = point(first, d.band[1]), point(last, d.band[0])
            painter.fillRect(QRectF(area.left(), top.y(), area.width(), bottom.y() - top.y()), band)
        if len(d.plan) >= 2:
            painter.setPen(QPen(plan_colour, 2))
            for (d1, v1), (d2, v2) in zip(d.plan, d.plan[1:], strict=False):
                painter.drawLine(point(d1, v1), point(d2, v2))
        if d.actuals:
            painter.setPen(QPen(actual_colour, 2))
            pts = [point(day, v) for day, v in d.actuals]
            for a, b in zip(pts, pts[1:], strict=False):
                painter.drawLine(a, b)
            painter.setBrush(actual_colour)
            for p in pts:
                painter.drawEllipse(p, 3.5, 3.5)
            if d.forecast:
                pen = QPen(actual_colour, 1.5, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.drawLine(pts[-1], point(*d.forecast))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(point(*d.forecast), 4, 4)

        # legend
        x = area.left()
        entries = [(PLAN, plan_colour, Qt.PenStyle.SolidLine)]
        if d.actuals:
            entries.append((ACTUAL, actual_colour, Qt.PenStyle.SolidLine))
        if d.forecast:
            entries.append((FORECAST, actual_colour, Qt.PenStyle.DashLine))
        if d.band:
            entries.append((BAND, plan_colour, Qt.PenStyle.DotLine))
        y = 4 + fm.ascent()
        for text, colour, style in entries:
            painter.setPen(QPen(colour, 2, style))
            painter.drawLine(QPointF(x, y - fm.ascent() / 3), QPointF(x + 18, y - fm.ascent() / 3))
            painter.setPen(text_colour)
            label = text.get(self._lang)
            painter.drawText(QPointF(x + 22, y), label)
            x += 22 + fm.horizontalAdvance(label) + 14
        painter.end()
