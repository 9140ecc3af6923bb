"""The KPI step's search: the words typed, narrowed by indicator, family and goal."""

import json

import pytest

from kpiwizard.core.catalog import Catalog, load_catalog
from kpiwizard.core.enums import Family, Indicator, SocialGoal
from kpiwizard.core.resources import resource_path
from kpiwizard.core.text import t

CATALOG = load_catalog()


def ids(*args, **kw) -> list[str]:
    return [k.id for k in CATALOG.search(*args, **kw)]


def test_naver_numbers_split_into_what_already_happened_and_what_tells_early():
    assert ids("네이버", indicator=Indicator.LAGGING) == [
        "naver_place_views", "naver_place_reviews", "naver_blog_views", "naver_blog_visits", "naver_blog_neighbors"]
    assert ids("네이버", indicator=Indicator.LEADING) == [
        "naver_place_directions", "naver_place_saves", "naver_place_shares", "naver_place_calls"]


def test_a_phrase_is_found_within_a_name_or_definition_in_either_language_case_blind():
    assert ids("naver place") == ["naver_place_views", "naver_place_directions", "naver_place_saves",
                                  "naver_place_shares", "naver_place_calls", "naver_place_reviews"]
    assert ids("  COUPON ") == ids("쿠폰", family=Family.CONVERSION, goal=SocialGoal.LEADS_SALES) == [
        "social_revenue", "coupon_redemptions", "kakao_coupon_entries"]
    assert ids("reach 도달") == []  # the id of one KPI and the name of another are not one phrase
    assert len(ids("")) == len(CATALOG.kpis)


def test_a_family_is_found_by_its_own_name():
    assert CATALOG.family(Family.PAID).name == t("유료 광고", "Paid posts")
    assert CATALOG.family(Family.TRAFFIC).name.en == "Site traffic"


def _raw() -> dict:
    return json.loads(resource_path("catalog", "catalog.json").read_text(encoding="utf-8"))


def test_an_objective_graph_with_a_circle_is_refused():
    """Cause and effect run one way on the strategy map; a circle would have no top or bottom."""
    raw = _raw()
    result = next(o for o in raw["objectives"] if o["id"] == "valuable_results")
    result["drives"] = ["train_team"]  # the result drives training, which drives ... the result
    with pytest.raises(ValueError, match="objectives in or leading into a circle of causes: engage_users, "
                                         "engaging_content, learn_tactics, local_visits, paid_reach, "
                                         "personal_interaction, publish_content, train_team, "
                                         "understand_customers, valuable_results "):
        Catalog.model_validate(raw)
    raw = _raw()
    visits = next(o for o in raw["objectives"] if o["id"] == "local_visits")
    visits["drives"] = ["valuable_results", "engaging_content"]  # a circle of two, and what leads into it
    with pytest.raises(ValueError, match="a circle of causes: engaging_content, learn_tactics, local_visits, "
                                         "paid_reach, publish_content, understand_customers "):
        Catalog.model_validate(raw)


def test_two_paths_meeting_are_no_circle():
    raw = _raw()
    engaging = next(o for o in raw["objectives"] if o["id"] == "engaging_content")
    engaging["drives"] = ["personal_interaction", "valuable_results", "local_visits"]
    assert Catalog.model_validate(raw).objective("engaging_content").drives[0] == "personal_interaction"
