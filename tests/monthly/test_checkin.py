"""The monthly check-in: which numbers it asks for, where to read them, pasting, applying, missing."""

from __future__ import annotations

from datetime import date

import pytest

from kpiwizard.core.catalog import load_catalog
from kpiwizard.core.checkin import (
    CheckInError,
    EntryError,
    apply_checkin,
    checkin_reminder,
    due_month,
    missing_numbers,
    month_period,
    monthly_checkin,
    parse_number,
    plan_months,
)
from kpiwizard.core.enums import Frequency, Lang, Source
from kpiwizard.core.examples import find_example
from kpiwizard.core.models import CustomKpi, KpiSelection
from kpiwizard.core.schedule import Period

LOCAL = ["naver_place_directions", "naver_place_views", "naver_place_saves", "naver_place_reviews",
         "kakao_channel_friends", "kakao_coupon_entries"]


@pytest.fixture
def cafe():
    return find_example("cafe").load()


# -- months -------------------------------------------------------------------------------------


def test_the_cafe_plan_has_three_months_named_by_the_month_they_start_in(cafe):
    assert plan_months(cafe) == ["2026-01", "2026-02", "2026-03"]
    assert month_period(cafe, "2026-01") == Period(date(2026, 1, 5), date(2026, 2, 4))
    assert month_period(cafe, "2026-03") == Period(date(2026, 3, 5), date(2026, 3, 29))


@pytest.mark.parametrize("bad", ["2025-12", "2026-04", "2026-13", "2026-3", "March", ""])
def test_a_month_outside_the_plan_or_written_wrong_is_a_bilingual_error(cafe, bad):
    with pytest.raises(CheckInError) as e:
        monthly_checkin(cafe, bad)
    assert e.value.text.ko.strip() and e.value.text.en.strip()


def test_the_due_month_is_the_last_one_whose_numbers_are_out(cafe):
    assert due_month(cafe, date(2025, 12, 1)) == "2026-01"  # before the plan: its first month
    assert due_month(cafe, date(2026, 2, 3)) == "2026-01"  # January's period ends 4 February
    assert due_month(cafe, date(2026, 2, 4)) == "2026-01"  # the check-in day itself
    assert due_month(cafe, date(2026, 3, 3)) == "2026-01"
    assert due_month(cafe, date(2026, 3, 4)) == "2026-02"
    assert due_month(cafe, date(2026, 3, 29)) == "2026-03"
    assert due_month(cafe, date(2027, 1, 1)) == "2026-03"


# -- the form -------------------------------------------------------------------------------------


def test_the_cafe_check_in_asks_for_its_six_local_numbers_with_where_to_find_them(cafe):
    form = monthly_checkin(cafe, "2026-02", Lang.KO)
    assert [i.kpi_id for i in form.items] == LOCAL
    assert form.due == date(2026, 3, 4)
    catalog = load_catalog()
    for item in form.items:
        assert item.where == catalog.kpi(item.kpi_id).where.screen.ko
        assert item.period == month_period(cafe, "2026-02")
    friends = next(i for i in form.items if i.kpi_id == "kakao_channel_friends")
    assert "통계 리포트" in friends.where and "'친구수'" in friends.where and friends.where_confirmed
    assert friends.channel == "카카오톡 채널"
    saves = next(i for i in form.items if i.kpi_id == "naver_place_saves")
    assert "확인 필요" in saves.where and not saves.where_confirmed
    assert (friends.value, friends.last_value) == (201, 168)  # February beside January
    english = monthly_checkin(cafe, "2026-02", Lang.EN)
    assert "to be confirmed" in next(i for i in english.items if i.kpi_id == "naver_place_saves").where


def test_numbers_with_a_download_are_not_asked(cafe):
    asked = {i.kpi_id for i in monthly_checkin(cafe, "2026-03").items}
    assert not asked & {"engagement_rate", "followers_local", "coupon_visits", "social_revenue"}


def test_missing_numbers_of_the_month(cafe):
    assert missing_numbers(cafe, "2026-02") == ()
    missing = missing_numbers(cafe, "2026-03")
    assert [i.kpi_id for i in missing] == ["naver_place_saves"]
    assert missing[0].last_value == 70 and missing[0].value is None
    assert not monthly_checkin(cafe, "2026-03").complete
    emptied = cafe.model_copy(update={"actuals": {}})
    assert [i.kpi_id for i in missing_numbers(emptied, "2026-01")] == LOCAL
    first = monthly_checkin(emptied, "2026-01")
    assert all(i.last_value is None and i.last_period is None for i in first.items)


def test_a_weekly_number_read_by_hand_is_asked_week_by_week(cafe):
    kpi = KpiSelection(id="visits_hand", custom=CustomKpi(name="방문 손님", source=Source.MANUAL,
                                                           formula="포스기 방문 수"),
                       frequency=Frequency.WEEKLY, unit="명", baseline=100, target=150)
    plan = cafe.model_copy(update={"kpis": [*cafe.kpis, kpi]})
    weekly = [i for i in monthly_checkin(plan, "2026-02").items if i.kpi_id == "visits_hand"]
    # weeks starting 9, 16, 23 Feb and 2 Mar lie in February's period (5 Feb - 4 Mar)
    assert [i.period.start for i in weekly] == [date(2026, 2, 9), date(2026, 2, 16), date(2026, 2, 23), date(2026, 3, 2)]
    assert weekly[0].key == "visits_hand@2026-02-09" and weekly[0].where == "포스기 방문 수"
    result = apply_checkin(plan, "2026-02", {"visits_hand@2026-02-16": "120명"})
    assert result.ok and result.project.actuals["visits_hand"] == {date(2026, 2, 16): 120}


def test_the_reminder_names_the_channels_and_the_count(cafe):
    text = checkin_reminder(cafe)
    assert "네이버 스마트플레이스" in text.ko and "카카오톡 채널" in text.ko and "6개" in text.ko
    assert "Kakao Channel" in text.en and "6 numbers" in text.en
    assert checkin_reminder(find_example("b2b-ebook").load()) is None


# -- pasting --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("1,234", 1234), ("1234", 1234), ("1,234회", 1234), ("1.2천", 1200), ("1만 2천", 12000),
    ("1만2,345", 12345), ("3.5만", 35000), ("1.2K", 1200), ("１，２３４", 1234), ("１２３４회", 1234),
    (" 1,234 \n", 1234), ("친구수 1,234", 1234), ("1,234 ▲12", 1234), ("1,234 (+5.2%)", 1234),
    ("12,000원", 12000), ("₩12,000", 12000), ("0", 0), ("4.5", 4.5), ("+15", 15),
    # hundreds too: "5백" was read as 5 (12,005 for 1만2천5백)
    ("1만2천5백", 12500), ("3백", 300), ("1천 5백", 1500),
    # compound multipliers: "3천만" is thirty million, not 3,000 (it read 2억 3천만 as 200,003,000)
    ("3천만 원", 30_000_000), ("2억 3천만", 230_000_000), ("5백만", 5_000_000), ("1억 2천만 5백", 120_000_500),
    # falling multipliers add up; a plain number after a multiplier is its last digits
    ("1천 2", 1002), ("1만 0.5천", 10500),
    # a change beside the number, in brackets or marked, is not the number
    ("1,250 [−3]", 1250), ("1,250 +15", 1250), ("1천 (2)", 1000),
    # the largest number the plan holds, and a minus
    ("1,000,000,000,000", 1e12), ("-3", -3),
])
def test_pasted_numbers_read_as_the_screen_shows_them(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text,value", [("4.5%", 4.5), ("4.5 %", 4.5), ("４．５％", 4.5), ("4.5", 4.5)])
def test_a_percentage_for_a_percent_kpi(text, value):
    assert parse_number(text, percent=True) == value


@pytest.mark.parametrize("text,why", [
    ("4.5%", "비율이 아닙니다"),  # a percent where the KPI counts
    ("4,5", "쉼표"),  # a decimal comma is not read as 45
    ("12,34", "쉼표"),
    ("12 34", "여러 개"),  # two numbers: which one?
    ("1,234 567", "여러 개"),
    ("▲12", "증감"),  # the change, not the number
    ("1만 1만", "여러 개"),  # a multiplier not falling: two numbers, not 20,000
    ("2천 1만", "여러 개"),
    ("1만 -2천", "여러 개"),  # a minus inside is not a change marker
    ("(3) 1,200", "여러 개"),  # the bracket comes first: which is the number?
    ("1,000,000,000,001", "너무 큰"),
    ("없음", "찾지 못했습니다"),
])
def test_what_cannot_be_read_for_sure_is_refused_with_the_reason(text, why):
    with pytest.raises(EntryError) as e:
        parse_number(text)
    assert why in e.value.text.ko and e.value.text.en.strip()


def test_blank_is_no_entry():
    assert parse_number("") is None and parse_number("   ") is None


# -- applying -------------------------------------------------------------------------------------


def test_applying_fills_the_missing_number_and_corrects_another(cafe):
    result = apply_checkin(cafe, "2026-03", {"naver_place_saves": "81회", "kakao_channel_friends": "1,2천",
                                             "naver_place_views": ""})
    assert not result.ok and "kakao_channel_friends" in result.errors  # "1,2천": decimal comma
    assert result.project is cafe and result.new == result.changed == 0
    result = apply_checkin(cafe, "2026-03", {"naver_place_saves": "81회", "kakao_channel_friends": "240",
                                             "naver_place_views": ""})
    assert result.ok and (result.new, result.changed) == (1, 1)
    assert result.summary(Lang.EN) == "1 new, 1 changed"
    got = result.project.actuals
    assert got["naver_place_saves"][date(2026, 3, 5)] == 81
    assert got["kakao_channel_friends"][date(2026, 3, 5)] == 240
    assert got["naver_place_views"] == cafe.actuals["naver_place_views"]  # blank: unchanged
    assert cafe.actuals["kakao_channel_friends"][date(2026, 3, 5)] == 238  # the original is untouched
    assert missing_numbers(result.project, "2026-03") == ()


def test_a_reading_dated_inside_the_period_is_replaced_not_doubled(cafe):
    series = dict(cafe.actuals["naver_place_reviews"])
    del series[date(2026, 3, 5)]
    series[date(2026, 3, 20)] = 250
    plan = cafe.model_copy(update={"actuals": {**cafe.actuals, "naver_place_reviews": series}})
    result = apply_checkin(plan, "2026-03", {"naver_place_reviews": 255})
    assert result.changed == 1 and result.new == 0
    assert result.project.actuals["naver_place_reviews"][date(2026, 3, 20)] == 255
    assert date(2026, 3, 5) not in result.project.actuals["naver_place_reviews"]


def test_the_same_values_again_change_nothing(cafe):
    result = apply_checkin(cafe, "2026-02", {"naver_place_views": "2,080", "kakao_coupon_entries": 34})
    assert result.ok and result.project is cafe and result.summary(Lang.KO) == "바뀐 것이 없습니다."


@pytest.mark.parametrize("kpi,entry,ok", [
    ("naver_place_views", "0", True), ("naver_place_views", "-1", False),
    ("naver_place_reviews", "1e3", False),
])
def test_counts_cannot_go_below_zero(cafe, kpi, entry, ok):
    assert apply_checkin(cafe, "2026-03", {kpi: entry}).ok is ok


def test_a_rating_stays_on_its_scale(cafe):
    rating = KpiSelection(id="delivery_rating", catalog_id="delivery_rating", frequency=Frequency.MONTHLY,
                          baseline=4.6, target=4.8)
    plan = cafe.model_copy(update={"kpis": [*cafe.kpis, rating]})
    assert apply_checkin(plan, "2026-03", {"delivery_rating": "5"}).ok
    assert apply_checkin(plan, "2026-03", {"delivery_rating": "4.9점"}).ok
    refused = apply_checkin(plan, "2026-03", {"delivery_rating": "5.1"})
    assert "5 이하" in refused.errors["delivery_rating"].ko
    assert not apply_checkin(plan, "2026-03", {"delivery_rating": "0.9"}).ok


def test_an_entry_the_form_does_not_have_is_refused(cafe):
    result = apply_checkin(cafe, "2026-03", {"engagement_rate": "4.2", "naver_place_saves": "80"})
    assert set(result.errors) == {"engagement_rate"} and result.project is cafe
    assert not apply_checkin(cafe, "2026-03", {"naver_place_saves": True}).ok
    assert not apply_checkin(cafe, "2026-03", {"naver_place_saves": float("nan")}).ok


def test_check_in_values_feed_the_tracker_like_any_actual(cafe, tmp_path):
    from kpiwizard.export.tracker import export_tracker
    from kpiwizard.export.tracker_import import import_actuals

    updated = apply_checkin(cafe, "2026-03", {"naver_place_saves": "81"}).project
    tracker = tmp_path / "t.xlsx"
    export_tracker(updated, tracker, Lang.KO)
    assert import_actuals(updated, tracker).summary(Lang.EN) == "No changes."
    assert import_actuals(cafe, tracker).new == 1  # the tracker shows the checked-in value


def test_the_review_calendar_s_monthly_events_mention_the_check_in(cafe):
    from kpiwizard.export.calendar import build_calendar

    events = {e.decoded("dtstart"): str(e.get("description")) for e in build_calendar(cafe, Lang.KO).walk("VEVENT")}
    month_ends = {month_period(cafe, m).end for m in plan_months(cafe)}
    assert month_ends == {date(2026, 2, 4), date(2026, 3, 4), date(2026, 3, 29)}
    for day, text in events.items():
        assert ("월간 점검" in text) == (day in month_ends), day
    assert checkin_reminder(cafe).ko in events[date(2026, 2, 4)]
    english = [str(e.get("description")) for e in build_calendar(cafe, Lang.EN).walk("VEVENT")]
    assert sum("Monthly check-in" in d for d in english) == 3


# -- what a KPI can take, on both sides of each limit --------------------------------------------


def _view(selection: KpiSelection):
    from kpiwizard.core.kpiview import view_kpi
    from kpiwizard.core.models import Project

    return view_kpi(Project(start=date(2026, 1, 1), end=date(2026, 3, 31), kpis=[selection]), selection)


@pytest.mark.parametrize("selection, value, refused", [
    # the owner's own percent is held to 0-100, both ends possible
    (KpiSelection(id="c", custom=CustomKpi(name="재방문율", percent=True)), 0.0, None),
    (KpiSelection(id="c", custom=CustomKpi(name="재방문율", percent=True)), -0.1, "0 이상"),
    (KpiSelection(id="c", custom=CustomKpi(name="재방문율", percent=True)), 100.0, None),
    (KpiSelection(id="c", custom=CustomKpi(name="재방문율", percent=True)), 100.1, "100 이하"),
    # the owner's own count has no limit on record
    (KpiSelection(id="c", custom=CustomKpi(name="단골 수")), -5.0, None),
    # a catalog time cannot be 0 (its floor is exclusive); a catalog count can
    (KpiSelection(id="r", catalog_id="response_time"), 0.0, "0 초과"),
    (KpiSelection(id="r", catalog_id="response_time"), 0.5, None),
    (KpiSelection(id="f", catalog_id="followers_local"), 0.0, None),
    (KpiSelection(id="f", catalog_id="followers_local"), -1.0, "0 이상"),
])
def test_a_value_the_kpi_cannot_take_is_refused_with_its_limit(selection, value, refused):
    from kpiwizard.core.checkin import check_value

    view = _view(selection)
    if refused is None:
        check_value(view, value)
        return
    with pytest.raises(EntryError) as e:
        check_value(view, value)
    assert refused in e.value.text.ko and view.names.en in e.value.text.en
