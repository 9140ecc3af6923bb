"""Page 5: choose KPIs — the 3-5 recommended for the goal x strategy first; the searchable catalog
behind "More KPIs"; the owner's own KPI in a dialog of its own."""

from __future__ import annotations

from kpiwizard.core.catalog import CatalogKpi, load_catalog
from kpiwizard.core.enums import Family, Indicator
from kpiwizard.core.kpiview import KpiView, selection_from_catalog, view_kpis
from kpiwizard.core.models import Project
from kpiwizard.core.recommend import Recommendation, recommend
from kpiwizard.core.text import Text, t

from .. import dialogs
from ..custom_kpi_dialog import INDICATOR_PLAIN, custom_selection

from ..qt import (
    QSizePolicy,
    QAbstractItemView,
    QCheckBox,
    QEvent,
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
from ..widgets.help_button import describe, without_mnemonic
from kpiwizard.core.vocab import (
    DIRECTION_NAMES,
    GOAL_NAMES,
    SOURCE_NAMES,
    family_name,
)
from .base import PlanPage
from .business_goal import GOALS, OBJECTIVES

ID_ROLE = Qt.ItemDataRole.UserRole
ALL = t("전체", "All")
# In list rows: plain words; the term (선행/후행 지표) is in the row's tooltip.
INDICATOR_SHORT = {
    Indicator.LEADING: t("미리 알려 주는 숫자", "Leading"),
    Indicator.LAGGING: t("결과를 세는 숫자", "Lagging"),
}
VANITY = t("보기엔 좋아도 매출과 멀 수 있는 숫자 (허영 지표)", "Looks good, may not bring sales (vanity metric)")


def _families() -> dict[Family, Text]:
    return {f: family_name(f) for f in Family}


def remove_kpi(project: Project, kpi_id: str) -> None:
    """Drop a KPI with everything that points at it (undo brings all of it back): the core's rule."""
    project.remove_kpi(kpi_id)


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
        f" · {INDICATOR_PLAIN[k.indicator].get(lang)}",
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
                 f" · {INDICATOR_PLAIN[v.indicator].get(lang)}")
    if v.why:
        lines.append(f"{t('왜 중요한가', 'Why it matters').get(lang)}: {v.why}")
    if v.vanity:
        lines += ["", f"⚠ {VANITY.get(lang)}: {v.vanity_reason}"]
    return "\n".join(lines)


class KpisPage(PlanPage):
    title_text = t("KPI 고르기", "Choose KPIs")
    subtitle_text = t("목표에 가까워지는지 알려 줄 숫자를 고릅니다. 먼저 추천하는 몇 개로 시작하고, 더 필요하면 "
                      "'KPI 더 보기'에서 찾거나 직접 만드세요.",
                      "Pick the numbers that tell whether the goal gets closer. Start with the few recommended; "
                      "find more under 'More KPIs' or make your own.")

    def __init__(self, doc, language):
        super().__init__(doc, language)
        self.catalog = load_catalog()
        self._recs: list[Recommendation] = []
        self._rec_key: tuple | None = None
        self._declined: dict[tuple, set[str]] = {}  # unticked by the owner, per goal x strategy
        self._complete: bool | None = None

        # the few recommendations: a tick box and one line on why, each
        self.preset_box = QGroupBox()
        self.preset_help = QLabel()
        self.preset_help.setWordWrap(True)
        self.rec_checks: list[QCheckBox] = []
        self.rec_reasons: list[QLabel] = []
        pl = QVBoxLayout(self.preset_box)
        pl.addWidget(self.preset_help)
        for _ in range(5):
            check = QCheckBox()
            reason = QLabel()
            reason.setTextFormat(Qt.TextFormat.PlainText)
            reason.setWordWrap(True)
            reason.setContentsMargins(24, 0, 0, 4)
            check.toggled.connect(lambda _on, c=check: self._on_check(c))
            check.installEventFilter(self)  # focus shows its details
            self.rec_checks.append(check)
            self.rec_reasons.append(reason)
            pl.addWidget(check)
            pl.addWidget(reason)
        self.preset_add = QPushButton()
        self.more_button = QPushButton()
        self.more_button.setCheckable(True)
        self.custom_add = QPushButton()
        self.custom_error = ErrorLabel()
        pl.addWidget(self.preset_add, 0, Qt.AlignmentFlag.AlignLeft)
        buttons = QHBoxLayout()  # a row of its own: a narrow window never cuts a button off
        buttons.addWidget(self.more_button)
        buttons.addWidget(self.custom_add)
        buttons.addStretch(1)
        pl.addLayout(buttons)
        pl.addWidget(self.custom_error)

        # the whole catalog, behind "More KPIs"
        self.catalog_box = QGroupBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.family_filter = EnumCombo(_families(), none_text=ALL)
        self.goal_filter = EnumCombo({g: t(without_mnemonic(GOALS[g][0].ko), without_mnemonic(GOALS[g][0].en))
                                      for g in GOAL_NAMES}, none_text=ALL)
        self.indicator_filter = EnumCombo(INDICATOR_PLAIN, none_text=ALL)
        self.results = QListWidget()
        self.results.setMinimumHeight(160)
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
        grid.addWidget(self.indicator_filter, 2, 1, 1, 3)
        cl = QVBoxLayout(self.catalog_box)
        cl.addLayout(grid)
        cl.addWidget(self.results, 1)
        cl.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        self.catalog_box.setVisible(False)

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

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.preset_box)
        ll.addWidget(self.catalog_box, 1)
        ll.addStretch(0)
        self.left_scroll = QScrollArea()  # a small screen scrolls; nothing is cut off
        self.left_scroll.setWidgetResizable(True)
        self.left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.left_scroll.setWidget(left)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.chosen_box, 1)
        rl.addWidget(self.details_box, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.left_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        for widget in (self.results, self.chosen):
            widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            widget.currentItemChanged.connect(lambda item, _prev, w=widget: self._show_details(w, item))
        self.search.textChanged.connect(self._fill_results)
        for combo in (self.family_filter, self.goal_filter, self.indicator_filter):
            combo.currentIndexChanged.connect(self._fill_results)
        self.results.itemActivated.connect(lambda _item: self.add_selected())
        self.add_button.clicked.connect(lambda _checked=False: self.add_selected())
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_selected())
        self.preset_add.clicked.connect(lambda _checked=False: self.add_preset())
        self.more_button.toggled.connect(self.show_more)
        self.custom_add.clicked.connect(lambda _checked=False: self.add_custom())
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

    def recommended_ids(self) -> list[str]:
        return [r.kpi.id for r in self._recs]

    def checked_preset(self) -> list[str]:
        """The ticked recommendations the plan does not hold yet, in their order."""
        chosen = {k.catalog_id for k in self.doc.project.kpis}
        return [r.kpi.id for r, check in zip(self._recs, self.rec_checks, strict=False)
                if check.isChecked() and check.isEnabled() and r.kpi.id not in chosen]

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
        """Ask for the owner's own KPI in its dialog; add it as one undoable edit."""
        values = dialogs.ui.custom_kpi(self, self.lang)
        if values is None:
            return

        def change(project: Project) -> None:
            kpi = custom_selection(values, custom_id(project), [project.business_goal.social_goal])
            project.kpis = [*project.kpis, kpi]

        report(self.custom_error, self.edit(t("직접 만든 KPI 추가", "Add custom KPI"), change), self.lang)

    def show_more(self, on: bool) -> None:
        """Show or hide the whole catalog (search and filters) below the recommendations."""
        if self.more_button.isChecked() != on:
            self.more_button.setChecked(on)  # toggled calls back here
            return
        self.catalog_box.setVisible(on)
        for i, reason in enumerate(self.rec_reasons):  # room for the list; the why stays in the tooltip
            reason.setVisible(not on and i < len(self._recs))
        self._label_more_button()
        if on:
            self.left_scroll.ensureWidgetVisible(self.catalog_box)

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        """Going on adds the ticked recommendations the plan does not hold yet (one undo step)."""
        self.add_preset()
        return True

    # -- view ------------------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.FocusIn and watched in self.rec_checks:
            i = self.rec_checks.index(watched)
            if i < len(self._recs):
                self._show_text(catalog_details(self._recs[i].kpi, self.lang))
        return super().eventFilter(watched, event)

    def _show_text(self, text: str) -> None:
        self.details.setText(text)
        self.details.setAccessibleDescription(text)

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
        self._show_text(text)

    def _catalog_item(self, k: CatalogKpi, prefix: str = "") -> QListWidgetItem:
        lang = self.lang
        text = prefix + k.name.get(lang)
        text += f"  ({INDICATOR_SHORT[k.indicator].get(lang)} · {family_name(k.family).get(lang)})"
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

    def _starting(self, project: Project) -> bool:
        """A plan still being started: no KPI but (at most) the goal's own measure."""
        return all(k.id == project.smart.metric for k in project.kpis)

    def _fill_recommendations(self) -> None:
        project = self.doc.project
        goal = project.business_goal
        recs = recommend(project, catalog=self.catalog)
        chosen = {k.catalog_id for k in project.kpis if k.catalog_id}
        key = (tuple(r.kpi.id for r in recs), tuple(sorted(chosen)), self._starting(project), self.lang)
        if key == self._rec_key:
            return
        self._rec_key = key
        self._recs = recs
        declined = self._declined.setdefault((goal.social_goal, goal.objective), set())
        lang = self.lang
        for i, (check, reason) in enumerate(zip(self.rec_checks, self.rec_reasons, strict=True)):
            shown = i < len(recs)
            check.setVisible(shown)
            reason.setVisible(shown and not self.more_button.isChecked())
            if not shown:
                continue
            r = recs[i]
            check.blockSignals(True)
            if r.kpi.id in chosen:
                check.setText(f"{r.kpi.name.get(lang)}  ✔ {t('계획에 있음', 'in your plan').get(lang)}")
                check.setChecked(True)
                check.setEnabled(False)
            else:
                check.setText(r.kpi.name.get(lang))
                check.setEnabled(True)
                # ticked while the plan is being started; later the owner ticks what to add
                check.setChecked(self._starting(project) and r.kpi.id not in declined)
            check.blockSignals(False)
            reason.setText(r.reason.get(lang))
            describe(check, r.kpi.name.get(lang), f"{r.reason.get(lang)}\n\n{catalog_details(r.kpi, lang)}")
            reason.setAccessibleName(r.reason.get(lang))
        self._update_preset_button()

    def _on_check(self, check: QCheckBox) -> None:
        i = self.rec_checks.index(check)
        if i < len(self._recs):
            goal = self.doc.project.business_goal
            declined = self._declined.setdefault((goal.social_goal, goal.objective), set())
            (declined.discard if check.isChecked() else declined.add)(self._recs[i].kpi.id)
        self._update_preset_button()
        self._tell_if_complete_changed()

    def _tell_if_complete_changed(self) -> None:
        """Next follows whether there is anything to go on with; emitted only when that changes (an
        emit makes QWizard re-show the page, which would take focus from a field being typed in)."""
        complete = self.isComplete()
        if complete != self._complete:
            self._complete = complete
            self.completeChanged.emit()

    def _update_preset_button(self) -> None:
        n = len(self.checked_preset())
        self.preset_add.setText(t(f"체크한 {n}개 계획에 넣기(&P)", f"Add the {n} checked &picks").get(self.lang))
        describe(self.preset_add, self.preset_add.text(),
                 t("체크한 추천 KPI를 지금 계획에 넣습니다. '다음'을 눌러도 들어갑니다.",
                   "Put the ticked recommendations into the plan now; Next does it too.").get(self.lang))
        self.preset_add.setEnabled(n > 0)

    def _label_more_button(self) -> None:
        lang = self.lang
        if self.more_button.isChecked():
            text = t("KPI 목록 닫기(&M)", "Hide &more KPIs")
        else:
            text = t(f"KPI {len(self.catalog.kpis)}개 더 보기(&M)", f"&More KPIs ({len(self.catalog.kpis)})")
        self.more_button.setText(text.get(lang))
        describe(self.more_button, self.more_button.text(),
                 t("모든 KPI를 검색하고 분류로 걸러 봅니다. 추천에 없는 숫자가 필요할 때 쓰세요.",
                   "Search every KPI and filter them; for a number the recommendations lack.").get(lang))

    def retranslate(self) -> None:
        lang = self.lang
        self.catalog_box.setTitle(t("모든 KPI", "Every KPI").get(lang))
        self.search_label.setText(t("검색(&S)", "&Search").get(lang))
        describe(self.search, t("KPI 검색", "Search KPIs").get(lang),
                 t("한국어나 영어로 이름이나 정의의 낱말을 입력하세요 (예: 쿠폰, 팔로워, reach).",
                   "Type a word of the name or definition, in Korean or English (e.g. coupon, followers, 도달).").get(lang))
        self.search.setPlaceholderText(t("예: 쿠폰, 길찾기, reach", "e.g. coupon, directions, 도달").get(lang))
        self.family_label.setText(t("분류(&Y)", "Famil&y").get(lang))
        describe(self.family_filter, t("분류로 거르기", "Filter by family").get(lang),
                 t("참여, 구매·매출처럼 KPI가 속한 분류만 보여 줍니다.", "Show only KPIs of one family, such as engagement or conversion.").get(lang))
        self.goal_label.setText(t("목표(&O)", "G&oal").get(lang))
        describe(self.goal_filter, t("목표로 거르기", "Filter by goal").get(lang),
                 t("이 소셜 미디어 목표를 재는 KPI만 보여 줍니다.", "Show only KPIs that measure this social-media goal.").get(lang))
        self.indicator_label.setText(t("숫자의 종류(&I)", "&Indicator").get(lang))
        describe(self.indicator_filter, t("먼저 움직이는 숫자와 결과를 세는 숫자로 거르기", "Filter leading or lagging").get(lang),
                 t("결과를 미리 알려 주는 숫자(선행 지표)는 결과보다 먼저 움직이고, 결과 자체를 세는 숫자(후행 지표)는 결과를 기록합니다.",
                   "Leading indicators move before the result and tell early how it goes; lagging ones record the result.").get(lang))
        describe(self.results, t("KPI 목록", "Catalog KPIs").get(lang),
                 t("KPI를 고르면 오른쪽에 설명이 나옵니다. Enter 또는 두 번 눌러 추가합니다.",
                   "Select a KPI to see its description on the right; Enter or double-click adds it.").get(lang))
        self.add_button.setText(t("선택한 KPI 추가(&A)", "&Add selected KPI").get(lang))
        describe(self.add_button, self.add_button.text(),
                 t("목록에서 고른 KPI를 계획에 넣습니다.", "Put the selected catalog KPI into the plan.").get(lang))
        self.chosen_box.setTitle(t("계획에 넣은 KPI", "KPIs in your plan").get(lang))
        describe(self.chosen, self.chosen_box.title(),
                 t("계획에 들어 있는 KPI입니다. 고르면 설명이 나옵니다.", "The KPIs in your plan; select one to see its description.").get(lang))
        self.remove_button.setText(t("선택한 KPI 빼기(&R)", "&Remove selected KPI").get(lang))
        describe(self.remove_button, self.remove_button.text(),
                 t("계획에서 뺍니다. 실수했다면 되돌리기(Ctrl+Z)로 되돌립니다.",
                   "Take it out of the plan. Undo (Ctrl+Z) brings it back.").get(lang))
        self.details_box.setTitle(t("KPI 설명", "About this KPI").get(lang))
        self.details.setAccessibleName(self.details_box.title())
        self.details.setText(t("KPI를 고르면 정의, 계산법, 어디서 읽는지, 주의할 점이 여기에 나옵니다.",
                               "Select a KPI to see its definition, formula, where to read it and any warning.").get(lang))
        self.custom_add.setText(t("직접 만들기(&K)…", "Make your own &KPI…").get(lang))
        describe(self.custom_add, self.custom_add.text(),
                 t("추천과 목록에 없는 숫자를 직접 만듭니다 (예: 네이버 예약 건수). 따로 창이 열립니다.",
                   "Make a number neither the recommendations nor the list has (e.g. Naver bookings), in its own window.").get(lang))
        for combo in (self.family_filter, self.goal_filter, self.indicator_filter):
            combo.retranslate(lang)
        self._label_more_button()
        self._rec_key = None
        self._fill_results()

    def refresh(self) -> None:
        project = self.doc.project
        lang = self.lang
        current = self.chosen.currentItem().data(ID_ROLE) if self.chosen.currentItem() else None
        self.chosen.clear()
        for v in view_kpis(project, lang):
            text = f"{v.name}  ({INDICATOR_SHORT[v.indicator].get(lang)})"
            if v.id == project.smart.metric:
                text += "  ★ " + t("목표를 재는 숫자", "measures the goal").get(lang)
            if v.vanity:
                text += f"  ⚠ {VANITY.get(lang)}"
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, v.id)
            item.setToolTip(view_details(v, lang))
            self.chosen.addItem(item)
            if v.id == current:
                self.chosen.setCurrentItem(item)
        self.remove_button.setEnabled(bool(project.kpis))
        self._fill_recommendations()
        goal = project.business_goal
        self.preset_box.setTitle(t(f"먼저 잴 숫자 {len(self._recs)}개", f"Start with these {len(self._recs)}").get(lang))
        self.preset_help.setText(t(
            "'{g}' 목표와 '{o}' 전략에 맞춰, 혼자서도 꾸준히 챙길 수 있는 숫자만 골랐습니다. 필요 없는 것은 체크를 "
            "푸세요. '다음'을 누르면 체크한 것이 계획에 들어갑니다.",
            "Picked for the goal '{g}' and the strategy '{o}': only as many numbers as one person can keep up "
            "with. Untick what you do not need; Next puts the ticked ones into the plan.").format(
            g=without_mnemonic(GOALS[goal.social_goal][0].get(lang)),
            o=without_mnemonic(OBJECTIVES[goal.objective][0].get(lang))).get(lang))
        self._tell_if_complete_changed()

    def isComplete(self) -> bool:  # noqa: N802 (Qt name)
        return bool(self.doc.project.kpis) or bool(self.checked_preset())
