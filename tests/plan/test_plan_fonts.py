"""The plan's fonts are read by ``FastTTFont`` as arrays; reportlab must see exactly what its own parser gives.

If a reportlab release changes what its parser sets, or the array reader misreads a table, these
tests fail here rather than a PDF drawing a wrong glyph or width.
"""

from __future__ import annotations

import io

import pytest
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from kpiwizard.core.resources import resource_path
from kpiwizard.export import plan_fonts
from kpiwizard.export.plan_fonts import FastTTFont

FACES = ["NanumGothic.ttf", "NanumGothicBold.ttf"]


def _same_face(ours: TTFontFace, theirs: TTFontFace) -> None:
    mine, ref = vars(ours), vars(theirs)
    assert set(mine) == set(ref)
    for key, value in ref.items():
        if key in ("_pos", "_pdfScale"):  # where the reader stopped; a scaling lambda
            continue
        assert mine[key] == value, key
        assert type(mine[key]) is type(value), key
    # same order too: reportlab walks these dicts and lists when it subsets the font
    for key in ("charToGlyph", "glyphToChar", "charWidths"):
        assert list(mine[key].items()) == list(ref[key].items()), key
    assert [tuple(map(type, m)) for m in mine["hmetrics"]] == [tuple(map(type, m)) for m in ref["hmetrics"]]
    assert ours._pdfScale(1234) == theirs._pdfScale(1234)


@pytest.mark.parametrize("name", FACES)
def test_fast_font_reads_what_reportlab_reads(name: str) -> None:
    path = str(resource_path("fonts", name))
    ours, theirs = FastTTFont("Ours", path), TTFont("Ours", path)
    _same_face(ours.face, theirs.face)
    mine, ref = vars(ours), vars(theirs)
    assert set(mine) == set(ref)
    assert {k: v for k, v in mine.items() if k not in ("face", "state", "encoding")} == {
        k: v for k, v in ref.items() if k not in ("face", "state", "encoding")}
    assert ours.encoding.name == theirs.encoding.name
    assert ours.stringWidth("동네 카페 평일 오후 Café 10%", 9.5) == theirs.stringWidth("동네 카페 평일 오후 Café 10%", 9.5)


@pytest.mark.parametrize("name", FACES)
def test_the_bundled_fonts_take_the_fast_path(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """reportlab's parser reads only the small tables (charInfo=0): the array reader did the rest."""
    calls: list[int] = []
    original = TTFontFace.extractInfo

    def spy(self: TTFontFace, charInfo: int = 1) -> None:  # noqa: N803
        calls.append(charInfo)
        original(self, charInfo)

    monkeypatch.setattr(TTFontFace, "extractInfo", spy)
    FastTTFont("Spy", str(resource_path("fonts", name)))
    assert calls == [0]


def test_a_font_the_reader_does_not_handle_is_parsed_by_reportlab(monkeypatch: pytest.MonkeyPatch) -> None:
    def unsupported(self: TTFontFace) -> None:
        raise plan_fonts._Unsupported

    monkeypatch.setattr(plan_fonts.FastTTFontFace, "_char_info", unsupported)
    path = str(resource_path("fonts", FACES[0]))
    _same_face(FastTTFont("Fallback", path).face, TTFont("Fallback", path).face)


def test_a_character_map_that_is_not_format_4_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader handles the usual format 4 only; any other format goes to reportlab, same result."""
    path = resource_path("fonts", FACES[0])
    data = bytearray(path.read_bytes())
    face = TTFontFace(str(path))
    cmap = face.get_table_pos("cmap")[0]
    count = int.from_bytes(data[cmap + 2:cmap + 4], "big")
    # the subtable reportlab picks for NanumGothic is the last one (platform 3): make it claim format 6
    offset = cmap + int.from_bytes(data[cmap + 4 + 8 * (count - 1) + 4:cmap + 4 + 8 * count], "big")
    assert int.from_bytes(data[offset:offset + 2], "big") == 4
    data[offset:offset + 2] = (6).to_bytes(2, "big")
    data[offset + 6:offset + 10] = bytes([0, 32, 0, 3])  # format 6: codes 32-34
    ours = plan_fonts.FastTTFontFace(io.BytesIO(bytes(data)))
    theirs = TTFontFace(io.BytesIO(bytes(data)))
    _same_face(ours, theirs)
    assert {32, 33, 34} <= set(ours.charToGlyph.values())  # read the format 6 way, by reportlab


def test_a_font_of_2048_units_per_em_is_scaled_as_reportlab_scales_it() -> None:
    """NanumGothic has 1000 units per em (no scaling); most fonts have 2048, and widths become floats."""
    path = resource_path("fonts", FACES[1])
    data = bytearray(path.read_bytes())
    head = TTFontFace(str(path)).get_table_pos("head")[0]
    assert int.from_bytes(data[head + 18:head + 20], "big") == 1000
    data[head + 18:head + 20] = (2048).to_bytes(2, "big")
    ours = plan_fonts.FastTTFontFace(io.BytesIO(bytes(data)))
    theirs = TTFontFace(io.BytesIO(bytes(data)))
    _same_face(ours, theirs)
    assert ours.unitsPerEm == 2048 and isinstance(ours.charWidths[ord("가")], float)
