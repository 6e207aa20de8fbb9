"""Submitting a packed order.

`submit()` sends the layout (only when the Market does not have it yet), prints the labels,
waits for the code verification and sets READY_TO_SHIP; a READY_TO_SHIP refused because the
Market is still checking codes keeps the session VERIFYING and polling.
"""

from __future__ import annotations

import contextlib

from packstation.domain.errors import PackstationError
from packstation.domain.layout import LayoutPlan, StoredBox
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import PROCESSING, READY_TO_SHIP
from packstation.domain.packing.errors import PackingError, Reason
from packstation.domain.remote import RemoteError, answer_lost
from packstation.domain.verification import CodeStatus
from packstation.services.intents import LayoutIntent, StatusIntent
from packstation.services.label_job import PrintJob
from packstation.services.lost_answer import read_back_layout
from packstation.services.packing.countdown import Countdown
from packstation.services.packing.edit_log import EditLog
from packstation.services.packing.order_watch import OrderWatcher
from packstation.services.packing.sender import IntentSender
from packstation.services.packing.shortening import shorten_pending
from packstation.services.packing.state import SessionState, not_editable
from packstation.services.packing.values import (
    OrderLabelPrinter,
    Phase,
    PollBackoff,
    SubmitCheck,
    codes_still_checking,
)
from packstation.services.packing.verification import VerificationPoller
from packstation.services.ports import Clock, MarketPort


class Submitter:
    """Layout, labels, code verification and READY_TO_SHIP."""

    def __init__(
        self,
        log: EditLog,
        *,
        market: MarketPort,
        sender: IntentSender,
        poller: VerificationPoller,
        watcher: OrderWatcher,
        countdown: Countdown,
        labels: OrderLabelPrinter | None,
        checks: tuple[SubmitCheck, ...] = (),
        clock: Clock | None = None,
    ) -> None:
        self._log = log
        self._market = market
        self._sender = sender
        self._poller = poller
        self._watcher = watcher
        self._countdown = countdown
        self._labels = labels
        self._checks = checks
        self._clock = clock

    def check_submittable(self) -> None:
        """Refuse (and show) a submit that cannot start: wrong phase, incomplete packing, or a
        desk check (the box scale) refusing it."""
        state = self._log.state
        error: PackstationError | None
        if state.phase is not Phase.PACKING:
            error = not_editable(state.phase)
        elif state.pending_shorten:
            error = shorten_pending()
        elif problems := state.packing.problems():
            first, more = problems[0], len(problems) - 1
            text = QT_TRANSLATE_NOOP("Submit", "%1 (and %2 more)")(first.text, more) if more else first.text
            error = PackingError(Reason.INCOMPLETE, text, hint=first.hint)
        else:
            error = self._desk_refusal(state)
            if error is None:
                return
        self._log.update(last_error=error)
        raise error

    def _desk_refusal(self, state: SessionState) -> PackstationError | None:
        """The first desk check refusing this packing (None: all agree)."""
        for check in self._checks:
            if (error := check.before_submit(state.packing)) is not None:
                return error
        return None

    def _phase(self) -> Phase:
        return self._log.state.phase

    async def submit(self) -> None:
        """Send the layout, print the labels, wait for the code check, set READY_TO_SHIP.

        The layout is sent only when it differs from the one the Market already has, so a retry
        after a failed status change costs no extra calls. Printing failures do not stop the
        order (the job waits in the print queue; `snapshot.print_error` says why).

        Raises:
            PackingError: the packing is incomplete (INCOMPLETE) or the phase forbids it.
            PackstationError: a Market call failed; the session is back in PACKING, nothing lost.
        """
        self.check_submittable()
        self._countdown.stop()
        self._log.update(last_error=None, phase=Phase.SUBMITTING)
        try:
            await self._send_layout()
            if self._phase() is not Phase.SUBMITTING:
                return  # interrupted meanwhile (the order was cancelled or changed)
            await self._verify_then_set_ready()
        except PackstationError as error:
            back = self._phase() in (Phase.SUBMITTING, Phase.VERIFYING)
            self._log.update(last_error=error, phase=Phase.PACKING if back else self._phase())
            if isinstance(error, RemoteError) and error.status_code == 400:
                with contextlib.suppress(PackstationError):
                    await self._watcher.refresh_order()  # a cancelled order explains a refusal best
            raise
        except BaseException:
            if self._phase() is Phase.SUBMITTING:  # cancelled mid-way: the packer may submit again
                self._log.update(phase=Phase.PACKING)
            raise

    async def _send_layout(self) -> None:
        log = self._log
        state = log.state
        plan = state.packing.plan()
        if plan == state.sent_plan and state.labels is not None:
            return
        intent = await self._sender.intent_off_thread(LayoutIntent(plan))
        try:
            boxes = await self._sender.send(intent, self._market.set_box_layout(log.order_id, plan))
        except PackstationError as error:
            boxes = await self._layout_after_lost_answer(error, intent, plan)
        action = {"op": "layout_sent", "box_ids": [box.box_id for box in boxes]}
        log.record(action, log.state.layout_sent(plan, boxes), notify=False)
        log.audit("layout_sent", f"boxes={len(boxes)}")
        log.notify()
        if self._labels is None:
            return
        change = log.state.label_change
        if change is not None and change.unchanged:  # same boxes: the stuck labels stay valid
            self._labels.keep_labels(log.order_id, boxes)
            log.audit("labels_kept", f"boxes={len(boxes)}")
            return
        job = await self._labels.print_order_labels(log.state.order, boxes)
        log.update(print_error=job.error)

    async def _layout_after_lost_answer(
        self, error: PackstationError, intent: int | None, plan: LayoutPlan
    ) -> tuple[StoredBox, ...]:
        """The boxes the Market holds when the layout's answer was lost but reading the order
        back shows it arrived; otherwise `error` again (the intent stays for the outbox)."""
        if not answer_lost(error):
            raise error
        back = await read_back_layout(self._market, self._log.order_id, plan)
        if not back.applied or back.order is None:
            raise error
        self._sender.settled_after_lost_answer(intent, f"layout boxes={len(plan.boxes)}")
        return back.order.stored_boxes

    async def _verify_then_set_ready(self) -> None:
        """Wait for the code check (when there are codes to check), then set READY_TO_SHIP.

        While the Market refuses READY_TO_SHIP because it is still checking codes, the session
        stays VERIFYING and polls again with the same back-off and timeout (one wait per submit).
        """
        backoff = PollBackoff()
        still_checking = False
        while True:
            if still_checking or self._poller.needed():
                self._log.update(phase=Phase.VERIFYING)
                if not await self._poller.await_verification(backoff, wait_first=still_checking):
                    return  # refused codes: PACKING again; a timeout: still VERIFYING
            if await self._try_set_ready():
                return
            still_checking = True

    async def _try_set_ready(self) -> bool:
        """Set READY_TO_SHIP; False (still VERIFYING) when the Market refuses it because it is
        still checking the order's codes."""
        try:
            await self._set_ready()
        except PackstationError as error:
            if not codes_still_checking(error) or self._phase() not in (Phase.SUBMITTING, Phase.VERIFYING):
                raise
            self._log.update(
                phase=Phase.VERIFYING,
                last_error=PackstationError(
                    QT_TRANSLATE_NOOP(
                        "Submit", "The Market is still checking the codes: waiting to retry READY_TO_SHIP."
                    )
                ),
            )
            return False
        return True

    async def _set_ready(self) -> None:
        await self._sender.change_status(StatusIntent(PROCESSING, READY_TO_SHIP))
        log = self._log
        log.record({"op": "ready"}, notify=False)
        log.update(last_error=None, notify=False)  # e.g. "still checking" from the wait that just ended
        # The Shift panel counts units, codes and late orders from this line.
        order = log.state.order
        late = self._clock is not None and order.ship_by is not None and self._clock.now() > order.ship_by
        codes = len(log.state.packing.all_codes())
        log.audit("ready_to_ship", f"units={order.units} codes={codes}" + (" late" if late else ""))
        if not log.state.order.is_express:
            log.finish()
        log.notify()

    async def check_codes(self) -> CodeStatus:
        """Poll the code verification once more (after a timeout); sets READY_TO_SHIP when all
        codes passed."""
        if self._phase() is not Phase.VERIFYING:
            raise not_editable(self._phase())
        verdict = await self._poller.poll_once()
        if verdict is CodeStatus.OK and not await self._try_set_ready():
            return CodeStatus.IN_PROGRESS
        return verdict

    def resume_packing(self) -> None:
        """Leave a long code verification and edit again (e.g. to replace a code that stays
        unchecked); the next `submit()` sends what changed and waits again."""
        if self._phase() is not Phase.VERIFYING:
            raise not_editable(self._phase())
        self._log.update(phase=Phase.PACKING, last_error=None)

    async def reprint(self) -> PrintJob | None:
        """Print the labels of the boxes the Market holds again (None: nothing sent yet)."""
        state = self._log.state
        if state.labels is None or self._labels is None:
            return None
        job = await self._labels.print_order_labels(state.order, state.labels.boxes)
        self._log.update(print_error=job.error)
        return job
