"""What every platform reader shares: bytes to text, text to rows, cells to numbers and dates,
headers to fields through the synonym table, and the one error a reader raises.

* **Encoding**: a BOM decides (UTF-8, UTF-16 LE/BE); else, for bytes full of NULs, UTF-16 without
  BOM; else UTF-8; else CP949 (what Korean Excel writes when it re-saves a file); else refused.
* **Cells are data**: nothing is evaluated. A number cell must read as a number (``12,400``,
  ``"1.2K"``, ``4.5%``, ``₩3,000``); ``—``, ``undefined`` and empty cells are missing values; anything
  else (``=1+1``, ``=cmd|...``) refuses the file naming the row and column. Text cells are kept as
  text and never executed.
* **Limits**: files above ``MAX_BYTES`` and tables above ``MAX_ROWS`` rows are refused; zips are
  checked member by member (size, compression ratio, names) before a byte is inflated.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import PurePosixPath

from kpiwizard.core.errors import UserError
from kpiwizard.core.korean import eul, i_ga
from kpiwizard.core.models import MAX_VALUE
from kpiwizard.core.resources import resource_path
from kpiwizard.core.text import t

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 500_000
MAX_ZIP_MEMBERS = 200
MAX_ZIP_TOTAL = 200 * 1024 * 1024
MAX_ZIP_RATIO = 200  # uncompressed ÷ compressed; text compresses ~10x, a bomb ~1000x
csv.field_size_limit(10 * 1024 * 1024)


def quote(word: object) -> str:
    """'word' in quotes, for a message that then picks its Korean particle (core/korean.py)."""
    return f"'{word}'"


class PlatformFileError(UserError):
    """A platform download that cannot be read; the message names the file (and row, column)."""


class Unrecognised(PlatformFileError):
    """A file (or zip member) of no shape this program knows: a zip skips such members."""


def fail(name: str, ko: str, en: str, row: int | None = None, column: str | None = None) -> PlatformFileError:
    where_ko, where_en = f"'{name}'", f"'{name}'"
    if row is not None:
        where_ko += f" {row}행"
        where_en += f", row {row}"
    if column is not None:
        where_ko += f" '{column}' 열"
        where_en += f", column '{column}'"
    return PlatformFileError(t(f"{where_ko}: {ko}", f"{where_en}: {en}"))


# -- the synonym table ------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def norm(header: str) -> str:
    """A header as the synonym table compares it: NFKC, case-blind, no spaces, no BOM or quotes."""
    text = unicodedata.normalize("NFKC", header).replace("\ufeff", "").strip().strip('"').casefold()
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class Synonyms:
    sections: dict[str, dict[str, str]]  # section -> normalised spelling -> field
    totals: frozenset[str]
    missing: frozenset[str]
    lifetime: frozenset[str]
    channel_hints: dict[str, tuple[str, ...]]

    def field(self, section: str, header: str) -> str | None:
        key = norm(header)
        found = self.sections.get(section, {}).get(key)
        if found is None and section != "common":
            found = self.sections["common"].get(key)
        return found


@lru_cache(maxsize=1)
def synonyms() -> Synonyms:
    data = json.loads(resource_path("platforms", "synonyms.json").read_text(encoding="utf-8"))
    sections: dict[str, dict[str, str]] = {}
    for name, fields in data.items():
        if name.startswith("_") or not isinstance(fields, dict) or name == "channel_hints":
            continue
        table: dict[str, str] = {}
        for field_name, spellings in fields.items():
            for s in spellings:
                table.setdefault(norm(s), field_name)
        sections[name] = table
    return Synonyms(
        sections,
        frozenset(norm(s) for s in data["totals_labels"]),
        frozenset(norm(s) for s in data["missing_values"]),
        frozenset(norm(s) for s in data["lifetime_values"]),
        {k: tuple(v) for k, v in data["channel_hints"].items()},
    )


def channel_from_name(name: str, default: str) -> str:
    folded = name.casefold()
    for channel, hints in synonyms().channel_hints.items():
        if any(h.casefold() in folded for h in hints):
            return channel
    return default


# -- bytes to rows ----------------------------------------------------------------------------------


def check_size(name: str, data: bytes) -> None:
    if len(data) > MAX_BYTES:
        raise fail(name, f"파일이 너무 큽니다({len(data) // 1_048_576} MB). 플랫폼 내보내기 파일은 보통 수 MB 이하입니다.",
                   f"the file is too large ({len(data) // 1_048_576} MB) to be a platform download.")
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise fail(name, "파일이 비어 있습니다.", "the file is empty.")


def decode(name: str, data: bytes) -> tuple[str, str]:
    """(text, encoding name): BOM → UTF-16 without BOM (bytes full of NULs) → UTF-8 → CP949."""
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8"), "UTF-8 (BOM)"
        if data.startswith(b"\xff\xfe"):
            return data[2:].decode("utf-16-le"), "UTF-16 LE"
        if data.startswith(b"\xfe\xff"):
            return data[2:].decode("utf-16-be"), "UTF-16 BE"
    except UnicodeDecodeError as e:
        raise fail(name, f"인코딩 표시(BOM)와 내용이 맞지 않습니다({e.start}번째 바이트): 파일이 잘렸거나 손상되었습니다.",
                   f"the text does not match its encoding mark (BOM) at byte {e.start}: the file is cut short or damaged.") from None
    head = data[:4000]
    if head.count(b"\x00") > len(head) // 4:
        odd_zero = head[1::2].count(0) > head[0::2].count(0)
        try:
            return data.decode("utf-16-le" if odd_zero else "utf-16-be"), "UTF-16"
        except UnicodeDecodeError:
            pass
        raise fail(name, "텍스트 파일이 아닙니다(0 바이트가 많습니다).", "this is not a text file (it is full of zero bytes).")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError as e:
        raise fail(name, f"UTF-8도 CP949(한글 Windows)도 아닌 인코딩입니다({e.start}번째 바이트). 플랫폼에서 다시 내려받아 주세요.",
                   f"the encoding is neither UTF-8 nor CP949 (Korean Windows) at byte {e.start}. Download the file again.") from None
    if sum(1 for ch in text[:4000] if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\r\n\t") > 4:
        raise fail(name, "글자를 읽을 수 없는 인코딩입니다. 플랫폼에서 다시 내려받아 주세요.",
                   "the text encoding cannot be read. Download the file again.")
    return text, "CP949"


def csv_rows(name: str, text: str, skip: int = 0) -> list[list[str]]:
    """All rows of a CSV text (comma, or the tab/semicolon a re-saved file may use)."""
    lines = text.splitlines(keepends=True)
    body = "".join(lines[skip:])
    sample = body[:5000]
    first = sample.splitlines()[0] if sample else ""
    delimiter = ","
    if first.count("\t") > first.count(",") and first.count("\t") > 0:
        delimiter = "\t"
    elif first.count(";") > first.count(",") and first.count(";") > 0:
        delimiter = ";"
    if body.count('"') % 2:
        raise fail(name, "따옴표가 닫히지 않았습니다: 파일이 중간에 잘린 것 같습니다.",
                   "a quoted cell never ends: the file looks cut short.", row=len(lines))
    rows: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(body, newline=""), delimiter=delimiter, strict=True):
            rows.append(row)
            if len(rows) > MAX_ROWS:
                raise fail(name, f"행이 너무 많습니다({MAX_ROWS:,}행 초과). 기간을 나누어 내려받으세요.",
                           f"too many rows (over {MAX_ROWS:,}). Download shorter periods.")
    except csv.Error as e:
        raise fail(name, f"CSV 형식이 깨졌습니다({e}).", f"the CSV is damaged ({e}).", row=len(rows) + skip + 1) from None
    return rows


def blank(row: list[str]) -> bool:
    return not any(c.strip() for c in row)


# -- cells --------------------------------------------------------------------------------------------

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?$")
_SUFFIX = {"k": 1e3, "m": 1e6, "b": 1e9, "천": 1e3, "만": 1e4, "억": 1e8}


def is_missing(cell: str) -> bool:
    return norm(cell) in synonyms().missing


class BadNumber(ValueError):
    pass


def number(cell: object) -> float | None:
    """A cell as a number; None when missing. Raises ``BadNumber`` for anything else."""
    if cell is None:
        return None
    if isinstance(cell, bool):
        raise BadNumber(str(cell))
    if isinstance(cell, (int, float)):
        value = float(cell)
    elif isinstance(cell, str) and _PLAIN.match(cell):
        value = float(cell)  # the common case: a plain number
    else:
        s = unicodedata.normalize("NFKC", str(cell)).strip().strip('"').strip()
        if is_missing(s):
            return None
        s = s.replace("\u2212", "-")
        for symbol in ("₩", "$", "€", "£", "¥", "원", "US"):
            s = s.replace(symbol, "")
        s = s.strip()
        if s.endswith("%"):
            s = s[:-1].strip()
        scale = 1.0
        if s and s[-1].casefold() in _SUFFIX and _PLAIN.match(s[:-1].strip().replace(",", "")):
            scale = _SUFFIX[s[-1].casefold()]
            s = s[:-1].strip()
        if _THOUSANDS.match(s):
            s = s.replace(",", "")
        elif " " in s and re.fullmatch(r"[+-]?\d{1,3}( \d{3})+(\.\d+)?", s):
            s = s.replace(" ", "")
        if not _PLAIN.match(s):
            raise BadNumber(str(cell))
        value = float(s) * scale
    if not math.isfinite(value) or abs(value) > MAX_VALUE:
        raise BadNumber(str(cell))
    return value


_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}


def _month(word: str) -> int | None:
    return _MONTHS.get(word[:3].casefold())


def parse_date(cell: object, as_of: date | None = None) -> date | None:
    """The date formats the platforms write; None when the cell is not a date.

    ISO (``2025-08-01T00:00:00``), 8 digits (GA4), ``MM/DD/YYYY[ HH:MM]`` (Meta, LinkedIn),
    ``Oct 3, 2026`` (YouTube), ``2026. 10. 3.`` and ``2026년 10월 3일`` (Korean UI), and TikTok's
    ``August 31`` / ``28 August`` without a year: the latest such day not after the download.
    """
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if cell is None:
        return None
    s = unicodedata.normalize("NFKC", str(cell)).strip().strip('"').strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?", s):  # also Excel's "2026-03-27 오전 6:08"
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?", s, re.IGNORECASE):
            return date(int(m[3]), int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})\s*[./년]\s*(\d{1,2})\s*[./월]\s*(\d{1,2})\s*[.일]?(?:\s+.*)?", s):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s+.*)?", s):
            month = _month(m[1])
            return date(int(m[3]), month, int(m[2])) if month else None
        if m := re.fullmatch(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})", s):
            month = _month(m[2])
            return date(int(m[3]), month, int(m[1])) if month else None
        m = re.fullmatch(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})", s) or re.fullmatch(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?", s)
        if m is None:
            m2 = re.fullmatch(r"(\d{1,2})\s*월\s*(\d{1,2})\s*일", s)
            if m2 is None:
                return None
            month, day_ = int(m2[1]), int(m2[2])
        else:
            word, num = (m[1], m[2]) if not m[1].isdigit() else (m[2], m[1])
            month, day_ = _month(word), int(num)
            if month is None:
                return None
        ref = as_of or date.today()
        for year in (ref.year, ref.year - 1):
            try:
                d = date(year, month, day_)
            except ValueError:
                continue
            if d <= ref:
                return d
        return None
    except ValueError:
        return None


# -- zips -----------------------------------------------------------------------------------------------


def safe_zip(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """The members of a zip, each checked before it is inflated: no path tricks, no bombs."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception:  # a damaged archive raises many kinds (BadZipFile, zlib.error, NotImplementedError...)  # noqa: BLE001
        raise fail(name, "압축 파일(zip)이 손상되었거나 잘렸습니다. 다시 내려받아 주세요.",
                   "the zip archive is damaged or cut short. Download it again.") from None
    try:
        if len(infos) > MAX_ZIP_MEMBERS:
            raise fail(name, f"압축 파일 안의 파일이 너무 많습니다({len(infos)}개).",
                       f"the zip holds too many files ({len(infos)}).")
        total = 0
        out: list[tuple[str, bytes]] = []
        for info in infos:
            member = info.filename
            path = PurePosixPath(member.replace("\\", "/"))
            if member.startswith(("/", "\\")) or ".." in path.parts or re.match(r"^[A-Za-z]:", member):
                raise fail(name, f"압축 파일 안의 {i_ga(quote(member))} 폴더 밖을 가리킵니다(경로 조작). 이 파일은 열지 않습니다.",
                           f"the member '{member}' points outside its folder (path traversal); the zip is refused.")
            if info.is_dir():
                continue
            if info.flag_bits & 0x1:
                raise fail(name, f"{i_ga(quote(member))} 암호로 잠겨 있습니다.", f"'{member}' is encrypted.")
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_BYTES or total > MAX_ZIP_TOTAL or (info.file_size > 1_000_000 and ratio > MAX_ZIP_RATIO):
                raise fail(name, f"'{member}'의 압축을 풀면 너무 커집니다({info.file_size // 1_048_576} MB, {ratio:.0f}배): 압축 폭탄으로 보고 열지 않습니다.",
                           f"'{member}' would inflate to {info.file_size // 1_048_576} MB ({ratio:.0f}x): refused as a zip bomb.")
            try:
                with zf.open(info) as f:
                    content = f.read(info.file_size + 1)
            except Exception as e:  # noqa: BLE001  (damaged member: BadZipFile, zlib.error, NotImplementedError...)
                raise fail(name, f"압축 파일 안의 {eul(quote(member))} 풀 수 없습니다: 손상되었습니다({type(e).__name__}).",
                           f"cannot unpack '{member}': it is damaged ({type(e).__name__}).") from None
            if len(content) > info.file_size:
                raise fail(name, f"{i_ga(quote(member))} 적힌 크기보다 큽니다: 압축 폭탄으로 보고 열지 않습니다.",
                           f"'{member}' is larger than it claims: refused as a zip bomb.")
            if not path.name.startswith(".") and "__MACOSX" not in path.parts:
                out.append((path.name, content))
        return out
    finally:
        zf.close()

