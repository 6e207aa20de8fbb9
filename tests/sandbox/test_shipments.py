"""FBS first-mile shipments: search, confirmation by time (the cutoff), documents after confirm and
after acceptance, pallets, the pick list, and the demo data's shipments."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, timedelta

import httpx
import pytest

from packstation.sandbox.app import SandboxConfig, create_app
from packstation.sandbox.clock import MSK, SandboxClock, clock_shift
from packstation.sandbox.model import Order
from packstation.sandbox.state import Sandbox
from tests.fixtures.sandbox import SandboxServer, serve_in_thread, stop_server
from tests.sandbox.helpers import assert_error, box, put_boxes, set_status, whole
from tests.sandbox.pdf_tools import page_count, pdf_text

FIRST_MILE = "/v2/campaigns/2001/first-mile/shipments"
DAY = date(2031, 5, 20)


def _order_on_day(server: SandboxServer, day: date = DAY) -> Order:
    order = server.sandbox.add_order((("MUG-300", 1),))
    server.sandbox.move_shipment_date(order.id, day)
    return order


def _past_cutoff(server: SandboxServer, order: Order) -> None:
    cutoff = server.sandbox.shipment(order.shipment_date).cutoff
    server.sandbox.advance_clock(max(0.0, (cutoff - server.sandbox.now()).total_seconds()) + 1)


def _sheet_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


def test_confirm_is_offered_by_time_not_by_packing(api: httpx.Client, sandbox_server: SandboxServer) -> None:
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
    # Both orders packed: still before the cutoff, so no CONFIRM and the Market's words on trying.
    for order in (first, second):
        put_boxes(api, order, [box(whole(order.lines[0].id, 1))])
    set_status(api, first, "PROCESSING", "READY_TO_SHIP")
    assert api.get(path).json()["result"]["availableActions"] == []
    refused = api.post(f"{path}/confirm", json={})
    assert_error(refused, 400, "CUTOFF_NOT_REACHED")
    assert "Cutoff time for shipments has not been reached yet" in refused.text
    assert_error(api.get(f"{path}/act"), 400, "ACTION_FORBIDDEN")
    labels = api.get(f"{path}/orders/info").json()["result"]
    assert labels == {"orderIdsWithLabels": [first.id, second.id], "orderIdsWithoutLabels": []}
    # Past the cutoff with one order still unpacked: CONFIRM is offered all the same.
    _past_cutoff(sandbox_server, first)
    shipment = api.get(path).json()["result"]
    assert shipment["currentStatus"]["status"] == "OUTBOUND_READY_FOR_CONFIRMATION"
    assert shipment["availableActions"] == ["CONFIRM"]
    assert datetime.fromisoformat(shipment["planIntervalFrom"]) > sandbox_server.sandbox.shipment(DAY).cutoff
    sandbox_server.sandbox.cancel_by_buyer(second.id)
    assert api.get(path, params={"cancelledOrders": "false"}).json()["result"]["orderIds"] == [first.id]
    assert api.post(f"{path}/confirm", json={"externalShipmentId": "S-1"}).json() == {"status": "OK"}
    assert_error(api.post(f"{path}/confirm", json={}), 400, "ALREADY_CONFIRMED")
    shipment = api.get(path).json()["result"]
    assert shipment["availableActions"] == ["DOWNLOAD_ACT", "DOWNLOAD_TRANSPORTATION_WAYBILL"]
    act = api.get(f"{path}/act")
    assert act.headers["content-type"] == "application/pdf"
    assert page_count(act.content) == 1
    assert f"Заказ {first.id}" in pdf_text(act.content)
    assert f"Заказ {second.id}" not in pdf_text(act.content)
    waybill = api.get(f"{path}/transportation-waybill")
    assert waybill.headers["content-type"] == "application/vnd.ms-excel"
    assert f"Заказ {first.id}" in _sheet_text(waybill.content)
    # Inbound and discrepancy acts wait for the sorting centre.
    assert_error(api.get(f"{path}/inbound-act"), 400, "ACTION_FORBIDDEN")
    assert_error(api.get(f"{path}/discrepancy-act"), 400, "ACTION_FORBIDDEN")


def test_acceptance_unlocks_inbound_and_discrepancy_acts(
    api: httpx.Client, sandbox_server: SandboxServer
) -> None:
    order = _order_on_day(sandbox_server)
    path = f"{FIRST_MILE}/{order.shipment_id}"
    with pytest.raises(ValueError, match="not confirmed"):
        sandbox_server.sandbox.accept_shipment(order.shipment_id)
    _past_cutoff(sandbox_server, order)
    api.post(f"{path}/confirm", json={}).raise_for_status()
    sandbox_server.sandbox.accept_shipment(order.shipment_id, discrepancies=True)
    shipment = api.get(path).json()["result"]
    assert shipment["currentStatus"]["status"] == "ACCEPTED_WITH_DISCREPANCIES"
    assert "DOWNLOAD_INBOUND_ACT" in shipment["availableActions"]
    assert "Акт о приёмке" in pdf_text(api.get(f"{path}/inbound-act").content)
    discrepancy = api.get(f"{path}/discrepancy-act")
    assert discrepancy.headers["content-type"] == "application/vnd.ms-excel"
    assert f"Заказ {order.id}" in _sheet_text(discrepancy.content)  # never packed: did not arrive


def test_pallet_count_and_labels_only_where_offered(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    tomorrow = sandbox.opened_at.date() + timedelta(days=1)
    pallet_path = f"{FIRST_MILE}/{sandbox.shipment(tomorrow).id}"
    shipment = api.get(pallet_path).json()["result"]
    assert "CHANGE_PALLETS_COUNT" in shipment["availableActions"]
    assert shipment["palletsCount"] == {"planned": 1}
    assert_error(api.put(f"{pallet_path}/pallets", json={"placesCount": -1}), 400, "BAD_REQUEST")
    assert api.put(f"{pallet_path}/pallets", json={"placesCount": 3}).json() == {"status": "OK"}
    assert api.get(pallet_path).json()["result"]["palletsCount"] == {"planned": 3}
    labels = api.get(f"{pallet_path}/pallet/labels", params={"format": "A4"})
    assert labels.headers["content-type"] == "application/pdf"
    assert page_count(labels.content) == 3
    assert "Палета 3 из 3" in pdf_text(labels.content)
    assert_error(
        api.get(f"{pallet_path}/pallet/labels", params={"format": "A5"}), 400, "INVALID_QUERY_PARAMETER"
    )
    plain = _order_on_day(sandbox_server)
    plain_path = f"{FIRST_MILE}/{plain.shipment_id}"
    assert_error(api.put(f"{plain_path}/pallets", json={"placesCount": 2}), 400, "ACTION_FORBIDDEN")
    assert_error(api.get(f"{plain_path}/pallet/labels"), 400, "ACTION_FORBIDDEN")


def test_shipment_list_needs_a_shipment_or_orders(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    url = "/v2/reports/documents/shipment-list/generate"
    assert_error(api.post(url, json={"campaignId": 2001}), 400, "BAD_REQUEST")
    first, second = _order_on_day(sandbox_server), _order_on_day(sandbox_server)
    sandbox_server.sandbox.cancel_by_buyer(second.id)
    report_id = api.post(url, json={"campaignId": 2001, "shipmentId": first.shipment_id}).json()["result"][
        "reportId"
    ]
    sandbox_server.sandbox.advance_clock(5)
    info = api.get(f"/v2/reports/info/{report_id}").json()["result"]
    text = pdf_text(httpx.get(info["file"]).content)
    assert "Лист сборки" in text
    assert str(first.id) in text
    assert str(second.id) not in text


def test_reception_transfer_act_confirms_the_nearest(
    api: httpx.Client, sandbox_server: SandboxServer
) -> None:
    url = "/v2/campaigns/2001/shipments/reception-transfer-act"
    sandbox = sandbox_server.sandbox
    today = sandbox.shipment(sandbox.opened_at.date())
    # The demo's shipment of today is past its cutoff: the nearest one, confirmed by this call.
    act = api.get(url)
    assert act.status_code == 200, act.text
    assert today.confirmed_at is not None
    assert f"№ {today.id}" in pdf_text(act.content)


def test_reception_transfer_act_without_a_formed_shipment() -> None:
    app = create_app(SandboxConfig(clock=SandboxClock(start=datetime(2026, 3, 2, 10, 0)), order_count=0))
    server, thread, url = serve_in_thread(app)
    try:
        response = httpx.get(
            f"{url}/v2/campaigns/2001/shipments/reception-transfer-act", headers={"Api-Key": "k"}
        )
    finally:
        stop_server(server, thread)
    assert_error(response, 400, "BAD_REQUEST")
    assert "Closest shipment for reception transfer act generation not found." in response.text


@pytest.mark.parametrize("hour", [0, 3, 9, 10, 12, 23])
def test_demo_data_always_holds_a_confirmable_and_a_pallet_shipment(hour: int) -> None:
    sandbox = Sandbox(SandboxConfig(clock=SandboxClock(start=datetime(2026, 3, 2, hour, 30))))
    now = sandbox.now()
    fbs_days = {
        o.shipment_date for o in sandbox.orders.values() if o.program == "FBS" and o.campaign_id == 2001
    }
    today, tomorrow = now.date(), now.date() + timedelta(days=1)
    assert {today, tomorrow} <= fbs_days
    assert sandbox.shipment(today).actions(now) == ["CONFIRM"]
    assert "CHANGE_PALLETS_COUNT" in sandbox.shipment(tomorrow).actions(now)


def test_unknown_shipment_and_non_fbs(api: httpx.Client) -> None:
    assert_error(api.get(f"{FIRST_MILE}/1"), 404, "NOT_FOUND")
    assert_error(
        api.put(
            "/v2/campaigns/2002/first-mile/shipments", json={"dateFrom": "2031-01-01", "dateTo": "2031-01-02"}
        ),
        403,
        "FORBIDDEN",
    )


def test_clock_option_shifts_or_starts_at_a_moment() -> None:
    now = datetime(2026, 3, 2, 10, 0, tzinfo=MSK)
    assert clock_shift("+5h", now) == timedelta(hours=5)
    assert clock_shift("-30m", now) == timedelta(minutes=-30)
    assert clock_shift("+1d", now) == timedelta(days=1)
    assert clock_shift("2026-03-02T18:30", now) == timedelta(hours=8, minutes=30)
    with pytest.raises(ValueError, match="soon"):
        clock_shift("soon", now)
