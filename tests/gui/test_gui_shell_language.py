"""Language: Korean by default for Korean users, switched at run time, no English left behind."""

from __future__ import annotations

import re

import pytest

from kpiwizard.core.enums import Lang
from kpiwizard.gui.qt import (
    QComboBox,
    QCoreApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QtWidgets,
    QWidget,
)
from kpiwizard.gui.settings import Settings

QAbstractButton = QtWidgets.QAbstractButton

from gui_shell_helpers import make_window

# Words that stay as they are in Korean text: names, abbreviations, file types, currency codes.
ALLOWED = {
    "KPI", "KPIs", "SMART", "ROI", "Excel", "PDF", "ICS", "ics", "LTV", "URL", "CRM", "SNS", "UTM", "DM",
    "e-mail", "Instagram", "Facebook", "TikTok", "YouTube", "B2B", "A4", "Ctrl", "F2", "Enter", "Tab",
    "English", "Language", "KPI Wizard", "kpiwiz", "xlsx", "md", "docs", "guide-ko", "KRW", "USD", "EUR",
    "JPY", "GBP", "CNY", "CAD", "AUD", "TWD", "SGD", "VND", "CPL", "CPA", "ROAS", "RSS", "Q&A", "BSC", "S", "M", "A",
    "NanumGothic", "SIL", "Open", "Font", "License", "CTR", "km", "PC",
    "reach",  # the KPI search's placeholder shows that English words are searched too
}
WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")


def _texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(), widget.whatsThis()]
    if widget.isWindow():
        texts.append(widget.windowTitle())
    if isinstance(widget, (QLabel, QAbstractButton)):
        texts.append(widget.text())
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        texts.append(widget.placeholderText())  # the typed text is the user's, not the program's
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QComboBox) and not widget.isEditable():
        texts.extend(widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QTableWidget):
        for c in range(widget.columnCount()):
            item = widget.horizontalHeaderItem(c)
            texts.append(item.text() if item else "")
    if isinstance(widget, QTabWidget):
        texts.extend(widget.tabText(i) for i in range(widget.count()))
        texts.extend(widget.tabToolTip(i) for i in range(widget.count()))
    if isinstance(widget, QMenu):
        texts.append(widget.title())
        for action in widget.actions():
            texts.extend([action.text(), action.toolTip(), action.statusTip()])
    return texts


def _english(where: str, text: str) -> list[tuple[str, str, str]]:
    """Words of two letters or more that are neither allowed nor Korean (one letter is a mnemonic)."""
    return [(where, text, w) for w in WORD.findall(text or "") if len(w) > 1 and w not in ALLOWED]


def english_words(window) -> list[tuple[str, str, str]]:
    found = []
    wizard = window.wizard
    for button in wizard.WizardButton.BackButton, wizard.WizardButton.NextButton, wizard.WizardButton.FinishButton:
        found += _english("wizard button", wizard.buttonText(button))
    for page in wizard.plan_pages:
        for text in (page.title(), page.subTitle()):
            found += _english(type(page).__name__, text)
    for widget in [window, *window.findChildren(QWidget)]:
        if widget is window.wizard.start_page.recent_list:
            continue  # file names
        for text in _texts(widget):
            found += _english(f"{type(widget).__name__} {widget.objectName()}", text)
    return found


def test_no_english_words_in_the_korean_ui(qtbot):
    window = make_window(qtbot, Lang.KO)
    window.open_example("cafe")  # pages with content show more strings
    for _ in window.wizard.plan_pages[1:]:
        window.wizard.next()
    leftovers = english_words(window)
    assert leftovers == [], "\n".join(f"{where}: {word!r} in {text!r}" for where, text, word in leftovers[:40])


def test_language_switches_at_run_time_and_is_remembered(qtbot):
    window = make_window(qtbot, Lang.KO)
    business = window.wizard.business_page
    assert window.file_menu.title() == "파일(&F)"
    assert business.title() == "1 / 8 단계 · 사업 소개"  # every step says where the owner is
    window.language_actions[Lang.EN].trigger()
    assert window.file_menu.title() == "&File"
    assert business.title() == "Step 1 of 8 · Your business"
    assert window.windowTitle().startswith("Untitled")
    assert window.wizard.buttonText(window.wizard.WizardButton.NextButton) == "&Next >"
    assert window.language_actions[Lang.EN].isChecked()
    assert Settings().language() is Lang.EN
    window.language_actions[Lang.KO].trigger()
    assert business.labels["name"].text() == "가게·회사 이름(&M)"


def test_qt_own_dialog_buttons_follow_the_language(qtbot):
    window = make_window(qtbot, Lang.KO)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"
    window.set_language(Lang.EN)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    window.set_language(Lang.KO)
    assert QCoreApplication.translate("QPlatformTheme", "Save") == "저장"


@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_every_control_has_an_accessible_name_and_help(qtbot, lang):
    window = make_window(qtbot, lang)
    from kpiwizard.gui.qt import QDateEdit

    missing = []
    for page in (window.wizard.start_page, window.wizard.business_page, window.wizard.business_goal_page,
                 window.wizard.review_page):
        for widget in page.findChildren(QWidget):
            control = isinstance(widget, (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton, QTableWidget,
                                          QListWidget, QDateEdit))
            if not control or isinstance(widget.parent(), (QComboBox, QDateEdit, QTableWidget)):
                continue
            if not widget.accessibleName() or not widget.toolTip():
                missing.append(f"{type(page).__name__}: {type(widget).__name__} {widget.text() if hasattr(widget, 'text') else ''}")
    assert missing == []
