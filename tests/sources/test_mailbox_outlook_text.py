"""A plain-text job alert whose every job's title carries its link on its line, the job's
company and place on the lines under it, as Outlook writes an HTML mail's links in plain text
("Machine Learning Engineer<https://...>"): one posting per job. Before, each job was read
as ending with its link, so each card went to the next job, and the mail was one posting of
its subject with the first job's link."""

from __future__ import annotations

from datetime import UTC, datetime

from mljobs.models import Document, RawPosting
from mljobs.sources import make_source

HEAD = (b"From: Job Alerts <jobalerts-noreply@jobs.example.com>\n"
        b"To: reader@example.net\n"
        b"Subject: \"machine learning engineer\": 3 new jobs in Berlin\n"
        b"Date: Tue, 10 Mar 2026 07:41:12 +0000\n"
        b"Message-ID: <1520394412.7781.1741592472@jobs.example.com>\n"
        b"MIME-Version: 1.0\n"
        b"Content-Type: text/plain; charset=\"us-ascii\"\n"
        b"Content-Transfer-Encoding: 7bit\n\n")
BODY = """Your job alert for machine learning engineer in Berlin
3 new jobs match your preferences.

Machine Learning Engineer<https://jobs.example.com/comm/jobs/view/4171234501/?trackingId=Qm9x%3D%3D&refId=abc&trk=eml-email_job_alert_digest_01-job_card-0-view_job>
Zalando Data Labs
Berlin, Germany
Actively recruiting

Senior Machine Learning Engineer, Search<https://jobs.example.com/comm/jobs/view/4171234502/?trackingId=Xk2a%3D%3D&refId=abc&trk=eml-email_job_alert_digest_01-job_card-1-view_job>
Delivery Hero
Berlin, Germany (Hybrid)
Easy Apply

Applied Scientist, Recommendations<https://jobs.example.com/comm/jobs/view/4171234503/?trackingId=Rt5b%3D%3D&refId=abc&trk=eml-email_job_alert_digest_01-job_card-2-view_job>
N26
Berlin, Germany
5 school alumni

See all jobs<https://jobs.example.com/comm/jobs/search?keywords=machine%20learning%20engineer&location=Berlin&trk=eml-email_job_alert_digest_01-see_all_jobs>

Job search smarter with Premium<https://jobs.example.com/comm/premium/products/?trk=eml-email_job_alert_digest_01-premium_upsell>

This email was intended for Reader (Data Scientist)
Learn why we included this.<https://jobs.example.com/help/jobs/answer/4788?trk=eml-email_job_alert_digest_01-SecurityHelp>
You are receiving Job Alert emails.
Manage your job alerts<https://jobs.example.com/comm/jobs/alerts?trk=eml-email_job_alert_digest_01-manage_alerts>    Unsubscribe<https://jobs.example.com/job-alert-email-unsubscribe?savedSearchId=1733&trk=eml-email_job_alert_digest_01-unsubscribe>   Help<https://jobs.example.com/help/jobs/answer/67?trk=eml-email_job_alert_digest_01-help>
"""


def _read(content: bytes) -> list[RawPosting]:
    return list(make_source("mailbox", {"paths": ["inbox"]}).parse(Document(
        source="mailbox", ref="mailbox:/inbox/alert.eml", content=content,
        media_type="message/rfc822", fetched_at=datetime(2026, 3, 10, tzinfo=UTC))))


def test_an_alert_with_each_title_linked_on_its_line_is_one_posting_per_job() -> None:
    jobs = _read(HEAD + BODY.encode())
    assert [(p.title, p.company, p.locations) for p in jobs] == [
        ("Machine Learning Engineer", "Zalando Data Labs", ["Berlin, Germany"]),
        ("Senior Machine Learning Engineer, Search", "Delivery Hero",
         ["Berlin, Germany (Hybrid)"]),
        ("Applied Scientist, Recommendations", "N26", ["Berlin, Germany"])]
    assert [(p.url or "").split("?")[0] for p in jobs] == [
        f"https://jobs.example.com/comm/jobs/view/417123450{n}/" for n in (1, 2, 3)]
    # each job's text is its card, not the alert's opening nor its footer
    assert not any("match your preferences" in (p.description_text or "")
                   or "Unsubscribe" in (p.description_text or "") for p in jobs)



LETTER = b"""From: Jane Doe <jane.doe@talentpartners.example>
To: sam@example.net
Subject: Senior Machine Learning Engineer at Helix Bio (Boston, hybrid)
Date: Wed, 11 Mar 2026 14:02:33 +0000
Message-ID: <BN0PR10MB5128E1A2B3C4D5E6F7A8B9C0@BN0PR10MB5128.namprd10.prod.outlook.example>
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: 7bit

Hi Sam,

I came across your profile and think you'd be a great fit for a Senior Machine Learning \
Engineer role at Helix Bio, a Series B biotech start-up in Boston. The team builds protein \
language models and needs someone to own training and serving on GPUs.

Senior Machine Learning Engineer - job description<https://helixbio.example/careers/senior-mle>
Salary: $180k-$220k + equity
Hybrid, 3 days a week in Boston, MA

If you're interested, book a time here<https://calendly.example/jdoe-recruit/30min>.

Best regards,

Jane Doe
Talent Acquisition Manager<https://www.linkedin.example/in/janedoe>
Talent Partners LLC
+1 617 555 0100
"""


def test_a_recruiters_letter_with_a_linked_role_and_a_linked_signature_is_one_posting() -> None:
    # (Outlook's plain text of a letter: the role's link and the signature's "Talent
    # Acquisition Manager<linkedin>" above the agency's name read as two jobs' titles with
    # their cards: a job "Talent Acquisition Manager" at Talent Partners LLC, and the letter's
    # words left out)
    jobs = _read(LETTER)
    assert [(p.title, p.url) for p in jobs] == [
        ("Senior Machine Learning Engineer at Helix Bio (Boston, hybrid)",
         "https://helixbio.example/careers/senior-mle")]
    assert "protein language models" in (jobs[0].description_text or "")


def test_an_alert_whose_title_wrapped_onto_two_lines_loses_no_job() -> None:
    # (a title wrapped before its link, "Senior Machine Learning Engineer,\nSearch<...>", is
    # no title of this form: the job was left out and the other two read; now the alert is
    # one posting, as it was before this form was read, with all three jobs in its text)
    wrapped = BODY.replace("Engineer, Search<", "Engineer,\nSearch<")
    jobs = _read(HEAD + wrapped.encode())
    assert len(jobs) == 1
    assert "Delivery Hero" in (jobs[0].description_text or "")


def test_a_title_with_a_less_than_sign_keeps_its_job() -> None:
    # (a "<" in the title, "(<2 yrs)", made its line no title line: the alert read as its
    # first two jobs, the third left out)
    marked = BODY.replace("Applied Scientist, Recommendations<",
                          "Applied Scientist, Recommendations (<2 yrs)<")
    jobs = _read(HEAD + marked.encode())
    assert [(p.title, p.company) for p in jobs][2:] == [
        ("Applied Scientist, Recommendations (<2 yrs)", "N26")]
    assert (jobs[2].url or "").startswith("https://jobs.example.com/comm/jobs/view/4171234503/")
