"""Pure LaaS and statistics rules: the Market's phone format, a draft's time left, totals and CSV."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from packstation.domain.laas import LaasOrder, normalize_phone
from packstation.domain.stats import StatsItem, StatsOrder, StatsQuery, to_csv, totals


def test_phone_is_normalized_as_the_market_wants_it() -> None:
    assert normalize_phone("8 (999) 000-11-22") == "+79990001122"
    assert normalize_phone("+7 999 000 11 22") == "+79990001122"
    assert normalize_phone("9990001122") == "+79990001122"
    assert normalize_phone("+7 999 000 11") is None  # too short for a Russian number
    assert normalize_phone("+375 29 123 45 67") == "+375291234567"
    assert normalize_phone("телефон") is None


def test_a_draft_has_an_hour_and_its_time_left_stops_at_zero() -> None:
    created = datetime(2026, 3, 2, 10, 0)
    draft = LaasOrder(1, "PS-1", "RESERVED", "UNKNOWN", created)
    assert draft.draft_left(created + timedelta(seconds=1)) == timedelta(minutes=59, seconds=59)
    assert draft.draft_left(created + timedelta(hours=1)) == timedelta(0)
    assert draft.draft_left(created + timedelta(hours=2)) == timedelta(0)
    assert LaasOrder(2, "PS-2", "PROCESSING", "STARTED", created).draft_left(created) is None


def test_a_query_with_both_ranges_or_reversed_dates_is_refused() -> None:
    both = StatsQuery(date_from=date(2026, 3, 1), update_to=date(2026, 3, 2))
    assert both.problem() is not None
    assert StatsQuery(date_from=date(2026, 3, 2), date_to=date(2026, 3, 1)).problem() is not None
    assert StatsQuery(update_from=date(2026, 3, 1)).problem() is None


def _order(n: int, day: int, status: str, shortened: bool = False) -> StatsOrder:
    items = (StatsItem("MUG-300", "Кружка", 1),)
    initial = (StatsItem("MUG-300", "Кружка", 2, 2), StatsItem("BOOK-WP", "Книга", 1, 1)) if shortened else ()
    return StatsOrder(n, date(2026, 3, day), status, None, "", items, initial, Decimal(100), Decimal(5))


def test_totals_per_day_and_status_include_empty_days() -> None:
    orders = [
        _order(1, 1, "DELIVERED"),
        _order(2, 1, "CANCELLED_IN_PROCESSING"),
        _order(3, 3, "RETURNED", True),
    ]
    result = totals(orders, date(2026, 3, 1), date(2026, 3, 4))
    assert result.by_day == (
        (date(2026, 3, 1), 2),
        (date(2026, 3, 2), 0),
        (date(2026, 3, 3), 1),
        (date(2026, 3, 4), 0),
    )
    assert dict(result.by_group)["delivered"] == 1
    assert dict(result.by_group)["cancelled_in_processing"] == 1
    assert dict(result.by_group)["returned"] == 1
    assert (result.orders, result.shortened, result.payments) == (3, 1, Decimal(300))


def test_the_delivery_line_is_not_counted_as_goods() -> None:
    order = _order(4, 2, "DELIVERED")
    with_delivery = StatsOrder(
        order.id, order.created, order.status, None, "", (*order.items, StatsItem("", "Доставка", 1))
    )
    assert with_delivery.units == 1
    assert [i.name for i in with_delivery.goods] == ["Кружка"]


def test_csv_lists_removed_items_of_a_shortened_order() -> None:
    rows = to_csv([_order(3, 3, "PROCESSING", True)]).splitlines()
    assert rows[0].startswith("order_id,created,status")
    assert rows[1].split(",")[4:8] == ["MUG-300", "Кружка", "1", "2"]
    assert rows[2].split(",")[4:8] == ["BOOK-WP", "Книга", "0", "1"]


@pytest.mark.parametrize(
    ("status", "pickup_point", "movable"),
    [
        ("RESERVED", None, True),
        ("PROCESSING", None, True),
        ("PROCESSING", 4242, False),  # to a pickup point: no courier interval to move
        ("CANCELLED", None, False),
        ("DELIVERED", None, False),
        ("RETURNED", None, False),
    ],
)
def test_only_an_open_courier_order_can_move_its_delivery(
    status: str, pickup_point: int | None, movable: bool
) -> None:
    created = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    order = LaasOrder(7, "PS-7", status, "STARTED", created, pickup_point=pickup_point)
    assert order.can_move_delivery is movable
