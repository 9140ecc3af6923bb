"""Page 5: choose KPIs — the preset for the goal x objective, the searchable catalog, custom KPIs."""

from __future__ import annotations

from kpiwizard.core.catalog import CatalogKpi, load_catalog
from kpiwizard.core.enums import Family, Indicator, Perspective
from kpiwizard.core.kpiview import KpiView, selection_from_catalog, view_kpis
from kpiwizard.core.models import CustomKpi, KpiSelection, Project
from kpiwizard.core.text import Text, t

from ..qt import (
    QSizePolicy,
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ..widgets.fields import EnumCombo, ErrorLabel, report
from ..widgets.help_button import HelpButton, describe, without_mnemonic
from kpiwizard.core.vocab import (
    DIRECTION_NAMES,
    GOAL_NAMES,
    INDICATOR_NAMES,
    OBJECTIVE_NAMES,
    PERSPECTIVE_NAMES,
    SOURCE_NAMES,
    family_name,
)
from .base import PlanPage

ID_ROLE = Qt.ItemDataRole.UserRole
ALL = t("전체", "All")
VANITY = t("허영 지표 주의", "Vanity metric")


def _families() -> dict[Family, Text]:
    return {f: family_name(f) for f in Family}


def remove_kpi(project: Project, kpi_id: str) -> None:
    """Drop a KPI with everything that points at it (undo brings all of it back)."""
    project.actions = [a.model_copy(update={"kpi": None}) if a.kpi == kpi_id else a for a in project.actions]
    if project.smart.metric == kpi_id:
        project.smart.metric = None
    project.actuals = {k: v for k, v in project.actuals.items() if k != kpi_id}
    project.kpis = [k for k in project.kpis if k.id != kpi_id]


def custom_id(project: Project) -> str:
    used = {k.id for k in project.kpis}
    n = 1
    while f"custom_{n}" in used:
        n += 1
    return f"custom_{n}"


def catalog_details(k: CatalogKpi, lang) -> str:
    lines = [
        k.name.get(lang),
        "",
        f"{t('정의', 'Definition').get(lang)}: {k.definition.get(lang)}",
        f"{t('계산', 'Formula').get(lang)}: {k.formula.get(lang)}",
        f"{t('어디서 읽나', 'Where to read it').get(lang)}: {SOURCE_NAMES[k.source].get(lang)}",
        f"{t('단위', 'Unit').get(lang)}: {k.unit.get(lang)} · {DIRECTION_NAMES[k.direction].get(lang)}"
        f" · {INDICATOR_NAMES[k.indicator].get(lang)}",
        f"{t('왜 중요한가', 'Why it matters').get(lang)}: {k.why.get(lang)}",
    ]
    if k.vanity and k.vanity_reason is not None:
        lines += ["", f"⚠ {VANITY.get(lang)}: {k.vanity_reason.get(lang)}"]
    return "\n".join(lines)


def view_details(v: KpiView, lang) -> str:
    lines = [v.name, ""]
    if v.definition:
        lines.append(f"{t('정의', 'Definition').get(lang)}: {v.definition}")
    if v.formula:
        lines.append(f"{t('계산', 'Formula').get(lang)}: {v.formula}")
    lines.append(f"{t('어디서 읽나', 'Where to read it').get(lang)}: {SOURCE_NAMES[v.source].get(lang)}")
    lines.append(f"{t('단위', 'Unit').get(lang)}: {v.unit or '–'} · {DIRECTION_NAMES[v.direction].get(lang)}"
                 f" · {INDICATOR_NAMES[v.indicator].get(lang)}")
    if v.why:
        lines.append(f"{t('왜 중요한가', 'Why it matters').get(lang)}: {v.why}")
    if v.vanity:
        lines += ["", f"⚠ {VANITY.get(lang)}: {v.vanity_reason}"]
    return "\n".join(lines)


class KpisPage(PlanPage):
    title_text = t("KPI 고르기", "Choose KPIs")
    subtitle_text = t("목표를 잴 숫자를 고릅니다. 추천 KPI로 시작해 카탈로그에서 더하거나 직접 만드세요.",
                      "Pick the numbers that measure the goal: start from the recommended ones, add from the catalog or make your own.")

    def __init__(self, doc, language):
        super().__init__(doc, language)
        self.catalog = load_catalog()
        self._preset_ids: list[str] = []
        self._preset_key: tuple | None = None

        # recommended preset
        self.preset_box = QGroupBox()
        self.preset_list = QListWidget()
        self.preset_list.setMaximumHeight(170)
        self.preset_add = QPushButton()
        self.preset_help = QLabel()
        self.preset_help.setWordWrap(True)
        pl = QVBoxLayout(self.preset_box)
        pl.addWidget(self.preset_help)
        pl.addWidget(self.preset_list)
        pl.addWidget(self.preset_add, 0, Qt.AlignmentFlag.AlignRight)

        # catalog browser
        self.catalog_box = QGroupBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.family_filter = EnumCombo(_families(), none_text=ALL)
        self.goal_filter = EnumCombo(GOAL_NAMES, none_text=ALL)
        self.indicator_filter = EnumCombo(INDICATOR_NAMES, none_text=ALL)
        self.results = QListWidget()
        self.add_button = QPushButton()
        self.search_label, self.family_label, self.goal_label, self.indicator_label = (QLabel() for _ in range(4))
        self.search_label.setBuddy(self.search)
        self.family_label.setBuddy(self.family_filter)
        self.goal_label.setBuddy(self.goal_filter)
        self.indicator_label.setBuddy(self.indicator_filter)
        grid = QGridLayout()
        grid.addWidget(self.search_label, 0, 0)
        grid.addWidget(self.search, 0, 1, 1, 3)
        grid.addWidget(self.family_label, 1, 0)
        grid.addWidget(self.family_filter, 1, 1)
        grid.addWidget(self.goal_label, 1, 2)
        grid.addWidget(self.goal_filter, 1, 3)
        grid.addWidget(self.indicator_label, 2, 0)
        grid.addWidget(self.indicator_filter, 2, 1)
        cl = QVBoxLayout(self.catalog_box)
        cl.addLayout(grid)
        cl.addWidget(self.results, 1)
        cl.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)

        # chosen KPIs
        self.chosen_box = QGroupBox()
        self.chosen = QListWidget()
        self.remove_button = QPushButton()
        chl = QVBoxLayout(self.chosen_box)
        chl.addWidget(self.chosen, 1)
        chl.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)

        # details side panel
        self.details_box = QGroupBox()
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        details_scroll = QScrollArea()
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        details_scroll.setWidget(self.details)
        QVBoxLayout(self.details_box).addWidget(details_scroll)

        # custom KPI form
        self.custom_box = QGroupBox()
        self.custom_fields = {
            "name": QLineEdit(), "definition": QLineEdit(), "formula": QLineEdit(), "unit": QLineEdit(),
            "direction": EnumCombo(DIRECTION_NAMES), "indicator": EnumCombo(INDICATOR_NAMES),
            "perspective": EnumCombo(PERSPECTIVE_NAMES), "family": EnumCombo(_families()),
        }
        self.custom_fields["perspective"].set_value(Perspective.CUSTOMER)
        self.custom_fields["indicator"].set_value(Indicator.LAGGING)
        self.custom_labels = {k: QLabel() for k in self.custom_fields}
        self.custom_helps = {k: HelpButton() for k in self.custom_fields}
        self.custom_add = QPushButton()
        self.custom_error = ErrorLabel()
        form = QFormLayout(self.custom_box)
        for key, widget in self.custom_fields.items():
            self.custom_labels[key].setBuddy(widget)
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            row.addWidget(self.custom_helps[key])
            form.addRow(self.custom_labels[key], row)
        form.addRow(self.custom_error)
        form.addRow(self.custom_add)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.preset_box)
        ll.addWidget(self.catalog_box, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.chosen_box, 1)
        rl.addWidget(self.details_box, 1)
        custom_scroll = QScrollArea()
        custom_scroll.setWidgetResizable(True)
        custom_scroll.setFrameShape(QFrame.Shape.NoFrame)
        custom_scroll.setWidget(self.custom_box)
        rl.addWidget(custom_scroll, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        for widget in (self.preset_list, self.results, self.chosen):
            widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            widget.currentItemChanged.connect(lambda item, _prev, w=widget: self._show_details(w, item))
        self.search.textChanged.connect(self._fill_results)
        for combo in (self.family_filter, self.goal_filter, self.indicator_filter):
            combo.currentIndexChanged.connect(self._fill_results)
        self.results.itemActivated.connect(lambda _item: self.add_selected())
        self.add_button.clicked.connect(self.add_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.preset_add.clicked.connect(self.add_preset)
        self.preset_list.itemChanged.connect(lambda _item: self._update_preset_button())
        self.custom_add.clicked.connect(self.add_custom)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.start()

    # -- actions ---------------------------------------------------------------------------

    def _add_catalog(self, ids: list[str], label: Text) -> Text | None:
        def change(project: Project) -> None:
            for cid in ids:
                project.kpis = [*project.kpis, selection_from_catalog(project, cid, self.lang, self.catalog)]
        return self.edit(label, change)

    def add_selected(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._add_catalog([item.data(ID_ROLE)], t("KPI 추가", "Add KPI"))

    def checked_preset(self) -> list[str]:
        chosen = {k.catalog_id for k in self.doc.project.kpis}
        ids = []
        for i in range(self.preset_list.count()):
            item = self.preset_list.item(i)
            if item.checkState() == Qt.CheckState.Checked and item.data(ID_ROLE) not in chosen:
                ids.append(item.data(ID_ROLE))
        return ids

    def add_preset(self) -> None:
        ids = self.checked_preset()
        if ids:
            self._add_catalog(ids, t("추천 KPI 추가", "Add recommended KPIs"))

    def remove_selected(self) -> None:
        item = self.chosen.currentItem()
        if item is None:
            return
        kpi_id = item.data(ID_ROLE)
        self.edit(t("KPI 삭제", "Remove KPI"), lambda p: remove_kpi(p, kpi_id))

    def add_custom(self) -> None:
        f = self.custom_fields

        def change(project: Project) -> None:
            custom = CustomKpi(
                name=f["name"].text().strip(), definition=f["definition"].text(), formula=f["formula"].text(),
                indicator=f["indicator"].value(), perspective=f["perspective"].value(), family=f["family"].value(),
                goals=[project.business_goal.social_goal],
            )
            project.kpis = [*project.kpis, KpiSelection(
                id=custom_id(project), custom=custom, unit=f["unit"].text(), direction=f["direction"].value(),
            )]

        reason = self.edit(t("직접 만든 KPI 추가", "Add custom KPI"), change)
        if report(self.custom_error, reason, self.lang):
            for key in ("name", "definition", "formula", "unit"):
                f[key].clear()

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        """Going on with no KPI chosen accepts the checked recommendations."""
        if not self.doc.project.kpis and self.checked_preset():
            self.add_preset()
        return True

    # -- view ------------------------------------------------------------------------------

    def _show_details(self, source: QListWidget, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        kid = item.data(ID_ROLE)
        if source is self.chosen:
            project = self.doc.project
            view = next((v for v in view_kpis(project, self.lang) if v.id == kid), None)
            text = view_details(view, self.lang) if view else ""
        else:
            text = catalog_details(self.catalog.kpi(kid), self.lang)
        self.details.setText(text)
        self.details.setAccessibleDescription(text)

    def _catalog_item(self, k: CatalogKpi, prefix: str = "") -> QListWidgetItem:
        lang = self.lang
        text = prefix + k.name.get(lang)
        text += f"  ({INDICATOR_NAMES[k.indicator].get(lang)} · {family_name(k.family).get(lang)})"
        if k.vanity:
            text += f"  ⚠ {VANITY.get(lang)}"
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, k.id)
        item.setToolTip(catalog_details(k, lang))
        return item

    def _fill_results(self) -> None:
        current = self.results.currentItem().data(ID_ROLE) if self.results.currentItem() else None
        found = self.catalog.search(
            self.search.text(), family=self.family_filter.value(), goal=self.goal_filter.value(),
            indicator=self.indicator_filter.value(),
        )
        self.results.clear()
        for k in found:
            item = self._catalog_item(k)
            self.results.addItem(item)
            if k.id == current:
                self.results.setCurrentItem(item)
        self.results.setAccessibleDescription(
            t(f"{len(found)}개 찾음", f"{len(found)} found").get(self.lang))

    def result_ids(self) -> list[str]:
        return [self.results.item(i).data(ID_ROLE) for i in range(self.results.count())]

    def _fill_preset(self) -> None:
        project = self.doc.project
        goal, objective = project.business_goal.social_goal, project.business_goal.objective
        preset = self.catalog.preset(goal, objective)
        chosen = {k.catalog_id for k in project.kpis}
        key = (goal, objective, tuple(sorted(c for c in chosen if c)), self.lang)
        if key == self._preset_key:
            return
        keep = {self.preset_list.item(i).data(ID_ROLE): self.preset_list.item(i).checkState()
                for i in range(self.preset_list.count())} if self._preset_key and self._preset_key[:2] == key[:2] else {}
        self._preset_key = key
        self._preset_ids = [k.id for k in preset]
        self.preset_list.blockSignals(True)
        self.preset_list.clear()
        for rank, k in enumerate(preset, 1):
            item = self._catalog_item(k, prefix=f"{rank}. ")
            if k.id in chosen:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                item.setText(item.text() + "  ✔ " + t("선택됨", "chosen").get(self.lang))
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                # pre-selected while the plan has no KPIs yet; later the owner decides
                default = Qt.CheckState.Checked if not project.kpis else Qt.CheckState.Unchecked
                item.setCheckState(keep.get(k.id, default))
            self.preset_list.addItem(item)
        self.preset_list.blockSignals(False)
        self._update_preset_button()

    def _update_preset_button(self) -> None:
        n = len(self.checked_preset())
        self.preset_add.setText(t(f"체크한 추천 KPI {n}개 추가(&P)", f"Add the {n} checked &picks").get(self.lang))
        self.preset_add.setAccessibleName(without_mnemonic(self.preset_add.text()))
        self.preset_add.setEnabled(n > 0)

    def retranslate(self) -> None:
        lang = self.lang
        self.preset_help.setText(t(
            "고른 사업 목표와 전략에 맞춰 중요한 순서로 추천합니다. 필요 없는 것은 체크를 푸세요.",
            "Ranked for the business goal and strategy you chose. Untick what you do not need.").get(lang))
        self.catalog_box.setTitle(t("KPI 카탈로그", "KPI catalog").get(lang))
        self.search_label.setText(t("검색(&S)", "&Search").get(lang))
        describe(self.search, t("KPI 검색", "Search KPIs").get(lang),
                 t("한국어나 영어로 이름이나 정의의 낱말을 입력하세요 (예: 팔로워, reach).",
                   "Type a word of the name or definition, in Korean or English (e.g. followers, 도달).").get(lang))
        self.family_label.setText(t("분류(&Y)", "Famil&y").get(lang))
        describe(self.family_filter, t("분류로 거르기", "Filter by family").get(lang),
                 t("참여, 전환·재무처럼 KPI가 속한 분류만 보여 줍니다.", "Show only KPIs of one family, such as engagement or conversion.").get(lang))
        self.goal_label.setText(t("목표(&O)", "G&oal").get(lang))
        describe(self.goal_filter, t("목표로 거르기", "Filter by goal").get(lang),
                 t("이 소셜 미디어 목표를 재는 KPI만 보여 줍니다.", "Show only KPIs that measure this social-media goal.").get(lang))
        self.indicator_label.setText(t("지표 종류(&I)", "&Indicator").get(lang))
        describe(self.indicator_filter, t("선행·후행으로 거르기", "Filter leading or lagging").get(lang),
                 t("선행 지표는 결과를 미리 움직이는 활동, 후행 지표는 결과 자체입니다.",
                   "Leading indicators drive results early; lagging ones record the results.").get(lang))
        describe(self.results, t("카탈로그 KPI 목록", "Catalog KPIs").get(lang),
                 t("KPI를 고르면 오른쪽에 설명이 나옵니다. Enter 또는 더블클릭으로 추가합니다.",
                   "Select a KPI to see its description on the right; Enter or double-click adds it.").get(lang))
        self.add_button.setText(t("선택한 KPI 추가(&A)", "&Add selected KPI").get(lang))
        describe(self.add_button, self.add_button.text(),
                 t("카탈로그에서 고른 KPI를 계획에 넣습니다.", "Put the selected catalog KPI into the plan.").get(lang))
        self.chosen_box.setTitle(t("계획에 넣은 KPI", "KPIs in your plan").get(lang))
        describe(self.chosen, self.chosen_box.title(),
                 t("계획에 들어 있는 KPI입니다. 고르면 설명이 나옵니다.", "The KPIs in your plan; select one to see its description.").get(lang))
        self.remove_button.setText(t("선택한 KPI 빼기(&R)", "&Remove selected KPI").get(lang))
        describe(self.remove_button, self.remove_button.text(),
                 t("계획에서 뺍니다. 실수했다면 실행 취소(Ctrl+Z)로 되돌립니다.",
                   "Take it out of the plan. Undo (Ctrl+Z) brings it back.").get(lang))
        self.details_box.setTitle(t("KPI 설명", "About this KPI").get(lang))
        self.details.setAccessibleName(self.details_box.title())
        if not self.details.text():
            self.details.setText(t("KPI를 고르면 정의, 계산법, 어디서 읽는지, 허영 지표 경고가 여기에 나옵니다.",
                                   "Select a KPI to see its definition, formula, where to read it and any vanity warning.").get(lang))
        self.custom_box.setTitle(t("직접 만드는 KPI", "Make your own KPI").get(lang))
        custom_text = {
            "name": (t("이름(&M)", "Na&me"), t("KPI의 짧은 이름. 예: 인스타 쿠폰 사용 손님 수", "A short name, e.g. guests using the Instagram coupon")),
            "definition": (t("정의", "Definition"), t("무엇을 세는지 한 문장으로.", "What it counts, in one sentence.")),
            "formula": (t("계산법", "Formula"), t("어떻게 계산하는지. 예: 주간 쿠폰 결제 건수", "How it is computed, e.g. coupon payments per week")),
            "unit": (t("단위", "Unit"), t("명, 건, %, 원 등.", "people, orders, %, money...")),
            "direction": (t("좋은 방향", "Direction"), t("숫자가 커져야 좋은지 작아져야 좋은지.", "Whether higher or lower is better.")),
            "indicator": (t("지표 종류", "Indicator"), t("결과를 미리 움직이는 선행 지표인지, 결과를 기록하는 후행 지표인지.", "Leading (drives results) or lagging (records them).")),
            "perspective": (t("전략 지도 관점", "Strategy-map perspective"), t("전략 지도의 어느 층에 놓일지.", "Which layer of the strategy map it belongs to.")),
            "family": (t("분류", "Family"), t("비슷한 KPI의 묶음. 미달일 때 전략 제안에 쓰입니다.", "The group of similar KPIs; used for strategy suggestions when it is missed.")),
        }
        for key, (label, help_text) in custom_text.items():
            self.custom_labels[key].setText(label.get(lang))
            describe(self.custom_fields[key], label.get(lang), help_text.get(lang), self.custom_helps[key])
            if isinstance(self.custom_fields[key], EnumCombo):
                self.custom_fields[key].retranslate(lang)
        self.custom_add.setText(t("직접 만든 KPI 추가(&K)", "Add custom &KPI").get(lang))
        describe(self.custom_add, self.custom_add.text(),
                 t("위 내용으로 새 KPI를 계획에 넣습니다.", "Put a new KPI with the details above into the plan.").get(lang))
        for combo in (self.family_filter, self.goal_filter, self.indicator_filter):
            combo.retranslate(lang)
        self._preset_key = None
        self._fill_results()

    def refresh(self) -> None:
        project = self.doc.project
        lang = self.lang
        current = self.chosen.currentItem().data(ID_ROLE) if self.chosen.currentItem() else None
        self.chosen.clear()
        for v in view_kpis(project, lang):
            text = f"{v.name}  ({INDICATOR_NAMES[v.indicator].get(lang)})"
            if v.vanity:
                text += f"  ⚠ {VANITY.get(lang)}"
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, v.id)
            item.setToolTip(view_details(v, lang))
            self.chosen.addItem(item)
            if v.id == current:
                self.chosen.setCurrentItem(item)
        self.remove_button.setEnabled(bool(project.kpis))
        self._fill_preset()
        self.preset_box.setTitle(t("추천 KPI — {g} × {o} (중요한 순서)", "Recommended KPIs — {g} × {o} (most important first)").format(
            g=GOAL_NAMES[project.business_goal.social_goal].get(lang),
            o=OBJECTIVE_NAMES[project.business_goal.objective].get(lang)).get(lang))
        describe(self.preset_list, self.preset_box.title(), self.preset_help.text())

    def isComplete(self) -> bool:  # noqa: N802 (Qt name)
        return bool(self.doc.project.kpis) or bool(self.checked_preset())
