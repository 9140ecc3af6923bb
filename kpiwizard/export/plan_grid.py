"""A long table of short texts drawn straight onto the canvas: the recorded values of every period.

reportlab's ``Table`` measures and draws each cell as a flowable; for 200 KPIs x 156 weeks (31,200
values) that alone takes seconds. This grid knows its rows are one line each, so it measures nothing
but the page: fixed row height, fixed columns, split between pages with the header repeated. The
text is real text (selectable, read by ``pdftotext`` and screen readers), set in the embedded font.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .plan_style import ACCENT, BOLD, FONT, INK, ROW_ALT, plain

ROW_H = 10.0
SIZE = 7.5
PAD = 10.0  # between side-by-side groups
MAX_GROUPS = 5


class ValuesGrid(Flowable):
    """Rows of cells (first column left-aligned, the others right-aligned) set side by side in as many
    groups as the widest cells allow (up to five), read across and then down."""

    def __init__(self, header: tuple[str, ...], cells: Sequence[tuple[str, ...]], width: float,
                 _layout: tuple[int, list[float], list[list[tuple[str, ...]]]] | None = None):
        super().__init__()
        self.header = tuple(plain(h) for h in header)
        self.width = width
        if _layout is not None:
            self.groups, self.col_w, self.rows = _layout
            return
        clean = [tuple(plain(c) for c in row) for row in cells]
        self.col_w = [max([stringWidth(r[j], FONT, SIZE) for r in clean] + [stringWidth(self.header[j], BOLD, SIZE)]) + 8
                      for j in range(len(self.header))]
        self.groups = groups = max(1, min(MAX_GROUPS, int((width + PAD) // (sum(self.col_w) + PAD))))
        # Read across, then down (like a calendar), so a page break never reorders the periods.
        self.rows = [clean[i:i + groups] for i in range(0, len(clean), groups)]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.height = ROW_H * (len(self.rows) + 1)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        fit = int(available_height // ROW_H) - 1
        if fit < 2 or fit >= len(self.rows):
            return []
        make = lambda rows: ValuesGrid(self.header, [], self.width, (self.groups, self.col_w, rows))  # noqa: E731
        return [make(self.rows[:fit]), make(self.rows[fit:])]

    def draw(self) -> None:
        c = self.canv
        # Spread the groups over the width: each column grows by the same share of what is left.
        spare = (self.width - self.groups * sum(self.col_w) - (self.groups - 1) * PAD) / (self.groups * len(self.col_w))
        col_w = [w + max(spare, 0) for w in self.col_w]
        group_w = sum(col_w)
        top = self.height
        used = len(self.rows[0]) if self.rows else 0  # a short series fills the first groups only
        for g in range(used):
            x = g * (group_w + PAD)
            c.setFillColor(ACCENT)
            c.rect(x, top - ROW_H, group_w, ROW_H, stroke=0, fill=1)
            c.setFillColor(ROW_ALT)
            for i in range(1, len(self.rows), 2):
                if g < len(self.rows[i]):
                    c.rect(x, top - ROW_H * (i + 2), group_w, ROW_H, stroke=0, fill=1)
        # One text object for the whole grid, and each distinct text encoded once per document: the
        # same dates and values recur across KPIs, and encoding (font subsets) dominates the drawing.
        text = c.beginText()
        cache = c.__dict__.setdefault("_kpiwizard_encoded", {})
        text.setFillColorRGB(1, 1, 1)
        text.setFont(BOLD, SIZE)
        for g in range(used):
            _row(text, cache, BOLD, g * (group_w + PAD), top - ROW_H + 3, col_w, self.header)
        text.setFillColor(INK)
        text.setFont(FONT, SIZE)
        for i, row in enumerate(self.rows):
            y = top - ROW_H * (i + 2) + 3
            for g, cells in enumerate(row):
                _row(text, cache, FONT, g * (group_w + PAD), y, col_w, cells)
        c.drawText(text)


def _row(text, cache: dict, font: str, x: float, y: float, col_w: list[float], cells: tuple[str, ...]) -> None:
    right = x
    code = text._code
    for j, cell in enumerate(cells):
        right += col_w[j]
        key = (font, cell, text._curSubset)
        hit = cache.get(key)
        if hit is None:
            hit = cache[key] = (stringWidth(cell, font, SIZE), text._formatText(cell), None)
            hit = cache[key] = (hit[0], hit[1], text._curSubset)
        width, encoded, subset = hit
        at = x + 3 if j == 0 else right - 3 - width
        code.append(f"1 0 0 1 {at:.2f} {y:.2f} Tm {encoded}")
        text._curSubset = subset
