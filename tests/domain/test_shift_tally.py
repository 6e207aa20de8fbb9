"""`ShiftTally` (issue 19): the shift's totals kept order by order are `count_shift`'s over the
orders put, at any moment, after any sequence of puts and drops."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from packstation.domain.deadline import count_shift, moscow_day
from packstation.domain.order import CANCELLED, PROCESSING, READY_TO_SHIP, STARTED, Order
from packstation.domain.shift_tally import ShiftTally
from packstation.domain.time import MOSCOW
from tests.services.fakes import make_order

DAY = date(2026, 12, 7)
START = datetime.combine(DAY - timedelta(days=1), time(0), MOSCOW)
STATES = ((PROCESSING, STARTED), (PROCESSING, READY_TO_SHIP), (CANCELLED, "SHOP_FAILED"), ("DELIVERED", ""))

# An order put (id, state, due in 30-minute steps over three days or None), dropped, or put
# again under the same id; `now` anywhere over those days, on a due moment too.
puts = st.tuples(
    st.just("put"), st.integers(1, 12), st.integers(0, len(STATES) - 1), st.none() | st.integers(0, 144)
)
drops = st.tuples(st.just("drop"), st.integers(1, 12))
moments = st.integers(0, 144)


def _moment(step: int) -> datetime:
    return START + timedelta(minutes=30 * step)


def _order(order_id: int, state: int) -> Order:
    status, substatus = STATES[state]
    return make_order(order_id, status=status, substatus=substatus, shipment_date=DAY)


@settings(max_examples=150, deadline=None)
@given(st.lists(puts | drops, max_size=40), st.lists(moments, min_size=1, max_size=4))
@example([("put", 1, 0, 96), ("put", 2, 0, 96)], [96])  # due exactly now: late, as count_shift says
@example([("put", 1, 1, 48), ("put", 1, 0, 95), ("drop", 1)], [50])
def test_totals_are_count_shifts_after_any_puts_and_drops(
    actions: list[tuple[Any, ...]], nows: list[int]
) -> None:
    tally = ShiftTally()
    reference: dict[int, tuple[Order, datetime | None]] = {}
    for action in actions:
        if action[0] == "put":
            _, order_id, state, step = action
            order, due = _order(order_id, state), None if step is None else _moment(step)
            tally.put(order, due)
            reference[order_id] = (order, due)
        else:
            assert tally.drop(action[1]) is (reference.pop(action[1])[0] if action[1] in reference else None)
        assert len(tally) == len(reference)
    for step in nows:
        now = _moment(step)
        assert tally.totals(now) == count_shift(reference.values(), now)
        start, end = moscow_day(now)
        outside = {
            i for i, (o, due) in reference.items() if due is None or o.is_cancelled or not start <= due < end
        }
        assert sorted(tally.outside(start, end)) == sorted(outside)
    built = ShiftTally(reference.values())  # built at once: the same as put one by one
    for step in nows:
        assert built.totals(_moment(step)) == tally.totals(_moment(step))
