"""Direction-aware progress, pace, status and forecast for one KPI.

These are the numbers the owner acts on, and the tracker's formulas repeat them cell by cell, so
every rule is spelled out here once, in the simplest form a spreadsheet can also compute:

* higher or lower is better: progress = (value - baseline) / (target - baseline). The same formula
  serves both directions, so a response time falling from 120 to 30 minutes is progress. A target
  equal to the baseline counts as reached when the value is at least as good.
* keep in a band: gap(x) is the distance from x to the band (0 inside it); progress =
  1 - gap(value) / gap(baseline), or all-or-nothing when the baseline is already inside.
* expected share of the way: elapsed days / planned days, both counted inclusively, so the period
  that ends on the deadline expects the whole way.
* pace = progress / expected share; status compares pace with the KPI's RAG thresholds, and a KPI
  whose deadline has come without reaching the target is missed.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from .enums import Direction, Status
from .models import KpiSelection, Project
from .schedule import Period, periods


def band_gap(value: float, low: float, high: float) -> float:
    lo, hi = min(low, high), max(low, high)
    return max(lo - value, 0.0, value - hi)


def progress(
    direction: Direction,
    baseline: float | None,
    target: float | None,
    value: float | None,
    band_low: float | None = None,
    band_high: float | None = None,
) -> float | None:
    """Share of the way from baseline to target (1.0 = reached; may exceed 1 or fall below 0)."""
    if value is None or baseline is None:
        return None
    if direction is Direction.RANGE:
        if band_low is None or band_high is None:
            return None
        start_gap = band_gap(baseline, band_low, band_high)
        gap = band_gap(value, band_low, band_high)
        if start_gap == 0:
            return 1.0 if gap == 0 else 0.0
        return 1.0 - gap / start_gap
    if target is None:
        return None
    if target == baseline:
        better_or_equal = value >= target if direction is Direction.HIGHER else value <= target
        return 1.0 if better_or_equal else 0.0
    return (value - baseline) / (target - baseline)


def score(p: float | None) -> float | None:
    """Progress capped to 0..1, so overshooting one KPI cannot hide another's shortfall."""
    return None if p is None else min(max(p, 0.0), 1.0)


def expected_share(start: date, deadline: date, measured_on: date) -> float:
    """How much of the way the straight-line trajectory expects by ``measured_on``."""
    planned = (deadline - start).days + 1
    if planned <= 0:
        return 1.0
    elapsed = (measured_on - start).days + 1
    return min(max(elapsed / planned, 0.0), 1.0)


def trajectory_value(kpi: KpiSelection, start: date, deadline: date, on: date) -> float | None:
    """Where the straight line from baseline to target says the KPI should be on ``on``."""
    if kpi.baseline is None:
        return None
    goal = target_point(kpi)
    if goal is None:
        return None
    return kpi.baseline + (goal - kpi.baseline) * expected_share(start, deadline, on)


def target_point(kpi: KpiSelection) -> float | None:
    """The single value the KPI aims at: the target, or the nearest band edge for a range."""
    if kpi.direction is Direction.RANGE:
        if kpi.band_low is None or kpi.band_high is None:
            return None
        lo, hi = min(kpi.band_low, kpi.band_high), max(kpi.band_low, kpi.band_high)
        if kpi.baseline is None or lo <= kpi.baseline <= hi:
            return (lo + hi) / 2
        return lo if kpi.baseline < lo else hi
    return kpi.target


def classify(
    p: float | None, pace: float | None, measured_on: date | None, deadline: date,
    on_track: float, at_risk: float,
) -> Status:
    if p is None or measured_on is None or pace is None:
        return Status.NO_DATA
    if p >= 1:
        return Status.ON_TRACK
    if measured_on >= deadline:
        return Status.MISSED
    if pace >= on_track:
        return Status.ON_TRACK
    if pace >= at_risk:
        return Status.AT_RISK
    return Status.MISSED


@dataclass(frozen=True)
class Point:
    period: Period
    value: float


@dataclass(frozen=True)
class KpiProgress:
    kpi_id: str
    points: tuple[Point, ...]  # recorded actuals in period order
    latest: float | None
    measured_on: date | None  # end of the latest recorded period
    progress: float | None
    expected: float | None
    pace: float | None
    status: Status
    forecast: float | None  # value expected at the deadline if the trend holds
    forecast_progress: float | None


def kpi_periods(project: Project, kpi: KpiSelection) -> tuple[Period, ...]:
    return periods(project.start, project.end, kpi.frequency)


def recorded_points(project: Project, kpi: KpiSelection) -> list[Point]:
    """The KPI's actuals matched to its periods (a date inside a period counts for that period).

    A value dated outside the plan's periods is kept in the file but not counted: the tracker has
    no row for it, and the app and the tracker must agree (one rule in both)."""
    series = project.actuals.get(kpi.id, {})
    if not series:
        return []
    plan_periods = kpi_periods(project, kpi)
    starts = [p.start for p in plan_periods]
    points = []
    for day, value in sorted(series.items()):
        i = bisect_right(starts, day) - 1
        if i >= 0 and day <= plan_periods[i].end:
            points.append(Point(plan_periods[i], value))
    return points


def linear_forecast(
    start: date, baseline: float | None, points: list[Point], at: date
) -> float | None:
    """Least-squares line through the baseline (day 0) and the recorded values, read at ``at``."""
    xs: list[float] = []
    ys: list[float] = []
    if baseline is not None:
        xs.append(0.0)
        ys.append(baseline)
    for pt in points:
        xs.append(float((pt.period.end - start).days + 1))
        ys.append(pt.value)
    if not xs:
        return None
    if len(xs) == 1:
        return ys[0]
    mean_x = sum(xs) / len(xs)
    mean_y = sum(ys) / len(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        return mean_y
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sxx
    t = float((at - start).days + 1)
    return mean_y + slope * (t - mean_x)


def precision(values: list[float | None], most: int = 2) -> int:
    """Decimal places the owner's own numbers use (1002.2 followers reads wrong; 3.9 % does not)."""
    places = 0
    for v in values:
        if v is not None:
            text = format(v, ".10g")
            if "." in text and "e" not in text:
                places = max(places, len(text.split(".")[1]))
    return min(places, most)


def evaluate_kpi(project: Project, kpi: KpiSelection) -> KpiProgress:
    deadline = project.deadline_of(kpi)
    points = recorded_points(project, kpi)
    latest_point = points[-1] if points else None
    latest = latest_point.value if latest_point else None
    measured_on = latest_point.period.end if latest_point else None
    p = progress(kpi.direction, kpi.baseline, kpi.target, latest, kpi.band_low, kpi.band_high)
    expected = (
        expected_share(project.start, deadline, measured_on) if measured_on is not None else None
    )
    pace = p / expected if p is not None and expected else None
    status = classify(
        p, pace, measured_on, deadline, kpi.thresholds.on_track, kpi.thresholds.at_risk
    )
    forecast = linear_forecast(project.start, kpi.baseline, points, deadline) if points else None
    if forecast is not None and forecast < 0 and all(pt.value >= 0 for pt in points):
        forecast = 0.0  # counts, times and rates never go below zero
    if forecast is not None:  # an estimate is no more precise than the numbers it comes from
        forecast = round(forecast, precision(
            [kpi.baseline, kpi.target, kpi.band_low, kpi.band_high, *(pt.value for pt in points)]))
    forecast_p = progress(
        kpi.direction, kpi.baseline, kpi.target, forecast, kpi.band_low, kpi.band_high
    )
    return KpiProgress(
        kpi_id=kpi.id,
        points=tuple(points),
        latest=latest,
        measured_on=measured_on,
        progress=p,
        expected=expected,
        pace=pace,
        status=status,
        forecast=forecast,
        forecast_progress=forecast_p,
    )


def evaluate(project: Project) -> dict[str, KpiProgress]:
    return {k.id: evaluate_kpi(project, k) for k in project.kpis}


def overall_score(project: Project, results: dict[str, KpiProgress] | None = None) -> float | None:
    """Weighted mean of the capped progress of the KPIs that have data (None if none has)."""
    results = results or evaluate(project)
    total_weight = 0.0
    total = 0.0
    for k in project.kpis:
        s = score(results[k.id].progress)
        if s is None or k.weight <= 0:
            continue
        total += s * k.weight
        total_weight += k.weight
    return total / total_weight if total_weight else None

