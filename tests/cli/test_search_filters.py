"""``mljobs search`` filters take values in any case, and name a value no posting has."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The 43 real HN posts of the test fixture, enriched, in a tmp store."""
    sample = Path(__file__).resolve().parents[1] / "fixtures" / "hn-sample.jsonl"
    path = str(tmp_path_factory.mktemp("filters") / "hn.sqlite3")
    res = runner.invoke(app, ["--db", path, "import", str(sample)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return path


def _total(db: str, *args: str) -> int:
    res = runner.invoke(app, ["--db", db, "search", *args, "--json"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return int(json.loads(res.output)["total"])


def _top_skill(db: str) -> str:
    res = runner.invoke(app, ["--db", db, "search", "--json"], catch_exceptions=False)
    return str(json.loads(res.output)["facets"]["skills"][0]["value"])


def test_values_in_another_case_find_what_the_stored_spelling_finds(db: str) -> None:
    skill = _top_skill(db)
    assert skill != skill.lower()  # e.g. "Python": typed as "python" it matched nothing
    exact = _total(db, "--skill", skill)
    assert exact > 0
    assert _total(db, "--skill", skill.lower()) == exact
    assert _total(db, "--filter", f"skills={skill.upper()}") == exact
    assert _total(db, "--remote", "REMOTE") == _total(db, "--remote", "remote") > 0
    assert _total(db, "--source", "HackerNews") == _total(db, "--source", "hackernews") > 0


@pytest.mark.parametrize(("args", "named", "offered"), [
    (("--remote", "moon"), "--remote moon", "remote"),
    (("--archetype", "research"), "--archetype research", "research-engineer"),
    (("--filter", "phd=yes"), "--filter phd=yes", "not-mentioned"),
])
def test_a_value_no_posting_has_is_an_error_naming_what_there_is(
    db: str, args: tuple[str, ...], named: str, offered: str
) -> None:
    res = runner.invoke(app, ["--db", db, "search", *args])
    assert res.exit_code == 1, res.output
    text = " ".join(res.output.split())
    assert text.startswith("ConfigError: " + named) and "no posting in the store has" in text
    assert offered in text and "Traceback" not in text


def test_a_misspelt_skill_is_named_with_the_closest_stored_skill(db: str) -> None:
    skill = _top_skill(db)
    typo = skill[:-1] + skill[-1] * 2  # "Pythonn"
    res = runner.invoke(app, ["--db", db, "search", "--skill", typo, "--json"])
    assert res.exit_code == 1
    assert f"--skill {typo}" in res.output and f"did you mean {skill}" in res.output


def test_an_offset_past_the_last_hit_says_so(db: str) -> None:
    total = _total(db, "engineer")
    assert total > 0
    res = runner.invoke(app, ["--db", db, "search", "engineer", "--offset", str(total + 10)],
                        catch_exceptions=False)
    assert res.exit_code == 0
    flat = " ".join(res.output.split())
    assert flat.startswith(f"{total:,} postings match engineer; showing none: --offset")
    assert "past the last" in flat


def _json(db: str, *args: str) -> dict:
    res = runner.invoke(app, ["--db", db, "search", *args, "--json"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return dict(json.loads(res.output))


def test_the_filters_shown_are_the_stored_spelling_whichever_way_the_search_went(db: str) -> None:
    skill = _top_skill(db)
    # found at once (the stored spelling), respelt first (another case), and with words
    # that no posting has (no hit, so the store's spellings are asked for)
    for args in (("--skill", skill), ("--skill", skill.lower()),
                 ("--skill", skill.lower(), "--skill", skill),
                 ("zzqx", "--skill", skill.upper())):
        assert _json(db, *args)["filters"] == {"skills": [skill]}
    company = str(_json(db, "--skill", skill)["hits"][0]["company"])
    got = _json(db, "--company", company.upper())
    assert got["filters"] == {"company": [company.lower()]} and got["total"] > 0


def test_a_missing_value_beside_a_found_one_is_still_named(db: str) -> None:
    skill = _top_skill(db)
    res = runner.invoke(app, ["--db", db, "search", "--skill", skill, "--skill", skill + "zz"])
    assert res.exit_code == 1
    assert f"--skill {skill}zz" in res.output and "no posting in the store has" in res.output


def test_a_company_typed_with_other_spacing_finds_the_stored_one(db: str) -> None:
    res = runner.invoke(app, ["--db", db, "search", "--json", "--facets"], catch_exceptions=False)
    hits = json.loads(res.output)["hits"]
    company = next(h["company"] for h in hits if h.get("company") and " " in h["company"])
    exact = _total(db, "--company", company)
    assert exact > 0
    # "Prompt  Health" (two spaces) matched nothing and "did you mean" offered the same name
    assert _total(db, "--company", company.replace(" ", "  ").upper()) == exact
    assert _total(db, "--company", f" {company} ") == exact


def test_a_part_of_a_company_name_is_offered_the_names_holding_it(db: str) -> None:
    """``--company prompt`` offered "promptless or promptwatch or proton" (the nearest
    spellings) and not Prompt Health, the company the user meant."""
    res = runner.invoke(app, ["--db", db, "search", "--limit", "100", "--json"],
                        catch_exceptions=False)
    names = {str(h["company"]).lower() for h in json.loads(res.output)["hits"] if h["company"]}
    company, word = next((c, w) for c in sorted(names) if " " in c
                         for w in c.split()[:1] if len(w) > 3 and w not in names)
    res = runner.invoke(app, ["--db", db, "search", "--company", word.upper()])
    assert res.exit_code == 1
    out = " ".join(res.output.split())
    assert out.startswith(f"ConfigError: --company {word.upper()}: no posting in the store "
                          f"has company '{word.upper()}'; did you mean "), out
    offered = out.split("did you mean ", 1)[1].rstrip("?").split(" or ")
    assert company in offered and len(offered) <= 3
    assert all(f" {word} " in f" {o} " for o in offered[:offered.index(company)])


def test_a_country_filter_takes_a_code_or_a_name_in_any_case(db: str) -> None:
    """``--filter country=US`` (ISO codes, read from the postings' locations by
    ``mljobs.places``) also as ``us``, ``USA`` or ``United States``; the UK as ``GB`` or ``uk``;
    a region by its slug or its name."""
    us = _total(db, "--filter", "country=US")
    assert 0 < us < _total(db)
    for typed in ("us", "USA", "United States"):
        assert _total(db, "--filter", f"country={typed}") == us, typed
    assert _total(db, "--filter", "region=north america") == \
        _total(db, "--filter", "region=north-america") >= us
