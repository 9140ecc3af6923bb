"""Meta Business Suite downloads: the post ("content") export, the daily insight files, the ads export.

* **Post export** (Facebook, Instagram): UTF-8 with BOM, header on row 1, one row per post with
  lifetime numbers as of the download. ``Date`` holds ``Lifetime`` (Spanish ``Total``); the post's
  day is ``Publish time`` (``MM/DD/YYYY HH:MM``). Numbers may carry thousands separators; the
  column set changes month to month (32–34 columns), so columns are matched by name, never by place.
  Each post also counts as one post (``posts``) on its publish day.
* **Daily insight file** (one metric per file): UTF-16 LE with BOM, line 1 ``sep=,``, line 2 the
  metric's name, line 3 ``"Date","Primary"``, then ``"2025-08-01T00:00:00","20"``; days with zero
  are left out, so a day inside the file's span with no row is a real zero.
* **Ads export** (Korean headers ``캠페인 이름, 지출 금액, 노출, 도달, 링크 클릭, …, 보고 시작, 보고 종료``)
  with a ``합계`` totals row, or in English an unnamed summary row. The totals row is the figure we
  use when there is one: its reach counts each person once across campaigns.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from kpiwizard.core.aggregate import Column, ParsedFile, Reading
from kpiwizard.core.text import t

from .common import Unrecognised, channel_from_name, csv_rows, fail, norm, synonyms
from .tables import Table, is_totals, metric_map, series_file, unknown_note

POSTS_LABEL = t("Meta 비즈니스 스위트 게시물 내보내기", "Meta Business Suite post export")
DAILY_LABEL = t("Meta 비즈니스 스위트 일별 인사이트", "Meta Business Suite daily insight file")
ADS_LABEL = t("Meta 광고 관리자 내보내기", "Meta Ads Manager export")

_POST_RENAME = {"reach": "post_reach"}


def is_daily(text: str) -> bool:
    """``sep=,`` on line 1, or (after Excel re-saved it and dropped that line) a metric name alone on
    line 1 and ``Date,Primary`` on line 2."""
    lines = [line for line in text.lstrip("\ufeff").splitlines()[:4] if line.strip()]
    if lines and lines[0].strip().casefold().startswith("sep="):
        return True
    if len(lines) >= 2 and "," not in lines[0].strip().strip('"'):
        cells = [norm(c) for c in lines[1].split(",")]
        return cells == ["date", "primary"]
    return False


def read_daily(name: str, text: str, as_of: date) -> ParsedFile:
    text = text.lstrip("\ufeff")
    skip = 1 if text.lstrip()[:4].casefold() == "sep=" else 0
    rows = csv_rows(name, text, skip=skip)
    body = [(i + 1 + skip, r) for i, r in enumerate(rows) if any(c.strip() for c in r)]
    if len(body) < 2:
        raise fail(name, "일별 인사이트 파일의 지표 이름이나 머리글('Date','Primary')이 없습니다: 파일이 잘린 것 같습니다.",
                   "the daily insight file lacks its metric name or its header ('Date','Primary'): it looks cut short.")
    (_, metric_row), (_, header) = body[0], body[1]
    metric_name = metric_row[0].strip()
    syn = synonyms()
    field_ = syn.field("meta_daily_metrics", metric_name)
    channel = channel_from_name(name, "Meta")
    key = f"meta_daily:{norm(metric_name)}"
    if field_ is None:
        metric = f"col:{key}"
    else:
        metric, _, fixed = field_.partition("@")
        channel = fixed or channel
    table = Table(name, "meta_daily", "meta_daily", [h.strip() for h in header], list(body[2:]))
    date_col, value_col = table.index("date"), table.index("primary")
    if date_col is None or value_col is None:
        # Audience.csv and the like share the first line but hold stacked blocks: not a daily series.
        raise Unrecognised(t(
            f"'{name}': 세 번째 줄이 'Date','Primary' 머리글이 아닙니다({', '.join(header)[:60]}). 일별 인사이트 파일이 아닙니다.",
            f"'{name}': line 3 is not the 'Date','Primary' header ({', '.join(header)[:60]}); "
            "not a daily insight file (not recognised)."))
    for row, cells in table.rows:
        if len(cells) != len(header):
            raise fail(name, f"칸 수가 머리글과 다릅니다({len(cells)}칸, 머리글 {len(header)}칸): 파일이 잘렸거나 손상되었습니다.",
                       f"the row has {len(cells)} cells where the header has {len(header)}: the file is cut short or damaged.",
                       row=row)
    out = series_file(table, DAILY_LABEL, channel, date_col, {value_col: metric}, as_of, sum_same_day=False,
                      column_key=key)
    out.columns = [Column(metric_name, key, metric)]
    out.label = t(f"{DAILY_LABEL.ko} ({metric_name})", f"{DAILY_LABEL.en} ({metric_name})")
    return out


def is_posts(table: Table) -> bool:
    return table.has("post_id", "publish_time")


def read_posts(table: Table, as_of: date) -> ParsedFile:
    id_col, time_col = table.need("post_id"), table.need("publish_time")
    marker = table.index("lifetime_marker")
    type_col = table.index("post_type")
    skip: set[int | None] = {c for c in (id_col, time_col, marker, type_col) if c is not None}
    metrics = metric_map(table, skip, _POST_RENAME)
    channel = "Facebook" if table.has("page_id") else "Instagram"
    if table.index("page_id") is None and table.index("account_username") is None:
        types = {table.text(c, type_col)[:3].casefold() for _, c in table.rows[:50]}
        channel = "Instagram" if "ig " in types else channel_from_name(table.name, "Facebook")
    readings: list[Reading] = []
    first = last = None
    totals = 0
    count = 0
    for row, cells in table.rows:
        if all(c is None or not str(c).strip() for c in cells):
            continue
        post_id = table.text(cells, id_col)
        if is_totals(post_id) or not post_id:
            totals += 1
            continue
        if len(cells) < len(table.header) and row == table.rows[-1][0]:
            raise fail(table.name, "마지막 행의 칸이 모자랍니다: 파일이 중간에 잘린 것 같습니다.",
                       "the last row is short of cells: the file looks cut short.", row=row)
        d = table.day(row, cells, time_col, as_of, "publish time")
        count += 1
        first = d if first is None or d < first else first
        last = d if last is None or d > last else last
        readings.append(Reading("posts", 1.0, d, d, channel, "post", key=post_id, as_of=as_of, file=table.name, row=row))
        for i, metric in metrics.items():
            value = table.num(row, cells, i)
            if value is not None:
                readings.append(Reading(metric, value, d, d, channel, "post", key=post_id, as_of=as_of,
                                        file=table.name, row=row, column=table.column_key(i)))
    ignored = []
    if totals:
        ignored.append(t(f"합계·빈 행 {totals}개", f"{totals} totals or empty row(s)"))
    note = unknown_note(table, metrics, skip)
    if note:
        ignored.append(note)
    as_of = max(as_of, last or as_of)
    return ParsedFile(table.name, "meta_posts", POSTS_LABEL, channel, readings, table.columns({**metrics, id_col: "posts"}), ignored,
                      first, as_of if first else None, as_of, count, "post")


def is_ads(table: Table) -> bool:
    return table.has("campaign_name") and (table.has("report_start") or table.has("ad_spend"))


def read_ads(table: Table, as_of: date) -> ParsedFile:
    name_col = table.need("campaign_name")
    start_col, end_col = table.index("report_start"), table.index("report_end")
    if start_col is None or end_col is None:
        raise fail(table.name, "'보고 시작'·'보고 종료' 열이 없어 어느 기간의 숫자인지 알 수 없습니다. 내보낼 때 두 열을 넣어 주세요.",
                   "without the 'Reporting starts' and 'Reporting ends' columns the period is unknown; include them in the export.")
    skip: set[int | None] = {c for c in (name_col, start_col, end_col, table.index("campaign_id")) if c is not None}
    metrics = metric_map(table, skip)
    total_rows: list[tuple[int, Sequence[object]]] = []
    campaign_rows: list[tuple[int, Sequence[object]]] = []
    for row, cells in table.rows:
        if all(c is None or not str(c).strip() for c in cells):
            continue
        label = table.text(cells, name_col)
        (total_rows if not label or is_totals(label) else campaign_rows).append((row, cells))
    use = total_rows[:1] if total_rows else campaign_rows
    readings: list[Reading] = []
    first = last = None
    for row, cells in use:
        start = table.day(row, cells, start_col, as_of)
        end = table.day(row, cells, end_col, as_of)
        if end < start:
            raise fail(table.name, "보고 종료일이 시작일보다 앞섭니다.", "the reporting end is before its start.", row=row)
        first = start if first is None or start < first else first
        last = end if last is None or end > last else last
        key = "total" if total_rows else table.text(cells, name_col)
        for i, metric in metrics.items():
            value = table.num(row, cells, i)
            if value is not None:
                readings.append(Reading(metric, value, start, end, "Meta ads", "daily" if start == end else "period",
                                        key=key, as_of=as_of, file=table.name, row=row, column=table.column_key(i)))
    ignored = []
    if total_rows and campaign_rows:
        ignored.append(t(f"캠페인 행 {len(campaign_rows)}개: 합계 행의 숫자를 씁니다(도달은 캠페인끼리 겹치므로)",
                         f"{len(campaign_rows)} campaign row(s): the totals row is used (reach overlaps across campaigns)"))
    note = unknown_note(table, metrics, skip)
    if note:
        ignored.append(note)
    return ParsedFile(table.name, "meta_ads", ADS_LABEL, "Meta ads", readings, table.columns(metrics), ignored,
                      first, last, max(as_of, last or as_of), len(use), None)

