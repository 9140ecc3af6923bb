"""Importing a year of platform downloads: time against reading the same bytes with the csv module.

Run: .venv/bin/python benchmarks/bench_import.py
The files: a year of Meta daily insight files (Views, Facebook link clicks, Content interactions,
Instagram follows) for three channels (Instagram, Facebook, and a third Meta account), a year of
a YouTube Studio zip (daily chart data and totals), and a post export with 500 posts. The plan:
a year, weekly and monthly KPIs fed by those files. The baseline decodes the same bytes and reads
every row with ``csv.reader`` — the least any importer must do — measured in the same run, because
these machines are noisy; the ratio is the figure to compare between runs.
"""

from __future__ import annotations

import csv
import io
import statistics
import sys
import tempfile
import time
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "imports"))

import platform_fixtures as pf

from kpiwizard.core.catalog import load_catalog
from kpiwizard.export.platforms import apply_import, plan_import

START = date(2025, 1, 6)
DAYS = 364
DOWNLOADED = START + timedelta(DAYS + 5)


def build(folder: Path) -> list[Path]:
    files = []
    for c, channel in enumerate(("instagram", "facebook", "shop")):
        for m, metric in enumerate(("Views", "Facebook link clicks", "Content interactions", "Instagram follows")):
            series = {START + timedelta(i): (i * (c + 3) + m) % 97 for i in range(DAYS)}
            files.append(pf.write(folder, f"{channel}_{m}.csv", pf.meta_daily(metric, series), DOWNLOADED))
    posts = [dict(day=START + timedelta(i * DAYS // 500), views=1000 + i, reach=700 + i % 50, likes=30 + i % 7,
                  shares=i % 5, comments=i % 9, saves=i % 4, id=f"1790{i:06d}") for i in range(500)]
    files.append(pf.write(folder, "posts.csv", pf.instagram_posts(posts), DOWNLOADED))
    yt = {START + timedelta(i): dict(views=50 + i % 30, subs=i % 3) for i in range(DAYS)}
    files.append(pf.write(folder, "youtube.zip", pf.youtube_zip(yt, []), DOWNLOADED))
    return files


def baseline(files: list[Path]) -> int:
    """Decode each file (or zip member) and read every row with the csv module."""
    rows = 0
    for path in files:
        data = path.read_bytes()
        blobs = [data]
        if data.startswith(b"PK"):
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                blobs = [z.read(n) for n in z.namelist()]
        for blob in blobs:
            text = blob[2:].decode("utf-16-le") if blob.startswith(b"\xff\xfe") else blob.decode("utf-8-sig")
            rows += sum(1 for _ in csv.reader(io.StringIO(text)))
    return rows


def main() -> int:
    load_catalog()
    project = pf.plan(START, START + timedelta(DAYS - 1), [
        ("impressions", "weekly"), ("link_clicks", "weekly"), ("engagement_rate", "weekly"),
        ("posts_per_period", "weekly"), ("followers", "monthly"), ("avg_reach_per_post", "monthly"),
        ("likes", "monthly"), ("comments", "weekly"),
    ])
    with tempfile.TemporaryDirectory() as tmp:
        files = build(Path(tmp))
        size = sum(p.stat().st_size for p in files)
        base_times, import_times = [], []
        for _ in range(5):
            t0 = time.perf_counter()
            rows = baseline(files)
            base_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            preview = plan_import(project, files)
            apply_import(project, preview)
            import_times.append(time.perf_counter() - t0)
        b, i = statistics.median(base_times), statistics.median(import_times)
    print(f"files: {len(files)} ({size / 1_048_576:.2f} MB, {rows:,} rows); values: {len(preview.values)}")
    print(f"csv module baseline: {b * 1000:8.1f} ms")
    print(f"import + preview + apply: {i * 1000:8.1f} ms")
    print(f"ratio import / baseline: {i / b:.1f}x   (run at {datetime.now():%Y-%m-%d %H:%M})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
