"""The UI language, switchable at run time without a restart.

UI strings are bilingual ``Text`` values (``t("새 계획", "New plan")``) held by the widgets that
show them; when the language changes, ``Language.changed`` fires and every view re-reads its
strings. Qt's own dialogs (the file dialog, message boxes) follow through Qt's Korean catalogue
(qtbase_ko) plus ``QtKoreanGaps`` for what that catalogue misses, and through the default locale
(file kinds such as "PDF 문서" come from the MIME database in the default locale's language).
"""

from __future__ import annotations

from kpiwizard.core.enums import Lang
from kpiwizard.core.text import Text, t  # noqa: F401  (re-exported for the views)

from .qt import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

_QtKey = tuple[str, str]  # (context, source text)


def system_language() -> Lang:
    return Lang.KO if QLocale.system().language() == QLocale.Language.Korean else Lang.EN


# Strings Qt 6.11 asks for that qtbase_ko.qm (as shipped with PySide6 6.11) does not have: the file
# dialog's labels gained mnemonics ("&Look in:", "Files of &type:") while the catalogue still holds
# "Look in:" / "Files of type:", and the "Type" column's "Folder" is asked for in the context
# QAbstractFileIconProvider while the catalogue has it under QFileDialog. Without these the Korean
# save dialog says "Look in:", "Files of type:" and "Folder" (issue 11).
_KO_GAPS: dict[_QtKey, str] = {
    ("QFileDialog", "&Look in:"): "찾는 위치(&L):",
    ("QFileDialog", "Files of &type:"): "파일 형식(&T):",
    ("QFileDialog", "Hidden files"): "숨김 파일",
    ("QAbstractFileIconProvider", "Folder"): "폴더",
    ("QAbstractFileIconProvider", "File Folder"): "파일 폴더",
    ("QAbstractFileIconProvider", "Drive"): "드라이브",
    ("QAbstractFileIconProvider", "Unknown"): "알 수 없음",
    ("QAbstractFileIconProvider", "Shortcut"): "바로 가기",
    ("QAbstractFileIconProvider", "Alias"): "별칭",
}


class QtKoreanGaps(QTranslator):
    """Korean for what Qt's own catalogue misses, consulted only after it (installed before it).

    Besides the table above, a label whose mnemonic Qt added after the catalogue was made
    ("Files of &type:") is translated from the catalogue's entry without the ampersand, with the
    mnemonic put back Korean-style ("파일 형식(&T):"), so a later Qt adding a mnemonic is covered too.
    """

    def __init__(self, catalogue: QTranslator, parent: QObject | None = None):
        super().__init__(parent)
        self._catalogue = catalogue

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name; an empty translator is not installed
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        found = _KO_GAPS.get((context, source))
        if found is not None:
            return found
        if "&" in source and "&&" not in source:
            at = source.index("&")
            key = source[at + 1:at + 2]
            plain = self._catalogue.translate(context, source.replace("&", "", 1), disambiguation, n)
            if plain and key.isalnum():
                tail = ":" if plain.endswith(":") else ""
                return f"{plain.removesuffix(':')}(&{key.upper()}){tail}"
        return None  # a null string: Qt keeps the English source (or another catalogue's answer)


_QT_TRANSLATORS: list[QTranslator] = []  # installed in the application now


def ui_locale(lang: Lang) -> QLocale:
    return (QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea) if lang is Lang.KO
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


class Language(QObject):
    changed = Signal(object)  # the new Lang

    def __init__(self, lang: Lang, parent: QObject | None = None):
        super().__init__(parent)
        self._lang = lang

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
        # Qt's own widgets take names of months, days and file kinds from the default locale
        QLocale.setDefault(ui_locale(lang))
        app = QCoreApplication.instance()
        if app is None:
            return
        # Qt's translations belong to the application, not to one window: whichever Language sets
        # the language last decides, and no catalogue of an earlier one is left behind.
        while _QT_TRANSLATORS:
            translator = _QT_TRANSLATORS.pop()
            app.removeTranslator(translator)
            translator.deleteLater()
        if lang is Lang.KO:
            catalogue = QTranslator(app)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if catalogue.load("qtbase_ko", folder):
                # the last installed is asked first: the gaps only hear what the catalogue lacks
                gaps = QtKoreanGaps(catalogue, app)
                app.installTranslator(gaps)
                app.installTranslator(catalogue)
                _QT_TRANSLATORS.extend((gaps, catalogue))
