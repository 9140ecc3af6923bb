"""The Progress view: record actuals (typed, imported from the tracker or from the platforms' own
downloads, or copied in the monthly check-in), see each KPI's status with its reason, pace and
forecast, apply the core's remedies to a KPI that is behind or missed with one click, and make the
one-page monthly report.

Every write is one ``doc.edit`` (one Undo step); files are read and reports built off the UI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kpiwizard.core.enums import Lang, Status
from kpiwizard.core.errors import UserError
from kpiwizard.core.formatting import format_number, format_percent, format_value
from kpiwizard.core.kpiview import view_kpis
from kpiwizard.core.models import Project
from kpiwizard.core.progress import evaluate, forecast_text, kpi_periods, overall_score, status_reason
from kpiwizard.core.remedies import Remedy, applied_text, apply_remedy, suggest
from kpiwizard.core.vocab import STATUS_NAMES
from kpiwizard.core.schedule import Period
from kpiwizard.core.text import Text, t

from . import dialogs
from .document import ProjectDocument
from .export_runner import KINDS, ExportRunner, TaskRunner
from .i18n import Language
from .qt import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLocale,
    QPushButton,
    QScrollArea,
    QStandardPaths,
    QUrl,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from .widgets.fields import NOT_A_NUMBER, ErrorLabel, clear_marks, parse_number, report
from .widgets.help_button import describe
from .widgets.tables import set_cell
from .widgets.trajectory_chart import TrajectoryChart, chart_data

ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_COLUMNS = [
    t("KPI", "KPI"), t("상태", "Status"), t("진척", "Progress"), t("속도", "Pace"),
    t("최근 값", "Latest"), t("마감일 예측", "Forecast"),  # short: the KPI's name needs the width
]
STATUS_MARKS = {Status.NO_DATA: "○", Status.TOO_EARLY: "○", Status.STALE: "◌", Status.ON_TRACK: "●",
                Status.REACHED: "●", Status.BEHIND: "▲", Status.OFF_TRACK: "▼", Status.MISSED: "✖"}
APPLY = t("적용(&{n})", "Apply &{n}")  # numbered: each suggestion has its own Alt+digit
PLATFORM_FILTER = t("플랫폼에서 내려받은 파일 (*.csv *.zip *.xls *.xlsx *.txt);;모든 파일 (*)",
                    "Platform downloads (*.csv *.zip *.xls *.xlsx *.txt);;All files (*)")
REPORT_WORD = t("월간보고서", "monthly-report")  # 카페봄-2026-03-월간보고서.pdf


def days_in(project: Project, kpi_id: str, period: Period) -> list[date]:
    """Recorded days that fall in ``period`` (the tracker import reads the period the same way)."""
    return sorted(d for d in project.actuals.get(kpi_id, {}) if period.start <= d <= period.end)


def set_actual(project: Project, kpi_id: str, period: Period, value: float | None) -> None:
    """Record ``value`` for the period (on its latest recorded day, else its first day); None clears it."""
    series = dict(project.actuals.get(kpi_id, {}))
    days = days_in(project, kpi_id, period)
    if value is None:
        for d in days:
            del series[d]
    else:
        series[days[-1] if days else period.start] = value
    actuals = dict(project.actuals)
    if series:
        actuals[kpi_id] = dict(sorted(series.items()))
    else:
        actuals.pop(kpi_id, None)
    project.actuals = actuals


def _take(candidate: Project, other: Project) -> None:
    """Make ``candidate`` equal to ``other`` in one step (field-by-field assignment could pass through
    states the cross-reference check refuses); ``doc.edit`` validates the result as a whole."""
    candidate.__dict__.update(other.model_copy(deep=True).__dict__)


def _is_tracker(path: Path) -> bool:
    """KPI Wizard's own tracker (its hidden sheet), told from a platform's .xlsx without loading it."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            return "_kpiwizard" in z.read("xl/workbook.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False


class ProgressView(QWidget):
    """Reads the plan from ``doc`` on every change and writes it only through ``doc.edit``."""

    def __init__(self, doc: ProjectDocument, language: Language, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc, self.language = doc, language
        self._refreshing = False
        self._remedies: list[Remedy] = []
        self._status: Status | None = None
        self.remedy_buttons: list[QPushButton] = []
        self.remedy_labels: list[QLabel] = []

        self.import_button = QPushButton()  # the tracker
        self.platform_button = QPushButton()
        self.checkin_button = QPushButton()
        self.checkin_hint = QLabel()  # how many of the month's hand-copied numbers are still missing
        self.checkin_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.month_label = QLabel()
        self.month = QComboBox()
        self.month_label.setBuddy(self.month)
        self.report_button = QPushButton()
        self.import_result = QLabel()
        self.import_result.setWordWrap(True)
        self.import_result.setTextFormat(Qt.TextFormat.PlainText)
        self.import_error = ErrorLabel()
        self.score = QLabel()
        font = self.score.font()
        font.setBold(True)
        self.score.setFont(font)
        top = QHBoxLayout()  # bringing numbers in
        for button in (self.import_button, self.platform_button, self.checkin_button):
            button.setAutoDefault(False)
            top.addWidget(button)
        top.addWidget(self.checkin_hint)
        top.addStretch(1)
        month_row = QHBoxLayout()  # the month: its report, and the overall score
        month_row.addWidget(self.month_label)
        month_row.addWidget(self.month)
        month_row.addWidget(self.report_button)
        month_row.addStretch(1)
        month_row.addWidget(self.score)
        self.setAcceptDrops(True)  # the platforms' downloads may be dropped anywhere on the view
        self.reader = TaskRunner(self)  # reads dropped or chosen files off the UI thread
        self.reader.finished.connect(self._on_planned)
        self.reader.failed.connect(self._on_plan_failed)
        self._import_paths: list[Path] = []
        self._import_mappings: dict[str, str] = {}
        self._import_plan = ""
        self.preview = None  # the last import preview shown (kpiwizard.core.aggregate.ImportPreview)
        self.runner = ExportRunner(self)  # the monthly report
        self.runner.started.connect(lambda _k: self._report_busy(True))
        self.runner.finished.connect(self._on_report_saved)
        self.runner.failed.connect(self._on_report_failed)

        self.status_table = QTableWidget(0, len(STATUS_COLUMNS))
        self.status_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.status_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.status_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.status_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.status_table.verticalHeader().hide()
        # a long name wraps at its words onto a taller row instead of being cut; the tooltip has it whole
        self.status_table.setWordWrap(True)
        self.status_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.status_table.setTabKeyNavigation(False)

        self.actuals_box = QGroupBox()
        self.actuals = QTableWidget(0, 2)
        self.actuals.verticalHeader().hide()
        self.actuals.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.actuals.setTabKeyNavigation(False)
        self.actuals_error = ErrorLabel()
        abl = QVBoxLayout(self.actuals_box)
        abl.addWidget(self.actuals, 1)
        abl.addWidget(self.actuals_error)

        self.chart_box = QGroupBox()
        self.chart = TrajectoryChart()
        self.status_detail = QLabel()  # the selected KPI's status, why, and the forecast in words
        self.status_detail.setWordWrap(True)
        self.status_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.status_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        cbl = QVBoxLayout(self.chart_box)
        cbl.addWidget(self.chart, 1)
        cbl.addWidget(self.status_detail)
        self.month_box = QGroupBox()  # the chosen month at a glance: what the monthly report prints
        self.month_summary = QLabel()
        self.month_summary.setWordWrap(True)
        self.month_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.month_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.month_box).addWidget(self.month_summary)
        self.remedy_box = QGroupBox()
        self._remedy_layout = QVBoxLayout(self.remedy_box)
        self.remedy_empty = QLabel()
        self.remedy_empty.setWordWrap(True)
        self._remedy_layout.addWidget(self.remedy_empty)
        self._remedy_layout.addStretch(1)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.status_table)
        left.addWidget(self.actuals_box)
        right_body = QWidget()
        rl = QVBoxLayout(right_body)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.chart_box, 3)
        rl.addWidget(self.month_box)
        rl.addWidget(self.remedy_box, 2)
        right = QScrollArea()
        right.setWidgetResizable(True)
        right.setFrameShape(QFrame.Shape.NoFrame)
        right.setWidget(right_body)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(month_row)
        layout.addWidget(self.import_result)
        layout.addWidget(self.import_error)
        layout.addWidget(splitter, 1)

        # clicked(bool) would arrive as the path: the button asks for the file.
        self.import_button.clicked.connect(lambda _checked=False: self.import_tracker())
        self.platform_button.clicked.connect(lambda _checked=False: self.import_platform_files())
        self.checkin_button.clicked.connect(lambda _checked=False: self.monthly_checkin())
        self.report_button.clicked.connect(lambda _checked=False: self.monthly_report())
        self.status_table.currentCellChanged.connect(lambda *_: self._show_kpi())
        self.month.currentIndexChanged.connect(lambda _i: self._show_checkin_hint())
        self.month.currentIndexChanged.connect(lambda _i: self._show_month())
        self.actuals.itemChanged.connect(self._actual_edited)
        doc.changed.connect(self.refresh)
        doc.opened.connect(lambda: clear_marks(self))
        doc.opened.connect(self.import_result.clear)
        language.changed.connect(lambda _l: self.retranslate())
        self.retranslate()

    @property
    def lang(self) -> Lang:
        return self.language.current

    def tr_(self, text: Text) -> str:
        return text.get(self.lang)

    # -- actions ---------------------------------------------------------------------------

    def import_tracker(self, path: Path | None = None) -> bool:
        """Read what the owner changed in the tracker (actuals, action statuses, ROI inputs) into
        the plan as one undoable step, and say per sheet what changed."""
        if path is None:
            path = dialogs.ui.open_file(self, self.tr_(t("추적표 가져오기", "Import tracker")), "",
                                        self.tr_(t("엑셀 추적표 (*.xlsx)", "Excel tracker (*.xlsx)")))
            if path is None:
                return False
        from kpiwizard.export.tracker_import import import_actuals  # openpyxl loads only when needed

        try:
            result = import_actuals(self.doc.project, path)
        except UserError as e:
            self.import_error.show_reason(e.message(self.lang))
            return False
        reason = self.doc.edit(t("추적표 가져오기", "Import tracker"), result.apply_to, lang=self.lang)
        report(self.import_error, reason, self.lang)
        if reason is None:
            self.import_result.setText(f"{Path(path).name}: {result.summary(self.lang)}")
        return reason is None

    # -- the platforms' downloads (issue 14) -------------------------------------------------

    def import_platform_files(self, paths: list[Path] | None = None, mappings: dict[str, str] | None = None) -> bool:
        """Read the files in the background, then show what importing them would change.

        Nothing is written until the owner confirms the preview; False when nothing was started
        (cancelled, or files are being read already)."""
        if self.reader.busy:
            self.import_result.setText(self.tr_(t("파일을 아직 읽고 있습니다. 잠시 뒤에 다시 해 주세요.",
                                                  "Still reading the previous files; try again in a moment.")))
            return False
        if paths is None:
            from .settings import Settings

            paths = dialogs.ui.open_files(self, self.tr_(t("플랫폼 파일 가져오기", "Import platform files")),
                                          Settings().last_folder(), self.tr_(PLATFORM_FILTER))
            if not paths:
                return False
            Settings().set_last_folder(Path(paths[0]).parent)
        paths = [Path(p) for p in paths]
        if mappings is None:
            from kpiwizard.export.platforms.mappings import load_mappings  # loads only when asked

            mappings = load_mappings()
        self._import_paths, self._import_mappings = paths, dict(mappings)
        project, lang = self.doc.project.model_copy(deep=True), self.lang
        self._import_plan = project.id  # the preview belongs to this plan
        self.import_error.show_reason(None)
        self.platform_button.setEnabled(False)
        self.import_result.setText(self.tr_(t(f"파일 {len(paths)}개를 읽는 중…", f"Reading {len(paths)} file(s)…")))

        def work():
            from kpiwizard.export.platforms import plan_import  # the readers load only when needed

            return plan_import(project, paths, lang, mappings)

        return self.reader.start(work, lang)

    def _on_plan_failed(self, message: str) -> None:
        self.platform_button.setEnabled(True)
        self.import_result.clear()
        self.import_error.show_reason(message)

    def _on_planned(self, preview) -> None:
        """Show the preview; apply it, look again with new column connections, or change nothing."""
        from .import_dialog import APPLY, REMAP, ImportDialog

        self.platform_button.setEnabled(True)
        self.import_result.clear()
        if self.doc.project.id != self._import_plan:  # another plan was opened while the files were read
            self.import_result.setText(self.tr_(t("파일을 읽는 동안 다른 계획을 열어서 가져오지 않았습니다. 다시 가져와 주세요.",
                                                  "Another plan was opened while the files were read; nothing was "
                                                  "imported. Import the files again.")))
            return
        self.preview = preview
        dialog = ImportDialog(preview, self.doc.project, self.lang, self)
        try:
            accepted = dialogs.ui.run_dialog(self, dialog)
            answer = dialog.answer if accepted else None
        finally:
            dialog.deleteLater()
        if answer is None:
            self.import_result.setText(self.tr_(t("가져오기를 취소했습니다. 계획은 그대로입니다.",
                                                  "Import cancelled; the plan is unchanged.")))
            return
        if answer.action == REMAP:
            from kpiwizard.export.platforms.mappings import save_mappings

            try:
                save_mappings(answer.mappings)
            except OSError as e:  # only a convenience is lost: this import still uses the connections
                self.import_error.show_reason(self.tr_(t(f"열 연결을 기억해 두지 못했습니다({e.strerror or e}). 이번 가져오기에는 씁니다.",
                                                         f"Could not remember the column connections ({e.strerror or e}); "
                                                         "this import uses them anyway.")))
            mappings = {**self._import_mappings, **answer.mappings}
            self.import_platform_files(self._import_paths, {k: v for k, v in mappings.items() if v})
            return
        if answer.action == APPLY:
            self.apply_preview(preview)

    @staticmethod
    def _take_import(preview):
        """The change an import makes: the values, and each channel's share of them."""
        from kpiwizard.export.platforms import apply_import  # loads when an import is confirmed

        def change(project) -> None:
            imported = apply_import(project, preview)
            project.actuals, project.imported = imported.actuals, imported.imported
        return change

    def apply_preview(self, preview) -> Text | None:
        """Write the preview's values into the plan: one undoable step."""
        reason = self.doc.edit(t("플랫폼 파일 가져오기", "Import platform files"),
                               self._take_import(preview), lang=self.lang)
        report(self.import_error, reason, self.lang)
        if reason is None:
            names = ", ".join(sorted({Path(f.name.split("/")[0]).name for f in preview.files}))
            undo = t("되돌리려면 편집 › 되돌리기(Ctrl+Z)를 누르세요.", "To take it back: Edit › Undo (Ctrl+Z).")
            self.import_result.setText(f"{names}: {preview.summary(self.lang)}. {undo.get(self.lang)}")
        return reason

    @staticmethod
    def _dropped_files(event) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt name)
        paths = self._dropped_files(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        tracker = [p for p in paths if p.suffix.lower() == ".xlsx" and _is_tracker(p)]
        if tracker and len(paths) == 1:  # the app's own tracker dropped here: read it as the button does
            self.import_tracker(tracker[0])
            return
        self.import_platform_files(paths)

    # -- the monthly check-in and report (issue 15) -------------------------------------------

    def monthly_checkin(self) -> bool:
        """The month's numbers copied by hand; each Apply is one undoable step."""
        from .checkin_dialog import CheckInDialog

        dialog = CheckInDialog(lambda: self.doc.project, self.apply_checkin, self.lang, self.month.currentData(), self)
        try:
            return dialogs.ui.run_dialog(self, dialog)
        finally:
            dialog.deleteLater()

    def apply_checkin(self, month: str, entries: dict[str, str]):
        """Record the check-in's entries (the core decides what they mean) in one ``doc.edit``."""
        from kpiwizard.core.checkin import CheckInResult, apply_checkin

        result = apply_checkin(self.doc.project, month, entries)
        if not result.ok or result.project is self.doc.project:
            return result
        actuals = result.project.actuals
        reason = self.doc.edit(t("월간 점검 입력", "Monthly check-in"),
                               lambda p: setattr(p, "actuals", actuals), lang=self.lang)
        if reason is not None:
            return CheckInResult(self.doc.project, errors={"": reason})
        undo = t("되돌리려면 편집 › 되돌리기(Ctrl+Z)를 누르세요.", "To take it back: Edit › Undo (Ctrl+Z).")
        self.import_result.setText(f"{self.tr_(t('월간 점검', 'Monthly check-in'))} {month}: "
                                   f"{result.summary(self.lang)}. {undo.get(self.lang)}")
        return result

    def suggested_report_path(self, month: str) -> Path:
        from .settings import Settings

        p = self.doc.project
        stem = (self.doc.path.stem if self.doc.path else "") or p.business.name.strip() or p.title.strip() or "kpi-plan"
        stem = "".join(c for c in stem if c not in '<>:"/\\|?*').strip() or "kpi-plan"
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(Settings().last_folder() or documents or Path.home())
        return folder / f"{stem}-{month}-{self.tr_(REPORT_WORD)}.pdf"

    def monthly_report(self) -> bool:
        """Ask where, then build the month's one-page PDF in the background."""
        from .settings import Settings

        month = self.month.currentData()
        if not month:
            return False
        kind = KINDS["monthly"]
        path = dialogs.ui.save_file(self, self.tr_(kind.name), str(self.suggested_report_path(month)),
                                    self.tr_(kind.filter))
        if path is None:
            return False
        if path.suffix.lower() != kind.suffix:
            path = path.with_name(path.name + kind.suffix)
        Settings().set_last_folder(path.parent)
        imperial = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        return self.runner.start("monthly", self.doc.project, path, self.lang, "letter" if imperial else "a4", month)

    def _report_busy(self, busy: bool) -> None:
        self.report_button.setEnabled(not busy)
        if busy:
            self.import_result.setText(self.tr_(t("월간 보고서를 만드는 중…", "Making the monthly report…")))

    def _on_report_saved(self, _key: str, path: Path) -> None:
        self._report_busy(False)
        self.import_result.setText(self.tr_(t("월간 보고서를 저장했습니다: ", "Monthly report saved: ")) + str(path))
        choice = dialogs.ui.choose(
            self, self.tr_(t("월간 보고서를 저장했습니다:\n{path}", "Monthly report saved:\n{path}")).format(path=path),
            [self.tr_(t("파일 열기", "Open the file")), self.tr_(t("폴더 열기", "Open folder")), self.tr_(t("닫기", "Close"))])
        if choice in (0, 1):
            target = path if choice == 0 else path.parent
            if not dialogs.ui.open_url(QUrl.fromLocalFile(str(target))):
                dialogs.ui.error(self, self.tr_(t("이 컴퓨터에서 파일을 열어 줄 프로그램을 찾지 못했습니다. 파일은 여기에 있습니다:\n{path}",
                                                  "No program on this computer opened the file. It is here:\n{path}")).format(path=target))

    def _on_report_failed(self, _key: str, message: str) -> None:
        self._report_busy(False)
        self.import_result.clear()
        self.import_error.show_reason(message)
        dialogs.ui.error(self, message)

    def current_id(self) -> str | None:
        row = self.status_table.currentRow()
        item = self.status_table.item(row, 0) if row >= 0 else None
        return item.data(ID_ROLE) if item is not None else None

    def select(self, kpi_id: str) -> None:
        for row in range(self.status_table.rowCount()):
            item = self.status_table.item(row, 0)
            if item is not None and item.data(ID_ROLE) == kpi_id:
                self.status_table.setCurrentCell(row, 0)

    def _periods(self, kpi_id: str) -> tuple[Period, ...]:
        project = self.doc.project
        return kpi_periods(project, project.kpi(kpi_id))

    def set_actual(self, row: int, text: str) -> Text | None:
        """Record what was typed for the period on ``row`` of the actuals table."""
        kpi_id = self.current_id()
        if kpi_id is None or self._refreshing:
            return None
        try:
            value = parse_number(text)
        except ValueError:
            reason: Text | None = NOT_A_NUMBER
        else:
            period = self._periods(kpi_id)[row]
            reason = self.doc.edit(t("실적 입력", "Record actual"),
                                   lambda p: set_actual(p, kpi_id, period, value), lang=self.lang)
        report(self.actuals_error, reason, self.lang)
        if reason is not None:
            self.refresh()  # the cell shows the stored value again; the reason stays below
            report(self.actuals_error, reason, self.lang)
        return reason

    def _actual_edited(self, item: QTableWidgetItem) -> None:
        if item.column() == 1 and not self._refreshing:
            self.set_actual(item.row(), item.text())

    def apply(self, index: int) -> Text | None:
        """Apply the ``index``-th remedy shown (one undoable step) and say what it changed."""
        remedy = self._remedies[index]
        said = applied_text(self.doc.project, remedy, self.lang)
        reason = self.doc.edit(t("제안 적용", "Apply suggestion"),
                               lambda p: _take(p, apply_remedy(p, remedy)), lang=self.lang)
        report(self.import_error, reason, self.lang)
        if reason is None:
            undo = t("되돌리려면 편집 › 되돌리기(Ctrl+Z)를 누르세요.", "To take it back: Edit › Undo (Ctrl+Z).")
            self.import_result.setText(f"{said.get(self.lang)} {undo.get(self.lang)}")
        return reason

    # -- view ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.import_button.setText(self.tr_(t("추적표 가져오기(&I)…", "&Import tracker…")))
        describe(self.import_button, self.import_button.text().rstrip("…"),
                 self.tr_(t("실적을 채운 엑셀 추적표를 골라 실적을 계획으로 읽어 옵니다. 실행 취소로 되돌릴 수 있습니다.",
                            "Choose the filled-in Excel tracker to read its actuals into the plan; Undo reverts it.")))
        self.platform_button.setText(self.tr_(t("플랫폼 파일 가져오기(&P)…", "Import &platform files…")))
        describe(self.platform_button, self.platform_button.text().rstrip("…"),
                 self.tr_(t("메타 비즈니스 스위트, YouTube 스튜디오, 구글 애널리틱스 4, TikTok 스튜디오, 링크드인에서 내려받은 "
                            "파일을 골라 실적을 채웁니다. 바뀔 내용을 먼저 보여 주고, 확인해야 넣습니다. 파일을 이 화면에 끌어다 놓아도 됩니다.",
                            "Choose files downloaded from Meta Business Suite, YouTube Studio, Google Analytics 4, TikTok Studio "
                            "or LinkedIn to fill in the actuals; you see what would change and confirm first. "
                            "You can also drop the files on this view.")))
        self.checkin_button.setText(self.tr_(t("이번 달 점검(&M)…", "&Monthly check-in…")))
        describe(self.checkin_button, self.checkin_button.text().rstrip("…"),
                 self.tr_(t("내려받을 파일이 없는 네이버 스마트플레이스, 카카오톡 채널 같은 숫자를 한 달에 한 번 옮겨 적습니다. "
                            "어디서 보는지와 지난달 값이 함께 나옵니다.",
                            "Once a month, copy the numbers that have no download (Naver Smart Place, Kakao Channel...), "
                            "with where to read each and last month's value beside it.")))
        self.month_label.setText(self.tr_(t("달(&N)", "Mo&nth")))
        describe(self.month, self.tr_(t("달", "Month")),
                 self.tr_(t("월간 점검과 월간 보고서의 달입니다. 처음에는 점검할 때가 된 달이 골라져 있습니다.",
                            "The month of the check-in and the monthly report; it starts on the month that is due.")))
        self.report_button.setText(self.tr_(t("월간 보고서 PDF(&R)…", "Monthly &report PDF…")))
        describe(self.report_button, self.report_button.text().rstrip("…"),
                 self.tr_(t("고른 달을 한 장에 담은 보고서(PDF)를 만듭니다: KPI마다 상태와 추이, 가장 많이 움직인 숫자, "
                            "가장 뒤처진 KPI와 그 까닭, 다음 달에 할 한 가지.",
                            "Make the chosen month's one-page report (PDF): each KPI's status and trend, what moved most, "
                            "the KPI furthest behind and why, and the one thing to do next month.")))
        describe(self.month_summary, self.tr_(t("이달 한눈에", "The month at a glance")),
                 self.tr_(t("고른 달에 가장 많이 움직인 숫자, 가장 뒤처진 KPI와 그 까닭, 다음 달에 할 한 가지입니다. 월간 보고서에도 그대로 나옵니다.",
                            "The chosen month's biggest mover, the KPI furthest behind and why, and the one thing to do next "
                            "month, as the monthly report prints them.")))
        describe(self.status_detail, self.tr_(t("상태 설명", "Status explained")),
                 self.tr_(t("고른 KPI의 상태, 그렇게 본 까닭, 마감일 예측입니다.",
                            "The selected KPI's status, why, and the forecast at its deadline.")))
        self.status_table.setHorizontalHeaderLabels([self.tr_(c) for c in STATUS_COLUMNS])
        describe(self.status_table, self.tr_(t("KPI 현황", "KPI status")),
                 self.tr_(t("KPI마다 상태(순항·뒤처짐·이대로면 미달·미달 등), 진척, 속도(계획 대비), 마감일 예측입니다. "
                            "상태 칸에 마우스를 올리면 그렇게 본 까닭이 나옵니다. 줄을 고르면 실적과 그래프가 나옵니다.",
                            "Each KPI's status (on track, behind, off track, missed...), progress, pace (against plan) and forecast; "
                            "hover a status to see why. Select a row to see its actuals and chart.")))
        self.actuals.setHorizontalHeaderLabels([self.tr_(t("기간", "Period")), self.tr_(t("실적", "Actual"))])
        describe(self.actuals, self.tr_(t("실적 입력 표", "Actuals")),
                 self.tr_(t("기간마다 잰 값을 적으세요. 칸을 비우면 그 기간의 기록을 지웁니다.",
                            "Type the value measured in each period; emptying a cell clears that period.")))
        self.chart_box.setTitle(self.tr_(t("계획선과 실적", "Plan and actuals")))
        self.remedy_box.setTitle(self.tr_(t("뒤처지거나 미달일 때 할 일", "What to do when behind or missed")))
        self.refresh()

    def refresh(self) -> None:
        self._refreshing = True
        try:
            self._fill_months()
            self._show_checkin_hint()
            self._show_month()
            self._fill_status()
            self._show_kpi()
        finally:
            self._refreshing = False

    def _fill_months(self) -> None:
        """The plan's months; the chosen one kept, else the month that is due for its check-in."""
        from kpiwizard.core import progress
        from kpiwizard.core.checkin import due_month, plan_months

        project = self.doc.project
        months = plan_months(project)
        if [self.month.itemData(i) for i in range(self.month.count())] == months:
            return
        chosen = self.month.currentData()
        self.month.blockSignals(True)
        self.month.clear()
        for m in months:
            self.month.addItem(m, m)
        if chosen not in months:
            chosen = due_month(project, progress.today())
        self.month.setCurrentIndex(max(self.month.findData(chosen), 0))
        self.month.blockSignals(False)
        for widget in (self.month, self.checkin_button, self.report_button):
            widget.setEnabled(bool(months))

    def _show_month(self) -> None:
        """The chosen month in a few lines, the core's words (core/monthly.py), as the report prints it."""
        from kpiwizard.core.checkin import CheckInError
        from kpiwizard.core.monthly import monthly_report

        month = self.month.currentData()
        try:
            m = monthly_report(self.doc.project, month, self.lang) if month else None
        except CheckInError:
            m = None
        self.month_box.setVisible(m is not None)
        if m is None:
            self.month_summary.clear()
            return
        tr = self.tr_
        self.month_box.setTitle(tr(t(f"이달 한눈에 — {m.month_name}", f"The month at a glance — {m.month_name}")))
        behind = (f"{m.behind_most.name} ({m.behind_most.status_name}): {m.behind_reason}" if m.behind_most
                  else tr(t("뒤처진 KPI가 없습니다.", "No KPI is behind.")))
        lines = [
            f"{tr(t('가장 많이 움직인 숫자', 'What moved most'))}: {m.moved_text}",
            f"{tr(t('가장 뒤처진 KPI', 'Furthest behind'))}: {behind}",
            f"{tr(t('다음 달에 할 한 가지', 'The one thing to do next month'))}: {m.next_step}",
        ]
        self.month_summary.setText("\n".join(lines))

    def _show_checkin_hint(self) -> None:
        """Beside the check-in button: the chosen month's numbers still to copy (the core's count)."""
        from kpiwizard.core.checkin import CheckInError, missing_numbers, monthly_checkin

        month = self.month.currentData()
        try:
            form = monthly_checkin(self.doc.project, month, self.lang) if month else None
        except CheckInError:
            form = None
        if form is None or not form.items:
            self.checkin_hint.clear()
            self.checkin_hint.hide()
            return
        missing = missing_numbers(self.doc.project, month, self.lang)
        self.checkin_hint.setText(self.tr_(t(f"{month}: 아직 적지 않은 숫자 {len(missing)}개", f"{month}: {len(missing)} still missing"))
                                  if missing else self.tr_(t(f"{month}: 모두 적음", f"{month}: all in")))
        self.checkin_hint.setToolTip(", ".join(i.name for i in missing))
        self.checkin_hint.setAccessibleName(self.checkin_hint.text())
        self.checkin_hint.show()

    def _fill_status(self) -> None:
        project = self.doc.project
        lang = self.lang
        results = evaluate(project)
        current = self.current_id()
        table = self.status_table
        table.blockSignals(True)
        views = view_kpis(project, lang)
        table.setRowCount(len(views))
        for row, v in enumerate(views):
            r = results[v.id]
            why = status_reason(r, v).get(lang)
            forecast = forecast_text(r, v).get(lang)
            cells = [
                v.name,
                f"{STATUS_MARKS[r.status]} {STATUS_NAMES[r.status].get(lang)}",
                format_percent(r.progress),
                format_number(r.pace),
                format_value(r.latest, v.unit, lang, v.percent),
                format_value(None if r.forecast is None else round(r.forecast, 1), v.unit, lang, v.percent),
            ]
            tips = {1: why, 5: forecast}  # the status says why, the forecast what it stands on
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, v.id)
                item.setToolTip(v.name if col == 0 else f"{v.name}: {text}" + (f"\n{tips[col]}" if col in tips else ""))
                table.setItem(row, col, item)
        ids = [v.id for v in views]
        if ids:
            table.setCurrentCell(ids.index(current) if current in ids else 0, 0)
        table.blockSignals(False)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        score = overall_score(project, results)
        self.score.setText(f"{self.tr_(t('종합 점수', 'Overall score'))}: {format_percent(score)}")
        self.score.setAccessibleName(self.score.text())

    def _show_kpi(self) -> None:
        was = self._refreshing
        self._refreshing = True
        try:
            kpi_id = self.current_id()
            project = self.doc.project
            if kpi_id is None:
                self.actuals.setRowCount(0)
                self.chart.set_data(None, self.lang)
                self.status_detail.clear()
                self._status = None
                self._show_remedies([])
                return
            kpi = project.kpi(kpi_id)
            periods = self._periods(kpi_id)
            self.actuals.setRowCount(len(periods))
            series = project.actuals.get(kpi_id, {})
            for row, period in enumerate(periods):
                days = days_in(project, kpi_id, period)
                value = series[days[-1]] if days else None
                text = "" if value is None else (str(int(value)) if float(value).is_integer() else f"{value:g}")
                set_cell(self.actuals, row, 0, f"{period.start.isoformat()} – {period.end.isoformat()}", editable=False)
                set_cell(self.actuals, row, 1, text)
            view = next(v for v in view_kpis(project, self.lang) if v.id == kpi_id)
            name = view.name
            self.actuals_box.setTitle(f"{self.tr_(t('실적 기록', 'Record actuals'))} — {name}")
            result = evaluate(project)[kpi_id]
            self.chart.set_data(chart_data(project.start, kpi, project.deadline_of(kpi), result), self.lang)
            self.status_detail.setText(
                f"{STATUS_MARKS[result.status]} {STATUS_NAMES[result.status].get(self.lang)}: "
                f"{status_reason(result, view).get(self.lang)}\n{forecast_text(result, view).get(self.lang)}")
            self._status = result.status
            self._show_remedies(suggest(project, kpi_id, self.lang))
        finally:
            self._refreshing = was

    def _show_remedies(self, remedies: list[Remedy]) -> None:
        for widget in self.remedy_buttons + self.remedy_labels:
            self._remedy_layout.removeWidget(widget)
            widget.deleteLater()
        self.remedy_buttons, self.remedy_labels = [], []
        self._remedies = remedies
        self.remedy_empty.setVisible(not remedies)
        status = STATUS_NAMES[self._status].get(self.lang) if self._status is not None else "—"
        self.remedy_empty.setText(self.tr_(t(
            f"제안할 조치는 뒤처졌거나 이대로면 미달, 또는 미달인 KPI에만 나옵니다. 이 KPI는 지금 '{status}'입니다.",
            f"Suggestions appear only for a KPI that is behind, off track or missed; this one is '{status}'.")))
        for i, remedy in enumerate(remedies):
            label = QLabel(remedy.message.get(self.lang))
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            button = QPushButton(self.tr_(APPLY).format(n=i + 1))
            describe(button, f"{button.text().replace('&', '')}: {label.text()}",
                     self.tr_(t("이 제안을 계획에 바로 반영합니다. 실행 취소(Ctrl+Z)로 되돌릴 수 있습니다.",
                                "Apply this suggestion to the plan now; Undo (Ctrl+Z) reverts it.")))
            button.clicked.connect(lambda _c=False, i=i: self.apply(i))
            at = self._remedy_layout.count() - 1  # above the stretch
            self._remedy_layout.insertWidget(at, label)
            self._remedy_layout.insertWidget(at + 1, button, 0, Qt.AlignmentFlag.AlignRight)
            self.remedy_labels.append(label)
            self.remedy_buttons.append(button)
