"""Remove e-mail addresses and phone numbers from posting text (plain or HTML).

Used when building the bundled demo data: personal contact details in
third-party posts are replaced with ``[email removed]`` / ``[phone removed]``.
"""

from __future__ import annotations

import re

EMAIL_MARK = "[email removed]"
PHONE_MARK = "[phone removed]"

_AT = r"(?:@|&#x40;|&#64;|\s?[\[({<]\s?at\s?[\])}>]\s?)"
_DOT = r"(?:\.|\s?[\[({<]\s?dot\s?[\])}>]\s?)"
EMAIL = re.compile(rf"[\w.+%-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)+", re.IGNORECASE)
SPOKEN_EMAIL = re.compile(r"\b[\w.+-]+\s+at\s+[\w-]+\s+dot\s+[a-z]{2,}\b", re.IGNORECASE)
MAILTO = re.compile(r"""\shref=(["'])mailto:[^"']*\1""", re.IGNORECASE)
PHONE = re.compile(
    r"(?<![\w/=#&.:;-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)|\d{2,4})[\s.-]?"
    r"\d{3,4}[\s.-]\d{3,4}(?![\w/])"
)
_TAG_OR_URL = re.compile(r"(<[^>]*>|https?:(?://|&#x2F;&#x2F;)\S+|www\.\S+)", re.IGNORECASE)


def redact(text: str) -> str:
    """Replace e-mail addresses and phone numbers; tags and URLs are left intact."""
    text = MAILTO.sub("", text)
    text = EMAIL.sub(EMAIL_MARK, text)
    text = SPOKEN_EMAIL.sub(EMAIL_MARK, text)
    parts = _TAG_OR_URL.split(text)
    for i in range(0, len(parts), 2):
        parts[i] = PHONE.sub(PHONE_MARK, parts[i])
    return "".join(parts)


def has_contact(text: str) -> bool:
    """True if the text still holds something that looks like an e-mail or phone number."""
    if EMAIL.search(text) or SPOKEN_EMAIL.search(text):
        return True
    parts = _TAG_OR_URL.split(text)
    return any(PHONE.search(parts[i]) for i in range(0, len(parts), 2))
