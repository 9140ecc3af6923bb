"""A small "?" button that explains a field in plain language, by hover, click or keyboard."""

from __future__ import annotations

import re

from ..qt import QToolButton, QWidget, Qt, QtWidgets


class HelpButton(QToolButton):
    """Shows its help text as a tooltip on hover and in a tooltip bubble when pressed.

    Pressing it with the keyboard (Tab to it, Space) shows the same text, so help does not need a
    mouse. The text is set by the owning page in ``retranslate()`` through ``set_help``.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setText("?")
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
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

    ``name`` may be the control's visible label: its mnemonic marker is dropped here.
    """
    name = without_mnemonic(name)
    widget.setAccessibleName(name)
    widget.setToolTip(help_text)
    widget.setAccessibleDescription(help_text)
    if button is not None:
        button.set_help(help_text, name)
