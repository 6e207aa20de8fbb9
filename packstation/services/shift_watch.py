"""Today's shift at a glance (the status bar): orders due today, how many of them are packed, and
how many are late.

The order queue lists the orders still to pack (and Express orders awaiting their courier); an
order packed here or at another desk leaves it with its new status (`QueueChange.left`). The
watch keeps those packed orders, so today's total still counts them; `seed()` reads the ones
packed before the app started from the Market (today's shipment date). The numbers themselves
come from `domain.deadline.count_shift` (`shift_totals` over the queue's kept deadlines).
"""

from __future__ import annotations

from datetime import timedelta

from packstation.domain.deadline import ShiftTotals, count_shift, deadline, is_due_today
from packstation.domain.order import Order
from packstation.domain.time import MOSCOW
from packstation.services.order_queue import OrderQueue, QueueChange
from packstation.services.ports import Clock, MarketPort, OrderQuery


class ShiftWatch:
    """Shift totals over the order queue and the orders seen leaving it packed.

    Args:
        queue: the order queue (subscribed to at once; `close()` unsubscribes).
        clock: the station clock.
    """

    def __init__(self, queue: OrderQueue, clock: Clock) -> None:
        self._queue = queue
        self._clock = clock
        self._packed: dict[int, Order] = {}
        self._unsubscribe = queue.subscribe(self._on_change)

    async def seed(self, market: MarketPort) -> int:
        """Learn the orders shipping today that were packed before the app started (one paged
        read of today's shipment date, any status); returns how many. Raises the Market's error."""
        today = self._clock.now().astimezone(MOSCOW).date()
        query = OrderQuery(statuses=(), shipped_from=today, shipped_to=today + timedelta(days=1))
        async for page in market.iter_order_pages(query):
            self._take(page)
        return len(self._packed)

    def _take(self, orders: tuple[Order, ...] | list[Order]) -> None:
        for order in orders:
            if order.is_cancelled or order.awaiting_packing:
                self._packed.pop(order.id, None)
            else:
                self._packed[order.id] = order

    def _on_change(self, change: QueueChange) -> None:
        self._take(change.left)
        for order in (*change.added, *change.updated):
            self._packed.pop(order.id, None)  # listed again: the queue's copy counts

    def totals(self) -> ShiftTotals:
        """Due today, packed, late, now."""
        now, cutoff = self._clock.now(), self._queue.cutoff
        packed = []
        for order_id, order in list(self._packed.items()):
            due = deadline(order, cutoff)
            if due is None or not is_due_today(due, now):
                del self._packed[order_id]  # yesterday's work: not this shift's any more
            elif self._queue.get(order_id) is None:
                packed.append(order)
        # The queue's kept deadlines, in no order: no deadline worked out again, no re-sort.
        dated = [*self._queue.dated(), *((order, deadline(order, cutoff)) for order in packed)]
        return count_shift(dated, now)

    def close(self) -> None:
        self._unsubscribe()
