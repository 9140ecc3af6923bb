"""The bilingual KPI catalog, its presets and the strategy-map objectives.

The catalog is data (``resources/catalog/*.json``); this module only describes its shape, checks it
on load and answers questions about it. Loading is cached because every view asks for it.
"""

from __future__ import annotations

import json
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .enums import (
    Direction,
    Family,
    Frequency,
    Indicator,
    KpiKind,
    Perspective,
    SocialGoal,
    Source,
    StrategicObjective,
)
from .resources import resource_path
from .text import Text


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FamilyInfo(_Strict):
    id: Family
    name: Text
    # What to change in the strategy when a KPI of this family is missed.
    strategy_hint: Text


class Objective(_Strict):
    """A strategy-map objective: one box on the balanced scorecard."""

    id: str
    perspective: Perspective
    name: Text
    # Objectives this one drives (cause -> effect, upwards on the map).
    drives: list[str] = Field(default_factory=list)


class WhereToRead(_Strict):
    """Where the owner finds a number that no file download carries: the platform's own menu path
    and label. ``confirmed`` is False where nobody could check the path; the text then says
    "확인 필요" / "to be confirmed" rather than guess."""

    screen: Text
    confirmed: bool
    source: str = ""  # where the label and path were checked

    @model_validator(mode="after")
    def _unconfirmed_says_so(self) -> "WhereToRead":
        if not self.confirmed and ("확인 필요" not in self.screen.ko or "to be confirmed" not in self.screen.en):
            raise ValueError("an unconfirmed place to read a number must say '확인 필요' / 'to be confirmed'")
        return self


class BusinessPreset(_Strict):
    """A ready KPI set for one kind of business (e.g. the neighbourhood shop), per goal and strategy.

    Combinations it leaves out fall back to the general presets."""

    id: str
    name: Text
    description: Text
    kpis: dict[SocialGoal, dict[StrategicObjective, list[str]]]


class CatalogKpi(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: Text
    definition: Text
    formula: Text
    unit: Text  # what the number counts, e.g. 명 / followers, %, 분 / minutes
    percent: bool = False  # values are shown as percentages
    kind: KpiKind
    # The values the KPI can take at all (a share 0-100, a rating 1-5, a time above 0); None = open.
    natural_min: float | None = None
    natural_max: float | None = None
    natural_min_exclusive: bool = False  # times and costs: above natural_min, never equal to it
    direction: Direction
    indicator: Indicator
    perspective: Perspective
    family: Family
    objective: str  # Objective.id on the strategy map
    goals: list[SocialGoal] = Field(min_length=1)
    source: Source
    # Where to read it by hand (menu path); set for every KPI whose source is MANUAL.
    where: WhereToRead | None = None
    frequency: Frequency
    vanity: bool = False
    vanity_reason: Text | None = None
    # Ties to money or qualified interactions: the KPI a plan's success is judged on.
    outcome: bool = False
    # Follower-type KPIs whose growth is checked against followers, posting and budget.
    audience: bool = False
    # Only moves with ad money (cost per lead, paid reach...).
    paid: bool = False
    # Largest relative change per month a small business can plausibly make (0.3 = 30 %).
    monthly_change_limit: float = Field(gt=0, le=10)
    why: Text  # why it matters: the sentence printed on the KPI card
    alternatives: list[str] = Field(default_factory=list)
    # What to change when this KPI is missed, where its family's hint does not fit it.
    strategy_hint: Text | None = None

    @property
    def money(self) -> bool:
        """Counted in the plan's currency (the unit in the data is a placeholder)."""
        return self.unit.en == "currency"

    @model_validator(mode="after")
    def _vanity_has_reason(self) -> "CatalogKpi":
        if self.kind is KpiKind.SHARE and (self.natural_min, self.natural_max) != (0, 100):
            raise ValueError(f"{self.id}: a share runs from 0 to 100")
        if self.vanity and self.vanity_reason is None:
            raise ValueError(f"{self.id}: a vanity KPI needs vanity_reason")
        if self.source is Source.MANUAL and self.where is None:
            raise ValueError(f"{self.id}: a KPI read by hand needs 'where' (menu path or '확인 필요')")
        return self


class Catalog(_Strict):
    version: int
    families: list[FamilyInfo]
    objectives: list[Objective]
    kpis: list[CatalogKpi]
    # presets[social_goal][strategic_objective] = ranked KPI ids
    presets: dict[SocialGoal, dict[StrategicObjective, list[str]]]
    # Ready sets for a kind of business (the neighbourhood shop); may cover only some combinations.
    business_presets: list[BusinessPreset] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> "Catalog":
        check_catalog(self)
        return self

    # -- questions the rest of the program asks -------------------------------------------

    def kpi(self, kpi_id: str) -> CatalogKpi:
        for k in self.kpis:
            if k.id == kpi_id:
                return k
        raise KeyError(kpi_id)

    def get(self, kpi_id: str | None) -> CatalogKpi | None:
        if kpi_id is None:
            return None
        try:
            return self.kpi(kpi_id)
        except KeyError:
            return None

    def family(self, family: Family) -> FamilyInfo:
        return next(f for f in self.families if f.id == family)

    def objective(self, objective_id: str) -> Objective:
        return next(o for o in self.objectives if o.id == objective_id)

    def preset(
        self, goal: SocialGoal, objective: StrategicObjective, business: str | None = None
    ) -> list[CatalogKpi]:
        """The ranked KPIs for a goal and strategy; ``business`` (e.g. "local_shop") picks that kind
        of business's ready set where it has one for the combination."""
        if business is not None:
            ranked = self.business_preset(business).kpis.get(goal, {}).get(objective)
            if ranked:
                return [self.kpi(i) for i in ranked]
        return [self.kpi(i) for i in self.presets[goal][objective]]

    def business_preset(self, preset_id: str) -> BusinessPreset:
        return next(b for b in self.business_presets if b.id == preset_id)

    def search(
        self,
        query: str = "",
        *,
        family: Family | None = None,
        goal: SocialGoal | None = None,
        indicator: Indicator | None = None,
    ) -> list[CatalogKpi]:
        """KPIs whose id, Korean or English name or definition contains ``query`` (case-blind, a phrase
        within one of them), narrowed by family, goal and indicator."""
        q = query.strip().casefold()
        found = []
        for k in self.kpis:
            if family is not None and k.family is not family:
                continue
            if goal is not None and goal not in k.goals:
                continue
            if indicator is not None and k.indicator is not indicator:
                continue
            fields = (k.id, k.name.ko, k.name.en, k.definition.ko, k.definition.en)
            if q and not any(q in field.casefold() for field in fields):  # a phrase within one of them
                continue
            found.append(k)
        return found


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The catalog shipped with the program (read once per process)."""
    data = json.loads(resource_path("catalog", "catalog.json").read_text(encoding="utf-8"))
    return Catalog.model_validate(data)


def check_catalog(catalog: Catalog) -> None:
    """The catalog's own consistency (unique ids, known objectives and alternatives, causes that run
    one way, a preset for every goal and objective), in a plain function: the mutation tool leaves
    the decorated validator alone."""
    ids = [k.id for k in catalog.kpis]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate KPI ids in catalog")
    known = set(ids)
    objective_ids = {o.id for o in catalog.objectives}
    for o in catalog.objectives:
        for d in o.drives:
            if d not in objective_ids:
                raise ValueError(f"objective {o.id} drives unknown {d}")
    # cause -> effect runs one way (learning up to the financial result): no objective may lead
    # back to itcatalog. Peel off the objectives that drive nothing left; a circle is what remains.
    left = {o.id: set(o.drives) for o in catalog.objectives}
    while left:
        ends = [oid for oid, drives in left.items() if not drives & left.keys()]
        if not ends:
            raise ValueError(f"objectives in or leading into a circle of causes: {', '.join(sorted(left))}")
        for oid in ends:
            del left[oid]
    for k in catalog.kpis:
        if k.objective not in objective_ids:
            raise ValueError(f"{k.id}: unknown objective {k.objective}")
        for alt in k.alternatives:
            if alt not in known:
                raise ValueError(f"{k.id}: unknown alternative {alt}")
    for goal in SocialGoal:
        for objective in StrategicObjective:
            ranked = catalog.presets.get(goal, {}).get(objective)
            if not ranked:
                raise ValueError(f"no preset for {goal}/{objective}")
            for kid in ranked:
                if kid not in known:
                    raise ValueError(f"preset {goal}/{objective}: unknown KPI {kid}")
    for bp in catalog.business_presets:
        for goal, by_objective in bp.kpis.items():
            for objective, ranked in by_objective.items():
                unknown = [kid for kid in ranked if kid not in known]
                if unknown or not ranked or len(set(ranked)) != len(ranked):
                    raise ValueError(f"preset {bp.id} {goal}/{objective}: empty, repeated or unknown {unknown}")
