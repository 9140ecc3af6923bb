"""How numbers, money, percents and dates read: every rule of core/formatting.py, both sides.

Mutation testing (docs/mutation.md) found these rules untested in tests/core: the app, the PDF and
the CLI all print through them, so a slip here shows on every page.
"""

from __future__ import annotations

from datetime import date

import pytest

from kpiwizard.core.enums import Lang
from kpiwizard.core.formatting import (
    currency_decimals,
    format_date,
    format_money,
    format_number,
    format_percent,
    format_short_date,
    format_value,
)


@pytest.mark.parametrize("value, text", [
    (None, "–"),
    (1234, "1,234"),
    (1234.0, "1,234"),  # a whole number loses its ".0"
    (1234.5, "1,234.5"),  # trailing zeros go, the point stays with its digit
    (0.125, "0.12"),  # two places by default (round half to even)
    (1.005, "1"),  # rounds to 1.00: the zeros and then the point go
    (-0.001, "0"),  # never "-0"
    (0.001, "0"),  # never an empty string
    (-1234.5, "-1,234.5"),
])
def test_format_number(value, text):
    assert format_number(value) == text


def test_format_number_keeps_the_places_asked_for():
    assert format_number(3.14159, decimals=3) == "3.142"


@pytest.mark.parametrize("value, unit, lang, percent, text", [
    (None, "명", Lang.KO, False, "–"),
    (1200, "명", Lang.KO, False, "1,200명"),  # a Korean unit sticks to the number in Korean
    (1200, "명", Lang.EN, False, "1,200 명"),
    (1200, "followers", Lang.KO, False, "1,200 followers"),
    (3.5, "%", Lang.EN, False, "3.5%"),
    (3.5, "", Lang.EN, True, "3.5%"),
    (7, "", Lang.EN, False, "7"),
])
def test_format_value(value, unit, lang, percent, text):
    assert format_value(value, unit, lang, percent) == text


@pytest.mark.parametrize("share, decimals, text", [
    (None, 0, "–"),
    (0.873, 0, "87%"),
    (1.0, 0, "100%"),
    (0.8734, 1, "87.3%"),
    (-0.001, 0, "0%"),  # rounds to zero: no minus
    (-0.2, 0, "-20%"),  # a real loss keeps its sign
])
def test_format_percent(share, decimals, text):
    assert format_percent(share, decimals) == text


@pytest.mark.parametrize("currency, places", [("KRW", 0), ("JPY", 0), ("TWD", 0), ("USD", 2), ("EUR", 2)])
def test_currency_decimals(currency, places):
    assert currency_decimals(currency) == places


@pytest.mark.parametrize("value, currency, text", [
    (None, "KRW", "–"),
    (150000, "KRW", "₩150,000"),
    (1234.5, "USD", "$1,234.50"),
    (-1234.5, "USD", "-$1,234.50"),  # the sign before the symbol
    (-500, "KRW", "-₩500"),
    (12.5, "CHF", "12.50 CHF"),  # no symbol: the code after the amount
    (-12.5, "CHF", "-12.50 CHF"),
])
def test_format_money(value, currency, text):
    assert format_money(value, currency) == text


def test_format_date():
    day = date(2026, 3, 1)
    assert format_date(day, Lang.KO) == "2026년 3월 1일"
    assert format_date(day, Lang.EN) == "1 March 2026"
    assert format_date(date(2026, 12, 31), Lang.EN) == "31 December 2026"
    assert format_date(None, Lang.KO) == "–"
    assert format_short_date(day) == "2026-03-01"
    assert format_short_date(None) == "–"


def test_the_whole_hangul_syllable_block_counts_as_korean_including_its_ends():
    assert format_value(3, "가", Lang.KO) == "3가"  # U+AC00, the block's first syllable
    assert format_value(3, "힣", Lang.KO) == "3힣"  # U+D7A3, its last
    assert format_value(3, "ㄱ", Lang.KO) == "3 ㄱ"  # a lone jamo is not a syllable
