"""The strategy map an owner sees: which objective each KPI stands under, the proposals for empty
perspectives and the cause -> effect arrows, exactly, for the café and for smaller plans.

The app's map page and the PDF draw this one structure, so these tests read it box by box.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from kpiwizard.core.catalog import Catalog, load_catalog
from kpiwizard.core.enums import Family, Lang, Perspective
from kpiwizard.core.models import CustomKpi, KpiSelection, Project
from kpiwizard.core.projectfile import load_project
from kpiwizard.core.resources import resource_path
from kpiwizard.core.strategy_map import build_strategy_map, map_gaps, objective_for_custom

CATALOG = load_catalog()
F, C, I, L = Perspective.FINANCIAL, Perspective.CUSTOMER, Perspective.INTERNAL, Perspective.LEARNING


def cafe() -> Project:
    return load_project(resource_path("examples", "cafe.kpiwiz")).project


def plan(*catalog_ids: str, custom: tuple[CustomKpi, ...] = ()) -> Project:
    kpis = [KpiSelection(id=c, catalog_id=c) for c in catalog_ids]
    kpis += [KpiSelection(id=f"mine{i}", custom=c) for i, c in enumerate(custom, 1)]
    project = Project(start=date(2026, 1, 5), end=date(2026, 3, 29), kpis=kpis)
    project.business.language = Lang.KO
    return project


def boxes(project: Project, lang: Lang = Lang.KO) -> list[tuple[str, str, Perspective, tuple[str, ...], bool]]:
    m = build_strategy_map(project, lang)
    return [(o.id, o.name, o.perspective, tuple(k.id for k in o.kpis), o.proposed) for o in m.objectives]


# -- the café, box by box --------------------------------------------------------------------------


def test_the_cafes_map_in_korean():
    assert boxes(cafe(), Lang.KO) == [
        ("valuable_results", "가치 있는 사업 성과 달성", F, ("coupon_visits", "social_revenue"), False),
        ("personal_interaction", "브랜드와의 개인적인 교류", C, ("naver_place_reviews",), False),
        ("engaging_content", "관심을 끄는 콘텐츠", C, ("followers_local", "engagement_rate", "kakao_channel_friends"),
         False),
        ("local_visits", "동네 손님이 찾아오게 하기", C,
         ("naver_place_directions", "naver_place_views", "naver_place_saves", "kakao_coupon_entries"), False),
        ("engage_users", "SNS 이용자와 소통하기", I, ("response_time",), False),
        ("publish_content", "관심을 끄는 콘텐츠 게시하기", I, ("posts_per_period",), False),
        ("train_team", "SNS 응대를 위한 팀 교육 (제안)", L, (), True),
        ("learn_tactics", "우리에게 맞는 전술 배우기 (제안)", L, (), True),
        ("understand_customers", "고객 프로필 이해하기 (제안)", L, (), True),
    ]
    m = build_strategy_map(cafe(), Lang.KO)
    assert m.perspectives == ((F, "재무·이해관계자"), (C, "고객"), (I, "내부 프로세스"), (L, "학습과 성장"))
    coupon = m.objectives[0].kpis[0]
    assert (coupon.name, coupon.indicator.value) == ("인스타 쿠폰 사용 손님 수", "lagging")
    assert [(k.name, k.indicator.value) for k in m.objectives[3].kpis[:2]] == [
        ("네이버 플레이스 길찾기", "leading"), ("네이버 플레이스 조회수", "lagging")]


def test_the_cafes_map_in_english():
    m = build_strategy_map(cafe(), Lang.EN)
    assert [(o.name, o.proposed) for o in m.objectives] == [
        ("Achieve valuable business results", False),
        ("Personal interaction with the brand", False),
        ("Engaging content", False),
        ("Bring local people to the door", False),
        ("Engage with social media users", False),
        ("Publish engaging content", False),
        ("Train the team to interact on social media (suggested)", True),
        ("Learn which tactics work for us (suggested)", True),
        ("Understand the customer profile (suggested)", True),
    ]
    assert m.perspectives == ((F, "Financial / stakeholders"), (C, "Customer"), (I, "Internal processes"),
                              (L, "Learning and growth"))
    assert [k.name for k in m.objectives[0].kpis] == ["인스타 쿠폰 사용 손님 수", "Revenue from social"]
    # the language comes from the plan when none is asked for
    assert boxes(cafe(), None)[0][1] == "가치 있는 사업 성과 달성"


def test_the_cafes_arrows_run_from_cause_to_effect():
    assert build_strategy_map(cafe(), Lang.KO).arrows == (
        ("engage_users", "personal_interaction"),
        ("engaging_content", "local_visits"),
        ("engaging_content", "valuable_results"),
        ("learn_tactics", "publish_content"),
        ("local_visits", "valuable_results"),
        ("personal_interaction", "valuable_results"),
        ("publish_content", "engaging_content"),
        ("train_team", "engage_users"),
        ("understand_customers", "publish_content"),
    )


def test_the_cafes_only_empty_perspective_is_learning():
    m = build_strategy_map(cafe(), Lang.KO)
    assert [o.id for o in m.in_perspective(L)] == ["train_team", "learn_tactics", "understand_customers"]
    assert [o.id for o in m.in_perspective(F)] == ["valuable_results"]
    assert map_gaps(cafe()).empty == (L,)


# -- smaller plans ------------------------------------------------------------------------------


def test_an_empty_plan_has_an_empty_map():
    m = build_strategy_map(plan(), Lang.KO)
    assert (m.objectives, m.arrows) == ((), ())
    assert map_gaps(plan()).empty == (F, C, I, L)


def test_only_the_objectives_that_lead_to_what_is_measured_are_proposed():
    """Measuring only Naver Place directions (bringing people to the door): answering users leads
    to personal interaction, not to visits, so it is not proposed; nothing is under the visits but
    the financial result they lead to, which is proposed as the one financial objective."""
    assert boxes(plan("naver_place_directions")) == [
        ("local_visits", "동네 손님이 찾아오게 하기", C, ("naver_place_directions",), False),
        ("valuable_results", "가치 있는 사업 성과 달성 (제안)", F, (), True),
        ("publish_content", "관심을 끄는 콘텐츠 게시하기 (제안)", I, (), True),
        ("paid_reach", "유료 광고로 더 많은 사람에게 닿기 (제안)", I, (), True),
        ("learn_tactics", "우리에게 맞는 전술 배우기 (제안)", L, (), True),
        ("understand_customers", "고객 프로필 이해하기 (제안)", L, (), True),
    ]
    m = build_strategy_map(plan("naver_place_directions"), Lang.KO)
    assert m.arrows == (
        ("learn_tactics", "publish_content"),
        ("local_visits", "valuable_results"),
        ("paid_reach", "local_visits"),  # through engaging content, which the plan does not use
        ("paid_reach", "valuable_results"),
        ("publish_content", "local_visits"),
        ("publish_content", "valuable_results"),
        ("understand_customers", "publish_content"),
    )
    assert map_gaps(plan("naver_place_directions")).empty == (F, I, L)


def test_a_perspective_with_a_kpi_gets_no_proposals():
    """Revenue, response time and trained staff: only the customer band is empty, and all three of
    its objectives lead to the revenue; publishing and paid ads would too, but the internal band
    already holds answering users."""
    m = build_strategy_map(plan("social_revenue", "response_time", "trained_staff_share"), Lang.EN)
    assert [(o.id, o.proposed) for o in m.objectives] == [
        ("valuable_results", False), ("engage_users", False), ("train_team", False),
        ("personal_interaction", True), ("engaging_content", True), ("local_visits", True)]
    assert m.objectives[3].name == "Personal interaction with the brand (suggested)"
    assert m.arrows == (
        ("engage_users", "personal_interaction"), ("engaging_content", "local_visits"),
        ("engaging_content", "valuable_results"), ("local_visits", "valuable_results"),
        ("personal_interaction", "valuable_results"), ("train_team", "engage_users"))
    assert map_gaps(plan("social_revenue", "response_time", "trained_staff_share")).empty == (C,)


# -- where a custom KPI stands ----------------------------------------------------------------


def test_a_custom_financial_kpi_stands_under_the_business_result():
    mine = CustomKpi(name="단골 수", perspective=F, family=Family.CONVERSION)
    assert boxes(plan("followers_local", custom=(mine,)))[0] == (
        "valuable_results", "가치 있는 사업 성과 달성", F, ("mine1",), False)


@pytest.mark.parametrize(("perspective", "family", "used", "expected"), [
    # no KPI of the plan to lean on: the objective most catalog KPIs of the family belong to
    (I, Family.PAID, set(), "paid_reach"),
    (I, Family.INTERNAL, set(), "publish_content"),
    (L, Family.DEMOGRAPHICS, set(), "understand_customers"),
    (L, Family.INTERNAL, set(), "train_team"),  # as many as learning tactics: the catalog's order
    (C, Family.POPULARITY, set(), "engaging_content"),
    # an objective the plan already uses comes first
    (C, Family.POPULARITY, {"local_visits"}, "local_visits"),
    (C, Family.POPULARITY, {"personal_interaction"}, "personal_interaction"),
    (I, Family.PAID, {"publish_content"}, "publish_content"),
    # then one that leads to what the plan measures...
    (I, Family.PAID, {"personal_interaction"}, "engage_users"),
    (L, Family.INTERNAL, {"local_visits"}, "learn_tactics"),
    # ... or follows from it
    (C, Family.POPULARITY, {"engage_users"}, "personal_interaction"),
    # a family counts three times another's KPI: three team KPIs beat eight ad KPIs
    (I, Family.INTERNAL, {"engage_users", "paid_reach"}, "engage_users"),
    (I, Family.PAID, {"engage_users", "paid_reach"}, "paid_reach"),
])
def test_a_custom_kpi_joins_a_real_objective_of_its_perspective(perspective, family, used, expected):
    assert objective_for_custom(CATALOG, perspective, family, used) == expected


def test_a_custom_kpi_joins_the_objective_the_plan_uses_on_the_map():
    """A custom 'regulars' count in the customer perspective sits with the plan's Naver Place
    directions, not in a box of its own and not under the catalog's largest customer objective."""
    mine = CustomKpi(name="단골 손님 수", perspective=C, family=Family.POPULARITY)
    assert boxes(plan("naver_place_directions", custom=(mine,)))[0] == (
        "local_visits", "동네 손님이 찾아오게 하기", C, ("naver_place_directions", "mine1"), False)


def test_every_path_of_the_objective_graph_is_followed_where_two_paths_meet():
    """With engaging content also driving personal interaction (listed first), publishing leads to
    personal interaction although local visits and the result are reached twice on the way: a custom
    ad KPI then joins paid reach (connected, most ad KPIs) rather than answering users."""
    raw = json.loads(resource_path("catalog", "catalog.json").read_text(encoding="utf-8"))
    engaging = next(o for o in raw["objectives"] if o["id"] == "engaging_content")
    engaging["drives"] = ["personal_interaction", "valuable_results", "local_visits"]
    catalog = Catalog.model_validate(raw)
    assert objective_for_custom(catalog, I, Family.PAID, {"personal_interaction"}) == "paid_reach"
    # the shipped graph: publishing does not lead to personal interaction, answering users does
    assert objective_for_custom(CATALOG, I, Family.PAID, {"personal_interaction"}) == "engage_users"


def test_a_custom_ad_kpi_on_the_map_joins_paid_reach_by_its_family():
    """Beside local followers (engaging content), both publishing and paid ads lead there; a custom
    KPI of the paid family stands with the paid reach objective."""
    mine = CustomKpi(name="광고 문의 수", perspective=I, family=Family.PAID)
    assert boxes(plan("followers_local", custom=(mine,)), Lang.EN)[:2] == [
        ("engaging_content", "Engaging content", C, ("followers_local",), False),
        ("paid_reach", "Reach a wider audience with paid ads", I, ("mine1",), False),
    ]
