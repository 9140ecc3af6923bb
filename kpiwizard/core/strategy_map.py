"""The balanced-scorecard strategy map generated from the plan's KPI selections.

Both the app's map page and the PDF draw this one structure, so they cannot disagree: four
perspectives from results (top) to capabilities (bottom), the objectives that hold a selected KPI,
and cause -> effect arrows between them where the catalog's objective graph connects them (directly
or through objectives the plan does not use).
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog, load_catalog
from .enums import Indicator, Lang, Perspective
from .kpiview import view_kpis
from .models import Project
from .text import t
from .vocab import PERSPECTIVE_NAMES

# Custom KPIs have no objective in the catalog: they sit in a box of their own per perspective.
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


@dataclass(frozen=True)
class StrategyMap:
    perspectives: tuple[tuple[Perspective, str], ...]  # top to bottom, with display names
    objectives: tuple[MapObjective, ...]
    arrows: tuple[tuple[str, str], ...]  # (cause objective id, effect objective id)

    def in_perspective(self, perspective: Perspective) -> list[MapObjective]:
        return [o for o in self.objectives if o.perspective is perspective]


def _reachable(catalog: Catalog, start: str, wanted: set[str]) -> set[str]:
    """Objectives in ``wanted`` reached from ``start`` through objectives not in ``wanted``."""
    found: set[str] = set()
    stack = list(catalog.objective(start).drives)
    seen: set[str] = set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        if current in wanted:
            found.add(current)
            continue
        stack.extend(catalog.objective(current).drives)
    return found


def build_strategy_map(project: Project, lang: Lang | None = None) -> StrategyMap:
    lang = Lang(lang or project.language)
    catalog = load_catalog()
    grouped: dict[str, list[MapKpi]] = {}
    custom_perspective: dict[str, Perspective] = {}
    for view in view_kpis(project, lang):
        key = view.objective or f"{CUSTOM_OBJECTIVE}_{view.perspective.value}"
        if view.objective is None:
            custom_perspective[key] = view.perspective
        grouped.setdefault(key, []).append(MapKpi(view.id, view.name, view.indicator))

    objectives: list[MapObjective] = []
    for o in catalog.objectives:
        if o.id in grouped:
            objectives.append(MapObjective(o.id, o.name.get(lang), o.perspective, tuple(grouped[o.id])))
    for key, perspective in custom_perspective.items():
        name = t("직접 만든 KPI", "Custom KPIs").get(lang)
        objectives.append(MapObjective(key, name, perspective, tuple(grouped[key])))

    used = {o.id for o in objectives if not o.id.startswith(CUSTOM_OBJECTIVE)}
    arrows = sorted(
        (cause, effect) for cause in used for effect in _reachable(catalog, cause, used)
    )
    # A custom box drives the catalog objectives above it in the same chain as its perspective.
    order = list(Perspective)
    for key, perspective in custom_perspective.items():
        above = [o.id for o in objectives if order.index(o.perspective) == order.index(perspective) - 1]
        arrows.extend((key, effect) for effect in above)

    return StrategyMap(
        perspectives=tuple((p, PERSPECTIVE_NAMES[p].get(lang)) for p in Perspective),
        objectives=tuple(objectives),
        arrows=tuple(arrows),
    )


@dataclass(frozen=True)
class MapGaps:
    """What the map leaves out, so the audit can say so instead of drawing it silently."""

    empty: tuple[Perspective, ...]  # perspectives that hold no KPI
    unlinked: tuple[MapObjective, ...]  # custom boxes with no arrow in or out


def map_gaps(project: Project) -> MapGaps:
    m = build_strategy_map(project)
    empty = tuple(p for p, _ in m.perspectives if not m.in_perspective(p))
    linked = {end for arrow in m.arrows for end in arrow}
    unlinked = tuple(o for o in m.objectives if o.id.startswith(CUSTOM_OBJECTIVE) and o.id not in linked)
    return MapGaps(empty=empty, unlinked=unlinked)
