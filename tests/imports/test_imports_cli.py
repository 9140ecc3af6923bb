"""``kpiwizard import`` end to end, and the café owner's afternoon from issue 14's "done when"."""

from __future__ import annotations

import contextlib
import errno
import io
import json
from datetime import date, timedelta
from pathlib import Path

import platform_fixtures as pf
import pytest

from kpiwizard.cli import main
from kpiwizard.core.examples import find_example
from kpiwizard.core.progress import evaluate_kpi
from kpiwizard.core.projectfile import load_project, save_project

START = date(2026, 1, 5)  # the café plan's start (a Monday)
DOWNLOADED = date(2026, 2, 3)


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as e:
            code = e.code
    return code, out.getvalue(), err.getvalue()


def cafe_posts() -> list[dict]:
    # Four weeks: 3, 4, 2 and 4 posts; each with reach 500 and 25 interactions (5 %).
    per_week = (3, 4, 2, 4)
    posts = []
    for w, n in enumerate(per_week):
        for k in range(n):
            posts.append(dict(day=START + timedelta(7 * w + k), views=900, reach=500, likes=15, shares=2,
                              comments=5, saves=3))
    return posts


@pytest.fixture
def cafe_files(tmp_path) -> tuple[Path, list[Path]]:
    project = tmp_path / "cafe.kpiwiz"
    save_project(project, find_example("cafe").load())
    files = [
        pf.write(tmp_path, "Instagram_posts.csv", pf.instagram_posts(cafe_posts()), DOWNLOADED),
        pf.write(tmp_path, "조회.csv", pf.meta_daily("조회", {START + timedelta(i): 40 + i for i in range(28)}), DOWNLOADED),
        pf.write(tmp_path, "팔로우.csv", pf.meta_daily("Instagram 팔로우", {START + timedelta(i): i % 3 for i in range(28)}),
                 DOWNLOADED),
        pf.write(tmp_path, "유튜브.zip", pf.youtube_zip({START + timedelta(i): dict(views=30, subs=1) for i in range(28)},
                                                      [dict(day=START + timedelta(2), views=120)]), DOWNLOADED),
    ]
    return project, files


def test_the_cafe_owner_imports_posts_two_korean_daily_files_and_a_youtube_zip(cafe_files):
    project_path, files = cafe_files
    before = load_project(project_path).project
    code, out, err = run("--lang", "ko", "import", project_path, *files)
    assert code == 0, err
    # The preview names every file as what it is and what each column feeds.
    assert "Instagram_posts.csv: Meta 비즈니스 스위트 게시물 내보내기 (Instagram, 13행" in out
    assert "조회.csv: Meta 비즈니스 스위트 일별 인사이트 (조회)" in out
    assert "팔로우.csv: Meta 비즈니스 스위트 일별 인사이트 (Instagram 팔로우) (Instagram, " in out
    assert "유튜브.zip/Chart data.csv: YouTube 스튜디오 일별 데이터" in out
    assert "Post ID → 게시물 수" in out and "Reach → 참여율" in out
    assert "새 팔로우 수" in out  # why the follows file feeds no follower count
    saved = load_project(project_path).project
    posts = saved.actuals["posts_per_period"]
    # Three posts in week 1 from Instagram plus the YouTube video on 7 Jan.
    assert [posts[START + timedelta(7 * w)] for w in range(4)] == [4, 4, 2, 4]
    rates = saved.actuals["engagement_rate"]
    assert [rates[START + timedelta(7 * w)] for w in range(4)] == [5.0, 5.0, 5.0, 5.0]
    # Statuses and forecasts follow the imported numbers.
    on = START + timedelta(27)
    after = evaluate_kpi(saved, saved.kpi("engagement_rate"), on)
    assert (after.latest, after.readings) == (5.0, 4)
    assert evaluate_kpi(before, before.kpi("engagement_rate"), on).latest != 5.0
    # Each value keeps its channels' shares, so a later import of one channel adds to the others.
    shares = saved.imported["posts_per_period"][START]
    assert {c: s.value for c, s in shares.items()} == {"Instagram": 3, "YouTube": 1}
    rate = saved.imported["engagement_rate"][START]["Instagram"]
    assert rate.denominator is not None and rate.value / rate.denominator * 100 == 5.0
    # Everything else in the plan is as it was.
    assert saved.model_dump(exclude={"actuals", "imported"}) == before.model_dump(exclude={"actuals", "imported"})


def test_importing_the_same_files_again_changes_nothing_and_writes_nothing(cafe_files):
    project_path, files = cafe_files
    assert run("import", project_path, *files)[0] == 0
    stamp, data = project_path.stat().st_mtime_ns, project_path.read_bytes()
    code, out, _ = run("--lang", "en", "import", project_path, *files)
    assert code == 0 and "0 new, 0 changed" in out and "Nothing changed; nothing was written." in out
    assert (project_path.stat().st_mtime_ns, project_path.read_bytes()) == (stamp, data)


def test_dry_run_shows_the_preview_and_leaves_the_file(cafe_files):
    project_path, files = cafe_files
    stamp, data = project_path.stat().st_mtime_ns, project_path.read_bytes()
    code, out, _ = run("--lang", "en", "import", project_path, *files, "--dry-run")
    assert code == 0 and "changed" in out and "Dry run: the project file was not changed." in out
    assert (project_path.stat().st_mtime_ns, project_path.read_bytes()) == (stamp, data)


def test_one_unreadable_file_stops_the_whole_import(cafe_files, tmp_path):
    project_path, files = cafe_files
    bad = tmp_path / "broken.csv"
    bad.write_bytes(pf.instagram_posts(cafe_posts()).replace(b",Lifetime,900,", b",Lifetime,=cmd|' /C calc'!A0,", 1))
    data = project_path.read_bytes()
    code, out, err = run("--lang", "en", "import", project_path, files[0], bad)
    assert code == 2 and out == ""
    assert "broken.csv" in err and "row 2" in err and "column 'Views'" in err
    assert project_path.read_bytes() == data


def test_a_failed_save_leaves_the_project_and_says_why(cafe_files, monkeypatch):
    project_path, files = cafe_files
    data = project_path.read_bytes()

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("kpiwizard.core.projectfile.atomic_write_text", full)
    code, _, err = run("--lang", "en", "import", project_path, *files)
    assert code == 2 and "disk is full" in err
    assert project_path.read_bytes() == data


def test_a_manual_mapping_is_remembered_for_the_next_import(tmp_path):
    project = pf.plan(START, START + timedelta(13), [("impressions", "weekly")])
    project.kpis[0].id = "plays"  # a plan KPI whose catalog feed does not know "Reels plays"
    path = tmp_path / "p.kpiwiz"
    save_project(path, project)
    series = {START + timedelta(i): 3 for i in range(14)}
    first = pf.write(tmp_path, "reels.csv", pf.meta_daily("Reels plays", series), DOWNLOADED)
    settings = tmp_path / "config" / "import-mappings.json"
    code, out, _ = run("--lang", "en", "import", path, first, "--map", "meta_daily:Reels plays=plays", "--dry-run")
    assert code == 0 and "Reels plays → Impressions" in out and not settings.exists()  # a dry run writes nothing
    code, out, _ = run("--lang", "en", "import", path, first, "--map", "meta_daily:Reels plays=plays")
    assert code == 0 and "Saved" in out
    assert json.loads(settings.read_text(encoding="utf-8")) == {"mappings": {"meta_daily:reelsplays": "plays"}}
    series[START + timedelta(13)] = 10
    second = pf.write(tmp_path, "reels2.csv", pf.meta_daily("Reels plays", series), DOWNLOADED + timedelta(1))
    code, out, _ = run("--lang", "en", "import", path, second)  # no --map: remembered
    assert code == 0 and "Saved" in out
    assert load_project(path).project.actuals["plays"] == {START: 21, START + timedelta(7): 28}


@pytest.mark.parametrize("arg, words", [("views=impressions", "column key=KPI id"), ("meta_daily:views=nope", "not a KPI")])
def test_a_bad_mapping_is_refused_before_anything(tmp_path, arg, words):
    path = tmp_path / "p.kpiwiz"
    save_project(path, pf.plan(START, START + timedelta(13), [("impressions", "weekly")]))
    f = pf.write(tmp_path, "v.csv", pf.meta_daily("Views", {START: 1}), DOWNLOADED)
    code, _, err = run("--lang", "en", "import", path, f, "--map", arg)
    assert code == 2 and words in err


def test_campaign_links_command_prints_one_link_per_action(tmp_path):
    path = tmp_path / "p.kpiwiz"
    save_project(path, pf.plan(START, START + timedelta(13), [("direct_traffic", "weekly")],
                               actions=[dict(tactic="Reels of the scones", channel="Instagram", kpi="direct_traffic")]))
    code, out, _ = run("campaign-links", path, "https://cafe.example/menu?lang=ko")
    assert code == 0
    assert "https://cafe.example/menu?lang=ko&utm_source=instagram&utm_medium=social&utm_campaign=kw01-reels-of-the" in out
    code, _, err = run("--lang", "en", "campaign-links", path, "cafe.example")
    assert code == 2 and "not a web address" in err
