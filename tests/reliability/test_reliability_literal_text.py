"""User text is data: formulas, markup, right-to-left and emoji text, control characters and
100,000-character strings in every free-text field come out of every export literally.

xlsx: no cell the user typed becomes a formula (data type 's', value the text); pdf: the text is
in the page text and no URL is fetched; ics: the calendar parses back with the text inside.
"""

from __future__ import annotations

import http.server
import subprocess
import threading
import unicodedata

import openpyxl
import pytest
from icalendar import Calendar

from reliability_kit import COUNTS, dump, example_data, run_cli

HOSTILE = {
    "formula": "=cmd|' /C calc'!A0",
    "plus": "+1",
    "minus": "-1",
    "at": "@SUM(1)",
    "hyperlink": '=HYPERLINK("http://127.0.0.1:9/x","click")',
    "bold": "<b>bold</b> &amp; <i>",
    "image": '<img src="http://127.0.0.1:{port}/x.png"/>',
    "arabic": "مرحبا بالعالم",
    "hebrew": "שלום עולם",
    "emoji": "🍕☕️👍🏽",
    "controls": "tab\there\x07bell\x1bescape\x00nul",
    "korean": "망원동 카페 <봄> & '여름'",
}
LONG = "가나다 long " * 9_100  # ~100k characters


def _fields(data: dict, text: str) -> dict:
    """Every free-text field of the plan set to ``text`` (short fields get what fits in 300)."""
    short = text[:300]
    data = dict(data)
    data["title"] = short
    data["notes"] = text
    data["business"] = {**data["business"], "name": short, "industry": short, "region": short,
                        "channels": [{**c, "name": short or "x", "url": short} for c in data["business"]["channels"]]}
    data["business_goal"] = {**data["business_goal"], **{k: text for k in
                             ("audience", "audience_wants", "benefit", "reason_to_believe", "why")}}
    data["smart"] = {**data["smart"], "what": short, "unit": short, "resources": text}
    data["kpis"] = [{**k, "owner": short, "note": text, "unit": short if k.get("unit") else k.get("unit", "")}
                    for k in data["kpis"]]
    data["kpis"].append({"id": "custom_x", "custom": {"name": short or "x", "definition": text, "formula": text},
                         "baseline": 1, "target": 2})
    data["actions"] = [{**a, "tactic": text or "x", "channel": short, "owner": short} for a in data["actions"]]
    return data


class _Listener:
    """A local HTTP server that records any request: a fetched <img src> would show up here."""

    def __enter__(self):
        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                hits.append(self.path)
                self.send_response(404)
                self.end_headers()

            def log_message(self, *a):
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()  # shutdown() stops the loop; the listening socket needs closing too


def _stored(text: str) -> str:
    """What the program keeps of a text: control characters other than tab/newline are dropped."""
    return "".join(ch for ch in text if ch in "\t\n\r" or unicodedata.category(ch) != "Cc")


@pytest.mark.parametrize("name", sorted(HOSTILE) + ["long"])
def test_free_text_is_exported_literally(name, tmp_path):
    with _Listener() as listener:
        text = LONG if name == "long" else HOSTILE[name].format(port=listener.port)
        plan = tmp_path / "plan.kpiwiz"
        data = _fields(example_data("pizzeria"), text[:300] if name == "long" else text)
        if name == "long":  # two 100k fields; all fifteen long would take the PDF a minute and a half
            data["notes"] = data["business_goal"]["why"] = text
        plan.write_bytes(dump(data))
        xlsx, pdf, ics = tmp_path / "t.xlsx", tmp_path / "p.pdf", tmp_path / "c.ics"
        outcome = run_cli("export", plan, "--xlsx", xlsx, "--pdf", pdf, "--ics", ics)
        assert outcome.code == 0, outcome.err
        assert listener.hits == []  # nothing in the text was fetched
    kept = _stored(text)

    # xlsx: wherever the text appears, it is a string cell; no cell holding user text is a formula.
    wb = openpyxl.load_workbook(xlsx)
    found = 0
    distinctive = len(kept) >= 8  # "+1" also occurs inside the tracker's own formulas
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and (cell.value == kept[:300] or cell.value == kept or distinctive and kept[:300] in cell.value):
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value[:80])
                    found += 1
                if cell.data_type == "f" and distinctive:
                    assert kept[:40] not in str(cell.value), (ws.title, cell.coordinate)
    assert found, "the text does not appear in the tracker"

    # ics: parses, and the plan's title is in every event's description as typed (the summary, kept
    # short for a phone's agenda, starts with as much of it as fits).
    cal = Calendar.from_ical(ics.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert events and all(kept[:300] in str(e.get("description")) for e in events)
    assert all(kept[:20].rstrip(" ") in str(e.get("summary")) or "…" in str(e.get("summary")) for e in events)

    # pdf: the page text contains the text (for scripts the bundled Korean font covers).
    page_text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                               text=True, check=True).stdout
    probe = {"arabic": None, "hebrew": None, "emoji": None, "long": "가나다 long"}.get(name, kept.split("\n")[0][:25])
    if probe is not None:
        squeezed = "".join(page_text.split())
        assert "".join(probe.split()) in squeezed, probe
    COUNTS["literal-text"] += 1
