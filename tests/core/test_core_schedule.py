"""Periods and check-in dates from the plan's dates and each KPI's frequency."""

from datetime import date

from kpiwizard.core.enums import Frequency
from kpiwizard.core.schedule import add_months, check_ins, periods


def test_weekly_periods_start_on_the_plan_start_and_cut_at_the_end():
    ps = periods(date(2026, 3, 1), date(2026, 3, 31), Frequency.WEEKLY)
    assert [p.start.day for p in ps] == [1, 8, 15, 22, 29]
    assert ps[0].end == date(2026, 3, 7)
    assert ps[-1].end == date(2026, 3, 31) and ps[-1].days == 3


def test_monthly_periods_keep_the_anchor_day_through_short_months():
    ps = periods(date(2026, 1, 31), date(2026, 5, 30), Frequency.MONTHLY)
    assert [p.start for p in ps] == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)]
    assert ps[0].end == date(2026, 2, 27)
    assert ps[-1].end == date(2026, 5, 30)


def test_add_months_crosses_years():
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)


def test_no_periods_when_the_plan_ends_before_it_starts():
    assert not periods(date(2026, 3, 1), date(2026, 2, 1), Frequency.WEEKLY)


def test_check_ins_merge_kpis_due_the_same_day_and_end_with_the_final_review():
    days = check_ins(date(2026, 1, 1), date(2026, 1, 31),
                     [("a", Frequency.WEEKLY), ("b", Frequency.MONTHLY)])
    assert [c.day.day for c in days] == [7, 14, 21, 28, 31]
    assert days[-1].final and set(days[-1].kpi_ids) == {"a", "b"}
    assert days[0].kpi_ids == ("a",) and not days[0].final
