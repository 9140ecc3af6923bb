"""Page 4: the SMART goal, one field per letter, with the sentence and the live audit beside it."""

from __future__ import annotations

from typing import Any

from kpiwizard.core.audit import audit
from kpiwizard.core.kpiview import view_kpis
from kpiwizard.core.recommend import goal_measures, measure_goal_with
from kpiwizard.core.sentence import smart_sentence
from kpiwizard.core.text import t

from ..qt import (
    QComboBox,
    QSizePolicy,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..widgets.audit_panel import AuditPanel
from ..widgets.fields import DateEdit, EnumCombo, ErrorLabel, NumberEdit, TextEdit, report
from ..widgets.help_button import HelpButton, describe
from kpiwizard.core.vocab import DIRECTION_NAMES
from .base import PlanPage

NO_METRIC = t("(아직 안 골랐습니다)", "(not chosen yet)")
IN_PLAN = t("― 계획에 이미 있는 숫자 ―", "― Already in your plan ―")
FOR_GOAL = t("― 이 목표에 맞는 숫자 (알맞은 순서) ―", "― Numbers that fit this goal (best first) ―")
BEST = t("추천", "best fit")

# Per field: label (with mnemonic), guidance, example.
FIELDS = {
    "what": (t("무엇을 바꾸나요(&W)", "&What changes"),
             t("목표가 바꾸려는 한 가지를 구체적으로 적으세요. 누구의, 어느 채널의, 어떤 숫자인지.",
               "Name the one thing the goal changes: whose, on which channel, which number."),
             t("예: 인스타그램 쿠폰으로 온 평일 오후 손님", "e.g. weekday-afternoon guests who came with the Instagram coupon")),
    "metric": (t("무엇으로 잴까요(&M)", "&Measured by"),
               t("목표를 잴 숫자 하나를 고르세요. 고른 사업 목표와 전략에 맞는 숫자가 알맞은 순서로 나옵니다. "
                 "고르면 KPI 단계의 첫 번째 KPI가 되고, 아래의 현재 값·목표 값·마감일을 그 KPI와 함께 씁니다. "
                 "목록은 스페이스 바나 위·아래 화살표로 열고, Enter로 고릅니다.",
                 "Pick the one number that measures the goal. Numbers that fit the business goal and strategy "
                 "you chose come first. The one you pick becomes the first KPI of the KPI step and shares the "
                 "baseline, target and deadline below. Open the list with Space or the arrow keys, choose with Enter."),
               t("예: SNS 쿠폰 사용 (계산대에서 셉니다)", "e.g. coupon redemptions (counted at the till)")),
    "baseline": (t("현재 값(&S)", "Ba&seline"),
                 t("지금 이 숫자가 얼마인지 적으세요. 출발점을 알아야 얼마나 나아졌는지 잴 수 있습니다.",
                   "What the number is today. Without a starting point no progress can be measured."),
                 t("예: 10", "e.g. 10")),
    "target": (t("목표 값(&G)", "Tar&get"),
               t("마감일까지 도달하려는 값입니다. 자원과 기간에 맞는지 오른쪽 점검을 보세요.",
                 "The value to reach by the deadline. The check on the right says whether it fits your means."),
               t("예: 30", "e.g. 30")),
    "unit": (t("단위(&U)", "&Unit"),
             t("숫자가 세는 것: 명, 건, %, 분, 원 등.", "What the number counts: people, orders, %, minutes..."),
             t("예: 명", "e.g. guests")),
    "direction": (t("좋은 방향(&D)", "D&irection"),
                  t("숫자가 커져야 좋은지, 작아져야 좋은지(응답 시간처럼), 범위 안에 있어야 좋은지 고르세요.",
                    "Whether a higher number is better, a lower one (like response time), or staying in a band."),
                  t("예: 높을수록 좋음", "e.g. higher is better")),
    "deadline": (t("마감일(&T)", "&Deadline"),
                 t("언제까지 이룰지 정하세요. 기한이 없으면 점검할 때도 없습니다.",
                   "By when. A goal without a date has no moment to check it."),
                 t("예: 3월 말", "e.g. end of March")),
    "resources": (t("자원과 방법(&R)", "&Resources"),
                  t("무엇으로 이룰지: 콘텐츠 계획, 광고 예산, 사람과 시간. 달성 가능성(A)과 현실성(R)을 판단하는 근거입니다.",
                    "With which means: content plan, ad budget, people and time. This is what Achievable and Realistic are judged on."),
                  t("예: 주 4회 게시, 월 10만 원 지역 광고", "e.g. four posts a week and a small local ad budget")),
}
LETTERS = {  # which SMART letter each group answers
    "S": ("what",), "M": ("metric", "baseline", "target", "unit", "direction"), "AR": ("resources",), "T": ("deadline",),
}
GROUP_TITLES = {  # plain words first, the SMART letter in brackets
    "S": t("무엇을 바꿀까요 (S — 구체적)", "What changes (S — Specific)"),
    "M": t("어떤 숫자로 잴까요 (M — 측정 가능)", "Which number measures it (M — Measurable)"),
    "AR": t("무엇으로 이룰까요 (A·R — 달성 가능·현실적)", "With what (A·R — Achievable and Realistic)"),
    "T": t("언제까지 (T — 기한)", "By when (T — Time-bound)"),
}


class MeasureCombo(QComboBox):
    """The goal's measure: the plan's KPIs, then the catalog's KPIs for the goal, best first.

    Choosing a catalog KPI adds it to the plan, so browsing must not choose: on the closed box the
    arrow keys and typed letters open the list (typing then jumps to the first match) instead of
    choosing at once, as a plain combo box would. Enter or a click in the list chooses.
    Values: ``None``, ``("plan", kpi_id)`` or ``("catalog", catalog_id)``.
    """

    value_chosen = Signal(object)

    _OPENING_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
                     Qt.Key.Key_Home, Qt.Key.Key_End}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._values: list = []
        self._key: tuple | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)  # Hangul search
        self.activated.connect(self._on_activated)

    def _on_activated(self, index: int) -> None:
        value = self.itemData(index)
        self.value_chosen.emit(None if value is None else tuple(value))

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if plain and event.key() in self._OPENING_KEYS:
            self.showPopup()
            return
        text = event.text()
        if plain and text and text.isprintable() and not text.isspace():
            self.showPopup()
            self.view().keyboardSearch(text)
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Hangul typed on the closed box opens the list at the first name that starts with it."""
        if event.commitString():
            self.showPopup()
            self.view().keyboardSearch(event.commitString())
        event.accept()

    def set_choices(self, none_text: str, sections: list[tuple[str, list[tuple[tuple, str, str]]]]) -> None:
        """``sections``: (header, [(value, text, tooltip)]); rebuilt only when something changed."""
        key = (none_text, tuple((h, tuple(items)) for h, items in sections))
        if key == self._key:
            return
        self._key = key
        current = self.value()
        self.blockSignals(True)
        self.clear()
        self.addItem(none_text, None)
        model: Any = self.model()  # the combo box's own QStandardItemModel
        for header, items in sections:
            if not items:
                continue
            self.addItem(header, None)
            model.item(self.count() - 1).setEnabled(False)  # a heading: arrows and clicks skip it
            for value, text, tip in items:
                self.addItem(text, list(value))
                self.setItemData(self.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.set_value(current)
        self.blockSignals(False)
        view = self.view()  # the list may be wider than the box: nothing cut off
        view.setMinimumWidth(min(max(view.sizeHintForColumn(0) + 30, self.width()), 900))

    def value(self):
        data = self.currentData() if self.count() else None
        return None if data is None else tuple(data)

    def values(self) -> list:
        return [None if self.itemData(i) is None else tuple(self.itemData(i)) for i in range(self.count())]

    def set_value(self, value) -> None:
        for i in range(self.count()):
            data = self.itemData(i)
            if (data is None and value is None and i == 0) or (data is not None and tuple(data) == value):
                self.setCurrentIndex(i)
                return


class SmartGoalPage(PlanPage):
    title_text = t("SMART 목표", "SMART goal")
    subtitle_text = t("무엇을, 어떤 숫자로, 얼마에서 얼마까지, 무엇으로, 언제까지 바꿀지 정해 목표를 한 문장으로 만듭니다 "
                      "(이렇게 쓴 목표를 SMART 목표라고 합니다).",
                      "Say what changes, which number measures it, from what to what, with what means and by when: "
                      "one sentence (a SMART goal).")

    def __init__(self, doc, language):
        super().__init__(doc, language)
        self.fields: dict[str, Any] = {}  # each a different input widget
        self.labels: dict[str, QLabel] = {}
        self.examples: dict[str, QLabel] = {}
        self.helps: dict[str, HelpButton] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.groups: dict[str, QGroupBox] = {}

        self.fields["what"] = TextEdit()
        self.fields["metric"] = combo = MeasureCombo()
        self.fields["baseline"] = NumberEdit()
        self.fields["target"] = NumberEdit()
        self.fields["unit"] = TextEdit()
        self.fields["direction"] = EnumCombo(DIRECTION_NAMES)
        self.fields["deadline"] = DateEdit()
        self.fields["resources"] = res = QPlainTextEdit()
        res.setTabChangesFocus(True)
        res.setMaximumHeight(80)
        self._metric_combo = combo

        form_body = QWidget()
        form_layout = QVBoxLayout(form_body)
        for group_key, keys in LETTERS.items():
            box = QGroupBox()
            self.groups[group_key] = box
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for key in keys:
                label = QLabel()
                label.setBuddy(self.fields[key])
                self.labels[key] = label
                help_button = HelpButton()
                self.helps[key] = help_button
                example = QLabel()
                example.setTextFormat(Qt.TextFormat.PlainText)
                example.setEnabled(False)  # the palette's disabled text: a quiet hint in any theme
                example.setWordWrap(True)
                self.examples[key] = example
                error = ErrorLabel()
                self.errors[key] = error
                row = QHBoxLayout()
                row.addWidget(self.fields[key], 1)
                row.addWidget(help_button)
                column = QVBoxLayout()
                column.setSpacing(2)
                column.addLayout(row)
                column.addWidget(example)
                column.addWidget(error)
                form.addRow(label, column)
            form_layout.addWidget(box)
        form_layout.addStretch(1)
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setWidget(form_body)

        self.sentence_title = QLabel()
        self.sentence = QLabel()
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.sentence.setFrameShape(QFrame.Shape.StyledPanel)
        self.sentence.setMargin(8)
        font = self.sentence.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.sentence.setFont(font)
        self.audit_title = QLabel()
        self.audit_panel = AuditPanel()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.sentence_title)
        side_layout.addWidget(self.sentence)
        side_layout.addWidget(self.audit_title)
        side_layout.addWidget(self.audit_panel, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(form_scroll)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.fields["what"].textEdited.connect(lambda v: self._set("what", v))
        combo.value_chosen.connect(lambda v: self._set("metric", v))
        combo.currentIndexChanged.connect(lambda _i: self._show_why(combo.currentIndex()))
        combo.highlighted.connect(self._show_why)
        self.fields["baseline"].value_edited.connect(lambda v: self._set("baseline", v))
        self.fields["target"].value_edited.connect(lambda v: self._set("target", v))
        for key in ("baseline", "target"):
            self.fields[key].refused.connect(lambda reason, k=key: report(self.errors[k], reason, self.lang))
        self.fields["unit"].textEdited.connect(lambda v: self._set("unit", v))
        self.fields["direction"].value_chosen.connect(lambda v: self._set("direction", v))
        self.fields["deadline"].date_edited.connect(lambda v: self._set("deadline", v))
        res.textChanged.connect(lambda: self._set("resources", res.toPlainText()))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.start()

    # -- editing ---------------------------------------------------------------------------

    def _set(self, key: str, value) -> None:
        if self._refreshing:
            return

        lang = self.lang

        def change(project):
            if key != "metric":
                setattr(project.smart, key, value)
            elif value is None:
                project.choose_goal_metric(None)
            elif value[0] == "plan":
                project.choose_goal_metric(value[1])
            else:  # a catalog KPI: added as the plan's first KPI, numbers shared both ways
                measure_goal_with(project, value[1], lang)

        label = t("SMART 목표 수정", "Edit SMART goal")
        if key == "metric":  # one choice, one undo step (it may add a KPI)
            label = t("목표를 잴 숫자 고르기", "Choose the goal's measure")
            report(self.errors[key], self.edit(label, change), lang)
            return
        report(self.errors[key], self.edit(label, change, merge_key=f"smart.{key}"), lang)

    def _show_why(self, index: int) -> None:
        """Under the measure: why the highlighted choice fits (its one line), else the example."""
        combo = self._metric_combo
        tip = combo.itemData(index, Qt.ItemDataRole.ToolTipRole) if 0 <= index < combo.count() else None
        self.examples["metric"].setText(tip or FIELDS["metric"][2].get(self.lang))

    # -- view ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        lang = self.lang
        for key, (label, guidance, example) in FIELDS.items():
            self.labels[key].setText(label.get(lang))
            describe(self.fields[key], label.get(lang), guidance.get(lang), self.helps[key])
            self.examples[key].setText(example.get(lang))
        for key, box in self.groups.items():
            box.setTitle(GROUP_TITLES[key].get(lang))
        self.fields["direction"].retranslate(lang)
        self.sentence_title.setText(t("완성된 목표 문장", "Your goal as one sentence").get(lang))
        self.sentence.setAccessibleName(self.sentence_title.text())
        self.audit_title.setText(t("이 목표로 충분한지 점검 (SMART 점검, 입력하는 대로 바뀝니다)", "Is the goal good enough? (SMART check, updates as you type)").get(lang))
        self.audit_panel.setAccessibleName(self.audit_title.text())

    def refresh(self) -> None:
        project = self.doc.project
        smart = project.smart
        lang = self.lang
        combo = self._metric_combo
        kpis = view_kpis(project, lang)
        in_plan = [(("plan", k.id), k.name, k.why or k.definition) for k in kpis]
        chosen = {k.catalog_id for k in kpis if k.catalog_id}
        measures = [m for m in goal_measures(project) if m.kpi.id not in chosen]
        catalog = [(("catalog", m.kpi.id),
                    f"{m.kpi.name.get(lang)} — {m.role_name.get(lang)}" + (f"  ★ {BEST.get(lang)}" if i == 0 else ""),
                    m.reason.get(lang))
                   for i, m in enumerate(measures)]
        combo.set_choices(NO_METRIC.get(lang), [(IN_PLAN.get(lang), in_plan), (FOR_GOAL.get(lang), catalog)])
        combo.set_value(("plan", smart.metric) if smart.metric else None)
        if not combo.view().isVisible():
            self._show_why(combo.currentIndex())
        self.fields["what"].set_value(smart.what)
        self.fields["baseline"].set_value(smart.baseline)
        self.fields["target"].set_value(smart.target)
        self.fields["unit"].set_value(smart.unit)
        self.fields["direction"].set_value(smart.direction)
        self.fields["deadline"].set_value(smart.deadline)
        res = self.fields["resources"]
        if res.toPlainText() != smart.resources:
            res.setPlainText(smart.resources)
        self.sentence.setText(smart_sentence(smart).get(lang))
        self.audit_panel.show_findings(audit(project).findings, lang)
