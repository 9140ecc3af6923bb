"""The strategy map drawn as vector graphics from the core's ``build_strategy_map``.

Four perspective bands from results (top) to capabilities (bottom); a box per objective listing its
KPIs, each marked leading (circle) or lagging (square); cause -> effect arrows between boxes.
Every string is drawn in the Korean font (reportlab graphics would default to Helvetica).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from kpiwizard.core.enums import Indicator, Lang, Status
from kpiwizard.core.strategy_map import MapObjective, StrategyMap
from kpiwizard.core.text import t
from kpiwizard.core.vocab import INDICATOR_NAMES, STATUS_NAMES


from .plan_style import (
    drawing,
    ACCENT,
    BAD,
    BOLD,
    FONT,
    GOOD,
    INK,
    MUTED,
    RULE,
    WARN,
    wrap,
)

# Each KPI's marker is filled with its status colour (its shape still says leading or lagging), and
# the box's left edge takes the worst colour among its KPIs; the legend names each status shown.
# The colours are the plan's own (plan.STATUS_COLOURS), passed in with the statuses.
_WORST_FIRST = (BAD, WARN, GOOD)


def _rank(colour: colors.Color) -> int:
    return next((i for i, c in enumerate(_WORST_FIRST) if c == colour), len(_WORST_FIRST))

BAND_COLOURS = ("#EEF3FA", "#F3F7F1", "#FBF6EE", "#F4F1F8")
LABEL_W = 78.0
GAP = 12.0
PAD = 7.0
TITLE_SIZE = 8.0
KPI_SIZE = 7.0
MAX_KPIS_SHOWN = 8
MAX_COLUMNS = 4


@dataclass
class _Box:
    objective: MapObjective
    title: list[str]
    kpis: list[tuple[Indicator, colors.Color | None, list[str]]]
    more: int
    more_label: str
    x: float = 0.0
    y: float = 0.0  # bottom edge, drawing coordinates
    w: float = 0.0
    h: float = 0.0


def _layout_box(o: MapObjective, w: float, lang: Lang, fills: dict[str, colors.Color]) -> _Box:
    text_w = w - 2 * PAD
    title = wrap(o.name, BOLD, TITLE_SIZE, text_w, 3)
    kpis = [(k.indicator, fills.get(k.id), wrap(k.name, FONT, KPI_SIZE, text_w - 9, 2))
            for k in o.kpis[:MAX_KPIS_SHOWN]]
    more = max(len(o.kpis) - MAX_KPIS_SHOWN, 0)
    lines = len(title) * (TITLE_SIZE + 2) + 4 + sum(len(n) * (KPI_SIZE + 2) + 1.5 for _, _, n in kpis)
    lines += (KPI_SIZE + 2) if more else 0
    more_label = t(f"외 {more}개", f"+{more} more").get(lang)
    return _Box(o, title, kpis, more, more_label, w=w, h=lines + 2 * PAD)


def strategy_map_drawing(smap: StrategyMap, width: float, max_height: float, lang: Lang,
                         statuses: dict[str, Status] | None = None,
                         status_colours: dict[Status, colors.Color] | None = None) -> Drawing:
    """The map; with ``statuses`` (KPI id -> status) each KPI and box shows its status colour."""
    statuses = statuses or {}
    palette = status_colours or {}
    fills = {k: palette.get(s, MUTED) for k, s in statuses.items()}
    content_w = width - LABEL_W - GAP
    per_band = [smap.in_perspective(p) for p, _ in smap.perspectives]
    columns = min(max([len(b) for b in per_band] + [2]), MAX_COLUMNS)
    box_w = (content_w - (columns - 1) * GAP) / columns

    # Lay the bands out top-down (y measured downwards first, flipped at the end).
    bands: list[tuple[str, float, float, list[list[_Box]]]] = []
    top = 0.0
    for (_perspective, name), objectives in zip(smap.perspectives, per_band, strict=True):
        rows = [objectives[i:i + columns] for i in range(0, len(objectives), columns)]
        laid = [[_layout_box(o, box_w, lang, fills) for o in row] for row in rows]
        inner = sum(max(b.h for b in row) for row in laid) + GAP * max(len(laid) - 1, 0)
        height = max(inner + 2 * GAP, 44.0)
        bands.append((name, top, height, laid))
        top += height
    legend_h = 36.0 if statuses else 22.0
    total_h = top + legend_h

    g = Group()
    flip = lambda y_down: total_h - y_down  # noqa: E731
    boxes: dict[str, _Box] = {}
    for i, (name, band_top, height, laid) in enumerate(bands):
        g.add(Rect(0, flip(band_top + height), width, height, fillColor=colors.HexColor(BAND_COLOURS[i]),
                   strokeColor=colors.white, strokeWidth=1.5))
        label = wrap(name, BOLD, 8.5, LABEL_W - 10, 3)
        mid = band_top + height / 2
        for j, line in enumerate(label):
            y = mid - (len(label) * 11) / 2 + j * 11 + 8
            g.add(String(8, flip(y), line, fontName=BOLD, fontSize=8.5, fillColor=ACCENT))
        if not laid:
            g.add(String(LABEL_W + GAP, flip(mid + 3),
                         t("이 관점에 고른 KPI가 없습니다", "No KPI chosen in this perspective").get(lang),
                         fontName=FONT, fontSize=7.5, fillColor=MUTED))
        y_down = band_top + GAP
        for row in laid:
            row_w = len(row) * box_w + (len(row) - 1) * GAP
            x = LABEL_W + GAP + (content_w - row_w) / 2
            row_h = max(b.h for b in row)
            for b in row:
                b.x, b.y = x, flip(y_down + row_h / 2 + b.h / 2)
                boxes[b.objective.id] = b
                x += box_w + GAP
            y_down += row_h + GAP

    _arrows(g, smap, boxes)
    for b in boxes.values():
        _draw_box(g, b)
    shown = sorted(set(statuses.values()), key=lambda s: (_rank(palette.get(s, MUTED)), list(Status).index(s)))
    _legend(g, width, lang, [(STATUS_NAMES[s].get(lang), palette.get(s, MUTED)) for s in shown])

    scale = min(1.0, max_height / total_h)
    g.transform = (scale, 0, 0, scale, 0, 0)
    d = drawing(width * scale, total_h * scale)
    d.add(g)
    return d


def _draw_box(g: Group, b: _Box) -> None:
    g.add(Rect(b.x, b.y, b.w, b.h, rx=4, ry=4, fillColor=colors.white, strokeColor=ACCENT, strokeWidth=0.8))
    known = [fill for _, fill, _ in b.kpis if fill is not None]
    if known:
        g.add(Rect(b.x, b.y, 3.2, b.h, fillColor=min(known, key=_rank), strokeColor=None))
    y = b.y + b.h - PAD - TITLE_SIZE
    for line in b.title:
        g.add(String(b.x + PAD, y, line, fontName=BOLD, fontSize=TITLE_SIZE, fillColor=INK))
        y -= TITLE_SIZE + 2
    y -= 2
    g.add(Line(b.x + PAD, y + KPI_SIZE + 1, b.x + b.w - PAD, y + KPI_SIZE + 1, strokeColor=RULE, strokeWidth=0.5))
    y -= 2
    for indicator, fill, lines in b.kpis:
        _marker(g, b.x + PAD + 3, y + 2.3, indicator, fill)
        for line in lines:
            g.add(String(b.x + PAD + 9, y, line, fontName=FONT, fontSize=KPI_SIZE, fillColor=INK))
            y -= KPI_SIZE + 2
        y -= 1.5
    if b.more:
        g.add(String(b.x + PAD + 9, y, b.more_label, fontName=FONT, fontSize=KPI_SIZE, fillColor=MUTED))


def _marker(g: Group, x: float, y: float, indicator: Indicator, fill: colors.Color | None = None) -> None:
    fill = fill or INK
    if indicator is Indicator.LEADING:
        g.add(Circle(x, y, 2.6, fillColor=fill, strokeColor=None))
    else:
        g.add(Rect(x - 2.4, y - 2.4, 4.8, 4.8, fillColor=fill, strokeColor=None))


def _arrows(g: Group, smap: StrategyMap, boxes: dict[str, _Box]) -> None:
    pairs = [(boxes[c], boxes[e]) for c, e in smap.arrows if c in boxes and e in boxes]
    outgoing: dict[str, list[_Box]] = {}
    incoming: dict[str, list[_Box]] = {}
    for cause, effect in pairs:
        outgoing.setdefault(cause.objective.id, []).append(effect)
        incoming.setdefault(effect.objective.id, []).append(cause)

    def attach(box: _Box, others: list[_Box], other: _Box) -> float:
        ordered = sorted(others, key=lambda o: o.x)
        return box.x + box.w * (ordered.index(other) + 1) / (len(ordered) + 1)

    for cause, effect in pairs:
        if abs(cause.y - effect.y) < 1:  # same row: side to side
            left_to_right = cause.x < effect.x
            x1 = cause.x + cause.w if left_to_right else cause.x
            x2 = effect.x if left_to_right else effect.x + effect.w
            y1 = y2 = cause.y + cause.h / 2
        else:
            upward = cause.y < effect.y
            x1 = attach(cause, outgoing[cause.objective.id], effect)
            x2 = attach(effect, incoming[effect.objective.id], cause)
            y1 = cause.y + cause.h if upward else cause.y
            y2 = effect.y if upward else effect.y + effect.h
        _arrow(g, x1, y1, x2, y2)


def _arrow(g: Group, x1: float, y1: float, x2: float, y2: float) -> None:
    colour = colors.HexColor("#7B8794")
    angle = math.atan2(y2 - y1, x2 - x1)
    size = 5.0
    base_x, base_y = x2 - size * math.cos(angle), y2 - size * math.sin(angle)
    g.add(Line(x1, y1, base_x, base_y, strokeColor=colour, strokeWidth=0.9))
    left = (base_x + size * 0.5 * math.sin(angle), base_y - size * 0.5 * math.cos(angle))
    right = (base_x - size * 0.5 * math.sin(angle), base_y + size * 0.5 * math.cos(angle))
    g.add(Polygon([x2, y2, *left, *right], fillColor=colour, strokeColor=None))


def _legend(g: Group, width: float, lang: Lang, statuses: list[tuple[str, colors.Color]]) -> None:
    if statuses:  # a second line: the status colours used on this map
        x, y = LABEL_W + GAP, 21.0
        title = t("현황:", "Status:").get(lang)
        g.add(String(x - 2.4, y, title, fontName=FONT, fontSize=7.5, fillColor=INK))
        x += stringWidth(title, FONT, 7.5) + 6
        for name, fill in statuses:
            g.add(Rect(x - 2.4, y + 0.1, 4.8, 4.8, fillColor=fill, strokeColor=None))
            g.add(String(x + 6, y, name, fontName=FONT, fontSize=7.5, fillColor=INK))
            x += 20 + stringWidth(name, FONT, 7.5)
    y = 7.0
    x = LABEL_W + GAP
    _marker(g, x, y + 2.5, Indicator.LEADING)
    lead = INDICATOR_NAMES[Indicator.LEADING].get(lang)
    g.add(String(x + 6, y, lead, fontName=FONT, fontSize=7.5, fillColor=INK))
    x += 20 + stringWidth(lead, FONT, 7.5)
    _marker(g, x, y + 2.5, Indicator.LAGGING)
    lag = INDICATOR_NAMES[Indicator.LAGGING].get(lang)
    g.add(String(x + 6, y, lag, fontName=FONT, fontSize=7.5, fillColor=INK))
    x += 20 + stringWidth(lag, FONT, 7.5)
    _arrow(g, x, y + 2.5, x + 18, y + 2.5)
    g.add(String(x + 23, y, t("원인 → 결과", "cause → effect").get(lang), fontName=FONT, fontSize=7.5, fillColor=INK))
