"""The Linux desktop files agree with each other and with the freedesktop validators.

The menu entry, the AppStream metainfo and the MIME type must name the same app id, icon and
`application/x-kpiwizard` type, and carry the Korean and English names users see.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
APP_ID = "io.github.kpiwizard.KPIWizard"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / "kpiwizard-mime.xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_names_the_app_in_korean_and_english_and_opens_project_files():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "KPI Wizard"
    assert entry["Name[ko]"] == "KPI 마법사"
    assert entry["Comment[ko]"] and entry["Comment"]
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "kpiwizard"
    assert "%f" in entry["Exec"].split()  # a double-clicked .kpiwiz file is passed to the app
    assert entry["Terminal"] == "false"
    assert "application/x-kpiwizard" in entry["MimeType"].split(";")


def test_mime_type_claims_the_kpiwiz_extension():
    root = ET.parse(MIME).getroot()
    (mime_type,) = root.findall(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == "application/x-kpiwizard"
    assert [g.get("pattern") for g in mime_type.findall(f"{MIME_NS}glob")] == ["*.kpiwiz"]
    comments = {c.get(XML_LANG): c.text for c in mime_type.findall(f"{MIME_NS}comment")}
    assert comments[None] and comments["ko"]


def test_metainfo_matches_the_desktop_entry_in_both_languages():
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    names = {n.get(XML_LANG): n.text for n in root.findall("name")}
    assert names == {None: "KPI Wizard", "ko": "KPI 마법사"}
    summaries = {s.get(XML_LANG): s.text for s in root.findall("summary")}
    assert set(summaries) == {None, "ko"} and all(summaries.values())
    assert root.findtext("provides/mediatype") == "application/x-kpiwizard"
    assert root.findtext("provides/binary") == "kpiwizard"


def test_icon_set_has_every_size_plus_windows_and_mac_icons():
    icons = REPO / "resources" / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = (icons / f"kpiwizard-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert (width, height) == (size, size)
    assert (icons / "kpiwizard.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (icons / "kpiwizard.icns").read_bytes()[:4] == b"icns"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate not installed (Debian: desktop-file-utils)")
def test_desktop_file_passes_desktop_file_validate():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, check=False, text=True)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli not installed (Debian: appstream)")
def test_metainfo_passes_appstreamcli_validate():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, check=False, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
