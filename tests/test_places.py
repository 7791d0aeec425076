"""``mljobs.places``: location strings as the stores hold them, read into countries (ISO
codes) and regions; what is not read is nothing, never a guess."""

from __future__ import annotations

import pytest

from mljobs.places import Places, country_code, country_name, read_places, region_slug

# (location string as a posting of the demo store or the corpus writes it, countries, regions)
READ = [
    ("San Francisco, CA", ("US",), ("north-america",)),
    ("NYC", ("US",), ("north-america",)),
    ("Remote (US)", ("US",), ("north-america",)),
    ("REMOTE (U.S.)", ("US",), ("north-america",)),
    ("US-Based / Remote", ("US",), ("north-america",)),
    ("London, UK", ("GB",), ("europe",)),
    ("Berlin", ("DE",), ("europe",)),
    ("São Paulo", ("BR",), ("latin-america",)),
    ("Remote - EMEA", (), ("europe", "middle-east", "africa")),
    ("Remote (EU only)", (), ("europe",)),
    ("SF Bay Area", ("US",), ("north-america",)),
    ("Toronto or remote", ("CA",), ("north-america",)),
    ("US/Canada", ("US", "CA"), ("north-america",)),
    ("Austin TX", ("US",), ("north-america",)),
    ("Cambridge, MA", ("US",), ("north-america",)),
    ("ONSITE Cambridge UK", ("GB",), ("europe",)),
    ("Vancouver, BC", ("CA",), ("north-america",)),
    ("REMOTE (Ontario or BC, Canada)", ("CA",), ("north-america",)),
    ("Mclean, Virginia - On-site", ("US",), ("north-america",)),
    ("Bangalore, India", ("IN",), ("asia",)),
    ("Köln", ("DE",), ("europe",)),
    ("Hybrid (USA) Albuquerque NM, Washington DC (Tysons VA), Dayton OH", ("US",),
     ("north-america",)),
    ("NY, SF, London & Munich (In-Person)", ("US", "GB", "DE"), ("north-america", "europe")),
    ("San Francisco preferred, remote available (Australia, NZ, LATAM)", ("US", "AU", "NZ"),
     ("latin-america", "north-america", "oceania")),
    ("SF, NY, NC, Dubai", ("US", "AE"), ("north-america", "middle-east")),
    ("Ede-Wageningen, NL", ("NL",), ("europe",)),
    ("McLean, VA", ("US",), ("north-america",)),
    ("Saint Louis, MO", ("US",), ("north-america",)),  # the gazetteer's "St. Louis"
    ("Winston-Salem, NC", ("US",), ("north-america",)),
    ("London, New York, Dublin", ("GB", "US", "IE"), ("europe", "north-america")),
    # a state's code that none of the cities of the name is in: a town too small for the
    # gazetteer, not the largest city of the name (Bedford GB, Brisbane AU)
    ("Bedford, MA", (), ()),
    ("Brisbane, CA", (), ()),
    # a city after which a country is named as postings name it, not as ISO does: the
    # city of that country (Perth, Australia has 40 times Perth, Scotland's people)
    ("Perth, Scotland", ("GB",), ("europe",)),
    ("Hamilton, Scotland", ("GB",), ("europe",)),
    ("Seoul, Korea", ("KR",), ("asia",)),
    ("Korea", ("KR",), ("asia",)),  # (a job in North Korea is not posted)
    # a US town named for a country, its state's code after it (a corpus Glassdoor row)
    ("Lebanon, IN", ("US",), ("north-america",)),
    ("Lebanon, Pennsylvania", ("US",), ("north-america",)),
    ("Lebanon", ("LB",), ("middle-east",)),
    ("Beirut, Lebanon", ("LB",), ("middle-east",)),
    # nothing said, or nothing sure: no value
    ("Remote", (), ()),
    ("100% REMOTE (Global)", (), ()),
    ("Remote (Worldwide)", (), ()),
    ("Go, React, Next.js, k8s", (), ()),
    ("Mid-Level & Senior", (), ()),
    ("3x/week in office (M,T, Th)", (), ()),
    ("Cambridge", (), ()),  # GB, Canada and the US each have one
    # a list of codes with the US, the UK or the EU among them is a list of countries
    ("REMOTE (US/CA)", ("US", "CA"), ("north-america",)),
    ("Remote in US & CAN", ("US", "CA"), ("north-america",)),
    ("REMOTE (DE/UK/CH)", ("DE", "GB", "CH"), ("europe",)),
    ("Fully Remote US/CA/UK/EU/AUS/NZ", ("US", "CA", "GB", "AU", "NZ"),
     ("europe", "north-america", "oceania")),
    # ... but not a city's state and its country, nor a list of states
    ("San Diego, CA, USA", ("US",), ("north-america",)),
    ("Multiple US locations (VA, PA, FL, TX, CA, NY)", ("US",), ("north-america",)),
    ("CA", (), ()),  # California or Canada
    ("SF (SoMa)", ("US",), ("north-america",)),  # SoMa is a district, not Soma in Turkey
    ("Hybrid (San Mateo) or REMOTE", (), ()),  # San Mateo: the US's and the Philippines'
    ("Remote (US - Most States)", ("US",), ("north-america",)),
    ("", (), ()),
    # short forms and old names postings use (the left readings of places19 and revA19)
    ("Fully Remote AUS/NZ", ("AU", "NZ"), ("oceania",)),
    ("Remote - AUS", ("AU",), ("oceania",)),
    ("Gurgaon", ("IN",), ("asia",)),  # Gurugram's old name
    ("Gurgaon, India", ("IN",), ("asia",)),
    ("U.A.E.", ("AE",), ("middle-east",)),
    ("Macedonia", ("MK",), ("europe",)),
    ("Remote (GER)", ("DE",), ("europe",)),  # (the sports' code, in capitals only)
    # a city written in lower case beside a work mode ("berlin" alone may be a brand's name)
    ("stockholm ONSITE", ("SE",), ("europe",)),
    ("Hybrid - berlin", ("DE",), ("europe",)),
    ("berlin", (), ()),
    ("remote", (), ()),
    ("ONSITE reading", (), ()),
    # a few misspellings of hubs' names (a list: a fuzzy match read the corpus's "King of
    # Prussia, PA" as Russia and "kyber.media" as Medina)
    ("San Fransisco, CA", ("US",), ("north-america",)),  # the demo's and the corpus's
    ("San Fransisco or Toronto", ("US", "CA"), ("north-america",)),
    ("Sillicon Valley", ("US",), ("north-america",)),
    ("Hybrid - Seatle", ("US",), ("north-america",)),
    ("King of Prussia, PA", (), ()),
    ("kyber.media", (), ()),
    ("LATAM REMOTE ONLY", (), ("latin-america",)),
    # a country's two-letter code before "only" restricts the job to it (the corpus's "(AU
    # ONLY / REMOTE)", hn-47636489), but a code that is also a US state's stays unread
    ("(AU ONLY / REMOTE)", ("AU",), ("oceania",)),
    ("REMOTE (AU-only)", ("AU",), ("oceania",)),
    ("Remote, IE Only", ("IE",), ("europe",)),
    ("US ONLY", ("US",), ("north-america",)),
    ("UK ONLY", ("GB",), ("europe",)),
    ("AU", (), ()),
    ("CA ONLY", (), ()),
    ("Remote (US – NY, TX, MA only)", ("US",), ("north-america",)),
    # the remote facet's "only" phrases (facets._REMOTE_PLACE_ONLY) read the same places here
    ("Remote, UK ONLY.", ("GB",), ("europe",)),
    ("Remote, US only", ("US",), ("north-america",)),
    ("Remote - EU only", (), ("europe",)),
    ("REMOTE (Canada only)", ("CA",), ("north-america",)),
    ("Remote – Germany only", ("DE",), ("europe",)),
]


@pytest.mark.parametrize(("text", "countries", "regions"), READ)
def test_real_location_strings(text: str, countries: tuple[str, ...],
                               regions: tuple[str, ...]) -> None:
    assert read_places([text]) == Places(countries, regions)


def test_several_locations_of_one_posting_are_one_set_in_order() -> None:
    assert read_places(["Berlin, Germany", "Remote (EU)", "NYC"]) == Places(
        ("DE", "US"), ("europe", "north-america"))


def test_a_city_after_a_comma_and_or_takes_no_state_across_the_or() -> None:
    """"SF, Athens, or US REMOTE": Athens is the Greek one (its name alone), the "US" after
    "or" is a place of its own, not the state of an Athens in Georgia."""
    assert read_places(["SF, Athens, or US REMOTE"]).countries == ("US", "GR")


def test_country_and_region_spellings_a_person_types() -> None:
    assert [country_code(n) for n in ("us", "USA", "uk", "United Kingdom", "germany", "DEU",
                                      "Narnia")] == ["US", "US", "GB", "GB", "DE", "DE", None]
    assert country_name("GB") == "United Kingdom" and country_name("KR") == "South Korea"
    assert [region_slug(n) for n in ("Europe", "north america", "Latin-America", "Mars")] == [
        "europe", "north-america", "latin-america", None]
