"""The ports of the warehouse fleet: several desks sharing one store through a database.

`packstation.fleet` implements them over PostgreSQL; the services never know that. A desk
without `--fleet` has none of them and works exactly as a single desk does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import Order
from packstation.services.ports import OrderQuery


class FleetUnavailableError(PackstationError):
    """The warehouse database cannot be reached (or answered too late)."""


OFFLINE = QT_TRANSLATE_NOOP("FleetPorts", "warehouse database offline: codes are checked at this desk only")


def offline_error(detail: str = "") -> FleetUnavailableError:
    """The warehouse database is away; `detail` names the failure's kind for the log."""
    return FleetUnavailableError(
        QT_TRANSLATE_NOOP("FleetPorts", "%1 (%2)")(OFFLINE, detail) if detail else OFFLINE
    )


@dataclass(frozen=True, slots=True)
class Claim:
    """One order held by one desk until `lease_until` (renewed by the desk's heartbeat)."""

    order_id: int
    desk: str
    packer: str
    since: datetime
    lease_until: datetime


@dataclass(frozen=True, slots=True)
class CodeHolder:
    """The order and desk that hold a marking code fleet-wide."""

    code: str
    order_id: int
    desk: str
    since: datetime


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: datetime
    desk: str
    packer: str
    order_id: int | None
    action: str
    detail: str

    @property
    def station(self) -> str:
        """The desk, under the name the local audit lines use (`shift_stats.AuditLine`)."""
        return self.desk


class ClaimsPort(Protocol):
    """Order claims shared by all desks of one store."""

    @property
    def desk(self) -> str: ...

    async def claim(self, order_id: int) -> Claim:
        """Claim `order_id` for this desk (or renew our claim); returns whoever holds it now.
        Raises FleetUnavailableError."""
        ...

    async def take_over(self, order_id: int, from_desk: str) -> Claim:
        """Move the claim from `from_desk` to this desk (recorded in the history)."""
        ...

    async def release(self, order_id: int) -> None: ...

    async def claims(self) -> list[Claim]: ...

    async def heartbeat(self) -> int:
        """Renew this desk's presence and the leases of its claims; returns how many it holds."""
        ...

    async def record(
        self, action: str, *, order_id: int | None = None, detail: str = "", at: datetime | None = None
    ) -> None: ...


class CodeReservationPort(Protocol):
    """Marking codes reserved fleet-wide. Synchronous because the scan path is (`CodeGuard.check`);
    implementations answer within a short bound or raise FleetUnavailableError, never hang."""

    def reserve(self, code: str, order_id: int) -> CodeHolder | None:
        """Reserve `code` for `order_id`; None when it is ours now, else who holds it."""
        ...

    def release(self, code: str, order_id: int) -> None: ...

    def resync(self, order_id: int, codes: frozenset[str]) -> None:
        """Make the fleet hold exactly `codes` for `order_id`."""
        ...


class FleetOrdersPort(Protocol):
    """The store's orders as the poller desk last read them from the Market."""

    async def publish(self, orders: list[Order]) -> None:
        """Upsert orders and wake the other desks (LISTEN/NOTIFY)."""
        ...

    async def read(self, query: OrderQuery, *, after_seq: int | None) -> tuple[list[Order], int]:
        """Orders matching `query` (all changed since `after_seq` when given, whatever their status);
        returns them and the newest sequence number seen."""
        ...


class PollerElectionPort(Protocol):
    async def try_lead(self) -> bool:
        """True while this desk holds the store's poller lock (acquiring it when free)."""
        ...
