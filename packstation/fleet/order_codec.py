"""Orders as JSON in the fleet's `orders` table: what the poller desk read from the Market, for
the other desks to list. Every field of `Order` round-trips exactly."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from packstation.domain.order import BuyerType, Order, OrderLine, Program, RequiredCode


def _moment(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _parse_moment(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def order_to_json(order: Order) -> dict[str, Any]:
    return {
        "id": order.id,
        "campaign_id": order.campaign_id,
        "program": order.program.value,
        "status": order.status,
        "substatus": order.substatus,
        "lines": [
            {
                "id": line.id,
                "offer_id": line.offer_id,
                "name": line.name,
                "count": line.count,
                "price": str(line.price),
                "required": sorted(code.value for code in line.required),
                "barcodes": list(line.barcodes),
                "parts_per_unit": line.parts_per_unit,
                "picture_url": line.picture_url,
                "promo": line.promo,
            }
            for line in order.lines
        ],
        "shipment_date": None if order.shipment_date is None else order.shipment_date.isoformat(),
        "ship_by": _moment(order.ship_by),
        "buyer_type": order.buyer_type.value,
        "created_at": _moment(order.created_at),
        "updated_at": _moment(order.updated_at),
        "delivery_service": order.delivery_service,
        "external_id": order.external_id,
        "fake": order.fake,
        "box_ids": list(order.box_ids),
        "notes": order.notes,
        "eac_type": order.eac_type,
        "extra": dict(order.extra),
    }


def order_from_json(data: dict[str, Any]) -> Order:
    lines = tuple(
        OrderLine(
            id=int(line["id"]),
            offer_id=str(line["offer_id"]),
            name=str(line["name"]),
            count=int(line["count"]),
            price=Decimal(line["price"]),
            required=frozenset(RequiredCode(code) for code in line["required"]),
            barcodes=tuple(line["barcodes"]),
            parts_per_unit=int(line["parts_per_unit"]),
            picture_url=line["picture_url"],
            promo=bool(line["promo"]),
        )
        for line in data["lines"]
    )
    shipment = data["shipment_date"]
    return Order(
        id=int(data["id"]),
        campaign_id=int(data["campaign_id"]),
        program=Program.parse(data["program"]),
        status=str(data["status"]),
        substatus=str(data["substatus"]),
        lines=lines,
        shipment_date=None if shipment is None else date.fromisoformat(shipment),
        ship_by=_parse_moment(data["ship_by"]),
        buyer_type=BuyerType.parse(data["buyer_type"]),
        created_at=_parse_moment(data["created_at"]),
        updated_at=_parse_moment(data["updated_at"]),
        delivery_service=str(data["delivery_service"]),
        external_id=data["external_id"],
        fake=bool(data["fake"]),
        box_ids=tuple(int(box) for box in data["box_ids"]),
        notes=str(data["notes"]),
        eac_type=data["eac_type"],
        extra={str(k): str(v) for k, v in data["extra"].items()},
    )
