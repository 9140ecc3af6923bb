"""What the plan shows about each KPI, whichever way it was chosen: from the catalog, made by the
owner, or named in a file by a catalog entry this version does not have.

Views, the PDF and the tracker read a ``KpiView`` and never the catalog itself, so every field the
view gives is what the owner sees (the "why", the vanity warning, the unit, whether a number is a
percent) or what the rules read (paid, audience, outcome, the natural range a forecast stays in).
Mutation testing found these fields unchecked outside the catalog's common path.
"""

from __future__ import annotations

from datetime import date, timedelta

from kpiwizard.core.catalog import load_catalog
from kpiwizard.core.enums import Direction, Frequency, KpiKind, Lang
from kpiwizard.core.kpiview import format_kpi_value, selection_from_catalog, view_kpi, view_kpis
from kpiwizard.core.models import CustomKpi, KpiSelection, Project
from kpiwizard.core.text import Text

START = date(2026, 1, 5)


def _plan(*kpis: KpiSelection, actuals: dict | None = None) -> Project:
    return Project(start=START, end=START + timedelta(83), kpis=list(kpis), actuals=actuals or {})


def test_a_catalog_kpi_shows_why_it_matters_and_its_vanity_warning_in_the_language_asked():
    catalog = load_catalog()
    likes, local = catalog.kpi("likes"), catalog.kpi("followers_local")
    project = _plan(KpiSelection(id="likes", catalog_id="likes"), KpiSelection(id="local", catalog_id="followers_local"))
    for lang in (Lang.KO, Lang.EN):
        shown_likes, shown_local = view_kpis(project, lang)
        assert shown_likes.name == likes.name.get(lang)
        assert shown_likes.why == likes.why.get(lang) != ""
        assert shown_likes.definition == likes.definition.get(lang) != ""
        assert shown_likes.vanity is True
        assert likes.vanity_reason is not None
        assert shown_likes.vanity_reason == likes.vanity_reason.get(lang) != ""
        # A KPI that is no vanity metric carries no warning at all: an empty text, shown as nothing.
        assert local.vanity_reason is None
        assert shown_local.vanity is False and shown_local.vanity_reason == ""
        assert shown_local.why == local.why.get(lang) != ""
    assert view_kpi(project, project.kpis[0], Lang.KO).why != view_kpi(project, project.kpis[0], Lang.EN).why


def test_a_kpi_whose_catalog_entry_this_version_lacks_is_shown_under_its_id_claiming_nothing():
    """A plan saved by a newer version (its catalog has a KPI this one does not) still opens: the KPI
    is named by its catalog id in both languages, keeps the unit typed in the plan, and is treated
    like a new custom KPI with nothing filled in: no definition, not a percent, no vanity warning,
    not paid, not an audience or outcome KPI, no monthly change limit and no natural range (its
    forecast is not held at a limit nobody knows)."""
    kpi = KpiSelection(id="tiktok_saves_2", catalog_id="tiktok_saves", unit="회", baseline=10, target=40,
                       frequency=Frequency.MONTHLY, owner="민지", weight=20)
    project = _plan(kpi)
    blank = CustomKpi(name="x")  # what a custom KPI is before the owner says anything about it
    for lang in (Lang.KO, Lang.EN):
        view = view_kpi(project, kpi, lang)
        assert (view.id, view.catalog_id, view.name) == ("tiktok_saves_2", "tiktok_saves", "tiktok_saves")
        assert view.names == Text(ko="tiktok_saves", en="tiktok_saves")
        assert (view.definition, view.formula, view.why, view.vanity_reason) == ("", "", "", "")
        assert view.unit == "회"
        assert view.percent is False and view.money is False
        assert (view.indicator, view.perspective, view.family, view.source) == (
            blank.indicator, blank.perspective, blank.family, blank.source)
        assert view.objective is None and view.goals == ()
        assert view.vanity is False and view.outcome is False
        assert view.audience is False and view.paid is False
        assert view.monthly_change_limit is None
        assert view.kind is KpiKind.RATE
        assert (view.natural_min, view.natural_max, view.natural_min_exclusive) == (None, None, False)
        # The owner's numbers and settings are the plan's, as for any KPI.
        assert (view.baseline, view.target, view.frequency, view.owner, view.weight) == (10, 40, Frequency.MONTHLY, "민지", 20)
        assert view.deadline == project.end and view.selection is kpi
        assert format_kpi_value(view, 25, lang, "KRW") == ("25회" if lang is Lang.KO else "25 회")


def _custom_plan(custom: CustomKpi, unit: str, values: list[float], **kw) -> tuple[Project, KpiSelection]:
    kpi = KpiSelection(id="c", custom=custom, unit=unit, **kw)
    return _plan(kpi, actuals={"c": {START + timedelta(7 * i): v for i, v in enumerate(values)}}), kpi


def test_a_custom_kpi_shows_what_the_owner_said_and_claims_nothing_the_owner_did_not():
    custom = CustomKpi(name="재방문 손님", definition="한 달에 두 번 이상 온 손님", formula="POS 집계", outcome=True)
    project, kpi = _custom_plan(custom, "명", [40, 42], baseline=38, target=60)
    view = view_kpi(project, kpi, Lang.EN)
    assert view.name == "재방문 손님" and view.names == Text(ko="재방문 손님", en="재방문 손님")
    assert (view.definition, view.formula) == ("한 달에 두 번 이상 온 손님", "POS 집계")
    assert view.why == "" and view.vanity_reason == ""  # the owner wrote none: nothing is made up
    assert view.outcome is True and view.vanity is False
    assert view.audience is False and view.paid is False
    assert view.monthly_change_limit is None and view.objective is None
    plain, _ = _custom_plan(CustomKpi(name="문의"), "건", [3])
    assert view_kpi(plain, plain.kpis[0]).outcome is False


def test_a_custom_percent_kpi_reads_its_kind_from_the_readings_recorded_too():
    """A custom '%' KPI is a share (0-100, forecasts held inside) unless the owner's numbers leave
    that range: a growth rate recorded at 150 % is a ratio, open at both ends, even when the
    baseline and target typed are inside 0-100."""
    growth = CustomKpi(name="월 성장률")
    inside, kpi = _custom_plan(growth, "%", [20, 35], baseline=10, target=50)
    view = view_kpi(inside, kpi)
    assert (view.kind, view.natural_min, view.natural_max) == (KpiKind.SHARE, 0.0, 100.0)
    beyond, kpi = _custom_plan(growth, "%", [20, 150], baseline=10, target=50)
    view = view_kpi(beyond, kpi)
    assert (view.kind, view.natural_min, view.natural_max) == (KpiKind.RATE, None, None)
    # Only this KPI's own readings count, not another KPI's.
    other = KpiSelection(id="other", custom=CustomKpi(name="다른 것"), unit="%")
    inside.kpis.append(other)
    inside.actuals["other"] = {START: 150}
    assert view_kpi(inside, kpi).kind is KpiKind.SHARE


def test_a_custom_percent_kpi_without_the_percent_sign_as_its_unit_is_still_shown_as_a_percent():
    """A file may mark a custom KPI as a percent and leave its unit empty (or the owner cleared the
    unit afterwards): its values still read '12.5%', not a bare '12.5'."""
    project, kpi = _custom_plan(CustomKpi(name="재구매율", percent=True), "", [12.5])
    for lang in (Lang.KO, Lang.EN):
        assert format_kpi_value(view_kpi(project, kpi, lang), 12.5, lang, "KRW") == "12.5%"
    project, kpi = _custom_plan(CustomKpi(name="재구매율"), "", [12.5])
    assert format_kpi_value(view_kpi(project, kpi, Lang.KO), 12.5, Lang.KO, "KRW") == "12.5"


def test_adding_the_same_catalog_kpi_again_numbers_the_copies_from_two():
    project = _plan()
    ids = []
    for _ in range(4):
        new = selection_from_catalog(project, "followers_local", Lang.KO)
        ids.append(new.id)
        project.kpis.append(new)
    assert ids == ["followers_local", "followers_local_2", "followers_local_3", "followers_local_4"]


def test_a_kpi_added_from_the_catalog_takes_its_unit_direction_and_how_often_it_is_read():
    project = _plan()
    catalog = load_catalog()
    complaints = catalog.kpi("complaint_resolution_rate")
    assert complaints.frequency is Frequency.MONTHLY  # not the weekly default of a new selection
    assert KpiSelection(id="x", catalog_id="x").frequency is Frequency.WEEKLY
    new = selection_from_catalog(project, "complaint_resolution_rate", Lang.EN)
    assert (new.id, new.catalog_id, new.unit, new.direction, new.frequency) == (
        "complaint_resolution_rate", "complaint_resolution_rate", "%", complaints.direction, Frequency.MONTHLY)
    response = selection_from_catalog(project, "response_time", Lang.EN)
    assert response.direction is Direction.LOWER
    assert response.unit == catalog.kpi("response_time").unit.en != catalog.kpi("response_time").unit.ko
