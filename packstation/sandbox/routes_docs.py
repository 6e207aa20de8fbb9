"""Label endpoints: the all-boxes PDF, one box's PDF, labels data JSON, and the asynchronous
mass-labels report (PENDING -> DONE with a download URL minted anew on every info call)."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from packstation.domain.labels import BoxLabel, LabelFormat, OrderLabels
from packstation.printing.label_render import render_labels
from packstation.sandbox import serialize
from packstation.sandbox.api import body_json, path_int, pdf, state, wrapped
from packstation.sandbox.errors import ApiError, bad_request
from packstation.sandbox.model import Order
from packstation.sandbox.serialize import iso

# The document renderers (reportlab, zint) are imported by the handlers that draw them: the app's
# demo mode builds this emulator at start-up and must not pay for PDF libraries it may never use.


def _format(request: Request) -> LabelFormat:
    raw = request.query_params.get("format", LabelFormat.A7.value)
    try:
        return LabelFormat(raw)
    except ValueError as error:
        raise bad_request(
            "INVALID_QUERY_PARAMETER", f"format must be one of {', '.join(LabelFormat)}"
        ) from error


def _labelled_order(request: Request) -> Order:
    order = state(request).order(path_int(request, "campaignId"), path_int(request, "orderId"))
    if order.status == "CANCELLED":
        raise bad_request("ORDER_IN_TERMINAL_STATE", f"Order {order.id} is cancelled")
    if not order.boxes:
        raise bad_request("NO_BOXES", "Send the box layout (PUT .../boxes) before printing labels")
    return order


def base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


async def order_labels(request: Request) -> Response:
    fmt = _format(request)
    order = _labelled_order(request)
    content = await run_in_threadpool(render_labels, serialize.order_labels(order), fmt)
    return pdf(content, f"labels-{order.id}.pdf")


async def box_label(request: Request) -> Response:
    fmt = _format(request)
    order = _labelled_order(request)
    box_id = path_int(request, "boxId")
    labels = serialize.order_labels(order)
    boxes = tuple(box for box in labels.boxes if box.box_id == box_id)
    if not boxes:
        raise ApiError(404, "NOT_FOUND", f"Box {box_id} not found in order {order.id}")
    one = OrderLabels(order_id=order.id, places=labels.places, boxes=boxes)
    content = await run_in_threadpool(render_labels, one, fmt)
    return pdf(content, f"label-{boxes[0].fulfilment_id}.pdf")


async def labels_data(request: Request) -> JSONResponse:
    order = _labelled_order(request)
    return wrapped(serialize.labels_data(order, base_url(request)))


async def mass_labels(request: Request) -> JSONResponse:
    fmt = _format(request)
    body = await body_json(request)
    if not isinstance(body, dict) or not isinstance(body.get("businessId"), int):
        raise bad_request("BAD_REQUEST", "businessId is required")
    report = state(request).create_labels_report(
        body["businessId"], body.get("orderIds"), fmt.value, body.get("sortingType")
    )
    estimate = int((report.ready_at - report.requested_at).total_seconds() * 1000)
    return wrapped({"reportId": report.id, "estimatedGenerationTime": estimate})


async def shipment_list(request: Request) -> JSONResponse:
    body = await body_json(request)
    if not isinstance(body, dict) or not isinstance(body.get("campaignId"), int):
        raise bad_request("BAD_REQUEST", "campaignId is required")
    report = state(request).create_shipment_list_report(
        body["campaignId"], body.get("orderIds"), body.get("shipmentId")
    )
    estimate = int((report.ready_at - report.requested_at).total_seconds() * 1000)
    return wrapped({"reportId": report.id, "estimatedGenerationTime": estimate})


async def report_info(request: Request) -> JSONResponse:
    sandbox = state(request)
    report = sandbox.report(request.path_params["reportId"])
    now = sandbox.now()
    result: dict[str, Any] = {"generationRequestedAt": iso(report.requested_at)}
    if now < report.ready_at:
        result |= {
            "status": "PENDING",
            "estimatedGenerationTime": int((report.ready_at - now).total_seconds() * 1000),
        }
        return wrapped(result)
    result["generationFinishedAt"] = iso(report.ready_at)
    if not report.order_ids:
        result |= {"status": "FAILED", "subStatus": "RESOURCE_NOT_FOUND"}
        return wrapped(result)
    result |= {
        "status": "DONE",
        "file": f"{base_url(request)}/_sandbox/files/{report.id}.pdf?t={int(now.timestamp())}",
    }
    if report.missing:
        result["subStatus"] = "RESOURCE_NOT_FOUND"
    return wrapped(result)


async def report_file(request: Request) -> Response:
    sandbox = state(request)
    report = sandbox.report(request.path_params["reportId"])
    if sandbox.now() < report.ready_at:
        raise ApiError(404, "NOT_FOUND", "The report is not ready")
    if report.kind == "shipment-list":
        from packstation.sandbox.documents import render_shipment_list

        orders = [sandbox.find(order_id) for order_id in report.order_ids]
        listing = await run_in_threadpool(render_shipment_list, orders, report.requested_at)
        return pdf(listing, f"{report.id}.pdf")
    boxes: list[BoxLabel] = []
    for order_id in report.order_ids:
        order = sandbox.find(order_id)
        if order.boxes and order.status != "CANCELLED":
            boxes.extend(serialize.order_labels(order).boxes)
    first = report.order_ids[0] if report.order_ids else 0
    content = await run_in_threadpool(
        render_labels,
        OrderLabels(order_id=first, places=len(boxes), boxes=tuple(boxes)),
        LabelFormat(report.label_format),
    )
    return pdf(content, f"{report.id}.pdf")


async def training_sheet(request: Request) -> Response:
    """The printable sheet of every demo code (GS1 DataMatrix for CIS) for training."""
    from packstation.sandbox.training_sheet import render_training_sheet

    sandbox = state(request)
    content = await run_in_threadpool(render_training_sheet, sandbox.catalogue, sandbox.code_stock)
    return pdf(content, "training-codes.pdf")


ROUTES = [
    Route("/v2/campaigns/{campaignId}/orders/{orderId}/delivery/labels", order_labels, methods=["GET"]),
    Route("/v2/campaigns/{campaignId}/orders/{orderId}/delivery/labels/data", labels_data, methods=["GET"]),
    Route(
        "/v2/campaigns/{campaignId}/orders/{orderId}/delivery/shipments/{shipmentId}/boxes/{boxId}/label",
        box_label,
        methods=["GET"],
    ),
    Route("/v2/reports/documents/labels/generate", mass_labels, methods=["POST"]),
    Route("/v2/reports/documents/shipment-list/generate", shipment_list, methods=["POST"]),
    Route("/v2/reports/info/{reportId}", report_info, methods=["GET"]),
    Route("/_sandbox/files/{reportId}.pdf", report_file, methods=["GET"]),
    Route("/_sandbox/training-sheet.pdf", training_sheet, methods=["GET"]),
]
