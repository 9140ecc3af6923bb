"""Fonts, colours, paragraph styles and the one gate user text passes through on its way to the PDF.

Everything is drawn with the bundled NanumGothic, embedded and subset, so the PDF never names an
unembedded Helvetica and Hangul renders the same on every machine. User text is data: ``para``
escapes it for reportlab's paragraph markup (so ``<img src=...>`` is printed, never fetched) and
``plain`` replaces characters the font has no glyph for, so emoji or Hebrew never crash the build.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from html import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph as _ReportlabParagraph

from kpiwizard.core.resources import resource_path

from .plan_fonts import FastTTFont

FONT = "NanumGothic"
BOLD = "NanumGothicBold"
# Stands in for a character the font cannot draw (emoji, Hebrew, Arabic...): visible, never a crash.
MISSING = "?"
# Invisible characters with no glyph (zero-width joiners, bidi marks, variation selectors): dropped.
_INVISIBLE_CATEGORIES = {"Cf", "Mn", "Me", "Cs", "Co", "Cn"}
# Look-alikes for common characters the font lacks (the core writes U+2212 in "−33%").
_SUBSTITUTES = {"\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2714": "\u221a", "\u2713": "\u221a"}

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#616E7C")
ACCENT = colors.HexColor("#1D4E89")
ACCENT_LIGHT = colors.HexColor("#E4ECF6")
RULE = colors.HexColor("#CBD2D9")
ROW_ALT = colors.HexColor("#F5F7FA")
GOOD = colors.HexColor("#2F7D4F")
WARN = colors.HexColor("#B7791F")
BAD = colors.HexColor("#B83232")
LEADING_COLOUR = colors.HexColor("#0F7C80")
LAGGING_COLOUR = colors.HexColor("#1D4E89")


@lru_cache(maxsize=1)
def register_fonts() -> frozenset[int]:
    """Register the Korean font family once; return the code points both faces can draw."""
    from reportlab.lib.fonts import addMapping

    regular = FastTTFont(FONT, str(resource_path("fonts", "NanumGothic.ttf")))
    bold = FastTTFont(BOLD, str(resource_path("fonts", "NanumGothicBold.ttf")))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(bold)
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    addMapping(FONT, 0, 0, FONT)
    return frozenset(regular.face.charToGlyph) & frozenset(bold.face.charToGlyph)


class Paragraph(_ReportlabParagraph):
    """reportlab's Paragraph, laid out once per width.

    A table measures its cells, then lays each out again to draw it; a block kept together is
    measured whole, then each part again where it lands. Half of the plan's 1,100 line breakings
    repeated one already done at the same width (15 ms of the café plan). The lines depend on the
    width, the style and the text only, none of which changes between the two; a split makes new
    paragraphs, which break their own lines.
    """

    _laid_out_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        if availWidth == self._laid_out_at and hasattr(self, "blPara"):  # split() drops it to start over
            return self.width, self.height
        self._laid_out_at = None
        width, height = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):  # laid out (a width too small to hold anything is not)
            self._laid_out_at = availWidth
        return width, height


def plain(text: str) -> str:
    """``text`` with every character the font lacks replaced (visible) or dropped (invisible)."""
    covered = register_fonts()
    out = []
    for ch in text:
        if ch == "\n" or ord(ch) in covered:
            out.append(ch)
        elif ch in _SUBSTITUTES:
            out.append(_SUBSTITUTES[ch])
        elif ch == "\t" or unicodedata.category(ch) == "Zs":
            out.append(" ")
        elif unicodedata.category(ch) not in _INVISIBLE_CATEGORIES:
            out.append(MISSING)
    return "".join(out)


def para(text: str) -> str:
    """User text as paragraph markup that prints exactly what was typed, line breaks included."""
    # & < > only, as xml.sax.saxutils.escape did (which loaded urllib, http and ssl: 7 ms)
    return escape(plain(text), quote=False).replace("\n", "<br/>")


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, bulletFontName=FONT, fontSize=9.5, leading=14, textColor=INK,
                          splitLongWords=1)

    def s(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "bullet": s("bullet", leftIndent=12, bulletIndent=2),
        "small": s("small", fontSize=8, leading=11, textColor=MUTED),
        "cell": s("cell", fontSize=8, leading=10.5),
        "cell_right": s("cell_right", fontSize=8, leading=10.5, alignment=TA_RIGHT),
        "cell_head": s("cell_head", fontName=BOLD, fontSize=8, leading=10.5, textColor=colors.white),
        # Headings and labels never end a page: each goes with what follows it (keepWithNext).
        "h1": s("h1", fontName=BOLD, fontSize=17, leading=22, textColor=ACCENT, spaceBefore=16, spaceAfter=10,
                keepWithNext=1),
        "h2": s("h2", fontName=BOLD, fontSize=12, leading=16, textColor=INK, spaceBefore=10, spaceAfter=5,
                keepWithNext=1),
        "h3": s("h3", fontName=BOLD, fontSize=10, leading=14, textColor=ACCENT, spaceBefore=6, spaceAfter=2,
                keepWithNext=1),
        "h3_plain": s("h3_plain", fontName=BOLD, fontSize=9.5, leading=13, textColor=ACCENT, spaceBefore=6, spaceAfter=2),
        "label": s("label", fontName=BOLD, fontSize=8, leading=11, textColor=MUTED, spaceBefore=4, keepWithNext=1),
        "sentence": s("sentence", fontName=BOLD, fontSize=11.5, leading=17, textColor=INK),
        "cover_title": s("cover_title", fontName=BOLD, fontSize=26, leading=34, textColor=ACCENT),
        "cover_sub": s("cover_sub", fontSize=14, leading=20, textColor=INK),
        "cover_meta": s("cover_meta", fontSize=10, leading=16, textColor=MUTED),
        "center_small": s("center_small", fontSize=8, leading=11, textColor=MUTED, alignment=TA_CENTER),
    }


def wrap(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """``text`` broken into lines no wider than ``width`` for vector drawings (which never wrap).

    Breaks at spaces, inside a word only when the word alone is too wide; the last line allowed
    ends with an ellipsis when the text does not fit.
    """
    text = " ".join(plain(text).split())
    measure = lambda s: pdfmetrics.stringWidth(s, font, size)  # noqa: E731
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if measure(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for ch in word:  # a word wider than the line: cut it where it overflows
            if measure(current + ch) > width and current:
                lines.append(current)
                current = ""
            current += ch
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and measure(last + "…") > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines


def drawing(width: float, height: float) -> Drawing:
    """A vector drawing whose initial font is ours: reportlab's default would add a Helvetica."""
    register_fonts()
    return Drawing(width, height, initialFontName=FONT, initialFontSize=8)
