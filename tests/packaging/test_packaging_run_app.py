"""scripts/run-app.sh: a person's one command. Without a screen it says so (not Qt's "reinstall"
message about xcb-cursor0) before any set-up; on a first run it says that set-up takes minutes and
shows its progress; otherwise it opens the app with the arguments given.

The script is run from a copy of the checkout's layout whose ``scripts/setup.sh`` and
``.venv/bin/kpiwizard`` are stand-ins that record being called, so nothing is installed and no
window opens; one test runs the real script of this checkout without a display.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "run-app.sh"

FAKE_APP = """#!/usr/bin/env bash
echo "app started with: $*" >> "$(dirname "$0")/../../calls.txt"
echo "APP RAN $*"
"""
FAKE_SETUP = """#!/usr/bin/env bash
echo "setup called" >> calls.txt
echo "  pip: Collecting PySide6"
mkdir -p .venv/bin
cp fake-app .venv/bin/kpiwizard
chmod +x .venv/bin/kpiwizard
exit "${FAKE_SETUP_STATUS:-0}"
"""


@pytest.fixture
def checkout(tmp_path):
    """A checkout's layout: scripts/run-app.sh (the real one), a stand-in set-up and app."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(SCRIPT, tmp_path / "scripts" / "run-app.sh")
    (tmp_path / "scripts" / "setup.sh").write_text(FAKE_SETUP)
    (tmp_path / "fake-app").write_text(FAKE_APP)
    return tmp_path


def installed(checkout: Path) -> Path:
    (checkout / ".venv" / "bin").mkdir(parents=True)
    app = checkout / ".venv" / "bin" / "kpiwizard"
    shutil.copy(checkout / "fake-app", app)
    app.chmod(0o755)
    return checkout


def run(checkout: Path, *args: str, display: str | None = None, wayland: str | None = None,
        extra: dict[str, str] | None = None, fake_uname: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    if display is not None:
        env["DISPLAY"] = display
    if wayland is not None:
        env["WAYLAND_DISPLAY"] = wayland
    if fake_uname is not None:
        shim = checkout / "shim"
        shim.mkdir(exist_ok=True)
        (shim / "uname").write_text(f"#!/bin/sh\necho {fake_uname}\n")
        (shim / "uname").chmod(0o755)
        env["PATH"] = f"{shim}:{env['PATH']}"
    env.update(extra or {})
    return subprocess.run(["bash", str(checkout / "scripts" / "run-app.sh"), *args], env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=60,
                          stdin=subprocess.DEVNULL, check=False)


def calls(checkout: Path) -> list[str]:
    path = checkout / "calls.txt"
    return path.read_text().splitlines() if path.exists() else []


@pytest.mark.parametrize("args", [(), ("gui",), ("--lang", "en"), ("--lang", "ko", "gui"), ("--debug",)])
def test_without_a_display_it_says_what_to_do_and_starts_nothing(checkout, args):
    installed(checkout)
    done = run(checkout, *args)
    assert done.returncode == 3
    assert calls(checkout) == []  # neither the app (Qt's misleading message) nor anything else
    message = done.stderr
    assert "화면이 없습니다" in message and "no screen to open on" in message
    assert "DISPLAY" in message and "ssh -X" in message
    assert "다시 설치할 필요는 없습니다" in message and "no need to reinstall" in message
    assert "xcb" not in message


def test_without_a_display_a_first_run_does_not_spend_minutes_on_set_up_first(checkout):
    done = run(checkout)
    assert done.returncode == 3
    assert calls(checkout) == []
    assert not (checkout / ".venv").exists()


@pytest.mark.parametrize("display, wayland", [(":0", None), (None, "wayland-0"), (":1", "wayland-1")])
def test_with_a_display_the_app_opens_with_the_arguments(checkout, display, wayland):
    installed(checkout)
    done = run(checkout, "--lang", "en", display=display, wayland=wayland)
    assert done.returncode == 0, done.stderr
    assert calls(checkout) == ["app started with: --lang en"]
    assert "Opening KPI Wizard" in done.stdout


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("check", "plan.kpiwiz"),
                                  ("--lang", "en", "export", "plan.kpiwiz", "--pdf", "plan.pdf"), ("examples",)])
def test_the_command_line_tools_need_no_display(checkout, args):
    installed(checkout)
    done = run(checkout, *args)
    assert done.returncode == 0, done.stderr
    assert calls(checkout) == [f"app started with: {' '.join(args)}"]
    assert "Opening" not in done.stdout


def test_a_platform_chosen_on_purpose_is_respected(checkout):
    """QT_QPA_PLATFORM=offscreen (or vnc) is someone who knows there is no desktop session."""
    installed(checkout)
    done = run(checkout, extra={"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert calls(checkout) == ["app started with: "]
    # but asking for xcb explicitly still needs an X display
    assert run(checkout, extra={"QT_QPA_PLATFORM": "xcb"}).returncode == 3


def test_macos_needs_no_display_variable(checkout):
    installed(checkout)
    done = run(checkout, fake_uname="Darwin")
    assert done.returncode == 0, done.stderr
    assert calls(checkout) == ["app started with: "]


def test_a_first_run_says_set_up_takes_minutes_and_shows_its_progress(checkout):
    done = run(checkout, "--lang", "ko", display=":0")
    assert done.returncode == 0, done.stderr
    assert calls(checkout) == ["setup called", "app started with: --lang ko"]
    out = done.stdout
    said = out.index("First run: setting up KPI Wizard")
    assert "처음 실행" in out and "몇 분" in out and "a few minutes" in out
    assert said < out.index("pip: Collecting PySide6") < out.index("Set-up done") < out.index("APP RAN")


def test_a_failed_set_up_is_reported_and_the_app_is_not_started(checkout):
    done = run(checkout, display=":0", extra={"FAKE_SETUP_STATUS": "1"})
    assert done.returncode == 1
    assert "설치하지 못했습니다" in done.stderr and "Set-up failed" in done.stderr
    assert calls(checkout) == ["setup called"]


def test_the_real_script_without_a_display_stops_before_qt(tmp_path):
    """This checkout's script and app: no Qt message, ours, quickly."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=60, stdin=subprocess.DEVNULL, cwd=tmp_path, check=False)
    assert done.returncode == 3
    assert "KPI Wizard has no screen to open on" in done.stderr
    assert "xcb" not in done.stderr + done.stdout and "reinstall" not in done.stderr.replace("no need to reinstall", "")
