"""The title the archetype model reads is the same on the store path (import/sync: the
posting's company is ``hn_format``'s reading of the header) and on ``mljobs enrich --input``
(a corpus row's ``company``), for a header whose company segment ends on a note in brackets
("Careforce AI (previously Helpcare)": the corpus row names the company with it, the header
reader without it). Before, the store path kept the segment, and its "ai", in the title."""

from __future__ import annotations

from mljobs.enrich import enrich_postings, enrich_record
from mljobs.enrich.features import role_title
from mljobs.normalize import normalize
from mljobs.sources.hn_format import hn_item_to_raw

HEADER = "Nimbus AI (previously Cloudhelp) | Senior Fullstack Engineer | Remote (US) | Full-time"
TEXT = (f"{HEADER}\n\nWe build scheduling software for clinics. You will own features end to end "
        "in TypeScript, React and Postgres, and talk to our users every week.\n\n"
        "Email jobs@nimbus.example with a few lines about yourself.\n")


def test_a_company_segment_with_a_note_is_left_out_on_both_paths() -> None:
    assert role_title(HEADER, "Nimbus AI") == "Senior Fullstack Engineer"  # (the store's company)
    assert role_title(HEADER, "Nimbus AI (previously Cloudhelp)") == "Senior Fullstack Engineer"
    assert role_title("Nimbus AI (YC S23) | Lead ML Engineer", "nimbus ai ") == "Lead ML Engineer"
    # (a segment of a role and a note stays: its head noun is the role's)
    assert role_title("Data Engineer (Remote) | Acme", "Data Engineer") == "Data Engineer (Remote)"


def test_the_store_path_and_enrich_input_give_the_same_archetype_reading() -> None:
    raw = hn_item_to_raw({"id": 900301, "time": 1767225600, "text": TEXT.replace("\n", "<p>")})
    [stored] = enrich_postings([normalize(raw)])
    assert raw.company == "Nimbus AI"
    assert stored.enrichment is not None
    row = enrich_record({"id": "hn-900301", "source": "hackernews", "title": HEADER,
                         "company": "Nimbus AI (previously Cloudhelp)", "text": stored.description_text})
    assert row["archetype"] == stored.enrichment.archetype
    assert row["archetype_proba"] == dict(stored.enrichment.archetype_proba)
