"""The monthly check-in: the few numbers no download carries, copied by hand from each platform's
statistics screen, with where to read each and last month's value beside it.

The form, the months, the parsing of what is pasted ("1,234회", "1.2천") and the rules of applying
are the core's (core/checkin.py). The dialog shows them and hands what was typed to ``apply``, which
the Progress view implements as one undoable ``doc.edit``; it writes nothing itself.
"""

from __future__ import annotations

from collections.abc import Callable

from kpiwizard.core.checkin import CheckInResult, MonthlyCheckIn, entry_label, monthly_checkin, plan_months
from kpiwizard.core.enums import Lang
from kpiwizard.core.formatting import format_date, format_value
from kpiwizard.core.models import Project
from kpiwizard.core.text import Text, t

from .qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from .widgets.fields import ErrorLabel
from .widgets.help_button import describe

UNCONFIRMED = t("확인 필요", "to be confirmed")
COLUMNS = [t("숫자", "Number"), t("어디서 보나요", "Where to read it"), t("지난달", "Last month"), t("이번 달", "This month")]


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def value_text(value: float | None) -> str:
    """A recorded value as the owner would type it back (no rounding, no unit)."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


class CheckInRow:
    """The widgets of one number: its name, where to read it, last month's value, the entry, its error."""

    def __init__(self, key: str):
        self.key = key
        self.name = _plain()
        self.where = _plain()
        self.last = _plain()
        self.entry = QLineEdit()
        self.entry.setMinimumWidth(120)
        self.error = ErrorLabel()

    def widgets(self) -> list[QWidget]:
        return [self.name, self.where, self.last, self.entry, self.error]


class CheckInDialog(QDialog):
    """``apply(month, entries)`` records the entries (or says why not) and returns the core's result."""

    def __init__(self, project_of: Callable[[], Project], apply: Callable[[str, dict[str, str]], CheckInResult],
                 lang: Lang, month: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.project_of, self.apply_entries, self.lang = project_of, apply, Lang(lang)
        tr = self.tr_
        self.setWindowTitle(tr(t("이번 달 점검", "Monthly check-in")))
        self.rows: dict[str, CheckInRow] = {}
        self.form: MonthlyCheckIn | None = None

        self.month_label = QLabel(tr(t("점검할 달(&M)", "&Month")))
        self.month = QComboBox()
        self.month_label.setBuddy(self.month)
        for m in plan_months(project_of()):
            self.month.addItem(m, m)
        if month is not None and self.month.findData(month) >= 0:
            self.month.setCurrentIndex(self.month.findData(month))
        describe(self.month, tr(t("점검할 달", "Month")),
                 tr(t("숫자를 옮겨 적을 달입니다. 처음에는 점검할 때가 된 달이 골라져 있습니다.",
                      "The month whose numbers you copy; it starts on the month that is due.")))
        self.span = _plain()
        top = QHBoxLayout()
        top.addWidget(self.month_label)
        top.addWidget(self.month)
        top.addWidget(self.span, 1)

        self.intro = _plain(tr(t("각 플랫폼의 통계 화면에서 이번 달 숫자를 복사해 붙여 넣으세요 (Ctrl+V). "
                                 "'1,234회', '1.2천'처럼 화면에 보이는 그대로 붙여 넣어도 됩니다. 비워 둔 칸은 바뀌지 않습니다.",
                                 "Copy each number from the platform's statistics screen and paste it here (Ctrl+V); "
                                 "'1,234', '1.2K' as the screen shows them are fine. Empty boxes change nothing.")))
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)
        self.missing = _plain()
        self.empty = _plain(tr(t("이 계획에는 손으로 옮겨 적는 숫자가 없습니다. 네이버 스마트플레이스, 카카오톡 채널 같은 "
                                 "KPI를 고르면 여기에 나옵니다.",
                                 "This plan has no number copied by hand; KPIs such as Naver Smart Place or Kakao Channel "
                                 "appear here.")))
        self.outcome = _plain()
        self.result_error = ErrorLabel()

        self.apply_button = QPushButton(tr(t("적용(&A)", "&Apply")))
        describe(self.apply_button, tr(t("적용", "Apply")),
                 tr(t("적은 숫자를 계획의 실적에 넣습니다. 편집 › 되돌리기(Ctrl+Z)로 되돌릴 수 있습니다.",
                      "Record the numbers in the plan's actuals; Edit › Undo (Ctrl+Z) takes them back.")))
        self.close_button = QPushButton(tr(t("닫기", "Close")))
        describe(self.close_button, tr(t("닫기", "Close")),
                 tr(t("점검 창을 닫습니다. 적용하지 않은 숫자는 버려집니다.", "Close the check-in; numbers not applied are dropped.")))
        buttons = QDialogButtonBox()
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setAutoDefault(False)
        self.close_button.setAutoDefault(False)
        self.apply_button.setDefault(True)  # Enter in a box applies; it never closes with numbers unsaved
        self.apply_button.clicked.connect(lambda _c=False: self.apply())
        self.close_button.clicked.connect(lambda _c=False: self.accept())
        self.month.currentIndexChanged.connect(lambda _i: self.fill())

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.missing)
        layout.addWidget(self.outcome)
        layout.addWidget(self.result_error)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.fill()

    def tr_(self, text: Text) -> str:
        return text.get(self.lang)

    def current_month(self) -> str:
        return self.month.currentData() or ""

    def entries(self) -> dict[str, str]:
        return {key: row.entry.text() for key, row in self.rows.items()}

    def fill(self, keep_entries: bool = False) -> None:
        """Build one row per number of the chosen month, from the plan as it is now."""
        tr = self.tr_
        typed = self.entries() if keep_entries else {}
        while self.grid.count():
            taken = self.grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows = {}
        month = self.current_month()
        if not month:
            self.form = None
            self.empty.show()
            self.apply_button.setEnabled(False)
            return
        form = monthly_checkin(self.project_of(), month, self.lang)
        self.form = form
        self.span.setText(tr(t(f"{form.period.start.isoformat()} – {form.period.end.isoformat()}, 점검일 {format_date(form.due, Lang.KO)}",
                               f"{form.period.start.isoformat()} – {form.period.end.isoformat()}, due {format_date(form.due, Lang.EN)}")))
        for col, heading in enumerate(COLUMNS):
            title = _plain(tr(heading))
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            self.grid.addWidget(title, 0, col)
        channel = None
        r = 1
        for item in form.items:
            if item.channel != channel:
                channel = item.channel
                head = _plain(channel)
                font = head.font()
                font.setBold(True)
                head.setFont(font)
                self.grid.addWidget(head, r, 0, 1, len(COLUMNS))
                r += 1
            row = CheckInRow(item.key)
            label = entry_label(item, self.lang)
            row.name.setText(label + (f" ({item.unit})" if item.unit and not item.percent else ""))
            where = item.where
            if not item.where_confirmed and tr(UNCONFIRMED) not in where:
                where = f"{where} ({tr(UNCONFIRMED)})"
            row.where.setText(where)
            row.where.setToolTip(where)
            last = format_value(item.last_value, item.unit, self.lang, item.percent) if item.last_value is not None else "—"
            row.last.setText(last)
            row.entry.setText(typed.get(item.key, value_text(item.value)))
            row.entry.setPlaceholderText(tr(t("붙여 넣기 (Ctrl+V)", "paste (Ctrl+V)")))
            describe(row.entry, tr(t(f"{label} 이번 달 값", f"{label}: this month")),
                     tr(t(f"어디서: {where}. 지난달: {last}.", f"Where: {where}. Last month: {last}.")))
            row.name.setBuddy(row.entry)
            for col, widget in enumerate(row.widgets()[:4]):
                self.grid.addWidget(widget, r, col)
            self.grid.addWidget(row.error, r + 1, 3)
            r += 2
            self.rows[item.key] = row
        self.grid.setRowStretch(r, 1)
        self.empty.setVisible(not form.items)
        self.apply_button.setEnabled(bool(form.items))
        self._show_missing()

    def _show_missing(self) -> None:
        form = self.form
        if form is None or not form.items:
            self.missing.clear()
            return
        names = [entry_label(i, self.lang) for i in form.missing]
        self.missing.setText(self.tr_(t(f"아직 적지 않은 숫자 {len(names)}개: {', '.join(names)}",
                                        f"Still missing ({len(names)}): {', '.join(names)}")) if names
                             else self.tr_(t("이 달의 숫자를 모두 적었습니다.", "Every number of this month is in.")))

    def apply(self) -> CheckInResult | None:
        """Hand the entries to the Progress view; show each refusal beside its field."""
        month = self.current_month()
        if not month or not self.rows:
            return None
        result = self.apply_entries(month, self.entries())
        for key, row in self.rows.items():
            reason = result.errors.get(key)
            row.error.show_reason(reason.get(self.lang) if reason else None)
        general = result.errors.get("")
        self.result_error.show_reason(general.get(self.lang) if general else None)
        if result.ok:
            self.outcome.setText(result.summary(self.lang))
            self.fill()  # last values, missing numbers and the entries as the plan now holds them
        else:
            self.outcome.setText(result.summary(self.lang))
        return result
