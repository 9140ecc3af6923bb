"""Which recorded values count as readings, on both sides of each edge.

A value counts for the plan period its date falls in: on the period's first or last day alike, and
not at all before the plan starts or after it ends (the tracker has no row for it). After a closed
cycle, only readings after its final one count; a cycle closed without readings hands over at the
new cycle's start. Mutation testing (docs/mutation.md) found these edges unguarded.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kpiwizard.core.models import KpiCycle, KpiSelection, Project
from kpiwizard.core.progress import cycle_points, evaluate_kpi, recorded_points

MON = date(2026, 1, 5)
END = MON + timedelta(27)  # four weeks


def plan(actuals: dict[date, float], **kpi) -> Project:
    selection = KpiSelection(id="f", catalog_id="followers", baseline=100, target=200, frequency="weekly", **kpi)
    return Project(start=MON, end=END, kpis=[selection], actuals={"f": actuals})


@pytest.mark.parametrize("day, counted", [
    (MON - timedelta(1), False), (MON, True), (MON + timedelta(6), True),  # first week: its first and last day
    (END, True), (END + timedelta(1), False),  # the plan's last day, and the day after
])
def test_a_value_counts_for_the_period_its_date_falls_in(day, counted):
    project = plan({day: 150})
    points = recorded_points(project, project.kpis[0])
    assert len(points) == int(counted)
    if counted:
        assert points[0].period.start <= day <= points[0].period.end and points[0].day == day


def test_a_value_before_the_plan_is_not_a_reading_of_its_last_week():
    project = plan({MON - timedelta(3): 999, MON + timedelta(8): 150})
    result = evaluate_kpi(project, project.kpis[0], END)
    assert (result.readings, result.latest) == (1, 150)


def test_two_values_in_one_period_are_one_reading_the_later_one():
    project = plan({MON + timedelta(1): 120, MON + timedelta(6): 130})
    [point] = recorded_points(project, project.kpis[0])
    assert (point.value, point.day) == (130, MON + timedelta(6))


def _closed(final_reading: date | None, cycle_start: date) -> KpiCycle:
    return KpiCycle(start=MON, deadline=MON + timedelta(13), baseline=100, target=200, final_value=150,
                    final_reading=final_reading, verdict="missed" if final_reading else "no_data", closed_on=cycle_start)


@pytest.mark.parametrize("day, counted", [(MON + timedelta(7), False), (MON + timedelta(8), True)])
def test_after_a_closed_cycle_only_readings_after_its_final_one_count(day, counted):
    final = MON + timedelta(7)
    project = plan({MON: 110, final: 150, day: 160} if day != final else {MON: 110, final: 150},
                   cycle_start=MON + timedelta(14), cycles=[_closed(final, MON + timedelta(14))])
    points = cycle_points(project, project.kpis[0])
    assert [pt.day for pt in points] == ([day] if counted else [])


@pytest.mark.parametrize("week_end, counted", [(MON + timedelta(13), False), (MON + timedelta(20), True)])
def test_a_cycle_closed_without_readings_hands_over_at_the_new_cycles_start(week_end, counted):
    """The new cycle starts on a Monday; the week ending the day before is the old cycle's."""
    new_start = MON + timedelta(14)
    week_start = week_end - timedelta(6)
    project = plan({week_start: 150}, cycle_start=new_start, cycles=[_closed(None, new_start)])
    assert len(cycle_points(project, project.kpis[0])) == int(counted)


def test_a_period_ending_on_the_new_cycles_first_day_belongs_to_it():
    """Edge: a cycle begun mid-week takes the week it begins in (its end lies after the start)."""
    new_start = MON + timedelta(13)  # the Sunday that ends week 2
    project = plan({MON + timedelta(7): 150}, cycle_start=new_start, cycles=[_closed(None, new_start)])
    assert [pt.period.end for pt in cycle_points(project, project.kpis[0])] == [new_start]
