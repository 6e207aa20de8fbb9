"""The order underneath the packing: one layer of `PackingSession`.

A fresh copy of the order (from the order queue or `refresh_order()`) may interrupt the packing
(the buyer cancelled, the items or the status changed), finish an Express order the courier
took, or bring harmless news (a moved deadline). `cancel_order()` cancels from this desk.
"""

from __future__ import annotations

from dataclasses import replace

from packstation.domain.errors import PackstationError
from packstation.domain.order import CANCELLED, PROCESSING, READY_TO_SHIP, SHOP_FAILED, STARTED, Order
from packstation.services.outbox_replay import KIND_CANCEL
from packstation.services.packing_session_core import line_counts, not_editable
from packstation.services.packing_types import Phase
from packstation.services.packing_verification import CodeVerification

# Market substatuses that mean an Express order has left the desk.
_GONE_SUBSTATUSES = frozenset({"SHIPPED", "COURIER_RECEIVED"})


class OrderWatch(CodeVerification):
    """Reacts to the order changing on the Market; cancels it from this desk."""

    async def refresh_order(self) -> Order:
        """Re-read the order from the Market and react to changes (see `order_changed`)."""
        order = await self._market.get_order(self.order.id)
        self.order_changed(order)
        return order

    def order_changed(self, order: Order) -> None:
        """React to a fresh copy of the order: a cancellation or any change of status or items
        while packing interrupts (put the items back); an Express order leaving the desk is done."""
        if order.id != self.order.id or self._phase in (Phase.CANCELLED, Phase.INTERRUPTED, Phase.DONE):
            return
        if order.is_cancelled:
            self._interrupt(
                order,
                PackstationError(
                    f"Заказ {order.id} отменён ({order.substatus}). Остановитесь и верните товары на полку.",
                    f"Order {order.id} was cancelled ({order.substatus}). Stop and put the items back.",
                ),
            )
            return
        if self._phase is Phase.READY:
            if order.substatus in _GONE_SUBSTATUSES:
                self._record({"op": "done"})
                self._phase = Phase.DONE
                self._finish()
            moved = replace(self.order, substatus=order.substatus, eac_type=order.eac_type)
            self._packing = replace(self._packing, order=moved)
            self._changed()
            return
        if order.substatus == READY_TO_SHIP and self._phase is Phase.PACKING and self._labels is not None:
            # Our own READY_TO_SHIP whose journal line was lost (a crash right after the call).
            self._record({"op": "ready"})
            self._mark_ready()
            if not self.order.is_express:
                self._finish()
            self._changed()
            return
        status_moved = order.status != PROCESSING or order.substatus not in (STARTED, READY_TO_SHIP)
        ready_elsewhere = order.substatus == READY_TO_SHIP and self._phase is Phase.PACKING
        if status_moved or ready_elsewhere or line_counts(order) != self._market_lines:
            self._interrupt(
                order,
                PackstationError(
                    f"Заказ {order.id} изменился в Маркете ({order.status}/{order.substatus}). "
                    "Остановитесь и верните товары на полку.",
                    f"Order {order.id} changed on the Market ({order.status}/{order.substatus}). "
                    "Stop and put the items back.",
                ),
            )
            return
        # Nothing that stops the packer: take the Market's other news (a moved Express deadline,
        # notes, the courier's handover type) and keep our lines and status.
        ours = self.order
        fresh = replace(order, lines=ours.lines, status=ours.status, substatus=ours.substatus)
        if fresh != self.order:
            self._packing = replace(self._packing, order=fresh)
            self._changed()

    def _interrupt(self, order: Order, reason: PackstationError) -> None:
        self._record({"op": "interrupted", "status": order.status, "substatus": order.substatus})
        self._stop_countdown()
        self._apply_interrupted(order.status, order.substatus, reason)
        self._audit("packing_interrupted", f"{order.status}/{order.substatus}")
        self._finish()
        self._changed()

    async def cancel_order(self) -> None:
        """Cancel the order (CANCELLED / SHOP_FAILED): the packer cannot fulfil it. Confirm first."""
        if self._phase in (Phase.DONE, Phase.CANCELLED, Phase.INTERRUPTED, Phase.SUBMITTING):
            raise not_editable(self._phase)
        self._stop_countdown()
        await self._change_status(KIND_CANCEL, {}, CANCELLED, SHOP_FAILED)
        self._record({"op": "cancelled"})
        self._apply_cancelled()
        self._audit("order_cancelled", "SHOP_FAILED")
        self._finish()
        self._changed()
