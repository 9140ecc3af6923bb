"""KPI status judged as of a review date, on realistic plans: cafés, salons, shops, B2B.

Each case is a plan an owner could bring and the status an experienced marketer would give it on
that day: evidence before verdicts, "missed" only after the deadline, silence never green, and one
rounding rule for app, tracker and PDF. Every threshold is tested on both sides of its edge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest

from kpiwizard.core.enums import Direction, Frequency, Status
from kpiwizard.core.models import CustomKpi, KpiSelection, Project, Thresholds
from kpiwizard.core.progress import classify, enough_evidence, evaluate_kpi, rules
from kpiwizard.core.schedule import periods

S = date(2026, 1, 5)  # a Monday
H, L, R = Direction.HIGHER, Direction.LOWER, Direction.RANGE
W, M = Frequency.WEEKLY, Frequency.MONTHLY


@dataclass
class Case:
    name: str
    catalog_id: str
    baseline: float | None
    target: float | None
    values: list[float]  # one per period, from the first
    on: date | int  # a date, or days after the start
    expected: Status
    days: int = 84  # plan length (12 weeks)
    start: date = S
    frequency: Frequency = W
    direction: Direction = H
    band: tuple[float, float] | None = None
    thresholds: Thresholds = field(default_factory=Thresholds)


def build(case: Case) -> tuple[Project, KpiSelection]:
    kpi = KpiSelection(
        id="k", catalog_id=case.catalog_id, baseline=case.baseline, target=case.target,
        direction=case.direction, frequency=case.frequency, thresholds=case.thresholds,
        band_low=case.band[0] if case.band else None, band_high=case.band[1] if case.band else None,
    )
    end = case.start + timedelta(days=case.days - 1)
    plan_periods = periods(case.start, end, case.frequency)
    actuals = {plan_periods[i].start: v for i, v in enumerate(case.values)}
    return Project(start=case.start, end=end, kpis=[kpi], actuals={"k": actuals}), kpi


def on_date(case: Case) -> date:
    return case.on if isinstance(case.on, date) else case.start + timedelta(days=case.on)


CASES = [
    # -- evidence before verdicts ----------------------------------------------------------------
    Case("cafe followers, week 1 of a one-year plan, far behind: too early, not missed",
         "followers_local", 1000, 1300, [1002], 6, Status.TOO_EARLY, days=364),
    Case("cafe followers, week 2 of a year: still too early", "followers_local", 1000, 1300,
         [1002, 1004], 13, Status.TOO_EARLY, days=364),
    Case("cafe followers, week 3 of a year, barely moving: off track", "followers_local", 1000, 1300,
         [1002, 1004, 1006], 20, Status.OFF_TRACK, days=364),
    Case("cafe followers, week 3 of a year, on pace", "followers_local", 1000, 1300,
         [1006, 1012, 1018], 20, Status.ON_TRACK, days=364),
    Case("salon response time, 2 readings covering exactly a quarter, behind", "response_time", 120, 30,
         [112, 102], 13, Status.BEHIND, days=56, direction=L),
    Case("salon response time, 2 readings covering 22 % of the time: too early", "response_time", 120, 30,
         [112, 102], 13, Status.TOO_EARLY, days=63, direction=L),
    Case("shop orders, 3 readings in the first tenth of a long plan: judged", "sales", 40, 100,
         [41, 42, 43], 20, Status.OFF_TRACK, days=210),
    Case("shop orders, one reading at 90 % of the time: still too early", "sales", 40, 100,
         [50], 6, Status.TOO_EARLY, days=8),
    # -- as of the review date ------------------------------------------------------------------
    Case("pizzeria ended months ago with one reading at 25 %: missed", "followers_local", 400, 480,
         [420], date(2026, 12, 1), Status.MISSED, days=31, start=date(2026, 3, 1)),
    Case("pizzeria in its first week: too early", "followers_local", 400, 480,
         [420], date(2026, 3, 5), Status.TOO_EARLY, days=31, start=date(2026, 3, 1)),
    Case("pizzeria after two weeks on pace", "followers_local", 400, 480,
         [418, 437], date(2026, 3, 14), Status.ON_TRACK, days=31, start=date(2026, 3, 1)),
    Case("cafe coupon visits reviewed on the day the next reading is due: on track", "coupon_redemptions",
         10, 30, [12, 15, 17], 27, Status.ON_TRACK),
    Case("cafe coupon visits, a whole week with no reading: overdue, not green", "coupon_redemptions",
         10, 30, [12, 15, 17], 28, Status.STALE),
    Case("cafe coupon visits not updated for six weeks", "coupon_redemptions", 10, 30, [12, 15, 17],
         62, Status.STALE),
    Case("B2B leads reviewed on the day April's reading is due: on track", "leads", 40, 120,
         [52, 71, 83], date(2026, 4, 30), Status.ON_TRACK, days=181, start=date(2026, 1, 1), frequency=M),
    Case("B2B leads, April's reading a day overdue", "leads", 40, 120, [52, 71, 83], date(2026, 5, 1),
         Status.STALE, days=181, start=date(2026, 1, 1), frequency=M),
    Case("readings recorded after the review date do not count", "coupon_redemptions", 10, 30,
         [12, 15, 17, 31], 20, Status.ON_TRACK),
    Case("no reading yet", "coupon_redemptions", 10, 30, [], 20, Status.NO_DATA),
    Case("no reading at all, after the deadline: no data, never green", "coupon_redemptions", 10, 30, [],
         200, Status.NO_DATA),
    # -- only a passed deadline gives "missed" ----------------------------------------------------
    Case("salon reviews reached before the deadline", "review_count", 50, 80, [60, 72, 81], 20,
         Status.REACHED),
    Case("salon reviews reached, reviewed after the deadline", "review_count", 50, 80, [60, 72, 81],
         100, Status.REACHED),
    Case("final period read short on the deadline day: missed", "coupon_redemptions", 10, 30,
         [14, 18, 22, 28], 27, Status.MISSED, days=28),
    Case("deadline day, final reading not in yet: judged on pace", "coupon_redemptions", 10, 30,
         [15, 20, 25], 27, Status.ON_TRACK, days=28),
    Case("the day after the deadline without the final reading: missed", "coupon_redemptions", 10, 30,
         [15, 20, 25], 28, Status.MISSED, days=28),
    Case("salon response time missed by one minute at the deadline", "response_time", 120, 30,
         [100, 80, 60, 45, 40, 36, 33, 31], 56, Status.MISSED, days=56, direction=L),
    # -- pace and its thresholds on real numbers ------------------------------------------------
    Case("B2B social revenue halfway through, behind by a third: off track", "social_revenue", 6000, 12000,
         [6400, 7100, 7900], date(2026, 3, 31), Status.OFF_TRACK, days=181, start=date(2026, 1, 1), frequency=M),
    Case("B2B leads halfway through: on track", "leads", 40, 120, [52, 71, 83], date(2026, 3, 31),
         Status.ON_TRACK, days=181, start=date(2026, 1, 1), frequency=M),
    Case("B2B bounce rate falling a little slowly: on track within 90 %", "bounce_rate", 65, 50,
         [63, 60, 58], date(2026, 3, 31), Status.ON_TRACK, days=181, start=date(2026, 1, 1), frequency=M,
         direction=L),
    Case("flower shop ROAS 250 -> 400 % on pace (a ratio, not a share)", "roas", 250, 400,
         [265, 280, 290], 20, Status.ON_TRACK),
    Case("ROI from -10 % to 40 %, behind", "roi", -10, 40, [-5, 2, 8], date(2026, 3, 31), Status.BEHIND,
         days=181, start=date(2026, 1, 1), frequency=M),
    Case("posting 3-5 a week, inside the band", "posts_per_period", 1, None, [3, 4, 4], 20,
         Status.REACHED, direction=R, band=(3, 5)),
    Case("posting 3-5 a week, fell out of the band", "posts_per_period", 1, None, [3, 4, 7], 20,
         Status.OFF_TRACK, direction=R, band=(3, 5)),
    Case("pace 0.8999999999999999 in floating point is 0.9: on track (app, tracker and PDF agree)",
         "coupon_redemptions", 100, 200, [120, 140, 155, 172], 27, Status.ON_TRACK, days=35),
    Case("pace 0.9000000000000001: on track", "coupon_redemptions", 100, 200, [118, 136, 154], 20,
         Status.ON_TRACK, days=35),
    Case("pace exactly 0.7 from real numbers: behind, not off track", "coupon_redemptions", 100, 200,
         [120, 135, 145, 156], 27, Status.BEHIND, days=35),
    Case("pace 0.6875 just under 0.7: off track", "coupon_redemptions", 100, 200, [120, 135, 145, 155], 27,
         Status.OFF_TRACK, days=35),
    Case("owner's own stricter thresholds: pace 0.96 is behind at 1.0 / 0.95", "coupon_redemptions",
         100, 200, [110, 115, 124], 20, Status.BEHIND, thresholds=Thresholds(on_track=1.0, at_risk=0.95)),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_realistic_plan_status(case: Case):
    project, kpi = build(case)
    result = evaluate_kpi(project, kpi, on_date(case))
    assert result.status is case.expected, (result.pace, result.readings, result.expected)


def test_the_suite_is_big_enough():
    assert len(CASES) >= 30


def test_pace_of_the_float_edge_case_is_stored_rounded():
    case = next(c for c in CASES if c.name.startswith("pace 0.8999"))
    project, kpi = build(case)
    assert evaluate_kpi(project, kpi, on_date(case)).pace == 0.9


# -- every threshold on both sides of its edge ------------------------------------------------

DEADLINE = date(2026, 3, 31)
BEFORE = date(2026, 2, 1)


def _classify(p=0.5, pace=1.0, readings=3, expected=0.5, measured=BEFORE, on=BEFORE, next_due=None,
              on_track=0.9, at_risk=0.7):
    return classify(p, pace, readings, expected, measured, on, DEADLINE, next_due, on_track, at_risk)


@pytest.mark.parametrize(
    "pace, expected",
    [
        (0.9, Status.ON_TRACK),
        (0.9 + 1e-9, Status.ON_TRACK),
        (0.9 - 1e-9, Status.ON_TRACK),  # rounds to 0.9: the same status as the tracker's ROUND(pace,6)
        (0.9 - 4e-7, Status.ON_TRACK),
        (0.9 - 6e-7, Status.BEHIND),  # rounds to 0.899999
        (0.9 - 1e-6, Status.BEHIND),
        (0.7, Status.BEHIND),
        (0.7 + 1e-9, Status.BEHIND),
        (0.7 - 1e-9, Status.BEHIND),
        (0.7 - 1e-6, Status.OFF_TRACK),
        (0.0, Status.OFF_TRACK),
        (-0.5, Status.OFF_TRACK),
    ],
)
def test_pace_thresholds_after_rounding(pace, expected):
    assert _classify(pace=pace) is expected


@pytest.mark.parametrize(
    "p, expected",
    [(1.0, Status.REACHED), (1 - 1e-9, Status.REACHED), (1 - 1e-6, Status.ON_TRACK), (1.5, Status.REACHED)],
)
def test_reached_edge(p, expected):
    assert _classify(p=p) is expected


@pytest.mark.parametrize(
    "readings, share, judged",
    [
        (3, 0.01, True),  # three readings are enough at any time
        (2, 0.25, True),
        (2, 0.25 - 1e-9, True),  # rounds to 0.25
        (2, 0.25 - 1e-6, False),
        (2, 0.9, True),
        (1, 0.9, False),  # one reading is a point, not a trend
        (0, 0.9, False),
    ],
)
def test_evidence_edges(readings, share, judged):
    assert enough_evidence(readings, share) is judged
    status = _classify(readings=readings, expected=share, pace=0.5)
    if readings:
        assert (status is Status.TOO_EARLY) is (not judged)


def test_evidence_figures_are_data():
    r = rules()
    assert (r.min_readings, r.min_readings_with_time, r.min_time_share) == (3, 2, 0.25)
    assert r.round_places == 6 and r.forecast_min_readings == 3


@pytest.mark.parametrize(
    "on, expected",
    [
        (date(2026, 2, 8), Status.ON_TRACK),  # the day the next reading is due
        (date(2026, 2, 9), Status.STALE),  # a day past it
    ],
)
def test_stale_edge(on, expected):
    assert _classify(on=on, next_due=date(2026, 2, 8)) is expected


@pytest.mark.parametrize(
    "on, p, expected",
    [
        (DEADLINE, 0.5, Status.ON_TRACK),  # on the deadline, the final reading may still come today
        (DEADLINE + timedelta(days=1), 0.5, Status.MISSED),
        (DEADLINE + timedelta(days=1), 1.0, Status.REACHED),
        (DEADLINE + timedelta(days=300), 0.99, Status.MISSED),
    ],
)
def test_deadline_edge(on, p, expected):
    assert _classify(on=on, p=p, next_due=None) is expected


def test_final_reading_on_the_deadline_decides_the_same_day():
    assert _classify(measured=DEADLINE, on=DEADLINE, p=0.99) is Status.MISSED


def test_status_is_final_even_when_the_last_reading_is_old():
    # Silence after the deadline does not hide a miss behind "overdue".
    assert _classify(on=DEADLINE + timedelta(days=1), next_due=date(2026, 2, 8)) is Status.MISSED


def test_reason_of_a_too_early_status_gives_the_numbers_so_far():
    from kpiwizard.core.kpiview import view_kpi
    from kpiwizard.core.progress import status_reason

    case = CASES[0]
    project, kpi = build(case)
    result = evaluate_kpi(project, kpi, on_date(case))
    reason = status_reason(result, view_kpi(project, kpi))
    assert "1,002" in reason.ko and "기록 1번" in reason.ko and "3번" in reason.ko
    assert "1 reading" in reason.en and "3 readings" in reason.en


def test_reason_of_a_stale_status_says_how_long_since_the_last_reading():
    from kpiwizard.core.kpiview import view_kpi
    from kpiwizard.core.progress import status_reason

    case = next(c for c in CASES if c.name.startswith("cafe coupon visits not updated"))
    project, kpi = build(case)
    result = evaluate_kpi(project, kpi, on_date(case))
    assert result.days_since == 62 - 20
    assert f"{62 - 20}일 전" in status_reason(result, view_kpi(project, kpi)).ko


def test_no_minus_zero_percent_in_a_reason():
    from kpiwizard.core.kpiview import view_kpi
    from kpiwizard.core.progress import status_reason

    case = Case("tiny slip", "coupon_redemptions", 1000, 2000, [999.998, 999.999, 999.997], 20, Status.OFF_TRACK)
    project, kpi = build(case)
    result = evaluate_kpi(project, kpi, on_date(case))
    reason = status_reason(result, view_kpi(project, kpi))
    assert "-0%" not in reason.ko and "-0%" not in reason.en and "진척 0%" in reason.ko


def test_custom_kpi_is_judged_like_a_catalog_one():
    kpi = KpiSelection(id="k", custom=CustomKpi(name="단골 재방문"), baseline=20, target=40, unit="명")
    project = Project(start=S, end=S + timedelta(days=83), kpis=[kpi],
                      actuals={"k": {S: 22, S + timedelta(days=7): 24, S + timedelta(days=14): 26}})
    assert evaluate_kpi(project, kpi, S + timedelta(days=20)).status is Status.ON_TRACK
    assert evaluate_kpi(project, kpi, S + timedelta(days=90)).status is Status.MISSED


def test_two_values_in_one_period_are_one_reading_the_later():
    kpi = KpiSelection(id="k", catalog_id="coupon_redemptions", baseline=10, target=30)
    project = Project(start=S, end=S + timedelta(days=83), kpis=[kpi],
                      actuals={"k": {S: 12, S + timedelta(days=3): 13, S + timedelta(days=7): 15}})
    result = evaluate_kpi(project, kpi, S + timedelta(days=13))
    assert result.readings == 2 and [p.value for p in result.points] == [13, 15]
    assert result.status is Status.TOO_EARLY  # two readings at 17 % of the time, not three


@pytest.mark.parametrize("share, text", [(-0.001, "0%"), (-0.004, "0%"), (-0.006, "-1%"), (0.0, "0%")])
def test_format_percent_never_prints_minus_zero(share, text):
    from kpiwizard.core.formatting import format_percent

    assert format_percent(share) == text
