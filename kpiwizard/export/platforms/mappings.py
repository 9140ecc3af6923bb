"""Columns mapped by hand to a KPI, remembered between imports (a small JSON settings file).

The file lives in the user's settings folder (``$KPIWIZARD_CONFIG_DIR``, else
``$XDG_CONFIG_HOME/kpiwizard``, else ``~/.config/kpiwizard``; ``%APPDATA%\\kpiwizard`` on Windows) as
``import-mappings.json``: ``{"mappings": {"meta_posts:datacomment": "engagement_rate"}}``. A key is a
column key as the preview lists it (``platform:header`` with the header folded); the value is a KPI
id. A mapping applies to a plan only when the plan has a KPI of that id. The file is written
atomically; an unreadable one is treated as empty (it holds only conveniences, never plan data).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from kpiwizard.core.atomic import atomic_write_text

FILE_NAME = "import-mappings.json"
_KEY = re.compile(r"^[a-z0-9_]+:.{1,300}$", re.DOTALL)
_KPI = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")


def config_dir() -> Path:
    if os.environ.get("KPIWIZARD_CONFIG_DIR"):
        return Path(os.environ["KPIWIZARD_CONFIG_DIR"])
    if os.name == "nt" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "kpiwizard"
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "kpiwizard"


def mappings_path() -> Path:
    return config_dir() / FILE_NAME


def load_mappings(path: Path | None = None) -> dict[str, str]:
    p = path or mappings_path()
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        raw = data.get("mappings", {}) if isinstance(data, dict) else {}
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {k: v for k, v in raw.items() if isinstance(k, str) and isinstance(v, str) and _KEY.match(k) and _KPI.match(v)}


def save_mappings(mappings: dict[str, str], path: Path | None = None) -> None:
    """Merge ``mappings`` into the remembered ones (an empty KPI id forgets a key). Raises OSError."""
    p = path or mappings_path()
    current = load_mappings(p)
    for k, v in mappings.items():
        if not v:
            current.pop(k, None)
        elif _KEY.match(k) and _KPI.match(v):
            current[k] = v
    p.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(p, json.dumps({"mappings": dict(sorted(current.items()))}, ensure_ascii=False, indent=2) + "\n")
