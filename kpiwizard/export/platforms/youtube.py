"""YouTube Studio's export: a zip of ``Table data.csv``, ``Chart data.csv`` and ``Totals.csv``.

* The files are told apart by their columns, not their names (the names are localised, e.g.
  Turkish ``Tablo verileri.csv``).
* **Chart data** and **Totals** carry a date column: one row per day (long format: date, one
  dimension such as the video, one metric; or wide: several metrics). Rows of the same day are
  added up. ``누적 구독자`` (cumulative subscribers) is the running total of subscribers gained within
  the download's date range, not the channel's subscriber count: it feeds no follower KPI.
* **Table data** has one row per video, after a first ``Total``/``합계`` row. Its numbers cover the
  report's date range, which the file does not state, so they are not split into periods: only
  each video's publish day is used (one post). Read the daily numbers from Chart data instead.
* Missing values are ``—``; headers vary in spacing (``노출 클릭률 (%)`` / ``노출 클릭률(%)``).
"""

from __future__ import annotations

from datetime import date

from kpiwizard.core.aggregate import ParsedFile, Reading
from kpiwizard.core.text import t

from .tables import Table, is_totals, metric_map, series_file, unknown_note

TABLE_LABEL = t("YouTube 스튜디오 표 데이터", "YouTube Studio table data")
CHART_LABEL = t("YouTube 스튜디오 일별 데이터", "YouTube Studio chart data")


def is_chart(table: Table) -> bool:
    specific = sum(1 for f in table.fields if f in ("views", "watch_time_hours", "subscribers_net", "subscribers_running_total",
                                                     "engaged_views", "impressions"))
    return table.has("date") and specific >= 1


def is_table(table: Table) -> bool:
    return table.has("content_id") and not table.has("date")


def read_chart(table: Table, as_of: date) -> ParsedFile:
    date_col = table.need("date")
    skip: set[int | None] = {date_col}
    dim = table.index("content_id")
    if dim is not None:
        skip.add(dim)
    metrics = metric_map(table, skip)
    out = series_file(table, CHART_LABEL, "YouTube", date_col, metrics, as_of)
    note = unknown_note(table, metrics, skip)
    if note:
        out.ignored.append(note)
    return out


def read_table(table: Table, as_of: date) -> ParsedFile:
    id_col, time_col = table.need("content_id"), table.index("publish_time")
    readings: list[Reading] = []
    first = last = None
    totals = count = 0
    for row, cells in table.rows:
        if all(c is None or not str(c).strip() for c in cells):
            continue
        content = table.text(cells, id_col)
        if is_totals(content):
            totals += 1
            continue
        count += 1
        if time_col is None or not table.text(cells, time_col) or table.text(cells, time_col) in ("—", "-"):
            continue
        d = table.day(row, cells, time_col, as_of, "publish time")
        first = d if first is None or d < first else first
        last = d if last is None or d > last else last
        readings.append(Reading("posts", 1.0, d, d, "YouTube", "post", key=content, as_of=as_of, file=table.name, row=row))
    ignored = []
    if totals:
        ignored.append(t(f"합계 행 {totals}개", f"{totals} totals row(s)"))
    metrics = metric_map(table, {c for c in (id_col, time_col) if c is not None})
    if metrics:
        ignored.append(t("동영상별 숫자: 파일에 기간이 적혀 있지 않아 기간별로 나눌 수 없습니다(일별 숫자는 Chart data에서 읽습니다).",
                         "per-video numbers: the file does not state their date range, so they cannot be split into "
                         "periods (daily numbers are read from Chart data)."))
    return ParsedFile(table.name, "youtube_table", TABLE_LABEL, "YouTube", readings,
                      table.columns({id_col: "posts"}), ignored, first, as_of if first else None, as_of, count, "post")
