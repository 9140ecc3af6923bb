"""Page 9: the whole plan at a glance, and the three exports that take it off the screen.

The summary is built from the core (sentence, audit, KPI views); user text is escaped, so a name
like ``<b>`` shows as typed. Exports run through ``ExportRunner`` and never block the window.
"""

from __future__ import annotations

import html
from pathlib import Path

from kpiwizard.core.enums import Direction, Lang, Severity, SmartLetter
from kpiwizard.core.formatting import format_date, format_value
from kpiwizard.core.korean import eul
from kpiwizard.core.text import t

from .. import dialogs
from ..export_runner import KINDS, ExportRunner
from ..settings import Settings
from ..qt import (
    QComboBox,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStandardPaths,
    Qt,
    QTextBrowser,
    QUrl,
    QVBoxLayout,
)
from ..widgets.help_button import describe
from .base import PlanPage

ORDER = ("xlsx", "pdf", "ics")
BUTTONS = {
    "xlsx": (t("Excel 추적표 만들기(&X)...", "E&xcel tracker..."),
             t("매주 또는 매월 실적을 적을 Excel 추적표를 만듭니다. 목표선과 상태가 자동으로 계산됩니다.",
               "Make the Excel tracker to fill in each week or month; plan line and status are computed for you.")),
    "pdf": (t("PDF 계획서 만들기(&P)...", "&PDF plan..."),
            t("인쇄해서 붙여 둘 계획서(PDF)를 만듭니다: SMART 목표, KPI, 전략 지도, 실행 계획.",
              "Make the printable plan (PDF): SMART goal, KPIs, strategy map, actions.")),
    "ics": (t("점검 일정 캘린더 만들기(&C)...", "Review &calendar (.ics)..."),
            t("KPI 점검 날짜를 휴대폰이나 PC 캘린더에 넣을 수 있는 파일(.ics)로 만듭니다.",
              "Make a calendar file (.ics) of the check-in dates for your phone or computer calendar.")),
}
# Default file names in the owner's language: 카페봄-추적표.xlsx, Cafe-tracker.xlsx.
FILE_WORDS = {"xlsx": t("추적표", "tracker"), "pdf": t("계획서", "plan"), "ics": t("점검일정", "reviews")}
FREQ = {"weekly": t("매주", "weekly"), "monthly": t("매월", "monthly")}
MARK = {None: "✔", Severity.INFO: "✔", Severity.WARNING: "!", Severity.ERROR: "✖"}


class ReviewExportPage(PlanPage):
    title_text = t("검토와 내보내기", "Review and export")
    subtitle_text = t("계획을 한눈에 확인하고 추적표, 계획서, 캘린더로 내보내세요.",
                      "Check the plan at a glance, then export the tracker, the printed plan and the calendar.")

    def __init__(self, doc, language):
        super().__init__(doc, language)
        self.runner = ExportRunner(self)
        self.runner.started.connect(self._on_started)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self._saved: dict[str, Path] = {}
        self._stale = True
        doc.opened.connect(self._forget_saved)
        self.summary = QTextBrowser()
        self.summary.setOpenLinks(False)
        self.summary.setOpenExternalLinks(False)
        self.buttons: dict[str, QPushButton] = {}
        self.bars: dict[str, QProgressBar] = {}
        self.status: dict[str, QLabel] = {}
        grid = QGridLayout()
        for row, key in enumerate(ORDER):
            button, bar, status = QPushButton(), QProgressBar(), QLabel()
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=key: self.export(k))
            bar.setRange(0, 0)  # busy indicator: the exporters report no steps
            bar.setMaximumWidth(120)
            bar.hide()
            status.setWordWrap(True)
            status.setTextFormat(Qt.TextFormat.PlainText)  # it shows the file's name, which is the user's
            grid.addWidget(button, row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(status, row, 2)
            self.buttons[key], self.bars[key], self.status[key] = button, bar, status
        self.paper_label = QLabel()
        self.paper = QComboBox()
        self.paper.addItems(["A4", "Letter"])
        self.paper_label.setBuddy(self.paper)
        grid.addWidget(self.paper_label, 1, 3)
        grid.addWidget(self.paper, 1, 4)
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary, 1)
        layout.addLayout(grid)
        self.start()

    # -- exports ------------------------------------------------------------------------------

    def suggested_path(self, key: str) -> Path:
        p = self.doc.project
        stem = (self.doc.path.stem if self.doc.path else "") or p.business.name.strip() or p.title.strip() or "kpi-plan"
        stem = "".join(c for c in stem if c not in '<>:"/\\|?*').strip() or "kpi-plan"
        folder = self.doc.path.parent if self.doc.path else Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        if self.doc.path is None:
            folder = Path(Settings().last_folder() or folder)
        return folder / f"{stem}-{self.tr_(FILE_WORDS[key])}{KINDS[key].suffix}"

    def export(self, key: str) -> None:
        """Ask where, then export in the background."""
        kind = KINDS[key]
        path = dialogs.ui.save_file(self, self.tr_(kind.name), str(self.suggested_path(key)), self.tr_(kind.filter))
        if path is None:
            return
        if path.suffix.lower() != kind.suffix:
            path = path.with_name(path.name + kind.suffix)
        Settings().set_last_folder(path.parent)
        paper = "letter" if self.paper.currentIndex() == 1 else "a4"
        self.runner.start(key, self.doc.project, path, self.lang, paper)

    def _on_started(self, key: str) -> None:
        self.buttons[key].setEnabled(False)
        self.bars[key].show()
        self.status[key].setText(self.tr_(t("만드는 중...", "Working...")))

    def _done(self, key: str) -> None:
        self.buttons[key].setEnabled(True)
        self.bars[key].hide()

    def _on_finished(self, key: str, path: Path) -> None:
        self._done(key)
        self._saved[key] = path
        self._show_saved(key)
        name = self.tr_(KINDS[key].name)
        message = t(f"{eul(name)} 저장했습니다:\n{{path}}", f"{name} saved:\n{{path}}")
        choice = dialogs.ui.choose(
            self, self.tr_(message).format(path=path),
            [self.tr_(t("파일 열기", "Open the file")), self.tr_(t("폴더 열기", "Open folder")),
             self.tr_(t("닫기", "Close"))])
        if choice in (0, 1):
            target = path if choice == 0 else path.parent
            if not dialogs.ui.open_url(QUrl.fromLocalFile(str(target))):
                dialogs.ui.error(self, self.tr_(t(
                    "이 컴퓨터에서 '{name}'을 열어 줄 프로그램을 찾지 못했습니다. 파일은 여기에 있습니다:\n{path}",
                    "No program on this computer opened '{name}'. The file is here:\n{path}")).format(
                    name=target.name, path=target))

    def _show_saved(self, key: str) -> None:
        path = self._saved.get(key)
        self.status[key].setText("" if path is None else self.tr_(t("저장됨: ", "Saved: ")) + path.name)
        self.status[key].setToolTip("" if path is None else str(path))

    def _forget_saved(self) -> None:
        """Another plan is open: the files saved for the previous one are not this plan's."""
        self._saved.clear()
        for key in ORDER:
            self._show_saved(key)

    def _on_failed(self, key: str, message: str) -> None:
        self._done(key)
        self.status[key].setText(self.tr_(t("실패", "Failed")))
        self.status[key].setToolTip(message)
        dialogs.ui.error(self, message)

    # -- view ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        tr = self.tr_
        for key in ORDER:
            label, tip = BUTTONS[key]
            self.buttons[key].setText(tr(label))
            describe(self.buttons[key], tr(KINDS[key].name), tr(tip))
            self.bars[key].setAccessibleName(tr(t("진행 표시", "Progress")) + " " + tr(KINDS[key].name))
            self.status[key].setAccessibleName(tr(t("상태", "Status")) + " " + tr(KINDS[key].name))
        self.paper_label.setText(tr(t("용지(&Z)", "Paper si&ze")))
        self.paper.setItemText(1, tr(t("레터", "Letter")))
        describe(self.paper, tr(t("PDF 용지 크기", "PDF paper size")),
                 tr(t("PDF 계획서를 인쇄할 종이 크기입니다. 한국에서는 보통 A4입니다.",
                      "The paper the PDF plan is laid out for: A4, or Letter in North America.")))
        for key in ORDER:
            self._show_saved(key)
        describe(self.summary, tr(t("계획 요약", "Plan summary")),
                 tr(t("지금까지 입력한 계획을 한눈에 보여 줍니다. 고칠 곳이 있으면 이전 단계로 돌아가세요.",
                      "Everything you entered, at a glance. Go back to a step to change it.")))

    def refresh(self) -> None:
        """Every change (an edit anywhere, a Progress suggestion, undo, the language) makes the
        summary stale; it is rebuilt now if it is on screen, else the next time it shows."""
        self._stale = True
        if self.isVisible():
            self._rebuild()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._rebuild()

    def _rebuild(self) -> None:
        self.summary.setHtml(summary_html(self.doc.project, self.lang))
        self._stale = False


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def summary_html(project, lang: Lang) -> str:
    """The plan at a glance as escaped HTML for the summary browser."""
    from kpiwizard.core.audit import audit, letter_name
    from kpiwizard.core.kpiview import view_kpis
    from kpiwizard.core.vocab import SEVERITY_NAMES
    from kpiwizard.core.sentence import smart_sentence

    tr = lambda text: text.get(lang)  # noqa: E731
    b = project.business
    out = [f"<h2>{_e(project.title or b.name or tr(t('이름 없는 계획', 'Untitled plan')))}</h2>"]
    facts = [x for x in (b.name, b.industry, b.region) if x.strip()]
    period = f"{format_date(project.start, lang)} – {format_date(project.end, lang)}"
    out.append(f"<p>{_e(' · '.join(facts + [period]))}</p>")
    out.append(f"<h3>{_e(tr(t('SMART 목표', 'SMART goal')))}</h3>")
    out.append(f"<p><b>{_e(smart_sentence(project.smart).get(lang))}</b></p>")

    result = audit(project)
    out.append(f"<h3>{_e(tr(t('SMART 점검', 'SMART audit')))}</h3>")
    letters = " &nbsp; ".join(
        f"{MARK[result.letter_verdict(letter)]} {letter.value} {_e(letter_name(letter, lang))}" for letter in SmartLetter)
    out.append(f"<p>{letters}</p>")
    verdict = t(f"오류 {len(result.errors)}개, 경고 {len(result.warnings)}개",
                f"{_count(len(result.errors), 'error')}, {_count(len(result.warnings), 'warning')}")
    out.append(f"<p>{_e(tr(verdict))}</p><ul>")
    for f in result.findings:
        if f.severity is Severity.INFO:
            continue
        out.append(f"<li>[{_e(SEVERITY_NAMES[f.severity].get(lang))}] {_e(f.message.get(lang))}"
                   f"<br/>→ {_e(f.fix.get(lang))}</li>")
    out.append("</ul>")

    out.append(f"<h3>{_e(tr(t('KPI', 'KPIs')))}</h3>")
    views = view_kpis(project, lang) if project.kpis else []
    if not views:
        out.append(f"<p>{_e(tr(t('아직 고른 KPI가 없습니다.', 'No KPIs chosen yet.')))}</p>")
    else:
        heads = [t("KPI", "KPI"), t("현재", "Baseline"), t("목표", "Target"), t("기한", "Deadline"),
                 t("주기", "Frequency"), t("담당", "Owner"), t("가중치", "Weight")]
        out.append('<table border="1" cellspacing="0" cellpadding="4"><tr>')
        out.extend(f"<th>{_e(tr(h))}</th>" for h in heads)
        out.append("</tr>")
        for v in views:
            if v.direction is Direction.RANGE:
                target = f"{format_value(v.band_low, v.unit, lang, v.percent)} – {format_value(v.band_high, v.unit, lang, v.percent)}"
            else:
                target = format_value(v.target, v.unit, lang, v.percent)
            cells = [v.name, format_value(v.baseline, v.unit, lang, v.percent), target,
                     format_date(v.deadline, lang), tr(FREQ[v.frequency.value]), v.owner or "–", f"{v.weight:g}%"]
            out.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>")
        out.append("</table>")
    actions = len(project.actions)
    out.append(f"<p>{_e(tr(t('실행 계획 {n}개', '{n} planned actions').format(n=actions)))}</p>")
    return "".join(out)
