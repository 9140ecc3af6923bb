"""The core stays pure: no Qt, and the strategy map is built from the selections."""

import subprocess
import sys
from pathlib import Path

from kpiwizard.core.enums import Perspective
from kpiwizard.core.examples import find_example
from kpiwizard.core.strategy_map import build_strategy_map

CORE = Path(__file__).resolve().parents[2] / "kpiwizard" / "core"


def test_no_module_under_core_imports_qt():
    for path in CORE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "PySide6" not in text and "shiboken" not in text, path


def test_importing_the_whole_core_loads_no_qt():
    code = (
        "import pkgutil, importlib, sys, kpiwizard.core as c\n"
        "[importlib.import_module('kpiwizard.core.' + m.name) for m in pkgutil.iter_modules(c.__path__)]\n"
        "import kpiwizard.cli\n"
        "print(any(n.startswith(('PySide6', 'shiboken6')) for n in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_strategy_map_holds_the_selected_kpis_and_cause_effect_arrows():
    m = build_strategy_map(find_example("b2b-ebook").load(), "en")
    ids = {o.id for o in m.objectives}
    assert {"valuable_results", "engaging_content", "publish_content", "paid_reach"} <= ids
    assert ("paid_reach", "engaging_content") in m.arrows
    assert ("engaging_content", "valuable_results") in m.arrows
    assert [p for p, _ in m.perspectives] == list(Perspective)
    kpis = [k.id for o in m.objectives for k in o.kpis]
    assert sorted(kpis) == sorted(k.id for k in find_example("b2b-ebook").load().kpis)


def test_arrows_skip_objectives_the_plan_does_not_use():
    cafe = find_example("cafe").load()
    cafe.remove_kpi("naver_place_reviews")  # the café's only KPI on personal_interaction
    m = build_strategy_map(cafe, "ko")
    assert ("engage_users", "valuable_results") in m.arrows  # through personal_interaction


def test_custom_kpis_join_real_objectives_and_no_band_is_left_empty():
    """No floating '직접 만든 KPI' box; an empty learning band gets the learning objectives."""
    from kpiwizard.core.catalog import load_catalog

    cafe = find_example("cafe").load()
    m = build_strategy_map(cafe, "ko")
    catalog_ids = {o.id for o in load_catalog().objectives}
    assert {o.id for o in m.objectives} <= catalog_ids
    placed = {k.id for o in m.objectives for k in o.kpis}
    assert {k.id for k in cafe.kpis if k.custom is not None} <= placed
    linked = {end for arrow in m.arrows for end in arrow}
    assert all(o.id in linked for o in m.objectives)
    for perspective in Perspective:
        assert m.in_perspective(perspective), perspective
    learning = m.in_perspective(Perspective.LEARNING)
    if not any(o.kpis for o in learning):
        assert all(o.proposed and "(제안)" in o.name for o in learning)
