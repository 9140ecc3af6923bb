"""Return on the money and time social media costs, and the reverse funnel.

Money comes back as *gross profit*, not revenue: a café that sells ₩2.1M keeps only what is left
after ingredients and packaging, so ROI, LTV and LTV ÷ cost per customer are computed on the gross
margin (``RoiInputs.gross_margin``, or the industry's default with its source). Revenue ÷ ad spend
is shown beside them for owners who think in ROAS.

Names keep one meaning each (core/vocab.py ``ROI_NAMES``): "cost per lead" is the catalog KPI (ad
spend ÷ leads from ads); what this page divides is the *total* cost (ads, tools, the owner's hours),
so it is "total cost per lead" and "total cost per customer".

The tracker's ROI sheet writes the same formulas; each ratio is None where its divisor is zero, so
neither the program nor the spreadsheet ever shows a division error.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .assumptions import default_gross_margin
from .models import Funnel, Project, RoiInputs


@dataclass(frozen=True)
class RoiResult:
    labour_cost: float
    total_cost: float
    gross_margin: float  # the share of revenue kept after the costs of each sale (0-1)
    gross_margin_is_default: bool  # True: the industry default, not the owner's figure
    gross_profit: float  # revenue × gross margin
    net_return: float  # gross profit − total cost
    roi_percent: float | None  # net return ÷ total cost × 100
    revenue_to_ad_spend_percent: float | None  # revenue ÷ ad spend × 100 (ROAS if all of it came from ads)
    total_cost_per_lead: float | None  # total cost ÷ leads (not the ad-only "cost per lead" KPI)
    total_cost_per_customer: float | None  # total cost ÷ customers
    ltv: float  # gross profit one customer brings over their lifetime
    ltv_revenue: float  # the same in revenue, before the margin
    ltv_to_cac: float | None  # ltv ÷ total cost per customer

    # Earlier names, kept so older callers still run; they mean the *total*-cost figures above.
    @property
    def cost_per_lead(self) -> float | None:
        return self.total_cost_per_lead

    @property
    def cost_per_acquisition(self) -> float | None:
        return self.total_cost_per_customer


def _ratio(a: float, b: float | None) -> float | None:
    """a ÷ b, or None when there is nothing to divide by (b is 0 or itself unknown)."""
    return a / b if b else None


def compute_roi(r: RoiInputs, industry: str = "") -> RoiResult:
    """ROI and its companions; ``industry`` picks the default gross margin when the plan has none."""
    if r.gross_margin is not None:
        margin, is_default = r.gross_margin, False
    else:
        margin, is_default = default_gross_margin(industry).value, True
    labour = r.hours * r.hourly_rate
    cost = r.ad_spend + r.tools + labour
    gross_profit = r.revenue * margin
    ltv_revenue = r.average_order * r.purchases_per_year * r.customer_years
    ltv = ltv_revenue * margin
    per_customer = _ratio(cost, r.customers)
    net = gross_profit - cost
    return RoiResult(
        labour_cost=labour,
        total_cost=cost,
        gross_margin=margin,
        gross_margin_is_default=is_default,
        gross_profit=gross_profit,
        net_return=net,
        roi_percent=None if not cost else net / cost * 100,
        revenue_to_ad_spend_percent=None if not r.ad_spend else r.revenue / r.ad_spend * 100,
        total_cost_per_lead=_ratio(cost, r.leads),
        total_cost_per_customer=per_customer,
        ltv=ltv,
        ltv_revenue=ltv_revenue,
        ltv_to_cac=_ratio(ltv, per_customer),
    )


def project_roi(project: Project) -> RoiResult:
    """The plan's ROI with the gross margin of its industry when the owner has not typed one."""
    return compute_roi(project.roi, project.business.industry)


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
