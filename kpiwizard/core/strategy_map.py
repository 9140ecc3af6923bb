"""The balanced-scorecard strategy map generated from the plan's KPI selections.

Both the app's map page and the PDF draw this one structure, so they cannot disagree: four
perspectives from results (top) to capabilities (bottom), the objectives that hold a selected KPI,
and cause -> effect arrows between them where the catalog's objective graph connects them (directly
or through objectives the plan does not use).

* A custom KPI has no objective in the catalog. It joins a real objective of its own perspective:
  the one the catalog gives most KPIs of the same family in that perspective, preferring an
  objective the plan already uses; so it is connected like any catalog KPI, never a box of its own.
* A perspective with no KPI is not left as an empty band: the map proposes the catalog's objectives
  of that perspective that lead to what the plan measures (for learning and growth: training the
  team, learning tactics, understanding the customers), marked as proposals with no KPI yet.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .catalog import Catalog, load_catalog
from .enums import Indicator, Lang, Perspective
from .kpiview import view_kpis
from .models import Project
from .text import t
from .vocab import PERSPECTIVE_NAMES

# Kept for files and callers that still name it; custom KPIs now join a real objective.
CUSTOM_OBJECTIVE = "custom"


@dataclass(frozen=True)
class MapKpi:
    id: str
    name: str
    indicator: Indicator


@dataclass(frozen=True)
class MapObjective:
    id: str
    name: str
    perspective: Perspective
    kpis: tuple[MapKpi, ...]
    proposed: bool = False  # suggested for an empty perspective: no KPI of the plan measures it yet


@dataclass(frozen=True)
class StrategyMap:
    perspectives: tuple[tuple[Perspective, str], ...]  # top to bottom, with display names
    objectives: tuple[MapObjective, ...]
    arrows: tuple[tuple[str, str], ...]  # (cause objective id, effect objective id)

    def in_perspective(self, perspective: Perspective) -> list[MapObjective]:
        return [o for o in self.objectives if o.perspective is perspective]


def _reachable(catalog: Catalog, start: str, wanted: set[str]) -> set[str]:
    """Objectives in ``wanted`` reached from ``start`` through objectives not in ``wanted``.

    Every path is walked (the catalog refuses an objective graph with a circle, so it ends)."""
    found: set[str] = set()
    stack = list(catalog.objective(start).drives)
    while stack:
        current = stack.pop()
        if current in wanted:
            found.add(current)
        else:
            stack.extend(catalog.objective(current).drives)
    return found


def objective_for_custom(catalog: Catalog, perspective: Perspective, family, used: set[str]) -> str:
    """The real objective a custom KPI joins: of its perspective, an objective the plan already uses,
    else one that leads to (or follows from) what the plan measures, and among those the one most
    catalog KPIs of its family belong to."""
    in_perspective = [o.id for o in catalog.objectives if o.perspective is perspective]
    votes: Counter[str] = Counter()
    for k in catalog.kpis:
        if k.objective in in_perspective:  # a KPI's perspective is its objective's (the catalog's tests)
            votes[k.objective] += 3 if k.family is family else 1

    def connected(o: str) -> bool:
        return bool(_reachable(catalog, o, used)) or any(o in _reachable(catalog, u, {o}) for u in used)

    ranked = sorted(in_perspective, key=lambda o: (o not in used, not connected(o), -votes[o],
                                                   in_perspective.index(o)))
    return ranked[0]


def build_strategy_map(project: Project, lang: Lang | None = None) -> StrategyMap:
    lang = Lang(lang or project.language)
    catalog = load_catalog()
    grouped: dict[str, list[MapKpi]] = {}
    views = view_kpis(project, lang)
    catalog_used = {v.objective for v in views if v.objective is not None}
    for view in views:
        key = view.objective or objective_for_custom(catalog, view.perspective, view.family, catalog_used)
        grouped.setdefault(key, []).append(MapKpi(view.id, view.name, view.indicator))

    objectives: list[MapObjective] = []
    for o in catalog.objectives:
        if o.id in grouped:
            objectives.append(MapObjective(o.id, o.name.get(lang), o.perspective, tuple(grouped[o.id])))

    if objectives:  # an empty band gets the objectives that would lead to what the plan measures
        used = {o.id for o in objectives}
        for perspective in Perspective:
            if any(o.perspective is perspective for o in objectives):
                continue
            candidates = [o for o in catalog.objectives if o.perspective is perspective]
            leading = [o for o in candidates if _reachable(catalog, o.id, used)]
            for o in leading or candidates:
                objectives.append(MapObjective(
                    o.id, t(f"{o.name.ko} (제안)", f"{o.name.en} (suggested)").get(lang), o.perspective, (), True))

    ids = {o.id for o in objectives}
    arrows = sorted(
        (cause, effect) for cause in ids for effect in _reachable(catalog, cause, ids)
    )
    return StrategyMap(
        perspectives=tuple((p, PERSPECTIVE_NAMES[p].get(lang)) for p in Perspective),
        objectives=tuple(objectives),
        arrows=tuple(arrows),
    )


@dataclass(frozen=True)
class MapGaps:
    """What the map leaves out, so the audit can say so instead of drawing it silently. (Nothing is
    left unconnected any more: every objective leads to the financial one, used or proposed.)"""

    empty: tuple[Perspective, ...]  # perspectives that hold no KPI (the map proposes objectives there)


def map_gaps(project: Project) -> MapGaps:
    m = build_strategy_map(project)
    empty = tuple(p for p, _ in m.perspectives if not any(o.kpis for o in m.in_perspective(p)))
    return MapGaps(empty=empty)
