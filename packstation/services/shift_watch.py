"""Today's shift at a glance (the status bar): orders due today, how many of them are packed, and
how many are late.

The order queue lists the orders still to pack (and Express orders awaiting their courier); an
order packed here or at another desk leaves it with its new status (`QueueChange.left`). The
watch keeps those packed orders, so today's total still counts them; `seed()` reads the ones
packed before the app started from the Market (today's shipment date). The numbers are
`domain.deadline.count_shift`'s, kept up to date change by change in two `ShiftTally`s (the
listed orders, and the packed ones no longer listed): a list change costs the orders it names
and the totals a few binary searches, whatever the list's length (issue 19).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from packstation.domain.deadline import ShiftTotals, deadline, moscow_day
from packstation.domain.order import Order
from packstation.domain.shift_tally import ShiftTally
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
        self._packed: dict[int, Order] = {}  # packed orders seen (listed or not), by id
        self._shadowed: set[int] = set()  # of those, the ones still listed (the queue's copy counts)
        self._cutoff = queue.cutoff
        self._listed = ShiftTally(queue.dated())  # the queue's orders with its deadlines
        self._unlisted = ShiftTally()  # the packed orders not listed
        self._unsubscribe = queue.subscribe(self._on_change)

    async def seed(self, market: MarketPort) -> int:
        """Learn the orders shipping today that were packed before the app started (one paged
        read of today's shipment date, any status); returns how many. Raises the Market's error."""
        today = self._clock.now().astimezone(MOSCOW).date()
        query = OrderQuery(statuses=(), shipped_from=today, shipped_to=today + timedelta(days=1))
        async for page in market.iter_order_pages(query):
            self._take(page)
        return len(self._packed)

    def _take(self, orders: Iterable[Order]) -> None:
        for order in orders:
            if order.is_cancelled or order.awaiting_packing:
                self._forget(order.id)
                continue
            self._packed[order.id] = order
            if self._queue.get(order.id) is None:
                self._unlisted.put(order, deadline(order, self._cutoff))
            else:
                self._shadowed.add(order.id)

    def _forget(self, order_id: int) -> None:
        self._packed.pop(order_id, None)
        self._shadowed.discard(order_id)
        self._unlisted.drop(order_id)

    def _on_change(self, change: QueueChange) -> None:
        if change.initial or self._queue.cutoff != self._cutoff:  # a new list, or new deadlines
            self._take(change.left)
            for order in (*change.added, *change.updated):
                self._forget(order.id)  # listed again: the queue's copy counts
            self._rebuild()
            return
        listed = self._listed
        for order_id in change.removed:
            listed.drop(order_id)
            if order_id in self._shadowed:  # packed, and now no longer listed: it counts from here
                self._shadowed.discard(order_id)
                self._unlisted.put(self._packed[order_id], deadline(self._packed[order_id], self._cutoff))
        self._take(change.left)
        due = self._queue.due
        for order in (*change.added, *change.updated):
            self._forget(order.id)
            listed.put(order, due(order))

    def _rebuild(self) -> None:
        """Count everything again (the first load, or the store's cutoff moved the deadlines)."""
        self._cutoff = cutoff = self._queue.cutoff
        self._listed = ShiftTally(self._queue.dated())
        listed = self._queue.get
        self._shadowed = {order_id for order_id in self._packed if listed(order_id) is not None}
        self._unlisted = ShiftTally(
            (order, deadline(order, cutoff))
            for order_id, order in self._packed.items()
            if order_id not in self._shadowed
        )

    def totals(self) -> ShiftTotals:
        """Due today, packed, late, now."""
        if self._queue.cutoff != self._cutoff:
            self._rebuild()
        now = self._clock.now()
        start, end = moscow_day(now)
        # Yesterday's work (or an order packed ahead): not this shift's any more.
        for order_id in self._unlisted.outside(start, end):
            self._forget(order_id)
        for order_id in list(self._shadowed):
            due = deadline(self._packed[order_id], self._cutoff)
            if due is None or not start <= due < end:
                self._forget(order_id)
        listed, unlisted = self._listed.totals(now), self._unlisted.totals(now)
        return ShiftTotals(
            due_today=listed.due_today + unlisted.due_today,
            packed=listed.packed + unlisted.packed,
            late=listed.late + unlisted.late,
        )

    def close(self) -> None:
        self._unsubscribe()
