"""Screen readers hear a control's name without the mnemonic marks of its visible label."""

import re

import pytest

from kpiwizard.core.enums import Lang
from kpiwizard.gui.qt import QWidget
from kpiwizard.gui.widgets.help_button import without_mnemonic

from gui_shell_helpers import make_window


def test_without_mnemonic_drops_both_styles():
    assert without_mnemonic("검색(&S)") == "검색"
    assert without_mnemonic("&Search") == "Search"
    assert without_mnemonic("Wh&y you do this") == "Why you do this"


@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_no_accessible_name_on_any_page_carries_a_mnemonic(qtbot, lang):
    window = make_window(qtbot, lang)
    leftovers = []
    for page in window.wizard.findChildren(QWidget):
        name = page.accessibleName()
        if "&" in name or re.search(r"\([A-Z]\)$", name):
            leftovers.append(name)
    assert leftovers == []
