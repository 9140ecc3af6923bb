"""The example plans shipped with the program (``resources/examples``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from .models import Project
from .projectfile import loads_project
from .resources import resource_path
from .text import Text


@dataclass(frozen=True)
class Example:
    name: str
    description: Text
    file: str

    def load(self) -> Project:
        return loads_project(resource_path("examples", self.file).read_bytes())


@lru_cache(maxsize=1)
def examples() -> tuple[Example, ...]:
    index = json.loads(resource_path("examples", "index.json").read_text(encoding="utf-8"))
    return tuple(
        Example(e["name"], Text.model_validate(e["description"]), e["file"]) for e in index
    )


def find_example(name: str) -> Example | None:
    return next((e for e in examples() if e.name == name), None)
