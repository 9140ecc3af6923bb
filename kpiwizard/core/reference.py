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

