"""Edges of the progress rules that mutation testing (docs/mutation.md) found untested.

The overall score's weights and review date, the single value a band aims at, the share of time
a one-day or inverted plan expects, what a reading on the review day says, and how a share is
written as a percent.
"""

from __future__ import annotations

from datetime import date, timedelta

from kpiwizard.core.enums import Direction, Frequency
from kpiwizard.core.models import KpiSelection, Project
from kpiwizard.core.progress import _pct, evaluate_kpi, expected_share, overall_score, target_point

START, END = date(2026, 1, 1), date(2026, 1, 28)  # four weeks, starting on a Thursday


def weekly(kid: str, **kw) -> KpiSelection:
    kw.setdefault("catalog_id", "followers")
    return KpiSelection(id=kid, frequency=Frequency.WEEKLY, **kw)


# -- the overall score ----------------------------------------------------------------------------


def test_the_overall_score_is_read_on_the_review_date_asked_for():
    kpi = weekly("f", baseline=100, target=200, weight=100)
    plan = Project(start=START, end=END, kpis=[kpi], actuals={"f": {date(2026, 1, 1): 150, date(2026, 1, 8): 200}})
    assert overall_score(plan, on=date(2026, 1, 7)) == 0.5  # only the first week is recorded by then
    assert overall_score(plan, on=date(2026, 1, 14)) == 1.0


def test_weights_of_one_count_and_a_kpi_without_data_is_skipped_not_the_end():
    empty = weekly("a", baseline=100, target=200, weight=1)  # listed first, nothing recorded
    half = weekly("b", baseline=100, target=200, weight=1)
    full = weekly("c", baseline=100, target=200, weight=3)
    plan = Project(start=START, end=END, kpis=[empty, half, full],
                   actuals={"b": {date(2026, 1, 1): 150}, "c": {date(2026, 1, 1): 200}})
    assert overall_score(plan, on=date(2026, 1, 7)) == (0.5 * 1 + 1.0 * 3) / 4


# -- the value a band aims at ----------------------------------------------------------------------


def test_a_band_needs_both_edges_to_aim_at_anything():
    assert target_point(weekly("r", direction=Direction.RANGE, band_high=5)) is None
    assert target_point(weekly("r", direction=Direction.RANGE, band_low=3)) is None


def test_a_baseline_on_a_band_edge_is_inside_the_band():
    on_low = weekly("r", direction=Direction.RANGE, band_low=3, band_high=5, baseline=3)
    on_high = weekly("r", direction=Direction.RANGE, band_low=3, band_high=5, baseline=5)
    assert target_point(on_low) == target_point(on_high) == 4  # the middle, not the far edge


# -- the share of time expected ----------------------------------------------------------------------


def test_a_deadline_before_the_start_expects_everything_and_a_reading_before_a_one_day_plan_nothing():
    assert expected_share(START, START - timedelta(days=1), START) == 1.0  # no days planned
    assert expected_share(START, START, START - timedelta(days=1)) == 0.0  # one day planned, not begun


# -- a reading on the review day -------------------------------------------------------------------


def test_a_reading_of_today_is_zero_days_old_and_the_next_is_due_next_week():
    kpi = weekly("f", baseline=100, target=200)
    plan = Project(start=START, end=END, kpis=[kpi], actuals={"f": {date(2026, 1, 1): 120}})
    result = evaluate_kpi(plan, kpi, on=date(2026, 1, 7))  # the first week ends on the 7th
    assert result.measured_on == date(2026, 1, 7)
    assert result.days_since == 0
    assert result.start == START
    assert result.next_due == date(2026, 1, 14)


def test_a_kpi_without_a_target_has_no_pace_and_no_error():
    kpi = weekly("f", baseline=100)
    plan = Project(start=START, end=END, kpis=[kpi], actuals={"f": {date(2026, 1, 1): 120}})
    result = evaluate_kpi(plan, kpi, on=date(2026, 1, 7))
    assert result.progress is None and result.pace is None


# -- shares written as percents --------------------------------------------------------------------


def test_shares_are_written_as_whole_percents_without_a_minus_zero():
    assert _pct(0.5) == "50%"
    assert _pct(1.234) == "123%"
    assert _pct(-0.001) == "0%"
    assert _pct(None) == "–"


# -- forecasts at the deadline and for bands ----------------------------------------------------------


def test_the_reading_of_the_deadlines_period_ends_the_forecast():
    kpi = weekly("f", baseline=100, target=200)
    weeks = {date(2026, 1, 1): 110, date(2026, 1, 8): 120, date(2026, 1, 15): 130}
    plan = Project(start=START, end=END, kpis=[kpi], actuals={"f": weeks})
    on_the_day = evaluate_kpi(plan, kpi, on=END)  # the last week's reading may still come today
    assert on_the_day.forecast == 140.0 and on_the_day.forecast_readings == 3
    plan = Project(start=START, end=END, kpis=[kpi], actuals={"f": {**weeks, date(2026, 1, 22): 140}})
    final = evaluate_kpi(plan, kpi, on=END)  # the deadline's own period is recorded: the result stands
    assert final.measured_on == END
    assert final.forecast is None and final.forecast_readings == 4


def test_a_band_forecast_inside_the_band_is_full_progress():
    kpi = weekly("b", catalog_id="posts_per_period", direction=Direction.RANGE, band_low=3, band_high=5,
                 baseline=1)
    plan = Project(start=START, end=END, kpis=[kpi],
                   actuals={"b": {date(2026, 1, 1): 1, date(2026, 1, 8): 2, date(2026, 1, 15): 3}})
    result = evaluate_kpi(plan, kpi, on=date(2026, 1, 21))
    assert (result.forecast, result.forecast_in_band, result.forecast_progress) == (4.0, True, 1.0)
