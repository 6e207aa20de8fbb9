"""The order queue: loading, incremental refresh, sorting, filters, callbacks, connection state, scans."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from packstation.catalogue import russian
from packstation.domain.deadline import sort_key
from packstation.domain.errors import PackstationError, ScanError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import (
    CANCELLED,
    PROCESSING,
    READY_TO_SHIP,
    SHIPPED,
    STARTED,
    Order,
    OrderLine,
    Program,
)
from packstation.domain.scan import ScanKind, ScanResult
from packstation.market.errors import (
    BadRequestError,
    ConnectionFailedError,
    MarketTimeoutError,
    RateLimitedError,
    ServerError,
)
from packstation.services.order_queue import (
    EXPRESS_HANDOVER_SUBSTATUSES,
    ConnectionState,
    OrderFilter,
    OrderQueue,
    QueueChange,
    connection_state_for,
    order_deadline,
)
from tests.services.fakes import FakeClock, FakeMarket, make_order

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _queue(market: FakeMarket, clock: FakeClock | None = None, **kwargs: object) -> OrderQueue:
    return OrderQueue(market, clock or FakeClock(T0), **kwargs)  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_first_load_reads_all_pages_of_orders_awaiting_the_desk() -> None:
    market = FakeMarket(page_size=2)
    market.add(*(make_order(i) for i in range(1, 6)))
    market.add(make_order(6, substatus="COURIER_FOUND", program=Program.EXPRESS))  # awaits its courier
    market.add(make_order(7, status=CANCELLED, substatus="SHOP_FAILED"))
    market.add(make_order(8, substatus=READY_TO_SHIP))  # FBS: done with at READY_TO_SHIP
    queue = _queue(market)
    changes = []
    queue.subscribe(changes.append)

    change = await queue.refresh()

    assert [o.id for o in queue.orders()] == [1, 2, 3, 4, 5, 6]
    assert change.initial
    assert len(change.added) == 6
    assert changes == [change]
    assert queue.loaded
    assert queue.state is ConnectionState.ONLINE
    (query,) = [arg for name, arg in market.calls if name == "iter_order_pages"]
    assert query.statuses == (PROCESSING,)
    assert query.substatuses == (STARTED, *EXPRESS_HANDOVER_SUBSTATUSES)
    assert query.updated_from is None


@pytest.mark.asyncio
async def test_incremental_refresh_asks_only_for_the_update_window_and_applies_changes() -> None:
    clock = FakeClock(T0)
    market = FakeMarket()
    market.add(make_order(1), make_order(2), make_order(3))
    queue = _queue(market, clock, overlap_s=60)
    await queue.refresh()
    new_orders: list[tuple[int, ...]] = []
    queue.subscribe_new(lambda orders: new_orders.append(tuple(o.id for o in orders)))

    clock.advance(60)
    later = T0 + timedelta(seconds=30)
    market.add(make_order(4, updated_at=later))  # new
    market.add(make_order(2, status=CANCELLED, substatus="USER_CHANGED_MIND", updated_at=later))  # leaves
    market.add(replace(make_order(3, updated_at=later), notes="fragile"))  # changed
    change = await queue.refresh()

    query = market.calls[-1][1]
    assert query.updated_from == T0 - timedelta(seconds=60)
    assert query.statuses == ()
    assert query.substatuses == ()
    assert [o.id for o in change.added] == [4]
    assert [o.id for o in change.updated] == [3]
    assert change.removed == (2,)
    assert [(o.id, o.status) for o in change.left] == [(2, CANCELLED)]
    assert not change.initial
    assert new_orders == [(4,)]
    assert [o.id for o in queue.orders()] == [1, 3, 4]
    assert queue.get(3) is not None
    assert queue.get(3).notes == "fragile"


@pytest.mark.asyncio
async def test_unchanged_orders_in_the_window_announce_nothing() -> None:
    clock = FakeClock(T0)
    market = FakeMarket()
    market.add(make_order(1, updated_at=T0))
    queue = _queue(market, clock)
    await queue.refresh()
    version = queue.version
    changes = []
    queue.subscribe(changes.append)
    clock.advance(60)

    change = await queue.refresh()

    assert change.is_empty
    assert changes == []
    assert queue.version == version


@pytest.mark.asyncio
async def test_full_reload_after_full_refresh_interval_drops_orders_missing_from_the_answer() -> None:
    clock = FakeClock(T0)
    market = FakeMarket()
    market.add(make_order(1), make_order(2))
    queue = _queue(market, clock, full_refresh_s=600)
    await queue.refresh()
    del market.orders[2]  # e.g. older than the update window's reach

    clock.advance(60)
    assert (await queue.refresh()).removed == ()
    clock.advance(600)
    change = await queue.refresh()

    assert change.removed == (2,)
    assert market.calls[-1][1].statuses == (PROCESSING,)


@pytest.mark.asyncio
async def test_failed_refresh_keeps_the_list_and_records_the_state() -> None:
    market = FakeMarket(page_size=1)
    market.add(make_order(1), make_order(2))
    queue = _queue(market)
    await queue.refresh()
    states: list[ConnectionState] = []
    queue.subscribe_state(states.append)

    market.fail_next("iter_order_pages", ConnectionFailedError("dns"))
    with pytest.raises(ConnectionFailedError):
        await queue.refresh(full=True)
    assert queue.state is ConnectionState.OFFLINE
    assert isinstance(queue.last_error, ConnectionFailedError)

    market.fail_next("page", RateLimitedError(retry_after=120))
    with pytest.raises(RateLimitedError):
        await queue.refresh(full=True)  # the first page arrived, the second failed: nothing applied
    assert queue.state is ConnectionState.RATE_LIMITED
    assert [o.id for o in queue.orders()] == [1, 2]

    await queue.refresh()
    assert queue.state is ConnectionState.ONLINE
    assert queue.last_error is None
    assert states == [ConnectionState.OFFLINE, ConnectionState.RATE_LIMITED, ConnectionState.ONLINE]


@pytest.mark.parametrize(
    ("error", "state"),
    [
        (RateLimitedError(retry_after=30), ConnectionState.RATE_LIMITED),
        (RateLimitedError(), ConnectionState.RATE_LIMITED),
        (ConnectionFailedError("refused"), ConnectionState.OFFLINE),
        (MarketTimeoutError(), ConnectionState.OFFLINE),
        (ServerError(503), ConnectionState.OFFLINE),
        (BadRequestError(), ConnectionState.ONLINE),
        (PackstationError(QT_TRANSLATE_NOOP("Tests", "x")), ConnectionState.ONLINE),
    ],
)
def test_connection_state_is_derived_from_the_market_errors(error: Exception, state: ConnectionState) -> None:
    assert connection_state_for(error) is state


@pytest.mark.asyncio
async def test_next_delay_uses_express_pace_backoff_and_retry_after() -> None:
    market = FakeMarket()
    market.add(make_order(1))
    queue = _queue(market, interval_s=60, express_interval_s=15, offline_retry_s=5)
    await queue.refresh()
    assert queue.next_delay() == 60

    queue.upsert(make_order(2, program=Program.EXPRESS))
    assert queue.next_delay() == 15

    for expected in (5, 10, 15, 15):  # doubling, capped at the current pace
        market.fail_next("iter_order_pages", MarketTimeoutError())
        with pytest.raises(MarketTimeoutError):
            await queue.refresh()
        assert queue.next_delay() == expected

    market.fail_next("iter_order_pages", RateLimitedError(retry_after=300))
    with pytest.raises(RateLimitedError):
        await queue.refresh()
    assert queue.next_delay() == 300

    queue.expect_express = True
    queue.discard(2)
    await queue.refresh()
    assert queue.next_delay() == 15


def test_orders_sort_by_deadline_express_and_fbs_interleaved_and_undated_last() -> None:
    market = FakeMarket()
    queue = _queue(market)
    msk = timedelta(hours=3)
    queue.upsert(make_order(1))  # no deadline
    queue.upsert(make_order(2, shipment_date=date(2026, 11, 24)))
    queue.upsert(make_order(3, shipment_date=date(2026, 11, 23)))
    queue.upsert(make_order(4, program=Program.EXPRESS, ship_by=datetime(2026, 11, 23, 12, 30)))
    queue.upsert(make_order(5, program=Program.EXPRESS, ship_by=datetime(2026, 11, 23, 9, 40, tzinfo=UTC)))

    # 5: 12:40 Moscow, 3: the 14:00 cutoff, 4: 12:30 Moscow (no offset given), 2: tomorrow.
    assert [o.id for o in queue.orders()] == [4, 5, 3, 2, 1]
    queue.set_cutoff(time(12, 35))
    assert [o.id for o in queue.orders()] == [4, 3, 5, 2, 1]
    deadline = order_deadline(make_order(4, ship_by=datetime(2026, 11, 23, 12, 30)))
    assert deadline is not None
    assert deadline.utcoffset() == msk
    assert order_deadline(make_order(9, shipment_date=date(2026, 11, 23))) == datetime(
        2026, 11, 23, 11, 0, tzinfo=UTC
    )


def test_filters_by_text_program_and_status() -> None:
    queue = _queue(FakeMarket())
    kettle = OrderLine(id=11, offer_id="KETTLE-1", name="Чайник электрический", count=1)
    queue.upsert(make_order(1001, kettle, external_id="EXT-77"))
    queue.upsert(make_order(1002, program=Program.EXPRESS))
    queue.upsert(make_order(1003, substatus=READY_TO_SHIP, program=Program.EXPRESS))

    def ids(flt: OrderFilter) -> list[int]:
        return [o.id for o in queue.filtered(flt)]

    assert ids(OrderFilter()) == [1001, 1002, 1003]
    assert ids(OrderFilter(text="ЧАЙНИК")) == [1001]
    assert ids(OrderFilter(text="чайник  kettle")) == [1001]
    assert ids(OrderFilter(text="чайник sku-1002")) == []
    assert ids(OrderFilter(text="ext-77")) == [1001]
    assert ids(OrderFilter(text="1002")) == [1002]
    assert ids(OrderFilter(programs=frozenset({Program.EXPRESS}))) == [1002, 1003]
    assert ids(OrderFilter(statuses=frozenset({"PROCESSING/READY_TO_SHIP"}))) == [1003]
    assert ids(OrderFilter(statuses=frozenset({"STARTED"}))) == [1001, 1002]
    assert queue.matches(1001, OrderFilter(text="kettle"))
    assert not queue.matches(999, OrderFilter())
    assert queue.programs() == (Program.EXPRESS, Program.FBS)
    assert queue.statuses() == ("PROCESSING/READY_TO_SHIP", "PROCESSING/STARTED")


def test_upsert_of_an_order_that_left_the_awaiting_states_removes_it() -> None:
    queue = _queue(FakeMarket())
    queue.upsert(make_order(1))
    assert queue.upsert(make_order(1, substatus=READY_TO_SHIP)).removed == (1,)  # packed FBS
    queue.upsert(make_order(1))
    change = queue.upsert(make_order(1, substatus=SHIPPED))
    assert change.removed == (1,)
    assert len(queue) == 0
    assert queue.discard(1).is_empty


@pytest.mark.asyncio
async def test_subscribe_order_feeds_fresh_copies_of_one_order() -> None:
    clock = FakeClock(T0)
    market = FakeMarket()
    market.add(make_order(1), make_order(2))
    queue = _queue(market, clock)
    await queue.refresh()
    seen: list[tuple[int, str]] = []
    unsubscribe = queue.subscribe_order(1, lambda order: seen.append((order.id, order.status)))

    clock.advance(60)
    market.add(replace(make_order(1, updated_at=T0), notes="позвонить"))
    market.add(replace(make_order(2, updated_at=T0), notes="x"))
    await queue.refresh()
    clock.advance(60)
    later = T0 + timedelta(seconds=90)
    market.add(make_order(1, status=CANCELLED, substatus="USER_CHANGED_MIND", updated_at=later))
    await queue.refresh()
    unsubscribe()
    queue.upsert(make_order(1))

    assert seen == [(1, PROCESSING), (1, CANCELLED)]


def test_unsubscribe_stops_callbacks() -> None:
    queue = _queue(FakeMarket())
    seen: list[int] = []
    unsubscribe = queue.subscribe(lambda change: seen.append(change.version))
    queue.upsert(make_order(1))
    unsubscribe()
    queue.upsert(make_order(2))
    assert seen == [1]


def _scan(kind: ScanKind, value: str, **kwargs: object) -> ScanResult:
    return ScanResult(kind=kind, raw=value, value=value, **kwargs)  # type: ignore[arg-type]


def test_find_by_scan_order_number_box_label_and_unambiguous_barcode() -> None:
    queue = _queue(FakeMarket())
    queue.upsert(make_order(1, OrderLine(11, "A", "Mug", 1, barcodes=("4601234567893",))))
    queue.upsert(make_order(2, OrderLine(21, "B", "Cup", 1, barcodes=("4607654321091",))))
    queue.upsert(make_order(3, OrderLine(31, "B", "Cup", 2, barcodes=("4607654321091",))))

    assert queue.find_by_scan(_scan(ScanKind.ORDER_NUMBER, "2", order_id=2)).id == 2  # type: ignore[union-attr]
    assert queue.find_by_scan(_scan(ScanKind.BOX_LABEL, "3-1", order_id=3, box_no=1)).id == 3  # type: ignore[union-attr]
    assert queue.find_by_scan(_scan(ScanKind.ORDER_NUMBER, "77", order_id=77)) is None
    found = queue.find_by_scan(_scan(ScanKind.ITEM_BARCODE, "04601234567893", gtin="04601234567893"))
    assert found is not None
    assert found.id == 1
    cis = _scan(ScanKind.CIS, "0104601234567893215abcdef", gtin="04601234567893")
    assert queue.find_by_scan(cis).id == 1  # type: ignore[union-attr]
    assert queue.find_by_scan(_scan(ScanKind.ITEM_BARCODE, "4600000000000")) is None
    assert queue.find_by_scan(_scan(ScanKind.ITEM_BARCODE, "4601234567893", valid=False)) is None
    assert queue.find_by_scan(_scan(ScanKind.UNKNOWN, "hello")) is None
    with pytest.raises(ScanError) as refused:
        queue.find_by_scan(_scan(ScanKind.ITEM_BARCODE, "4607654321091"))
    assert "2, 3" in refused.value.en
    assert "2, 3" in russian(refused.value.text)


async def _eventually(condition: Callable[[], bool]) -> None:
    for _ in range(500):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition not reached in 5 s")


@pytest.mark.asyncio
async def test_background_loop_refreshes_survives_failures_and_stops() -> None:
    market = FakeMarket()
    market.add(make_order(1))
    queue = _queue(market, interval_s=0.01, express_interval_s=0.01, offline_retry_s=0.01)
    market.fail_next("iter_order_pages", ConnectionFailedError("down"))
    refreshed = asyncio.Event()
    queue.subscribe(lambda change: refreshed.set())

    queue.start()
    queue.start()  # idempotent
    await asyncio.wait_for(refreshed.wait(), timeout=5)
    assert queue.running
    assert queue.state is ConnectionState.ONLINE
    await _eventually(lambda: market.count("iter_order_pages") >= 4)
    await queue.stop()

    assert not queue.running
    calls = market.count("iter_order_pages")
    await asyncio.sleep(0.05)
    assert market.count("iter_order_pages") == calls


@pytest.mark.asyncio
async def test_wake_triggers_an_immediate_refresh() -> None:
    market = FakeMarket()
    queue = _queue(market, interval_s=3600)
    queue.start()
    await _eventually(lambda: market.count("iter_order_pages") >= 1)
    market.add(make_order(5, updated_at=T0))
    appeared = asyncio.Event()
    queue.subscribe_new(lambda orders: appeared.set())

    queue.wake()
    await asyncio.wait_for(appeared.wait(), timeout=5)
    await queue.stop()
    assert [o.id for o in queue.orders()] == [5]


def test_intervals_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        _queue(FakeMarket(), interval_s=0)


@pytest.mark.asyncio
async def test_a_wake_during_a_refresh_is_not_lost() -> None:
    market = FakeMarket()
    market.add(make_order(1))
    queue = _queue(market, interval_s=3600)
    queue.subscribe(lambda change: queue.wake())  # e.g. F5 pressed while the first load ran
    queue.start()
    await _eventually(lambda: market.count("iter_order_pages") >= 2)
    await queue.stop()


class _PausingSource:
    """Pages of orders, pausing after the first until `go` is set (a reload still being read)."""

    def __init__(self, *pages: list[Order]) -> None:
        self.pages = pages
        self.paused = asyncio.Event()
        self.go = asyncio.Event()

    async def iter_order_pages(self, query: object) -> AsyncIterator[list[Order]]:
        for number, page in enumerate(self.pages):
            yield page
            if number == 0 and not self.go.is_set():
                self.paused.set()
                await self.go.wait()


@pytest.mark.asyncio
async def test_a_reload_compares_pages_as_they_arrive_and_compares_again_an_update_pushed_meanwhile() -> None:
    first, second = make_order(1), make_order(2)
    source = _PausingSource([first], [second])
    source.go.set()
    queue = OrderQueue(source, FakeClock(T0))
    await queue.refresh()
    source.go.clear()
    changes: list[QueueChange] = []
    queue.subscribe(changes.append)

    reload = asyncio.ensure_future(queue.refresh(full=True))
    await source.paused.wait()  # order 1 arrived equal to the listed copy ...
    pushed = replace(first, notes="picked up by the session")
    queue.upsert(pushed)  # ... and the packing session pushed a newer copy before the last page
    source.go.set()
    change = await reload

    # The Market's copy, read after the push began, is what the reload leaves listed: as before
    # the pages were compared one by one, a listed copy that changed meanwhile is compared again.
    assert [order.notes for order in change.updated] == [first.notes]
    assert queue.get(1) == first
    assert changes[-1] is change
    assert change.removed == ()
    assert change.added == ()


@pytest.mark.asyncio
async def test_a_reload_of_unchanged_pages_keeps_the_listed_objects_and_announces_nothing() -> None:
    source = _PausingSource([make_order(1)], [make_order(2)])
    source.go.set()
    queue = OrderQueue(source, FakeClock(T0))
    await queue.refresh()
    listed = queue.orders()
    changes: list[QueueChange] = []
    queue.subscribe(changes.append)

    change = await queue.refresh(full=True)

    assert change.is_empty
    assert changes == []
    assert all(queue.get(order.id) is order for order in listed)


def test_kept_deadlines_follow_each_pushed_copy_the_cutoff_and_the_orders_leaving() -> None:
    """The queue keeps each listed order's deadline (the list re-sorts and the shift is counted
    after every change, issue 19): a pushed copy with another shipment date, a new cutoff and an
    order leaving the list are all seen as if every deadline were worked out again."""
    queue = _queue(FakeMarket())
    queue.upsert(make_order(1, shipment_date=date(2026, 11, 24)))
    queue.upsert(make_order(2, shipment_date=date(2026, 11, 23)))
    queue.upsert(make_order(3, program=Program.EXPRESS, ship_by=datetime(2026, 11, 23, 10, 0, tzinfo=UTC)))

    def check() -> None:
        listed = queue.orders()
        resorted = sorted(listed, key=lambda o: sort_key(o, queue.cutoff))
        assert [o.id for o in listed] == [o.id for o in resorted]
        worked_out = {o.id: order_deadline(o, queue.cutoff) for o in listed}
        assert {o.id: due for o, due in queue.dated()} == worked_out

    check()
    assert [o.id for o in queue.orders()] == [3, 2, 1]  # 2: the 14:00 cutoff, after 3's 13:00
    queue.upsert(make_order(1, shipment_date=date(2026, 11, 22)))  # moved a day earlier
    check()
    assert [o.id for o in queue.orders()] == [1, 3, 2]
    queue.set_cutoff(time(12, 0))  # 2 now due at noon, before 3's 13:00
    check()
    assert [o.id for o in queue.orders()] == [1, 2, 3]
    queue.discard(1)
    queue.upsert(make_order(1, shipment_date=date(2026, 11, 25)))  # back, with a later date
    check()
    assert [o.id for o in queue.orders()] == [2, 3, 1]
