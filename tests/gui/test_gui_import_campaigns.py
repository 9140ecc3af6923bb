"""The import preview credits GA4 campaign links back to the plan's actions (issue 14, "Closing the
loop with campaign links"): the café owner drops a GA4 download with the campaign dimension on the
Progress view and sees, per action, the visits, key events and revenue its link brought, the total
per KPI those actions move, and the campaigns that match no action — in Korean and in English."""

from __future__ import annotations

import os
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from gui_pages_helpers import open_example
from test_gui_progress_import import _fixtures, drop, instagram_posts, wait_read, write

from kpiwizard.core.enums import Lang
from kpiwizard.export.platforms import apply_import, plan_import
from kpiwizard.gui.progress_view import ProgressView

PF = _fixtures()
PERIOD_START, PERIOD_END = date(2026, 3, 5), date(2026, 3, 29)  # the café plan's third month
# (Session campaign, sessions, engaged sessions, key events, revenue), as GA4 writes them
ROWS = [("kw01", 40, 30, 3, 9000), ("KW05-2km", 12, 5, 2, 45000), ("kw02", 7, 3, 0, 0),
        ("spring_sale", 9, 9, 9, 99), ("(direct)", 500, 100, 5, 0)]
SHOTS = os.environ.get("KPIWIZARD_SHOTS")  # a folder: save what the dialog looks like there


def ga4_campaigns(folder, rows=ROWS):
    data = PF.ga4_csv(PERIOD_START, PERIOD_END, rows, dimension="Session campaign")
    return write(folder, "ga4 캠페인.csv", data, PERIOD_END + timedelta(10))


def campaign_table(dialog) -> list[list[tuple[str, str]]]:
    """(text, tooltip) of every cell of the campaign table, row by row."""
    table = dialog.campaigns
    return [[(table.item(r, c).text(), table.item(r, c).toolTip()) for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def preview_of(qtbot, view, files, shot: str = "") -> dict:
    """Drop the files on the view and read what the preview dialog shows; the owner cancels."""
    seen: dict = {}

    def look(dialog):
        dialog.show()
        seen["box"] = (dialog.campaign_box.title(), dialog.campaign_box.isVisibleTo(dialog))
        seen["headers"] = [dialog.campaigns.horizontalHeaderItem(c).text() for c in range(dialog.campaigns.columnCount())]
        seen["rows"] = campaign_table(dialog)
        seen["unmatched"] = (dialog.unmatched.text(), dialog.unmatched.isVisibleTo(dialog))
        seen["notes"] = dialog.notes.text()
        seen["table"] = (dialog.campaigns.accessibleName(), dialog.campaigns.toolTip())
        seen["apply"] = dialog.apply_button.isEnabled()
        if SHOTS and shot:
            dialog.resize(860, 700)  # the dialog's own size
            dialog.grab().save(os.path.join(SHOTS, f"{shot}-{view.lang.value}.png"))
        dialog.cancel_button.click()

    view.doc_fake_dialogs.script(look)
    drop(view, files)
    wait_read(qtbot, view)
    return seen


@pytest.fixture
def cafe(qtbot, fake_dialogs, request):
    lang = getattr(request, "param", Lang.KO)
    if SHOTS:
        from gui_shell_helpers import install_font

        install_font(QApplication.instance())  # Hangul in the pictures, as the app shows it
    doc, _language, view = open_example(qtbot, ProgressView, "cafe", lang)
    view.doc_fake_dialogs = fake_dialogs
    return doc, view


@pytest.mark.parametrize("cafe", [Lang.KO], indirect=True)
def test_each_actions_link_is_credited_with_its_visits_key_events_and_revenue_in_won(qtbot, tmp_path, cafe):
    doc, view = cafe
    before = doc.project
    seen = preview_of(qtbot, view, [ga4_campaigns(tmp_path)], "import-campaigns")
    tactics = [a.tactic for a in before.actions]
    assert seen["box"] == ("캠페인 링크 성과", True)
    assert seen["headers"] == ["실행", "캠페인", "방문 (세션)", "주요 이벤트", "매출"]
    rows = seen["rows"]
    # one row per credited action, in the plan's order; a campaign typed in capitals still counts
    assert [r[1][0] for r in rows[:3]] == ["kw01", "kw02", "kw05-2km"]
    assert [[cell[0] for cell in r[2:]] for r in rows[:3]] == [["40", "3", "₩9,000"], ["7", "0", "₩0"],
                                                             ["12", "2", "₩45,000"]]
    # the tactic is shortened in the cell and whole in its tooltip
    for row, index in zip(rows[:3], (0, 1, 4), strict=True):
        label, tooltip = row[0]
        assert tooltip == f"{index + 1}. {tactics[index]}"
        assert label.startswith(f"{index + 1}. ") and len(label) <= len(tooltip)
    assert rows[0][0][0] == "1. 평일 오후 디저트 세트 쿠폰…"  # 28 syllables and spaces do not fit; 15 do
    assert rows[1][0][0] == f"2. {tactics[1]}"
    # then one line per KPI the actions move, with the sums of its actions
    totals = {r[0][0]: [cell[0] for cell in r[1:]] for r in rows[3:]}
    assert totals == {"→ 인스타 쿠폰 사용 손님 수": ["합계", "40", "3", "₩9,000"],
                      "→ 지역 팔로워 수": ["합계", "7", "0", "₩0"],
                      "→ SNS 매출": ["합계", "12", "2", "₩45,000"]}
    # campaigns of no action are named below the table, rows of no campaign are not
    text, visible = seen["unmatched"]
    assert visible and text == "계획의 활동과 맞지 않는 캠페인: spring_sale"
    assert "(direct)" not in text and "spring_sale" not in seen["notes"]
    assert seen["table"][0] == "캠페인 링크 성과" and "UTM" in seen["table"][1]
    assert doc.project == before  # the owner cancelled


@pytest.mark.parametrize("cafe", [Lang.EN], indirect=True)
def test_the_same_credit_reads_in_english(qtbot, tmp_path, cafe):
    _doc, view = cafe
    seen = preview_of(qtbot, view, [ga4_campaigns(tmp_path)], "import-campaigns")
    assert seen["box"] == ("Campaign links", True)
    assert seen["headers"] == ["Action", "Campaign", "Sessions", "Key events", "Revenue"]
    assert [[cell[0] for cell in r[1:]] for r in seen["rows"][:3]] == [
        ["kw01", "40", "3", "₩9,000"], ["kw02", "7", "0", "₩0"], ["kw05-2km", "12", "2", "₩45,000"]]
    totals = {r[0][0]: r[1][0] for r in seen["rows"][3:]}
    assert totals["→ Revenue from social"] == "Total" and totals["→ Local followers"] == "Total"
    assert seen["unmatched"] == ("Campaigns matching no action: spring_sale", True)
    assert seen["table"][0] == "Campaign links"


def test_a_campaign_of_an_action_with_no_kpi_has_its_row_but_no_total(qtbot, tmp_path, cafe):
    doc, view = cafe
    actions = list(doc.project.actions)
    actions[0] = actions[0].model_copy(update={"kpi": None})
    doc.replace(doc.project.model_copy(update={"actions": actions}), None)
    seen = preview_of(qtbot, view, [ga4_campaigns(tmp_path, [("kw01", 40, 30, 3, 9000)])])
    assert [r[1][0] for r in seen["rows"]] == ["kw01"]  # the action's row, and no KPI's line
    assert seen["unmatched"][1] is False


def test_only_unmatched_campaigns_show_the_list_without_an_empty_table(qtbot, tmp_path, cafe):
    _doc, view = cafe
    seen = preview_of(qtbot, view, [ga4_campaigns(tmp_path, [("spring_sale", 9, 9, 9, 99), ("kw99", 1, 1, 1, 1)])])
    assert seen["box"][1] is True and seen["rows"] == []
    assert seen["unmatched"] == ("계획의 활동과 맞지 않는 캠페인: kw99, spring_sale", True)


def test_files_without_campaigns_show_no_campaign_box(qtbot, tmp_path, cafe):
    _doc, view = cafe
    seen = preview_of(qtbot, view, [write(tmp_path, "posts.csv", instagram_posts())])
    assert seen["box"][1] is False


def test_the_credited_campaigns_feed_the_kpis_and_confirming_writes_what_the_core_computes(qtbot, tmp_path, cafe,
                                                                                            fake_dialogs):
    doc, view = cafe
    before = doc.project
    path = ga4_campaigns(tmp_path)
    expected = plan_import(before, [path], Lang.KO)
    assert any(v.kpi_id == "social_revenue" for v in expected.values), "matched campaigns feed the revenue KPI"
    shown = {}

    def confirm(dialog):
        shown["rows"] = dialog.campaigns.rowCount()
        dialog.apply_button.click()

    fake_dialogs.script(confirm)
    drop(view, [path])
    wait_read(qtbot, view)
    assert shown["rows"] == len(expected.campaigns) + len(expected.campaign_totals_by_kpi()) == 6
    assert doc.project.actuals == apply_import(before, expected).actuals
    doc.undo_stack.undo()
    assert doc.project == before
