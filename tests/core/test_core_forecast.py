"""Forecasts respect each KPI kind's natural range, need enough readings and say how many.

A response rate cannot forecast 210 %, a response time cannot reach 0 minutes, a keep-in-band KPI
answers "stays in / leaves the band", and counts are whole.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kpiwizard.core.enums import Direction, Frequency, Lang
from kpiwizard.core.kpiview import view_kpi
from kpiwizard.core.models import CustomKpi, KpiSelection, Project
from kpiwizard.core.progress import evaluate_kpi, forecast_text

S = date(2026, 1, 5)
H, L, R = Direction.HIGHER, Direction.LOWER, Direction.RANGE


def weekly(kpi: KpiSelection, values: list[float], weeks: int = 12) -> Project:
    actuals = {S + timedelta(weeks=i): v for i, v in enumerate(values)}
    return Project(start=S, end=S + timedelta(weeks=weeks, days=-1), kpis=[kpi], actuals={kpi.id: actuals})


def forecast(kpi: KpiSelection, values: list[float], weeks: int = 12):
    project = weekly(kpi, values, weeks)
    on = S + timedelta(weeks=len(values), days=-1)  # the day the latest reading was taken
    result = evaluate_kpi(project, kpi, on)
    return result, forecast_text(result, view_kpi(project, kpi))


def sel(catalog_id=None, baseline=None, target=None, direction=H, band=None, custom=None, unit=""):
    return KpiSelection(id="k", catalog_id=catalog_id, custom=custom, baseline=baseline, target=target,
                        direction=direction, band_low=band[0] if band else None,
                        band_high=band[1] if band else None, unit=unit, frequency=Frequency.WEEKLY)


def test_a_share_never_forecasts_above_100_percent():
    # The old app forecast a response rate of 210 %.
    result, text = forecast(sel("response_rate", 40, 90), [60, 80, 95])
    assert result.forecast == 100 and result.forecast_limit == 100
    assert "100%" in text.ko and "한계" in text.ko


def test_a_share_below_its_limit_is_not_touched():
    result, _ = forecast(sel("response_rate", 40, 90), [42, 44, 46])
    assert 46 < result.forecast < 90 and result.forecast_limit is None


def test_a_response_time_never_forecasts_zero_minutes():
    # The café's response time: 180 -> 60 minutes, falling fast; a straight line would pass 0.
    result, text = forecast(sel("response_time", 180, 60, L), [150, 120, 95, 80])
    assert result.forecast is None and result.forecast_limit == 0
    assert result.forecast_progress > 1  # it passes the target before it could reach the limit
    assert "0" in text.en and "limit" in text.en and "4 readings" in text.en


def test_a_band_kpi_forecasts_staying_in_the_band():
    # Posts per week kept at 3-5: the line goes through the readings, not the baseline of 1.
    result, text = forecast(sel("posts_per_period", 1, None, R, (3, 5)), [3, 4, 2, 4])
    assert result.forecast_in_band is True and 3 <= result.forecast <= 5
    assert "범위 안에" in text.ko and "stays in the band" in text.en


def test_a_band_kpi_forecasts_leaving_the_band():
    result, text = forecast(sel("posts_per_period", 1, None, R, (3, 5)), [3, 4, 5, 6])
    assert result.forecast_in_band is False and result.forecast > 5
    assert "벗어납니다" in text.ko and "leaves the band" in text.en


def test_a_band_count_falling_stops_at_zero_and_leaves_the_band():
    result, _ = forecast(sel("posts_per_period", 1, None, R, (3, 5)), [5, 3, 1])
    assert result.forecast == 0 and result.forecast_in_band is False


def test_counts_are_forecast_in_whole_numbers():
    result, text = forecast(sel("followers_local", 820, 1000), [834, 851, 866])
    assert result.forecast == round(result.forecast) and result.forecast > 866
    assert "." not in text.ko.split("약 ")[1].split(",")[0].replace("3번", "")


def test_a_forecast_needs_three_readings():
    result, text = forecast(sel("followers_local", 820, 1000), [834, 851])
    assert result.forecast is None and result.forecast_readings == 2
    assert "3번" in text.ko and "2번" in text.ko and "3 readings" in text.en


@pytest.mark.parametrize("readings, has_forecast", [(2, False), (3, True), (4, True)])
def test_forecast_reading_threshold_both_sides(readings, has_forecast):
    result, _ = forecast(sel("reach", 2000, 2800), [2100, 2200, 2300, 2400][:readings])
    assert (result.forecast is not None) is has_forecast
    assert result.forecast_readings == readings


def test_roas_is_a_ratio_and_may_forecast_above_100():
    result, _ = forecast(sel("roas", 250, 400), [300, 350, 400])
    assert result.forecast > 400 and result.forecast_limit is None


def test_roi_may_forecast_negative_but_not_below_minus_100():
    falling, _ = forecast(sel("roi", -10, 40), [-12, -15, -18])
    assert -100 < falling.forecast < -18 and falling.forecast_limit is None
    crash, _ = forecast(sel("roi", -10, 40), [-30, -60, -90])
    assert crash.forecast == -100 and crash.forecast_limit == -100


def test_a_rating_stays_within_its_scale():
    result, _ = forecast(sel("review_rating", 4.0, 4.8), [4.5, 4.8, 4.95])
    assert result.forecast == 5 and result.forecast_limit == 5


def test_custom_percent_kpi_is_a_share_unless_its_numbers_say_otherwise():
    share = sel(custom=CustomKpi(name="예약 확정 비율", percent=True), baseline=40, target=90, unit="%")
    result, _ = forecast(share, [60, 80, 95])
    assert result.forecast == 100
    growth = sel(custom=CustomKpi(name="매출 성장률", percent=True), baseline=-10, target=150, unit="%")
    result, _ = forecast(growth, [30, 80, 130])
    assert result.forecast > 150 and result.forecast_limit is None


def test_custom_time_kpi_never_reaches_zero():
    wait = sel(custom=CustomKpi(name="예약 답장 시간"), baseline=120, target=20, direction=L, unit="분")
    result, _ = forecast(wait, [90, 60, 30])
    assert result.forecast is None and result.forecast_limit == 0


def test_custom_count_kpi_never_goes_negative():
    visits = sel(custom=CustomKpi(name="방문 예약"), baseline=30, target=10, direction=L, unit="건")
    result, _ = forecast(visits, [20, 10, 2])
    assert result.forecast == 0 and result.forecast_limit == 0


def test_own_numbers_outside_the_catalog_range_widen_it():
    # An owner who records engagement above 100 % (per reach, reels) is not clipped by us.
    result, _ = forecast(sel("story_retention", 80, 99), [90, 101, 110])
    assert result.forecast > 110


def test_no_forecast_after_the_deadline():
    kpi = sel("followers_local", 820, 1000)
    project = weekly(kpi, [834, 851, 866])
    result = evaluate_kpi(project, kpi, S + timedelta(days=200))
    assert result.forecast is None
    assert "마감일이 지나" in forecast_text(result, view_kpi(project, kpi)).get(Lang.KO)


def test_forecast_is_never_minus_zero():
    result, _ = forecast(sel("response_rate", 40, 90), [10, 5, 1])
    assert result.forecast == 0 and str(result.forecast) == "0.0"


def test_a_time_whose_trend_stays_above_zero_gets_its_number():
    # The edge of the exclusive limit: a line ending just above 0 is a forecast; past it, none.
    slow, _ = forecast(sel("response_time", 120, 30, L), [112, 104, 96], weeks=12)
    assert slow.forecast is not None and 0 < slow.forecast < 96 and slow.forecast_limit is None
    fast, _ = forecast(sel("response_time", 120, 30, L), [90, 60, 30], weeks=12)
    assert fast.forecast is None and fast.forecast_limit == 0
