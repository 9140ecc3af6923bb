"""Undo/redo across edits from the Edit menu, and autosave with recovery after a crash."""

from __future__ import annotations

import os
import time

from kpiwizard.core.enums import Lang, SocialGoal
from kpiwizard.core.projectfile import load_project, save_project
from kpiwizard.gui.autosave import find_orphans

from gui_shell_helpers import make_window, type_into


def test_undo_and_redo_walk_back_and_forth_across_pages(qtbot):
    window = make_window(qtbot, Lang.KO)
    business, goal = window.wizard.business_page, window.wizard.business_goal_page
    type_into(business.fields["name"], "카페 봄")
    goal.goal_buttons[SocialGoal.LEADS_SALES].click()
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()

    window.undo_action.trigger()
    assert window.doc.project.business_goal.social_goal is SocialGoal.AWARENESS
    assert goal.goal_buttons[SocialGoal.AWARENESS].isChecked()
    window.undo_action.trigger()
    assert window.doc.project.business.name == "" and business.fields["name"].text() == ""
    assert not window.undo_action.isEnabled() and not window.isWindowModified()

    window.redo_action.trigger()
    window.redo_action.trigger()
    assert window.doc.project.business.name == "카페 봄"
    assert window.doc.project.business_goal.social_goal is SocialGoal.LEADS_SALES
    assert window.isWindowModified()


def test_typing_a_word_is_one_undo_step(qtbot):
    window = make_window(qtbot, Lang.EN)
    field = window.wizard.business_page.fields["name"]
    for text in ("P", "Pi", "Piz", "Pizza"):
        type_into(field, text)
    window.undo_action.trigger()
    assert window.doc.project.business.name == ""


def test_autosave_is_recovered_after_a_crash(qtbot, fake_dialogs, tmp_path):
    first = make_window(qtbot, Lang.KO)
    plan = tmp_path / "cafe.kpiwiz"
    save_project(plan, first.doc.project)
    assert first.open_plan(plan)
    type_into(first.wizard.business_page.fields["name"], "저장 안 한 이름")
    first.autosave.save_now()
    assert first.autosave.copy.is_file()
    assert find_orphans(first.autosave.folder) == []  # a running session's copy is not an orphan
    first.autosave._lock.unlock()  # what the OS does to a crashed process's lock
    first.autosave._lock = None

    second = make_window(qtbot, Lang.KO)
    fake_dialogs.script(True)
    assert second.offer_recovery()
    assert "cafe.kpiwiz" in fake_dialogs.texts("ask")[0]
    assert second.doc.project.business.name == "저장 안 한 이름"
    assert second.doc.path == plan and second.doc.dirty and second.isWindowModified()
    assert load_project(plan).project.business.name == ""  # the file itself waits for Save
    assert not first.autosave.copy.exists()  # the orphan was taken over


def test_declined_recovery_is_deleted_and_not_offered_again(qtbot, fake_dialogs):
    first = make_window(qtbot, Lang.EN)
    type_into(first.wizard.business_page.fields["name"], "Unsaved")
    first.autosave.save_now()
    first.autosave._lock.unlock()
    first.autosave._lock = None
    second = make_window(qtbot, Lang.EN)
    fake_dialogs.script(False)
    assert not second.offer_recovery()
    assert "did not close normally" in fake_dialogs.texts("ask")[0]
    assert not second.offer_recovery()  # nothing left: no second question
    assert second.doc.project.business.name == ""


def test_copy_older_than_its_saved_file_is_not_offered(qtbot, tmp_path):
    first = make_window(qtbot, Lang.EN)
    plan = tmp_path / "p.kpiwiz"
    save_project(plan, first.doc.project)
    first.open_plan(plan)
    type_into(first.wizard.business_page.fields["name"], "Later saved elsewhere")
    first.autosave.save_now()
    first.autosave._lock.unlock()
    first.autosave._lock = None
    later = time.time() + 5
    os.utime(plan, (later, later))
    assert find_orphans(first.autosave.folder) == []
    assert not first.autosave.copy.exists()


def test_saving_and_clean_exit_remove_the_copy(qtbot, fake_dialogs, tmp_path):
    window = make_window(qtbot, Lang.KO)
    type_into(window.wizard.business_page.fields["name"], "카페 봄")
    window.autosave.save_now()
    assert window.autosave.copy.is_file()
    fake_dialogs.script(str(tmp_path / "saved.kpiwiz"))
    window.save()
    assert not window.autosave.copy.exists()
    type_into(window.wizard.business_page.fields["name"], "카페 봄 2")
    window.autosave.save_now()
    assert window.autosave.copy.is_file()
    fake_dialogs.script("discard")
    assert window.close()
    assert not window.autosave.copy.exists()
    assert list(window.autosave.folder.glob("*")) == []


def test_autosave_fires_by_itself_after_an_edit(qtbot):
    window = make_window(qtbot, Lang.EN)
    window.autosave._debounce.setInterval(50)
    type_into(window.wizard.business_page.fields["name"], "Pepperoni Palace")

    def saved_whole_name() -> bool:
        # A slow machine may autosave between two keys: the copy must catch up with the last one.
        copy = window.autosave.copy
        return copy.is_file() and load_project(copy).project.business.name == "Pepperoni Palace"

    qtbot.waitUntil(saved_whole_name, timeout=5000)


def test_keyboard_enter_goes_next_and_escape_keeps_the_wizard(qtbot):
    from kpiwizard.gui.qt import Qt

    window = make_window(qtbot, Lang.EN)
    wizard = window.wizard
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible() and wizard.currentPage() is wizard.start_page
    next_button = wizard.button(wizard.WizardButton.NextButton)
    assert next_button.isDefault()  # Enter presses it
    qtbot.keyClick(wizard, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.business_page
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible() and wizard.currentPage() is wizard.business_page
