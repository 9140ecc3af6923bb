"""The platform import's preview: what was read, what each column feeds, the values per period,
what was left out — before anything is written. The owner confirms, cancels, or connects a column
the catalog does not know to one of the plan's KPIs and looks again.

Every figure comes from ``ImportPreview`` (core/aggregate.py); this dialog only lays it out. It
never writes the plan: it answers ``ImportAnswer`` and the Progress view does the one undoable edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kpiwizard.core.aggregate import STATE_NAMES, ImportPreview, kept_text
from kpiwizard.core.enums import Lang
from kpiwizard.core.formatting import format_value
from kpiwizard.core.kpiview import view_kpis
from kpiwizard.core.models import Project
from kpiwizard.core.text import Text, t
from kpiwizard.core.utm import CAMPAIGN_COLUMNS, CAMPAIGN_HELP, CAMPAIGN_TITLE, campaign_rows, unmatched_line

from .qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from .widgets.help_button import describe

APPLY, REMAP = "apply", "remap"
NOT_CONNECTED = t("(연결 안 함)", "(not connected)")
VALUE_COLUMNS = [t("KPI", "KPI"), t("기간", "Period"), t("값", "Value"), t("변화", "Change"),
                 t("지금 계획의 값", "In the plan now"), t("참고", "Note")]
MAP_COLUMNS = [t("열", "Column"), t("파일", "File"), t("연결할 KPI", "KPI it feeds")]


@dataclass
class ImportAnswer:
    """What the owner chose: ``apply`` the preview as shown, or ``remap`` with new column mappings
    (column key -> KPI id; "" forgets a mapping)."""

    action: str
    mappings: dict[str, str] = field(default_factory=dict)


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # file names and headers are shown as they are
    label.setWordWrap(True)
    return label


class ImportDialog(QDialog):
    def __init__(self, preview: ImportPreview, project: Project, lang: Lang, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview, self.lang = preview, Lang(lang)
        tr = self.tr_
        self.setWindowTitle(tr(t("플랫폼 파일 미리보기", "Platform files: preview")))
        views = {v.id: v for v in view_kpis(project, self.lang)}
        self._views = views

        intro = _plain(tr(t("아래 내용을 확인하고 '가져오기'를 누르면 실적이 계획에 들어갑니다. 취소하면 아무것도 바뀌지 않습니다.",
                            "Check what follows; 'Import' writes these actuals into the plan. Cancel changes nothing.")))

        # -- files: what each was recognised as, which KPI each column feeds, what was left out
        self.files = QTreeWidget()
        self.files.setColumnCount(1)
        self.files.setHeaderHidden(True)
        self.files.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        describe(self.files, tr(t("읽은 파일", "Files read")),
                 tr(t("파일마다 무엇으로 알아봤는지, 각 열이 어느 KPI에 들어가는지, 빠진 것이 무엇인지입니다.",
                      "What each file was recognised as, which KPI each column feeds and what was left out.")))
        for f in preview.files:
            span = f" {f.first.isoformat()} – {f.last.isoformat()}" if f.first and f.last else ""
            count = tr(t(f"{f.rows}행", f"{f.rows} rows"))
            top = QTreeWidgetItem([f"{f.name}: {f.label.get(self.lang)} ({f.channel}, {count}{span})"])
            for c in f.columns:
                if not c.metric:
                    continue
                kpis = preview.column_uses.get(c.key, ())
                names = ", ".join(views[k].name if k in views else k for k in kpis)
                top.addChild(QTreeWidgetItem([f"{c.header} → {names or tr(t('연결된 KPI 없음', 'feeds no KPI'))}"]))
            for note in f.ignored:
                text = note.get(self.lang).replace(" [outside-plan]", "")
                top.addChild(QTreeWidgetItem([tr(t("제외: ", "Left out: ")) + text]))
            self.files.addTopLevelItem(top)
            top.setExpanded(True)
        files_box = self._box(tr(t("읽은 파일", "Files read")), self.files)

        # -- values per period
        self.values = QTableWidget(len(preview.values), len(VALUE_COLUMNS))
        self.values.setHorizontalHeaderLabels([tr(c) for c in VALUE_COLUMNS])
        self.values.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.values.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.values.verticalHeader().hide()
        self.values.setTabKeyNavigation(False)
        describe(self.values, tr(t("기간별 값", "Values per period")),
                 tr(t("KPI와 기간마다 들어갈 값, 지금 계획의 값과 견준 변화(새 값·바뀜·같음)입니다. "
                      "잠정 값은 플랫폼이 아직 고치는 최근 3일 숫자라 나중에 다시 가져오면 바뀝니다.",
                      "The value each KPI gets per period and how it compares with the plan (new, changed, same). "
                      "Provisional values hold the last 3 days, which platforms still revise; a later import replaces them.")))
        for row, pv in enumerate(preview.values):
            view = views.get(pv.kpi_id)

            def shown(x: float | None, view=view) -> str:
                if x is None:
                    return ""
                return format_value(x, view.unit, self.lang, view.percent) if view else f"{x:g}"

            notes = []
            if pv.provisional:
                notes.append(tr(t("잠정 (최근 3일 숫자는 아직 바뀔 수 있음)", "provisional (the last 3 days still settle)")))
            if pv.partial:
                notes.append(tr(t(f"일부 기간: {pv.covered_days}/{pv.period.days}일",
                                  f"partial: {pv.covered_days} of {pv.period.days} days")))
            if pv.kept:
                notes.append(tr(kept_text(pv)))
            cells = [
                view.name if view else pv.kpi_name.get(self.lang),
                f"{pv.period.start.isoformat()} – {pv.period.end.isoformat()}",
                shown(pv.value),
                tr(STATE_NAMES[pv.state]),
                shown(pv.old),
                "; ".join(notes + ["+".join(pv.channels)]),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.values.setItem(row, col, item)
        self.values.resizeColumnsToContents()
        self.values.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if not preview.values:
            self.values.setRowCount(1)
            self.values.setSpan(0, 0, 1, len(VALUE_COLUMNS))
            self.values.setItem(0, 0, QTableWidgetItem(tr(t("이 계획의 KPI에 들어갈 값이 없습니다.",
                                                             "Nothing in these files feeds this plan's KPIs."))))
        values_box = self._box(tr(t("기간별 값", "Values per period")), self.values)

        # -- columns no KPI takes: the owner may connect them (remembered for next time)
        self.map_rows: list[tuple[str, QComboBox]] = []
        headers = {c.key: (c.header, f.name) for f in preview.files for c in f.columns}
        rows = [(key, header, name) for key, header, name in preview.unmapped]
        rows += [(key, *headers.get(key, (key, ""))) for key in preview.mappings if key not in {r[0] for r in rows}]
        self.mapping = QTableWidget(len(rows), len(MAP_COLUMNS))
        self.mapping.setHorizontalHeaderLabels([tr(c) for c in MAP_COLUMNS])
        self.mapping.verticalHeader().hide()
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping.setTabKeyNavigation(False)
        describe(self.mapping, tr(t("KPI에 연결되지 않은 열", "Columns feeding no KPI")),
                 tr(t("프로그램이 모르는 열을 계획의 KPI에 직접 연결할 수 있습니다. 연결은 기억해 두었다가 다음에도 씁니다.",
                      "Connect a column the program does not know to one of the plan's KPIs; it is remembered for next time.")))
        for row, (key, header, name) in enumerate(rows):
            for col, text in enumerate((header, name)):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{text} ({key})")
                self.mapping.setItem(row, col, item)
            combo = QComboBox()
            combo.addItem(tr(NOT_CONNECTED), "")
            for v in views.values():
                combo.addItem(v.name, v.id)
            current = preview.mappings.get(key, "")
            combo.setCurrentIndex(max(combo.findData(current), 0))
            describe(combo, tr(t(f"'{header}' 열을 연결할 KPI", f"KPI the column '{header}' feeds")),
                     tr(t("이 열의 숫자를 넣을 KPI를 고르세요. 고른 뒤 '연결하고 다시 보기'를 누르면 미리보기가 바뀝니다.",
                          "Choose the KPI this column's numbers go to, then press 'Connect and look again'.")))
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            self.mapping.setCellWidget(row, 2, combo)
            self.map_rows.append((key, combo))
        self.mapping.resizeColumnsToContents()
        self.mapping.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mapping_box = self._box(tr(t("KPI에 연결되지 않은 열", "Columns feeding no KPI")), self.mapping)
        self.mapping_box.setVisible(bool(rows))

        # -- GA4 campaign links: what each action's link brought, and the total per KPI it moves
        self.campaign_box = self._campaigns(project, views)

        notes = [n.get(self.lang) for n in preview.notes]
        self.notes = _plain("\n".join(f"• {n}" for n in notes))
        self.notes.setVisible(bool(notes))
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = _plain(preview.summary(self.lang))
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)

        self.buttons = QDialogButtonBox()
        self.apply_button = QPushButton(tr(t("가져오기(&A)", "&Import")))
        describe(self.apply_button, self.apply_button.text().replace("&", ""),
                 tr(t("위의 값을 계획의 실적에 넣습니다. 편집 › 되돌리기(Ctrl+Z)로 한 번에 되돌릴 수 있습니다.",
                      "Write the values above into the plan's actuals; Edit › Undo (Ctrl+Z) takes it all back.")))
        self.remap_button = QPushButton(tr(t("연결하고 다시 보기(&R)", "Connect and look &again")))
        describe(self.remap_button, self.remap_button.text().replace("&", ""),
                 tr(t("고른 연결을 기억하고, 그 연결로 파일을 다시 읽어 미리보기를 새로 보여 줍니다.",
                      "Remember the connections chosen and read the files again with them.")))
        self.cancel_button = QPushButton(tr(t("취소", "Cancel")))
        describe(self.cancel_button, self.cancel_button.text(),
                 tr(t("아무것도 바꾸지 않고 닫습니다.", "Close without changing anything.")))
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.remap_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.remap_button.setEnabled(False)
        self.remap_button.setVisible(bool(rows))
        self.apply_button.setEnabled(bool(preview.values))
        self.apply_button.setDefault(True)
        self.remap_hint = _plain(tr(t("연결을 바꿨습니다. '연결하고 다시 보기'를 눌러 바뀐 미리보기를 확인한 뒤 가져오세요.",
                                      "Connections changed: press 'Connect and look again' to see the new preview before importing.")))
        self.remap_hint.hide()
        self.apply_button.clicked.connect(lambda _c=False: self._answer(APPLY))
        self.remap_button.clicked.connect(lambda _c=False: self._answer(REMAP))
        self.cancel_button.clicked.connect(lambda _c=False: self.reject())
        self.answer: ImportAnswer | None = None

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(files_box)
        split.addWidget(values_box)
        split.addWidget(self.campaign_box)
        split.addWidget(self.mapping_box)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.summary)
        layout.addWidget(self.remap_hint)
        layout.addWidget(self.buttons)
        self.resize(860, 700)

    def tr_(self, text: Text) -> str:
        return text.get(self.lang)

    @staticmethod
    def _box(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(widget)
        return box

    def _campaigns(self, project: Project, views: dict) -> QGroupBox:
        """The campaign table (rows from the core, in action order, then one line per KPI) and the
        campaigns that matched no action; hidden when the files carry no campaign."""
        rows = campaign_rows(project, self.preview, {k: v.name for k, v in views.items()}, self.lang)
        self.campaigns = QTableWidget(len(rows), len(CAMPAIGN_COLUMNS))
        self.campaigns.setHorizontalHeaderLabels([self.tr_(c) for c in CAMPAIGN_COLUMNS])
        self.campaigns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.campaigns.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.campaigns.verticalHeader().hide()
        self.campaigns.setTabKeyNavigation(False)
        self.campaigns.setWordWrap(False)
        describe(self.campaigns, self.tr_(CAMPAIGN_TITLE), self.tr_(CAMPAIGN_HELP))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, row in enumerate(rows):
            cells = (row.label, row.campaign, row.sessions, row.key_events, row.revenue)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(row.full if col == 0 else text)
                if col >= 2:
                    item.setTextAlignment(right)
                if row.total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.campaigns.setItem(r, col, item)
        self.campaigns.resizeColumnsToContents()
        self.campaigns.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # compact: one line a row, and room for up to six rows before it scrolls
        line = self.campaigns.fontMetrics().height() + 8
        self.campaigns.verticalHeader().setDefaultSectionSize(line)
        self.campaigns.setMinimumHeight(self.campaigns.horizontalHeader().sizeHint().height()
                                        + line * min(max(len(rows), 1), 6) + 2 * self.campaigns.frameWidth())
        self.campaigns.setVisible(bool(rows))
        self.unmatched = _plain(unmatched_line(self.preview.unmatched_campaigns, self.lang))
        self.unmatched.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unmatched.setVisible(bool(self.preview.unmatched_campaigns))
        box = QGroupBox(self.tr_(CAMPAIGN_TITLE))
        layout = QVBoxLayout(box)
        layout.addWidget(self.campaigns)
        layout.addWidget(self.unmatched)
        box.setVisible(bool(rows) or bool(self.preview.unmatched_campaigns))
        return box

    def chosen_mappings(self) -> dict[str, str]:
        return {key: combo.currentData() or "" for key, combo in self.map_rows}

    def changed_mappings(self) -> dict[str, str]:
        """The connections the owner changed against those the preview was made with."""
        return {k: v for k, v in self.chosen_mappings().items() if v != self.preview.mappings.get(k, "")}

    def _mapping_changed(self) -> None:
        changed = bool(self.changed_mappings())
        self.remap_button.setEnabled(changed)
        # What is imported is exactly what was shown: a changed connection needs a fresh look first.
        self.apply_button.setEnabled(not changed and bool(self.preview.values))
        self.remap_hint.setVisible(changed)

    def _answer(self, action: str) -> None:
        self.answer = ImportAnswer(action, self.changed_mappings() if action == REMAP else {})
        self.accept()
