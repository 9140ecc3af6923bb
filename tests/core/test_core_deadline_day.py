"""The deadline day itself: a verdict is final only once the last period is recorded or the day is over.

A KPI reached early and reviewed on its deadline day still has its last week to record, so the
review shows where the line is heading, as on any day before; the day after the deadline, or once
the last period's reading is in, the verdict is final and no forecast is drawn (nothing is left to
forecast). Mutation testing found both edges unguarded (docs/mutation.md).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kpiwizard.core.enums import Lang, Status
from kpiwizard.core.models import KpiSelection, Project
from kpiwizard.core.progress import evaluate_kpi

MON = date(2026, 1, 5)
DEADLINE = MON + timedelta(27)  # Sunday 1 February: the end of the fourth week


def plan(weeks: list[float]) -> Project:
    kpi = KpiSelection(id="followers", catalog_id="followers", baseline=100, target=200, frequency="weekly")
    return Project(start=MON, end=DEADLINE, kpis=[kpi],
                   actuals={"followers": {MON + timedelta(7 * i): v for i, v in enumerate(weeks)}})


@pytest.mark.parametrize("on, final", [
    (DEADLINE - timedelta(1), False), (DEADLINE, False), (DEADLINE + timedelta(1), True),
])
def test_reached_early_the_deadline_day_still_shows_a_forecast_the_day_after_does_not(on, final):
    project = plan([150, 210, 230])  # reached in week 2; week 4 not yet recorded
    result = evaluate_kpi(project, project.kpi("followers"), on)
    assert result.status is Status.REACHED
    assert (result.forecast is None) is final


@pytest.mark.parametrize("on", [DEADLINE - timedelta(3), DEADLINE])
def test_once_the_last_period_is_recorded_the_verdict_is_final_even_before_the_day_is_over(on):
    project = plan([150, 210, 230, 240])  # the last week's reading, entered on its Thursday or Sunday
    result = evaluate_kpi(project, project.kpi("followers"), on)
    assert result.status is Status.REACHED
    assert result.forecast is None
    missed = plan([110, 120, 130, 140])
    result = evaluate_kpi(missed, missed.kpi("followers"), on)
    assert result.status is Status.MISSED and result.forecast is None


def test_not_reached_on_the_deadline_day_is_not_missed_until_the_last_week_is_in():
    project = plan([110, 130, 160])
    result = evaluate_kpi(project, project.kpi("followers"), DEADLINE)
    assert result.status not in (Status.MISSED, Status.REACHED)
    assert result.forecast is not None
    after = evaluate_kpi(project, project.kpi("followers"), DEADLINE + timedelta(1))
    assert after.status is Status.MISSED and after.forecast is None


def test_readings_without_a_target_are_no_data_not_a_verdict():
    """A KPI the owner records but has not given a target yet: its readings cannot make a status."""
    kpi = KpiSelection(id="followers", catalog_id="followers", baseline=100, frequency="weekly")
    project = Project(start=MON, end=DEADLINE, kpis=[kpi],
                      actuals={"followers": {MON: 120, MON + timedelta(7): 130}})
    for on in (MON + timedelta(15), DEADLINE + timedelta(1)):
        result = evaluate_kpi(project, kpi, on)
        assert (result.status, result.readings) == (Status.NO_DATA, 2)


def test_a_cycle_recorded_to_its_end_early_is_missed_without_saying_the_deadline_passed():
    """The last week's reading is typed on the Thursday before the Sunday deadline: the verdict is
    final, and the status and the new-cycle advice say the periods are recorded, not that the
    deadline has passed; the day after the deadline they say it has."""
    from kpiwizard.core.kpiview import view_kpi
    from kpiwizard.core.progress import evaluate_kpi, status_reason
    from kpiwizard.core.remedies import suggest

    project = plan([110, 120, 130, 140])  # week 4 recorded, far from 200
    kpi = project.kpi("followers")
    early = DEADLINE - timedelta(days=3)
    for on, ko, en, advice_ko, advice_en in (
        (early, "마감일(2026년 2월 1일)까지의 기록이 모두 들어왔고", "Every period up to the deadline (1 February 2026) is recorded,",
         "마지막 기간까지 기록되었으니", "Every period up to the deadline is recorded, so"),
        (DEADLINE + timedelta(days=1), "마감일(2026년 2월 1일)이 지났고", "The deadline (1 February 2026) has passed",
         "마감일이 지났으니", "The deadline has passed, so"),
    ):
        result = evaluate_kpi(project, kpi, on)
        assert result.status is Status.MISSED
        assert status_reason(result, view_kpi(project, kpi, Lang.KO)).ko.startswith(ko)
        assert status_reason(result, view_kpi(project, kpi, Lang.EN)).en.startswith(en)
        reset = suggest(project, "followers", Lang.KO, on=on)[0]
        assert reset.message.ko.startswith(advice_ko) and reset.message.en.startswith(advice_en)
