"""Campaign links for the plan's actions, and GA4's campaign rows credited back to them."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import platform_fixtures as pf
import pytest

from kpiwizard.core.errors import UserError
from kpiwizard.core.models import Action
from kpiwizard.core.utm import campaign_link, campaign_name, match_action, source_for
from kpiwizard.export.platforms import plan_import

MON = date(2026, 3, 2)


@pytest.mark.parametrize("channel, source", [
    ("Instagram", "instagram"), ("인스타그램", "instagram"), ("네이버 블로그", "naver_blog"),
    ("네이버 플레이스", "naver_place"), ("카카오톡 채널", "kakao"), ("YouTube", "youtube"), ("My Forum", "my_forum"),
])
def test_utm_source_is_the_channel_as_analytics_spells_it(channel, source):
    assert source_for(channel) == source


def test_link_keeps_the_pages_own_parameters_and_fragment():
    action = Action(tactic="Reels of the scones", channel="Instagram")
    url = campaign_link("https://cafe.example/menu?lang=ko&utm_source=old#today", 2, action, content="story")
    parts = urlsplit(url)
    assert parts.fragment == "today"
    assert parse_qs(parts.query) == {"lang": ["ko"], "utm_source": ["instagram"], "utm_medium": ["social"],
                                     "utm_campaign": ["kw03-reels-of-the"], "utm_content": ["story"]}


def test_korean_tactics_keep_a_plain_numbered_campaign():
    assert campaign_name(0, Action(tactic="스콘 굽는 과정 스토리")) == "kw01"
    assert campaign_name(11, Action(tactic="Café latte art 2026 contest")) == "kw12-cafe-latte-art"


@pytest.mark.parametrize("url", ["cafe.example", "ftp://cafe.example", "https://", "https://cafe example.com", ""])
def test_not_a_web_address_is_refused_in_both_languages(url):
    with pytest.raises(UserError) as e:
        campaign_link(url, 0, Action(tactic="x"))
    assert "https://" in e.value.message("ko") and "web address" in e.value.message("en")


def test_campaign_values_match_actions_case_blind_and_only_their_own():
    project = pf.plan(MON, MON + timedelta(27), [("direct_traffic", "weekly")],
                      actions=[dict(tactic="Reels", channel="Instagram", kpi="direct_traffic"),
                               dict(tactic="블로그 후기", channel="네이버 블로그")])
    assert match_action(project, "KW01-Reels") == 0
    assert match_action(project, "kw02") == 1
    assert match_action(project, "kw01-stories") is None  # an old link of a renamed action
    assert match_action(project, "kw03") is None and match_action(project, "spring_sale") is None


def test_ga4_campaign_rows_credit_actions_and_feed_their_kpis(tmp_path):
    project = pf.plan(MON, MON + timedelta(27), [("direct_traffic", "monthly"), ("social_revenue", "monthly")],
                      actions=[dict(tactic="Reels", channel="Instagram", kpi="direct_traffic"),
                               dict(tactic="블로그 후기", channel="네이버 블로그", kpi="social_revenue")])
    rows = [("kw01-reels", 40, 30, 3, 9000), ("kw02", 10, 5, 1, 25000), ("spring_sale", 99, 9, 9, 99),
            ("(direct)", 500, 100, 5, 0)]
    path = pf.write(tmp_path, "ga4.csv", pf.ga4_csv(MON, MON + timedelta(27), rows, dimension="Session campaign"),
                    MON + timedelta(40))
    preview = plan_import(project, [path])
    credits = {(c.action_index, c.campaign, c.kpi_id): (c.sessions, c.key_events, c.revenue) for c in preview.campaigns}
    assert credits == {(0, "kw01-reels", "direct_traffic"): (40, 3, 9000), (1, "kw02", "social_revenue"): (10, 1, 25000)}
    assert preview.unmatched_campaigns == ["spring_sale"]
    got = {(v.kpi_id, v.period.start): v.value for v in preview.values}
    assert got == {("direct_traffic", MON): 50, ("social_revenue", MON): 34000}  # matched campaigns only
    assert preview.campaign_totals_by_kpi() == {"direct_traffic": (40, 3, 9000), "social_revenue": (10, 1, 25000)}
    text = preview.render("en")
    assert "kw01-reels: 40 sessions, 3 key events, revenue ₩9,000" in text and "spring_sale" in text
    assert "→ Direct traffic from social: 40 sessions, 3 key events, revenue ₩9,000" in text
    project.business.currency = "USD"
    assert "revenue $9,000.00" in plan_import(project, [path]).render("en")
