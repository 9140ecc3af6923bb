"""The month in one page: every number the monthly report prints, computed here.

The rules, in words:

* **A month** is one of the plan's monthly periods (see ``core/checkin.py``); the report reads the
  plan *as of the month's last day*: readings dated after it are left out, and each KPI's status,
  progress and pace are the core's (``core/progress.py``) on that day. "Last month" is the same
  reading as of the previous month's last day.
* **Status** names come from the shared vocabulary (``core/vocab.py``), never spelled here.
* **What moved most** is the KPI whose progress towards its target changed most since last month
  (in shares of the way from baseline to target, direction-aware: a response time that falls is
  progress). A KPI without a target compares its relative change instead (a band without a
  baseline cannot: rising may leave the band); one without a reading in either month cannot have
  moved.
* **Furthest behind** is the KPI with the largest shortfall against the straight-line trajectory
  on the month's last day (expected share of the way − progress), among those below their on-track
  pace. Its reason is the core's numbers in words: how far it got, how far it should be, and where
  the trend ends.
* **The one thing to do next month**: for the KPI furthest behind, when its deadline has passed
  (missed), the review's new cycle for it; else the owner's own open action for it (planned or in
  progress, earliest due first), else the core's strategy suggestion for it;
  with nothing behind, the numbers still missing from the check-in; else keep going and record
  the next month on its check-in day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .checkin import is_manual, month_period, monthly_checkin, plan_months, previous_month
from .enums import ActionStatus, Direction, Frequency, Lang, Status
from .formatting import format_date, format_number
from .korean import euro, i_ga
from .kpiview import KpiView, format_kpi_value, view_kpis
from .models import Project
from .progress import KpiProgress, evaluate_kpi, overall_score, status_reason, target_point
from .remedies import RemedyKind, suggest
from .schedule import Period, periods
from .text import t
from .vocab import STATUS_NAMES


@dataclass(frozen=True)
class KpiMonth:
    kpi_id: str
    name: str
    direction: Direction
    manual: bool  # copied by hand at the check-in
    status: Status
    status_name: str
    value: float | None  # the latest reading on the month's last day
    previous: float | None  # the same on last month's last day
    progress: float | None
    previous_progress: float | None
    expected: float | None
    pace: float | None
    target: float | None  # the value aimed at (nearest band edge for a band)
    target_text: str
    value_text: str  # the value with the KPI's unit, as the target is shown ("930명", "58만원", "4.6%")
    previous_text: str
    spark: tuple[float, ...]  # readings up to the month's last day, oldest first
    missing: bool  # no reading in this month's period

    @property
    def moved(self) -> float | None:
        """Change in progress since last month (shares of the way), or the relative change."""
        if self.progress is not None and self.previous_progress is not None:
            return self.progress - self.previous_progress
        # Without progress a band's relative change says nothing (rising can leave the band).
        if self.direction is not Direction.RANGE and self.value is not None and self.previous not in (None, 0):
            change = (self.value - self.previous) / abs(self.previous)
            return -change if self.direction is Direction.LOWER else change
        return None

    @property
    def shortfall(self) -> float | None:
        if self.progress is None or self.expected is None:
            return None
        return self.expected - self.progress


@dataclass(frozen=True)
class MonthlyReport:
    period: Period
    lang: Lang
    title: str
    business: str
    month_name: str  # "2026년 3월" / "March 2026"
    kpis: tuple[KpiMonth, ...]
    moved_most: KpiMonth | None
    moved_text: str
    behind_most: KpiMonth | None
    behind_reason: str
    next_step: str
    missing: tuple[str, ...]  # names of the check-in's numbers still missing this month, each once
    overall: float | None  # weighted score on the month's last day
    previous_overall: float | None
    final: bool  # the plan's last month


def _cut(project: Project, day: date) -> Project:
    """The plan as it stood on ``day``: readings dated after it left out."""
    actuals = {k: {d: v for d, v in s.items() if d <= day} for k, s in project.actuals.items()}
    return project.model_copy(update={"actuals": {k: s for k, s in actuals.items() if s}})


def _evaluate(project: Project, day: date) -> dict[str, KpiProgress]:
    cut = _cut(project, day)
    return {k.id: evaluate_kpi(cut, k, on=day) for k in cut.kpis}


def _target_text(view: KpiView, lang: Lang, currency: str) -> str:
    if view.direction is Direction.RANGE and view.band_low is not None and view.band_high is not None:
        lo, hi = sorted((view.band_low, view.band_high))
        return f"{format_number(lo)}–{format_kpi_value(view, hi, lang, currency)}"
    return format_kpi_value(view, view.target, lang, currency)


def month_name(month: str, lang: Lang) -> str:
    year, mon = int(month[:4]), int(month[5:])
    if lang is Lang.KO:
        return f"{year}년 {mon}월"
    return format_date(date(year, mon, 1), lang).removeprefix("1 ")  # "1 March 2026" -> "March 2026"


def monthly_report(project: Project, month: str, lang: Lang | str | None = None) -> MonthlyReport:
    """Everything the one-page monthly report shows for ``month`` ("YYYY-MM")."""
    lang = Lang(lang or project.language)
    span = month_period(project, month)
    before = previous_month(project, month)
    previous_end = month_period(project, before).end if before else None
    now = _evaluate(project, span.end)
    then = _evaluate(project, previous_end) if previous_end else {}
    checkin = monthly_checkin(project, month, lang)

    rows: list[KpiMonth] = []
    views = {v.id: v for v in view_kpis(project, lang)}
    for view in views.values():
        r = now[view.id]
        p = then.get(view.id)
        own = periods(project.start, project.end, view.frequency)
        in_month = [q for q in own if span.start <= q.start <= span.end]
        recorded = {pt.period for pt in r.points}
        rows.append(KpiMonth(
            kpi_id=view.id,
            name=view.name,
            direction=view.direction,
            manual=is_manual(view),
            status=r.status,
            status_name=STATUS_NAMES[r.status].get(lang),
            value=r.latest,
            previous=p.latest if p else None,
            progress=r.progress,
            previous_progress=p.progress if p else None,
            expected=r.expected,
            pace=r.pace,
            target=target_point(view.selection),
            target_text=_target_text(view, lang, project.business.currency),
            value_text=format_kpi_value(view, r.latest, lang, project.business.currency),
            previous_text=format_kpi_value(view, p.latest if p else None, lang, project.business.currency),
            spark=tuple(pt.value for pt in r.points),
            missing=bool(in_month) and not any(q in recorded for q in in_month),
        ))

    moved = _moved_most(rows)
    behind = _behind_most(project, rows)
    title = project.title.strip() or project.business.name.strip() or t("SNS KPI 계획", "Social media KPI plan").get(lang)
    months = plan_months(project)
    # One name per KPI, however many of its weeks are missing.
    missing = tuple(dict.fromkeys(i.name for i in checkin.missing))
    return MonthlyReport(
        period=span,
        lang=lang,
        title=title,
        business=project.business.name.strip(),
        month_name=month_name(month.strip(), lang),
        kpis=tuple(rows),
        moved_most=moved,
        moved_text=_moved_text(moved, views, lang, project.business.currency),
        behind_most=behind,
        behind_reason=_behind_reason(behind, now[behind.kpi_id], views, lang) if behind else "",
        next_step=_next_step(project, behind, missing, lang, span),
        missing=missing,
        overall=overall_score(_cut(project, span.end), now),
        previous_overall=overall_score(_cut(project, previous_end), then) if previous_end else None,
        final=month.strip() == months[-1],
    )


def _moved_most(rows: list[KpiMonth]) -> KpiMonth | None:
    # A row that moved has a reading in both months, and different ones: the same value gives the
    # same progress and no relative change.
    moves = [(abs(moved), r) for r in rows if (moved := r.moved)]
    return max(moves, key=lambda m: m[0])[1] if moves else None


def _behind_most(project: Project, rows: list[KpiMonth]) -> KpiMonth | None:
    # Behind the line (a shortfall; the expected share is at most 1, so a KPI at its target has
    # none) and below its on-track pace (which may ask for more than the line: up to 2).
    behind = [(short, r) for r in rows if (short := r.shortfall) is not None and short > 0
              and r.pace is not None and r.pace < project.kpi(r.kpi_id).thresholds.on_track]
    return max(behind, key=lambda b: b[0])[1] if behind else None


def _pct(share: float) -> str:
    return f"{round(share * 100):d}%"


def _moved_text(row: KpiMonth | None, views: dict[str, KpiView], lang: Lang, currency: str) -> str:
    if row is None:
        return t("지난달과 비교할 숫자가 아직 없습니다.", "No number to compare with last month yet.").get(lang)
    view = views[row.kpi_id]
    before, after = format_kpi_value(view, row.previous, lang, currency), format_kpi_value(view, row.value, lang, currency)
    rose = (row.value or 0) > (row.previous or 0)
    better = (row.moved or 0) > 0
    ko_way = "늘었습니다" if rose else "줄었습니다"
    en_way = "rose" if rose else "fell"
    step = _pct(abs(row.moved or 0))
    if row.progress is not None:  # then last month's too: the same KPI, a reading in both months
        ko_tail = f"목표까지 가는 길의 {step}만큼 {'나아갔' if better else '물러섰'}습니다."
        en_tail = f"{step} of the way to the target {'gained' if better else 'lost'}."
    else:
        ko_tail = f"지난달보다 {step} {'좋아졌' if better else '나빠졌'}습니다."
        en_tail = f"{step} {'better' if better else 'worse'} than last month."
    return t(f"{i_ga(row.name)} {before}에서 {euro(after)} {ko_way}. {ko_tail}",
             f"{row.name} {en_way} from {before} to {after}: {en_tail}").get(lang)


def _behind_reason(row: KpiMonth, result: KpiProgress, views: dict[str, KpiView], lang: Lang) -> str:
    """The core's own sentence for why the KPI stands where it does."""
    return status_reason(result, views[row.kpi_id]).get(lang)


def _next_step(project: Project, behind: KpiMonth | None, missing: tuple[str, ...], lang: Lang, span: Period) -> str:
    if behind is not None:
        # The review's suggestions for the KPI as it stood on the month's last day (the report's
        # day), never as of today: a February report says the same in February and in June.
        remedies = suggest(_cut(project, span.end), behind.kpi_id, lang, span.end)
        if behind.status is Status.MISSED:
            # Its deadline has passed: there is no "next month" for this cycle's actions. Say how to
            # go on: a new cycle from the latest value (the review's own suggestion).
            for reset in remedies:
                if reset.kind is RemedyKind.RESET:
                    return t(f"{behind.name}: {reset.message.ko}", f"{behind.name}: {reset.message.en}").get(lang)
        open_actions = sorted(
            (a for a in project.actions
             if a.kpi == behind.kpi_id and a.status in (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)),
            key=lambda a: (a.due is None, a.due or date.max),
        )
        if open_actions:
            a = open_actions[0]
            who = f" ({a.owner})" if a.owner.strip() else ""
            return t(f"{behind.name}: '{a.tactic.strip()}'{who} — 다음 달에는 이 일을 끝내세요.",
                     f"{behind.name}: '{a.tactic.strip()}'{who} — get this done next month.").get(lang)
        for remedy in remedies:
            if remedy.action is not None:  # the strategy suggestion: the tactic to add
                return t(f"{behind.name}: {remedy.action.ko}", f"{behind.name}: {remedy.action.en}").get(lang)
    if missing:
        names = ", ".join(missing)
        return t(f"빠진 숫자를 통계 화면에서 옮겨 적으세요: {names}.",
                 f"Copy the missing numbers from the statistics screens: {names}.").get(lang)
    nxt = [p for p in periods(project.start, project.end, Frequency.MONTHLY) if p.start > span.end]
    if nxt:
        day = format_date(nxt[0].end, lang)
        return t(f"지금처럼 계속하고, {day}에 다음 달 숫자를 적으세요.",
                 f"Keep going as you are, and record next month's numbers on {day}.").get(lang)
    return t("계획이 끝났습니다. 결과를 돌아보고 다음 계획의 목표를 정하세요.",
             "The plan has ended. Look back at the results and set the next plan's goals.").get(lang)
