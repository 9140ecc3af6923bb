"""The assumptions behind every verdict: the plan's own value, or the shipped default with its source.

``Project.assumptions`` (and ``RoiInputs.gross_margin``) hold what the owner typed; None means the
default from ``resources/reference/assumptions.json`` / ``realism.json``. Each resolved value says
where it came from, so a verdict can print the figures it stood on and the owner can change them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .enums import Lang
from .formatting import format_money, format_number
from .kpiview import KpiView
from .models import Project
from .reference import reference
from .text import Text, t

_PLAN_VALUE = t("계획에 입력한 값", "value entered in the plan")


@dataclass(frozen=True)
class Assumed:
    """One assumption as a verdict used it."""

    key: str  # where the owner changes it, e.g. "assumptions.organic_growth_per_post"
    value: float
    label: Text  # what it is
    shown: Text  # the value as read in a message
    source: Text  # the plan's own value, or the default and where it comes from
    default: bool

    def phrase(self, lang: Lang | str) -> str:
        """'label: value (source)' in one language, for a verdict's list of assumptions."""
        return f"{self.label.get(lang)} {self.shown.get(lang)} ({self.source.get(lang)})"


def _default_source(entry: dict) -> Text:
    kind = entry.get("source", "assumption")
    if kind == "assumption":
        return t("기본값, KPI 마법사의 가정", "default, KPI Wizard's assumption")
    return t(f"기본값, 출처: {kind}", f"default, source: {kind}")


def _pct(value: float) -> str:
    return format_number(value * 100, 1) + "%"


def _scalar(project: Project, key: str, label: Text, shown: Callable[[float], Text]) -> Assumed:
    """One number of ``resources/reference/assumptions.json`` that the plan may set for itself."""
    entry = reference("assumptions")[key]
    own = getattr(project.assumptions, key)
    value = entry["value"] if own is None else own
    return Assumed(f"assumptions.{key}", value, label, shown(value),
                   _default_source(entry) if own is None else _PLAN_VALUE, own is None)


def _percent(value: float) -> Text:
    return t(_pct(value), _pct(value))


def organic_growth_per_post(project: Project) -> Assumed:
    return _scalar(project, "organic_growth_per_post",
                   t("주 1회 게시당 월 팔로워 증가", "monthly follower growth per weekly post"), _percent)


def min_followers_per_weekly_post(project: Project) -> Assumed:
    return _scalar(project, "min_followers_per_weekly_post",
                   t("주 1회 게시당 최소 월 증가", "minimum monthly gain per weekly post"),
                   lambda v: t(f"{format_number(v, 1)}명", f"{format_number(v, 1)} followers"))


def max_organic_monthly_growth(project: Project) -> Assumed:
    return _scalar(project, "max_organic_monthly_growth",
                   t("광고 없이 한 달 최대 증가", "organic growth ceiling a month"), _percent)


def cost_per_follower(project: Project) -> Assumed | None:
    """Ad cost of one follower; None when neither the plan nor the currency's default gives one."""
    entry = reference("assumptions")["cost_per_follower"]
    currency = project.business.currency
    own = project.assumptions.cost_per_follower
    if own is not None:
        if not own:
            return None  # 0: the owner says ads buy no followers here
        value, source, default = own, _PLAN_VALUE, False
    elif currency in entry["by_currency"]:
        value, source, default = entry["by_currency"][currency], _default_source(entry), True
    else:
        return None
    shown = format_money(value, currency)
    return Assumed("assumptions.cost_per_follower", value, t("광고 팔로워 1명당 비용", "ad cost per follower"),
                   t(shown, shown), source, default)


def monthly_change_limit(project: Project, kpi: KpiView) -> Assumed:
    """Largest plausible relative change a month for this KPI: plan override, catalog, then its kind.

    Every catalog KPI has its own figure; only a custom KPI (a flow, rate or share, never a stock)
    or an id the catalog does not know (a rate) falls back to the figure for its kind."""
    own = project.assumptions.monthly_change_by_kpi.get(kpi.id)
    kind = kpi.kind
    kind_own = project.assumptions.monthly_change_by_kind.get(kind)
    if own is not None:
        value, source, default = own, _PLAN_VALUE, False
    elif kpi.monthly_change_limit is not None:
        value, default = kpi.monthly_change_limit, True
        source = t("기본값, KPI 목록의 이 KPI 값(KPI 마법사의 가정)", "default, this KPI's figure in the catalog (KPI Wizard's assumption)")
    elif kind_own is not None:
        value, source, default = kind_own, _PLAN_VALUE, False
    else:
        value, default = reference("realism")["monthly_change_by_kind"][kind.value]["value"], True
        source = t(f"기본값, KPI 종류({kind.value})별 KPI 마법사의 가정", f"default for its kind ({kind.value}), KPI Wizard's assumption")
    key = f"assumptions.monthly_change_by_kpi.{kpi.id}"
    return Assumed(key, value, t("보통 가능한 월간 변화", "usual monthly change limit"),
                   t(_pct(value), _pct(value)), source, default)


@dataclass(frozen=True)
class MarginDefault:
    value: float
    industry_id: str | None  # which industry of the reference data matched, None: the general default
    source: Text


def default_gross_margin(industry: str) -> MarginDefault:
    """The gross margin assumed for an industry typed as free text (first keyword match wins)."""
    data = reference("assumptions")["gross_margin"]
    text = industry.casefold()
    for entry in data["by_industry"]:
        if any(word.casefold() in text for word in entry["keywords"]):
            return MarginDefault(entry["value"], entry["id"], _margin_source(entry))
    return MarginDefault(data["default"]["value"], None, _margin_source(data["default"]))


def _margin_source(entry: dict) -> Text:
    if entry.get("source", "assumption") == "assumption":
        return t(f"기본값(가정): {entry['ko']}", f"default (assumption): {entry['en']}")
    return t(f"기본값: {entry['ko']}", f"default: {entry['en']}")


def gross_margin(project: Project) -> Assumed:
    own = project.roi.gross_margin
    if own is not None:
        value, source, default = own, _PLAN_VALUE, False
    else:
        d = default_gross_margin(project.business.industry)
        value, source, default = d.value, d.source, True
    return Assumed("roi.gross_margin", value, t("매출총이익률", "gross margin"), t(_pct(value), _pct(value)),
                   source, default)


def follower_assumptions(project: Project) -> list[Assumed]:
    found = [organic_growth_per_post(project), min_followers_per_weekly_post(project),
             max_organic_monthly_growth(project)]
    cpf = cost_per_follower(project)
    return found + ([cpf] if cpf is not None else [])


def all_assumptions(project: Project) -> list[Assumed]:
    """Every plan-wide assumption with its value and source, for the app's and the PDF's list."""
    return [*follower_assumptions(project), gross_margin(project)]
