"""The app killed mid-edit: the next start finds the autosaved copy, and it is the complete plan.

A child process runs the GUI's document and autosave offscreen, edits the plan, lets autosave
write, reports the plan it holds, keeps editing without saving, and is killed with SIGKILL. The
test then looks as the next start does (``find_orphans``) and compares.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from reliability_kit import COUNTS

CHILD = r"""
import json, sys, time
from kpiwizard.gui.qt import QCoreApplication
app = QCoreApplication(sys.argv)
from kpiwizard.core.examples import find_example
from kpiwizard.gui.autosave import Autosave
from kpiwizard.gui.document import ProjectDocument
from pathlib import Path
doc = ProjectDocument(find_example("cafe").load(), Path(sys.argv[2]))
autosave = Autosave(doc, folder=Path(sys.argv[1]), debounce_ms=10)
for i in range(int(sys.argv[3])):
    doc.edit("note", lambda p, i=i: setattr(p, "notes", p.notes + f" 편집 {i}"))
doc.edit("title", lambda p: setattr(p, "title", "킬 테스트 — 저장 안 된 제목"))
autosave.save_now()
print(doc.project.model_dump_json(), flush=True)
while True:  # keeps editing, as a user would, until killed
    app.processEvents()
    time.sleep(0.001)
"""


@pytest.mark.parametrize("edits", [1, 40])
def test_killed_app_leaves_complete_autosave(tmp_path, edits):
    from kpiwizard.core.models import Project
    from kpiwizard.gui.autosave import find_orphans

    folder = tmp_path / "autosave"
    original = tmp_path / "cafe.kpiwiz"
    original.write_bytes(b"{}")
    os.utime(original, (0, 0))  # older than any autosave
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(original), str(edits)],
                             stdout=subprocess.PIPE, text=True, env=env)
    try:
        held = Project.model_validate_json(child.stdout.readline())
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    orphans = find_orphans(folder)
    assert len(orphans) == 1 and orphans[0].original == original
    assert orphans[0].load() == held  # the whole edited plan, not a fragment
    assert held.title == "킬 테스트 — 저장 안 된 제목" and held.notes.endswith(f"편집 {edits - 1}")
    assert json.loads(original.read_bytes()) == {}  # the user's own file untouched
    COUNTS["app-kill"] += 1
