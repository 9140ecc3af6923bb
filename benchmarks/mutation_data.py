"""Mutation testing of the core's figures: move each number of the reference data a little, run the tests.

The rules' thresholds live as data in ``resources/`` (with their sources), where mutmut does not
look. This moves each number of those files one step up and one step down (an integer by 1, a
decimal by 10 %), one at a time, and runs the core's tests against it: a move the tests pass is a
threshold tested on one side only (or not at all), unless the move cannot change any verdict.

    .venv/bin/python benchmarks/mutation_data.py [FILE.json ...] [--budget SECONDS] [--tests PATH ...]

Default files: resources/reference/*.json, resources/advice/*.json, resources/platforms/feeds.json.
It works in a copy of the tracked files (build/mutation/data-tree), never in the working tree,
prints each surviving move and the survival rate, and always stops within --budget (default 900 s;
moves not tried are counted as such). CPU-heavy: one test run per move. docs/mutation.md has the
method and the last figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "build" / "mutation"
TREE = OUT / "data-tree"
DEFAULT_FILES = ["resources/reference/*.json", "resources/advice/*.json", "resources/platforms/feeds.json"]
SKIP_KEYS = {"version"}  # the file format's version: not a rule


def leaves(node, path=()):
    """(path, number) for every number in a JSON document (booleans are not numbers here)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in SKIP_KEYS:
                yield from leaves(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from leaves(value, (*path, i))
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        yield path, node


def moves(value: float) -> list[float]:
    if isinstance(value, int):
        return [value + 1, value - 1]
    step = abs(value) * 0.1 or 0.1
    return [round(value + step, 12), round(value - step, 12)]


def set_at(node, path, value):
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def copy_tree() -> None:
    if TREE.exists():
        shutil.rmtree(TREE)
    TREE.mkdir(parents=True)
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in files.decode().split("\0"):
        if name and (REPO / name).is_file():
            target = TREE / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target)


def run_tests(tests: list[str], timeout: float) -> bool:
    """True when the tests pass."""
    env = dict(os.environ, PYTHONPATH=str(TREE), QT_QPA_PLATFORM="offscreen")
    try:
        proc = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
                              cwd=TREE, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return False  # a hang caused by the move counts as caught
    return proc.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*")
    parser.add_argument("--budget", type=float, default=900)
    parser.add_argument("--tests", nargs="+", default=["tests/core", "tests/test_catalog.py"])
    args = parser.parse_args()
    deadline = time.monotonic() + args.budget
    patterns = args.files or DEFAULT_FILES
    files = sorted({p.relative_to(REPO) for pattern in patterns for p in REPO.glob(pattern)})
    copy_tree()
    start = time.monotonic()
    if not run_tests(args.tests, timeout=600):
        print("mutation (data): the tests fail without any move; nothing to measure", file=sys.stderr)
        return 1
    per_run = max(time.monotonic() - start, 1.0)
    killed, survived, untried = 0, [], 0
    for rel in files:
        path = TREE / rel
        original = path.read_text(encoding="utf-8")
        document = json.loads(original)
        for where, value in list(leaves(document)):
            for moved in moves(value):
                if time.monotonic() + per_run > deadline:
                    untried += 1
                    continue
                changed = json.loads(original)
                set_at(changed, where, moved)
                path.write_text(json.dumps(changed, ensure_ascii=False, indent=2), encoding="utf-8")
                try:
                    caught = not run_tests(args.tests, timeout=per_run * 10 + 60)
                finally:
                    path.write_text(original, encoding="utf-8")
                label = f"{rel}: {'.'.join(str(k) for k in where)} {value} -> {moved}"
                if caught:
                    killed += 1
                else:
                    survived.append(label)
                    print(f"  survived: {label}", flush=True)
    tried = killed + len(survived)
    print(f"mutation (data): {len(files)} files, {tried} moves tried, killed {killed}, survived {len(survived)}"
          + (f", not tried (budget) {untried}" if untried else ""))
    if tried:
        print(f"mutation (data): survival rate {len(survived) / tried:.1%}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "data-survivors.txt").write_text("".join(f"{s}\n" for s in survived), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
