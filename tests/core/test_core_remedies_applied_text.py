"""What the app says after "적용": the change, in the owner's words, with the KPI's own units.

The owner clicks one button and the plan changes; the sentence after it is the only place that
says what changed, so each kind of remedy is checked for the KPI, the old and new figures with
their units, and Korean particles that fit the word before them.
"""

from datetime import date

import pytest

from kpiwizard.core.catalog import load_catalog
from kpiwizard.core.enums import Direction, Lang
from kpiwizard.core.examples import find_example
from kpiwizard.core.remedies import RemedyKind, applied_text, suggest

from test_core_remedies import _salon, _weekly

B2B_MID = date(2026, 3, 31)


def _remedy(project, kpi_id, kind, on, new_cycle=None):
    return next(r for r in suggest(project, kpi_id, on=on)
                if r.kind is kind and (new_cycle is None or r.new_cycle is new_cycle))


def test_a_target_cut_says_from_what_to_what_in_the_kpis_unit():
    b2b = find_example("b2b-ebook").load()
    reset = _remedy(b2b, "social_revenue", RemedyKind.RESET, B2B_MID, new_cycle=False)
    said = applied_text(b2b, reset)
    new = f"{reset.new_target:,.0f} USD"
    assert said.ko == f"'SNS 매출'의 목표를 12,000 USD에서 {new}로 바꿨습니다."
    assert said.en == f"Changed the target of 'Revenue from social' from 12,000 USD to {new}."


def test_a_target_cut_in_minutes_takes_euro_after_the_final_consonant():
    # Response time 120 → 30 minutes, stuck around 100: the realistic target is in minutes.
    project = _weekly("response_time", 120, 30, [110, 105, 102, 100], direction=Direction.LOWER)
    reset = _remedy(project, "k", RemedyKind.RESET, date(2026, 2, 1))
    said = applied_text(project, reset)
    minutes = f"{reset.new_target:g}분"
    assert said.ko == f"'응답 시간'의 목표를 30분에서 {minutes}으로 바꿨습니다."
    assert said.en == f"Changed the target of 'Response time' from 30 minutes to {reset.new_target:g} minutes."


def test_a_new_cycle_keeps_the_miss_and_says_where_and_until_when_it_starts():
    project = _salon()
    reset = _remedy(project, "k", RemedyKind.RESET, date(2026, 3, 10), new_cycle=True)
    said = applied_text(project, reset)
    assert said.ko == ("'응답 시간'의 지난 주기를 '미달'로 남기고, 31분에서 새 주기를 시작했습니다 "
                       "(마감일 2026년 5월 4일).")
    assert said.en == ("Kept the last cycle of 'Response time' on record as missed and started a new one "
                       "from 31 minutes (deadline 4 May 2026).")


@pytest.mark.parametrize("example, kpi_id, on", [("b2b-ebook", "social_revenue", B2B_MID)])
def test_an_alternative_names_the_new_kpi_and_what_happens_to_the_old_one(example, kpi_id, on):
    project = find_example(example).load()
    alt = _remedy(project, kpi_id, RemedyKind.ALTERNATIVE, on)
    new = load_catalog().kpi(alt.alternative_id).name
    said = applied_text(project, alt)
    assert said.ko.startswith(f"{new.ko}") and "KPI로 추가했습니다" in said.ko
    assert "SNS 매출은 기록과 함께 남지만 종합 점수에서는 빠집니다." in said.ko
    assert said.en == (f"Added {new.en} as a KPI. 'Revenue from social' stays with its records but no longer "
                       "counts in the overall score.")


def test_the_alternatives_particle_follows_its_last_syllable():
    salon = _salon()
    alt = _remedy(salon, "k", RemedyKind.ALTERNATIVE, date(2026, 3, 10))
    name = load_catalog().kpi(alt.alternative_id).name.ko
    said = applied_text(salon, alt).ko
    last = ord(name[-1]) - 0xAC00
    particle = "을" if 0 <= last < 11172 and last % 28 else "를"
    assert said.startswith(f"{name}{particle} KPI로 추가했습니다.")
    assert "응답 시간은 기록과 함께 남지만" in said  # 간: a final consonant, so 은


def test_a_strategy_says_which_action_was_added_in_each_language():
    project = _salon()
    strategy = _remedy(project, "k", RemedyKind.STRATEGY, date(2026, 3, 10))
    said = applied_text(project, strategy)
    assert strategy.action is not None
    assert said.ko == f"실행 계획에 할 일을 추가했습니다: {strategy.action.ko}"
    assert said.en == f"Added to the action plan: {strategy.action.en}"
    assert said.get(Lang.EN) != said.get(Lang.KO)
