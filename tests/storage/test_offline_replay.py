"""Offline test (issue 8): the sandbox refuses connections during submit; the intent stays
pending; when the sandbox is back the replay completes it, and a cancellation that happened
meanwhile is detected and reported instead of replayed blindly.

The network drop is real: the uvicorn server is stopped (connections refused) right after the
layout was accepted, from the label-printing step, so READY_TO_SHIP fails over HTTP; the server is
then restarted on the same port with the same sandbox state.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import pytest_asyncio
import uvicorn
from starlette.applications import Starlette

from packstation.catalogue import russian
from packstation.domain.errors import PackstationError
from packstation.domain.layout import StoredBox
from packstation.domain.order import Order
from packstation.market.client import MarketClient
from packstation.market.gateway import MarketGateway
from packstation.market.transport import RetryPolicy
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from packstation.services.intents import IntentKind
from packstation.services.outbox_replay import OutboxReplayer, ReplayOutcome
from packstation.services.packing import PackingSession, Phase, SessionDeps
from packstation.storage.local_store import LocalStore, open_local_store
from tests.fixtures.sandbox import serve_in_thread, stop_server
from tests.storage.kill_worker import UtcClock

# Fresh sandbox orders without marking codes: submit goes straight to READY_TO_SHIP.
ONE_MUG = (("MUG-300", 1),)
THREE_LINES = (("PENCILS-24", 1), ("MUG-300", 2), ("CASE-PHONE", 1))


@dataclass
class Switchable:
    """The sandbox over HTTP that can be taken down (connections refused) and brought back."""

    app: Starlette
    port: int = 0
    running: tuple[uvicorn.Server, threading.Thread] | None = None
    downs: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def up(self) -> None:
        if self.port == 0:
            server, thread, url = serve_in_thread(self.app)
            self.port = int(url.rsplit(":", 1)[1])
        else:
            server, thread = _serve_on(self.app, self.port)
        self.running = (server, thread)

    def down(self) -> None:
        if self.running is not None:
            stop_server(*self.running)
            self.running = None
            self.downs += 1


def _serve_on(app: Starlette, port: int) -> tuple[uvicorn.Server, threading.Thread]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False, date_header=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="sandbox2")
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive(), "the sandbox did not come back"
        assert time.monotonic() < deadline, "the sandbox did not come back in time"
        time.sleep(0.01)
    return server, thread


@dataclass
class DropNetworkWhenPrinting:
    """A label printer whose printing coincides with the network dropping (runs `action`)."""

    action: Callable[[], None]
    printed: list[int] = field(default_factory=list)

    async def print_order_labels(self, order: Order, boxes: tuple[StoredBox, ...]) -> Any:
        self.printed.append(order.id)
        await asyncio.to_thread(self.action)
        return SimpleNamespace(error=None)

    def keep_labels(self, order_id: int, boxes: tuple[StoredBox, ...]) -> None:
        pass


@pytest.fixture
def sandbox(sandbox_app: Starlette) -> Iterator[Switchable]:
    switch = Switchable(sandbox_app)
    switch.up()
    yield switch
    switch.down()


@pytest_asyncio.fixture
async def station(sandbox: Switchable, tmp_path: Path) -> AsyncIterator[tuple[LocalStore, MarketGateway]]:
    """The station's local store and a Market gateway that gives up after one try."""
    store = open_local_store(tmp_path)
    client = MarketClient("offline-test", sandbox.url, retry=RetryPolicy(attempts=1))
    yield store, MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)
    await client.aclose()
    store.close()


async def _pack_and_submit_offline(
    sandbox: Switchable, store: LocalStore, gateway: MarketGateway, order_id: int
) -> PackingSession:
    """Pack the order by scanning each unit, submit; the network drops after the layout."""
    order = await gateway.get_order(order_id)
    printer = DropNetworkWhenPrinting(sandbox.down)
    deps = SessionDeps(
        market=gateway,
        journal=store.journal,
        clock=UtcClock(),
        labels=printer,
        outbox=store.outbox,
        audit=store.audit,
    )
    session = PackingSession.open(order, deps)
    for line in order.lines:
        for _ in range(line.count):
            session.scan_item(line.barcodes[0])
    with pytest.raises(PackstationError) as caught:
        await session.submit()
    assert getattr(caught.value, "retryable", False), caught.value
    assert printer.printed == [order_id]
    assert session.phase is Phase.PACKING  # nothing lost: the packer sees the order as packed
    return session


@pytest.mark.asyncio
async def test_offline_status_change_is_replayed_when_the_sandbox_is_back(
    sandbox: Switchable, station: tuple[LocalStore, MarketGateway]
) -> None:
    store, gateway = station
    order_id = sandbox.app.state.sandbox.add_order(THREE_LINES).id
    await _pack_and_submit_offline(sandbox, store, gateway, order_id)

    [pending] = store.outbox.pending_intents()
    assert (pending.kind, pending.payload["substatus"]) == (IntentKind.STATUS, "READY_TO_SHIP")
    [layout_record, _] = store.outbox.records(order_id)
    assert (layout_record.intent.kind, layout_record.state) == (IntentKind.BOX_LAYOUT, "done")
    stored = sandbox.app.state.sandbox.find(order_id)
    assert (stored.status, stored.substatus, len(stored.boxes)) == ("PROCESSING", "STARTED", 1)

    offline = await OutboxReplayer(gateway, store.outbox, store.audit).replay()
    assert offline.offline
    assert offline.outcomes() == {pending.id: ReplayOutcome.PENDING}
    assert store.outbox.pending_intents() == [pending]

    await asyncio.to_thread(sandbox.up)
    report = await OutboxReplayer(gateway, store.outbox, store.audit).replay()

    assert report.outcomes() == {pending.id: ReplayOutcome.SENT}
    assert report.attention == []
    assert store.outbox.pending_intents() == []
    final = sandbox.app.state.sandbox.find(order_id)
    assert (final.status, final.substatus) == ("PROCESSING", "READY_TO_SHIP")
    assert sorted((item["id"], item["fullCount"]) for item in final.boxes[0].items) == sorted(
        (line.id, line.count) for line in final.lines
    )
    assert [r.action for r in store.audit.history(order_id)][-1] == "outbox_sent"

    again = await OutboxReplayer(gateway, store.outbox, store.audit).replay()
    assert again.items == []  # nothing is ever sent twice


@pytest.mark.asyncio
async def test_cancellation_while_offline_is_reported_not_replayed(
    sandbox: Switchable, station: tuple[LocalStore, MarketGateway]
) -> None:
    store, gateway = station
    order_id = sandbox.app.state.sandbox.add_order(ONE_MUG).id
    await _pack_and_submit_offline(sandbox, store, gateway, order_id)
    [pending] = store.outbox.pending_intents()

    sandbox.app.state.sandbox.cancel_by_buyer(order_id)  # the buyer cancels meanwhile
    await asyncio.to_thread(sandbox.up)
    report = await OutboxReplayer(gateway, store.outbox, store.audit).replay()

    assert report.outcomes() == {pending.id: ReplayOutcome.SKIPPED}
    [item] = report.attention
    assert "USER_CHANGED_MIND" in str(item.text)
    assert "Put the items back" in str(item.text)
    assert "отменён" in russian(item.text)
    assert store.outbox.pending_intents() == []
    final = sandbox.app.state.sandbox.find(order_id)
    assert (final.status, final.substatus) == ("CANCELLED", "USER_CHANGED_MIND")
    assert [r.action for r in store.audit.history(order_id)][-1] == "outbox_skipped"
