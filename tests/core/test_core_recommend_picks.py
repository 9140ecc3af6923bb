"""Which KPIs an owner is offered first, exactly, and when the SMART step's goal KPI is replaced.

The KPI step shows the few numbers one person can record (``recommend``) and the SMART step the
goal's possible measures (``goal_measures``); these tests read the exact lists an owner sees for
realistic plans, at each count the owner can ask for, and what happens when the catalog's preset
lacks a result or a measure of the goal.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from kpiwizard.core.catalog import Catalog
from kpiwizard.core.enums import Indicator, Lang, SocialGoal, StrategicObjective
from kpiwizard.core.models import KpiCycle, Project, TargetChange
from kpiwizard.core.recommend import Role, goal_measures, measure_goal_with, recommend
from kpiwizard.core.resources import resource_path
from test_core_recommend import CATALOG, LOCAL, plan  # the same realistic plans as the first recommendation tests



def picks(project: Project, n: int | None = None, catalog: Catalog | None = None) -> list[tuple[str, Role]]:
    return [(r.kpi.id, r.role) for r in recommend(project, n, catalog)]


# -- the exact recommendations -------------------------------------------------------------------


def test_an_awareness_plan_gets_its_effort_number_even_when_only_three_are_asked_for():
    """Goal, result and the owner's own effort fill three places: no customer-side number pushes the
    effort out."""
    p = plan(SocialGoal.AWARENESS, StrategicObjective.FOCUS)
    assert picks(p, 3) == [("reach", Role.GOAL), ("qualified_interactions", Role.RESULT),
                           ("content_quality_index", Role.EFFORT)]
    assert picks(p, 4) == [("reach", Role.GOAL), ("qualified_interactions", Role.RESULT),
                           ("followers_local", Role.SIGNAL), ("content_quality_index", Role.EFFORT)]
    assert picks(p) == [("reach", Role.GOAL), ("qualified_interactions", Role.RESULT),
                        ("followers_local", Role.SIGNAL), ("shares", Role.EARLY),
                        ("content_quality_index", Role.EFFORT)]


def test_a_preset_without_an_effort_number_fills_every_place_with_customer_numbers_goal_first():
    """Awareness x upsell has no activity KPI: five asked for, five given; of the customer-side
    numbers the ones that serve awareness come before buyers' share of followers (which does not)."""
    p = plan(SocialGoal.AWARENESS, StrategicObjective.UPSELL)
    assert picks(p, 3) == [("reach", Role.GOAL), ("coupon_redemptions", Role.RESULT),
                           ("avg_reach_per_post", Role.EARLY)]
    assert picks(p) == [("reach", Role.GOAL), ("coupon_redemptions", Role.RESULT),
                        ("avg_reach_per_post", Role.EARLY), ("buyer_follower_share", Role.EARLY),
                        ("avg_order_value", Role.RESULT)]
    assert "story_views" not in [i for i, _ in picks(p)]  # a vanity number is never offered


def test_a_neighbourhood_shop_selling_gets_the_goal_tagged_naver_place_actions_before_reach():
    p = plan(SocialGoal.LEADS_SALES, StrategicObjective.FOCUS, LOCAL)
    assert picks(p, 4) == [("coupon_redemptions", Role.GOAL), ("naver_place_directions", Role.EARLY),
                           ("naver_place_calls", Role.EARLY), ("posts_per_period", Role.EFFORT)]
    assert picks(p) == [("coupon_redemptions", Role.GOAL), ("naver_place_directions", Role.EARLY),
                        ("naver_place_calls", Role.EARLY), ("kakao_coupon_entries", Role.EARLY),
                        ("posts_per_period", Role.EFFORT)]


def test_the_goal_measures_list_results_then_lagging_numbers_then_leading_ones_then_paid():
    """Outside the preset's own ranking, a number that counts what already happened is offered before
    one that only tells early, and numbers that need ad money come last."""
    measures = goal_measures(plan(SocialGoal.AWARENESS, StrategicObjective.UPSELL))
    ids = [m.kpi.id for m in measures]
    assert ids[:4] == ["reach", "avg_reach_per_post", "mentions", "people_tagged"]
    assert ids[-3:] == ["paid_reach", "cost_per_click", "ad_ctr"]
    preset = {k.id for k in CATALOG.preset(SocialGoal.AWARENESS, StrategicObjective.UPSELL)}
    rest = [m.kpi for m in measures if m.kpi.id not in preset and not m.kpi.paid]
    indicators = [k.indicator for k in rest]
    first_leading = indicators.index(Indicator.LEADING)
    assert first_leading > 0 and Indicator.LAGGING not in indicators[first_leading:], ids
    assert [m.role for m in measures[:2]] == [Role.GOAL, Role.EARLY]


# -- a catalog whose preset lacks a result or a measure of the goal -------------------------------


def _catalog(awareness_focus: list[str], extra: dict | None = None) -> Catalog:
    """The shipped catalog with the awareness x focus preset replaced (and one KPI added)."""
    raw = json.loads(resource_path("catalog", "catalog.json").read_text(encoding="utf-8"))
    raw["presets"]["awareness"]["focus"] = awareness_focus
    if extra is not None:
        raw["kpis"].append(extra)
    return Catalog.model_validate(raw)


def _door_count() -> dict:
    """A result counted at the door, tagged for awareness: a KPI only the test catalog has."""
    raw = json.loads(resource_path("catalog", "catalog.json").read_text(encoding="utf-8"))
    kpi = next(k for k in raw["kpis"] if k["id"] == "reach")
    return {**kpi, "id": "door_count", "outcome": True, "source": "internal",
            "name": {"ko": "방문객 수", "en": "Door count"}, "alternatives": []}


def test_a_preset_without_a_result_gets_no_invented_or_repeated_result():
    catalog = _catalog(["reach", "followers_local", "shares", "content_quality_index"])
    p = plan(SocialGoal.AWARENESS, StrategicObjective.FOCUS)
    assert picks(p, catalog=catalog) == [("reach", Role.GOAL), ("followers_local", Role.SIGNAL),
                                         ("shares", Role.EARLY), ("content_quality_index", Role.EFFORT)]
    # a short preset without an effort number: what there is, nothing made up
    short = _catalog(["reach", "followers_local", "shares"])
    assert picks(p, catalog=short) == [("reach", Role.GOAL), ("followers_local", Role.SIGNAL),
                                       ("shares", Role.EARLY)]


def test_the_goal_measure_comes_from_the_catalog_given():
    catalog = _catalog(["door_count", "reach", "followers_local", "shares", "content_quality_index"],
                       _door_count())
    p = plan(SocialGoal.AWARENESS, StrategicObjective.FOCUS)
    assert picks(p, 3, catalog) == [("door_count", Role.GOAL), ("reach", Role.SIGNAL),
                                    ("content_quality_index", Role.EFFORT)]


def test_a_preset_without_a_measure_of_the_goal_takes_the_best_of_the_whole_catalog():
    """No KPI of the preset serves awareness: the goal's measure is the catalog's best for it."""
    catalog = _catalog(["buyer_follower_share", "qualified_interactions", "content_quality_index"],
                       _door_count())
    p = plan(SocialGoal.AWARENESS, StrategicObjective.FOCUS)
    assert picks(p, catalog=catalog) == [("door_count", Role.GOAL), ("buyer_follower_share", Role.EARLY),
                                         ("qualified_interactions", Role.RESULT),
                                         ("content_quality_index", Role.EFFORT)]
    assert picks(p)[0] == ("reach", Role.GOAL)  # the shipped catalog has no door count


# -- replacing the SMART step's goal KPI ----------------------------------------------------------


def _goal_kpi_touched(field: str) -> bool:
    """Add 'leads' as the goal's measure, change one thing on it, choose 'sales': is 'leads' kept?"""
    p = plan(baseline=10, target=30)
    measure_goal_with(p, "leads", Lang.KO)
    k = p.kpis[0]
    if field == "readings":
        p.actuals = {"leads": {date(2026, 1, 5): 12}}
    elif field == "note":
        k.note = "네이버 예약 포함"
    elif field == "weight":
        k.weight = 40
    elif field == "cycles":
        k.cycles = [KpiCycle(start=date(2025, 10, 6), deadline=date(2026, 1, 4), baseline=4, target=10,
                             final_value=9, closed_on=date(2026, 1, 5))]
    elif field == "target_changes":
        k.target_changes = [TargetChange(on=date(2026, 1, 5), old_target=25, new_target=30)]
    elif field == "band_low":
        k.band_low = 20
    elif field == "band_high":
        k.band_high = 40
    measure_goal_with(p, "sales", Lang.KO)
    return [k.id for k in p.kpis] == ["sales", "leads"]


@pytest.mark.parametrize("field", ["readings", "note", "weight", "cycles", "target_changes", "band_low",
                                   "band_high"])
def test_a_goal_kpi_the_owner_worked_on_stays_when_the_measure_changes(field):
    assert _goal_kpi_touched(field)


def test_an_untouched_goal_kpi_is_replaced():
    assert not _goal_kpi_touched("nothing")


def test_an_untouched_band_kpi_is_replaced_though_the_goal_has_a_target():
    """A band KPI takes no target from the goal, so the goal's target is no sign of a change."""
    p = plan(SocialGoal.AWARENESS, baseline=80, target=100)
    measure_goal_with(p, "ad_budget_use", Lang.KO)
    assert (p.kpis[0].id, p.kpis[0].baseline, p.kpis[0].target) == ("ad_budget_use", 80, None)
    measure_goal_with(p, "reach", Lang.KO)
    assert [k.id for k in p.kpis] == ["reach"] and p.smart.metric == "reach"
