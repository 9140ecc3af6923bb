"""Keyboard use of pages 4-8: every mnemonic on a page is unique and leaves the wizard's own
Back/Next/Finish (B, N, F) alone, and every input has an accessible name and a tooltip."""

import re

import pytest

from kpiwizard.core.enums import Lang
from kpiwizard.gui.pages.actions_roi import ActionsRoiPage
from kpiwizard.gui.pages.kpis import KpisPage
from kpiwizard.gui.pages.smart_goal import SmartGoalPage
from kpiwizard.gui.pages.strategy_map import StrategyMapPage
from kpiwizard.gui.pages.targets import TargetsPage
from kpiwizard.gui.qt import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QtWidgets

from gui_pages_helpers import open_example

PAGES = [SmartGoalPage, KpisPage, TargetsPage, StrategyMapPage, ActionsRoiPage]


@pytest.mark.parametrize("page_class", PAGES)
@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_mnemonics_are_unique_and_spare_the_wizard_buttons(qtbot, page_class, lang):
    _doc, _language, page = open_example(qtbot, page_class, "cafe", lang)
    widgets = page.findChildren(QLabel) + page.findChildren(QtWidgets.QAbstractButton)
    # Qt answers only the keys of visible widgets: each tab of a tabbed page is a screen of its own
    tabs = page.findChildren(QtWidgets.QTabWidget)
    pages = [tabs[0].widget(i) for i in range(tabs[0].count())] if tabs else [None]
    for shown in pages:
        hidden = [p for p in pages if p is not None and p is not shown]
        letters = []
        for widget in widgets:
            match = re.search(r"&(\w)", widget.text())
            if match and not any(h.isAncestorOf(widget) for h in hidden):
                letters.append(match.group(1).lower())
        assert len(letters) == len(set(letters)), sorted(letters)
        assert not set(letters) & {"b", "n", "f"}


@pytest.mark.parametrize("page_class", PAGES)
def test_every_input_is_named_and_explained(qtbot, page_class):
    _doc, _language, page = open_example(qtbot, page_class, "cafe", Lang.KO)
    for widget in page.findChildren(QLineEdit) + page.findChildren(QComboBox) + page.findChildren(QPlainTextEdit):
        if widget.parent() is not None and isinstance(widget.parent(), QComboBox):
            continue  # a combo box's own line edit
        if type(widget).__name__ == "QLineEdit" and widget.parent() is not None and "DateEdit" in type(widget.parent()).__name__:
            continue  # a date edit's inner line edit
        assert widget.accessibleName(), (type(widget).__name__, widget.objectName())
        assert widget.toolTip(), widget.accessibleName()
