"""Untrusted posting HTML renders inert; every response carries a CSP."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mljobs.models import Enrichment, Posting, SkillMention
from mljobs.web.render import describe_html, safe_url

OUR_SCRIPTS = {"/static/app.js", "/static/dashboard.js", "/vendor/plotly.min.js"}


def assert_inert(markup: str) -> None:
    """No script we did not write, no handlers, no style, no dangerous URLs or embeds."""
    page = BeautifulSoup(markup, "html.parser")
    for script in page.find_all("script"):
        src = script.get("src")
        assert src and src.split("?")[0] in OUR_SCRIPTS or script.get("type") == "application/json", script
    for tag in page.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), (tag.name, name)
            assert name.lower() != "style", tag.name
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href"):
                assert not str(value).strip().lower().startswith(("javascript:", "data:")), value
    assert not page.find_all(["iframe", "object", "embed", "form", "style", "img", "base",
                              "meta"], recursive=True) or all(
        t.name == "meta" and set(t.attrs) <= {"charset", "name", "content"} or t.name == "form"
        and t.get("action", "/").startswith("/")
        for t in page.find_all(["iframe", "object", "embed", "form", "style", "img", "base",
                                "meta"])
    )


def test_hostile_posting_page_is_inert(client: TestClient) -> None:
    response = client.get("/posting/file:hostile-1")
    assert response.status_code == 200
    assert_inert(response.text)
    page = BeautifulSoup(response.text, "html.parser")
    body = page.select_one(".desc-body")
    assert body is not None
    assert "Apply" in body.text and "overlay" in body.text  # the text survives, the tricks do not
    assert body.find("a", href="https://example.org/jobs") is not None
    assert "window.__xss" not in body.decode_contents()
    assert page.select_one("h1").text.startswith("Platform engineer <img")  # shown as text


def test_hostile_posting_in_search_results_is_inert(client: TestClient) -> None:
    response = client.get("/?q=evil+corp")
    assert 'data-id="file:hostile-1"' in response.text
    assert_inert(response.text)


@pytest.mark.parametrize("url", ["/", "/dashboard", "/posting/file:hostile-1", "/api/search",
                                 "/api/openapi.json", "/nowhere", "/api/nowhere",
                                 "/static/style.css", "/dashboard/months.csv", "/match"])
def test_every_response_has_a_content_security_policy(client: TestClient, url: str) -> None:
    response = client.get(url)
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "object-src 'none'" in csp
    assert "unsafe-eval" not in csp and "script-src 'self' 'unsafe-inline'" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"


def test_plotly_is_served_locally_from_the_package(client: TestClient) -> None:
    response = client.get("/vendor/plotly.min.js")
    assert response.status_code == 200 and b"plotly.js" in response.content[:200]
    page = client.get("/dashboard").text
    assert "cdn" not in page.lower() and "https://" not in page.split("<main>")[0]


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x",
                                 "vbscript:x", "//evil.example", "", None])
def test_safe_url_rejects_non_http_links(url: str | None) -> None:
    assert safe_url(url) is None


def test_safe_url_keeps_http_links() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"


def _posting(html: str, surfaces: list[str]) -> Posting:
    return Posting(
        id="t:1", source="t", source_id="1", title="t", description_html=html,
        enrichment=Enrichment(version="t", skills=[
            SkillMention(name=s or "x", surface=s or "x", required=i % 2 == 0)
            for i, s in enumerate(surfaces)]),
    )


PIECES = st.sampled_from(list("<>\"'=/ &;:ascriptonerrohfjv()") + [
    "<script>", "<img src=x onerror=", "javascript:", "<a href=\"", "<style>", "</", "<svg>",
    "<mark>", "<iframe ", " style=", "&lt;"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=st.lists(PIECES, max_size=60).map("".join),
       surfaces=st.lists(st.text(max_size=12), max_size=4))
def test_described_html_never_carries_script_or_handlers(html: str, surfaces: list[str]) -> None:
    out = str(describe_html(_posting(html, surfaces)))
    assert_inert(out)
    assert "<script" not in out.lower()
