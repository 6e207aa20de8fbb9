"""Deadlines and urgency: shipment date + the Market's time, else the store's cutoff (Moscow)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from packstation.domain.deadline import (
    DEFAULT_CUTOFF,
    ShiftTotals,
    Urgency,
    deadline,
    is_due_today,
    shift_totals,
    sort_key,
    urgency,
)
from packstation.domain.order import CANCELLED, READY_TO_SHIP, Program
from packstation.domain.time import MOSCOW
from tests.services.fakes import make_order

DAY = date(2026, 12, 7)


def msk(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute), MOSCOW)


def test_the_markets_shipment_time_is_the_deadline() -> None:
    express = make_order(1, program=Program.EXPRESS, ship_by=msk(13, 5), shipment_date=DAY)
    assert deadline(express, time(9, 0)) == msk(13, 5)  # the cutoff applies only without a time
    naive = make_order(2, ship_by=datetime(2026, 12, 7, 13, 5))  # no offset: the Market's clock
    assert deadline(naive) == msk(13, 5)


def test_without_shipment_time_the_store_cutoff_on_the_shipment_day() -> None:
    fbs = make_order(1, shipment_date=DAY)
    assert time(14, 0) == DEFAULT_CUTOFF
    assert deadline(fbs) == msk(14, 0)
    assert deadline(fbs, time(11, 30)) == msk(11, 30)
    assert deadline(make_order(2)) is None  # no shipment date at all


def test_express_and_fbs_sort_by_their_real_deadline() -> None:
    express = make_order(1, program=Program.EXPRESS, ship_by=msk(12, 40))
    fbs = make_order(2, shipment_date=DAY)
    undated = make_order(0)
    orders = [undated, express, fbs]
    assert sorted(orders, key=lambda o: sort_key(o, time(12, 30))) == [fbs, express, undated]
    assert sorted(orders, key=lambda o: sort_key(o, DEFAULT_CUTOFF)) == [express, fbs, undated]


def test_urgency_classes() -> None:
    fbs = make_order(1, shipment_date=DAY)
    due = deadline(fbs)
    assert urgency(fbs, due, msk(9, 0)) is Urgency.TODAY
    assert urgency(fbs, due, msk(13, 31)) is Urgency.SOON
    assert urgency(fbs, due, msk(14, 0)) is Urgency.LATE  # at the deadline it is late
    assert urgency(fbs, due, msk(9, 0, DAY - timedelta(days=1))) is Urgency.LATER
    assert urgency(fbs, None, msk(9, 0)) is None
    packed = make_order(2, shipment_date=DAY, substatus=READY_TO_SHIP)
    assert urgency(packed, deadline(packed), msk(15, 0)) is Urgency.PACKED  # never "late" once packed
    cancelled = make_order(3, shipment_date=DAY, status=CANCELLED, substatus="SHOP_FAILED")
    assert urgency(cancelled, deadline(cancelled), msk(15, 0)) is None
    assert [level for level in Urgency if level.counts_down] == [Urgency.LATE, Urgency.SOON, Urgency.TODAY]


def test_express_minutes_before_its_deadline_is_soon() -> None:
    express = make_order(1, program=Program.EXPRESS, ship_by=msk(10, 40))
    assert urgency(express, deadline(express), msk(10, 12)) is Urgency.SOON
    assert urgency(express, deadline(express), msk(10, 5)) is Urgency.TODAY


def test_midnight_a_deadline_just_after_it_is_not_hidden_behind_tomorrow() -> None:
    tomorrow = DAY + timedelta(days=1)
    express = make_order(1, program=Program.EXPRESS, ship_by=msk(0, 10, tomorrow))
    assert urgency(express, deadline(express), msk(23, 50)) is Urgency.SOON  # 20 minutes left
    assert urgency(express, deadline(express), msk(23, 20)) is Urgency.TODAY  # 50 minutes: counting down
    assert urgency(express, deadline(express), msk(23, 11)) is Urgency.TODAY  # just under the hour
    assert urgency(express, deadline(express), msk(23, 10)) is Urgency.LATER  # tomorrow, an hour away
    assert urgency(express, deadline(express), msk(22, 0)) is Urgency.LATER  # tomorrow, hours away
    # The Moscow day decides "today", not the station's or UTC's: 23:30 MSK is 20:30 UTC.
    fbs = make_order(2, shipment_date=tomorrow)
    assert urgency(fbs, deadline(fbs), msk(0, 5, tomorrow)) is Urgency.TODAY
    assert urgency(fbs, deadline(fbs), datetime(2026, 12, 7, 21, 5, tzinfo=UTC)) is Urgency.TODAY
    assert urgency(fbs, deadline(fbs), datetime(2026, 12, 7, 20, 55, tzinfo=UTC)) is Urgency.LATER


def test_yesterdays_unpacked_order_is_late_today() -> None:
    old = make_order(1, shipment_date=DAY - timedelta(days=1))
    assert urgency(old, deadline(old), msk(9, 0)) is Urgency.LATE


def test_shift_totals_count_due_today_packed_and_late() -> None:
    now = msk(14, 30)
    orders = [
        make_order(1, shipment_date=DAY),  # 14:00 cutoff: late
        make_order(2, shipment_date=DAY, substatus=READY_TO_SHIP),  # packed, due today
        make_order(3, program=Program.EXPRESS, ship_by=msk(15, 0)),  # due today, in 0:30
        make_order(4, shipment_date=DAY - timedelta(days=1)),  # yesterday's: late, not due today
        make_order(5, shipment_date=DAY + timedelta(days=1)),  # tomorrow's: not counted
        make_order(6, shipment_date=DAY, status=CANCELLED, substatus="SHOP_FAILED"),  # not counted
        make_order(7),  # no deadline
    ]
    assert shift_totals(orders, DEFAULT_CUTOFF, now) == ShiftTotals(due_today=3, packed=1, late=2)
    assert shift_totals(orders, time(16, 0), now) == ShiftTotals(due_today=3, packed=1, late=1)
    assert shift_totals([], DEFAULT_CUTOFF, now) == ShiftTotals()


def test_shift_totals_agree_with_urgency_and_the_moscow_day_at_every_edge() -> None:
    """The totals work the Moscow day's bounds out once: the same counts as `urgency` and
    `is_due_today` order by order, at midnight, at the last second of the day and at `now`."""
    now = msk(14, 30)
    edges = [
        msk(0, 0), msk(0, 0) - timedelta(microseconds=1), msk(0, 0, DAY + timedelta(days=1)),
        msk(0, 0, DAY + timedelta(days=1)) - timedelta(microseconds=1), now, now + timedelta(microseconds=1),
        now - timedelta(microseconds=1), datetime(2026, 12, 6, 21, 0, tzinfo=UTC),  # Moscow midnight in UTC
        datetime(2026, 12, 7, 20, 59, 59, tzinfo=UTC), datetime(2026, 12, 7, 13, 5),  # a naive Market time
    ]
    orders = []
    for n, due in enumerate(edges):
        for substatus in ("STARTED", READY_TO_SHIP):
            express = make_order(len(orders) + 1, program=Program.EXPRESS, ship_by=due, substatus=substatus)
            orders.append(express)
        orders.append(make_order(len(orders) + 1, ship_by=due, status=CANCELLED, substatus="SHOP_FAILED"))
        orders.append(make_order(len(orders) + 1, shipment_date=DAY + timedelta(days=n % 3 - 1)))
    expected = ShiftTotals()
    for order in orders:
        due = deadline(order, DEFAULT_CUTOFF)
        level = urgency(order, due, now)
        if due is None or level is None:
            continue
        today = is_due_today(due, now)
        expected = ShiftTotals(
            expected.due_today + today, expected.packed + (today and level is Urgency.PACKED),
            expected.late + (level is Urgency.LATE),
        )
    assert expected.due_today  # every count is exercised
    assert expected.packed
    assert expected.late
    assert shift_totals(orders, DEFAULT_CUTOFF, now) == expected
    for order in orders:  # and order by order
        due = deadline(order, DEFAULT_CUTOFF)
        level = urgency(order, due, now)
        alone = shift_totals([order], DEFAULT_CUTOFF, now)
        assert alone.late == (level is Urgency.LATE)
        assert alone.due_today == (due is not None and level is not None and is_due_today(due, now))
