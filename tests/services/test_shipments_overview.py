"""The shipments overview reads the shipments' orders concurrently, over real HTTP against a
sandbox whose orders/info answers take a while: the reads overlap (at most `OVERVIEW_PARALLEL`,
within the Market's 4 parallel requests, which the sandbox enforces with 420), the rows are the
ones sequential reads give, earliest first, and one failed read fails the whole overview with its
own error, cancelling the other reads."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from starlette.applications import Starlette

from packstation.catalogue import russian
from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.market import MarketClient, MarketGateway
from packstation.sandbox.app import SandboxConfig, create_app
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from packstation.services.shipments import OVERVIEW_PARALLEL, ShipmentsService
from packstation.storage.local_store import LocalStore, open_local_store

pytestmark = pytest.mark.slow
ANSWER_TAKES = 0.3  # seconds the sandbox spends on each orders/info request


@pytest.fixture
def sandbox_app() -> Starlette:
    """The sandbox with slow orders/info answers and the Market's parallel cap (420 beyond 4)."""
    return create_app(SandboxConfig(seed=1, faults=f"latency={ANSWER_TAKES}@/orders/info,parallel=4"))


@pytest_asyncio.fixture
async def client(sandbox_server: Any) -> AsyncIterator[MarketClient]:
    async with MarketClient("sandbox-key", sandbox_server.url) as market:
        yield market


class RecordingShipments:
    """The real gateway, recording how many orders reads are in flight and how each ended;
    `failing` makes one shipment's read fail as the Market's refusal would."""

    def __init__(self, gateway: MarketGateway, failing: int | None = None) -> None:
        self.gateway, self.failing = gateway, failing
        self.in_flight = self.peak = 0
        self.ended: dict[int, str] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.gateway, name)

    async def orders_with_labels(self, shipment_id: int) -> tuple[int, ...]:
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        try:
            if shipment_id == self.failing:
                await asyncio.sleep(ANSWER_TAKES / 3)
                raise PackstationError(QT_TRANSLATE_NOOP("Test", "The Market refused the read."))
            found = await self.gateway.orders_with_labels(shipment_id)
        except asyncio.CancelledError:
            self.ended[shipment_id] = "cancelled"
            raise
        except PackstationError:
            self.ended[shipment_id] = "failed"
            raise
        finally:
            self.in_flight -= 1
        self.ended[shipment_id] = "read"
        return found


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    opened = open_local_store(tmp_path, station="desk-1", packer="Анна")
    yield opened
    opened.close()


@pytest.mark.asyncio
async def test_overview_reads_overlap_within_the_parallel_cap_and_rows_are_unchanged(
    client: MarketClient, sandbox_server: Any, store: LocalStore
) -> None:
    sandbox = sandbox_server.sandbox
    today = sandbox.opened_at.date()
    for _ in range(3):  # orders in today's shipment, so the rows carry something to compare
        sandbox.add_order((("MUG-300", 1),))
    gateway = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID, enrich_offers=False)
    recorder = RecordingShipments(gateway)
    service = ShipmentsService(recorder, store.journal)

    rows = await service.overview(today)

    assert len(rows) == 4 > OVERVIEW_PARALLEL  # today and the 3 next days, one shipment each
    assert recorder.peak == OVERVIEW_PARALLEL  # the reads overlapped, and no more than that at once
    assert set(recorder.ended.values()) == {"read"}
    shipments = await gateway.shipments(today, today + timedelta(days=3))
    sequential = [await service.row(s) for s in sorted(shipments, key=lambda s: s.interval_from)]
    assert rows == sequential
    assert [r.shipment.interval_from for r in rows] == sorted(r.shipment.interval_from for r in rows)
    assert rows[0].shipment.id == sandbox.shipment(today).id
    assert len(rows[0].progress.to_pack) >= 3


@pytest.mark.asyncio
async def test_one_failed_read_fails_the_overview_with_its_error_and_cancels_the_rest(
    client: MarketClient, sandbox_server: Any, store: LocalStore
) -> None:
    sandbox = sandbox_server.sandbox
    today = sandbox.opened_at.date()
    gateway = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID, enrich_offers=False)
    recorder = RecordingShipments(gateway, failing=sandbox.shipment(today).id)
    service = ShipmentsService(recorder, store.journal)

    with pytest.raises(PackstationError) as caught:
        await service.overview(today)

    assert russian(caught.value.as_message()).startswith("The Market refused the read.")
    assert recorder.in_flight == 0  # nothing left running behind the error
    assert recorder.ended[sandbox.shipment(today).id] == "failed"
    assert "cancelled" in recorder.ended.values()  # the slower reads did not run on
