"""The published JSON Schema (``kpiwizard schema``) and the program accept exactly the same project
files, apart from the cross-field rules JSON Schema cannot express, which docs/file-format.md lists
and ``documented_rules_hold`` below restates independently:

    program accepts  ==  schema accepts  and  documented rules hold

checked on documents drawn from the schema (hypothesis-jsonschema), on the examples with any node
replaced by awkward values ("10", true, 2.0, impossible dates, ...), and on hand-picked edges. The
schema is read by ``jsonschema``, a validator nobody on the project wrote, asserting formats too.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from kpiwizard.core.errors import ProjectFileError
from kpiwizard.core.examples import examples, find_example
from kpiwizard.core.projectfile import dumps_project, parse
from kpiwizard.core.resources import resource_path

SCHEMA = json.loads(subprocess.run([sys.executable, "-m", "kpiwizard", "schema"], capture_output=True,
                                   text=True, check=True).stdout)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
NAMES = [e.name for e in examples()]
SETTINGS = dict(derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much, HealthCheck.large_base_example])


def example_data(name: str) -> dict:
    return json.loads(resource_path("examples", find_example(name).file).read_text(encoding="utf-8"))


def program_accepts(doc: object) -> bool:
    try:
        parse(copy.deepcopy(doc))
    except ProjectFileError:
        return False
    return True


def schema_accepts(doc: object) -> bool:
    return VALIDATOR.is_valid(doc)


def documented_rules_hold(doc: dict) -> bool:
    """The rules docs/file-format.md says only the program checks (given a schema-valid document)."""
    kpis = doc.get("kpis", [])
    ids = [k["id"] for k in kpis]
    if len(set(ids)) != len(ids):
        return False
    known = set(ids)
    if any(key not in known for key in (*doc.get("actuals", {}), *doc.get("imported", {}))):
        return False
    if any(a.get("kpi") is not None and a["kpi"] not in known for a in doc.get("actions", [])):
        return False
    metric = doc.get("smart", {}).get("metric")
    if metric is not None and metric not in known:
        return False
    for k in kpis:
        th = k.get("thresholds", {})
        if th.get("at_risk", 0.7) > th.get("on_track", 0.9):
            return False
    return (date.fromisoformat(doc["end"]) - date.fromisoformat(doc["start"])).days <= 3660


def agree(doc: object) -> None:
    program = program_accepts(doc)
    schema = schema_accepts(doc)
    expected = schema and documented_rules_hold(doc)
    assert program == expected, (
        f"program {'accepts' if program else 'refuses'}, schema {'accepts' if schema else 'refuses'}"
        f" (documented rules {'hold' if schema and expected else 'n/a or broken'}): "
        + (next(iter(VALIDATOR.iter_errors(doc))).message[:300] if not schema else json.dumps(doc)[:600]))


# -- every example, as shipped and as the program saves it --------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_every_example_validates_against_the_published_schema(name: str) -> None:
    shipped = example_data(name)
    VALIDATOR.validate(shipped)
    saved = json.loads(dumps_project(find_example(name).load()))
    VALIDATOR.validate(saved)
    assert program_accepts(shipped) and program_accepts(saved)


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


# -- hand-picked edges: both refuse, or both accept ----------------------------------------------


def _with(path: tuple, value: object, name: str = "cafe") -> dict:
    doc = example_data(name)
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return doc


REFUSED_BY_BOTH = [
    (("kpis", 0, "target"), "10"), (("kpis", 0, "target"), True), (("kpis", 0, "weight"), "25"),
    (("roi", "leads"), "3"), (("roi", "leads"), 2.5), (("roi", "leads"), False), (("roi", "ad_spend"), "100000"),
    (("review", "reminder_hour"), 9.5), (("review", "reminder_hour"), "9"), (("business", "channels", 0, "followers"), True),
    (("kpis", 0, "custom", "vanity"), 1), (("kpis", 0, "custom", "percent"), "true"), (("title",), 5),
    (("start",), "2026-01-05T00:00:00"), (("start",), "20260105"), (("start",), 0), (("end",), "2026-02-29"),
    (("start",), "1899-12-31"), (("end",), "2200-01-01"), (("kpis", 0, "deadline"), "2026-04-31"),
    (("kpis", 0, "id"), "k1\n"), (("business", "currency"), "KRW\n"), (("business", "currency"), "krw"),
    (("kpis", 0, "catalog_id"), "followers"),  # a custom KPI may not also name a catalog KPI
    (("schema_version",), "2"), (("schema_version",), True), (("schema_version",), 3),
    (("title",), "x" * 300 + "\x07"),  # over the limit even though the program drops the bell
]


@pytest.mark.parametrize("path,value", REFUSED_BY_BOTH, ids=[f"{'.'.join(map(str, p))}={v!r}"[:50] for p, v in REFUSED_BY_BOTH])
def test_wrong_types_and_impossible_values_are_refused_by_both(path: tuple, value: object) -> None:
    doc = _with(path, value)
    assert not program_accepts(doc)
    assert not schema_accepts(doc)


def test_actuals_keyed_by_something_other_than_a_date_are_refused_by_both() -> None:
    for key in ("0", "86400", "2026-02-30", "2026-1-5", "2026-01-05\n"):
        doc = example_data("cafe")
        doc["actuals"][next(iter(doc["actuals"]))][key] = 1
        assert not program_accepts(doc), key
        assert not schema_accepts(doc), key


ACCEPTED_BY_BOTH = [
    (("schema_version",), 2.0),  # the number 2, however it is written
    (("roi", "leads"), 10.0), (("review", "reminder_hour"), 0), (("kpis", 0, "target"), 30),
    (("start",), "2024-02-29"), (("kpis", 0, "deadline"), "2000-02-29"), (("kpis", 0, "deadline"), "9999-12-31"),
    (("title",), "a\x07b"),  # a bell inside the limit: dropped, the rest kept
    (("title",), "x" * 299 + "\x07"),
]


@pytest.mark.parametrize("path,value", ACCEPTED_BY_BOTH, ids=[f"{'.'.join(map(str, p))}={v!r}"[:50] for p, v in ACCEPTED_BY_BOTH])
def test_numbers_written_either_way_and_real_dates_are_accepted_by_both(path: tuple, value: object) -> None:
    doc = _with(path, value)
    assert schema_accepts(doc)
    assert program_accepts(doc)


@pytest.mark.parametrize("start,end,accepted", [
    ("1900-01-01", "1909-12-31", True), ("2190-01-01", "2199-12-31", True),
    ("1899-12-31", "1909-12-31", False), ("2190-01-01", "2200-01-01", False),
])
def test_plan_years_at_both_ends(start: str, end: str, accepted: bool) -> None:
    doc = _with(("start",), start)
    doc["end"] = end
    doc["actuals"], doc["kpis"] = {}, [dict(k, deadline=None) for k in doc["kpis"]]
    doc["smart"]["deadline"] = None
    assert schema_accepts(doc) is accepted
    assert program_accepts(doc) is accepted


def test_the_documented_rules_are_what_the_program_adds() -> None:
    """Each documented rule refuses a schema-valid file: the list in the docs is not padding."""
    base = example_data("cafe")
    first = base["kpis"][0]["id"]
    broken = [
        _with(("kpis",), base["kpis"] + [dict(base["kpis"][0])]),  # an id used twice
        _with(("actions", 0, "kpi"), "nobody"),
        _with(("smart", "metric"), "nobody"),
        _with(("actuals",), {**base["actuals"], "nobody": {}}),
        _with(("imported",), {"nobody": {}}),
        _with(("kpis", 0, "thresholds"), {"on_track": 0.5, "at_risk": 0.6}),
        _with(("end",), "2036-12-31"),  # more than ten years after the start
    ]
    for doc in broken:
        assert schema_accepts(doc)
        assert not documented_rules_hold(doc)
        assert not program_accepts(doc)
    assert first in base["actuals"] or base["actuals"] == {}


# -- properties ----------------------------------------------------------------------------------


def _small(schema: dict) -> dict:
    """The schema with long lists and strings capped, so each example stays cheap to draw."""
    text = json.dumps(schema)
    for big in ("200000", "5000", "500", "300"):
        text = text.replace(f'"maxLength": {big}', '"maxLength": 30').replace(f'"maxItems": {big}', '"maxItems": 3')
    text = text.replace('"maxProperties": 6000', '"maxProperties": 4')
    return json.loads(text)


def repaired(doc: dict) -> dict:
    """A schema-drawn document with the documented cross-field rules made to hold."""
    doc = copy.deepcopy(doc)
    kpis, seen = [], set()
    for k in doc.get("kpis", []):
        if k["id"] not in seen:
            seen.add(k["id"])
            kpis.append(k)
        th = k.get("thresholds")
        if th and th.get("at_risk", 0.7) > th.get("on_track", 0.9):
            th["at_risk"], th["on_track"] = th.get("on_track", 0.9), th.get("at_risk", 0.7)
    if "kpis" in doc:
        doc["kpis"] = kpis
    doc["actuals"] = {k: v for k, v in doc.get("actuals", {}).items() if k in seen}
    if "imported" in doc:
        doc["imported"] = {k: v for k, v in doc["imported"].items() if k in seen}
    for action in doc.get("actions", []):
        if action.get("kpi") not in seen:
            action["kpi"] = None
    if doc.get("smart", {}).get("metric") not in seen and "smart" in doc:
        doc["smart"]["metric"] = None
    if (date.fromisoformat(doc["end"]) - date.fromisoformat(doc["start"])).days > 3660:
        doc["end"] = doc["start"]
    return doc


@settings(max_examples=150, **SETTINGS)
@given(from_schema(_small(SCHEMA)))
def test_documents_drawn_from_the_schema(doc: dict) -> None:
    agree(doc)
    fixed = repaired(doc)
    assert schema_accepts(fixed) and documented_rules_hold(fixed)
    assert program_accepts(fixed), "a schema-valid file with the documented rules kept is refused"


AWKWARD = st.sampled_from([
    "10", "1e3", "true", "", " ", "x\n", "KRW", "weekly", "higher", "2026-01-05", "2026-02-29", "2028-02-29",
    "2026-13-01", "0", "k1", "a\x07b", True, False, None, 0, 1, -1, 2, 9, 23, 24, 0.5, 1.0, 2.0, 1e12, 1e13,
    -1e12, 10**10, [], {}, [1], {"name": "x"},
]) | st.text(max_size=8) | st.integers() | st.floats(allow_nan=False, allow_infinity=False)


def _paths(node: object, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(node, dict):
        for k, v in node.items():
            found += _paths(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += _paths(v, path + (i,))
    return found


@settings(max_examples=300, **SETTINGS)
@given(st.sampled_from(NAMES), st.data())
def test_examples_with_one_node_replaced_by_an_awkward_value(name: str, data: st.DataObject) -> None:
    doc = example_data(name)
    paths = [p for p in _paths(doc) if p and p[0] != "schema_version"]
    path = data.draw(st.sampled_from(paths))
    value = data.draw(AWKWARD)
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    agree(doc)


@settings(max_examples=100, **SETTINGS)
@given(st.sampled_from(NAMES), st.data())
def test_examples_with_a_date_key_or_an_actual_replaced(name: str, data: st.DataObject) -> None:
    doc = example_data(name)
    if not doc.get("actuals"):
        return
    kpi = data.draw(st.sampled_from(sorted(doc["actuals"])))
    key = data.draw(st.sampled_from(["2026-02-29", "2024-02-29", "0", "2026-1-1", "1900-01-01", "9999-12-31"])
                    | st.dates().map(str) | st.text(max_size=12))
    doc["actuals"][kpi][key] = data.draw(AWKWARD)
    agree(doc)


def test_schema_file_in_the_docs_is_not_stale() -> None:
    """docs/file-format.md names each rule the schema cannot express."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "file-format.md").read_text(encoding="utf-8")
    for phrase in ("used twice", "not a KPI of this plan", "at_risk", "ten years"):
        assert phrase in text, phrase


@pytest.mark.parametrize("channels, accepted", [(50, True), (51, False)])
def test_imported_shares_at_the_channel_limit(channels: int, accepted: bool) -> None:
    doc = example_data("cafe")
    kpi = doc["kpis"][0]["id"]
    shares = {f"채널{n}": {"value": 1, "days": 7, "as_of": "2026-03-10"} for n in range(channels)}
    doc["imported"] = {kpi: {"2026-03-02": shares}}
    assert schema_accepts(doc) is accepted
    assert program_accepts(doc) is accepted


@pytest.mark.parametrize("share", [
    {"value": 1, "denominator": "10"}, {"value": 1, "days": 401}, {"value": 1, "as_of": "2026-02-30"},
    {"days": 3}, {"value": 1, "extra": 0},
])
def test_malformed_imported_shares_are_refused_by_both(share: dict) -> None:
    doc = example_data("cafe")
    doc["imported"] = {doc["kpis"][0]["id"]: {"2026-03-02": {"Instagram": share}}}
    assert not schema_accepts(doc)
    assert not program_accepts(doc)
