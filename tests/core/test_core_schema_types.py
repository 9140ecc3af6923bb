"""The program holds an opened file to the types and patterns of the schema it ships, before the
models convert anything: text where a number goes, true where a whole number goes, a date that does
not exist, a key of the wrong shape. Each case is the café example with one value changed by hand,
opened through ``load_project``; the message names the field as the file spells it. The same
values one step inside the rule open fine."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kpiwizard.core.errors import ProjectFileError
from kpiwizard.core.projectfile import load_project
from kpiwizard.core.resources import resource_path
from kpiwizard.core.schema import DATE_PATTERN, _schema, check_json_types
from test_core_validation_messages_golden import put  # one hand edit of the café file, as there

CAFE: dict[str, Any] = json.loads(resource_path("examples", "cafe.kpiwiz").read_text(encoding="utf-8"))

Edit = Callable[[dict[str, Any]], None]


def edited(edit: Edit) -> dict[str, Any]:
    data = copy.deepcopy(CAFE)
    edit(data)
    return data


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "cafe-edited.kpiwiz"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def refusal_en(tmp_path: Path, edit: Edit) -> str:
    path = write(tmp_path, edited(edit))
    before = path.read_bytes()
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    assert path.read_bytes() == before
    return info.value.message("en")


def field(where: str, reason: str) -> str:
    return f"The project file's field '{where}' {reason}."


def actual(day: str, value: object) -> Edit:
    return lambda d: d["actuals"]["coupon_visits"].update({day: value})


REFUSED: dict[str, tuple[Edit, str]] = {
    "a KPI's definition as text": (
        put("kpis", 0, "custom", "쿠폰"), field("kpis[0].custom", "must be an object ({ ... }) (got '쿠폰')")),
    "a content type as a number": (
        put("actions", 0, "content_type", 5), field("actions[0].content_type", "must be text (got 5)")),
    "followers as true": (
        put("business", "channels", 0, "followers", True),
        field("business.channels[0].followers", "must be a whole number (got True)")),
    "a yes/no as 1": (put("kpis", 0, "custom", "vanity", 1), field("kpis[0].custom.vanity", "must be true or false (got 1)")),
    "a baseline as true": (put("kpis", 0, "baseline", True), field("kpis[0].baseline", "must be a number (got True)")),
    "a deadline as a number": (
        put("kpis", 0, "deadline", 20260105), field("kpis[0].deadline", "must be a date as YYYY-MM-DD (got 20260105)")),
    "29 February 2026": (
        put("kpis", 0, "deadline", "2026-02-29"), field("kpis[0].deadline", "must be a date as YYYY-MM-DD (got '2026-02-29')")),
    "29 February 2100 (not a leap year)": (
        put("kpis", 0, "deadline", "2100-02-29"), field("kpis[0].deadline", "must be a date as YYYY-MM-DD (got '2100-02-29')")),
    "a date with a line break after it": (
        put("kpis", 0, "deadline", "2026-03-01\n"), field("kpis[0].deadline", "must be a date as YYYY-MM-DD (got '2026-03-01\\n')")),
    "a plan starting on 29 February 2026": (
        put("start", "2026-02-29"), field("start", "must be a date as YYYY-MM-DD (got '2026-02-29')")),
    "a reading dated month 13": (
        actual("2026-13-01", 3), field("actuals.coupon_visits.2026-13-01", "must be a date as YYYY-MM-DD (got '2026-13-01')")),
    "a reading dated 0 (pydantic would read it as 1 January 1970)": (
        actual("0", 3), field("actuals.coupon_visits.0", "must be a date as YYYY-MM-DD (got '0')")),
    "a reading dated by a Unix timestamp": (
        actual("1767571200", 3), field("actuals.coupon_visits.1767571200", "must be a date as YYYY-MM-DD (got '1767571200')")),
    "a reading in quotes": (
        actual("2026-01-05", "12"), field("actuals.coupon_visits.2026-01-05", "must be a number (got '12')")),
    "a KPI's readings as a list": (
        lambda d: d["actuals"].update(coupon_visits=[12]), field("actuals.coupon_visits", "must be an object ({ ... }) (got [12])")),
    "an imported share as text": (
        put("imported", {"followers_local": {"2026-03-02": {"Instagram": "12"}}}),
        field("imported.followers_local.2026-03-02.Instagram", "must be an object ({ ... }) (got '12')")),
    "an imported value in quotes": (
        put("imported", {"followers_local": {"2026-03-02": {"Instagram": {"value": "12"}}}}),
        field("imported.followers_local.2026-03-02.Instagram.value", "must be a number (got '12')")),
    "an imported period as a number": (
        put("imported", {"followers_local": {"2026-03-02": 12}}),
        field("imported.followers_local.2026-03-02", "must be an object ({ ... }) (got 12)")),
    "an imported period dated 31 April": (
        put("imported", {"followers_local": {"2026-04-31": {}}}),
        field("imported.followers_local.2026-04-31", "must be a date as YYYY-MM-DD (got '2026-04-31')")),
    "a monthly change limit by kind in quotes": (
        put("assumptions", {"monthly_change_by_kind": {"stock": "2"}}),
        field("assumptions.monthly_change_by_kind.stock", "must be a number (got '2')")),
    "a kind of KPI not offered": (
        put("assumptions", {"monthly_change_by_kind": {"stonk": 2}}),
        field("assumptions.monthly_change_by_kind.stonk",
              "must be one of the allowed values: 'stock', 'flow', 'rate' or 'share' (got 'stonk')")),
    "a monthly change limit for a KPI id with a space": (
        put("assumptions", {"monthly_change_by_kpi": {"coupon visits": 2}}),
        field("assumptions.monthly_change_by_kpi.coupon visits", "has characters that are not allowed (got 'coupon visits')")),
    "a monthly change limit for a KPI in quotes": (
        put("assumptions", {"monthly_change_by_kpi": {"coupon_visits": "x"}}),
        field("assumptions.monthly_change_by_kpi.coupon_visits", "must be a number (got 'x')")),
    "a KPI written as its name only": (
        put("kpis", 3, "response_time"), field("kpis[3]", "must be an object ({ ... }) (got 'response_time')")),
    "a currency with a line break": (
        put("business", "currency", "KRW\n"), field("business.currency", "has characters that are not allowed (got 'KRW\\n')")),
    "a plan id with a line break": (put("id", "cafe\n"), field("id", "has characters that are not allowed (got 'cafe\\n')")),
    "an early-format capacity assumption in quotes": (
        put("capacity", {"cost_per_follower": "500"}), field("capacity.cost_per_follower", "must be a number (got '500')")),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_value_of_the_wrong_type_or_shape_is_named_where_it_is(tmp_path, case):
    edit, message = REFUSED[case]
    assert refusal_en(tmp_path, edit) == message


ACCEPTED: dict[str, tuple[Edit, Callable[[Any], object], object]] = {
    "followers written as 820.0": (
        put("business", "channels", 0, "followers", 820.0), lambda p: p.business.channels[0].followers, 820),
    "no content type": (put("actions", 0, "content_type", None), lambda p: p.actions[0].content_type, None),
    "no baseline": (put("kpis", 0, "baseline", None), lambda p: p.kpis[0].baseline, None),
    "29 February 2028": (put("kpis", 0, "deadline", "2028-02-29"), lambda p: p.kpis[0].deadline, date(2028, 2, 29)),
    "29 February 2000": (put("kpis", 0, "deadline", "2000-02-29"), lambda p: p.kpis[0].deadline, date(2000, 2, 29)),
    "a whole number as a baseline": (put("kpis", 0, "baseline", 10), lambda p: p.kpis[0].baseline, 10.0),
    "a limit by kind": (
        put("assumptions", {"monthly_change_by_kind": {"stock": 2}}),
        lambda p: {k.value: v for k, v in p.assumptions.monthly_change_by_kind.items()}, {"stock": 2.0}),
    "an imported share": (
        put("imported", {"followers_local": {"2026-03-02": {"Instagram": {"value": 12, "days": 7}}}}),
        lambda p: p.imported["followers_local"][date(2026, 3, 2)]["Instagram"].value, 12.0),
    "an early-format capacity assumption": (
        put("capacity", {"cost_per_follower": 500}), lambda p: p.assumptions.cost_per_follower, 500.0),
}


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_the_same_values_inside_the_rule_open(tmp_path, case):
    edit, read, expected = ACCEPTED[case]
    assert read(load_project(write(tmp_path, edited(edit))).project) == expected


@pytest.mark.parametrize(("day", "real"), [
    ("2024-02-29", True), ("2023-02-29", False), ("2000-02-29", True), ("1900-02-29", False), ("2400-02-29", True),
    ("0004-02-29", True), ("0000-02-29", False), ("0001-01-01", True), ("0000-01-01", False), ("9999-12-31", True),
    ("2026-04-30", True), ("2026-04-31", False), ("2026-01-31", True), ("2026-02-28", True), ("2026-00-10", False),
    ("2026-12-31", True), ("2026-13-01", False), ("2026-01-00", False), ("2026-1-05", False), ("26-01-05", False),
    ("2026-01-05\n", False), ("2026-01-05 ", False), (" 2026-01-05", False),
])
def test_the_date_pattern_names_exactly_the_days_of_the_calendar(day, real):
    import re

    assert bool(re.search(DATE_PATTERN, day)) is real


def test_one_error_is_reported_at_a_time_in_the_order_of_the_file(tmp_path):
    data = copy.deepcopy(CAFE)
    data["title"] = 1
    data["notes"] = 2
    with pytest.raises(ProjectFileError) as info:
        load_project(write(tmp_path, data))
    assert info.value.message("en") == field("title", "must be text (got 1)")


def test_the_checker_passes_every_example_it_ships():
    for name in ("cafe", "pizzeria", "pizzeria-unrealistic", "b2b-ebook"):
        check_json_types(json.loads(resource_path("examples", f"{name}.kpiwiz").read_text(encoding="utf-8")))
    assert _schema()["properties"]["schema_version"]["const"] == 2


def test_the_plan_year_pattern_refuses_to_be_built_for_other_years(monkeypatch):
    """The pattern spells out 1900-2199; a change of the models' years must change it too."""
    from kpiwizard.core import schema

    assert schema._plan_year_pattern() == "^(19|20|21)[0-9]{2}-"
    for years in ((1900, 2299), (1800, 2199)):
        monkeypatch.setattr(schema, "PLAN_YEARS", years)
        with pytest.raises(AssertionError, match="^update the plan-year pattern$"):
            schema._plan_year_pattern()


def test_every_optional_value_lists_its_type_first_and_null_last():
    """The checker names the type's error for a value neither null nor of the type ('10' for a
    number or null): that is the first option's error, so each anyOf is [the type, null]."""
    found: list[list[dict[str, Any]]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "anyOf" in node:
                found.append(node["anyOf"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(_schema())
    assert len(found) > 30
    for options in found:
        assert len(options) == 2 and options[0].get("type") != "null" and options[1] == {"type": "null"}, options
