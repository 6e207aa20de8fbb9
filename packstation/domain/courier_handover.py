"""The Express courier hand-over: which input may be a courier's code, which courier states call
the packer, the Market's handover code types, and what one code check came to.

The courier's code travels to `PUT .../verifyEac`, and every wrong code there spends one of the
courier's attempts (the last one makes the Market issue a new code). So only input with the shape
of a courier's code is ever sent: the Market's codes are short digit strings (the emulator's and
the app's are 4 digits; [inference] 4 to 6 allows for longer ones). A box label ("51000001-1"),
an item barcode (8, 12, 13 or 14 digits), an order number (8 digits) or a marking code never
has that shape, so a stray scan is refused here and costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import PROCESSING, READY_TO_SHIP, Courier, Order
from packstation.domain.packing.errors import PackingScanError, Reason
from packstation.domain.verification import EacResult, EacVerdict

COURIER_CODE_LENGTHS: Final = range(4, 7)
_FRAMING: Final = "\r\n\t "  # what a scanner or a keyboard adds around the code

COURIER_SEARCH: Final = "COURIER_SEARCH"
COURIER_FOUND: Final = "COURIER_FOUND"
COURIER_IN_TRANSIT_TO_SENDER: Final = "COURIER_IN_TRANSIT_TO_SENDER"
COURIER_ARRIVED_TO_SENDER: Final = "COURIER_ARRIVED_TO_SENDER"

AWAITING_COURIER_SUBSTATUSES: Final[tuple[str, ...]] = (
    READY_TO_SHIP,
    COURIER_SEARCH,
    COURIER_FOUND,
    COURIER_IN_TRANSIT_TO_SENDER,
    COURIER_ARRIVED_TO_SENDER,
)
"""After READY_TO_SHIP an Express order waits at the desk for its courier through these."""

CALLING_SUBSTATUSES: Final = frozenset({COURIER_FOUND, COURIER_ARRIVED_TO_SENDER})
"""The courier states that call the packer (the Market also gives `eacType` in them)."""


def courier_code(text: str) -> str | None:
    """The courier's code in `text` when it has the shape of one (4 to 6 ASCII digits once the
    scanner's framing is removed); None for anything else."""
    code = text.strip(_FRAMING)
    if code.isascii() and code.isdigit() and len(code) in COURIER_CODE_LENGTHS:
        return code
    return None


def not_a_courier_code() -> PackingScanError:
    """The local refusal of input that is not a courier's code (nothing is sent)."""
    low, high = COURIER_CODE_LENGTHS[0], COURIER_CODE_LENGTHS[-1]
    return PackingScanError(
        Reason.NOT_COURIER_CODE,
        QT_TRANSLATE_NOOP("Handover", "Not a courier code: a courier's code is %1 to %2 digits.")(low, high),
        hint=QT_TRANSLATE_NOOP(
            "Handover", "None of the courier's attempts was used. Ask the courier for the code."
        ),
    )


class EacType(StrEnum):
    """`eacType`: who checks whom at the hand-over (the Market's definitions)."""

    COURIER_TO_MERCHANT = "COURIER_TO_MERCHANT"  # the courier names a code; the packer checks it
    CHECKING_BY_MERCHANT = "CHECKING_BY_MERCHANT"  # the seller checks the courier's code itself
    MERCHANT_TO_COURIER = "MERCHANT_TO_COURIER"  # the Market gives the seller a code to tell

    @classmethod
    def of(cls, order: Order) -> EacType:
        """The order's type; a missing or unknown one is the default, a code the packer checks."""
        try:
            return cls(order.eac_type or cls.COURIER_TO_MERCHANT)
        except ValueError:
            return cls.COURIER_TO_MERCHANT

    @property
    def packer_checks(self) -> bool:
        """The packer enters the courier's code and the Market checks it (verifyEac)."""
        return self is not EacType.MERCHANT_TO_COURIER


def awaits_courier(order: Order) -> bool:
    """An Express order packed (READY_TO_SHIP) and waiting at the desk for its courier."""
    return order.is_express and order.status == PROCESSING and order.substatus in AWAITING_COURIER_SUBSTATUSES


def still_waiting(
    waiting: Mapping[int, Order], changed: Iterable[Order], removed: Iterable[int]
) -> dict[int, Order] | None:
    """The orders waiting for their courier after a list change, from those waiting before and
    the orders the change names (`changed`: added or changed; `removed`: ids that left the list):
    what `awaits_courier` picks from the whole new list, at the cost of the change (issue 19).
    None when the change leaves the waiting orders as they were."""
    after: dict[int, Order] | None = None
    for order_id in removed:
        if order_id in waiting:
            after = dict(waiting) if after is None else after
            del after[order_id]
    for order in changed:
        now_waiting = awaits_courier(order)
        known = (waiting if after is None else after).get(order.id)
        if (known is order) if now_waiting else (known is None):
            continue
        after = dict(waiting) if after is None else after
        if now_waiting:
            after[order.id] = order
        else:
            del after[order.id]
    return after


@dataclass(frozen=True, slots=True)
class Arrival:
    """A courier came for an order (found and on the way, or at the desk)."""

    order_id: int
    substatus: str
    courier: Courier | None


class ArrivalWatch:
    """Tells each courier arrival once per order and courier state, across refreshes."""

    def __init__(self) -> None:
        self._told: set[tuple[int, str]] = set()

    def update(self, orders: Iterable[Order]) -> tuple[Arrival, ...]:
        """The arrivals among `orders` (the whole current list) not told before."""
        current = {
            (order.id, order.substatus): order
            for order in orders
            if awaits_courier(order) and order.substatus in CALLING_SUBSTATUSES
        }
        new = tuple(
            Arrival(order.id, order.substatus, order.courier)
            for key, order in sorted(current.items())
            if key not in self._told
        )
        listed = {order_id for order_id, _ in current}
        # Forget orders that left the list, so an order coming back is told again.
        self._told = {key for key in self._told if key[0] in listed} | set(current)
        return new


class HandoverKind(StrEnum):
    """What one attempt at the hand-over came to, as the hand-over page shows it."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"  # wrong code, attempts left
    NEED_UPDATE = "need_update"  # attempts used up: the Market issues the courier a new code
    NO_COURIER = "no_courier"  # no courier assigned to the order yet
    NETWORK = "network"  # no answer (or a lost one): not known to be checked
    NOT_A_CODE = "not_a_code"  # refused here, nothing sent
    NOT_SENT = "not_sent"  # refused here for another reason (e.g. this order's code is given)
    REFUSED = "refused"  # the Market refused the request for another reason


@dataclass(frozen=True, slots=True)
class HandoverOutcome:
    """One hand-over attempt's outcome; `error` says why for the kinds that failed."""

    kind: HandoverKind
    attempts_left: int | None = None
    error: PackstationError | None = None

    @classmethod
    def of_verdict(cls, result: EacResult) -> HandoverOutcome:
        kinds = {
            EacVerdict.ACCEPTED: HandoverKind.ACCEPTED,
            EacVerdict.REJECTED: HandoverKind.REJECTED,
            EacVerdict.NEED_UPDATE: HandoverKind.NEED_UPDATE,
        }
        return cls(kinds.get(result.verdict, HandoverKind.REFUSED), result.attempts_left)

    @property
    def ok(self) -> bool:
        return self.kind is HandoverKind.ACCEPTED
