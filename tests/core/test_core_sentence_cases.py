"""The SMART goal sentence word for word in both languages, for goals as owners type them: parts
missing or only blanks, a band, a baseline of zero or below zero, a target equal to the baseline.

The sentence is shown on the SMART step as the owner types and heads the plan, the tracker and the
review, so it must never contradict itself or show a placeholder.
"""

from datetime import date

import pytest

from kpiwizard.core.enums import Direction
from kpiwizard.core.models import SmartGoal
from kpiwizard.core.sentence import smart_sentence

JUNE = date(2026, 6, 30)


@pytest.mark.parametrize("goal, ko, en", [
    # Only blanks typed for what and with what: the neutral name, no 'using'.
    (dict(what="  ", baseline=10, target=12, unit="명", resources="   "),
     "목표 지표를 10명에서 12명으로 늘립니다(20% 증가).",
     "Increase the goal metric from 10 명 to 12 명 (+20%)."),
    # What and resources are read without the spaces around them.
    (dict(what=" 단골 손님 ", baseline=40, target=50, unit="명", deadline=JUNE, resources=" 스탬프 쿠폰 "),
     "2026년 6월 30일까지 스탬프 쿠폰을 활용해 단골 손님을 40명에서 50명으로 늘립니다(25% 증가).",
     "Increase 단골 손님 from 40 명 to 50 명 (+25%) by 30 June 2026, using 스탬프 쿠폰."),
    # A band goal without a value yet, then with one; date and resources in their place.
    (dict(what="", direction=Direction.RANGE),
     "목표 지표를 목표 범위 안에서 유지합니다.",
     "Keep the goal metric within its target band."),
    (dict(what=" 주간 게시 수 ", direction=Direction.RANGE, deadline=JUNE, resources=" 주 3회 게시 "),
     "2026년 6월 30일까지 주 3회 게시를 활용해 주간 게시 수를 목표 범위 안에서 유지합니다.",
     "Keep 주간 게시 수 within its target band by 30 June 2026, using 주 3회 게시."),
    (dict(what="주간 게시 수", direction=Direction.RANGE, baseline=2, target=4, unit="회", deadline=JUNE,
          resources="주 3회 게시"),
     "2026년 6월 30일까지 주 3회 게시를 활용해 주간 게시 수를 4회로 유지합니다.",
     "Keep 주간 게시 수 at 4 회 by 30 June 2026, using 주 3회 게시."),
    # From zero there is no percentage to state.
    (dict(what="리뷰 수", baseline=0, target=20, unit="개"),
     "리뷰 수를 0개에서 20개로 늘립니다.",
     "Increase 리뷰 수 from 0 개 to 20 개."),
    # Below zero: the change is measured against the baseline's size, in its own direction.
    (dict(what="순이익", baseline=-200, target=100, unit="만원"),
     "순이익을 -200만원에서 100만원으로 늘립니다(150% 증가).",
     "Increase 순이익 from -200 만원 to 100 만원 (+150%)."),
    (dict(what="순이익", baseline=-200, target=-300, unit="만원", direction=Direction.HIGHER),
     "순이익을 -200만원에서 -300만원으로 줄입니다(50% 감소).",
     "Reduce 순이익 from -200 만원 to -300 만원 (−50%)."),
    # From a baseline of one, the change is counted like any other.
    (dict(what="지점 수", baseline=1, target=3, unit="곳"),
     "지점 수를 1곳에서 3곳으로 늘립니다(200% 증가).",
     "Increase 지점 수 from 1 곳 to 3 곳 (+200%)."),
    # The smallest change still shows, to one decimal.
    (dict(what="전환율", baseline=3, target=3.01, unit="%"),
     "전환율을 3%에서 3.01%로 늘립니다(0.3% 증가).",
     "Increase 전환율 from 3% to 3.01% (+0.3%)."),
    (dict(what="전환율", baseline=3, target=2.99, unit="%"),
     "전환율을 3%에서 2.99%로 줄입니다(0.3% 감소).",
     "Reduce 전환율 from 3% to 2.99% (−0.3%)."),
    (dict(what="비용", baseline=1234567, target=1000000, unit="KRW", direction=Direction.LOWER),
     "비용을 1,234,567 KRW에서 1,000,000 KRW로 줄입니다(19% 감소).",
     "Reduce 비용 from 1,234,567 KRW to 1,000,000 KRW (−19%)."),
    # A baseline without a target: the chosen direction gives the verb.
    (dict(what="방문", baseline=300, unit="명", direction=Direction.LOWER),
     "방문을 300명에서 줄입니다.",
     "Reduce 방문 from 300 명."),
    (dict(what="방문", baseline=300, unit="명"),
     "방문을 300명에서 늘립니다.",
     "Increase 방문 from 300 명."),
])
def test_the_sentence_word_for_word(goal, ko, en):
    s = smart_sentence(SmartGoal(**goal))
    assert (s.ko, s.en) == (ko, en)


@pytest.mark.parametrize("direction, ko, en", [
    (Direction.LOWER, "평점을 4.5에서 4.5로 줄입니다.", "Reduce 평점 from 4.5 to 4.5."),
    (Direction.HIGHER, "평점을 4.5에서 4.5로 늘립니다.", "Increase 평점 from 4.5 to 4.5."),
])
def test_a_target_equal_to_the_baseline_states_no_change_that_contradicts_the_verb(direction, ko, en):
    """It used to read '줄입니다(0% 증가)' / 'Reduce ... (+0%)'. The audit flags such a goal; the
    sentence just says what was typed, with the chosen direction's verb."""
    s = smart_sentence(SmartGoal(what="평점", baseline=4.5, target=4.5, direction=direction))
    assert (s.ko, s.en) == (ko, en)
