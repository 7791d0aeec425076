"""A sync that reads a Hacker News post stored as its roles, edited, keeps each role's id: a
role dropped from the post is closed under its own id (not the last one), the others are seen
again unchanged whatever their place, a new role takes a number the post never used, and a
role back in the post opens again under its id (``SQLiteStore.upsert``). Before, roles were
numbered by their place: ``/r1`` took the next role's text and the last role was closed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from mljobs.pipeline import default_enricher
from mljobs.store import SQLiteStore

from .conftest import NOW
from .replay_server import ReplayServer, world_config, world_routes
from .test_sync_roles_left_post import THREAD, _thread
from .test_sync_split_post import _DUTIES, POST_ID, _sync

_HEAD = "Tidewell | Lisbon | Onsite<p>Tidewell builds planning software for container ports.<p>"
_TAIL = "<p>Apply: jobs@tidewell.example with your GitHub."
BACKEND = "Backend Engineer<p>" + _DUTIES * 2
ML = ("Machine Learning Engineer<p>"
      + "You will train berth-time forecasting models in PyTorch and ship them. " * 4)
DATA = ("Data Engineer<p>"
        + "You will build the pipelines that feed crane telemetry into our warehouse. " * 3)
SCIENCE = ("Data Scientist<p>" + "You will study which berths run late and tell the ports why, "
           "in SQL and Python. " * 3)


def _post(*blocks: str) -> str:
    return _HEAD + "<p>".join(blocks) + _TAIL


def _roles(store: SQLiteStore) -> dict[str, tuple[str, str, list[str]]]:
    return {p.id.removeprefix(POST_ID): (p.title, p.status.value,
                                         [c.kind for c in store.changes(p.id)])
            for _, p in store.iter_postings() if p.id.startswith(f"{POST_ID}/")}


def test_a_sync_keeps_the_ids_of_an_edited_posts_roles(tmp_path: Path) -> None:
    enricher = default_enricher()
    edited, back = NOW + timedelta(days=2), NOW + timedelta(days=4)
    three = {"/r1": ("Backend Engineer", "open", ["created"]),
             "/r2": ("Machine Learning Engineer", "open", ["created"]),
             "/r3": ("Data Engineer", "open", ["created"])}
    with ReplayServer({**world_routes(), THREAD: _thread(_post(BACKEND, ML, DATA))}) as server:
        config = tmp_path / "sources.toml"
        config.write_text(world_config(server.url), encoding="utf-8")
        with SQLiteStore(tmp_path / "s.sqlite3") as store:
            _sync(store, config, enricher)
            assert _roles(store) == three
            # (the first role dropped, a new one added, the others moved)
            server.routes[THREAD] = _thread(_post(DATA, SCIENCE, ML))
            report = _sync(store, config, enricher, now=edited).sources[0]
            assert report.closed == 1
            assert _roles(store) == {
                **three, "/r1": ("Backend Engineer", "closed", ["created", "closed"]),
                "/r4": ("Data Scientist", "open", ["created"])}
            gone = store.get(f"{POST_ID}/r1")
            kept = store.get(f"{POST_ID}/r2")
            assert gone is not None and kept is not None
            assert (gone.closed_at, gone.last_seen) == (edited, NOW)
            assert (kept.first_seen, kept.last_seen) == (NOW, edited)  # (seen again)
            server.routes[THREAD] = _thread(_post(BACKEND, ML, DATA))  # (as it was)
            report = _sync(store, config, enricher, now=back).sources[0]
            assert report.closed == 1
            assert _roles(store) == {
                **three, "/r1": ("Backend Engineer", "open", ["created", "closed", "reopened"]),
                "/r4": ("Data Scientist", "closed", ["created", "closed"])}


def test_a_post_edited_so_the_ml_filter_drops_it_is_still_followed(tmp_path: Path) -> None:
    """The post no longer names ML work (its Machine Learning role is gone): the ML filter
    would leave it out, but the store holds it, so the sync stores its new reading and closes
    the role no longer in it. Before, the filter dropped it and its roles all stayed open, the
    Machine Learning one too. A post the store does not hold is still left out."""
    enricher = default_enricher()
    edited = NOW + timedelta(days=2)
    with ReplayServer({**world_routes(), THREAD: _thread(_post(BACKEND, ML, DATA))}) as server:
        config = tmp_path / "sources.toml"
        config.write_text(world_config(server.url), encoding="utf-8")
        with SQLiteStore(tmp_path / "s.sqlite3") as store:
            filtered = _sync(store, config, enricher).sources[0].filtered
            server.routes[THREAD] = _thread(_post(BACKEND, DATA))
            report = _sync(store, config, enricher, now=edited).sources[0]
            assert (report.closed, report.filtered) == (1, filtered)
            assert _roles(store) == {
                "/r1": ("Backend Engineer", "open", ["created"]),
                "/r2": ("Machine Learning Engineer", "closed", ["created", "closed"]),
                "/r3": ("Data Engineer", "open", ["created"])}


def test_a_sync_of_an_edited_thread_moves_the_unchanged_postings_raw_ref(tmp_path: Path) -> None:
    """Each posting a sync reads unchanged names the thread page it read it from this time
    (``raw_ref``), with no new history entry; the role that left the post names the page it
    was last in. Before, the unchanged roles kept naming the first page."""
    enricher = default_enricher()
    with ReplayServer({**world_routes(), THREAD: _thread(_post(BACKEND, ML, DATA))}) as server:
        config = tmp_path / "sources.toml"
        config.write_text(world_config(server.url), encoding="utf-8")
        with SQLiteStore(tmp_path / "s.sqlite3") as store:
            _sync(store, config, enricher)
            ids = [pid for (pid,) in store.conn.execute("SELECT id FROM postings")]
            first = {pid: getattr(store.get(pid), "raw_ref", None) for pid in ids}
            server.routes[THREAD] = _thread(_post(BACKEND, ML, SCIENCE))
            _sync(store, config, enricher, now=NOW + timedelta(days=2))
            refs = {pid: getattr(store.get(pid), "raw_ref", None)
                    for (pid,) in store.conn.execute("SELECT id FROM postings")}
            columns = dict(store.conn.execute("SELECT id, raw_ref FROM postings").fetchall())
            assert refs == columns
            page = refs[f"{POST_ID}/r4"]  # (the Data Scientist role: new)
            assert page != first[f"{POST_ID}/r1"]
            assert refs[f"{POST_ID}/r1"] == refs[f"{POST_ID}/r2"] == page
            assert refs[f"{POST_ID}/r3"] == first[f"{POST_ID}/r3"]
            assert _roles(store)["/r2"] == ("Machine Learning Engineer", "open", ["created"])
