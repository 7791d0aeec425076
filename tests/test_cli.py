"""The command line, in-process: exit codes, output, stable JSON, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.store import open_store

runner = CliRunner()


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_import_search_show_stats(tmp_path: Path, hn_sample: Path) -> None:
    db = str(tmp_path / "cli.sqlite3")
    res = invoke("--db", db, "import", "--no-enrich", str(hn_sample))
    assert res.exit_code == 0, res.output
    assert "Import summary" in res.output and "43" in res.output
    again = invoke("--db", db, "import", "--no-enrich", str(hn_sample))
    assert again.exit_code == 0

    res = invoke("--db", db, "search", "engineer", "--limit", "3", "--json")
    assert res.exit_code == 0
    data = json.loads(res.output)
    assert set(data) == {"query", "filters", "posted_since", "salary_min", "sort", "total",
                         "offset", "limit", "engine", "hits", "facets"}
    assert data["total"] > 3 and len(data["hits"]) == 3
    assert set(data["hits"][0]) == {"id", "score", "title", "company", "posted_at",
                                    "first_seen", "snippet_html", "archetype", "remote",
                                    "source", "status", "pay"}
    first = data["hits"][0]["id"]

    res = invoke("--db", db, "show", first)
    assert res.exit_code == 0 and "news.ycombinator.com/item?id=" in res.output
    res = invoke("--db", db, "show", first, "--json")
    assert json.loads(res.output)["id"] == first

    res = invoke("--db", db, "stats", "--json")
    stats = json.loads(res.output)
    assert stats["postings"] == 43 and stats["by_source"] == {"hackernews": 43}


def test_search_text_output_and_filters(tmp_path: Path, hn_sample: Path) -> None:
    db = str(tmp_path / "cli.sqlite3")
    invoke("--db", db, "import", "--no-enrich", str(hn_sample))
    res = invoke("--db", db, "search", "engineer", "--remote", "remote", "--since", "2026-03-01",
                 "--sort", "date", "--facets")
    assert res.exit_code == 0
    assert "postings match" in res.output and "remote:" in res.output


def test_errors_are_one_red_line_and_nonzero(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.sqlite3")
    open_store(db).close()  # an empty store
    res = invoke("--db", db, "show", "nope")
    assert res.exit_code == 1 and "no posting 'nope'" in res.output
    res = invoke("--db", db, "search", "x", "--since", "yesterday-ish")
    assert res.exit_code == 1 and "--since" in res.output
    res = invoke("--db", db, "search", "x", "--filter", "colour=blue")
    assert res.exit_code == 1 and "unknown field" in res.output
    res = invoke("--db", db, "import", str(tmp_path / "missing.jsonl"))
    assert res.exit_code == 1 and "no such file" in res.output
    assert "Traceback" not in res.output


def test_reading_a_missing_store_says_so_and_creates_nothing(tmp_path: Path) -> None:
    cv = tmp_path / "cv.txt"
    cv.write_text("Jane Doe\nML engineer, 5 years of Python, PyTorch and Kubernetes.\n")
    stores = tmp_path / "stores"
    stores.mkdir()
    missing = stores / "typo.sqlite3"
    for args in (("show", "hn-1"), ("search", "x"), ("stats",), ("reindex",), ("serve",),
                 ("enrich", "--store"), ("match", str(cv))):
        for where in (("--db", str(missing), *args), (*args, "--db", str(missing))):
            res = invoke(*where)
            assert res.exit_code == 1, (where, res.output)
            text = res.output.replace("\n", "")
            assert f"no store at {missing}" in text and "mljobs --db" in text, text
            assert "import" in text and "demo" in text
            assert list(stores.iterdir()) == [], where


def test_import_creates_the_store(tmp_path: Path, hn_sample: Path) -> None:
    db = tmp_path / "new" / "fresh.sqlite3"
    res = invoke("--db", str(db), "import", "--no-enrich", str(hn_sample))
    assert res.exit_code == 0 and db.exists()
    assert invoke("--db", str(db), "stats").exit_code == 0


def test_bad_rows_exit_nonzero_with_locations(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text('{"title": "ok", "id": "1"}\n{broken\n')
    res = invoke("--db", str(tmp_path / "s.sqlite3"), "import", "--no-enrich", str(path))
    assert res.exit_code == 1
    assert f"{path}:2" in res.output.replace("\n", "")
    assert "partial" in res.output


def test_demo_says_it_does_not_use_the_global_db(tmp_path: Path) -> None:
    from mljobs.cli.demo_cmd import global_db_note

    own = tmp_path / "demo.sqlite3"
    mine = tmp_path / "mine.sqlite3"
    note = global_db_note(None, mine, own)
    assert note is not None and str(own) in note and str(mine) in note and "mljobs demo --db" in note
    assert global_db_note(None, own, own) is None  # MLJOBS_DB already names the demo store
    assert global_db_note(mine, mine, mine) is None  # the command's own --db is used
    assert global_db_note(None, None, own) is None


def test_the_demo_store_named_another_way_gets_no_note(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """``mljobs --db demo.sqlite3 demo`` in the demo store's folder (or ``MLJOBS_DB`` naming
    it by a symlink) builds that very store, yet was told "MLJOBS_DB (demo.sqlite3) is not
    used": the paths were compared as typed, not as the files they name."""
    from mljobs.cli.demo_cmd import global_db_note

    own = tmp_path / "demo.sqlite3"
    link = tmp_path / "link.sqlite3"
    link.symlink_to(own)
    monkeypatch.chdir(tmp_path)
    assert global_db_note(None, Path("demo.sqlite3"), own) is None
    assert global_db_note(None, link, own) is None
    assert global_db_note(None, Path("mine.sqlite3"), own) is not None  # another store: said


def test_a_db_typed_before_demo_is_the_demos_db(tmp_path: Path, hn_sample: Path) -> None:
    """``mljobs --db PATH demo`` built the default demo store and left PATH as it was, with a
    note that four helper sessions in a row missed, then searched an empty PATH: the ``--db``
    typed before the command is the demo's, with ``demo --db``'s refusal of a store holding
    postings (MLJOBS_DB from the environment is still not used: the note says so)."""
    db = tmp_path / "mine.sqlite3"
    assert invoke("--db", str(db), "import", str(hn_sample)).exit_code == 0
    result = invoke("--db", str(db), "demo")
    assert result.exit_code != 0
    said = " ".join(result.output.split())
    assert f"{db} already holds" in said and "--replace" in said, said
    assert "is not used" not in said
    shown = invoke("--db", str(db), "stats")
    assert shown.exit_code == 0 and "hackernews" in shown.output  # nothing was deleted


def test_a_db_after_demo_wins_over_one_before(tmp_path: Path, hn_sample: Path) -> None:
    """``mljobs --db A demo --db B``: B, the command's own ``--db``, as for every command
    (docs/cli.md says so); A is left as it was and named nowhere."""
    before, after = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert invoke("--db", str(after), "import", str(hn_sample)).exit_code == 0
    result = invoke("--db", str(before), "demo", "--db", str(after))
    said = " ".join(result.output.split())
    assert result.exit_code != 0 and f"{after} already holds" in said, said
    assert str(before) not in said and not before.exists()


def test_a_symlink_loop_before_demo_is_no_traceback(tmp_path: Path) -> None:
    """``mljobs --db loop.sqlite3 demo``, a symlink to itself, raised RuntimeError("Symlink
    loop") with a traceback (the path was compared to the demo store's by ``resolve``); it is
    now ``demo --db loop.sqlite3``, which builds the demo store there, as it did."""
    loop = tmp_path / "loop.sqlite3"
    loop.symlink_to(loop)
    result = invoke("--db", str(loop), "demo")
    assert result.exit_code == 0, result.exception
    assert f"in {loop}" in " ".join(result.output.split()), result.output


def test_demo_refuses_to_overwrite_a_store_with_postings(tmp_path: Path, hn_sample: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    assert invoke("--db", str(db), "import", str(hn_sample)).exit_code == 0
    result = invoke("demo", "--db", str(db))
    assert result.exit_code != 0
    assert "--replace" in result.output
    shown = invoke("--db", str(db), "stats")
    assert shown.exit_code == 0 and "hackernews" in shown.output  # nothing was deleted


def _import_and_show(tmp_path: Path, row: dict[str, str]):  # type: ignore[no-untyped-def]
    """Import one corpus-format row into a new store under ``tmp_path`` and ``show`` it."""
    path = tmp_path / "row.jsonl"
    path.write_text(json.dumps(row) + "\n")
    db = str(tmp_path / "row.sqlite3")
    assert invoke("--db", db, "import", str(path)).exit_code == 0
    return invoke("--db", db, "show", f"file:{row['id']}")


def test_show_strips_what_a_terminal_would_act_on(tmp_path: Path) -> None:
    """A posting's text is untrusted: ESC sequences (clear screen, set the window title,
    recolour), a one-character C1 CSI and bidi overrides must not reach the terminal."""
    row = {"id": "e1", "title": "Evil \x1b]0;pwned\x07 \x1b[2J title", "company": "Bad\x1b[31mCo",
           "text": "Hello \x1b[31mred\x1b[0m, \x9b31m and \u202egnp.exe [bold]not markup[/bold]"}
    res = _import_and_show(tmp_path, row)
    assert res.exit_code == 0, res.output
    for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert bad not in res.output
    assert "Hello [31mred[0m" in res.output and "[bold]not markup[/bold]" in res.output
    assert "Bad[31mCo" in res.output


def test_salary_line_keeps_up_to_and_or_more() -> None:
    from mljobs.cli.render import salary_line
    from mljobs.enrich.salary import parse_salary

    def line(text: str) -> str:
        s = parse_salary(text)
        assert s is not None
        return salary_line(s)

    assert line("Up to $140k CAD + Generous Equity") == "up to 140,000 CAD per year"
    assert line("€160.000+ | Full-Time") == "160,000+ EUR per year"
    assert line("$80k-$110k+ (can go higher)") == "80,000-110,000+ USD per year"
    assert line("$45-$60 per hour") == "45-60 USD per hour"
    assert line("$56K-$97K (Glassdoor est.)") == (
        "56,000-97,000 USD per year (estimate, not stated by the employer)")


def test_show_names_both_remote_values_when_they_differ(tmp_path: Path) -> None:
    """"ONSITE / HYBRID": the source's parse said onsite, the text reader hybrid; the facts
    row once said "onsite" while the facets below said "hybrid"."""
    row = {"id": "r1", "title": "Acme | ML Engineer | Boston | ONSITE / HYBRID", "remote": "onsite",
           "text": "Acme | ML Engineer | Boston | ONSITE / HYBRID\nHybrid: 3 days a week in the office."}
    res = _import_and_show(tmp_path, row)
    assert res.exit_code == 0 and "onsite (the text says hybrid)" in res.output


def test_error_lines_and_tables_show_brackets_as_written(tmp_path: Path) -> None:
    """Error messages and store counts name values from files and the command line; Rich
    must not read them as markup (``[/x]`` raised MarkupError, ``[http]`` vanished)."""
    db = str(tmp_path / "b.sqlite3")
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"title": "ok", "company": "[/x] Corp", "id": "1"}\n'
                    '{"title": "bad", "posted_at": "[/bold] soon"}\n')
    res = invoke("--db", db, "import", "--no-enrich", str(rows))
    assert res.exit_code == 1
    assert "'[/bold] soon'" in res.output.replace("\n", "")
    res = invoke("--db", db, "stats")
    assert res.exit_code == 0 and "[/x] Corp" in res.output
    res = invoke("--db", db, "show", "[/x]")
    assert res.exit_code == 1 and "no posting '[/x]'" in res.output
    res = invoke("--db", db, "search", "--filter", "[red]colour=blue")
    assert res.exit_code == 1 and "'[red]colour'" in res.output
    config = tmp_path / "sources.toml"
    config.write_text('[http]\nper_hots = 1\n\n[[sources]]\nname = "gh"\ntype = "greenhouse"\n'
                      'boards = ["x"]\nbase_url = "http://127.0.0.1:9"\n')
    res = invoke("--db", db, "sync", "--config", str(config))
    assert res.exit_code == 1 and "[http]: unknown setting(s) per_hots" in res.output


def test_search_count_line_agrees_with_the_count(tmp_path: Path, hn_sample: Path) -> None:
    db = str(tmp_path / "cli.sqlite3")
    invoke("--db", db, "import", "--no-enrich", str(hn_sample))
    res = invoke("--db", db, "search", "--company", "Kanmon")  # one comment of the sample
    assert res.exit_code == 0 and res.output.startswith("1 posting matches (company: Kanmon);"), \
        res.output
    res = invoke("--db", db, "search")
    assert res.exit_code == 0 and res.output.startswith("43 postings match;"), res.output


@pytest.mark.parametrize("q", ["OR", "-", "* :", '""'])
def test_search_of_no_word_says_so(tmp_path: Path, hn_sample: Path, q: str) -> None:
    # (it said "43 postings match OR", as if OR had been found; the search page says the same)
    db = str(tmp_path / "cli.sqlite3")
    invoke("--db", db, "import", "--no-enrich", str(hn_sample))
    res = invoke("--db", db, "search", "--", q)
    assert res.exit_code == 0, res.output
    assert res.output.startswith(f"43 postings ({q} has no word to search for);"), res.output
    res = invoke("--db", db, "search", "--", f"{q} Kanmon")
    assert res.output.startswith(f"1 posting matches {q} Kanmon;"), res.output


def _show_store(tmp_path: Path) -> str:
    from datetime import UTC, datetime

    from mljobs.models import Enrichment, Posting, Remote, Salary, SalaryInterval

    long_text = ("Pay: $140,000.00 - $185,000.00 per year; staff band $190,000 - $230,000 "
                 "per year. " + "We train [bold]ranking[/bold] models. " * 200
                 + "THE LAST LINE OF THE POSTING")
    estimate = Salary(min=33_000, max=62_000, currency="USD", interval=SalaryInterval.YEAR,
                      stated=False, text="$33K-$62K (Glassdoor est.)")
    enr = Enrichment(version="t", remote="hybrid", equity=True)
    db = str(tmp_path / "show.sqlite3")
    store = open_store(db)
    store.upsert([
        Posting(id="glassdoor-2020:a1", source="glassdoor-2020", source_id="a1",
                title="Data Scientist", description_text=long_text, salary=estimate,
                remote=Remote.ONSITE, enrichment=enr, url="https://example.org/a1"),
        Posting(id="lever:a1", source="lever", source_id="a1", title="Data Scientist",
                description_text="Same job.", url="https://jobs.example.org/a1",
                canonical_id="glassdoor-2020:a1"),
        Posting(id="hackernews:5/r1", source="hackernews", source_id="5/r1",
                title="ML Engineer", description_text="Role one."),
        Posting(id="hackernews:5/r2", source="hackernews", source_id="5/r2",
                title="Data Engineer", description_text="Role two."),
    ], now=datetime(2026, 5, 1, tzinfo=UTC))
    store.close()
    return db


def test_show_prints_the_whole_description_pay_and_duplicates(tmp_path: Path) -> None:
    db = _show_store(tmp_path)
    res = runner.invoke(app, ["--db", db, "show", "glassdoor-2020:a1"], catch_exceptions=False,
                        env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    out = res.output
    assert "THE LAST LINE OF THE POSTING" in out and out.count("[bold]ranking[/bold]") == 200
    stated = out.index("140,000.00-185,000.00 USD per year (first of 2 pay figures in the text)")
    estimate = out.index("33,000-62,000 USD per year (Glassdoor's estimate, not stated by the")
    assert stated < estimate
    assert "onsite (the text says hybrid)" in out
    assert "same job" in out and "lever:a1" in out and "https://jobs.example.org/a1" in out
    dup = runner.invoke(app, ["--db", db, "show", "lever:a1"], env={"COLUMNS": "200"})
    assert "duplicate of" in dup.output and "glassdoor-2020:a1" in dup.output
    assert "https://example.org/a1" in dup.output


def test_show_of_a_split_post_names_its_roles(tmp_path: Path) -> None:
    db = _show_store(tmp_path)
    res = runner.invoke(app, ["--db", db, "show", "hackernews:5"], env={"COLUMNS": "200"})
    assert res.exit_code == 1
    text = res.output.replace("\n", "")
    assert "split into one posting per role" in text
    assert "hackernews:5/r1 (ML Engineer)" in text and "hackernews:5/r2 (Data Engineer)" in text


def _pay_store(tmp_path: Path) -> str:
    from datetime import UTC, datetime

    from mljobs.models import Enrichment, Posting, Salary, SalaryInterval

    def year(low: float, high: float, *, stated: bool, text: str) -> Salary:
        return Salary(min=low, max=high, currency="USD", interval=SalaryInterval.YEAR,
                      stated=stated, text=text)

    estimate = year(56_000, 97_000, stated=False, text="$56K-$97K (Glassdoor est.)")
    db = str(tmp_path / "pay.sqlite3")
    store = open_store(db)
    store.upsert([
        # a Glassdoor estimate in the salary field, pay stated in the text (read by enrich)
        Posting(id="glassdoor-2020:p1", source="glassdoor-2020", source_id="p1",
                title="Principal Data Scientist", company="Stated Co",
                description_text="Pay: $150,000 - $190,000 per year. Forecasting models.",
                salary=estimate, enrichment=Enrichment(
                    version="t", salary=year(150_000, 190_000, stated=True,
                                             text="$150,000 - $190,000"))),
        # only the estimate
        Posting(id="glassdoor-2020:p2", source="glassdoor-2020", source_id="p2",
                title="Senior Data Scientist", company="Estimate Co",
                description_text="Forecasting models for retail.", salary=estimate),
        # a figure no one is paid (a parsing slip) is not shown
        Posting(id="hackernews:p3", source="hackernews", source_id="p3",
                title="Data Scientist", company="Slip Co",
                description_text="Forecasting models. 3 years of experience.",
                salary=year(3, 5, stated=True, text="3-5")),
    ], now=datetime(2026, 5, 1, tzinfo=UTC))
    store.close()
    return db


def test_search_list_shows_stated_pay_before_an_estimate(tmp_path: Path) -> None:
    db = _pay_store(tmp_path)
    res = runner.invoke(app, ["--db", db, "search", "forecasting", "--sort", "date"],
                        catch_exceptions=False, env={"COLUMNS": "250"})
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()

    def meta(company: str) -> str:
        return next(line for line in lines if company in line)

    assert "150,000-190,000 USD per year" in meta("Stated Co")
    assert "56,000" not in meta("Stated Co")
    assert ("56,000-97,000 USD per year (Glassdoor's estimate, not stated by the employer)"
            in meta("Estimate Co"))
    assert "USD" not in meta("Slip Co")
    # the web's result list reads the same function: the same pay, an estimate marked
    from mljobs.posting_view import list_pays

    store = open_store(db)
    try:
        pays = list_pays(store, ["glassdoor-2020:p1", "glassdoor-2020:p2", "hackernews:p3"])
    finally:
        store.close()
    assert {k: (p.salary.max, p.estimate) for k, p in pays.items()} == {
        "glassdoor-2020:p1": (190_000, False), "glassdoor-2020:p2": (97_000, True)}


def test_search_of_only_unseen_characters_says_the_query(tmp_path: Path, hn_sample: Path) -> None:
    # (it said "43 postings ( has no word to search for)", the NUL left out of the line)
    db = str(tmp_path / "cli.sqlite3")
    invoke("--db", db, "import", "--no-enrich", str(hn_sample))
    res = invoke("--db", db, "search", "--", "\u202e")
    assert res.exit_code == 0, res.output
    assert res.output.startswith("43 postings (the query has no word to search for);"), \
        res.output



def test_show_says_which_of_a_jobs_other_ids_are_closed(tmp_path: Path) -> None:
    """``show`` lists a job's other ids (its duplicates, the one it duplicates); before, it did
    not say which of them were closed."""
    from datetime import UTC, datetime

    from mljobs.store import SQLiteStore

    db = _show_store(tmp_path)
    with SQLiteStore(Path(db)) as store:
        assert store.close_open(["lever:a1"], now=datetime(2026, 5, 2, tzinfo=UTC))
    res = runner.invoke(app, ["--db", db, "show", "glassdoor-2020:a1"], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "lever:a1 (closed 2026-05-02)  https://jobs.example.org/a1" in res.output
    dup = runner.invoke(app, ["--db", db, "show", "lever:a1"], env={"COLUMNS": "200"})
    assert "glassdoor-2020:a1 " in dup.output and "glassdoor-2020:a1 (closed" not in dup.output
    with SQLiteStore(Path(db)) as store:
        store.close_open(["glassdoor-2020:a1"], now=datetime(2026, 5, 3, tzinfo=UTC))
    dup = runner.invoke(app, ["--db", db, "show", "lever:a1"], env={"COLUMNS": "200"})
    assert "glassdoor-2020:a1 (closed 2026-05-03)" in dup.output
