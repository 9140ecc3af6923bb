"""What the plan keeps when the owner removes a KPI or makes one the goal's measure."""

from datetime import date

import pytest

from kpiwizard.core.enums import Direction
from kpiwizard.core.models import Action, KpiSelection, Project


def cafe_plan() -> Project:
    p = Project(start=date(2026, 1, 5), end=date(2026, 3, 29), kpis=[
        KpiSelection(id="followers", catalog_id="followers_local", baseline=800, target=1000),
        KpiSelection(id="coupons", catalog_id="coupon_redemptions", baseline=10, target=30),
    ], actions=[Action(tactic="릴스 주 2회", kpi="followers"), Action(tactic="쿠폰 게시", kpi="coupons"),
                Action(tactic="리뷰 답글")])
    p.assumptions.monthly_change_by_kpi = {"followers": 0.2, "coupons": 0.5}
    p.actuals = {"followers": {date(2026, 1, 5): 812}, "coupons": {date(2026, 1, 5): 11}}
    p.smart.metric = "followers"
    return p


def test_removing_a_kpi_unlinks_only_its_actions_and_drops_only_its_own_numbers():
    p = cafe_plan()
    p.remove_kpi("followers")
    assert [k.id for k in p.kpis] == ["coupons"]
    assert [(a.tactic, a.kpi) for a in p.actions] == [("릴스 주 2회", None), ("쿠폰 게시", "coupons"), ("리뷰 답글", None)]
    assert p.assumptions.monthly_change_by_kpi == {"coupons": 0.5}
    assert p.actuals == {"coupons": {date(2026, 1, 5): 11}}
    assert p.smart.metric is None
    # a KPI with no change limit of its own leaves the others' limits alone
    q = cafe_plan()
    q.assumptions.monthly_change_by_kpi = {"coupons": 0.5}
    q.remove_kpi("followers")
    assert q.assumptions.monthly_change_by_kpi == {"coupons": 0.5} and q.smart.metric is None


def test_a_goal_with_only_a_baseline_keeps_its_own_direction():
    p = cafe_plan()
    p.kpis.append(KpiSelection(id="wait", catalog_id="response_time", direction=Direction.LOWER, target=30,
                               deadline=date(2026, 2, 28)))
    p.smart.baseline, p.smart.target, p.smart.direction = 60, None, Direction.HIGHER
    p.choose_goal_metric("wait")
    assert (p.smart.direction, p.smart.baseline, p.smart.target) == (Direction.HIGHER, 60, 30)
    assert p.smart.deadline == date(2026, 2, 28)  # the goal had no deadline: the KPI's


def test_an_empty_goal_takes_the_kpis_direction_numbers_and_deadline():
    p = cafe_plan()
    p.kpis.append(KpiSelection(id="wait", catalog_id="response_time", direction=Direction.LOWER, baseline=60,
                               target=30, unit="분", deadline=date(2026, 2, 28)))
    p.choose_goal_metric("wait")
    assert (p.smart.direction, p.smart.baseline, p.smart.target, p.smart.unit, p.smart.deadline) == (
        Direction.LOWER, 60, 30, "분", date(2026, 2, 28))
    # a goal that already has a deadline keeps it
    q = cafe_plan()
    q.smart.deadline = date(2026, 3, 29)
    q.kpis[1].deadline = date(2026, 2, 1)
    q.choose_goal_metric("coupons")
    assert (q.smart.deadline, q.smart.baseline, q.smart.target) == (date(2026, 3, 29), 10, 30)


def test_a_band_kpi_gives_the_goal_no_target():
    p = cafe_plan()
    p.kpis.append(KpiSelection(id="posts", catalog_id="posts_per_period", direction=Direction.RANGE, baseline=2,
                               target=3, band_low=2, band_high=4))
    p.choose_goal_metric("posts")
    assert (p.smart.metric, p.smart.direction, p.smart.baseline, p.smart.target) == (
        "posts", Direction.RANGE, 2, None)


def test_asking_for_a_kpi_the_plan_does_not_have_names_it():
    p = cafe_plan()
    assert p.kpi("coupons").catalog_id == "coupon_redemptions"
    with pytest.raises(KeyError, match="'reach'"):
        p.kpi("reach")
