"""The kept order list (issue 19): one per campaign, replaced whole, unreadable rows ignored."""

from __future__ import annotations

from datetime import date

from packstation.domain.order import Program
from packstation.storage.local_store import LocalStore
from packstation.storage.order_list_cache import SqliteOrderListCache
from tests.services.fakes import make_order
from tests.storage.helpers import FakeClock


def test_a_saved_list_comes_back_equal_with_its_time(store: LocalStore, clock: FakeClock) -> None:
    cache = SqliteOrderListCache(store.database, clock)
    orders = [make_order(7, program=Program.EXPRESS), make_order(8, shipment_date=date(2026, 11, 24))]
    cache.save(2001, orders)
    kept = cache.load(2001)
    assert kept is not None
    assert kept.orders == tuple(orders)
    assert kept.saved_at == clock.current


def test_saving_replaces_the_campaigns_list_only(store: LocalStore, clock: FakeClock) -> None:
    cache = store.order_list
    cache.save(2001, [make_order(1)])
    cache.save(3001, [make_order(2)])
    cache.save(2001, [make_order(3), make_order(4)])
    first, other = cache.load(2001), cache.load(3001)
    assert first is not None
    assert other is not None
    assert [order.id for order in first.orders] == [3, 4]
    assert [order.id for order in other.orders] == [2]
    assert cache.load(4001) is None


def test_an_unreadable_row_counts_as_no_list(store: LocalStore) -> None:
    cache = store.order_list
    cache.save(2001, [make_order(1)])
    with store.database.transaction() as conn:
        conn.execute("UPDATE order_list_cache SET orders = ?", ('{"orders": [{"id": "x"}]}',))
    assert cache.load(2001) is None


def test_a_save_commits_quickly(store: LocalStore) -> None:
    """Made in a worker thread on the connection the GUI thread scans through: a durable commit
    held it for an fsync meanwhile (issue 19)."""
    before = store.database.durable_syncs
    store.order_list.save(2001, [make_order(7)])
    assert store.database.durable_syncs == before  # no fsync in the saving thread
