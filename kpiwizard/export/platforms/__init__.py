"""Reading the platforms' own downloads into the plan: the API the app and the command call.

    preview = plan_import(project, paths, lang)          # reads, recognises, aggregates; writes nothing
    print(preview.render(lang))                            # or show it in a dialog
    new_project = apply_import(project, preview)           # a new Project; save it atomically

A file is recognised by its shape (a ``sep=`` line, a ``#`` comment block, a zip's members, an
.xls with its header on the second row) and by its headers through the synonym table
(``resources/platforms/synonyms.json``), never by its name. All or nothing: the first file that
cannot be read stops the import with a ``PlatformFileError`` naming the file (and the row and
column), and nothing is returned to save. The platform modules load only when a file needs them.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from kpiwizard.core.aggregate import (
    ImportPreview,
    ParsedFile,
    apply_preview,
    build_preview,
)
from kpiwizard.core.enums import Lang
from kpiwizard.core.korean import eun
from kpiwizard.core.models import Project
from kpiwizard.core.text import t

from .common import (
    MAX_BYTES,
    PlatformFileError,
    Unrecognised,
    check_size,
    csv_rows,
    decode,
    fail,
    quote,
    safe_zip,
)

__all__ = [
    "ImportPreview",
    "PlatformFileError",
    "apply_import",
    "assign_meta_channel",
    "plan_import",
    "read_bytes_as",
    "read_files",
]


def plan_import(
    project: Project,
    paths: Sequence[str | os.PathLike[str]],
    lang: Lang | str = Lang.KO,
    mappings: dict[str, str] | None = None,
) -> ImportPreview:
    """Read ``paths`` and compute what importing them would change. Nothing is written.

    ``mappings``: column key (``platform:header``, as the preview lists unmapped columns) → KPI id of
    this plan; a mapped column replaces that KPI's automatic sources. ``lang`` is accepted for the
    caller's convenience; the preview carries both languages (``preview.render(lang)``).
    """
    files = assign_meta_channel(read_files(paths))
    return build_preview(project, files, mappings)


def assign_meta_channel(files: list[ParsedFile]) -> list[ParsedFile]:
    """Meta's daily Views / Viewers / Content interactions files do not say whose they are.

    When the same import holds post exports of exactly one Meta channel (Instagram or Facebook),
    the unnamed daily files are that channel's, so its daily figures take precedence over its
    per-post totals instead of being added to them. Otherwise they stay a channel of their own,
    "Meta", and the preview says how to name them (a file name containing instagram/facebook).
    """
    post_channels = {f.channel for f in files if f.platform == "meta_posts"}
    unnamed = [f for f in files if f.platform == "meta_daily" and f.channel == "Meta"]
    if not unnamed:
        return files
    if len(post_channels) == 1:
        channel = next(iter(post_channels))
        for f in unnamed:
            f.channel = channel
            f.readings = [replace(r, channel=channel) for r in f.readings]
            f.ignored.append(t(f"어느 계정의 파일인지 적혀 있지 않아, 함께 가져온 게시물 내보내기의 채널({channel})로 봅니다",
                               f"the file does not say whose it is: taken as {channel}'s, like the post export imported with it"))
    else:
        for f in unnamed:
            f.ignored.append(t("어느 계정(Instagram/Facebook)의 파일인지 적혀 있지 않아 'Meta' 채널로 따로 셉니다. 파일 이름에 instagram이나 facebook을 넣으면 그 채널로 셉니다",
                               "the file does not say whether it is Instagram's or Facebook's, so it counts as a channel of its own, "
                               "'Meta'; put instagram or facebook in the file name to count it as that channel"))
    return files


def apply_import(project: Project, preview: ImportPreview) -> Project:
    """The project with the preview's values written in (a new object; ``project`` is unchanged)."""
    return apply_preview(project, preview)


def read_files(paths: Iterable[str | os.PathLike[str]]) -> list[ParsedFile]:
    out: list[ParsedFile] = []
    for p in paths:
        path = Path(p)
        data = _read(path)
        as_of = _mtime_day(path)
        out.extend(read_bytes_as(path.name, data, as_of))
    return out


def read_bytes_as(name: str, data: bytes, as_of: date) -> list[ParsedFile]:
    """The files found in one download's bytes (a zip gives one per member)."""
    check_size(name, data)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        members = safe_zip(name, data)
        if any(m == "[Content_Types].xml" for m, _ in members):
            return [_settle(f) for f in _xlsx(name, data, as_of)]
        found: list[ParsedFile] = []
        skipped: list[str] = []
        for member, content in members:
            label = f"{name}/{member}"
            if not member.casefold().endswith((".csv", ".xlsx", ".xls", ".txt")):
                skipped.append(member)
                continue
            try:
                found.extend(read_bytes_as(label, content, as_of))
            except Unrecognised:
                skipped.append(member)
        if not found:
            raise fail(name, "압축 파일 안에서 알아볼 수 있는 플랫폼 파일을 찾지 못했습니다"
                       f"({', '.join(skipped[:6]) or '빈 압축 파일'}).",
                       "no platform download found inside the zip "
                       f"({', '.join(skipped[:6]) or 'empty archive'}).")
        for f in found:
            if skipped:
                f.ignored.append(t(f"압축 파일 안의 다른 파일: {', '.join(skipped[:6])}",
                                   f"other files in the zip: {', '.join(skipped[:6])}"))
                break
        return found
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return [_settle(f) for f in _xls(name, data, as_of)]
    text, _encoding = decode(name, data)
    return [_settle(_text(name, text, as_of))]


def _read(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise PlatformFileError(t(f"{eun(quote(path))} 파일이 아니라 폴더입니다.", f"'{path}' is a folder, not a file."))
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device would block or never end
            raise PlatformFileError(t(f"{eun(quote(path))} 일반 파일이 아닙니다(파이프나 장치).",
                                      f"'{path}' is not a regular file (a pipe or a device)."))
        if info.st_size > MAX_BYTES:
            raise fail(path.name, f"파일이 너무 큽니다({info.st_size // 1_048_576} MB).",
                       f"the file is too large ({info.st_size // 1_048_576} MB) to be a platform download.")
        with open(path, "rb") as f:
            return f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise PlatformFileError(t(f"'{path}' 파일을 찾을 수 없습니다.", f"The file '{path}' does not exist.")) from None
    except PermissionError:
        raise PlatformFileError(t(f"'{path}' 파일을 읽을 권한이 없습니다.", f"No permission to read '{path}'.")) from None
    except OSError as e:
        raise PlatformFileError(t(f"'{path}' 파일을 읽을 수 없습니다: {e.strerror or e}",
                                  f"Cannot read '{path}': {e.strerror or e}")) from None


def _mtime_day(path: Path) -> date:
    """The download day: when the file was last written (a copy keeps it on most systems)."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).date()
    except (OSError, OverflowError, ValueError):
        return date.today()


def _settle(f: ParsedFile) -> ParsedFile:
    """A file's readings are as of its download day, and a file cannot predate its own rows."""
    as_of = max(d for d in (f.as_of, f.last) if d is not None) if (f.as_of or f.last) else f.as_of
    f.as_of = as_of
    f.readings = [r if r.as_of == as_of else replace(r, as_of=as_of) for r in f.readings]
    return f


def _text(name: str, text: str, as_of: date) -> ParsedFile:
    from . import meta

    if meta.is_daily(text):
        return meta.read_daily(name, text, as_of)
    from . import ga4

    if ga4.is_ga4(text):
        return ga4.read_ga4(name, text, as_of)
    rows = csv_rows(name, text)
    return _grid(name, [(i + 1, r) for i, r in enumerate(rows)], as_of, strict_width=True)


def _grid(name: str, numbered: list[tuple[int, list]], as_of: date, strict_width: bool = False) -> ParsedFile:
    """A table whose header is on row 1 (or row 2 after a description line, as LinkedIn writes)."""
    from . import linkedin, meta, tiktok, youtube
    from .tables import Table

    body = [(n, r) for n, r in numbered if any(str(c).strip() for c in r if c is not None)]
    if not body:
        raise fail(name, "파일에 표가 없습니다.", "the file holds no table.")
    seen_headers: list[str] = []
    for start in range(min(2, len(body))):
        header_line, header = body[start]
        header = [str(c if c is not None else "").strip() for c in header]
        seen_headers = seen_headers or header
        rows = body[start + 1:]
        candidates = (
            ("meta_posts", meta.is_posts, meta.read_posts),
            ("meta_ads", meta.is_ads, meta.read_ads),
            ("youtube_table", youtube.is_table, youtube.read_table),
            ("youtube_chart", youtube.is_chart, youtube.read_chart),
            ("tiktok", tiktok.is_content, tiktok.read_content),
            ("tiktok", tiktok.is_daily, tiktok.read_daily),
            ("linkedin", lambda tb: tb.has("date") and any(
                f in ("impressions", "new_follows", "clicks") for f in tb.fields if f), None),
        )
        # The platform whose own spellings match the most headers wins (ties: the order above).
        best = None
        for section, test, reader in candidates:
            table = Table(name, section, section, header, [])
            if test(table) and (best is None or table.own > best[0]):
                best = (table.own, section, reader)
        if best is None:
            continue
        _, section, reader = best
        if strict_width:
            for row, cells in rows:
                if len(cells) < len(header) and row == rows[-1][0] and len(cells) > 0:
                    raise fail(name, f"마지막 행의 칸이 모자랍니다({len(cells)}칸, 머리글 {len(header)}칸): 파일이 중간에 잘린 것 같습니다.",
                               f"the last row has {len(cells)} cells where the header has {len(header)}: "
                               "the file looks cut short.", row=row)
        if reader is None:  # LinkedIn (a CSV or a re-saved sheet): its header may be on row 2
            parsed = linkedin.read_sheet(name, [r for _, r in body], as_of)
            if parsed is not None:
                return parsed
            continue
        return reader(Table(name, section, section, header, rows), as_of)
    shown = ", ".join(h for h in seen_headers if h)[:120]
    raise Unrecognised(t(
        f"'{name}': 어느 플랫폼의 내보내기 파일인지 알 수 없습니다(열: {shown or '없음'}). "
        "Meta 비즈니스 스위트, YouTube 스튜디오, Google 애널리틱스 4, TikTok 스튜디오, LinkedIn에서 내려받은 파일을 넣어 주세요.",
        f"'{name}': not recognised as a platform download (columns: {shown or 'none'}). "
        "Use a file downloaded from Meta Business Suite, YouTube Studio, Google Analytics 4, TikTok Studio or LinkedIn."))


def _xls(name: str, data: bytes, as_of: date) -> list[ParsedFile]:
    from . import linkedin

    out = []
    skipped = []
    for sheet, grid in linkedin.xls_grids(name, data):
        parsed = linkedin.read_sheet(f"{name}/{sheet}", grid, as_of)
        if parsed is None:
            skipped.append(sheet)
        else:
            out.append(parsed)
    if not out:
        raise fail(name, f"알아볼 수 있는 시트가 없습니다({', '.join(skipped[:6])}).",
                   f"no sheet this program recognises ({', '.join(skipped[:6])}).")
    if skipped:
        out[0].ignored.append(t(f"건너뛴 시트: {', '.join(skipped[:8])}", f"sheets skipped: {', '.join(skipped[:8])}"))
    return out


def _xlsx(name: str, data: bytes, as_of: date) -> list[ParsedFile]:
    """An .xlsx (TikTok's XLSX export, a LinkedIn file re-saved): each sheet as a table."""
    import io
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, EOFError) as e:
        raise fail(name, f"엑셀(.xlsx) 파일을 열 수 없습니다({type(e).__name__}).",
                   f"the Excel (.xlsx) file cannot be opened ({type(e).__name__}).") from None
    except Exception as e:  # openpyxl's parser raises many kinds for damaged XML  # noqa: BLE001
        raise fail(name, f"엑셀(.xlsx) 파일이 손상되었습니다({type(e).__name__}).",
                   f"the Excel (.xlsx) file is damaged ({type(e).__name__}).") from None
    out: list[ParsedFile] = []
    skipped: list[str] = []
    try:
        if "_kpiwizard" in wb.sheetnames or "_meta" in wb.sheetnames:
            raise fail(name, "KPI 마법사의 추적표입니다. 'import-actuals' 명령(또는 앱의 추적표 가져오기)으로 읽어 주세요.",
                       "this is KPI Wizard's own tracker; read it with 'import-actuals' (or the app's tracker import).")
        for ws in wb.worksheets:
            grid = []
            for n, row in enumerate(ws.iter_rows(values_only=True)):
                if n > 500_000:
                    raise fail(name, "시트의 행이 너무 많습니다.", "a sheet has too many rows.")
                grid.append(list(row))
            label = f"{name}/{ws.title}"
            try:
                out.append(_settle(_grid(label, [(i + 1, r) for i, r in enumerate(grid)], as_of)))
            except Unrecognised:
                skipped.append(ws.title)
    finally:
        wb.close()
    if not out:
        raise Unrecognised(t(f"'{name}': 알아볼 수 있는 시트가 없습니다({', '.join(skipped[:6])}).",
                              f"'{name}': no sheet this program recognises ({', '.join(skipped[:6])})."))
    return out
