"""Page 2: the business itself — who is making the plan, in which currency, on which channels."""

from __future__ import annotations

from typing import Any


from kpiwizard.core.enums import BusinessSize
from kpiwizard.core.models import Channel
from kpiwizard.core.text import Text, t

from ..qt import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ..widgets.fields import DateEdit, ErrorLabel, TextEdit, report
from ..widgets.help_button import HelpButton, describe
from .base import PlanPage

SIZE_NAMES: dict[BusinessSize, Text] = {
    BusinessSize.SOLO: t("1인 사업", "Just me"),
    BusinessSize.MICRO: t("2~9명", "2–9 people"),
    BusinessSize.SMALL: t("10~49명", "10–49 people"),
    BusinessSize.MEDIUM: t("50명 이상", "50 or more people"),
}
CURRENCIES = ["KRW", "USD", "EUR", "JPY", "GBP", "CNY", "CAD", "AUD", "TWD", "SGD", "VND"]
NOT_A_COUNT = t("팔로워 수는 0 이상의 정수로 적으세요 (예: 820).", "Followers must be a whole number of 0 or more (e.g. 820).")
NEW_CHANNEL = t("새 채널", "New channel")

# (attribute, label, tooltip) of the one-line text fields
TEXT_FIELDS = [
    ("title", t("계획 이름(&T)", "Plan &title"),
     t("이 계획을 부를 이름입니다. 계획서와 추적표 맨 위에 나옵니다. 예: '봄 시즌 평일 손님 늘리기'.",
       "What you call this plan; it heads the printed plan and the tracker. E.g. 'Spring weekday guests'.")),
    ("name", t("가게·회사 이름(&M)", "B&usiness name"),
     t("가게나 회사 이름입니다. 예: '카페 봄'.", "Your shop's or company's name, e.g. 'Luigi's Pizza'.")),
    ("industry", t("업종(&I)", "&Industry"),
     t("무엇을 파는지 짧게 적으세요. 예: '카페·디저트', '피자 가게'.",
       "What you sell, in a few words, e.g. 'café and desserts', 'pizzeria'.")),
    ("region", t("지역(&R)", "&Region"),
     t("손님이 주로 오는 지역입니다. 예: '서울 마포구 망원동'. 지역 고객을 노리는 목표를 세울 때 씁니다.",
       "Where your customers mostly come from, e.g. 'Springfield downtown'. Local goals use it.")),
]


class BusinessPage(PlanPage):
    title_text = t("사업 소개", "Your business")
    subtitle_text = t("계획의 주인공인 가게와 지금 운영하는 SNS 채널을 적어 주세요.",
                      "Tell us about the business and the social-media channels it runs today.")

    def __init__(self, doc, language):
        super().__init__(doc, language)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.helps: dict[str, HelpButton] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.fields: dict[str, Any] = {}  # the fields.py editors

        for key, _label, _tip in TEXT_FIELDS:
            edit = TextEdit()
            edit.textEdited.connect(lambda text, k=key: self._set_text(k, text))
            self._add_row(form, key, edit)

        self.size_box = QComboBox()  # not 'size': that would hide QWidget.size()
        for _ in BusinessSize:
            self.size_box.addItem("")
        self.size_box.activated.connect(self._set_size)
        self._add_row(form, "size", self.size_box)

        self.currency = QComboBox()
        self.currency.addItems(CURRENCIES)
        self.currency.activated.connect(self._set_currency)
        self._add_row(form, "currency", self.currency)

        period = QWidget()
        row = QHBoxLayout(period)
        row.setContentsMargins(0, 0, 0, 0)
        self.start_date = DateEdit()
        self.end_date = DateEdit()
        self.until = QLabel("~")
        row.addWidget(self.start_date)
        row.addWidget(self.until)
        row.addWidget(self.end_date)
        row.addStretch(1)
        self.start_date.date_edited.connect(lambda d: self._set_period("start", d))
        self.end_date.date_edited.connect(lambda d: self._set_period("end", d))
        self.fields["period"] = period
        self._add_row(form, "period", period, focus=self.start_date)

        self.channels = QTableWidget(0, 3)
        self.channels.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.channels.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.channels.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.channels.verticalHeader().setVisible(False)
        self.channels.setMinimumHeight(120)
        self.channels.setTabKeyNavigation(False)  # Tab leaves the table: keyboard users are not trapped
        self.channels.itemChanged.connect(self._channel_edited)
        self.add_channel = QPushButton()
        self.remove_channel = QPushButton()
        for b in (self.add_channel, self.remove_channel):
            b.setAutoDefault(False)
        self.add_channel.clicked.connect(self._add_channel)
        self.remove_channel.clicked.connect(self._remove_channel)
        self.channels_label = QLabel()
        self.channels_label.setBuddy(self.channels)
        self.channels_help = HelpButton()
        self.channels_error = ErrorLabel()

        head = QHBoxLayout()
        head.addWidget(self.channels_label)
        head.addWidget(self.channels_help)
        head.addStretch(1)
        head.addWidget(self.add_channel)
        head.addWidget(self.remove_channel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.channels, 1)
        layout.addWidget(self.channels_error)
        self.start()

    def _add_row(self, form: QFormLayout, key: str, field: QWidget, focus: QWidget | None = None) -> None:
        label, help_button, error = QLabel(), HelpButton(), ErrorLabel()
        label.setBuddy(focus or field)
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(field, 1)
        line.addWidget(help_button)
        col.addLayout(line)
        col.addWidget(error)
        form.addRow(label, box)
        self.labels[key], self.helps[key], self.errors[key], self.fields[key] = label, help_button, error, field

    # -- edits --------------------------------------------------------------------------------

    def _report(self, key: str, reason: Text | None) -> None:
        report(self.errors[key], reason, self.lang)

    def _set_text(self, key: str, text: str) -> None:
        label = t("계획 이름 변경", "Change plan title") if key == "title" else t("사업 정보 변경", "Change business details")

        def change(p):
            if key == "title":
                p.title = text
            else:
                setattr(p.business, key, text)

        self._report(key, self.edit(label, change, merge_key=f"business.{key}"))

    def _set_size(self, index: int) -> None:
        size = list(BusinessSize)[index]
        self._report("size", self.edit(t("사업 규모 변경", "Change business size"),
                                       lambda p: setattr(p.business, "size", size)))

    def _set_currency(self, index: int) -> None:
        code = self.currency.itemText(index)
        self._report("currency", self.edit(t("통화 변경", "Change currency"),
                                           lambda p: setattr(p.business, "currency", code)))

    def _set_period(self, which: str, value) -> None:
        if value is None:
            self._report("period", t("날짜를 고르세요.", "Choose a date."))
            return

        def change(p):
            setattr(p, which, value)
            if p.end < p.start:
                raise ValueError(self._period_reason())

        reason = self.edit(t("계획 기간 변경", "Change plan period"), change, merge_key=f"period.{which}")
        self._report("period", reason)
        if reason is not None:
            self._on_changed()  # show the dates the plan still has

    def _period_reason(self) -> str:
        return self.tr_(t("끝나는 날은 시작하는 날보다 뒤여야 합니다.", "The end date must come after the start date."))

    def _read_channels(self) -> list[dict] | Text:
        """The table as channel fields (the plan validates them, in the owner's words), or the
        reason it cannot be read."""
        channels: list[dict] = []
        for row in range(self.channels.rowCount()):
            name = (self.channels.item(row, 0).text() if self.channels.item(row, 0) else "").strip()
            followers_text = (self.channels.item(row, 1).text() if self.channels.item(row, 1) else "").strip()
            url = (self.channels.item(row, 2).text() if self.channels.item(row, 2) else "").strip()
            try:
                followers = int(followers_text.replace(",", "") or "0")
            except ValueError:
                return NOT_A_COUNT
            if not name:
                return t(f"{row + 1}번째 채널의 이름을 적으세요.", f"Give channel {row + 1} a name.")
            channels.append(dict(name=name, followers=followers, url=url))
        return channels

    def _channel_edited(self, _item: QTableWidgetItem) -> None:
        if self._refreshing:
            return
        channels = self._read_channels()
        if isinstance(channels, Text):
            report(self.channels_error, channels, self.lang)
            return

        def change(p):
            p.business.channels = [Channel.model_validate(c) for c in channels]

        report(self.channels_error, self.edit(t("채널 변경", "Change channels"), change), self.lang)

    def _add_channel(self) -> None:
        name = self.tr_(NEW_CHANNEL)
        reason = self.edit(t("채널 추가", "Add channel"),
                           lambda p: p.business.channels.append(Channel(name=name)))
        report(self.channels_error, reason, self.lang)
        if reason is None:
            row = self.channels.rowCount() - 1
            self.channels.setCurrentCell(row, 0)
            self.channels.setFocus()
            self.channels.editItem(self.channels.item(row, 0))

    def _remove_channel(self) -> None:
        row = self.channels.currentRow()
        if row < 0:
            return

        def change(p):
            del p.business.channels[row]

        report(self.channels_error, self.edit(t("채널 삭제", "Remove channel"), change), self.lang)

    # -- view ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        tr = self.tr_
        for key, label, tip in TEXT_FIELDS:
            self._describe(key, label, tip)
        self._describe("size", t("규모(&S)", "&Size"),
                       t("함께 일하는 사람 수입니다. 현실적인 목표를 가늠하는 데 씁니다.",
                         "How many people work in the business; it helps judge what is realistic."))
        for i, size in enumerate(BusinessSize):
            self.size_box.setItemText(i, tr(SIZE_NAMES[size]))
        self._describe("currency", t("통화(&C)", "&Currency"),
                       t("비용과 매출을 적을 통화입니다. 한국 원화는 KRW입니다.",
                         "The currency of your costs and revenue, e.g. USD for US dollars."))
        self._describe("period", t("계획 기간(&P)", "Plan &period"),
                       t("이 계획을 실행할 기간입니다. 보통 1~3개월이 알맞습니다. 점검 일정과 추적표가 이 기간으로 만들어집니다.",
                         "When the plan runs, usually one to three months. Check-ins and the tracker follow it."))
        describe(self.start_date, tr(t("계획 시작일", "Plan start")), tr(t("계획을 시작하는 날입니다.", "The day the plan starts.")))
        describe(self.end_date, tr(t("계획 종료일", "Plan end")), tr(t("계획을 마치는 날입니다.", "The day the plan ends.")))
        self.channels_label.setText(tr(t("SNS 채널과 현재 팔로워(&L)", "Social channe&ls and followers today")))
        channels_help = tr(t(
            "운영하는 채널마다 이름, 지금 팔로워(구독자) 수, 주소를 적으세요. 칸을 두 번 누르거나 F2로 고칩니다. "
            "팔로워 수는 현실성 점검의 출발점이 됩니다.",
            "For each channel you run: its name, today's followers (subscribers) and its address. "
            "Double-click a cell or press F2 to edit. Followers are the starting point of the realism check."))
        describe(self.channels, tr(t("SNS 채널 표", "Social channels table")), channels_help, self.channels_help)
        self.channels.setHorizontalHeaderLabels([
            tr(t("채널", "Channel")), tr(t("팔로워 수", "Followers")), tr(t("주소(URL)", "Address (URL)"))])
        self.add_channel.setText(tr(t("채널 추가(&A)", "&Add channel")))
        describe(self.add_channel, tr(t("채널 추가", "Add channel")), tr(t("표에 채널을 한 줄 더합니다.", "Add a row for another channel.")))
        self.remove_channel.setText(tr(t("선택한 채널 삭제", "Remove selected")))
        describe(self.remove_channel, tr(t("선택한 채널 삭제", "Remove selected channel")),
                 tr(t("표에서 고른 채널을 지웁니다. 되돌리기(Ctrl+Z)로 살릴 수 있습니다.",
                      "Remove the selected channel. Undo (Ctrl+Z) brings it back.")))
        self.until.setText("~")

    def _describe(self, key: str, label: Text, tip: Text) -> None:
        text = self.tr_(label)
        self.labels[key].setText(text)
        describe(self.fields[key], text, self.tr_(tip), self.helps[key])

    def refresh(self) -> None:
        p = self.doc.project
        b = p.business
        self.fields["title"].set_value(p.title)
        for key in ("name", "industry", "region"):
            self.fields[key].set_value(getattr(b, key))
        self.size_box.setCurrentIndex(list(BusinessSize).index(b.size))
        if self.currency.findText(b.currency) < 0:
            self.currency.addItem(b.currency)
        self.currency.setCurrentIndex(self.currency.findText(b.currency))
        self.start_date.set_value(p.start)
        self.end_date.set_value(p.end)
        self.channels.blockSignals(True)
        try:
            self.channels.setRowCount(len(b.channels))
            for row, c in enumerate(b.channels):
                for col, value in enumerate((c.name, f"{c.followers}", c.url)):
                    item = self.channels.item(row, col)
                    if item is None:
                        item = QTableWidgetItem()
                        self.channels.setItem(row, col, item)
                    if item.text() != value:
                        item.setText(value)
                    if col == 1:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        finally:
            self.channels.blockSignals(False)
        self.remove_channel.setEnabled(bool(b.channels))
