"""The catalog's own consistency, as a catalog maintainer meets it when editing catalog.json.

Each case starts from the shipped catalog, makes one mistake a maintainer could make (a KPI id used
twice, a typo in an objective, an alternative or a preset, a combination left without a preset, a
business preset that repeats a KPI) and reads the reason the catalog is refused with. The shipped
catalog itself, and a business preset covering only some combinations, are accepted.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import ValidationError

from kpiwizard.core.catalog import Catalog
from kpiwizard.core.resources import resource_path

SHIPPED: dict[str, Any] = json.loads(resource_path("catalog", "catalog.json").read_text(encoding="utf-8"))


def catalog() -> dict[str, Any]:
    return copy.deepcopy(SHIPPED)


def reason(data: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as info:
        Catalog.model_validate(data)
    (error,) = info.value.errors()
    assert error["type"] == "value_error" and error["loc"] == ()
    return str(error["ctx"]["error"])


def kpi(data: dict[str, Any], kid: str) -> dict[str, Any]:
    return next(k for k in data["kpis"] if k["id"] == kid)


def local_shop(data: dict[str, Any]) -> dict[str, Any]:
    return next(bp for bp in data["business_presets"] if bp["id"] == "local_shop")


CASES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "a KPI id used twice": (
        lambda d: d["kpis"].append(copy.deepcopy(kpi(d, "reach"))), "duplicate KPI ids in catalog"),
    "an objective driving one that does not exist": (
        lambda d: d["objectives"][1]["drives"].append("valuable_result"),
        "objective personal_interaction drives unknown valuable_result"),
    "a KPI under an objective that does not exist": (
        lambda d: kpi(d, "reach").update(objective="engaging_contents"), "reach: unknown objective engaging_contents"),
    "an alternative that is not a KPI": (
        lambda d: kpi(d, "reach")["alternatives"].append("reach_locals"), "reach: unknown alternative reach_locals"),
    "a social goal with no presets at all": (
        lambda d: d["presets"].pop("customer_service"), "no preset for customer_service/focus"),
    "one combination without a preset": (
        lambda d: d["presets"]["engagement"].pop("upsell"), "no preset for engagement/upsell"),
    "one combination with an empty preset": (
        lambda d: d["presets"]["engagement"].update(upsell=[]), "no preset for engagement/upsell"),
    "a preset naming a KPI that does not exist": (
        lambda d: d["presets"]["awareness"]["switch"].append("reach_locals"),
        "preset awareness/switch: unknown KPI reach_locals"),
    "a business preset naming a KPI that does not exist": (
        lambda d: local_shop(d)["kpis"]["awareness"]["focus"].append("reach_locals"),
        "preset local_shop awareness/focus: empty, repeated or unknown ['reach_locals']"),
    "a business preset repeating a KPI": (
        lambda d: local_shop(d)["kpis"]["leads_sales"]["switch"].append(local_shop(d)["kpis"]["leads_sales"]["switch"][0]),
        "preset local_shop leads_sales/switch: empty, repeated or unknown []"),
    "an empty business preset": (
        lambda d: local_shop(d)["kpis"]["awareness"].update(switch=[]),
        "preset local_shop awareness/switch: empty, repeated or unknown []"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_broken_catalog_is_refused_with_its_reason(case):
    edit, expected = CASES[case]
    data = catalog()
    edit(data)
    assert reason(data) == expected


def test_the_shipped_catalog_with_a_business_preset_for_some_combinations_only_is_accepted():
    shop = local_shop(SHIPPED)["kpis"]
    assert sorted(shop) == ["awareness", "leads_sales"] and sorted(shop["awareness"]) == ["focus", "switch"]
    loaded = Catalog.model_validate(catalog())
    assert len(loaded.kpis) == len(SHIPPED["kpis"])


def test_a_business_preset_of_one_known_kpi_is_accepted():
    data = catalog()
    local_shop(data)["kpis"]["awareness"]["switch"] = ["reach"]
    assert Catalog.model_validate(data).kpi("reach").id == "reach"


def test_asking_for_a_kpi_the_catalog_does_not_have_names_it():
    with pytest.raises(KeyError) as info:
        Catalog.model_validate(catalog()).kpi("reach_locals")
    assert info.value.args == ("reach_locals",)
