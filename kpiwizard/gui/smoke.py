"""A start-up probe for the packaging smoke test and benchmarks: prove a window opened, then quit.

With ``KPIWIZARD_SMOKE_EXIT_AFTER_SHOWN=1`` in the environment, the app prints
``kpiwizard: window shown: TITLE`` when its first top-level window is exposed on screen and exits
with 0. Without the variable this does nothing. The app shell calls ``install(app)`` once, right
after creating the QApplication.
"""

from __future__ import annotations

import os

from .qt import QtCore, QtGui

ENV_VAR = "KPIWIZARD_SMOKE_EXIT_AFTER_SHOWN"


class _FirstExposeQuits(QtCore.QObject):
    def __init__(self, app: QtCore.QCoreApplication):
        super().__init__(app)
        self._app = app
        self._done = False

    def eventFilter(self, obj, event) -> bool:
        if (
            not self._done
            and event.type() == QtCore.QEvent.Type.Expose
            and isinstance(obj, QtGui.QWindow)
            and obj.isExposed()
        ):
            self._done = True
            print(f"kpiwizard: window shown: {obj.title()}", flush=True)
            QtCore.QTimer.singleShot(0, lambda: self._app.exit(0))
        return False


def install(app: QtCore.QCoreApplication) -> None:
    if os.environ.get(ENV_VAR) == "1":
        app.installEventFilter(_FirstExposeQuits(app))
