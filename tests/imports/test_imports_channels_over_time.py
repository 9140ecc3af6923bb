"""A KPI fed by several channels keeps each channel's share, so imports on different days add up.

The owner downloads Instagram on Monday and YouTube on Tuesday; the plan must end where one import
of both would, whichever came first — and a value the owner typed since is never silently summed.
"""

from __future__ import annotations

from datetime import date, timedelta

import platform_fixtures as pf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpiwizard.core.aggregate import CHANGED, SAME, build_preview
from kpiwizard.core.projectfile import load_project, save_project
from kpiwizard.export.platforms import apply_import, plan_import, read_bytes_as

MON = date(2026, 3, 2)
LATER = date(2026, 6, 30)


def _posts(days: list[int]) -> bytes:
    return pf.instagram_posts([dict(day=MON + timedelta(d), views=100, reach=50, likes=4, shares=1, comments=1,
                                    saves=1, id=f"p{d}") for d in days])


def _youtube(videos: list[int], views: int = 30) -> bytes:
    return pf.youtube_zip({MON + timedelta(i): dict(views=views, subs=1) for i in range(14)},
                          [dict(day=MON + timedelta(d), views=120) for d in videos])


def _import(project, tmp_path, name: str, data: bytes, downloaded: date = LATER):
    return apply_import(project, plan_import(project, [pf.write(tmp_path, name, data, downloaded)]))


def test_instagram_one_day_and_youtube_the_next_add_up_in_either_order(tmp_path):
    plan = pf.plan(MON, MON + timedelta(13), [("posts_per_period", "weekly"), ("impressions", "weekly")])
    insta, yt = _posts([0, 2, 9]), _youtube([1, 8, 10])
    together = apply_import(plan, plan_import(plan, [pf.write(tmp_path, "a.csv", insta, LATER),
                                                     pf.write(tmp_path, "b.zip", yt, LATER)]))
    assert together.actuals["posts_per_period"] == {MON: 3, MON + timedelta(7): 3}
    first_insta = _import(_import(plan, tmp_path, "a.csv", insta), tmp_path, "b.zip", yt)
    first_yt = _import(_import(plan, tmp_path, "b.zip", yt), tmp_path, "a.csv", insta)
    assert first_insta.actuals == together.actuals == first_yt.actuals
    assert first_insta.imported == together.imported == first_yt.imported


def test_the_preview_says_which_channels_come_from_an_earlier_import(tmp_path):
    plan = pf.plan(MON, MON + timedelta(6), [("posts_per_period", "weekly")])
    project = _import(plan, tmp_path, "a.csv", _posts([0, 2]))
    preview = plan_import(project, [pf.write(tmp_path, "b.zip", _youtube([1]), LATER)])
    (value,) = preview.values
    assert (value.value, value.old, value.state) == (3, 2, CHANGED)
    assert value.channels == ("Instagram", "YouTube") and value.kept == ("Instagram",)
    assert "Instagram: 지난번에 가져온 값" in preview.render("ko")
    assert "Instagram: from an earlier import" in preview.render("en")


def test_a_channel_imported_again_replaces_only_its_own_share(tmp_path):
    plan = pf.plan(MON, MON + timedelta(6), [("posts_per_period", "weekly")])
    project = _import(_import(plan, tmp_path, "a.csv", _posts([0])), tmp_path, "b.zip", _youtube([1]))
    assert project.actuals["posts_per_period"][MON] == 2
    # A later Instagram download holds two more posts of the same week.
    project = _import(project, tmp_path, "a2.csv", _posts([0, 3, 5]))
    assert project.actuals["posts_per_period"][MON] == 4
    # Importing it again changes nothing.
    again = plan_import(project, [pf.write(tmp_path, "a2.csv", _posts([0, 3, 5]), LATER)])
    assert [v.state for v in again.values] == [SAME]


@pytest.mark.parametrize("older_by, total", [(1, 4), (0, 2), (-1, 2)])
def test_an_older_download_of_a_channel_does_not_replace_a_newer_one(tmp_path, older_by, total):
    """Edge: a download one day older keeps the newer share; the same day or newer replaces it."""
    plan = pf.plan(MON, MON + timedelta(6), [("posts_per_period", "weekly")])
    project = _import(plan, tmp_path, "new.csv", _posts([0, 3, 5]), LATER)
    project = _import(project, tmp_path, "b.zip", _youtube([1]))
    project = _import(project, tmp_path, "old.csv", _posts([0]), LATER - timedelta(older_by))
    assert project.actuals["posts_per_period"][MON] == total


def test_a_rate_is_recomputed_from_every_channels_sides_across_imports(tmp_path):
    plan = pf.plan(MON, MON + timedelta(6), [("engagement_rate", "weekly")])
    # Instagram: (likes+comments+shares+saves) 7 per post over reach 50 → 14 %; two posts.
    insta = _posts([0, 1])
    # Facebook: 0 interactions over reach 1,000 → 0 %.
    fb = pf.facebook_posts([dict(day=MON + timedelta(2), views=2000, reach=1000, likes=0, comments=0, shares=0)])
    together = apply_import(plan, plan_import(plan, [pf.write(tmp_path, "i.csv", insta, LATER),
                                                     pf.write(tmp_path, "f.csv", fb, LATER)]))
    one_by_one = _import(_import(plan, tmp_path, "i.csv", insta), tmp_path, "f.csv", fb)
    rate = together.actuals["engagement_rate"][MON]
    assert one_by_one.actuals["engagement_rate"][MON] == rate
    assert rate == pytest.approx(14 / 1100 * 100)  # summed sides, not (14 % + 0 %) / 2
    assert rate != pytest.approx(7.0)


def test_a_value_typed_since_the_import_is_the_owners_and_is_not_added_to(tmp_path):
    plan = pf.plan(MON, MON + timedelta(6), [("posts_per_period", "weekly")])
    project = _import(plan, tmp_path, "a.csv", _posts([0, 2]))
    project.actuals["posts_per_period"][MON] = 5  # the owner counted the week by hand
    preview = plan_import(project, [pf.write(tmp_path, "b.zip", _youtube([1]), LATER)])
    (value,) = preview.values
    assert (value.value, value.old, value.kept) == (1, 5, ())
    # Shares whose total no longer matches are not kept either.
    assert apply_import(project, preview).imported["posts_per_period"][MON].keys() == {"YouTube"}


def test_the_shares_survive_saving_and_opening_the_plan(tmp_path):
    plan = pf.plan(MON, MON + timedelta(6), [("posts_per_period", "weekly")])
    project = _import(plan, tmp_path, "a.csv", _posts([0, 2]))
    path = tmp_path / "plan.kpiwiz"
    save_project(path, project)
    reopened = load_project(path).project
    assert reopened.imported == project.imported
    assert _import(reopened, tmp_path, "b.zip", _youtube([1])).actuals["posts_per_period"][MON] == 3


def test_removing_a_kpi_drops_its_shares(tmp_path):
    plan = pf.plan(MON, MON + timedelta(6), [("posts_per_period", "weekly"), ("impressions", "weekly")])
    project = _import(plan, tmp_path, "a.csv", _posts([0]))
    assert "posts_per_period" in project.imported
    project.remove_kpi("posts_per_period")
    assert "posts_per_period" not in project.imported


def _channel_files(seed: int):
    as_of = MON + timedelta(40)
    out = [
        read_bytes_as("views.csv", pf.meta_daily("Views", {MON + timedelta(i): (seed + i) % 17 for i in range(28)}),
                      as_of),
        read_bytes_as("posts.csv", pf.instagram_posts([dict(day=MON + timedelta(3 * i), views=100, reach=50 + seed % 7,
                                                            likes=3, shares=1, comments=i % 4, saves=1, id=f"p{i}")
                                                       for i in range(9)]), as_of),
        read_bytes_as("yt.zip", pf.youtube_zip({MON + timedelta(i): dict(views=seed % 9, subs=i % 3)
                                                for i in range(28)}, [dict(day=MON + timedelta(4), views=90)]), as_of),
        read_bytes_as("fb.csv", pf.facebook_posts([dict(day=MON + timedelta(5 + 7 * i), views=300, reach=200 + seed,
                                                        likes=i, comments=1, shares=0, link_clicks=seed % 5)
                                                   for i in range(4)]), as_of),
    ]
    return [f for group in out for f in group]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 1000), order=st.randoms(use_true_random=False))
def test_importing_channel_by_channel_in_any_order_ends_where_one_import_of_all_ends(seed, order):
    plan = pf.plan(MON, MON + timedelta(27), [
        ("posts_per_period", "weekly"), ("impressions", "weekly"), ("engagement_rate", "weekly"),
        ("link_clicks", "weekly"), ("followers", "monthly"),
    ])
    files = _channel_files(seed)
    together = apply_import(plan, build_preview(plan, files))
    by_channel: dict[str, list] = {}
    for f in files:
        by_channel.setdefault(f.channel, []).append(f)
    groups = list(by_channel.values())
    order.shuffle(groups)
    project = plan
    for group in groups:
        project = apply_import(project, build_preview(project, group))
    assert project.actuals == together.actuals
    # And importing everything once more changes nothing.
    assert build_preview(project, files).changes == []


def test_a_channel_imported_again_is_not_listed_as_kept(tmp_path):
    plan = pf.plan(MON, MON + timedelta(6), [("posts_per_period", "weekly")])
    project = _import(_import(plan, tmp_path, "a.csv", _posts([0])), tmp_path, "b.zip", _youtube([1]))
    (value,) = plan_import(project, [pf.write(tmp_path, "a2.csv", _posts([0, 3]), LATER)]).values
    assert (value.channels, value.kept) == (("Instagram", "YouTube"), ("YouTube",))


def test_a_newer_share_of_one_channel_does_not_stop_the_next_channel_being_replaced(tmp_path):
    """Channels are taken in order: Instagram's newer share stays, YouTube's older one is replaced."""
    plan = pf.plan(MON, MON + timedelta(6), [("posts_per_period", "weekly")])
    project = _import(plan, tmp_path, "new.csv", _posts([0, 3, 5]), LATER)
    project = _import(project, tmp_path, "yt_old.zip", _youtube([1]), LATER - timedelta(5))
    assert project.actuals["posts_per_period"][MON] == 4
    both = [pf.write(tmp_path, "old.csv", _posts([0]), LATER - timedelta(1)),
            pf.write(tmp_path, "yt_new.zip", _youtube([1, 2]), LATER)]
    (value,) = plan_import(project, both).values
    assert (value.value, value.kept) == (5, ("Instagram",))  # 3 Instagram posts kept + 2 new YouTube videos


def test_a_value_the_owner_cleared_leaves_no_shares_behind(tmp_path):
    plan = pf.plan(MON, MON + timedelta(6), [("posts_per_period", "weekly")])
    project = _import(plan, tmp_path, "a.csv", _posts([0, 2]))
    project.actuals = {}  # the owner deleted the week's value
    (value,) = plan_import(project, [pf.write(tmp_path, "b.zip", _youtube([1]), LATER)]).values
    assert (value.value, value.old, value.kept) == (1, None, ())


def test_shares_still_match_a_value_that_was_rounded_when_stored(tmp_path):
    """A rate is stored rounded to 6 places; its shares still add up to it, so they are kept."""
    plan = pf.plan(MON, MON + timedelta(6), [("engagement_rate", "weekly")])
    project = _import(plan, tmp_path, "i.csv", _posts([0]))  # 7 of 50 reached... see the next import
    fb = pf.facebook_posts([dict(day=MON + timedelta(2), views=2000, reach=3, likes=1, comments=0, shares=0)])
    project = _import(project, tmp_path, "f.csv", fb)
    rate = project.actuals["engagement_rate"][MON]
    assert rate == round(rate, 6) and rate == pytest.approx(8 / 53 * 100)
    again = plan_import(project, [pf.write(tmp_path, "i.csv", _posts([0]), LATER)])
    (value,) = again.values
    assert value.kept == ("Facebook",) and value.state == SAME
