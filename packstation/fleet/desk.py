"""One desk's part in the fleet, assembled for the application shell (no Qt here).

`FleetDesk` owns the desk's fleet store, its code reservations, its claims use case, the poller
election and the orders listener, and runs their background loops on the running event loop
(qasync's in the app): the claims heartbeat, the election step (a full Market read when this desk
becomes the poller) and LISTEN for the poller's publications (which wake the order queue).

Nothing here blocks start-up: a database that is down at start makes the desk start offline,
and the heartbeat connects when it can.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Awaitable, Callable

from packstation.domain.errors import PackstationError
from packstation.domain.message import Message
from packstation.fleet.code_reservations import FleetCodeReservations
from packstation.fleet.dsn import redact
from packstation.fleet.election import OrdersListener, PollerElection
from packstation.fleet.history import FleetAuditTee, FleetHistoryReader
from packstation.fleet.store import FleetStore
from packstation.services.desk_claims import DeskClaims, FleetState
from packstation.services.desk_history import FleetHistory, HistoryReader
from packstation.services.fleet_orders import FleetOrderSource, PollerRole
from packstation.services.fleet_ports import FleetUnavailableError
from packstation.services.ports import AuditPort, MarketPort

_log = logging.getLogger("packstation.fleet")


def desk_name(configured: str, station: str) -> str:
    """`--desk`, else the station name, else the host name."""
    return configured.strip() or station.strip() or socket.gethostname()


class FleetDesk:
    """The fleet parts of one desk.

    Args:
        dsn: the warehouse database.
        desk: this desk's name.
        packer: who works here (shown at the other desks).
        campaign_id: the store (one poller per store).
        market: the Market port the poller reads through.
        election_s: how often a desk that does not poll asks for the poller lock.
    """

    def __init__(
        self,
        dsn: str,
        *,
        desk: str,
        packer: str,
        campaign_id: int,
        market: MarketPort,
        election_s: float = 2.0,
    ) -> None:
        self.dsn = dsn
        self.desk = desk
        self.store = FleetStore(dsn, desk=desk, packer=packer)
        self.codes = FleetCodeReservations(dsn, desk=desk)
        self.claims = DeskClaims(self.store, reconcile=self._catch_up)
        self.election = PollerElection(dsn, desk=desk, campaign_id=campaign_id)
        self.source = FleetOrderSource(market, self.store, self.election)
        self.election_s = election_s
        self._tasks: list[asyncio.Task[None]] = []
        self._listener: OrdersListener | None = None
        self._tees: list[FleetAuditTee] = []
        self.history_lines = FleetHistoryReader(dsn, desk=desk)

    async def _catch_up(self) -> list[Message]:
        """After each heartbeat: send queued history lines, replay queued code reservations."""
        for tee in self._tees:
            await tee.flush()
        return await self.codes.reconcile_lines()

    def audit(self, local: AuditPort) -> AuditPort:
        """`local` plus the fleet's shared history (the packing session's audit port)."""
        for tee in self._tees:
            if tee.local is local:
                return tee
        tee = FleetAuditTee(local, self.store)
        self._tees.append(tee)
        return tee

    def history(self, local: HistoryReader) -> FleetHistory:
        """Every desk's audit lines (History, Shift panel), or `local`'s while offline."""
        return FleetHistory(self.history_lines, local, lambda: self.claims.state.online)

    async def start(self, *, wake: Callable[[], None], full_read: Callable[[], Awaitable[object]]) -> None:
        """Connect (or start offline) and run the background loops."""
        try:
            await self.store.open()
        except FleetUnavailableError as error:
            _log.warning("fleet: %s: %s", redact(self.dsn), error)
            self.claims.mark_offline()
        except PackstationError:  # a schema this build does not match: the desk works alone
            self.claims.mark_offline()
            raise
        role = PollerRole(self.election, on_lead=full_read)
        self._listener = listener = OrdersListener(self.dsn, desk=self.desk, on_notice=wake)
        self._tasks = [
            asyncio.create_task(self.claims.run(), name="fleet-heartbeat"),
            asyncio.create_task(self._elect(role), name="fleet-election"),
            asyncio.create_task(listener.run(), name="fleet-listener"),
        ]

    async def _elect(self, role: PollerRole) -> None:
        while True:
            try:
                await role.step()
            except PackstationError as error:  # the full read failed: the queue shows why
                _log.info("fleet: first read as poller failed: %s", error)
            await asyncio.sleep(self.election_s)

    @property
    def state(self) -> FleetState:
        return self.claims.state

    async def aclose(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks = []
        for held in sorted(self.claims.held):
            with contextlib.suppress(PackstationError):
                await self.claims.release(held)
        if self._listener is not None:
            await self._listener.close()
        await self.election.close()
        await self.store.close()
        await asyncio.to_thread(self.codes.close)
        await asyncio.to_thread(self.history_lines.close)
