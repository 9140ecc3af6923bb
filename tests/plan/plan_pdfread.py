"""Reads a PDF back the way a user's tools see it, with poppler-utils (pdftotext, pdffonts, pdfinfo,
pdftohtml for the outline). Shared by the PDF plan tests."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ReadPdf:
    raw: bytes
    text: str
    fonts: list[dict[str, str]]
    info: dict[str, str]
    outline: list[tuple[int, str]]  # (level, title) in document order

    @property
    def flat(self) -> str:
        """The text with all whitespace removed: wrapping may break a line anywhere."""
        return squash(self.text)

    def body(self, *running: str) -> str:
        """The flat text without the running header and footer lines, which interrupt text that
        flows from one page to the next (pass the header's strings)."""
        keep = []
        for line in self.text.splitlines():
            line = line.strip().lstrip("\x0c")
            if line in running or re.fullmatch(r"\d+ / \d+", line) or line.startswith("KPI Wizard · "):
                continue
            keep.append(line)
        return squash("".join(keep))

    def titles(self, level: int | None = None) -> list[str]:
        return [t for lv, t in self.outline if level is None or lv == level]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def read_pdf(path: Path) -> ReadPdf:
    fonts = []
    lines = _run("pdffonts", str(path)).splitlines()[2:]
    for line in lines:
        parts = line.split()
        # name type [type...] encoding emb sub uni object-id generation
        fonts.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "type": " ".join(parts[1:-6])})
    info = {}
    for line in _run("pdfinfo", str(path)).splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return ReadPdf(
        raw=path.read_bytes(),
        text=_run("pdftotext", "-enc", "UTF-8", str(path), "-"),
        fonts=fonts,
        info=info,
        outline=_outline(path),
    )


def _outline(path: Path) -> list[tuple[int, str]]:
    xml = _run("pdftohtml", "-xml", "-stdout", "-i", "-q", str(path))
    root = ET.fromstring(xml)
    found: list[tuple[int, str]] = []

    def walk(node: ET.Element, level: int) -> None:
        for child in node:
            if child.tag == "item":
                found.append((level, "".join(child.itertext()).strip()))
            elif child.tag == "outline":
                walk(child, level + 1)

    top = root.find("outline")
    if top is not None:
        walk(top, 0)
    return found


def word_boxes(path: Path) -> list[tuple[float, float, float, float, float]]:
    """(page width, xMin, xMax, yMin, yMax) of every word pdftotext finds."""
    html = _run("pdftotext", "-bbox", str(path), "-")
    boxes = []
    width = 0.0
    for line in html.splitlines():
        page = re.search(r'<page width="([\d.]+)"', line)
        if page:
            width = float(page.group(1))
        word = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', line)
        if word:
            x0, y0, x1, y1 = map(float, word.groups())
            boxes.append((width, x0, x1, y0, y1))
    return boxes
