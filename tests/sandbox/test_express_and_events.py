"""Express handover (courier substatuses, verifyEac) and the events a desk must survive."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
import pytest

from packstation.sandbox.model import Order
from tests.fixtures.sandbox import SandboxServer
from tests.sandbox.helpers import assert_error, box, order_path, put_boxes, set_status, whole


def _ready_express(api: httpx.Client, server: SandboxServer) -> Order:
    order = server.sandbox.add_order((("CHARGER-65", 1),), program="EXPRESS")
    put_boxes(api, order, [box(whole(order.lines[0].id, 1))])
    assert set_status(api, order, "PROCESSING", "READY_TO_SHIP").status_code == 200
    return order


def _business(api: httpx.Client, order: Order) -> dict[str, object]:
    orders = api.post("/v1/businesses/1001/orders", json={"orderIds": [order.id]}).json()["orders"]
    result: dict[str, object] = orders[0]
    return result


def _verify(api: httpx.Client, order: Order, code: str) -> httpx.Response:
    return api.put(f"{order_path(order)}/verifyEac", json={"code": code})


def test_express_orders_are_due_within_the_hour(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    express = [o for o in sandbox.all_orders() if o.program == "EXPRESS"]
    assert len(express) >= 4
    now = sandbox.now()
    for order in express:
        assert order.shipment_time is not None
        due = now.replace(
            year=order.shipment_date.year,
            month=order.shipment_date.month,
            day=order.shipment_date.day,
            hour=order.shipment_time.hour,
            minute=order.shipment_time.minute,
            second=0,
            microsecond=0,
        )
        assert now < due + timedelta(minutes=1)
        assert due <= now + timedelta(hours=1)
        dto = _business(api, order)
        assert dto["programType"] == "EXPRESS"


def test_courier_substatuses_follow_ready_to_ship(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = _ready_express(api, sandbox_server)
    step = sandbox_server.sandbox.config.courier_step
    seen = []
    for _ in range(5):
        seen.append(_business(api, order)["substatus"])
        sandbox_server.sandbox.advance_clock(step)
    assert seen == [
        "READY_TO_SHIP",
        "COURIER_SEARCH",
        "COURIER_FOUND",
        "COURIER_IN_TRANSIT_TO_SENDER",
        "COURIER_ARRIVED_TO_SENDER",
    ]
    delivery = _business(api, order)["delivery"]
    assert isinstance(delivery, dict)
    assert delivery["transfer"]["eac"] == {"eacType": "COURIER_TO_MERCHANT"}


def test_verify_eac_accepts_the_courier_code(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = _ready_express(api, sandbox_server)
    early = _verify(api, order, sandbox_server.sandbox.eac_code(order.id))
    assert_error(early, 400, "STATUS_NOT_ALLOWED")
    sandbox_server.sandbox.advance_clock(sandbox_server.sandbox.config.courier_step * 4)
    response = _verify(api, order, sandbox_server.sandbox.eac_code(order.id))
    assert response.json() == {"status": "OK", "result": {"verificationResult": "ACCEPTED"}}
    assert _business(api, order)["substatus"] == "COURIER_RECEIVED"


def test_wrong_codes_count_down_then_need_update(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = _ready_express(api, sandbox_server)
    sandbox.advance_clock(sandbox.config.courier_step * 2)
    wrong = "xxxx"
    results = [_verify(api, order, wrong).json()["result"] for _ in range(3)]
    assert results == [
        {"verificationResult": "REJECTED", "attemptsLeft": 2},
        {"verificationResult": "REJECTED", "attemptsLeft": 1},
        {"verificationResult": "NEED_UPDATE"},
    ]
    # A new code was issued and the attempts start over.
    assert _verify(api, order, wrong).json()["result"] == {
        "verificationResult": "REJECTED",
        "attemptsLeft": 2,
    }
    assert (
        _verify(api, order, sandbox.eac_code(order.id)).json()["result"]["verificationResult"] == "ACCEPTED"
    )


def test_eac_types_the_market_defines(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    checking = _ready_express(api, sandbox_server)
    sandbox.set_eac_type(checking.id, "CHECKING_BY_MERCHANT")
    gives = _ready_express(api, sandbox_server)
    sandbox.set_eac_type(gives.id, "MERCHANT_TO_COURIER")
    sandbox.advance_clock(sandbox.config.courier_step * 4)
    assert _business(api, checking)["delivery"]["transfer"]["eac"] == {"eacType": "CHECKING_BY_MERCHANT"}
    code = sandbox.eac_code(gives.id)
    assert _business(api, gives)["delivery"]["transfer"]["eac"] == {
        "eacType": "MERCHANT_TO_COURIER",
        "eacCode": code,  # the code the seller tells the courier
    }
    # The seller checks the courier's code with verifyEac; a code the seller gives is not checked.
    accepted = _verify(api, checking, sandbox.eac_code(checking.id)).json()["result"]
    assert accepted["verificationResult"] == "ACCEPTED"
    assert_error(_verify(api, gives, code), 400, "ACTION_FORBIDDEN")
    assert not sandbox.courier_enters_code(gives.id, "0" if code != "0" else "1")
    assert sandbox.courier_enters_code(gives.id, code)  # the courier types it: handed over
    assert _business(api, gives)["substatus"] == "COURIER_RECEIVED"
    with pytest.raises(ValueError, match="unknown eacType"):
        sandbox.set_eac_type(gives.id, "BY_PIGEON")


def test_verify_eac_refused_for_fbs(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order()
    response = _verify(api, order, "1234")
    assert_error(response, 400, "ACTION_FORBIDDEN")


def test_buyer_cancels_while_packing(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("MUG-300", 2),))
    assert put_boxes(api, order, [box(whole(order.lines[0].id, 2))]).status_code == 200
    sandbox_server.sandbox.cancel_by_buyer(order.id)
    dto = _business(api, order)
    assert (dto["status"], dto["substatus"]) == ("CANCELLED", "USER_CHANGED_MIND")
    response = set_status(api, order, "PROCESSING", "READY_TO_SHIP")
    assert_error(response, 400, "ORDER_IN_TERMINAL_STATE")
    labels = api.get(f"{order_path(order)}/delivery/labels")
    assert labels.status_code == 400
    assert labels.headers["content-type"].startswith("application/json")


def test_market_moves_the_shipment_date(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order()
    before = _business(api, order)
    sandbox.advance_clock(60)
    sandbox.move_shipment_date(order.id, date(2030, 1, 15))
    since = before["updateDate"]
    moved = api.post("/v1/businesses/1001/orders", json={"dates": {"updateDateFrom": since}}).json()["orders"]
    assert [o["orderId"] for o in moved if o["updateDate"] != since] == [order.id]
    assert moved[-1]["delivery"]["shipment"]["shipmentDate"] == "2030-01-15"


def test_new_order_arrives_while_running(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    before = api.post("/v1/businesses/1001/orders", json={}).json()["orders"]
    new = sandbox_server.sandbox.add_order((("BOOK-WP", 1),))
    after = api.post("/v1/businesses/1001/orders", json={}).json()["orders"]
    assert len(after) == len(before) + 1
    assert after[-1]["orderId"] == new.id
