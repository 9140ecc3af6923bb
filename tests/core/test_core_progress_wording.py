"""The review's sentences in the cases the golden sentences (test_core_status_sentences.py) do not
show: a forecast held at a natural limit, a band KPI whose trend stays inside it, a band KPI that
still carries the target it had before it became a band, and a custom percent KPI whose unit is
empty. Word for word in both languages: mutation testing found these sentences checked for their
numbers only, or not at all.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from kpiwizard.core.enums import Lang, Status
from kpiwizard.core.kpiview import view_kpi
from kpiwizard.core.models import CustomKpi, KpiCycle, KpiSelection, Project
from kpiwizard.core.progress import evaluate_kpi, forecast_text, past_cycle_text, status_reason

from weekly_plans import END, MON, followers, plan, posts


def _read(project: Project, kpi: KpiSelection, on) -> tuple[Status, str, str, str, str]:
    result = evaluate_kpi(project, kpi, on)
    ko, en = view_kpi(project, kpi, Lang.KO), view_kpi(project, kpi, Lang.EN)
    return (result.status, status_reason(result, ko).ko, status_reason(result, en).en,
            forecast_text(result, ko).ko, forecast_text(result, en).en)


def test_a_falling_count_is_forecast_at_zero_and_the_sentence_says_it_was_held_there():
    kpi = followers(baseline=100, target=200)
    status, _, _, ko, en = _read(plan(kpi, [60, 30, 10]), kpi, MON + timedelta(16))
    assert status is Status.OFF_TRACK
    assert ko == "마감일 예측 약 0명 (자연 한계에서 멈춤), 기록 3번 기준."
    assert en == "Forecast at the deadline about 0 followers (held at its natural limit), from 3 readings."
    # A forecast inside the range says nothing about a limit (a line from 100 by 10 a week: 220 on day 84).
    _, _, _, ko, en = _read(plan(kpi, [110, 120, 130]), kpi, MON + timedelta(16))
    assert ko == "마감일 예측 약 220명, 기록 3번 기준."
    assert en == "Forecast at the deadline about 220 followers, from 3 readings."


def test_a_band_kpi_whose_trend_stays_in_the_band_is_told_so_with_the_value():
    kpi = posts(baseline=1, band_low=3, band_high=5)
    status, ko, en, ko_forecast, en_forecast = _read(plan(kpi, [4, 4, 4]), kpi, MON + timedelta(16))
    assert status is Status.REACHED
    assert ko == "목표 3–5개에 닿았습니다: 기록 3번, 최근 4개, 진척 100%."
    assert en == "The target 3–5 posts is reached: 3 readings, latest 4 posts, progress 100%."
    assert ko_forecast == "추세대로면 마감일에도 범위 안에 머뭅니다 (약 4개, 기록 3번 기준)."
    assert en_forecast == "At the current trend it stays in the band (about 4 posts, from 3 readings)."


def test_a_band_kpi_that_kept_its_old_target_is_judged_and_named_by_its_band():
    """An owner who first aimed at 'more posts, 10 a week' and then chose 'keep 3 to 5 a week' may
    have a file that still holds the old target: the band is what counts and what is said."""
    kpi = posts(baseline=1, band_low=3, band_high=5, target=10)
    status, ko, en, _, _ = _read(plan(kpi, [2, 3, 4, 4]), kpi, MON + timedelta(27))
    assert status is Status.REACHED
    assert ko == "목표 3–5개에 닿았습니다: 기록 4번, 최근 4개, 진척 100%."
    assert en == "The target 3–5 posts is reached: 4 readings, latest 4 posts, progress 100%."


def _repurchase() -> KpiSelection:
    # A custom KPI marked as a percent whose unit the file leaves empty.
    return KpiSelection(id="c", custom=CustomKpi(name="재구매율", percent=True), unit="", baseline=20, target=30,
                        frequency="weekly")


def test_a_custom_percent_kpi_without_a_unit_reads_as_percent_in_every_sentence():
    kpi = _repurchase()
    status, ko, en, ko_forecast, en_forecast = _read(plan(kpi, [21, 22, 23.5, 24.5]), kpi, MON + timedelta(27))
    assert status is Status.ON_TRACK
    assert ko == ("기록 4번, 최근 24.5%, 진척 45%. 계획선이 지금까지 기대하는 33%에 견준 속도는 1.35입니다 "
                  "(1이면 계획대로, 순항 0.9 이상, 뒤처짐 0.7 이상).")
    assert en == ("4 readings, latest 24.5%, progress 45%. Against the 33% the plan line expects by now the pace is "
                  "1.35 (1 = as planned; on track from 0.9, behind from 0.7).")
    assert ko_forecast == "마감일 예측 약 33.7%, 기록 4번 기준."
    assert en_forecast == "Forecast at the deadline about 33.7%, from 4 readings."


@pytest.mark.parametrize("lang, expected", [
    (Lang.KO, "지난 주기 2026년 1월 5일–2026년 3월 29일: 미달 (마지막 26.5%, 목표 30%, 기준선 20%)"),
    (Lang.EN, "Past cycle 5 January 2026 – 29 March 2026: missed (last 26.5%, target 30%, baseline 20%)"),
])
def test_a_past_cycle_of_a_custom_percent_kpi_without_a_unit_reads_as_percent(lang, expected):
    kpi = _repurchase()
    cycle = KpiCycle(start=MON, deadline=END, baseline=20, target=30, final_value=26.5,
                     final_reading=END - timedelta(6), verdict="missed", closed_on=END + timedelta(1))
    project = plan(kpi, [21, 22])
    assert past_cycle_text(cycle, view_kpi(project, kpi, lang)).get(lang) == expected
