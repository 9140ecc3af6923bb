"""Shared machinery of the reliability suite and its soak script: bad-input generators and the
one judge that decides whether the program handled a case.

A case is handled when the command either accepts the file (exit 0) or refuses it with exit
code 2 and one message that names the problem, prints no traceback, and leaves the file's bytes,
its modification time and the folder's other files exactly as they were. The soak script
(``benchmarks/soak_reliability.py``) imports this module so the long run and CI try the same
things.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import random
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kpiwizard.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLES_DIR = REPO / "resources" / "examples"
EXAMPLE_NAMES = ("cafe", "pizzeria", "pizzeria-unrealistic", "b2b-ebook")

# Cases run in this process, by kind; the conftest prints them at the end of the session.
COUNTS: Counter[str] = Counter()


def example_bytes(name: str) -> bytes:
    return (EXAMPLES_DIR / f"{name}.kpiwiz").read_bytes()


def example_data(name: str) -> dict:
    return json.loads(example_bytes(name))


def dump(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def exporters_available() -> list[str]:
    """Every export flag: a missing or renamed exporter must fail these tests, not drop out of them."""
    return ["--ics", "--xlsx", "--pdf"]


# -- running the real command in-process ---------------------------------------------------------


@dataclass
class Outcome:
    code: int
    out: str
    err: str


def run_cli(*args: str | os.PathLike[str]) -> Outcome:
    """``kpiwizard ARGS`` through its real entry point, streams captured, SystemExit turned into a code."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as e:  # argparse usage errors
            code = e.code if isinstance(e.code, int) else 2
    return Outcome(code, out.getvalue(), err.getvalue())


@dataclass(frozen=True)
class Snapshot:
    """Everything a read-only command must leave alone: the file and its neighbours."""

    files: dict[str, tuple[bytes, int]]

    @classmethod
    def of(cls, folder: Path) -> "Snapshot":
        files = {}
        for p in sorted(folder.iterdir()):
            if p.is_file():
                with open(p, "rb") as f:  # builtins.open: tests may patch Path's own readers
                    files[p.name] = (f.read(), p.stat().st_mtime_ns)
        return cls(files)


class Mishandled(AssertionError):
    pass


def judge(outcome: Outcome, before: Snapshot, after: Snapshot, names: tuple[str, ...] = ()) -> bool:
    """Raise ``Mishandled`` unless the case was accepted or refused properly. True when accepted.

    ``names``: words one of which the refusal must contain (the problem it names); empty means
    any clear one-line message will do.
    """
    if before != after:
        changed = sorted(set(before.files) ^ set(after.files)) or [
            n for n in before.files if before.files[n] != after.files.get(n)
        ]
        raise Mishandled(f"files changed by a read: {changed}")
    if "Traceback" in outcome.err or "Traceback" in outcome.out:
        raise Mishandled(f"traceback printed:\n{outcome.err[-2000:]}")
    if outcome.code == 0:
        return True
    if outcome.code != 2:
        raise Mishandled(f"exit code {outcome.code}: {outcome.err[-2000:]}")
    message = outcome.err.strip()
    if not message.startswith("kpiwizard: ") or len(message) < 25:
        raise Mishandled(f"refused without a clear message: {message!r}")
    if names and not any(n.lower() in message.lower() for n in names):
        raise Mishandled(f"message does not name the problem {names}: {message!r}")
    return False


@dataclass
class Case:
    kind: str
    label: str
    content: bytes | None  # None: the case prepares the path itself (folder, unreadable...)
    names: tuple[str, ...] = ()  # words one of which a refusal must contain
    must_refuse: bool = False
    must_accept: bool = False
    prepare: Callable[[Path], None] | None = field(default=None, repr=False)
    export: bool = False  # always export when accepted (not only in the sample)


def try_case(case: Case, folder: Path, export: tuple[str, ...] = (), lang: str = "en") -> bool:
    """Validate one case in an empty folder; if accepted, audit and export it with the flags given
    (and at least ``--ics`` for cases marked ``export``). True: accepted."""
    target = folder / "plan.kpiwiz"
    if case.content is not None:
        target.write_bytes(case.content)
    if case.prepare:
        case.prepare(target)
    before = Snapshot.of(folder)
    if case.export:
        export = tuple(dict.fromkeys(("--ics", *export)))
    try:
        accepted = judge(run_cli("--lang", lang, "validate", target), before, Snapshot.of(folder), case.names)
        if accepted and case.must_refuse:
            raise Mishandled("accepted a file that must be refused")
        if not accepted and case.must_accept:
            raise Mishandled("refused a file that must be accepted")
        if accepted and export:
            check_accepted(target, lang)
            export_accepted(target, folder / "out", export)
    except Mishandled as e:
        raise Mishandled(f"[{case.kind}] {case.label}: {e}") from None
    COUNTS[case.kind] += 1
    return accepted


def check_accepted(target: Path, lang: str) -> None:
    """The SMART audit of an accepted file runs to its verdict: 0 passed, 2 failed, never a crash."""
    before = Snapshot.of(target.parent)
    outcome = run_cli("--lang", lang, "check", target)
    if outcome.code not in (0, 2) or "Traceback" in outcome.err or not outcome.out.strip():
        raise Mishandled(f"check of an accepted file: exit {outcome.code}: {outcome.err[-2000:]}")
    if Snapshot.of(target.parent) != before:
        raise Mishandled("check changed the project file")


def export_accepted(target: Path, out: Path, flags: tuple[str, ...] = ("--ics",)) -> None:
    """Exports of a file the program accepted (those of ``flags`` the checkout has): all must succeed."""
    from icalendar import Calendar

    out.mkdir(exist_ok=True)
    files = {"--ics": out / "plan.ics", "--xlsx": out / "plan.xlsx", "--pdf": out / "plan.pdf"}
    args: list[str | Path] = []
    for flag in exporters_available():
        if flag in flags:
            args += [flag, files[flag]]
    before = target.read_bytes(), target.stat().st_mtime_ns
    outcome = run_cli("export", target, *args)
    if outcome.code != 0 or "Traceback" in outcome.err:
        raise Mishandled(f"accepted file failed to export (exit {outcome.code}): {outcome.err[-2000:]}")
    if (target.read_bytes(), target.stat().st_mtime_ns) != before:
        raise Mishandled("export changed the project file")
    Calendar.from_ical(files["--ics"].read_bytes())
    COUNTS["exports"] += 1



# -- generators: mutations of the real example plans ---------------------------------------------


def truncations(name: str, every: int) -> Iterator[Case]:
    """The file cut at every ``every``-th byte and at each kind of structural point."""
    data = example_bytes(name)
    text = data.decode("utf-8")
    points = set(range(0, len(data), every))
    # Inside a string, inside a number, right after a key, after ':' and ',', between the UTF-8
    # bytes of one Korean character: the first few of each kind.
    for pattern, offset in ((r'"[^"\n]{6,}"', 4), (r"\d{3,}", 2), (r'"[a-z_]+":', 0), (r":", 1), (r",", 1)):
        for m in list(re.finditer(pattern, text))[:8]:
            cut = len(text[: m.end() if offset == 0 else m.start() + offset].encode("utf-8"))
            points.add(cut)
    points.update([i + 1 for i, b in enumerate(data) if b >= 0xC0][:10])  # inside a Korean character
    for cut in sorted(points):
        if cut < len(data.rstrip()):
            yield Case("truncated", f"{name}[:{cut}]", data[:cut],
                       names=("JSON", "empty", "UTF-8"), must_refuse=True)


def flipped_bytes(name: str, count: int, seed: int) -> Iterator[Case]:
    rng = random.Random(f"{seed}-{name}")
    data = example_bytes(name)
    for _ in range(count):
        buf = bytearray(data)
        flips = rng.choice((1, 1, 2, 8))
        spots = [rng.randrange(len(buf)) for _ in range(flips)]
        for i in spots:
            buf[i] ^= 1 << rng.randrange(8)
        yield Case("flipped", f"{name} bits at {spots}", bytes(buf))


def wrong_encodings() -> Iterator[Case]:
    cafe = example_bytes("cafe").decode("utf-8")
    pizza = example_bytes("pizzeria").decode("utf-8")
    utf16 = ("UTF-16",)
    for label, text in (("cafe", cafe), ("pizzeria", pizza)):
        yield Case("encoding", f"{label} utf-16-le+bom", b"\xff\xfe" + text.encode("utf-16-le"), utf16, must_refuse=True)
        yield Case("encoding", f"{label} utf-16-be+bom", b"\xfe\xff" + text.encode("utf-16-be"), utf16, must_refuse=True)
        yield Case("encoding", f"{label} utf-16-le", text.encode("utf-16-le"), utf16, must_refuse=True)
        yield Case("encoding", f"{label} utf-16-be", text.encode("utf-16-be"), utf16, must_refuse=True)
        yield Case("encoding", f"{label} utf-32", text.encode("utf-32"), ("UTF-16", "UTF-8"), must_refuse=True)
        yield Case("encoding", f"{label} utf-8 bom", b"\xef\xbb\xbf" + text.encode("utf-8"), must_accept=True)
    # Korean in a legacy Korean code page, and the Korean file's bytes read as Latin-1 and saved
    # again as UTF-8 by an editor (mojibake: still valid UTF-8 JSON, so accepted, text garbled).
    yield Case("encoding", "cafe cp949", cafe.encode("cp949", errors="replace"), ("UTF-8",), must_refuse=True)
    yield Case("encoding", "cafe euc-kr", cafe.encode("euc-kr", errors="replace"), ("UTF-8",), must_refuse=True)
    yield Case("encoding", "cafe latin-1 mojibake", cafe.encode("utf-8").decode("latin-1").encode("utf-8"))
    yield Case("encoding", "pizzeria cp1252", pizza.encode("cp1252"), ("UTF-8",), must_refuse=True)
    latin = pizza.replace("Pepperoni Palace", "Café Pepperoni Palace")
    yield Case("encoding", "pizzeria latin-1", latin.encode("latin-1", errors="replace"), ("UTF-8",), must_refuse=True)


def _nested(depth: int, obj: bool) -> bytes:
    if obj:
        return b'{"a":' * depth + b"1" + b"}" * depth
    return b"[" * depth + b"]" * depth


def deep_nesting() -> Iterator[Case]:
    base = example_bytes("pizzeria")
    deep = ("nested too deeply", "JSON")
    for depth in (100_000, 5_000, 990):
        for obj in (False, True):
            kind = "object" if obj else "array"
            yield Case("deep", f"{depth} {kind}s alone", _nested(depth, obj), deep, must_refuse=True)
            inner = base.replace(b'"notes": ', b'"notes": ' + _nested(depth, obj) + b", \"x\": ", 1)
            yield Case("deep", f"{depth} {kind}s in notes", inner, deep + ("notes",), must_refuse=True)
    yield Case("deep", "unclosed 100k", b"[" * 100_000, deep, must_refuse=True)


NUMERIC_FIELDS = (
    ("smart", "target"), ("smart", "baseline"), ("roi", "ad_spend"), ("capacity", "posts_per_week"),
    ("review", "reminder_hour"), ("schema_version",),
)


def _replace_raw(name: str, path: tuple, raw: str) -> bytes:
    """The example with the value at ``path`` replaced by raw JSON text (which json cannot write)."""
    data = example_data(name)
    marker = "__RAW_VALUE_MARKER__"
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = marker
    return json.dumps(data, ensure_ascii=False, indent=2).replace(f'"{marker}"', raw).encode("utf-8")


def huge_and_nonfinite() -> Iterator[Case]:
    big = ("NaN", "too large", "at most", "schema_version", "newer")
    raws = ["1e400", "-1e400", "1" * 5000, "-" + "9" * 5000, "NaN", "Infinity", "-Infinity",
            "1e308", "-1e308", "9" * 40, "1e-400", "123456789012345678901234567890.5"]
    for path in NUMERIC_FIELDS:
        for raw in raws:
            yield Case("huge", f"{'.'.join(path)}={raw[:20]}", _replace_raw("pizzeria", path, raw),
                       big + (path[-1],))
    # Inside the actuals table, whose keys are dates.
    data = example_data("cafe")
    kpi = next(iter(data["actuals"]))
    for raw in ("1e400", "NaN", "Infinity", "1" * 5000):
        day = next(iter(data["actuals"][kpi]))
        yield Case("huge", f"actuals.{kpi}.{day}={raw[:10]}",
                   _replace_raw("cafe", ("actuals", kpi, day), raw), big, must_refuse=True)


# Values of every JSON type; a node is replaced by each whose type differs from its own.
_SAMPLES = {
    "null": None, "bool": True, "int": -7, "float": 2.5, "string": "x", "empty": "",
    "date": "2026-02-30", "list": [], "list1": [1], "dict": {}, "dictx": {"zz": 1},
}


def _type_of(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "list" if isinstance(value, list) else "dict"


def tree_paths(data: object, path: tuple = ()) -> Iterator[tuple]:
    yield path
    if isinstance(data, dict):
        for k, v in data.items():
            yield from tree_paths(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from tree_paths(v, path + (i,))


def _get(data: object, path: tuple) -> object:
    for key in path:
        data = data[key]
    return data


def _set(data: object, path: tuple, value: object) -> object:
    if not path:
        return value
    out = copy.deepcopy(data)
    _get(out, path[:-1])[path[-1]] = value
    return out


def display_path(path: tuple) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def wrong_types(name: str, stride: int = 1, offset: int = 0) -> Iterator[Case]:
    """Each node of the example replaced by values of other JSON types (every ``stride``-th sample)."""
    data = example_data(name)
    n = 0
    for path in tree_paths(data):
        own = _type_of(_get(data, path))
        for label, value in _SAMPLES.items():
            if _type_of(value) == own:
                continue
            n += 1
            if (n + offset) % stride:
                continue
            yield Case("wrong-type", f"{name}:{display_path(path) or '(root)'}={label}",
                       dump(_set(data, path, value)), names=_names_for(path))


def _names_for(path: tuple) -> tuple[str, ...]:
    """Words a refusal of a change at ``path`` must contain: the field's name, or a file-level cause."""
    if not path:
        return ("JSON object",)
    if path[0] == "schema_version":
        return ("schema_version",)
    words = ["not valid", "not a KPI of this plan", "used twice"]  # cross-field checks
    keys = [p for p in path if isinstance(p, str)]
    if keys:
        words.append(f"'{display_path(path[:1])}")  # the message names the field, from its root
    if path[0] == "actuals":
        words.append("actuals")
    return tuple(words)


def missing_keys(name: str) -> Iterator[Case]:
    data = example_data(name)
    for path in tree_paths(data):
        if path and isinstance(path[-1], str):
            out = copy.deepcopy(data)
            del _get(out, path[:-1])[path[-1]]
            names = ("schema_version",) if path == ("schema_version",) else (path[-1], "not valid", "not a KPI")
            yield Case("missing-key", f"{name}:-{display_path(path)}", dump(out), names=names)


def unknown_keys(name: str) -> Iterator[Case]:
    data = example_data(name)
    for path in tree_paths(data):
        node = _get(data, path)
        if isinstance(node, dict):
            out = copy.deepcopy(data)
            _get(out, path)["colour_scheme"] = "blue"
            names = ("colour_scheme", "actuals")  # actuals' keys are KPI ids: an unknown one is named too
            yield Case("unknown-key", f"{name}:{display_path(path) or '(root)'}+colour_scheme", dump(out),
                       names=names, must_refuse=path[:1] != ("actuals",) or len(path) > 1)


def version_one(data: dict) -> dict:
    """A current project rewritten in the prototype format (schema 1) the migration reads."""
    old = copy.deepcopy(data)
    old["schema_version"] = 1
    back = {"higher": "up", "lower": "down", "range": "band"}
    channels = old["business"].pop("channels", [])
    if channels:
        old["business"]["channel"] = channels[0]["name"]
        old["business"]["followers"] = channels[0]["followers"]
    for kpi in old.get("kpis", []):
        kpi["direction"] = back[kpi["direction"]]
    old["smart"]["direction"] = back[old["smart"]["direction"]]
    old["actuals"] = [{"kpi": k, "period": p, "value": v} for k, s in old["actuals"].items() for p, v in s.items()]
    return old


def versions() -> Iterator[Case]:
    for name in EXAMPLE_NAMES:
        data = example_data(name)
        for v in (3, 99, 10**30):
            yield Case("version", f"{name} v{v}", dump({**data, "schema_version": v}), ("newer",), must_refuse=True)
        for v in (0, -1, "2", 2.5, None, True):
            yield Case("version", f"{name} v{v!r}", dump({**data, "schema_version": v}), ("schema_version",),
                       must_refuse=True)
        # 2.0 is the number 2 in JSON (and to the published JSON Schema): read as version 2.
        yield Case("version", f"{name} v2.0", dump({**data, "schema_version": 2.0}), must_accept=True)
        yield Case("version", f"{name} v1", dump(version_one(data)), must_accept=True)
        broken = version_one(data)
        broken["actuals"] = [{"kpi": "x"}, 5, None]
        yield Case("version", f"{name} v1 broken actuals", dump(broken), ("format 1",), must_refuse=True)


EXTREME_DATES = ("0001-01-01", "0001-12-31", "1900-01-01", "2199-12-31", "9999-01-01", "9999-12-31")


def extreme_dates(name: str) -> Iterator[Case]:
    """Every date of the example moved to the ends of the calendar; accepted ones are all exported."""
    data = example_data(name)
    date_re = re.compile(r"^\d{4}-\d{2}-\d{2}$")
    paths = [p for p in tree_paths(data) if isinstance(_get(data, p), str) and date_re.match(_get(data, p))]
    for path in paths:
        for day in EXTREME_DATES:
            yield Case("dates", f"{name}:{display_path(path)}={day}", dump(_set(data, path, day)),
                       names=("date", "not valid", path[-1] if isinstance(path[-1], str) else "actuals"),
                       export=True)
    for start, end in (("9999-12-01", "9999-12-31"), ("0001-01-01", "0001-03-01"), ("2026-03-01", "2026-01-01"),
                       ("2026-01-01", "2026-01-01"), ("1000-01-01", "2999-01-01")):
        out = {**data, "start": start, "end": end}
        yield Case("dates", f"{name}: plan {start}..{end}", dump(out), names=("date", "not valid", "end", "start"),
                   export=True)
    # The actuals table keyed by impossible dates.
    if data.get("actuals"):
        kpi = next(iter(data["actuals"]))
        for key in ("2026-02-30", "not a date", "", "9999-12-31", "0001-01-01"):
            out = copy.deepcopy(data)
            out["actuals"][kpi][key] = 1
            yield Case("dates", f"{name}: actuals.{kpi}[{key!r}]", dump(out), names=("actuals", "date"), export=True)


def random_files(count: int, seed: int) -> Iterator[Case]:
    rng = random.Random(seed)
    yield Case("random", "empty", b"", ("empty",), must_refuse=True)
    yield Case("random", "whitespace", b" \n\t\r\n", ("empty",), must_refuse=True)
    yield Case("random", "utf-8 bom only", b"\xef\xbb\xbf", ("empty", "JSON"), must_refuse=True)
    yield Case("random", "NUL bytes", b"\x00" * 64, ("UTF-16", "JSON"), must_refuse=True)
    for text in (b"null", b"[]", b"42", b'"plan"', b"{}", b"true", b'{"schema_version": 2}'):
        yield Case("random", text.decode(), text, ("JSON object", "schema_version", "field"), must_refuse=True)
    for i in range(count):
        size = rng.choice((1, 7, 100, 4096, 70_000))
        yield Case("random", f"random #{i} ({size} bytes)", rng.randbytes(size), must_refuse=True)
    png = b"\x89PNG\r\n\x1a\n" + rng.randbytes(200)
    zip_ = b"PK\x03\x04" + rng.randbytes(300)  # what an .xlsx starts with
    yield Case("random", "png", png, must_refuse=True)
    yield Case("random", "zip/xlsx", zip_, must_refuse=True)


def example_cases(stride_types: int = 1) -> Iterator[Case]:
    """The standard mutation set of the CI suite (the soak script asks for larger counts)."""
    for name in EXAMPLE_NAMES:
        yield from truncations(name, every=211)
        yield from flipped_bytes(name, count=40, seed=7)
        yield from wrong_types(name, stride=stride_types)
        yield from missing_keys(name)
        yield from unknown_keys(name)
        yield from extreme_dates(name)
    yield from wrong_encodings()
    yield from deep_nesting()
    yield from huge_and_nonfinite()
    yield from versions()
    yield from random_files(count=30, seed=11)
