"""Every page, as a browser, a validator and a screen reader take it: the HTML parses under
the HTML5 parsing algorithm with no error (html5lib, the parser browsers follow), the page
says its language and has a title, every form field has a name, every id is unique and every
id an ARIA attribute or a label points at exists, every table is named and its headers say
what they head, and every image is named or hidden.

The pages: search (words, facets, a page past 1, none found, past the end), a posting, the
hostile posting, a split post's roles, the dashboard (filtered, an unknown value), the match
page empty, with a result and with an error, and the error pages."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import html5lib
import pytest
from bs4 import BeautifulSoup, Tag
from fastapi.testclient import TestClient

from .conftest import DUP_CANONICAL, HOSTILE_ID

RESUME = (b"Jane Roe\nMachine learning engineer, 6 years\n"
          b"Python, PyTorch, Kubernetes, SQL, Docker\nMSc Computer Science\n")
GETS = ["/", "/?q=pytorch", "/?q=engineer&archetype=research-engineer&remote=remote&page=2",
        "/?q=zzzzqqqx", "/?page=999", "/?since=7d&sort=date&salary_min=100000",
        f"/posting/{DUP_CANONICAL}", f"/posting/{HOSTILE_ID}", "/dashboard",
        "/dashboard?archetype=research-engineer&since=1y", "/dashboard?archetype=foo",
        "/dashboard?trend=pytorh", "/match", "/posting/nowhere", "/nowhere", "/?page=abc"]
POSTS = {"match-result": ({"resume": ("cv.txt", RESUME)}, {}),
         "match-no-resume": (None, {"limit": "5"}),
         "match-bad-archetype": ({"resume": ("cv.txt", RESUME)}, {"archetype": "nope"})}




def fetch(client: TestClient, name: str) -> str:
    if name in POSTS:
        files, data = POSTS[name]
        response = client.post("/match", files=files, data=data)
    else:
        response = client.get(name)
    assert response.headers["content-type"].startswith("text/html"), name
    return response.text


@pytest.fixture(scope="module")
def pages(client: TestClient) -> dict[str, str]:
    return {name: fetch(client, name) for name in [*GETS, *POSTS]}


ALL = [*GETS, *POSTS]


def parses_with_no_error(html: str) -> None:
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    parser.parse(html)
    assert parser.errors == []


def has_language_title_viewport_and_skip_link(html: str) -> None:
    page = BeautifulSoup(html, "html5lib")
    assert page.html["lang"] == "en"
    assert len(page.find_all("title")) == 1 and page.title.get_text(strip=True)
    assert page.find("meta", attrs={"name": "viewport"})["content"].startswith(
        "width=device-width")
    skip = page.select_one("body > a.skip")
    assert skip is not None and page.find(id=skip["href"].lstrip("#")) is not None
    for tag in page.select("link[href], script[src], img[src]"):
        assert (tag.get("href") or tag.get("src")).startswith("/"), tag  # nothing from a CDN


def named(page: BeautifulSoup, control: Tag) -> bool:
    if control.get("aria-label", "").strip() or control.find_parent("label"):
        return True
    if control.get("aria-labelledby"):
        return all(page.find(id=i) for i in control["aria-labelledby"].split())
    return bool(control.get("id")) and page.find("label", attrs={"for": control["id"]}) is not None


def names_every_field_and_button(html: str) -> None:
    page = BeautifulSoup(html, "html5lib")
    fields = [c for c in page.find_all(["input", "select", "textarea"])
              if c.get("type") not in ("hidden", "submit")]
    assert [str(c)[:80] for c in fields if not named(page, c)] == []
    assert [str(b)[:80] for b in page.find_all("button")
            if not (b.get_text(strip=True) or b.get("aria-label"))] == []


def visible_label(page: BeautifulSoup, control: Tag) -> str:
    """The text of the ``<label>`` a sighted user sees for a field (wrapping it or ``for``
    it), less the field's own options; "" when there is none or it is hidden from sight."""
    label = control.find_parent("label")
    if label is None and control.get("id"):
        label = page.find("label", attrs={"for": control["id"]})
    if label is None or "visually-hidden" in (label.get("class") or []):
        return ""
    shown = BeautifulSoup(str(label), "html5lib")
    for inner in shown.find_all(["select", "textarea", "option"]):
        inner.decompose()
    return " ".join(shown.get_text(" ", strip=True).split())


def shows_a_label_for_every_field(html: str) -> None:
    """WCAG 3.3.2 and 2.5.3: a field says what it is in words on screen, not in a placeholder
    that goes when it is filled ("min USD / yr": a typed 120000 stood alone) nor only to a
    screen reader (the sort menu, the match page's file, text and menus), and its name
    holds those words (an ``aria-label`` replaced "show 20 matches" with other words). The
    query box is the one exception: the Search button beside it says it (WCAG G167)."""
    page = BeautifulSoup(html, "html5lib")
    fields = [c for c in page.find_all(["input", "select", "textarea"])
              if c.get("type") not in ("hidden", "submit") and c.get("name") != "q"]
    assert [str(c)[:80] for c in fields if not visible_label(page, c)] == []
    assert [str(c)[:80] for c in fields if c.get("aria-label")] == []


def names_the_query_box_by_its_own_label(html: str) -> None:
    """WCAG 3.3.2 and 2.5.3: the query box (the one field ``shows_a_label_for_every_field``
    lets go without a label on screen, as the Search button beside it says what it is) has
    a ``<label>`` of its own, hidden from sight, whose words hold the button's, and no
    ``aria-label`` in place of it. Before, it was named "Query" by an ``aria-label`` only: a
    speech user saying what they see ("Search") did not reach it."""
    page = BeautifulSoup(html, "html5lib")
    for box in page.find_all("input", attrs={"name": "q"}):
        label = box.find_parent("label") or (
            box.get("id") and page.find("label", attrs={"for": box["id"]}))
        assert label, str(box)[:120]
        assert box.get("aria-label") is None and box.get("aria-labelledby") is None, str(box)[:120]
        button = box.find_parent("form").find("button", attrs={"type": "submit"})
        words = label.get_text(" ", strip=True)
        assert button.get_text(strip=True) in words, (words, str(button))


def has_unique_ids_and_no_dangling_reference(html: str) -> None:
    page = BeautifulSoup(html, "html5lib")
    counts = Counter(t["id"] for t in page.find_all(id=True))
    assert [i for i, n in counts.items() if n > 1] == []
    missing = [f"{attr}={ref}" for attr in ("aria-labelledby", "aria-describedby", "for")
               for tag in page.find_all(attrs={attr: True})
               for ref in str(tag[attr]).split() if ref not in counts]
    assert missing == []


def names_every_table_and_scopes_its_headers(html: str) -> None:
    """A screen reader lists a page's tables by name and reads each cell with its headers:
    the match page's tables (a score breakdown per match, the skills to learn) had no
    caption and bare ``th`` cells, so it listed twenty-odd unnamed tables."""
    page = BeautifulSoup(html, "html5lib")
    for table in page.find_all("table"):
        caption = table.find("caption")
        assert (caption is not None and caption.get_text(strip=True)) or \
            table.get("aria-label") or table.get("aria-labelledby"), str(table)[:120]
        bare = [th.get_text(strip=True) for th in table.find_all("th")
                if th.get("scope") not in ("col", "row") and th.find_parent("thead") is None]
        assert bare == [], str(table)[:120]


def names_or_hides_every_image(html: str) -> None:
    page = BeautifulSoup(html, "html5lib")
    for img in page.find_all("img"):
        assert img.get("alt") is not None, img
    for svg in page.find_all("svg"):
        assert svg.get("aria-hidden") == "true" or (
            svg.get("role") == "img" and svg.get("aria-label", "").strip()), str(svg)[:120]


CHECKS: list[Callable[[str], None]] = [
    parses_with_no_error, has_language_title_viewport_and_skip_link,
    names_every_field_and_button, shows_a_label_for_every_field,
    names_the_query_box_by_its_own_label,
    has_unique_ids_and_no_dangling_reference,
    names_every_table_and_scopes_its_headers, names_or_hides_every_image]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("name", ALL)
def test_every_page(pages: dict[str, str], name: str, check: Callable[[str], None]) -> None:
    check(pages[name])


def test_a_split_posts_pages(split_client: TestClient) -> None:
    """The page of a post split into roles (the roles listed) and of one of its roles."""
    hits = split_client.get("/api/search", params={"limit": 100}).json()["hits"]
    role = next(h["id"] for h in hits if re.search(r"/r\d+$", h["id"]))
    post = split_client.get(f"/posting/{role.rsplit('/', 1)[0]}")
    assert "roles" in BeautifulSoup(post.text, "html.parser").h1.get_text()
    for html in (post.text, split_client.get(f"/posting/{role}").text):
        for check in CHECKS:
            check(html)
