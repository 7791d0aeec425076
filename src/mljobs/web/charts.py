"""Dashboard tables -> Plotly figure specs (plain dicts, drawn in the browser).

The page embeds each spec as JSON in a ``<script type="application/json">``
element; ``static/dashboard.js`` hands it to the ``plotly.min.js`` that ships
inside the ``plotly`` Python package, served from ``/vendor/plotly.min.js``.
Nothing is loaded from a CDN.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from mljobs.analytics import Table
from mljobs.posting_view import archetype_name

Figure = dict[str, Any]

TITLES: dict[str, str] = {
    "archetypes": "Postings per archetype",
    "skills": "Top skills per archetype",
    "shares": "PhD share and remote share per archetype",
    # stated pay only: a source's estimate (Glassdoor's) is counted apart (analytics.salary_ranges)
    "salaries": "Yearly salary ranges per archetype (USD; the pay stated or found in the "
                "text; a source's estimate such as Glassdoor's left out)",
    "months": "Postings per month",
    "trends": "Skill trends: share of each month's postings asking for the skill",
}
_FONT = {"family": "system-ui, -apple-system, Segoe UI, sans-serif", "size": 12}


def _layout(**extra: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "margin": {"l": 10, "r": 20, "t": 10, "b": 40},  # automargin widens it to the names
        "height": 320,
        "font": _FONT,
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "legend": {"orientation": "h", "y": -0.18},
    }
    layout.update(extra)
    # long tick labels (archetype names) widen the margin instead of being cut at its edge
    for axis in ("xaxis", "yaxis"):
        layout[axis] = {"automargin": True, **layout.get(axis, {})}
    return layout


def _bars_height(archetypes: int, row: int = 36) -> int:
    """The height of a chart with a row per archetype: ``row`` px a row for its two-line
    name (nine rows in 320 px ran the names into one another), 320 px at least."""
    return max(320, 90 + row * archetypes)


def _names(slugs: list[str]) -> list[str]:
    """Archetype names as axis labels: a long one on two lines ("Big-data / ML<br>platform
    engineer"), so the label column is half as wide; on a 375 px phone the one-line names
    needed more than the chart's margin could grow to, and were cut at the chart's edge."""
    return [_two_lines(archetype_name(s)) for s in slugs]


LINE = 16  # characters of an axis label that fit on one line


def _two_lines(name: str) -> str:
    """``name`` broken at the space nearest its middle when longer than ``LINE``."""
    if len(name) <= LINE or " " not in name:
        return name
    spaces = [i for i, c in enumerate(name) if c == " "]
    cut = min(spaces, key=lambda i: abs(len(name) - 2 * i))
    return f"{name[:cut]}<br>{name[cut + 1:]}"


def min_width(table: Table) -> int | None:
    """The narrowest the chart of ``table`` may be drawn, in CSS pixels, or None (any
    width): the heatmap has a column per skill, each needing about 16 px for its rotated
    label; narrower (a phone), plotly dropped most skills' labels and the chart scrolls
    sideways in its own box instead (``.chart-scroll``)."""
    if table.name != "skills":
        return None
    skills = len({r[1] for r in table.rows})
    return 16 * skills + 260  # the names' column and the colour scale


def archetypes_figure(table: Table) -> Figure:
    """Horizontal bars: postings per archetype."""
    slugs = [r[0] for r in table.rows][::-1]
    counts = [r[1] for r in table.rows][::-1]
    trace = {"type": "bar", "orientation": "h", "x": counts, "y": _names(slugs),
             "marker": {"color": "#4c6ef5"}, "hovertemplate": "%{y}: %{x}<extra></extra>"}
    return {"data": [trace], "layout": _layout(height=_bars_height(len(slugs)),
                                               xaxis={"title": {"text": "postings"}})}


def skills_figure(table: Table) -> Figure:
    """A heatmap of skill share per archetype (top skills of each archetype)."""
    archs = list(dict.fromkeys(r[0] for r in table.rows))
    skills = list(dict.fromkeys(r[1] for r in table.rows))
    share = {(r[0], r[1]): r[3] for r in table.rows}
    z = [[share.get((a, s)) for s in skills] for a in archs]
    trace = {"type": "heatmap", "x": skills, "y": _names(archs), "z": z,
             "colorscale": [[0, "#edf2ff"], [1, "#364fc7"]], "zmin": 0,
             "colorbar": {"title": {"text": "share of<br>postings"}, "tickformat": ".0%"},
             "hovertemplate": "%{y}<br>%{x}: %{z:.0%} of postings<extra></extra>"}
    layout = _layout(height=max(300, 60 + 40 * len(archs)),
                     margin={"l": 10, "r": 20, "t": 10, "b": 110}, xaxis={"tickangle": -40})
    return {"data": [trace], "layout": layout}


def shares_figure(table: Table) -> Figure:
    """Grouped bars: share of postings asking for a PhD, and share that are remote."""
    slugs = [r[0] for r in table.rows][::-1]
    rows = table.rows[::-1]
    traces = [
        {"type": "bar", "orientation": "h", "name": "PhD required or preferred",
         "x": [r[4] for r in rows], "y": _names(slugs), "marker": {"color": "#7048e8"},
         "hovertemplate": "%{y}: %{x:.0%}<extra>PhD</extra>"},
        {"type": "bar", "orientation": "h", "name": "remote (of those saying where)",
         "x": [r[6] for r in rows], "y": _names(slugs), "marker": {"color": "#12b886"},
         "hovertemplate": "%{y}: %{x:.0%}<extra>remote</extra>"},
    ]
    return {"data": traces, "layout": _layout(barmode="group", height=_bars_height(len(slugs), 44),
                                              legend={"orientation": "h", "y": -0.3},
                                              xaxis={"tickformat": ".0%", "range": [0, 1],
                                                     "title": {"text": "share of postings"}})}


def salaries_figure(table: Table) -> Figure:
    """Box plots from precomputed quantiles (p10 and p90 as whiskers); an archetype with
    estimates only (no stated pay: no figures) has no box."""
    rows = [r for r in table.rows if r[1]][::-1]
    trace = {
        "type": "box", "orientation": "h", "y": _names([r[0] for r in rows]),
        "lowerfence": [r[2] for r in rows], "q1": [r[3] for r in rows],
        "median": [r[4] for r in rows], "q3": [r[5] for r in rows],
        "upperfence": [r[6] for r in rows], "marker": {"color": "#f76707"},
        "name": "salary",
    }
    return {"data": [trace], "layout": _layout(showlegend=False, height=_bars_height(len(rows)),
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
                     xaxis={"type": "category"}, yaxis={"title": {"text": "postings"}})
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
                     yaxis={"tickformat": ".1%", "rangemode": "tozero",
                            "title": {"text": "share of the<br>month's postings"}},
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


def is_empty(table: Table) -> bool:
    """No chart to draw: no rows, or (salaries) rows of archetypes with estimates only, which
    the finding names and the CSV counts (an empty box plot was drawn for them)."""
    return not table.rows or (table.name == "salaries" and not any(r[1] for r in table.rows))


def figure(table: Table) -> Figure:
    """The Plotly spec of one dashboard table."""
    return BUILDERS[table.name](table)


# --- text alternatives: each chart's main finding in words, and its numbers as a table ---
# (WCAG 1.1.1 and 1.3.1: the page states what a chart shows without it, and its full data
# as a real table; both come from the same Table as the spec, the JSON and the CSV)

NO_DATA = "No data for these filters."
# a chart with no data and no filter to blame (a store with no postings, or none yet with what
# the chart counts: a pay, a posted date, an understanding): it said "for these filters"
NO_DATA_YET = "No posting in this store has data for this chart yet."
HEADERS: dict[str, str] = {
    "archetype": "Archetype", "skill": "Skill", "month": "Month", "postings": "Postings",
    "phd_required": "PhD required", "phd_preferred": "PhD preferred",
    "phd_share": "PhD share (required or preferred)", "remote": "Remote",
    "remote_share": "Remote share (of those saying where)",
    "remote_said": "Postings saying where the work is",
    "with_salary": "Postings stating a USD salary",
    "estimates_left_out": "Postings with only an estimate (left out)",
    "required": "Of them, required (the rest: nice to have)",
    "p10": "10th percentile", "p25": "25th percentile", "median": "Median",
    "p75": "75th percentile", "p90": "90th percentile",
}
SHARE_HEADERS: dict[str, str] = {
    "skills": "Share of the archetype's postings",
    "trends": "Share of the month's postings",
}
_SHARES = {"share", "phd_share", "remote_share"}


def percent(share: float, digits: int = 0) -> str:
    """``0.6123`` -> ``61%`` (``61.2%`` with one digit); a share above 0 never reads 0%."""
    text = f"{share * 100:.{digits}f}%"
    if share > 0 and float(text[:-1]) == 0:
        return f"<{10 ** -digits:g}%"
    return text


# a cell with no figure to give (its CSV cell is empty): what it lacks, in words
NO_FIGURE: dict[str, str] = {"remote_share": "none say where",
                              **dict.fromkeys(("p10", "p25", "median", "p75", "p90"),
                                              "none stated")}


def cell_text(column: str, value: Any) -> str:
    """One table cell as the page shows it: archetype names, 1,234, 61.2%, 150,000; a cell
    with no figure (``None``) as what it lacks (``NO_FIGURE``)."""
    if value is None:
        return NO_FIGURE.get(column, "none")
    if column == "archetype":
        return archetype_name(str(value))
    if column in _SHARES:
        return percent(float(value), 1)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def table_view(table: Table) -> dict[str, Any]:
    """The table a screen reader (or a reader without the chart) gets: a caption, column
    headers and each row's cells as ``(text, is_row_header)``; exactly the CSV's rows."""
    numeric = [c not in ("archetype", "skill", "month") for c in table.columns]
    keys = numeric.index(True)  # the leading columns name a row (``<th scope="row">``)
    headers = [SHARE_HEADERS.get(table.name, HEADERS.get(c, c)) if c == "share"
               else HEADERS.get(c, c) for c in table.columns]
    rows = [[(cell_text(c, v), i < keys)
             for i, (c, v) in enumerate(zip(table.columns, row, strict=True))]
            for row in table.rows]
    return {"caption": TITLES[table.name], "headers": headers, "numeric": numeric, "rows": rows}


def _postings(n: int, what: str = "postings") -> str:
    """``1 posting``, ``1,234 postings`` (``what`` in the plural)."""
    return f"{n:,} {what}" if n != 1 else f"1 {what.replace('postings', 'posting')}"


def _listing(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def archetypes_finding(table: Table) -> str:
    total = sum(r[1] for r in table.rows)
    ranked = sorted(table.rows, key=lambda r: -r[1])  # stable: ties keep the table's order
    said = [f"{archetype_name(a)} {n:,} ({percent(n / total)})" for a, n in ranked]
    if len(ranked) == 1:
        every = "" if total == 1 else "all "
        return f"{_postings(total)}, {every}{archetype_name(ranked[0][0])}."
    if len(ranked) <= 4:
        return f"{total:,} postings: {_listing(said)}."
    return (f"{total:,} postings in {len(ranked)} archetypes. Most: {', '.join(said[:3])}. "
            f"Fewest: {said[-1]}.")


def skills_finding(table: Table) -> str:
    by_arch: dict[str, list[str]] = defaultdict(list)
    for arch, skill, _n, share, _required in table.rows:
        if len(by_arch[arch]) < 3:
            by_arch[arch].append(f"{skill} {percent(share)}")
    parts = [f"{archetype_name(a)}: {', '.join(s)}" for a, s in by_arch.items()]
    return "Most asked-for skills, by share of each archetype's postings. " + "; ".join(parts) + "."


def shares_finding(table: Table) -> str:
    # an archetype none of whose postings says where the work is has no remote share (None):
    # ranked with the others, it was the least remote, at 0%
    if len(table.rows) == 1:
        row = table.rows[0]
        remote = (f"remote {percent(row[6])} of those saying where" if row[6] is not None
                  else "and none says where the work is")
        return (f"{archetype_name(row[0])} ({_postings(row[1])}): PhD required or preferred "
                f"{percent(row[4])}, {remote}.")
    parts = []
    for label, col in (("PhD required or preferred", 4),
                       ("Remote, of postings saying where the work is", 6)):
        ranked = sorted((r for r in table.rows if r[col] is not None), key=lambda r: -r[col])
        silent = [f"{archetype_name(r[0])}'s" for r in table.rows if r[col] is None]
        none = f"; none of {_listing(silent)} postings says where" if silent else ""
        if not ranked:
            parts.append("Remote: no posting says where the work is.")
            continue
        high, low = ranked[0], ranked[-1]
        if high[col] == low[col]:
            every = "every archetype" if not silent else "every other archetype"
            parts.append(f"{label}: {percent(high[col])} in {every}{none}.")
            continue
        parts.append(f"{label}: highest {archetype_name(high[0])} {percent(high[col])}, "
                     f"lowest {archetype_name(low[0])} {percent(low[col])}{none}.")
    return " ".join(parts)


def salaries_finding(table: Table) -> str:
    # an archetype with estimates only (0 stated, no figures) is named apart: it had no row,
    # and its estimates went unsaid
    ranked = sorted((r for r in table.rows if r[1]), key=lambda r: -r[4])
    unstated = [r for r in table.rows if not r[1]]
    if not ranked:
        return ("No posting states a salary: " + _listing([
            f"{archetype_name(r[0])} {r[7]:,}" for r in unstated])
            + " with only an estimate, left out.")
    said = [f"{archetype_name(r[0])} {r[4]:,} ({r[1]:,} with a salary"
            + (f"; {r[7]:,} with only an estimate left out)" if r[7] else ")") for r in ranked]
    apart = ("" if not unstated else " No stated salary: " + "; ".join(
        f"{archetype_name(r[0])} ({r[7]:,} with only an estimate left out)" for r in unstated)
        + ".")
    return "Median yearly salary in USD, highest first: " + "; ".join(said) + "." + apart


def months_finding(table: Table) -> str:
    per_month: dict[str, int] = defaultdict(int)
    for month, _arch, n in table.rows:
        per_month[month] += n
    months = sorted(per_month)
    total = sum(per_month.values())
    if len(months) == 1:
        every = "" if total == 1 else "all "
        return f"{_postings(total, 'dated postings')}, {every}from {months[0]}."
    busiest = max(months, key=lambda m: (per_month[m], m))
    quietest = min(months, key=lambda m: (per_month[m], m))
    return (f"{total:,} dated postings from {months[0]} to {months[-1]}. Busiest month: "
            f"{busiest} ({per_month[busiest]:,}); quietest: {quietest} "
            f"({per_month[quietest]:,}); latest, {months[-1]}: {per_month[months[-1]]:,}.")


def trends_finding(table: Table) -> str:
    by_skill: dict[str, dict[str, float]] = defaultdict(dict)
    for month, skill, _n, share in table.rows:
        by_skill[skill][month] = share
    parts = []
    for skill, points in by_skill.items():
        months = sorted(points)
        first, last = months[0], months[-1]
        if first == last:
            parts.append(f"{skill} {percent(points[first], 1)} in {first}")
            continue
        peak = max(months, key=lambda m: (points[m], m))
        parts.append(f"{skill} {percent(points[first], 1)} in {first}, "
                     f"{percent(points[last], 1)} in {last}, highest "
                     f"{percent(points[peak], 1)} in {peak}")
    return "Share of each month's postings asking for the skill: " + "; ".join(parts) + "."


FINDINGS = {
    "archetypes": archetypes_finding,
    "skills": skills_finding,
    "shares": shares_finding,
    "salaries": salaries_finding,
    "months": months_finding,
    "trends": trends_finding,
}


def finding(table: Table, *, filtered: bool = True, counted: int = 0) -> str:
    """The main finding of one dashboard chart in words (plain text: the page escapes it);
    with no rows, ``NO_DATA`` when the view is ``filtered``, else ``NO_DATA_YET``; a month
    chart with none of the ``counted`` postings dated says so (it said "No data for these
    filters." under a heading of 998 postings)."""
    if not table.rows and counted and table.name in ("months", "trends"):
        return (("The one posting counted here says no date it was posted" if counted == 1
                 else f"None of the {counted:,} postings counted here says when it was posted")
                + ": undated postings are left out of this chart.")
    if not table.rows:
        return NO_DATA if filtered else NO_DATA_YET
    return FINDINGS[table.name](table)
