"""The PDF plan's pages as a reader sees them (issue 13 item 10): no nearly empty page inside the
document, no heading at the foot of a page, figures with their unit (money in the plan's currency,
never the placeholder "통화"), status colours on the strategy map, the recorded values by period, each
action's cost, a sentence for every chart; checked on the examples in both languages with poppler
(pdftotext -bbox-layout, pdffonts) and qpdf."""

from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import pytest
from plan_pdfread import read_pdf, squash

from kpiwizard.core.catalog import load_catalog
from kpiwizard.core.enums import Frequency, Lang, Status
from kpiwizard.core.examples import examples, find_example
from kpiwizard.core.formatting import format_money, format_short_date, format_value
from kpiwizard.core.kpiview import view_kpis
from kpiwizard.core.models import Action, CustomKpi, KpiSelection, Project
from kpiwizard.core.progress import evaluate
from kpiwizard.core.schedule import periods
from kpiwizard.core.strategy_map import build_strategy_map
from kpiwizard.core.vocab import ROI_NAMES, STATUS_NAMES
from kpiwizard.export.plan import STATUS_COLOURS, build_plan, export_plan
from kpiwizard.export.plan_labels import SECTIONS
from kpiwizard.export.plan_map import strategy_map_drawing

NAMES = [e.name for e in examples()]
CASES = [(n, lang) for n in NAMES for lang in ("ko", "en")]


@lru_cache(maxsize=None)
def _exported(folder: str, name: str, lang: str) -> Path:
    path = Path(folder) / f"{name}-{lang}.pdf"
    export_plan(find_example(name).load(), path, Lang(lang))
    return path


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("layout"))


def layout_text(path: Path) -> str:
    """The text laid out as on the page (pdftotext -layout), whitespace removed: table rows stay rows."""
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return squash(text)


def page_lines(path: Path) -> list[tuple[float, list[tuple[float, float, str]]]]:
    """Per page: its height and its text lines (yMin, yMax, text), top to bottom."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for page in xml.split("<page ")[1:]:
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        lines = []
        for line in re.findall(r"<line [^>]*>(.*?)</line>", page, re.S):
            words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', line)
            if words:
                lines.append((min(float(w[0]) for w in words), max(float(w[1]) for w in words),
                              " ".join(w[2] for w in words)))
        pages.append((height, sorted(lines)))
    return pages


HEADER, FOOTER = 80.0, 70.0  # the running header and footer bands, in points from each edge
HEADING_HEIGHT = 11.9  # a word box of h2 (12 pt) or h1 (17 pt); body 9.5 pt, the goal sentence 11.5 pt


def body_lines(height: float, lines: list) -> list:
    return [ln for ln in lines if HEADER < ln[0] and ln[1] < height - FOOTER]


@pytest.mark.parametrize("name,lang", CASES)
def test_no_nearly_empty_page_inside_the_plan(folder: str, name: str, lang: str) -> None:
    """Every page between the cover and the last is at least half filled."""
    pages = page_lines(_exported(folder, name, lang))
    assert len(pages) >= 3
    for number, (height, lines) in enumerate(pages[1:-1], 2):
        body = body_lines(height, lines)
        lowest = max(ln[1] for ln in body)
        filled = (lowest - HEADER) / (height - HEADER - FOOTER)
        assert filled >= 0.5, f"page {number} is {filled:.0%} filled"


@pytest.mark.parametrize("name,lang", CASES)
def test_no_heading_ends_a_page(folder: str, name: str, lang: str) -> None:
    """A heading (set at 12 pt or more; body text, cells and the goal sentence are smaller) always has
    something under it on its page."""
    path = _exported(folder, name, lang)
    headings = 0
    for number, (height, lines) in enumerate(page_lines(path), 1):
        body = body_lines(height, lines)
        assert body, f"page {number} has no text"
        headings += sum(1 for ln in body if ln[1] - ln[0] >= HEADING_HEIGHT)
        last = body[-1]
        assert last[1] - last[0] < HEADING_HEIGHT, f"page {number} ends with the heading {last[2]!r}"
    assert headings >= len(read_pdf(path).titles(level=0)) - 1  # the measure does see the headings


@pytest.mark.parametrize("name,lang", CASES)
def test_plan_passes_qpdf_and_embeds_only_nanum_gothic(folder: str, name: str, lang: str) -> None:
    path = _exported(folder, name, lang)
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    fonts = read_pdf(path).fonts
    assert {f["name"].split("+", 1)[1] for f in fonts} == {"NanumGothic", "NanumGothicBold"}
    assert all(f["emb"] == "yes" for f in fonts)


@pytest.mark.parametrize("name,lang", CASES)
def test_recorded_values_are_listed_by_period(folder: str, name: str, lang: str) -> None:
    project = find_example(name).load()
    flat = layout_text(_exported(folder, name, lang))
    heading = squash(SECTIONS["values"].get(lang))
    assert (heading in flat) == any(project.actuals.values())
    section = flat.split(heading)[-1]
    for view in view_kpis(project, Lang(lang)):
        series = project.actuals.get(view.id, {})
        recorded = [(p, series[p.start]) for p in periods(project.start, project.end, view.frequency)
                    if p.start in series]
        for period, value in recorded:
            cell = squash(format_short_date(period.end)) + squash(_value(project, view, value, lang))
            assert cell in section, (view.name, period.end, value)


def _value(project: Project, view, value: float, lang: str) -> str:
    from kpiwizard.core.kpiview import format_kpi_value

    return format_kpi_value(view, value, Lang(lang), project.business.currency)


@pytest.mark.parametrize("name,lang", CASES)
def test_every_chart_has_a_sentence_saying_what_it_shows(folder: str, name: str, lang: str) -> None:
    project = find_example(name).load()
    pdf = read_pdf(_exported(folder, name, lang))
    word = "그래프:" if lang == "ko" else "Chart:"
    assert pdf.flat.count(squash(word)) == len(project.kpis)
    results = evaluate(project)
    for view in view_kpis(project, Lang(lang)):
        series = [v for p, v in sorted(project.actuals.get(view.id, {}).items())
                  if any(p == q.start for q in periods(project.start, project.end, view.frequency))]
        if series:
            count = f"실적{len(series)}개" if lang == "ko" else f"{len(series)}actualsarerecorded"
            assert count in pdf.flat, view.name
            lowest = squash(_value(project, view, min(series), lang))
            assert lowest in pdf.flat
        assert results[view.id] is not None


# -- a plan made for these checks: money KPIs, costs, a KPI behind its path today ---------------


def live_plan(lang: Lang, costs: bool = True) -> Project:
    """A plan running now, so statuses and remedies are those of a plan in progress."""
    today = date.today()
    start = today - timedelta(days=7 * 10)
    catalog = load_catalog()
    money = next(k for k in catalog.kpis if k.money)
    kpis = [
        KpiSelection(id="rev", catalog_id=money.id, unit=money.unit.get(lang), baseline=100_000, target=1_000_000,
                     frequency=Frequency.WEEKLY, weight=50),
        KpiSelection(id="visits", custom=CustomKpi(name="Visits"), unit="명", baseline=10, target=110,
                     frequency=Frequency.WEEKLY, weight=50),
    ]
    # Every period that has ended holds a reading, so no KPI is overdue ("stale") today.
    weeks = [p for p in periods(start, start + timedelta(days=7 * 30 - 1), Frequency.WEEKLY) if p.end < today]
    actuals = {"rev": {p.start: 100_000 + 5_000 * i for i, p in enumerate(weeks)},
               "visits": {p.start: 10 + 2 * i for i, p in enumerate(weeks)}}
    actions = [Action(tactic="Flyers", kpi="visits", cost=45_000 if costs else None),
               Action(tactic="Reels", kpi="rev", cost=120_000 if costs else None),
               Action(tactic="Ask for reviews", kpi="visits")]
    project = Project(title="Live plan", start=start, end=start + timedelta(days=7 * 30 - 1), kpis=kpis,
                      actuals=actuals, actions=actions)
    project.business.language = lang
    return project


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_money_kpis_print_the_currency_never_the_placeholder(tmp_path: Path, lang: str) -> None:
    project = live_plan(Lang(lang))
    assert project.kpis[0].unit in ("통화", "currency")  # as the app stores a catalog money KPI
    path = tmp_path / "live.pdf"
    export_plan(project, path, Lang(lang))
    pdf = read_pdf(path)
    assert "통화" not in pdf.text and " currency" not in pdf.text.replace("the plan's currency", "")
    assert squash(format_money(1_000_000, "KRW")) in pdf.flat  # the target, as money
    assert squash(format_money(100_000, "KRW")) in pdf.flat
    # The remedies speak of money the same way (the app shows these same messages).
    from kpiwizard.core.remedies import RemedyKind, suggest

    reset = [r for r in suggest(project, "rev", Lang(lang)) if r.kind is RemedyKind.RESET]
    assert reset and "₩" in reset[0].message.get(lang)
    assert squash(format_money(reset[0].new_target, "KRW")) in squash(reset[0].message.get(lang))
    assert squash(reset[0].message.get(lang)) in pdf.flat


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_remedy_figures_carry_their_unit(tmp_path: Path, lang: str) -> None:
    from kpiwizard.core.remedies import RemedyKind, suggest

    project = live_plan(Lang(lang))
    reset = [r for r in suggest(project, "visits", Lang(lang)) if r.kind is RemedyKind.RESET]
    assert reset, "the visits KPI is behind its path: a new target is suggested"
    path = tmp_path / "live.pdf"
    export_plan(project, path, Lang(lang))
    flat = read_pdf(path).flat
    figure = squash(format_value(reset[0].new_target, "명", lang))
    assert figure in flat and figure.endswith("명")
    assert squash(reset[0].message.get(lang).replace("\u2212", "-")) in flat


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_each_action_shows_its_cost_and_the_total(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "costs.pdf"
    export_plan(live_plan(Lang(lang)), path, Lang(lang))
    flat = read_pdf(path).flat
    for amount in (45_000, 120_000, 165_000):
        assert squash(format_money(amount, "KRW")) in flat
    assert ("실행1개는합계에들어있지않습니다" if lang == "ko" else "1action(s)withoutacostestimate") in flat
    export_plan(live_plan(Lang(lang), costs=False), path, Lang(lang))
    flat = read_pdf(path).flat
    assert squash(format_money(165_000, "KRW")) not in flat
    assert ("실행3개는" if lang == "ko" else "3action(s)without") in flat


def _fills(drawing) -> list:
    found = []

    def walk(node) -> None:
        for child in getattr(node, "contents", []):
            walk(child)
        fill = getattr(node, "fillColor", None)
        if fill is not None:
            found.append(fill)

    walk(drawing)
    return found


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_strategy_map_colours_each_kpi_by_its_status(lang: str) -> None:
    project = find_example("cafe").load()
    smap = build_strategy_map(project, Lang(lang))
    statuses = {k: r.status for k, r in evaluate(project).items()}
    plain = strategy_map_drawing(smap, 500, 700, Lang(lang))
    coloured = strategy_map_drawing(smap, 500, 700, Lang(lang), statuses, STATUS_COLOURS)
    used = {STATUS_COLOURS[s].hexval() for s in statuses.values()}
    assert used <= {c.hexval() for c in _fills(coloured)}
    # Without statuses the map has none of the verdict colours (green, amber, red) at all.
    verdicts = {STATUS_COLOURS[s].hexval() for s in (Status.ON_TRACK, Status.BEHIND, Status.OFF_TRACK)}
    assert verdicts.isdisjoint(c.hexval() for c in _fills(plain))
    assert used & verdicts, "the example has KPIs with a verdict colour"
    legend = [getattr(n, "text", "") for n in _walk(coloured)]
    for status in set(statuses.values()):
        assert STATUS_NAMES[status].get(lang) in legend


def _walk(node):
    yield node
    for child in getattr(node, "contents", []):
        yield from _walk(child)


def test_status_colours_are_distinct_for_good_and_bad() -> None:
    assert STATUS_COLOURS[Status.ON_TRACK] != STATUS_COLOURS[Status.OFF_TRACK] != STATUS_COLOURS[Status.BEHIND]


def test_a_plan_without_actuals_has_no_values_section(tmp_path: Path) -> None:
    project = live_plan(Lang.EN)
    project.actuals = {}
    path = tmp_path / "none.pdf"
    export_plan(project, path, Lang.EN)
    pdf = read_pdf(path)
    assert SECTIONS["values"].en not in pdf.titles(level=0)
    assert "No actuals are recorded yet" in pdf.text


def test_grid_splits_across_pages_and_keeps_every_value(tmp_path: Path) -> None:
    """A year of weekly values for 40 KPIs runs over several pages; each value is printed once."""
    project = live_plan(Lang.EN)
    start = project.start
    weeks = periods(start, project.end, Frequency.WEEKLY)
    project.actuals, project.actions = {}, []
    project.kpis = [KpiSelection(id=f"k{i}", custom=CustomKpi(name=f"Series {i}"), baseline=0, target=100,
                                 frequency=Frequency.WEEKLY) for i in range(40)]
    project.actions = []
    project.actuals = {f"k{i}": {p.start: 1000 * i + j for j, p in enumerate(weeks)} for i in range(40)}
    path = tmp_path / "grid.pdf"
    path.write_bytes(build_plan(project, Lang.EN))
    section = layout_text(path).split(SECTIONS["values"].en.replace(" ", ""))[-1]
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", pages).group(1)) > 10
    for i in range(40):
        for j, week in enumerate(weeks):
            assert f"{week.end}{1000 * i + j:,}" in section, (i, j)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_roi_ratio_is_named_as_in_the_vocabulary(folder: str, lang: str) -> None:
    """One name for LTV over the cost of a customer (core/vocab.py), not "LTV : CAC"."""
    flat = read_pdf(_exported(folder, "cafe", lang)).flat
    assert squash(ROI_NAMES["ltv_to_cost"].get(lang)) in flat
    assert "LTV:CAC" not in flat
