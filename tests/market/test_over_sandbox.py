"""The client and gateway over real HTTP: the sandbox served by uvicorn on 127.0.0.1 (ephemeral
port), driven through a packing day: read orders, lay out boxes with marking codes, poll their
verification, print labels, READY_TO_SHIP, Express handover, bulk status, reports, buyers.

The sandbox does not serve LaaS or order statistics yet; those calls are covered by the contract
tests against the official spec (test_contract.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
import pytest_asyncio

from packstation.catalogue import russian
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.labels import LabelFormat
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan, PartOf
from packstation.domain.order import Program
from packstation.domain.verification import CodeStatus, EacVerdict
from packstation.market import (
    BadRequestError,
    ForbiddenError,
    MarketClient,
    MarketGateway,
    NotFoundError,
    UnauthorizedError,
)
from packstation.market.layout_wire import layout_request
from packstation.market.models import (
    CourierDeliveryAddressDTO,
    CourierDeliveryParametersDTO,
    CreateOrderDeliveryOptionDTO,
    CreateOrderDTO,
    CreateOrderItemDTO,
    CreateOrderRequest,
    CreateOrderWarehouseItemsDTO,
    CurrencyPriceDTO,
    CustomerDTO,
    GetBusinessOrdersRequest,
    GetDeliveryOptionsItemDTO,
    GetDeliveryOptionsRequest,
    GetOrdersStatsRequest,
    OrderCourierDeliveryDTO,
    UpdateOrderDTO,
    UpdateOrderRequest,
)
from packstation.sandbox.app import SandboxConfig, create_app
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from packstation.services.ports import OrderQuery
from tests.fixtures.log_scan import TEST_API_KEY
from tests.fixtures.sandbox import serve_in_thread, stop_server

pytestmark = pytest.mark.slow


@pytest_asyncio.fixture
async def client(sandbox_server: Any) -> AsyncIterator[MarketClient]:
    async with MarketClient(TEST_API_KEY, sandbox_server.url) as market:
        yield market


@pytest.fixture
def gateway(client: MarketClient) -> MarketGateway:
    return MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)


def _order_with(sandbox: Any, predicate: Any) -> Any:
    return next(o for o in sorted(sandbox.all_orders([DEMO_CAMPAIGN_ID]), key=lambda o: o.id) if predicate(o))


@pytest.mark.asyncio
async def test_token_stores_and_every_order_page(client: MarketClient, sandbox_server: Any) -> None:
    token = await client.check_token()
    assert token.api_key.auth_scopes
    campaigns = {c.id: c for c in await client.campaigns()}
    assert campaigns[DEMO_CAMPAIGN_ID].business is not None
    assert campaigns[DEMO_CAMPAIGN_ID].business.id == DEMO_BUSINESS_ID
    assert (await client.campaign(DEMO_CAMPAIGN_ID)).id == DEMO_CAMPAIGN_ID
    request = GetBusinessOrdersRequest(campaign_ids=[DEMO_CAMPAIGN_ID])
    ids = [o.order_id async for o in client.iter_business_orders(DEMO_BUSINESS_ID, request, limit=7)]
    expected = {o.id for o in sandbox_server.sandbox.all_orders([DEMO_CAMPAIGN_ID])}
    assert len(ids) == len(set(ids))
    assert set(ids) == expected
    legacy = await client.legacy_orders_page(DEMO_CAMPAIGN_ID, order_ids=ids[:3])
    assert {o.id for o in legacy.orders} == set(ids[:3])
    assert (await client.legacy_order(DEMO_CAMPAIGN_ID, ids[0])).id == ids[0]


@pytest.mark.asyncio
async def test_gateway_reads_express_orders_with_deadlines_and_catalogue_facts(
    gateway: MarketGateway, sandbox_server: Any
) -> None:
    pages = [p async for p in gateway.iter_order_pages(OrderQuery(programs=(Program.EXPRESS,)))]
    orders = [o for page in pages for o in page]
    assert orders
    assert all(o.is_express and o.ship_by is not None and o.ship_by.tzinfo is not None for o in orders)
    catalogue = sandbox_server.sandbox.catalogue
    for line in (line for o in orders for line in o.lines):
        assert line.barcodes == (catalogue[line.offer_id].ean13,)
        assert line.weight_kg == catalogue[line.offer_id].weight_kg  # weightDimensions.weight, for the scale
    split = _order_with(sandbox_server.sandbox, lambda o: any(line.product.box_count > 1 for line in o.lines))
    order = await gateway.get_order(split.id)
    assert max(line.parts_per_unit for line in order.lines) == max(
        line.product.box_count for line in split.lines
    )


@pytest.mark.asyncio
async def test_pack_a_marked_order_verify_codes_print_and_ship(
    gateway: MarketGateway, sandbox_server: Any
) -> None:
    sandbox = sandbox_server.sandbox
    target = _order_with(sandbox, lambda o: len(o.lines) == 1 and o.lines[0].product.required == ("CIS",))
    line = target.lines[0]
    codes = sandbox.codes_for(line.product.offer_id)[: line.count]
    assert any("\x1d" in code for code in codes)  # real GS separators travel over HTTP
    plan = LayoutPlan(
        (
            BoxPlan(
                (
                    BoxEntry(
                        line.id,
                        full_count=line.count,
                        instances=tuple(Instance(InstanceKind.CIS, c) for c in codes),
                    ),
                )
            ),
        )
    )
    stored = await gateway.set_box_layout(target.id, plan)
    assert len(stored) == 1
    assert stored[0].plan.entries[0].instances == plan.boxes[0].entries[0].instances
    sandbox.finish_verifications()
    checks = await gateway.code_checks(target.id)
    assert {c.value for c in checks} == set(codes)
    assert all(c.status is CodeStatus.OK for c in checks)
    labels = await gateway.labels_data(target.id)
    assert labels.places == 1
    assert labels.boxes[0].box_id == stored[0].box_id
    for fmt in LabelFormat:
        assert (await gateway.labels_pdf(target.id, fmt)).startswith(b"%PDF")
    assert (await gateway.box_label_pdf(target.id, stored[0].box_id, LabelFormat.A7)).startswith(b"%PDF")
    change = await gateway.set_status(target.id, "PROCESSING", "READY_TO_SHIP")
    assert (change.ok, change.status, change.substatus) == (True, "PROCESSING", "READY_TO_SHIP")
    shipped = await gateway.get_order(target.id)
    assert shipped.substatus == "READY_TO_SHIP"
    assert shipped.box_ids == (stored[0].box_id,)


@pytest.mark.asyncio
async def test_split_unit_travels_in_part_boxes(gateway: MarketGateway, sandbox_server: Any) -> None:
    target = _order_with(
        sandbox_server.sandbox,
        lambda o: len(o.lines) == 1 and o.lines[0].product.box_count == 2 and o.lines[0].count == 1,
    )
    line_id = target.lines[0].id
    plan = LayoutPlan(tuple(BoxPlan((BoxEntry(line_id, part=PartOf(n, 2)),)) for n in (1, 2)))
    stored = await gateway.set_box_layout(target.id, plan)
    assert [box.plan for box in stored] == list(plan.boxes)
    assert (await gateway.labels_data(target.id)).places == 2


@pytest.mark.asyncio
async def test_market_refusals_arrive_as_typed_errors(gateway: MarketGateway, sandbox_server: Any) -> None:
    sandbox = sandbox_server.sandbox
    unpacked = _order_with(sandbox, lambda o: o.program == "FBS")
    with pytest.raises(BadRequestError) as not_packed:
        await gateway.set_status(unpacked.id, "PROCESSING", "READY_TO_SHIP")
    assert not_packed.value.codes
    only = _order_with(
        sandbox, lambda o: len(o.lines) == 1 and o.lines[0].count > 1 and not o.lines[0].product.required
    )
    shortened = LayoutPlan((BoxPlan((BoxEntry(only.lines[0].id, full_count=1),)),), allow_remove=True)
    with pytest.raises(BadRequestError) as last_item:
        await gateway.set_box_layout(only.id, shortened)
    assert last_item.value.codes == ("CANNOT_REMOVE_LAST_ITEM",)
    assert "отмените" in russian(last_item.value).lower()
    with pytest.raises(NotFoundError):
        await gateway.get_order(1)
    with pytest.raises(NotFoundError):
        await gateway.labels_data(1)


@pytest.mark.asyncio
async def test_express_handover_with_the_couriers_code(gateway: MarketGateway, sandbox_server: Any) -> None:
    sandbox = sandbox_server.sandbox
    express = _order_with(
        sandbox, lambda o: o.program == "EXPRESS" and not any(li.product.required for li in o.lines)
    )
    plan = LayoutPlan((BoxPlan(tuple(BoxEntry(li.id, full_count=li.count) for li in express.lines)),))
    await gateway.set_box_layout(express.id, plan)
    await gateway.set_status(express.id, "PROCESSING", "READY_TO_SHIP")
    order = await gateway.get_order(express.id)
    for _ in range(10):
        if order.eac_type is not None:
            break
        sandbox.advance_clock(sandbox.config.courier_step)
        order = await gateway.get_order(express.id)
    assert order.eac_type == "COURIER_TO_MERCHANT"
    right = sandbox.eac_code(express.id)
    wrong = "0000" if right != "0000" else "1111"
    rejected = await gateway.verify_eac(express.id, wrong)
    assert rejected.verdict is EacVerdict.REJECTED
    assert rejected.attempts_left is not None
    accepted = await gateway.verify_eac(express.id, right)
    assert accepted.verdict is EacVerdict.ACCEPTED


@pytest.mark.asyncio
async def test_bulk_status_reports_each_order(gateway: MarketGateway, sandbox_server: Any) -> None:
    sandbox = sandbox_server.sandbox
    plain = [
        o
        for o in sorted(sandbox.all_orders([DEMO_CAMPAIGN_ID]), key=lambda o: o.id)
        if o.program == "FBS" and not any(li.product.required or li.product.box_count > 1 for li in o.lines)
    ]
    packed, unpacked = plain[0], plain[1]
    await gateway.set_box_layout(
        packed.id, LayoutPlan((BoxPlan(tuple(BoxEntry(li.id, full_count=li.count) for li in packed.lines)),))
    )
    outcomes = await gateway.set_statuses(
        [
            (packed.id, "PROCESSING", "READY_TO_SHIP"),
            (unpacked.id, "CANCELLED", "SHOP_FAILED"),
            (1, "PROCESSING", "READY_TO_SHIP"),
        ]
    )
    assert [o.order_id for o in outcomes] == [packed.id, unpacked.id, 1]
    assert outcomes[0].ok
    assert outcomes[1].ok
    assert outcomes[1].status == "CANCELLED"
    assert not outcomes[2].ok
    assert outcomes[2].error


@pytest.mark.asyncio
async def test_mass_labels_report_is_generated_polled_and_downloaded(
    client: MarketClient, sandbox_server: Any
) -> None:
    sandbox = sandbox_server.sandbox
    orders = [
        o
        for o in sorted(sandbox.all_orders([DEMO_CAMPAIGN_ID]), key=lambda o: o.id)
        if not any(li.product.required or li.product.box_count > 1 for li in o.lines)
    ][:2]
    for order in orders:
        await client.set_box_layout(
            DEMO_CAMPAIGN_ID,
            order.id,
            layout_request(
                LayoutPlan((BoxPlan(tuple(BoxEntry(li.id, full_count=li.count) for li in order.lines)),))
            ),
        )
    report = await client.generate_mass_labels(DEMO_BUSINESS_ID, [o.id for o in orders], "A9")
    first = await client.report_info(report.report_id)
    assert first.status in ("PENDING", "PROCESSING", "DONE")
    sandbox.finish_verifications()
    pdf = await client.mass_labels_pdf(DEMO_BUSINESS_ID, [o.id for o in orders], LabelFormat.A7.value)
    assert pdf.startswith(b"%PDF")


@pytest.mark.asyncio
async def test_buyers_external_id_and_offer_mappings(client: MarketClient, sandbox_server: Any) -> None:
    sandbox = sandbox_server.sandbox
    business = _order_with(sandbox, lambda o: o.buyer_type == "BUSINESS")
    person = _order_with(sandbox, lambda o: o.buyer_type == "PERSON")
    firm = await client.business_buyer(DEMO_CAMPAIGN_ID, business.id)
    assert firm.inn
    buyer = await client.buyer(DEMO_CAMPAIGN_ID, person.id)
    assert buyer.type == "PERSON"
    await client.set_external_order_id(DEMO_CAMPAIGN_ID, person.id, "PS-0001")
    with pytest.raises(BadRequestError):  # write-once
        await client.set_external_order_id(DEMO_CAMPAIGN_ID, person.id, "PS-0002")
    order = await MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID).get_order(person.id)
    assert order.external_id == "PS-0001"
    offer_ids = sorted(sandbox.catalogue)[:3]
    mappings = await client.offer_mappings(DEMO_BUSINESS_ID, offer_ids)
    assert {m.offer.offer_id for m in mappings if m.offer} == set(offer_ids)


@pytest.mark.asyncio
async def test_keys_the_sandbox_refuses_map_to_auth_errors() -> None:
    app = create_app(SandboxConfig(seed=1, strict_key="right-key"))
    server, thread, url = serve_in_thread(app)
    try:
        async with MarketClient("wrong-key", url) as wrong:
            with pytest.raises(ForbiddenError):
                await wrong.check_token()
        async with MarketClient("", url) as empty:
            with pytest.raises(UnauthorizedError):
                await empty.campaigns()
        async with MarketClient("right-key", url) as right:
            assert await right.campaigns()
    finally:
        stop_server(server, thread)


@pytest.mark.asyncio
async def test_laas_order_lifecycle_and_order_stats(client: MarketClient, sandbox_server: Any) -> None:
    sandbox = sandbox_server.sandbox
    laas = next(c.id for c in await client.campaigns() if c.placement_type == "LAAS")
    offer = sorted(sandbox.catalogue)[0]
    address = "Москва, ул. Тверская, д. 1"
    options = await client.delivery_options(
        laas,
        GetDeliveryOptionsRequest(
            items=[GetDeliveryOptionsItemDTO(offer_id=offer, count=1)],
            courier_delivery=CourierDeliveryParametersDTO(full_address=address),
        ),
    )
    warehouse = options.warehouses_delivery_options[0]
    courier = warehouse.delivery_options.courier_delivery
    assert courier is not None
    option = courier.courier_delivery_options[0]
    created = await client.create_order(
        laas,
        CreateOrderRequest(
            order=CreateOrderDTO(
                external_order_id="LAAS-1",
                items_delivery=[
                    CreateOrderWarehouseItemsDTO(
                        warehouse_id=warehouse.warehouse_id,
                        items=[
                            CreateOrderItemDTO(offer_id=offer, count=1, price=CurrencyPriceDTO(value=500))
                        ],
                        delivery_date_interval=option.delivery_date_interval,
                        delivery_time_interval=option.delivery_time_interval,
                    )
                ],
                destination=CreateOrderDeliveryOptionDTO(
                    courier_delivery=OrderCourierDeliveryDTO(
                        address=CourierDeliveryAddressDTO(full_address=address, apartment="5")
                    )
                ),
                customer=CustomerDTO(first_name="Анна", last_name="Смирнова", phone="+79990001122"),
                fake=True,
            )
        ),
    )
    assert len(created) == 1
    intervals = await client.order_update_options(laas, created[0])
    assert intervals
    operations = await client.update_order(
        laas,
        UpdateOrderRequest(
            order=UpdateOrderDTO(
                id=created[0],
                customer=CustomerDTO(first_name="Анна", last_name="Петрова", phone="+79990001133"),
            )
        ),
    )
    assert [op.type for op in operations] == ["ORDER_RECIPIENT_UPDATE"]
    sandbox.advance_clock(60)
    states = await client.operations(DEMO_BUSINESS_ID, "ORDER_RECIPIENT_UPDATE", [op.id for op in operations])
    assert [(s.id, s.status) for s in states] == [(operations[0].id, "DONE")]
    today = sandbox.now().date()
    window = GetOrdersStatsRequest(date_from=today - timedelta(days=7), date_to=today + timedelta(days=1))
    stats = [o async for o in client.iter_orders_stats(DEMO_CAMPAIGN_ID, window, limit=5)]
    assert {o.id for o in stats} == {o.id for o in sandbox.all_orders([DEMO_CAMPAIGN_ID])}


@pytest.mark.asyncio
async def test_promo_lines_come_from_the_legacy_order_the_business_reader_lacks_them(
    gateway: MarketGateway, sandbox_server: Any
) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order((("MUG-300", 2), ("CASE-PHONE", 1)), promo_offer="CASE-PHONE")
    mug, case = order.lines
    read = await gateway.get_order(order.id)
    assert not any(line.promo for line in read.lines)  # BusinessOrderItemDTO has no `promos`
    assert await gateway.promo_lines(order.id) == frozenset({case.id})
    refused = LayoutPlan((BoxPlan((BoxEntry(mug.id, full_count=2),)),), allow_remove=True)
    with pytest.raises(BadRequestError) as promo:
        await gateway.set_box_layout(order.id, refused)
    assert promo.value.codes == ("PROMO_PROHIBITS_DELETE",)
    assert sandbox.find(order.id).line(case.id) is not None
