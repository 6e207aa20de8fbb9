"""The Express courier's handover code (verifyEac): one layer of `PackingSession`."""

from __future__ import annotations

from packstation.domain.packing.errors import PackingError, Reason
from packstation.domain.verification import EacResult, EacVerdict
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
        result: EacResult = await self._send(intent, self._market.verify_eac(self.order.id, code))
        self._record({"op": "eac", "verdict": result.verdict.value, "attempts_left": result.attempts_left})
        self._apply_eac(result)
        self._audit("courier_code", result.verdict.value)
        if result.verdict is EacVerdict.ACCEPTED:
            self._finish()
        self._changed()
        return result
