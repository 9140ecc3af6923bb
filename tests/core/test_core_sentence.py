"""The SMART goal as one sentence in Korean and English."""

from datetime import date

from kpiwizard.core.enums import Direction
from kpiwizard.core.models import SmartGoal
from kpiwizard.core.sentence import smart_sentence


def goal(**kw) -> SmartGoal:
    base = dict(what="우리 동네 페이스북 팔로워", baseline=400, target=480, unit="명",
                direction=Direction.HIGHER, deadline=date(2026, 3, 31), resources="콘텐츠 계획과 소액 광고비")
    base.update(kw)
    return SmartGoal(**base)


def test_korean_sentence_reads_naturally_with_the_right_particles():
    assert smart_sentence(goal()).ko == (
        "2026년 3월 31일까지 콘텐츠 계획과 소액 광고비를 활용해 우리 동네 페이스북 팔로워를 "
        "400명에서 480명으로 늘립니다(20% 증가)."
    )


def test_korean_particles_follow_the_last_syllable():
    s = smart_sentence(goal(what="응답 시간", baseline=120, target=30, unit="분",
                            direction=Direction.LOWER, resources="DM 답장 규칙")).ko
    assert "응답 시간을 120분에서 30분으로 줄입니다(75% 감소)" in s
    assert "DM 답장 규칙을 활용해" in s
    s = smart_sentence(goal(what="참여율", baseline=3, target=5, unit="%", resources="주 3회 게시")).ko
    assert "참여율을 3%에서 5%로 늘립니다" in s


def test_english_sentence():
    g = goal(what="Facebook followers in our city", unit="followers",
             resources="a content plan and a small ad budget")
    assert smart_sentence(g).en == (
        "Increase Facebook followers in our city from 400 followers to 480 followers (+20%) "
        "by 31 March 2026, using a content plan and a small ad budget."
    )


def test_lower_is_better_says_reduce():
    g = goal(what="cost per lead", baseline=45, target=30, unit="USD", direction=Direction.LOWER, resources="")
    assert smart_sentence(g).en == "Reduce cost per lead from 45 USD to 30 USD (−33.3%) by 31 March 2026."


def test_missing_parts_are_left_out_not_shown_as_placeholders():
    s = smart_sentence(SmartGoal(what="리뷰 수", target=50, unit="개"))
    assert s.ko == "리뷰 수를 50개로 늘립니다."
    assert s.en == "Increase 리뷰 수 to 50 개."
    empty = smart_sentence(SmartGoal())
    assert "None" not in empty.ko + empty.en and "{" not in empty.ko + empty.en


def test_range_goal_says_keep():
    s = smart_sentence(goal(what="주간 게시 수", target=4, unit="회", direction=Direction.RANGE))
    assert "주간 게시 수를 4회로 유지합니다" in s.ko
    assert s.en.startswith("Keep 주간 게시 수 at 4 회")


def test_the_verb_follows_the_numbers_not_a_wrong_direction():
    """'늘립니다(75% 감소)' contradicts itself: a goal typed 120 → 30 says 'cut', whatever direction is set."""
    g = goal(what="응답 시간", baseline=120, target=30, unit="분", direction=Direction.HIGHER, resources="")
    s = smart_sentence(g)
    assert "줄입니다(75% 감소)" in s.ko and "늘립니다" not in s.ko
    assert s.en.startswith("Reduce 응답 시간 from 120 분 to 30 분 (−75%)")
    up = smart_sentence(goal(baseline=30, target=120, direction=Direction.LOWER, resources=""))
    assert "늘립니다(300% 증가)" in up.ko and up.en.startswith("Increase")
    # Without both numbers the chosen direction decides.
    assert smart_sentence(goal(baseline=None, direction=Direction.LOWER)).ko.endswith("줄입니다.")
