"""schema.org ``JobPosting`` markup: the objects a page carries, in JSON-LD (read
leniently: real pages often carry invalid JSON-LD, raw newlines in strings, trailing
commas, HTML comments around the object) or else in microdata (read with ``extruct``), and
one of them as a ``RawPosting``. Pure: no fetching, no store. The careers-page source
(``sources.jsonld``: the page fetched, what it is and what its postings close) reads a
page with it, and so does an import of a saved page (``sources.saved_page``).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any, NamedTuple
from urllib.parse import urljoin

from mljobs.models import RawPosting, Salary, SalaryInterval
from mljobs.pay import is_plausible
from mljobs.sources.base import parse_iso, short_hash

_SCRIPT_OPEN = re.compile(r"<script", re.IGNORECASE)
_LD_TYPE = re.compile(r"type\s*=\s*[\"']?application/ld\+json", re.IGNORECASE)
_SCRIPT_CLOSE = re.compile(r"</script\s*>", re.IGNORECASE)


def ld_json_blocks(page: str) -> list[str]:
    """The text of every ``<script type="application/ld+json">`` element of a page.

    Read in one pass (each search starts where the last ended): the one regex this
    replaced, ``<script[^>]*type=...>(.*?)</script>``, scanned the rest of the page again
    from every opening tag without a closing one, so 280 KB of repeated opening tags
    took 13 s, and a 20 MB page would have taken hours.
    """
    blocks: list[str] = []
    pos = 0
    while (start := _SCRIPT_OPEN.search(page, pos)) is not None:
        end_of_tag = page.find(">", start.end())
        if end_of_tag < 0:
            break  # no tag after this one is complete either
        pos = end_of_tag + 1
        if not _LD_TYPE.search(page, start.end(), end_of_tag):
            continue
        close = _SCRIPT_CLOSE.search(page, pos)
        if close is None:
            break  # no element after this one is closed either
        blocks.append(page[pos:close.start()])
        pos = close.end()
    return blocks


_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_UNITS = {"YEAR": "year", "MONTH": "month", "WEEK": "week", "DAY": "day", "HOUR": "hour",
          # schema.org names none but the five above; pages write these too ("HOURLY" pay
          # of 95 was read with no period, and shown nowhere as no plausible yearly pay)
          "YEARLY": "year", "ANNUAL": "year", "ANNUALLY": "year", "MONTHLY": "month",
          "WEEKLY": "week", "DAILY": "day", "HOURLY": "hour",
          # "per annum" (British pages), the plural ("hours"), and QuantitativeValue's
          # ``unitCode`` in UN/CEFACT's codes (ANN, MON, WEE, DAY, HUR), which were read as
          # no period
          "ANNUM": "year", "YEARS": "year", "MONTHS": "month", "WEEKS": "week", "DAYS": "day",
          "HOURS": "hour", "ANN": "year", "MON": "month", "WEE": "week", "HUR": "hour"}
# what leads a period's name in a ``unitText`` ("PER_YEAR", "per annum", "a year")
_PER = re.compile(r"^(?:PER|A|AN)[\s_]+")


UNREADABLE = object()  # what ``lenient_json`` returns for text it cannot read (JSON's null is None)


def lenient_json(text: str) -> Any:
    """Parse JSON the way browsers' users hope: tolerate control characters,
    trailing commas, comments and CDATA wrappers; ``UNREADABLE`` when hopeless (a block
    holding ``null`` reads as None, and is no broken markup)."""
    text = text.strip()
    for wrapper in ("<!--", "-->", "<![CDATA[", "]]>", "//<![CDATA[", "//]]>"):
        text = text.replace(wrapper, "")
    text = text.strip().rstrip(",;").strip()
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return json.loads(candidate, strict=False)
        except json.JSONDecodeError:
            continue
        except RecursionError:  # nested past Python's limit: no posting is, it is hostile
            return UNREADABLE
    return UNREADABLE


def _blocks(numbers: list[int], total: int) -> str:
    if total == 1:
        return "block"
    return f"block{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))} of {total}"


def _json_error(block: str) -> str:
    try:
        json.loads(block.strip(), strict=False)
    except json.JSONDecodeError as exc:
        return f"{exc.msg} at line {exc.lineno} column {exc.colno}"
    except RecursionError:
        pass
    # nested past Python's limit, or read (strictly, so lenient_json read it too) but too
    # deep for the walk for JobPostings
    return "nested too deep to read"


def _is_posting(node: dict[str, Any]) -> bool:
    """Whether a JSON-LD node's type (or one of its types) is ``JobPosting``."""
    kind = node.get("@type") or node.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1] == "JobPosting" for k in kinds)


def job_postings(node: Any) -> Iterator[dict[str, Any]]:
    """Every ``JobPosting`` object in a JSON-LD value (lists, ``@graph``, nesting)."""
    if isinstance(node, list):
        for item in node:
            yield from job_postings(item)
    elif isinstance(node, dict):
        if _is_posting(node):
            yield node.get("properties", node) if "properties" in node else node
        for key in ("@graph", "mainEntity", "itemListElement", "item"):
            if key in node:
                yield from job_postings(node[key])


class PageMarkup(NamedTuple):
    """The JobPostings a page carries: ``jobs`` its JSON-LD's, else its microdata's;
    ``has_ld`` whether it has a JSON-LD block at all; ``broken``, when it carries none that
    can be read and some JSON-LD block cannot be read even leniently, which (their numbers
    and the first one's error), else None."""

    jobs: list[dict[str, Any]]
    has_ld: bool
    broken: str | None


def page_markup(page: str, url: str) -> PageMarkup:
    """The JobPosting objects of a page (its text; ``url`` the address relative links in
    its microdata are read against): every JSON-LD block's, else its microdata's."""
    found: list[dict[str, Any]] = []
    blocks = ld_json_blocks(page)
    broken = []
    nodes: dict[str, dict[str, Any]] = {}
    for number, block in enumerate(blocks, 1):
        value = lenient_json(block)
        try:
            jobs = [] if value is UNREADABLE else list(job_postings(value))
        except RecursionError:  # read, but nested past what the walk can follow
            value, jobs = UNREADABLE, []
        if value is UNREADABLE and block.strip():
            broken.append(number)
        else:
            _index_nodes(value, url, nodes)
        found.extend(jobs)
    found = [_resolved(job, url, nodes) for job in found]
    if not found:
        found.extend(_microdata(page, url))
    if not found and broken:  # the page's postings, if any, are in what cannot be read
        reason = (f"its JSON-LD {_blocks(broken, len(blocks))} cannot be read even "
                  f"leniently ({_json_error(blocks[broken[0] - 1])})")
        return PageMarkup([], bool(blocks), reason)
    return PageMarkup(found, bool(blocks), None)


# the properties of a JobPosting that a page's @graph may give as a reference to another of
# its nodes ({"@id": "https://example.com/#organization"}), as Yoast-style graphs and job
# boards (Jobberman, CV Keskus) write the employer and the place
_REFERENCED = ("hiringOrganization", "jobLocation", "applicantLocationRequirements")
# what ``raw_posting`` reads of those nodes
_READ = ("name", "legalName", "address")


def _index_nodes(value: Any, url: str, nodes: dict[str, dict[str, Any]]) -> None:
    """Every node of a JSON-LD value that has an ``@id`` and more (a name, an address), by
    its ``@id`` as written and as read against the page's address ("#org" is
    "https://example.com/job#org"). The nodes of one id are one node, as JSON-LD reads them:
    what the first in the page's order does not say, a later one does (the first alone was
    kept, and the last was read as the first)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            ident = item.get("@id")
            if isinstance(ident, str) and not _reference(item):
                for key in dict.fromkeys((ident, _joined(url, ident))):
                    # (each property added once: a merge of the whole node each time took
                    # a minute for 1.6 MB of nodes of one id, each of its own property)
                    merged = nodes.setdefault(key, {})
                    for name, said in item.items():
                        merged.setdefault(name, said)
            stack.extend(reversed(item.values()))


def _joined(url: str, ident: str) -> str:
    """An ``@id`` read against the page's address (as written when it reads as no address)."""
    try:
        return urljoin(url, ident)
    except ValueError:  # ("http://[": no address)
        return ident


def _reference(value: Any) -> bool:
    """Whether a value is only a reference to a node: ``{"@id": ...}`` (with its ``@type``)."""
    return isinstance(value, dict) and "@id" in value and set(value) <= {"@id", "@type"}


def _resolved(job: dict[str, Any], url: str,
              nodes: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A JobPosting whose employer, places and applicants' areas given as references to
    other nodes of the page (``_REFERENCED``) are those nodes: the posting of an @graph that
    names its employer ``{"@id": ".../#organization"}`` was of no company. One given with
    its ``@id`` and a few properties (a logo, no name) has the rest from the page's node."""
    def node(value: Any) -> Any:
        if not isinstance(value, dict) or not isinstance(value.get("@id"), str):
            return value
        # (by the id read against the page's address first: that node holds what every
        # writing of the id says, "#org" and the full address; "#org" alone, only what the
        # nodes written "#org" say, the logo of a posting's employer and not the name)
        found = nodes.get(_joined(url, value["@id"])) or nodes.get(value["@id"])
        # (not a JobPosting: a posting that names another as its employer, a page's slip,
        # was of that posting's name as its company)
        if not found or _is_posting(found):
            return value
        if _reference(value):
            return found
        # (what is read of an employer, place or area: a copy of the whole node for each
        # posting took 34 s for 20,000 postings naming one node of 20,000 properties)
        return {**{k: found[k] for k in _READ if k in found}, **value}

    def place(value: Any) -> Any:
        # (a place's address may be a node of its own: {"address": {"@id": "#address"}})
        value = node(value)
        address = value.get("address") if isinstance(value, dict) else None
        if isinstance(address, dict) and isinstance(address.get("@id"), str):
            return {**{k: value[k] for k in _READ if k in value}, "address": node(address)}
        return value

    changed = {key: [place(v) for v in value] if isinstance(value, list) else place(value)
               for key in _REFERENCED if (value := job.get(key)) is not None}
    return {**job, **changed} if changed else job


def _microdata(page: str, url: str) -> list[dict[str, Any]]:
    import extruct  # type: ignore[import-untyped]  # imported here: it is slow to import and only needed for microdata

    try:
        data = extruct.extract(page, base_url=url, syntaxes=["microdata"], uniform=True)
    except Exception:  # noqa: BLE001  (extruct raises many kinds on broken HTML)
        return []
    return list(job_postings(data.get("microdata", [])))


def raw_posting(job: dict[str, Any], page_url: str, *, source: str) -> RawPosting | None:
    """A JobPosting object as ``source``'s RawPosting (None when it has no title): its id
    the hash of the page's address (as the page's postings are keyed), its identifier and
    its title (``title``, else ``name``: a site such as governmentjobs.com names its
    postings so, which were left out); ``extra`` names the page (``page``) and
    ``validThrough``."""
    title = _text(job.get("title")) or _text(job.get("name"))
    if not title:
        return None
    # (an Organization, its name as text, or a list of them: the first that names one; an
    # Organization's ``name``, else its ``legalName``, which some pages give alone)
    orgs = job.get("hiringOrganization")
    company = next((name for org in (orgs if isinstance(orgs, list) else [orgs])
                    if (name := _named(org) or (
                        _text(org.get("legalName")) if isinstance(org, dict) else None))),
                   None)
    ident = job.get("identifier")
    ident_value = _text(ident.get("value")) if isinstance(ident, dict) else _text(ident)
    url = _text(job.get("url")) or page_url
    employment = job.get("employmentType")
    return RawPosting(
        source=source,
        source_id=short_hash(page_url, ident_value or "", title),  # (the page key goes before it: JsonLd.parse)
        title=title,
        company=company,
        url=url,
        locations=_locations(job.get("jobLocation")) or (
            _areas(job.get("applicantLocationRequirements"))
            if _telecommute(job.get("jobLocationType")) else []),
        remote="remote" if _telecommute(job.get("jobLocationType")) else None,
        # (a list holding a number or an object failed the whole page: "sequence item 1:
        # expected str instance, int found"; the texts of it are read)
        employment_type=", ".join(e for e in employment if isinstance(e, str))
        if isinstance(employment, list) else _text(employment),
        posted_at=parse_iso(_text(job.get("datePosted"))),
        description_html=_description(job.get("description")),
        salary=_salary(job.get("baseSalary"), _text(job.get("salaryCurrency"))),
        extra={"page": page_url, "valid_through": _text(job.get("validThrough"))},
    )


# an HTML tag escaped as text ("&lt;p&gt;", "&lt;/li&gt;")
_ESCAPED_TAG = re.compile(r"&lt;/?[a-zA-Z][a-zA-Z0-9]*(?:\s|/?&gt;)")


def _description(value: Any) -> str | None:
    """The posting's HTML. Many careers pages escape it inside their JSON-LD
    ("&lt;p&gt;Own our ..."), which was stored as text showing "<p>Own our ...": a description
    that holds escaped tags and no tag of its own is unescaped once."""
    text = _text(value)
    if text and "<" not in text and _ESCAPED_TAG.search(text):
        return html.unescape(text)
    return text


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _telecommute(value: Any) -> bool:
    """Whether ``jobLocationType`` says ``TELECOMMUTE``: a text in any case, or a list holding
    it (``["TELECOMMUTE"]``, which was read as no remote job)."""
    return any((_text(kind) or "").upper() == "TELECOMMUTE"
               for kind in (value if isinstance(value, list) else [value]))


def _areas(value: Any) -> list[str]:
    """The names of the places a remote job's applicants must live in
    (``applicantLocationRequirements``: a ``Country``, ``State`` or other area, or a list of
    them), which Google asks of a remote job that names no ``jobLocation``: such a job was
    stored with no place, and a search by country missed it."""
    return [name for area in (value if isinstance(value, list) else [value])
            if (name := _named(area))]


def _named(value: Any) -> str | None:
    """A text, or a thing's name: schema.org lets ``addressCountry`` be a ``Country``
    (``{"@type": "Country", "name": "DE"}``), which was left out of the place."""
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _locations(value: Any) -> list[str]:
    """The places of a ``jobLocation``: each ``Place``'s address (locality, region, country,
    or its text), else the place's name when it gives no address (``{"@type": "Place",
    "name": "Singapore, Singapore"}``, or the text ``"jobLocation": "Berlin"``: no place
    before), else its street and postal code (no place before)."""
    places = value if isinstance(value, list) else [value]
    out: list[str] = []
    for place in places:
        address = place.get("address") if isinstance(place, dict) else None
        text = None
        if isinstance(address, dict):
            keys = ("addressLocality", "addressRegion", "addressCountry")
            parts = [_named(address.get(k)) for k in keys]
            text = ", ".join(p for p in parts if p)
        elif isinstance(address, str):
            text = address.strip()
        if not text:
            text = _named(place)
        if not text and isinstance(address, dict):
            # (only a street and a postal code, as a form of every field writes a place
            # whose town is left blank: what the page says of the place, not none)
            parts = [_text(address.get(k)) for k in ("streetAddress", "postalCode")]
            text = ", ".join(p for p in parts if p)
        if text:
            out.append(text)
    return out


def _salary(value: Any, currency: str | None = None) -> Salary | None:
    """A ``baseSalary``: a ``MonetaryAmount``, or a list of them (one a currency or a level,
    as schema.org allows: the first that gives a figure; a list was read as no salary), or a
    figure alone (``"baseSalary": 95000``, microdata's ``<span itemprop="baseSalary">8000``:
    schema.org allows a Number; it was read as no salary). ``currency``: the posting's
    ``salaryCurrency``, for an amount that names none."""
    if isinstance(value, list):
        return next((pay for item in value if (pay := _salary(item, currency)) is not None),
                     None)
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        value = {"value": value}
    if not isinstance(value, dict):
        return None
    amount = value.get("value")
    if not isinstance(amount, dict):
        amount = {"value": amount}
    # (the currency on the MonetaryAmount, else on its QuantitativeValue, as some pages
    # write it, else the posting's ``salaryCurrency``)
    currency = (_text(value.get("currency")) or _text(amount.get("currency")) or currency)
    # (the period on the QuantitativeValue, else on the MonetaryAmount whose value is a
    # figure: ``{"value": 95000, "unitText": "YEAR"}``)
    unit = next((_UNITS[said] for node in (amount, value) for key in ("unitText", "unitCode")
                 if (said := _PER.sub("", str(node.get(key) or "").strip().upper()))
                 in _UNITS), None)

    def figures(grouped: bool) -> Salary | None:
        numbers = {k: _grouped(amount.get(k), currency) if grouped else amount.get(k)
                   for k in ("minValue", "maxValue", "value")}
        nums = {k: float(v) for k, v in numbers.items()
                if isinstance(v, int | float | str) and _is_number(v) and float(v) > 0}
        if not nums:
            return None
        return Salary(min=nums.get("minValue", nums.get("value")),
                      max=nums.get("maxValue", nums.get("value")),
                      currency=currency,
                      interval=SalaryInterval(unit) if unit else None)

    # a figure with three places after its point read as thousands is pay no one is paid,
    # "25.000" dollars an hour as 25,000 an hour: its point is a decimal one (25 an hour)
    salary = figures(grouped=True)
    if salary is not None and not is_plausible(salary):
        written = figures(grouped=False)
        if written is not None and written != salary and is_plausible(written):
            return written
    return salary


# a figure written with commas between its thousands ("12,000,000", "150,000.00"), or with
# points, as much of Europe writes it ("45.000", "1.234,56")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_POINT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
# currencies whose minor unit is a thousandth (ISO 4217): "1.500" dinars may be 1.5
_THREE_DECIMALS = frozenset({"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})


def _grouped(value: Any, currency: str | None = None) -> Any:
    """A figure given as text with its thousands marked, as a plain figure: "12,000,000"
    was read as no figure (the posting as of no pay), "45.000" (euros) as 45 and "1.234,56"
    as none. Points are read as decimals in a currency counted in thousandths ("1.500"
    Kuwaiti dinars)."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if _THOUSANDS.fullmatch(text):
        return text.replace(",", "")
    if _POINT_THOUSANDS.fullmatch(text) and (currency or "").upper() not in _THREE_DECIMALS:
        return text.replace(".", "").replace(",", ".")
    return value


def _is_number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True
