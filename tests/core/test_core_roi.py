"""ROI, cost per lead and acquisition, LTV and the reverse funnel."""

import pytest

from kpiwizard.core.assumptions import gross_margin
from kpiwizard.core.catalog import load_catalog
from kpiwizard.core.examples import find_example
from kpiwizard.core.models import Funnel, RoiInputs
from kpiwizard.core.roi import compute_roi, project_roi, reverse_funnel, round_up
from kpiwizard.core.vocab import ROI_NAMES


def test_roi_counts_ads_tools_and_people_time_on_gross_profit():
    r = compute_roi(RoiInputs(ad_spend=300, tools=100, hours=20, hourly_rate=30, revenue=2000, gross_margin=0.6,
                              leads=50, customers=10, average_order=40, purchases_per_year=6, customer_years=2))
    assert r.labour_cost == 600
    assert r.total_cost == 1000
    assert r.gross_profit == pytest.approx(1200)  # 2000 × 60 %
    assert r.net_return == pytest.approx(200)
    assert r.roi_percent == pytest.approx(20.0)
    assert r.revenue_to_ad_spend_percent == pytest.approx(2000 / 300 * 100)
    assert r.total_cost_per_lead == pytest.approx(20)
    assert r.total_cost_per_customer == pytest.approx(100)
    assert r.ltv_revenue == pytest.approx(480)
    assert r.ltv == pytest.approx(288)  # 480 × 60 %
    assert r.ltv_to_cac == pytest.approx(2.88)
    assert r.gross_margin == 0.6 and not r.gross_margin_is_default


def test_zero_divisors_give_none_not_errors():
    r = compute_roi(RoiInputs())
    assert r.roi_percent is None and r.total_cost_per_lead is None and r.total_cost_per_customer is None
    assert r.ltv_to_cac is None and r.total_cost == 0 and r.revenue_to_ad_spend_percent is None


def test_losing_money_is_negative_roi():
    r = compute_roi(RoiInputs(ad_spend=1000, revenue=250, gross_margin=1.0))
    assert r.roi_percent == pytest.approx(-75)


def test_the_margin_defaults_by_industry_with_its_source():
    assert compute_roi(RoiInputs(revenue=100), "카페·디저트").gross_margin == 0.6
    assert compute_roi(RoiInputs(revenue=100), "flower shop").gross_margin == 0.55  # a florist, not a shop
    assert compute_roi(RoiInputs(revenue=100), "Barber shop").gross_margin == 0.5  # a salon, not a bar
    assert compute_roi(RoiInputs(revenue=100), "B2B software (HR scheduling)").gross_margin == 0.75
    unknown = compute_roi(RoiInputs(revenue=100), "")
    assert unknown.gross_margin == 0.5 and unknown.gross_margin_is_default
    margin = gross_margin(find_example("cafe").load())
    assert margin.default and "가정" in margin.source.ko and "assumption" in margin.source.en


def test_the_cafe_no_longer_shows_revenue_as_return():
    """The café sold ₩2.1M against ₩1.16M of cost: 80 % 'ROI' on revenue, about 8 % on a 60 % margin."""
    project = find_example("cafe").load()
    on_revenue = compute_roi(project.roi.model_copy(update={"gross_margin": 1.0}))
    real = project_roi(project)
    assert on_revenue.roi_percent == pytest.approx(80.4, abs=0.1)
    assert real.roi_percent == pytest.approx((2_100_000 * 0.6 - 1_164_000) / 1_164_000 * 100)
    assert real.roi_percent < 10
    assert real.ltv_to_cac < on_revenue.ltv_to_cac * 0.61


def test_one_name_one_definition_for_cost_per_lead():
    """The catalog's 'cost per lead' divides ad spend; the ROI page divides total cost, under another name."""
    catalog_cpl = load_catalog().kpi("cost_per_lead")
    assert "CPL" in catalog_cpl.name.ko and "광고비" in catalog_cpl.name.ko and "광고비" in catalog_cpl.formula.ko
    names = {v.ko for v in ROI_NAMES.values()} | {v.en for v in ROI_NAMES.values()}
    assert catalog_cpl.name.ko not in names and "Cost per lead" not in names
    assert ROI_NAMES["total_cost_per_lead"].ko == "리드당 총비용"
    assert catalog_cpl.name.ko not in {v.ko for v in ROI_NAMES.values()}
    assert load_catalog().kpi("cost_per_acquisition").name.ko not in {v.ko for v in ROI_NAMES.values()}


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


def test_the_funnel_starts_just_above_zero_on_both_inputs():
    """The edge is zero, not one: a target of 1 (won, dollar) or a price under 1 still back-solves."""
    small_target = reverse_funnel(Funnel(revenue_target=1, click_rate=0.5, lead_rate=0.5, close_rate=0.5), 1)
    assert small_target is not None and small_target.customers == 1 and small_target.reach == 8
    cheap = reverse_funnel(Funnel(revenue_target=10, click_rate=0.5, lead_rate=0.5, close_rate=0.5), 0.5)
    assert cheap is not None and cheap.customers == 20


def test_round_up_treats_differences_below_a_billionth_as_noise():
    assert round_up(30 + 3e-10) == 30  # float noise of a chain of divisions
    assert round_up(30 + 3e-9) == 31  # a real (if tiny) excess still needs one more person
