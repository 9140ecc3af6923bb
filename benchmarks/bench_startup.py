"""Time until the first window is on screen: the real app against a bare QWizard, same machine, same run.

Each run is a fresh process (Python start, imports, QApplication, first window exposed), timed
from spawn to the line the process prints when its first window receives an expose event. The
app is started the way the ``kpiwizard`` command starts it (``kpiwizard.cli.main``). The goal for
the app is a median within 1.3x of the bare QWizard.

Two ratios are printed. The wall-clock one is what an owner sees, but on a machine where other
work competes for the two cores it moves with the load (both processes wait, and the one doing
more waits more often). The CPU one (user + system seconds the process spent until its window was
exposed) does not depend on the load, so it is the one to compare between runs; the load average
is printed beside them.

Runs under Xvfb: without a DISPLAY the script starts its own Xvfb server for all the runs.

    .venv/bin/python benchmarks/bench_startup.py [--runs 7] [--lang ko|en] [--python PATH]

``--python`` times an interpreter where kpiwizard is installed with a plain ``pip install .``
(the default is this checkout).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

GOAL = 1.3
TIMEOUT = 30.0  # seconds one start may take before it counts as hung

PROBE = r"""
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication

class Probe(QObject):
    seen = set()
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Expose and isinstance(obj, QWindow) and obj.isExposed():
            kind = WHICH(obj)
            if kind not in self.seen:
                self.seen.add(kind)
                print(f"shown {kind} cpu={time.process_time():.4f}", flush=True)
        return False

app = QApplication([])
app.installEventFilter(Probe(app))
"""

BARE = PROBE.replace("WHICH(obj)", '"main"') + r"""
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizard, QWizardPage
wizard = QWizard()
for i in range(9):
    page = QWizardPage()
    page.setTitle(f"Page {i}")
    QVBoxLayout(page).addWidget(QLabel("text"))
    wizard.addPage(page)
wizard.show()
app.exec()
"""

# The main window's title is "file — KPI 마법사"; the loading frame's has no dash.
# The command's own module first, as in a real start: PySide6 reads the source of every module
# imported after it (its feature switch looks for "PySide6" in them), which a real start does not
# pay for the command.
APP = "from kpiwizard.cli import main\n" + PROBE.replace(
    "WHICH(obj)", '"main" if "\\u2014" in obj.title() else "frame"') + r"""
import os, sys
sys.argv = ["kpiwizard", "--lang", os.environ.get("BENCH_LANG", "ko")]  # the app reads sys.argv itself
sys.exit(main())
"""


def time_once(code: str, env: dict[str, str], python: str) -> dict[str, tuple[float, float]]:
    """For each window kind shown ("frame", "main"): (wall seconds from spawn, CPU seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen([python, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    watchdog = threading.Timer(TIMEOUT, proc.kill)  # a start that hangs must not hang the benchmark
    watchdog.start()
    shown: dict[str, tuple[float, float]] = {}
    try:
        for line in proc.stdout:
            if line.startswith("shown "):
                kind, cpu = line.split()[1], float(line.split("cpu=")[1])
                shown[kind] = (time.perf_counter() - start, cpu)
                if kind == "main":
                    break
    finally:
        proc.kill()
        err = proc.stderr.read()
        proc.stdout.close()
        proc.stderr.close()
        proc.wait()
        watchdog.cancel()
    if "main" not in shown:
        tail = "\n".join(err.strip().splitlines()[-6:])
        raise RuntimeError(f"the main window never showed (shown: {sorted(shown)}):\n{tail}")
    shown.setdefault("frame", shown["main"])
    return shown


@contextmanager
def display():
    """The current display, else a private Xvfb server for every run (its start is not timed)."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    if shutil.which("Xvfb") is None:
        raise SystemExit("bench_startup: needs a DISPLAY or Xvfb")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--lang", choices=["ko", "en"], default="ko")
    parser.add_argument("--python", default=None,
                        help="an interpreter with kpiwizard installed (pip install .); default: this checkout")
    args = parser.parse_args()
    python = args.python or sys.executable

    home = tempfile.mkdtemp(prefix="kpiwizard-bench-")  # a new user: no settings, no recent files
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=f"{home}/.config", XDG_DATA_HOME=f"{home}/.local/share",
               BENCH_LANG=args.lang)
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("KPIWIZARD_SMOKE_EXIT_AFTER_SHOWN", None)
    if args.python is None:
        env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    load_before = os.getloadavg()[0]
    bare: list[tuple[float, float]] = []
    frame: list[tuple[float, float]] = []
    full: list[tuple[float, float]] = []
    try:
        with display() as name:
            env["DISPLAY"] = name
            time_once(BARE, env, python), time_once(APP, env, python)  # warm the disk cache for both
            for _ in range(args.runs):  # interleaved, so drift in machine load hits both alike
                bare.append(time_once(BARE, env, python)["main"])
                shown = time_once(APP, env, python)
                frame.append(shown["frame"])
                full.append(shown["main"])
    except RuntimeError as e:
        print(f"bench_startup: {e}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(home, ignore_errors=True)

    def line(label: str, values: list[tuple[float, float]]) -> tuple[float, float]:
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values)
        runs = ", ".join(f"{v[0] * 1000:.0f}" for v in values)
        print(f"{label:<32} wall {wall * 1000:6.1f} ms  cpu {cpu * 1000:6.1f} ms  (wall runs: {runs})")
        return wall, cpu

    print(f"start-up, {args.runs} runs, language {args.lang}, load average {load_before:.2f} -> "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    bw, bc = line("bare QWizard, window shown", bare)
    fw, fc = line("KPI Wizard, first window shown", frame)
    mw, mc = line("KPI Wizard, main window shown", full)
    verdict = "OK" if fw / bw <= GOAL else "OVER"
    print(f"ratio, first window : wall {fw / bw:.2f}x  cpu {fc / bc:.2f}x  (goal <= {GOAL}x wall) -> {verdict}")
    print(f"ratio, main window  : wall {mw / bw:.2f}x  cpu {mc / bc:.2f}x  (the full wizard, every page built)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
