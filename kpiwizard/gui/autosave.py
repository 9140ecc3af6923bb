"""Autosave: the open plan copied to the user data folder, so a crash loses a minute at most.

Each session writes ``autosave/<session>.kpiwiz`` (through the core's atomic ``save_project``) and
``<session>.json`` naming the file it belongs to, and holds ``<session>.lock`` while it runs. A
copy whose lock is gone or stale belongs to a session that did not exit cleanly: the next start
offers to recover it. A clean save or exit deletes the session's copy.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from kpiwizard.core.errors import UserError
from kpiwizard.core.models import Project
from kpiwizard.core.projectfile import load_project, save_project, write_file

from .document import ProjectDocument
from .qt import QLockFile, QObject, QStandardPaths, QTimer

DEBOUNCE_MS = 3_000
INTERVAL_MS = 60_000


def autosave_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "autosave"


@dataclass(frozen=True)
class Orphan:
    """An autosave left by a session that ended without cleaning up."""

    copy: Path
    original: Path | None

    def load(self) -> Project:
        return load_project(self.copy).project

    def discard(self) -> None:
        for p in _session_files(self.copy):
            p.unlink(missing_ok=True)


def _session_files(copy: Path) -> list[Path]:
    return [copy, copy.with_suffix(".json"), copy.with_suffix(".lock")]


def find_orphans(folder: Path | None = None) -> list[Orphan]:
    """Copies from crashed sessions that are newer than the file they belong to, newest first.

    Stale ones (the file was saved after the copy) are deleted on the way.
    """
    folder = folder or autosave_folder()
    found: list[tuple[float, Orphan]] = []
    for copy in folder.glob("*.kpiwiz") if folder.is_dir() else []:
        lock = QLockFile(str(copy.with_suffix(".lock")))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):  # a running session (this one or another window) owns it
            continue
        lock.unlock()
        try:
            meta = json.loads(copy.with_suffix(".json").read_text(encoding="utf-8"))
            original = Path(meta["original"]) if meta.get("original") else None
        except (OSError, ValueError, KeyError, TypeError):
            original = None
        orphan = Orphan(copy, original)
        try:
            mtime = copy.stat().st_mtime
        except OSError:
            continue
        if original is not None and original.exists() and original.stat().st_mtime >= mtime:
            orphan.discard()
            continue
        found.append((mtime, orphan))
    return [o for _, o in sorted(found, key=lambda x: -x[0])]


class Autosave(QObject):
    """Writes the document's unsaved state after each change (debounced) and every minute."""

    def __init__(self, doc: ProjectDocument, folder: Path | None = None, parent: QObject | None = None,
                 debounce_ms: int = DEBOUNCE_MS, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.doc = doc
        self.folder = folder or autosave_folder()
        self.copy = self.folder / f"{uuid.uuid4().hex}.kpiwiz"
        self.last_error: UserError | None = None
        self._lock: QLockFile | None = None
        self._debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self._debounce.timeout.connect(self.save_now)
        self._periodic = QTimer(self, interval=interval_ms)
        self._periodic.timeout.connect(self.save_now)
        self._periodic.start()
        doc.changed.connect(self._debounce.start)
        doc.dirty_changed.connect(self._on_dirty)

    def _on_dirty(self, dirty: bool) -> None:
        if not dirty:  # saved (or back to the saved state): nothing left to recover
            self.remove()

    def save_now(self) -> None:
        self._debounce.stop()
        if not self.doc.dirty:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if self._lock is None:
                lock = QLockFile(str(self.copy.with_suffix(".lock")))
                lock.setStaleLockTime(0)
                if lock.tryLock(0):
                    self._lock = lock
            original = str(self.doc.path) if self.doc.path else None
            write_file(self.copy.with_suffix(".json"), json.dumps({"original": original, "pid": os.getpid()}))
            save_project(self.copy, self.doc.project)
            self.last_error = None
        except UserError as e:  # a full disk must not interrupt the user's typing
            self.last_error = e
        except OSError as e:
            self.last_error = UserError(_os_text(e))

    def remove(self) -> None:
        self._debounce.stop()
        for p in _session_files(self.copy)[:2]:
            p.unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def stop(self) -> None:
        """Clean exit: the copy goes, the timers stop."""
        self._periodic.stop()
        self.remove()


def _os_text(e: OSError):
    from kpiwizard.core.text import t

    return t(f"자동 저장에 실패했습니다: {e.strerror or e}", f"Autosave failed: {e.strerror or e}")
