"""The journal line and the code index it changes are one transaction (real SQLite): a failing
index write leaves neither, so "the action was not done" is the truth."""

from __future__ import annotations

import contextlib
import os
import threading

import pytest

from packstation.domain.errors import StorageError
from packstation.services.code_guard import CodeGuard
from packstation.services.packing import PackingSession, SessionDeps
from packstation.storage.local_store import LocalStore
from tests.services.fakes import FakeClock, FakeMarket, make_order
from tests.services.test_packing_session import CIS_A, code, mug


def _session(store: LocalStore) -> PackingSession:
    order = make_order(1, mug(1))
    market = FakeMarket()
    market.add(order)
    deps = SessionDeps(market, store.journal, FakeClock(), guard=CodeGuard(store.codes))
    return PackingSession.start(order, deps)


def _break_index(store: LocalStore) -> None:
    """The index write fails the way a full disk would fail it, after the journal line went in."""
    with store.database.transaction() as conn:
        conn.execute(
            "CREATE TEMP TRIGGER index_fails BEFORE INSERT ON main.seen_codes "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )


def test_an_index_failure_undoes_the_journal_line_too(store: LocalStore) -> None:
    session = _session(store)
    session.put(11)
    lines_before = [entry.action["op"] for entry in store.journal.entries(1)]
    packing_before = session.packing
    _break_index(store)

    with pytest.raises(StorageError) as refused:
        session.scan(code(CIS_A))

    assert "The action was not done" in refused.value.en
    # ... and indeed it was not: not in the journal, not in the index, not on screen.
    assert [entry.action["op"] for entry in store.journal.entries(1)] == lines_before
    assert store.codes.codes_of(1) == []
    assert session.packing == packing_before
    restored = PackingSession.restore(1, session.deps)
    assert restored is not None
    assert restored.packing == packing_before

    with store.database.transaction() as conn:
        conn.execute("DROP TRIGGER temp.index_fails")
    session.scan(code(CIS_A))  # the packer scans again: now it is stored, in both
    assert store.codes.codes_of(1) == [CIS_A[:25]]
    assert [entry.action["op"] for entry in store.journal.entries(1)] == [*lines_before, "code"]


def test_an_inner_failure_the_caller_swallowed_still_rolls_back_everything(store: LocalStore) -> None:
    _break_index(store)

    def half_done() -> None:
        with store.database.transaction():
            store.journal.append(5, {"op": "open"})
            with contextlib.suppress(StorageError):  # someone ignored it: never commit half
                store.codes.remember("x", 5)

    with pytest.raises(StorageError):
        half_done()
    assert store.journal.entries(5) == []


@pytest.mark.asyncio
async def test_a_cancellation_is_reported_done_even_if_the_codes_cannot_be_released_yet(
    store: LocalStore,
) -> None:
    """The Market cancelled the order and the journal says so: a failing index release must not
    tell the packer otherwise; the next restore releases the codes."""
    session = _session(store)
    session.scan(code(CIS_A))
    with store.database.transaction() as conn:
        conn.execute(
            "CREATE TEMP TRIGGER release_fails BEFORE DELETE ON main.seen_codes "
            "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
        )

    await session.cancel_order()  # no StorageError

    assert session.phase.name == "CANCELLED"
    assert [entry.action["op"] for entry in store.journal.entries(1)][-1] == "cancelled"
    assert store.codes.codes_of(1) == [CIS_A[:25]]  # still held: the release failed
    with store.database.transaction() as conn:
        conn.execute("DROP TRIGGER temp.release_fails")
    PackingSession.restore(1, session.deps)
    assert store.codes.codes_of(1) == []


def test_a_code_scan_and_its_undo_sync_the_disk_off_the_scanning_thread(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The index follows the journal's quick commit: a code scan fsyncs nothing in the GUI thread
    # (a durable index write joining it did, 2-20 ms per code scan; issue 19).
    session = _session(store)
    session.put(11)
    synced_here: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if threading.current_thread() is threading.main_thread():
            synced_here.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    session.scan(code(CIS_A))
    assert store.codes.codes_of(1) == [CIS_A[:25]]
    session.undo()
    assert store.codes.codes_of(1) == []
    assert synced_here == []
