"""What the review suggests when a KPI is off track or missed, word for word in both languages.

The target reset before a deadline (a round figure near the trend's forecast) and the new cycle
after it (from the latest value, as long as the missed one), for counts, money in two currencies, a
percent, a band and a lower-is-better time. Each sentence was read and judged right for an owner;
mutation testing found the figures, units and dates in them unchecked.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from kpiwizard.core.enums import Lang
from kpiwizard.core.remedies import RemedyKind, suggest

from weekly_plans import END, MON, engagement, followers, plan, posts, response_time, revenue


RESETS = [
    pytest.param(followers(baseline=800, target=1000), [803, 806, 809, 812], MON + timedelta(27), 'KRW',
                 '기록 4번의 추세라면 마감일에 약 836명에 이릅니다. 목표를 840명으로 다시 정하고 KPI를 고치세요. 바꾼 기록은 계획에 남습니다.',
                 'At the trend of 4 readings it reaches about 836 followers by the deadline. Reset the target to 840 followers and revise the KPI; the change stays on record.',
                 id='followers off track'),
    pytest.param(followers(baseline=800, target=1000), [820, 840, 860, 870, 880, 890, 900, 910, 915, 920, 925, 930], END + timedelta(1), 'KRW',
                 "마감일이 지났으니 이 주기는 '미달'로 기록해 둡니다. 마지막 값 930명에서 새 주기를 시작하세요: 목표 1,000명, 새 마감일 2026년 6월 21일.",
                 'The deadline has passed, so this cycle stays on record as missed. Start a new cycle from the latest value, 930 followers: target 1,000 followers, new deadline 21 June 2026.',
                 id='followers missed'),
    pytest.param(revenue(baseline=400000, target=1000000), [410000, 420000, 430000, 445000], MON + timedelta(27), 'KRW',
                 '기록 4번의 추세라면 마감일에 약 ₩531,000에 이릅니다. 목표를 ₩530,000으로 다시 정하고 KPI를 고치세요. 바꾼 기록은 계획에 남습니다.',
                 'At the trend of 4 readings it reaches about ₩531,000 by the deadline. Reset the target to ₩530,000 and revise the KPI; the change stays on record.',
                 id='revenue off track, won'),
    pytest.param(revenue(baseline=4000, target=10000), [4100, 4200, 4300, 4450], MON + timedelta(27), 'USD',
                 '기록 4번의 추세라면 마감일에 약 $5,310.00에 이릅니다. 목표를 $5,300.00으로 다시 정하고 KPI를 고치세요. 바꾼 기록은 계획에 남습니다.',
                 'At the trend of 4 readings it reaches about $5,310.00 by the deadline. Reset the target to $5,300.00 and revise the KPI; the change stays on record.',
                 id='revenue off track, dollars'),
    pytest.param(posts(baseline=1, band_low=3, band_high=5), [1, 1, 2, 1, 2, 1, 1, 2, 1, 1, 2, 2], END + timedelta(1), 'KRW',
                 "마감일이 지났으니 이 주기는 '미달'로 기록해 둡니다. 마지막 값 2개에서 새 주기를 시작하세요: 목표 3–5개, 새 마감일 2026년 6월 21일.",
                 'The deadline has passed, so this cycle stays on record as missed. Start a new cycle from the latest value, 2 posts: target 3–5 posts, new deadline 21 June 2026.',
                 id='band missed'),
    pytest.param(engagement(baseline=4.0, target=5.5), [4.1, 4.2, 4.2, 4.3, 4.3, 4.4, 4.4, 4.5, 4.5, 4.6, 4.6, 4.6], END + timedelta(1), 'KRW',
                 "마감일이 지났으니 이 주기는 '미달'로 기록해 둡니다. 마지막 값 4.6%에서 새 주기를 시작하세요: 목표 5.5%, 새 마감일 2026년 6월 21일.",
                 'The deadline has passed, so this cycle stays on record as missed. Start a new cycle from the latest value, 4.6%: target 5.5%, new deadline 21 June 2026.',
                 id='percent missed'),
    pytest.param(response_time(baseline=180, target=60), [178, 176, 174, 172], MON + timedelta(27), 'KRW',
                 '기록 4번의 추세라면 마감일에 약 156분에 이릅니다. 목표를 160분으로 다시 정하고 KPI를 고치세요. 바꾼 기록은 계획에 남습니다.',
                 'At the trend of 4 readings it reaches about 156 minutes by the deadline. Reset the target to 160 minutes and revise the KPI; the change stays on record.',
                 id='lower off track'),
]


@pytest.mark.parametrize("kpi, values, on, currency, ko, en", RESETS)
def test_the_reset_says_what_to_change_to_in_the_kpis_unit(kpi, values, on, currency, ko, en):
    project = plan(kpi, values, currency)
    for lang, said in ((Lang.KO, ko), (Lang.EN, en)):
        reset = next(r for r in suggest(project, kpi.id, lang, on) if r.kind is RemedyKind.RESET)
        assert reset.message.get(lang) == said


# -- the realistic target: only where the trend moves the right way, and short of the target --------


def _result(forecast: float, forecast_progress: float):
    from dataclasses import replace

    from kpiwizard.core.progress import evaluate_kpi

    project = plan(followers(baseline=800, target=1000), [803, 806, 809, 812])
    result = evaluate_kpi(project, project.kpis[0], MON + timedelta(27))
    return project, replace(result, forecast=forecast, forecast_progress=forecast_progress)


@pytest.mark.parametrize("forecast, forecast_progress, target", [
    (1000.0, 1.0, None),  # the trend reaches the target: nothing to cut
    (998.0, 0.99, None),  # just short, but the round figure is the target itself: nothing to reset to
    (985.0, 0.925, 980.0),  # short enough that the round figure lies below the target
    (836.0, 0.18, 840.0),
    (800.0, 0.0, None),  # no progress forecast: a reset would hand back the baseline
    (801.0, 0.005, None),  # rounds to the baseline (800): not a target
    (760.0, -0.2, None),  # the wrong way
])
def test_realistic_target_on_both_sides_of_its_edges(forecast, forecast_progress, target):
    from kpiwizard.core.remedies import realistic_target

    project, result = _result(forecast, forecast_progress)
    assert realistic_target(project, result) == target


def test_a_band_or_a_kpi_without_target_gets_no_realistic_target():
    from kpiwizard.core.progress import evaluate_kpi
    from kpiwizard.core.remedies import realistic_target

    for kpi in (posts(baseline=1, band_low=3, band_high=5), followers(baseline=800), followers(target=1000)):
        project = plan(kpi, [803, 806, 809, 812])
        assert realistic_target(project, evaluate_kpi(project, kpi, MON + timedelta(27))) is None
