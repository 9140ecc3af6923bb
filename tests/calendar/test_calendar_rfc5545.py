"""The review calendar is RFC 5545 as three independent readers see it: icalendar (which writes it),
ics-py and vobject parse every example's calendar in both languages to the same events; reminders
are relative triggers at the owner's hour; UIDs come from the plan's stable id, so renaming a plan
and importing again updates events instead of duplicating them; titles are short, details in the
description."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import ics
import pytest
import vobject
from icalendar import Calendar

from kpiwizard.core.enums import Lang
from kpiwizard.core.examples import examples, find_example
from kpiwizard.core.kpiview import view_kpis
from kpiwizard.core.migrations import legacy_plan_id
from kpiwizard.core.models import CustomKpi, KpiSelection, Project
from kpiwizard.core.projectfile import dumps_project, load_project, loads_project, save_project
from kpiwizard.core.schedule import check_ins
from kpiwizard.export.calendar import SUMMARY_MAX, build_calendar, export_calendar

NAMES = [e.name for e in examples()]
CASES = [(n, lang) for n in NAMES for lang in ("ko", "en")]


def exported(tmp_path: Path, project: Project, lang: str) -> str:
    path = tmp_path / "plan.ics"
    export_calendar(project, path, Lang(lang))
    raw = path.read_bytes()
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines folded at 75 octets"
    return raw.decode("utf-8")


@pytest.mark.parametrize("name,lang", CASES)
def test_three_parsers_read_the_same_events(tmp_path: Path, name: str, lang: str) -> None:
    project = find_example(name).load()
    project.review.reminder_hour = 9
    text = exported(tmp_path, project, lang)
    expected = check_ins(project.start, project.end, [(k.id, k.frequency) for k in project.kpis])
    assert expected

    by_icalendar = {str(e["uid"]): e for e in Calendar.from_ical(text).walk("VEVENT")}
    by_ics = {e.uid: e for e in ics.Calendar(text).events}
    by_vobject = {e.uid.value: e for e in vobject.readOne(text).vevent_list}
    assert set(by_icalendar) == set(by_ics) == set(by_vobject)
    assert len(by_icalendar) == len(expected), "one event per check-in, UIDs unique"

    for check in expected:
        uid = f"{check.day}-{project.id}@kpiwizard"
        a, b, c = by_icalendar[uid], by_ics[uid], by_vobject[uid]
        assert a.decoded("dtstart") == c.dtstart.value == check.day
        assert b.begin.date() == check.day and b.all_day
        assert str(a["summary"]) == b.name == c.summary.value
        assert str(a["description"]) == b.description == c.description.value
        # The reminder: 09:00 on the check-in day, as a trigger relative to the day's start.
        (alarm,) = a.walk("VALARM")
        assert alarm.decoded("trigger") == timedelta(hours=9)
        assert [al.trigger for al in b.alarms] == [timedelta(hours=9)]
        assert c.valarm.trigger.value == timedelta(hours=9)
        assert c.valarm.action.value == "DISPLAY"


@pytest.mark.parametrize("hour", [0, 23])
def test_reminder_hour_at_both_ends_of_the_day(tmp_path: Path, hour: int) -> None:
    project = find_example("cafe").load()
    project.review.reminder_hour = hour
    text = exported(tmp_path, project, "ko")
    triggers = {al.trigger for e in ics.Calendar(text).events for al in e.alarms}
    assert triggers == {timedelta(hours=hour)}
    assert {e.valarm.trigger.value for e in vobject.readOne(text).vevent_list} == {timedelta(hours=hour)}
    # Never the floating date-time RFC 5545 forbids in a trigger.
    triggers = [line for line in text.splitlines() if line.startswith("TRIGGER")]
    assert triggers and all(line.startswith("TRIGGER:P") for line in triggers), triggers[:1]


@pytest.mark.parametrize("name,lang", CASES)
def test_titles_are_short_and_the_description_holds_the_details(tmp_path: Path, name: str, lang: str) -> None:
    project = find_example(name).load()
    text = exported(tmp_path, project, lang)
    events = list(Calendar.from_ical(text).walk("VEVENT"))
    names = [v.name for v in view_kpis(project, Lang(lang))]
    checks = {c.day: c for c in check_ins(project.start, project.end, [(k.id, k.frequency) for k in project.kpis])}
    for event in events:
        summary, description = str(event["summary"]), str(event["description"])
        assert len(summary) <= SUMMARY_MAX and "\n" not in summary
        assert not any(n in summary for n in names if len(n) > 3), "no KPI list in the title"
        check = checks[event.decoded("dtstart")]
        ids = [k.id for k in project.kpis]
        for kid in check.kpi_ids:
            assert f"- {names[ids.index(kid)]}" in description
        assert (project.title or project.business.name) in description


def test_a_long_title_is_cut_with_an_ellipsis_and_kept_whole_in_the_description(tmp_path: Path) -> None:
    project = find_example("cafe").load()
    project.title = "아주 긴 계획 이름 " * 20
    text = exported(tmp_path, project, "ko")
    for event in ics.Calendar(text).events:
        assert len(event.name) <= SUMMARY_MAX and "…" in event.name
        assert project.title.strip() in event.description
    project.title = "짧은 이름"
    text = exported(tmp_path, project, "ko")
    assert {e.name for e in ics.Calendar(text).events} >= {"짧은 이름: 최종 KPI 검토", "짧은 이름: KPI 5개 점검"}


def uids(project: Project) -> set[str]:
    return {str(e["uid"]) for e in build_calendar(project).walk("VEVENT")}


def test_renaming_a_plan_keeps_every_uid(tmp_path: Path) -> None:
    project = find_example("cafe").load()
    before = uids(project)
    project.title = "완전히 새 이름"
    project.business.name = "새 가게"
    assert uids(project) == before
    # Through a save and a load as well.
    path = tmp_path / "renamed.kpiwiz"
    save_project(path, project)
    assert uids(load_project(path).project) == before


def test_two_different_plans_never_share_uids() -> None:
    def plan() -> Project:
        return Project(title="같은 제목", start=date(2026, 1, 1), end=date(2026, 3, 31),
                       kpis=[KpiSelection(id="k", custom=CustomKpi(name="손님"), baseline=1, target=2)])

    a, b = plan(), plan()
    assert a.id != b.id and len(a.id) == 32
    assert uids(a).isdisjoint(uids(b))


def test_a_new_plan_keeps_its_id_through_save_and_load(tmp_path: Path) -> None:
    project = Project(title="새 계획", start=date(2026, 1, 1), end=date(2026, 2, 28))
    path = tmp_path / "new.kpiwiz"
    save_project(path, project)
    assert f'"id": "{project.id}"' in path.read_text(encoding="utf-8")
    assert load_project(path).project.id == project.id


def test_a_file_without_an_id_gets_the_same_one_on_every_load_and_keeps_it_on_save(tmp_path: Path) -> None:
    text = dumps_project(find_example("pizzeria").load())
    lines = [line for line in text.splitlines() if not line.startswith('  "id": ')]
    old = "\n".join(lines)
    assert '"id"' not in old.split('"business"')[0]
    first, second = loads_project(old), loads_project(old)
    assert first.id == second.id == legacy_plan_id(first)
    # The id is the salt the calendar of earlier versions put in its UIDs: re-importing a calendar
    # exported before the upgrade updates its events.
    assert len(first.id) == 12
    path = tmp_path / "old.kpiwiz"
    path.write_text(old, encoding="utf-8")
    project = load_project(path).project
    project.title = "renamed after opening"
    save_project(path, project)
    assert load_project(path).project.id == first.id


def test_an_id_in_the_file_is_used_as_it_is() -> None:
    text = dumps_project(find_example("cafe").load())
    project = loads_project(text.replace('"id": "', '"id": "from-the-file-', 1))
    assert project.id.startswith("from-the-file-")
