"""The one-page monthly report as its readers get it: poppler's text and fonts, qpdf's check, the
core's numbers on the page, literal user text, both languages and both papers, and the command."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from plan_pdfread import read_pdf, squash

from kpiwizard.cli import main
from kpiwizard.core.enums import Lang
from kpiwizard.core.errors import ExportError
from kpiwizard.core.examples import find_example
from kpiwizard.core.monthly import monthly_report
from kpiwizard.export.monthly_report import export_monthly_report

PAGE_SIZES = {"a4": "595.276 x 841.89 pts (A4)", "letter": "612 x 792 pts (letter)"}
COMBOS = [(m, lang, paper) for m in ("2026-02", "2026-03") for lang in ("ko", "en") for paper in ("a4", "letter")]


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("monthly")


@pytest.mark.parametrize("month,lang,paper", COMBOS)
def test_the_report_is_one_page_with_the_core_s_numbers(out, month, lang, paper):
    cafe = find_example("cafe").load()
    path = out / f"cafe-{month}-{lang}-{paper}.pdf"
    export_monthly_report(cafe, month, path, Lang(lang), paper)
    pdf = read_pdf(path)
    assert pdf.info["Pages"] == "1" and pdf.info["Page size"] == PAGE_SIZES[paper]
    # only the bundled Korean font, embedded and subset: no Helvetica from tables or charts
    assert {f["name"].split("+")[-1] for f in pdf.fonts} == {"NanumGothic", "NanumGothicBold"}
    assert all(f["emb"] == "yes" and f["sub"] == "yes" for f in pdf.fonts)
    subprocess.run(["qpdf", "--check", str(path)], check=True, capture_output=True)

    report = monthly_report(cafe, month, Lang(lang))
    flat = pdf.flat
    assert squash(report.month_name) in flat
    for row in report.kpis:
        assert squash(row.name) in flat, row.name
        assert squash(row.status_name) in flat, row.status_name
        assert squash(row.target_text) in flat, row.target_text
        if not row.missing and row.value is not None:
            assert squash(row.value_text) in flat, (row.name, row.value_text)
    for sentence in (report.moved_text, report.behind_reason, report.next_step):
        assert squash(sentence) in flat, sentence
    assert squash(report.behind_most.name) in flat
    assert f"{round(report.overall * 100)}%" in flat


def test_a_missing_number_is_named_and_not_carried_over(out):
    cafe = find_example("cafe").load()
    path = out / "missing.pdf"
    export_monthly_report(cafe, "2026-03", path, Lang.KO)
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    line = next(ln for ln in text.splitlines() if "네이버 플레이스 저장" in ln and "손으로" in ln)
    assert line.split()[-3:] == ["–", "70회", "90회"]  # this month: none; last month 70; target, each with its unit
    assert "아직 옮겨 적지 않은 숫자: 네이버 플레이스 저장" in text


def test_user_text_prints_literally(out):
    cafe = find_example("cafe").load()
    cafe.title = '<b>카페 & "봄"</b> <img src="x.png"/>'
    cafe.actions[2].tactic = "스토리 <font size=40>크게</font> & 자주"
    path = out / "literal.pdf"
    export_monthly_report(cafe, "2026-02", path, Lang.KO)  # a month whose next step is that action
    flat = read_pdf(path).flat
    assert squash('<b>카페 & "봄"</b>') in flat and squash('<img src="x.png"/>') in flat
    assert squash("스토리 <font size=40>크게</font> & 자주") in flat


def test_bad_paper_and_unwritable_place_are_bilingual_errors(tmp_path):
    cafe = find_example("cafe").load()
    with pytest.raises(ExportError):
        export_monthly_report(cafe, "2026-03", tmp_path / "r.pdf", Lang.KO, paper="a3")
    with pytest.raises(ExportError) as e:
        export_monthly_report(cafe, "2026-03", tmp_path / "no-folder" / "r.pdf", Lang.EN)
    assert e.value.text.ko.strip() and e.value.text.en.strip()


def test_the_report_command(tmp_path, capsys):
    plan = tmp_path / "cafe.kpiwiz"
    assert main(["example", "cafe", str(plan)]) == 0
    pdf = tmp_path / "march.pdf"
    assert main(["report", str(plan), "--month", "2026-03", "--pdf", str(pdf), "--lang", "en",
                 "--paper", "letter"]) == 0
    read = read_pdf(pdf)
    assert "Monthly report" in read.text and read.info["Page size"] == PAGE_SIZES["letter"]
    before = plan.read_bytes()
    bad = tmp_path / "april.pdf"
    assert main(["report", str(plan), "--month", "2026-04", "--pdf", str(bad), "--lang", "en"]) == 2
    assert "2026-04" in capsys.readouterr().err and not bad.exists()
    assert plan.read_bytes() == before  # reporting never changes the plan
    with pytest.raises(SystemExit) as e:
        main(["report", str(plan), "--pdf", str(bad)])  # --month is required
    assert e.value.code == 2
