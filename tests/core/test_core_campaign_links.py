"""Campaign links (UTM) open the plan's own web address unless told another one; a plan without one
says what to fill in, and plans saved before the field existed still open."""

from __future__ import annotations

import json

import pytest

from kpiwizard.cli import main
from kpiwizard.core.errors import ProjectFileError, UserError
from kpiwizard.core.examples import find_example
from kpiwizard.core.projectfile import dumps_project, load_project, parse, save_project
from kpiwizard.core.resources import resource_path
from kpiwizard.core.utm import action_link, base_url_of, campaign_link, campaign_links

SITE = "https://cafe.example/menu?lang=ko"


def cafe():
    data = json.loads(resource_path("examples", find_example("cafe").file).read_text(encoding="utf-8"))
    return parse(data).project


def test_links_default_to_the_plans_web_address():
    project = cafe()
    assert project.actions, "the café example needs actions for this test"
    project.business.website = SITE
    links = campaign_links(project)
    assert [url for _i, _a, url in links] == [campaign_link(SITE, i, a) for i, a in enumerate(project.actions)]
    assert links[0][2].startswith("https://cafe.example/menu?lang=ko&utm_source=")
    assert action_link(project, 1) == campaign_link(SITE, 1, project.actions[1])


def test_a_given_base_url_wins_over_the_plans():
    project = cafe()
    project.business.website = SITE
    other = "https://smartplace.naver.com/cafe"
    assert campaign_links(project, other)[0][2] == campaign_link(other, 0, project.actions[0])
    assert action_link(project, 0, other).startswith(other + "?utm_source=")


@pytest.mark.parametrize("website", ["", "   "])
def test_no_web_address_says_what_to_fill_in(website):
    project = cafe()
    project.business.website = website
    for call in (lambda: campaign_links(project), lambda: action_link(project, 0), lambda: base_url_of(project)):
        with pytest.raises(UserError) as e:
            call()
        assert "우리 가게 웹 주소" in e.value.message("ko") and "https://" in e.value.message("ko")
        assert "Your web address" in e.value.message("en")


def test_a_web_address_that_is_not_one_is_refused_by_name():
    project = cafe()
    project.business.website = "cafe.example"
    with pytest.raises(UserError) as e:
        action_link(project, 0)
    assert "'cafe.example'" in e.value.message("en") and "not a web address" in e.value.message("en")


def test_old_files_without_the_field_open_with_no_web_address():
    data = json.loads(resource_path("examples", find_example("cafe").file).read_text(encoding="utf-8"))
    data["business"].pop("website", None)
    assert parse(data).project.business.website == ""


def test_the_web_address_survives_a_save_and_its_limit_is_kept(tmp_path):
    project = cafe()
    project.business.website = SITE
    path = tmp_path / "cafe.kpiwiz"
    save_project(path, project)
    assert load_project(path).project.business.website == SITE
    data = json.loads(dumps_project(project))
    data["business"]["website"] = "https://x.example/" + "a" * 300
    with pytest.raises(ProjectFileError):
        parse(data)


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_uses_the_plans_web_address_when_no_url_is_given(tmp_path, capsys):
    project = cafe()
    path = tmp_path / "cafe.kpiwiz"
    save_project(path, project)
    code, _out, err = run(capsys, "--lang", "en", "campaign-links", path)
    assert code == 2 and "Your web address" in err
    project.business.website = SITE
    save_project(path, project)
    code, out, _err = run(capsys, "campaign-links", path)
    assert code == 0 and campaign_link(SITE, 0, project.actions[0]) in out
