"""The `MarketPort` contract the services rely on, run against the test fake and the sandbox.

Every service test trusts `FakeMarket` to answer like the Market; these tests hold the fake and
the sandbox (through the real client and gateway) to the same answers, so the fake cannot drift.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

import httpx
import pytest
import pytest_asyncio

from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan
from packstation.domain.order import (
    CANCELLED,
    PROCESSING,
    READY_TO_SHIP,
    SHOP_FAILED,
    STARTED,
    Order,
    OrderLine,
)
from packstation.domain.remote import Delivery, RemoteError, delivery_of
from packstation.market.client import MarketClient
from packstation.market.gateway import MarketGateway
from packstation.sandbox.app import SandboxConfig, create_app
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from packstation.sandbox.state import Sandbox
from packstation.services.ports import MarketPort, OrderQuery
from tests.services.fakes import FakeMarket, make_order

UNKNOWN_ORDER = 99_999_999


@dataclass
class Backend:
    """A Market to hold to the contract, and how to make an order arrive there: an FBS order,
    PROCESSING/STARTED, with two lines (2 units and 1 unit) that need no marking codes."""

    market: MarketPort
    new_order: Callable[[], Awaitable[Order]]


async def _fake() -> AsyncIterator[Backend]:
    market = FakeMarket()
    next_id = [51_000_001]

    async def new_order() -> Order:
        order_id = next_id[0]
        next_id[0] += 1
        lines = (
            OrderLine(id=order_id * 10 + 1, offer_id="MUG-300", name="Mug", count=2),
            OrderLine(id=order_id * 10 + 2, offer_id="BOOK-WP", name="Book", count=1),
        )
        market.add(make_order(order_id, *lines))
        return market.orders[order_id]

    yield Backend(market, new_order)


async def _sandbox() -> AsyncIterator[Backend]:
    app = create_app(SandboxConfig(seed=1))
    sandbox: Sandbox = app.state.sandbox
    async with MarketClient(
        "contract", "http://sandbox.invalid", transport=httpx.ASGITransport(app=app)
    ) as client:
        gateway = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)

        async def new_order() -> Order:
            return await gateway.get_order(sandbox.add_order((("MUG-300", 2), ("BOOK-WP", 1))).id)

        yield Backend(gateway, new_order)


@pytest_asyncio.fixture(params=["fake", "sandbox"])
async def backend(request: pytest.FixtureRequest) -> AsyncIterator[Backend]:
    make = _fake if request.param == "fake" else _sandbox
    async for built in make():
        yield built


def _layout(order: Order, extra: int = 0, *, allow_remove: bool = False) -> LayoutPlan:
    """Each line in its own box; the first line with `extra` units more than ordered."""
    boxes = tuple(
        BoxPlan((BoxEntry(line.id, full_count=line.count + (extra if n == 0 else 0)),))
        for n, line in enumerate(order.lines)
    )
    return LayoutPlan(boxes, allow_remove=allow_remove)


async def _refusal(call: Awaitable[object]) -> RemoteError:
    with pytest.raises(RemoteError) as refused:
        await call
    return refused.value


@pytest.mark.asyncio
async def test_a_new_order_is_listed_and_read_back(backend: Backend) -> None:
    order = await backend.new_order()
    assert (order.status, order.substatus) == (PROCESSING, STARTED)
    assert [line.count for line in order.lines] == [2, 1]
    listed = [
        found.id
        async for page in backend.market.iter_order_pages(
            OrderQuery(statuses=(PROCESSING,), order_ids=(order.id,))
        )
        for found in page
    ]
    assert listed == [order.id]
    again = await backend.market.get_order(order.id)
    assert [(line.id, line.count) for line in again.lines] == [(line.id, line.count) for line in order.lines]


@pytest.mark.asyncio
async def test_an_unknown_order_is_a_404_refusal(backend: Backend) -> None:
    error = await _refusal(backend.market.get_order(UNKNOWN_ORDER))
    assert error.status_code == 404
    assert delivery_of(error) is Delivery.REFUSED


@pytest.mark.asyncio
async def test_a_full_layout_is_stored_box_by_box(backend: Backend) -> None:
    order = await backend.new_order()
    plan = _layout(order)
    stored = await backend.market.set_box_layout(order.id, plan)
    assert [box.plan for box in stored] == list(plan.boxes)
    ids = [box.box_id for box in stored]
    assert len(set(ids)) == len(plan.boxes)
    assert list((await backend.market.get_order(order.id)).box_ids) == ids


@pytest.mark.asyncio
async def test_more_units_than_ordered_are_refused_with_the_markets_code(backend: Backend) -> None:
    order = await backend.new_order()
    error = await _refusal(backend.market.set_box_layout(order.id, _layout(order, extra=1)))
    assert error.status_code == 400
    assert "ITEMS_ADDITION_NOT_SUPPORTED" in error.codes
    assert delivery_of(error) is Delivery.REFUSED


@pytest.mark.asyncio
async def test_ready_to_ship_after_the_layout(backend: Backend) -> None:
    order = await backend.new_order()
    await backend.market.set_box_layout(order.id, _layout(order))
    change = await backend.market.set_status(order.id, PROCESSING, READY_TO_SHIP)
    assert change.ok
    fresh = await backend.market.get_order(order.id)
    assert (fresh.status, fresh.substatus) == (PROCESSING, READY_TO_SHIP)


@pytest.mark.asyncio
async def test_a_cancelled_order_refuses_further_steps(backend: Backend) -> None:
    order = await backend.new_order()
    change = await backend.market.set_status(order.id, CANCELLED, SHOP_FAILED)
    assert change.ok
    fresh = await backend.market.get_order(order.id)
    assert (fresh.status, fresh.substatus) == (CANCELLED, SHOP_FAILED)
    error = await _refusal(backend.market.set_box_layout(order.id, _layout(order)))
    assert error.status_code == 400
    assert delivery_of(error) is Delivery.REFUSED


@pytest.mark.asyncio
async def test_an_order_without_codes_has_no_code_checks(backend: Backend) -> None:
    order = await backend.new_order()
    await backend.market.set_box_layout(order.id, _layout(order))
    assert await backend.market.code_checks(order.id) == ()


@pytest.mark.asyncio
async def test_fewer_units_need_allow_remove_and_then_shorten_the_order(backend: Backend) -> None:
    order = await backend.new_order()
    short = _layout(order, extra=-1)
    error = await _refusal(backend.market.set_box_layout(order.id, short))
    assert error.status_code == 400
    await backend.market.set_box_layout(order.id, _layout(order, extra=-1, allow_remove=True))
    fresh = await backend.market.get_order(order.id)
    assert [line.count for line in fresh.lines] == [1, 1]
