"""The project file's JSON Schema, generated from the models so it cannot drift from them.

Pydantic's generated schema is then made to say what the program actually enforces and JSON
Schema can express (the property tests check that the two agree, both ways):

- dates are ``YYYY-MM-DD`` strings naming a real day (a pattern, since ``format`` is only an
  annotation in draft 2020-12 unless a validator opts in), and a plan's start and end lie in the
  years the program accepts;
- patterns match the whole text: a trailing line break is refused (Python's ``re`` would let ``$``
  match before one, the program never does);
- the actuals and imported tables name only KPI-id-shaped keys and at most 6,000 periods per KPI
  (and at most 50 channels per imported period);
- a KPI has exactly one of ``catalog_id`` and ``custom``.

What no JSON Schema can say (unique KPI ids, references to KPIs of the plan, threshold order, the
ten-year limit) is listed in docs/file-format.md and checked by the program alone.

Generating the schema takes pydantic about 12 ms, at every start that opens a file; the program
ships it generated instead (``resources/schema/project.schema.json``, written by
``kpiwizard schema``), and a test keeps that file equal to what the models generate.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from pydantic import ValidationError

from .models import MAX_CHANNELS, MAX_PERIODS, PLAN_YEARS, SCHEMA_VERSION, Project
from .resources import resource_path

if TYPE_CHECKING:
    from pydantic_core import InitErrorDetails

_YEAR = "(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
_MONTH_DAY = "((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))"
# 29 February: years divisible by 4 but not by 100, or by 400 (never year 0000).
_LEAP_YEAR = "([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
_END = "(?!\\n)$"
DATE_PATTERN = f"^({_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29){_END}"
LEGACY_CAPACITY_KEYS = ("cost_per_follower", "organic_growth_per_post")


def _plan_year_pattern() -> str:
    low, high = PLAN_YEARS
    if (low, high) != (1900, 2199):  # the pattern below spells these two out
        raise AssertionError("update the plan-year pattern")
    return "^(19|20|21)[0-9]{2}-"


def _whole_text(pattern: str) -> str:
    """Pydantic's pattern with its final ``$`` made to refuse a trailing line break (each pattern is
    tightened once, from the models' fresh schema)."""
    return pattern[:-1] + _END if pattern.endswith("$") else pattern


def _tighten(node: Any) -> None:
    if isinstance(node, list):
        for item in node:
            _tighten(item)
        return
    if not isinstance(node, dict):
        return
    if isinstance(node.get("pattern"), str):
        node["pattern"] = _whole_text(node["pattern"])
    if node.get("format") == "date":
        node["pattern"] = DATE_PATTERN
    if isinstance(node.get("patternProperties"), dict):
        node["patternProperties"] = {_whole_text(k): v for k, v in node["patternProperties"].items()}
        node.setdefault("additionalProperties", False)
    for key, value in node.items():
        if key not in ("default", "const", "enum", "examples"):
            _tighten(value)


def project_schema() -> dict[str, Any]:
    schema = Project.model_json_schema(mode="validation")
    props = schema["properties"]
    props["schema_version"] = {
        "const": SCHEMA_VERSION,
        "title": "Schema Version",
        "description": "Format version of the file; older versions are migrated on load.",
    }
    schema["required"] = sorted({*schema["required"], "schema_version"})  # start and end are required
    defs = schema["$defs"]
    # Early version-2 files kept two assumptions under "capacity"; the program still reads them there
    # (Project._assumptions_moved_out_of_capacity), so the schema accepts them there too.
    for key in LEGACY_CAPACITY_KEYS:
        defs["Capacity"]["properties"][key] = {
            **defs["Assumptions"]["properties"][key], "deprecated": True,
            "description": f"Earlier place of assumptions.{key}, read into it when that is not set."}
    _tighten(schema)
    for name in ("start", "end"):
        props[name]["allOf"] = [{"pattern": _plan_year_pattern()}]
    for series in props["actuals"]["patternProperties"].values():
        series["maxProperties"] = MAX_PERIODS
    for series in props["imported"]["patternProperties"].values():
        series["maxProperties"] = MAX_PERIODS
        series["additionalProperties"]["maxProperties"] = MAX_CHANNELS
    schema["$defs"]["KpiSelection"]["oneOf"] = [
        {"properties": {"catalog_id": {"type": "string"}}, "required": ["catalog_id"]},
        {"properties": {"custom": {"type": "object"}}, "required": ["custom"]},
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://kpiwizard.invalid/schema/project-v{SCHEMA_VERSION}.json",
        **schema,
    }


# -- the program holds files to the schema's types --------------------------------------------------
#
# Pydantic on its own converts "10" and true to numbers, 1 to true, 0 and "2026-01-05T00:00:00" to
# dates. Its strict mode cannot be used instead: a model with a "before" validator (the models have
# several) hands strict mode Python values, and then it refuses every date written as text. So a file
# is first checked against the types and patterns of this very schema, then validated by the models.

_KINDS = {"number": "float_type", "integer": "int_type", "boolean": "bool_type", "string": "string_type",
          "object": "dict_type", "array": "list_type", "null": "none_required"}


SHIPPED = ("schema", "project.schema.json")


def schema_text(schema: dict[str, Any]) -> str:
    """The schema as ``kpiwizard schema`` prints it and the program ships it."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return cast("dict[str, Any]", json.loads(resource_path(*SHIPPED).read_text(encoding="utf-8")))


def _is(value: object, kind: str) -> bool:
    if kind == "null":
        return value is None
    if isinstance(value, bool):
        return kind == "boolean"
    if kind == "integer":
        return isinstance(value, int) or isinstance(value, float) and value.is_integer()
    return isinstance(value, _JSON_TYPES.get(kind, ()))


_JSON_TYPES: dict[str, type | tuple[type, ...]] = {
    "number": (int, float), "string": str, "object": dict, "array": list, "boolean": (),
}


def _first_error(value: object, schema: dict[str, Any], loc: tuple[int | str, ...], defs: dict[str, Any]) -> InitErrorDetails | None:
    while "$ref" in schema:
        schema = {**defs[schema["$ref"].removeprefix("#/$defs/")], **{k: v for k, v in schema.items() if k != "$ref"}}
    if "anyOf" in schema:  # "X | None": the type first, null last (a test keeps the schema so)
        errors = [_first_error(value, option, loc, defs) for option in schema["anyOf"]]
        return None if None in errors else errors[0]
    for part in schema.get("allOf", ()):
        error = _first_error(value, part, loc, defs)
        if error:
            return error
    kind = schema.get("type")
    if isinstance(kind, str) and not _is(value, kind):
        if schema.get("format") == "date":
            return {"type": "date_type", "loc": loc, "input": value}
        return {"type": _KINDS[kind], "loc": loc, "input": value}  # the schema uses JSON's seven types only
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        if schema["pattern"] == _plan_year_pattern() and re.search(DATE_PATTERN, value):
            # A real day, in a year no plan may use: say which years, as the model does.
            return {"type": "value_error", "loc": loc, "input": value,
                    "ctx": {"error": f"a plan's dates must lie between {PLAN_YEARS[0]} and {PLAN_YEARS[1]}"}}
        if schema["pattern"] in (DATE_PATTERN, _plan_year_pattern()):  # every date is held to DATE_PATTERN
            return {"type": "date_type", "loc": loc, "input": value}
        return {"type": "string_pattern_mismatch", "loc": loc, "input": value, "ctx": {"pattern": schema["pattern"]}}
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        patterns = schema.get("patternProperties", {})
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            if "propertyNames" in schema:
                error = _first_error(key, schema["propertyNames"], loc + (key,), defs)
                if error:
                    return error
            if key in properties:
                subschemas = [properties[key]]
            else:
                subschemas = [sub for pattern, sub in patterns.items() if re.search(pattern, key)]
                if patterns and not subschemas:  # patternProperties come with additionalProperties false
                    return {"type": "string_pattern_mismatch", "loc": loc + (key,), "input": key,
                            "ctx": {"pattern": " | ".join(patterns)}}
                if not subschemas and isinstance(extra, dict):
                    subschemas = [extra]
            for sub in subschemas:
                error = _first_error(item, sub, loc + (key,), defs)
                if error:
                    return error
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value):
            error = _first_error(item, schema["items"], loc + (i,), defs)
            if error:
                return error
    return None


def check_json_types(data: object) -> None:
    """Raise pydantic's ``ValidationError`` (worded by ``validation_messages``) for the first value
    whose JSON type or pattern the schema refuses; ranges, lengths, enums and unknown keys are left
    to the models, which check them the same way."""
    schema = _schema()
    error = _first_error(data, schema, (), schema["$defs"])
    if error is not None:
        raise ValidationError.from_exception_data("Project", [error])  # the title is never shown
