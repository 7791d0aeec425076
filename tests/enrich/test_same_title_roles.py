"""Roles of one post that share a title keep what tells them apart on their lines (a bracket,
or a short part after a spaced dash), through the real enrich pipeline; the archetype model
still reads each role's title without it."""

from __future__ import annotations

from mljobs.enrich import enrich_postings, enrich_record, segment_roles

from .hn_records import hn_posting, hn_record

PITCH = "Acme Clinics builds scheduling software for hospitals across the US.\n\n"
SPEECH = ("Build real-time speech and language systems. Own the transcription pipelines, "
          "their accuracy and their latency. Python, PyTorch, Docker.\n")
PROTO = ("Prototype and ship AI workflows end to end with product teams. Own evaluation and "
         "monitoring of the models in production. Python, SQL.\n")
PLATFORM = ("Run the Kubernetes clusters and the CI/CD of every team, with on-call duty. "
            "Terraform, AWS, Datadog and a lot of YAML every week.\n")


def post(lines: list[tuple[str, str]], header: str = "Acme Clinics | Remote (US)") -> str:
    return header + "\n" + PITCH + "\n".join(f"- {line}\n{body}" for line, body in lines) \
        + "\nApply: jobs@acme.example\n"


def test_bracketed_qualifiers_tell_same_title_roles_apart() -> None:
    text = post([("Senior AI Engineer (Voice Bots): $160k-$200k", SPEECH),
                 ("Senior AI Engineer (Rapid Prototyping & Evaluation): $160k-$200k", PROTO),
                 ("DevOps Engineer (Remote): $150k", PLATFORM)])
    roles = segment_roles(text)
    assert [b.title for b in roles.blocks] == [
        "Senior AI Engineer (Voice Bots)",
        "Senior AI Engineer (Rapid Prototyping & Evaluation)",
        "DevOps Engineer",  # (its title is no other role's: the place goes as before)
    ]
    assert [b.read for b in roles.blocks[:2]] == ["Senior AI Engineer"] * 2
    parent = hn_posting(hn_record(text))
    children = enrich_postings([parent])
    assert [c.title for c in children] == [b.title for b in roles.blocks]
    for child in children:
        assert child.enrichment is not None
        assert child.enrichment.roles == roles.titles


def test_a_team_after_a_dash_tells_same_title_roles_apart() -> None:
    text = post([("Solutions Engineer - Language Models: run model evaluations", SPEECH),
                 ("Solutions Engineer - Image/Video: run image model evaluations", PROTO)])
    assert segment_roles(text).titles == ["Solutions Engineer - Language Models",
                                         "Solutions Engineer - Image/Video"]


def test_the_model_reads_the_title_without_the_kept_qualifier() -> None:
    # (the same post, its brackets worded otherwise: the pick's archetype reads the same title)
    one = enrich_record(hn_record(post([("Senior AI Engineer (Voice Bots)", SPEECH),
                                     ("Senior AI Engineer (Rapid Prototyping)", PROTO + PROTO)])))
    two = enrich_record(hn_record(post([("Senior AI Engineer (Voice Bots)", SPEECH),
                                     ("Senior AI Engineer (Rapid Prototyping)", PROTO + PROTO)]
                                    ).replace("Voice Bots)", "Phone Agents)")))
    assert one["role"] == "Senior AI Engineer (Rapid Prototyping)"
    assert one["roles"] != two["roles"]
    assert one["archetype_proba"] == two["archetype_proba"]


def test_titles_stay_when_nothing_tells_the_roles_apart() -> None:
    # (no bracket on one line, or the same bracket on both: the title is kept as it was)
    for lines in ([("Senior AI Engineer (Voice Bots)", SPEECH), ("Senior AI Engineer", PROTO)],
                  [("ML Engineer (Remote)", SPEECH), ("ML Engineer (Remote)", PROTO)]):
        titles = segment_roles(post(lines)).titles
        assert len(titles) == 2 and titles[0] == titles[1], titles


def test_a_stored_role_is_read_as_the_evaluated_record_reads_it() -> None:
    # sync/import (enrich_postings) gave the model "Staff Software Engineer (AI)" where
    # enrich --input and training (prepare_record) give it the title without the qualifier
    for qualifier in (" (AI)", " - Platform", ""):
        text = post([(f"Staff Software Engineer{qualifier}", SPEECH + SPEECH),
                     ("DevOps Engineer", PLATFORM)])
        parent = hn_posting(hn_record(text))
        child = enrich_postings([parent])[0]
        evaluated = enrich_record(hn_record(text))
        assert child.title == evaluated["role"] == f"Staff Software Engineer{qualifier}"
        assert child.enrichment is not None
        assert child.enrichment.archetype_proba == evaluated["archetype_proba"]
