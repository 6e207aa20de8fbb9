"""Replaying the outbox: re-read first, skip or adapt, never twice, never silently."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from packstation.catalogue import russian
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan, PartOf
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import (
    CANCELLED,
    PROCESSING,
    READY_TO_SHIP,
    SHIPPED,
    SHOP_FAILED,
    Order,
    OrderLine,
)
from packstation.domain.remote import RemoteError
from packstation.market.errors import ApiErrorItem, BadRequestError, ConnectionFailedError, NotFoundError
from packstation.services.intents import IntentKind, layout_from_payload, layout_to_payload, status_payload
from packstation.services.outbox_replay import OutboxReplayer, ReplayOutcome
from packstation.storage.local_store import LocalStore, open_local_store
from tests.services.fakes import FakeMarket, make_order

RTS = status_payload(PROCESSING, READY_TO_SHIP)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    opened = open_local_store(tmp_path, station="Desk", packer="Test")
    yield opened
    opened.close()


def _two_line_order(order_id: int = 1, **kw: str) -> Order:
    lines = (
        OrderLine(id=11, offer_id="A", name="Кружка", count=2),
        OrderLine(id=12, offer_id="B", name="Шкаф", count=1, parts_per_unit=2),
    )
    return make_order(order_id, *lines, **kw)


def _full_layout(allow_remove: bool = False) -> LayoutPlan:
    code = Instance(InstanceKind.CIS, "0104601234567893215abcdef\x1d91EE06")
    return LayoutPlan(
        (
            BoxPlan((BoxEntry(11, full_count=2),)),
            BoxPlan((BoxEntry(12, part=PartOf(1, 2), instances=(code,)),)),
            BoxPlan((BoxEntry(12, part=PartOf(2, 2), instances=(code,)),)),
        ),
        allow_remove=allow_remove,
    )


def _market(*orders: Order) -> FakeMarket:
    market = FakeMarket()
    market.add(*orders)
    return market


def test_layout_payload_round_trips() -> None:
    plan = _full_layout()
    payload = layout_to_payload(plan)
    import json

    assert layout_from_payload(json.loads(json.dumps(payload))) == plan
    with pytest.raises(ValueError, match="not a box layout"):
        layout_from_payload({"boxes": 3})


@pytest.mark.asyncio
async def test_pending_layout_and_status_are_sent_in_order(store: LocalStore) -> None:
    market = _market(_two_line_order())
    layout = store.outbox.add_intent(1, IntentKind.BOX_LAYOUT, layout_to_payload(_full_layout()))
    status = store.outbox.add_intent(1, IntentKind.STATUS, RTS)

    report = await OutboxReplayer(market, store.outbox, store.audit).replay()

    assert report.outcomes() == {layout.id: ReplayOutcome.SENT, status.id: ReplayOutcome.SENT}
    assert report.attention == []
    assert [name for name, _ in market.calls] == ["get_order", "set_box_layout", "set_status"]
    assert market.orders[1].substatus == READY_TO_SHIP
    assert len(market.orders[1].box_ids) == 3
    assert store.outbox.pending_intents() == []
    assert [r.outcome.split(":")[0] for r in store.outbox.records(1)] == ["sent", "sent"]
    assert [r.action for r in store.audit.history(1)] == ["outbox_sent", "outbox_sent"]


@pytest.mark.asyncio
async def test_status_already_applied_before_the_crash_is_not_sent_again(store: LocalStore) -> None:
    market = _market(_two_line_order(substatus=READY_TO_SHIP))
    market.orders[1] = replace(market.orders[1], box_ids=(1, 2, 3))
    layout = store.outbox.add_intent(1, IntentKind.BOX_LAYOUT, layout_to_payload(_full_layout()))
    status = store.outbox.add_intent(1, IntentKind.STATUS, RTS)

    report = await OutboxReplayer(market, store.outbox).replay()

    assert report.outcomes() == {layout.id: ReplayOutcome.ALREADY_DONE, status.id: ReplayOutcome.ALREADY_DONE}
    assert market.count("set_status") == 0
    assert market.count("set_box_layout") == 0
    assert store.outbox.pending_intents() == []


@pytest.mark.asyncio
async def test_cancelled_meanwhile_is_reported_not_replayed(store: LocalStore) -> None:
    market = _market(_two_line_order(status=CANCELLED, substatus="USER_CHANGED_MIND"))
    layout = store.outbox.add_intent(1, IntentKind.BOX_LAYOUT, layout_to_payload(_full_layout()))
    status = store.outbox.add_intent(1, IntentKind.STATUS, RTS)

    report = await OutboxReplayer(market, store.outbox, store.audit).replay()

    assert report.outcomes() == {layout.id: ReplayOutcome.SKIPPED, status.id: ReplayOutcome.SKIPPED}
    assert [name for name, _ in market.calls] == ["get_order"]
    [first, _] = report.attention
    assert "USER_CHANGED_MIND" in first.en
    assert "cancelled" in first.en
    assert "отменён" in russian(first.text)
    assert "Put the items back" in str(first.text)
    assert store.outbox.pending_intents() == []
    assert {r.action for r in store.audit.history(1)} == {"outbox_skipped"}


@pytest.mark.asyncio
async def test_pending_cancel_of_an_already_cancelled_order_is_done(store: LocalStore) -> None:
    market = _market(make_order(2, status=CANCELLED, substatus=SHOP_FAILED))
    cancel = store.outbox.add_intent(2, IntentKind.CANCEL, {})
    report = await OutboxReplayer(market, store.outbox).replay()
    assert report.outcomes() == {cancel.id: ReplayOutcome.ALREADY_DONE}
    assert market.count("set_status") == 0


@pytest.mark.asyncio
async def test_pending_cancel_is_sent_while_processing(store: LocalStore) -> None:
    market = _market(make_order(2, substatus=READY_TO_SHIP))
    cancel = store.outbox.add_intent(2, IntentKind.CANCEL, {})
    report = await OutboxReplayer(market, store.outbox).replay()
    assert report.outcomes() == {cancel.id: ReplayOutcome.SENT}
    assert (market.orders[2].status, market.orders[2].substatus) == (CANCELLED, SHOP_FAILED)


@pytest.mark.asyncio
async def test_cancel_after_shipment_is_reported(store: LocalStore) -> None:
    market = _market(make_order(2, status="DELIVERY", substatus=SHIPPED))
    cancel = store.outbox.add_intent(2, IntentKind.CANCEL, {})
    report = await OutboxReplayer(market, store.outbox).replay()
    assert report.outcomes() == {cancel.id: ReplayOutcome.SKIPPED}
    assert "DELIVERY" in report.items[0].en
    assert market.count("set_status") == 0


@pytest.mark.asyncio
async def test_layout_for_changed_order_is_skipped(store: LocalStore) -> None:
    order = _two_line_order()
    market = _market(order)
    shortened = replace(
        market.orders[1], lines=(replace(market.orders[1].lines[0], count=1), market.orders[1].lines[1])
    )
    market.orders[1] = shortened
    layout = store.outbox.add_intent(1, IntentKind.BOX_LAYOUT, layout_to_payload(_full_layout()))
    status = store.outbox.add_intent(1, IntentKind.STATUS, RTS)

    report = await OutboxReplayer(market, store.outbox).replay()

    assert report.outcomes()[layout.id] is ReplayOutcome.SKIPPED
    assert "line 11 now has 1 units, the layout 2" in report.items[0].en
    # The READY_TO_SHIP that depended on that layout must not go out on its own.
    assert report.outcomes()[status.id] is ReplayOutcome.SKIPPED
    assert "did not go through" in report.items[1].en
    assert market.count("set_status") == 0
    assert market.count("set_box_layout") == 0


@pytest.mark.asyncio
async def test_a_pending_shortening_is_never_resent_on_its_own(store: LocalStore) -> None:
    market = _market(_two_line_order())
    shorten_plan = LayoutPlan(_full_layout().boxes[1:], allow_remove=True)  # drop line 11
    first = store.outbox.add_intent(1, IntentKind.SHORTEN, layout_to_payload(shorten_plan))
    report = await OutboxReplayer(market, store.outbox).replay()
    assert report.outcomes() == {first.id: ReplayOutcome.NEEDS_PACKER}
    assert "not repeated on its own" in report.items[0].en
    assert market.count("set_box_layout") == 0
    assert [line.id for line in market.orders[1].lines] == [11, 12]  # the order is as it was
    assert not store.outbox.pending_intents()

    await market.set_box_layout(1, shorten_plan)  # the Market took it before its answer was lost
    again = store.outbox.add_intent(1, IntentKind.SHORTEN, layout_to_payload(shorten_plan))
    report = await OutboxReplayer(market, store.outbox).replay()
    assert report.outcomes() == {again.id: ReplayOutcome.ALREADY_DONE}
    assert market.count("set_box_layout") == 1


@pytest.mark.asyncio
async def test_offline_keeps_everything_pending_and_stops(store: LocalStore) -> None:
    market = _market(_two_line_order(), make_order(2))
    a = store.outbox.add_intent(1, IntentKind.BOX_LAYOUT, layout_to_payload(_full_layout()))
    b = store.outbox.add_intent(1, IntentKind.STATUS, RTS)
    c = store.outbox.add_intent(2, IntentKind.STATUS, RTS)
    market.fail_next("set_box_layout", ConnectionFailedError("refused"))

    report = await OutboxReplayer(market, store.outbox).replay()

    assert report.offline
    assert report.outcomes() == {
        a.id: ReplayOutcome.PENDING,
        b.id: ReplayOutcome.PENDING,
        c.id: ReplayOutcome.PENDING,
    }
    assert "Cannot reach the Market" in report.items[0].en
    assert [i.id for i in store.outbox.pending_intents()] == [a.id, b.id, c.id]
    assert market.count("get_order") == 1  # stopped: order 2 was not even read
    [record, _] = store.outbox.records(1)
    assert record.attempts == 1

    report = await OutboxReplayer(market, store.outbox).replay()  # the network is back
    assert set(report.outcomes().values()) == {ReplayOutcome.SENT}
    assert market.orders[1].substatus == READY_TO_SHIP
    assert market.orders[2].substatus == READY_TO_SHIP


@pytest.mark.asyncio
async def test_offline_while_reading_the_order(store: LocalStore) -> None:
    market = _market(make_order(3))
    intent = store.outbox.add_intent(3, IntentKind.STATUS, RTS)
    market.fail_next("get_order", ConnectionFailedError("refused"))
    report = await OutboxReplayer(market, store.outbox).replay()
    assert report.offline
    assert report.outcomes() == {intent.id: ReplayOutcome.PENDING}
    assert store.outbox.pending_intents() == [intent]


@pytest.mark.asyncio
async def test_rejection_is_reported_and_blocks_the_orders_later_steps(store: LocalStore) -> None:
    market = _market(_two_line_order(), make_order(2))
    layout = store.outbox.add_intent(1, IntentKind.BOX_LAYOUT, layout_to_payload(_full_layout()))
    status = store.outbox.add_intent(1, IntentKind.STATUS, RTS)
    other = store.outbox.add_intent(2, IntentKind.STATUS, RTS)
    market.fail_next("set_box_layout", BadRequestError((ApiErrorItem("INVALID_CIS", "bad code"),)))

    report = await OutboxReplayer(market, store.outbox).replay()

    assert report.outcomes() == {
        layout.id: ReplayOutcome.REJECTED,
        status.id: ReplayOutcome.SKIPPED,
        other.id: ReplayOutcome.SENT,
    }
    assert "Chestny Znak" in report.items[0].en
    assert "did not go through" in report.items[1].en
    assert market.count("set_status") == 1
    assert store.outbox.pending_intents() == []


@pytest.mark.asyncio
async def test_codes_still_being_checked_wait_for_the_next_run(store: LocalStore) -> None:
    market = _market(make_order(4), make_order(5))
    wait = store.outbox.add_intent(4, IntentKind.STATUS, RTS)
    other = store.outbox.add_intent(5, IntentKind.STATUS, RTS)
    market.fail_next(
        "set_status", BadRequestError((ApiErrorItem("CIS_VALIDATION_IN_PROGRESS_ERROR", "wait"),))
    )
    report = await OutboxReplayer(market, store.outbox).replay()
    assert report.outcomes() == {wait.id: ReplayOutcome.PENDING, other.id: ReplayOutcome.SENT}
    assert not report.offline
    assert store.outbox.pending_intents() == [wait]


@pytest.mark.asyncio
async def test_order_gone_from_the_market(store: LocalStore) -> None:
    market = _market(make_order(6))
    intent = store.outbox.add_intent(6, IntentKind.STATUS, RTS)
    market.fail_next("get_order", NotFoundError())
    report = await OutboxReplayer(market, store.outbox).replay()
    assert report.outcomes() == {intent.id: ReplayOutcome.SKIPPED}
    assert "not found" in report.items[0].en


@pytest.mark.asyncio
async def test_bad_key_holds_everything(store: LocalStore) -> None:
    market = _market(make_order(7))
    intent = store.outbox.add_intent(7, IntentKind.STATUS, RTS)
    market.fail_next("set_status", RemoteError(QT_TRANSLATE_NOOP("Tests", "key"), status_code=401))
    report = await OutboxReplayer(market, store.outbox).replay()
    assert report.outcomes() == {intent.id: ReplayOutcome.PENDING}
    assert store.outbox.pending_intents() == [intent]


@pytest.mark.asyncio
async def test_courier_code_is_never_resent_automatically(store: LocalStore) -> None:
    market = _market(make_order(8, substatus=READY_TO_SHIP))
    intent = store.outbox.add_intent(8, IntentKind.VERIFY_EAC, {"code": "1234"})
    report = await OutboxReplayer(market, store.outbox).replay()
    assert report.outcomes() == {intent.id: ReplayOutcome.NEEDS_PACKER}
    assert "enter it again" in report.items[0].en
    assert market.count("verify_eac") == 0
    assert store.outbox.pending_intents() == []


@pytest.mark.asyncio
async def test_unknown_kind_stays_pending_and_is_reported(store: LocalStore) -> None:
    market = _market(make_order(9))
    intent = store.outbox.add_intent(9, "set_external_id", {"external_id": "X-1"})
    report = await OutboxReplayer(market, store.outbox).replay()
    assert report.outcomes() == {intent.id: ReplayOutcome.PENDING}
    assert "set_external_id" in report.items[0].en
    assert store.outbox.pending_intents() == [intent]


@pytest.mark.asyncio
async def test_status_refusal_inside_http_200_is_a_rejection(store: LocalStore) -> None:
    from packstation.domain.verification import StatusChange

    market = _market(make_order(10))
    intent = store.outbox.add_intent(10, IntentKind.STATUS, RTS)

    async def refuse(order_id: int, status: str, substatus: str | None = None) -> StatusChange:
        return StatusChange(order_id, False, error="SUBSTATUS_NOT_ALLOWED")

    market.set_status = refuse  # type: ignore[method-assign]
    report = await OutboxReplayer(market, store.outbox).replay()
    assert report.outcomes() == {intent.id: ReplayOutcome.REJECTED}
    assert "SUBSTATUS_NOT_ALLOWED" in report.items[0].en


@pytest.mark.asyncio
async def test_concurrent_replays_never_send_twice(store: LocalStore) -> None:
    import asyncio

    market = _market(make_order(11))
    store.outbox.add_intent(11, IntentKind.STATUS, RTS)
    replayer = OutboxReplayer(market, store.outbox)
    first, second = await asyncio.gather(replayer.replay(), replayer.replay())
    assert market.count("set_status") == 1
    assert len(first.items) + len(second.items) == 1


@pytest.mark.asyncio
async def test_replays_when_the_connection_comes_back(store: LocalStore) -> None:
    import asyncio
    from collections.abc import Callable

    from packstation.services.order_queue import ConnectionState
    from packstation.services.outbox_replay import ReplayReport

    market = _market(make_order(12))
    intent = store.outbox.add_intent(12, IntentKind.STATUS, RTS)
    listeners: list[Callable[[ConnectionState], None]] = []

    def subscribe(callback: Callable[[ConnectionState], None]) -> Callable[[], None]:
        listeners.append(callback)
        return lambda: listeners.remove(callback)

    reports: list[ReplayReport] = []
    done = asyncio.Event()

    def show(report: ReplayReport) -> None:
        reports.append(report)
        done.set()

    replayer = OutboxReplayer(market, store.outbox)
    unsubscribe = replayer.replay_when_online(subscribe, show)

    listeners[0](ConnectionState.OFFLINE)
    assert not replayer.busy  # nothing while offline
    listeners[0](ConnectionState.ONLINE)
    assert replayer.busy
    await asyncio.wait_for(done.wait(), 10)
    assert [r.outcomes() for r in reports] == [{intent.id: ReplayOutcome.SENT}]
    unsubscribe()
    assert listeners == []
    await replayer.close()


@pytest.mark.asyncio
async def test_replay_soon_reports_a_broken_journal(store: LocalStore) -> None:
    from packstation.domain.errors import StorageError
    from packstation.services.outbox_replay import ReplayReport

    class BrokenOutbox:
        def add_intent(self, order_id: int, kind: str, payload: object) -> object:
            raise AssertionError("not used")

        def complete_intent(self, intent_id: int, outcome: str) -> None:
            raise AssertionError("not used")

        def pending_intents(self) -> list[object]:
            raise StorageError(QT_TRANSLATE_NOOP("Tests", "The journal cannot be read."))

    reports: list[ReplayReport] = []
    replayer = OutboxReplayer(FakeMarket(), BrokenOutbox())  # type: ignore[arg-type]
    await replayer.replay_soon(reports.append)
    [report] = reports
    assert report.error is not None
    assert report.error.en == "The journal cannot be read."
    assert report.items == []


@pytest.mark.asyncio
async def test_close_cancels_a_running_replay(store: LocalStore) -> None:
    import asyncio

    market = _market(make_order(13))
    store.outbox.add_intent(13, IntentKind.STATUS, RTS)
    started = asyncio.Event()
    original = market.get_order

    async def slow_get_order(order_id: int) -> Order:
        started.set()
        await asyncio.sleep(30)
        return await original(order_id)

    market.get_order = slow_get_order  # type: ignore[method-assign]
    replayer = OutboxReplayer(market, store.outbox)
    task = replayer.replay_soon(lambda report: None)
    await started.wait()
    await replayer.close()
    assert task.cancelled()
    assert len(store.outbox.pending_intents()) == 1  # still pending for the next start


@pytest.mark.asyncio
async def test_fresh_intent_of_this_process_is_not_sent_alongside_the_session(store: LocalStore) -> None:
    from packstation.services.outbox_replay import ReplayReport

    market = _market(make_order(14), make_order(15))
    older = store.outbox.add_intent(15, IntentKind.STATUS, RTS)  # from before the replayer: a crash
    replayer = OutboxReplayer(market, store.outbox, in_flight_grace_s=0.2)
    fresh = store.outbox.add_intent(14, IntentKind.STATUS, RTS)  # the session may be sending it now

    report = await replayer.replay()
    assert report.outcomes() == {older.id: ReplayOutcome.SENT}
    assert report.held == 1
    assert market.count("set_status") == 1
    assert [i.id for i in store.outbox.pending_intents()] == [fresh.id]

    reports: list[ReplayReport] = []
    await replayer.replay_soon(reports.append)  # runs again once the grace period is over
    assert [r.held for r in reports] == [1, 0]
    assert reports[1].outcomes() == {fresh.id: ReplayOutcome.SENT}
    assert store.outbox.pending_intents() == []


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("status", "substatus"),
    [(PROCESSING, "COURIER_FOUND"), (PROCESSING, SHIPPED), ("DELIVERY", "DELIVERY_SERVICE_RECEIVED")],
)
async def test_order_past_ready_to_ship_counts_as_done(
    store: LocalStore, status: str, substatus: str
) -> None:
    market = _market(_two_line_order(status=status, substatus=substatus))
    market.orders[1] = replace(market.orders[1], box_ids=(1, 2, 3))
    layout = store.outbox.add_intent(1, IntentKind.BOX_LAYOUT, layout_to_payload(_full_layout()))
    ready = store.outbox.add_intent(1, IntentKind.STATUS, RTS)
    report = await OutboxReplayer(market, store.outbox).replay()
    assert report.outcomes() == {layout.id: ReplayOutcome.ALREADY_DONE, ready.id: ReplayOutcome.ALREADY_DONE}
    assert report.attention == []
    assert market.count("set_box_layout") + market.count("set_status") == 0


@pytest.mark.asyncio
async def test_layout_for_an_order_repacked_elsewhere_is_reported(store: LocalStore) -> None:
    market = _market(_two_line_order(substatus=READY_TO_SHIP))
    market.orders[1] = replace(market.orders[1], box_ids=(1,))  # one box, ours had three
    layout = store.outbox.add_intent(1, IntentKind.BOX_LAYOUT, layout_to_payload(_full_layout()))
    report = await OutboxReplayer(market, store.outbox).replay()
    assert report.outcomes() == {layout.id: ReplayOutcome.SKIPPED}
    assert "READY_TO_SHIP" in report.items[0].en


@pytest.mark.asyncio
@pytest.mark.parametrize("substatus", ["PACKAGING", "AWAIT_CONFIRMATION", "WAITING_FOR_STOCKS"])
async def test_the_markets_own_packing_steps_are_not_taken_as_packed(
    store: LocalStore, substatus: str
) -> None:
    # One rule for "packed already" (lost_answer.past_ready): these PROCESSING steps come before
    # READY_TO_SHIP, so a saved READY_TO_SHIP is neither closed as done nor sent into them.
    market = _market(_two_line_order(substatus=substatus))
    ready = store.outbox.add_intent(1, IntentKind.STATUS, RTS)
    report = await OutboxReplayer(market, store.outbox).replay()
    assert report.outcomes() == {ready.id: ReplayOutcome.SKIPPED}
    assert market.count("set_status") == 0
