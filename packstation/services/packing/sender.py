"""Market writes of one order, each journalled in the outbox before it goes.

An intent is closed when the Market took the request or refused it; when the outcome is unknown
(`delivery_of`) it stays pending and the replayer re-reads the order before resending. A status
change whose answer was lost is settled by reading the order back, never by resending it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.remote import Delivery, answer_lost, delivery_of
from packstation.services.intents import IntentPayload, StatusLike
from packstation.services.lost_answer import read_back_status
from packstation.services.packing.values import STILL_CHECKING_CODES, CodesStillCheckingError
from packstation.services.ports import MarketPort, OutboxPort

T = TypeVar("T")


class IntentSender:
    """Sends one order's Market writes through the outbox."""

    def __init__(
        self,
        order_id: int,
        market: MarketPort,
        outbox: OutboxPort | None,
        audit: Callable[[str, str], None] = lambda _action, _detail: None,
    ) -> None:
        self._order_id = order_id
        self._market = market
        self._outbox = outbox
        self._audit = audit

    def intent(self, payload: IntentPayload) -> int | None:
        """Journal the intent to send (None: no outbox)."""
        if self._outbox is None:
            return None
        return self._outbox.add_intent(self._order_id, payload.kind, payload.to_json()).id

    async def intent_off_thread(self, payload: IntentPayload) -> int | None:
        """`intent`, its durable commit (an fsync: 5-100 ms on a busy disk) made in a worker
        thread so the GUI thread goes on meanwhile (issue 19); it is on the disk on return, before
        the Market call, as with `intent`."""
        if self._outbox is None:
            return None
        return await asyncio.to_thread(self.intent, payload)

    def done(self, intent: int | None, outcome: str) -> None:
        """Close the intent with `outcome` (e.g. after a read-back settled it)."""
        self._done(intent, outcome)

    def settled_after_lost_answer(self, intent: int | None, what: str) -> None:
        """A read-back showed that a call whose answer was lost arrived: nothing is resent."""
        self._done(intent, "already_done: read back after a lost answer")
        # The outbox's own action name: History already labels it in both languages.
        self._audit("outbox_already_done", f"{what}: answer lost, the order read back shows it done")

    def _done(self, intent: int | None, outcome: str) -> None:
        if intent is not None and self._outbox is not None:
            self._outbox.complete_intent(intent, outcome)

    async def send(self, intent: int | None, call: Awaitable[T]) -> T:
        """Await a Market call; the intent is closed unless the outcome is unknown."""
        try:
            result = await call
        except PackstationError as error:
            if delivery_of(error) is Delivery.REFUSED:
                await self._done_off_thread(intent, f"rejected: {error}")
            raise
        await self._done_off_thread(intent, "sent")
        return result

    async def _done_off_thread(self, intent: int | None, outcome: str) -> None:
        """`_done` with its durable commit in a worker thread (see `intent_off_thread`)."""
        if intent is not None and self._outbox is not None:
            await asyncio.to_thread(self._done, intent, outcome)

    async def change_status(self, payload: StatusLike) -> None:
        """Ask the Market for a status change; a per-order refusal inside HTTP 200 is an error.
        When the answer is lost, the order is read back instead of resending the change.

        Raises:
            CodesStillCheckingError: the Market is still checking the order's codes.
            PackstationError: the Market refused or the call failed.
        """
        status, sub = payload.target
        intent = await self.intent_off_thread(payload)
        try:
            change = await self.send(intent, self._market.set_status(self._order_id, status, sub))
        except PackstationError as error:
            if not answer_lost(error):
                raise
            back = await read_back_status(self._market, self._order_id, status, sub)
            if not back.applied:
                raise
            self.settled_after_lost_answer(intent, f"{status}/{sub}")
            return
        if not change.ok:
            detail = change.error or ""
            if any(code in detail for code in STILL_CHECKING_CODES):
                raise CodesStillCheckingError(detail)
            raise PackstationError(
                QT_TRANSLATE_NOOP("Sender", "The Market did not move the order to %1/%2. %3")(
                    status, sub, detail
                )
            )
