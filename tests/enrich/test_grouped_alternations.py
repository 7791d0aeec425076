"""Regexes whose alternatives were regrouped for speed find what their plain forms find.

Each pattern below was written as a plain alternation; its alternatives were then grouped
by what they start with (same order), so the engine tests a shared first character once.
The plain form is kept here, and every search, ``finditer`` and ``split`` must agree.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import facets, roles

_PLAIN = {
    "roles._TITLE_END": (roles._TITLE_END,
                         r"\s[|–—]\s|\s-\s|:\s|\s\(|\s\[|:\*|\s(?:--+|[-–—=]+>|→)|(?<=\w)\((?=[$€£¥])"),
}

_PIECES = st.sampled_from([" ", "\t", "\n", "|", "–", "—", "-", "--", "=", ">", "→", ":", "*", "(", "[",
                           "$", "€", "£", "¥", "a", "Engineer", "x1", ".", "/", "é"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.integers(0, 4))
def test_grouped_forms_find_what_the_plain_forms_find(text: str, pos: int) -> None:
    for name, (grouped, plain_text) in _PLAIN.items():
        plain = re.compile(plain_text, grouped.flags)
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], name
        g, p = grouped.search(text, pos), plain.search(text, pos)
        assert (g and g.span()) == (p and p.span()), name
        assert grouped.split(text) == plain.split(text), name


def test_the_title_ends_on_examples() -> None:
    # (each separator that ends a title, and an arrow's or a double dash's longer forms)
    for title, end in [("Staff Engineer | Remote", " | "), ("ML Engineer - NYC", " - "),
                       ("Engineer: Platform", ": "), ("Engineer (Remote)", " ("), ("Engineer [SF]", " ["),
                       ("Engineer:*", ":*"), ("Engineer --> apply", " --"), ("Engineer -> apply", " ->"), ("Engineer ==> x", " ==>"),
                       ("Engineer -- infra", " --"), ("Engineer → link", " →"), ("Researcher($120k)", "(")]:
        m = roles._TITLE_END.search(title)
        assert m is not None and m.group() == end, title
    assert roles._TITLE_END.search("Senior Full-Stack Engineer") is None


# ``facets._VISA_NO`` as it was written, one alternation whose alternatives start with groups.
_VISA_NO_PLAIN = (
    r"(?:no|not|unable to|cannot|can[’']t|can not|do not|don[’']t|won[’']t|will not|(?<!with or )without|"
    r"not able to|isn[’']t|is not|aren[’']t|are not|does not|doesn[’']t)\s+(?:[\w/-]+\s+){0,5}?"
    r"(?:[\w/]+-)?[\"“]?(?:visa|sponsor(?:ship)?|h-?1-?b|work[- ]permit|"
    r"immigration\b(?! status| and nationality| law| reform| services))|"
    r"citizen(?:ship)?/visa only|(?:now or in the future|in the future)[^.\n]{0,30}requir\w* "
    r"(?:\w+ ){0,3}sponsorship|(?:only open to|open only to|restricted to|limited to) "
    r"(?:u\.?s\.? )?citizens|requires? (?:\w+ ){0,2}(?:citizenship|work authori[sz]ation)|"
    r"(?:visa|sponsorship|immigration)(?:[/ &]+(?:relocation|sponsorship|support|assistance))? ?(?:\?|:|-) ?"
    r"(?:no|none|n/a|(?:unfortunately )?not(?! required| needed| necessary))\b|"
    r"(?:requir|need)\w* (?:\w+ ){0,2}(?:visa|sponsorship|work[- ]permit)[^.\n]{0,40}?\b(?:not|ineligible)\b|"
    r"(?:visa|sponsorship|immigration\b(?! status| law)|work[- ]permits?|h-?1-?b)[^.\n]{0,30}\b"
    r"(?:not (?:available|offered|provided|possible|supported|something we (?:can|could) (?:offer|provide))|"
    r"unavailable)|must (?:be|have) (?:\w+\s+){0,4}(?:authori[sz]ed|eligible|right) "
    r"(?:to work|for employment|to be employed)|"
    r"(?:us|u\.s\.) citizen(?:ship)? (?:is )?required|must be (?:an? )?(?:us|u\.s\.|united states) "
    r"citizens?\b|security clearance|\b(?:top secret|ts/sci|secret)\b[^.\n]{0,30}clearance|"
    r"(?:work|employment) auth(?:ori[sz]ation)?\b[^.\n]{0,20}?\brequired|"
    r"must (?:already )?(?:have|hold|possess) (?:\w+\s+){0,3}?work[- ]permit|"
    r"work[- ]permits? (?:is |are )?(?:required|mandatory|needed)"
)
_VISA_PIECES = st.sampled_from([
    "no", "not", "unable to", "cannot", "can't", "can’t", "can not", "do not", "don't", "won’t", "will not",
    "without", "with or ", "not able to", "isn't", "is not", "aren’t", "are not", "does not", "doesn't",
    " ", "  ", "\n", ".", "visa", "visas", "sponsor", "sponsorship", "h1b", "h-1b", "work permit",
    "work-permit", "immigration", " status", " law", "employer-", '"', "“", "citizen", "citizenship",
    "/visa only", "now or in the future", "in the future", "require", "requires", "required",
    "only open to", "open only to", "restricted to", "limited to", "u.s. ", "us ", "citizens",
    "work authorization", ":", "?", "-", "none", "n/a", "unfortunately ", "need", "needing",
    "ineligible", "available", "offered", "supported", "unavailable", "must be", "must have",
    "authorized", "eligible", "to work", "for employment", "u.s.", "united states", "security clearance",
    "top secret", "ts/sci", "secret", "clearance", "work", "employment", "auth", "must already hold",
    "work permits", "is ", "mandatory", "x", "we", "help", "relocation", "/", "&", "é"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(_VISA_PIECES, max_size=14).map("".join), st.integers(0, 6))
def test_visa_refusals_grouped_find_what_the_plain_alternation_finds(text: str, pos: int) -> None:
    plain = re.compile(_VISA_NO_PLAIN)
    assert [m.span() for m in facets._VISA_NO.finditer(text, pos)] == [m.span() for m in plain.finditer(text, pos)]


def test_visa_refusals_on_examples() -> None:
    plain = re.compile(_VISA_NO_PLAIN)
    for text in ["we are unable to sponsor visas", "visa sponsorship: no", "no h-1b sponsorship",
                 "with or without visa sponsorship", "we do not offer work permit support",
                 "must be a u.s. citizen", "active top secret clearance", "sponsorship is not available",
                 "candidates requiring sponsorship will not be considered", "open only to us citizens",
                 "work permit required", "work authorization is required", "citizen/visa only",
                 "those who now or in the future require visa sponsorship", "without a visa"]:
        g, p = facets._VISA_NO.search(text), plain.search(text)
        assert (g and g.span()) == (p and p.span()), text
        assert (g is None) == text.startswith("with or without"), text
