"""install-desktop.sh puts the unpacked release into this user's menu and file types, and takes it out."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
APP_ID = "io.github.kpiwizard.KPIWizard"


def _release(folder: Path) -> Path:
    """The layout build-linux.sh produces, with a stand-in program."""
    bundle = folder / "KPI 앱" / "kpiwizard"  # a space and Hangul in the path, as users have
    (bundle / "share").mkdir(parents=True)
    program = bundle / "kpiwizard"
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    shutil.copy(REPO / "packaging" / "linux" / "install-desktop.sh", bundle)
    for name in (f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml", "kpiwizard-mime.xml"):
        shutil.copy(REPO / "packaging" / "linux" / name, bundle / "share")
    shutil.copytree(REPO / "resources" / "icons", bundle / "_internal" / "kpiwizard" / "resources" / "icons")
    return bundle


def _run(bundle: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run(["bash", str(bundle / "install-desktop.sh"), *args], env=env,
                          capture_output=True, check=False, text=True, timeout=120)


def test_install_points_the_menu_at_the_bundle_and_remove_takes_everything_out(tmp_path):
    bundle, home = _release(tmp_path), tmp_path / "home"
    done = _run(bundle, home)
    assert done.returncode == 0, done.stderr
    share = home / ".local" / "share"
    entry = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'Exec="{bundle}/kpiwizard" gui %f' in entry.splitlines()
    assert "Name[ko]=KPI 마법사" in entry.splitlines()
    assert (share / "mime" / "packages" / "kpiwizard-mime.xml").is_file()
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
    assert (home / ".local" / "bin" / "kpiwizard").resolve() == (bundle / "kpiwizard").resolve()
    if shutil.which("update-mime-database"):
        assert "application/x-kpiwizard:*.kpiwiz" in (share / "mime" / "globs2").read_text()

    removed = _run(bundle, home, "--remove")
    assert removed.returncode == 0, removed.stderr
    left = [p for p in home.rglob("*") if "kpiwiz" in p.name.lower() or APP_ID in p.name]
    assert left == []


def test_install_refuses_to_run_outside_a_release_folder(tmp_path):
    bundle = _release(tmp_path)
    (bundle / "kpiwizard").unlink()
    done = _run(bundle, tmp_path / "home")
    assert done.returncode == 1
    assert "unpacked kpiwizard folder" in done.stderr
