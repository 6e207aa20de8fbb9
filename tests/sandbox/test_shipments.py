"""FBS first-mile shipments: search, readiness, confirmation and the handover act."""

from __future__ import annotations

from datetime import date

import httpx

from packstation.sandbox.model import Order
from tests.fixtures.sandbox import SandboxServer
from tests.sandbox.helpers import assert_error, box, put_boxes, set_status, whole
from tests.sandbox.pdf_tools import page_count, pdf_text

FIRST_MILE = "/v2/campaigns/2001/first-mile/shipments"
DAY = date(2031, 5, 20)


def _order_on_day(server: SandboxServer) -> Order:
    order = server.sandbox.add_order((("MUG-300", 1),))
    server.sandbox.move_shipment_date(order.id, DAY)
    return order


def test_shipment_becomes_ready_then_confirmed(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    first, second = _order_on_day(sandbox_server), _order_on_day(sandbox_server)
    assert first.shipment_id == second.shipment_id
    found = api.put(FIRST_MILE, json={"dateFrom": DAY.isoformat(), "dateTo": DAY.isoformat()}).json()
    [info] = found["result"]["shipments"]
    assert (info["id"], info["orderIds"], info["status"]) == (
        first.shipment_id,
        [first.id, second.id],
        "OUTBOUND_CREATED",
    )
    path = f"{FIRST_MILE}/{first.shipment_id}"
    assert_error(api.post(f"{path}/confirm", json={}), 400, "CUTOFF_NOT_REACHED")
    put_boxes(api, first, [box(whole(first.lines[0].id, 1))])
    set_status(api, first, "PROCESSING", "READY_TO_SHIP")
    labels = api.get(f"{path}/orders/info").json()["result"]
    assert labels == {"orderIdsWithLabels": [first.id], "orderIdsWithoutLabels": [second.id]}
    sandbox_server.sandbox.cancel_by_buyer(second.id)
    shipment = api.get(path).json()["result"]
    assert shipment["currentStatus"]["status"] == "OUTBOUND_READY_FOR_CONFIRMATION"
    assert shipment["availableActions"] == ["CONFIRM"]
    assert api.get(path, params={"cancelledOrders": "false"}).json()["result"]["orderIds"] == [first.id]
    assert_error(api.get(f"{path}/act"), 400, "ACTION_FORBIDDEN")
    assert api.post(f"{path}/confirm", json={}).json() == {"status": "OK"}
    assert_error(api.post(f"{path}/confirm", json={}), 400, "ALREADY_CONFIRMED")
    act = api.get(f"{path}/act")
    assert act.headers["content-type"] == "application/pdf"
    assert page_count(act.content) == 1
    assert f"Заказ {first.id}" in pdf_text(act.content)
    assert f"Заказ {second.id}" not in pdf_text(act.content)


def test_reception_transfer_act_confirms_the_nearest(
    api: httpx.Client, sandbox_server: SandboxServer
) -> None:
    url = "/v2/campaigns/2001/shipments/reception-transfer-act"
    assert_error(api.get(url), 400, "BAD_REQUEST")
    order = _order_on_day(sandbox_server)
    put_boxes(api, order, [box(whole(order.lines[0].id, 1))])
    set_status(api, order, "PROCESSING", "READY_TO_SHIP")
    assert order.substatus == "READY_TO_SHIP"
    # Every earlier FBS shipment still has unpacked orders, so the nearest ready one is DAY's.
    act = api.get(url)
    assert act.status_code == 200, act.text
    assert f"Заказ {order.id}" in pdf_text(act.content)
    assert order.shipment_id in sandbox_server.sandbox.confirmed_shipments


def test_unknown_shipment_and_non_fbs(api: httpx.Client) -> None:
    assert_error(api.get(f"{FIRST_MILE}/1"), 404, "NOT_FOUND")
    assert_error(
        api.put(
            "/v2/campaigns/2002/first-mile/shipments", json={"dateFrom": "2031-01-01", "dateTo": "2031-01-02"}
        ),
        403,
        "FORBIDDEN",
    )
