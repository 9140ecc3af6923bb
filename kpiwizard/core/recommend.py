"""What to measure first: the few KPIs a small business starts with, and the goal's own measure.

The catalog's presets rank KPIs per business goal x strategy (the neighbourhood shop has its own
chain). A one-person business cannot keep seven numbers up to date, so this module cuts a preset to
the handful one person can record (``resources/reference/recommend.json``) and says in one plain
line why each one is there: the number that measures the goal, the result in customers or money,
the numbers that tell early how it goes, and the owner's own effort.

It also ranks the catalog's KPIs for the SMART step's "what will you measure it by" question, and
makes a catalog KPI the goal's measure (added as the plan's first KPI, numbers shared both ways).
Pure: no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .catalog import Catalog, CatalogKpi, load_catalog
from .enums import Direction, Indicator, KpiKind, Lang, Perspective, Source
from .kpiview import selection_from_catalog
from .models import KpiSelection, Project
from .reference import plan_rule, reference
from .text import Text, t


class Role(str, Enum):
    GOAL = "goal"  # measures the goal itself
    RESULT = "result"  # customers or money the plan brings
    EARLY = "early"  # moves before the result (leading)
    SIGNAL = "signal"  # what customers already did, not yet money (lagging)
    PROCESS = "process"  # how well the shop's own side works (answers, site, ads)
    EFFORT = "effort"  # what the owner does


# Plain words first, the term in brackets.
ROLE_NAMES: dict[Role, Text] = {
    Role.GOAL: t("목표 자체를 재는 숫자", "Measures the goal itself"),
    Role.RESULT: t("손님·매출로 이어졌는지 보여 주는 숫자 (결과 지표)",
                   "Shows whether it brought customers or sales (outcome)"),
    Role.EARLY: t("결과를 미리 알려 주는 숫자 (선행 지표)", "Tells early how the result will go (leading indicator)"),
    Role.SIGNAL: t("손님이 이미 한 일을 세는 숫자 (후행 지표)", "Counts what customers already did (lagging indicator)"),
    Role.PROCESS: t("우리 쪽 일이 잘 돌아가는지 보여 주는 숫자 (과정 지표)",
                    "Shows how well your side works (process indicator)"),
    Role.EFFORT: t("사장님이 직접 하는 일을 세는 숫자 (활동 지표)", "Counts what you do yourself (activity)"),
}


@dataclass(frozen=True)
class Recommendation:
    kpi: CatalogKpi
    role: Role

    @property
    def role_name(self) -> Text:
        return ROLE_NAMES[self.role]

    @property
    def reason(self) -> Text:
        """One line: what kind of number it is, then why it matters (the catalog's sentence)."""
        role, why = ROLE_NAMES[self.role], self.kpi.why
        return t(f"{role.ko} — {why.ko}", f"{role.en} — {why.en}")


def _rules() -> dict:
    return reference("recommend")


def how_many(n: int | None = None) -> int:
    """The number of recommendations: ``n`` kept within 3-5, the data's default when None."""
    rule = _rules()["how_many"]
    if n is None:
        n = int(rule["default"])
    return max(int(rule["min"]), min(int(rule["max"]), n))


def business_kind(project: Project) -> str | None:
    """"local_shop" when a channel is a neighbourhood shop's (Naver Place, Kakao channel, Daangn,
    a delivery app); None for every other business (the general presets)."""
    words = [w.casefold() for w in _rules()["local_shop"]["channel_words"]]
    for channel in project.business.channels:
        name = channel.name.casefold()
        if any(w in name for w in words):
            return "local_shop"
    return None


def _activity_ids() -> set[str]:
    return set(plan_rule("activity_kpis")["ids"])


def _measure_key(project: Project, preset: list[str], catalog: Catalog):
    """Sort key for the goal's measure: a result first; a neighbourhood shop's result it can count at
    the till before one that needs a CRM; the preset's rank; lagging before leading; catalog order."""
    order = {k.id: i for i, k in enumerate(catalog.kpis)}

    def key(k: CatalogKpi):
        return (
            not k.outcome,
            k.outcome and business_kind(project) == "local_shop" and not _countable(project, k),
            k.paid,
            preset.index(k.id) if k.id in preset else len(preset),
            k.indicator is not Indicator.LAGGING,
            order[k.id],
        )
    return key


def _countable(project: Project, k: CatalogKpi) -> bool:
    """A result a neighbourhood shop counts by hand (coupons at the till), not in a CRM: a count of
    customers or orders (a flow), not a ratio such as ROI."""
    countable = {Source(s) for s in _rules()["local_shop"]["countable_sources"]}
    return (business_kind(project) == "local_shop" and k.outcome and k.kind is KpiKind.FLOW
            and k.source in countable)


def _role(k: CatalogKpi) -> Role:
    if k.outcome:
        return Role.RESULT
    if k.id in _activity_ids():
        return Role.EFFORT
    if k.perspective is Perspective.INTERNAL:
        return Role.PROCESS
    return Role.EARLY if k.indicator is Indicator.LEADING else Role.SIGNAL


def _preset(project: Project, catalog: Catalog) -> list[CatalogKpi]:
    goal = project.business_goal
    return catalog.preset(goal.social_goal, goal.objective, business=business_kind(project))


def goal_measures(project: Project, catalog: Catalog | None = None) -> list[Recommendation]:
    """Catalog KPIs that can measure the plan's business goal, best first, each with its reason.

    Vanity numbers and the owner's own activity (posts, training hours) are left out: they cannot
    be the goal itself (the audit's S-channel-metric and S-goal-is-activity)."""
    catalog = catalog or load_catalog()
    goal = project.business_goal.social_goal
    preset = [k.id for k in _preset(project, catalog)]
    activity = _activity_ids()
    found = [k for k in catalog.kpis if goal in k.goals and not k.vanity and k.id not in activity]
    found.sort(key=_measure_key(project, preset, catalog))
    return [Recommendation(k, Role.GOAL if i == 0 else _role(k)) for i, k in enumerate(found)]


def recommend(project: Project, n: int | None = None, catalog: Catalog | None = None) -> list[Recommendation]:
    """The 3-5 KPIs to start with for the plan's goal x strategy, in the order to show them.

    The goal's measure (the plan's own when it has one), a result in customers or money when that
    measure is not one, the preset's customer-side numbers that serve the goal (then the others),
    and one number for the owner's own effort. Taken from the preset (the neighbourhood shop's when
    the business is one), so every pick is one the catalog ranks for this goal and strategy."""
    catalog = catalog or load_catalog()
    n = how_many(n)
    goal = project.business_goal.social_goal
    preset = [k for k in _preset(project, catalog) if not k.vanity]
    picks: list[Recommendation] = []

    metric = next((k for k in project.kpis if k.id == project.smart.metric), None)
    measured_outcome = False
    if metric is not None and metric.catalog_id is not None and catalog.get(metric.catalog_id) is not None:
        picks.append(Recommendation(catalog.kpi(metric.catalog_id), Role.GOAL))
    elif metric is not None and metric.custom is not None:
        measured_outcome = metric.custom.outcome  # the owner's own measure: no catalog one beside it
    else:
        # the preset's best measure, or a neighbourhood shop's result it counts at the till
        in_preset = {k.id for k in preset}
        measures = [m for m in goal_measures(project, catalog) if m.kpi.id in in_preset or _countable(project, m.kpi)]
        measures = measures or goal_measures(project, catalog)
        if measures:
            picks.append(Recommendation(measures[0].kpi, Role.GOAL))
    taken = {r.kpi.id for r in picks}

    if not measured_outcome and not any(r.kpi.outcome for r in picks):
        outcomes = sorted((k for k in preset if k.outcome and k.id not in taken),
                          key=_measure_key(project, [k.id for k in preset], catalog))
        if outcomes:
            picks.append(Recommendation(outcomes[0], Role.RESULT))
            taken.add(outcomes[0].id)

    effort = next((k for k in preset if k.id not in taken and _role(k) is Role.EFFORT and not k.paid), None)
    customer_side = [k for k in preset if k.id not in taken and _role(k) is not Role.EFFORT]
    customer_side.sort(key=lambda k: goal not in k.goals)  # stable: the preset's order within each
    # at most two picks so far and n >= 3: room is never negative, and the effort always fits
    room = n - len(picks) - (1 if effort is not None else 0)
    picks += [Recommendation(k, _role(k)) for k in customer_side[:room]]
    if effort is not None:
        picks.append(Recommendation(effort, Role.EFFORT))
    return picks


def _untouched_goal_kpi(project: Project, catalog: Catalog) -> KpiSelection | None:
    """The goal's catalog KPI when it is still exactly as the SMART step added it (first in the plan,
    the goal's numbers, nothing recorded or linked): choosing another measure replaces it."""
    metric_id = project.smart.metric
    if not project.kpis or project.kpis[0].id != metric_id:
        return None
    k = project.kpis[0]
    c = catalog.get(k.catalog_id)
    if c is None or project.actuals.get(k.id) or any(a.kpi == k.id for a in project.actions):
        return None
    goal = project.smart
    if (k.baseline, k.target) != (goal.baseline, goal.target if k.direction is not Direction.RANGE else None):
        return None
    if k.owner or k.note or k.weight or k.cycles or k.target_changes or k.band_low is not None or k.band_high is not None:
        return None
    if k.id in project.assumptions.monthly_change_by_kpi:
        return None
    return k


def measure_goal_with(project: Project, catalog_id: str, lang: Lang | None = None) -> str:
    """Make a catalog KPI the goal's measure; returns the id of its selection in the plan.

    A KPI the plan already has is simply chosen. Otherwise it is added as the plan's first KPI
    with the goal's baseline, target and deadline as its numbers, and the goal takes the KPI's unit
    and direction where it has none (``Project.choose_goal_metric``). A goal KPI the SMART step added
    and nobody touched since is replaced rather than left behind."""
    catalog = load_catalog()
    existing = next((k for k in project.kpis if k.catalog_id == catalog_id), None)
    if existing is not None:
        project.choose_goal_metric(existing.id)
        return existing.id
    previous = _untouched_goal_kpi(project, catalog)
    if previous is not None:
        project.remove_kpi(previous.id)
    new = selection_from_catalog(project, catalog_id, lang)
    goal = project.smart
    new.baseline = goal.baseline
    if new.direction is not Direction.RANGE:
        new.target = goal.target
    if goal.deadline is not None and goal.deadline != project.end:
        new.deadline = goal.deadline
    project.kpis = [new, *project.kpis]
    project.choose_goal_metric(new.id)
    return new.id
