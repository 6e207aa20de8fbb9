"""Reading endpoints: token info, campaigns, orders (business and legacy readers), buyers,
the offer catalogue and delivery services."""

from __future__ import annotations

import zlib
from datetime import date, datetime, timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from packstation.sandbox import demo_data, serialize
from packstation.sandbox.api import (
    body_json,
    decode_token,
    page,
    path_int,
    plain,
    query_limit,
    state,
    wrapped,
)
from packstation.sandbox.errors import ApiError, bad_request
from packstation.sandbox.model import Order
from packstation.sandbox.state import Campaign

# Catalogue countries are written out in Russian, as the Market's country list has them.
_COUNTRY_NAMES = {"RU": "Россия", "CN": "Китай", "IT": "Италия", "TR": "Турция"}


async def auth_token(request: Request) -> JSONResponse:
    return wrapped({"apiKey": {"name": "Packstation sandbox", "authScopes": ["ALL_METHODS"]}})


def _campaign_dto(campaign: Campaign) -> dict[str, Any]:
    return {
        "domain": f"shop-{campaign.id}.sandbox.local",
        "id": campaign.id,
        "clientId": demo_data.DEMO_BUSINESS_ID * 10,
        "business": {"id": demo_data.DEMO_BUSINESS_ID, "name": demo_data.DEMO_BUSINESS_NAME},
        "placementType": campaign.placement,
        "apiAvailability": "AVAILABLE",
    }


async def campaigns(request: Request) -> JSONResponse:
    limit = query_limit(request, None, 100, truncate=False)
    offset = decode_token(request, "campaigns")
    items = [_campaign_dto(c) for c in state(request).campaigns.values()]
    chunk, paging = page(items, offset, limit, "campaigns")
    pager = {
        "total": len(items),
        "from": offset + 1,
        "to": offset + len(chunk),
        "currentPage": 1,
        "pagesCount": 1,
        "pageSize": limit,
    }
    return plain({"campaigns": chunk, "pager": pager, "paging": paging})


async def campaign(request: Request) -> JSONResponse:
    found = state(request).campaign(path_int(request, "campaignId"))
    return plain({"campaign": _campaign_dto(found)})


async def campaign_settings(request: Request) -> JSONResponse:
    found = state(request).campaign(path_int(request, "campaignId"))
    return plain({"settings": {"countryRegion": 225, "shopName": found.name, "taxation": {"vat": "VAT_22"}}})


def _list(body: dict[str, Any], name: str, maximum: int = 1000) -> set[Any] | None:
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, list) or not 1 <= len(value) <= maximum:
        raise bad_request("BAD_REQUEST", f"{name} must be an array of 1 to {maximum} values")
    return set(value)


def _parse_day(value: Any, name: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise bad_request("BAD_REQUEST", f"{name} must be a date YYYY-MM-DD") from error


def _parse_moment(value: Any, name: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise bad_request("BAD_REQUEST", f"{name} must be an ISO 8601 date-time") from error
    if moment.tzinfo is None:
        raise bad_request("BAD_REQUEST", f"{name} needs a UTC offset")
    return moment


def _business_filter(body: dict[str, Any], now: datetime) -> list[Any]:
    """Predicates from a getBusinessOrders body (creation window defaults to the last 30 days)."""
    checks: list[Any] = []
    for name, getter, maximum in (
        ("orderIds", lambda o: o.id, 50),
        ("externalOrderIds", lambda o: o.external_id, 50),
        ("campaignIds", lambda o: o.campaign_id, 50),
        ("programTypes", lambda o: o.program, 1000),
        ("statuses", lambda o: o.status, 1000),
        ("substatuses", lambda o: o.substatus, 1000),
    ):
        wanted = _list(body, name, maximum)
        if wanted is not None:
            checks.append(lambda o, w=wanted, g=getter: g(o) in w)
    if body.get("fake") is not None:
        checks.append(lambda o, f=bool(body["fake"]): o.fake == f)
    dates = body.get("dates") or {}
    if not isinstance(dates, dict):
        raise bad_request("BAD_REQUEST", "dates must be an object")
    if "orderIds" not in body:
        end = (
            _parse_day(dates["creationDateTo"], "creationDateTo")
            if dates.get("creationDateTo")
            else (now + timedelta(days=1)).date()
        )
        start = (
            _parse_day(dates["creationDateFrom"], "creationDateFrom")
            if dates.get("creationDateFrom")
            else (end - timedelta(days=30))
        )
        if (end - start).days > 30:
            raise bad_request("BAD_REQUEST", "The creation date window must not exceed 30 days")
        checks.append(lambda o: start <= o.created_at.date() < end)
    if dates.get("shipmentDateFrom"):
        ship_from = _parse_day(dates["shipmentDateFrom"], "shipmentDateFrom")
        checks.append(lambda o: o.shipment_date >= ship_from)
    if dates.get("shipmentDateTo"):
        ship_to = _parse_day(dates["shipmentDateTo"], "shipmentDateTo")
        checks.append(lambda o: o.shipment_date < ship_to)
    if dates.get("updateDateFrom"):
        upd_from = _parse_moment(dates["updateDateFrom"], "updateDateFrom")
        checks.append(lambda o: o.updated_at >= upd_from)
    if dates.get("updateDateTo"):
        upd_to = _parse_moment(dates["updateDateTo"], "updateDateTo")
        checks.append(lambda o: o.updated_at < upd_to)
    return checks


async def business_orders(request: Request) -> JSONResponse:
    sandbox = state(request)
    sandbox.check_business(path_int(request, "businessId"))
    body = await body_json(request, optional=True)
    if not isinstance(body, dict):
        raise bad_request("BAD_REQUEST", "The body must be an object")
    limit = query_limit(request, 50, 50, truncate=True)
    offset = decode_token(request, "business-orders")
    checks = _business_filter(body, sandbox.now())
    matching = sorted((o for o in sandbox.all_orders() if all(c(o) for c in checks)), key=lambda o: o.id)
    chunk, paging = page(matching, offset, limit, "business-orders")
    return plain({"orders": [serialize.business_order(o) for o in chunk], "paging": paging})


async def legacy_orders(request: Request) -> JSONResponse:
    sandbox = state(request)
    campaign_id = path_int(request, "campaignId")
    sandbox.campaign(campaign_id)
    query = request.query_params
    limit = query_limit(request, 50, 50, truncate=False)
    offset = decode_token(request, "orders")
    orders = sandbox.all_orders([campaign_id])
    ids = [int(v) for raw in query.getlist("orderIds") for v in raw.split(",") if v.strip().isdigit()]
    if ids:
        orders = [o for o in orders if o.id in ids]
    statuses = {v for raw in query.getlist("status") for v in raw.split(",") if v}
    substatuses = {v for raw in query.getlist("substatus") for v in raw.split(",") if v}
    if statuses:
        orders = [o for o in orders if o.status in statuses]
    if substatuses:
        orders = [o for o in orders if o.substatus in substatuses]
    if query.get("fake", "false").lower() != "true":
        orders = [o for o in orders if not o.fake]
    orders.sort(key=lambda o: o.id)
    chunk, paging = page(orders, offset, limit, "orders")
    pager = {"total": len(orders), "from": offset + 1, "to": offset + len(chunk), "pageSize": limit}
    return plain({"orders": [serialize.legacy_order(o) for o in chunk], "pager": pager, "paging": paging})


def _order(request: Request) -> Order:
    return state(request).order(path_int(request, "campaignId"), path_int(request, "orderId"))


async def legacy_order(request: Request) -> JSONResponse:
    return plain({"order": serialize.legacy_order(_order(request))})


async def buyer(request: Request) -> JSONResponse:
    order = _order(request)
    if order.status not in ("PROCESSING", "DELIVERY", "PICKUP"):
        raise bad_request(
            "STATUS_NOT_ALLOWED", "Buyer data is available only in PROCESSING, DELIVERY, PICKUP"
        )
    result: dict[str, Any] = {"type": order.buyer_type, "phone": order.recipient.phone, "trusted": False}
    if order.program == "DBS":
        result |= {
            "lastName": order.recipient.last_name,
            "firstName": order.recipient.first_name,
            "middleName": order.recipient.middle_name,
        }
    return wrapped(result)


async def business_buyer(request: Request) -> JSONResponse:
    order = _order(request)
    if order.buyer_type != "BUSINESS":
        raise ApiError(404, "NOT_FOUND", "The buyer of this order is not a business")
    if order.status not in ("PROCESSING", "DELIVERY", "PICKUP", "DELIVERED"):
        raise bad_request("STATUS_NOT_ALLOWED", "Business buyer data is not available in this status")
    return wrapped(
        {
            "inn": "7707083893",
            "kpp": "773601001",
            "organizationName": "ООО «Стройторг»",
            "organizationJurAddress": "г. Москва, ул. Вавилова, д. 19",
        }
    )


async def offer_mappings(request: Request) -> JSONResponse:
    sandbox = state(request)
    sandbox.check_business(path_int(request, "businessId"))
    body = await body_json(request, optional=True)
    if not isinstance(body, dict):
        raise bad_request("BAD_REQUEST", "The body must be an object")
    wanted = _list(body, "offerIds", 100)
    limit = query_limit(request, 50, 100, truncate=False)
    offset = decode_token(request, "offers")
    products = [p for p in sandbox.catalogue.values() if wanted is None or p.offer_id in wanted]
    chunk, paging = page(products, offset, limit, "offers") if wanted is None else (products, {})
    mappings = []
    for product in chunk:
        length, width, height = product.dims_cm
        offer: dict[str, Any] = {
            "offerId": product.offer_id,
            "name": product.name,
            "vendor": product.vendor,
            "barcodes": [product.ean13],
            "pictures": [f"https://sandbox.invalid/img/{product.offer_id}.jpg"],
            "weightDimensions": {
                "length": length,
                "width": width,
                "height": height,
                "weight": float(product.weight_kg),
            },
            "manufacturerCountries": [_COUNTRY_NAMES.get(product.country, product.country)],
            "basicPrice": {
                "value": float(product.price),
                "currencyId": "RUR",
                "updatedAt": serialize.iso(sandbox.now().replace(hour=9, minute=0, second=0, microsecond=0)),
            },
        }
        if product.box_count > 1:
            offer["boxCount"] = product.box_count
        mappings.append(
            {
                "offer": offer,
                "mapping": {
                    "marketSku": 100_000_000 + zlib.crc32(product.offer_id.encode()) % 10**8,
                    "marketSkuName": product.name,
                },
            }
        )
    return wrapped({"offerMappings": mappings, "paging": paging})


async def delivery_services(request: Request) -> JSONResponse:
    services = [
        {"id": 1006360, "name": "Яндекс Доставка"},
        {"id": 1005111, "name": "Маркет Курьер"},
        {"id": 1005471, "name": "Яндекс Go Экспресс"},
        {"id": 1006419, "name": "Собственная служба доставки"},
    ]
    return plain({"result": {"deliveryService": services}})


ROUTES = [
    Route("/v2/auth/token", auth_token, methods=["POST"]),
    Route("/v2/campaigns", campaigns, methods=["GET"]),
    Route("/v2/campaigns/{campaignId}", campaign, methods=["GET"]),
    Route("/v2/campaigns/{campaignId}/settings", campaign_settings, methods=["GET"]),
    Route("/v1/businesses/{businessId}/orders", business_orders, methods=["POST"]),
    Route("/v2/campaigns/{campaignId}/orders", legacy_orders, methods=["GET"]),
    Route("/v2/campaigns/{campaignId}/orders/{orderId}", legacy_order, methods=["GET"]),
    Route("/v2/campaigns/{campaignId}/orders/{orderId}/buyer", buyer, methods=["GET"]),
    Route("/v2/campaigns/{campaignId}/orders/{orderId}/business-buyer", business_buyer, methods=["POST"]),
    Route("/v2/businesses/{businessId}/offer-mappings", offer_mappings, methods=["POST"]),
    Route("/v2/delivery/services", delivery_services, methods=["GET"]),
]
