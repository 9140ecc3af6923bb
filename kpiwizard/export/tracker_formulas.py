"""The core's progress and ROI rules written as spreadsheet formulas.

Each function mirrors one function of ``kpiwizard.core.progress`` or ``kpiwizard.core.roi`` and
says which; tests recalculate every workbook in LibreOffice and in Gnumeric and compare both with
the core. Only functions that compute identically in Excel, LibreOffice, Gnumeric and Google Sheets
are used (IF, AND, OR, NOT, MIN, MAX, LOOKUP, INDEX, MATCH, SUMPRODUCT, ROUND, ROUNDUP,
N, SUM, TODAY), and no array formula:
the latest actual is ``LOOKUP(2,1/(range<>""),range)``, the one lookup all four evaluate alike
(``SUMPRODUCT(MAX(...ROW...))`` and ``1/ISNUMBER(range)`` do not work in Gnumeric). A blank result
is the empty string, never 0 or an error value.
"""

from __future__ import annotations

from kpiwizard.core.enums import Direction
from kpiwizard.core.models import KpiSelection

from .tracker_layout import PERCENT_PLACES


def q(text: str) -> str:
    """A string literal inside a formula."""
    return '"' + text.replace('"', '""') + '"'


def counted(values: str, starts: str, review: str, after: str | None) -> str:
    """progress.cycle_points as a 0/1 array over the periods: a reading, in a period begun by the
    review date, inside the running cycle (``after``: the cycle's own condition on the periods)."""
    mask = f'({values}<>"")*({starts}<={review})'
    return f"{mask}*({after})" if after else mask


def readings(mask: str) -> str:
    return f"=SUMPRODUCT({mask})"


def latest(mask: str, result: str, readings_cell: str, percent: bool = False) -> str:
    """progress.evaluate_kpi's latest point: ``result``'s cell beside the last counted reading.

    ``percent``: the cells hold fractions (0.046 shown as 4.6%) and the result is on the plan's
    scale (4.6), rounded as the importer rounds it (tracker_layout.from_fraction)."""
    found = f"LOOKUP(2,1/({mask}),{result})"
    if percent:
        found = f"ROUND({found}*100,{PERCENT_PLACES})"
    return f'=IF({readings_cell}=0,"",{found})'


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


def pace(progress_cell: str, expected_cell: str, places: int) -> str:
    """progress.evaluate_kpi's pace, rounded as the core rounds it."""
    return (f'=IF(OR({progress_cell}="",{expected_cell}=""),"",'
            f'IF({expected_cell}=0,"",ROUND({progress_cell}/{expected_cell},{places})))')


def next_due(measured_on: str, ends: str) -> str:
    """progress.next_due: the end of the period after the latest reading's (blank after the last)."""
    return (f'=IF({measured_on}="","",IF({measured_on}>=MAX({ends}),"",'
            f"INDEX({ends},MATCH({measured_on},{ends},0)+1)))")


def status(c: dict[str, str], review: str, rules, names: dict[str, str]) -> str:
    """progress.classify, rule by rule, answering with the status name in the workbook's language.

    ``c`` holds the row's cells: progress, pace, readings, expected, measured, deadline, next_due,
    on_track, at_risk. ``rules`` is progress.rules() (rounding and evidence figures)."""
    n = rules.round_places
    reached = f"ROUND({c['progress']},{n})>=1"
    enough = (f"OR({c['readings']}>={rules.min_readings},AND({c['readings']}>={rules.min_readings_with_time},"
              f"ROUND({c['expected']},{n})>={rules.min_time_share}))")
    return (
        f'=IF(OR({c["progress"]}="",{c["measured"]}="",{c["readings"]}=0),{q(names["no_data"])},'
        f'IF(OR({review}>{c["deadline"]},{c["measured"]}>={c["deadline"]}),'
        f'IF({reached},{q(names["reached"])},{q(names["missed"])}),'
        f'IF(IF({c["next_due"]}="",FALSE,{review}>{c["next_due"]}),{q(names["stale"])},'
        f'IF({reached},{q(names["reached"])},'
        f'IF(OR(NOT({enough}),{c["pace"]}=""),{q(names["too_early"])},'
        f'IF({c["pace"]}>={c["on_track"]},{q(names["on_track"])},'
        f'IF({c["pace"]}>={c["at_risk"]},{q(names["behind"])},{q(names["off_track"])})))))))'
    )


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
    "roi_gross_profit": "=roi_revenue*roi_gross_margin",
    "roi_net_return": "=roi_revenue*roi_gross_margin-roi_total_cost",
    "roi_percent": '=IF(roi_total_cost=0,"",(roi_revenue*roi_gross_margin-roi_total_cost)/roi_total_cost*100)',
    "roi_revenue_to_ad_spend": '=IF(roi_ad_spend=0,"",roi_revenue/roi_ad_spend*100)',
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
