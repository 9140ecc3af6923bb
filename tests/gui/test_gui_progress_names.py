"""KPI names are read whole in the Progress table (issue 11, screenshot pass: English names were
cut, "Engagem… rate", "Naver Place …"). At the window's default size every name shows in full:
no word is wider than the name column, and a long name wraps onto a taller row instead of being
cut; the name's tooltip is the name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QStyle

from gui_shell_helpers import make_window

from kpiwizard.core.enums import Lang
from kpiwizard.core.kpiview import view_kpis


@pytest.mark.parametrize(("lang", "example"), [(Lang.EN, "cafe"), (Lang.EN, "pizzeria"), (Lang.KO, "cafe")])
def test_every_kpi_name_shows_in_full_at_the_default_size(qtbot, lang, example):
    window = make_window(qtbot, lang)
    window.open_example(example)
    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    table = window.progress_view.status_table
    assert (window.width(), window.height()) == (1100, 780)
    names = [v.name for v in view_kpis(window.doc.project, lang)]
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == names
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    room = table.columnWidth(0) - margin
    metrics = table.fontMetrics()
    for row, name in enumerate(names):
        widest = max(name.split(), key=metrics.horizontalAdvance)
        assert metrics.horizontalAdvance(widest) <= room, f"'{widest}' of '{name}' is cut ({room}px)"
        wrapped = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, name).height()
        assert wrapped <= table.rowHeight(row), f"'{name}' needs {wrapped}px, its row has {table.rowHeight(row)}"
        assert table.item(row, 0).toolTip() == name
    # and every row is on screen: none hides below the table
    last = table.rowCount() - 1
    assert table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height()
