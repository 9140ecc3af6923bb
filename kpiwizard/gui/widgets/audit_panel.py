"""The SMART audit shown live beside a form: errors and warnings, each with why and what to change.

The findings come from ``core.audit``; this panel only lays them out, grouped by SMART letter,
as plain text (user text inside messages is data, never markup).
"""

from __future__ import annotations

from collections.abc import Sequence

from kpiwizard.core.audit import Finding, letter_name
from kpiwizard.core.enums import Lang, Severity, SmartLetter
from kpiwizard.core.vocab import SEVERITY_NAMES
from kpiwizard.core.text import Text, t

from ..qt import QFrame, QLabel, QScrollArea, Qt, QVBoxLayout, QWidget

MARKS = {Severity.ERROR: "✖", Severity.WARNING: "!", Severity.INFO: "i"}
ALL_CLEAR = t("문제가 없습니다.", "No problems found.")
PASS = t("통과", "passes")


class AuditPanel(QScrollArea):
    """Findings grouped by letter (``grouped=True``) or as one list (e.g. one KPI's realism check)."""

    def __init__(self, parent: QWidget | None = None, empty_text: Text = ALL_CLEAR):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._empty = empty_text
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self.setWidget(self._body)
        self._lines: list[str] = []

    def show_findings(
        self, findings: Sequence[Finding], lang: Lang, grouped: bool = True,
        letters: Sequence[SmartLetter] = tuple(SmartLetter),
    ) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._lines = []
        shown = list(findings)
        if grouped:
            for letter in letters:
                mine = [f for f in shown if f.letter is letter]
                worst = next((s for s in Severity if any(f.severity is s for f in mine)), None)
                head = f"{letter.value} — {letter_name(letter, lang)}"
                head += f"  {MARKS[worst]}" if worst is not None else f"  ✔ {PASS.get(lang)}"
                self._add(head, bold=True)
                for f in mine:
                    self._add_finding(f, lang)
        else:
            for f in shown:
                self._add_finding(f, lang)
            if not shown:
                self._add("✔ " + self._empty.get(lang))
        self._layout.addStretch(1)
        self.setAccessibleDescription("\n".join(self._lines))

    def lines(self) -> list[str]:
        """The text shown, line by line (for tests and screen readers)."""
        return list(self._lines)

    def _add_finding(self, f: Finding, lang: Lang) -> None:
        self._add(f"{MARKS[f.severity]} [{SEVERITY_NAMES[f.severity].get(lang)}] {f.message.get(lang)}", indent=True)
        self._add(f"→ {f.fix.get(lang)}", indent=True, secondary=True)

    def _add(self, text: str, bold: bool = False, indent: bool = False, secondary: bool = False) -> None:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if bold:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        if indent:
            label.setContentsMargins(14 if not secondary else 28, 0, 0, 0)
        self._layout.addWidget(label)
        self._lines.append(text)
