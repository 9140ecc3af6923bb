"""What the owner reads when a file cannot be opened or saved, word for word in both languages.

Opening: a folder, a pipe, a file too large, a missing or unreadable file, an empty one, another
encoding, damaged JSON, numbers no plan holds, a file of another program or of a newer or unknown
format. Saving: a full disk, a folder without permission or gone, any other failure. Each limit is
tested on both sides, and a file refused is left exactly as it was.
"""

from __future__ import annotations

import copy
import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from kpiwizard.core import projectfile
from kpiwizard.core.errors import ProjectFileError
from kpiwizard.core.migrations import legacy_plan_id
from kpiwizard.core.models import SCHEMA_VERSION
from kpiwizard.core.projectfile import (
    MAX_FILE_BYTES,
    backup_path,
    load_project,
    loads_project,
    save_project,
    write_file,
)
from kpiwizard.core.resources import resource_path

CAFE_TEXT = resource_path("examples", "cafe.kpiwiz").read_text(encoding="utf-8")
CAFE: dict[str, Any] = json.loads(CAFE_TEXT)


def cafe() -> dict[str, Any]:
    return copy.deepcopy(CAFE)


def opening(path: Path) -> tuple[str, str]:
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    if before is not None:
        assert path.read_bytes() == before
    return info.value.message("ko"), info.value.message("en")


def file_with(tmp_path: Path, content: bytes | str | dict[str, Any], name: str = "봄.kpiwiz") -> Path:
    path = tmp_path / name
    if isinstance(content, dict):
        content = json.dumps(content, ensure_ascii=False, indent=2)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


# -- what is at the path ------------------------------------------------------------------------

def test_a_folder_is_not_a_file(tmp_path):
    for name, particle in (("카페 봄", "은"), ("카페", "는")):
        folder = tmp_path / name
        folder.mkdir()
        assert opening(folder) == (f"'{folder}'{particle} 파일이 아니라 폴더입니다.", f"'{folder}' is a folder, not a file.")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_refused_without_waiting_for_it(tmp_path):
    pipe = tmp_path / "봄"
    os.mkfifo(pipe)
    assert opening(pipe) == (f"'{pipe}'은 일반 파일이 아닙니다(파이프나 장치).",
                             f"'{pipe}' is not a regular file (a pipe or a device).")


def test_a_file_over_50_mb_is_refused_before_reading_it(tmp_path):
    big = tmp_path / "영상.mp4"
    with open(big, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    assert opening(big) == ("'영상.mp4' 파일이 너무 큽니다(50 MB). 프로젝트 파일이 아닌 것 같습니다.",
                            "'영상.mp4' is too large (50 MB) to be a project file.")
    with open(big, "r+b") as f:  # exactly 50 MB is read, and found to be no text
        f.truncate(MAX_FILE_BYTES)
    assert opening(big) == ("'영상.mp4' 파일이 UTF-16으로 저장되어 있습니다. UTF-8로 저장해 주세요.",
                            "The file '영상.mp4' is saved as UTF-16; save it as UTF-8.")


def test_the_size_is_said_in_whole_megabytes(tmp_path):
    big = tmp_path / "backup.zip"
    with open(big, "wb") as f:
        f.truncate(53 * 1_048_576 - 1)  # 52.99... MB
    assert opening(big)[1] == "'backup.zip' is too large (52 MB) to be a project file."


def test_a_missing_file(tmp_path):
    path = tmp_path / "없는 파일.kpiwiz"
    assert opening(path) == (f"'{path}' 파일을 찾을 수 없습니다.", f"The file '{path}' does not exist.")


@pytest.mark.parametrize(("error", "ko_reason", "en_reason"), [
    (OSError(errno.EIO, "Input/output error"), "Input/output error", "Input/output error"),
    (OSError("the disk went away"), "the disk went away", "the disk went away"),
])
def test_a_file_that_cannot_be_read(tmp_path, monkeypatch, error, ko_reason, en_reason):
    path = file_with(tmp_path, CAFE_TEXT)

    def fails(self):
        raise error

    monkeypatch.setattr(Path, "read_bytes", fails)
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    assert (info.value.message("ko"), info.value.message("en")) == (
        f"'{path}' 파일을 읽을 수 없습니다: {ko_reason}", f"Cannot read '{path}': {en_reason}")


def test_a_file_without_permission_to_read(tmp_path, monkeypatch):
    path = file_with(tmp_path, CAFE_TEXT)

    def denied(self):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    assert (info.value.message("ko"), info.value.message("en")) == (
        f"'{path}' 파일을 읽을 권한이 없습니다.", f"No permission to read '{path}'.")


# -- what the bytes hold ------------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"  \r\n\t\n"], ids=["empty", "only blank lines"])
def test_an_empty_file(tmp_path, content):
    assert opening(file_with(tmp_path, content)) == ("'봄.kpiwiz' 파일이 비어 있습니다.", "The file '봄.kpiwiz' is empty.")


def test_text_pasted_without_a_file_name_is_told_without_one():
    with pytest.raises(ProjectFileError) as info:
        loads_project("   ")
    assert (info.value.message("ko"), info.value.message("en")) == ("파일이 비어 있습니다.", "The file is empty.")
    with pytest.raises(ProjectFileError) as info:
        loads_project('{"schema_version": 2,')
    assert info.value.message("en") == "The file is not valid JSON (line 1, column 22: truncated or damaged)."


def test_a_bom_as_notepad_writes_it_is_harmless(tmp_path):
    assert load_project(file_with(tmp_path, b"\xef\xbb\xbf" + CAFE_TEXT.encode())).project.business.name == "카페 봄"
    assert loads_project(b"\xef\xbb\xbf" + CAFE_TEXT.encode()).business.name == "카페 봄"


@pytest.mark.parametrize("content", [
    "\ufeff{}".encode("utf-16-le"), "\ufeff{}".encode("utf-16-be"), '{"a": 1}'.encode("utf-16-le"),
    '{"a": 1}'.encode("utf-16-be"), b"{}\x00\x00", "\ufeff메모".encode("utf-16-le"), "\ufeff메모".encode("utf-16-be"),
], ids=["LE with BOM", "BE with BOM", "LE without BOM", "BE without BOM", "a zero in the 4th byte",
        "a Korean note, LE", "a Korean note, BE"])
def test_utf16_is_named(tmp_path, content):
    assert opening(file_with(tmp_path, content)) == (
        "'봄.kpiwiz' 파일이 UTF-16으로 저장되어 있습니다. UTF-8로 저장해 주세요.",
        "The file '봄.kpiwiz' is saved as UTF-16; save it as UTF-8.")


def test_a_zero_after_the_4th_byte_is_only_bad_json(tmp_path):
    assert opening(file_with(tmp_path, b'{"a"\x00: 1}'))[1] == (
        "The file '봄.kpiwiz' is not valid JSON (line 1, column 5: truncated or damaged).")


def test_another_encoding_names_the_first_bad_byte(tmp_path):
    content = '{"title": "Café Bom"}'.encode("latin-1")
    assert opening(file_with(tmp_path, content)) == (
        "'봄.kpiwiz' 파일이 UTF-8 문자열이 아닙니다(14번째 바이트). 프로젝트 파일이 아니거나 손상되었습니다.",
        "The file '봄.kpiwiz' is not UTF-8 text (byte 14); it is not a project file or it is damaged.")


def test_a_truncated_file_names_the_line_and_column(tmp_path):
    text = CAFE_TEXT[: CAFE_TEXT.index('"start"') + 9]
    line = text.count("\n") + 1
    column = len(text) - text.rindex("\n")
    assert opening(file_with(tmp_path, text)) == (
        f"'봄.kpiwiz' 파일이 올바른 JSON이 아닙니다({line}행 {column}열: 잘렸거나 손상되었습니다).",
        f"The file '봄.kpiwiz' is not valid JSON (line {line}, column {column}: truncated or damaged).")


HUGE = ("'봄.kpiwiz' 파일에 NaN, 무한대 또는 너무 큰 숫자가 있습니다.",
        "The file '봄.kpiwiz' holds NaN, Infinity or a number too large to be real.")


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1" * 41, "-" + "1" * 41])
def test_numbers_no_plan_holds_are_refused(tmp_path, number):
    text = CAFE_TEXT.replace('"url": ""', f'"url": {number}', 1)
    assert text != CAFE_TEXT
    assert opening(file_with(tmp_path, text)) == HUGE


@pytest.mark.parametrize("number", ["1" * 40, "-" + "1" * 40])
def test_a_number_of_40_digits_is_read_and_then_named_where_it_is(tmp_path, number):
    text = CAFE_TEXT.replace('"reminder_hour": 9', f'"reminder_hour": {number}', 1)
    assert text != CAFE_TEXT
    limit = ("23 이하여야", "at most 23") if number[0] == "1" else ("0 이상이어야", "at least 0")
    assert opening(file_with(tmp_path, text)) == (
        f"프로젝트 파일의 'review.reminder_hour' 필드가 잘못되었습니다: {limit[0]} 합니다 (입력값: {number}).",
        f"The project file's field 'review.reminder_hour' must be {limit[1]} (got {number}).")


def test_a_whole_number_too_large_for_an_integer_field(tmp_path):
    text = CAFE_TEXT.replace('"reminder_hour": 9', '"reminder_hour": 1e300', 1)
    assert opening(file_with(tmp_path, text)) == (
        "프로젝트 파일의 'review.reminder_hour' 필드가 잘못되었습니다: 정수로 다루기에 너무 큰 수입니다 (입력값: 1e+300).",
        "The project file's field 'review.reminder_hour' is too large a number to be a whole number (got 1e+300).")


def test_nesting_deeper_than_python_can_follow(tmp_path):
    assert opening(file_with(tmp_path, "[" * 100_000 + "]" * 100_000)) == (
        "'봄.kpiwiz' 파일의 중첩이 너무 깊습니다. 프로젝트 파일이 아닙니다.",
        "The file '봄.kpiwiz' is nested too deeply to be a project file.")


# -- what the JSON holds ------------------------------------------------------------------------

NOT_OURS = ("'schema_version' 필드가 없거나 정수가 아닙니다. KPI 마법사 프로젝트 파일이 아닙니다.",
            "The field 'schema_version' is missing or not a whole number: this is not a KPI Wizard project file.")


@pytest.mark.parametrize("content", ["[1, 2]", '"a plan"', "42", "null"])
def test_json_that_is_not_an_object(tmp_path, content):
    assert opening(file_with(tmp_path, content)) == (
        "프로젝트 파일은 JSON 객체({ ... })여야 합니다.", "A project file must hold a JSON object ({ ... }).")


@pytest.mark.parametrize("version", [None, "2", True, 2.5, [2]], ids=["missing", "text", "true", "2.5", "list"])
def test_a_file_without_a_whole_schema_version_is_not_ours(tmp_path, version):
    data = cafe()
    if version is None:
        del data["schema_version"]
    else:
        data["schema_version"] = version
    assert opening(file_with(tmp_path, data)) == NOT_OURS


def test_a_version_written_as_2_point_0_is_version_2(tmp_path):
    data = cafe()
    data["schema_version"] = 2.0
    loaded = load_project(file_with(tmp_path, data))
    assert loaded.migrated_from is None and loaded.project.schema_version == SCHEMA_VERSION


def test_a_newer_format_asks_for_an_update(tmp_path):
    data = cafe()
    data["schema_version"] = SCHEMA_VERSION + 1
    assert opening(file_with(tmp_path, data)) == (
        f"이 파일은 더 새 버전의 KPI 마법사(파일 형식 {SCHEMA_VERSION + 1})로 저장되었습니다. "
        f"이 프로그램은 형식 {SCHEMA_VERSION}까지 읽습니다. 프로그램을 업데이트하세요.",
        f"This file was saved by a newer KPI Wizard (file format {SCHEMA_VERSION + 1}); "
        f"this program reads up to format {SCHEMA_VERSION}. Update the program.")


@pytest.mark.parametrize(("version", "ko"), [(0, "'schema_version' 0은"), (-2, "'schema_version' -2는")])
def test_a_format_below_1_is_unknown(tmp_path, version, ko):
    data = cafe()
    data["schema_version"] = version
    assert opening(file_with(tmp_path, data)) == (
        f"{ko} 알 수 없는 형식입니다.", f"'schema_version' {version} is not a known format.")


def test_a_damaged_old_format_file_cannot_be_converted(tmp_path):
    old = {"schema_version": 1, "start": "2025-01-01", "end": "2025-03-31", "actuals": [{"kpi": "f"}]}
    assert opening(file_with(tmp_path, old)) == (
        "형식 1의 파일을 변환할 수 없습니다. 파일 구조가 손상되었습니다.",
        "The format 1 file cannot be converted; its structure is damaged.")


def test_a_refusal_of_a_migrated_file_names_the_field(tmp_path):
    old = {"schema_version": 1, "business": {"name": "Old shop", "channel": "Instagram", "followers": -3},
           "start": "2025-01-01", "end": "2025-03-31"}
    assert opening(file_with(tmp_path, old)) == (
        "프로젝트 파일의 'business.channels[0].followers' 필드가 잘못되었습니다: 0 이상이어야 합니다 (입력값: -3).",
        "The project file's field 'business.channels[0].followers' must be at least 0 (got -3).")


def test_a_plan_saved_before_plans_had_an_id_gets_its_legacy_one_and_keeps_an_id_it_has(tmp_path):
    assert "id" not in CAFE
    project = load_project(file_with(tmp_path, CAFE_TEXT)).project
    assert project.id == legacy_plan_id(project)
    data = cafe()
    data["id"] = "cafe-bom-2026"
    assert load_project(file_with(tmp_path, data, "with-id.kpiwiz")).project.id == "cafe-bom-2026"


def test_opening_says_which_format_was_migrated(tmp_path):
    old = {"schema_version": 1, "start": "2025-01-01", "end": "2025-03-31"}
    assert load_project(file_with(tmp_path, old)).migrated_from == 1
    assert load_project(file_with(tmp_path, CAFE_TEXT, "now.kpiwiz")).migrated_from is None


# -- saving -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("error", "ko", "en"), [
    (OSError(errno.ENOSPC, "No space left on device"),
     "디스크 공간이 부족해 '봄.kpiwiz'를 저장하지 못했습니다. 기존 파일은 그대로입니다.",
     "The disk is full: '봄.kpiwiz' was not saved. The existing file is unchanged."),
    (PermissionError(errno.EACCES, "Permission denied"),
     "'{folder}' 폴더에 쓸 권한이 없어 저장하지 못했습니다. 다른 폴더를 고르세요.",
     "No permission to write in '{folder}'. Choose another folder."),
    (OSError(errno.EACCES, "Permission denied"),
     "'{folder}' 폴더에 쓸 권한이 없어 저장하지 못했습니다. 다른 폴더를 고르세요.",
     "No permission to write in '{folder}'. Choose another folder."),
    (OSError(errno.EPERM, "Operation not permitted"),
     "'{folder}' 폴더에 쓸 권한이 없어 저장하지 못했습니다. 다른 폴더를 고르세요.",
     "No permission to write in '{folder}'. Choose another folder."),
    (OSError(errno.EROFS, "Read-only file system"),
     "'{folder}' 폴더에 쓸 권한이 없어 저장하지 못했습니다. 다른 폴더를 고르세요.",
     "No permission to write in '{folder}'. Choose another folder."),
    (FileNotFoundError(errno.ENOENT, "No such file or directory"),
     "'{folder}' 폴더가 없습니다. 다른 위치에 저장하세요.",
     "The folder '{folder}' does not exist. Save somewhere else."),
    (OSError(errno.EIO, "Input/output error"),
     "'봄.kpiwiz'를 저장하지 못했습니다: Input/output error. 기존 파일은 그대로입니다.",
     "Could not save '봄.kpiwiz': Input/output error. The existing file is unchanged."),
    (OSError("the USB stick was pulled"),
     "'봄.kpiwiz'를 저장하지 못했습니다: the USB stick was pulled. 기존 파일은 그대로입니다.",
     "Could not save '봄.kpiwiz': the USB stick was pulled. The existing file is unchanged."),
], ids=["disk full", "permission", "EACCES", "EPERM", "read-only", "no folder", "I/O error", "no errno"])
def test_a_failed_save_says_why_and_keeps_the_old_file(tmp_path, monkeypatch, error, ko, en):
    path = file_with(tmp_path, CAFE_TEXT)
    project = load_project(path).project
    project.notes = "저장되지 않을 메모"

    def fails(*_args):
        raise error

    monkeypatch.setattr(os, "replace", fails)
    with pytest.raises(ProjectFileError) as info:
        save_project(path, project)
    assert (info.value.message("ko"), info.value.message("en")) == (
        ko.format(folder=tmp_path), en.format(folder=tmp_path))
    assert path.read_text(encoding="utf-8") == CAFE_TEXT
    assert [p.name for p in tmp_path.iterdir()] == ["봄.kpiwiz"]


def test_a_name_ending_in_a_consonant_takes_eul(tmp_path, monkeypatch):
    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(ProjectFileError) as info:
        write_file(tmp_path / "카페 봄", "{}")
    assert info.value.message("ko") == "디스크 공간이 부족해 '카페 봄'을 저장하지 못했습니다. 기존 파일은 그대로입니다."


def test_a_saved_file_names_every_field_even_the_empty_ones(tmp_path):
    """An owner editing the file by hand sees every field there is, null or not."""
    path = tmp_path / "봄.kpiwiz"
    save_project(path, loads_project(CAFE_TEXT))
    text = path.read_text(encoding="utf-8")
    assert '"catalog_id": null' in text and '"band_low": null' in text and '"deadline": null' in text
    assert json.loads(text)["kpis"][1]["custom"] is None


def test_write_file_writes_text_as_utf8_and_bytes_as_they_are(tmp_path):
    write_file(tmp_path / "a.csv", "카페,봄\n")
    write_file(tmp_path / "b.bin", b"\xff\x00")
    assert (tmp_path / "a.csv").read_bytes() == "카페,봄\n".encode()
    assert (tmp_path / "b.bin").read_bytes() == b"\xff\x00"


# -- the backup of an older format --------------------------------------------------------------

V1 = {"schema_version": 1, "business": {"name": "Old shop", "channel": "Instagram", "followers": 250},
      "start": "2025-01-01", "end": "2025-03-31"}


def test_saving_over_a_version_1_file_keeps_it_once_and_never_overwrites_that_backup(tmp_path):
    path = file_with(tmp_path, V1, "old.kpiwiz")
    first = path.read_bytes()
    project = load_project(path).project
    assert save_project(path, project) == backup_path(path, 1) == tmp_path / "old.kpiwiz.v1.bak"
    assert backup_path(path, 1).read_bytes() == first
    path.write_bytes(json.dumps({**V1, "title": "another old one"}).encode())
    assert save_project(path, project) == backup_path(path, 1)
    assert backup_path(path, 1).read_bytes() == first  # the first backup stays


def test_a_version_1_file_with_a_bom_is_backed_up_too(tmp_path):
    path = file_with(tmp_path, b"\xef\xbb\xbf" + json.dumps(V1).encode(), "old.kpiwiz")
    project = load_project(path).project
    assert save_project(path, project) == backup_path(path, 1)


@pytest.mark.parametrize("content", [
    json.dumps({**V1, "schema_version": 2}), json.dumps({**V1, "schema_version": 3}),
    json.dumps({**V1, "schema_version": 0}), json.dumps({**V1, "schema_version": "1"}),
    json.dumps({**V1, "schema_version": True}), "[1]", "not json", b"\xff\xfe{", "[" * 100_000 + "]" * 100_000,
], ids=["current", "newer", "zero", "text", "true", "a list", "not json", "not utf-8", "nested too deeply"])
def test_no_backup_of_what_is_not_an_older_plan(tmp_path, content):
    path = file_with(tmp_path, content, "x.kpiwiz")
    assert save_project(path, loads_project(CAFE_TEXT)) is None
    assert [p.name for p in tmp_path.iterdir()] == ["x.kpiwiz"]


def test_no_backup_when_there_is_no_file_yet(tmp_path):
    assert save_project(tmp_path / "new.kpiwiz", loads_project(CAFE_TEXT)) is None
    assert projectfile.load_project(tmp_path / "new.kpiwiz").project.business.name == "카페 봄"


def test_an_old_file_nested_too_deeply_to_convert(tmp_path):
    nested = "[" * 600 + "]" * 600
    text = json.dumps({**V1, "notes": "@"}).replace('"@"', nested)
    assert opening(file_with(tmp_path, text)) == (
        "형식 1의 파일을 변환할 수 없습니다. 파일 구조가 손상되었습니다.",
        "The format 1 file cannot be converted; its structure is damaged.")


@pytest.mark.parametrize("actuals", [["f"], [7], [{"kpi": ["f"], "period": "2025-01-06", "value": 1}]],
                         ids=["a record as text", "a record as a number", "a KPI as a list"])
def test_an_old_file_whose_readings_cannot_be_read(tmp_path, actuals):
    assert opening(file_with(tmp_path, {**V1, "actuals": actuals})) == (
        "형식 1의 파일을 변환할 수 없습니다. 파일 구조가 손상되었습니다.",
        "The format 1 file cannot be converted; its structure is damaged.")
