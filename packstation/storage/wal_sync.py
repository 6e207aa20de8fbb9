"""Making the journal's quick commits reach the disk soon, off the GUI thread (issue 19).

A scan's journal line commits with `synchronous=NORMAL` (see `storage.journal`): COMMIT writes
the WAL frames into the OS page cache and returns without waiting for the disk, which took
1-20 ms per scan (up to 160 ms on a busy disk) in the GUI thread. The page cache survives a crash
of the app, which is what the journal-before-visible rule protects; only a power cut or an OS
crash can lose it. `WalSyncer` narrows that window: after such a commit it fsyncs the WAL file
from a worker thread within `delay_s`, so a power cut loses at most the last fraction of a second
of scans (the packer scans them again) and never anything a Market call was made for (an outbox
intent's thread syncs the WAL itself before the call, `sync_now`, every earlier frame with it).

No commit runs SQLite's automatic checkpoint (copying the WAL back into the database file, with
its own fsyncs: up to 100 ms measured in a scan; a durable commit's, made in a worker thread,
held the connection the GUI thread writes through). After any commit, once the WAL has grown past
`CHECKPOINT_BYTES`, this thread checkpoints it (PASSIVE: it never waits for, nor blocks, the GUI
thread's writes) through a connection of its own.

SQLite reuses a checkpointed WAL from its start and keeps the file as long as it grew, so its size
alone said "grown" after the first checkpoint for good: the thread checkpointed after every sync,
and the next scan after each checkpoint restarted the WAL, which SQLite does with an fsync of its
header, in the GUI thread (a scan after a pause took 8-10 ms, up to 140 ms while the disk was busy;
issue 19). "Grown" is now what the WAL holds (`wal_content_bytes`: the frame count in the
wal-index), about a thousand scans between checkpoints whoever restarted the WAL. Right after a
checkpoint that copied the whole WAL back, this thread makes the write that restarts it (`PRAGMA
user_version` set to what it is), so the header's fsync is its own, and cuts the file back to
`KEPT_BYTES` (`PRAGMA journal_size_limit`, applied at the restart's commit). While scans are
committing (one within `QUIET_S`), it leaves the restart to the next scan, whose BEGIN would
otherwise wait for it in SQLite's busy sleeps (in a burst of scans only: a packer's pace leaves
a quiet moment).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Final

_log = logging.getLogger("packstation.storage")
DELAY_S: Final = 0.2  # several scans in a burst share one fsync
CHECKPOINT_BYTES: Final = 4 * 1024 * 1024  # about SQLite's own 1,000-page autocheckpoint
KEPT_BYTES: Final = CHECKPOINT_BYTES // 2  # a restarted WAL's file is cut to this (see the module doc)
QUIET_S: Final = 0.1  # no commit for this long after a checkpoint: this thread restarts the WAL


def wal_content_bytes(wal: Path) -> int:
    """How much of the WAL file holds frames still in use: the frame count SQLite keeps in the
    wal-index header (the -shm file; https://sqlite.org/walformat.html, two copies of 48 bytes,
    native byte order), else, when that cannot be read whole, the file's size. The file is reused
    from its start after a checkpoint and never shrinks, so its size alone says "grown" for good.

    Raises:
        OSError: the WAL file cannot be read.
    """
    size = wal.stat().st_size
    try:
        with open(wal.with_name(wal.name.removesuffix("-wal") + "-shm"), "rb") as shm:
            header = shm.read(96)
    except OSError:
        return size
    if len(header) < 96 or header[:48] != header[48:] or header[12] != 1:  # torn, or not set up
        return size
    page = int.from_bytes(header[14:16], sys.byteorder)
    page = 65536 if page == 1 else page
    frames = int.from_bytes(header[16:20], sys.byteorder)
    if not 512 <= page <= 65536:
        return size
    return min(size, 32 + frames * (page + 24))


class WalSyncer:
    """Fsyncs a database's -wal file shortly after `due()` is called, on its own thread.

    Args:
        wal: the -wal file of the database.
        delay_s: how long to wait after the first `due()` before syncing (coalesces a burst).
        database: the database file, to checkpoint a WAL grown past `checkpoint_bytes` (None:
            never checkpoint here).
        writers: the lock the database's writers take (`Database`'s): the WAL is restarted
            holding it.
        sync_file: fsyncs an open file descriptor (a test passes a slow disk's).
    """

    def __init__(
        self,
        wal: Path,
        delay_s: float = DELAY_S,
        *,
        database: Path | None = None,
        checkpoint_bytes: int = CHECKPOINT_BYTES,
        writers: threading.RLock | None = None,
        sync_file: Callable[[int], None] = os.fsync,
    ) -> None:
        self._wal = wal
        self._sync_file = sync_file
        self._writers = writers
        self._delay_s = delay_s
        self._database = database
        self._checkpoint_bytes = checkpoint_bytes
        self.checkpoints = 0
        self.restarts = 0  # WALs this thread restarted after its checkpoint
        self._due = threading.Event()
        self._stopping = threading.Event()
        self.syncs = 0
        self.durable_syncs: Counter[str] = Counter()  # `sync_now`s by thread name
        self._folder_synced = os.name == "nt"  # Windows cannot open a folder to sync it (NTFS logs names)
        self._thread = threading.Thread(target=self._run, name="journal-wal-sync", daemon=True)
        self._thread.start()

    def due(self) -> None:
        """A commit was made (a quick one left WAL frames unsynced): sync them soon, and
        checkpoint the WAL if it has grown past the mark."""
        # Already due: the worker clears the flag before it syncs, so that sync covers this
        # commit too (setting an Event takes its lock and notifies: each scan did; issue 19).
        if not self._due.is_set():
            self._due.set()

    def sync_now(self) -> None:
        """Sync the WAL now, in the calling thread (a durable transaction was committed); the
        first time, its folder too, as SQLite does for a new WAL (the file's name must survive
        a power cut with its frames).

        Raises:
            OSError: the WAL could not be synced: its frames may not be on disk.
        """
        self._due.clear()  # the worker's next sync would cover nothing more
        self._sync_wal()
        self.durable_syncs[threading.current_thread().name] += 1
        if not self._folder_synced:
            _sync_folder(self._wal.parent)
            self._folder_synced = True

    def stop(self) -> None:
        """Sync what is pending and end the thread."""
        self._stopping.set()
        self._due.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            self._due.wait()
            # Let a burst of scans gather (a stop cuts the wait short and still syncs).
            self._stopping.wait(self._delay_s)
            self._due.clear()
            self._sync()
            if self._stopping.is_set():
                return
            self._checkpoint_if_grown()

    def _checkpoint_if_grown(self) -> None:
        if self._database is None:
            return
        try:
            if wal_content_bytes(self._wal) < self._checkpoint_bytes:
                return
            conn = sqlite3.connect(self._database, timeout=1, isolation_level=None)
            try:
                busy, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                self.checkpoints += 1
                # Copied back whole: restart it here, in a quiet moment. A scan committing within
                # `QUIET_S` restarts it itself: its BEGIN would wait here, in SQLite's busy sleeps
                # (1, 2, 5 ms...), for this thread's restart and its fsync to end.
                if not busy and frames == copied and not self._due.wait(QUIET_S):
                    self._restart_between_writes(conn)
            finally:
                conn.close()
        except (OSError, sqlite3.Error) as err:  # tried again after the next sync
            _log.warning("could not checkpoint %s: %s", self._wal, err)

    def _restart_between_writes(self, conn: sqlite3.Connection) -> None:
        """`_restart` holding the writers' lock, when it is free: a scan beginning meanwhile waits
        for its end on that lock, woken as it ends, not in SQLite's busy sleeps."""
        writers = self._writers
        if writers is not None and not writers.acquire(blocking=False):
            return  # the connection is in use: the next write restarts the WAL itself
        try:
            self._restart(conn)
        finally:
            if writers is not None:
                writers.release()

    def _restart(self, conn: sqlite3.Connection) -> None:
        """Restart the WAL, copied back whole, with a write of nothing new: SQLite syncs the new
        header here, not in the scan that would write next (see the module doc)."""
        conn.execute(f"PRAGMA journal_size_limit = {KEPT_BYTES}")
        conn.execute("PRAGMA synchronous = NORMAL")  # the header is synced all the same
        conn.execute("PRAGMA busy_timeout = 0")  # a scan writing now restarts it itself
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:  # busy: that scan's write restarts it
            return
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        self.restarts += 1

    def _sync(self) -> None:
        """The worker's sync: a failure is logged (the next sync, or a durable one, retries)."""
        try:
            self._sync_wal()
        except FileNotFoundError:
            return  # checkpointed and removed: nothing left to sync
        except OSError as err:
            _log.warning("could not sync %s: %s", self._wal, err)

    def _sync_wal(self) -> None:
        """Fsync the WAL file.

        Raises:
            OSError: it could not be opened or synced.
        """
        fd = os.open(self._wal, os.O_RDWR)  # Windows needs a writable handle to flush
        try:
            self._sync_file(fd)
        finally:
            os.close(fd)
        self.syncs += 1


def _sync_folder(folder: Path) -> None:
    """Fsync a folder, so that a file created in it is found after a power cut. Best effort, as
    SQLite's own: some file systems (network shares) refuse to open or sync a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as err:
        _log.debug("could not open %s to sync it: %s", folder, err)
        return
    try:
        os.fsync(fd)
    except OSError as err:
        _log.debug("could not sync %s: %s", folder, err)
    finally:
        os.close(fd)
