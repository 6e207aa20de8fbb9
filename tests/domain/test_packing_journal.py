"""The journal's JSON forms of orders and identifiers survive a round trip through JSON text."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.order import BuyerType, Courier, Order, OrderLine, Program, RequiredCode
from packstation.domain.packing.journal import decode_instance, decode_order, encode_instance, encode_order


def test_an_order_with_every_field_round_trips_through_json() -> None:
    line = OrderLine(
        7,
        "AC-9",
        "Сплит-система «Бриз»",
        2,
        price=Decimal("59990.50"),
        required=frozenset({RequiredCode.CIS, RequiredCode.GTD}),
        barcodes=("4601234567893", "04601234567893"),
        parts_per_unit=2,
        picture_url="https://example.org/p.jpg",
        promo=True,
        weight_kg=Decimal("31.5"),
    )
    order = Order(
        id=51000001,
        campaign_id=2001,
        program=Program.EXPRESS,
        status="PROCESSING",
        substatus="STARTED",
        lines=(line, OrderLine(8, "X", "Плед", 1)),
        shipment_date=date(2026, 11, 24),
        ship_by=datetime(2026, 11, 24, 12, 30, tzinfo=timezone(timedelta(hours=3))),
        buyer_type=BuyerType.BUSINESS,
        created_at=datetime(2026, 11, 23, 8, 0, tzinfo=UTC),
        updated_at=datetime(2026, 11, 23, 8, 5, tzinfo=UTC),
        delivery_service="Яндекс Go",
        external_id="EXT-1",
        fake=True,
        box_ids=(11, 12),
        notes="хрупкое",
        eac_type="MERCHANT_TO_COURIER",
        eac_code="5150",
        courier=Courier("Петров Иван", "+79990001122", "А123ВС777", "Белая Kia Rio"),
        extra={"k": "v"},
    )
    decoded = decode_order(json.loads(json.dumps(encode_order(order))))
    assert decoded == order
    assert decoded.extra == {"k": "v"}


def test_identifiers_keep_gs_and_country() -> None:
    for instance in (
        Instance(InstanceKind.CIS, "0104601234567893215abcdef\x1d93Zjqw"),
        Instance(InstanceKind.GTD, "10702070/010124/0000001", "CN"),
    ):
        assert decode_instance(json.loads(json.dumps(encode_instance(instance)))) == instance
