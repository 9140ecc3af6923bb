"""Files: the unsaved-changes prompt, a bad project file, the title bar, save failures."""

from __future__ import annotations

import os

import pytest

from kpiwizard.core.enums import Lang
from kpiwizard.core.projectfile import load_project

from gui_shell_helpers import make_window, pages, type_into


def _edit(window, name="카페 봄"):
    type_into(window.wizard.business_page.fields["name"], name)
    assert window.doc.dirty


def test_title_shows_file_name_and_unsaved_marker(qtbot, fake_dialogs, tmp_path):
    window = make_window(qtbot, Lang.KO)
    assert window.windowTitle().startswith("제목 없음[*]") and not window.isWindowModified()
    _edit(window)
    assert window.isWindowModified()
    fake_dialogs.script(str(tmp_path / "봄 계획"))  # no extension typed: .kpiwiz is added
    window.save_action.trigger()
    assert (tmp_path / "봄 계획.kpiwiz").is_file()
    assert window.windowTitle().startswith("봄 계획.kpiwiz[*]") and not window.isWindowModified()
    _edit(window, "카페 봄 2호점")
    window.save_action.trigger()  # saves to the same file without asking
    assert load_project(tmp_path / "봄 계획.kpiwiz").project.business.name == "카페 봄 2호점"


@pytest.mark.parametrize("answer", ["cancel", "discard", "save"])
def test_new_plan_asks_before_losing_changes(qtbot, fake_dialogs, tmp_path, answer):
    window = make_window(qtbot, Lang.KO)
    _edit(window)
    script = [answer] + ([str(tmp_path / "kept.kpiwiz")] if answer == "save" else [])
    fake_dialogs.script(*script)
    window.new_action.trigger()
    question = fake_dialogs.texts("confirm_discard")
    assert len(question) == 1 and "저장하지 않은" in question[0]
    if answer == "cancel":
        assert window.doc.project.business.name == "카페 봄" and window.doc.dirty
    else:
        assert window.doc.project.business.name == "" and not window.doc.dirty
    if answer == "save":
        assert load_project(tmp_path / "kept.kpiwiz").project.business.name == "카페 봄"


def test_closing_with_changes_asks_and_cancel_keeps_the_window(qtbot, fake_dialogs):
    window = make_window(qtbot, Lang.EN)
    _edit(window, "Pepperoni Palace")
    fake_dialogs.script("cancel")
    assert not window.close()
    assert window.isVisible()
    assert "unsaved changes" in fake_dialogs.texts("confirm_discard")[0]
    fake_dialogs.script("discard")
    assert window.close()


@pytest.mark.parametrize("content", [b"", b"{not json", "\u00ff".encode("latin-1"), b'{"schema_version": 99}',
                                     b'{"schema_version": 2, "start": "2026-01-01", "end": "2026-02-01", "kpis": 5}'])
def test_bad_project_file_shows_the_core_message_and_stays_untouched(qtbot, fake_dialogs, tmp_path, content):
    bad = tmp_path / "broken.kpiwiz"
    bad.write_bytes(content)
    before = (bad.read_bytes(), os.stat(bad).st_mtime_ns)
    window = make_window(qtbot, Lang.KO)
    fake_dialogs.script(str(bad))
    window.open_action.trigger()
    errors = fake_dialogs.texts("error")
    assert len(errors) == 1 and errors[0]
    from kpiwizard.core.errors import ProjectFileError

    with pytest.raises(ProjectFileError) as expected:
        load_project(bad)
    assert errors[0] == expected.value.message(Lang.KO)
    assert (bad.read_bytes(), os.stat(bad).st_mtime_ns) == before
    assert window.doc.path is None and window.wizard.currentPage() is pages(window)[0]


def test_missing_recent_file_is_reported_and_dropped_from_the_list(qtbot, fake_dialogs, tmp_path):
    gone = tmp_path / "gone.kpiwiz"
    window = make_window(qtbot, Lang.EN)
    window.settings.add_recent(gone)
    window._refresh_recent()
    assert window.wizard.start_page.recent_list.count() == 1
    window.open_plan(gone)
    assert "does not exist" in fake_dialogs.texts("error")[0]
    assert window.settings.recent_files() == []


def test_save_failure_is_reported_and_the_plan_stays_unsaved(qtbot, fake_dialogs, tmp_path):
    window = make_window(qtbot, Lang.EN)
    _edit(window, "Pepperoni Palace")
    fake_dialogs.script(str(tmp_path / "no such folder" / "plan.kpiwiz"))
    assert not window.save_as()
    assert "does not exist" in fake_dialogs.texts("error")[0]
    assert window.doc.dirty and window.doc.path is None


def test_older_format_file_opens_with_a_note(qtbot, fake_dialogs, tmp_path):
    import json

    from kpiwizard.core.examples import find_example
    from kpiwizard.core.projectfile import dumps_project

    data = json.loads(dumps_project(find_example("cafe").load()))
    data["schema_version"] = 1
    old = tmp_path / "old.kpiwiz"
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    window = make_window(qtbot, Lang.KO)
    assert window.open_plan(old), fake_dialogs.shown
    assert any("이전 형식" in text for text in fake_dialogs.texts("info"))
