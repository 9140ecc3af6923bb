"""How the PDF plan scales: build time, size and pages of a 1-KPI and a 200-KPI plan.

Run: ``.venv/bin/python benchmarks/bench_plan.py [--kpis 200] [--repeat 3]``. Timings go into the
report, never into tests.
"""

from __future__ import annotations

import argparse
import re
import time
from datetime import date, timedelta

from kpiwizard.core.catalog import load_catalog
from kpiwizard.core.enums import Direction, Frequency, Lang
from kpiwizard.core.models import Action, CustomKpi, KpiSelection, Project
from kpiwizard.core.schedule import periods
from kpiwizard.export.plan import build_plan


def generated_project(n: int) -> Project:
    """A plan with ``n`` KPIs (catalog ones first, then custom), each with an action, half with actuals."""
    start, end = date(2026, 1, 5), date(2026, 6, 28)
    catalog = load_catalog().kpis
    kpis, actions, actuals = [], [], {}
    for i in range(n):
        frequency = Frequency.WEEKLY if i % 2 == 0 else Frequency.MONTHLY
        common = dict(id=f"k{i}", baseline=100.0 + i, target=150.0 + 2 * i, frequency=frequency,
                      owner=f"담당자 {i % 7}", weight=100 / n, unit="명", direction=Direction.HIGHER)
        if i < len(catalog):
            kpi = KpiSelection(catalog_id=catalog[i].id, **common)
        else:
            kpi = KpiSelection(custom=CustomKpi(name=f"직접 만든 지표 {i}", definition="정의 " * 20,
                                                formula="a ÷ b × 100"), **common)
        kpis.append(kpi)
        actions.append(Action(tactic=f"지표 {i}를 움직일 전술: 주 2회 게시", channel="Instagram", kpi=kpi.id,
                              owner=kpi.owner, due=start + timedelta(days=i % 150)))
        if i % 2 == 0:
            ps = periods(start, end, frequency)[:8]
            actuals[kpi.id] = {p.start: 100.0 + i + (j + 1) * (1.5 + (i % 5)) for j, p in enumerate(ps)}
    project = Project(title=f"{n}개 KPI 계획", start=start, end=end, kpis=kpis, actions=actions, actuals=actuals)
    project.business.name = "벤치마크 상점"
    project.smart.what = "쿠폰 손님"
    project.smart.metric = "k0"
    project.smart.baseline, project.smart.target, project.smart.deadline = 100, 150, end
    project.roi.ad_spend, project.roi.revenue, project.roi.customers = 500_000, 900_000, 40
    return project


def measure(project: Project, repeat: int) -> tuple[float, int, int]:
    best = float("inf")
    data = b""
    for _ in range(repeat):
        t0 = time.perf_counter()
        data = build_plan(project, Lang.KO, "a4")
        best = min(best, time.perf_counter() - t0)
    pages = len(re.findall(rb"/Type /Page\b(?!s)", data))
    return best, len(data), pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kpis", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    build_plan(generated_project(1), Lang.KO)  # warm-up: font loading and subsetting caches
    rows = [(n, *measure(generated_project(n), args.repeat)) for n in (1, args.kpis)]
    base_t, base_size, base_pages = rows[0][1:]
    print(f"{'KPIs':>5} {'time s':>8} {'size KiB':>9} {'pages':>6} {'x time':>7} {'x size':>7} {'x pages':>8}")
    for n, t, size, pages in rows:
        print(f"{n:>5} {t:>8.2f} {size / 1024:>9.0f} {pages:>6} {t / base_t:>7.1f} {size / base_size:>7.1f} "
              f"{pages / base_pages:>8.1f}")


if __name__ == "__main__":
    main()
