"""The open plan: the one core ``Project`` the views show and edit, with undo and a saved state.

State lives here, never in widget or QWizard fields. A view changes the plan only through
``edit()``, which applies the change to a copy, lets the models refuse bad values (the reason goes
back to the field), and pushes an undo step that swaps whole snapshots: undo can never leave the
plan half-changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from pydantic import ValidationError

from kpiwizard.core.enums import Lang
from kpiwizard.core.models import Project
from kpiwizard.core.text import Text
from kpiwizard.core.validation_messages import describe_validation_error

from .qt import QObject, QUndoCommand, QUndoStack, Signal


def new_project(lang: Lang, today: date | None = None) -> Project:
    """A blank plan starting today and running three months."""
    start = today or date.today()
    project = Project(start=start, end=start + timedelta(days=90))
    project.business.language = lang
    project.business.currency = "KRW" if lang is Lang.KO else "USD"
    project.smart.deadline = project.end
    return project


class _Snapshot(QUndoCommand):
    def __init__(self, doc: "ProjectDocument", before: Project, after: Project, label: str, key: str | None):
        super().__init__(label)
        self._doc, self._before, self._after, self._key = doc, before, after, key
        self._run = doc._run  # the typing run it belongs to: a run ends when focus moves on

    def id(self) -> int:  # Qt merges consecutive commands with the same id
        return -1 if self._key is None else (hash(self._key) & 0x7FFFFFFF)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _Snapshot) or other._key != self._key or self._key is None:
            return False
        if other._run != self._run:
            return False
        self._after = other._after
        return True

    def redo(self) -> None:
        self._doc._set(self._after)

    def undo(self) -> None:
        self._doc.end_typing()  # an undone run is over
        self._doc._set(self._before)


class ProjectDocument(QObject):
    changed = Signal()  # the plan's content changed (edit, undo, redo, open)
    opened = Signal()  # another plan replaced this one: views forget refusals and half-typed text
    path_changed = Signal()
    dirty_changed = Signal(bool)

    def __init__(self, project: Project, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._project = project
        self._path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._run = 0
        self._open_key: str | None = None  # the field whose keystrokes the top undo step holds
        self._open_command: _Snapshot | None = None

    @property
    def project(self) -> Project:
        """The current plan. Treat it as read-only: change it through ``edit``."""
        return self._project

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def edit(
        self, label: Text | str, change: Callable[[Project], None], merge_key: str | None = None,
        lang: Lang = Lang.EN,
    ) -> Text | None:
        """Apply ``change`` to a copy of the plan; returns the reason if the models refuse it.

        A refused keystroke takes back the accepted keystrokes of the same typing run: typing
        "150" into a field that allows at most 100 must not leave 15 in the plan, a number the
        user never meant. The plan goes back to what it held before the run began."""
        candidate = self._project.model_copy(deep=True)
        try:
            change(candidate)
            candidate = Project.model_validate(candidate.model_dump())
        except ValidationError as e:
            self._take_back_run(merge_key)
            return describe_validation_error(e, in_file=False)
        except ValueError as e:
            self._take_back_run(merge_key)
            return Text(ko=str(e), en=str(e))
        if candidate == self._project:
            return None
        text = label.get(lang) if isinstance(label, Text) else label
        starts_run = merge_key is None or merge_key != self._open_key
        if starts_run:
            self.end_typing()
        command = _Snapshot(self, self._project, candidate, text, merge_key)
        if starts_run:
            self._open_command = command  # Qt merges the run's later keystrokes into this one
        self.undo_stack.push(command)
        self._open_key = merge_key
        return None

    def end_typing(self) -> None:
        """Focus moved on: the next edit of the same field starts a new undo step."""
        self._run += 1
        self._open_key = None
        self._open_command = None

    def _take_back_run(self, merge_key: str | None) -> None:
        command = self._open_command
        if merge_key is None or self._open_key != merge_key or command is None:
            return
        # The run's undo step now changes nothing; the next accepted keystroke of the same run
        # merges into it again, so the run stays one undo step.
        command._after = command._before
        self._set(command._before)

    def replace(self, project: Project, path: Path | None, *, dirty: bool = False) -> None:
        """Open another plan: a fresh undo history, clean unless ``dirty`` (recovered work)."""
        self.end_typing()
        self.undo_stack.clear()
        self._project = project
        self._path = path
        self.path_changed.emit()
        self.opened.emit()
        self.changed.emit()
        if dirty:  # an undoable no-op marks the document unsaved
            self.undo_stack.push(_Snapshot(self, project, project, "recover", None))
        self.dirty_changed.emit(self.dirty)

    def mark_saved(self, path: Path) -> None:
        if path != self._path:
            self._path = path
            self.path_changed.emit()
        self.undo_stack.setClean()

    def _on_clean_changed(self, clean: bool) -> None:
        # A bound slot, not a lambda: Qt drops it with the object, so teardown cannot call it.
        self.dirty_changed.emit(not clean)

    def _set(self, project: Project) -> None:
        self._project = project
        self.changed.emit()
