"""The Hacker News "Who is hiring?" conventions, as pure functions.

Top-level comments start with a header line by convention::

    Company | Role | Location | Remote/Onsite | Salary | ...

``parse_header`` reads such a line into fields; ``hn_item_to_raw`` turns an
HN item (Firebase/Algolia shape) or a corpus row into a ``RawPosting``.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from typing import Any

from mljobs.models import RawPosting
from mljobs.normalize import html_to_text

HN_ITEM_URL = "https://news.ycombinator.com/item?id={id}"

_SPLIT = re.compile(r"\s+[|•·]\s+|\s*\|\s*")
_REMOTE = re.compile(r"\b(remote|hybrid|on-?site|in[- ]office|wfh|work from home)\b", re.IGNORECASE)
_SALARY = re.compile(
    r"([$€£]\s?\d[\d,.]*\s?[kKmM]?)|(\d[\d,.]*\s?[kK]\s?(?:USD|EUR|GBP|CHF|CAD)?)"
    r"|\b(USD|EUR|GBP|CHF|CAD)\b|\bequity\b|\bsalary\b",
    re.IGNORECASE,
)
_EMPLOYMENT = re.compile(
    r"\b(full[- ]?time|part[- ]?time|contract(?:or)?|intern(?:ship)?|freelance|permanent)\b", re.IGNORECASE
)
_ROLE_WORDS = re.compile(
    r"\b(engineer(?:s|ing)?|developers?|scientists?|researchers?|designers?|managers?|leads?|"
    r"architects?|analysts?|head|directors?|founding|interns?|sres?|devops|administrators?|"
    r"specialists?|consultants?|positions?|roles?|staff|principal|cto|vp|recruiters?|writers?|"
    r"product|marketing|sales|operations|technicians?|physicists?|mathematicians?|quants?|"
    r"accountants?|machine learning|backend|frontend|full[- ]?stack|security)\b",
    re.IGNORECASE,
)
# A header segment about the offer or the company, not a place: perks, funding, eligibility.
_NOT_PLACE = re.compile(
    r"\b(visa|sponsorship|relocation|equity|benefits|series [a-f]|funding|funded|seed|"
    r"citizenship|citizens?|clearance|yc|y combinator|saas|b2b|b2c)\b",
    re.IGNORECASE,
)
# What a remote segment holds besides a place ("Remote (US)", "NYC area (hybrid)").
_REMOTE_ONLY = re.compile(
    r"^[\s()\[\],/&+.:;-]*(?:(?:remote|hybrid|on-?site|in[- ]office|wfh|work from home|only|"
    r"friendly|ok|possible|first|full[- ]?time|part[- ]?time|part|all|fully|partially|mostly|100%)"
    r"[\s()\[\],/&+.:;-]*)*$",
    re.IGNORECASE,
)
# An eligibility segment ("Security clearance required", "US citizens only"): "security" there
# names the clearance, not a security role.
_ELIGIBILITY = re.compile(r"\b(?:clearance|citizens?(?:hip)?|sponsorship|visas?)\b", re.IGNORECASE)
_URLISH = re.compile(r"^(https?://|www\.)|\.(com|io|ai|org|dev|co|net)(/\S*)?$", re.IGNORECASE)


def _classify(part: str) -> str:
    if _URLISH.search(part):
        return "url"
    if _SALARY.search(part) and re.search(r"\d", part):
        return "salary"
    if _EMPLOYMENT.fullmatch(part.strip()) or (
        _EMPLOYMENT.search(part) and len(part) < 30 and not _ROLE_WORDS.search(part)
    ):
        return "employment"
    if _REMOTE.search(part) and len(part) < 25 and not _ROLE_WORDS.search(part):
        # "Remote" alone says how; "Remote (US)" and "NYC area (hybrid)" also say where
        return "remote" if _REMOTE_ONLY.match(part) else "remote-location"
    if _ROLE_WORDS.search(part):
        if _ELIGIBILITY.search(part) and {w.lower() for w in _ROLE_WORDS.findall(part)} == {"security"}:
            return "other"
        return "role"
    if _NOT_PLACE.search(part):
        return "other"
    return "location"


def parse_header(line: str) -> dict[str, Any]:
    """Read a ``Company | Role | Location | ...`` header into fields.

    Returns a dict with ``company``, ``roles`` (list), ``locations`` (list),
    ``remote`` (str or None), ``employment_type``, ``salary_text``, ``url``;
    fields that are absent are None or empty.
    """
    parts = [p.strip() for p in _SPLIT.split(line.strip()) if p.strip()]
    out: dict[str, Any] = {
        "company": None, "roles": [], "locations": [], "remote": None,
        "employment_type": None, "salary_text": None, "url": None,
    }
    if not parts:
        return out
    if len(parts) == 1:
        out["company"] = None
        return out
    out["company"] = re.sub(r"\s*\(.*?\)\s*$", "", parts[0]).strip() or parts[0]
    for part in parts[1:]:
        kind = _classify(part)
        if kind == "role":
            out["roles"].append(part)
        elif kind == "salary" and out["salary_text"] is None:
            out["salary_text"] = part
        elif kind == "employment" and out["employment_type"] is None:
            out["employment_type"] = part
        elif kind == "url" and out["url"] is None:
            out["url"] = part
        elif kind in ("location", "remote-location"):
            out["locations"].append(part)
        if kind in ("remote", "remote-location", "location", "role"):
            remote = _REMOTE.search(part)
            if remote and out["remote"] is None:
                word = remote.group(1).lower()
                out["remote"] = (
                    "remote" if word in ("remote", "wfh", "work from home")
                    else "hybrid" if word == "hybrid" else "onsite"
                )
    return out


def first_line(text: str) -> str:
    """The first non-empty line of a plain-text post."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def hn_item_to_raw(item: dict[str, Any], *, thread_id: int | None = None) -> RawPosting | None:
    """An HN comment (``id``, ``text`` HTML, ``time``, ...) as a RawPosting; None if empty.

    Deleted or dead items and comments without text give None.
    """
    if item.get("deleted") or item.get("dead"):
        return None
    html_text = item.get("text") or item.get("comment_text") or ""
    if not html_text.strip():
        return None
    item_id = str(item.get("id") or item.get("objectID") or "").strip()
    if not item_id:
        return None
    text = html_to_text(html_text)
    header = first_line(text)
    fields = parse_header(header)
    posted = item.get("time") or item.get("created_at_i")
    posted_at = datetime.fromtimestamp(int(posted), UTC) if posted else None
    title = header[:300] or f"Hacker News post {item_id}"
    extra: dict[str, Any] = {"roles": fields["roles"], "author": item.get("by")}
    if fields["salary_text"]:
        extra["salary_text"] = fields["salary_text"]
    parent = thread_id or item.get("parent") or item.get("story_id")
    if parent:
        extra["thread_id"] = int(parent)
    return RawPosting(
        source="hackernews",
        source_id=item_id,
        title=html.unescape(title),
        company=fields["company"],
        url=HN_ITEM_URL.format(id=item_id),
        locations=fields["locations"],
        remote=fields["remote"],
        employment_type=fields["employment_type"],
        posted_at=posted_at,
        description_html=html_text,
        description_text=text,
        extra=extra,
    )
