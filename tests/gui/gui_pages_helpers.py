"""Helpers shared by the page tests (pages 4-8 and the Progress view): a document and a language."""

from __future__ import annotations

from gui_keyboard import type_into  # noqa: F401  (typing as a keyboard does)

from kpiwizard.core.enums import Lang
from kpiwizard.core.examples import find_example
from kpiwizard.gui.document import ProjectDocument
from kpiwizard.gui.i18n import Language

_KEEP: list = []  # documents outlive their test, so no view outlives its document


def open_example(qtbot, page_class, example: str = "cafe", lang: Lang = Lang.KO):
    """(doc, language, page) for a page built on one of the shipped examples."""
    return open_project(qtbot, page_class, find_example(example).load(), lang)


def open_project(qtbot, page_class, project, lang: Lang = Lang.KO):
    doc = ProjectDocument(project)
    language = Language(lang)
    _KEEP.append((doc, language))
    page = page_class(doc, language)
    qtbot.addWidget(page)
    return doc, language, page
