"""The Express courier's handover code (verifyEac): one layer of `PackingSession`."""

from __future__ import annotations

from packstation.domain.errors import PackstationError
from packstation.domain.packing_errors import PackingError, Reason
from packstation.domain.verification import EacResult, EacVerdict
from packstation.services.lost_answer import HandoverUnknownError, Settlement, answer_lost, read_back_handover
from packstation.services.outbox_replay import KIND_VERIFY_EAC
from packstation.services.packing_order_watch import OrderWatch
from packstation.services.packing_session_core import not_editable
from packstation.services.packing_types import Phase


class CourierHandover(OrderWatch):
    """Checks the courier's code once an Express order is READY_TO_SHIP."""

    async def handover(self, code: str) -> EacResult:
        """Check the Express courier's code (verifyEac): ACCEPTED finishes the order; REJECTED
        leaves `attempts_left`; NEED_UPDATE means the Market issues the courier a new code."""
        if self._phase is not Phase.READY:
            raise not_editable(self._phase)
        code = code.strip(" \t\r\n")
        if not code:
            raise PackingError(Reason.BAD_COUNT, "Введите код курьера.", "Enter the courier's code.")
        intent = self._intent(KIND_VERIFY_EAC, {"code": code})
        result: EacResult
        try:
            result = await self._send(intent, self._market.verify_eac(self.order.id, code))
        except PackstationError as error:
            result = await self._eac_after_lost_answer(error, intent)
        self._record({"op": "eac", "verdict": result.verdict.value, "attempts_left": result.attempts_left})
        self._apply_eac(result)
        self._audit("courier_code", result.verdict.value)
        if result.verdict is EacVerdict.ACCEPTED:
            self._finish()
        self._changed()
        return result

    async def _eac_after_lost_answer(self, error: PackstationError, intent: int | None) -> EacResult:
        """verifyEac is not idempotent: a wrong code resent burns one of the courier's attempts.
        After a lost answer the order is read back: handed over means accepted; otherwise nobody
        can tell whether the attempt counted, so the packer is told and decides (no resend)."""
        if not answer_lost(error):
            raise error
        back = await read_back_handover(self._market, self.order.id)
        if back.settlement is Settlement.UNREADABLE:
            raise error  # the intent stays; the outbox reads the order back before anything else
        if not back.applied:
            self._intent_done(intent, "unknown: answer lost, not handed over; the packer decides")
            self._audit("outbox_needs_packer", "courier code: answer lost, not handed over; not resent")
            raise HandoverUnknownError(self.order.id) from error
        self._settled_after_lost_answer(intent, "courier code")
        return EacResult(EacVerdict.ACCEPTED, None)
