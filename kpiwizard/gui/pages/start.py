"""Page 1: where the owner starts — a new plan, a saved one, a recent one or an example."""

from __future__ import annotations

from pathlib import Path

from kpiwizard.core.text import t

from ..qt import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, Qt, QVBoxLayout, Signal
from ..widgets.help_button import describe
from .base import PlanPage

HOW_IT_WORKS = t(
    "1. 사업 소개 → 2. 사업 목표 → 3. SMART 목표 → 4. KPI 고르기 → 5. 목표값 → 6. 전략 지도 → "
    "7. 실행 계획과 ROI → 8. 검토와 내보내기.\n"
    "각 단계는 몇 분이면 됩니다. 모든 칸에는 마우스를 올리거나 '?'를 누르면 설명이 나옵니다. "
    "마지막에 엑셀 추적표, 인쇄용 PDF 계획서, 점검 일정 캘린더를 만들 수 있습니다. "
    "작업은 자동으로 임시 저장되며 언제든 되돌리기(Ctrl+Z)할 수 있습니다.",
    "1. Your business → 2. Business goal → 3. SMART goal → 4. Choose KPIs → 5. Targets → "
    "6. Strategy map → 7. Actions and ROI → 8. Review and export.\n"
    "Each step takes a few minutes. Hover over any field or press its '?' for an explanation. "
    "At the end you get an Excel tracker, a printable PDF plan and a review calendar. "
    "Your work is autosaved and every change can be undone (Ctrl+Z).",
)


class StartPage(PlanPage):
    title_text = t("KPI 마법사에 오신 것을 환영합니다", "Welcome to KPI Wizard")
    subtitle_text = t(
        "사업 목표에서 시작해 SMART 목표, KPI, 인쇄용 계획서까지 15분 안에 만듭니다.",
        "From your business goal to a SMART goal, KPIs and a printed plan in about fifteen minutes.",
    )

    new_requested = Signal()
    open_requested = Signal()
    recent_chosen = Signal(object)  # Path
    example_chosen = Signal(str)
    guide_requested = Signal()

    def __init__(self, doc, language):
        super().__init__(doc, language)
        self._recent: list[Path] = []
        self.new_button = QPushButton()
        self.open_button = QPushButton()
        self.guide_button = QPushButton()
        for b in (self.new_button, self.open_button, self.guide_button):
            b.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.guide_button.clicked.connect(self.guide_requested)

        self.recent_label = QLabel()
        self.recent_list = QListWidget()
        self.recent_list.itemActivated.connect(lambda item: self.recent_chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.recent_label.setBuddy(self.recent_list)
        self.examples_label = QLabel()
        self.examples_list = QListWidget()
        self.examples_list.itemActivated.connect(lambda item: self.example_chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.examples_label.setBuddy(self.examples_list)
        for lst in (self.recent_list, self.examples_list):
            lst.setMaximumHeight(130)
        self.how_title = QLabel()
        self.how = QLabel()
        self.how.setWordWrap(True)
        self.how.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.guide_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent_list)
        layout.addWidget(self.examples_label)
        layout.addWidget(self.examples_list)
        layout.addSpacing(8)
        layout.addWidget(self.how_title)
        layout.addWidget(self.how)
        layout.addStretch(1)
        self.start()

    def set_recent(self, paths: list[Path]) -> None:
        self._recent = list(paths)
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_list.clear()
        for p in self._recent:
            item = QListWidgetItem(f"{p.name}  —  {p.parent}")
            item.setData(Qt.ItemDataRole.UserRole, p)
            item.setToolTip(str(p))
            self.recent_list.addItem(item)
        if not self._recent:
            item = QListWidgetItem(self.tr_(t("최근에 연 계획이 없습니다.", "No recent plans yet.")))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent_list.addItem(item)

    def retranslate(self) -> None:
        tr = self.tr_
        self.new_button.setText(tr(t("새 계획 만들기(&W)", "Ne&w plan")))
        describe(self.new_button, tr(t("새 계획 만들기", "New plan")),
                 tr(t("빈 계획으로 시작합니다. 열려 있는 계획에 저장하지 않은 내용이 있으면 먼저 묻습니다.",
                      "Start from an empty plan. You are asked first if the open plan has unsaved changes.")))
        self.open_button.setText(tr(t("계획 파일 열기(&O)...", "&Open a plan...")))
        describe(self.open_button, tr(t("계획 파일 열기", "Open a plan")),
                 tr(t("저장해 둔 계획 파일(.kpiwiz)을 엽니다.", "Open a plan you saved before (.kpiwiz file).")))
        self.guide_button.setText(tr(t("사용 안내서(&G)", "&Guide (Korean)")))
        describe(self.guide_button, tr(t("사용 안내서", "Guide")),
                 tr(t("사장님을 위한 짧은 안내서를 엽니다: 단계, SMART의 뜻, 추적표를 매주 쓰는 법.",
                      "Open the short guide for owners (in Korean): the steps, what SMART means, "
                      "how to use the tracker every week.")))
        self.recent_label.setText(tr(t("최근 계획(&R)", "&Recent plans")))
        describe(self.recent_list, tr(t("최근 계획", "Recent plans")),
                 tr(t("최근에 열었던 계획입니다. 두 번 누르거나 Enter로 엽니다.",
                      "Plans you opened lately. Double-click or press Enter to open one.")))
        self.examples_label.setText(tr(t("예제로 살펴보기(&X)", "Try an e&xample")))
        describe(self.examples_list, tr(t("예제 계획", "Example plans")),
                 tr(t("완성된 예제 계획을 열어 어떻게 채우는지 봅니다. 두 번 누르거나 Enter로 엽니다.",
                      "Open a finished example plan to see how one is filled in. Double-click or press Enter.")))
        self.how_title.setText("<b>%s</b>" % tr(t("이렇게 진행됩니다", "How this works")))
        self.how.setText(tr(HOW_IT_WORKS))
        self._fill_examples()
        self._fill_recent()

    def _fill_examples(self) -> None:
        from kpiwizard.core.examples import examples

        self.examples_list.clear()
        for e in examples():
            item = QListWidgetItem(e.description.get(self.lang))
            item.setData(Qt.ItemDataRole.UserRole, e.name)
            item.setToolTip(e.description.get(self.lang))
            self.examples_list.addItem(item)

    def refresh(self) -> None:
        """Nothing on this page shows the plan itself."""
