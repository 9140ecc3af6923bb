"""The one-page monthly report (PDF): the month an owner prints for the wall or sends to a partner.

Every number and sentence comes from ``core/monthly.py``; this module only lays them out on one A4
or Letter page. Same rules as the plan: NanumGothic embedded and subset (the sparklines are
drawings whose font is ours, so nothing names Helvetica), the owner's text printed literally
through ``plan_style.para``/``plain``, and the file written atomically.
"""

from __future__ import annotations

import io
import os
from datetime import date

from reportlab.graphics.shapes import Circle, Line, PolyLine
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from kpiwizard import __version__
from kpiwizard.core.enums import Lang
from kpiwizard.core.errors import ExportError, ProjectFileError
from kpiwizard.core.formatting import format_date, format_percent, format_short_date
from kpiwizard.core.models import Project
from kpiwizard.core.monthly import KpiMonth, MonthlyReport, monthly_report
from kpiwizard.core.projectfile import write_file
from kpiwizard.core.text import t

from .plan_style import (
    ACCENT,
    ACCENT_LIGHT,
    BAD,
    FONT,
    GOOD,
    MUTED,
    ROW_ALT,
    RULE,
    WARN,
    drawing,
    para,
    plain,
    register_fonts,
    styles,
)

PAPERS = {"a4": A4, "letter": LETTER}
MARGIN = 16 * mm
SPARK_W, SPARK_H = 26 * mm, 6.5 * mm
NEXT_STEP = colors.HexColor("#FFF4D6")
# Status colours by the status's value; a status added later is drawn muted until it gets one.
_COLOURS = {"on_track": GOOD, "reached": GOOD, "behind": WARN, "at_risk": WARN, "too_early": MUTED,
            "stale": WARN, "off_track": BAD, "missed": BAD, "no_data": MUTED}

LABELS = {
    "title": t("월간 보고서", "Monthly report"),
    "moved": t("가장 많이 움직인 숫자", "What moved most"),
    "behind": t("가장 뒤처진 KPI", "Furthest behind"),
    "next": t("다음 달에 할 한 가지", "The one thing to do next month"),
    "nothing_behind": t("뒤처진 KPI가 없습니다.", "No KPI is behind."),
    "kpi": t("KPI", "KPI"),
    "status": t("상태", "Status"),
    "this": t("이번 달", "This month"),
    "last": t("지난달", "Last month"),
    "target": t("목표", "Target"),
    "trend": t("추이", "Trend"),
    "score": t("종합 점수", "Overall score"),
    "missing": t("아직 옮겨 적지 않은 숫자", "Numbers not yet copied this month"),
    "hand": t("손으로 옮겨 적는 숫자", "copied by hand"),
    "more": t("외 KPI {n}개는 앱의 진행 화면에서 보세요.", "{n} more KPIs: see the Progress view in the app."),
    "final": t("계획의 마지막 달", "the plan's last month"),
}


def export_monthly_report(
    project: Project, month: str, path: str | os.PathLike[str], lang: Lang | str | None = None, paper: str = "a4"
) -> None:
    """Build the report in memory and write it atomically; failures become bilingual ``ExportError``s."""
    data = build_monthly_report(project, month, lang, paper)
    try:
        write_file(path, data)
    except ProjectFileError as e:
        raise ExportError(e.text) from None


def build_monthly_report(project: Project, month: str, lang: Lang | str | None = None, paper: str = "a4") -> bytes:
    lang = Lang(lang or project.language)
    if paper not in PAPERS:
        raise ExportError(t(f"용지 크기 '{paper}'는 지원하지 않습니다. a4 또는 letter를 고르세요.",
                            f"Paper size '{paper}' is not supported; choose a4 or letter."))
    register_fonts()
    report = monthly_report(project, month, lang)  # CheckInError (a UserError) for a month outside the plan
    return _Page(report, PAPERS[paper]).build()


def sparkline(values: tuple[float, ...], target: float | None, colour=ACCENT):
    """A small line of the readings so far, with the target as a dotted line; no text, our font."""
    d = drawing(SPARK_W, SPARK_H)
    if not values:
        return d
    points = list(values) + ([target] if target is not None else [])
    lo, hi = min(points), max(points)
    span = (hi - lo) or 1.0
    pad = 1.2

    def y(v: float) -> float:
        return pad + (v - lo) / span * (SPARK_H - 2 * pad)

    if target is not None:
        d.add(Line(0, y(target), SPARK_W, y(target), strokeColor=RULE, strokeWidth=0.6, strokeDashArray=[1.5, 1.5]))
    step = (SPARK_W - 2 * pad) / max(len(values) - 1, 1)
    xy: list[float] = []
    for i, v in enumerate(values):
        xy += [pad + i * step, y(v)]
    if len(values) > 1:
        d.add(PolyLine(xy, strokeColor=colour, strokeWidth=0.9))
    d.add(Circle(xy[-2], xy[-1], 1.3, fillColor=colour, strokeColor=None))
    return d


class _Page:
    def __init__(self, report: MonthlyReport, pagesize: tuple[float, float]):
        self.r = report
        self.lang = report.lang
        self.pagesize = pagesize
        self.st = styles()
        self.width = pagesize[0] - 2 * MARGIN

    def tr(self, key: str, **values: object) -> str:
        text = LABELS[key].get(self.lang)
        return text.format(**values) if values else text

    def build(self) -> bytes:
        buffer = io.BytesIO()
        w, h = self.pagesize
        r = self.r
        c = Canvas(buffer, pagesize=self.pagesize, initialFontName=FONT, initialFontSize=9,
                   lang="ko-KR" if self.lang is Lang.KO else "en-US")
        c.setTitle(plain(f"{self.tr('title')} {r.month_name} — {r.title}"))
        c.setAuthor(plain(r.business or "KPI Wizard"))
        c.setSubject(plain(f"{r.title}: {r.month_name}"))
        c.setCreator(f"KPI Wizard {__version__}")
        c.setKeywords("KPI, monthly report")
        # top band
        c.setFillColor(ACCENT)
        c.rect(0, h - 10 * mm, w, 10 * mm, stroke=0, fill=1)
        y = h - 10 * mm - 8 * mm
        y = self._para(c, f"{self.tr('title')} · {r.month_name}", "h1", y)
        sub = " · ".join(s for s in dict.fromkeys((r.title, r.business)) if s)
        y = self._para(c, sub, "sentence", y + 6)
        span = f"{format_short_date(r.period.start)} ~ {format_short_date(r.period.end)}"
        score = f"{self.tr('score')} {format_percent(r.overall)}"
        if r.previous_overall is not None:
            score += f" ({self.tr('last')} {format_percent(r.previous_overall)})"
        meta = f"{span}{' · ' + self.tr('final') if r.final else ''} · {score}"
        y = self._para(c, meta, "small", y - 2)
        y -= 4 * mm
        y = self._highlights(c, y)
        y -= 5 * mm
        y = self._table(c, y)
        if r.missing:
            y -= 3 * mm
            y = self._para(c, f"{self.tr('missing')}: {', '.join(r.missing)}", "body", y)
        self._footer(c)
        c.showPage()
        c.save()
        return buffer.getvalue()

    def _para(self, c: Canvas, text: str, style: str, top: float) -> float:
        p = Paragraph(para(text), self.st[style])
        _, height = p.wrap(self.width, 1000)
        p.drawOn(c, MARGIN, top - height)
        return top - height - 2

    def _highlights(self, c: Canvas, top: float) -> float:
        r = self.r
        st = self.st
        col = self.width / 3

        def cell(label: str, *lines: tuple[str, str]) -> list:
            out = [Paragraph(para(label), st["label"])]
            out += [Paragraph(para(text), st[style]) for text, style in lines if text]
            return out

        moved = cell(self.tr("moved"), (r.moved_text, "body"))
        if r.behind_most is not None:
            b = r.behind_most
            behind = cell(self.tr("behind"), (f"{b.name} — {b.status_name}", "h3"), (r.behind_reason, "body"))
        else:
            behind = cell(self.tr("behind"), (self.tr("nothing_behind"), "body"))
        nxt = cell(self.tr("next"), (r.next_step, "body"))
        table = Table([[moved, behind, nxt]], colWidths=[col] * 3)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FONT),  # the table's own default would add a Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
            ("BACKGROUND", (2, 0), (2, 0), NEXT_STEP),
            ("LINEAFTER", (0, 0), (1, 0), 0.8, colors.white),
            ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ("RIGHTPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ]))
        _, height = table.wrap(self.width, 1000)
        table.drawOn(c, MARGIN, top - height)
        return top - height

    def _row(self, k: KpiMonth, size: float) -> list:
        st = dict(self.st)
        cell = st["cell"].clone("c", fontSize=size, leading=size * 1.3)
        right = st["cell_right"].clone("r", fontSize=size, leading=size * 1.3)
        colour = _COLOURS.get(k.status.value, MUTED)
        name = para(k.name) + (f' <font color="#616E7C" size="{size - 1.5}">· {para(self.tr("hand"))}</font>' if k.manual else "")
        status = f'<font color="{colour.hexval().replace("0x", "#")}"><b>{para(k.status_name)}</b></font>'
        value = "–" if k.missing else k.value_text  # not carried over from an earlier month
        return [Paragraph(name, cell), Paragraph(status, cell), Paragraph(para(value), right),
                Paragraph(para(k.previous_text), right), Paragraph(para(k.target_text), right),
                sparkline(k.spark, k.target, colour)]

    def _table(self, c: Canvas, top: float) -> float:
        st = self.st
        head = [Paragraph(para(self.tr(key)), st["cell_head"]) for key in ("kpi", "status", "this", "last", "target", "trend")]
        widths = [self.width - (22 + 18 + 18 + 25) * mm - SPARK_W - 4 * mm, 22 * mm, 18 * mm, 18 * mm, 25 * mm,
                  SPARK_W + 4 * mm]
        available = top - (MARGIN + 14 * mm) - (12 * mm if self.r.missing else 0)
        rows = list(self.r.kpis)
        for size in (8.0, 7.2, 6.5):
            shown = rows
            while True:
                table = self._make_table(head, shown, widths, size, len(rows) - len(shown))
                _, height = table.wrap(self.width, 10000)
                if height <= available or len(shown) <= 1:
                    break
                shown = shown[:-1]
            if len(shown) == len(rows) or size == 6.5:
                break
        table.drawOn(c, MARGIN, top - height)
        return top - height

    def _make_table(self, head: list, rows: list[KpiMonth], widths: list[float], size: float, more: int) -> Table:
        data = [head] + [self._row(k, size) for k in rows]
        style = [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        for i in range(2, len(data), 2):
            style.append(("BACKGROUND", (0, i), (-1, i), ROW_ALT))
        if more:
            note = Paragraph(para(self.tr("more", n=more)), self.st["small"])
            data.append([note, "", "", "", "", ""])
            style.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle(style))
        return table

    def _footer(self, c: Canvas) -> None:
        w, _ = self.pagesize
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.line(MARGIN, MARGIN + 10, w - MARGIN, MARGIN + 10)
        c.setFont(FONT, 7.5)
        c.setFillColor(MUTED)
        c.drawString(MARGIN, MARGIN, plain(f"KPI Wizard · {format_date(date.today(), self.lang)}"))
        c.drawRightString(w - MARGIN, MARGIN, plain(self.r.title)[:80])
        c.restoreState()
