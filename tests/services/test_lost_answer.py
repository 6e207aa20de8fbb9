"""Settling a lost answer from the order read back: what counts as "the Market has it", and the
session's behaviour when the read-back fails too (the real-HTTP side is tests/integration)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan, PartOf, StoredBox
from packstation.domain.order import CANCELLED, PROCESSING, READY_TO_SHIP, SHOP_FAILED, STARTED, OrderLine
from packstation.market.errors import BadRequestError, ConnectionFailedError, MarketTimeoutError, ServerError
from packstation.services.lost_answer import (
    Settlement,
    answer_lost,
    handed_over,
    layout_held,
    past_ready,
    past_ready_to_ship,
    read_back_layout,
    status_reached,
)
from packstation.services.outbox_replay import OutboxReplayer, ReplayOutcome
from packstation.services.packing import PackingSession, Phase, SessionDeps
from tests.services.fakes import FakeClock, FakeJournal, FakeMarket, FakeOutbox, make_order

GS = "\x1d"
CIS_FULL = f"0104600439931256215ABCDEF{GS}91EE06{GS}92abcdefgh"
CIS_SHORT = "0104600439931256215ABCDEF"  # as the Market reads it back: without the crypto tail


def _plan() -> LayoutPlan:
    codes = (Instance(InstanceKind.CIS, CIS_FULL),)
    return LayoutPlan(
        (
            BoxPlan((BoxEntry(11, full_count=1, instances=codes), BoxEntry(12, full_count=2))),
            BoxPlan((BoxEntry(13, part=PartOf(1, 2)),)),
            BoxPlan((BoxEntry(13, part=PartOf(2, 2)),)),
        )
    )


def test_the_layout_the_market_holds_matches_box_for_box_codes_without_their_tail() -> None:
    plan = _plan()
    short = (Instance(InstanceKind.CIS, CIS_SHORT),)
    echoed = BoxPlan((BoxEntry(12, full_count=2), BoxEntry(11, full_count=1, instances=short)))
    order = replace(
        make_order(1),
        stored_boxes=(StoredBox(1, echoed), StoredBox(2, plan.boxes[1]), StoredBox(3, plan.boxes[2])),
    )
    assert layout_held(plan, order)


@pytest.mark.parametrize(
    "other",
    [
        (),  # nothing stored
        (BoxPlan((BoxEntry(11, full_count=1), BoxEntry(12, full_count=2))),),  # another layout
        (
            BoxPlan((BoxEntry(11, full_count=1), BoxEntry(12, full_count=2))),  # the code is missing
            BoxPlan((BoxEntry(13, part=PartOf(1, 2)),)),
            BoxPlan((BoxEntry(13, part=PartOf(2, 2)),)),
        ),
        (
            BoxPlan(
                (
                    BoxEntry(
                        11, full_count=1, instances=(Instance(InstanceKind.CIS, "0104600439931256215OTHER"),)
                    ),
                    BoxEntry(12, full_count=2),
                )
            ),
            BoxPlan((BoxEntry(13, part=PartOf(1, 2)),)),
            BoxPlan((BoxEntry(13, part=PartOf(2, 2)),)),
        ),
        (
            BoxPlan((BoxEntry(11, full_count=1), BoxEntry(12, full_count=1))),
            BoxPlan((BoxEntry(13, part=PartOf(1, 2)),)),
            BoxPlan((BoxEntry(13, part=PartOf(2, 2)),)),
        ),
    ],
)
def test_any_other_layout_is_not_taken_for_ours(other: tuple[BoxPlan, ...]) -> None:
    order = replace(make_order(1), stored_boxes=tuple(StoredBox(n, box) for n, box in enumerate(other)))
    assert not layout_held(_plan(), order)


@pytest.mark.parametrize(
    ("status", "substatus", "reached"),
    [
        (PROCESSING, READY_TO_SHIP, True),
        (PROCESSING, "COURIER_SEARCH", True),
        (PROCESSING, "SHIPPED", True),
        ("DELIVERY", "DELIVERY_SERVICE_RECEIVED", True),
        (PROCESSING, STARTED, False),
        (CANCELLED, "USER_CHANGED_MIND", False),
    ],
)
def test_ready_to_ship_is_reached_by_it_or_anything_past_it(
    status: str, substatus: str, reached: bool
) -> None:
    order = make_order(1, status=status, substatus=substatus)
    assert status_reached(order, PROCESSING, READY_TO_SHIP) is reached


def test_a_cancellation_is_reached_by_any_cancelled_order() -> None:
    assert status_reached(
        make_order(1, status=CANCELLED, substatus="USER_CHANGED_MIND"), CANCELLED, SHOP_FAILED
    )
    assert not status_reached(make_order(1), CANCELLED, SHOP_FAILED)


def test_the_parcel_is_handed_over_from_courier_received_on() -> None:
    assert handed_over(make_order(1, substatus="COURIER_RECEIVED"))
    assert handed_over(make_order(1, status="DELIVERY", substatus="DELIVERY_SERVICE_RECEIVED"))
    assert not handed_over(make_order(1, substatus="COURIER_ARRIVED_TO_SENDER"))


def test_only_errors_that_leave_the_outcome_open_are_lost_answers() -> None:
    assert answer_lost(ConnectionFailedError("RemoteProtocolError", answer_lost=True))
    assert answer_lost(MarketTimeoutError())
    assert answer_lost(ServerError(502))
    assert not answer_lost(ConnectionFailedError("ConnectError"))  # never left the station
    assert not answer_lost(MarketTimeoutError(answer_lost=False))
    assert not answer_lost(BadRequestError())  # a refusal is an answer


@pytest.mark.asyncio
async def test_an_unreadable_read_back_says_so_and_the_change_is_not_resent() -> None:
    market = FakeMarket()
    market.add(make_order(1))
    market.fail_next("get_order", ConnectionFailedError("ConnectError"))
    back = await read_back_layout(market, 1, _plan())
    assert back.settlement is Settlement.UNREADABLE
    assert isinstance(back.error, ConnectionFailedError)
    assert market.count("set_box_layout") == 0


@pytest.mark.asyncio
async def test_when_the_read_back_fails_too_the_intent_waits_for_the_outbox_which_reads_first() -> None:
    clock = FakeClock()
    market = FakeMarket()
    line = OrderLine(22, "KETTLE", "Чайник", 1, barcodes=("4600000000022",))
    market.add(make_order(1, line))
    outbox = FakeOutbox(clock)
    session = PackingSession.start(
        market.orders[1], SessionDeps(market=market, journal=FakeJournal(), clock=clock, outbox=outbox)
    )
    session.put(22)
    lost = ConnectionFailedError("RemoteProtocolError", answer_lost=True)
    market.fail_next("set_box_layout", lost)
    market.fail_next("get_order", ConnectionFailedError("ConnectError"))

    with pytest.raises(ConnectionFailedError) as caught:
        await session.submit()

    assert caught.value is lost
    assert session.phase is Phase.PACKING
    assert market.count("set_box_layout") == 1
    [pending] = outbox.pending_intents()
    # Later, the outbox reads the order back first; this fake never applied it, so it goes once.
    report = await OutboxReplayer(market, outbox, clock=clock, in_flight_grace_s=0).replay()
    assert report.outcomes() == {pending.id: ReplayOutcome.SENT}
    assert market.count("set_box_layout") == 2


@pytest.mark.parametrize(
    ("status", "substatus", "packed"),
    [
        (PROCESSING, STARTED, False),
        (PROCESSING, "PACKAGING", False),  # the Market's own step before READY_TO_SHIP (NOTES)
        (PROCESSING, "ASYNC_PROCESSING", False),
        (PROCESSING, READY_TO_SHIP, True),
        (PROCESSING, "COURIER_FOUND", True),
        (PROCESSING, "SHIPPED", True),
        ("DELIVERY", "DELIVERY_SERVICE_RECEIVED", True),
        ("DELIVERED", "", True),
        (CANCELLED, SHOP_FAILED, False),
        ("RESERVED", "", False),
        ("SOMETHING_NEW", "", False),  # unknown statuses may appear: never taken as packed
    ],
)
def test_one_rule_says_whether_an_order_is_packed_already(status: str, substatus: str, packed: bool) -> None:
    assert past_ready(status, substatus) is packed
    assert past_ready_to_ship(make_order(1, status=status, substatus=substatus)) is packed
