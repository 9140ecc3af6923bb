"""What the owner types or pastes at the monthly check-in, read word for word: the number it
becomes, the sentence that refuses it (Korean and English), what is saved and the summary line.

Each limit is tested on both sides (the largest number, a KPI's floor and ceiling, what counts as
a correction), and each refusal by its whole sentence, as the check-in dialog shows it.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kpiwizard.core.checkin import EntryError, apply_checkin, check_value, parse_number
from kpiwizard.core.enums import Frequency, Lang, Source
from kpiwizard.core.examples import find_example
from kpiwizard.core.kpiview import view_kpi
from kpiwizard.core.models import MAX_PERIODS, MAX_VALUE, CustomKpi, KpiSelection, Project
from kpiwizard.core.text import Text

MAR = date(2026, 3, 5)  # the first day of the café's third month


@pytest.fixture
def cafe() -> Project:
    return find_example("cafe").load()


def _with(project: Project, *kpis: KpiSelection, actuals: dict | None = None) -> Project:
    data = project.model_dump()
    data["kpis"] = [*data["kpis"], *(k.model_dump() for k in kpis)]
    data["actuals"] = {**data["actuals"], **(actuals or {})}
    return Project.model_validate(data)


def _refusal(text: str, **kw) -> Text:
    with pytest.raises(EntryError) as e:
        parse_number(text, **kw)
    return e.value.text


# -- reading: what is refused, word for word --------------------------------------------------------


@pytest.mark.parametrize("text, ko, en", [
    ("4,5", "'4,5'의 쉼표를 읽을 수 없습니다. 쉼표는 1,234처럼 천 단위에만 쓰고, 소수점은 4.5처럼 점으로 적어 주세요.",
     "Cannot read the comma in '4,5'. Use commas only between thousands (1,234) and a point for decimals (4.5)."),
    # the comma of the second part of "1만 2,34" is refused with the whole entry quoted
    ("1만 2,34", "'1만 2,34'의 쉼표를 읽을 수 없습니다. 쉼표는 1,234처럼 천 단위에만 쓰고, 소수점은 4.5처럼 점으로 적어 주세요.",
     "Cannot read the comma in '1만 2,34'. Use commas only between thousands (1,234) and a point for decimals (4.5)."),
    ("▲12", "'▲12'는 증감 표시로 보입니다. 증감이 아니라 이번 달 숫자를 적어 주세요.",
     "'▲12' looks like a change marker. Enter this month's number, not the change."),
    ("4.5%", "'4.5%'는 %로 적혀 있는데, 이 KPI는 비율이 아닙니다.", "'4.5%' is a percentage, but this KPI is not one."),
    ("1,000,000,000,001", "'1,000,000,000,001'은 너무 큰 숫자입니다.", "'1,000,000,000,001' is too large a number."),
    ("없음", "'없음'에서 숫자를 찾지 못했습니다.", "No number found in '없음'."),
    ("12 34", "'12 34'에 숫자가 여러 개 있습니다. 이번 달 숫자 하나만 적어 주세요.",
     "'12 34' holds more than one number. Enter only this month's number."),
])
def test_a_refused_entry_says_why_word_for_word(text, ko, en):
    assert _refusal(text) == Text(ko=ko, en=en)


@pytest.mark.parametrize("text", [
    "1,250 [3] 40",  # a closed bracket does not hide the number after it
    "1,234 ▲12 56",  # nor does a change marker: 56 is a second number
])
def test_a_second_number_after_a_change_is_still_a_second_number(text):
    assert _refusal(text) == Text(ko=f"'{text}'에 숫자가 여러 개 있습니다. 이번 달 숫자 하나만 적어 주세요.",
                                  en=f"'{text}' holds more than one number. Enter only this month's number.")


@pytest.mark.parametrize("text, value", [
    ("\u22123", -3),  # the minus sign of a statistics screen (U+2212)
    ("\u20133", -3),  # an en dash typed as a minus
    ("4\u066b5", 4.5),  # the Arabic decimal separator some keyboards give
    ("1,234\u00a0회", 1234),  # a no-break space before the unit
    ("1만\u30002천", 12000),  # an ideographic (full-width) space between the parts
    ("1천 2", 1002),  # a plain number after a multiplier is its last digits
    ("12", 12),
])
def test_signs_and_spaces_screens_paste(text, value):
    assert parse_number(text) == value


# -- what a KPI can take, sentence by sentence -----------------------------------------------------


def _view(catalog_id: str):
    selection = KpiSelection(id="k", catalog_id=catalog_id)
    return view_kpi(Project(start=date(2026, 1, 1), end=date(2026, 3, 31), kpis=[selection]), selection)


@pytest.mark.parametrize("catalog_id, value, ko, en", [
    ("response_time", 0.0, "응답 시간: 0은 올 수 없는 값입니다 (0 초과).", "Response time: 0 is not possible (above 0)."),
    ("followers_local", -1.25, "지역 팔로워 수: -1.25는 올 수 없는 값입니다 (0 이상).",
     "Local followers: -1.25 is not possible (at least 0)."),
    ("delivery_rating", 0.5, "배달앱 별점: 0.5는 올 수 없는 값입니다 (1 이상).", "Delivery app rating: 0.5 is not possible (at least 1)."),
    ("delivery_rating", 5.1, "배달앱 별점: 5.1은 올 수 없는 값입니다 (5 이하).", "Delivery app rating: 5.1 is not possible (at most 5)."),
])
def test_a_value_outside_the_kpi_s_range_is_refused_word_for_word(catalog_id, value, ko, en):
    with pytest.raises(EntryError) as e:
        check_value(_view(catalog_id), value)
    assert e.value.text == Text(ko=ko, en=en)


@pytest.mark.parametrize("catalog_id, value", [
    ("response_time", 0.1), ("followers_local", 0.0), ("delivery_rating", 1.0), ("delivery_rating", 5.0),
    ("engagement_rate", 250.0),  # a rate in percent has no ceiling
])
def test_a_value_at_the_kpi_s_limit_is_taken(catalog_id, value):
    check_value(_view(catalog_id), value)


# -- applying: which entries are refused, what is saved, the summary --------------------------------


def test_every_bad_entry_is_named_with_its_reason_and_nothing_is_saved(cafe):
    result = apply_checkin(cafe, "2026-03", {
        "engagement_rate": "4.2",  # not read by hand: not on the form
        "naver_place_saves": True,
        "naver_place_views": 1e13,
        "naver_place_reviews": float("nan"),
        "kakao_channel_friends": "240",
    })
    assert result.errors == {
        "engagement_rate": Text(ko="'engagement_rate'는 2026-03 점검에 있는 숫자가 아닙니다.",
                                en="'engagement_rate' is not a number of the 2026-03 check-in."),
        "naver_place_saves": Text(ko="숫자가 아닙니다.", en="Not a number."),
        "naver_place_views": Text(ko="너무 크거나 숫자가 아닙니다.", en="Too large or not a number."),
        "naver_place_reviews": Text(ko="너무 크거나 숫자가 아닙니다.", en="Too large or not a number."),
    }
    assert result.project is cafe and (result.new, result.changed) == (0, 0)
    assert result.summary(Lang.KO) == "입력 4개를 고쳐 주세요. 아무것도 저장하지 않았습니다."
    assert result.summary(Lang.EN) == "Fix 4 entries; nothing was saved."


def test_one_bad_entry_is_one_entry(cafe):
    result = apply_checkin(cafe, "2026-03", {"naver_place_saves": "abc"})
    assert result.errors == {"naver_place_saves": Text(ko="'abc'에서 숫자를 찾지 못했습니다.", en="No number found in 'abc'.")}
    assert result.summary(Lang.KO) == "입력 1개를 고쳐 주세요. 아무것도 저장하지 않았습니다."
    assert result.summary(Lang.EN) == "Fix 1 entry; nothing was saved."


@pytest.mark.parametrize("value, ok", [(MAX_VALUE, True), (MAX_VALUE * (1 + 1e-9), False)])
def test_the_largest_number_a_plan_keeps_is_taken_and_one_above_refused(cafe, value, ok):
    result = apply_checkin(cafe, "2026-03", {"naver_place_saves": value})
    assert result.ok is ok
    if ok:
        assert result.project.actuals["naver_place_saves"][MAR] == MAX_VALUE
    else:
        assert result.errors == {"naver_place_saves": Text(ko="너무 크거나 숫자가 아닙니다.", en="Too large or not a number.")}


def test_a_blank_entry_is_skipped_and_the_entries_after_it_are_saved(cafe):
    result = apply_checkin(cafe, "2026-03", {"naver_place_views": "", "kakao_channel_friends": None,
                                             "naver_place_saves": "81"})
    assert result.ok and (result.new, result.changed) == (1, 0)
    assert result.project.actuals["naver_place_saves"][MAR] == 81
    assert result.project.actuals["naver_place_views"] == cafe.actuals["naver_place_views"]
    assert result.project.actuals["kakao_channel_friends"] == cafe.actuals["kakao_channel_friends"]
    assert result.summary(Lang.KO) == "새 값 1개, 바뀐 값 0개"
    assert result.summary(Lang.EN) == "1 new, 0 changed"


def test_new_and_changed_numbers_are_counted_one_by_one(cafe):
    emptied = {k: {d: v for d, v in series.items() if d < MAR} for k, series in cafe.actuals.items()}
    plan = _with(cafe, actuals=emptied)
    plan = _with(plan, actuals={"kakao_channel_friends": {**plan.actuals["kakao_channel_friends"], MAR: 238.0},
                                "kakao_coupon_entries": {**plan.actuals["kakao_coupon_entries"], MAR: 40.0}})
    result = apply_checkin(plan, "2026-03", {"naver_place_views": "2,300", "naver_place_saves": "81",
                                             "kakao_channel_friends": "240", "kakao_coupon_entries": "41"})
    assert (result.new, result.changed) == (2, 2)
    assert result.summary(Lang.KO) == "새 값 2개, 바뀐 값 2개"
    assert result.summary(Lang.EN) == "2 new, 2 changed"


def test_the_same_numbers_again_are_no_change_in_both_languages(cafe):
    result = apply_checkin(cafe, "2026-03", {"kakao_channel_friends": "238", "naver_place_views": cafe.actuals["naver_place_views"][MAR]})
    assert result.ok and result.project is cafe
    assert (result.summary(Lang.KO), result.summary(Lang.EN)) == ("바뀐 것이 없습니다.", "No changes.")


@pytest.mark.parametrize("before, entry, changed", [
    (4.6, "4.7", True),  # a rating corrected by a tenth
    (4.6, "4.6점", False),
    (1_234_567_890.0, "1,234,567,891원", True),  # a one-won correction of 1.2 billion won is kept
    (1_234_567_890.0, "12억 3456만 7890", False),  # the same number, written the Korean way
    (0.0, "0", False),
    (0.0, "0.001", True),
])
def test_a_correction_however_small_is_saved(cafe, before, entry, changed):
    rating = KpiSelection(id="delivery_rating", catalog_id="delivery_rating", frequency=Frequency.MONTHLY)
    sales = KpiSelection(id="sales", custom=CustomKpi(name="배달앱 매출", source=Source.MANUAL), frequency=Frequency.MONTHLY,
                         unit="원")
    kpi = "delivery_rating" if before == 4.6 else "sales"
    plan = _with(cafe, rating, sales, actuals={kpi: {MAR: before}})
    result = apply_checkin(plan, "2026-03", {kpi: entry})
    assert result.ok and (result.new, result.changed) == (0, int(changed))
    assert result.project.actuals[kpi][MAR] == (parse_number(entry) if changed else before)


def _full(n: int) -> dict[date, float]:
    """Readings of ``n`` days before the café plan (imported history, say)."""
    return {date(2009, 1, 1) + timedelta(days=i): float(i) for i in range(n)}


def test_a_kpi_that_already_holds_the_most_readings_a_plan_keeps_takes_no_new_one(cafe):
    plan = _with(cafe, actuals={"naver_place_saves": _full(MAX_PERIODS)})
    result = apply_checkin(plan, "2026-03", {"naver_place_saves": "81", "naver_place_views": "2,400"})
    assert result.errors == {"naver_place_saves": Text(
        ko="네이버 플레이스 저장: 기록이 이미 6,000개라 더 저장할 수 없습니다 (KPI 하나에 6,000개까지).",
        en="Naver Place saves: it already holds 6,000 readings, the most one KPI keeps; this one cannot be saved.")}
    assert result.project is plan and len(plan.actuals["naver_place_saves"]) == MAX_PERIODS
    assert result.summary(Lang.EN) == "Fix 1 entry; nothing was saved."


def test_one_reading_below_the_most_takes_one_new_reading(cafe):
    plan = _with(cafe, actuals={"naver_place_saves": _full(MAX_PERIODS - 1)})
    result = apply_checkin(plan, "2026-03", {"naver_place_saves": "81"})
    assert result.ok and result.new == 1 and len(result.project.actuals["naver_place_saves"]) == MAX_PERIODS


def test_at_the_most_readings_a_correction_is_still_saved(cafe):
    at_limit = {**_full(MAX_PERIODS - 1), MAR: 80.0}
    result = apply_checkin(_with(cafe, actuals={"naver_place_saves": at_limit}), "2026-03", {"naver_place_saves": "81"})
    assert result.ok and (result.new, result.changed) == (0, 1)
    assert len(result.project.actuals["naver_place_saves"]) == MAX_PERIODS
    assert result.project.actuals["naver_place_saves"][MAR] == 81


def test_weeks_of_one_check_in_count_together_towards_the_most(cafe):
    visits = KpiSelection(id="visits", custom=CustomKpi(name="방문 손님", source=Source.MANUAL),
                          frequency=Frequency.WEEKLY, unit="명")
    plan = _with(cafe, visits, actuals={"visits": _full(MAX_PERIODS - 2)})
    weeks = {"visits@2026-03-09": "30", "visits@2026-03-16": "31", "visits@2026-03-23": "32"}
    two = apply_checkin(plan, "2026-03", dict(list(weeks.items())[:2]))
    assert two.ok and two.new == 2 and len(two.project.actuals["visits"]) == MAX_PERIODS
    three = apply_checkin(plan, "2026-03", weeks)
    assert list(three.errors) == ["visits@2026-03-23"] and three.project is plan
    assert three.errors["visits@2026-03-23"].en.startswith("방문 손님: it already holds 6,000 readings")


def test_a_plan_changed_without_validation_is_not_saved_with_its_fault(cafe):
    # engagement_rate taken out of the KPIs without its readings (Project.remove_kpi drops both)
    broken = cafe.model_copy(update={"kpis": [k for k in cafe.kpis if k.id != "engagement_rate"]})
    result = apply_checkin(broken, "2026-03", {"naver_place_saves": "81"})
    why = "Value error, actuals: 'engagement_rate' is not a KPI of this plan"
    assert result.errors == {"": Text(ko=f"입력한 값이 계획에 맞지 않습니다: {why}",
                                      en=f"The entered values do not fit the plan: {why}")}
    assert result.project is broken and (result.new, result.changed) == (0, 0)
    assert result.summary(Lang.KO) == "입력 1개를 고쳐 주세요. 아무것도 저장하지 않았습니다."
