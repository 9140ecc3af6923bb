"""The campaign credit as the app's import preview lays it out (core/utm.py campaign_rows): every
cell worded and formatted in the core, tactics shortened by the width they take on screen."""

from __future__ import annotations

from datetime import date, timedelta

import platform_fixtures as pf

from kpiwizard.core.utm import SHORT_WIDTH, campaign_rows, shorten, unmatched_line
from kpiwizard.export.platforms import plan_import

MON = date(2026, 3, 2)


def test_a_tactic_that_fits_is_kept_and_one_column_more_is_cut_with_an_ellipsis():
    assert shorten("a" * SHORT_WIDTH) == "a" * SHORT_WIDTH
    assert shorten("a" * (SHORT_WIDTH + 1)) == "a" * (SHORT_WIDTH - 1) + "…"
    assert shorten("  Reels \n twice ") == "Reels twice"


def test_hangul_takes_two_columns_and_is_cut_at_a_space():
    fits = "가" * (SHORT_WIDTH // 2)
    assert shorten(fits) == fits
    assert shorten(fits + "나") == "가" * (SHORT_WIDTH // 2 - 1) + "…"
    cut = shorten("평일 오후 디저트 세트 쿠폰 게시물 (매주 화요일)")
    assert cut == "평일 오후 디저트 세트 쿠폰…"


def test_rows_per_action_then_per_kpi_with_money_in_the_plans_currency(tmp_path):
    project = pf.plan(MON, MON + timedelta(27), [("direct_traffic", "monthly"), ("social_revenue", "monthly")],
                      actions=[dict(tactic="Reels of the scones being baked every Thursday", channel="Instagram",
                                    kpi="direct_traffic"),
                               dict(tactic="블로그 후기", channel="네이버 블로그", kpi="social_revenue"),
                               dict(tactic="Stories", channel="Instagram", kpi="direct_traffic")])
    project = project.model_copy(update={"business": project.business.model_copy(update={"currency": "USD"})})
    rows = [("kw01-reels-of-the", 40, 30, 3, 90.5), ("kw02", 10, 5, 1, 250), ("kw03-stories", 2, 1, 0, 0),
            ("spring_sale", 9, 9, 9, 9)]
    path = pf.write(tmp_path, "ga4.csv", pf.ga4_csv(MON, MON + timedelta(27), rows, dimension="Session campaign"),
                    MON + timedelta(40))
    preview = plan_import(project, [path])
    names = {"direct_traffic": "Direct traffic from social"}
    got = campaign_rows(project, preview, names, "en")
    assert [(r.label, r.campaign, r.sessions, r.key_events, r.revenue, r.total) for r in got] == [
        ("1. Reels of the scones being…", "kw01-reels-of-the", "40", "3", "$90.50", False),
        ("2. 블로그 후기", "kw02", "10", "1", "$250.00", False),
        ("3. Stories", "kw03-stories", "2", "0", "$0.00", False),
        ("→ Direct traffic from social", "Total", "42", "3", "$90.50", True),
        ("→ social_revenue", "Total", "10", "1", "$250.00", True),  # a KPI without a name: its id
    ]
    assert got[0].full == "1. Reels of the scones being baked every Thursday"
    assert campaign_rows(project, preview, names, "ko")[3].campaign == "합계"
    assert unmatched_line(preview.unmatched_campaigns, "ko") == "계획의 활동과 맞지 않는 캠페인: spring_sale"
    assert unmatched_line([], "en") == ""
    assert unmatched_line([f"c{i}" for i in range(25)], "en").count(",") == 19  # the first 20
    assert unmatched_line([f"c{i}" for i in range(25)], "en").endswith("c18, c19 and 5 more")
    assert unmatched_line([f"c{i}" for i in range(21)], "ko").endswith("c19 외 1개")
    assert unmatched_line([f"c{i}" for i in range(20)], "ko").endswith("c18, c19")  # all shown: no count
