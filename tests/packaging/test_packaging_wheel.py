"""A plain wheel (what `pip install .` installs) runs every command with its own resources.

The wheel is installed into a bare folder and run from a working folder outside the checkout, so
the catalog, examples and fonts can only come from inside the installed package.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel built from this checkout, unpacked by pip into a folder of its own."""
    tmp = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q", "-w", str(tmp / "dist")],
        check=True, cwd=tmp,
    )
    (wheel,) = (tmp / "dist").glob("kpiwizard-*.whl")
    target = tmp / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True, cwd=tmp,
    )
    return target


def _run(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_"))}
    env["PYTHONPATH"] = str(site)
    return subprocess.run(
        [sys.executable, "-m", "kpiwizard.cli", *args],
        cwd=cwd, env=env, capture_output=True, check=False, text=True, encoding="utf-8", timeout=300,
    )


def test_wheel_carries_resources_inside_the_package(installed):
    names = {p.relative_to(installed).as_posix() for p in (installed / "kpiwizard" / "resources").rglob("*")}
    for needed in ("catalog/catalog.json", "examples/cafe.kpiwiz", "examples/index.json",
                   "fonts/NanumGothic.ttf", "fonts/NanumGothicBold.ttf", "icons/kpiwizard-256.png"):
        assert f"kpiwizard/resources/{needed}" in names


def test_installed_package_finds_resources_in_itself_not_the_checkout(installed, tmp_path):
    probe = _run(installed, tmp_path, "--version")
    assert probe.returncode == 0, probe.stderr
    env = {**os.environ, "PYTHONPATH": str(installed)}
    where = subprocess.run(
        [sys.executable, "-c", "import kpiwizard.core.resources as r; print(r.resources_root())"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert Path(where) == installed / "kpiwizard" / "resources"


def test_installed_wheel_runs_every_command(installed, tmp_path):
    listing = _run(installed, tmp_path, "--lang", "en", "examples")
    assert listing.returncode == 0, listing.stderr
    assert {line.split("\t")[0] for line in listing.stdout.splitlines()} >= {
        "cafe", "pizzeria", "pizzeria-unrealistic", "b2b-ebook"}

    written = _run(installed, tmp_path, "example", "cafe", "가게 계획.kpiwiz")
    assert written.returncode == 0, written.stderr
    plan = tmp_path / "가게 계획.kpiwiz"
    assert _run(installed, tmp_path, "validate", plan.name).returncode == 0

    exported = _run(installed, tmp_path, "export", plan.name,
                    "--ics", "cafe.ics", "--xlsx", "cafe.xlsx", "--pdf", "cafe.pdf")
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "cafe.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert "xl/workbook.xml" in zipfile.ZipFile(tmp_path / "cafe.xlsx").namelist()
    pdf = (tmp_path / "cafe.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert b"NanumGothic" in pdf  # the Korean plan found the bundled font inside the package
