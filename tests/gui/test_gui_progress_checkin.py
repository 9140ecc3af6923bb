"""Progress view, monthly check-in (issue 15): the month's hand-copied numbers with where to read
each and last month's value; paste works; refusals show beside their field; Apply is one undo step."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui_keyboard import give_focus, press, type_into
from gui_pages_helpers import open_example

from kpiwizard.core.checkin import due_month, entry_label, monthly_checkin, plan_months
from kpiwizard.core.enums import Lang
from kpiwizard.core.formatting import format_value
from kpiwizard.gui.progress_view import ProgressView




@pytest.fixture(autouse=True)
def late_march(monkeypatch):
    """The review date: the café's last month has ended, so its check-in is the one due."""
    monkeypatch.setattr("kpiwizard.core.progress.today", lambda: date(2026, 4, 1))


def paste(field, text: str) -> None:
    """Copy ``text`` as from a statistics screen, click the field, select all, Ctrl+V."""
    QApplication.clipboard().setText(text)
    give_focus(field)
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == text


def open_checkin(view, fake_dialogs, drive):
    fake_dialogs.script(drive)
    view.checkin_button.click()
    return fake_dialogs.dialogs[-1]


def test_the_form_shows_each_number_where_to_read_it_last_month_and_what_is_missing(qtbot, fake_dialogs):
    doc, _language, view = open_example(qtbot, ProgressView)
    month = due_month(doc.project, date(2026, 4, 1))
    assert view.month.currentData() == month == plan_months(doc.project)[-1]
    form = monthly_checkin(doc.project, month, Lang.KO)
    assert form.items and form.missing
    seen = {}

    def look(dialog):
        seen["month"] = dialog.month.currentData()
        for item in form.items:
            row = dialog.rows[item.key]
            assert row.name.text().startswith(entry_label(item, Lang.KO))
            assert item.where in row.where.text()
            if not item.where_confirmed:
                assert "확인 필요" in row.where.text()
            last = "—" if item.last_value is None else format_value(item.last_value, item.unit, Lang.KO, item.percent)
            assert row.last.text() == last
            assert row.entry.accessibleName() and row.entry.toolTip()
        seen["missing"] = dialog.missing.text()
        dialog.close_button.click()

    open_checkin(view, fake_dialogs, look)
    assert seen["month"] == month
    for item in form.missing:
        assert entry_label(item, Lang.KO) in seen["missing"]
    assert f"{len(form.missing)}개" in seen["missing"]


def test_a_pasted_number_is_recorded_and_undo_takes_it_back(qtbot, fake_dialogs):
    doc, _language, view = open_example(qtbot, ProgressView)
    before = doc.project
    missing = monthly_checkin(doc.project, "2026-03", Lang.KO).missing[0]
    assert missing.kpi_id == "naver_place_saves"
    after = {}

    def fill(dialog):
        paste(dialog.rows[missing.key].entry, "1,234회")  # as the statistics screen shows it
        press(Qt.Key.Key_Return)  # Enter applies (and does not close the form)
        after["open"] = dialog.isVisible()
        after["missing"] = dialog.missing.text()
        after["result"] = dialog.outcome.text()
        after["entry"] = dialog.rows[missing.key].entry.text()
        dialog.close_button.click()

    open_checkin(view, fake_dialogs, fill)
    assert after["open"]
    assert doc.project.actuals["naver_place_saves"][missing.period.start] == 1234
    assert after["missing"] == "이 달의 숫자를 모두 적었습니다."
    assert after["result"] == "새 값 1개, 바뀐 값 0개"
    assert after["entry"] == "1234"
    assert not monthly_checkin(doc.project, "2026-03").missing
    # the rest of the plan is as it was: only that one period was written
    assert {k: v for k, v in doc.project.actuals.items() if k != "naver_place_saves"} == \
        {k: v for k, v in before.actuals.items() if k != "naver_place_saves"}
    doc.undo_stack.undo()
    assert doc.project == before


def test_a_bad_entry_is_refused_beside_its_field_and_nothing_is_applied(qtbot, fake_dialogs):
    doc, _language, view = open_example(qtbot, ProgressView)
    before = doc.project
    form = monthly_checkin(doc.project, "2026-03", Lang.KO)
    saves = form.missing[0].key
    other = next(i.key for i in form.items if i.key != saves)
    seen = {}

    def fill(dialog):
        type_into(dialog.rows[saves].entry, "81")
        type_into(dialog.rows[other].entry, "많이")  # no number in it
        dialog.apply_button.click()
        seen["other"] = (dialog.rows[other].error.isVisibleTo(dialog), dialog.rows[other].error.text())
        seen["saves"] = dialog.rows[saves].error.isVisibleTo(dialog)
        seen["result"] = dialog.outcome.text()
        seen["kept"] = dialog.rows[other].entry.text()
        dialog.close_button.click()

    open_checkin(view, fake_dialogs, fill)
    assert seen["other"][0] and "많이" in seen["other"][1]
    assert not seen["saves"]
    assert "아무것도 저장하지 않았습니다" in seen["result"]
    assert seen["kept"] == "많이"  # what the owner typed stays, to be corrected
    assert doc.project == before and not doc.undo_stack.canUndo()


def test_another_month_shows_its_own_numbers_and_the_change_is_kept_apart(qtbot, fake_dialogs):
    doc, _language, view = open_example(qtbot, ProgressView, "cafe", Lang.EN)
    feb = monthly_checkin(doc.project, "2026-02", Lang.EN)
    item = feb.items[0]
    seen = {}

    def fill(dialog):
        dialog.activateWindow()
        dialog.month.setFocus(Qt.FocusReason.TabFocusReason)  # tabbed to: a click would open the list
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.month)
        press(Qt.Key.Key_Up)  # the month before the one due
        seen["month"] = dialog.month.currentData()
        seen["span"] = dialog.span.text()
        seen["missing"] = dialog.missing.text()
        type_into(dialog.rows[item.key].entry, "300")
        dialog.apply_button.click()
        seen["result"] = dialog.outcome.text()
        dialog.close_button.click()

    open_checkin(view, fake_dialogs, fill)
    assert seen["month"] == "2026-02"
    assert seen["span"].startswith(f"{feb.period.start.isoformat()} – {feb.period.end.isoformat()}")
    assert seen["missing"] == "Every number of this month is in."
    assert seen["result"] == "0 new, 1 changed"
    recorded = [d for d in doc.project.actuals[item.kpi_id] if item.period.start <= d <= item.period.end]
    assert len(recorded) == 1 and doc.project.actuals[item.kpi_id][recorded[0]] == 300


def test_beside_the_button_the_view_says_how_many_numbers_are_missing(qtbot, fake_dialogs):
    doc, _language, view = open_example(qtbot, ProgressView)
    missing = monthly_checkin(doc.project, "2026-03", Lang.KO).missing
    assert view.checkin_hint.text() == f"2026-03: 아직 적지 않은 숫자 {len(missing)}개"
    assert missing[0].name in view.checkin_hint.toolTip()

    def fill(dialog):
        type_into(dialog.rows[missing[0].key].entry, "80")
        dialog.apply_button.click()
        dialog.close_button.click()

    open_checkin(view, fake_dialogs, fill)
    assert view.checkin_hint.text() == "2026-03: 모두 적음"
    doc.undo_stack.undo()
    assert view.checkin_hint.text() == f"2026-03: 아직 적지 않은 숫자 {len(missing)}개"


def test_the_korean_check_in_has_no_english_words(qtbot, fake_dialogs):
    from test_gui_shell_language import _english, _texts

    from kpiwizard.gui.qt import QWidget

    _doc, _language, view = open_example(qtbot, ProgressView)
    found = []

    def scan(dialog):
        for widget in [dialog, *dialog.findChildren(QWidget)]:
            for text in _texts(widget):
                found.extend(_english(type(widget).__name__, text))
        dialog.close_button.click()

    open_checkin(view, fake_dialogs, scan)
    assert found == []
