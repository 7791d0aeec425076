"""Dashboard tables -> Plotly figure specs (plain dicts, drawn in the browser).

The page embeds each spec as JSON in a ``<script type="application/json">``
element; ``static/dashboard.js`` hands it to the ``plotly.min.js`` that ships
inside the ``plotly`` Python package, served from ``/static/plotly.min.js``.
Nothing is loaded from a CDN.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from mljobs.analytics import Table
from mljobs.web.render import archetype_name

Figure = dict[str, Any]

TITLES: dict[str, str] = {
    "archetypes": "Postings per archetype",
    "skills": "Top skills per archetype",
    "shares": "PhD share and remote share per archetype",
    # Posting.best_salary: stated pay first, else a source's estimate (Glassdoor's)
    "salaries": "Yearly salary ranges per archetype (USD; the pay stated or found in the "
                "text, else a source's estimate such as Glassdoor's)",
    "months": "Postings per month",
    "trends": "Skill trends: share of each month's postings asking for the skill",
}
_FONT = {"family": "system-ui, -apple-system, Segoe UI, sans-serif", "size": 12}


def _layout(**extra: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "margin": {"l": 190, "r": 20, "t": 10, "b": 40},
        "height": 320,
        "font": _FONT,
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "legend": {"orientation": "h", "y": -0.18},
    }
    layout.update(extra)
    return layout


def _names(slugs: list[str]) -> list[str]:
    return [archetype_name(s) for s in slugs]


def archetypes_figure(table: Table) -> Figure:
    """Horizontal bars: postings per archetype."""
    slugs = [r[0] for r in table.rows][::-1]
    counts = [r[1] for r in table.rows][::-1]
    trace = {"type": "bar", "orientation": "h", "x": counts, "y": _names(slugs),
             "marker": {"color": "#4c6ef5"}, "hovertemplate": "%{y}: %{x}<extra></extra>"}
    return {"data": [trace], "layout": _layout(xaxis={"title": {"text": "postings"}})}


def skills_figure(table: Table) -> Figure:
    """A heatmap of skill share per archetype (top skills of each archetype)."""
    archs = list(dict.fromkeys(r[0] for r in table.rows))
    skills = list(dict.fromkeys(r[1] for r in table.rows))
    share = {(r[0], r[1]): r[3] for r in table.rows}
    z = [[share.get((a, s)) for s in skills] for a in archs]
    trace = {"type": "heatmap", "x": skills, "y": _names(archs), "z": z,
             "colorscale": [[0, "#edf2ff"], [1, "#364fc7"]], "zmin": 0,
             "hovertemplate": "%{y}<br>%{x}: %{z:.0%} of postings<extra></extra>"}
    layout = _layout(height=max(300, 60 + 40 * len(archs)),
                     margin={"l": 190, "r": 20, "t": 10, "b": 110}, xaxis={"tickangle": -40})
    return {"data": [trace], "layout": layout}


def shares_figure(table: Table) -> Figure:
    """Grouped bars: share of postings asking for a PhD, and share that are remote."""
    slugs = [r[0] for r in table.rows][::-1]
    rows = table.rows[::-1]
    traces = [
        {"type": "bar", "orientation": "h", "name": "PhD required or preferred",
         "x": [r[4] for r in rows], "y": _names(slugs), "marker": {"color": "#7048e8"},
         "hovertemplate": "%{y}: %{x:.0%}<extra>PhD</extra>"},
        {"type": "bar", "orientation": "h", "name": "remote",
         "x": [r[6] for r in rows], "y": _names(slugs), "marker": {"color": "#12b886"},
         "hovertemplate": "%{y}: %{x:.0%}<extra>remote</extra>"},
    ]
    return {"data": traces, "layout": _layout(barmode="group",
                                              xaxis={"tickformat": ".0%", "range": [0, 1]})}


def salaries_figure(table: Table) -> Figure:
    """Box plots from precomputed quantiles (p10 and p90 as whiskers)."""
    rows = table.rows[::-1]
    trace = {
        "type": "box", "orientation": "h", "y": _names([r[0] for r in rows]),
        "lowerfence": [r[2] for r in rows], "q1": [r[3] for r in rows],
        "median": [r[4] for r in rows], "q3": [r[5] for r in rows],
        "upperfence": [r[6] for r in rows], "marker": {"color": "#f76707"},
        "name": "salary",
    }
    return {"data": [trace], "layout": _layout(showlegend=False,
                                               xaxis={"title": {"text": "USD per year"}})}


def months_figure(table: Table) -> Figure:
    """Stacked bars: postings per month, split by archetype."""
    by_arch: dict[str, dict[str, int]] = defaultdict(dict)
    for month, arch, n in table.rows:
        by_arch[arch][month] = n
    months = sorted({r[0] for r in table.rows})
    traces = [
        {"type": "bar", "name": archetype_name(arch), "x": months,
         "y": [counts.get(m, 0) for m in months]}
        for arch, counts in by_arch.items()
    ]
    layout = _layout(barmode="stack", margin={"l": 50, "r": 20, "t": 10, "b": 40},
                     height=360, legend={"orientation": "h", "y": -0.25},
                     xaxis={"type": "category"})
    return {"data": traces, "layout": layout}


def trends_figure(table: Table) -> Figure:
    """Lines: share of each month's postings that ask for each skill."""
    by_skill: dict[str, dict[str, float]] = defaultdict(dict)
    for month, skill, _n, share in table.rows:
        by_skill[skill][month] = share
    traces = [
        {"type": "scatter", "mode": "lines+markers", "name": skill,
         "x": sorted(points), "y": [points[m] for m in sorted(points)],
         "hovertemplate": "%{x}: %{y:.1%}<extra>" + skill.replace("<", "") + "</extra>"}
        for skill, points in by_skill.items()
    ]
    layout = _layout(margin={"l": 50, "r": 20, "t": 10, "b": 40},
                     yaxis={"tickformat": ".1%", "rangemode": "tozero"},
                     xaxis={"type": "category"})
    return {"data": traces, "layout": layout}


BUILDERS = {
    "archetypes": archetypes_figure,
    "skills": skills_figure,
    "shares": shares_figure,
    "salaries": salaries_figure,
    "months": months_figure,
    "trends": trends_figure,
}


def figure(table: Table) -> Figure:
    """The Plotly spec of one dashboard table."""
    return BUILDERS[table.name](table)
