"""A scan's journal line in one statement (issue 19): the order's open epoch is read from the
database with the line itself, and its `updated_at` is written at most every `TOUCH_EVERY`."""

from __future__ import annotations

import pytest

from packstation.domain.errors import StorageError
from packstation.services.ports import JournalEntry
from packstation.storage.journal import TOUCH_EVERY
from packstation.storage.local_store import LocalStore
from tests.storage.helpers import FakeClock


def _work(store: LocalStore, order_id: int) -> tuple[str, int, str, str]:
    with store.database.reading() as conn:
        row = conn.execute(
            "SELECT state, epoch, started_at, updated_at FROM order_work WHERE order_id = ?", (order_id,)
        ).fetchone()
    return row[0], row[1], row[2], row[3]


def _statements(store: LocalStore, order_id: int, action: dict[str, object]) -> list[str]:
    statements: list[str] = []
    with store.database.reading() as conn:
        conn.set_trace_callback(statements.append)
    try:
        store.journal.append(order_id, action)
    finally:
        with store.database.reading() as conn:
            conn.set_trace_callback(None)
    return statements


def _append_then_fail(store: LocalStore, order_id: int) -> None:
    """A line, then the code index fails in the same transaction."""
    with store.journal.atomic():
        store.journal.append(order_id, {"op": "new_box"})
        raise RuntimeError("the code index failed")


def test_a_line_of_an_order_in_progress_costs_three_statements(store: LocalStore, clock: FakeClock) -> None:
    store.journal.append(5, {"op": "open"})
    clock.advance(seconds=1)
    statements = _statements(store, 5, {"op": "scan_item", "barcode": "4601234567893"})
    assert [s.split()[0] for s in statements] == ["BEGIN", "INSERT", "COMMIT"]
    assert [entry.action["op"] for entry in store.journal.entries(5)] == ["open", "scan_item"]


def test_updated_at_follows_the_lines_to_the_minute(store: LocalStore, clock: FakeClock) -> None:
    store.journal.append(5, {"op": "open"})
    opened = _work(store, 5)[3]
    clock.advance(seconds=30)
    store.journal.append(5, {"op": "new_box"})
    assert _work(store, 5)[3] == opened  # a scan within the minute skips the write
    clock.advance(seconds=TOUCH_EVERY.total_seconds())
    store.journal.append(5, {"op": "new_box"})
    state, epoch, _, updated = _work(store, 5)
    assert (state, epoch) == ("in_progress", 1)
    assert updated > opened
    assert updated.startswith(clock().isoformat()[:19])


def test_a_rolled_back_write_of_updated_at_is_written_again(store: LocalStore, clock: FakeClock) -> None:
    store.journal.append(5, {"op": "open"})
    opened = _work(store, 5)[3]
    clock.advance(seconds=TOUCH_EVERY.total_seconds() + 1)
    with pytest.raises(RuntimeError):
        _append_then_fail(store, 5)  # writes updated_at, then everything is undone
    assert _work(store, 5)[3] == opened
    clock.advance(seconds=1)
    store.journal.append(5, {"op": "new_box"})
    assert _work(store, 5)[3] > opened


def test_a_rolled_back_first_line_leaves_no_work_and_the_next_starts_it(store: LocalStore) -> None:
    with pytest.raises(RuntimeError):
        _append_then_fail(store, 9)
    assert store.journal.orders_in_progress() == []
    seq = store.journal.append(9, {"op": "open"})
    assert store.journal.entries(9) == [JournalEntry(seq, 9, {"op": "open"})]  # the new_box is gone
    assert _work(store, 9)[:2] == ("in_progress", 1)


def test_a_line_after_finishing_starts_a_new_epoch_each_time(store: LocalStore, clock: FakeClock) -> None:
    for epoch in (1, 2, 3):
        store.journal.append(7, {"op": "open"})
        clock.advance(seconds=1)
        seq = store.journal.append(7, {"op": "put", "epoch": epoch})  # within the minute: no touch
        assert _work(store, 7)[:2] == ("in_progress", epoch)
        assert store.journal.entries(7)[-1] == JournalEntry(seq, 7, {"op": "put", "epoch": epoch})
        assert len(store.journal.entries(7)) == 2
        store.journal.finish(7)
        assert store.journal.is_finished(7)


def test_a_failed_line_of_an_order_in_progress_stores_nothing(store: LocalStore) -> None:
    store.journal.append(8, {"op": "open"})
    with store.database.transaction() as conn:
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON journal BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
        )
    with pytest.raises(StorageError) as caught:
        store.journal.append(8, {"op": "put"})
    assert "disk I/O error" in caught.value.en
    assert [entry.action for entry in store.journal.entries(8)] == [{"op": "open"}]
