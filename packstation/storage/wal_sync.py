"""Making the journal's quick commits reach the disk soon, off the GUI thread (issue 19).

A scan's journal line commits with `synchronous=NORMAL` (see `storage.journal`): COMMIT writes
the WAL frames into the OS page cache and returns without waiting for the disk, which took
1-20 ms per scan (up to 160 ms on a busy disk) in the GUI thread. The page cache survives a crash
of the app, which is what the journal-before-visible rule protects; only a power cut or an OS
crash can lose it. `WalSyncer` narrows that window: after such a commit it fsyncs the WAL file
from a worker thread within `delay_s`, so a power cut loses at most the last fraction of a second
of scans (the packer scans them again) and never anything a Market call was made for (outbox
intents commit with `synchronous=FULL`, which syncs every earlier frame too).
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Final

_log = logging.getLogger("packstation.storage")
DELAY_S: Final = 0.2  # several scans in a burst share one fsync


class WalSyncer:
    """Fsyncs a database's -wal file shortly after `due()` is called, on its own thread.

    Args:
        wal: the -wal file of the database.
        delay_s: how long to wait after the first `due()` before syncing (coalesces a burst).
    """

    def __init__(self, wal: Path, delay_s: float = DELAY_S) -> None:
        self._wal = wal
        self._delay_s = delay_s
        self._due = threading.Event()
        self._stopping = threading.Event()
        self.syncs = 0
        self._thread = threading.Thread(target=self._run, name="journal-wal-sync", daemon=True)
        self._thread.start()

    def due(self) -> None:
        """A commit left WAL frames unsynced: sync them soon."""
        self._due.set()

    def flush(self) -> None:
        """Sync now, in the calling thread (a durable write joined a quick transaction)."""
        self._due.clear()
        self._sync()

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

    def _sync(self) -> None:
        try:
            fd = os.open(self._wal, os.O_RDWR)  # Windows needs a writable handle to flush
        except FileNotFoundError:
            return  # checkpointed and removed: nothing left to sync
        except OSError as err:
            _log.warning("could not open %s to sync it: %s", self._wal, err)
            return
        try:
            os.fsync(fd)
            self.syncs += 1
        except OSError as err:
            _log.warning("could not sync %s: %s", self._wal, err)
        finally:
            os.close(fd)
