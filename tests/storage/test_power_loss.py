"""Power loss is not SIGKILL (see the journal's module docstring): a power cut keeps a durable
transaction (its thread fsyncs the WAL before it returns, after releasing the connection), and the
journal's quick lines once the WAL sync worker or a later durable transaction synced them. What
can be tested here, on real SQLite files: the pragmas are in force, each kind is synced when and
where it should be, and the app never acknowledges an action before COMMIT returns. The COMMIT
is made to fail inside SQLite itself (a deferred foreign key, checked only at COMMIT), not by a
stand-in connection."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from packstation.domain.errors import StorageError
from packstation.domain.order import OrderLine
from packstation.services.code_guard import CodeGuard
from packstation.services.packing import PackingSession, SessionDeps
from packstation.storage.database import DB_FILE_NAME
from packstation.storage.local_store import LocalStore, open_local_store
from packstation.storage.wal_sync import (
    CHECKPOINT_BYTES,
    DELAY_S,
    KEPT_BYTES,
    QUIET_S,
    WalSyncer,
    wal_content_bytes,
)
from tests.services.fakes import FakeClock, FakeMarket, make_order

MUG = OrderLine(11, "MUG", "Кружка", 2, barcodes=("4601234567893",))


@pytest.fixture
def local(tmp_path: Path) -> Iterator[LocalStore]:
    opened = open_local_store(tmp_path, station="Desk 3", packer="Ирина")
    yield opened
    opened.close()


def _committed_ops(data_dir: Path, order_id: int) -> list[str]:
    """What another connection (another process, or the next start) finds committed in the file."""
    with closing(sqlite3.connect(data_dir / DB_FILE_NAME)) as other:
        rows = other.execute("SELECT kind FROM journal WHERE order_id = ? ORDER BY seq", (order_id,))
        return [kind for (kind,) in rows.fetchall()]


def _fail_commits(store: LocalStore) -> None:
    """From now on every journal write fails at its COMMIT: a temporary trigger adds a row that
    breaks a deferred foreign key, which SQLite checks only when the transaction commits."""
    with store.database.reading() as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.executescript(
            """
            CREATE TEMP TABLE gate_parent (id INTEGER PRIMARY KEY);
            CREATE TEMP TABLE gate (
                parent INTEGER REFERENCES gate_parent (id) DEFERRABLE INITIALLY DEFERRED
            );
            CREATE TEMP TRIGGER gate_journal AFTER INSERT ON main.journal
            BEGIN INSERT INTO gate VALUES (1); END;
            """
        )


def _trace(store: LocalStore, events: list[str]) -> None:
    with store.database.reading() as conn:
        conn.set_trace_callback(lambda statement: events.append(statement.split()[0].upper()))


def _deps(store: LocalStore) -> SessionDeps:
    """The session's ports as the app wires them, over the real store (the Market is not involved)."""
    market = FakeMarket()
    market.add(make_order(1, MUG))
    return SessionDeps(
        market=market,
        journal=store.journal,
        clock=FakeClock(),
        guard=CodeGuard(store.codes),
        outbox=store.outbox,
        audit=store.audit,
    )


def _session(deps: SessionDeps) -> PackingSession:
    return PackingSession.start(make_order(1, MUG), deps)


def test_the_journal_runs_wal_and_commits_without_waiting_for_the_disk(tmp_path: Path) -> None:
    for _ in range(2):  # a fresh file and a reopened one
        store = open_local_store(tmp_path, station="Desk 3", packer="Ирина")
        try:
            before = _synced_here(store)
            store.outbox.add_intent(7, "status", {"status": "PROCESSING"})  # a durable write ...
            with store.database.reading() as conn:
                assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
                # ... made with NORMAL too: its thread synced the WAL itself after COMMIT.
                assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
                assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
            assert _synced_here(store) == before + 1
        finally:
            store.close()


def test_a_write_whose_commit_fails_is_reported_and_not_stored(local: LocalStore, tmp_path: Path) -> None:
    local.journal.append(7, {"op": "open"})
    events: list[str] = []
    _trace(local, events)
    _fail_commits(local)
    with pytest.raises(StorageError) as caught:
        local.journal.append(7, {"op": "put"})
    assert "FOREIGN KEY" in str(caught.value.english())
    assert "The action was not done" in caught.value.english()
    statements = [e for e in events if e != "PRAGMA"]  # the quick commit's synchronous switch
    assert statements[-2:] == ["COMMIT", "ROLLBACK"]  # the INSERT went through; the COMMIT failed
    assert [e.action["op"] for e in local.journal.entries(7)] == ["open"]
    assert _committed_ops(tmp_path, 7) == ["open"]


def test_the_session_never_shows_an_action_whose_commit_failed(local: LocalStore, tmp_path: Path) -> None:
    deps = _deps(local)
    session = _session(deps)
    seen: list[object] = []
    session.subscribe(seen.append)
    before = session.packing
    _fail_commits(local)
    with pytest.raises(StorageError):
        session.put(11)
    with pytest.raises(StorageError):
        session.scan_item("4601234567893")
    assert session.packing == before
    assert seen == []  # no view was told
    # The order was only opened (its "open" line waits for the first action, which failed), so a
    # restart (the state a power cut leaves) finds nothing to restore: the packer starts afresh.
    assert _committed_ops(tmp_path, 1) == []
    assert PackingSession.restore(1, deps) is None
    with local.database.reading() as conn:
        conn.execute("DROP TRIGGER temp.gate_journal")
    session.put(11)  # the disk is back: the opening is journalled with the first action that lands
    assert _committed_ops(tmp_path, 1) == ["open", "put"]
    reopened = PackingSession.restore(1, deps)
    assert reopened is not None
    assert reopened.packing == session.packing


def test_an_action_is_shown_only_once_its_commit_has_returned(local: LocalStore, tmp_path: Path) -> None:
    session = _session(_deps(local))
    events: list[str] = []
    committed_when_shown: list[list[str]] = []

    def shown(_: object) -> None:
        events.append("SHOWN")
        committed_when_shown.append(_committed_ops(tmp_path, 1))

    session.subscribe(shown)
    _trace(local, events)
    session.put(11)
    session.scan_item("4601234567893")
    assert committed_when_shown == [["open", "put"], ["open", "put", "scan_item"]]
    shown_at = [i for i, e in enumerate(events) if e == "SHOWN"]
    commits = [i for i, e in enumerate(events) if e == "COMMIT"]
    assert len(shown_at) == 2
    assert all(any(c < s for c in commits) for s in shown_at)
    assert commits[0] < shown_at[0] < commits[-1] < shown_at[1]


def test_an_orders_first_action_commits_once_with_its_opening_and_audit(local: LocalStore) -> None:
    """The order's first scan journals the order as opened, the scan and the "order_opened"
    audit line in one transaction (they were two commits in the first scan; issue 19)."""
    session = _session(_deps(local))
    statements: list[str] = []
    _full_trace(local, statements)
    session.scan_item("4601234567893")
    assert statements.count("BEGIN IMMEDIATE") == 1
    assert statements.count("COMMIT") == 1
    assert [e.action["op"] for e in local.journal.entries(1)] == ["open", "scan_item"]
    assert [line.action for line in local.audit.history(1)] == ["order_opened"]


def _synced_here(store: LocalStore) -> int:
    """How many durable transactions this thread has synced."""
    return store.database.durable_syncs.get(threading.current_thread().name, 0)


def _full_trace(store: LocalStore, statements: list[str]) -> None:
    with store.database.reading() as conn:
        conn.set_trace_callback(statements.append)


def test_journal_lines_commit_quickly_and_reach_the_disk_soon_after(local: LocalStore) -> None:
    before = _synced_here(local)
    statements: list[str] = []
    _full_trace(local, statements)
    local.journal.append(7, {"op": "open"})
    # The scan's commit does not wait for the disk (issue 19) ...
    assert statements[0] == "BEGIN IMMEDIATE"
    # ... nor does any other commit run a PRAGMA (they were 4 of a scan's 9 statements), a
    # durable one neither: it syncs the WAL after its COMMIT, not through SQLite ...
    for write in (
        lambda: local.journal.append(7, {"op": "put"}),
        lambda: local.outbox.add_intent(7, "status", {"status": "PROCESSING", "substatus": "READY_TO_SHIP"}),
        lambda: local.journal.append(7, {"op": "put"}),
    ):
        del statements[:]
        write()
        assert statements[0] == "BEGIN IMMEDIATE"
        assert not [s for s in statements if s.startswith("PRAGMA")]
    # ... only the intent synced in this thread; the worker syncs the lines within a fraction
    # of a second.
    assert _synced_here(local) == before + 1
    synced = local.database.wal_syncs
    deadline = time.monotonic() + 5
    while local.database.wal_syncs == synced and time.monotonic() < deadline:
        time.sleep(0.01)
    assert local.database.wal_syncs > synced


def test_finishing_an_order_commits_quickly_like_its_lines(local: LocalStore) -> None:
    before = _synced_here(local)
    local.journal.append(7, {"op": "open"})
    local.journal.finish(7)  # at the end of each submit, in the GUI thread
    assert _synced_here(local) == before  # no fsync in the writing thread
    assert local.journal.orders_in_progress() == []


def test_market_intents_are_on_the_disk_when_written(local: LocalStore) -> None:
    """The intent's own thread synced the WAL before `add_intent` returned (the Market call
    follows), and its folder the first time (a new WAL's name must survive a power cut)."""
    before = _synced_here(local)
    local.outbox.add_intent(7, "status", {"status": "PROCESSING", "substatus": "READY_TO_SHIP"})
    local.outbox.add_intent(8, "status", {"status": "PROCESSING", "substatus": "READY_TO_SHIP"})
    assert _synced_here(local) == before + 2


def test_a_durable_write_inside_a_quick_transaction_is_synced_before_it_returns(local: LocalStore) -> None:
    before = _synced_here(local)
    with local.journal.atomic():
        local.journal.append(7, {"op": "open"})
        local.outbox.add_intent(7, "status", {"status": "PROCESSING", "substatus": "READY_TO_SHIP"})
        assert _synced_here(local) == before  # not within the transaction: at its end
    assert _synced_here(local) == before + 1  # here, not later
    assert _committed_ops(local.database.path.parent, 7) == ["open"]


class SlowDisk:
    """An fsync that, made by the thread named `slow`, waits until the test lets it end (a busy
    disk: 118 ms was seen here)."""

    def __init__(self, slow: str) -> None:
        self.slow = slow
        self.syncing = threading.Event()
        self.release = threading.Event()

    def __call__(self, fd: int) -> None:
        if threading.current_thread().name == self.slow:
            self.syncing.set()
            self.release.wait(10)
        os.fsync(fd)


def test_the_connection_is_free_while_a_durable_write_syncs(tmp_path: Path) -> None:
    """A Market intent's fsync, in a worker thread, no longer holds the connection: the GUI
    thread reads and journals scans meanwhile (they waited for it: a 118 ms stall at a submit
    in `stall_bench`, issue 19), and the intent returns only once its sync has ended."""
    disk = SlowDisk(slow="intent-writer")
    store = open_local_store(tmp_path, sync_file=disk)
    try:
        store.journal.append(7, {"op": "open"})
        intent: list[int] = []
        worker = threading.Thread(
            target=lambda: intent.append(store.outbox.add_intent(7, "status", {"status": "PROCESSING"}).id),
            name="intent-writer",
        )
        worker.start()
        assert disk.syncing.wait(10)
        # The intent is committed, its sync under way: this thread reads and writes meanwhile.
        assert [i.kind for i in store.outbox.pending_intents()] == ["status"]
        store.journal.append(7, {"op": "put"})
        assert [e.action["op"] for e in store.journal.entries(7)] == ["open", "put"]
        assert worker.is_alive()
        assert intent == []
        disk.release.set()
        worker.join(10)
        assert len(intent) == 1
        assert store.database.durable_syncs["intent-writer"] == 1
    finally:
        disk.release.set()
        store.close()


def test_a_durable_write_whose_sync_fails_is_refused(tmp_path: Path) -> None:
    """The disk refused the fsync: the intent is committed but may not survive a power cut, so
    `add_intent` raises and its Market call is not made (the outbox replays the pending intent
    by reading the order back)."""

    def failing(fd: int) -> None:
        raise OSError(5, "Input/output error")

    store = open_local_store(tmp_path, sync_file=failing)
    try:
        with pytest.raises(StorageError) as caught:
            store.outbox.add_intent(7, "status", {"status": "PROCESSING"})
        assert "Input/output error" in caught.value.english()
        store.journal.append(7, {"op": "open"})  # quick writes go on (the worker logs its failures)
    finally:
        store.close()


def test_the_syncer_checkpoints_a_grown_wal_off_the_writing_thread(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")  # as during the journal's quick commits
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [("scan",)] * 50)
    wal = path.with_name(path.name + "-wal")
    syncer = WalSyncer(wal, delay_s=0.01, database=path, checkpoint_bytes=1)
    try:
        syncer.due()
        deadline = time.monotonic() + 5
        while syncer.checkpoints == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert syncer.checkpoints == 1
    finally:
        syncer.stop()
    # The database file alone (no WAL beside it) now holds the rows: they were copied back.
    alone = tmp_path / "alone.sqlite3"
    alone.write_bytes(path.read_bytes())
    with closing(sqlite3.connect(alone)) as copy:
        assert copy.execute("SELECT count(*) FROM t").fetchone()[0] == 50
    conn.close()


def _wait_for(done: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_a_checkpointed_wal_is_checkpointed_again_only_once_it_has_grown_again(local: LocalStore) -> None:
    """SQLite reuses a checkpointed WAL from its start but keeps the file as large as it grew: its
    size alone said "grown" for good, the syncer checkpointed after every sync, and the scan after
    each checkpoint restarted the WAL with an fsync in the GUI thread (issue 19). Now the file is
    cut back, and the worker restarts the WAL right after its checkpoint."""
    db = local.database
    wal = db.path.with_name(db.path.name + "-wal")
    line = {"op": "put", "note": "x" * 3000}
    while not wal.exists() or wal.stat().st_size < CHECKPOINT_BYTES:
        local.journal.append(7, line)
    header = wal.read_bytes()[:32]  # its salts change when the WAL restarts
    # Checkpointed (twice when the last lines came while the first checkpoint ran), then
    # restarted by the worker in a quiet moment (SQLite syncs the new header then), before any
    # scan: the next scan's write only appends to it.
    _wait_for(lambda: wal.read_bytes()[:32] != header)
    restarted = wal.read_bytes()[:32]
    assert restarted != header
    checkpoints = db.wal_checkpoints
    assert checkpoints in (1, 2)
    local.journal.append(7, {"op": "put"})
    assert wal.read_bytes()[:32] == restarted
    # Scans go on at a packer's pace, each synced by the worker on its own: the restarted WAL
    # holds a few frames, and its file was cut back, so none of those syncs checkpoints again.
    for _ in range(5):
        syncs = db.wal_syncs
        local.journal.append(7, {"op": "put"})
        _wait_for(lambda synced=syncs: db.wal_syncs > synced)
    time.sleep(2 * DELAY_S)  # the last sync's checkpoint check, had there been one due
    assert db.wal_checkpoints == checkpoints
    assert wal.stat().st_size <= KEPT_BYTES
    # Grown again past the mark, it is checkpointed again.
    while wal.stat().st_size < CHECKPOINT_BYTES:
        local.journal.append(7, line)
    _wait_for(lambda: db.wal_checkpoints > checkpoints)
    assert db.wal_checkpoints > checkpoints


def test_a_wal_restarted_by_a_scan_is_not_checkpointed_again_until_it_holds_that_much_again(
    local: LocalStore,
) -> None:
    """Scans too quick for the worker's quiet moment restart the WAL themselves, and its file
    keeps its length: the worker goes by what the WAL holds (the wal-index's frame count), so it
    does not checkpoint after every sync again (each making the next scan restart the WAL with
    an fsync in the GUI thread)."""
    db = local.database
    wal = db.path.with_name(db.path.name + "-wal")
    line = {"op": "put", "note": "x" * 3000}
    while not wal.exists() or wal.stat().st_size < CHECKPOINT_BYTES:
        local.journal.append(7, line)
    deadline = time.monotonic() + 8 * DELAY_S
    while time.monotonic() < deadline:  # a scan every 20 ms: never a quiet moment
        local.journal.append(7, {"op": "put"})
        time.sleep(0.02)
    # Once; twice when a scan's frames came in during the checkpoint (not all copied back: the
    # WAL goes on from its end, past the mark again). By the file's size: after every sync, ~8.
    assert 1 <= db.wal_checkpoints <= 2
    assert wal_content_bytes(wal) < KEPT_BYTES < wal.stat().st_size  # restarted by a scan: not cut


def test_wal_content_bytes_reads_the_frames_in_use_from_the_wal_index(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 3000,)] * 50)
    wal = path.with_name(path.name + "-wal")
    grown = wal.stat().st_size
    assert wal_content_bytes(wal) == grown  # every frame in use
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    conn.execute("INSERT INTO t VALUES ('scan')")  # restarts the WAL from its start
    assert wal.stat().st_size == grown
    assert wal_content_bytes(wal) == 32 + (4096 + 24)  # its header, and the page written
    alone = tmp_path / "copy"
    alone.mkdir()
    (alone / wal.name).write_bytes(wal.read_bytes())
    assert wal_content_bytes(alone / wal.name) == grown  # no wal-index beside it: the file's size
    conn.close()


def test_scans_in_a_burst_restart_the_wal_themselves(tmp_path: Path) -> None:
    """While scans keep committing, the worker leaves the restart to the next one: its BEGIN
    would otherwise wait for the worker's restart and its fsync, in SQLite's busy sleeps."""
    path = tmp_path / "j.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE t (x TEXT)")
    wal = path.with_name(path.name + "-wal")
    syncer = WalSyncer(wal, delay_s=0.01, database=path, checkpoint_bytes=1)
    try:
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:  # a scan every 5 ms
            conn.execute("INSERT INTO t VALUES ('scan')")
            syncer.due()
            time.sleep(0.005)
        in_burst = syncer.restarts
        assert syncer.checkpoints > 5
        assert in_burst <= 1  # none, but for a hiccup of the machine longer than QUIET_S
        _wait_for(lambda: syncer.restarts == in_burst + 1)  # quiet now: the worker's turn
        assert syncer.restarts == in_burst + 1
    finally:
        syncer.stop()
        conn.close()


def test_a_wal_grown_by_durable_commits_alone_is_checkpointed_by_the_worker(local: LocalStore) -> None:
    """A durable commit (a Market intent, written by a worker thread) used to checkpoint a WAL of
    1,000 pages itself, holding the connection's lock for the tens of ms its fsyncs take, and the
    GUI thread's next write waited behind it (issue 19). Now only the syncer checkpoints."""
    db = local.database
    payload = {"layout": "x" * 200_000}
    for _ in range(CHECKPOINT_BYTES // 200_000 + 5):  # a WAL of over 1,000 pages
        local.outbox.add_intent(7, "boxes", payload)
    with db.reading() as conn:
        assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    _wait_for(lambda: db.wal_checkpoints >= 1)
    assert db.wal_checkpoints >= 1


def test_the_worker_restarts_the_wal_holding_the_writers_lock(tmp_path: Path) -> None:
    """A scan beginning while the worker restarts the WAL waits on the database's lock, woken as
    the restart ends, not in SQLite's busy sleeps (1, 2, 5 ms...): the worker restarts it only
    when that lock is free, and holds it meanwhile."""
    path = tmp_path / "j.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [("scan",)] * 50)
    wal = path.with_name(path.name + "-wal")
    writers = threading.RLock()
    syncer = WalSyncer(wal, delay_s=0.01, database=path, checkpoint_bytes=1, writers=writers)
    try:
        with writers:  # a write under way
            syncer.due()
            _wait_for(lambda: syncer.checkpoints >= 1)
            time.sleep(3 * QUIET_S)
            assert syncer.restarts == 0
        syncer.due()  # the next sync finds the lock free
        _wait_for(lambda: syncer.restarts == 1)
        assert syncer.restarts == 1
    finally:
        syncer.stop()
        conn.close()


def test_audit_lines_commit_quickly_and_reach_the_disk_soon_after(local: LocalStore) -> None:
    """A submit records several audit lines: each used to wait for an fsync in the GUI thread
    (issue 19); they commit like a scan's journal line and the worker thread syncs them."""
    local.outbox.add_intent(7, "status", {"status": "PROCESSING", "substatus": "READY_TO_SHIP"})
    before, here = local.database.wal_syncs, _synced_here(local)
    local.audit.record("box_layout_sent", order_id=7, detail="1 box")
    assert _synced_here(local) == here  # not synced in this thread
    assert [line.action for line in local.audit.history(7)] == ["box_layout_sent"]
    deadline = time.monotonic() + 5
    while local.database.wal_syncs == before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert local.database.wal_syncs > before
