"""The sentences the review shows beside each status, read as an owner reads them, in both languages.

Each case is a realistic weekly plan at one moment: the status, why (the figures, their units, the
dates) and the forecast, word for word. The sentences were read and judged right for an owner; a
change to them is a change to what the owner is told and must show here. (Mutation testing found
the sentences checked only for their numbers: a wrong unit, date or count passed.)
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from kpiwizard.core.enums import Lang
from kpiwizard.core.kpiview import view_kpi
from kpiwizard.core.progress import evaluate_kpi, forecast_text, status_reason

from weekly_plans import END, MON, engagement, followers, plan, posts, response_time


CASES = [
    pytest.param(followers(baseline=800, target=1000), [], MON + timedelta(3), 'no_data',
                 '아직 이번 주기의 기록이 없습니다.',
                 'No reading recorded in this cycle yet.',
                 '예측하려면 기록이 3번 필요합니다 (지금 0번).',
                 'A forecast needs 3 readings (0 so far).',
                 id='nothing recorded yet'),
    pytest.param(followers(baseline=800), [810, 820], MON + timedelta(15), 'no_data',
                 '기준선이나 목표가 없어 판단할 수 없습니다.',
                 'No baseline or target to judge against.',
                 '예측하려면 기록이 3번 필요합니다 (지금 2번).',
                 'A forecast needs 3 readings (2 so far).',
                 id='no target'),
    pytest.param(followers(baseline=800, target=1000), [805], MON + timedelta(8), 'too_early',
                 '지금까지 기록 1번, 최근 805명, 진척 2%, 기간의 8% 지점입니다. 추세를 보려면 기록이 3번 (또는 기간의 25%가 지나고 2번) 필요합니다.',
                 'So far 1 reading, latest 805 followers, progress 2%, at 8% of the time. A trend needs 3 readings (or 2 once 25% of the time has passed).',
                 '예측하려면 기록이 3번 필요합니다 (지금 1번).',
                 'A forecast needs 3 readings (1 so far).',
                 id='too early'),
    pytest.param(followers(baseline=800, target=1000), [810, 830, 850], MON + timedelta(40), 'stale',
                 '마지막 기록이 20일 전(2026년 1월 25일)입니다. 다음 기록은 2026년 2월 1일까지였습니다. 기록이 없으면 순항인지 알 수 없습니다.',
                 'The latest reading is 20 days old (25 January 2026); the next one was due by 1 February 2026. Without readings nobody can tell it is on track.',
                 '마감일 예측 약 1,001명, 기록 3번 기준.',
                 'Forecast at the deadline about 1,001 followers, from 3 readings.',
                 id='stale'),
    pytest.param(followers(baseline=800, target=1000), [818, 835, 852, 870], MON + timedelta(27), 'on_track',
                 '기록 4번, 최근 870명, 진척 35%. 계획선이 지금까지 기대하는 33%에 견준 속도는 1.05입니다 (1이면 계획대로, 순항 0.9 이상, 뒤처짐 0.7 이상).',
                 '4 readings, latest 870 followers, progress 35%. Against the 33% the plan line expects by now the pace is 1.05 (1 = as planned; on track from 0.9, behind from 0.7).',
                 '마감일 예측 약 1,009명, 기록 4번 기준.',
                 'Forecast at the deadline about 1,009 followers, from 4 readings.',
                 id='on track'),
    pytest.param(followers(baseline=800, target=1000), [812, 824, 836, 848], MON + timedelta(27), 'behind',
                 '기록 4번, 최근 848명, 진척 24%. 계획선이 지금까지 기대하는 33%에 견준 속도는 0.72입니다 (1이면 계획대로, 순항 0.9 이상, 뒤처짐 0.7 이상).',
                 '4 readings, latest 848 followers, progress 24%. Against the 33% the plan line expects by now the pace is 0.72 (1 = as planned; on track from 0.9, behind from 0.7).',
                 '마감일 예측 약 944명, 기록 4번 기준.',
                 'Forecast at the deadline about 944 followers, from 4 readings.',
                 id='behind'),
    pytest.param(followers(baseline=800, target=1000), [803, 806, 809, 812], MON + timedelta(27), 'off_track',
                 '기록 4번, 최근 812명, 진척 6%. 계획선이 지금까지 기대하는 33%에 견준 속도는 0.18입니다 (1이면 계획대로, 순항 0.9 이상, 뒤처짐 0.7 이상).',
                 '4 readings, latest 812 followers, progress 6%. Against the 33% the plan line expects by now the pace is 0.18 (1 = as planned; on track from 0.9, behind from 0.7).',
                 '마감일 예측 약 836명, 기록 4번 기준.',
                 'Forecast at the deadline about 836 followers, from 4 readings.',
                 id='off track'),
    pytest.param(followers(baseline=800, target=1000), [850, 920, 1005], MON + timedelta(20), 'reached',
                 '목표 1,000명에 닿았습니다: 기록 3번, 최근 1,005명, 진척 102%.',
                 'The target 1,000 followers is reached: 3 readings, latest 1,005 followers, progress 102%.',
                 '마감일 예측 약 1,613명, 기록 3번 기준.',
                 'Forecast at the deadline about 1,613 followers, from 3 readings.',
                 id='reached'),
    pytest.param(followers(baseline=800, target=1000), [820, 840, 860, 870, 880, 890, 900, 910, 915, 920, 925, 930], END + timedelta(1), 'missed',
                 '마감일(2026년 3월 29일)이 지났고 목표 1,000명에 닿지 못했습니다: 기록 12번, 최근 930명, 진척 65%.',
                 'The deadline (29 March 2026) has passed without reaching 1,000 followers: 12 readings, latest 930 followers, progress 65%.',
                 '마감일이 지나 예측하지 않습니다.',
                 'Past the deadline: no forecast.',
                 id='missed'),
    pytest.param(response_time(baseline=180, target=60), [160, 140, 120, 100], MON + timedelta(27), 'on_track',
                 '기록 4번, 최근 100분, 진척 67%. 계획선이 지금까지 기대하는 33%에 견준 속도는 2입니다 (1이면 계획대로, 순항 0.9 이상, 뒤처짐 0.7 이상).',
                 '4 readings, latest 100 minutes, progress 67%. Against the 33% the plan line expects by now the pace is 2 (1 = as planned; on track from 0.9, behind from 0.7).',
                 '지금 추세가 이어지면 마감 전에 0분 한계에 닿습니다. 직선으로 계속 갈 수 없는 값이라 숫자로 예측하지 않습니다 (기록 4번 기준).',
                 'At the current trend it would run into its limit of 0 minutes before the deadline; it cannot keep falling in a straight line, so no number is forecast (from 4 readings).',
                 id='lower, on track, heading for its floor'),
    pytest.param(engagement(baseline=4.0, target=5.5), [4.1, 4.2, 4.35, 4.45], MON + timedelta(27), 'on_track',
                 '기록 4번, 최근 4.45%, 진척 30%. 계획선이 지금까지 기대하는 33%에 견준 속도는 0.9입니다 (1이면 계획대로, 순항 0.9 이상, 뒤처짐 0.7 이상).',
                 '4 readings, latest 4.45%, progress 30%. Against the 33% the plan line expects by now the pace is 0.9 (1 = as planned; on track from 0.9, behind from 0.7).',
                 '마감일 예측 약 5.37%, 기록 4번 기준.',
                 'Forecast at the deadline about 5.37%, from 4 readings.',
                 id='percent, pace exactly at on-track'),
    pytest.param(posts(baseline=1, band_low=3, band_high=5), [2, 3, 4, 4], MON + timedelta(27), 'reached',
                 '목표 3–5개에 닿았습니다: 기록 4번, 최근 4개, 진척 100%.',
                 'The target 3–5 posts is reached: 4 readings, latest 4 posts, progress 100%.',
                 '추세대로면 마감일에 범위를 벗어납니다 (약 10개, 기록 4번 기준).',
                 'At the current trend it leaves the band by the deadline (about 10 posts, from 4 readings).',
                 id='band, inside it, trend leaving it'),
]


@pytest.mark.parametrize("kpi, values, on, status, ko, en, ko_forecast, en_forecast", CASES)
def test_the_review_says_why_and_what_next_in_both_languages(kpi, values, on, status, ko, en, ko_forecast, en_forecast):
    project = plan(kpi, values)
    result = evaluate_kpi(project, kpi, on)
    assert result.status.value == status
    view_ko, view_en = view_kpi(project, kpi, Lang.KO), view_kpi(project, kpi, Lang.EN)
    assert status_reason(result, view_ko).ko == ko
    assert status_reason(result, view_en).en == en
    assert forecast_text(result, view_ko).ko == ko_forecast
    assert forecast_text(result, view_en).en == en_forecast
