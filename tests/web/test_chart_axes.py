"""Each dashboard chart says what its numbers count: the axis (or the heatmap's colour
scale) that carries the numbers has a title naming the unit, and the axes holding names
(archetypes, months) widen their margin to fit them (``automargin``) rather than cut them.

Real requests to the app (TestClient) on the gold-label demo store; the Plotly spec is read
from the ``<script type="application/json">`` beside each chart, as dashboard.js reads it."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

# the axis that carries each chart's numbers (the heatmap's numbers are its colours)
VALUE_AXIS = {"archetypes": "xaxis", "shares": "xaxis", "salaries": "xaxis",
              "months": "yaxis", "trends": "yaxis"}


def specs(client: TestClient, query: str = "") -> dict[str, dict]:
    response = client.get("/dashboard" + query)
    assert response.status_code == 200
    page = BeautifulSoup(response.text, "html.parser")
    return {s["id"].removeprefix("spec-"): json.loads(s.string)
            for s in page.select("script[type='application/json'][id^=spec-]")}


def title_of(part: dict) -> str:
    title = part.get("title") or {}
    return str(title.get("text", "") if isinstance(title, dict) else title)


def test_every_chart_names_the_unit_of_its_numbers(client: TestClient) -> None:
    for query in ("", "?remote=remote", "?specialisation=llm-genai&seniority=senior"):
        found = specs(client, query)
        # a chart without data for the filters is not drawn (its panel says so)
        assert set(found) <= set(VALUE_AXIS) | {"skills"} and "archetypes" in found
        for name, axis in VALUE_AXIS.items():
            if name not in found:
                continue
            text = title_of(found[name]["layout"].get(axis, {}))
            assert any(unit in text for unit in ("postings", "USD")), (name, text)
        assert query or set(found) == set(VALUE_AXIS) | {"skills"}
        colorbar = found["skills"]["data"][0].get("colorbar", {})
        assert "postings" in title_of(colorbar)
        assert colorbar.get("tickformat") == ".0%"


def test_name_axes_make_room_for_long_names(client: TestClient) -> None:
    for name, spec in specs(client).items():
        layout = spec["layout"]
        assert layout["xaxis"].get("automargin") is True, name
        assert layout["yaxis"].get("automargin") is True, name


def test_long_archetype_names_take_two_lines(client: TestClient) -> None:
    """On a phone the one-line names needed more than the chart's margin could grow to;
    broken at the space nearest the middle they need half (the browser test draws them)."""
    names = specs(client)["archetypes"]["data"][0]["y"]
    assert "Big-data / ML<br>platform engineer" in names
    assert "Not an ML role" in names  # short enough for one line
    assert all(len(line) <= 18 for name in names for line in name.split("<br>")), names


def test_the_heatmap_keeps_a_column_per_skill(client: TestClient) -> None:
    page = BeautifulSoup(client.get("/dashboard").text, "html.parser")
    skills = json.loads(page.select_one("#spec-skills").string)["data"][0]["x"]
    chart = page.select_one("#chart-skills")
    assert int(chart["data-min-width"]) == 16 * len(skills) + 260
    assert chart.parent["class"] == ["chart-scroll"]
    assert page.select_one("#chart-archetypes").get("data-min-width") is None
