"""Waiting for the Market's verdict on the marking codes.

After the layout is sent, the poller reads `code_checks` with back-off (`POLL_DELAYS`) within
the station's shared `CheckBudget` (the Market allows 1000 calls per hour) until every code the
Market verifies passed, one is refused (back to packing, the refused codes marked), or the
verification timeout passes (the session stays VERIFYING; `check_codes()` resumes).
"""

from __future__ import annotations

from packstation.domain.errors import PackstationError
from packstation.domain.instances import Instance
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.packing.codes import verified_kinds
from packstation.domain.packing.errors import PackingError, Reason
from packstation.domain.packing.model import UnitRef
from packstation.domain.verification import CodeStatus
from packstation.services.packing.edit_log import EditLog
from packstation.services.packing.state import SessionState, check_matches
from packstation.services.packing.values import CheckBudget, Phase, PollBackoff, SleepFn
from packstation.services.ports import MarketPort


def verified_codes(state: SessionState) -> list[tuple[UnitRef, Instance]]:
    """The codes of the packing the Market verifies."""
    order = state.order
    return [
        (unit, inst)
        for unit, inst in state.packing.all_codes()
        if inst.kind in verified_kinds(order, order.line(unit.line_id))
    ]


def verdict_of(state: SessionState) -> CodeStatus:
    """OK when every verified code passed, FAILED when one was refused, else IN_PROGRESS."""
    statuses = []
    for unit, inst in verified_codes(state):
        check = next((c for c in state.checks if check_matches(c, unit, inst)), None)
        statuses.append(check.status if check is not None else CodeStatus.NOT_ON_VALIDATION)
    if any(status in (CodeStatus.FAILED, CodeStatus.INVALID) for status in statuses):
        return CodeStatus.FAILED
    if all(status is CodeStatus.OK for status in statuses):
        return CodeStatus.OK
    return CodeStatus.IN_PROGRESS


def refused_codes(state: SessionState) -> tuple[str, ...]:
    """The values of the verified codes the Market found FAILED or INVALID."""
    return tuple(
        inst.value
        for unit, inst in verified_codes(state)
        if any(
            check_matches(c, unit, inst) and c.status in (CodeStatus.FAILED, CodeStatus.INVALID)
            for c in state.checks
        )
    )


class VerificationPoller:
    """Polls the code checks of the sent layout and judges them."""

    def __init__(
        self,
        log: EditLog,
        *,
        market: MarketPort,
        budget: CheckBudget,
        sleep: SleepFn,
        timeout_s: float,
    ) -> None:
        self._log = log
        self._market = market
        self._budget = budget
        self._sleep = sleep
        self._timeout_s = timeout_s

    def needed(self) -> bool:
        """Whether the packing holds codes the Market verifies."""
        return bool(verified_codes(self._log.state))

    def _verifying(self) -> bool:
        """Still waiting for the code check (a cancellation may interrupt any await)."""
        return self._log.state.phase is Phase.VERIFYING

    async def poll_once(self) -> CodeStatus:
        """Read the code checks once (within the budget) and judge them; a refusal goes back to
        PACKING with the refused codes marked."""
        wait = self._budget.delay()
        if wait > 0:
            await self._sleep(wait)
            if not self._verifying():
                return CodeStatus.IN_PROGRESS  # interrupted while waiting: no call spent
        self._budget.spend()
        checks = await self._market.code_checks(self._log.order_id)
        self._log.update(checks=checks, notify=False)
        state = self._log.state
        verdict = verdict_of(state)
        if not self._verifying():
            self._log.notify()
            return verdict  # interrupted while the request was out
        if verdict is CodeStatus.FAILED:
            refused = refused_codes(state)
            self._log.record(
                {"op": "rejected", "values": list(refused)}, state.rejected(refused), notify=False
            )
            error = PackingError(
                Reason.INCOMPLETE,
                QT_TRANSLATE_NOOP("Verification", "The Market refused %1 code(s). Scan replacements.")(
                    len(refused)
                ),
                hint=QT_TRANSLATE_NOOP("Verification", "Replace the codes marked red, then submit again."),
            )
            self._log.update(phase=Phase.PACKING, last_error=error, notify=False)
        self._log.notify()
        return verdict

    async def await_verification(self, backoff: PollBackoff, *, wait_first: bool = False) -> bool:
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
            verdict = await self.poll_once()
            if not self._verifying():
                return False
            if verdict is CodeStatus.OK:
                return True
            if verdict is CodeStatus.FAILED:
                return False

    async def _back_off(self, backoff: PollBackoff) -> bool:
        """Sleep before the next poll; False when the wait timed out or was interrupted."""
        if backoff.waited >= self._timeout_s:
            self._log.update(
                last_error=PackstationError(
                    QT_TRANSLATE_NOOP("Verification", "The Market is still checking the codes."),
                    hint=QT_TRANSLATE_NOOP("Verification", "Check again later with “Check codes”."),
                )
            )
            return False
        await self._sleep(backoff.next_delay())
        return self._verifying()  # False: interrupted while waiting
