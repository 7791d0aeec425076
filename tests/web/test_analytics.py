"""Dashboard aggregations (``mljobs.analytics``) on small stores with known answers."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from mljobs.analytics import (
    TABLE_NAMES,
    dashboard_tables,
    filter_rows,
    market_rows,
    to_row,
    trend_skills,
)
from mljobs.models import Enrichment, Posting, Remote, Salary, SalaryInterval, SkillMention
from mljobs.pay import is_plausible, yearly_salary
from mljobs.store import SQLiteStore
from mljobs.web.charts import figure, finding, table_view

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def posting(n: int, archetype: str | None, month: int, skills: tuple[str, ...] = (),
            phd: str = "not-mentioned", remote: Remote = Remote.ONSITE,
            salary: Salary | None = None, canonical: str | None = None) -> Posting:
    enr = None
    if archetype is not None:
        enr = Enrichment(version="t", archetype=archetype, phd=phd,
                         skills=[SkillMention(name=s, surface=s) for s in skills])
    return Posting(id=f"t:{n}", source="t", source_id=str(n), title=f"job {n}",
                   posted_at=datetime(2026, month, 3, tzinfo=UTC), remote=remote,
                   salary=salary, enrichment=enr, canonical_id=canonical)


def sample() -> list[Posting]:
    usd = Salary(min=100_000, max=140_000, currency="USD")
    return [
        posting(1, "research-scientist", 1, ("PyTorch", "Python"), phd="required",
                salary=usd),
        posting(2, "research-scientist", 2, ("PyTorch",), phd="preferred", remote=Remote.REMOTE),
        posting(3, "research-engineer", 2, ("TensorFlow", "Python"), remote=Remote.REMOTE,
                salary=Salary(min=60, max=80, currency="USD", interval=SalaryInterval.HOUR)),
        posting(4, "research-engineer", 3, ("PyTorch",),
                salary=Salary(min=90_000, max=90_000, currency="EUR")),
        posting(5, None, 3),
        posting(6, "research-engineer", 3, ("PyTorch",), canonical="t:4"),  # a duplicate
    ]


def test_market_rows_skip_duplicates_and_read_the_store(store: SQLiteStore) -> None:
    store.upsert(sample(), now=NOW)
    rows = market_rows(store)
    assert sorted(r.id for r in rows) == ["t:1", "t:2", "t:3", "t:4", "t:5"]
    assert {r.archetype for r in rows if r.id == "t:5"} == {"unlabelled"}


def test_tables_have_the_known_numbers() -> None:
    rows = [to_row(p) for p in sample()[:5]]
    tables = dashboard_tables(rows)
    assert list(tables) == list(TABLE_NAMES)
    assert tables["archetypes"].rows == [["research-engineer", 2], ["research-scientist", 2],
                                         ["unlabelled", 1]]
    skills = {(a, s): n for a, s, n, _share, _required in tables["skills"].rows}
    assert skills == {("research-engineer", "PyTorch"): 1, ("research-engineer", "Python"): 1,
                      ("research-engineer", "TensorFlow"): 1,
                      ("research-scientist", "PyTorch"): 2,
                      ("research-scientist", "Python"): 1}
    shares = {r[0]: r for r in tables["shares"].rows}
    assert shares["research-scientist"][2:5] == [1, 1, 1.0]      # required, preferred, share
    assert shares["research-engineer"][4:] == [0.0, 1, 0.5, 2]    # no PhD, half remote
    salaries = {r[0]: r for r in tables["salaries"].rows}
    assert salaries["research-scientist"][1:] == [1, 120000, 120000, 120000, 120000, 120000, 0]
    # hourly 60-80 USD -> 145,600 a year midpoint; the EUR salary is left out
    assert salaries["research-engineer"][1:3] == [1, 145600]
    assert tables["months"].rows == [["2026-01", "research-scientist", 1],
                                     ["2026-02", "research-engineer", 1],
                                     ["2026-02", "research-scientist", 1],
                                     ["2026-03", "research-engineer", 1],
                                     ["2026-03", "unlabelled", 1]]
    trends = {(m, s): share for m, s, _n, share in tables["trends"].rows}
    assert trends[("2026-02", "PyTorch")] == 0.5 and trends[("2026-02", "TensorFlow")] == 0.5
    assert trends[("2026-03", "PyTorch")] == 1.0   # of the understood postings of March


def test_the_archetype_counts_are_ranked_most_first() -> None:
    """The bar chart of postings per archetype reads from the most posted down (it was in the
    taxonomy's order: ML-aware software engineer on top with 1 beside Research scientist's 3);
    ties keep the taxonomy's order, postings not yet understood come last however many."""
    rows = [to_row(p) for p in (
        posting(1, "ml-product-swe", 1), posting(2, "research-scientist", 1),
        posting(3, "research-scientist", 1), posting(4, "research-scientist", 1),
        posting(5, "not-ml", 1), posting(6, "not-ml", 1), posting(7, "data-scientist-ml", 1),
        posting(8, None, 1), posting(9, None, 1), posting(10, None, 1), posting(11, None, 1))]
    tables = dashboard_tables(rows)
    assert tables["archetypes"].rows == [
        ["research-scientist", 3], ["not-ml", 2], ["ml-product-swe", 1],
        ["data-scientist-ml", 1], ["unlabelled", 4]]
    # the other tables keep the taxonomy's order, so their charts line up with one another
    assert [r[0] for r in tables["shares"].rows] == [
        "ml-product-swe", "data-scientist-ml", "research-scientist", "not-ml"]


def test_filters_work_like_search_filters() -> None:
    rows = [to_row(p) for p in sample()[:5]]
    remote = filter_rows(rows, {"remote": ["remote"]})
    assert sorted(r.id for r in remote) == ["t:2", "t:3"]
    either = filter_rows(rows, {"archetype": ["research-engineer", "research-scientist"],
                                "skills": ["Python"]})
    assert sorted(r.id for r in either) == ["t:1", "t:3"]
    since = filter_rows(rows, {}, posted_since=datetime(2026, 2, 1))
    assert sorted(r.id for r in since) == ["t:2", "t:3", "t:4", "t:5"]


def test_trend_skills_pick_asked_or_usual_ones() -> None:
    rows = [to_row(p) for p in sample()[:5]]
    assert trend_skills(rows) == ["PyTorch", "TensorFlow"]
    assert trend_skills(rows, ["python", "Rust"]) == ["Python"]


def test_csv_round_trips() -> None:
    table = dashboard_tables([to_row(p) for p in sample()])["skills"]
    parsed = list(csv.reader(io.StringIO(table.to_csv())))
    assert parsed[0] == table.columns
    assert [[str(v) for v in row] for row in table.rows] == parsed[1:]


@given(low=st.floats(0, 1e6), high=st.floats(0, 1e6),
       interval=st.sampled_from(list(SalaryInterval)))
def test_yearly_salary_keeps_order_and_scales(low: float, high: float,
                                              interval: SalaryInterval) -> None:
    lo, hi = sorted((low, high))
    result = yearly_salary(Salary(min=lo, max=hi, interval=interval))
    assert result is not None and result[0] <= result[1]
    assert yearly_salary(Salary(min=None, max=None)) is None


def test_implausible_salaries_are_left_out_of_the_chart() -> None:
    funding = posting(7, "research-engineer", 3, salary=Salary(min=5e7, max=1e8, currency="USD"))
    stipend = posting(8, "research-engineer", 3, salary=Salary(min=500, max=900, currency="USD"))
    fine = posting(9, "research-engineer", 3, salary=Salary(min=9000, max=12000, currency="USD",
                                                              interval=SalaryInterval.MONTH))
    assert to_row(funding).salary is None and to_row(stipend).salary is None
    assert to_row(fine).salary == (108000.0, 144000.0)


def test_plausibility_judges_major_currencies_only() -> None:
    assert is_plausible(Salary(min=120_000, max=160_000, currency="USD"))
    assert not is_plausible(Salary(min=550_000_000, currency="USD"))
    assert not is_plausible(Salary(min=5, max=9, currency="EUR"))        # per year
    assert is_plausible(Salary(min=60, max=80, currency="USD", interval=SalaryInterval.HOUR))
    assert is_plausible(Salary(min=9_000_000, currency="JPY"))
    assert not is_plausible(None)


def test_a_source_s_estimate_is_left_out_of_the_salary_figures_and_counted_apart() -> None:
    """A Glassdoor estimate is no pay a posting offers: mixed in, the corpus's 2020 estimates
    set the analytics data scientists' median at 106,000 where their stated pay says 178,500."""
    stated = [posting(n, "data-scientist-analytics", 4,
                      salary=Salary(min=170_000, max=190_000, currency="USD")) for n in (1, 2)]
    estimates = [posting(n, "data-scientist-analytics", 4,
                         salary=Salary(min=80_000, max=100_000, currency="USD", stated=False))
                 for n in (3, 4, 5)]
    only_estimated = posting(6, "research-scientist", 4,
                             salary=Salary(min=80_000, max=100_000, stated=False))
    rows = [to_row(p) for p in (*stated, *estimates, only_estimated)]
    table = dashboard_tables(rows)["salaries"]
    assert table.columns[-1] == "estimates_left_out"
    # (the median was 90,000: three estimates of five)
    # an archetype with estimates only keeps its row, its count of them with no figures
    assert table.rows == [["data-scientist-analytics", 2, *[180000] * 5, 3],
                          ["research-scientist", 0, *[None] * 5, 1]]
    # the row keeps its figure for the minimum-salary filter's rule (usd_yearly), marked
    assert to_row(estimates[0]).salary == (80_000.0, 100_000.0) and to_row(estimates[0]).estimate
    assert not to_row(stated[0]).estimate


def test_the_skills_table_says_how_many_ask_for_a_skill_as_required() -> None:
    """Required and nice to have apart: the table counted any mention, so "which skills are
    required" had no answer on the dashboard, its CSV or the API."""
    def asks(n: int, *skills: tuple[str, bool]) -> Posting:
        enr = Enrichment(version="t", archetype="data-scientist-ml", skills=[
            SkillMention(name=name, surface=name, required=req) for name, req in skills])
        return Posting(id=f"t:{n}", source="t", source_id=str(n), title=f"job {n}",
                       enrichment=enr)
    rows = [to_row(p) for p in (
        asks(1, ("Python", True), ("Apache Spark", False)),
        asks(2, ("Python", True), ("Apache Spark", True)),
        # named twice, once nice to have: required all the same
        asks(3, ("Python", False), ("Python", True), ("Apache Spark", False)),
        asks(4, ("Python", False)))]
    table = dashboard_tables(rows)["skills"]
    assert table.columns == ["archetype", "skill", "postings", "share", "required"]
    assert table.rows == [["data-scientist-ml", "Python", 4, 1.0, 3],
                          ["data-scientist-ml", "Apache Spark", 3, 0.75, 1]]


def test_the_remote_share_is_of_the_postings_that_say_where_the_work_is() -> None:
    """A posting that says nothing of where the work is (Glassdoor's rows) is no onsite job:
    counted in the share's denominator, the corpus's analytics data scientists were 6.6%
    remote where the 55 of 287 that say are 35% remote."""
    says = [posting(1, "data-scientist-analytics", 4, remote=Remote.REMOTE),
            posting(2, "data-scientist-analytics", 4, remote=Remote.ONSITE)]
    silent = [posting(n, "data-scientist-analytics", 4, remote=Remote.UNKNOWN)
              for n in (3, 4, 5, 6)]
    table = dashboard_tables([to_row(p) for p in (*says, *silent)])["shares"]
    assert table.columns[-3:] == ["remote", "remote_share", "remote_said"]
    assert table.rows == [["data-scientist-analytics", 6, 0, 0, 0.0, 1, 0.5, 2]]
    # none says: no share to give (None, with remote_said 0 beside it)
    none = dashboard_tables([to_row(p) for p in silent])["shares"]
    assert none.rows == [["data-scientist-analytics", 4, 0, 0, 0.0, 0, None, 0]]


def test_an_archetype_none_of_whose_postings_says_where_has_no_remote_share() -> None:
    """None of 13 saying where the work is is no 0% remote: with the dashboard filtered to
    Glassdoor's rows, the corpus's finding said "lowest Research scientist 0%" and drew a
    0 bar, where not one of the 13 says."""
    said = [posting(1, "data-scientist-ml", 4, remote=Remote.REMOTE),
            posting(2, "data-scientist-ml", 4, remote=Remote.ONSITE),
            posting(3, "research-engineer", 4, remote=Remote.ONSITE)]
    silent = [posting(n, "research-scientist", 4, phd="required", remote=Remote.UNKNOWN)
              for n in (4, 5)]
    table = dashboard_tables([to_row(p) for p in (*said, *silent)])["shares"]
    assert [r[6] for r in table.rows] == [0.5, 0.0, None]
    assert finding(table) == (
        "PhD required or preferred: highest Research scientist 100%, lowest Research / ML "
        "engineer 0%. Remote, of postings saying where the work is: highest Data scientist "
        "(ML generalist) 50%, lowest Research / ML engineer 0%; none of Research "
        "scientist's postings says where.")
    cells = {row[0][0]: [text for text, _head in row] for row in table_view(table)["rows"]}
    assert cells["Research scientist"][-2:] == ["none say where", "0"]
    remote_bars = figure(table)["data"][1]
    assert remote_bars["x"] == [None, 0.0, 0.5]  # (bottom up: no bar, not a 0 bar)
    assert table.to_csv().splitlines()[-1] == "research-scientist,2,2,0,1.0,0,,0"
    one = dashboard_tables([to_row(p) for p in silent])["shares"]
    assert finding(one) == ("Research scientist (2 postings): PhD required or preferred "
                            "100%, and none says where the work is.")
    every = dashboard_tables([to_row(p) for p in (*silent, posting(
        6, "research-engineer", 4, remote=Remote.UNKNOWN))])["shares"]
    assert finding(every).endswith("Remote: no posting says where the work is.")


def test_an_archetype_with_only_estimates_is_named_with_its_count_not_dropped() -> None:
    """An archetype with no stated pay had no row: its estimates vanished from the count
    left out (filtered to Glassdoor's rows, the corpus's table counted 813 of 826, the
    research scientists' 12 unsaid) and the finding did not name it."""
    stated = posting(1, "research-engineer", 4, salary=Salary(min=150_000, max=170_000,
                                                              currency="USD"))
    estimated = [posting(n, "research-scientist", 4, salary=Salary(
        min=80_000, max=100_000, currency="USD", stated=False)) for n in (2, 3)]
    table = dashboard_tables([to_row(p) for p in (stated, *estimated)])["salaries"]
    assert sum(r[-1] for r in table.rows) == 2
    assert finding(table) == (
        "Median yearly salary in USD, highest first: Research / ML engineer 160,000 (1 with "
        "a salary). No stated salary: Research scientist (2 with only an estimate left out).")
    assert figure(table)["data"][0]["median"] == [160000]  # no empty box beside it
    cells = {row[0][0]: [text for text, _head in row] for row in table_view(table)["rows"]}
    assert cells["Research scientist"] == ["Research scientist", "0", *["none stated"] * 5,
                                           "2"]
    assert table.to_csv().splitlines()[-1] == "research-scientist,0,,,,,,2"
    # (the count beside the estimates: "with a USD salary" took them in too)
    assert table_view(table)["headers"][1:2] + table_view(table)["headers"][-1:] == [
        "Postings stating a USD salary", "Postings with only an estimate (left out)"]
    only = dashboard_tables([to_row(p) for p in estimated])["salaries"]
    assert finding(only) == ("No posting states a salary: Research scientist 2 with only an "
                             "estimate, left out.")
