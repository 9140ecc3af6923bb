"""The UI language, switchable at run time without a restart.

UI strings are bilingual ``Text`` values (``t("새 계획", "New plan")``) held by the widgets that
show them; when the language changes, ``Language.changed`` fires and every view re-reads its
strings. Qt's own dialogs follow through the qtbase translator.
"""

from __future__ import annotations

from kpiwizard.core.enums import Lang
from kpiwizard.core.text import Text, t  # noqa: F401  (re-exported for the views)

from .qt import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal


def system_language() -> Lang:
    return Lang.KO if QLocale.system().language() == QLocale.Language.Korean else Lang.EN


class Language(QObject):
    changed = Signal(object)  # the new Lang

    def __init__(self, lang: Lang, parent: QObject | None = None):
        super().__init__(parent)
        self._lang = lang
        self._translator: QTranslator | None = None

    @property
    def current(self) -> Lang:
        return self._lang

    def tr(self, text: Text) -> str:  # type: ignore[override]  # (QObject.tr translates C++-style; unused here)
        return text.get(self._lang)

    def set(self, lang: Lang) -> None:
        lang = Lang(lang)
        self._install_qt_translator(lang)
        if lang is self._lang:
            return
        self._lang = lang
        self.changed.emit(lang)

    def _install_qt_translator(self, lang: Lang) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        if lang is Lang.KO:
            translator = QTranslator(self)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if translator.load("qtbase_ko", folder):
                app.installTranslator(translator)
                self._translator = translator
