"""Every GUI test: offscreen Qt, a fresh settings/app-data store, scripted dialogs, no Qt warnings.

- ``QT_QPA_PLATFORM=offscreen`` is set before anything imports Qt, and a Qt warning fails the
  test: both for every test, in tests/conftest.py.
- Each test gets its own HOME, XDG folders, QStandardPaths test mode and INI-format QSettings in a
  temporary folder (as Vorta's suite does), so no test reads or writes the developer's settings.
- ``dialogs.ui`` is a scripted fake: a modal dialog would hang a headless run, and an unscripted
  question fails the test instead.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections import deque  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from kpiwizard.gui import dialogs  # noqa: E402
from kpiwizard.gui.qt import QSettings, QStandardPaths  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_store(tmp_path_factory, monkeypatch, qapp):
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))
    qapp.setOrganizationName("KPIWizardTest")
    qapp.setApplicationName("kpiwizard-test")
    yield home


class FakeDialogs(dialogs.Dialogs):
    """Records what the program told the user and answers its questions from a script."""

    def __init__(self):
        self.shown: list[tuple[str, str]] = []
        self.answers: deque = deque()
        self.opened: list[str] = []
        self.custom_dialogs: list = []  # the real custom-KPI dialogs a script drove
        self.dialogs: list = []  # the program's own dialogs shown through run_dialog
        self.suggested: list[str] = []  # the names save_file proposed

    def script(self, *answers) -> None:
        self.answers.extend(answers)

    def texts(self, kind: str) -> list[str]:
        return [text for k, text in self.shown if k == kind]

    def _answer(self, kind: str, text: str):
        self.shown.append((kind, text))
        if not self.answers:
            raise AssertionError(f"unscripted {kind} dialog: {text}")
        return self.answers.popleft()

    def info(self, parent, text):
        self.shown.append(("info", text))

    def error(self, parent, text):
        self.shown.append(("error", text))

    def ask(self, parent, text):
        return self._answer("ask", text)

    def confirm_discard(self, parent, text):
        return self._answer("confirm_discard", text)

    def choose(self, parent, text, options):
        return self._answer("choose", text)

    def open_file(self, parent, caption, folder, filters):
        answer = self._answer("open_file", caption)
        return None if answer is None else Path(answer)

    def open_files(self, parent, caption, folder, filters):
        answer = self._answer("open_files", caption)
        return [] if answer is None else [Path(a) for a in answer]

    def run_dialog(self, parent, dialog):
        """The scripted answer is a function that drives the real dialog (clicks, keys) while it is
        shown, as a person would; None closes it as Cancel/Esc does."""
        drive = self._answer("dialog", dialog.windowTitle())
        self.dialogs.append(dialog)
        dialog.show()
        if drive is None:
            dialog.reject()
        else:
            drive(dialog)
            if dialog.isVisible():  # the script left it open: closing the window is Cancel
                dialog.reject()
        return dialog.result() == dialogs.QDialog.DialogCode.Accepted

    def save_file(self, parent, caption, suggested, filters):
        self.suggested.append(suggested)
        answer = self._answer("save_file", caption)
        return None if answer is None else Path(answer)

    def open_url(self, url):
        self.opened.append(url.toLocalFile() or url.toString())
        return True

    def custom_kpi(self, parent, lang):
        """Scripted: the answers as a dict, None (cancelled), or a function that drives the real
        dialog (keys, clicks) while it is shown; a dialog the function leaves open is cancelled."""
        answer = self._answer("custom_kpi", "")
        if not callable(answer):
            return answer
        from kpiwizard.gui.custom_kpi_dialog import CustomKpiDialog
        from kpiwizard.gui.qt import QDialog

        dialog = CustomKpiDialog(lang, parent)
        self.custom_dialogs.append(dialog)
        dialog.show()
        answer(dialog)
        if dialog.isVisible():
            dialog.reject()
        return dialog.values() if dialog.result() == QDialog.DialogCode.Accepted else None

    def show_document(self, parent, title, markdown):
        self.shown.append(("document", markdown))


@pytest.fixture(autouse=True)
def fake_dialogs():
    fake = FakeDialogs()
    previous = dialogs.use(fake)
    yield fake
    dialogs.use(previous)
    assert not fake.answers, f"scripted answers never asked for: {list(fake.answers)}"
