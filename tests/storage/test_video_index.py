"""The clip index: clips per order, finishing, removal, and claims."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from packstation.storage.local_store import open_local_store

T0 = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)


def test_clips_and_claims_survive_a_reopen(tmp_path: Path) -> None:
    store = open_local_store(tmp_path, clock=lambda: T0)
    first = store.clips.add(51, "video/51/a.mp4", T0)
    second = store.clips.add(51, "video/51/b.mp4", T0 + timedelta(hours=1))
    store.clips.add(52, "video/52/a.mp4", T0)
    store.clips.finish(first, T0 + timedelta(minutes=3), 123456, 1800)
    store.clips.finish(second, T0 + timedelta(hours=1, minutes=1), 999, 40, "disk full")
    store.clips.open_claim(51, "нет второй кружки")
    store.clips.open_claim(52)
    store.clips.close_claim(52)
    store.close()

    store = open_local_store(tmp_path, clock=lambda: T0)
    clips = store.clips.clips_of(51)
    assert [(c.path, c.size_bytes, c.frames, c.note) for c in clips] == [
        ("video/51/a.mp4", 123456, 1800, ""),
        ("video/51/b.mp4", 999, 40, "disk full"),
    ]
    assert clips[0].ended_at == T0 + timedelta(minutes=3)
    assert store.clips.open_claims() == {51}
    store.clips.remove(first)
    assert [(c.order_id, c.id) for c in store.clips.all_clips()] == [(52, 3), (51, second)]
    store.close()


def test_a_clip_is_indexed_and_finished_with_quick_commits(tmp_path: Path) -> None:
    """Each order opened and closed with the camera on indexes a clip in the GUI thread: a quick
    commit, like a scan's (a durable one would wait for an fsync in that thread)."""
    store = open_local_store(tmp_path, clock=lambda: T0)
    try:
        before = store.database.durable_syncs
        statements: list[str] = []
        with store.database.reading() as conn:
            conn.set_trace_callback(statements.append)
        clip = store.clips.add(51, "video/51/a.mp4", T0)
        store.clips.finish(clip, T0 + timedelta(minutes=3), 123456, 1800)
        assert store.database.durable_syncs == before
        assert statements.count("BEGIN IMMEDIATE") == 2
    finally:
        store.close()
