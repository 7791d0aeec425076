"""A CSV file saved by a spreadsheet set to a European locale separates its values with
semicolons, and a "CSV" exported as tab-separated values with tabs: every row of them was a
bad row "field 'title': missing or empty" (the whole header was read as one column named
'title;company;description'). The separator is now read from the header line when it has
no comma."""

from __future__ import annotations

from pathlib import Path

import pytest

from mljobs.importer import import_file
from mljobs.store import SQLiteStore


@pytest.mark.parametrize("sep", [";", "\t", "|"])
def test_a_csv_separated_by_another_character_imports(store: SQLiteStore, tmp_path: Path,
                                                      now, sep: str) -> None:
    path = tmp_path / "jobs.csv"
    rows = [["title", "company", "location", "description"],
            ["ML Engineer", "Acme", "Berlin, Germany", "Train PyTorch models, ship them."],
            ["Data Scientist", "Beta", "Paris", "SQL and A/B tests."]]
    path.write_text("\n".join(sep.join(r) for r in rows) + "\n", encoding="utf-8")
    report = import_file(store, path, now=now)
    assert (report.rows, report.new, report.failed) == (2, 2, 0), report.errors
    got = {p.title: p for _, p in store.iter_postings()}
    assert set(got) == {"ML Engineer", "Data Scientist"}
    assert got["ML Engineer"].company == "Acme"
    # a comma inside a value of a semicolon file stays in the value
    assert got["ML Engineer"].locations == ("Berlin, Germany",)


def test_a_comma_header_stays_comma_separated(store: SQLiteStore, tmp_path: Path,
                                              now) -> None:
    path = tmp_path / "jobs.csv"
    path.write_text('title,company,description\n"ML Engineer; NLP",Acme,"a; b; c"\n',
                    encoding="utf-8")
    report = import_file(store, path, now=now)
    assert report.new == 1
    assert next(p for _, p in store.iter_postings()).title == "ML Engineer; NLP"


def test_a_quote_never_closed_is_a_bad_row_not_the_rest_of_the_file(store: SQLiteStore,
                                                                       tmp_path: Path,
                                                                       now) -> None:
    # the quote opened on line 3 swallowed lines 3-5 into one title, silently: three
    # postings became one titled 'Data Scientist,Beta\nML Engineer,Gamma\n...'
    path = tmp_path / "jobs.csv"
    path.write_text('title,company\nResearch Engineer,Acme\n"Data Scientist,Beta\n'
                    'ML Engineer,Gamma\nPlatform Engineer,Delta\n', encoding="utf-8")
    report = import_file(store, path, now=now)
    assert (report.new, report.failed) == (1, 1)
    assert [p.title for _, p in store.iter_postings()] == ["Research Engineer"]
    assert str(report.errors[0]).endswith(
        "jobs.csv:3: a quote opened in this row is never closed, so lines 3-5 (the rest of "
        "the file) read as one value; close the quote, or remove it, and import again")


def test_a_quote_never_closed_after_a_quote_in_a_plain_value_is_a_bad_row(
        store: SQLiteStore, tmp_path: Path, now) -> None:
    """Two quotes in all, the plain value's and the one never closed. Before: the count of
    quotes, even, skipped the check, and the file imported as one posting, 'ok', the two
    rows after it gone into its description."""
    path = tmp_path / "jobs.csv"
    path.write_text('title,company,description\nMonitor 27" engineer,Acme,"fine\n'
                    'ML Engineer,Beta,x\nData Scientist,Gamma,y\n', encoding="utf-8")
    report = import_file(store, path, now=now)
    assert (report.new, report.failed) == (0, 1), report.errors
    assert str(report.errors[0]).endswith(
        "jobs.csv:2: a quote opened in this row is never closed, so lines 2-4 (the rest of "
        "the file) read as one value; close the quote, or remove it, and import again")


def test_quotes_in_plain_values_and_closed_quotes_are_fine(store: SQLiteStore,
                                                          tmp_path: Path, now) -> None:
    path = tmp_path / "jobs.csv"
    path.write_text('title,description\nML Engineer,Works on a 27" screen\n'
                    '"Data Scientist","Two\nlines"\n', encoding="utf-8")
    report = import_file(store, path, now=now)
    assert (report.new, report.failed) == (2, 0), report.errors


def test_a_comma_in_a_quoted_header_name_is_no_separator(store: SQLiteStore, tmp_path: Path,
                                                         now) -> None:
    """Before: the comma within the header's quoted "Notes, internal" made the file read as
    comma-separated, and its one row was a bad row."""
    path = tmp_path / "jobs.csv"
    path.write_text('title;company;"Notes, internal";description\n'
                    'ML Engineer;Acme;x;"PyTorch, JAX"\n', encoding="utf-8")
    report = import_file(store, path, now=now)
    assert (report.rows, report.new, report.failed) == (1, 1, 0), report.errors
    [(_, posting)] = list(store.iter_postings())
    assert (posting.title, posting.company) == ("ML Engineer", "Acme")
    assert "PyTorch, JAX" in (posting.description_text or "")
