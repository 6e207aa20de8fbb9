"""The shipments service over the real gateway, the sandbox over HTTP, a real SQLite journal and
the virtual documents printer: overview with packed / to pack / cancelled, confirmation refused
before the cutoff and done after it, documents only when offered, pallets, pick list, labels."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from packstation.catalogue import russian
from packstation.domain.errors import PackstationError
from packstation.domain.labels import LabelFormat
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan
from packstation.domain.shipments import ShipmentAction
from packstation.market import MarketClient, MarketGateway
from packstation.printing.virtual_printer import VirtualPrinter
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from packstation.services.shipments import DocumentKind, ShipmentsService
from packstation.storage.local_store import LocalStore, open_local_store
from tests.sandbox.pdf_tools import pdf_text

pytestmark = pytest.mark.slow
DAY = date(2031, 5, 20)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    opened = open_local_store(tmp_path, station="desk-1", packer="Анна")
    yield opened
    opened.close()


@pytest_asyncio.fixture
async def gateway(sandbox_server: Any) -> AsyncIterator[MarketGateway]:
    async with MarketClient("sandbox-key", sandbox_server.url) as client:
        yield MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID, enrich_offers=False)


def _service(gateway: MarketGateway, store: LocalStore, printer: VirtualPrinter) -> ShipmentsService:
    return ShipmentsService(gateway, store.journal, printer, store.audit)


@pytest.mark.asyncio
async def test_overview_confirm_and_print_the_act(
    gateway: MarketGateway, store: LocalStore, sandbox_server: Any, tmp_path: Path
) -> None:
    sandbox = sandbox_server.sandbox
    packed, here, waiting, gone = (sandbox.add_order((("MUG-300", 1),)) for _ in range(4))
    for order in (packed, here, waiting, gone):
        sandbox.move_shipment_date(order.id, DAY)
    plan = LayoutPlan((BoxPlan((BoxEntry(packed.lines[0].id, full_count=1),)),))
    await gateway.set_box_layout(packed.id, plan)
    store.journal.append(here.id, {"kind": "opened"})
    store.journal.finish(here.id)
    sandbox.cancel_by_buyer(gone.id)
    printer = VirtualPrinter(tmp_path / "documents", dpi=300)
    service = _service(gateway, store, printer)

    [row] = await service.overview(DAY, days=0)
    assert row.progress.packed == (packed.id, here.id)
    assert row.progress.to_pack == (waiting.id,)
    assert row.progress.cancelled == (gone.id,)
    assert row.shipment.destination == "Сортировочный центр Маркета"

    refused = await service.confirm(row.shipment)
    assert not refused.ok
    assert "Cutoff time for shipments has not been reached yet" in russian(refused.text)
    assert f"{row.shipment.interval_from:%H:%M}" in russian(refused.text)
    with pytest.raises(PackstationError):
        await service.document(row.shipment, DocumentKind.ACT)

    sandbox.advance_clock((sandbox.shipment(DAY).cutoff - sandbox.now()).total_seconds() + 1)
    row = await service.refresh(row.shipment.id)
    assert row.shipment.offers(ShipmentAction.CONFIRM)
    assert not row.progress.complete  # confirmation does not wait for packing
    done = await service.confirm(row.shipment)
    assert done.ok, russian(done.text)
    row = await service.refresh(row.shipment.id)
    act = await service.document(row.shipment, DocumentKind.ACT)
    await service.print(act)
    [written] = printer.written
    assert f"Заказ {packed.id}" in pdf_text(written.read_bytes())
    waybill = await service.document(row.shipment, DocumentKind.WAYBILL)
    assert not waybill.is_pdf
    with pytest.raises(PackstationError, match="Excel"):
        await service.print(waybill)
    saved = service.save(waybill, tmp_path / "saved")
    assert saved.name.endswith(".xlsx")
    assert saved.read_bytes() == waybill.content
    actions = [record.action for record in store.audit.between(None, None)]
    assert "shipment_confirmed" in actions
    assert "document_printed" in actions


@pytest.mark.asyncio
async def test_pallets_pick_list_and_batch_labels(
    gateway: MarketGateway, store: LocalStore, sandbox_server: Any, tmp_path: Path
) -> None:
    sandbox = sandbox_server.sandbox
    today = sandbox.opened_at.date()
    service = _service(gateway, store, VirtualPrinter(tmp_path / "documents"))
    rows = await service.overview(today)
    by_id = {row.shipment.id: row for row in rows}
    pallet = by_id[sandbox.shipment(today + timedelta(days=1)).id].shipment
    confirmable = by_id[sandbox.shipment(today).id].shipment
    assert confirmable.offers(ShipmentAction.CONFIRM)
    assert not (await service.set_pallets(confirmable, 2)).ok
    assert (await service.set_pallets(pallet, 2)).ok
    pallet = (await service.refresh(pallet.id)).shipment
    assert pallet.pallets == 2
    labels = await service.document(pallet, DocumentKind.PALLET_LABELS)
    assert "Палета 2 из 2" in pdf_text(labels.content)
    picked = await service.document(pallet, DocumentKind.PICK_LIST)
    assert str(pallet.live_order_ids[0]) in pdf_text(picked.content)
    chosen = await service.pick_list(pallet.live_order_ids[:1])
    assert "Лист сборки" in pdf_text(chosen.content)
    order = sandbox.add_order((("MUG-300", 1),))
    await gateway.set_box_layout(
        order.id, LayoutPlan((BoxPlan((BoxEntry(order.lines[0].id, full_count=1),)),))
    )
    batch = await service.batch_labels([order.id], LabelFormat.A7)
    assert batch.is_pdf


@pytest.mark.asyncio
async def test_nearest_act_confirms_todays_shipment(
    gateway: MarketGateway, store: LocalStore, sandbox_server: Any, tmp_path: Path
) -> None:
    sandbox = sandbox_server.sandbox
    today = sandbox.shipment(sandbox.opened_at.date())
    printer = VirtualPrinter(tmp_path / "documents")
    service = _service(gateway, store, printer)
    act = await service.nearest_act()
    await service.print(act)
    assert f"№ {today.id}" in pdf_text(printer.written[0].read_bytes())
    row = await service.refresh(today.id)
    assert row.shipment.offers(ShipmentAction.DOWNLOAD_ACT)
