"""Start the desktop app: the QApplication, the bundled Korean font, the language, the window.

Start-up stays light: a plain loading frame goes on screen first, where the main window will be,
using nothing but Qt; the plan modules (pydantic models, pages) load behind it, and the main
window replaces it. No exporter and no catalog index is loaded before the window is on screen.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kpiwizard.core.enums import Lang

# Only what the loading frame needs: every Qt name costs CPU the first time it is touched (PySide6
# builds its enums then), and the ``Qt`` namespace alone costs 10 ms, so the frame does without it.
from .qt import (
    QApplication,
    QByteArray,
    QHBoxLayout,
    QLabel,
    QObject,
    QSettings,
    QTimer,
    QWidget,
    Signal,
)

ORGANIZATION = "KPIWizard"
APPLICATION = "kpiwizard"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="kpiwizard-app", add_help=True)
    p.add_argument("--lang", choices=["ko", "en"], help="language of the program (default: settings, then system)")
    p.add_argument("file", nargs="?", type=Path, help="a plan (.kpiwiz) to open")
    args, _unknown = p.parse_known_args([a for a in argv if a != "gui"])
    return args


def install_font(app: QApplication) -> str:
    """Register NanumGothic and put it behind the system font, so Hangul never shows as boxes."""
    from .widgets.fonts import korean_family

    family = korean_family()
    font = app.font()
    families = [f for f in font.families() if f != family] or [font.family()]
    font.setFamilies([*families, family])
    app.setFont(font)
    return family


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication([sys.argv[0] if sys.argv else "kpiwizard", *(argv or [])])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    install_font(app)
    return app


def chosen_language(lang: Lang | None = None) -> Lang:
    """The asked language, else the saved one, else Korean for a Korean system, else English."""
    from .qt import QLocale
    from .settings import Settings  # (not .i18n: it loads the bilingual text model, and pydantic)

    if lang is not None:
        return lang
    saved = Settings().language()
    if saved is not None:
        return saved
    return Lang.KO if QLocale.system().language() == QLocale.Language.Korean else Lang.EN


def create_window(lang: Lang | None = None):
    """The main window in the chosen language (else the saved one, else the system's)."""
    from .i18n import Language
    from .main_window import MainWindow
    from .settings import Settings

    language = Language(chosen_language(lang), QApplication.instance())
    language.set(language.current)  # installs Qt's own translations for Korean
    return MainWindow(language, Settings())


class LoadingFrame(QWidget):
    """The first thing on screen: the main window's place and size, saying it is on its way."""

    painted = Signal()

    def __init__(self, lang: Lang):
        super().__init__()
        ko = lang is Lang.KO
        self.setWindowTitle("KPI 마법사" if ko else "KPI Wizard")
        label = QLabel("KPI 마법사를 여는 중…" if ko else "Opening KPI Wizard…")
        row = QHBoxLayout(self)  # centred by stretches on both sides (a label centres itself vertically)
        row.addStretch(1)
        row.addWidget(label)
        row.addStretch(1)
        self.resize(1100, 780)
        geometry = QSettings().value("window/geometry", QByteArray(), type=QByteArray)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self._painted = False

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.painted.emit)


class FileOpenRelay(QObject):
    """macOS opens a double-clicked .kpiwiz by sending an event, not a command-line argument."""

    def __init__(self, open_plan, parent: QObject | None = None):
        super().__init__(parent)
        self._open_plan = open_plan

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        from .qt import QEvent

        if event.type() == QEvent.Type.FileOpen and event.file():
            self._open_plan(Path(event.file()))
            return True
        return False


def cannot_open(frame: QWidget, lang: Lang) -> None:
    """The main window could not be built: the traceback for a bug report, a message, exit code 1."""
    import traceback

    from . import dialogs

    traceback.print_exc()
    dialogs.ui.error(frame, "KPI 마법사를 열 수 없습니다. 프로그램 오류입니다: 위의 내용을 알려 주세요."
                     if lang is Lang.KO else
                     "KPI Wizard cannot open: this is a bug in the program. Please report the text printed above.")
    frame.close()
    QApplication.exit(1)


def run(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_application()
    lang = chosen_language(Lang(args.lang) if args.lang else None)
    frame = LoadingFrame(lang)
    windows: list[object] = []  # keeps the main window alive for as long as the event loop runs

    def open_main_window() -> None:
        if windows:
            return
        from . import smoke

        try:
            window = create_window(lang)
        except Exception:  # a bug: say so and quit, rather than leave "opening…" on screen for ever
            windows.append(None)
            cannot_open(frame, lang)
            return
        windows.append(window)
        window.show()
        frame.close()
        smoke.install(app)  # the packaging smoke test waits for the main window, not the frame
        QTimer.singleShot(0, window.offer_recovery)
        if args.file is not None:
            QTimer.singleShot(0, lambda: window.open_plan(args.file))
        relay = FileOpenRelay(window.open_plan, window)
        app.installEventFilter(relay)

    frame.painted.connect(open_main_window)
    QTimer.singleShot(1000, open_main_window)  # in case the platform never paints the frame
    frame.show()
    return app.exec()
