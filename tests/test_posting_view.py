"""What a shown posting says beyond its fields: pay lines, figures, duplicates, split posts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from mljobs.enrich.salary import parse_salary
from mljobs.models import Enrichment, Posting, Salary, SalaryInterval
from mljobs.posting_view import (
    PostRole,
    duplicates_of,
    pay_figures,
    pay_of,
    roles_of,
    split_roles,
)
from mljobs.store import open_store

NOW = datetime(2026, 5, 1, tzinfo=UTC)
ESTIMATE = Salary(min=33_000, max=62_000, currency="USD", interval=SalaryInterval.YEAR,
                  stated=False, text="$33K-$62K (Glassdoor est.)")


def posting(pid: str, text: str, **kw: object) -> Posting:
    source, _, sid = pid.partition(":")
    title = str(kw.pop("title", "Data Scientist"))
    return Posting(id=pid, source=source, source_id=sid, title=title,
                   description_text=text, **kw)  # type: ignore[arg-type]


def test_cents_are_read_and_shown() -> None:
    found = parse_salary("Pay: $140,000.00 - $185,000.00 per year")
    assert found is not None and (found.min, found.max) == (140_000, 185_000)
    assert found.span() == "140,000.00-185,000.00"
    euro = parse_salary("Gehalt: €60.000,00 - 80.000,00 im Jahr")
    assert euro is not None and euro.span() == "60,000.00-80,000.00"
    hourly = parse_salary("$25.50/hr")
    assert hourly is not None and hourly.span() == "25.50"
    # no cents written: none shown; a multiplier's decimals are no cents
    assert Salary(min=120_000, max=150_000, text="$120k-$150k").span() == "120,000-150,000"
    assert Salary(min=1_250_000, max=1_250_000, text="$1.25M").span() == "1,250,000"
    assert Salary(min=3_500_000, max=3_500_000, text="₹35.00 lakhs").span() == "3,500,000"


def test_stated_pay_comes_before_the_estimate_with_the_count_of_figures() -> None:
    text = ("Compensation: $150,000 - $180,000 per year for this role. "
            "Senior hires: $190,000 - $220,000 per year. The midpoint is $165,000.")
    lines = pay_of(posting("glassdoor-2020:a1", text, salary=ESTIMATE))
    assert [p.estimate for p in lines] == [False, True]
    assert (lines[0].salary.min, lines[0].salary.max) == (150_000, 180_000)
    # the midpoint lies in the first range: two different figures, not three
    assert lines[0].note() == "first of 2 pay figures in the text"
    assert lines[1].salary is ESTIMATE and "Glassdoor's estimate" in lines[1].label()
    assert lines[0].label() == ""


def test_one_figure_no_note_and_a_repeated_figure_counts_once() -> None:
    text = "Salary $120k-$150k. Again: the salary is $120k-$150k."
    assert [(s.min, s.max) for s in pay_figures(text)] == [(120_000, 150_000)]
    lines = pay_of(posting("file:b1", text))
    assert len(lines) == 1 and lines[0].note() == ""


def test_a_source_field_of_stated_pay_is_shown_as_given() -> None:
    given = Salary(min=100_000, max=120_000, currency="USD", text="$100K-$120K (Employer est.)")
    lines = pay_of(posting("glassdoor-2020:c1", "Pay $1 - $2 an hour, or $90k a year.",
                           salary=given))
    assert len(lines) == 1 and lines[0].salary is given and lines[0].figures == 0
    assert lines[0].label() == "the employer's estimate"
    # the enrichment read the same figures as an estimate: one line, not two
    found = given.model_copy(update={"stated": False})
    enriched = posting("glassdoor-2020:c2", "no pay here", salary=given,
                       enrichment=Enrichment(version="t", salary=found))
    assert [p.salary for p in pay_of(enriched)] == [given]


def test_no_pay_no_lines() -> None:
    assert pay_of(posting("file:d1", "We build models. Equity and a 401(k).")) == []


def test_duplicates_and_split_posts(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite3")
    store.upsert([
        posting("file:job", "Train models.", url="https://example.org/1"),
        posting("lever:job", "Train models.", url="https://jobs.example.org/1",
                canonical_id="file:job"),
        posting("greenhouse:job", "Train models.", canonical_id="file:job"),
        posting("hackernews:9/r1", "ML engineer", title="ML Engineer"),
        posting("hackernews:9/r2", "Data engineer", title="Data Engineer"),
        posting("hackernews:9/r10", "Analyst", title="Analyst"),
        posting("hackernews:99/r1", "Other post", title="Other"),
    ], now=NOW)
    lever = store.get("lever:job")
    assert lever is not None
    assert [p.id for p in duplicates_of(store, lever)] == ["file:job", "greenhouse:job"]
    canonical = store.get("file:job")
    assert canonical is not None
    assert [p.id for p in duplicates_of(store, canonical)] == ["greenhouse:job", "lever:job"]
    assert roles_of(store, "hackernews:9") == [
        PostRole("hackernews:9/r1", "ML Engineer"), PostRole("hackernews:9/r2", "Data Engineer"),
        PostRole("hackernews:9/r10", "Analyst")]
    assert roles_of(store, "hackernews:99/r1") == []
    assert roles_of(store, "file:job") == []
    store.close()


def test_split_roles_answers_only_for_a_ref_that_finds_no_posting(tmp_path: Path) -> None:
    """``split_roles`` is the one split-post check of ``show``, the posting page and the API:
    the roles of the post a ref names by any id form, and none where the ref finds a posting."""
    store = open_store(tmp_path / "s.sqlite3")
    store.upsert([
        posting("hackernews:9/r1", "ML engineer", title="ML Engineer"),
        posting("hackernews:9/r2", "Data engineer", title="Data Engineer"),
        # a post stored whole beside role postings of its own (a store split by a later run)
        posting("hackernews:7", "Two roles", title="Two roles"),
        posting("hackernews:7/r1", "ML engineer", title="ML Engineer"),
        posting("file:job", "Train models."),
    ], now=NOW)
    roles = [PostRole("hackernews:9/r1", "ML Engineer"),
             PostRole("hackernews:9/r2", "Data Engineer")]
    for ref in ("hackernews:9", " hackernews:9 ", "9", "hn-9"):
        assert store.resolve_id(ref) is None
        assert split_roles(store, ref) == roles, ref
    assert roles_of(store, "hackernews:7") == [PostRole("hackernews:7/r1", "ML Engineer")]
    # a ref that finds a posting is shown as it (its callers ask split_roles only of a ref
    # that finds none), and a ref that finds none and names no split post has no roles
    for ref in ("hackernews:7", "hackernews:9/r1", "file:job", "job"):
        assert store.resolve_id(ref) is not None, ref
    assert store.resolve_id("hackernews:1") is None
    assert split_roles(store, "hackernews:1") == []
    store.close()
    # the post stored whole beside its role postings is shown, not named as split
    from typer.testing import CliRunner

    from mljobs.cli import app
    res = CliRunner().invoke(app, ["--db", str(tmp_path / "s.sqlite3"), "show", "hackernews:7"])
    assert res.exit_code == 0 and "split into one posting per role" not in res.output
    assert "Two roles" in res.output
