"""The "applied, but the answer was lost" fault: the emulator applies the mutation, then the
connection breaks before the answer arrives. Over real HTTP, with the request log counting what
the emulator received."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from packstation.sandbox.app import SandboxConfig, create_app
from packstation.sandbox.faults import FaultSpec, FaultSpecError
from tests.fixtures.sandbox import SandboxServer, serve_in_thread, stop_server
from tests.sandbox.helpers import box, order_path, put_boxes, set_status, whole


def _serve(faults: str) -> Iterator[SandboxServer]:
    app = create_app(SandboxConfig(faults=faults))
    server, thread, url = serve_in_thread(app)
    try:
        yield SandboxServer(url, app, app.state.sandbox)
    finally:
        stop_server(server, thread)


@pytest.fixture
def lossy() -> Iterator[SandboxServer]:
    """Every answer to a layout, status change or courier code is lost; everything else is fine."""
    yield from _serve("lost=1@/boxes,lost=1@/status,lost=1@/verifyEac")


@pytest.fixture
def client(lossy: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=lossy.url, headers={"Api-Key": "k"}, timeout=10) as api:
        yield api


def _business(api: httpx.Client, order_id: int) -> dict[str, object]:
    orders = api.post("/v1/businesses/1001/orders", json={"orderIds": [order_id]}).json()["orders"]
    found: dict[str, object] = orders[0]
    return found


def test_the_fault_parses_like_the_others() -> None:
    spec = FaultSpec.parse("lost=1@/boxes,lost=0.25")
    assert spec.value("lost", "/v2/campaigns/1/orders/2/boxes") == 1
    assert spec.value("lost", "/v2/campaigns/1/orders/2/status") == 0.25
    with pytest.raises(FaultSpecError, match="out of range"):
        FaultSpec.parse("lost=2")


def test_a_lost_layout_answer_breaks_the_response_but_the_layout_is_stored(
    lossy: SandboxServer, client: httpx.Client
) -> None:
    order = lossy.sandbox.add_order((("MUG-300", 2),))
    with pytest.raises(httpx.RemoteProtocolError):
        put_boxes(client, order, [box(whole(order.lines[0].id, 1)), box(whole(order.lines[0].id, 1))])
    delivery = _business(client, order.id)["delivery"]
    assert isinstance(delivery, dict)
    assert len(delivery["boxesLayout"]) == 2
    assert lossy.sandbox.received.count("PUT", "/boxes") == 1


def test_a_lost_status_answer_still_moves_the_order(lossy: SandboxServer, client: httpx.Client) -> None:
    order = lossy.sandbox.add_order((("MUG-300", 1),))
    with pytest.raises(httpx.RemoteProtocolError):
        put_boxes(client, order, [box(whole(order.lines[0].id, 1))])
    with pytest.raises(httpx.RemoteProtocolError):
        set_status(client, order, "PROCESSING", "READY_TO_SHIP")
    assert _business(client, order.id)["substatus"] == "READY_TO_SHIP"
    assert lossy.sandbox.received.count("PUT", "/status") == 1


def test_a_lost_courier_code_answer_still_hands_the_order_over(
    lossy: SandboxServer, client: httpx.Client
) -> None:
    sandbox = lossy.sandbox
    order = sandbox.add_order((("CHARGER-65", 1),), program="EXPRESS")
    sandbox.set_layout(order.campaign_id, order.id, {"boxes": [box(whole(order.lines[0].id, 1))]})
    sandbox.update_status(order.campaign_id, order.id, "PROCESSING", "READY_TO_SHIP")
    sandbox.advance_clock(sandbox.config.courier_step * 4)
    with pytest.raises(httpx.RemoteProtocolError):
        client.put(f"{order_path(order)}/verifyEac", json={"code": sandbox.eac_code(order.id)})
    assert _business(client, order.id)["substatus"] == "COURIER_RECEIVED"
    assert sandbox.received.count("PUT", "/verifyEac") == 1


def test_other_paths_answer_normally_and_every_request_is_logged(
    lossy: SandboxServer, client: httpx.Client
) -> None:
    assert client.get("/v2/campaigns").status_code == 200
    assert client.get("/_sandbox/health").status_code == 200
    assert [(r.method, r.path) for r in lossy.sandbox.received.items()] == [("GET", "/v2/campaigns")]
