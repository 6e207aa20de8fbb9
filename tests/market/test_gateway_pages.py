"""A page of orders becomes domain values over several event loop turns (issue 19)."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from packstation.market import gateway as gateway_module
from packstation.market.client import MarketClient
from packstation.market.gateway import MarketGateway
from packstation.market.models import BusinessOrderDTO
from packstation.sandbox.app import create_app
from packstation.sandbox.config import SandboxConfig
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from packstation.services.ports import OrderQuery

pytestmark = [pytest.mark.asyncio]


async def test_a_pages_orders_are_converted_in_batches_each_in_its_own_event_loop_turn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = create_app(SandboxConfig(seed=1, quotas=False))
    created = {app.state.sandbox.add_order((("MUG-300", 1),)).id for _ in range(60)}
    turns = 0

    async def ticker() -> None:  # counts the event loop's turns
        nonlocal turns
        while True:
            turns += 1
            await asyncio.sleep(0)

    seen_at: dict[int, int] = {}  # order id -> the turn it was converted in
    real = gateway_module.order_from_wire

    def converting(order: BusinessOrderDTO, offers: object = None) -> object:
        seen_at[order.order_id] = turns
        return real(order, offers)  # type: ignore[arg-type]

    monkeypatch.setattr(gateway_module, "order_from_wire", converting)
    client = MarketClient("demo", "http://sandbox.invalid", transport=httpx.ASGITransport(app=app))
    gateway = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)
    counting = asyncio.ensure_future(ticker())
    try:
        pages = [page async for page in gateway.iter_order_pages(OrderQuery())]
    finally:
        counting.cancel()
        await client.aclose()

    first = pages[0]
    assert len(first) == 50  # a full page, every order converted, in the Market's order
    assert created <= {order.id for page in pages for order in page}
    batches = [seen_at[order.id] for order in first]
    assert batches[:25] == [batches[0]] * 25  # 25 at once ...
    assert batches[25:] == [batches[25]] * 25
    assert batches[25] > batches[0]  # ... the next 25 in a later turn
