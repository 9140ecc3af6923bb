"""The SMART audit: checks computed on the plan's numbers, each saying why it matters and what to do.

Every check is a small function that yields findings; ``CHECKS`` lists them with their id, SMART
letter and severity so that the GUI, the PDF and ``kpiwizard check`` show the same verdict.
Errors make the plan fail; warnings and notes advise.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from . import assumptions as assumed
from .assumptions import Assumed
from .catalog import load_catalog
from .enums import Direction, Family, Frequency, KpiKind, Lang, Severity, SmartLetter
from .formatting import count_en, format_as_typed, format_money, format_number
from .korean import eul, eun, euro, i_ga
from .kpiview import KpiView, format_kpi_value, view_kpi, view_kpis
from .models import Project
from .reference import plan_rule, threshold
from .schedule import months_between, readings_by
from .text import Text, t
from .vocab import GOAL_NAMES, PERSPECTIVE_NAMES

# Weights may total 100 ± this (rounding of shares typed by hand).
WEIGHT_TOLERANCE = 0.5
# A plan longer than this many months needs milestones.
LONG_PLAN_MONTHS = 12.5
DAYS_PER_MONTH = 30.4375


@dataclass(frozen=True)
class Finding:
    id: str
    letter: SmartLetter
    severity: Severity
    message: Text  # what is wrong and why it matters
    fix: Text  # what to change
    field: str | None = None  # where in the project, e.g. "kpis[2].target"
    kpi_id: str | None = None
    # The assumptions the verdict stood on, each with its value and source (also in the message).
    assumptions: tuple[Assumed, ...] = ()


@dataclass(frozen=True)
class Check:
    id: str
    letter: SmartLetter
    severity: Severity
    run: Callable[["Context"], Iterator[tuple[Text, Text, str | None, str | None]]]


@dataclass
class Context:
    project: Project
    kpis: list[KpiView] = field(default_factory=list)
    _position: dict[str, int] | None = None

    @property
    def position(self) -> dict[str, int]:
        """Index of each KPI id in the plan, for the field paths of findings."""
        if self._position is None:
            self._position = {k.id: i for i, k in enumerate(self.project.kpis)}
        return self._position

    @property
    def months(self) -> float:
        return months_between(self.project.start, self.project.end)


@dataclass(frozen=True)
class AuditResult:
    findings: tuple[Finding, ...]

    @property
    def passed(self) -> bool:
        return not self.errors

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    def by_letter(self, letter: SmartLetter) -> list[Finding]:
        return [f for f in self.findings if f.letter is letter]

    def letter_verdict(self, letter: SmartLetter) -> Severity | None:
        """The worst severity found under a letter; None when the letter passes clean."""
        found = {f.severity for f in self.by_letter(letter)}
        for level in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            if level in found:
                return level
        return None

    def for_kpi(self, kpi_id: str) -> list[Finding]:
        return [f for f in self.findings if f.kpi_id == kpi_id]


def n(value: float | None) -> str:
    return format_number(value, 1)


def q(name: str) -> str:
    return f"'{name}'"


def _kpi_field(ctx: Context, kpi: KpiView, name: str) -> str:
    return f"kpis[{ctx.position[kpi.id]}].{name}"


def _months_to_deadline(ctx: Context, deadline: date) -> float:
    return months_between(ctx.project.start, deadline)


# ----------------------------------------------------------------------------------------- S


def _what_missing(ctx: Context):
    if not ctx.project.smart.what.strip():
        yield (
            t("목표가 무엇을 바꾸는지 적혀 있지 않습니다. 대상이 모호하면 팀이 같은 방향으로 움직일 수 없습니다.",
              "The goal does not say what should change. A vague goal cannot steer the team."),
            t("예: '우리 동네 인스타그램 팔로워', '네이버 예약 문의'처럼 바꾸려는 대상을 한 줄로 적으세요.",
              "Name the one thing to change, e.g. 'Instagram followers in our neighbourhood'."),
            "smart.what", None,
        )


def _audience_missing(ctx: Context):
    if not ctx.project.business_goal.audience.strip():
        yield (
            t("메시지를 받을 사람이 정해지지 않았습니다. 누구에게 말하는지 모르면 콘텐츠가 흩어집니다.",
              "No target audience is named. Without one, content drifts."),
            t("누구에게 말하는지 적으세요. 예: '가게 반경 3km에 사는 30대 직장인'.",
              "Say who the message is for, e.g. 'office workers in their 30s within 3 km'."),
            "business_goal.audience", None,
        )


def _benefit_missing(ctx: Context):
    g = ctx.project.business_goal
    if not g.benefit.strip() or not g.reason_to_believe.strip():
        yield (
            t("고객이 얻는 혜택이나 그것을 믿을 근거가 비어 있습니다.",
              "The benefit offered or the reason to believe it is missing."),
            t("고객이 원하는 것, 우리가 주는 혜택, 믿을 근거를 한 줄씩 적으면 콘텐츠 주제가 저절로 나옵니다.",
              "Write what they want, what you offer and why they should believe it: topics follow."),
            "business_goal.benefit", None,
        )


def _why_missing(ctx: Context):
    if not ctx.project.business_goal.why.strip():
        yield (
            t("왜 SNS를 하는지 사장님의 말로 적혀 있지 않습니다.",
              "The owner's own reason for being on social media is not written down."),
            t("'왜 이 일을 하는가'를 한두 문장으로 적어 두면 나중에 전략을 고칠 때 기준이 됩니다.",
              "One or two sentences on why: they guide every later change of course."),
            "business_goal.why", None,
        )


def _channel_metric(ctx: Context):
    metric = next((k for k in ctx.kpis if k.id == ctx.project.smart.metric), None)
    if metric is not None and metric.vanity:
        has_outcome = any(k.outcome for k in ctx.kpis)
        if not has_outcome:
            yield (
                t(f"목표 지표 {eun(q(metric.names.ko))} 채널 지표입니다. 숫자가 늘어도 매출이나 문의로 이어진다는 보장이 없습니다.",
                  f"The goal's metric '{metric.names.en}' is a channel metric: it can grow without bringing a single order."),
                t("방문, 문의, 주문처럼 사업 결과로 이어지는 결과 KPI를 함께 두세요.",
                  "Add an outcome KPI (visits, enquiries, orders) that ties the goal to the business."),
                "smart.metric", metric.id,
            )


def vague_goal(what: str) -> bool:
    """A goal naming only uncountable change ('brand awareness up', 'do better') and nothing to count."""
    rules = plan_rule("vague_goal")
    text = what.casefold()
    if not text.strip():
        return False  # S-what-missing says so
    countable = any(word.casefold() in text for word in rules["countable_words"])
    vague = any(word.casefold() in text for word in rules["vague_words"])
    return vague and not countable


def _what_vague(ctx: Context):
    what = ctx.project.smart.what.strip()
    if vague_goal(what):
        yield (
            t(f"목표 '{what}'에는 셀 수 있는 대상이 없습니다. 숫자를 채워도 무엇이 몇에서 몇으로 바뀌는지 알 수 없어, 이룬 날을 아무도 알아보지 못합니다.",
              f"The goal '{what}' names nothing that can be counted. Even with numbers filled in, nobody can tell what goes from what to what, or when it is reached."),
            t("예: '페이스북 브랜드 인지도 향상' 대신 '우리 동네 페이스북 팔로워'처럼 셀 수 있는 대상을 적으세요.",
              "Name something countable: instead of 'improve Facebook brand awareness', write 'Facebook followers in our city'."),
            "smart.what", None,
        )


def activity_kpi(catalog_id: str | None) -> bool:
    return catalog_id in plan_rule("activity_kpis")["ids"]


def _goal_is_activity(ctx: Context):
    metric = next((k for k in ctx.kpis if k.id == ctx.project.smart.metric), None)
    if metric is None or not activity_kpi(metric.catalog_id):
        return
    proposals = _goal_proposals(ctx)
    yield (
        t(f"목표를 {euro(q(metric.names.ko))} 재고 있습니다. 이것은 사장님이 하는 일(활동)이지 결과가 아닙니다. 게시를 다 해도 손님이 늘었는지는 알 수 없습니다.",
          f"The goal is measured by '{metric.names.en}': that is what you do, not what it achieves. Every post can go out while no customer notices."),
        t(f"목표는 결과로 재고(예: {_names(proposals, 'ko')}), {eun(q(metric.names.ko))} 실행 계획이나 선행 KPI로 두세요.",
          f"Measure the goal by a result (e.g. {_names(proposals, 'en')}) and keep '{metric.names.en}' as an action or a leading KPI."),
        "smart.metric", metric.id,
    )


# ----------------------------------------------------------------------------------------- M


def _no_kpis(ctx: Context):
    if not ctx.kpis:
        yield (
            t("선택한 KPI가 없습니다. 측정하지 않으면 목표에 가까워지는지 알 수 없습니다.",
              "No KPI is selected: without measuring, nobody can tell whether the goal gets closer."),
            t("목표와 전략에 맞춘 추천 KPI에서 시작하세요.", "Start from the KPIs recommended for your goal and strategy."),
            "kpis", None,
        )


def _goal_unmeasured(ctx: Context):
    if ctx.kpis and ctx.project.smart.metric is None:
        yield (
            t("어느 KPI도 목표 자체를 재지 않습니다. 목표를 이뤘는지 판단할 숫자가 없습니다.",
              "No KPI measures the goal itself, so nobody can say when it is reached."),
            t("SMART 목표 단계에서 목표를 재는 KPI를 하나 고르세요.", "Pick the KPI that measures the goal on the SMART step."),
            "smart.metric", None,
        )


def _goal_baseline(ctx: Context):
    if ctx.project.smart.baseline is None:
        yield (
            t("목표의 현재 값(기준선)이 없습니다. 출발점을 모르면 변화도 잴 수 없습니다.",
              "The goal has no baseline: without a starting point there is no change to measure."),
            t("지금 숫자를 플랫폼 인사이트에서 확인해 적으세요.", "Read today's number in the platform's insights and enter it."),
            "smart.baseline", None,
        )


def _goal_target(ctx: Context):
    if ctx.project.smart.target is None:
        yield (
            t("목표 값이 없습니다. 숫자로 된 목표가 있어야 달성 여부를 판단할 수 있습니다.",
              "The goal has no target value; only a number can be reached or missed."),
            t("마감일에 도달하고 싶은 숫자를 적으세요.", "Enter the number you want to reach by the deadline."),
            "smart.target", None,
        )


def _goal_kpi_mismatch(ctx: Context):
    goal = ctx.project.smart
    metric = next((k for k in ctx.kpis if k.id == goal.metric), None)
    if metric is None or metric.direction is Direction.RANGE:
        return
    differs = any(a is not None and b is not None and a != b
                  for a, b in ((goal.baseline, metric.baseline), (goal.target, metric.target)))
    if differs or goal.direction is not metric.direction:
        yield (
            t(f"목표의 숫자·방향과 KPI '{metric.names.ko}'의 설정이 다릅니다. 두 곳에서 다른 목표를 쫓게 됩니다.",
              f"The goal and its KPI '{metric.names.en}' disagree on numbers or direction; the team would chase two goals."),
            t("목표의 기준선·목표 값·방향을 KPI와 같게 맞추세요.", "Make the goal's baseline, target and direction match the KPI's."),
            "smart.target", metric.id,
        )


def _kpi_baseline(ctx: Context):
    for k in ctx.kpis:
        if k.baseline is None and not (_measure_first_kpi(k) and k.id != ctx.project.smart.metric):
            yield (
                t(f"'{k.names.ko}'의 기준선이 없습니다. 진척도를 계산할 수 없습니다.",
                  f"'{k.names.en}' has no baseline, so its progress cannot be computed."),
                t("지금 값을 확인해 기준선에 적으세요.", "Look up today's value and enter it as the baseline."),
                _kpi_field(ctx, k, "baseline"), k.id,
            )


def _kpi_target(ctx: Context):
    for k in ctx.kpis:
        if k.direction is Direction.RANGE or (_measure_first_kpi(k) and k.id != ctx.project.smart.metric):
            continue
        if k.target is None:
            yield (
                t(f"'{k.names.ko}'에 목표 값이 없습니다. 숫자 목표가 없는 KPI는 관찰일 뿐입니다.",
                  f"'{k.names.en}' has no target; a KPI without a number is only an observation."),
                t("마감일까지 도달할 숫자를 정하세요.", "Set the number to reach by the deadline."),
                _kpi_field(ctx, k, "target"), k.id,
            )


def _band_missing(ctx: Context):
    for k in ctx.kpis:
        if k.direction is Direction.RANGE and (k.band_low is None or k.band_high is None) and not _measure_first_kpi(k):
            # Name the end that is missing (and point to it): "하한과 상한이 모두 정해지지 않았습니다"
            # read as "neither is set" when one of them was.
            missing, where = ((t("하한과 상한이", "its low and high ends are"), "band_low")
                              if k.band_low is None and k.band_high is None
                              else (t("하한이", "its low end is"), "band_low") if k.band_low is None
                              else (t("상한이", "its high end is"), "band_high"))
            yield (
                t(f"{eun(q(k.names.ko))} 범위 유지 KPI인데 {missing.ko} 정해지지 않았습니다.",
                  f"'{k.names.en}' keeps a value in a band, but {missing.en} not set."),
                t("유지할 범위의 아래 값과 위 값을 적으세요.", "Enter both ends of the band to keep."),
                _kpi_field(ctx, k, where), k.id,
            )


def _natural_range_text(k: KpiView) -> Text:
    low, high = k.natural_min, k.natural_max
    # Every range with a ceiling has a floor (shares 0–100, ratings 1–5: the catalog and custom_kind);
    # a KPI with neither is never asked about.
    if high is not None:
        return t(f"{n(low)}~{n(high)}", f"{n(low)}–{n(high)}")
    if k.natural_min_exclusive:
        return t(f"{n(low)}보다 큰 값", f"above {n(low)}")
    return t(f"{n(low)} 이상", f"{n(low)} or more")


def _outside(k: KpiView, v: float) -> bool:
    if k.natural_min is not None and (v < k.natural_min or (k.natural_min_exclusive and v == k.natural_min)):
        return True
    return k.natural_max is not None and v > k.natural_max


def _natural_range(ctx: Context):
    """Shares stay within 0-100, counts at 0 or more, times above 0, ratings within their scale;
    ratios shown as percent (ROAS, ROI, growth) are open-ended and ROI may be negative."""
    for k in ctx.kpis:  # a KPI without limits (a custom ratio) has nothing outside them
        named = [("baseline", k.baseline), ("target", k.target), ("band_low", k.band_low), ("band_high", k.band_high)]
        bad = [(name, v) for name, v in named if v is not None and _outside(k, v)]
        bad_actuals = [v for v in ctx.project.actuals.get(k.id, {}).values() if _outside(k, v)]
        if not bad and not bad_actuals:
            continue
        values = ", ".join(n(v) for v in [*(v for _, v in bad), *bad_actuals])
        allowed = _natural_range_text(k)
        where = _kpi_field(ctx, k, bad[0][0]) if bad else f"actuals.{k.id}"
        yield (
            t(f"{eun(q(k.names.ko))} {allowed.ko}만 가능한데 {i_ga(values)} 있습니다.",
              f"'{k.names.en}' can only take values {allowed.en}, but has {values}."),
            t("값을 다시 확인해 고치세요(비율은 4.5%를 4.5로 적습니다).",
              "Check the value and correct it (a percentage of 4.5 % is typed as 4.5)."),
            where, k.id,
        )


def _percent_fraction(ctx: Context):
    limit = plan_rule("fraction_as_percent")["max_value"]
    for k in ctx.kpis:
        if not k.percent:
            continue
        values = [v for v in (k.baseline, k.target, k.band_low, k.band_high) if v is not None]
        if values and all(0 <= v <= limit for v in values) and any(v > 0 for v in values):
            shown = ", ".join(format_as_typed(v) for v in values)  # 0.06 % is 0.0006, 0.075 % 0.00075
            yield (
                t(f"{q(k.names.ko)}의 값({shown})이 모두 {n(limit)} 이하입니다. 3%를 0.03처럼 소수로 적은 것 같습니다.",
                  f"Every value of '{k.names.en}' ({shown}) is {n(limit)} or less: 3 % looks typed as 0.03."),
                t("백분율은 100을 곱해 적으세요(0.03 → 3). 정말 1% 미만이라면(예: 페이스북 팔로워당 참여율은 0.1% 안팎) 그대로 두어도 됩니다.",
                  "Type percentages times 100 (0.03 → 3). If the value really is below 1 % (Facebook engagement per follower is around 0.1 %), leave it."),
                _kpi_field(ctx, k, "target"), k.id,
            )


def _goal_proposals(ctx: Context, limit: int = 3) -> list:
    """Catalog KPIs that measure the plan's business goal, outcome KPIs first, then by the preset's rank."""
    goal = ctx.project.business_goal.social_goal
    catalog = load_catalog()
    preset = [k.id for k in catalog.preset(goal, ctx.project.business_goal.objective)]
    chosen = {k.catalog_id for k in ctx.kpis}
    found = [k for k in catalog.kpis if goal in k.goals and not k.vanity and k.id not in chosen
             and k.id not in plan_rule("activity_kpis")["ids"]]
    found.sort(key=lambda k: (not k.outcome, preset.index(k.id) if k.id in preset else len(preset)))
    return found[:limit]


def _names(kpis, lang: str) -> str:
    return ", ".join(f"'{k.name.get(lang)}'" for k in kpis)


def _goal_relevance(ctx: Context):
    goal = ctx.project.business_goal.social_goal
    if not ctx.kpis or any(goal in k.goals for k in ctx.kpis):
        return
    if any(k.catalog_id is None and not k.goals for k in ctx.kpis):
        return  # a custom KPI without goal tags may serve it: M-goal-untagged asks
    name = GOAL_NAMES[goal]
    proposals = _goal_proposals(ctx)
    yield (
        t(f"사업 목표는 '{name.ko}'인데 선택한 KPI 가운데 이 목표를 재는 것이 없습니다. 숫자가 모두 좋아져도 목표에 가까워졌는지 알 수 없습니다.",
          f"The business goal is '{name.en}', yet none of the chosen KPIs measures it: every number could improve without the goal getting closer."),
        t(f"이 목표를 재는 KPI를 더하세요. 예: {_names(proposals, 'ko')}.",
          f"Add a KPI that measures it, for example {_names(proposals, 'en')}."),
        "kpis", None,
    )


def _goal_untagged(ctx: Context):
    goal = ctx.project.business_goal.social_goal
    if any(goal in k.goals for k in ctx.kpis):
        return
    for k in ctx.kpis:
        if k.catalog_id is None and not k.goals:
            yield (
                t(f"직접 만든 KPI {eun(q(k.names.ko))} 어느 사업 목표를 재는지 정해지지 않아, 계획이 '{GOAL_NAMES[goal].ko}' 목표를 재는지 판단할 수 없습니다.",
                  f"The custom KPI '{k.names.en}' names no business goal, so nothing shows the plan measures '{GOAL_NAMES[goal].en}'."),
                t("이 KPI가 재는 목표를 표시하세요.", "Tick the goal this KPI measures."),
                _kpi_field(ctx, k, "custom"), k.id,
            )


def _goal_metric_relevance(ctx: Context):
    goal = ctx.project.business_goal.social_goal
    metric = next((k for k in ctx.kpis if k.id == ctx.project.smart.metric), None)
    if metric is None or not metric.goals or goal in metric.goals:
        return
    if not any(goal in k.goals for k in ctx.kpis):
        return  # M-goal-relevance already fails the plan
    name = GOAL_NAMES[goal]
    yield (
        t(f"SMART 목표를 재는 {eun(q(metric.names.ko))} 사업 목표 {eul(q(name.ko))} 재는 지표가 아닙니다.",
          f"The SMART goal is measured by '{metric.names.en}', which does not measure the business goal '{name.en}'."),
        t("사업 목표를 재는 KPI를 SMART 목표의 지표로 고르세요.", "Make a KPI that measures the business goal the SMART goal's metric."),
        "smart.metric", metric.id,
    )


def _measure_first(ctx: Context):
    for k in ctx.kpis:
        if k.id == ctx.project.smart.metric:
            continue  # the goal itself needs its numbers (M-goal-baseline-missing)
        unmeasured = (k.baseline is None and k.target is None if k.direction is not Direction.RANGE
                      else k.baseline is None and k.band_low is None and k.band_high is None)
        if unmeasured:
            periods = "4주" if k.frequency is Frequency.WEEKLY else "2개월"
            periods_en = "four weeks" if k.frequency is Frequency.WEEKLY else "two months"
            yield (
                t(f"{eun(q(k.names.ko))} 아직 재지 않아 기준선도 목표도 없습니다. 처음부터 목표를 짐작하지 않는 것은 좋은 방법입니다.",
                  f"'{k.names.en}' is not measured yet, so it has no baseline and no target. Not guessing a target is the right start."),
                t(f"먼저 {periods} 동안 기록해 기준선을 잡은 뒤, 그 기록으로 목표를 정하세요. 그때까지 이 KPI는 진척 계산에서 빠집니다.",
                  f"Establish the baseline first: record it for {periods_en}, then set the target from those readings. Until then it is left out of progress."),
                _kpi_field(ctx, k, "baseline"), k.id,
            )


def _measure_first_kpi(k: KpiView) -> bool:
    if k.direction is Direction.RANGE:
        return k.baseline is None and k.band_low is None and k.band_high is None
    return k.baseline is None and k.target is None


def _only_vanity(ctx: Context):
    if ctx.kpis and all(k.vanity for k in ctx.kpis):
        yield (
            t("선택한 KPI가 모두 허영 지표입니다. 좋아 보이는 숫자가 늘어도 사업이 나아졌는지 알 수 없습니다.",
              "Every selected KPI is a vanity metric: they can look good while the business stands still."),
            t("문의, 가입, 주문처럼 가치 있는 상호작용을 세는 KPI를 더하세요.",
              "Add a KPI that counts qualified interactions: enquiries, sign-ups, orders."),
            "kpis", None,
        )


def _no_outcome(ctx: Context):
    if ctx.kpis and not any(k.outcome for k in ctx.kpis) and not all(k.vanity for k in ctx.kpis):
        yield (
            t("돈이나 가치 있는 상호작용과 이어지는 결과 KPI가 없습니다. 활동이 사업에 도움이 됐는지 판단할 수 없습니다.",
              "No outcome KPI ties the plan to money or qualified interactions."),
            t("리드, 가입, 소셜 매출 같은 결과 KPI를 하나 이상 넣으세요.", "Add at least one outcome KPI such as leads, sign-ups or social revenue."),
            "kpis", None,
        )


def _frequency_coarse(ctx: Context):
    for k in ctx.kpis:
        days = (k.deadline - ctx.project.start).days + 1
        readings = readings_by(ctx.project.start, ctx.project.end, k.deadline, k.frequency)
        if days > 0 and readings < 3:
            weekly = k.frequency is Frequency.WEEKLY
            yield (
                t(f"{eun(q(k.names.ko))} 기간 안에 {readings}번만 측정됩니다. 중간에 방향을 바꿀 기회가 없습니다.",
                  f"'{k.names.en}' would be read only {count_en(readings, 'time')} before its deadline: no chance to correct course."),
                t("기간을 늘리세요." if weekly else "주 단위로 측정하세요.",
                  "Lengthen the time frame." if weekly else "Measure it weekly."),
                _kpi_field(ctx, k, "frequency"), k.id,
            )


_PERSPECTIVE_HINTS = {
    "financial": t("매출·리드 같은 사업 결과", "business results such as revenue or leads"),
    "customer": t("고객이 보고 반응하는 것(도달, 댓글, 방문)", "what customers see and do (reach, comments, visits)"),
    "internal": t("우리가 하는 일(게시, 응답 시간)", "what you do (posting, response time)"),
    "learning": t("배우고 익히는 것(전술 실험, 응대 교육)", "what you learn (tactic tests, reply training)"),
}


def _map_empty(ctx: Context):
    from .strategy_map import map_gaps

    if not ctx.kpis:
        return
    for p in map_gaps(ctx.project).empty:
        name = PERSPECTIVE_NAMES[p]
        hint = _PERSPECTIVE_HINTS[p.value]
        yield (
            t(f"전략 지도의 '{name.ko}' 관점에 KPI가 없습니다. 지도에는 이곳에 들어갈 만한 목표를 '(제안)'으로 보여 줍니다.",
              f"The strategy map's '{name.en}' perspective holds no KPI; the map shows the objectives that "
              f"belong there as '(suggested)'."),
            t(f"이 관점에는 {hint.ko}을 재는 KPI가 들어갑니다. 작은 가게라면 비워 두어도 되지만, 의도한 것인지 확인하세요.",
              f"It holds KPIs for {hint.en}. A small shop may leave it empty; make sure that is a choice."),
            "kpis", None,
        )


# ----------------------------------------------------------------------------------------- A


def _target_equals(ctx: Context):
    for k in ctx.kpis:
        if k.direction is not Direction.RANGE and k.baseline is not None and k.target == k.baseline:
            yield (
                t(f"'{k.names.ko}'의 목표 값이 기준선과 같습니다. 아무것도 바꾸지 않는 목표입니다.",
                  f"'{k.names.en}' has its target equal to its baseline: it asks for no change."),
                t("지키는 것이 목적이면 방향을 '범위 유지'로 바꾸고, 아니면 목표 값을 고치세요.",
                  "If holding steady is the point, make it a range KPI; otherwise change the target."),
                _kpi_field(ctx, k, "target"), k.id,
            )


def _against_direction(ctx: Context):
    for k in ctx.kpis:
        if k.baseline is None or k.target is None or k.direction is Direction.RANGE:
            continue
        wrong = (
            k.target < k.baseline if k.direction is Direction.HIGHER else k.target > k.baseline
        )
        if wrong:
            better = "높을수록" if k.direction is Direction.HIGHER else "낮을수록"
            better_en = "higher" if k.direction is Direction.HIGHER else "lower"
            yield (
                t(f"{eun(q(k.names.ko))} {better} 좋은 지표인데 목표 {i_ga(n(k.target))} 기준선 {n(k.baseline)}보다 나쁜 쪽입니다.",
                  f"'{k.names.en}' is better when {better_en}, yet the target {n(k.target)} is worse than the baseline {n(k.baseline)}."),
                t("목표 값이나 방향을 고치세요.", "Correct the target or the direction."),
                _kpi_field(ctx, k, "target"), k.id,
            )
    goal = ctx.project.smart
    if goal.baseline is not None and goal.target is not None and goal.direction is not Direction.RANGE:
        wrong = goal.target < goal.baseline if goal.direction is Direction.HIGHER else goal.target > goal.baseline
        if wrong:
            yield (
                t("SMART 목표의 목표 값이 기준선보다 나쁜 쪽입니다.",
                  "The SMART goal's target lies on the wrong side of its baseline."),
                t("목표 값이나 방향(늘리기/줄이기)을 고치세요.", "Correct the target or the direction (increase/reduce)."),
                "smart.target", None,
            )


def _no_owner(ctx: Context):
    for k in ctx.kpis:
        if not k.owner.strip():
            yield (
                t(f"'{k.names.ko}'에 담당자가 없습니다. 모두의 일은 아무의 일도 아닙니다.",
                  f"'{k.names.en}' has no owner; what is everyone's job is no one's."),
                t("숫자를 챙길 사람 한 명을 적으세요.", "Name one person who looks after the number."),
                _kpi_field(ctx, k, "owner"), k.id,
            )


def _weights(ctx: Context):
    if not ctx.kpis:
        return
    total = sum(k.weight for k in ctx.kpis)
    if abs(total - 100) > WEIGHT_TOLERANCE:
        yield (
            t(f"KPI 가중치의 합이 {n(total)}%입니다. 100%가 아니면 우선순위가 흐려지고 종합 점수가 왜곡됩니다.",
              f"KPI weights add up to {n(total)} %, not 100 %: priorities blur and the overall score misleads."),
            t("가장 중요한 KPI(예: 매출)에 더 큰 비중을 주고 합계를 100%로 맞추세요.",
              "Give the KPI that matters most (sales, say) the largest share and make them total 100 %."),
            "kpis", None,
        )


def _no_actions(ctx: Context):
    if not ctx.project.actions:
        yield (
            t("실행 계획이 없습니다. 구체적인 목표도 방법이 없으면 달성되지 않습니다.",
              "There is no action plan: even a specific goal is not reached without a how."),
            t("KPI마다 할 일, 채널, 담당자, 날짜를 적으세요.", "For each KPI, write the tactic, channel, owner and date."),
            "actions", None,
        )


def _kpi_no_action(ctx: Context):
    if not ctx.project.actions:
        return
    linked = {a.kpi for a in ctx.project.actions}
    for k in ctx.kpis:
        if k.weight > 0 and k.id not in linked:
            yield (
                t(f"{eul(q(k.names.ko))} 움직일 실행 항목이 없습니다.", f"No action is planned to move '{k.names.en}'."),
                t("이 KPI에 연결된 실행 항목을 하나 이상 더하세요.", "Link at least one action to this KPI."),
                _kpi_field(ctx, k, "id"), k.id,
            )


def _too_many(ctx: Context):
    yield from _kpi_load(ctx, error=False)


def _far_too_many(ctx: Context):
    yield from _kpi_load(ctx, error=True)


_SIZE_NAMES = {"solo": t("1인 가게", "a one-person business"), "micro": t("2~9명 가게", "a business of 2–9 people"),
               "small": t("10~49명 회사", "a company of 10–49 people"), "medium": t("50명 이상 회사", "a company of 50 or more")}


def _kpi_load(ctx: Context, error: bool):
    rules = plan_rule("kpis_one_can_track")
    size = ctx.project.business.size.value
    limit = rules["by_size"][size]
    count = len(ctx.kpis)
    too_far = count > limit * rules["error_factor"]
    if count <= limit or too_far is not error:
        return
    weekly = sum(1 for k in ctx.kpis if k.frequency is Frequency.WEEKLY)
    readings = _whole(weekly * 52 / 12 + (count - weekly))
    who = _SIZE_NAMES[size]
    yield (
        t(f"KPI가 {count}개(매주 재는 것 {weekly}개, 한 달에 약 {readings}번 기록)입니다. {i_ga(who.ko)} 꾸준히 챙길 수 있는 것은 {limit}개 안팎입니다(KPI 마법사의 경험칙). 기록이 밀리면 판단도 멈춥니다.",
          f"{count} KPIs ({weekly} of them weekly: about {readings} readings a month). {who.en[0].upper() + who.en[1:]} can keep up with about {limit} (KPI Wizard's rule of thumb); once recording slips, judgement stops."),
        t(f"목표를 재는 KPI와 그것을 움직이는 KPI {limit}개만 남기고, 나머지는 빼거나 월 1회로 바꾸세요.",
          f"Keep the {limit} KPIs that measure the goal and drive it; drop the rest or read them monthly."),
        "kpis", None,
    )


def _no_capacity(ctx: Context):
    c = ctx.project.capacity
    if c.posts_per_week == 0 and c.hours_per_week == 0:
        yield (
            t("주당 게시 수와 운영 시간이 0입니다. 달성 가능성을 판단할 근거가 없습니다.",
              "Posts per week and hours per week are both zero: nothing shows the goal can be done."),
            t("실제로 낼 수 있는 주당 게시 수와 시간을 적으세요.", "Enter the posts and hours per week you can really give."),
            "capacity.posts_per_week", None,
        )


# ----------------------------------------------------------------------------------------- R


@dataclass(frozen=True)
class AudienceCapacity:
    """Followers a business can plausibly add by a deadline, with the assumptions it stood on."""

    months: float
    organic_per_month: float
    paid_per_month: float
    posts_per_week: float
    organic_rate: float  # monthly growth as a share of the followers, after the ceiling
    used: tuple[Assumed, ...]

    @property
    def total(self) -> float:
        return (self.organic_per_month + self.paid_per_month) * self.months


def audience_capacity(project: Project, baseline: float, deadline: date) -> AudienceCapacity:
    """Followers a business can plausibly add by ``deadline`` from posting and ad budget."""
    c = project.capacity
    growth = assumed.organic_growth_per_post(project)
    floor = assumed.min_followers_per_weekly_post(project)
    ceiling = assumed.max_organic_monthly_growth(project)
    cpf = assumed.cost_per_follower(project)
    rate = min(growth.value * c.posts_per_week, ceiling.value)
    organic = max(baseline * rate, floor.value * c.posts_per_week)
    plan_months = months_between(project.start, project.end)
    paid = (project.roi.ad_spend / plan_months) / cpf.value if cpf else 0.0  # a plan lasts a day or more
    used = (growth, floor, ceiling) + ((cpf,) if cpf else ())
    return AudienceCapacity(
        months=months_between(project.start, deadline), organic_per_month=organic, paid_per_month=paid,
        posts_per_week=c.posts_per_week, organic_rate=rate, used=used,
    )


def _whole(x: float) -> str:
    """People and other counts are whole: 40.7 followers reads '40' (every count here is 0 or more)."""
    return format_number(float(int(x + 1e-9)))


def _months_en(months: float) -> str:
    """'1 month', '2.8 months': the number as shown decides the noun (31 days are 1.02 months, shown '1')."""
    shown = format_number(months, 1)
    return f"{shown} {'month' if shown == '1' else 'months'}"


def _used(items: tuple[Assumed, ...] | list[Assumed]) -> Text:
    return t("쓴 가정: " + "; ".join(a.phrase("ko") for a in items) + ". 계획의 가정에서 바꿀 수 있습니다.",
             "Assumptions used: " + "; ".join(a.phrase("en") for a in items) + ". Change them in the plan's assumptions.")


def _audience_verdict(ctx: Context, k: KpiView, cap: AudienceCapacity):
    """(message, fix) for a follower target beyond what posting and budget can add."""
    assert k.target is not None and k.baseline is not None  # _audience_targets yields only these
    p = ctx.project
    cur = p.business.currency
    needed = k.target - k.baseline
    factor = needed / cap.total if cap.total else math.inf  # no posts and no ads: nothing adds followers
    times = "∞" if math.isinf(factor) else format_number(factor, 1)
    gain = f"+{_whole(needed)}"
    organic = _whole(cap.organic_per_month * cap.months)
    paid = _whole(cap.paid_per_month * cap.months)
    total = _whole(cap.total)
    posts = format_number(cap.posts_per_week)  # as the owner typed it (1.25 posts a week: five in four weeks)
    rate = format_number(cap.organic_rate * 100, 1)
    how = t(f"계산: 주 {posts}회 게시로 한 달에 팔로워의 {rate}%(최소 주 1회당 월 {_whole(cap.used[1].value)}명) × {format_number(cap.months, 1)}개월 = 약 {organic}명, "
            f"광고비 {euro(format_money(p.roi.ad_spend, cur))} 약 {paid}명.",
            f"Worked out: {posts} posts a week grow the followers {rate}% a month (at least {_whole(cap.used[1].value)} a month per weekly post) × "
            f"{_months_en(cap.months)} = about {organic}; ad budget {format_money(p.roi.ad_spend, cur)} adds about {paid}.")
    used = _used(cap.used)
    short = _whole(needed - cap.total + 0.999)
    message = t(
        f"{q(k.names.ko)}의 {eun(gain)} 지금의 팔로워·게시·광고 예산으로 기간 안에 늘릴 수 있는 약 {total}명의 {times}배입니다(부족분 약 {short}명). "
        f"{how.ko} {used.ko}",
        f"'{k.names.en}' {gain} is {times}× the roughly {total} that current followers, posting and ad budget can add in the "
        f"time frame (short by about {short}). {how.en} {used.en}",
    )
    shortfall = needed - cap.total
    cpf = next((a for a in cap.used if a.key == "assumptions.cost_per_follower"), None)
    per_month = cap.organic_per_month + cap.paid_per_month
    extra_weeks = shortfall / per_month * (DAYS_PER_MONTH / 7) if per_month > 0 else None
    lowered = _amount(ctx, k, float(math.floor(k.baseline + cap.total)))
    options_ko = [f"목표를 약 {euro(lowered.ko)} 낮추기"]
    options_en = [f"lower the target to about {lowered.en}"]
    weeks = int(extra_weeks + 0.999) if extra_weeks is not None else None  # whole weeks, rounded up
    if weeks is not None and weeks <= 52:  # more than a year more is no advice
        options_ko.append(f"기간을 약 {weeks}주 늘리기")
        options_en.append(f"allow about {count_en(weeks, 'more week')}")
    if cpf is not None:
        budget = format_money(shortfall * cpf.value, cur)
        options_ko.append(f"광고 예산을 약 {budget} 더하기")
        options_en.append(f"add about {budget} of ads")
    options_ko.append("게시를 늘리기")
    options_en.append("post more")
    fix = t(", ".join(options_ko) + " 가운데 하나를 고르세요.", "Choose one: " + ", ".join(options_en) + ".")
    return message, fix, factor


def _audience_targets(ctx: Context):
    for k in ctx.kpis:
        if not k.audience or k.direction is not Direction.HIGHER:
            continue
        if k.baseline is None or k.target is None:
            continue
        cap = audience_capacity(ctx.project, k.baseline, k.deadline)
        if k.target - k.baseline > cap.total:  # never for a target at or below the baseline (capacity ≥ 0)
            yield k, cap


def _audience_capacity(ctx: Context):
    stretch = threshold("audience_stretch_factor")
    for k, cap in _audience_targets(ctx):
        message, fix, factor = _audience_verdict(ctx, k, cap)
        if factor > stretch:
            message = t(message.ko + " 자원이 뒷받침하지 않는 목표는 현실적이지 않습니다.",
                        message.en + " A goal the resources cannot carry is not realistic.")
            yield message, fix, _kpi_field(ctx, k, "target"), k.id, cap.used


def _audience_stretch(ctx: Context):
    stretch = threshold("audience_stretch_factor")
    for k, cap in _audience_targets(ctx):
        message, fix, factor = _audience_verdict(ctx, k, cap)
        if factor <= stretch:
            message = t(message.ko + f" 가정보다 {n(stretch)}배 안쪽이라 새로 연 가게의 입소문 등으로 가능할 수는 있지만 빠듯합니다.",
                        message.en + f" Within {n(stretch)}× of the assumptions, a new shop's word of mouth may make it, but it is tight.")
            yield message, fix, _kpi_field(ctx, k, "target"), k.id, cap.used


def _signed_percent(k: KpiView) -> bool:
    """A ratio shown as percent that may be zero or negative (ROI, growth rates)."""
    return k.percent and k.kind is not KpiKind.SHARE and (k.natural_min is None or k.natural_min < 0)


def _change_base(k: KpiView) -> float:
    """What a KPI's change is measured against.

    Usually its baseline. ROI-like ratios: at least 100 points (break-even). A share the owner's own
    work decides (response rate, posts on schedule: the catalog's 'internal' family) is measured
    against the larger of its value and the room left to 100 %: answering every DM can take a
    response rate from 10 % to 90 % in weeks, which is no eightfold leap.
    """
    assert k.baseline is not None  # kpi_change asks only for KPIs with a baseline and a target
    if _signed_percent(k):
        return max(abs(k.baseline), threshold("signed_rate_base"))
    if k.kind is KpiKind.SHARE and k.family is Family.INTERNAL and k.catalog_id is not None:
        return max(abs(k.baseline), 100 - abs(k.baseline))
    return abs(k.baseline)


@dataclass(frozen=True)
class Change:
    per_month: float  # relative change a month (0.5 = 50 %)
    limit: Assumed
    months: float

    @property
    def factor(self) -> float:
        return self.per_month / self.limit.value


def _readings(ctx: Context, k: KpiView) -> list[tuple[date, float]]:
    series = ctx.project.actuals.get(k.id, {})
    return sorted((d, v) for d, v in series.items() if ctx.project.start <= d <= k.deadline)


def _has_history(ctx: Context, k: KpiView) -> bool:
    return len(_readings(ctx, k)) >= threshold("history_min_readings")


def kpi_change(ctx: Context, k: KpiView) -> Change | None:
    """The relative change a month a KPI's target asks for; None where it cannot be measured."""
    if k.audience or k.direction is Direction.RANGE or k.baseline is None or k.target is None:
        return None
    base = _change_base(k)
    if base == 0:
        return None
    months = max(_months_to_deadline(ctx, k.deadline), threshold("min_months"))
    return Change(abs(k.target - k.baseline) / base / months, assumed.monthly_change_limit(ctx.project, k), months)


def _steep_message(k: KpiView, c: Change) -> Text:
    pct = format_number(c.per_month * 100, 1)
    limit = c.limit.shown  # "50%", as in the assumptions listed after it
    factor = format_number(c.factor, 1)
    used = _used([c.limit])
    return t(
        f"{eun(q(k.names.ko))} {format_number(c.months, 1)}개월 동안 한 달에 {pct}%씩 바뀌어야 합니다. 소상공인이 보통 낼 수 있는 {limit.ko}의 {factor}배입니다. {used.ko}",
        f"'{k.names.en}' would have to change {pct}% a month for {_months_en(c.months)}, {factor}× the {limit.en} a small business usually manages. {used.en}",
    )


def _ease(k: KpiView) -> Text:
    """The verb that moves a target back toward its baseline: a response time of 60 → 30 minutes
    eases to 45 by raising it ("Raise the target to about 45 minutes"), a count by lowering it."""
    assert k.target is not None and k.baseline is not None  # a Change exists only with both
    return t("낮추", "Lower") if k.target > k.baseline else t("올리", "Raise")


def _kpi_unrealistic(ctx: Context):
    steep = threshold("steep_factor")
    for k in ctx.kpis:
        c = kpi_change(ctx, k)
        if c is None or c.factor <= steep or _has_history(ctx, k):
            continue
        said, target, ease = _steep_message(k, c), _target_at(ctx, k, c, steep), _ease(k)
        yield (
            t(said.ko + f" 보통의 {n(steep)}배를 넘는 목표는 현실적이지 않습니다.",
              said.en + f" Beyond {n(steep)}× the usual pace, a target is not realistic."),
            t(f"목표를 약 {euro(target.ko)} {ease.ko}거나 기간을 늘리세요. 사장님의 실제 기록이 세 번 이상 쌓이면 그 추세로 다시 판단합니다.",
              f"{ease.en} the target to about {target.en} or allow more time. Once three readings are recorded, your own trend is the yardstick."),
            _kpi_field(ctx, k, "target"), k.id, (c.limit,),
        )


def _amount(ctx: Context, k: KpiView, value: float, places: int | None = None) -> Text:
    """A value of the KPI with its unit in each language (36명 / 36 followers, 6.8%, ₩530,000)."""
    if places is not None:
        value = round(value, places)
    cur = ctx.project.business.currency
    return t(*(format_kpi_value(view_kpi(ctx.project, k.selection, lang), value, lang, cur)
               for lang in (Lang.KO, Lang.EN)))


def _target_at(ctx: Context, k: KpiView, c: Change, factor: float) -> Text:
    """The target that asks ``factor`` × the usual monthly change, rounded as the owner typed."""
    assert k.target is not None and k.baseline is not None  # a Change exists only with both
    base = _change_base(k)
    step = base * c.limit.value * factor * c.months
    value = k.baseline + step if k.target > k.baseline else k.baseline - step
    if k.natural_min is not None:
        value = max(value, k.natural_min)
    if not k.percent and all(float(v).is_integer() for v in (k.baseline, k.target)):
        # Counts typed whole stay whole, rounded toward the baseline so the advice never asks more.
        return _amount(ctx, k, float(math.floor(value) if k.target > k.baseline else math.ceil(value)))
    return _amount(ctx, k, value, 1)


def _kpi_steep(ctx: Context):
    steep = threshold("steep_factor")
    for k in ctx.kpis:
        c = kpi_change(ctx, k)
        if c is None or not 1 < c.factor <= steep or _has_history(ctx, k):
            continue
        said, target, ease = _steep_message(k, c), _target_at(ctx, k, c, 1), _ease(k)
        yield (
            t(said.ko + " 도전적인 목표입니다.", said.en + " It is a stretch."),
            t(f"목표를 약 {euro(target.ko)} {ease.ko}거나 기간을 늘리거나, 그만큼 실행을 더하세요.",
              f"{ease.en} the target to about {target.en}, allow more time, or add the actions it takes."),
            _kpi_field(ctx, k, "target"), k.id, (c.limit,),
        )


def _from_zero(ctx: Context):
    for k in ctx.kpis:
        if k.direction is Direction.RANGE or k.baseline != 0 or k.target in (None, 0) or _signed_percent(k):
            continue
        if _has_history(ctx, k):
            continue
        periods = "4주" if k.frequency is Frequency.WEEKLY else "2개월"
        periods_en = "four weeks" if k.frequency is Frequency.WEEKLY else "two months"
        yield (
            t(f"{eun(q(k.names.ko))} 0에서 시작합니다. 잰 적이 없으니 목표 {i_ga(n(k.target))} 현실적인지 판단할 근거가 없습니다.",
              f"'{k.names.en}' starts from 0: nothing measured yet shows whether {n(k.target)} is within reach."),
            t(f"먼저 {periods} 동안 기록해 기준선을 잡고, 그 기록으로 목표를 정하세요(처음 기간은 측정 기간).",
              f"Establish the baseline first: record it for {periods_en}, then set the target from those readings."),
            _kpi_field(ctx, k, "baseline"), k.id,
        )


def _trend_per_month(readings: list[tuple[date, float]]) -> float:
    """Least-squares slope of the readings, per month."""
    xs = [(d - readings[0][0]).days for d, _ in readings]
    ys = [v for _, v in readings]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        return 0.0
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx * DAYS_PER_MONTH


def _history_pace(ctx: Context):
    factor = threshold("history_factor")
    for k in ctx.kpis:
        if k.direction is Direction.RANGE or k.target is None or not _has_history(ctx, k):
            continue
        readings = _readings(ctx, k)
        last_day, last = readings[-1]
        higher = k.direction is Direction.HIGHER
        if k.target <= last if higher else k.target >= last:
            continue  # already there
        step = 7 if k.frequency is Frequency.WEEKLY else 30
        days_left = (k.deadline - last_day).days - step + 1  # from the end of the last period read
        if days_left < step:
            continue  # the last reading is the final one: the review's status says reached or missed
        months_left = max(days_left / DAYS_PER_MONTH, threshold("min_months"))
        needed = (k.target - last) / months_left
        trend = _trend_per_month(readings)
        count = len(readings)
        if not (trend > 0 if higher else trend < 0):  # flat, or moving away from the target
            ease = t("낮추", "lower") if higher else t("올리", "raise")
            yield (
                t(f"{eun(q(k.names.ko))} 기록 {count}번 동안 목표 쪽으로 움직이지 않았습니다(월 {n(trend)}). 목표 {euro(n(k.target))} 가려면 한 달에 {n(abs(needed))}씩 바뀌어야 합니다.",
                  f"'{k.names.en}' has not moved toward its target over {count} readings ({n(trend)} a month); reaching {n(k.target)} needs {n(abs(needed))} a month."),
                t(f"지금 하는 실행이 이 숫자를 움직이는지 점검하고, 방법을 바꾸거나 목표를 {ease.ko}세요.",
                  f"Check whether the current actions move this number at all; change the tactic or {ease.en} the target."),
                _kpi_field(ctx, k, "target"), k.id,
            )
        elif abs(needed) > abs(trend) * factor:
            yield (
                t(f"{eun(q(k.names.ko))} 지금까지 기록 {count}번의 추세가 한 달에 {n(abs(trend))}인데, 목표까지 남은 기간에는 한 달에 {n(abs(needed))}씩 필요합니다"
                  f"({format_number(abs(needed) / abs(trend), 1)}배). 사장님 자신의 기록이 가장 믿을 만한 기준입니다.",
                  f"'{k.names.en}' has moved {n(abs(trend))} a month over {count} readings, but the rest of the time needs {n(abs(needed))} a month "
                  f"({format_number(abs(needed) / abs(trend), 1)}×). Your own record is the most trustworthy yardstick."),
                t(f"지금 추세라면 마감일에 약 {n(last + trend * months_left)}입니다. 목표를 그쪽으로 고치거나 실행을 늘리세요.",
                  f"At this trend it ends near {n(last + trend * months_left)}; move the target there or step up the actions."),
                _kpi_field(ctx, k, "target"), k.id,
            )


REACH_KPIS = ("reach", "reach_local", "paid_reach")


def _planned_reach(ctx: Context) -> float | None:
    """People the reach KPIs aim to reach over the plan (their targets summed over its periods)."""
    days = (ctx.project.end - ctx.project.start).days + 1
    totals: dict[str, float] = {}
    for k in ctx.kpis:
        if k.catalog_id not in REACH_KPIS:
            continue
        level = k.target if k.direction is not Direction.RANGE else k.band_high
        if level is None:
            continue
        periods = days / 7 if k.frequency is Frequency.WEEKLY else days / DAYS_PER_MONTH
        totals[k.catalog_id] = max(totals.get(k.catalog_id, 0.0), level * periods)
    if not totals:
        return None
    organic = max(totals.get("reach", 0.0), totals.get("reach_local", 0.0))
    return organic + totals.get("paid_reach", 0.0)


def _funnel_gap(ctx: Context):
    from .roi import reverse_funnel

    r = ctx.project.roi
    funnel = reverse_funnel(r.funnel, r.average_order)
    planned = _planned_reach(ctx)
    if funnel is None or not planned:
        return None
    return funnel.reach, planned, funnel.reach / planned


def _funnel_message(ctx: Context, needed: int, planned: float, ratio: float):
    cur = ctx.project.business.currency
    r = ctx.project.roi
    f = r.funnel
    target = format_money(f.revenue_target, cur)
    order = format_money(r.average_order, cur)
    pct = lambda x: format_number(x * 100) + "%"  # noqa: E731  (up to two places: 1.25%)
    rates = t(f"쓴 가정(퍼널 입력값): 평균 주문 {order}, 리드 대비 구매 {pct(f.close_rate)}, 클릭 대비 리드 {pct(f.lead_rate)}, 도달 대비 클릭 {pct(f.click_rate)}.",
              f"Assumptions used (the funnel's inputs): average order {order}, customers per lead {pct(f.close_rate)}, "
              f"leads per click {pct(f.lead_rate)}, clicks per person reached {pct(f.click_rate)}.")
    return (
        t(f"목표 매출 {target}에 필요한 도달은 역산하면 약 {_whole(needed)}명인데, 도달 KPI의 목표를 계획 기간 동안 모두 더해도 약 {_whole(planned)}명입니다"
          f"({format_number(ratio, 1)}배 차이). 두 숫자가 서로 맞지 않습니다. {rates.ko}",
          f"The revenue target {target} needs about {_whole(needed)} people reached, but the reach KPIs' targets add up to about {_whole(planned)} "
          f"over the plan ({format_number(ratio, 1)}× apart). The two do not fit together. {rates.en}"),
        t("매출 목표를 낮추거나, 도달 목표를 올리거나, 퍼널의 전환율 가정을 실제 기록으로 고치세요.",
          "Lower the revenue target, raise the reach targets, or correct the funnel's conversion rates from your own records."),
        "roi.funnel.revenue_target", None,
    )


def _funnel_far(ctx: Context):
    gap = _funnel_gap(ctx)
    if gap is not None and gap[2] > threshold("funnel_gap_factor"):
        yield _funnel_message(ctx, *gap)


def _funnel_near(ctx: Context):
    gap = _funnel_gap(ctx)
    if gap is not None and 1 < gap[2] <= threshold("funnel_gap_factor"):
        yield _funnel_message(ctx, *gap)


def _margin_assumed(ctx: Context):
    p = ctx.project
    if p.roi.revenue <= 0 or p.roi.gross_margin is not None:
        return
    margin = assumed.gross_margin(p)
    yield (
        t(f"ROI와 LTV는 매출이 아니라 이익으로 계산합니다. 매출총이익률은 {margin.shown.ko}로 두었습니다({margin.source.ko}).",
          f"ROI and LTV are computed on profit, not revenue, with a gross margin of {margin.shown.en} ({margin.source.en})."),
        t("가게의 실제 매출총이익률(매출에서 재료·포장·수수료를 뺀 비율)을 ROI 단계에 적으세요.",
          "Enter your own gross margin (revenue minus ingredients, packaging and fees, as a share) on the ROI step."),
        "roi.gross_margin", None, (margin,),
    )


def _paid_no_budget(ctx: Context):
    if ctx.project.roi.ad_spend > 0:
        return
    for k in ctx.kpis:
        if k.paid:
            yield (
                t(f"{eun(q(k.names.ko))} 광고비가 있어야 움직이는데 광고 예산이 0입니다.",
                  f"'{k.names.en}' only moves with ad spend, and the ad budget is zero."),
                t("ROI 단계에서 광고 예산을 적거나 이 KPI를 빼세요.", "Enter an ad budget on the ROI step or drop this KPI."),
                "roi.ad_spend", k.id,
            )


def _resources_missing(ctx: Context):
    if not ctx.project.smart.resources.strip():
        yield (
            t("목표를 이룰 자원(콘텐츠 계획, 예산, 사람)이 적혀 있지 않습니다.",
              "The goal does not say with which resources (content plan, budget, people) it will be reached."),
            t("예: '주 3회 게시 콘텐츠 계획과 월 10만 원 광고'.", "E.g. 'a content plan of three posts a week and a small monthly ad budget'."),
            "smart.resources", None,
        )


def _band_inverted(ctx: Context):
    for k in ctx.kpis:
        if k.direction is Direction.RANGE and k.band_low is not None and k.band_high is not None:
            if k.band_low > k.band_high:
                yield (
                    t(f"'{k.names.ko}'의 하한 {i_ga(n(k.band_low))} 상한 {n(k.band_high)}보다 큽니다.",
                      f"'{k.names.en}' has its low end {n(k.band_low)} above its high end {n(k.band_high)}."),
                    t("하한과 상한을 바꿔 적으세요.", "Swap the two ends of the band."),
                    _kpi_field(ctx, k, "band_low"), k.id,
                )


# ----------------------------------------------------------------------------------------- T


def _end_before_start(ctx: Context):
    if ctx.project.end <= ctx.project.start:
        yield (
            t("계획의 종료일이 시작일보다 앞서거나 같습니다.", "The plan ends on or before the day it starts."),
            t("종료일을 시작일 뒤로 정하세요.", "Set an end date after the start date."),
            "end", None,
        )


def _goal_deadline(ctx: Context):
    if ctx.project.smart.deadline is None:
        yield (
            t("목표에 마감일이 없습니다. 기한이 없으면 미루게 됩니다.", "The goal has no deadline; without one, it slips."),
            t("언제까지 이룰지 날짜를 정하세요.", "Set the date by which it is reached."),
            "smart.deadline", None,
        )


def _deadline_outside(ctx: Context):
    p = ctx.project
    goal_deadline = p.smart.deadline
    if goal_deadline is not None and not (p.start < goal_deadline <= p.end):
        yield (
            t("목표 마감일이 계획 기간 밖에 있습니다. 추적표와 일정에 나타나지 않습니다.",
              "The goal's deadline lies outside the plan's period, so the tracker and calendar never reach it."),
            t("마감일을 계획 기간 안으로 옮기거나 계획 기간을 늘리세요.", "Move the deadline inside the plan, or extend the plan."),
            "smart.deadline", None,
        )
    for k in ctx.kpis:
        if k.selection.deadline is not None and not (p.start < k.deadline <= p.end):
            yield (
                t(f"'{k.names.ko}'의 마감일이 계획 기간 밖에 있습니다.", f"'{k.names.en}' has a deadline outside the plan's period."),
                t("마감일을 계획 기간 안으로 옮기세요.", "Move the deadline inside the plan."),
                _kpi_field(ctx, k, "deadline"), k.id,
            )


def _plan_long(ctx: Context):
    if ctx.months > LONG_PLAN_MONTHS:
        yield (
            t(f"계획 기간이 {n(ctx.months)}개월입니다. 1년이 넘는 목표는 중간 점검 없이는 흐지부지되기 쉽습니다.",
              f"The plan runs {n(ctx.months)} months; goals beyond a year fade without milestones."),
            t("분기마다 중간 목표를 두고 점검하세요.", "Set a milestone each quarter and review it."),
            "end", None,
        )


# Every check, in the order findings are listed (by letter, as the owner reads a SMART goal).
# A plain list, not a registering decorator: mutation testing (mutmut) leaves decorated functions alone.
CHECKS: list[Check] = [
    Check("S-what-missing", SmartLetter.S, Severity.ERROR, _what_missing),
    Check("S-audience-missing", SmartLetter.S, Severity.WARNING, _audience_missing),
    Check("S-benefit-missing", SmartLetter.S, Severity.INFO, _benefit_missing),
    Check("S-why-missing", SmartLetter.S, Severity.INFO, _why_missing),
    Check("S-channel-metric", SmartLetter.S, Severity.WARNING, _channel_metric),
    Check("S-what-vague", SmartLetter.S, Severity.ERROR, _what_vague),
    Check("S-goal-is-activity", SmartLetter.S, Severity.ERROR, _goal_is_activity),
    Check("M-no-kpis", SmartLetter.M, Severity.ERROR, _no_kpis),
    Check("M-goal-unmeasured", SmartLetter.M, Severity.ERROR, _goal_unmeasured),
    Check("M-goal-baseline-missing", SmartLetter.M, Severity.ERROR, _goal_baseline),
    Check("M-goal-target-missing", SmartLetter.M, Severity.ERROR, _goal_target),
    Check("M-goal-kpi-mismatch", SmartLetter.M, Severity.WARNING, _goal_kpi_mismatch),
    Check("M-kpi-baseline-missing", SmartLetter.M, Severity.ERROR, _kpi_baseline),
    Check("M-kpi-target-missing", SmartLetter.M, Severity.ERROR, _kpi_target),
    Check("M-band-missing", SmartLetter.M, Severity.ERROR, _band_missing),
    Check("M-natural-range", SmartLetter.M, Severity.ERROR, _natural_range),
    Check("M-percent-fraction", SmartLetter.M, Severity.WARNING, _percent_fraction),
    Check("M-goal-relevance", SmartLetter.M, Severity.ERROR, _goal_relevance),
    Check("M-goal-untagged", SmartLetter.M, Severity.WARNING, _goal_untagged),
    Check("M-goal-metric-relevance", SmartLetter.M, Severity.WARNING, _goal_metric_relevance),
    Check("M-measure-first", SmartLetter.M, Severity.WARNING, _measure_first),
    Check("M-only-vanity", SmartLetter.M, Severity.WARNING, _only_vanity),
    Check("M-no-outcome", SmartLetter.M, Severity.WARNING, _no_outcome),
    Check("M-frequency-coarse", SmartLetter.M, Severity.WARNING, _frequency_coarse),
    Check("M-map-empty-perspective", SmartLetter.M, Severity.INFO, _map_empty),
    Check("A-target-equals-baseline", SmartLetter.A, Severity.ERROR, _target_equals),
    Check("A-target-against-direction", SmartLetter.A, Severity.ERROR, _against_direction),
    Check("A-no-owner", SmartLetter.A, Severity.WARNING, _no_owner),
    Check("A-weights-sum", SmartLetter.A, Severity.WARNING, _weights),
    Check("A-no-actions", SmartLetter.A, Severity.WARNING, _no_actions),
    Check("A-kpi-no-action", SmartLetter.A, Severity.INFO, _kpi_no_action),
    Check("A-too-many-kpis", SmartLetter.A, Severity.WARNING, _too_many),
    Check("A-far-too-many-kpis", SmartLetter.A, Severity.ERROR, _far_too_many),
    Check("A-no-capacity", SmartLetter.A, Severity.WARNING, _no_capacity),
    Check("R-audience-capacity", SmartLetter.R, Severity.ERROR, _audience_capacity),
    Check("R-audience-stretch", SmartLetter.R, Severity.WARNING, _audience_stretch),
    Check("R-kpi-unrealistic", SmartLetter.R, Severity.ERROR, _kpi_unrealistic),
    Check("R-kpi-steep", SmartLetter.R, Severity.WARNING, _kpi_steep),
    Check("R-from-zero", SmartLetter.R, Severity.WARNING, _from_zero),
    Check("R-history-pace", SmartLetter.R, Severity.WARNING, _history_pace),
    Check("R-funnel-reach-far", SmartLetter.R, Severity.ERROR, _funnel_far),
    Check("R-funnel-reach", SmartLetter.R, Severity.WARNING, _funnel_near),
    Check("R-margin-assumed", SmartLetter.R, Severity.INFO, _margin_assumed),
    Check("R-paid-no-budget", SmartLetter.R, Severity.WARNING, _paid_no_budget),
    Check("R-resources-missing", SmartLetter.R, Severity.WARNING, _resources_missing),
    Check("R-band-inverted", SmartLetter.R, Severity.ERROR, _band_inverted),
    Check("T-end-before-start", SmartLetter.T, Severity.ERROR, _end_before_start),
    Check("T-goal-deadline-missing", SmartLetter.T, Severity.ERROR, _goal_deadline),
    Check("T-deadline-outside-plan", SmartLetter.T, Severity.ERROR, _deadline_outside),
    Check("T-plan-long", SmartLetter.T, Severity.INFO, _plan_long),
]


def audit(project: Project) -> AuditResult:
    ctx = Context(project=project, kpis=view_kpis(project))
    findings: list[Finding] = []
    used: list[Iterable[Assumed]]  # a check may add the assumptions it used after its four fields
    for c in CHECKS:
        for message, fix, where, kpi_id, *used in c.run(ctx):
            findings.append(Finding(c.id, c.letter, c.severity, message, fix, where, kpi_id,
                                    tuple(used[0]) if used else ()))
    return AuditResult(tuple(findings))


def letter_name(letter: SmartLetter, lang: Lang) -> str:
    names = {
        SmartLetter.S: t("구체적", "Specific"),
        SmartLetter.M: t("측정 가능", "Measurable"),
        SmartLetter.A: t("달성 가능", "Achievable"),
        SmartLetter.R: t("현실적", "Realistic"),
        SmartLetter.T: t("기한", "Time-bound"),
    }
    return names[letter].get(lang)
