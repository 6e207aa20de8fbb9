"""The FBS day's end, Qt-free: today's and upcoming first-mile shipments with how far their orders
are packed, confirmation (which the Market allows only after the shipment's cutoff), the act and
other shipment documents, pallets, the pick list and batch labels.

Documents come back as values; a PDF goes to the documents printer (A4), a spreadsheet (the
waybill and the discrepancy act are XLS files) can only be saved.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from packstation.domain.errors import PackstationError
from packstation.domain.labels import LabelFormat
from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.domain.shipments import Shipment, ShipmentAction, ShipmentProgress, shipment_progress
from packstation.services.gather import gather_all
from packstation.services.ports import AuditPort, DocumentPrinterPort, PackedOrdersPort, ShipmentsPort

UPCOMING_DAYS = 3
"""The screen shows today's shipments and those of the next few days."""

OVERVIEW_PARALLEL = 3
"""Orders reads of the overview in flight at once: one fewer than the Market's 4 parallel
requests per campaign (which the client enforces anyway), so the packing screen's calls never
queue behind a whole overview."""


class DocumentKind(StrEnum):
    ACT = "act"
    INBOUND_ACT = "inbound-act"
    WAYBILL = "waybill"
    DISCREPANCY_ACT = "discrepancy-act"
    PALLET_LABELS = "pallet-labels"
    PICK_LIST = "pick-list"
    LABELS = "labels"


_NEEDS: dict[DocumentKind, ShipmentAction] = {
    DocumentKind.ACT: ShipmentAction.DOWNLOAD_ACT,
    DocumentKind.INBOUND_ACT: ShipmentAction.DOWNLOAD_INBOUND_ACT,
    DocumentKind.WAYBILL: ShipmentAction.DOWNLOAD_TRANSPORTATION_WAYBILL,
    DocumentKind.DISCREPANCY_ACT: ShipmentAction.DOWNLOAD_DISCREPANCY_ACT,
    DocumentKind.PALLET_LABELS: ShipmentAction.CHANGE_PALLETS_COUNT,
}


@dataclass(frozen=True, slots=True)
class Document:
    """A downloaded document: PDF (printable) or XLS(X) (save only)."""

    kind: DocumentKind
    title: str
    content: bytes

    @property
    def is_pdf(self) -> bool:
        return self.content.startswith(b"%PDF")

    @property
    def filename(self) -> str:
        return f"{self.title}.{'pdf' if self.is_pdf else 'xlsx'}"


@dataclass(frozen=True, slots=True)
class ShipmentRow:
    """One line of the Shipments screen."""

    shipment: Shipment
    progress: ShipmentProgress


@dataclass(frozen=True, slots=True)
class Outcome:
    """What an action came to: done, or refused with the reason."""

    ok: bool
    text: Message


class ShipmentsService:
    """Shipments of one store for the desk.

    Args:
        market: the Market's shipment calls.
        journal: the local journal (which orders this desk closed as packed).
        documents_printer: the A4 printer for acts and lists; None when the desk has none.
        audit: where each confirmation, pallet change and printed document is recorded.
    """

    def __init__(
        self,
        market: ShipmentsPort,
        journal: PackedOrdersPort,
        documents_printer: DocumentPrinterPort | None = None,
        audit: AuditPort | None = None,
    ) -> None:
        self.market = market
        self.journal = journal
        self.documents_printer = documents_printer
        self.audit = audit

    async def overview(self, today: date, days: int = UPCOMING_DAYS) -> list[ShipmentRow]:
        """Today's and the next `days` days' shipments, earliest first.

        The shipments' orders are read concurrently, at most `OVERVIEW_PARALLEL` at a time.
        All or nothing: when one read fails, the others are cancelled and that first error is
        raised, so the screen never shows a half-read day as if it were whole.
        """
        shipments = await self.market.shipments(today, today + timedelta(days=days))
        ordered = sorted(shipments, key=lambda s: s.interval_from)
        slots = asyncio.Semaphore(OVERVIEW_PARALLEL)

        async def read(shipment: Shipment) -> ShipmentRow:
            async with slots:
                return await self.row(shipment)

        return await gather_all(read(s) for s in ordered)

    async def row(self, shipment: Shipment) -> ShipmentRow:
        with_labels = await self.market.orders_with_labels(shipment.id)
        finished = [i for i in shipment.live_order_ids if self.journal.is_finished(i)]
        return ShipmentRow(shipment, shipment_progress(shipment, with_labels, finished))

    async def refresh(self, shipment_id: int) -> ShipmentRow:
        return await self.row(await self.market.shipment(shipment_id))

    async def confirm(self, shipment: Shipment) -> Outcome:
        """Confirm the shipment. Before its cutoff the Market refuses: its words come back with
        the handover time, and nothing changes."""
        try:
            await self.market.confirm_shipment(shipment.id)
        except PackstationError as error:
            at = f"{shipment.interval_from:%d.%m %H:%M}"
            return Outcome(
                False,
                QT_TRANSLATE_NOOP(
                    "Shipments", "%1 Confirmation opens after the cutoff, before the %2 handover."
                )(error.as_message(), at),
            )
        self._record("shipment_confirmed", shipment.id)
        return Outcome(True, QT_TRANSLATE_NOOP("Shipments", "Shipment %1 confirmed.")(shipment.id))

    async def set_pallets(self, shipment: Shipment, count: int) -> Outcome:
        if not shipment.offers(ShipmentAction.CHANGE_PALLETS_COUNT):
            return Outcome(
                False,
                QT_TRANSLATE_NOOP(
                    "Shipments", "The Market does not allow changing this shipment's pallet count."
                ),
            )
        try:
            await self.market.set_pallets(shipment.id, count)
        except PackstationError as error:
            return Outcome(False, error.as_message())
        self._record("shipment_pallets", shipment.id, f"pallets={count}")
        return Outcome(True, QT_TRANSLATE_NOOP("Shipments", "Pallets: %1.")(count))

    async def document(self, shipment: Shipment, kind: DocumentKind) -> Document:
        """Download one of the shipment's documents the Market offers now.

        Raises:
            PackstationError: the Market does not offer it now, or refused.
        """
        needed = _NEEDS.get(kind)
        if needed is not None and not shipment.offers(needed):
            raise PackstationError(
                QT_TRANSLATE_NOOP(
                    "Shipments", "The Market does not offer this document yet: confirm the shipment first."
                )
            )
        fetch = {
            DocumentKind.ACT: self.market.shipment_act_pdf,
            DocumentKind.INBOUND_ACT: self.market.inbound_act_pdf,
            DocumentKind.WAYBILL: self.market.transportation_waybill,
            DocumentKind.DISCREPANCY_ACT: self.market.discrepancy_act,
            DocumentKind.PALLET_LABELS: self.market.pallet_labels_pdf,
        }.get(kind)
        if fetch is not None:
            content = await fetch(shipment.id)
        elif kind is DocumentKind.PICK_LIST:
            content = await self.market.pick_list_pdf(shipment_id=shipment.id)
        else:
            content = await self.market.batch_labels_pdf(shipment.live_order_ids, LabelFormat.A4)
        return Document(kind, f"{kind.value}-{shipment.id}", content)

    async def nearest_act(self) -> Document:
        """The reception-transfer act of the nearest shipment; the Market confirms that shipment
        if it was not yet (it refuses when no shipment is formed)."""
        content = await self.market.nearest_act_pdf()
        self._record("shipment_confirmed", None, "nearest shipment (reception-transfer act)")
        return Document(DocumentKind.ACT, "act-nearest", content)

    async def pick_list(self, order_ids: Sequence[int]) -> Document:
        """The Market's pick list of chosen orders (to collect goods before packing)."""
        content = await self.market.pick_list_pdf(order_ids=order_ids)
        return Document(DocumentKind.PICK_LIST, f"pick-list-{len(order_ids)}-orders", content)

    async def batch_labels(self, order_ids: Sequence[int], fmt: LabelFormat) -> Document:
        """All labels of the chosen orders in one PDF (the Market's mass-labels report)."""
        content = await self.market.batch_labels_pdf(order_ids, fmt)
        return Document(DocumentKind.LABELS, f"labels-{len(order_ids)}-orders", content)

    async def print(self, document: Document) -> None:
        """Send a PDF to the documents printer (A4).

        Raises:
            PrintError / PackstationError: no documents printer, a spreadsheet, or the printer failed.
        """
        if not document.is_pdf:
            raise PackstationError(
                QT_TRANSLATE_NOOP(
                    "Shipments", "This is an Excel file: save it and print it from a spreadsheet program."
                )
            )
        if self.documents_printer is None:
            raise PackstationError(
                QT_TRANSLATE_NOOP("Shipments", "No documents printer is set up."),
                hint=QT_TRANSLATE_NOOP("Shipments", "Save the file."),
            )
        await self.documents_printer.print_pdf(document.content, title=document.title, fmt=LabelFormat.A4)
        self._record("document_printed", None, document.title)

    def save(self, document: Document, folder: Path) -> Path:
        """Write the document into `folder` under its own name."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / document.filename
        path.write_bytes(document.content)
        return path

    def _record(self, action: str, shipment_id: int | None, detail: str = "") -> None:
        if self.audit is not None:
            text = f"shipment={shipment_id} {detail}".strip() if shipment_id is not None else detail
            self.audit.record(action, detail=text)
