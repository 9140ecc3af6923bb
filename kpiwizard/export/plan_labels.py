"""Every fixed word the PDF plan prints, in Korean and English, kept apart from the layout code."""

from __future__ import annotations

from kpiwizard.core.enums import (
    Indicator,
    Severity,
    Source,
    StrategicObjective,
)
from kpiwizard.core.text import t

SECTIONS = {
    "cover": t("표지", "Cover"),
    "summary": t("한눈에 보는 계획", "Plan at a glance"),
    "kpi_table": t("KPI 목표표", "KPI targets"),
    "kpi_cards": t("KPI 정의", "KPI definitions"),
    "map": t("전략 지도", "Strategy map"),
    "trajectories": t("목표 궤적과 현황", "Trajectories and status"),
    "values": t("기록된 값", "Recorded values"),
    "actions": t("실행 계획", "Action plan"),
    "roi": t("투자 수익(ROI)", "Return on investment (ROI)"),
    "calendar": t("점검 일정", "Review calendar"),
    "notes": t("메모", "Notes"),
}

OBJECTIVES = {
    StrategicObjective.FOCUS: t("집중: 핵심 상품을 알린다", "Focus: make the core offer known"),
    StrategicObjective.SWITCH: t("스위치: 경쟁사 고객을 데려온다", "Switch: win customers from competitors"),
    StrategicObjective.UPSELL: t("상향·교차 판매: 기존 고객이 더 산다", "Upsell / cross-sell: existing customers buy more"),
    StrategicObjective.NURTURE: t("육성: 고객을 프리미엄으로 이끈다", "Nurture: move customers to the premium line"),
}
INDICATOR_MEANING = {
    Indicator.LEADING: t("선행 지표: 결과를 미리 움직이는 동인입니다.", "Leading indicator: a driver that moves before the result."),
    Indicator.LAGGING: t("후행 지표: 이미 일어난 결과를 기록합니다.", "Lagging indicator: records a result that has happened."),
}
SOURCES = {
    Source.PLATFORM: t("플랫폼 인사이트(각 SNS의 통계 화면)", "Platform insights (each network's own statistics)"),
    Source.WEB_ANALYTICS: t("웹 분석 도구(UTM 코드를 붙인 링크)", "Web analytics (links tagged with UTM codes)"),
    Source.CRM: t("CRM·고객 명부의 유입 경로", "CRM / customer records, lead source"),
    Source.INTERNAL: t("내부 기록(포스, 업무 일지, 자체 점수표)", "Internal records (till, work log, own scoring sheet)"),
    Source.MANUAL: t("통계 화면에서 직접 옮겨 적기(월간 점검에서 입력)", "Copied by hand from the statistics screen (entered at the monthly check-in)"),
}
VERDICTS = {
    None: t("통과", "passed"),
    Severity.INFO: t("통과(참고)", "passed (note)"),
    Severity.WARNING: t("경고", "warning"),
    Severity.ERROR: t("오류", "error"),
}

# What to do when a KPI is missed: the three moves, and the spike check.
MISSED_STEPS = (
    t("목표를 다시 정하고 KPI를 고칩니다: 지금 추세로 마감일에 닿을 값을 새 목표로 삼습니다.",
      "Reset the goal and revise the KPI: take the value the current trend reaches by the deadline as the new target."),
    t("대안 KPI를 씁니다: 같은 목표를 다른 쪽에서 재는 지표(예: 팔로워 증가 대신 공유 수)로 바꿉니다.",
      "Adopt an alternative KPI that measures the same goal from another side (e.g. shares instead of follower growth)."),
    t("전략을 조정합니다: 콘텐츠 구성, 게시 시간, 채널, 예산을 바꾸고 실행 계획에 적습니다.",
      "Readjust the strategy: change the content mix, posting times, channels or budget, and write it into the action plan."),
    t("반짝 오른 수치는 다음 점검에서도 유지되는지 확인한 뒤에 판단합니다.",
      "Before trusting a sudden jump, check at the next review that it lasted."),
)

