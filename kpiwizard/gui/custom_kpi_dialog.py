"""The owner's own KPI, in a dialog of its own: a name, what it counts, how, and a few plain choices.

The KPI step shows recommendations first; a number the catalog lacks (reservations on Naver,
coupon guests counted at the till) is made here. The dialog checks the answers with the core's
models before it closes (an empty or too long name is refused with the reason under the form and
nothing typed is lost); the page adds the KPI to the plan as one undoable edit.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from kpiwizard.core.enums import Direction, Family, Indicator, Lang, Perspective
from kpiwizard.core.models import CustomKpi, KpiSelection
from kpiwizard.core.text import t
from kpiwizard.core.validation_messages import describe_validation_error
from kpiwizard.core.vocab import DIRECTION_NAMES, PERSPECTIVE_NAMES, family_name

from .qt import QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, Qt, QVBoxLayout, QWidget
from .widgets.fields import EnumCombo, ErrorLabel, mark, pair
from .widgets.help_button import HelpButton, describe

# Plain words first, the term in brackets.
INDICATOR_PLAIN = {
    Indicator.LEADING: t("결과를 미리 알려 주는 숫자 (선행 지표)", "Tells early how the result will go (leading)"),
    Indicator.LAGGING: t("결과 자체를 세는 숫자 (후행 지표)", "Counts the result itself (lagging)"),
}
TITLE = t("직접 만드는 KPI", "Make your own KPI")
INTRO = t("추천과 목록에 알맞은 숫자가 없을 때 직접 만듭니다. 이름과 단위만 있어도 됩니다.",
          "When no recommended or listed number fits, make your own. A name and a unit are enough to start.")
# key: (label with mnemonic, help)
FIELDS = {
    "name": (t("이름(&N)", "&Name"), t("KPI의 짧은 이름 (꼭 적어야 합니다, 최대 300자). 예: 인스타 쿠폰 사용 손님 수",
                                      "A short name (required, at most 300 characters), e.g. guests using the Instagram coupon")),
    "definition": (t("무엇을 세나요(&E)", "D&efinition"), t("무엇을 세는지 한 문장으로.", "What it counts, in one sentence.")),
    "formula": (t("어떻게 계산하나요(&F)", "&Formula"),
                t("어떻게 세거나 계산하는지. 예: 주간 쿠폰 결제 건수 (포스기 할인 코드 기준)",
                  "How it is counted or computed, e.g. coupon payments per week (till discount code)")),
    "unit": (t("단위(&U)", "&Unit"), t("숫자가 세는 것: 명, 건, %, 분, 원 등.", "What the number counts: people, orders, %, minutes...")),
    "direction": (t("좋은 방향(&D)", "&Direction"), t("숫자가 커져야 좋은지 작아져야 좋은지.", "Whether higher or lower is better.")),
    "indicator": (t("숫자의 종류(&I)", "&Indicator"),
                  t("결과보다 먼저 움직여 결과를 미리 알려 주는 숫자(선행 지표)인지, 결과 자체를 세는 숫자(후행 지표)인지.",
                    "Whether it moves before the result and tells early how it will go (leading), or counts the result itself (lagging).")),
    "perspective": (t("전략 지도의 층(&P)", "&Perspective"),
                    t("전략 지도에서 어느 층에 놓일지: 돈(재무), 손님(고객), 사장님이 하는 일(내부 프로세스), 배우는 일(학습과 성장).",
                      "Which layer of the strategy map it sits on: money (financial), customers, your own work (internal), learning.")),
    "family": (t("분류(&Y)", "Famil&y"),
               t("비슷한 숫자의 묶음. 목표에 못 미칠 때 무엇을 바꿀지 제안하는 데 쓰입니다.",
                 "The group of similar numbers; used to suggest what to change when it falls short.")),
}


class CustomKpiDialog(QDialog):
    """Asks for one custom KPI; ``values()`` holds the answers once accepted."""

    def __init__(self, lang: Lang, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = Lang(lang)
        self.setWindowTitle(TITLE.get(self.lang))
        self.fields: dict[str, Any] = {  # line edits and combo boxes
            "name": QLineEdit(), "definition": QLineEdit(), "formula": QLineEdit(), "unit": QLineEdit(),
            "direction": EnumCombo({d: DIRECTION_NAMES[d] for d in (Direction.HIGHER, Direction.LOWER)}),
            "indicator": EnumCombo(INDICATOR_PLAIN),
            "perspective": EnumCombo(PERSPECTIVE_NAMES),
            "family": EnumCombo({f: family_name(f) for f in Family}),
        }
        self.fields["indicator"].set_value(Indicator.LAGGING)
        self.fields["perspective"].set_value(Perspective.CUSTOMER)
        self.fields["name"].setMaxLength(300)
        self.labels: dict[str, QLabel] = {}
        self.helps: dict[str, HelpButton] = {}
        intro = QLabel(INTRO.get(self.lang))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, widget in self.fields.items():
            label_text, help_text = FIELDS[key]
            label = QLabel(label_text.get(self.lang))
            label.setBuddy(widget)
            self.labels[key] = label
            self.helps[key] = button = HelpButton()
            describe(widget, label_text.get(self.lang), help_text.get(self.lang), button)
            if isinstance(widget, EnumCombo):
                widget.retranslate(self.lang)
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            row.addWidget(button)
            form.addRow(label, row)
        self.error = ErrorLabel()
        pair(self.fields["name"], self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(t("계획에 넣기", "Add to plan").get(self.lang))
        describe(ok, ok.text(), t("이 KPI를 계획에 넣습니다. 실행 취소(Ctrl+Z)로 되돌릴 수 있습니다.",
                                  "Put this KPI into the plan; Undo (Ctrl+Z) takes it back.").get(self.lang))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(t("취소", "Cancel").get(self.lang))
        describe(cancel, cancel.text(), t("아무것도 넣지 않고 닫습니다.", "Close without adding anything.").get(self.lang))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.fields["name"].setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(560, self.sizeHint().height())

    def values(self) -> dict:
        f = self.fields
        return {
            "name": f["name"].text().strip(), "definition": f["definition"].text().strip(),
            "formula": f["formula"].text().strip(), "unit": f["unit"].text().strip(),
            "direction": f["direction"].value(), "indicator": f["indicator"].value(),
            "perspective": f["perspective"].value(), "family": f["family"].value(),
        }

    def accept(self) -> None:
        """Close only on answers the plan can hold; otherwise say why and keep everything typed."""
        problem = check_custom(self.values())
        self.error.show_reason(problem.get(self.lang) if problem is not None else None)
        mark(self.fields["name"], problem is not None)
        if problem is None:
            super().accept()
        else:
            self.fields["name"].setFocus(Qt.FocusReason.OtherFocusReason)


def custom_selection(values: dict, kpi_id: str, goals: list) -> KpiSelection:
    """The plan's KPI for the dialog's answers (raises ValidationError for answers it cannot hold)."""
    custom = CustomKpi(
        name=values["name"], definition=values.get("definition", ""), formula=values.get("formula", ""),
        indicator=values.get("indicator", Indicator.LAGGING), perspective=values.get("perspective", Perspective.CUSTOMER),
        family=values.get("family", Family.ENGAGEMENT), goals=goals,
        percent=values.get("unit", "").strip() == "%",
    )
    return KpiSelection(id=kpi_id, custom=custom, unit=values.get("unit", ""),
                        direction=values.get("direction", Direction.HIGHER))


def check_custom(values: dict):
    """The reason the answers cannot become a KPI (a Text), or None."""
    if not values.get("name", "").strip():
        return t("이름을 적어 주세요. 이름이 비어 있으면 안 됩니다.", "Give the KPI a name: it must not be empty.")
    try:
        custom_selection(values, "custom_1", [])
    except ValidationError as e:
        return describe_validation_error(e, in_file=False)
    return None
