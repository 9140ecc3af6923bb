"""The main window: menus, title, file handling and the prompt before losing work. Thin by design.

It hosts the wizard and the Progress view and wires the user's commands (New, Open, Save, Undo,
Language...) to the document; the pages do the rest.
"""

from __future__ import annotations

from pathlib import Path

from kpiwizard.core.enums import Lang
from kpiwizard.core.errors import UserError
from kpiwizard.core.projectfile import EXTENSION, load_project, save_project
from kpiwizard.core.text import Text, t

from . import dialogs
from .autosave import Autosave, find_orphans
from .document import ProjectDocument, new_project
from .i18n import Language
from .progress_view import ProgressView
from .qt import (
    QAction,
    QActionGroup,
    QApplication,
    QByteArray,
    QKeySequence,
    QMainWindow,
    QMenu,
    QStandardPaths,
    QTabWidget,
    Qt,
)
from .settings import Settings
from .widgets.wheel_guard import WheelGuard
from .wizard import PlanWizard

APP_NAME = t("KPI 마법사", "KPI Wizard")
UNTITLED = t("제목 없음", "Untitled")
FILE_FILTER = t("KPI 마법사 계획 (*.kpiwiz);;모든 파일 (*)", "KPI Wizard plans (*.kpiwiz);;All files (*)")
UNSAVED = t("'{name}'에 저장하지 않은 변경 내용이 있습니다. 저장할까요?",
            "'{name}' has unsaved changes. Save them?")
MIGRATED = t("이 파일은 이전 형식(버전 {v})입니다. 저장하면 새 형식으로 바뀌고, 원본은 백업으로 남습니다.",
             "This file is in an older format (version {v}). Saving converts it and keeps the original as a backup.")
RECOVER = t("지난번에 프로그램이 정상적으로 닫히지 않아 저장하지 않은 계획이 남아 있습니다({name}). 복구할까요?",
            "The program did not close normally last time and an unsaved plan was left behind ({name}). Recover it?")


def guide_path() -> Path | None:
    """The owners' guide, from a wheel (kpiwizard/docs) or a checkout (docs/)."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "docs" / "guide-ko.md", package.parent / "docs" / "guide-ko.md"):
        if candidate.is_file():
            return candidate
    return None


class MainWindow(QMainWindow):
    def __init__(self, language: Language, settings: Settings, autosave_folder: Path | None = None):
        super().__init__()
        self.language = language
        self.settings = settings
        self.doc = ProjectDocument(new_project(language.current), None, self)
        self.autosave = Autosave(self.doc, autosave_folder, self)
        self.wizard = PlanWizard(self.doc, language, self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.wizard, "")
        self.progress_view = ProgressView(self.doc, language)
        self.tabs.addTab(self.progress_view, "")
        self.setCentralWidget(self.tabs)
        self._build_actions()
        self._build_menus()

        start = self.wizard.start_page
        start.new_requested.connect(self.new_plan)
        start.open_requested.connect(lambda: self.open_plan())
        start.recent_chosen.connect(lambda p: self.open_plan(Path(p)))
        start.example_chosen.connect(self.open_example)
        start.guide_requested.connect(self.open_guide)
        self.wizard.finish_requested.connect(self.save)

        # A new field, a new undo step: typing runs end when focus moves on.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
            self.wheel_guard = WheelGuard(self)
            app.installEventFilter(self.wheel_guard)
        self.doc.dirty_changed.connect(lambda _d: self._update_title())
        self.doc.path_changed.connect(self._update_title)
        self.doc.changed.connect(self._update_progress_tab)
        self.doc.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.doc.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        # Straight to the actions (no lambda): the stack signals while it is being destroyed.
        self.doc.undo_stack.undoTextChanged.connect(self.undo_action.setStatusTip)
        self.doc.undo_stack.redoTextChanged.connect(self.redo_action.setStatusTip)
        language.changed.connect(lambda _lang: self.retranslate())

        self.resize(1100, 780)
        geometry = settings.value("window/geometry", QByteArray(), QByteArray)
        if geometry is not None and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self._refresh_recent()
        self.retranslate()
        self._update_progress_tab()

    def _focus_moved(self, _old, _new) -> None:
        self.doc.end_typing()

    # -- actions and menus --------------------------------------------------------------------

    def _action(self, shortcut=None, slot=None, checkable: bool = False) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        action.setCheckable(checkable)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.new_action = self._action(K.New, self.new_plan)
        self.open_action = self._action(K.Open, self.open_plan)
        self.save_action = self._action(K.Save, self.save)
        self.save_as_action = self._action(K.SaveAs, self.save_as)
        self.quit_action = self._action(K.Quit, self.close)
        self.undo_action = self._action(K.Undo, self.doc.undo_stack.undo)
        self.redo_action = self._action(K.Redo, self.doc.undo_stack.redo)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.export_actions = {key: self._action(None, lambda k=key: self.export(k)) for key in ("xlsx", "pdf", "ics")}
        self.wizard_action = self._action("Ctrl+1", lambda: self.tabs.setCurrentIndex(0))
        self.progress_action = self._action("Ctrl+2", self.show_progress)
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for lang in (Lang.KO, Lang.EN):
            action = self._action(None, lambda lang=lang: self.set_language(lang), checkable=True)
            self.language_group.addAction(action)
            self.language_actions[lang] = action
        self.guide_action = self._action(K.HelpContents, self.open_guide)
        self.about_action = self._action(None, self.about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.recent_menu = QMenu(self)
        self.export_menu = QMenu(self)
        self.file_menu.addActions([self.new_action, self.open_action])
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save_action, self.save_as_action])
        self.file_menu.addMenu(self.export_menu)
        self.export_menu.addActions(list(self.export_actions.values()))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions([self.wizard_action, self.progress_action])
        self.view_menu.addSeparator()
        self.language_menu = QMenu(self)
        self.language_menu.addActions(list(self.language_actions.values()))
        self.view_menu.addMenu(self.language_menu)
        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([self.guide_action, self.about_action])

    def retranslate(self) -> None:
        tr = self.tr_
        dialogs.ui.title = tr(APP_NAME)
        names = [
            (self.file_menu, t("파일(&F)", "&File")), (self.edit_menu, t("편집(&E)", "&Edit")),
            (self.view_menu, t("보기(&V)", "&View")), (self.help_menu, t("도움말(&H)", "&Help")),
            (self.recent_menu, t("최근 파일(&R)", "Open &recent")), (self.export_menu, t("내보내기(&X)", "E&xport")),
            (self.language_menu, t("언어(&L) / Language", "&Language / 언어")),
        ]
        for menu, text in names:
            menu.setTitle(tr(text))
        actions = [
            (self.new_action, t("새 계획(&N)", "&New plan"), t("빈 계획으로 시작합니다.", "Start an empty plan.")),
            (self.open_action, t("열기(&O)...", "&Open..."), t("저장한 계획 파일을 엽니다.", "Open a saved plan file.")),
            (self.save_action, t("저장(&S)", "&Save"), t("계획을 파일에 저장합니다.", "Save the plan to its file.")),
            (self.save_as_action, t("다른 이름으로 저장(&A)...", "Save &as..."),
             t("계획을 새 파일로 저장합니다.", "Save the plan under a new name.")),
            (self.quit_action, t("끝내기(&Q)", "&Quit"), t("프로그램을 닫습니다.", "Close the program.")),
            (self.undo_action, t("되돌리기(&U)", "&Undo"), t("마지막 변경을 취소합니다.", "Take back the last change.")),
            (self.redo_action, t("다시 실행(&R)", "&Redo"), t("취소한 변경을 다시 적용합니다.", "Apply the undone change again.")),
            (self.export_actions["xlsx"], t("Excel 추적표(&X)...", "E&xcel tracker..."),
             t("실적을 적을 Excel 추적표를 만듭니다.", "Make the Excel tracker.")),
            (self.export_actions["pdf"], t("PDF 계획서(&P)...", "&PDF plan..."),
             t("인쇄용 PDF 계획서를 만듭니다.", "Make the printable PDF plan.")),
            (self.export_actions["ics"], t("점검 일정 캘린더(&C)...", "Review &calendar..."),
             t("점검 날짜를 캘린더 파일(.ics)로 만듭니다.", "Make the check-in calendar (.ics).")),
            (self.wizard_action, t("계획 마법사(&W)", "Plan &wizard"), t("계획 단계로 갑니다.", "Go to the planning steps.")),
            (self.progress_action, t("진행 상황(&G)", "Pro&gress"),
             t("실적을 입력하고 KPI가 순항 중인지 봅니다.", "Enter actuals and see whether each KPI is on track.")),
            (self.language_actions[Lang.KO], t("한국어", "한국어 (Korean)"), t("화면을 한국어로 봅니다.", "Show the program in Korean.")),
            (self.language_actions[Lang.EN], t("English (영어)", "English"), t("화면을 영어로 봅니다.", "Show the program in English.")),
            (self.guide_action, t("사용 안내서(&G)", "&Guide (Korean)"), t("사장님을 위한 안내서를 엽니다.", "Open the owners' guide.")),
            (self.about_action, t("KPI 마법사 정보(&A)", "&About KPI Wizard"), t("프로그램 정보", "About the program")),
        ]
        for action, text, tip in actions:
            action.setText(tr(text))
            action.setToolTip(tr(tip))
            action.setStatusTip(tr(tip))
        self.language_actions[self.language.current].setChecked(True)
        self.tabs.setTabText(0, tr(t("계획 마법사", "Plan wizard")))
        self.tabs.setTabToolTip(0, tr(t("단계별로 계획을 세웁니다.", "Build the plan step by step.")))
        self.tabs.setTabText(1, tr(t("진행 상황", "Progress")))
        self.tabs.setTabToolTip(1, tr(t("실적과 KPI 상태 (계획에 KPI가 있어야 합니다)",
                                        "Actuals and KPI status (the plan needs KPIs first)")))
        self.tabs.setAccessibleName(tr(t("작업 영역", "Work area")))
        self._update_title()
        self._refresh_recent()

    def tr_(self, text: Text) -> str:
        return text.get(self.language.current)

    # -- title, recent files, progress tab ----------------------------------------------------

    def display_name(self) -> str:
        return self.doc.path.name if self.doc.path else self.tr_(UNTITLED)

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.display_name()}[*] — {self.tr_(APP_NAME)}")
        self.setWindowModified(self.doc.dirty)

    def _refresh_recent(self) -> None:
        recent = self.settings.recent_files()
        self.recent_menu.clear()
        for path in recent:
            action = self.recent_menu.addAction(f"{path.name}  ({path.parent})")
            action.triggered.connect(lambda _c=False, p=path: self.open_plan(p))
        self.recent_menu.setEnabled(bool(recent))
        self.wizard.start_page.set_recent(recent)

    def _update_progress_tab(self) -> None:
        has_kpis = bool(self.doc.project.kpis)
        self.tabs.setTabEnabled(1, has_kpis)
        self.progress_action.setEnabled(has_kpis)

    def show_progress(self) -> None:
        if self.tabs.isTabEnabled(1):
            self.tabs.setCurrentIndex(1)

    # -- files --------------------------------------------------------------------------------

    def keep_or_discard_changes(self) -> bool:
        """True when it is safe to replace the open plan (saved, discarded, or nothing to lose)."""
        if not self.doc.dirty:
            return True
        answer = dialogs.ui.confirm_discard(self, self.tr_(UNSAVED).format(name=self.display_name()))
        if answer == dialogs.SAVE:
            return self.save()
        return answer == dialogs.DISCARD

    def new_plan(self) -> bool:
        if not self.keep_or_discard_changes():
            return False
        self.doc.replace(new_project(self.language.current), None)
        self.wizard.go_to(self.wizard.business_page)
        self.wizard.business_page.fields["title"].setFocus(Qt.FocusReason.OtherFocusReason)  # type at once
        return True

    def _folder(self) -> str:
        return self.settings.last_folder() or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)

    def open_plan(self, path: Path | None = None) -> bool:
        """Open a plan file; a file that cannot be read is reported and left untouched."""
        if not self.keep_or_discard_changes():
            return False
        if path is None:
            path = dialogs.ui.open_file(self, self.tr_(t("계획 열기", "Open plan")), self._folder(), self.tr_(FILE_FILTER))
            if path is None:
                return False
        try:
            loaded = load_project(path)
        except UserError as e:
            dialogs.ui.error(self, e.message(self.language.current))
            if not Path(path).exists():
                self.settings.remove_recent(Path(path))
                self._refresh_recent()
            return False
        self.doc.replace(loaded.project, Path(path))
        self._remember(Path(path))
        if loaded.migrated_from is not None:
            dialogs.ui.info(self, self.tr_(MIGRATED).format(v=loaded.migrated_from))
        self.wizard.go_to(self.wizard.business_page)
        return True

    def open_example(self, name: str) -> bool:
        from kpiwizard.core.examples import find_example

        example = find_example(name)
        if example is None or not self.keep_or_discard_changes():
            return False
        try:
            project = example.load()
        except UserError as e:
            dialogs.ui.error(self, e.message(self.language.current))
            return False
        self.doc.replace(project, None)
        self.wizard.go_to(self.wizard.business_page)
        return True

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        return self._write(self.doc.path)

    def save_as(self) -> bool:
        suggested = self.doc.path or Path(self._folder()) / (
            (self.doc.project.business.name.strip() or self.tr_(UNTITLED)) + EXTENSION)
        path = dialogs.ui.save_file(self, self.tr_(t("다른 이름으로 저장", "Save as")), str(suggested),
                                    self.tr_(FILE_FILTER))
        if path is None:
            return False
        if not path.suffix:
            path = path.with_suffix(EXTENSION)
        return self._write(path)

    def _write(self, path: Path) -> bool:
        try:
            backup = save_project(path, self.doc.project)
        except UserError as e:
            dialogs.ui.error(self, e.message(self.language.current))
            return False
        self.doc.mark_saved(path)
        self._remember(path)
        if backup is not None:
            self.statusBar().showMessage(self.tr_(t("이전 형식 백업: ", "Older-format backup: ")) + backup.name, 8000)
        else:
            self.statusBar().showMessage(self.tr_(t("저장했습니다: ", "Saved: ")) + path.name, 4000)
        return True

    def _remember(self, path: Path) -> None:
        self.settings.add_recent(path)
        self.settings.set_last_folder(path.resolve().parent)
        self._refresh_recent()

    def export(self, key: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.wizard.go_to(self.wizard.review_page)
        self.wizard.review_page.export(key)

    # -- language, help, recovery, closing ----------------------------------------------------

    def set_language(self, lang: Lang) -> None:
        self.settings.set_language(lang)
        self.language.set(lang)

    def open_guide(self) -> None:
        """The owners' guide, shown inside the app (Qt renders its Markdown)."""
        path = guide_path()
        try:
            text = path.read_text(encoding="utf-8") if path is not None else None
        except (OSError, UnicodeDecodeError):
            text = None
        if text is None:
            dialogs.ui.error(self, self.tr_(t("안내서 파일을 찾지 못했습니다. 프로그램을 다시 설치해 보세요.",
                                              "The guide's file is missing; try installing the program again.")))
            return
        dialogs.ui.show_document(self, self.tr_(t("사용 안내서", "Owners' guide (Korean)")), text)

    def about(self) -> None:
        from kpiwizard import __version__

        dialogs.ui.info(self, self.tr_(t(
            "KPI 마법사 {v}\n소상공인을 위한 SNS 목표, SMART 목표, KPI 계획 도구입니다.\n"
            "글꼴: 나눔고딕 (SIL Open Font License).",
            "KPI Wizard {v}\nSocial-media goals, SMART targets and KPI tracking for small businesses.\n"
            "Font: NanumGothic (SIL Open Font License).")).format(v=__version__))

    def offer_recovery(self) -> bool:
        """After a crash: offer the newest autosave left behind; True when one was recovered."""
        for orphan in find_orphans(self.autosave.folder):
            name = orphan.original.name if orphan.original else self.tr_(UNTITLED)
            if not dialogs.ui.ask(self, self.tr_(RECOVER).format(name=name)):
                orphan.discard()
                continue
            try:
                project = orphan.load()
            except UserError as e:
                dialogs.ui.error(self, e.message(self.language.current))
                orphan.discard()
                continue
            self.doc.replace(project, orphan.original, dirty=True)
            orphan.discard()
            self.autosave.save_now()
            self.wizard.go_to(self.wizard.business_page)
            return True
        return False

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.keep_or_discard_changes():
            event.ignore()
            return
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.sync()
        self.autosave.stop()
        event.accept()
