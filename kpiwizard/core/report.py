"""The plan's verdict as text or JSON: SMART audit letter by letter, then each KPI's standing.

``kpiwizard check`` prints it; the same data feeds the app's review page.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .audit import AuditResult, audit, letter_name
from .enums import Lang, Severity, SmartLetter, Status
from .formatting import count_en, format_date, format_number, format_percent
from .kpiview import view_kpis
from .models import Project
from . import progress as _progress
from .progress import evaluate, forecast_text, overall_score, past_cycle_text, status_reason
from .remedies import suggest
from .sentence import smart_sentence
from .text import t
from .vocab import SEVERITY_NAMES, STATUS_NAMES


def check_report(project: Project, lang: Lang, on: date | None = None) -> tuple[str, bool]:
    """The audit and each KPI's standing as of the review date ``on`` (default: today)."""
    on = on or _progress.today()
    result = audit(project)
    lines = [smart_sentence(project.smart).get(lang), ""]
    lines.append("SMART 점검" if lang is Lang.KO else "SMART audit")
    for letter in SmartLetter:
        verdict = result.letter_verdict(letter)
        mark = "✔" if verdict in (None, Severity.INFO) else ("✘" if verdict is Severity.ERROR else "!")
        lines.append(f"  {mark} {letter.value} — {letter_name(letter, lang)}")
        for f in result.by_letter(letter):
            lines.append(f"      [{SEVERITY_NAMES[f.severity].get(lang)}] {f.id}: {f.message.get(lang)}")
            lines.append(f"          → {f.fix.get(lang)}")
    lines.append("")
    lines.append(t(f"KPI 현황 ({format_date(on, lang)} 기준)", f"KPI review (as of {format_date(on, lang)})").get(lang))
    results = evaluate(project, on)
    for view in view_kpis(project, lang):
        r = results[view.id]
        lines.append(
            f"  {view.name}: {STATUS_NAMES[r.status].get(lang)}"
            f" | {'진척' if lang is Lang.KO else 'progress'} {format_percent(r.progress)}"
            f" | {'속도' if lang is Lang.KO else 'pace'} {format_number(r.pace)}"
            # The forecast as precise as the owner's numbers (progress rounds it), as the line below says it.
            f" | {'예측' if lang is Lang.KO else 'forecast'} {format_number(r.forecast)}"
        )
        lines.append(f"      {status_reason(r, view).get(lang)}")
        if r.status not in (Status.NO_DATA,):
            lines.append(f"      {forecast_text(r, view).get(lang)}")
        for cycle in r.past_cycles:
            lines.append("      " + past_cycle_text(cycle, view).get(lang))
        for remedy in suggest(project, view.id, lang, on):
            lines.append(f"      → {remedy.message.get(lang)}")
    score = overall_score(project, results)
    lines.append(("종합 점수: " if lang is Lang.KO else "Overall score: ") + format_percent(score))
    lines.append("")
    lines.append(_verdict(result, lang))
    return "\n".join(lines), result.passed


def _verdict(result: AuditResult, lang: Lang) -> str:
    if result.passed:
        return t(
            f"통과: 오류 없음, 경고 {len(result.warnings)}개.",
            f"PASSED: no errors, {count_en(len(result.warnings), 'warning')}.",
        ).get(lang)
    failed = sorted({f.letter.value for f in result.errors}, key="SMART".index)
    return t(
        f"실패: 오류 {len(result.errors)}개 ({', '.join(failed)}).",
        f"FAILED: {count_en(len(result.errors), 'error')} ({', '.join(failed)}).",
    ).get(lang)


def check_report_json(project: Project, lang: Lang, on: date | None = None) -> dict[str, Any]:
    on = on or _progress.today()
    result = audit(project)
    results = evaluate(project, on)
    views = {v.id: v for v in view_kpis(project, lang)}
    return {
        "passed": result.passed,
        "on": on.isoformat(),
        "sentence": smart_sentence(project.smart).get(lang),
        "letters": {
            letter.value: (result.letter_verdict(letter) or "pass").__str__() for letter in SmartLetter
        },
        "findings": [
            {
                "id": f.id,
                "letter": f.letter.value,
                "severity": f.severity.value,
                "message": f.message.get(lang),
                "fix": f.fix.get(lang),
                "field": f.field,
                "kpi": f.kpi_id,
                # What the verdict stood on: where to change it, its value and where it comes from.
                "assumptions": [
                    {"key": a.key, "value": a.value, "label": a.label.get(lang), "source": a.source.get(lang),
                     "default": a.default}
                    for a in f.assumptions
                ],
            }
            for f in result.findings
        ],
        "kpis": [
            {
                "id": k.id,
                "name": k.name,
                "status": results[k.id].status.value,
                "reason": status_reason(results[k.id], views[k.id]).get(lang),
                "progress": results[k.id].progress,
                "pace": results[k.id].pace,
                "readings": results[k.id].readings,
                "days_since_reading": results[k.id].days_since,
                "forecast": results[k.id].forecast,
                "forecast_readings": results[k.id].forecast_readings,
                "forecast_text": forecast_text(results[k.id], views[k.id]).get(lang),
                "past_cycles": [
                    {"start": c.start.isoformat(), "deadline": c.deadline.isoformat(), "baseline": c.baseline,
                     "target": c.target, "final_value": c.final_value, "verdict": c.verdict}
                    for c in results[k.id].past_cycles
                ],
                "remedies": [
                    {"kind": r.kind.value, "message": r.message.get(lang),
                     "new_target": r.new_target, "alternative": r.alternative_id, "new_cycle": r.new_cycle,
                     "new_baseline": r.new_baseline,
                     "new_deadline": r.new_deadline.isoformat() if r.new_deadline else None}
                    for r in suggest(project, k.id, lang, on)
                ],
            }
            for k in view_kpis(project, lang)
        ],
        "overall_score": overall_score(project, results),
    }
