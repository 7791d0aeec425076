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
