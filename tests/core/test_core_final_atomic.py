"""A writer's liveness, at the edges mutation testing found unguarded (docs/mutation.md).

Asking whether a writer still runs must not signal it (signal 0 only asks), a lock exactly a day
old still counts as the writer's, and where liveness cannot be asked (Windows) nobody is signalled.
"""

from __future__ import annotations

import os
import time

from kpiwizard.core import atomic


def test_asking_whether_a_writer_lives_sends_it_no_signal(monkeypatch):
    sent = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: sent.append((pid, sig)))
    assert atomic._writer_gone(os.getpid() + 1, time.time()) is False
    assert sent == [(os.getpid() + 1, 0)]  # 0 asks; 1 would hang the other program up


def test_a_leftover_exactly_a_day_old_is_still_the_writers(monkeypatch):
    now = 1_800_000_000.0
    monkeypatch.setattr(atomic.time, "time", lambda: now)
    assert atomic._writer_gone(os.getpid(), now - atomic.STALE_AFTER_SECONDS) is False
    assert atomic._writer_gone(os.getpid(), now - atomic.STALE_AFTER_SECONDS - 1) is True


def test_where_liveness_cannot_be_asked_no_process_is_signalled(monkeypatch):
    def refuse(pid, sig):
        raise ProcessLookupError  # would count the writer as gone and delete its file

    monkeypatch.setattr(os, "kill", refuse)
    with monkeypatch.context() as windows:  # undone before pytest itself needs os.name again
        windows.setattr(atomic.os, "name", "nt")
        gone = atomic._writer_gone(os.getpid() + 1, time.time())
    assert gone is False
