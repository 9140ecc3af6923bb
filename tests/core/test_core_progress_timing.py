"""Which readings a review counts and what it says about the time left, at the edges of periods:
a reading for a period that begins on the review day, a plan whose last week is one day long, a
closed cycle in a file that names no start for the running one, and the forecast's sentence on
the deadline day. Mutation testing found each edge unguarded (docs/mutation.md).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kpiwizard.core.enums import Lang, Status
from kpiwizard.core.kpiview import view_kpi
from kpiwizard.core.models import KpiCycle, KpiSelection, Project
from kpiwizard.core.progress import cycle_points, evaluate_kpi, forecast_text, next_due

MON = date(2026, 1, 5)
DEADLINE = MON + timedelta(27)  # Sunday 1 February: the end of the fourth week


def _plan(weeks: list[float], end: date = DEADLINE, **kw) -> Project:
    kpi = KpiSelection(id="followers", catalog_id="followers", baseline=100, target=200, frequency="weekly", **kw)
    return Project(start=MON, end=end, kpis=[kpi],
                   actuals={"followers": {MON + timedelta(7 * i): v for i, v in enumerate(weeks)}})


@pytest.mark.parametrize("on, readings, latest", [
    (MON + timedelta(13), 2, 120),  # Sunday: the third week has not begun, its reading waits
    (MON + timedelta(14), 3, 140),  # Monday: the third week begins, its reading counts that same day
])
def test_a_reading_counts_from_the_first_day_of_its_period(on, readings, latest):
    project = _plan([110, 120, 140])
    result = evaluate_kpi(project, project.kpi("followers"), on)
    assert (result.readings, result.latest) == (readings, latest)


def test_after_the_last_period_no_next_reading_is_due_even_when_that_period_is_one_day():
    """A plan of fifteen days read weekly ends with a one-day week (Monday 19 January). Once it is
    read, nothing more is due: the tracker's 'next reading by' stays blank; read the week before,
    the next reading is due on that one day."""
    end = MON + timedelta(14)
    project = _plan([110, 120, 130], end=end)
    kpi = project.kpi("followers")
    assert next_due(project, kpi, end) is None
    assert next_due(project, kpi, end - timedelta(1)) == end
    result = evaluate_kpi(project, kpi, end)
    assert (result.measured_on, result.next_due) == (end, None)


def test_a_closed_cycle_without_readings_and_no_start_named_counts_readings_from_the_plan_start():
    """A file can close a cycle in which nothing was recorded and name no start for the running one
    (None means the plan's start): every reading of the plan is the running cycle's."""
    project = _plan([110, 120, 130])
    kpi = project.kpi("followers")
    kpi.cycles = [KpiCycle(start=MON, deadline=MON + timedelta(6), verdict="no_data", closed_on=MON + timedelta(6))]
    assert kpi.cycle_start is None
    assert [pt.value for pt in cycle_points(project, kpi)] == [110, 120, 130]
    assert evaluate_kpi(project, kpi, MON + timedelta(16)).readings == 3


def _forecast_sentences(weeks: list[float], on: date) -> tuple[Status, str, str]:
    project = _plan(weeks)
    kpi = project.kpi("followers")
    result = evaluate_kpi(project, kpi, on)
    return (result.status, forecast_text(result, view_kpi(project, kpi, Lang.KO)).ko,
            forecast_text(result, view_kpi(project, kpi, Lang.EN)).en)


def test_reached_early_the_deadline_day_still_shows_the_forecast_sentence():
    """Reached in week 2 and reviewed on the deadline day with the last week still to record: the
    forecast is drawn as on any day before; the day after, the sentence says why there is none."""
    on_the_day = _forecast_sentences([150, 210, 230], DEADLINE)  # the line from 100 through them: 285 on day 28
    assert on_the_day == (Status.REACHED, "마감일 예측 약 285명, 기록 3번 기준.",
                          "Forecast at the deadline about 285 followers, from 3 readings.")
    day_after = _forecast_sentences([150, 210, 230], DEADLINE + timedelta(1))
    assert day_after == (Status.REACHED, "마감일이 지나 예측하지 않습니다.", "Past the deadline: no forecast.")


@pytest.mark.parametrize("on", [DEADLINE - timedelta(3), DEADLINE])
@pytest.mark.parametrize("weeks, status", [([150, 210, 230, 240], Status.REACHED), ([110, 120, 130, 140], Status.MISSED)])
def test_once_the_last_week_is_recorded_no_forecast_is_drawn(on, weeks, status):
    """Recorded to the end before the deadline day is over: final, but the deadline has not passed."""
    assert _forecast_sentences(weeks, on) == (status, "마지막 기간까지 기록되어 예측하지 않습니다.",
                                              "Every period is recorded: no forecast.")
    assert _forecast_sentences(weeks, DEADLINE + timedelta(1)) == (
        status, "마감일이 지나 예측하지 않습니다.", "Past the deadline: no forecast.")
