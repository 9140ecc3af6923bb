"""Measurement periods and review dates, from the plan's dates and each KPI's frequency.

A period starts on the plan's start date and every week (or month) after it; the last one is cut
at the plan's end. The value recorded for a period is read at its end, which is also the day to
review it. The tracker's rows, the progress maths and the calendar all use these same periods.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .enums import Frequency


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive: the day the value is read

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, on the same day of the month where the month has it (the
    31st of January plus one month is the 28th or 29th of February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_starts(start: date, end: date, frequency: Frequency) -> list[date]:
    if end < start:
        return []
    starts: list[date] = []
    n = 0
    while True:
        if frequency is Frequency.WEEKLY:
            s = start + timedelta(weeks=n)
        else:
            s = add_months(start, n)  # always from the start: a 31st stays the 31st after February
        if s > end:
            return starts
        starts.append(s)
        n += 1


@lru_cache(maxsize=64)
def periods(start: date, end: date, frequency: Frequency) -> tuple[Period, ...]:
    """The plan's periods; cached because every KPI of a frequency shares them."""
    return _periods(start, end, frequency)


def _periods(start: date, end: date, frequency: Frequency) -> tuple[Period, ...]:
    # Not in the cached function itself: the mutation tool leaves decorated functions alone.
    starts = period_starts(start, end, frequency)
    result = []
    for i, s in enumerate(starts):
        nxt = starts[i + 1] if i + 1 < len(starts) else end + timedelta(days=1)
        result.append(Period(s, nxt - timedelta(days=1)))
    return tuple(result)


def readings_by(start: date, end: date, deadline: date, frequency: Frequency) -> int:
    """How many readings a KPI gets by its deadline: the plan's real periods that begin on or before
    it (a period cut short by the plan's end is still read, at that end). A café plan of 84 days
    from 5 January has three monthly periods, so three monthly readings, not 84 // 30 = 2."""
    return sum(1 for p in periods(start, end, frequency) if p.start <= deadline)


def months_between(start: date, end: date) -> float:
    """Length of a span in months (30.44 days each), never less than one day's worth."""
    return max((end - start).days + 1, 1) / 30.4375


@dataclass(frozen=True)
class CheckIn:
    """A review date and the KPIs whose period ends that day."""

    day: date
    kpi_ids: tuple[str, ...]
    final: bool  # the plan's last day: the closing review


def check_ins(start: date, end: date, kpis: list[tuple[str, Frequency]]) -> list[CheckIn]:
    """Every day some KPI's period ends, in date order, with the KPIs to record that day."""
    by_day: dict[date, list[str]] = {}
    for kpi_id, frequency in kpis:
        for p in periods(start, end, frequency):
            by_day.setdefault(p.end, []).append(kpi_id)
    if end >= start:
        by_day.setdefault(end, [])
    return [CheckIn(d, tuple(ids), d == end) for d, ids in sorted(by_day.items())]
