"""The project: everything one plan holds, as the JSON project file stores it.

Models refuse impossible values at the door (negative followers, NaN, absurd magnitudes, unknown
keys) so that every later computation can trust them. Cross-field facts that make a plan *unwise*
rather than impossible (target below baseline, no owner...) are the SMART audit's job, not these
validators': the user must be able to save an unfinished plan.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Annotated, Literal

from annotated_types import MaxLen
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic.fields import FieldInfo

from .enums import (
    ActionStatus,
    BusinessSize,
    ContentType,
    Direction,
    Family,
    Frequency,
    Indicator,
    KpiKind,
    Lang,
    Perspective,
    SocialGoal,
    Source,
    StrategicObjective,
)

SCHEMA_VERSION = 2

# Bounds: far beyond any small business, small enough that no arithmetic overflows or loses sense.
MAX_VALUE = 1e12
MAX_MONEY = 1e13
MAX_FOLLOWERS = 10_000_000_000
PLAN_YEARS = (1900, 2199)
MAX_PERIODS = 6000  # recorded periods per KPI (the schema says the same)
MAX_CHANNELS = 50  # channel shares per imported period

Value = Annotated[float, Field(ge=-MAX_VALUE, le=MAX_VALUE, allow_inf_nan=False)]
Money = Annotated[float, Field(ge=0, le=MAX_MONEY, allow_inf_nan=False)]
Rate = Annotated[float, Field(gt=0, le=1, allow_inf_nan=False)]
ShortText = Annotated[str, Field(max_length=300)]
LongText = Annotated[str, Field(max_length=200_000)]
Identifier = Annotated[str, Field(pattern=r"^[A-Za-z0-9_\-]{1,64}$")]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Model(BaseModel):
    """Base for every project model: unknown keys are refused, assignments re-validated."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        str_strip_whitespace=False,
    )

    @field_validator("*", mode="before")
    @classmethod
    def _no_control_characters(cls, value: object, info: ValidationInfo) -> object:
        return without_control_characters(value, cls.model_fields[info.field_name or ""])  # "*": a field of cls


class Channel(Model):
    name: ShortText = Field(min_length=1, description="Instagram, Facebook, 네이버 블로그 ...")
    followers: int = Field(0, ge=0, le=MAX_FOLLOWERS)
    url: ShortText = ""


class BusinessProfile(Model):
    name: ShortText = ""
    industry: ShortText = ""
    region: ShortText = ""
    size: BusinessSize = BusinessSize.MICRO
    currency: str = Field("KRW", pattern=r"^[A-Z]{3}$")
    language: Lang = Lang.KO
    channels: list[Channel] = Field(default_factory=list, max_length=50)
    # The page campaign links (UTM) open: the shop's site, Naver Smart Place or Instagram link.
    website: ShortText = ""


class BusinessGoal(Model):
    social_goal: SocialGoal = SocialGoal.AWARENESS
    objective: StrategicObjective = StrategicObjective.FOCUS
    audience: LongText = ""
    audience_wants: LongText = ""
    benefit: LongText = ""
    reason_to_believe: LongText = ""
    why: LongText = ""


class SmartGoal(Model):
    """The one goal the plan is built around, in the words of the SMART letters."""

    what: ShortText = ""  # S: what changes, e.g. "우리 동네 페이스북 팔로워"
    metric: Identifier | None = None  # M: id of the KPI selection that measures it
    baseline: Value | None = None
    target: Value | None = None
    unit: ShortText = ""
    direction: Direction = Direction.HIGHER
    deadline: date | None = None  # T
    resources: LongText = ""  # A/R: with which means (content plan, budget, people)


class Thresholds(Model):
    """RAG thresholds as a share of the pace the straight-line trajectory expects."""

    on_track: float = Field(0.9, gt=0, le=2, allow_inf_nan=False)
    at_risk: float = Field(0.7, ge=0, le=2, allow_inf_nan=False)

    @model_validator(mode="after")
    def _ordered(self) -> "Thresholds":
        if self.at_risk > self.on_track:
            raise ValueError("at_risk threshold must not exceed the on_track threshold")
        return self


class CustomKpi(Model):
    """A KPI the owner defines when the catalog has nothing that fits."""

    name: ShortText = Field(min_length=1)
    definition: LongText = ""
    formula: LongText = ""
    indicator: Indicator = Indicator.LAGGING
    perspective: Perspective = Perspective.CUSTOMER
    family: Family = Family.ENGAGEMENT
    source: Source = Source.INTERNAL
    goals: list[SocialGoal] = Field(default_factory=list, max_length=4)
    vanity: bool = False
    outcome: bool = False
    percent: bool = False


class KpiCycle(Model):
    """A finished cycle of one KPI, kept exactly as it stood when the next cycle began.

    History is never rewritten: a target missed at its deadline stays missed here, and the KPI's
    own baseline, target and deadline describe the cycle now running.
    """

    start: date
    deadline: date
    baseline: Value | None = None
    target: Value | None = None
    band_low: Value | None = None
    band_high: Value | None = None
    final_value: Value | None = None  # the latest reading when the cycle closed
    final_reading: date | None = None  # its period; readings up to it belong to this cycle
    verdict: Literal["missed", "reached", "no_data"] = "missed"
    closed_on: date  # the review date on which the next cycle began


class TargetChange(Model):
    """A target adjusted before its deadline (evidence in hand), recorded so the change stays visible."""

    on: date
    old_target: Value | None = None
    new_target: Value | None = None
    reason: ShortText = ""


class KpiSelection(Model):
    """One KPI in the plan: a catalog KPI or a custom one, with the owner's numbers."""

    id: Identifier
    catalog_id: Identifier | None = None
    custom: CustomKpi | None = None
    baseline: Value | None = None
    target: Value | None = None  # HIGHER / LOWER
    band_low: Value | None = None  # RANGE
    band_high: Value | None = None  # RANGE
    unit: ShortText = ""
    direction: Direction = Direction.HIGHER
    deadline: date | None = None  # None: the plan's end
    frequency: Frequency = Frequency.WEEKLY
    owner: ShortText = ""
    weight: float = Field(0, ge=0, le=100, allow_inf_nan=False)  # percent of the overall score
    thresholds: Thresholds = Field(default_factory=Thresholds)
    note: LongText = ""
    # Cycles: after a missed deadline the KPI starts again from its latest value (cycle_start: the
    # day the running cycle began; None = the plan's start); finished cycles are kept in order.
    cycle_start: date | None = None
    cycles: list[KpiCycle] = Field(default_factory=list, max_length=500)
    target_changes: list[TargetChange] = Field(default_factory=list, max_length=500)

    @model_validator(mode="after")
    def _one_definition(self) -> "KpiSelection":
        if (self.catalog_id is None) == (self.custom is None):
            raise ValueError("a KPI needs exactly one of catalog_id or custom")
        return self


class Action(Model):
    tactic: LongText = Field(min_length=1)
    channel: ShortText = ""
    content_type: ContentType | None = None
    kpi: Identifier | None = None  # the KPI selection it moves
    owner: ShortText = ""
    due: date | None = None
    status: ActionStatus = ActionStatus.PLANNED
    cost: Money | None = None  # what carrying it out costs, in the plan's currency (None: not estimated)


class Funnel(Model):
    """The reverse funnel: the user's conversion assumptions, back-solved from a revenue target."""

    revenue_target: Money = 0
    click_rate: Rate = 0.02  # clicks per person reached
    lead_rate: Rate = 0.1  # leads per click
    close_rate: Rate = 0.2  # customers per lead


class RoiInputs(Model):
    """Costs and returns of the plan period, in the project's currency."""

    ad_spend: Money = 0
    tools: Money = 0
    hours: float = Field(0, ge=0, le=100_000, allow_inf_nan=False)
    hourly_rate: Money = 0
    revenue: Money = 0  # revenue attributed to social media
    leads: int = Field(0, ge=0, le=10**9)
    customers: int = Field(0, ge=0, le=10**9)
    average_order: Money = 0
    purchases_per_year: float = Field(0, ge=0, le=10_000, allow_inf_nan=False)
    customer_years: float = Field(0, ge=0, le=100, allow_inf_nan=False)
    # Share of revenue left after the costs of each sale; ROI and LTV are computed on it.
    # None: the default for the business's industry (resources/reference/assumptions.json).
    gross_margin: Rate | None = None
    funnel: Funnel = Field(default_factory=Funnel)


class Capacity(Model):
    """What the business can put in each week; the realism checks measure goals against it."""

    posts_per_week: float = Field(0, ge=0, le=1000, allow_inf_nan=False)
    hours_per_week: float = Field(0, ge=0, le=168, allow_inf_nan=False)


ChangeLimit = Annotated[float, Field(gt=0, le=100, allow_inf_nan=False)]


class Assumptions(Model):
    """The figures behind the realism verdicts, visible and editable per plan.

    None (or a missing key) means the default shipped as data in ``resources/reference`` with its
    source; ``core.assumptions`` resolves each value and says where it came from.
    """

    # Monthly follower growth per weekly post, as a share of the followers (0.02 = 2 %).
    organic_growth_per_post: float | None = Field(None, ge=0, le=1, allow_inf_nan=False)
    # Followers a month each weekly post brings even to a tiny account.
    min_followers_per_weekly_post: float | None = Field(None, ge=0, le=100_000, allow_inf_nan=False)
    # Ceiling on organic growth in a month, as a share of the followers (0.5 = 50 %).
    max_organic_monthly_growth: float | None = Field(None, ge=0, le=10, allow_inf_nan=False)
    # Ad cost of one new follower in the plan's currency.
    cost_per_follower: Money | None = None
    # Largest plausible relative change a month (0.3 = 30 %), per KPI kind (custom KPIs) and per
    # KPI of this plan (by selection id, overriding the catalog's figure).
    monthly_change_by_kind: dict[KpiKind, ChangeLimit] = Field(default_factory=dict)
    monthly_change_by_kpi: dict[Identifier, ChangeLimit] = Field(default_factory=dict, max_length=500)


class ReviewSettings(Model):
    reminder_hour: int = Field(9, ge=0, le=23)
    language: Lang | None = None  # None: the business language


ChannelName = Annotated[str, Field(min_length=1, max_length=64)]


class ImportedPart(Model):
    """One channel's share of an actual that came from the platforms' downloads.

    Kept so that importing another channel later adds to the value instead of replacing it
    (core/aggregate.py says how parts combine)."""

    value: Value  # a stock or flow: the channel's number; a rate or share: its numerator
    denominator: Value | None = None  # a rate or share: the channel's denominator
    days: int = Field(0, ge=0, le=400)  # days of the period the channel's files covered
    as_of: date | None = None  # the newest download behind it: a later download of a channel wins


def new_plan_id() -> str:
    return uuid.uuid4().hex


class Project(Model):
    schema_version: int = SCHEMA_VERSION
    # Stable identity of the plan (calendar event UIDs derive from it): renaming keeps it. New
    # plans get a random one; a file without it gets one on load (projectfile), kept on save.
    id: Identifier = Field(default_factory=new_plan_id)
    title: ShortText = ""
    business: BusinessProfile = Field(default_factory=BusinessProfile)
    start: date
    end: date
    business_goal: BusinessGoal = Field(default_factory=BusinessGoal)
    smart: SmartGoal = Field(default_factory=SmartGoal)
    kpis: list[KpiSelection] = Field(default_factory=list, max_length=500)
    actions: list[Action] = Field(default_factory=list, max_length=5000)
    roi: RoiInputs = Field(default_factory=RoiInputs)
    capacity: Capacity = Field(default_factory=Capacity)
    assumptions: Assumptions = Field(default_factory=Assumptions)
    review: ReviewSettings = Field(default_factory=ReviewSettings)
    # actuals[kpi selection id][period start date] = the value recorded for that period
    actuals: dict[Identifier, dict[date, Value]] = Field(default_factory=dict)
    # imported[kpi id][period start][channel]: how an imported actual was formed, per channel. It
    # counts only while it still adds up to the actual (a value typed later wins).
    imported: dict[Identifier, dict[date, dict[ChannelName, ImportedPart]]] = Field(default_factory=dict)
    notes: LongText = ""

    @model_validator(mode="before")
    @classmethod
    def _assumptions_moved_out_of_capacity(cls, data: object) -> object:
        return assumptions_moved_out_of_capacity(data)

    @field_validator("schema_version")
    @classmethod
    def _current_version(cls, v: int) -> int:
        if v != SCHEMA_VERSION:
            raise ValueError(f"schema_version must be {SCHEMA_VERSION} after migration")
        return v

    @model_validator(mode="after")
    def _references(self) -> "Project":
        check_references(self)
        return self

    # -- small conveniences used everywhere ------------------------------------------------

    def kpi(self, kpi_id: str) -> KpiSelection:
        for k in self.kpis:
            if k.id == kpi_id:
                return k
        raise KeyError(kpi_id)

    def remove_kpi(self, kpi_id: str) -> None:
        """Drop a KPI with everything that points at it: its actuals, action links, goal metric."""
        self.actions = [
            a.model_copy(update={"kpi": None}) if a.kpi == kpi_id else a for a in self.actions
        ]
        self.actuals = {k: v for k, v in self.actuals.items() if k != kpi_id}
        self.imported = {k: v for k, v in self.imported.items() if k != kpi_id}
        if kpi_id in self.assumptions.monthly_change_by_kpi:
            self.assumptions.monthly_change_by_kpi = {
                k: v for k, v in self.assumptions.monthly_change_by_kpi.items() if k != kpi_id
            }
        if self.smart.metric == kpi_id:
            self.smart.metric = None
        self.kpis = [k for k in self.kpis if k.id != kpi_id]

    def choose_goal_metric(self, kpi_id: str | None) -> None:
        """Make a KPI the goal's measure, taking its numbers where the goal has none yet.

        The owner typed baseline and target once, on the KPI or on the goal; asking twice
        invites the two to disagree (the audit's M-goal-kpi-mismatch).
        """
        self.smart.metric = kpi_id
        if kpi_id is None:
            return
        kpi = self.kpi(kpi_id)
        goal = self.smart
        if goal.baseline is None and goal.target is None:
            goal.direction = kpi.direction
        if goal.baseline is None:
            goal.baseline = kpi.baseline
        if goal.target is None:
            goal.target = kpi.target if kpi.direction is not Direction.RANGE else None
        if not goal.unit:
            goal.unit = kpi.unit
        if goal.deadline is None:
            goal.deadline = kpi.deadline

    def deadline_of(self, kpi: KpiSelection) -> date:
        return kpi.deadline or self.end

    @property
    def language(self) -> Lang:
        return self.business.language


# The rules of the validators above live in plain functions: the mutation tool (docs/mutation.md)
# leaves decorated functions alone, so rules written inside a validator would never be measured.


def check_references(project: Project) -> None:
    """What no single field can check: unique KPI ids, the plan's length and years, references to
    KPIs of the plan, the limits on recorded periods and channel shares (validation_messages words
    each reason for the owner)."""
    ids = [k.id for k in project.kpis]
    seen: set[str] = set()
    for kid in ids:
        if kid in seen:
            raise ValueError(f"kpis: the id '{kid}' is used twice")
        seen.add(kid)
    if (project.end - project.start).days > 366 * 10:
        raise ValueError("end: a plan may last at most ten years")
    for name, day in (("start", project.start), ("end", project.end)):
        # Periods and forecasts step past the plan's end; year 9999 would overflow them.
        if not PLAN_YEARS[0] <= day.year <= PLAN_YEARS[1]:
            raise ValueError(f"{name}: a plan's dates must lie between {PLAN_YEARS[0]} and {PLAN_YEARS[1]}")
    for kid, series in project.actuals.items():
        if kid not in seen:
            raise ValueError(f"actuals: '{kid}' is not a KPI of this plan")
        if len(series) > MAX_PERIODS:
            raise ValueError(f"actuals.{kid}: too many periods")
    for kid, parts in project.imported.items():
        if kid not in seen:
            raise ValueError(f"imported: '{kid}' is not a KPI of this plan")
        if len(parts) > MAX_PERIODS:
            raise ValueError(f"imported.{kid}: too many periods")
        for day, channels in parts.items():
            if len(channels) > MAX_CHANNELS:
                raise ValueError(f"imported.{kid}.{day.isoformat()}: too many channels")
    for i, action in enumerate(project.actions):
        if action.kpi is not None and action.kpi not in seen:
            raise ValueError(f"actions[{i}].kpi: '{action.kpi}' is not a KPI of this plan")
    if project.smart.metric is not None and project.smart.metric not in seen:
        raise ValueError(f"smart.metric: '{project.smart.metric}' is not a KPI of this plan")


def assumptions_moved_out_of_capacity(data: object) -> object:
    """Early version-2 files kept two assumptions under ``capacity``: read them into ``assumptions``.

    Nothing else changed, so the files stay version 2; the next save writes the new place.
    """
    if not isinstance(data, dict) or not isinstance(data.get("capacity"), dict):
        return data
    capacity = data["capacity"]
    if "cost_per_follower" not in capacity and "organic_growth_per_post" not in capacity:
        return data
    data = {**data, "capacity": dict(capacity)}
    cost = data["capacity"].pop("cost_per_follower", None)
    growth = data["capacity"].pop("organic_growth_per_post", None)
    moved = dict(data.get("assumptions") or {}) if isinstance(data.get("assumptions") or {}, dict) else None
    if moved is None:
        return data  # a malformed 'assumptions' is reported by the normal validation
    if cost is not None:
        moved.setdefault("cost_per_follower", cost)
    if growth is not None and growth != 0.02:  # 0.02 was the written-out default
        moved.setdefault("organic_growth_per_post", growth)
    data["assumptions"] = moved
    return data


def without_control_characters(value: object, field: FieldInfo) -> object:
    """Control characters break XML inside xlsx and PDF text; tabs and newlines are fine. A text
    over its field's length limit stays as written, so the limit refuses it as the JSON Schema does."""
    if isinstance(value, str) and _CONTROL.search(value):
        limits = [m.max_length for m in field.metadata if isinstance(m, MaxLen)]
        if limits and len(value) > min(limits):
            return value
        return _CONTROL.sub("", value)
    return value
