"""Google Analytics 4 report download (CSV).

* A block of ``#`` comment lines comes first; its labels are localised, so the report's dates are
  found by pattern: the first two 8-digit dates (``20260901``) are its start and end.
* Then the header (``Session primary channel group (Default Channel Group),Sessions,…``) and the
  rows. A first row with an empty label is the totals row: it is skipped. Older files say
  ``Conversions`` for ``Key events``. Rates come as decimals (0.71) and are not read: every rate is
  recomputed from the counts.
* Rows by **channel group**: only the social groups (``Organic Social``, ``Paid Social``) count, as
  ``social_sessions``, ``social_key_events``, ``social_revenue``, … Rows by **Session campaign**
  (the UTM campaign) count as ``campaign_*`` with their campaign name, which credits them to the
  plan's actions. A ``Date`` column makes the rows daily; otherwise they are figures for the whole
  report period.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from kpiwizard.core.aggregate import ParsedFile, Reading
from kpiwizard.core.text import t

from .common import csv_rows, fail, norm, parse_date, synonyms
from .tables import Table, unknown_note

LABEL = t("Google 애널리틱스 4 보고서", "Google Analytics 4 report")
_COUNTS = {"sessions": "sessions", "engaged_sessions": "engaged_sessions", "key_events": "key_events",
           "revenue": "revenue", "views": "views"}


def _share(table: Table, row: int, cells: Sequence[object], i: int | None) -> float | None:
    """A rate cell as a fraction: GA4 writes decimals (0.0333); a re-saved file may say 3.33%."""
    if i is None:
        return None
    value = table.num(row, cells, i)
    if value is None:
        return None
    if str(table.cell(cells, i)).strip().endswith("%"):
        value /= 100
    if not 0 <= value <= 1:
        raise fail(table.name, f"비율이 0과 1 사이가 아닙니다({table.text(cells, i)}).",
                   f"the rate {table.text(cells, i)} is not between 0 and 1.", row=row, column=str(table.header[i]))
    return value


def is_ga4(text: str) -> bool:
    for line in text.lstrip("\ufeff").splitlines():
        if line.strip():
            return line.lstrip().startswith("#")
    return False


def read_ga4(name: str, text: str, as_of: date) -> ParsedFile:
    lines = text.lstrip("\ufeff").splitlines()
    dates: list[date] = []
    header_at = None
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("#"):
            for m in re.findall(r"(?<!\d)(\d{8})(?!\d)", stripped):
                d = parse_date(m)
                if d is not None:
                    dates.append(d)
            continue
        if stripped:
            header_at = i
            break
    if header_at is None:
        raise fail(name, "설명 줄(#) 뒤에 표가 없습니다: 파일이 잘린 것 같습니다.",
                   "there is no table after the comment (#) lines: the file looks cut short.")
    end_at = len(lines)
    for j in range(header_at + 1, len(lines)):  # a download may hold several tables: read the first
        if not lines[j].strip() or lines[j].lstrip().startswith("#"):
            end_at = j
            break
    rows = csv_rows(name, "\n".join(lines[header_at:end_at]) + "\n")
    header = [h.strip() for h in rows[0]]
    table = Table(name, "ga4", "ga4", header, [(header_at + 2 + k, r) for k, r in enumerate(rows[1:])])
    for row, cells in table.rows:
        if len(cells) != len(header):
            raise fail(name, f"칸 수가 머리글과 다릅니다({len(cells)}칸, 머리글 {len(header)}칸): 파일이 잘렸거나 손상되었습니다.",
                       f"the row has {len(cells)} cells where the header has {len(header)}: the file is cut short or damaged.",
                       row=row)
    date_col = table.index("date")
    group_col, campaign_col = table.index("channel_group"), table.index("campaign")
    start, end = (min(dates[:2]), max(dates[:2])) if dates else (None, None)
    if date_col is None and start is None:
        raise fail(name, "보고서 기간(# 줄의 8자리 날짜)도 날짜 열도 없어 어느 기간의 숫자인지 알 수 없습니다.",
                   "neither the report's dates (8-digit dates in the # lines) nor a date column: the period is unknown.")
    dim_col = group_col if group_col is not None else campaign_col
    social = synonyms().sections.get("ga4_social_groups", {})
    prefix_all = "social_" if dim_col == group_col else "campaign_"
    metric_cols = {i: f for i, f in enumerate(table.fields) if f in _COUNTS or f == "average_engagement_time"}
    rate_col = table.index("key_event_rate")
    sums: dict[tuple, float] = defaultdict(float)
    rows_of: dict[tuple, int] = {}
    totals = other = 0
    first = last = None
    count = 0
    for n, (row, cells) in enumerate(table.rows):
        if all(not str(c).strip() for c in cells):
            continue
        label_cell = table.text(cells, 0)
        if not label_cell and n == 0:
            totals += 1
            continue
        if date_col is not None:
            d0 = d1 = table.day(row, cells, date_col, as_of)
        else:
            assert start is not None and end is not None  # refused above when both are missing
            d0, d1 = start, end
        count += 1
        first = d0 if first is None or d0 < first else first
        last = d1 if last is None or d1 > last else last
        if dim_col is None:
            continue
        targets = []  # (metric prefix, campaign) this row counts for
        if group_col is not None and social.get(norm(table.text(cells, group_col))) == "social":
            targets.append(("social_", ""))
        if campaign_col is not None:
            campaign = table.text(cells, campaign_col)
            if campaign and not (campaign.startswith("(") and campaign.endswith(")")):
                targets.append(("campaign_", campaign))
        if not targets:
            other += 1
            continue
        values = {f: table.num(row, cells, i) for i, f in metric_cols.items()}
        sessions = values.get("sessions") or 0.0
        rate = _share(table, row, cells, rate_col)
        for prefix, campaign in targets:
            out = {f"{prefix}{_COUNTS[f]}": v for f, v in values.items() if f in _COUNTS and v is not None}
            average, engaged = values.get("average_engagement_time"), values.get("engaged_sessions")
            if average is not None:
                out[f"{prefix}engagement_seconds"] = average * sessions
            if engaged is not None and values.get("sessions") is not None:
                out[f"{prefix}bounced_sessions"] = max(sessions - engaged, 0.0)
            if rate is not None and values.get("sessions") is not None:
                # Sessions with a key event: the session key event rate is a share of sessions (0.0333).
                out[f"{prefix}converted_sessions"] = sessions * rate
            for metric, v in out.items():
                key = (metric, d0, d1, campaign)
                sums[key] += v
                rows_of.setdefault(key, row)
    derived = {"sessions": "sessions", "engaged_sessions": "bounced_sessions", "key_events": "key_events",
               "revenue": "revenue", "views": "views", "average_engagement_time": "engagement_seconds"}
    fed = dict(metric_cols) if rate_col is None else {**metric_cols, rate_col: "key_event_rate"}
    derived["key_event_rate"] = "converted_sessions"
    col_of = {f"{prefix}{derived[f]}": table.column_key(i) for i, f in fed.items()
              for prefix in ("social_", "campaign_")}
    source = "daily" if date_col is not None else "period"
    if date_col is None and start == end:
        source = "daily"
    readings = [Reading(m, v, d0, d1, "Website", source, as_of=as_of, file=name, row=rows_of[(m, d0, d1, c)],
                        campaign=c, column=col_of.get(m, ""))
                for (m, d0, d1, c), v in sorted(sums.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][3]))]
    ignored = []
    if totals:
        ignored.append(t("합계 행 1개(이름이 빈 첫 행)", "1 totals row (the first row, without a label)"))
    if other:
        what = t("소셜이 아닌 채널 그룹", "channel groups other than social") if campaign_col is None else \
            t("소셜 채널도 캠페인도 아닌 행((direct), (organic) 등)", "rows of neither a social channel nor a campaign ((direct), (organic)…)")
        ignored.append(t(f"{what.ko} {other}행", f"{other} row(s) of {what.en}"))
    if dim_col is None:
        ignored.append(t("채널 그룹이나 세션 캠페인 열이 없어 소셜 방문을 가려낼 수 없습니다. 보고서에 그 측정기준을 넣어 주세요.",
                         "no channel group or session campaign column: social visits cannot be told apart. "
                         "Add that dimension to the report."))
    rates = [header[i] for i, f in enumerate(table.fields) if f == "engagement_rate"]
    if rates:
        ignored.append(t(f"비율 열({', '.join(rates)}): 세션 수로 다시 계산합니다",
                         f"rate columns ({', '.join(rates)}): recomputed from the counts"))
    note = unknown_note(table, {i: "" for i in metric_cols}, {c for c in (date_col, dim_col) if c is not None})
    if note:
        ignored.append(note)
    columns = table.columns({i: f"{prefix_all}{derived[f]}" for i, f in fed.items()} if dim_col is not None else {})
    if start is not None and date_col is None:
        first, last = start, end
    return ParsedFile(name, "ga4", LABEL, "Website", readings, columns, ignored, first, last,
                      max(as_of, last or as_of), count, source)

