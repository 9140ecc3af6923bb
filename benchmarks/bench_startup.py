"""Time until the first window is on screen: the real app against a bare QWizard, same machine, same run.

Each run is a fresh process (Python start, imports, QApplication, first window exposed), timed
from spawn to the line the process prints when its first window receives an expose event. The
goal for the app is a median within 1.3x of the bare QWizard. Runs under Xvfb: without a
DISPLAY the script re-runs itself through ``xvfb-run -a``.

    .venv/bin/python benchmarks/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL = 1.3

BARE = r"""
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

class Quit(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Expose and isinstance(obj, QWindow) and obj.isExposed():
            print("kpiwizard: window shown: bare", flush=True)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication([])
app.installEventFilter(Quit(app))
wizard = QWizard()
for i in range(9):
    page = QWizardPage()
    page.setTitle(f"Page {i}")
    QVBoxLayout(page).addWidget(QLabel("text"))
    wizard.addPage(page)
wizard.show()
app.exec()
"""

# The app, with a probe that reports the loading frame and the main window as each is exposed.
APP = r"""
import os
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication

class Probe(QObject):
    seen = set()
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Expose and isinstance(obj, QWindow) and obj.isExposed():
            main = "\u2014" in obj.title()  # the main window's title is "file — KPI 마법사"
            if main not in self.seen:
                self.seen.add(main)
                print("kpiwizard: main window shown" if main else "kpiwizard: window shown: frame", flush=True)
                if main:
                    QTimer.singleShot(0, app.quit)
        return False

app = QApplication([])
app.installEventFilter(Probe(app))
from kpiwizard.gui.app import run
sys.exit(run(["--lang", os.environ.get("BENCH_LANG", "ko")]))
"""


def time_once(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to the first window exposed, and to the main window exposed."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=env, text=True)
    assert proc.stdout is not None
    first = None
    for line in proc.stdout:
        now = time.perf_counter() - start
        if "window shown" in line and first is None:
            first = now
            if code is BARE:
                break
        if "main window shown" in line:
            proc.wait(timeout=30)
            return first if first is not None else now, now
    proc.wait(timeout=30)
    if first is None:
        raise RuntimeError("the window never showed")
    return first, first


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        if shutil.which("xvfb-run") is None:
            print("bench_startup: needs a DISPLAY or xvfb-run", file=sys.stderr)
            return 2
        return subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1280x900x24", sys.executable, *sys.argv])

    home = tempfile.mkdtemp(prefix="kpiwizard-bench-")
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=f"{home}/.config", XDG_DATA_HOME=f"{home}/.local/share",
               KPIWIZARD_SMOKE_EXIT_AFTER_SHOWN="1", PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    env.pop("QT_QPA_PLATFORM", None) if os.environ.get("DISPLAY") else None
    time_once(BARE, env), time_once(APP, env)  # warm the disk cache for both
    bare, first, main = [], [], []
    for _ in range(args.runs):  # interleaved, so drift in machine load hits both alike
        bare.append(time_once(BARE, env)[0])
        f, m = time_once(APP, env)
        first.append(f)
        main.append(m)
    shutil.rmtree(home, ignore_errors=True)

    def line(label: str, values: list[float]) -> float:
        med = statistics.median(values)
        print(f"{label:<34} median {med * 1000:7.1f} ms  (runs: {', '.join(f'{x * 1000:.0f}' for x in values)})")
        return med

    mb = line("bare QWizard, window shown", bare)
    mf = line("KPI Wizard, first window shown", first)
    mm = line("KPI Wizard, main window shown", main)
    print(f"ratio, first window : {mf / mb:.2f}x  (goal <= {GOAL}x) -> {'OK' if mf / mb <= GOAL else 'OVER'}")
    print(f"ratio, main window  : {mm / mb:.2f}x  (the full wizard, every page built)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
