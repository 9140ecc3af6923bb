"""Page 7: the balanced-scorecard strategy map generated from the chosen KPIs."""

from __future__ import annotations

from kpiwizard.core.strategy_map import build_strategy_map
from kpiwizard.core.text import t

from ..qt import QFrame, QLabel, QScrollArea, QSizePolicy, Qt, QVBoxLayout
from ..widgets.strategy_map_view import StrategyMapView
from .base import PlanPage


class StrategyMapPage(PlanPage):
    title_text = t("전략 지도", "Strategy map")
    subtitle_text = t("고른 KPI가 사업 성과로 어떻게 이어지는지 네 관점으로 보여 줍니다.",
                      "How the chosen KPIs lead to business results, in four perspectives.")

    def __init__(self, doc, language):
        super().__init__(doc, language)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.view = StrategyMapView()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.view)
        scroll.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.explain)
        layout.addWidget(scroll, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.start()

    def retranslate(self) -> None:
        lang = self.lang
        self.explain.setText(t(
            "아래층에서 배우고(학습과 성장) 하는 일(내부 프로세스)이 위층의 손님 반응(고객)과 매출(재무)을 만듭니다. "
            "화살표는 원인에서 결과로 향합니다. '(제안)' 칸은 아직 재는 숫자가 없는 곳입니다.",
            "Work in the lower layers (learning, internal processes) produces the results above (customers, "
            "finance); arrows run from cause to effect. Boxes marked '(suggested)' have nothing measuring them "
            "yet.").get(lang))
        self.view.setAccessibleName(self.tr_(self.title_text))

    def refresh(self) -> None:
        self.view.set_map(build_strategy_map(self.doc.project, self.lang), self.lang)
