"""The owner's whole journey, in Korean and in English: start page, every step, the three exports,
save, reopen — and the reopened plan equals the one on screen."""

from __future__ import annotations

import zipfile

import pytest

from kpiwizard.core.enums import Lang, SocialGoal, StrategicObjective
from kpiwizard.core.projectfile import load_project
from kpiwizard.gui.qt import Qt

from gui_keyboard import type_into_cell
from gui_shell_helpers import make_window, pages, type_into

CASES = {
    Lang.KO: dict(example="cafe", name="카페 봄 망원점", audience="망원동 30대 직장인", channel="네이버 블로그"),
    Lang.EN: dict(example="pizzeria", name="Luigi's <b>Pizza</b>", audience="families within 3 miles", channel="TikTok"),
}


def _activate(list_widget, data) -> None:
    for row in range(list_widget.count()):
        item = list_widget.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == data:
            list_widget.setCurrentItem(item)
            list_widget.itemActivated.emit(item)
            return
    raise AssertionError(f"{data} not listed")


@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_journey_from_start_page_to_exports_and_reopen(qtbot, fake_dialogs, tmp_path, lang):
    case = CASES[lang]
    window = make_window(qtbot, lang)
    start, business, goal_page, review = pages(window)
    wizard = window.wizard
    assert wizard.currentPage() is start

    # 1. Start: open the example from the list, like a first-time owner would.
    _activate(start.examples_list, case["example"])
    assert wizard.currentPage() is business
    assert not window.doc.dirty

    # 2. Business: rename, add a channel with its followers.
    type_into(business.fields["name"], case["name"])
    business.add_channel.click()
    row = business.channels.rowCount() - 1
    type_into_cell(business.channels, row, 0, case["channel"])
    type_into_cell(business.channels, row, 1, "1,250")
    assert window.doc.project.business.name == case["name"]
    assert window.doc.project.business.channels[-1].name == case["channel"]
    assert window.doc.project.business.channels[-1].followers == 1250
    assert window.isWindowModified()
    wizard.next()

    # 3. Business goal: pick goal and strategy, say who it is for.
    assert wizard.currentPage() is goal_page
    goal_page.goal_buttons[SocialGoal.ENGAGEMENT].click()
    goal_page.objective_buttons[StrategicObjective.SWITCH].click()
    type_into(goal_page.fields["audience"], case["audience"])
    type_into(goal_page.why, "—")
    g = window.doc.project.business_goal
    assert (g.social_goal, g.objective, g.audience, g.why) == (
        SocialGoal.ENGAGEMENT, StrategicObjective.SWITCH, case["audience"], "—")

    # 4-8. Every other step, in order, to the review page.
    seen = [start, business, goal_page]
    while wizard.currentPage() is not review:
        wizard.next()
        assert wizard.currentPage() not in seen, "a step was shown twice: the order is broken"
        seen.append(wizard.currentPage())
    assert len(seen) == 9

    # 9. Review shows the plan (user text escaped, not markup) and exports all three files.
    assert case["name"] in review.summary.toPlainText()
    outputs = {key: tmp_path / f"out.{key}" for key in ("xlsx", "pdf", "ics")}
    for key, path in outputs.items():
        fake_dialogs.script(str(path), None)  # where to save; then close the "open file?" question
        with qtbot.waitSignal(review.runner.finished, timeout=60_000):
            review.buttons[key].click()
        assert review.buttons[key].isEnabled() and review.bars[key].isHidden()
    assert not fake_dialogs.texts("error")
    assert zipfile.is_zipfile(outputs["xlsx"])
    assert outputs["pdf"].read_bytes().startswith(b"%PDF")
    assert outputs["ics"].read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")

    # Save (Finish = save): asks where, then the title loses its unsaved marker.
    saved = tmp_path / "plan.kpiwiz"
    fake_dialogs.script(str(saved))
    wizard.button(wizard.WizardButton.FinishButton).click()
    assert not window.isWindowModified()
    assert "plan.kpiwiz" in window.windowTitle()
    assert load_project(saved).project == window.doc.project

    # Reopen in a fresh window (a new session): the same plan, shown on the business page.
    again = make_window(qtbot, lang)
    assert again.open_plan(saved)
    assert again.doc.project == window.doc.project
    assert again.wizard.business_page.fields["name"].text() == case["name"]
    assert again.wizard.start_page.recent_list.item(0).data(Qt.ItemDataRole.UserRole) == saved.resolve()


def test_new_plan_from_start_page_builds_the_business_in_the_model(qtbot):
    window = make_window(qtbot, Lang.KO)
    start, business, *_ = pages(window)
    start.new_button.click()
    assert window.wizard.currentPage() is business
    for key, text in (("title", "봄 시즌 계획"), ("name", "꽃집 하루"), ("industry", "꽃집"), ("region", "대전 유성구")):
        type_into(business.fields[key], text)
    business.size_box.setCurrentIndex(0)
    business.size_box.activated.emit(0)
    p = window.doc.project
    assert (p.title, p.business.name, p.business.industry, p.business.region) == ("봄 시즌 계획", "꽃집 하루", "꽃집", "대전 유성구")
    assert p.business.size.value == "solo"
    assert p.business.currency == "KRW"
