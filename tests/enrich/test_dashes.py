"""One set of spaced dashes (``roles.DASHES``: hyphen, en dash, em dash) parts a title from its
team and a one-line header's segments; before, ``roles._TEAM_DASH`` and ``pipeline._DASHES``
each wrote it out. The model's split of a composite title (``features._TITLE_SEP``) keeps its
own: a spaced hyphen parts no segment there (what the model was trained on)."""

from __future__ import annotations

import pytest

from mljobs.enrich import enrich_record
from mljobs.enrich.features import role_title
from mljobs.enrich.roles import DASHES, model_title


def test_the_dashes_are_the_hyphen_and_the_en_and_em_dash() -> None:
    assert sorted(DASHES) == sorted("-\u2013\u2014")


@pytest.mark.parametrize("dash", DASHES)
def test_each_dash_parts_a_team_and_a_headers_segments(dash: str) -> None:
    assert model_title(f"Staff Software Engineer {dash} Platform") == "Staff Software Engineer"
    header = f"Acme {dash} ML Engineer {dash} Berlin, Germany {dash} 60-90k"
    pay = enrich_record({"id": "hn-1", "source": "hackernews", "title": header,
                         "text": header + "\n\nWe build things."})["salary"]
    assert (pay["min"], pay["max"], pay["currency"]) == (60_000, 90_000, "EUR")


@pytest.mark.parametrize("dash", "\u2012\u2015~")  # (a figure dash, a horizontal bar, a tilde)
def test_another_dash_parts_neither(dash: str) -> None:
    title = f"Staff Software Engineer {dash} Platform"
    assert model_title(title) == title
    header = f"Acme {dash} ML Engineer {dash} Berlin, Germany {dash} 60-90k"
    assert enrich_record({"id": "hn-1", "source": "hackernews", "title": header,
                          "text": header + "\n\nWe build things."})["salary"] is None


def test_the_models_title_split_keeps_a_spaced_hyphen() -> None:
    assert role_title("Acme - Senior ML Engineer - Berlin") == "Acme - Senior ML Engineer - Berlin"
    assert role_title("Acme \u2013 Senior ML Engineer \u2013 Berlin") == "Senior ML Engineer"
    assert role_title("Acme -- Senior ML Engineer -- Berlin") == "Senior ML Engineer"
