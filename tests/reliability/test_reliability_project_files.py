"""Damaged, foreign and hostile project files through the real ``kpiwizard`` command.

Each file is either accepted (and then its audit and every export run cleanly) or refused with
exit code 2 and a message naming the problem; the file and its folder are never changed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reliability_kit import (
    EXAMPLE_NAMES,
    Case,
    Mishandled,
    Snapshot,
    deep_nesting,
    dump,
    example_data,
    example_bytes,
    extreme_dates,
    flipped_bytes,
    huge_and_nonfinite,
    judge,
    missing_keys,
    random_files,
    run_cli,
    truncations,
    try_case,
    unknown_keys,
    versions,
    wrong_encodings,
    wrong_types,
)


def _exports_for(i: int) -> tuple[str, ...]:
    """Exports are the slow part: every 20th case gets the calendar and tracker, every 100th the PDF too."""
    if i % 100 == 0:
        return ("--ics", "--xlsx", "--pdf")
    return ("--ics", "--xlsx") if i % 20 == 0 else ()


def _run_all(cases, tmp_path: Path, lang: str = "en", exports=_exports_for) -> tuple[int, int]:
    """Run every case in its own folder; collect all mishandled ones before failing."""
    failures, accepted, total = [], 0, 0
    for i, case in enumerate(cases):
        folder = tmp_path / f"c{i}"
        folder.mkdir()
        try:
            accepted += try_case(case, folder, export=exports(i), lang=lang)
        except Mishandled as e:
            failures.append(str(e)[:600])
        total += 1
    assert not failures, f"{len(failures)} of {total} cases mishandled:\n" + "\n".join(failures[:20])
    return total, accepted


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_truncated_files_are_refused_as_damaged(name, tmp_path):
    total, accepted = _run_all(truncations(name, every=211), tmp_path)
    assert total >= 35 and accepted == 0


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_flipped_bits_never_crash(name, tmp_path):
    total, _ = _run_all(flipped_bytes(name, count=40, seed=7), tmp_path)
    assert total == 40


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_value_replaced_by_other_types(name, tmp_path):
    """An eighth of all (node, other type) pairs, a different eighth per example; the soak runs all."""
    total, _ = _run_all(wrong_types(name, stride=8, offset=EXAMPLE_NAMES.index(name)), tmp_path)
    assert total >= 150


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_each_key_deleted_in_turn(name, tmp_path):
    total, accepted = _run_all(missing_keys(name), tmp_path)
    assert total >= 100 and 0 < accepted < total  # optional fields may go, required ones may not


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_unknown_keys_at_every_level_are_named(name, tmp_path):
    total, accepted = _run_all(unknown_keys(name), tmp_path)
    assert total >= 15


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_dates_at_the_ends_of_the_calendar(name, tmp_path):
    """All accepted ones get the calendar, every third the tracker, every tenth the PDF too."""
    _run_all(extreme_dates(name), tmp_path,
             exports=lambda i: ("--ics", "--xlsx", "--pdf") if i % 10 == 0 else ("--ics", "--xlsx") if i % 3 == 0 else ())


def test_tracker_exports_a_plan_that_ends_before_it_starts(tmp_path):
    data = example_data("cafe")
    data.update(start="2026-03-01", end="2026-01-01")
    target = tmp_path / "plan.kpiwiz"
    target.write_bytes(dump(data))
    outcome = run_cli("export", target, "--xlsx", tmp_path / "plan.xlsx")
    assert outcome.code == 0, outcome.err


def test_wrong_encodings(tmp_path):
    total, accepted = _run_all(wrong_encodings(), tmp_path)
    assert total == 17


def test_deep_nesting(tmp_path):
    _run_all(deep_nesting(), tmp_path)


def test_huge_numbers_nan_and_infinity(tmp_path):
    _run_all(huge_and_nonfinite(), tmp_path)


def test_schema_versions_future_broken_and_old(tmp_path):
    total, accepted = _run_all(versions(), tmp_path)
    assert accepted == 2 * len(EXAMPLE_NAMES)  # exactly the four schema-1 files, migrated, and the four "2.0"


def test_empty_random_and_foreign_files(tmp_path):
    _run_all(random_files(count=30, seed=11), tmp_path)


def test_messages_in_korean_name_the_problem(tmp_path):
    cases = [
        Case("korean", "truncated", example_bytes("cafe")[:500], ("JSON",), must_refuse=True),
        Case("korean", "utf-16", b"\xff\xfe" + example_bytes("cafe").decode().encode("utf-16-le"), ("UTF-16",),
             must_refuse=True),
        Case("korean", "empty", b"", ("비어",), must_refuse=True),
        Case("korean", "future", example_bytes("cafe").replace(b'"schema_version": 2', b'"schema_version": 7'),
             ("더 새 버전",), must_refuse=True),
    ]
    _run_all(cases, tmp_path, lang="ko")


# -- the path itself is wrong --------------------------------------------------------------------


def _refused(path: Path, *names: str) -> None:
    folder = path.parent if path.parent.exists() else path.parent.parent
    before = Snapshot.of(folder)
    judge(run_cli("--lang", "en", "validate", path), before, Snapshot.of(folder), names)
    assert run_cli("--lang", "en", "export", path, "--ics", folder / "x.ics").code == 2
    assert not (folder / "x.ics").exists()


def test_a_folder_in_place_of_the_file(tmp_path):
    (tmp_path / "plan.kpiwiz").mkdir()
    _refused(tmp_path / "plan.kpiwiz", "folder")


def test_a_missing_file(tmp_path):
    _refused(tmp_path / "gone.kpiwiz", "does not exist")


def test_a_file_in_a_missing_folder(tmp_path):
    _refused(tmp_path / "nowhere" / "plan.kpiwiz", "does not exist")


def test_a_pipe_or_device_in_place_of_the_file(tmp_path):
    """Reading a FIFO or /dev/zero would block or never end: refused as not a regular file."""
    fifo = tmp_path / "plan.kpiwiz"
    os.mkfifo(fifo)
    _refused(fifo, "not a regular file")
    outcome = run_cli("--lang", "en", "validate", "/dev/zero")
    assert outcome.code == 2 and "not a regular file" in outcome.err


def _can_read_despite_mode_000(tmp_path: Path) -> bool:
    probe = tmp_path / "probe"
    probe.write_bytes(b"x")
    probe.chmod(0)
    try:
        probe.read_bytes()
        return True  # root (or CAP_DAC_OVERRIDE): permissions do not stop reads
    except PermissionError:
        return False
    finally:
        probe.chmod(0o600)


def test_an_unreadable_file(tmp_path, monkeypatch):
    """chmod 000 where permissions apply; as root, where they do not, the read itself is made to fail."""
    target = tmp_path / "plan.kpiwiz"
    target.write_bytes(example_bytes("pizzeria"))
    target.chmod(0)
    if _can_read_despite_mode_000(tmp_path):
        real = Path.read_bytes

        def denied(self):
            if self == target:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", denied)
    try:
        _refused(target, "permission")
    finally:
        target.chmod(0o600)
    with open(target, "rb") as f:
        assert f.read() == example_bytes("pizzeria")
