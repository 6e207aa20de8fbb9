"""Lost answers over real HTTP (issue 12): the sandbox applies a box layout, status change or
courier code, then breaks the connection before the answer arrives. The packing session and the
outbox read the order back instead of resending, so the sandbox receives each mutation exactly
once (its request log counts them), READY_TO_SHIP never goes twice and no courier-code attempt is
spent twice. A real SQLite store holds the journal and the outbox.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio

from packstation.catalogue import russian
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan
from packstation.domain.verification import EacVerdict
from packstation.market.client import MarketClient
from packstation.market.gateway import MarketGateway
from packstation.sandbox.app import SandboxConfig, create_app
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from packstation.sandbox.state import Sandbox
from packstation.services.intents import IntentKind, layout_to_payload, status_payload
from packstation.services.lost_answer import HandoverUnknownError
from packstation.services.outbox_replay import OutboxReplayer, ReplayOutcome
from packstation.services.packing import PackingSession, Phase, SessionDeps
from packstation.storage.local_store import LocalStore, open_local_store
from tests.fixtures.sandbox import serve_in_thread, stop_server
from tests.storage.kill_worker import UtcClock

LOSE_EVERY_MUTATION = "lost=1@/boxes,lost=1@/status,lost=1@/verifyEac"
TWO_LINES = (("PENCILS-24", 1), ("MUG-300", 2))


@dataclass
class Station:
    sandbox: Sandbox
    store: LocalStore
    market: MarketGateway

    def deps(self) -> SessionDeps:
        return SessionDeps(
            market=self.market,
            journal=self.store.journal,
            clock=UtcClock(),
            outbox=self.store.outbox,
            audit=self.store.audit,
        )

    def sent(self, path_end: str) -> int:
        """How many PUTs ending with `path_end` the sandbox received."""
        return self.sandbox.received.count("PUT", path_end)


def _serve(faults: str, tmp_path: Path) -> Iterator[tuple[Sandbox, str, LocalStore]]:
    app = create_app(SandboxConfig(faults=faults))
    server, thread, url = serve_in_thread(app)
    store = open_local_store(tmp_path)
    try:
        yield app.state.sandbox, url, store
    finally:
        store.close()
        stop_server(server, thread)


@pytest.fixture
def lossy(tmp_path: Path) -> Iterator[tuple[Sandbox, str, LocalStore]]:
    yield from _serve(LOSE_EVERY_MUTATION, tmp_path)


@pytest_asyncio.fixture
async def station(lossy: tuple[Sandbox, str, LocalStore]) -> AsyncIterator[Station]:
    sandbox, url, store = lossy
    # The default retry policy: the transport itself must not resend a mutation after the drop.
    async with MarketClient("lost-answer-test", url) as client:
        yield Station(sandbox, store, MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID))


async def _packed(station: Station, order_id: int) -> PackingSession:
    order = await station.market.get_order(order_id)
    session = PackingSession.open(order, station.deps())
    for line in order.lines:
        for _ in range(line.count):
            session.scan_item(line.barcodes[0])
    return session


@pytest.mark.asyncio
async def test_submit_settles_lost_layout_and_status_answers_by_reading_back(station: Station) -> None:
    order_id = station.sandbox.add_order(TWO_LINES).id
    session = await _packed(station, order_id)

    await session.submit()

    assert session.phase is Phase.DONE
    assert session.snapshot.last_error is None
    assert (station.sent("/boxes"), station.sent("/status")) == (1, 1)
    held = station.sandbox.find(order_id)
    assert (held.substatus, len(held.boxes)) == ("READY_TO_SHIP", 1)
    # The labels address the boxes the Market holds, learned from the read-back.
    assert session.snapshot.labels is not None
    assert session.snapshot.labels.box_ids == tuple(box.box_id for box in held.boxes)
    assert station.store.outbox.pending_intents() == []
    outcomes = [record.outcome for record in station.store.outbox.records(order_id)]
    assert all(outcome.startswith("already_done") for outcome in outcomes), outcomes

    report = await OutboxReplayer(station.market, station.store.outbox).replay()
    assert report.items == []
    assert (station.sent("/boxes"), station.sent("/status")) == (1, 1)


async def _ready_express(station: Station) -> tuple[PackingSession, int]:
    order_id = station.sandbox.add_order((("CHARGER-65", 1),), program="EXPRESS").id
    session = await _packed(station, order_id)
    await session.submit()
    assert session.phase is Phase.READY
    station.sandbox.advance_clock(station.sandbox.config.courier_step * 4)  # the courier is here
    return session, order_id


@pytest.mark.asyncio
async def test_a_lost_answer_to_the_right_courier_code_is_read_back_as_accepted(station: Station) -> None:
    session, order_id = await _ready_express(station)

    result = await session.handover(station.sandbox.eac_code(order_id))

    assert result.verdict is EacVerdict.ACCEPTED
    assert session.phase is Phase.DONE
    assert station.sent("/verifyEac") == 1
    assert station.sandbox.find(order_id).substatus == "COURIER_RECEIVED"
    assert station.store.outbox.pending_intents() == []


@pytest.mark.asyncio
async def test_a_lost_answer_to_a_wrong_courier_code_goes_to_the_packer_not_to_the_market(
    station: Station,
) -> None:
    session, order_id = await _ready_express(station)
    attempts = station.sandbox.find(order_id).eac
    assert attempts is not None
    before = attempts.attempts_left

    with pytest.raises(HandoverUnknownError) as caught:
        await session.handover("0000" if station.sandbox.eac_code(order_id) != "0000" else "1111")

    assert station.sent("/verifyEac") == 1
    assert attempts.attempts_left == before - 1  # one attempt spent, and only one
    assert session.phase is Phase.READY  # the packer may enter the code again: their decision
    assert "не отправлялся повторно" in russian(caught.value)
    assert "not sent again" in caught.value.english()
    # Settled with the packer: the outbox does not bring it up (or send it) again.
    assert station.store.outbox.pending_intents() == []
    report = await OutboxReplayer(station.market, station.store.outbox).replay()
    assert report.items == []
    assert station.sent("/verifyEac") == 1


@pytest.mark.asyncio
async def test_the_outbox_reads_back_after_its_own_lost_answers(station: Station) -> None:
    order = await station.market.get_order(station.sandbox.add_order(TWO_LINES).id)
    plan = LayoutPlan(tuple(BoxPlan((BoxEntry(line.id, full_count=line.count),)) for line in order.lines))
    outbox = station.store.outbox
    layout = outbox.add_intent(order.id, IntentKind.BOX_LAYOUT, layout_to_payload(plan))
    ready = outbox.add_intent(order.id, IntentKind.STATUS, status_payload("PROCESSING", "READY_TO_SHIP"))

    report = await OutboxReplayer(station.market, outbox, station.store.audit).replay()

    assert report.outcomes() == {layout.id: ReplayOutcome.ALREADY_DONE, ready.id: ReplayOutcome.ALREADY_DONE}
    assert "lost" in str(report.items[0].text)
    assert (station.sent("/boxes"), station.sent("/status")) == (1, 1)
    assert station.sandbox.find(order.id).substatus == "READY_TO_SHIP"
    assert outbox.pending_intents() == []


@pytest.fixture
def reliable(tmp_path: Path) -> Iterator[tuple[Sandbox, str, LocalStore]]:
    yield from _serve("", tmp_path)


@pytest.mark.asyncio
async def test_after_a_crash_the_outbox_finds_the_changes_applied_and_sends_nothing(
    reliable: tuple[Sandbox, str, LocalStore],
) -> None:
    """The station died after its requests arrived but before the answers did: the pending
    intents are settled from the order alone (layout box for box, status, courier handover)."""
    sandbox, url, store = reliable
    async with MarketClient("lost-answer-test", url) as client:
        market = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)
        fbs = sandbox.add_order(TWO_LINES)
        express = sandbox.add_order((("CHARGER-65", 1),), program="EXPRESS")
        intents = []
        for order in (fbs, express):
            body = {"boxes": [{"items": [{"id": line.id, "fullCount": line.count}]} for line in order.lines]}
            sandbox.set_layout(order.campaign_id, order.id, body)
            sandbox.update_status(order.campaign_id, order.id, "PROCESSING", "READY_TO_SHIP")
            plan = LayoutPlan(
                tuple(BoxPlan((BoxEntry(line.id, full_count=line.count),)) for line in order.lines)
            )
            intents.append(store.outbox.add_intent(order.id, IntentKind.BOX_LAYOUT, layout_to_payload(plan)))
            intents.append(
                store.outbox.add_intent(
                    order.id, IntentKind.STATUS, status_payload("PROCESSING", "READY_TO_SHIP")
                )
            )
        sandbox.advance_clock(sandbox.config.courier_step * 4)
        sandbox.verify_eac(express.campaign_id, express.id, sandbox.eac_code(express.id))
        intents.append(store.outbox.add_intent(express.id, IntentKind.VERIFY_EAC, {"code": "whatever"}))

        report = await OutboxReplayer(market, store.outbox, store.audit).replay()

    assert report.outcomes() == {intent.id: ReplayOutcome.ALREADY_DONE for intent in intents}
    assert sandbox.received.count("PUT") == 0
    assert store.outbox.pending_intents() == []


@pytest.mark.asyncio
async def test_a_stale_pending_layout_still_goes_when_the_market_does_not_hold_it(
    reliable: tuple[Sandbox, str, LocalStore],
) -> None:
    """Reading back is not refusing: a layout the Market does not hold is sent (once)."""
    sandbox, url, store = reliable
    async with MarketClient("lost-answer-test", url) as client:
        market = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)
        order = sandbox.add_order(TWO_LINES)
        one_box = LayoutPlan(
            (BoxPlan(tuple(BoxEntry(line.id, full_count=line.count) for line in order.lines)),)
        )
        sandbox.set_layout(  # the Market holds another layout (two boxes)
            order.campaign_id,
            order.id,
            {"boxes": [{"items": [{"id": line.id, "fullCount": line.count}]} for line in order.lines]},
        )
        intent = store.outbox.add_intent(order.id, IntentKind.BOX_LAYOUT, layout_to_payload(one_box))

        report = await OutboxReplayer(market, store.outbox).replay()

    assert report.outcomes() == {intent.id: ReplayOutcome.SENT}
    assert sandbox.received.count("PUT", "/boxes") == 1
    assert len(sandbox.find(order.id).boxes) == 1
