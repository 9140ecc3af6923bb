"""The review an owner reads from `kpiwizard check` (and its JSON), word for word in both languages.

Realistic plans: the pizzeria mid-plan (a warning under R, remedies for the KPI off track), the
unrealistic pizzeria before any reading (an error, no forecast line for a KPI without data), and
the salon whose missed cycle was closed and restarted (errors under three letters, a past cycle).
"""

from datetime import date

import pytest

from kpiwizard.core import progress
from kpiwizard.core.audit import AuditResult, Finding, audit
from kpiwizard.core.enums import Lang, Severity, SmartLetter
from kpiwizard.core.examples import find_example
from kpiwizard.core.projectfile import load_project
from kpiwizard.core.remedies import RemedyKind, apply_remedy, suggest
from kpiwizard.core.report import _verdict, check_report, check_report_json
from kpiwizard.core.resources import resource_path
from kpiwizard.core.text import t

from test_core_remedies import _salon
from weekly_plans import engagement, plan

MID_PLAN = date(2026, 3, 20)
FIRST_WEEK = date(2026, 3, 7)
AFTER_DEADLINE = date(2026, 3, 10)


def example(name):
    return load_project(resource_path("examples", find_example(name).file)).project


def renewed():
    """The salon after the owner started a new cycle from its missed one."""
    project = _salon()
    reset = next(r for r in suggest(project, "k", on=AFTER_DEADLINE) if r.kind is RemedyKind.RESET and r.new_cycle)
    return apply_remedy(project, reset)


# The audit's and the remedies' own sentences are pinned by their own tests; here they are read
# from those modules, and everything the review adds around them is pinned word for word.
SEVERITY = {Lang.KO: {Severity.ERROR: "오류", Severity.WARNING: "경고", Severity.INFO: "참고"},
            Lang.EN: {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}}


def findings(project, letter, lang, ids):
    """A letter's findings as the review lists them: '[severity] id: message', then '→ fix'."""
    found = audit(project).by_letter(SmartLetter(letter))
    assert [f.id for f in found] == ids
    lines = []
    for f in found:
        lines.append(f"      [{SEVERITY[lang][f.severity]}] {f.id}: {f.message.get(lang)}")
        lines.append(f"          → {f.fix.get(lang)}")
    return lines


def remedies(project, kpi_id, lang, on, kinds):
    found = suggest(project, kpi_id, lang, on)
    assert [r.kind.value for r in found] == kinds
    return [f"      → {r.message.get(lang)}" for r in found]


EMPTY_MAP = ["M-map-empty-perspective", "M-map-empty-perspective"]


def pizzeria_mid_plan(lang):
    p = example("pizzeria")
    if lang is Lang.KO:
        return [
            "2026년 3월 31일까지 a content plan of five posts a week, posts targeted within 3 miles and a $100 ad "
            "budget를 활용해 Facebook followers in our city를 400 followers에서 480 followers로 늘립니다(20% 증가).",
            "",
            "SMART 점검",
            "  ✔ S — 구체적",
            "  ✔ M — 측정 가능",
            *findings(p, "M", lang, EMPTY_MAP),
            "  ✔ A — 달성 가능",
            "  ! R — 현실적",
            *findings(p, "R", lang, ["R-history-pace"]),
            "  ✔ T — 기한",
            "",
            "KPI 현황 (2026년 3월 20일 기준)",
            "  지역 팔로워 수: 순항 | 진척 69% | 속도 1.01 | 예측 481",
            "      기록 3번, 최근 455명, 진척 69%. 계획선이 지금까지 기대하는 68%에 견준 속도는 1.01입니다 "
            "(1이면 계획대로, 순항 0.9 이상, 뒤처짐 0.7 이상).",
            "      마감일 예측 약 481명, 기록 3번 기준.",
            "  도달: 순항 | 진척 65% | 속도 0.96 | 예측 2,787",
            "      기록 3번, 최근 2,520명, 진척 65%. 계획선이 지금까지 기대하는 68%에 견준 속도는 0.96입니다 "
            "(1이면 계획대로, 순항 0.9 이상, 뒤처짐 0.7 이상).",
            "      마감일 예측 약 2,787명, 기록 3번 기준.",
            "  참여율: 이대로면 미달 | 진척 17% | 속도 0.25 | 예측 3.2",
            "      기록 3번, 최근 3.1%, 진척 17%. 계획선이 지금까지 기대하는 68%에 견준 속도는 0.25입니다 "
            "(1이면 계획대로, 순항 0.9 이상, 뒤처짐 0.7 이상).",
            "      마감일 예측 약 3.2%, 기록 3번 기준.",
            *remedies(p, "engagement_rate", lang, MID_PLAN, ["reset", "alternative", "strategy"]),
            "  진지한 문의·반응 (유효 상호작용): 순항 | 진척 80% | 속도 1.18 | 예측 21",
            "      기록 3번, 최근 19 orders, 진척 80%. 계획선이 지금까지 기대하는 68%에 견준 속도는 1.18입니다 "
            "(1이면 계획대로, 순항 0.9 이상, 뒤처짐 0.7 이상).",
            "      마감일 예측 약 21 orders, 기록 3번 기준.",
            "종합 점수: 62%",
            "",
            "통과: 오류 없음, 경고 1개.",
        ]
    return [
        "Increase Facebook followers in our city from 400 followers to 480 followers (+20%) by 31 March 2026, "
        "using a content plan of five posts a week, posts targeted within 3 miles and a $100 ad budget.",
        "",
        "SMART audit",
        "  ✔ S — Specific",
        "  ✔ M — Measurable",
        *findings(p, "M", lang, EMPTY_MAP),
        "  ✔ A — Achievable",
        "  ! R — Realistic",
        *findings(p, "R", lang, ["R-history-pace"]),
        "  ✔ T — Time-bound",
        "",
        "KPI review (as of 20 March 2026)",
        "  Local followers: on track | progress 69% | pace 1.01 | forecast 481",
        "      3 readings, latest 455 followers, progress 69%. Against the 68% the plan line expects by now the "
        "pace is 1.01 (1 = as planned; on track from 0.9, behind from 0.7).",
        "      Forecast at the deadline about 481 followers, from 3 readings.",
        "  Reach: on track | progress 65% | pace 0.96 | forecast 2,787",
        "      3 readings, latest 2,520 people, progress 65%. Against the 68% the plan line expects by now the "
        "pace is 0.96 (1 = as planned; on track from 0.9, behind from 0.7).",
        "      Forecast at the deadline about 2,787 people, from 3 readings.",
        "  Engagement rate: off track | progress 17% | pace 0.25 | forecast 3.2",
        "      3 readings, latest 3.1%, progress 17%. Against the 68% the plan line expects by now the pace is 0.25 "
        "(1 = as planned; on track from 0.9, behind from 0.7).",
        "      Forecast at the deadline about 3.2%, from 3 readings.",
        *remedies(p, "engagement_rate", lang, MID_PLAN, ["reset", "alternative", "strategy"]),
        "  Qualified interactions: on track | progress 80% | pace 1.18 | forecast 21",
        "      3 readings, latest 19 orders, progress 80%. Against the 68% the plan line expects by now the pace "
        "is 1.18 (1 = as planned; on track from 0.9, behind from 0.7).",
        "      Forecast at the deadline about 21 orders, from 3 readings.",
        "Overall score: 62%",
        "",
        "PASSED: no errors, 1 warning.",
    ]


def unrealistic_first_week(lang):
    """No reading yet: each KPI says so, and no forecast line follows (there is nothing to forecast)."""
    p = example("pizzeria-unrealistic")
    r_ids = ["R-audience-capacity", "R-funnel-reach", "R-margin-assumed"]
    if lang is Lang.KO:
        no_data = ["기록 없음 | 진척 – | 속도 – | 예측 –", "      아직 이번 주기의 기록이 없습니다."]
        return [
            "2026년 3월 31일까지 posting when we have time을 활용해 Facebook followers in our city를 "
            "400 followers에서 10,400 followers로 늘립니다(2,500% 증가).",
            "",
            "SMART 점검",
            "  ✔ S — 구체적",
            "  ✔ M — 측정 가능",
            *findings(p, "M", lang, EMPTY_MAP),
            "  ✔ A — 달성 가능",
            "  ✘ R — 현실적",
            *findings(p, "R", lang, r_ids),
            "  ✔ T — 기한",
            "",
            "KPI 현황 (2026년 3월 7일 기준)",
            "  지역 팔로워 수: " + no_data[0], no_data[1],
            "  도달: " + no_data[0], no_data[1],
            "  참여율: " + no_data[0], no_data[1],
            "  진지한 문의·반응 (유효 상호작용): " + no_data[0], no_data[1],
            "종합 점수: –",
            "",
            "실패: 오류 1개 (R).",
        ]
    no_data = ["no data | progress – | pace – | forecast –", "      No reading recorded in this cycle yet."]
    return [
        "Increase Facebook followers in our city from 400 followers to 10,400 followers (+2,500%) by "
        "31 March 2026, using posting when we have time.",
        "",
        "SMART audit",
        "  ✔ S — Specific",
        "  ✔ M — Measurable",
        *findings(p, "M", lang, EMPTY_MAP),
        "  ✔ A — Achievable",
        "  ✘ R — Realistic",
        *findings(p, "R", lang, r_ids),
        "  ✔ T — Time-bound",
        "",
        "KPI review (as of 7 March 2026)",
        "  Local followers: " + no_data[0], no_data[1],
        "  Reach: " + no_data[0], no_data[1],
        "  Engagement rate: " + no_data[0], no_data[1],
        "  Qualified interactions: " + no_data[0], no_data[1],
        "Overall score: –",
        "",
        "FAILED: 1 error (R).",
    ]


def salon_renewed(lang):
    """Errors under S, M and T (named in SMART order), warnings only under A and R; a past cycle."""
    p = renewed()
    s = ["S-what-missing", "S-audience-missing", "S-benefit-missing", "S-why-missing"]
    m = ["M-goal-unmeasured", "M-goal-baseline-missing", "M-goal-target-missing", "M-goal-relevance",
         "M-no-outcome", *EMPTY_MAP, "M-map-empty-perspective"]
    a = ["A-no-owner", "A-weights-sum", "A-no-actions", "A-no-capacity"]
    if lang is Lang.KO:
        return [
            "목표 지표를 늘립니다.",
            "",
            "SMART 점검",
            "  ✘ S — 구체적", *findings(p, "S", lang, s),
            "  ✘ M — 측정 가능", *findings(p, "M", lang, m),
            "  ! A — 달성 가능", *findings(p, "A", lang, a),
            "  ! R — 현실적", *findings(p, "R", lang, ["R-resources-missing"]),
            "  ✘ T — 기한", *findings(p, "T", lang, ["T-goal-deadline-missing"]),
            "",
            "KPI 현황 (2026년 3월 10일 기준)",
            "  응답 시간: 기록 없음 | 진척 – | 속도 – | 예측 –",
            "      아직 이번 주기의 기록이 없습니다.",
            "      지난 주기 2026년 1월 5일–2026년 3월 1일: 미달 (마지막 31분, 목표 30분, 기준선 120분)",
            "종합 점수: –",
            "",
            "실패: 오류 6개 (S, M, T).",
        ]
    return [
        "Increase the goal metric.",
        "",
        "SMART audit",
        "  ✘ S — Specific", *findings(p, "S", lang, s),
        "  ✘ M — Measurable", *findings(p, "M", lang, m),
        "  ! A — Achievable", *findings(p, "A", lang, a),
        "  ! R — Realistic", *findings(p, "R", lang, ["R-resources-missing"]),
        "  ✘ T — Time-bound", *findings(p, "T", lang, ["T-goal-deadline-missing"]),
        "",
        "KPI review (as of 10 March 2026)",
        "  Response time: no data | progress – | pace – | forecast –",
        "      No reading recorded in this cycle yet.",
        "      Past cycle 5 January 2026 – 1 March 2026: missed (last 31 minutes, target 30 minutes, "
        "baseline 120 minutes)",
        "Overall score: –",
        "",
        "FAILED: 6 errors (S, M, T).",
    ]


@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_the_pizzeria_mid_plan_reads_word_for_word(lang):
    text, passed = check_report(example("pizzeria"), lang, MID_PLAN)
    assert text.split("\n") == pizzeria_mid_plan(lang)
    assert passed is True


@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_the_unrealistic_pizzeria_before_any_reading_fails_on_r(lang):
    text, passed = check_report(example("pizzeria-unrealistic"), lang, FIRST_WEEK)
    assert text.split("\n") == unrealistic_first_week(lang)
    assert passed is False


@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_the_restarted_salon_lists_its_past_cycle_and_every_failing_letter(lang):
    text, passed = check_report(renewed(), lang, AFTER_DEADLINE)
    assert text.split("\n") == salon_renewed(lang)
    assert passed is False


def test_the_missed_salon_gives_its_reason_forecast_and_remedies_in_order():
    p = _salon()
    text, _ = check_report(p, Lang.EN, AFTER_DEADLINE)
    block = text.split("\n")[-9:]
    assert block == [
        "  Response time: missed | progress 99% | pace 0.99 | forecast –",
        "      The deadline (1 March 2026) has passed without reaching 30 minutes: 8 readings, latest 31 minutes, "
        "progress 99%.",
        "      Past the deadline: no forecast.",
        *remedies(p, "k", Lang.EN, AFTER_DEADLINE, ["reset", "alternative", "strategy"]),
        "Overall score: 99%",
        "",
        "FAILED: 6 errors (S, M, T).",
    ]


def test_without_a_date_the_review_is_as_of_today(monkeypatch):
    monkeypatch.setattr(progress, "today", lambda: MID_PLAN)
    p = example("pizzeria")
    for lang in Lang:
        assert check_report(p, lang) == check_report(p, lang, MID_PLAN)
        assert check_report_json(p, lang) == check_report_json(p, lang, MID_PLAN)
    assert check_report_json(p, Lang.EN)["on"] == "2026-03-20"
    assert "KPI review (as of 20 March 2026)" in check_report(p, Lang.EN)[0]


def _finding(letter, severity, n=1):
    return [Finding(f"{letter}-x{i}", SmartLetter(letter), severity, t("가", "a"), t("나", "b")) for i in range(n)]


@pytest.mark.parametrize("found, ko, en", [
    ([], "통과: 오류 없음, 경고 0개.", "PASSED: no errors, 0 warnings."),
    (_finding("A", Severity.WARNING) + _finding("M", Severity.INFO, 3),
     "통과: 오류 없음, 경고 1개.", "PASSED: no errors, 1 warning."),
    (_finding("R", Severity.WARNING, 2) + _finding("S", Severity.INFO),
     "통과: 오류 없음, 경고 2개.", "PASSED: no errors, 2 warnings."),
    (_finding("T", Severity.ERROR) + _finding("A", Severity.WARNING, 2),
     "실패: 오류 1개 (T).", "FAILED: 1 error (T)."),
    # Letters in SMART order, each once, however the findings came.
    (_finding("T", Severity.ERROR, 2) + _finding("R", Severity.ERROR) + _finding("S", Severity.ERROR)
     + _finding("M", Severity.WARNING),
     "실패: 오류 4개 (S, R, T).", "FAILED: 4 errors (S, R, T)."),
])
def test_the_last_line_counts_errors_and_warnings(found, ko, en):
    result = AuditResult(tuple(found))
    assert (_verdict(result, Lang.KO), _verdict(result, Lang.EN)) == (ko, en)


def test_the_json_review_of_the_unrealistic_pizzeria():
    p = example("pizzeria-unrealistic")
    data = check_report_json(p, Lang.EN, FIRST_WEEK)
    own = [{"id": f.id, "message": f.message.en, "fix": f.fix.en} for f in audit(p).findings]
    assert [{k: f[k] for k in ("id", "message", "fix")} for f in data["findings"]] == own
    default = "default, KPI Wizard's assumption"
    assert [{k: v for k, v in f.items() if k not in ("message", "fix")} for f in data["findings"]] == [
        {"id": "M-map-empty-perspective", "letter": "M", "severity": "info", "field": "kpis", "kpi": None,
         "assumptions": []},
        {"id": "M-map-empty-perspective", "letter": "M", "severity": "info", "field": "kpis", "kpi": None,
         "assumptions": []},
        {"id": "R-audience-capacity", "letter": "R", "severity": "error", "field": "kpis[0].target",
         "kpi": "followers_local", "assumptions": [
             {"key": "assumptions.organic_growth_per_post", "value": 0.02,
              "label": "monthly follower growth per weekly post", "source": default, "default": True},
             {"key": "assumptions.min_followers_per_weekly_post", "value": 4,
              "label": "minimum monthly gain per weekly post", "source": default, "default": True},
             {"key": "assumptions.max_organic_monthly_growth", "value": 0.5,
              "label": "organic growth ceiling a month", "source": default, "default": True},
             {"key": "assumptions.cost_per_follower", "value": 1.2, "label": "ad cost per follower",
              "source": default, "default": True}]},
        {"id": "R-funnel-reach", "letter": "R", "severity": "warning", "field": "roi.funnel.revenue_target",
         "kpi": None, "assumptions": []},
        {"id": "R-margin-assumed", "letter": "R", "severity": "info", "field": "roi.gross_margin", "kpi": None,
         "assumptions": [{"key": "roi.gross_margin", "value": 0.6, "label": "gross margin",
                          "source": "default (assumption): rule of thumb: food cost 30–35 % of the price, "
                                    "plus packaging and delivery fees", "default": True}]},
    ]
    no_data = {"status": "no_data", "reason": "No reading recorded in this cycle yet.", "progress": None,
               "pace": None, "readings": 0, "days_since_reading": None, "forecast": None, "forecast_readings": 0,
               "forecast_text": "A forecast needs 3 readings (0 so far).", "past_cycles": [], "remedies": []}
    assert {k: v for k, v in data.items() if k != "findings"} == {
        "passed": False,
        "on": "2026-03-07",
        "sentence": "Increase Facebook followers in our city from 400 followers to 10,400 followers (+2,500%) by "
                    "31 March 2026, using posting when we have time.",
        "letters": {"S": "pass", "M": "info", "A": "pass", "R": "error", "T": "pass"},
        "kpis": [{"id": "followers_local", "name": "Local followers", **no_data},
                 {"id": "reach", "name": "Reach", **no_data},
                 {"id": "engagement_rate", "name": "Engagement rate", **no_data},
                 {"id": "qualified_interactions", "name": "Qualified interactions", **no_data}],
        "overall_score": None,
    }


def test_the_json_review_is_in_the_language_asked():
    p = example("pizzeria-unrealistic")
    data = check_report_json(p, Lang.KO, FIRST_WEEK)
    assert data["sentence"] == ("2026년 3월 31일까지 posting when we have time을 활용해 Facebook followers in our "
                                "city를 400 followers에서 10,400 followers로 늘립니다(2,500% 증가).")
    assert [(f["message"], f["fix"]) for f in data["findings"]] == [(f.message.ko, f.fix.ko) for f in audit(p).findings]
    [capacity] = [f for f in data["findings"] if f["id"] == "R-audience-capacity"]
    assert [(a["label"], a["source"]) for a in capacity["assumptions"]] == [
        ("주 1회 게시당 월 팔로워 증가", "기본값, KPI 마법사의 가정"),
        ("주 1회 게시당 최소 월 증가", "기본값, KPI 마법사의 가정"),
        ("광고 없이 한 달 최대 증가", "기본값, KPI 마법사의 가정"),
        ("광고 팔로워 1명당 비용", "기본값, KPI 마법사의 가정"),
    ]
    assert [(k["name"], k["reason"], k["forecast_text"]) for k in data["kpis"]] == [
        (name, "아직 이번 주기의 기록이 없습니다.", "예측하려면 기록이 3번 필요합니다 (지금 0번).")
        for name in ("지역 팔로워 수", "도달", "참여율", "진지한 문의·반응 (유효 상호작용)")
    ]


def test_the_json_review_of_the_pizzeria_mid_plan_gives_its_figures():
    data = check_report_json(example("pizzeria"), Lang.EN, MID_PLAN)
    assert (data["passed"], data["on"], data["overall_score"]) == (True, "2026-03-20", 0.6225)
    assert data["letters"] == {"S": "pass", "M": "info", "A": "pass", "R": "warning", "T": "pass"}
    assert [(k["id"], k["status"], k["progress"], k["pace"], k["readings"], k["days_since_reading"], k["forecast"],
             k["forecast_readings"]) for k in data["kpis"]] == [
        ("followers_local", "on_track", 0.6875, 1.014881, 3, 0, 481.0, 3),
        ("reach", "on_track", 0.65, 0.959524, 3, 0, 2787.0, 3),
        ("engagement_rate", "off_track", pytest.approx(1 / 6), 0.246032, 3, 0, 3.2, 3),
        ("qualified_interactions", "on_track", 0.8, 1.180952, 3, 0, 21.0, 3),
    ]


@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_the_json_review_of_the_missed_salon_gives_its_remedies(lang):
    p = _salon()
    [kpi] = check_report_json(p, lang, AFTER_DEADLINE)["kpis"]
    messages = [r.message.get(lang) for r in suggest(p, "k", lang, AFTER_DEADLINE)]
    text = {
        Lang.KO: ("응답 시간", "마감일(2026년 3월 1일)이 지났고 목표 30분에 닿지 못했습니다: 기록 8번, 최근 31분, 진척 99%.",
                  "마감일이 지나 예측하지 않습니다."),
        Lang.EN: ("Response time", "The deadline (1 March 2026) has passed without reaching 30 minutes: 8 readings, "
                  "latest 31 minutes, progress 99%.", "Past the deadline: no forecast."),
    }[lang]
    assert kpi == {
        "id": "k", "name": text[0], "status": "missed", "reason": text[1],
        "progress": pytest.approx(89 / 90), "pace": 0.988889, "readings": 8, "days_since_reading": 9,
        "forecast": None, "forecast_readings": 8, "forecast_text": text[2], "past_cycles": [],
        "remedies": [
            {"kind": "reset", "message": messages[0], "new_target": 30.0, "alternative": None, "new_cycle": True,
             "new_baseline": 31.0, "new_deadline": "2026-05-04"},
            {"kind": "alternative", "message": messages[1], "new_target": None, "alternative": "response_rate",
             "new_cycle": False, "new_baseline": None, "new_deadline": None},
            {"kind": "strategy", "message": messages[2], "new_target": None, "alternative": None,
             "new_cycle": False, "new_baseline": None, "new_deadline": None},
        ],
    }


def test_the_json_review_keeps_the_past_cycle():
    data = check_report_json(renewed(), Lang.EN, AFTER_DEADLINE)
    assert data["letters"] == {"S": "error", "M": "error", "A": "warning", "R": "warning", "T": "error"}
    assert data["kpis"][0]["past_cycles"] == [
        {"start": "2026-01-05", "deadline": "2026-03-01", "baseline": 120.0, "target": 30.0, "final_value": 31.0,
         "verdict": "missed"}]


@pytest.mark.parametrize("lang, line", [
    (Lang.KO, "  참여율: 뒤처짐 | 진척 27% | 속도 0.82 | 예측 3.66"),
    (Lang.EN, "  Engagement rate: behind | progress 27% | pace 0.82 | forecast 3.66"),
])
def test_the_summary_line_gives_the_forecast_as_precisely_as_the_sentence_below(lang, line):
    """Readings with two decimals: the forecast is 3.66 %, not '3.7' above 'about 3.66%'."""
    project = plan(engagement(baseline=2.0, target=4.0, deadline=date(2026, 3, 29)), [2.13, 2.27, 2.42, 2.55])
    text, _ = check_report(project, lang, date(2026, 2, 2))
    lines = text.split("\n")
    at = lines.index(line)
    assert lines[at + 2] == {Lang.KO: "      마감일 예측 약 3.66%, 기록 4번 기준.",
                             Lang.EN: "      Forecast at the deadline about 3.66%, from 4 readings."}[lang]


@pytest.mark.parametrize("lang, kpi, score", [
    (Lang.KO, "  응답 시간: 순항 | 진척 89% | 속도 1.42 | 예측 –", "종합 점수: 89%"),
    (Lang.EN, "  Response time: on track | progress 89% | pace 1.42 | forecast –", "Overall score: 89%"),
])
def test_a_review_of_an_earlier_date_scores_the_readings_up_to_that_date(lang, kpi, score):
    """Readings went on until 1 March (31 minutes, 99%): as of 2 February the latest was 40 (89%)."""
    text, _ = check_report(_salon(), lang, date(2026, 2, 2))
    lines = text.split("\n")
    assert lines[lines.index(kpi) + 3] == score
    assert check_report_json(_salon(), lang, date(2026, 2, 2))["overall_score"] == pytest.approx(8 / 9)
