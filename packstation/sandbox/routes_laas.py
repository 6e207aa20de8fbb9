"""LaaS endpoints (seeds 002 and 004): pickup points, stocks, delivery options, creating orders,
changing them and the asynchronous operations that apply the changes."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from packstation.sandbox import laas
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
from packstation.sandbox.errors import ApiError, bad_request
from packstation.sandbox.model import LaasDelivery, Order, Recipient
from packstation.sandbox.serialize import iso

PHONE = re.compile(r"^\+[0-9]+$")  # the spec's pattern for customer.phone



def _laas_campaign(request: Request) -> int:
    campaign_id = path_int(request, "campaignId")
    if state(request).campaign(campaign_id).placement != "LAAS":
        raise ApiError(403, "FORBIDDEN", "The method is available for LaaS stores only")
    return campaign_id


def _day(value: date) -> dict[str, str]:
    return {"fromDate": value.isoformat(), "toDate": value.isoformat()}


# -- pickup points and stocks (seed 004 steps 1 and 2) ----------------------------------------


def _point_dto(point: laas.PickupPoint) -> dict[str, Any]:
    weekdays = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
    return {
        "logisticPointId": point.id,
        "brand": "MARKET",
        "address": {
            "fullAddress": point.full_address,
            "gps": {"latitude": point.latitude, "longitude": point.longitude},
            "regionId": point.region_id,
            "city": point.city,
            "street": point.street,
            "house": point.house,
        },
        "workingSchedule": {
            "schedule": [
                {"day": day, "startTime": "09:00", "endTime": "21:00" if n < 5 else "18:00"}
                for n, day in enumerate(weekdays)
            ]
        },
        "deliveryRestrictions": {
            "dimensionsRestrictions": {
                "weight": 20000,
                "height": 100,
                "width": 60,
                "length": 60,
                "dimensionsSum": 220,
            }
        },
        # Required by the spec but never defined in it (NOTES 1.8a): a list of payment types.
        "paymentTypes": ["PREPAID"],
        "features": ["RETURN_ALLOWED"],
        "storagePeriod": 7,
    }


async def logistic_points(request: Request) -> JSONResponse:
    state(request).check_business(path_int(request, "businessId"))
    limit = query_limit(request, 250, 500, truncate=False)
    offset = decode_token(request, "points")
    chunk, paging = page([_point_dto(p) for p in laas.PICKUP_POINTS], offset, limit, "points")
    return wrapped({"logisticPoints": chunk, "paging": paging})


async def stocks(request: Request) -> JSONResponse:
    sandbox = state(request)
    campaign_id = path_int(request, "campaignId")
    sandbox.campaign(campaign_id)
    body = await body_json(request, optional=True)
    body = body if isinstance(body, dict) else {}
    wanted = body.get("offerIds")
    if wanted is not None and (not isinstance(wanted, list) or not 1 <= len(wanted) <= 500):
        raise bad_request("BAD_REQUEST", "offerIds must hold 1 to 500 entries")
    limit = query_limit(request, 200, 200, truncate=False)
    offset = decode_token(request, "stocks")
    offers = sorted(sandbox.catalogue) if wanted is None else [o for o in wanted if o in sandbox.catalogue]
    updated = iso(sandbox.now().replace(minute=0, second=0, microsecond=0))
    rows = []  # (warehouse, offer dto): paged by offer entries
    for warehouse in laas.WAREHOUSES:
        if body.get("stocksWarehouseId") not in (None, warehouse.id):
            continue
        for offer in offers:
            count = sandbox.stocks[warehouse.id].get(offer, 0)
            if body.get("hasStocks") is True and count == 0:
                continue
            if body.get("hasStocks") is False and count > 0:
                continue
            entry = {
                "offerId": offer,
                "stocks": [{"type": "FIT", "count": count}, {"type": "AVAILABLE", "count": count}],
                "updatedAt": updated,
            }
            rows.append((warehouse.id, entry))
    chunk, paging = page(rows, offset, limit, "stocks")
    grouped: dict[int, list[dict[str, Any]]] = {}
    for warehouse_id, entry in chunk:
        grouped.setdefault(warehouse_id, []).append(entry)
    warehouses = [{"warehouseId": w, "offers": entries} for w, entries in grouped.items()]
    return wrapped({"warehouses": warehouses, "paging": paging})


# -- delivery options and creation ------------------------------------------------------------


def _items(raw: Any, catalogue: dict[str, Any]) -> list[tuple[str, int, int | None]]:
    if not isinstance(raw, list) or not 1 <= len(raw) <= 1000:
        raise bad_request("BAD_REQUEST", "items must hold 1 to 1000 entries")
    items = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("offerId"), str):
            raise bad_request("BAD_REQUEST", "every item needs an offerId")
        if not isinstance(item.get("count"), int) or not 1 <= item["count"] <= 1000:
            raise bad_request("BAD_REQUEST", "count must be 1..1000")
        if item["offerId"] not in catalogue:
            raise bad_request("OFFER_NOT_FOUND", f"Offer {item['offerId']} is not in the catalogue")
        warehouse = item.get("warehouseId")
        items.append((item["offerId"], item["count"], warehouse if isinstance(warehouse, int) else None))
    return items


def _not_enough(offer: str) -> ApiError:
    return bad_request("NOT_ENOUGH_STOCK", f"Not enough stock of {offer} in the Market's warehouses")


def _courier_address(address: Any) -> str:
    if not isinstance(address, str) or not address.strip():
        raise bad_request("BAD_REQUEST", "fullAddress is required")
    if not laas.served(address):
        raise bad_request("DELIVERY_NOT_AVAILABLE", f"Courier delivery to '{address}' is not available")
    return address


async def delivery_options(request: Request) -> JSONResponse:
    _laas_campaign(request)
    sandbox = state(request)
    body = await body_json(request)
    items = _items(body.get("items") if isinstance(body, dict) else None, sandbox.catalogue)
    pickup, courier = body.get("pickupDelivery"), body.get("courierDelivery")
    if (pickup is None) == (courier is None):
        raise bad_request("BAD_REQUEST", "Pass exactly one of pickupDelivery and courierDelivery")
    points: list[int] = []
    if pickup is not None:
        raw = pickup.get("logisticPointsIds") if isinstance(pickup, dict) else None
        if not isinstance(raw, list) or not 1 <= len(raw) <= 20:
            raise bad_request("BAD_REQUEST", "logisticPointsIds must hold 1 to 20 ids")
        points = raw
        unknown = [p for p in points if p not in laas.PICKUP_BY_ID]
        if unknown:
            raise bad_request("LOGISTIC_POINT_NOT_FOUND", f"Unknown pickup points: {unknown}")
    else:
        _courier_address(courier.get("fullAddress") if isinstance(courier, dict) else None)
    groups = laas.allocate(sandbox.stocks, items)
    if isinstance(groups, str):
        raise _not_enough(groups)
    today = sandbox.now().date()
    result = []
    for warehouse in laas.WAREHOUSES:
        if warehouse.id not in groups:
            continue
        days = laas.courier_days(today, warehouse)
        options: dict[str, Any]
        if pickup is not None:
            interval = {"fromDate": days[0].isoformat(), "toDate": days[1].isoformat()}
            price = {"value": float(laas.PICKUP_PRICE), "currencyId": "RUR"}
            options = {
                "pickupDelivery": {
                    "pickupOptions": [
                        {
                            "logisticPointId": p,
                            "options": [{"deliveryDateInterval": interval, "price": price}],
                        }
                        for p in points
                    ]
                }
            }
        else:
            price = {"value": float(warehouse.courier_price), "currencyId": "RUR"}
            options = {
                "courierDelivery": {
                    "courierDeliveryOptions": [
                        {
                            "deliveryDateInterval": _day(day),
                            "deliveryTimeInterval": {"fromTime": start, "toTime": end},
                            "price": price,
                        }
                        for day in days
                        for start, end in laas.COURIER_SLOTS
                    ]
                }
            }
        result.append(
            {
                "warehouseId": warehouse.id,
                "deliveryOptions": options,
                "items": [{"offerId": o, "count": c} for o, c in groups[warehouse.id]],
            }
        )
    return wrapped({"warehousesDeliveryOptions": result})


def _customer(raw: Any) -> Recipient:
    if not isinstance(raw, dict) or not all(
        isinstance(raw.get(k), str) and raw[k].strip() for k in ("firstName", "lastName", "phone")
    ):
        raise bad_request("BAD_REQUEST", "customer needs firstName, lastName and phone")
    if not PHONE.match(raw["phone"]):
        raise bad_request("BAD_REQUEST", "customer.phone must match ^\\+[0-9]+$, e.g. +79990001122")
    return Recipient(raw["lastName"], raw["firstName"], raw.get("middleName") or "", raw["phone"])


def _date(raw: Any, name: str) -> date:
    try:
        return date.fromisoformat(raw[name])
    except (KeyError, TypeError, ValueError) as error:
        raise bad_request("BAD_REQUEST", f"deliveryDateInterval.{name} is required") from error


async def create_order(request: Request) -> JSONResponse:
    campaign_id = _laas_campaign(request)
    sandbox = state(request)
    spec = body_object(await body_json(request), "order")
    external = spec.get("externalOrderId")
    if not isinstance(external, str) or not external.strip():
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
    point: int | None = None
    address = ""
    if "pickupDelivery" in destination:
        point = (destination["pickupDelivery"] or {}).get("logisticPointId")
        if point not in laas.PICKUP_BY_ID:
            raise bad_request("LOGISTIC_POINT_NOT_FOUND", f"Unknown pickup point {point}")
        address = laas.PICKUP_BY_ID[point].full_address
    else:
        courier = destination["courierDelivery"] or {}
        address = _courier_address((courier.get("address") or {}).get("fullAddress"))
    groups = spec.get("itemsDelivery")
    if not isinstance(groups, list) or not groups:
        raise bad_request("BAD_REQUEST", "itemsDelivery must be a non-empty array")
    planned = []
    for group in groups:
        items = group.get("items") if isinstance(group, dict) else None
        if not isinstance(items, list) or not items:
            raise bad_request("BAD_REQUEST", "itemsDelivery[].items must be a non-empty array")
        offers = [item.get("offerId") for item in items]
        if len(set(offers)) != len(offers):
            raise bad_request("BAD_REQUEST", "offerId must be unique within a request")
        warehouse = group.get("warehouseId")
        if warehouse not in sandbox.stocks:
            raise bad_request("BAD_REQUEST", f"Unknown warehouse {warehouse}")
        try:
            priced = tuple(
                (str(item["offerId"]), int(item["count"]), Decimal(str(item["price"]["value"])))
                for item in items
            )
        except (KeyError, TypeError, ValueError, InvalidOperation) as error:
            raise bad_request("BAD_REQUEST", "every item needs offerId, count and price.value") from error
        for offer, count, price in priced:
            if offer not in sandbox.catalogue:
                raise bad_request("OFFER_NOT_FOUND", f"Offer {offer} is not in the catalogue")
            if sandbox.stocks[warehouse].get(offer, 0) < count:
                raise _not_enough(offer)
            if price <= 0:
                raise bad_request("BAD_REQUEST", "price.value must be positive")
        dates = group.get("deliveryDateInterval") or {}
        times = group.get("deliveryTimeInterval")
        if point is None and not isinstance(times, dict):
            raise bad_request("BAD_REQUEST", "deliveryTimeInterval is required for courier delivery")
        planned.append((warehouse, priced, _date(dates, "fromDate"), _date(dates, "toDate"), times))
    created = []
    for warehouse, priced, from_date, to_date, times in planned:
        fee = (
            laas.PICKUP_PRICE
            if point is not None
            else next(w.courier_price for w in laas.WAREHOUSES if w.id == warehouse)
        )
        order = sandbox.add_laas_order(
            priced,
            external_id=external,
            recipient=recipient,
            delivery_date=from_date,
            draft=bool(spec.get("draft", False)),
            fake=bool(spec.get("fake", False)),
            delivery=LaasDelivery(
                warehouse_id=warehouse,
                pickup_point=point,
                address=address,
                to_date=to_date,
                time_from=times.get("fromTime") if isinstance(times, dict) else None,
                time_to=times.get("toTime") if isinstance(times, dict) else None,
                price=fee,
                receive_code="",
            ),
        )
        assert order.laas is not None
        order.laas.receive_code = laas.receive_code(order.id)
        created.append({"id": order.id})
    return wrapped({"orders": created})


# -- changes and their operations ---------------------------------------------------------------


def _laas_order(request: Request, campaign_id: int, raw_id: Any) -> Order:
    if not isinstance(raw_id, int):
        raise bad_request("BAD_REQUEST", "order id is required")
    order = state(request).order(campaign_id, raw_id)
    if order.program != "LAAS":
        raise bad_request("ACTION_FORBIDDEN", f"Order {raw_id} is not a LaaS order")
    return order


def _intervals(order: Order, today: date) -> list[dict[str, Any]]:
    """The courier intervals an order can move to (none for pickup, delivered or cancelled)."""
    if order.status in ("DELIVERED", "CANCELLED") or order.laas is None or order.laas.pickup_point:
        return []
    start = max(order.shipment_date, today) + timedelta(days=1)
    return [
        {"deliveryDateInterval": _day(day), "deliveryTimeInterval": {"fromTime": a, "toTime": b}}
        for day in (start, start + timedelta(days=1))
        for a, b in laas.COURIER_SLOTS
    ]


async def update_order(request: Request) -> JSONResponse:
    campaign_id = _laas_campaign(request)
    sandbox = state(request)
    spec = body_object(await body_json(request), "order")
    order = _laas_order(request, campaign_id, spec.get("id"))
    if order.status in ("DELIVERED", "CANCELLED"):
        raise bad_request("ORDER_MODIFICATION_NOT_ALLOWED", f"Order {order.id} is {order.status}")
    operations = []
    if spec.get("customer") is not None:
        recipient = _customer(spec["customer"])

        def set_recipient() -> str | None:
            if order.status in ("DELIVERED", "CANCELLED"):
                return f"Order {order.id} is {order.status}"
            order.recipient = recipient
            order.updated_at = sandbox.now()
            return None

        operations.append(sandbox.new_operation(order, "ORDER_RECIPIENT_UPDATE", apply=set_recipient))
    if spec.get("deliveryInterval") is not None:
        wanted = spec["deliveryInterval"]
        dates = wanted.get("deliveryDateInterval") if isinstance(wanted, dict) else None
        times = wanted.get("deliveryTimeInterval") if isinstance(wanted, dict) else None
        new_date = _date(dates, "fromDate")
        if not isinstance(times, dict):
            raise bad_request("BAD_REQUEST", "deliveryTimeInterval is required")

        def set_interval() -> str | None:
            # Applied only if the interval is still on offer when the Market gets to it.
            offered = _intervals(order, sandbox.now().date())
            if not any(
                o["deliveryDateInterval"]["fromDate"] == new_date.isoformat()
                and o["deliveryTimeInterval"]
                == {"fromTime": times.get("fromTime"), "toTime": times.get("toTime")}
                for o in offered
            ):
                return "the interval is no longer available"
            assert order.laas is not None
            order.shipment_date = order.laas.to_date = new_date
            order.laas.time_from, order.laas.time_to = times["fromTime"], times["toTime"]
            order.updated_at = sandbox.now()
            return None

        operations.append(sandbox.new_operation(order, "ORDER_DELIVERY_INTERVAL_UPDATE", apply=set_interval))
    if not operations:
        raise bad_request("BAD_REQUEST", "Nothing to update: pass customer or deliveryInterval")
    return wrapped({"operations": [{"id": op.id, "type": op.type} for op in operations]})


async def update_options(request: Request) -> JSONResponse:
    campaign_id = _laas_campaign(request)
    body = await body_json(request)
    order = _laas_order(request, campaign_id, body.get("id") if isinstance(body, dict) else None)
    intervals = _intervals(order, state(request).now().date())
    return wrapped({"deliveryIntervals": {"availableDeliveryIntervals": intervals}})


async def operations(request: Request) -> JSONResponse:
    sandbox = state(request)
    sandbox.check_business(path_int(request, "businessId"))
    body = await body_json(request)
    ids = body.get("operationIds") if isinstance(body, dict) else None
    kind = body.get("operationType") if isinstance(body, dict) else None
    if not isinstance(ids, list) or not 1 <= len(ids) <= 100 or not isinstance(kind, str):
        raise bad_request("BAD_REQUEST", "operationType and 1 to 100 operationIds are required")
    found = sandbox.operation_states([i for i in ids if isinstance(i, str)], kind)
    return wrapped({"operations": [{"id": op.id, "type": op.type, "status": op.status} for op in found]})


ROUTES = [
    Route("/v1/businesses/{businessId}/logistics-points", logistic_points, methods=["POST"]),
    Route("/v2/campaigns/{campaignId}/offers/stocks", stocks, methods=["POST"]),
    Route("/v1/campaigns/{campaignId}/delivery-options", delivery_options, methods=["POST"]),
    Route("/v1/campaigns/{campaignId}/orders/create", create_order, methods=["POST"]),
    Route("/v1/campaigns/{campaignId}/orders/update", update_order, methods=["POST"]),
    Route("/v1/campaigns/{campaignId}/orders/update-options", update_options, methods=["POST"]),
    Route("/v1/businesses/{businessId}/operations", operations, methods=["POST"]),
]
