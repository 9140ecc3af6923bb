"""What every wizard page shares: the document it shows, the language, and refresh on change."""

from __future__ import annotations

from kpiwizard.core.text import Text, t

from ..document import ProjectDocument
from ..i18n import Language
from ..qt import QWizardPage
from ..widgets.fields import LIMIT_HINT, DateEdit, TextEdit, clear_marks, pair
from ..widgets.help_button import HelpButton


class PlanPage(QWizardPage):
    """A page reads the plan in ``refresh()`` and writes it only through ``self.doc.edit``.

    Subclasses build their widgets in ``__init__``, set every user-visible string in
    ``retranslate()`` (called again on a language switch) and fill the widgets from
    ``self.doc.project`` in ``refresh()`` (called on every document change, undo included),
    without pushing edits while they do.
    """

    title_text: Text
    subtitle_text: Text | None = None
    step: tuple[int, int] | None = None  # (this step, of how many): set by the wizard

    def __init__(self, doc: ProjectDocument, language: Language):
        super().__init__()
        self.doc = doc
        self.language = language
        self._refreshing = False
        doc.changed.connect(self._on_changed)
        doc.opened.connect(lambda: clear_marks(self))
        language.changed.connect(lambda _lang: self._retranslate_all())

    @property
    def lang(self):
        return self.language.current

    def tr_(self, text: Text) -> str:
        return text.get(self.language.current)

    def edit(self, label: Text, change, merge_key: str | None = None) -> Text | None:
        """Push an edit unless the page is only refreshing its widgets from the model."""
        if self._refreshing:
            return None
        return self.doc.edit(label, change, merge_key, self.lang)

    def start(self) -> None:
        """Call once after the subclass built its widgets."""
        errors = getattr(self, "errors", {})
        fields = {**getattr(self, "fields", {}), **getattr(self, "inputs", {})}
        for key, label in errors.items():
            if key in fields:
                pair(fields[key], label)
        self._retranslate_all()

    def show_title(self) -> None:
        title = self.tr_(self.title_text)
        if self.step is not None:
            n, total = self.step
            title = self.tr_(t(f"{n} / {total} 단계 · {title}", f"Step {n} of {total} · {title}"))
        self.setTitle(title)

    def _retranslate_all(self) -> None:
        self.show_title()
        if self.subtitle_text is not None:
            self.setSubTitle(self.tr_(self.subtitle_text))
        self.retranslate()
        for edit in self.findChildren(DateEdit):
            edit.set_locale_for(self.lang)
        buttons = self.findChildren(HelpButton)
        for text_edit in self.findChildren(TextEdit):  # the limit is said, not discovered
            limit = self.tr_(LIMIT_HINT).format(n=text_edit.limit)
            said = text_edit.toolTip()
            if limit in said:
                continue
            full = f"{said} ({limit})".strip()
            # Everywhere the field's help is given: hover, screen reader, Shift+F1 and its "?".
            text_edit.setToolTip(full)
            text_edit.setAccessibleDescription(full)
            text_edit.setWhatsThis(full)
            for button in buttons:
                if said and button.toolTip() == said:
                    button.set_help(full, text_edit.accessibleName())
        self._on_changed()

    def _on_changed(self) -> None:
        self._refreshing = True
        try:
            self.refresh()
        finally:
            self._refreshing = False
        for edit in self.findChildren(DateEdit):  # an empty date opens on the plan, not 2000
            edit.set_near(self.doc.project.start)

    def retranslate(self) -> None:  # pragma: no cover - every page overrides
        raise NotImplementedError

    def refresh(self) -> None:  # pragma: no cover - every page overrides
        raise NotImplementedError
