"""User text is plain text everywhere the app shows it: markup an owner types appears literally.

A plan whose every free-text field carries ``<b>x</b>`` (business, goal, SMART goal, custom KPI,
owners, actions, notes) is opened in the real main window; every page and the Progress view are
visited, and every label that then shows the marker must be a plain-text label: a rich-text label
would show a bold "x" (or fetch an <img>). Labels named in the issue are also checked to receive
the marker at all, so the walk cannot pass by finding nothing.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from gui_shell_helpers import make_window

from kpiwizard.core.enums import Lang
from kpiwizard.core.examples import find_example
from kpiwizard.core.models import Project
from kpiwizard.core.projectfile import save_project
from kpiwizard.export.tracker import export_tracker
from kpiwizard.gui.qt import QLabel, Qt

MARK = "<b>x</b>"
FILE_MARKS = ("<b>plan", "<b>tracker")  # file names cannot hold the "/" of "</b>"
FREE_TEXT = {"title", "name", "industry", "region", "audience", "audience_wants", "benefit",
             "reason_to_believe", "why", "what", "resources", "definition", "formula", "owner", "note",
             "tactic", "notes"}


def marked(value, key=None):
    if isinstance(value, dict):
        return {k: marked(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [marked(v, key) for v in value]
    if isinstance(value, str) and key in FREE_TEXT:
        return f"{value} {MARK}"
    return value


@pytest.fixture
def hostile_plan(tmp_path):
    project = find_example("cafe").load()
    data = marked(project.model_dump(mode="json"))
    project = Project.model_validate(data)
    path = tmp_path / "<b>plan.kpiwiz"  # a file name cannot hold the "/" of "</b>"
    save_project(path, project)
    return path


def labels_with_mark(widget) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel) if any(m in label.text() for m in (MARK, *FILE_MARKS))]


def rich_ones(labels: list[QLabel]) -> list[str]:
    return [f"{type(label.window()).__name__}/{label.objectName() or label.accessibleName() or '?'}: {label.text()!r}"
            for label in labels if label.textFormat() != Qt.TextFormat.PlainText]


@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_every_label_showing_user_text_is_plain_text(qtbot, hostile_plan, lang):
    window = make_window(qtbot, lang)
    assert window.open_plan(hostile_plan)
    wizard = window.wizard
    seen: list[QLabel] = []
    for page in wizard.plan_pages:  # each page refreshes from the plan when it is shown
        wizard.go_to(page)
        qtbot.wait(1)
        seen += labels_with_mark(page)
    kpis_page = next(p for p in wizard.plan_pages if type(p).__name__ == "KpisPage")
    wizard.go_to(kpis_page)
    kpis_page.chosen.setCurrentRow(1)
    kpis_page.chosen.setCurrentRow(0)  # the custom KPI: its details quote its name and definition
    assert MARK in kpis_page.details.text()
    seen += labels_with_mark(kpis_page)

    window.progress_action.trigger()
    view = window.progress_view
    tracker = hostile_plan.with_name("<b>tracker.xlsx")
    export_tracker(window.doc.project, tracker, lang)
    assert view.import_tracker(tracker)
    assert "<b>tracker.xlsx" in view.import_result.text()
    remedies = 0
    for row in range(view.status_table.rowCount()):  # each KPI's remedies quote its name
        view.status_table.selectRow(row)
        remedies += len(view.remedy_labels)
        seen += labels_with_mark(view)
    assert remedies, "no KPI of the plan has a remedy to show"
    seen += labels_with_mark(window)
    assert seen, "no label showed the plan's text: the walk proved nothing"
    assert rich_ones(seen) == []


def test_the_smart_sentence_and_the_audit_panel_show_markup_literally(qtbot, hostile_plan):
    window = make_window(qtbot, Lang.EN)
    assert window.open_plan(hostile_plan)
    smart_page = next(p for p in window.wizard.plan_pages if type(p).__name__ == "SmartGoalPage")
    window.wizard.go_to(smart_page)
    assert MARK in smart_page.sentence.text()
    assert smart_page.sentence.textFormat() == Qt.TextFormat.PlainText
    # A finding that quotes the owner's words: a deadline before the start makes the audit speak.
    project = window.doc.project
    window.doc.replace(project.model_copy(update={"smart": project.smart.model_copy(
        update={"deadline": project.start - timedelta(days=1)})}), None)
    window.wizard.go_to(smart_page)
    audit_labels = smart_page.audit_panel.findChildren(QLabel)
    assert audit_labels, "the audit panel shows no finding"
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in audit_labels)


def test_a_refused_trackers_name_is_shown_literally(qtbot, hostile_plan):
    """The reason under the import button quotes the file's name: markup in it stays text."""
    window = make_window(qtbot, Lang.EN)
    assert window.open_plan(hostile_plan)
    window.progress_action.trigger()
    bad = hostile_plan.with_name("<b>tracker.xlsx")
    bad.write_bytes(b"not a workbook")
    assert not window.progress_view.import_tracker(bad)
    error = window.progress_view.import_error
    assert "<b>tracker.xlsx" in error.text()
    assert error.textFormat() == Qt.TextFormat.PlainText


def test_a_saved_files_name_is_shown_literally(qtbot, hostile_plan, fake_dialogs):
    """After an export the review page says where it went: the file's name, markup and all."""
    window = make_window(qtbot, Lang.EN)
    assert window.open_plan(hostile_plan)
    review = window.wizard.review_page
    window.wizard.go_to(review)
    target = hostile_plan.with_name("<b>plan.ics")
    fake_dialogs.script(str(target), None)  # where to save; then close the "open it?" question
    with qtbot.waitSignal(review.runner.finished, timeout=60_000):
        review.buttons["ics"].click()
    assert target.exists()
    status = review.status["ics"]
    assert "<b>plan.ics" in status.text()
    assert status.textFormat() == Qt.TextFormat.PlainText
