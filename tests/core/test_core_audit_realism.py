"""The realism verdicts' worked-out figures and suggested targets, word for word, at their edges.

A steep target gets the target that would be usual (whole for counts, rounded toward the baseline
so the advice never asks more, the owner's decimals for rates and money) and the verb that moves
it back: a count or a rate is lowered, a response time or a cost is raised. A follower target
beyond what posting and ads can add gets up to three ways out; more weeks only while that is at
most a year. Each figure below was recomputed by hand.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from test_advice_plans import START, K, plan

from kpiwizard.core.audit import audit
from kpiwizard.core.enums import SocialGoal
from kpiwizard.core.examples import find_example
from kpiwizard.core.models import Project


def steep(p: Project) -> list[tuple]:
    return [(f.id, f.kpi_id, f.message.ko, f.message.en, f.fix.ko, f.fix.en)
            for f in audit(p).findings if f.id in ("R-kpi-steep", "R-kpi-unrealistic")]


USED = {
    50: ("쓴 가정: 보통 가능한 월간 변화 50% (기본값, KPI 목록의 이 KPI 값(KPI 마법사의 가정)). 계획의 가정에서 바꿀 수 있습니다.",
         "Assumptions used: usual monthly change limit 50% (default, this KPI's figure in the catalog (KPI Wizard's "
         "assumption)). Change them in the plan's assumptions."),
    30: ("쓴 가정: 보통 가능한 월간 변화 30% (기본값, KPI 목록의 이 KPI 값(KPI 마법사의 가정)). 계획의 가정에서 바꿀 수 있습니다.",
         "Assumptions used: usual monthly change limit 30% (default, this KPI's figure in the catalog (KPI Wizard's "
         "assumption)). Change them in the plan's assumptions."),
    25: ("쓴 가정: 보통 가능한 월간 변화 25% (기본값, KPI 목록의 이 KPI 값(KPI 마법사의 가정)). 계획의 가정에서 바꿀 수 있습니다.",
         "Assumptions used: usual monthly change limit 25% (default, this KPI's figure in the catalog (KPI Wizard's "
         "assumption)). Change them in the plan's assumptions."),
}


def test_a_salon_halving_its_response_time_in_a_month_is_told_to_raise_the_target():
    # 240 → 30 minutes in 31 days (1.02 months): 210 ÷ 240 ÷ 1.02 = 85.9 % a month, 1.7× the usual 50 %.
    # The usual pace reaches 240 − 240 × 50 % × 1.02 = 117.8 minutes: 118, rounded toward the baseline.
    p = plan([K("response_time", 240, 30), K("response_rate", 60, 70)], goal=SocialGoal.CUSTOMER_SERVICE,
             what="DM 응답 시간", days=31)
    ko, en = USED[50]
    assert steep(p) == [(
        "R-kpi-steep", "response_time",
        f"'응답 시간'은 1개월 동안 한 달에 85.9%씩 바뀌어야 합니다. 소상공인이 보통 낼 수 있는 50%의 1.7배입니다. {ko} 도전적인 목표입니다.",
        f"'Response time' would have to change 85.9% a month for 1 month, 1.7× the 50% a small business usually "
        f"manages. {en} It is a stretch.",
        "목표를 약 118분으로 올리거나 기간을 늘리거나, 그만큼 실행을 더하세요.",
        "Raise the target to about 118 minutes, allow more time, or add the actions it takes.",
    )]


def test_a_cost_per_click_keeps_the_cents_the_owner_typed():
    # $1.55 → $0.40: 72.8 % a month, 2.4× the usual 30 %; usual: 1.55 − 1.55 × 30 % × 1.02 = 1.08 → $1.10.
    p = plan([K("cost_per_click", 1.55, 0.4), K("link_clicks", 300, 330)], goal=SocialGoal.LEADS_SALES,
             what="링크 클릭", days=31, ad_spend=100, currency="USD")
    [(_, _, ko, en, fix_ko, fix_en)] = steep(p)
    assert ko.startswith("'클릭당 비용'은 1개월 동안 한 달에 72.8%씩 바뀌어야 합니다. 소상공인이 보통 낼 수 있는 30%의 2.4배입니다.")
    assert (fix_ko, fix_en) == ("목표를 약 $1.10으로 올리거나 기간을 늘리거나, 그만큼 실행을 더하세요.",
                                "Raise the target to about $1.10, allow more time, or add the actions it takes.")


def test_an_engagement_rate_tripled_in_two_months_is_unrealistic_and_gets_the_target_three_times_usual():
    # 3.2 → 9.5 % in 61 days (2.004 months): 6.3 ÷ 3.2 ÷ 2.004 = 98.2 % a month, 3.9× the usual 25 %.
    # Three times the usual pace: 3.2 + 3.2 × 75 % × 2.004 = 8.01 → 8 %.
    p = plan([K("engagement_rate", 3.2, 9.5), K("reach", 2000, 2200)], goal=SocialGoal.ENGAGEMENT, what="게시물 참여율",
             days=61)
    ko, en = USED[25]
    assert steep(p) == [(
        "R-kpi-unrealistic", "engagement_rate",
        f"'참여율'은 2개월 동안 한 달에 98.2%씩 바뀌어야 합니다. 소상공인이 보통 낼 수 있는 25%의 3.9배입니다. {ko} "
        "보통의 3배를 넘는 목표는 현실적이지 않습니다.",
        f"'Engagement rate' would have to change 98.2% a month for 2 months, 3.9× the 25% a small business usually "
        f"manages. {en} Beyond 3× the usual pace, a target is not realistic.",
        "목표를 약 8%로 낮추거나 기간을 늘리세요. 사장님의 실제 기록이 세 번 이상 쌓이면 그 추세로 다시 판단합니다.",
        "Lower the target to about 8% or allow more time. Once three readings are recorded, your own trend is the "
        "yardstick.",
    )]


def test_revenue_in_won_is_suggested_to_the_won_below_the_usual_pace():
    # ₩1,250,000 → ₩2,900,000 in two months: 65.9 % a month, 2.2× the usual 30 %;
    # usual: 1,250,000 × (1 + 30 % × 2.004) = 2,001,540.
    p = plan([K("social_revenue", 1_250_000, 2_900_000), K("sales", 40, 44)], goal=SocialGoal.LEADS_SALES,
             what="SNS 매출", days=61)
    ko, en = USED[30]
    assert steep(p) == [(
        "R-kpi-steep", "social_revenue",
        f"'SNS 매출'은 2개월 동안 한 달에 65.9%씩 바뀌어야 합니다. 소상공인이 보통 낼 수 있는 30%의 2.2배입니다. {ko} 도전적인 목표입니다.",
        f"'Revenue from social' would have to change 65.9% a month for 2 months, 2.2× the 30% a small business "
        f"usually manages. {en} It is a stretch.",
        "목표를 약 ₩2,001,540으로 낮추거나 기간을 늘리거나, 그만큼 실행을 더하세요.",
        "Lower the target to about ₩2,001,540, allow more time, or add the actions it takes.",
    )]


@pytest.mark.parametrize("target, suggested", [
    (880, "about 754 clicks"),  # 500 × (1 + 50 % × 1.018) = 754.6: whole clicks, never more than usual
    (880.5, "about 754.6 clicks"),  # a target typed with a decimal keeps one
])
def test_counts_typed_whole_get_a_whole_suggestion(target, suggested):
    p = plan([K("link_clicks", 500, target), K("leads", 20, 24)], goal=SocialGoal.LEADS_SALES, what="링크 클릭", days=31)
    [(_, _, _, _, _, fix_en)] = steep(p)
    assert fix_en == f"Lower the target to {suggested}, allow more time, or add the actions it takes."


def test_a_share_going_down_is_raised_back_with_one_decimal():
    # Negative comments 40 % → 10 % of all in a month: share of the audience, measured against its own value.
    # 30 ÷ 40 ÷ 1.02 = 73.6 % a month; the catalog's usual 50 %: 40 − 40 × 50 % × 1.02 = 19.6 (one place, as a rate).
    p = plan([K("negative_comment_share", 40, 10), K("comments", 100, 110)], goal=SocialGoal.CUSTOMER_SERVICE,
             what="부정 댓글 비율", days=31)
    [(check, _, ko, _, fix_ko, fix_en)] = steep(p)
    assert check == "R-kpi-steep"
    assert "한 달에 73.6%씩" in ko
    assert fix_ko == "목표를 약 19.6%로 올리거나 기간을 늘리거나, 그만큼 실행을 더하세요."
    assert fix_en == "Raise the target to about 19.6%, allow more time, or add the actions it takes."


def test_a_whole_count_going_down_is_rounded_up():
    # Cost per lead in won, typed whole: ₩12,000 → ₩5,000 in a month; the usual 30 % gives
    # 12,000 − 12,000 × 30 % × 1.02 = 8,333.4 → ₩8,334, rounded up toward the baseline.
    p = plan([K("cost_per_lead", 12000, 5000), K("leads", 20, 24)], goal=SocialGoal.LEADS_SALES, what="상담 리드",
             days=31, ad_spend=300_000)
    [(check, _, _, _, fix_ko, fix_en)] = steep(p)
    assert (check, fix_ko) == ("R-kpi-steep", "목표를 약 ₩8,334로 올리거나 기간을 늘리거나, 그만큼 실행을 더하세요.")


# ------------------------------------------------------------------ followers: the ways out


def _followers(target: float, **change) -> tuple:
    p = find_example("pizzeria").load()
    p.kpi("followers_local").target = target
    for key, value in change.items():
        obj, name = key.split("__")
        setattr(getattr(p, obj), name, value)
    [f] = [f for f in audit(p).findings if f.id.startswith("R-audience")]
    return f.id, f.message.ko, f.message.en, f.fix.ko, f.fix.en


def test_more_weeks_are_offered_up_to_a_year():
    # No ads: 40 followers a month from posting (400 × 10 %), 40.7 in March. +519 is 478.3 short:
    # 478.3 ÷ 40 × 30.4375 ÷ 7 = 52.0 weeks; +520 needs 52.1: more than a year is no advice.
    assert _followers(919, roi__ad_spend=0)[3:] == (
        "목표를 약 440명으로 낮추기, 기간을 약 52주 늘리기, 광고 예산을 약 $573.91 더하기, 게시를 늘리기 가운데 하나를 고르세요.",
        "Choose one: lower the target to about 440 followers, allow about 52 more weeks, add about $573.91 of ads, "
        "post more.")
    assert _followers(920, roi__ad_spend=0)[3:] == (
        "목표를 약 440명으로 낮추기, 광고 예산을 약 $575.11 더하기, 게시를 늘리기 가운데 하나를 고르세요.",
        "Choose one: lower the target to about 440 followers, add about $575.11 of ads, post more.")


def test_without_posts_or_ads_nothing_adds_followers():
    check, ko, en, fix_ko, fix_en = _followers(480, capacity__posts_per_week=0, roi__ad_spend=0)
    assert check == "R-audience-capacity"
    assert ko.startswith("'지역 팔로워 수'의 +80은 지금의 팔로워·게시·광고 예산으로 기간 안에 늘릴 수 있는 약 0명의 ∞배입니다(부족분 약 80명). "
                         "계산: 주 0회 게시로 한 달에 팔로워의 0%(최소 주 1회당 월 4명) × 1개월 = 약 0명, 광고비 $0.00으로 약 0명.")
    assert en.startswith("'Local followers' +80 is ∞× the roughly 0 that current followers, posting and ad budget can "
                         "add in the time frame (short by about 80).")
    # No weeks to offer (nothing comes in a week); $96 of ads buy the 80 at $1.20.
    assert fix_en == "Choose one: lower the target to about 400 followers, add about $96.00 of ads, post more."
    assert fix_ko == "목표를 약 400명으로 낮추기, 광고 예산을 약 $96.00 더하기, 게시를 늘리기 가운데 하나를 고르세요."


def test_when_ads_buy_no_followers_the_budget_is_neither_counted_nor_offered():
    # The owner set the cost per follower to 0 ("ads buy no followers here"): $100 adds nobody.
    check, ko, en, fix_ko, fix_en = _followers(520, assumptions__cost_per_follower=0)
    assert check == "R-audience-capacity"  # +120 is 2.9× the 40 from posting
    assert "ad budget $100.00 adds about 0. Assumptions used: monthly follower growth per weekly post 2% (default, " \
           "KPI Wizard's assumption); minimum monthly gain per weekly post 4 followers (default, KPI Wizard's " \
           "assumption); organic growth ceiling a month 50% (default, KPI Wizard's assumption). Change them" in en
    assert "광고 팔로워 1명당 비용" not in ko
    assert fix_en == "Choose one: lower the target to about 440 followers, allow about 9 more weeks, post more."
    assert fix_ko == "목표를 약 440명으로 낮추기, 기간을 약 9주 늘리기, 게시를 늘리기 가운데 하나를 고르세요."


def test_a_currency_without_a_default_cost_per_follower_counts_no_paid_followers():
    check, _, en, _, fix_en = _followers(520, business__currency="CHF")
    assert "ad budget 100.00 CHF adds about 0." in en and "ad cost per follower" not in en
    assert fix_en == "Choose one: lower the target to about 440 followers, allow about 9 more weeks, post more."


def test_the_stretch_and_the_error_meet_at_twice_the_capacity():
    # Posting adds 40.7 in March, $100 of ads 83.3: 124.1 in all. Twice that is 248.1.
    assert _followers(400 + 248)[0] == "R-audience-stretch"
    assert _followers(400 + 249)[0] == "R-audience-capacity"
    p = find_example("pizzeria").load()
    p.kpi("followers_local").target = 400 + 124
    assert not [f for f in audit(p).findings if f.id.startswith("R-audience")]
    p.kpi("followers_local").target = 400 + 125
    assert [f.id for f in audit(p).findings if f.id.startswith("R-audience")] == ["R-audience-stretch"]


def test_posts_and_growth_the_owner_typed_are_shown_as_typed_and_one_week_is_singular():
    # 1.25 posts a week (five in four weeks) at the owner's own 3 % a post: 3.75 % of 400 = 15 a month;
    # $100 of ads buy 81.8 a month: 98.6 in March, so +120 is 1.2×, 21.4 short: one more week
    # (21.4 ÷ 96.8 a month × 30.4375 ÷ 7 = 0.96) or $25.67 of ads.
    p = find_example("pizzeria").load()
    p.capacity.posts_per_week = 1.25
    p.assumptions.organic_growth_per_post = 0.03
    p.kpi("followers_local").target = 520
    [f] = [f for f in audit(p).findings if f.id.startswith("R-audience")]
    assert f.id == "R-audience-stretch"
    assert f.message.ko.startswith(
        "'지역 팔로워 수'의 +120은 지금의 팔로워·게시·광고 예산으로 기간 안에 늘릴 수 있는 약 98명의 1.2배입니다(부족분 약 22명). "
        "계산: 주 1.25회 게시로 한 달에 팔로워의 3.8%(최소 주 1회당 월 4명) × 1개월 = 약 15명, 광고비 $100.00으로 약 83명. "
        "쓴 가정: 주 1회 게시당 월 팔로워 증가 3% (계획에 입력한 값); ")
    assert f.message.en.startswith(
        "'Local followers' +120 is 1.2× the roughly 98 that current followers, posting and ad budget can add in the "
        "time frame (short by about 22). Worked out: 1.25 posts a week grow the followers 3.8% a month (at least 4 a "
        "month per weekly post) × 1 month = about 15; ad budget $100.00 adds about 83. Assumptions used: monthly "
        "follower growth per weekly post 3% (value entered in the plan); ")
    assert f.fix.ko == "목표를 약 498명으로 낮추기, 기간을 약 1주 늘리기, 광고 예산을 약 $25.67 더하기, 게시를 늘리기 가운데 하나를 고르세요."
    assert f.fix.en == ("Choose one: lower the target to about 498 followers, allow about 1 more week, add about $25.67 "
                        "of ads, post more.")


def test_a_monthly_post_brings_the_minimum_of_four_followers_and_the_weeks_it_would_take():
    # A hairdresser with 150 followers posting once a month: 150 × 0.5 % = 0.75 < the minimum 4 × 0.25 = 1
    # follower a month. +12 in March is 10.98 short: 10.98 ÷ 1 × 30.4375 ÷ 7 = 47.8 → 48 more weeks.
    p = plan([K("followers_local", 150, 162)], what="동네 팔로워", days=31, posts=0.25, industry="미용실")
    [f] = [f for f in audit(p).findings if f.id.startswith("R-audience")]
    assert f.id == "R-audience-capacity"
    assert "계산: 주 0.25회 게시로 한 달에 팔로워의 0.5%(최소 주 1회당 월 4명) × 1개월 = 약 1명, 광고비 ₩0으로 약 0명." in f.message.ko
    assert f.fix.en == ("Choose one: lower the target to about 151 followers, allow about 48 more weeks, add about "
                        "₩16,472 of ads, post more.")


def test_every_kpi_with_a_ceiling_has_a_floor():
    """The audit names a range as 'low–high' whenever there is a ceiling: no KPI has one without a floor."""
    from kpiwizard.core.catalog import load_catalog

    assert [k.id for k in load_catalog().kpis if k.natural_max is not None and k.natural_min is None] == []


def test_a_usual_change_the_owner_typed_is_named_the_same_in_the_sentence_and_the_assumptions():
    # The owner knows their link clicks move 12.5 % a month at most: 500 → 600 in a month is 19.6 %, 1.6×.
    from kpiwizard.core.models import Assumptions

    p = plan([K("link_clicks", 500, 600), K("leads", 20, 24)], goal=SocialGoal.LEADS_SALES, what="링크 클릭", days=31,
             assumptions=Assumptions(monthly_change_by_kpi={"link_clicks": 0.125}))
    [(check, _, ko, en, _, _)] = steep(p)
    assert check == "R-kpi-steep"
    assert en.startswith("'Link clicks' would have to change 19.6% a month for 1 month, 1.6× the 12.5% a small business "
                         "usually manages. Assumptions used: usual monthly change limit 12.5% (value entered in the plan).")
    assert ko.startswith("'링크 클릭'은 1개월 동안 한 달에 19.6%씩 바뀌어야 합니다. 소상공인이 보통 낼 수 있는 12.5%의 1.6배입니다. "
                         "쓴 가정: 보통 가능한 월간 변화 12.5% (계획에 입력한 값).")


def test_a_response_rate_is_measured_against_the_room_left_to_100():
    # 10 → 90 % in a month: 80 points of the 90 left, 87.3 % a month (not 800 %), 2.9× the usual 30 %.
    p = plan([K("response_rate", 10, 90), K("response_time", 120, 100)], goal=SocialGoal.CUSTOMER_SERVICE,
             what="DM 응답률", days=31)
    [(check, kpi, ko, en, fix_ko, fix_en)] = steep(p)
    assert (check, kpi) == ("R-kpi-steep", "response_rate")
    assert en.startswith("'Response rate' would have to change 87.3% a month for 1 month, 2.9× the 30% a small "
                         "business usually manages.")
    # The usual pace: 10 + 90 × 30 % × 1.02 = 37.5 %.
    assert fix_en == "Lower the target to about 37.5%, allow more time, or add the actions it takes."


def _ads_only(target: float, ad_spend: float) -> list[str]:
    # A shop that does not post and buys followers: $120 over March at $1.20 is exactly 100 followers.
    p = plan([K("reach", 2000, 2200), K("followers_local", 400, target)], what="동네 팔로워", days=31, posts=0,
             ad_spend=ad_spend, currency="USD")
    return [f.id for f in audit(p).findings if f.id.startswith("R-audience")]


def test_a_follower_target_exactly_at_capacity_is_realistic_and_exactly_twice_it_a_stretch():
    assert _ads_only(500, 120) == []
    assert _ads_only(501, 120) == ["R-audience-stretch"]
    assert _ads_only(500, 60) == ["R-audience-stretch"]  # 100 of 50: exactly 2×
    assert _ads_only(501, 60) == ["R-audience-capacity"]


def test_a_reading_on_the_deadline_counts_in_the_record():
    # Readings on 1, 8 and 15 March for a plan ending 15 March: three readings, so the owner's own
    # record judges the target (it has reached it), not the usual monthly change.
    p = plan([K("link_clicks", 100, 300), K("leads", 10, 11)], goal=SocialGoal.LEADS_SALES, what="링크 클릭", days=15,
             actuals={"link_clicks": {START: 150, START + timedelta(days=7): 220, START + timedelta(days=14): 300}})
    assert not steep(p)
    p.actuals["link_clicks"].pop(START + timedelta(days=14))
    assert [s[0] for s in steep(p)] == ["R-kpi-unrealistic"]


@pytest.mark.parametrize("target, found", [
    (1125, []), (1126, ["R-kpi-steep"]),  # exactly the usual 50 % a month, then just above it
    (1375, ["R-kpi-steep"]), (1376, ["R-kpi-unrealistic"]),  # exactly 3×, then just above it
])
def test_the_usual_change_and_three_times_it_are_the_edges(target, found):
    # A three-day plan counts as a week (0.25 months): 1,000 → 1,125 reach is 12.5 % in a quarter month,
    # 50 % a month, exactly the usual; 1,375 is 150 % a month, exactly three times it.
    p = plan([K("reach", 1000, target), K("leads", 10, 11)], goal=SocialGoal.LEADS_SALES, what="도달", days=3)
    assert [s[0] for s in steep(p) if s[1] == "reach"] == found
