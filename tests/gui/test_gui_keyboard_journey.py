"""The owner with only a keyboard, in Korean and in English.

Nothing here clicks or calls a page method: Alt+letter reaches a field through its label (the
mnemonic), text goes to whatever has focus, Alt+N moves to the next step, Ctrl+S saves through the
(scripted) save dialog, Ctrl+2 opens Progress, Alt+I imports the filled tracker, Alt+1 applies the
first suggestion and Ctrl+Z takes it back.
"""

from __future__ import annotations

import pytest

from kpiwizard.core.enums import Lang, SocialGoal, StrategicObjective
from kpiwizard.core.examples import find_example
from kpiwizard.core.projectfile import load_project
from kpiwizard.gui.qt import QApplication, Qt

from gui_keyboard import press, type_text
from gui_shell_helpers import make_window
from PySide6.QtTest import QTest

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier

# The Alt letters of each field, as the labels show them in each language.
KEYS = {
    Lang.KO: dict(new="W", title="T", name="M", industry="I", region="R", goal="4", strategy="5",
                  audience="D", wants="W", what="W", baseline="S", target="G"),
    Lang.EN: dict(new="W", title="T", name="U", industry="I", region="R", goal="L", strategy="O",
                  audience="D", wants="W", what="W", baseline="S", target="G"),
}
TEXT = {
    Lang.KO: dict(title="평일 오후 손님 늘리기", name="골목카페", industry="카페·디저트", region="서울 마포구 망원동",
                  audience="망원동 30대 직장인", wants="조용히 쉬어 갈 자리", what="평일 오후 손님"),
    Lang.EN: dict(title="Weekday afternoons", name="Golmok Cafe", industry="cafe and desserts", region="Mangwon, Seoul",
                  audience="office workers in their 30s", wants="a quiet seat", what="weekday afternoon guests"),
}


def open_window(qtbot, lang):
    """The window as it opens for the owner: active, with keyboard focus inside it."""
    window = make_window(qtbot, lang)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    if QApplication.focusWidget() is None:  # the first Tab lands in the window's tab chain
        QTest.keyClick(window, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not None
    return window


def alt(letter: str) -> None:
    press(getattr(Qt.Key, f"Key_{letter}"), ALT)
    QTest.qWait(150)  # a button's Alt key clicks it after a short animation, as on screen


def fill(letter: str, text: str) -> None:
    """Alt+letter to the field, select what is there, type over it."""
    alt(letter)
    press(Qt.Key.Key_A, CTRL)
    type_text(text)


@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_a_plan_built_saved_and_reopened_with_the_keyboard_alone(qtbot, fake_dialogs, tmp_path, lang):
    keys, text = KEYS[lang], TEXT[lang]
    window = open_window(qtbot, lang)
    wizard = window.wizard

    alt(keys["new"])
    assert wizard.currentPage() is wizard.business_page
    for field in ("title", "name", "industry", "region"):
        fill(keys[field], text[field])
    business = window.doc.project.business
    assert (window.doc.project.title, business.name, business.industry, business.region) == (
        text["title"], text["name"], text["industry"], text["region"])

    alt("N")
    assert wizard.currentPage() is wizard.business_goal_page
    alt(keys["goal"])
    alt(keys["strategy"])
    fill(keys["audience"], text["audience"])
    fill(keys["wants"], text["wants"])
    project = window.doc.project
    assert project.business_goal.social_goal is SocialGoal.LEADS_SALES
    assert project.business_goal.objective is StrategicObjective.FOCUS
    assert project.business_goal.audience == text["audience"] and project.business_goal.audience_wants == text["wants"]

    alt("N")
    smart_page = wizard.currentPage()
    fill(keys["what"], text["what"])
    fill(keys["baseline"], "120")
    fill(keys["target"], "150")
    smart = window.doc.project.smart
    assert (smart.what, smart.baseline, smart.target) == (text["what"], 120, 150)
    assert QApplication.focusWidget() is smart_page.fields["target"]

    path = tmp_path / ("골목카페.kpiwiz" if lang is Lang.KO else "golmok.kpiwiz")
    fake_dialogs.script(path)
    press(Qt.Key.Key_S, CTRL)
    assert path.exists() and not window.doc.dirty
    saved = load_project(path).project
    assert saved == window.doc.project

    fake_dialogs.script(path)
    press(Qt.Key.Key_O, CTRL)
    assert window.doc.project == saved and window.doc.path == path


def test_filled_tracker_imported_and_a_suggestion_applied_from_the_keyboard(qtbot, fake_dialogs, tmp_path):
    from kpiwizard.export.tracker import export_tracker

    window = open_window(qtbot, Lang.KO)
    cafe = find_example("cafe").load()

    # The three exports from the review step, by their Alt keys, each through the save dialog.
    window.open_example("cafe")
    for _step in range(7):
        alt("N")
    assert window.wizard.currentPage() is window.wizard.review_page
    for key, name in (("X", "카페봄-추적표.xlsx"), ("P", "카페봄-계획서.pdf"), ("C", "카페봄-점검일정.ics")):
        fake_dialogs.script(tmp_path / name, 2)  # where to save; then "닫기" on the done message
        alt(key)
        qtbot.waitUntil(lambda name=name: (tmp_path / name).exists() and not fake_dialogs.answers, timeout=60000)
    assert (tmp_path / "카페봄-계획서.pdf").read_bytes().startswith(b"%PDF")
    assert b"BEGIN:VCALENDAR" in (tmp_path / "카페봄-점검일정.ics").read_bytes()
    tracker = tmp_path / "카페봄-추적표.xlsx"
    window.doc.undo_stack.setClean()
    export_tracker(cafe, tracker, Lang.KO)  # the tracker as the owner filled it in over the weeks

    # The app holds the plan without its latest readings: the tracker brings them in.
    kpi = next(k for k in cafe.kpis if len(cafe.actuals.get(k.id, {})) >= 2)
    last = max(cafe.actuals[kpi.id])
    window.open_example("cafe")
    window.doc.edit("drop", lambda p: p.actuals.__setitem__(kpi.id, {
        d: v for d, v in p.actuals[kpi.id].items() if d != last}))
    assert last not in window.doc.project.actuals[kpi.id]

    press(Qt.Key.Key_2, CTRL)
    assert window.tabs.currentWidget() is window.progress_view
    fake_dialogs.script(tracker)
    alt("I")
    assert window.doc.project.actuals[kpi.id][last] == cafe.actuals[kpi.id][last]
    assert tracker.name in window.progress_view.import_result.text()

    view = window.progress_view
    view.status_table.setFocus(Qt.FocusReason.TabFocusReason)  # Tab into the status table
    for _row in range(view.status_table.rowCount()):
        QTest.qWait(20)
        if view.remedy_buttons:
            break
        press(Qt.Key.Key_Down)  # the next KPI
    assert view.remedy_buttons, "no KPI of the café plan offers a suggestion"
    before = window.doc.project
    QTest.qWait(50)  # the suggestions' buttons appear on the next turn of the event loop, as on screen
    alt("1")
    assert window.doc.project != before
    assert "Ctrl+Z" in view.import_result.text()
    press(Qt.Key.Key_Z, CTRL)
    assert window.doc.project == before


def test_the_tracker_button_brings_in_action_statuses_and_says_what_changed(qtbot, fake_dialogs, tmp_path):
    """The tracker invites editing action statuses: importing in the app keeps them, not only actuals."""
    import openpyxl

    from kpiwizard.core.enums import ActionStatus
    from kpiwizard.export.tracker import export_tracker
    from kpiwizard.export.tracker_layout import FIRST_ROW

    window = open_window(qtbot, Lang.KO)
    window.open_example("cafe")
    tracker = tmp_path / "카페봄-추적표.xlsx"
    export_tracker(window.doc.project, tracker, Lang.KO)
    assert window.doc.project.actions[0].status is not ActionStatus.DROPPED
    book = openpyxl.load_workbook(tracker)
    book["실행 계획"][f"H{FIRST_ROW}"] = "중단"  # what the owner picks from the cell's list in Excel
    book.save(tracker)

    press(Qt.Key.Key_2, CTRL)
    fake_dialogs.script(tracker)
    alt("I")
    assert window.doc.project.actions[0].status is ActionStatus.DROPPED
    assert "실행 계획" in window.progress_view.import_result.text()
    press(Qt.Key.Key_Z, CTRL)
    assert window.doc.project.actions[0].status is not ActionStatus.DROPPED
