"""One flat description of a selected KPI, whether it came from the catalog or was custom-made.

Views and exporters never branch on catalog-versus-custom: they read a ``KpiView``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .catalog import Catalog, CatalogKpi, load_catalog
from .formatting import format_money, format_value
from .enums import Direction, Family, Frequency, Indicator, KpiKind, Lang, Perspective, SocialGoal, Source
from .models import KpiSelection, Project
from .text import Text

# Units that name a duration: a time is above zero, never zero or below.
_TIME_UNITS = {
    "분", "시간", "초", "일", "주", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours",
    "s", "sec", "secs", "second", "seconds", "day", "days", "week", "weeks",
}


@dataclass(frozen=True)
class KpiView:
    id: str
    catalog_id: str | None
    name: str  # in the language asked for
    names: Text  # in both, for messages that carry both languages
    definition: str
    formula: str
    why: str
    unit: str
    percent: bool
    direction: Direction
    indicator: Indicator
    perspective: Perspective
    family: Family
    objective: str | None
    source: Source
    goals: tuple[SocialGoal, ...]
    vanity: bool
    vanity_reason: str
    outcome: bool
    audience: bool
    paid: bool
    monthly_change_limit: float | None
    # How the number behaves and the values it can take at all (see KpiKind): forecasts stay inside.
    kind: KpiKind
    natural_min: float | None
    natural_max: float | None
    natural_min_exclusive: bool
    frequency: Frequency
    baseline: float | None
    target: float | None
    band_low: float | None
    band_high: float | None
    deadline: date
    owner: str
    weight: float
    selection: KpiSelection
    # Counted in the plan's currency (catalog unit "currency"): shown as money, never as "통화".
    money: bool = False


# What the catalog's placeholder unit "currency" reads as; a KPI whose unit is still the placeholder
# is shown in the plan's currency instead.
_PLACEHOLDER_UNITS = {"", "통화", "currency"}


def money_unit(project: Project, unit: str, lang: Lang) -> str:
    if unit.strip() not in _PLACEHOLDER_UNITS:
        return unit
    currency = project.business.currency
    return "원" if currency == "KRW" and Lang(lang) is Lang.KO else currency


def _catalog_unit(project: Project, selection: KpiSelection, c: CatalogKpi, lang: Lang) -> str:
    """A catalog KPI's unit in ``lang``. A unit the plan kept as it came from the catalog (in either
    language: '명' or 'followers'; '원' for a money KPI in won) is the catalog's, shown in the
    language asked for; only a unit the owner typed stays as typed."""
    typed = selection.unit.strip()
    if c.money:
        won = typed == "원" and project.business.currency == "KRW"
        return money_unit(project, "" if won else selection.unit, lang)
    if typed in ("", c.unit.ko, c.unit.en):
        return c.unit.get(lang)
    return selection.unit


def format_kpi_value(view: KpiView, value: float | None, lang: Lang, currency: str) -> str:
    """A KPI's value with its unit; a money KPI without a unit of its own as money (₩616,774)."""
    if view.money and view.selection.unit.strip() in _PLACEHOLDER_UNITS:
        return format_money(value, currency)
    return format_value(value, view.unit, lang, view.percent)


def _pick(text: Text | None, lang: Lang) -> str:
    return text.get(lang) if text is not None else ""


def view_kpi(
    project: Project, selection: KpiSelection, lang: Lang | None = None, catalog: Catalog | None = None
) -> KpiView:
    lang = Lang(lang or project.language)
    catalog = catalog or load_catalog()
    c = catalog.get(selection.catalog_id)
    common: dict[str, Any] = dict(  # shared by the three kinds of view below
        id=selection.id,
        catalog_id=selection.catalog_id,
        direction=selection.direction,
        frequency=selection.frequency,
        baseline=selection.baseline,
        target=selection.target,
        band_low=selection.band_low,
        band_high=selection.band_high,
        deadline=project.deadline_of(selection),
        owner=selection.owner,
        weight=selection.weight,
        selection=selection,
    )
    if c is not None:
        return KpiView(
            name=c.name.get(lang),
            names=c.name,
            definition=c.definition.get(lang),
            formula=c.formula.get(lang),
            why=c.why.get(lang),
            unit=_catalog_unit(project, selection, c, lang),
            percent=c.percent,
            indicator=c.indicator,
            perspective=c.perspective,
            family=c.family,
            objective=c.objective,
            source=c.source,
            goals=tuple(c.goals),
            vanity=c.vanity,
            vanity_reason=_pick(c.vanity_reason, lang),
            outcome=c.outcome,
            audience=c.audience,
            paid=c.paid,
            monthly_change_limit=c.monthly_change_limit,
            kind=c.kind,
            natural_min=c.natural_min,
            natural_max=c.natural_max,
            natural_min_exclusive=c.natural_min_exclusive,
            money=c.money,
            **common,
        )
    custom = selection.custom
    if custom is None:  # catalog id that this catalog does not know (a KPI has a catalog id or a custom one)
        name = str(selection.catalog_id)
        return KpiView(
            name=name, names=Text(ko=name, en=name), definition="", formula="", why="", unit=selection.unit, percent=False,
            indicator=Indicator.LAGGING, perspective=Perspective.CUSTOMER,
            family=Family.ENGAGEMENT, objective=None, source=Source.INTERNAL, goals=(),
            vanity=False, vanity_reason="", outcome=False, audience=False, paid=False,
            monthly_change_limit=None, kind=KpiKind.RATE, natural_min=None, natural_max=None,
            natural_min_exclusive=False, **common,
        )
    return KpiView(
        name=custom.name,
        names=Text(ko=custom.name, en=custom.name),
        definition=custom.definition,
        formula=custom.formula,
        why="",
        unit=selection.unit,
        percent=custom.percent,
        indicator=custom.indicator,
        perspective=custom.perspective,
        family=custom.family,
        objective=None,
        source=custom.source,
        goals=tuple(custom.goals),
        vanity=custom.vanity,
        vanity_reason="",
        outcome=custom.outcome,
        audience=False,
        paid=False,
        monthly_change_limit=None,
        **custom_kind(selection, custom.percent, project.actuals.get(selection.id, {}).values()),
        **common,
    )


def custom_kind(selection: KpiSelection, percent: bool, actuals: Iterable[float] = ()) -> dict:
    """A sensible kind and natural range for a KPI the owner defined, from its unit and numbers.

    A percent is a share of a whole (0-100) unless the owner's own numbers leave that range (a growth
    rate of -10 % or 150 %): then it is a ratio shown as percent, open at both ends. A duration
    (minutes, hours...) is a rate above zero. Anything else is a count or an amount, never below
    zero, unless the owner's numbers already are.
    """
    typed = [selection.baseline, selection.target, selection.band_low, selection.band_high]
    numbers: list[float] = [v for v in [*typed, *actuals] if v is not None]
    unit = selection.unit.strip().lower()
    if percent or unit == "%":
        if all(0 <= v <= 100 for v in numbers):
            return dict(kind=KpiKind.SHARE, natural_min=0.0, natural_max=100.0, natural_min_exclusive=False)
        return dict(kind=KpiKind.RATE, natural_min=None, natural_max=None, natural_min_exclusive=False)
    if unit in _TIME_UNITS:
        return dict(kind=KpiKind.RATE, natural_min=0.0, natural_max=None, natural_min_exclusive=True)
    if any(v < 0 for v in numbers):
        return dict(kind=KpiKind.RATE, natural_min=None, natural_max=None, natural_min_exclusive=False)
    return dict(kind=KpiKind.FLOW, natural_min=0.0, natural_max=None, natural_min_exclusive=False)


def view_kpis(project: Project, lang: Lang | None = None) -> list[KpiView]:
    return [view_kpi(project, k, lang) for k in project.kpis]  # the catalog is read once per process


def selection_from_catalog(
    project: Project, catalog_id: str, lang: Lang | None = None, catalog: Catalog | None = None
) -> KpiSelection:
    """A new KPI selection with the catalog's defaults (unit, direction, frequency)."""
    lang = Lang(lang or project.language)
    c = (catalog or load_catalog()).kpi(catalog_id)
    used = {k.id for k in project.kpis}
    new_id, n = catalog_id, 2
    while new_id in used:
        new_id, n = f"{catalog_id}_{n}", n + 1
    return KpiSelection(
        id=new_id,
        catalog_id=catalog_id,
        unit=c.unit.get(lang),
        direction=c.direction,
        frequency=c.frequency,
    )
