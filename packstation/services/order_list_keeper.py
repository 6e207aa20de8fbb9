"""Keeping the order list for the next start (issue 19: show the list at once).

`OrderListKeeper.restore(queue)` lists the orders kept by the last run before the Market is asked
(the queue marks them with `cached_at` until its first load); `attach(queue)` keeps the kept list
fresh: after a Market refresh at most every `every_s` seconds, and `save(queue)` once more at
shutdown. Only a list the Market sent is kept (never the kept one again). A storage failure is
logged and otherwise ignored: the kept list is a convenience, the Market's list is the truth.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from packstation.domain.errors import StorageError
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
        """Keep the queue's current list, if the Market sent it and it changed since the last save."""
        if not queue.loaded or queue.cached_at is not None or queue.version == self._saved_version:
            return False
        try:
            self._cache.save(self._campaign_id, queue.orders())
        except StorageError as err:
            _log.warning("could not keep the order list: %s", err.en)
            return False
        self._saved_at = self._clock.now()
        self._saved_version = queue.version
        return True

    def attach(self, queue: OrderQueue) -> Callable[[], None]:
        """Save after the queue's changes, at most every `every_s`; returns the unsubscriber."""

        def on_change(_change: QueueChange) -> None:
            due = self._saved_at is None or (
                (self._clock.now() - self._saved_at).total_seconds() >= self._every_s
            )
            if due:
                self.save(queue)

        return queue.subscribe(on_change)
