"""Errors the user can act on: each carries its message in Korean and English.

Anything raised as a ``UserError`` is shown to the user as its message (a dialog, or a line on
standard error with exit code 2); everything else is a bug.
"""

from __future__ import annotations

from .enums import Lang
from .text import Text


class UserError(Exception):
    def __init__(self, message: Text):
        super().__init__(message.en)
        self.text = message

    def message(self, lang: Lang | str) -> str:
        return self.text.get(lang)


class ProjectFileError(UserError):
    """A project file that cannot be read, parsed, migrated or validated."""


class ExportError(UserError):
    """An export that could not be written (disk full, folder read-only...)."""


class TrackerImportError(UserError):
    """A tracker whose actuals cannot be read back."""
