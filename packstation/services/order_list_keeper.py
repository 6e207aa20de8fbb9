"""Keeping the order list for the next start (issue 19: show the list at once).

`OrderListKeeper.restore(queue)` lists the orders kept by the last run before the Market is asked
(the queue marks them with `cached_at` until its first load); `attach(queue)` keeps the kept list
fresh: after a Market refresh at most every `every_s` seconds, and `save(queue)` once more at
shutdown. Only a list the Market sent is kept (never the kept one again). A storage failure is
logged and otherwise ignored: the kept list is a convenience, the Market's list is the truth.

Encoding and writing 3,000 orders takes ~100 ms: the saves after refreshes (`save_soon`) run in
a worker thread, so the GUI thread does not stall every 15 minutes (issue 19); a save never
replaces a newer kept list with an older one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable, Sequence
from datetime import datetime

from packstation.domain.errors import StorageError
from packstation.domain.order import Order
from packstation.services.order_queue import OrderQueue, QueueChange
from packstation.services.ports import Clock, OrderListCachePort

_log = logging.getLogger(__name__)


class OrderListKeeper:
    """Restores and saves one campaign's order list through an `OrderListCachePort`.

    Args:
        cache: where the list is kept (`storage.order_list_cache.SqliteOrderListCache`).
        campaign_id: the campaign whose list this is.
        clock: for spacing the saves.
        every_s: the least time between two saves after refreshes (a save encodes the whole list).
    """

    def __init__(
        self, cache: OrderListCachePort, campaign_id: int, clock: Clock, every_s: float = 900.0
    ) -> None:
        self._cache = cache
        self._campaign_id = campaign_id
        self._clock = clock
        self._every_s = every_s
        self._saved_at: datetime | None = None
        self._saved_version = -1
        self._writing = threading.Lock()  # a worker's save and one made here never interleave
        self._written_version = -1  # the newest list version written (by any thread)
        self._pending: asyncio.Future[bool] | None = None

    def restore(self, queue: OrderQueue) -> int:
        """List the kept orders in `queue` (before its first load); how many were listed."""
        try:
            kept = self._cache.load(self._campaign_id)
        except StorageError as err:
            _log.warning("could not read the kept order list: %s", err.en)
            return 0
        if kept is None or not kept.orders:
            return 0
        queue.show_cached(kept.orders, kept.saved_at)
        return len(queue)

    def save(self, queue: OrderQueue) -> bool:
        """Keep the queue's current list now, if the Market sent it and it changed since the last save."""
        if not self._wanted(queue):
            return False
        if not self._keep(queue.version, queue.orders()):
            return False
        self._saved_at = self._clock.now()
        self._saved_version = queue.version
        return True

    def save_soon(self, queue: OrderQueue) -> None:
        """`save`, with the encoding and the write in a worker thread (in this one when no event
        loop runs); `settle()` waits for it. A failed save is logged; the next one comes after
        `every_s` again."""
        if not self._wanted(queue):
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.save(queue)
            return
        version = queue.version
        self._saved_at = self._clock.now()
        pending = loop.run_in_executor(None, self._keep, version, queue.orders())

        def done(future: asyncio.Future[bool]) -> None:
            if not future.cancelled() and future.exception() is None and future.result():
                self._saved_version = max(self._saved_version, version)

        pending.add_done_callback(done)
        self._pending = pending

    async def settle(self) -> None:
        """Wait until a save running in a worker thread has ended."""
        if self._pending is not None:
            with contextlib.suppress(Exception):
                await self._pending
            self._pending = None

    def _wanted(self, queue: OrderQueue) -> bool:
        return queue.loaded and queue.cached_at is None and queue.version != self._saved_version

    def _keep(self, version: int, orders: Sequence[Order]) -> bool:
        """Write `orders` (the list at `version`) unless a newer list was written meanwhile."""
        with self._writing:
            if version <= self._written_version:
                return False
            try:
                self._cache.save(self._campaign_id, orders)
            except StorageError as err:
                _log.warning("could not keep the order list: %s", err.en)
                return False
            self._written_version = version
            return True

    def attach(self, queue: OrderQueue) -> Callable[[], None]:
        """Save after the queue's changes, at most every `every_s`; returns the unsubscriber."""

        def on_change(_change: QueueChange) -> None:
            due = self._saved_at is None or (
                (self._clock.now() - self._saved_at).total_seconds() >= self._every_s
            )
            if due:
                self.save_soon(queue)

        return queue.subscribe(on_change)
