"""The default search engine: tantivy (Lucene-class, embedded, BM25 with block-max WAND).

The index lives in a folder beside the store (``<db>.index/``) or in memory.
It remembers the last store revision it has seen (``state.json``), so
``sync`` only re-indexes what changed; a mismatched store id or schema
version triggers a full rebuild.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import re
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tantivy

from mljobs import places
from mljobs.errors import IndexBusyError, QueryError, StoreError, os_reason
from mljobs.index import writer_record
from mljobs.index.base import (
    FACET_FIELDS,
    Hit,
    SearchQuery,
    SearchResult,
    date_key,
    facet_values,
    is_canonical,
    key_dates,
    make_snippet,
    salary_max,
)
from mljobs.index.query import (
    LONGEST_TOKEN,
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

# 7: the country and region facets (mljobs.places)
# 6: text fields use TOKENIZER (accents folded: "zurich" finds Zürich, as FTS5 does)
# 5: salary_max is the top of yearly pay in US dollars only (base.salary_max); 4: posted_ts is base.date_key (undated postings below every dated one), month "undated"
# and a host name's ".net" left as it is (query.SYMBOL_NAME; 3 had
# only that); 2: text fields hold query.index_form of the text (C++, C#, .NET are words); 1: the text
SCHEMA_VERSION = 7


def _current(state: dict[str, Any]) -> bool:
    """Whether an index's saved state is of this schema and of these place readings (its
    country and region facets: ``mljobs.places.VERSION``); another is rebuilt."""
    return state.get("schema") == SCHEMA_VERSION and state.get("places") == places.VERSION


def _new_state(store_id: str | None) -> dict[str, Any]:
    """The state of an empty index of this schema and these place readings."""
    return {"rev": 0, "store_id": store_id, "schema": SCHEMA_VERSION, "places": places.VERSION}

TEXT_FIELDS = ("title", "company_text", "description")
FIELD_BOOSTS = {"title": 3.0, "company_text": 2.0, "description": 1.0}
WRITER_HEAP = 128_000_000
# how long a whole build of the index waits for another process that writes it (tantivy's
# writer lock), before it says who and stops: a `mljobs reindex`, or a search that builds the
# index whole (a new one, another schema), failed at once, though another process's sync is
# done in seconds (a whole build of 100,000 postings in about a minute). A search of an index
# that holds postings does not wait: it reads the index as it is (``index.open_for_search``)
WRITER_WAIT_S = 60.0
_WAIT_STEP_S = 0.2
SNIPPET_CHARS = 220
# the weight of a query's words found side by side, in the order typed (``_text_query``).
# ``bench/phrase_rank.py`` (534 multi-word skill names as queries, relevant: the postings
# whose extracted skills hold it): P@10 0.330 -> 0.465 (nDCG@10 0.463 -> 0.657) against a
# boost of 0; 116 pairs of single-word skills P@10 0.797 -> 0.809 (docs/benchmarks.md)
PHRASE_BOOST = 4.0
# the words a prefix (``py*``) is scored by, the most frequent that start with it
# (``_prefix_query``); the rest are matched, at a score of 0. On the demo store, 16 prefix
# queries' top 20 held 54% of FTS5's (bm25) unscored, 74% with 32 words (and with 64);
# ``bench/search.py --grammar`` at 100,000 postings: ``co*`` 6 -> 23 ms (64: 43 ms)
PREFIX_TERMS = 32
# tantivy's en_stem (simple tokenizer, tokens over 40 bytes dropped, lower case, English
# Snowball stems) with accents folded after lower-casing, so "zurich" finds Zürich and
# "resume" finds résumé, as the FTS5 engine's unicode61 tokenizer (diacritics removed)
# already did; registered on every index opened, under this name.
TOKENIZER = "en_stem_fold"
TEXT_ANALYZER = (
    tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    .filter(tantivy.Filter.remove_long(LONGEST_TOKEN + 1))
    .filter(tantivy.Filter.lowercase())
    .filter(tantivy.Filter.ascii_fold())
    .filter(tantivy.Filter.stemmer("english"))
    .build()
)

# TEXT_ANALYZER without its stemmer: a prefix (``py*``) as typed
FOLD_ANALYZER = (
    tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    .filter(tantivy.Filter.remove_long(LONGEST_TOKEN + 1))
    .filter(tantivy.Filter.lowercase())
    .filter(tantivy.Filter.ascii_fold())
    .build()
)


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word as the text fields index it (``TEXT_ANALYZER``): what the snippets compare."""
    return "".join(TEXT_ANALYZER.analyze(word))


# keyword fields returned with each hit (for badges in result lists)
HIT_FIELDS = ("source", "remote", "archetype", "seniority", "company_stage", "status", "month")


def build_schema() -> tantivy.Schema:
    """The tantivy schema: stemmed text fields, raw fast keyword fields, numbers."""
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("title", stored=True, tokenizer_name=TOKENIZER)
    sb.add_text_field("company_text", stored=True, tokenizer_name=TOKENIZER)
    sb.add_text_field("description", stored=True, tokenizer_name=TOKENIZER)
    for name in FACET_FIELDS:
        sb.add_text_field(name, stored=True, fast=True, tokenizer_name="raw")
    sb.add_integer_field("posted_ts", stored=True, indexed=True, fast=True)
    sb.add_float_field("salary_max", stored=False, indexed=True, fast=True)
    sb.add_boolean_field("canonical", stored=False, indexed=True, fast=True)
    return sb.build()


def to_document(posting: Posting) -> tantivy.Document:
    """One posting as a tantivy document."""
    doc = tantivy.Document()
    doc.add_text("id", posting.id)
    # the stored text is the index form too (one copy); hits read it through display_form
    doc.add_text("title", index_form(posting.title))
    doc.add_text("company_text", index_form(posting.company or ""))
    doc.add_text("description", index_form(posting.description_text))
    for name, values in facet_values(posting).items():
        for value in values:
            doc.add_text(name, value)
    doc.add_integer("posted_ts", date_key(posting))
    top = salary_max(posting)
    doc.add_float("salary_max", top if top is not None else -1.0)
    doc.add_boolean("canonical", is_canonical(posting))
    return doc


def _delete_by_id(writer: tantivy.IndexWriter, posting_id: str) -> None:
    """Delete a document by its raw ``id`` term (API name differs across tantivy releases)."""
    delete = getattr(writer, "delete_documents_by_term", None)
    if delete is None:  # tantivy < 0.25
        delete = writer.delete_documents
    delete("id", posting_id)


def _unmade(path: Path, exc: OSError) -> str:
    """Why the index folder ``path`` cannot be made, and what to do: a file in its place is
    named as such (it said only "File exists"); that file and the store are left as they are."""
    if path.is_file():
        return (f"the search index at {path} cannot be opened: {path} is a file, not the "
                "index's folder; move or remove that file, then search again or run `mljobs "
                "reindex` (the index is built anew from the store; no posting is touched)")
    return (f"the search index at {path} cannot be made ({os_reason(exc, path)}); make "
            f"{path.parent} writable or move what is in the way, then search again or run "
            "`mljobs reindex` (the index is built from the store; no posting is touched)")


class TantivyIndex:
    """Search over tantivy. ``path=None`` keeps the index in memory."""

    name = "tantivy"

    def __init__(self, path: str | Path | None) -> None:
        self.schema = build_schema()
        self.path = Path(path) if path is not None else None
        self._state: dict[str, Any] = _new_state(None)
        self._open()

    # -- lifecycle ------------------------------------------------------------------

    def _open(self) -> None:
        if self.path is None:
            self.index = tantivy.Index(self.schema)
            self.index.register_tokenizer(TOKENIZER, TEXT_ANALYZER)
            return
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # (a file in its place ended in FileExistsError's traceback)
            raise StoreError(_unmade(self.path, exc)) from exc
        self._state = self._saved_state()
        if not _current(self._state):
            self._wipe()
        else:
            try:
                self.index = tantivy.Index(self.schema, path=str(self.path), reuse=True)
            except ValueError:
                # an index written by another schema: it is derived data, so rebuild
                self._wipe(force=True)
        self.index.register_tokenizer(TOKENIZER, TEXT_ANALYZER)

    def _saved_state(self) -> dict[str, Any]:
        assert self.path is not None
        try:
            state = json.loads((self.path / "state.json").read_text())
        except (OSError, ValueError):  # (none yet, or being written: ``_wipe`` looks again)
            return {"rev": 0, "store_id": None, "schema": None}
        return state if isinstance(state, dict) else {"rev": 0, "store_id": None, "schema": None}

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        """One process at a time past this point (a lock file beside the index): two that
        opened an index of an older schema at once wiped it under each other's writes."""
        assert self.path is not None
        lock = self.path.with_name(self.path.name + ".lock")
        with open(lock, "a") as handle:
            try:
                import fcntl
            except ImportError:  # (not POSIX: no lock, as before)
                yield
                return
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _wipe(self, *, force: bool = False) -> None:
        """Empty the index folder (derived data: ``sync`` builds it again from the store),
        open the new index and record its schema, so a process opening it next does not wipe
        it again; not when another process has done so meanwhile (unless ``force``: the
        files do not match the schema). A folder that cannot be emptied is a ``StoreError``
        saying so (the store itself is never touched)."""
        assert self.path is not None
        try:
            with self._exclusive():
                saved = self._saved_state()
                if not force and _current(saved):
                    try:  # (rebuilt by another process while this one waited)
                        self.index = tantivy.Index(self.schema, path=str(self.path),
                                                   reuse=True)
                        self._state = saved
                        return
                    except ValueError:
                        pass
                shutil.rmtree(self.path)
                self.path.mkdir(parents=True, exist_ok=True)
                self.index = tantivy.Index(self.schema, path=str(self.path), reuse=True)
                self._state = _new_state(None)
                self._save_state()  # (last: the index is there when the state says so)
        except OSError as exc:
            raise StoreError(
                f"the search index at {self.path} must be built again (it is new, or was "
                f"written by another version of mljobs), but it cannot be ({exc}); run the "
                "command once with "
                "write access to that folder, or delete the folder (it is rebuilt from the "
                "store, which is untouched)"
            ) from exc

    def _save_state(self) -> None:
        if self.path is None:
            return
        tmp = self.path / "state.json.tmp"
        tmp.write_text(json.dumps(self._state))
        os.replace(tmp, self.path / "state.json")

    def close(self) -> None:
        """Nothing to release: writers are closed after each write."""

    # -- writing --------------------------------------------------------------------

    def _writer(self, work: str = "indexing postings", wait: float = 0.0,
                on_wait: Callable[[str], None] | None = None) -> tantivy.IndexWriter:
        """The index's writer, its ``work`` recorded beside the index (``_writer_file``) for
        a process that finds it taken. While another process holds it, try again for ``wait``
        seconds, ``on_wait`` told once who holds it and for how long this one waits.

        Raises:
            IndexBusyError: another process holds the writer still; it names that process
                and its work."""
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                writer = self.index.writer(WRITER_HEAP, 1)
            except ValueError as exc:
                if "LockBusy" not in str(exc):
                    # (any other failure, a folder removed or damaged, was said to be "being
                    # written by another mljobs process", and waited for)
                    raise StoreError(f"the search index at {self.path} cannot be written "
                                     f"({exc}); run `mljobs reindex` to build it again") from exc
                if time.monotonic() >= deadline:
                    raise IndexBusyError(self.path, str(exc), holder=self._holder(),
                                         waited=wait) from exc
                if on_wait is not None and not told:
                    told = True
                    on_wait(f"waiting for another mljobs process that writes the search index "
                            f"at {self.path} ({self._holder() or 'its work not recorded'}), up "
                            f"to {wait:.0f} s; Ctrl-C stops")
                time.sleep(_WAIT_STEP_S)
                continue
            writer_record.record(self.path, work)
            return writer

    def _writer_file(self) -> Path | None:
        """Where the process holding the writer says who it is and what it does (beside the
        index, as its ``.lock``; None in memory)."""
        return writer_record.record_path(self.path)

    def _done_writing(self) -> None:
        """Drop this process's record of the writer (another's is left)."""
        writer_record.drop(self.path)

    def _holder(self) -> str | None:
        """Who holds the writer, as its record says (None: no record, or one of a process
        that has ended)."""
        return writer_record.holder(self.path)

    def add(self, postings: Iterable[Posting]) -> int:
        """Index or re-index postings (an existing doc with the same id is replaced)."""
        writer = self._writer()
        try:
            count = 0
            for posting in postings:
                _delete_by_id(writer, posting.id)
                writer.add_document(to_document(posting))
                count += 1
            writer.commit()
            writer.wait_merging_threads()
        finally:
            self._done_writing()
        self.index.reload()
        return count

    def sync(self, store: SQLiteStore, *, anew: bool = False,
             on_build: Callable[[int], None] | None = None,
             on_wait: Callable[[str], None] | None = None, wait: bool = True) -> int:
        """Re-index postings changed in the store since the last sync, and drop those
        removed from it since (``SQLiteStore.removed_rev``); ``anew``: every posting, the
        index emptied first in the same commit (``rebuild``). ``on_build``: told how many
        postings a whole build indexes (a new index, another schema, another store) before
        it starts, once it holds the writer. A whole build waits up to WRITER_WAIT_S for
        another process that writes the index, ``on_wait`` told so (``_writer``); with
        ``wait`` False it does not, as an incremental sync (a server's request)."""
        store_id = store.store_id
        if not anew and self._state.get("store_id") not in (None, store_id):
            return self.sync(store, anew=True, on_build=on_build, on_wait=on_wait, wait=wait)
        since = 0 if anew else int(self._state.get("rev", 0))
        if not anew and store.max_rev() <= since and self._state.get("store_id") == store_id:
            return 0
        if since:
            writer = self._writer("indexing the store's latest changes")
        else:
            writer = self._writer(f"{'rebuilding' if anew else 'building'} the whole index "
                                  f"({store.count():,} postings)", WRITER_WAIT_S if wait else 0.0,
                                  on_wait)
        try:
            return self._sync_with(writer, store, anew=anew, since=since, on_build=on_build)
        except BaseException:
            # (let go of the writer now: the error's frames hold it, and the index's lock with
            # it, as long as the error lives; a server that answers a request with it would say
            # "another process is writing the index" at each request after)
            with suppress(ValueError, OSError):  # (the error raised is the one to tell)
                writer.rollback()
                writer.wait_merging_threads()
            raise
        finally:
            self._done_writing()

    def _sync_with(self, writer: tantivy.IndexWriter, store: SQLiteStore, *, anew: bool,
                   since: int, on_build: Callable[[int], None] | None) -> int:
        """``sync``'s work once it holds ``writer``."""
        store_id = store.store_id
        if anew:
            writer.delete_all_documents()
        # what another process indexed since this one read the state (it holds the writer
        # until its state is saved): indexed again from rev 0, every posting was in twice
        saved = self._saved_state() if self.path is not None and not anew else {}
        if (_current(saved) and saved.get("store_id") == store_id
                and int(saved.get("rev", 0)) > since):
            self._state = saved
            since = int(saved["rev"])
            self.index.reload()
        if since == 0 and on_build is not None and (total := store.count()):
            on_build(total)
        count = 0
        last = since
        removed = store.removed_rev()  # (read first: what is written later is read below)
        if removed > since > 0:  # (a posting indexed before may be gone)
            for gone in self._gone(store):
                _delete_by_id(writer, gone)
                count += 1
        for rev, posting in store.iter_postings(after_rev=since):
            if since:
                _delete_by_id(writer, posting.id)
            writer.add_document(to_document(posting))
            last = rev
            count += 1
        writer.commit()
        # (the state saved while this process still holds the writer: the next to take it
        # reads what is indexed; past the removal too: it is done, not looked for again)
        self._state.update(_new_state(store_id), rev=max(last, removed))
        self._save_state()
        writer.wait_merging_threads()
        self.index.reload()
        return count

    def _gone(self, store: SQLiteStore) -> list[str]:
        """The ids the index holds that the store does not (removed from it)."""
        self.index.reload()  # (what another process indexed meanwhile too)
        searcher = self.index.searcher()
        ids: list[str] = []
        total = searcher.num_docs
        for start in range(0, total, 10_000):  # (each document's stored id, a page at a time)
            found = searcher.search(tantivy.Query.all_query(), limit=10_000, offset=start)
            ids += [str(searcher.doc(addr).get_first("id")) for _, addr in found.hits]
        kept = store.present(ids)
        return [pid for pid in dict.fromkeys(ids) if pid not in kept]

    def rebuild(self, store: SQLiteStore, *, on_wait: Callable[[str], None] | None = None
                ) -> int:
        """Drop the index and build it again from the whole store, in one commit: stopped
        part way (Ctrl-C, SIGTERM), the index is left whole as it was. (The emptied index
        was committed first and the state saved at revision 0: a server reading the index
        answered 0 postings while `mljobs reindex` ran, and went on doing so after a
        stopped one, its state telling it the index was current.) ``on_wait``: as
        ``sync``'s."""
        return self.sync(store, anew=True, on_wait=on_wait)

    # -- searching ------------------------------------------------------------------

    def _term_query(self, term: Term, searcher: tantivy.Searcher | None = None) -> tantivy.Query:
        """``term`` as a query of its field (or the text fields); a prefix scored by its words
        with ``searcher`` (``_prefix_query``), else each match alike (what excludes)."""
        fields = [term.field] if term.field else list(TEXT_FIELDS)
        if term.prefix:
            # the indexed words that start with the prefix as typed (lower case, accents
            # folded), and the prefix's own stem, the word typed ("engineer*" finds what
            # "engineer" does, "engin"); not every word that starts with its stem: "aws" is
            # "aw" to the stemmer, and "aw.*" found "award" and "away"
            word = index_form(term.words[0])
            typed = "".join(FOLD_ANALYZER.analyze(word))
            alts = [tantivy.Query.boost_query(
                self._prefix_query(name, typed, stem(word), searcher), FIELD_BOOSTS[name])
                for name in fields]
            return alts[0] if len(alts) == 1 else tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, q) for q in alts])
        text = index_form(" ".join(term.words)).replace("\\", " ").replace('"', " ")
        return self.index.parse_query(
            f'"{text}"', default_field_names=fields,
            field_boosts={name: FIELD_BOOSTS[name] for name in fields}
        )

    def _prefix_query(self, name: str, typed: str, stemmed: str,
                      searcher: tantivy.Searcher | None) -> tantivy.Query:
        """The words of field ``name`` that start with ``typed``, and ``stemmed``. A regular
        expression matches them, each posting alike (its score is a constant), so ``pytorch*``
        listed the postings that say it once as high as those that say it most, where FTS5
        ranks them by bm25. With ``searcher``, the words are read from the term dictionary and
        each is a term query (bm25), OR'd: at most PREFIX_TERMS, the most frequent; past them
        the regular expression still matches the rest, at a score of 0."""
        pattern = "|".join(dict.fromkeys(
            [*([re.escape(typed) + ".*"] if typed else []), re.escape(stemmed)]))
        regex = tantivy.Query.regex_query(self.schema, name, pattern)
        if searcher is None or not typed:
            return regex
        words = [str(w) for w, _ in searcher.terms_with_prefix(name, typed, limit=PREFIX_TERMS + 1)]
        scored = [tantivy.Query.term_query(self.schema, name, w, index_option="freq")
                  for w in dict.fromkeys([*words[:PREFIX_TERMS], stemmed])]
        if len(words) > PREFIX_TERMS:  # (the rest: matched, not scored)
            scored.append(tantivy.Query.const_score_query(regex, 0.0))
        return scored[0] if len(scored) == 1 else tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, q) for q in scored])

    def _text_query(self, parsed: ParsedQuery,
                    searcher: tantivy.Searcher | None = None) -> tantivy.Query | None:
        must: list[tuple[tantivy.Occur, tantivy.Query]] = []
        if parsed.finds_nothing():  # (a word too long to be indexed: ``query.findable``)
            return tantivy.Query.boolean_query([(tantivy.Occur.Must, tantivy.Query.all_query()),
                                                (tantivy.Occur.MustNot, tantivy.Query.all_query())])
        for clause in parsed.positive:
            alts = [self._term_query(t, searcher) for t in clause.terms if findable(t)]
            query = alts[0] if len(alts) == 1 else tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, q) for q in alts]
            )
            must.append((tantivy.Occur.Must, query))
        for clause in parsed.negative:
            for term in filter(findable, clause.terms):
                must.append((tantivy.Occur.MustNot, self._term_query(term)))
        if not must:
            return None
        if all(occur == tantivy.Occur.MustNot for occur, _ in must):
            must.append((tantivy.Occur.Must, tantivy.Query.all_query()))
        # words typed together rank first where they stand together: "recommender systems"
        # put "Data Modeler (Analytical Systems)" (systems in the title, recommender far
        # down the text) above the postings that say "recommender systems"
        words = parsed.plain_words(alone=True)
        if PHRASE_BOOST and len(words) >= 2 and len(words) == len(parsed.positive):
            must.append((tantivy.Occur.Should, tantivy.Query.boost_query(
                self._term_query(Term(tuple(words))), PHRASE_BOOST)))
        return tantivy.Query.boolean_query(must)

    def _keyword_query(self, name: str, values: list[str]) -> tantivy.Query:
        if len(values) == 1:
            return tantivy.Query.term_query(self.schema, name, values[0])
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(self.schema, name, v))
             for v in values]
        )

    def _filter_queries(self, q: SearchQuery) -> list[tuple[tantivy.Occur, tantivy.Query]]:
        """Filters as (occur, query) clauses.

        Exclusions of the rare case (duplicates, closed postings) are MustNot
        clauses on short posting lists, so they cost little even at 1M postings.
        """
        must, must_not = tantivy.Occur.Must, tantivy.Occur.MustNot
        out: list[tuple[tantivy.Occur, tantivy.Query]] = []
        for name, values in q.filters.items():
            values = list(dict.fromkeys(v.lower() if name == "company" else v
                                        for v in values if v))
            if values:
                out.append((must, self._keyword_query(name, values)))
        if q.posted_since is not None:
            since = q.posted_since
            if since.tzinfo is None:
                since = since.replace(tzinfo=UTC)
            out.append((must, tantivy.Query.range_query(
                self.schema, "posted_ts", tantivy.FieldType.Integer,
                int(since.timestamp()), 2**62,
            )))
        if q.salary_min is not None:
            out.append((must, tantivy.Query.range_query(
                self.schema, "salary_max", tantivy.FieldType.Float, float(q.salary_min), 1e12,
            )))
        if not q.include_duplicates:
            out.append((must_not, tantivy.Query.term_query(self.schema, "canonical", False)))
        if not q.include_closed:
            out.append((must_not, tantivy.Query.term_query(self.schema, "status", "closed")))
        return out

    def search(self, query: SearchQuery) -> SearchResult:
        """Run a query: BM25 over title (x3), company (x2) and description."""
        query.validate()
        parsed = parse_query(query.text)
        searcher = self.index.searcher()
        text_q = self._text_query(parsed, searcher)
        parts = [(tantivy.Occur.Must, text_q)] if text_q is not None else []
        parts += self._filter_queries(query)
        if not parts:
            final = tantivy.Query.all_query()
        elif len(parts) == 1 and text_q is not None:
            final = text_q
        else:
            if not any(occur == tantivy.Occur.Must for occur, _ in parts):
                parts.append((tantivy.Occur.Must, tantivy.Query.all_query()))
            final = tantivy.Query.boolean_query(parts)
        by_date = query.sort == "date" or text_q is None
        try:
            result = searcher.search(
                final,
                limit=query.limit,
                offset=query.offset,
                count=True,
                order_by_field="posted_ts" if by_date else None,
            )
        except ValueError as exc:
            raise QueryError(f"the search engine rejected the query: {exc}") from exc
        hits = self._hits(searcher, result.hits, parsed, by_date)
        facets = self._facets(searcher, final, query) if query.facets else {}
        return SearchResult(total=int(getattr(result, "count", 0) or 0), hits=hits, facets=facets,
                            engine=self.name)

    def _hits(
        self,
        searcher: tantivy.Searcher,
        raw: list[tuple[Any, Any]],
        parsed: ParsedQuery,
        by_date: bool,
    ) -> list[Hit]:
        # a phrase ("machine learning", a/b, c/c++) is marked where its words stand
        # together; every other word where it stands
        phrases = tuple(dict.fromkeys(t.words for c in parsed.positive for t in c.terms
                                      if t.is_phrase))
        words = parsed.plain_words()
        # a prefix ("py*") of no field is marked in the words of the text that start with it
        # (the snippet is the description's: a ``title:``/``company:`` prefix is not in it)
        starts = [re.compile(rf"(?<![^\W_]){re.escape(t.words[0])}[^\W_]*", re.IGNORECASE)
                  for c in parsed.positive for t in c.terms if t.prefix and t.field is None]
        hits = []
        for key, addr in raw:
            doc = searcher.doc(addr)
            posted_at, first_seen = key_dates(int(doc.get_first("posted_ts") or 0))
            text = display_form(doc.get_first("description") or "")
            found = list(dict.fromkeys(m.group(0).lower() for start in starts
                                       for m in itertools.islice(start.finditer(text), 50)))
            hits.append(
                Hit(
                    id=str(doc.get_first("id")),
                    score=0.0 if by_date else float(key),
                    title=display_form(str(doc.get_first("title") or "")),
                    company=display_form(doc.get_first("company_text") or "") or None,
                    snippet_html=make_snippet(text, [*words, *found], SNIPPET_CHARS, stem,
                                              phrases),
                    posted_at=posted_at,
                    fields={name: [str(v) for v in doc.get_all(name)] for name in HIT_FIELDS},
                    first_seen=first_seen,
                )
            )
        return hits

    def _facets(
        self, searcher: tantivy.Searcher, final: tantivy.Query, q: SearchQuery
    ) -> dict[str, list[tuple[str, int]]]:
        spec = {name: {"terms": {"field": name, "size": q.facet_size}} for name in q.facets}
        try:
            raw = searcher.aggregate(final, spec)
        except ValueError as exc:
            raise QueryError(f"facet counting failed: {exc}") from exc
        return {
            name: [(str(b["key"]), int(b["doc_count"])) for b in raw.get(name, {}).get("buckets", [])]
            for name in q.facets
        }
