"""Page 4: the SMART goal, one field per letter, with the sentence and the live audit beside it."""

from __future__ import annotations

from kpiwizard.core.audit import audit
from kpiwizard.core.kpiview import view_kpis
from kpiwizard.core.sentence import smart_sentence
from kpiwizard.core.text import t

from ..qt import (
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
)
from ..widgets.audit_panel import AuditPanel
from ..widgets.fields import DateEdit, EnumCombo, ErrorLabel, NumberEdit, TextEdit, report
from ..widgets.help_button import HelpButton, describe
from kpiwizard.core.vocab import DIRECTION_NAMES
from .base import PlanPage

NO_METRIC = t("(아직 없음 — KPI 단계에서 고릅니다)", "(none yet — chosen on the KPI page)")

# Per field: label (with mnemonic), guidance, example.
FIELDS = {
    "what": (t("무엇을 바꾸나요(&W)", "&What changes"),
             t("목표가 바꾸려는 한 가지를 구체적으로 적으세요. 누구의, 어느 채널의, 어떤 숫자인지.",
               "Name the one thing the goal changes: whose, on which channel, which number."),
             t("예: 인스타그램 쿠폰으로 온 평일 오후 손님", "e.g. weekday-afternoon guests who came with the Instagram coupon")),
    "metric": (t("측정 KPI(&M)", "&Metric"),
               t("이 목표를 어떤 KPI로 잴지 고르세요. KPI는 다음 단계에서 고르고 여기서 연결할 수 있습니다.",
                 "Which KPI measures this goal. You choose KPIs on the next page and can link one here."),
               t("예: 인스타 쿠폰 사용 손님 수", "e.g. coupon guests per week")),
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
GROUP_TITLES = {
    "S": t("S — 구체적: 무엇을", "S — Specific: what"),
    "M": t("M — 측정 가능: 어떤 숫자로", "M — Measurable: which number"),
    "AR": t("A·R — 달성 가능·현실적: 무엇으로", "A·R — Achievable and Realistic: with what"),
    "T": t("T — 기한: 언제까지", "T — Time-bound: by when"),
}


class SmartGoalPage(PlanPage):
    title_text = t("SMART 목표", "SMART goal")
    subtitle_text = t("목표를 구체적·측정 가능·달성 가능·현실적·기한 있는 한 문장으로 만듭니다.",
                      "Turn the goal into one sentence that is Specific, Measurable, Achievable, Realistic and Time-bound.")

    def __init__(self, doc, language):
        super().__init__(doc, language)
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.examples: dict[str, QLabel] = {}
        self.helps: dict[str, HelpButton] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.groups: dict[str, QGroupBox] = {}

        self.fields["what"] = TextEdit()
        self.fields["metric"] = combo = EnumCombo({}, none_text=NO_METRIC)
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

        def change(project):
            if key == "metric":
                project.choose_goal_metric(value)
            else:
                setattr(project.smart, key, value)

        label = t("SMART 목표 수정", "Edit SMART goal")
        report(self.errors[key], self.edit(label, change, merge_key=f"smart.{key}"), self.lang)

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
        self.audit_title.setText(t("SMART 점검 (입력하는 대로 바뀝니다)", "SMART check (updates as you type)").get(lang))
        self.audit_panel.setAccessibleName(self.audit_title.text())

    def refresh(self) -> None:
        project = self.doc.project
        smart = project.smart
        lang = self.lang
        combo = self._metric_combo
        kpis = view_kpis(project, lang)
        combo.set_options({k.id: t(k.name, k.name) for k in kpis}, lang)
        combo.set_value(smart.metric)
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
