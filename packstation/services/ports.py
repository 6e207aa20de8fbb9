"""The ports the services depend on. `app.py` plugs in the real adapters (Market gateway, SQLite
journal, printers); tests plug in fakes or the sandbox. Services never import an adapter.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from packstation.domain.labels import LabelFormat, OrderLabels
from packstation.domain.layout import LayoutPlan, StoredBox
from packstation.domain.order import Order, Program
from packstation.domain.verification import CodeCheck, EacResult, StatusChange


@dataclass(frozen=True, slots=True)
class OrderQuery:
    """A filter for the business orders reader; empty tuples mean "any"."""

    statuses: tuple[str, ...] = ("PROCESSING",)
    substatuses: tuple[str, ...] = ()
    programs: tuple[Program, ...] = ()
    updated_from: datetime | None = None
    updated_to: datetime | None = None
    order_ids: tuple[int, ...] = ()


class MarketPort(Protocol):
    """The Market as the packing desk uses it, bound to one business and campaign.

    Every method raises a subclass of `packstation.domain.errors.PackstationError` on failure
    (the gateway maps transport and API errors to them).
    """

    def iter_order_pages(self, query: OrderQuery) -> AsyncIterator[list[Order]]: ...

    async def get_order(self, order_id: int) -> Order: ...

    async def set_box_layout(self, order_id: int, plan: LayoutPlan) -> tuple[StoredBox, ...]: ...

    async def code_checks(self, order_id: int) -> tuple[CodeCheck, ...]: ...

    async def set_status(self, order_id: int, status: str, substatus: str | None = None) -> StatusChange: ...

    async def set_statuses(
        self, changes: Sequence[tuple[int, str, str | None]]
    ) -> tuple[StatusChange, ...]: ...

    async def labels_pdf(self, order_id: int, fmt: LabelFormat) -> bytes: ...

    async def box_label_pdf(self, order_id: int, box_id: int, fmt: LabelFormat) -> bytes: ...

    async def labels_data(self, order_id: int) -> OrderLabels: ...

    async def verify_eac(self, order_id: int, code: str) -> EacResult: ...


@dataclass(frozen=True, slots=True)
class Intent:
    """A Market mutation recorded before it is sent (the outbox)."""

    id: int
    order_id: int
    kind: str  # "box_layout", "status", "verify_eac", ...
    payload: Mapping[str, Any]
    created_at: datetime


@dataclass(frozen=True, slots=True)
class CodeUse:
    """Where a marking code was already used at this station."""

    code: str
    order_id: int
    used_at: datetime


@dataclass(frozen=True, slots=True)
class JournalEntry:
    seq: int
    order_id: int
    action: Mapping[str, Any] = field(default_factory=dict)


class JournalPort(Protocol):
    """Durable packing actions: `append` returns only after the action is on disk."""

    def append(self, order_id: int, action: Mapping[str, Any]) -> int: ...

    def entries(self, order_id: int) -> list[JournalEntry]: ...

    def orders_in_progress(self) -> list[int]: ...

    def finish(self, order_id: int) -> None: ...


@dataclass(frozen=True, slots=True)
class CachedOrderList:
    """The order list as last received from the Market, kept locally for the next start."""

    orders: tuple[Order, ...]
    saved_at: datetime


class OrderListCachePort(Protocol):
    """The last known order list per campaign (`storage.order_list_cache`)."""

    def save(self, campaign_id: int, orders: Sequence[Order]) -> None: ...
    def load(self, campaign_id: int) -> CachedOrderList | None: ...


class OutboxPort(Protocol):
    def add_intent(self, order_id: int, kind: str, payload: Mapping[str, Any]) -> Intent: ...

    def complete_intent(self, intent_id: int, outcome: str) -> None: ...

    def pending_intents(self) -> list[Intent]: ...


class CodeRegistryPort(Protocol):
    """The seen-codes index: marking codes used at this station, across orders."""

    def find(self, code: str) -> CodeUse | None: ...

    def remember(self, code: str, order_id: int) -> None: ...

    def forget(self, code: str, order_id: int) -> None: ...

    def codes_of(self, order_id: int) -> list[str]:
        """The codes recorded for one order (a restored session re-syncs the index with them)."""
        ...


class AuditPort(Protocol):
    def record(self, action: str, *, order_id: int | None = None, detail: str = "") -> None: ...


class LabelPrinterPort(Protocol):
    """Prints a label PDF (one page per box). Raises `PrintError` when the printer fails."""

    async def print_pdf(self, pdf: bytes, *, title: str, fmt: LabelFormat) -> None: ...


class Clock(Protocol):
    def now(self) -> datetime: ...
