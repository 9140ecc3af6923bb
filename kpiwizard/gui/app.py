"""Start the desktop app: the QApplication, the bundled Korean font, the language, the window.

Start-up stays light: no exporter, no catalog index is loaded before the window is on screen.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kpiwizard.core.enums import Lang

from .i18n import Language, system_language
from .qt import QApplication, QTimer

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
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "kpiwizard", *(argv or [])])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    install_font(app)
    return app


def create_window(lang: Lang | None = None):
    """The main window in the chosen language (else the saved one, else the system's)."""
    from .main_window import MainWindow
    from .settings import Settings

    settings = Settings()
    language = Language(lang or settings.language() or system_language(), QApplication.instance())
    language.set(language.current)  # installs Qt's own translations for Korean
    return MainWindow(language, settings)


def run(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_application()
    from . import smoke

    smoke.install(app)
    window = create_window(Lang(args.lang) if args.lang else None)
    window.show()
    QTimer.singleShot(0, window.offer_recovery)
    if args.file is not None:
        QTimer.singleShot(0, lambda: window.open_plan(args.file))
    return app.exec()
