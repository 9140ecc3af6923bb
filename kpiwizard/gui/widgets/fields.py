"""Input fields that report a refused value beside themselves instead of crashing or clamping.

The model refuses impossible values (``ProjectDocument.edit`` returns the reason); a field keeps
what the user typed, is marked, and shows that reason under it until the next accepted edit, so
the screen never shows a value the plan does not hold without saying so.

While a field has focus, a refresh from the plan never rewrites what the user is in the middle of
typing (an emptied field, half a number, an input method's composition); the plan's value is
shown again when an accepted edit or an undo changes it.
"""

from __future__ import annotations

import math
from datetime import date

from kpiwizard.core.text import Text, t

from ..qt import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QToolButton,
    QVBoxLayout,
    QDate,
    QDateEdit,
    QEvent,
    QLabel,
    QLineEdit,
    QPalette,
    Qt,
    QWidget,
    Signal,
)

NOT_A_NUMBER = t("숫자를 입력하세요 (예: 1200, 3.5 또는 4.5%).", "Enter a number (e.g. 1200, 3.5 or 4.5%).")
NO_DATE = date(2000, 1, 1)  # the date edit's minimum, shown as "none"
SHORT_TEXT_LIMIT = 300  # models.ShortText
LIMIT_HINT = t("최대 {n}자", "At most {n} characters")
# What people type around a number: thousands separators, spaces, a trailing percent or currency.
_DECORATION = str.maketrans("", "", ",  \u00a0\u202f")
_SUFFIXES = ("%", "％", "원", "₩", "$", "€", "¥", "£")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+")


def parse_number(text: str) -> float | None:
    """'1,200' -> 1200.0, '4.5%' -> 4.5, '₩150,000' -> 150000.0, '' -> None; raises ValueError for
    anything that is not a number. A percent sign is a unit the field already shows: '4.5%' in a
    percent field means 4.5 (the field's scale turns it into the stored share)."""
    cleaned = text.translate(_FULL_WIDTH).translate(_DECORATION).strip()
    for symbol in _SUFFIXES:
        if cleaned.endswith(symbol):
            cleaned = cleaned[: -len(symbol)]
        if cleaned.startswith(symbol):
            cleaned = cleaned[len(symbol):]
    if not cleaned:
        return None
    value = float(cleaned)
    if not math.isfinite(value):
        raise ValueError(cleaned)
    return value


def mark(field: QWidget, refused: bool) -> None:
    """Mark a field whose text the plan refused (a red frame); unmarking also hides its reason."""
    if not refused:
        label = getattr(field, "error_label", None)
        if label is not None:
            label.show_reason(None)
    if is_refused(field) == refused:
        return
    field.refused_text = refused  # type: ignore[attr-defined]  # a Python attribute: QObject.property() leaks None in 6.12
    field.setStyleSheet("border: 2px solid #b00020;" if refused else "")


def is_refused(field: QWidget) -> bool:
    """The field shows a text the plan refused (marked until corrected)."""
    return bool(getattr(field, "refused_text", False))


def pair(field: QWidget, label: "ErrorLabel") -> None:
    """Tie a field to the label that gives its reason: the mark and the reason come and go together."""
    field.error_label = label  # type: ignore[attr-defined]
    label.field = field


def clear_marks(root: QWidget) -> None:
    """Forget every refusal under ``root`` (another plan was opened)."""
    for edit in root.findChildren(QLineEdit):
        if is_refused(edit):
            mark(edit, False)
    for label in root.findChildren(ErrorLabel):
        label.show_reason(None)
        field = getattr(label, "field", None)
        if field is not None:
            mark(field, False)


def number_text(value: float | None, scale: float = 1.0) -> str:
    if value is None:
        return ""
    shown = value * scale
    return str(int(shown)) if float(shown).is_integer() else f"{shown:.10g}"


class ErrorLabel(QLabel):
    """The reason a value was refused, shown in red (lighter on a dark theme) under the field."""

    field: QWidget | None = None

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


def _typing_event(name: str):
    """An event handler that flags the field while the user's key or composition is handled, so
    the refresh it causes (a plan edit, a refusal taken back) leaves the typed text alone."""

    def handler(self, event) -> None:
        self.typing = True
        try:
            getattr(QLineEdit, name)(self, event)
        finally:
            self.typing = False

    handler.__name__ = name
    return handler


class NumberEdit(QLineEdit):
    """A number typed freely; ``value_edited`` carries the parsed value (None when emptied).

    Text that is not a number emits ``refused`` with the reason and puts the plan back to what it
    held when the user started typing here, so the plan never keeps half of what was typed. A
    ``scale`` shows shares as percentages (0.9 shown as 90).
    """

    value_edited = Signal(object)
    refused = Signal(object)  # Text

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0):
        super().__init__(parent)
        self._scale = scale
        self._model: float | None = None  # what the plan holds
        self._before_typing: float | None = None
        self.typing = False
        self.textEdited.connect(self._on_edited)
        self.refused.connect(lambda _reason: mark(self, True))
        self.editingFinished.connect(self._settle)

    keyPressEvent = _typing_event("keyPressEvent")  # noqa: N815 - Qt's names
    inputMethodEvent = _typing_event("inputMethodEvent")  # noqa: N815

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._before_typing = self._model
        super().focusInEvent(event)

    def _on_edited(self, text: str) -> None:
        try:
            value = parse_number(text)
        except ValueError:
            mark(self, True)
            if self._model != self._before_typing:
                self.value_edited.emit(self._before_typing)
            self.refused.emit(NOT_A_NUMBER)
            return
        mark(self, False)
        self.value_edited.emit(None if value is None else value / self._scale)

    def _settle(self) -> None:
        """Typing is over (Enter, Tab, a click elsewhere): show the plan's value in its usual
        form, unless the text was refused: that stays, marked, until corrected."""
        if not is_refused(self):
            self.set_value(self._model)

    def value(self) -> float | None:
        try:
            v = parse_number(self.text())
        except ValueError:
            return None
        return None if v is None else v / self._scale

    def set_value(self, value: float | None) -> None:
        """Show the plan's value, except while a key typed here is being handled (the text is the
        user's, whatever the plan made of it) or while the field shows a refused text."""
        self._model = value
        if self.typing or is_refused(self):
            return
        try:
            current = parse_number(self.text())
        except ValueError:
            current = math.nan
        shown = None if value is None else value * self._scale
        if current is None and shown is None:
            return
        if current is not None and shown is not None and math.isclose(current, shown, rel_tol=1e-12, abs_tol=1e-12):
            return
        mark(self, False)
        self.setText(number_text(value, self._scale))


class TextEdit(QLineEdit):
    """A one-line text whose ``set_value`` never disturbs the user's typing (nor an input method's
    composition); it takes no more than the plan can hold, and says so."""

    def __init__(self, parent: QWidget | None = None, limit: int = SHORT_TEXT_LIMIT):
        super().__init__(parent)
        self.setMaxLength(limit)
        self.limit = limit
        self._model = ""
        self.typing = False
        self.editingFinished.connect(self._settle)

    keyPressEvent = _typing_event("keyPressEvent")  # noqa: N815 - Qt's names
    inputMethodEvent = _typing_event("inputMethodEvent")  # noqa: N815

    def _settle(self) -> None:
        if not is_refused(self):
            self.set_value(self._model)

    def set_value(self, value: str) -> None:
        self._model = value
        if self.typing or is_refused(self):
            return
        if self.text() != value:
            mark(self, False)
            self.setText(value)


class DateEdit(QDateEdit):
    """A calendar date that may also be "none" (shown as the special text).

    An empty date's calendar opens on ``near`` (the plan's dates, else today), never on the
    "none" date at the bottom of the range."""

    date_edited = Signal(object)  # date | None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(QDate(NO_DATE.year, NO_DATE.month, NO_DATE.day))
        self.setSpecialValueText("–")
        self._setting = False
        self._near: date | None = None
        self._calendar: MonthCalendar | None = None
        self.dateChanged.connect(self._on_changed)

    def set_near(self, near: date | None) -> None:
        """The date an empty field's calendar opens on."""
        self._near = near

    def set_locale_for(self, lang) -> None:
        """Month and day names in the UI language (the calendar popup's too)."""
        from ..qt import QLocale

        locale = QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea) if lang.value == "ko" \
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        self.setLocale(locale)  # the calendar popup, made on first use, takes it from here
        self._lang = lang
        if self._calendar is not None:
            self._calendar.set_language(lang)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # The popup is made and shown from here (a click on the arrow): give it our calendar,
        # whose title reads "2027년 3월" in Korean, and watch it open.
        if self._calendar is None:
            self._calendar = MonthCalendar(getattr(self, "_lang", None))
            self._calendar.setLocale(self.locale())
            self.setCalendarWidget(self._calendar)
            self._calendar.installEventFilter(self)
        super().mousePressEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show and watched is self.calendarWidget():
            self._aim_calendar()
        return super().eventFilter(watched, event)

    def _aim_calendar(self) -> None:
        calendar = self.calendarWidget()
        if self.value() is not None:
            return
        near = self._near or date.today()
        calendar.setCurrentPage(near.year, near.month)

    def _on_changed(self, qdate: QDate) -> None:
        if not self._setting:
            self.date_edited.emit(self.value())

    def value(self) -> date | None:
        d = self.date().toPython()
        return None if d == NO_DATE or not isinstance(d, date) else d

    def set_value(self, value: date | None) -> None:
        self._setting = True
        try:
            d = value or NO_DATE
            self.setDate(QDate(d.year, d.month, d.day))
        finally:
            self._setting = False


class MonthCalendar(QCalendarWidget):
    """Qt's calendar with a title of its own: Qt writes month before year ("3월 2027") whatever the
    language; Korean reads "2027년 3월". Previous/next month buttons, PageUp/PageDown as usual."""

    def __init__(self, lang=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setNavigationBarVisible(False)
        bar = QWidget(self)
        row = QHBoxLayout(bar)
        row.setContentsMargins(4, 2, 4, 2)
        self.previous, self.next, self.title = QToolButton(bar), QToolButton(bar), QLabel(bar)
        self.previous.setText("◀")
        self.next.setText("▶")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.previous)
        row.addWidget(self.title, 1)
        row.addWidget(self.next)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, bar)
        self.previous.clicked.connect(lambda _checked=False: self.showPreviousMonth())
        self.next.clicked.connect(lambda _checked=False: self.showNextMonth())
        self.currentPageChanged.connect(lambda _y, _m: self._show_title())
        self._ko = True
        self.set_language(lang)

    def set_language(self, lang) -> None:
        self._ko = lang is None or getattr(lang, "value", lang) == "ko"
        for button, ko, en in ((self.previous, "이전 달", "Previous month"), (self.next, "다음 달", "Next month")):
            button.setAccessibleName(ko if self._ko else en)
            button.setToolTip(ko if self._ko else en)
        self._show_title()

    def _show_title(self) -> None:
        year, month = self.yearShown(), self.monthShown()
        if self._ko:
            self.title.setText(f"{year}년 {month}월")
        else:
            self.title.setText(f"{self.locale().standaloneMonthName(month)} {year}")


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
            name = self._none if v is None else self._names[v]
            self.setItemText(i, name.get(lang) if name is not None else "")

    def value(self):
        return self._values[self.currentIndex()]

    def set_value(self, value) -> None:
        if value in self._values:
            self.setCurrentIndex(self._values.index(value))


def report(label: ErrorLabel, reason: Text | None, lang) -> bool:
    """Show ``reason`` (or clear it) and mark the paired field; True when the edit was accepted."""
    label.show_reason(reason.get(lang) if reason is not None else None)
    if label.field is not None:
        mark(label.field, reason is not None)
    return reason is None
