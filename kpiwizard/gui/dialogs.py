"""Every question the program asks the user goes through ``ui``, one replaceable object.

A modal dialog would hang a headless test, so the tests swap ``ui`` for a scripted fake with
``use()``; the program itself never builds a message box or a file dialog anywhere else. Texts
arrive already in the user's language; Qt's own buttons (Save, Cancel...) follow the qtbase
translator.
"""

from __future__ import annotations

from pathlib import Path

from .qt import QDesktopServices, QDialog, QFileDialog, QMessageBox, Qt, QUrl, QWidget

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class Dialogs:
    """The real dialogs. ``title`` is the application name in the current language."""

    title = "KPI Wizard"

    def box(self, parent: QWidget | None, icon, text: str, buttons=None) -> QMessageBox:
        """A message box whose text is plain: a file named '<b>x' shows as typed."""
        box = QMessageBox(icon, self.title, text, buttons or QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box

    def info(self, parent: QWidget | None, text: str) -> None:
        self.box(parent, QMessageBox.Icon.Information, text).exec()

    def error(self, parent: QWidget | None, text: str) -> None:
        self.box(parent, QMessageBox.Icon.Warning, text).exec()

    def ask(self, parent: QWidget | None, text: str) -> bool:
        B = QMessageBox.StandardButton
        return self.box(parent, QMessageBox.Icon.Question, text, B.Yes | B.No).exec() == B.Yes

    def confirm_discard(self, parent: QWidget | None, text: str) -> str:
        """Save, discard or cancel before the open plan's unsaved changes would be lost."""
        B = QMessageBox.StandardButton
        box = self.box(parent, QMessageBox.Icon.Warning, text, B.Save | B.Discard | B.Cancel)
        box.setDefaultButton(B.Save)
        answer = box.exec()
        return {B.Save: SAVE, B.Discard: DISCARD}.get(B(answer), CANCEL)

    def choose(self, parent: QWidget | None, text: str, options: list[str]) -> int | None:
        """One of ``options`` (button labels, the last one closes); None when closed."""
        box = self.box(parent, QMessageBox.Icon.Information, text, QMessageBox.StandardButton.NoButton)
        buttons = [box.addButton(o, QMessageBox.ButtonRole.ActionRole) for o in options[:-1]]
        buttons.append(box.addButton(options[-1], QMessageBox.ButtonRole.RejectRole))
        box.setDefaultButton(buttons[0])
        box.exec()
        clicked = box.clickedButton()
        index = buttons.index(clicked) if clicked in buttons else None
        return None if index == len(options) - 1 else index

    def open_file(self, parent: QWidget | None, caption: str, folder: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, caption, folder, filters)
        return Path(name) if name else None

    def open_files(self, parent: QWidget | None, caption: str, folder: str, filters: str) -> list[Path]:
        """Several files at once (the platforms' downloads); an empty list when cancelled."""
        names, _ = QFileDialog.getOpenFileNames(parent, caption, folder, filters)
        return [Path(n) for n in names if n]

    def run_dialog(self, parent: QWidget | None, dialog: QDialog) -> bool:
        """Show one of the program's own dialogs (the import preview, the monthly check-in) modally;
        True when the user accepted it. Tests drive the real dialog through the fake instead."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def save_file(self, parent: QWidget | None, caption: str, suggested: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
        return Path(name) if name else None

    def open_url(self, url: QUrl) -> bool:
        return QDesktopServices.openUrl(url)

    def custom_kpi(self, parent: QWidget | None, lang) -> dict | None:
        """The owner's own KPI asked in a dialog of its own (custom_kpi_dialog); its answers, or None
        when cancelled."""
        from .custom_kpi_dialog import CustomKpiDialog

        dialog = CustomKpiDialog(lang, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        values = dialog.values() if accepted else None
        dialog.deleteLater()
        return values

    def show_document(self, parent: QWidget | None, title: str, markdown: str) -> None:
        """A Markdown text (the owners' guide) in a window of the program's own, not whatever
        program the system would pick for .md files."""
        from .qt import QDialogButtonBox, QTextBrowser, QVBoxLayout

        dialog = QDialog(parent)
        dialog.setWindowTitle(title)
        browser = QTextBrowser(dialog)
        browser.setOpenExternalLinks(True)
        browser.setMarkdown(markdown)
        browser.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        dialog.resize(760, 640)
        dialog.exec()


ui: Dialogs = Dialogs()


def use(dialogs: Dialogs) -> Dialogs:
    """Replace the dialogs (tests); returns the previous ones so they can be put back."""
    global ui
    previous, ui = ui, dialogs
    return previous
