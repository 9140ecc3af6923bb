"""The start-up probe the smoke test relies on: quits with 0 once a window is on screen, else inert."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import sys
from kpiwizard.gui.qt import QApplication, QMainWindow, QTimer
from kpiwizard.gui import smoke
app = QApplication(sys.argv)
smoke.install(app)
window = QMainWindow()
window.setWindowTitle("KPI 마법사")
QTimer.singleShot(3000, lambda: app.exit(7))  # without the probe the app just keeps running
window.show()
sys.exit(app.exec())
"""


def _run(probe: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KPIWIZARD_SMOKE_EXIT_AFTER_SHOWN"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if probe is not None:
        env["KPIWIZARD_SMOKE_EXIT_AFTER_SHOWN"] = probe
    return subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, check=False,
                          text=True, encoding="utf-8", timeout=60)


def test_probe_reports_the_first_window_and_exits_zero():
    done = _run("1")
    assert done.returncode == 0, done.stderr
    assert "kpiwizard: window shown: KPI 마법사" in done.stdout


def test_without_the_variable_the_app_is_untouched():
    done = _run(None)
    assert done.returncode == 7, done.stderr
    assert "window shown" not in done.stdout
