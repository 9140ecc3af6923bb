"""Helpers for the app-shell tests: a real main window on a fresh store, and typing with real keys."""

from __future__ import annotations

from gui_keyboard import type_into  # noqa: F401  (typing as a keyboard does)

from kpiwizard.core.enums import Lang
from kpiwizard.gui.app import install_font
from kpiwizard.gui.i18n import Language
from kpiwizard.gui.main_window import MainWindow
from kpiwizard.gui.qt import QApplication
from kpiwizard.gui.settings import Settings


def _close_quietly(window: MainWindow) -> None:
    # The test is over: nothing to save, no question to ask, and Qt's Korean translator goes.
    window.doc.undo_stack.setClean()
    window.language.set(Lang.EN)


def make_window(qtbot, lang: Lang = Lang.KO) -> MainWindow:
    install_font(QApplication.instance())
    language = Language(lang, QApplication.instance())
    language.set(lang)
    window = MainWindow(language, Settings())
    qtbot.addWidget(window, before_close_func=_close_quietly)
    window.show()
    qtbot.waitExposed(window)
    return window


def pages(window):
    w = window.wizard
    return w.start_page, w.business_page, w.business_goal_page, w.review_page
