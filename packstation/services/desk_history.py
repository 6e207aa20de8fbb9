"""Where the History view and the Shift panel read audit lines from.

A lone desk reads its own audit log. A desk of a fleet reads the shared history of every desk;
when the warehouse database is away it falls back to its own audit and says so (`offline`), so
the packer still sees what this desk did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Protocol

from packstation.services.fleet_ports import FleetUnavailableError
from packstation.services.shift_stats import AuditLine


class HistoryReader(Protocol):
    """Read access to audit lines (the local `AuditReader` and the fleet's reader both fit)."""

    def history(self, order_id: int) -> Sequence[AuditLine]: ...

    def between(self, start: datetime | None, end: datetime | None) -> Iterable[AuditLine]: ...


class FleetHistory:
    """The fleet's history of all desks, else this desk's own.

    Args:
        shared: the fleet's history reader (raises `FleetUnavailableError` when offline).
        local: this desk's audit log.
        online: whether the fleet is reachable now (the claims heartbeat knows); when not, the
            shared reader is not asked, so the view does not wait for a connection timeout.
    """

    def __init__(self, shared: HistoryReader, local: HistoryReader, online: Callable[[], bool]) -> None:
        self.shared = shared
        self.local = local
        self.online = online
        self.offline = False  # the last read came from the local audit only

    def history(self, order_id: int) -> Sequence[AuditLine]:
        return self._read(lambda reader: list(reader.history(order_id)))

    def between(self, start: datetime | None, end: datetime | None) -> Iterable[AuditLine]:
        return self._read(lambda reader: list(reader.between(start, end)))

    def _read(self, read: Callable[[HistoryReader], list[AuditLine]]) -> list[AuditLine]:
        if self.online():
            try:
                lines = read(self.shared)
            except FleetUnavailableError:
                pass
            else:
                self.offline = False
                return lines
        self.offline = True
        return read(self.local)
