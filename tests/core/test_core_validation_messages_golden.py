"""What a café owner reads when the program refuses a project file, word for word in both languages.

Each case starts from the café example as JSON, changes one value the way a person editing the file
by hand would (a typo, a number out of range, text where a number goes, a date in another form),
opens it through ``load_project`` and reads the whole message: the field's path, what is wrong,
the value found, and how many more problems follow. The file is never changed by opening it.

The edits a GUI form makes (``in_file=False``: no field path, the reason alone, capitalised) are
read the same way, from the models' own refusals of Python values.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from kpiwizard.core.errors import ProjectFileError
from kpiwizard.core.models import Channel, CustomKpi, KpiCycle, KpiSelection, Project, Thresholds
from kpiwizard.core.projectfile import load_project
from kpiwizard.core.resources import resource_path
from kpiwizard.core.validation_messages import describe_validation_error, field_path

CAFE: dict[str, Any] = json.loads(resource_path("examples", "cafe.kpiwiz").read_text(encoding="utf-8"))


def cafe() -> dict[str, Any]:
    return copy.deepcopy(CAFE)


def refusal(tmp_path: Path, data: dict[str, Any]) -> tuple[str, str]:
    """The (Korean, English) message of opening ``data`` as a file; the file stays as it was."""
    path = tmp_path / "cafe-edited.kpiwiz"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["cafe-edited.kpiwiz"]
    return info.value.message("ko"), info.value.message("en")


def put(*path_and_value: Any) -> Callable[[dict[str, Any]], None]:
    *path, value = path_and_value

    def edit(data: dict[str, Any]) -> None:
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return edit


def drop(*path: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        node = data
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return edit


def add_cycle(verdict: str) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        data["kpis"][1]["cycles"] = [{"start": "2026-01-05", "deadline": "2026-02-01", "baseline": 820.0,
                                      "target": 900.0, "final_value": 870.0, "final_reading": "2026-01-26",
                                      "verdict": verdict, "closed_on": "2026-02-02"}]

    return edit


def more_channels(data: dict[str, Any]) -> None:
    data["business"]["channels"] += [{"name": f"지점 {i}", "followers": 0, "url": ""} for i in range(48)]


FIELD = "프로젝트 파일의 '{where}' 필드가 잘못되었습니다: {ko}."
FIELD_EN = "The project file's field '{where}' {en}."

# (edit, field path, Korean reason, English reason), one per kind of error a file can hold.
CASES: dict[str, tuple[Callable[[dict[str, Any]], None], str, str, str]] = {
    "negative followers (at least)": (
        put("business", "channels", 0, "followers", -5), "business.channels[0].followers",
        "0 이상이어야 합니다 (입력값: -5)", "must be at least 0 (got -5)"),
    "a weight below zero (at least, decimal limit)": (
        put("kpis", 2, "weight", -1), "kpis[2].weight",
        "0.0 이상이어야 합니다 (입력값: -1)", "must be at least 0.0 (got -1)"),
    "on-track share of zero (greater than)": (
        put("kpis", 0, "thresholds", "on_track", 0), "kpis[0].thresholds.on_track",
        "0.0보다 커야 합니다 (입력값: 0)", "must be greater than 0.0 (got 0)"),
    "a reminder at 24 o'clock (at most)": (
        put("review", "reminder_hour", 24), "review.reminder_hour",
        "23 이하여야 합니다 (입력값: 24)", "must be at most 23 (got 24)"),
    "a weight over 100 percent (at most)": (
        put("kpis", 0, "weight", 100.5), "kpis[0].weight",
        "100.0 이하여야 합니다 (입력값: 100.5)", "must be at most 100.0 (got 100.5)"),
    "the start date deleted (missing)": (
        drop("start"), "start", "값이 없습니다", "is missing"),
    "a misspelt key (unknown field)": (
        put("kpis", 1, "targte", 1000), "kpis[1].targte",
        "알 수 없는 항목입니다 (오타인지 확인하세요)", "is not a known field (check for a typo)"),
    "30 February": (
        put("start", "2026-02-30"), "start",
        "YYYY-MM-DD 형식의 날짜여야 합니다 (입력값: '2026-02-30')", "must be a date as YYYY-MM-DD (got '2026-02-30')"),
    "a date typed as a number": (
        put("end", 20260329), "end",
        "YYYY-MM-DD 형식의 날짜여야 합니다 (입력값: 20260329)", "must be a date as YYYY-MM-DD (got 20260329)"),
    "a deadline with a time": (
        put("kpis", 0, "deadline", "2026-03-01T10:00"), "kpis[0].deadline",
        "YYYY-MM-DD 형식의 날짜여야 합니다 (입력값: '2026-03-01T10:00')",
        "must be a date as YYYY-MM-DD (got '2026-03-01T10:00')"),
    "a shop name typed as a number": (
        put("business", "name", 5), "business.name",
        "글자(문자열)여야 합니다 (입력값: 5)", "must be text (got 5)"),
    "a shop name set to null": (
        put("business", "name", None), "business.name",
        "글자(문자열)여야 합니다 (입력값: None)", "must be text (got None)"),
    "a title over 300 characters": (
        put("title", "봄" * 301), "title",
        "너무 깁니다 (입력값: '" + "봄" * 56 + "...)", "is too long (got '" + "봄" * 56 + "...)"),
    "a channel without a name": (
        put("business", "channels", 1, "name", ""), "business.channels[1].name",
        "비어 있으면 안 됩니다 (입력값: '')", "must not be empty (got '')"),
    "a currency written as a word": (
        put("business", "currency", "won"), "business.currency",
        "허용되지 않는 글자가 있습니다 (입력값: 'won')", "has characters that are not allowed (got 'won')"),
    "followers in quotes": (
        put("business", "channels", 0, "followers", "820"), "business.channels[0].followers",
        "정수여야 합니다 (입력값: '820')", "must be a whole number (got '820')"),
    "half a follower": (
        put("business", "channels", 2, "followers", 150.5), "business.channels[2].followers",
        "정수여야 합니다 (입력값: 150.5)", "must be a whole number (got 150.5)"),
    "a baseline in quotes": (
        put("kpis", 0, "baseline", "10"), "kpis[0].baseline",
        "숫자여야 합니다 (입력값: '10')", "must be a number (got '10')"),
    "a yes/no field written as a word": (
        put("kpis", 0, "custom", "vanity", "no"), "kpis[0].custom.vanity",
        "true 또는 false여야 합니다 (입력값: 'no')", "must be true or false (got 'no')"),
    "one channel instead of a list": (
        put("business", "channels", {"name": "Instagram"}), "business.channels",
        "목록([ ... ])이어야 합니다 (입력값: {'name': 'Instagram'})",
        "must be a list ([ ... ]) (got {'name': 'Instagram'})"),
    "the business as a list": (
        put("business", []), "business", "객체({ ... })여야 합니다 (입력값: [])", "must be an object ({ ... }) (got [])"),
    "a direction of the old prototype": (
        put("kpis", 3, "direction", "down"), "kpis[3].direction",
        "허용된 값 중 하나여야 합니다: 'higher', 'lower' or 'range' (입력값: 'down')",
        "must be one of the allowed values: 'higher', 'lower' or 'range' (got 'down')"),
    "a business size not offered": (
        put("business", "size", "tiny"), "business.size",
        "허용된 값 중 하나여야 합니다: 'solo', 'micro', 'small' or 'medium' (입력값: 'tiny')",
        "must be one of the allowed values: 'solo', 'micro', 'small' or 'medium' (got 'tiny')"),
    "a cycle's verdict not offered (literal)": (
        add_cycle("late"), "kpis[1].cycles[0].verdict",
        "허용된 값 중 하나여야 합니다: 'missed', 'reached' or 'no_data' (입력값: 'late')",
        "must be one of the allowed values: 'missed', 'reached' or 'no_data' (got 'late')"),
    "51 channels": (
        more_channels, "business.channels",
        "항목이 너무 많습니다 (입력값: [{'name': 'Instagram', 'followers': 820, 'url': 'https://...)",
        "has too many items (got [{'name': 'Instagram', 'followers': 820, 'url': 'https://...)"),
    "on-track below at-risk (a model's own check)": (
        put("kpis", 0, "thresholds", "at_risk", 0.95), "kpis[0].thresholds",
        "값이 올바르지 않습니다: 뒤처짐 기준(at_risk)이 순항 기준(on_track)보다 크면 안 됩니다",
        "is not valid: at_risk threshold must not exceed the on_track threshold"),
    "a KPI with neither catalog id nor definition": (
        put("kpis", 0, "custom", None), "kpis[0]",
        "값이 올바르지 않습니다: KPI에는 catalog_id와 custom 중 하나만 있어야 합니다",
        "is not valid: a KPI needs exactly one of catalog_id or custom"),
    "a space in a KPI id of the actuals": (
        put("actuals", {"coupon visits": {"2026-01-05": 12}}), "actuals.coupon visits",
        "허용되지 않는 글자가 있습니다 (입력값: 'coupon visits')",
        "has characters that are not allowed (got 'coupon visits')"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_hand_edited_file_is_refused_naming_the_field_and_the_reason(tmp_path, case):
    edit, where, ko, en = CASES[case]
    data = cafe()
    edit(data)
    assert refusal(tmp_path, data) == (FIELD.format(where=where, ko=ko), FIELD_EN.format(where=where, en=en))


# Checks of the whole plan have no single field: the sentence says the file is not valid, and why
# (the models word the reason in English; the Korean sentence says it in Korean).
PLAN_CASES: dict[str, tuple[Callable[[dict[str, Any]], None], str, str]] = {
    "two KPIs with one id": (
        put("kpis", 1, "id", "coupon_visits"),
        "kpis: KPI id 'coupon_visits'가 두 번 쓰였습니다", "kpis: the id 'coupon_visits' is used twice"),
    "two KPIs with one id ending in a consonant": (
        lambda d: (put("kpis", 0, "id", "kpi_1")(d), put("kpis", 1, "id", "kpi_1")(d), drop("actuals")(d),
                   put("smart", "metric", None)(d), d.update(actions=[])),
        "kpis: KPI id 'kpi_1'이 두 번 쓰였습니다", "kpis: the id 'kpi_1' is used twice"),
    "an end eleven years on": (
        put("end", "2037-03-29"), "end: 계획 기간은 10년을 넘을 수 없습니다", "end: a plan may last at most ten years"),
    "a goal measured by a KPI not in the plan": (
        put("smart", "metric", "coupons"),
        "smart.metric: 'coupons'는 이 계획의 KPI가 아닙니다", "smart.metric: 'coupons' is not a KPI of this plan"),
    "an action for a deleted KPI": (
        put("actions", 0, "kpi", "kakao_coupon"),
        "actions[0].kpi: 'kakao_coupon'은 이 계획의 KPI가 아닙니다", "actions[0].kpi: 'kakao_coupon' is not a KPI of this plan"),
    "readings of a KPI not in the plan": (
        lambda d: d["actuals"].update(coupons={"2026-01-05": 12}),
        "actuals: 'coupons'는 이 계획의 KPI가 아닙니다", "actuals: 'coupons' is not a KPI of this plan"),
}


def many_readings(data: dict[str, Any], count: int) -> None:
    data["actuals"]["coupon_visits"] = {
        (date(2026, 1, 5) + timedelta(days=i)).isoformat(): 10.0 for i in range(count)}


def imported_channels(data: dict[str, Any], count: int) -> None:
    data["imported"] = {"followers_local": {"2026-03-02": {
        f"채널{n}": {"value": 1, "days": 7, "as_of": "2026-03-08"} for n in range(count)}}}


PLAN_CASES.update({
    "6,001 readings of one KPI": (
        lambda d: many_readings(d, 6001),
        "actuals.coupon_visits: 기록된 기간이 너무 많습니다", "actuals.coupon_visits: too many periods"),
    "51 channels in one imported week": (
        lambda d: imported_channels(d, 51),
        "imported.followers_local.2026-03-02: 채널이 너무 많습니다",
        "imported.followers_local.2026-03-02: too many channels"),
})


@pytest.mark.parametrize("edit", [lambda d: many_readings(d, 6000), lambda d: imported_channels(d, 50)],
                         ids=["6,000 readings", "50 channels"])
def test_the_limits_of_readings_and_channels_themselves_are_accepted(tmp_path, edit):
    data = cafe()
    edit(data)
    path = tmp_path / "cafe.kpiwiz"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_project(path).project.title == CAFE["title"]


@pytest.mark.parametrize(("start", "end", "where"), [
    ("1899-12-31", "1900-03-31", "start"), ("2199-10-01", "2200-01-01", "end"), ("0001-01-01", "0001-03-31", "start"),
])
def test_a_real_day_in_a_year_no_plan_may_use_is_named_with_the_years_allowed(tmp_path, start, end, where):
    data = cafe()
    data.update(start=start, end=end, smart={**data["smart"], "deadline": None})
    for kpi in data["kpis"]:
        kpi["deadline"] = None
    data["actuals"], data["actions"] = {}, []
    assert refusal(tmp_path, data) == (
        f"프로젝트 파일의 '{where}' 필드가 잘못되었습니다: 값이 올바르지 않습니다: 계획의 날짜는 1900년부터 2199년 사이여야 합니다.",
        f"The project file's field '{where}' is not valid: a plan's dates must lie between 1900 and 2199.")
    data.update(start="1900-01-01", end="1900-03-31")
    path = tmp_path / "cafe-edited.kpiwiz"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_project(path).project.start == date(1900, 1, 1)
    data.update(start="2199-10-01", end="2199-12-31")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_project(path).project.end == date(2199, 12, 31)


def test_a_day_that_does_not_exist_in_a_year_out_of_range_is_a_date_error(tmp_path):
    data = cafe()
    data["start"] = "1899-02-30"
    assert refusal(tmp_path, data) == (
        "프로젝트 파일의 'start' 필드가 잘못되었습니다: YYYY-MM-DD 형식의 날짜여야 합니다 (입력값: '1899-02-30').",
        "The project file's field 'start' must be a date as YYYY-MM-DD (got '1899-02-30').")


@pytest.mark.parametrize("case", list(PLAN_CASES))
def test_a_plan_wide_problem_says_the_file_is_not_valid_and_why(tmp_path, case):
    edit, ko, en = PLAN_CASES[case]
    data = cafe()
    edit(data)
    assert refusal(tmp_path, data) == (f"프로젝트 파일이 올바르지 않습니다: {ko}.", f"The project file is not valid: {en}.")


def test_the_first_problem_is_spelled_out_and_the_others_counted(tmp_path):
    data = cafe()
    put("review", "reminder_hour", 24)(data)
    put("kpis", 0, "weight", -1)(data)
    first = ("프로젝트 파일의 'kpis[0].weight' 필드가 잘못되었습니다: 0.0 이상이어야 합니다 (입력값: -1).",
             "The project file's field 'kpis[0].weight' must be at least 0.0 (got -1).")
    assert refusal(tmp_path, data) == (first[0] + " (그 밖에 1개의 문제가 더 있습니다.)", first[1] + " (1 more problem.)")
    put("kpis", 1, "weight", 101)(data)
    assert refusal(tmp_path, data) == (first[0] + " (그 밖에 2개의 문제가 더 있습니다.)", first[1] + " (2 more problems.)")
    put("business", "channels", 0, "followers", -5)(data)
    first = ("프로젝트 파일의 'business.channels[0].followers' 필드가 잘못되었습니다: 0 이상이어야 합니다 (입력값: -5).",
             "The project file's field 'business.channels[0].followers' must be at least 0 (got -5).")
    assert refusal(tmp_path, data) == (first[0] + " (그 밖에 3개의 문제가 더 있습니다.)", first[1] + " (3 more problems.)")


@pytest.mark.parametrize(("length", "shown"), [(58, None), (59, 56)])
def test_the_value_found_is_shown_whole_up_to_60_characters(tmp_path, length, shown):
    """A value is quoted as the file holds it; past 60 characters its first 57 and '...'."""
    text = "K" * length
    quoted = repr(text) if shown is None else "'" + "K" * shown + "..."
    data = cafe()
    put("business", "currency", text)(data)
    assert refusal(tmp_path, data) == (
        f"프로젝트 파일의 'business.currency' 필드가 잘못되었습니다: 허용되지 않는 글자가 있습니다 (입력값: {quoted}).",
        f"The project file's field 'business.currency' has characters that are not allowed (got {quoted}).")


def test_a_field_path_names_keys_with_dots_and_list_positions_in_brackets():
    assert field_path(("kpis", 2, "thresholds", "on_track")) == "kpis[2].thresholds.on_track"
    assert field_path(("actuals", "coupon_visits", "2026-01-05")) == "actuals.coupon_visits.2026-01-05"
    assert field_path((0, "name")) == "[0].name"
    assert field_path(()) == "(file)"
    assert field_path(("assumptions", "monthly_change_by_kind", "stonk", "[key]")) == "assumptions.monthly_change_by_kind.stonk"


# -- the same reasons for a value typed into a form (in_file=False) --------------------------------

def form_refusal(make: Callable[[], object]) -> tuple[str, str]:
    with pytest.raises(ValidationError) as info:
        make()
    text = describe_validation_error(info.value, in_file=False)
    return text.ko, text.en


def cafe_with(**changes: Any) -> Callable[[], Project]:
    def make() -> Project:
        data = cafe()
        data.update(changes)
        return Project.model_validate(data)

    return make


FORM_CASES: dict[str, tuple[Callable[[], object], str, str]] = {
    "a weight of 150": (
        lambda: KpiSelection(id="k", catalog_id="followers_local", weight=150),
        "100.0 이하여야 합니다 (입력값: 150).", "Must be at most 100.0 (got 150)."),
    "an on-track share of 0": (
        lambda: Thresholds(on_track=0), "0.0보다 커야 합니다 (입력값: 0).", "Must be greater than 0.0 (got 0)."),
    "NaN typed as a baseline": (
        lambda: KpiSelection(id="k", catalog_id="followers_local", baseline=math.nan),
        "NaN이나 무한대가 아닌 숫자여야 합니다 (입력값: nan).", "Must be a finite number, not NaN or Infinity (got nan)."),
    "a channel without a name": (
        lambda: Channel(name=""), "비어 있으면 안 됩니다 (입력값: '').", "Must not be empty (got '')."),
    "2.5 followers": (
        lambda: Channel(name="Instagram", followers=2.5),
        "소수점 없는 정수여야 합니다 (입력값: 2.5).", "Must be a whole number without decimals (got 2.5)."),
    "followers as words": (
        lambda: Channel(name="Instagram", followers="many"), "정수여야 합니다 (입력값: 'many').",
        "Must be a whole number (got 'many')."),
    "a baseline as words": (
        lambda: KpiSelection(id="k", catalog_id="followers_local", baseline="ten"),
        "숫자여야 합니다 (입력값: 'ten').", "Must be a number (got 'ten')."),
    "a yes/no as words": (
        lambda: CustomKpi(name="쿠폰 손님", vanity="maybe"),
        "True 또는 false여야 합니다 (입력값: 'maybe').", "Must be true or false (got 'maybe')."),
    "a deadline of 30 February": (
        lambda: KpiSelection(id="k", catalog_id="followers_local", deadline="2026-02-30"),
        "YYYY-MM-DD 형식의 날짜여야 합니다 (입력값: '2026-02-30').", "Must be a date as YYYY-MM-DD (got '2026-02-30')."),
    "a deadline with a time of day": (
        lambda: KpiSelection(id="k", catalog_id="followers_local", deadline=datetime(2026, 3, 1, 10, 0)),
        "시각 없이 날짜만 적어야 합니다 (입력값: datetime.datetime(2026, 3, 1, 10, 0)).",
        "Must be a date without a time (got datetime.datetime(2026, 3, 1, 10, 0))."),
    "a deadline as a list": (
        lambda: KpiSelection(id="k", catalog_id="followers_local", deadline=[2026, 3, 1]),
        "YYYY-MM-DD 형식의 날짜여야 합니다 (입력값: [2026, 3, 1]).", "Must be a date as YYYY-MM-DD (got [2026, 3, 1])."),
    "a name as a number": (
        lambda: Channel(name=7), "글자(문자열)여야 합니다 (입력값: 7).", "Must be text (got 7)."),
    "five goals": (
        lambda: CustomKpi(name="쿠폰 손님", goals=["awareness"] * 5),
        "항목이 너무 많습니다 (입력값: ['awareness', 'awareness', 'awareness', 'awareness', 'awa...).",
        "Has too many items (got ['awareness', 'awareness', 'awareness', 'awareness', 'awa...)."),
    "goals as one word": (
        lambda: CustomKpi(name="쿠폰 손님", goals="awareness"),
        "목록([ ... ])이어야 합니다 (입력값: 'awareness').", "Must be a list ([ ... ]) (got 'awareness')."),
    "thresholds as a number": (
        lambda: KpiSelection(id="k", catalog_id="followers_local", thresholds=0.9),
        "객체({ ... })여야 합니다 (입력값: 0.9).", "Must be an object ({ ... }) (got 0.9)."),
    "actuals as a list": (
        cafe_with(actuals=[]), "객체({ ... })여야 합니다 (입력값: []).", "Must be an object ({ ... }) (got [])."),
    "a cycle's verdict not offered": (
        lambda: KpiCycle(start="2026-01-05", deadline="2026-02-01", closed_on="2026-02-02", verdict="late"),
        "허용된 값 중 하나여야 합니다: 'missed', 'reached' or 'no_data' (입력값: 'late').",
        "Must be one of the allowed values: 'missed', 'reached' or 'no_data' (got 'late')."),
    "a direction not offered": (
        lambda: KpiSelection(id="k", catalog_id="followers_local", direction="up"),
        "허용된 값 중 하나여야 합니다: 'higher', 'lower' or 'range' (입력값: 'up').",
        "Must be one of the allowed values: 'higher', 'lower' or 'range' (got 'up')."),
    "a cycle without its dates": (
        lambda: KpiCycle(start="2026-01-05", deadline="2026-02-01"), "값이 없습니다.", "Is missing."),
    "a misspelt field": (
        lambda: Channel(name="Instagram", folowers=3),
        "알 수 없는 항목입니다 (오타인지 확인하세요).", "Is not a known field (check for a typo)."),
    "thresholds in the wrong order": (
        lambda: Thresholds(on_track=0.5, at_risk=0.8),
        "계획이 올바르지 않습니다: 뒤처짐 기준(at_risk)이 순항 기준(on_track)보다 크면 안 됩니다.",
        "The plan is not valid: at_risk threshold must not exceed the on_track threshold."),
    "a KPI's thresholds in the wrong order, in the plan": (
        cafe_with(kpis=[{**CAFE["kpis"][0], "thresholds": {"on_track": 0.5, "at_risk": 0.8}}], actuals={}, actions=[]),
        "값이 올바르지 않습니다: 뒤처짐 기준(at_risk)이 순항 기준(on_track)보다 크면 안 됩니다.",
        "Is not valid: at_risk threshold must not exceed the on_track threshold."),
    "an end date eleven years on (a whole-plan check)": (
        cafe_with(end="2037-03-29"),
        "계획이 올바르지 않습니다: end: 계획 기간은 10년을 넘을 수 없습니다.",
        "The plan is not valid: end: a plan may last at most ten years."),
}


@pytest.mark.parametrize("case", list(FORM_CASES))
def test_a_value_typed_into_a_form_is_refused_with_the_reason_alone(case):
    make, ko, en = FORM_CASES[case]
    assert form_refusal(make) == (ko, en)


def test_a_form_counts_the_other_problems_too():
    assert form_refusal(lambda: Channel(name="", followers=-1)) == (
        "비어 있으면 안 됩니다 (입력값: ''). (그 밖에 1개의 문제가 더 있습니다.)",
        "Must not be empty (got ''). (1 more problem.)")


def test_a_model_given_text_instead_of_an_object_is_named_as_such():
    assert form_refusal(lambda: CustomKpi.model_validate("쿠폰 손님")) == (
        "객체({ ... })여야 합니다 (입력값: '쿠폰 손님').", "Must be an object ({ ... }) (got '쿠폰 손님').")


def test_a_reason_without_its_own_wording_is_shown_as_pydantic_or_the_model_gives_it():
    assert form_refusal(lambda: Channel(name=b"\xff\xfe")) == (
        "값이 올바르지 않습니다: Input should be a valid string, unable to parse raw data as a unicode string.",
        "Is not valid: Input should be a valid string, unable to parse raw data as a unicode string.")
    assert form_refusal(cafe_with(schema_version=3)) == (
        "값이 올바르지 않습니다: schema_version must be 2 after migration.",
        "Is not valid: schema_version must be 2 after migration.")
