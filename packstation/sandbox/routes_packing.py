"""Packing endpoints: box layout, marking codes and their verification, DBS identifiers and
items, external id, status changes, buyer-cancellation acceptance and the Express handover."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from packstation.sandbox import serialize
from packstation.sandbox.api import body_json, path_int, plain, state, wrapped
from packstation.sandbox.errors import bad_request
from packstation.sandbox.model import Order


def _ids(request: Request) -> tuple[int, int]:
    return path_int(request, "campaignId"), path_int(request, "orderId")


async def set_boxes(request: Request) -> JSONResponse:
    campaign_id, order_id = _ids(request)
    body = await body_json(request)
    sandbox = state(request)
    sandbox.set_layout(campaign_id, order_id, body)
    return wrapped({"boxes": serialize.layout_out(sandbox.order(campaign_id, order_id))})


async def identifiers(request: Request) -> JSONResponse:
    campaign_id, order_id = _ids(request)
    order = state(request).set_identifiers(campaign_id, order_id, await body_json(request))
    items = []
    for line in order.lines:
        item: dict[str, Any] = {
            "id": line.id,
            "count": line.count,
            "price": float(line.unit_price),
            "offerId": line.product.offer_id,
            "offerName": line.product.name,
            "vat": "VAT_20",
        }
        if line.instances:
            item["instances"] = [serialize.instance_out(i) for i in line.instances]
        items.append(item)
    return wrapped({"items": items})


async def identifiers_status(request: Request) -> JSONResponse:
    campaign_id, order_id = _ids(request)
    sandbox = state(request)
    order = sandbox.order(campaign_id, order_id)
    views = sandbox.code_views(order)
    items = []
    for line in order.lines:
        item: dict[str, Any] = {"id": line.id}
        for kind in ("cis", "uin"):
            entries = []
            for view in (v for v in views if v.line_id == line.id and v.kind == kind):
                entry: dict[str, Any] = {"value": view.value, "status": view.status}
                if view.substatus:
                    entry["substatus"] = view.substatus
                entries.append(entry)
            if entries:
                item[kind] = entries
        items.append(item)
    return wrapped({"items": items})


async def update_items(request: Request) -> JSONResponse:
    campaign_id, order_id = _ids(request)
    state(request).update_items(campaign_id, order_id, await body_json(request))
    return JSONResponse(None)


async def external_id(request: Request) -> JSONResponse:
    campaign_id, order_id = _ids(request)
    body = await body_json(request)
    state(request).set_external_id(
        campaign_id, order_id, body.get("externalOrderId") if isinstance(body, dict) else None
    )
    return wrapped()


def _operation(order: Order, request: Request, status: Any, substatus: Any) -> dict[str, Any] | None:
    if order.program != "LAAS":
        return None
    operation = state(request).laas_status_operation(order, status, substatus)
    return {"id": operation.id, "type": operation.type}


async def update_status(request: Request) -> JSONResponse:
    campaign_id, order_id = _ids(request)
    body = await body_json(request)
    wanted = body.get("order") if isinstance(body, dict) else None
    if not isinstance(wanted, dict):
        raise bad_request("BAD_REQUEST", "order is required")
    order = state(request).update_status(campaign_id, order_id, wanted.get("status"), wanted.get("substatus"))
    result: dict[str, Any] = {"order": serialize.legacy_order(order)}
    operation = _operation(order, request, wanted.get("status"), wanted.get("substatus"))
    if operation:
        result["operation"] = operation
    return plain(result)


async def update_statuses(request: Request) -> JSONResponse:
    campaign_id = path_int(request, "campaignId")
    results = state(request).update_statuses(campaign_id, await body_json(request))
    orders = []
    for order_id, outcome in results:
        entry: dict[str, Any] = {
            "id": order_id,
            "updateStatus": "OK" if outcome.error_code is None else "ERROR",
        }
        if outcome.order is not None:
            entry |= {"status": outcome.order.status, "substatus": outcome.order.substatus}
        if outcome.error_code is not None:
            entry["errorDetails"] = f"{outcome.error_code}: {outcome.error_message}"
        if outcome.operation is not None:
            entry["operation"] = {"id": outcome.operation.id, "type": outcome.operation.type}
        orders.append(entry)
    return wrapped({"orders": orders})


async def accept_cancellation(request: Request) -> JSONResponse:
    campaign_id, order_id = _ids(request)
    body = await body_json(request)
    order = state(request).order(campaign_id, order_id)
    if order.program != "DBS":
        raise bad_request("ACTION_FORBIDDEN", "Cancellation acceptance is for DBS orders")
    if not isinstance(body, dict) or not isinstance(body.get("accepted"), bool):
        raise bad_request("BAD_REQUEST", "accepted is required")
    if not body["accepted"] and body.get("reason") not in ("ORDER_DELIVERED", "ORDER_IN_DELIVERY"):
        raise bad_request("BAD_REQUEST", "reason is required when accepted is false")
    if order.status not in ("DELIVERY", "PICKUP"):
        raise bad_request("STATUS_NOT_ALLOWED", "No cancellation is waiting for approval")
    if body["accepted"]:
        order.status, order.substatus = "CANCELLED", "USER_CHANGED_MIND"
        order.updated_at = state(request).now()
    return wrapped()


async def verify_eac(request: Request) -> JSONResponse:
    campaign_id, order_id = _ids(request)
    body = await body_json(request)
    verdict, attempts = state(request).verify_eac(
        campaign_id, order_id, body.get("code") if isinstance(body, dict) else None
    )
    result: dict[str, Any] = {"verificationResult": verdict}
    if attempts is not None:
        result["attemptsLeft"] = attempts
    return wrapped(result)


ROUTES = [
    Route("/v2/campaigns/{campaignId}/orders/{orderId}/boxes", set_boxes, methods=["PUT"]),
    Route("/v2/campaigns/{campaignId}/orders/{orderId}/identifiers", identifiers, methods=["PUT"]),
    Route(
        "/v2/campaigns/{campaignId}/orders/{orderId}/identifiers/status", identifiers_status, methods=["POST"]
    ),
    Route("/v2/campaigns/{campaignId}/orders/{orderId}/items", update_items, methods=["PUT"]),
    Route("/v2/campaigns/{campaignId}/orders/{orderId}/external-id", external_id, methods=["POST"]),
    Route("/v2/campaigns/{campaignId}/orders/{orderId}/status", update_status, methods=["PUT"]),
    Route("/v2/campaigns/{campaignId}/orders/status-update", update_statuses, methods=["POST"]),
    Route(
        "/v2/campaigns/{campaignId}/orders/{orderId}/cancellation/accept",
        accept_cancellation,
        methods=["PUT"],
    ),
    Route("/v2/campaigns/{campaignId}/orders/{orderId}/verifyEac", verify_eac, methods=["PUT"]),
]
