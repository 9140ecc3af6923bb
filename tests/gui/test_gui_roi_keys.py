"""The ROI page's inputs have Alt keys (issue 11, screenshot pass: they had none).

Each input's label carries a mnemonic with the input as its buddy, so Alt+letter puts the cursor in
the input. The page has three tabs and Qt only listens to the visible tab's keys, so each tab is a
screen: its keys are unique there together with the window's menus and the wizard's buttons, in
both languages, English-style in English ("&Ad spend") and Korean-style in Korean ("광고비(&A)")."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from gui_keyboard import focused, give_focus, press
from gui_shell_helpers import make_window
from test_gui_person_at_keyboard import mnemonic, visible_mnemonics

from kpiwizard.core.enums import Lang
from kpiwizard.gui.pages.actions_roi import ActionsRoiPage

TABS = {
    0: ["posts_per_week", "hours_per_week"],
    1: ["ad_spend", "tools", "hours", "hourly_rate", "revenue", "leads", "customers", "average_order",
        "purchases_per_year", "customer_years", "gross_margin"],
    2: ["revenue_target", "click_rate", "lead_rate", "close_rate", "organic_growth_per_post",
        "min_followers_per_weekly_post", "max_organic_monthly_growth", "cost_per_follower"],
}


@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_alt_and_the_labels_letter_puts_the_cursor_in_each_roi_input(qtbot, lang):
    window = make_window(qtbot, lang)
    window.open_example("cafe")
    page = next(p for p in window.wizard.plan_pages if isinstance(p, ActionsRoiPage))
    window.wizard.go_to(page)
    assert sorted(k for keys in TABS.values() for k in keys) == sorted(page.inputs)  # every input is here
    for tab, keys in TABS.items():
        page.tabs.setCurrentIndex(tab)
        found = visible_mnemonics(window)
        clashes = {k: v for k, v in found.items() if len(v) > 1}
        assert not clashes, f"tab {tab + 1}: {clashes}"
        start = page.inputs[keys[-1]]
        for key in keys:
            label = page.labels[key]
            assert label.buddy() is page.inputs[key]
            letter = mnemonic(label.text())
            assert letter, f"{label.text()!r} has no Alt key"
            if lang is Lang.KO:
                assert re.search(r"\(&[A-Z]\)$", label.text()), label.text()
            else:
                assert not re.search(r"\(&\w\)", label.text()), label.text()
            give_focus(start if key != keys[-1] else page.inputs[keys[0]])
            press(getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
            assert focused() is page.inputs[key], f"Alt+{letter.upper()} on tab {tab + 1} ({label.text()})"
