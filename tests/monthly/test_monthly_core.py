"""The monthly report's numbers against the core, and the neighbourhood shop's strategy map."""

from __future__ import annotations

from datetime import date

import pytest

from kpiwizard.core.catalog import load_catalog
from kpiwizard.core.checkin import CheckInError, month_period
from kpiwizard.core.enums import Lang, Perspective, SocialGoal, StrategicObjective
from kpiwizard.core.examples import find_example
from kpiwizard.core.kpiview import selection_from_catalog
from kpiwizard.core.models import Project
from kpiwizard.core.monthly import monthly_report
from kpiwizard.core.progress import evaluate_kpi, overall_score
from kpiwizard.core.strategy_map import build_strategy_map
from kpiwizard.core.vocab import STATUS_NAMES


@pytest.fixture(scope="module")
def cafe() -> Project:
    return find_example("cafe").load()


def core_at(project: Project, kpi_id: str, day: date):
    """The core's verdict on ``day``."""
    return evaluate_kpi(project, project.kpi(kpi_id), on=day)


def as_of(project: Project, day: date) -> Project:
    actuals = {k: {d: v for d, v in s.items() if d <= day} for k, s in project.actuals.items()}
    return project.model_copy(update={"actuals": {k: s for k, s in actuals.items() if s}})


@pytest.mark.parametrize("month", ["2026-01", "2026-02", "2026-03"])
def test_each_kpi_row_is_the_core_s_verdict_on_the_month_s_last_day(cafe, month):
    report = monthly_report(cafe, month, Lang.KO)
    end = month_period(cafe, month).end
    cut = as_of(cafe, end)
    assert [r.kpi_id for r in report.kpis] == [k.id for k in cafe.kpis]
    for row in report.kpis:
        core = core_at(cut, row.kpi_id, end)
        assert row.status is core.status and row.status_name == STATUS_NAMES[core.status].ko
        assert row.value == core.latest and row.progress == core.progress and row.pace == core.pace
        assert row.spark == tuple(pt.value for pt in core.points)
    assert report.overall == overall_score(cut, {k.id: core_at(cut, k.id, end) for k in cut.kpis})


def test_nothing_after_the_month_leaks_into_it(cafe):
    february = monthly_report(cafe, "2026-02", Lang.KO)
    friends = next(r for r in february.kpis if r.kpi_id == "kakao_channel_friends")
    assert (friends.value, friends.previous) == (201, 168)
    coupons = next(r for r in february.kpis if r.kpi_id == "coupon_visits")
    assert coupons.value == 27  # the week of 2 March is read on 2 March, inside February's period
    assert february.previous_overall == monthly_report(cafe, "2026-01", Lang.KO).overall


def test_what_moved_most_is_the_largest_change_in_progress(cafe):
    report = monthly_report(cafe, "2026-03", Lang.KO)
    moves = {r.kpi_id: r.progress - r.previous_progress for r in report.kpis
             if r.progress is not None and r.previous_progress is not None and r.value != r.previous}
    best = max(moves, key=lambda k: abs(moves[k]))
    assert report.moved_most.kpi_id == best == "naver_place_reviews"
    assert report.moved_text == "네이버 플레이스 리뷰 수가 236건에서 262건으로 늘었습니다. 목표까지 가는 길의 54%만큼 나아갔습니다."
    english = monthly_report(cafe, "2026-03", Lang.EN)
    assert english.moved_text.startswith("Naver Place reviews rose from 236 reviews to 262 reviews")


def test_the_first_month_has_nothing_to_compare(cafe):
    january = monthly_report(cafe, "2026-01", Lang.KO)
    assert january.moved_most is None and "아직" in january.moved_text
    assert january.previous_overall is None and not january.final


def test_furthest_behind_is_the_largest_shortfall_with_the_core_s_numbers_as_reason(cafe):
    report = monthly_report(cafe, "2026-03", Lang.KO)
    behind = report.behind_most
    shortfalls = {r.kpi_id: r.expected - r.progress for r in report.kpis
                  if r.progress is not None and r.expected is not None and r.progress < 1
                  and r.pace < cafe.kpi(r.kpi_id).thresholds.on_track}
    assert behind.kpi_id == max(shortfalls, key=shortfalls.get) == "engagement_rate"
    core = core_at(as_of(cafe, date(2026, 3, 29)), "engagement_rate", date(2026, 3, 29))
    assert f"{round(core.progress * 100)}%" in report.behind_reason  # the core's numbers, in words
    assert "5.5%" in report.behind_reason  # the target
    assert report.behind_reason == monthly_report(cafe, "2026-03", Lang.KO).behind_reason


def test_the_one_thing_to_do_is_the_owner_s_open_action_for_the_kpi_behind(cafe):
    report = monthly_report(cafe, "2026-02", Lang.KO)  # its deadline is still ahead
    assert "스콘 굽는 과정 스토리" in report.next_step and "김보미" in report.next_step
    no_actions = cafe.model_copy(update={"actions": []})
    hint = load_catalog().family(load_catalog().kpi("engagement_rate").family).strategy_hint
    assert hint.ko in monthly_report(no_actions, "2026-02", Lang.KO).next_step


def test_after_the_deadline_the_one_thing_to_do_is_a_new_cycle_not_the_old_cycles_action(cafe):
    report = monthly_report(cafe, "2026-03", Lang.KO)  # the plan's last month; the KPI behind missed
    assert report.final and "새 주기를 시작하세요" in report.next_step and "스콘" not in report.next_step


def test_with_nothing_behind_the_next_step_is_the_missing_numbers_then_the_next_check_in(cafe):
    on_target = cafe.model_copy(deep=True)
    for k in on_target.kpis:  # every KPI's target is whatever it reached: nothing is behind
        latest = max(on_target.actuals[k.id].items())[1] if k.id in on_target.actuals else None
        if k.target is not None and latest is not None:
            k.target = latest
    report = monthly_report(on_target, "2026-03", Lang.KO)
    assert report.behind_most is None
    assert "네이버 플레이스 저장" in report.next_step and report.missing == ("네이버 플레이스 저장",)
    february = monthly_report(on_target, "2026-02", Lang.EN)
    assert february.missing == ()


def test_a_month_outside_the_plan_is_refused(cafe):
    with pytest.raises(CheckInError):
        monthly_report(cafe, "2026-04", Lang.KO)


# -- the neighbourhood shop's map ----------------------------------------------------------------


@pytest.mark.parametrize("goal", [SocialGoal.AWARENESS, SocialGoal.LEADS_SALES])
@pytest.mark.parametrize("objective", [StrategicObjective.FOCUS, StrategicObjective.SWITCH])
def test_the_local_preset_s_map_connects_every_box_from_capability_to_result(goal, objective):
    plan = find_example("cafe").load().model_copy(update={"kpis": [], "actuals": {}, "actions": []})
    plan.smart.metric = None
    for c in load_catalog().preset(goal, objective, business="local_shop"):
        plan.kpis = [*plan.kpis, selection_from_catalog(plan, c.id)]
    smap = build_strategy_map(plan, Lang.KO)
    boxes = {o.id: o for o in smap.objectives}
    assert {o.perspective for o in smap.objectives} == set(Perspective)
    touched = {a for arrow in smap.arrows for a in arrow}
    assert touched == set(boxes), set(boxes) - touched
    order = list(Perspective)
    for cause, effect in smap.arrows:  # leading -> lagging: never downwards
        assert order.index(boxes[cause].perspective) >= order.index(boxes[effect].perspective)
    assert ("local_visits", "valuable_results") in smap.arrows
    assert ("engaging_content", "local_visits") in smap.arrows


# -- the three lines of "이달 한눈에", word for word (read and judged right for the café owner) --------

CAFE_MONTHS = {
    ("2026-02", Lang.KO): (
        "2026년 2월",
        "카카오톡 채널 쿠폰 응모수가 22회에서 34회로 늘었습니다. 목표까지 가는 길의 48%만큼 나아갔습니다.",
        "기록 9번, 최근 3.9%, 진척 -7%. 계획선이 지금까지 기대하는 75%에 견준 속도는 -0.09입니다 "
        "(1이면 계획대로, 순항 0.9 이상, 뒤처짐 0.7 이상).",
        "참여율: '스콘 굽는 과정 스토리 (매주 목요일 아침)' (김보미 (사장)) — 다음 달에는 이 일을 끝내세요.",
    ),
    ("2026-02", Lang.EN): (
        "February 2026",
        "Kakao Channel coupon entries rose from 22 entries to 34 entries: 48% of the way to the target gained.",
        "9 readings, latest 3.9%, progress -7%. Against the 75% the plan line expects by now the pace is -0.09 "
        "(1 = as planned; on track from 0.9, behind from 0.7).",
        "Engagement rate: '스콘 굽는 과정 스토리 (매주 목요일 아침)' (김보미 (사장)) — get this done next month.",
    ),
    # The plan's last month: the KPI behind has missed its deadline, so the next step is a new
    # cycle, not "get this done next month" for a cycle that is over. The month is reviewed on the
    # plan's last day, the deadline, with its last week recorded: final, but not "past" the deadline.
    ("2026-03", Lang.KO): (
        "2026년 3월",
        "네이버 플레이스 리뷰 수가 236건에서 262건으로 늘었습니다. 목표까지 가는 길의 54%만큼 나아갔습니다.",
        "마감일(2026년 3월 29일)까지의 기록이 모두 들어왔고 목표 5.5%에 닿지 못했습니다: 기록 12번, 최근 3.9%, 진척 -7%.",
        "참여율: 마지막 기간까지 기록되었으니 이 주기는 '미달'로 기록해 둡니다. 마지막 값 3.9%에서 새 주기를 시작하세요: "
        "목표 5.5%, 새 마감일 2026년 6월 20일.",
    ),
    ("2026-03", Lang.EN): (
        "March 2026",
        "Naver Place reviews rose from 236 reviews to 262 reviews: 54% of the way to the target gained.",
        "Every period up to the deadline (29 March 2026) is recorded, without reaching 5.5%: 12 readings, latest 3.9%, "
        "progress -7%.",
        "Engagement rate: Every period up to the deadline is recorded, so this cycle stays on record as missed. Start a new cycle "
        "from the latest value, 3.9%: target 5.5%, new deadline 20 June 2026.",
    ),
}


@pytest.mark.parametrize("month, lang", list(CAFE_MONTHS))
def test_the_month_at_a_glance_reads_as_written(cafe, month, lang):
    name, moved, behind, next_step = CAFE_MONTHS[(month, lang)]
    report = monthly_report(cafe, month, lang)
    assert (report.month_name, report.moved_text, report.behind_reason, report.next_step) == (
        name, moved, behind, next_step)
