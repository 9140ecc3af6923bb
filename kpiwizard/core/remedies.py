"""What to do when a KPI is at risk or missed: reset the goal, switch KPI, or change strategy.

Each suggestion carries what applying it changes, so the app can apply it with one click and the
PDF can print it; applying never deletes a KPI or its recorded actuals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from .catalog import load_catalog
from .enums import ActionStatus, Direction, Lang, Status
from .formatting import format_number
from .korean import eul, euro
from .kpiview import selection_from_catalog, view_kpi
from .models import Action, Project
from .progress import KpiProgress, evaluate_kpi
from .text import Text, t


class RemedyKind(str, Enum):
    RESET = "reset"
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


def nice_round(value: float) -> float:
    """Round to two significant figures so a suggested target reads like one a person would set."""
    if value == 0 or not math.isfinite(value):
        return value
    magnitude = 10 ** (math.floor(math.log10(abs(value))) - 1)
    rounded = round(value / magnitude) * magnitude
    return float(round(rounded, 6))


def realistic_target(project: Project, result: KpiProgress) -> float | None:
    """The forecast at the deadline, when the trend moves the right way at all."""
    kpi = project.kpi(result.kpi_id)
    if kpi.direction is Direction.RANGE or kpi.baseline is None or kpi.target is None:
        return None
    if result.forecast is None or result.forecast_progress is None or result.forecast_progress <= 0:
        return None
    if result.forecast_progress >= 1:
        return None
    return nice_round(result.forecast)


def suggest(project: Project, kpi_id: str, lang: Lang | None = None) -> list[Remedy]:
    kpi = project.kpi(kpi_id)
    result = evaluate_kpi(project, kpi)
    if result.status not in (Status.AT_RISK, Status.MISSED):
        return []
    catalog = load_catalog()
    view = view_kpi(project, kpi, lang, catalog)
    remedies: list[Remedy] = []

    new_target = realistic_target(project, result)
    if new_target is not None:
        remedies.append(Remedy(
            RemedyKind.RESET, kpi_id,
            t(f"지금 추세라면 마감일에 약 {format_number(result.forecast, 1)}에 이릅니다. 목표를 {euro(format_number(new_target))} 다시 정하고 KPI를 고치세요.",
              f"At the current trend it reaches about {format_number(result.forecast, 1)} by the deadline. Reset the target to {format_number(new_target)} and revise the KPI."),
            new_target=new_target,
        ))

    selected = {k.catalog_id for k in project.kpis}
    own = catalog.get(kpi.catalog_id)
    if own is not None:
        candidates = [catalog.kpi(a) for a in own.alternatives]
    else:  # a custom KPI: non-vanity catalog KPIs of its family serving the plan's goal
        candidates = [
            c for c in catalog.kpis
            if c.family is view.family and project.business_goal.social_goal in c.goals and not c.vanity
        ]
    for alt in candidates:
        if alt.id in selected:
            continue
        remedies.append(Remedy(
            RemedyKind.ALTERNATIVE, kpi_id,
            t(f"{eul(alt.name.ko)} 대안 KPI로 삼아 보세요. 같은 목표를 다른 쪽에서 잽니다.",
              f"Adopt {alt.name.en} as an alternative KPI: it measures the same goal from another side."),
            alternative_id=alt.id,
        ))
        break

    hint = catalog.family(view.family).strategy_hint
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
    lang = p.language
    if remedy.kind is RemedyKind.RESET and remedy.new_target is not None:
        kpi.target = remedy.new_target
        if p.smart.metric == kpi.id:
            p.smart.target = remedy.new_target
    elif remedy.kind is RemedyKind.ALTERNATIVE and remedy.alternative_id:
        new = selection_from_catalog(p, remedy.alternative_id, lang)
        new.owner, new.weight, new.thresholds = kpi.owner, kpi.weight, kpi.thresholds
        kpi.weight = 0  # kept with its history, no longer scored
        p.kpis = [*p.kpis, new]
    elif remedy.kind is RemedyKind.STRATEGY and remedy.action is not None:
        p.actions = [*p.actions, Action(
            tactic=remedy.action.get(lang), kpi=kpi.id, owner=kpi.owner, status=ActionStatus.PLANNED,
        )]
    return p
