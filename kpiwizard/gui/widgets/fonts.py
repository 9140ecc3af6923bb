"""The bundled Korean font, registered once, so Hangul renders on machines without a Korean font."""

from __future__ import annotations

from functools import lru_cache

from kpiwizard.core.resources import resource_path

from ..qt import QFont, QFontDatabase

FALLBACK = "NanumGothic"


@lru_cache(maxsize=1)
def korean_family() -> str:
    """The family name of the bundled NanumGothic (registering regular and bold on first use)."""
    family = FALLBACK
    for name in ("NanumGothic.ttf", "NanumGothicBold.ttf"):
        path = resource_path("fonts", name)
        if path.is_file():
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families and name == "NanumGothic.ttf":
                family = families[0]
    return family


def korean_font(base: QFont, point_delta: float = 0, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setFamilies([korean_family(), *base.families()])
    if point_delta and font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() + point_delta)
    font.setBold(bold)
    return font
