"""The review calendar: one all-day event per check-in date, importable by any calendar app."""

from __future__ import annotations

import hashlib
import os
import re
from datetime import datetime, time, timedelta, timezone

from icalendar import Alarm, Calendar, Event

from kpiwizard import __version__
from kpiwizard.core.enums import Lang
from kpiwizard.core.kpiview import view_kpis
from kpiwizard.core.models import Project
from kpiwizard.core.projectfile import write_file
from kpiwizard.core.schedule import check_ins
from kpiwizard.core.sentence import smart_sentence
from kpiwizard.core.text import t


_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


def one_line(text: str) -> str:
    """A summary is one iCalendar line: line breaks typed into a name become spaces, nothing else."""
    return _LINE_BREAKS.sub(" ", text).strip(" ")


def build_calendar(project: Project, lang: Lang | None = None) -> Calendar:
    lang = Lang(lang or project.review.language or project.language)
    names = {k.id: one_line(k.name) for k in view_kpis(project, lang)}
    title = one_line(project.title or project.business.name) or "KPI"
    goal = smart_sentence(project.smart).get(lang)
    salt = hashlib.sha1(f"{title}|{project.start}|{project.end}".encode()).hexdigest()[:12]

    cal = Calendar()
    cal.add("prodid", f"-//KPI Wizard {__version__}//{lang.value}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", t(f"{title} KPI 점검", f"{title} KPI reviews").get(lang))
    stamp = datetime.now(timezone.utc).replace(microsecond=0)

    for check in check_ins(project.start, project.end, [(k.id, k.frequency) for k in project.kpis]):
        kpi_list = ", ".join(names[i] for i in check.kpi_ids)
        if check.final:
            summary = t(f"{title}: 최종 KPI 검토", f"{title}: final KPI review")
            body = t(
                f"계획 마지막 날입니다. 모든 KPI의 결과를 기록하고 목표 달성 여부를 검토하세요.\n목표: {goal}",
                f"The plan's last day. Record every KPI and review whether the goal was reached.\nGoal: {goal}",
            )
        else:
            summary = t(f"{title}: KPI 점검 ({kpi_list})", f"{title}: KPI check-in ({kpi_list})")
            body = t(
                f"추적표에 이번 기간 실적을 적으세요: {kpi_list}.\n"
                "주의나 미달인 KPI는 목표 재설정, 대안 KPI, 전략 조정 중 하나를 고르세요.\n"
                f"목표: {goal}",
                f"Record this period's actuals in the tracker: {kpi_list}.\n"
                "For a KPI at risk or missed, choose: reset the goal, adopt an alternative KPI, or readjust the strategy.\n"
                f"Goal: {goal}",
            )
        event = Event()
        event.add("uid", f"{check.day.isoformat()}-{salt}@kpiwizard")
        event.add("dtstamp", stamp)
        event.add("dtstart", check.day)
        event.add("dtend", check.day + timedelta(days=1))
        event.add("summary", summary.get(lang))
        event.add("description", body.get(lang))
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary.get(lang))
        alarm.add("trigger", datetime.combine(check.day, time(project.review.reminder_hour)))
        event.add_component(alarm)
        cal.add_component(event)
    return cal


def export_calendar(project: Project, path: str | os.PathLike[str], lang: Lang | None = None) -> None:
    write_file(path, build_calendar(project, lang).to_ical())
