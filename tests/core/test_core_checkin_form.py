"""The monthly check-in form, read as the owner sees it: which months, which numbers, in which
language, where to read them, last month's value beside them, and the reminder line.

Each test reads a whole result (a sentence word for word, a form's rows) so that a change to what
the owner is shown fails it; the edges (December, the last day of a period, the first month) are
tested on both sides.
"""

from __future__ import annotations

from datetime import date

import pytest

from kpiwizard.core.checkin import (
    CheckInError,
    apply_checkin,
    checkin_reminder,
    due_month,
    entry_label,
    missing_numbers,
    month_period,
    monthly_checkin,
    plan_months,
)
from kpiwizard.core.enums import Frequency, Lang, Source
from kpiwizard.core.examples import find_example
from kpiwizard.core.models import CustomKpi, KpiSelection, Project
from kpiwizard.core.schedule import Period
from kpiwizard.core.text import Text

JAN = Period(date(2026, 1, 5), date(2026, 2, 4))
FEB = Period(date(2026, 2, 5), date(2026, 3, 4))


@pytest.fixture
def cafe() -> Project:
    return find_example("cafe").load()


def _with(project: Project, *kpis: KpiSelection, **changes) -> Project:
    """The plan with more KPIs (validated, as a saved plan would be)."""
    data = project.model_dump()
    data["kpis"] = [*data["kpis"], *(k.model_dump() for k in kpis)]
    data.update(changes)
    return Project.model_validate(data)


def _own(kpi_id: str, name: str, *, formula: str = "", definition: str = "", percent: bool = False,
         frequency: Frequency = Frequency.MONTHLY, unit: str = "명") -> KpiSelection:
    """A KPI the owner defined and reads by hand."""
    return KpiSelection(id=kpi_id, custom=CustomKpi(name=name, source=Source.MANUAL, formula=formula,
                                                    definition=definition, percent=percent),
                        frequency=frequency, unit=unit)


# -- months ---------------------------------------------------------------------------------------


def test_december_is_a_month_of_a_plan_that_crosses_the_new_year():
    plan = Project(start=date(2026, 11, 1), end=date(2027, 1, 31), kpis=[_own("regulars", "단골 손님")])
    assert plan_months(plan) == ["2026-11", "2026-12", "2027-01"]
    assert month_period(plan, "2026-12") == Period(date(2026, 12, 1), date(2026, 12, 31))
    assert month_period(plan, "2027-01") == Period(date(2027, 1, 1), date(2027, 1, 31))
    assert [i.period for i in monthly_checkin(plan, "2026-12").items] == [Period(date(2026, 12, 1), date(2026, 12, 31))]


@pytest.mark.parametrize("month", ["2026-13", "2026-00"])
def test_a_month_number_past_twelve_or_zero_is_written_wrong_not_outside_the_plan(cafe, month):
    with pytest.raises(CheckInError) as e:
        month_period(cafe, month)
    assert e.value.text == Text(ko=f"달은 2026-03처럼 연도-월로 적어 주세요 ('{month}').",
                                en=f"Write the month as year-month, like 2026-03 ('{month}').")


@pytest.mark.parametrize("month", ["2025-12", "2026-04"])
def test_a_month_outside_the_plan_names_the_plan_s_first_and_last_month(cafe, month):
    with pytest.raises(CheckInError) as e:
        monthly_checkin(cafe, month)
    assert e.value.text == Text(ko=f"{month}는 계획 기간(2026-01 ~ 2026-03)에 없는 달입니다.",
                                en=f"{month} is not a month of the plan (2026-01 ~ 2026-03).")


def test_a_plan_that_ends_before_it_starts_has_no_month_to_check_in():
    plan = Project(start=date(2026, 3, 1), end=date(2026, 1, 31), kpis=[_own("regulars", "단골 손님")])
    assert plan_months(plan) == [] and due_month(plan, date(2026, 2, 1)) is None
    with pytest.raises(CheckInError) as e:
        month_period(plan, "2026-01")
    assert e.value.text == Text(ko="2026-01은 계획 기간(–)에 없는 달입니다.",
                                en="2026-01 is not a month of the plan (–).")


def test_the_form_names_its_month_period_and_due_day_even_when_the_month_is_typed_with_spaces(cafe):
    form = monthly_checkin(cafe, " 2026-02 ")
    assert (form.month, form.period, form.due) == ("2026-02", FEB, date(2026, 3, 4))


# -- the rows: language, unit, last month --------------------------------------------------------


def test_the_form_is_in_the_language_asked_for_not_the_plan_s(cafe):
    assert cafe.language is Lang.KO
    english = monthly_checkin(cafe, "2026-02", Lang.EN)
    assert [(i.name, i.unit, i.channel) for i in english.items] == [
        ("Naver Place directions", "taps", "Naver Smart Place"),
        ("Naver Place views", "views", "Naver Smart Place"),
        ("Naver Place saves", "saves", "Naver Smart Place"),
        ("Naver Place reviews", "reviews", "Naver Smart Place"),
        ("Kakao Channel friends", "friends", "Kakao Channel"),
        ("Kakao Channel coupon entries", "entries", "Kakao Channel"),
    ]
    korean = monthly_checkin(cafe, "2026-02")
    assert [(i.name, i.unit) for i in korean.items] == [
        ("네이버 플레이스 길찾기", "회"), ("네이버 플레이스 조회수", "회"), ("네이버 플레이스 저장", "회"),
        ("네이버 플레이스 리뷰 수", "건"), ("카카오톡 채널 친구수", "명"), ("카카오톡 채널 쿠폰 응모수", "회"),
    ]
    assert [i.percent for i in korean.items] == [False] * 6
    assert [i.name for i in missing_numbers(cafe, "2026-03", Lang.EN)] == ["Naver Place saves"]
    assert [i.name for i in missing_numbers(cafe, "2026-03", Lang.KO)] == ["네이버 플레이스 저장"]


def test_the_first_month_has_no_last_month_even_when_later_months_have_numbers(cafe):
    assert cafe.actuals["kakao_channel_friends"][date(2026, 3, 5)] == 238  # March is recorded
    first = monthly_checkin(cafe, "2026-01")
    assert [(i.last_value, i.last_period) for i in first.items] == [(None, None)] * 6
    friends = next(i for i in first.items if i.kpi_id == "kakao_channel_friends")
    assert (friends.value, friends.period) == (168, JAN)


def test_the_second_month_shows_the_first_month_beside_it(cafe):
    second = monthly_checkin(cafe, "2026-02")
    assert [i.last_period for i in second.items] == [JAN] * 6
    assert [(i.value, i.last_value) for i in second.items] == [
        (178, 151), (2080, 1850), (70, 63), (236, 219), (201, 168), (34, 22)]


def test_a_reading_dated_on_the_last_day_of_a_month_belongs_to_that_month(cafe):
    actuals = {**cafe.model_dump()["actuals"], "naver_place_saves": {date(2026, 2, 4): 66.0}}
    plan = _with(cafe, actuals=actuals)
    saves = next(i for i in monthly_checkin(plan, "2026-01").items if i.kpi_id == "naver_place_saves")
    assert (saves.value, saves.missing) == (66, False)
    after = next(i for i in monthly_checkin(plan, "2026-02").items if i.kpi_id == "naver_place_saves")
    assert (after.value, after.last_value) == (None, 66)
    # a correction replaces that reading where it is, it does not add a second one
    result = apply_checkin(plan, "2026-01", {"naver_place_saves": "67"})
    assert (result.new, result.changed) == (0, 1)
    assert result.project.actuals["naver_place_saves"] == {date(2026, 2, 4): 67}


def test_a_weekly_number_whose_week_starts_on_the_plan_s_last_day_is_still_asked(cafe):
    # the plan ends on Monday 30 March; March's period is 5-30 March and its last week starts that day
    plan = _with(cafe, _own("visits", "방문 손님", formula="포스기 방문 수", frequency=Frequency.WEEKLY),
                 end=date(2026, 3, 30))
    weeks = [i.key for i in monthly_checkin(plan, "2026-03").items if i.kpi_id == "visits"]
    assert weeks == ["visits@2026-03-09", "visits@2026-03-16", "visits@2026-03-23", "visits@2026-03-30"]
    result = apply_checkin(plan, "2026-03", {"visits@2026-03-30": "31"})
    assert result.ok and result.project.actuals["visits"] == {date(2026, 3, 30): 31}


def test_the_form_labels_a_weekly_number_by_its_week_and_a_monthly_one_by_its_name(cafe):
    plan = _with(cafe, _own("visits", "방문 손님", formula="포스기 방문 수", frequency=Frequency.WEEKLY))
    items = {i.key: i for i in monthly_checkin(plan, "2026-03").items}
    week = items["visits@2026-03-09"]
    assert (entry_label(week, Lang.KO), entry_label(week, Lang.EN)) == ("방문 손님 (3/9~ 주)", "방문 손님 (week of 2026-03-09)")
    friends = items["kakao_channel_friends"]
    # a monthly number is named as the form names it (this form was made in the plan's Korean)
    assert (entry_label(friends, Lang.KO), entry_label(friends, Lang.EN)) == ("카카오톡 채널 친구수", "카카오톡 채널 친구수")


# -- where to read the owner's own KPI -----------------------------------------------------------


def test_the_owner_s_own_kpi_is_read_where_its_formula_or_definition_says(cafe):
    plan = _with(cafe, _own("a", "단골 손님", formula="단골 장부의 이름 수", definition="한 달에 두 번 넘게 온 손님"),
                 _own("b", "재방문 손님", definition="한 달에 두 번 넘게 온 손님"),
                 _own("c", "시식 손님"))
    for lang, fallback in ((Lang.KO, "직접 정한 KPI (확인 필요)"), (Lang.EN, "Your own KPI (to be confirmed)")):
        own = [i for i in monthly_checkin(plan, "2026-02", lang).items if i.kpi_id in {"a", "b", "c"}]
        assert [(i.where, i.where_confirmed) for i in own] == [
            ("단골 장부의 이름 수", False), ("한 달에 두 번 넘게 온 손님", False), (fallback, False)]
        assert [i.channel for i in own] == [{"ko": "직접 적는 숫자", "en": "Numbers you note yourself"}[lang.value]] * 3


def test_the_owner_s_own_percentage_is_asked_as_a_percentage(cafe):
    plan = _with(cafe, _own("revisit", "재방문율", formula="재방문 손님 / 전체 손님", percent=True, unit="%"))
    item = next(i for i in monthly_checkin(plan, "2026-03").items if i.kpi_id == "revisit")
    assert item.percent is True and item.unit == "%"
    result = apply_checkin(plan, "2026-03", {"revisit": "42.5%"})
    assert result.ok and result.project.actuals["revisit"] == {date(2026, 3, 5): 42.5}


# -- the reminder line -----------------------------------------------------------------------------


def test_the_reminder_of_the_cafe_word_for_word(cafe):
    assert checkin_reminder(cafe) == Text(
        ko="월간 점검: 네이버 스마트플레이스, 카카오톡 채널의 통계 화면에서 숫자 6개를 옮겨 적으세요.",
        en="Monthly check-in: copy 6 numbers from the statistics screens of Naver Smart Place, Kakao Channel.")


@pytest.mark.parametrize("kpis, ko, en", [
    (["kakao_channel_friends"], "카카오톡 채널의 통계 화면에서 숫자 1개를", "copy 1 number from the statistics screens of Kakao Channel."),
    (["kakao_channel_friends", "kakao_coupon_entries"], "카카오톡 채널의 통계 화면에서 숫자 2개를",
     "copy 2 numbers from the statistics screens of Kakao Channel."),
    (["naver_place_views", "kakao_channel_friends", "kakao_coupon_entries"],
     "네이버 스마트플레이스, 카카오톡 채널의 통계 화면에서 숫자 3개를",
     "copy 3 numbers from the statistics screens of Naver Smart Place, Kakao Channel."),
])
def test_the_reminder_counts_one_number_in_the_singular(kpis, ko, en):
    plan = Project(start=date(2026, 1, 5), end=date(2026, 3, 29),
                   kpis=[KpiSelection(id=k, catalog_id=k, frequency=Frequency.MONTHLY) for k in kpis])
    assert checkin_reminder(plan) == Text(ko=f"월간 점검: {ko} 옮겨 적으세요.", en=f"Monthly check-in: {en}")
