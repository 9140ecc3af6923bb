"""The follower-capacity verdict and the steep-target fixes on the café plan, word for word in both languages.

An owner who asks for more followers than posting and the ad budget can bring gets the sum
worked out: what posting adds, what the budget adds, the assumptions used, and three ways out.
Mutation testing found its figures (months, rates, the budget's share) unchecked; each sentence
below was read and judged right.
"""

from __future__ import annotations

import pytest

from kpiwizard.core.audit import audit
from kpiwizard.core.examples import find_example

CASES = [
    pytest.param(1500, 'R-audience-stretch',
                 "'지역 팔로워 수'의 +680은 지금의 팔로워·게시·광고 예산으로 기간 안에 늘릴 수 있는 약 381명의 1.8배입니다(부족분 약 299명). 계산: 주 4회 게시로 한 달에 팔로워의 8%(최소 주 1회당 월 4명) × 2.8개월 = 약 181명, 광고비 ₩300,000으로 약 200명. 쓴 가정: 주 1회 게시당 월 팔로워 증가 2% (기본값, KPI 마법사의 가정); 주 1회 게시당 최소 월 증가 4명 (기본값, KPI 마법사의 가정); 광고 없이 한 달 최대 증가 50% (기본값, KPI 마법사의 가정); 광고 팔로워 1명당 비용 ₩1,500 (기본값, KPI 마법사의 가정). 계획의 가정에서 바꿀 수 있습니다. 가정보다 2배 안쪽이라 새로 연 가게의 입소문 등으로 가능할 수는 있지만 빠듯합니다.",
                 "'Local followers' +680 is 1.8× the roughly 381 that current followers, posting and ad budget can add in the time frame (short by about 299). Worked out: 4 posts a week grow the followers 8% a month (at least 4 a month per weekly post) × 2.8 months = about 181; ad budget ₩300,000 adds about 200. Assumptions used: monthly follower growth per weekly post 2% (default, KPI Wizard's assumption); minimum monthly gain per weekly post 4 followers (default, KPI Wizard's assumption); organic growth ceiling a month 50% (default, KPI Wizard's assumption); ad cost per follower ₩1,500 (default, KPI Wizard's assumption). Change them in the plan's assumptions. Within 2× of the assumptions, a new shop's word of mouth may make it, but it is tight.",
                 '목표를 약 1,201명으로 낮추기, 기간을 약 10주 늘리기, 광고 예산을 약 ₩448,440 더하기, 게시를 늘리기 가운데 하나를 고르세요.',
                 'Choose one: lower the target to about 1,201 followers, allow about 10 more weeks, add about ₩448,440 of ads, post more.',
                 id='R-audience-stretch'),
    pytest.param(3000, 'R-audience-capacity',
                 "'지역 팔로워 수'의 +2,180은 지금의 팔로워·게시·광고 예산으로 기간 안에 늘릴 수 있는 약 381명의 5.7배입니다(부족분 약 1,799명). 계산: 주 4회 게시로 한 달에 팔로워의 8%(최소 주 1회당 월 4명) × 2.8개월 = 약 181명, 광고비 ₩300,000으로 약 200명. 쓴 가정: 주 1회 게시당 월 팔로워 증가 2% (기본값, KPI 마법사의 가정); 주 1회 게시당 최소 월 증가 4명 (기본값, KPI 마법사의 가정); 광고 없이 한 달 최대 증가 50% (기본값, KPI 마법사의 가정); 광고 팔로워 1명당 비용 ₩1,500 (기본값, KPI 마법사의 가정). 계획의 가정에서 바꿀 수 있습니다. 자원이 뒷받침하지 않는 목표는 현실적이지 않습니다.",
                 "'Local followers' +2,180 is 5.7× the roughly 381 that current followers, posting and ad budget can add in the time frame (short by about 1,799). Worked out: 4 posts a week grow the followers 8% a month (at least 4 a month per weekly post) × 2.8 months = about 181; ad budget ₩300,000 adds about 200. Assumptions used: monthly follower growth per weekly post 2% (default, KPI Wizard's assumption); minimum monthly gain per weekly post 4 followers (default, KPI Wizard's assumption); organic growth ceiling a month 50% (default, KPI Wizard's assumption); ad cost per follower ₩1,500 (default, KPI Wizard's assumption). Change them in the plan's assumptions. A goal the resources cannot carry is not realistic.",
                 '목표를 약 1,201명으로 낮추기, 광고 예산을 약 ₩2,698,440 더하기, 게시를 늘리기 가운데 하나를 고르세요.',
                 'Choose one: lower the target to about 1,201 followers, add about ₩2,698,440 of ads, post more.',
                 id='R-audience-capacity'),
]


@pytest.mark.parametrize("target, finding, ko, en, fix_ko, fix_en", CASES)
def test_a_follower_target_beyond_the_resources_is_worked_out_for_the_owner(target, finding, ko, en, fix_ko, fix_en):
    cafe = find_example("cafe").load()
    cafe.kpi("followers_local").target = target  # from 820 followers, within the plan's 12 weeks
    [found] = [f for f in audit(cafe).findings if f.id.startswith("R-audience")]
    assert (found.id, found.message.ko, found.message.en, found.fix.ko, found.fix.en) == (finding, ko, en, fix_ko, fix_en)


@pytest.mark.parametrize("kpi_id, target, ko, en", [
    ("engagement_rate", 12.0, "목표를 약 6.8%로 낮추거나", "Lower the target to about 6.8%,"),
    ("coupon_visits", 30.0, "목표를 약 23명으로 낮추거나", "Lower the target to about 23 명,"),  # the owner's unit
    ("engagement_rate", 20.0, "목표를 약 12.3%로 낮추거나", "Lower the target to about 12.3% or"),
    ("social_revenue", 4_000_000.0, "목표를 약 1,393,511원으로 낮추거나", "Lower the target to about 1,393,511 KRW or"),
])
def test_a_steep_targets_fix_names_the_target_with_its_unit(kpi_id, target, ko, en):
    """Before: '목표를 약 6.8로 낮추거나' — a number without its unit, 6.8 what?"""
    cafe = find_example("cafe").load()
    cafe.actuals = {}  # a plan not yet recorded: the usual monthly change is the yardstick
    cafe.kpi(kpi_id).target = target
    fixes = [f.fix for f in audit(cafe).findings if f.id.startswith("R-kpi") and f.kpi_id == kpi_id]
    assert any(ko in fix.ko and en in fix.en for fix in fixes), fixes
