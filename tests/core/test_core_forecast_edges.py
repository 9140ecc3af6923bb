"""The forecast's limits and rounding, each on both sides of its edge.

Mutation testing (docs/mutation.md) found these edges passing the suite when moved: a recorded
value exactly at a KPI's natural limit, a trend that lands exactly on a limit, whole-number
forecasts for counts and the owner's own decimals for rates, the baseline's place in the line.
"""

from __future__ import annotations

from datetime import date

import pytest

from kpiwizard.core.enums import Direction
from kpiwizard.core.kpiview import view_kpi
from kpiwizard.core.models import KpiSelection, Project
from kpiwizard.core.progress import Point, forecast_kpi, linear_forecast, natural_range
from kpiwizard.core.schedule import Period

START = date(2026, 1, 1)
DEADLINE = date(2026, 1, 30)  # day 30 of the plan, as the points below count days


def view_of(catalog_id: str, **kw):
    kpi = KpiSelection(id="k", catalog_id=catalog_id, **kw)
    return kpi, view_kpi(Project(start=START, end=DEADLINE, kpis=[kpi]), kpi)


def points(*values: float) -> list[Point]:
    """Readings read on days 10, 20, 30, … of the plan (a period ending on day d is at x = d)."""
    out = []
    for i, v in enumerate(values):
        end = date(2026, 1, 10 * (i + 1))
        out.append(Point(Period(end.replace(day=end.day - 6), end), v))
    return out


# -- natural limits, widened only by what the owner recorded ---------------------------------------


def test_a_reading_exactly_at_an_inclusive_floor_keeps_the_floor():
    _, followers = view_of("followers")  # a count: 0 is possible
    assert natural_range(followers, [0.0, 5.0]) == (0.0, None, False)
    assert natural_range(followers, [-1.0, 5.0]) == (None, None, False)  # below it: the data is wrong


def test_a_reading_at_an_exclusive_floor_lifts_the_floor():
    _, response = view_of("response_time", direction=Direction.LOWER)  # a time: 0 cannot be reached
    assert natural_range(response, [1.0, 5.0]) == (0.0, None, True)
    assert natural_range(response, [0.0, 5.0]) == (None, None, False)


def test_a_reading_exactly_at_a_ceiling_keeps_the_ceiling():
    _, bounce = view_of("bounce_rate", direction=Direction.LOWER)  # a share: at most 100 %
    assert natural_range(bounce, [100.0, 50.0]) == (0.0, 100.0, False)
    assert natural_range(bounce, [101.0, 50.0]) == (0.0, None, False)


# -- a trend that lands exactly on a limit is not held there ---------------------------------------


def test_a_trend_ending_exactly_at_the_ceiling_is_not_said_to_be_held():
    kpi, bounce = view_of("bounce_rate", direction=Direction.LOWER, baseline=40, target=20)
    exactly = forecast_kpi(kpi, bounce, START, DEADLINE, points(60, 80, 100))  # y = 40 + 2x
    assert (exactly.value, exactly.limit) == (100.0, None)
    beyond = forecast_kpi(kpi, bounce, START, DEADLINE, points(62, 84, 100))
    assert (beyond.value, beyond.limit) == (100.0, 100.0)


def test_a_trend_ending_exactly_at_zero_followers_is_not_said_to_be_held():
    kpi, followers = view_of("followers", baseline=60, target=100)
    exactly = forecast_kpi(kpi, followers, START, DEADLINE, points(40, 20, 0))  # y = 60 - 2x
    assert (exactly.value, exactly.limit) == (0.0, None)
    below = forecast_kpi(kpi, followers, START, DEADLINE, points(38, 16, 0))
    assert (below.value, below.limit) == (0.0, 0.0)


# -- rounding: whole counts, the owner's own decimals otherwise ------------------------------------


def test_a_count_is_forecast_as_a_whole_number_even_from_decimal_readings():
    kpi, followers = view_of("followers", baseline=100, target=200)
    readings = points(100.5, 101.5, 103)
    raw = linear_forecast(START, 100, readings, DEADLINE)
    assert raw != round(raw)  # the line itself ends between two whole numbers
    assert forecast_kpi(kpi, followers, START, DEADLINE, readings).value == round(raw)


def test_a_rate_keeps_the_decimals_the_owner_typed():
    kpi, pages = view_of("pages_per_session", baseline=2, target=3)  # a rate, not a percent
    readings = points(2.25, 2.5, 2.8)
    raw = linear_forecast(START, 2, readings, DEADLINE)
    assert forecast_kpi(kpi, pages, START, DEADLINE, readings).value == pytest.approx(round(raw, 2))
    assert round(raw, 2) != round(raw)


# -- the line and its readings ---------------------------------------------------------------------


def test_the_baseline_is_the_first_point_of_the_line_for_a_target():
    kpi, followers = view_of("followers", baseline=100, target=200)
    readings = points(10, 20, 30)
    with_baseline = round(linear_forecast(START, 100, readings, DEADLINE))
    assert with_baseline != round(linear_forecast(START, None, readings, DEADLINE))
    assert forecast_kpi(kpi, followers, START, DEADLINE, readings).value == with_baseline


def test_too_few_readings_give_no_forecast_but_say_how_many_there_are():
    kpi, followers = view_of("followers", baseline=100, target=200)
    short = forecast_kpi(kpi, followers, START, DEADLINE, points(110, 120))
    assert (short.value, short.readings) == (None, 2)


def test_a_time_trending_exactly_to_zero_gets_no_number():
    """A response time cannot reach 0: a line that ends exactly there says 'its limit', not '0 minutes'."""
    kpi, response = view_of("response_time", direction=Direction.LOWER, baseline=60, target=10)
    late = date(2026, 3, 1)  # day 60: the line y = 60 - x reaches 0 there
    exactly = forecast_kpi(kpi, response, START, late, points(50, 40, 30))
    assert (exactly.value, exactly.limit, exactly.at_limit_value) == (None, 0.0, 0.0)
    short_of_it = forecast_kpi(kpi, response, START, date(2026, 2, 28), points(50, 40, 30))
    assert (short_of_it.value, short_of_it.limit) == (1.0, None)
