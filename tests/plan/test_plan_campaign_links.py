"""The action plan prints each action's campaign link (UTM) under it when the plan has a web
address: the very link the app copies, markup-safe, wrapped inside the page, in the embedded font
only. Without an address nothing is printed; a wrong address is said, not crashed on."""

from __future__ import annotations

from pathlib import Path

from plan_pdfread import read_pdf, squash, word_boxes

from kpiwizard.core.enums import Lang
from kpiwizard.core.examples import find_example
from kpiwizard.core.models import Project
from kpiwizard.core.utm import campaign_link
from kpiwizard.export.plan import export_plan

SITE = "https://cafe.example/menu?lang=ko&x=<b>y</b>"


def cafe() -> Project:
    return find_example("cafe").load()


def test_each_action_prints_its_campaign_link(tmp_path: Path) -> None:
    p = cafe()
    p.business.website = SITE
    out = tmp_path / "links.pdf"
    export_plan(p, out, Lang.KO)
    pdf = read_pdf(out)
    links = [campaign_link(SITE, i, a) for i, a in enumerate(p.actions)]
    assert len(links) >= 2 and len(set(links)) == len(links)
    for link in links:
        assert squash(link) in pdf.flat, link  # '&' and '<b>' print as typed, not as markup
    assert "&amp;" not in pdf.text
    assert pdf.flat.count(squash("캠페인 링크 (UTM):")) == len(links)
    # in action order: the first action's link comes before the second's
    assert pdf.flat.index(squash(links[0])) < pdf.flat.index(squash(links[1]))
    assert {f["name"].split("+")[-1] for f in pdf.fonts} <= {"NanumGothic", "NanumGothicBold"}
    assert all(f["emb"] == "yes" for f in pdf.fonts)


def test_english_plan_labels_the_link_in_english(tmp_path: Path) -> None:
    p = cafe()
    p.business.website = "https://cafe.example/"
    out = tmp_path / "links-en.pdf"
    export_plan(p, out, Lang.EN)
    pdf = read_pdf(out)
    assert squash(f"Campaign link (UTM): {campaign_link(p.business.website, 0, p.actions[0])}") in pdf.flat


def test_a_very_long_link_wraps_inside_the_page(tmp_path: Path) -> None:
    p = cafe()
    p.business.website = "https://cafe.example/" + "a" * 250
    out = tmp_path / "long.pdf"
    export_plan(p, out, Lang.KO)
    pdf = read_pdf(out)
    assert squash(campaign_link(p.business.website, 0, p.actions[0])) in pdf.flat
    for width, x0, x1, _, _ in word_boxes(out):
        assert 0 <= x0 and x1 <= width - 30, "text runs off the page"


def test_no_web_address_prints_no_links(tmp_path: Path) -> None:
    p = cafe()
    assert p.business.website == ""
    out = tmp_path / "none.pdf"
    export_plan(p, out, Lang.KO)
    text = read_pdf(out).text
    assert "utm_source" not in text and "캠페인 링크" not in text


def test_a_web_address_that_is_not_one_is_said_and_the_plan_still_prints(tmp_path: Path) -> None:
    p = cafe()
    p.business.website = "cafe.example/menu"
    out = tmp_path / "bad.pdf"
    export_plan(p, out, Lang.KO)
    pdf = read_pdf(out)
    assert "utm_source" not in pdf.text
    assert squash("캠페인 링크를 싣지 못했습니다") in pdf.flat and "cafe.example/menu" in pdf.text
