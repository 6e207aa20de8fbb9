"""Order status machine, bulk status updates and the write-once external id."""

from __future__ import annotations

import httpx

from packstation.sandbox.model import Order
from tests.fixtures.sandbox import SandboxServer
from tests.sandbox.helpers import assert_error, box, error_code, order_path, put_boxes, set_status, whole


def _packed(api: httpx.Client, server: SandboxServer) -> Order:
    order = server.sandbox.add_order((("MUG-300", 1),))
    assert put_boxes(api, order, [box(whole(order.lines[0].id, 1))]).status_code == 200
    return order


def test_started_to_ready_to_ship_to_shipped(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = _packed(api, sandbox_server)
    response = set_status(api, order, "PROCESSING", "READY_TO_SHIP")
    assert response.status_code == 200
    assert response.json()["order"]["substatus"] == "READY_TO_SHIP"
    back = set_status(api, order, "PROCESSING", "STARTED")
    assert_error(back, 400, "STATUS_NOT_ALLOWED")
    sandbox_server.sandbox.ship(order.id)
    assert api.get(order_path(order)).json()["order"]["substatus"] == "SHIPPED"


def test_ready_to_ship_needs_a_layout(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order()
    response = set_status(api, order, "PROCESSING", "READY_TO_SHIP")
    assert_error(response, 400, "NO_BOXES")


def test_repeating_the_current_status_is_harmless(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = _packed(api, sandbox_server)
    assert set_status(api, order, "PROCESSING", "READY_TO_SHIP").status_code == 200
    assert set_status(api, order, "PROCESSING", "READY_TO_SHIP").status_code == 200


def test_shop_failed_from_started_and_ready_to_ship(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    started = sandbox_server.sandbox.add_order()
    assert set_status(api, started, "CANCELLED", "SHOP_FAILED").status_code == 200
    ready = _packed(api, sandbox_server)
    set_status(api, ready, "PROCESSING", "READY_TO_SHIP")
    response = set_status(api, ready, "CANCELLED", "SHOP_FAILED")
    assert response.status_code == 200
    assert response.json()["order"]["status"] == "CANCELLED"


def test_shop_failed_not_after_shipping(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = _packed(api, sandbox_server)
    set_status(api, order, "PROCESSING", "READY_TO_SHIP")
    sandbox_server.sandbox.ship(order.id)
    response = set_status(api, order, "CANCELLED", "SHOP_FAILED")
    assert_error(response, 400, "STATUS_NOT_ALLOWED")


def test_sellers_cancel_only_with_shop_failed(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order()
    response = set_status(api, order, "CANCELLED", "USER_CHANGED_MIND")
    assert_error(response, 400, "SUBSTATUS_NOT_ALLOWED")
    unreachable = set_status(api, order, "CANCELLED", "USER_UNREACHABLE")
    assert error_code(unreachable) == "USER_UNREACHABLE_NOT_ALLOWED"


def test_cancelled_order_is_terminal(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order()
    set_status(api, order, "CANCELLED", "SHOP_FAILED")
    response = set_status(api, order, "PROCESSING", "READY_TO_SHIP")
    assert_error(response, 400, "ORDER_IN_TERMINAL_STATE")
    boxes = put_boxes(api, order, [box(whole(order.lines[0].id, 1))])
    assert error_code(boxes) == "ORDER_IN_TERMINAL_STATE"


def test_bulk_update_reports_partial_failure_in_200(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    ready = _packed(api, sandbox_server)
    unpacked = sandbox_server.sandbox.add_order()
    body = {
        "orders": [
            {"id": o.id, "status": "PROCESSING", "substatus": "READY_TO_SHIP"} for o in (ready, unpacked)
        ]
    }
    response = api.post("/v2/campaigns/2001/orders/status-update", json=body)
    assert response.status_code == 200
    results = response.json()["result"]["orders"]
    assert [r["updateStatus"] for r in results] == ["OK", "ERROR"]
    assert results[1]["errorDetails"].startswith("NO_BOXES")
    too_many = api.post("/v2/campaigns/2001/orders/status-update", json={"orders": body["orders"] * 16})
    assert_error(too_many, 400, "BAD_REQUEST")


def test_external_id_is_write_once(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = _packed(api, sandbox_server)
    path = f"{order_path(order)}/external-id"
    assert api.post(path, json={"externalOrderId": "ZK-1"}).json() == {"status": "OK"}
    again = api.post(path, json={"externalOrderId": "ZK-2"})
    assert_error(again, 400, "EXTERNAL_ORDER_ID_UPDATE_ERROR")
    labels = api.get(f"{order_path(order)}/delivery/labels/data").json()["result"]
    assert labels["parcelBoxLabels"][0]["orderNum"] == "ZK-1"


def test_external_id_not_after_ready_to_ship(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = _packed(api, sandbox_server)
    set_status(api, order, "PROCESSING", "READY_TO_SHIP")
    response = api.post(f"{order_path(order)}/external-id", json={"externalOrderId": "ZK-3"})
    assert_error(response, 400, "EXTERNAL_ORDER_ID_UPDATE_ERROR")


def test_unknown_order_and_campaign(api: httpx.Client) -> None:
    missing = api.get(order_path(1))
    assert_error(missing, 404, "NOT_FOUND")
    foreign = api.get("/v2/campaigns/9999/orders/1")
    assert_error(foreign, 403, "FORBIDDEN")
    business = api.post("/v1/businesses/9999/orders", json={})
    assert business.status_code == 403


def test_dbs_update_items_shortens(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("MUG-300", 3), ("BOOK-WP", 1)), program="DBS")
    mug, book = (line.id for line in order.lines)
    path = f"{order_path(order, order.campaign_id)}/items"
    body = {"items": [{"id": mug, "count": 1}], "reason": "PARTNER_REQUESTED_REMOVE"}
    response = api.put(path, json=body)
    assert response.status_code == 200
    assert [(line.id, line.count) for line in sandbox_server.sandbox.find(order.id).lines] == [(mug, 1)]
    assert_error(api.put(path, json={"items": [{"id": mug, "count": 0}]}), 400, "CANNOT_REMOVE_LAST_ITEM")
    assert_error(api.put(path, json={"items": [{"id": book, "count": 1}]}), 400, "ITEM_NOT_FOUND")
    fbs = sandbox_server.sandbox.add_order((("MUG-300", 2), ("BOOK-WP", 1)))
    refused = api.put(f"{order_path(fbs)}/items", json={"items": [{"id": fbs.lines[0].id, "count": 1}]})
    assert_error(refused, 400, "ACTION_FORBIDDEN")


def test_legacy_orders_reader_filters_and_pages(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    first = api.get("/v2/campaigns/2001/orders", params={"limit": "10"}).json()
    assert len(first["orders"]) == 10
    rest = api.get(
        "/v2/campaigns/2001/orders", params={"limit": "50", "pageToken": first["paging"]["nextPageToken"]}
    )
    ids = [o["id"] for o in first["orders"] + rest.json()["orders"]]
    assert ids == sorted(ids)
    assert len(ids) == len([o for o in sandbox_server.sandbox.all_orders([2001])])
    order = sandbox_server.sandbox.add_order()
    sandbox_server.sandbox.cancel_by_buyer(order.id)
    cancelled = api.get("/v2/campaigns/2001/orders", params={"status": "CANCELLED", "limit": "50"}).json()
    assert [o["id"] for o in cancelled["orders"]] == [order.id]
    assert cancelled["orders"][0]["creationDate"].count("-") == 2  # DD-MM-YYYY HH:MM:SS
    bad_token = api.get("/v2/campaigns/2001/orders", params={"pageToken": "garbage"})
    assert_error(bad_token, 400, "INVALID_QUERY_PARAMETER")
    too_big = api.get("/v2/campaigns/2001/orders", params={"limit": "51"})
    assert_error(too_big, 400, "INVALID_QUERY_PARAMETER")


def test_unused_codes_shrink_as_codes_are_sent(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order((("TSHIRT-M", 2),))
    before = sandbox.unused_codes("TSHIRT-M")
    put_boxes(api, order, [box(whole(order.lines[0].id, 2, cis=before[:2]))])
    assert sandbox.unused_codes("TSHIRT-M") == before[2:]
