"""Page 3: the business goal social media serves, the strategy behind it, and who it speaks to.

The channel-metric warning is the core's: the audit's ``S-channel-metric`` finding and the
catalog's vanity flags on the chosen KPIs. This page adds no rule of its own.
"""

from __future__ import annotations

from typing import Any


from kpiwizard.core.enums import SocialGoal, StrategicObjective
from kpiwizard.core.text import Text, t

from ..qt import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ..widgets.fields import ErrorLabel, report
from ..widgets.help_button import HelpButton, describe
from .base import PlanPage

GOALS: dict[SocialGoal, tuple[Text, Text]] = {
    SocialGoal.AWARENESS: (
        t("가게 알리기 (브랜드 인지도)(&1)", "Brand &awareness"),
        t("더 많은 사람이 우리 가게를 알게 합니다. 예: 새로 연 피자 가게가 동네 사람들에게 이름을 알리기. "
          "팔로워 수는 그 자체가 목표가 아니라 인지도를 재는 숫자입니다.",
          "More people get to know the business. E.g. a new pizzeria making its name known in town. "
          "Follower counts measure awareness; they are not the goal itself."),
    ),
    SocialGoal.ENGAGEMENT: (
        t("손님과 대화 늘리기 (참여)(&2)", "En&gagement"),
        t("손님이 반응하고 대화하게 합니다. 예: 빵집이 신메뉴 투표로 댓글과 공유를 늘리기.",
          "Customers react and talk with you. E.g. a bakery running a new-flavour vote for comments and shares."),
    ),
    SocialGoal.CUSTOMER_SERVICE: (
        t("문의·불만에 빨리 답하기 (고객 서비스)(&3)", "Customer &service"),
        t("문의와 불만에 빠르게 답합니다. 예: 꽃집이 예약 문의 메시지에 1시간 안에 답하기.",
          "Answer questions and complaints quickly. E.g. a florist replying to order messages within an hour."),
    ),
    SocialGoal.LEADS_SALES: (
        t("문의·예약·주문 늘리기 (리드 및 판매)(&4)", "&Leads and sales"),
        t("문의, 예약, 주문으로 이어지게 합니다. 예: 카페가 인스타그램 쿠폰으로 평일 오후 손님 늘리기.",
          "Turn followers into enquiries, bookings and orders. E.g. a café filling weekday afternoons with Instagram coupons."),
    ),
}
OBJECTIVES: dict[StrategicObjective, tuple[Text, Text]] = {
    StrategicObjective.FOCUS: (
        t("대표 상품 알리기 (집중)(&5)", "F&ocus"),
        t("우리 가게의 핵심 상품을 알립니다. 예: 직접 굽는 스콘을 대표 메뉴로 알리기.",
          "Make the heart of your offer known. E.g. making home-baked scones the signature item."),
    ),
    StrategicObjective.SWITCH: (
        t("경쟁 가게 손님 데려오기 (스위치)(&6)", "Swit&ch"),
        t("경쟁 가게의 손님을 우리 쪽으로 데려옵니다. 예: 체인점 대신 동네 미용실을 고르게 하기.",
          "Win customers from competitors. E.g. getting people to choose the local salon over the chain."),
    ),
    StrategicObjective.UPSELL: (
        t("단골이 더 사게 하기 (상향·교차 판매)(&7)", "&Upsell / cross-sell"),
        t("기존 손님이 더 사게 합니다. 예: 커피 손님에게 디저트 세트 권하기.",
          "Existing customers buy more. E.g. offering coffee drinkers a dessert set."),
    ),
    StrategicObjective.NURTURE: (
        t("고급 상품으로 이끌기 (육성)(&8)", "Nu&rture"),
        t("저가·중가 상품 손님을 고급 상품으로 이끕니다. 예: 원데이 클래스 수강생을 정규반으로.",
          "Move low- and mid-price customers up to the premium line. E.g. one-day class students into the full course."),
    ),
}
# (field, label, tooltip, placeholder)
AUDIENCE_FIELDS = [
    ("audience", t("누구에게(&D)", "Au&dience"),
     t("메시지를 받을 사람입니다. 나이, 사는 곳, 하는 일처럼 구체적으로 적을수록 좋습니다.",
       "Who the message is for. The more concrete (age, area, occupation), the better."),
     t("예: 가게 반경 3km에 사는 30대 직장인", "e.g. office workers in their 30s within 3 km")),
    ("audience_wants", t("그들이 원하는 것(&W)", "What they &want"),
     t("그 사람들이 바라는 것이나 겪는 불편입니다.", "What those people wish for or struggle with."),
     t("예: 점심시간에 빨리 먹을 수 있는 건강한 메뉴", "e.g. a healthy lunch they can eat quickly")),
    ("benefit", t("우리가 주는 혜택(&T)", "The benefi&t you offer"),
     t("그 바람에 우리가 주는 답입니다.", "Your answer to what they want."),
     t("예: 10분 안에 나오는 샐러드 세트", "e.g. a salad set served within 10 minutes")),
    ("reason_to_believe", t("믿을 근거(&P)", "Reason to believe (&proof)"),
     t("혜택이 사실이라고 믿게 하는 증거입니다: 후기, 평점, 인증, 사진.",
       "Evidence that makes the benefit believable: reviews, ratings, certificates, photos."),
     t("예: 네이버 리뷰 평점 4.8, 주방 공개 영상", "e.g. 4.8 stars on reviews, open-kitchen videos")),
]
WHY_LABEL = t("사장님이 SNS를 하는 이유(&Y)", "Wh&y you do this")
WHY_TIP = t("왜 SNS를 하는지 사장님의 말로 한두 문장 적으세요. 나중에 전략을 고칠 때 기준이 됩니다.",
            "One or two sentences, in your own words, on why you are on social media. "
            "They guide every later change of course.")


class BusinessGoalPage(PlanPage):
    title_text = t("사업 목표", "Business goal")
    subtitle_text = t("SNS는 사업 목표를 위해 씁니다. 먼저 목표와 전략, 그리고 누구에게 말할지 정하세요.",
                      "Social media serves a business goal. Choose the goal and strategy first, then who you speak to.")

    def __init__(self, doc, language):
        super().__init__(doc, language)
        inner = QWidget()
        layout = QVBoxLayout(inner)

        self.goal_box, self.goal_group, self.goal_buttons, self.goal_notes = self._radio_box(GOALS, self._set_goal)
        self.objective_box, self.objective_group, self.objective_buttons, self.objective_notes = self._radio_box(
            OBJECTIVES, self._set_objective)
        self.goal_help = HelpButton()
        self.objective_help = HelpButton()
        for box, help_button in ((self.goal_box, self.goal_help), (self.objective_box, self.objective_help)):
            row = QHBoxLayout()
            row.addWidget(box, 1)
            row.addWidget(help_button, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(row)

        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setFrameShape(QFrame.Shape.StyledPanel)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setAccessibleName("")
        layout.addWidget(self.warning)

        self.audience_box = QGroupBox()
        form = QFormLayout(self.audience_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.fields: dict[str, Any] = {}  # line edits, and the plain-text 'why' box
        self.helps: dict[str, HelpButton] = {}
        self.errors: dict[str, ErrorLabel] = {}
        for key, *_ in AUDIENCE_FIELDS:
            edit = QLineEdit()
            edit.textEdited.connect(lambda text, k=key: self._set_text(k, text))
            self._add_row(form, key, edit)
        self.why = QPlainTextEdit()
        self.why.setTabChangesFocus(True)
        self.why.setFixedHeight(self.why.fontMetrics().lineSpacing() * 4 + 12)
        self.why.textChanged.connect(lambda: self._set_text("why", self.why.toPlainText()))
        self._add_row(form, "why", self.why)
        layout.addWidget(self.audience_box)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.start()

    def _radio_box(self, options: dict, on_choose):
        box = QGroupBox()
        grid = QGridLayout(box)
        group = QButtonGroup(box)
        buttons, notes = {}, {}
        for i, value in enumerate(options):
            radio = QRadioButton()
            note = QLabel()
            note.setWordWrap(True)
            note.setIndent(22)
            note.setTextFormat(Qt.TextFormat.PlainText)
            group.addButton(radio, i)
            grid.addWidget(radio, (i // 2) * 2, i % 2)
            grid.addWidget(note, (i // 2) * 2 + 1, i % 2, Qt.AlignmentFlag.AlignTop)
            radio.toggled.connect(lambda on, v=value: on and on_choose(v))
            buttons[value], notes[value] = radio, note
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return box, group, buttons, notes

    def _add_row(self, form: QFormLayout, key: str, field: QWidget) -> None:
        label, help_button, error = QLabel(), HelpButton(), ErrorLabel()
        label.setBuddy(field)
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(field, 1)
        line.addWidget(help_button, 0, Qt.AlignmentFlag.AlignTop)
        col.addLayout(line)
        col.addWidget(error)
        form.addRow(label, box)
        self.labels[key], self.fields[key], self.helps[key], self.errors[key] = label, field, help_button, error

    # -- edits --------------------------------------------------------------------------------

    def _set_goal(self, goal: SocialGoal) -> None:
        self.edit(t("SNS 목표 변경", "Change social-media goal"),
                  lambda p: setattr(p.business_goal, "social_goal", goal))

    def _set_objective(self, objective: StrategicObjective) -> None:
        self.edit(t("전략 목표 변경", "Change strategic objective"),
                  lambda p: setattr(p.business_goal, "objective", objective))

    def _set_text(self, key: str, text: str) -> None:
        reason = self.edit(t("고객과 메시지 변경", "Change audience and message"),
                           lambda p: setattr(p.business_goal, key, text), merge_key=f"business_goal.{key}")
        report(self.errors[key], reason, self.lang)

    # -- view ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        tr = self.tr_
        self.goal_box.setTitle(tr(t("SNS로 이루려는 목표", "What social media should achieve")))
        describe(self.goal_box, tr(t("SNS 목표", "Social-media goal")),
                 tr(t("네 가지 중 이번 계획의 중심이 될 하나를 고르세요. 추천 KPI가 이 선택에 따라 달라집니다.",
                      "Pick the one goal this plan is about. The recommended KPIs follow from it.")), self.goal_help)
        self.objective_box.setTitle(tr(t("사업 전략", "Business strategy")))
        describe(self.objective_box, tr(t("전략 목표", "Strategic objective")),
                 tr(t("마케팅 전략은 선택과 집중입니다. 이번 기간에 가장 중요한 전략 하나를 고르세요.",
                      "Strategy is choice and focus: pick the one that matters most for this period.")),
                 self.objective_help)
        for options, buttons, notes in ((GOALS, self.goal_buttons, self.goal_notes),
                                        (OBJECTIVES, self.objective_buttons, self.objective_notes)):
            for value, (label, note) in options.items():
                buttons[value].setText(tr(label))
                describe(buttons[value], tr(label), tr(note))
                notes[value].setText(tr(note))
        self.audience_box.setTitle(tr(t("누구에게, 무엇을 말할까", "Who you speak to, and what you say")))
        for key, label, tip, placeholder in AUDIENCE_FIELDS:
            self.labels[key].setText(tr(label))
            self.fields[key].setPlaceholderText(tr(placeholder))
            describe(self.fields[key], tr(label), tr(tip), self.helps[key])
        self.labels["why"].setText(tr(WHY_LABEL))
        self.why.setPlaceholderText(tr(t("예: 평일 오후에 빈자리가 많아 아르바이트생을 줄여야 할 처지입니다.",
                                         "e.g. Weekday afternoons are half empty and we may have to cut staff.")))
        describe(self.why, tr(WHY_LABEL), tr(WHY_TIP), self.helps["why"])
        self.warning.setAccessibleName(tr(t("목표 경고", "Goal warning")))

    def refresh(self) -> None:
        p = self.doc.project
        g = p.business_goal
        self.goal_buttons[g.social_goal].setChecked(True)
        self.objective_buttons[g.objective].setChecked(True)
        for key, *_ in AUDIENCE_FIELDS:
            if self.fields[key].text() != getattr(g, key):
                self.fields[key].setText(getattr(g, key))
        if self.why.toPlainText() != g.why:
            self.why.setPlainText(g.why)
        self._show_warning()

    def _show_warning(self) -> None:
        lines = channel_metric_warnings(self.doc.project, self.lang)
        self.warning.setText("\n".join("⚠ " + line for line in lines))
        self.warning.setVisible(bool(lines))


def channel_metric_warnings(project, lang) -> list[str]:
    """The core's verdict on chasing a channel metric: the audit finding, then the vanity KPIs."""
    if not project.kpis:
        return []
    from kpiwizard.core.audit import audit
    from kpiwizard.core.kpiview import view_kpis

    lines = [f"{f.message.get(lang)} {f.fix.get(lang)}" for f in audit(project).findings if f.id == "S-channel-metric"]
    for view in view_kpis(project, lang):
        if view.vanity:
            lines.append(f"{view.name}: {view.vanity_reason}")
    return lines
