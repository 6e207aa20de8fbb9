"""The ports the services and views depend on. The composition root (`packstation.app`) plugs in
the real adapters (Market gateway, SQLite journal, printers, the picture fetcher); tests plug in
fakes or the sandbox. Services and views never import an adapter.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

# The domain types appear in signatures only: not loaded with the ports (the app's first frame
# imports the order queue, which needs none of the office's, shipments' or statistics' types).
if TYPE_CHECKING:
    from packstation.domain.laas import (
        DeliveryOption,
        Destination,
        LaasOrder,
        NewOrder,
        Offer,
        Operation,
        OrderItem,
        PickupPoint,
        Recipient,
        Stock,
        WarehouseOptions,
    )
    from packstation.domain.labels import LabelFormat, OrderLabels
    from packstation.domain.layout import LayoutPlan, StoredBox
    from packstation.domain.order import Order, Program
    from packstation.domain.shipments import Shipment
    from packstation.domain.stats import StatsPage, StatsQuery
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
    shipped_from: date | None = None  # shipment date window (Moscow days), `shipped_to` exclusive
    shipped_to: date | None = None


class MarketPort(Protocol):
    """The Market as the packing desk uses it, bound to one business and campaign.

    Every method raises a subclass of `packstation.domain.errors.PackstationError` on failure
    (the gateway maps transport and API errors to them).
    """

    def iter_order_pages(self, query: OrderQuery) -> AsyncIterator[list[Order]]: ...

    async def get_order(self, order_id: int) -> Order: ...

    async def promo_lines(self, order_id: int) -> frozenset[int]:
        """The ids of the order's lines added under a promo (the Market will not remove them)."""
        ...

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


class OfficePort(Protocol):
    """The Market as the seller's office uses it: LaaS delivery orders (seeds 002, 004) in the
    LaaS store and order statistics (seed 003) of the store being reported on.

    A refusal of a LaaS request raises `domain.laas.LaasRefusedError` (codes and the Market's words);
    every other failure a `PackstationError` as for `MarketPort`.
    """

    async def offers(self) -> tuple[Offer, ...]: ...

    async def stocks(self, offer_ids: Sequence[str]) -> tuple[Stock, ...]: ...

    async def pickup_points(self) -> tuple[PickupPoint, ...]: ...

    async def delivery_options(
        self, items: Sequence[OrderItem], destination: Destination
    ) -> tuple[WarehouseOptions, ...]: ...

    async def create_order(self, order: NewOrder) -> tuple[int, ...]: ...

    async def laas_orders(self, order_ids: Sequence[int] = ()) -> tuple[LaasOrder, ...]: ...

    async def set_laas_status(self, order_id: int, status: str, substatus: str) -> Operation: ...

    async def update_options(self, order_id: int) -> tuple[DeliveryOption, ...]: ...

    async def change_interval(self, order_id: int, option: DeliveryOption) -> Operation: ...

    async def change_recipient(self, order_id: int, recipient: Recipient) -> Operation: ...

    async def operation_states(self, operations: Sequence[Operation]) -> tuple[Operation, ...]: ...

    async def stats_page(self, query: StatsQuery, page_token: str | None, limit: int) -> StatsPage: ...
class ShipmentsPort(Protocol):
    """The Market's FBS first-mile shipments for the desk's store.

    Every method raises a subclass of `packstation.domain.errors.PackstationError` on failure
    (the Market's own words for a refusal such as confirming before the cutoff).
    """

    async def shipments(self, date_from: date, date_to: date) -> list[Shipment]: ...

    async def shipment(self, shipment_id: int) -> Shipment: ...

    async def orders_with_labels(self, shipment_id: int) -> tuple[int, ...]: ...

    async def confirm_shipment(self, shipment_id: int) -> None: ...

    async def shipment_act_pdf(self, shipment_id: int) -> bytes: ...

    async def nearest_act_pdf(self) -> bytes: ...

    async def inbound_act_pdf(self, shipment_id: int) -> bytes: ...

    async def transportation_waybill(self, shipment_id: int) -> bytes: ...

    async def discrepancy_act(self, shipment_id: int) -> bytes: ...

    async def set_pallets(self, shipment_id: int, count: int) -> None: ...

    async def pallet_labels_pdf(self, shipment_id: int) -> bytes: ...

    async def pick_list_pdf(
        self, *, shipment_id: int | None = None, order_ids: Sequence[int] = ()
    ) -> bytes: ...

    async def batch_labels_pdf(self, order_ids: Sequence[int], fmt: LabelFormat) -> bytes: ...


class PackedOrdersPort(Protocol):
    """What the local journal knows of orders this desk packed."""

    def is_finished(self, order_id: int) -> bool: ...


class DocumentPrinterPort(Protocol):
    """The documents printer (A4: acts, pick lists, pallet labels)."""

    async def print_pdf(self, pdf: bytes, *, title: str, fmt: LabelFormat) -> None: ...


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


@dataclass(frozen=True, slots=True)
class EncodedAction:
    """A journal action with its JSON text, from `JournalPort.encode`: appended later as it is.
    An order's opening line (the whole order) is encoded when the order opens, not inside its
    first scan (issue 19). `action` is read-only; `text` is what the journal stores."""

    action: Mapping[str, Any]
    text: str


class JournalPort(Protocol):
    """Durable packing actions: `append` returns only after the action is on disk."""

    def append(self, order_id: int, action: Mapping[str, Any] | EncodedAction) -> int: ...

    def encode(self, action: Mapping[str, Any]) -> EncodedAction:
        """`action` as `append` would store it, for a later `append`; nothing is stored.

        Raises:
            StorageError: `action` is not plain JSON (the error `append` would raise).
        """
        ...

    def atomic(self) -> AbstractContextManager[object]:
        """One transaction around the writes inside (journal lines and the code index): all of
        them are stored, or none is and `StorageError` is raised."""
        ...

    def entries(self, order_id: int) -> list[JournalEntry]: ...

    def orders_in_progress(self) -> list[int]: ...

    def finish(self, order_id: int) -> None: ...


@dataclass(frozen=True, slots=True)
class CachedOrderList:
    """The order list as last received from the Market, kept locally for the next start."""

    orders: tuple[Order, ...]
    saved_at: datetime


class OrderListCachePort(Protocol):
    """The last known order list per campaign (`storage.order_list_cache`); `save` may be called
    from a worker thread (the keeper saves there)."""

    def save(self, campaign_id: int, orders: Sequence[Order]) -> None: ...
    def load(self, campaign_id: int) -> CachedOrderList | None: ...


class OutboxPort(Protocol):
    """The Market writes journalled before they are sent; `add_intent` and `complete_intent` may
    be called from a worker thread (the packing session writes there, issue 19)."""

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


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One audit line."""

    id: int
    at: datetime
    station: str
    packer: str
    action: str
    order_id: int | None
    detail: str


class AuditReader(Protocol):
    """Read access to the audit log (the order-history view, the CSV export)."""

    def history(self, order_id: int) -> list[AuditRecord]: ...

    def between(self, start: datetime | None, end: datetime | None) -> Iterator[AuditRecord]: ...


class PicturePort(Protocol):
    """Fetches a product picture from the catalogue (None when it cannot be had)."""

    async def fetch(self, url: str) -> bytes | None: ...

    def warm_up(self) -> None:
        """Make ready now, off the GUI thread, what the first fetch needs (the station is idle)."""


class LabelPrinterPort(Protocol):
    """Prints a label PDF (one page per box). Raises `PrintError` when the printer fails."""

    async def print_pdf(self, pdf: bytes, *, title: str, fmt: LabelFormat) -> None: ...


class Clock(Protocol):
    def now(self) -> datetime: ...
