"""The nine steps in order, as one QWizard embedded in the main window. No business rule here.

``IndependentPages`` keeps Back from resetting a page: the plan lives in the document, not in
the pages, and going back must never lose what the owner typed.
"""

from __future__ import annotations

from kpiwizard.core.text import t

from .document import ProjectDocument
from .i18n import Language
from .pages.actions_roi import ActionsRoiPage
from .pages.base import PlanPage
from .pages.business import BusinessPage
from .pages.business_goal import BusinessGoalPage
from .pages.kpis import KpisPage
from .pages.review_export import ReviewExportPage
from .pages.smart_goal import SmartGoalPage
from .pages.start import StartPage
from .pages.strategy_map import StrategyMapPage
from .pages.targets import TargetsPage
from .qt import Qt, QWizard, Signal

BUTTON_TEXTS = {
    QWizard.WizardButton.BackButton: t("< 이전(&B)", "< &Back"),
    QWizard.WizardButton.NextButton: t("다음(&N) >", "&Next >"),
    QWizard.WizardButton.FinishButton: t("저장(&S)", "&Save plan"),
    QWizard.WizardButton.CommitButton: t("확정(&C)", "&Commit"),
}


class PlanWizard(QWizard):
    """Finish asks the window to save instead of closing; Escape does nothing inside the window."""

    finish_requested = Signal()

    def __init__(self, doc: ProjectDocument, language: Language, parent=None):
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setOption(QWizard.WizardOption.IndependentPages, True)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.language = language
        self.start_page = StartPage(doc, language)
        self.business_page = BusinessPage(doc, language)
        self.business_goal_page = BusinessGoalPage(doc, language)
        self.review_page = ReviewExportPage(doc, language)
        self.plan_pages: list[PlanPage] = [
            self.start_page, self.business_page, self.business_goal_page,
            SmartGoalPage(doc, language), KpisPage(doc, language), TargetsPage(doc, language),
            StrategyMapPage(doc, language), ActionsRoiPage(doc, language),
            self.review_page,
        ]
        steps = self.plan_pages[1:]  # the start page is not a step of the plan
        for page in self.plan_pages:
            if page in steps:
                page.step = (steps.index(page) + 1, len(steps))
                page.show_title()
            self.addPage(page)
        language.changed.connect(lambda _lang: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        for button, text in BUTTON_TEXTS.items():
            self.setButtonText(button, text.get(self.language.current))

    def go_to(self, page: PlanPage) -> None:
        """Jump to a page (Independent pages: nothing is reset on the way)."""
        target = self.plan_pages.index(page)
        self.restart()
        while self.currentId() < target:
            self.next()

    def accept(self) -> None:
        self.finish_requested.emit()

    def reject(self) -> None:
        """Escape inside the window must not hide the wizard."""

    def done(self, result: int) -> None:
        """The wizard is part of the window: it never closes itself."""
