"""Saving when the disk says no: full disk, read-only folder, a folder that vanished.

Each time the command exits with code 2 and the core's message for that fault, the file that was
there keeps its bytes, and no temporary file is left beside it. And a project from the older file
format is upgraded only when saved, with the old file kept as a backup.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from pathlib import Path

import openpyxl
import pytest

from reliability_kit import COUNTS, Snapshot, dump, example_bytes, example_data, run_cli, version_one

from kpiwizard.core.enums import Lang
from kpiwizard.core.examples import find_example
from kpiwizard.core.models import SCHEMA_VERSION
from kpiwizard.core.projectfile import backup_path, load_project, save_project
from kpiwizard.export.tracker import export_tracker
from kpiwizard.export.tracker_layout import FIRST_ROW, build_layout

FULL = "disk is full"
DENIED = "No permission to write"


def _commands(folder: Path, tracker: Path) -> dict[str, list]:
    """Each command that writes, pointed at an existing file it would replace."""
    plan, ics = folder / "plan.kpiwiz", folder / "plan.ics"
    return {
        "example": ["example", "cafe", plan],
        "import-actuals": ["import-actuals", plan, tracker],
        "export": ["export", plan, "--ics", ics],
    }


@pytest.fixture
def setup(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "plan.kpiwiz").write_bytes(example_bytes("cafe"))
    (folder / "plan.ics").write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    project = find_example("cafe").load()
    tracker = tmp_path / "tracker.xlsx"
    export_tracker(project, tracker, Lang.KO)
    sheet = build_layout(project, Lang.KO).actuals[0]
    wb = openpyxl.load_workbook(tracker)
    wb[sheet.title].cell(FIRST_ROW + 2, sheet.column(sheet.kpi_ids[0])).value = 77  # a real change to save
    wb.save(tracker)
    return folder, tracker


def _expect_refusal(folder: Path, argv: list, message: str) -> None:
    before = Snapshot.of(folder)
    outcome = run_cli("--lang", "en", *argv)
    assert outcome.code == 2, outcome.err
    assert "Traceback" not in outcome.err and message in outcome.err, outcome.err
    assert Snapshot.of(folder) == before  # old files intact, no temporary file left
    COUNTS["write-fault"] += 1


def _fail_writes(monkeypatch, err: OSError, where: str) -> None:
    """Make the atomic writer's step ``where`` fail the way the OS would."""
    if where == "write":
        real_fdopen = os.fdopen

        class Full:
            def __init__(self, f):
                self.f = f

            def write(self, data):
                self.f.write(data[: len(data) // 2])  # part of it lands, then the disk is full
                raise err

            def __getattr__(self, name):
                return getattr(self.f, name)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.f.close()

        monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: Full(real_fdopen(fd, *a, **k)))
    elif where == "fsync":
        def fsync(fd):
            raise err
        monkeypatch.setattr(os, "fsync", fsync)
    elif where == "mkstemp":
        def mkstemp(*a, **k):
            raise err
        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    elif where == "replace":
        def replace(*a, **k):
            raise err
        monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize("command", ["example", "import-actuals", "export"])
@pytest.mark.parametrize("where", ["write", "fsync", "mkstemp"])
def test_disk_full(setup, monkeypatch, command, where):
    """Simulated: no small filesystem can be mounted here, so the OS calls raise ENOSPC."""
    folder, tracker = setup
    _fail_writes(monkeypatch, OSError(errno.ENOSPC, "No space left on device"), where)
    _expect_refusal(folder, _commands(folder, tracker)[command], FULL)


def _folder_is_really_read_only(folder: Path) -> bool:
    folder.chmod(0o555)
    try:
        fd, name = tempfile.mkstemp(dir=folder)
    except PermissionError:
        return True
    os.close(fd)
    os.unlink(name)
    return False  # root ignores the mode


@pytest.mark.parametrize("command", ["example", "import-actuals", "export"])
def test_read_only_folder(setup, monkeypatch, command):
    """chmod 555 where it applies; as root (it does not) the writer's calls raise EACCES instead."""
    folder, tracker = setup
    try:
        if not _folder_is_really_read_only(folder):
            _fail_writes(monkeypatch, PermissionError(errno.EACCES, "Permission denied"), "mkstemp")
        _expect_refusal(folder, _commands(folder, tracker)[command], DENIED)
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("command", ["example", "import-actuals", "export"])
def test_file_replaced_refused_by_the_os(setup, monkeypatch, command):
    """The last step fails (a locked file on Windows, EROFS): temp file removed, old file kept."""
    folder, tracker = setup
    _fail_writes(monkeypatch, OSError(errno.EROFS, "Read-only file system"), "replace")
    _expect_refusal(folder, _commands(folder, tracker)[command], DENIED)


def test_folder_vanished(setup, tmp_path):
    folder, tracker = setup
    gone = tmp_path / "usb-stick"
    outcome = run_cli("--lang", "en", "example", "cafe", gone / "plan.kpiwiz")
    assert outcome.code == 2 and "does not exist" in outcome.err, outcome.err
    outcome = run_cli("--lang", "en", "export", folder / "plan.kpiwiz", "--ics", gone / "plan.ics")
    assert outcome.code == 2 and "does not exist" in outcome.err, outcome.err
    assert not gone.exists()
    COUNTS["write-fault"] += 2


def test_folder_vanishes_between_open_and_save(setup, monkeypatch):
    """The plan opened, then its folder (a USB stick) went away before the import could save."""
    folder, tracker = setup
    copy = folder.parent / "copy"
    shutil.copytree(folder, copy)
    import kpiwizard.export.tracker_import as ti

    real = ti.import_actuals

    def import_then_unplug(project, path):
        result = real(project, path)
        shutil.rmtree(copy)
        return result

    monkeypatch.setattr(ti, "import_actuals", import_then_unplug)
    outcome = run_cli("--lang", "en", "import-actuals", copy / "plan.kpiwiz", tracker)
    assert outcome.code == 2 and "does not exist" in outcome.err and "Traceback" not in outcome.err, outcome.err
    COUNTS["write-fault"] += 1


# -- the older file format -----------------------------------------------------------------------


def test_old_format_is_read_but_not_rewritten_until_saved(tmp_path):
    old = tmp_path / "plan.kpiwiz"
    old.write_bytes(dump(version_one(example_data("cafe"))))
    before = Snapshot.of(tmp_path)
    for argv in (["validate", old], ["check", old], ["export", old, "--ics", tmp_path / "x.ics"]):
        outcome = run_cli("--lang", "en", *argv)
        assert outcome.code in (0, 2) and "Traceback" not in outcome.err, outcome.err
    validated = run_cli("--lang", "en", "validate", old)
    assert validated.code == 0 and "format 1" in validated.out
    (tmp_path / "x.ics").unlink()
    assert Snapshot.of(tmp_path) == before  # opening and exporting never upgrade the file


def test_saving_an_old_format_project_keeps_a_backup(tmp_path):
    """Through the command that saves a project (import-actuals), then directly through save_project."""
    old_bytes = dump(version_one(example_data("cafe")))
    plan = tmp_path / "plan.kpiwiz"
    plan.write_bytes(old_bytes)
    project = load_project(plan).project
    tracker = tmp_path / "tracker.xlsx"
    export_tracker(project, tracker, Lang.KO)
    outcome = run_cli("--lang", "en", "import-actuals", plan, tracker)
    assert outcome.code == 0, outcome.err
    backup = backup_path(plan, 1)
    assert backup.read_bytes() == old_bytes
    assert json.loads(plan.read_bytes())["schema_version"] == SCHEMA_VERSION
    assert load_project(plan).project == project  # same plan, new format
    # A second save does not overwrite the backup of the original with the new format.
    save_project(plan, project)
    assert backup.read_bytes() == old_bytes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.kpiwiz", "plan.kpiwiz.v1.bak", "tracker.xlsx"]
