"""LaaS (delivery options, create/update orders, update options, operations), order statistics
and the DBS delivery helpers, all consistent with the orders the sandbox holds."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from packstation.sandbox import codes
from packstation.sandbox.api import body_json, decode_token, page, path_int, query_limit, state, wrapped
from packstation.sandbox.errors import ApiError, bad_request
from packstation.sandbox.model import Order, Recipient
from packstation.sandbox.serialize import iso

LAAS_WAREHOUSE_ID = 300
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


def _object(body: Any, name: str) -> dict[str, Any]:
    value = body.get(name) if isinstance(body, dict) else None
    if not isinstance(value, dict):
        raise bad_request("BAD_REQUEST", f"{name} is required")
    return value


def _laas_campaign(request: Request) -> int:
    campaign_id = path_int(request, "campaignId")
    if state(request).campaign(campaign_id).placement != "LAAS":
        raise ApiError(403, "FORBIDDEN", "The method is available for LaaS stores only")
    return campaign_id


def _interval(start: date, days: int) -> dict[str, str]:
    return {"fromDate": start.isoformat(), "toDate": (start + timedelta(days=days)).isoformat()}


async def delivery_options(request: Request) -> JSONResponse:
    _laas_campaign(request)
    body = await body_json(request)
    items = body.get("items") if isinstance(body, dict) else None
    if not isinstance(items, list) or not 1 <= len(items) <= 1000:
        raise bad_request("BAD_REQUEST", "items must hold 1 to 1000 entries")
    catalogue = state(request).catalogue
    for item in items:
        if not isinstance(item, dict) or item.get("offerId") not in catalogue:
            raise bad_request("NOT_ENOUGH_STOCK", f"No stock for {item!r}")
        if not isinstance(item.get("count"), int) or not 1 <= item["count"] <= 1000:
            raise bad_request("BAD_REQUEST", "count must be 1..1000")
    pickup, courier = body.get("pickupDelivery"), body.get("courierDelivery")
    if (pickup is None) == (courier is None):
        raise bad_request("BAD_REQUEST", "Pass exactly one of pickupDelivery and courierDelivery")
    start = state(request).now().date() + timedelta(days=1)
    options: dict[str, Any] = {}
    if pickup is not None:
        points = pickup.get("logisticPointsIds") if isinstance(pickup, dict) else None
        if not isinstance(points, list) or not 1 <= len(points) <= 20:
            raise bad_request("BAD_REQUEST", "logisticPointsIds must hold 1 to 20 ids")
        options["pickupDelivery"] = {
            "pickupOptions": [
                {
                    "logisticPointId": point,
                    "options": [
                        {
                            "deliveryDateInterval": _interval(start, 1),
                            "price": {"value": 99, "currencyId": "RUR"},
                        }
                    ],
                }
                for point in points
            ]
        }
    else:
        options["courierDelivery"] = {
            "courierDeliveryOptions": [
                {
                    "deliveryDateInterval": _interval(start + timedelta(days=n), 0),
                    "deliveryTimeInterval": {"fromTime": "10:00", "toTime": "18:00"},
                    "price": {"value": 249, "currencyId": "RUR"},
                }
                for n in range(3)
            ]
        }
    basic = [{"offerId": item["offerId"], "count": item["count"]} for item in items]
    return wrapped(
        {
            "warehousesDeliveryOptions": [
                {"warehouseId": LAAS_WAREHOUSE_ID, "deliveryOptions": options, "items": basic}
            ]
        }
    )


def _customer(raw: Any) -> Recipient:
    if not isinstance(raw, dict) or not all(
        isinstance(raw.get(k), str) and raw[k] for k in ("firstName", "lastName", "phone")
    ):
        raise bad_request("BAD_REQUEST", "customer needs firstName, lastName and phone")
    if not raw["phone"].startswith("+") or not raw["phone"][1:].isdigit():
        raise bad_request("BAD_REQUEST", "customer.phone must look like +79990001122")
    return Recipient(raw["lastName"], raw["firstName"], raw.get("middleName") or "", raw["phone"])


async def create_order(request: Request) -> JSONResponse:
    campaign_id = _laas_campaign(request)
    sandbox = state(request)
    spec = _object(await body_json(request), "order")
    external = spec.get("externalOrderId")
    if not isinstance(external, str) or not external:
        raise bad_request("BAD_REQUEST", "externalOrderId is required")
    if any(o.external_id == external and o.campaign_id == campaign_id for o in sandbox.all_orders()):
        raise bad_request("ORDER_ALREADY_EXISTS", f"Order {external} already exists")
    recipient = _customer(spec.get("customer"))
    destination = spec.get("destination")
    if not isinstance(destination, dict) or ("pickupDelivery" in destination) == (
        "courierDelivery" in destination
    ):
        raise bad_request(
            "BAD_REQUEST", "destination needs exactly one of pickupDelivery and courierDelivery"
        )
    groups = spec.get("itemsDelivery")
    if not isinstance(groups, list) or not groups:
        raise bad_request("BAD_REQUEST", "itemsDelivery must be a non-empty array")
    created = []
    for group in groups:
        items = group.get("items") if isinstance(group, dict) else None
        if not isinstance(items, list) or not items:
            raise bad_request("BAD_REQUEST", "itemsDelivery[].items must be a non-empty array")
        offers = [item.get("offerId") for item in items]
        if len(set(offers)) != len(offers):
            raise bad_request("BAD_REQUEST", "offerId must be unique within a request")
        if any(offer not in sandbox.catalogue for offer in offers):
            raise bad_request("NOT_ENOUGH_STOCK", "Some offers are not in stock")
        dates = group.get("deliveryDateInterval") or {}
        try:
            ship = date.fromisoformat(dates["fromDate"])
        except (KeyError, TypeError, ValueError) as error:
            raise bad_request("BAD_REQUEST", "deliveryDateInterval.fromDate is required") from error
        priced = tuple(
            (item["offerId"], int(item["count"]), Decimal(str(item["price"]["value"]))) for item in items
        )
        order = sandbox.add_laas_order(
            priced,
            external_id=external,
            recipient=recipient,
            delivery_date=ship,
            draft=bool(spec.get("draft", False)),
            fake=bool(spec.get("fake", False)),
        )
        created.append({"id": order.id})
    return wrapped({"orders": created})


def _laas_order(request: Request, campaign_id: int, raw_id: Any) -> Order:
    if not isinstance(raw_id, int):
        raise bad_request("BAD_REQUEST", "order id is required")
    order = state(request).order(campaign_id, raw_id)
    return order


async def update_order(request: Request) -> JSONResponse:
    campaign_id = _laas_campaign(request)
    spec = _object(await body_json(request), "order")
    order = _laas_order(request, campaign_id, spec.get("id"))
    if order.status in ("DELIVERED", "CANCELLED"):
        raise bad_request("ORDER_MODIFICATION_NOT_ALLOWED", f"Order {order.id} is {order.status}")
    sandbox = state(request)
    operations = []
    if spec.get("customer") is not None:
        order.recipient = _customer(spec["customer"])
        operations.append(sandbox.new_operation(order, "ORDER_RECIPIENT_UPDATE"))
    if spec.get("deliveryInterval") is not None:
        interval = spec["deliveryInterval"].get("deliveryDateInterval") or {}
        try:
            order.shipment_date = date.fromisoformat(interval["fromDate"])
        except (KeyError, TypeError, ValueError) as error:
            raise bad_request("BAD_REQUEST", "deliveryDateInterval.fromDate is required") from error
        operations.append(sandbox.new_operation(order, "ORDER_DELIVERY_INTERVAL_UPDATE"))
    if not operations:
        raise bad_request("BAD_REQUEST", "Nothing to update: pass customer or deliveryInterval")
    order.updated_at = sandbox.now()
    return wrapped({"operations": [{"id": op.id, "type": op.type} for op in operations]})


async def update_options(request: Request) -> JSONResponse:
    campaign_id = _laas_campaign(request)
    body = await body_json(request)
    order = _laas_order(request, campaign_id, body.get("id") if isinstance(body, dict) else None)
    intervals = []
    if order.status not in ("DELIVERED", "CANCELLED"):
        start = max(order.shipment_date, state(request).now().date()) + timedelta(days=1)
        intervals = [
            {
                "deliveryDateInterval": _interval(start + timedelta(days=n), 0),
                "deliveryTimeInterval": {"fromTime": "10:00", "toTime": "18:00"},
            }
            for n in range(2)
        ]
    return wrapped({"deliveryIntervals": {"availableDeliveryIntervals": intervals}})


async def operations(request: Request) -> JSONResponse:
    sandbox = state(request)
    sandbox.check_business(path_int(request, "businessId"))
    body = await body_json(request)
    ids = body.get("operationIds") if isinstance(body, dict) else None
    kind = body.get("operationType") if isinstance(body, dict) else None
    if not isinstance(ids, list) or not 1 <= len(ids) <= 100 or not isinstance(kind, str):
        raise bad_request("BAD_REQUEST", "operationType and 1 to 100 operationIds are required")
    now = sandbox.now()
    found = [
        sandbox.operations[i] for i in ids if i in sandbox.operations and sandbox.operations[i].type == kind
    ]
    return wrapped(
        {
            "operations": [
                {
                    "id": op.id,
                    "type": op.type,
                    "status": "DONE" if now >= op.done_at else "IN_PROGRESS",
                }
                for op in found
            ]
        }
    )


def _stats_item(
    product: Any, count: int, unit_price: Decimal, initial: int | None, cis: list[str]
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "offerName": product.name,
        "marketSku": 100_000_000 + zlib.crc32(product.offer_id.encode()) % 10**8,
        "shopSku": product.offer_id,
        "count": count,
        "prices": [{"type": "BUYER", "costPerItem": float(unit_price), "total": float(unit_price * count)}],
        "warehouse": {"id": LAAS_WAREHOUSE_ID, "name": "Склад Ромашки, Москва"},
    }
    if initial is not None and initial != count:
        item["initialCount"] = initial
    if cis:
        item["cisList"] = cis
    return item


def _stats_order(order: Order) -> dict[str, Any]:
    status = _STATS_STATUS.get(order.status, "UNKNOWN")
    if order.status == "CANCELLED":
        status = "CANCELLED_IN_PROCESSING"
    initial_counts = {product.offer_id: count for product, count, _ in order.initial}
    items = [
        _stats_item(
            line.product,
            line.count,
            line.unit_price,
            initial_counts.get(line.product.offer_id),
            [codes.cis_without_tail(i["cis"]) for i in line.instances if "cis" in i],
        )
        for line in order.lines
    ]
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
    if order.removed_units:
        result["initialItems"] = [
            _stats_item(product, count, price, None, []) for product, count, price in order.initial
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
        new_date = date.fromisoformat(_object(body, "dates")["toDate"])
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
    Route("/v1/campaigns/{campaignId}/delivery-options", delivery_options, methods=["POST"]),
    Route("/v1/campaigns/{campaignId}/orders/create", create_order, methods=["POST"]),
    Route("/v1/campaigns/{campaignId}/orders/update", update_order, methods=["POST"]),
    Route("/v1/campaigns/{campaignId}/orders/update-options", update_options, methods=["POST"]),
    Route("/v1/businesses/{businessId}/operations", operations, methods=["POST"]),
    Route("/v2/campaigns/{campaignId}/stats/orders", orders_stats, methods=["POST"]),
    Route("/v2/campaigns/{campaignId}/orders/{orderId}/delivery/date", delivery_date, methods=["PUT"]),
    Route("/v2/campaigns/{campaignId}/orders/{orderId}/delivery/track", track_code, methods=["POST"]),
    Route(
        "/v2/campaigns/{campaignId}/orders/{orderId}/delivery/storage-limit", storage_limit, methods=["PUT"]
    ),
]
