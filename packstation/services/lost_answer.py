"""After a lost answer: read the order back and settle whether a mutation arrived.

A box layout, status change or courier code whose answer was lost (`answer_lost` on the error:
the request may have reached the Market and been applied, but no readable answer came back) is
never resent blind. The order is read back once and compared with what was sent:

- a layout arrived when the Market holds exactly those boxes (lines, counts, parts and codes,
  box by box);
- a status change arrived when the order has that status (READY_TO_SHIP: or anything past it,
  such as the Express courier's substatuses; a cancellation: CANCELLED);
- a courier code (verifyEac) arrived and was accepted when the order shows the parcel handed
  over (COURIER_RECEIVED or later).

`APPLIED` lets the caller carry on as if the answer had come (nothing is sent again). `NOT_SEEN`
means the Market does not show the change now: a layout or status may go again later (the outbox
reads back before every send). A courier code must not: the Market does not tell whether a wrong
code's attempt was counted, so the packer is told plainly and decides (`HandoverUnknownError`).
`UNREADABLE`: the read-back failed too; the intent stays pending and the outbox settles it.

Used by the packing session's submit path and by the outbox replayer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from packstation.domain.errors import PackstationError
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import CANCELLED, PROCESSING, READY_TO_SHIP, SHIPPED, STARTED, Order
from packstation.domain.remote import answer_lost
from packstation.services.ports import MarketPort

__all__ = [
    "HandoverUnknownError",
    "ReadBack",
    "Settlement",
    "answer_lost",
    "handed_over",
    "layout_held",
    "past_ready",
    "past_ready_to_ship",
    "read_back_handover",
    "read_back_layout",
    "read_back_status",
    "status_reached",
]

# Before the packing desk's work is done: READY_TO_SHIP has not happened yet.
_NOT_YET_READY: Final = frozenset(
    {STARTED, "AWAIT_CONFIRMATION", "PACKAGING", "WAITING_FOR_STOCKS", "ASYNC_PROCESSING"}
)
# The courier (or the delivery service) has the parcel: the handover code was accepted.
_HANDED_OVER_SUBSTATUSES: Final = frozenset({"COURIER_RECEIVED", SHIPPED, "DELIVERY_SERVICE_RECEIVED"})
_HANDED_OVER_STATUSES: Final = frozenset(
    {"DELIVERY", "PICKUP", "DELIVERED", "PARTIALLY_RETURNED", "RETURNED"}
)


class Settlement(StrEnum):
    APPLIED = "applied"  # the Market shows the change: carry on, send nothing again
    NOT_SEEN = "not_seen"  # the Market does not show it now
    UNREADABLE = "unreadable"  # the order could not be read back either


@dataclass(frozen=True, slots=True)
class ReadBack:
    """What reading the order back showed."""

    settlement: Settlement
    order: Order | None = None
    error: PackstationError | None = None

    @property
    def applied(self) -> bool:
        return self.settlement is Settlement.APPLIED


class HandoverUnknownError(PackstationError):
    """A courier code's answer was lost and the Market does not show the parcel handed over."""

    def __init__(self, order_id: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "LostAnswer",
                "The Market's answer to the courier code for order %1 was lost (the connection broke). The "
                "Market does not show the parcel as handed over, nor whether the attempt counted.",
            )(order_id),
            hint=QT_TRANSLATE_NOOP(
                "LostAnswer",
                "The code was not sent again. Ask the courier whether the handover shows as confirmed in "
                "their app; if not, enter the code again.",
            ),
        )


# --- what the order shows ----------------------------------------------------------------


def _entry_key(entry: BoxEntry) -> tuple[int, int | None, int | None, int | None]:
    part = entry.part
    return (
        entry.line_id,
        entry.full_count,
        None if part is None else part.current,
        None if part is None else part.total,
    )


def _same_codes(sent: BoxEntry, held: BoxEntry) -> bool:
    """The Market may return a CIS without its crypto tail: a held value that starts ours matches."""
    if len(sent.instances) != len(held.instances):
        return False
    remaining = list(held.instances)
    for instance in sent.instances:
        match = next(
            (
                h
                for h in remaining
                if h.kind is instance.kind and h.value and instance.value.startswith(h.value)
            ),
            None,
        )
        if match is None:
            return False
        remaining.remove(match)
    return True


def _same_box(sent: BoxPlan, held: BoxPlan) -> bool:
    if len(sent.entries) != len(held.entries):
        return False
    held_entries = sorted(held.entries, key=_entry_key)
    for mine, theirs in zip(sorted(sent.entries, key=_entry_key), held_entries, strict=True):
        if _entry_key(mine) != _entry_key(theirs) or not _same_codes(mine, theirs):
            return False
    return True


def layout_held(plan: LayoutPlan, order: Order) -> bool:
    """Whether the Market holds exactly `plan`'s boxes for `order` (read with `get_order`)."""
    held = order.stored_boxes
    return len(held) == len(plan.boxes) and all(
        _same_box(mine, theirs.plan) for mine, theirs in zip(plan.boxes, held, strict=True)
    )


def past_ready_to_ship(order: Order) -> bool:
    """READY_TO_SHIP or further along (courier substatuses, shipped, in delivery, delivered)."""
    return past_ready(order.status, order.substatus)


def past_ready(status: str, substatus: str) -> bool:
    """The one rule for "packed already": PROCESSING past its packing substatuses (STARTED and the
    Market's own pre-packing steps, NOTES "Substatus"), or a status after the handover. An unknown
    status is not taken as packed: the Market documents that new values may appear."""
    if status == PROCESSING:
        return substatus not in _NOT_YET_READY
    return status in _HANDED_OVER_STATUSES


def status_reached(order: Order, status: str, substatus: str | None) -> bool:
    """Whether `order` shows the change to `status`/`substatus` (or, for READY_TO_SHIP, more)."""
    if status == CANCELLED:
        return order.status == CANCELLED
    if (status, substatus) == (PROCESSING, READY_TO_SHIP):
        return past_ready_to_ship(order)
    return order.status == status and (substatus is None or order.substatus == substatus)


def handed_over(order: Order) -> bool:
    """Whether the Express parcel left with the courier: its handover code was accepted."""
    return order.substatus in _HANDED_OVER_SUBSTATUSES or order.status in _HANDED_OVER_STATUSES


# --- reading back --------------------------------------------------------------------------


async def _read(market: MarketPort, order_id: int) -> Order | ReadBack:
    try:
        return await market.get_order(order_id)
    except PackstationError as error:
        return ReadBack(Settlement.UNREADABLE, error=error)


async def read_back_layout(market: MarketPort, order_id: int, plan: LayoutPlan) -> ReadBack:
    """Did the layout whose answer was lost arrive?"""
    order = await _read(market, order_id)
    if isinstance(order, ReadBack):
        return order
    return ReadBack(Settlement.APPLIED if layout_held(plan, order) else Settlement.NOT_SEEN, order)


async def read_back_status(market: MarketPort, order_id: int, status: str, substatus: str | None) -> ReadBack:
    """Did the status change whose answer was lost arrive?"""
    order = await _read(market, order_id)
    if isinstance(order, ReadBack):
        return order
    reached = status_reached(order, status, substatus)
    return ReadBack(Settlement.APPLIED if reached else Settlement.NOT_SEEN, order)


async def read_back_handover(market: MarketPort, order_id: int) -> ReadBack:
    """Was the courier code whose answer was lost accepted? (NOT_SEEN: nobody can tell whether
    the attempt counted; never resend it without the packer.)"""
    order = await _read(market, order_id)
    if isinstance(order, ReadBack):
        return order
    return ReadBack(Settlement.APPLIED if handed_over(order) else Settlement.NOT_SEEN, order)
