"""What the monthly report counts: the month's readings, what moved most, what is furthest behind,
the score on the month's last day, which numbers are missing; each rule on both sides of its edge.

Weekly plans from Monday 5 January 2026 (tests/core/weekly_plans.py): months 5 Jan–4 Feb, 5 Feb–4 Mar
and 5–29 Mar. February's latest reading is the week of 2 March, which ends on 8 March: the plan line
expects 63 of 84 days' worth, 75 % of the way, by then.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kpiwizard.core import progress as core_progress
from kpiwizard.core.enums import Direction, Lang, Status
from kpiwizard.core.models import KpiSelection, Project, Thresholds
from kpiwizard.core.monthly import monthly_report

from weekly_plans import END, MON, engagement, followers, plan, posts, response_time

KO, EN = Lang.KO, Lang.EN


def weeks(*values: float, start: date = MON) -> dict[date, float]:
    return {start + timedelta(7 * i): v for i, v in enumerate(values)}


def two(first: KpiSelection, first_values: list[float], second: KpiSelection, second_values: list[float]) -> Project:
    return Project(start=MON, end=END, kpis=[first, second],
                   actuals={first.id: weeks(*first_values), second.id: weeks(*second_values)})


# -- the month's readings -----------------------------------------------------------------------


def test_a_reading_dated_on_the_month_s_last_day_is_that_month_s():
    # January ends on 4 February; the week of 2 February was read on its Wednesday, 4 February.
    project = plan(followers(baseline=100, target=200), [100, 105, 110, 115])
    project.actuals["f"][date(2026, 2, 4)] = 130
    january = monthly_report(project, "2026-01", KO)
    assert january.kpis[0].value == 130 and january.kpis[0].spark == (100, 105, 110, 115, 130)
    assert monthly_report(project, "2026-02", KO).kpis[0].previous == 130


def test_a_reading_dated_after_the_month_is_left_out_even_for_a_week_begun_in_it():
    # The week of 2 February began in January but was read on 6 February: February's number.
    project = plan(followers(baseline=100, target=200), [100, 105, 110, 115])
    project.actuals["f"][date(2026, 2, 6)] = 130
    january = monthly_report(project, "2026-01", KO)
    assert january.kpis[0].value == 115 and january.kpis[0].spark == (100, 105, 110, 115)
    assert january.kpis[0].missing is False  # the weeks that began in January were read
    assert monthly_report(project, "2026-02", KO).kpis[0].value == 130


def test_the_row_carries_the_core_s_figures_for_the_month():
    project = plan(engagement(baseline=2, target=4), [2, 2.2, 2.4, 2.6, 2.8, 3, 3.1, 3.2, 3.3])
    report = monthly_report(project, "2026-02", EN)
    assert (report.period.start, report.period.end, report.lang) == (date(2026, 2, 5), date(2026, 3, 4), EN)
    assert report.month_name == "February 2026" and not report.final
    row = report.kpis[0]
    assert (row.value_text, row.previous_text, row.value, row.previous, row.target, row.target_text) == ("3.3%", "2.8%", 3.3, 2.8, 4, "4%")
    assert row.manual is False  # read from the platform's downloads, not copied by hand
    assert row.status is Status.BEHIND and row.status_name == "behind"
    assert row.progress == pytest.approx(0.65) and row.previous_progress == pytest.approx(0.4)
    assert row.expected == pytest.approx(0.75)
    lower = plan(response_time(baseline=60, target=30), [60] * 12)
    assert monthly_report(lower, "2026-02", EN).kpis[0].direction is Direction.LOWER


# -- which numbers are missing ------------------------------------------------------------------


def test_a_week_without_any_reading_in_the_month_is_missing_and_one_reading_is_enough():
    project = plan(followers(), [100, 100, 100, 100, 100])  # read until the week of 2 February
    assert [monthly_report(project, m, KO).kpis[0].missing for m in ("2026-01", "2026-02")] == [False, True]
    project.actuals["f"][date(2026, 3, 3)] = 120  # one week of February's four
    assert monthly_report(project, "2026-02", KO).kpis[0].missing is False


def test_a_week_that_begins_on_the_month_s_last_day_belongs_to_that_month():
    # 2028 is a leap year: February (1-29 Feb) has five weekly periods, the last one begins on the 29th.
    start = date(2028, 2, 1)
    project = Project(start=start, end=date(2028, 4, 30), kpis=[followers()],
                      actuals={"f": {date(2028, 2, 29): 120}})
    assert monthly_report(project, "2028-02", KO).kpis[0].missing is False
    project.actuals["f"] = {date(2028, 3, 7): 120}  # the week of 7 March: March's
    assert monthly_report(project, "2028-02", KO).kpis[0].missing is True


def test_a_short_last_month_with_no_week_of_its_own_misses_nothing():
    # 5 January to 7 March: the last month is 5-7 March; the week of 2 March began in February.
    project = Project(start=MON, end=date(2026, 3, 7), kpis=[followers()], actuals={"f": weeks(100, 110)})
    assert monthly_report(project, "2026-03", KO).kpis[0].missing is False
    assert monthly_report(project, "2026-02", KO).kpis[0].missing is True


# -- what moved most ----------------------------------------------------------------------------


def test_the_largest_move_either_way_is_what_moved_most():
    # followers: 40 % of the way gained; engagement: 50 % lost, the larger move.
    project = two(followers(baseline=100, target=200), [100] * 5 + [140] * 4,
                  engagement(baseline=2, target=4), [2] * 5 + [3] * 4)
    assert monthly_report(project, "2026-02", KO).moved_most.kpi_id == "e"
    project.actuals["e"] = weeks(*[3] * 5 + [2] * 4)
    assert monthly_report(project, "2026-02", KO).moved_most.kpi_id == "e"
    project.actuals["e"] = weeks(*[2] * 5 + [2.7] * 4)  # 35 %: followers moved more
    assert monthly_report(project, "2026-02", KO).moved_most.kpi_id == "f"


def test_a_whole_way_in_one_month_is_a_move_and_standing_still_is_not():
    project = two(followers(baseline=100, target=200), [100] * 5 + [200] * 4,  # 100 % of the way
                  engagement(baseline=2, target=4), [2] * 9)  # no change
    report = monthly_report(project, "2026-02", EN)
    assert report.moved_most.kpi_id == "f" and report.moved_most.moved == 1
    assert report.moved_text == ("Local followers rose from 100 followers to 200 followers: 100% of the way "
                                 "to the target gained.")
    still = two(followers(baseline=100, target=200), [150] * 9, engagement(baseline=2, target=4), [2] * 9)
    assert monthly_report(still, "2026-02", EN).moved_most is None


def test_a_band_held_inside_has_not_moved_and_a_count_from_zero_has_no_relative_change():
    inside = plan(posts(baseline=1, band_low=3, band_high=6), [4] * 5 + [5] * 4)  # progress 1 both months
    assert monthly_report(inside, "2026-02", KO).moved_most is None
    from_zero = plan(followers(), [0] * 5 + [5] * 4)  # no target: 0 -> 5 is no percentage
    report = monthly_report(from_zero, "2026-02", KO)
    assert report.moved_most is None and report.moved_text == "지난달과 비교할 숫자가 아직 없습니다."


# -- furthest behind ----------------------------------------------------------------------------
# baseline 100, target 200: February's reading v is (v - 100) % of the way against 75 % expected.


def behind_in_february(value: float, on_track: float = 0.9) -> Project:
    kpi = followers(baseline=100, target=200, thresholds=Thresholds(on_track=on_track, at_risk=0.7))
    return plan(kpi, [100] * 8 + [value])


@pytest.mark.parametrize("value, behind", [
    (167.5, False),  # pace 0.675 / 0.75 = 0.9: on track, though below the line
    (167, True),     # pace 0.893: behind
    (172, False),    # pace 0.96: on track
    (140, True),     # pace 0.53: off track
])
def test_furthest_behind_is_below_the_on_track_pace(value, behind):
    report = monthly_report(behind_in_february(value), "2026-02", KO)
    assert (report.behind_most is not None) is behind
    assert (report.behind_reason != "") is behind


@pytest.mark.parametrize("value, behind", [
    (174, True),    # 1 % short of the line, pace 0.99 < 1.2
    (175, False),   # exactly on the line: no shortfall, though the pace 1.0 is below 1.2
    (180, False),   # ahead of the line
])
def test_a_kpi_on_or_ahead_of_its_line_is_never_furthest_behind(value, behind):
    report = monthly_report(behind_in_february(value, on_track=1.2), "2026-02", KO)
    assert (report.behind_most is not None) is behind
    if not behind:
        assert report.behind_reason == ""


def test_the_largest_shortfall_of_those_below_pace_wins_wherever_it_stands_in_the_plan():
    # followers: 3 % short but on track (pace 0.96); engagement, listed second: 25 % short.
    project = two(followers(baseline=100, target=200), [100] * 8 + [172],
                  engagement(baseline=2, target=4), [2] * 8 + [3])
    assert monthly_report(project, "2026-02", KO).behind_most.kpi_id == "e"
    # both below pace: the larger shortfall, not the first listed
    project.actuals["f"] = weeks(*[100] * 8 + [130])  # 45 % short
    assert monthly_report(project, "2026-02", KO).behind_most.kpi_id == "f"
    project.actuals["e"] = weeks(*[2] * 8 + [2.2])  # 65 % short
    assert monthly_report(project, "2026-02", KO).behind_most.kpi_id == "e"


def test_of_two_kpis_equally_far_behind_the_first_listed_is_named():
    # both half way against the 75 % expected: the same shortfall, to the last digit
    project = two(followers(baseline=100, target=200), [100] * 8 + [150],
                  engagement(baseline=2, target=4), [2] * 8 + [3])
    report = monthly_report(project, "2026-02", KO)
    assert report.kpis[0].shortfall == report.kpis[1].shortfall
    assert report.behind_most.kpi_id == "f"


def test_a_kpi_without_readings_or_target_is_never_behind():
    project = two(followers(), [100] * 9, engagement(baseline=2, target=4), [])
    report = monthly_report(project, "2026-02", KO)
    assert report.behind_most is None and report.behind_reason == ""


# -- the score on the month's last day, whatever day the report is made -------------------------


@pytest.mark.parametrize("today", [date(2026, 1, 10), date(2026, 2, 20), date(2027, 6, 1)])
def test_the_overall_score_is_the_month_s_whatever_today_is(monkeypatch, today):
    project = two(followers(baseline=100, target=200, weight=1), [100, 110, 120, 130, 140, 150, 160, 170, 180],
                  engagement(baseline=2, target=4, weight=3), [2, 2, 2, 2, 2.5, 2.5, 2.5, 2.5, 3])
    monkeypatch.setattr(core_progress, "today", lambda: today)
    february = monthly_report(project, "2026-02", KO)
    assert february.overall == pytest.approx((0.8 * 1 + 0.5 * 3) / 4)
    assert february.previous_overall == pytest.approx((0.4 * 1 + 0.25 * 3) / 4)
