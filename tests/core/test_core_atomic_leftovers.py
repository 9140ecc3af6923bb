"""The atomic writer beside the owner's plan: a failed write leaves the old file and no temporary
file; leftovers of a writer that died are removed at the next save, and only those; the rename is
made durable by syncing the folder; the umask is read even where /proc is missing."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kpiwizard.core import atomic

pytestmark = pytest.mark.skipif(os.name != "posix", reason="process ids, modes and umask are POSIX")

GONE_PID = 2**22 + 12345  # above Linux's largest process id: never a running process


def leftover(folder: Path, name: str, pid: int | str, age: float = 0.0, tail: str = "k3j9.tmp") -> Path:
    path = folder / f".{name}.{pid}.{tail}"
    path.write_bytes(b"half a plan")
    if age:
        stamp = time.time() - age
        os.utime(path, (stamp, stamp))
    return path


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "봄.kpiwiz"
    target.write_bytes(b"old plan")

    def breaks(f):
        f.write(b"new pl")
        raise RuntimeError("the program was stopped")

    with pytest.raises(RuntimeError):
        atomic.atomic_write(target, breaks)
    assert target.read_bytes() == b"old plan"
    assert names(tmp_path) == ["봄.kpiwiz"]


def test_a_write_into_the_current_folder_by_a_bare_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    atomic.atomic_write_text("봄.kpiwiz", "카페 봄\n")
    assert (tmp_path / "봄.kpiwiz").read_bytes() == "카페 봄\n".encode()
    assert names(tmp_path) == ["봄.kpiwiz"]


def test_the_temporary_file_is_named_after_the_target_and_this_process(tmp_path, monkeypatch):
    seen: list[str] = []
    real_replace = os.replace

    def watch(src, dst):
        seen.append(Path(src).name)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", watch)
    atomic.atomic_write_bytes(tmp_path / "봄.kpiwiz", b"{}")
    assert len(seen) == 1
    assert seen[0].startswith(f".봄.kpiwiz.{os.getpid()}.") and seen[0].endswith(".tmp")


def test_the_leftover_of_a_writer_that_died_is_removed_at_the_next_save(tmp_path):
    dead = leftover(tmp_path, "봄.kpiwiz", GONE_PID)
    atomic.atomic_write_bytes(tmp_path / "봄.kpiwiz", b"{}")
    assert not dead.exists()
    assert names(tmp_path) == ["봄.kpiwiz"]


def test_leftovers_that_may_still_be_written_or_are_not_ours_stay(tmp_path):
    kept = [
        leftover(tmp_path, "봄.kpiwiz", os.getpid()),  # another thread of this process may be saving
        leftover(tmp_path, "봄.kpiwiz", 1),  # a live process
        leftover(tmp_path, "봄.kpiwiz", "abc"),  # not a process id: not one of ours
        leftover(tmp_path, "봄.kpiwiz", GONE_PID, tail="k3j9.part"),  # not a temporary file
        leftover(tmp_path, "다른 계획.kpiwiz", GONE_PID),  # another plan's, removed when that one is saved
    ]
    atomic.atomic_write_bytes(tmp_path / "봄.kpiwiz", b"{}")
    assert all(path.exists() for path in kept)
    assert names(tmp_path) == sorted([*(p.name for p in kept), "봄.kpiwiz"])


def test_a_leftover_older_than_a_day_is_removed_whoever_wrote_it(tmp_path):
    day = atomic.STALE_AFTER_SECONDS
    assert day == 24 * 3600
    old = leftover(tmp_path, "봄.kpiwiz", os.getpid(), age=day + 60)
    recent = leftover(tmp_path, "봄.kpiwiz", 1, age=day - 60, tail="a.tmp")
    atomic.atomic_write_bytes(tmp_path / "봄.kpiwiz", b"{}")
    assert not old.exists()
    assert recent.exists()


def test_the_liveness_of_a_writer():
    now = time.time()
    assert atomic._writer_gone(GONE_PID, now) is True
    assert atomic._writer_gone(os.getpid(), now) is False
    assert atomic._writer_gone(1, now) is False
    assert atomic._writer_gone(os.getpid(), now - atomic.STALE_AFTER_SECONDS - 1) is True
    assert atomic._writer_gone(os.getpid(), now - atomic.STALE_AFTER_SECONDS + 30) is False


def test_a_writer_owned_by_someone_else_counts_as_alive(monkeypatch):
    def not_allowed(pid, signal):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "kill", not_allowed)
    assert atomic._writer_gone(GONE_PID, time.time()) is False


def test_a_folder_that_cannot_be_listed_does_not_stop_the_save(tmp_path, monkeypatch):
    def unlistable(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "scandir", unlistable)
    atomic.atomic_write_bytes(tmp_path / "봄.kpiwiz", b"{}")
    assert (tmp_path / "봄.kpiwiz").read_bytes() == b"{}"


def test_a_leftover_that_cannot_be_removed_does_not_stop_the_save(tmp_path, monkeypatch):
    dead = leftover(tmp_path, "봄.kpiwiz", GONE_PID)
    real_unlink = os.unlink

    def refuse(path, *args, **kwargs):
        if Path(path) == dead:
            raise PermissionError(13, "Permission denied")
        real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", refuse)
    atomic.atomic_write_bytes(tmp_path / "봄.kpiwiz", b"{}")
    assert dead.exists() and (tmp_path / "봄.kpiwiz").read_bytes() == b"{}"


def test_the_folder_is_synced_after_the_rename(tmp_path, monkeypatch):
    synced: list[str] = []
    real_fsync = os.fsync

    def watch(fd):
        synced.append(os.readlink(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd") else str(fd))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", watch)
    atomic.atomic_write_bytes(tmp_path / "봄.kpiwiz", b"{}")
    assert len(synced) == 2
    if os.path.exists("/proc/self/fd"):
        assert Path(synced[0]).parent == tmp_path and Path(synced[0]).name.endswith(".tmp")  # the data first
        assert synced[1] == str(tmp_path)  # then the folder holding the new name


def test_a_folder_that_cannot_be_synced_does_not_fail_the_save(tmp_path, monkeypatch):
    real_fsync = os.fsync
    calls = []

    def folder_refuses(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(22, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", folder_refuses)
    atomic.atomic_write_bytes(tmp_path / "봄.kpiwiz", b"{}")
    assert (tmp_path / "봄.kpiwiz").read_bytes() == b"{}" and len(calls) == 2


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield 0o027
    os.umask(old)


def test_without_proc_the_umask_is_read_from_a_probe_file(tmp_path, monkeypatch, umask_027):
    def no_proc(*_args, **_kwargs):
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(atomic, "open", no_proc, raising=False)
    assert atomic._umask(tmp_path) == 0o027
    assert names(tmp_path) == []
    atomic.atomic_write_bytes(tmp_path / "봄.kpiwiz", b"{}")
    assert os.stat(tmp_path / "봄.kpiwiz").st_mode & 0o777 == 0o640


def test_a_status_file_without_a_umask_line_falls_back_to_the_probe(tmp_path, monkeypatch, umask_027):
    status = tmp_path / "status"
    status.write_text("Name:\tpython\nState:\tR (running)\n", encoding="ascii")
    real_open = open
    monkeypatch.setattr(atomic, "open", lambda _path, *a, **k: real_open(status, *a, **k), raising=False)
    probes = tmp_path / "probes"
    probes.mkdir()
    assert atomic._umask(probes) == 0o027


def test_when_no_probe_can_be_made_the_common_default_is_assumed(tmp_path, umask_027):
    assert atomic._probe_umask(tmp_path / "no such folder") == atomic.DEFAULT_UMASK == 0o022


def test_files_that_are_not_ours_do_not_stop_the_cleaning(tmp_path):
    """Whatever order the folder lists them in, every dead writer's leftover goes."""
    strangers = [leftover(tmp_path, "봄.kpiwiz", f"v{i}") for i in range(5)]
    dead = [leftover(tmp_path, "봄.kpiwiz", GONE_PID + i) for i in range(5)]
    atomic.atomic_write_bytes(tmp_path / "봄.kpiwiz", b"{}")
    assert not any(path.exists() for path in dead)
    assert all(path.exists() for path in strangers)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_is_readable_and_writable_as_the_umask_allows_and_never_executable(tmp_path, mask, mode):
    old = os.umask(mask)
    try:
        atomic.atomic_write_bytes(tmp_path / "봄.kpiwiz", b"{}")
    finally:
        os.umask(old)
    assert os.stat(tmp_path / "봄.kpiwiz").st_mode & 0o777 == mode


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="Linux reports the umask in /proc")
def test_on_linux_the_umask_is_read_without_a_probe_file_in_the_owners_folder(tmp_path, monkeypatch, umask_027):
    def no_probe(folder):
        raise AssertionError(f"a probe file was made in {folder}")

    monkeypatch.setattr(atomic, "_probe_umask", no_probe)
    assert atomic._umask(tmp_path) == 0o027
    atomic.atomic_write_bytes(tmp_path / "봄.kpiwiz", b"{}")
    assert os.stat(tmp_path / "봄.kpiwiz").st_mode & 0o777 == 0o640
