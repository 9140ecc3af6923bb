"""Audit rules at edges the last mutation run found unguarded (docs/mutation.md).

A target equal to its baseline is its own finding, not "against the direction"; a KPI starting
from 0 is flagged whatever its target but 0; a KPI already at its target, or read for the last
time, does not hide the KPIs after it from the history check; a slow rise is a rise.
"""

from __future__ import annotations

from datetime import date

from test_advice_plans import START, K, plan, weekly

from kpiwizard.core.audit import audit
from kpiwizard.core.enums import Frequency, SocialGoal
from kpiwizard.core.models import Project


def said(p: Project, check_id: str) -> list[tuple[str | None, str, str]]:
    return [(f.kpi_id, f.message.ko, f.message.en) for f in audit(p).findings if f.id == check_id]


def test_a_target_equal_to_its_baseline_is_not_against_the_direction():
    p = plan([K("reach", 2000, 2000), K("saves", 30, 35)])
    assert p.smart.baseline == p.smart.target == 2000  # the goal too
    assert said(p, "A-target-equals-baseline") == [(
        "reach", "'도달'의 목표 값이 기준선과 같습니다. 아무것도 바꾸지 않는 목표입니다.",
        "'Reach' has its target equal to its baseline: it asks for no change.")]
    assert said(p, "A-target-against-direction") == []


def test_a_target_one_below_the_baseline_of_a_higher_is_better_kpi_is_against_it():
    p = plan([K("reach", 2000, 1999), K("saves", 30, 35)])
    assert said(p, "A-target-against-direction") == [
        ("reach", "'도달'은 높을수록 좋은 지표인데 목표 1,999가 기준선 2,000보다 나쁜 쪽입니다.",
         "'Reach' is better when higher, yet the target 1,999 is worse than the baseline 2,000."),
        (None, "SMART 목표의 목표 값이 기준선보다 나쁜 쪽입니다.",
         "The SMART goal's target lies on the wrong side of its baseline."),
    ]


def reviews_from_zero(target: float) -> Project:
    return plan([K("review_count", 0, target), K("review_rating", 4.5, 4.6)],
                goal=SocialGoal.CUSTOMER_SERVICE, what="네이버 리뷰 수")


def test_a_kpi_from_zero_to_one_is_flagged_and_from_zero_to_zero_is_not():
    assert said(reviews_from_zero(1), "R-from-zero") == [(
        "review_count", "'리뷰 수'는 0에서 시작합니다. 잰 적이 없으니 목표 1이 현실적인지 판단할 근거가 없습니다.",
        "'Reviews' starts from 0: nothing measured yet shows whether 1 is within reach.")]
    assert said(reviews_from_zero(0), "R-from-zero") == []  # target = baseline says that instead
    assert [f.id for f in audit(reviews_from_zero(0)).findings if f.kpi_id == "review_count"] == [
        "A-target-equals-baseline"]


FLAT = (
    "engagement_rate",
    "'참여율'은 기록 4번 동안 목표 쪽으로 움직이지 않았습니다(월 -0.1). 목표 5.5로 가려면 한 달에 0.7씩 바뀌어야 합니다.",
    "'Engagement rate' has not moved toward its target over 4 readings (-0.1 a month); "
    "reaching 5.5 needs 0.7 a month.",
)


def test_a_kpi_already_at_its_target_does_not_hide_the_next_one():
    p = plan([K("reach", 2000, 2400), K("engagement_rate", 4.0, 5.5)], goal=SocialGoal.ENGAGEMENT,
             what="게시물 참여율", actuals={"reach": weekly([2300, 2400, 2500, 2600]),
                                      "engagement_rate": weekly([4.0, 4.1, 3.9, 4.0])})
    assert said(p, "R-history-pace") == [FLAT]


def test_a_kpi_read_for_the_last_time_does_not_hide_the_next_one():
    # the monthly KPI's May reading is its last before the end of May: its status will say the rest
    p = plan([K("lead_to_sale_rate", 5, 9, frequency=Frequency.MONTHLY), K("engagement_rate", 4.0, 5.5)],
             goal=SocialGoal.ENGAGEMENT, what="게시물 참여율",
             actuals={"lead_to_sale_rate": {START: 5.1, date(2026, 4, 1): 5.0, date(2026, 5, 1): 5.1},
                      "engagement_rate": weekly([4.0, 4.1, 3.9, 4.0])})
    assert said(p, "R-history-pace") == [FLAT]


def test_a_slow_rise_counts_as_moving_toward_the_target():
    slow = plan([K("engagement_rate", 4.0, 5.5), K("reach", 2000, 2400)], goal=SocialGoal.ENGAGEMENT,
                what="게시물 참여율", actuals={"engagement_rate": weekly([4.0, 4.05, 4.1, 4.15])})
    assert said(slow, "R-history-pace") == [(
        "engagement_rate",
        "'참여율'은 지금까지 기록 4번의 추세가 한 달에 0.2인데, 목표까지 남은 기간에는 한 달에 0.6씩 필요합니다(3배). "
        "사장님 자신의 기록이 가장 믿을 만한 기준입니다.",
        "'Engagement rate' has moved 0.2 a month over 4 readings, but the rest of the time needs 0.6 a month "
        "(3×). Your own record is the most trustworthy yardstick.")]
    steady = plan([K("engagement_rate", 4.0, 5.5), K("reach", 2000, 2400)], goal=SocialGoal.ENGAGEMENT,
                  what="게시물 참여율", actuals={"engagement_rate": weekly([4.0, 4.1, 4.2, 4.3])})
    assert said(steady, "R-history-pace") == []  # 0.4 a month does it with time to spare
