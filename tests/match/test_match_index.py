"""The index arrays, their disk cache beside the store, and invalidation on change."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from mljobs.importer import import_file
from mljobs.match import rank
from mljobs.match_index import MatchIndex, index_for_store
from mljobs.pipeline import default_enricher
from mljobs.profile import Profile
from mljobs.store import SQLiteStore

from .conftest import NOW


def test_term_vectors_are_unit_length_and_capped(index: MatchIndex) -> None:
    norms = np.bincount(index.term_owner, weights=index.term_weight ** 2)
    assert np.allclose(norms, 1.0, atol=1e-4)
    assert np.bincount(index.term_owner).max() <= 120


def test_row_skills(index: MatchIndex) -> None:
    row = index.ids.index("t-mlops")
    required, nice = index.row_skills(row)
    assert {"Terraform", "Kubernetes"} <= set(required)
    assert not set(required) & set(nice)


def test_save_and_load_round_trip(index: MatchIndex, tmp_path: Path) -> None:
    path = tmp_path / "i.npz"
    index.save(path, "k1")
    loaded = MatchIndex.load(path, "k1")
    assert loaded is not None and loaded.ids == index.ids and loaded.skills == index.skills
    assert np.array_equal(loaded.term_weight, index.term_weight)
    assert loaded.postings is None
    assert MatchIndex.load(path, "k2") is None  # stale key
    (tmp_path / "junk.npz").write_bytes(b"not an npz")
    assert MatchIndex.load(tmp_path / "junk.npz", "k1") is None


def test_store_index_is_cached_on_disk_and_rebuilt_on_change(
    tmp_path: Path, pool_path: Path, profile: Profile
) -> None:
    db = tmp_path / "s.sqlite3"
    store = SQLiteStore(db)
    import_file(store, pool_path, now=NOW, enricher=default_enricher())
    first = index_for_store(store)
    cache = Path(str(db) + ".match.npz")
    assert cache.exists() and len(first) == 7
    store.close()

    store = SQLiteStore(db)  # a new connection reads the same cache
    again = index_for_store(store, use_disk=True)
    top = rank(profile, again, limit=1)[0]
    assert top.id == "file:t-ds-analytics" and top.posting.title.startswith("Data Scientist")

    extra = tmp_path / "more.jsonl"
    extra.write_text('{"id": "t-new", "title": "Data Analyst", "text": "SQL and Tableau '
                     'dashboards for stakeholders."}\n', encoding="utf-8")
    import_file(store, extra, now=NOW, enricher=default_enricher())
    assert len(index_for_store(store)) == 8
    store.close()


def test_take_and_extend_keep_rows_consistent(index: MatchIndex, profile: Profile) -> None:
    keep = np.array([pid != "t-mlops" for pid in index.ids])
    smaller = index.take(keep)
    assert "t-mlops" not in smaller.ids and len(smaller) == len(index) - 1
    row = smaller.ids.index("t-research")
    assert smaller.row_skills(row) == index.row_skills(index.ids.index("t-research"))
    back = smaller.extend(index.take(~keep))
    assert sorted(back.ids) == sorted(index.ids)
    assert np.array_equal(np.sort(back.skill_df), np.sort(index.skill_df))
    assert back.row_skills(back.ids.index("t-mlops")) == index.row_skills(index.ids.index("t-mlops"))
    order = [m.id for m in rank(profile, back, limit=10)]
    assert order == [m.id for m in rank(profile, index, limit=10)]


def test_store_cache_is_updated_with_changed_postings_only(
    tmp_path: Path, pool_path: Path, profile: Profile
) -> None:
    db = tmp_path / "u.sqlite3"
    store = SQLiteStore(db)
    import_file(store, pool_path, now=NOW, enricher=default_enricher())
    before = index_for_store(store)
    store.close_missing("file", [pid for pid in before.ids if pid != "file:t-ds-analytics"],
                        scope=None, now=NOW)
    store.close()
    store = SQLiteStore(db)
    after = index_for_store(store)  # read from disk, then brought up to date
    assert "file:t-ds-analytics" not in after.ids and len(after) == len(before) - 1
    assert rank(profile, after, limit=1)[0].id != "file:t-ds-analytics"
    store.close()


def test_store_cache_drops_a_removed_posting(tmp_path: Path, pool_path: Path) -> None:
    """A posting removed from the store (a post now stored as its roles:
    ``SQLiteStore.replace_split``) leaves the cached index when it is brought up to date, as
    few postings changed (``SQLiteStore.removed_rev``); before, the cache kept it."""
    store = SQLiteStore(tmp_path / "r.sqlite3")
    import_file(store, pool_path, now=NOW, enricher=default_enricher())
    before = index_for_store(store)
    gone = before.ids[0]
    store.replace_split(gone, [])
    after = index_for_store(store)
    assert gone not in after.ids and len(after) == len(before) - 1
    assert sorted(after.ids) == sorted(pid for pid in before.ids if pid != gone)
    store.close()
