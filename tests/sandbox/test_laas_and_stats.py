"""LaaS create/update/update-options/operations, order stats and DBS delivery helpers."""

from __future__ import annotations

import copy
from typing import Any

import httpx

from packstation.sandbox.demo_data import DEMO_LAAS_CAMPAIGN_ID
from tests.fixtures.sandbox import SandboxServer
from tests.sandbox.helpers import assert_error, box, error_code, order_path, put_boxes, whole

LAAS = f"/v1/campaigns/{DEMO_LAAS_CAMPAIGN_ID}"


COURIER = {
    "courierDelivery": {"address": {"fullAddress": "Москва, ул. Тверская, д. 1"}, "notes": "Домофон 12"}
}
PICKUP = {"pickupDelivery": {"logisticPointId": 1001}}


def create_body(external: str = "LAAS-1", *, draft: bool = False, pickup: bool = False) -> dict[str, Any]:
    return {
        "order": {
            "externalOrderId": external,
            "itemsDelivery": [
                {
                    "warehouseId": 300,
                    "items": [
                        {"offerId": "MUG-300", "count": 2, "price": {"value": 400, "currencyId": "RUR"}},
                        {"offerId": "BOOK-WP", "count": 1, "price": {"value": 700, "currencyId": "RUR"}},
                    ],
                    "deliveryDateInterval": {"fromDate": "2030-01-10", "toDate": "2030-01-11"},
                    "deliveryTimeInterval": {"fromTime": "10:00", "toTime": "14:00"},
                }
            ],
            "destination": copy.deepcopy(PICKUP if pickup else COURIER),
            "customer": {"firstName": "Анна", "lastName": "Петрова", "phone": "+79990001122"},
            "packaging": {},
            "paymentType": "PREPAID",
            "draft": draft,
        }
    }


def test_delivery_options(api: httpx.Client) -> None:
    body = {
        "items": [{"offerId": "MUG-300", "count": 1}],
        "courierDelivery": {"fullAddress": "Москва, Тверская, 1"},
    }
    options = api.post(f"{LAAS}/delivery-options", json=body).json()["result"]["warehousesDeliveryOptions"]
    assert options[0]["items"] == [{"offerId": "MUG-300", "count": 1}]
    courier = options[0]["deliveryOptions"]["courierDelivery"]["courierDeliveryOptions"]
    assert len(courier) == 9  # three days, three time slots each
    assert {o["deliveryTimeInterval"]["fromTime"] for o in courier} == {"10:00", "14:00", "18:00"}
    both = dict(body, pickupDelivery={"logisticPointsIds": [1001]})
    assert error_code(api.post(f"{LAAS}/delivery-options", json=both)) == "BAD_REQUEST"
    unknown = {"items": [{"offerId": "NOPE", "count": 1}], "pickupDelivery": {"logisticPointsIds": [1001]}}
    assert error_code(api.post(f"{LAAS}/delivery-options", json=unknown)) == "OFFER_NOT_FOUND"
    sold_out = {
        "items": [{"offerId": "WASHER-6KG", "count": 1}],
        "pickupDelivery": {"logisticPointsIds": [1001]},
    }
    assert error_code(api.post(f"{LAAS}/delivery-options", json=sold_out)) == "NOT_ENOUGH_STOCK"
    far = dict(body, courierDelivery={"fullAddress": "Магадан, ул. Ленина, 1"})
    assert error_code(api.post(f"{LAAS}/delivery-options", json=far)) == "DELIVERY_NOT_AVAILABLE"
    split = {
        "items": [{"offerId": "MUG-300", "count": 1}, {"offerId": "SPLIT-09", "count": 1}],
        "pickupDelivery": {"logisticPointsIds": [1001, 1006]},
    }
    by_warehouse = api.post(f"{LAAS}/delivery-options", json=split).json()["result"][
        "warehousesDeliveryOptions"
    ]
    # One warehouse holds both, so it ships both; asking for another splits the order.
    assert [(w["warehouseId"], [i["offerId"] for i in w["items"]]) for w in by_warehouse] == [
        (301, ["MUG-300", "SPLIT-09"])
    ]
    split["items"][0]["warehouseId"] = 300
    by_warehouse = api.post(f"{LAAS}/delivery-options", json=split).json()["result"][
        "warehousesDeliveryOptions"
    ]
    assert [(w["warehouseId"], [i["offerId"] for i in w["items"]]) for w in by_warehouse] == [
        (300, ["MUG-300"]),
        (301, ["SPLIT-09"]),
    ]
    fbs = api.post("/v1/campaigns/2001/delivery-options", json=body)
    assert fbs.status_code == 403


def test_create_draft_confirm_and_read_back(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    created = api.post(f"{LAAS}/orders/create", json=create_body(draft=True)).json()["result"]["orders"]
    order_id = created[0]["id"]
    read = api.post("/v1/businesses/1001/orders", json={"orderIds": [order_id]}).json()["orders"][0]
    assert (read["status"], read["programType"], read["externalOrderId"]) == ("RESERVED", "LAAS", "LAAS-1")
    assert [(i["offerId"], i["count"]) for i in read["items"]] == [("MUG-300", 2), ("BOOK-WP", 1)]
    confirm = api.put(
        f"/v2/campaigns/{DEMO_LAAS_CAMPAIGN_ID}/orders/{order_id}/status",
        json={"order": {"status": "PROCESSING", "substatus": "STARTED"}},
    )
    assert confirm.status_code == 200
    assert confirm.json()["operation"]["type"] == "ORDER_STATUS_UPDATE"
    operation = confirm.json()["operation"]
    query = {"operationType": operation["type"], "operationIds": [operation["id"]]}
    assert _operation_status(api, query) == "IN_PROGRESS"
    sandbox_server.sandbox.advance_clock(2)
    assert _operation_status(api, query) == "DONE"
    read = api.post("/v1/businesses/1001/orders", json={"orderIds": [order_id]}).json()["orders"][0]
    assert (read["status"], read["substatus"]) == ("PROCESSING", "STARTED")
    assert read["delivery"]["receiveCode"]
    again = api.post(f"{LAAS}/orders/create", json=create_body())
    assert_error(again, 400, "ORDER_ALREADY_EXISTS")


def _operation_status(api: httpx.Client, query: dict[str, Any]) -> str:
    answer = api.post("/v1/businesses/1001/operations", json=query).json()["result"]["operations"]
    return str(answer[0]["status"])


def _stock(api: httpx.Client, offer: str, warehouse: int) -> int:
    result = api.post(f"/v2/campaigns/{DEMO_LAAS_CAMPAIGN_ID}/offers/stocks", json={"offerIds": [offer]})
    for entry in result.json()["result"]["warehouses"]:
        if entry["warehouseId"] == warehouse:
            return int(entry["offers"][0]["stocks"][0]["count"])
    raise AssertionError(f"no stock row for {offer} in {warehouse}")


def test_a_draft_not_confirmed_within_an_hour_is_cancelled_and_its_stock_returns(
    api: httpx.Client, sandbox_server: SandboxServer
) -> None:
    before = _stock(api, "MUG-300", 300)
    order_id = api.post(f"{LAAS}/orders/create", json=create_body("LAAS-X", draft=True)).json()["result"][
        "orders"
    ][0]["id"]
    assert _stock(api, "MUG-300", 300) == before - 2
    sandbox_server.sandbox.advance_clock(59 * 60)
    read = api.post("/v1/businesses/1001/orders", json={"orderIds": [order_id]}).json()["orders"][0]
    assert read["status"] == "RESERVED"
    sandbox_server.sandbox.advance_clock(61)
    read = api.post("/v1/businesses/1001/orders", json={"orderIds": [order_id]}).json()["orders"][0]
    assert (read["status"], read["substatus"]) == ("CANCELLED", "RESERVATION_EXPIRED")
    assert _stock(api, "MUG-300", 300) == before
    stats = api.post(f"/v2/campaigns/{DEMO_LAAS_CAMPAIGN_ID}/stats/orders", json={"orders": [order_id]})
    entry = stats.json()["result"]["orders"][0]
    assert entry["status"] == "CANCELLED_BEFORE_PROCESSING"
    assert entry["items"][-1]["offerName"] == "Доставка"  # NOTES 1.9: delivery is an extra item
    assert entry["items"][-1]["prices"][0]["total"] == 249
    late = api.put(
        f"/v2/campaigns/{DEMO_LAAS_CAMPAIGN_ID}/orders/{order_id}/status",
        json={"order": {"status": "PROCESSING", "substatus": "STARTED"}},
    )
    assert_error(late, 400, "ORDER_IN_TERMINAL_STATE")


def test_pickup_points_stocks_and_refusals(api: httpx.Client) -> None:
    points = api.post("/v1/businesses/1001/logistics-points", params={"limit": "3"}).json()["result"]
    assert len(points["logisticPoints"]) == 3
    assert points["paging"]["nextPageToken"]
    assert points["logisticPoints"][0]["address"]["fullAddress"].startswith("Москва")
    rest = api.post(
        "/v1/businesses/1001/logistics-points", params={"pageToken": points["paging"]["nextPageToken"]}
    ).json()["result"]
    assert "nextPageToken" not in rest.get("paging", {})
    assert _stock(api, "WASHER-6KG", 300) == 0
    body = create_body("LAAS-N", pickup=True)
    body["order"]["itemsDelivery"][0]["items"][0]["count"] = 999
    assert_error(api.post(f"{LAAS}/orders/create", json=body), 400, "NOT_ENOUGH_STOCK")
    body = create_body("LAAS-P")
    body["order"]["customer"]["phone"] = "8 999 000-11-22"
    assert_error(api.post(f"{LAAS}/orders/create", json=body), 400, "BAD_REQUEST")
    body = create_body("LAAS-F")
    body["order"]["destination"]["courierDelivery"]["address"]["fullAddress"] = "Магадан, ул. Ленина, 1"
    assert_error(api.post(f"{LAAS}/orders/create", json=body), 400, "DELIVERY_NOT_AVAILABLE")
    pickup = api.post(f"{LAAS}/orders/create", json=create_body("LAAS-PVZ", pickup=True))
    order_id = pickup.json()["result"]["orders"][0]["id"]
    read = api.post("/v1/businesses/1001/orders", json={"orderIds": [order_id]}).json()["orders"][0]
    assert read["delivery"]["pickup"]["logisticPointId"] == 1001
    options = api.post(f"{LAAS}/orders/update-options", json={"id": order_id}).json()["result"]
    assert options["deliveryIntervals"]["availableDeliveryIntervals"] == []  # pickup: no courier slots


def test_a_cancellation_is_applied_by_its_operation(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    created = api.post(f"{LAAS}/orders/create", json=create_body("LAAS-C"))
    assert created.status_code == 200, created.text
    order_id = created.json()["result"]["orders"][0][
        "id"
    ]
    cancel = api.put(
        f"/v2/campaigns/{DEMO_LAAS_CAMPAIGN_ID}/orders/{order_id}/status",
        json={"order": {"status": "CANCELLED", "substatus": "SHOP_FAILED"}},
    ).json()
    query = {"operationType": "ORDER_STATUS_UPDATE", "operationIds": [cancel["operation"]["id"]]}
    read = api.post("/v1/businesses/1001/orders", json={"orderIds": [order_id]}).json()["orders"][0]
    assert read["status"] == "PROCESSING"  # not yet: the operation is in progress
    sandbox_server.sandbox.advance_clock(2)
    assert _operation_status(api, query) == "DONE"
    read = api.post("/v1/businesses/1001/orders", json={"orderIds": [order_id]}).json()["orders"][0]
    assert (read["status"], read["substatus"]) == ("CANCELLED", "SHOP_FAILED")


def test_update_and_operations(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order_id = api.post(f"{LAAS}/orders/create", json=create_body("LAAS-2")).json()["result"]["orders"][0][
        "id"
    ]
    options = api.post(f"{LAAS}/orders/update-options", json={"id": order_id}).json()["result"]
    interval = options["deliveryIntervals"]["availableDeliveryIntervals"][0]
    update = api.post(f"{LAAS}/orders/update", json={"order": {"id": order_id, "deliveryInterval": interval}})
    operation = update.json()["result"]["operations"][0]
    assert operation["type"] == "ORDER_DELIVERY_INTERVAL_UPDATE"
    query = {"operationType": operation["type"], "operationIds": [operation["id"]]}
    assert (
        api.post("/v1/businesses/1001/operations", json=query).json()["result"]["operations"][0]["status"]
        == "IN_PROGRESS"
    )
    sandbox_server.sandbox.advance_clock(2)
    assert (
        api.post("/v1/businesses/1001/operations", json=query).json()["result"]["operations"][0]["status"]
        == "DONE"
    )
    read = api.post("/v1/businesses/1001/orders", json={"orderIds": [order_id]}).json()["orders"][0]
    assert read["delivery"]["shipment"]["shipmentDate"] == interval["deliveryDateInterval"]["fromDate"]
    assert read["delivery"]["dates"]["fromTime"] == interval["deliveryTimeInterval"]["fromTime"] + ":00"
    stale = dict(interval, deliveryDateInterval={"fromDate": "2020-01-01", "toDate": "2020-01-01"})
    update = api.post(f"{LAAS}/orders/update", json={"order": {"id": order_id, "deliveryInterval": stale}})
    failing = update.json()["result"]["operations"][0]
    sandbox_server.sandbox.advance_clock(2)
    assert (
        _operation_status(api, {"operationType": failing["type"], "operationIds": [failing["id"]]})
        == "FAILED"
    )


def test_stats_follow_the_orders(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order((("MILK-1L", 2), ("MUG-300", 1)))
    milk = order.lines[0].id
    code = sandbox.codes_for("MILK-1L")[0]
    put_boxes(api, order, [box(whole(milk, 1, cis=[code]))], allow_remove=True)
    stats = api.post("/v2/campaigns/2001/stats/orders", json={"orders": [order.id], "hasCis": True}).json()
    [entry] = stats["result"]["orders"]
    assert entry["status"] == "PROCESSING"
    assert [(i["shopSku"], i["count"], i.get("initialCount")) for i in entry["items"]] == [
        ("MILK-1L", 1, None)
    ]
    assert entry["items"][0]["cisList"] == [code.split("\x1d")[0]]
    assert [(i["shopSku"], i["count"], i["initialCount"]) for i in entry["initialItems"]] == [
        ("MILK-1L", 2, 2),
        ("MUG-300", 1, 1),
    ]
    sandbox.cancel_by_buyer(order.id)
    cancelled = api.post(
        "/v2/campaigns/2001/stats/orders", json={"statuses": ["CANCELLED_IN_PROCESSING"]}
    ).json()
    assert [o["id"] for o in cancelled["result"]["orders"]] == [order.id]
    paged = api.post("/v2/campaigns/2001/stats/orders", params={"limit": "10"}, json={}).json()["result"]
    assert len(paged["orders"]) == 10
    assert paged["paging"]["nextPageToken"]
    mixed = api.post(
        "/v2/campaigns/2001/stats/orders", json={"dateFrom": "2026-01-01", "updateFrom": "2026-01-01"}
    )
    assert mixed.status_code == 400


def test_dbs_delivery_helpers(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order(program="DBS")
    path = order_path(order, order.campaign_id)
    moved = api.put(
        f"{path}/delivery/date",
        json={"dates": {"toDate": "2030-02-01"}, "reason": "PARTNER_MOVED_DELIVERY_DATES"},
    )
    assert moved.status_code == 200
    same = api.put(
        f"{path}/delivery/date",
        json={"dates": {"toDate": "2030-02-01"}, "reason": "PARTNER_MOVED_DELIVERY_DATES"},
    )
    assert error_code(same) == "SAME_DELIVERY_DATES"
    assert (
        api.post(f"{path}/delivery/track", json={"trackCode": "TR-1", "deliveryServiceId": 1}).status_code
        == 200
    )
    other = sandbox_server.sandbox.add_order(program="DBS")
    used = api.post(
        f"{order_path(other, other.campaign_id)}/delivery/track",
        json={"trackCode": "TR-1", "deliveryServiceId": 1},
    )
    assert error_code(used) == "TRACK_CODE_ALREADY_USED"
    assert api.put(f"{path}/delivery/storage-limit", json={"newDate": "2030-02-05"}).status_code == 200
    assert (
        error_code(api.put(f"{path}/delivery/storage-limit", json={"newDate": "2030-02-06"}))
        == "EDIT_COUNT_EXCEEDED"
    )
    fbs = sandbox_server.sandbox.add_order()
    assert (
        error_code(
            api.post(f"{order_path(fbs)}/delivery/track", json={"trackCode": "X", "deliveryServiceId": 1})
        )
        == "ACTION_FORBIDDEN"
    )
