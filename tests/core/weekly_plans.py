"""Twelve-week weekly plans with one catalog KPI, for the tests that read what the owner is told."""

from __future__ import annotations

from datetime import date, timedelta

from kpiwizard.core.enums import Direction
from kpiwizard.core.models import KpiSelection, Project

MON = date(2026, 1, 5)
END = MON + timedelta(83)  # twelve weeks


def followers(**kw) -> KpiSelection:
    return KpiSelection(id="f", catalog_id="followers_local", frequency="weekly", **kw)


def revenue(**kw) -> KpiSelection:
    return KpiSelection(id="s", catalog_id="social_revenue", frequency="weekly", **kw)


def engagement(**kw) -> KpiSelection:
    return KpiSelection(id="e", catalog_id="engagement_rate", frequency="weekly", **kw)


def response_time(**kw) -> KpiSelection:
    return KpiSelection(id="r", catalog_id="response_time", frequency="weekly", direction=Direction.LOWER, **kw)


def posts(**kw) -> KpiSelection:
    return KpiSelection(id="p", catalog_id="posts_per_period", frequency="weekly", direction=Direction.RANGE, **kw)


def plan(kpi: KpiSelection, values: list[float], currency: str = "KRW") -> Project:
    """The plan with ``values`` recorded week by week from its start."""
    project = Project(start=MON, end=END, kpis=[kpi],
                      actuals={kpi.id: {MON + timedelta(7 * i): v for i, v in enumerate(values)}})
    project.business.currency = currency
    return project
