"""The "?" help buttons are for the mouse; the keyboard gets the same help on the field itself
(issue 11, screenshot pass: the "?" were Tab stops, so moving between fields took two Tabs).

One Tab goes from a field to the next field. The help text stays reachable without a mouse: the
field carries it as its tooltip, its accessible description (what a screen reader says) and its
What's This, which Shift+F1 shows; F1 opens the owners' guide from any field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWhatsThis, QWidget

from gui_keyboard import focused, give_focus, press
from gui_shell_helpers import make_window

from kpiwizard.core.enums import Lang
from kpiwizard.gui.pages.actions_roi import ActionsRoiPage
from kpiwizard.gui.pages.smart_goal import SmartGoalPage
from kpiwizard.gui.widgets.help_button import HelpButton


def page_of(window, page_class):
    page = next(p for p in window.wizard.plan_pages if isinstance(p, page_class))
    window.wizard.go_to(page)
    return page


@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_one_tab_goes_from_a_field_to_the_next_field(qtbot, lang):
    window = make_window(qtbot, lang)
    window.open_example("cafe")
    business = window.wizard.business_page
    window.wizard.go_to(business)
    give_focus(business.fields["title"])
    press(Qt.Key.Key_Tab)
    assert focused() is business.fields["name"]
    press(Qt.Key.Key_Backtab)
    assert focused() is business.fields["title"]

    smart = page_of(window, SmartGoalPage)
    give_focus(smart.fields["baseline"])
    press(Qt.Key.Key_Tab)
    assert focused() is smart.fields["target"]

    roi = page_of(window, ActionsRoiPage)
    roi.tabs.setCurrentIndex(1)
    give_focus(roi.inputs["ad_spend"])
    press(Qt.Key.Key_Tab)
    assert focused() is roi.inputs["tools"]
    roi.tabs.setCurrentIndex(0)
    give_focus(roi.inputs["posts_per_week"])
    press(Qt.Key.Key_Tab)
    assert focused() is roi.inputs["hours_per_week"]


def test_no_help_button_anywhere_takes_the_focus_and_its_text_is_on_a_field_the_keyboard_reaches(qtbot):
    window = make_window(qtbot, Lang.KO)
    window.open_example("cafe")
    buttons = window.findChildren(HelpButton)
    assert len(buttons) > 40  # every page's, the wizard builds them all
    for button in buttons:
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus, button.accessibleName()
        text = button.accessibleDescription()  # the help, as describe() gave it to the field and its "?"
        assert text and text in button.toolTip(), button.accessibleName()
        owners = [w for w in window.findChildren(QWidget)
                  if not isinstance(w, HelpButton) and w.accessibleDescription() == text]
        assert owners, f"no field carries the help of {button.accessibleName()}"
        for owner in owners:
            # on hover, and by Shift+F1 (a text field's tooltip adds its limit, "(최대 300자)")
            assert owner.toolTip().startswith(text) and owner.whatsThis() == text
            # the owner takes Tab itself, or holds controls that do (a group of choices, the two dates)
            reachable = [owner, *owner.findChildren(QWidget)]
            assert any(w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in reachable), button.accessibleName()


def _whats_this_shown() -> bool:
    return any(w.metaObject().className() == "QWhatsThat" and w.isVisible() for w in QApplication.topLevelWidgets())


@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_shift_f1_in_a_field_shows_its_help_and_f1_opens_the_guide(qtbot, fake_dialogs, lang):
    window = make_window(qtbot, lang)
    window.open_example("cafe")
    roi = page_of(window, ActionsRoiPage)
    roi.tabs.setCurrentIndex(1)
    field = roi.inputs["ad_spend"]
    give_focus(field)
    assert not _whats_this_shown()
    press(Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    assert _whats_this_shown()
    assert field.whatsThis() == roi.helps["ad_spend"].toolTip()
    assert ("광고비" if lang is Lang.KO else "ad spend") in field.whatsThis()
    QWhatsThis.hideText()
    QApplication.processEvents()
    give_focus(field)
    press(Qt.Key.Key_F1)
    (guide,) = fake_dialogs.texts("document")
    assert "SMART" in guide
    assert focused() is field  # the guide is shown and the owner is back in the field
