"""How numbers, money and dates read in each language, shared by the app, the PDF and the CLI."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from .enums import Lang

_EN_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]
# Currencies without minor units in everyday use.
_WHOLE_CURRENCIES = {"KRW", "JPY", "VND", "IDR", "CLP", "ISK", "HUF", "TWD"}
_TRAILING_ZEROS = re.compile(r"\.?0+$")
_SYMBOLS = {"KRW": "₩", "USD": "$", "EUR": "€", "JPY": "¥", "GBP": "£", "CNY": "¥"}


def format_number(value: float | None, decimals: int = 2) -> str:
    """1234.5 -> '1,234.5'; whole numbers lose their '.0'; None -> '–'."""
    if value is None:
        return "–"
    if float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.{decimals}f}"
    if "." in text:  # 2.50 -> 2.5, 3.00 -> 3; never the zeros of a whole number (250 stays 250)
        text = _TRAILING_ZEROS.sub("", text)
    return "0" if text == "-0" else text


def format_as_typed(value: float) -> str:
    """A number with every decimal the owner typed and no more (0.0000625, 0.00075, 1,250): the
    places of the shortest text that reads back as the same number."""
    # A whole number (1250.0, or 1e+20 whose exponent is positive) is shown whole by format_number
    # before the places are read; any other number has one place or more.
    return format_number(value, -int(Decimal(repr(float(value))).as_tuple().exponent))


def format_value(value: float | None, unit: str, lang: Lang | str, percent: bool = False) -> str:
    if value is None:
        return "–"
    number = format_number(value)
    if percent or unit.strip() == "%":
        return f"{number}%"
    if not unit:
        return number
    return f"{number}{unit}" if Lang(lang) is Lang.KO and _is_korean(unit) else f"{number} {unit}"


def format_percent(share: float | None, decimals: int = 0) -> str:
    """0.873 -> '87%'; a share that rounds to zero never reads '-0%'."""
    if share is None:
        return "–"
    text = f"{share * 100:.{decimals}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return f"{text}%"


def currency_decimals(currency: str) -> int:
    return 0 if currency in _WHOLE_CURRENCIES else 2


def format_money(value: float | None, currency: str) -> str:
    if value is None:
        return "–"
    decimals = currency_decimals(currency)
    amount = f"{value:,.{decimals}f}"
    symbol = _SYMBOLS.get(currency)
    if symbol:
        return f"-{symbol}{amount[1:]}" if amount.startswith("-") else f"{symbol}{amount}"
    return f"{amount} {currency}"


def format_date(day: date | None, lang: Lang | str) -> str:
    if day is None:
        return "–"
    if Lang(lang) is Lang.KO:
        return f"{day.year}년 {day.month}월 {day.day}일"
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def format_short_date(day: date | None) -> str:
    return "–" if day is None else day.isoformat()


def _is_korean(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def count_en(n: int, noun: str, plural: str | None = None) -> str:
    """'1 reading', '3 readings': English counts without '(s)'."""
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"
