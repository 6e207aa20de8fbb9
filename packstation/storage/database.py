"""Opening the journal database: WAL, commits that never hold the connection for an fsync,
migrations, and recovery from a bad file.

A database that is corrupt, locked by another program past a grace period, or written by a newer
Packstation never stops the app: the file (with its -wal/-shm companions) is moved aside with a
timestamp, a fresh database is created, and `DatabaseOpen.warning` tells the packer where the old
file went. Nothing is deleted, so support can still recover work from the moved file.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Final

from packstation.domain.errors import StorageError
from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.domain.time import utc_now
from packstation.storage.schema import SCHEMA_VERSION, migrate, schema_version
from packstation.storage.wal_sync import WalSyncer

DB_FILE_NAME: Final = "journal.sqlite3"
COMPANION_SUFFIXES: Final = ("-wal", "-shm", "-journal")
_LOCK_WAIT_MS: Final = 3000
_SQLITE_HEADER: Final = b"SQLite format 3\x00"

_log = logging.getLogger("packstation.storage")


class UnusableDatabaseError(Exception):
    """Internal: the file cannot be used as is; `reason` says why."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.english())
        self.reason = reason


class Database:
    """One SQLite connection shared by the journal, outbox, codes index and audit log.

    Writes go through `transaction()`, which takes the write lock up front (BEGIN IMMEDIATE) and
    commits before returning; a durable one has reached the disk then. A lock serialises use from
    several threads: the GUI thread's scans and reads, the workers' Market intents and saves.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        read_only: bool = False,
        sync_file: Callable[[int], None] = os.fsync,
    ) -> None:
        self._conn = conn
        self._sync_file = sync_file  # fsyncs the WAL's file descriptor (a test's: a slow disk)
        self.path = path
        self.read_only = read_only
        self._lock = threading.RLock()
        self._depth = 0  # >0 while a transaction is open (nested ones join it)
        self._inner_failed = False
        self.rollbacks = 0  # how many transactions were rolled back (what was written in them is gone)
        self._needs_sync = False  # the open transaction is durable, or a durable part joined it
        self._syncer: WalSyncer | None = None  # started by the first commit
        self._quick = False  # whether the connection is set for quick commits (`_commit_quickly`)

    @property
    def wal_syncs(self) -> int:
        """How many times the WAL was synced (by the worker, or by a durable transaction)."""
        return 0 if self._syncer is None else self._syncer.syncs

    @property
    def durable_syncs(self) -> dict[str, int]:
        """How many durable transactions each thread synced (by thread name)."""
        return {} if self._syncer is None else dict(self._syncer.durable_syncs)

    @property
    def wal_checkpoints(self) -> int:
        """How many times the worker checkpointed a grown WAL."""
        return 0 if self._syncer is None else self._syncer.checkpoints

    def _wal_syncer(self) -> WalSyncer:
        if self._syncer is None:
            self._syncer = WalSyncer(
                self.path.with_name(self.path.name + "-wal"),
                database=self.path,
                writers=self._lock,
                sync_file=self._sync_file,
            )
        return self._syncer

    def transaction(self, *, durable: bool = True) -> Transaction:
        """A write transaction; committed on exit, rolled back on any exception.

        Every COMMIT returns once the WAL frames are written to the OS (`synchronous=NORMAL`),
        which a crash of the app cannot lose. `durable` (the default): the calling thread then
        fsyncs the WAL, after it has released the connection, and returns once the transaction
        is on the disk. `durable=False` (the journal's scan lines): a worker thread syncs the
        WAL within `wal_sync.DELAY_S` (see `storage.wal_sync` for why).

        Why the durable fsync is made outside the connection's lock (issue 19): with
        `synchronous=FULL` SQLite fsyncs inside COMMIT, and a Market intent written by a worker
        thread held the connection for its fsync, 1-20 ms, 118 ms once on a busy disk; the GUI
        thread's next read or scan waited that long (a `stall_bench` submit). An fsync of the
        WAL file makes the same frames durable as SQLite's own, and every earlier frame with them.

        A transaction opened inside another one (same thread) joins it: everything commits or
        rolls back together (the journal line and the code index it changes, for one). If an inner
        part fails, the whole transaction is rolled back even if the caller went on. A durable
        part joining a quick transaction makes it durable (the WAL is synced before it returns).

        Raises:
            StorageError: the database could not be written (disk full, I/O error, locked), or a
                durable transaction's sync failed (it is committed, but may not survive a power
                cut: the caller must not act on it, e.g. send its Market call).
        """
        return Transaction(self, durable)

    def _commit_quickly(self) -> None:
        """Set the connection for commits that return once the WAL frames are written to the OS
        (`synchronous=NORMAL`; `connect` sets FULL for the migrations), once. No commit
        checkpoints (`connect` turns SQLite's own checkpoints off): a checkpoint costs tens of ms
        with its fsyncs; the syncer thread checkpoints a grown WAL on its own connection.

        Raises:
            sqlite3.Error: the switch failed; the next transaction tries again.
        """
        if not self._quick:
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._quick = True

    def _sync_durably(self) -> None:
        """Fsync the WAL in the calling thread, the connection's lock released (a committed
        durable transaction).

        Raises:
            StorageError: the sync failed.
        """
        try:
            self._wal_syncer().sync_now()
        except OSError as err:
            raise write_failed(self.path, sqlite3.OperationalError(f"sync failed: {err}")) from err

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection for reads (a consistent snapshot per statement).

        Raises:
            StorageError: the database could not be read.
        """
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as err:
                raise read_failed(self.path, err) from err

    def close(self) -> None:
        """Checkpoint the WAL into the main file and close the connection."""
        with self._lock:
            if self._syncer is not None:
                self._syncer.stop()
                self._syncer = None
            try:
                if not self.read_only:
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error as err:  # closing must not fail the shutdown
                _log.warning("WAL checkpoint on close failed: %s", err)
            self._conn.close()

    def _rollback(self) -> None:
        self.rollbacks += 1
        try:
            self._conn.execute("ROLLBACK")
        except sqlite3.Error as err:  # already rolled back by SQLite after an I/O error
            _log.debug("rollback after failure: %s", err)


class Transaction:
    """`Database.transaction`'s context manager: a plain class, not a generator (a scan opens
    two, the journal line's inside the edit's; generator context managers cost several µs each,
    issue 19)."""

    __slots__ = ("_db", "_durable", "_outermost")

    def __init__(self, db: Database, durable: bool) -> None:
        self._db = db
        self._durable = durable
        self._outermost = False

    def __enter__(self) -> sqlite3.Connection:
        db = self._db
        db._lock.acquire()
        try:
            if db._depth:
                db._needs_sync = db._needs_sync or self._durable
                db._depth += 1
                return db._conn
            try:
                db._commit_quickly()  # only outside a transaction: SQLite refuses it inside
                db._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as err:
                raise write_failed(db.path, err) from err
            db._depth, db._inner_failed, db._needs_sync = 1, False, self._durable
            self._outermost = True
            return db._conn
        except BaseException:
            db._lock.release()
            raise

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        db = self._db
        sync = False
        try:
            if self._outermost:
                sync = self._end_outermost(error)
            else:
                db._depth -= 1
                if error is not None:  # the whole transaction rolls back, even if the caller goes on
                    db._inner_failed = True
                    if isinstance(error, sqlite3.Error):
                        raise write_failed(db.path, error) from error
        finally:
            db._lock.release()
        if sync:  # the lock released: other threads read and write meanwhile
            db._sync_durably()

    def _end_outermost(self, error: BaseException | None) -> bool:
        """Commit (or roll back); True when the committed transaction must be synced now."""
        db = self._db
        db._depth = 0
        if error is not None:
            db._rollback()
            if isinstance(error, sqlite3.Error):
                raise write_failed(db.path, error) from error
            return False  # the exception goes on as it is
        if db._inner_failed:
            db._rollback()
            raise write_failed(db.path, sqlite3.OperationalError("a part of the transaction failed"))
        try:
            db._conn.execute("COMMIT")
        except sqlite3.Error as err:
            db._rollback()
            raise write_failed(db.path, err) from err
        # Either kind: a quick one's frames are synced soon, and a WAL grown past its mark is
        # checkpointed by the worker.
        db._wal_syncer().due()
        return db._needs_sync


class Table:
    """Base of the classes that own one part of the database (journal, outbox, codes, audit).

    Args:
        db: the open database.
        clock: returns the current time (tests pass a settable one).
    """

    def __init__(self, db: Database, clock: Callable[[], datetime] = utc_now) -> None:
        self._db = db
        self._clock = clock


def write_failed(path: Path, err: sqlite3.Error) -> StorageError:
    """The packer-facing error for a failed write; nothing of the action was stored."""
    return StorageError(
        QT_TRANSLATE_NOOP(
            "Database", "Could not write the action to the journal (%1): %2. The action was not done."
        )(path, err),
        hint=QT_TRANSLATE_NOOP("Database", "Check the free disk space and try again."),
    )


def read_failed(path: Path, err: sqlite3.Error) -> StorageError:
    """The packer-facing error for a failed read."""
    return StorageError(
        QT_TRANSLATE_NOOP("Database", "Could not read the journal (%1): %2.")(path, err),
        hint=QT_TRANSLATE_NOOP("Database", "Restart the app; if it happens again, contact support."),
    )


@dataclass(frozen=True, slots=True)
class DatabaseOpen:
    """The outcome of `open_database`.

    Attributes:
        database: the ready database (fresh if the old file was unusable).
        warning: what went wrong and where the old file went, for the message bar.
        moved_to: the timestamped path of the unusable file, if it was moved.
        migrated: the schema versions applied during this open.
    """

    database: Database
    warning: StorageError | None = None
    moved_to: Path | None = None
    migrated: tuple[int, ...] = ()


def connect(path: Path, *, lock_wait_ms: int = _LOCK_WAIT_MS) -> sqlite3.Connection:
    """A raw autocommit connection with the journal's pragmas (WAL, synchronous=FULL).

    Raises:
        sqlite3.Error: the file is not a usable database.
    """
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=lock_wait_ms / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(lock_wait_ms)}")
        if schema_version(conn) == 0:
            # Must precede the first table; lets retention give pages back to the file system.
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise sqlite3.OperationalError(f"journal_mode is {mode}, WAL unavailable")
        conn.execute("PRAGMA synchronous = FULL")
        # Checkpoints are the syncer thread's, never a committing thread's (see `_commit_quickly`).
        # FULL for the migrations; `Database` sets NORMAL for its transactions and syncs itself.
        conn.execute("PRAGMA wal_autocheckpoint = 0")
    except BaseException:
        conn.close()
        raise
    return conn


def open_database(
    data_dir: Path,
    *,
    file_name: str = DB_FILE_NAME,
    lock_wait_ms: int = _LOCK_WAIT_MS,
    sync_file: Callable[[int], None] = os.fsync,
) -> DatabaseOpen:
    """Open (or create) the journal database in `data_dir`, upgrading its schema.

    Args:
        data_dir: the app's data directory (must exist).
        file_name: the database file name.
        lock_wait_ms: how long to wait for another program's lock before giving up on the file.
        sync_file: fsyncs the WAL's file descriptor (`Database`).

    Returns:
        The open database, with a warning when the old file had to be moved aside.

    Raises:
        StorageError: even a fresh database cannot be created in `data_dir`.
    """
    path = data_dir / file_name
    try:
        conn, applied = _open_checked(path, lock_wait_ms)
        return DatabaseOpen(Database(conn, path, sync_file=sync_file), migrated=tuple(applied))
    except UnusableDatabaseError as bad:
        moved = _move_aside(path)
        _log.warning("journal %s unusable (%s); moved to %s", path, bad, moved)
        warning = _moved_warning(path, moved, bad)
    try:
        conn, applied = _open_checked(path, lock_wait_ms)
    except (UnusableDatabaseError, OSError) as err:
        raise StorageError(
            QT_TRANSLATE_NOOP("Database", "Could not create the journal in %1: %2.")(path, err),
            hint=QT_TRANSLATE_NOOP("Database", "Choose a writable folder with --data-dir."),
        ) from err
    database = Database(conn, path, sync_file=sync_file)
    return DatabaseOpen(database, warning=warning, moved_to=moved, migrated=tuple(applied))


def _open_checked(path: Path, lock_wait_ms: int) -> tuple[sqlite3.Connection, list[int]]:
    _check_header(path)
    _make_private(path)
    try:
        conn = connect(path, lock_wait_ms=lock_wait_ms)
    except sqlite3.Error as err:
        raise _classify(err) from err
    try:
        version = schema_version(conn)
        if version > SCHEMA_VERSION:
            raise UnusableDatabaseError(
                QT_TRANSLATE_NOOP("Database", "it was written by a newer Packstation (schema %1)")(version)
            )
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise UnusableDatabaseError(QT_TRANSLATE_NOOP("Database", "the file is damaged (%1)")(check))
        applied = migrate(conn)
    except sqlite3.Error as err:
        conn.close()
        raise _classify(err) from err
    except UnusableDatabaseError:
        conn.close()
        raise
    return conn, applied


def _make_private(path: Path) -> None:
    """Create the file user-only (0600) before SQLite does, or tighten an existing one: it holds
    full marking codes. SQLite creates the -wal/-shm files with the database file's mode.
    On Windows the mode is ignored; the per-user profile folder is private already."""
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        for each in (path, *(path.with_name(path.name + suffix) for suffix in COMPANION_SUFFIXES)):
            try:
                if each.stat().st_mode & 0o077:
                    os.chmod(each, 0o600)
            except FileNotFoundError:
                continue
            except OSError as err:  # not ours to change (another owner): SQLite will say more
                _log.warning("could not make %s user-only: %s", each, err)
        return
    except OSError:
        return  # the folder is not writable: SQLite reports it
    os.close(fd)


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite opens it (and resets its -wal companion)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as err:
        raise UnusableDatabaseError(
            QT_TRANSLATE_NOOP("Database", "the file cannot be read: %1")(err.strerror or err)
        ) from err
    if header and header != _SQLITE_HEADER:
        raise UnusableDatabaseError(QT_TRANSLATE_NOOP("Database", "the file is damaged or not a database"))


def _classify(err: sqlite3.Error) -> UnusableDatabaseError:
    text = str(err)
    if "locked" in text or "busy" in text:
        return UnusableDatabaseError(
            QT_TRANSLATE_NOOP(
                "Database", "the file is locked by another program (perhaps a second Packstation window): %1"
            )(text)
        )
    if "unable to open" in text:
        return UnusableDatabaseError(
            QT_TRANSLATE_NOOP("Database", "the file cannot be opened (missing folder or no permission): %1")(
                text
            )
        )
    return UnusableDatabaseError(
        QT_TRANSLATE_NOOP("Database", "the file is damaged or not a database: %1")(text)
    )


def _move_aside(path: Path) -> Path | None:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    try:
        os.replace(path, target)
    except FileNotFoundError:
        return None
    except OSError as err:
        _log.error("could not move %s aside: %s", path, err)
        return None
    for suffix in COMPANION_SUFFIXES:
        companion = path.with_name(path.name + suffix)
        try:
            os.replace(companion, target.with_name(target.name + suffix))
        except FileNotFoundError:
            continue
        except OSError as err:
            _log.warning("could not move %s aside: %s", companion, err)
    return target


def _moved_warning(path: Path, moved: Path | None, bad: UnusableDatabaseError) -> StorageError:
    if moved is not None:
        where = QT_TRANSLATE_NOOP("Database", "The old file was kept as %1.")(moved)
    else:
        where = QT_TRANSLATE_NOOP("Database", "The old file could not be moved.")
    return StorageError(
        QT_TRANSLATE_NOOP("Database", "The journal %1 cannot be used: %2. A new journal was started. %3")(
            path, bad.reason, where
        ),
        hint=QT_TRANSLATE_NOOP(
            "Database", "Unfinished packing from the old journal was not restored; tell support."
        ),
    )
