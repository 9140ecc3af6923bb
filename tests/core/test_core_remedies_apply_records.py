"""What one click on a remedy writes into the plan, field by field, and what the app then says.

The plan file keeps the evidence: a target cut is recorded with its date, old and new target and
reason; a missed cycle is kept exactly as it stood on the review date (its band, last reading and
the period it was read for), whatever day the computer's clock shows; the SMART goal follows the
KPI it is measured by and no other; an alternative or an action goes to the KPI's owner with the
KPI's deadline. The sentence after the click shows money as money and Korean units in Korean, even
in a plan kept in English.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kpiwizard.core import progress
from kpiwizard.core.enums import ActionStatus, Lang
from kpiwizard.core.models import KpiCycle, KpiSelection, Project, TargetChange
from kpiwizard.core.remedies import RemedyKind, applied_text, apply_remedy, suggest

from test_core_remedies import _salon
from test_core_remedy_choices import missed_twice
from weekly_plans import END, MON, engagement, followers, plan, posts, revenue

FOUR_WEEKS = MON + timedelta(27)
AFTER_END = END + timedelta(1)  # Monday 30 March, the day after the twelve-week plan ended
MISSED = [820, 840, 860, 870, 880, 890, 900, 910, 915, 920, 925, 930]  # 800 → 1,000 followers, ended at 930


def _remedy(project: Project, kpi_id: str, kind: RemedyKind, on: date, lang: Lang = Lang.KO):
    return next(r for r in suggest(project, kpi_id, lang, on) if r.kind is kind)


def _second_kpi(project: Project) -> Project:
    project.kpis = [*project.kpis, engagement(baseline=4.0, target=5.0)]
    return project


# -- a target cut before the deadline ----------------------------------------------------------


@pytest.mark.parametrize("smart_metric", ["f", "e"])
def test_a_target_cut_is_recorded_and_the_smart_goal_follows_only_its_own_kpi(smart_metric):
    project = _second_kpi(plan(followers(baseline=800, target=1000), [803, 806, 809, 812]))
    project.smart.metric, project.smart.target = smart_metric, 1000 if smart_metric == "f" else 5.0
    changed = apply_remedy(project, _remedy(project, "f", RemedyKind.RESET, FOUR_WEEKS))
    kpi = changed.kpi("f")
    assert kpi.target == 840
    assert kpi.target_changes == [TargetChange(on=FOUR_WEEKS, old_target=1000, new_target=840,
                                               reason="reset to the trend's forecast (remedy)")]
    assert changed.smart.target == (840 if smart_metric == "f" else 5.0)


# -- a new cycle after a missed deadline -------------------------------------------------------


@pytest.mark.parametrize("smart_metric", ["f", "e"])
def test_a_missed_cycle_is_kept_exactly_and_the_smart_goal_follows_only_its_own_kpi(smart_metric):
    project = _second_kpi(plan(followers(baseline=800, target=1000), MISSED))
    project.smart.metric, project.smart.baseline, project.smart.deadline = smart_metric, 800, END
    changed = apply_remedy(project, _remedy(project, "f", RemedyKind.RESET, AFTER_END))
    kpi = changed.kpi("f")
    assert kpi.cycles == [KpiCycle(start=MON, deadline=END, baseline=800, target=1000, final_value=930,
                                   final_reading=date(2026, 3, 23), verdict="missed", closed_on=AFTER_END)]
    assert (kpi.cycle_start, kpi.baseline, kpi.target, kpi.deadline) == (AFTER_END, 930, 1000, date(2026, 6, 21))
    if smart_metric == "f":
        assert (changed.smart.baseline, changed.smart.deadline) == (930, date(2026, 6, 21))
    else:
        assert (changed.smart.baseline, changed.smart.deadline) == (800, END)


def test_a_missed_band_keeps_its_band_in_the_closed_cycle_and_the_next():
    project = plan(posts(baseline=1, band_low=3, band_high=5), [1, 1, 2, 1, 2, 1, 1, 2, 1, 1, 2, 2])
    changed = apply_remedy(project, _remedy(project, "p", RemedyKind.RESET, AFTER_END))
    kpi = changed.kpi("p")
    assert kpi.cycles == [KpiCycle(start=MON, deadline=END, baseline=1, band_low=3, band_high=5, final_value=2,
                                   final_reading=date(2026, 3, 23), verdict="missed", closed_on=AFTER_END)]
    assert (kpi.baseline, kpi.target, kpi.band_low, kpi.band_high) == (2, None, 3, 5)


def test_a_second_missed_cycle_is_kept_from_its_own_start():
    project, on = missed_twice()
    changed = apply_remedy(project, _remedy(project, "f", RemedyKind.RESET, on))
    first, second = changed.kpi("f").cycles
    assert (first.start, first.deadline, first.final_value) == (MON, END, 930)
    assert second == KpiCycle(start=AFTER_END, deadline=date(2026, 6, 21), baseline=930, target=1000,
                              final_value=990, final_reading=date(2026, 6, 15), verdict="missed", closed_on=on)
    assert (changed.kpi("f").cycle_start, changed.kpi("f").deadline) == (on, date(2026, 9, 14))


def test_the_cycle_is_closed_as_it_stood_on_the_review_date_not_on_the_clocks_day(monkeypatch):
    # Reviewed as of 10 March (a week after the 1 March deadline) on a computer whose clock says
    # 20 February: the cycle ends at its last reading (31 minutes, week of 23 February), not at the
    # reading the clock's day had seen (33, week of 16 February).
    project = _salon()
    reset = _remedy(project, "k", RemedyKind.RESET, date(2026, 3, 10))
    monkeypatch.setattr(progress, "today", lambda: date(2026, 2, 20))
    [past] = apply_remedy(project, reset).kpi("k").cycles
    assert (past.final_value, past.final_reading, past.closed_on) == (31, date(2026, 2, 23), date(2026, 3, 10))


@pytest.mark.parametrize("review, end, other_deadline", [
    (END - timedelta(27), END, None),  # the new cycle ends with the plan: the other KPI still follows the plan's end
    (END - timedelta(26), END + timedelta(1), END),  # one day beyond: the plan runs on, the other KPI keeps 29 March
])
def test_a_new_cycle_moves_the_plans_end_only_when_it_runs_beyond_it(review, end, other_deadline):
    # Followers due on 1 February (27 days from the start) in a plan ending 29 March.
    project = _second_kpi(plan(followers(baseline=800, target=1000, deadline=MON + timedelta(27)),
                               [820, 830, 835, 840]))
    changed = apply_remedy(project, _remedy(project, "f", RemedyKind.RESET, review))
    assert (changed.end, changed.kpi("f").deadline) == (end, review + timedelta(27))
    assert changed.kpi("f").cycles[0].deadline == MON + timedelta(27)  # the missed cycle keeps its own deadline
    assert changed.kpi("e").deadline == other_deadline
    assert changed.deadline_of(changed.kpi("e")) == END


# -- an alternative or a strategy --------------------------------------------------------------


def test_an_adopted_alternative_takes_the_kpis_owner_weight_and_own_deadline():
    kpi = followers(baseline=800, target=1000, deadline=MON + timedelta(55), owner="지민", weight=40)
    project = plan(kpi, [803, 806, 809, 812])
    alt = _remedy(project, "f", RemedyKind.ALTERNATIVE, FOUR_WEEKS)
    changed = apply_remedy(project, alt)
    new = changed.kpis[-1]
    assert (new.catalog_id, new.owner, new.weight, new.deadline) == ("reach_local", "지민", 40, MON + timedelta(55))
    assert changed.kpi("f").weight == 0


def test_an_added_strategy_is_a_planned_action_for_the_kpis_owner_in_the_plans_language():
    project = plan(followers(baseline=800, target=1000, owner="지민"), [803, 806, 809, 812])
    project.business.language = Lang.EN
    strategy = _remedy(project, "f", RemedyKind.STRATEGY, FOUR_WEEKS)
    [action] = apply_remedy(project, strategy).actions
    assert strategy.action is not None
    assert (action.tactic, action.kpi, action.owner, action.status) == (
        strategy.action.en, "f", "지민", ActionStatus.PLANNED)


# -- what the app says after the click ---------------------------------------------------------


def test_a_revenue_cut_is_said_in_the_plans_currency():
    project = plan(revenue(baseline=400000, target=1000000), [410000, 420000, 430000, 445000])
    said = applied_text(project, _remedy(project, "s", RemedyKind.RESET, FOUR_WEEKS))
    assert said.ko == "'SNS 매출'의 목표를 ₩1,000,000에서 ₩530,000으로 바꿨습니다."
    assert said.en == "Changed the target of 'Revenue from social' from ₩1,000,000 to ₩530,000."


def test_a_plan_kept_in_english_still_gets_korean_units_in_korean():
    cut = plan(followers(baseline=800, target=1000), [803, 806, 809, 812])
    cut.business.language = Lang.EN
    said = applied_text(cut, _remedy(cut, "f", RemedyKind.RESET, FOUR_WEEKS, Lang.EN))
    assert said.ko == "'지역 팔로워 수'의 목표를 1,000명에서 840명으로 바꿨습니다."
    assert said.en == "Changed the target of 'Local followers' from 1,000 followers to 840 followers."
    missed = plan(KpiSelection(id="f", catalog_id="followers_local", frequency="weekly", baseline=800, target=1000),
                  MISSED)
    missed.business.language = Lang.EN
    said = applied_text(missed, _remedy(missed, "f", RemedyKind.RESET, AFTER_END, Lang.EN))
    assert said.ko == "'지역 팔로워 수'의 지난 주기를 '미달'로 남기고, 930명에서 새 주기를 시작했습니다 (마감일 2026년 6월 21일)."
    assert said.en == ("Kept the last cycle of 'Local followers' on record as missed and started a new one from "
                       "930 followers (deadline 21 June 2026).")
