"""LinkedIn page analytics (``.xls``, read with xlrd; ``.xlsx`` and CSV copies read the same way).

* Row 1 of each sheet is a description; **the header is on the second row**.
* The metrics sheet: ``Date, Impressions (total), Clicks (total), Reactions (total), Comments
  (total), Reposts (total), …`` — newer files say ``Reposts``, older ones ``Shares``; both are
  shares. The organic/sponsored splits and the engagement-rate columns are not read (the totals
  are, and rates are recomputed).
* The followers file's ``New followers`` sheet: ``Total followers`` there is the day's *new*
  followers (sponsored + organic + auto-invited), not the follower count; it feeds no KPI unless
  mapped by hand. Location, job function, seniority, industry and company-size sheets describe
  the audience and are skipped.
* The posts sheet: one row per post (``Created date`` as ``MM/DD/YYYY``), counted on its day.
"""

from __future__ import annotations

from datetime import date

from kpiwizard.core.aggregate import ParsedFile, Reading
from kpiwizard.core.text import t

from .common import PlatformFileError, fail
from .tables import Table, is_totals, metric_map, series_file, unknown_note

METRICS = t("LinkedIn 페이지 분석(콘텐츠 지표)", "LinkedIn page analytics (content metrics)")
FOLLOWERS = t("LinkedIn 페이지 분석(새 팔로워)", "LinkedIn page analytics (new followers)")
POSTS = t("LinkedIn 페이지 분석(게시물)", "LinkedIn page analytics (posts)")
_POST_RENAME = {"post_impressions": "impressions", "post_clicks": "clicks", "post_likes": "likes",
                "post_comments": "comments", "post_shares": "shares", "post_follows": "follows"}


def header_row(name: str, grid: list[list[object]], section: str = "linkedin") -> int | None:
    """Row 0 is a description; the header is the first of the next rows that names known fields."""
    for i in range(min(3, len(grid))):
        table = Table(name, section, "linkedin", [str(c or "").strip() for c in grid[i]], [])
        known = [f for f in table.fields if f and not f.startswith("_")]
        if len(known) >= 2 and (table.has("date") or table.has("publish_time")):
            return i
    return None


def read_sheet(name: str, grid: list[list[object]], as_of: date) -> ParsedFile | None:
    at = header_row(name, grid)
    if at is None:
        return None
    header = [str(c or "").strip() for c in grid[at]]
    table = Table(name, "linkedin", "linkedin", header, [(at + 2 + k, r) for k, r in enumerate(grid[at + 1:])])
    if table.has("publish_time"):
        return _posts(table, as_of)
    date_col = table.need("date")
    metrics = metric_map(table, {date_col})
    if not metrics:
        return None
    label = FOLLOWERS if table.has("new_follows") else METRICS
    out = series_file(table, label, "LinkedIn", date_col, metrics, as_of, sum_same_day=False)
    note = unknown_note(table, metrics, {date_col})
    if note:
        out.ignored.append(note)
    return out


def _posts(table: Table, as_of: date) -> ParsedFile:
    time_col, link_col = table.need("publish_time"), table.index("post_link")
    skip: set[int | None] = {c for c in (time_col, link_col) if c is not None}
    metrics = metric_map(table, skip, _POST_RENAME)
    readings: list[Reading] = []
    first = last = None
    count = 0
    for row, cells in table.rows:
        if all(c is None or not str(c).strip() for c in cells) or is_totals(table.cell(cells, 0)):
            continue
        d = table.day(row, cells, time_col, as_of, "created date")
        key = table.text(cells, link_col) or f"row{row}"
        count += 1
        first = d if first is None or d < first else first
        last = d if last is None or d > last else last
        readings.append(Reading("posts", 1.0, d, d, "LinkedIn", "post", key=key, as_of=as_of, file=table.name, row=row))
        for i, metric in metrics.items():
            value = table.num(row, cells, i)
            if value is not None:
                readings.append(Reading(metric, value, d, d, "LinkedIn", "post", key=key, as_of=as_of,
                                        file=table.name, row=row, column=table.column_key(i)))
    return ParsedFile(table.name, "linkedin_posts", POSTS, "LinkedIn", readings, table.columns({**metrics, time_col: "posts"}), [],
                      first, as_of if first else None, as_of, count, "post")


def xls_grids(name: str, data: bytes) -> list[tuple[str, list[list[object]]]]:
    """Every sheet of an .xls as rows of Python values (dates as ``datetime``); xlrd reads it."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except Exception as e:  # xlrd raises many kinds for damaged files  # noqa: BLE001
        raise fail(name, f"엑셀 97-2003(.xls) 파일을 열 수 없습니다: 손상되었거나 잘렸습니다({type(e).__name__}).",
                   f"the Excel 97-2003 (.xls) file cannot be opened: it is damaged or cut short ({type(e).__name__}).") from None
    out = []
    try:
        for sheet_name in book.sheet_names():
            sheet = book.sheet_by_name(sheet_name)
            if sheet.nrows > 500_000:
                raise fail(name, "시트의 행이 너무 많습니다.", "a sheet has too many rows.")
            grid = []
            for r in range(sheet.nrows):
                row = []
                for c in range(sheet.ncols):
                    cell = sheet.cell(r, c)
                    if cell.ctype == xlrd.XL_CELL_DATE:
                        try:
                            row.append(xlrd.xldate_as_datetime(cell.value, book.datemode))
                        except (ValueError, OverflowError):
                            row.append(cell.value)
                    elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) or cell.ctype == xlrd.XL_CELL_ERROR:
                        row.append(None)
                    else:
                        row.append(cell.value)
                grid.append(row)
            out.append((sheet_name, grid))
            book.unload_sheet(sheet_name)
    except Exception as e:
        if isinstance(e, PlatformFileError):
            raise
        raise fail(name, f".xls 파일의 내용이 손상되었습니다({type(e).__name__}).",
                   f"the .xls file's content is damaged ({type(e).__name__}).") from None
    finally:
        book.release_resources()
    return out

