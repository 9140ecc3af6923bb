"""How the tracker export scales: generated plans of 1 to 200 KPIs over three years of weekly periods.

Each size runs in a fresh process, so its peak memory (ru_maxrss, the whole process including
Python and the imports) is its own. Goal: 200 KPIs x 3 years weekly in under 5 s and 300 MiB.

    .venv/bin/python benchmarks/bench_tracker.py [sizes...]
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

SIZES = [1, 10, 50, 200]
YEARS = 3


def generated_project(n_kpis: int):
    from kpiwizard.core.enums import Direction, Frequency
    from kpiwizard.core.models import CustomKpi, KpiSelection, Project
    from kpiwizard.core.schedule import periods

    start = date(2026, 1, 5)
    end = start + timedelta(days=365 * YEARS - 1)
    rng = random.Random(n_kpis)
    kpis, actuals = [], {}
    weeks = periods(start, end, Frequency.WEEKLY)
    for i in range(n_kpis):
        direction = [Direction.HIGHER, Direction.LOWER, Direction.RANGE][i % 3]
        kpis.append(KpiSelection(
            id=f"kpi_{i}", custom=CustomKpi(name=f"지표 {i} — 주간 방문자 수"), direction=direction,
            baseline=100, target=None if direction is Direction.RANGE else (200 if i % 3 == 0 else 50),
            band_low=80 if direction is Direction.RANGE else None,
            band_high=120 if direction is Direction.RANGE else None, weight=1, owner="담당자"))
        # two thirds of the plan recorded: the tracker is written with real values, not blanks only
        actuals[f"kpi_{i}"] = {p.start: float(rng.randint(40, 250)) for p in weeks[: len(weeks) * 2 // 3]}
    return Project(title="Benchmark", start=start, end=end, kpis=kpis, actuals=actuals)


def measure(n_kpis: int) -> dict:
    from kpiwizard.core.enums import Frequency
    from kpiwizard.core.schedule import periods
    from kpiwizard.export.tracker import export_tracker

    project = generated_project(n_kpis)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.xlsx"
        t0, c0 = time.perf_counter(), time.process_time()
        export_tracker(project, path)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        size = path.stat().st_size
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    cells = n_kpis * len(periods(project.start, project.end, Frequency.WEEKLY))
    return {"kpis": n_kpis, "cells": cells, "seconds": seconds, "cpu": cpu, "peak_mib": peak_kib / 1024,
            "file_kib": size / 1024}


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(measure(int(argv[1]))))
        return
    sizes = [int(a) for a in argv] or SIZES
    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], check=True,
                             capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    base = rows[0]
    print(f"{'KPIs':>5} {'periods x KPIs':>15} {'export s':>9} {'CPU s':>6} {'ratio':>7} {'per cell ratio':>15} "
          f"{'peak MiB':>9} {'file KiB':>9}")
    for r in rows:
        ratio = r["seconds"] / base["seconds"]
        per_cell = ratio / (r["cells"] / base["cells"])
        print(f"{r['kpis']:>5} {r['cells']:>15} {r['seconds']:>9.2f} {r['cpu']:>6.2f} {ratio:>7.1f} {per_cell:>15.2f} "
              f"{r['peak_mib']:>9.0f} {r['file_kib']:>9.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
