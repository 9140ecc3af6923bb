"""Hostile platform downloads given to ``kpiwizard import``.

Every importer meets truncated, mis-encoded, wrong-platform, huge, duplicated-header,
formula-bearing, zip-bomb and path-traversal files. Each case is accepted (then it runs with
``--dry-run``, so the plan must stay as it was) or refused with exit code 2 and one message that
names the file (and, where there is one, the row); the project file keeps its bytes and
modification time, and no traceback is printed.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from reliability_kit import COUNTS, Mishandled, Snapshot, example_bytes, judge, run_cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "imports"))
import platform_fixtures as pf

D0 = date(2026, 1, 5)


def _bases() -> dict[str, bytes]:
    posts = [dict(day=D0 + timedelta(i), views=12400, reach=900, likes=40, shares=2, comments=5, saves=3,
                  text="=cmd|' /C calc'!A0" if i == 1 else "스콘") for i in range(6)]
    days = {D0 + timedelta(i): dict(views=40 + i, subs=1, likes=2, comments=1, shares=1, new=2, impressions=300,
                                    clicks=4, reactions=5) for i in range(10)}
    return {
        "ig_posts.csv": pf.instagram_posts(posts),
        "fb_posts.csv": pf.facebook_posts(posts, negative=1),
        "views.csv": pf.meta_daily("Views", {d: m["views"] for d, m in days.items()}),
        "ads.csv": pf.meta_ads_korean([dict(name="동네 광고", spend=5000, impressions=800, reach=500, clicks=12)],
                                      D0, D0 + timedelta(6), 500),
        "youtube.zip": pf.youtube_zip(days, [dict(day=D0, views=9)]),
        "ga4.csv": pf.ga4_csv(D0, D0 + timedelta(27), [("Organic Social", 40, 20, 2, 1000), ("Direct", 9, 1, 0, 0)]),
        "tiktok.zip": pf.tiktok_zip(days, [dict(day=D0, likes=1, comments=1, shares=1, views=10)]),
        "tiktok_xlsx.zip": pf.tiktok_zip(days, [dict(day=D0, likes=1, comments=1, shares=1, views=10)], as_xlsx=True),
        "linkedin.xls": pf.linkedin_xls(days),
    }


BASES = _bases()


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _mid_row_cut(data: bytes) -> bytes:
    """Cut inside the last data row, after its first cell: the row is visibly short."""
    body = data.rstrip(b"\r\n")
    last = body.rfind(b"\n") + 1
    first_comma = body.find(b",", last)
    return body[: first_comma + 1]


def cases():
    """(kind, label, file name, bytes, must: 'refuse' | 'accept' | 'either', words the refusal names)."""
    for name, data in BASES.items():
        # Truncated anywhere: handled either way (a cut at a line end is a shorter, valid export).
        for frac in (0.1, 0.5, 0.93):
            yield "truncated", f"{name}[:{frac}]", name, data[: int(len(data) * frac)], "either", ()
        if name.endswith((".zip", ".xls")):
            yield "truncated", f"{name} half", name, data[: len(data) // 2], "refuse", ("damaged", "cut short")
        elif name != "views.csv":
            yield "truncated", f"{name} mid-row", name, _mid_row_cut(data), "refuse", ("row", "cut short")
        # Wrong platform: every importer refuses the others' shapes it cannot read.
        yield "wrong-platform", f"{name} as .kpiwiz bytes", name, example_bytes("cafe"), "refuse", ("not recognised",)
        # Duplicated headers and a header repeated inside the data (two exports pasted together).
        if name.endswith(".csv") and name != "views.csv" and name != "ga4.csv":
            text = data.decode("utf-8-sig")
            header, _, rest = text.partition("\r\n")
            first = header.split(",")[0]
            dup = header + "," + first + "\r\n" + "\r\n".join(line + ",x" for line in rest.splitlines()) + "\r\n"
            yield "duplicated-header", f"{name} column twice", name, dup.encode("utf-8-sig"), "refuse", ("twice",)
            pasted = text + header + "\r\n" + rest
            yield "duplicated-header", f"{name} pasted twice", name, pasted.encode("utf-8-sig"), "refuse", (
                "header row appears again",)
    daily = BASES["views.csv"]
    yield "truncated", "views.csv odd byte", "views.csv", daily[:-1], "refuse", ("damaged", "cut short", "encoding")
    yield "truncated", "views.csv only sep line", "views.csv", "sep=,\r\n".encode("utf-16"), "refuse", ("cut short",)
    ga4 = BASES["ga4.csv"]
    yield "truncated", "ga4 comments only", "ga4.csv", ga4[: ga4.find(b"Session primary")], "refuse", ("cut short",)
    yield "duplicated-header", "ga4 column twice", "ga4.csv", ga4.replace(b",Sessions,", b",Sessions,Sessions,", 1).replace(
        b"Organic Social,40,", b"Organic Social,40,40,"), "refuse", ("twice",)

    # Mis-encoded.
    ig = BASES["ig_posts.csv"]
    mojibake = ig.decode("utf-8-sig").encode("utf-8").decode("latin-1").encode("utf-8")
    yield "mis-encoded", "ig mojibake (accepted, text garbled)", "ig.csv", mojibake, "accept", ()
    yield "mis-encoded", "ads cp949", "ads.csv", BASES["ads.csv"][3:].decode("utf-8").encode("cp949"), "accept", ()
    yield "mis-encoded", "daily utf-16 without BOM", "views.csv", daily[2:], "accept", ()
    yield "mis-encoded", "daily utf-16 BE", "views.csv", b"\xfe\xff" + daily[2:].decode("utf-16-le").encode("utf-16-be"), "accept", ()
    yield "mis-encoded", "utf-32", "views.csv", daily[2:].decode("utf-16-le").encode("utf-32"), "refuse", ("not recognised",)
    yield "mis-encoded", "shift-jis bytes", "x.csv", "日付,表示回数\n".encode("shift_jis") * 30, "either", ()
    yield "mis-encoded", "binary", "x.csv", bytes(range(256)) * 40, "refuse", ("encoding", "zero bytes", "text")
    yield "mis-encoded", "utf-8 BOM then cp949", "ads.csv", b"\xef\xbb\xbf" + BASES["ads.csv"][3:].decode().encode("cp949"), \
        "refuse", ("encoding mark", "BOM")

    # Wrong platform and foreign files.
    yield "wrong-platform", "empty", "x.csv", b"", "refuse", ("empty",)
    yield "wrong-platform", "png", "x.png", b"\x89PNG\r\n\x1a\n" + bytes(300), "refuse", ("zero bytes", "not recognised", "text")
    yield "wrong-platform", "budget csv", "budget.csv", "품목,금액\n원두,30000\n".encode(), "refuse", ("not recognised",)
    yield "wrong-platform", "zip of a readme", "export.zip", _zip({"readme.txt": b"hello"}), "refuse", ("no platform download",)
    yield "wrong-platform", "docx-like zip", "a.docx", _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"}), \
        "refuse", ("cannot be opened", "damaged", "no sheet")
    yield "wrong-platform", "xls that is not LinkedIn", "a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), \
        "refuse", ("cannot be opened", "damaged")
    yield "wrong-platform", "ga4 page report without social dimension (accepted, says why)", "ga4.csv", \
        ga4.replace(b"Session primary channel group (Default Channel Group)", b"Page title and screen class"), "accept", ()

    # Huge.
    yield "huge", "60 MB", "big.csv", b"Date,Views\n" + b"2026-01-05,1\n" * (60 * 1024 * 1024 // 13), "refuse", ("too large",)
    big_zip = _zip({"Chart data.csv": b"Date,Views\n" + b"0" * (60 * 1024 * 1024)})
    yield "zip-bomb", "60 MB member", "yt.zip", big_zip, "refuse", ("zip bomb",)
    bomb = _zip({f"Chart data {i}.csv": b"\x00" * (20 * 1024 * 1024) for i in range(12)})
    yield "zip-bomb", "12 x 20 MB of zeros", "yt.zip", bomb, "refuse", ("zip bomb",)
    yield "zip-bomb", "one 5 MB member at ratio 1000", "tt.zip", _zip({"Overview.csv": b" " * (5 * 1024 * 1024)}), \
        "refuse", ("zip bomb",)
    many = _zip({f"f{i}.csv": b"a" for i in range(400)}, zipfile.ZIP_STORED)
    yield "zip-bomb", "400 members", "tt.zip", many, "refuse", ("too many files",)

    # Path traversal inside a zip (nothing is ever extracted, and such a zip is refused outright).
    chart = pf.youtube_zip({D0: dict(views=1, subs=1)}, [])
    for evil in ("../../evil.csv", "/etc/cron.d/x.csv", "C:/Windows/x.csv", "a/../../x.csv", "..\\..\\x.csv"):
        members = {"Chart data.csv": zipfile.ZipFile(io.BytesIO(chart)).read("Chart data.csv"), evil: b"Date,Views\n"}
        yield "path-traversal", evil, "yt.zip", _zip(members), "refuse", ("path traversal",)

    # Formula-bearing cells: in a number column the file is refused naming row and column; in text
    # they stay text (the base posts carry =cmd in a Description and are accepted).
    for formula in ("=cmd|' /C calc'!A0", "=1+1", "+SUM(A1:A9)", "@A1", "=HYPERLINK(\"http://127.0.0.1:9\")"):
        bad = ig.replace(b",Lifetime,\"12,400\",", f",Lifetime,\"{formula.replace(chr(34), chr(34) * 2)}\",".encode(), 1)
        yield "formula", f"Views={formula}", "ig.csv", bad, "refuse", ("row 2",)
    campaign = pf.ga4_csv(D0, D0 + timedelta(6), [("=HYPERLINK(\"http://x\")", 4, 2, 1, 0)], dimension="Session campaign")
    yield "formula", "GA4 campaign named by a formula (text)", "ga4.csv", campaign, "accept", ()


CASES = list(cases())


@pytest.mark.parametrize("kind, label, name, data, must, words", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_hostile_platform_file(tmp_path, kind, label, name, data, must, words):
    project = tmp_path / "plan.kpiwiz"
    project.write_bytes(example_bytes("cafe"))
    target = tmp_path / name
    target.write_bytes(data)
    before = Snapshot.of(tmp_path)
    # Refusals run the real import (it must not write); acceptances run --dry-run (so nothing changes).
    args = ["--lang", "en", "import", project, target] + (["--dry-run"] if must != "refuse" else [])
    outcome = run_cli(*args)
    try:
        accepted = judge(outcome, before, Snapshot.of(tmp_path), words)
        if accepted and must == "refuse":
            raise Mishandled("accepted a file that must be refused")
        if not accepted and must == "accept":
            raise Mishandled(f"refused a file that must be accepted: {outcome.err}")
        if not accepted and name not in outcome.err:
            raise Mishandled(f"the refusal does not name the file: {outcome.err!r}")
    except Mishandled as e:
        raise Mishandled(f"[{kind}] {label}: {e}") from None
    COUNTS[f"import-{kind}"] += 1


def test_too_many_rows_is_refused_naming_the_file(tmp_path, monkeypatch):
    monkeypatch.setattr("kpiwizard.export.platforms.common.MAX_ROWS", 50)
    project = tmp_path / "plan.kpiwiz"
    project.write_bytes(example_bytes("cafe"))
    target = tmp_path / "views.csv"
    target.write_bytes(pf.meta_daily("Views", {D0 + timedelta(i): 1 for i in range(80)}))
    before = Snapshot.of(tmp_path)
    outcome = run_cli("--lang", "en", "import", project, target)
    assert not judge(outcome, before, Snapshot.of(tmp_path), ("too many rows",))
    COUNTS["import-huge"] += 1


def test_formula_text_stays_text_in_the_preview(tmp_path):
    """A campaign named '=HYPERLINK(...)' is listed as the text it is; nothing is evaluated or fetched."""
    project = tmp_path / "plan.kpiwiz"
    project.write_bytes(example_bytes("cafe"))
    target = tmp_path / "ga4.csv"
    target.write_bytes(pf.ga4_csv(D0, D0 + timedelta(6), [("=HYPERLINK(\"http://127.0.0.1:9\")", 4, 2, 1, 0)],
                                  dimension="Session campaign"))
    outcome = run_cli("--lang", "en", "import", project, target, "--dry-run")
    assert outcome.code == 0 and '=HYPERLINK("http://127.0.0.1:9")' in outcome.out


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(base=st.sampled_from(sorted(BASES)), data=st.data())
def test_damaged_downloads_raise_only_the_users_error(base, data):
    """Bytes flipped, ranges deleted or duplicated anywhere in any download: a reader either reads
    the file or raises ``PlatformFileError`` naming it, never anything else."""
    from kpiwizard.core.aggregate import build_preview
    from kpiwizard.core.examples import find_example
    from kpiwizard.export.platforms import PlatformFileError, read_bytes_as

    raw = bytearray(BASES[base])
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(raw) - 1))
        op = data.draw(st.sampled_from(("flip", "cut", "dup", "zero")))
        if op == "flip":
            raw[i] ^= 1 << data.draw(st.integers(0, 7))
        elif op == "cut":
            del raw[i:i + data.draw(st.integers(1, 64))]
        elif op == "dup":
            raw[i:i] = raw[i:i + data.draw(st.integers(1, 64))]
        else:
            raw[i] = 0
        if not raw:
            raw = bytearray(b"x")
    try:
        files = read_bytes_as(base, bytes(raw), date(2026, 2, 1))
    except PlatformFileError as e:
        assert base in e.message("en") and base in e.message("ko")
        COUNTS["import-damaged"] += 1
        return
    build_preview(find_example("cafe").load(), files).render("ko")
    COUNTS["import-damaged"] += 1


def test_the_plans_own_tracker_is_refused_with_a_pointer_to_import_actuals(tmp_path):
    from kpiwizard.core.enums import Lang
    from kpiwizard.core.examples import find_example
    from kpiwizard.export.tracker import export_tracker

    project = tmp_path / "plan.kpiwiz"
    project.write_bytes(example_bytes("cafe"))
    tracker = tmp_path / "tracker.xlsx"
    export_tracker(find_example("cafe").load(), tracker, Lang.KO)
    before = Snapshot.of(tmp_path)
    outcome = run_cli("--lang", "en", "import", project, tracker)
    assert not judge(outcome, before, Snapshot.of(tmp_path), ("import-actuals",))
    assert "tracker.xlsx" in outcome.err
    COUNTS["import-wrong-platform"] += 1
