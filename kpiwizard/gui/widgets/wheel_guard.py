"""The mouse wheel scrolls the page, not the value of a control the pointer happens to pass over.

Without this, scrolling a long page turns whatever combo box, spin box or date field passes under
the pointer (a KPI's direction flipped to "keep in a band" that way). A control that has focus
still takes the wheel, as the owner then means it.
"""

from __future__ import annotations

from ..qt import QAbstractSpinBox, QComboBox, QEvent, QObject, QWidget


def _control(obj: QObject) -> QWidget | None:
    """The combo or spin box an event is for (a spin box's wheel may arrive at its line edit)."""
    for candidate in (obj, obj.parent() if isinstance(obj, QObject) else None):
        if isinstance(candidate, (QComboBox, QAbstractSpinBox)):
            return candidate
    return None


class WheelGuard(QObject):
    """An application-wide event filter: install once with ``app.installEventFilter``."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.Wheel:
            return False
        control = _control(watched)
        if control is None or control.hasFocus():
            return False
        event.ignore()  # not accepted: Qt hands the wheel on to the scrolling parent
        return True
