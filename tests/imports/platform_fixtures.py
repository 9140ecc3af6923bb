"""Synthetic platform downloads, built from the verified facts (../shared/PLATFORM-FACTS.md §1).

Every byte is made here: the encodings (UTF-8 with BOM, UTF-16 LE with BOM, CP949 after a Korean
Excel re-save), the ``sep=,`` line, the ``#`` comment block, the totals rows, the zip members and
the .xls with its header on the second row. No one's real data.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, timedelta

IG_POST_HEADER = ["Post ID", "Account ID", "Account username", "Account name", "Description", "Duration (sec)",
                  "Publish time", "Permalink", "Post type", "Data comment", "Date", "Views", "Reach", "Likes",
                  "Shares", "Follows", "Comments", "Saves"]
FB_POST_HEADER = ["Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time",
                  "Caption type", "Permalink", "Is crosspost", "Is share", "Post type", "Languages", "Custom labels",
                  "Funded content status", "Data comment", "Date", "Views", "Reach", "Reactions, Comments and Shares",
                  "Reactions", "Comments", "Shares", "Total clicks", "Link clicks", "Other clicks",
                  "Matched Audience Targeting Consumption (Photo Click)", "Seconds viewed", "Average Seconds viewed"]
FB_NEGATIVE = ["Negative feedback from users: Hide", "Negative feedback from users: Hide all"]


def _csv(rows: list[list[object]], quote_all: bool = False) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL, lineterminator="\r\n")
    for r in rows:
        w.writerow(["" if c is None else c for c in r])
    return buf.getvalue()


def thousands(n: int) -> str:
    return f"{n:,}"


def instagram_posts(posts: list[dict], lifetime: str = "Lifetime") -> bytes:
    """Meta Business Suite's Instagram post export: UTF-8 with BOM, one row per post.

    ``posts``: dicts with day (date), views, reach, likes, shares, comments, saves, follows, id, hour.
    """
    rows: list[list[object]] = [IG_POST_HEADER]
    for i, p in enumerate(posts):
        when = p["day"]
        rows.append([
            p.get("id", f"1790000000000{i:04d}"), "17841400000000000", "cafe.bom", "카페 봄",
            p.get("text", "스콘 나왔어요 ☕"), p.get("duration", ""),
            f"{when.month:02d}/{when.day:02d}/{when.year} {p.get('hour', 9):02d}:08",
            f"https://www.instagram.com/p/X{i}/", p.get("type", "IG image"), "", lifetime,
            thousands(p["views"]), thousands(p["reach"]), p["likes"], p["shares"], p.get("follows", 0),
            p["comments"], p["saves"],
        ])
    return b"\xef\xbb\xbf" + _csv(rows).encode("utf-8")


def facebook_posts(posts: list[dict], negative: int = 0) -> bytes:
    """Facebook's post export: 29 + 0, 1 or 2 'Negative feedback' columns (the month-to-month variation)."""
    header = FB_POST_HEADER + FB_NEGATIVE[:negative]
    rows: list[list[object]] = [header]
    for i, p in enumerate(posts):
        when = p["day"]
        cells = {
            "Post ID": p.get("id", f"1000{i}_2000{i}"), "Page ID": "1000", "Page name": "Cafe Bom",
            "Title": "", "Description": p.get("text", "new scones"), "Duration (sec)": "",
            "Publish time": f"{when.month:02d}/{when.day:02d}/{when.year} 10:00", "Caption type": "",
            "Permalink": f"https://www.facebook.com/{i}", "Is crosspost": "No", "Is share": "No",
            "Post type": "Photos", "Languages": "", "Custom labels": "", "Funded content status": "",
            "Data comment": "", "Date": "Lifetime", "Views": thousands(p["views"]), "Reach": thousands(p["reach"]),
            "Reactions, Comments and Shares": p["likes"] + p["comments"] + p["shares"],
            "Reactions": p["likes"], "Comments": p["comments"], "Shares": p["shares"],
            "Total clicks": p.get("clicks", 0), "Link clicks": p.get("link_clicks", 0), "Other clicks": 0,
            "Matched Audience Targeting Consumption (Photo Click)": 0, "Seconds viewed": 0,
            "Average Seconds viewed": 0,
        }
        rows.append([cells.get(h, 0) for h in header])
    return b"\xef\xbb\xbf" + _csv(rows).encode("utf-8")


def meta_daily(metric: str, series: dict[date, int]) -> bytes:
    """One Meta daily insight file: UTF-16 LE with BOM, sep=, metric name, "Date","Primary"; zero days left out."""
    lines = ["sep=,", f'"{metric}"', '"Date","Primary"']
    for d, v in sorted(series.items()):
        if v:
            lines.append(f'"{d.isoformat()}T00:00:00","{v}"')
    return b"\xff\xfe" + ("\r\n".join(lines) + "\r\n").encode("utf-16-le")


ADS_HEADER_KO = ["캠페인 ID", "캠페인 이름", "게재", "결과 유형", "결과", "지출 금액 (KRW)", "노출", "도달", "링크 클릭",
                 "링크 클릭률(CTR)", "보고 시작", "보고 종료"]


def meta_ads_korean(campaigns: list[dict], start: date, end: date, total_reach: int) -> bytes:
    rows: list[list[object]] = [ADS_HEADER_KO]
    tot = {k: sum(c[k] for c in campaigns) for k in ("spend", "impressions", "clicks")}
    rows.append(["", "합계", "", "", "", tot["spend"], tot["impressions"], total_reach, tot["clicks"],
                 round(tot["clicks"] / tot["impressions"] * 100, 2), start.isoformat(), end.isoformat()])
    for i, c in enumerate(campaigns):
        rows.append([f"2384{i}", c["name"], "active", "링크 클릭", c["clicks"], c["spend"], c["impressions"], c["reach"],
                     c["clicks"], round(c["clicks"] / c["impressions"] * 100, 2), start.isoformat(), end.isoformat()])
    return b"\xef\xbb\xbf" + _csv(rows).encode("utf-8")


def youtube_zip(days: dict[date, dict], videos: list[dict], korean: bool = True) -> bytes:
    """YouTube Studio's export zip: Table data.csv (Total row first), Chart data.csv (daily), Totals.csv.

    ``누적 구독자`` runs from 0 at the first day of the download's range (the subscribers gained so far).
    """
    if korean:
        table_header = ["콘텐츠", "동영상 제목", "동영상 게시 시간", "길이", "조회수", "시청 시간(단위: 시간)", "구독자",
                        "노출수", "노출 클릭률(%)", "평균 조회율 (%)"]
        chart_header = ["날짜", "구독자", "누적 구독자", "유효 조회수", "조회수", "시청 시간(단위: 시간)"]
        total_label = "합계"
    else:
        table_header = ["Content", "Video title", "Video publish time", "Duration", "Views", "Watch time (hours)",
                        "Subscribers", "Impressions", "Impressions click-through rate (%)", "Average percentage viewed (%)"]
        chart_header = ["Date", "Subscribers", "Cumulative subscribers", "Engaged views", "Views", "Watch time (hours)"]
        total_label = "Total"
    trows: list[list[object]] = [table_header,
                                 [total_label, "", "", "", sum(v["views"] for v in videos), "12.5", 7, 5000, "4.2", "—"]]
    for i, v in enumerate(videos):
        day = v["day"]
        trows.append([f"vid{i:05d}", v.get("title", f"영상 {i}"), f"{['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec'][day.month-1]} {day.day}, {day.year}",
                      60, v["views"], "1.2", 1, 800, "3.1", "—"])
    crows: list[list[object]] = [chart_header]
    cumulative = 0
    for d, m in sorted(days.items()):
        cumulative += m["subs"]
        crows.append([d.isoformat(), m["subs"], cumulative, m["views"] // 2, m["views"], "0.8"])
    totals = [["날짜" if korean else "Date", "조회수" if korean else "Views"]]
    totals += [[d.isoformat(), m["views"]] for d, m in sorted(days.items())]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Table data.csv", _csv(trows).encode("utf-8"))
        z.writestr("Chart data.csv", _csv(crows).encode("utf-8"))
        z.writestr("Totals.csv", _csv(totals).encode("utf-8"))
    return buf.getvalue()


GA4_CHANNEL = "Session primary channel group (Default Channel Group)"


def ga4_csv(start: date, end: date, rows: list[tuple[str, int, int, int, float]], dimension: str = GA4_CHANNEL,
            older: bool = False, with_date: dict | None = None, korean_comments: bool = False) -> bytes:
    """GA4 'Download file → CSV': # block with 8-digit dates, header, totals row with an empty label.

    ``rows``: (label, sessions, engaged sessions, key events, revenue).
    """
    key = "Conversions" if older else "Key events"
    rate = "Session conversion rate" if older else "Session key event rate"
    group = "Session default channel group" if older and dimension == GA4_CHANNEL else dimension
    lines = ["# ----------------------------------------",
             f"# Traffic acquisition: {group}" if not korean_comments else "# 트래픽 획득: 세션 기본 채널 그룹",
             "# Account: Cafe Bom", "# Property: Cafe Bom - GA4", "# ----------------------------------------", "# ",
             "# All Users" if not korean_comments else "# 모든 사용자",
             f"# {'Start date' if not korean_comments else '시작일'}: {start:%Y%m%d}",
             f"# {'End date' if not korean_comments else '종료일'}: {end:%Y%m%d}"]
    header = ([] if with_date is None else ["Date"]) + [group, "Sessions", "Engaged sessions", "Engagement rate",
                                                        "Average engagement time per session", "Events per session",
                                                        "Event count", key, rate, "Total revenue"]
    out: list[list[object]] = [header]

    def line(label, s, e, k, r, d=None):
        cells = [label, s, e, round(e / s, 4) if s else 0, 45.5, 3.2, s * 3, k, round(k / s, 4) if s else 0, r]
        return ([d] if with_date is not None else []) + cells

    if with_date is None:
        tot = [sum(r[i] for r in rows) for i in range(1, 5)]
        out.append(line("", *tot))
        out.extend(line(*r) for r in rows)
    else:
        for d, day_rows in sorted(with_date.items()):
            out.extend(line(*r, d=f"{d:%Y%m%d}") for r in day_rows)
    return ("\n".join(lines) + "\n" + _csv(out).replace("\r\n", "\n")).encode("utf-8")


def tiktok_zip(days: dict[date, dict], videos: list[dict], as_xlsx: bool = False) -> bytes:
    """TikTok Studio's export: Overview, FollowerHistory, Content; dates without a year, 'undefined', '1.2K'."""
    def md(d: date) -> str:
        return f"{['January','February','March','April','May','June','July','August','September','October','November','December'][d.month-1]} {d.day}"

    overview = [["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]]
    followers = [["Date", "Followers", "Difference in followers from previous day"]]
    count = 1000
    for d, m in sorted(days.items()):
        views = m["views"]
        overview.append([md(d), f"{views / 1000:.1f}K" if views >= 1000 else views, m.get("profile", "undefined"),
                         m["likes"], m["comments"], m["shares"]])
        count += m["new"]
        followers.append([md(d), count, m["new"]])
    content = [["Video title", "Video link", "Post time", "Total likes", "Total comments", "Total shares", "Total views"]]
    for i, v in enumerate(videos):
        content.append([v.get("title", f"video {i}"), f"https://www.tiktok.com/@cafe/video/7{i:05d}", md(v["day"]),
                        v["likes"], v["comments"], v["shares"], v["views"]])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, rows in (("Overview", overview), ("FollowerHistory", followers), ("Content", content)):
            if as_xlsx:
                import openpyxl

                wb = openpyxl.Workbook()
                ws = wb.active
                for r in rows:
                    ws.append(r)
                b = io.BytesIO()
                wb.save(b)
                z.writestr(f"{name}.xlsx", b.getvalue())
            else:
                z.writestr(f"{name}.csv", _csv(rows, quote_all=True).encode("utf-8"))
    return buf.getvalue()


def linkedin_xls(days: dict[date, dict], newer: bool = True) -> bytes:
    """LinkedIn page analytics .xls: row 1 a description, the header on row 2 (Reposts or Shares)."""
    import xlwt

    word = "Reposts" if newer else "Shares"
    header = ["Date", "Impressions (organic)", "Impressions (sponsored)", "Impressions (total)",
              "Unique impressions (organic)", "Clicks (organic)", "Clicks (sponsored)", "Clicks (total)",
              "Reactions (organic)", "Reactions (sponsored)", "Reactions (total)", "Comments (organic)",
              "Comments (sponsored)", "Comments (total)", f"{word} (organic)", f"{word} (sponsored)",
              f"{word} (total)", "Engagement rate (organic)", "Engagement rate (sponsored)", "Engagement rate (total)"]
    wb = xlwt.Workbook()
    ws = wb.add_sheet("Metrics")
    ws.write(0, 0, "Aggregated metrics for organic and sponsored content, by day")
    for c, h in enumerate(header):
        ws.write(1, c, h)
    for r, (d, m) in enumerate(sorted(days.items()), start=2):
        values = [f"{d.month:02d}/{d.day:02d}/{d.year}", m["impressions"], 0, m["impressions"], m["impressions"] // 2,
                  m["clicks"], 0, m["clicks"], m["reactions"], 0, m["reactions"], m["comments"], 0, m["comments"],
                  m["shares"], 0, m["shares"], 0.05, 0, 0.05]
        for c, v in enumerate(values):
            ws.write(r, c, v)
    loc = wb.add_sheet("Location")
    loc.write(0, 0, "Location")
    loc.write(1, 0, "Seoul")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def days(start: date, n: int) -> list[date]:
    return [start + timedelta(i) for i in range(n)]


def write(folder, name: str, data: bytes, downloaded: date):
    """A download saved on ``downloaded``: its modification time is the download day."""
    import os
    from datetime import datetime

    path = folder / name
    path.write_bytes(data)
    stamp = datetime(downloaded.year, downloaded.month, downloaded.day, 12).timestamp()
    os.utime(path, (stamp, stamp))
    return path


def plan(start: date, end: date, kpis: list[tuple[str, str]], actions: list[dict] | None = None, actuals=None):
    """A small plan with catalog KPIs ``(catalog id, weekly|monthly)``."""
    from kpiwizard.core.models import Action, KpiSelection, Project

    return Project(
        start=start, end=end,
        kpis=[KpiSelection(id=kid, catalog_id=kid, frequency=freq) for kid, freq in kpis],
        actions=[Action(**a) for a in actions or []],
        actuals=actuals or {},
    )
