"""Moving project files of older schema versions forward to the current one.

Each step takes the JSON data of version N and returns version N+1; steps never mutate their
input, so the caller's data (and the file on disk) stay as they were.

Version 1 was the pre-release prototype format: directions spelled "up"/"down"/"band", a single
``business.channel`` with ``business.followers`` instead of a channel list, and actuals as a flat
list of ``{"kpi", "period", "value"}`` records.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable
from typing import Any

from .models import SCHEMA_VERSION, Project

_DIRECTIONS_V1 = {"up": "higher", "down": "lower", "band": "range"}


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(data)
    business = out.get("business")
    if isinstance(business, dict) and ("channel" in business or "followers" in business):
        name = business.pop("channel", None)
        followers = business.pop("followers", 0)
        if name:
            business["channels"] = [{"name": name, "followers": followers}]
    for kpi in out.get("kpis") or []:
        if isinstance(kpi, dict) and kpi.get("direction") in _DIRECTIONS_V1:
            kpi["direction"] = _DIRECTIONS_V1[kpi["direction"]]
    smart = out.get("smart")
    if isinstance(smart, dict) and smart.get("direction") in _DIRECTIONS_V1:
        smart["direction"] = _DIRECTIONS_V1[smart["direction"]]
    actuals = out.get("actuals")
    if isinstance(actuals, list):
        table: dict[str, dict[str, Any]] = {}
        for record in actuals:
            table.setdefault(record["kpi"], {})[record["period"]] = record["value"]
        out["actuals"] = table
    out["schema_version"] = 2
    return out


STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data["schema_version"]
    while version < SCHEMA_VERSION:
        data = STEPS[version](data)
        version = data["schema_version"]
    return data


_LEGACY_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


def legacy_plan_id(project: Project) -> str:
    """The id of a plan saved before plans had one: the 12 hex digits the calendar of those versions
    put in every event UID (from the title and dates). Deterministic, so the same file opened twice
    gets the same id, and a calendar exported before and after the upgrade carries the same UIDs.
    Frozen on purpose: it must not follow later changes to the calendar.
    """
    title = _LEGACY_BREAKS.sub(" ", project.title or project.business.name).strip(" ") or "KPI"
    return hashlib.sha1(f"{title}|{project.start}|{project.end}".encode()).hexdigest()[:12]
