"""The company and fields of Hacker News header lines in shapes beyond ``Company | Role | ...``."""

from __future__ import annotations

import pytest

from mljobs.sources.hn_format import parse_header


@pytest.mark.parametrize(
    ("header", "company", "roles"),
    [
        # a role first: the company is the segment the header's URL names, or none
        (("Senior ML Engineer | Ping Data Intelligence | REMOTE or ONSITE (Miami, FL) | Full-Time"
          " | https://www.pingintel.com"), "Ping Data Intelligence", ["Senior ML Engineer"]),
        ("Software Engineer (Contract) | Chicago, IL or REMOTE (US)", None,
         ["Software Engineer (Contract)"]),
        # a "Company:" segment names it wherever it stands
        ("Engineering Director, Developer Experience | Company: Adyen| San Francisco | Hybrid |",
         "Adyen", ["Engineering Director, Developer Experience"]),
        # what follows a spaced dash, a URL or a bracketed note is no part of the name
        (("Clutch https://www.clutchapp.io - building future of padel with AI cameras | Full-time"
          " | Frontend Engineer (Mobile)"), "Clutch", ["Frontend Engineer (Mobile)"]),
        ("40GRID - Full-time Remote | Program Manager", "40GRID", ["Program Manager"]),
        ("Weave (YC W25) | ML Engineer | SF", "Weave", ["ML Engineer"]),
        ("thelab (https://www.thelab.co) | Senior Backend Engineer | NYC", "thelab",
         ["Senior Backend Engineer"]),
        ("Coram.ai https://www.coram.ai | ML Engineers | Sunnyvale, CA", "Coram.ai", ["ML Engineers"]),
        ("Architect Financial Technologies | Chicago | Onsite", "Architect Financial Technologies", []),
        ("- | Data Engineer | NYC", None, ["Data Engineer"]),
        # a company whose name holds a role word is still the company
        ("Acme AI | Senior ML Engineer | San Francisco, CA | Hybrid", "Acme AI",
         ["Senior ML Engineer"]),
        ("Security Compass | Backend Developer | Toronto", "Security Compass", ["Backend Developer"]),
    ],
)
def test_header_company(header: str, company: str | None, roles: list[str]) -> None:
    h = parse_header(header)
    assert (h["company"], h["roles"]) == (company, roles)


@pytest.mark.parametrize(
    ("header", "locations"),
    [
        # a field, a trade or a stack is no place
        ("Acme | ROBOTICS | Data Engineer | Boston, MA", ["Boston, MA"]),
        ("Acme | Support Engineer | Remote | FinTech | Open Source | Startup", []),
        ("Acme | C++ AI | Golang | Berlin", ["Berlin"]),
        ("Acme | Engineer | 0.50%–1.50% | ~20 people | NYC", ["NYC"]),
        ("Acme | Growth Marketer | Technical Co-Founder | Paris", ["Paris"]),
    ],
)
def test_header_places(header: str, locations: list[str]) -> None:
    assert parse_header(header)["locations"] == locations
