"""Order statistics (seed 003) as plain values: the query the Market accepts, the orders it
returns, and the totals per day and per status the office reads them for."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.domain.time import MOSCOW

MARKET_TZ = MOSCOW
"""The Market dates orders in Moscow time (no DST)."""


def market_today(now: datetime) -> date:
    """The Market's date at the aware instant `now` (what "today" means in its statistics)."""
    return now.astimezone(MARKET_TZ).date()


DELIVERY_ITEM = "Доставка"
STATS_LAG_MINUTES = 40
"""The Market's statistics lag up to 40 minutes behind the orders."""
PAGE_LIMIT = 200
"""At most 200 orders per page of `stats/orders`."""

STATS_STATUSES = (
    "CANCELLED_BEFORE_PROCESSING",
    "CANCELLED_IN_DELIVERY",
    "CANCELLED_IN_PROCESSING",
    "DELIVERY",
    "DELIVERED",
    "PARTIALLY_DELIVERED",
    "PARTIALLY_RETURNED",
    "PENDING",
    "PICKUP",
    "PROCESSING",
    "RESERVED",
    "RETURNED",
    "UNKNOWN",
    "UNPAID",
    "LOST",
)


@dataclass(frozen=True, slots=True)
class StatsQuery:
    """Creation dates or update dates (the Market refuses both), statuses, marking codes."""

    date_from: date | None = None
    date_to: date | None = None
    update_from: date | None = None
    update_to: date | None = None
    statuses: tuple[str, ...] = ()
    has_cis: bool | None = None

    @property
    def by_update(self) -> bool:
        return self.update_from is not None or self.update_to is not None

    def problem(self) -> Message | None:
        """Why the Market would refuse this query, or None."""
        by_creation = self.date_from is not None or self.date_to is not None
        if by_creation and self.by_update:
            return QT_TRANSLATE_NOOP(
                "Stats", "Give creation dates or update dates: the Market does not accept both."
            )
        for start, end in ((self.date_from, self.date_to), (self.update_from, self.update_to)):
            if start is not None and end is not None and start > end:
                return QT_TRANSLATE_NOOP("Stats", "The start date is after the end date.")
        return None


@dataclass(frozen=True, slots=True)
class StatsItem:
    offer_id: str
    name: str
    count: int
    initial_count: int | None = None
    warehouse: str = ""
    cis_count: int = 0

    @property
    def is_delivery(self) -> bool:
        """The Market lists the delivery of an order as an item named "Доставка"."""
        return not self.offer_id and self.name.strip().lower() == DELIVERY_ITEM.lower()


@dataclass(frozen=True, slots=True)
class StatsOrder:
    id: int
    created: date
    status: str
    status_updated: datetime | None
    partner_order_id: str
    items: tuple[StatsItem, ...]
    initial_items: tuple[StatsItem, ...] = ()
    payments: Decimal = Decimal(0)
    commissions: Decimal = Decimal(0)

    @property
    def shortened(self) -> bool:
        """Items were removed while the order was processed (seed 003: initialItems)."""
        return bool(self.initial_items)

    @property
    def goods(self) -> tuple[StatsItem, ...]:
        """The items without the delivery line."""
        return tuple(item for item in self.items if not item.is_delivery)

    @property
    def units(self) -> int:
        return sum(item.count for item in self.goods)

    @property
    def initial_units(self) -> int:
        if not self.initial_items:
            return self.units
        return sum(item.count for item in self.initial_items if not item.is_delivery)


@dataclass(frozen=True, slots=True)
class StatsPage:
    orders: tuple[StatsOrder, ...]
    next_token: str | None


# The status groups the office counts (the rest is "in progress").
GROUPS: dict[str, tuple[str, ...]] = {
    "delivered": ("DELIVERED", "PARTIALLY_DELIVERED"),
    "cancelled_in_processing": ("CANCELLED_IN_PROCESSING",),
    "cancelled_other": ("CANCELLED_BEFORE_PROCESSING", "CANCELLED_IN_DELIVERY"),
    "returned": ("RETURNED", "PARTIALLY_RETURNED"),
    "lost": ("LOST",),
}


def group_of(status: str) -> str:
    return next((name for name, members in GROUPS.items() if status in members), "in_progress")


@dataclass(frozen=True, slots=True)
class Totals:
    orders: int
    by_day: tuple[tuple[date, int], ...]  # every day of the range, zero days included
    by_status: tuple[tuple[str, int], ...]  # the Market's statuses, most frequent first
    by_group: tuple[tuple[str, int], ...]
    payments: Decimal
    commissions: Decimal
    shortened: int


def totals(orders: Iterable[StatsOrder], first: date | None = None, last: date | None = None) -> Totals:
    """Counts per creation day (over [first, last] when given) and per status."""
    listed = list(orders)
    per_day = Counter(order.created for order in listed)
    days = sorted(per_day)
    start = first or (days[0] if days else None)
    end = last or (days[-1] if days else None)
    by_day: list[tuple[date, int]] = []
    if start is not None and end is not None:
        span = (end - start).days
        by_day = [
            (day, per_day.get(day, 0))
            for day in (date.fromordinal(start.toordinal() + n) for n in range(span + 1))
        ]
    statuses = Counter(order.status for order in listed)
    groups = Counter(group_of(order.status) for order in listed)
    return Totals(
        orders=len(listed),
        by_day=tuple(by_day),
        by_status=tuple(sorted(statuses.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_group=tuple((name, groups.get(name, 0)) for name in (*GROUPS, "in_progress")),
        payments=sum((order.payments for order in listed), Decimal(0)),
        commissions=sum((order.commissions for order in listed), Decimal(0)),
        shortened=sum(1 for order in listed if order.shortened),
    )


CSV_HEADER = (
    "order_id",
    "created",
    "status",
    "partner_order_id",
    "offer_id",
    "offer_name",
    "count",
    "initial_count",
    "warehouse",
    "order_payments",
    "order_commissions",
)


def to_csv(orders: Iterable[StatsOrder]) -> str:
    """One row per item (with the initial count of a shortened order), for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for order in orders:
        initial = {item.offer_id: item.initial_count or item.count for item in order.initial_items}
        kept = {item.offer_id for item in order.items}
        removed = [item for item in order.initial_items if item.offer_id not in kept]
        for item in (
            *order.items,
            *(StatsItem(i.offer_id, i.name, 0, i.initial_count, i.warehouse) for i in removed),
        ):
            writer.writerow(
                (
                    order.id,
                    order.created.isoformat(),
                    order.status,
                    order.partner_order_id,
                    item.offer_id,
                    item.name,
                    item.count,
                    initial.get(item.offer_id, item.count),
                    item.warehouse,
                    order.payments,
                    order.commissions,
                )
            )
    return out.getvalue()
