"""The plan's own rules, as an owner meets them when the program builds the plan (a form).

A project file is first checked against the JSON Schema (its limits on years and periods are the
same); the models refuse the same plans when the program builds one itself, as a form does (the
sentence is the form's, ``in_file=False``). These tests build the café example through
``Project.model_validate`` and read the reason in both languages, on both sides of each limit: a plan of exactly ten years (3,660 days) and
one day more, 6,000 imported weeks and 6,001, a text with a control character at its length limit
and one over it, early files whose ``capacity`` still held the growth assumption.
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from kpiwizard.core.models import MAX_PERIODS, Project
from kpiwizard.core.resources import resource_path
from kpiwizard.core.validation_messages import describe_validation_error

CAFE: dict[str, Any] = json.loads(resource_path("examples", "cafe.kpiwiz").read_text(encoding="utf-8"))
START = date(2026, 1, 5)


def cafe(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(CAFE)
    data.update(changes)
    return data


def refusal(data: dict[str, Any]) -> tuple[str, str]:
    """The (Korean, English) sentence a form shows when the plan is refused."""
    with pytest.raises(ValidationError) as info:
        Project.model_validate(data)
    text = describe_validation_error(info.value, in_file=False)
    return text.ko, text.en


def plan_refused(ko: str, en: str) -> tuple[str, str]:
    return f"계획이 올바르지 않습니다: {ko}.", f"The plan is not valid: {en}."


# -- the plan's length: at most ten years (366 days x 10) ------------------------------------------

def test_a_plan_of_exactly_3660_days_is_kept_and_one_day_more_is_refused():
    assert START + timedelta(days=3660) == date(2036, 1, 13)
    kept = Project.model_validate(cafe(end="2036-01-13"))
    assert (kept.end - kept.start).days == 3660
    assert refusal(cafe(end="2036-01-14")) == plan_refused(
        "end: 계획 기간은 10년을 넘을 수 없습니다", "end: a plan may last at most ten years")


def test_a_plan_of_ten_and_a_half_years_is_refused():
    # 3,850 days: more than ten years of 366 days, fewer than eleven.
    assert refusal(cafe(end=(START + timedelta(days=3850)).isoformat())) == plan_refused(
        "end: 계획 기간은 10년을 넘을 수 없습니다", "end: a plan may last at most ten years")


# -- the years a plan may use (1900-2199), named with the field ------------------------------------

def dateless(**changes: Any) -> dict[str, Any]:
    data = cafe(smart={**CAFE["smart"], "deadline": None}, actuals={}, actions=[])
    for kpi in data["kpis"]:
        kpi["deadline"] = None
    data.update(changes)
    return data


@pytest.mark.parametrize(("start", "end", "where"), [
    ("1899-12-31", "1900-03-31", "start"), ("2199-10-01", "2200-01-01", "end")])
def test_a_day_outside_the_plan_years_names_its_field_and_the_years_allowed(start, end, where):
    assert refusal(dateless(start=start, end=end)) == plan_refused(
        f"{where}: 계획의 날짜는 1900년부터 2199년 사이여야 합니다",
        f"{where}: a plan's dates must lie between 1900 and 2199")


def test_the_first_and_last_plan_years_themselves_are_kept():
    assert Project.model_validate(dateless(start="1900-01-01", end="1900-03-31")).start == date(1900, 1, 1)
    assert Project.model_validate(dateless(start="2199-10-01", end="2199-12-31")).end == date(2199, 12, 31)


# -- imported readings: only for the plan's KPIs, at most 6,000 periods ----------------------------

def imported(kid: str, weeks: int) -> dict[str, Any]:
    part = {"인스타그램": {"value": 1, "days": 7, "as_of": "2026-03-08"}}
    return {kid: {(START + timedelta(days=7 * i)).isoformat(): part for i in range(weeks)}}


def test_imported_readings_of_a_kpi_not_in_the_plan_are_refused_by_name():
    assert refusal(cafe(imported=imported("coupons", 1))) == plan_refused(
        "imported: 'coupons'는 이 계획의 KPI가 아닙니다", "imported: 'coupons' is not a KPI of this plan")


def test_6000_imported_periods_are_kept_and_6001_are_refused():
    assert MAX_PERIODS == 6000
    kept = Project.model_validate(cafe(imported=imported("followers_local", 6000)))
    assert len(kept.imported["followers_local"]) == 6000
    assert refusal(cafe(imported=imported("followers_local", 6001))) == plan_refused(
        "imported.followers_local: 기록된 기간이 너무 많습니다", "imported.followers_local: too many periods")


# -- control characters: removed from a text within its limit, kept (and refused) over it ---------

def test_a_control_character_in_a_title_at_its_300_character_limit_is_removed():
    title = "카페 봄\x07" + "가" * 295
    assert len(title) == 300
    assert Project.model_validate(cafe(title=title)).title == "카페 봄" + "가" * 295


def test_a_title_over_its_limit_is_refused_even_if_removing_its_control_character_would_fit():
    title = "카페 봄\x07" + "가" * 296
    assert len(title) == 301
    shown = "'카페 봄\\x07" + "가" * 48 + "..."  # the start of the text as written, the character shown
    assert refusal_title(title) == (f"너무 깁니다 (입력값: {shown}).", f"Is too long (got {shown}).")


def refusal_title(title: str) -> tuple[str, str]:
    with pytest.raises(ValidationError) as info:
        Project.model_validate(cafe(title=title))
    (error,) = info.value.errors()
    assert error["loc"] == ("title",) and error["type"] == "string_too_long"
    assert error["input"] == title  # as written: the control character is still there
    text = describe_validation_error(info.value, in_file=False)
    return text.ko, text.en


def test_tabs_and_newlines_stay_and_other_control_characters_go_in_a_note():
    data = cafe(notes="첫 줄\t메모\n둘째\x00 줄\x1b")
    assert Project.model_validate(data).notes == "첫 줄\t메모\n둘째 줄"


# -- early version-2 files: the two assumptions read from ``capacity`` ------------------------------

def early(capacity_extra: dict[str, Any], assumptions: Any = None) -> dict[str, Any]:
    data = cafe(capacity={"posts_per_week": 4.0, "hours_per_week": 6.0, **capacity_extra})
    if assumptions is not None:
        data["assumptions"] = assumptions
    return data


def test_an_early_growth_per_post_alone_moves_to_the_assumptions():
    plan = Project.model_validate(early({"organic_growth_per_post": 0.05}))
    assert plan.assumptions.organic_growth_per_post == 0.05
    assert plan.assumptions.cost_per_follower is None
    assert plan.capacity.model_dump() == {"posts_per_week": 4.0, "hours_per_week": 6.0}


@pytest.mark.parametrize(("growth", "kept"), [(0.02, None), (0.0, 0.0), (0.021, 0.021), (0.019, 0.019)])
def test_only_the_written_out_default_growth_of_two_percent_is_dropped(growth, kept):
    plan = Project.model_validate(early({"organic_growth_per_post": growth, "cost_per_follower": 500}))
    assert plan.assumptions.organic_growth_per_post == kept
    assert plan.assumptions.cost_per_follower == 500


def test_an_early_cost_per_follower_alone_moves_and_the_plans_own_assumption_wins():
    assert Project.model_validate(early({"cost_per_follower": 500})).assumptions.cost_per_follower == 500
    plan = Project.model_validate(early({"cost_per_follower": 500}, {"cost_per_follower": 800}))
    assert plan.assumptions.cost_per_follower == 800


def test_a_malformed_assumptions_next_to_early_keys_is_reported_as_the_assumptions_field():
    with pytest.raises(ValidationError) as info:
        Project.model_validate(early({"organic_growth_per_post": 0.05}, "fast"))
    assert [e["loc"] for e in info.value.errors()] == [("assumptions",)]
    assert info.value.errors()[0]["type"] == "model_type"
