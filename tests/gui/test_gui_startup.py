"""Start-up: what loads before the first window, and a main window that cannot be built.

The loading frame must be on screen before the plan's modules load (pydantic models, pages), and
no exporter (openpyxl, reportlab, icalendar, kpiwizard.export) loads until an export runs. Each
start is a fresh process, started the way the ``kpiwizard`` command starts the app, so nothing a
test imported earlier hides an import.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kpiwizard.core.enums import Lang
from kpiwizard.gui import app as app_module

# Run in a fresh process: report the modules loaded when each window is first exposed, then quit.
PROBE = r"""
import json, sys
from kpiwizard.cli import main
from kpiwizard.gui.qt import QApplication, QEvent, QObject, QTimer, QWindow

class Probe(QObject):
    seen = {}
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Expose and isinstance(obj, QWindow) and obj.isExposed():
            kind = "main" if "\u2014" in obj.title() else "frame"
            if kind not in self.seen:
                self.seen[kind] = sorted(sys.modules)
                if kind == "main":
                    QTimer.singleShot(300, app.quit)  # let the deferred work after the first paint run
        return False

app = QApplication([])
probe = Probe(app)
app.installEventFilter(probe)
sys.argv = ["kpiwizard", "gui", "--lang", "ko"]
code = main()
probe.seen["end"] = sorted(sys.modules)
print("MODULES " + json.dumps(probe.seen))
sys.exit(code)
"""

EXPORTERS = ("kpiwizard.export", "openpyxl", "reportlab", "icalendar")
PLAN_MODULES = ("pydantic", "kpiwizard.core.models", "kpiwizard.gui.main_window", "kpiwizard.gui.pages")


def loaded(modules: list[str], prefixes: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes)]


@pytest.fixture(scope="module")
def start_modules(tmp_path_factory) -> dict[str, list[str]]:
    home = tmp_path_factory.mktemp("startup-home")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"))
    env.pop("KPIWIZARD_SMOKE_EXIT_AFTER_SHOWN", None)
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    line = next(x for x in proc.stdout.splitlines() if x.startswith("MODULES "))
    return json.loads(line[len("MODULES "):])


def test_the_loading_frame_shows_before_the_plan_modules_load(start_modules):
    assert "frame" in start_modules, "the loading frame never showed"
    assert loaded(start_modules["frame"], PLAN_MODULES) == []
    assert loaded(start_modules["main"], ("kpiwizard.gui.main_window",)) != []  # the probe sees loads


def test_starting_the_app_loads_no_exporter(start_modules):
    for moment in ("frame", "main", "end"):
        assert loaded(start_modules[moment], EXPORTERS) == [], moment


def test_a_main_window_that_cannot_be_built_says_so_and_exits_1(monkeypatch, fake_dialogs, capfd):
    """A bug while building the window must not leave "opening…" on screen for ever."""

    def broken(lang):
        raise RuntimeError("broken page")

    monkeypatch.setattr(app_module, "create_window", broken)
    assert app_module.run(["--lang", "en"]) == 1
    assert fake_dialogs.texts("error") == [
        "KPI Wizard cannot open: this is a bug in the program. Please report the text printed above."]
    assert "RuntimeError: broken page" in capfd.readouterr().err
    assert not [w for w in app_module.QApplication.topLevelWidgets() if w.isVisible()]


def test_the_frame_speaks_the_chosen_language(qtbot):
    frame = app_module.LoadingFrame(Lang.KO)
    qtbot.addWidget(frame)
    assert frame.windowTitle() == "KPI 마법사"
    assert [w.text() for w in frame.findChildren(app_module.QLabel)] == ["KPI 마법사를 여는 중…"]


def test_the_frames_korean_is_drawn_with_the_bundled_font(qtbot):
    """On a machine without a Korean font (this one: fc-list :lang=ko is empty), Hangul in the very
    first window comes from the bundled NanumGothic, not as identical empty boxes."""
    from kpiwizard.gui.qt import QColor, QImage, QPainter

    app_module.install_font(app_module.QApplication.instance())
    frame = app_module.LoadingFrame(Lang.KO)
    qtbot.addWidget(frame)
    font = frame.findChildren(app_module.QLabel)[0].font()
    assert "NanumGothic" in font.families()

    def drawn(text: str) -> bytes:
        image = QImage(40, 40, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        painter.drawText(5, 30, text)
        painter.end()
        return bytes(image.constBits())

    blank = drawn("")
    assert drawn("마") != blank and drawn("법") != blank
    assert drawn("마") != drawn("법")  # two different glyphs, not the same missing-glyph box
