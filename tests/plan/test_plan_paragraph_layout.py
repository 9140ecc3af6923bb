"""The plan's paragraphs break their lines once per width (``plan_style.Paragraph``); the PDF is the
same, byte for byte, as with reportlab's Paragraph breaking them again at every measurement.

Plans cover tables measured then drawn, blocks kept together, and paragraphs and table rows split
across pages (reportlab's split drops a paragraph's lines to start over).
"""

from __future__ import annotations

import pytest
from reportlab import rl_config
from reportlab.platypus import Paragraph as ReportlabParagraph

from kpiwizard.core.enums import Lang
from kpiwizard.core.examples import examples, find_example
from kpiwizard.core.models import Project
from kpiwizard.export import plan_style
from kpiwizard.export.plan import build_plan

UNBROKEN = "가나다라마바사아자차카타파하" * 120 + "끝"


def _long_text_plan() -> Project:
    p = find_example("cafe").load()
    p.notes = " ".join(f"word{i}" for i in range(1500)) + "\n\n" + UNBROKEN
    p.business_goal.why = UNBROKEN
    p.kpis[0].note = UNBROKEN
    p.actions[0].tactic = UNBROKEN  # a table row split across pages
    p.smart.resources = UNBROKEN
    return p


PLANS = {e.name: e.load for e in examples()} | {"long-text": _long_text_plan}


@pytest.mark.parametrize("name", sorted(PLANS))
@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_laying_out_once_per_width_draws_the_same_pdf(name: str, lang: Lang, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)  # no dates or random ids in the file
    project = PLANS[name]()
    calls = {"ours": 0, "theirs": 0}
    original = ReportlabParagraph.wrap

    def counting(self: ReportlabParagraph, w: float, h: float) -> tuple[float, float]:
        calls["theirs" if getattr(self, "_reference", False) else "ours"] += 1
        return original(self, w, h)

    monkeypatch.setattr(ReportlabParagraph, "wrap", counting)
    ours = build_plan(project, lang)
    laid_out = calls["ours"]

    def every_time(self: plan_style.Paragraph, w: float, h: float) -> tuple[float, float]:
        self._reference = True
        return counting(self, w, h)

    monkeypatch.setattr(plan_style.Paragraph, "wrap", every_time)
    theirs = build_plan(project, lang)
    assert ours == theirs
    assert laid_out < calls["theirs"]  # and it did lay out fewer times
