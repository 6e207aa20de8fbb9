"""Today's shift at a glance (the status bar): orders due today, how many of them are packed, and
how many are late.

The order queue lists the orders still to pack (and Express orders awaiting their courier); an
order packed here or at another desk leaves it with its new status (`QueueChange.left`). The
watch keeps those packed orders, so today's total still counts them; the numbers themselves come
from `domain.deadline.shift_totals`.
"""

from __future__ import annotations

from packstation.domain.deadline import ShiftTotals, deadline, is_due_today, shift_totals
from packstation.domain.order import Order
from packstation.services.order_queue import OrderQueue, QueueChange
from packstation.services.ports import Clock


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

    def _on_change(self, change: QueueChange) -> None:
        for order in change.left:
            if order.is_cancelled or order.awaiting_packing:
                self._packed.pop(order.id, None)
            else:
                self._packed[order.id] = order
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
        return shift_totals((*self._queue.orders(), *packed), cutoff, now)

    def close(self) -> None:
        self._unsubscribe()
