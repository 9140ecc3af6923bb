"""Properties the owner relies on: importing twice changes nothing; the order of files does not matter."""

from __future__ import annotations

from datetime import date, timedelta

import platform_fixtures as pf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpiwizard.core.aggregate import build_preview
from kpiwizard.export.platforms import apply_import, read_bytes_as

MON = date(2026, 3, 2)
PLAN = pf.plan(MON, MON + timedelta(55), [
    ("impressions", "weekly"), ("engagement_rate", "weekly"), ("posts_per_period", "weekly"),
    ("followers", "monthly"), ("link_clicks", "weekly"), ("paid_reach", "weekly"), ("direct_traffic", "monthly"),
])


def _files(seed: int, downloads: list[int]):
    """Several downloads of overlapping data, each on its own day, with numbers that settle."""
    out = []
    for n, offset in enumerate(downloads):
        as_of = MON + timedelta(offset)
        grow = 1 + n % 3
        days = {MON + timedelta(i): (seed + i * grow) % 17 for i in range(min(offset, 56))}
        out.append(read_bytes_as(f"views{n}.csv", pf.meta_daily("Views", days), as_of))
        posts = [dict(day=MON + timedelta(3 * i), views=100 + n, reach=50 + seed % 7 + i, likes=3 + grow, shares=1,
                      comments=i % 4, saves=grow, id=f"p{i}") for i in range(min(offset, 56) // 3)]
        out.append(read_bytes_as(f"posts{n}.csv", pf.instagram_posts(posts), as_of))
        yt = {MON + timedelta(i): dict(views=seed % 9, subs=(i + n) % 3) for i in range(min(offset, 56))}
        out.append(read_bytes_as(f"yt{n}.zip", pf.youtube_zip(yt, []), as_of))
        out.append(read_bytes_as(f"fb{n}.csv", pf.meta_daily("Facebook link clicks", {
            MON + timedelta(i): (i * seed + n) % 5 for i in range(0, min(offset, 56), 2)}), as_of))
    camp = [dict(name="A", spend=1000 + seed, impressions=900, reach=500, clicks=30)]
    out.append(read_bytes_as("ads.csv", pf.meta_ads_korean(camp, MON, MON + timedelta(6), 400 + seed), MON + timedelta(9)))
    out.append(read_bytes_as("ga4.csv", pf.ga4_csv(MON, MON + timedelta(27), [("Organic Social", 30 + seed, 20, 2, 0)]),
                             MON + timedelta(30)))
    return [f for group in out for f in group]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 1000), downloads=st.lists(st.integers(5, 70), min_size=1, max_size=3, unique=True),
       order=st.randoms(use_true_random=False))
def test_any_order_gives_the_same_plan_and_a_second_import_changes_nothing(seed, downloads, order):
    files = _files(seed, downloads)
    first = apply_import(PLAN, build_preview(PLAN, files))
    shuffled = list(files)
    order.shuffle(shuffled)
    assert apply_import(PLAN, build_preview(PLAN, shuffled)).actuals == first.actuals
    again = build_preview(first, shuffled)
    assert again.changes == []
    assert apply_import(first, again).actuals == first.actuals


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 1000), keep=st.integers(1, 63))
def test_a_later_import_of_all_files_replaces_what_earlier_partial_imports_wrote(seed, keep):
    """A KPI's value for a period is formed from one import's files (rules in core/aggregate.py): an
    import of some of the files first, then of all of them, ends where one import of all ends."""
    files = _files(seed, [40])
    together = apply_import(PLAN, build_preview(PLAN, files)).actuals
    subset = [f for i, f in enumerate(files) if keep >> (i % 6) & 1]
    project = apply_import(PLAN, build_preview(PLAN, subset))
    project = apply_import(project, build_preview(project, files))
    assert project.actuals == together
