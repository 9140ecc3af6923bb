"""NanumGothic for reportlab, parsed in a fraction of the time reportlab's own parser takes.

reportlab reads a TrueType font's character map, advance widths and glyph locations one number at
a time in Python: about 30 ms for each NanumGothic face (20,000 glyphs, 17,000 characters), twice
per export since the plan uses the regular and the bold face. ``FastTTFont`` lets reportlab parse
the small tables itself (names, header, metrics) and reads the three large ones as whole arrays,
producing the very same attributes (``tests/plan/test_plan_fonts.py`` compares them with
reportlab's own parse, so a reportlab release that changes them fails a test, not a PDF). A font
whose character map is not in the usual format 4 is parsed by reportlab as before.
"""

from __future__ import annotations

import sys
from array import array
from fnmatch import fnmatch
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace, unShapedFontGlob


class _Unsupported(Exception):
    """Something the array reader does not handle: reportlab's own parser takes over."""


def _ushorts(data: bytes, start: int, count: int) -> array:
    values = array("H", data[start:start + 2 * count])
    if len(values) != count:
        raise _Unsupported
    if sys.byteorder == "little":
        values.byteswap()  # TrueType is big-endian
    return values


def _ulongs(data: bytes, start: int, count: int) -> array:
    values = array("I", data[start:start + 4 * count])
    if values.itemsize != 4 or len(values) != count:
        raise _Unsupported
    if sys.byteorder == "little":
        values.byteswap()
    return values


class FastTTFontFace(TTFontFace):
    def extractInfo(self, charInfo: int = 1) -> None:  # noqa: N802, N803 (reportlab's names)
        # The small tables, and every check reportlab makes on them, by reportlab itself.
        TTFontFace.extractInfo(self, charInfo=0)
        if not charInfo:
            return
        try:
            self._char_info()
        except _Unsupported:
            TTFontFace.extractInfo(self, charInfo)

    def _char_info(self) -> None:
        """What ``TTFontFile.extractInfo`` sets from cmap, hmtx and loca, read as arrays."""
        data = self._ttf_data
        u16 = lambda pos: (data[pos] << 8) | data[pos + 1]  # noqa: E731
        head = self.get_table_pos("head")[0]
        index_to_loc_format, glyph_data_format = u16(head + 50), u16(head + 52)
        number_of_hmetrics = u16(self.get_table_pos("hhea")[0] + 34)
        if glyph_data_format != 0 or index_to_loc_format not in (0, 1) or "loca" not in self.table:
            raise _Unsupported  # reportlab raises its own error for these

        # cmap: the same choice of subtable as reportlab (the last suitable one wins)
        cmap = self.get_table_pos("cmap")[0]
        version, count = u16(cmap), u16(cmap + 2)
        if count == 0 and version != 0:
            count = version
        encoffs, enc = None, 0
        for n in range(count):
            record = cmap + 4 + 8 * n
            platform, encoding = u16(record), u16(record + 2)
            offset = (u16(record + 4) << 16) | u16(record + 6)
            if platform == 3:
                enc, encoffs = 1, offset
            elif platform == 1 and encoding == 0 and enc != 1:
                enc, encoffs = 2, offset
            elif platform == 1 and encoding == 1:
                enc, encoffs = 1, offset
            elif platform == 0 and encoding != 5:
                enc, encoffs = 1, offset
        if encoffs is None:
            raise _Unsupported
        encoffs += cmap
        if u16(encoffs) != 4:
            raise _Unsupported
        limit = encoffs + u16(encoffs + 2)
        seg_count = u16(encoffs + 6) // 2
        end = _ushorts(data, encoffs + 14, seg_count)
        start = _ushorts(data, encoffs + 16 + 2 * seg_count, seg_count)
        delta = _ushorts(data, encoffs + 16 + 4 * seg_count, seg_count)  # signed; & 0xFFFF below
        range_start = encoffs + 16 + 6 * seg_count
        range_offset = _ushorts(data, range_start, seg_count)
        if any(r & 1 for r in range_offset) or limit > len(data):
            raise _Unsupported
        # Ids the segments with a range offset point into; an id past the subtable's end reads as 0.
        glyph_ids = _ushorts(data, range_start, max(0, (limit - range_start + 1) // 2))

        chars: list[int] = []
        glyphs: list[int] = []
        for n in range(seg_count):
            first, last, d, r = start[n], end[n], delta[n], range_offset[n]
            if last < first:
                continue
            codes = range(first, last + 1)
            chars.extend(codes)
            if r == 0:
                glyphs.extend([(c + d) & 0xFFFF for c in codes] if d else codes)
                continue
            i = n + r // 2  # index in glyph_ids of the segment's first code
            ids = glyph_ids[i:i + len(codes)].tolist()
            ids += [0] * (len(codes) - len(ids))
            glyphs.extend([(g + d) & 0xFFFF if g else 0 for g in ids] if d else ids)
        self.charToGlyph = char_to_glyph = dict(zip(chars, glyphs, strict=True))
        glyph_to_char: dict[int, list[int]] = {}
        self.glyphToChar = glyph_to_char
        for c, g in zip(chars, glyphs, strict=True):
            glyph_to_char.setdefault(g, []).append(c)

        # hmtx: advance widths of the first number_of_hmetrics glyphs, the last one repeated after
        num_glyphs = self.numGlyphs
        if not 0 < number_of_hmetrics <= num_glyphs:
            raise _Unsupported
        hmtx = self.get_table_pos("hmtx")[0]
        metrics = _ushorts(data, hmtx, 2 * number_of_hmetrics)
        advances = metrics[0::2]
        scale = self._pdfScale
        # reportlab keeps the unscaled advance for the first glyphs and the scaled one after them
        last = scale(advances[-1])
        tail = _ushorts(data, hmtx + 4 * number_of_hmetrics, num_glyphs - number_of_hmetrics)
        self.hmetrics = list(zip(advances, metrics[1::2], strict=True)) + [(last, lsb) for lsb in tail]
        # reportlab's scale leaves the numbers as they are at 1000 units per em (NanumGothic's)
        scaled = advances.tolist() if self.unitsPerEm == 1000 else [scale(a) for a in advances]
        widths = scaled + [last] * (num_glyphs - number_of_hmetrics)
        self.defaultWidth = widths[0]
        self.charWidths = {c: widths[g] for g in sorted(glyph_to_char) if g < num_glyphs for c in glyph_to_char[g]}

        # loca: where each glyph's outline starts
        loca = self.get_table_pos("loca")[0]
        if index_to_loc_format == 0:
            self.glyphPos = [p << 1 for p in _ushorts(data, loca, num_glyphs + 1)]
        else:
            self.glyphPos = _ulongs(data, loca, num_glyphs + 1).tolist()

        if 0x20 in char_to_glyph:
            char_to_glyph[0xA0] = char_to_glyph[0x20]
            self.charWidths[0xA0] = self.charWidths[0x20]
        elif 0xA0 in char_to_glyph:
            char_to_glyph[0x20] = char_to_glyph[0xA0]
            self.charWidths[0x20] = self.charWidths[0xA0]


class FastTTFont(TTFont):
    """``TTFont`` whose face is parsed by ``FastTTFontFace``; otherwise reportlab's class as is."""

    def __init__(self, name: str, filename: str) -> None:  # mirrors TTFont.__init__ with its defaults
        self.fontName = name
        self.face = FastTTFontFace(filename)
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
