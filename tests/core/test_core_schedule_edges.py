"""Edges of the plan's calendar that mutation testing (docs/mutation.md) found untested."""

from __future__ import annotations

from datetime import date

import pytest

from kpiwizard.core.enums import Frequency
from kpiwizard.core.schedule import CheckIn, Period, add_months, check_ins, months_between, periods


def test_adding_months_crosses_into_the_next_years():
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert add_months(date(2026, 1, 31), 13) == date(2027, 2, 28)  # the month has no 31st
    assert add_months(date(2026, 11, 30), 14) == date(2028, 1, 30)


def test_a_one_day_plan_has_one_period_and_its_closing_review():
    day = date(2026, 3, 2)
    assert periods(day, day, Frequency.WEEKLY) == (Period(day, day),)
    assert check_ins(day, day, []) == [CheckIn(day, (), True)]
    assert months_between(day, day) == pytest.approx(1 / 30.4375)  # one day, not two


def test_a_plan_without_kpis_still_has_its_closing_review():
    start, end = date(2026, 1, 5), date(2026, 3, 29)
    assert check_ins(start, end, []) == [CheckIn(end, (), True)]
