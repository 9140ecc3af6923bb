"""A rate's terms where one file covers the week with no row in it (docs/mutation.md).

Such a file gives a real zero with no download day of its own; the channel's share still
remembers the newest download among its other files, whatever the order of the terms.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from test_core_aggregate_rules import LATER, MON, SUN, _posts_file, parsed, plan

from kpiwizard.core.aggregate import Column, apply_preview, build_preview
from kpiwizard.core.models import ImportedPart


@pytest.mark.parametrize("empty", ["likes", "comments", "shares", "saves"])
def test_an_empty_file_among_a_rates_terms_keeps_the_newest_download(empty):
    old = LATER - timedelta(20)
    files = [_posts_file(f"{m}.csv", LATER if m == "comments" else old, **{m: {MON: v}})
             for m, v in (("likes", 3), ("comments", 1), ("shares", 1), ("saves", 4), ("post_reach", 40))
             if m != empty]
    files.append(parsed(f"{empty}.csv", [], source="post", columns=[Column(empty, f"x:{empty}", empty)],
                        first=MON, last=SUN, as_of=old))
    project = plan("engagement_rate", end=SUN)
    preview = build_preview(project, files)
    counted = {"likes": 3, "comments": 1, "shares": 1, "saves": 4}
    counted.pop(empty)
    (v,) = preview.values
    assert v.value == pytest.approx(sum(counted.values()) / 40 * 100)
    newest = old if empty == "comments" else LATER
    assert apply_preview(project, preview).imported["engagement_rate"][MON]["Instagram"] == ImportedPart(
        value=sum(counted.values()), denominator=40, days=7, as_of=newest)
