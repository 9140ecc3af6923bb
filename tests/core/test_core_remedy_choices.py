"""Which target, alternative KPI and new deadline the review suggests, at the edges of each rule.

A target reset is offered only for a trend that moves the right way and falls short (a flat trend
from an unround baseline must not come back as "reset to 810"); a percent's reset can lie a fraction
of a point from baseline and target; a band is aimed at, never reset to a target. The alternative
serves the plan's goal first, then the KPI's own goals, and a KPI the owner defined gets one of its
own family or none. A new cycle is as long as the one missed (at least a week) and counts from the
running cycle's own start and deadline. Each case is read word for word in both languages.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from kpiwizard.core.enums import Family, Lang, SocialGoal
from kpiwizard.core.models import BusinessGoal, CustomKpi, KpiSelection, Project
from kpiwizard.core.progress import evaluate_kpi, kpi_periods
from kpiwizard.core.remedies import RemedyKind, apply_remedy, realistic_target, suggest

from weekly_plans import END, MON, engagement, followers, plan, posts, revenue

FOUR_WEEKS = MON + timedelta(27)  # the review after four weekly readings of a twelve-week plan


def _said(project: Project, kpi_id: str, kind: RemedyKind, on) -> tuple[str, str]:
    ko = next(r for r in suggest(project, kpi_id, Lang.KO, on) if r.kind is kind).message.ko
    en = next(r for r in suggest(project, kpi_id, Lang.EN, on) if r.kind is kind).message.en
    return ko, en


def _kinds(project: Project, kpi_id: str, on) -> list[RemedyKind]:
    return [r.kind for r in suggest(project, kpi_id, Lang.KO, on)]


def _with_goal(project: Project, goal: SocialGoal) -> Project:
    project.business_goal = BusinessGoal(social_goal=goal)
    return project


# -- the target reset --------------------------------------------------------------------------


def test_a_flat_trend_from_an_unround_baseline_is_not_offered_its_own_baseline_rounded_up():
    # 807 followers, four weeks at 807: the trend ends where it began. Rounded to two figures it
    # would read 810, "higher" only by rounding: no reset, only the other remedies.
    project = plan(followers(baseline=807, target=1000), [807, 807, 807, 807])
    result = evaluate_kpi(project, project.kpi("f"), FOUR_WEEKS)
    assert (result.status.value, result.forecast, result.forecast_progress) == ("off_track", 807, 0)
    assert _kinds(project, "f", FOUR_WEEKS) == [RemedyKind.ALTERNATIVE, RemedyKind.STRATEGY]


def test_a_percent_reset_lies_a_fraction_of_a_point_from_baseline_and_target():
    # Engagement 4.0 % → 5.0 %: the trend reaches 4.6 %, 0.6 of a point up and 0.4 short.
    project = plan(engagement(baseline=4.0, target=5.0), [4.0, 4.1, 4.1, 4.2])
    assert _said(project, "e", RemedyKind.RESET, FOUR_WEEKS) == (
        "기록 4번의 추세라면 마감일에 약 4.6%에 이릅니다. 목표를 4.6%로 다시 정하고 KPI를 고치세요. "
        "바꾼 기록은 계획에 남습니다.",
        "At the trend of 4 readings it reaches about 4.6% by the deadline. Reset the target to 4.6% and "
        "revise the KPI; the change stays on record.")


def test_a_shrinking_growth_rate_whose_trend_reaches_zero_is_offered_zero():
    # Followers shrinking 2 % a month, aim +3 %: the trend stops the loss by the deadline (0 %).
    kpi = KpiSelection(id="g", catalog_id="follower_growth_rate", frequency="weekly", baseline=-2.0, target=3.0)
    project = plan(kpi, [-1.8, -1.7, -1.5, -1.3])
    assert _said(project, "g", RemedyKind.RESET, FOUR_WEEKS) == (
        "기록 4번의 추세라면 마감일에 약 0%에 이릅니다. 목표를 0%로 다시 정하고 KPI를 고치세요. "
        "바꾼 기록은 계획에 남습니다.",
        "At the trend of 4 readings it reaches about 0% by the deadline. Reset the target to 0% and "
        "revise the KPI; the change stays on record.")


def test_a_band_that_still_carries_an_old_target_is_never_reset_to_a_target():
    # Posts per week aimed at 3–5, with a target of 4 left from before it became a band: off track,
    # the trend reaching 2. What is aimed at is the band; no "reset the target to 2".
    project = plan(posts(baseline=1, band_low=3, band_high=5, target=4), [1, 1, 2, 1])
    result = evaluate_kpi(project, project.kpi("p"), FOUR_WEEKS)
    assert (result.status.value, result.forecast, result.forecast_progress) == ("off_track", 2, 0.5)
    assert RemedyKind.RESET not in _kinds(project, "p", FOUR_WEEKS)


@pytest.mark.parametrize("forecast, target", [
    (1234.0, None),  # the trend lands exactly on an unround target: reached, nothing to cut (not 1,200)
    (1190.0, 1200.0),  # just short: the round figure below the target
])
def test_a_trend_landing_exactly_on_an_unround_target_gets_no_reset(forecast, target):
    project = plan(followers(baseline=800, target=1234), [803, 806, 809, 812])
    result = evaluate_kpi(project, project.kpi("f"), FOUR_WEEKS)
    result = replace(result, forecast=forecast, forecast_progress=(forecast - 800) / 434)
    assert realistic_target(project, result) == target


# -- the alternative KPI -----------------------------------------------------------------------


def test_the_alternative_serves_the_plans_goal_before_the_kpis_other_goals():
    # Comments count for engagement and customer service; in a customer-service plan the
    # alternative is direct messages (customer service), not comments per post (engagement only).
    kpi = KpiSelection(id="c", catalog_id="comments", frequency="weekly", baseline=40, target=80)
    project = _with_goal(plan(kpi, [41, 42, 43, 44]), SocialGoal.CUSTOMER_SERVICE)
    assert _said(project, "c", RemedyKind.ALTERNATIVE, FOUR_WEEKS) == (
        "DM(개인 메시지)을 대안 KPI로 삼아 보세요. 같은 목표를 다른 쪽에서 잽니다. 먼저 몇 번 기록해 기준선을 잡은 뒤 "
        "그 기록으로 목표를 정합니다 (그때까지 진척 계산에서 빠집니다).",
        "Adopt Direct messages as an alternative KPI: it measures the same goal from another side. It starts "
        "by establishing its baseline: record it a few times, then set the target from those readings (until "
        "then it is left out of progress).")


def test_a_catalog_kpi_gets_its_own_listed_alternative_not_the_first_of_its_family():
    # Revenue from social in a sales plan: its own first alternative, the number of sales (not
    # shoppable-post clicks, which merely come first among the conversion KPIs).
    project = _with_goal(plan(revenue(baseline=400000, target=1000000), [410000, 420000, 430000, 445000]),
                         SocialGoal.LEADS_SALES)
    [alt] = [r for r in suggest(project, "s", Lang.KO, FOUR_WEEKS) if r.kind is RemedyKind.ALTERNATIVE]
    assert alt.alternative_id == "sales"
    assert alt.message.ko.startswith("판매 건수를 대안 KPI로 삼아 보세요.")
    en = next(r for r in suggest(project, "s", Lang.EN, FOUR_WEEKS) if r.kind is RemedyKind.ALTERNATIVE)
    assert en.message.en.startswith("Adopt Sales as an alternative KPI:")


def _custom(family: Family, goals: list[SocialGoal], plan_goal: SocialGoal) -> Project:
    kpi = KpiSelection(id="c", custom=CustomKpi(name="스마트스토어 주문 수", family=family, goals=goals),
                       frequency="weekly", baseline=10, target=40, unit="건")
    return _with_goal(plan(kpi, [10, 11, 11, 12]), plan_goal)


def test_an_own_kpi_gets_a_non_vanity_alternative_of_its_own_family_serving_the_plans_goal():
    # Online-store orders, a conversion KPI in a sales plan: shoppable-post clicks, a conversion KPI
    # (not direct messages, the first KPI of any family serving sales).
    project = _custom(Family.CONVERSION, [SocialGoal.LEADS_SALES], SocialGoal.LEADS_SALES)
    [alt] = [r for r in suggest(project, "c", Lang.KO, FOUR_WEEKS) if r.kind is RemedyKind.ALTERNATIVE]
    assert alt.alternative_id == "shoppable_clicks"
    assert alt.message.ko.startswith("쇼핑 태그 클릭을 대안 KPI로 삼아 보세요.")


def test_an_own_kpi_without_goals_whose_family_serves_no_part_of_the_plan_gets_no_alternative():
    # An ad KPI the owner defined without goals, in an engagement plan: no paid KPI serves
    # engagement, and an unrelated KPI is no alternative. The reset and a strategy remain.
    project = _custom(Family.PAID, [], SocialGoal.ENGAGEMENT)
    assert _kinds(project, "c", FOUR_WEEKS) == [RemedyKind.RESET, RemedyKind.STRATEGY]


# -- the new cycle's deadline ------------------------------------------------------------------


def test_a_missed_one_week_campaign_starts_a_new_week():
    # Coupons in a one-week campaign (5–11 January), reviewed on Tuesday the 13th: a new week,
    # to Monday the 19th (the 13th and six more days, as long as the missed week).
    kpi = KpiSelection(id="c", catalog_id="coupon_redemptions", frequency="weekly", baseline=0, target=50)
    project = Project(start=MON, end=MON + timedelta(6), kpis=[kpi], actuals={"c": {MON: 32}})
    assert _said(project, "c", RemedyKind.RESET, MON + timedelta(8)) == (
        "마감일이 지났으니 이 주기는 '미달'로 기록해 둡니다. 마지막 값 32회에서 새 주기를 시작하세요: "
        "목표 50회, 새 마감일 2026년 1월 19일.",
        "The deadline has passed, so this cycle stays on record as missed. Start a new cycle from the latest "
        "value, 32 redemptions: target 50 redemptions, new deadline 19 January 2026.")


def test_a_kpi_with_its_own_deadline_starts_a_cycle_as_long_as_its_own():
    # Followers due on 1 February (four weeks) in a twelve-week plan, reviewed on 3 February: a new
    # four-week cycle to 2 March, not one as long as the whole plan.
    project = plan(followers(baseline=800, target=1000, deadline=MON + timedelta(27)), [820, 830, 835, 840])
    assert _said(project, "f", RemedyKind.RESET, MON + timedelta(29)) == (
        "마감일이 지났으니 이 주기는 '미달'로 기록해 둡니다. 마지막 값 840명에서 새 주기를 시작하세요: "
        "목표 1,000명, 새 마감일 2026년 3월 2일.",
        "The deadline has passed, so this cycle stays on record as missed. Start a new cycle from the latest "
        "value, 840 followers: target 1,000 followers, new deadline 2 March 2026.")


def missed_twice() -> tuple[Project, object]:
    """Followers 800 → 1,000 missed at 930 (29 March), restarted on 30 March and missed again at 990."""
    project = plan(followers(baseline=800, target=1000),
                   [820, 840, 860, 870, 880, 890, 900, 910, 915, 920, 925, 930])
    first = END + timedelta(1)
    reset = next(r for r in suggest(project, "f", Lang.KO, first) if r.kind is RemedyKind.RESET)
    project = apply_remedy(project, reset)
    later = [p for p in kpi_periods(project, project.kpi("f")) if p.start >= first]
    project.actuals = {"f": {**project.actuals["f"], **{p.start: 935 + 5 * i for i, p in enumerate(later)}}}
    return project, project.kpi("f").deadline + timedelta(2)


def test_a_second_cycle_missed_again_starts_a_third_as_long_as_the_second():
    # The second cycle ran 30 March – 21 June (83 days); reviewed on 23 June, the third runs to
    # 14 September, not as long as everything since the plan began.
    project, on = missed_twice()
    assert _said(project, "f", RemedyKind.RESET, on) == (
        "마감일이 지났으니 이 주기는 '미달'로 기록해 둡니다. 마지막 값 990명에서 새 주기를 시작하세요: "
        "목표 1,000명, 새 마감일 2026년 9월 14일.",
        "The deadline has passed, so this cycle stays on record as missed. Start a new cycle from the latest "
        "value, 990 followers: target 1,000 followers, new deadline 14 September 2026.")
