"""Exporting the café example to tracker + PDF plan, against the floor of the libraries it needs.

The floor is one process that does the least any exporter of these two files must do: import
pydantic, register NanumGothic with reportlab and write a one-paragraph PDF, write an openpyxl
workbook with one formula. The app's run is ``kpiwizard export cafe.kpiwiz --xlsx --pdf`` in one
process, exactly as an owner's command would. Each run is a fresh process, the two interleaved so
drift in machine load hits both alike; the goal is a median within 1.5x of the floor.

Wall time is what the owner waits; CPU time (user + system of the process) does not depend on how
busy the machine is, so its ratio is the one to compare between runs.

The program's own modules are compiled to bytecode first, as ``pip install`` does for an owner. The
floor's libraries load theirs from site-packages; without this step, a shell or CI that sets
PYTHONDONTWRITEBYTECODE (as these machines do) made the app compile ~40 modules from source on
every run (about 50 ms), a cost no installed copy pays. ``--as-checked-out`` skips the step.

    .venv/bin/python benchmarks/bench_export.py [--runs 5]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL = 1.5
REPO = Path(__file__).resolve().parents[1]

FLOOR = r"""
import sys
from pathlib import Path
import pydantic  # noqa: F401  (the plan's models are pydantic)
import openpyxl
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

out = Path(sys.argv[1])
pdfmetrics.registerFont(TTFont("NanumGothic", sys.argv[2]))
style = ParagraphStyle("body", fontName="NanumGothic", fontSize=10)
SimpleDocTemplate(str(out / "floor.pdf"), pagesize=A4).build([Paragraph("동네 카페 평일 오후 손님 늘리기", style)])
book = openpyxl.Workbook()
sheet = book.active
sheet["A1"], sheet["A2"], sheet["A3"] = 1, 2, "=A1+A2"
book.save(out / "floor.xlsx")
"""


def run_once(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one fresh process."""
    start = time.perf_counter()
    # cwd: ``python -m`` looks in the current folder first, which may hold another checkout
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=REPO)
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.stderr.close()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:4])}... exited {proc.returncode}: {err.decode(errors='replace')[-800:]}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--example", default="cafe")
    parser.add_argument("--as-checked-out", action="store_true",
                        help="do not compile the program's bytecode first (pip install does)")
    args = parser.parse_args()
    if not args.as_checked_out:
        compileall.compile_dir(REPO / "kpiwizard", quiet=1)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    font = str(REPO / "resources" / "fonts" / "NanumGothic.ttf")
    floor, app = [], []
    with tempfile.TemporaryDirectory(prefix="kpiwizard-bench-export-") as folder:
        out = Path(folder)
        plan = out / f"{args.example}.kpiwiz"
        subprocess.run([sys.executable, "-m", "kpiwizard.cli", "example", args.example, str(plan)], check=True, env=env,
                       cwd=REPO)
        floor_cmd = [sys.executable, "-c", FLOOR, str(out), font]
        app_cmd = [sys.executable, "-m", "kpiwizard.cli", "export", str(plan), "--xlsx", str(out / "t.xlsx"),
                   "--pdf", str(out / "p.pdf")]
        load_before = os.getloadavg()[0]
        try:
            run_once(floor_cmd, env), run_once(app_cmd, env)  # warm the disk cache for both
            for _ in range(args.runs):
                floor.append(run_once(floor_cmd, env))
                app.append(run_once(app_cmd, env))
        except RuntimeError as e:
            print(f"bench_export: {e}", file=sys.stderr)
            return 1
        sizes = f"tracker {(out / 't.xlsx').stat().st_size / 1024:.0f} KiB, plan {(out / 'p.pdf').stat().st_size / 1024:.0f} KiB"

    def line(label: str, values: list[tuple[float, float]]) -> tuple[float, float]:
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values)
        runs = ", ".join(f"{v[0] * 1000:.0f}" for v in values)
        print(f"{label:<38} wall {wall * 1000:7.1f} ms  cpu {cpu * 1000:7.1f} ms  (wall runs: {runs})")
        return wall, cpu

    bytecode = "as checked out" if args.as_checked_out else "bytecode compiled as pip install does"
    print(f"export, {args.runs} runs, load average {load_before:.2f} -> {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} cores; {sizes}; {bytecode}")
    fw, fc = line("floor (pydantic, reportlab, openpyxl)", floor)
    aw, ac = line(f"kpiwizard export {args.example} --xlsx --pdf", app)
    verdict = "OK" if aw / fw <= GOAL else "OVER"
    print(f"ratio, export : wall {aw / fw:.2f}x  cpu {ac / fc:.2f}x  (goal <= {GOAL}x wall) -> {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
