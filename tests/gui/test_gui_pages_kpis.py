"""KPI page: preset pre-selected for goal x objective, bilingual catalog search, add/remove, custom."""

from kpiwizard.core.catalog import load_catalog
from kpiwizard.core.enums import Family, Indicator, Lang, SocialGoal, StrategicObjective
from kpiwizard.gui.document import new_project
from kpiwizard.gui.pages.kpis import KpisPage
from kpiwizard.gui.qt import Qt

from gui_pages_helpers import open_example, open_project


def blank(goal, objective, lang=Lang.KO):
    project = new_project(lang)
    project.business_goal.social_goal = goal
    project.business_goal.objective = objective
    return project


def test_preset_is_offered_ranked_and_pre_selected_when_the_plan_has_no_kpis(qtbot):
    catalog = load_catalog()
    for goal, objective in ((SocialGoal.LEADS_SALES, StrategicObjective.FOCUS),
                            (SocialGoal.AWARENESS, StrategicObjective.SWITCH)):
        doc, _lang, page = open_project(qtbot, KpisPage, blank(goal, objective))
        expected = [k.id for k in catalog.preset(goal, objective)]
        items = [page.preset_list.item(i) for i in range(page.preset_list.count())]
        assert [i.data(Qt.ItemDataRole.UserRole) for i in items] == expected
        assert items[0].text().startswith("1. ")
        assert page.checked_preset() == expected
        assert page.isComplete()
        # going on accepts the checked recommendations, in rank order, as one undoable step
        assert page.validatePage()
        assert [k.catalog_id for k in doc.project.kpis] == expected
        doc.undo_stack.undo()
        assert doc.project.kpis == []


def test_unticked_recommendation_is_left_out(qtbot):
    doc, _lang, page = open_project(qtbot, KpisPage, blank(SocialGoal.ENGAGEMENT, StrategicObjective.UPSELL))
    page.preset_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    page.add_preset()
    expected = [k.id for k in load_catalog().preset(SocialGoal.ENGAGEMENT, StrategicObjective.UPSELL)][1:]
    assert [k.catalog_id for k in doc.project.kpis] == expected


def test_catalog_search_in_korean_and_english_and_filters(qtbot):
    catalog = load_catalog()
    _doc, _lang, page = open_example(qtbot, KpisPage)
    page.search.setText("팔로워")
    ko = page.result_ids()
    assert ko and ko == [k.id for k in catalog.search("팔로워")]
    page.search.setText("follower")
    assert page.result_ids() == [k.id for k in catalog.search("follower")]
    assert set(ko) & set(page.result_ids())
    page.search.setText("")
    page.family_filter.set_value(Family.CONVERSION)
    page.indicator_filter.set_value(Indicator.LAGGING)
    assert page.result_ids() == [k.id for k in catalog.search(family=Family.CONVERSION, indicator=Indicator.LAGGING)]


def test_details_show_definition_formula_source_and_vanity_warning(qtbot):
    catalog = load_catalog()
    vanity = next(k for k in catalog.kpis if k.vanity)
    _doc, _lang, page = open_example(qtbot, KpisPage, "b2b-ebook", Lang.EN)
    page.search.setText(vanity.name.en)
    item = next(page.results.item(i) for i in range(page.results.count())
                if page.results.item(i).data(Qt.ItemDataRole.UserRole) == vanity.id)
    page.results.setCurrentItem(item)
    shown = page.details.text()
    assert vanity.definition.en in shown and vanity.formula.en in shown
    assert vanity.vanity_reason.en in shown and "Vanity metric" in shown
    assert vanity.definition.en in item.toolTip()


def test_add_and_remove_a_catalog_kpi_with_undo(qtbot):
    doc, _lang, page = open_example(qtbot, KpisPage)
    before = doc.project
    page.search.setText("도달")
    page.results.setCurrentRow(0)
    added_id = page.result_ids()[0]
    page.add_selected()
    assert doc.project.kpis[-1].catalog_id == added_id
    assert page.chosen.count() == len(before.kpis) + 1
    doc.undo_stack.undo()
    assert doc.project == before
    # removing the SMART goal's metric also clears its links and actuals; undo restores them all
    page.chosen.setCurrentRow(0)
    page.remove_selected()
    assert "coupon_visits" not in {k.id for k in doc.project.kpis}
    assert doc.project.smart.metric is None and "coupon_visits" not in doc.project.actuals
    doc.undo_stack.undo()
    assert doc.project == before


def test_custom_kpi_is_added_and_an_empty_name_is_refused(qtbot):
    doc, _lang, page = open_example(qtbot, KpisPage)
    before = doc.project
    page.add_custom()
    assert doc.project == before
    assert not page.custom_error.isHidden() and "비어 있으면 안 됩니다" in page.custom_error.text()
    page.custom_fields["name"].setText("네이버 예약 건수")
    page.custom_fields["unit"].setText("건")
    page.add_custom()
    new = doc.project.kpis[-1]
    assert new.custom is not None and new.custom.name == "네이버 예약 건수" and new.unit == "건"
    assert page.custom_error.isHidden()


def test_language_switch_retranslates(qtbot):
    doc, language, page = open_example(qtbot, KpisPage)
    assert page.title() == "KPI 고르기"
    assert "집중" in page.preset_box.title()
    language.set(Lang.EN)
    assert page.title() == "Choose KPIs"
    assert "Focus" in page.preset_box.title()
    names = {page.chosen.item(i).text().split("  ")[0] for i in range(page.chosen.count())}
    assert "Local followers" in names
