"""Page 8: the actions that move each KPI, the money side (ROI on gross profit, cost per customer,
LTV), the reverse funnel, the weekly capacity and the assumptions the realism checks use.

Three tabs, so each fits the window without scrolling: what we will do (capacity first: the SMART
audit asks for it), money in and out, and the numbers behind the checks."""

from __future__ import annotations

from kpiwizard.core.audit import audit
from kpiwizard.core.errors import UserError
from kpiwizard.core.formatting import format_money, format_number
from kpiwizard.core.kpiview import view_kpis
from kpiwizard.core.models import Action, Capacity, Funnel, RoiInputs
from kpiwizard.core.assumptions import all_assumptions
from kpiwizard.core.models import Assumptions
from kpiwizard.core.roi import project_roi, reverse_funnel
from kpiwizard.core.vocab import ROI_NAMES
from kpiwizard.core.text import Text, t
from kpiwizard.core.utm import action_link

from ..qt import (
    QSizePolicy,
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QGuiApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ..widgets.audit_panel import AuditPanel
from ..widgets.fields import DateEdit, EnumCombo, ErrorLabel, NumberEdit, TextEdit, pair, report
from ..widgets.help_button import HelpButton, describe
from ..widgets.tables import set_cell
from kpiwizard.core.vocab import ACTION_STATUS_NAMES, CONTENT_NAMES
from .base import PlanPage

NO_KPI = t("(연결 안 함)", "(not linked)")
NO_TYPE = t("(정하지 않음)", "(not set)")
COLUMNS = [
    ("tactic", t("실행 방법", "Tactic"), t("무엇을 할지. 예: 평일 오후 쿠폰 게시물 주 2회", "What you will do, e.g. two weekday coupon posts a week")),
    ("channel", t("채널", "Channel"), t("어디에서. 예: Instagram", "Where, e.g. Instagram")),
    ("content_type", t("콘텐츠 유형", "Content type"), t("제품 정보, 프로모션, 유용한 정보, 재미, 라이프스타일 중 무엇인지", "Product info, promotion, useful, entertaining or lifestyle")),
    ("kpi", t("움직일 KPI", "KPI it moves"), t("이 실행으로 움직이려는 KPI", "The KPI this action should move")),
    ("owner", t("담당자", "Owner"), t("누가 할지", "Who does it")),
    ("due", t("기한", "Due"), t("언제까지", "By when")),
    ("status", t("상태", "Status"), t("계획, 진행 중, 완료, 중단", "Planned, in progress, done or dropped")),
]
TEXT_COLUMNS = {"tactic", "channel", "owner"}
WEBSITE_LABEL = t("우리 가게 웹 주소(&W)", "Your &web address")
WEBSITE_HELP = t("캠페인 링크 (UTM)를 누른 손님이 도착할 페이지입니다. 홈페이지, 네이버 스마트플레이스나 "
                 "인스타그램 주소를 브라우저 주소창에서 그대로 복사해 넣으세요.",
                 "The page the campaign links (UTM) open: your website, Naver Smart Place or Instagram "
                 "address, starting with https://, e.g. https://cafe.example/menu")
COPY_LINK = t("캠페인 링크 복사(&K)", "Copy campaign lin&k")
COPY_LINK_HELP = t("표에서 고른 실행의 캠페인 링크 (UTM)를 복사합니다. 게시물이나 프로필에 이 링크를 붙이면, "
                   "나중에 구글 애널리틱스 파일을 가져올 때 어느 실행에서 손님이 왔는지 셉니다.",
                   "Copy the campaign link (UTM) of the action selected in the table. Put it in the post or "
                   "profile; a GA4 download then counts the visits each action brought.")
WEBSITE_PLACEHOLDER = t("홈페이지·스마트플레이스·인스타그램 주소", "https://")
NO_ACTION_CHOSEN = t("먼저 표에서 링크를 만들 실행을 고르세요.", "First select the action in the table.")

# ROI inputs: key -> (label, help, money?)
ROI_FIELDS = {
    "ad_spend": (t("광고비(&A)", "&Ad spend"), t("기간 동안 쓴 광고비 합계.", "Total ad spend in the period."), True),
    "tools": (t("도구 비용(&T)", "&Tools"), t("예약·디자인·분석 도구 등 구독료 합계.", "Subscriptions for scheduling, design or analytics tools."), True),
    "hours": (t("들인 시간(시간)(&S)", "Hours &spent"), t("게시물 만들기와 응대에 든 사람의 시간 합계.", "People's time spent on posts and replies, in hours."), False),
    "hourly_rate": (t("시간당 인건비(&U)", "Ho&urly rate"), t("그 시간의 값. 사장님 시간도 공짜가 아닙니다.", "What an hour of that time costs; the owner's time too."), True),
    "revenue": (t("소셜 미디어 매출(&R)", "&Revenue from social"), t("소셜 미디어에서 온 손님이 낸 매출 (쿠폰·UTM·문의 경로로 확인).", "Revenue from customers who came through social media (coupon, UTM, enquiry source)."), True),
    "leads": (t("문의·예약한 사람 수 (리드)(&L)", "&Leads"), t("문의·가입·예약처럼 관심을 보인 사람 수.", "People who showed interest: enquiries, sign-ups, bookings."), False),
    "customers": (t("새 고객 수(&C)", "New &customers"), t("그중 실제로 산 사람 수.", "Of those, people who bought."), False),
    "average_order": (t("평균 주문액(&O)", "Average &order"), t("한 번 살 때 평균 금액.", "The average amount of one purchase."), True),
    "purchases_per_year": (t("연간 구매 횟수(&P)", "&Purchases per year"), t("한 고객이 1년에 몇 번 사는지.", "How many times a customer buys in a year."), False),
    "customer_years": (t("고객 유지 기간(년)(&Y)", "Customer &years"), t("한 고객이 몇 년 동안 단골로 남는지.", "How many years a customer keeps buying."), False),
}
# Share of revenue kept after what each sale costs (ingredients, goods): ROI and LTV are counted on it.
MARGIN_FIELD = (t("남는 비율 % (매출총이익률)(&G)", "&Gross margin %"),
                t("매출 100원 중 재료비·원가를 빼고 남는 몫. 비워 두면 업종 평균(아래)을 씁니다.",
                  "What is left of each sale after the cost of goods. Empty: the industry default shown below."))
ASSUMPTION_FIELDS = {
    "organic_growth_per_post": (t("주 1회 게시물당 월 팔로워 증가 %(&M)", "&Monthly follower growth per weekly post %"),
                                t("광고 없이 주 1회 올리는 게시물 하나가 한 달에 팔로워를 몇 % 늘리는지.",
                                  "How much one weekly post grows followers in a month, without ads."), 100.0),
    "min_followers_per_weekly_post": (t("주 1회 게시물당 최소 새 팔로워(명/월)(&S)", "Lea&st new followers per weekly post (a month)"),
                                      t("아주 작은 계정도 주 1회 게시물 하나로 한 달에 얻는 팔로워 수.",
                                        "Followers a month one weekly post brings even to a tiny account."), 1.0),
    "max_organic_monthly_growth": (t("광고 없는 월 최대 증가 %(&G)", "Most organic &growth a month %"),
                                   t("광고 없이 한 달에 늘 수 있는 팔로워의 상한.", "The ceiling on growth in a month without ads."), 100.0),
    "cost_per_follower": (t("광고로 얻는 팔로워 1명당 비용(&A)", "&Ad cost of one new follower"),
                          t("광고비로 팔로워 한 명을 얻는 데 드는 돈. 0이면 광고로 팔로워를 얻지 않는다고 봅니다.",
                            "What one follower costs in ads. 0: ads buy no followers."), 1.0),
}
FUNNEL_FIELDS = {
    "revenue_target": (t("매출 목표(&R)", "&Revenue target"), t("소셜 미디어로 벌고 싶은 매출.", "The revenue you want from social media."), 1.0),
    "click_rate": (t("클릭률 %(&C)", "&Click rate %"), t("게시물을 본 사람 중 링크를 누르는 비율.", "Share of people reached who click."), 100.0),
    "lead_rate": (t("리드 전환율 %(&L)", "&Lead rate %"), t("클릭한 사람 중 문의·가입하는 비율.", "Share of clicks that become leads."), 100.0),
    "close_rate": (t("구매 전환율 %(&O)", "Cl&ose rate %"), t("리드 중 실제로 사는 비율.", "Share of leads who buy."), 100.0),
}
CAPACITY_FIELDS = {
    "posts_per_week": (t("주당 게시물 수(&P)", "&Posts per week"), t("일주일에 꾸준히 올릴 수 있는 게시물 수. 현실성 점검에 쓰입니다.", "Posts you can keep up each week; the realism check uses it.")),
    "hours_per_week": (t("주당 쓸 수 있는 시간(&U)", "Ho&urs per week"), t("일주일에 소셜 미디어에 쓸 수 있는 시간.", "Hours a week you can give to social media.")),
}
RESULTS = {
    "total_cost": t("들인 돈 합계", "Total cost"),
    "gross_profit": ROI_NAMES["gross_profit"],
    "net_return": ROI_NAMES["net_return"],
    "roi": ROI_NAMES["roi_percent"],
    "roas": ROI_NAMES["revenue_to_ad_spend"],
    "cpl": ROI_NAMES["total_cost_per_lead"],
    "cpa": ROI_NAMES["total_cost_per_customer"],
    "ltv": ROI_NAMES["ltv"],
    "ltv_cac": ROI_NAMES["ltv_to_cost"],
}
FUNNEL_RESULTS = {
    "customers": t("필요한 고객", "Customers needed"),
    "leads": t("필요한 리드", "Leads needed"),
    "clicks": t("필요한 클릭", "Clicks needed"),
    "reach": t("필요한 도달", "Reach needed"),
}


def _value_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class ActionsRoiPage(PlanPage):
    title_text = t("실행 계획과 ROI", "Actions and ROI")
    subtitle_text = t("KPI를 움직일 실행 방법과 담당자, 들인 돈과 번 돈, 목표 매출에 필요한 숫자를 정리합니다.",
                      "The tactics that move each KPI and who does them; what it costs and earns; what a revenue target needs.")

    def __init__(self, doc, language):
        super().__init__(doc, language)
        # actions
        self.actions_box = QGroupBox()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setMinimumHeight(160)
        self.add_action = QPushButton()
        self.remove_action = QPushButton()
        self.actions_error = ErrorLabel()
        self.actions_audit = AuditPanel()
        self.actions_audit.setMaximumHeight(90)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_action)
        buttons.addWidget(self.remove_action)
        buttons.addStretch(1)
        # Campaign links (UTM): the page they open, and the selected action's link copied.
        self.website = TextEdit()
        self.website_label = QLabel()
        self.website_label.setBuddy(self.website)
        self.website_help = HelpButton()
        self.website_error = ErrorLabel()
        pair(self.website, self.website_error)
        self.copy_link = QPushButton()
        self.link_result = QLabel()
        self.link_result.setWordWrap(True)
        self.link_result.setTextFormat(Qt.TextFormat.PlainText)
        self.link_result.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.link_result.hide()
        links = QHBoxLayout()
        links.addWidget(self.website_label)
        links.addWidget(self.website, 1)
        links.addWidget(self.website_help)
        links.addWidget(self.copy_link)
        al = QVBoxLayout(self.actions_box)
        al.addWidget(self.table, 1)
        al.addLayout(buttons)
        al.addWidget(self.actions_error)
        al.addLayout(links)
        al.addWidget(self.website_error)
        al.addWidget(self.link_result)
        al.addWidget(self.actions_audit)

        # ROI, funnel, capacity
        self.roi_box, self.funnel_box, self.capacity_box = QGroupBox(), QGroupBox(), QGroupBox()
        self.inputs: dict[str, NumberEdit] = {}
        self.labels: dict[str, QLabel] = {}
        self.helps: dict[str, HelpButton] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.results: dict[str, QLabel] = {}
        self.result_names: dict[str, QLabel] = {}
        roi_grid = QGridLayout(self.roi_box)
        self._add_inputs(roi_grid, {k: (v[0], v[1], 1.0) for k, v in ROI_FIELDS.items()}, "roi", columns=2)
        r = roi_grid.rowCount()
        self._add_results(roi_grid, RESULTS, r)
        funnel_grid = QGridLayout(self.funnel_box)
        self._add_inputs(funnel_grid, FUNNEL_FIELDS, "funnel", columns=1)
        self.funnel_note = QLabel()
        self.funnel_note.setWordWrap(True)
        funnel_grid.addWidget(self.funnel_note, funnel_grid.rowCount(), 0, 1, 3)
        self._add_results(funnel_grid, FUNNEL_RESULTS, funnel_grid.rowCount(), columns=1)
        capacity_grid = QGridLayout(self.capacity_box)
        self._add_inputs(capacity_grid, {k: (v[0], v[1], 1.0) for k, v in CAPACITY_FIELDS.items()}, "capacity", columns=2)
        self.capacity_audit = AuditPanel()
        self.capacity_audit.setMaximumHeight(70)
        capacity_grid.addWidget(self.capacity_audit, capacity_grid.rowCount(), 0, 1, 4)
        self.money_audit = AuditPanel()
        self.money_audit.setMaximumHeight(110)

        for grid in (roi_grid, funnel_grid):  # rows at their natural height, the rest left empty
            grid.setRowStretch(grid.rowCount(), 1)
        self.margin_box = QGroupBox()
        margin_grid = QGridLayout(self.margin_box)
        self._add_inputs(margin_grid, {"gross_margin": (*MARGIN_FIELD, 100.0)}, "margin", columns=1)
        self.margin_source = QLabel()
        self.margin_source.setWordWrap(True)
        self.margin_source.setTextFormat(Qt.TextFormat.PlainText)
        margin_grid.addWidget(self.margin_source, margin_grid.rowCount(), 0, 1, 3)
        margin_grid.addWidget(self.money_audit, margin_grid.rowCount(), 0, 1, 3)
        margin_grid.setRowStretch(margin_grid.rowCount(), 1)
        self.assumptions_box = QGroupBox()
        assumptions_grid = QGridLayout(self.assumptions_box)
        self._add_inputs(assumptions_grid, ASSUMPTION_FIELDS, "assumptions", columns=1)
        self.assumption_sources = QLabel()
        self.assumption_sources.setWordWrap(True)
        self.assumption_sources.setTextFormat(Qt.TextFormat.PlainText)
        assumptions_grid.addWidget(self.assumption_sources, assumptions_grid.rowCount(), 0, 1, 3)
        assumptions_grid.setRowStretch(assumptions_grid.rowCount(), 1)

        # Tab 1: what we will do, capacity first (the SMART audit asks for it).
        plan_tab = QWidget()
        pl = QVBoxLayout(plan_tab)
        pl.addWidget(self.capacity_box)
        pl.addWidget(self.actions_box, 1)
        # Tab 2: money in and out.
        money_tab = QWidget()
        ml = QHBoxLayout(money_tab)
        ml.addWidget(self.roi_box, 3)
        ml.addWidget(self.margin_box, 2)
        # Tab 3: the revenue target worked back, and the figures behind the realism checks.
        numbers_tab = QWidget()
        nl = QHBoxLayout(numbers_tab)
        nl.addWidget(self.funnel_box, 1)
        nl.addWidget(self.assumptions_box, 1)
        self.tabs = QTabWidget()
        for tab in (plan_tab, money_tab, numbers_tab):
            scroll = QScrollArea()  # only on a screen smaller than the default window
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(tab)
            self.tabs.addTab(scroll, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.add_action.clicked.connect(self.add_row)
        self.remove_action.clicked.connect(self.remove_row)
        self.table.itemChanged.connect(self._item_changed)
        self.website.textEdited.connect(self._set_website)
        self.copy_link.clicked.connect(lambda _checked=False: self.copy_campaign_link())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.start()

    # -- building --------------------------------------------------------------------------

    def _add_inputs(self, grid: QGridLayout, fields: dict, group: str, columns: int) -> None:
        for i, (key, (_label, _help, scale)) in enumerate(fields.items()):
            row, col = divmod(i, columns)
            field = NumberEdit(scale=scale)
            label = QLabel()
            label.setBuddy(field)
            help_button = HelpButton()
            error = ErrorLabel()
            self.inputs[key], self.labels[key], self.helps[key], self.errors[key] = field, label, help_button, error
            cell = QVBoxLayout()
            cell.setSpacing(1)
            line = QHBoxLayout()
            line.addWidget(field, 1)
            line.addWidget(help_button)
            cell.addLayout(line)
            cell.addWidget(error)
            grid.addWidget(label, row, col * 2)
            grid.addLayout(cell, row, col * 2 + 1)
            field.value_edited.connect(lambda v, g=group, k=key: self._set(g, k, v))
            field.refused.connect(lambda reason, k=key: report(self.errors[k], reason, self.lang))

    def _add_results(self, grid: QGridLayout, names: dict, first_row: int, columns: int = 2) -> None:
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        grid.addWidget(line, first_row, 0, 1, 2 * columns)
        for i, key in enumerate(names):
            row, col = divmod(i, columns)
            name, value = QLabel(), _value_label()
            name.setBuddy(value)
            self.result_names[key], self.results[key] = name, value
            grid.addWidget(name, first_row + 1 + row, col * 2)
            grid.addWidget(value, first_row + 1 + row, col * 2 + 1)

    # -- editing ---------------------------------------------------------------------------

    def _set(self, group: str, key: str, value) -> None:
        if self._refreshing:
            return
        if value is None and group not in ("margin", "assumptions"):  # those: empty = the default
            value = 0 if group != "funnel" or key == "revenue_target" else None

        def change(project):
            if group == "margin":
                project.roi = RoiInputs.model_validate({**project.roi.model_dump(), key: value})
            elif group == "assumptions":
                project.assumptions = Assumptions.model_validate({**project.assumptions.model_dump(), key: value})
            elif group == "roi":
                project.roi = RoiInputs.model_validate({**project.roi.model_dump(), key: value})
            elif group == "funnel":
                funnel = Funnel.model_validate({**project.roi.funnel.model_dump(), key: value})
                project.roi = project.roi.model_copy(update={"funnel": funnel})
            else:
                project.capacity = Capacity.model_validate({**project.capacity.model_dump(), key: value})

        reason = self.edit(t("ROI 입력 수정", "Edit ROI inputs"), change, merge_key=f"{group}.{key}")
        report(self.errors[key], reason, self.lang)

    def add_row(self) -> None:
        first_kpi = self.doc.project.kpis[0].id if self.doc.project.kpis else None
        tactic = t("새 실행 방법", "New tactic").get(self.lang)

        def change(project):
            project.actions = [*project.actions, Action(tactic=tactic, kpi=first_kpi)]

        report(self.actions_error, self.edit(t("실행 추가", "Add action"), change), self.lang)
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return

        def change(project):
            project.actions = [a for i, a in enumerate(project.actions) if i != row]

        report(self.actions_error, self.edit(t("실행 삭제", "Remove action"), change), self.lang)

    def set_action(self, row: int, key: str, value) -> Text | None:
        """Change one field of one action (returns the refusal reason, also shown under the table)."""
        if self._refreshing:
            return None

        def change(project):
            actions = list(project.actions)
            actions[row] = Action.model_validate({**actions[row].model_dump(), key: value})
            project.actions = actions

        reason = self.edit(t("실행 수정", "Edit action"), change, merge_key=f"action.{row}.{key}")
        report(self.actions_error, reason, self.lang)
        if reason is not None:
            self._on_changed()  # put the stored value back in the cell
        return reason

    def _set_website(self, text: str) -> None:
        def change(project):
            project.business.website = text

        reason = self.edit(t("웹 주소 수정", "Edit web address"), change, merge_key="business.website")
        report(self.website_error, reason, self.lang)

    def copy_campaign_link(self) -> str | None:
        """Put the selected action's campaign link on the clipboard and say so; without an action
        or a web address, say what is missing. Returns the link copied, if any."""
        lang = self.lang
        row = self.table.currentRow()
        link = None
        if not 0 <= row < len(self.doc.project.actions):
            message, ok = NO_ACTION_CHOSEN.get(lang), False
        else:
            try:
                link = action_link(self.doc.project, row)
            except UserError as e:
                message, ok = e.message(lang), False
            else:
                QGuiApplication.clipboard().setText(link)
                message, ok = t(f"복사했습니다: {link}", f"Copied: {link}").get(lang), True
        self.website_error.show_reason(None if ok else message)
        self.link_result.setText(message if ok else "")
        self.link_result.setVisible(ok)
        return link

    def _item_changed(self, item: QTableWidgetItem) -> None:
        key = COLUMNS[item.column()][0]
        if key in TEXT_COLUMNS and not self._refreshing:
            self.set_action(item.row(), key, item.text())

    # -- view ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        lang = self.lang
        self.actions_box.setTitle(t("실행 계획", "Action plan").get(lang))
        self.table.setHorizontalHeaderLabels([c[1].get(lang) for c in COLUMNS])
        for i, (_key, _name, help_text) in enumerate(COLUMNS):
            self.table.horizontalHeaderItem(i).setToolTip(help_text.get(lang))
        describe(self.table, t("실행 계획 표", "Action plan table").get(lang),
                 t("한 줄이 한 가지 실행입니다. 칸을 두 번 누르거나 F2로 고칩니다.",
                   "One row per action. Double-click a cell or press F2 to edit it.").get(lang))
        self.add_action.setText(t("실행 추가(&A)", "&Add action").get(lang))
        describe(self.add_action, self.add_action.text(),
                 t("표에 새 줄을 더합니다.", "Add a row to the table.").get(lang))
        self.remove_action.setText(t("선택한 실행 삭제(&X)", "Remove selected acti&on").get(lang))
        describe(self.remove_action, self.remove_action.text(),
                 t("고른 줄을 지웁니다. 실행 취소로 되돌릴 수 있습니다.", "Delete the selected row; Undo brings it back.").get(lang))
        self.website_label.setText(WEBSITE_LABEL.get(lang))
        describe(self.website, WEBSITE_LABEL.get(lang), WEBSITE_HELP.get(lang), self.website_help)
        self.website.setPlaceholderText(WEBSITE_PLACEHOLDER.get(lang))
        self.copy_link.setText(COPY_LINK.get(lang))
        describe(self.copy_link, COPY_LINK.get(lang), COPY_LINK_HELP.get(lang))
        self.roi_box.setTitle(t("비용과 수익 (ROI)", "Costs and returns (ROI)").get(lang))
        self.funnel_box.setTitle(t("거꾸로 계산하는 깔때기", "Reverse funnel").get(lang))
        self.capacity_box.setTitle(t("우리가 쓸 수 있는 힘", "Your weekly capacity").get(lang))
        self.funnel_note.setText(t("매출 목표를 이루려면 몇 명에게 닿아야 하는지, 위의 비율로 거꾸로 계산합니다.",
                                   "Works back from the revenue target, at the rates above, to the reach it needs.").get(lang))
        self.margin_box.setTitle(t("남는 돈 (매출총이익률)", "What a sale leaves (gross margin)").get(lang))
        self.assumptions_box.setTitle(t("현실성 점검에 쓰는 가정", "Assumptions behind the realism check").get(lang))
        for i, name in enumerate((t("할 일과 쓸 수 있는 시간(&1)", "What we will do (&1)"),
                                  t("들인 돈과 번 돈(&2)", "Money in and out (&2)"),
                                  t("목표 매출 거꾸로 계산과 가정(&3)", "Revenue target and assumptions (&3)"))):
            self.tabs.setTabText(i, name.get(lang))
        describe(self.tabs, t("실행 계획과 ROI 탭", "Actions and ROI tabs").get(lang),
                 t("Ctrl+Tab으로 다음 탭으로 갑니다.", "Ctrl+Tab goes to the next tab.").get(lang))
        for table in (ROI_FIELDS, FUNNEL_FIELDS, CAPACITY_FIELDS, {"gross_margin": MARGIN_FIELD}, ASSUMPTION_FIELDS):
            for key, spec in table.items():
                label, help_text = spec[0], spec[1]
                self.labels[key].setText(label.get(lang))
                describe(self.inputs[key], label.get(lang), help_text.get(lang), self.helps[key])
        for names in (RESULTS, FUNNEL_RESULTS):
            for key, name in names.items():
                self.result_names[key].setText(name.get(lang))
                self.results[key].setAccessibleName(name.get(lang))
        self.actions_audit.setAccessibleName(t("실행 계획 점검", "Action plan check").get(lang))
        self.capacity_audit.setAccessibleName(t("현실성 점검", "Realism check").get(lang))
        self.money_audit.setAccessibleName(t("비용과 수익 점검", "Money check").get(lang))

    def refresh(self) -> None:
        project = self.doc.project
        lang = self.lang
        self._fill_table()
        self.website.set_value(project.business.website)
        self.copy_link.setEnabled(bool(project.actions))
        roi = project.roi
        for key in ROI_FIELDS:
            self.inputs[key].set_value(getattr(roi, key))
        for key in FUNNEL_FIELDS:
            self.inputs[key].set_value(getattr(roi.funnel, key))
        for key in CAPACITY_FIELDS:
            self.inputs[key].set_value(getattr(project.capacity, key))
        self.inputs["gross_margin"].set_value(roi.gross_margin)
        for key in ASSUMPTION_FIELDS:
            self.inputs[key].set_value(getattr(project.assumptions, key))
        assumed = {a.key: a for a in all_assumptions(project)}
        margin = assumed["roi.gross_margin"]
        self.inputs["gross_margin"].setPlaceholderText(margin.shown.get(lang) if margin.default else "")
        self.margin_source.setText(f"{margin.label.get(lang)} {margin.shown.get(lang)} — {margin.source.get(lang)}")
        for key in ASSUMPTION_FIELDS:
            a = assumed.get(f"assumptions.{key}")
            self.inputs[key].setPlaceholderText(a.shown.get(lang) if a is not None and a.default else "")
        self.assumption_sources.setText("\n".join(
            f"• {a.label.get(lang)}: {a.shown.get(lang)} — {a.source.get(lang)}"
            for a in assumed.values() if a.key.startswith("assumptions.")))
        cur = project.business.currency
        result = project_roi(project)
        shown = {
            "total_cost": format_money(result.total_cost, cur),
            "gross_profit": format_money(result.gross_profit, cur),
            "net_return": format_money(result.net_return, cur),
            "roi": "–" if result.roi_percent is None else f"{format_number(result.roi_percent, 1)}%",
            "roas": "–" if result.revenue_to_ad_spend_percent is None
            else f"{format_number(result.revenue_to_ad_spend_percent, 0)}%",
            "cpl": format_money(result.total_cost_per_lead, cur),
            "cpa": format_money(result.total_cost_per_customer, cur),
            "ltv": format_money(result.ltv, cur),
            "ltv_cac": "–" if result.ltv_to_cac is None else f"{format_number(result.ltv_to_cac, 1)}×",
        }
        funnel = reverse_funnel(roi.funnel, roi.average_order)
        for key in FUNNEL_RESULTS:
            shown[key] = "–" if funnel is None else format_number(getattr(funnel, key))
        for key, text in shown.items():
            self.results[key].setText(text)
        findings = audit(project)
        self.actions_audit.show_findings(
            [f for f in findings.findings if f.id in ("A-no-actions", "A-kpi-no-action") or (f.field or "").startswith("actions")],
            lang, grouped=False)
        self.capacity_audit.show_findings(
            [f for f in findings.findings
             if (f.field or "").startswith("capacity") or f.id == "R-audience-capacity"], lang, grouped=False)
        self.money_audit.show_findings(
            [f for f in findings.findings if (f.field or "").startswith(("roi", "assumptions"))], lang, grouped=False)

    def _fill_table(self) -> None:
        project = self.doc.project
        lang = self.lang
        kpi_names = {v.id: t(v.name, v.name) for v in view_kpis(project, lang)}
        table = self.table
        row_now = table.currentRow()
        table.blockSignals(True)
        table.setRowCount(len(project.actions))
        for row, action in enumerate(project.actions):
            for col, (key, _name, help_text) in enumerate(COLUMNS):
                if key in TEXT_COLUMNS:
                    set_cell(table, row, col, getattr(action, key)).setToolTip(help_text.get(lang))
                    continue
                widget = table.cellWidget(row, col)
                if key == "content_type":
                    widget = widget or self._cell_combo(row, col, key, CONTENT_NAMES, NO_TYPE)
                    widget.retranslate(lang)
                elif key == "kpi":
                    widget = widget or self._cell_combo(row, col, key, {}, NO_KPI)
                    widget.set_options(kpi_names, lang)
                elif key == "status":
                    widget = widget or self._cell_combo(row, col, key, ACTION_STATUS_NAMES, None)
                    widget.retranslate(lang)
                else:  # due
                    if widget is None:
                        widget = DateEdit()
                        widget.date_edited.connect(lambda v, w=widget: self.set_action(self._row_of(w), "due", v))
                        table.setCellWidget(row, col, widget)
                describe(widget, COLUMNS[col][1].get(lang), help_text.get(lang))
                widget.set_value(getattr(action, key))
        table.blockSignals(False)
        if 0 <= row_now < table.rowCount():
            table.setCurrentCell(row_now, max(table.currentColumn(), 0))
        self.remove_action.setEnabled(bool(project.actions))

    def _cell_combo(self, row: int, col: int, key: str, names: dict, none_text: Text | None) -> EnumCombo:
        combo = EnumCombo(names, none_text=none_text)
        combo.value_chosen.connect(lambda v, w=combo: self.set_action(self._row_of(w), key, v))
        self.table.setCellWidget(row, col, combo)
        return combo

    def _row_of(self, widget: QWidget) -> int:
        for row in range(self.table.rowCount()):
            for col in range(self.table.columnCount()):
                if self.table.cellWidget(row, col) is widget:
                    return row
        return -1
