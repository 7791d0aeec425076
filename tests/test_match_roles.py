"""The rule that tells which stored role of a post each role of its new reading is
(``dedupe.match_roles``): the same title, then titles that do not conflict, then nearly the same
text; closest own text first (the text every role of the post shares does not count), an open
stored role before a closed one, the lower number first."""

from __future__ import annotations

from mljobs.dedupe import match_roles
from mljobs.models import Posting, Status

POST = "hackernews:1"
SHARED = "Acme builds parcel routing software in Berlin, founded 2019, 40 people, Series B. "
APPLY = " Apply at jobs@acme.example with your GitHub and a short note."


def role(n: int, title: str, own: str, status: Status = Status.OPEN) -> Posting:
    return Posting(id=f"{POST}/r{n}", source="hackernews", source_id=f"1/r{n}", title=title,
                   company="Acme", url="https://news.ycombinator.com/item?id=1",
                   description_text=SHARED + title + ". " + own + APPLY, status=status)


GO = ("You will write the Go services that route parcels and talk to carriers every day. "
      "You will own their uptime, their on-call rota and the Postgres schemas behind them, and "
      "review the code of two other engineers. Five years of backend work is what we ask.")
TORCH = ("You will train arrival-time models in PyTorch and ship them to production. You will "
         "own the offline metrics, the feature store and the retraining jobs, and work with "
         "the carriers' data teams. A paper or a model in production is what we ask.")
SQL = ("You will build the pipelines that load carrier scans into the warehouse in SQL. You "
       "will own dbt models, the Airflow jobs and their alerts, and the data contracts with "
       "the carriers. Three years of data engineering is what we ask.")


def test_the_same_title_first_whatever_the_place() -> None:
    stored = [role(1, "Backend Engineer", GO), role(2, "ML Engineer", TORCH)]
    new = [role(1, "ML Engineer", TORCH), role(2, "Backend Engineer", GO)]
    assert match_roles(new, stored) == {f"{POST}/r1": f"{POST}/r2", f"{POST}/r2": f"{POST}/r1"}


def test_two_roles_of_one_title_are_told_apart_by_their_own_text() -> None:
    stored = [role(1, "Software Engineer", GO), role(2, "Software Engineer", TORCH)]
    new = [role(1, "Software Engineer", TORCH), role(2, "Software Engineer", GO + "Remote.")]
    assert match_roles(new, stored) == {f"{POST}/r1": f"{POST}/r2", f"{POST}/r2": f"{POST}/r1"}


def test_an_open_role_before_a_closed_one_of_the_same_title_and_text() -> None:
    stored = [role(1, "ML Engineer", TORCH, Status.CLOSED), role(3, "ML Engineer", TORCH)]
    assert match_roles([role(1, "ML Engineer", TORCH)], stored) == {f"{POST}/r1": f"{POST}/r3"}


def test_a_title_changed_a_little_then_nearly_the_same_text() -> None:
    stored = [role(1, "Backend Engineer", GO), role(2, "ML Engineer", TORCH),
              role(3, "Data Engineer", SQL)]
    # ("Senior Machine Learning Engineer" does not conflict with "ML Engineer"; "Platform
    # Engineer" conflicts with "Backend Engineer" but its text is the Backend role's)
    new = [role(1, "Senior Machine Learning Engineer", TORCH + "Hybrid."),
           role(2, "Platform Engineer", GO)]
    assert match_roles(new, stored) == {f"{POST}/r1": f"{POST}/r2", f"{POST}/r2": f"{POST}/r1"}


def test_a_new_role_of_another_title_and_text_matches_nothing() -> None:
    stored = [role(1, "Backend Engineer", GO), role(2, "ML Engineer", TORCH)]
    new = [role(1, "Data Scientist", SQL), role(2, "ML Engineer", TORCH)]
    assert match_roles(new, stored) == {f"{POST}/r2": f"{POST}/r2"}
