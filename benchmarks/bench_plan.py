"""How the PDF plan scales: generated plans of 1 to 200 KPIs over three years of weekly periods, with
an actual recorded in every period (the heaviest plan an owner can make: every chart full, every
value in the recorded-values table).

Each size runs in a fresh process, so its peak memory (ru_maxrss: the whole process, Python and
imports included) is its own. Goal (issue 16): 200 KPIs x 3 years weekly in under 5 s and 300 MiB,
time growing no faster than linearly with KPIs x periods ("per cell" ratio at or below 1).
Timings go into the report and CI's log, never into tests.

    .venv/bin/python benchmarks/bench_plan.py [sizes...]
    .venv/bin/python benchmarks/bench_plan.py --profile 200   # where the time goes
"""

from __future__ import annotations

import json
import random
import re
import resource
import subprocess
import sys
import time
from datetime import date, timedelta

SIZES = [1, 10, 50, 200]
YEARS = 3


def generated_project(n: int):
    from kpiwizard.core.catalog import load_catalog
    from kpiwizard.core.enums import Direction, Frequency
    from kpiwizard.core.models import Action, CustomKpi, KpiSelection, Project
    from kpiwizard.core.schedule import periods

    start = date(2026, 1, 5)
    end = start + timedelta(days=365 * YEARS - 1)
    rng = random.Random(n)
    catalog = load_catalog().kpis
    weeks = periods(start, end, Frequency.WEEKLY)
    kpis, actions, actuals = [], [], {}
    for i in range(n):
        direction = [Direction.HIGHER, Direction.LOWER, Direction.RANGE][i % 3]
        common = dict(
            id=f"k{i}", direction=direction, frequency=Frequency.WEEKLY, owner=f"담당자 {i % 7}", weight=100 / n,
            baseline=100.0, target=None if direction is Direction.RANGE else (200.0 if i % 3 == 0 else 50.0),
            band_low=80.0 if direction is Direction.RANGE else None,
            band_high=120.0 if direction is Direction.RANGE else None, unit="명")
        if i < len(catalog):
            kpi = KpiSelection(catalog_id=catalog[i].id, **common)
        else:
            kpi = KpiSelection(custom=CustomKpi(name=f"직접 만든 지표 {i}", definition="정의 " * 20,
                                                formula="a ÷ b × 100"), **common)
        kpis.append(kpi)
        actions.append(Action(tactic=f"지표 {i}를 움직일 전술: 주 2회 게시", channel="Instagram", kpi=kpi.id,
                              owner=kpi.owner, due=start + timedelta(days=i % 700), cost=float(10_000 * (i % 9))))
        actuals[kpi.id] = {p.start: float(rng.randint(40, 250)) for p in weeks}
    project = Project(title=f"{n}개 KPI 계획", start=start, end=end, kpis=kpis, actions=actions, actuals=actuals)
    project.business.name = "벤치마크 상점"
    project.smart.what = "쿠폰 손님"
    project.smart.metric = "k0"
    project.smart.baseline, project.smart.target, project.smart.deadline = 100, 200, end
    project.roi.ad_spend, project.roi.revenue, project.roi.customers = 500_000, 900_000, 40
    return project


def measure(n: int) -> dict:
    from kpiwizard.core.enums import Lang
    from kpiwizard.export.plan import build_plan

    project = generated_project(n)
    periods_total = sum(len(s) for s in project.actuals.values())
    t0, c0 = time.perf_counter(), time.process_time()
    data = build_plan(project, Lang.KO, "a4")
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    pages = len(re.findall(rb"/Type /Page\b(?!s)", data))
    return {"kpis": n, "cells": periods_total, "seconds": seconds, "cpu": cpu, "peak_mib": peak_kib / 1024,
            "file_kib": len(data) / 1024, "pages": pages}


def profile(n: int) -> None:
    import cProfile
    import pstats

    from kpiwizard.core.enums import Lang
    from kpiwizard.export.plan import build_plan

    project = generated_project(n)
    cProfile.runctx("build_plan(project, Lang.KO)", globals(), {"build_plan": build_plan, "project": project,
                                                                 "Lang": Lang}, "/tmp/bench_plan.prof")
    pstats.Stats("/tmp/bench_plan.prof").sort_stats("cumulative").print_stats(35)


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(measure(int(argv[1]))))
        return
    if argv[:1] == ["--profile"]:
        profile(int(argv[1]) if len(argv) > 1 else 200)
        return
    sizes = [int(a) for a in argv] or SIZES
    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], check=True,
                             capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    base = rows[0]
    print(f"PDF plan, {YEARS} years weekly, an actual in every period (goal at 200 KPIs: < 5 s, < 300 MiB, "
          "per-cell ratio <= 1)")
    print(f"{'KPIs':>5} {'periods x KPIs':>15} {'build s':>8} {'CPU s':>6} {'ratio':>7} {'per cell ratio':>15} "
          f"{'peak MiB':>9} {'file KiB':>9} {'pages':>6}")
    for r in rows:
        ratio = r["seconds"] / base["seconds"]
        per_cell = ratio / (r["cells"] / base["cells"])
        print(f"{r['kpis']:>5} {r['cells']:>15} {r['seconds']:>8.2f} {r['cpu']:>6.2f} {ratio:>7.1f} "
              f"{per_cell:>15.2f} {r['peak_mib']:>9.0f} {r['file_kib']:>9.0f} {r['pages']:>6}")
    if len(rows) > 1:
        # Growth between the two largest sizes: above 1 means worse than linear in KPIs x periods.
        a, b = rows[-2], rows[-1]
        growth = (b["seconds"] / a["seconds"]) / (b["cells"] / a["cells"])
        print(f"growth {a['kpis']} -> {b['kpis']} KPIs: time x{b['seconds'] / a['seconds']:.1f} for cells "
              f"x{b['cells'] / a['cells']:.1f} (per-cell {growth:.2f})")


if __name__ == "__main__":
    main(sys.argv[1:])
