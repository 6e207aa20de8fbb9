"""Every desk's audit lines in the fleet's shared history, so any desk (or `packstation fleet
history`) sees who did what to an order, at which desk, when.

`FleetAuditTee` is an `AuditPort`: it writes the local audit first (as a lone desk does), then
queues the line for the fleet. `flush()` (run by the desk's heartbeat and right after each line)
sends the queue with the original times; lines written while the database is away wait in the
queue and go out when it is back.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime

from packstation.domain.errors import PackstationError
from packstation.fleet.store import FleetStore
from packstation.services.ports import AuditPort

_log = logging.getLogger("packstation.fleet")
_MAX_QUEUE = 10_000  # a desk offline for days keeps the newest lines, not all of memory


class FleetAuditTee:
    def __init__(self, local: AuditPort, fleet: FleetStore) -> None:
        self.local = local
        self._fleet = fleet
        self._queue: list[tuple[datetime, str, int | None, str]] = []
        self._flushing: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    def record(self, action: str, *, order_id: int | None = None, detail: str = "") -> None:
        self.local.record(action, order_id=order_id, detail=detail)
        self._queue.append((datetime.now(UTC), action, order_id, detail[:500]))
        del self._queue[:-_MAX_QUEUE]
        with contextlib.suppress(RuntimeError):  # no running loop (tests of the local part)
            if self._flushing is None or self._flushing.done():
                self._flushing = asyncio.get_running_loop().create_task(self.flush())

    async def flush(self) -> None:
        async with self._lock:  # one sender at a time: each line goes out once, in order
            while self._queue:
                at, action, order_id, detail = self._queue[0]
                try:
                    await self._fleet.record(action, order_id=order_id, detail=detail, at=at)
                except PackstationError:
                    return  # offline: the heartbeat tries again
                self._queue.pop(0)

    @property
    def pending(self) -> int:
        return len(self._queue)
