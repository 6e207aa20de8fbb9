"""Marking-code verification: NOT_ON_VALIDATION -> IN_PROGRESS -> OK / FAILED / INVALID, and the
READY_TO_SHIP gate on mandatory codes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import httpx
import pytest

from packstation.sandbox.app import SandboxConfig, create_app
from packstation.sandbox.clock import SandboxClock
from packstation.sandbox.model import Order
from tests.fixtures.sandbox import SandboxServer, serve_in_thread, stop_server
from tests.sandbox.helpers import assert_error, box, error_code, order_path, put_boxes, set_status, whole


def _statuses(api: httpx.Client, order: Order) -> list[tuple[str, str | None]]:
    response = api.post(f"{order_path(order, order.campaign_id)}/identifiers/status")
    assert response.status_code == 200
    entries = [
        e
        for item in response.json()["result"]["items"]
        for kind in ("cis", "uin")
        for e in item.get(kind, [])
    ]
    return [(e["status"], e.get("substatus")) for e in entries]


def test_codes_go_in_progress_then_ok(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order((("PERF-50", 2),))
    assert (
        put_boxes(
            api, order, [box(whole(order.lines[0].id, 2, cis=sandbox.codes_for("PERF-50")[:2]))]
        ).status_code
        == 200
    )
    assert _statuses(api, order) == [("IN_PROGRESS", None)] * 2
    sandbox.finish_verifications()
    assert _statuses(api, order) == [("OK", None)] * 2


def test_failure_rule_fails_bad_serials(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order((("MILK-1L", 2),))
    good, bad = sandbox.codes_for("MILK-1L")[0], sandbox.codes_for("MILK-1L")[-1]
    put_boxes(api, order, [box(whole(order.lines[0].id, 2, cis=[good, bad]))])
    sandbox.finish_verifications()
    assert _statuses(api, order) == [("OK", None), ("FAILED", None)]


def test_structurally_wrong_code_is_invalid(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order((("MILK-1L", 1),))
    good = sandbox.codes_for("MILK-1L")[0]
    wrong_check_digit = good[:15] + str((int(good[15]) + 1) % 10) + good[16:]
    put_boxes(api, order, [box(whole(order.lines[0].id, 1, cis=[wrong_check_digit]))])
    sandbox.finish_verifications()
    assert _statuses(api, order) == [("INVALID", "CIS_GTIN_NOT_FOUND")]


def test_ready_to_ship_waits_for_codes(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order((("SHOE-WIN-38", 2),))
    line = order.lines[0].id
    put_boxes(api, order, [box(whole(line, 2))])
    missing = set_status(api, order, "PROCESSING", "READY_TO_SHIP")
    assert_error(missing, 400, "TOO_FEW_CISES_FOR_ITEM")
    put_boxes(api, order, [box(whole(line, 2, cis=sandbox.codes_for("SHOE-WIN-38")[:2]))])
    pending = set_status(api, order, "PROCESSING", "READY_TO_SHIP")
    assert_error(pending, 400, "CIS_VALIDATION_IN_PROGRESS_ERROR")
    sandbox.finish_verifications()
    assert set_status(api, order, "PROCESSING", "READY_TO_SHIP").status_code == 200


def test_ready_to_ship_refused_with_failed_code(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order((("JACKET-L", 1),))
    line = order.lines[0].id
    put_boxes(api, order, [box(whole(line, 1, cis=[sandbox.codes_for("JACKET-L")[-1]]))])
    sandbox.finish_verifications()
    response = set_status(api, order, "PROCESSING", "READY_TO_SHIP")
    assert_error(response, 400, "INVALID_CIS")
    # Replacing the failed code with a good one lets the order through.
    put_boxes(api, order, [box(whole(line, 1, cis=[sandbox.codes_for("JACKET-L")[0]]))])
    sandbox.finish_verifications()
    assert set_status(api, order, "PROCESSING", "READY_TO_SHIP").status_code == 200


def test_jewelry_uin_gate(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order((("RING-585", 1),))
    line = order.lines[0].id
    put_boxes(api, order, [box(whole(line, 1))])
    response = set_status(api, order, "PROCESSING", "READY_TO_SHIP")
    assert_error(response, 400, "TOO_FEW_UINS_FOR_ITEM")
    put_boxes(api, order, [box(whole(line, 1, uin=["0000123456789012"]))])
    response = set_status(api, order, "PROCESSING", "READY_TO_SHIP")
    assert error_code(response) == "UIN_VALIDATION_IN_PROGRESS_ERROR"
    sandbox.finish_verifications()
    assert _statuses(api, order) == [("FAILED", "UIN_NO_DATA")]
    assert error_code(set_status(api, order, "PROCESSING", "READY_TO_SHIP")) == "INVALID_UIN"


def test_optional_cis_is_mandatory_for_business_buyers(
    api: httpx.Client, sandbox_server: SandboxServer
) -> None:
    sandbox = sandbox_server.sandbox
    person = sandbox.add_order((("SHAMPOO-400", 1),))
    business = sandbox.add_order((("SHAMPOO-400", 1),), buyer_type="BUSINESS")
    for order in (person, business):
        put_boxes(api, order, [box(whole(order.lines[0].id, 1))])
    assert set_status(api, person, "PROCESSING", "READY_TO_SHIP").status_code == 200
    response = set_status(api, business, "PROCESSING", "READY_TO_SHIP")
    assert error_code(response) == "TOO_FEW_CISES_FOR_ITEM"
    items = api.post("/v1/businesses/1001/orders", json={"orderIds": [person.id, business.id]}).json()[
        "orders"
    ]
    assert [o["items"][0]["requiredInstanceTypes"] for o in items] == [["CIS_OPTIONAL"], ["CIS"]]


def test_dbs_codes_are_not_on_validation(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    order = sandbox.add_order((("SHOE-WIN-38", 1),), program="DBS")
    path = f"/v2/campaigns/{order.campaign_id}/orders/{order.id}/identifiers"
    body = {"items": [{"id": order.lines[0].id, "instances": [{"cis": sandbox.codes_for("SHOE-WIN-38")[0]}]}]}
    response = api.put(path, json=body)
    assert response.status_code == 200, response.text
    assert (
        response.json()["result"]["items"][0]["instances"][0]["cisFull"]
        == sandbox.codes_for("SHOE-WIN-38")[0]
    )
    assert _statuses(api, order) == [("NOT_ON_VALIDATION", None)]


def test_identifiers_refused_for_fbs(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("SHOE-WIN-38", 1),))
    body = {
        "items": [
            {
                "id": order.lines[0].id,
                "instances": [{"cis": sandbox_server.sandbox.codes_for("SHOE-WIN-38")[0]}],
            }
        ]
    }
    response = api.put(f"{order_path(order)}/identifiers", json=body)
    assert_error(response, 400, "ACTION_FORBIDDEN")


@pytest.fixture
def slow_server() -> Iterator[SandboxServer]:
    """A sandbox with a frozen clock, a 30 s verification delay and a custom failure rule."""
    clock = SandboxClock(start=datetime(2026, 3, 2, 10, 0))
    config = SandboxConfig(
        clock=clock,
        verification_delay=30,
        failure_rule=lambda kind, value: "" if value.endswith("Zz") else None,
    )
    app = create_app(config)
    server, thread, url = serve_in_thread(app)
    try:
        yield SandboxServer(url, app, app.state.sandbox)
    finally:
        stop_server(server, thread)


def test_delay_and_failure_rule_are_configurable(slow_server: SandboxServer) -> None:
    sandbox = slow_server.sandbox
    order = sandbox.add_order((("MILK-1L", 2),))
    passing = "0104601234567893215Tr!QaB\x1d93Zjqw"
    failing = "0104601234567893215Tr!QaC\x1d93JqZz"
    with httpx.Client(base_url=slow_server.url, headers={"Api-Key": "k"}) as api:
        assert (
            put_boxes(api, order, [box(whole(order.lines[0].id, 2, cis=[passing, failing]))]).status_code
            == 200
        )
        sandbox.advance_clock(29)
        assert _statuses(api, order) == [("IN_PROGRESS", None)] * 2
        sandbox.advance_clock(1)
        assert _statuses(api, order) == [("OK", None), ("FAILED", None)]
