"""User text is data in the PDF plan: markup prints literally, nothing is fetched, very long text
wraps and flows across pages, glyphs the font lacks never crash, and empty optional fields leave no
empty headings."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from plan_pdfread import read_pdf, squash, word_boxes

from kpiwizard.core.enums import Lang
from kpiwizard.core.errors import ExportError, UserError
from kpiwizard.core.examples import find_example
from kpiwizard.core.models import Action, CustomKpi, KpiSelection, Project
from kpiwizard.export.plan import export_plan
from kpiwizard.export.plan_labels import SECTIONS
from kpiwizard.export.plan_style import MISSING, plain

INJECTION = '<b>x</b> & <img src="http://127.0.0.1:9/x.png"/> &amp; <font color="red">y</font>'
UNBROKEN = "가나다라마바사아자차카타파하" * 357 + "끝"  # 5,000 characters, not one space


def cafe() -> Project:
    return find_example("cafe").load()


def test_markup_in_every_kind_of_field_prints_literally(tmp_path: Path) -> None:
    p = cafe()
    p.title = f"제목 {INJECTION}"
    p.business.name = f"가게 {INJECTION}"[:300]
    p.business_goal.why = INJECTION
    p.smart.what = INJECTION
    p.kpis[0].custom.name = f"KPI {INJECTION}"[:300]
    p.kpis[0].note = INJECTION
    p.actions[0].tactic = INJECTION
    p.actions[0].owner = INJECTION[:300]
    p.notes = INJECTION
    out = tmp_path / "inject.pdf"
    export_plan(p, out, Lang.KO)
    pdf = read_pdf(out)
    # title, name, why, what (in the sentence), KPI name, note, tactic, owner, notes
    assert pdf.flat.count(squash(INJECTION)) >= 9
    assert "&amp;amp;" not in pdf.text
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 2, "a header only: no image was fetched or embedded"
    assert pdf.info["Title"] == p.title


def test_long_notes_wrap_inside_the_page_and_flow_across_pages(tmp_path: Path) -> None:
    p = cafe()
    words = " ".join(f"word{i}" for i in range(5000))
    p.notes = words + "\n\n" + UNBROKEN
    p.business_goal.why = UNBROKEN
    p.kpis[0].note = UNBROKEN
    p.kpis[0].custom.definition = UNBROKEN
    p.actions[0].tactic = UNBROKEN  # inside a table cell: the row must split across pages
    p.smart.resources = UNBROKEN
    out = tmp_path / "long.pdf"
    export_plan(p, out, Lang.KO)
    pdf = read_pdf(out)
    body = pdf.body(p.title, p.business.name)
    assert body.count(UNBROKEN) >= 6  # why, sentence on cover and summary, KPI definition and note, notes
    # The tactic's table row splits across pages under a repeated header row: its two ends are there.
    assert body.count(UNBROKEN[-40:]) >= 7 and body.count(UNBROKEN[:40]) >= 7
    assert "word0" in pdf.text and "word4999" in pdf.text
    assert int(pdf.info["Pages"]) > 20
    boxes = word_boxes(out)
    assert boxes
    for width, x0, x1, _, _ in boxes:
        assert 0 <= x0 and x1 <= width - 30, "text runs off the page"


def test_emoji_and_rtl_text_do_not_crash_and_keep_korean_fonts(tmp_path: Path) -> None:
    p = cafe()
    p.title = "카페 봄 ☕️ 😀 שלום مرحبا"
    p.business_goal.why = "손님 👩‍👩‍👧 가족 \u202eRTL\u202c 끝"
    p.kpis[0].custom.name = "쿠폰 🎟 손님"
    out = tmp_path / "emoji.pdf"
    export_plan(p, out, Lang.KO)
    pdf = read_pdf(out)
    assert {f["name"].split("+", 1)[1] for f in pdf.fonts} == {"NanumGothic", "NanumGothicBold"}
    assert "카페봄" in pdf.flat and "손님" in pdf.flat and "RTL" in pdf.text


def test_missing_glyphs_become_a_visible_mark_and_invisible_ones_vanish() -> None:
    assert plain("a😀b") == f"a{MISSING}b"
    assert plain("שלום") == MISSING * 4
    assert plain("x\u200dy\ufe0f\u202e") == "xy"  # joiner, variation selector, bidi override
    assert plain("한글 ABC ₩1,000 – → ·") == "한글 ABC ₩1,000 – → ·"
    assert plain("−33%") == "-33%"


def minimal_project() -> Project:
    return Project(
        title="Bare plan",
        start=date(2026, 1, 1),
        end=date(2026, 3, 31),
        kpis=[KpiSelection(id="k1", custom=CustomKpi(name="Custom thing"), baseline=10, target=20)],
    )


def test_empty_optional_fields_leave_no_empty_headings(tmp_path: Path) -> None:
    out = tmp_path / "bare.pdf"
    export_plan(minimal_project(), out, Lang.EN)
    pdf = read_pdf(out)
    sections = pdf.titles(level=0)
    for key in ("actions", "roi", "notes"):
        assert SECTIONS[key].en not in sections
    for label in ("Why this goal", "For whom", "Reason to believe", "Definition", "Formula", "Note",
                  "Actual", "What to do", "Vanity"):
        assert label not in pdf.text, label
    assert "Target path" in pdf.text  # the chart is still there, with what the plan has
    assert "No actuals recorded yet" in pdf.text


def test_plan_without_kpis_still_builds_without_kpi_sections(tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    export_plan(Project(start=date(2026, 1, 1), end=date(2026, 1, 31)), out, Lang.KO)
    pdf = read_pdf(out)
    assert pdf.titles(level=0) == [SECTIONS["cover"].ko, SECTIONS["summary"].ko]
    assert "SMART 점검" in pdf.text


def test_unwritable_destination_is_a_bilingual_export_error(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "plan.pdf"
    with pytest.raises(ExportError) as caught:
        export_plan(cafe(), target)
    assert isinstance(caught.value, UserError)
    assert "폴더" in caught.value.text.ko and "folder" in caught.value.text.en
    assert not target.exists()


def test_unknown_paper_is_refused_with_a_message() -> None:
    with pytest.raises(ExportError) as caught:
        export_plan(cafe(), "/nonexistent/x.pdf", paper="a3")
    assert "a3" in caught.value.text.ko and "letter" in caught.value.text.en


def test_cli_exports_letter_in_english(tmp_path: Path) -> None:
    from kpiwizard.cli import main

    project_file = tmp_path / "cafe.kpiwiz"
    assert main(["example", "cafe", str(project_file)]) == 0
    out = tmp_path / "cafe.pdf"
    assert main(["export", str(project_file), "--pdf", str(out), "--lang", "en", "--paper", "letter"]) == 0
    pdf = read_pdf(out)
    assert pdf.info["Page size"] == "612 x 792 pts (letter)"
    assert SECTIONS["summary"].en in pdf.text


def test_export_replaces_an_existing_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"old")
    p = cafe()
    p.actions = [Action(tactic="Only one tactic")]
    export_plan(p, out, Lang.EN)
    assert out.read_bytes().startswith(b"%PDF") and out.read_bytes().rstrip().endswith(b"%%EOF")
