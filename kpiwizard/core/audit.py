"""The SMART audit: checks computed on the plan's numbers, each saying why it matters and what to do.

Every check is a small function that yields findings; ``CHECKS`` lists them with their id, SMART
letter and severity so that the GUI, the PDF and ``kpiwizard check`` show the same verdict.
Errors make the plan fail; warnings and notes advise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from .enums import Direction, Frequency, Lang, Severity, SmartLetter
from .formatting import format_number
from .korean import eul, eun, euro, i_ga
from .kpiview import KpiView, view_kpis
from .models import Project
from .schedule import months_between
from .text import Text, t

# Cost of one new follower through ads, by currency, when the user has not set it.
DEFAULT_COST_PER_FOLLOWER = {
    "KRW": 1500.0, "USD": 1.2, "EUR": 1.1, "GBP": 1.0, "JPY": 170.0, "CNY": 8.0,
    "CAD": 1.6, "AUD": 1.8, "TWD": 35.0, "SGD": 1.6, "VND": 28000.0,
}
# However many posts: more than half the audience again in a month is not organic growth.
MAX_ORGANIC_MONTHLY_RATE = 0.5
# A small account still gains a few followers a month for each weekly post.
MIN_ORGANIC_PER_WEEKLY_POST = 4.0
WEIGHT_TOLERANCE = 0.5


@dataclass(frozen=True)
class Finding:
    id: str
    letter: SmartLetter
    severity: Severity
    message: Text  # what is wrong and why it matters
    fix: Text  # what to change
    field: str | None = None  # where in the project, e.g. "kpis[2].target"
    kpi_id: str | None = None


@dataclass(frozen=True)
class Check:
    id: str
    letter: SmartLetter
    severity: Severity
    title: Text
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


CHECKS: list[Check] = []


def check(check_id: str, letter: SmartLetter, severity: Severity, title: Text):
    def register(fn):
        CHECKS.append(Check(check_id, letter, severity, title, fn))
        return fn

    return register


def n(value: float | None) -> str:
    return format_number(value, 1)


def q(name: str) -> str:
    return f"'{name}'"


def _kpi_field(ctx: Context, kpi: KpiView, name: str) -> str:
    return f"kpis[{ctx.position[kpi.id]}].{name}"


def _months_to_deadline(ctx: Context, deadline: date) -> float:
    return months_between(ctx.project.start, deadline)


# ----------------------------------------------------------------------------------------- S


@check("S-what-missing", SmartLetter.S, Severity.ERROR, t("무엇을 바꿀지", "What changes"))
def _what_missing(ctx: Context):
    if not ctx.project.smart.what.strip():
        yield (
            t("목표가 무엇을 바꾸는지 적혀 있지 않습니다. 대상이 모호하면 팀이 같은 방향으로 움직일 수 없습니다.",
              "The goal does not say what should change. A vague goal cannot steer the team."),
            t("예: '우리 동네 인스타그램 팔로워', '네이버 예약 문의'처럼 바꾸려는 대상을 한 줄로 적으세요.",
              "Name the one thing to change, e.g. 'Instagram followers in our neighbourhood'."),
            "smart.what", None,
        )


@check("S-audience-missing", SmartLetter.S, Severity.WARNING, t("대상 고객", "Audience"))
def _audience_missing(ctx: Context):
    if not ctx.project.business_goal.audience.strip():
        yield (
            t("메시지를 받을 사람이 정해지지 않았습니다. 누구에게 말하는지 모르면 콘텐츠가 흩어집니다.",
              "No target audience is named. Without one, content drifts."),
            t("누구에게 말하는지 적으세요. 예: '가게 반경 3km에 사는 30대 직장인'.",
              "Say who the message is for, e.g. 'office workers in their 30s within 3 km'."),
            "business_goal.audience", None,
        )


@check("S-benefit-missing", SmartLetter.S, Severity.INFO, t("혜택과 근거", "Benefit and proof"))
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


@check("S-why-missing", SmartLetter.S, Severity.INFO, t("사장님의 이유", "The owner's why"))
def _why_missing(ctx: Context):
    if not ctx.project.business_goal.why.strip():
        yield (
            t("왜 SNS를 하는지 사장님의 말로 적혀 있지 않습니다.",
              "The owner's own reason for being on social media is not written down."),
            t("'왜 이 일을 하는가'를 한두 문장으로 적어 두면 나중에 전략을 고칠 때 기준이 됩니다.",
              "One or two sentences on why: they guide every later change of course."),
            "business_goal.why", None,
        )


@check("S-channel-metric", SmartLetter.S, Severity.WARNING, t("채널 지표인가 사업 목표인가", "Channel metric or business goal"))
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


# ----------------------------------------------------------------------------------------- M


@check("M-no-kpis", SmartLetter.M, Severity.ERROR, t("KPI 선택", "KPIs chosen"))
def _no_kpis(ctx: Context):
    if not ctx.kpis:
        yield (
            t("선택한 KPI가 없습니다. 측정하지 않으면 목표에 가까워지는지 알 수 없습니다.",
              "No KPI is selected: without measuring, nobody can tell whether the goal gets closer."),
            t("목표와 전략에 맞춘 추천 KPI에서 시작하세요.", "Start from the KPIs recommended for your goal and strategy."),
            "kpis", None,
        )


@check("M-goal-unmeasured", SmartLetter.M, Severity.ERROR, t("목표를 재는 KPI", "KPI measuring the goal"))
def _goal_unmeasured(ctx: Context):
    if ctx.kpis and ctx.project.smart.metric is None:
        yield (
            t("어느 KPI도 목표 자체를 재지 않습니다. 목표를 이뤘는지 판단할 숫자가 없습니다.",
              "No KPI measures the goal itself, so nobody can say when it is reached."),
            t("SMART 목표 단계에서 목표를 재는 KPI를 하나 고르세요.", "Pick the KPI that measures the goal on the SMART step."),
            "smart.metric", None,
        )


@check("M-goal-baseline-missing", SmartLetter.M, Severity.ERROR, t("목표의 현재 값", "Goal baseline"))
def _goal_baseline(ctx: Context):
    if ctx.project.smart.baseline is None:
        yield (
            t("목표의 현재 값(기준선)이 없습니다. 출발점을 모르면 변화도 잴 수 없습니다.",
              "The goal has no baseline: without a starting point there is no change to measure."),
            t("지금 숫자를 플랫폼 인사이트에서 확인해 적으세요.", "Read today's number in the platform's insights and enter it."),
            "smart.baseline", None,
        )


@check("M-goal-target-missing", SmartLetter.M, Severity.ERROR, t("목표 값", "Goal target"))
def _goal_target(ctx: Context):
    if ctx.project.smart.target is None:
        yield (
            t("목표 값이 없습니다. 숫자로 된 목표가 있어야 달성 여부를 판단할 수 있습니다.",
              "The goal has no target value; only a number can be reached or missed."),
            t("마감일에 도달하고 싶은 숫자를 적으세요.", "Enter the number you want to reach by the deadline."),
            "smart.target", None,
        )


@check("M-goal-kpi-mismatch", SmartLetter.M, Severity.WARNING, t("목표와 KPI 숫자 일치", "Goal and KPI agree"))
def _goal_kpi_mismatch(ctx: Context):
    goal = ctx.project.smart
    metric = next((k for k in ctx.kpis if k.id == goal.metric), None)
    if metric is None or metric.direction is Direction.RANGE:
        return
    differs = [
        name for name, a, b in (
            ("baseline", goal.baseline, metric.baseline), ("target", goal.target, metric.target)
        ) if a is not None and b is not None and a != b
    ]
    if differs or (goal.direction is not metric.direction):
        yield (
            t(f"목표의 숫자·방향과 KPI '{metric.names.ko}'의 설정이 다릅니다. 두 곳에서 다른 목표를 쫓게 됩니다.",
              f"The goal and its KPI '{metric.names.en}' disagree on numbers or direction; the team would chase two goals."),
            t("목표의 기준선·목표 값·방향을 KPI와 같게 맞추세요.", "Make the goal's baseline, target and direction match the KPI's."),
            "smart.target", metric.id,
        )


@check("M-kpi-baseline-missing", SmartLetter.M, Severity.ERROR, t("KPI 기준선", "KPI baselines"))
def _kpi_baseline(ctx: Context):
    for k in ctx.kpis:
        if k.baseline is None:
            yield (
                t(f"'{k.names.ko}'의 기준선이 없습니다. 진척도를 계산할 수 없습니다.",
                  f"'{k.names.en}' has no baseline, so its progress cannot be computed."),
                t("지금 값을 확인해 기준선에 적으세요.", "Look up today's value and enter it as the baseline."),
                _kpi_field(ctx, k, "baseline"), k.id,
            )


@check("M-kpi-target-missing", SmartLetter.M, Severity.ERROR, t("KPI 목표 값", "KPI targets"))
def _kpi_target(ctx: Context):
    for k in ctx.kpis:
        if k.direction is Direction.RANGE:
            continue
        if k.target is None:
            yield (
                t(f"'{k.names.ko}'에 목표 값이 없습니다. 숫자 목표가 없는 KPI는 관찰일 뿐입니다.",
                  f"'{k.names.en}' has no target; a KPI without a number is only an observation."),
                t("마감일까지 도달할 숫자를 정하세요.", "Set the number to reach by the deadline."),
                _kpi_field(ctx, k, "target"), k.id,
            )


@check("M-band-missing", SmartLetter.M, Severity.ERROR, t("범위 KPI의 범위", "Band of a range KPI"))
def _band_missing(ctx: Context):
    for k in ctx.kpis:
        if k.direction is Direction.RANGE and (k.band_low is None or k.band_high is None):
            yield (
                t(f"{eun(q(k.names.ko))} 범위 유지 KPI인데 하한과 상한이 모두 정해지지 않았습니다.",
                  f"'{k.names.en}' keeps a value in a band, but the band's low and high ends are not both set."),
                t("유지할 범위의 아래 값과 위 값을 적으세요.", "Enter both ends of the band to keep."),
                _kpi_field(ctx, k, "band_low"), k.id,
            )


@check("M-percent-range", SmartLetter.M, Severity.ERROR, t("백분율 범위", "Percent range"))
def _percent_range(ctx: Context):
    for k in ctx.kpis:
        if not k.percent:
            continue
        values = [v for v in (k.baseline, k.target, k.band_low, k.band_high) if v is not None]
        if any(v < 0 or v > 100 for v in values):
            yield (
                t(f"{eun(q(k.names.ko))} 백분율인데 0~100을 벗어난 값이 있습니다.",
                  f"'{k.names.en}' is a percentage but has a value outside 0–100."),
                t("비율은 0에서 100 사이로 적으세요(예: 4.5%는 4.5).", "Enter percentages between 0 and 100 (4.5 % as 4.5)."),
                _kpi_field(ctx, k, "target"), k.id,
            )


@check("M-only-vanity", SmartLetter.M, Severity.WARNING, t("허영 지표만 선택", "Only vanity KPIs"))
def _only_vanity(ctx: Context):
    if ctx.kpis and all(k.vanity for k in ctx.kpis):
        yield (
            t("선택한 KPI가 모두 허영 지표입니다. 좋아 보이는 숫자가 늘어도 사업이 나아졌는지 알 수 없습니다.",
              "Every selected KPI is a vanity metric: they can look good while the business stands still."),
            t("문의, 가입, 주문처럼 가치 있는 상호작용을 세는 KPI를 더하세요.",
              "Add a KPI that counts qualified interactions: enquiries, sign-ups, orders."),
            "kpis", None,
        )


@check("M-no-outcome", SmartLetter.M, Severity.WARNING, t("결과 KPI", "Outcome KPI"))
def _no_outcome(ctx: Context):
    if ctx.kpis and not any(k.outcome for k in ctx.kpis) and not all(k.vanity for k in ctx.kpis):
        yield (
            t("돈이나 가치 있는 상호작용과 이어지는 결과 KPI가 없습니다. 활동이 사업에 도움이 됐는지 판단할 수 없습니다.",
              "No outcome KPI ties the plan to money or qualified interactions."),
            t("리드, 가입, 소셜 매출 같은 결과 KPI를 하나 이상 넣으세요.", "Add at least one outcome KPI such as leads, sign-ups or social revenue."),
            "kpis", None,
        )


@check("M-frequency-coarse", SmartLetter.M, Severity.WARNING, t("측정 주기", "Measurement frequency"))
def _frequency_coarse(ctx: Context):
    for k in ctx.kpis:
        days = (k.deadline - ctx.project.start).days + 1
        step = 7 if k.frequency is Frequency.WEEKLY else 30
        readings = days // step
        if days > 0 and readings < 3:
            weekly = k.frequency is Frequency.WEEKLY
            yield (
                t(f"{eun(q(k.names.ko))} 기간 안에 {readings}번만 측정됩니다. 중간에 방향을 바꿀 기회가 없습니다.",
                  f"'{k.names.en}' would be read only {readings} time(s) before its deadline: no chance to correct course."),
                t("기간을 늘리세요." if weekly else "주 단위로 측정하세요.",
                  "Lengthen the time frame." if weekly else "Measure it weekly."),
                _kpi_field(ctx, k, "frequency"), k.id,
            )


# ----------------------------------------------------------------------------------------- A


@check("A-target-equals-baseline", SmartLetter.A, Severity.ERROR, t("변화 없는 목표", "No change asked"))
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


@check("A-target-against-direction", SmartLetter.A, Severity.ERROR, t("방향과 반대인 목표", "Target against direction"))
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


@check("A-no-owner", SmartLetter.A, Severity.WARNING, t("담당자", "Owner"))
def _no_owner(ctx: Context):
    for k in ctx.kpis:
        if not k.owner.strip():
            yield (
                t(f"'{k.names.ko}'에 담당자가 없습니다. 모두의 일은 아무의 일도 아닙니다.",
                  f"'{k.names.en}' has no owner; what is everyone's job is no one's."),
                t("숫자를 챙길 사람 한 명을 적으세요.", "Name one person who looks after the number."),
                _kpi_field(ctx, k, "owner"), k.id,
            )


@check("A-weights-sum", SmartLetter.A, Severity.WARNING, t("가중치 합계", "Weights total"))
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


@check("A-no-actions", SmartLetter.A, Severity.WARNING, t("실행 계획", "Action plan"))
def _no_actions(ctx: Context):
    if not ctx.project.actions:
        yield (
            t("실행 계획이 없습니다. 구체적인 목표도 방법이 없으면 달성되지 않습니다.",
              "There is no action plan: even a specific goal is not reached without a how."),
            t("KPI마다 할 일, 채널, 담당자, 날짜를 적으세요.", "For each KPI, write the tactic, channel, owner and date."),
            "actions", None,
        )


@check("A-kpi-no-action", SmartLetter.A, Severity.INFO, t("KPI별 실행", "Action per KPI"))
def _kpi_no_action(ctx: Context):
    if not ctx.project.actions:
        return
    linked = {a.kpi for a in ctx.project.actions}
    for k in ctx.kpis:
        if k.weight > 0 and k.id not in linked:
            yield (
                t(f"{eul(q(k.names.ko))} 움직일 실행 항목이 없습니다.", f"No action is planned to move '{k.names.ko}'."),
                t("이 KPI에 연결된 실행 항목을 하나 이상 더하세요.", "Link at least one action to this KPI."),
                _kpi_field(ctx, k, "id"), k.id,
            )


@check("A-no-capacity", SmartLetter.A, Severity.WARNING, t("운영 여력", "Capacity"))
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


def cost_per_follower(project: Project) -> float | None:
    if project.capacity.cost_per_follower is not None:
        return project.capacity.cost_per_follower or None
    return DEFAULT_COST_PER_FOLLOWER.get(project.business.currency)


@dataclass(frozen=True)
class AudienceCapacity:
    months: float
    organic_per_month: float
    paid_per_month: float

    @property
    def total(self) -> float:
        return (self.organic_per_month + self.paid_per_month) * self.months


def audience_capacity(project: Project, baseline: float, deadline: date) -> AudienceCapacity:
    """Followers a business can plausibly add by ``deadline`` from posting and ad budget."""
    c = project.capacity
    rate = min(c.organic_growth_per_post * c.posts_per_week, MAX_ORGANIC_MONTHLY_RATE)
    organic = max(baseline * rate, MIN_ORGANIC_PER_WEEKLY_POST * c.posts_per_week)
    plan_months = months_between(project.start, project.end)
    cpf = cost_per_follower(project)
    paid = (project.roi.ad_spend / plan_months) / cpf if cpf else 0.0
    return AudienceCapacity(
        months=months_between(project.start, deadline), organic_per_month=organic, paid_per_month=paid
    )


@check("R-audience-capacity", SmartLetter.R, Severity.ERROR, t("팔로워 증가 여력", "Follower growth capacity"))
def _audience_capacity(ctx: Context):
    for k in ctx.kpis:
        if not k.audience or k.direction is not Direction.HIGHER:
            continue
        if k.baseline is None or k.target is None or k.target <= k.baseline:
            continue
        cap = audience_capacity(ctx.project, k.baseline, k.deadline)
        needed = k.target - k.baseline
        if needed > cap.total:
            factor = needed / cap.total if cap.total else float("inf")
            times = "∞" if factor == float("inf") else n(factor)
            shortfall = needed - cap.total
            gain = f"+{n(needed)}"
            yield (
                t(f"'{k.names.ko}' {eun(gain)} 지금의 팔로워·게시 여력·광고 예산으로 기간 안에 늘릴 수 있는 약 {n(cap.total)}의 {times}배입니다"
                  f"(부족분 {n(shortfall)}). 자원이 뒷받침하지 않는 목표는 현실적이지 않습니다.",
                  f"'{k.names.en}' {gain} is {times}× the roughly {n(cap.total)} that current followers, posting and ad budget "
                  f"can add in the time frame (short by {n(shortfall)}). A goal the resources cannot carry is not realistic."),
                t(f"목표를 약 {euro(n(k.baseline + cap.total))} 낮추거나, 기간을 늘리거나, 게시 수·광고 예산을 늘리세요.",
                  f"Lower the target to about {n(k.baseline + cap.total)}, allow more time, or add posts and ad budget."),
                _kpi_field(ctx, k, "target"), k.id,
            )


@check("R-kpi-steep", SmartLetter.R, Severity.WARNING, t("월간 변화 폭", "Monthly change"))
def _kpi_steep(ctx: Context):
    for k in ctx.kpis:
        if k.audience or k.monthly_change_limit is None or k.direction is Direction.RANGE:
            continue
        if k.baseline is None or k.target is None or k.baseline == 0:
            continue
        months = max(_months_to_deadline(ctx, k.deadline), 0.25)
        per_month = abs(k.target - k.baseline) / abs(k.baseline) / months
        if per_month > k.monthly_change_limit:
            factor = per_month / k.monthly_change_limit
            yield (
                t(f"{eun(q(k.names.ko))} 한 달에 {n(per_month * 100)}%씩 바뀌어야 합니다. 소상공인이 보통 낼 수 있는 {n(k.monthly_change_limit * 100)}%의 {n(factor)}배입니다.",
                  f"'{k.names.en}' would have to change {n(per_month * 100)} % a month, {n(factor)}× the {n(k.monthly_change_limit * 100)} % a small business usually manages."),
                t("목표를 낮추거나 기간을 늘리세요.", "Lower the target or allow more time."),
                _kpi_field(ctx, k, "target"), k.id,
            )


@check("R-paid-no-budget", SmartLetter.R, Severity.WARNING, t("광고 예산", "Ad budget"))
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


@check("R-resources-missing", SmartLetter.R, Severity.WARNING, t("쓸 자원", "Resources"))
def _resources_missing(ctx: Context):
    if not ctx.project.smart.resources.strip():
        yield (
            t("목표를 이룰 자원(콘텐츠 계획, 예산, 사람)이 적혀 있지 않습니다.",
              "The goal does not say with which resources (content plan, budget, people) it will be reached."),
            t("예: '주 3회 게시 콘텐츠 계획과 월 10만 원 광고'.", "E.g. 'a content plan of three posts a week and a small monthly ad budget'."),
            "smart.resources", None,
        )


@check("R-band-inverted", SmartLetter.R, Severity.ERROR, t("뒤집힌 범위", "Inverted band"))
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


@check("T-end-before-start", SmartLetter.T, Severity.ERROR, t("계획 기간", "Plan period"))
def _end_before_start(ctx: Context):
    if ctx.project.end <= ctx.project.start:
        yield (
            t("계획의 종료일이 시작일보다 앞서거나 같습니다.", "The plan ends on or before the day it starts."),
            t("종료일을 시작일 뒤로 정하세요.", "Set an end date after the start date."),
            "end", None,
        )


@check("T-goal-deadline-missing", SmartLetter.T, Severity.ERROR, t("목표 마감일", "Goal deadline"))
def _goal_deadline(ctx: Context):
    if ctx.project.smart.deadline is None:
        yield (
            t("목표에 마감일이 없습니다. 기한이 없으면 미루게 됩니다.", "The goal has no deadline; without one, it slips."),
            t("언제까지 이룰지 날짜를 정하세요.", "Set the date by which it is reached."),
            "smart.deadline", None,
        )


@check("T-deadline-outside-plan", SmartLetter.T, Severity.ERROR, t("계획 밖 마감일", "Deadline outside the plan"))
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
                t(f"'{k.names.ko}'의 마감일이 계획 기간 밖에 있습니다.", f"'{k.names.ko}' has a deadline outside the plan's period."),
                t("마감일을 계획 기간 안으로 옮기세요.", "Move the deadline inside the plan."),
                _kpi_field(ctx, k, "deadline"), k.id,
            )


@check("T-plan-long", SmartLetter.T, Severity.INFO, t("긴 계획", "Long plan"))
def _plan_long(ctx: Context):
    if ctx.months > 12.5:
        yield (
            t(f"계획 기간이 {n(ctx.months)}개월입니다. 1년이 넘는 목표는 중간 점검 없이는 흐지부지되기 쉽습니다.",
              f"The plan runs {n(ctx.months)} months; goals beyond a year fade without milestones."),
            t("분기마다 중간 목표를 두고 점검하세요.", "Set a milestone each quarter and review it."),
            "end", None,
        )


def audit(project: Project) -> AuditResult:
    ctx = Context(project=project, kpis=view_kpis(project))
    findings = []
    for c in CHECKS:
        for message, fix, where, kpi_id in c.run(ctx):
            findings.append(Finding(c.id, c.letter, c.severity, message, fix, where, kpi_id))
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
