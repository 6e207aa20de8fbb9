"""The Express courier's handover code (verifyEac), and what each attempt came to for the page.

Only input with a courier code's shape (`domain.courier_handover.courier_code`) is ever sent: a
wrong code spends one of the courier's attempts, so a stray scan must not reach the Market."""

from __future__ import annotations

from packstation.domain.courier_handover import (
    EacType,
    HandoverKind,
    HandoverOutcome,
    courier_code,
    not_a_courier_code,
)
from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.packing.errors import PackingError, PackingScanError, Reason
from packstation.domain.remote import RemoteError, answer_lost
from packstation.domain.verification import EacResult, EacVerdict
from packstation.services.intents import CourierCodeIntent
from packstation.services.lost_answer import HandoverUnknownError, Settlement, read_back_handover
from packstation.services.packing.edit_log import EditLog
from packstation.services.packing.sender import IntentSender
from packstation.services.packing.state import not_editable
from packstation.services.packing.values import Phase
from packstation.services.ports import MarketPort


class CourierHandover:
    """Checks the courier's code once an Express order is READY_TO_SHIP."""

    def __init__(self, log: EditLog, *, market: MarketPort, sender: IntentSender) -> None:
        self._log = log
        self._market = market
        self._sender = sender

    async def handover(self, code: str) -> EacResult:
        """Check the Express courier's code (verifyEac): ACCEPTED finishes the order; REJECTED
        leaves `attempts_left`; NEED_UPDATE means the Market issues the courier a new code."""
        log = self._log
        if log.state.phase is not Phase.READY:
            raise not_editable(log.state.phase)
        if not EacType.of(log.state.order).packer_checks:
            raise PackingError(
                Reason.NOT_EDITABLE,
                QT_TRANSLATE_NOOP(
                    "Handover",
                    "For this order you give the code: tell the courier the code shown on the screen.",
                ),
            )
        checked = courier_code(code)
        if checked is None:
            raise not_a_courier_code()
        code = checked
        intent = self._sender.intent(CourierCodeIntent(code))
        result: EacResult
        try:
            result = await self._sender.send(intent, self._market.verify_eac(log.order_id, code))
        except PackstationError as error:
            result = await self._eac_after_lost_answer(error, intent)
        action = {"op": "eac", "verdict": result.verdict.value, "attempts_left": result.attempts_left}
        log.record(action, log.state.with_eac(result), notify=False)
        log.audit("courier_code", result.verdict.value)
        if result.verdict is EacVerdict.ACCEPTED:
            log.finish()
        log.notify()
        return result

    async def check(self, code: str) -> HandoverOutcome:
        """`handover`, with every failure turned into the outcome the hand-over page shows (a
        refusal here, no courier yet, no connection, another refusal of the Market)."""
        try:
            return HandoverOutcome.of_verdict(await self.handover(code))
        except PackstationError as error:
            return HandoverOutcome(failure_kind(error), error=error)

    async def _eac_after_lost_answer(self, error: PackstationError, intent: int | None) -> EacResult:
        """verifyEac is not idempotent: a wrong code resent burns one of the courier's attempts.
        After a lost answer the order is read back: handed over means accepted; otherwise nobody
        can tell whether the attempt counted, so the packer is told and decides (no resend)."""
        if not answer_lost(error):
            raise error
        back = await read_back_handover(self._market, self._log.order_id)
        if back.settlement is Settlement.UNREADABLE:
            raise error  # the intent stays; the outbox reads the order back before anything else
        if not back.applied:
            self._sender.done(intent, "unknown: answer lost, not handed over; the packer decides")
            self._log.audit("outbox_needs_packer", "courier code: answer lost, not handed over; not resent")
            raise HandoverUnknownError(self._log.order_id) from error
        self._sender.settled_after_lost_answer(intent, "courier code")
        return EacResult(EacVerdict.ACCEPTED, None)


# The Market's refusal of verifyEac before a courier is assigned (the emulator's code; [inference]
# the Market's status refusals use it too).
_NO_COURIER_CODES = frozenset({"STATUS_NOT_ALLOWED", "SUBSTATUS_NOT_ALLOWED"})


def failure_kind(error: PackstationError) -> HandoverKind:
    """Which hand-over outcome a failed code check is."""
    if isinstance(error, PackingError | PackingScanError):
        return HandoverKind.NOT_A_CODE if error.reason is Reason.NOT_COURIER_CODE else HandoverKind.NOT_SENT
    if isinstance(error, HandoverUnknownError):
        return HandoverKind.NETWORK
    if isinstance(error, RemoteError):
        if "CODE_NEED_BE_REFRESHED" in error.codes:
            return HandoverKind.NEED_UPDATE
        if _NO_COURIER_CODES & set(error.codes):
            return HandoverKind.NO_COURIER
        if error.status_code is None or error.unreachable or error.answer_lost:
            return HandoverKind.NETWORK
    return HandoverKind.REFUSED
