"""What to do when a KPI is at risk or missed, and applying it with one click."""

import pytest

from kpiwizard.core.enums import Lang, Status
from kpiwizard.core.examples import find_example
from kpiwizard.core.progress import evaluate_kpi
from kpiwizard.core.remedies import RemedyKind, apply_remedy, nice_round, suggest


@pytest.fixture
def b2b():
    return find_example("b2b-ebook").load()


def test_on_track_kpis_get_no_remedies(b2b):
    assert evaluate_kpi(b2b, b2b.kpi("leads")).status is Status.ON_TRACK
    assert suggest(b2b, "leads") == []


def test_a_missed_kpi_gets_reset_alternative_and_strategy(b2b):
    assert evaluate_kpi(b2b, b2b.kpi("social_revenue")).status is Status.MISSED
    remedies = suggest(b2b, "social_revenue", Lang.EN)
    kinds = [r.kind for r in remedies]
    assert kinds == [RemedyKind.RESET, RemedyKind.ALTERNATIVE, RemedyKind.STRATEGY]
    reset = remedies[0]
    forecast = evaluate_kpi(b2b, b2b.kpi("social_revenue")).forecast
    assert reset.new_target == nice_round(forecast)
    assert b2b.kpi("social_revenue").baseline < reset.new_target < b2b.kpi("social_revenue").target
    assert remedies[1].alternative_id not in {k.catalog_id for k in b2b.kpis}


def test_no_reset_when_the_trend_goes_the_wrong_way():
    cafe = find_example("cafe").load()
    remedies = suggest(cafe, "engagement_rate")  # flat at 4.0: no realistic target to offer
    assert RemedyKind.RESET not in [r.kind for r in remedies]
    assert RemedyKind.STRATEGY in [r.kind for r in remedies]


def test_apply_reset_changes_target_and_leaves_the_original(b2b):
    reset = suggest(b2b, "social_revenue")[0]
    changed = apply_remedy(b2b, reset)
    assert changed.kpi("social_revenue").target == reset.new_target
    assert b2b.kpi("social_revenue").target == 12000


def test_apply_alternative_adds_the_kpi_and_keeps_the_old_ones_history(b2b):
    alt = next(r for r in suggest(b2b, "social_revenue") if r.kind is RemedyKind.ALTERNATIVE)
    changed = apply_remedy(b2b, alt)
    new = next(k for k in changed.kpis if k.catalog_id == alt.alternative_id)
    assert new.weight == 5 and new.owner == "Daniel (sales)"
    assert changed.kpi("social_revenue").weight == 0
    assert changed.actuals["social_revenue"] == b2b.actuals["social_revenue"]


def test_apply_strategy_adds_a_planned_action(b2b):
    strategy = suggest(b2b, "social_revenue")[-1]
    changed = apply_remedy(b2b, strategy)
    assert len(changed.actions) == len(b2b.actions) + 1
    assert changed.actions[-1].kpi == "social_revenue"


def test_nice_round():
    assert nice_round(9767.8) == 9800
    assert nice_round(616774.2) == 620000
    assert nice_round(3.24) == 3.2
