"""The pure decisions of the outbox replay: what to do with one pending intent.

Given a fresh copy of the order, `decide` says whether to send the intent, close it as already
done or skipped, leave it to the packer (a courier code) or keep it pending (an unknown kind);
`is_hold` / `is_wait` say what a failed send means for the run (`delivery_of`). Each decision
carries the packer-facing text for the replay report. `outbox_replay` orchestrates the run.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from packstation.domain.errors import PackstationError
from packstation.domain.layout import LayoutPlan
from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.domain.order import CANCELLED, PROCESSING, READY_TO_SHIP, SHOP_FAILED, STARTED, Order
from packstation.domain.remote import Delivery, delivery_of
from packstation.services.intents import (
    CancelIntent,
    IntentKind,
    IntentPayload,
    LayoutIntent,
    StatusIntent,
    UnknownIntentError,
    parse_intent,
)
from packstation.services.lost_answer import handed_over, layout_held, past_ready
from packstation.services.packing.values import codes_still_checking
from packstation.services.ports import Intent


class ReplayOutcome(StrEnum):
    SENT = "sent"  # the Market confirmed it now
    ALREADY_DONE = "already_done"  # the order already shows the change; nothing was sent
    SKIPPED = "skipped"  # no longer valid (cancelled, moved on, changed); nothing was sent
    REJECTED = "rejected"  # the Market refused it; the packer must act
    NEEDS_PACKER = "needs_packer"  # must not be resent automatically (courier code)
    PENDING = "pending"  # kept for the next replay (offline, key problem, unknown kind)


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: ReplayOutcome
    text: Message | None = None  # for the replay report; None for a plain send


SEND = Decision(ReplayOutcome.SENT)


def is_hold(err: PackstationError) -> bool:
    """Whether to keep the intent pending and stop the run: the request may have been applied,
    or may go later (`delivery_of`); only a refusal closes it."""
    return delivery_of(err) is Delivery.UNKNOWN


def is_wait(err: PackstationError) -> bool:
    """The Market is still checking the order's codes: this order's intents wait, others go on."""
    return codes_still_checking(err)


def read(intent: Intent) -> IntentPayload | Decision:
    """The intent's typed payload (read once per run), or the decision on one that cannot be read."""
    try:
        return parse_intent(intent.kind, intent.payload)
    except UnknownIntentError:
        return _unknown(intent)
    except ValueError as err:
        if intent.kind in (IntentKind.BOX_LAYOUT, IntentKind.SHORTEN):
            return Decision(
                ReplayOutcome.REJECTED,
                QT_TRANSLATE_NOOP(
                    "ReplayDecisions",
                    "The saved box layout of order %1 is damaged (%2); lay out the boxes again.",
                )(intent.order_id, err),
            )
        return _unknown(intent)


def decide(intent: Intent, payload: IntentPayload, order: Order, state: tuple[str, str]) -> Decision:
    """What to do with a pending `intent` (its `payload` as `read`), given a fresh copy of its
    order and the order's (status, substatus) as the run has left it."""
    status, substatus = state
    oid = intent.order_id
    target = payload.target if isinstance(payload, StatusIntent | CancelIntent) else None
    if target is not None and target[0] == CANCELLED:
        if status == CANCELLED:
            return _already_cancelled(oid, substatus)
        if status == PROCESSING:
            return SEND
        return _moved_on(oid, status, substatus, QT_TRANSLATE_NOOP("ReplayDecisions", "cancellation"))
    if status == CANCELLED:
        return _cancelled(oid, substatus)
    if isinstance(payload, LayoutIntent) and payload.plan.allow_remove:
        return _decide_shorten(oid, payload.plan, order, state)
    if isinstance(payload, LayoutIntent):
        return _decide_layout(oid, payload.plan, order, state)
    if target is not None:
        if (status, substatus) == (target[0], target[1] or substatus):
            return Decision(
                ReplayOutcome.ALREADY_DONE,
                QT_TRANSLATE_NOOP("ReplayDecisions", "Order %1 is already %2/%3; not sent again.")(
                    oid, status, substatus
                ),
            )
        if status == PROCESSING and substatus == STARTED:
            return SEND
        if target == (PROCESSING, READY_TO_SHIP) and past_ready(status, substatus):
            return _past_ready(oid, status, substatus)
        return _moved_on(oid, status, substatus, QT_TRANSLATE_NOOP("ReplayDecisions", "status change"))
    if handed_over(order):
        return Decision(
            ReplayOutcome.ALREADY_DONE,
            QT_TRANSLATE_NOOP(
                "ReplayDecisions",
                "Order %1 is already handed to the courier (%2/%3); the code was not sent again.",
            )(oid, status, substatus),
        )
    return Decision(
        ReplayOutcome.NEEDS_PACKER,
        QT_TRANSLATE_NOOP(
            "ReplayDecisions",
            "The courier code for order %1 was not confirmed before the restart. Ask the courier for the "
            "code and enter it again.",
        )(oid),
    )


def _unknown(intent: Intent) -> Decision:
    return Decision(
        ReplayOutcome.PENDING,
        QT_TRANSLATE_NOOP(
            "ReplayDecisions", "Unknown request type '%1' for order %2; it is kept and not sent."
        )(intent.kind, intent.order_id),
    )


def _decide_layout(oid: int, plan: LayoutPlan, order: Order, state: tuple[str, str]) -> Decision:
    status, substatus = state
    if status != PROCESSING or substatus != STARTED:
        if past_ready(status, substatus) and len(order.box_ids) == len(plan.boxes):
            return Decision(
                ReplayOutcome.ALREADY_DONE,
                QT_TRANSLATE_NOOP(
                    "ReplayDecisions",
                    "Order %1 is already packed (%2/%3) in %4 boxes; the layout was not resent.",
                )(oid, status, substatus, len(plan.boxes)),
            )
        return _moved_on(oid, status, substatus, QT_TRANSLATE_NOOP("ReplayDecisions", "box layout"))
    mismatch = _layout_mismatch(plan, order)
    if mismatch:
        return Decision(
            ReplayOutcome.SKIPPED,
            QT_TRANSLATE_NOOP(
                "ReplayDecisions",
                "Order %1 changed on the Market (%2); the saved layout was not sent. Open the order and "
                "pack it again.",
            )(oid, mismatch),
        )
    if layout_held(plan, order):
        return Decision(
            ReplayOutcome.ALREADY_DONE,
            QT_TRANSLATE_NOOP(
                "ReplayDecisions",
                "The Market already holds this layout of order %1 (%2 boxes); not sent again.",
            )(oid, len(plan.boxes)),
        )
    return SEND


def _decide_shorten(oid: int, plan: LayoutPlan, order: Order, state: tuple[str, str]) -> Decision:
    """A shortening is irreversible and the buyer is told at once: it is never resent on its own.
    Either the order already shows it (the Market accepted before the answer was lost), or the
    packer decides again (the packing session shows the order as it was)."""
    status, substatus = state
    if status != PROCESSING or substatus != STARTED:
        return _moved_on(oid, status, substatus, QT_TRANSLATE_NOOP("ReplayDecisions", "shortening"))
    if {line.id: line.count for line in order.lines} == _plan_units(plan):
        return Decision(
            ReplayOutcome.ALREADY_DONE,
            QT_TRANSLATE_NOOP(
                "ReplayDecisions", "The Market already shortened order %1; the request was not sent again."
            )(oid),
        )
    return Decision(
        ReplayOutcome.NEEDS_PACKER,
        QT_TRANSLATE_NOOP(
            "ReplayDecisions",
            "The shortening of order %1 was not confirmed before the restart and is not repeated on "
            "its own (it cannot be undone and the buyer is notified). The order is as it was: open it "
            "and shorten it again if the item is missing.",
        )(oid),
    )


def _plan_units(plan: LayoutPlan) -> dict[int, int]:
    """Units per line in `plan` (a split unit counts once)."""
    packed: dict[int, int] = {}
    for box in plan.boxes:
        for entry in box.entries:
            units = entry.full_count or 0
            if entry.part is not None and entry.part.current == 1:
                units = 1
            packed[entry.line_id] = packed.get(entry.line_id, 0) + units
    return packed


def _layout_mismatch(plan: LayoutPlan, order: Order) -> Message | None:
    """Why `plan` no longer fits the order's lines, or None when it does."""
    packed = _plan_units(plan)
    counts = {line.id: line.count for line in order.lines}
    for line_id, units in packed.items():
        if line_id not in counts:
            return QT_TRANSLATE_NOOP("ReplayDecisions", "line %1 is gone")(line_id)
        if units > counts[line_id] or (units < counts[line_id] and not plan.allow_remove):
            return QT_TRANSLATE_NOOP("ReplayDecisions", "line %1 now has %2 units, the layout %3")(
                line_id, counts[line_id], units
            )
    missing = set(counts) - set(packed)
    if missing and not plan.allow_remove:
        line_id = min(missing)
        return QT_TRANSLATE_NOOP("ReplayDecisions", "line %1 was added")(line_id)
    return None


def sent(intent: Intent) -> Decision:
    return Decision(
        ReplayOutcome.SENT,
        QT_TRANSLATE_NOOP("ReplayDecisions", "The delayed '%1' request for order %2 was sent.")(
            intent.kind, intent.order_id
        ),
    )


def settled(intent: Intent) -> Decision:
    """A send whose answer was lost, which reading the order back shows arrived."""
    return Decision(
        ReplayOutcome.ALREADY_DONE,
        QT_TRANSLATE_NOOP(
            "ReplayDecisions",
            "The Market's answer to the '%1' request for order %2 was lost, but the order shows it "
            "arrived; not sent again.",
        )(intent.kind, intent.order_id),
    )


def _cancelled(oid: int, substatus: str) -> Decision:
    return Decision(
        ReplayOutcome.SKIPPED,
        QT_TRANSLATE_NOOP(
            "ReplayDecisions",
            "Order %1 was cancelled (%2) while the request was waiting; it was not sent. Put the items back.",
        )(oid, substatus),
    )


def _already_cancelled(oid: int, substatus: str) -> Decision:
    if substatus == SHOP_FAILED:  # cancelled by this shop: no reason worth naming
        text = QT_TRANSLATE_NOOP(
            "ReplayDecisions", "Order %1 is already cancelled; the cancellation was not resent."
        )(oid)
    else:
        text = QT_TRANSLATE_NOOP(
            "ReplayDecisions", "Order %1 is already cancelled (reason: %2); the cancellation was not resent."
        )(oid, substatus)
    return Decision(ReplayOutcome.ALREADY_DONE, text)


def _past_ready(oid: int, status: str, substatus: str) -> Decision:
    return Decision(
        ReplayOutcome.ALREADY_DONE,
        QT_TRANSLATE_NOOP(
            "ReplayDecisions", "Order %1 is already ready to ship or handed over (%2/%3); not sent again."
        )(oid, status, substatus),
    )


def _moved_on(oid: int, status: str, substatus: str, what: Message) -> Decision:
    return Decision(
        ReplayOutcome.SKIPPED,
        QT_TRANSLATE_NOOP(
            "ReplayDecisions", "Order %1 is now %2/%3: the %4 no longer applies and was not sent."
        )(oid, status, substatus, what),
    )


def gone(oid: int) -> Decision:
    return Decision(
        ReplayOutcome.SKIPPED,
        QT_TRANSLATE_NOOP(
            "ReplayDecisions", "Order %1 was not found on the Market; the delayed request was not sent."
        )(oid),
    )


def rejected(err: PackstationError) -> Decision:
    return Decision(
        ReplayOutcome.REJECTED,
        QT_TRANSLATE_NOOP("ReplayDecisions", "The Market rejected the delayed request: %1")(err.as_message()),
    )


def blocked(failed: Intent) -> Decision:
    return Decision(
        ReplayOutcome.SKIPPED,
        QT_TRANSLATE_NOOP(
            "ReplayDecisions",
            "Not sent: the previous '%1' request for order %2 did not go through. Open the order and check "
            "it.",
        )(failed.kind, failed.order_id),
    )


def still_pending(err: PackstationError | None) -> Decision:
    reason = err.as_message() if err is not None else QT_TRANSLATE_NOOP("ReplayDecisions", "no connection")
    return Decision(
        ReplayOutcome.PENDING,
        QT_TRANSLATE_NOOP("ReplayDecisions", "The request is waiting and will be retried: %1")(reason),
    )
