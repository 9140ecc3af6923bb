"""Frozen bundle against the unfrozen app: bundle size and start-up times, in one run.

    .venv/bin/python benchmarks/bench_frozen.py [dist/kpiwizard] [--runs 5]

Times `kpiwizard --version`, `kpiwizard examples` and the window (until the first window is exposed
on an Xvfb display, via KPIWIZARD_SMOKE_EXIT_AFTER_SHOWN=1) for the frozen program and for
`python -m kpiwizard.cli` from this interpreter. Each is run once to warm the disk cache, then
--runs times; the table shows the median and the frozen/unfrozen ratio.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def bundle_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@contextmanager
def xvfb_display():
    """One Xvfb server for every window run, so its start-up is not part of the timings."""
    if shutil.which("Xvfb") is None:
        yield None
        return
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = pipe.readline().strip()
    try:
        yield f":{display}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def timed(cmd: list[str], env: dict[str, str], cwd: Path, runs: int) -> float:
    def once() -> float:
        start = time.perf_counter()
        done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, check=False, timeout=120)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
        return elapsed

    once()  # warm-up: disk cache, font cache, .pyc files
    return statistics.median(once() for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=REPO / "dist" / "kpiwizard")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    frozen = args.bundle.resolve() / ("kpiwizard.exe" if os.name == "nt" else "kpiwizard")
    if not frozen.exists():
        print(f"no frozen program at {frozen}: run packaging/build-linux.sh first", file=sys.stderr)
        return 2
    unfrozen = [sys.executable, "-m", "kpiwizard.cli"]

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        base = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                "LANG": "C.UTF-8", "XDG_CONFIG_HOME": str(home / "config"),
                "XDG_DATA_HOME": str(home / "data"), "XDG_RUNTIME_DIR": str(home)}
        os.chmod(home, 0o700)
        rows = []
        for label, extra in (("--version", ["--version"]), ("examples", ["examples"])):
            rows.append((label, timed([str(frozen), *extra], base, home, args.runs),
                         timed([*unfrozen, *extra], base, home, args.runs)))
        with xvfb_display() as display:
            if display is None:
                print("Xvfb not installed: window start-up not measured", file=sys.stderr)
            else:
                win = {**base, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
                       "KPIWIZARD_SMOKE_EXIT_AFTER_SHOWN": "1"}
                rows.append(("window shown (Xvfb)", timed([str(frozen)], win, home, args.runs),
                             timed(unfrozen, win, home, args.runs)))

    print(f"bundle: {args.bundle}  {bundle_size(args.bundle.resolve()) / 1e6:.1f} MB "
          f"(goal <= 120 MB)   median of {args.runs} warm runs")
    print(f"{'start-up':<22}{'frozen s':>10}{'unfrozen s':>12}{'ratio':>8}")
    for label, f, u in rows:
        print(f"{label:<22}{f:>10.3f}{u:>12.3f}{f / u:>8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
