"""The enrichment pipeline: one posting (title + text + a few fields) -> Enrichment."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, NamedTuple, NoReturn

from pydantic import TypeAdapter

from mljobs import places
from mljobs.enrich import facets
from mljobs.enrich.classifier import ArchetypeModel, Contribution, default_model
from mljobs.enrich.features import Featurized, featurize
from mljobs.enrich.lowered import merged_spans
from mljobs.enrich.ml_share import ml_share
from mljobs.enrich.roles import (
    DASHES,
    RoleBlock,
    Roles,
    is_hn,
    listed_roles,
    names_a_role,
    other_roles,
    pick_role,
    pick_title,
    read_title,
    title_line,
)
from mljobs.enrich.salary import (
    header_pay,
    header_range,
    may_hold_header_range,
    mentions_equity,
    parse_posting_salary,
    parse_salary,
    parse_salary_field,
)
from mljobs.enrich.sections import SectionMap
from mljobs.enrich.skills import (
    BY_FORM,
    DOMAIN_SKILLS,
    FIELD_SKILLS,
    UNASKED_SKILLS,
    Match,
    as_experience,
    default_matcher,
    is_domain_unasked,
    names_no_ask,
    url_spans,
)
from mljobs.enrich.version import version
from mljobs.errors import EnrichError
from mljobs.models import (
    Enrichment,
    Evidence,
    Posting,
    Salary,
    SkillMention,
    prefer_stated,
    role_id,
)
from mljobs.normalize import NO_VALUE, one_line, stored_text

# Postings per batch of ``_analyse_many``: each step runs over the whole batch before the
# next step starts (see there). ``lowered.MEMO_TEXTS`` holds two texts per posting of a batch
# (a test checks it).
BATCH = 64


_FIELD_CATEGORIES = frozenset({"area", "practice"})
# A person's title before a field word ("the Head of Machine Learning", "VP of FP&A").
_HEAD_OF = re.compile(r"\b(?:head|vp|svp|evp|vice president|director|manager)\s+of\s+$", re.IGNORECASE)
# (the look-ahead: the first characters of "& ..." and of the words, so that a word that is
# none of them fails at once instead of at each of the 20 words: 0.66x the time of a corpus
# pass's ~21k calls; a test ties it to the plain form)
_NAMES_A_GROUP_START = "(?=[&tdgoflcmrpjesai])"
_NAMES_A_GROUP = re.compile(
    r"[\s-]*" + _NAMES_A_GROUP_START + r"(?:&\s*\w+\s+)?(?:teams?|department|group|org|organi[sz]ation|"
    r"function|leaders(?:hip)?|community|managers?|directors?|roles?|positions?|jobs?|openings?|professionals?|"
    r"practitioners?|engineers?|scientists?|analysts?|interns?(?:hip)?)\b",
    re.IGNORECASE,
)
# A field word that opens a role title of capitalised words ("ML Performance Engineer:
# https://...", "ML/Research Scientist", "Senior Robotics Software Engineer", "Full-Stack
# Mobile Engineer"): the name of a role, as ``_NAMES_A_GROUP`` reads "ML Engineer" (kept
# apart from it: the archetype features read that one). Dev labels: no such mention; read
# extra labels: 6 right and 21 false.
_NAMES_A_TITLE = re.compile(
    r"(?:\s*/\s*[A-Z][\w-]*)?(?:[ \t]+(?:&[ \t]+)?[A-Z][\w+#-]*){1,2}[ \t]+(?:Engineers?|Scientists?|"
    r"Researchers?|Developers?|Leads?|Managers?|Architects?|Specialists?|Analysts?|Interns?)\b")

# A field word (``FIELD_SKILLS``) before a noun that names a kind of thing describes that thing
# ("data analysis software such as Spotfire", "business intelligence tools", "data
# engineering languages", "a Full-Stack Software Engineer", "full-stack product
# engineers"): no ask for the field. Dev labels: 1 right and 9 false such mentions; read
# extra labels: about 30 right and 75 false.
# Twentieth session: also the ways of the field ("software engineering best practices",
# "standard software engineering methodologies", "data engineering processes", "the
# contemporary software engineering landscape"): dev 1 false gone ("Software engineering
# best-practices, including version control"); read extra labels 9 false gone, 1 right lost.
_NAMES_A_KIND = re.compile(
    r"[\s-]*(?:tools?|software|techniques?|methods?|results|packages?|languages?|frameworks?|"
    r"products?|solutions?|technolog(?:y|ies)|capabilities|services|best[\s-]+practices?|principles?|"
    r"methodolog(?:y|ies)|fundamentals|process(?:es)?|landscape|standards?)\b",
    re.IGNORECASE,
)

# A field word followed by the tools it stands for, as an umbrella word is
# (``skills.names_no_ask``): "Backend Stack: Ruby / Rails", "Strong backend experience with
# Elixir", "software development skills (R, Python, or similar)", "Modern Web Development:
# Django, Angular, React", "web development: HTML, CSS and JavaScript", "Experience with big
# data technologies (e.g. Hadoop, Spark)": the labels take the tools, not the field. After the
# field word: an optional word for what the hire has of it (skills, experience, stack,
# ...), then a bracket, a colon, a dash, or with / across / such as / like / including /
# e.g.; and a known tool (no method, area or practice) must start right there. "Web
# development (we use React)" and "data analysis using R", "data analysis in R" (the labels
# take the field there) are no such list. Dev labels: 2 false gone, none right lost; read
# extra labels: 37 false gone, 4 right lost ("big data platforms (Hadoop, Spark, Hive)",
# which the readers take two times in nine).
_FIELD_TOOLS_INTRO = re.compile(
    r"[ \t-]*(?:(?:skills?|experience|stack|development|engineering|knowledge|background|servers?|"
    r"work|fluency|expertise)\b)?[ \t]*(?:\(|:|-[ \t]|,?[ \t]*(?:with|across|such as|like|including)\b|"
    r",?[ \t]*e\.g\.)[ \t]*(?:e\.g\.,?[ \t]*)?",
    re.IGNORECASE,
)
_NOT_TOOLS = frozenset({"method", "area", "practice", "lab-technique"})

# A field word after "for" or "our" is a purpose or the company's own field ("Python for data
# analysis", "tools for data analytics", "a passion for software engineering", "looking for
# backend developers", "our data science efforts", "our backend services"): no ask. Dev
# labels: 0 right and 3 false such mentions; read extra labels: 0 right and about 40 false.
_FOR_OR_OUR = re.compile(r"(?<![\w-])(?:for|our)\s{1,5}$", re.IGNORECASE)  # (within 8 characters)


_MENTIONS = TypeAdapter(list[SkillMention])
Spans = tuple[tuple[int, int], ...]  # ([start, end) spans of a text, ascending and apart)


def extract_skills(text: str, smap: SectionMap | None = None) -> list[SkillMention]:
    """Skills in ``text``: one mention per skill (first surface), required unless nice-to-have.

    A skill is nice-to-have only when every occurrence sits in a nice-to-have
    section or on a line that says "a plus" / "preferred" / "bonus".
    """
    # (one call validates them all, faster than one by one)
    return _MENTIONS.validate_python(_skill_rows(text, smap or SectionMap(text)))


def _skill_rows(text: str, smap: SectionMap, others: Spans = ()) -> list[dict[str, Any]]:
    """The skills of ``extract_skills`` as the dicts its models are made from: the fields in
    order, every value of its field's type (so they are the models' JSON dump too).

    ``others``: spans of ``text`` that belong to other roles than the one analysed (see
    ``roles.other_roles``); the mentions there are not the role's.
    """
    return _rows(text, smap, _skill_matches(text), others)


def _skill_matches(text: str) -> list[Match]:
    """Every skill match in ``text``, in order."""
    matcher = default_matcher()
    found = matcher.find(text)
    extra = matcher.coordinated_all(text, found)
    if extra:  # ``find`` gives its matches in order already
        found = sorted([*found, *extra], key=lambda x: x.start)
    return found


def _rows(text: str, smap: SectionMap, found: list[Match], others: Spans = ()) -> list[dict[str, Any]]:
    """The rows of ``_skill_rows`` from the matches ``found`` in ``text``."""
    if not found:
        return []  # (no spans to find)
    first: dict[str, Match] = {}  # skill -> its first match
    required: set[str] = set()  # the skills with an occurrence that is not nice-to-have
    pitched: set[str] = set()  # the skills named in a company pitch (``SectionMap.in_pitch``)
    # another role's lines; degree subjects ("a degree in statistics, bioinformatics or a
    # related field"); links ("https://acme.com/careers/software-engineer-backend"); other
    # companies' names ("partners with companies such as NVIDIA, AWS": ``in_name_list``)
    skip = merged_spans([*others, *smap.degree_spans, *url_spans(text), *smap.name_list_spans()])
    k, n_skip = 0, len(skip)  # (the matches come in order: one pointer walks the spans)
    for i, m in enumerate(found):
        if m.name in required or (m.name in UNASKED_SKILLS and not as_experience(text, m)):
            continue  # a later occurrence changes nothing; a vague practice is no ask
        if m.name in BY_FORM and names_no_ask(text, found, i):
            continue  # "submission to quality assurance", "statistical programming languages (R)"
        start = m.start
        if n_skip:
            while k < n_skip and skip[k][1] <= start:
                k += 1
            if k < n_skip and skip[k][0] <= start:
                continue
        if smap.in_pitch(start, m.end):
            # "Acme is building AI agents for ...": the company's business, no ask; but a
            # skill the post asks for elsewhere too is required, as the labellers read it
            pitched.add(m.name)
            continue
        if m.category in _FIELD_CATEGORIES:
            if _NAMES_A_GROUP.match(text, m.end) or _NAMES_A_TITLE.match(text, m.end):
                continue  # "our Data Science team", "ML Performance Engineer": a group or role
            if m.name in FIELD_SKILLS and (_NAMES_A_KIND.match(text, m.end) or _FOR_OR_OUR.search(
                    text, max(0, start - 8), start) or _names_its_tools(text, found, i)):
                continue  # "data analysis software such as Spotfire": a kind of tool; "Python
                # for data analysis": its purpose; "backend experience with Elixir": its tools
            if text.endswith(("of ", "Of ", "OF "), 0, start) and _HEAD_OF.search(
                    text, max(0, start - 24), start):
                continue  # "report to the Head of Machine Learning": a person's title, not an ask
            if (m.name in DOMAIN_SKILLS or m.name in FIELD_SKILLS) and is_domain_unasked(
                    m.name, smap, start, m.end):
                continue  # "Acme builds software for robotics": the company's field, no ask
        if m.name not in first:
            first[m.name] = m
        if not smap.is_nice(m.start, m.end):
            required.add(m.name)
    if pitched:
        required |= pitched
    return [{"name": m.name, "surface": m.surface, "required": m.name in required,
             "category": m.category, "start": m.start, "end": m.end} for m in first.values()]


def _names_its_tools(text: str, found: list[Match], i: int) -> bool:
    """True when the field word ``found[i]`` (``found``: the matches of ``text`` in order)
    introduces its tools (``_FIELD_TOOLS_INTRO``, then a tool's match)."""
    intro = _FIELD_TOOLS_INTRO.match(text, found[i].end)
    if intro is None:
        return False
    at = intro.end()
    for later in islice(found, i + 1, None):
        if later.start > at:
            return False
        if later.start == at and later.category not in _NOT_TOOLS:
            return True
    return False


def _first_mentions(text: str, found: list[Match]) -> dict[str, str]:
    """Each skill's category (``""`` for none), in the order of its first match that does
    not name a group ("our Data Science team"), without building rows or sections: the
    skills of ``_rows(text, smap, found)`` in their order, and also those ``_rows`` leaves
    out as no ask but the archetype model reads (a field or domain word of the company's
    own sentences, a field word naming a kind of tool or a purpose, a pitch's or a degree
    subject's skills)."""
    first: dict[str, str] = {}  # skill -> its category
    for m in found:
        if m.name in first:
            continue
        if m.category in _FIELD_CATEGORIES and _NAMES_A_GROUP.match(text, m.end):
            continue
        first[m.name] = m.category or ""
    return first


def _categories(text: str, found: list[Match]) -> list[str]:
    """The categories of ``_first_mentions``, in order: what the archetype model reads."""
    return list(_first_mentions(text, found).values())


def features_for(title: str, text: str, company: str = "") -> Featurized:
    """The classifier features of one role (what training and ``analyse`` both use): the
    categories of every skill's first mention, those in company pitches and degree subjects
    too (which the role's skills leave out), as ``_analyse_many`` reads them; ``company``:
    the record's company name (``featurize``)."""
    return featurize(title, text, _categories(text, _skill_matches(text)), company)


class _Parts(NamedTuple):
    """The value of every ``Enrichment`` field for one role (``version`` aside), as the steps
    return them: the field names, in the model's order, are these (``FIELDS``)."""

    archetype: str
    archetype_proba: dict[str, float]
    evidence: list[Contribution]
    specialisation: list[str]
    degree: str
    phd: str
    years_min: int | None
    seniority: str
    remote: str
    visa: str
    ml_share: str
    company_stage: str
    skills: list[dict[str, Any]]  # (``_skill_rows``; ``Enrichment`` validates them)
    skill_years: dict[str, int]
    salary: Salary | None
    equity: bool


# The one list of the fields ``analyse`` and ``enrich_record`` fill (a test holds it to the
# model's fields).
FIELDS = _Parts._fields


class _Job(NamedTuple):
    """One role to analyse: what ``_analyse_many`` reads of it."""

    title: str
    text: str
    company_size: str | None
    salary_text: str | None
    others: Spans = ()  # (the spans of other roles in ``text``: ``Prepared.others``)
    names: tuple[str, ...] = ()  # (the company's name, then places': not shown as evidence)
    line: str = ""  # (the labelled title's own line: ``Prepared.line``)
    hn: bool = False  # (from a Hacker News post: the text's first line is its header)


def _salary(job: _Job) -> Salary | None:
    # a separate salary field first, unless it is an estimate (e.g. Glassdoor's): then pay
    # the text states wins, and the estimate is kept when the text states none; pay on the
    # labelled title's own line is that role's (the first pay of the text may be another's)
    field = parse_salary_field(job.salary_text) if job.salary_text else None
    if field is not None and field.stated:
        return field  # (the text is not read)
    own = parse_salary(job.line) if job.line else None
    found = own or parse_posting_salary(job.title, job.text)
    if found is None and job.hn:
        nl = job.text.find("\n")
        found = _header_pay(job.text if nl < 0 else job.text[:nl])
    return prefer_stated(field, found)


def _header_pay(header: str) -> Salary | None:
    """The pay of an HN header's segment after its first that is only a range in thousands
    without a currency ("150-200k", "90K - 150K", "50-96k + equity": ``salary.header_pay``),
    in the currency of the one country its place segments name (``_place_parts``: "St.
    Louis or NYC" -> USD, "Amsterdam, The Netherlands" -> EUR); None when they name none or
    several (the currency is not guessed: ``pay`` reads a salary without one as dollars)."""
    if not may_hold_header_range(header):
        return None  # (most headers: one search, no split)
    parts = _segments(header)
    for i, part in enumerate(parts[1:], 1):
        span = header_range(part)
        if span is None:
            continue
        countries = places.read_places(_place_parts(parts[1:i] + parts[i + 1:])).countries
        return header_pay(span, countries[0]) if len(countries) == 1 else None
    return None


def _analyse_many(jobs: Sequence[_Job], model: ArchetypeModel | None) -> list[_Parts]:
    """Run every step over each job (see ``analyse``); the results are not wrapped in models
    (the skills are the dicts of ``_skill_rows``).

    The steps run step by step across the jobs: every job through sections, then every
    job through skills, and so on. Each step has its own tables, automata and regexes (the
    model's 15k-term index, the skill matcher's ~3,700 scanners, the facet patterns); run
    posting by posting, the other steps push them out of the processor's caches before the
    next posting needs them, and a dict lookup in the model's index then costs a cache
    miss. Over a batch they stay warm (``bench/enrich.py --order-ab`` measures the two
    orders). Every step is a function of its inputs, so the results are the same in either
    order; ``lowered``'s memos hold the texts of a whole batch, so the steps still share one
    lower-casing and one trigger scan per text.
    """
    texts = [job.text for job in jobs]
    smaps = list(map(SectionMap, texts))
    found = list(map(_skill_matches, texts))
    skills = [_rows(text, smap, got, job.others)
              for text, smap, got, job in zip(texts, smaps, found, jobs, strict=True)]
    # (the archetype reads the whole post, the skills of other roles too: see ``Prepared``)
    # (the categories of every first mention, those of company pitches and degree subjects
    # too, as the archetype model was trained on)
    feats = [featurize(job.title, job.text, _categories(job.text, got), job.names[0] if job.names else "")
             for job, got in zip(jobs, found, strict=True)]
    model = model or default_model()
    predicted = model.predict_many(feats, names=[job.names for job in jobs])  # (lookups first)
    archetypes = [max(probs, key=probs.__getitem__) for probs, _ in predicted]
    degrees = list(map(facets.degree_and_phd, texts, smaps))
    salaries = list(map(_salary, jobs))
    specialisations = [facets.specialisations(f.title_counts, f.text_counts,
                                              ml_role=archetype != "not-ml")
                       for f, archetype in zip(feats, archetypes, strict=True)]
    figures = list(map(facets.years_figures, texts))
    years = list(map(facets.years_min, texts, figures))
    # (the years asked of the role's own skills: those of other roles' lines are not its)
    skill_years = [_own_years(*each) for each in zip(texts, found, skills, figures, strict=True)]
    seniorities = [facets.seniority(job.title, job.text) for job in jobs]
    remotes = [facets.remote(job.title, job.text) for job in jobs]
    visas = list(map(facets.visa, texts))
    stages = [facets.company_stage(job.text, job.company_size, job.names[1:]) for job in jobs]
    equities = list(map(mentions_equity, texts))
    ml_shares = [ml_share(archetype, probs, model.temperature_, f)
                 for archetype, (probs, _), f in zip(archetypes, predicted, feats, strict=True)]
    return [
        _Parts(archetype=archetypes[i], archetype_proba=predicted[i][0],
               evidence=predicted[i][1][:8], specialisation=specialisations[i],
               degree=degrees[i][0], phd=degrees[i][1], years_min=years[i],
               seniority=seniorities[i], remote=remotes[i], visa=visas[i],
               ml_share=ml_shares[i], company_stage=stages[i], skills=skills[i],
               skill_years=skill_years[i], salary=salaries[i], equity=equities[i])
        for i in range(len(jobs))
    ]


def _own_years(text: str, found: list[Match], rows: list[dict[str, Any]],
               figures: list[facets.YearsFigure]) -> dict[str, int]:
    """``facets.skill_years`` of the skills among ``rows`` (the role's, ``_rows``)."""
    if not rows or not figures:
        return {}
    said = facets.skill_years(text, found, figures=figures)
    if not said:
        return {}
    own = {row["name"] for row in rows}
    return {name: years for name, years in said.items() if name in own}


def analyse(title: str, text: str, *, company_size: str | None = None,
            salary_text: str | None = None, model: ArchetypeModel | None = None,
            names: Iterable[str | None] = ()) -> Enrichment:
    """Run every step over one role's title and text (see the package docstring).

    Args:
        title: the role's title.
        text: the role's description (plain text).
        company_size: the employer size field, if the source has one.
        salary_text: a separate salary field (e.g. a Glassdoor estimate).
        model: the archetype model (default: the packaged one).
        names: the company's name, then the place names of the posting (not shown as
            evidence).
    """
    job = _Job(title, text, company_size, salary_text,
               names=_names(names))
    return _enrichment(_analyse_many([job], model)[0], text)


def _enrichment(p: _Parts, text: str, roles: list[str] | None = None) -> Enrichment:
    fields: dict[str, Any] = dict(zip(FIELDS, p))
    fields["evidence"] = [Evidence(phrase=text[c.start:c.end], archetype=c.archetype,
                                   weight=c.weight, start=c.start, end=c.end) for c in p.evidence]
    if roles:
        fields["roles"] = roles
    return Enrichment(version=version(), **fields)


def _role_text(text: str, roles: Roles, block: RoleBlock) -> str:
    shared = text[:roles.shared_end].rstrip()
    closing = (text[roles.closing_start:roles.closing_end or len(text)].strip()
               if roles.closing_start else "")  # (every role's)
    own = text[block.start:block.end].strip()
    for start, end in block.ads:  # (its ads appended to the post: its own text too)
        own += "\n\n" + text[start:end].strip()
    return (shared + "\n\n" + own + "\n\n" + closing).strip()


@dataclass(frozen=True)
class Prepared:
    """A corpus record reduced to the role to label: its title and text.

    ``others``: when the post lists its roles as titles with at most a line or two each,
    the spans of ``text`` that belong to the other roles of the list (their lines, inline
    stacks and short texts: ``roles.other_roles``). The skills step leaves the mentions
    there out (LABELS.md: skills follow the labelled role only); every other step reads
    the whole text (the archetype model reads whole posts: reading the role's text alone
    lost about two dev postings of CV accuracy, and the facets did not move).

    ``line``: that labelled title's own line (its inline stack, pay...: ``Roles.details``),
    where the salary step reads its pay first (the first pay of the text may be another
    role's).

    ``split``: whether the post is split into roles (``Roles.is_multi``: ``text`` is the
    role's own, ``_role_text``).

    ``title`` and ``text`` are read of the record's as a stored posting holds them
    (``normalize.one_line``, ``normalize.stored_text``).

    ``post``: the record's whole text as a stored posting holds it (``text`` when the post
    is not split), read for its company and places without tidying the record's text again.

    ``names``: the company's name and the place names of the record as the store holds them
    (``_record_names``), read right after its roles (an HN post's header is read once for
    both: ``hn_format.parse_header``).
    """

    id: str
    title: str
    text: str
    roles: list[str]
    role: str | None
    others: Spans = ()
    line: str = ""
    split: bool = False
    post: str = ""
    names: tuple[str, ...] = ()


def prepare_record(record: dict[str, Any]) -> Prepared:
    """Pick the role a record is labelled by (LABELS.md rule) and its title and text.

    Raises:
        EnrichError: the record has no usable ``id``/``title``/``text``.
    """
    rid, title, text = record.get("id"), record.get("title"), record.get("text")
    if not isinstance(rid, str) or not rid:
        raise EnrichError("record has no 'id' string")
    if not isinstance(title, str) or not isinstance(text, str):
        raise EnrichError(f"record {rid}: 'title' and 'text' must be strings")
    # (the title and text as ``mljobs import`` stores them: every step then reads what it
    # reads of the stored posting; the text's length is a feature of the archetype model)
    title, text = one_line(title), stored_text(text)
    roles, readings = _readings(title, text, record.get("source"))
    block = pick_role(roles) if roles.is_multi else None
    one = (readings[roles.blocks.index(block)] if isinstance(block, RoleBlock)
           else readings[0])
    return Prepared(rid, one.read, one.text, roles.titles, one.role, one.others, one.line,
                    isinstance(block, RoleBlock), text, _names(_record_names(record, text)))


class _Reading(NamedTuple):
    """One role of a post as every path reads it (``_readings``)."""

    read: str  # (the title the archetype model reads)
    text: str  # (the role's text: the post's, or a split role's own: ``_role_text``)
    role: str | None  # (the role's title: the block's or the listed title picked; None: none)
    others: Spans = ()  # (``Prepared.others``)
    line: str = ""  # (``Prepared.line``)


def _readings(title: str, text: str, source: Any) -> tuple[Roles, list[_Reading]]:
    """A post's roles and how each role is read: one reading per block of a post split by
    role (``Roles.is_multi``), else one reading of the whole post, labelled by the title
    ``roles.pick_title`` picks (LABELS.md rule). ``prepare_record`` (``mljobs enrich``, the
    evaluation and training) and ``_units`` (``mljobs import`` and ``sync``) both read a
    post through this, so a posting gets the same understanding on either path."""
    roles = listed_roles(text) if is_hn(source) else Roles()
    if roles.is_multi:
        return roles, [_Reading(read_title(block.read or block.title), _role_text(text, roles, block),
                                block.title) for block in roles.blocks]
    k = pick_title(roles)  # (the title ``pick_role`` gives when it picks no block)
    if k is None:
        return roles, [_Reading(title, text, None)]
    picked = roles.titles[k]
    others = tuple(other_roles(text, roles, k)) if len(roles.lines) > 1 else ()
    # (a post whose titles are all its header's: the header is its title and names each, so
    # the model reads it as it is; "<picked> | <header>" moved a cross-validated posting of
    # another post by the refit alone)
    read = title if _header_only(text, roles) else f"{read_title(picked)} | {title}"
    return roles, [_Reading(read, text, picked, others, title_line(roles, k))]


def _header_only(text: str, roles: Roles) -> bool:
    """Whether every title of ``roles`` is on the text's first line (its header), before a
    line break: a text of one line, without one, is not (its title is read as "<picked> |
    <header>": 1 corpus post, hn-47063220)."""
    nl = text.find("\n")
    return nl >= 0 and all(start < nl for start, _ in roles.lines)


def _job(title: str, text: str, fields: Mapping[str, Any], others: Spans = (),
         names: Iterable[str | None] | None = None, line: str = "", hn: bool | None = None) -> _Job:
    """The job of a role, with the size and salary-estimate fields of its record (or of a
    posting's ``extra``) and its company's name, then place names (default: the record's
    ``company`` and ``location``). ``hn``: whether it comes from a Hacker News post (default:
    the record's ``source`` says so); then the text's first line is its header."""
    if names is None:
        names = _record_names(fields)
    if hn is None:
        hn = is_hn(fields.get("source"))
    return _Job(title, text, _size(facets.employer_size(fields)), _str(fields.get("salary_estimate")),
                others, _names(names), line, hn)


def _record_names(fields: Mapping[str, Any], text: str | None = None) -> tuple[str | None, ...]:
    """A record's company and place names: its ``company`` and ``location``. An HN record
    has no location field: its names are those ``mljobs import`` stores (``_post_names``).
    ``text``: the record's text as stored (``Prepared.post``), when the caller has it; else
    it is read of the record's."""
    company, location = _stored(fields.get("company")), fields.get("location")
    if isinstance(location, str):
        location = location.strip()  # (as the store holds them: ``normalize``)
    if location or not is_hn(fields.get("source")) or not isinstance(fields.get("text"), str):
        return company, location
    return _post_names(company, text if text is not None else stored_text(fields["text"]))


def record_company(prep: Prepared) -> str:
    """The company's name ``mljobs enrich`` reads of a prepared record ("" for none:
    ``Prepared.names``), the one the store holds: what the archetype model reads as
    ``company`` (``featurize``)."""
    return prep.names[0] if prep.names else ""


def _post_names(company: str | None, text: str) -> tuple[str | None, ...]:
    """The company and places of an HN post as ``mljobs import`` stores a corpus row's
    (``hn_format.read_post`` of the header, its text's first line, and ``kept_company``): the
    header reader's places ("Pango | ... | On-site (hybrid) in Stockholm, Sweden": "in
    Stockholm, Sweden"), or the text's when the header names none; the row's ``company``
    unless it is a role or the header's first segment read as a company ("MixRank (YC S11)":
    "MixRank"), or there is none. ``text``: the post's text as stored
    (``normalize.stored_text``)."""
    from mljobs.sources.hn_format import (  # (only for such a record)
        first_line,
        kept_company,
        read_post,
    )

    header = first_line(text)
    fields = read_post(header, text)
    return kept_company(company, header, fields), *fields["locations"]


def _stored(company: Any) -> Any:
    """A record's company as a posting holds it (``normalize``: one line; None for an empty
    one); any other value as it is."""
    return (one_line(company) or None) if isinstance(company, str) else company


_DIGIT = re.compile(r"\d")
# Header segments that say only how one works: no place names (the classifier would drop them).
_MODE_ONLY = frozenset(["remote", "onsite", "on-site", "hybrid", "full-time", "full time",
                        "fulltime", "part-time", "contract", "in-person", "in person"])


# The spaced dashes between the segments of a one-line header without "|" ("Marker Learning -
# Founding Full Stack Engineer – Remote (USA) – 180-250k"): ``roles.DASHES``.
_DASHES = re.compile(rf"\s[{DASHES}]\s")


def _segments(header: str) -> list[str]:
    """The segments of an HN header: between "|", else between spaced dashes."""
    return header.split("|") if "|" in header else _DASHES.split(header)


def _place_parts(parts: Iterable[str]) -> list[str]:
    """The header segments among ``parts`` that may name places: no digit (pay, "3 days"), no
    link, no role word (``roles.names_a_role``) and not a work mode alone."""
    out = []
    for part in parts:
        part = part.strip()
        low = part.lower()
        if part and low not in _MODE_ONLY and _DIGIT.search(part) is None \
                and "http" not in low and "www." not in low and not names_a_role(low):
            out.append(part)
    return out


def _names(names: Iterable[str | None]) -> tuple[str, ...]:
    """The company's name ("" for none), then the place names given."""
    got = [n if isinstance(n, str) else "" for n in names]
    return (got[0], *filter(None, got[1:])) if any(got) else ()


def _analyse_each(jobs: Sequence[_Job], model: ArchetypeModel | None) -> list[_Parts | Exception]:
    """``_analyse_many`` over ``jobs``; when a step fails, each job again alone, so that a job
    that fails gets its exception in its place and the others their results."""
    try:
        return list(_analyse_many(jobs, model))
    except Exception:  # noqa: BLE001 (the failing jobs are found and returned one by one)
        out: list[_Parts | Exception] = []
        for job in jobs:
            try:
                out.append(_analyse_many([job], model)[0])
            except Exception as exc:  # noqa: BLE001 (returned in the job's place)
                out.append(exc)
        return out


def enrich_record(record: dict[str, Any], model: ArchetypeModel | None = None) -> dict[str, Any]:
    """One corpus-format record -> one LABELS.md-format dict (id preserved).

    The dict is what ``analyse(...).model_dump(mode="json", exclude={"version"})`` gives
    (same keys, order and values) plus ``id``, ``roles`` and ``role``, built straight from
    the steps' results: every value is already of its field's type, so the models'
    validation and serialisation would only cost time. Over many records,
    ``enrich_records`` gives the same dicts faster.

    Raises:
        EnrichError: the record has no usable ``id``/``title``/``text``.
    """
    prep = prepare_record(record)
    return _record_dict(prep, _analyse_many([_job(prep.title, prep.text, record, prep.others,
                                                 prep.names, prep.line)],
                                            model)[0])


def enrich_records(records: Iterable[dict[str, Any]], model: ArchetypeModel | None = None,
                   batch: int = BATCH) -> Iterator[dict[str, Any] | EnrichError]:
    """``enrich_record`` over many records, in their order, step by step over batches of
    ``batch`` (see ``_analyse_many``): the same dicts, in less time.

    A record that ``enrich_record`` refuses yields its ``EnrichError`` in its place, and
    so does a record on which a step fails (the error names the record and the failure);
    the other records of its batch are still enriched.
    """
    if not 1 <= batch <= BATCH:
        raise ValueError(f"batch must be 1..{BATCH}, got {batch}")
    todo = iter(records)
    while chunk := list(islice(todo, batch)):
        preps: list[Prepared | EnrichError] = []
        for record in chunk:
            try:
                preps.append(prepare_record(record))
            except EnrichError as exc:
                preps.append(exc)
        done = iter(_analyse_each([_job(prep.title, prep.text, record, prep.others, prep.names, prep.line)
                                   for record, prep in zip(chunk, preps, strict=True)
                                   if isinstance(prep, Prepared)], model))
        for prep in preps:
            if isinstance(prep, EnrichError):
                yield prep
                continue
            got = next(done)
            yield (EnrichError(f"record {prep.id}: enrichment failed: {got!r}")
                   if isinstance(got, Exception) else _record_dict(prep, got))


def _record_dict(prep: Prepared, p: _Parts) -> dict[str, Any]:
    """The output dict of ``enrich_record`` from a prepared record and its steps' results."""
    text = prep.text
    out: dict[str, Any] = dict(zip(FIELDS, p))  # (the values not JSON-ready yet are replaced)
    out["archetype_proba"] = {k: float(v) for k, v in p.archetype_proba.items()}
    out["evidence"] = [{"phrase": text[c.start:c.end], "archetype": c.archetype,
                        "weight": float(c.weight), "start": c.start, "end": c.end}
                       for c in p.evidence]
    out["specialisation"] = list(p.specialisation)
    sal = p.salary
    if sal is not None:
        out["salary"] = {"min": sal.min, "max": sal.max, "currency": sal.currency,
                         "interval": None if sal.interval is None else sal.interval.value,
                         "stated": sal.stated, "text": sal.text}
    out["id"] = prep.id
    out["roles"] = prep.roles
    out["role"] = prep.role
    return out


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value not in NO_VALUE else None


def _size(value: Any) -> str | None:
    return (value if isinstance(value, str) and value not in NO_VALUE
            and value.strip().lower() != "unknown" else None)


def enrich_postings(postings: Sequence[Posting]) -> list[Posting]:
    """Enrich a batch; a multi-role HN post becomes one posting per role (see package doc):
    ``enrich_each``'s postings, in order.

    Raises:
        EnrichError: a step failed on a posting (the error names it).
    """
    return [unit for units in enrich_each(postings) for unit in units]


def enrich_each(postings: Sequence[Posting]) -> list[list[Posting]]:
    """What each posting of a batch is stored as, enriched, in order: itself, or one posting
    per role of a multi-role HN post (``<id>/r1``, ``<id>/r2``, ...: ``_units``).

    Each role is read as ``prepare_record`` reads it (``_readings``): a posting gets the
    understanding ``mljobs enrich`` gives its record. The roles of ``BATCH`` postings at a
    time go through ``_analyse_many`` together.

    Raises:
        EnrichError: a step failed on a posting (the error names it).
    """
    out: list[list[Posting]] = [[] for _ in postings]
    for start in range(0, len(postings), BATCH):
        # (each posting, or each role of a multi-role post, with the posting it comes from
        # and its place in ``postings``)
        # (and the post's role titles and the role's reading: ``_units``)
        units: list[tuple[int, Posting, Posting, list[str], _Reading]] = []
        for at, posting in enumerate(postings[start:start + BATCH], start):
            try:
                units.extend((at, posting, *unit) for unit in _units(posting))
            except Exception as exc:  # noqa: BLE001 (raised again by _fail, named)
                _fail(posting, exc)
        jobs = [_job(reading.read, reading.text, unit.extra or {}, reading.others,
                     names=(unit.company, *unit.locations), line=reading.line,
                     hn=is_hn(unit.source))
                for _, _, unit, _, reading in units]
        for (at, posting, unit, roles, _), job, got in zip(units, jobs,
                                                           _analyse_each(jobs, None), strict=True):
            if isinstance(got, Exception):
                _fail(posting, got)
            out[at].append(unit.model_copy(
                update={"enrichment": _enrichment(got, job.text, roles)}))
    return out


def _fail(posting: Posting, exc: Exception) -> NoReturn:
    """Raise for ``exc``, met enriching ``posting``: an ``EnrichError`` as it is, anything else
    (a bug) as an ``EnrichError`` that names the posting."""
    if isinstance(exc, EnrichError):
        raise exc
    raise EnrichError(f"enriching {posting.id} failed: {exc!r}") from exc


def role_postings(posting: Posting) -> list[Posting]:
    """The postings ``posting`` is stored as, not enriched: one per role of a multi-role
    Hacker News post (``<id>/r<n>``, as ``enrich_postings`` splits it), else itself."""
    return [unit for unit, _, _ in _units(posting)]


def _units(posting: Posting) -> list[tuple[Posting, list[str], _Reading]]:
    """The postings to enrich for one posting, each with the post's role titles and its
    reading (``_readings``, as ``prepare_record`` reads the post): itself, or one child per
    role of a multi-role Hacker News post (ids ``<id>/r<n>``, the role's title and text)."""
    text = posting.description_text or ""
    roles, readings = _readings(posting.title, text, posting.source)
    if not roles.is_multi:
        return [(posting, roles.titles, readings[0])]
    children = []
    for n, (block, reading) in enumerate(zip(roles.blocks, readings, strict=True), start=1):
        child = posting.model_copy(update={
            "id": role_id(posting.id, n), "source_id": role_id(posting.source_id, n),
            "title": block.title, "description_text": reading.text,
            "description_html": "",
        })
        children.append((child.model_copy(update={"content_hash": child.compute_hash()}),
                         roles.titles, reading))
    return children
