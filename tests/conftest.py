"""Rules for every test, in every folder.

- Qt runs offscreen (set before anything imports Qt).
- A Qt warning or critical message fails the test, wherever it comes from (as qutebrowser's suite
  does): those are the binding's way of saying "this call was wrong", and they must not pile up
  unseen. Messages the platform prints about itself are listed in ``HARMLESS`` with the reason.

Warnings from Python fail tests too (``filterwarnings = ["error"]`` in pyproject.toml).
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402

# What the offscreen platform says about itself (a QWizard laid out, a popup opened): not the
# program's.
HARMLESS = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
)


@pytest.fixture(autouse=True)
def fail_on_qt_warnings():
    from kpiwizard.gui.qt import QtMsgType, qInstallMessageHandler

    messages: list[str] = []

    def handler(kind, context, message):
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            if not any(h in message for h in HARMLESS):
                messages.append(f"{kind.name}: {message}")
        if previous is not None:
            previous(kind, context, message)

    previous = qInstallMessageHandler(handler)
    yield messages
    qInstallMessageHandler(previous)
    if messages:
        pytest.fail("Qt reported problems:\n" + "\n".join(messages), pytrace=False)


@pytest.fixture(autouse=True)
def _fresh_core_caches_under_mutation():
    """Under mutation testing (mutmut sets MUTANT_UNDER_TEST), empty the mutated module's caches first.

    A result cached before the mutant was switched on (``schedule.periods`` is) would be served
    without running the mutated code, and the mutant would pass as "survived" for nothing.
    """
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")  # e.g. kpiwizard.core.schedule.x_periods__mutmut_3
    if mutant.startswith("kpiwizard."):
        import functools
        import sys

        module = sys.modules.get(mutant.rsplit(".", 1)[0])  # the mutated module's own caches only:
        for value in list(vars(module).values()) if module else []:  # clearing all (the catalog) is slow
            if isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()
    yield
