"""Property-based project files: documents drawn from the program's own JSON Schema
(``kpiwizard schema``) and arbitrary JSON, through the real command; plus a few real processes to
show that no traceback ever reaches the terminal.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from reliability_kit import COUNTS, Case, Mishandled, dump, example_bytes, run_cli, try_case

from kpiwizard.core.schema import project_schema

REPO = Path(__file__).resolve().parents[2]
SETTINGS = dict(derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large, HealthCheck.filter_too_much])


def _schema_from_the_command() -> dict:
    outcome = run_cli("schema")
    assert outcome.code == 0
    schema = json.loads(outcome.out)
    assert schema == json.loads(json.dumps(project_schema()))
    return schema


SCHEMA = _schema_from_the_command()



def _small(schema: dict) -> dict:
    """The schema with long lists and strings capped, so each example stays cheap to draw."""
    text = json.dumps(schema)
    for big in ("200000", "5000", "500", "300"):
        text = text.replace(f'"maxLength": {big}', '"maxLength": 40').replace(f'"maxItems": {big}', '"maxItems": 3')
    return json.loads(text)


def _check(tmp_path_factory, data: object, kind: str, export: bool) -> bool:
    folder = tmp_path_factory.mktemp(kind, numbered=True)
    content = data if isinstance(data, bytes) else dump(data)
    try:
        return try_case(Case(kind, repr(data)[:300], content), folder, export=("--ics", "--xlsx") if export else ())
    except Mishandled as e:
        raise AssertionError(str(e)) from None


@settings(max_examples=200, **SETTINGS)
@given(from_schema(_small(SCHEMA)), st.integers(0, 9))
def test_documents_the_schema_allows(tmp_path_factory, document, n):
    """Valid by the schema, but cross-field rules may still refuse: both outcomes must be clean."""
    if _check(tmp_path_factory, document, "schema", export=n == 0):
        COUNTS["schema-accepted"] += 1


SECTIONS = ("business", "business_goal", "smart", "roi", "capacity", "review", "title", "notes", "actions")


def _section(name: str):
    small = _small(SCHEMA)
    sub = dict(small["properties"][name], **{"$defs": small["$defs"]})
    return from_schema(sub)


@settings(max_examples=120, **SETTINGS)
@given(st.sampled_from(["cafe", "pizzeria", "b2b-ebook"]),
       st.fixed_dictionaries({}, optional={k: _section(k) for k in SECTIONS}), st.integers(0, 4))
def test_examples_with_schema_drawn_sections(tmp_path_factory, name, sections, n):
    """Whole sections drawn from the schema inside a real plan: mostly accepted, so exported often."""
    plan = {**json.loads(example_bytes(name)), **sections}
    if _check(tmp_path_factory, plan, "schema", export=n == 0):
        COUNTS["schema-accepted"] += 1


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, **SETTINGS)
@given(st.sampled_from(["cafe", "pizzeria", "b2b-ebook"]), st.data())
def test_examples_with_a_random_subtree_swapped(tmp_path_factory, name, data):
    """One node anywhere in a real plan replaced by arbitrary JSON."""
    plan = json.loads(example_bytes(name))
    node, key = plan, None
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = data.draw(st.sampled_from(keys))
        if not isinstance(node[key], (dict, list)) or data.draw(st.booleans()):
            break
        node = node[key]
    if key is not None:
        node[key] = data.draw(JSON)
    _check(tmp_path_factory, plan, "hypothesis", export=False)


@settings(max_examples=100, **SETTINGS)
@given(st.binary(max_size=2000) | JSON.map(lambda v: json.dumps(v).encode()))
def test_arbitrary_bytes_and_json(tmp_path_factory, content):
    _check(tmp_path_factory, content, "hypothesis", export=False)


# -- real processes: the terminal never sees a traceback -----------------------------------------

CLI = [sys.executable, "-m", "kpiwizard"]
ENTRY = REPO / ".venv" / "bin" / "kpiwizard"


@pytest.mark.parametrize("content", [
    b"", b"\xff\xfe{\x00", b'{"schema_version": 2, "title": ' + b"[" * 100_000, b"NaN",
    example_bytes("cafe")[:1000], example_bytes("cafe").replace(b'"schema_version": 2', b'"schema_version": 9'),
])
def test_real_process_prints_one_message_and_exits_2(tmp_path, content):
    target = tmp_path / "plan.kpiwiz"
    target.write_bytes(content)
    command = [str(ENTRY)] if ENTRY.exists() else CLI
    for lang in ("ko", "en"):
        done = subprocess.run([*command, "--lang", lang, "export", str(target), "--ics", str(tmp_path / "x.ics")],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr and done.stderr.startswith("kpiwizard: "), done.stderr
        assert done.stderr.count("\n") == 1 and done.stdout == ""
        assert target.read_bytes() == content and not (tmp_path / "x.ics").exists()
        COUNTS["subprocess"] += 1
