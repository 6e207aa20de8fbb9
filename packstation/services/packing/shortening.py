"""Shortening an order as a request to the Market, never as a local fact.

`request()` checks every rule the data allows (`domain.packing.shorten.check_shorten`, with the
promo lines read from the Market first), journals the request (`shorten`: pending, nothing
changes) and sends the removal layout through the outbox. Only when the Market accepts does the
order's line change (`shorten_accepted`); a refusal leaves the order, the boxes and the codes
exactly as they were (`shorten_refused`) and says the Market's reason and the options left.

When the answer is unknown (lost, or a crash before it came), the request stays pending until a
fresh copy of the order settles it (`settle`): the Market shows the units removed, so it accepted;
or it shows the order unchanged, so nothing happened (`shorten_dropped`, and the packer is told).
A shortening is irreversible and the buyer is notified, so it is never resent on its own.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import Order
from packstation.domain.packing.errors import PackingError, Reason
from packstation.domain.packing.shorten import check_shorten, market_refusal, removal_plan
from packstation.domain.remote import Delivery, answer_lost, delivery_of
from packstation.services.intents import LayoutIntent
from packstation.services.packing.countdown import Countdown
from packstation.services.packing.edit_log import EditLog
from packstation.services.packing.sender import IntentSender
from packstation.services.packing.state import line_counts, not_editable
from packstation.services.packing.values import Phase
from packstation.services.ports import MarketPort

log = logging.getLogger("packstation.services.packing")

NOT_CONFIRMED = PackstationError(
    QT_TRANSLATE_NOOP(
        "Shortening",
        "The Market did not confirm the shortening: nothing was removed, the order is as it was.",
    ),
    hint=QT_TRANSLATE_NOOP("Shortening", "If the item is missing, shorten the order again."),
)


def shorten_pending() -> PackingError:
    return PackingError(
        Reason.SHORTEN_PENDING,
        QT_TRANSLATE_NOOP(
            "Shortening", "The Market has not answered the shortening yet: wait for its answer."
        ),
    )



# Refusals of a shortening that leave the order as it was (by the Market or by the rules here).
_REFUSALS = frozenset(
    {Reason.SHORTEN_REFUSED, Reason.SHORTEN_PROMO, Reason.SHORTEN_THRESHOLD, Reason.SHORTEN_LAST_LINE}
)


def is_shorten_refusal(error: PackstationError | None) -> bool:
    """Whether `error` says a shortening did not happen (the view shows it with the options left)."""
    return error is NOT_CONFIRMED or (isinstance(error, PackingError) and error.reason in _REFUSALS)

class Shortener:
    """Asks the Market to shorten the order and applies only what it accepted."""

    def __init__(
        self, log_: EditLog, *, market: MarketPort, sender: IntentSender, countdown: Countdown
    ) -> None:
        self._log = log_
        self._market = market
        self._sender = sender
        self._countdown = countdown
        self._in_flight = False

    def _require_free(self) -> None:
        state = self._log.state
        if state.phase is not Phase.PACKING:
            raise not_editable(state.phase)
        if state.pending_shorten:
            raise shorten_pending()

    def check(self, new_counts: Mapping[int, int]) -> dict[int, int]:
        """Check a shortening with every rule known here, changing nothing."""
        self._require_free()
        return check_shorten(self._log.state.order, new_counts)

    async def learn_promo(self) -> None:
        """Read which lines are promo (once per order). When the Market cannot say, they stay
        unknown and the Market itself decides on the request."""
        if self._log.state.promo_read or self._log.state.phase is not Phase.PACKING:
            return
        try:
            promo = await self._market.promo_lines(self._log.order_id)
        except PackstationError as error:
            log.info("order %s: promo lines unknown (%s); the Market decides", self._log.order_id, error)
            return
        if not self._log.state.promo_read:
            self._log.record({"op": "promo_lines", "lines": sorted(promo)})

    async def request(self, new_counts: Mapping[int, int]) -> None:
        """Ask the Market to remove units (line id -> count to keep); the lines change only
        when it accepts.

        Raises:
            PackingError: refused here before sending (the rules, the phase, a request pending),
                or refused by the Market (`Reason.SHORTEN_REFUSED`: the order is as it was).
            PackstationError: no answer: the request did not go (the order is as it was) or its
                fate is unknown (it stays pending until the order is read again).
        """
        self._require_free()
        await self.learn_promo()
        try:
            self._require_free()  # the packer may have done something else meanwhile
            state = self._log.state
            reduced = check_shorten(state.order, new_counts)
            plan = removal_plan(state.packing, reduced)
        except PackstationError as error:
            self._log.update(last_error=error)
            raise
        intent = self._sender.intent(LayoutIntent(plan))
        counts = {str(line_id): count for line_id, count in reduced.items()}
        self._countdown.stop()
        self._log.record({"op": "shorten", "counts": counts, "intent": intent})
        self._log.audit("shorten_requested", ", ".join(f"{k}->{v}" for k, v in counts.items()))
        self._in_flight = True
        try:
            await self._sender.send(intent, self._market.set_box_layout(self._log.order_id, plan))
        except PackstationError as error:
            self._in_flight = False
            await self._failed(error)  # returns only when the Market shows it accepted after all
            return
        finally:
            self._in_flight = False
        self._accept()

    def _accept(self) -> None:
        state = self._log.state
        counts = {str(line_id): count for line_id, count in state.pending_shorten}
        new = self._log.record(
            {"op": "shorten_accepted", "counts": counts}, state.shorten_accepted(), notify=False
        )
        self._log.audit("order_shortened", ", ".join(f"{k}->{v}" for k, v in counts.items()))
        self._countdown.reconsider(new.phase is Phase.PACKING and new.packing.complete)
        self._log.notify()

    def _settle(self, op: str, error: PackstationError, intent_outcome: str | None = None) -> None:
        """The shortening did not happen: the order stays as it was and the packer reads why."""
        intent = self._log.state.shorten_intent
        if intent_outcome is not None:
            self._sender.done(intent, intent_outcome)
        new = self._log.record({"op": op}, self._log.state.shorten_settled(error), notify=False)
        self._countdown.reconsider(new.phase is Phase.PACKING and new.packing.complete)
        if op == "shorten_refused":
            self._log.audit("shorten_refused", error.en)
        else:
            self._log.audit("shorten_not_confirmed", error.en)
        self._log.notify()

    async def _failed(self, error: PackstationError) -> None:
        """Settle a request that ended with `error`, then raise what the packer should read."""
        delivery = delivery_of(error)
        if delivery is Delivery.REFUSED:
            refusal = market_refusal(error)
            self._settle("shorten_refused", refusal)  # the sender closed the intent as rejected
            raise refusal
        if answer_lost(error):
            try:
                order = await self._market.get_order(self._log.order_id)
            except PackstationError:
                waiting = PackstationError(
                    QT_TRANSLATE_NOOP(
                        "Shortening",
                        "No answer from the Market to the shortening: it waits for confirmation; the "
                        "order is not changed yet.",
                    ),
                    hint=QT_TRANSLATE_NOOP(
                        "Shortening",
                        "When the connection is back, press “Check again”: the order's items on "
                        "the Market tell the answer.",
                    ),
                )
                self._log.update(last_error=waiting)
                raise waiting from error
            if self.settle(order) and not self._log.state.pending_shorten:
                settled = self._log.state.last_error
                if settled is None:
                    return  # it arrived: accepted after all
                raise settled from error
            raise error
        # No answer at all (no connection, a rate limit, a refused key): it never took effect.
        not_sent = PackstationError(
            QT_TRANSLATE_NOOP("Shortening", "The shortening was not sent: %1 The order is as it was.")(
                error.text
            ),
            hint=QT_TRANSLATE_NOOP("Shortening", "Try again when the connection is back."),
        )
        self._settle("shorten_dropped", not_sent, f"skipped: not sent ({error.en})")
        raise not_sent from error

    def settle(self, order: Order) -> bool:
        """Settle a pending shortening against a fresh copy of the order.

        Returns:
            True when the order's lines are explained by it (accepted now, or still in flight and
            the Market already shows it, or shown unchanged and settled as not done).
        """
        state = self._log.state
        expected = state.shorten_expected()
        if expected is None:
            return False
        lines = line_counts(order)
        if lines == expected:
            if self._in_flight:
                return True  # our own request, its answer is on the way
            self._sender.done(state.shorten_intent, "already_done: the order shows the items removed")
            self._accept()
            return True
        if lines == state.market_lines:
            if not self._in_flight:
                self._settle(
                    "shorten_dropped", NOT_CONFIRMED, "skipped: the Market shows the order unchanged"
                )
            return True
        return False
