"""Input fields that report a refused value beside themselves instead of crashing or clamping.

The model refuses impossible values (``ProjectDocument.edit`` returns the reason); a field keeps
what the user typed and shows that reason under it until the next accepted edit.
"""

from __future__ import annotations

import math
from datetime import date

from kpiwizard.core.text import Text, t

from ..qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPalette,
    Qt,
    QWidget,
    Signal,
)

NOT_A_NUMBER = t("숫자를 입력하세요 (예: 1200 또는 3.5).", "Enter a number (e.g. 1200 or 3.5).")
NO_DATE = date(2000, 1, 1)  # the date edit's minimum, shown as "none"


def parse_number(text: str) -> float | None:
    """'1,200' -> 1200.0, '' -> None; raises ValueError for anything that is not a number."""
    cleaned = text.replace(",", "").replace(" ", "").replace("\u00a0", "").strip()
    if not cleaned:
        return None
    value = float(cleaned)
    if not math.isfinite(value):
        raise ValueError(cleaned)
    return value


def number_text(value: float | None, scale: float = 1.0) -> str:
    if value is None:
        return ""
    shown = value * scale
    return str(int(shown)) if float(shown).is_integer() else f"{shown:.10g}"


class ErrorLabel(QLabel):
    """The reason a value was refused, shown in red (lighter on a dark theme) under the field."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.WindowText, _error_colour(pal))
        self.setPalette(pal)
        self.hide()

    def show_reason(self, reason: str | None) -> None:
        if reason:
            self.setText("⚠ " + reason)
            self.show()
        else:
            self.clear()
            self.hide()


def _error_colour(pal: QPalette):
    """A red that reads on the current window colour (lighter on dark themes)."""
    from ..qt import QColor

    dark = pal.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b00020")


class NumberEdit(QLineEdit):
    """A number typed freely; ``value_edited`` carries the parsed value (None when emptied).

    Text that is not a number emits ``refused`` with the reason and leaves the plan alone. A
    ``scale`` shows shares as percentages (0.9 shown as 90).
    """

    value_edited = Signal(object)
    refused = Signal(object)  # Text

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0):
        super().__init__(parent)
        self._scale = scale
        self.textEdited.connect(self._on_edited)

    def _on_edited(self, text: str) -> None:
        try:
            value = parse_number(text)
        except ValueError:
            self.refused.emit(NOT_A_NUMBER)
            return
        self.value_edited.emit(None if value is None else value / self._scale)

    def value(self) -> float | None:
        try:
            v = parse_number(self.text())
        except ValueError:
            return None
        return None if v is None else v / self._scale

    def set_value(self, value: float | None) -> None:
        """Show the model's value unless the text already says it (keeps the cursor while typing)."""
        try:
            current = parse_number(self.text())
        except ValueError:
            current = math.nan
        shown = None if value is None else value * self._scale
        if current is None and shown is None:
            return
        if current is not None and shown is not None and math.isclose(current, shown, rel_tol=1e-12, abs_tol=1e-12):
            return
        self.setText(number_text(value, self._scale))


class TextEdit(QLineEdit):
    """A one-line text whose ``set_value`` does not disturb the user's cursor when unchanged."""

    def set_value(self, value: str) -> None:
        if self.text() != value:
            self.setText(value)


class DateEdit(QDateEdit):
    """A calendar date that may also be "none" (shown as the special text)."""

    date_edited = Signal(object)  # date | None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(QDate(NO_DATE.year, NO_DATE.month, NO_DATE.day))
        self.setSpecialValueText("–")
        self._setting = False
        self.dateChanged.connect(self._on_changed)

    def _on_changed(self, qdate: QDate) -> None:
        if not self._setting:
            self.date_edited.emit(self.value())

    def value(self) -> date | None:
        d = self.date().toPython()
        return None if d == NO_DATE else d

    def set_value(self, value: date | None) -> None:
        self._setting = True
        try:
            d = value or NO_DATE
            self.setDate(QDate(d.year, d.month, d.day))
        finally:
            self._setting = False


class EnumCombo(QComboBox):
    """A combo box over one enum (or None), labelled from a ``{value: Text}`` table."""

    value_chosen = Signal(object)

    def __init__(self, names: dict, parent: QWidget | None = None, none_text: Text | None = None):
        super().__init__(parent)
        self._names = names
        self._none = none_text
        self._values = ([None] if none_text is not None else []) + list(names)
        self._setting = False
        for _ in self._values:
            self.addItem("")
        self.activated.connect(lambda i: self.value_chosen.emit(self._values[i]))

    def set_options(self, names: dict, lang) -> None:
        """Replace the choices (e.g. the plan's KPIs), keeping the current one when it remains."""
        if names == self._names and len(self._values) == self.count():
            self.retranslate(lang)
            return
        current = self.value() if self.count() else None
        self._names = names
        self._values = ([None] if self._none is not None else []) + list(names)
        self.blockSignals(True)
        self.clear()
        self.addItems([""] * len(self._values))
        self.retranslate(lang)
        self.set_value(current)
        self.blockSignals(False)

    def retranslate(self, lang) -> None:
        for i, v in enumerate(self._values):
            self.setItemText(i, (self._none if v is None else self._names[v]).get(lang))

    def value(self):
        return self._values[self.currentIndex()]

    def set_value(self, value) -> None:
        if value in self._values:
            self.setCurrentIndex(self._values.index(value))


def report(label: ErrorLabel, reason: Text | None, lang) -> bool:
    """Show ``reason`` (or clear it); True when the edit was accepted."""
    label.show_reason(reason.get(lang) if reason is not None else None)
    return reason is None
