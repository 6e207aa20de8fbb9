"""The client's first-mile calls over real HTTP against the sandbox: search, orders info, confirm
refused before the cutoff and accepted after it, acts, waybill and discrepancy act (XLS), pallets,
the pick list of a shipment or of orders, and batch labels of a shipment's orders."""

from __future__ import annotations

import io
import zipfile
from collections.abc import AsyncIterator
from datetime import date, timedelta
from typing import Any

import pytest
import pytest_asyncio

from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan
from packstation.market import BadRequestError, MarketClient
from packstation.market.layout_wire import layout_request
from packstation.market.models import ShipmentActionType, ShipmentStatusType
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from tests.sandbox.pdf_tools import page_count, pdf_text

pytestmark = pytest.mark.slow
DAY = date(2031, 5, 20)


@pytest_asyncio.fixture
async def client(sandbox_server: Any) -> AsyncIterator[MarketClient]:
    async with MarketClient("sandbox-key", sandbox_server.url) as market:
        yield market


async def _pack(client: MarketClient, order: Any) -> None:
    plan = LayoutPlan((BoxPlan(tuple(BoxEntry(li.id, full_count=li.count) for li in order.lines)),))
    await client.set_box_layout(DEMO_CAMPAIGN_ID, order.id, layout_request(plan))


@pytest.mark.asyncio
async def test_a_shipment_from_search_to_acts(client: MarketClient, sandbox_server: Any) -> None:
    sandbox = sandbox_server.sandbox
    orders = [sandbox.add_order((("MUG-300", 1),)) for _ in range(2)]
    for order in orders:
        sandbox.move_shipment_date(order.id, DAY)
    await _pack(client, orders[0])
    [found] = await client.search_shipments(DEMO_CAMPAIGN_ID, DAY, DAY)
    assert found.id == orders[0].shipment_id
    assert found.status == ShipmentStatusType.OUTBOUND_CREATED
    assert found.order_ids == [o.id for o in orders]
    info = await client.shipment_orders_info(DEMO_CAMPAIGN_ID, found.id)
    assert (info.order_ids_with_labels, info.order_ids_without_labels) == ([orders[0].id], [orders[1].id])
    with pytest.raises(BadRequestError) as refused:
        await client.confirm_shipment(DEMO_CAMPAIGN_ID, found.id)
    assert "Cutoff time for shipments has not been reached yet" in str(refused.value.errors)
    with pytest.raises(BadRequestError):
        await client.shipment_act_pdf(DEMO_CAMPAIGN_ID, found.id)
    cutoff = sandbox.shipment(DAY).cutoff
    sandbox.advance_clock((cutoff - sandbox.now()).total_seconds() + 1)
    shipment = await client.shipment(DEMO_CAMPAIGN_ID, found.id)
    assert shipment.available_actions == [ShipmentActionType.CONFIRM]
    assert shipment.plan_interval_from > cutoff
    await client.confirm_shipment(DEMO_CAMPAIGN_ID, found.id, external_id="S-1")
    act = await client.shipment_act_pdf(DEMO_CAMPAIGN_ID, found.id)
    assert f"Заказ {orders[0].id}" in pdf_text(act)
    waybill = await client.transportation_waybill(DEMO_CAMPAIGN_ID, found.id)
    with zipfile.ZipFile(io.BytesIO(waybill)) as sheet:
        assert f"Заказ {orders[1].id}" in sheet.read("xl/worksheets/sheet1.xml").decode()
    sandbox.accept_shipment(found.id, discrepancies=True)
    assert "Акт о приёмке" in pdf_text(await client.inbound_act_pdf(DEMO_CAMPAIGN_ID, found.id))
    assert (await client.discrepancy_act(DEMO_CAMPAIGN_ID, found.id)).startswith(b"PK")
    [accepted] = await client.search_shipments(
        DEMO_CAMPAIGN_ID, DAY, DAY, statuses=["ACCEPTED_WITH_DISCREPANCIES"], cancelled_orders=False
    )
    assert accepted.id == found.id


@pytest.mark.asyncio
async def test_pallets_pick_list_batch_labels_and_the_nearest_act(
    client: MarketClient, sandbox_server: Any
) -> None:
    sandbox = sandbox_server.sandbox
    today = sandbox.opened_at.date()
    packed = sandbox.add_order((("MUG-300", 2),))
    sandbox.move_shipment_date(packed.id, today + timedelta(days=1))
    await _pack(client, packed)
    shipments = await client.search_shipments(DEMO_CAMPAIGN_ID, today, today + timedelta(days=3))
    assert len(shipments) >= 2  # search reads every page
    by_day = {s.plan_interval_from.date(): s for s in shipments}
    pallet = await client.shipment(DEMO_CAMPAIGN_ID, sandbox.shipment(today + timedelta(days=1)).id)
    assert ShipmentActionType.CHANGE_PALLETS_COUNT in pallet.available_actions
    await client.set_shipment_pallets(DEMO_CAMPAIGN_ID, pallet.id, 2)
    assert page_count(await client.pallet_labels_pdf(DEMO_CAMPAIGN_ID, pallet.id)) == 2
    assert by_day  # every shipment has its interval
    # Pick list of a whole shipment, then of chosen orders.
    listing = pdf_text(await client.shipment_list_pdf(DEMO_CAMPAIGN_ID, shipment_id=pallet.id))
    assert "Лист сборки" in listing
    assert all(str(order_id) in listing for order_id in pallet.order_ids)
    with pytest.raises(ValueError, match="shipment or orders"):
        await client.generate_shipment_list(DEMO_CAMPAIGN_ID)
    chosen = pallet.order_ids[:1]
    assert str(chosen[0]) in pdf_text(await client.shipment_list_pdf(DEMO_CAMPAIGN_ID, order_ids=chosen))
    # Batch labels of the shipment's orders that have labels.
    info = await client.shipment_orders_info(DEMO_CAMPAIGN_ID, pallet.id)
    assert packed.id in info.order_ids_with_labels
    labels = await client.mass_labels_pdf(DEMO_BUSINESS_ID, info.order_ids_with_labels, "A7")
    assert f"{packed.id}" in pdf_text(labels)
    # The reception-transfer act confirms today's shipment (past its cutoff in demo data).
    act = await client.reception_transfer_act_pdf(DEMO_CAMPAIGN_ID)
    assert f"№ {sandbox.shipment(today).id}" in pdf_text(act)
    confirmed = await client.shipment(DEMO_CAMPAIGN_ID, sandbox.shipment(today).id)
    assert ShipmentActionType.DOWNLOAD_ACT in confirmed.available_actions
