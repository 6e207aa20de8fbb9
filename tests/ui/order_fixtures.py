"""Shared builders for the order list UI tests: a real OrderQueue filled without the network."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from packstation.domain.order import READY_TO_SHIP, BuyerType, Order, OrderLine, Program, RequiredCode
from packstation.services.order_queue import OrderQueue
from tests.services.fakes import FakeClock, FakeMarket, make_order

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def sample_orders() -> list[Order]:
    """Five orders covering every column's cases (Express on time and late, codes, business)."""
    marked = OrderLine(
        id=1, offer_id="SHOE-1", name="Кроссовки", count=2, required=frozenset({RequiredCode.CIS}),
        barcodes=("4601234567890",),
    )
    jewel = OrderLine(id=2, offer_id="RING-7", name="Кольцо", count=1, required=frozenset({RequiredCode.UIN}))
    return [
        make_order(101, marked, jewel, shipment_date=date(2026, 11, 24), buyer=BuyerType.BUSINESS),
        make_order(102, program=Program.EXPRESS, ship_by=NOW + timedelta(minutes=42, seconds=5)),
        make_order(103, program=Program.EXPRESS, ship_by=NOW - timedelta(minutes=5)),
        make_order(104, program=Program.EXPRESS, ship_by=NOW + timedelta(days=2), substatus=READY_TO_SHIP),
        make_order(105, program=Program.DBS, shipment_date=date(2026, 11, 23), external_id="EXT-777"),
    ]


def filled_queue(orders: list[Order] | None = None) -> OrderQueue:
    queue = OrderQueue(FakeMarket(), FakeClock(NOW))
    for order in sample_orders() if orders is None else orders:
        queue.upsert(order)
    return queue
