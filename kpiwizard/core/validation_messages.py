"""Pydantic's validation errors, told to a café owner in Korean and English.

Only the first problem is spelled out (with the field's path, e.g. ``kpis[2].target``), followed
by how many more there are: one fix at a time is what a person can act on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import ValidationError

from .korean import eun, i_ga, quoted
from .text import Text


def field_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if part == "[key]":  # pydantic's mark of a dict key refused: the key itself is the last part
            continue
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(file)"


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# The models' own checks (models.py) raise their reason in English, often after the path of the
# field it is about ("end: a plan may last at most ten years"); the owner reading Korean gets it in
# Korean, the path kept. A reason not listed here is shown as raised.
_MODEL_REASONS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"at_risk threshold must not exceed the on_track threshold"),
     lambda m: "뒤처짐 기준(at_risk)이 순항 기준(on_track)보다 크면 안 됩니다"),
    (re.compile(r"a KPI needs exactly one of catalog_id or custom"),
     lambda m: "KPI에는 catalog_id와 custom 중 하나만 있어야 합니다"),
    (re.compile(r"the id '(.*)' is used twice"), lambda m: f"KPI id {i_ga(quoted(m[1]))} 두 번 쓰였습니다"),
    (re.compile(r"a plan may last at most ten years"), lambda m: "계획 기간은 10년을 넘을 수 없습니다"),
    (re.compile(r"a plan's dates must lie between (\d+) and (\d+)"),
     lambda m: f"계획의 날짜는 {m[1]}년부터 {m[2]}년 사이여야 합니다"),
    (re.compile(r"'(.*)' is not a KPI of this plan"), lambda m: f"{eun(quoted(m[1]))} 이 계획의 KPI가 아닙니다"),
    (re.compile(r"too many periods"), lambda m: "기록된 기간이 너무 많습니다"),
    (re.compile(r"too many channels"), lambda m: "채널이 너무 많습니다"),
)
_PATH = re.compile(r"([\w.\[\]-]+): (.*)")  # "actions[0].kpi: ..."


def _model_reason_ko(reason: str) -> str:
    at = _PATH.fullmatch(reason)
    path, said = (f"{at[1]}: ", at[2]) if at else ("", reason)
    for pattern, korean in _MODEL_REASONS:
        match = pattern.fullmatch(said)
        if match:
            return path + korean(match)
    return reason


def _reason(error: Mapping[str, Any]) -> Text:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    inp = _short(error.get("input"))
    limits = {
        "greater_than_equal": ("{v} 이상이어야 합니다", "must be at least {v}", "ge"),
        "greater_than": ("{v}보다 커야 합니다", "must be greater than {v}", "gt"),
        "less_than_equal": ("{v} 이하여야 합니다", "must be at most {v}", "le"),
    }
    if kind in limits:
        ko, en, key = limits[kind]
        v = ctx.get(key)
        return Text(ko=ko.format(v=v) + f" (입력값: {inp})", en=en.format(v=v) + f" (got {inp})")
    # The kinds the models raise (none has an upper bound by "lt", a list with a minimum length,
    # attributes read from objects or JSON text parsed by pydantic itself); any other kind is said
    # in pydantic's words below.
    simple = {
        "missing": ("값이 없습니다", "is missing"),
        "extra_forbidden": ("알 수 없는 항목입니다 (오타인지 확인하세요)", "is not a known field (check for a typo)"),
        "finite_number": ("NaN이나 무한대가 아닌 숫자여야 합니다", "must be a finite number, not NaN or Infinity"),
        "date_from_datetime_parsing": ("YYYY-MM-DD 형식의 날짜여야 합니다", "must be a date as YYYY-MM-DD"),
        "date_type": ("YYYY-MM-DD 형식의 날짜여야 합니다", "must be a date as YYYY-MM-DD"),
        "date_from_datetime_inexact": ("시각 없이 날짜만 적어야 합니다", "must be a date without a time"),
        "string_type": ("글자(문자열)여야 합니다", "must be text"),
        "string_too_long": ("너무 깁니다", "is too long"),
        "string_too_short": ("비어 있으면 안 됩니다", "must not be empty"),
        "string_pattern_mismatch": ("허용되지 않는 글자가 있습니다", "has characters that are not allowed"),
        "int_type": ("정수여야 합니다", "must be a whole number"),
        "int_parsing": ("정수여야 합니다", "must be a whole number"),
        "int_from_float": ("소수점 없는 정수여야 합니다", "must be a whole number without decimals"),
        "int_parsing_size": ("정수로 다루기에 너무 큰 수입니다", "is too large a number to be a whole number"),
        "float_type": ("숫자여야 합니다", "must be a number"),
        "float_parsing": ("숫자여야 합니다", "must be a number"),
        "bool_type": ("true 또는 false여야 합니다", "must be true or false"),
        "bool_parsing": ("true 또는 false여야 합니다", "must be true or false"),
        "list_type": ("목록([ ... ])이어야 합니다", "must be a list ([ ... ])"),
        "too_long": ("항목이 너무 많습니다", "has too many items"),
        "dict_type": ("객체({ ... })여야 합니다", "must be an object ({ ... })"),
        "model_type": ("객체({ ... })여야 합니다", "must be an object ({ ... })"),
        "enum": ("허용된 값 중 하나여야 합니다", "must be one of the allowed values"),
        "literal_error": ("허용된 값 중 하나여야 합니다", "must be one of the allowed values"),
    }
    if kind in simple:
        ko, en = simple[kind]
        if "expected" in ctx:  # enum, literal_error: name the values allowed
            return Text(ko=f"{ko}: {ctx['expected']} (입력값: {inp})", en=f"{en}: {ctx['expected']} (got {inp})")
        if kind in ("missing", "extra_forbidden"):
            return Text(ko=ko, en=en)
        return Text(ko=f"{ko} (입력값: {inp})", en=f"{en} (got {inp})")
    if kind == "value_error":
        reason = str(ctx["error"])
        return Text(ko=f"값이 올바르지 않습니다: {_model_reason_ko(reason)}", en=f"is not valid: {reason}")
    return Text(ko=f"값이 올바르지 않습니다: {error['msg']}", en=f"is not valid: {error['msg']}")


def describe_validation_error(error: ValidationError, in_file: bool = True) -> Text:
    """The first problem, worded for a file being opened or (``in_file=False``) a field edited."""
    errors = error.errors()
    first = errors[0]
    more = len(errors) - 1
    if first["type"] == "value_error" and not first["loc"]:  # a check of the whole plan: no one field
        said = str(first["ctx"]["error"])
        whole = ("프로젝트 파일이", "The project file") if in_file else ("계획이", "The plan")
        ko = f"{whole[0]} 올바르지 않습니다: {_model_reason_ko(said)}."
        en = f"{whole[1]} is not valid: {said}."
    elif in_file:
        where = field_path(tuple(first["loc"]))
        reason = _reason(first)
        ko = f"프로젝트 파일의 '{where}' 필드가 잘못되었습니다: {reason.ko}."
        en = f"The project file's field '{where}' {reason.en}."
    else:
        reason = _reason(first)
        ko = f"{reason.ko[0].upper()}{reason.ko[1:]}."
        en = f"{reason.en[0].upper()}{reason.en[1:]}."
    if more:
        ko += f" (그 밖에 {more}개의 문제가 더 있습니다.)"
        en += f" ({more} more problem{'s' if more > 1 else ''}.)"
    return Text(ko=ko, en=en)
