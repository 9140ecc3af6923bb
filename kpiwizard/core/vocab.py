"""Display names of the core's closed vocabularies, in both languages, for combo boxes and tables."""

from __future__ import annotations

from kpiwizard.core.enums import (
    ActionStatus,
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
from kpiwizard.core.report import SEVERITY_NAMES, STATUS_NAMES  # noqa: F401  (re-exported)
from kpiwizard.core.strategy_map import PERSPECTIVE_NAMES  # noqa: F401  (re-exported)
from kpiwizard.core.text import Text, t

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
    from kpiwizard.core.catalog import load_catalog

    return load_catalog().family(family).name


def perspective_name(perspective: Perspective) -> Text:
    return PERSPECTIVE_NAMES[perspective]
