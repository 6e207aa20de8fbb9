"""The list of orders awaiting packing, kept fresh in the background.

`OrderQueue` reads orders through `MarketPort.iter_order_pages`: a full load first (orders in
PROCESSING/STARTED, plus Express orders packed but still waiting for their courier), then
incremental refreshes that ask only for orders updated since the previous refresh (minus an
overlap that absorbs clock skew between the station and the Market). Incremental reads ask for
every status, so an order that was cancelled or shipped elsewhere arrives too and leaves the list.
A full reload still runs every `full_refresh_s` to catch anything the update window missed.

API overview (Qt-free; the UI wraps it in a model):

- `await queue.refresh()` — one refresh now (full on first use); raises the Market's error after
  recording the connection state. `queue.start()` / `await queue.stop()` run refreshes in a
  background task every `interval_s` (`express_interval_s` while Express orders are listed),
  backing off while offline or rate limited; `queue.wake()` asks the loop for a refresh now.
- `queue.orders()` — the orders sorted by deadline (the Market's shipment date and time, else the
  store's `cutoff` on the shipment day; orders without a deadline last); `queue.set_cutoff()`
  re-sorts them; `queue.get(order_id)`; `queue.version` grows on every change.
- `queue.subscribe(on_change)`, `queue.subscribe_new(on_new)`, `queue.subscribe_state(on_state)`
  and `queue.subscribe_order(order_id, session.order_changed)` register callbacks; each returns a
  function that unsubscribes. New-order callbacks are not fired
  for the first load (no "new order" sound at start-up).
- `queue.state` is `ConnectionState.ONLINE`, `OFFLINE` or `RATE_LIMITED`, derived from the last
  refresh's outcome; `queue.last_error` keeps the error for the status bar.
- `OrderFilter(text=..., programs=..., statuses=...)` and `queue.matches(order_id, flt)` /
  `queue.filtered(flt)` filter by text (order id, external id, offer ids and names), program and
  status ("PROCESSING/STARTED", or just "STARTED").
- `queue.find_by_scan(scan)` opens an order from a scanned order number, box label or item barcode
  when exactly one listed order matches; several matches raise `ScanError`.
- `queue.upsert(order)` / `queue.discard(order_id)` let the packing session push what it learned
  (e.g. an order it just set READY_TO_SHIP) without waiting for the next refresh.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, TypeVar

from packstation.domain.courier_handover import AWAITING_COURIER_SUBSTATUSES
from packstation.domain.deadline import DEFAULT_CUTOFF, deadline, key_of, sort_key
from packstation.domain.errors import PackstationError, ScanError
from packstation.domain.gtin import as_gtin14
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import PROCESSING, STARTED, Order, Program
from packstation.domain.remote import RemoteError
from packstation.domain.scan import ScanKind, ScanResult
from packstation.services.deadline_order import DeadlineOrder
from packstation.services.ports import Clock, OrderQuery

if TYPE_CHECKING:  # asyncio loads on first use: the first frame builds the queue (issue 19)
    import asyncio

log = logging.getLogger("packstation.services.order_queue")


# After READY_TO_SHIP an Express order waits at the desk for its courier (handover code), moving
# through these substatuses; FBS and DBS orders are done with at READY_TO_SHIP.
EXPRESS_HANDOVER_SUBSTATUSES: tuple[str, ...] = AWAITING_COURIER_SUBSTATUSES
DEFAULT_QUERY = OrderQuery(statuses=(PROCESSING,), substatuses=(STARTED, *EXPRESS_HANDOVER_SUBSTATUSES))


class OrderSource(Protocol):
    """What the queue reads orders through: `MarketPort.iter_order_pages` (the Market, the fleet's
    poller, or at start-up a source bound to the Market once it is connected)."""

    def iter_order_pages(self, query: OrderQuery) -> AsyncIterator[list[Order]]: ...


def awaits_desk(order: Order) -> bool:
    """The default list: orders to pack (PROCESSING/STARTED) and Express orders packed but not
    yet handed to their courier."""
    if order.status != PROCESSING:
        return False
    handover = order.is_express and order.substatus in EXPRESS_HANDOVER_SUBSTATUSES
    return order.substatus == STARTED or handover


class ConnectionState(StrEnum):
    """How the last conversation with the Market went, for the status bar (the one definition;
    the queue reports ONLINE, OFFLINE or RATE_LIMITED, the window shows ONLINE as DEMO when the
    Market is the in-process sandbox)."""

    DEMO = "DEMO"
    ONLINE = "ONLINE"
    OFFLINE = "OFFLINE"
    RATE_LIMITED = "RATE_LIMITED"


def connection_state_for(error: BaseException) -> ConnectionState:
    """Classify a failure of a Market call for the status bar.

    A rate limit is RATE_LIMITED; no usable answer (timeout, no connection, a 5xx) is OFFLINE;
    anything else (a refused request, a bad key, a failure that is not a remote answer) still
    proves the connection works.
    """
    if isinstance(error, RemoteError):
        if error.rate_limited:
            return ConnectionState.RATE_LIMITED
        if error.unreachable:
            return ConnectionState.OFFLINE
    return ConnectionState.ONLINE


# When an order must be packed and the list's order (the one definition: `domain.deadline`): the
# Market's shipment date and time, else the store's cutoff on the shipment day; earliest first,
# Express and others alike, orders without a deadline last.
order_deadline = deadline
deadline_sort_key = sort_key


def status_label(order: Order) -> str:
    """`STATUS/SUBSTATUS` as the status filter and the list column show it."""
    return f"{order.status}/{order.substatus}" if order.substatus else order.status


def search_text(order: Order) -> str:
    """Everything the text filter searches in, case-folded: ids, external id, offer ids, names."""
    parts = [str(order.id), order.external_id or "", order.notes]
    for line in order.lines:
        parts.append(line.offer_id)
        parts.append(line.name)
    return "\n".join(parts).casefold()


@dataclass(frozen=True, slots=True)
class OrderFilter:
    """The order list's filter; empty fields accept everything.

    `text` matches a substring of the order id, external id, offer ids or item names (any case);
    every whitespace-separated word must match. `statuses` holds "STATUS/SUBSTATUS" or bare
    substatus/status values.
    """

    text: str = ""
    programs: frozenset[Program] = frozenset()
    statuses: frozenset[str] = frozenset()
    # The text's case-folded words, split once: `accepts` runs per order on every keystroke.
    words: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", tuple(word for word in self.text.casefold().split(" ") if word))

    @property
    def is_empty(self) -> bool:
        return not self.words and not self.programs and not self.statuses

    def accepts(self, order: Order, haystack: str | None = None) -> bool:
        """Whether `order` passes; pass its cached `search_text` as `haystack` to save work."""
        if self.programs and order.program not in self.programs:
            return False
        if self.statuses and not ({status_label(order), order.substatus, order.status} & self.statuses):
            return False
        if self.words:
            text = haystack if haystack is not None else search_text(order)
            return all(word in text for word in self.words)
        return True


@dataclass(frozen=True, slots=True)
class QueueChange:
    """What one refresh (or a pushed update) changed.

    Attributes:
        added: orders that were not listed before, sorted by deadline.
        updated: listed orders whose data changed.
        removed: ids of orders that left the list (packed elsewhere, cancelled, shipped).
        left: the fresh copies of removed orders when the Market sent them (a full reload that
            simply no longer lists an order has none): feed them to an open packing session's
            `order_changed` so a cancellation interrupts the packer.
        initial: True for the first load (the UI resets instead of announcing new orders).
        version: the queue's version after the change.
    """

    added: tuple[Order, ...] = ()
    updated: tuple[Order, ...] = ()
    removed: tuple[int, ...] = ()
    left: tuple[Order, ...] = ()
    initial: bool = False
    version: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.updated or self.removed) and not self.initial


@dataclass(frozen=True, slots=True)
class _Unchanged:
    """A received order found equal to the listed copy `listed` while its page arrived."""

    order: Order
    listed: Order


# A change of more than this many orders, and of more than one order in `_RESORT_SHARE`, sorts
# the list once instead of moving each order (a first load, a reload after a long time offline).
_RESORT_AFTER = 64
_RESORT_SHARE = 8

ChangeCallback = Callable[[QueueChange], None]
NewOrdersCallback = Callable[[tuple[Order, ...]], None]
StateCallback = Callable[[ConnectionState], None]
_C = TypeVar("_C")


def _normalize_gtin(value: str) -> str:
    """EAN-8/13, UPC-A and GTIN-14 compared as 14 digits; anything else as given."""
    return as_gtin14(value) if value.isdigit() and len(value) <= 14 else value


class OrderQueue:
    """The orders awaiting packing, refreshed from the Market in the background.

    Args:
        market: the Market port (bound to the business and campaign).
        clock: the station clock, used for the update-date window.
        interval_s: seconds between refreshes (default 60).
        express_interval_s: seconds between refreshes while Express orders are listed, or always
            when `expect_express` is set (Express deadlines are counted in minutes).
        expect_express: the store takes Express orders: refresh at the Express pace even while
            none is listed, so a new one shows up quickly.
        query: what a full load asks the Market for (default: `DEFAULT_QUERY`).
        keep: which received orders the list holds (default: `awaits_desk`).
        overlap_s: how far back each incremental window reaches before the previous refresh.
        full_refresh_s: seconds after which a full reload replaces the incremental one.
        offline_retry_s: first retry delay after a connection failure (doubles, capped at the
            refresh interval).
        cutoff: the store's shipment time (Moscow) for orders the Market gives no time for.
    """

    def __init__(
        self,
        market: OrderSource,
        clock: Clock,
        *,
        interval_s: float = 60.0,
        express_interval_s: float = 15.0,
        expect_express: bool = False,
        query: OrderQuery = DEFAULT_QUERY,
        keep: Callable[[Order], bool] = awaits_desk,
        overlap_s: float = 300.0,
        full_refresh_s: float = 900.0,
        offline_retry_s: float = 5.0,
        cutoff: time = DEFAULT_CUTOFF,
    ) -> None:
        if interval_s <= 0 or express_interval_s <= 0:
            raise ValueError("refresh intervals must be positive")
        self._market = market
        self._clock = clock
        self.interval_s = interval_s
        self.express_interval_s = express_interval_s
        self.expect_express = expect_express
        self._query = query
        self._keep = keep
        self._overlap = timedelta(seconds=overlap_s)
        self._full_refresh = timedelta(seconds=full_refresh_s)
        self._offline_retry_s = offline_retry_s
        self._cutoff = cutoff
        self._orders: dict[int, Order] = {}
        self._haystacks: dict[int, str] = {}
        self._dues: dict[int, tuple[Order, datetime | None]] = {}  # `due`, per listed order object
        self._ordered = DeadlineOrder()  # the listed orders, kept sorted change by change
        self._version = 0
        self._last_refresh: datetime | None = None
        self._last_full: datetime | None = None
        self._state = ConnectionState.ONLINE
        self._last_error: PackstationError | None = None
        self._failures = 0
        self._retry_after: float | None = None
        self._on_change: list[ChangeCallback] = []
        self._on_new: list[NewOrdersCallback] = []
        self._on_state: list[StateCallback] = []
        self._on_order: dict[int, list[Callable[[Order], None]]] = {}
        self._cached_at: datetime | None = None
        self._lock_made: asyncio.Lock | None = None
        self._wake_made: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def _lock(self) -> asyncio.Lock:
        if self._lock_made is None:
            import asyncio

            self._lock_made = asyncio.Lock()
        return self._lock_made

    @property
    def _wake(self) -> asyncio.Event:
        if self._wake_made is None:
            import asyncio

            self._wake_made = asyncio.Event()
        return self._wake_made

    # ----------------------------------------------------------------------------------- state

    @property
    def state(self) -> ConnectionState:
        return self._state

    @property
    def last_error(self) -> PackstationError | None:
        """The error of the last failed refresh; None once a refresh succeeds."""
        return self._last_error

    @property
    def last_refresh(self) -> datetime | None:
        """When the last successful refresh started (station clock)."""
        return self._last_refresh

    @property
    def loaded(self) -> bool:
        """True once the first full load has succeeded."""
        return self._last_full is not None

    @property
    def version(self) -> int:
        return self._version

    def __len__(self) -> int:
        return len(self._orders)

    @property
    def cutoff(self) -> time:
        """The store's shipment time (Moscow) for orders without the Market's `shipmentTime`."""
        return self._cutoff

    def set_cutoff(self, cutoff: time) -> None:
        """A new store cutoff (Settings): deadlines move, so the list is re-sorted and every
        subscriber re-reads it (an `initial` change)."""
        if cutoff == self._cutoff:
            return
        self._cutoff = cutoff
        self._dues.clear()
        self._ordered.rebuild((self.sort_key(order), order) for order in self._orders.values())
        self._announce(self._changed(QueueChange(initial=True)))

    def sort_key(self, order: Order) -> tuple[datetime, int]:
        """The list's order: earliest deadline first under the current cutoff."""
        return key_of(self.due(order), order.id)

    def due(self, order: Order) -> datetime | None:
        """`order`'s deadline under the current cutoff, kept for each listed order object: the
        list is re-sorted and the shift counted after every change, and working 3,000 deadlines
        out each time took milliseconds of the GUI thread (issue 19)."""
        kept = self._dues.get(order.id)
        if kept is not None and kept[0] is order:
            return kept[1]
        due = deadline(order, self._cutoff)
        if self._orders.get(order.id) is order:
            self._dues[order.id] = (order, due)
        return due

    def dated(self) -> tuple[tuple[Order, datetime | None], ...]:
        """The listed orders with their deadlines, in no particular order (`due`)."""
        return tuple((order, self.due(order)) for order in self._orders.values())

    def orders(self) -> tuple[Order, ...]:
        """The listed orders, earliest deadline first (kept sorted as they change)."""
        return self._ordered.orders()

    def get(self, order_id: int) -> Order | None:
        return self._orders.get(order_id)

    def matches(self, order_id: int, flt: OrderFilter) -> bool:
        """Whether the listed order `order_id` passes `flt` (False when it is not listed)."""
        order = self._orders.get(order_id)
        return order is not None and flt.accepts(order, self._haystacks.get(order_id))

    def filtered(self, flt: OrderFilter) -> tuple[Order, ...]:
        """The listed orders passing `flt`, in deadline order."""
        if flt.is_empty:
            return self.orders()
        return tuple(order for order in self.orders() if flt.accepts(order, self._haystacks[order.id]))

    def programs(self) -> tuple[Program, ...]:
        """The programs present in the list, for the program filter's choices."""
        return tuple(sorted({order.program for order in self._orders.values()}))

    def statuses(self) -> tuple[str, ...]:
        """The "STATUS/SUBSTATUS" values present in the list, for the status filter's choices."""
        return tuple(sorted({status_label(order) for order in self._orders.values()}))

    # ------------------------------------------------------------------------------ callbacks

    def subscribe(self, callback: ChangeCallback) -> Callable[[], None]:
        """Call `callback(change)` after every change of the list; returns an unsubscriber."""
        return _register(self._on_change, callback)

    def subscribe_new(self, callback: NewOrdersCallback) -> Callable[[], None]:
        """Call `callback(orders)` when new orders appear after the first load."""
        return _register(self._on_new, callback)

    def subscribe_state(self, callback: StateCallback) -> Callable[[], None]:
        """Call `callback(state)` when the connection state changes."""
        return _register(self._on_state, callback)

    def subscribe_order(self, order_id: int, callback: Callable[[Order], None]) -> Callable[[], None]:
        """Call `callback(order)` with every fresh copy of one order (changed, or leaving the list
        because it was cancelled or moved on): wire it to the open packing session's
        `order_changed`."""
        return _register(self._on_order.setdefault(order_id, []), callback)

    # ------------------------------------------------------------------------------ refreshing

    def _keeps(self, order: Order) -> bool:
        """Whether `order` belongs in the list: the query's program filter and `keep`."""
        return (not self._query.programs or order.program in self._query.programs) and self._keep(order)

    async def refresh(self, *, full: bool = False) -> QueueChange:
        """Read changed orders now and apply them.

        Args:
            full: reload the whole list even when an incremental refresh would do.

        Returns:
            What changed.

        Raises:
            PackstationError: the Market call failed; the list is kept as it was and `state`
                says why (offline, rate limited).
        """
        async with self._lock:
            started = self._clock.now()
            do_full = (
                full
                or self._last_refresh is None
                or self._last_full is None
                or started - self._last_full >= self._full_refresh
            )
            if do_full:
                query = self._query
            else:
                assert self._last_refresh is not None
                # Ask for every status: orders leaving the list (cancelled, shipped) must arrive too.
                query = replace(
                    self._query,
                    statuses=(),
                    substatuses=(),
                    updated_from=self._last_refresh - self._overlap,
                    updated_to=None,
                )
            try:
                received: list[Order | _Unchanged] = []
                unchanged: list[Order] = []  # the listed copies found equal to those received
                seen: set[int] = set()
                version = self._version
                async for page in self._market.iter_order_pages(query):
                    # Compared page by page as they arrive (issue 19): a full reload of 3,000
                    # orders compared at once held the GUI thread for ~20 ms.
                    self._screen(page, received, unchanged, seen)
            except PackstationError as error:
                self._record_failure(error)
                raise
            self._record_success()
            if self._version != version:  # the list changed meanwhile (a pushed update): compare again
                received.extend(_Unchanged(listed, listed) for listed in unchanged)
            # The orders found unchanged are left out: the last step costs what changed (issue 19).
            change = self._apply(received, full=do_full, initial=self._last_full is None, seen=seen)
            self._cached_at = None
            self._last_refresh = started
            if do_full:
                self._last_full = started
        self._announce(change)
        return change

    def show_cached(self, orders: Iterable[Order], saved_at: datetime) -> QueueChange:
        """List the orders kept from the last run until the Market answers (issue 19).

        Only before the first Market load (afterwards the Market's list is newer); the first
        refresh then replaces them as a full reload (`initial`), dropping those no longer listed.
        `cached_at` says the list is the kept one, for an "updating…" mark.
        """
        if self._last_full is not None:
            return QueueChange(version=self._version)
        change = self._apply(orders, full=True, initial=True)
        self._cached_at = saved_at
        self._announce(change)
        return change

    @property
    def cached_at(self) -> datetime | None:
        """When the listed orders were kept, while they are the last run's; None once the Market
        answered."""
        return self._cached_at

    def upsert(self, order: Order) -> QueueChange:
        """Apply an order state learned elsewhere (e.g. the packing session's latest read)."""
        change = self._apply([order], full=False, initial=False)
        self._announce(change)
        return change

    def discard(self, order_id: int) -> QueueChange:
        """Drop an order from the list (e.g. it was just cancelled from this station)."""
        if order_id not in self._orders:
            return QueueChange(version=self._version)
        del self._orders[order_id]
        self._haystacks.pop(order_id, None)
        self._dues.pop(order_id, None)
        self._ordered.drop(order_id)
        change = self._changed(QueueChange(removed=(order_id,)))
        self._announce(change)
        return change

    def _screen(
        self,
        page: Iterable[Order],
        changed: list[Order | _Unchanged],
        unchanged: list[Order],
        seen: set[int],
    ) -> None:
        """Sort a page of received orders into `changed` and `unchanged` (for those equal to the
        listed copy: the listed copy, so the received one is freed with its page, not all at
        the end of a reload), adding their ids to `seen`."""
        orders = self._orders
        for order in page:
            seen.add(order.id)
            known = orders.get(order.id)
            if known is not None and known == order:
                unchanged.append(known)
            else:
                changed.append(order)

    def _apply(
        self,
        received: Iterable[Order | _Unchanged],
        *,
        full: bool,
        initial: bool,
        seen: set[int] | None = None,
    ) -> QueueChange:
        """Apply the received orders; `seen`: the ids of every order a full read brought,
        those left out of `received` as unchanged too."""
        added: list[Order] = []
        updated: list[Order] = []
        removed: list[int] = []
        left: list[Order] = []
        seen = set() if seen is None else seen
        for item in received:
            if isinstance(item, _Unchanged):
                seen.add(item.order.id)
                if self._orders.get(item.order.id) is item.listed:
                    continue  # still the copy it was found equal to
                item = item.order  # the list changed since (a pushed update): compare again
            order = item
            seen.add(order.id)
            known = self._orders.get(order.id)
            if not self._keeps(order):
                if known is not None:
                    del self._orders[order.id]
                    self._haystacks.pop(order.id, None)
                    self._dues.pop(order.id, None)
                    removed.append(order.id)
                    left.append(order)
                continue
            if known is None:
                added.append(order)
            elif known != order:
                updated.append(order)
            else:
                continue
            self._orders[order.id] = order
            self._haystacks[order.id] = search_text(order)
        if full:
            for order_id in sorted(self._orders.keys() - seen):
                del self._orders[order_id]
                self._haystacks.pop(order_id, None)
                self._dues.pop(order_id, None)
                removed.append(order_id)
        self._sort(added, updated, removed)
        added.sort(key=self.sort_key)
        change = QueueChange(
            added=tuple(added),
            updated=tuple(updated),
            removed=tuple(removed),
            left=tuple(left),
            initial=initial,
        )
        return self._changed(change) if not change.is_empty else replace(change, version=self._version)

    def _sort(self, added: list[Order], updated: list[Order], removed: list[int]) -> None:
        """Keep the deadline order: each changed order moved, or one sort when most changed."""
        ordered = self._ordered
        touched = len(added) + len(updated) + len(removed)
        if not ordered or (touched > _RESORT_AFTER and touched * _RESORT_SHARE > len(self._orders)):
            ordered.rebuild((self.sort_key(order), order) for order in self._orders.values())
            return
        for order_id in removed:
            ordered.drop(order_id)
        for order in (*added, *updated):
            ordered.put(order, self.sort_key(order))

    def _changed(self, change: QueueChange) -> QueueChange:
        self._version += 1
        return replace(change, version=self._version)

    def _announce(self, change: QueueChange) -> None:
        if change.is_empty:
            return
        for callback in list(self._on_change):
            callback(change)
        if change.added and not change.initial:
            for new_callback in list(self._on_new):
                new_callback(change.added)
        for order in (*change.updated, *change.left):
            for order_callback in list(self._on_order.get(order.id, ())):
                order_callback(order)

    def _record_failure(self, error: PackstationError) -> None:
        self._last_error = error
        self._failures += 1
        state = connection_state_for(error)
        self._retry_after = error.retry_after if isinstance(error, RemoteError) else None
        log.warning("order refresh failed (%s): %s", state.value, error)
        self._set_state(state)

    def _record_success(self) -> None:
        self._last_error = None
        self._failures = 0
        self._retry_after = None
        self._set_state(ConnectionState.ONLINE)

    def _set_state(self, state: ConnectionState) -> None:
        if state is self._state:
            return
        self._state = state
        for callback in list(self._on_state):
            callback(state)

    # ----------------------------------------------------------------------------- background

    def next_delay(self) -> float:
        """Seconds until the next background refresh, given the list and the last outcome.

        Express pace while Express orders are listed (or expected); after a connection failure,
        a doubling retry delay capped at the normal pace; when rate limited, at least the
        Market's `retry_after`.
        """
        express = self.expect_express or any(order.is_express for order in self._orders.values())
        pace = min(self.interval_s, self.express_interval_s) if express else self.interval_s
        if self._state is ConnectionState.RATE_LIMITED:
            return max(pace, self._retry_after or 0.0)
        if self._state is ConnectionState.OFFLINE and self._failures:
            return min(pace, self._offline_retry_s * 2.0 ** (self._failures - 1))
        return pace

    def wake(self) -> None:
        """Ask the background loop to refresh now (e.g. the packer pressed F5)."""
        self._wake.set()

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        """Start refreshing in the background on the running event loop (idempotent)."""
        if self.running:
            return
        import asyncio

        self._task = asyncio.get_running_loop().create_task(self._run(), name="order-queue-refresh")

    async def stop(self) -> None:
        """Stop the background refreshes and wait until the task has ended."""
        task, self._task = self._task, None
        if task is None:
            return
        import asyncio

        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def _run(self) -> None:
        while True:
            # Cleared before the refresh: a wake() arriving during it triggers the next one at once.
            self._wake.clear()
            # A failure is already recorded in `state`/`last_error`; the loop just keeps going.
            with contextlib.suppress(PackstationError):
                await self.refresh()
            await self._sleep(self.next_delay())

    async def _sleep(self, delay: float) -> None:
        import asyncio

        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout=delay)

    # ---------------------------------------------------------------------------------- scans

    def find_by_scan(self, scan: ScanResult) -> Order | None:
        """The listed order a scan points at, or None when no listed order matches.

        Order numbers and box labels match by order id; item barcodes (and a marking code's GTIN)
        match orders having a line with that barcode.

        Raises:
            ScanError: an item barcode matches several listed orders (the packer must pick one).
        """
        if scan.kind in (ScanKind.ORDER_NUMBER, ScanKind.BOX_LABEL):
            if scan.order_id is None:
                return None
            return self._orders.get(scan.order_id)
        if scan.kind not in (ScanKind.ITEM_BARCODE, ScanKind.CIS) or not scan.valid:
            return None
        code = scan.gtin or (scan.value if scan.kind is ScanKind.ITEM_BARCODE else None)
        if not code:
            return None
        gtin = _normalize_gtin(code)
        found = [
            order
            for order in self.orders()
            if any(_normalize_gtin(barcode) == gtin for line in order.lines for barcode in line.barcodes)
        ]
        if len(found) > 1:
            shown = ", ".join(str(order.id) for order in found[:5]) + (" …" if len(found) > 5 else "")
            raise ScanError(
                QT_TRANSLATE_NOOP("OrderQueue", "This item is in several orders: %1.")(shown),
                hint=QT_TRANSLATE_NOOP("OrderQueue", "Scan the order number or pick the order in the list."),
            )
        return found[0] if found else None


def _register(callbacks: list[_C], callback: _C) -> Callable[[], None]:
    callbacks.append(callback)

    def unsubscribe() -> None:
        with contextlib.suppress(ValueError):
            callbacks.remove(callback)

    return unsubscribe
