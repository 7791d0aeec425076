"""A posting gets the same understanding whether its record goes through ``mljobs enrich``
(``enrich_records``) or is imported into a store (``sources.files`` reads the row,
``normalize``, then ``enrich_postings``): both paths read a post's role through one
function (``pipeline._readings``). Before, the store path read a post that lists its roles
as titles by its header alone and kept the other roles' skills: over the corpus, 316 of
the 2,744 postings compared differed in archetype, skills or facets (2 after: the corpus
row names another company than the header's reading)."""

from __future__ import annotations

from typing import Any

from mljobs.enrich import enrich_postings
from mljobs.enrich.pipeline import enrich_records
from mljobs.models import Posting
from mljobs.normalize import normalize
from mljobs.sources.files import row_to_raw

# (a Who-is-hiring comment: a header line, then the roles as a list of titles, one ML role)
LISTED = """Tessellate Labs | Remote (US) | Full-time | https://tessellate.example/jobs

We build inspection software for wind farms: drones fly the blades, our models find the cracks.

We're hiring for:

- Senior Backend Engineer (Go, Postgres, Kubernetes)
- Machine Learning Engineer (PyTorch, computer vision, CUDA)
- Product Designer (Figma)

Small team, real customers, seed funded. Email jobs@tessellate.example with your GitHub."""

# (a post that describes two roles at length: stored as one posting per role)
SPLIT = """Northwind Analytics | NYC or Remote | $160k-$210k + equity

Northwind helps hospitals plan staffing with forecasts.

Senior Data Scientist
You will build forecasting models for patient admissions with Python, pandas and
scikit-learn, run experiments with clinical partners, and explain the results to nurses and
administrators. 4+ years of experience with time series forecasting and statistics; a PhD
in a quantitative field is a plus. You will own the models from exploration to production.

Frontend Engineer
You will build the scheduling app our customers use every day, in TypeScript and React,
with a focus on accessibility and speed. 3+ years of experience building web applications;
experience with design systems is a plus. You will work closely with our designer.

Apply: careers@northwind.example"""

BOARD = {
    "id": "gd-9000000001", "source": "glassdoor-2020", "title": "Senior Machine Learning Engineer",
    "company": "Harbor Freightways", "location": "Austin, TX", "company_size": "201 to 500 employees",
    "salary_estimate": "$120K-$165K (Glassdoor est.)",
    "text": ("Harbor Freightways is a Series B logistics company.\n\nWhat you'll do:\nBuild and "
             "deploy demand forecasting models with PyTorch and Spark.\nWork with data engineers "
             "on our Airflow pipelines.\n\nRequirements:\nMS or PhD in Computer Science, 5+ "
             "years of experience in machine learning.\nExperience with AWS.\n\nNice to have:\n"
             "Experience with Kubernetes."),
}

# (what a person reads of a posting; the evidence's phrases leave out the company and place
# names each path has, which a corpus row and a header name apart)
_READ = ("archetype", "archetype_proba", "specialisation", "degree", "phd", "years_min",
         "seniority", "remote", "visa", "ml_share", "company_stage", "skills", "salary", "equity",
         "roles")


def _hn_row(rid: str, text: str) -> dict[str, Any]:
    return {"id": rid, "source": "hackernews", "title": text.split("\n", 1)[0],
            "text": text, "posted_at": 1767225600}


def _stored(row: dict[str, Any]) -> list[Posting]:
    """The postings an import of the corpus row stores, enriched."""
    return enrich_postings([normalize(row_to_raw(row, path="corpus.jsonl", line=1))])


def _store_reading(posting: Posting) -> dict[str, Any]:
    assert posting.enrichment is not None
    got = posting.enrichment.model_dump(mode="json")
    return {k: got.get(k, []) if k == "roles" else got[k] for k in _READ}  # (no list: no roles)


def _file_reading(row: dict[str, Any]) -> dict[str, Any]:
    [got] = enrich_records([row])
    assert isinstance(got, dict)
    return {k: got[k] for k in _READ}


def test_a_list_of_titles_is_read_alike_on_both_paths() -> None:
    row = _hn_row("hn-900401", LISTED)
    [stored] = _stored(row)
    assert stored.id == "hackernews:900401"  # (a list of titles: one posting)
    file = _file_reading(row)
    assert _store_reading(stored) == file
    # (the labelled role is the ML one: the other roles' stacks are none of its skills)
    names = {s["name"] for s in file["skills"]}
    assert "PyTorch" in names and "Go" not in names and "Figma" not in names
    assert file["roles"] == ["Senior Backend Engineer", "Machine Learning Engineer", "Product Designer"]


def test_the_role_a_split_post_is_labelled_by_is_read_alike_on_both_paths() -> None:
    row = _hn_row("hn-900402", SPLIT)
    stored = _stored(row)
    assert [p.title for p in stored] == ["Senior Data Scientist", "Frontend Engineer"]
    [got] = enrich_records([row])
    assert isinstance(got, dict) and got["role"] == "Senior Data Scientist"
    assert _store_reading(stored[0]) == _file_reading(row)


def test_a_board_posting_is_read_alike_on_both_paths() -> None:
    [stored] = _stored(BOARD)
    file = _file_reading(BOARD)
    assert _store_reading(stored) == file
    assert file["archetype"] != "not-ml" and file["salary"] is not None
