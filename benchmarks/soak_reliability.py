"""Long reliability run, by hand: the CI suite's generators with every sample and many more kills.

    .venv/bin/python benchmarks/soak_reliability.py [--flips N] [--random N] [--kills N] [--seed S]

Runs every (node, other type) replacement of every example, N flipped-bit and random files per
seed, every truncation point byte by byte if --every 1, then the SIGKILL loop with --kills kills.
Prints counts and the first mishandled cases; exit code 1 if any.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "reliability"))

import reliability_kit as kit  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--flips", type=int, default=500, help="flipped-bit files per example")
    ap.add_argument("--random", type=int, default=500, help="random-byte files")
    ap.add_argument("--every", type=int, default=17, help="truncate at every N-th byte")
    ap.add_argument("--kills", type=int, default=2000, help="SIGKILLs of a saving process")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--export-every", type=int, default=10, help="export every N-th accepted case")
    args = ap.parse_args()

    def cases():
        for name in kit.EXAMPLE_NAMES:
            yield from kit.truncations(name, every=args.every)
            yield from kit.flipped_bytes(name, count=args.flips, seed=args.seed)
            yield from kit.wrong_types(name)
            yield from kit.missing_keys(name)
            yield from kit.unknown_keys(name)
            yield from kit.extreme_dates(name)
        yield from kit.wrong_encodings()
        yield from kit.deep_nesting()
        yield from kit.huge_and_nonfinite()
        yield from kit.versions()
        yield from kit.random_files(count=args.random, seed=args.seed)

    failures, total, accepted, started = [], 0, 0, time.time()
    with tempfile.TemporaryDirectory() as tmp:
        for i, case in enumerate(cases()):
            folder = Path(tmp) / f"c{i}"
            folder.mkdir()
            flags = ("--ics", "--xlsx", "--pdf") if i % args.export_every == 0 else ()
            try:
                accepted += kit.try_case(case, folder, export=flags)
            except kit.Mishandled as e:
                failures.append(str(e)[:500])
            total += 1
            if total % 1000 == 0:
                print(f"{total} cases, {len(failures)} mishandled, {time.time() - started:.0f} s", flush=True)
    print(f"project files: {total} cases, {accepted} accepted, {len(failures)} mishandled; {dict(kit.COUNTS)}")
    for f in failures[:30]:
        print("  ", f)

    env = {**os.environ, "KPIWIZARD_KILLS": str(args.kills)}
    kill = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           str(ROOT / "tests/reliability/test_reliability_atomic_save.py")], env=env, cwd=ROOT)
    print(f"SIGKILL loop ({args.kills} kills): {'passed' if kill.returncode == 0 else 'FAILED'}")
    return 1 if failures or kill.returncode else 0


if __name__ == "__main__":
    raise SystemExit(main())
