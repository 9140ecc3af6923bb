"""The real app as a separate process on a private X server, driven by real key events.

- ``x_display``: one Xvfb for the session, on a display number it picks itself, stopped at the end.
  CI has no display and runs as root without a terminal: nothing here needs either. Missing tools
  fail the tests with the command that installs them (``scripts/setup.sh --dev``), never skip.
- ``real_app``: starts the app (``python -m kpiwizard gui`` or the ``kpiwizard-app`` entry) with a
  first-run user's HOME and XDG folders, ``QT_QPA_PLATFORM=xcb`` (the suite exports ``offscreen``
  for its own Qt), and ends it after the test. When a test fails, a screenshot of the screen and
  the app's output are kept under the test's tmp folder and named in the report.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from e2e_x11 import SETUP_HINT, Keyboard, Xvfb, app_environment, missing_tools, screenshot, stop_process


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture(scope="session")
def x_display(tmp_path_factory):
    missing = missing_tools()
    if missing:
        pytest.fail(f"the end-to-end tests need {', '.join(missing)}: {SETUP_HINT}", pytrace=False)
    folder = tmp_path_factory.mktemp("xvfb")
    server = Xvfb(log=folder / "xvfb.log")
    yield server
    server.stop()


class RealApp:
    """One run of the app: its process, its user's folders, a keyboard, screenshots."""

    def __init__(self, server: Xvfb, folder: Path):
        self.server = server
        self.folder = folder
        self.home = folder / "home"
        self.keyboard = Keyboard(server.env)
        self.process: subprocess.Popen | None = None
        self.log_path = folder / "app-output.txt"
        self.shots: list[Path] = []

    def start(self, *args: str, entry: str = "module") -> None:
        if entry == "kpiwizard-app":
            script = Path(sys.executable).with_name("kpiwizard-app")
            assert script.exists(), f"the gui entry point is not installed next to {sys.executable}"
            command = [str(script), *args]
        else:
            command = [sys.executable, "-m", "kpiwizard", "gui", *args]
        self.start_command(command)

    def start_command(self, command: list[str]) -> None:
        env = app_environment(self.server.env, self.home)
        with open(self.log_path, "wb") as log:
            # its own session, so stopping it ends nothing else; no stdin (CI has none)
            self.process = subprocess.Popen(command, cwd=self.folder, env=env, stdin=subprocess.DEVNULL,
                                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def shot(self, name: str) -> Path | None:
        path = screenshot(self.server.env, self.folder / "screenshots" / f"{len(self.shots):02d}-{name}.png")
        if path is not None:
            self.shots.append(path)
        return path

    def stop(self) -> int | None:
        return stop_process(self.process) if self.process is not None else None


@pytest.fixture
def real_app(x_display, tmp_path, request):
    app = RealApp(x_display, tmp_path)
    yield app
    failed = any(getattr(getattr(request.node, f"report_{when}", None), "failed", False)
                 for when in ("setup", "call"))
    if failed:
        shot = app.shot("at-failure")
        print(f"\nscreenshots of this run: {tmp_path / 'screenshots'} (last: {shot})")
        print(f"app output ({app.log_path}):\n{app.output()[-4000:]}")
    app.stop()
