"""Saving is atomic: a writer killed with SIGKILL at random moments never leaves half a plan.

A helper process imports the program once and forks one writer per round; each writer saves two
different complete projects over the same path in a tight loop until the test kills it. After
each kill the file must be exactly one of the two projects, and temporary files of dead writers
must not pile up beside it.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reliability_kit import COUNTS

from kpiwizard.core.examples import find_example
from kpiwizard.core.projectfile import dumps_project, load_project, save_project

KILLS = int(os.environ.get("KPIWIZARD_KILLS", "200"))

HELPER = r"""
import os, sys
from kpiwizard.core.examples import find_example
from kpiwizard.core.projectfile import save_project
path = sys.argv[1]
a, b = find_example("cafe").load(), find_example("b2b-ebook").load()
save_project(path, a)
print("ready", flush=True)
for line in sys.stdin:
    if line.startswith("go"):
        pid = os.fork()
        if pid == 0:
            i = 0
            while True:
                save_project(path, b if i % 2 == 0 else a)
                i += 1
        print(pid, flush=True)
    elif line.startswith("reap"):
        os.waitpid(int(line.split()[1]), 0)
        print("reaped", flush=True)
"""


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill loop forks writers (POSIX)")
def test_sigkill_during_saves_leaves_old_or_new_project(tmp_path):
    target = tmp_path / "plan.kpiwiz"
    old = dumps_project(find_example("cafe").load()).encode("utf-8")
    new = dumps_project(find_example("b2b-ebook").load()).encode("utf-8")
    helper = subprocess.Popen([sys.executable, "-c", HELPER, str(target)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, bufsize=1)
    rng = random.Random(20260105)
    seen = {"old": 0, "new": 0}
    most_leftovers = killed_mid_save = 0
    killed: set[int] = set()
    try:
        assert helper.stdout.readline().strip() == "ready"
        for _ in range(KILLS):
            helper.stdin.write("go\n")
            pid = int(helper.stdout.readline())
            killed.add(pid)
            time.sleep(rng.uniform(0, 0.03))
            os.kill(pid, signal.SIGKILL)
            helper.stdin.write(f"reap {pid}\n")
            assert helper.stdout.readline().strip() == "reaped"
            data = target.read_bytes()
            assert data in (old, new), f"after a kill the file is neither project ({len(data)} bytes)"
            seen["old" if data == old else "new"] += 1
            load_project(target)  # and the program opens it
            leftovers = _temporaries(tmp_path)
            killed_mid_save += bool(leftovers)
            most_leftovers = max(most_leftovers, len(leftovers))
            # A leftover carries the process id of a writer killed here, so the next save can tell
            # it belongs to a dead writer and remove it (the cleanup the assertion below relies on).
            for name in leftovers:
                assert int(name.split(".")[3]) in killed, f"{name} is not named after a killed writer"
            COUNTS["sigkill"] += 1
    finally:
        helper.kill()
        helper.wait()
        helper.stdin.close()
        helper.stdout.close()
    assert seen["old"] and seen["new"], seen  # kills landed between saves of both kinds
    assert killed_mid_save, "no kill landed inside a save: the test proved nothing"
    # Each new writer removes the temporary file of the one killed before it: never more than one.
    assert most_leftovers <= 1, most_leftovers
    save_project(target, find_example("pizzeria").load())
    assert _temporaries(tmp_path) == []
    assert [p.name for p in tmp_path.iterdir()] == ["plan.kpiwiz"]


def test_a_live_writers_temporary_file_is_left_alone(tmp_path):
    """Cleaning must not pull a file out from under another program instance saving right now."""
    target = tmp_path / "plan.kpiwiz"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        theirs = tmp_path / f".plan.kpiwiz.{sleeper.pid}.abc123.tmp"
        theirs.write_bytes(b"half a plan")
        dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True)
        gone = tmp_path / f".plan.kpiwiz.{int(dead.stdout)}.zzz999.tmp"
        gone.write_bytes(b"half a plan")
        stranger = tmp_path / ".plan.kpiwiz.notes.tmp"  # not of our naming: never touched
        stranger.write_bytes(b"someone else's")
        save_project(target, find_example("pizzeria").load())
        assert theirs.exists() and stranger.exists() and not gone.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
