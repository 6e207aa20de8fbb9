"""The order underneath the packing.

A fresh copy of the order (from the order queue or `refresh_order()`) may interrupt the packing
(the buyer cancelled, the items or the status changed), finish an Express order the courier
took, or bring harmless news (a moved deadline). `cancel_order()` cancels from this desk.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import PROCESSING, READY_TO_SHIP, STARTED, Order
from packstation.services.intents import CancelIntent
from packstation.services.packing.countdown import Countdown
from packstation.services.packing.edit_log import EditLog
from packstation.services.packing.sender import IntentSender
from packstation.services.packing.state import line_counts, not_editable
from packstation.services.packing.values import Phase
from packstation.services.ports import MarketPort

if TYPE_CHECKING:
    from packstation.services.packing.shortening import Shortener

# Market substatuses that mean an Express order has left the desk.
_GONE_SUBSTATUSES = frozenset({"SHIPPED", "COURIER_RECEIVED"})


class OrderWatcher:
    """Reacts to the order changing on the Market; cancels it from this desk."""

    def __init__(
        self,
        log: EditLog,
        *,
        market: MarketPort,
        sender: IntentSender,
        countdown: Countdown,
        shortening: Shortener | None = None,
    ) -> None:
        self._shortening = shortening
        self._log = log
        self._market = market
        self._sender = sender
        self._countdown = countdown

    async def refresh_order(self) -> Order:
        """Re-read the order from the Market and react to changes (see `order_changed`)."""
        order = await self._market.get_order(self._log.order_id)
        self.order_changed(order)
        return order

    def order_changed(self, order: Order) -> None:
        """React to a fresh copy of the order: a cancellation or any change of status or items
        while packing interrupts (put the items back); an Express order leaving the desk is done."""
        log = self._log
        state = log.state
        if order.id != state.order.id or state.phase in (Phase.CANCELLED, Phase.INTERRUPTED, Phase.DONE):
            return
        if order.is_cancelled:
            self._interrupt(
                order,
                PackstationError(
                    QT_TRANSLATE_NOOP(
                        "OrderWatch", "Order %1 was cancelled (%2). Stop and put the items back."
                    )(order.id, order.substatus)
                ),
            )
            return
        if state.phase is Phase.READY:
            if order.substatus in _GONE_SUBSTATUSES:
                state = log.record({"op": "done"}, notify=False)
                log.finish()
            moved = replace(
                state.order,
                substatus=order.substatus,
                eac_type=order.eac_type,
                eac_code=order.eac_code,
                courier=order.courier,
            )
            log.update(packing=replace(state.packing, order=moved))
            return
        if order.substatus == READY_TO_SHIP and state.phase is Phase.PACKING and state.labels is not None:
            # Our own READY_TO_SHIP whose journal line was lost (a crash right after the call).
            state = log.record({"op": "ready"}, notify=False)
            if not state.order.is_express:
                log.finish()
            log.notify()
            return
        if state.pending_shorten and self._shortening is not None:
            self._shortening.settle(order)  # the Market's lines tell whether it took the shortening
            state = log.state
        status_moved = order.status != PROCESSING or order.substatus not in (STARTED, READY_TO_SHIP)
        ready_elsewhere = order.substatus == READY_TO_SHIP and state.phase is Phase.PACKING
        known_lines = (state.market_lines, state.shorten_expected())  # or our shortening in flight
        if status_moved or ready_elsewhere or line_counts(order) not in known_lines:
            self._interrupt(
                order,
                PackstationError(
                    QT_TRANSLATE_NOOP(
                        "OrderWatch", "Order %1 changed on the Market (%2/%3). Stop and put the items back."
                    )(order.id, order.status, order.substatus)
                ),
            )
            return
        # Nothing that stops the packer: take the Market's other news (a moved Express deadline,
        # notes, the courier's handover type) and keep our lines and status.
        ours = state.order
        fresh = replace(order, lines=ours.lines, status=ours.status, substatus=ours.substatus)
        if fresh != ours:
            log.update(packing=replace(state.packing, order=fresh))

    def _interrupt(self, order: Order, reason: PackstationError) -> None:
        log = self._log
        action = {"op": "interrupted", "status": order.status, "substatus": order.substatus}
        self._countdown.stop()
        log.record(action, log.state.interrupted(order.status, order.substatus, reason), notify=False)
        log.audit("packing_interrupted", f"{order.status}/{order.substatus}")
        log.finish()
        log.notify()

    async def cancel_order(self) -> None:
        """Cancel the order (CANCELLED / SHOP_FAILED): the packer cannot fulfil it. Confirm first."""
        phase = self._log.state.phase
        if phase in (Phase.DONE, Phase.CANCELLED, Phase.INTERRUPTED, Phase.SUBMITTING):
            raise not_editable(phase)
        self._countdown.stop()
        await self._sender.change_status(CancelIntent())
        self._log.record({"op": "cancelled"}, notify=False)
        self._log.audit("order_cancelled", "SHOP_FAILED")
        self._log.finish()
        self._log.notify()
