"""Campaign links an owner copies into posts, and the credit GA4 gives back to them, read exactly:
the source a channel name becomes, every part of a link, the refusal sentence, which campaign
values find their action, the table of credits and how a long tactic is cut on screen."""

from __future__ import annotations

from datetime import date

import pytest

from kpiwizard.core.aggregate import CampaignCredit, ImportPreview, Reading
from kpiwizard.core.enums import Lang
from kpiwizard.core.errors import UserError
from kpiwizard.core.models import Action, KpiSelection, Project
from kpiwizard.core.utm import (
    action_link,
    campaign_link,
    campaign_links,
    campaign_rows,
    credit_campaigns,
    match_action,
    shorten,
    source_for,
    unmatched_line,
)

MAR = date(2026, 3, 2)


def plan(*actions: Action, website: str = "https://cafe.example") -> Project:
    kpis = [KpiSelection(id=k, catalog_id=k) for k in ("direct_traffic", "social_revenue")]
    p = Project(start=MAR, end=date(2026, 5, 24), kpis=kpis, actions=list(actions))
    p.business.website = website
    return p


REELS = Action(tactic="Reels of the scones", channel="Instagram", kpi="direct_traffic")
BLOG = Action(tactic="블로그 후기", channel="네이버 블로그", kpi="social_revenue")


# -- the source a channel name becomes ---------------------------------------------------------


@pytest.mark.parametrize(("channel", "source"), [
    ("Instagram 공식 계정", "instagram"),  # a known name inside a longer one
    ("@cafe 인스타그램", "instagram"),
    ("인스타 릴스", "instagram"),  # a three-letter name inside
    ("당근마켓", "danggeun"),  # a two-letter name inside: Daangn's old name
    ("틱톡 라이브", "tiktok"),
    ("X", "x"), ("트위터(X)", "x"),
    ("Maxim Forum", "maxim_forum"),  # a one-letter name ('x') only on its own, never inside a word
    ("My Forum!", "my_forum"), ("(Forum)", "forum"),  # no underscores left at either end
    ("동네 카페 모임", "social"),  # nothing Latin to spell it with
])
def test_a_channel_name_becomes_the_source_analytics_groups_it_by(channel, source):
    assert source_for(channel) == source


# -- the link --------------------------------------------------------------------------------


def test_a_bare_web_address_gets_a_root_path_and_only_the_three_campaign_parameters():
    assert campaign_link("https://cafe.example", 0, REELS) == (
        "https://cafe.example/?utm_source=instagram&utm_medium=social&utm_campaign=kw01-reels-of-the")


def test_an_action_without_a_channel_is_a_social_source_and_an_http_page_is_accepted():
    assert campaign_link("http://cafe.example/menu?ref=&lang=ko", 1, Action(tactic="블로그 후기")) == (
        "http://cafe.example/menu?ref=&lang=ko&utm_source=social&utm_medium=social&utm_campaign=kw02")


def test_the_medium_asked_for_reaches_every_link():
    p = plan(REELS, BLOG)
    assert action_link(p, 0, medium="paid_social") == (
        "https://cafe.example/?utm_source=instagram&utm_medium=paid_social&utm_campaign=kw01-reels-of-the")
    assert [url for _i, _a, url in campaign_links(p, medium="qr")] == [
        "https://cafe.example/?utm_source=instagram&utm_medium=qr&utm_campaign=kw01-reels-of-the",
        "https://cafe.example/?utm_source=naver_blog&utm_medium=qr&utm_campaign=kw02",
    ]


@pytest.mark.parametrize(("url", "ko", "en"), [
    ("cafe.example", "'cafe.example'은 웹 주소가 아닙니다. https://로 시작하는 주소를 넣으세요.",  # example: 이그잼플, ㄹ
     "'cafe.example' is not a web address. Give one starting with https://."),
    ("네이버 플레이스", "'네이버 플레이스'는 웹 주소가 아닙니다. https://로 시작하는 주소를 넣으세요.",
     "'네이버 플레이스' is not a web address. Give one starting with https://."),
    ("https://카페 홈", "'https://카페 홈'은 웹 주소가 아닙니다. https://로 시작하는 주소를 넣으세요.",
     "'https://카페 홈' is not a web address. Give one starting with https://."),
])
def test_a_web_address_that_is_not_one_is_refused_word_for_word(url, ko, en):
    with pytest.raises(UserError) as e:
        campaign_link(url, 0, REELS)
    assert (e.value.message(Lang.KO), e.value.message(Lang.EN)) == (ko, en)


# -- which action a campaign value credits ------------------------------------------------------


def test_the_bare_number_of_the_first_action_still_credits_it():
    """A link printed before the tactic had Latin words ('kw01') still credits action 1."""
    p = plan(REELS, BLOG)
    assert [match_action(p, c) for c in ("kw01", "KW01 ", "kw01-reels-of-the", "kw02", "kw00", "kw03")] == [
        0, 0, 0, 1, None, None]


def reading(campaign: str, metric: str, value: float, as_of: date, file: str = "ga4.csv") -> Reading:
    return Reading(metric=f"campaign_{metric}", value=value, start=MAR, end=date(2026, 3, 29), channel="Website",
                   source="ga4", as_of=as_of, file=file, campaign=campaign)


def test_ga4_rows_are_summed_per_action_once_per_row_the_later_download_winning():
    p = plan(REELS, BLOG, Action(tactic="Stories", channel="Instagram"))
    rows = [
        reading("kw02", "sessions", 10, date(2026, 4, 1), "march.csv"),
        reading("kw02", "sessions", 12, date(2026, 4, 8), "april.csv"),  # the same row, downloaded later
        reading("kw02", "key_events", 1, date(2026, 4, 8)),
        reading("kw02", "revenue", 25000, date(2026, 4, 8)),
        reading("KW01-Reels-of-the", "sessions", 40, date(2026, 4, 8)),
        reading("kw01-reels-of-the", "sessions", 15, date(2026, 4, 8)),  # the same campaign, written otherwise
        reading("kw01-reels-of-the", "key_events", 3, date(2026, 4, 8)),
        reading("kw01-reels-of-the", "revenue", 9000.5, date(2026, 4, 8)),
        reading("kw01-reels-of-the", "engaged_sessions", 30, date(2026, 4, 8)),  # not a credit
        reading("spring_sale", "sessions", 99, date(2026, 4, 8)),
        reading("(not set)", "sessions", 5, date(2026, 4, 8)),
        reading(" ", "sessions", 5, date(2026, 4, 8)),
        reading("kw03", "sessions", 0, date(2026, 4, 8)),
    ]
    credits, unmatched = credit_campaigns(p, rows)
    assert credits == [
        CampaignCredit(0, "kw01-reels-of-the", "direct_traffic", 55, 3, 9000.5),
        CampaignCredit(1, "kw02", "social_revenue", 12, 1, 25000),
        CampaignCredit(2, "kw03-stories", None, 0, 0, 0),
    ]
    assert unmatched == ["(not set)", "spring_sale"]  # sorted; a blank campaign is no campaign


def test_of_two_downloads_on_one_day_the_larger_number_counts():
    p = plan(REELS)
    same_day = [reading("kw01", "sessions", 41, date(2026, 4, 8), "b.csv"),
                reading("kw01", "sessions", 40, date(2026, 4, 8), "a.csv")]
    assert credit_campaigns(p, same_day)[0][0].sessions == 41
    assert credit_campaigns(p, same_day[::-1])[0][0].sessions == 41


# -- the credit table of the import preview ------------------------------------------------------


def preview(*credits: CampaignCredit) -> ImportPreview:
    return ImportPreview(files=[], values=[], notes=[], column_uses={}, unmapped=[], mappings={},
                         campaigns=list(credits))


def test_an_action_removed_while_the_files_were_read_keeps_its_row_by_number():
    """The import reads a copy of the plan; if the owner deleted the last action meanwhile, its
    credit still shows, by its number, without a tactic."""
    p = plan(REELS)
    rows = campaign_rows(p, preview(CampaignCredit(0, "kw01-reels-of-the", "direct_traffic", 40, 3, 9000),
                                    CampaignCredit(1, "kw02", "direct_traffic", 10, 1, 0)),
                         {"direct_traffic": "SNS에서 온 방문"}, Lang.KO)
    assert [(r.label, r.full, r.campaign, r.sessions, r.key_events, r.revenue, r.total) for r in rows] == [
        ("1. Reels of the scones", "1. Reels of the scones", "kw01-reels-of-the", "40", "3", "₩9,000", False),
        ("2. ", "2. ", "kw02", "10", "1", "₩0", False),
        ("→ SNS에서 온 방문", "SNS에서 온 방문", "합계", "50", "4", "₩9,000", True),
    ]


def test_a_long_kpi_name_is_cut_on_its_total_line_and_whole_in_the_tooltip():
    name = "Direct traffic from social media posts and stories"
    rows = campaign_rows(plan(REELS), preview(CampaignCredit(0, "kw01", "direct_traffic", 1, 0, 0)),
                         {"direct_traffic": name}, "en")
    assert (rows[1].label, rows[1].full, rows[1].campaign) == ("→ Direct traffic from social…", name, "Total")


def test_campaigns_matching_no_action_are_listed_with_commas():
    assert unmatched_line(["(not set)", "spring_sale"], Lang.EN) == "Campaigns matching no action: (not set), spring_sale"
    assert unmatched_line(["spring_sale"], "ko") == "계획의 활동과 맞지 않는 캠페인: spring_sale"


# -- a long tactic cut to the table's width ------------------------------------------------------


@pytest.mark.parametrize(("tactic", "shown"), [
    # the last space exactly halfway through the cut: cut there
    ("Weekday brunch giveaways-and-coupons-for-regulars", "Weekday brunch…"),
    # the last space before halfway: cut mid-word rather than lose most of the line
    ("Reels for Instagram-and-TikTok-every-Thursday", "Reels for Instagram-and-TikTo…"),
    # no comma, middle dot or bracket left before the ellipsis; capitals kept
    ("Weekday brunch photos, lattes-and-scones-daily", "Weekday brunch photos…"),
    ("Scones · lattes · brunch-and-more-every-day", "Scones · lattes…"),
    ("Reels with the new SNS-BOX delivery-and-takeout", "Reels with the new SNS-BOX…"),
    # full-width letters take two columns, as Hangul does
    ("１＋１ 행사 쿠폰 게시물 매주 화요일 오후", "１＋１ 행사 쿠폰 게시물 매주…"),
    ("Ａ" * 15, "Ａ" * 15),
    ("Ａ" * 16, "Ａ" * 14 + "…"),
])
def test_a_long_tactic_is_cut_where_a_reader_expects(tactic, shown):
    assert shorten(tactic) == shown
