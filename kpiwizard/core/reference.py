"""Reference figures shipped as data (``resources/reference/*.json``), each with its source.

The rules read their figures here, never from constants in code, so a figure, its source and its
year can be checked and changed in one place and ``docs/advice.md`` can quote them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .resources import resource_path


@lru_cache(maxsize=None)
def reference(name: str) -> dict[str, Any]:
    """One reference file (``realism``, ``assumptions`` or ``plan_rules``), read once per process."""
    return json.loads(resource_path("reference", f"{name}.json").read_text(encoding="utf-8"))


def threshold(name: str) -> float:
    """A realism threshold's value (``resources/reference/realism.json`` → ``thresholds``)."""
    return float(reference("realism")["thresholds"][name]["value"])


def plan_rule(name: str) -> dict[str, Any]:
    return reference("plan_rules")[name]


def benchmarks_for(kpi_id: str) -> list[dict[str, Any]]:
    """Published figures that share this KPI's denominator; never one divided by something else.

    The app's engagement rate divides by reach; Rival IQ divides by followers and Buffer by
    impressions, so neither may be set beside it ("0.26 % from one source and 3.80 % from another").
    """
    data = reference("realism")
    denominator = data["kpi_denominators"].get(kpi_id)
    if denominator is None:
        return []
    return [b for b in data["benchmarks"] if b["metric"] == kpi_id and b["denominator"] == denominator]
