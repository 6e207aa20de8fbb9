"""The packing journal: durable, ordered packer actions per order (implements `JournalPort`).

Actions are opaque JSON objects written by the packing session; the journal only copies their
`kind` (or `op`, the packing session's name for it) into a column for support queries. `append`
commits before it returns, so an action the UI shows as done survives a crash of the app; it
reaches the disk within a fraction of a second (a power cut loses at most that).

Why not `synchronous=FULL` for every scan (issue 19): an fsync per scan took 1-20 ms in the GUI
thread, up to 160 ms on a busy disk, i.e. dropped frames while the packer scans. The rule
"journal before visible" protects against the app crashing or being killed between showing a scan
and storing it, and for that the OS page cache is enough. So:

- Journal lines (`append`, `atomic`: a scan, an undo, a box change) commit with WAL +
  `synchronous=NORMAL`: COMMIT returns once the WAL frames are written to the OS (a SIGKILL or a
  crash of the app cannot lose them: the kernel writes them out), and `storage.wal_sync` fsyncs
  the WAL from a worker thread within `wal_sync.DELAY_S`.
- The outbox's Market intents commit the same way, then the writing thread fsyncs the WAL before
  the call goes out (outside the connection's lock: the GUI thread never waits for that fsync;
  `Database.transaction`), which makes every earlier journal line durable too. So before any
  Market call for an order, its scans are on the disk.

What survives a power cut (not the same as SIGKILL: a killed process leaves its writes in the OS
page cache, which still reaches the disk; a power cut loses that cache too):

- Every action whose `append` returned more than `wal_sync.DELAY_S` ago, and every action before
  an outbox intent. The session applies and shows an action only after `append` returns, and
  `append` raises (`StorageError`, "the action was not done") when BEGIN, the INSERT or the COMMIT
  fails, so the packer is never told "done" about something a crash of the app can take away.
- Nothing half-written: a transaction cut off before its COMMIT reached the disk is ignored when
  the WAL is replayed at the next open; the order restores to its last committed action.
- Not the action in flight, nor scans of the last fraction of a second before a power cut (the
  packer had no acknowledgement yet, or scans them again: the items are still on the desk), and
  not writes outside this database (a print job already spooled, the settings file being saved).
- The guarantee holds only on storage that honours fsync. A disk or virtual disk whose write cache
  acknowledges a flush before the data is safe (no power-loss protection, `cache=unsafe`, some USB
  sticks and network shares) can lose even committed actions; SQLite cannot detect that.

Only the last point cannot be tested here; `tests/storage/test_power_loss.py` checks the pragmas
and that nothing is acknowledged before COMMIT returns.

An order's work is an *epoch*: appending to a finished order (the packer reopened it) starts a
new epoch, and `entries` returns only the latest epoch, so a restore never mixes in an earlier,
finished packing of the same order. Finished epochs are deleted by `compact` after the retention
period; the audit log keeps the history. A line of an order in progress goes into its open epoch in
one statement; the order's `updated_at` (its last line) is written at most every `TOUCH_EVERY`
(every line's own time is in `journal.created_at`): a scan costs three statements, not five.

A row whose JSON cannot be read (a damaged disk sector, an edit by hand: `PRAGMA integrity_check`
still passes) never makes the order impossible to open: it is *quarantined* - kept verbatim with
`kind = 'quarantined'`, recorded in the audit log (the order's History) and skipped - and the
rest of the order is restored. `take_quarantined` tells the UI which rows were just set aside.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any, Final

from packstation.domain.errors import StorageError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.time import utc_now
from packstation.services.ports import AuditPort, EncodedAction, JournalEntry
from packstation.storage.codec import dump_json, load_json, to_text
from packstation.storage.database import Database, Table

QUARANTINED: Final = "quarantined"
AUDIT_QUARANTINED: Final = "journal_row_quarantined"

_log = logging.getLogger("packstation.storage")
_ACTION: Final = QT_TRANSLATE_NOOP("Journal", "packing action")
# A line of an order in progress, into its open epoch, in one statement (issue 19): nothing is
# inserted when the order has no work or its work is finished (then a new epoch starts first).
_INSERT_INTO_OPEN: Final = (
    "INSERT INTO journal (order_id, epoch, kind, action, created_at) "
    "SELECT order_id, epoch, ?, ?, ? FROM order_work WHERE order_id = ? AND state = 'in_progress'"
)
# The order's epoch open for a line, in one statement (issue 19): a new order's first, a finished
# one's next (reopened), an open one's (restored) kept; `updated_at` is the line's time.
_OPEN_EPOCH: Final = (
    "INSERT INTO order_work (order_id, state, epoch, started_at, updated_at) "
    "VALUES (?, 'in_progress', 1, ?, ?) "
    "ON CONFLICT (order_id) DO UPDATE SET "
    "epoch = CASE state WHEN 'finished' THEN epoch + 1 ELSE epoch END, "
    "started_at = CASE state WHEN 'finished' THEN excluded.started_at ELSE started_at END, "
    "finished_at = CASE state WHEN 'finished' THEN NULL ELSE finished_at END, "
    "state = 'in_progress', updated_at = excluded.updated_at"
)
_TOUCH: Final = "UPDATE order_work SET updated_at = ? WHERE order_id = ?"
TOUCH_EVERY: Final = timedelta(minutes=1)
"""How stale `order_work.updated_at` (the order's last line) may get: a scan skips that write."""


@dataclass(frozen=True, slots=True)
class CompactionResult:
    """What `compact` removed."""

    journal_rows: int
    orders: int
    outbox_rows: int


class SqliteJournal(Table):
    """`JournalPort` over the shared database.

    Args:
        audit: where quarantined rows are recorded (the order's History); None records nothing.
    """

    def __init__(
        self, db: Database, clock: Callable[[], datetime] = utc_now, *, audit: AuditPort | None = None
    ) -> None:
        super().__init__(db, clock)
        self._audit = audit
        self._quarantined: dict[int, list[int]] = {}
        # Per order in progress: when its `updated_at` was last written, and the database's
        # rollback count then (a later rollback may have undone the write).
        self._touched: dict[int, tuple[datetime, int]] = {}
        self._progress_changes = 0  # orders' work opened or finished through this journal

    @property
    def in_progress_version(self) -> tuple[int, int]:
        """Changes whenever `orders_in_progress` may have: an order's work opened (its first
        line since the journal opened) or finished here, or a transaction rolled back (it may
        have undone one). The same value: the same orders in progress, no query needed."""
        return self._progress_changes, self._db.rollbacks

    def atomic(self) -> AbstractContextManager[object]:
        """One transaction for the writes inside (the journal and the code index share the
        database); nothing of them is stored if any fails. A quick commit (see the module doc)."""
        return self._db.transaction(durable=False)

    def take_quarantined(self, order_id: int) -> list[int]:
        """The sequence numbers of the order's rows set aside since the last call (then cleared)."""
        return self._quarantined.pop(order_id, [])

    def encode(self, action: Mapping[str, Any]) -> EncodedAction:
        """`action` with the JSON text `append` stores for it, for a later `append`.

        Raises:
            StorageError: the action is not JSON (`dump_json`'s error); nothing was stored.
        """
        fields = dict(action)
        return EncodedAction(MappingProxyType(fields), dump_json(fields, _ACTION))

    def append(self, order_id: int, action: Mapping[str, Any] | EncodedAction) -> int:
        """Store one action durably and return its sequence number.

        Args:
            order_id: the order the action belongs to.
            action: a JSON object (str keys; str, int, float, bool, None, lists, objects), or
                one `encode` made (stored with its text as it is).

        Returns:
            The action's sequence number (increasing across all orders).

        Raises:
            StorageError: the action is not JSON or could not be written; nothing was stored.
        """
        if isinstance(action, EncodedAction):
            text, action = action.text, action.action
        else:
            text = dump_json(action, _ACTION)
        kind = action.get("kind", action.get("op", ""))
        kind = kind if isinstance(kind, str) else str(kind)
        moment = self._clock()
        now = to_text(moment)
        db = self._db
        line = (kind, text, now, order_id)
        with db.transaction(durable=False) as conn:
            # An order not written to since this journal opened (its first line, a restored
            # order's first since the start) opens its epoch first: the line's own INSERT would
            # find none (issue 19). One that had its epoch finished since falls back to it.
            cursor = conn.execute(_INSERT_INTO_OPEN, line) if order_id in self._touched else None
            if cursor is None or cursor.rowcount != 1:
                conn.execute(_OPEN_EPOCH, (order_id, now, now))
                self._progress_changes += 1
                cursor = conn.execute(_INSERT_INTO_OPEN, line)
                assert cursor.rowcount == 1  # the epoch just opened (else lastrowid is another row's)
                self._touched[order_id] = (moment, db.rollbacks)
            elif self._touch_due(order_id, moment):
                conn.execute(_TOUCH, (now, order_id))
                self._touched[order_id] = (moment, db.rollbacks)
            seq = cursor.lastrowid
        assert seq is not None  # an INSERT into a rowid table always sets it
        return seq

    def _touch_due(self, order_id: int, moment: datetime) -> bool:
        """Whether the order's `updated_at` is to be written with this line: it is older than
        `TOUCH_EVERY`, or its last write may have been rolled back."""
        touched = self._touched.get(order_id)
        if touched is None or touched[1] != self._db.rollbacks:
            return True
        return not timedelta(0) <= moment - touched[0] < TOUCH_EVERY

    def entries(self, order_id: int) -> list[JournalEntry]:
        """The actions of the order's latest epoch, oldest first."""
        with self._db.reading() as conn:
            rows = conn.execute(
                """
                SELECT j.seq, j.action FROM journal j
                JOIN order_work w ON w.order_id = j.order_id AND w.epoch = j.epoch
                WHERE j.order_id = ? AND j.kind != 'quarantined' ORDER BY j.seq
                """,
                (order_id,),
            ).fetchall()
        return self._readable((order_id, seq, text) for seq, text in rows)

    def orders_in_progress(self) -> list[int]:
        """Orders with unfinished work at this station, in the order their work started."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT order_id FROM order_work WHERE state = 'in_progress' ORDER BY started_at, order_id"
            ).fetchall()
        return [order_id for (order_id,) in rows]

    def in_progress_entries(self) -> dict[int, list[JournalEntry]]:
        """Every in-progress order's entries in one query (for restoring many orders at start)."""
        with self._db.reading() as conn:
            rows = conn.execute(
                """
                SELECT j.order_id, j.seq, j.action FROM order_work w
                JOIN journal j ON j.order_id = w.order_id AND j.epoch = w.epoch
                WHERE w.state = 'in_progress' AND j.kind != 'quarantined'
                ORDER BY w.started_at, w.order_id, j.seq
                """
            ).fetchall()
        result: dict[int, list[JournalEntry]] = {}
        for entry in self._readable(rows):
            result.setdefault(entry.order_id, []).append(entry)
        return result

    def _readable(self, rows: Iterable[tuple[int, int, str]]) -> list[JournalEntry]:
        """Parse rows; the unreadable ones are quarantined instead of failing the whole order."""
        entries: list[JournalEntry] = []
        bad: list[tuple[int, int, str]] = []
        for order_id, seq, text in rows:
            try:
                entries.append(JournalEntry(seq, order_id, load_json(text)))
            except (ValueError, TypeError, RecursionError) as err:  # JSONDecodeError is a ValueError
                bad.append((order_id, seq, f"{type(err).__name__}: {err}"[:200]))
        if bad:
            self._quarantine(bad)
        return entries

    def _quarantine(self, bad: list[tuple[int, int, str]]) -> None:
        for order_id, seq, reason in bad:
            _log.error("journal row %d of order %d unreadable (%s): quarantined", seq, order_id, reason)
            self._quarantined.setdefault(order_id, []).append(seq)
        try:
            with self._db.transaction() as conn:
                conn.executemany(
                    "UPDATE journal SET kind = 'quarantined' WHERE seq = ?", [(seq,) for _, seq, _ in bad]
                )
            for order_id, seq, reason in bad:
                if self._audit is not None:
                    self._audit.record(AUDIT_QUARANTINED, order_id=order_id, detail=f"#{seq}: {reason}")
        except StorageError as err:  # read-only or full disk: skipped this time, tried again next time
            _log.warning("could not mark the unreadable journal rows: %s", err.en)

    def finish(self, order_id: int) -> None:
        """Mark the order's work finished (submitted, cancelled or abandoned); idempotent.

        A quick commit, like the order's lines: a durable one made each submit wait in the GUI
        thread for an fsync, and for a checkpoint once the WAL held 1,000 pages (issue 19). A
        power cut right after it can lose only the mark: the order is listed as in progress until
        it is opened again, which marks it finished (`PackingSession.open`).
        """
        now = to_text(self._clock())
        self._touched.pop(order_id, None)
        self._progress_changes += 1
        with self._db.transaction(durable=False) as conn:
            conn.execute(
                "UPDATE order_work SET state = 'finished', finished_at = ?, updated_at = ? "
                "WHERE order_id = ? AND state = 'in_progress'",
                (now, now, order_id),
            )

    def is_finished(self, order_id: int) -> bool:
        """Whether the order's latest work is finished (False when it has no journal at all)."""
        with self._db.reading() as conn:
            row = conn.execute("SELECT state FROM order_work WHERE order_id = ?", (order_id,)).fetchone()
        return row is not None and row[0] == "finished"

    def compact(self, retention_days: int) -> CompactionResult:
        """Delete journals of work finished more than `retention_days` ago, and old done intents.

        Pending intents, in-progress work and the audit log are never touched. Freed pages are
        returned to the file system.
        """
        cutoff = to_text(self._clock() - timedelta(days=retention_days))
        with self._db.transaction() as conn:
            old = "SELECT order_id FROM order_work WHERE state = 'finished' AND finished_at < ?"
            journal_rows = conn.execute(f"DELETE FROM journal WHERE order_id IN ({old})", (cutoff,)).rowcount
            # Earlier epochs of reopened orders are finished work too.
            journal_rows += conn.execute(
                """
                DELETE FROM journal WHERE created_at < ? AND epoch < (
                    SELECT w.epoch FROM order_work w WHERE w.order_id = journal.order_id)
                """,
                (cutoff,),
            ).rowcount
            orders = conn.execute(
                "DELETE FROM order_work WHERE state = 'finished' AND finished_at < ?", (cutoff,)
            ).rowcount
            outbox_rows = conn.execute(
                "DELETE FROM outbox WHERE state = 'done' AND completed_at < ?", (cutoff,)
            ).rowcount
        with self._db.reading() as conn:
            # executescript steps the pragma to completion; execute() would free a single page.
            conn.executescript("PRAGMA incremental_vacuum;")
        return CompactionResult(journal_rows, orders, outbox_rows)

