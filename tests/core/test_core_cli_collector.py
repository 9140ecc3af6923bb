"""``kpiwizard export`` keeps the modules it loads out of the garbage collector's way, as the program only.

Run as the program, the export loads its modules with the collector paused and freezes them (they
live until the command exits); called from Python with its arguments (as here), it leaves the
caller's collector exactly as it was.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from kpiwizard.cli import main
from kpiwizard.core.examples import examples
from kpiwizard.core.projectfile import save_project

REPO = Path(__file__).resolve().parents[2]

AS_PROGRAM = """
import gc, sys
from kpiwizard.cli import main
sys.argv = ["kpiwizard", "export", sys.argv[1], "--ics", sys.argv[2]]
code = main()
print(code, gc.isenabled(), gc.get_freeze_count() > 0)
"""


def _plan(tmp_path: Path) -> Path:
    cafe = next(e for e in examples() if e.name == "cafe")
    path = tmp_path / "cafe.kpiwiz"
    save_project(path, cafe.load())
    return path


def test_called_from_python_the_collector_is_left_as_it_was(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    assert main(["export", str(plan), "--ics", str(tmp_path / "a.ics")]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    gc.disable()  # a caller that turned it off keeps it off
    try:
        assert main(["export", str(plan), "--ics", str(tmp_path / "b.ics")]) == 0
        assert not gc.isenabled() and gc.get_freeze_count() == frozen
    finally:
        gc.enable()
    assert (tmp_path / "b.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_run_as_the_program_the_export_freezes_its_modules_and_collects_again(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", AS_PROGRAM, str(plan), str(tmp_path / "c.ics")],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "True", "True"]  # exit code 0, collector on, modules frozen
    assert (tmp_path / "c.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
