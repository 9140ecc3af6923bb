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
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .errors import UserError
from .korean import eun
from .models import Action, Project
from .resources import resource_path
from .text import t

if TYPE_CHECKING:
    from .aggregate import CampaignCredit, Reading


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(resource_path("platforms", "utm.json").read_text(encoding="utf-8"))


def quote(word: object) -> str:
    return f"'{word}'"


def source_for(channel: str) -> str:
    """The ``utm_source`` for a channel name as the owner typed it."""
    folded = unicodedata.normalize("NFKC", channel).casefold().strip()
    for source, names in _data()["sources"].items():
        if any(folded == n.casefold() or (len(n) > 2 and n.casefold() in folded) for n in names):
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
        "utm_source": source or source_for(action.channel or "social"),
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
