"""A plan with 200 KPIs builds into one readable PDF (its speed is measured in benchmarks/)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from plan_pdfread import read_pdf, squash

from kpiwizard.core.catalog import load_catalog
from kpiwizard.core.enums import Frequency, Lang
from kpiwizard.core.models import Action, CustomKpi, KpiSelection, Project
from kpiwizard.export.plan import export_plan
from kpiwizard.export.plan_labels import SECTIONS


def big_project(n: int) -> Project:
    catalog = load_catalog().kpis
    kpis = []
    for i in range(n):
        common = dict(id=f"k{i}", baseline=10.0 + i, target=20.0 + i, weight=100 / n,
                      frequency=Frequency.WEEKLY if i % 2 else Frequency.MONTHLY)
        if i < len(catalog):
            kpis.append(KpiSelection(catalog_id=catalog[i].id, **common))
        else:
            kpis.append(KpiSelection(custom=CustomKpi(name=f"Custom KPI number {i}"), **common))
    start = date(2026, 1, 1)
    actuals = {f"k{i}": {date(2026, 1, 8): 11.0 + i, date(2026, 2, 1): 13.0 + i} for i in range(0, n, 3)}
    return Project(title="Two hundred KPIs", start=start, end=date(2026, 6, 30), kpis=kpis,
                   actions=[Action(tactic=f"Tactic {i}", kpi=f"k{i}") for i in range(n)], actuals=actuals)


@pytest.mark.slow
def test_two_hundred_kpi_plan_builds_with_every_kpi_listed(tmp_path: Path) -> None:
    project = big_project(200)
    out = tmp_path / "big.pdf"
    export_plan(project, out, Lang.EN)
    pdf = read_pdf(out)
    names = [k.custom.name if k.custom else load_catalog().kpi(k.catalog_id).name.en for k in project.kpis]
    assert pdf.titles(level=1) == names + names
    assert SECTIONS["map"].en in pdf.titles(level=0)
    assert "Custom KPI number 199" in pdf.text and "Tactic 199" in pdf.text
    # A check-in with a hundred KPIs counts them instead of naming each one.
    assert squash("100 KPIs (every weekly KPI)") in pdf.flat
    assert int(pdf.info["Pages"]) > 100
