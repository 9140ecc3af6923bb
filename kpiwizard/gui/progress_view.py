"""The Progress view: record actuals (typed or imported from the tracker), see each KPI's status,
pace and forecast, and apply the core's remedies to an at-risk or missed KPI with one click."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kpiwizard.core.enums import Lang, Status
from kpiwizard.core.errors import UserError
from kpiwizard.core.formatting import format_number, format_percent, format_value
from kpiwizard.core.kpiview import view_kpis
from kpiwizard.core.models import Project
from kpiwizard.core.progress import evaluate, kpi_periods, overall_score
from kpiwizard.core.remedies import Remedy, applied_text, apply_remedy, suggest
from kpiwizard.core.vocab import STATUS_NAMES
from kpiwizard.core.schedule import Period
from kpiwizard.core.text import Text, t

from . import dialogs
from .document import ProjectDocument
from .i18n import Language
from .qt import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
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
    t("최근 값", "Latest"), t("마감일 예측", "Forecast at deadline"),
]
STATUS_MARKS = {Status.NO_DATA: "○", Status.TOO_EARLY: "○", Status.STALE: "◌", Status.ON_TRACK: "●",
                Status.REACHED: "●", Status.BEHIND: "▲", Status.OFF_TRACK: "▼", Status.MISSED: "✖"}
APPLY = t("적용(&{n})", "Apply &{n}")  # numbered: each suggestion has its own Alt+digit


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


class ProgressView(QWidget):
    """Reads the plan from ``doc`` on every change and writes it only through ``doc.edit``."""

    def __init__(self, doc: ProjectDocument, language: Language, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc, self.language = doc, language
        self._refreshing = False
        self._remedies: list[Remedy] = []
        self.remedy_buttons: list[QPushButton] = []
        self.remedy_labels: list[QLabel] = []

        self.import_button = QPushButton()
        self.import_result = QLabel()
        self.import_result.setWordWrap(True)
        self.import_result.setTextFormat(Qt.TextFormat.PlainText)
        self.import_error = ErrorLabel()
        self.score = QLabel()
        font = self.score.font()
        font.setBold(True)
        self.score.setFont(font)
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.import_result, 1)
        top.addWidget(self.score)

        self.status_table = QTableWidget(0, len(STATUS_COLUMNS))
        self.status_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.status_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.status_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.status_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.status_table.verticalHeader().hide()
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
        QVBoxLayout(self.chart_box).addWidget(self.chart)
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
        layout.addWidget(self.import_error)
        layout.addWidget(splitter, 1)

        # clicked(bool) would arrive as the path: the button asks for the file.
        self.import_button.clicked.connect(lambda _checked=False: self.import_tracker())
        self.status_table.currentCellChanged.connect(lambda *_: self._show_kpi())
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
        """Read a filled-in tracker's actuals into the plan (one undoable step)."""
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
        imported = result.project.actuals
        reason = self.doc.edit(t("추적표 실적 가져오기", "Import tracker actuals"),
                               lambda p: setattr(p, "actuals", imported), lang=self.lang)
        report(self.import_error, reason, self.lang)
        if reason is None:
            self.import_result.setText(f"{Path(path).name}: {result.summary(self.lang)}")
        return reason is None

    def current_id(self) -> str | None:
        row = self.status_table.currentRow()
        item = self.status_table.item(row, 0) if row >= 0 else None
        return item.data(ID_ROLE) if item is not None else None

    def select(self, kpi_id: str) -> None:
        for row in range(self.status_table.rowCount()):
            if self.status_table.item(row, 0).data(ID_ROLE) == kpi_id:
                self.status_table.setCurrentCell(row, 0)

    def _periods(self, kpi_id: str) -> list[Period]:
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
        self.status_table.setHorizontalHeaderLabels([self.tr_(c) for c in STATUS_COLUMNS])
        describe(self.status_table, self.tr_(t("KPI 현황", "KPI status")),
                 self.tr_(t("KPI마다 순항·주의·미달, 진척, 속도(예상 대비), 마감일 예측입니다. 줄을 고르면 실적과 그래프가 나옵니다.",
                            "Each KPI's status, progress, pace (against plan) and forecast. Select a row to see its actuals and chart.")))
        self.actuals.setHorizontalHeaderLabels([self.tr_(t("기간", "Period")), self.tr_(t("실적", "Actual"))])
        describe(self.actuals, self.tr_(t("실적 입력 표", "Actuals")),
                 self.tr_(t("기간마다 잰 값을 적으세요. 칸을 비우면 그 기간의 기록을 지웁니다.",
                            "Type the value measured in each period; emptying a cell clears that period.")))
        self.chart_box.setTitle(self.tr_(t("계획선과 실적", "Plan and actuals")))
        self.remedy_box.setTitle(self.tr_(t("주의·미달일 때 할 일", "What to do when at risk or missed")))
        self.refresh()

    def refresh(self) -> None:
        self._refreshing = True
        try:
            self._fill_status()
            self._show_kpi()
        finally:
            self._refreshing = False

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
            cells = [
                v.name,
                f"{STATUS_MARKS[r.status]} {STATUS_NAMES[r.status].get(lang)}",
                format_percent(r.progress),
                format_number(r.pace),
                format_value(r.latest, v.unit, lang, v.percent),
                format_value(None if r.forecast is None else round(r.forecast, 1), v.unit, lang, v.percent),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, v.id)
                item.setToolTip(f"{v.name}: {text}")
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
            name = self.status_table.item(self.status_table.currentRow(), 0).text()
            self.actuals_box.setTitle(f"{self.tr_(t('실적 기록', 'Record actuals'))} — {name}")
            result = evaluate(project)[kpi_id]
            self.chart.set_data(chart_data(project.start, kpi, project.deadline_of(kpi), result), self.lang)
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
        self.remedy_empty.setText(self.tr_(t("이 KPI는 제안할 조치가 없습니다 (순항 중이거나 아직 기록이 없습니다).",
                                             "Nothing to suggest for this KPI: it is on track or has no data yet.")))
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
