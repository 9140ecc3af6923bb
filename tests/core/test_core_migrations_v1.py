"""Opening a file of the prototype format (version 1): what each old spelling becomes, and the id
a plan saved before plans had one is given (the salt the calendar of those versions put in UIDs)."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kpiwizard.core.migrations import legacy_plan_id, migrate
from kpiwizard.core.models import Project
from kpiwizard.core.projectfile import load_project, loads_project
from kpiwizard.core.resources import resource_path

PROTOTYPE: dict[str, Any] = {
    "schema_version": 1,
    "title": "망원동 카페 봄",
    "business": {"name": "카페 봄", "channel": "Instagram", "followers": 820},
    "start": "2025-01-06",
    "end": "2025-03-30",
    "kpis": [
        {"id": "f", "catalog_id": "followers_local", "baseline": 820, "target": 1000, "direction": "up"},
        {"id": "rt", "catalog_id": "response_time", "baseline": 60, "target": 20, "direction": "down"},
        {"id": "er", "catalog_id": "engagement_rate", "band_low": 3, "band_high": 6, "direction": "band"},
        {"id": "p", "catalog_id": "posts_per_period", "baseline": 2, "target": 4, "direction": "higher"},
    ],
    "smart": {"what": "동네 팔로워", "metric": "rt", "direction": "down"},
    "actuals": [
        {"kpi": "f", "period": "2025-01-06", "value": 830},
        {"kpi": "rt", "period": "2025-01-06", "value": 55},
        {"kpi": "f", "period": "2025-01-13", "value": 845},
    ],
}


def opened(tmp_path: Path, data: dict[str, Any]) -> Project:
    path = tmp_path / "prototype.kpiwiz"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    loaded = load_project(path)
    assert loaded.migrated_from == 1
    assert path.read_bytes() == before
    return loaded.project


def test_a_prototype_file_opens_with_every_old_spelling_moved_forward(tmp_path):
    p = opened(tmp_path, PROTOTYPE)
    assert [(c.name, c.followers) for c in p.business.channels] == [("Instagram", 820)]
    assert [k.direction.value for k in p.kpis] == ["higher", "lower", "range", "higher"]
    assert p.smart.direction.value == "lower"
    assert p.actuals == {"f": {date(2025, 1, 6): 830, date(2025, 1, 13): 845}, "rt": {date(2025, 1, 6): 55}}
    assert p.schema_version == 2


def test_migrating_never_changes_the_data_it_was_given():
    data = copy.deepcopy(PROTOTYPE)
    out = migrate(data)
    assert data == PROTOTYPE
    assert out["schema_version"] == 2 and out is not data


def test_a_channel_without_followers_starts_at_zero_and_followers_without_a_channel_are_dropped(tmp_path):
    data = copy.deepcopy(PROTOTYPE)
    data["business"] = {"name": "카페 봄", "channel": "네이버 블로그"}
    assert [(c.name, c.followers) for c in opened(tmp_path, data).business.channels] == [("네이버 블로그", 0)]
    for business in ({"name": "카페 봄", "followers": 300}, {"name": "카페 봄", "channel": "", "followers": 300},
                     {"name": "카페 봄", "channel": None, "followers": 300}):
        data["business"] = business
        p = opened(tmp_path, data)
        assert p.business.channels == [] and p.business.name == "카페 봄"


def test_a_business_that_already_lists_its_channels_is_kept(tmp_path):
    data = copy.deepcopy(PROTOTYPE)
    data["business"] = {"name": "카페 봄", "channels": [{"name": "Instagram", "followers": 10}]}
    assert [(c.name, c.followers) for c in opened(tmp_path, data).business.channels] == [("Instagram", 10)]


def test_parts_the_prototype_could_leave_out(tmp_path):
    data = {"schema_version": 1, "start": "2025-01-06", "end": "2025-03-30", "kpis": None, "smart": None,
            "business": None}
    out = migrate(data)
    assert out == {**data, "schema_version": 2}
    bare = {"schema_version": 1, "start": "2025-01-06", "end": "2025-03-30"}
    assert migrate(bare) == {**bare, "schema_version": 2}
    p = opened(tmp_path, {**bare, "actuals": {"f": {"2025-01-06": 3}},
                          "kpis": [{"id": "f", "catalog_id": "followers_local"}]})
    assert p.actuals == {"f": {date(2025, 1, 6): 3}}


def test_an_unknown_direction_is_left_for_the_models_to_name(tmp_path):
    data = copy.deepcopy(PROTOTYPE)
    data["kpis"][0]["direction"] = "sideways"
    out = migrate(data)
    assert [k["direction"] for k in out["kpis"]] == ["sideways", "lower", "range", "higher"]
    data["smart"]["direction"] = "flat"
    assert migrate(data)["smart"]["direction"] == "flat"


def test_a_later_record_of_the_same_period_wins():
    data = copy.deepcopy(PROTOTYPE)
    data["actuals"].append({"kpi": "f", "period": "2025-01-06", "value": 833})
    assert migrate(data)["actuals"]["f"] == {"2025-01-06": 833, "2025-01-13": 845}


# -- the id of a plan saved before plans had one -------------------------------------------------

CAFE = resource_path("examples", "cafe.kpiwiz").read_text(encoding="utf-8")


def plan(title: str, name: str = "카페 봄") -> Project:
    return Project(title=title, business={"name": name}, start=date(2026, 1, 5), end=date(2026, 3, 29))


@pytest.mark.parametrize(("title", "name", "uid_salt"), [
    ("망원동 카페 봄 — 평일 오후 손님 늘리기", "카페 봄", "b94db239b338"),
    ("", "카페 봄", "3f12f488f0da"),  # no title: the shop's name
    ("", "", "1c658021f2d2"),  # neither: "KPI"
    ("\n\r\n", "카페 봄", "1c658021f2d2"),  # a title of line breaks only is no title, and not the shop's name
    ("  카페 봄\r\n봄\u2028\u2029여름 ", "x", "5b6f23e0c645"),  # each run of breaks is one space, ends trimmed
    ("카페 봄\x85봄\n여름", "x", "5b6f23e0c645"),
    ("\t봄", "x", "16ba459920b6"),  # only spaces are trimmed
    ("X-Cafe X", "x", "670fb17bd153"),  # nothing but spaces: an X at either end stays
])
def test_the_legacy_id_is_the_salt_the_old_calendar_put_in_its_uids(title, name, uid_salt):
    assert legacy_plan_id(plan(title, name)) == uid_salt


def test_the_cafe_example_saved_without_an_id_gets_its_old_calendar_salt():
    assert loads_project(CAFE).id == "b94db239b338"


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d.update(kpis=["followers_local"]),
     "The project file's field 'kpis[0]' must be an object ({ ... }) (got 'followers_local')."),
    (lambda d: d.update(smart="동네 팔로워"), "The project file's field 'smart' must be an object ({ ... }) (got '동네 팔로워')."),
    (lambda d: d.update(business="카페 봄"), "The project file's field 'business' must be an object ({ ... }) (got '카페 봄')."),
], ids=["a KPI as its name", "the goal as a sentence", "the business as its name"])
def test_a_prototype_part_of_the_wrong_shape_is_named_after_migrating(tmp_path, edit, message):
    from kpiwizard.core.errors import ProjectFileError

    data = copy.deepcopy(PROTOTYPE)
    data["smart"]["metric"] = None
    edit(data)
    path = tmp_path / "prototype.kpiwiz"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    assert info.value.message("en") == message
