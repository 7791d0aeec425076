"""The alternative search engine: SQLite FTS5 (BM25), in its own SQLite file.

Kept behind the same interface as tantivy so the two can be measured against
each other (``bench/search.py``) and either can serve. Facets are rows of a
side table, counted with ``GROUP BY`` over the matching rows.
"""

from __future__ import annotations

import html
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mljobs import places
from mljobs.errors import IndexBusyError, QueryError
from mljobs.index import writer_record
from mljobs.index.base import (
    Hit,
    SearchQuery,
    SearchResult,
    date_key,
    facet_values,
    is_canonical,
    key_dates,
    salary_max,
    word_end,
)
from mljobs.index.query import (
    FIELDS,
    SEPARATOR,
    ParsedQuery,
    Term,
    display_form,
    findable,
    index_form,
    parse_query,
)
from mljobs.models import Posting

if TYPE_CHECKING:
    from mljobs.store import SQLiteStore

# the index file's format (PRAGMA user_version); another value is rebuilt from the store.
# 6: a prefix index of 2 and 3 letters (PREFIX_INDEX); 5: the country and region facets (mljobs.places); 4: salary_max is the top of yearly pay in US dollars only (base.salary_max); 3: posted_ts is base.date_key (undated postings below every dated one), month "undated"
# and a host name's ".net" left as it is (query.SYMBOL_NAME; 2 had
# only that); 1: symbol names (C++, C#, .NET) indexed as words of their own; 0: before.
FORMAT = 6
# the prefix lengths FTS5 indexes apart (its ``prefix`` option): a prefix query of 2 or 3
# letters ("co"*) reads one list instead of merging the lists of every word that starts with
# it. ``bench/search.py --grammar`` at 100,000 postings (docs/benchmarks.md), and 20,000
# postings without / with it: "co"* 88 -> 21 ms, "co"* AND "re"* AND "in"* 432 -> 76 ms, 8
# such prefixes OR'd 1,173 -> 202 ms; the index 79 -> 108 MB. The same postings and scores.
PREFIX_INDEX = "2 3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(
    title, company_text, description,
    tokenize="porter unicode61 separators '""" + SEPARATOR + """'", prefix='""" + PREFIX_INDEX + """');
CREATE TABLE IF NOT EXISTS doc_meta (
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, posted_ts INTEGER, salary_max REAL,
    canonical INTEGER, status TEXT, fields TEXT);
CREATE TABLE IF NOT EXISTS doc_facets (rowid INTEGER, field TEXT, value TEXT);
CREATE INDEX IF NOT EXISTS doc_facets_fv ON doc_facets(field, value, rowid);
CREATE INDEX IF NOT EXISTS doc_facets_row ON doc_facets(rowid);
CREATE INDEX IF NOT EXISTS doc_meta_ts ON doc_meta(posted_ts);
"""
_OPEN, _CLOSE = "\x02", "\x03"
# the facets of at most this share of the index's postings are counted posting by posting
# (each one's rows of doc_facets, by its rowid), more by reading the asked fields' rows of
# doc_facets whole (``Fts5Index._count_and_facets``): the whole read took 60-110 ms at 100,000
# postings for any query (the search page's 14 facets), 296 postings found or 78,000; one by
# one took 1.5 ms for 296, 28 ms for 5,500 and 380 ms for 78,000 (``bench/search.py``,
# docs/benchmarks.md)
BY_POSTING_SHARE = 1 / 16
_BUSY_MS = 5_000  # (sqlite3.connect's timeout: how long a rebuild waits for the write lock)


def _quote(term: Term, also: tuple[str, ...] | None = None) -> str:
    """A term as FTS5 reads it: a string (a phrase of its words), ``*`` after a prefix (the
    tokens that start with it: Porter leaves the prefix as typed), or, for a prefix that
    Porter changes (``Fts5Index._prefix_tokens``), the prefix's own stem (the word typed)
    OR'd with ``also``, the prefixes of the indexed tokens that start with it as typed (and
    a word for such a token no prefix reaches); a column filter for a field."""
    quoted = '"' + index_form(" ".join(term.words)).replace('"', '""') + '"'
    if term.prefix:
        if also is None:
            quoted += "*"
        elif also:
            quoted = "(" + " OR ".join([quoted, *also]) + ")"
    return f"{{{term.field}}} : {quoted}" if term.field else quoted


# the words, phrases and prefixes of a query's positive clauses FTS5 ranks each posting it
# finds on, at most (``Fts5Index.search``; as many as ``query.MAX_CLAUSES`` ANDed, so only an
# OR group reaches past it): bm25 reads every such term of every posting found. ``bench/
# search.py --grammar --worst`` at 100,000 postings (docs/benchmarks.md): the corpus's common
# words OR'd, 8 took 0.6 s, 32 1.4 s, 128 4.5 s and 232 (a 1,000-character query) 5-7 s on the
# search page; tantivy takes 0.1 s for the 232, so it has no such bound
MAX_RANKED_TERMS = 32
# the prefixes of indexed tokens a prefix Porter changes is read as (``Fts5Index._prefix_tokens``)
# at most, and how many tokens are read from the index's vocabulary at a time to find them
MAX_PREFIX_TOKENS = 200
_VOCAB_BATCH = 64
# the endings tried, in this order, to make a word Porter stems to an indexed token it stems
# again ("databas" + "e": "database"), which a prefix finds as that word
_REGROWN = ("e", "s", "ed", "ing", "ment")


def _tokens_of(words: list[str]) -> list[tuple[str, str]]:
    """Each word as FTS5's tokenizers read it: (unicode61: lower case, accents removed;
    the index's porter on top of that), one token each ("" for a word of none)."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(
            "CREATE VIRTUAL TABLE plain USING fts5(x, tokenize='unicode61');"
            "CREATE VIRTUAL TABLE stemmed USING fts5(x, tokenize='porter unicode61');"
            "CREATE VIRTUAL TABLE plain_v USING fts5vocab(plain, instance);"
            "CREATE VIRTUAL TABLE stemmed_v USING fts5vocab(stemmed, instance);")
        for table in ("plain", "stemmed"):
            conn.executemany(f"INSERT INTO {table}(rowid, x) VALUES (?, ?)",
                             list(enumerate(words)))
        found: dict[tuple[str, int], str] = {}
        for table in ("plain_v", "stemmed_v"):
            for doc, term in conn.execute(f"SELECT doc, term FROM {table} WHERE offset = 0"):
                found[table, int(doc)] = str(term)
        return [(found.get(("plain_v", i), ""), found.get(("stemmed_v", i), ""))
                for i in range(len(words))]
    finally:
        conn.close()


# A query of two or more plain words (no phrase, no OR) has the phrase of its words OR'd to
# its match: it matches the same postings (the phrase needs every word), and bm25 adds the
# phrase's score where the words stand side by side, in the order typed (tantivy's
# PHRASE_BOOST). Measured on the corpus with a multi-word skill name as the query (534 skills
# held by 3 or more canonical postings; relevant: the postings whose extracted skills hold
# it): P@10 0.340 -> 0.497 (nDCG@10 0.482 -> 0.710); two single-word skills as the query
# (116 pairs, relevant: both skills) 0.810 -> 0.822. The phrase OR'd 2 or 3 times (bm25
# sums every phrase; measured by editing ``match_expression``, not a bench option) gave
# 0.500: once is enough.
SIDE_BY_SIDE = True
# letters to Python that FTS5's tokenizer (unicode61, on its Unicode 6.1 tables, where they
# were marks) reads as no token: New Tai Lue vowel signs and tone marks, two Vedic signs. A
# word of only these is no token, as "_" is (the test holds the list to the tokenizer)
NO_TOKEN = frozenset(map(chr, [*range(0x19B0, 0x19C1), 0x19C8, 0x19C9, 0x1CF2, 0x1CF3]))


def match_expression(parsed: ParsedQuery,
                     also: Callable[[Term], tuple[str, ...] | None] = lambda term: None
                     ) -> str | None:
    """The FTS5 MATCH string for the positive clauses (None when there are none); ``also``:
    the strings of the indexed tokens a prefix term is read as, None for FTS5's own prefix
    query (``_quote``, ``Fts5Index._prefix_tokens``)."""
    groups = []
    for clause in parsed.positive:
        # (a term too long to find is left out; a clause of none finds nothing: ``_where``)
        if terms := [t for t in clause.terms if findable(t)]:
            groups.append(f"({' OR '.join(_quote(t, also(t)) for t in terms)})")
    if not groups:
        return None
    expr = " AND ".join(groups)
    words = parsed.plain_words(alone=True)
    # (every word with a letter or digit: a word of none, "_" or "\u19b0" (NO_TOKEN), is no
    # token, so the phrase would not need it where its clause matches nothing)
    if (SIDE_BY_SIDE and len(words) >= 2 and len(words) == len(parsed.positive)
            and all(any(ch.isalnum() and ch not in NO_TOKEN for ch in w) for w in words)):
        expr = f"({expr}) OR {_quote(Term(tuple(words)))}"
    return expr


class Fts5Index:
    """Search over SQLite FTS5. ``path=None`` keeps the index in memory."""

    name = "fts5"

    def __init__(self, path: str | Path | None) -> None:
        self.path = str(path) if path is not None else ":memory:"
        # (one search at a time fills the temporary table of the postings found)
        self._found = threading.Lock()
        try:
            self._open()
        except sqlite3.DatabaseError as exc:
            # a file SQLite cannot read ("file is not a database", "database disk image is
            # malformed": a copy cut short, a disk fault) was a traceback on every search and
            # on `reindex`; it is derived data, so it is made anew (not a busy or read-only
            # file, an OperationalError: that one is said as it is)
            if isinstance(exc, sqlite3.OperationalError) or self.path == ":memory:":
                raise
            self.conn.close()
            for suffix in ("", "-wal", "-shm"):
                Path(self.path + suffix).unlink(missing_ok=True)
            self._open()

    def _open(self) -> None:
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                    timeout=_BUSY_MS / 1000)
        self.conn.execute("PRAGMA journal_mode=WAL")
        stale = (self.conn.execute("PRAGMA user_version").fetchone()[0] != FORMAT
                 or self._places_version() != str(places.VERSION))
        if stale:
            # another format or other place readings (or a new file): the index is derived
            # data, so start empty; the next sync indexes the whole store again
            self.conn.executescript(
                "DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS doc_meta; "
                "DROP TABLE IF EXISTS doc_facets; DROP TABLE IF EXISTS state;"
            )
            self.conn.execute(f"PRAGMA user_version = {FORMAT}")
        self.conn.executescript(_SCHEMA)
        if stale:
            self._set_state("places", str(places.VERSION))

    def _places_version(self) -> str | None:
        """The ``mljobs.places.VERSION`` the index's countries and regions were read by."""
        try:
            return self._state("places")
        except sqlite3.OperationalError:  # (no state table: a new file)
            return None

    def close(self) -> None:
        """Close the index database."""
        self.conn.close()

    def _state(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return str(row[0]) if row else None

    def _set_state(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (key, value))

    def _remove(self, posting_id: str) -> None:
        c = self.conn
        row = c.execute("SELECT rowid FROM doc_meta WHERE id=?", (posting_id,)).fetchone()
        if row:
            c.execute("DELETE FROM docs WHERE rowid=?", row)
            c.execute("DELETE FROM doc_facets WHERE rowid=?", row)
            c.execute("DELETE FROM doc_meta WHERE rowid=?", row)

    def _add_one(self, posting: Posting) -> None:
        c = self.conn
        self._remove(posting.id)
        values = facet_values(posting)
        cur = c.execute(
            "INSERT INTO doc_meta(id, posted_ts, salary_max, canonical, status, fields)"
            " VALUES (?,?,?,?,?,?)",
            (posting.id, date_key(posting), salary_max(posting),
             int(is_canonical(posting)), posting.status.value, json.dumps(values)),
        )
        rowid = cur.lastrowid
        c.execute(
            "INSERT INTO docs(rowid, title, company_text, description) VALUES (?,?,?,?)",
            (rowid, index_form(posting.title), index_form(posting.company or ""),
             index_form(posting.description_text)),
        )
        c.executemany(
            "INSERT INTO doc_facets VALUES (?,?,?)",
            [(rowid, f, v) for f, vs in values.items() for v in vs],
        )

    def add(self, postings: Iterable[Posting]) -> int:
        """Index or re-index postings in one transaction."""
        count = 0
        self.conn.execute("BEGIN")
        try:
            for posting in postings:
                self._add_one(posting)
                count += 1
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return count

    def sync(self, store: SQLiteStore, *, anew: bool = False,
             on_build: Callable[[int], None] | None = None,
             on_wait: Callable[[str], None] | None = None, wait: bool = True) -> int:
        """Re-index postings changed since the last sync, and drop those removed from the
        store since (``SQLiteStore.removed_rev``); ``anew``: every posting, the index
        emptied first in the same transaction (``rebuild``). ``on_build``: told how many
        postings a whole build indexes (a new index, another FORMAT, another store) before
        it starts, once it holds the write lock; ``on_wait``: told when a rebuild waits for
        another process's write (``_begin_write``); ``wait`` False: it does not wait."""
        if not anew and self._state("store_id") not in (None, store.store_id):
            return self.sync(store, anew=True, on_build=on_build, on_wait=on_wait, wait=wait)
        since = 0 if anew else int(self._state("rev") or 0)
        if not anew and store.max_rev() <= since and self._state("store_id") == store.store_id:
            # (nothing to index: no write, so a search reads the index while another process
            # writes it, a reindex for one, as tantivy's does)
            return 0
        removed = store.removed_rev()  # (read first: what is written later is read below)
        count, last = 0, since
        work = ("indexing the store's latest changes" if since else
                f"{'rebuilding' if anew else 'building'} the whole index "
                f"({store.count():,} postings)")
        try:
            self._begin_write(wait=anew and wait, on_wait=on_wait, work=work)
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise
            # (it named no process: "database is locked", after 5 s for a rebuild)
            raise IndexBusyError(self.path, str(exc), holder=writer_record.holder(self.path),
                                 waited=_BUSY_MS / 1000 if anew and wait else 0.0) from exc
        try:
            if since == 0 and on_build is not None and (total := store.count()):
                on_build(total)
            if anew:
                for table in ("docs", "doc_meta", "doc_facets"):
                    self.conn.execute(f"DELETE FROM {table}")
            if removed > since > 0:  # (a posting indexed before may be gone)
                ids = [r[0] for r in self.conn.execute("SELECT id FROM doc_meta")]
                kept = store.present(ids)
                for gone in (pid for pid in ids if pid not in kept):
                    self._remove(gone)
                    count += 1
            for rev, posting in store.iter_postings(after_rev=since):
                self._add_one(posting)
                count, last = count + 1, rev
            # (past the removal too: it is done, so the next sync does not look again)
            self._set_state("rev", str(max(last, removed)))
            self._set_state("store_id", store.store_id)
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        finally:
            writer_record.drop(self.path)
        return count

    def _begin_write(self, *, wait: bool, on_wait: Callable[[str], None] | None = None,
                     work: str = "indexing postings") -> None:
        """Take the index's write lock (``BEGIN IMMEDIATE``). ``wait``: for as long as SQLite's
        5 s timeout, as a rebuild does for another process's short sync; else not at all, as
        tantivy's writer: a search does not wait for a `mljobs reindex` (one transaction, as
        long as the rebuild) and reads the index as it is (``index.open_for_search``; it
        waited 5 s, then said the index was busy). ``on_wait``: told before a wait, who
        writes the index (``writer_record``); taken, ``work`` is recorded beside the index
        for another process to name this one (``sync`` drops it)."""
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if not wait or "locked" not in str(exc):
                raise
            if on_wait is not None:
                who = writer_record.holder(self.path) or "its work not recorded"
                on_wait(f"waiting for another mljobs process that writes the search index at "
                        f"{self.path} ({who}), up to {_BUSY_MS // 1000} s; Ctrl-C stops")
            self.conn.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
            self.conn.execute("BEGIN IMMEDIATE")
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
        writer_record.record(self.path, work)

    def rebuild(self, store: SQLiteStore, *, on_wait: Callable[[str], None] | None = None
                ) -> int:
        """Empty the index and index the whole store, in one transaction: stopped part way
        (Ctrl-C, SIGTERM), the index is left whole as it was. (Each table was emptied in a
        commit of its own, the state with them: the places version went too, so the next
        search found the index stale and built it all again.) ``on_wait``: as ``sync``'s."""
        return self.sync(store, anew=True, on_wait=on_wait)

    def _prefix_tokens(self, term: Term) -> tuple[str, ...] | None:
        """For a prefix term Porter changes, the prefixes (``"analyt"*``) of the indexed tokens
        that start with it as typed (lower case, accents removed); None for one Porter leaves
        as typed, and for a term that is no prefix (FTS5's ``"py"*`` is the prefix). FTS5
        stems the prefix of a query, and its stem, matched as the start of the indexed tokens,
        found words that do not start with it ("das"* is "da"*, every "data"; "gas"*, "pos"*
        alike) and missed those that do ("analy"* is "anali"*, which starts none of
        "analysi", "analyst", "analyt"). Each prefix is the shortest start of such a token,
        longer than the prefix typed, that Porter leaves as it is ("analyt", "analysi"), so
        it finds every token that starts with it. A token with no such start (Porter is not
        idempotent: "database" is the token "databas", which Porter stems to "databa", so
        ``databas*`` found none of it) is found as a word Porter stems to it, the token with
        one of ``_REGROWN`` added (``"database"``), and left out if none does. At most
        MAX_PREFIX_TOKENS, read from the whole vocabulary in batches (the first 200 tokens in
        the index's order were taken: on a vocabulary of 100,000 postings with words of their
        own, ``bench/search.py --new-words 5``, the 200 were "analysis..." words, and "analy*"
        found 1,692 postings where tantivy finds 4,536).

        Raises:
            QueryError: the prefix needs more than MAX_PREFIX_TOKENS (the words past them were
                left out, and fewer postings found than tantivy finds, unsaid)."""
        if not term.prefix:
            return None
        [(typed, stemmed)] = _tokens_of([index_form(term.words[0])])
        if not typed or typed == stemmed:  # ("py"*, "learn"*: the prefix as typed)
            return None
        self.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.docs_terms "
                          "USING fts5vocab(main, docs, row)")
        heads: list[str] = []  # (``"analyt"*``, and ``"database"`` for a token alone)
        head = ""  # (the last prefix added: the tokens it starts are in it)
        after, end = typed, typed + "\U0010ffff"
        while True:
            tokens = [str(row[0]) for row in self.conn.execute(
                "SELECT term FROM temp.docs_terms WHERE term >= ? AND term < ? LIMIT ?",
                (after, end, _VOCAB_BATCH))]
            if not tokens:
                break
            starts = sorted({token[:n] for token in tokens
                             for n in range(len(typed) + 1, len(token) + 1)})
            kept = {start for start, (_, stem) in zip(starts, _tokens_of(starts), strict=True)
                    if stem == start}
            # each token's shortest start Porter leaves as it is (None: none)
            shortest = {token: next((token[:n] for n in range(len(typed) + 1, len(token) + 1)
                                     if token[:n] in kept), None) for token in tokens}
            alone = [token for token, start in shortest.items() if start is None]
            words = [token + ending for token in alone for ending in _REGROWN]
            regrown: dict[str, str] = {}
            for word, (_, stem) in zip(words, _tokens_of(words) if words else [], strict=True):
                if stem in alone:
                    regrown.setdefault(stem, word)
            for token in tokens:
                if head and token.startswith(head):
                    continue
                start = shortest[token]
                if len(heads) == MAX_PREFIX_TOKENS and (start or token in regrown):
                    raise QueryError(
                        f"{term.words[0]}* starts more than {MAX_PREFIX_TOKENS} different words "
                        "in the search index (engine fts5), more than one search looks for; "
                        "type more letters before the *, or search with the tantivy engine")
                if start is not None:
                    head = start
                    heads.append(f'"{head}"*')
                elif token in regrown:
                    heads.append(f'"{regrown[token]}"')
            # on past the batch, and past every token the last head takes in
            after = tokens[-1] + "\x00"
            if head and tokens[-1].startswith(head):
                after = head + "\U0010ffff"
            if len(tokens) < _VOCAB_BATCH:
                break
        return tuple(heads)

    def _where(self, q: SearchQuery, parsed: ParsedQuery) -> tuple[str, list[Any]]:
        conds: list[str] = []
        params: list[Any] = []
        if parsed.finds_nothing():  # (a word too long to be indexed: ``query.findable``)
            conds.append("0")
        for clause in parsed.negative:
            for term in filter(findable, clause.terms):
                conds.append("m.rowid NOT IN (SELECT rowid FROM docs WHERE docs MATCH ?)")
                params.append(_quote(term, self._prefix_tokens(term)))
        for name, values in q.filters.items():
            values = [v.lower() if name == "company" else v for v in values if v]
            if values:
                marks = ",".join("?" * len(values))
                conds.append(
                    f"m.rowid IN (SELECT rowid FROM doc_facets WHERE field=? AND value IN ({marks}))"
                )
                params += [name, *values]
        if q.posted_since is not None:
            since = q.posted_since if q.posted_since.tzinfo else q.posted_since.replace(tzinfo=UTC)
            conds.append("m.posted_ts >= ?")
            params.append(int(since.timestamp()))
        if q.salary_min is not None:
            conds.append("m.salary_max >= ?")
            params.append(q.salary_min)
        if not q.include_duplicates:
            conds.append("m.canonical = 1")
        if not q.include_closed:
            conds.append("m.status = 'open'")
        return (" AND ".join(conds) or "1"), params

    def search(self, query: SearchQuery) -> SearchResult:
        """Run a query with FTS5's bm25 (title x3, company x2, description x1)."""
        query.validate()
        parsed = parse_query(query.text)
        _bound_ranked(parsed)
        match = match_expression(parsed, self._prefix_tokens)
        where, params = self._where(query, parsed)
        if match:
            base = (
                "FROM docs JOIN doc_meta m ON m.rowid = docs.rowid "
                f"WHERE docs MATCH ? AND {where}"
            )
            base_params: list[Any] = [match, *params]
        else:
            base = f"FROM doc_meta m WHERE {where}"
            base_params = list(params)
        # ties (role postings of one post, undated postings first seen together) in the
        # order they were indexed, so pages never overlap
        order = "m.posted_ts DESC, m.rowid" if (query.sort == "date" or not match) else "score"
        score = "bm25(docs, 3.0, 2.0, 1.0)" if match else "0"
        snippet = (
            f"snippet(docs, 2, '{_OPEN}', '{_CLOSE}', '…', 32)" if match else "''"
        )
        try:
            rows = self.conn.execute(
                f"SELECT m.id, {score} AS score, m.posted_ts, m.fields, {snippet} {base} "
                f"ORDER BY {order} LIMIT ? OFFSET ?",
                [*base_params, query.limit, query.offset],
            ).fetchall()
            if query.facets:
                total, facets = self._count_and_facets(base, base_params, query)
            else:
                total = self.conn.execute(f"SELECT COUNT(*) {base}", base_params).fetchone()[0]
                facets = {}
        except sqlite3.OperationalError as exc:
            raise QueryError(f"the search engine rejected the query: {exc}") from exc
        titles = self._titles([r[0] for r in rows])
        hits = [self._hit(r, titles, bool(match)) for r in rows]
        return SearchResult(total=int(total), hits=hits, facets=facets, engine=self.name)

    def _titles(self, ids: list[str]) -> dict[str, tuple[str, str, str]]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {
            r[0]: (display_form(r[1]), display_form(r[2]), display_form(r[3]))
            for r in self.conn.execute(
                f"SELECT m.id, d.title, d.company_text, substr(d.description, 1, 220) "
                f"FROM doc_meta m JOIN docs d ON d.rowid = m.rowid WHERE m.id IN ({marks})",
                ids,
            )
        }

    @staticmethod
    def _hit(row: tuple[Any, ...], titles: dict[str, tuple[str, str, str]], ranked: bool) -> Hit:
        pid, score, key, fields, snip = row
        title, company, head = titles.get(pid, ("", "", ""))
        text = display_form(snip) if snip and _OPEN in snip else head
        posted_at, first_seen = key_dates(key)
        snippet_html = (
            html.escape(_whole_words(text)).replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")
        )
        return Hit(
            id=pid,
            score=-float(score) if ranked else 0.0,
            title=title,
            company=company or None,
            snippet_html=snippet_html,
            posted_at=posted_at,
            fields=json.loads(fields),
            first_seen=first_seen,
        )

    def _count_and_facets(self, base: str, params: list[Any], q: SearchQuery
                          ) -> tuple[int, dict[str, list[tuple[str, int]]]]:
        """The postings a search finds (``base``) counted, and their facets: the postings
        found once, into a temporary table (the count and the facets each ran the search
        again), then their rows of doc_facets, posting by posting when few
        (``BY_POSTING_SHARE``), else the asked fields' rows whole (the same counts)."""
        marks = ",".join("?" * len(q.facets))
        with self._found:
            c = self.conn
            c.execute("CREATE TEMP TABLE IF NOT EXISTS found (rid INTEGER PRIMARY KEY)")
            c.execute("DELETE FROM temp.found")
            try:
                total = c.execute(f"INSERT INTO temp.found SELECT m.rowid {base}",
                                  params).rowcount
                size = c.execute("SELECT max(rowid) FROM doc_meta").fetchone()[0] or 0
                if total <= size * BY_POSTING_SHARE:
                    sql = ("SELECT f.field, f.value, COUNT(*) FROM temp.found h CROSS JOIN "
                           f"doc_facets f ON f.rowid = h.rid WHERE f.field IN ({marks}) "
                           "GROUP BY f.field, f.value")
                else:
                    sql = ("SELECT f.field, f.value, COUNT(*) FROM doc_facets f "
                           f"WHERE f.field IN ({marks}) AND f.rowid IN temp.found "
                           "GROUP BY f.field, f.value")
                rows = c.execute(sql, q.facets).fetchall()
            finally:
                c.execute("DELETE FROM temp.found")
        out: dict[str, list[tuple[str, int]]] = {name: [] for name in q.facets}
        for field, value, count in rows:
            out[field].append((value, int(count)))
        for name in out:
            out[name] = sorted(out[name], key=lambda kv: (-kv[1], kv[0]))[: q.facet_size]
        return int(total), out


def _bound_ranked(parsed: ParsedQuery) -> None:
    """Refuse a query whose positive clauses hold more than MAX_RANKED_TERMS terms (an OR
    group of many common words ran for 5 s and more at 100,000 postings, with no word why).

    Raises:
        QueryError: naming the count, the first terms, the bound and what to do."""
    # each clause's terms, as the MATCH holds them: a word in several ANDed OR groups is
    # ranked in each (the same 8 common words in 8 groups, counted as 8, were 64 phrases to
    # bm25 and took 17 s at 100,000 postings); one typed twice in a group is one (``parse_query``)
    ranked = [t for c in parsed.positive for t in c.terms if findable(t)]
    if len(ranked) <= MAX_RANKED_TERMS:
        return
    terms = list(dict.fromkeys(ranked))
    names = {column: name for name, column in FIELDS.items()}
    shown = ", ".join((names[t.field] + ":" if t.field else "")
                      + (f'"{t.text()}"' if t.is_phrase else t.text() + "*" * t.prefix)
                      for t in terms[:4])
    shown += ", ..." + ("; a word in more than one OR group counts in each"
                        if len(terms) < len(ranked) else "")
    raise QueryError(
        f"the query looks for {len(ranked)} words and phrases ({shown}); the fts5 engine "
        "ranks every posting it finds on each of them, which takes seconds past "
        f"{MAX_RANKED_TERMS}: keep it to {MAX_RANKED_TERMS} (OR fewer words, or search in "
        "parts), or search with the tantivy engine (--engine tantivy)")


def _whole_words(snippet: str) -> str:
    """FTS5's snippet with each mark ending where its word does (``word_end``): its tokenizer
    splits a word at its combining marks, so "योगिकी" was marked as "य", "ग" and "क",
    each vowel sign left out."""
    at = snippet.find(_CLOSE)
    while at >= 0:
        end = word_end(snippet, at + 1, _OPEN + _CLOSE)
        if end > at + 1:  # (the marks and letters up to the word's end, into the mark)
            inside = snippet[at + 1:end].replace(_OPEN, "").replace(_CLOSE, "")
            snippet = snippet[:at] + inside + _CLOSE + snippet[end:]
            at += len(inside)
        at = snippet.find(_CLOSE, at + 1)
    return snippet
