"""The kpiwizard command's contract: outputs and exit codes scripts rely on."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from icalendar import Calendar

from kpiwizard import __version__
from kpiwizard.cli import main
from kpiwizard.core.examples import examples


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert capsys.readouterr().out.strip() == f"kpiwizard {__version__}"


def test_examples_lists_name_then_description(capsys):
    code, out, _ = run(capsys, "examples", "--lang", "en")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) >= 3
    names = [line.split("\t")[0] for line in lines]
    assert {"cafe", "pizzeria", "b2b-ebook"} <= set(names)
    assert all(len(line.split("\t")) == 2 and line.split("\t")[1] for line in lines)


def test_every_example_writes_and_validates(capsys, tmp_path):
    for e in examples():
        path = tmp_path / f"{e.name}.kpiwiz"
        assert run(capsys, "example", e.name, str(path))[0] == 0
        assert run(capsys, "validate", str(path))[0] == 0


def test_unknown_example_is_bad_input(capsys, tmp_path):
    code, _, err = run(capsys, "example", "nope", str(tmp_path / "x.kpiwiz"), "--lang", "ko")
    assert code == 2 and "nope" in err and "예제" in err


def test_validate_refuses_with_exit_2_and_a_message(capsys, tmp_path):
    bad = tmp_path / "bad.kpiwiz"
    bad.write_text("{", encoding="utf-8")
    code, out, err = run(capsys, "validate", str(bad), "--lang", "ko")
    assert code == 2 and out == ""
    assert "JSON" in err and "Traceback" not in err


def test_check_passes_the_pizzeria_and_fails_the_counter_example_on_r(capsys, tmp_path):
    good, bad = tmp_path / "p.kpiwiz", tmp_path / "u.kpiwiz"
    run(capsys, "example", "pizzeria", str(good))
    run(capsys, "example", "pizzeria-unrealistic", str(bad))
    code, out, _ = run(capsys, "check", str(good), "--lang", "en")
    assert code == 0 and "PASSED" in out
    code, out, _ = run(capsys, "check", str(bad), "--lang", "en")
    assert code == 2 and "FAILED" in out and "(R)" in out and "short by" in out
    code, out, _ = run(capsys, "check", str(bad), "--json")
    data = json.loads(out)
    assert code == 2 and data["passed"] is False and data["letters"]["R"] == "error"
    assert any(f["id"] == "R-audience-capacity" for f in data["findings"])


def test_check_in_korean(capsys, tmp_path):
    path = tmp_path / "cafe.kpiwiz"
    run(capsys, "example", "cafe", str(path))
    code, out, _ = run(capsys, "check", str(path), "--lang", "ko")
    assert code == 0 and "SMART 점검" in out and "통과" in out


def test_schema_is_valid_json_schema_and_every_example_conforms(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for e in examples():
        data = json.loads(e.load().model_dump_json())
        assert not list(validator.iter_errors(data)), e.name


def test_export_ics_is_a_calendar_in_the_users_language(capsys, tmp_path):
    project, ics = tmp_path / "cafe.kpiwiz", tmp_path / "cafe.ics"
    run(capsys, "example", "cafe", str(project))
    assert run(capsys, "export", str(project), "--ics", str(ics))[0] == 0
    cal = Calendar.from_ical(ics.read_bytes())
    events = list(cal.walk("VEVENT"))
    # 12 weekly check-ins, 3 monthly ones on other days, and the final review on the plan's last day.
    days = sorted(str(e.decoded("dtstart")) for e in events)
    assert len(days) == len(set(days)) and days[-1] == "2026-03-29"
    assert any("최종 KPI 검토" in str(e.get("summary")) for e in events)
    assert all("KPI" in str(e.get("summary")) for e in events)
    english = tmp_path / "cafe-en.ics"
    run(capsys, "export", str(project), "--ics", str(english), "--lang", "en")
    summaries = [str(e.get("summary")) for e in Calendar.from_ical(english.read_bytes()).walk("VEVENT")]
    assert any(s.endswith("final KPI review") for s in summaries)


def test_export_needs_a_target(capsys, tmp_path):
    project = tmp_path / "cafe.kpiwiz"
    run(capsys, "example", "cafe", str(project))
    assert run(capsys, "export", str(project))[0] == 2


def test_export_into_a_missing_folder_is_bad_input_not_a_crash(capsys, tmp_path):
    project = tmp_path / "cafe.kpiwiz"
    run(capsys, "example", "cafe", str(project))
    code, _, err = run(capsys, "export", str(project), "--ics", str(tmp_path / "no" / "x.ics"), "--lang", "en")
    assert code == 2 and "does not exist" in err


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as e:
        main(["frobnicate"])
    assert e.value.code == 2


def test_no_traceback_reaches_the_terminal(tmp_path):
    bad = tmp_path / "bad.kpiwiz"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    result = subprocess.run([sys.executable, "-m", "kpiwizard", "validate", str(bad)],
                            capture_output=True, text=True, cwd=Path(tmp_path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.startswith("kpiwizard: ")


def test_unexpected_errors_exit_1_with_traceback_only_in_debug(capsys, monkeypatch, tmp_path):
    import kpiwizard.core.projectfile as pf

    def boom(_path):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(pf, "load_project", boom)
    code, _, err = run(capsys, "validate", str(tmp_path / "x"), "--lang", "en")
    assert code == 1 and "simulated bug" in err and "Traceback" not in err
    code, _, err = run(capsys, "--debug", "validate", str(tmp_path / "x"))
    assert code == 1 and "Traceback" in err


def test_line_breaks_in_names_do_not_break_the_calendar(tmp_path):
    from kpiwizard.core.examples import find_example
    from kpiwizard.export.calendar import export_calendar

    project = find_example("cafe").load()
    project.title = "두 줄\n제목"
    project.kpis[0].custom.name = "쿠폰\r\n손님"
    export_calendar(project, tmp_path / "c.ics")
    events = list(Calendar.from_ical((tmp_path / "c.ics").read_bytes()).walk("VEVENT"))
    # Short titles, the KPIs listed in the description (one per line, line breaks inside a name gone).
    assert str(events[0].get("summary")) == "두 줄 제목: KPI 5개 점검"
    assert "\n- 쿠폰 손님\n" in str(events[0].get("description"))


@pytest.mark.parametrize("command", ["examples", "schema"])
def test_a_reader_that_leaves_is_not_an_error(command):
    """`kpiwizard examples | head -1`: the reader closes the pipe; we exit 0 and say nothing."""
    proc = subprocess.Popen([sys.executable, "-m", "kpiwizard.cli", command, "--lang", "en"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the only reading end: every write of the program now meets a broken pipe
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0
    assert err == b""
