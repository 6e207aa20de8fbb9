"""A list change costs what changed (issue 19), and gives what the whole list gives.

After any sequence of list changes (orders pushed, dropped, reloaded in full, a new store cutoff,
packed orders read at the start, the clock moving across days), on a real `OrderQueue`:
- `queue.orders()`, kept sorted change by change, is the listed orders sorted by deadline;
- `ShiftWatch.totals()`, kept in tallies change by change, is what the previous watch counted
  over every order each time (kept here as the reference);
- the orders waiting for their courier, followed change by change (`still_waiting`, as the
  couriers panel does), are those `awaits_courier` picks from the whole list.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time, timedelta
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from packstation.domain.courier_handover import awaits_courier, still_waiting
from packstation.domain.deadline import ShiftTotals, count_shift, deadline, is_due_today
from packstation.domain.order import CANCELLED, PROCESSING, READY_TO_SHIP, STARTED, Order, Program
from packstation.domain.time import MOSCOW
from packstation.services.order_queue import OrderQueue, QueueChange
from packstation.services.ports import MarketPort, OrderQuery
from packstation.services.shift_watch import ShiftWatch
from tests.services.fakes import FakeClock, FakeMarket, make_order

DAY = date(2026, 12, 7)
STATES = (
    (PROCESSING, STARTED),
    (PROCESSING, READY_TO_SHIP),
    (PROCESSING, "COURIER_SEARCH"),
    (PROCESSING, "COURIER_ARRIVED_TO_SENDER"),
    (CANCELLED, "SHOP_FAILED"),
    ("DELIVERY", ""),
)


class FullShiftWatch:
    """The shift watch before issue 19's change: every total counted over every order."""

    def __init__(self, queue: OrderQueue, clock: FakeClock) -> None:
        self._queue, self._clock = queue, clock
        self._packed: dict[int, Order] = {}
        queue.subscribe(self._on_change)

    async def seed(self, market: MarketPort) -> int:
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
            self._packed.pop(order.id, None)

    def totals(self) -> ShiftTotals:
        now, cutoff = self._clock.now(), self._queue.cutoff
        packed = []
        for order_id, order in list(self._packed.items()):
            due = deadline(order, cutoff)
            if due is None or not is_due_today(due, now):
                del self._packed[order_id]
            elif self._queue.get(order_id) is None:
                packed.append(order)
        listed = [(order, deadline(order, cutoff)) for order, _due in self._queue.dated()]
        return count_shift([*listed, *((order, deadline(order, cutoff)) for order in packed)], now)


def _order(order_id: int, state: int, day: int | None, express: bool, minutes: int) -> Order:
    status, substatus = STATES[state]
    shipment = None if day is None else DAY + timedelta(days=day)
    ship_by = None
    if express and shipment is not None:
        ship_by = datetime.combine(shipment, time(9), MOSCOW) + timedelta(minutes=minutes)
    return make_order(
        order_id, program=Program.EXPRESS if express else Program.FBS, status=status, substatus=substatus,
        shipment_date=shipment, ship_by=ship_by,
    )


orders = st.builds(
    _order,
    st.integers(1, 15),
    st.integers(0, len(STATES) - 1),
    st.none() | st.integers(-1, 1),
    st.booleans(),
    st.integers(0, 4) .map(lambda n: n * 90),
)
actions = st.one_of(
    st.tuples(st.just("push"), orders),  # the Market changed it and the desk pushed it (`upsert`)
    st.tuples(st.just("market"), orders),  # the Market changed it: the next full reload brings it
    st.tuples(st.just("discard"), st.integers(1, 15)),
    st.tuples(st.just("full")),
    st.tuples(st.just("seed"), st.lists(orders, max_size=4)),
    st.tuples(st.just("cutoff"), st.integers(9, 18)),
    st.tuples(st.just("advance"), st.integers(1, 14)),  # hours
)


@settings(max_examples=150, deadline=None)
@given(st.lists(orders, max_size=6), st.lists(actions, max_size=30))
@example(
    [],
    [("seed", [_order(1, 1, 0, True, 0)]), ("push", _order(1, 1, 0, True, 0)), ("full",),
     ("advance", 14), ("advance", 14)],
)
@example([_order(2, 1, 0, False, 0)], [("full",), ("advance", 3), ("cutoff", 10), ("discard", 2)])
@example(  # packed before the start and still listed (its courier to come), then gone from a reload
    [],
    [("full",), ("push", _order(1, 1, 0, True, 0)), ("seed", [_order(1, 1, 0, True, 0)]),
     ("market", _order(1, 5, 0, True, 0)), ("full",)],
)
def test_every_change_by_change_value_is_what_the_whole_list_gives(
    kept: list[Order], sequence: list[tuple[Any, ...]]
) -> None:
    clock = FakeClock(datetime.combine(DAY, time(9), MOSCOW))
    market = FakeMarket()
    queue = OrderQueue(market, clock)
    loop = asyncio.new_event_loop()
    try:
        if kept:  # the last run's list, shown before the Market answers
            queue.show_cached(kept, clock.now())
        watch, reference = ShiftWatch(queue, clock), FullShiftWatch(queue, clock)
        waiting = {order.id: order for order in queue.orders() if awaits_courier(order)}

        def follow(change: QueueChange) -> None:  # as the couriers panel follows the list
            nonlocal waiting
            if change.initial:
                waiting = {order.id: order for order in queue.orders() if awaits_courier(order)}
                return
            after = still_waiting(waiting, (*change.added, *change.updated), change.removed)
            if after is not None:
                waiting = after

        queue.subscribe(follow)
        for action in sequence:
            kind = action[0]
            if kind in ("push", "market"):
                market.orders[action[1].id] = action[1]
                if kind == "push":
                    queue.upsert(action[1])
            elif kind == "discard":
                queue.discard(action[1])
            elif kind == "full":
                loop.run_until_complete(queue.refresh(full=True))
            elif kind == "seed":
                shipped = FakeMarket()
                shipped.add(*action[1])
                assert loop.run_until_complete(watch.seed(shipped)) == loop.run_until_complete(
                    reference.seed(shipped)
                )
            elif kind == "cutoff":
                queue.set_cutoff(time(action[1]))
            else:
                clock.advance(3600 * action[1])
            listed = [order for order, _due in queue.dated()]
            assert queue.orders() == tuple(sorted(listed, key=queue.sort_key))
            assert watch.totals() == reference.totals()
            assert waiting == {order.id: order for order in listed if awaits_courier(order)}
    finally:
        loop.close()
