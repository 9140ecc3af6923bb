"""Turning the platforms' rows into the plan's actuals: one value per KPI and period.

The rules, in words (a sceptical marketer should be able to check each one):

* **Where a number comes from.** ``resources/platforms/feeds.json`` says which platform metrics feed
  which catalog KPI. A column the owner maps by hand to a KPI (remembered between imports, see
  ``kpiwizard/export/platforms/mappings.py``) *replaces* that KPI's automatic sources.
* **Periods** are the plan's own (``core/schedule.py``): each KPI's weekly or monthly frequency from
  the plan's start; rows dated before the start or after the end are ignored and counted.
* **Stock** (followers): the last reading in the period, per channel; channels are added up.
* **Flow** (views, clicks, posts, revenue): the sum of the period's daily rows, or of the posts
  published in it (per-post numbers are lifetime totals as of the download). A period the files
  cover only in part is marked *partial* with the days covered; a period the files do not touch
  gets no value (an empty week inside a file's span is a real zero).
* **Rate and share** (engagement rate, CTR, cost per click): numerator and denominator are each
  summed over the period first, then divided — never an average of daily or per-post rates. A
  channel counts only with both sides (TikTok likes over Instagram reach would mean nothing).
* **Figures for a span** (an ads export, a GA4 report without a date column) are used only when the
  span lies inside one plan period: a span across two periods cannot be split, and the preview
  says so.
* **Reach and viewers count people**, and the same person turns up on many days: such a figure is
  used only when a file gives it for exactly the period (an ads export for that week, say);
  otherwise the preview says why the KPI got no value.
* **One number, one source.** Per channel and metric, daily rows win over per-post totals, which
  win over whole-period figures, so the same clicks are never counted twice. The same reading in
  two files (two downloads of the same data) counts once: the later download wins, so importing
  files in any order, or twice, gives the same plan.
* **Channels add up across imports.** The plan keeps each imported value's share per channel
  (``Project.imported``). Importing Instagram on Monday and YouTube on Tuesday gives a KPI fed by
  both the sum of the two; a channel imported again replaces its own share, unless the share held
  comes from a later download. A rate is recomputed from every channel's numerator and denominator.
  The shares count only while they still add up to the plan's value: a value typed or imported from
  the tracker since then is the owner's, and the next platform import starts that period afresh.
* **Settling numbers.** Platforms keep revising the last days: readings dated within three days
  before the download are marked *provisional*; a later import replaces them.
"""

from __future__ import annotations

import bisect
import json
import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from .catalog import Catalog, load_catalog
from .enums import KpiKind, Lang
from .formatting import format_money, format_number
from .models import MAX_VALUE, ImportedPart, KpiSelection, Project
from .resources import resource_path
from .schedule import Period, periods
from .text import Text, t
from .korean import i_ga

SOURCES = ("daily", "post", "period")  # precedence: the first a channel has for a metric wins
SETTLING_DAYS = 3


@dataclass(frozen=True)
class Reading:
    """One number read from a platform file."""

    metric: str  # e.g. "views", "post_reach", "col:meta_posts:data comment"
    value: float
    start: date
    end: date  # == start for a day or a post (its publish day)
    channel: str  # "Instagram", "Facebook", "Meta", "YouTube", "TikTok", "LinkedIn", "Website", "Meta ads"
    source: str  # one of SOURCES
    key: str = ""  # a post's id; "" for a day's or period's figure
    as_of: date | None = None  # the download day
    file: str = ""
    row: int = 0
    campaign: str = ""  # GA4 rows with the campaign dimension
    column: str = ""  # the column key ("platform:header") it came from, for manual mappings

    @property
    def identity(self) -> tuple:
        return (self.metric, self.channel, self.source, self.key, self.start, self.end, self.campaign)

    @property
    def provisional(self) -> bool:
        return settling(self.as_of, self.end)


def settling(as_of: date | None, end: date) -> bool:
    """A number for a span ending on ``end``, downloaded on ``as_of``, may still be revised."""
    return as_of is not None and (as_of - end).days < SETTLING_DAYS


@dataclass(frozen=True)
class Column:
    header: str
    key: str  # "platform:normalised header": what a manual mapping remembers
    metric: str | None  # None: a text column, or a column with no numbers


@dataclass
class ParsedFile:
    """What a reader made of one file (or one member of a zip)."""

    name: str
    platform: str
    label: Text  # what it was recognised as
    channel: str
    readings: list[Reading] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    ignored: list[Text] = field(default_factory=list)
    first: date | None = None
    last: date | None = None
    as_of: date | None = None
    rows: int = 0
    source: str | None = None  # the SOURCES kind of its readings, when they are all one kind

    def coverage(self) -> tuple[date, date] | None:
        if self.first is None or self.last is None:
            return None
        return self.first, max(self.last, self.first)


# -- feeds: data -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Feed:
    value: tuple[tuple[str, ...], ...] = ()  # each term: alternatives, first available per channel
    numerator: tuple[tuple[str, ...], ...] = ()
    denominator: tuple[tuple[str, ...], ...] = ()
    scale: float = 1.0
    manual: bool = False

    @property
    def is_ratio(self) -> bool:
        return bool(self.denominator)

    def metrics(self) -> set[str]:
        return {m for term in (*self.value, *self.numerator, *self.denominator) for m in term}


@dataclass(frozen=True)
class Feeds:
    kpis: dict[str, Feed]
    not_summable: frozenset[str]
    not_fed: dict[str, Text]


def _terms(items: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(part.strip() for part in item.split("|")) for item in items)


@lru_cache(maxsize=1)
def load_feeds() -> Feeds:
    data = json.loads(resource_path("platforms", "feeds.json").read_text(encoding="utf-8"))
    kpis = {
        kid: Feed(_terms(spec.get("value", [])), _terms(spec.get("numerator", [])),
                  _terms(spec.get("denominator", [])), float(spec.get("scale", 1)))
        for kid, spec in data["kpis"].items()
    }
    not_fed = {k: Text(**v) for k, v in data.get("not_fed", {}).items()}
    return Feeds(kpis, frozenset(data.get("not_summable", [])), not_fed)


def kind_of(selection: KpiSelection, catalog: Catalog) -> KpiKind:
    entry = catalog.get(selection.catalog_id)
    if entry is not None:
        return entry.kind
    return KpiKind.RATE if selection.custom is not None and selection.custom.percent else KpiKind.FLOW


def feed_for(selection: KpiSelection, mappings: dict[str, str], feeds: Feeds) -> Feed | None:
    """The KPI's sources: columns mapped to it by hand, else the catalog KPI's automatic feed."""
    mapped = sorted(key for key, kid in mappings.items() if kid == selection.id)
    if mapped:
        return Feed(value=tuple((f"col:{key}",) for key in mapped), manual=True)
    if selection.catalog_id is None:
        return None
    return feeds.kpis.get(selection.catalog_id)


# -- the preview -------------------------------------------------------------------------------------


NEW, CHANGED, SAME = "new", "changed", "same"


@dataclass(frozen=True)
class PeriodValue:
    kpi_id: str
    kpi_name: Text
    period: Period
    value: float
    old: float | None
    provisional: bool
    # Each channel's share, as the plan will keep it (see "Channels add up across imports").
    parts: dict[str, ImportedPart] = field(hash=False)
    kept: tuple[str, ...] = ()  # channels whose share comes from an earlier import

    @property
    def channels(self) -> tuple[str, ...]:
        return tuple(sorted(self.parts))

    @property
    def covered_days(self) -> int:
        """Days of the period the files cover (== period.days: complete)."""
        return min(part.days for part in self.parts.values())

    @property
    def state(self) -> str:
        if self.old is None:
            return NEW
        if math.isclose(self.old, self.value, rel_tol=1e-9, abs_tol=1e-9):
            return SAME
        return CHANGED

    @property
    def partial(self) -> bool:
        return self.covered_days < self.period.days


@dataclass(frozen=True)
class CampaignCredit:
    """GA4 sessions, key events and revenue of the rows whose campaign is one of the plan's actions."""

    action_index: int
    campaign: str
    kpi_id: str | None
    sessions: float
    key_events: float
    revenue: float


@dataclass
class ImportPreview:
    """Everything an import would do, computed before anything is written."""

    files: list[ParsedFile]
    values: list[PeriodValue]
    notes: list[Text]  # KPIs that got no value, and why
    column_uses: dict[str, tuple[str, ...]]  # column key -> KPI ids it feeds
    unmapped: list[tuple[str, str, str]]  # (column key, header, file name) with numbers and no KPI
    mappings: dict[str, str]  # the manual mappings that applied to this plan (the caller remembers them)
    campaigns: list[CampaignCredit] = field(default_factory=list)
    unmatched_campaigns: list[str] = field(default_factory=list)
    kpi_names: dict[str, Text] = field(default_factory=dict)
    currency: str = "KRW"  # the plan's, for the campaigns' revenue

    @property
    def changes(self) -> list[PeriodValue]:
        return [v for v in self.values if v.state != SAME]

    def counts(self) -> dict[str, int]:
        """How many values are new, changed and the same."""
        return {s: sum(1 for v in self.values if v.state == s) for s in (NEW, CHANGED, SAME)}

    def summary(self, lang: Lang | str) -> str:
        """One line for a status bar or a confirmation button."""
        c = self.counts()
        return t(f"새 값 {c[NEW]}개, 바뀐 값 {c[CHANGED]}개, 같은 값 {c[SAME]}개",
                 f"{c[NEW]} new, {c[CHANGED]} changed, {c[SAME]} same").get(lang)

    def campaign_totals_by_kpi(self) -> dict[str, tuple[float, float, float]]:
        """Sessions, key events and revenue of the campaign links, added up per KPI the actions move."""
        out: dict[str, tuple[float, float, float]] = {}
        for c in self.campaigns:
            if c.kpi_id is None:
                continue
            s, k, r = out.get(c.kpi_id, (0.0, 0.0, 0.0))
            out[c.kpi_id] = (s + c.sessions, k + c.key_events, r + c.revenue)
        return out

    def render(self, lang: Lang | str) -> str:
        return render_preview(self, lang)


def _kpi_name(selection: KpiSelection, catalog: Catalog) -> Text:
    entry = catalog.get(selection.catalog_id)
    if entry is not None:
        return entry.name
    name = selection.custom.name if selection.custom is not None else selection.id
    return Text(ko=name, en=name)


class _Index:
    """Readings by (metric, channel, source), sorted by end date, after removing duplicates."""

    def __init__(self, files: list[ParsedFile], keep=lambda r: True, mapped: frozenset[str] = frozenset()):
        best: dict[tuple, Reading] = {}
        for f in files:
            for r in f.readings:
                if not keep(r):
                    continue
                if r.column in mapped and r.metric != f"col:{r.column}":
                    r = replace(r, metric=f"col:{r.column}")  # a mapped column feeds its KPI only
                current = best.get(r.identity)
                if current is None or later(r, current):
                    best[r.identity] = r
        self.by: dict[tuple[str, str, str], list[Reading]] = defaultdict(list)
        for r in best.values():
            self.by[(r.metric, r.channel, r.source)].append(r)
        for lst in self.by.values():
            lst.sort(key=lambda r: (r.end, r.start, r.key, r.campaign, r.value))
        self.ends = {k: [r.end for r in v] for k, v in self.by.items()}
        # Where each (metric, channel, source) has data: the files' spans.
        self.spans: dict[tuple[str, str, str], list[tuple[date, date]]] = defaultdict(list)
        for f in files:
            cov = f.coverage()
            if cov is None:
                continue
            for key in {(f"col:{r.column}" if r.column in mapped else r.metric, r.channel, r.source)
                        for r in f.readings} | _declared(f, mapped):
                self.spans[key].append(cov)
        self.channels: dict[str, set[str]] = defaultdict(set)
        for metric, channel, _source in self.by:
            self.channels[metric].add(channel)
        for metric, channel, _source in self.spans:
            self.channels[metric].add(channel)

    def readings(self, metric: str, channel: str, source: str, p: Period) -> list[Reading]:
        key = (metric, channel, source)
        lst = self.by.get(key)
        if not lst:
            return []
        ends = self.ends[key]
        lo = bisect.bisect_left(ends, p.start)
        hi = bisect.bisect_right(ends, p.end)
        return [r for r in lst[lo:hi] if r.start >= p.start]

    def overlapping(self, metric: str, channel: str, source: str, p: Period) -> list[Reading]:
        return [r for r in self.by.get((metric, channel, source), ()) if r.start <= p.end and r.end >= p.start]

    def covered(self, metric: str, channel: str, source: str, p: Period) -> int:
        """How many days of the period the files with this metric span."""
        days: set[date] = set()
        for a, b in self.spans.get((metric, channel, source), ()):
            lo, hi = max(a, p.start), min(b, p.end)
            if lo <= hi:
                days.update(lo + timedelta(n) for n in range((hi - lo).days + 1))
        return len(days)


def _declared(f: ParsedFile, mapped: frozenset[str]) -> set[tuple[str, str, str]]:
    """Metrics a file has a column for even where every value in it is zero or missing."""
    if f.source is None:
        return set()
    return {(f"col:{c.key}" if c.key in mapped else c.metric, f.channel, f.source) for c in f.columns if c.metric}


def later(a: Reading, b: Reading) -> bool:
    """Which of two readings of the same thing to keep: the later download; then the larger value."""
    da, db = a.as_of or date.min, b.as_of or date.min
    if da != db:
        return da > db
    return (a.value, a.file, a.row) > (b.value, b.file, b.row)


@dataclass
class _Part:
    """One channel's share of a term in one period."""

    value: float = 0.0
    covered: int = 0
    provisional: bool = False
    as_of: date | None = None  # the newest download behind it


@dataclass
class _Term:
    parts: dict[str, _Part] = field(default_factory=dict)  # by channel
    why_not: Text | None = None

    def add(self, channel: str, part: _Part) -> None:
        mine = self.parts.get(channel)
        if mine is None:
            self.parts[channel] = part
            return
        mine.value += part.value
        mine.covered = min(mine.covered, part.covered)
        mine.provisional |= part.provisional
        mine.as_of = _newest(mine.as_of, part.as_of)


def _newest(a: date | None, b: date | None) -> date | None:
    return b if a is None else a if b is None else max(a, b)


def _term(index: _Index, alts: tuple[str, ...], p: Period, kind: KpiKind, not_summable: frozenset[str]) -> _Term:
    out = _Term()
    channels = sorted(set().union(*(index.channels.get(m, set()) for m in alts)))
    for channel in channels:
        for metric in alts:
            chosen = None
            for source in SOURCES:
                days = index.covered(metric, channel, source, p)
                if days or index.readings(metric, channel, source, p):
                    chosen = (source, days)
                    break
            if chosen is None:
                continue
            source, days = chosen
            rows = index.readings(metric, channel, source, p)
            if source == "period":
                # A figure for a span is used only inside one plan period: it cannot be split.
                spanning = index.overlapping(metric, channel, source, p)
                if len(spanning) > len(rows):
                    out.why_not = t(
                        "파일의 기간이 계획의 기간 여러 개에 걸쳐 있어 나눌 수 없습니다. 계획 기간에 맞춰 내려받거나 날짜 열을 넣어 주세요.",
                        "the file's period spans several of the plan's periods and cannot be split; download it per "
                        "period or with a date column.")
                if not rows:
                    break
                days = len({r.start + timedelta(n) for r in rows for n in range((r.end - r.start).days + 1)})
            if metric in not_summable or kind is KpiKind.RATE and metric.startswith("col:"):
                exact = [r for r in rows if (r.start, r.end) == (p.start, p.end)]
                if len(exact) != 1:
                    out.why_not = t(
                        "같은 사람이 여러 날 겹쳐 세어지므로 날짜별 숫자를 더할 수 없습니다. 이 기간 전체의 숫자가 든 파일이 필요합니다.",
                        "the same person is counted on several days, so daily figures cannot be added; "
                        "it needs a file with the figure for exactly this period.")
                    break
                rows, days = exact, p.days
            if kind is KpiKind.STOCK:
                if not rows:
                    break
                last = rows[-1]
                part = _Part(last.value, max(days, (last.end - p.start).days + 1), last.provisional,
                             last.as_of)
            else:
                part = _Part(sum(r.value for r in rows), days, any(r.provisional for r in rows),
                             max((r.as_of for r in rows if r.as_of is not None), default=None))
            out.add(channel, part)
            break
    return out


def _combine(terms: list[_Term]) -> _Term:
    out = _Term()
    for term in terms:
        for channel, part in term.parts.items():
            out.add(channel, _Part(part.value, part.covered, part.provisional, part.as_of))
        out.why_not = out.why_not or term.why_not
    return out


def _storable(value: float) -> bool:
    return math.isfinite(value) and abs(value) <= MAX_VALUE


def _combined(parts: dict[str, ImportedPart], ratio: bool, scale: float) -> float | None:
    """The KPI's value from its channels' shares: their sum, or a rate of summed sides."""
    if not parts:
        return None
    value = sum(p.value for p in parts.values())
    if not ratio:
        return value
    denominator = sum(p.denominator or 0.0 for p in parts.values())
    return value / denominator * scale if denominator > 0 else None


def _standing(project: Project, kpi_id: str, start: date, ratio: bool, scale: float) -> dict[str, ImportedPart]:
    """The shares an earlier import left for this period, if they still add up to the plan's value.

    A value typed by the owner (or read from the tracker) since then no longer matches: it is the
    owner's, and the shares behind the old value no longer mean anything."""
    parts = project.imported.get(kpi_id, {}).get(start, {})
    held = project.actuals.get(kpi_id, {}).get(start)
    if not parts or held is None or any((p.denominator is not None) != ratio for p in parts.values()):
        return {}
    value = _combined(parts, ratio, scale)
    if value is None or not math.isclose(round(value, 6), held, rel_tol=1e-9, abs_tol=1e-6):
        return {}
    return dict(parts)


def kpi_values(
    project: Project,
    selection: KpiSelection,
    feed: Feed,
    index: _Index,
    feeds: Feeds,
    catalog: Catalog,
) -> tuple[list[PeriodValue], Text | None]:
    kind = kind_of(selection, catalog)
    if feed.manual and kind is KpiKind.SHARE:
        kind = KpiKind.RATE
    name = _kpi_name(selection, catalog)
    old = project.actuals.get(selection.id, {})
    out: list[PeriodValue] = []
    why_not: Text | None = None
    for p in periods(project.start, project.end, selection.frequency):
        raw: dict[str, tuple[float, float | None, int, date | None]] = {}  # value, denominator, days, as_of
        unsettled: set[str] = set()  # channels with numbers still settling
        if feed.is_ratio:
            num = _combine([_term(index, a, p, KpiKind.FLOW, feeds.not_summable) for a in feed.numerator])
            den = _combine([_term(index, a, p, KpiKind.FLOW, feeds.not_summable) for a in feed.denominator])
            why_not = why_not or num.why_not or den.why_not
            # A channel counts only with both sides: TikTok likes over Instagram reach mean nothing.
            for channel in set(num.parts) & set(den.parts):
                n, d = num.parts[channel], den.parts[channel]
                raw[channel] = (n.value, d.value, min(n.covered, d.covered), _newest(n.as_of, d.as_of))
                if n.provisional or d.provisional:
                    unsettled.add(channel)
        else:
            total = _combine([_term(index, a, p, kind, feeds.not_summable) for a in feed.value])
            why_not = why_not or total.why_not
            for channel, part in total.parts.items():
                raw[channel] = (part.value, None, part.covered, part.as_of)
                if part.provisional:
                    unsettled.add(channel)
        if not raw or not all(_storable(v) and (d is None or _storable(d)) for v, d, _, _ in raw.values()):
            continue
        new = {c: ImportedPart(value=v, denominator=d, days=days, as_of=as_of)
               for c, (v, d, days, as_of) in raw.items()}
        # An earlier import's channels stay; a channel imported again takes its new share, unless
        # the share held comes from a later download.
        parts = _standing(project, selection.id, p.start, feed.is_ratio, feed.scale)
        kept = set(parts)
        for channel, share in new.items():
            mine = parts.get(channel)
            if mine is not None and mine.as_of and share.as_of and mine.as_of > share.as_of:
                continue
            parts[channel] = share
            kept.discard(channel)
        value = _combined(parts, feed.is_ratio, feed.scale)
        if value is None:
            why_not = why_not or t("나눌 값(분모)이 0인 기간은 비워 둡니다.",
                                   "periods whose denominator is 0 are left empty.")
            continue
        if not _storable(value):
            continue
        value = round(value, 6)
        if not _possible(value, catalog.get(selection.catalog_id)):
            why_not = why_not or t(
                f"{p.start.isoformat()} 기간의 값 {i_ga(str(format_number(value)))} 이 지표가 가질 수 없는 값이라 넣지 않았습니다. 파일을 확인하세요.",
                f"the value {format_number(value)} for the period from {p.start.isoformat()} is impossible for this KPI "
                "and was left out; check the files.")
            continue
        provisional = bool(unsettled - kept) or any(settling(parts[c].as_of, p.end) for c in kept)
        out.append(PeriodValue(selection.id, name, p, value, old.get(p.start), provisional, parts,
                               tuple(sorted(kept))))
    return out, why_not


def _possible(value: float, entry) -> bool:
    """Inside the catalog KPI's natural range (a share 0-100, a count from 0...)."""
    if entry is None:
        return True
    if entry.natural_min is not None:
        if value < entry.natural_min or (entry.natural_min_exclusive and value == entry.natural_min):
            return False
    return entry.natural_max is None or value <= entry.natural_max


def build_preview(
    project: Project,
    files: list[ParsedFile],
    mappings: dict[str, str] | None = None,
    catalog: Catalog | None = None,
) -> ImportPreview:
    """The import's preview from files already read; pure: the project is not touched."""
    catalog = catalog or load_catalog()
    feeds = load_feeds()
    kpi_ids = {k.id for k in project.kpis}
    active = {k: v for k, v in (mappings or {}).items() if v in kpi_ids}
    from .utm import credit_campaigns, match_action

    # Campaign rows count for the KPIs only when the campaign is one of this plan's actions.
    index = _Index(files, keep=lambda r: not r.campaign or match_action(project, r.campaign) is not None,
                   mapped=frozenset(active))
    values: list[PeriodValue] = []
    notes: list[Text] = []
    uses: dict[str, set[str]] = defaultdict(set)
    for selection in project.kpis:
        feed = feed_for(selection, active, feeds)
        if feed is None:
            continue
        wanted = feed.metrics()
        if not any(index.channels.get(m) for m in wanted):
            continue
        got, why_not = kpi_values(project, selection, feed, index, feeds, catalog)
        values.extend(got)
        for f in files:
            for c in f.columns:
                if c.metric in wanted or f"col:{c.key}" in wanted:
                    uses[c.key].add(selection.id)
        if why_not is not None:
            name = _kpi_name(selection, catalog)
            if got:
                notes.append(t(f"{name.ko}: 일부 기간은 비워 둡니다. {why_not.ko}",
                               f"{name.en}: some periods left empty — {why_not.en}"))
            else:
                notes.append(t(f"{name.ko}: 값을 넣지 않았습니다. {why_not.ko}",
                               f"{name.en}: no value — {why_not.en}"))
    unmapped: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for f in files:
        for c in f.columns:
            if c.metric and c.key not in uses and c.key not in seen:
                seen.add(c.key)
                unmapped.append((c.key, c.header, f.name))
                if c.metric in feeds.not_fed:
                    notes.append(t(f"'{c.header}' ({f.name}): {feeds.not_fed[c.metric].ko}",
                                   f"'{c.header}' ({f.name}): {feeds.not_fed[c.metric].en}"))
    credits, unmatched = credit_campaigns(project, [r for f in files for r in f.readings if r.campaign])
    order = [k.id for k in project.kpis]
    values.sort(key=lambda v: (order.index(v.kpi_id), v.period.start))
    _note_outside_plan(project, files)
    return ImportPreview(files, values, notes, {k: tuple(sorted(v, key=order.index)) for k, v in uses.items()},
                         unmapped, {k: v for k, v in (mappings or {}).items() if v in kpi_ids}, credits, unmatched,
                         {k.id: _kpi_name(k, catalog) for k in project.kpis}, project.business.currency)


def _note_outside_plan(project: Project, files: list[ParsedFile]) -> None:
    """Say, per file, how many rows lie outside the plan's dates (they are left out)."""
    for f in files:
        before = {r.row for r in f.readings if r.end < project.start}
        after = {r.row for r in f.readings if r.start > project.end}
        marker = "outside-plan"
        f.ignored = [n for n in f.ignored if marker not in n.en]
        if before:
            f.ignored.append(t(f"계획 시작({project.start.isoformat()}) 전 날짜의 행 {len(before)}개",
                               f"{len(before)} row(s) dated before the plan's start ({project.start.isoformat()}) [outside-plan]"))
        if after:
            f.ignored.append(t(f"계획 끝({project.end.isoformat()}) 뒤 날짜의 행 {len(after)}개",
                               f"{len(after)} row(s) dated after the plan's end ({project.end.isoformat()}) [outside-plan]"))


def apply_preview(project: Project, preview: ImportPreview) -> Project:
    """A new project with the preview's values written in; ``project`` itself is not changed."""
    # The plan may have changed since the preview (the app lets the owner keep editing): a value
    # is written only where its KPI and period still exist.
    valid = {k.id: set(periods(project.start, project.end, k.frequency)) for k in project.kpis}
    actuals = {k: dict(v) for k, v in project.actuals.items()}
    imported = {k: dict(v) for k, v in project.imported.items()}
    for v in preview.values:
        if v.period in valid.get(v.kpi_id, ()):
            actuals.setdefault(v.kpi_id, {})[v.period.start] = v.value
            imported.setdefault(v.kpi_id, {})[v.period.start] = dict(v.parts)
    return Project.model_validate({**project.model_dump(), "actuals": actuals,
                                   "imported": {k: {d: {c: part.model_dump() for c, part in parts.items()}
                                                    for d, parts in series.items()}
                                                for k, series in imported.items()}})


# -- showing the preview ----------------------------------------------------------------------------

STATE_NAMES: dict[str, Text] = {NEW: t("새 값", "new"), CHANGED: t("바뀜", "changed"), SAME: t("같음", "same")}


def kept_text(value: PeriodValue) -> Text:
    """Which channels of a value come from an earlier import (they stay, the new ones add to them)."""
    names = ", ".join(value.kept)
    return t(f"{names}: 지난번에 가져온 값", f"{names}: from an earlier import")


def _fmt(value: float | None) -> str:
    return format_number(value, 2)


def _counted(n: float, noun: str) -> str:
    """'1 session', '12 sessions' (English only: Korean nouns do not change)."""
    return f"{_fmt(n)} {noun}" if n == 1 else f"{_fmt(n)} {noun}s"


def render_preview(preview: ImportPreview, lang: Lang | str) -> str:
    lang = Lang(lang)
    ko = lang is Lang.KO
    lines: list[str] = []
    lines.append("읽은 파일" if ko else "Files read")
    for f in preview.files:
        span = ""
        if f.first and f.last:
            span = f" {f.first.isoformat()}–{f.last.isoformat()}"
        rows = f"{f.rows}행" if ko else f"{f.rows} rows"
        lines.append(f"  {f.name}: {f.label.get(lang)} ({f.channel}, {rows}{span})")
        for c in f.columns:
            if not c.metric:
                continue
            kpis = preview.column_uses.get(c.key)
            names = [preview.kpi_names[k].get(lang) for k in kpis or ()]
            target = ", ".join(names) if names else ("연결된 지표 없음" if ko else "feeds no KPI")
            lines.append(f"    {c.header} → {target}")
        for note in f.ignored:
            lines.append(("    제외: " if ko else "    ignored: ") + note.get(lang).replace(" [outside-plan]", ""))
    lines.append("")
    lines.append("기간별 값" if ko else "Values per period")
    if not preview.values:
        lines.append("  (이 계획의 지표에 들어갈 값이 없습니다)" if ko else "  (nothing for this plan's KPIs)")
    for v in preview.values:
        flags = []
        if v.provisional:
            flags.append("잠정: 최근 3일 숫자는 아직 바뀔 수 있음" if ko else "provisional: the last 3 days still settle")
        if v.partial:
            flags.append(f"일부 기간: {v.covered_days}/{v.period.days}일" if ko
                         else f"partial: {v.covered_days} of {v.period.days} days")
        if v.kept:
            flags.append(kept_text(v).get(lang))
        old = "" if v.old is None or v.state == SAME else f" ({'이전' if ko else 'was'} {_fmt(v.old)})"
        extra = f"  [{'; '.join(flags)}]" if flags else ""
        lines.append(f"  {v.kpi_name.get(lang)} {v.period.start.isoformat()}–{v.period.end.isoformat()}: "
                     f"{_fmt(v.value)} {STATE_NAMES[v.state].get(lang)}{old} ({'+'.join(v.channels)}){extra}")
    if preview.campaigns or preview.unmatched_campaigns:
        lines.append("")
        lines.append("캠페인 링크 성과 (GA4)" if ko else "Campaign links (GA4)")

        def figures(sessions: float, key_events: float, revenue: float) -> str:
            money = format_money(revenue, preview.currency)
            return (f"세션 {_fmt(sessions)}, 주요 이벤트 {_fmt(key_events)}, 수익 {money}" if ko
                    else f"{_counted(sessions, 'session')}, {_counted(key_events, 'key event')}, revenue {money}")

        for credit in preview.campaigns:
            lines.append(f"  {credit.campaign}: {figures(credit.sessions, credit.key_events, credit.revenue)}")
        for kpi_id, totals in preview.campaign_totals_by_kpi().items():
            lines.append(f"  → {preview.kpi_names[kpi_id].get(lang)}: {figures(*totals)}")
        if preview.unmatched_campaigns:
            from .utm import unmatched_line

            lines.append("  " + unmatched_line(preview.unmatched_campaigns, lang))
    if preview.unmapped:
        lines.append("")
        lines.append("지표에 연결되지 않은 열 (--map '열 키=지표 ID'로 연결)" if ko
                     else "Columns feeding no KPI (connect with --map 'column key=KPI id')")
        for key, header, name in preview.unmapped:
            lines.append(f"  {key}  ({header}, {name})")
    if preview.notes:
        lines.append("")
        lines.append("참고" if ko else "Notes")
        for note in preview.notes:
            lines.append("  " + note.get(lang))
    lines.append("")
    lines.append(preview.summary(lang))
    return "\n".join(lines)

