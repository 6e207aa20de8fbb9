"""Desks with their own order lists over one sandbox Market and one fleet database."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from packstation.fleet.election import OrdersListener, PollerElection
from packstation.fleet.store import FleetStore
from packstation.market.client import MarketClient
from packstation.market.gateway import MarketGateway
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from packstation.services.fleet_orders import FleetOrderSource, PollerRole
from packstation.services.order_queue import OrderQueue


class Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class CountingApp:
    """The sandbox ASGI app, counting the HTTP requests that reach the Market."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.requests = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            self.requests += 1
        await self.app(scope, receive, send)


@dataclass
class MarketDesk:
    name: str
    store: FleetStore
    client: MarketClient
    election: PollerElection
    source: FleetOrderSource
    queue: OrderQueue
    role: PollerRole
    woken: asyncio.Event = field(default_factory=asyncio.Event)
    listener_task: asyncio.Task[None] | None = None

    async def close(self) -> None:
        if self.listener_task is not None:
            self.listener_task.cancel()
        await self.election.close()
        await self.client.aclose()
        await self.store.close()


async def market_desk(dsn: str, name: str, url: str, *, listen: bool = False) -> MarketDesk:
    store = FleetStore(dsn, desk=name, packer=name.title())
    await store.open()
    client = MarketClient("sandbox-key", url)
    gateway = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)
    election = PollerElection(dsn, desk=name, campaign_id=DEMO_CAMPAIGN_ID)
    source = FleetOrderSource(gateway, store, election)
    queue = OrderQueue(source, Clock(), interval_s=1.0, express_interval_s=1.0)

    async def full_read() -> None:
        await queue.refresh(full=True)

    desk = MarketDesk(name, store, client, election, source, queue, PollerRole(election, on_lead=full_read))
    if listen:
        listener = OrdersListener(dsn, desk=name, on_notice=desk.woken.set, retry_s=0.5)
        desk.listener_task = asyncio.create_task(listener.run())
        await asyncio.wait_for(listener.listening.wait(), 10)
    return desk
