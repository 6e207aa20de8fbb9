"""Order statistics through the real client and office gateway over the sandbox: every page,
progress, a stop between pages, totals that equal the sandbox's orders, seed 003's shape."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta

import httpx
import pytest
import pytest_asyncio

from packstation.domain.errors import DomainError
from packstation.domain.stats import StatsQuery
from packstation.market.client import MarketClient
from packstation.market.office_gateway import OfficeGateway
from packstation.sandbox.app import SandboxConfig, create_app
from packstation.sandbox.clock import MSK, SandboxClock
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID, DEMO_LAAS_CAMPAIGN_ID
from packstation.sandbox.state import Sandbox
from packstation.services.stats import StatsService

pytestmark = pytest.mark.asyncio
START = datetime(2026, 3, 2, 10, 0, tzinfo=MSK)


@pytest_asyncio.fixture
async def setup() -> AsyncIterator[tuple[Sandbox, StatsService]]:
    app = create_app(SandboxConfig(clock=SandboxClock(start=START)))
    client = MarketClient("k", "http://sandbox.invalid", transport=httpx.ASGITransport(app=app))
    gateway = OfficeGateway(client, DEMO_BUSINESS_ID, DEMO_LAAS_CAMPAIGN_ID, DEMO_CAMPAIGN_ID)
    yield app.state.sandbox, StatsService(gateway, page_limit=5)
    await client.aclose()


async def test_totals_equal_the_sandbox_orders_of_the_range(setup: tuple[Sandbox, StatsService]) -> None:
    sandbox, service = setup
    first, last = START.date() - timedelta(days=3), START.date()
    progress: list[tuple[int, int]] = []
    result = await service.load(
        StatsQuery(date_from=first, date_to=last), lambda p, n: progress.append((p, n))
    )
    expected = [o for o in sandbox.all_orders([DEMO_CAMPAIGN_ID]) if first <= o.created_at.date() <= last]
    assert result.complete
    assert len(result.orders) == len(expected) > 5
    assert progress[-1] == (result.pages, len(expected))
    assert result.pages == -(-len(expected) // 5)
    by_day = Counter(o.created_at.date() for o in expected)
    totals = result.totals
    assert dict(totals.by_day) == {
        first + timedelta(days=n): by_day.get(first + timedelta(days=n), 0) for n in range(4)
    }
    assert sum(n for _, n in totals.by_status) == len(expected)
    assert result.csv().count("\n") >= len(expected) + 1


async def test_shortened_order_and_cancel_between_pages(setup: tuple[Sandbox, StatsService]) -> None:
    sandbox, service = setup
    order = sandbox.add_order((("MILK-1L", 2), ("MUG-300", 1)))
    sandbox.set_layout(
        DEMO_CAMPAIGN_ID,
        order.id,
        {"boxes": [{"items": [{"id": order.lines[1].id, "fullCount": 1}]}], "allowRemove": True},
    )
    result = await service.load(StatsQuery(date_from=START.date(), date_to=START.date()))
    [entry] = [o for o in result.orders if o.id == order.id]
    assert entry.shortened
    assert [(i.offer_id, i.count, i.initial_count) for i in entry.items] == [("MUG-300", 1, None)]
    assert [(i.offer_id, i.initial_count) for i in entry.initial_items] == [("MILK-1L", 2), ("MUG-300", 1)]
    stopped = await service.load(StatsQuery(), lambda pages, _n: service.cancel() if pages == 2 else None)
    assert not stopped.complete
    assert stopped.pages == 2
    assert len(stopped.orders) == 10


async def test_both_ranges_are_refused_before_anything_is_sent(setup: tuple[Sandbox, StatsService]) -> None:
    _, service = setup
    with pytest.raises(DomainError):
        await service.load(StatsQuery(date_from=date(2026, 3, 1), update_from=date(2026, 3, 1)))
