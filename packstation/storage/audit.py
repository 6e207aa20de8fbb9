"""The audit log: who (station + packer) did what to which order, and when.

Implements `AuditPort` and the `AuditReader` queries the order-history view and the CSV export
use. Details pass through the same masking as the log file, so marking codes and tokens never
reach the audit trail in full. The audit log is never compacted. Lines commit quickly (synced to
the disk by a worker thread within `wal_sync.DELAY_S`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

from packstation.domain.time import utc_now
from packstation.logs import mask_secrets
from packstation.services.ports import AuditReader, AuditRecord
from packstation.storage.codec import from_text, to_text
from packstation.storage.database import Database, Table

__all__ = ["AuditReader", "AuditRecord", "SqliteAuditLog"]

_MAX_DETAIL = 2000


class SqliteAuditLog(Table):
    """`AuditPort` + `AuditReader` over the shared database.

    Args:
        db: the open database.
        station: this station's name (settings).
        packer: the packer's name (settings).
        clock: returns the current time.
    """

    def __init__(
        self, db: Database, *, station: str = "", packer: str = "", clock: Callable[[], datetime] = utc_now
    ) -> None:
        super().__init__(db, clock)
        self.station = station
        self.packer = packer

    def set_identity(self, station: str, packer: str) -> None:
        """Use new station/packer names from now on (after the settings changed)."""
        self.station = station
        self.packer = packer

    def record(self, action: str, *, order_id: int | None = None, detail: str = "") -> None:
        """Append one audit line (e.g. "box_layout_sent", "label_printed", "market_error").

        Raises:
            StorageError: the line could not be written.
        """
        safe = mask_secrets(detail)[:_MAX_DETAIL]
        # A quick commit, like a scan's journal line (see `storage.wal_sync`): an app crash cannot
        # lose it and a worker thread syncs it within a fraction of a second; a durable one made
        # every submit wait for several fsyncs (5-100 ms each) in the GUI thread (issue 19).
        with self._db.transaction(durable=False) as conn:
            conn.execute(
                "INSERT INTO audit (at, station, packer, action, order_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
                (to_text(self._clock()), self.station, self.packer, action, order_id, safe),
            )

    def history(self, order_id: int) -> list[AuditRecord]:
        """Everything recorded about one order, oldest first."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT id, at, station, packer, action, order_id, detail FROM audit "
                "WHERE order_id = ? ORDER BY id",
                (order_id,),
            ).fetchall()
        return [_record(row) for row in rows]

    def between(self, start: datetime | None, end: datetime | None) -> Iterator[AuditRecord]:
        """Lines with `start <= at < end` (either bound may be None), oldest first."""
        low = to_text(start) if start is not None else ""
        clauses, params = ["at >= ?"], [low]
        if end is not None:
            clauses.append("at < ?")
            params.append(to_text(end))
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT id, at, station, packer, action, order_id, detail FROM audit "
                f"WHERE {' AND '.join(clauses)} ORDER BY at, id",
                params,
            ).fetchall()
        return (_record(row) for row in rows)


def _record(row: tuple[int, str, str, str, str, int | None, str]) -> AuditRecord:
    return AuditRecord(row[0], from_text(row[1]), row[2], row[3], row[4], row[5], row[6])
