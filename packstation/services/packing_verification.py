"""Waiting for the Market's verdict on the marking codes: one layer of `PackingSession`.

After the layout is sent, the session polls `code_checks` with back-off (`POLL_DELAYS`) within
the station's shared `CheckBudget` (the Market allows 1000 calls per hour) until every code the
Market verifies passed, one is refused (back to packing, the refused codes marked), or the
verification timeout passes (the session stays VERIFYING; `check_codes()` resumes).
"""

from __future__ import annotations

from packstation.domain.errors import PackstationError
from packstation.domain.instances import Instance
from packstation.domain.packing.codes import verified_kinds
from packstation.domain.packing.errors import PackingError, Reason
from packstation.domain.packing.model import UnitRef
from packstation.domain.verification import CodeStatus
from packstation.services.packing_session_core import SessionCore, check_matches, not_editable
from packstation.services.packing_types import Phase, PollBackoff


class CodeVerification(SessionCore):
    """Polls the code checks of the sent layout and judges them."""

    def _verified_codes(self) -> list[tuple[UnitRef, Instance]]:
        order = self.order
        return [
            (unit, inst)
            for unit, inst in self._packing.all_codes()
            if inst.kind in verified_kinds(order, order.line(unit.line_id))
        ]

    def _needs_verification(self) -> bool:
        return bool(self._verified_codes())

    def _verdict(self) -> CodeStatus:
        """OK when every verified code passed, FAILED when one was refused, else IN_PROGRESS."""
        statuses = []
        for unit, inst in self._verified_codes():
            check = next((c for c in self._checks if check_matches(c, unit, inst)), None)
            statuses.append(check.status if check is not None else CodeStatus.NOT_ON_VALIDATION)
        if any(status in (CodeStatus.FAILED, CodeStatus.INVALID) for status in statuses):
            return CodeStatus.FAILED
        if all(status is CodeStatus.OK for status in statuses):
            return CodeStatus.OK
        return CodeStatus.IN_PROGRESS

    def _verifying(self) -> bool:
        """Still waiting for the code check (a cancellation may interrupt any await)."""
        return self._phase is Phase.VERIFYING

    async def _poll_once(self) -> CodeStatus:
        wait = self._budget.delay()
        if wait > 0:
            await self._deps.sleep(wait)
            if not self._verifying():
                return CodeStatus.IN_PROGRESS  # interrupted while waiting: no call spent
        self._budget.spend()
        self._checks = await self._market.code_checks(self.order.id)
        verdict = self._verdict()
        if not self._verifying():
            return verdict  # interrupted while the request was out
        if verdict is CodeStatus.FAILED:
            refused = [
                inst.value
                for unit, inst in self._verified_codes()
                if any(
                    check_matches(c, unit, inst) and c.status in (CodeStatus.FAILED, CodeStatus.INVALID)
                    for c in self._checks
                )
            ]
            self._record({"op": "rejected", "values": refused})
            self._packing = self._packing.with_rejected(refused)
            self._phase = Phase.PACKING
            self._last_error = PackingError(
                Reason.INCOMPLETE,
                f"Маркет не принял кодов: {len(refused)}. Отсканируйте вместо них другие.",
                f"The Market refused {len(refused)} code(s). Scan replacements.",
                hint_ru="Коды с красной отметкой нужно заменить, затем отправить заказ снова.",
                hint_en="Replace the codes marked red, then submit again.",
            )
        self._changed()
        return verdict

    async def _await_verification(self, backoff: PollBackoff, *, wait_first: bool = False) -> bool:
        """Poll the code checks with back-off until all pass (True), one is refused (False, back
        to PACKING) or the timeout passes (False, still VERIFYING: `check_codes()` resumes).

        Args:
            backoff: the delays and time already waited in this submit.
            wait_first: back off before the first poll (the Market has just said "still checking").
        """
        while True:
            if wait_first and not await self._back_off(backoff):
                return False
            wait_first = True
            verdict = await self._poll_once()
            if not self._verifying():
                return False
            if verdict is CodeStatus.OK:
                return True
            if verdict is CodeStatus.FAILED:
                return False

    async def _back_off(self, backoff: PollBackoff) -> bool:
        """Sleep before the next poll; False when the wait timed out or was interrupted."""
        if backoff.waited >= self._deps.verify_timeout_s:
            self._last_error = PackstationError(
                "Маркет ещё проверяет коды.",
                "The Market is still checking the codes.",
                hint_ru="Проверьте позже кнопкой «Проверить коды».",
                hint_en="Check again later with “Check codes”.",
            )
            self._changed()
            return False
        await self._deps.sleep(backoff.next_delay())
        return self._verifying()  # False: interrupted while waiting

    def resume_packing(self) -> None:
        """Leave a long code verification and edit again (e.g. to replace a code that stays
        unchecked); the next `submit()` sends what changed and waits again."""
        if self._phase is not Phase.VERIFYING:
            raise not_editable(self._phase)
        self._phase = Phase.PACKING
        self._last_error = None
        self._changed()
