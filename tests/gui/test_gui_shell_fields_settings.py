"""Refused values at the field, the channel-metric warning, settings and geometry remembered,
and the app entry point."""

from __future__ import annotations

import os

from kpiwizard.core.audit import audit
from kpiwizard.core.enums import Lang
from kpiwizard.core.examples import find_example
from kpiwizard.gui.app import parse_args, run
from kpiwizard.gui.qt import QApplication, QFontDatabase, QRect
from kpiwizard.gui.settings import Settings

from gui_keyboard import type_into_cell
from gui_shell_helpers import make_window, type_into


def test_bad_followers_are_refused_with_the_reason_and_the_plan_kept(qtbot):
    window = make_window(qtbot, Lang.KO)
    window.open_example("cafe")
    business = window.wizard.business_page
    before = window.doc.project
    type_into_cell(business.channels, 0, 1, "많음")
    assert not business.channels_error.isHidden() and "정수" in business.channels_error.text()
    type_into_cell(business.channels, 0, 1, "-5")
    assert not business.channels_error.isHidden() and "0 이상" in business.channels_error.text()
    assert window.doc.project == before
    type_into_cell(business.channels, 0, 1, "900")
    assert business.channels_error.isHidden()
    assert window.doc.project.business.channels[0].followers == 900


def test_plan_end_before_start_is_refused_at_the_field(qtbot):
    window = make_window(qtbot, Lang.EN)
    business = window.wizard.business_page
    start = window.doc.project.start
    business.end_date.set_value(start.replace(year=start.year - 1))
    business.end_date.date_edited.emit(business.end_date.value())
    assert "after the start" in business.errors["period"].text()
    assert window.doc.project.end > start and business.end_date.value() == window.doc.project.end


def test_user_text_is_data_never_markup(qtbot):
    window = make_window(qtbot, Lang.EN)
    type_into(window.wizard.business_page.fields["title"], "<img src=http://example.invalid/x.png> & <b>")
    window.wizard.go_to(window.wizard.review_page)
    assert "<img src=http://example.invalid/x.png> & <b>" in window.wizard.review_page.summary.toPlainText()


def test_channel_metric_warning_is_the_audits(qtbot):
    from kpiwizard.core.models import KpiSelection

    window = make_window(qtbot, Lang.EN)
    page = window.wizard.business_goal_page
    window.open_example("pizzeria")
    assert page.warning.isHidden()  # followers measured next to an outcome KPI: fine
    data = window.doc.project.model_dump()
    data.update(actions=[], actuals={}, kpis=[KpiSelection(id="fans", catalog_id="followers").model_dump()])
    data["smart"]["metric"] = "fans"
    window.doc.replace(type(window.doc.project).model_validate(data), None)
    finding = [f for f in audit(window.doc.project).findings if f.id == "S-channel-metric"]
    assert finding and finding[0].message.en in page.warning.text()
    assert "Followers" in page.warning.text()  # the catalog's vanity note on the KPI itself
    assert not page.warning.isHidden()


def test_geometry_language_and_recent_files_survive_a_restart(qtbot, tmp_path):
    window = make_window(qtbot, Lang.KO)
    window.set_language(Lang.EN)
    window.setGeometry(QRect(40, 50, 700, 500))
    plan = tmp_path / "p.kpiwiz"
    from kpiwizard.core.projectfile import save_project

    save_project(plan, find_example("cafe").load())
    assert window.open_plan(plan)
    assert window.close()
    settings = Settings()
    assert settings.language() is Lang.EN
    assert settings.recent_files() == [plan.resolve()]
    again = make_window(qtbot, settings.language())
    assert (again.width(), again.height()) == (700, 500)
    assert again.file_menu.title() == "&File"


def test_settings_survive_foreign_values(qtbot):
    s = Settings()
    s.set("ui/language", "fr")
    s.set("files/recent", "/only/one.kpiwiz")
    assert s.language() is None
    assert [str(p) for p in s.recent_files()] == [os.path.normpath("/only/one.kpiwiz")]


def test_bundled_korean_font_is_registered_as_the_fallback(qtbot):
    make_window(qtbot, Lang.KO)
    families = QApplication.instance().font().families()
    assert "NanumGothic" in families and "NanumGothic" in QFontDatabase.families()


def test_entry_point_opens_a_window_in_the_asked_language(qtbot, monkeypatch, capfd):
    assert parse_args(["gui", "--lang", "en", "plan.kpiwiz"]).lang == "en"
    monkeypatch.setenv("KPIWIZARD_SMOKE_EXIT_AFTER_SHOWN", "1")
    assert run(["--lang", "en"]) == 0
    assert "window shown: Untitled" in capfd.readouterr().out
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and hasattr(widget, "doc"):
            widget.doc.undo_stack.setClean()
            widget.language.set(Lang.EN)
            widget.close()


def test_progress_view_is_reachable_once_the_plan_has_kpis(qtbot):
    window = make_window(qtbot, Lang.KO)
    assert not window.tabs.isTabEnabled(1) and not window.progress_action.isEnabled()
    window.open_example("cafe")
    assert window.tabs.isTabEnabled(1)
    window.progress_action.trigger()
    assert window.tabs.currentWidget() is window.progress_view
    window.wizard_action.trigger()
    assert window.tabs.currentWidget() is window.wizard
    window.new_plan()
    assert not window.tabs.isTabEnabled(1)


def test_start_page_links_to_the_korean_guide(qtbot, fake_dialogs):
    window = make_window(qtbot, Lang.KO)
    window.wizard.start_page.guide_button.click()
    # Shown inside the app, never handed to whatever the system opens .md files with.
    assert fake_dialogs.opened == []
    (text,) = fake_dialogs.texts("document")
    assert "SMART" in text and "추적표" in text
