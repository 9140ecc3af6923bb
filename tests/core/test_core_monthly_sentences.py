"""The monthly report's sentences word for word, in Korean and English, for small realistic plans.

Twelve weekly readings from Monday 5 January 2026 (tests/core/weekly_plans.py): the plan's months are
5 Jan–4 Feb ("January"), 5 Feb–4 Mar ("February") and 5–29 Mar ("March", the last).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from kpiwizard.core.enums import Lang
from kpiwizard.core.models import Action, KpiSelection, Project
from kpiwizard.core.monthly import month_name, monthly_report

from weekly_plans import MON, END, engagement, followers, plan, posts, response_time, revenue

KO, EN = Lang.KO, Lang.EN
RISING = [50, 52, 54, 56, 58, 60, 61, 62, 63, 64, 65, 66]  # 58 on 2 Feb, 63 on 2 Mar


def texts(project: Project, month: str, lang: Lang) -> tuple[str, str, tuple[str, ...]]:
    r = monthly_report(project, month, lang)
    return r.moved_text, r.next_step, tuple(k.target_text for k in r.kpis)


# -- money: the plan's currency, as everywhere else in the app (kpiview.format_kpi_value) ----------

MONEY = {
    # A revenue KPI with the catalog's placeholder unit reads as money in the plan's currency.
    ("", "KRW", KO): ("SNS 매출이 ₩58에서 ₩63으로 늘었습니다. 목표까지 가는 길의 10%만큼 나아갔습니다.", "₩100"),
    ("", "KRW", EN): ("Revenue from social rose from ₩58 to ₩63: 10% of the way to the target gained.", "₩100"),
    ("", "USD", KO): ("SNS 매출이 $58.00에서 $63.00으로 늘었습니다. 목표까지 가는 길의 10%만큼 나아갔습니다.", "$100.00"),
    ("", "USD", EN): ("Revenue from social rose from $58.00 to $63.00: 10% of the way to the target gained.",
                      "$100.00"),
    ("", "CHF", EN): ("Revenue from social rose from 58.00 CHF to 63.00 CHF: 10% of the way to the target gained.",
                      "100.00 CHF"),
    # A unit the owner typed is the number's own: 58 means 58만원, not ₩58 (the report used to say ₩58).
    ("만원", "KRW", KO): ("SNS 매출이 58만원에서 63만원으로 늘었습니다. 목표까지 가는 길의 10%만큼 나아갔습니다.", "100만원"),
    ("만원", "KRW", EN): ("Revenue from social rose from 58 만원 to 63 만원: 10% of the way to the target gained.",
                        "100 만원"),
}


@pytest.mark.parametrize("unit, currency, lang", list(MONEY))
def test_money_reads_in_the_plan_s_currency_or_the_owner_s_own_unit(unit, currency, lang):
    project = plan(revenue(baseline=50, target=100, unit=unit), RISING, currency=currency)
    moved, target = MONEY[(unit, currency, lang)]
    report = monthly_report(project, "2026-02", lang)
    assert (report.moved_text, report.kpis[0].target_text) == (moved, target)
    # The table's value columns (the PDF) show the same figures as the sentence, with the same unit.
    row = report.kpis[0]
    assert f"from {row.previous_text} to {row.value_text}" in moved if lang is EN else \
        f"{row.previous_text}에서 {row.value_text}" in moved


def test_a_band_reads_low_to_high_with_the_unit_once():
    project = plan(posts(band_low=5, band_high=3), [4] * 12)  # typed the wrong way round
    assert monthly_report(project, "2026-02", KO).kpis[0].target_text == "3–5개"
    assert monthly_report(project, "2026-02", EN).kpis[0].target_text == "3–5 posts"


def test_a_money_band_reads_in_the_plan_s_currency():
    project = plan(revenue(direction="range", band_low=40, band_high=60), RISING, currency="USD")
    assert monthly_report(project, "2026-02", EN).kpis[0].target_text == "40–$60.00"


def test_a_band_s_leftover_edges_do_not_replace_a_target():
    # A KPI switched from a band to "higher" keeps its old band in the file; its target is the target.
    project = plan(followers(baseline=100, target=200, band_low=3, band_high=5), [100] * 12)
    assert monthly_report(project, "2026-02", KO).kpis[0].target_text == "200명"
    only_high = plan(posts(band_high=5, target=4), [4] * 12)  # a band with one edge: no band to show
    assert monthly_report(only_high, "2026-02", EN).kpis[0].target_text == "4 posts"


# -- what moved most: rose/fell, better/worse, both ways of measuring --------------------------------

MOVED = {
    # progress towards the target, lost ground
    ("lost", KO): "지역 팔로워 수가 150명에서 130명으로 줄었습니다. 목표까지 가는 길의 20%만큼 물러섰습니다.",
    ("lost", EN): "Local followers fell from 150 followers to 130 followers: 20% of the way to the target lost.",
    # no target: the relative change, direction-aware (a response time that falls got better)
    ("faster", KO): "응답 시간이 50분에서 40분으로 줄었습니다. 지난달보다 20% 좋아졌습니다.",
    ("faster", EN): "Response time fell from 50 minutes to 40 minutes: 20% better than last month.",
    ("slower", KO): "응답 시간이 40분에서 45분으로 늘었습니다. 지난달보다 12% 나빠졌습니다.",
    ("slower", EN): "Response time rose from 40 minutes to 45 minutes: 12% worse than last month.",
    ("fewer", KO): "지역 팔로워 수가 120명에서 110명으로 줄었습니다. 지난달보다 8% 나빠졌습니다.",
    ("fewer", EN): "Local followers fell from 120 followers to 110 followers: 8% worse than last month.",
    ("more", KO): "지역 팔로워 수가 100명에서 125명으로 늘었습니다. 지난달보다 25% 좋아졌습니다.",
    ("more", EN): "Local followers rose from 100 followers to 125 followers: 25% better than last month.",
    # to and from zero
    ("to zero", KO): "참여율이 0.5%에서 0%로 줄었습니다. 지난달보다 100% 나빠졌습니다.",
    ("to zero", EN): "Engagement rate fell from 0.5% to 0%: 100% worse than last month.",
    ("from zero", KO): "참여율이 0%에서 0.5%로 늘었습니다. 목표까지 가는 길의 25%만큼 나아갔습니다.",
    ("from zero", EN): "Engagement rate rose from 0% to 0.5%: 25% of the way to the target gained.",
}

MOVED_PLANS = {  # (plan, month)
    "lost": (plan(followers(baseline=100, target=200), [100, 110, 120, 130, 140, 150, 160, 170, 150, 150, 150, 130]),
             "2026-03"),
    "faster": (plan(response_time(), [60, 60, 60, 60, 50, 50, 50, 50, 40, 40, 40, 45]), "2026-02"),
    "slower": (plan(response_time(), [60, 60, 60, 60, 50, 50, 50, 50, 40, 40, 40, 45]), "2026-03"),
    "fewer": (plan(followers(), [100, 100, 100, 100, 120, 120, 120, 120, 110, 110, 110, 90]), "2026-02"),
    "more": (plan(followers(), [100, 100, 100, 100, 100, 110, 120, 120, 125, 125, 125, 125]), "2026-02"),
    "to zero": (plan(engagement(), [0.5] * 9 + [0] * 3), "2026-03"),
    "from zero": (plan(engagement(baseline=0, target=2), [0] * 9 + [0.5] * 3), "2026-03"),
}


@pytest.mark.parametrize("case, lang", list(MOVED))
def test_what_moved_most_reads_as_written(case, lang):
    project, month = MOVED_PLANS[case]
    assert monthly_report(project, month, lang).moved_text == MOVED[(case, lang)]


@pytest.mark.parametrize("lang, text", [(KO, "지난달과 비교할 숫자가 아직 없습니다."),
                                        (EN, "No number to compare with last month yet.")])
def test_nothing_to_compare_reads_as_written(lang, text):
    project = plan(followers(baseline=100, target=200), [100 + 5 * i for i in range(12)])
    assert monthly_report(project, "2026-01", lang).moved_text == text  # the first month
    flat = plan(followers(baseline=100, target=200), [120] * 12)  # nothing changed
    assert monthly_report(flat, "2026-02", lang).moved_text == text
    # A band without a baseline: 4 -> 6 posts left the band 3-5, which is not "50% better".
    band = plan(posts(band_low=3, band_high=5), [4] * 8 + [6] * 4)
    assert monthly_report(band, "2026-02", lang).moved_text == text


def test_an_english_report_of_a_korean_plan_names_units_in_english():
    project = plan(followers(baseline=100, target=200), [100, 110, 120, 130, 140, 150, 160, 170, 150, 150, 150, 130])
    assert project.language is KO
    report = monthly_report(project, "2026-03", EN)
    assert report.moved_text == MOVED[("lost", EN)]
    assert report.next_step == (
        "Local followers: Every period up to the deadline is recorded, so this cycle stays on record as missed. "
        "Start a new cycle from the latest value, 130 followers: target 200 followers, new deadline 20 June 2026.")
    assert report.behind_reason.startswith(
        "Every period up to the deadline (29 March 2026) is recorded, without reaching 200 followers")


# -- the one thing to do next month ---------------------------------------------------------------

BEHIND = [100, 101, 102, 103, 104, 105, 106, 107, 108, 150, 200, 205]  # far behind until March


def behind_plan(*actions: Action) -> Project:
    project = plan(followers(baseline=100, target=200), BEHIND)
    project.actions = list(actions)
    return project


def test_next_step_is_the_earliest_due_open_action_with_its_owner():
    project = behind_plan(
        Action(tactic="릴스 주 2회", kpi="f", owner="민지", due=MON.replace(month=3, day=20)),
        Action(tactic="동네 맘카페 소개", kpi="f", due=None),
        Action(tactic="  매장 QR 스티커  ", kpi="f", owner="  ", due=MON.replace(month=2, day=25)),
        Action(tactic="지난 이벤트", kpi="f", due=MON, status="done"),
        Action(tactic="다른 일", kpi=None, due=MON),
    )
    assert monthly_report(project, "2026-02", KO).next_step == \
        "지역 팔로워 수: '매장 QR 스티커' — 다음 달에는 이 일을 끝내세요."
    assert monthly_report(project, "2026-02", EN).next_step == \
        "Local followers: '매장 QR 스티커' — get this done next month."
    project.actions[2].status = "done"
    assert monthly_report(project, "2026-02", KO).next_step == \
        "지역 팔로워 수: '릴스 주 2회' (민지) — 다음 달에는 이 일을 끝내세요."
    project.actions[0].status = "in_progress"
    assert monthly_report(project, "2026-02", EN).next_step == \
        "Local followers: '릴스 주 2회' (민지) — get this done next month."
    project.actions[0].status = "done"  # only the one without a due date is left
    assert monthly_report(project, "2026-02", KO).next_step == \
        "지역 팔로워 수: '동네 맘카페 소개' — 다음 달에는 이 일을 끝내세요."


def test_with_no_open_action_the_next_step_is_the_strategy_hint_as_of_the_month_s_end():
    # February: followers are far behind. By the end of March they reached the target, so as of
    # today the review has nothing to suggest; February's report still names February's remedy
    # (it used to say "keep going as you are").
    project = behind_plan()
    assert monthly_report(project, "2026-02", KO).next_step == (
        "지역 팔로워 수: 팔로워의 지역·연령 통계가 실제 손님층과 다르면 게시물 주제와 위치 태그, 광고 대상 지역·연령을 바꿔 보세요.")
    assert monthly_report(project, "2026-02", EN).next_step == (
        "Local followers: If followers' region and age do not match your real customers, change post topics, "
        "location tags and the area and age your ads target.")


NEXT = {
    ("keep going", KO): "지금처럼 계속하고, 2026년 3월 4일에 다음 달 숫자를 적으세요.",
    ("keep going", EN): "Keep going as you are, and record next month's numbers on 4 March 2026.",
    ("ended", KO): "계획이 끝났습니다. 결과를 돌아보고 다음 계획의 목표를 정하세요.",
    ("ended", EN): "The plan has ended. Look back at the results and set the next plan's goals.",
}


@pytest.mark.parametrize("lang", [KO, EN])
def test_with_nothing_behind_keep_going_until_the_plan_ends(lang):
    on_track = plan(followers(baseline=100, target=200), [100 + 10 * i for i in range(12)])
    assert monthly_report(on_track, "2026-01", lang).next_step == NEXT[("keep going", lang)]
    assert monthly_report(on_track, "2026-03", lang).next_step == NEXT[("ended", lang)]


@pytest.mark.parametrize("lang", [KO, EN])
def test_a_one_day_last_month_is_the_end_of_the_plan(lang):
    # 5 January to 5 March: the last month is the single day 5 March.
    project = Project(start=MON, end=MON.replace(month=3, day=5), kpis=[followers()],
                      actuals={"f": {MON: 100}})
    assert monthly_report(project, "2026-03", lang).next_step == NEXT[("ended", lang)]


@pytest.mark.parametrize("lang, text, names", [
    (KO, "빠진 숫자를 통계 화면에서 옮겨 적으세요: 네이버 플레이스 리뷰 수, 카카오톡 채널 친구수.",
     ("네이버 플레이스 리뷰 수", "카카오톡 채널 친구수")),
    (EN, "Copy the missing numbers from the statistics screens: Naver Place reviews, Kakao Channel friends.",
     ("Naver Place reviews", "Kakao Channel friends")),
])
def test_missing_numbers_are_named_once_each_in_the_report_s_language(lang, text, names):
    # Numbers copied by hand: three of February's four weeks of reviews and the month's friends.
    kpis = [KpiSelection(id="r", catalog_id="naver_place_reviews", frequency="weekly"),
            KpiSelection(id="k", catalog_id="kakao_channel_friends", frequency="monthly")]
    project = Project(start=MON, end=END, kpis=kpis, actuals={"r": {MON + timedelta(35): 10}})
    report = monthly_report(project, "2026-02", lang)
    assert (report.next_step, report.missing) == (text, names)
    assert [k.missing for k in report.kpis] == [False, True]
    assert [k.manual for k in report.kpis] == [True, True]  # both copied by hand from the screens


# -- the title and the month's name ---------------------------------------------------------------


@pytest.mark.parametrize("title, business, ko, en", [
    ("  봄 캠페인 ", "카페봄", "봄 캠페인", "봄 캠페인"),
    ("", " 카페봄 ", "카페봄", "카페봄"),
    ("  ", "", "SNS KPI 계획", "Social media KPI plan"),
])
def test_the_title_is_the_plan_s_then_the_business_s_then_a_plain_default(title, business, ko, en):
    project = plan(followers(), [100] * 12)
    project.title, project.business.name = title, business
    assert monthly_report(project, "2026-02", KO).title == ko
    assert monthly_report(project, "2026-02", EN).title == en
    assert monthly_report(project, " 2026-02 ", KO).business == business.strip()


@pytest.mark.parametrize("month, ko, en", [
    ("2026-01", "2026년 1월", "January 2026"),
    ("2026-09", "2026년 9월", "September 2026"),
    ("2026-10", "2026년 10월", "October 2026"),
    ("2026-12", "2026년 12월", "December 2026"),
])
def test_month_names(month, ko, en):
    assert (month_name(month, KO), month_name(month, EN)) == (ko, en)
