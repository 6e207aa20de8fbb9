"""Orders survive the trip through the fleet's JSON column exactly."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

from packstation.domain.order import BuyerType, Order, OrderLine, Program, RequiredCode
from packstation.fleet.order_codec import order_from_json, order_to_json

MSK = timezone(timedelta(hours=3))


def test_every_field_round_trips() -> None:
    order = Order(
        id=77,
        campaign_id=2001,
        program=Program.EXPRESS,
        status="PROCESSING",
        substatus="STARTED",
        lines=(
            OrderLine(
                1,
                "MUG-300",
                "Кружка",
                2,
                Decimal("998.50"),
                frozenset({RequiredCode.CIS}),
                ("4601234567893",),
                2,
                "https://x/p.jpg",
                True,
            ),
            OrderLine(2, "SOCKS", "Носки", 1),
        ),
        shipment_date=date(2026, 12, 7),
        ship_by=datetime(2026, 12, 7, 14, 30, tzinfo=MSK),
        buyer_type=BuyerType.BUSINESS,
        created_at=datetime(2026, 12, 6, 9, 0, tzinfo=UTC),
        updated_at=datetime(2026, 12, 6, 9, 5, 1, 250000, tzinfo=UTC),
        delivery_service="Яндекс Доставка",
        external_id="ext-1",
        fake=True,
        box_ids=(5, 6),
        notes="хрупкое",
        eac_type="COURIER_TO_MERCHANT",
        extra={"k": "v"},
    )
    back = order_from_json(json.loads(json.dumps(order_to_json(order), ensure_ascii=False)))
    assert back == order
    assert back.extra == order.extra
    assert back.ship_by is not None
    assert back.ship_by.utcoffset() == timedelta(hours=3)
