"""Today's shift totals: the queue's orders plus those packed (before the start or since)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from packstation.domain.deadline import ShiftTotals
from packstation.domain.order import CANCELLED, READY_TO_SHIP
from packstation.domain.time import MOSCOW
from packstation.services.order_queue import OrderQueue
from packstation.services.shift_watch import ShiftWatch
from tests.services.fakes import FakeClock, FakeMarket, make_order

TODAY = date(2026, 12, 7)
NOW = datetime.combine(TODAY, time(14, 30), MOSCOW)  # past the 14:00 cutoff


@pytest.mark.asyncio
async def test_seed_counts_orders_packed_before_the_start_and_the_queue_those_packed_since() -> None:
    market = FakeMarket()
    market.add(
        make_order(1, shipment_date=TODAY),  # to pack, late
        make_order(2, shipment_date=TODAY, substatus=READY_TO_SHIP),  # packed before the start
        make_order(3, shipment_date=TODAY, substatus="SHIPPED"),  # ... and already taken
        make_order(4, shipment_date=TODAY, status=CANCELLED, substatus="SHOP_FAILED"),
        make_order(5, shipment_date=TODAY - timedelta(days=1), substatus=READY_TO_SHIP),  # not today's
        make_order(6, shipment_date=TODAY + timedelta(days=1)),  # tomorrow's
    )
    clock = FakeClock(NOW)
    queue = OrderQueue(market, clock)
    watch = ShiftWatch(queue, clock)
    await queue.refresh()
    assert watch.totals() == ShiftTotals(due_today=1, packed=0, late=1)
    assert await watch.seed(market) == 2
    assert watch.totals() == ShiftTotals(due_today=3, packed=2, late=1)
    queue.upsert(make_order(1, shipment_date=TODAY, substatus=READY_TO_SHIP))  # packed here: it leaves
    assert queue.get(1) is None
    assert watch.totals() == ShiftTotals(due_today=3, packed=3, late=0)
    clock.current = NOW + timedelta(days=1)  # the next day: yesterday's packed orders are forgotten
    assert watch.totals() == ShiftTotals(due_today=1, packed=0, late=1)  # order 6, due 14:00
    watch.close()
