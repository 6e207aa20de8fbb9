"""Order statistics (seed 003) and the DBS delivery helpers, consistent with the orders the
sandbox holds. The LaaS endpoints live in `routes_laas`."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from packstation.sandbox import codes
from packstation.sandbox.api import (
    body_json,
    body_object,
    decode_token,
    page,
    path_int,
    query_limit,
    state,
    wrapped,
)
from packstation.sandbox.errors import bad_request
from packstation.sandbox.laas import WAREHOUSE_NAMES
from packstation.sandbox.model import Order
from packstation.sandbox.serialize import iso

LAAS_WAREHOUSE_ID = 300
DELIVERY_ITEM = "Доставка"  # NOTES 1.9: delivery is an extra item of a LaaS order's statistics
_STATS_STATUS = {
    "PROCESSING": "PROCESSING",
    "DELIVERY": "DELIVERY",
    "PICKUP": "PICKUP",
    "DELIVERED": "DELIVERED",
    "RESERVED": "RESERVED",
    "PENDING": "PENDING",
    "RETURNED": "RETURNED",
    "PARTIALLY_RETURNED": "PARTIALLY_RETURNED",
}



def _stats_item(
    product: Any, count: int, unit_price: Decimal, warehouse: int, initial: int | None, cis: list[str]
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "offerName": product.name,
        "marketSku": 100_000_000 + zlib.crc32(product.offer_id.encode()) % 10**8,
        "shopSku": product.offer_id,
        "count": count,
        "prices": [{"type": "BUYER", "costPerItem": float(unit_price), "total": float(unit_price * count)}],
        "warehouse": {"id": warehouse, "name": WAREHOUSE_NAMES.get(warehouse, "Склад Ромашки, Москва")},
    }
    if initial is not None:  # seed 003: initialCount belongs to the entries of initialItems
        item["initialCount"] = initial
    if cis:
        item["cisList"] = cis
    return item


def _stats_order(order: Order) -> dict[str, Any]:
    status = _STATS_STATUS.get(order.status, "UNKNOWN")
    if order.status == "CANCELLED":
        before = order.cancelled_from == "RESERVED"  # an unconfirmed LaaS draft
        status = "CANCELLED_BEFORE_PROCESSING" if before else "CANCELLED_IN_PROCESSING"
    warehouse = order.laas.warehouse_id if order.laas is not None else LAAS_WAREHOUSE_ID
    items = [
        _stats_item(
            line.product,
            line.count,
            line.unit_price,
            warehouse,
            None,
            [codes.cis_without_tail(i["cis"]) for i in line.instances if "cis" in i],
        )
        for line in order.lines
        if line.count > 0
    ]
    if order.laas is not None and order.laas.price:  # the Market lists delivery as an item
        fee = float(order.laas.price)
        items.append(
            {
                "offerName": DELIVERY_ITEM,
                "count": 1,
                "prices": [{"type": "BUYER", "costPerItem": fee, "total": fee}],
                "warehouse": {"id": warehouse, "name": WAREHOUSE_NAMES.get(warehouse, "")},
            }
        )
    result: dict[str, Any] = {
        "id": order.id,
        "creationDate": order.created_at.date().isoformat(),
        "statusUpdateDate": iso(order.status_updated_at or order.created_at),
        "status": status,
        "paymentType": "PREPAID",
        "fake": order.fake,
        "deliveryRegion": {"id": 213, "name": order.city},
        "items": items,
        "payments": [
            {
                "id": f"pay-{order.id}",
                "date": order.created_at.date().isoformat(),
                "type": "PAYMENT",
                "source": "BUYER",
                "total": float(sum((p * c for _, c, p in order.initial), Decimal(0))),
            }
        ],
        "commissions": [{"type": "FEE", "actual": round(float(order.total) * 0.05, 2)}],
        "currency": "RUR",
    }
    if order.external_id:
        result["partnerOrderId"] = order.external_id
    if order.removed_units:  # only when quantities changed: the lines as ordered
        result["initialItems"] = [
            _stats_item(product, count, price, warehouse, count, [])
            for product, count, price in order.initial
        ]
    return result


def _created_day(order: Order) -> date:
    return order.created_at.date()


def _updated_day(order: Order) -> date:
    return order.updated_at.date()


_STATS_DATES: tuple[tuple[str, Callable[[Order], date]], ...] = (
    ("date", _created_day),
    ("update", _updated_day),
)


async def orders_stats(request: Request) -> JSONResponse:
    sandbox = state(request)
    campaign_id = path_int(request, "campaignId")
    sandbox.campaign(campaign_id)
    body = await body_json(request, optional=True)
    if not isinstance(body, dict):
        raise bad_request("BAD_REQUEST", "The body must be an object")
    if (body.get("dateFrom") or body.get("dateTo")) and (body.get("updateFrom") or body.get("updateTo")):
        raise bad_request("BAD_REQUEST", "dateFrom/dateTo and updateFrom/updateTo cannot be combined")
    limit = query_limit(request, 100, 200, truncate=False)
    offset = decode_token(request, "stats")
    orders = sandbox.all_orders([campaign_id])
    try:  # both pairs are inclusive dates: creation dates, or dates of the last update
        for name, day_of in _STATS_DATES:
            if body.get(f"{name}From"):
                start = date.fromisoformat(body[f"{name}From"])
                orders = [o for o in orders if day_of(o) >= start]
            if body.get(f"{name}To"):
                end = date.fromisoformat(body[f"{name}To"])
                orders = [o for o in orders if day_of(o) <= end]
    except (TypeError, ValueError) as error:
        raise bad_request("BAD_REQUEST", "dates must be YYYY-MM-DD") from error
    if isinstance(body.get("orders"), list):
        wanted = set(body["orders"])
        orders = [o for o in orders if o.id in wanted]
    if isinstance(body.get("hasCis"), bool):
        orders = [
            o for o in orders if any("cis" in i for line in o.lines for i in line.instances) == body["hasCis"]
        ]
    stats = [_stats_order(o) for o in sorted(orders, key=lambda o: o.id)]
    if isinstance(body.get("statuses"), list):
        stats = [s for s in stats if s["status"] in body["statuses"]]
    chunk, paging = page(stats, offset, limit, "stats")
    return wrapped({"orders": chunk, "paging": paging})


def _dbs_order(request: Request) -> Order:
    order = state(request).order(path_int(request, "campaignId"), path_int(request, "orderId"))
    if order.program != "DBS":
        raise bad_request("ACTION_FORBIDDEN", "The method is for DBS orders")
    return order


async def delivery_date(request: Request) -> JSONResponse:
    order = _dbs_order(request)
    body = await body_json(request)
    if order.status not in ("PROCESSING", "DELIVERY"):
        raise bad_request("STATUS_NOT_ALLOWED", "The delivery date can be moved in PROCESSING or DELIVERY")
    reason = body.get("reason") if isinstance(body, dict) else None
    if reason not in ("USER_MOVED_DELIVERY_DATES", "PARTNER_MOVED_DELIVERY_DATES"):
        raise bad_request(
            "BAD_REQUEST", "reason must be USER_MOVED_DELIVERY_DATES or PARTNER_MOVED_DELIVERY_DATES"
        )
    try:
        new_date = date.fromisoformat(body_object(body, "dates")["toDate"])
    except (KeyError, TypeError, ValueError) as error:
        raise bad_request("BAD_REQUEST", "dates.toDate must be YYYY-MM-DD") from error
    if new_date == order.shipment_date:
        raise bad_request("SAME_DELIVERY_DATES", "The new date equals the current one")
    order.shipment_date = new_date
    order.updated_at = state(request).now()
    return wrapped()


async def track_code(request: Request) -> JSONResponse:
    order = _dbs_order(request)
    body = await body_json(request)
    code = body.get("trackCode") if isinstance(body, dict) else None
    if not isinstance(code, str) or not code or not isinstance(body.get("deliveryServiceId"), int):
        raise bad_request("BAD_REQUEST", "trackCode and deliveryServiceId are required")
    if order.status not in ("PROCESSING", "DELIVERY", "PICKUP"):
        raise bad_request("STATUS_NOT_ALLOWED", "A track code can be set in PROCESSING, DELIVERY or PICKUP")
    if any(o.track_code == code and o.id != order.id for o in state(request).all_orders()):
        raise bad_request("TRACK_CODE_ALREADY_USED", f"Track code {code} is used by another order")
    order.track_code = code
    return wrapped()


async def storage_limit(request: Request) -> JSONResponse:
    order = _dbs_order(request)
    body = await body_json(request)
    try:
        new_date = date.fromisoformat(body["newDate"])
    except (KeyError, TypeError, ValueError) as error:
        raise bad_request("BAD_REQUEST", "newDate must be YYYY-MM-DD") from error
    if order.storage_limit_moved:
        raise bad_request("EDIT_COUNT_EXCEEDED", "The storage limit can be moved once")
    if (new_date - order.shipment_date).days > 30:
        raise bad_request("DAYS_COUNT_EXCEEDED", "The storage limit can be moved by 30 days at most")
    order.storage_limit_moved = True
    return wrapped()


ROUTES = [
    Route("/v2/campaigns/{campaignId}/stats/orders", orders_stats, methods=["POST"]),
    Route("/v2/campaigns/{campaignId}/orders/{orderId}/delivery/date", delivery_date, methods=["PUT"]),
    Route("/v2/campaigns/{campaignId}/orders/{orderId}/delivery/track", track_code, methods=["POST"]),
    Route(
        "/v2/campaigns/{campaignId}/orders/{orderId}/delivery/storage-limit", storage_limit, methods=["PUT"]
    ),
]
