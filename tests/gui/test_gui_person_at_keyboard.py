"""What a person at a keyboard finds out in the first five minutes, each tried the way they try it.

Keys go to whatever has focus; Hangul arrives through the input method's pre-edit and commit;
the mouse wheel is a real wheel event over the widget under the pointer.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from kpiwizard.core.enums import Lang
from kpiwizard.gui.widgets.fields import DateEdit, is_refused

from gui_keyboard import give_focus, press, type_text
from gui_shell_helpers import make_window, type_into


def editable_fields(page) -> list[QWidget]:
    """Every one-line or multi-line text field on the page a person can type into."""
    fields = []
    for w in page.findChildren(QLineEdit) + page.findChildren(QPlainTextEdit):
        if isinstance(w.parent(), (QAbstractSpinBox, QComboBox)) or not w.isVisible() or not w.isEnabled():
            continue
        if w.isReadOnly():
            continue
        fields.append(w)
    return fields


@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_every_field_of_every_page_keeps_what_is_typed(qtbot, lang):
    """The blocker: focus left every plan field after the first key ('Golmok Cafe' became 'G')."""
    window = make_window(qtbot, lang)
    window.open_example("cafe")
    typed = 0
    from PySide6.QtWidgets import QTabWidget

    screens = []
    for page in window.wizard.plan_pages[1:]:
        tabs = page.findChildren(QTabWidget)
        screens += [(page, tab, i) for tab in tabs for i in range(tab.count())] or [(page, None, 0)]
    for page, tab, index in screens:
        window.wizard.go_to(page)
        if tab is not None:
            tab.setCurrentIndex(index)
        for field in editable_fields(page):
            give_focus(field)
            press(Qt.Key.Key_End)
            if isinstance(field, QPlainTextEdit):
                press(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
            before = field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()
            type_text("12" if _numeric(field) else "골목 Cafe")
            now = field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()
            assert QApplication.focusWidget() is field, f"{page.title()}: focus left {field.accessibleName()!r}"
            assert now == before + ("12" if _numeric(field) else "골목 Cafe"), (page.title(), field.accessibleName())
            typed += 1
    assert typed >= 30  # pages 1-8 of the café plan have at least this many fields


def _numeric(field) -> bool:
    from kpiwizard.gui.widgets.fields import NumberEdit

    return isinstance(field, NumberEdit)


def test_business_name_and_hangul_survive_and_reach_the_plan(qtbot):
    window = make_window(qtbot, Lang.KO)
    window.new_plan()
    page = window.wizard.business_page
    type_into(page.fields["name"], "골목카페 Golmok")
    type_into(page.fields["industry"], "카페·디저트")
    assert window.doc.project.business.name == "골목카페 Golmok"
    assert window.doc.project.business.industry == "카페·디저트"


def test_a_hangul_composition_in_progress_is_neither_committed_nor_lost(qtbot):
    """While the input method shows pre-edit text, a refresh must not commit or drop it."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent

    window = make_window(qtbot, Lang.KO)
    window.new_plan()
    field = window.wizard.business_page.fields["name"]
    type_into(field, "카페")
    give_focus(field)
    press(Qt.Key.Key_End)
    QCoreApplication.sendEvent(field, QInputMethodEvent("ㅂ", []))
    QCoreApplication.sendEvent(field, QInputMethodEvent("보", []))
    window.doc.changed.emit()  # anything else refreshing the pages meanwhile
    assert window.doc.project.business.name == "카페"  # the pre-edit is not in the plan yet
    QCoreApplication.sendEvent(field, QInputMethodEvent("봄", []))
    event = QInputMethodEvent("", [])
    event.setCommitString("봄")
    QCoreApplication.sendEvent(field, event)
    assert field.text() == "카페봄" and window.doc.project.business.name == "카페봄"
    assert QApplication.focusWidget() is field and field.cursorPosition() == 3


def test_an_ad_budget_typed_digit_by_digit_is_stored_whole(qtbot):
    window = make_window(qtbot, Lang.KO)
    window.open_example("cafe")
    page = window.wizard.plan_pages[8 - 1]  # actions & ROI
    window.wizard.go_to(page)
    type_into(page.inputs["ad_spend"], "150000")
    assert window.doc.project.roi.ad_spend == 150000


def test_a_value_over_the_limit_leaves_the_plan_as_it_was_and_stays_marked(qtbot):
    """Typing 150 where 100 is the most went 1, 15, 150: the plan must not keep 15."""
    window = make_window(qtbot, Lang.EN)
    window.open_example("cafe")
    page = window.wizard.plan_pages[5]  # targets
    window.wizard.go_to(page)
    kpi = window.doc.project.kpis[0]
    page.select(kpi.id)
    weight = kpi.weight
    type_into(page.fields["weight"], "150")
    assert window.doc.project.kpi(kpi.id).weight == weight
    assert is_refused(page.fields["weight"]) and not page.errors["weight"].isHidden()
    press(Qt.Key.Key_Tab)  # leaving the field keeps the refused text marked until corrected
    assert page.fields["weight"].text() == "150" and is_refused(page.fields["weight"])
    type_into(page.fields["weight"], "15")
    assert window.doc.project.kpi(kpi.id).weight == 15
    assert not is_refused(page.fields["weight"]) and page.errors["weight"].isHidden()


def test_refusals_are_forgotten_when_another_plan_opens(qtbot):
    window = make_window(qtbot, Lang.KO)
    window.open_example("cafe")
    page = window.wizard.plan_pages[5]
    window.wizard.go_to(page)
    type_into(page.fields["baseline"], "많이")
    assert not page.errors["baseline"].isHidden()
    window.doc.undo_stack.setClean()
    window.open_example("pizzeria")
    window.wizard.go_to(page)
    assert page.errors["baseline"].isHidden() and not is_refused(page.fields["baseline"])


@pytest.mark.parametrize("typed, stored", [("4.5%", 0.045), ("4.5 %", 0.045), ("12", 0.12), ("０.５", 0.005)])
def test_a_percent_is_typed_the_natural_way(qtbot, typed, stored):
    window = make_window(qtbot, Lang.KO)
    window.open_example("cafe")
    page = window.wizard.plan_pages[7]  # actions & ROI: the funnel's click rate is a percent
    window.wizard.go_to(page)
    type_into(page.inputs["click_rate"], typed)
    assert window.doc.project.roi.funnel.click_rate == pytest.approx(stored)
    assert page.errors["click_rate"].isHidden()


def wheel(widget: QWidget, steps: int = -1) -> None:
    """One notch of a real mouse wheel over the middle of ``widget``."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_a_closed_combo_scrolls_instead_of_changing_it(qtbot):
    window = make_window(qtbot, Lang.KO)
    window.open_example("cafe")
    page = window.wizard.plan_pages[5]  # targets: direction combo
    window.wizard.go_to(page)
    kpi = window.doc.project.kpis[0]
    page.select(kpi.id)
    before = window.doc.project
    combo = page.fields["direction"]
    assert not combo.hasFocus()
    for _ in range(3):
        wheel(combo)
    assert window.doc.project == before and combo.value() is kpi.direction
    # Once the owner Tabs into it, the wheel is theirs to use.
    give_focus(page.fields["unit"])
    for _ in range(12):
        if QApplication.focusWidget() is combo:
            break
        press(Qt.Key.Key_Tab)
    assert combo.hasFocus()
    wheel(combo, steps=-1 if combo.currentIndex() == 0 else 1)
    assert combo.value() is not kpi.direction


def test_an_empty_date_opens_its_calendar_on_the_plans_dates(qtbot):
    window = make_window(qtbot, Lang.KO)
    window.open_example("cafe")
    page = window.wizard.plan_pages[5]
    window.wizard.go_to(page)
    kpi = window.doc.project.kpis[0]
    page.select(kpi.id)
    field: DateEdit = page.fields["deadline"]
    field.set_value(None)
    give_focus(field)
    # A click on the drop-down arrow opens the calendar.
    QTest.mouseClick(field, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(field.width() - 6, field.height() // 2))
    calendar = field.calendarWidget()
    assert calendar.isVisible()
    shown = (calendar.yearShown(), calendar.monthShown())
    plan = window.doc.project
    assert shown == (plan.start.year, plan.start.month), shown  # the KPI's plan, not January 2000
    calendar.window().hide()
    # Korean order and words in the title: "2026년 1월", never "1월 2026" or "January".
    assert calendar.title.text() == f"{plan.start.year}년 {plan.start.month}월"
    calendar.next.click()
    month = plan.start.month % 12 + 1
    assert calendar.title.text().endswith(f" {month}월")



def mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&])", text.replace("&&", ""))
    return m.group(1).lower() if m else None


def visible_mnemonics(window) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for action in window.menuBar().actions():
        if mnemonic(action.text()):
            found.setdefault(mnemonic(action.text()), []).append(action.text())
    for w in window.findChildren(QWidget):
        if not w.isVisible():
            continue
        text = None
        if isinstance(w, QAbstractButton):
            text = w.text()
        elif isinstance(w, QLabel) and w.buddy() is not None:
            text = w.text()
        elif isinstance(w, QGroupBox):
            text = w.title()
        if text and mnemonic(text):
            found.setdefault(mnemonic(text), []).append(text)
    return found


@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_each_alt_key_reaches_one_thing_per_screen(qtbot, lang):
    """Alt+B reached '혜택(B)' instead of '< 이전(B)'; Alt+N '새 계획(N)' instead of '다음(N)'."""
    window = make_window(qtbot, lang)
    window.open_example("cafe")
    screens = []
    for page in window.wizard.plan_pages:
        window.wizard.go_to(page)
        screens.append((page.title(), visible_mnemonics(window)))
    window.tabs.setCurrentIndex(1)
    window.progress_view.select(window.doc.project.kpis[0].id)
    screens.append(("progress", visible_mnemonics(window)))
    for title, found in screens:
        clashes = {k: v for k, v in found.items() if len(v) > 1}
        assert not clashes, f"{title}: {clashes}"
    if lang is Lang.EN:  # English labels carry English-style mnemonics, never 'Deadline (T)'
        for _title, found in screens:
            for texts in found.values():
                assert not any(re.search(r"\(&\w\)", text) for text in texts), texts


def test_the_review_page_shows_changes_made_while_it_was_hidden_and_follows_the_language(qtbot):
    window = make_window(qtbot, Lang.EN)
    window.open_example("cafe")
    review = window.wizard.review_page
    window.wizard.go_to(review)
    assert "SMART goal" in review.summary.toPlainText()
    targets = window.wizard.plan_pages[5]
    window.wizard.go_to(targets)
    kpi = window.doc.project.kpis[0]
    targets.select(kpi.id)
    type_into(targets.fields["owner"], "Mina Park")
    window.language_actions[Lang.KO].trigger()
    window.wizard.go_to(review)
    text = review.summary.toPlainText()
    assert "Mina Park" in text and "SMART 목표" in text and "SMART goal" not in text


def test_a_text_field_says_its_limit_and_keeps_to_it(qtbot):
    window = make_window(qtbot, Lang.KO)
    window.new_plan()
    field = window.wizard.business_page.fields["name"]
    assert "최대 300자" in field.toolTip()
    # The limit is said wherever the field's help is: hover, screen reader, Shift+F1 and its "?",
    # also for a field outside a page's field table (the actions page's web address).
    from kpiwizard.gui.pages.actions_roi import ActionsRoiPage

    roi = next(p for p in window.wizard.findChildren(ActionsRoiPage))
    for edit, button in ((field, None), (roi.website, roi.website_help)):
        said = edit.toolTip()
        assert "최대 300자" in said and edit.accessibleDescription() == said and edit.whatsThis() == said
        if button is not None:
            assert button.toolTip() == said and button.accessibleDescription() == said
    give_focus(field)
    type_text("가" * 5 + "a" * 300)
    assert len(field.text()) == 300 and window.doc.project.business.name == field.text()


def test_message_boxes_show_user_text_as_typed(qtbot):
    """A file named '<b>x.kpiwiz' in an error must not turn bold or fetch anything."""
    from kpiwizard.gui.dialogs import Dialogs
    from kpiwizard.gui.qt import QMessageBox

    box = Dialogs().box(None, QMessageBox.Icon.Warning, "'<b>x.kpiwiz'을 열 수 없습니다.")
    assert box.textFormat() is Qt.TextFormat.PlainText
    box.deleteLater()
