"""The KPI step's search: the words typed, narrowed by indicator, family and goal."""

from kpiwizard.core.catalog import load_catalog
from kpiwizard.core.enums import Family, Indicator, SocialGoal
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
