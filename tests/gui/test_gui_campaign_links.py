"""Actions page: the owner types the page the links open, picks an action and copies its campaign
link (UTM) with one key; without a web address or an action the page says what is missing."""

from kpiwizard.core.enums import Lang
from kpiwizard.core.utm import campaign_link
from kpiwizard.gui.pages.actions_roi import ActionsRoiPage
from kpiwizard.gui.qt import QGuiApplication, Qt
from PySide6.QtCore import QCoreApplication
from PySide6.QtTest import QTest

from gui_keyboard import give_focus, press, type_into, type_text
from gui_pages_helpers import open_example

SITE = "https://cafe.example/menu"


def click_row(page, row: int) -> None:
    rect = page.table.visualItemRect(page.table.item(row, 0))
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QCoreApplication.processEvents()
    assert page.table.currentRow() == row


def alt_k(qtbot, page) -> None:
    """Alt+K, then wait for the button's animated click (a mnemonic clicks after a short flash)."""
    shown = page.link_result.text(), page.website_error.text()
    press(Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: (page.link_result.text(), page.website_error.text()) != shown, timeout=2000)


def test_copying_a_link_puts_the_actions_utm_link_on_the_clipboard(qtbot):
    doc, _language, page = open_example(qtbot, ActionsRoiPage, "cafe", Lang.KO)
    assert len(doc.project.actions) >= 2 and doc.project.business.website == ""
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")

    # No action chosen yet: the page asks for one; nothing is copied.
    page.table.setCurrentCell(-1, -1)
    page.copy_link.click()
    assert "실행을 고르세요" in page.website_error.text() and not page.website_error.isHidden()
    assert clipboard.text() == "before" and page.link_result.isHidden()

    # An action but no web address: the page says what to fill in, by the field's own name.
    click_row(page, 1)
    page.copy_link.click()
    assert "우리 가게 웹 주소" in page.website_error.text() and not page.website_error.isHidden()
    assert clipboard.text() == "before"

    type_into(page.website, SITE)
    assert doc.project.business.website == SITE
    assert page.website_error.isHidden()  # typing the address takes the complaint away
    click_row(page, 1)
    alt_k(qtbot, page)  # 캠페인 링크 복사(&K)
    expected = campaign_link(SITE, 1, doc.project.actions[1])
    assert clipboard.text() == expected
    assert "utm_campaign=kw02" in expected and expected.startswith(SITE + "?utm_source=")
    assert page.link_result.text() == f"복사했습니다: {expected}" and not page.link_result.isHidden()
    assert page.website_error.isHidden()

    # Another row, another link.
    click_row(page, 0)
    page.copy_link.click()
    assert clipboard.text() == campaign_link(SITE, 0, doc.project.actions[0]) != expected

    # The address is part of the plan: Undo takes it back.
    doc.undo_stack.undo()
    assert doc.project.business.website == "" and page.website.text() == ""


def test_an_address_that_is_not_one_is_named_and_nothing_is_copied(qtbot):
    doc, _language, page = open_example(qtbot, ActionsRoiPage, "cafe", Lang.EN)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")
    type_into(page.website, "cafe.example/menu")
    assert doc.project.business.website == "cafe.example/menu"  # an unfinished plan still saves
    click_row(page, 0)
    page.copy_link.click()
    assert "'cafe.example/menu' is not a web address" in page.website_error.text()
    assert clipboard.text() == "before" and page.link_result.isHidden()
    give_focus(page.website)
    press(Qt.Key.Key_Home)
    type_text("https://")
    assert doc.project.business.website == "https://cafe.example/menu"
    click_row(page, 0)
    page.copy_link.click()
    assert clipboard.text() == campaign_link(SITE, 0, doc.project.actions[0])
    assert page.link_result.text().startswith("Copied: https://cafe.example/menu?utm_source=")


def test_the_field_and_button_are_named_and_follow_the_language(qtbot):
    doc, language, page = open_example(qtbot, ActionsRoiPage, "cafe", Lang.KO)
    assert page.website_label.text() == "우리 가게 웹 주소(&W)" and page.website_label.buddy() is page.website
    assert page.copy_link.text() == "캠페인 링크 복사(&K)"
    assert page.website.accessibleName() == "우리 가게 웹 주소" and "UTM" in page.website.toolTip()
    assert page.copy_link.accessibleName() == "캠페인 링크 복사" and "(UTM)" in page.copy_link.toolTip()
    language.set(Lang.EN)
    assert page.website_label.text() == "Your &web address"
    assert page.copy_link.text() == "Copy campaign lin&k"
