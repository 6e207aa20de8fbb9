"""The listed orders kept in deadline order as they change (issue 19).

Sorting 3,000 orders costs ~5 ms in Python: the order queue sorted them again after every change,
for the first listener to ask. `DeadlineOrder` keeps them sorted instead: a change of k orders
costs k binary searches and list moves; a change of many orders (a first load) sorts once.
Every order's key is `(deadline, order id)`, unique, so an order is found again by its key.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from datetime import datetime

from packstation.domain.order import Order

Key = tuple[datetime, int]


class DeadlineOrder:
    """Orders sorted by their keys, with the sorted tuple made once per change."""

    __slots__ = ("_key_of", "_keys", "_orders", "_tuple")

    def __init__(self) -> None:
        self._orders: list[Order] = []
        self._keys: list[Key] = []  # the orders' keys, index for index
        self._key_of: dict[int, Key] = {}
        self._tuple: tuple[Order, ...] | None = ()

    def __len__(self) -> int:
        return len(self._orders)

    def put(self, order: Order, key: Key) -> None:
        """List `order` at `key`, instead of the order listed under its id before."""
        self.drop(order.id)
        index = bisect_left(self._keys, key)
        self._keys.insert(index, key)
        self._orders.insert(index, order)
        self._key_of[order.id] = key
        self._tuple = None

    def drop(self, order_id: int) -> None:
        """Unlist the order `order_id` (nothing when it is not listed)."""
        key = self._key_of.pop(order_id, None)
        if key is None:
            return
        index = bisect_left(self._keys, key)
        del self._keys[index]
        del self._orders[index]
        self._tuple = None

    def rebuild(self, keyed: Iterable[tuple[Key, Order]]) -> None:
        """List exactly these orders (one sort: cheaper than putting many one by one)."""
        pairs = sorted(keyed, key=_first)
        self._keys = [key for key, _order in pairs]
        self._orders = [order for _key, order in pairs]
        self._key_of = {order.id: key for key, order in pairs}
        self._tuple = None

    def orders(self) -> tuple[Order, ...]:
        """The orders, earliest key first."""
        if self._tuple is None:
            self._tuple = tuple(self._orders)
        return self._tuple


def _first(pair: tuple[Key, Order]) -> Key:
    return pair[0]
