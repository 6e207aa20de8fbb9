"""FBS first-mile shipments: the FBS orders of one shipment date form one handover to the
sorting centre. A shipment is ready for confirmation once all its live orders are packed
(READY_TO_SHIP or later); confirming it unlocks the handover act (PDF)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from packstation.sandbox.api import body_json, decode_token, page, path_int, pdf, query_limit, state, wrapped
from packstation.sandbox.clock import MSK
from packstation.sandbox.errors import ApiError, bad_request
from packstation.sandbox.model import Order
from packstation.sandbox.serialize import iso
from packstation.sandbox.state import Sandbox

_PACKED = ("READY_TO_SHIP", "SHIPPED")
_WAREHOUSE = {"id": 300, "name": "Склад Ромашки", "address": "Москва, Складская ул., 1"}
_SORTING_CENTRE = {"id": 172, "name": "Сортировочный центр Маркета", "address": "Московская обл., Софьино"}


def _fbs_orders(sandbox: Sandbox, campaign_id: int) -> list[Order]:
    if sandbox.campaign(campaign_id).placement != "FBS":
        raise ApiError(403, "FORBIDDEN", "First-mile shipments exist for FBS stores only")
    return [o for o in sandbox.all_orders([campaign_id]) if o.program == "FBS"]


def _members(orders: list[Order], shipment_id: int) -> list[Order]:
    return [o for o in orders if o.shipment_id == shipment_id]


def _status(sandbox: Sandbox, shipment_id: int, members: list[Order]) -> str:
    if shipment_id in sandbox.confirmed_shipments:
        return "OUTBOUND_CONFIRMED"
    live = [o for o in members if o.status != "CANCELLED"]
    if live and all(o.substatus in _PACKED for o in live):
        return "OUTBOUND_READY_FOR_CONFIRMATION"
    return "OUTBOUND_CREATED"


def _info(sandbox: Sandbox, shipment_id: int, members: list[Order], cancelled: bool) -> dict[str, Any]:
    day = members[0].shipment_date
    live = [o for o in members if o.status != "CANCELLED"]
    planned = [o for o in live if o.substatus in _PACKED]
    confirmed = shipment_id in sandbox.confirmed_shipments
    return {
        "id": shipment_id,
        "planIntervalFrom": iso(datetime.combine(day, time(9), MSK)),
        "planIntervalTo": iso(datetime.combine(day, time(18), MSK)),
        "shipmentType": "IMPORT",
        "warehouse": _WAREHOUSE,
        "warehouseTo": _SORTING_CENTRE,
        "deliveryService": {"id": 1003937, "name": "Сортировочный центр Маркета"},
        "orderIds": [o.id for o in (members if cancelled else live)],
        "draftCount": len(live),
        "plannedCount": len(planned),
        "factCount": len(planned) if confirmed else 0,
        "signature": {"signed": False},
    }


def _shipment(request: Request) -> tuple[Sandbox, int, list[Order]]:
    sandbox = state(request)
    shipment_id = path_int(request, "shipmentId")
    members = _members(_fbs_orders(sandbox, path_int(request, "campaignId")), shipment_id)
    if not members:
        raise ApiError(404, "NOT_FOUND", f"Shipment {shipment_id} not found")
    return sandbox, shipment_id, members


def _flag(request: Request, name: str) -> bool:
    return request.query_params.get(name, "true").lower() != "false"


async def search_shipments(request: Request) -> JSONResponse:
    sandbox = state(request)
    orders = _fbs_orders(sandbox, path_int(request, "campaignId"))
    body = await body_json(request)
    try:
        start, end = date.fromisoformat(body["dateFrom"]), date.fromisoformat(body["dateTo"])
    except (KeyError, TypeError, ValueError) as error:
        raise bad_request("BAD_REQUEST", "dateFrom and dateTo (YYYY-MM-DD) are required") from error
    limit = query_limit(request, 15, 30, truncate=False)
    offset = decode_token(request, "shipments")
    cancelled = body.get("cancelledOrders", True) is not False
    ids = sorted({o.shipment_id for o in orders if start <= o.shipment_date <= end})
    infos = []
    for shipment_id in ids:
        members = _members(orders, shipment_id)
        info = _info(sandbox, shipment_id, members, cancelled)
        info["status"] = _status(sandbox, shipment_id, members)
        if body.get("statuses") and info["status"] not in body["statuses"]:
            continue
        if body.get("orderIds") and not set(body["orderIds"]) & {o.id for o in members}:
            continue
        infos.append(info)
    chunk, paging = page(infos, offset, limit, "shipments")
    return wrapped({"shipments": chunk, "paging": paging})


async def get_shipment(request: Request) -> JSONResponse:
    sandbox, shipment_id, members = _shipment(request)
    status = _status(sandbox, shipment_id, members)
    result = _info(sandbox, shipment_id, members, _flag(request, "cancelledOrders"))
    result["currentStatus"] = {"status": status, "updateTime": iso(sandbox.now())}
    actions = {"OUTBOUND_READY_FOR_CONFIRMATION": ["CONFIRM"], "OUTBOUND_CONFIRMED": ["DOWNLOAD_ACT"]}
    result["availableActions"] = actions.get(status, [])
    return wrapped(result)


async def orders_info(request: Request) -> JSONResponse:
    _, _, members = _shipment(request)
    live = [o for o in members if o.status != "CANCELLED"]
    return wrapped(
        {
            "orderIdsWithLabels": [o.id for o in live if o.boxes],
            "orderIdsWithoutLabels": [o.id for o in live if not o.boxes],
        }
    )


def _confirm(sandbox: Sandbox, shipment_id: int, members: list[Order]) -> None:
    status = _status(sandbox, shipment_id, members)
    if status == "OUTBOUND_CONFIRMED":
        raise bad_request("ALREADY_CONFIRMED", f"Shipment {shipment_id} is already confirmed")
    if status != "OUTBOUND_READY_FOR_CONFIRMATION":
        raise bad_request("CUTOFF_NOT_REACHED", "Cutoff time for shipments has not been reached yet")
    sandbox.confirmed_shipments[shipment_id] = sandbox.now()


async def confirm(request: Request) -> JSONResponse:
    sandbox, shipment_id, members = _shipment(request)
    await body_json(request, optional=True)
    _confirm(sandbox, shipment_id, members)
    return wrapped()


async def _act(sandbox: Sandbox, shipment_id: int, members: list[Order]) -> Response:
    from packstation.sandbox.documents import render_handover_act  # reportlab: only when drawn

    live = [o for o in members if o.status != "CANCELLED"]
    content = await run_in_threadpool(
        render_handover_act, shipment_id, live, sandbox.confirmed_shipments[shipment_id]
    )
    return pdf(content, f"act-{shipment_id}.pdf")


async def download_act(request: Request) -> Response:
    sandbox, shipment_id, members = _shipment(request)
    if shipment_id not in sandbox.confirmed_shipments:
        raise bad_request("ACTION_FORBIDDEN", "Confirm the shipment before downloading its act")
    return await _act(sandbox, shipment_id, members)


async def reception_transfer_act(request: Request) -> Response:
    """Confirms the nearest ready shipment (today or later) and returns its act."""
    sandbox = state(request)
    orders = _fbs_orders(sandbox, path_int(request, "campaignId"))
    today = sandbox.now().date()
    for shipment_id in sorted({o.shipment_id for o in orders if o.shipment_date >= today}):
        members = _members(orders, shipment_id)
        status = _status(sandbox, shipment_id, members)
        if status == "OUTBOUND_READY_FOR_CONFIRMATION":
            _confirm(sandbox, shipment_id, members)
        if status != "OUTBOUND_CREATED":
            return await _act(sandbox, shipment_id, members)
    raise bad_request("BAD_REQUEST", "Closest shipment for reception transfer act generation not found.")


_BASE = "/v2/campaigns/{campaignId}/first-mile/shipments"
ROUTES = [
    Route(_BASE, search_shipments, methods=["PUT"]),
    Route(_BASE + "/{shipmentId}", get_shipment, methods=["GET"]),
    Route(_BASE + "/{shipmentId}/orders/info", orders_info, methods=["GET"]),
    Route(_BASE + "/{shipmentId}/confirm", confirm, methods=["POST"]),
    Route(_BASE + "/{shipmentId}/act", download_act, methods=["GET"]),
    Route(
        "/v2/campaigns/{campaignId}/shipments/reception-transfer-act", reception_transfer_act, methods=["GET"]
    ),
]
