"""Pydantic's validation errors, told to a café owner in Korean and English.

Only the first problem is spelled out (with the field's path, e.g. ``kpis[2].target``), followed
by how many more there are: one fix at a time is what a person can act on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from .text import Text


def field_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(file)"


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _reason(error: Mapping[str, Any]) -> Text:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    inp = _short(error.get("input"))
    limits = {
        "greater_than_equal": ("{v} 이상이어야 합니다", "must be at least {v}", "ge"),
        "greater_than": ("{v}보다 커야 합니다", "must be greater than {v}", "gt"),
        "less_than_equal": ("{v} 이하여야 합니다", "must be at most {v}", "le"),
        "less_than": ("{v}보다 작아야 합니다", "must be less than {v}", "lt"),
    }
    if kind in limits:
        ko, en, key = limits[kind]
        v = ctx.get(key)
        return Text(ko=ko.format(v=v) + f" (입력값: {inp})", en=en.format(v=v) + f" (got {inp})")
    simple = {
        "missing": ("값이 없습니다", "is missing"),
        "extra_forbidden": ("알 수 없는 항목입니다 (오타인지 확인하세요)", "is not a known field (check for a typo)"),
        "finite_number": ("NaN이나 무한대가 아닌 숫자여야 합니다", "must be a finite number, not NaN or Infinity"),
        "date_from_datetime_parsing": ("YYYY-MM-DD 형식의 날짜여야 합니다", "must be a date as YYYY-MM-DD"),
        "date_parsing": ("YYYY-MM-DD 형식의 날짜여야 합니다", "must be a date as YYYY-MM-DD"),
        "date_type": ("YYYY-MM-DD 형식의 날짜여야 합니다", "must be a date as YYYY-MM-DD"),
        "date_from_datetime_inexact": ("시각 없이 날짜만 적어야 합니다", "must be a date without a time"),
        "string_type": ("글자(문자열)여야 합니다", "must be text"),
        "string_too_long": ("너무 깁니다", "is too long"),
        "string_too_short": ("비어 있으면 안 됩니다", "must not be empty"),
        "string_pattern_mismatch": ("허용되지 않는 글자가 있습니다", "has characters that are not allowed"),
        "int_type": ("정수여야 합니다", "must be a whole number"),
        "int_parsing": ("정수여야 합니다", "must be a whole number"),
        "int_from_float": ("소수점 없는 정수여야 합니다", "must be a whole number without decimals"),
        "float_type": ("숫자여야 합니다", "must be a number"),
        "float_parsing": ("숫자여야 합니다", "must be a number"),
        "bool_type": ("true 또는 false여야 합니다", "must be true or false"),
        "bool_parsing": ("true 또는 false여야 합니다", "must be true or false"),
        "list_type": ("목록([ ... ])이어야 합니다", "must be a list ([ ... ])"),
        "too_long": ("항목이 너무 많습니다", "has too many items"),
        "too_short": ("항목이 부족합니다", "has too few items"),
        "dict_type": ("객체({ ... })여야 합니다", "must be an object ({ ... })"),
        "model_type": ("객체({ ... })여야 합니다", "must be an object ({ ... })"),
        "model_attributes_type": ("객체({ ... })여야 합니다", "must be an object ({ ... })"),
        "enum": ("허용된 값 중 하나여야 합니다", "must be one of the allowed values"),
        "literal_error": ("허용된 값 중 하나여야 합니다", "must be one of the allowed values"),
    }
    if kind in simple:
        ko, en = simple[kind]
        if kind == "enum" and ctx.get("expected"):
            return Text(ko=f"{ko}: {ctx['expected']} (입력값: {inp})", en=f"{en}: {ctx['expected']} (got {inp})")
        if kind in ("missing", "extra_forbidden"):
            return Text(ko=ko, en=en)
        return Text(ko=f"{ko} (입력값: {inp})", en=f"{en} (got {inp})")
    if kind == "value_error":
        reason = str(ctx.get("error", error.get("msg", "")))
        return Text(ko=f"값이 올바르지 않습니다: {reason}", en=f"is not valid: {reason}")
    return Text(ko=f"값이 올바르지 않습니다: {error.get('msg', kind)}", en=f"is not valid: {error.get('msg', kind)}")


def describe_validation_error(error: ValidationError, in_file: bool = True) -> Text:
    """The first problem, worded for a file being opened or (``in_file=False``) a field edited."""
    errors = error.errors(include_url=False)
    first = errors[0]
    where = field_path(tuple(first["loc"]))
    reason = _reason(first)
    more = len(errors) - 1
    if in_file:
        ko = f"프로젝트 파일의 '{where}' 필드가 잘못되었습니다: {reason.ko}."
        en = f"The project file's field '{where}' {reason.en}."
    else:
        ko = f"{reason.ko[0].upper()}{reason.ko[1:]}."
        en = f"{reason.en[0].upper()}{reason.en[1:]}."
    if first["type"] == "value_error" and not first["loc"]:
        ko = f"프로젝트 파일이 올바르지 않습니다: {reason.ko.split(': ', 1)[-1]}."
        en = f"The project file is not valid: {reason.en.split(': ', 1)[-1]}."
    if more:
        ko += f" (그 밖에 {more}개의 문제가 더 있습니다.)"
        en += f" ({more} more problem{'s' if more > 1 else ''}.)"
    return Text(ko=ko, en=en)
