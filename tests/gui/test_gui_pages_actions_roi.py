"""Actions & ROI page: ROI figures are the core's, formatted by the core; edits are undoable."""

from kpiwizard.core.enums import ActionStatus, Lang
from kpiwizard.core.formatting import format_money, format_number
from kpiwizard.core.roi import project_roi, reverse_funnel
from kpiwizard.gui.pages.actions_roi import COLUMNS, ActionsRoiPage

from kpiwizard.gui.widgets.fields import is_refused
from gui_keyboard import type_into_cell
from gui_pages_helpers import open_example, type_into


def expected_labels(project):
    cur = project.business.currency
    r = project_roi(project)  # on the plan's gross margin, as the PDF and the tracker count it
    f = reverse_funnel(project.roi.funnel, project.roi.average_order)
    shown = {
        "roi": f"{format_number(r.roi_percent, 1)}%",
        "cpl": format_money(r.total_cost_per_lead, cur),
        "cpa": format_money(r.total_cost_per_customer, cur),
        "ltv": format_money(r.ltv, cur),
        "total_cost": format_money(r.total_cost, cur),
        "gross_profit": format_money(r.gross_profit, cur),
    }
    if f is not None:
        shown.update(customers=format_number(f.customers), reach=format_number(f.reach))
    return shown


def test_roi_labels_are_the_cores_numbers_in_both_examples(qtbot):
    for example, lang in (("cafe", Lang.KO), ("b2b-ebook", Lang.EN)):
        doc, _language, page = open_example(qtbot, ActionsRoiPage, example, lang)
        for key, text in expected_labels(doc.project).items():
            assert page.results[key].text() == text, (example, key)
        assert page.table.rowCount() == len(doc.project.actions)
        assert page.table.item(0, 0).text() == doc.project.actions[0].tactic


def test_editing_an_input_recomputes_and_undo_restores(qtbot):
    doc, _language, page = open_example(qtbot, ActionsRoiPage, "b2b-ebook", Lang.EN)
    before = doc.project
    type_into(page.inputs["revenue"], "50,000")
    assert doc.project.roi.revenue == 50000
    assert page.results["roi"].text() == expected_labels(doc.project)["roi"]
    type_into(page.inputs["close_rate"], "25")  # shown as a percentage, stored as a share
    assert doc.project.roi.funnel.close_rate == 0.25
    assert page.results["customers"].text() == expected_labels(doc.project)["customers"]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.project == before


def test_refused_inputs_show_the_reason(qtbot):
    doc, _language, page = open_example(qtbot, ActionsRoiPage)
    before = doc.project
    type_into(page.inputs["ad_spend"], "-100")
    assert "0 이상" in page.errors["ad_spend"].text() and not page.errors["ad_spend"].isHidden()
    type_into(page.inputs["close_rate"], "0")
    assert not page.errors["close_rate"].isHidden()
    type_into(page.inputs["posts_per_week"], "주 4회")
    assert "숫자" in page.errors["posts_per_week"].text()
    # The refused text stays in the field, marked; the plan keeps what it held before the
    # typing began (not the empty field the composition passed through).
    assert is_refused(page.inputs["posts_per_week"])
    assert page.inputs["posts_per_week"].text() == "주 4회"
    assert doc.project == before


def test_capacity_is_stored_and_feeds_the_realism_check(qtbot):
    doc, _language, page = open_example(qtbot, ActionsRoiPage, "pizzeria-unrealistic", Lang.EN)
    assert any("is not realistic" in line for line in page.capacity_audit.lines())
    type_into(page.inputs["posts_per_week"], "5")
    assert doc.project.capacity.posts_per_week == 5


def test_actions_add_edit_remove_with_undo(qtbot):
    doc, _language, page = open_example(qtbot, ActionsRoiPage)
    before = doc.project
    page.add_row()
    assert len(doc.project.actions) == len(before.actions) + 1
    row = page.table.rowCount() - 1
    type_into_cell(page.table, row, 0, "네이버 블로그 후기 이벤트")
    assert doc.project.actions[row].tactic == "네이버 블로그 후기 이벤트"
    status_col = [c[0] for c in COLUMNS].index("status")
    page.table.cellWidget(row, status_col).value_chosen.emit(ActionStatus.DONE)
    assert doc.project.actions[row].status is ActionStatus.DONE
    # an empty tactic is refused and the cell gets its stored text back
    type_into_cell(page.table, row, 0, "")
    assert doc.project.actions[row].tactic == "네이버 블로그 후기 이벤트"
    assert not page.actions_error.isHidden()
    assert page.table.item(row, 0).text() == "네이버 블로그 후기 이벤트"
    page.table.setCurrentCell(row, 0)
    page.remove_row()
    assert len(doc.project.actions) == len(before.actions)
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert doc.project == before


def test_language_switch_retranslates(qtbot):
    doc, language, page = open_example(qtbot, ActionsRoiPage)
    assert page.table.horizontalHeaderItem(0).text() == "실행 방법"
    language.set(Lang.EN)
    assert page.title() == "Actions and ROI"
    assert page.table.horizontalHeaderItem(0).text() == "Tactic"
    assert page.result_names["cpl"].text() == "Total cost per lead"  # not the ad-only KPI of that name


def test_gross_margin_and_assumptions_are_the_owners_to_change(qtbot):
    """ROI on revenue flattered the café (80 %); on margin it is close to nothing. The margin and
    the follower assumptions are visible with their source and editable; empty means the default."""
    doc, _language, page = open_example(qtbot, ActionsRoiPage, "cafe", Lang.KO)
    assert "기본값" in page.margin_source.text() or "계획" in page.margin_source.text()
    type_into(page.inputs["gross_margin"], "30")
    assert doc.project.roi.gross_margin == 0.3
    assert page.results["roi"].text() == f"{format_number(project_roi(doc.project).roi_percent, 1)}%"
    type_into(page.inputs["gross_margin"], "")
    assert doc.project.roi.gross_margin is None  # back to the industry default, said beside it
    type_into(page.inputs["organic_growth_per_post"], "3")
    assert doc.project.assumptions.organic_growth_per_post == 0.03
    assert "3%" in page.assumption_sources.text() or "3 %" in page.assumption_sources.text()
