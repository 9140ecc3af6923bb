"""The one way the program writes a file: all of the new content, or the old file untouched.

Write to a temporary file in the same folder, flush, fsync, then rename over the target (atomic on
POSIX and on Windows' ReplaceFile semantics used by ``os.replace``), then fsync the folder so the
rename itself survives a power cut.

A process killed mid-save leaves its temporary file behind (never the target). The temporary
name carries the writer's process id, so the next save removes leftovers whose writer is gone
instead of letting them pile up beside the user's plan.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    atomic_write(path, lambda f: f.write(data))


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(path, text.encode())  # UTF-8


def atomic_write(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> None:
    """Call ``write`` with a binary file object, then move the result into place."""
    target = Path(path)
    folder = target.parent  # Path("plan.kpiwiz").parent is Path("."): never empty
    _remove_stale_temporaries(folder, target.name)
    fd, tmp_name = tempfile.mkstemp(prefix=f"{_temp_prefix(target.name)}{os.getpid()}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        if target.exists():
            try:
                os.chmod(tmp_name, target.stat().st_mode & 0o777)
            except OSError:
                pass
        else:
            os.chmod(tmp_name, 0o666 & ~_umask(folder))
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    _fsync_dir(folder)


STALE_AFTER_SECONDS = 24 * 3600  # where a writer's liveness cannot be asked (Windows)


def _temp_prefix(name: str) -> str:
    return f".{name}."


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """Delete our temporary files for ``name`` whose writing process no longer exists."""
    prefix = _temp_prefix(name)
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(prefix) and e.name.endswith(".tmp")]
    except OSError:
        return
    for entry in entries:
        pid_text = entry.name[len(prefix):].partition(".")[0]
        if not pid_text.isdigit():
            continue  # not one of ours
        try:
            if _writer_gone(int(pid_text), entry.stat().st_mtime):
                os.unlink(entry.path)
        except OSError:
            pass


def _writer_gone(pid: int, mtime: float) -> bool:
    if time.time() - mtime > STALE_AFTER_SECONDS:
        return True
    if os.name != "posix" or pid == os.getpid():
        return False  # our own: maybe another thread's save in progress
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, owned by someone else
    return False


def _umask(folder: Path) -> int:
    """The process umask, read without changing it.

    ``os.umask`` can only read the mask by setting a new one; setting it to 0 for a moment would
    let a file another thread creates in that moment (an export runs beside a save) be
    world-writable. Linux reports the mask in /proc/self/status; elsewhere a probe file is created
    in ``folder`` with mode 0o777 and the kernel's cut is read from it.
    """
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"Umask:"):
                    return int(line.split()[1], 8) & 0o777
    except (OSError, ValueError, IndexError):
        pass
    return _probe_umask(folder)


DEFAULT_UMASK = 0o022  # when the mask cannot be read at all: the common default


def _probe_umask(folder: Path) -> int:
    if os.name != "posix":
        return 0  # Windows keeps only a read-only bit: nothing to mask
    probe = folder / f".kpiwizard-umask.{os.getpid()}.{threading.get_ident()}.{time.monotonic_ns()}.tmp"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o777)
    except OSError:
        return DEFAULT_UMASK
    try:
        return 0o777 & ~os.fstat(fd).st_mode  # fstat of a descriptor just opened does not fail
    finally:
        os.close(fd)
        try:
            os.unlink(probe)
        except OSError:
            pass


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
