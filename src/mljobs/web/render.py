"""Turning postings into safe HTML pieces: highlighted descriptions, labels, numbers.

Posting HTML is third-party and untrusted. ``describe_html`` sanitises it
again (``mljobs.normalize.sanitize_html``, even though normalisation already
did) and then re-emits it token by token with an HTML parser, escaping every
text node and every attribute value, so the only markup in the output is the
sanitiser's allow-list plus our own ``<mark>`` elements.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Sequence
from functools import lru_cache
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from urllib.parse import quote

from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from mljobs.models import Posting, Salary, SkillMention
from mljobs.normalize import sanitize_html, without_controls
from mljobs.posting_view import archetype_name

_VOID = {"br", "hr", "img", "wbr"}
_NO_HIGHLIGHT = {"a", "code", "pre"}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_HEADING_TAG = re.compile(r"<h([1-6])[\s>]", re.IGNORECASE)
DESCRIPTION_TOP = 3  # the page has its h1 (the title) and an h2 "Description" above the text
TEMPLATE_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"
PLOTLY_URL = "/vendor/plotly.min.js"


def shown(value: object) -> object:
    """Every value a page template prints, before it is escaped (Jinja's ``finalize``): text
    without the characters a screen acts on rather than shows (``normalize.CONTROLS``: an
    ESC byte, a right-to-left override in a company's name that reversed the rest of its
    line), as ``mljobs show`` prints it; escaped markup stays markup."""
    if isinstance(value, Markup):
        return Markup(without_controls(str(value)))
    if isinstance(value, str):
        return without_controls(value)
    return value


def page_templates() -> Jinja2Templates:
    """The pages' templates, every printed value passed through ``shown``."""
    templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
    templates.env.finalize = shown  # read when a template is compiled: none is yet
    templates.env.globals["static_url"] = static_url
    return templates


@lru_cache(maxsize=64)
def _digest(path: Path, mtime_ns: int, size: int) -> str:
    """The first 12 hex digits of a file's SHA-256 (cached per path, mtime and size)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def static_version(name: str) -> str | None:
    """The version of a file a page loads: ``static/NAME``'s content digest, or for
    ``plotly.min.js`` the installed plotly's version; None for a file that is not there."""
    if name == PLOTLY_URL.rsplit("/", 1)[1]:
        return metadata.version("plotly")
    path = STATIC_DIR / name
    if "/" in name or not path.is_file():
        return None
    stat = path.stat()
    return _digest(path, stat.st_mtime_ns, stat.st_size)


def static_url(name: str) -> str:
    """The URL a page loads ``static/NAME`` (or ``plotly.min.js``) from, with its version
    (``/static/style.css?v=1a2b...``): a browser may keep it for a year (``app.cached``) and
    fetches it again only when an upgrade changes the file, and so its URL."""
    base = PLOTLY_URL if name == PLOTLY_URL.rsplit("/", 1)[1] else f"/static/{name}"
    return f"{base}?v={static_version(name)}"


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None (no ``javascript:`` or ``data:`` links)."""
    if not url:
        return None
    scheme = url.strip().split(":", 1)[0].lower()
    return url.strip() if scheme in ("http", "https") and ":" in url else None


def posting_url(posting_id: str) -> str:
    """The page of a posting (its id quoted for the path)."""
    return "/posting/" + quote(posting_id, safe=":")


class _Highlighter(HTMLParser):
    """Re-emit sanitised HTML, wrapping skill surfaces in text nodes with ``<mark>``."""

    def __init__(self, pattern: re.Pattern[str] | None, kinds: dict[str, str],
                 headings: dict[int, int] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.pattern = pattern
        self.kinds = kinds
        self.headings = headings or {}
        self.out: list[str] = []
        self._plain = 0

    def _tag(self, tag: str) -> str:
        """Headings of the posting move under the page's own (its one h1, then h2)."""
        level = _HEADINGS.get(tag)
        return tag if level is None else f"h{self.headings.get(level, 6)}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = "".join(f' {k}="{html.escape(v or "", quote=True)}"' for k, v in attrs)
        self.out.append(f"<{self._tag(tag)}{attr}>")
        if tag in _NO_HIGHLIGHT:
            self._plain += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _NO_HIGHLIGHT:
            self._plain -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self.out.append(f"</{self._tag(tag)}>")
        if tag in _NO_HIGHLIGHT:
            self._plain = max(0, self._plain - 1)

    def handle_data(self, data: str) -> None:
        if self.pattern is None or self._plain:
            self.out.append(html.escape(data, quote=False))
            return
        pos = 0
        for match in self.pattern.finditer(data):
            self.out.append(html.escape(data[pos : match.start()], quote=False))
            kind = self.kinds.get(match.group(0).lower(), "required")
            title = html.escape(self.kinds.get("name:" + match.group(0).lower(), ""), quote=True)
            self.out.append(
                f'<mark class="skill skill-{kind}" title="{title}">'
                f"{html.escape(match.group(0), quote=False)}</mark>"
            )
            pos = match.end()
        self.out.append(html.escape(data[pos:], quote=False))


def _skill_pattern(skills: Sequence[SkillMention]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    kinds: dict[str, str] = {}
    for skill in skills:
        for surface in {skill.surface, skill.name}:
            key = surface.strip().lower()
            if len(key) < 1 or key in kinds:
                continue
            kinds[key] = "required" if skill.required else "nice"
            kinds["name:" + key] = f"{skill.name} ({'required' if skill.required else 'nice to have'})"
    surfaces = sorted((k for k in kinds if not k.startswith("name:")), key=len, reverse=True)
    if not surfaces:
        return None, kinds
    body = "|".join(re.escape(s) for s in surfaces)
    return re.compile(rf"(?<![\w+#])(?:{body})(?![\w+#])", re.IGNORECASE), kinds


def describe_html(posting: Posting) -> Markup:
    """The posting's description as safe HTML with its skills highlighted."""
    source = posting.description_html or html.escape(posting.description_text).replace(
        "\n", "<br>"
    )
    clean = sanitize_html(source)
    skills = posting.enrichment.skills if posting.enrichment else []
    pattern, kinds = _skill_pattern(skills)
    # the levels the posting uses, in order, become h3, h4...: one h1 per page, none skipped
    used = sorted({int(level) for level in _HEADING_TAG.findall(clean)}) if "<h" in clean else []
    headings = {level: min(6, DESCRIPTION_TOP + rank) for rank, level in enumerate(used)}
    parser = _Highlighter(pattern, kinds, headings)
    parser.feed(clean)
    parser.close()
    return Markup("".join(parser.out))


def salary_text(salary: Salary | None, *, estimate_mark: bool = True) -> str:
    """``120,000–160,000 USD / year`` (``Salary.span``: "up to", "+", cents; ``(est.)`` for
    third-party estimates unless ``estimate_mark`` is False: the caller labels them)."""
    if salary is None:
        return ""
    if salary.min is None and salary.max is None:
        return salary.text or ""
    period = salary.interval.value if salary.interval else "year"
    est = " (est.)" if not salary.stated and estimate_mark else ""
    return f"{salary.span('–')} {salary.currency or ''} / {period}{est}".replace("  ", " ")


def proba_bars(posting: Posting, width: int = 185) -> list[dict[str, object]]:
    """Archetype probabilities, highest first, with bar widths for an inline SVG."""
    enr = posting.enrichment
    if enr is None:
        return []
    items = sorted(enr.archetype_proba.items(), key=lambda kv: -kv[1])
    return [
        {"slug": slug, "name": archetype_name(slug), "p": p, "pct": f"{p:.0%}",
         "w": max(1, round(p * width)), "top": slug == enr.archetype}
        for slug, p in items
    ]
