"""The composition of the storage package: one database, five ports, retention at start.

`app.py` calls `open_local_store(data_dir, settings.storage, station=..., packer=...)` once,
plugs `journal`, `outbox`, `codes`, `audit` and `clips` into the services, shows `warning` (if any) in the
message bar, calls `compact()` once a day while running (opening already compacts), and
`close()` on shutdown.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from packstation.domain.errors import StorageError
from packstation.domain.time import utc_now
from packstation.storage.audit import SqliteAuditLog
from packstation.storage.codes import SqliteCodeRegistry
from packstation.storage.config import StorageSettings
from packstation.storage.database import DB_FILE_NAME, Database, open_database
from packstation.storage.journal import CompactionResult, SqliteJournal
from packstation.storage.order_list_cache import SqliteOrderListCache
from packstation.storage.outbox import SqliteOutbox
from packstation.storage.video_index import SqliteClipIndex

_log = logging.getLogger("packstation.storage")


@dataclass(frozen=True, slots=True)
class LocalStore:
    """The station's local database and its ports.

    Attributes:
        database: the shared connection (close it via `close`).
        journal: `JournalPort`.
        outbox: `OutboxPort`.
        codes: `CodeRegistryPort` (the seen-codes index).
        audit: `AuditPort` and `AuditReader`.
        clips: the packing video index (`ClipIndexPort`).
        warning: set when the old database file was unusable and moved aside.
        moved_to: where the unusable file went.
        compaction: what retention removed at open (None when it failed; logged).
    """

    database: Database
    journal: SqliteJournal
    outbox: SqliteOutbox
    codes: SqliteCodeRegistry
    audit: SqliteAuditLog
    clips: SqliteClipIndex
    retention_days: int = StorageSettings().retention_days
    warning: StorageError | None = None
    moved_to: Path | None = None
    compaction: CompactionResult | None = None

    @property
    def order_list(self) -> SqliteOrderListCache:
        """`OrderListCachePort`: the last order list per campaign, shown at the next start."""
        return SqliteOrderListCache(self.database)

    def compact(self) -> CompactionResult | None:
        """Apply the retention period now (the app also calls this daily while it runs).

        Returns:
            What was removed, or None when compaction failed (logged; it is housekeeping and
            must never interrupt packing).
        """
        try:
            return self.journal.compact(self.retention_days)
        except StorageError as err:
            _log.warning("journal compaction failed: %s", err)
            return None

    def close(self) -> None:
        """Flush the WAL into the database file and close it."""
        self.database.close()


def open_local_store(
    data_dir: Path,
    settings: StorageSettings | None = None,
    *,
    station: str = "",
    packer: str = "",
    clock: Callable[[], datetime] = utc_now,
    file_name: str = DB_FILE_NAME,
    sync_file: Callable[[int], None] = os.fsync,
) -> LocalStore:
    """Open the journal database in `data_dir`, migrate it, and compact old finished work
    (`sync_file`: fsyncs the WAL; a test passes a slow or failing disk's).

    Raises:
        StorageError: not even a fresh database can be created there.
    """
    settings = settings or StorageSettings()
    opened = open_database(data_dir, file_name=file_name, sync_file=sync_file)
    db = opened.database
    audit = SqliteAuditLog(db, station=station, packer=packer, clock=clock)
    store = LocalStore(
        database=db,
        journal=SqliteJournal(db, clock, audit=audit),
        outbox=SqliteOutbox(db, clock),
        codes=SqliteCodeRegistry(db, clock),
        audit=audit,
        clips=SqliteClipIndex(db, clock),
        retention_days=settings.retention_days,
        warning=opened.warning,
        moved_to=opened.moved_to,
    )
    return replace(store, compaction=store.compact())
