"""Display names of the closed vocabularies, in both languages.

The app, the PDF and the tracker all name a direction, a status or a content type with these same
words, so an owner reads one vocabulary wherever a plan shows up.
"""

from __future__ import annotations

from .enums import (
    ActionStatus,
    Lang,
    Severity,
    Status,
    ContentType,
    Direction,
    Family,
    Frequency,
    Indicator,
    Perspective,
    SocialGoal,
    Source,
    StrategicObjective,
)
from .text import Text, t

STATUS_NAMES: dict[Status, Text] = {
    Status.NO_DATA: t("기록 없음", "no data"),
    Status.TOO_EARLY: t("아직 판단하기 이름", "too early to tell"),
    Status.STALE: t("기록 늦음", "reading overdue"),
    Status.ON_TRACK: t("순항", "on track"),
    Status.BEHIND: t("뒤처짐", "behind"),
    Status.OFF_TRACK: t("이대로면 미달", "off track"),
    Status.REACHED: t("달성", "reached"),
    Status.MISSED: t("미달", "missed"),
}
SEVERITY_NAMES: dict[Severity, Text] = {
    Severity.ERROR: t("오류", "error"),
    Severity.WARNING: t("경고", "warning"),
    Severity.INFO: t("참고", "note"),
}
PERSPECTIVE_NAMES: dict[Perspective, Text] = {
    Perspective.FINANCIAL: t("재무·이해관계자", "Financial / stakeholders"),
    Perspective.CUSTOMER: t("고객", "Customer"),
    Perspective.INTERNAL: t("내부 프로세스", "Internal processes"),
    Perspective.LEARNING: t("학습과 성장", "Learning and growth"),
}
LANGUAGE_NAMES: dict[Lang, Text] = {Lang.KO: t("한국어", "Korean"), Lang.EN: t("영어", "English")}

DIRECTION_NAMES: dict[Direction, Text] = {
    Direction.HIGHER: t("높을수록 좋음", "Higher is better"),
    Direction.LOWER: t("낮을수록 좋음", "Lower is better"),
    Direction.RANGE: t("범위 안에 유지", "Keep within a band"),
}
FREQUENCY_NAMES: dict[Frequency, Text] = {
    Frequency.WEEKLY: t("매주", "Weekly"),
    Frequency.MONTHLY: t("매월", "Monthly"),
}
INDICATOR_NAMES: dict[Indicator, Text] = {
    Indicator.LEADING: t("선행 지표", "Leading"),
    Indicator.LAGGING: t("후행 지표", "Lagging"),
}
GOAL_NAMES: dict[SocialGoal, Text] = {
    SocialGoal.AWARENESS: t("브랜드 인지도", "Brand awareness"),
    SocialGoal.ENGAGEMENT: t("참여", "Engagement"),
    SocialGoal.CUSTOMER_SERVICE: t("고객 서비스", "Customer service"),
    SocialGoal.LEADS_SALES: t("리드 및 판매", "Leads and sales"),
}
OBJECTIVE_NAMES: dict[StrategicObjective, Text] = {
    StrategicObjective.FOCUS: t("집중", "Focus"),
    StrategicObjective.SWITCH: t("스위치", "Switch"),
    StrategicObjective.UPSELL: t("상향판매·교차판매", "Upsell / cross-sell"),
    StrategicObjective.NURTURE: t("육성", "Nurture"),
}
SOURCE_NAMES: dict[Source, Text] = {
    Source.PLATFORM: t("플랫폼 인사이트", "Platform insights"),
    Source.WEB_ANALYTICS: t("웹 분석 도구", "Web analytics"),
    Source.CRM: t("고객 관리(CRM)", "CRM"),
    Source.INTERNAL: t("내부 기록", "Internal records"),
    Source.MANUAL: t("통계 화면에서 직접 옮겨 적기", "Copied by hand from the statistics screen"),
}
CONTENT_NAMES: dict[ContentType, Text] = {
    ContentType.PRODUCT_INFO: t("제품 정보", "Product information"),
    ContentType.PROMOTION: t("프로모션", "Promotion"),
    ContentType.USEFUL: t("유용한 정보", "Useful tips"),
    ContentType.ENTERTAINING: t("재미있는 콘텐츠", "Entertaining"),
    ContentType.LIFESTYLE: t("라이프스타일", "Lifestyle"),
}
ACTION_STATUS_NAMES: dict[ActionStatus, Text] = {
    ActionStatus.PLANNED: t("계획", "Planned"),
    ActionStatus.IN_PROGRESS: t("진행 중", "In progress"),
    ActionStatus.DONE: t("완료", "Done"),
    ActionStatus.DROPPED: t("중단", "Dropped"),
}


def family_name(family: Family) -> Text:
    from .catalog import load_catalog

    return load_catalog().family(family).name

# The ROI page's figures. One meaning per name: the catalog's "리드당 비용" (cost per lead) is ad
# spend ÷ leads from ads; the ROI page divides the *total* cost (ads, tools, people's hours), so its
# figures carry "총비용" (total cost) in their names. ROI and LTV are on gross profit (core/roi.py).
ROI_NAMES: dict[str, Text] = {
    "gross_margin": t("매출총이익률", "Gross margin"),
    "gross_profit": t("매출총이익", "Gross profit"),
    "net_return": t("순이익", "Net return"),
    "roi_percent": t("ROI(이익 기준)", "ROI (on gross profit)"),
    "revenue_to_ad_spend": t("광고비 대비 SNS 매출", "Social revenue ÷ ad spend"),
    "total_cost_per_lead": t("리드당 총비용", "Total cost per lead"),
    "total_cost_per_customer": t("고객당 총비용", "Total cost per customer"),
    "ltv": t("고객 생애 가치(LTV, 이익 기준)", "Customer lifetime value (LTV, on gross profit)"),
    "ltv_to_cost": t("LTV ÷ 고객당 총비용", "LTV ÷ total cost per customer"),
}
