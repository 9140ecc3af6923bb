"""Recommendations for a one-person business and the goal's measure chosen on the SMART step."""

from datetime import date

import pytest

from kpiwizard.core.catalog import load_catalog
from kpiwizard.core.enums import Direction, Lang, SocialGoal, StrategicObjective
from kpiwizard.core.models import Action, Channel, CustomKpi, KpiSelection, Project
from kpiwizard.core.projectfile import load_project
from kpiwizard.core.recommend import (
    ROLE_NAMES,
    Role,
    business_kind,
    goal_measures,
    how_many,
    measure_goal_with,
    recommend,
)
from kpiwizard.core.reference import plan_rule
from kpiwizard.core.resources import resource_path

CATALOG = load_catalog()
LOCAL = [Channel(name="Instagram"), Channel(name="네이버 스마트플레이스")]


def plan(goal=SocialGoal.LEADS_SALES, objective=StrategicObjective.FOCUS, channels=(), **smart) -> Project:
    p = Project(start=date(2026, 1, 5), end=date(2026, 3, 29))
    p.business_goal.social_goal, p.business_goal.objective = goal, objective
    p.business.channels = list(channels)
    for key, value in smart.items():
        setattr(p.smart, key, value)
    return p


def cafe() -> Project:
    return load_project(resource_path("examples", "cafe.kpiwiz")).project


def test_a_neighbourhood_shop_is_told_by_its_channels():
    assert business_kind(plan(channels=LOCAL)) == "local_shop"
    assert business_kind(plan(channels=[Channel(name="카카오톡 채널")])) == "local_shop"
    assert business_kind(plan(channels=[Channel(name="Instagram"), Channel(name="Facebook")])) is None
    assert business_kind(plan()) is None
    assert business_kind(cafe()) == "local_shop"


def test_how_many_stays_between_three_and_five():
    assert how_many() == 5
    assert (how_many(2), how_many(3), how_many(5), how_many(6)) == (3, 3, 5, 5)


@pytest.mark.parametrize("channels", [(), tuple(LOCAL)])
@pytest.mark.parametrize("goal", list(SocialGoal))
@pytest.mark.parametrize("objective", list(StrategicObjective))
def test_every_goal_and_strategy_gets_three_to_five_from_its_preset(goal, objective, channels):
    p = plan(goal, objective, channels)
    recs = recommend(p)
    ids = [r.kpi.id for r in recs]
    assert 3 <= len(recs) <= 5 and len(set(ids)) == len(ids), ids
    preset = {k.id for k in CATALOG.preset(goal, objective, business=business_kind(p))}
    assert set(ids[1:]) <= preset, ids
    # the goal's measure is the preset's, or a neighbourhood shop's result counted at the till
    first = recs[0].kpi
    assert first.id in preset or (channels and first.outcome and first.source.value in ("internal", "manual")), ids
    assert not any(r.kpi.vanity for r in recs), ids
    assert recs[0].role is Role.GOAL and goal in recs[0].kpi.goals
    assert recs[0].kpi.id not in plan_rule("activity_kpis")["ids"]
    assert any(r.kpi.outcome for r in recs), ids  # every plan ties to customers or money
    for r in recs:
        assert r.reason.ko.startswith(ROLE_NAMES[r.role].ko) and r.kpi.why.ko in r.reason.ko
        assert r.kpi.why.en in r.reason.en


def test_fewer_asked_for_gives_fewer():
    assert len(recommend(plan(channels=LOCAL), n=3)) == 3
    assert len(recommend(plan(channels=LOCAL), n=4)) == 4


@pytest.mark.parametrize("goal", [SocialGoal.LEADS_SALES, SocialGoal.AWARENESS])
@pytest.mark.parametrize("objective", [StrategicObjective.FOCUS, StrategicObjective.SWITCH])
def test_the_cafes_natural_measures_are_among_the_recommendations(goal, objective):
    """A neighbourhood café counts coupons at the till and Naver Place actions, not leads in a CRM."""
    ids = [r.kpi.id for r in recommend(plan(goal, objective, LOCAL))]
    assert "coupon_redemptions" in ids, ids
    assert any(CATALOG.kpi(i).objective == "local_visits" or i.startswith("naver_place") for i in ids), ids


def test_without_local_channels_the_general_preset_leads():
    ids = [r.kpi.id for r in recommend(plan())]
    assert ids[0] == "leads" and not any(i.startswith("naver_place") for i in ids)


def test_the_plans_own_measure_takes_the_goal_place():
    p = plan(channels=LOCAL)
    measure_goal_with(p, "naver_place_calls", Lang.KO)
    recs = recommend(p)
    assert (recs[0].kpi.id, recs[0].role) == ("naver_place_calls", Role.GOAL)
    assert "coupon_redemptions" in [r.kpi.id for r in recs]  # a result still sits beside it
    # the café measures coupons with a KPI of its own: no catalog coupon count beside it
    ids = [r.kpi.id for r in recommend(cafe())]
    assert "coupon_redemptions" not in ids and "naver_place_directions" in ids


def test_goal_measures_are_goal_tagged_results_first_without_vanity_or_activity():
    p = plan(channels=LOCAL)
    measures = goal_measures(p)
    assert measures[0].kpi.id == "coupon_redemptions"  # counted at the till
    assert all(SocialGoal.LEADS_SALES in m.kpi.goals and not m.kpi.vanity for m in measures)
    assert not {m.kpi.id for m in measures} & set(plan_rule("activity_kpis")["ids"])
    outcomes = [m.kpi.outcome for m in measures]
    assert outcomes == sorted(outcomes, reverse=True)  # every result before every other number
    # without the shop's channels the preset's first result comes first
    assert goal_measures(plan())[0].kpi.id == "leads"
    awareness = goal_measures(plan(SocialGoal.AWARENESS, channels=LOCAL))
    assert awareness[0].kpi.id == "naver_place_views" and awareness[0].role is Role.GOAL


def test_measuring_the_goal_adds_the_kpi_first_and_shares_the_numbers_both_ways():
    p = plan(channels=LOCAL, baseline=10, target=30, deadline=date(2026, 2, 28))
    p.kpis = [KpiSelection(id="reach", catalog_id="reach")]
    kid = measure_goal_with(p, "coupon_redemptions", Lang.KO)
    first = p.kpis[0]
    assert (kid, first.id, p.smart.metric) == ("coupon_redemptions",) * 3
    assert (first.baseline, first.target, first.deadline) == (10, 30, date(2026, 2, 28))
    assert p.smart.unit == CATALOG.kpi("coupon_redemptions").unit.ko  # the goal had none
    assert [k.id for k in p.kpis] == ["coupon_redemptions", "reach"]
    # the goal's deadline is the plan's end: the KPI keeps "the plan's end" (None)
    q = plan(baseline=10, target=30, deadline=date(2026, 3, 29))
    measure_goal_with(q, "leads", Lang.KO)
    assert q.kpis[0].deadline is None
    # an empty goal takes the KPI's direction (lower is better for a cost)
    r = plan()
    measure_goal_with(r, "cost_per_lead", Lang.EN)
    assert r.smart.direction is Direction.LOWER and r.smart.unit == "currency"


def test_a_kpi_already_in_the_plan_is_chosen_not_added_again():
    p = plan(baseline=5)
    p.kpis = [KpiSelection(id="reach", catalog_id="reach"), KpiSelection(id="leads", catalog_id="leads", target=40)]
    assert measure_goal_with(p, "leads") == "leads"
    assert [k.id for k in p.kpis] == ["reach", "leads"]
    assert (p.smart.metric, p.smart.baseline, p.smart.target) == ("leads", 5, 40)


def test_an_untouched_goal_kpi_is_replaced_a_touched_one_stays():
    p = plan(channels=LOCAL, baseline=10, target=30)
    measure_goal_with(p, "coupon_redemptions")
    measure_goal_with(p, "naver_place_calls")
    assert [k.id for k in p.kpis] == ["naver_place_calls"] and p.smart.metric == "naver_place_calls"
    # once the owner gave it an owner (or readings, or an action), changing the measure keeps it
    p.kpis[0].owner = "보미"
    measure_goal_with(p, "coupon_redemptions")
    assert [k.id for k in p.kpis] == ["coupon_redemptions", "naver_place_calls"]
    q = plan(baseline=10, target=30)
    measure_goal_with(q, "leads")
    q.actions = [Action(tactic="쿠폰 게시", kpi="leads")]
    measure_goal_with(q, "sales")
    assert [k.id for k in q.kpis] == ["sales", "leads"]
    # a goal KPI whose numbers the owner changed on the KPI step stays too
    s = plan(baseline=10, target=30)
    measure_goal_with(s, "leads")
    s.kpis[0].target = 35
    measure_goal_with(s, "sales")
    assert [k.id for k in s.kpis] == ["sales", "leads"]


def test_a_custom_goal_kpi_is_never_replaced():
    p = plan(baseline=10, target=30)
    p.kpis = [KpiSelection(id="mine", custom=CustomKpi(name="예약"), baseline=10, target=30)]
    p.smart.metric = "mine"
    measure_goal_with(p, "leads")
    assert [k.id for k in p.kpis] == ["leads", "mine"]


def test_roles_say_what_kind_of_number_it_is():
    roles = {r.kpi.id: r.role for r in goal_measures(plan(SocialGoal.CUSTOMER_SERVICE))}
    assert roles["response_time"] is Role.PROCESS  # the shop's own answering, not the customers'
    web = {r.kpi.id: r.role for r in goal_measures(plan(SocialGoal.ENGAGEMENT))}
    assert web["time_on_site"] is Role.PROCESS and web["comments"] is Role.SIGNAL
    assert web["engagement_rate"] is Role.EARLY
    effort = [r for r in recommend(plan(channels=LOCAL)) if r.role is Role.EFFORT]
    assert [r.kpi.id for r in effort] == ["posts_per_period"]  # only what the owner does is "effort"


def test_a_shop_counts_a_result_at_the_till_not_a_ratio():
    measures = [m.kpi.id for m in goal_measures(plan(channels=LOCAL))]
    assert measures[0] == "coupon_redemptions"
    assert measures.index("roi") > measures.index("leads")  # ROI is a ratio, not counted at the till
