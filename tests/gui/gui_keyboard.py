"""Typing as a person does: key events to whatever has focus, Hangul through the input method.

Nothing here calls ``setText``. A field gets focus the way a person gives it (a mouse click, or
the keys that move focus); every key goes to ``QApplication.focusWidget()`` at the moment it is
pressed, so a view that steals focus after the first key loses the rest, as the user's would.
Hangul arrives as an input method delivers it: a pre-edit string that grows jamo by jamo, then
the composed syllable committed when the next syllable starts or the composition ends.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"


def is_hangul_syllable(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _stages(syllable: str) -> list[str]:
    """What the pre-edit shows while a syllable is typed: its initial consonant, the open syllable
    (initial + vowel), then the whole syllable when it has a final consonant."""
    index = ord(syllable) - 0xAC00
    initial, rest = divmod(index, 21 * 28)
    final = rest % 28
    stages = [_INITIALS[initial], chr(0xAC00 + index - final)]
    if final:
        stages.append(syllable)
    return stages


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has keyboard focus"
    return widget


def _send_im(preedit: str, commit: str = "") -> None:
    target = focused()
    event = QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QCoreApplication.sendEvent(target, event)
    QCoreApplication.processEvents()


def type_text(text: str) -> None:
    """Type ``text`` into the focused widget: keys for Latin text, the input method for Hangul."""
    pending = ""  # a Hangul syllable still in composition
    for ch in text:
        if is_hangul_syllable(ch):
            stages = _stages(ch)
            # The first jamo of the next syllable commits the previous one, as a Korean IME does.
            _send_im(stages[0], commit=pending)
            for stage in stages[1:]:
                _send_im(stage)
            pending = ch
            continue
        if pending:
            _send_im("", commit=pending)
            pending = ""
        if ch == "\n":
            QTest.keyClick(focused(), Qt.Key.Key_Return)
        elif ord(ch) > 0x7E:  # full-width digits, jamo, symbols: what an input method commits
            _send_im("", commit=ch)
        else:
            QTest.keyClicks(focused(), ch)
        QCoreApplication.processEvents()
    if pending:
        _send_im("", commit=pending)


def press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)
    QCoreApplication.processEvents()


def give_focus(field: QWidget) -> None:
    """Click the field, as a person does, and wait until it really has focus."""
    window = field.window()
    if not window.isVisible():
        window.show()
        QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    target = field.lineEdit() if isinstance(field, QAbstractSpinBox) else field
    target = target if isinstance(target, QWidget) else field
    if isinstance(field, (QPlainTextEdit, QTextEdit)):
        target = field.viewport()
    QTest.mouseClick(target, Qt.MouseButton.LeftButton)
    QCoreApplication.processEvents()
    if QApplication.focusWidget() is not field:  # a click may land on a label inside
        field.setFocus(Qt.FocusReason.MouseFocusReason)
        QCoreApplication.processEvents()
    assert QApplication.focusWidget() is field, f"{field!r} did not take focus"


def text_of(field: QWidget) -> str:
    if isinstance(field, (QPlainTextEdit, QTextEdit)):
        return field.toPlainText()
    if isinstance(field, QAbstractSpinBox):
        return field.lineEdit().text()
    return field.text()


def caret_of(field: QWidget) -> int:
    if isinstance(field, (QPlainTextEdit, QTextEdit)):
        return field.textCursor().position()
    if isinstance(field, QAbstractSpinBox):
        return field.lineEdit().cursorPosition()
    assert isinstance(field, QLineEdit)
    return field.cursorPosition()


def type_into(field: QWidget, text: str, *, replace: bool = True) -> None:
    """Click ``field``, select what is there (Ctrl+A) and type ``text`` over it; then check that the
    field still has focus, shows exactly what was typed and keeps the caret at its end."""
    give_focus(field)
    if replace:
        press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        if text == "":
            press(Qt.Key.Key_Delete)
    before = "" if replace else text_of(field)
    type_text(text)
    assert QApplication.focusWidget() is field, (
        f"focus left the field while typing {text!r}: now on {QApplication.focusWidget()!r}")
    assert text_of(field) == before + text, f"typed {text!r}, field shows {text_of(field)!r}"
    assert caret_of(field) == len(before + text), "the caret moved away from where the user types"


def click_cell(table, row: int, col: int) -> None:
    """Click a table cell as a person does (the table takes focus, the cell becomes current)."""
    give_focus(table)
    table.scrollToItem(table.item(row, col))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualItemRect(table.item(row, col)).center())
    assert (table.currentRow(), table.currentColumn()) == (row, col)


def type_into_cell(table, row: int, col: int, text: str) -> None:
    """Click the cell, open its editor with F2, select what is there, type over it (Hangul
    through the input method) and press Enter: how a cell is edited from the keyboard."""
    click_cell(table, row, col)
    press(Qt.Key.Key_F2)
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(text)
    else:
        press(Qt.Key.Key_Delete)
    press(Qt.Key.Key_Return)
