"""The printable PDF plan: what the owner puts on the wall and brings to the team meeting.

Every number comes from the core (audit, progress, ROI, schedule, formatting), so the PDF, the app
and ``kpiwizard check`` cannot disagree. Sections with nothing to say are left out rather than
printed as empty headings. The PDF is built in memory and written through the core's atomic
``write_file``, so a failed export never leaves half a file behind.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import date

from reportlab import rl_config
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LayoutError,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from kpiwizard import __version__
from kpiwizard.core.audit import AuditResult, audit, letter_name
from kpiwizard.core.enums import Direction, Lang, Severity, SmartLetter, Status
from kpiwizard.core.errors import ExportError, ProjectFileError, UserError
from kpiwizard.core.formatting import (
    format_date,
    format_money,
    format_number,
    format_percent,
    format_short_date,
)
from kpiwizard.core.kpiview import KpiView, format_kpi_value, view_kpis
from kpiwizard.core.models import Project
from kpiwizard.core.progress import KpiProgress, evaluate, kpi_periods, overall_score
from kpiwizard.core.projectfile import write_file
from kpiwizard.core.remedies import suggest
from kpiwizard.core.roi import project_roi, reverse_funnel
from kpiwizard.core.vocab import ROI_NAMES
from kpiwizard.core.schedule import check_ins
from kpiwizard.core.sentence import smart_sentence
from kpiwizard.core.strategy_map import build_strategy_map
from kpiwizard.core.text import Text, t
from kpiwizard.core.vocab import (
    ACTION_STATUS_NAMES,
    CONTENT_NAMES,
    DIRECTION_NAMES,
    FREQUENCY_NAMES,
    GOAL_NAMES,
    INDICATOR_NAMES,
    LANGUAGE_NAMES,
    PERSPECTIVE_NAMES,
    STATUS_NAMES,
)

from .plan_charts import trajectory_drawing
from .plan_labels import (
    INDICATOR_MEANING,
    MISSED_STEPS,
    OBJECTIVES,
    SECTIONS,
    SOURCES,
    VERDICTS,
)
from .plan_grid import ValuesGrid
from .plan_map import strategy_map_drawing
from .plan_style import (
    ACCENT,
    Paragraph,
    ACCENT_LIGHT,
    BAD,
    FONT,
    GOOD,
    INK,
    MUTED,
    ROW_ALT,
    RULE,
    WARN,
    para,
    plain,
    register_fonts,
    styles,
)

PAPERS = {"a4": A4, "letter": LETTER}
MARGIN = 18 * mm
STATUS_COLOURS = {Status.ON_TRACK: GOOD, Status.REACHED: GOOD, Status.BEHIND: WARN, Status.STALE: WARN,
                  Status.OFF_TRACK: BAD, Status.MISSED: BAD, Status.NO_DATA: MUTED, Status.TOO_EARLY: MUTED}
VERDICT_COLOURS = {None: GOOD, Severity.INFO: GOOD, Severity.WARNING: WARN, Severity.ERROR: BAD}
TOP_KPIS = 5
# A check-in that records more KPIs than this names them as "all N KPIs" instead of one by one.
LIST_KPIS_UP_TO = 8
# A new section starts on the current page when at least this much of it is left.
SECTION_ROOM = 80 * mm


def export_plan(project: Project, path: str | os.PathLike[str], lang: Lang | None = None, paper: str = "a4") -> None:
    """Build the plan in memory and write it atomically; failures become bilingual ``ExportError``s."""
    data = build_plan(project, lang, paper)
    try:
        write_file(path, data)
    except ProjectFileError as e:
        raise ExportError(e.text) from None


def build_plan(project: Project, lang: Lang | None = None, paper: str = "a4") -> bytes:
    lang = Lang(lang or project.language)
    if paper not in PAPERS:
        raise ExportError(t(f"용지 크기 '{paper}'는 지원하지 않습니다. a4 또는 letter를 고르세요.",
                            f"Paper size '{paper}' is not supported; choose a4 or letter."))
    register_fonts()
    # Binary (Flate only) streams: ASCII85 on top made every page a third larger and its encoder, in
    # pure Python, took longer than laying out a 200-KPI plan.
    rl_config.useA85 = 0
    plan = _Plan(project, lang, PAPERS[paper])
    try:
        return plan.build()
    except LayoutError as e:  # by construction unreachable; still a message, never a traceback
        raise ExportError(t(f"PDF 계획서의 배치에 실패했습니다: {e}", f"The PDF plan could not be laid out: {e}")) from None


# -- document machinery --------------------------------------------------------------------------


class _Heading(Paragraph):
    """A heading that also becomes an entry of the PDF outline (bookmarks)."""

    def __init__(self, text: str, style, outline: str, level: int):
        super().__init__(para(text), style)
        self.outline = (outline, level)


class _TotalPagesCanvas(Canvas):
    """Writes the page count into a form every footer refers to, once the count is known."""

    def save(self) -> None:
        self.beginForm("page_total")
        self.setFont(FONT, 7.5)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(self.getPageNumber() - 1))
        self.endForm()
        super().save()


# Room a heading needs under it on the page it starts (itself and the first lines of what follows).
KEEP_ROOM = {"h1": 45 * mm, "h2": 30 * mm, "h3": 20 * mm, "label": 12 * mm}


class _Doc(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, **kw: object):
        super().__init__(buffer, **kw)
        self._outline_count = 0

    def handle_keepWithNext(self, flowables: list[Flowable]) -> None:  # noqa: N802 (reportlab hook)
        """A heading (keepWithNext) never ends a page, yet never drags a whole table with it.

        reportlab glues such a heading to everything after it and moves both to the next page when
        they do not fit: a long table after "SMART audit" left most of a page blank. Here the heading
        starts a new page only when less than ``KEEP_ROOM`` is left; what follows splits as usual.
        """
        heading = flowables[0]
        if not getattr(heading, "getKeepWithNext", lambda: False)() or getattr(heading, "_room_checked", False):
            return
        heading._room_checked = True
        following = flowables[1] if len(flowables) > 1 else None
        if isinstance(following, (KeepTogether, Drawing)):
            # What follows cannot split (a KPI card, the map): the heading joins it, whole. (reportlab
            # leaves a KeepTogether out of keepWithNext, which orphaned "KPI definitions".)
            inner = following._content if isinstance(following, KeepTogether) else [following]
            flowables[:2] = [KeepTogether([heading, *inner])]
            return
        name = getattr(getattr(heading, "style", None), "name", "")
        flowables.insert(0, CondPageBreak(KEEP_ROOM.get(name, 20 * mm)))

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab hook)
        outline = getattr(flowable, "outline", None)
        if outline is None:
            return
        self._outline_count += 1
        key = f"section{self._outline_count}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(plain(outline[0]), key, level=outline[1])


@dataclass
class _Plan:
    project: Project
    lang: Lang
    pagesize: tuple[float, float]

    def __post_init__(self) -> None:
        p = self.project
        self.st = styles()
        self.views: list[KpiView] = view_kpis(p, self.lang)
        self.results: dict[str, KpiProgress] = evaluate(p)
        self.audit: AuditResult = audit(p)
        self.width = self.pagesize[0] - 2 * MARGIN
        self.height = self.pagesize[1] - 2 * MARGIN - 12 * mm
        self.title = p.title.strip() or p.business.name.strip() or self.tr("SNS KPI 계획", "Social media KPI plan")
        self.today = date.today()
        self._recorded: dict[str, list[tuple[date, float]]] = {}
        self.frequency = {k.id: k.frequency for k in p.kpis}

    def tr(self, ko: str, en: str) -> str:
        return ko if self.lang is Lang.KO else en

    def get(self, text: Text) -> str:
        return text.get(self.lang)

    # -- build ---------------------------------------------------------------------------------

    def build(self) -> bytes:
        buffer = io.BytesIO()
        p = self.project
        doc = _Doc(
            buffer,
            pagesize=self.pagesize,
            leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 8 * mm, bottomMargin=MARGIN + 4 * mm,
            title=self.title,
            author=p.business.name.strip() or "KPI Wizard",
            subject=smart_sentence(p.smart).get(self.lang),
            creator=f"KPI Wizard {__version__}",
            keywords="KPI, SMART",
            lang="ko-KR" if self.lang is Lang.KO else "en-US",
            initialFontName=FONT,
            initialFontSize=9.5,
            initialLeading=14,
            displayDocTitle=1,
        )
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([
            PageTemplate("cover", [frame], onPage=self._cover_page),
            PageTemplate("body", [frame], onPage=self._body_page),
        ])
        story: list[Flowable] = [NextPageTemplate("body")]
        story += self.cover()
        first = True
        for section in (self.summary, self.kpi_table, self.kpi_cards, self.strategy_map,
                        self.trajectories, self.recorded_values, self.actions, self.roi, self.calendar):
            part = section()
            if part:
                # A section starts on a fresh page only when little of the current one is left: no
                # page holds a lone chart or a six-row table. Headings travel with what follows them.
                story += [PageBreak() if first else CondPageBreak(SECTION_ROOM), *part]
                first = False
        notes = self.notes()
        if notes:  # short notes share the calendar's page
            story += [CondPageBreak(60 * mm), Spacer(1, 10), *notes]
        doc.build(story, canvasmaker=_TotalPagesCanvas)
        return buffer.getvalue()

    def _cover_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        w, h = self.pagesize
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, h - 14 * mm, w, 14 * mm, stroke=0, fill=1)
        canvas.rect(0, 0, w, 6 * mm, stroke=0, fill=1)
        canvas.restoreState()

    def _body_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        w, h = self.pagesize
        canvas.saveState()
        top = h - MARGIN
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, top, _fit(self.title, FONT, 7.5, self.width * 0.62))
        right = _fit(self.project.business.name, FONT, 7.5, self.width * 0.34)
        canvas.drawRightString(w - MARGIN, top, right)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top - 4, w - MARGIN, top - 4)
        bottom = MARGIN
        canvas.line(MARGIN, bottom + 10, w - MARGIN, bottom + 10)
        canvas.drawString(MARGIN, bottom, f"KPI Wizard · {format_date(self.today, self.lang)}")
        label = f"{canvas.getPageNumber()} / "
        total_w = canvas.stringWidth("000", FONT, 7.5)
        x = w - MARGIN - total_w - canvas.stringWidth(label, FONT, 7.5)
        canvas.drawString(x, bottom, label)
        canvas.translate(x + canvas.stringWidth(label, FONT, 7.5), bottom)
        canvas.doForm("page_total")
        canvas.restoreState()

    # -- small builders ------------------------------------------------------------------------

    def h1(self, key: str) -> _Heading:
        text = self.get(SECTIONS[key])
        return _Heading(text, self.st["h1"], text, 0)

    def cell(self, text: str, style: str = "cell") -> Paragraph | str:
        if style == "cell_right":  # a number: one line, drawn as a plain string (a Paragraph costs more)
            return _Right(plain(text))
        return Paragraph(para(text), self.st[style])

    def line_cell(self, text: str) -> str:
        """Short text that never wraps (a date), as a plain string."""
        return _Left(plain(text))

    def label_value(self, label: str, value: str) -> list[Flowable]:
        """A small grey label over the user's text; nothing at all when the text is empty."""
        if not value.strip():
            return []
        return [Paragraph(para(label), self.st["label"]), Paragraph(para(value), self.st["body"])]

    def table(self, header: list[str], rows: list[list[Flowable]], fractions: list[float],
              extra: list[tuple] | None = None, unruled: frozenset[int] = frozenset(), stripe: int = 1) -> Table:
        """``unruled``: data rows (0 = the first under the header) with no rule below them; ``stripe``:
        how many rows share one background (2: an action and its link line)."""
        widths = [self.width * f / sum(fractions) for f in fractions]
        data = [[self.cell(h, "cell_head") for h in header], *rows]
        rules = ([("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)] if not unruled else
                 [("LINEBELOW", (0, r), (-1, r), 0.4, RULE) for r in range(len(data)) if r - 1 not in unruled])
        style = [
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *rules,
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
        ]
        style += [("ROWBACKGROUNDS", (0, 1), (-1, -1), [None] * stripe + [ROW_ALT] * stripe),
                  ("FONTSIZE", (0, 1), (-1, -1), 8), ("LEADING", (0, 1), (-1, -1), 10.5),
                  ("TEXTCOLOR", (0, 1), (-1, -1), INK)]
        style += [("ALIGN", (j, 1), (j, -1), "RIGHT") for j in range(len(header))
                  if any(isinstance(row[j], _Right) for row in rows if j < len(row))]
        return Table(data, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT",
                     style=TableStyle(style + (extra or [])))

    def box(self, flowables: list[Flowable], background=ACCENT_LIGHT, border=ACCENT) -> Table:
        """A shaded panel; it may split across pages when its content is long."""
        return Table([[flowables]], colWidths=[self.width], splitInRow=1, style=TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), background),
            ("LINEBEFORE", (0, 0), (0, -1), 2.5, border),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
        ]))

    def coloured(self, text: str, colour) -> str:
        return f'<font color="#{colour.hexval()[2:]}"><b>{para(text)}</b></font>'

    def value(self, view: KpiView, v: float | None) -> str:
        return format_kpi_value(view, v, self.lang, self.project.business.currency)

    def target_text(self, view: KpiView) -> str:
        if view.direction is Direction.RANGE:
            if view.band_low is None or view.band_high is None:
                return "–"
            lo, hi = sorted((view.band_low, view.band_high))
            return f"{self.value(view, lo)} – {self.value(view, hi)}"
        return self.value(view, view.target)

    # -- sections ------------------------------------------------------------------------------

    def cover(self) -> list[Flowable]:
        p = self.project
        st = self.st
        heading = _Heading(self.title, st["cover_title"], self.get(SECTIONS["cover"]), 0)
        meta = [
            (self.tr("사업체", "Business"), " · ".join(s for s in (p.business.name, p.business.industry, p.business.region) if s.strip())),
            (self.tr("기간", "Period"), f"{format_date(p.start, self.lang)} – {format_date(p.end, self.lang)}"),
            (self.tr("작성일", "Prepared on"), format_date(self.today, self.lang)),
            (self.tr("언어", "Language"), self.get(LANGUAGE_NAMES[self.lang])),
        ]
        rows = [[self.cell(k, "label"), Paragraph(para(v), st["cover_sub"])] for k, v in meta if v.strip()]
        return [
            Spacer(1, 38 * mm),
            Paragraph(para(self.tr("SNS 마케팅 KPI 계획서", "Social media KPI plan")), st["cover_meta"]),
            Spacer(1, 4),
            heading,
            Spacer(1, 14 * mm),
            Table(rows, colWidths=[30 * mm, self.width - 30 * mm], hAlign="LEFT", style=TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ("LEFTPADDING", (0, 0), (-1, -1), 0), ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LINEABOVE", (0, 0), (-1, 0), 0.6, ACCENT)])),
            Spacer(1, 16 * mm),
            self.box([Paragraph(para(self.tr("목표", "The goal")), st["label"]),
                      Paragraph(para(smart_sentence(p.smart).get(self.lang)), st["sentence"])]),
        ]

    def summary(self) -> list[Flowable]:
        p, st, g = self.project, self.st, self.project.business_goal
        out: list[Flowable] = [self.h1("summary")]
        facts = [
            (self.tr("SNS 목표", "Social media goal"), self.get(GOAL_NAMES[g.social_goal])),
            (self.tr("전략 목표", "Strategic objective"), self.get(OBJECTIVES[g.objective])),
            (self.tr("기간", "Period"), f"{format_date(p.start, self.lang)} – {format_date(p.end, self.lang)}"),
        ]
        if p.business.channels:
            facts.append((self.tr("채널", "Channels"), ", ".join(
                f"{c.name} ({format_number(c.followers)})" for c in p.business.channels)))
        rows = [[self.cell(k, "label"), self.cell(v, "body")] for k, v in facts]
        out.append(Table(rows, colWidths=[34 * mm, self.width - 34 * mm], hAlign="LEFT", splitInRow=1,
                         style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FONT),
                                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                           ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])))
        out += self.label_value(self.tr("왜 이 목표인가", "Why this goal"), g.why)
        message = (
            self.label_value(self.tr("누구에게", "For whom"), g.audience)
            + self.label_value(self.tr("그들이 원하는 것", "What they want"), g.audience_wants)
            + self.label_value(self.tr("우리가 주는 혜택", "The benefit we offer"), g.benefit)
            + self.label_value(self.tr("믿을 이유", "Reason to believe"), g.reason_to_believe)
        )
        out += message
        out.append(Spacer(1, 8))
        out.append(self.box([Paragraph(para(self.tr("SMART 목표", "SMART goal")), st["label"]),
                             Paragraph(para(smart_sentence(p.smart).get(self.lang)), st["sentence"])]))
        out.append(Paragraph(para(self.tr("SMART 점검", "SMART audit")), st["h2"]))
        out.append(self.audit_table())
        out.append(Spacer(1, 4))
        out.append(Paragraph(self.verdict(), st["body"]))
        top = sorted(self.views, key=lambda v: -v.weight)[:TOP_KPIS]
        if top:
            out.append(Paragraph(para(self.tr("핵심 KPI", "Top KPIs")), st["h2"]))
            rows = [[self.cell(v.name), self.cell(f"{self.value(v, v.baseline)} → {self.target_text(v)}"),
                     self.cell(f"{format_number(v.weight)}%", "cell_right"), self.status_cell(v)] for v in top]
            out.append(self.table(
                [self.tr("KPI", "KPI"), self.tr("기준값 → 목표", "Baseline → target"),
                 self.tr("비중", "Weight"), self.tr("현황", "Status")], rows, [3.2, 3.2, 0.9, 1.2]))
        return out

    def audit_table(self) -> Table:
        rows: list[list[Flowable]] = []
        for letter in SmartLetter:
            findings = self.audit.by_letter(letter)
            name = self.cell(f"{letter.value} · {letter_name(letter, self.lang)}")
            if not findings:
                rows.append([name, self.markup_cell(self.coloured(self.get(VERDICTS[None]), GOOD)),
                             self.cell(self.tr("문제가 없습니다.", "Nothing to change."), "small")])
                continue
            for i, f in enumerate(findings):
                sev = f.severity
                rows.append([
                    name if i == 0 else self.cell(""),
                    self.markup_cell(self.coloured(self.get(VERDICTS[sev]), VERDICT_COLOURS[sev])),
                    self.markup_cell(f"{para(f.message.get(self.lang))}<br/><font color='#1D4E89'>→ {para(f.fix.get(self.lang))}</font>"),
                ])
        return self.table([self.tr("항목", "Letter"), self.tr("판정", "Verdict"), self.tr("내용과 고칠 점", "Finding and what to change")],
                          rows, [1.5, 1.0, 5.5])

    def markup_cell(self, markup: str, style: str = "cell") -> Paragraph:
        """A cell from markup this module built itself (user parts already escaped with ``para``)."""
        return Paragraph(markup, self.st[style])

    def verdict(self) -> str:
        r = self.audit
        if r.passed:
            text = self.tr(f"통과: 오류 없음, 경고 {len(r.warnings)}개.", f"Passed: no errors, {len(r.warnings)} warning(s).")
            return self.coloured(text, GOOD)
        letters = ", ".join(sorted({f.letter.value for f in r.errors}, key="SMART".index))
        text = self.tr(f"실패: 오류 {len(r.errors)}개 ({letters}). 계획을 고친 뒤 다시 점검하세요.",
                       f"Failed: {len(r.errors)} error(s) ({letters}). Fix the plan and check it again.")
        return self.coloured(text, BAD)

    def status_cell(self, view: KpiView) -> Paragraph:
        status = self.results[view.id].status
        return self.markup_cell(self.coloured(self.get(STATUS_NAMES[status]), STATUS_COLOURS[status]))

    def kpi_table(self) -> list[Flowable]:
        if not self.views:
            return []
        rows = []
        for v in self.views:
            th = v.selection.thresholds
            sub = " · ".join(s for s in (v.unit, self.get(INDICATOR_NAMES[v.indicator])) if s)
            rows.append([
                self.markup_cell(f"<b>{para(v.name)}</b><br/><font size='7' color='#616E7C'>{para(sub)}</font>"),
                self.cell(self.value(v, v.baseline), "cell_right"),
                self.cell(self.target_text(v), "cell_right"),
                self.cell(self.get(DIRECTION_NAMES[v.direction])),
                self.cell(self.get(FREQUENCY_NAMES[v.frequency])),
                self.cell(v.owner or "–"),
                self.cell(f"{format_number(v.weight)}%", "cell_right"),
                self.cell(f"≥{format_percent(th.on_track)} / ≥{format_percent(th.at_risk)}"),
            ])
        total = sum(v.weight for v in self.views)
        rows.append([self.cell(self.tr("비중 합계", "Total weight"), "label"), *[self.cell("")] * 5,
                     self.cell(f"{format_number(total)}%", "cell_right"), self.cell("")])
        header = [self.tr("KPI", "KPI"), self.tr("기준값", "Baseline"), self.tr("목표", "Target"),
                  self.tr("방향", "Direction"), self.tr("주기", "Frequency"), self.tr("담당", "Owner"),
                  self.tr("비중", "Weight"), self.tr("순항/주의 기준", "On track / at risk")]
        return [
            self.h1("kpi_table"),
            self.table(header, rows, [2.2, 1.1, 1.3, 1.1, 0.95, 1.25, 0.75, 1.35]),
            Spacer(1, 6),
            Paragraph(para(self.tr(
                "순항/주의 기준은 목표 궤적이 기대하는 속도 대비 비율입니다. 첫 값 이상이면 순항, 둘째 값 이상이면 주의, 그 아래는 미달입니다.",
                "The thresholds are shares of the pace the target path expects: at or above the first is on track, "
                "at or above the second is at risk, below it is missed.")), self.st["small"]),
        ]

    def kpi_cards(self) -> list[Flowable]:
        if not self.views:
            return []
        out: list[Flowable] = [self.h1("kpi_cards")]
        for i, v in enumerate(self.views, 1):
            perspective = self.get(PERSPECTIVE_NAMES[v.perspective])
            card: list[Flowable] = [
                _Heading(f"{i}. {v.name}", self.st["h2"], v.name, 1),
                Paragraph(para(" · ".join((self.get(INDICATOR_NAMES[v.indicator]), perspective,
                                           self.get(FREQUENCY_NAMES[v.frequency])))), self.st["small"]),
            ]
            card += self.label_value(self.tr("정의", "Definition"), v.definition)
            card += self.label_value(self.tr("계산식", "Formula"), v.formula)
            card += self.label_value(self.tr("어디서 읽나", "Where to read it"), self.get(SOURCES[v.source]))
            card += self.label_value(self.tr("선행·후행", "Leading or lagging"), self.get(INDICATOR_MEANING[v.indicator]))
            card += self.label_value(self.tr("이 목표에 중요한 이유", "Why it matters for this goal"), v.why)
            card += self.label_value(self.tr("기준값 → 목표", "Baseline → target"),
                                     f"{self.value(v, v.baseline)} → {self.target_text(v)} ({format_date(v.deadline, self.lang)})")
            if v.vanity:
                reason = v.vanity_reason or self.tr("사업 성과와 직접 이어지지 않는 숫자입니다.",
                                                    "This number does not tie directly to business results.")
                card += [Spacer(1, 4), self.box([
                    Paragraph(para(self.tr("허영 지표 주의", "Vanity metric warning")), self.st["label"]),
                    Paragraph(para(reason), self.st["body"])], background=_tint(WARN), border=WARN)]
            out.append(KeepTogether(card))
            out += self.label_value(self.tr("메모", "Note"), v.selection.note)
        return out

    def strategy_map(self) -> list[Flowable]:
        if not self.views:
            return []
        smap = build_strategy_map(self.project, self.lang)
        intro = Paragraph(para(self.tr(
            "아래 관점의 목표가 위 관점의 목표를 움직입니다. 화살표는 원인에서 결과로 향합니다.",
            "Objectives in the lower perspectives drive those above them; arrows point from cause to effect.")),
            self.st["small"])
        return [KeepTogether([self.h1("map"), intro, Spacer(1, 8),
                strategy_map_drawing(smap, self.width, self.height - 70, self.lang,
                                     {k: r.status for k, r in self.results.items()}, STATUS_COLOURS)])]

    def trajectories(self) -> list[Flowable]:
        if not self.views:
            return []
        out: list[Flowable] = [self.h1("trajectories")]
        score = overall_score(self.project, self.results)
        if score is not None:
            out.append(Paragraph(self.coloured(self.tr("종합 점수: ", "Overall score: ") + format_percent(score), ACCENT),
                                 self.st["body"]))
            out.append(Spacer(1, 6))
        rows = []
        for v in self.views:
            r = self.results[v.id]
            rows.append([self.cell(v.name), self.status_cell(v), self.cell(self.value(v, r.latest), "cell_right"),
                         self.cell(format_percent(r.progress), "cell_right"),
                         self.cell(format_number(r.pace), "cell_right"),
                         self.cell(self.value(v, r.forecast), "cell_right")])
        out.append(self.table([self.tr("KPI", "KPI"), self.tr("현황", "Status"), self.tr("최근 값", "Latest"),
                               self.tr("진척", "Progress"), self.tr("속도", "Pace"), self.tr("마감 예측", "Forecast")],
                              rows, [3, 1.1, 1.4, 0.9, 0.8, 1.4]))
        out.append(Spacer(1, 4))
        out.append(Paragraph(para(self.tr(
            "진척은 기준값에서 목표까지 간 비율, 속도는 진척을 목표 궤적이 기대하는 비율로 나눈 값(1 = 계획대로), 예측은 지금 추세가 이어질 때 마감일의 값입니다.",
            "Progress is the share of the way from baseline to target; pace divides it by the share the target path "
            "expects (1 = on plan); the forecast is the value at the deadline if the trend holds.")), self.st["small"]))
        for v in self.views:
            out += self.kpi_trajectory(v)
        return out

    def kpi_trajectory(self, v: KpiView) -> list[Flowable]:
        r = self.results[v.id]
        block: list[Flowable] = [_Heading(v.name, self.st["h2"], v.name, 1)]
        status = self.coloured(self.get(STATUS_NAMES[r.status]), STATUS_COLOURS[r.status])
        if r.latest is not None:
            facts = self.tr(
                f"현재 {self.value(v, r.latest)} · 진척 {format_percent(r.progress)} · 속도 {format_number(r.pace)} · 마감 예측 {self.value(v, r.forecast)}",
                f"Latest {self.value(v, r.latest)} · progress {format_percent(r.progress)} · pace {format_number(r.pace)} · forecast {self.value(v, r.forecast)}")
        else:
            facts = self.tr("아직 기록된 실적이 없어 목표 궤적만 보입니다.", "No actuals recorded yet: the chart shows the target path only.")
        block.append(Paragraph(f"{status} · {para(facts)}", self.st["body"]))
        chart = trajectory_drawing(self.project, v.selection, r, self.width, 44 * mm, self.lang)
        if chart is not None:
            # The chart's text equivalent: what it shows, in a sentence (the values are in a table).
            block += [Spacer(1, 4), chart, Paragraph(para(self.chart_sentence(v, r)), self.st["small"])]
        else:
            block.append(Paragraph(para(self.tr("기준값과 목표를 정하면 궤적이 그려집니다.",
                                                "Set a baseline and a target to draw the path.")), self.st["small"]))
        remedies = suggest(self.project, v.id, self.lang)
        if remedies:
            block.append(Paragraph(para(self.tr("이렇게 해 보세요", "What to do")), self.st["label"]))
            block += [Paragraph(para(rm.message.get(self.lang)), self.st["bullet"], bulletText="•") for rm in remedies]
        block.append(Spacer(1, 6))
        return [KeepTogether(block)]

    def actions(self) -> list[Flowable]:
        acts = self.project.actions
        if not acts:
            return []
        names = {v.id: v.name for v in self.views}
        links, link_note = self.campaign_links()
        rows = [[
            self.cell(str(i), "cell_right"),
            self.cell(a.tactic),
            self.cell(a.channel or "–"),
            self.cell(self.get(CONTENT_NAMES[a.content_type]) if a.content_type else "–"),
            self.cell(a.owner or "–"),
            self.line_cell(format_short_date(a.due)),
            self.cell(names.get(a.kpi, "–") if a.kpi else "–"),
            self.cell(self.get(ACTION_STATUS_NAMES[a.status])),
            self.cell(self.money(a.cost), "cell_right"),
        ] for i, a in enumerate(acts, 1)]
        extra: list[tuple] = []
        unruled: set[int] = set()
        if links:  # each action's campaign link on a line of its own under it, across the columns
            label = self.tr("캠페인 링크 (UTM)", "Campaign link (UTM)")
            link_style = ParagraphStyle("link", parent=self.st["cell"], fontSize=6.5, leading=8.5,
                                        textColor=MUTED, splitLongWords=1)
            paired: list[list[Flowable]] = []
            for row, url in zip(rows, links, strict=True):
                top = len(paired) + 1  # table row of the action (the header is row 0)
                paired += [row, [self.cell(""), Paragraph(para(f"{label}: {url}"), link_style),
                                 *[""] * (len(row) - 2)]]
                unruled.add(top - 1)
                extra += [("SPAN", (1, top + 1), (-1, top + 1)), ("NOSPLIT", (0, top), (-1, top + 1)),
                          ("TOPPADDING", (0, top + 1), (-1, top + 1), 0)]
            rows = paired
        costs = [a.cost for a in acts if a.cost is not None]
        rows.append([self.cell(""), self.cell(self.tr("비용 합계", "Total cost"), "label"), *[self.cell("")] * 6,
                     self.cell(self.money(sum(costs)) if costs else "–", "cell_right")])
        header = ["#", self.tr("전술", "Tactic"), self.tr("채널", "Channel"), self.tr("콘텐츠", "Content"),
                  self.tr("담당", "Owner"), self.tr("기한", "Due"), self.tr("움직일 KPI", "KPI it moves"),
                  self.tr("상태", "Status"), self.tr("비용", "Cost")]
        out: list[Flowable] = [self.h1("actions"),
                               self.table(header, rows, [0.35, 2.45, 0.95, 1.15, 1.1, 1.25, 1.3, 0.95, 1.05],
                                          extra, frozenset(unruled), stripe=2 if links else 1)]
        if link_note:
            out.append(Paragraph(para(link_note), self.st["small"]))
        if len(costs) < len(acts):
            out.append(Paragraph(para(self.tr(
                f"비용을 적지 않은 실행 {len(acts) - len(costs)}개는 합계에 들어 있지 않습니다(–).",
                f"{len(acts) - len(costs)} action(s) without a cost estimate (–) are not in the total.")),
                self.st["small"]))
        return out

    def campaign_links(self) -> tuple[list[str], str]:
        """Each action's campaign link (UTM) on the plan's web address, in action order, and a note
        when that address cannot make links; no address: no links and no note."""
        from kpiwizard.core.utm import campaign_links

        if not self.project.business.website.strip():
            return [], ""
        try:
            return [url for _i, _a, url in campaign_links(self.project)], ""
        except UserError as e:
            return [], self.tr(f"캠페인 링크를 싣지 못했습니다: {e.message(self.lang)}",
                               f"Campaign links left out: {e.message(self.lang)}")

    def money(self, amount: float | None) -> str:
        return format_money(amount, self.project.business.currency)

    def chart_sentence(self, v: KpiView, r: KpiProgress) -> str:
        """What the trajectory chart shows, for a reader who cannot see it."""
        start = r.start or self.project.start
        deadline = r.deadline or v.deadline
        d = lambda day: format_date(day, self.lang)  # noqa: E731
        if v.direction is Direction.RANGE:
            path = self.tr(f"목표 범위는 {self.target_text(v)}입니다.", f"The target band is {self.target_text(v)}.")
        elif v.baseline is not None and v.target is not None:
            path = self.tr(
                f"목표 궤적은 {d(start)} {self.value(v, v.baseline)}에서 {d(deadline)} {self.value(v, v.target)}까지 곧게 이어집니다.",
                f"The target path runs straight from {self.value(v, v.baseline)} on {d(start)} to "
                f"{self.value(v, v.target)} on {d(deadline)}.")
        else:
            path = self.tr("기준값이나 목표가 없어 목표 궤적은 없습니다.", "With no baseline or target there is no target path.")
        series = self.recorded(v)
        if series:
            values = [x for _, x in series]
            seen = self.tr(
                f" 실적 {len(series)}개가 {d(series[0][0])}부터 {d(series[-1][0])}까지 기록되었고, 가장 낮은 값은 "
                f"{self.value(v, min(values))}, 가장 높은 값은 {self.value(v, max(values))}, 최근 값은 {self.value(v, values[-1])}입니다.",
                f" {len(series)} actuals are recorded from {d(series[0][0])} to {d(series[-1][0])}: lowest "
                f"{self.value(v, min(values))}, highest {self.value(v, max(values))}, latest {self.value(v, values[-1])}.")
            if r.forecast is not None:
                seen += self.tr(f" 지금 추세라면 마감일에 {self.value(v, r.forecast)}입니다.",
                                f" At the current trend it is {self.value(v, r.forecast)} at the deadline.")
        else:
            seen = self.tr(" 기록된 실적은 아직 없습니다.", " No actuals are recorded yet.")
        return self.tr("그래프: ", "Chart: ") + path + seen

    def recorded(self, v: KpiView) -> list[tuple[date, float]]:
        """(period end, recorded value) for every period of the plan with a value, in order."""
        cached = self._recorded.get(v.id)
        if cached is None:
            series = self.project.actuals.get(v.id, {})
            periods = kpi_periods(self.project, v.selection) if series else ()
            cached = self._recorded[v.id] = [(p.end, series[p.start]) for p in periods if p.start in series]
        return cached

    def recorded_values(self) -> list[Flowable]:
        """Every recorded value by period, beside the target path: the charts' numbers as a table."""
        blocks: list[Flowable] = []
        for v in self.views:
            series = self.recorded(v)
            if not series:
                continue
            aim = self.tr(f" · 목표 범위 {self.target_text(v)}", f" · target band {self.target_text(v)}") \
                if v.direction is Direction.RANGE else ""
            head = self.tr("기간 끝", "Period end"), self.tr("실적", "Actual")
            cells = [(format_short_date(day), self.value(v, x)) for day, x in series]
            blocks += [CondPageBreak(24 * mm) if blocks else Spacer(1, 0),
                       Paragraph(para(v.name) + f"<font size='7.5' color='#616E7C'>{para(aim)}</font>", self.st["h3_plain"]),
                       ValuesGrid(head, cells, self.width)]
        if not blocks:
            return []
        return [self.h1("values"), Paragraph(para(self.tr(
            "추적표에 적은 값을 기간별로 옮겼습니다(왼쪽에서 오른쪽, 위에서 아래 순서). 목표 궤적은 직선이라 각 그래프 아래 문장에 시작과 끝을 적었습니다.",
            "The values recorded in the tracker, by period (left to right, then down). The target path is a straight "
            "line: the sentence under each chart gives its start and end.")),
            self.st["small"]), Spacer(1, 4), *blocks]

    def roi(self) -> list[Flowable]:
        r = self.project.roi
        if not any((r.ad_spend, r.tools, r.hours, r.revenue, r.leads, r.customers, r.average_order,
                    r.funnel.revenue_target)):
            return []
        cur = self.project.business.currency
        money = lambda v: format_money(v, cur)  # noqa: E731
        res = project_roi(self.project)
        name = lambda key: ROI_NAMES[key].get(self.lang)  # noqa: E731
        out: list[Flowable] = [self.h1("roi"), Paragraph(para(self.tr(
            "모든 가정을 그대로 적었습니다. 숫자를 바꾸면 결과도 바뀌니, 아래 값을 보고 직접 확인하세요.",
            "Every assumption is printed so you can check it: change an input and the results follow.")), self.st["small"])]

        def rows(items: list[tuple[str, str, str]]) -> list[list[Flowable]]:
            return [[self.cell(a), self.cell(b, "cell_right"), self.cell(c, "small")] for a, b, c in items]

        header = [self.tr("항목", "Item"), self.tr("값", "Value"), self.tr("계산·근거", "How it is worked out")]
        inputs = [
            (self.tr("광고비", "Ad spend"), money(r.ad_spend), self.tr("입력값", "input")),
            (self.tr("도구 비용", "Tools"), money(r.tools), self.tr("입력값", "input")),
            (self.tr("투입 시간", "Hours spent"), format_number(r.hours), self.tr("입력값", "input")),
            (self.tr("시간당 인건비", "Hourly rate"), money(r.hourly_rate), self.tr("입력값", "input")),
            (self.tr("인건비", "Labour cost"), money(res.labour_cost), self.tr("시간 × 시간당 인건비", "hours × hourly rate")),
            (self.tr("총비용", "Total cost"), money(res.total_cost), self.tr("광고비 + 도구 + 인건비", "ad spend + tools + labour")),
            (self.tr("SNS로 생긴 매출", "Revenue from social media"), money(r.revenue), self.tr("입력값", "input")),
            (self.tr("리드 수", "Leads"), format_number(r.leads), self.tr("입력값", "input")),
            (self.tr("고객 수", "Customers"), format_number(r.customers), self.tr("입력값", "input")),
            (name("gross_margin"), _percent_number(res.gross_margin * 100),
             self.tr("기본값(업종별 가정)", "default (assumption for the industry)") if res.gross_margin_is_default
             else self.tr("입력값", "input")),
        ]
        results = [
            (name("gross_profit"), money(res.gross_profit), self.tr("매출 × 매출총이익률", "revenue × gross margin")),
            (name("net_return"), money(res.net_return), self.tr("매출총이익 − 총비용", "gross profit − total cost")),
            (name("roi_percent"), _percent_number(res.roi_percent), self.tr("(매출총이익 − 총비용) ÷ 총비용 × 100", "(gross profit − total cost) ÷ total cost × 100")),
            (name("revenue_to_ad_spend"), _percent_number(res.revenue_to_ad_spend_percent),
             self.tr("SNS 매출 ÷ 광고비 × 100 (매출이 모두 광고에서 왔을 때의 ROAS)", "social revenue ÷ ad spend × 100 (the ROAS if all of it came from ads)")),
            (name("total_cost_per_lead"), money(res.total_cost_per_lead), self.tr("총비용 ÷ 리드 수", "total cost ÷ leads")),
            (name("total_cost_per_customer"), money(res.total_cost_per_customer),
             self.tr("총비용 ÷ 고객 수", "total cost ÷ customers")),
            (name("ltv"), money(res.ltv), self.tr(
                f"평균 주문 {money(r.average_order)} × 연간 구매 {format_number(r.purchases_per_year)}회 × {format_number(r.customer_years)}년 × 매출총이익률",
                f"average order {money(r.average_order)} × {format_number(r.purchases_per_year)} purchases a year × {format_number(r.customer_years)} years × gross margin")),
            (name("ltv_to_cost"), format_number(res.ltv_to_cac), self.tr("LTV ÷ 고객당 총비용", "LTV ÷ total cost per customer")),
        ]
        out += [Paragraph(para(self.tr("비용과 수익(가정)", "Costs and returns (assumptions)")), self.st["h2"]),
                self.table(header, rows(inputs), [2.2, 1.6, 3.2]),
                Paragraph(para(self.tr("결과", "Results")), self.st["h2"]),
                self.table(header, rows(results), [2.2, 1.6, 3.2])]
        f = r.funnel
        funnel = reverse_funnel(f, r.average_order)
        if f.revenue_target > 0:
            out.append(Paragraph(para(self.tr("역방향 퍼널: 매출 목표에 필요한 사람 수", "Reverse funnel: the people a revenue target needs")), self.st["h2"]))
            if funnel is None:
                out.append(Paragraph(para(self.tr("평균 주문 금액을 입력하면 필요한 고객·리드·클릭·도달 수가 계산됩니다.",
                                                  "Enter the average order value to work out the customers, leads, clicks and reach needed.")), self.st["body"]))
            else:
                steps = [
                    (self.tr("매출 목표", "Revenue target"), money(f.revenue_target), self.tr("입력값", "input")),
                    (self.tr("필요한 고객", "Customers needed"), format_number(funnel.customers),
                     self.tr(f"매출 목표 ÷ 평균 주문 {money(r.average_order)}, 올림", f"revenue target ÷ average order {money(r.average_order)}, rounded up")),
                    (self.tr("필요한 리드", "Leads needed"), format_number(funnel.leads),
                     self.tr(f"고객 ÷ 구매 전환율 {format_percent(f.close_rate, 1)}, 올림", f"customers ÷ close rate {format_percent(f.close_rate, 1)}, rounded up")),
                    (self.tr("필요한 클릭", "Clicks needed"), format_number(funnel.clicks),
                     self.tr(f"리드 ÷ 리드 전환율 {format_percent(f.lead_rate, 1)}, 올림", f"leads ÷ lead rate {format_percent(f.lead_rate, 1)}, rounded up")),
                    (self.tr("필요한 도달", "Reach needed"), format_number(funnel.reach),
                     self.tr(f"클릭 ÷ 클릭률 {format_percent(f.click_rate, 1)}, 올림", f"clicks ÷ click rate {format_percent(f.click_rate, 1)}, rounded up")),
                ]
                out.append(self.table(header, rows(steps), [2.2, 1.6, 3.2]))
        return out

    def calendar(self) -> list[Flowable]:
        if not self.views:
            return []
        names = {v.id: v.name for v in self.views}
        checks = check_ins(self.project.start, self.project.end, [(k.id, k.frequency) for k in self.project.kpis])
        rows = []
        for c in checks:
            if len(c.kpi_ids) > LIST_KPIS_UP_TO:
                what = self.tr(f"KPI {len(c.kpi_ids)}개 (모든 {self.freq_group(c.kpi_ids)} KPI)",
                               f"{len(c.kpi_ids)} KPIs (every {self.freq_group(c.kpi_ids)} KPI)")
            else:
                what = ", ".join(names[i] for i in c.kpi_ids)
            if c.final:
                what = (what + " · " if what else "") + self.tr("최종 검토: 목표 달성 여부 판단", "Final review: was the goal reached?")
            rows.append([self.line_cell(format_date(c.day, self.lang)), self.cell(what)])
        hour = self.project.review.reminder_hour
        out: list[Flowable] = [
            self.h1("calendar"),
            Paragraph(para(self.tr(
                f"각 KPI는 기간이 끝나는 날 기록하고 점검합니다. 달력 파일(.ics)로 내보내면 {hour}시에 알림이 옵니다.",
                f"Each KPI is recorded and reviewed on the last day of its period. Export the calendar (.ics) for a reminder at {hour}:00.")),
                self.st["small"]),
            Spacer(1, 6),
            self.table([self.tr("점검일", "Check-in"), self.tr("기록할 KPI", "KPIs to record")], rows, [1.6, 5.4]),
            Paragraph(para(self.tr("KPI가 미달이거나 주의일 때", "When a KPI is at risk or missed")), self.st["h2"]),
        ]
        out += [Paragraph(para(self.get(step)), self.st["bullet"], bulletText=f"{i}.") for i, step in enumerate(MISSED_STEPS, 1)]
        return out

    def freq_group(self, ids: tuple[str, ...]) -> str:
        freqs = {self.frequency[i] for i in ids}
        # Mid-sentence ("every weekly KPI"), so the English name goes lower-case.
        return " / ".join(self.get(FREQUENCY_NAMES[f]).lower() for f in sorted(freqs))

    def notes(self) -> list[Flowable]:
        if not self.project.notes.strip():
            return []
        return [self.h1("notes"), Paragraph(para(self.project.notes), self.st["body"])]


class _Right(str):
    """A table cell drawn as a plain, right-aligned string."""


class _Left(str):
    """A table cell drawn as a plain, left-aligned string."""


def _percent_number(value: float | None) -> str:
    """ROI printed as the core computes it, one decimal, with a percent sign."""
    return "–" if value is None else f"{format_number(value, 1)}%"


def _tint(colour: Color) -> Color:
    return Color(1 - (1 - colour.red) * 0.12, 1 - (1 - colour.green) * 0.12, 1 - (1 - colour.blue) * 0.12)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Header text cut with an ellipsis to fit its slot (drawn on the canvas, so glyph-checked)."""
    text = " ".join(plain(text).split())
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"
