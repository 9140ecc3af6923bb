"""The shipped KPI catalog: its shape, its bilingual text and the logic the rest of the program relies on."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from pydantic import BaseModel

from kpiwizard.core.catalog import Catalog, load_catalog
from kpiwizard.core.enums import (
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
from kpiwizard.core.resources import resource_path
from kpiwizard.core.text import Text

HANGUL = re.compile(r"[\uac00-\ud7a3]")

# Ids other modules refer to by name.
REQUIRED_IDS = {
    "followers", "followers_local", "reach", "impressions", "profile_visits", "likes", "shares",
    "story_views", "engagement_rate", "comments", "mentions", "story_retention", "dms",
    "response_rate", "response_time", "complaint_resolution_rate", "posts_per_period",
    "readability_index", "content_quality_index", "direct_traffic", "brand_searches", "link_clicks",
    "shoppable_clicks", "leads", "qualified_interactions", "signups", "lead_to_sale_rate",
    "social_revenue", "sales", "cost_per_lead", "cost_per_acquisition", "ltv", "roi", "time_on_site",
    "bounce_rate", "avg_clicks_per_post", "avg_shares_per_post", "avg_comments_per_post",
    "negative_comment_share", "audience_region_share", "audience_age_share", "follower_growth_rate",
    "people_tagged",
}

OBJECTIVE_PERSPECTIVE = {
    "valuable_results": Perspective.FINANCIAL,
    "personal_interaction": Perspective.CUSTOMER,
    "engaging_content": Perspective.CUSTOMER,
    "local_visits": Perspective.CUSTOMER,
    "engage_users": Perspective.INTERNAL,
    "publish_content": Perspective.INTERNAL,
    "paid_reach": Perspective.INTERNAL,
    "train_team": Perspective.LEARNING,
    "learn_tactics": Perspective.LEARNING,
    "understand_customers": Perspective.LEARNING,
}

DRIVES = {
    ("train_team", "engage_users"),
    ("engage_users", "personal_interaction"),
    ("learn_tactics", "publish_content"),
    ("understand_customers", "publish_content"),
    ("publish_content", "engaging_content"),
    ("paid_reach", "engaging_content"),
    ("engaging_content", "valuable_results"),
    ("engaging_content", "local_visits"),
    ("local_visits", "valuable_results"),
    ("personal_interaction", "valuable_results"),
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _texts(obj, where="catalog"):
    """Every Text in the catalog, with a path saying where it sits."""
    if isinstance(obj, Text):
        yield where, obj
    elif isinstance(obj, list | tuple):
        for i, item in enumerate(obj):
            yield from _texts(item, f"{where}[{i}]")
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from _texts(item, f"{where}.{key}")
    elif isinstance(obj, BaseModel):
        label = getattr(obj, "id", None)
        for name in type(obj).model_fields:
            yield from _texts(getattr(obj, name), f"{where}<{label}>.{name}" if label else f"{where}.{name}")


# -- loading and shape ------------------------------------------------------------------------


def test_catalog_loads(catalog):
    assert isinstance(catalog, Catalog)
    assert catalog.version == 1


def test_file_is_strict_json_that_round_trips():
    raw = json.loads(resource_path("catalog", "catalog.json").read_text(encoding="utf-8"))
    assert Catalog.model_validate(raw) == load_catalog()


def test_enough_kpis(catalog):
    assert len(catalog.kpis) >= 48


def test_required_ids_present(catalog):
    missing = REQUIRED_IDS - {k.id for k in catalog.kpis}
    assert not missing, missing


def test_families_are_exactly_the_enum(catalog):
    ids = [f.id for f in catalog.families]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(Family)


def test_every_family_has_several_kpis(catalog):
    counts = Counter(k.family for k in catalog.kpis)
    for family in Family:
        assert counts[family] >= 3, f"{family}: {counts[family]} KPIs"


def test_objectives_match_the_strategy_map(catalog):
    assert {o.id: o.perspective for o in catalog.objectives} == OBJECTIVE_PERSPECTIVE
    edges = {(o.id, d) for o in catalog.objectives for d in o.drives}
    assert edges == DRIVES


def test_every_objective_has_kpis(catalog):
    used = Counter(k.objective for k in catalog.kpis)
    for objective in OBJECTIVE_PERSPECTIVE:
        assert used[objective] >= 1, objective


def test_kpi_perspective_matches_its_objective(catalog):
    for k in catalog.kpis:
        assert k.perspective is OBJECTIVE_PERSPECTIVE[k.objective], k.id


def test_every_goal_served_by_several_kpis(catalog):
    for goal in SocialGoal:
        assert len(catalog.search(goal=goal)) >= 8, goal


def test_goal_lists_have_no_duplicates(catalog):
    for k in catalog.kpis:
        assert len(k.goals) == len(set(k.goals)), k.id


# -- bilingual text ---------------------------------------------------------------------------


def test_no_empty_text_anywhere(catalog):
    texts = list(_texts(catalog))
    # name, definition, formula, unit and why of every KPI, plus families and objectives
    assert len(texts) >= 5 * len(catalog.kpis) + 2 * len(catalog.families) + len(catalog.objectives)
    for where, text in texts:
        assert text.ko.strip(), f"{where}: empty Korean"
        assert text.en.strip(), f"{where}: empty English"


def test_korean_names_are_korean_and_english_is_not(catalog):
    named = [*catalog.families, *catalog.objectives, *catalog.kpis]
    for item in named:
        assert HANGUL.search(item.name.ko), f"{item.id}: Korean name has no Hangul"
    for where, text in _texts(catalog):
        assert not HANGUL.search(text.en), f"{where}: Hangul in the English text"


def test_korean_prose_is_hangul(catalog):
    for k in catalog.kpis:
        for field in ("definition", "why"):
            assert HANGUL.search(getattr(k, field).ko), f"{k.id}.{field}"
    for f in catalog.families:
        assert HANGUL.search(f.strategy_hint.ko), f.id


def test_definitions_use_formal_style(catalog):
    """Definitions are written in 합니다/입니다 style and end as full sentences."""
    for k in catalog.kpis:
        assert k.definition.ko.rstrip().endswith("다."), k.id
        assert k.definition.en.rstrip().endswith("."), k.id


def test_strategy_hints_are_one_or_two_sentences(catalog):
    for f in catalog.families:
        for text in (f.strategy_hint.ko, f.strategy_hint.en):
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
            assert 1 <= len(sentences) <= 2, (f.id, text)


def test_names_are_unique_in_each_language(catalog):
    for lang in ("ko", "en"):
        names = [getattr(k.name, lang) for k in catalog.kpis]
        assert len(names) == len(set(names)), [n for n, c in Counter(names).items() if c > 1]


# -- flags and units --------------------------------------------------------------------------


def test_vanity_kpis_have_reasons_and_others_do_not(catalog):
    for k in catalog.kpis:
        if k.vanity:
            assert k.vanity_reason is not None and k.vanity_reason.ko.strip() and k.vanity_reason.en.strip(), k.id
        else:
            assert k.vanity_reason is None, k.id


def test_typical_vanity_and_outcome_kpis(catalog):
    for kid in ("followers", "likes", "impressions", "profile_visits", "story_views"):
        assert catalog.kpi(kid).vanity, kid
    for kid in ("leads", "qualified_interactions", "signups", "lead_to_sale_rate", "social_revenue",
                "sales", "cost_per_acquisition", "ltv", "roi"):
        k = catalog.kpi(kid)
        assert k.outcome and not k.vanity, kid


def test_audience_only_for_follower_counts(catalog):
    assert {k.id for k in catalog.kpis if k.audience} == {"followers", "followers_local"}


def test_paid_flags(catalog):
    for kid in ("cost_per_lead", "cost_per_acquisition"):
        assert catalog.kpi(kid).paid, kid
    for kid in ("reach", "followers", "leads", "social_revenue", "ltv"):
        assert not catalog.kpi(kid).paid, kid


def test_directions(catalog):
    for kid in ("response_time", "cost_per_lead", "cost_per_acquisition", "bounce_rate",
                "negative_comment_share"):
        assert catalog.kpi(kid).direction is Direction.LOWER, kid
    for kid in ("followers", "reach", "engagement_rate", "social_revenue", "roi"):
        assert catalog.kpi(kid).direction is Direction.HIGHER, kid


def test_at_least_one_range_kpi(catalog):
    ranged = [k for k in catalog.kpis if k.direction is Direction.RANGE]
    assert ranged
    for k in ranged:  # a band is stated in the definition so the user knows where to set it
        assert re.search(r"\d", k.definition.ko) and re.search(r"\d", k.definition.en), k.id


def test_percent_flag_matches_unit(catalog):
    for k in catalog.kpis:
        assert k.percent == (k.unit.en == "%"), k.id
        assert k.percent == (k.unit.ko == "%"), k.id
    assert catalog.kpi("engagement_rate").percent
    assert not catalog.kpi("followers").percent


def test_money_kpis_use_the_currency_unit(catalog):
    for kid in ("social_revenue", "cost_per_lead", "cost_per_acquisition", "ltv"):
        assert catalog.kpi(kid).unit == Text(ko="통화", en="currency"), kid
    for k in catalog.kpis:
        assert "원" not in k.unit.ko, k.id


def test_response_time_is_in_minutes(catalog):
    assert catalog.kpi("response_time").unit == Text(ko="분", en="minutes")


def test_monthly_change_limits_are_plausible(catalog):
    for k in catalog.kpis:
        assert 0.05 <= k.monthly_change_limit <= 1.0, k.id
    # followers move more slowly than reach
    assert catalog.kpi("followers").monthly_change_limit < catalog.kpi("reach").monthly_change_limit
    # the worked SMART example (+20 % local followers in one month) must read as achievable
    assert catalog.kpi("followers_local").monthly_change_limit >= 0.2


def test_leading_and_lagging_follow_the_strategy_map(catalog):
    for kid in ("readability_index", "content_quality_index", "avg_shares_per_post"):
        assert catalog.kpi(kid).indicator is Indicator.LEADING, kid
    for kid in ("qualified_interactions", "lead_to_sale_rate", "social_revenue", "response_time",
                "complaint_resolution_rate", "cost_per_lead", "ltv", "comments", "mentions"):
        assert catalog.kpi(kid).indicator is Indicator.LAGGING, kid
    for k in catalog.kpis:
        if k.perspective is Perspective.FINANCIAL:
            assert k.indicator is Indicator.LAGGING, k.id
        if k.perspective is Perspective.LEARNING:
            assert k.indicator is Indicator.LEADING, k.id


def test_outcome_kpis_are_not_learning_drivers(catalog):
    for k in catalog.kpis:
        if k.outcome:
            assert k.perspective in (Perspective.FINANCIAL, Perspective.INTERNAL), k.id


# -- alternatives -----------------------------------------------------------------------------


def test_alternatives_are_sensible(catalog):
    ids = {k.id for k in catalog.kpis}
    for k in catalog.kpis:
        assert 1 <= len(k.alternatives) <= 3, k.id
        assert k.id not in k.alternatives, k.id
        assert len(set(k.alternatives)) == len(k.alternatives), k.id
        assert set(k.alternatives) <= ids, k.id


def test_follower_kpi_can_switch_to_shares(catalog):
    # the articles' example: share count instead of follower growth
    assert "shares" in catalog.kpi("followers").alternatives


def test_vanity_kpis_offer_a_non_vanity_alternative(catalog):
    for k in catalog.kpis:
        if k.vanity:
            assert any(not catalog.kpi(a).vanity for a in k.alternatives), k.id


# -- presets ----------------------------------------------------------------------------------


@pytest.mark.parametrize("goal", list(SocialGoal))
@pytest.mark.parametrize("objective", list(StrategicObjective))
def test_preset_mixes_leading_lagging_and_outcome(catalog, goal, objective):
    kpis = catalog.preset(goal, objective)
    ids = [k.id for k in kpis]
    assert 5 <= len(kpis) <= 7, ids
    assert len(set(ids)) == len(ids), ids
    indicators = {k.indicator for k in kpis}
    assert Indicator.LEADING in indicators, ids
    assert Indicator.LAGGING in indicators, ids
    assert any(k.outcome for k in kpis), ids
    assert goal in kpis[0].goals, ids
    assert not all(k.vanity for k in kpis), ids


def test_presets_fit_their_combination(catalog):
    def ids(goal, objective):
        return [k.id for k in catalog.preset(goal, objective)]

    assert ids(SocialGoal.AWARENESS, StrategicObjective.FOCUS)[0] in {"reach", "followers_local"}
    assert "followers_local" in ids(SocialGoal.AWARENESS, StrategicObjective.FOCUS)
    cs_nurture = ids(SocialGoal.CUSTOMER_SERVICE, StrategicObjective.NURTURE)
    assert {"response_time", "complaint_resolution_rate", "repeat_purchase_rate"} <= set(cs_nurture)
    ls_switch = ids(SocialGoal.LEADS_SALES, StrategicObjective.SWITCH)
    assert {"link_clicks", "leads", "lead_to_sale_rate"} <= set(ls_switch)
    assert ids(SocialGoal.ENGAGEMENT, StrategicObjective.FOCUS)[0] == "engagement_rate"


def test_presets_cover_every_goal_and_objective(catalog):
    assert set(catalog.presets) == set(SocialGoal)
    for goal in SocialGoal:
        assert set(catalog.presets[goal]) == set(StrategicObjective)


# -- search -----------------------------------------------------------------------------------


def test_search_finds_kpis_in_korean_and_english(catalog):
    assert "followers" in {k.id for k in catalog.search("팔로워")}
    assert "followers" in {k.id for k in catalog.search("follower")}
    assert "followers" in {k.id for k in catalog.search("FOLLOWERS")}
    assert "response_time" in {k.id for k in catalog.search("응답 시간")}
    assert "response_time" in {k.id for k in catalog.search("response time")}
    assert "engagement_rate" in {k.id for k in catalog.search("참여율")}
    assert "bounce_rate" in {k.id for k in catalog.search("이탈률")}
    assert catalog.search("존재하지않는지표xyz") == []


def test_search_filters(catalog):
    paid = catalog.search(family=Family.PAID)
    assert paid and all(k.family is Family.PAID for k in paid)
    leading = catalog.search(indicator=Indicator.LEADING)
    lagging = catalog.search(indicator=Indicator.LAGGING)
    assert leading and lagging and len(leading) + len(lagging) == len(catalog.kpis)
    service = catalog.search("응답", goal=SocialGoal.CUSTOMER_SERVICE)
    assert {"response_rate", "response_time"} <= {k.id for k in service}


# -- local channels read by hand (Naver Place, Naver Blog, Kakao Channel, Daangn, delivery apps) --

LOCAL_IDS = {
    "naver_place_views", "naver_place_directions", "naver_place_saves", "naver_place_shares",
    "naver_place_calls", "naver_place_reviews", "naver_blog_views", "naver_blog_visits",
    "naver_blog_neighbors", "kakao_channel_friends", "kakao_message_impressions",
    "kakao_channel_home_views", "kakao_coupon_entries", "kakao_chat_requests", "daangn_regulars",
    "daangn_post_views", "delivery_reviews", "delivery_rating",
}


def test_local_channel_kpis_are_read_by_hand_with_a_place_to_read_them(catalog):
    manual = {k.id for k in catalog.kpis if k.source is Source.MANUAL}
    assert manual == LOCAL_IDS
    for kid in LOCAL_IDS:
        k = catalog.kpi(kid)
        assert k.where is not None and k.frequency is Frequency.MONTHLY, kid
        if not k.where.confirmed:  # never a guessed menu path
            assert "확인 필요" in k.where.screen.ko and "to be confirmed" in k.where.screen.en, kid


def test_kakao_numbers_use_the_words_of_kakaos_statistics_report(catalog):
    # cs.kakao.com: 친구수 / 메시지 노출수 / 채널홈 조회수 / 채팅 요청 친구수 / 쿠폰 응모수
    for kid, label in (("kakao_channel_friends", "친구수"), ("kakao_message_impressions", "메시지 노출수"),
                       ("kakao_channel_home_views", "채널홈 조회수"), ("kakao_coupon_entries", "쿠폰 응모수"),
                       ("kakao_chat_requests", "채팅 요청 친구수")):
        where = catalog.kpi(kid).where
        assert f"'{label}'" in where.screen.ko and where.confirmed and "cs.kakao.com" in where.source, kid


def test_naver_place_numbers_use_naver_s_own_words_and_admit_the_unchecked_path(catalog):
    for kid, label in (("naver_place_views", "조회수"), ("naver_place_directions", "길찾기"),
                       ("naver_place_saves", "장소저장"), ("naver_place_shares", "장소공유"),
                       ("naver_place_calls", "전화걸기")):
        where = catalog.kpi(kid).where
        assert f"'{label}'" in where.screen.ko and not where.confirmed, kid


def test_local_kinds_and_ranges(catalog):
    stocks = {"naver_place_reviews", "naver_blog_neighbors", "kakao_channel_friends", "daangn_regulars",
              "delivery_reviews"}
    for kid in LOCAL_IDS - stocks - {"delivery_rating"}:
        assert catalog.kpi(kid).kind is KpiKind.FLOW, kid
    for kid in stocks:
        assert catalog.kpi(kid).kind is KpiKind.STOCK, kid
    rating = catalog.kpi("delivery_rating")
    assert rating.kind is KpiKind.RATE and (rating.natural_min, rating.natural_max) == (1, 5)
    assert all(catalog.kpi(k).natural_min == 0 for k in LOCAL_IDS - {"delivery_rating"})


def test_a_manual_kpi_without_a_place_to_read_it_is_refused():
    raw = json.loads(resource_path("catalog", "catalog.json").read_text(encoding="utf-8"))
    kpi = next(k for k in raw["kpis"] if k["id"] == "naver_place_calls")
    kpi["where"] = None
    with pytest.raises(ValueError, match="where"):
        Catalog.model_validate(raw)
    kpi["where"] = {"screen": {"ko": "통계 → 전화", "en": "Statistics, calls"}, "confirmed": False}
    with pytest.raises(ValueError, match="확인 필요"):
        Catalog.model_validate(raw)


@pytest.mark.parametrize("goal", [SocialGoal.AWARENESS, SocialGoal.LEADS_SALES])
@pytest.mark.parametrize("objective", [StrategicObjective.FOCUS, StrategicObjective.SWITCH])
def test_local_shop_preset_is_the_local_chain(catalog, goal, objective):
    kpis = catalog.preset(goal, objective, business="local_shop")
    ids = [k.id for k in kpis]
    assert 5 <= len(ids) <= 8 and len(set(ids)) == len(ids), ids
    assert goal in kpis[0].goals and kpis[0].source is Source.MANUAL, ids
    assert any(k.objective == "local_visits" for k in kpis), ids  # Naver Place actions
    assert "naver_place_reviews" in ids  # reviews
    assert any(k.outcome for k in kpis), ids  # visits / sales
    assert {k.perspective for k in kpis} == set(Perspective), ids
    assert {Indicator.LEADING, Indicator.LAGGING} <= {k.indicator for k in kpis}, ids


def test_local_shop_preset_falls_back_to_the_general_one(catalog):
    general = catalog.preset(SocialGoal.ENGAGEMENT, StrategicObjective.NURTURE)
    assert catalog.preset(SocialGoal.ENGAGEMENT, StrategicObjective.NURTURE, business="local_shop") == general
    assert catalog.business_preset("local_shop").name.ko == "동네 가게"
