"""The balanced-scorecard strategy map, drawn from ``core.strategy_map.build_strategy_map``.

Four perspective bands from results (top) to capabilities (bottom); a box per objective listing
its KPIs (a triangle marks a leading indicator, a dot a lagging one); arrows from cause to effect.
Colours come from the palette so the map reads in light and dark themes.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpiwizard.core.enums import Indicator, Lang
from kpiwizard.core.strategy_map import StrategyMap
from kpiwizard.core.text import t

from ..qt import (
    QColor,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QWidget,
)
from .fonts import korean_font

EMPTY = t("KPI를 고르면 전략 지도가 여기에 그려집니다.", "Choose KPIs and the strategy map is drawn here.")
LEADING = t("결과를 미리 알려 주는 숫자 (선행 지표)", "leading indicator (driver)")
LAGGING = t("결과를 보여 주는 숫자 (후행 지표)", "lagging indicator (outcome)")
ARROW = t("원인 → 결과", "cause → effect")

LABEL_W = 130
PAD = 10
GAP = 18
BOX_MAX_W = 300
BOX_MIN_W = 170
LEGEND_H = 28


@dataclass(frozen=True)
class Band:
    perspective: str
    name: str
    rect: QRectF


@dataclass
class MapLayout:
    bands: list[Band]
    boxes: dict[str, QRectF]  # objective id -> box
    height: float


class StrategyMapView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._map: StrategyMap | None = None
        self._lang = Lang.EN
        self._layout: MapLayout | None = None
        self.setMinimumWidth(LABEL_W + BOX_MIN_W + 3 * PAD)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_map(self, strategy_map: StrategyMap, lang: Lang) -> None:
        self._map, self._lang = strategy_map, lang
        self._relayout()
        self.setAccessibleDescription(self.describe())
        self.update()

    def strategy_map(self) -> StrategyMap | None:
        return self._map

    def describe(self) -> str:
        """The map in words (for screen readers): perspectives, objectives, KPIs, arrows."""
        m = self._map
        if m is None or not m.objectives:
            return EMPTY.get(self._lang)
        names = {o.id: o.name for o in m.objectives}
        lines = []
        for perspective, pname in m.perspectives:
            for o in m.in_perspective(perspective):
                kpis = ", ".join(k.name for k in o.kpis)
                lines.append(f"{pname} / {o.name}: {kpis}")
        lines += [f"{names[a]} → {names[b]}" for a, b in m.arrows]
        return "\n".join(lines)

    # -- layout ----------------------------------------------------------------------------

    def _fonts(self):
        return korean_font(self.font(), bold=True), korean_font(self.font())

    def compute_layout(self, width: float) -> MapLayout:
        m = self._map
        title_font, body_font = self._fonts()
        tfm, bfm = QFontMetrics(title_font), QFontMetrics(body_font)
        bands: list[Band] = []
        boxes: dict[str, QRectF] = {}
        y = LEGEND_H + PAD
        usable = max(width - LABEL_W - 2 * PAD, BOX_MIN_W)
        per_row = max(1, int((usable + GAP) // (BOX_MIN_W + GAP)))
        for perspective, pname in (m.perspectives if m else ()):
            objectives = m.in_perspective(perspective) if m is not None else []
            rows = [objectives[i:i + per_row] for i in range(0, len(objectives), per_row)] or [[]]
            band_top = y
            label_h = bfm.boundingRect(0, 0, LABEL_W - 2 * PAD, 1000, int(Qt.TextFlag.TextWordWrap), pname).height()
            for row in rows:
                n = max(len(row), 1)
                box_w = min(BOX_MAX_W, (usable - GAP * (n - 1)) / n)
                row_w = box_w * n + GAP * (n - 1)
                x = LABEL_W + PAD + (usable - row_w) / 2
                heights = []
                for o in row:
                    inner = int(box_w - 2 * PAD)
                    h = tfm.boundingRect(0, 0, inner, 1000, int(Qt.TextFlag.TextWordWrap), o.name).height()
                    for k in o.kpis:
                        h += 4 + bfm.boundingRect(0, 0, inner - 14, 1000, int(Qt.TextFlag.TextWordWrap), k.name).height()
                    heights.append(h + 2 * PAD)
                row_h = max(heights + [label_h + 2 * PAD, 44])
                for o, _h in zip(row, heights, strict=True):
                    boxes[o.id] = QRectF(x, y + PAD, box_w, row_h)
                    x += box_w + GAP
                y += row_h + PAD
            y += PAD + GAP  # room for arrows between bands
            bands.append(Band(perspective.value, pname, QRectF(0, band_top, width, y - band_top)))
        return MapLayout(bands, boxes, y + PAD)

    def _relayout(self) -> None:
        self._layout = self.compute_layout(max(self.width(), self.minimumWidth()))
        self.setMinimumHeight(int(self._layout.height))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if self._map is not None:
            self._relayout()

    def sizeHint(self) -> QSize:
        return QSize(900, int(self._layout.height) if self._layout else 400)

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        title_font, body_font = self._fonts()
        m, lay = self._map, self._layout
        if m is None or lay is None or not m.objectives:
            painter.setFont(body_font)
            painter.setPen(text)
            painter.drawText(QRectF(self.rect()), int(Qt.AlignmentFlag.AlignCenter), EMPTY.get(self._lang))
            painter.end()
            return
        accent = pal.color(QPalette.ColorRole.Highlight)
        self._paint_legend(painter, body_font, text, accent)
        for i, band in enumerate(lay.bands):
            painter.fillRect(band.rect, pal.color(QPalette.ColorRole.AlternateBase if i % 2 == 0 else QPalette.ColorRole.Base))
            painter.setPen(text)
            painter.setFont(title_font)
            painter.drawText(band.rect.adjusted(PAD, PAD, -(band.rect.width() - LABEL_W), -PAD),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap),
                             band.name)
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DashLine))
            painter.drawLine(band.rect.bottomLeft(), band.rect.bottomRight())
        self._paint_arrows(painter, lay, accent)
        for o in m.objectives:
            self._paint_box(painter, o, lay.boxes[o.id], title_font, body_font, pal, accent)
        painter.end()

    def _paint_legend(self, painter: QPainter, font, text: QColor, accent: QColor) -> None:
        painter.setFont(font)
        fm = painter.fontMetrics()
        x, y = PAD, PAD + fm.ascent()
        mid = y - fm.ascent() / 3
        _triangle(painter, QPointF(x + 5, mid), accent)
        painter.setPen(text)
        label = LEADING.get(self._lang)
        painter.drawText(QPointF(x + 14, y), label)
        x += 14 + fm.horizontalAdvance(label) + 20
        painter.setBrush(text)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(x + 5, mid), 3.5, 3.5)
        painter.setPen(text)
        label = LAGGING.get(self._lang)
        painter.drawText(QPointF(x + 14, y), label)
        x += 14 + fm.horizontalAdvance(label) + 20
        painter.setPen(QPen(accent, 2))
        painter.drawLine(QPointF(x, mid), QPointF(x + 22, mid))
        _arrow_head(painter, QPointF(x, mid), QPointF(x + 24, mid), accent)
        painter.setPen(text)
        painter.drawText(QPointF(x + 30, y), ARROW.get(self._lang))

    def _paint_arrows(self, painter: QPainter, lay: MapLayout, accent: QColor) -> None:
        if self._map is None:
            return
        for cause, effect in self._map.arrows:
            a, b = lay.boxes.get(cause), lay.boxes.get(effect)
            if a is None or b is None:
                continue
            if a.top() > b.bottom():  # cause below effect: bottom-up arrow
                start, end = QPointF(a.center().x(), a.top()), QPointF(b.center().x(), b.bottom())
            else:  # same row: side by side
                start = QPointF(a.right() if a.center().x() < b.center().x() else a.left(), a.center().y())
                end = QPointF(b.left() if a.center().x() < b.center().x() else b.right(), b.center().y())
            path = QPainterPath(start)
            mid_y = (start.y() + end.y()) / 2
            path.cubicTo(QPointF(start.x(), mid_y), QPointF(end.x(), mid_y), end)
            painter.setPen(QPen(accent, 1.6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            _arrow_head(painter, QPointF(end.x(), mid_y), end, accent)

    def _paint_box(self, painter, o, rect: QRectF, title_font, body_font, pal: QPalette, accent: QColor) -> None:
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1.2))
        painter.setBrush(pal.color(QPalette.ColorRole.Button))
        painter.drawRoundedRect(rect, 6, 6)
        text = pal.color(QPalette.ColorRole.ButtonText)
        inner = rect.adjusted(PAD, PAD, -PAD, -PAD)
        painter.setFont(title_font)
        painter.setPen(text)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        used = painter.boundingRect(inner, flags, o.name)
        painter.drawText(inner, flags, o.name)
        y = used.bottom() + 4
        painter.setFont(body_font)
        fm = painter.fontMetrics()
        for k in o.kpis:
            line = QRectF(inner.left() + 14, y, inner.width() - 14, inner.bottom() - y + PAD)
            mid = y + fm.ascent() - fm.ascent() / 3
            if k.indicator is Indicator.LEADING:
                _triangle(painter, QPointF(inner.left() + 5, mid), accent)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(text)
                painter.drawEllipse(QPointF(inner.left() + 5, mid), 3.5, 3.5)
            painter.setPen(text)
            used = painter.boundingRect(line, flags, k.name)
            painter.drawText(line, flags, k.name)
            y = used.bottom() + 4


def _triangle(painter: QPainter, centre: QPointF, colour: QColor) -> None:
    path = QPainterPath(QPointF(centre.x(), centre.y() - 5))
    path.lineTo(QPointF(centre.x() + 5, centre.y() + 4))
    path.lineTo(QPointF(centre.x() - 5, centre.y() + 4))
    path.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPath(path)


def _arrow_head(painter: QPainter, before: QPointF, tip: QPointF, colour: QColor) -> None:
    dx, dy = tip.x() - before.x(), tip.y() - before.y()
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / length, dy / length
    left = QPointF(tip.x() - 8 * ux + 4 * uy, tip.y() - 8 * uy - 4 * ux)
    right = QPointF(tip.x() - 8 * ux - 4 * uy, tip.y() - 8 * uy + 4 * ux)
    path = QPainterPath(tip)
    path.lineTo(left)
    path.lineTo(right)
    path.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPath(path)
