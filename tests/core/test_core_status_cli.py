"""`kpiwizard check --on DATE`: a review judged as of a date, through the real command."""

import json
from datetime import date

import pytest

from kpiwizard.cli import main
from kpiwizard.core.examples import find_example
from kpiwizard.core.resources import resource_path


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def example_path(name):
    return str(resource_path("examples", find_example(name).file))


def statuses(capsys, name, on=None):
    args = ["check", example_path(name), "--json", "--lang", "en"] + (["--on", on] if on else [])
    code, out, _ = run(capsys, *args)
    data = json.loads(out)
    return code, data, {k["id"]: k["status"] for k in data["kpis"]}


@pytest.mark.parametrize("name", ["cafe", "pizzeria"])
def test_the_sound_examples_still_pass_on_any_review_date(capsys, name):
    for on in (None, "2026-01-11", "2026-03-20", "2027-01-01"):
        code, data, _ = statuses(capsys, name, on)
        assert code == 0 and data["passed"], (name, on)


def test_the_pizzeria_that_ended_months_ago_is_missed_not_on_track(capsys):
    _, data, by_id = statuses(capsys, "pizzeria", "2026-12-01")
    assert data["on"] == "2026-12-01"
    assert by_id["followers_local"] == "missed"
    assert all(s in ("missed", "reached") for s in by_id.values())


def test_the_pizzeria_in_its_first_week_is_too_early(capsys):
    _, _, by_id = statuses(capsys, "pizzeria", "2026-03-07")
    assert set(by_id.values()) == {"too_early"}


def test_the_pizzeria_mid_plan_is_judged_on_pace(capsys):
    _, data, by_id = statuses(capsys, "pizzeria", "2026-03-20")
    assert by_id["followers_local"] == "on_track"
    followers = next(k for k in data["kpis"] if k["id"] == "followers_local")
    assert followers["readings"] == 3 and followers["forecast_readings"] == 3
    assert "3 readings" in followers["forecast_text"]


def test_the_text_report_names_the_review_date_and_the_reason(capsys):
    code, out, _ = run(capsys, "check", example_path("pizzeria"), "--on", "2026-03-07", "--lang", "ko")
    assert code == 0
    assert "2026년 3월 7일 기준" in out
    assert "아직 판단하기 이름" in out and "기록 1번" in out


def test_default_review_date_is_today(capsys):
    _, data, _ = statuses(capsys, "pizzeria")
    assert data["on"] == date.today().isoformat()


@pytest.mark.parametrize("bad", ["2026-13-01", "yesterday", "01/03/2026"])
def test_a_bad_review_date_is_a_usage_error_in_both_languages(capsys, bad):
    with pytest.raises(SystemExit) as e:
        main(["check", example_path("pizzeria"), "--on", bad])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "YYYY-MM-DD" in err and "날짜" in err and "Traceback" not in err
