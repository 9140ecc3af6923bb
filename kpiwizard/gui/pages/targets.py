"""Page 6: the numbers of each KPI, with its plan line drawn as the user types and its realism check."""

from __future__ import annotations

from typing import Any

from kpiwizard.core.audit import audit
from kpiwizard.core.enums import Direction
from kpiwizard.core.kpiview import view_kpis
from kpiwizard.core.models import Thresholds
from kpiwizard.core.progress import evaluate_kpi
from kpiwizard.core.text import t

from ..qt import (
    QSizePolicy,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ..widgets.audit_panel import AuditPanel
from ..widgets.fields import DateEdit, EnumCombo, ErrorLabel, NumberEdit, TextEdit, report
from ..widgets.help_button import HelpButton, describe
from ..widgets.trajectory_chart import TrajectoryChart, chart_data
from kpiwizard.core.vocab import DIRECTION_NAMES, FREQUENCY_NAMES
from .base import PlanPage

ID_ROLE = Qt.ItemDataRole.UserRole
# field key -> (label, plain-language help)
FIELDS = {
    "baseline": (t("현재 값(&S)", "Ba&seline"), t("지금의 값. 출발점이 있어야 진척을 잴 수 있습니다.", "The value today: the starting point progress is measured from.")),
    "target": (t("목표 값(&G)", "Tar&get"), t("마감일까지 도달할 값.", "The value to reach by the deadline.")),
    "band_low": (t("범위 하한(&L)", "Band &low"), t("이 값 아래로 내려가면 안 됩니다.", "The value should not fall below this.")),
    "band_high": (t("범위 상한(&H)", "Band &high"), t("이 값 위로 올라가면 안 됩니다.", "The value should not rise above this.")),
    "unit": (t("단위(&U)", "&Unit"), t("숫자가 세는 것: 명, 건, %, 분, 원.", "What the number counts: people, orders, %, minutes, money.")),
    "direction": (t("좋은 방향(&D)", "D&irection"), t("높을수록, 낮을수록, 또는 범위 안이 좋은지.", "Whether higher, lower, or inside a band is better.")),
    "deadline": (t("마감일(&T)", "&Deadline"), t("비워 두면(–) 계획의 마지막 날입니다.", "Left empty (–), the plan's last day.")),
    "frequency": (t("측정 주기(&Q)", "Fre&quency"), t("얼마나 자주 기록할지. 자주 잴수록 일찍 방향을 고칠 수 있습니다.", "How often you record it; the more often, the earlier you can correct course.")),
    "owner": (t("담당자(&O)", "&Owner"), t("이 숫자를 챙기고 기록할 사람.", "Who looks after and records this number.")),
    "weight": (t("가중치 %(&W)", "&Weight %"), t("종합 점수에서 이 KPI가 차지하는 몫. 모든 KPI의 합이 100이 되게 하세요.", "This KPI's share of the overall score; all KPIs should add up to 100.")),
    "on_track": (t("제대로 가는 기준 % (순항)(&K)", "On-trac&k threshold %"), t("계획선이 기대하는 만큼의 몇 % 이상 왔으면 '순항'으로 볼지 (기본 90).", "At what share of the expected progress the KPI counts as on track (default 90).")),
    "at_risk": (t("뒤처짐 기준 %(&R)", "Behind th&reshold %"), t("이보다 낮으면 '이대로면 미달', 이 값과 순항 기준 사이면 '뒤처짐'입니다. 마감일이 지나야 '미달'이 됩니다 (기본 70).", "Below this the KPI is off track; between this and on-track it is behind. Only a passed deadline makes it missed (default 70).")),
}
NUMBERS = ("baseline", "target", "band_low", "band_high", "weight")


class TargetsPage(PlanPage):
    title_text = t("목표치 정하기", "Targets")
    subtitle_text = t("KPI마다 현재 값, 목표, 기한, 담당자를 정합니다. 계획선과 현실성 점검이 바로 바뀝니다.",
                      "For each KPI set the baseline, target, deadline and owner; the plan line and realism check follow as you type.")

    def __init__(self, doc, language):
        super().__init__(doc, language)
        self.kpi_list = QListWidget()
        self.kpi_list.setMaximumWidth(240)
        self.kpi_list.setMinimumWidth(150)
        self.fields: dict[str, Any] = {key: NumberEdit() for key in NUMBERS}  # the fields.py editors
        self.fields["on_track"] = NumberEdit(scale=100)
        self.fields["at_risk"] = NumberEdit(scale=100)
        self.fields["unit"] = TextEdit()
        self.fields["owner"] = TextEdit()
        self.fields["direction"] = EnumCombo(DIRECTION_NAMES)
        self.fields["frequency"] = EnumCombo(FREQUENCY_NAMES)
        self.fields["deadline"] = DateEdit()
        self.labels = {key: QLabel() for key in FIELDS}
        self.helps = {key: HelpButton() for key in FIELDS}
        self.errors = {key: ErrorLabel() for key in FIELDS}
        self.rows: dict[str, list[QWidget]] = {}
        self._shown_id: str | None = None

        self.form_box = QGroupBox()
        form = QFormLayout(self.form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in FIELDS:
            self.labels[key].setBuddy(self.fields[key])
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            row = QHBoxLayout()
            row.addWidget(self.fields[key], 1)
            row.addWidget(self.helps[key])
            column.addLayout(row)
            column.addWidget(self.errors[key])
            form.addRow(self.labels[key], holder)
            self.rows[key] = [self.labels[key], holder]
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setWidget(self.form_box)
        form_scroll.setMinimumWidth(self.form_box.sizeHint().width() + 150)

        self.chart_title = QLabel()
        self.chart = TrajectoryChart()
        self.realism_title = QLabel()
        self.realism = AuditPanel()
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.addWidget(self.chart_title)
        sl.addWidget(self.chart, 1)
        sl.addWidget(self.realism_title)
        sl.addWidget(self.realism, 1)

        self.empty = QLabel()
        self.empty.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.kpi_list)
        splitter.addWidget(form_scroll)
        splitter.addWidget(side)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)

        self.kpi_list.currentItemChanged.connect(lambda *_: self._show_current())
        for key in NUMBERS + ("on_track", "at_risk"):
            self.fields[key].value_edited.connect(lambda v, k=key: self._set(k, v))
            self.fields[key].refused.connect(lambda reason, k=key: report(self.errors[k], reason, self.lang))
        self.fields["unit"].textEdited.connect(lambda v: self._set("unit", v))
        self.fields["owner"].textEdited.connect(lambda v: self._set("owner", v))
        self.fields["direction"].value_chosen.connect(lambda v: self._set("direction", v))
        self.fields["frequency"].value_chosen.connect(lambda v: self._set("frequency", v))
        self.fields["deadline"].date_edited.connect(lambda v: self._set("deadline", v))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.start()

    def current_id(self) -> str | None:
        item = self.kpi_list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def select(self, kpi_id: str) -> None:
        for i in range(self.kpi_list.count()):
            if self.kpi_list.item(i).data(ID_ROLE) == kpi_id:
                self.kpi_list.setCurrentRow(i)

    # -- editing ---------------------------------------------------------------------------

    def _set(self, key: str, value) -> None:
        kpi_id = self.current_id()
        if self._refreshing or kpi_id is None:
            return

        def change(project):
            kpi = project.kpi(kpi_id)
            if key in ("on_track", "at_risk"):
                kpi.thresholds = Thresholds.model_validate({**kpi.thresholds.model_dump(), key: value})
            else:
                setattr(kpi, key, value)

        reason = self.edit(t("KPI 목표 수정", "Edit KPI target"), change, merge_key=f"kpi.{kpi_id}.{key}")
        report(self.errors[key], reason, self.lang)

    # -- view ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        lang = self.lang
        for key, (label, help_text) in FIELDS.items():
            self.labels[key].setText(label.get(lang))
            describe(self.fields[key], label.get(lang), help_text.get(lang), self.helps[key])
        self.fields["direction"].retranslate(lang)
        self.fields["frequency"].retranslate(lang)
        describe(self.kpi_list, t("KPI 목록", "KPIs").get(lang),
                 t("목표를 정할 KPI를 고르세요.", "Choose the KPI whose numbers you set.").get(lang))
        self.chart_title.setText(t("계획선: 기준값에서 목표까지", "Plan line: from baseline to target").get(lang))
        self.realism_title.setText(t("현실성 점검", "Realism check").get(lang))
        self.realism.setAccessibleName(self.realism_title.text())
        self.empty.setText(t("아직 KPI가 없습니다. 앞 단계에서 KPI를 고르세요.",
                             "No KPIs yet: choose them on the previous page.").get(lang))

    def refresh(self) -> None:
        project = self.doc.project
        lang = self.lang
        current = self.current_id()
        views = view_kpis(project, lang)
        self.kpi_list.blockSignals(True)
        self.kpi_list.clear()
        for v in views:
            item = QListWidgetItem(v.name)
            item.setData(ID_ROLE, v.id)
            item.setToolTip(v.definition or v.name)
            self.kpi_list.addItem(item)
        ids = [v.id for v in views]
        if ids:
            self.kpi_list.setCurrentRow(ids.index(current) if current in ids else 0)
        self.kpi_list.blockSignals(False)
        self.empty.setVisible(not ids)
        self.form_box.setEnabled(bool(ids))
        self._show_current()

    def _show_current(self) -> None:
        project = self.doc.project
        kpi_id = self.current_id()
        was = self._refreshing
        self._refreshing = True
        try:
            if kpi_id is None:
                self.chart.set_data(None, self.lang)
                self.realism.show_findings([], self.lang, grouped=False)
                return
            kpi = project.kpi(kpi_id)
            if kpi_id != self._shown_id:  # another KPI: earlier refusals no longer apply
                for error in self.errors.values():
                    error.show_reason(None)
                self._shown_id = kpi_id
            name = self.kpi_list.currentItem().text()
            self.form_box.setTitle(name)
            for key in NUMBERS:
                self.fields[key].set_value(getattr(kpi, key))
            self.fields["on_track"].set_value(kpi.thresholds.on_track)
            self.fields["at_risk"].set_value(kpi.thresholds.at_risk)
            self.fields["unit"].set_value(kpi.unit)
            self.fields["owner"].set_value(kpi.owner)
            self.fields["direction"].set_value(kpi.direction)
            self.fields["frequency"].set_value(kpi.frequency)
            self.fields["deadline"].set_value(kpi.deadline)
            band = kpi.direction is Direction.RANGE
            for key in ("band_low", "band_high"):
                for w in self.rows[key]:
                    w.setVisible(band)
            for w in self.rows["target"]:
                w.setVisible(not band)
            result = evaluate_kpi(project, kpi)
            self.chart.set_data(chart_data(project.start, kpi, project.deadline_of(kpi), result), self.lang)
            self.realism.show_findings(audit(project).for_kpi(kpi_id), self.lang, grouped=False)
        finally:
            self._refreshing = was
