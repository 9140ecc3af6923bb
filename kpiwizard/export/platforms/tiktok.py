"""TikTok Studio's export: a zip of CSV (or XLSX) files, ``Overview``, ``FollowerHistory``,
``Content``, ``Viewers``, ``FollowerActivity``, ``FollowerGender``, ``FollowerTopTerritories``.

* Dates have no year (``"August 31"``, ``"28 August"``): the year is the one that puts the day on or
  before the download day.
* Missing values are the word ``undefined``; counts may read ``1.2K``.
* ``Overview`` (views, profile views, likes, comments, shares) and ``FollowerHistory`` (the follower
  count, a stock) are daily series; ``Content`` is one row per video with lifetime totals as of the
  download (``Post time``), counted on the publish day; ``Viewers`` counts people per day (not
  summable). Activity, gender and territory files describe the audience and feed no KPI.
* TikTok's own numbers lag 2–3 days, which the provisional marking of the last three days covers.
"""

from __future__ import annotations

from datetime import date

from kpiwizard.core.aggregate import ParsedFile, Reading
from kpiwizard.core.text import t

from .tables import Table, is_totals, metric_map, series_file, unknown_note

OVERVIEW = t("TikTok 스튜디오 일별 개요", "TikTok Studio overview")
FOLLOWERS = t("TikTok 스튜디오 팔로워 기록", "TikTok Studio follower history")
CONTENT = t("TikTok 스튜디오 동영상별 내보내기", "TikTok Studio content export")
VIEWERS = t("TikTok 스튜디오 시청자", "TikTok Studio viewers")

_SPECIFIC = ("views", "profile_visits", "followers", "followers_change", "viewers", "new_viewers")


def is_daily(table: Table) -> bool:
    return table.has("date") and any(table.has(f) for f in _SPECIFIC) and not table.has("publish_time")


def is_content(table: Table) -> bool:
    return table.has("publish_time", "video_link")


def read_daily(table: Table, as_of: date) -> ParsedFile:
    date_col = table.need("date")
    metrics = metric_map(table, {date_col})
    label = OVERVIEW
    if table.has("followers"):
        label = FOLLOWERS
        metrics = {i: m for i, m in metrics.items() if m != "followers_change"}
    elif table.has("viewers"):
        label = VIEWERS
    out = series_file(table, label, "TikTok", date_col, metrics, as_of, sum_same_day=False)
    note = unknown_note(table, metrics, {date_col})
    if note:
        out.ignored.append(note)
    return out


def read_content(table: Table, as_of: date) -> ParsedFile:
    link_col, time_col = table.need("video_link"), table.need("publish_time")
    skip: set[int | None] = {link_col, time_col}
    metrics = metric_map(table, skip)
    readings: list[Reading] = []
    first = last = None
    count = totals = 0
    for row, cells in table.rows:
        if all(c is None or not str(c).strip() for c in cells):
            continue
        link = table.text(cells, link_col)
        if not link or is_totals(link):
            totals += 1
            continue
        d = table.day(row, cells, time_col, as_of, "post time")
        count += 1
        first = d if first is None or d < first else first
        last = d if last is None or d > last else last
        readings.append(Reading("posts", 1.0, d, d, "TikTok", "post", key=link, as_of=as_of, file=table.name, row=row))
        for i, metric in metrics.items():
            value = table.num(row, cells, i)
            if value is not None:
                readings.append(Reading(metric, value, d, d, "TikTok", "post", key=link, as_of=as_of,
                                        file=table.name, row=row, column=table.column_key(i)))
    ignored = []
    if totals:
        ignored.append(t(f"빈 행·합계 행 {totals}개", f"{totals} empty or totals row(s)"))
    note = unknown_note(table, metrics, skip)
    if note:
        ignored.append(note)
    return ParsedFile(table.name, "tiktok_content", CONTENT, "TikTok", readings, table.columns({**metrics, link_col: "posts"}), ignored,
                      first, as_of if first else None, as_of, count, "post")
