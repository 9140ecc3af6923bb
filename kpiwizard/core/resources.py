"""Finds the bundled data files the same way from a checkout, a wheel and a frozen build.

``resources/`` sits at the top of the source tree; the wheel and the PyInstaller bundle carry it as
``kpiwizard/resources``. Looking in the package first and the checkout second covers all three.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def resources_root() -> Path:
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        if (candidate / "catalog").is_dir():
            return candidate
    raise FileNotFoundError(
        "KPI Wizard's resources folder is missing; reinstall the program."
    )


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
