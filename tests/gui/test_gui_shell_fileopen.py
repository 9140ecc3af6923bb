"""A plan double-clicked in macOS Finder arrives as a FileOpen event and is opened."""

from pathlib import Path

from kpiwizard.gui.app import FileOpenRelay
from kpiwizard.gui.qt import QApplication, QFileOpenEvent


def test_file_open_event_opens_the_plan(qapp):
    opened: list[Path] = []
    relay = FileOpenRelay(opened.append)
    qapp.installEventFilter(relay)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent("/tmp/카페 계획.kpiwiz"))
    finally:
        qapp.removeEventFilter(relay)
    assert opened == [Path("/tmp/카페 계획.kpiwiz")]
