"""A post that lists its roles as titles, each with its pay, is one posting; its pay is the
pay of the role it is labelled by (LABELS.md: the first ML/data title), read from that
title's own line, on every path: ``mljobs enrich --input`` / ``eval`` (``enrich_record``)
and the store (``enrich_postings``: import, sync, demo; then search, ``show``, the web
pages and the API). The store path read the post's first pay, another role's."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app as cli
from mljobs.enrich import enrich_postings, enrich_record, segment_roles
from mljobs.enrich.roles import pick_role
from mljobs.models import Salary
from mljobs.web import create_app

from .hn_records import hn_posting, hn_record

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "enrich"

LIST = """Acme | Several roles | Remote | $125k - $200k

We make maps for delivery fleets.

* Senior Full Stack Developer ($125-200k USD): React and Node. Small team.
* Machine Learning Engineer ($150-180k USD): PyTorch models for routing.
* Product Manager ($140-190k USD): Own the roadmap.

Apply at acme.example/jobs
"""
RECORD = {"id": "hn-900001", "source": "hackernews", "title": "Acme | Several roles | Remote | $125k - $200k",
          "company": "Acme", "text": LIST, "posted_at": 1775068620}


def figures(salary: Salary | dict[str, Any] | None) -> tuple[Any, ...] | None:
    if salary is None:
        return None
    got = salary.model_dump(mode="json") if isinstance(salary, Salary) else salary
    return got["min"], got["max"], got["currency"], got["interval"]


def test_the_stored_posting_of_a_list_has_its_labelled_roles_pay() -> None:
    [stored] = enrich_postings([hn_posting(RECORD)])  # (a list of titles: one posting)
    assert stored.enrichment is not None
    assert stored.enrichment.roles == ["Senior Full Stack Developer", "Machine Learning Engineer",
                                       "Product Manager"]
    # (before: the post's first pay, the header's and the full-stack role's $125-200k)
    assert figures(stored.enrichment.salary) == (150000.0, 180000.0, "USD", "year")
    assert figures(stored.enrichment.salary) == figures(enrich_record(RECORD)["salary"])


def test_a_post_with_one_title_line_keeps_the_posts_first_pay() -> None:
    # (corpus hn-46466191: the header's role and pay, then one ad of another role appended;
    # the one title found in the text is the appended role's; the header's role is listed
    # first and labelled, ``listed_roles``, and the posting is shown by the header)
    text = ("FetLife | Senior DevOps Engineer | Full-Time | Remote | 115k - 180k USD\n\n"
            "Role: Kubernetes and Helm, monitoring and security.\n\n---\n\n"
            "Senior Product Manager | Full-Time | Remote | $140k - $200k USD - https://fetlife.example/pm\n\n"
            "Role: Understand member needs and own product metrics.\n")
    record = hn_record(text, "hn-900002")
    assert segment_roles(text).titles == ["Senior Product Manager"]
    [stored] = enrich_postings([hn_posting(record)])
    assert stored.enrichment is not None
    assert figures(stored.enrichment.salary) == (115000.0, 180000.0, "USD", "year")
    assert figures(enrich_record(record)["salary"]) == (115000.0, 180000.0, "USD", "year")


@pytest.fixture
def imported(tmp_path: Path) -> Iterator[tuple[str, TestClient]]:
    src = tmp_path / "list.jsonl"
    src.write_text(json.dumps(RECORD) + "\n")
    db = str(tmp_path / "s.sqlite3")
    res = CliRunner().invoke(cli, ["--db", db, "import", str(src)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    with TestClient(create_app(Path(db))) as client:
        yield db, client


def test_import_search_show_and_the_api_give_the_labelled_roles_pay(
        imported: tuple[str, TestClient]) -> None:
    db, client = imported
    runner = CliRunner()
    found = runner.invoke(cli, ["--db", db, "search", "maps", "--json"], catch_exceptions=False)
    assert found.exit_code == 0, found.output
    [hit] = json.loads(found.output)["hits"]
    assert hit["id"] == "hackernews:900001"
    posted = client.get("/api/postings/hackernews:900001").json()["posting"]
    assert figures(posted["enrichment"]["salary"]) == (150000.0, 180000.0, "USD", "year")
    # the index's pay filter reads the same top: $180k, not the first pay's $200k
    over = runner.invoke(cli, ["--db", db, "search", "maps", "--salary-min", "190000", "--json"],
                         catch_exceptions=False)
    assert json.loads(over.output)["hits"] == []
    within = client.get("/api/search", params={"q": "maps", "salary_min": 175000}).json()
    assert [h["id"] for h in within["hits"]] == ["hackernews:900001"]
    # show and the posting page say whose pay it is
    note = "pay of the listed role Machine Learning Engineer"  # (its range lies in the first)
    shown = runner.invoke(cli, ["--db", db, "show", "hackernews:900001"], catch_exceptions=False,
                          env={"COLUMNS": "250"})
    assert f"150,000-180,000 USD per year ({note})" in shown.output, shown.output
    page = BeautifulSoup(client.get("/posting/hackernews:900001").text, "html.parser")
    assert [s.text for s in page.select(".meta > .salary")] == [f"150,000–180,000 USD / year ({note})"]


def test_the_record_and_store_paths_agree_on_real_list_posts() -> None:
    # real corpus posts that list roles with pay on their lines (hn_list_pay.jsonl), and the
    # two of hn_posts.jsonl (a split post, a list without pay)
    records = [json.loads(line) for name in ("hn_list_pay.jsonl", "hn_posts.jsonl")
               for line in (FIXTURES / name).read_text().splitlines()]
    stored = {p.id: p for p in enrich_postings([hn_posting(r) for r in records])}
    moved = 0
    for record in records:
        want = enrich_record(record)
        pid = hn_posting(record).id
        if pid not in stored:  # (split: the role posting of the role the record is labelled by)
            roles = segment_roles(record["text"])
            block = pick_role(roles)
            assert not isinstance(block, str | None)
            pid = f"{pid}/r{roles.blocks.index(block) + 1}"
        got = stored[pid].enrichment
        assert got is not None
        assert figures(got.salary) == figures(want["salary"]), record["id"]
        first = enrich_record({**record, "text": record["text"], "source": "file"})["salary"]
        moved += figures(first) != figures(want["salary"])
    assert moved >= 7  # (the posts' first pay is another role's in most of them)
