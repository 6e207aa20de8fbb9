"""When an order must be packed, and how urgent that is now.

The deadline of an order is its shipment day and time: the Market's `shipmentTime` where it
gives one (Express always, other programs sometimes), else the store's cutoff time on the
shipment day. Both are Moscow time, the Market's clock. Everything here is pure: the caller
passes the cutoff and the current time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Final

from packstation.domain.order import Order
from packstation.domain.time import MOSCOW

DEFAULT_CUTOFF: Final = time(14, 0)
"""The store's shipment time when the Market gives none (Moscow): the usual FBS drop-off."""

SOON: Final = timedelta(minutes=30)
"""Less time than this left: the order is to be packed next."""

NEAR: Final = timedelta(hours=1)
"""Less time than this left: the time left is what counts, whatever the day (an Express order
due at 00:15 counts down from 23:15, not shown as tomorrow's)."""

_FAR_FUTURE: Final = datetime.combine(date.max, time(0), tzinfo=UTC)


class Urgency(StrEnum):
    """How pressing an order is now."""

    LATE = "late"  # still to pack and its deadline has passed
    SOON = "soon"  # still to pack, less than `SOON` left
    TODAY = "today"  # still to pack, due later today (Moscow day) or within `NEAR`
    LATER = "later"  # still to pack, due on a later day, `NEAR` or more away
    PACKED = "packed"  # packed (or further along): the deadline is met

    @property
    def counts_down(self) -> bool:
        """Whether the time left is what the packer needs to see (rather than a date)."""
        return self in (Urgency.LATE, Urgency.SOON, Urgency.TODAY)


def deadline(order: Order, cutoff: time = DEFAULT_CUTOFF) -> datetime | None:
    """The moment the order must be packed, timezone-aware; None when the Market gave no date.

    Args:
        order: the order (`ship_by` is the Market's shipment date + `shipmentTime`).
        cutoff: the store's shipment time (Moscow) for orders without a `shipmentTime`.
    """
    if order.ship_by is not None:
        return order.ship_by if order.ship_by.tzinfo is not None else order.ship_by.replace(tzinfo=MOSCOW)
    if order.shipment_date is not None:
        return datetime.combine(order.shipment_date, cutoff, tzinfo=MOSCOW)  # Moscow, whatever `cutoff` says
    return None


def sort_key(order: Order, cutoff: time = DEFAULT_CUTOFF) -> tuple[datetime, int]:
    """Earliest deadline first, whatever the program; orders without one last; ties by id."""
    return key_of(deadline(order, cutoff), order.id)


def key_of(due: datetime | None, order_id: int) -> tuple[datetime, int]:
    """`sort_key` of the order `order_id` whose deadline is `due` (worked out already)."""
    return (due or _FAR_FUTURE, order_id)


def is_due_today(moment: datetime, now: datetime) -> bool:
    """Whether `moment` falls on the current Moscow day."""
    return moment.astimezone(MOSCOW).date() == now.astimezone(MOSCOW).date()


def urgency(order: Order, due: datetime | None, now: datetime) -> Urgency | None:
    """How urgent `order` is at `now`, given its deadline `due` (None: no deadline or cancelled)."""
    if due is None or order.is_cancelled:
        return None
    if not order.awaiting_packing:
        return Urgency.PACKED
    left = due - now
    if left <= timedelta(0):
        return Urgency.LATE
    if left < SOON:
        return Urgency.SOON
    return Urgency.TODAY if left < NEAR or is_due_today(due, now) else Urgency.LATER


@dataclass(frozen=True, slots=True)
class ShiftTotals:
    """The shift at a glance (the status bar).

    Attributes:
        due_today: orders whose deadline is today, packed or not.
        packed: of those, the ones packed.
        late: orders still to pack whose deadline has passed (today or earlier).
    """

    due_today: int = 0
    packed: int = 0
    late: int = 0


def shift_totals(orders: Iterable[Order], cutoff: time, now: datetime) -> ShiftTotals:
    """Count today's shift over `orders` (listed and packed ones; each order once): the counts
    `urgency` and `is_due_today` give, with the Moscow day's bounds worked out once instead of two
    time-zone conversions per order (3,000 orders every few seconds: issue 19)."""
    return count_shift(((order, deadline(order, cutoff)) for order in orders), now)


def count_shift(dated: Iterable[tuple[Order, datetime | None]], now: datetime) -> ShiftTotals:
    """`shift_totals` over orders whose deadlines are worked out already (`(order, deadline)`)."""
    start, end = moscow_day(now)
    due_today = packed = late = 0
    for order, due in dated:
        if due is None or order.is_cancelled:
            continue
        today = start <= due < end
        due_today += today
        if not order.awaiting_packing:
            packed += today
        elif due <= now:
            late += 1
    return ShiftTotals(due_today=due_today, packed=packed, late=late)


def moscow_day(now: datetime) -> tuple[datetime, datetime]:
    """The current Moscow day as [start, end): a moment `m` is on it iff `is_due_today(m, now)`."""
    day = now.astimezone(MOSCOW).date()
    start = datetime.combine(day, time(0), tzinfo=MOSCOW)
    return start, datetime.combine(day + timedelta(days=1), time(0), tzinfo=MOSCOW)
