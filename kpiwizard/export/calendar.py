"""The review calendar: one all-day event per check-in date, importable by any calendar app.

Written to RFC 5545 so that strict readers (ics-py, vobject) accept it as well as lenient ones:
the reminder is a trigger relative to the all-day event's start (``TRIGGER:PT9H`` = 09:00 on that
day, wherever the owner lives), each event's UID comes from the plan's stable ``Project.id`` and
the day (renaming the plan and importing again updates the events instead of duplicating them),
and the title is short enough for a phone's month view; the KPIs to record are in the description.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timedelta, timezone

from icalendar import Alarm, Calendar, Event

from kpiwizard import __version__
from kpiwizard.core.checkin import checkin_reminder
from kpiwizard.core.enums import Frequency, Lang
from kpiwizard.core.kpiview import view_kpis
from kpiwizard.core.models import Project
from kpiwizard.core.projectfile import write_file
from kpiwizard.core.schedule import check_ins, periods
from kpiwizard.core.sentence import smart_sentence
from kpiwizard.core.text import t

# Longest event title in characters: what a phone's agenda shows on one line or two.
SUMMARY_MAX = 60

_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


def one_line(text: str) -> str:
    """A summary is one iCalendar line: line breaks typed into a name become spaces, nothing else."""
    return _LINE_BREAKS.sub(" ", text).strip(" ")


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when something was cut."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip(" ") + "…"


def event_uid(project: Project, day: object) -> str:
    return f"{day}-{project.id}@kpiwizard"


def build_calendar(project: Project, lang: Lang | None = None) -> Calendar:
    lang = Lang(lang or project.review.language or project.language)
    names = {k.id: one_line(k.name) for k in view_kpis(project, lang)}
    title = one_line(project.title or project.business.name) or "KPI"
    goal = smart_sentence(project.smart).get(lang)
    hour = project.review.reminder_hour

    cal = Calendar()
    cal.add("prodid", f"-//KPI Wizard {__version__}//{lang.value}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", t(f"{shorten(title, SUMMARY_MAX)} KPI 점검",
                              f"{shorten(title, SUMMARY_MAX)} KPI reviews").get(lang))
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    # The last day of each plan month is also the monthly check-in (numbers copied by hand).
    reminder = checkin_reminder(project, lang)
    month_ends = {p.end for p in periods(project.start, project.end, Frequency.MONTHLY)}

    for check in check_ins(project.start, project.end, [(k.id, k.frequency) for k in project.kpis]):
        listed = "\n".join(f"- {names[i]}" for i in check.kpi_ids)
        count = len(check.kpi_ids)
        if check.final:
            what = t("최종 KPI 검토", "final KPI review")
            body = t(
                f"계획: {title}\n계획 마지막 날입니다. 모든 KPI의 결과를 기록하고 목표 달성 여부를 검토하세요.\n"
                f"기록할 KPI:\n{listed}\n목표: {goal}",
                f"Plan: {title}\nThe plan's last day. Record every KPI and review whether the goal was reached.\n"
                f"KPIs to record:\n{listed}\nGoal: {goal}",
            )
        else:
            what = t(f"KPI {count}개 점검", f"KPI check-in ({count})")
            body = t(
                f"계획: {title}\n추적표에 이번 기간 실적을 적으세요.\n기록할 KPI:\n{listed}\n"
                "주의나 미달인 KPI는 목표 재설정, 대안 KPI, 전략 조정 중 하나를 고르세요.\n"
                f"목표: {goal}",
                f"Plan: {title}\nRecord this period's actuals in the tracker.\nKPIs to record:\n{listed}\n"
                "For a KPI at risk or missed, choose: reset the goal, adopt an alternative KPI, or readjust the strategy.\n"
                f"Goal: {goal}",
            )
        tail = what.get(lang)
        summary = f"{shorten(title, SUMMARY_MAX - len(tail) - 2)}: {tail}"
        event = Event()
        event.add("uid", event_uid(project, check.day))
        event.add("dtstamp", stamp)
        event.add("dtstart", check.day)
        event.add("dtend", check.day + timedelta(days=1))
        event.add("summary", summary)
        monthly = f"\n{reminder.get(lang)}" if reminder and check.day in month_ends else ""
        event.add("description", body.get(lang) + monthly)
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        # Relative to the all-day event's start (midnight, the owner's own time): the reminder hour
        # that day. A floating date-time here would break RFC 5545 (it must be UTC).
        alarm.add("trigger", timedelta(hours=hour))
        event.add_component(alarm)
        cal.add_component(event)
    return cal


def export_calendar(project: Project, path: str | os.PathLike[str], lang: Lang | None = None) -> None:
    write_file(path, build_calendar(project, lang).to_ical())
