"""A custom KPI's kind and natural range, and a money KPI's unit, on both sides of each edge.

The owner's own KPI gets its limits from its unit and numbers: a percent stays a share of a whole
(0-100, both ends possible) until a number leaves that range; a duration is above zero; anything
else is a count from zero unless a number is already negative. Mutation testing found these edges
unguarded (docs/mutation.md).
"""

from __future__ import annotations

import pytest

from kpiwizard.core.enums import KpiKind, Lang
from kpiwizard.core.kpiview import custom_kind, money_unit
from kpiwizard.core.models import CustomKpi, KpiSelection, Project

SHARE = dict(kind=KpiKind.SHARE, natural_min=0.0, natural_max=100.0, natural_min_exclusive=False)
OPEN_RATE = dict(kind=KpiKind.RATE, natural_min=None, natural_max=None, natural_min_exclusive=False)
DURATION = dict(kind=KpiKind.RATE, natural_min=0.0, natural_max=None, natural_min_exclusive=True)
COUNT = dict(kind=KpiKind.FLOW, natural_min=0.0, natural_max=None, natural_min_exclusive=False)


def own(unit: str = "", **numbers) -> KpiSelection:
    return KpiSelection(id="c", custom=CustomKpi(name="단골 재방문"), unit=unit, **numbers)


@pytest.mark.parametrize("numbers, actuals, expected", [
    (dict(baseline=0, target=100), (), SHARE),  # both ends of a share are possible
    (dict(baseline=0.5, target=99.5), (0.0, 100.0), SHARE),
    (dict(baseline=-0.1, target=50), (), OPEN_RATE),  # a growth rate below zero
    (dict(baseline=20, target=100.1), (), OPEN_RATE),  # or above 100
    (dict(baseline=20, target=60), (101.0,), OPEN_RATE),  # a recorded value counts too
])
def test_a_percent_is_a_share_until_a_number_leaves_0_to_100(numbers, actuals, expected):
    assert custom_kind(own(**numbers), True, actuals) == expected
    assert custom_kind(own("%", **numbers), False, actuals) == expected  # the unit says percent as well


@pytest.mark.parametrize("unit", ["분", "Minutes", " MIN ", "시간", "days"])
def test_a_duration_is_above_zero_whatever_the_case_of_its_unit(unit):
    assert custom_kind(own(unit, baseline=30, target=10), False) == DURATION


@pytest.mark.parametrize("numbers, expected", [
    (dict(baseline=0, target=10), COUNT),  # zero is a count's floor, not a sign of negatives
    (dict(baseline=-1, target=10), OPEN_RATE),
    (dict(), COUNT),
])
def test_anything_else_is_a_count_unless_a_number_is_negative(numbers, expected):
    assert custom_kind(own("명", **numbers), False) == expected


@pytest.mark.parametrize("currency, lang, unit, shown", [
    ("KRW", Lang.KO, "", "원"), ("KRW", Lang.EN, "", "KRW"),
    ("USD", Lang.KO, "", "USD"), ("USD", Lang.EN, "currency", "USD"),
    ("KRW", Lang.KO, "통화", "원"), ("KRW", Lang.KO, "만원", "만원"),  # the owner's own unit stays
])
def test_a_money_kpi_without_a_unit_of_its_own_shows_the_plans_currency(currency, lang, unit, shown):
    from datetime import date

    project = Project(start=date(2026, 1, 1), end=date(2026, 3, 31))
    project.business.currency = currency
    assert money_unit(project, unit, lang) == shown


# -- a catalog KPI's unit follows the language; the owner's own unit stays as typed ----------------


@pytest.mark.parametrize("kpi_id, kept, ko, en", [
    ("followers_local", "명", "1,234명", "1,234 followers"),  # kept as the Korean catalog gave it
    ("followers_local", "followers", "1,234명", "1,234 followers"),  # or the English one
    ("followers_local", "", "1,234명", "1,234 followers"),
    ("followers_local", "단골", "1,234단골", "1,234 단골"),  # typed by the owner: as typed
    ("response_time", "분", "1,234분", "1,234 minutes"),
    ("social_revenue", "원", "1,234원", "1,234 KRW"),  # the plan's won, in English the currency code
    ("social_revenue", "", "₩1,234", "₩1,234"),
    ("social_revenue", "만원", "1,234만원", "1,234 만원"),
])
def test_a_catalog_kpis_unit_is_shown_in_the_language_of_the_text(kpi_id, kept, ko, en):
    from datetime import date

    from kpiwizard.core.kpiview import format_kpi_value, view_kpi

    selection = KpiSelection(id="k", catalog_id=kpi_id, unit=kept)
    project = Project(start=date(2026, 1, 1), end=date(2026, 3, 31), kpis=[selection])
    shown = [format_kpi_value(view_kpi(project, selection, lang), 1234, lang, "KRW") for lang in (Lang.KO, Lang.EN)]
    assert shown == [ko, en]
