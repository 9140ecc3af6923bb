"""A small "?" button that explains a field in plain language, by hover, click or keyboard."""

from __future__ import annotations

import re

from ..qt import QToolButton, QWidget, Qt, QtWidgets


class HelpButton(QToolButton):
    """Shows its help text as a tooltip on hover and in a tooltip bubble when clicked.

    It is not a Tab stop: one Tab goes from a field to the next field. The keyboard reaches the
    same text on the field itself (``describe`` gives the field this text as its tooltip, its
    accessible description for screen readers and its What's This, shown by Shift+F1), and F1
    opens the owners' guide. The text is set by the owning page in ``retranslate()`` through
    ``describe``/``set_help``.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setText("?")
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click shows the help and leaves focus in the field
        self.setCursor(Qt.CursorShape.WhatsThisCursor)
        self.clicked.connect(self._show)

    def set_help(self, text: str, field_name: str = "") -> None:
        self.setToolTip(text)
        self.setWhatsThis(text)
        self.setAccessibleName(f"? {field_name}".strip())
        self.setAccessibleDescription(text)

    def _show(self) -> None:
        pos = self.mapToGlobal(self.rect().bottomLeft())
        QtWidgets.QToolTip.showText(pos, self.toolTip(), self)


def without_mnemonic(label: str) -> str:
    """A label as a screen reader should say it: no '&', and no Korean-style '(&S)' suffix."""
    return re.sub(r"\(&\w\)", "", label).replace("&", "").strip()


def describe(widget: QWidget, name: str, help_text: str, button: HelpButton | None = None) -> None:
    """Give a control its accessible name and plain-language tooltip (and its "?" the same text).

    The text is also the control's What's This: Shift+F1 in the control shows it without a mouse
    (in a container such as a group box, Shift+F1 in any of its controls that has none of its own).
    ``name`` may be the control's visible label: its mnemonic marker is dropped here.
    """
    name = without_mnemonic(name)
    widget.setAccessibleName(name)
    widget.setToolTip(help_text)
    widget.setAccessibleDescription(help_text)
    widget.setWhatsThis(help_text)
    if button is not None:
        button.set_help(help_text, name)
