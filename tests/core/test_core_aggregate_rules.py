"""How imported platform numbers become the plan's values, read at each rule's edge.

The files here are what the readers hand the core (``ParsedFile`` with its ``Reading`` rows), built
by hand so that each case sits exactly on an edge: a figure for a span that crosses the plan's
start or end, a download three days after the last reading, a denominator of exactly 1, a value at
the largest number a plan stores, the same channel downloaded twice. The rules themselves are
written at the top of ``kpiwizard/core/aggregate.py``. (Mutation testing found these edges
untested: moving any of them passed the suite.)
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from kpiwizard.core.aggregate import (CHANGED, NEW, SAME, Column, ParsedFile, Reading, apply_preview,
                                      build_preview, later)
from kpiwizard.core.models import MAX_VALUE, CustomKpi, ImportedPart, KpiSelection, Project
from kpiwizard.core.text import t

MON = date(2026, 3, 2)  # a Monday: the plans below start on it and run two weeks
WEEK2 = MON + timedelta(7)
SUN = MON + timedelta(6)
END = MON + timedelta(13)
LATER = date(2026, 6, 30)  # a download long after every row: nothing is still settling


def reading(metric: str, value: float, day: date, channel: str = "Instagram", source: str = "daily",
            end: date | None = None, as_of: date | None = LATER, key: str = "", column: str = "",
            campaign: str = "", file: str = "f.csv", row: int = 0) -> Reading:
    return Reading(metric, value, day, end or day, channel, source, key=key, as_of=as_of, file=file, row=row,
                   campaign=campaign, column=column)


def parsed(name: str, readings: list[Reading], channel: str = "Instagram", source: str | None = "daily",
           columns: list[Column] | None = None, first: date | None = None, last: date | None = None,
           as_of: date | None = LATER, label=None) -> ParsedFile:
    """A file as a reader returns it; its span is its rows' unless given."""
    first = first or min((r.start for r in readings), default=None)
    last = last or max((r.end for r in readings), default=None)
    cols = columns if columns is not None else [
        Column(m, f"x:{m}", m) for m in dict.fromkeys(r.metric for r in readings)]
    return ParsedFile(name, "x", label or t("테스트 파일", "test file"), channel, list(readings), cols, [], first,
                      last, as_of, len(readings), source)


def plan(*kpis: KpiSelection | str, end: date = END, actuals=None, imported=None, actions=None) -> Project:
    sels = [k if isinstance(k, KpiSelection) else KpiSelection(id=k, catalog_id=k, frequency="weekly") for k in kpis]
    return Project(start=MON, end=end, kpis=sels, actuals=actuals or {}, imported=imported or {},
                   actions=actions or [])


def values(preview, kpi: str) -> dict[date, float]:
    return {v.period.start: v.value for v in preview.values if v.kpi_id == kpi}


def notes(preview, lang: str = "en") -> list[str]:
    return [n.get(lang) for n in preview.notes]


def daily(metric: str, series: dict[date, float], channel: str = "Instagram", as_of: date = LATER,
          name: str = "daily.csv") -> ParsedFile:
    return parsed(name, [reading(metric, v, d, channel, as_of=as_of, file=name) for d, v in series.items()],
                  channel, as_of=as_of)


def ads(name: str, start: date, end: date, as_of: date = LATER, **metrics: float) -> ParsedFile:
    """A Meta ads export: one figure per metric for the whole span it was downloaded for."""
    rows = [reading(m, v, start, "Meta ads", "period", end=end, as_of=as_of, file=name) for m, v in metrics.items()]
    return parsed(name, rows, "Meta ads", "period", first=start, last=end, as_of=as_of)


# -- which download wins ---------------------------------------------------------------------------


def test_the_later_download_of_the_same_day_wins_even_when_it_is_smaller():
    old = daily("views", {MON: 500}, as_of=LATER - timedelta(10), name="old.csv")
    new = daily("views", {MON: 480}, as_of=LATER, name="new.csv")
    for files in ([old, new], [new, old]):
        assert values(build_preview(plan("impressions"), files), "impressions")[MON] == 480
    # The same download day: the larger number (a platform only ever revises counts upwards late).
    same_day = daily("views", {MON: 470}, as_of=LATER, name="again.csv")
    assert values(build_preview(plan("impressions"), [same_day, new]), "impressions")[MON] == 480
    a, b = new.readings[0], same_day.readings[0]
    assert later(a, b) and not later(b, a)


# -- periods and the days a file covers ------------------------------------------------------------


def test_a_file_covering_one_day_of_a_week_makes_it_partial_one_of_seven():
    (v,) = build_preview(plan("impressions", end=SUN), [daily("views", {SUN: 40})]).values
    assert (v.value, v.covered_days, v.partial) == (40, 1, True)


def test_two_downloads_of_one_metric_cover_the_union_of_their_days():
    # Monday–Wednesday, and Tuesday again in a second download: three days, not four.
    a = daily("views", {MON: 1, MON + timedelta(1): 2, MON + timedelta(2): 3}, name="a.csv")
    b = daily("views", {MON + timedelta(1): 2}, name="b.csv")
    (v,) = build_preview(plan("impressions", end=SUN), [a, b]).values
    assert (v.value, v.covered_days) == (6, 3)
    assert "partial: 3 of 7 days" in build_preview(plan("impressions", end=SUN), [a, b]).render("en")


def test_a_column_whose_every_value_is_zero_still_gives_the_weeks_it_covers_a_real_zero():
    # The file has the column for both weeks and no figure in it (every day 0 or empty).
    file = parsed("clicks.csv", [], columns=[Column("Link clicks", "x:link clicks", "link_clicks")],
                  first=MON, last=END)
    preview = build_preview(plan("link_clicks"), [file])
    assert values(preview, "link_clicks") == {MON: 0, WEEK2: 0}
    assert all(not v.partial for v in preview.values)


def test_a_plan_whose_end_comes_before_its_start_takes_nothing_and_raises_nothing():
    # The project model accepts such dates; an import must not fail on them.
    project = Project(start=END, end=MON, kpis=[KpiSelection(id="impressions", catalog_id="impressions")])
    preview = build_preview(project, [daily("views", {MON: 3})])
    assert (preview.values, preview.notes) == ([], [])
    assert preview.render("en").splitlines()[-3:] == ["  (nothing for this plan's KPIs)", "", "0 new, 0 changed, 0 same"]


def test_a_file_that_knows_no_span_still_counts_its_rows():
    file = parsed("posts.csv", [reading("posts", 1, MON + timedelta(d), source="post", key=f"p{d}")
                                for d in (0, 2, 9)], source="post")
    file.first = file.last = None
    preview = build_preview(plan("posts_per_period"), [file])
    assert values(preview, "posts_per_period") == {MON: 2, WEEK2: 1}


def test_a_file_whose_last_day_is_unknown_has_no_span():
    file = parsed("posts.csv", [reading("posts", 1, MON, source="post", key="p0")], source="post", last=None)
    file.last = None
    assert file.coverage() is None
    preview = build_preview(plan("posts_per_period"), [file])
    assert values(preview, "posts_per_period") == {MON: 1}
    assert "  posts.csv: test file (Instagram, 1 rows)" in preview.render("en").splitlines()


# -- stock: the last reading -----------------------------------------------------------------------


def test_followers_read_on_the_last_day_of_the_week_count_for_the_whole_week():
    # The file starts on Thursday; Sunday's count is the week's value, the week is complete.
    file = daily("followers", {MON + timedelta(3): 1200, SUN: 1230}, channel="Instagram", as_of=LATER)
    preview = build_preview(plan("followers", end=SUN), [file])
    (v,) = preview.values
    assert (v.value, v.covered_days, v.partial, v.provisional) == (1230, 7, False, False)
    project = apply_preview(plan("followers", end=SUN), preview)
    assert project.imported["followers"][MON] == {
        "Instagram": ImportedPart(value=1230, days=7, as_of=LATER)}


def test_followers_read_on_wednesday_leave_the_rest_of_the_week_partial():
    file = daily("followers", {MON + timedelta(1): 1200, MON + timedelta(2): 1210})
    (v,) = build_preview(plan("followers", end=SUN), [file]).values
    assert (v.value, v.covered_days, v.partial) == (1210, 3, True)


def test_a_week_the_followers_file_covers_without_a_reading_gets_no_value():
    file = daily("followers", {MON + timedelta(1): 1200})
    file.last = WEEK2 + timedelta(1)  # the file runs into week 2, its rows stop on Tuesday of week 1
    assert values(build_preview(plan("followers"), [file]), "followers") == {MON: 1200}


@pytest.mark.parametrize("days_after, provisional", [(2, True), (3, False)])
def test_followers_read_within_three_days_of_the_download_are_provisional(days_after, provisional):
    file = daily("followers", {SUN: 1230}, as_of=SUN + timedelta(days_after))
    preview = build_preview(plan("followers", end=SUN), [file])
    (v,) = preview.values
    assert v.provisional is provisional
    assert ("provisional: the last 3 days still settle" in preview.render("en")) is provisional
    assert apply_preview(plan("followers", end=SUN), preview).imported["followers"][MON]["Instagram"].as_of \
        == SUN + timedelta(days_after)


@pytest.mark.parametrize("days_after, provisional", [(2, True), (3, False)])
def test_a_flow_read_within_three_days_of_the_download_is_provisional(days_after, provisional):
    (v,) = build_preview(plan("impressions", end=SUN), [daily("views", {MON: 5, SUN: 7},
                                                              as_of=SUN + timedelta(days_after))]).values
    assert v.provisional is provisional


# -- rates: both sides summed, then divided --------------------------------------------------------


def _posts_file(name: str, as_of: date, **by_metric: dict[date, float]) -> ParsedFile:
    rows = [reading(m, v, d, source="post", key=f"p{d.day}", as_of=as_of, file=name)
            for m, series in by_metric.items() for d, v in series.items()]
    return parsed(name, rows, source="post", as_of=as_of, first=MON, last=as_of)


def test_a_rate_is_provisional_when_either_side_is_still_settling():
    # Interactions downloaded the day after Sunday's post; the reach file a month later.
    interactions = _posts_file("likes.csv", SUN + timedelta(1), likes={MON: 4, SUN: 6})
    reach = _posts_file("reach.csv", LATER, post_reach={MON: 50, SUN: 50})
    preview = build_preview(plan("engagement_rate", end=SUN), [interactions, reach])
    (v,) = preview.values
    assert (v.value, v.provisional) == (10.0, True)
    # And the other way round.
    interactions = _posts_file("likes.csv", LATER, likes={MON: 4, SUN: 6})
    reach = _posts_file("reach.csv", SUN + timedelta(1), post_reach={MON: 50, SUN: 50})
    (v,) = build_preview(plan("engagement_rate", end=SUN), [interactions, reach]).values
    assert (v.value, v.provisional) == (10.0, True)


def test_a_rate_is_provisional_when_any_of_its_added_up_terms_is_still_settling():
    # Likes are settled; Sunday's comments were downloaded the next day; saves and reach are settled.
    likes = _posts_file("likes.csv", LATER, likes={MON: 4})
    comments = _posts_file("comments.csv", SUN + timedelta(1), comments={SUN: 2})
    saves = _posts_file("saves.csv", LATER, saves={MON: 1})
    reach = _posts_file("reach.csv", LATER, post_reach={MON: 50, SUN: 20})
    (v,) = build_preview(plan("engagement_rate", end=SUN), [likes, saves, comments, reach]).values
    assert v.value == pytest.approx(7 / 70 * 100) and v.provisional is True


@pytest.mark.parametrize("newest", ["comments", "shares", "saves", "post_reach"])
def test_a_channels_share_remembers_its_newest_download_among_all_its_files(newest):
    """The kept share's download day decides whether a later import may replace it."""
    old, new = LATER - timedelta(20), LATER
    files = [_posts_file(f"{m}.csv", new if m == newest else old, **{m: {MON: v}})
             for m, v in (("comments", 1), ("shares", 1), ("saves", 4), ("post_reach", 40))]
    # Likes: a file covering the week with no likes in it (a zero with no download day of its own).
    files.append(parsed("likes.csv", [], source="post", columns=[Column("Likes", "x:likes", "likes")],
                        first=MON, last=SUN, as_of=old))
    project = plan("engagement_rate", end=SUN)
    preview = build_preview(project, files)
    (v,) = preview.values
    assert v.value == pytest.approx(6 / 40 * 100)
    assert apply_preview(project, preview).imported["engagement_rate"][MON]["Instagram"] == ImportedPart(
        value=6, denominator=40, days=7, as_of=new)


@pytest.mark.parametrize("clicks, expected", [(1, 35000.0), (2, 17500.0)])
def test_cost_per_click_with_a_single_click_is_the_whole_spend(clicks, expected):
    preview = build_preview(plan("cost_per_click", end=SUN), [ads("ads.csv", MON, SUN, ad_spend=35000,
                                                                  ad_link_clicks=clicks)])
    assert values(preview, "cost_per_click") == {MON: expected}


def test_a_week_whose_denominator_is_zero_is_left_empty_and_says_why():
    week1 = ads("w1.csv", MON, SUN, ad_spend=0, ad_link_clicks=0)
    week2 = ads("w2.csv", WEEK2, END, ad_spend=12000, ad_link_clicks=8)
    preview = build_preview(plan("cost_per_click"), [week1, week2])
    assert values(preview, "cost_per_click") == {WEEK2: 1500}
    assert notes(preview, "ko") == ["클릭당 비용: 일부 기간은 비워 둡니다. 나눌 값(분모)이 0인 기간은 비워 둡니다."]
    assert notes(preview, "en") == ["Cost per click: some periods left empty — periods whose denominator is 0 are "
                                    "left empty."]


def test_a_channel_with_no_reach_adds_nothing_to_the_rates_denominator():
    insta = _posts_file("i.csv", LATER, likes={MON: 7}, post_reach={MON: 100})
    fb = parsed("f.csv", [reading("likes", 0, MON + timedelta(1), "Facebook", "post", key="f1"),
                          reading("post_reach", 0, MON + timedelta(1), "Facebook", "post", key="f1")],
                "Facebook", "post", first=MON, last=LATER)
    (v,) = build_preview(plan("engagement_rate", end=SUN), [insta, fb]).values
    assert v.value == 7.0  # 7 of 100 reached: Facebook's 0 of 0 counts for nothing
    (alone,) = build_preview(plan("engagement_rate", end=SUN), [fb]).notes
    assert alone.en == "Engagement rate: no value — periods whose denominator is 0 are left empty."


# -- figures for a span -----------------------------------------------------------------------------

SPANS_KO = ("파일의 기간이 계획의 기간 여러 개에 걸쳐 있어 나눌 수 없습니다. 계획 기간에 맞춰 내려받거나 날짜 열을 "
            "넣어 주세요.")
SPANS_EN = ("the file's period spans several of the plan's periods and cannot be split; download it per period or "
            "with a date column.")


def test_one_ads_export_per_week_fills_each_week_without_a_note():
    preview = build_preview(plan("cost_per_click"), [ads("w1.csv", MON, SUN, ad_spend=9000, ad_link_clicks=10),
                                                     ads("w2.csv", WEEK2, END, ad_spend=8000, ad_link_clicks=4)])
    assert values(preview, "cost_per_click") == {MON: 900, WEEK2: 2000}
    assert preview.notes == []


def test_an_ads_export_across_two_weeks_cannot_be_split_and_says_so_in_both_languages():
    preview = build_preview(plan("cost_per_click"), [ads("ads.csv", MON + timedelta(3), WEEK2 + timedelta(2),
                                                         ad_spend=9000, ad_link_clicks=10)])
    assert preview.values == []
    assert notes(preview, "ko") == [f"클릭당 비용: 값을 넣지 않았습니다. {SPANS_KO}"]
    assert notes(preview, "en") == [f"Cost per click: no value — {SPANS_EN}"]


def test_one_side_of_a_rate_across_two_weeks_is_enough_to_say_so():
    # The spend came in a two-week export; the clicks in one for the first week only.
    spend = ads("spend.csv", MON, END, ad_spend=20000)
    clicks = ads("clicks.csv", MON, SUN, ad_link_clicks=10)
    preview = build_preview(plan("cost_per_click"), [spend, clicks])
    assert values(preview, "cost_per_click") == {}
    assert notes(preview, "en") == [f"Cost per click: no value — {SPANS_EN}"]
    # The clicks across two weeks and the spend for one.
    spend = ads("spend.csv", MON, SUN, ad_spend=20000)
    clicks = ads("clicks.csv", MON, END, ad_link_clicks=10)
    assert notes(build_preview(plan("cost_per_click"), [spend, clicks]), "en") == [
        f"Cost per click: no value — {SPANS_EN}"]


@pytest.mark.parametrize("start, end", [
    (MON - timedelta(2), MON),  # from the Saturday before the plan to its first Monday
    (END, END + timedelta(2)),  # from the plan's last Sunday past its end
], ids=["into the start", "past the end"])
def test_an_export_sharing_one_day_with_the_plan_cannot_be_split_either(start, end):
    preview = build_preview(plan("cost_per_click"), [ads("ads.csv", start, end, ad_spend=9000, ad_link_clicks=10)])
    assert preview.values == []
    assert notes(preview, "en") == [f"Cost per click: no value — {SPANS_EN}"]


def test_an_export_with_a_column_and_no_figure_in_it_gives_nothing_and_no_error():
    # The export has a link-clicks column, every cell of it empty; the spend is there.
    file = parsed("ads.csv", [reading("ad_spend", 9000, MON, "Meta ads", "period", end=SUN)], "Meta ads", "period",
                  columns=[Column("Amount spent", "x:spent", "ad_spend"), Column("Link clicks", "x:clicks",
                                                                                 "ad_link_clicks")],
                  first=MON, last=SUN)
    preview = build_preview(plan("cost_per_click", "ad_ctr", end=SUN), [file])
    assert preview.values == [] and preview.notes == []


# -- people counted on several days ------------------------------------------------------------------

SAME_PERSON_KO = "같은 사람이 여러 날 겹쳐 세어지므로 날짜별 숫자를 더할 수 없습니다. 이 기간 전체의 숫자가 든 파일이 필요합니다."
SAME_PERSON_EN = ("the same person is counted on several days, so daily figures cannot be added; it needs a file "
                  "with the figure for exactly this period.")


def test_daily_reach_is_not_added_up_and_the_note_says_why_word_for_word():
    preview = build_preview(plan("reach", end=SUN), [daily("reach", {MON: 100, MON + timedelta(1): 90})])
    assert preview.values == []
    assert notes(preview, "ko") == [f"도달: 값을 넣지 않았습니다. {SAME_PERSON_KO}"]
    assert notes(preview, "en") == [f"Reach: no value — {SAME_PERSON_EN}"]


def _percent_kpi() -> KpiSelection:
    return KpiSelection(id="repeat", custom=CustomKpi(name="재방문 비율", percent=True), frequency="weekly")


def test_a_percent_column_mapped_to_an_own_kpi_is_never_added_up_over_days():
    rows = [reading("col:x:repeat", v, MON + timedelta(i), column="x:repeat") for i, v in enumerate((30, 40))]
    file = parsed("repeat.csv", rows, columns=[Column("Repeat %", "x:repeat", None)])
    preview = build_preview(plan(_percent_kpi(), end=SUN), [file], mappings={"x:repeat": "repeat"})
    assert preview.values == []
    assert notes(preview, "ko") == [f"재방문 비율: 값을 넣지 않았습니다. {SAME_PERSON_KO}"]
    # A figure for exactly the week is used as it is.
    week = parsed("week.csv", [reading("col:x:repeat", 35, MON, source="period", end=SUN, column="x:repeat")],
                  source="period", columns=[Column("Repeat %", "x:repeat", None)], first=MON, last=SUN)
    preview = build_preview(plan(_percent_kpi(), end=SUN), [week], mappings={"x:repeat": "repeat"})
    assert values(preview, "repeat") == {MON: 35}
    assert preview.values[0].kpi_name == t("재방문 비율", "재방문 비율")


def test_a_count_column_mapped_to_an_own_kpi_is_added_up_and_shown_by_its_name():
    kpi = KpiSelection(id="calls", custom=CustomKpi(name="전화 문의"), frequency="weekly")
    rows = [reading("views", v, MON + timedelta(i), column="x:calls") for i, v in enumerate((3, 4))]
    file = parsed("calls.csv", rows, columns=[Column("Calls", "x:calls", "views")])
    preview = build_preview(plan(kpi, end=SUN), [file], mappings={"x:calls": "calls"})
    assert values(preview, "calls") == {MON: 7}
    assert "  전화 문의 2026-03-02–2026-03-08: 7 새 값 (Instagram)  [일부 기간: 2/7일]" in preview.render("ko")


def test_a_share_kpi_fed_by_a_mapped_column_is_read_as_a_rate_never_a_sum():
    rows = [reading("col:x:ctr", v, MON + timedelta(i), column="x:ctr") for i, v in enumerate((2.0, 3.0))]
    file = parsed("ctr.csv", rows, channel="Meta ads", columns=[Column("CTR", "x:ctr", None)])
    preview = build_preview(plan("ad_ctr", end=SUN), [file], mappings={"x:ctr": "ad_ctr"})
    assert preview.values == []
    assert notes(preview, "en") == [f"Ad click-through rate: no value — {SAME_PERSON_EN}"]


def test_a_kpi_the_catalog_no_longer_knows_is_named_by_its_id():
    project = plan("impressions", end=SUN)
    project.kpis.append(KpiSelection(id="old_kpi", catalog_id="old_kpi", frequency="weekly"))
    preview = build_preview(project, [daily("views", {MON: 3})])
    assert preview.kpi_names["old_kpi"] == t("old_kpi", "old_kpi")
    assert values(preview, "impressions") == {MON: 3}


# -- numbers a plan cannot hold -----------------------------------------------------------------------


@pytest.mark.parametrize("value, stored", [(MAX_VALUE, True), (MAX_VALUE * 1.01, False), (float("inf"), False)])
def test_the_largest_number_a_plan_stores_is_taken_and_a_larger_one_is_left_out(value, stored):
    preview = build_preview(plan("impressions"), [daily("views", {MON: value, WEEK2: 5})])
    assert values(preview, "impressions") == ({MON: value, WEEK2: 5} if stored else {WEEK2: 5})
    apply_preview(plan("impressions"), preview)  # and the plan takes it


def test_a_rate_whose_side_is_too_large_to_store_is_left_out_without_an_error():
    huge = _posts_file("i.csv", LATER, likes={MON: MAX_VALUE * 2}, post_reach={MON: MAX_VALUE * 4})
    fine = _posts_file("j.csv", LATER, likes={WEEK2: 5}, post_reach={WEEK2: 50})
    preview = build_preview(plan("engagement_rate"), [huge, fine])
    assert values(preview, "engagement_rate") == {WEEK2: 10.0}


def test_a_week_whose_channels_add_up_to_too_large_a_number_is_left_out_and_the_next_week_kept():
    a = daily("views", {MON: MAX_VALUE * 0.6, WEEK2: 1}, "Instagram", name="a.csv")
    b = daily("views", {MON: MAX_VALUE * 0.6, WEEK2: 2}, "Facebook", name="b.csv")
    assert values(build_preview(plan("impressions"), [a, b]), "impressions") == {WEEK2: 3}


IMPOSSIBLE_KO = "클릭당 비용: 일부 기간은 비워 둡니다. 2026-03-02 기간의 값 0이 이 지표가 가질 수 없는 값이라 넣지 않았습니다. 파일을 확인하세요."
IMPOSSIBLE_EN = ("Cost per click: some periods left empty — the value 0 for the period from 2026-03-02 is impossible "
                 "for this KPI and was left out; check the files.")


def test_an_impossible_value_is_left_out_the_next_week_kept_and_the_note_names_it():
    # Clicks with no spend: a cost per click of 0 cannot be (it is more than 0 by definition).
    preview = build_preview(plan("cost_per_click"), [ads("w1.csv", MON, SUN, ad_spend=0, ad_link_clicks=4),
                                                     ads("w2.csv", WEEK2, END, ad_spend=600, ad_link_clicks=4)])
    assert values(preview, "cost_per_click") == {WEEK2: 150}
    assert notes(preview, "ko") == [IMPOSSIBLE_KO]
    assert notes(preview, "en") == [IMPOSSIBLE_EN]


def test_the_korean_note_of_an_impossible_value_chooses_its_particle_by_the_number():
    preview = build_preview(plan("bounce_rate", end=SUN), [parsed("ga.csv", [
        reading("social_bounced_sessions", 21, MON, "Website", "period", end=SUN),
        reading("social_sessions", 20, MON, "Website", "period", end=SUN)], "Website", "period")])
    assert notes(preview, "ko") == ["조정 이탈률: 값을 넣지 않았습니다. 2026-03-02 기간의 값 105가 이 지표가 가질 수 없는 값이라 "
                                    "넣지 않았습니다. 파일을 확인하세요."]


# -- channels kept from an earlier import --------------------------------------------------------------


def _kept_plan(kpi: str, held: float, parts: dict[str, ImportedPart]) -> Project:
    return plan(kpi, end=SUN, actuals={kpi: {MON: held}}, imported={kpi: {MON: parts}})


@pytest.mark.parametrize("off_by, kept", [(0, True), (9e-7, True), (-9e-7, True), (2e-6, False), (0.01, False)])
def test_shares_count_while_they_add_up_to_the_plans_value_within_a_millionth(off_by, kept):
    held = 2 / 7 * 100  # 28.571428...; stored rounded, or written back by a spreadsheet with fewer digits
    project = _kept_plan("engagement_rate", round(held, 6) + off_by,
                         {"Facebook": ImportedPart(value=2, denominator=7, days=7, as_of=LATER)})
    preview = build_preview(project, [_posts_file("i.csv", LATER, likes={MON: 8}, post_reach={MON: 93})])
    (v,) = preview.values
    assert v.kept == (("Facebook",) if kept else ())
    assert v.value == pytest.approx(10.0 if kept else 8 / 93 * 100)


@pytest.mark.parametrize("off_by, kept", [(1, True), (-1, True), (10, False)])
def test_large_values_match_their_shares_to_a_billionth(off_by, kept):
    held = 2_000_000_000.0  # two billion won of revenue
    project = _kept_plan("social_revenue", held + off_by,
                         {"Website": ImportedPart(value=held, days=7, as_of=LATER)})
    file = daily("social_revenue", {MON: 500}, channel="Instagram")
    (v,) = build_preview(project, [file]).values
    assert v.kept == (("Website",) if kept else ())


@pytest.mark.parametrize("kpi, files, held", [
    ("posts_per_period", lambda as_of: [_posts_file("p.csv", as_of, posts={MON: 1, SUN: 1})], 3),
    ("engagement_rate", lambda as_of: [_posts_file("p.csv", as_of, likes={MON: 1, SUN: 1},
                                                   post_reach={MON: 10, SUN: 10})], 10.0),
])
def test_an_older_settling_download_of_a_kept_channel_leaves_the_value_settled(kpi, files, held):
    part = (ImportedPart(value=3, days=7, as_of=LATER) if kpi == "posts_per_period"
            else ImportedPart(value=3, denominator=30, days=7, as_of=LATER))
    project = _kept_plan(kpi, held, {"Instagram": part})
    (v,) = build_preview(project, files(SUN + timedelta(1))).values
    assert (v.value, v.kept, v.provisional, v.state) == (held, ("Instagram",), False, SAME)


def test_a_kept_share_still_settling_makes_the_value_provisional():
    project = _kept_plan("posts_per_period", 3, {"Instagram": ImportedPart(value=3, days=7, as_of=SUN + timedelta(2))})
    yt = _posts_file("yt.csv", LATER, posts={MON: 1})
    yt = parsed("yt.csv", [replace(r, channel="YouTube") for r in yt.readings], "YouTube", "post",
                first=MON, last=LATER)
    (v,) = build_preview(project, [yt]).values
    assert (v.value, v.kept, v.provisional, v.state) == (4, ("Instagram",), True, CHANGED)


def test_states_new_changed_and_same_are_counted_once_each():
    project = plan("impressions", actuals={"impressions": {MON: 7, WEEK2: 99}})
    file = daily("views", {MON: 3, MON + timedelta(1): 4, WEEK2: 5})
    preview = build_preview(project, [file])
    assert [v.state for v in preview.values] == [SAME, CHANGED]
    three = plan("impressions", end=END + timedelta(7), actuals={"impressions": {MON: 7, WEEK2: 99}})
    file = daily("views", {MON: 7, WEEK2: 5, END + timedelta(1): 1})
    preview = build_preview(three, [file])
    assert preview.counts() == {NEW: 1, CHANGED: 1, SAME: 1}
    assert preview.summary("ko") == "새 값 1개, 바뀐 값 1개, 같은 값 1개"
    assert preview.summary("en") == "1 new, 1 changed, 1 same"
