"""Show the list at once (issue 19): the last run's orders are listed before the Market answers,
marked as kept, and the Market's first load replaces them; only the Market's list is kept."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from packstation.domain.order import CANCELLED, Order
from packstation.services.order_list_keeper import OrderListKeeper
from packstation.services.order_queue import OrderQueue, QueueChange
from packstation.storage.local_store import LocalStore, open_local_store
from packstation.storage.order_list_cache import SqliteOrderListCache
from tests.services.fakes import FakeClock, FakeMarket, make_order

CAMPAIGN = 2001


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    opened = open_local_store(tmp_path)
    yield opened
    opened.close()


@pytest.mark.asyncio
async def test_kept_orders_show_before_the_market_answers_and_its_load_replaces_them(
    store: LocalStore,
) -> None:
    clock = FakeClock()
    # The last run kept orders 1-3.
    cache = SqliteOrderListCache(store.database, clock.now)
    first_run = FakeMarket()
    first_run.add(make_order(1), make_order(2), make_order(3))
    queue = OrderQueue(first_run, clock)
    keeper = OrderListKeeper(cache, CAMPAIGN, clock)
    assert keeper.save(queue) is False  # nothing from the Market yet: nothing to keep
    await queue.refresh()
    assert keeper.save(queue) is True
    kept_at = clock.now()

    # This run: the kept list first, marked; the Market meanwhile cancelled 2 and has a new 4.
    clock.advance(3600)
    market = FakeMarket()
    cancelled = make_order(2, status=CANCELLED, substatus="SHOP_FAILED")
    market.add(make_order(1), cancelled, make_order(3), make_order(4))
    queue = OrderQueue(market, clock)
    changes: list[QueueChange] = []
    queue.subscribe(changes.append)
    keeper = OrderListKeeper(cache, CAMPAIGN, clock)
    assert keeper.restore(queue) == 3
    assert [order.id for order in queue.orders()] == [1, 2, 3]
    assert queue.cached_at == kept_at
    assert not queue.loaded
    assert market.calls == []  # shown without asking the Market
    assert keeper.save(queue) is False  # the kept list is never kept again as if it were fresh

    await queue.refresh()
    assert queue.cached_at is None
    assert queue.loaded
    assert sorted(order.id for order in queue.orders()) == [1, 3, 4]
    assert changes[-1].initial  # the UI reloads the list once, as on a first load
    assert 2 in changes[-1].removed


@pytest.mark.asyncio
async def test_saves_follow_refreshes_at_most_every_interval_and_only_when_changed(
    store: LocalStore,
) -> None:
    clock = FakeClock()
    market = FakeMarket()
    market.add(make_order(1))
    queue = OrderQueue(market, clock)
    keeper = OrderListKeeper(store.order_list, CAMPAIGN, clock, every_s=600)
    keeper.attach(queue)
    await queue.refresh()
    await keeper.settle()  # saved in a worker thread
    kept = store.order_list.load(CAMPAIGN)
    assert kept is not None
    assert [order.id for order in kept.orders] == [1]
    queue.upsert(make_order(2))  # soon after: not saved yet
    kept = store.order_list.load(CAMPAIGN)
    assert kept is not None
    assert [order.id for order in kept.orders] == [1]
    clock.advance(601)
    queue.upsert(make_order(3))
    await keeper.settle()
    kept = store.order_list.load(CAMPAIGN)
    assert kept is not None
    assert sorted(order.id for order in kept.orders) == [1, 2, 3]
    assert keeper.save(queue) is False  # unchanged since: nothing to write


def test_the_kept_list_only_precedes_the_first_load(store: LocalStore) -> None:
    queue = OrderQueue(FakeMarket(), FakeClock())
    assert OrderListKeeper(store.order_list, CAMPAIGN, FakeClock()).restore(queue) == 0  # none kept
    assert len(queue) == 0


class _ThreadNotingCache(SqliteOrderListCache):
    """The real cache, noting the thread of each save; `hold` keeps a save waiting."""

    def __init__(self, store: LocalStore) -> None:
        super().__init__(store.database)
        self.threads: list[int] = []
        self.hold = threading.Event()
        self.hold.set()

    def save(self, campaign_id: int, orders: Sequence[Order]) -> None:
        self.threads.append(threading.get_ident())
        self.hold.wait(5)
        super().save(campaign_id, orders)


@pytest.mark.asyncio
async def test_saves_after_refreshes_run_in_a_worker_thread_and_never_keep_an_older_list(
    store: LocalStore,
) -> None:
    """Encoding and writing 3,000 orders held the GUI thread for ~100 ms (issue 19)."""
    market = FakeMarket()
    market.add(make_order(1))
    queue = OrderQueue(market, FakeClock())
    cache = _ThreadNotingCache(store)
    keeper = OrderListKeeper(cache, CAMPAIGN, FakeClock())
    keeper.attach(queue)
    cache.hold.clear()
    await queue.refresh()  # a save of [1] starts in a worker thread and waits ...
    await asyncio.sleep(0.05)
    assert cache.threads
    assert threading.get_ident() not in cache.threads
    queue.upsert(make_order(2))
    # ... while the shutdown keeps the newer list [1, 2] (it waits for the worker's write)
    saving = asyncio.ensure_future(asyncio.to_thread(keeper.save, queue))
    await asyncio.sleep(0.05)
    cache.hold.set()
    assert await saving is True
    await keeper.settle()
    kept = store.order_list.load(CAMPAIGN)
    assert kept is not None
    assert sorted(order.id for order in kept.orders) == [1, 2]
