"""What to do when a KPI is behind, off track or missed, and applying it with one click.

Remedies follow the status rules: nothing cuts a target before the evidence allows, and a reset
after a deadline starts a new cycle instead of rewriting the missed one.
"""

import json
from datetime import date, timedelta

import pytest

from kpiwizard.core.catalog import load_catalog
from kpiwizard.core.enums import Direction, Frequency, Lang, SocialGoal, Status
from kpiwizard.core.examples import find_example
from kpiwizard.core.models import BusinessGoal, CustomKpi, KpiSelection, Project
from kpiwizard.core.progress import evaluate, evaluate_kpi
from kpiwizard.core.remedies import RemedyKind, apply_remedy, nice_round, strategy_hint, suggest
from kpiwizard.core.kpiview import view_kpi

B2B_MID = date(2026, 3, 31)  # halfway through the B2B plan, its March readings in
AFTER = date(2026, 12, 1)  # months after every example plan ended


@pytest.fixture
def b2b():
    return find_example("b2b-ebook").load()


def test_on_track_kpis_get_no_remedies(b2b):
    assert evaluate_kpi(b2b, b2b.kpi("leads"), B2B_MID).status is Status.ON_TRACK
    assert suggest(b2b, "leads", on=B2B_MID) == []


def test_an_off_track_kpi_gets_reset_alternative_and_strategy(b2b):
    result = evaluate_kpi(b2b, b2b.kpi("social_revenue"), B2B_MID)
    assert result.status is Status.OFF_TRACK
    remedies = suggest(b2b, "social_revenue", Lang.EN, B2B_MID)
    assert [r.kind for r in remedies] == [RemedyKind.RESET, RemedyKind.ALTERNATIVE, RemedyKind.STRATEGY]
    reset = remedies[0]
    assert not reset.new_cycle
    assert reset.new_target == nice_round(result.forecast)
    assert b2b.kpi("social_revenue").baseline < reset.new_target < b2b.kpi("social_revenue").target
    assert "3 readings" in reset.message.en
    assert remedies[1].alternative_id not in {k.catalog_id for k in b2b.kpis}


def test_too_early_gets_no_remedy_and_never_a_cut_target():
    # Week 1 of a one-year plan, followers barely moved: the old app offered 1,300 -> 1,100.
    start = date(2026, 1, 5)
    kpi = KpiSelection(id="f", catalog_id="followers_local", baseline=1000, target=1300)
    project = Project(start=start, end=start + timedelta(days=363), kpis=[kpi], actuals={"f": {start: 1002}})
    assert evaluate_kpi(project, kpi, start + timedelta(days=6)).status is Status.TOO_EARLY
    assert suggest(project, "f", on=start + timedelta(days=6)) == []


def _weekly(catalog_id, baseline, target, values, weeks=12, direction=Direction.HIGHER, **kw):
    start = date(2026, 1, 5)
    kpi = KpiSelection(id="k", catalog_id=catalog_id, baseline=baseline, target=target, direction=direction,
                       frequency=Frequency.WEEKLY, **kw)
    actuals = {start + timedelta(weeks=i): v for i, v in enumerate(values)}
    return Project(start=start, end=start + timedelta(weeks=weeks, days=-1), kpis=[kpi], actuals={"k": actuals})


def test_behind_gets_strategy_but_no_target_cut():
    project = _weekly("coupon_redemptions", 100, 200, [110, 115, 120], weeks=12)  # pace 0.8
    on = date(2026, 1, 25)
    assert evaluate_kpi(project, project.kpi("k"), on).status is Status.BEHIND
    kinds = [r.kind for r in suggest(project, "k", on=on)]
    assert RemedyKind.RESET not in kinds and RemedyKind.STRATEGY in kinds


def test_no_reset_when_the_trend_goes_the_wrong_way():
    project = _weekly("engagement_rate", 4.0, 5.5, [4.0, 4.1, 3.9, 4.0])
    on = date(2026, 2, 1)
    assert evaluate_kpi(project, project.kpi("k"), on).status is Status.OFF_TRACK
    remedies = suggest(project, "k", on=on)  # flat at 4.0: no realistic target to offer
    assert RemedyKind.RESET not in [r.kind for r in remedies]
    assert RemedyKind.STRATEGY in [r.kind for r in remedies]


def test_apply_reset_before_the_deadline_changes_the_target_and_keeps_a_record(b2b):
    reset = suggest(b2b, "social_revenue", on=B2B_MID)[0]
    changed = apply_remedy(b2b, reset)
    kpi = changed.kpi("social_revenue")
    assert kpi.target == reset.new_target
    assert [(c.on, c.old_target, c.new_target) for c in kpi.target_changes] == [(B2B_MID, 12000, reset.new_target)]
    assert b2b.kpi("social_revenue").target == 12000  # the original is untouched


def test_counts_get_whole_number_targets_and_messages():
    project = _weekly("followers_local", 800, 1000, [806, 811, 813, 816])
    on = date(2026, 2, 1)
    result = evaluate_kpi(project, project.kpi("k"), on)
    assert result.status is Status.OFF_TRACK
    assert result.forecast == round(result.forecast)
    reset = next(r for r in suggest(project, "k", Lang.KO, on) if r.kind is RemedyKind.RESET)
    assert reset.new_target == round(reset.new_target)
    assert "." not in reset.message.ko.split("이릅니다")[0].replace("..", "")


# -- after the deadline: a new cycle, the missed one kept ---------------------------------------


def _salon():
    """Response time 120 -> 30 minutes in 8 weeks, missed by one minute."""
    return _weekly("response_time", 120, 30, [100, 80, 60, 45, 40, 36, 33, 31], weeks=8,
                   direction=Direction.LOWER, weight=50)


def test_reset_after_the_deadline_starts_a_new_cycle_and_keeps_the_miss():
    project = _salon()
    on = date(2026, 3, 10)  # a week after the deadline (1 March)
    assert evaluate_kpi(project, project.kpi("k"), on).status is Status.MISSED
    reset = next(r for r in suggest(project, "k", Lang.EN, on) if r.kind is RemedyKind.RESET)
    assert reset.new_cycle and reset.new_baseline == 31 and reset.new_target == 30
    changed = apply_remedy(project, reset)
    kpi = changed.kpi("k")
    # History is not rewritten: the finished cycle is kept exactly, as missed.
    [past] = kpi.cycles
    assert (past.start, past.deadline, past.baseline, past.target, past.final_value, past.verdict) == (
        date(2026, 1, 5), date(2026, 3, 1), 120, 30, 31, "missed")
    # The new cycle starts from the latest value, same aim, new deadline, today.
    assert (kpi.baseline, kpi.target, kpi.cycle_start) == (31, 30, on)
    assert kpi.deadline == on + timedelta(days=(date(2026, 3, 1) - date(2026, 1, 5)).days)
    assert changed.end >= kpi.deadline
    new = evaluate_kpi(changed, kpi, on)
    assert new.status is Status.NO_DATA  # no reading yet in the new cycle: never "on track"
    assert new.past_cycles[0].verdict == "missed"
    assert changed.actuals == project.actuals  # readings kept


def test_the_old_shortcut_is_gone_target_is_never_set_to_the_value_reached():
    project = _salon()
    for remedy in suggest(project, "k", on=date(2026, 3, 10)):
        changed = apply_remedy(project, remedy)
        assert evaluate_kpi(changed, changed.kpi("k"), date(2026, 3, 10)).status not in (
            Status.ON_TRACK, Status.REACHED)


def test_new_cycle_readings_are_judged_from_the_new_baseline():
    project = _salon()
    on = date(2026, 3, 10)
    reset = next(r for r in suggest(project, "k", on=on) if r.kind is RemedyKind.RESET)
    changed = apply_remedy(project, reset)
    # Weekly periods still run from the plan's start; record three weeks of the new cycle.
    from kpiwizard.core.progress import kpi_periods

    later = [p for p in kpi_periods(changed, changed.kpi("k")) if p.start >= on][:3]
    changed.actuals = {"k": {**changed.actuals["k"], **{p.start: v for p, v in zip(later, [30.5, 30, 29], strict=True)}}}
    result = evaluate_kpi(changed, changed.kpi("k"), later[-1].end)
    assert result.readings == 3 and result.latest == 29
    assert result.status is Status.REACHED
    assert result.past_cycles[0].verdict == "missed"


def test_a_new_cycle_beyond_the_plan_end_does_not_move_other_kpis_deadlines():
    start = date(2026, 3, 1)
    a = KpiSelection(id="a", catalog_id="followers_local", baseline=400, target=480)
    b = KpiSelection(id="b", catalog_id="reach", baseline=2000, target=2800)
    project = Project(start=start, end=date(2026, 3, 31), kpis=[a, b],
                      actuals={"a": {start: 420}, "b": {start: 2900}})
    reset = next(r for r in suggest(project, "a", on=AFTER) if r.kind is RemedyKind.RESET)
    changed = apply_remedy(project, reset)
    assert changed.end == changed.kpi("a").deadline > AFTER
    assert changed.deadline_of(changed.kpi("b")) == date(2026, 3, 31)
    assert evaluate_kpi(changed, changed.kpi("b"), AFTER).status is Status.REACHED


def test_a_plan_with_cycles_survives_a_save_and_an_old_file_still_opens(tmp_path):
    from kpiwizard.core.projectfile import load_project, save_project

    project = _salon()
    reset = next(r for r in suggest(project, "k", on=date(2026, 3, 10)) if r.kind is RemedyKind.RESET)
    changed = apply_remedy(project, reset)
    path = tmp_path / "salon.kpiwiz"
    save_project(path, changed)
    assert load_project(path).project.kpi("k").cycles == changed.kpi("k").cycles
    data = json.loads(path.read_text(encoding="utf-8"))
    for kpi in data["kpis"]:
        for key in ("cycles", "cycle_start", "target_changes"):
            kpi.pop(key, None)
    path.write_text(json.dumps(data), encoding="utf-8")
    old = load_project(path).project
    assert old.kpi("k").cycles == [] and old.kpi("k").cycle_start is None


# -- alternatives and strategy ---------------------------------------------------------------


def test_apply_alternative_adds_the_kpi_and_keeps_the_old_ones_history(b2b):
    alt = next(r for r in suggest(b2b, "social_revenue", on=B2B_MID) if r.kind is RemedyKind.ALTERNATIVE)
    changed = apply_remedy(b2b, alt)
    new = next(k for k in changed.kpis if k.catalog_id == alt.alternative_id)
    assert new.weight == 5 and new.owner == "Daniel (sales)"
    assert changed.kpi("social_revenue").weight == 0
    assert changed.actuals["social_revenue"] == b2b.actuals["social_revenue"]


def test_every_catalog_kpi_has_an_alternative_serving_one_of_its_goals():
    catalog = load_catalog()
    for kpi in catalog.kpis:
        if kpi.alternatives:
            goals = set(kpi.goals)
            assert any(goals & set(catalog.kpi(a).goals) for a in kpi.alternatives), kpi.id


def test_profile_visits_alternative_serves_the_plans_goal():
    start = date(2026, 1, 5)
    kpi = KpiSelection(id="pv", catalog_id="profile_visits", baseline=100, target=300)
    for goal in (SocialGoal.AWARENESS, SocialGoal.ENGAGEMENT):
        project = Project(start=start, end=start + timedelta(days=83), kpis=[kpi],
                          business_goal=BusinessGoal(social_goal=goal),
                          actuals={"pv": {start + timedelta(weeks=i): 100 + i for i in range(4)}})
        alt = next(r for r in suggest(project, "pv", on=date(2026, 2, 1)) if r.kind is RemedyKind.ALTERNATIVE)
        assert goal in load_catalog().kpi(alt.alternative_id).goals


def test_apply_strategy_adds_a_planned_action(b2b):
    strategy = suggest(b2b, "social_revenue", on=B2B_MID)[-1]
    changed = apply_remedy(b2b, strategy)
    assert len(changed.actions) == len(b2b.actions) + 1
    assert changed.actions[-1].kpi == "social_revenue"


def test_a_missed_readability_index_does_not_get_the_reply_rota_hint():
    project = _weekly("readability_index", 50, 70, [50, 51, 50, 51])
    on = date(2026, 2, 1)
    strategy = next(r for r in suggest(project, "k", Lang.KO, on) if r.kind is RemedyKind.STRATEGY)
    rota = load_catalog().family(view_kpi(project, project.kpi("k")).family).strategy_hint
    assert strategy.action != rota
    assert "답" not in strategy.action.ko and "rota" not in strategy.action.en
    # A KPI the family hint fits keeps it.
    rt = _weekly("response_time", 120, 30, [120, 118, 119, 117], direction=Direction.LOWER)
    assert strategy_hint(load_catalog(), view_kpi(rt, rt.kpi("k"))) == rota


def test_custom_kpi_gets_a_family_hint_and_a_catalog_alternative():
    start = date(2026, 1, 5)
    kpi = KpiSelection(id="c", custom=CustomKpi(name="인스타 예약 문의"), baseline=10, target=40, unit="건")
    project = Project(start=start, end=start + timedelta(days=83), kpis=[kpi],
                      actuals={"c": {start + timedelta(weeks=i): 10 + i for i in range(4)}})
    kinds = [r.kind for r in suggest(project, "c", on=date(2026, 2, 1))]
    assert RemedyKind.STRATEGY in kinds


def test_examples_give_remedies_only_for_behind_off_track_or_missed():
    for name in ("cafe", "pizzeria", "b2b-ebook"):
        project = find_example(name).load()
        for on in (project.start + timedelta(days=6), project.start + timedelta(days=30), AFTER):
            results = evaluate(project, on)
            for kpi in project.kpis:
                remedies = suggest(project, kpi.id, on=on)
                if results[kpi.id].status not in (Status.BEHIND, Status.OFF_TRACK, Status.MISSED):
                    assert remedies == [], (name, on, kpi.id)


def test_nice_round():
    assert nice_round(9767.8) == 9800
    assert nice_round(616774.2) == 620000
    assert nice_round(3.24) == 3.2


@pytest.mark.parametrize("name", ["cafe", "pizzeria", "b2b-ebook"])
def test_an_alternative_adopted_with_one_click_never_fails_the_plan(name):
    from kpiwizard.core.audit import audit

    project = find_example(name).load()
    errors_before = {(f.id, f.kpi_id) for f in audit(project).errors}
    adopted = 0
    for kpi in project.kpis:
        for remedy in suggest(project, kpi.id, on=AFTER):
            if remedy.kind is RemedyKind.ALTERNATIVE:
                changed = apply_remedy(project, remedy)
                result = audit(changed)
                assert {(f.id, f.kpi_id) for f in result.errors} <= errors_before, (kpi.id, remedy.alternative_id)
                new = changed.kpis[-1]
                # It arrives establishing its baseline: measured first, then its target set.
                assert any(f.id == "M-measure-first" and f.kpi_id == new.id for f in result.findings)
                adopted += 1
    assert adopted
