"""Direction-aware progress, pace, status and forecast for one KPI, judged as of a review date.

These are the numbers the owner acts on, and the tracker's formulas repeat them cell by cell, so
every rule is spelled out here once, in the simplest form a spreadsheet can also compute. The
figures (how many readings make evidence, the rounding) are data: resources/advice/status_rules.json.

Progress and pace
* higher or lower is better: progress = (value - baseline) / (target - baseline). The same formula
  serves both directions, so a response time falling from 120 to 30 minutes is progress. A target
  equal to the baseline counts as reached when the value is at least as good.
* keep in a band: gap(x) is the distance from x to the band (0 inside it); progress =
  1 - gap(value) / gap(baseline), or all-or-nothing when the baseline is already inside.
* expected share of the way: elapsed days / planned days of the running cycle, both counted
  inclusively, so the period that ends on the deadline expects the whole way.
* pace = progress / expected share at the latest reading. A pace held to the deadline ends at
  ``pace`` of the way, so pace is also the simplest forecast: below the at-risk threshold the KPI
  ends short of its target as things go.

One status for every value (rounding)
* Before any comparison progress, pace and the expected share are rounded to 6 decimal places
  (``ROUND(x,6)`` in the tracker), so 0.9 computed as 0.8999999999999999 is on track in the app, the
  tracker and the PDF alike. ``KpiProgress.pace`` is stored already rounded.

Status as of the review date ``on`` (default: today), first rule that applies
1. NO_DATA: no reading in the running cycle up to ``on`` (or no baseline/target to judge against).
2. Final, once the deadline has passed (``on`` > deadline, or the latest reading's period ends on or
   after it): REACHED if progress >= 1, else MISSED. Only a passed deadline gives "missed".
3. STALE ("silence is never green"): ``on`` is after the end of the period that follows the latest
   reading's, i.e. a whole period went by after the next reading was due and nobody recorded it.
4. REACHED: progress >= 1 (a fact, needs no trend).
5. TOO_EARLY: fewer than ``min_readings`` (3) readings, unless at least ``min_readings_with_time``
   (2) readings cover ``min_time_share`` (25 %) of the cycle (expected share at the latest reading).
6. ON_TRACK if pace >= the KPI's on-track threshold (default 0.9); BEHIND if pace >= its at-risk
   threshold (default 0.7); otherwise OFF_TRACK ("이대로면 미달": at this pace it ends below the
   at-risk share of the way).

Forecast (the value at the deadline if the trend holds)
* A least-squares line through the baseline (day 0 of the cycle) and the readings; a keep-in-band
  KPI's line goes through its readings only and answers "stays in / leaves the band".
* Only from ``forecast.min_readings`` (3) readings; each forecast says how many it stands on.
* Held inside the KPI kind's natural range (shares 0-100, counts >= 0, ratings within their scale):
  a line that crosses an inclusive limit stops at it; one that crosses an exclusive limit (a time
  above 0) gives no point at all, only "the trend reaches the limit before the deadline".
* Counts (stocks and flows that are not percents) are forecast in whole numbers; other values to the
  precision of the owner's own numbers.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .enums import Direction, KpiKind, Lang, Status
from .formatting import count_en, format_date, format_number, format_value
from .kpiview import KpiView, view_kpi
from .models import KpiCycle, KpiSelection, Project
from .resources import resource_path
from .schedule import Period, periods
from .text import Text, t


@dataclass(frozen=True)
class StatusRules:
    round_places: int
    min_readings: int
    min_readings_with_time: int
    min_time_share: float
    forecast_min_readings: int


@lru_cache(maxsize=1)
def rules() -> StatusRules:
    data = json.loads(resource_path("advice", "status_rules.json").read_text(encoding="utf-8"))
    return StatusRules(
        round_places=int(data["round_places"]),
        min_readings=int(data["evidence"]["min_readings"]),
        min_readings_with_time=int(data["evidence"]["min_readings_with_time"]),
        min_time_share=float(data["evidence"]["min_time_share"]),
        forecast_min_readings=int(data["forecast"]["min_readings"]),
    )


def rounded(x: float) -> float:
    """The value every comparison uses (ROUND(x,6) in the tracker)."""
    return round(x, rules().round_places)


def today() -> date:
    """The default review date; one place, so a test or a review can fix it."""
    return date.today()


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


def enough_evidence(readings: int, expected: float | None) -> bool:
    """Rule 5 of the module docstring: enough readings, or fewer covering enough of the time."""
    r = rules()
    if readings >= r.min_readings:
        return True
    return readings >= r.min_readings_with_time and expected is not None and rounded(expected) >= r.min_time_share


def classify(
    p: float | None,
    pace: float | None,
    readings: int,
    expected: float | None,
    measured_on: date | None,
    on: date,
    deadline: date,
    next_due: date | None,
    on_track: float,
    at_risk: float,
) -> Status:
    """The status rules of the module docstring, in order; every comparison on rounded values."""
    if p is None or measured_on is None or readings == 0:
        return Status.NO_DATA
    reached = rounded(p) >= 1
    if on > deadline or measured_on >= deadline:
        return Status.REACHED if reached else Status.MISSED
    if next_due is not None and on > next_due:
        return Status.STALE
    if reached:
        return Status.REACHED
    if not enough_evidence(readings, expected) or pace is None:
        return Status.TOO_EARLY
    pace = rounded(pace)
    if pace >= on_track:
        return Status.ON_TRACK
    if pace >= at_risk:
        return Status.BEHIND
    return Status.OFF_TRACK


@dataclass(frozen=True)
class Point:
    period: Period
    value: float
    day: date | None = None  # the date the value is stored under (its period's start)


@dataclass(frozen=True)
class KpiProgress:
    kpi_id: str
    points: tuple[Point, ...]  # readings of the running cycle up to the review date, in order
    latest: float | None
    measured_on: date | None  # end of the latest recorded period
    progress: float | None
    expected: float | None
    pace: float | None  # rounded to 6 places, as compared
    status: Status
    forecast: float | None  # value expected at the deadline if the trend holds
    forecast_progress: float | None
    # -- judged as of ------------------------------------------------------------------------
    on: date | None = None  # the review date
    start: date | None = None  # the running cycle's first day
    deadline: date | None = None
    readings: int = 0
    next_due: date | None = None  # when the reading after the latest was due
    days_since: int | None = None  # days from the latest reading to the review date
    # -- forecast details --------------------------------------------------------------------
    forecast_readings: int = 0  # how many readings the forecast line stands on
    forecast_limit: float | None = None  # the natural limit the trend runs into, when it does
    forecast_in_band: bool | None = None  # keep-in-band KPIs: stays in the band at the deadline?
    past_cycles: tuple[KpiCycle, ...] = ()


def kpi_periods(project: Project, kpi: KpiSelection) -> tuple[Period, ...]:
    return periods(project.start, project.end, kpi.frequency)


def cycle_start(project: Project, kpi: KpiSelection) -> date:
    return kpi.cycle_start or project.start


def recorded_points(project: Project, kpi: KpiSelection) -> list[Point]:
    """The KPI's actuals matched to its periods (a date inside a period counts for that period).

    A value dated outside the plan's periods is kept in the file but not counted: the tracker has
    no row for it, and the app and the tracker must agree (one rule in both). Two values dated in
    one period are one reading: the later one (the tracker's row shows it), so readings count real
    periods."""
    series = project.actuals.get(kpi.id)
    if not series:
        return []
    plan_periods = kpi_periods(project, kpi)
    starts = [p.start for p in plan_periods]
    points: list[Point] = []
    for day, value in sorted(series.items()):
        i = bisect_right(starts, day) - 1
        if i >= 0 and day <= plan_periods[i].end:
            if points and points[-1].period == plan_periods[i]:
                points.pop()
            points.append(Point(plan_periods[i], value, day))
    return points


def cycle_points(project: Project, kpi: KpiSelection, on: date | None = None) -> list[Point]:
    """Readings of the running cycle recorded for periods that had begun by ``on``.

    A closed cycle owns every reading up to its final one; without a closed cycle, all readings.
    """
    points = recorded_points(project, kpi)
    if kpi.cycles:
        last = kpi.cycles[-1]
        if last.final_reading is not None:
            points = [pt for pt in points if pt.day is not None and pt.day > last.final_reading]
        else:
            points = [pt for pt in points if pt.period.end >= cycle_start(project, kpi)]
    if on is not None:
        points = [pt for pt in points if pt.period.start <= on]  # a period begun by then (the tracker's rule too)
    return points


def next_due(project: Project, kpi: KpiSelection, measured_on: date) -> date | None:
    """The end of the period after the one read on ``measured_on``: when the next reading was due.

    None when no period of the plan follows (the deadline rule then decides).
    """
    for period in kpi_periods(project, kpi):
        if period.start > measured_on:
            return period.end
    return None


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
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sxx
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


def natural_range(view: KpiView, values: list[float]) -> tuple[float | None, float | None, bool]:
    """The KPI kind's natural limits, widened where the owner's own numbers already lie outside them.

    (A number the owner recorded is evidence that the limit in the data does not fit this KPI.)
    """
    lo, hi, exclusive = view.natural_min, view.natural_max, view.natural_min_exclusive
    if values:
        if lo is not None and (min(values) < lo or (exclusive and min(values) <= lo)):
            lo, exclusive = None, False
        if hi is not None and max(values) > hi:
            hi = None
    return lo, hi, exclusive


@dataclass(frozen=True)
class _Forecast:
    value: float | None = None
    readings: int = 0
    limit: float | None = None
    at_limit_value: float | None = None  # where progress is read when no point can be given


def forecast_kpi(kpi: KpiSelection, view: KpiView, start: date, deadline: date,
                 points: list[Point]) -> _Forecast:
    n = len(points)
    if n < rules().forecast_min_readings:
        return _Forecast(readings=n)
    band = kpi.direction is Direction.RANGE
    raw = linear_forecast(start, None if band else kpi.baseline, points, deadline)
    if raw is None:
        return _Forecast(readings=n)
    own = [v for v in (kpi.baseline, kpi.target, kpi.band_low, kpi.band_high) if v is not None]
    lo, hi, exclusive = natural_range(view, own + [pt.value for pt in points])
    limit = None
    if hi is not None and raw > hi:
        raw, limit = hi, hi
    if lo is not None and (raw < lo or (exclusive and raw <= lo)):
        if exclusive:  # a time cannot reach 0: the straight line does not hold; no point to give
            return _Forecast(readings=n, limit=lo, at_limit_value=lo)
        raw, limit = lo, lo
    count = view.kind in (KpiKind.STOCK, KpiKind.FLOW) and not view.percent
    places = 0 if count else precision([*own, *(pt.value for pt in points)])
    value = round(raw, places)
    if value == 0:
        value = 0.0  # never -0
    return _Forecast(value=value, readings=n, limit=limit)


def evaluate_kpi(project: Project, kpi: KpiSelection, on: date | None = None,
                 view: KpiView | None = None) -> KpiProgress:
    """Where ``kpi`` stands on the review date ``on`` (default: today)."""
    on = on or today()
    view = view or view_kpi(project, kpi)
    deadline = project.deadline_of(kpi)
    start = cycle_start(project, kpi)
    points = cycle_points(project, kpi, on)
    latest_point = points[-1] if points else None
    latest = latest_point.value if latest_point else None
    measured_on = latest_point.period.end if latest_point else None
    p = progress(kpi.direction, kpi.baseline, kpi.target, latest, kpi.band_low, kpi.band_high)
    expected = expected_share(start, deadline, measured_on) if measured_on is not None else None
    pace = rounded(p / expected) if p is not None and expected else None
    due = next_due(project, kpi, measured_on) if measured_on is not None else None
    status = classify(p, pace, len(points), expected, measured_on, on, deadline, due,
                      kpi.thresholds.on_track, kpi.thresholds.at_risk)
    final = status in (Status.REACHED, Status.MISSED) and (on > deadline or (measured_on or on) >= deadline)
    fc = _Forecast(readings=len(points)) if final else forecast_kpi(kpi, view, start, deadline, points)
    read_at = fc.value if fc.value is not None else fc.at_limit_value
    forecast_p = progress(kpi.direction, kpi.baseline, kpi.target, read_at, kpi.band_low, kpi.band_high)
    in_band = None
    if kpi.direction is Direction.RANGE and fc.value is not None and kpi.band_low is not None \
            and kpi.band_high is not None:
        in_band = band_gap(fc.value, kpi.band_low, kpi.band_high) == 0
    return KpiProgress(
        kpi_id=kpi.id,
        points=tuple(points),
        latest=latest,
        measured_on=measured_on,
        progress=p,
        expected=expected,
        pace=pace,
        status=status,
        forecast=fc.value,
        forecast_progress=forecast_p,
        on=on,
        start=start,
        deadline=deadline,
        readings=len(points),
        next_due=due,
        days_since=max((on - measured_on).days, 0) if measured_on is not None else None,
        forecast_readings=fc.readings,
        forecast_limit=fc.limit,
        forecast_in_band=in_band,
        past_cycles=tuple(kpi.cycles),
    )


def evaluate(project: Project, on: date | None = None) -> dict[str, KpiProgress]:
    on = on or today()
    return {k.id: evaluate_kpi(project, k, on) for k in project.kpis}


def overall_score(project: Project, results: dict[str, KpiProgress] | None = None,
                  on: date | None = None) -> float | None:
    """Weighted mean of the capped progress of the KPIs that have data (None if none has)."""
    results = results or evaluate(project, on)
    total_weight = 0.0
    total = 0.0
    for k in project.kpis:
        s = score(results[k.id].progress)
        if s is None or k.weight <= 0:
            continue
        total += s * k.weight
        total_weight += k.weight
    return total / total_weight if total_weight else None


# -- words ------------------------------------------------------------------------------------


def _pct(share: float | None) -> str:
    if share is None:
        return "–"
    text = f"{share * 100:.0f}"
    return ("0" if text == "-0" else text) + "%"


def deadline_passed(result: KpiProgress) -> bool:
    """Whether the day of the review is after the deadline. A verdict can be final before that: once
    the last period is recorded, the cycle is closed even on its last days, and the sentences must
    not say the deadline "has passed" then."""
    return result.deadline is not None and result.on is not None and result.on > result.deadline


def status_reason(result: KpiProgress, view: KpiView) -> Text:
    """Why the status is what it is, with the numbers so far (one or two plain sentences)."""
    r = rules()
    fmt = lambda v: format_value(v, view.unit, Lang.KO, view.percent)  # noqa: E731
    fmt_en = lambda v: format_value(v, view.unit, Lang.EN, view.percent)  # noqa: E731
    s = result.status
    n = result.readings
    if s is Status.NO_DATA:
        if n and result.progress is None:
            return t("기준선이나 목표가 없어 판단할 수 없습니다.", "No baseline or target to judge against.")
        return t("아직 이번 주기의 기록이 없습니다.", "No reading recorded in this cycle yet.")
    target = view.target if view.direction is not Direction.RANGE else None
    aim_ko = fmt(target) if target is not None else f"{format_number(view.band_low)}–{fmt(view.band_high)}"
    aim_en = fmt_en(target) if target is not None else f"{format_number(view.band_low)}–{fmt_en(view.band_high)}"
    so_far_ko = f"기록 {n}번, 최근 {fmt(result.latest)}, 진척 {_pct(result.progress)}"
    so_far_en = f"{count_en(n, 'reading')}, latest {fmt_en(result.latest)}, progress {_pct(result.progress)}"
    deadline_ko, deadline_en = format_date(result.deadline, Lang.KO), format_date(result.deadline, Lang.EN)
    if s is Status.MISSED and not deadline_passed(result):
        # The last period is recorded before the deadline day is over: the verdict is final already.
        return t(f"마감일({deadline_ko})까지의 기록이 모두 들어왔고 목표 {aim_ko}에 닿지 못했습니다: {so_far_ko}.",
                 f"Every period up to the deadline ({deadline_en}) is recorded, without reaching {aim_en}: {so_far_en}.")
    if s is Status.MISSED:
        return t(f"마감일({deadline_ko})이 지났고 목표 {aim_ko}에 닿지 못했습니다: {so_far_ko}.",
                 f"The deadline ({deadline_en}) has passed without reaching {aim_en}: {so_far_en}.")
    if s is Status.REACHED:
        return t(f"목표 {aim_ko}에 닿았습니다: {so_far_ko}.", f"The target {aim_en} is reached: {so_far_en}.")
    if s is Status.STALE:
        return t(f"마지막 기록이 {result.days_since}일 전({format_date(result.measured_on, Lang.KO)})입니다. "
                 f"다음 기록은 {format_date(result.next_due, Lang.KO)}까지였습니다. 기록이 없으면 순항인지 알 수 없습니다.",
                 f"The latest reading is {count_en(result.days_since or 0, 'day')} old ({format_date(result.measured_on, Lang.EN)}); "
                 f"the next one was due by {format_date(result.next_due, Lang.EN)}. Without readings nobody can tell it is on track.")
    if s is Status.TOO_EARLY:
        return t(f"지금까지 {so_far_ko}, 기간의 {_pct(result.expected)} 지점입니다. 추세를 보려면 기록이 {r.min_readings}번 "
                 f"(또는 기간의 {_pct(r.min_time_share)}가 지나고 {r.min_readings_with_time}번) 필요합니다.",
                 f"So far {so_far_en}, at {_pct(result.expected)} of the time. A trend needs {r.min_readings} readings "
                 f"(or {r.min_readings_with_time} once {_pct(r.min_time_share)} of the time has passed).")
    pace = format_number(result.pace)
    th = view.selection.thresholds
    return t(f"{so_far_ko}. 계획선이 지금까지 기대하는 {_pct(result.expected)}에 견준 속도는 {pace}입니다 "
             f"(1이면 계획대로, 순항 {format_number(th.on_track)} 이상, 뒤처짐 {format_number(th.at_risk)} 이상).",
             f"{so_far_en}. Against the {_pct(result.expected)} the plan line expects by now the pace is {pace} "
             f"(1 = as planned; on track from {format_number(th.on_track)}, behind from {format_number(th.at_risk)}).")


def forecast_text(result: KpiProgress, view: KpiView) -> Text:
    """The forecast as the owner reads it: the value, or why there is none, and what it stands on."""
    r = rules()
    n = result.forecast_readings
    if result.status in (Status.REACHED, Status.MISSED) and result.deadline is not None \
            and result.on is not None and (result.on > result.deadline or (result.measured_on or result.on) >= result.deadline):
        if not deadline_passed(result):
            return t("마지막 기간까지 기록되어 예측하지 않습니다.", "Every period is recorded: no forecast.")
        return t("마감일이 지나 예측하지 않습니다.", "Past the deadline: no forecast.")
    if n < r.forecast_min_readings:
        return t(f"예측하려면 기록이 {r.forecast_min_readings}번 필요합니다 (지금 {n}번).",
                 f"A forecast needs {r.forecast_min_readings} readings ({n} so far).")
    ko = lambda v: format_value(v, view.unit, Lang.KO, view.percent)  # noqa: E731
    en = lambda v: format_value(v, view.unit, Lang.EN, view.percent)  # noqa: E731
    if result.forecast is None and result.forecast_limit is not None:
        return t(f"지금 추세가 이어지면 마감 전에 {ko(result.forecast_limit)} 한계에 닿습니다. 직선으로 계속 갈 수 없는 값이라 "
                 f"숫자로 예측하지 않습니다 (기록 {n}번 기준).",
                 f"At the current trend it would run into its limit of {en(result.forecast_limit)} before the deadline; "
                 f"it cannot keep falling in a straight line, so no number is forecast (from {n} readings).")
    if result.forecast_in_band is not None:
        if result.forecast_in_band:
            return t(f"추세대로면 마감일에도 범위 안에 머뭅니다 (약 {ko(result.forecast)}, 기록 {n}번 기준).",
                     f"At the current trend it stays in the band (about {en(result.forecast)}, from {n} readings).")
        return t(f"추세대로면 마감일에 범위를 벗어납니다 (약 {ko(result.forecast)}, 기록 {n}번 기준).",
                 f"At the current trend it leaves the band by the deadline (about {en(result.forecast)}, from {n} readings).")
    capped_ko = " (자연 한계에서 멈춤)" if result.forecast_limit is not None else ""
    capped_en = " (held at its natural limit)" if result.forecast_limit is not None else ""
    return t(f"마감일 예측 약 {ko(result.forecast)}{capped_ko}, 기록 {n}번 기준.",
             f"Forecast at the deadline about {en(result.forecast)}{capped_en}, from {n} readings.")


_VERDICT_NAMES = {"missed": t("미달", "missed"), "reached": t("달성", "reached"), "no_data": t("기록 없음", "no data")}


def past_cycle_text(cycle: KpiCycle, view: KpiView) -> Text:
    """One closed cycle as it ended, e.g. '지난 주기 2026년 3월 1일–3월 31일: 미달 (455명, 목표 480명)'."""
    verdict = _VERDICT_NAMES[cycle.verdict]
    ko = lambda v: format_value(v, view.unit, Lang.KO, view.percent)  # noqa: E731
    en = lambda v: format_value(v, view.unit, Lang.EN, view.percent)  # noqa: E731
    if cycle.target is not None:
        aim_ko, aim_en = ko(cycle.target), en(cycle.target)
    else:
        aim_ko = f"{format_number(cycle.band_low)}–{ko(cycle.band_high)}"
        aim_en = f"{format_number(cycle.band_low)}–{en(cycle.band_high)}"
    return t(f"지난 주기 {format_date(cycle.start, Lang.KO)}–{format_date(cycle.deadline, Lang.KO)}: {verdict.ko} "
             f"(마지막 {ko(cycle.final_value)}, 목표 {aim_ko}, 기준선 {ko(cycle.baseline)})",
             f"Past cycle {format_date(cycle.start, Lang.EN)} – {format_date(cycle.deadline, Lang.EN)}: {verdict.en} "
             f"(last {en(cycle.final_value)}, target {aim_en}, baseline {en(cycle.baseline)})")
