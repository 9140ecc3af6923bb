"""ROI, cost per lead and acquisition, LTV and the reverse funnel."""

import pytest

from kpiwizard.core.models import Funnel, RoiInputs
from kpiwizard.core.roi import compute_roi, reverse_funnel, round_up


def test_roi_counts_ads_tools_and_people_time():
    r = compute_roi(RoiInputs(ad_spend=300, tools=100, hours=20, hourly_rate=30, revenue=2000,
                              leads=50, customers=10, average_order=40, purchases_per_year=6, customer_years=2))
    assert r.labour_cost == 600
    assert r.total_cost == 1000
    assert r.net_return == 1000
    assert r.roi_percent == pytest.approx(100.0)
    assert r.cost_per_lead == pytest.approx(20)
    assert r.cost_per_acquisition == pytest.approx(100)
    assert r.ltv == pytest.approx(480)
    assert r.ltv_to_cac == pytest.approx(4.8)


def test_zero_divisors_give_none_not_errors():
    r = compute_roi(RoiInputs())
    assert r.roi_percent is None and r.cost_per_lead is None and r.cost_per_acquisition is None
    assert r.ltv_to_cac is None and r.total_cost == 0


def test_losing_money_is_negative_roi():
    assert compute_roi(RoiInputs(ad_spend=1000, revenue=250)).roi_percent == pytest.approx(-75)


def test_reverse_funnel_back_solves_reach_from_revenue():
    f = reverse_funnel(Funnel(revenue_target=10000, click_rate=0.02, lead_rate=0.1, close_rate=0.2), 50)
    assert (f.customers, f.leads, f.clicks, f.reach) == (200, 1000, 10000, 500000)


def test_reverse_funnel_rounds_people_up():
    f = reverse_funnel(Funnel(revenue_target=1000, click_rate=0.03, lead_rate=0.2, close_rate=0.6), 18)
    assert f.customers == 56  # 55.6 customers means 56 people
    assert f.leads == 94  # 56 / 0.6 = 93.3
    assert f.clicks == 470
    assert f.reach == 15667


def test_round_up_ignores_float_noise():
    assert round_up(3 / 0.1) == 30
    assert round_up(30.0000001) == 31


def test_no_funnel_without_a_target_or_order_value():
    assert reverse_funnel(Funnel(revenue_target=0), 10) is None
    assert reverse_funnel(Funnel(revenue_target=100), 0) is None
