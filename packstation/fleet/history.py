"""Every desk's audit lines in the fleet's shared history, so any desk (or `packstation fleet
history`) sees who did what to an order, at which desk, when.

`FleetAuditTee` is an `AuditPort`: it writes the local audit first (as a lone desk does), then
queues the line for the fleet. `flush()` (run by the desk's heartbeat and right after each line)
sends the queue with the original times and packer; lines written while the database is away
wait in the queue and go out when it is back.

`FleetHistoryReader` reads the shared history back (one order, or a time range for the Shift
panel) on a short-timeout synchronous connection, like the scan path's code reservations: the
History view and the Shift panel ask on demand and fall back to the local audit when it fails.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from datetime import datetime
from typing import Any

import psycopg

from packstation.domain.errors import PackstationError
from packstation.domain.time import utc_now
from packstation.fleet.dsn import connect_kwargs
from packstation.fleet.store import FleetStore, offline
from packstation.logs import mask_secrets
from packstation.services.fleet_ports import HistoryEntry
from packstation.services.ports import AuditPort

_log = logging.getLogger("packstation.fleet")
_MAX_QUEUE = 10_000  # a desk offline for days keeps the newest lines, not all of memory


class FleetAuditTee:
    def __init__(self, local: AuditPort, fleet: FleetStore) -> None:
        self.local = local
        self._fleet = fleet
        self._queue: list[tuple[datetime, str, str, int | None, str]] = []
        self._flushing: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    def record(self, action: str, *, order_id: int | None = None, detail: str = "") -> None:
        self.local.record(action, order_id=order_id, detail=detail)
        # Who did it is whoever is signed in now (the local audit follows sign-ins), not at sending.
        packer = getattr(self.local, "packer", None)
        who = packer if isinstance(packer, str) else self._fleet.packer
        self._queue.append((utc_now(), who, action, order_id, mask_secrets(detail)[:500]))
        del self._queue[:-_MAX_QUEUE]
        with contextlib.suppress(RuntimeError):  # no running loop (tests of the local part)
            if self._flushing is None or self._flushing.done():
                self._flushing = asyncio.get_running_loop().create_task(self.flush())

    async def flush(self) -> None:
        async with self._lock:  # one sender at a time: each line goes out once, in order
            while self._queue:
                at, packer, action, order_id, detail = self._queue[0]
                try:
                    await self._fleet.record(action, order_id=order_id, detail=detail, at=at, packer=packer)
                except PackstationError:
                    return  # offline: the heartbeat tries again
                self._queue.pop(0)

    @property
    def pending(self) -> int:
        return len(self._queue)


_COLUMNS = "SELECT at, desk, packer, order_id, action, detail FROM history"


class FleetHistoryReader:
    """Every desk's lines from the shared history (synchronous, a few seconds at most).

    Raises `FleetUnavailableError` when the database does not answer.
    """

    def __init__(self, dsn: str, *, desk: str, timeout_s: int = 2) -> None:
        self._kwargs = {**connect_kwargs(dsn, desk=f"{desk}/history"), "connect_timeout": timeout_s}
        self._timeout_ms = timeout_s * 1000
        self._conn: psycopg.Connection[Any] | None = None
        self._lock = threading.Lock()

    def _query(self, sql: str, params: tuple[object, ...]) -> list[HistoryEntry]:
        with self._lock:
            try:
                if self._conn is None or self._conn.closed:
                    kwargs = dict(self._kwargs)
                    self._conn = psycopg.connect(
                        kwargs.pop("conninfo"), autocommit=True, tcp_user_timeout=self._timeout_ms, **kwargs
                    )
                    self._conn.execute(f"SET statement_timeout = {self._timeout_ms}")
                rows = self._conn.execute(sql.encode(), params).fetchall()
            except psycopg.Error as err:
                if self._conn is not None:
                    self._conn.close()
                raise offline(err) from err
        return [HistoryEntry(*row) for row in rows]

    def history(self, order_id: int) -> list[HistoryEntry]:
        """Everything every desk recorded about one order, oldest first."""
        return self._query(f"{_COLUMNS} WHERE order_id = %s ORDER BY at, id", (order_id,))

    def between(self, start: datetime | None, end: datetime | None) -> list[HistoryEntry]:
        """Lines with `start <= at < end` (either bound may be None), oldest first."""
        return self._query(
            f"{_COLUMNS} WHERE (%s::timestamptz IS NULL OR at >= %s) AND (%s::timestamptz IS NULL OR at < %s)"
            " ORDER BY at, id",
            (start, start, end, end),
        )

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
