"""What to do when a KPI is behind, off track or missed: reset, switch KPI, or change strategy.

The remedies follow the status rules of core/progress.py, so they never run ahead of the evidence:

* too early to tell, overdue, on track, reached or without data: no remedy at all (a target is never
  cut on one or two readings; an overdue KPI first needs its reading).
* behind: change the strategy or add a KPI that measures the same goal from another side.
* off track (before the deadline, with a forecast standing on enough readings): also adjust the
  target to what the trend reaches. The change is recorded in the KPI's ``target_changes``.
* missed (the deadline has passed): "reset" never rewrites history. It closes the cycle as missed
  (kept in the KPI's ``cycles``) and starts a new one from the latest value, with the same aim and a
  new deadline as far from the review date as the missed cycle was long.

Each suggestion carries what applying it changes, so the app can apply it with one click and the
PDF can print it; applying never deletes a KPI or its recorded actuals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from .catalog import Catalog, CatalogKpi, load_catalog
from .enums import Direction, Lang, Status
from .formatting import format_date, format_value
from .korean import eul, eun, euro
from .kpiview import KpiView, format_kpi_value, selection_from_catalog, view_kpi
from .models import Action, KpiCycle, Project, TargetChange
from . import progress as _progress
from .progress import KpiProgress, evaluate_kpi
from .text import Text, t


class RemedyKind(str, Enum):
    RESET = "reset"  # before the deadline: adjust the target; after it: start a new cycle
    ALTERNATIVE = "alternative"
    STRATEGY = "strategy"


@dataclass(frozen=True)
class Remedy:
    kind: RemedyKind
    kpi_id: str
    message: Text
    new_target: float | None = None  # RESET
    alternative_id: str | None = None  # ALTERNATIVE: catalog id
    action: Text | None = None  # STRATEGY: the tactic to add
    on: date | None = None  # RESET: the review date it was suggested on (the date its change is recorded under)
    new_cycle: bool = False  # RESET after the deadline: close the cycle, start a new one
    new_baseline: float | None = None  # RESET (new cycle) / ALTERNATIVE: the starting value
    new_deadline: date | None = None  # RESET (new cycle)


def nice_round(value: float) -> float:
    """Round to two significant figures so a suggested target reads like one a person would set."""
    if value == 0 or not math.isfinite(value):
        return value
    magnitude = 10 ** (math.floor(math.log10(abs(value))) - 1)
    rounded = round(value / magnitude) * magnitude
    return float(round(rounded, 6))


def realistic_target(project: Project, result: KpiProgress) -> float | None:
    """The forecast at the deadline, when the trend moves the right way at all.

    Counts (people, posts, leads) stay whole: their forecast is a whole number, and two significant
    figures of a whole number are whole, so no one is asked for 40.7 followers.
    """
    kpi = project.kpi(result.kpi_id)
    if kpi.direction is Direction.RANGE or kpi.baseline is None or kpi.target is None:
        return None
    if result.forecast is None or result.forecast_progress is None or result.forecast_progress <= 0:
        return None
    if result.forecast_progress >= 1:
        return None
    target = nice_round(result.forecast)
    # Rounding must not hand back the baseline, a value on the wrong side of it, or the target itself
    # (998 forecast for a target of 1,000 rounds to 1,000: "reset the target to 1,000" says nothing).
    aim = kpi.target - kpi.baseline
    if (target - kpi.baseline) * aim <= 0 or (kpi.target - target) * aim <= 0:
        return None
    return target


def new_cycle_deadline(start: date, deadline: date, on: date) -> date:
    """A new cycle is as long as the missed one (at least a week), counted from the review date."""
    return on + timedelta(days=max((deadline - start).days, 6))


def _alternative(catalog: Catalog, project: Project, own: CatalogKpi | None, view: KpiView) -> CatalogKpi | None:
    """The first alternative not yet in the plan that serves the plan's goal (or, failing that, the
    KPI's own goals); for a custom KPI, a non-vanity catalog KPI of its family serving the goal."""
    selected = {k.catalog_id for k in project.kpis}
    goal = project.business_goal.social_goal
    if own is not None:
        candidates = [catalog.kpi(a) for a in own.alternatives]
    else:
        candidates = [c for c in catalog.kpis if c.family is view.family and not c.vanity]
    candidates = [c for c in candidates if c.id not in selected]
    for c in candidates:
        if goal in c.goals:
            return c
    wanted = set(view.goals)
    for c in candidates:
        if wanted & set(c.goals):
            return c
    return None


def strategy_hint(catalog: Catalog, view: KpiView) -> Text:
    """The KPI's own hint where the catalog has one (a readability index is not fixed by a reply
    rota), else its family's."""
    own = catalog.get(view.catalog_id)
    if own is not None and own.strategy_hint is not None:
        return own.strategy_hint
    return catalog.family(view.family).strategy_hint


def suggest(project: Project, kpi_id: str, lang: Lang | None = None, on: date | None = None) -> list[Remedy]:
    on = on or _progress.today()
    kpi = project.kpi(kpi_id)
    catalog = load_catalog()
    view = view_kpi(project, kpi, lang)
    result = evaluate_kpi(project, kpi, on)
    if result.status not in (Status.BEHIND, Status.OFF_TRACK, Status.MISSED):
        return []
    remedies: list[Remedy] = []
    # Figures with the KPI's unit; a money KPI without a unit of its own as money (₩616,774).
    cur = project.business.currency
    ko = lambda v: format_kpi_value(view, v, Lang.KO, cur)  # noqa: E731
    en = lambda v: format_kpi_value(view, v, Lang.EN, cur)  # noqa: E731

    if result.status is Status.MISSED and result.latest is not None:
        deadline = new_cycle_deadline(result.start or project.start, result.deadline or project.end, on)
        aim_ko = ko(kpi.target) if kpi.direction is not Direction.RANGE else \
            f"{format_value(kpi.band_low, '', Lang.KO)}–{ko(kpi.band_high)}"
        aim_en = en(kpi.target) if kpi.direction is not Direction.RANGE else \
            f"{format_value(kpi.band_low, '', Lang.EN)}–{en(kpi.band_high)}"
        if _progress.deadline_passed(result):
            closed_ko, closed_en = "마감일이 지났으니", "The deadline has passed"
        else:
            closed_ko, closed_en = "마지막 기간까지 기록되었으니", "Every period up to the deadline is recorded"
        remedies.append(Remedy(
            RemedyKind.RESET, kpi_id,
            t(f"{closed_ko} 이 주기는 '미달'로 기록해 둡니다. 마지막 값 {ko(result.latest)}에서 새 주기를 시작하세요: "
              f"목표 {aim_ko}, 새 마감일 {format_date(deadline, Lang.KO)}.",
              f"{closed_en}, so this cycle stays on record as missed. Start a new cycle from the latest "
              f"value, {en(result.latest)}: target {aim_en}, new deadline {format_date(deadline, Lang.EN)}."),
            new_target=kpi.target, on=on, new_cycle=True, new_baseline=result.latest, new_deadline=deadline,
        ))
    elif result.status is Status.OFF_TRACK:
        new_target = realistic_target(project, result)
        if new_target is not None:
            n = result.forecast_readings
            remedies.append(Remedy(
                RemedyKind.RESET, kpi_id,
                t(f"기록 {n}번의 추세라면 마감일에 약 {ko(result.forecast)}에 이릅니다. "
                  f"목표를 {euro(ko(new_target))} 다시 정하고 KPI를 고치세요. 바꾼 기록은 계획에 남습니다.",
                  f"At the trend of {n} readings it reaches about {en(result.forecast)} by the deadline. "
                  f"Reset the target to {en(new_target)} and revise the KPI; the change stays on record."),
                new_target=new_target, on=on,
            ))

    alt = _alternative(catalog, project, catalog.get(kpi.catalog_id), view)
    if alt is not None:
        remedies.append(Remedy(
            RemedyKind.ALTERNATIVE, kpi_id,
            t(f"{eul(alt.name.ko)} 대안 KPI로 삼아 보세요. 같은 목표를 다른 쪽에서 잽니다. "
              f"먼저 몇 번 기록해 기준선을 잡은 뒤 그 기록으로 목표를 정합니다 (그때까지 진척 계산에서 빠집니다).",
              f"Adopt {alt.name.en} as an alternative KPI: it measures the same goal from another side. "
              f"It starts by establishing its baseline: record it a few times, then set the target from those "
              f"readings (until then it is left out of progress)."),
            alternative_id=alt.id,
        ))

    hint = strategy_hint(catalog, view)
    remedies.append(Remedy(
        RemedyKind.STRATEGY, kpi_id,
        t(f"전략을 조정하세요: {hint.ko}", f"Readjust the strategy: {hint.en}"),
        action=hint,
    ))
    return remedies


def apply_remedy(project: Project, remedy: Remedy) -> Project:
    """A copy of the project with the remedy applied (the original is not changed)."""
    p = project.model_copy(deep=True)
    kpi = p.kpi(remedy.kpi_id)
    on = remedy.on or _progress.today()
    if remedy.kind is RemedyKind.RESET and remedy.new_cycle:
        _start_new_cycle(p, remedy, on)
    elif remedy.kind is RemedyKind.RESET:
        assert remedy.new_target is not None  # a target reset always names its new target
        kpi.target_changes = [*kpi.target_changes, TargetChange(
            on=on, old_target=kpi.target, new_target=remedy.new_target,
            reason="reset to the trend's forecast (remedy)",
        )]
        kpi.target = remedy.new_target
        if p.smart.metric == kpi.id:
            p.smart.target = remedy.new_target
    elif remedy.kind is RemedyKind.ALTERNATIVE:
        assert remedy.alternative_id is not None  # an alternative always names its catalog KPI
        new = selection_from_catalog(p, remedy.alternative_id)
        new.owner, new.weight, new.thresholds = kpi.owner, kpi.weight, kpi.thresholds
        new.deadline = kpi.deadline
        kpi.weight = 0  # kept with its history, no longer scored
        p.kpis = [*p.kpis, new]
    else:  # a strategy: a planned action (the model's default status) for the KPI's owner
        assert remedy.action is not None  # a strategy always carries its tactic
        p.actions = [*p.actions, Action(tactic=remedy.action.get(p.language), kpi=kpi.id, owner=kpi.owner)]
    return p


def _start_new_cycle(p: Project, remedy: Remedy, on: date) -> None:
    """Close the KPI's cycle as it stands on the review date (missed: the only status a new cycle is
    suggested for, the model's default verdict) and start the next from the latest value, with the
    same aim (same target or band) and the new deadline the suggestion named."""
    kpi = p.kpi(remedy.kpi_id)
    result = evaluate_kpi(p, kpi, on)
    new_deadline = remedy.new_deadline
    assert new_deadline is not None  # suggest names it on every new-cycle remedy (a missed KPI has readings)
    kpi.cycles = [*kpi.cycles, KpiCycle(
        start=result.start or p.start, deadline=p.deadline_of(kpi),
        baseline=kpi.baseline, target=kpi.target, band_low=kpi.band_low, band_high=kpi.band_high,
        final_value=result.latest, final_reading=result.points[-1].day, closed_on=on,
    )]
    if new_deadline > p.end:
        # The plan runs on for this KPI; every other KPI keeps the deadline it had.
        for other in p.kpis:
            if other.deadline is None:
                other.deadline = p.end
        p.end = new_deadline
    kpi.cycle_start = on
    kpi.deadline = new_deadline
    kpi.baseline = remedy.new_baseline
    if p.smart.metric == kpi.id:
        p.smart.baseline = kpi.baseline
        p.smart.deadline = new_deadline


def applied_text(project: Project, remedy: Remedy, lang: Lang | None = None) -> Text:
    """What applying ``remedy`` to ``project`` changes, in the owner's words, said after the click
    (the app adds how to take it back)."""
    kpi = project.kpi(remedy.kpi_id)
    name_ko = view_kpi(project, kpi, Lang.KO).name
    name_en = view_kpi(project, kpi, Lang.EN).name
    cur = project.business.currency
    ko = lambda v: format_kpi_value(view_kpi(project, kpi, Lang.KO), v, Lang.KO, cur)  # noqa: E731
    en = lambda v: format_kpi_value(view_kpi(project, kpi, Lang.EN), v, Lang.EN, cur)  # noqa: E731
    if remedy.kind is RemedyKind.RESET and remedy.new_cycle:
        deadline = remedy.new_deadline
        return t(f"'{name_ko}'의 지난 주기를 '미달'로 남기고, {ko(remedy.new_baseline)}에서 새 주기를 시작했습니다 "
                 f"(마감일 {format_date(deadline, Lang.KO)}).",
                 f"Kept the last cycle of '{name_en}' on record as missed and started a new one from "
                 f"{en(remedy.new_baseline)} (deadline {format_date(deadline, Lang.EN)}).")
    if remedy.kind is RemedyKind.RESET:
        return t(f"'{name_ko}'의 목표를 {ko(kpi.target)}에서 {euro(ko(remedy.new_target))} 바꿨습니다.",
                 f"Changed the target of '{name_en}' from {en(kpi.target)} to {en(remedy.new_target)}.")
    if remedy.kind is RemedyKind.ALTERNATIVE:
        assert remedy.alternative_id is not None  # an alternative always names its catalog KPI
        alt = load_catalog().kpi(remedy.alternative_id)
        return t(f"{eul(alt.name.ko)} KPI로 추가했습니다. {eun(name_ko)} 기록과 함께 남지만 종합 점수에서는 빠집니다.",
                 f"Added {alt.name.en} as a KPI. '{name_en}' stays with its records but no longer counts in "
                 f"the overall score.")
    action = remedy.action
    assert action is not None  # what is left is a strategy, which always carries its tactic
    return t(f"실행 계획에 할 일을 추가했습니다: {action.ko}", f"Added to the action plan: {action.en}")
