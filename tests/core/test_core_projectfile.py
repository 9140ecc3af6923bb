"""Project files: round trip, migration, and refusal of bad files without touching them."""

import json
from pathlib import Path

import pytest

from kpiwizard.core.errors import ProjectFileError
from kpiwizard.core.examples import examples, find_example
from kpiwizard.core.models import SCHEMA_VERSION
from kpiwizard.core.projectfile import backup_path, dumps_project, load_project, save_project


@pytest.fixture
def cafe_file(tmp_path) -> Path:
    path = tmp_path / "cafe.kpiwiz"
    save_project(path, find_example("cafe").load())
    return path


def test_every_example_round_trips_exactly(tmp_path):
    for e in examples():
        project = e.load()
        path = tmp_path / f"{e.name}.kpiwiz"
        save_project(path, project)
        assert load_project(path).project == project


def test_the_file_is_human_readable_utf8_json(cafe_file):
    text = cafe_file.read_text(encoding="utf-8")
    assert "카페 봄" in text  # Korean stays Korean, not \\uXXXX
    assert text.startswith("{\n  \"schema_version\": 2")
    assert json.loads(text)["schema_version"] == SCHEMA_VERSION


def refused(path: Path, *needles: str) -> ProjectFileError:
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    if before is not None:
        assert path.read_bytes() == before
    message = info.value.message("en") + " " + info.value.message("ko")
    for needle in needles:
        assert needle in message, message
    assert "Traceback" not in message
    return info.value


def write(tmp_path, data, name="bad.kpiwiz") -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_empty_file(tmp_path):
    refused(write(tmp_path, b""), "empty", "비어")


def test_truncated_file(tmp_path, cafe_file):
    data = cafe_file.read_bytes()
    refused(write(tmp_path, data[: len(data) // 2]), "not valid JSON", "line")


def test_not_json(tmp_path):
    refused(write(tmp_path, "hello"), "JSON")


def test_wrong_shape(tmp_path):
    refused(write(tmp_path, "[1, 2]"), "JSON object")
    refused(write(tmp_path, '{"a": 1}'), "schema_version")


def test_negative_followers_names_the_field(tmp_path, cafe_file):
    data = json.loads(cafe_file.read_text(encoding="utf-8"))
    data["business"]["channels"][0]["followers"] = -5
    refused(write(tmp_path, json.dumps(data)), "business.channels[0].followers", "at least 0", "0 이상")


def test_nan_and_infinity_are_refused(tmp_path, cafe_file):
    text = cafe_file.read_text(encoding="utf-8").replace('"baseline": 10.0', '"baseline": NaN', 1)
    refused(write(tmp_path, text), "NaN")
    text = cafe_file.read_text(encoding="utf-8").replace('"baseline": 10.0', '"baseline": 1e400', 1)
    refused(write(tmp_path, text), "too large")


def test_absurd_magnitudes_name_the_field(tmp_path, cafe_file):
    data = json.loads(cafe_file.read_text(encoding="utf-8"))
    data["kpis"][0]["target"] = 1e300
    refused(write(tmp_path, json.dumps(data)), "kpis[0].target")


def test_unknown_key_is_named(tmp_path, cafe_file):
    data = json.loads(cafe_file.read_text(encoding="utf-8"))
    data["kpis"][1]["targte"] = 5
    refused(write(tmp_path, json.dumps(data)), "kpis[1].targte", "not a known field")


def test_wrong_type_is_named(tmp_path, cafe_file):
    data = json.loads(cafe_file.read_text(encoding="utf-8"))
    data["start"] = "next monday"
    refused(write(tmp_path, json.dumps(data)), "'start'", "YYYY-MM-DD")


def test_dangling_reference_is_refused(tmp_path, cafe_file):
    data = json.loads(cafe_file.read_text(encoding="utf-8"))
    data["actions"][0]["kpi"] = "nope"
    refused(write(tmp_path, json.dumps(data)), "actions[0].kpi", "nope")


def test_a_newer_version_is_refused_with_advice(tmp_path, cafe_file):
    data = json.loads(cafe_file.read_text(encoding="utf-8"))
    data["schema_version"] = SCHEMA_VERSION + 1
    refused(write(tmp_path, json.dumps(data)), "newer KPI Wizard", "업데이트")


def test_utf16_and_latin1_are_refused_but_a_bom_is_fine(tmp_path, cafe_file):
    text = cafe_file.read_text(encoding="utf-8")
    refused(write(tmp_path, text.encode("utf-16")), "UTF-16")
    refused(write(tmp_path, text.encode("cp949", errors="replace")), "UTF-8")
    bom = write(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"), "bom.kpiwiz")
    assert load_project(bom).project.business.name == "카페 봄"


def test_deep_nesting_is_refused(tmp_path):
    refused(write(tmp_path, "[" * 100000 + "]" * 100000), "nested too deeply")


def test_a_folder_or_a_missing_file(tmp_path):
    refused(tmp_path, "folder")
    refused(tmp_path / "missing.kpiwiz", "does not exist")


V1 = {
    "schema_version": 1,
    "title": "prototype",
    "business": {"name": "Old shop", "channel": "Instagram", "followers": 250},
    "start": "2025-01-01",
    "end": "2025-03-31",
    "kpis": [{"id": "f", "catalog_id": "followers", "baseline": 250, "target": 300, "direction": "up"},
             {"id": "rt", "catalog_id": "response_time", "baseline": 60, "target": 20, "direction": "down"}],
    "smart": {"what": "followers", "metric": "f", "direction": "up"},
    "actuals": [{"kpi": "f", "period": "2025-01-01", "value": 260}],
}


def test_version_1_migrates_forward(tmp_path):
    path = write(tmp_path, json.dumps(V1), "old.kpiwiz")
    before = path.read_bytes()
    loaded = load_project(path)
    assert loaded.migrated_from == 1
    p = loaded.project
    assert p.business.channels[0].name == "Instagram" and p.business.channels[0].followers == 250
    assert p.kpi("rt").direction.value == "lower"
    assert p.actuals["f"] == {__import__("datetime").date(2025, 1, 1): 260}
    assert path.read_bytes() == before  # opening never rewrites


def test_saving_a_migrated_file_keeps_a_backup_of_the_old_one(tmp_path):
    path = write(tmp_path, json.dumps(V1), "old.kpiwiz")
    before = path.read_bytes()
    project = load_project(path).project
    backup = save_project(path, project)
    assert backup == backup_path(path, 1) and backup.read_bytes() == before
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION
    assert save_project(path, project) is None  # already current: no new backup


def test_save_writes_atomically_and_leaves_no_temp_files(tmp_path, cafe_file):
    project = load_project(cafe_file).project
    project.notes = "바뀐 메모"
    save_project(cafe_file, project)
    assert load_project(cafe_file).project.notes == "바뀐 메모"
    assert [p.name for p in tmp_path.iterdir()] == ["cafe.kpiwiz"]


def test_failed_save_keeps_the_old_file(tmp_path, cafe_file, monkeypatch):
    import os

    before = cafe_file.read_bytes()

    def no_space(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    project = load_project(cafe_file).project
    project.notes = "lost?"
    with pytest.raises(ProjectFileError) as info:
        save_project(cafe_file, project)
    assert "disk is full" in info.value.message("en")
    assert cafe_file.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["cafe.kpiwiz"]


def test_dumps_is_stable():
    p = find_example("pizzeria").load()
    assert dumps_project(p) == dumps_project(p.model_copy(deep=True))
