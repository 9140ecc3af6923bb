"""Qt's own file dialog speaks the UI language: no "Look in:", "Files of type:" or "Folder" in Korean.

On Linux without a desktop portal (and in the bundle) the save/open dialogs are Qt's own widgets,
translated by Qt's catalogue. Qt 6.11 asks for "&Look in:" and "Files of &type:" while qtbase_ko
holds "Look in:" and "Files of type:", and asks for "Folder" under another context: those stayed
English (issue 11) until ``QtKoreanGaps`` filled them. The dialog is built the way the program's
``QFileDialog.getSaveFileName`` builds it (Qt's widget dialog), over a folder with a sub-folder and
the files the program writes, and every text on it is read: labels, buttons, tool tips, accessible
names, the file-type list, the column headers and the "Type" column of the listing.
"""

from __future__ import annotations

import re
import time

import pytest

from kpiwizard.core.enums import Lang
from kpiwizard.gui.i18n import Language
from kpiwizard.gui.qt import (
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    Qt,
    QtWidgets,
    QWidget,
)

QAbstractButton = QtWidgets.QAbstractButton

WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")
MNEMONIC = re.compile(r"\(&\w\)|&")  # Korean-style "(&T)" is a key, not a word
# file names and patterns are the user's/ the program's file formats; key names are key caps
ALLOWED = {"KPI", "kpiwiz", "xlsx", "pdf", "ics", "PDF", "Excel", "ICS", "Alt", "Left", "Right", "Up",
           "Microsoft", "VCS", "KB", "MB", "bytes", "Ctrl"}
FILES = ("골목카페.kpiwiz", "골목카페-추적표.xlsx", "plan.pdf", "calendar.ics")


def _dialog(folder, accept=QFileDialog.AcceptMode.AcceptSave) -> QFileDialog:
    dialog = QFileDialog(None, "저장", str(folder), "KPI 계획 (*.kpiwiz);;Excel (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # what Qt shows where there is no native one
    dialog.setAcceptMode(accept)
    dialog.setNameFilter("*")  # every file, so the "Type" column names each kind
    return dialog


def _wait_listing(dialog: QFileDialog, rows: int) -> QAbstractItemView:
    """The listing is filled by a thread: wait (bounded) until the folder's entries are there."""
    view = dialog.findChild(QtWidgets.QTreeView, "treeView")
    assert view is not None
    model = view.model()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        root = view.rootIndex()
        if model.rowCount(root) >= rows and all(
                model.data(model.index(r, 2, root)) for r in range(model.rowCount(root))):
            return view
        time.sleep(0.02)
    raise AssertionError(f"the file dialog listed {model.rowCount(view.rootIndex())} of {rows} entries")


def _texts(dialog: QFileDialog, view: QAbstractItemView) -> list[str]:
    texts = [dialog.windowTitle()]
    for w in dialog.findChildren(QWidget):
        texts += [w.toolTip(), w.accessibleName(), w.accessibleDescription(), w.whatsThis()]
        texts += [a.text() for a in w.actions()]  # the context menu's (rename, delete, hidden files)
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
    model = view.model()
    root = view.rootIndex()
    texts += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount(root))]
    for r in range(model.rowCount(root)):
        name = model.data(model.index(r, 0, root))
        assert name in (*FILES, "보관함")  # the names are the user's
        texts.append(str(model.data(model.index(r, 2, root))))  # the "Type" column
    return [t for t in texts if t]


def _english(texts: list[str]) -> list[str]:
    # a file name shown in the look-in list/sidebar is a path, not a word of the UI
    return sorted({w for text in texts if not text.startswith("/")
                   for w in WORD.findall(MNEMONIC.sub("", text)) if w not in ALLOWED})


@pytest.fixture
def folder(tmp_path):
    for name in FILES:
        (tmp_path / name).write_bytes(b"x" * 2048)
    (tmp_path / "보관함").mkdir()
    return tmp_path


@pytest.mark.parametrize("accept", [QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen],
                         ids=["save", "open"])
def test_korean_file_dialog_has_no_english_label(qapp, folder, accept):
    language = Language(Lang.KO, qapp)
    language.set(Lang.KO)
    try:
        dialog = _dialog(folder, accept)
        dialog.show()
        view = _wait_listing(dialog, len(FILES) + 1)
        texts = _texts(dialog, view)
        labels = {w.text() for w in dialog.findChildren(QLabel)}
        # the three the owner reported, by name
        assert "찾는 위치(&L):" in labels
        assert "파일 형식(&T):" in labels
        model, root = view.model(), view.rootIndex()
        kinds = {model.data(model.index(r, 0, root)): model.data(model.index(r, 2, root))
                 for r in range(model.rowCount(root))}
        assert kinds["보관함"] == "폴더"
        assert kinds["plan.pdf"] == "PDF 문서"  # the file kinds in the default locale's language
        assert _english(texts) == []
        dialog.close()
    finally:
        language.set(Lang.EN)


def test_english_file_dialog_keeps_english_and_korean_comes_back(qapp, folder):
    """Switching to English removes the Korean catalogues (nothing Korean left in Qt's dialog), and
    switching back puts them in again: the language can change at run time."""
    language = Language(Lang.EN, qapp)
    language.set(Lang.EN)
    dialog = _dialog(folder)
    dialog.show()
    view = _wait_listing(dialog, len(FILES) + 1)
    labels = {w.text() for w in dialog.findChildren(QLabel)}
    assert {"&Look in:", "Files of &type:"} <= labels
    model, root = view.model(), view.rootIndex()
    kinds = {model.data(model.index(r, 0, root)): model.data(model.index(r, 2, root))
             for r in range(model.rowCount(root))}
    assert kinds["보관함"] == "Folder"
    dialog.close()
    try:
        language.set(Lang.KO)
        assert QCoreApplication.translate("QFileDialog", "Files of &type:") == "파일 형식(&T):"
        assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms") == "폴더"
        # what the catalogue has is still the catalogue's; what nobody has stays as Qt wrote it
        assert QCoreApplication.translate("QFileDialog", "Save As") == "다른 이름으로 저장"
        assert QCoreApplication.translate("NoSuchContext", "Plain words") == "Plain words"
    finally:
        language.set(Lang.EN)
    assert QCoreApplication.translate("QFileDialog", "Files of &type:") == "Files of &type:"


def test_a_mnemonic_qt_adds_later_is_translated_from_the_plain_entry(qapp):
    """Qt adding "&" to a label must not turn it English again: the catalogue's entry without the
    ampersand is used, the mnemonic put back Korean-style (and a label the catalogue has with its
    own mnemonic keeps the catalogue's)."""
    language = Language(Lang.KO, qapp)
    language.set(Lang.KO)
    try:
        # the catalogue has "Directory:" only; the gap filler makes "Dir&ectory:" Korean
        assert QCoreApplication.translate("QFileDialog", "Dir&ectory:") == "디렉터리(&E):"
        assert QCoreApplication.translate("QFileDialog", "File &name:") == "파일 이름(&N):"
        # the standard buttons: "&OK" is not in the catalogue, "OK" is
        assert QCoreApplication.translate("QPlatformTheme", "&OK") == "확인(&O)"
        assert QCoreApplication.translate("QFileDialog", "Tom & Jerry") == "Tom & Jerry"
    finally:
        language.set(Lang.EN)


def test_the_right_click_menus_of_text_fields_are_korean(qapp):
    """Qt's own menus on the fields the owner types into (undo, cut, copy, paste, select all)."""
    language = Language(Lang.KO, qapp)
    language.set(Lang.KO)
    try:
        texts = []
        for field in (QLineEdit(), QtWidgets.QPlainTextEdit(), QtWidgets.QTextBrowser()):
            menu = field.createStandardContextMenu()
            texts += [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
        assert "붙여넣기(&P)" in texts and "모두 선택" in texts
        assert _english(texts) == []
    finally:
        language.set(Lang.EN)
