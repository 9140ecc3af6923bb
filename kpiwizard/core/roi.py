"""Return on the money and time social media costs, and the reverse funnel.

The tracker's ROI sheet writes the same formulas; each ratio is None where its divisor is zero, so
neither the program nor the spreadsheet ever shows a division error.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .models import Funnel, RoiInputs


@dataclass(frozen=True)
class RoiResult:
    labour_cost: float
    total_cost: float
    net_return: float
    roi_percent: float | None
    cost_per_lead: float | None
    cost_per_acquisition: float | None
    ltv: float
    ltv_to_cac: float | None


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def compute_roi(r: RoiInputs) -> RoiResult:
    labour = r.hours * r.hourly_rate
    cost = r.ad_spend + r.tools + labour
    ltv = r.average_order * r.purchases_per_year * r.customer_years
    cpa = _ratio(cost, r.customers)
    return RoiResult(
        labour_cost=labour,
        total_cost=cost,
        net_return=r.revenue - cost,
        roi_percent=None if not cost else (r.revenue - cost) / cost * 100,
        cost_per_lead=_ratio(cost, r.leads),
        cost_per_acquisition=cpa,
        ltv=ltv,
        ltv_to_cac=_ratio(ltv, cpa) if cpa else None,
    )


def round_up(x: float) -> int:
    """Whole people needed: up to the next integer, ignoring float noise (3/0.1 is 30, not 31)."""
    return math.ceil(round(x, 9))


@dataclass(frozen=True)
class FunnelResult:
    customers: int
    leads: int
    clicks: int
    reach: int


def reverse_funnel(f: Funnel, average_order: float) -> FunnelResult | None:
    """Reach, clicks and leads a revenue target needs at the user's conversion rates."""
    if f.revenue_target <= 0 or average_order <= 0:
        return None
    customers = round_up(f.revenue_target / average_order)
    leads = round_up(customers / f.close_rate)
    clicks = round_up(leads / f.lead_rate)
    reach = round_up(clicks / f.click_rate)
    return FunnelResult(customers=customers, leads=leads, clicks=clicks, reach=reach)
