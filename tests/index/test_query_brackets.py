"""Brackets are separators (docs/cli.md), also before a "-", a NOT or a field: a query
copied from another job board's box, ``python (-java)`` or ``(title:senior OR
title:staff)``, means what it says without them. Before, a bracket at the start of a word
kept the word from being read as an exclusion or a field, and a "-" before a bracket was
no exclusion: ``python (-java)`` and ``python -(java)`` required java
(demo store: 15 postings, ``python -java`` 334), ``python (NOT java)`` the words "not" and
java (4), and ``(title:senior OR title:staff)`` the word "title" anywhere (10, without the
brackets 353), in both engines."""

from __future__ import annotations

import pytest

from mljobs.index import SearchIndex, SearchQuery

POSTS = {
    "py": ("Senior Python Developer", "Python and SQL."),
    "pyjava": ("Staff Engineer", "Python and Java services."),
    "java": ("Java Developer", "Java only."),
    "staffpy": ("Staff Data Engineer", "Python pipelines; our job title ladder is open."),
    "junior": ("Junior Analyst", "Senior mentors, staff meetings, Python notebooks."),
}


@pytest.fixture
def index(posts_index: SearchIndex) -> SearchIndex:
    """An index in each engine over ``POSTS`` (tests/index/conftest.py)."""
    return posts_index


def _ids(index: SearchIndex, text: str) -> set[str]:
    return {h.id.removeprefix("t:") for h in index.search(SearchQuery(text=text, limit=50)).hits}


@pytest.mark.parametrize(("bracketed", "plain", "found"), [
    ("python (-java)", "python -java", {"py", "staffpy", "junior"}),
    ("(-java) python", "-java python", {"py", "staffpy", "junior"}),
    ("python (NOT java)", "python NOT java", {"py", "staffpy", "junior"}),
    ("python [-java]", "python -java", {"py", "staffpy", "junior"}),
    ("(title:senior OR title:staff)", "title:senior OR title:staff", {"py", "pyjava", "staffpy"}),
    ("python (-title:staff)", "python -title:staff", {"py", "junior"}),
    ("python -(java)", "python -java", {"py", "staffpy", "junior"}),
    ("python -(java OR sql)", "python -java -sql", {"staffpy", "junior"}),
    ("python -(java sql)", "python -java -sql", {"staffpy", "junior"}),
    ("python NOT (java [sql])", "python -java -sql", {"staffpy", "junior"}),
    ("((python))", "python", {"py", "pyjava", "staffpy", "junior"}),
])
def test_a_bracket_before_an_exclusion_or_a_field_is_a_separator(
        index: SearchIndex, bracketed: str, plain: str, found: set[str]) -> None:
    assert _ids(index, bracketed) == _ids(index, plain) == found


@pytest.mark.parametrize(("grouped", "plain", "found"), [
    ("title:(senior OR staff)", "title:senior OR title:staff", {"py", "pyjava", "staffpy"}),
    ("TITLE:[senior || staff]", "title:senior OR title:staff", {"py", "pyjava", "staffpy"}),
    ("title:(staff engineer)", "title:staff title:engineer", {"pyjava", "staffpy"}),
    ("title:(senior OR staff) python", "(title:senior OR title:staff) python",
     {"py", "pyjava", "staffpy"}),
    ("python -title:(senior OR staff)", "python -title:senior -title:staff", {"junior"}),
    ("python NOT title:(senior OR staff)", "python -title:senior -title:staff", {"junior"}),
    ("python -title:(senior staff)", "python -title:senior -title:staff", {"junior"}),
    ("python NOT title:(senior (staff))", "python -title:senior -title:staff", {"junior"}),
    ("python -title:(analyst OR senior staff)", "python -title:analyst -title:senior -title:staff",
     set()),
    ("title:((senior) OR staff)", "title:senior OR title:staff", {"py", "pyjava", "staffpy"}),
    ("title:(senior OR staff", "title:senior OR title:staff", {"py", "pyjava", "staffpy"}),
    ("title:(engineer) java", "title:engineer java", {"pyjava"}),
    ('title:("data engineer" OR developer)', 'title:"data engineer" OR title:developer',
     {"py", "java", "staffpy"}),
    ("title:(staff OR company:acme)", "title:staff OR company:acme", set(POSTS)),
    ("title:(senior OR staff)) python", "(title:senior OR title:staff) python",
     {"py", "pyjava", "staffpy"}),
])
def test_a_field_before_a_bracket_is_over_each_term_in_it(
        index: SearchIndex, grouped: str, plain: str, found: set[str]) -> None:
    """``title:(senior OR staff)`` is each word in the title: the field was on the first word
    only, so it found "junior" (staff in its description) as well; the same with ``-`` or
    NOT before it (postings with either in the title left out: ``-title:(senior staff)`` left
    out senior only and required staff in the title), nested brackets, a bracket
    left open (the group runs to the end) and one closed twice (the second is a separator)."""
    assert _ids(index, grouped) == _ids(index, plain) == found


def test_a_field_with_a_space_after_its_colon_is_no_field(index: SearchIndex) -> None:
    """``title: staff`` names no word, so it is no field: the word is searched everywhere,
    and ``-title: staff`` excludes staff everywhere, as ``title:`` alone names nothing."""
    assert _ids(index, "title: staff") == _ids(index, "staff") == {"pyjava", "staffpy", "junior"}
    assert _ids(index, "python -title: staff") == _ids(index, "python -staff") == {"py"}
