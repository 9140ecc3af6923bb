"""Direction-aware progress, pace and status: the numbers owners act on, at every boundary."""

from datetime import date, timedelta

import pytest

from kpiwizard.core.enums import Direction, Frequency, Status
from kpiwizard.core.models import KpiSelection, Project, Thresholds
from kpiwizard.core.progress import (
    band_gap,
    classify,
    evaluate_kpi,
    expected_share,
    linear_forecast,
    overall_score,
    progress,
    score,
    target_point,
    trajectory_value,
)

H, L, R = Direction.HIGHER, Direction.LOWER, Direction.RANGE


@pytest.mark.parametrize(
    "direction, baseline, target, value, expected",
    [
        (H, 100, 200, 100, 0.0),  # at baseline
        (H, 100, 200, 150, 0.5),
        (H, 100, 200, 200, 1.0),  # at target
        (H, 100, 200, 250, 1.5),  # beyond target
        (H, 100, 200, 50, -0.5),  # worse than baseline
        (L, 120, 30, 120, 0.0),  # response time at baseline
        (L, 120, 30, 75, 0.5),  # falling from 120 to 75 minutes is half way
        (L, 120, 30, 30, 1.0),
        (L, 120, 30, 15, (15 - 120) / (30 - 120)),  # beyond the target: above 1
        (L, 120, 30, 150, (150 - 120) / (30 - 120)),  # worse: negative
        (L, 0.5, 0.2, 0.2, 1.0),
        (H, 0, 10, 0, 0.0),  # baseline zero is fine
    ],
)
def test_progress_higher_and_lower(direction, baseline, target, value, expected):
    assert progress(direction, baseline, target, value) == pytest.approx(expected)


def test_lower_is_better_moving_down_is_progress_and_up_is_not():
    assert progress(L, 120, 30, 90) > 0
    assert progress(L, 120, 30, 130) < 0
    assert progress(L, 120, 30, 29) > 1


@pytest.mark.parametrize(
    "direction, value, expected",
    [(H, 10, 1.0), (H, 11, 1.0), (H, 9, 0.0), (L, 10, 1.0), (L, 9, 1.0), (L, 11, 0.0)],
)
def test_target_equal_to_baseline_counts_reached_when_as_good(direction, value, expected):
    assert progress(direction, 10, 10, value) == expected


@pytest.mark.parametrize(
    "baseline, value, expected",
    [
        (10, 10, 0.0),  # still at baseline
        (10, 15, 0.5),  # half way to the band's low edge (20)
        (10, 20, 1.0),  # low edge: inside
        (10, 25, 1.0),
        (10, 30, 1.0),  # high edge: inside
        (10, 35, 0.5),  # overshoot by 5 of the original gap of 10
        (10, 5, -0.5),  # moved away
        (40, 35, 0.5),  # baseline above the band
        (40, 30, 1.0),
        (25, 25, 1.0),  # baseline already inside the band
        (25, 31, 0.0),
    ],
)
def test_progress_range(baseline, value, expected):
    assert progress(R, baseline, None, value, 20, 30) == pytest.approx(expected)


def test_range_with_band_given_reversed_is_read_as_the_same_band():
    assert band_gap(35, 30, 20) == 5
    assert progress(R, 10, None, 15, 30, 20) == pytest.approx(0.5)


def test_no_value_or_no_baseline_means_no_progress():
    assert progress(H, 1, 2, None) is None
    assert progress(H, None, 2, 1) is None
    assert progress(H, 1, None, 1) is None
    assert progress(R, 1, None, 1, None, 5) is None


def test_score_caps_overshoot_and_shortfall():
    assert score(1.7) == 1.0
    assert score(-0.2) == 0.0
    assert score(0.4) == 0.4
    assert score(None) is None


def test_expected_share_counts_days_inclusively():
    start = date(2026, 1, 1)
    deadline = date(2026, 1, 10)  # ten planned days
    assert expected_share(start, deadline, date(2026, 1, 1)) == pytest.approx(0.1)
    assert expected_share(start, deadline, date(2026, 1, 5)) == pytest.approx(0.5)
    assert expected_share(start, deadline, deadline) == 1.0
    assert expected_share(start, deadline, date(2026, 2, 1)) == 1.0
    assert expected_share(start, date(2025, 12, 1), date(2026, 1, 5)) == 1.0


@pytest.mark.parametrize(
    "p, pace, readings, measured, on, expected",
    [
        (1.0, 0.5, 3, date(2026, 1, 5), date(2026, 1, 5), Status.REACHED),  # reached beats a slow pace
        (0.5, 0.9, 3, date(2026, 1, 5), date(2026, 1, 5), Status.ON_TRACK),  # exactly the on-track threshold
        (0.5, 0.8999, 3, date(2026, 1, 5), date(2026, 1, 5), Status.BEHIND),
        (0.5, 0.7, 3, date(2026, 1, 5), date(2026, 1, 5), Status.BEHIND),  # exactly the at-risk threshold
        (0.5, 0.6999, 3, date(2026, 1, 5), date(2026, 1, 5), Status.OFF_TRACK),
        (0.5, 0.6999, 1, date(2026, 1, 5), date(2026, 1, 5), Status.TOO_EARLY),  # one reading
        (0.99, 0.99, 3, date(2026, 1, 31), date(2026, 1, 31), Status.MISSED),  # deadline came, not reached
        (0.5, 1.2, 3, date(2026, 1, 5), date(2026, 2, 1), Status.MISSED),  # review after the deadline
        (None, None, 0, None, date(2026, 1, 5), Status.NO_DATA),
    ],
)
def test_classify_at_thresholds(p, pace, readings, measured, on, expected):
    assert classify(p, pace, readings, 0.2, measured, on, date(2026, 1, 31), None, 0.9, 0.7) is expected


def _project(kpi: KpiSelection, actuals: dict, start=date(2026, 1, 1), end=date(2026, 1, 28)) -> Project:
    return Project(start=start, end=end, kpis=[kpi], actuals={kpi.id: actuals})


def test_response_time_falling_is_on_track():
    kpi = KpiSelection(id="rt", catalog_id="response_time", baseline=120, target=30, direction=L,
                       frequency=Frequency.WEEKLY)
    # Four weekly periods; after week 2 (day 14 of 28) the line expects half the way: 75 minutes.
    result = evaluate_kpi(_project(kpi, {date(2026, 1, 1): 100, date(2026, 1, 8): 70}), kpi, date(2026, 1, 14))
    assert result.latest == 70
    assert result.measured_on == date(2026, 1, 14)
    assert result.progress == pytest.approx(50 / 90)
    assert result.expected == pytest.approx(0.5)
    assert result.pace == pytest.approx((50 / 90) / 0.5)
    assert result.status is Status.ON_TRACK


def test_lower_is_better_going_up_is_off_track_then_missed_not_on_track():
    kpi = KpiSelection(id="cpl", catalog_id="cost_per_lead", baseline=40, target=20, direction=L)
    actuals = {date(2026, 1, 1): 44, date(2026, 1, 8): 45, date(2026, 1, 15): 46}
    result = evaluate_kpi(_project(kpi, actuals), kpi, date(2026, 1, 21))
    assert result.progress < 0
    assert result.status is Status.OFF_TRACK  # before the deadline: not yet "missed"
    assert evaluate_kpi(_project(kpi, actuals), kpi, date(2026, 1, 29)).status is Status.MISSED


def test_deadline_reached_without_target_is_missed_even_at_good_pace():
    kpi = KpiSelection(id="f", catalog_id="followers", baseline=100, target=200,
                       thresholds=Thresholds(on_track=0.5, at_risk=0.2))
    result = evaluate_kpi(_project(kpi, {date(2026, 1, 22): 195}), kpi, date(2026, 1, 28))
    assert result.measured_on == date(2026, 1, 28)
    assert result.status is Status.MISSED


def test_actual_dated_inside_a_period_counts_for_that_period():
    kpi = KpiSelection(id="f", catalog_id="followers", baseline=100, target=200)
    result = evaluate_kpi(_project(kpi, {date(2026, 1, 10): 150}), kpi, date(2026, 1, 14))
    assert result.measured_on == date(2026, 1, 14)


def test_no_actuals_is_no_data():
    kpi = KpiSelection(id="f", catalog_id="followers", baseline=100, target=200)
    result = evaluate_kpi(_project(kpi, {}), kpi, date(2026, 1, 14))
    assert result.status is Status.NO_DATA
    assert result.progress is None and result.pace is None and result.forecast is None


def test_forecast_is_the_least_squares_line_through_baseline_and_actuals():
    kpi = KpiSelection(id="f", catalog_id="followers", baseline=100, target=200)
    project = _project(kpi, {date(2026, 1, 1): 107, date(2026, 1, 8): 114, date(2026, 1, 15): 121})
    # points (day 0, 100), (7, 107), (14, 114), (21, 121): slope 1 a day; the deadline is day 28.
    result = evaluate_kpi(project, kpi, date(2026, 1, 21))
    assert result.forecast == pytest.approx(128)
    assert result.forecast_progress == pytest.approx(0.28)
    assert result.forecast_readings == 3


def test_forecast_of_a_time_never_reaches_zero():
    kpi = KpiSelection(id="rt", catalog_id="response_time", baseline=120, target=30, direction=L)
    project = _project(kpi, {date(2026, 1, 1): 80, date(2026, 1, 8): 50, date(2026, 1, 15): 20})
    result = evaluate_kpi(project, kpi, date(2026, 1, 21))
    assert result.forecast is None and result.forecast_limit == 0  # a time is above 0
    assert result.forecast_progress > 1  # the trend passes the target before it runs out


def test_linear_forecast_with_no_points_is_none():
    start = date(2026, 1, 1)
    assert linear_forecast(start, None, [], start) is None


def test_linear_forecast_with_a_single_point_is_that_point():
    from kpiwizard.core.progress import Point
    from kpiwizard.core.schedule import Period

    start = date(2026, 1, 1)
    week = Period(date(2026, 1, 5), date(2026, 1, 11))
    later = date(2026, 3, 1)
    assert linear_forecast(start, None, [Point(week, 42.0)], later) == 42.0  # no trend from one value
    assert linear_forecast(start, 17.0, [], later) == 17.0  # the baseline alone is one point too
    assert linear_forecast(start, 10.0, [Point(week, 21.0)], date(2026, 1, 22)) == pytest.approx(32.0)  # two: a line


def test_trajectory_is_the_straight_line_to_the_target():
    kpi = KpiSelection(id="f", catalog_id="followers", baseline=100, target=200)
    start, end = date(2026, 1, 1), date(2026, 1, 10)
    assert trajectory_value(kpi, start, end, date(2026, 1, 5)) == pytest.approx(150)
    assert trajectory_value(kpi, start, end, end) == pytest.approx(200)


def test_target_point_of_a_range_is_the_nearest_edge_or_the_middle():
    below = KpiSelection(id="a", catalog_id="posts_per_period", direction=R, baseline=1, band_low=3, band_high=5)
    inside = below.model_copy(update={"baseline": 4})
    above = below.model_copy(update={"baseline": 9})
    assert target_point(below) == 3
    assert target_point(inside) == 4
    assert target_point(above) == 5


def test_overall_score_is_the_weighted_mean_of_capped_progress():
    a = KpiSelection(id="a", catalog_id="followers", baseline=0, target=100, weight=75)
    b = KpiSelection(id="b", catalog_id="reach", baseline=0, target=100, weight=25)
    c = KpiSelection(id="c", catalog_id="likes", baseline=0, target=100, weight=50)  # no data
    start = date(2026, 1, 1)
    project = Project(start=start, end=start + timedelta(days=27), kpis=[a, b, c],
                      actuals={"a": {start: 150}, "b": {start: 20}})
    assert overall_score(project) == pytest.approx((1.0 * 75 + 0.2 * 25) / 100)


def test_overall_score_without_data_is_none():
    a = KpiSelection(id="a", catalog_id="followers", baseline=0, target=100, weight=100)
    project = Project(start=date(2026, 1, 1), end=date(2026, 2, 1), kpis=[a])
    assert overall_score(project) is None


def test_forecast_is_rounded_to_the_precision_of_the_owners_numbers():
    kpi = KpiSelection(id="f", catalog_id="followers", baseline=100, target=200)
    project = _project(kpi, {date(2026, 1, 1): 107, date(2026, 1, 8): 115, date(2026, 1, 15): 118})
    forecast = evaluate_kpi(project, kpi, date(2026, 1, 21)).forecast
    assert forecast == round(forecast) and forecast > 115
    rate = KpiSelection(id="r", catalog_id="engagement_rate", baseline=3.0, target=3.6)
    project = _project(rate, {date(2026, 1, 1): 3.1, date(2026, 1, 8): 3.25, date(2026, 1, 15): 3.3})
    forecast = evaluate_kpi(project, rate, date(2026, 1, 21)).forecast
    assert forecast == round(forecast, 2) and forecast != round(forecast)


def test_precision_is_the_most_decimal_places_the_owner_typed_up_to_two():
    from kpiwizard.core.progress import precision

    assert precision([100, 250.0, None]) == 0  # whole numbers stay whole, however they are stored
    assert precision([3.9, 4]) == 1
    assert precision([0.125]) == 2  # capped: a forecast never shows more than two places
    assert precision([0.125], most=3) == 3
    assert precision([1.5e-7, 12345678901.5]) == 0  # exponent notation is not a typed decimal


def test_linear_forecast_of_readings_on_one_day_is_their_mean():
    from kpiwizard.core.progress import Point
    from kpiwizard.core.schedule import Period

    week = Period(date(2026, 1, 5), date(2026, 1, 11))
    assert linear_forecast(date(2026, 1, 1), None, [Point(week, 10.0), Point(week, 20.0)],
                           date(2026, 3, 1)) == 15.0  # no spread in time: no slope to follow
