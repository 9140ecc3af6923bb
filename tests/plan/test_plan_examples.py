"""Every example plan exports in Korean and English, on A4 and Letter, and reads back right:
sections, the SMART sentence, KPI names and the core's numbers, embedded Korean fonts only,
metadata, page size and an outline entry per section."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from plan_pdfread import ReadPdf, read_pdf, squash

from kpiwizard.core.enums import Direction, Lang
from kpiwizard.core.examples import examples, find_example
from kpiwizard.core.formatting import format_money, format_number, format_percent, format_value
from kpiwizard.core.kpiview import view_kpis
from kpiwizard.core.progress import evaluate
from kpiwizard.core.roi import project_roi, reverse_funnel
from kpiwizard.core.sentence import smart_sentence
from kpiwizard.export.plan import export_plan
from kpiwizard.export.plan_labels import SECTIONS

NAMES = [e.name for e in examples()]
COMBOS = [(n, lang, paper) for n in NAMES for lang in ("ko", "en") for paper in ("a4", "letter")]
PAGE_SIZES = {"a4": "595.276 x 841.89 pts (A4)", "letter": "612 x 792 pts (letter)"}


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("plans")


_cache: dict[tuple[str, str, str], ReadPdf] = {}


def rendered(out_dir: Path, name: str, lang: str, paper: str) -> ReadPdf:
    key = (name, lang, paper)
    if key not in _cache:
        path = out_dir / f"{name}-{lang}-{paper}.pdf"
        export_plan(find_example(name).load(), path, Lang(lang), paper)
        _cache[key] = read_pdf(path)
    return _cache[key]


@lru_cache(maxsize=None)
def expected_sections(name: str) -> list[str]:
    p = find_example(name).load()
    keys = ["cover", "summary", "kpi_table", "kpi_cards", "map", "trajectories"]
    keys += ["values"] if any(p.actuals.values()) else []
    keys += ["actions"] if p.actions else []
    keys += ["roi", "calendar"]
    keys += ["notes"] if p.notes.strip() else []
    return keys


def sentence(name: str, lang: str) -> str:
    # The font has no U+2212 minus sign: the PDF prints an ASCII hyphen in its place.
    return smart_sentence(find_example(name).load().smart).get(lang).replace("\u2212", "-")


@pytest.mark.parametrize("name,lang,paper", COMBOS)
def test_plan_reads_back_with_sections_goal_and_kpis(out_dir: Path, name: str, lang: str, paper: str) -> None:
    pdf = rendered(out_dir, name, lang, paper)
    project = find_example(name).load()
    for key in expected_sections(name)[1:]:
        assert squash(SECTIONS[key].get(lang)) in pdf.flat, key
    assert squash(sentence(name, lang)) in pdf.flat
    for view in view_kpis(project, Lang(lang)):
        assert squash(view.name) in pdf.flat
    assert pdf.info["Page size"] == PAGE_SIZES[paper]
    # Sections follow one another on a page when there is room: fewer pages than sections is fine.
    assert int(pdf.info["Pages"]) >= 3


@pytest.mark.parametrize("name,lang,paper", COMBOS)
def test_plan_embeds_only_subset_nanum_fonts(out_dir: Path, name: str, lang: str, paper: str) -> None:
    fonts = rendered(out_dir, name, lang, paper).fonts
    assert fonts, "a plan with text must list its fonts"
    for font in fonts:
        assert font["emb"] == "yes" and font["sub"] == "yes", font
        assert font["name"].split("+", 1)[1] in ("NanumGothic", "NanumGothicBold"), font
        assert "Helvetica" not in font["name"] and "Times" not in font["name"]
    assert {f["name"].split("+", 1)[1] for f in fonts} == {"NanumGothic", "NanumGothicBold"}


@pytest.mark.parametrize("name,lang,paper", COMBOS)
def test_plan_outline_has_an_entry_per_section_and_kpi(out_dir: Path, name: str, lang: str, paper: str) -> None:
    pdf = rendered(out_dir, name, lang, paper)
    project = find_example(name).load()
    assert pdf.titles(level=0) == [SECTIONS[k].get(lang) for k in expected_sections(name)]
    names = [v.name for v in view_kpis(project, Lang(lang))]
    assert pdf.titles(level=1) == names + names  # a card and a trajectory per KPI


@pytest.mark.parametrize("name,lang", [(n, lang) for n in NAMES for lang in ("ko", "en")])
def test_plan_metadata(out_dir: Path, name: str, lang: str) -> None:
    pdf = rendered(out_dir, name, lang, "a4")
    project = find_example(name).load()
    assert pdf.info["Title"] == project.title
    assert pdf.info["Author"] == project.business.name
    assert pdf.info["Subject"] == smart_sentence(project.smart).get(lang)
    assert f"/Lang ({'ko-KR' if lang == 'ko' else 'en-US'})".encode() in pdf.raw


@pytest.mark.parametrize("name,lang", [(n, lang) for n in NAMES for lang in ("ko", "en")])
def test_plan_numbers_are_the_cores(out_dir: Path, name: str, lang: str) -> None:
    pdf = rendered(out_dir, name, lang, "a4")
    project = find_example(name).load()
    flat = pdf.flat
    results = evaluate(project)
    for v in view_kpis(project, Lang(lang)):
        fmt = lambda x: squash(format_value(x, v.unit, lang, v.percent))  # noqa: E731
        assert fmt(v.baseline) in flat
        if v.direction is Direction.RANGE:
            assert fmt(min(v.band_low, v.band_high)) in flat and fmt(max(v.band_low, v.band_high)) in flat
        else:
            assert fmt(v.target) in flat
        r = results[v.id]
        if r.latest is not None:
            assert fmt(r.latest) in flat and squash(format_percent(r.progress)) in flat
            assert fmt(r.forecast) in flat
    roi = project_roi(project)  # on gross margin, the industry's default where the plan has none
    money = lambda x: squash(format_money(x, project.business.currency))  # noqa: E731
    if roi.roi_percent is not None:
        assert f"{format_number(roi.roi_percent, 1)}%" in flat
    for amount in (roi.total_cost, roi.labour_cost, roi.gross_profit, roi.ltv, roi.total_cost_per_lead,
                   roi.total_cost_per_customer):
        if amount is not None:
            assert money(amount) in flat
    funnel = reverse_funnel(project.roi.funnel, project.roi.average_order)
    if funnel is not None:
        for n in (funnel.customers, funnel.leads, funnel.clicks, funnel.reach):
            assert format_number(n) in flat


def test_failing_plan_prints_the_audit_errors(out_dir: Path) -> None:
    from kpiwizard.core.audit import audit

    project = find_example("pizzeria-unrealistic").load()
    result = audit(project)
    assert not result.passed
    pdf = rendered(out_dir, "pizzeria-unrealistic", "en", "a4")
    for finding in result.errors:
        assert squash(finding.message.en.replace("\u2212", "-")) in pdf.flat
        assert squash(finding.fix.en.replace("\u2212", "-")) in pdf.flat
    assert "Failed:" in pdf.text
