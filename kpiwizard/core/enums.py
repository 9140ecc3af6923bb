"""The closed vocabularies of the domain.

Every choice the user makes from a fixed list lives here, so the project file, the catalog, the
exporters and the GUI all spell the same values the same way.
"""

from __future__ import annotations

from enum import Enum


class StrEnum(str, Enum):
    """A string enum that serialises as its plain value in JSON."""

    def __str__(self) -> str:
        return self.value


class Lang(StrEnum):
    KO = "ko"
    EN = "en"


class SocialGoal(StrEnum):
    """Why the business is on social media (the four broad goals)."""

    AWARENESS = "awareness"
    ENGAGEMENT = "engagement"
    CUSTOMER_SERVICE = "customer_service"
    LEADS_SALES = "leads_sales"


class StrategicObjective(StrEnum):
    """The marketing strategy the social goal serves (choice and focus)."""

    FOCUS = "focus"
    SWITCH = "switch"
    UPSELL = "upsell"
    NURTURE = "nurture"


class Direction(StrEnum):
    """Which way a KPI value is better: up, down, or inside a band."""

    HIGHER = "higher"
    LOWER = "lower"
    RANGE = "range"


class KpiKind(StrEnum):
    """How a KPI's number behaves over time; decides how a period's value is formed and its limits.

    * stock: a level at a moment (followers, reviews so far): a period's value is the last reading.
    * flow: a count over the period (reach, clicks, leads, posts, revenue): a period's value is the sum.
    * rate: one flow divided by another (engagement rate, ROAS, ROI, cost per lead, response time):
      recomputed from its numerator and denominator, never averaged; its natural range is per KPI and
      may be unbounded or negative (ROI).
    * share: a part of a whole, 0-100 % (response rate, bounce rate, share of voice).
    """

    STOCK = "stock"
    FLOW = "flow"
    RATE = "rate"
    SHARE = "share"


class Frequency(StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"


class Indicator(StrEnum):
    """Leading indicators drive results; lagging ones record them."""

    LEADING = "leading"
    LAGGING = "lagging"


class Perspective(StrEnum):
    """The four balanced-scorecard perspectives, top (results) to bottom (capabilities)."""

    FINANCIAL = "financial"
    CUSTOMER = "customer"
    INTERNAL = "internal"
    LEARNING = "learning"


class Family(StrEnum):
    """The nine KPI families of the catalog."""

    ENGAGEMENT = "engagement"
    INTERNAL = "internal"
    POPULARITY = "popularity"
    DEMOGRAPHICS = "demographics"
    INBOUND_TRAFFIC = "inbound_traffic"
    CONVERSION = "conversion"
    PAID = "paid"
    TRAFFIC = "traffic"
    AVERAGE = "average"


class Source(StrEnum):
    """Where the owner reads the number."""

    PLATFORM = "platform"
    WEB_ANALYTICS = "web_analytics"
    CRM = "crm"
    INTERNAL = "internal"
    # No download exists (Naver Place, Kakao Channel, Daangn...): read off the platform's statistics
    # screen by hand; the monthly check-in asks for these numbers.
    MANUAL = "manual"


class ContentType(StrEnum):
    PRODUCT_INFO = "product_info"
    PROMOTION = "promotion"
    USEFUL = "useful"
    ENTERTAINING = "entertaining"
    LIFESTYLE = "lifestyle"


class ActionStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class SmartLetter(StrEnum):
    S = "S"
    M = "M"
    A = "A"
    R = "R"
    T = "T"


class Status(StrEnum):
    """Where a KPI stands on a review date (rules: core/progress.py, figures: resources/advice).

    Only a passed deadline gives a final verdict (reached or missed); before it a KPI is too early to
    tell, on track, behind, off track (at this pace it ends short), or overdue for a reading.
    """

    NO_DATA = "no_data"  # no reading yet (or no baseline/target to judge against)
    TOO_EARLY = "too_early"  # readings so far are too few to judge a trend
    STALE = "stale"  # nobody recorded a reading for longer than its frequency allows
    ON_TRACK = "on_track"
    BEHIND = "behind"  # below the on-track pace, above the at-risk one
    OFF_TRACK = "off_track"  # below the at-risk pace: as things go, it ends short of the target
    REACHED = "reached"
    MISSED = "missed"  # the deadline passed without reaching the target


class BusinessSize(StrEnum):
    SOLO = "solo"
    MICRO = "micro"  # 2-9 people
    SMALL = "small"  # 10-49
    MEDIUM = "medium"  # 50+
