"""The import preview as the owner reads it (``kpiwizard import`` prints it; the app shows the same
facts), word for word in Korean and English.

Two realistic imports: a café's Instagram posts, a Google Analytics report with campaign links
and a second download of the same posts, into a plan that already holds some values (one the
same, one changed, one kept from an earlier import of other channels); and an import that gives
this plan nothing. The texts were read and judged right for an owner; a change to them is a change
to what the owner is told and must show here. (Mutation testing found the preview checked only for
a few of its phrases.)
"""

from __future__ import annotations

from datetime import timedelta

from kpiwizard.core.aggregate import Column, ImportedPart, build_preview, kept_text
from kpiwizard.core.models import Action
from kpiwizard.core.text import t

from test_core_aggregate_rules import END, LATER, MON, SUN, WEEK2, daily, parsed, plan, reading

POSTED = [MON + timedelta(1), MON + timedelta(4), WEEK2 + timedelta(2), END]
DOWNLOADED = END + timedelta(1)  # the day after the last post: its numbers still settle


def _instagram(name: str, extra_days: list = ()):
    rows = []
    for i, day in enumerate([*POSTED, *extra_days]):
        for metric, value in (("posts", 1), ("shares", 2 + i), ("likes", 10 + i), ("post_reach", 120 + 7 * i),
                              ("follows", 1)):
            rows.append(reading(metric, value, day, source="post", key=f"p{i}", as_of=DOWNLOADED, file=name,
                                row=i + 2))
    columns = [Column("Post ID", "meta_posts:post id", "posts"), Column("Description", "meta_posts:description", None),
               Column("Shares", "meta_posts:shares", "shares"), Column("Likes", "meta_posts:likes", "likes"),
               Column("Reach", "meta_posts:reach", "post_reach"), Column("Follows", "meta_posts:follows", "follows")]
    return parsed(name, rows, source="post", columns=columns, first=POSTED[0], last=DOWNLOADED, as_of=DOWNLOADED,
                  label=t("Instagram 게시물", "Instagram posts"))


def _ga4():
    rows = [reading(f"campaign_{m}", v, MON, "Website", "period", end=END, campaign=c, file="ga4.csv")
            for c, figures in (("kw01", (40, 3, 90000)), ("kw02", (12, 1, 15500.5)), ("spring_flyer", (5, 0, 0)))
            for m, v in zip(("sessions", "key_events", "revenue"), figures, strict=True)]
    columns = [Column("Session campaign", "ga4:session campaign", None), Column("Sessions", "ga4:sessions",
                                                                                  "campaign_sessions")]
    return parsed("ga4.csv", rows, "Website", "period", columns=columns, first=MON, last=END,
                  label=t("GA4 트래픽 획득", "GA4 traffic acquisition"))


def _cafe_import():
    project = plan("shares", "engagement_rate", "posts_per_period",
                   actuals={"shares": {WEEK2: 9}, "engagement_rate": {MON: 9.5}, "posts_per_period": {MON: 2}},
                   imported={"posts_per_period": {MON: {"Facebook": ImportedPart(value=1, days=7, as_of=LATER),
                                                        "YouTube": ImportedPart(value=1, days=7, as_of=LATER)}}},
                   actions=[Action(tactic="전단지 QR", channel="Offline"),
                            Action(tactic="스콘 릴스", channel="Instagram", kpi="posts_per_period")])
    files = [_instagram("posts.csv", extra_days=[END + timedelta(1)]), _instagram("posts (1).csv"), _ga4()]
    return build_preview(project, files)


def _nothing_for_this_plan():
    """Website figures and 21 campaigns none of the plan's actions made, for a plan of Instagram posts."""
    rows = [reading("campaign_sessions", 3, MON, "Website", "period", end=SUN, campaign=f"newsletter_{i:02d}")
            for i in range(1, 22)]
    ga4 = parsed("ga4.csv", rows, "Website", "period", columns=[], first=MON, last=SUN,
                 label=t("GA4 트래픽 획득", "GA4 traffic acquisition"))
    undated = parsed("notes.csv", [], "Instagram", None, columns=[Column("Memo", "x:memo", None)],
                     label=t("표", "table"))
    return build_preview(plan("posts_per_period"), [ga4, undated])


CAFE_KO = """\
읽은 파일
  posts.csv: Instagram 게시물 (Instagram, 25행 2026-03-03–2026-03-16)
    Post ID → 게시물 수
    Shares → 공유, 참여율
    Likes → 참여율
    Reach → 참여율
    Follows → 연결된 지표 없음
    제외: 계획 끝(2026-03-15) 뒤 날짜의 행 1개
  posts (1).csv: Instagram 게시물 (Instagram, 20행 2026-03-03–2026-03-16)
    Post ID → 게시물 수
    Shares → 공유, 참여율
    Likes → 참여율
    Reach → 참여율
    Follows → 연결된 지표 없음
  ga4.csv: GA4 트래픽 획득 (Website, 9행 2026-03-02–2026-03-15)
    Sessions → 연결된 지표 없음

기간별 값
  공유 2026-03-02–2026-03-08: 5 새 값 (Instagram)  [일부 기간: 6/7일]
  공유 2026-03-09–2026-03-15: 9 같음 (Instagram)  [잠정: 최근 3일 숫자는 아직 바뀔 수 있음]
  참여율 2026-03-02–2026-03-08: 10.53 바뀜 (이전 9.5) (Instagram)  [일부 기간: 6/7일]
  참여율 2026-03-09–2026-03-15: 12.36 새 값 (Instagram)  [잠정: 최근 3일 숫자는 아직 바뀔 수 있음]
  게시물 수 2026-03-02–2026-03-08: 4 바뀜 (이전 2) (Facebook+Instagram+YouTube)  [일부 기간: 6/7일; Facebook, YouTube: 지난번에 가져온 값]
  게시물 수 2026-03-09–2026-03-15: 2 새 값 (Instagram)  [잠정: 최근 3일 숫자는 아직 바뀔 수 있음]

캠페인 링크 성과 (GA4)
  kw01-qr: 세션 40, 주요 이벤트 3, 수익 ₩90,000
  kw02: 세션 12, 주요 이벤트 1, 수익 ₩15,500
  → 게시물 수: 세션 12, 주요 이벤트 1, 수익 ₩15,500
  계획의 활동과 맞지 않는 캠페인: spring_flyer

지표에 연결되지 않은 열 (--map '열 키=지표 ID'로 연결)
  meta_posts:follows  (Follows, posts.csv)
  ga4:sessions  (Sessions, ga4.csv)

참고
  'Follows' (posts.csv): 새 팔로우 수(하루에 새로 생긴 팔로우)로는 팔로워 수를 알 수 없습니다(언팔로우가 빠져 있습니다). 새 팔로우를 따로 본다면 직접 지표에 연결하세요.

새 값 3개, 바뀐 값 2개, 같은 값 1개"""

CAFE_EN = """\
Files read
  posts.csv: Instagram posts (Instagram, 25 rows 2026-03-03–2026-03-16)
    Post ID → Posts per period
    Shares → Shares, Engagement rate
    Likes → Engagement rate
    Reach → Engagement rate
    Follows → feeds no KPI
    ignored: 1 row(s) dated after the plan's end (2026-03-15)
  posts (1).csv: Instagram posts (Instagram, 20 rows 2026-03-03–2026-03-16)
    Post ID → Posts per period
    Shares → Shares, Engagement rate
    Likes → Engagement rate
    Reach → Engagement rate
    Follows → feeds no KPI
  ga4.csv: GA4 traffic acquisition (Website, 9 rows 2026-03-02–2026-03-15)
    Sessions → feeds no KPI

Values per period
  Shares 2026-03-02–2026-03-08: 5 new (Instagram)  [partial: 6 of 7 days]
  Shares 2026-03-09–2026-03-15: 9 same (Instagram)  [provisional: the last 3 days still settle]
  Engagement rate 2026-03-02–2026-03-08: 10.53 changed (was 9.5) (Instagram)  [partial: 6 of 7 days]
  Engagement rate 2026-03-09–2026-03-15: 12.36 new (Instagram)  [provisional: the last 3 days still settle]
  Posts per period 2026-03-02–2026-03-08: 4 changed (was 2) (Facebook+Instagram+YouTube)  [partial: 6 of 7 days; Facebook, YouTube: from an earlier import]
  Posts per period 2026-03-09–2026-03-15: 2 new (Instagram)  [provisional: the last 3 days still settle]

Campaign links (GA4)
  kw01-qr: 40 sessions, 3 key events, revenue ₩90,000
  kw02: 12 sessions, 1 key event, revenue ₩15,500
  → Posts per period: 12 sessions, 1 key event, revenue ₩15,500
  Campaigns matching no action: spring_flyer

Columns feeding no KPI (connect with --map 'column key=KPI id')
  meta_posts:follows  (Follows, posts.csv)
  ga4:sessions  (Sessions, ga4.csv)

Notes
  'Follows' (posts.csv): New follows per day do not give the follower count (unfollows are missing). If you track new follows, map the column to your own KPI.

3 new, 2 changed, 1 same"""

NOTHING_KO = """\
읽은 파일
  ga4.csv: GA4 트래픽 획득 (Website, 21행 2026-03-02–2026-03-08)
  notes.csv: 표 (Instagram, 0행)

기간별 값
  (이 계획의 지표에 들어갈 값이 없습니다)

캠페인 링크 성과 (GA4)
  계획의 활동과 맞지 않는 캠페인: newsletter_01, newsletter_02, newsletter_03, newsletter_04, newsletter_05, newsletter_06, newsletter_07, newsletter_08, newsletter_09, newsletter_10, newsletter_11, newsletter_12, newsletter_13, newsletter_14, newsletter_15, newsletter_16, newsletter_17, newsletter_18, newsletter_19, newsletter_20 외 1개

새 값 0개, 바뀐 값 0개, 같은 값 0개"""

NOTHING_EN = """\
Files read
  ga4.csv: GA4 traffic acquisition (Website, 21 rows 2026-03-02–2026-03-08)
  notes.csv: table (Instagram, 0 rows)

Values per period
  (nothing for this plan's KPIs)

Campaign links (GA4)
  Campaigns matching no action: newsletter_01, newsletter_02, newsletter_03, newsletter_04, newsletter_05, newsletter_06, newsletter_07, newsletter_08, newsletter_09, newsletter_10, newsletter_11, newsletter_12, newsletter_13, newsletter_14, newsletter_15, newsletter_16, newsletter_17, newsletter_18, newsletter_19, newsletter_20 and 1 more

0 new, 0 changed, 0 same"""


def test_the_cafes_import_preview_word_for_word_in_korean():
    assert _cafe_import().render("ko") == CAFE_KO


def test_the_cafes_import_preview_word_for_word_in_english():
    assert _cafe_import().render("en") == CAFE_EN


def test_an_import_that_gives_this_plan_nothing_says_so_and_lists_twenty_unknown_campaigns():
    preview = _nothing_for_this_plan()
    assert len(preview.unmatched_campaigns) == 21  # the 21st is not listed: the line stays readable
    assert preview.render("ko") == NOTHING_KO
    assert preview.render("en") == NOTHING_EN


def test_previewing_the_same_files_again_says_each_row_outside_the_plan_once():
    """The app previews again after each change of a column mapping, with the same files read once."""
    files = [_instagram("posts.csv", extra_days=[END + timedelta(1)])]
    project = plan("shares", "posts_per_period")
    first = build_preview(project, files).render("en")
    again = build_preview(project, files).render("en")
    assert again == first
    assert again.count("ignored: 1 row(s) dated after the plan's end (2026-03-15)") == 1
    # A post on the plan's last day is inside the plan.
    files = [_instagram("posts.csv")]
    assert "ignored" not in build_preview(project, files).render("en")


def test_the_channels_kept_from_an_earlier_import_are_named_in_the_plans_order():
    (value,) = [v for v in _cafe_import().values if v.kept]
    assert kept_text(value) == t("Facebook, YouTube: 지난번에 가져온 값", "Facebook, YouTube: from an earlier import")


def test_a_complete_settled_week_is_shown_without_brackets():
    preview = build_preview(plan("impressions", end=SUN), [daily("views", {MON + timedelta(i): 4 for i in range(7)})])
    assert preview.render("ko").splitlines()[4:6] == ["기간별 값", "  노출 수 2026-03-02–2026-03-08: 28 새 값 (Instagram)"]
    assert preview.render("en").splitlines()[4:6] == ["Values per period",
                                                      "  Impressions 2026-03-02–2026-03-08: 28 new (Instagram)"]


def test_one_session_and_one_key_event_are_singular_in_english():
    rows = [reading(f"campaign_{m}", v, MON, "Website", "period", end=SUN, campaign="kw01", file="ga4.csv")
            for m, v in (("sessions", 1), ("key_events", 2), ("revenue", 0))]
    project = plan("posts_per_period", end=SUN, actions=[Action(tactic="스콘 릴스", channel="Instagram")])
    text = build_preview(project, [parsed("ga4.csv", rows, "Website", "period")])
    assert "  kw01: 1 session, 2 key events, revenue ₩0" in text.render("en").splitlines()
    assert "  kw01: 세션 1, 주요 이벤트 2, 수익 ₩0" in text.render("ko").splitlines()
