"""Text colours of the served stylesheet against their backgrounds reach WCAG AA (4.5:1 for
text under 18pt): the accent (links, the Search button's white text) was 4.3:1, the salary
green 4.4:1 and the big-data badge 4.0:1. The stylesheet is read through the app."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def rule(css: str, selector: str) -> str:
    found = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css)
    assert found, selector
    return found.group(1)


def prop(body: str, name: str, variables: dict[str, str]) -> str:
    value = re.search(rf"(?:^|[;\s]){name}:\s*([^;]+);", body)
    assert value, (name, body)
    text = value.group(1).strip()
    return variables.get(text[6:-1], text) if text.startswith("var(--") else text


@pytest.fixture(scope="module")
def css(client: TestClient) -> str:
    response = client.get("/static/style.css")
    assert response.status_code == 200
    return response.text


def test_text_colours_reach_aa(css: str) -> None:
    variables = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", rule(css, ":root")))
    white = variables["bg"]
    pairs = [("links and button text", variables["accent"], white),
             ("dim text", variables["dim"], white),
             ("dim text on the header", variables["dim"], variables["soft"]),
             ("salary", prop(rule(css, ".salary"), "color", variables), white),
             ("remote", prop(rule(css, ".remote-remote"), "color", variables), white)]
    for selector in re.findall(r"(\.badge(?:\.arch-[\w-]+)?(?:, \.badge\.arch-[\w-]+)?)\s*\{", css):
        body = rule(css, selector)
        pairs.append((selector, prop(body, "color", variables),
                      prop(body, "background", variables)))
    assert len(pairs) >= 9
    low = [(name, round(contrast(fg, bg), 2)) for name, fg, bg in pairs if contrast(fg, bg) < 4.5]
    assert low == []


def control_rules(css: str) -> list[tuple[str, str]]:
    """(selector, body) of every rule that styles a form field or a facet's tick box."""
    rules = re.findall(r"([^{}]+)\{([^}]*)\}", css)
    return [(sel.strip(), body) for sel, body in rules
            if re.search(r"\b(input|select|textarea)\b|\.box\b", sel)]


def test_form_fields_and_tick_boxes_have_a_visible_edge(client: TestClient, css: str) -> None:
    """WCAG 2.2 1.4.11 (non-text contrast): the edge that shows where a field is (the query
    box, the menus, the salary and match fields, the facets' tick boxes) reaches 3:1 against
    the page. They were drawn in the divider grey --line (#d0d7de, 1.45:1): on a phone in
    the sun, or to low vision, the search box was not there."""
    variables = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", rule(css, ":root")))
    match_page = BeautifulSoup(client.get("/match").text, "html.parser")
    inline = "".join(s.get_text() for s in match_page.find_all("style"))
    edges = []
    for sheet in (css, inline):
        for selector, body in control_rules(sheet):
            found = re.search(r"border(?:-color)?:[^;]*?(var\(--[\w-]+\)|#[0-9a-fA-F]{6})", body)
            if found:
                colour = found.group(1)
                edges.append((selector, variables.get(colour[6:-1], colour)))
    assert len(edges) >= 4, edges  # the search box, the search/dashboard and match forms, the box
    low = [(s, c, round(contrast(c, variables["bg"]), 2)) for s, c in edges
           if contrast(c, variables["bg"]) < 3]
    assert low == []


def test_the_probability_bars_stand_out(css: str) -> None:
    """WCAG 1.4.11: the posting page's archetype bars (the others than the top one) were
    #adb5bd, 2.1:1 on white; a bar's length is its share, so it is seen at 3:1."""
    variables = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", rule(css, ":root")))
    for selector in ("svg.proba rect.bar", "svg.proba rect.bar.top"):
        fill = prop(rule(css, selector), "fill", variables)
        assert contrast(fill, variables["bg"]) >= 3, (selector, fill)
