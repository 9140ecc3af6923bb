"""How a closed cycle reads in the review: its dates, verdict, last value, aim and baseline.

After a missed deadline the owner starts a new cycle; the old one stays on record and the review
lists it in the owner's language, in the KPI's own unit (the view is the one of the language shown).
"""

from datetime import date

import pytest

from kpiwizard.core.enums import Lang
from kpiwizard.core.kpiview import view_kpi
from kpiwizard.core.models import KpiCycle
from kpiwizard.core.progress import past_cycle_text
from kpiwizard.core.remedies import RemedyKind, apply_remedy, suggest
from kpiwizard.core.report import check_report

from test_core_remedies import _salon

ON = date(2026, 3, 10)


@pytest.fixture
def renewed():
    project = _salon()
    reset = next(r for r in suggest(project, "k", on=ON) if r.kind is RemedyKind.RESET and r.new_cycle)
    return apply_remedy(project, reset)


def test_a_missed_cycle_reads_with_its_dates_figures_and_units(renewed):
    kpi = renewed.kpi("k")
    [cycle] = kpi.cycles
    ko = past_cycle_text(cycle, view_kpi(renewed, kpi, Lang.KO)).ko
    en = past_cycle_text(cycle, view_kpi(renewed, kpi, Lang.EN)).en
    assert ko == "지난 주기 2026년 1월 5일–2026년 3월 1일: 미달 (마지막 31분, 목표 30분, 기준선 120분)"
    assert en == ("Past cycle 5 January 2026 – 1 March 2026: missed "
                  "(last 31 minutes, target 30 minutes, baseline 120 minutes)")


def test_a_band_cycle_without_readings_says_no_data_and_shows_the_band(renewed):
    kpi = renewed.kpi("k")
    cycle = KpiCycle(start=date(2026, 1, 5), deadline=date(2026, 3, 1), band_low=3, band_high=5,
                     verdict="no_data", closed_on=ON)
    ko = past_cycle_text(cycle, view_kpi(renewed, kpi, Lang.KO)).ko
    en = past_cycle_text(cycle, view_kpi(renewed, kpi, Lang.EN)).en
    assert ko == "지난 주기 2026년 1월 5일–2026년 3월 1일: 기록 없음 (마지막 –, 목표 3–5분, 기준선 –)"
    assert en == "Past cycle 5 January 2026 – 1 March 2026: no data (last –, target 3–5 minutes, baseline –)"


def test_a_reached_cycle_says_reached(renewed):
    kpi = renewed.kpi("k")
    cycle = renewed.kpi("k").cycles[0].model_copy(update={"verdict": "reached", "final_value": 29})
    assert ": 달성 (마지막 29분," in past_cycle_text(cycle, view_kpi(renewed, kpi, Lang.KO)).ko
    assert ": reached (last 29 minutes," in past_cycle_text(cycle, view_kpi(renewed, kpi, Lang.EN)).en


@pytest.mark.parametrize("lang, line", [
    (Lang.KO, "지난 주기 2026년 1월 5일–2026년 3월 1일: 미달"),
    (Lang.EN, "Past cycle 5 January 2026 – 1 March 2026: missed"),
])
def test_the_review_lists_the_past_cycle_in_its_language(renewed, lang, line):
    text, _passed = check_report(renewed, lang, ON)
    assert line in text
