"""The monthly check-in: the few numbers no download carries, copied by hand once a month.

The rules, in words:

* **Which numbers.** Every KPI of the plan whose source is *read by hand* (``Source.MANUAL``: Naver
  Smart Place, Naver Blog, Kakao Channel, Daangn, delivery apps, or a custom KPI marked so). Each
  comes with where to read it (the catalog's menu path, or "확인 필요" where nobody could confirm
  it) and last month's value beside it.
* **Which month.** A month of the plan is one of its monthly periods (``core/schedule.py``), named
  by the calendar month it starts in: a plan from 5 January has "2026-01" = 5 Jan – 4 Feb. The
  check-in for a month is due on the last day of its period, the day the review calendar's event
  falls on. A weekly KPI read by hand asks for each of its weeks that start in that month.
* **Missing.** A number is missing when its period has no recorded value yet.
* **Pasting.** The owner copies the number off the statistics screen, so the entry accepts what
  such screens show: "1,234", "1,234회", "1.2천", "1만 2천", "1.2K", full-width digits, a
  trailing "%", and a change marker after the number ("1,234 ▲12", "1,234 (+5.2%)"), which is
  ignored. It refuses what it cannot read for sure: two numbers, a decimal comma ("4,5"), a
  percent for a KPI that is not a percentage, a value outside the KPI's natural range, a new reading
  for a KPI that already holds the most readings a plan keeps (``MAX_PERIODS``).
* **Applying.** Entered values go into the same ``Project.actuals`` the tracker import and the
  platform imports fill: a period with no value gets one on its first day; a period with a value
  has its last reading replaced. A blank entry changes nothing. One bad entry applies nothing and
  says which entry and why; the plan passed in is never changed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from pydantic import ValidationError

from .catalog import load_catalog
from .enums import Frequency, Lang, Source
from .errors import UserError
from .formatting import format_number
from .korean import eun
from .kpiview import KpiView, view_kpis
from .models import MAX_PERIODS, MAX_VALUE, Project
from .schedule import Period, periods
from .text import Text, t

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")

# The channel a catalog KPI belongs to, by its id's prefix (for grouping the form).
CHANNELS: dict[str, Text] = {
    "naver_place_": t("네이버 스마트플레이스", "Naver Smart Place"),
    "naver_blog_": t("네이버 블로그", "Naver Blog"),
    "kakao_": t("카카오톡 채널", "Kakao Channel"),
    "daangn_": t("당근 비즈프로필", "Daangn business profile"),
    "delivery_": t("배달앱", "Delivery apps"),
}
OTHER_CHANNEL = t("직접 적는 숫자", "Numbers you note yourself")


class CheckInError(UserError):
    """A month that is not in the plan, or a month written wrong."""


# -- months ------------------------------------------------------------------------------------


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def plan_months(project: Project) -> list[str]:
    """The plan's months in order, e.g. ["2026-01", "2026-02", "2026-03"]."""
    return [month_key(p.start) for p in periods(project.start, project.end, Frequency.MONTHLY)]


def month_period(project: Project, month: str) -> Period:
    """The plan's monthly period that starts in ``month`` ("YYYY-MM")."""
    match = _MONTH.match(month.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise CheckInError(t(f"달은 2026-03처럼 연도-월로 적어 주세요 ('{month}').",
                             f"Write the month as year-month, like 2026-03 ('{month}')."))
    for p in periods(project.start, project.end, Frequency.MONTHLY):
        if month_key(p.start) == match.group(0):
            return p
    months = plan_months(project)
    span = f"{months[0]} ~ {months[-1]}" if months else "–"
    raise CheckInError(t(f"{eun(month)} 계획 기간({span})에 없는 달입니다.",
                         f"{month} is not a month of the plan ({span})."))


def previous_month(project: Project, month: str) -> str | None:
    months = plan_months(project)
    month_period(project, month)  # refuses a month outside the plan
    i = months.index(month.strip())
    return months[i - 1] if i > 0 else None


def due_month(project: Project, today: date) -> str | None:
    """The month whose check-in to offer on ``today``: the latest one whose period has ended (its
    numbers are on the statistics screens now), else the first month of the plan."""
    plan = periods(project.start, project.end, Frequency.MONTHLY)
    if not plan:
        return None
    ended = [p for p in plan if p.end <= today]
    return month_key((ended[-1] if ended else plan[0]).start)


# -- what the form shows ------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckInItem:
    """One number to copy by hand for one period."""

    key: str  # what apply_checkin expects as the entry's key
    kpi_id: str
    name: str
    channel: str
    unit: str
    percent: bool
    where: str  # menu path in the asked language ("확인 필요" where unconfirmed)
    where_confirmed: bool
    period: Period
    value: float | None  # already recorded for this period
    last_value: float | None  # recorded for the period before
    last_period: Period | None

    @property
    def missing(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class MonthlyCheckIn:
    month: str
    period: Period
    due: date  # the day the review calendar's event falls on
    items: tuple[CheckInItem, ...]

    @property
    def missing(self) -> tuple[CheckInItem, ...]:
        return tuple(i for i in self.items if i.missing)

    @property
    def complete(self) -> bool:
        return not self.missing


def is_manual(view: KpiView) -> bool:
    return view.source is Source.MANUAL


def channel_of(view: KpiView) -> Text:
    for prefix, name in CHANNELS.items():
        if (view.catalog_id or "").startswith(prefix):
            return name
    return OTHER_CHANNEL


def _recorded(project: Project, kpi_id: str, period: Period) -> tuple[date, float] | None:
    """The period's reading (its last one, as the tracker shows it)."""
    days = [d for d in project.actuals.get(kpi_id, {}) if period.start <= d <= period.end]
    if not days:
        return None
    last = max(days)
    return last, project.actuals[kpi_id][last]


def monthly_checkin(project: Project, month: str, lang: Lang | str | None = None) -> MonthlyCheckIn:
    """The check-in form of ``month``: every number read by hand, with where and last month's value."""
    lang = Lang(lang or project.language)
    month_span = month_period(project, month)
    catalog = load_catalog()
    items: list[CheckInItem] = []
    for view in view_kpis(project, lang):
        if not is_manual(view):
            continue
        c = catalog.get(view.catalog_id)
        if c is not None and c.where is not None:
            where, confirmed = c.where.screen.get(lang), c.where.confirmed
        else:  # a custom KPI read by hand: its own formula says where
            where = view.formula or view.definition or t("직접 정한 KPI (확인 필요)", "Your own KPI (to be confirmed)").get(lang)
            confirmed = False
        own = periods(project.start, project.end, view.frequency)
        for i, p in enumerate(own):
            if not month_span.start <= p.start <= month_span.end:
                continue
            now = _recorded(project, view.id, p)
            before = _recorded(project, view.id, own[i - 1]) if i > 0 else None
            weekly = view.frequency is Frequency.WEEKLY
            items.append(CheckInItem(
                key=f"{view.id}@{p.start.isoformat()}" if weekly else view.id,
                kpi_id=view.id,
                name=view.name,
                channel=channel_of(view).get(lang),
                unit=view.unit,
                percent=view.percent,
                where=where,
                where_confirmed=confirmed,
                period=p,
                value=now[1] if now else None,
                last_value=before[1] if before else None,
                last_period=own[i - 1] if i > 0 else None,
            ))
    return MonthlyCheckIn(month.strip(), month_span, month_span.end, tuple(items))


def missing_numbers(project: Project, month: str, lang: Lang | str | None = None) -> tuple[CheckInItem, ...]:
    """The numbers of ``month`` still to be copied."""
    return monthly_checkin(project, month, lang).missing


# -- reading what the owner pasted --------------------------------------------------------------


class EntryError(UserError):
    """One entry of the check-in that cannot be read or does not fit the KPI."""


_MULTIPLIERS = {"백": 1e2, "천": 1e3, "만": 1e4, "억": 1e8, "k": 1e3, "K": 1e3, "M": 1e6}


def _multiplier(mult: str | None) -> float:
    """'천' 1,000; '천만' 10,000,000 (Korean multipliers compound: 3천만 is thirty million)."""
    return math.prod(_MULTIPLIERS[c] for c in mult) if mult else 1.0

_NUMBER = re.compile(
    r"(?P<sign>[+\-▲▼△▽↑↓])?\s*(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)\s*(?P<mult>[백천]?[만억]|[백천]|[kKM](?![A-Za-z]))?"
    r"(?P<pct>\s*%)?"
)
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$|^\.\d+$")
_CHANGE_SIGNS = set("+▲▼△▽↑↓")


def repr_(text: object) -> str:
    """The owner's entry quoted in a message."""
    return f"'{text}'"


def _normalise(text: str) -> str:
    # NFKC: full-width digits, ％ and ， become plain ones, a no-break or ideographic space a space
    text = unicodedata.normalize("NFKC", text)
    return text.replace("\u2212", "-").replace("\u2013", "-").replace("\u066b", ".")  # what NFKC keeps


def parse_number(text: str, *, percent: bool = False) -> float | None:
    """The number in what the owner typed or pasted; None when there is none (blank).

    Raises ``EntryError`` with a bilingual reason when the text is not one number read for sure.
    """
    raw = _normalise(str(text)).strip()
    if not raw:
        return None
    groups = []
    for m in _NUMBER.finditer(raw):
        groups.append(m)
    if not groups:
        raise EntryError(t(f"'{text}'에서 숫자를 찾지 못했습니다.", f"No number found in '{text}'."))

    def inside_brackets(m: re.Match[str]) -> bool:
        before = raw[: m.start()]
        return before.count("(") > before.count(")") or before.count("[") > before.count("]")

    # Korean style "1만 2천 3백": adjacent groups with falling multipliers add up to one number.
    main = groups[0]
    value = _group_value(main, text)
    last_mult = _multiplier(main.group("mult"))
    rest = groups[1:]
    while rest and not rest[0].group("sign") and raw[main.end():rest[0].start()].strip() == "":
        nxt = rest[0]
        mult = _multiplier(nxt.group("mult"))
        if mult >= last_mult or nxt.group("pct"):
            break
        value += _group_value(nxt, text)
        last_mult, main, rest = mult, nxt, rest[1:]
    for other in rest:  # a change vs the last period shown beside the number is not the number
        if other.group("sign") in _CHANGE_SIGNS or inside_brackets(other):
            continue
        raise EntryError(t(f"'{text}'에 숫자가 여러 개 있습니다. 이번 달 숫자 하나만 적어 주세요.",
                           f"'{text}' holds more than one number. Enter only this month's number."))
    if groups[0].group("sign") == "-":
        value = -value
    elif groups[0].group("sign") and groups[0].group("sign") != "+":
        raise EntryError(t(f"{eun(repr_(text))} 증감 표시로 보입니다. 증감이 아니라 이번 달 숫자를 적어 주세요.",
                           f"'{text}' looks like a change marker. Enter this month's number, not the change."))
    has_pct = any(g.group("pct") for g in [groups[0], main])
    if has_pct and not percent:
        raise EntryError(t(f"{eun(repr_(text))} %로 적혀 있는데, 이 KPI는 비율이 아닙니다.",
                           f"'{text}' is a percentage, but this KPI is not one."))
    if not math.isfinite(value) or abs(value) > MAX_VALUE:
        raise EntryError(t(f"{eun(repr_(text))} 너무 큰 숫자입니다.", f"'{text}' is too large a number."))
    return value


def _group_value(m: re.Match[str], text: str) -> float:
    digits = m.group("num")
    if not _GROUPED.match(digits):
        raise EntryError(t(f"'{text}'의 쉼표를 읽을 수 없습니다. 쉼표는 1,234처럼 천 단위에만 쓰고, 소수점은 4.5처럼 점으로 적어 주세요.",
                           f"Cannot read the comma in '{text}'. Use commas only between thousands (1,234) and a point for decimals (4.5)."))
    return float(digits.replace(",", "")) * _multiplier(m.group("mult"))


def check_value(view: KpiView, value: float) -> None:
    """Refuse a value the KPI cannot take (its natural range), with the reason."""
    c = load_catalog().get(view.catalog_id)
    # A custom KPI has no natural range on record: only a percentage is held to 0-100.
    low = c.natural_min if c is not None else (0.0 if view.percent else None)
    high = c.natural_max if c is not None else (100.0 if view.percent else None)
    exclusive = c.natural_min_exclusive if c is not None else False
    shown = format_number(value)
    if low is not None and (value < low or (exclusive and value == low)):
        raise EntryError(t(f"{view.names.ko}: {eun(shown)} 올 수 없는 값입니다 ({format_number(low)}{' 초과' if exclusive else ' 이상'}).",
                           f"{view.names.en}: {shown} is not possible ({'above' if exclusive else 'at least'} {format_number(low)})."))
    if high is not None and value > high:
        raise EntryError(t(f"{view.names.ko}: {eun(shown)} 올 수 없는 값입니다 ({format_number(high)} 이하).",
                           f"{view.names.en}: {shown} is not possible (at most {format_number(high)})."))


# -- applying -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckInResult:
    project: Project  # the updated copy; the plan passed in when nothing was applied
    new: int = 0
    changed: int = 0
    errors: dict[str, Text] = field(default_factory=dict)  # entry key -> why it was refused

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self, lang: Lang | str) -> str:
        if self.errors:
            return t(f"입력 {len(self.errors)}개를 고쳐 주세요. 아무것도 저장하지 않았습니다.",
                     f"Fix {len(self.errors)} entr{'y' if len(self.errors) == 1 else 'ies'}; nothing was saved.").get(lang)
        if not (self.new or self.changed):
            return t("바뀐 것이 없습니다.", "No changes.").get(lang)
        return t(f"새 값 {self.new}개, 바뀐 값 {self.changed}개", f"{self.new} new, {self.changed} changed").get(lang)


def apply_checkin(
    project: Project, month: str, entries: Mapping[str, str | float | int | None]
) -> CheckInResult:
    """The plan with the month's entered numbers recorded (see the module's rules)."""
    form = monthly_checkin(project, month)
    items = {i.key: i for i in form.items}
    views = {v.id: v for v in view_kpis(project)}
    parsed: dict[str, float] = {}
    errors: dict[str, Text] = {}
    adding: dict[str, int] = {}  # new readings per KPI so far
    for key, entry in entries.items():
        item = items.get(key)
        if item is None:
            errors[key] = t(f"{eun(repr_(key))} {month} 점검에 있는 숫자가 아닙니다.", f"'{key}' is not a number of the {month} check-in.")
            continue
        try:
            if entry is None or isinstance(entry, str):
                value = parse_number(entry or "", percent=item.percent)
            elif isinstance(entry, bool) or not isinstance(entry, int | float):
                raise EntryError(t("숫자가 아닙니다.", "Not a number."))
            else:
                value = float(entry)
                if not math.isfinite(value) or abs(value) > MAX_VALUE:
                    raise EntryError(t("너무 크거나 숫자가 아닙니다.", "Too large or not a number."))
            if value is None:
                continue
            check_value(views[item.kpi_id], value)
            if item.value is None:  # a new reading: the plan keeps at most MAX_PERIODS per KPI
                held = len(project.actuals.get(item.kpi_id, {})) + adding.get(item.kpi_id, 0)
                if held >= MAX_PERIODS:
                    names, most = views[item.kpi_id].names, format_number(MAX_PERIODS)
                    raise EntryError(t(f"{names.ko}: 기록이 이미 {most}개라 더 저장할 수 없습니다 (KPI 하나에 {most}개까지).",
                                       f"{names.en}: it already holds {most} readings, the most one KPI keeps; this one cannot be saved."))
                adding[item.kpi_id] = adding.get(item.kpi_id, 0) + 1
            parsed[key] = value
        except EntryError as e:
            errors[key] = e.text
    if errors:
        return CheckInResult(project, errors=errors)

    actuals = {k: dict(v) for k, v in project.actuals.items()}
    new = changed = 0
    for key, value in parsed.items():
        item = items[key]
        series = actuals.setdefault(item.kpi_id, {})
        now = _recorded(project, item.kpi_id, item.period)
        if now is None:
            series[item.period.start] = value
            new += 1
        elif not math.isclose(now[1], value, rel_tol=1e-12):  # the same number, but for float rounding
            series[now[0]] = value
            changed += 1
        actuals[item.kpi_id] = dict(sorted(series.items()))
    if not (new or changed):
        return CheckInResult(project)
    try:
        updated = Project.model_validate({**project.model_dump(), "actuals": actuals})
    except ValidationError as e:  # a plan that was not valid when passed in (changed without validation)
        msg = e.errors()[0]["msg"]
        return CheckInResult(project, errors={"": t(f"입력한 값이 계획에 맞지 않습니다: {msg}",
                                                    f"The entered values do not fit the plan: {msg}")})
    return CheckInResult(updated, new, changed)


def entry_label(item: CheckInItem, lang: Lang | str) -> str:
    """How the form names an entry: the KPI, and the week for a weekly one."""
    if item.key == item.kpi_id:
        return item.name
    return t(f"{item.name} ({item.period.start.month}/{item.period.start.day}~ 주)",
             f"{item.name} (week of {item.period.start.isoformat()})").get(lang)


def checkin_reminder(project: Project, lang: Lang | str | None = None) -> Text | None:
    """One line for the review calendar and the app: what the monthly check-in asks for, or None
    when the plan has no number read by hand."""
    manual = [v for v in view_kpis(project, Lang(lang) if lang else None) if is_manual(v)]
    if not manual:
        return None
    channels = []
    for v in manual:
        name = channel_of(v)
        if name not in channels:
            channels.append(name)
    ko = ", ".join(c.ko for c in channels)
    en = ", ".join(c.en for c in channels)
    return t(f"월간 점검: {ko}의 통계 화면에서 숫자 {len(manual)}개를 옮겨 적으세요.",
             f"Monthly check-in: copy {len(manual)} number{'s' if len(manual) != 1 else ''} from the statistics screens of {en}.")
