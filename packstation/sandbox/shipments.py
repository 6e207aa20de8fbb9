"""FBS first-mile shipments over HTTP: the FBS orders of one shipment date form one handover to
the sorting centre. The rules (cutoff, actions, acceptance) live in `first_mile`: CONFIRM is
offered once the cutoff has passed, the act and waybill after confirmation, the inbound and
discrepancy acts after acceptance, pallets on pallet shipments."""

from __future__ import annotations

from datetime import date
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from packstation.sandbox.api import body_json, decode_token, page, path_int, pdf, query_limit, state, wrapped
from packstation.sandbox.errors import ApiError, bad_request
from packstation.sandbox.first_mile import Shipment
from packstation.sandbox.model import Order
from packstation.sandbox.serialize import iso
from packstation.sandbox.state import Sandbox

_PACKED = ("READY_TO_SHIP", "SHIPPED")
_XLS = "application/vnd.ms-excel"
_WAREHOUSE = {"id": 300, "name": "Склад Ромашки", "address": "Москва, Складская ул., 1"}
_SORTING_CENTRE = {"id": 172, "name": "Сортировочный центр Маркета", "address": "Московская обл., Софьино"}
_STATUS_TEXT = {
    "OUTBOUND_CREATED": "Формируется",
    "OUTBOUND_READY_FOR_CONFIRMATION": "Можно обрабатывать",
    "OUTBOUND_CONFIRMED": "Подтверждена и готова к отправке",
    "ACCEPTED": "Принята в сортировочном центре",
    "ACCEPTED_WITH_DISCREPANCIES": "Принята с расхождениями",
}


def _fbs_orders(sandbox: Sandbox, campaign_id: int) -> list[Order]:
    if sandbox.campaign(campaign_id).placement != "FBS":
        raise ApiError(403, "FORBIDDEN", "First-mile shipments exist for FBS stores only")
    return [o for o in sandbox.all_orders([campaign_id]) if o.program == "FBS"]


def _members(orders: list[Order], shipment_id: int) -> list[Order]:
    return [o for o in orders if o.shipment_id == shipment_id]


def _info(sandbox: Sandbox, shipment: Shipment, members: list[Order], cancelled: bool) -> dict[str, Any]:
    live = [o for o in members if o.status != "CANCELLED"]
    planned = [o for o in live if o.substatus in _PACKED]
    info: dict[str, Any] = {
        "id": shipment.id,
        "planIntervalFrom": iso(shipment.interval_from),
        "planIntervalTo": iso(shipment.interval_to),
        "shipmentType": "IMPORT",
        "warehouse": _WAREHOUSE,
        "warehouseTo": _SORTING_CENTRE,
        "deliveryService": {"id": 1003937, "name": "Сортировочный центр Маркета"},
        "orderIds": [o.id for o in (members if cancelled else live)],
        "draftCount": len(live),
        "plannedCount": len(planned),
        "factCount": len(planned) if shipment.accepted else 0,
        "signature": {"signed": False},
    }
    if shipment.pallets is not None:
        info["palletsCount"] = {"planned": shipment.pallets} | (
            {"fact": shipment.pallets} if shipment.accepted else {}
        )
    return info


def _shipment(request: Request) -> tuple[Sandbox, Shipment, list[Order]]:
    sandbox = state(request)
    shipment_id = path_int(request, "shipmentId")
    members = _members(_fbs_orders(sandbox, path_int(request, "campaignId")), shipment_id)
    if not members:
        raise ApiError(404, "NOT_FOUND", f"Shipment {shipment_id} not found")
    return sandbox, sandbox.shipment(members[0].shipment_date), members


def _offered(sandbox: Sandbox, shipment: Shipment, action: str) -> None:
    if action not in shipment.actions(sandbox.now()):
        raise bad_request("ACTION_FORBIDDEN", f"Action {action} is not available for shipment {shipment.id}")


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
    now = sandbox.now()
    days = sorted({o.shipment_date for o in orders if start <= o.shipment_date <= end})
    infos = []
    for day in days:
        shipment = sandbox.shipment(day)
        members = _members(orders, shipment.id)
        info = _info(sandbox, shipment, members, cancelled)
        status = shipment.status(now)
        info |= {
            "status": status,
            "statusDescription": _STATUS_TEXT.get(status, status),
            "statusUpdateTime": iso(shipment.status_time(now)),
        }
        if body.get("statuses") and status not in body["statuses"]:
            continue
        if body.get("orderIds") and not set(body["orderIds"]) & {o.id for o in members}:
            continue
        infos.append(info)
    chunk, paging = page(infos, offset, limit, "shipments")
    return wrapped({"shipments": chunk, "paging": paging})


async def get_shipment(request: Request) -> JSONResponse:
    sandbox, shipment, members = _shipment(request)
    now = sandbox.now()
    status = shipment.status(now)
    result = _info(sandbox, shipment, members, _flag(request, "cancelledOrders"))
    result["currentStatus"] = {
        "status": status,
        "description": _STATUS_TEXT.get(status, status),
        "updateTime": iso(shipment.status_time(now)),
    }
    result["availableActions"] = shipment.actions(now)
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


def _confirm(sandbox: Sandbox, shipment: Shipment) -> None:
    status = shipment.status(sandbox.now())
    if shipment.confirmed_at is not None:
        raise bad_request("ALREADY_CONFIRMED", f"Shipment {shipment.id} is already confirmed")
    if status != "OUTBOUND_READY_FOR_CONFIRMATION":
        raise bad_request("CUTOFF_NOT_REACHED", "Cutoff time for shipments has not been reached yet")
    shipment.confirmed_at = sandbox.now()


async def confirm(request: Request) -> JSONResponse:
    sandbox, shipment, _ = _shipment(request)
    body = await body_json(request, optional=True)
    if body is not None and not isinstance(body, dict):
        raise bad_request("BAD_REQUEST", "The body must be an object")
    _confirm(sandbox, shipment)
    return wrapped()


async def _act(shipment: Shipment, members: list[Order], title: str = "Акт приёма-передачи") -> Response:
    from packstation.sandbox.documents import render_handover_act  # reportlab: only when drawn

    live = [o for o in members if o.status != "CANCELLED"]
    assert shipment.confirmed_at is not None
    content = await run_in_threadpool(render_handover_act, shipment.id, live, shipment.confirmed_at, title)
    return pdf(content, f"act-{shipment.id}.pdf")


async def download_act(request: Request) -> Response:
    sandbox, shipment, members = _shipment(request)
    _offered(sandbox, shipment, "DOWNLOAD_ACT")
    return await _act(shipment, members)


async def inbound_act(request: Request) -> Response:
    sandbox, shipment, members = _shipment(request)
    _offered(sandbox, shipment, "DOWNLOAD_INBOUND_ACT")
    return await _act(shipment, members, "Акт о приёмке")


def _xls(title: str, rows: list[list[str | int]], filename: str) -> Response:
    from packstation.sandbox.xlsx import write_sheet

    return Response(
        write_sheet(title, rows),
        media_type=_XLS,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


async def transportation_waybill(request: Request) -> Response:
    sandbox, shipment, members = _shipment(request)
    _offered(sandbox, shipment, "DOWNLOAD_TRANSPORTATION_WAYBILL")
    live = [o for o in members if o.status != "CANCELLED"]
    rows: list[list[str | int]] = [
        [f"Транспортная накладная № {shipment.id}"],
        ["Грузоотправитель", str(_WAREHOUSE["name"])],
        ["Грузополучатель", str(_SORTING_CENTRE["name"])],
        ["Заказ", "Грузовых мест"],
    ]
    rows += [[f"Заказ {o.id}", len(o.boxes)] for o in live]
    rows.append(["Итого", sum(len(o.boxes) for o in live)])
    return _xls("Накладная", rows, f"waybill-{shipment.id}.xlsx")


async def discrepancy_act(request: Request) -> Response:
    sandbox, shipment, members = _shipment(request)
    _offered(sandbox, shipment, "DOWNLOAD_DISCREPANCY_ACT")
    unpacked = [o for o in members if o.status != "CANCELLED" and o.substatus not in _PACKED]
    rows: list[list[str | int]] = [
        [f"Акт о расхождениях № {shipment.id}"],
        ["Заказ", "Расхождение"],
    ]
    rows += [[f"Заказ {o.id}", "Не поступил"] for o in unpacked]
    return _xls("Расхождения", rows, f"discrepancy-{shipment.id}.xlsx")


async def set_pallets(request: Request) -> JSONResponse:
    sandbox, shipment, _ = _shipment(request)
    body = await body_json(request)
    count = body.get("placesCount") if isinstance(body, dict) else None
    if type(count) is not int or count < 0:
        raise bad_request("BAD_REQUEST", "placesCount must be a non-negative integer")
    _offered(sandbox, shipment, "CHANGE_PALLETS_COUNT")
    shipment.pallets = count
    return wrapped()


async def pallet_labels(request: Request) -> Response:
    sandbox, shipment, _ = _shipment(request)
    page_format = request.query_params.get("format", "A8")
    if page_format not in ("A4", "A8"):
        raise bad_request("INVALID_QUERY_PARAMETER", "format must be A4 or A8")
    _offered(sandbox, shipment, "CHANGE_PALLETS_COUNT")
    if not shipment.pallets:
        raise bad_request("BAD_REQUEST", "Set the pallet count (PUT .../pallets) first")
    from packstation.sandbox.documents import render_pallet_labels

    content = await run_in_threadpool(render_pallet_labels, shipment.id, shipment.pallets, page_format)
    return pdf(content, f"pallets-{shipment.id}.pdf")


async def reception_transfer_act(request: Request) -> Response:
    """Confirms the nearest shipment past its cutoff (today or later) and returns its act."""
    sandbox = state(request)
    orders = _fbs_orders(sandbox, path_int(request, "campaignId"))
    now = sandbox.now()
    for day in sorted({o.shipment_date for o in orders if o.shipment_date >= now.date()}):
        shipment = sandbox.shipment(day)
        members = [o for o in _members(orders, shipment.id) if o.status != "CANCELLED"]
        if not members:
            continue
        status = shipment.status(now)
        if status == "OUTBOUND_READY_FOR_CONFIRMATION":
            _confirm(sandbox, shipment)
        if shipment.confirmed_at is not None:
            return await _act(shipment, members)
    raise bad_request("BAD_REQUEST", "Closest shipment for reception transfer act generation not found.")


_BASE = "/v2/campaigns/{campaignId}/first-mile/shipments"
ROUTES = [
    Route(_BASE, search_shipments, methods=["PUT"]),
    Route(_BASE + "/{shipmentId}", get_shipment, methods=["GET"]),
    Route(_BASE + "/{shipmentId}/orders/info", orders_info, methods=["GET"]),
    Route(_BASE + "/{shipmentId}/confirm", confirm, methods=["POST"]),
    Route(_BASE + "/{shipmentId}/act", download_act, methods=["GET"]),
    Route(_BASE + "/{shipmentId}/inbound-act", inbound_act, methods=["GET"]),
    Route(_BASE + "/{shipmentId}/transportation-waybill", transportation_waybill, methods=["GET"]),
    Route(_BASE + "/{shipmentId}/discrepancy-act", discrepancy_act, methods=["GET"]),
    Route(_BASE + "/{shipmentId}/pallets", set_pallets, methods=["PUT"]),
    Route(_BASE + "/{shipmentId}/pallet/labels", pallet_labels, methods=["GET"]),
    Route(
        "/v2/campaigns/{campaignId}/shipments/reception-transfer-act", reception_transfer_act, methods=["GET"]
    ),
]
