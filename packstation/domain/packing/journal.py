"""JSON forms of what the packing journal stores: the order as packing began, and identifiers.

A packing session starts its journal with the order exactly as it was opened, so a restore
replays the packer's actions onto the same lines even if the Market's copy changed since (for
example after a shortening was sent). Every value is JSON-serializable (str, int, bool, None,
lists and dicts); marking codes keep their GS separators as the character itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.order import BuyerType, Courier, Order, OrderLine, Program, RequiredCode


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def encode_line(line: OrderLine) -> dict[str, Any]:
    return {
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
        "weight_kg": None if line.weight_kg is None else str(line.weight_kg),
        "country_code": line.country_code,
    }


def decode_line(raw: Mapping[str, Any]) -> OrderLine:
    return OrderLine(
        id=int(raw["id"]),
        offer_id=str(raw["offer_id"]),
        name=str(raw["name"]),
        count=int(raw["count"]),
        price=Decimal(str(raw.get("price", "0"))),
        required=frozenset(RequiredCode(code) for code in raw.get("required", ())),
        barcodes=tuple(str(code) for code in raw.get("barcodes", ())),
        parts_per_unit=int(raw.get("parts_per_unit", 1)),
        picture_url=raw.get("picture_url"),
        promo=bool(raw.get("promo", False)),
        weight_kg=None if raw.get("weight_kg") is None else Decimal(str(raw["weight_kg"])),
        country_code=str(raw.get("country_code", "")),
    )


def encode_order(order: Order) -> dict[str, Any]:
    """The order as a JSON object (everything packing and restoring need)."""
    return {
        "id": order.id,
        "campaign_id": order.campaign_id,
        "program": order.program.value,
        "status": order.status,
        "substatus": order.substatus,
        "lines": [encode_line(line) for line in order.lines],
        "shipment_date": _iso(order.shipment_date),
        "ship_by": _iso(order.ship_by),
        "buyer_type": order.buyer_type.value,
        "created_at": _iso(order.created_at),
        "updated_at": _iso(order.updated_at),
        "delivery_service": order.delivery_service,
        "external_id": order.external_id,
        "fake": order.fake,
        "box_ids": list(order.box_ids),
        "notes": order.notes,
        "eac_type": order.eac_type,
        "eac_code": order.eac_code,
        "courier": None if order.courier is None else _encode_courier(order.courier),
        "extra": dict(order.extra),
    }


def _datetime(value: Any) -> datetime | None:
    return None if value is None else datetime.fromisoformat(str(value))


def decode_order(raw: Mapping[str, Any]) -> Order:
    """The order `encode_order` wrote."""
    shipment = raw.get("shipment_date")
    return Order(
        id=int(raw["id"]),
        campaign_id=int(raw["campaign_id"]),
        program=Program.parse(raw.get("program")),
        status=str(raw["status"]),
        substatus=str(raw.get("substatus", "")),
        lines=tuple(decode_line(line) for line in raw.get("lines", ())),
        shipment_date=None if shipment is None else date.fromisoformat(str(shipment)),
        ship_by=_datetime(raw.get("ship_by")),
        buyer_type=BuyerType.parse(raw.get("buyer_type")),
        created_at=_datetime(raw.get("created_at")),
        updated_at=_datetime(raw.get("updated_at")),
        delivery_service=str(raw.get("delivery_service", "")),
        external_id=raw.get("external_id"),
        fake=bool(raw.get("fake", False)),
        box_ids=tuple(int(box) for box in raw.get("box_ids", ())),
        notes=str(raw.get("notes", "")),
        eac_type=raw.get("eac_type"),
        eac_code=raw.get("eac_code"),
        courier=_decode_courier(raw.get("courier")),
        extra={str(k): str(v) for k, v in dict(raw.get("extra", {})).items()},
    )


def encode_instance(instance: Instance) -> dict[str, Any]:
    return {"kind": instance.kind.value, "value": instance.value, "country": instance.country_code}


def decode_instance(raw: Mapping[str, Any]) -> Instance:
    return Instance(InstanceKind(raw["kind"]), str(raw["value"]), raw.get("country"))


def _encode_courier(courier: Courier) -> dict[str, str]:
    return {
        "name": courier.name,
        "phone": courier.phone,
        "vehicle_number": courier.vehicle_number,
        "vehicle_description": courier.vehicle_description,
    }


def _decode_courier(raw: Any) -> Courier | None:
    if not isinstance(raw, dict):
        return None  # none given, or written before couriers were kept
    return Courier(
        name=str(raw.get("name", "")),
        phone=str(raw.get("phone", "")),
        vehicle_number=str(raw.get("vehicle_number", "")),
        vehicle_description=str(raw.get("vehicle_description", "")),
    )
