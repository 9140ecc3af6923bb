"""Numbers shown with fewer decimals keep the zeros of their whole part: the ROI page shows revenue
÷ ad spend with no decimals, and 250.4 % must read 250 %, not 25 %."""

import pytest

from kpiwizard.core.formatting import format_as_typed, format_number


@pytest.mark.parametrize(("value", "decimals", "shown"), [
    (250.4, 0, "250"), (10.4, 0, "10"), (1200.3, 0, "1,200"), (99.6, 0, "100"),
    (0.4, 0, "0"), (-0.4, 0, "0"), (-10.4, 0, "-10"),
    (2.5, 1, "2.5"), (2.04, 1, "2"), (120.04, 1, "120"), (-0.04, 1, "0"),
    (3.004, 2, "3"), (1234.5, 2, "1,234.5"), (0.10, 2, "0.1"), (-0.004, 2, "0"),
])
def test_a_number_rounded_to_fewer_places_keeps_its_whole_zeros(value, decimals, shown):
    assert format_number(value, decimals) == shown


@pytest.mark.parametrize("value, shown", [
    (0.0000625, "0.0000625"),  # seven places typed: all seven shown (six would read 0.000063)
    (0.00075, "0.00075"),
    (0.1, "0.1"),  # no float noise: the shortest text that reads back as 0.1
    (1250.0, "1,250"),
    (1e20, "100,000,000,000,000,000,000"),  # written 1e+20: a positive exponent, shown whole
    (1250.5, "1,250.5"),
    (3e-7, "0.0000003"),  # a number Python writes with an exponent is still shown in full
])
def test_a_number_is_shown_with_every_decimal_typed_and_no_more(value, shown):
    assert format_as_typed(value) == shown
