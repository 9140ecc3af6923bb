"""The importer's data files agree with the catalog and with the readers (figures are data)."""

from __future__ import annotations

import json
from datetime import date

import platform_fixtures as pf
import pytest

from kpiwizard.core.aggregate import load_feeds
from kpiwizard.core.catalog import load_catalog
from kpiwizard.core.enums import KpiKind
from kpiwizard.core.resources import resource_path
from kpiwizard.export.platforms import read_bytes_as
from kpiwizard.export.platforms.common import norm, synonyms

# Metrics the readers make themselves, beyond the synonym table's field names.
DERIVED = {"posts", "post_reach"} | {f"{p}{m}" for p in ("social_", "campaign_") for m in (
    "sessions", "key_events", "revenue", "views", "engagement_seconds", "bounced_sessions", "engaged_sessions",
    "converted_sessions")}


def _fields() -> set[str]:
    data = json.loads(resource_path("platforms", "synonyms.json").read_text(encoding="utf-8"))
    out = set()
    for name, section in data.items():
        if isinstance(section, dict) and not name.startswith("_"):
            out |= {f.partition("@")[0] for f in section}
    return out


def test_every_fed_kpi_is_in_the_catalog_and_its_kind_fits_the_formula():
    catalog = load_catalog()
    for kpi_id, feed in load_feeds().kpis.items():
        kind = catalog.kpi(kpi_id).kind
        if feed.is_ratio:
            assert kind in (KpiKind.RATE, KpiKind.SHARE), kpi_id  # recomputed from numerator and denominator
            assert feed.numerator and not feed.value, kpi_id
        else:
            assert kind in (KpiKind.STOCK, KpiKind.FLOW), kpi_id
        if kind is KpiKind.SHARE:
            assert feed.scale == 100, kpi_id  # shares run 0-100


def test_every_metric_the_feeds_name_is_made_by_some_reader():
    made = _fields() | DERIVED | {"likes", "reactions", "impressions", "views"}
    for kpi_id, feed in load_feeds().kpis.items():
        for metric in feed.metrics():
            assert metric in made, f"{kpi_id}: nothing produces '{metric}'"


def test_no_spelling_means_two_things_in_one_section():
    data = json.loads(resource_path("platforms", "synonyms.json").read_text(encoding="utf-8"))
    for name, section in data.items():
        if not isinstance(section, dict) or name.startswith("_") or name == "channel_hints":
            continue
        seen: dict[str, str] = {}
        for field, spellings in section.items():
            for s in spellings:
                assert seen.setdefault(norm(s), field) == field, f"{name}: '{s}' is both {seen[norm(s)]} and {field}"


def test_a_new_header_spelling_is_one_line_of_data(monkeypatch):
    """A platform renames 'Views' to 'Plays': adding the spelling to the table is all it takes."""
    as_of = date(2026, 4, 1)
    posts = [dict(day=date(2026, 3, 2), views=70, reach=50, likes=1, shares=0, comments=0, saves=0)]
    renamed = pf.instagram_posts(posts).replace(b",Views,", b",Plays,", 1)
    (before,) = read_bytes_as("p.csv", renamed, as_of)
    assert not [r for r in before.readings if r.metric == "views"]
    data = json.loads(resource_path("platforms", "synonyms.json").read_text(encoding="utf-8"))
    data["common"]["views"].append("Plays")
    monkeypatch.setattr("kpiwizard.export.platforms.common.resource_path", lambda *parts: _Fake(json.dumps(data)))
    synonyms.cache_clear()
    try:
        (after,) = read_bytes_as("p.csv", renamed, as_of)
    finally:
        monkeypatch.undo()
        synonyms.cache_clear()
    assert [r.value for r in after.readings if r.metric == "views"] == [70]


class _Fake:
    def __init__(self, text: str):
        self.text = text

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.text


@pytest.mark.parametrize("channel", ["Instagram", "Facebook"])
def test_channel_hints_name_real_channels(channel):
    assert channel in synonyms().channel_hints
