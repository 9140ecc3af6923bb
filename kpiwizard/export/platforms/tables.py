"""A header row and its data rows turned into readings: the part every table-shaped download shares.

A ``Table`` knows which column is which field (through the synonym table), refuses a column that
appears twice or a header repeated inside the data (two exports pasted together), reads every
number cell strictly and names the row and column of the first cell it cannot read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from kpiwizard.core.aggregate import Column, ParsedFile, Reading
from kpiwizard.core.korean import eul, eun
from kpiwizard.core.text import Text, t

from .common import (
    BadNumber,
    fail,
    is_missing,
    norm,
    number,
    parse_date,
    quote,
    synonyms,
)

# Fields that name or date a row: never read as numbers.
ROLES = frozenset({
    "date", "post_id", "publish_time", "lifetime_marker", "post_type", "account_username", "page_id",
    "content_id", "campaign_id", "campaign_name", "report_start", "report_end", "channel_group", "campaign",
    "source_medium", "video_link", "post_link", "average_view_duration",
})


@dataclass
class Table:
    name: str  # file name for messages ("export.zip/Chart data.csv")
    section: str  # synonym section
    platform: str  # column keys: "platform:header"
    header: Sequence[object]
    rows: Sequence[tuple[int, Sequence[object]]]  # (1-based row number in the file, cells)
    fields: list[str | None] = field(default_factory=list)
    own: int = 0  # headers found in the platform's own section: how sure the recognition is

    def __post_init__(self) -> None:
        syn = synonyms()
        mine = syn.sections.get(self.section, {})
        self.own = sum(1 for h in self.header if norm(str(h or "")) in mine)
        self.fields = []
        seen: dict[str, int] = {}
        for i, h in enumerate(self.header):
            text = str(h if h is not None else "").strip()
            key = norm(text)
            if key and key in seen:
                raise fail(self.name, f"'{text}' 열이 두 번 있습니다({seen[key] + 1}번째와 {i + 1}번째 열). 어느 쪽을 읽을지 알 수 없습니다.",
                           f"the column '{text}' appears twice (columns {seen[key] + 1} and {i + 1}); "
                           "it is unclear which one to read.")
            if key:
                seen[key] = i
            self.fields.append(syn.field(self.section, text) if key else None)
        header_keys = [norm(str(h or "")) for h in self.header]
        first_key = next((k for k in header_keys if k), "")
        first_at = header_keys.index(first_key) if first_key else 0
        for number_, cells in self.rows:
            if not cells or first_at >= len(cells) or norm(str(cells[first_at] or "")) != first_key:
                continue  # a repeated header starts with the header's first name
            same = sum(1 for a, b in zip(header_keys, cells, strict=False) if a and a == norm(str(b or "")))
            if same >= max(2, len([k for k in header_keys if k]) // 2 + 1):
                raise fail(self.name, "머리글 행이 데이터 중간에 다시 나옵니다: 두 파일을 이어 붙인 것 같습니다. 각각 따로 가져오세요.",
                           "the header row appears again inside the data: two exports pasted together? "
                           "Import them as separate files.", row=number_)

    def index(self, field_name: str) -> int | None:
        for i, f in enumerate(self.fields):
            if f == field_name:
                return i
        return None

    def need(self, field_name: str) -> int:
        """The column of a field the recognition already found (a bug if it is missing)."""
        i = self.index(field_name)
        if i is None:
            raise fail(self.name, f"'{field_name}' 열이 없습니다.", f"the '{field_name}' column is missing.")
        return i

    def has(self, *names: str) -> bool:
        return all(self.index(n) is not None for n in names)

    def cell(self, cells: Sequence[object], i: int | None) -> object:
        if i is None or i >= len(cells):
            return None
        return cells[i]

    def text(self, cells: Sequence[object], i: int | None) -> str:
        value = self.cell(cells, i)
        return "" if value is None else str(value).strip()

    def num(self, row: int, cells: Sequence[object], i: int) -> float | None:
        try:
            return number(self.cell(cells, i))
        except BadNumber:
            raise fail(self.name, f"{eun(quote(str(self.cell(cells, i))[:40]))} 숫자가 아닙니다. 셀 내용은 계산하지 않고 글자 그대로 둡니다.",
                       f"'{str(self.cell(cells, i))[:40]}' is not a number (cells are never evaluated).",
                       row=row, column=str(self.header[i])) from None

    def day(self, row: int, cells: Sequence[object], i: int, as_of: date | None, what: str = "date") -> date:
        value = self.cell(cells, i)
        d = parse_date(value, as_of)
        if d is None:
            raise fail(self.name, f"{eul(quote(str(value)[:40]))} 날짜로 읽을 수 없습니다.",
                       f"'{str(value)[:40]}' is not a {what} this program can read.",
                       row=row, column=str(self.header[i]))
        return d

    def numeric_columns(self, skip: set[int | None]) -> list[int]:
        """Columns (other than ``skip``) whose every non-missing cell is a number."""
        out = []
        for i, f in enumerate(self.fields):
            if i in skip or (f is not None and (f.startswith("_") or f in ROLES)):
                continue
            if f is not None:
                out.append(i)
                continue
            values = [self.cell(c, i) for _, c in self.rows]
            present = [v for v in values if v is not None and not is_missing(str(v))]
            try:
                if present and all(number(v) is not None for v in present):
                    out.append(i)
            except BadNumber:
                continue
        return out

    def column_key(self, i: int) -> str:
        return f"{self.platform}:{norm(str(self.header[i] or ''))}"

    def columns(self, metric_of: Mapping[int, str | None]) -> list[Column]:
        cols = []
        for i, h in enumerate(self.header):
            text = str(h or "").strip()
            if text:
                cols.append(Column(text, self.column_key(i), metric_of.get(i)))
        return cols


def is_totals(cell: object) -> bool:
    if cell is None or isinstance(cell, (int, float)):
        return False
    text = str(cell)
    if text[:1].isdigit():
        return False
    return norm(text) in synonyms().totals


def series_file(
    table: Table,
    label,
    channel: str,
    date_col: int,
    metrics: dict[int, str],
    as_of: date,
    source: str = "daily",
    sum_same_day: bool = True,
    column_key: str | None = None,
) -> ParsedFile:
    """A table with one date column and number columns: one reading per metric and day.

    Rows of the same day (a long-format export with one row per video, say) are added up first,
    so a day's figure is one reading.
    """
    keys = {m: _column_of(table, metrics, m) for m in metrics.values()}
    per_day: dict[tuple[str, date], float] = defaultdict(float)
    rows_of: dict[tuple[str, date], int] = {}
    totals = 0
    first = last = None
    count = 0
    for row, cells in table.rows:
        if all(c is None or not str(c).strip() for c in cells):
            continue
        if is_totals(table.cell(cells, date_col)) or (cells and is_totals(cells[0])):
            totals += 1
            continue
        d = table.day(row, cells, date_col, as_of)
        count += 1
        first = d if first is None or d < first else first
        last = d if last is None or d > last else last
        for i, metric in metrics.items():
            value = table.num(row, cells, i)
            if value is None:
                continue
            key = (metric, d)
            if key in rows_of and not sum_same_day:
                raise fail(table.name, f"{d.isoformat()} 날짜가 두 번 나옵니다.", f"the date {d.isoformat()} appears twice.", row=row)
            per_day[key] += value
            rows_of.setdefault(key, row)
    readings = [
        Reading(metric, value, d, d, channel, source, as_of=max(as_of, last or as_of), file=table.name, row=rows_of[(metric, d)],
                column=column_key if column_key is not None else keys[metric])
        for (metric, d), value in sorted(per_day.items())
    ]
    ignored = []
    if totals:
        ignored.append(t(f"합계 행 {totals}개(다시 더하지 않음)", f"{totals} totals row(s) (not added again)"))
    out = ParsedFile(table.name, table.platform, label, channel, readings,
                     table.columns(metrics), ignored, first, last, max(as_of, last or as_of), count, source)
    return out


def _column_of(table: Table, metrics: dict[int, str], metric: str) -> str:
    for i, m in metrics.items():
        if m == metric:
            return table.column_key(i)
    return ""


def metric_map(table: Table, skip: set[int | None], rename: dict[str, str] | None = None) -> dict[int, str]:
    """Column index -> metric: known fields by their name (renamed), others as ``col:KEY``."""
    out: dict[int, str] = {}
    for i in table.numeric_columns(skip):
        f = table.fields[i]
        if f is None:
            out[i] = f"col:{table.column_key(i)}"
        else:
            out[i] = (rename or {}).get(f, f)
    return out


def unknown_note(table: Table, metrics: Mapping[int, str], skip: set[int | None]) -> Text | None:
    names = [str(table.header[i]) for i, f in enumerate(table.fields)
             if f is None and i not in metrics and i not in skip
             and str(table.header[i] or "").strip()]
    if not names:
        return None
    shown = ", ".join(names[:8]) + (" …" if len(names) > 8 else "")
    return t(f"모르는 열: {shown}", f"unknown columns: {shown}")
