"""The packing journal: durable ordered actions, epochs, in-progress orders, retention."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from packstation.catalogue import russian
from packstation.domain.errors import StorageError
from packstation.services.ports import JournalEntry, JournalPort
from packstation.storage.codec import to_text
from packstation.storage.config import StorageSettings
from packstation.storage.database import DB_FILE_NAME
from packstation.storage.local_store import LocalStore, open_local_store
from tests.storage.helpers import FakeClock


def test_is_a_journal_port(store: LocalStore) -> None:
    port: JournalPort = store.journal
    assert port.orders_in_progress() == []


def test_append_returns_increasing_seq_and_entries_round_trip(store: LocalStore) -> None:
    first = store.journal.append(11, {"kind": "new_box"})
    second = store.journal.append(22, {"kind": "put", "line": 5, "box": 0, "units": 2})
    third = store.journal.append(11, {"kind": "code", "value": "абв\x1dgs", "ok": True, "n": None})
    assert first < second < third
    assert store.journal.entries(11) == [
        JournalEntry(first, 11, {"kind": "new_box"}),
        JournalEntry(third, 11, {"kind": "code", "value": "абв\x1dgs", "ok": True, "n": None}),
    ]
    assert store.journal.entries(33) == []


def test_entries_survive_reopening_without_clean_close(tmp_path: Path, clock: FakeClock) -> None:
    first = open_local_store(tmp_path, clock=clock)
    seq = first.journal.append(5, {"kind": "put", "line": 1})
    # No close(): the connection is simply abandoned, as in a crash.
    second = open_local_store(tmp_path, clock=clock)
    assert second.journal.entries(5) == [JournalEntry(seq, 5, {"kind": "put", "line": 1})]
    assert second.journal.orders_in_progress() == [5]
    second.close()
    first.close()


def test_not_json_action_is_refused_and_nothing_is_stored(store: LocalStore) -> None:
    with pytest.raises(StorageError) as caught:
        store.journal.append(1, {"kind": "put", "when": object()})
    assert "packing action" in caught.value.en
    assert "действие" in russian(caught.value.text)
    with pytest.raises(StorageError):
        store.journal.append(1, {"kind": "put", "weight": float("nan")})
    assert store.journal.entries(1) == []
    assert store.journal.orders_in_progress() == []


def test_orders_in_progress_in_start_order_and_finish(store: LocalStore, clock: FakeClock) -> None:
    store.journal.append(30, {"kind": "new_box"})
    clock.advance(seconds=1)
    store.journal.append(10, {"kind": "new_box"})
    clock.advance(seconds=1)
    store.journal.append(20, {"kind": "new_box"})
    assert store.journal.orders_in_progress() == [30, 10, 20]
    store.journal.finish(10)
    store.journal.finish(10)  # idempotent
    store.journal.finish(999)  # unknown orders are fine
    assert store.journal.orders_in_progress() == [30, 20]
    assert store.journal.is_finished(10)
    assert not store.journal.is_finished(30)
    assert not store.journal.is_finished(999)


def test_the_in_progress_version_changes_whenever_the_orders_in_progress_may_have(store: LocalStore) -> None:
    """The order list asks the journal again only when this changed (issue 19)."""
    journal = store.journal
    versions = [journal.in_progress_version]

    def same() -> bool:
        versions.append(journal.in_progress_version)
        return versions[-1] == versions[-2]

    journal.append(1, {"kind": "put"})
    assert not same()  # an order's work opened
    journal.append(1, {"kind": "put"})
    assert same()  # a scan more: the same orders in progress
    def first_line_then_failure() -> None:
        with journal.atomic():
            journal.append(2, {"kind": "put"})
            raise RuntimeError("the code index failed")

    with pytest.raises(RuntimeError):
        first_line_then_failure()
    assert not same()  # rolled back: what opened is gone again
    assert journal.orders_in_progress() == [1]
    journal.finish(1)
    assert not same()
    assert journal.orders_in_progress() == []


def test_reopened_order_restores_only_its_new_work(store: LocalStore) -> None:
    store.journal.append(7, {"kind": "put", "n": 1})
    store.journal.finish(7)
    assert len(store.journal.entries(7)) == 1  # the finished work is still readable
    seq = store.journal.append(7, {"kind": "put", "n": 2})
    assert store.journal.entries(7) == [JournalEntry(seq, 7, {"kind": "put", "n": 2})]
    assert store.journal.orders_in_progress() == [7]


def _work(tmp_path: Path, order_id: int) -> tuple[str, int, str, str, str | None]:
    with sqlite3.connect(tmp_path / DB_FILE_NAME) as conn:
        row = conn.execute(
            "SELECT state, epoch, started_at, updated_at, finished_at FROM order_work WHERE order_id = ?",
            (order_id,),
        ).fetchone()
    assert row is not None
    state, epoch, started, updated, finished = row
    return state, epoch, started, updated, finished


def test_a_first_line_opens_the_epoch_a_reopened_order_a_new_one(
    store: LocalStore, tmp_path: Path, clock: FakeClock
) -> None:
    start = to_text(clock())
    store.journal.append(5, {"kind": "put"})
    assert _work(tmp_path, 5) == ("in_progress", 1, start, start, None)
    clock.advance(minutes=5)
    store.journal.finish(5)
    clock.advance(minutes=5)
    again = to_text(clock())
    seq = store.journal.append(5, {"kind": "put", "n": 2})
    assert _work(tmp_path, 5) == ("in_progress", 2, again, again, None)
    assert store.journal.entries(5) == [JournalEntry(seq, 5, {"kind": "put", "n": 2})]


def test_a_restored_order_keeps_its_epoch_and_start(tmp_path: Path, clock: FakeClock) -> None:
    first = open_local_store(tmp_path, clock=clock)
    start = to_text(clock())
    old = first.journal.append(8, {"kind": "put", "n": 1})
    first.close()
    clock.advance(minutes=5)
    second = open_local_store(tmp_path, clock=clock)
    try:
        new = second.journal.append(8, {"kind": "put", "n": 2})  # its first line since the start
        assert _work(tmp_path, 8) == ("in_progress", 1, start, to_text(clock()), None)
        assert [e.seq for e in second.journal.entries(8)] == [old, new]
    finally:
        second.close()


def test_a_line_after_a_rolled_back_first_line_opens_the_epoch_again(store: LocalStore) -> None:
    def first_line_then_failure() -> None:
        with store.journal.atomic():
            store.journal.append(6, {"kind": "put", "n": 1})
            raise RuntimeError("the code index failed")

    with pytest.raises(RuntimeError):
        first_line_then_failure()
    assert store.journal.orders_in_progress() == []
    seq = store.journal.append(6, {"kind": "put", "n": 2})
    assert store.journal.entries(6) == [JournalEntry(seq, 6, {"kind": "put", "n": 2})]


def test_in_progress_entries_reads_everything_at_once(store: LocalStore) -> None:
    a1 = store.journal.append(1, {"kind": "a"})
    b1 = store.journal.append(2, {"kind": "b"})
    a2 = store.journal.append(1, {"kind": "c"})
    store.journal.append(3, {"kind": "d"})
    store.journal.finish(3)
    assert store.journal.in_progress_entries() == {
        1: [JournalEntry(a1, 1, {"kind": "a"}), JournalEntry(a2, 1, {"kind": "c"})],
        2: [JournalEntry(b1, 2, {"kind": "b"})],
    }


def test_kind_column_is_filled_for_support_queries(store: LocalStore, tmp_path: Path) -> None:
    store.journal.append(1, {"kind": "split", "parts": 3})
    store.journal.append(1, {"no_kind": True})
    conn = sqlite3.connect(tmp_path / DB_FILE_NAME)
    try:
        assert [k for (k,) in conn.execute("SELECT kind FROM journal ORDER BY seq")] == ["split", ""]
    finally:
        conn.close()


def test_compaction_after_retention_keeps_open_work_pending_intents_and_audit(
    tmp_path: Path, clock: FakeClock
) -> None:
    store = open_local_store(tmp_path, clock=clock)
    store.journal.append(1, {"kind": "put"})
    store.journal.finish(1)  # finished 40 days before the reopen below
    old_done = store.outbox.add_intent(1, "status", {"status": "PROCESSING"})
    store.outbox.complete_intent(old_done.id, "sent")
    old_pending = store.outbox.add_intent(1, "status", {"status": "PROCESSING"})
    store.journal.append(2, {"kind": "put"})  # still in progress, as old as order 1
    store.audit.record("submitted", order_id=1)
    clock.advance(days=25)
    store.journal.append(3, {"kind": "put"})
    store.journal.finish(3)  # finished recently: kept
    store.close()

    clock.advance(days=15)
    reopened = open_local_store(tmp_path, StorageSettings(retention_days=30), clock=clock)

    assert reopened.compaction is not None
    assert reopened.compaction.orders == 1
    assert reopened.compaction.journal_rows == 1
    assert reopened.compaction.outbox_rows == 1
    assert reopened.journal.entries(1) == []
    assert not reopened.journal.is_finished(1)
    assert [e.action for e in reopened.journal.entries(2)] == [{"kind": "put"}]
    assert reopened.journal.is_finished(3)
    assert [i.id for i in reopened.outbox.pending_intents()] == [old_pending.id]
    assert [r.action for r in reopened.audit.history(1)] == ["submitted"]
    reopened.close()


def test_compaction_drops_earlier_epochs_of_reopened_orders(store: LocalStore, clock: FakeClock) -> None:
    store.journal.append(4, {"kind": "old"})
    store.journal.finish(4)
    clock.advance(days=40)
    seq = store.journal.append(4, {"kind": "new"})
    result = store.journal.compact(30)
    assert result.journal_rows == 1
    assert store.journal.entries(4) == [JournalEntry(seq, 4, {"kind": "new"})]


def test_compaction_gives_space_back(tmp_path: Path, clock: FakeClock) -> None:
    store = open_local_store(tmp_path, clock=clock)
    for order_id in range(100):
        for n in range(5):
            store.journal.append(order_id, {"kind": "put", "pad": "x" * 2000, "n": n})
        store.journal.finish(order_id)
    store.close()
    grown = (tmp_path / DB_FILE_NAME).stat().st_size
    clock.advance(days=31)
    reopened = open_local_store(tmp_path, StorageSettings(retention_days=30), clock=clock)
    reopened.close()
    assert (tmp_path / DB_FILE_NAME).stat().st_size < grown / 4


def test_write_failure_is_a_storage_error_and_stores_nothing(store: LocalStore) -> None:
    with store.database.transaction() as conn:
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON journal BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
        )
    with pytest.raises(StorageError) as caught:
        store.journal.append(8, {"kind": "put"})
    assert "disk I/O error" in caught.value.en
    assert "не выполнено" in russian(caught.value.text)
    assert store.journal.orders_in_progress() == []


def test_compact_while_running_uses_the_configured_retention(tmp_path: Path, clock: FakeClock) -> None:
    store = open_local_store(tmp_path, StorageSettings(retention_days=7), clock=clock)
    store.journal.append(1, {"kind": "put"})
    store.journal.finish(1)
    clock.advance(days=6)
    first = store.compact()
    assert first is not None
    assert first.orders == 0
    clock.advance(days=2)
    second = store.compact()
    assert second is not None
    assert second.orders == 1
    assert store.journal.entries(1) == []
    store.close()


def test_failed_compaction_never_stops_the_station(store: LocalStore, clock: FakeClock) -> None:
    store.outbox.complete_intent(store.outbox.add_intent(1, "status", {}).id, "sent")
    with store.database.transaction() as conn:
        conn.execute(
            "CREATE TRIGGER refuse BEFORE DELETE ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
    clock.advance(days=400)
    assert store.compact() is None
    assert len(store.outbox.records(1)) == 1  # rolled back as a whole
    store.journal.append(2, {"kind": "put"})  # packing goes on
    assert store.journal.orders_in_progress() == [2]


def _damage(path: Path, seq: int) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE journal SET action = ? WHERE seq = ?", ('{"op": "put", "line": 1, "bo', seq))
    conn.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"  # SQLite sees nothing wrong
    check.close()


def test_an_unreadable_row_is_quarantined_kept_reported_and_the_rest_restored(
    tmp_path: Path, clock: FakeClock
) -> None:
    first = open_local_store(tmp_path, clock=clock)
    one = first.journal.append(7, {"op": "open"})
    two = first.journal.append(7, {"op": "put", "line": 1, "box": None, "units": 1})
    three = first.journal.append(7, {"op": "new_box"})
    first.close()
    _damage(tmp_path / DB_FILE_NAME, two)

    store = open_local_store(tmp_path, clock=clock)
    assert store.journal.entries(7) == [
        JournalEntry(one, 7, {"op": "open"}),
        JournalEntry(three, 7, {"op": "new_box"}),
    ]
    assert store.journal.take_quarantined(7) == [two]
    assert store.journal.take_quarantined(7) == []  # reported once
    assert list(store.journal.in_progress_entries()) == [7]
    (record,) = [r for r in store.audit.history(7) if r.action == "journal_row_quarantined"]
    assert record.detail.startswith(f"#{two}: JSONDecodeError")
    store.close()
    # Kept verbatim for support, never read again.
    conn = sqlite3.connect(tmp_path / DB_FILE_NAME)
    assert conn.execute("SELECT kind, action FROM journal WHERE seq = ?", (two,)).fetchone() == (
        "quarantined", '{"op": "put", "line": 1, "bo'
    )
    conn.close()
    again = open_local_store(tmp_path, clock=clock)
    assert [entry.seq for entry in again.journal.entries(7)] == [one, three]
    assert again.journal.take_quarantined(7) == []
    again.close()
