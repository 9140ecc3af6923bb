"""The assumptions behind the verdicts, as the owner reads them: value, how it is shown, where it
comes from (the plan's own value or the shipped default and its source), in Korean and English.

The ROI page lists them ('label: shown — source') and puts the default in the empty field; the
audit's messages end with 'label shown (source)' for each assumption they stood on.
"""

from kpiwizard.core import assumptions as assumed
from kpiwizard.core.assumptions import (
    Assumed, MarginDefault, all_assumptions, cost_per_follower, default_gross_margin, follower_assumptions,
    gross_margin, max_organic_monthly_growth, min_followers_per_weekly_post, monthly_change_limit,
    organic_growth_per_post,
)
from kpiwizard.core.enums import KpiKind, Lang
from kpiwizard.core.kpiview import view_kpi
from kpiwizard.core.models import CustomKpi, KpiSelection
from kpiwizard.core.reference import reference
from kpiwizard.core.text import t

from weekly_plans import followers, plan

DEFAULT = t("기본값, KPI 마법사의 가정", "default, KPI Wizard's assumption")
OWN = t("계획에 입력한 값", "value entered in the plan")


def cafe(currency="KRW", industry=""):
    project = plan(followers(baseline=400, target=480), [400, 410], currency)
    project.business.industry = industry
    return project


def test_the_follower_defaults_with_their_labels_and_sources():
    p = cafe()
    assert organic_growth_per_post(p) == Assumed(
        "assumptions.organic_growth_per_post", 0.02, t("주 1회 게시당 월 팔로워 증가", "monthly follower growth per weekly post"),
        t("2%", "2%"), DEFAULT, True)
    assert min_followers_per_weekly_post(p) == Assumed(
        "assumptions.min_followers_per_weekly_post", 4, t("주 1회 게시당 최소 월 증가", "minimum monthly gain per weekly post"),
        t("4명", "4 followers"), DEFAULT, True)
    assert max_organic_monthly_growth(p) == Assumed(
        "assumptions.max_organic_monthly_growth", 0.5, t("광고 없이 한 달 최대 증가", "organic growth ceiling a month"),
        t("50%", "50%"), DEFAULT, True)
    assert cost_per_follower(p) == Assumed(
        "assumptions.cost_per_follower", 1500.0, t("광고 팔로워 1명당 비용", "ad cost per follower"),
        t("₩1,500", "₩1,500"), DEFAULT, True)


def test_the_plans_own_values_are_shown_as_its_own_to_one_decimal():
    p = cafe("USD")
    p.assumptions.organic_growth_per_post = 0.01234
    p.assumptions.min_followers_per_weekly_post = 2.34
    p.assumptions.max_organic_monthly_growth = 0.3
    p.assumptions.cost_per_follower = 0.35
    found = follower_assumptions(p)
    assert [(a.key, a.value, a.shown, a.source, a.default) for a in found] == [
        ("assumptions.organic_growth_per_post", 0.01234, t("1.2%", "1.2%"), OWN, False),
        ("assumptions.min_followers_per_weekly_post", 2.34, t("2.3명", "2.3 followers"), OWN, False),
        ("assumptions.max_organic_monthly_growth", 0.3, t("30%", "30%"), OWN, False),
        ("assumptions.cost_per_follower", 0.35, t("$0.35", "$0.35"), OWN, False),
    ]
    # An own value of 0 is still the owner's: no growth from posting, not the default.
    p.assumptions.organic_growth_per_post = 0
    p.assumptions.min_followers_per_weekly_post = 0
    zero = follower_assumptions(p)
    assert [(a.value, a.shown.ko, a.shown.en, a.default) for a in zero[:2]] == [
        (0, "0%", "0%", False), (0, "0명", "0 followers", False)]


def test_a_verdict_lists_each_assumption_as_label_value_and_source():
    p = cafe()
    growth = organic_growth_per_post(p)
    assert growth.phrase(Lang.KO) == "주 1회 게시당 월 팔로워 증가 2% (기본값, KPI 마법사의 가정)"
    assert growth.phrase("en") == "monthly follower growth per weekly post 2% (default, KPI Wizard's assumption)"
    p.assumptions.min_followers_per_weekly_post = 6
    own = min_followers_per_weekly_post(p)
    assert own.phrase("ko") == "주 1회 게시당 최소 월 증가 6명 (계획에 입력한 값)"
    assert own.phrase(Lang.EN) == "minimum monthly gain per weekly post 6 followers (value entered in the plan)"


def test_the_cost_of_a_follower_edges():
    # No default for a currency without a shipped figure: no ad cost is assumed, none is listed.
    chf = cafe("CHF")
    assert cost_per_follower(chf) is None
    assert [a.key for a in follower_assumptions(chf)] == [
        "assumptions.organic_growth_per_post", "assumptions.min_followers_per_weekly_post",
        "assumptions.max_organic_monthly_growth"]
    # ... unless the owner gives one, shown in that currency.
    chf.assumptions.cost_per_follower = 1.5
    assert cost_per_follower(chf) == Assumed(
        "assumptions.cost_per_follower", 1.5, t("광고 팔로워 1명당 비용", "ad cost per follower"),
        t("1.50 CHF", "1.50 CHF"), OWN, False)
    # 0 from the owner: ads buy no followers here, even where a default exists.
    krw = cafe("KRW")
    krw.assumptions.cost_per_follower = 0
    assert cost_per_follower(krw) is None
    assert len(follower_assumptions(krw)) == 3
    # The smallest own cost is still used.
    krw.assumptions.cost_per_follower = 1
    assert (cost_per_follower(krw).value, cost_per_follower(krw).shown.ko, cost_per_follower(krw).default) == (
        1, "₩1", False)
    # Each shipped currency's own default.
    usd = cost_per_follower(cafe("USD"))
    assert (usd.value, usd.shown.en, usd.source, usd.default) == (1.2, "$1.20", DEFAULT, True)


def test_the_gross_margin_by_industry_typed_as_free_text():
    # Keywords in either language, whatever the case; the first industry of the data that matches wins.
    assert default_gross_margin("HAIR studio").industry_id == "salon"
    assert default_gross_margin("saas startup").industry_id == "software"
    assert default_gross_margin("헤어 카페").industry_id == "salon"
    assert default_gross_margin("동네 카페") == MarginDefault(0.6, "cafe", t(
        "기본값(가정): 음료·디저트 원재료와 포장이 판매가의 약 40%라는 업계 어림셈",
        "default (assumption): rule of thumb: ingredients and packaging about 40 % of the price"))
    # A figure with a published source says so, without '(assumption)'.
    assert default_gross_margin("옷 가게") == MarginDefault(0.63, "apparel", t(
        "기본값: 다모다란 업종별 마진(유럽, 2019년 1월) 의류 매출총이익률 63.29%",
        "default: Damodaran margins by sector (Europe, January 2019): apparel gross margin 63.29 %"))
    # Nothing matches: the general default.
    assert default_gross_margin("세무사 사무소") == MarginDefault(0.5, None, t(
        "기본값(가정): 업종을 알 수 없을 때의 중간값", "default (assumption): middle value when the industry is unknown"))
    assert default_gross_margin("").industry_id is None


def test_the_gross_margin_of_the_plan():
    p = cafe(industry="피자 가게")
    assert gross_margin(p) == Assumed("roi.gross_margin", 0.6, t("매출총이익률", "gross margin"), t("60%", "60%"), t(
        "기본값(가정): 식재료비가 판매가의 30~35%라는 업계 어림셈에 포장·배달 수수료를 더한 값",
        "default (assumption): rule of thumb: food cost 30–35 % of the price, plus packaging and delivery fees"), True)
    p.roi.gross_margin = 0.425
    assert gross_margin(p) == Assumed("roi.gross_margin", 0.425, t("매출총이익률", "gross margin"),
                                      t("42.5%", "42.5%"), OWN, False)


def test_all_assumptions_lists_the_follower_figures_then_the_margin():
    p = cafe("USD", "bakery cafe")
    assert [(a.key, a.shown.en, a.default) for a in all_assumptions(p)] == [
        ("assumptions.organic_growth_per_post", "2%", True),
        ("assumptions.min_followers_per_weekly_post", "4 followers", True),
        ("assumptions.max_organic_monthly_growth", "50%", True),
        ("assumptions.cost_per_follower", "$1.20", True),
        ("roi.gross_margin", "60%", True),
    ]
    assert [a.key for a in all_assumptions(cafe("CHF"))] == [
        "assumptions.organic_growth_per_post", "assumptions.min_followers_per_weekly_post",
        "assumptions.max_organic_monthly_growth", "roi.gross_margin"]


LIMIT = t("보통 가능한 월간 변화", "usual monthly change limit")
CATALOG = t("기본값, KPI 목록의 이 KPI 값(KPI 마법사의 가정)",
            "default, this KPI's figure in the catalog (KPI Wizard's assumption)")


def _limit(project, kpi_id="f"):
    return monthly_change_limit(project, view_kpi(project, project.kpi(kpi_id)))


def test_the_monthly_change_limit_of_a_catalog_kpi_and_the_plans_override():
    p = cafe()
    assert _limit(p) == Assumed("assumptions.monthly_change_by_kpi.f", 0.25, LIMIT, t("25%", "25%"), CATALOG, True)
    # A figure per kind does not replace the catalog's own figure for the KPI...
    p.assumptions.monthly_change_by_kind[KpiKind.STOCK] = 0.4
    assert _limit(p) == Assumed("assumptions.monthly_change_by_kpi.f", 0.25, LIMIT, t("25%", "25%"), CATALOG, True)
    # ... the plan's figure for this KPI does.
    p.assumptions.monthly_change_by_kpi["f"] = 0.125
    assert _limit(p) == Assumed("assumptions.monthly_change_by_kpi.f", 0.125, LIMIT, t("12.5%", "12.5%"), OWN, False)


def _custom(name, unit="", percent=False, values=()):
    kpi = KpiSelection(id="c", custom=CustomKpi(name=name, percent=percent), unit=unit, frequency="weekly",
                       baseline=values[0] if values else None, target=values[-1] if values else None)
    return plan(kpi, [])


def test_the_monthly_change_limit_of_a_custom_kpi_by_its_kind():
    calls = _custom("전화 문의", "건", values=(10, 20))  # a count: flow
    assert _limit(calls, "c") == Assumed("assumptions.monthly_change_by_kpi.c", 0.5, LIMIT, t("50%", "50%"), t(
        "기본값, KPI 종류(flow)별 KPI 마법사의 가정", "default for its kind (flow), KPI Wizard's assumption"), True)
    repeat = _custom("재방문 비율", percent=True, values=(20, 30))  # a share of a whole
    assert _limit(repeat, "c") == Assumed("assumptions.monthly_change_by_kpi.c", 0.3, LIMIT, t("30%", "30%"), t(
        "기본값, KPI 종류(share)별 KPI 마법사의 가정", "default for its kind (share), KPI Wizard's assumption"), True)
    wait = _custom("대기 시간", "분", values=(20, 10))  # a duration: rate
    assert _limit(wait, "c").value == 0.25
    assert _limit(wait, "c").source.en == "default for its kind (rate), KPI Wizard's assumption"
    # The plan's figure for the kind, then for the KPI itself.
    repeat.assumptions.monthly_change_by_kind[KpiKind.SHARE] = 0.1
    repeat.assumptions.monthly_change_by_kind[KpiKind.FLOW] = 0.9
    assert _limit(repeat, "c") == Assumed("assumptions.monthly_change_by_kpi.c", 0.1, LIMIT, t("10%", "10%"), OWN, False)
    repeat.assumptions.monthly_change_by_kpi["c"] = 0.05
    assert _limit(repeat, "c") == Assumed("assumptions.monthly_change_by_kpi.c", 0.05, LIMIT, t("5%", "5%"), OWN, False)


def test_a_default_with_a_published_source_names_it(monkeypatch):
    """The shipped follower figures are all KPI Wizard's own; a cited one would name its source."""
    data = {**reference("assumptions")}
    data["organic_growth_per_post"] = {**data["organic_growth_per_post"], "source": "Meta, 2026"}
    data["max_organic_monthly_growth"] = {k: v for k, v in data["max_organic_monthly_growth"].items() if k != "source"}
    monkeypatch.setattr(assumed, "reference", lambda name: data if name == "assumptions" else reference(name))
    p = cafe()
    assert organic_growth_per_post(p).source == t("기본값, 출처: Meta, 2026", "default, source: Meta, 2026")
    assert max_organic_monthly_growth(p).source == DEFAULT  # no source given: KPI Wizard's assumption


def test_a_kpi_the_catalog_does_not_know_uses_the_figure_for_a_rate():
    p = plan(KpiSelection(id="old", catalog_id="retired_kpi", frequency="weekly", baseline=1, target=2), [])
    assert _limit(p, "old") == Assumed("assumptions.monthly_change_by_kpi.old", 0.25, LIMIT, t("25%", "25%"), t(
        "기본값, KPI 종류(rate)별 KPI 마법사의 가정", "default for its kind (rate), KPI Wizard's assumption"), True)


def test_a_margin_figure_without_a_source_is_an_assumption(monkeypatch):
    data = {**reference("assumptions")}
    margin = data["gross_margin"]
    data["gross_margin"] = {**margin, "default": {k: v for k, v in margin["default"].items() if k != "source"}}
    monkeypatch.setattr(assumed, "reference", lambda name: data if name == "assumptions" else reference(name))
    assert default_gross_margin("세무사 사무소").source == t(
        "기본값(가정): 업종을 알 수 없을 때의 중간값", "default (assumption): middle value when the industry is unknown")
