"""Loading, validating and auditing a 200-KPI project: time and peak memory.

Run: .venv/bin/python benchmarks/bench_core.py
Times are reported as ratios against the 1-KPI project measured in the same run, because these
machines are noisy; the absolute numbers are printed for the record.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

from kpiwizard.core.audit import audit
from kpiwizard.core.catalog import load_catalog
from kpiwizard.core.models import KpiSelection, Project
from kpiwizard.core.progress import evaluate
from kpiwizard.core.projectfile import load_project, save_project


def generated_project(n_kpis: int, years: int = 3) -> Project:
    """A plan with ``n_kpis`` catalog KPIs and weekly actuals for every week of ``years``."""
    catalog = load_catalog()
    start = date(2026, 1, 5)
    end = start + timedelta(days=365 * years - 1)
    kpis, actuals = [], {}
    for i in range(n_kpis):
        c = catalog.kpis[i % len(catalog.kpis)]
        kid = f"{c.id}_{i}"
        kpis.append(KpiSelection(id=kid, catalog_id=c.id, baseline=100, target=150 if c.direction.value != "lower" else 50,
                                 band_low=90, band_high=110, direction=c.direction, owner="owner",
                                 weight=100 / n_kpis))
        actuals[kid] = {start + timedelta(weeks=w): 100 + w * 0.3 for w in range(52 * years)}
    return Project(start=start, end=end, kpis=kpis, actuals=actuals)


def measure(path: Path, repeats: int) -> tuple[float, float]:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        project = load_project(path).project
        audit(project)
        evaluate(project)
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    project = load_project(path).project
    audit(project)
    evaluate(project)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(times), peak / 1_048_576


def main() -> int:
    load_catalog()  # not part of the measurement: loaded once per process in real use
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1, 50, 200):
            path = Path(tmp) / f"p{n}.kpiwiz"
            save_project(path, generated_project(n))
            seconds, peak = measure(path, repeats=3 if n > 1 else 10)
            rows.append((n, path.stat().st_size / 1_048_576, seconds, peak))
    base = rows[0][2]
    print(f"{'KPIs':>5} {'file MiB':>9} {'load+audit+evaluate s':>22} {'ratio':>7} {'peak MiB':>9}")
    for n, size, seconds, peak in rows:
        print(f"{n:>5} {size:>9.2f} {seconds:>22.3f} {seconds / base:>7.1f} {peak:>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
