"""Readings are counted in the plan's real periods (issue 12 item 13)."""

from datetime import date

import pytest

from kpiwizard.core.audit import audit
from kpiwizard.core.enums import Frequency
from kpiwizard.core.models import KpiSelection, Project
from kpiwizard.core.schedule import readings_by

CAFE_START, CAFE_END = date(2026, 1, 5), date(2026, 3, 29)  # 84 days: three monthly periods


@pytest.mark.parametrize(
    "start, end, frequency, expected",
    [
        (CAFE_START, CAFE_END, Frequency.MONTHLY, 3),  # not 84 // 30 = 2
        (CAFE_START, date(2026, 3, 4), Frequency.MONTHLY, 2),  # 5 Jan - 4 Mar: two whole months
        (CAFE_START, date(2026, 3, 5), Frequency.MONTHLY, 3),  # one day into a third
        (date(2026, 3, 1), date(2026, 3, 31), Frequency.WEEKLY, 5),  # four weeks and a 3-day stub
        (date(2026, 3, 1), date(2026, 3, 28), Frequency.WEEKLY, 4),
        (date(2026, 3, 1), date(2026, 3, 1), Frequency.WEEKLY, 1),
    ],
)
def test_readings_count_real_periods(start, end, frequency, expected):
    assert readings_by(start, end, end, frequency) == expected


def test_a_kpi_deadline_before_the_plan_end_counts_only_its_periods():
    assert readings_by(CAFE_START, CAFE_END, date(2026, 2, 4), Frequency.MONTHLY) == 1
    assert readings_by(CAFE_START, CAFE_END, date(2026, 2, 5), Frequency.MONTHLY) == 2


def _coarse(end):
    kpi = KpiSelection(id="rev", catalog_id="social_revenue", baseline=400000, target=700000,
                       frequency=Frequency.MONTHLY)
    project = Project(start=CAFE_START, end=end, kpis=[kpi])
    return [f for f in audit(project).findings if f.id == "M-frequency-coarse"]


def test_the_cafe_monthly_kpi_is_not_said_to_be_measured_only_twice():
    assert _coarse(CAFE_END) == []


def test_a_plan_with_two_monthly_periods_is_still_warned():
    [finding] = _coarse(date(2026, 3, 4))
    assert "2번만" in finding.message.ko
