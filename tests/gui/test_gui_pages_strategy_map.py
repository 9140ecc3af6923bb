"""Strategy map page: draws the core's map, boxes inside their bands and never overlapping."""

from kpiwizard.core.enums import Lang
from kpiwizard.core.strategy_map import build_strategy_map
from kpiwizard.gui.pages.kpis import remove_kpi
from kpiwizard.gui.pages.strategy_map import StrategyMapPage

from gui_pages_helpers import open_example


def test_map_is_the_cores_map_laid_out_without_overlaps(qtbot):
    for example, lang in (("cafe", Lang.KO), ("b2b-ebook", Lang.EN)):
        doc, _language, page = open_example(qtbot, StrategyMapPage, example, lang)
        page.resize(1000, 800)
        assert page.view.strategy_map() == build_strategy_map(doc.project, lang)
        for width in (420, 1000, 1600):
            layout = page.view.compute_layout(width)
            boxes = list(layout.boxes.items())
            assert {oid for oid, _ in boxes} == {o.id for o in page.view.strategy_map().objectives}
            for i, (a_id, a) in enumerate(boxes):
                assert a.right() <= width + 0.5
                for b_id, b in boxes[i + 1:]:
                    assert not a.intersects(b), (example, width, a_id, b_id)
            bands = {b.perspective: b.rect for b in layout.bands}
            for o in page.view.strategy_map().objectives:
                assert bands[o.perspective.value].contains(layout.boxes[o.id]), o.id


def test_map_follows_edits_and_language(qtbot):
    doc, language, page = open_example(qtbot, StrategyMapPage)
    assert "지역 팔로워 수" in page.view.describe()
    assert doc.edit("drop", lambda p: remove_kpi(p, "response_time")) is None
    assert not any(k.id == "response_time" for o in page.view.strategy_map().objectives for k in o.kpis)
    language.set(Lang.EN)
    assert page.title() == "Strategy map"
    assert "Local followers" in page.view.describe()
    assert page.view.strategy_map() == build_strategy_map(doc.project, Lang.EN)
