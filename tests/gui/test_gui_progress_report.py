"""Progress view, monthly report (issue 15): the button asks where (a name in the owner's language,
in the last folder used), builds the month's PDF in the background and says what happened."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from gui_pages_helpers import open_example

from kpiwizard.core.enums import Lang
from kpiwizard.gui.progress_view import ProgressView
from kpiwizard.gui.settings import Settings


@pytest.fixture(autouse=True)
def early_april(monkeypatch):
    monkeypatch.setattr("kpiwizard.core.progress.today", lambda: date(2026, 4, 1))


def test_the_report_of_the_due_month_is_saved_where_the_owner_chose(qtbot, tmp_path, fake_dialogs):
    Settings().set_last_folder(tmp_path)
    doc, _language, view = open_example(qtbot, ProgressView)
    assert view.month.currentData() == "2026-03"
    out = tmp_path / "보고서"  # no suffix typed: the program adds .pdf
    fake_dialogs.script(str(out), 2)  # where to save; then "Close" on the message that it is saved
    view.report_button.click()
    qtbot.waitUntil(lambda: bool(fake_dialogs.texts("choose") or fake_dialogs.texts("error")), timeout=60_000)
    assert fake_dialogs.texts("error") == []
    assert fake_dialogs.suggested == [str(tmp_path / "카페 봄-2026-03-월간보고서.pdf")]
    pdf = out.with_name("보고서.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert str(pdf) in fake_dialogs.texts("choose")[0] and str(pdf) in view.import_result.text()
    assert view.report_button.isEnabled()
    assert Settings().last_folder() == str(tmp_path)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "월간 보고서" in text and "2026" in text


def test_another_month_in_english_gets_an_english_name(qtbot, tmp_path, fake_dialogs):
    Settings().set_last_folder(tmp_path)
    _doc, _language, view = open_example(qtbot, ProgressView, "cafe", Lang.EN)
    view.month.setCurrentIndex(view.month.findData("2026-02"))
    fake_dialogs.script(None)  # cancelled: nothing is made
    view.report_button.click()
    assert Path(fake_dialogs.suggested[-1]).name == "카페 봄-2026-02-monthly-report.pdf"
    assert not view.runner._running and list(tmp_path.iterdir()) == []


def test_a_report_that_cannot_be_written_says_why(qtbot, tmp_path, fake_dialogs):
    doc, _language, view = open_example(qtbot, ProgressView)
    before = doc.project
    fake_dialogs.script(str(tmp_path / "없는 폴더" / "보고서.pdf"))
    view.report_button.click()
    qtbot.waitUntil(lambda: bool(fake_dialogs.texts("error")), timeout=60_000)
    message = fake_dialogs.texts("error")[0]
    assert message and message in view.import_error.text()
    assert view.report_button.isEnabled() and doc.project == before


def test_the_month_at_a_glance_is_the_reports_own_words_and_follows_the_month(qtbot):
    from kpiwizard.core.monthly import monthly_report

    doc, language, view = open_example(qtbot, ProgressView)
    for month, lang in (("2026-03", Lang.KO), ("2026-02", Lang.EN)):
        if lang is Lang.EN:
            language.set(lang)
            view.month.setCurrentIndex(view.month.findData(month))
        m = monthly_report(doc.project, month, lang)
        text = view.month_summary.text()
        assert m.month_name in view.month_box.title()
        assert m.moved_text in text and m.next_step in text
        assert (m.behind_reason in text) if m.behind_most else ("No KPI is behind." in text or "뒤처진 KPI가 없습니다." in text)
    # a number recorded moves the summary with the plan: now that KPI moved most in February
    before = view.month_summary.text()
    doc.edit("t", lambda p: p.actuals.setdefault("kakao_channel_friends", {}).__setitem__(date(2026, 2, 6), 5000.0))
    m = monthly_report(doc.project, "2026-02", Lang.EN)
    assert m.moved_most is not None and m.moved_most.kpi_id == "kakao_channel_friends"
    assert m.moved_text in view.month_summary.text() and view.month_summary.text() != before
