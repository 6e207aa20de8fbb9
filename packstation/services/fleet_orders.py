"""One Market poller per store: the order list of a desk in a fleet.

`FleetOrderSource` stands in for `MarketPort.iter_order_pages` in the desk's `OrderQueue`:

- on the elected poller desk it reads the Market, as a single desk does, and publishes every page
  to the fleet (which wakes the other desks through LISTEN/NOTIFY);
- on every other desk it reads the fleet's copy: a full read of the orders the query asks for,
  then only what changed since the last sequence number it saw (whatever the status, so a
  cancelled or shipped order leaves the list as it does with the Market's update window).

So the Market's calls per minute depend on the store, not on the number of desks. A desk that
cannot reach the database reads the Market itself meanwhile, so its list stays fresh. When the poller
desk dies, `PollerRole.step` on another desk wins the lock and does a full Market read at once, so
no order updated in between is missed. The rest of the Market (layouts, statuses, labels) is not
touched: each desk sends its own mutations through its own outbox.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence

from packstation.domain.labels import LabelFormat, OrderLabels
from packstation.domain.layout import LayoutPlan, StoredBox
from packstation.domain.order import Order
from packstation.domain.verification import CodeCheck, EacResult, StatusChange
from packstation.services.fleet_ports import FleetOrdersPort, FleetUnavailableError, PollerElectionPort
from packstation.services.ports import MarketPort, OrderQuery

log = logging.getLogger("packstation.services.fleet_orders")


class FleetOrderSource:
    """An `iter_order_pages` that asks the Market only on the poller desk."""

    def __init__(self, market: MarketPort, fleet: FleetOrdersPort, election: PollerElectionPort) -> None:
        self._market = market
        self._fleet = fleet
        self._election = election
        self._seq: int | None = None
        self.leading = False

    async def iter_order_pages(self, query: OrderQuery) -> AsyncIterator[list[Order]]:
        self.leading = await self._election.try_lead()
        if self.leading:
            async for page in self._market.iter_order_pages(query):
                try:
                    await self._fleet.publish(page)
                except FleetUnavailableError:
                    log.warning("fleet: could not publish %d order(s)", len(page))
                yield page
            return
        incremental = query.updated_from is not None and self._seq is not None
        try:
            orders, self._seq = await self._fleet.read(query, after_seq=self._seq if incremental else None)
        except FleetUnavailableError:
            # The database is away: read the Market as a lone desk does until it is back (its
            # calls grow only for the outage), then start again with a full read of the fleet.
            log.info("fleet: orders read from the Market while the warehouse database is away")
            self._seq = None
            async for page in self._market.iter_order_pages(query):
                yield page
            return
        yield orders

    # Everything but the order reader is the Market itself: mutations stay with this desk.

    async def get_order(self, order_id: int) -> Order:
        return await self._market.get_order(order_id)

    async def promo_lines(self, order_id: int) -> frozenset[int]:
        return await self._market.promo_lines(order_id)

    async def set_box_layout(self, order_id: int, plan: LayoutPlan) -> tuple[StoredBox, ...]:
        return await self._market.set_box_layout(order_id, plan)

    async def code_checks(self, order_id: int) -> tuple[CodeCheck, ...]:
        return await self._market.code_checks(order_id)

    async def set_status(self, order_id: int, status: str, substatus: str | None = None) -> StatusChange:
        return await self._market.set_status(order_id, status, substatus)

    async def set_statuses(self, changes: Sequence[tuple[int, str, str | None]]) -> tuple[StatusChange, ...]:
        return await self._market.set_statuses(changes)

    async def labels_pdf(self, order_id: int, fmt: LabelFormat) -> bytes:
        return await self._market.labels_pdf(order_id, fmt)

    async def box_label_pdf(self, order_id: int, box_id: int, fmt: LabelFormat) -> bytes:
        return await self._market.box_label_pdf(order_id, box_id, fmt)

    async def labels_data(self, order_id: int) -> OrderLabels:
        return await self._market.labels_data(order_id)

    async def verify_eac(self, order_id: int, code: str) -> EacResult:
        return await self._market.verify_eac(order_id, code)


class PollerRole:
    """Keeps the election going between refreshes; `step()` returns True when this desk just
    became the poller (the caller then runs a full Market read)."""

    def __init__(
        self, election: PollerElectionPort, *, on_lead: Callable[[], Awaitable[object]] | None = None
    ) -> None:
        self._election = election
        self._on_lead = on_lead
        self.leading = False

    async def step(self) -> bool:
        was = self.leading
        self.leading = await self._election.try_lead()
        became = self.leading and not was
        if became and self._on_lead is not None:
            await self._on_lead()
        return became
