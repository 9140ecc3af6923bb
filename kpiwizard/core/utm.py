"""Campaign links (UTM) for the plan's actions, and the credit GA4 gives back to them.

The rules:

* Each action gets a link: the owner's page (``base_url``, by default the plan's
  ``business.website``) with ``utm_source`` = the action's
  channel as analytics tools spell it (``resources/platforms/utm.json``: Instagram → ``instagram``,
  네이버 블로그 → ``naver_blog``), ``utm_medium`` (``social`` unless told otherwise), ``utm_campaign``
  = the action's campaign name and, optionally, ``utm_content`` to tell two links of one action
  apart. Parameters already in the base URL are kept; ours replace any of the same name.
* The campaign name is stable and readable: ``kw`` + the action's number + the Latin words of the
  tactic (Korean tactics keep only the number), e.g. ``kw03-reels``. Renumbering actions changes
  the name, so links already printed keep crediting the action they were made for only while the
  plan's action list keeps its order; the preview lists campaigns that match no action.
* GA4 rows with the ``Session campaign`` dimension credit their sessions, key events and revenue to
  the action whose campaign name matches (case-blind), and through it to the KPI the action moves.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .enums import Lang
from .errors import UserError
from .formatting import format_money, format_number
from .korean import eun
from .models import Action, Project
from .resources import resource_path
from .text import t

if TYPE_CHECKING:
    from .aggregate import CampaignCredit, ImportPreview, Reading


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(resource_path("platforms", "utm.json").read_text(encoding="utf-8"))


def quote(word: object) -> str:
    return f"'{word}'"


def source_for(channel: str) -> str:
    """The ``utm_source`` for a channel name as the owner typed it: a known name, or one inside it
    ("당근마켓", "틱톡 라이브"; a one-letter name such as "x" only on its own)."""
    folded = unicodedata.normalize("NFKC", channel).casefold().strip()
    for source, names in _data()["sources"].items():
        if any(folded == n.casefold() or (len(n) >= 2 and n.casefold() in folded) for n in names):
            return source
    slug = re.sub(r"[^a-z0-9]+", "_", folded).strip("_")
    return slug or "social"


def campaign_name(index: int, action: Action) -> str:
    """``kw`` + the action's 1-based number + up to three Latin words of its tactic."""
    words = re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", action.tactic).casefold())
    words = [w for w in words if not w.isdigit()][:3]
    return "-".join([f"kw{index + 1:02d}", *words])


def campaign_link(
    base_url: str,
    index: int,
    action: Action,
    medium: str | None = None,
    content: str = "",
    source: str | None = None,
) -> str:
    """The action's campaign link; raises ``UserError`` for a base URL that is not a web address."""
    url = base_url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        raise UserError(t(
            f"{eun(quote(base_url))} 웹 주소가 아닙니다. https://로 시작하는 주소를 넣으세요.",
            f"'{base_url}' is not a web address. Give one starting with https://."))
    params = {
        "utm_source": source or source_for(action.channel),  # no channel: "social"
        "utm_medium": medium or _data()["default_medium"],
        "utm_campaign": campaign_name(index, action),
    }
    if content:
        params["utm_content"] = content
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params]
    query = urlencode(kept + list(params.items()))
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, parts.fragment))


NO_BASE_URL = t(
    "링크가 열 웹 주소가 없습니다. '우리 가게 웹 주소'에 홈페이지, 네이버 스마트플레이스나 인스타그램 "
    "주소를 https://로 시작하게 넣으세요.",
    "There is no web address for the links to open. Fill in 'Your web address' with your website, "
    "Naver Smart Place or Instagram address, starting with https://.")


def base_url_of(project: Project, base_url: str | None = None) -> str:
    """The page the links open: ``base_url`` if given, else the plan's ``business.website``;
    raises ``UserError`` (saying what to fill in) when neither is there."""
    url = (base_url if base_url is not None else project.business.website).strip()
    if not url:
        raise UserError(NO_BASE_URL)
    return url


def action_link(project: Project, index: int, base_url: str | None = None, medium: str | None = None) -> str:
    """The campaign link of the plan's action number ``index`` (0-based), on the plan's web address
    unless ``base_url`` is given."""
    return campaign_link(base_url_of(project, base_url), index, project.actions[index], medium)


def campaign_links(
    project: Project, base_url: str | None = None, medium: str | None = None
) -> list[tuple[int, Action, str]]:
    """One link per action; ``base_url`` defaults to the plan's ``business.website``."""
    url = base_url_of(project, base_url)
    return [(i, a, campaign_link(url, i, a, medium)) for i, a in enumerate(project.actions)]


def match_action(project: Project, campaign: str) -> int | None:
    """Index of the action a GA4 campaign value belongs to, or None."""
    folded = campaign.strip().casefold()
    m = re.match(r"^kw(\d{2,4})(?:-|$)", folded)
    if not m:
        return None
    index = int(m.group(1)) - 1
    if 0 <= index < len(project.actions) and folded == campaign_name(index, project.actions[index]):
        return index
    if 0 <= index < len(project.actions) and folded == f"kw{index + 1:02d}":
        return index
    return None


def credit_campaigns(project: Project, readings: list[Reading]) -> tuple[list[CampaignCredit], list[str]]:
    """Sum GA4 campaign readings per action: (credits in action order, campaign values matching none)."""
    from .aggregate import CampaignCredit, later

    totals: dict[int, dict[str, float]] = {}
    names: dict[int, str] = {}
    unmatched: set[str] = set()
    best: dict[tuple, Reading] = {}
    for r in readings:  # the same row in two downloads counts once: the later download
        if r.identity not in best or later(r, best[r.identity]):
            best[r.identity] = r
    for r in best.values():
        index = match_action(project, r.campaign)
        if index is None:
            unmatched.add(r.campaign)
            continue
        names[index] = campaign_name(index, project.actions[index])
        bucket = totals.setdefault(index, {"sessions": 0.0, "key_events": 0.0, "revenue": 0.0})
        for metric in bucket:
            if r.metric == f"campaign_{metric}":
                bucket[metric] += r.value
    credits = [
        CampaignCredit(i, names[i], project.actions[i].kpi, b["sessions"], b["key_events"], b["revenue"])
        for i, b in sorted(totals.items())
    ]
    return credits, sorted(u for u in unmatched if u.strip())


# The campaign credit as a table (the app's import preview): one row per action, then one per KPI.
CAMPAIGN_TITLE = t("캠페인 링크 성과", "Campaign links")
CAMPAIGN_COLUMNS = (t("실행", "Action"), t("캠페인", "Campaign"), t("방문 (세션)", "Sessions"),
                    t("주요 이벤트", "Key events"), t("매출", "Revenue"))
CAMPAIGN_HELP = t(
    "구글 애널리틱스 파일에서 캠페인 링크 (UTM)로 들어온 방문, 주요 이벤트(예약·구매 같은 중요한 행동)와 "
    "매출을 그 링크를 만든 실행과, 그 실행이 움직이는 KPI별 합계로 보여 줍니다.",
    "Visits (sessions), key events (bookings, purchases and other actions that matter) and revenue that came "
    "through each action's campaign link (UTM) in the GA4 file, and their total per KPI the actions move.")
NO_ACTION_MATCH = t("계획의 활동과 맞지 않는 캠페인: ", "Campaigns matching no action: ")
SHORT_WIDTH = 30  # columns of a tactic shown in the table (a Hangul syllable takes two); the tooltip has it all


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def shorten(text: str, width: int = SHORT_WIDTH) -> str:
    """``text`` on one line, cut to ``width`` columns (Hangul and other wide letters count two) and
    ending in '…' when cut, at a space if one is in the second half."""
    text = " ".join(text.split())
    if sum(_width(ch) for ch in text) <= width:
        return text
    cut, used = "", 0
    for ch in text:
        if used + _width(ch) > width - 1:  # room for the '…'
            break
        cut += ch
        used += _width(ch)
    space = cut.rfind(" ")
    if space >= len(cut) // 2:
        cut = cut[:space]
    return cut.rstrip(" ,·(") + "…"


@dataclass(frozen=True)
class CampaignRow:
    """One line of the campaign table, every cell already worded and formatted."""

    label: str  # "1. 평일 오후 디저트 세트 쿠폰…" or "→ SNS 매출"
    full: str  # the whole tactic (or KPI name) for the tooltip
    campaign: str  # the campaign name, or "합계"/"Total" on a KPI's line
    sessions: str
    key_events: str
    revenue: str  # in the plan's currency
    total: bool = False


def campaign_rows(project: Project, preview: ImportPreview, kpi_names: dict[str, str],
                  lang: Lang | str) -> list[CampaignRow]:
    """The preview's campaign credit per action (in action order), then the totals per KPI.

    ``kpi_names``: KPI id -> name in ``lang`` (a KPI missing there is shown by its id).
    """
    currency = project.business.currency
    rows = []
    for c in preview.campaigns:
        tactic = project.actions[c.action_index].tactic if c.action_index < len(project.actions) else ""
        number = f"{c.action_index + 1}. "
        rows.append(CampaignRow(number + shorten(tactic), number + tactic, c.campaign, format_number(c.sessions),
                                format_number(c.key_events), format_money(c.revenue, currency)))
    for kpi_id, (sessions, key_events, revenue) in preview.campaign_totals_by_kpi().items():
        name = kpi_names.get(kpi_id, kpi_id)
        rows.append(CampaignRow("→ " + shorten(name), name, t("합계", "Total").get(lang), format_number(sessions),
                                format_number(key_events), format_money(revenue, currency), total=True))
    return rows


def unmatched_line(campaigns: list[str], lang: Lang | str, limit: int = 20) -> str:
    """'계획의 활동과 맞지 않는 캠페인: a, b' (the first ``limit``, then how many more: '외 5개' /
    'and 5 more'), or "" when every campaign matched."""
    if not campaigns:
        return ""
    line = NO_ACTION_MATCH.get(lang) + ", ".join(campaigns[:limit])
    more = len(campaigns) - limit
    if more > 0:
        line += f" 외 {more}개" if Lang(lang) is Lang.KO else f" and {more} more"
    return line
