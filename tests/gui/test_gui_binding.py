"""The Qt binding itself must be sound: a binding that drops references to None kills the app.

PySide6 6.12.0 releases a reference to None (and to True/False) on every call that returns
nothing. On Python 3.11, where None is an ordinary object, a few hundred keystrokes on the ROI
page bring its count to zero and the process dies with "none_dealloc". pyproject.toml keeps that
release off Python 3.11; this test fails on any binding that brings the bug back.
"""

from __future__ import annotations

import sys

from kpiwizard.gui.qt import QComboBox, QLabel, QLineEdit


def test_calls_that_return_nothing_keep_none_alive(qtbot):
    label, edit, combo = QLabel(), QLineEdit(), QComboBox()
    for widget in (label, edit, combo):
        qtbot.addWidget(widget)
    combo.addItems(["a", "b"])
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for i in range(2000):
        label.setText(str(i))
        edit.setText(str(i))
        combo.setCurrentIndex(i % 2)
        label.setVisible(True)
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    # A sound binding leaves the counts where they were (give or take a few cached objects); the
    # broken one loses several thousand references in this loop.
    assert all(a >= b - 100 for a, b in zip(after, before, strict=True)), (before, after)
