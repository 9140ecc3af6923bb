"""Each rule of the audit on both sides of its edge, on plans a small business would write.

``test_advice_plans.py`` moves the realism thresholds (steep change, follower capacity, history,
funnel, weights, long plans, KPIs one can follow) across their edges; this file does the same for
the conditions around them that mutation testing found unguarded: which KPIs a check looks at at
all, which values count, where a rule stops (a value exactly on a limit, a reading on the deadline,
a KPI the owner is still measuring), and the figures a finding names.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from test_advice_plans import START, K, plan, weekly

from kpiwizard.core.audit import audit
from kpiwizard.core.enums import Direction, Frequency, Severity, SmartLetter, SocialGoal
from kpiwizard.core.examples import find_example
from kpiwizard.core.models import CustomKpi, Funnel, KpiSelection, Project


def ids(p: Project) -> set[str]:
    return {f.id for f in audit(p).findings}


def found(p: Project, check_id: str) -> list:
    return [f for f in audit(p).findings if f.id == check_id]


def valid(p: Project) -> Project:
    return Project.model_validate(p.model_dump())


def pizzeria() -> Project:
    return find_example("pizzeria").load()


def cafe() -> Project:
    return find_example("cafe").load()


# ------------------------------------------------------------------ S: what the goal says


def test_a_channel_metric_as_the_goal_is_fine_beside_an_outcome_kpi():
    p = pizzeria()
    p.kpis = [*p.kpis, KpiSelection(id="impressions", catalog_id="impressions", baseline=5000, target=6000,
                                    owner="Tom", weight=0)]
    p.choose_goal_metric("impressions")
    assert "S-channel-metric" not in ids(p)  # qualified interactions tie it to the business
    p.remove_kpi("qualified_interactions")
    assert "S-channel-metric" in ids(p)


@pytest.mark.parametrize("what, vague", [
    ("IMPROVE OUR BRAND AWARENESS", True),  # capitals are the same words
    ("Grow our Instagram FOLLOWERS", False),
    ("  ", False),  # nothing written is S-what-missing, not vague
])
def test_the_vague_goal_test_ignores_case_and_leaves_an_empty_goal_to_its_own_check(what, vague):
    p = plan([K("followers_local", 400, 480)], what=what)
    assert ("S-what-vague" in ids(p)) is vague
    assert ("S-what-missing" in ids(p)) is (not what.strip())


# ------------------------------------------------------------------ M: numbers that can be measured


def test_the_goal_and_its_kpi_agree_when_only_one_side_has_a_number():
    p = pizzeria()
    p.smart.baseline = None  # M-goal-baseline-missing says so; nothing to disagree on
    assert "M-goal-kpi-mismatch" not in ids(p)
    p = pizzeria()
    p.kpi("followers_local").target = None
    p.kpi("followers_local").direction = Direction.HIGHER
    assert "M-goal-kpi-mismatch" not in ids(p)


def test_a_band_kpi_as_the_goal_is_not_compared_with_the_goals_numbers():
    p = plan([K("promo_post_share", 30, band=(20, 30)), K("reach", 2000, 2400)], what="홍보 게시물 비율")
    p.choose_goal_metric("promo_post_share")
    p.smart.baseline, p.smart.target = 30, 25
    assert "M-goal-kpi-mismatch" not in ids(valid(p))


def test_a_kpi_still_being_measured_needs_no_baseline_or_target_unless_it_measures_the_goal():
    p = plan([K("followers_local", 400, 480), K("dms", None, None)], what="동네 팔로워")
    assert not {"M-kpi-baseline-missing", "M-kpi-target-missing"} & ids(p)
    assert [f.kpi_id for f in found(p, "M-measure-first")] == ["dms"]
    p.choose_goal_metric("dms")
    p = valid(p)
    assert {f.kpi_id for f in found(p, "M-kpi-baseline-missing")} == {"dms"}
    assert {f.kpi_id for f in found(p, "M-kpi-target-missing")} == {"dms"}
    assert "M-measure-first" not in ids(p)  # the goal itself needs its numbers


def test_a_kpi_with_a_target_but_no_baseline_is_missing_its_baseline_not_measuring_first():
    p = plan([K("followers_local", 400, 480), K("dms", None, 30)], what="동네 팔로워")
    assert [f.kpi_id for f in found(p, "M-kpi-baseline-missing")] == ["dms"]
    assert "M-measure-first" not in ids(p)
    p = plan([K("followers_local", 400, 480), K("dms", 20, None)], what="동네 팔로워")
    assert [f.kpi_id for f in found(p, "M-kpi-target-missing")] == ["dms"]
    assert "M-measure-first" not in ids(p)


def test_a_band_kpi_has_no_target_to_miss_and_is_measuring_first_only_without_any_number():
    p = plan([K("followers_local", 400, 480), K("promo_post_share", None, band=(20, 30))], what="동네 팔로워")
    assert not {"M-kpi-target-missing", "M-band-missing", "M-measure-first"} & ids(p)
    assert [f.kpi_id for f in found(p, "M-kpi-baseline-missing")] == ["promo_post_share"]
    p = plan([K("followers_local", 400, 480), K("promo_post_share", None)], what="동네 팔로워")
    assert [f.kpi_id for f in found(p, "M-measure-first")] == ["promo_post_share"]
    assert not {"M-band-missing", "M-kpi-baseline-missing"} & ids(p)
    p.kpis[1].band_high = 30
    p = valid(p)
    assert [f.field for f in found(p, "M-band-missing")] == ["kpis[1].band_low"]
    assert "M-measure-first" not in ids(p)


@pytest.mark.parametrize("cid, value, outside", [
    ("reach", 0, False), ("reach", -0.5, True),  # a count: 0 or more
    ("response_rate", 100, False), ("response_rate", 100.5, True), ("response_rate", 0, False),
    ("response_time", 0.5, False), ("response_time", 0, True),  # a time: above 0
    ("review_rating", 1, False), ("review_rating", 0.9, True), ("review_rating", 5, False),
    ("roi", -100, False), ("roi", -100.5, True), ("roi", 900, False),  # ROI: −100 % (all lost) or more
    ("roas", 450, False),  # a ratio shown as percent passes 100
])
def test_a_value_is_impossible_only_beyond_its_kpis_natural_limit(cid, value, outside):
    p = plan([K(cid, value if cid != "response_time" else 60, 3 if cid == "review_rating" else 50)],
             what="리뷰 평점", goal=SocialGoal.CUSTOMER_SERVICE)
    p.actuals = {cid: {START: value}}
    assert ("M-natural-range" in ids(valid(p))) is outside


def test_band_ends_outside_a_share_are_named_after_the_baseline():
    p = plan([K("promo_post_share", 30, band=(-5, 120)), K("reach", 2000, 2400)], what="홍보 게시물")
    [f] = found(p, "M-natural-range")
    assert f.field == "kpis[0].band_low"
    assert f.message.en == "'Promotional post share' can only take values 0–100, but has -5, 120."
    assert f.message.ko == "'홍보 게시물 비율'은 0~100만 가능한데 -5, 120이 있습니다."


@pytest.mark.parametrize("values, flagged", [
    ((0.5, 0.9), True),
    ((0, 0.9), True),  # a zero baseline typed as a fraction too
    ((0, 0), False),  # nothing above zero: no sign of a fraction
    ((-0.2, 0.5), False),  # below zero is no share typed as a fraction (M-natural-range says so)
    ((0.5, 1.5), False),
])
def test_a_percent_reads_as_a_fraction_only_when_every_value_is_between_0_and_1(values, flagged):
    p = plan([K("response_rate", *values), K("response_time", 120, 60)], goal=SocialGoal.CUSTOMER_SERVICE,
             what="DM 응답률")
    assert ("M-percent-fraction" in ids(p)) is flagged


def test_only_percent_kpis_are_asked_about_fractions_and_band_ends_count():
    assert "M-percent-fraction" not in ids(plan([K("review_rating", 0.5, 0.9)], what="리뷰 평점",
                                                goal=SocialGoal.CUSTOMER_SERVICE))
    p = plan([K("promo_post_share", 0.2, band=(0.1, 0.3)), K("reach", 2000, 2400)], what="홍보 게시물")
    [f] = found(p, "M-percent-fraction")
    assert "(0.2, 0.1, 0.3)" in f.message.en and f.kpi_id == "promo_post_share"
    p = plan([K("promo_post_share", 0.2, band=(0.1, 30)), K("reach", 2000, 2400)], what="홍보 게시물")
    assert "M-percent-fraction" not in ids(p)


def test_a_custom_kpi_without_a_goal_may_measure_it_until_a_tagged_kpi_does():
    walkins = K("walkins", 5, 6, custom=CustomKpi(name="매장 방문"), id="walkins")
    p = plan([K("likes", 200, 260), walkins], goal=SocialGoal.LEADS_SALES, what="매장 방문 손님")
    assert "M-goal-relevance" not in ids(p) and "M-goal-untagged" in ids(p)
    p = plan([K("leads", 20, 26), walkins], goal=SocialGoal.LEADS_SALES, what="매장 방문 손님")
    assert not {"M-goal-relevance", "M-goal-untagged"} & ids(p)
    tagged = K("walkins", 5, 6, custom=CustomKpi(name="매장 방문", goals=["leads_sales"]), id="walkins")
    p = plan([K("likes", 200, 260), tagged], goal=SocialGoal.LEADS_SALES, what="매장 방문 손님")
    assert not {"M-goal-relevance", "M-goal-untagged"} & ids(p)


def test_a_plan_without_kpis_is_told_to_choose_some_and_nothing_else_about_kpis():
    p = plan([], what="동네 팔로워")
    found_ids = ids(p)
    assert "M-no-kpis" in found_ids
    assert not {"M-goal-relevance", "M-goal-unmeasured", "M-only-vanity", "M-no-outcome", "A-weights-sum",
                "M-map-empty-perspective", "A-too-many-kpis"} & found_ids


def test_the_goal_metric_that_does_not_measure_the_goal():
    # A custom KPI without goal tags is not said to miss the goal; a tagged one that misses it is.
    p = plan([K("followers_local", 400, 480), K("walkins", 5, 6, custom=CustomKpi(name="매장 방문"), id="walkins")],
             what="매장 방문 손님")
    p.choose_goal_metric("walkins")
    assert "M-goal-metric-relevance" not in ids(valid(p))
    p = plan([K("followers_local", 400, 480), K("leads", 10, 12)], what="문의 리드")
    p.choose_goal_metric("leads")
    assert "M-goal-metric-relevance" in ids(valid(p))
    # When no KPI measures the goal, M-goal-relevance fails the plan and this warning stays silent.
    p = plan([K("leads", 10, 12), K("sales", 5, 6)], what="문의 리드")
    assert "M-goal-relevance" in ids(p) and "M-goal-metric-relevance" not in ids(p)


def test_vanity_and_outcome_kpis():
    assert "M-only-vanity" in ids(plan([K("impressions", 5000, 6000), K("likes", 200, 240)], what="노출 수"))
    mixed = plan([K("impressions", 5000, 6000), K("reach", 2000, 2400)], what="노출 수")
    assert "M-only-vanity" not in ids(mixed) and "M-no-outcome" in ids(mixed)
    # Only vanity KPIs: one finding says so, not also 'no outcome KPI'.
    assert "M-no-outcome" not in ids(plan([K("impressions", 5000, 6000)], what="노출 수"))
    assert "M-no-outcome" not in ids(plan([K("reach", 2000, 2400), K("leads", 10, 12)], what="도달"))


@pytest.mark.parametrize("days, frequency, readings", [
    (15, Frequency.WEEKLY, 3),  # weeks from 1, 8 and 15 March
    (14, Frequency.WEEKLY, 2),
    (62, Frequency.MONTHLY, 3),  # March, April and 1 May: a period cut short is still read
    (61, Frequency.MONTHLY, 2),
])
def test_a_kpi_read_fewer_than_three_times_by_its_deadline_cannot_be_steered(days, frequency, readings):
    p = plan([K("followers_local", 400, 480, frequency=frequency)], what="동네 팔로워", days=days)
    flagged = found(p, "M-frequency-coarse")
    assert bool(flagged) is (readings < 3)
    if flagged:
        assert f"{readings}번만 측정됩니다" in flagged[0].message.ko


def test_a_deadline_before_the_plan_starts_is_left_to_the_deadline_check():
    p = plan([K("followers_local", 400, 480), K("reach", 2000, 2400)], what="동네 팔로워", days=92)
    p.kpis[1].deadline = START - timedelta(days=1)
    p = valid(p)
    assert "M-frequency-coarse" not in {f.id for f in audit(p).for_kpi("reach")}
    assert "T-deadline-outside-plan" in {f.id for f in audit(p).for_kpi("reach")}
    p.kpis[1].deadline = START  # a deadline on the first day: one reading
    assert "M-frequency-coarse" in {f.id for f in audit(valid(p)).for_kpi("reach")}


# ------------------------------------------------------------------ A: achievable


def test_a_target_equal_to_its_baseline():
    assert "A-target-equals-baseline" in ids(plan([K("reach", 2000, 2000)], what="도달"))
    assert "A-target-equals-baseline" not in ids(plan([K("reach", 2000, 2001)], what="도달"))
    # A band KPI holds steady on purpose; a KPI without numbers is being measured first.
    assert "A-target-equals-baseline" not in ids(plan([K("promo_post_share", 25, band=(20, 30)),
                                                       K("reach", 2000, 2400)], what="도달"))
    assert "A-target-equals-baseline" not in ids(plan([K("reach", 2000, 2400), K("dms", None, None)], what="도달"))


@pytest.mark.parametrize("cid, baseline, target, wrong", [
    ("reach", 2000, 1999, True), ("reach", 2000, 2001, False),
    ("response_time", 60, 61, True), ("response_time", 60, 59, False),
])
def test_a_target_on_the_wrong_side_of_its_baseline(cid, baseline, target, wrong):
    p = plan([K(cid, baseline, target), K("leads", 10, 12)], what="도달", metric="leads")
    assert ("A-target-against-direction" in ids(p)) is wrong


def test_the_goal_on_the_wrong_side_of_its_baseline():
    p = pizzeria()
    p.smart.target = 399
    assert [f.field for f in found(p, "A-target-against-direction")] == ["smart.target"]
    p.smart.target = 401
    assert not found(p, "A-target-against-direction")
    p.smart.target = None  # M-goal-target-missing says so
    assert not found(p, "A-target-against-direction")
    p = pizzeria()
    p.smart.direction = Direction.LOWER
    p.smart.target = 399
    assert not found(p, "A-target-against-direction")
    p.smart.direction = Direction.RANGE
    p.smart.target = 300
    assert not found(p, "A-target-against-direction")


def test_an_action_is_asked_only_for_kpis_that_carry_weight():
    p = pizzeria()
    p.kpi("reach").weight = 0
    p.kpi("followers_local").weight = 65
    p.actions = [a for a in p.actions if a.kpi != "reach"]
    assert "A-kpi-no-action" not in ids(p)
    p.kpi("reach").weight = 0.5
    p.kpi("followers_local").weight = 64.5
    assert [f.kpi_id for f in found(p, "A-kpi-no-action")] == ["reach"]


def test_posts_or_hours_are_enough_capacity():
    p = pizzeria()
    p.capacity.posts_per_week, p.capacity.hours_per_week = 0, 2
    assert "A-no-capacity" not in ids(p)
    p.capacity.posts_per_week, p.capacity.hours_per_week = 1, 0
    assert "A-no-capacity" not in ids(p)


# ------------------------------------------------------------------ R: realistic


def test_paid_kpis_need_a_budget_of_any_size():
    p = pizzeria()
    p.kpis = [*p.kpis, KpiSelection(id="cpl", catalog_id="cost_per_lead", baseline=5, target=4,
                                    direction=Direction.LOWER, owner="x")]
    p.roi.ad_spend = 0.01
    assert "R-paid-no-budget" not in ids(p)
    p.roi.ad_spend = 0
    assert [f.kpi_id for f in found(p, "R-paid-no-budget")] == ["cpl"]


def test_the_margin_is_assumed_only_when_there_is_revenue_and_no_margin():
    p = pizzeria()
    p.roi.gross_margin = None
    p.roi.revenue = 0.01
    [f] = found(p, "R-margin-assumed")
    assert [a.key for a in f.assumptions] == ["roi.gross_margin"]
    p.roi.revenue = 0
    assert "R-margin-assumed" not in ids(p)
    p.roi.revenue, p.roi.gross_margin = 900, 0.65
    assert "R-margin-assumed" not in ids(p)


def test_a_band_with_equal_ends_is_not_inverted():
    p = plan([K("promo_post_share", 25, band=(25, 25)), K("reach", 2000, 2400)], what="홍보 게시물")
    assert "R-band-inverted" not in ids(p)
    p = plan([K("promo_post_share", 25, band=(25.5, 25)), K("reach", 2000, 2400)], what="홍보 게시물")
    assert "R-band-inverted" in ids(p)


@pytest.mark.parametrize("baseline, target, from_zero", [
    (0, 500, True), (0.5, 500, False), (0, None, False),
])
def test_from_zero_only_when_the_baseline_is_zero_and_there_is_a_target(baseline, target, from_zero):
    p = plan([K("leads", baseline, target), K("link_clicks", 300, 360)], goal=SocialGoal.LEADS_SALES, what="상담 리드")
    assert ("R-from-zero" in ids(p)) is from_zero


def test_from_zero_is_not_said_of_ratios_that_may_be_zero_or_of_a_kpi_with_a_record():
    # ROI 0 % is break-even, a real starting point; it is measured against 100 points instead.
    p = plan([K("roi", 0, 20), K("sales", 40, 44)], goal=SocialGoal.LEADS_SALES, what="SNS ROI")
    assert "R-from-zero" not in ids(p)
    records = plan([K("leads", 0, 30), K("link_clicks", 300, 360)], goal=SocialGoal.LEADS_SALES, what="상담 리드",
                   actuals={"leads": weekly([2, 5, 9])})
    assert "R-from-zero" not in ids(records)
    two = plan([K("leads", 0, 30), K("link_clicks", 300, 360)], goal=SocialGoal.LEADS_SALES, what="상담 리드",
               actuals={"leads": weekly([2, 5])})
    assert "R-from-zero" in ids(two)


def test_a_signed_ratio_from_zero_is_measured_against_break_even():
    # ROI 0 → 120 % in a month: 120 points of 100 a month is 2.4× the usual 50 %: a stretch.
    p = plan([K("roi", 0, 120), K("sales", 40, 44)], goal=SocialGoal.LEADS_SALES, what="SNS ROI", days=31)
    [f] = found(p, "R-kpi-steep")
    assert "a month for 1 month, 2.4× the 50%" in f.message.en


def test_a_custom_share_of_the_owners_own_work_is_measured_against_its_own_value():
    # Catalog internal shares are measured against the room to 100 %; a custom percent is not
    # known to be in the owner's hands, so 10 → 40 % in three months is +100 % a month: unrealistic.
    kpi = K("answered", 10, 40, custom=CustomKpi(name="답변한 문의 비율", percent=True, family="internal",
                                                  goals=["customer_service"]), id="answered")
    p = plan([kpi], goal=SocialGoal.CUSTOMER_SERVICE, what="답변한 문의 비율")
    assert "R-kpi-unrealistic" in ids(p)
    catalog = plan([K("response_rate", 10, 40)], goal=SocialGoal.CUSTOMER_SERVICE, what="DM 응답률")
    assert not {"R-kpi-steep", "R-kpi-unrealistic"} & ids(catalog)


def test_follower_kpis_are_judged_by_capacity_not_by_the_monthly_change():
    p = plan([K("followers_local", 400, 2000)], what="동네 팔로워", days=31)
    assert not {"R-kpi-steep", "R-kpi-unrealistic"} & ids(p)
    assert "R-audience-capacity" in ids(p)


def test_a_follower_kpi_that_may_fall_is_not_held_to_capacity():
    p = plan([K("followers_local", 400, 380)], what="동네 팔로워", days=31)
    p.kpis[0].direction = Direction.LOWER
    assert not {"R-audience-capacity", "R-audience-stretch"} & ids(valid(p))
    p = plan([K("followers_local", 400, 400)], what="동네 팔로워", days=31)
    assert not {"R-audience-capacity", "R-audience-stretch"} & ids(p)


# ------------------------------------------------------------------ R: the owner's own record


def _history(values, target, *, direction=None, days=92, frequency=Frequency.WEEKLY, cid="reach", start=START):
    p = plan([K(cid, values[0], target, frequency=frequency), K("sales", 40, 42)], goal=SocialGoal.LEADS_SALES,
             what="도달", days=days,
             actuals={cid: {start + timedelta(days=(7 if frequency is Frequency.WEEKLY else 31) * i): v
                            for i, v in enumerate(values)}})
    if direction is not None:
        p.kpis[0].direction = direction
        p = valid(p)
    return found(p, "R-history-pace")


def test_a_target_already_reached_needs_no_pace():
    # Falling readings: a warning while the target is still ahead, none once the last reading is on it.
    assert not _history([1600, 1500, 1500], 1500)
    [f] = _history([1600, 1500, 1500], 1501)
    assert f.message.en.startswith("'Reach' has not moved toward its target over 3 readings (-217.4 a month)")


def test_a_lower_is_better_kpi_moving_the_wrong_way():
    [f] = _history([60, 62, 64], 30, direction=Direction.LOWER, cid="response_time")
    # 2 minutes a week slower is 8.7 a month; 34 minutes to go in the 71 days after the week of 15 March.
    assert f.message.en == ("'Response time' has not moved toward its target over 3 readings (8.7 a month); "
                            "reaching 30 needs 14.6 a month.")
    assert f.message.ko == ("'응답 시간'은 기록 3번 동안 목표 쪽으로 움직이지 않았습니다(월 8.7). "
                            "목표 30으로 가려면 한 달에 14.6씩 바뀌어야 합니다.")
    assert not _history([60, 58, 56], 50, direction=Direction.LOWER, cid="response_time")
    [f] = _history([60, 59, 58], 30, direction=Direction.LOWER, cid="response_time")
    assert f.message.en.startswith("'Response time' has moved 4.3 a month over 3 readings, but the rest of "
                                   "the time needs 12 a month (2.8×).")


def test_readings_that_reach_the_last_period_are_left_to_the_status():
    # 28 days: the weeks of 1, 8, 15 and 22 March. A reading for the week of 15 March leaves one more
    # week to go (judged); a reading for the last week is the final one (not judged here).
    assert _history([1000, 1000, 1000], 5000, days=28)
    assert not _history([1000, 1000, 1000, 1000], 5000, days=28)
    assert not _history([1000, 1000, 1000], 5000, days=27)  # less than a week left after the week read
    assert not _history([1000, 1000, 1000], 5000, days=21)


def test_monthly_readings_count_months_left_from_the_end_of_the_last_month_read():
    # Readings on 1 March, 1 April, 2 May: the month read counts as 30 days, to 31 May; the deadline
    # is 31 July: 61 days left, (5,000 − 1,400) ÷ (61 ÷ 30.4375) = 1,796.3 a month.
    [f] = _history([1000, 1200, 1400], 5000, days=153, frequency=Frequency.MONTHLY)
    assert "needs 1,796.3 a month" in f.message.en
    assert not _history([1000, 1200, 1400], 5000, days=92, frequency=Frequency.MONTHLY)


def test_readings_outside_the_kpis_cycle_are_not_its_history():
    # A reading before the plan starts (an import from last year) is no trend of this plan.
    p = plan([K("reach", 1000, 5000), K("sales", 40, 42)], goal=SocialGoal.LEADS_SALES, what="도달",
             actuals={"reach": {START - timedelta(days=7): 900, START: 1000, START + timedelta(days=7): 1000}})
    assert not found(p, "R-history-pace")
    assert "R-kpi-steep" in ids(p)  # two readings in the plan: the usual monthly change still judges


def test_the_trend_sentence_names_where_the_kpi_ends():
    [f] = _history([1000, 1100, 1200], 5000)
    # 100 a week = 434.8 a month; 71 days (2.33 months) left from 22 March: 1,200 + 1,014.3 = 2,214.3.
    assert f.message.en == ("'Reach' has moved 434.8 a month over 3 readings, but the rest of the time needs "
                            "1,629 a month (3.7×). Your own record is the most trustworthy yardstick.")
    assert f.fix.en == "At this trend it ends near 2,214.3; move the target there or step up the actions."
    assert f.fix.ko == "지금 추세라면 마감일에 약 2,214.3입니다. 목표를 그쪽으로 고치거나 실행을 늘리세요."


def test_a_last_week_left_counts_as_a_quarter_month():
    # 28 days, readings for the weeks of 1, 8 and 15 March: 7 days left (0.23 months) count as 0.25.
    [f] = _history([1000, 1000, 1000], 5000, days=28)
    assert f.message.en == ("'Reach' has not moved toward its target over 3 readings (0 a month); "
                            "reaching 5,000 needs 16,000 a month.")


# ------------------------------------------------------------------ R: the funnel against reach


def _funnel_plan(kpis: list[K], revenue_target: float, days: int = 28) -> Project:
    # each $20 of target needs 1 customer → 2 leads → 10 clicks → 1,000 people reached
    return plan(kpis, goal=SocialGoal.LEADS_SALES, what="피자 주문", days=days, average_order=20, currency="USD",
                funnel=Funnel(revenue_target=revenue_target, click_rate=0.01, lead_rate=0.2, close_rate=0.5))


def test_planned_reach_counts_monthly_kpis_by_the_month_and_paid_reach_on_top():
    # 11,200 a month over 28 days (0.92 months) = 10,303; 10,000 people needed.
    p = _funnel_plan([K("reach", 10000, 11200, frequency=Frequency.MONTHLY), K("sales", 40, 44)], 200)
    assert not {"R-funnel-reach", "R-funnel-reach-far"} & ids(p)
    p = _funnel_plan([K("reach", 10000, 11200, frequency=Frequency.MONTHLY), K("sales", 40, 44)], 220)
    [f] = found(p, "R-funnel-reach")
    assert "about 11,000 people reached" in f.message.en and "add up to about 10,303" in f.message.en
    # Local reach is the same people as reach (the larger counts); paid reach adds to it.
    both = _funnel_plan([K("reach", 2000, 2800), K("reach_local", 1000, 1500), K("sales", 40, 44)], 240)
    assert "add up to about 11,200" in found(both, "R-funnel-reach")[0].message.en
    local = _funnel_plan([K("reach_local", 2000, 2900), K("reach", 1000, 1500), K("sales", 40, 44)], 240)
    assert "add up to about 11,600" in found(local, "R-funnel-reach")[0].message.en
    paid = _funnel_plan([K("reach", 2000, 2800), K("paid_reach", 200, 300), K("sales", 40, 44)], 240, )
    assert not {"R-funnel-reach", "R-funnel-reach-far"} & ids(paid)  # 11,200 + 1,200 = 12,400 ≥ 12,000


def test_a_band_reach_kpi_plans_its_high_end_and_a_kpi_without_a_target_plans_nothing():
    band = _funnel_plan([K("reach", 2000, band=(2000, 2800)), K("sales", 40, 44)], 240)
    band.kpis[0].direction = Direction.RANGE
    band = valid(band)
    assert "add up to about 11,200" in found(band, "R-funnel-reach")[0].message.en
    none = _funnel_plan([K("reach", 2000, None), K("sales", 40, 44)], 240_000)
    assert not {"R-funnel-reach", "R-funnel-reach-far"} & ids(none)


def test_a_plan_without_a_revenue_target_has_no_funnel_to_compare():
    p = _funnel_plan([K("reach", 2000, 2800), K("sales", 40, 44)], 0)
    assert not {"R-funnel-reach", "R-funnel-reach-far"} & ids(p)


def test_the_funnel_message_names_the_rates_it_assumed():
    [f] = found(_funnel_plan([K("reach", 2000, 2800), K("sales", 40, 44)], 240), "R-funnel-reach")
    assert f.message.en == (
        "The revenue target $240.00 needs about 12,000 people reached, but the reach KPIs' targets add up to about "
        "11,200 over the plan (1.1× apart). The two do not fit together. Assumptions used (the funnel's inputs): "
        "average order $20.00, customers per lead 50%, leads per click 20%, clicks per person reached 1%.")
    assert f.message.ko == (
        "목표 매출 $240.00에 필요한 도달은 역산하면 약 12,000명인데, 도달 KPI의 목표를 계획 기간 동안 모두 더해도 약 "
        "11,200명입니다(1.1배 차이). 두 숫자가 서로 맞지 않습니다. 쓴 가정(퍼널 입력값): 평균 주문 $20.00, 리드 대비 구매 "
        "50%, 클릭 대비 리드 20%, 도달 대비 클릭 1%.")


def test_a_funnel_needing_exactly_the_planned_reach_fits():
    # $240 needs 12,000 people; 3,000 a week for four weeks plans exactly that, 2,999 a week 4 short.
    assert not {"R-funnel-reach", "R-funnel-reach-far"} & ids(
        _funnel_plan([K("reach", 2000, 3000), K("sales", 40, 44)], 240))
    assert "R-funnel-reach" in ids(_funnel_plan([K("reach", 2000, 2999), K("sales", 40, 44)], 240))


# ------------------------------------------------------------------ T: time-bound


@pytest.mark.parametrize("deadline, outside", [
    (START, True), (START + timedelta(days=1), False), (START + timedelta(days=91), False),
    (START + timedelta(days=92), True),
])
def test_a_deadline_must_lie_after_the_start_and_on_or_before_the_end(deadline, outside):
    p = plan([K("followers_local", 400, 480), K("reach", 2000, 2400)], what="동네 팔로워", days=92)
    p.smart.deadline = deadline
    assert (["smart.deadline"] == [f.field for f in found(p, "T-deadline-outside-plan")]) is outside
    p = plan([K("followers_local", 400, 480), K("reach", 2000, 2400)], what="동네 팔로워", days=92)
    p.kpis[1].deadline = deadline
    assert ([f.field for f in found(valid(p), "T-deadline-outside-plan")] == ["kpis[1].deadline"]) is outside


def test_a_plan_of_one_day_or_more_does_not_end_before_it_starts():
    p = pizzeria()
    p.end = p.start + timedelta(days=1)
    p.smart.deadline = p.end
    assert "T-end-before-start" not in ids(p)
    p.end = p.start - timedelta(days=1)
    assert "T-end-before-start" in ids(p)


# ------------------------------------------------------------------ the result


def test_the_result_sorts_findings_by_severity_letter_and_kpi():
    p = pizzeria()
    p.kpi("reach").owner = ""  # A warning
    p.business_goal.why = ""  # S note
    result = audit(p)
    assert result.passed
    assert [f.id for f in result.warnings] == ["A-no-owner", "R-history-pace"]  # a flat engagement rate
    assert result.errors == []
    assert result.letter_verdict(SmartLetter.S) is Severity.INFO
    assert result.letter_verdict(SmartLetter.A) is Severity.WARNING
    assert result.letter_verdict(SmartLetter.T) is None
    assert [f.id for f in result.by_letter(SmartLetter.S)] == ["S-why-missing"]
    assert [f.id for f in result.for_kpi("reach")] == ["A-no-owner"]
    p.smart.deadline = None
    result = audit(p)
    assert not result.passed and result.letter_verdict(SmartLetter.T) is Severity.ERROR
    assert [f.id for f in result.errors] == ["T-goal-deadline-missing"]


def test_a_letter_with_an_error_and_a_warning_shows_the_error():
    p = pizzeria()
    p.smart.resources = ""  # R warning
    p.kpi("reach").direction = Direction.RANGE
    p.kpi("reach").band_low, p.kpi("reach").band_high = 3000, 2000  # R error
    result = audit(valid(p))
    assert result.letter_verdict(SmartLetter.R) is Severity.ERROR


def test_every_finding_of_a_failing_cafe_plan_lists_the_assumptions_it_used():
    p = cafe()
    p.kpi("followers_local").target = 3000
    [f] = found(p, "R-audience-capacity")
    assert [a.key for a in f.assumptions] == [
        "assumptions.organic_growth_per_post", "assumptions.min_followers_per_weekly_post",
        "assumptions.max_organic_monthly_growth", "assumptions.cost_per_follower"]
    assert all(not g.assumptions for g in audit(p).findings if g.id.startswith(("S-", "T-", "A-")))


def test_a_plan_of_2027_runs_the_same_checks():
    p = plan([K("followers_local", 400, 480)], what="동네 팔로워")
    p.start, p.end = date(2027, 1, 1), date(2027, 3, 31)
    p.smart.deadline = p.end
    assert audit(valid(p)).passed


def test_a_flat_lower_is_better_kpi_is_told_to_raise_its_target_and_one_already_there_is_left_alone():
    [f] = _history([60, 60, 60], 30, direction=Direction.LOWER, cid="response_time")
    assert f.message.en == ("'Response time' has not moved toward its target over 3 readings (0 a month); "
                            "reaching 30 needs 12.9 a month.")
    assert (f.fix.ko, f.fix.en) == (
        "지금 하는 실행이 이 숫자를 움직이는지 점검하고, 방법을 바꾸거나 목표를 올리세요.",
        "Check whether the current actions move this number at all; change the tactic or raise the target.")
    [f] = _history([1000, 1000, 1000], 5000)
    assert f.fix.en == "Check whether the current actions move this number at all; change the tactic or lower the target."
    assert f.fix.ko.endswith("방법을 바꾸거나 목표를 낮추세요.")
    assert not _history([60, 55, 50], 50, direction=Direction.LOWER, cid="response_time")
    assert _history([60, 55, 51], 50, direction=Direction.LOWER, cid="response_time") == []  # 4 a week is plenty


def test_a_pace_of_exactly_twice_the_trend_is_no_warning():
    # 70 a week (304.375 a month); 71 days (2.33 months) left: 2,560 needs 608.75 a month, exactly 2×.
    assert not _history([1000, 1070, 1140], 2560)
    [f] = _history([1000, 1070, 1140], 2561)
    assert "(2×)" in f.message.en and "(2배)" in f.message.ko


def test_a_custom_kpi_that_may_be_negative_gets_a_suggested_target_too():
    # A custom score from −20 to 40 in a month (no natural floor): 60 ÷ 20 ÷ 1.02 = 294.5 % a month,
    # 11.8× the 25 % of a rate; three times usual: −20 + 20 × 75 % × 1.02 = −4.7, whole as typed and
    # rounded toward the baseline: −5.
    kpi = K("nps", -20, 40, custom=CustomKpi(name="추천 지수", goals=["awareness"]), id="nps")
    p = plan([kpi, K("reach", 2000, 2200)], what="추천 지수", days=31)
    [f] = found(p, "R-kpi-unrealistic")
    assert f.fix.en.startswith("Lower the target to about -5 or allow more time.")
    assert f.fix.ko.startswith("목표를 약 -5로 낮추거나 기간을 늘리세요.")


def test_a_suggested_target_never_goes_below_what_the_kpi_can_be():
    # A reach target typed as −5,000 (a slip): three times the usual 50 % from 2,000 would be −1,054
    # people; the suggestion stops at 0.
    p = plan([K("reach", 2000, -5000), K("leads", 10, 12)], what="도달", days=31, metric="leads")
    [f] = found(p, "R-kpi-unrealistic")
    assert f.fix.en.startswith("Raise the target to about 0 people or allow more time.")


@pytest.mark.parametrize("letter, ko, en", [
    (SmartLetter.S, "구체적", "Specific"), (SmartLetter.M, "측정 가능", "Measurable"),
    (SmartLetter.A, "달성 가능", "Achievable"), (SmartLetter.R, "현실적", "Realistic"), (SmartLetter.T, "기한", "Time-bound"),
])
def test_each_smart_letter_is_named_in_both_languages(letter, ko, en):
    from kpiwizard.core.audit import letter_name
    from kpiwizard.core.enums import Lang

    assert (letter_name(letter, Lang.KO), letter_name(letter, Lang.EN)) == (ko, en)


def test_every_kpi_after_a_band_or_a_kpi_measured_first_is_still_checked():
    p = plan([K("followers_local", 400, 480), K("promo_post_share", 25, band=(20, 30)), K("dms", None, None),
              K("reach", 2000, None)], what="동네 팔로워")
    assert [f.kpi_id for f in found(p, "M-kpi-target-missing")] == ["reach"]


def test_a_kpi_without_limits_does_not_stop_the_range_check_of_the_next():
    score = K("nps", -20, 10, custom=CustomKpi(name="추천 지수", goals=["awareness"]), id="nps")
    p = plan([score, K("reach", -5, 2000)], what="도달")
    assert [(f.kpi_id, f.field) for f in found(p, "M-natural-range")] == [("reach", "kpis[1].baseline")]


def test_a_band_end_above_a_share_is_pointed_at():
    p = plan([K("promo_post_share", 25, band=(20, 120)), K("reach", 2000, 2400)], what="홍보 게시물")
    [f] = found(p, "M-natural-range")
    assert (f.field, f.message.en) == ("kpis[0].band_high",
                                       "'Promotional post share' can only take values 0–100, but has 120.")


def test_fractions_are_shown_as_typed():
    # Facebook engagement per follower 0.06 % → 0.075 %, typed as fractions: shown as typed, not rounded to 0.0008.
    p = plan([K("engagement_rate", 0.0006, 0.00075), K("reach", 2000, 2400)], what="참여율")
    [f] = found(p, "M-percent-fraction")
    assert "(0.0006, 0.00075)" in f.message.en and "(0.0006, 0.00075)" in f.message.ko


def test_a_fraction_typed_with_seven_places_is_quoted_as_typed():
    # 0.00625 % typed as 0.0000625: the finding quotes the owner's number, not 0.000063.
    p = plan([K("engagement_rate", 0.0000625, 0.0001), K("reach", 2000, 2400)], what="참여율")
    f = next(f for f in audit(p).findings if "(0.0000625, 0.0001)" in f.message.en)
    assert "(0.0000625, 0.0001)" in f.message.ko


def test_a_custom_kpi_tagged_with_another_goal_neither_excuses_the_plan_nor_is_untagged():
    tagged = K("walkins", 5, 6, custom=CustomKpi(name="매장 방문", goals=["engagement"]), id="walkins")
    p = plan([K("likes", 200, 260), tagged], goal=SocialGoal.LEADS_SALES, what="매장 방문 손님")
    assert "M-goal-relevance" in ids(p) and "M-goal-untagged" not in ids(p)


def test_a_kpi_without_numbers_does_not_stop_the_direction_check_of_the_next():
    p = plan([K("followers_local", 400, 480), K("dms", None, None), K("reach", 2000, 1500)], what="동네 팔로워")
    assert [f.kpi_id for f in found(p, "A-target-against-direction")] == ["reach"]


def test_a_lower_is_better_target_equal_to_its_baseline_asks_no_change_but_is_not_against_its_direction():
    p = plan([K("response_time", 60, 60), K("response_rate", 70, 80)], goal=SocialGoal.CUSTOMER_SERVICE,
             what="DM 응답 시간")
    assert "A-target-equals-baseline" in ids(p) and "A-target-against-direction" not in ids(p)
    p = pizzeria()
    p.smart.direction = Direction.LOWER
    p.smart.target = p.smart.baseline
    assert not found(p, "A-target-against-direction")


def test_a_funnel_needing_exactly_three_times_the_planned_reach_is_a_warning():
    # $240 needs 12,000 people; 1,000 a week for four weeks is 4,000: exactly 3× apart.
    assert {"R-funnel-reach"} == {"R-funnel-reach", "R-funnel-reach-far"} & ids(
        _funnel_plan([K("reach", 800, 1000), K("sales", 40, 44)], 240))
    assert {"R-funnel-reach-far"} == {"R-funnel-reach", "R-funnel-reach-far"} & ids(
        _funnel_plan([K("reach", 800, 999), K("sales", 40, 44)], 240))


def test_every_kpi_from_zero_is_named_whatever_comes_before_it():
    p = plan([K("link_clicks", 300, 360), K("leads", 0, 30), K("review_count", 0, 12)], goal=SocialGoal.LEADS_SALES,
             what="상담 리드", actuals={"leads": weekly([2, 5, 9])})
    assert [f.kpi_id for f in found(p, "R-from-zero")] == ["review_count"]


def test_a_lower_is_better_kpi_held_at_its_target_needs_nothing_more():
    p = plan([K("response_time", 60, 30), K("response_rate", 70, 80)], goal=SocialGoal.CUSTOMER_SERVICE,
             what="DM 응답 시간", actuals={"response_time": weekly([30, 30, 30])})
    assert not found(p, "R-history-pace")


def test_a_lower_is_better_kpi_creeping_up_has_not_moved_toward_its_target():
    # 60, 60.1, 60.2 minutes: 0.4 a month the wrong way.
    [f] = _history([60, 60.1, 60.2], 30, direction=Direction.LOWER, cid="response_time")
    assert f.message.en.startswith("'Response time' has not moved toward its target over 3 readings (0.4 a month)")


def test_the_funnel_names_its_rates_to_two_places():
    p = plan([K("sales", 40, 44), K("reach", 2000, 2800)], goal=SocialGoal.LEADS_SALES, what="피자 주문", days=28,
             average_order=20, currency="USD",
             funnel=Funnel(revenue_target=400, click_rate=0.0125, lead_rate=0.2, close_rate=0.5))
    [f] = found(p, "R-funnel-reach")  # 16,000 people for 11,200 planned: a reach KPI after another still counts
    assert f.message.en.endswith("customers per lead 50%, leads per click 20%, clicks per person reached 1.25%.")


def test_two_reach_kpis_of_the_same_kind_plan_the_larger_and_a_reach_target_of_zero_plans_nothing():
    two = _funnel_plan([K("reach", 2000, 2800, id="reach_ig"), K("reach", 800, 1000, id="reach_fb"),
                        K("sales", 40, 44)], 240)
    assert "add up to about 11,200" in found(two, "R-funnel-reach")[0].message.en
    zero = _funnel_plan([K("reach", 0, 0), K("sales", 40, 44)], 240)
    assert not {"R-funnel-reach", "R-funnel-reach-far"} & ids(zero)


def test_a_reach_kpi_without_a_target_does_not_hide_the_next_and_local_reach_of_zero_plans_nothing():
    p = _funnel_plan([K("reach", 2000, None), K("reach_local", 2000, 2800), K("sales", 40, 44)], 240)
    assert "add up to about 11,200" in found(p, "R-funnel-reach")[0].message.en
    zero = _funnel_plan([K("reach_local", 0, 0), K("sales", 40, 44)], 240)
    assert not {"R-funnel-reach", "R-funnel-reach-far"} & ids(zero)


def test_a_follower_kpi_still_being_measured_does_not_hide_the_next():
    p = plan([K("followers", None, None), K("followers_local", 400, 2000)], what="동네 팔로워", days=31)
    assert [f.kpi_id for f in found(p, "R-audience-capacity")] == ["followers_local"]
