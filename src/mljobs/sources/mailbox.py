"""Mailing-list postings and job-alert e-mails: mbox files, Maildirs, saved messages
(``.eml``) and folders of them.

``fetch`` reads the files (the only I/O); each message is one ``Document``.
``parse`` reads a message: a plain posting (ML-News, SIG-IRList) becomes one
posting titled by its subject; a digest (an alert listing several jobs,
separated by rule lines such as ``----``, or a list ``mail_digest`` reads) and a
newsletter's jobs section (``mail_digest.section_jobs``) become one posting per
job. A job's link is kept as the mail gives it (``url``); where a click-tracking
link leads, when the link says so (``links.link_target``), is its
``extra["job_url"]``. A message's date is its Date header, else its own file's time (a
saved message's, a Maildir message's: written when it was delivered); an mbox message
without one has none (the mbox file's time is when any of its messages was written).

Messages are read one at a time, and at most ``MAX_MESSAGE_BYTES`` of each: a bigger
message (a mail with a large attachment) is cut there, with a warning naming it (in the
sync report's ``warnings``; logged on ``mljobs.sources.mailbox`` outside a sync); its
text comes first as a rule, so its posting is kept, and the mailbox's other messages are
read as ever.
"""

from __future__ import annotations

import email
import email.policy
import logging
import mailbox as stdlib_mailbox
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import ClassVar, Protocol

from mljobs.errors import FetchError
from mljobs.http import HttpClient
from mljobs.models import Document, RawPosting
from mljobs.normalize import html_to_text, tidy_text
from mljobs.sources.base import BaseSource, Window, place_workplace, short_hash, warn
from mljobs.sources.hn_format import first_line, parse_header
from mljobs.sources.links import link_target
from mljobs.sources.mail_digest import (
    BOILERPLATE,
    DigestJob,
    card_fields,
    cards_name_employers,
    first_url,
    html_job_link,
    html_jobs,
    list_digest_message,
    section_jobs,
    text_jobs,
    trim_first,
)

# A plain part that only stands in for the HTML one: it says where to read the mail, or that
# it needs HTML ("To view this email as a web page, go here", "View it in your browser",
# "This message requires an HTML-capable mail client", "Your email client does not support
# HTML"); a few lines, ``_STAND_IN_WORDS`` words at most
_STAND_IN = re.compile(
    r"\b(?:view|read|see|open|display)\b[^.\n]{0,40}\b(?:web\s?page|browser|online|html)\b"
    r"|\bhtml[- ](?:capable|enabled|compatible|version|format)\b"
    r"|\b(?:does\s+not|doesn[’']t|cannot|can[’']t|unable\s+to)\s+(?:support|display|show|"
    r"read|render|see)\s+(?:html|this\s+(?:e-?mail|message))"
    # (and as European senders write it: "Im Browser anzeigen", "Webversion", "Voir la
    # version en ligne", "dans votre navigateur", "Ver este correo en tu navegador")
    r"|\b(?:im|in\s+(?:ihrem|deinem|je|uw))\s+browser\b|\bweb-?version\b|\bwebversie\b"
    r"|\bonline-version\b|\bversion\s+(?:en\s+ligne|web)\b|\bversi[óo]n\s+web\b"
    r"|\b(?:votre|ton)\s+navigateur\b|\b(?:el|tu|su)\s+navegador\b", re.IGNORECASE)
_STAND_IN_WORDS = 60
_WORD = re.compile(r"[^\W\d_]{4,}")
# (on its line: ``\s`` let it run on over blank lines from every line start, quadratic)
_RULE = re.compile(r"^[^\S\n]*(?:[-=*_~#][^\S\n]*){3,}$", re.MULTILINE)
_LIST_TAG = re.compile(r"^\s*(?:(?:re|fwd?)\s*:\s*|\[[^\]]{1,40}\]\s*)+", re.IGNORECASE)
_JOB_PREFIX = re.compile(r"^(?:new\s+)?(?:job|jobs|position|vacancy|opening|hiring)"
                         r"(?:\s+alerts?)?\s*[:\-]\s*", re.IGNORECASE)  # "Job alert: ..."
# "Data Scientist at Contoso"; a lower-case remark after a dash is no part of the company
# ("ML Engineer role at Fabrikam - interested?")
_AT_COMPANY = re.compile(r"^(?P<role>.+?)\s+(?:at|@|-|–)\s+(?P<company>[A-Z][^,|?!]{1,60}?)"
                         r"(?:\s+[-–]\s+[a-z][^|]*)?$")
# "New jobs at Acme", "2 new job postings at Acme Robotics": a board's own digest.
_SUBJECT_COMPANY = re.compile(r"\b(?:jobs?|postings?|openings?|positions?|roles?|vacancies)\s+"
                              r"at\s+(?P<company>[A-Z][^,|:!?]{1,60})$")
MIN_JOB_CHARS = 60
# a forward's own note above the messages it attaches ("FYI, see below."): no posting when
# it has fewer words
FORWARD_NOTE_WORDS = 40
# how deep forwards inside forwards are read (a hostile message can nest thousands)
FORWARD_DEPTH = 5
MAX_MESSAGE_BYTES = 10 * 1024 * 1024  # of one message read; a mail of 50 MB took 0.5 GB
log = logging.getLogger(__name__)


@dataclass
class Mailbox(BaseSource):
    """Local mbox files, Maildir folders, saved messages (``.eml``) or folders of them.

    Args:
        paths: mbox files, Maildirs, ``.eml`` files or folders of ``.eml`` files.
    """

    name: ClassVar[str] = "mailbox"
    general: ClassVar[bool] = True
    paths: list[str] = field(default_factory=list)

    def units(self, window: Window) -> list[str]:
        """One unit per mailbox."""
        return list(dict.fromkeys(self.paths))

    def fetch_unit(self, http: HttpClient, unit: str) -> Iterator[Document]:
        """Each message of the mailbox, as bytes."""
        path = Path(unit).expanduser()
        if not path.exists():
            raise FetchError(self.name, unit, "no such mailbox; check the path in the config")
        maildir = path.is_dir() and any((path / d).is_dir() for d in ("cur", "new"))
        if path.is_dir() and not maildir:  # a folder of saved messages (.eml)
            yield from self._messages(unit, sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".eml"))
            return
        if path.is_file() and not _is_mbox(path):  # one saved message (.eml): read as an
            yield from self._messages(unit, [path])  # mbox, it held no message at all
            return
        # an mbox: when it was written last is every message's fetched_at (one stat a
        # file, not one a message); a Maildir: each message's own file's mtime (when it
        # was delivered), not the folder's
        mtime = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
        box: stdlib_mailbox.Mailbox[stdlib_mailbox.Message] = (
            stdlib_mailbox.Maildir(path, factory=None, create=False) if maildir
            else stdlib_mailbox.mbox(path, create=False)
        )
        delivered = _delivered(path, box.colon) if isinstance(box, stdlib_mailbox.Maildir) \
            else {}
        try:
            for key in sorted(box.keys()):
                ref = f"mailbox:{path}#{key}"
                fh = box.get_file(key)
                try:  # as get_bytes reads it, but no more than the cap
                    data = _read_capped(fh, ref).replace(os.linesep.encode(), b"\n")
                finally:
                    fh.close()
                yield Document(source=self.name, ref=ref, content=data,
                               media_type="message/rfc822",
                               fetched_at=delivered.get(str(key), mtime))
        finally:
            box.close()

    def _messages(self, unit: str, files: list[Path]) -> Iterator[Document]:
        if not files:
            raise FetchError(self.name, unit, "a folder that is no Maildir (no cur/ or new/) "
                             "and holds no .eml files; give an mbox file, a Maildir or a "
                             "folder of .eml files")
        for file in files:
            try:
                with file.open("rb") as fh:
                    data = _read_capped(fh, f"mailbox:{file}")
            except OSError as exc:
                raise FetchError(self.name, str(file), f"cannot read it ({exc})") from exc
            mtime = datetime.fromtimestamp(file.stat().st_mtime).astimezone()
            yield Document(source=self.name, ref=f"mailbox:{file}", content=data,
                           media_type="message/rfc822", fetched_at=mtime)

    def parse(self, doc: Document) -> Iterator[RawPosting]:
        """One posting per job in the message."""
        msg = email.message_from_bytes(doc.content, policy=email.policy.default)
        if not isinstance(msg, EmailMessage) or not any(
                msg.get(h) for h in ("From", "Subject", "Date", "Message-ID", "To")):
            # a text file given as a saved message became a posting of its first line
            raise self.fail(doc, "not an e-mail message (no From, Subject or Date header); "
                            "give mbox files, Maildirs or saved messages (.eml)")
        # its Date header, else (none, or none that reads) its own file's time: a saved
        # message's or a Maildir message's, not an mbox's (when any message was written)
        posted = _date(msg.get("Date")) or (doc.fetched_at if _own_file(doc.ref) else None)
        # messages forwarded as attachments (Outlook's "Forward as Attachment"): each read as
        # the message it is, and the forward's own few words ("See below.") no posting;
        # before, the forward's note was the posting, the alert's jobs left out
        yield from self._forwarded(msg, doc.content.decode("utf-8", "replace"), posted, 0)

    def _forwarded(self, msg: EmailMessage, text: str, posted: datetime | None,
                   depth: int) -> Iterator[RawPosting]:
        """The postings of a message and of the messages it attaches, and theirs, down to
        ``FORWARD_DEPTH`` levels (a forward of a forward: before, only one level was read,
        and the inner forward's note was the posting, the alert's jobs left out)."""
        attached = _attached(msg) if depth < FORWARD_DEPTH else []
        for number, inner in enumerate(attached, 1):
            yield from self._forwarded(inner, f"{text}#{number}", posted, depth + 1)
        if attached and len(_body(msg).split()) < FORWARD_NOTE_WORDS:
            return
        yield from self._read(msg, text, posted)

    def _read(self, msg: EmailMessage, text: str, posted: datetime | None,
              ) -> Iterator[RawPosting]:
        """The postings of one message (``text``, its bytes as text, keys one that has no
        Message-ID; ``posted``: the date of one without a Date header)."""
        subject = _LIST_TAG.sub("", str(msg.get("Subject") or "")).strip()
        body = _body(msg)
        if not body.strip():
            return
        key = str(msg.get("Message-ID") or short_hash(text))
        posted = _date(msg.get("Date")) or posted
        sender = str(msg.get("From") or "")
        for index, job in _jobs(msg, subject, body):
            yield self._posting(key, index, job, posted, sender)

    def _posting(self, key: str, index: int, job: DigestJob, posted: datetime | None,
                 sender: str) -> RawPosting:
        role, company = job.title, job.company
        if "|" in role:
            fields = parse_header(role)
            company = fields["company"] or company
        elif company is None:
            match = _AT_COMPANY.match(role)
            if match:
                role, company = match.group("role"), match.group("company")
        return RawPosting(
            source=self.name, source_id=short_hash(key, str(index)), title=role[:300] or "(untitled)",
            company=company, posted_at=posted, description_text=tidy_text(job.text),
            url=job.url, locations=[job.place] if job.place else [],
            remote=place_workplace(job.place),
            extra={"message_id": key, "part": index,
                   "list": sender.split("<")[0].strip() or None,
                   # where a click-tracking link leads, when it says so (url stays the
                   # link as the mail gives it)
                   **({"job_url": target} if (target := link_target(job.url)) != job.url
                      else {})},
        )


def _jobs(msg: EmailMessage, subject: str, body: str) -> list[tuple[int, DigestJob]]:
    """The jobs of a message with their part numbers (which make the posting ids).

    A digest whose jobs are separated by rule lines is one job per chunk (a chunk of the
    alert's or the list's frame, its opening or its footer, is left out but keeps its
    number, so the jobs' ids are those they always had); a plain-text digest without rule
    lines one job per link; an HTML digest one job per title link; a newsletter with a jobs
    section (``section_jobs``) one job per item of that section. Any other message is one
    posting: its subject and whole text, with the text's first link, else the HTML part's
    link to the job (its title's or button's).
    """
    chunks = [c.strip() for c in _RULE.split(body) if len(c.strip()) >= MIN_JOB_CHARS]
    if len(chunks) >= 2:
        found = []
        frame = {i for i in (0, len(chunks) - 1) if BOILERPLATE.search(chunks[i][:200])}
        kept = [i for i in range(len(chunks)) if i not in frame]
        if len(kept) == 1 and list_digest_message(chunks[kept[0]]) is None:
            # one posting above a list's footer ("____ / ML-News mailing list / listinfo"):
            # titled by its subject like any posting, numbered as it always was
            text = chunks[kept[0]]
            return [(kept[0], DigestJob(title=_JOB_PREFIX.sub("", subject) or first_line(text),
                                        text=text, url=first_url(text)))]
        if len(kept) >= 2 and list_digest_message(chunks[kept[0]]) is None:
            # the alert's opening with no rule line under it ("Your job alert for ...")
            first = trim_first(chunks[kept[0]].splitlines(),
                               [chunks[i].splitlines() for i in kept[1:]])
            chunks[kept[0]] = "\n".join(first).strip()
        for index, chunk in enumerate(chunks):
            if index in frame:
                continue
            listed = list_digest_message(chunk)
            if listed is not None:
                title, text = _JOB_PREFIX.sub("", _LIST_TAG.sub("", listed[0]).strip()), listed[1]
                found.append((index, DigestJob(title=title or first_line(text), text=text,
                                               url=first_url(text))))
                continue
            title = first_line(chunk)
            company, place = card_fields(chunk, title)
            if _AT_COMPANY.match(title) or "|" in title:
                company = None
            found.append((index, DigestJob(title=title, text=chunk, url=first_url(chunk),
                                           company=company, place=place)))
        html = _html(msg) if found and not any(job.url for _, job in found) else None
        listed_html = html_jobs(html) if html else []
        if len(listed_html) == len(found):  # the links are in the tags: the jobs in order
            found = [(i, replace(job, url=link.url))
                     for (i, job), link in zip(found, listed_html, strict=True)]
        if found:
            return _board_company(subject, found)
    jobs = text_jobs(body)
    html = _html(msg) if not jobs else None
    if html:
        jobs = html_jobs(html)
    digest = _board_company(subject, list(enumerate(jobs)))
    if cards_name_employers([job for _, job in digest]):
        return digest
    if html is None:
        html = _html(msg)
    section = section_jobs(body, html)
    if section:  # a newsletter's jobs section: its jobs, the rest of it no posting
        return _board_company(subject, list(enumerate(section)))
    link = first_url(body) or (html_job_link(html) if html else None)
    return [(0, DigestJob(title=_JOB_PREFIX.sub("", subject) or first_line(body), text=body,
                          url=link))]


def _board_company(subject: str, jobs: list[tuple[int, DigestJob]]) -> list[tuple[int, DigestJob]]:
    """A board's digest names its company once, in the subject ("2 new jobs at Acme"):
    the company of each job whose card and title name none."""
    named = _SUBJECT_COMPANY.search(subject)
    if named is None:
        return jobs
    company = named.group("company").strip()
    return [(i, job if job.company or _AT_COMPANY.match(job.title) or "|" in job.title
             else replace(job, company=company)) for i, job in jobs]


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def _read_capped(fh: _Readable, ref: str) -> bytes:
    """A message's bytes, cut at ``MAX_MESSAGE_BYTES`` with a warning that says so."""
    data = fh.read(MAX_MESSAGE_BYTES + 1)
    if len(data) <= MAX_MESSAGE_BYTES:
        return data
    rest = 0
    while chunk := fh.read(1 << 20):  # counted, not kept
        rest += len(chunk)
    total = len(data) + rest
    subject = _subject(data)
    named = f" ({subject!r})" if subject else ""
    warn(log, f"mailbox: message {ref}{named} is {total / 2**20:.1f} MiB ({total} bytes): "
         f"only its first {MAX_MESSAGE_BYTES // 2**20} MiB were read (MAX_MESSAGE_BYTES). A "
         "mail's text comes before its attachments as a rule and is kept; what follows the "
         "cut is left out, so if this mail's posting lacks its text, save the text as a .eml "
         "file of its own. Other messages are read as usual")
    return data[:MAX_MESSAGE_BYTES]


def _subject(data: bytes) -> str | None:
    """The subject of a message from its first bytes (its headers), to name it by."""
    try:
        head = email.message_from_bytes(data[:1 << 16].split(b"\n\n", 1)[0],
                                        policy=email.policy.default)
        subject = " ".join(str(head.get("Subject") or "").split())
    except Exception:  # noqa: BLE001  (a header that cannot be read: named by its place)
        return None
    return subject[:120] or None


def _is_mbox(path: Path) -> bool:
    """An mbox file starts with a ``From `` line (or is empty); a saved message does not."""
    with path.open("rb") as fh:
        head = fh.read(5)
    return head in (b"", b"From ")


def _attached(msg: EmailMessage) -> list[EmailMessage]:
    """The messages attached to a message (``message/rfc822`` parts: a forward as
    attachment), one level down; none of a bounce (``multipart/report``: the message it
    returns is the reader's own)."""
    if msg.get_content_type() == "multipart/report":
        return []
    found = []
    for part in msg.iter_attachments():
        if part.get_content_type() != "message/rfc822":
            continue
        try:
            inner = part.get_content()
        except (LookupError, ValueError):
            continue
        if isinstance(inner, EmailMessage):
            found.append(inner)
    return found


def _body(msg: EmailMessage) -> str:
    """The message's text: its plain part, else its HTML part's text; and the HTML's when
    the plain part is a stand-in for it (``_STAND_IN``: "To view this email as a web page,
    go here: ...", "This message requires an HTML-capable mail client"), which was the
    posting's whole text, the job's left out."""
    part = msg.get_body(preferencelist=("plain", "html"))
    content = _text_of(part) if isinstance(part, EmailMessage) else None
    if content is None or part is None:
        return ""
    if part.get_content_subtype() == "html":
        return html_to_text(content)
    if len(content.split()) <= _STAND_IN_WORDS and _STAND_IN.search(content):
        html = _html(msg)
        text = html_to_text(html) if html is not None else ""
        if _stands_in(content, text):
            return text
    return content


def _stands_in(plain: str, html_text: str) -> bool:
    """Whether a plain part that says where to read the mail (``_STAND_IN``) only stands in
    for its HTML part's text: most of its words (of four letters or more) are not the HTML
    text's ("view", "email", "page", "receiving"), as they are when the plain part is the
    mail's text ("Fabrikam is hiring a Research Engineer ... or view this email in your
    browser")."""
    words = {w.lower() for w in _WORD.findall(plain)}
    shown = {w.lower() for w in _WORD.findall(html_text)}
    return len(shown) > len(words) and len(words & shown) * 2 < len(words)


def _html(msg: EmailMessage) -> str | None:
    """The message's HTML part (a digest's links are in its tags), or None."""
    part = msg.get_body(preferencelist=("html",))
    return _text_of(part) if isinstance(part, EmailMessage) else None


def _text_of(part: EmailMessage) -> str | None:
    """A text part's content in the charset it names (UTF-8 when that is unknown)."""
    try:
        content = part.get_content()
    except (LookupError, UnicodeDecodeError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else None


def _delivered(maildir: Path, colon: str) -> dict[str, datetime]:
    """Each message's key in a Maildir (its file's name up to the flags after ``colon``,
    as ``mailbox.Maildir`` names it) and its file's mtime: when it was delivered."""
    found: dict[str, datetime] = {}
    for sub in ("new", "cur"):
        folder = maildir / sub
        if not folder.is_dir():
            continue
        for file in folder.iterdir():
            if file.name.startswith(".") or not file.is_file():
                continue
            found[file.name.split(colon)[0]] = datetime.fromtimestamp(
                file.stat().st_mtime).astimezone()
    return found


def _own_file(ref: str) -> bool:
    """Whether a message's document is a file of its own: a saved message
    (``mailbox:<file>``) or a Maildir's (``mailbox:<folder>#<file name>``), not a message
    of an mbox (``mailbox:<file>#<number>``, the number ``mailbox.mbox`` gives it)."""
    _, hash_mark, key = ref.rpartition("#")
    return not hash_mark or not key.isdigit()


def _date(value: object) -> datetime | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(str(value))
    except (TypeError, ValueError):
        return None

