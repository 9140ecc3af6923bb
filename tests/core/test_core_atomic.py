"""The atomic writer gives a new file the mode the user's umask asks for, without touching the umask.

Reading the umask with ``os.umask`` means setting it; a writer that set it to 0 for a moment let
files created by another thread in that moment come out world-writable.
"""

from __future__ import annotations

import os
import stat
import sys
import threading

import pytest

from kpiwizard.core import atomic

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes and umask are POSIX")


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield 0o027
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_file_gets_the_mode_the_umask_asks_for(tmp_path, umask_027):
    target = tmp_path / "plan.kpiwiz"
    atomic.atomic_write_bytes(target, b"{}")
    assert mode(target) == 0o640
    assert target.read_bytes() == b"{}"


def test_an_existing_file_keeps_its_mode(tmp_path, umask_027):
    target = tmp_path / "plan.kpiwiz"
    target.write_bytes(b"old")
    os.chmod(target, 0o604)
    atomic.atomic_write_bytes(target, b"new")
    assert mode(target) == 0o604


def test_the_umask_is_read_both_ways_alike(tmp_path, umask_027):
    assert atomic._umask(tmp_path) == 0o027
    assert atomic._probe_umask(tmp_path) == 0o027
    assert list(tmp_path.iterdir()) == []  # the probe file is gone


def test_saving_in_one_thread_never_unmasks_files_made_in_another(tmp_path, umask_027):
    """Another thread creating files while saves run sees the umask in force every time."""
    stop = threading.Event()
    errors: list[BaseException] = []

    def saver() -> None:
        try:
            for i in range(300):
                atomic.atomic_write_bytes(tmp_path / f"saved-{i}.kpiwiz", b"x")
                for _ in range(50):  # the moment a save reads the mask, many times over
                    atomic._umask(tmp_path)
                atomic._probe_umask(tmp_path)  # the other way of reading it must not unmask either
        except BaseException as e:  # noqa: BLE001 - reported by the main thread
            errors.append(e)
        finally:
            stop.set()

    thread = threading.Thread(target=saver)
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, so a moment of umask 0 is seen
    thread.start()
    made = 0
    other = tmp_path / "other"
    other.mkdir()
    try:
        while not stop.is_set():
            path = other / f"made-{made}"
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            assert mode(path) == 0o640, f"file {made} was created with the umask lifted"
            made += 1
    finally:
        thread.join()
        sys.setswitchinterval(switch)
    assert not errors
    assert made > 0
    assert all(mode(tmp_path / f"saved-{i}.kpiwiz") == 0o640 for i in range(300))
