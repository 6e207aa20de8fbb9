"""Every response the sandbox produces validates against the official Market OpenAPI spec.

Only the two spec defects of NOTES 2(f)12 are tolerated, by patching the spec here and nowhere
else: `paymentMethods` required but never defined (CourierDeliveryOptionDTO, PickupOptionsDTO),
and the malformed `fulfilmentId` pattern of ParcelBoxDTO / ParcelBoxRequestDTO.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

import httpx
import pytest
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from packstation.sandbox.app import SandboxConfig, create_app
from packstation.sandbox.clock import SandboxClock
from packstation.sandbox.state import Sandbox
from tests.fixtures.sandbox import SandboxServer, serve_in_thread, stop_server
from tests.market.spec_support import spec_dict as _spec_dict
from tests.sandbox.test_laas_and_stats import create_body

HOST = "https://api.partner.market.yandex.ru"


@cache
def market_openapi() -> OpenAPI:
    spec = copy.deepcopy(_spec_dict())
    schemas = spec["components"]["schemas"]
    for name in ("CourierDeliveryOptionDTO", "PickupOptionsDTO"):  # defect 1: undefined required field
        schemas[name]["required"].remove("paymentMethods")
    for name in ("ParcelBoxDTO", "ParcelBoxRequestDTO"):  # defect 2: "[[a-zA-Z0-9]- ]" meant "[a-zA-Z0-9- ]"
        schemas[name]["properties"]["fulfilmentId"]["pattern"] = "^[a-zA-Z0-9- ]*$"
    return OpenAPI.from_dict(spec)


@dataclass
class Exchange:
    method: str
    path: str
    query: dict[str, str]
    status: int
    content_type: str
    body: bytes


class Recorder:
    """Runs requests in-process and keeps every exchange for validation."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client
        self.exchanges: list[Exchange] = []

    def __call__(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        params: dict[str, str] | None = None,
        expect: int = 200,
    ) -> Any:
        response = self.client.request(method, path, json=json_body, params=params)
        assert response.status_code == expect, (method, path, response.text[:300])
        self.exchanges.append(
            Exchange(
                method,
                path,
                dict(params or {}),
                response.status_code,
                response.headers["content-type"].split(";")[0],
                response.content,
            )
        )
        return response.json() if response.headers["content-type"].startswith("application/json") else None


def _scenario(call: Recorder, sandbox: Sandbox) -> None:
    """Touch every endpoint the sandbox serves, in success and in error."""
    c = "/v2/campaigns/2001"
    call("POST", "/v2/auth/token")
    call("GET", "/v2/campaigns", params={"limit": "2"})
    call("GET", c)
    call("GET", f"{c}/settings")
    call("GET", "/v2/campaigns/9999", expect=403)
    orders = call("POST", "/v1/businesses/1001/orders", json_body={}, params={"limit": "20"})["orders"]
    call(
        "POST",
        "/v1/businesses/1001/orders",
        json_body={"programTypes": ["EXPRESS"], "statuses": ["PROCESSING"]},
    )
    call("GET", f"{c}/orders", params={"limit": "5"})
    call("POST", "/v2/businesses/1001/offer-mappings", json_body={"offerIds": ["SPLIT-09", "MUG-300"]})
    call("GET", "/v2/delivery/services")
    # A marked FBS order packed end to end.
    order = sandbox.add_order((("SHOE-RUN-43", 2), ("SPLIT-09", 1)), buyer_type="BUSINESS")
    shoe, split = (line.id for line in order.lines)
    codes = sandbox.codes_for("SHOE-RUN-43")[:2]
    path = f"{c}/orders/{order.id}"
    call("GET", path)
    call("POST", f"{path}/business-buyer")
    call("GET", f"{path}/buyer")
    boxes = [{"items": [{"id": shoe, "fullCount": 2, "instances": [{"cis": x} for x in codes]}]}] + [
        {"items": [{"id": split, "partialCount": {"current": n, "total": 2}}]} for n in (1, 2)
    ]
    call("PUT", f"{path}/boxes", json_body={"boxes": boxes})
    call("PUT", f"{path}/boxes", json_body={"boxes": boxes[:1]}, expect=400)
    call("POST", f"{path}/identifiers/status")
    call(
        "PUT",
        f"{path}/status",
        json_body={"order": {"status": "PROCESSING", "substatus": "READY_TO_SHIP"}},
        expect=400,
    )
    sandbox.finish_verifications()
    call("POST", f"{path}/identifiers/status")
    call("POST", f"{path}/external-id", json_body={"externalOrderId": "ZK-77"})
    call("GET", f"{path}/delivery/labels/data")
    call("GET", f"{path}/delivery/labels", params={"format": "A9_HORIZONTALLY"})
    box_id = sandbox.find(order.id).boxes[0].box_id
    call("GET", f"{path}/delivery/shipments/1/boxes/{box_id}/label", params={"format": "A7"})
    call("POST", "/v1/businesses/1001/orders", json_body={"orderIds": [order.id]})
    call("PUT", f"{path}/status", json_body={"order": {"status": "PROCESSING", "substatus": "READY_TO_SHIP"}})
    report = call(
        "POST",
        "/v2/reports/documents/labels/generate",
        json_body={"businessId": 1001, "orderIds": [order.id]},
    )
    report_id = report["result"]["reportId"]
    call("GET", f"/v2/reports/info/{report_id}")
    sandbox.finish_verifications()
    call("GET", f"/v2/reports/info/{report_id}")
    call("GET", "/v2/reports/info/nope", expect=404)
    call("POST", "/v2/reports/documents/shipment-list/generate", json_body={"campaignId": 2001}, expect=400)
    pick = call(
        "POST",
        "/v2/reports/documents/shipment-list/generate",
        json_body={"campaignId": 2001, "shipmentId": sandbox.find(order.id).shipment_id},
    )
    sandbox.finish_verifications()
    call("GET", f"/v2/reports/info/{pick['result']['reportId']}")
    # Bulk status change with a partial failure, an Express handover, a DBS order.
    first = orders[0]["orderId"]
    call(
        "POST",
        f"{c}/orders/status-update",
        json_body={
            "orders": [
                {"id": first, "status": "CANCELLED", "substatus": "SHOP_FAILED"},
                {"id": first, "status": "PROCESSING", "substatus": "READY_TO_SHIP"},
            ]
        },
    )
    express = sandbox.add_order((("CHARGER-65", 1),), program="EXPRESS")
    sandbox.set_layout(
        2001, express.id, {"boxes": [{"items": [{"id": express.lines[0].id, "fullCount": 1}]}]}
    )
    sandbox.update_status(2001, express.id, "PROCESSING", "READY_TO_SHIP")
    sandbox.advance_clock(sandbox.config.courier_step * 3)
    call("POST", "/v1/businesses/1001/orders", json_body={"orderIds": [express.id]})
    call("GET", f"{c}/orders/{express.id}")
    call("PUT", f"{c}/orders/{express.id}/verifyEac", json_body={"code": "wrong"})
    call("PUT", f"{c}/orders/{express.id}/verifyEac", json_body={"code": sandbox.eac_code(express.id)})
    gives = sandbox.add_order((("CHARGER-65", 1),), program="EXPRESS")  # eacCode in both readers
    sandbox.set_eac_type(gives.id, "MERCHANT_TO_COURIER")
    sandbox.set_layout(2001, gives.id, {"boxes": [{"items": [{"id": gives.lines[0].id, "fullCount": 1}]}]})
    sandbox.update_status(2001, gives.id, "PROCESSING", "READY_TO_SHIP")
    sandbox.advance_clock(sandbox.config.courier_step * 4)
    call("POST", "/v1/businesses/1001/orders", json_body={"orderIds": [gives.id]})
    call("GET", f"{c}/orders/{gives.id}")
    dbs = sandbox.add_order((("SHOE-WIN-38", 1),), program="DBS")
    dbs_path = f"/v2/campaigns/2002/orders/{dbs.id}"
    call(
        "PUT",
        f"{dbs_path}/identifiers",
        json_body={
            "items": [{"id": dbs.lines[0].id, "instances": [{"cis": sandbox.codes_for("SHOE-WIN-38")[0]}]}]
        },
    )
    call("GET", f"{dbs_path}/buyer")
    call("GET", "/v2/campaigns/2001/orders/1", expect=404)
    call("GET", "/v2/campaigns/2002/orders", params={"limit": "3"})
    call(
        "PUT",
        f"{dbs_path}/delivery/date",
        json_body={"dates": {"toDate": "2030-02-01"}, "reason": "PARTNER_MOVED_DELIVERY_DATES"},
    )
    call("POST", f"{dbs_path}/delivery/track", json_body={"trackCode": "TR-9", "deliveryServiceId": 1})
    call("PUT", f"{dbs_path}/delivery/storage-limit", json_body={"newDate": "2030-02-03"})
    call("POST", "/v2/businesses/1001/offer-mappings", json_body={}, params={"limit": "5"})
    call("POST", f"{c}/stats/orders", json_body={"orders": [order.id, first]})
    # LaaS: options, a draft order, its update and operations, and a cancellation.
    laas = "/v1/campaigns/2003"
    call(
        "POST",
        f"{laas}/delivery-options",
        json_body={
            "items": [{"offerId": "MUG-300", "count": 1}],
            "pickupDelivery": {"logisticPointsIds": [1001, 1006]},
        },
    )
    points = call("POST", "/v1/businesses/1001/logistics-points", params={"limit": "2"})
    call(
        "POST",
        "/v1/businesses/1001/logistics-points",
        params={"pageToken": points["result"]["paging"]["nextPageToken"]},
    )
    stocks = call("POST", "/v2/campaigns/2003/offers/stocks", json_body={}, params={"limit": "5"})
    call(
        "POST",
        "/v2/campaigns/2003/offers/stocks",
        params={"pageToken": stocks["result"]["paging"]["nextPageToken"]},
        json_body={},
    )
    call("POST", "/v2/campaigns/2003/offers/stocks", json_body={"offerIds": ["MUG-300"], "hasStocks": True})
    call(
        "POST",
        f"{laas}/delivery-options",
        json_body={
            "items": [{"offerId": "WASHER-6KG", "count": 1}],
            "courierDelivery": {"fullAddress": "Москва"},
        },
        expect=400,
    )
    call("POST", f"{laas}/orders/create", json_body=create_body("PVZ-1", pickup=True))
    call(
        "POST",
        f"{laas}/delivery-options",
        json_body={
            "items": [{"offerId": "MUG-300", "count": 1}],
            "courierDelivery": {"fullAddress": "Москва"},
        },
    )
    created = call("POST", f"{laas}/orders/create", json_body=create_body(draft=True))
    laas_id = created["result"]["orders"][0]["id"]
    options = call("POST", f"{laas}/orders/update-options", json_body={"id": laas_id})
    interval = options["result"]["deliveryIntervals"]["availableDeliveryIntervals"][0]
    update = call(
        "POST", f"{laas}/orders/update", json_body={"order": {"id": laas_id, "deliveryInterval": interval}}
    )
    operation = update["result"]["operations"][0]
    call(
        "POST",
        "/v1/businesses/1001/operations",
        json_body={"operationType": operation["type"], "operationIds": [operation["id"]]},
    )
    call(
        "PUT",
        f"/v2/campaigns/2003/orders/{laas_id}/status",
        json_body={"order": {"status": "PROCESSING", "substatus": "STARTED"}},
    )
    call(
        "PUT",
        f"/v2/campaigns/2003/orders/{laas_id}/status",
        json_body={"order": {"status": "CANCELLED", "substatus": "SHOP_FAILED"}},
    )
    call(
        "POST",
        "/v2/campaigns/2003/orders/status-update",
        json_body={"orders": [{"id": laas_id, "status": "CANCELLED", "substatus": "SHOP_FAILED"}]},
    )
    sandbox.advance_clock(5)
    call(
        "POST",
        "/v1/businesses/1001/operations",
        json_body={"operationType": "ORDER_STATUS_UPDATE", "operationIds": [operation["id"], "op-none"]},
    )
    call("POST", "/v1/businesses/1001/orders", json_body={"orderIds": [laas_id]})
    call("POST", "/v2/campaigns/2003/stats/orders", json_body={})
    # First-mile: a shipment before its cutoff refuses confirmation and its act.
    shipment = sandbox.find(order.id).shipment_id
    day = sandbox.find(order.id).shipment_date.isoformat()
    fm = f"{c}/first-mile/shipments"
    lone = sandbox.add_order()
    sandbox.move_shipment_date(lone.id, date(2031, 5, 20))
    sandbox.set_layout(2001, lone.id, {"boxes": [{"items": [{"id": lone.lines[0].id, "fullCount": 1}]}]})
    sandbox.update_status(2001, lone.id, "PROCESSING", "READY_TO_SHIP")
    call("PUT", fm, json_body={"dateFrom": day, "dateTo": "2031-05-20"})
    call("GET", f"{fm}/{shipment}")
    call("GET", f"{fm}/{shipment}/orders/info")
    call("POST", f"{fm}/{lone.shipment_id}/confirm", json_body={}, expect=400)
    call("GET", f"{fm}/{lone.shipment_id}/act", expect=400)
    # The demo's shipment of today is past its cutoff: confirm, act, waybill; then accepted with
    # discrepancies: inbound and discrepancy acts.
    today = sandbox.shipment(sandbox.opened_at.date()).id
    call("GET", f"{fm}/{today}")
    call("POST", f"{fm}/{today}/confirm", json_body={"externalShipmentId": "S-1"})
    call("GET", f"{fm}/{today}/act")
    call("GET", f"{fm}/{today}/transportation-waybill")
    call("GET", f"{fm}/{today}/inbound-act", expect=400)
    sandbox.accept_shipment(today, discrepancies=True)
    call("GET", f"{fm}/{today}")
    call("PUT", fm, json_body={"dateFrom": day, "dateTo": day, "statuses": ["ACCEPTED_WITH_DISCREPANCIES"]})
    call("GET", f"{fm}/{today}/inbound-act")
    call("GET", f"{fm}/{today}/discrepancy-act")
    # Tomorrow's is on pallets: count and labels.
    pallets = sandbox.shipment(sandbox.opened_at.date() + timedelta(days=1)).id
    call("GET", f"{fm}/{pallets}")
    call("PUT", f"{fm}/{pallets}/pallets", json_body={"placesCount": 2})
    call("GET", f"{fm}/{pallets}/pallet/labels", params={"format": "A8"})
    call("PUT", f"{fm}/{lone.shipment_id}/pallets", json_body={"placesCount": 2}, expect=400)
    call("GET", f"{c}/shipments/reception-transfer-act")


@pytest.fixture
def served() -> Iterator[SandboxServer]:
    """A sandbox on a frozen clock, over real HTTP."""
    app = create_app(SandboxConfig(clock=SandboxClock(start=datetime(2026, 3, 2, 10, 0))))
    server, thread, url = serve_in_thread(app)
    try:
        yield SandboxServer(url, app, app.state.sandbox)
    finally:
        stop_server(server, thread)


@pytest.fixture
def recorder(served: SandboxServer) -> Iterator[Recorder]:
    with httpx.Client(base_url=served.url, headers={"Api-Key": "k"}, timeout=30) as client:
        yield Recorder(client)


def test_every_response_matches_the_spec(recorder: Recorder, served: SandboxServer) -> None:
    _scenario(recorder, served.sandbox)
    openapi = market_openapi()
    problems = []
    for exchange in recorder.exchanges:
        request = MockRequest(
            HOST, exchange.method.lower(), exchange.path, args=exchange.query, headers={"Api-Key": "k"}
        )
        response = MockResponse(
            exchange.body, status_code=exchange.status, content_type=exchange.content_type
        )
        errors = list(openapi.iter_response_errors(request, response))
        if errors:
            details = "; ".join(str(getattr(e, "schema_errors", e)) for e in errors)[:600]
            problems.append(f"{exchange.method} {exchange.path} -> {exchange.status}: {details}")
    assert not problems, "\n".join(problems)
    assert len(recorder.exchanges) >= 50


def test_validation_catches_a_broken_response(recorder: Recorder) -> None:
    """The checker itself: a business order without its required `items` must be rejected."""
    body = recorder("POST", "/v1/businesses/1001/orders", json_body={}, params={"limit": "1"})
    del body["orders"][0]["items"]
    request = MockRequest(HOST, "post", "/v1/businesses/1001/orders")
    response = MockResponse(json.dumps(body).encode())
    assert list(market_openapi().iter_response_errors(request, response))
