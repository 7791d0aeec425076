"""Reddit job posts through ``mljobs sync``: "[Hiring] Role at Company (Place)" titles are read,
and "[For Hire]" posts (people looking for work) are left out and counted.

Before: the title was stored whole with its tag ("[Hiring] NLP Engineer at Lexa (Remote, EU)")
and no company; a "[For Hire]" post that mentions ML was stored as a job posting.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.store import SQLiteStore

from .replay_server import FIXTURES, ReplayServer, Reply

runner = CliRunner()


def _listing() -> bytes:
    data = json.loads((FIXTURES / "reddit" / "MLjobs-new.json").read_text(encoding="utf-8"))
    seeker = copy.deepcopy(data["data"]["children"][0])
    seeker["data"].update({
        "id": "1abcd09", "name": "t3_1abcd09", "link_flair_text": "For Hire",
        "title": "[For Hire] Machine learning engineer, 5 years of PyTorch, EU remote",
        "selftext": "I am looking for machine learning engineer roles.", "selftext_html": None,
        "permalink": "/r/MLjobs/comments/1abcd09/x/"})
    data["data"]["children"].append(seeker)
    return json.dumps(data).encode()


def test_hiring_titles_are_read_and_for_hire_posts_left_out(tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    db = tmp_path / "s.sqlite3"
    with ReplayServer({"/r/MLjobs/new.json": Reply(_listing())}) as srv:
        config.write_text(f'[[sources]]\nname = "reddit"\ntype = "reddit"\n'
                          f'subreddits = ["MLjobs"]\nbase_url = "{srv.url}"\n', encoding="utf-8")
        result = runner.invoke(app, ["--db", str(db), "sync", "--config", str(config),
                                     "--no-enrich", "--json"])
        table = runner.invoke(app, ["--db", str(db), "sync", "--config", str(config),
                                    "--no-enrich"])
    assert "reddit: 1 job seekers' posts skipped (not job postings)" in " ".join(
        table.output.split())
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.stdout)["sources"]
    assert (report["new"], report["seekers"], report["filtered"]) == (2, 1, 1)
    with SQLiteStore(db) as store:
        lexa = store.get("reddit:1abcd01")
        assert (lexa.title, lexa.company, list(lexa.locations)) == ("NLP Engineer", "Lexa",
                                                              ["Remote, EU"])
        assert lexa.remote == "remote"
        assert lexa.extra["title"] == "[Hiring] NLP Engineer at Lexa (Remote, EU)"
        # no "Role at Company" in it: the title stays whole, less its tag
        zurich = store.get("reddit:1abcd02")
        assert (zurich.title, zurich.company) == ("Computer vision researcher, Zurich", None)
        assert store.get("reddit:1abcd09") is None
