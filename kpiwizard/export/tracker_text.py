"""Every word the tracker workbook shows, in Korean and English.

Sheet names live here too: the importer finds the sheets by these names, so export and import
must read them from one place.
"""

from __future__ import annotations

from kpiwizard.core.enums import (
    Frequency,
)
from kpiwizard.core.text import t

SHEETS = {
    "guide": t("안내", "Guide"),
    "dashboard": t("대시보드", "Dashboard"),
    "charts": t("차트", "Charts"),
    "actions": t("실행 계획", "Actions"),
    "roi": t("ROI", "ROI"),
    "definitions": t("KPI 정의", "KPI definitions"),
    "chart_data": t("차트 데이터", "Chart data"),
    "lists": t("목록", "Lists"),
}
ACTUALS_SHEETS = {
    Frequency.WEEKLY: t("실적(주간)", "Actuals (weekly)"),
    Frequency.MONTHLY: t("실적(월간)", "Actuals (monthly)"),
}


DASHBOARD_HEADERS = [
    t("KPI", "KPI"), t("단위", "Unit"), t("방향", "Direction"), t("주기", "Frequency"),
    t("기준값", "Baseline"), t("목표", "Target"), t("범위 하한", "Band low"),
    t("범위 상한", "Band high"), t("시작일", "Start"), t("마감일", "Deadline"), t("가중치(%)", "Weight (%)"),
    t("순항 기준(속도)", "On-track pace ≥"), t("뒤처짐 기준(속도)", "Behind pace ≥"),
    t("최근 실적", "Latest actual"), t("기록일", "Measured on"), t("기록 수", "Readings"),
    t("진척률", "Progress"), t("예정 진척률", "Expected"), t("속도", "Pace"), t("다음 기록일", "Next reading due"),
    t("상태", "Status"), t("점수(0~100%)", "Score (0–100%)"),
    t("가중 점수", "Weighted score"), t("반영 가중치", "Counted weight"),
]

ACTUALS_HEADERS = [t("번호", "No."), t("기간 시작", "Period start"), t("기록일(기간 끝)", "Record on (period end)")]
ACTIONS_HEADERS = [
    t("번호", "No."), t("실행 내용", "Tactic"), t("채널", "Channel"), t("콘텐츠 유형", "Content type"),
    t("관련 KPI", "KPI"), t("담당자", "Owner"), t("기한", "Due"), t("상태", "Status"),
]
DEFINITION_HEADERS = [
    t("KPI", "KPI"), t("정의", "Definition"), t("계산식", "Formula"), t("단위", "Unit"),
    t("데이터 출처", "Source"), t("방향", "Direction"), t("선행/후행", "Leading/lagging"),
    t("관점", "Perspective"), t("주기", "Frequency"), t("담당자", "Owner"), t("메모", "Note"),
]

ROI_INPUTS = [  # (defined name, label, kind) in sheet order; kind picks format and validation
    ("roi_ad_spend", t("광고비", "Ad spend"), "money"),
    ("roi_tools", t("도구·구독료", "Tools and subscriptions"), "money"),
    ("roi_hours", t("투입 시간(시간)", "Hours spent"), "number"),
    ("roi_hourly_rate", t("시간당 인건비", "Hourly labour cost"), "money"),
    ("roi_revenue", t("소셜미디어로 생긴 매출", "Revenue from social media"), "money"),
    ("roi_leads", t("리드 수", "Leads"), "count"),
    ("roi_customers", t("고객 수", "Customers"), "count"),
    ("roi_average_order", t("평균 주문 금액", "Average order value"), "money"),
    ("roi_purchases_per_year", t("연간 구매 횟수", "Purchases per year"), "number"),
    ("roi_customer_years", t("고객 유지 기간(년)", "Customer lifetime (years)"), "number"),
    ("roi_gross_margin", t("매출총이익률(매출에서 재료비 등을 뺀 비율)", "Gross margin (share of revenue kept after the cost of each sale)"), "rate"),
]
FUNNEL_INPUTS = [
    ("funnel_revenue_target", t("목표 매출", "Revenue target"), "money"),
    ("funnel_click_rate", t("도달 대비 클릭률", "Clicks per person reached"), "rate"),
    ("funnel_lead_rate", t("클릭 대비 리드 전환율", "Leads per click"), "rate"),
    ("funnel_close_rate", t("리드 대비 구매 전환율", "Customers per lead"), "rate"),
]
ROI_OUTPUTS = [
    ("roi_labour_cost", t("인건비", "Labour cost"), "money"),
    ("roi_total_cost", t("총비용", "Total cost"), "money"),
    ("roi_gross_profit", t("매출총이익(매출 × 매출총이익률)", "Gross profit (revenue × gross margin)"), "money"),
    ("roi_net_return", t("순이익(매출총이익 − 총비용)", "Net return (gross profit − total cost)"), "money"),
    ("roi_percent", t("ROI(%, 이익 기준)", "ROI (%, on gross profit)"), "percent100"),
    ("roi_revenue_to_ad_spend", t("광고비 대비 SNS 매출(%)", "Social revenue ÷ ad spend (%)"), "percent100"),
    ("roi_cost_per_lead", t("리드당 총비용", "Total cost per lead"), "money"),
    ("roi_cpa", t("고객당 총비용", "Total cost per customer"), "money"),
    ("roi_ltv", t("고객 생애 이익(LTV, 이익 기준)", "Customer lifetime value (LTV, on gross profit)"), "money"),
    ("roi_ltv_to_cac", t("LTV ÷ 고객당 총비용", "LTV ÷ total cost per customer"), "ratio"),
]
FUNNEL_OUTPUTS = [
    ("funnel_customers", t("필요한 고객 수", "Customers needed")),
    ("funnel_leads", t("필요한 리드 수", "Leads needed")),
    ("funnel_clicks", t("필요한 클릭 수", "Clicks needed")),
    ("funnel_reach", t("필요한 도달 수", "Reach needed")),
]

GUIDE_STEPS = [
    t("1. 기록일(기간 끝)이 되면 해당 실적 시트의 노란 칸에 이번 기간 숫자를 적습니다. 빈 칸은 '아직 기록 없음'입니다.",
      "1. On each record date (the period's end), type the period's number into the yellow cells of the actuals sheet. A blank cell means 'not recorded yet'."),
    t("2. 숫자만 적으세요. 단위가 %인 KPI는 4.5%처럼 %를 붙여 적습니다(0%~100%). 수식이나 글자는 가져오기에서 거부됩니다.",
      "2. Type numbers only. For a KPI measured in %, type the % sign too, e.g. 4.5% (0% to 100%). Formulas and text are refused when importing."),
    t("3. 대시보드가 오늘 날짜를 기준으로 최근 실적, 진척률, 예정 대비 속도, 상태와 종합 점수를 자동으로 계산합니다.",
      "3. The dashboard computes, as of today, the latest actual, progress, pace against the plan, the status and the overall score by itself."),
    t("4. 실행 계획 시트에서 각 실행 항목의 상태를 목록에서 고르고, ROI 시트의 노란 칸에 비용과 매출을 적으세요. 노란 칸은 모두 가져오기로 계획에 반영되고, 나머지 칸은 잠겨 있습니다.",
      "4. On the Actions sheet, pick each action's status from the list; type costs and revenue into the yellow cells of the ROI sheet. Every yellow cell is imported into the plan; all other cells are locked."),
    t("5. 뒤처지거나 이대로면 미달인 KPI는 목표 재설정, 대안 KPI 채택, 전략 조정 중 하나를 고르세요.",
      "5. For a KPI behind or off track, choose: reset the goal, adopt an alternative KPI, or readjust the strategy."),
    t("6. 시트 이름을 바꾸거나 열·행을 옮기지 마세요. KPI 마법사의 '실적 가져오기'(kpiwizard import-actuals)가 이 파일의 노란 칸을 계획에 다시 읽어 들입니다.",
      "6. Do not rename sheets or move rows and columns: KPI Wizard's 'Import actuals' (kpiwizard import-actuals) reads this file's yellow cells back into the plan."),
    t("7. Gnumeric에서는 파일을 연 뒤 F9(다시 계산)를 누르세요. 누르기 전에는 내보낸 날 기준의 상태가 보입니다.",
      "7. In Gnumeric, press F9 (recalculate) after opening the file; until then it shows the statuses as of the export day."),
]
STATUS_HELP = [
    t("상태는 오늘(판단 기준일) 기준이며, 아래에서 먼저 맞는 것 하나입니다.",
      "The status is judged as of today (the review date); the first rule below that applies gives it."),
    t("기록 없음: 아직 이번 주기의 기록이 없거나, 기준값·목표가 없음", "no data: no reading in this cycle yet, or no baseline or target"),
    t("달성 / 미달: 마감일이 지난 뒤의 최종 판단(목표에 닿았는지). 미달은 마감일이 지난 뒤에만 나옵니다.",
      "reached / missed: the final verdict once the deadline has passed. 'Missed' only appears after the deadline."),
    t("기록 늦음: 최근 기록 다음 기간이 끝났는데도 기록이 없음", "reading overdue: the period after the latest reading has ended without a reading"),
    t("달성: 마감 전에 목표에 닿음", "reached: the target is reached before the deadline"),
    t("아직 판단하기 이름: 기록이 3번 미만(기간의 25%가 지났으면 2번 미만)", "too early to tell: fewer than 3 readings (fewer than 2 once a quarter of the time has passed)"),
    t("순항 / 뒤처짐 / 이대로면 미달: 속도(진척률 ÷ 예정 진척률, 소수 6자리로 반올림)가 순항 기준 이상 / 뒤처짐 기준 이상 / 그 아래",
      "on track / behind / off track: pace (progress ÷ expected, rounded to 6 decimals) at least the on-track threshold / at least the behind threshold / below it"),
    t("진척률 = (실적 − 기준값) ÷ (목표 − 기준값). 낮을수록 좋은 KPI도 같은 식이고, 범위 KPI는 범위까지 남은 거리로 계산합니다.",
      "progress = (actual − baseline) ÷ (target − baseline); the same for lower-is-better KPIs; range KPIs use the distance to the band."),
]
