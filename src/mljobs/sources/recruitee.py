"""Recruitee careers sites: ``GET https://{company}.recruitee.com/api/offers/``.

Recruitee's Careers Site API (public, no key) answers one company's published offers in one
response (``{"offers": [...]}``), each with its ``description`` and ``requirements`` (HTML),
``company_name``, place, work mode (``remote``, ``hybrid``, ``on_site``) and, where the
company publishes it, ``salary`` (``min``, ``max`` as text, ``period``, ``currency``).
Posting ids are ``recruitee:<company>:<offer id>``. The API lives under each company's own
host, so ``base_url`` is a template with ``{board}`` where the company's name goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

from mljobs.errors import ConfigError
from mljobs.http import HttpClient
from mljobs.models import Document, RawPosting, Salary, SalaryInterval
from mljobs.sources.base import BoardSource, Window, job_id, parse_iso, pay_figure

_PERIODS = {"year": "year", "annual": "year", "month": "month", "week": "week", "day": "day",
            "hour": "hour"}
BOARD = "{board}"
# a company's name: the first label of its host, NAME.recruitee.com (a name with a dot, a
# space or a bracket is no host's: "acme.eu" was fetched, and its offers, read back from an
# address that did not give the name, stored under "recruitee:unknown:"); a host's label is
# at most 63 characters, no hyphen first or last (a longer one was taken, and its sync said
# only "unexpected UnicodeError: encoding with 'idna' codec failed")
_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


@dataclass
class Recruitee(BoardSource):
    """Public Recruitee careers sites.

    Args:
        boards: company names (``<name>.recruitee.com``).
        base_url: where a company's API is, ``{board}`` standing for its name; tests point
            it at 127.0.0.1.
    """

    name: ClassVar[str] = "recruitee"
    not_found: ClassVar[str] = (
        "is the company's name right? It is the first part of its careers site's address, "
        "NAME.recruitee.com")
    base_url: str = "https://{board}.recruitee.com"

    def check(self) -> None:
        """A company given as its careers site's address (the base check's hint takes the
        end of an address, where Recruitee's name is its start), the base checks, and a
        ``base_url`` that says where the company's name goes."""
        for board in self.boards:
            try:
                host = urlsplit(board if "//" in board else f"//{board}").hostname or ""
            except ValueError:  # ("acme[": no address either; said below)
                host = ""
            if host.endswith(".recruitee.com"):
                raise ConfigError(f"boards: {board!r} is not a company name; give the first "
                                  "part of its careers site's address: for "
                                  f"{board} that is boards = [\"{host.split('.')[0]}\"]")
            if board.strip() and not _NAME.fullmatch(board):  # (a blank one: the base check)
                raise ConfigError(f"boards: {board!r} is not a company name; give the first "
                                  "part of its Recruitee address, NAME.recruitee.com (letters, "
                                  "digits and hyphens, at most 63, no hyphen first or last), "
                                  "even for a careers site on the company's own domain")
        super().check()
        if BOARD not in self.base_url:
            raise ConfigError(f"base_url: {self.base_url!r} has no {BOARD}; write where the "
                              "company's name goes, e.g. base_url = "
                              '"https://{board}.recruitee.com"')
        if "?" in self.base_url or "#" in self.base_url:
            raise ConfigError(f"base_url: {self.base_url!r} has a query or fragment, which "
                              "would stand before the offers' path; write the address up to "
                              "the company's site, e.g. base_url = "
                              '"https://{board}.recruitee.com"')

    def units(self, window: Window) -> list[str]:
        """One unit per company (a host name: its case does not matter)."""
        return list(dict.fromkeys(board.lower() for board in self.boards))

    def fetch_unit(self, http: HttpClient, unit: str) -> Iterator[Document]:
        """The company's published offers."""
        yield self.document(self.get(http, f"{self._root(unit)}/api/offers/"))

    def parse(self, doc: Document) -> Iterator[RawPosting]:
        """One posting per offer."""
        data = self.load_listing(doc, "offers")
        board = self._board_of(doc.ref)
        listed = [dict(offer, id=_offer_id(offer.get("id")), title=_text(offer.get("title")))
                  if isinstance(offer, dict) else offer for offer in data["offers"]]
        for offer in self.readable(doc, listed, "title"):
            yield self._offer(offer, board)

    def _root(self, board: str) -> str:
        return self.base_url.replace(BOARD, board).rstrip("/")

    def _board_of(self, ref: str) -> str:
        """The company a document's address names (where ``{board}`` is in ``base_url``)."""
        parts = [re.escape(p) for p in self.base_url.rstrip("/").split(BOARD)]
        found = re.match("([^/?#.]+)".join(parts) + "/api/offers", ref, re.IGNORECASE)
        return found.group(1).lower() if found else "unknown"

    def _offer(self, offer: dict[str, Any], board: str) -> RawPosting:
        parts = [offer.get("description") or "", offer.get("requirements") or ""]
        return RawPosting(
            source=self.name,
            source_id=f"{board}:{offer['id']}",
            title=offer["title"],
            company=_text(offer.get("company_name")) or board,
            url=_text(offer.get("careers_url")),
            locations=_places(offer),
            remote=_workplace(offer),
            employment_type=_text(offer.get("employment_type_code")),
            posted_at=_when(offer.get("published_at") or offer.get("created_at")),
            updated_at=_when(offer.get("updated_at")),
            description_html="".join(p for p in parts if isinstance(p, str)) or None,
            salary=_salary(offer.get("salary")),
            extra={"board": board, "department": _text(offer.get("department")),
                   "slug": _text(offer.get("slug")),
                   "apply_url": _text(offer.get("careers_apply_url"))},
        )


def _text(value: Any) -> str | None:
    """A field given as text, or None: a number, list or object where Recruitee writes text
    is none (one offer's ``careers_url`` of 42 had every offer of the company refused)."""
    return (value.strip() or None) if isinstance(value, str) else None


def _offer_id(value: Any) -> str | None:
    """An offer's id as text: a whole number (also written 1402871.0, which was another job
    than 1402871) or a text; None for anything else (true, NaN, a list), which is no id."""
    found = job_id(value)  # (the boards' rule; an offer's id kept as text, stripped)
    return str(found) if isinstance(found, int) else _text(found)


def _places(offer: dict[str, Any]) -> list[str]:
    """The offer's places: its ``location`` (a text, or a list of them), else its ``city`` and
    ``country`` (a value of another kind is none: before, it was stored as its Python
    spelling, "['Amsterdam', 'Berlin']")."""
    given = offer.get("location")
    places = [p.strip() for p in (given if isinstance(given, list) else [given])
              if isinstance(p, str) and p.strip()]
    if places:
        return list(dict.fromkeys(places))
    place = ", ".join(offer[key].strip() for key in ("city", "country")
                      if isinstance(offer.get(key), str) and offer[key].strip())
    return [place] if place else []


def _workplace(offer: dict[str, Any]) -> str | None:
    """Hybrid, remote or on-site as the offer's flags say (hybrid first: a hybrid job is
    also said to be on site); None when none is set."""
    for flag, value in (("hybrid", "hybrid"), ("remote", "remote"), ("on_site", "onsite")):
        if offer.get(flag) is True:
            return value
    return None


def _when(value: Any) -> datetime | None:
    """A Recruitee time (``2026-03-02 09:15:00 UTC``, or ISO 8601) as a datetime, or None."""
    if isinstance(value, str) and value.strip().endswith(" UTC"):
        value = value.strip().removesuffix(" UTC") + "+00:00"
    return parse_iso(value)


def _figure(value: Any) -> float | None:
    """A pay figure, given as text ("4500.00") or a number; None for none or 0."""
    if isinstance(value, str):
        try:
            value = float(value.replace(",", "").strip())
        except ValueError:
            return None
    return pay_figure(value) or None


def _salary(value: Any) -> Salary | None:
    """The offer's ``salary``; None when it holds no figure (the text's pay is read then)."""
    if not isinstance(value, dict):
        return None
    low, high = _figure(value.get("min")), _figure(value.get("max"))
    if low is None and high is None:
        return None
    period = _PERIODS.get(str(value.get("period") or "").lower())
    currency = value.get("currency")
    return Salary(min=low, max=high,
                  currency=currency if isinstance(currency, str) and currency else None,
                  interval=SalaryInterval(period) if period else None)
