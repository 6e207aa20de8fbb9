"""The Express courier's handover code (verifyEac)."""

from __future__ import annotations

from packstation.domain.packing.errors import PackingError, Reason
from packstation.domain.verification import EacResult, EacVerdict
from packstation.services.intents import CourierCodeIntent
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
        code = code.strip(" \t\r\n")
        if not code:
            raise PackingError(Reason.BAD_COUNT, "Введите код курьера.", "Enter the courier's code.")
        intent = self._sender.intent(CourierCodeIntent(code))
        result = await self._sender.send(intent, self._market.verify_eac(log.order_id, code))
        action = {"op": "eac", "verdict": result.verdict.value, "attempts_left": result.attempts_left}
        log.record(action, log.state.with_eac(result), notify=False)
        log.audit("courier_code", result.verdict.value)
        if result.verdict is EacVerdict.ACCEPTED:
            log.finish()
        log.notify()
        return result
