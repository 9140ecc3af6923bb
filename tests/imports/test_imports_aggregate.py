"""The aggregation rules: each KPI's kind decides how a period's value is formed from the rows."""

from __future__ import annotations

from datetime import date, timedelta

import platform_fixtures as pf
import pytest

from kpiwizard.core.aggregate import CHANGED, NEW, SAME, build_preview
from kpiwizard.core.models import CustomKpi, KpiSelection
from kpiwizard.export.platforms import apply_import, plan_import, read_bytes_as

MON = date(2026, 3, 2)  # a Monday; the plans below start on it
LATER = date(2026, 6, 30)  # a download long after every row: nothing provisional


def values(preview, kpi):
    return {v.period.start: v.value for v in preview.values if v.kpi_id == kpi}


def by_start(preview, kpi):
    return {v.period.start: v for v in preview.values if v.kpi_id == kpi}


def test_flow_is_the_sum_of_the_days_of_each_week(tmp_path):
    project = pf.plan(MON, MON + timedelta(27), [("impressions", "weekly")])
    series = {MON + timedelta(i): 10 + i for i in range(28)}
    path = pf.write(tmp_path, "views.csv", pf.meta_daily("Views", series), LATER)
    preview = plan_import(project, [path])
    assert values(preview, "impressions") == {
        MON + timedelta(7 * w): sum(10 + i for i in range(7 * w, 7 * w + 7)) for w in range(4)}
    assert all(v.state == NEW and not v.partial and not v.provisional for v in preview.values)


def test_sparse_days_inside_the_file_are_zero_weeks_outside_it_get_nothing(tmp_path):
    project = pf.plan(MON, MON + timedelta(34), [("link_clicks", "weekly")])
    # Clicks on the first and third week only; the file spans 1st..3rd week (zero days left out).
    series = {MON: 4, MON + timedelta(15): 6, MON + timedelta(20): 1}
    path = pf.write(tmp_path, "fb_clicks.csv", pf.meta_daily("Facebook link clicks", series), LATER)
    got = by_start(plan_import(project, [path]), "link_clicks")
    assert got[MON].value == 4 and got[MON + timedelta(7)].value == 0  # a real zero, inside the span
    assert got[MON + timedelta(14)].value == 7
    assert MON + timedelta(21) not in got and MON + timedelta(28) not in got  # after the file's last day
    assert got[MON].partial is False


def test_a_period_the_file_covers_in_part_is_marked_partial(tmp_path):
    project = pf.plan(MON, MON + timedelta(13), [("impressions", "weekly")])
    path = pf.write(tmp_path, "v.csv", pf.meta_daily("Views", {MON + timedelta(i): 5 for i in range(10)}), LATER)
    got = by_start(plan_import(project, [path]), "impressions")
    assert (got[MON].covered_days, got[MON].partial) == (7, False)
    assert (got[MON + timedelta(7)].covered_days, got[MON + timedelta(7)].partial) == (3, True)
    assert "partial: 3 of 7 days" in plan_import(project, [path]).render("en")


def test_monthly_periods_follow_the_plans_own_dates(tmp_path):
    start = date(2026, 1, 15)
    project = pf.plan(start, date(2026, 4, 14), [("impressions", "monthly")])
    series = {start + timedelta(i): 1 for i in range(89)}
    path = pf.write(tmp_path, "v.csv", pf.meta_daily("Views", series), LATER)
    assert values(plan_import(project, [path]), "impressions") == {
        date(2026, 1, 15): 31, date(2026, 2, 15): 28, date(2026, 3, 15): 30}


def test_rate_is_recomputed_from_sums_never_an_average_of_averages(tmp_path):
    project = pf.plan(MON, MON + timedelta(6), [("engagement_rate", "weekly")])
    posts = [dict(day=MON, views=200, reach=100, likes=6, shares=1, comments=2, saves=1),  # 10 %
             dict(day=MON + timedelta(1), views=2000, reach=1000, likes=6, shares=1, comments=2, saves=1)]  # 1 %
    path = pf.write(tmp_path, "posts.csv", pf.instagram_posts(posts), LATER)
    (v,) = plan_import(project, [path]).values
    assert v.value == pytest.approx(20 / 1100 * 100)  # 1.82 %, not (10 + 1) / 2 = 5.5 %
    assert v.value != pytest.approx(5.5)


def test_a_rate_only_uses_channels_that_have_both_sides(tmp_path):
    project = pf.plan(MON, MON + timedelta(6), [("engagement_rate", "weekly")])
    ig = pf.write(tmp_path, "ig.csv", pf.instagram_posts(
        [dict(day=MON, views=200, reach=100, likes=6, shares=1, comments=2, saves=1)]), LATER)
    # TikTok videos have likes but no reach: adding their likes to Instagram's reach would mean nothing.
    tt = pf.write(tmp_path, "tt.zip", pf.tiktok_zip({}, [dict(day=MON, likes=500, comments=50, shares=9, views=9000)]),
                  LATER)
    (v,) = plan_import(project, [ig, tt]).values
    assert v.value == pytest.approx(10.0) and v.channels == ("Instagram",)


def test_stock_is_the_last_reading_of_the_period(tmp_path):
    project = pf.plan(MON, MON + timedelta(13), [("followers", "weekly")])
    tt_days = {MON + timedelta(i): dict(views=1, likes=0, comments=0, shares=0, new=2) for i in range(14)}
    tt = pf.write(tmp_path, "tt.zip", pf.tiktok_zip(tt_days, []), LATER)
    assert values(plan_import(project, [tt]), "followers") == {MON: 1014, MON + timedelta(7): 1028}


def test_stock_channels_are_added_each_at_its_own_last_reading():
    from kpiwizard.core.aggregate import ParsedFile, Reading

    def series(channel, points):
        readings = [Reading("followers", v, d, d, channel, "daily", as_of=LATER, file=channel) for d, v in points]
        return ParsedFile(channel, "x", pf_label(), channel, readings, [], [], points[0][0], points[-1][0], LATER, 0, "daily")

    project = pf.plan(MON, MON + timedelta(6), [("followers", "weekly")])
    a = series("TikTok", [(MON, 100), (MON + timedelta(6), 110)])
    b = series("LinkedIn", [(MON + timedelta(1), 40), (MON + timedelta(4), 42)])  # its last reading is day 5
    (v,) = build_preview(project, [a, b]).values
    assert v.value == 152 and v.channels == ("LinkedIn", "TikTok")


def pf_label():
    from kpiwizard.core.text import t

    return t("시험", "test")


def test_youtube_cumulative_subscribers_are_not_a_follower_count(tmp_path):
    project = pf.plan(MON, MON + timedelta(13), [("followers", "weekly")])
    yt = pf.write(tmp_path, "yt.zip", pf.youtube_zip({MON + timedelta(i): dict(views=1, subs=1) for i in range(14)}, []),
                  LATER)
    preview = plan_import(project, [yt])
    assert preview.values == []
    assert "not the channel's subscriber count" in preview.render("en")


def test_reach_needs_a_figure_for_exactly_the_period(tmp_path):
    project = pf.plan(MON, MON + timedelta(13), [("paid_reach", "weekly"), ("cost_per_click", "weekly")])
    camp = [dict(name="동네", spend=50000, impressions=8000, reach=5000, clicks=100)]
    week = pf.write(tmp_path, "week.csv", pf.meta_ads_korean(camp, MON, MON + timedelta(6), 5000), LATER)
    got = plan_import(project, [week])
    assert values(got, "paid_reach") == {MON: 5000}
    assert values(got, "cost_per_click") == {MON: 500}
    two_weeks = pf.write(tmp_path, "two.csv", pf.meta_ads_korean(camp, MON, MON + timedelta(13), 5000), LATER)
    refused = plan_import(project, [two_weeks])
    assert values(refused, "paid_reach") == {} and values(refused, "cost_per_click") == {}
    assert any("spans several" in n.en for n in refused.notes)


def test_daily_viewers_are_never_added_up(tmp_path):
    project = pf.plan(MON, MON + timedelta(6), [("reach", "weekly")])
    path = pf.write(tmp_path, "reach.csv", pf.meta_daily("Reach", {MON + timedelta(i): 100 for i in range(7)}), LATER)
    preview = plan_import(project, [path])
    assert preview.values == []
    assert any("cannot be added" in n.en for n in preview.notes)


def test_daily_rows_win_over_per_post_totals_for_the_same_channel(tmp_path):
    project = pf.plan(MON, MON + timedelta(6), [("link_clicks", "weekly")])
    daily = pf.write(tmp_path, "fb_clicks.csv",
                     pf.meta_daily("Facebook link clicks", {MON + timedelta(i): 3 for i in range(7)}), LATER)
    posts = pf.write(tmp_path, "fb_posts.csv", pf.facebook_posts(
        [dict(day=MON, views=1, reach=1, likes=0, comments=0, shares=0, link_clicks=50)]), LATER)
    assert values(plan_import(project, [posts]), "link_clicks") == {MON: 50}
    assert values(plan_import(project, [daily, posts]), "link_clicks") == {MON: 21}  # not 71


def test_a_later_download_replaces_an_earlier_one_in_any_order(tmp_path):
    project = pf.plan(MON, MON + timedelta(6), [("impressions", "weekly")])
    early = pf.write(tmp_path, "early.csv", pf.meta_daily("Views", {MON + timedelta(i): 10 for i in range(7)}),
                     MON + timedelta(7))
    late = pf.write(tmp_path, "late.csv", pf.meta_daily("Views", {MON + timedelta(i): 12 for i in range(7)}),
                    MON + timedelta(20))
    assert values(plan_import(project, [early, late]), "impressions") == {MON: 84}
    assert values(plan_import(project, [late, early]), "impressions") == {MON: 84}


@pytest.mark.parametrize("days_before, provisional", [(0, True), (2, True), (3, False), (5, False)])
def test_the_last_three_days_before_the_download_are_provisional(tmp_path, days_before, provisional):
    project = pf.plan(MON, MON + timedelta(27), [("posts_per_period", "weekly")])
    post_day = MON + timedelta(10)
    path = pf.write(tmp_path, "posts.csv", pf.instagram_posts(
        [dict(day=post_day, views=1, reach=1, likes=0, shares=0, comments=0, saves=0)]),
        post_day + timedelta(days_before))
    got = by_start(plan_import(project, [path]), "posts_per_period")
    assert got[MON + timedelta(7)].provisional is provisional


def test_new_changed_and_same_against_the_plans_actuals(tmp_path):
    project = pf.plan(MON, MON + timedelta(20), [("impressions", "weekly")],
                      actuals={"impressions": {MON: 70, MON + timedelta(7): 1}})
    path = pf.write(tmp_path, "v.csv", pf.meta_daily("Views", {MON + timedelta(i): 10 for i in range(21)}), LATER)
    preview = plan_import(project, [path])
    states = {v.period.start: v.state for v in preview.values}
    assert states == {MON: SAME, MON + timedelta(7): CHANGED, MON + timedelta(14): NEW}
    assert len(preview.changes) == 2
    text = preview.render("ko")
    assert "바뀜 (이전 1)" in text and "새 값" in text


def test_rows_outside_the_plan_and_totals_rows_are_listed_as_ignored(tmp_path):
    project = pf.plan(MON, MON + timedelta(6), [("impressions", "weekly")])
    series = {MON - timedelta(2): 5, MON: 5, MON + timedelta(9): 5, MON + timedelta(10): 5}
    path = pf.write(tmp_path, "v.csv", pf.meta_daily("Views", series), LATER)
    text = plan_import(project, [path]).render("en")
    assert "1 row(s) dated before the plan's start (2026-03-02)" in text
    assert "2 row(s) dated after the plan's end (2026-03-08)" in text
    yt = pf.write(tmp_path, "yt.zip", pf.youtube_zip({MON: dict(views=1, subs=1)}, []), LATER)
    assert "1 totals row(s)" in plan_import(project, [yt]).render("en")


def test_an_unknown_column_mapped_by_hand_feeds_that_kpi(tmp_path):
    project = pf.plan(MON, MON + timedelta(6), [("impressions", "weekly")])
    project.kpis.append(KpiSelection(id="reels", custom=CustomKpi(name="릴스 재생"), frequency="weekly"))
    path = pf.write(tmp_path, "r.csv", pf.meta_daily("Reels plays", {MON + timedelta(i): 2 for i in range(7)}), LATER)
    unmapped = plan_import(project, [path])
    assert unmapped.values == [] and unmapped.unmapped[0][0] == "meta_daily:reelsplays"
    mapped = plan_import(project, [path], mappings={"meta_daily:reelsplays": "reels"})
    assert values(mapped, "reels") == {MON: 14}
    assert mapped.column_uses["meta_daily:reelsplays"] == ("reels",)


def test_a_mapping_to_a_kpi_the_plan_lacks_does_nothing(tmp_path):
    project = pf.plan(MON, MON + timedelta(6), [("impressions", "weekly")])
    path = pf.write(tmp_path, "v.csv", pf.meta_daily("Views", {MON: 2}), LATER)
    preview = plan_import(project, [path], mappings={"meta_daily:views": "nope"})
    assert values(preview, "impressions") == {MON: 2} and preview.mappings == {}


def test_a_mapped_known_column_replaces_the_automatic_source(tmp_path):
    project = pf.plan(MON, MON + timedelta(6), [("impressions", "weekly"), ("reach", "weekly")])
    path = pf.write(tmp_path, "v.csv", pf.meta_daily("Views", {MON: 2}), LATER)
    preview = plan_import(project, [path], mappings={"meta_daily:views": "reach"})
    assert values(preview, "reach") == {MON: 2} and values(preview, "impressions") == {}


def test_ga4_social_conversion_rate_from_counts_and_revenue_for_a_matching_month(tmp_path):
    start = date(2026, 3, 1)
    project = pf.plan(start, date(2026, 5, 31), [("social_conversion_rate", "monthly"), ("social_revenue", "monthly"),
                                                 ("direct_traffic", "monthly"), ("bounce_rate", "monthly")])
    march = pf.write(tmp_path, "m.csv", pf.ga4_csv(start, date(2026, 3, 31),
                                                   [("Organic Social", 150, 90, 6, 150000), ("Paid Social", 50, 30, 2, 50000),
                                                    ("Organic Search", 900, 700, 50, 999999)]), LATER)
    preview = plan_import(project, [march])
    # Sessions with a key event (sessions × session key event rate, per row) over sessions: 8 / 200.
    assert values(preview, "social_conversion_rate") == {start: 4.0}
    assert values(preview, "social_revenue") == {start: 200000}
    assert values(preview, "direct_traffic") == {start: 200}
    assert values(preview, "bounce_rate") == {start: 40.0}
    # A calendar-month report for a plan whose months start on the 15th spans two periods: no value.
    other = pf.plan(date(2026, 2, 15), date(2026, 5, 14), [("social_revenue", "monthly")])
    assert plan_import(other, [march]).values == []


def test_ga4_daily_rows_fill_weekly_periods(tmp_path):
    project = pf.plan(MON, MON + timedelta(13), [("direct_traffic", "weekly")])
    rows = {MON + timedelta(i): [("Organic Social", 10, 5, 1, 0), ("Direct", 99, 9, 9, 0)] for i in range(14)}
    path = pf.write(tmp_path, "d.csv", pf.ga4_csv(MON, MON + timedelta(13), [], with_date=rows), LATER)
    assert values(plan_import(project, [path]), "direct_traffic") == {MON: 70, MON + timedelta(7): 70}


def test_apply_writes_the_values_and_leaves_the_given_project_alone(tmp_path):
    project = pf.plan(MON, MON + timedelta(13), [("impressions", "weekly")], actuals={"impressions": {MON: 1}})
    path = pf.write(tmp_path, "v.csv", pf.meta_daily("Views", {MON + timedelta(i): 1 for i in range(14)}), LATER)
    new = apply_import(project, plan_import(project, [path]))
    assert new.actuals["impressions"] == {MON: 7, MON + timedelta(7): 7}
    assert project.actuals["impressions"] == {MON: 1}


def test_build_preview_is_pure_over_parsed_files():
    project = pf.plan(MON, MON + timedelta(6), [("impressions", "weekly")])
    files = read_bytes_as("v.csv", pf.meta_daily("Views", {MON: 3}), LATER)
    before = project.model_dump()
    assert build_preview(project, files).render("en") == build_preview(project, files).render("en")
    assert project.model_dump() == before


def test_an_unnamed_daily_views_file_belongs_to_the_one_meta_channel_of_the_import(tmp_path):
    """Views.csv and an Instagram post export together: the daily views are Instagram's and win over the
    per-post views, instead of being added to them."""
    project = pf.plan(MON, MON + timedelta(6), [("impressions", "weekly")])
    views = pf.write(tmp_path, "Views.csv", pf.meta_daily("Views", {MON + timedelta(i): 10 for i in range(7)}), LATER)
    posts = pf.write(tmp_path, "posts.csv", pf.instagram_posts(
        [dict(day=MON, views=500, reach=100, likes=1, shares=0, comments=0, saves=0)]), LATER)
    (v,) = plan_import(project, [views, posts]).values
    assert (v.value, v.channels) == (70, ("Instagram",))
    fb = pf.write(tmp_path, "fb.csv", pf.facebook_posts(
        [dict(day=MON, views=300, reach=100, likes=1, comments=0, shares=0)]), LATER)
    both = plan_import(project, [views, posts, fb])
    (v,) = both.values
    assert (v.value, v.channels) == (70 + 500 + 300, ("Facebook", "Instagram", "Meta"))
    assert "put instagram or facebook in the file name" in both.render("en")


def test_apply_skips_values_whose_kpi_or_period_changed_since_the_preview(tmp_path):
    project = pf.plan(MON, MON + timedelta(13), [("impressions", "weekly"), ("link_clicks", "weekly")])
    views = pf.write(tmp_path, "v.csv", pf.meta_daily("Views", {MON + timedelta(i): 1 for i in range(14)}), LATER)
    clicks = pf.write(tmp_path, "c.csv", pf.meta_daily("Facebook link clicks", {MON: 3}), LATER)
    preview = plan_import(project, [views, clicks])
    edited = project.model_copy(deep=True)
    edited.remove_kpi("link_clicks")
    edited.kpis[0].frequency = "monthly"
    assert apply_import(edited, preview).actuals == {}
    assert apply_import(project, preview).actuals["link_clicks"] == {MON: 3}


def test_conversion_rate_counts_sessions_with_a_key_event_not_key_events(tmp_path):
    """Three key events in one session of two: the social conversion rate is 50 %, not 150 %."""
    start = date(2026, 3, 1)
    project = pf.plan(start, date(2026, 3, 31), [("social_conversion_rate", "monthly")])
    text = ("# Start date: 20260301\n# End date: 20260331\n"
            "Session primary channel group (Default Channel Group),Sessions,Key events,Session key event rate\n"
            ",2,3,0.5\nOrganic Social,2,3,0.5\n")
    path = pf.write(tmp_path, "ga4.csv", text.encode(), LATER)
    assert values(plan_import(project, [path]), "social_conversion_rate") == {start: 50.0}
    percent = pf.write(tmp_path, "ga4b.csv", text.replace("0.5\n", "50%\n").encode(), LATER)
    assert values(plan_import(project, [percent]), "social_conversion_rate") == {start: 50.0}


def test_an_impossible_value_is_left_out_and_said(tmp_path):
    """A column mapped to a share (0-100) that holds 150 for the week is not written."""
    project = pf.plan(MON, MON + timedelta(13), [("bounce_rate", "weekly")])
    camp = [dict(name="A", spend=100, impressions=10, reach=5, clicks=1)]
    data = pf.meta_ads_korean(camp, MON, MON + timedelta(6), 5).decode("utf-8-sig").splitlines()
    data = [data[0] + ",품질 점수"] + [line + ",150" for line in data[1:]]
    path = pf.write(tmp_path, "ads.csv", "\n".join(data).encode(), LATER)
    preview = plan_import(project, [path], mappings={"meta_ads:품질점수": "bounce_rate"})
    assert preview.values == []
    assert any("150" in n.en and "impossible" in n.en for n in preview.notes)


def test_natural_range_edges():
    from kpiwizard.core.aggregate import _possible
    from kpiwizard.core.catalog import load_catalog

    share = load_catalog().kpi("bounce_rate")
    assert _possible(0, share) and _possible(100, share)
    assert not _possible(-0.01, share) and not _possible(100.01, share)
    time = load_catalog().kpi("response_time")
    assert time.natural_min_exclusive and not _possible(time.natural_min, time)
    assert _possible(time.natural_min + 0.01, time)
