"""A plain-text job alert whose every job's title carries its link on its line, the job's
company and place on the lines under it, as Outlook writes an HTML mail's links in plain text
("Machine Learning Engineer<https://...>"): one posting per job. Before, each job was read
as ending with its link, so each card went to the next job, and the mail was one posting of
its subject with the first job's link."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime

from mljobs.models import Document, RawPosting
from mljobs.sources import make_source

from .replay_server import FIXTURES

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


def test_a_letter_signed_off_without_a_comma_is_one_posting() -> None:
    # (a sign-off with no comma, "Cheers" over the sender's name, or a last line with no
    # period, above the signature's "Talent Acquisition Manager<https://www.linkedin...>",
    # was read as that title's card: the letter was two postings, one of them a job
    # "Talent Acquisition Manager" at the sender's profile, and the letter's words left
    # out. An alert links its jobs on one site; this letter links two)
    ending = (b"If you're interested, book a time here<https://calendly.example/jdoe-recruit/"
              b"30min>.\n\nBest regards,\n\nJane Doe\n")
    assert LETTER.count(ending) == 1
    for signed in (b"Let me know if you'd like to chat\n\nCheers\nJane Doe\n",
                   b"Looking forward to hearing from you\n\nJane Doe\n"):
        jobs = _read(LETTER.replace(ending, signed))
        assert [(p.title, p.url) for p in jobs] == [
            ("Senior Machine Learning Engineer at Helix Bio (Boston, hybrid)",
             "https://helixbio.example/careers/senior-mle")], signed
        assert "protein language models" in (jobs[0].description_text or "")


def test_a_letter_linking_its_role_and_its_team_page_is_one_posting() -> None:
    # (one role, linked to apply, and the team's page on the same site, a short phrase
    # between them: read as two jobs' cards, "Meet the Engineering Team" was a job of its own
    # and the letter's words left out; the two links lead to unlike pages, no alert's)
    head = LETTER.split(b"\n\n", 1)[0]
    body = b"""Hi Sam,

I'm recruiting for Helix Bio and your background in protein language models stood out.

Senior Machine Learning Engineer - apply<https://helixbio.example/careers/senior-mle/apply>
Boston, MA, hybrid

Great benefits

Meet the Engineering Team<https://helixbio.example/team/engineering>
Helix Bio

Would you be open to a quick call this week?
Jane
"""
    jobs = _read(head + b"\n\n" + body)
    assert [(p.title, p.url) for p in jobs] == [
        ("Senior Machine Learning Engineer at Helix Bio (Boston, hybrid)",
         "https://helixbio.example/careers/senior-mle/apply")]
    assert "protein language models" in (jobs[0].description_text or "")


def test_an_alert_whose_title_wrapped_onto_two_lines_is_one_posting_per_job() -> None:
    # (a title wrapped before its link, "Senior Machine Learning Engineer,\nSearch<...>", was
    # no title of this form: the job was left out and the other two read; then the alert was
    # one posting with all three jobs in its text; now the wrapped title is the job's)
    wrapped = BODY.replace("Engineer, Search<", "Engineer,\nSearch<")
    jobs = _read(HEAD + wrapped.encode())
    assert [(p.title, p.company) for p in jobs] == [
        ("Machine Learning Engineer", "Zalando Data Labs"),
        ("Senior Machine Learning Engineer, Search", "Delivery Hero"),
        ("Applied Scientist, Recommendations", "N26")]
    assert (jobs[1].url or "").startswith("https://jobs.example.com/comm/jobs/view/4171234502/")


def test_an_alert_outlook_wrapped_at_76_characters_is_one_posting_per_job() -> None:
    # (Outlook's "Automatically wrap text at 76 characters": every title-and-link line longer
    # than that breaks before its last word, the link being one word: "Machine Learning" over
    # "Engineer<https://...>")
    wrapped = "\n".join(part for line in BODY.splitlines()
                        for part in (textwrap.wrap(line, 76, break_long_words=False,
                                                   break_on_hyphens=False) or [""]))
    assert "Machine Learning\nEngineer<https://" in wrapped
    jobs = _read(HEAD + wrapped.encode())
    assert [(p.title, p.company, p.locations) for p in jobs] == [
        ("Machine Learning Engineer", "Zalando Data Labs", ["Berlin, Germany"]),
        ("Senior Machine Learning Engineer, Search", "Delivery Hero",
         ["Berlin, Germany (Hybrid)"]),
        ("Applied Scientist, Recommendations", "N26", ["Berlin, Germany"])]


def test_a_title_with_a_less_than_sign_keeps_its_job() -> None:
    # (a "<" in the title, "(<2 yrs)", made its line no title line: the alert read as its
    # first two jobs, the third left out)
    marked = BODY.replace("Applied Scientist, Recommendations<",
                          "Applied Scientist, Recommendations (<2 yrs)<")
    jobs = _read(HEAD + marked.encode())
    assert [(p.title, p.company) for p in jobs][2:] == [
        ("Applied Scientist, Recommendations (<2 yrs)", "N26")]
    assert (jobs[2].url or "").startswith("https://jobs.example.com/comm/jobs/view/4171234503/")


INDEED = b"""From: Indeed <alert@indeed.com>
To: reader@example.net
Subject: 3 new machine learning engineer jobs in London
Date: Wed, 11 Mar 2026 06:12:40 +0000
Message-ID: <0100018e2f3a9c4b-5d7e1f20-3a4b-4c5d-8e9f-0a1b2c3d4e5f-000000@email.indeed.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

machine learning engineer jobs in London
3 new jobs in the last day

Machine Learning Engineer<https://uk.indeed.com/rc/clk/dl?jk=8a1b2c3d4e5f6071&from=ja&qd=Xk1Yb2&rd=Zm9v&tk=1hq0a2b3c&alid=64f0c1d2e3&utm_campaign=job_alerts&utm_medium=email&utm_source=jobseeker_emails>
Helix Robotics - London

\xc2\xa385,000 - \xc2\xa3110,000 a year

Easily apply

Senior Data Scientist, Personalisation<https://uk.indeed.com/rc/clk/dl?jk=1f2e3d4c5b6a7980&from=ja&qd=Xk1Yb2&rd=Zm9v&tk=1hq0a2b3c&alid=64f0c1d2e3&utm_campaign=job_alerts&utm_medium=email&utm_source=jobseeker_emails>
Northwind Retail - Hybrid remote in London

Responds within 1 day

Research Engineer, Foundation Models<https://uk.indeed.com/rc/clk/dl?jk=0a9b8c7d6e5f4a3b&from=ja&qd=Xk1Yb2&rd=Zm9v&tk=1hq0a2b3c&alid=64f0c1d2e3&utm_campaign=job_alerts&utm_medium=email&utm_source=jobseeker_emails>
Fabrikam AI - London EC2A

\xc2\xa3120,000 a year

See all jobs<https://uk.indeed.com/jobs?q=machine+learning+engineer&l=London&from=ja>

You are receiving this email because you subscribed to job alerts from Indeed.
Unsubscribe<https://uk.indeed.com/alert/unsubscribe?alid=64f0c1d2e3>
"""


def test_an_alert_whose_cards_hold_blank_lines_is_one_posting_per_job() -> None:
    # (Indeed's card as Outlook's plain text writes it: the pay and "Easily apply" each a
    # paragraph of its own; the line after the blank was a line of no job, and the alert
    # one posting of its subject)
    jobs = _read(INDEED)
    assert [(p.title, p.company, p.locations) for p in jobs] == [
        ("Machine Learning Engineer", "Helix Robotics", ["London"]),
        ("Senior Data Scientist, Personalisation", "Northwind Retail",
         ["Hybrid remote in London"]),
        ("Research Engineer, Foundation Models", "Fabrikam AI", ["London EC2A"])]
    assert [(p.url or "").split("&")[0] for p in jobs] == [
        f"https://uk.indeed.com/rc/clk/dl?jk={jk}"
        for jk in ("8a1b2c3d4e5f6071", "1f2e3d4c5b6a7980", "0a9b8c7d6e5f4a3b")]
    # each job's text is its whole card, pay too, and none of the frame
    assert "110,000 a year" in (jobs[0].description_text or "")
    assert "Responds within 1 day" in (jobs[1].description_text or "")
    assert not any("receiving this email" in (p.description_text or "") for p in jobs)


GLASSDOOR = b"""From: Glassdoor Jobs <noreply@glassdoor.com>
To: reader@example.net
Subject: Machine Learning Engineer in Berlin: 2 new jobs
Date: Thu, 12 Mar 2026 05:30:02 +0000
Message-ID: <1741757402.52@glassdoor.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Your Job Alert
2 new jobs for Machine Learning Engineer in Berlin

Acme Robotics 4.1 \xe2\x98\x85
Machine Learning Engineer<https://www.glassdoor.com/partner/jobListing.htm?pos=101&ao=1136043&s=58&guid=0000018e2f3a9c4b&src=GD_JOB_AD&t=ESR&jobListingId=1009012345678&ea=1&cs=1_5a6b7c8d>
Berlin
\xe2\x82\xac70K - \xe2\x82\xac90K (Employer est.)

Beta Labs 3.9 \xe2\x98\x85
Senior Machine Learning Engineer, Search<https://www.glassdoor.com/partner/jobListing.htm?pos=102&ao=1136043&s=58&guid=0000018e2f3a9c4b&src=GD_JOB_AD&t=ESR&jobListingId=1009087654321&ea=1&cs=1_9e8f7a6b>
Berlin
\xe2\x82\xac85K - \xe2\x82\xac105K (Employer est.)

See more jobs<https://www.glassdoor.com/Job/berlin-machine-learning-engineer-jobs-SRCH_IL.0,6_IC2622109_KO7,32.htm>
Manage email settings<https://www.glassdoor.com/member/account/notificationSettings_input.htm>
"""


def test_an_alert_that_names_each_company_above_its_title_is_one_posting_per_job() -> None:
    # (Glassdoor's card: the company and its rating above the title; each job's company
    # line was the line of no job between two titles, and the alert one posting. A title
    # that names its employer above it does not take it in: "Acme Robotics 4.1 ★" is the
    # company, not the head of a wrapped title)
    jobs = _read(GLASSDOOR)
    assert [(p.title, p.company, p.locations) for p in jobs] == [
        ("Machine Learning Engineer", "Acme Robotics", ["Berlin"]),
        ("Senior Machine Learning Engineer, Search", "Beta Labs", ["Berlin"])]
    assert [(p.url or "").rsplit("jobListingId=")[1][:13] for p in jobs] == [
        "1009012345678", "1009087654321"]


# the footer of an alert that asks employers to post a job, naming the alert's role: its link
# text reads as a job title ("Data Scientist"), so it was read as a fourth job
HIRING = ("Hiring? Post a Data Scientist job<https://jobs.example.com/talent/post-a-job?"
          "trk=eml-email_job_alert_digest_01-hiring_upsell>\nReach the right candidates\n\n")


def test_a_footer_link_to_post_a_job_is_no_job() -> None:
    body = BODY.replace("Job search smarter with Premium<", HIRING
                        + "Job search smarter with Premium<")
    jobs = _read(HEAD + body.encode())
    assert [p.title for p in jobs] == [
        "Machine Learning Engineer", "Senior Machine Learning Engineer, Search",
        "Applied Scientist, Recommendations"]
    assert not any("post-a-job" in (p.url or "") or "Reach the right candidates"
                   in (p.description_text or "") for p in jobs)


def test_an_html_alerts_link_to_post_a_job_is_no_job() -> None:
    # (an HTML alert skipped it already: its link leads elsewhere than the jobs' links)
    mail = (FIXTURES / "mailbox" / "alerts" / "network-rows.eml").read_bytes()
    footer = (b'<tr><td><a href="https://www.pronet.example.com/talent/post-a-job?trk=eml-'
              b'jobalert-hiring">Hiring? Post a Data Scientist job</a></td></tr>\n'
              b'<tr><td>Reach the right candidates</td></tr>\n')
    see_all = b'<tr><td><a href="https://www.pronet.example.com/comm/jobs/search/'
    assert mail.count(see_all) == 1
    jobs = _read(mail.replace(see_all, footer + see_all))
    assert [p.title for p in jobs] == [
        "Senior Data Scientist \u2013 Recommendations", "Data Scientist (m/w/d) Credit Risk",
        "Machine Learning Scientist, Speech"]
