"""MarketGateway over MockTransport: business orders map to domain orders (Express deadline,
programs, required codes, promo), offers are enriched once and degrade quietly without the
catalogue scope, and packing results map to domain values."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import httpx
import pytest

from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.labels import LabelFormat
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan
from packstation.domain.order import BuyerType, Program, RequiredCode
from packstation.domain.verification import CodeStatus, EacVerdict
from packstation.market import MarketGateway, NotFoundError
from packstation.market.gateway import order_from_wire
from packstation.market.models import BusinessOrderDTO
from packstation.services.ports import OrderQuery
from tests.market.fakes import FakeClock, make_client
from tests.market.spec_support import json_response

MSK = timezone(timedelta(hours=3))


def wire_order(order_id: int = 51, **changes: Any) -> dict[str, Any]:
    order: dict[str, Any] = {
        "orderId": order_id,
        "campaignId": 2001,
        "programType": "EXPRESS",
        "status": "PROCESSING",
        "substatus": "STARTED",
        "creationDate": "2026-11-23T10:00:00+03:00",
        "updateDate": "2026-11-23T10:05:00+03:00",
        "paymentType": "PREPAID",
        "paymentMethod": "YANDEX",
        "fake": False,
        "buyerType": "BUSINESS",
        "externalOrderId": "EXT-51",
        "items": [
            {
                "id": 901,
                "offerId": "SHOES-42",
                "offerName": "Кроссовки",
                "count": 2,
                "prices": {"payment": {"value": 5980.5, "currencyId": "RUR"}},
                "requiredInstanceTypes": ["CIS", "FUTURE_KIND"],
            },
            {
                "id": 902,
                "offerId": "AC-SPLIT",
                "offerName": "Сплит-система",
                "count": 1,
                "promos": [{"type": "DIRECT_DISCOUNT"}],
            },
        ],
        "delivery": {
            "type": "DELIVERY",
            "serviceName": "Яндекс Go Экспресс",
            "deliveryServiceId": 1005471,
            "deliveryPartnerType": "YANDEX_MARKET",
            "dates": {"fromDate": "2026-11-23"},
            "shipment": {"shipmentDate": "2026-11-23", "shipmentTime": "12:30"},
            "transfer": {"eac": {"eacType": "COURIER_TO_MERCHANT"}},
            "boxesLayout": [{"boxId": 300000001, "barcode": "51-1", "items": [{"id": 901, "fullCount": 2}]}],
        },
    }
    order.update(changes)
    return order


MAPPINGS = {
    "status": "OK",
    "result": {
        "offerMappings": [
            {
                "offer": {
                    "offerId": "SHOES-42",
                    "barcodes": ["4601234567893"],
                    "pictures": ["https://p/1.jpg", "x"],
                }
            },
            {"offer": {"offerId": "AC-SPLIT", "boxCount": 2}},
        ]
    },
}


def test_business_order_maps_to_a_domain_order() -> None:
    order = order_from_wire(BusinessOrderDTO.model_validate(wire_order()))
    assert order.program is Program.EXPRESS
    assert order.is_express
    assert order.ship_by == datetime(2026, 11, 23, 12, 30, tzinfo=MSK)  # no offset given: Moscow
    assert order.buyer_type is BuyerType.BUSINESS
    assert order.lines[0].required == frozenset({RequiredCode.CIS})  # unknown kinds are dropped
    assert order.lines[0].price == Decimal("5980.5")
    assert order.lines[1].promo
    assert not order.lines[0].promo
    assert order.box_ids == (300000001,)
    assert order.eac_type == "COURIER_TO_MERCHANT"
    assert order.external_id == "EXT-51"
    assert order.needs_codes


def test_shipment_time_with_an_offset_keeps_it_and_fbs_has_no_deadline() -> None:
    express = wire_order()
    express["delivery"]["shipment"]["shipmentTime"] = "12:30:00+05:00"
    assert order_from_wire(BusinessOrderDTO.model_validate(express)).ship_by == datetime(
        2026, 11, 23, 12, 30, tzinfo=timezone(timedelta(hours=5))
    )
    fbs = wire_order(programType="FBS")
    fbs["delivery"]["shipment"] = {"shipmentDate": "2026-11-24", "shipmentTime": None}
    order = order_from_wire(BusinessOrderDTO.model_validate(fbs))
    assert order.program is Program.FBS
    assert order.ship_by is None
    assert order.shipment_date is not None


class Market:
    """A scripted Market: business orders (two pages) and offer mappings (or 403)."""

    def __init__(self, mappings_status: int = 200) -> None:
        self.requests: list[httpx.Request] = []
        self.mappings_status = mappings_status
        self.mappings: dict[str, Any] = json.loads(json.dumps(MAPPINGS))

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if path.endswith("/offer-mappings"):
            if self.mappings_status == 403:
                body = {"status": "ERROR", "errors": [{"code": "FORBIDDEN", "message": "no scope"}]}
                return json_response(body, 403)
            if self.mappings_status != 200:
                body = {"status": "ERROR", "errors": [{"code": "INTERNAL_ERROR", "message": "down"}]}
                return json_response(body, self.mappings_status)
            return json_response(self.mappings)
        if path.endswith("/orders"):
            token = request.url.params.get("pageToken")
            if token is None:
                return json_response({"orders": [wire_order(51)], "paging": {"nextPageToken": "p2"}})
            return json_response({"orders": [wire_order(52)], "paging": {}})
        raise AssertionError(path)

    def bodies(self, suffix: str) -> list[Any]:
        return [json.loads(r.content) for r in self.requests if r.url.path.endswith(suffix)]


@pytest.mark.asyncio
async def test_order_pages_are_filtered_enriched_and_offers_cached() -> None:
    market = Market()
    async with make_client(market, FakeClock()) as client:
        gateway = MarketGateway(client, 1001, 2001)
        query = OrderQuery(
            statuses=("PROCESSING",),
            substatuses=("STARTED",),
            programs=(Program.EXPRESS,),
            updated_from=datetime(2026, 11, 23, 9, tzinfo=MSK),
        )
        pages = [page async for page in gateway.iter_order_pages(query)]
    assert [[o.id for o in page] for page in pages] == [[51], [52]]
    first = pages[0][0]
    assert first.lines[0].barcodes == ("4601234567893",)
    assert first.lines[0].picture_url == "https://p/1.jpg"
    assert first.lines[1].parts_per_unit == 2
    body = market.bodies("/orders")[0]
    assert body == {
        "campaignIds": [2001],
        "statuses": ["PROCESSING"],
        "substatuses": ["STARTED"],
        "programTypes": ["EXPRESS"],
        "dates": {"updateDateFrom": "2026-11-23T09:00:00+03:00"},
    }
    assert len(market.bodies("/offer-mappings")) == 1  # the second page reuses the cache


@pytest.mark.asyncio
async def test_a_box_count_changed_in_the_catalogue_reaches_the_next_read() -> None:
    market = Market()
    async with make_client(market, FakeClock()) as client:
        gateway = MarketGateway(client, 1001, 2001)
        first = await gateway.get_order(51)
        market.mappings["result"]["offerMappings"][1]["offer"]["boxCount"] = 3
        pages = [page async for page in gateway.iter_order_pages(OrderQuery())]
        again = await gateway.get_order(51)
        # The catalogue cannot answer: the last facts it gave stand in.
        market.mappings_status = 500
        fallback = await gateway.get_order(51)
    assert first.lines[1].parts_per_unit == 2
    assert [o.lines[1].parts_per_unit for page in pages for o in page] == [3, 3]
    assert again.lines[1].parts_per_unit == 3
    assert fallback.lines[1].parts_per_unit == 3


@pytest.mark.asyncio
async def test_without_catalogue_scope_orders_still_flow_and_the_gateway_stops_asking() -> None:
    market = Market(mappings_status=403)
    async with make_client(market, FakeClock()) as client:
        gateway = MarketGateway(client, 1001, 2001)
        pages = [page async for page in gateway.iter_order_pages(OrderQuery())]
    assert [o.id for page in pages for o in page] == [51, 52]
    assert pages[0][0].lines[0].barcodes == ()
    assert not gateway.catalogue_available
    assert len(market.bodies("/offer-mappings")) == 1


@pytest.mark.asyncio
async def test_many_order_ids_are_split_into_requests_of_50() -> None:
    market = Market()
    async with make_client(market, FakeClock()) as client:
        gateway = MarketGateway(client, 1001, 2001, enrich_offers=False)
        async for _ in gateway.iter_order_pages(OrderQuery(order_ids=tuple(range(1, 121)))):
            pass
    first_pages = [
        b
        for r, b in zip(market.requests, market.bodies("/orders"), strict=True)
        if "pageToken" not in r.url.params
    ]
    assert [len(b["orderIds"]) for b in first_pages] == [50, 50, 20]


@pytest.mark.asyncio
async def test_get_order_of_another_store_is_not_found() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response({"orders": [], "paging": {}})

    async with make_client(handler, FakeClock()) as client:
        with pytest.raises(NotFoundError):
            await MarketGateway(client, 1001, 2001).get_order(7)


@pytest.mark.asyncio
async def test_packing_calls_map_to_domain_values() -> None:
    gs_code = "010460123456789321abc\x1d93Zz"
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        path = request.url.path
        if path.endswith("/boxes"):
            boxes = json.loads(request.content)["boxes"]
            echo = [{"boxId": 300 + n, "items": box["items"]} for n, box in enumerate(boxes)]
            return json_response({"status": "OK", "result": {"boxes": echo}})
        if path.endswith("/identifiers/status"):
            items = [
                {
                    "id": 901,
                    "cis": [{"value": gs_code, "status": "INVALID", "substatus": "ITEM_SOLD"}],
                    "uin": [{"value": "1234567890123456", "status": "SOMETHING_NEW"}],
                }
            ]
            return json_response({"status": "OK", "result": {"items": items}})
        if path.endswith("/verifyEac"):
            return json_response(
                {"status": "OK", "result": {"verificationResult": "REJECTED", "attemptsLeft": 1}}
            )
        if path.endswith("/labels/data"):
            label = {
                "url": "u",
                "supplierName": "ООО",
                "deliveryServiceName": "Экспресс",
                "orderId": 51,
                "orderNum": "51",
                "recipientName": "Иванов И.",
                "boxId": 300,
                "fulfilmentId": "51-1",
                "place": "1/1",
                "weight": "1 кг",
                "deliveryServiceId": "1005471",
                "shipmentDate": "23.11.2026",
            }
            return json_response(
                {
                    "status": "OK",
                    "result": {"orderId": 51, "placesNumber": 1, "url": "u", "parcelBoxLabels": [label]},
                }
            )
        if path.endswith("/label") or path.endswith("/labels"):
            return httpx.Response(200, content=b"%PDF-1.4 x", headers={"content-type": "application/pdf"})
        if path.endswith("/status-update"):
            return json_response(
                {
                    "status": "OK",
                    "result": {
                        "orders": [
                            {
                                "id": 51,
                                "status": "PROCESSING",
                                "substatus": "READY_TO_SHIP",
                                "updateStatus": "OK",
                            },
                            {"id": 52, "updateStatus": "ERROR", "errorDetails": "Order 52 is cancelled"},
                        ]
                    },
                }
            )
        if path.endswith("/status"):
            return json_response({"order": {"id": 51, "status": "PROCESSING", "substatus": "READY_TO_SHIP"}})
        raise AssertionError(path)

    plan = LayoutPlan(
        (BoxPlan((BoxEntry(901, full_count=1, instances=(Instance(InstanceKind.CIS, gs_code),)),)),)
    )
    async with make_client(handler, FakeClock()) as client:
        gateway = MarketGateway(client, 1001, 2001)
        stored = await gateway.set_box_layout(51, plan)
        checks = await gateway.code_checks(51)
        eac = await gateway.verify_eac(51, "0000")
        labels = await gateway.labels_data(51)
        pdf = await gateway.box_label_pdf(51, 300, LabelFormat.A9_HORIZONTALLY)
        single = await gateway.set_status(51, "PROCESSING", "READY_TO_SHIP")
        bulk = await gateway.set_statuses(
            [
                (51, "PROCESSING", "READY_TO_SHIP"),
                (52, "PROCESSING", "READY_TO_SHIP"),
                (53, "PROCESSING", "READY_TO_SHIP"),
            ]
        )
    assert stored[0].box_id == 300
    assert stored[0].plan == plan.boxes[0]
    assert b"\\u001d" in sent[0].content
    assert (checks[0].status, checks[0].substatus, checks[0].value) == (
        CodeStatus.INVALID,
        "ITEM_SOLD",
        gs_code,
    )
    assert (checks[1].kind, checks[1].status) == (InstanceKind.UIN, CodeStatus.UNKNOWN)
    assert (eac.verdict, eac.attempts_left) == (EacVerdict.REJECTED, 1)
    assert labels.places == 1
    assert labels.boxes[0].fulfilment_id == "51-1"
    assert labels.boxes[0].shipment_date is not None
    assert pdf.startswith(b"%PDF")
    assert sent[4].url.params["format"] == "A9_HORIZONTALLY"
    assert (single.ok, single.substatus) == (True, "READY_TO_SHIP")
    assert [(c.order_id, c.ok, c.error) for c in bulk] == [
        (51, True, None),
        (52, False, "Order 52 is cancelled"),
        (53, False, "the Market did not report this order"),
    ]


def test_the_catalogue_country_reaches_the_order_line_as_an_iso_code() -> None:
    from packstation.market.gateway import OfferFacts
    from packstation.market.models.catalogue import GetOfferMappingDTO

    def facts(countries: list[str]) -> OfferFacts:
        raw = {"offer": {"offerId": "X", "manufacturerCountries": countries}}
        return OfferFacts.from_mapping(GetOfferMappingDTO.model_validate(raw))

    assert facts(["Китай"]).country_code == "CN"
    assert facts(["Неведомая страна", "Италия"]).country_code == "IT"  # the first one known
    assert facts(["Неведомая страна"]).country_code == ""
    wire = wire_order()
    offers = {wire["items"][0]["offerId"]: facts(["Турция"])}
    order = order_from_wire(BusinessOrderDTO.model_validate(wire), offers)
    assert order.lines[0].country_code == "TR"
