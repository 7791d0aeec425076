"""The mljobs query language, parsed into a small tree that every engine compiles.

Grammar (documented for users in docs/cli.md)::

    query   := clause*                 clauses are ANDed
    clause  := ["-" | "NOT"] group     "-" or NOT (upper case) excludes
    group   := atom (OR atom)*         OR is "OR" (upper case), "|" or "||" between atoms;
                                       AND (upper case) is left out, as clauses are ANDed
    atom    := [FIELD ":"] term        FIELD is "title" or "company" (any case): the term
                                       in that field only
               | FIELD ":" "(" clause* ")"   each term of the bracket in that field
                                       ("title:(senior OR staff)"; a bracket left open runs
                                       to the end; "title: x", a space after the colon, is x;
                                       after "-" or NOT each clause of it is excluded:
                                       "-title:(senior staff)", as "-(java sql)" is "-java -sql")
    term    := WORD | WORD "*"         WORD* is a prefix: the words that start with WORD
                                       (2 letters or digits or more, letters and digits only;
                                       at most MAX_PREFIXES different ones in a query)
               | '"' PHRASE '"'        (typographic double quotes count as '"')
               | WORD ("/" WORD)+      slash-joined ("a/b", "ci/cd"): the phrase of its words

Anything else in the input - brackets (but after a field, "-" or NOT), a ``*`` not after a word, ``:`` after another word,
``NEAR``, lower-case ``or``, ``and`` and ``not``, lone quotes, control characters - is read
as separators or plain words, so every string parses, but for a prefix that is too short or
not a word of letters and digits, refused with a ``QueryError`` saying what to type. User
text never reaches an engine's own query syntax.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

import tantivy

from mljobs.errors import QueryError

MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 32
# the prefixes (``py*``) one query may hold, in every clause together: each finds every
# indexed word that starts with it. ``bench/search.py --grammar --worst`` at 100,000
# postings: 249 2-letter prefixes OR'd (all a 1,000-character query holds) took 2.2 s in
# tantivy and 18.7 s in FTS5; 8 took 60 ms in tantivy (docs/benchmarks.md)
MAX_PREFIXES = 8

_WORD = re.compile(r"(?i:\.net)\b|\w+(?:[+#.\-']\w*)*\+*#?", re.UNICODE)

# Tech names whose symbols carry the meaning: a single letter with "++" or "#" (C++, C#,
# F#, Q#, J#, X++) and ".NET". Both engines index and search each as ONE token, so "c++"
# does not match the letter "c". Their tokenizers (tantivy en_stem, FTS5 unicode61) drop
# the symbols, and a custom tokenizer costs more (tantivy's regex tokenizer doubled the
# indexing time) or is not possible (Python's sqlite3), so the engines index
# ``index_form(text)``, where the symbols are letters, and turn what they read back into
# the posting's own text with ``display_form``.
# (the definition; index_form finds the same matches faster)
SYMBOL_NAME = re.compile(r"(?<![^\W_])[a-zA-Z](?:\+\+|#)|\.[nN][eE][tT]\b")
# But a host name's ".net" is none ("https://appear.net", "jobs@appear.net",
# "www.appear.net"), so ".NET" does not find a posting by its links: a ".net" is left as it
# is where HOST_NAME matches the text before it (labels of letters, digits, "_" and "-",
# each ending in a word character, joined by dots, after "//" or "@" or with "www" first).
# "ASP.NET", "VB.NET" and "ML.NET" are still ".NET".
# (the definition; ``_in_host`` finds the same)
HOST_NAME = re.compile(
    r"(?:(?<=//)|(?<=@)|(?<![\w-])(?<!\w\.)(?i:www)\.)(?:[\w-]*\w\.)*[\w-]*\w\Z")
# '+', '#' and '.' of a symbol name become Runic letters (uncased letters: both tokenizers
# keep them inside a word, lowercasing and stemming leave them), and U+E003 (private use,
# a separator for both: tantivy splits on it, FTS5 is told to) goes on both sides, so
# "C++17" is the tokens "cᚠᚠ" and "17", and "ASP.NET" is "asp" and "ᚢnet".
_TO_INDEX = str.maketrans({"+": "\u16a0", "#": "\u16a1", ".": "\u16a2"})
SEPARATOR = "\ue003"
_OURS = ("\u16a0", "\u16a1", "\u16a2", SEPARATOR)
_DOT_NET = re.compile(r"\.[nN][eE][tT]")
_SYMBOL_END = re.compile(r"\+\+|#|\.[nN][eE][tT]")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def index_form(text: str) -> str:
    """Text as the indexes hold it: symbol names (SYMBOL_NAME) written as one word each.
    The few characters it writes are replaced by U+FFFD if the text itself has them."""
    # (str methods, not regexes or translate: this runs on every text indexed)
    if not text.isascii():
        for ch in _OURS:
            if ch in text:
                text = text.replace(ch, "\ufffd")
    # substring tests first: most texts have no symbol name (no character but n, e, t
    # and N, E, T matches those letters under IGNORECASE)
    if "++" not in text and "#" not in text and (
            ".net" not in text.lower() if text.isascii() else _DOT_NET.search(text) is None):
        return text
    # SYMBOL_NAME.sub, found from the symbols (rare) rather than tried at every letter
    out: list[str] = []
    pos = 0
    for m in _SYMBOL_END.finditer(text):
        start, end = m.span()
        if text[start] == ".":
            if end < len(text) and (text[end].isalnum() or text[end] == "_"):
                continue
            if start and (text[start - 1].isalnum() or text[start - 1] == "_") and _in_host(
                    text, start):
                continue
        else:
            start -= 1
            if (start < pos or text[start] not in _ASCII_LETTERS
                    or (start > 0 and text[start - 1].isalnum())):
                continue
        out += (text[pos:start], SEPARATOR, text[start:end].translate(_TO_INDEX), SEPARATOR)
        pos = end
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def _in_host(text: str, dot: int) -> bool:
    """True when the ".net" at ``text[dot]``, after a word character, ends a host name
    (``HOST_NAME.search(text, 0, dot)``)."""
    i = dot
    while True:  # (back over the labels: "_-" and word characters, a dot after one)
        while i and (text[i - 1].isalnum() or text[i - 1] in "_-"):
            i -= 1
        if i >= 2 and text[i - 1] == "." and (text[i - 2].isalnum() or text[i - 2] == "_"):
            i -= 1
        else:
            break
    return ((i >= 2 and text[i - 2:i] == "//") or (i >= 1 and text[i - 1] == "@")
            or (dot - i > 4 and text[i:i + 4].lower() == "www."))


def display_form(text: str) -> str:
    """Text read back from an index, as the posting wrote it (undoes ``index_form``)."""
    # every rewrite writes the separator, and index_form replaced any the text had
    if SEPARATOR not in text:
        return text
    return (text.replace(SEPARATOR, "").replace("\u16a0", "+").replace("\u16a1", "#")
            .replace("\u16a2", "."))


# the fields a term may be limited to (``title:word``): the name typed -> the text field
FIELDS = {"title": "title", "company": "company_text"}
# the letters or digits a prefix (``py*``) needs before its ``*``: one letter would ask for
# the words of a whole letter of the dictionary
MIN_PREFIX = 2


@dataclass(frozen=True)
class Term:
    """One word or phrase; ``words`` holds its tokens (one for a word). ``prefix``: the one
    word is a prefix (``py*``: the words that start with it); ``field``: the text field
    (``FIELDS``' values) the term must stand in, None for any."""

    words: tuple[str, ...]
    prefix: bool = False
    field: str | None = None

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    @property
    def plain(self) -> bool:
        """A word or phrase of any field, no prefix."""
        return not self.prefix and self.field is None

    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class Clause:
    """Alternatives joined by OR; ``negated`` excludes postings matching any of them."""

    terms: tuple[Term, ...]
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """A parsed query: clauses that must all hold. Empty means "everything"."""

    clauses: tuple[Clause, ...] = field(default_factory=tuple)

    @property
    def positive(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.negated)

    @property
    def negative(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.negated)

    def is_empty(self) -> bool:
        return not self.clauses

    def finds_nothing(self) -> bool:
        """Whether a positive clause has no term an index can find (``findable``): the query
        matches no posting, in either engine."""
        return any(not any(findable(t) for t in c.terms) for c in self.positive)

    def plain_words(self, *, alone: bool = False) -> list[str]:
        """The words of the positive clauses that are no phrase, in the order typed; with
        ``alone``, only those that are a clause by themselves (not in an OR group)."""
        return [t.words[0] for c in self.positive if not alone or len(c.terms) == 1
                for t in c.terms if not t.is_phrase and t.plain]


# the longest token, in UTF-8 bytes, that both engines find: tantivy's analyzer drops a longer
# one from what it indexes and from a query (``remove_long(LONGEST_TOKEN + 1)``), so a word of
# 40 letters was left out of a tantivy query ("<40 letters>c++a" found every posting with an
# "a") while FTS5 kept it (and found none); a term with such a token is found by neither
LONGEST_TOKEN = 39
# the tokens that limit is on: tantivy's (its simple tokenizer: runs of what Unicode calls
# alphabetic or numeric, which takes in the marks of "योगिकी"; "[^\W_]+" split at each, so a
# 48-byte Hindi word was called findable though tantivy drops it)
_ENGINE_TOKENS = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).build()
# those tokens as the indexes read a prefix: lower case, accents folded ("Café" is "cafe")
_FOLDED = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
           .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.ascii_fold()).build())


def findable(term: Term) -> bool:
    """Whether an index can find ``term``: none of its tokens is longer than LONGEST_TOKEN."""
    return all(len(token.encode()) <= LONGEST_TOKEN for word in term.words
               for token in _ENGINE_TOKENS.analyze(index_form(word)))


# typographic double quotes (“…”, „…“, «…», fullwidth ＂), as an editor or a phone types
# them and as a query pasted from a document has them: quotes like '"', so "“machine
# learning”" is the phrase, not the two words anywhere
_QUOTES = str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\uff02", '"'))


def _spans(text: str) -> Iterator[tuple[int, int]]:
    """Where ``text``'s words stand: ``_WORD``'s matches, each with the combining marks that
    follow it (Hindi vowel signs, Arabic vowel marks) and the word those marks join it to.
    "\\w" has no marks, so "योगिकी" was the words "य", "ग" and "क", ANDed: FTS5, whose
    tokenizer splits there too, found it, and tantivy, whose tokenizer keeps it whole, never."""
    start = end = -1
    marked = False
    for m in _WORD.finditer(text):
        if not (marked and m.start() == end):
            if start >= 0:
                yield start, end
            start = m.start()
        end = m.end()
        while end < len(text) and unicodedata.category(text[end])[0] == "M":
            end += 1
        marked = end > m.end()
    if start >= 0:
        yield start, end


def _words(text: str) -> tuple[str, ...]:
    return tuple(text[start:end] for start, end in _spans(text))


def _word_terms(chunk: str, field: str | None = None) -> list[Term]:
    """The terms of an unquoted chunk: each word, but words joined by one "/" ("a/b",
    "ci/cd", "c/c++", "tcp/ip", "pl/sql") are one term, the phrase of those words: a
    seeker typing "a/b testing" means A/B testing, not an "a" and a "b" anywhere. As a
    phrase, both engines match it where the words stand side by side (their tokenizers
    split "A/B" into "a" and "b", and "A/B", "A-B" and "A B" alike). A word with "*" right
    after it (and no word character after that) is a prefix (``_prefix``).

    Raises:
        QueryError: a prefix too short, or of a word that is not only letters and digits.
    """
    terms: list[Term] = []
    run: list[str] = []
    end = -1
    for start, stop in _spans(chunk):
        if run and not (start == end + 1 and chunk[end] == "/"):
            terms.append(Term(tuple(run), field=field))
            run = []
        run.append(chunk[start:stop])
        end = stop
        if (len(run) == 1 and chunk[stop:stop + 1] == "*"
                and not chunk[stop:].lstrip("*")[:1].isalnum()):
            terms.append(_prefix(run[0], field))
            run = []
    if run:
        terms.append(Term(tuple(run), field=field))
    return terms


def _prefix(word: str, field: str | None) -> Term:
    """``word*``: the words that start with ``word``, as both engines index them (stemmed:
    ``engineer*`` finds what ``engineer`` does and "engineering"; ``learn*`` "learner")."""
    letters = [ch for ch in word if unicodedata.category(ch)[0] != "M"]
    if not all(ch.isalnum() for ch in letters):
        raise QueryError(
            f"{word}*: only a word of letters and digits can end in * (the words that start "
            f"with it); leave out the * to search for {word} itself")
    if len(letters) < MIN_PREFIX:
        raise QueryError(
            f"{word}*: a word ending in * finds the words that start with it, and needs "
            f"{MIN_PREFIX} letters or digits or more before the *; type more of the word "
            f"(py* finds python and pytorch), or leave out the *")
    return Term((word,), prefix=True, field=field)


# (a group a field: its name is the one matched, in any case; "TİTLE:" and "tıtle:" match too,
# Python's case taking "İ" and "ı" for "i", and their lower case was no key of FIELDS)
_FIELD = re.compile("(?i)(?:" + "|".join(f"(?P<{name}>{name})" for name in FIELDS) + "):")


def _tokens(text: str) -> list[tuple[str, str, str | None]]:
    """Split into ("phrase", text, field) / ("word", text, field) / ("neg", "", None) /
    ("or", "", None) tokens; ``field`` is the text field a "title:" or "company:" before the
    word or phrase names (``FIELDS``), or before the bracket the word stands in
    ("title:(senior OR staff)": both words; a bracket left open runs to the end), else None."""
    out: list[tuple[str, str, str | None]] = []
    i, n = 0, len(text)
    field: str | None = None
    # the field of a bracketed group ("title:(...)", or None: "-(java sql)") and how deep its
    # brackets are open (0: in none)
    group: str | None = None
    depth = 0
    # the group follows a "-" or NOT ("-title:(senior staff)", "-(java sql)"): each of its
    # clauses excluded (the "-" was on its first one only: staff, sql were required)
    excluded = False
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            field = None
        elif ch == '"':
            end = text.find('"', i + 1)
            end = n if end == -1 else end
            _exclude_in_group(out, excluded and depth > 0)
            out.append(("phrase", text[i + 1 : end], field or group))
            i = end + 1
            field = None
        elif ch == "|":  # "|" and "||", as a programmer types OR
            out.append(("or", "", None))
            i += 1
            field = None
        elif ch in "([":  # (a separator, as in a word; here, so that "(-java)", "(NOT java)"
            # and "(title:x" are an exclusion and a field: they were the words java, "not"
            # and "title"); after "title:" it opens a group the field is over, to its "]"
            # or ")" ("title:(senior OR staff)" applied the field to senior only)
            if depth:
                depth += 1
            elif field is not None or (out and out[-1][0] == "neg"):
                group, depth = field, 1
                excluded = bool(out) and out[-1][0] == "neg"
            i += 1
            field = None
        elif ch in ")]" and depth:
            depth -= 1
            if not depth:
                group = None
            i += 1
            field = None
        elif ch == "-" and i + 1 < n and (text[i + 1] in '"([' or text[i + 1].isalnum()
                                          or _FIELD.match(text, i + 1)):
            if i == 0 or text[i - 1].isspace() or text[i - 1] in "([|":
                out.append(("neg", "", None))
            i += 1
        elif (m := _FIELD.match(text, i)) and field is None:
            field = FIELDS[str(m.lastgroup)]
            i = m.end()
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in '"|' and not (
                    depth and text[j] in ")]"):
                j += 1
            chunk = text[i:j]
            if chunk == "OR" and field is None:
                out.append(("or", "", None))
            elif chunk == "NOT" and field is None:  # as "-": "python NOT java" required "not"
                out.append(("neg", "", None))
            elif chunk != "AND" or field is not None:  # (words all match: it required "and")
                _exclude_in_group(out, excluded and depth > 0)
                out.append(("word", chunk, field or group))
            i = j
            field = None
    return out


def _exclude_in_group(out: list[tuple[str, str, str | None]], excluded: bool) -> None:
    """In an excluded group (``excluded``), a "neg" before a word or phrase that starts a
    clause: not the first (the group's own "-" is before it), nor one after OR or "-"."""
    if excluded and out and out[-1][0] not in ("neg", "or"):
        out.append(("neg", "", None))


def parse_query(text: str) -> ParsedQuery:
    """Parse a user's query string; never raises for odd input, only for oversize and for
    a prefix that cannot be one.

    Raises:
        QueryError: the query is longer than ``MAX_QUERY_CHARS``, or has more than
            ``MAX_CLAUSES`` different clauses or more than ``MAX_PREFIXES`` different
            prefixes, or a prefix (``py*``) of fewer than
            ``MIN_PREFIX`` letters or digits or of a word that is not only letters and digits.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is {len(text)} characters long; keep it under {MAX_QUERY_CHARS}"
        )
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    if not text.isascii():
        text = text.translate(_QUOTES)
    groups: list[tuple[list[Term], bool]] = []
    negate_next = False
    join_next = False
    for kind, value, in_field in _tokens(text):
        if kind == "neg":
            negate_next = True
            continue
        if kind == "or":
            join_next = bool(groups)
            continue
        if kind == "phrase":
            words = _words(value)
            terms = [Term(words, field=in_field)] if words else []
        else:
            terms = _word_terms(value, in_field)
        if not terms:
            continue
        first, rest = terms[0], terms[1:]
        if join_next and groups and not negate_next:
            groups[-1][0].append(first)
        else:
            groups.append(([first], negate_next))
        for term in rest:
            groups.append(([term], negate_next))
        negate_next = False
        join_next = False
    # a clause repeated is one condition; past MAX_CLAUSES distinct ones the query is refused
    # (they were dropped, so "... zzz" listed postings without zzz as matching it)
    clauses = tuple(dict.fromkeys(
        Clause(tuple(dict.fromkeys(terms)), negated) for terms, negated in groups))
    if len(clauses) > MAX_CLAUSES:
        raise QueryError(
            f"the query has {len(clauses)} parts (words, phrases, OR groups); "
            f"keep it to {MAX_CLAUSES}")
    # one prefix in any case and accents (each engine reads "PY*" as "py*" and "café*" as
    # "cafe*": they counted as other ones)
    prefixes: dict[tuple[str, str | None], Term] = {}
    for term in (t for c in clauses for t in c.terms if t.prefix):
        word = index_form(term.words[0])
        prefixes.setdefault(("".join(_FOLDED.analyze(word)) or word.lower(), term.field), term)
    if len(prefixes) > MAX_PREFIXES:
        # each as first typed, its field named ("title:aa*" was listed as "aa*")
        names = {column: name for name, column in FIELDS.items()}
        shown = ", ".join(f"{names[t.field] + ':' if t.field else ''}{t.words[0]}*"
                          for t in list(prefixes.values())[:4])
        raise QueryError(
            f"the query has {len(prefixes)} words ending in * ({shown}, ...); keep it to "
            f"{MAX_PREFIXES}: each one finds every word that starts with it, and more make "
            "the search slow; type whole words (python, not py*) or search in parts")
    return ParsedQuery(clauses)
