"""The core's progress and ROI rules written as spreadsheet formulas.

Each function mirrors one function of ``kpiwizard.core.progress`` or ``kpiwizard.core.roi`` and
says which; tests recalculate the workbook in LibreOffice and compare with the core. Only functions
that Excel 2010+ and LibreOffice both have are used (IF, AND, OR, MIN, MAX, INDEX, SUMPRODUCT,
ROW, ROUND, ROUNDUP, N, SUM). A blank result is the empty string, never 0 or an error value.
"""

from __future__ import annotations

from kpiwizard.core.enums import Direction
from kpiwizard.core.models import KpiSelection


def q(text: str) -> str:
    """A string literal inside a formula."""
    return '"' + text.replace('"', '""') + '"'


def latest_row(values: str, first_row: int) -> str:
    """Position of the last non-blank cell in ``values`` (0 when all are blank)."""
    return f'=SUMPRODUCT(MAX(({values}<>"")*(ROW({values})-{first_row - 1})))'


def pick(values: str, n: str) -> str:
    return f'=IF({n}=0,"",INDEX({values},{n}))'


def _gap(x: str, low: str, high: str) -> str:
    """progress.band_gap"""
    return f"MAX(MIN({low},{high})-{x},0,{x}-MAX({low},{high}))"


def progress(kpi: KpiSelection, value: str, baseline: str, target: str, low: str, high: str) -> str | None:
    """progress.progress; None when the plan lacks the numbers (the cell stays blank)."""
    if kpi.baseline is None:
        return None
    if kpi.direction is Direction.RANGE:
        if kpi.band_low is None or kpi.band_high is None:
            return None
        start, now = _gap(baseline, low, high), _gap(value, low, high)
        body = f"IF({start}=0,IF({now}=0,1,0),1-{now}/{start})"
    else:
        if kpi.target is None:
            return None
        reached = f"{value}>={target}" if kpi.direction is Direction.HIGHER else f"{value}<={target}"
        body = f"IF({target}={baseline},IF({reached},1,0),({value}-{baseline})/({target}-{baseline}))"
    return f'=IF({value}="","",{body})'


def expected(measured_on: str, start: str, deadline: str) -> str:
    """progress.expected_share, both day counts inclusive."""
    planned = f"({deadline}-{start}+1)"
    return (f'=IF({measured_on}="","",IF({planned}<=0,1,'
            f"MIN(MAX(({measured_on}-{start}+1)/{planned},0),1)))")


def pace(progress_cell: str, expected_cell: str) -> str:
    return (f'=IF(OR({progress_cell}="",{expected_cell}=""),"",'
            f'IF({expected_cell}=0,"",{progress_cell}/{expected_cell}))')


def status(progress_cell: str, pace_cell: str, measured_on: str, deadline: str,
           on_track: str, at_risk: str, names: dict[str, str]) -> str:
    """progress.classify, answering with the status name in the workbook's language."""
    return (f'=IF({pace_cell}="",{q(names["no_data"])},IF({progress_cell}>=1,{q(names["reached"])},'
            f'IF({measured_on}>={deadline},{q(names["missed"])},'
            f'IF({pace_cell}>={on_track},{q(names["on_track"])},'
            f'IF({pace_cell}>={at_risk},{q(names["behind"])},{q(names["off_track"])})))))')


def score(progress_cell: str) -> str:
    """progress.score: capped to 0..1."""
    return f'=IF({progress_cell}="","",MIN(MAX({progress_cell},0),1))'


def weighted(score_cell: str, weight: str) -> str:
    return f'=IF(AND({score_cell}<>"",{weight}>0),{score_cell}*{weight},0)'


def counted_weight(score_cell: str, weight: str) -> str:
    return f'=IF(AND({score_cell}<>"",{weight}>0),{weight},0)'


def overall(weighted_range: str, weight_range: str) -> str:
    """progress.overall_score: weighted mean over KPIs with data and weight > 0."""
    return f'=IF(SUM({weight_range})=0,"",SUM({weighted_range})/SUM({weight_range}))'


# -- roi.py ---------------------------------------------------------------------------------

ROI_FORMULAS = {
    "roi_labour_cost": "=roi_hours*roi_hourly_rate",
    "roi_total_cost": "=roi_ad_spend+roi_tools+roi_labour_cost",
    "roi_net_return": "=roi_revenue*roi_gross_margin-roi_total_cost",
    "roi_percent": '=IF(roi_total_cost=0,"",(roi_revenue*roi_gross_margin-roi_total_cost)/roi_total_cost*100)',
    "roi_cost_per_lead": '=IF(roi_leads=0,"",roi_total_cost/roi_leads)',
    "roi_cpa": '=IF(roi_customers=0,"",roi_total_cost/roi_customers)',
    "roi_ltv": "=roi_average_order*roi_purchases_per_year*roi_customer_years*roi_gross_margin",
    "roi_ltv_to_cac": '=IF(N(roi_cpa)=0,"",roi_ltv/roi_cpa)',
}


def _round_up(x: str) -> str:
    """roi.round_up: whole people, ignoring float noise."""
    return f"ROUNDUP(ROUND({x},9),0)"


FUNNEL_FORMULAS = {
    "funnel_customers": (
        f'=IF(OR(funnel_revenue_target<=0,roi_average_order<=0),"",'
        f'{_round_up("funnel_revenue_target/roi_average_order")})'
    ),
    "funnel_leads": f'=IF(OR(funnel_customers="",funnel_close_rate<=0),"",{_round_up("funnel_customers/funnel_close_rate")})',
    "funnel_clicks": f'=IF(OR(funnel_leads="",funnel_lead_rate<=0),"",{_round_up("funnel_leads/funnel_lead_rate")})',
    "funnel_reach": f'=IF(OR(funnel_clicks="",funnel_click_rate<=0),"",{_round_up("funnel_clicks/funnel_click_rate")})',
}
