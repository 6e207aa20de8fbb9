"""Today's shift counted as orders come and go, not over every order each time (issue 19).

`count_shift` looks at every order: ~4 ms for 3,000 orders, on every list change and every few
seconds as time passes. A `ShiftTally` holds the same orders with their deadlines in three
sorted lists, so putting or dropping an order costs a binary search and a list move, and the
totals at any moment cost six binary searches. `totals(now)` always equals `count_shift` over
the orders put and not dropped (`tests/domain/test_shift_tally.py` holds it to that).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from datetime import datetime

from packstation.domain.deadline import ShiftTotals, moscow_day
from packstation.domain.order import Order

_FIRST = -1  # below every order id: (moment, _FIRST) sorts before every entry at `moment`
_LAST = float("inf")  # above every order id


class ShiftTally:
    """The orders of a shift with their deadlines, counted as `count_shift` counts them.

    Each entry sits in the sorted lists by `(deadline, order id)`: unique, so an entry is found
    again exactly. Orders without a deadline or cancelled count nowhere and are only remembered.
    """

    __slots__ = ("_counted", "_done", "_entries", "_uncounted", "_waiting")

    def __init__(self, dated: Iterable[tuple[Order, datetime | None]] = ()) -> None:
        self._entries: dict[int, tuple[Order, datetime | None]] = {}
        self._counted: list[tuple[datetime, int]] = []  # every order that counts
        self._done: list[tuple[datetime, int]] = []  # of those, the ones packed (or further)
        self._waiting: list[tuple[datetime, int]] = []  # of those, the ones still to pack
        self._uncounted: set[int] = set()  # without a deadline, or cancelled
        entries = {order.id: (order, due) for order, due in dated}
        self._entries = entries
        for order, due in entries.values():
            if due is not None and not order.is_cancelled:
                self._counted.append((due, order.id))
                (self._waiting if order.awaiting_packing else self._done).append((due, order.id))
            else:
                self._uncounted.add(order.id)
        self._counted.sort()
        self._done.sort()
        self._waiting.sort()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, order_id: object) -> bool:
        return order_id in self._entries

    def get(self, order_id: int) -> tuple[Order, datetime | None] | None:
        """The order put under `order_id` with its deadline, or None."""
        return self._entries.get(order_id)

    def put(self, order: Order, due: datetime | None) -> None:
        """Count `order` (due at `due`) instead of what was put under its id before."""
        if order.id in self._entries:
            self.drop(order.id)
        self._entries[order.id] = (order, due)
        if due is not None and not order.is_cancelled:
            entry = (due, order.id)
            insort(self._counted, entry)
            insort(self._waiting if order.awaiting_packing else self._done, entry)
        else:
            self._uncounted.add(order.id)

    def drop(self, order_id: int) -> Order | None:
        """Stop counting the order `order_id`; returns it (None when it was not put)."""
        kept = self._entries.pop(order_id, None)
        if kept is None:
            return None
        order, due = kept
        if due is not None and not order.is_cancelled:
            entry = (due, order_id)
            _remove(self._counted, entry)
            _remove(self._waiting if order.awaiting_packing else self._done, entry)
        else:
            self._uncounted.discard(order_id)
        return order

    def outside(self, start: datetime, end: datetime) -> list[int]:
        """The ids of the orders not due in [start, end): without a deadline, cancelled, or due
        before or after (in no particular order); costs what it returns, not the whole tally."""
        counted = self._counted
        early, late = counted[: _at(counted, start)], counted[_at(counted, end) :]
        return [*self._uncounted, *(order_id for _due, order_id in (*early, *late))]

    def totals(self, now: datetime) -> ShiftTotals:
        """`count_shift` over the orders counted, at `now`."""
        start, end = moscow_day(now)
        return ShiftTotals(
            due_today=_at(self._counted, end) - _at(self._counted, start),
            packed=_at(self._done, end) - _at(self._done, start),
            late=bisect_right(self._waiting, (now, _LAST)),  # due <= now
        )


def _at(entries: list[tuple[datetime, int]], moment: datetime) -> int:
    """How many entries are due before `moment`."""
    return bisect_left(entries, (moment, _FIRST))


def _remove(entries: list[tuple[datetime, int]], entry: tuple[datetime, int]) -> None:
    index = bisect_left(entries, entry)
    if index < len(entries) and entries[index] == entry:
        del entries[index]
