"""Submitting a packed order: one layer of `PackingSession`.

`submit()` sends the layout (only when the Market does not have it yet), prints the labels,
waits for the code verification and sets READY_TO_SHIP; a READY_TO_SHIP refused because the
Market is still checking codes keeps the session VERIFYING and polling. Also the background
side of submitting: `request_submit()` (the SUBMIT command barcode), the auto-submit countdown,
`wait_idle()` and `close()`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

from packstation.domain.errors import PackstationError
from packstation.domain.layout import LayoutPlan, StoredBox
from packstation.domain.order import PROCESSING, READY_TO_SHIP
from packstation.domain.packing_errors import PackingError, Reason
from packstation.domain.verification import CodeStatus
from packstation.services.label_job import PrintJob
from packstation.services.lost_answer import answer_lost, read_back_layout
from packstation.services.outbox_replay import (
    KIND_BOX_LAYOUT,
    KIND_SHORTEN,
    KIND_STATUS,
    layout_to_payload,
    status_payload,
)
from packstation.services.packing_handover import CourierHandover
from packstation.services.packing_session_core import not_editable
from packstation.services.packing_types import Phase, PollBackoff, codes_still_checking


class SubmitPipeline(CourierHandover):
    """Layout, labels, code verification and READY_TO_SHIP; background submits."""

    def _check_submittable(self) -> None:
        """Refuse (and show) a submit that cannot start: wrong phase, incomplete packing, or a
        desk check (the box scale) refusing it."""
        error: PackstationError | None
        if self._phase is not Phase.PACKING:
            error = not_editable(self._phase)
        elif problems := self._packing.problems():
            first, more = problems[0], len(problems) - 1
            error = PackingError(
                Reason.INCOMPLETE,
                first.ru + (f" (и ещё {more})" if more else ""),
                first.en + (f" (and {more} more)" if more else ""),
                hint_ru=first.hint_ru,
                hint_en=first.hint_en,
            )
        else:
            error = self._desk_refusal()
            if error is None:
                return
        self._last_error = error
        self._changed()
        raise error

    def _desk_refusal(self) -> PackstationError | None:
        """The first desk check refusing this packing (None: all agree)."""
        for check in self._deps.submit_checks:
            if (error := check.before_submit(self._packing)) is not None:
                return error
        return None

    async def submit(self) -> None:
        """Send the layout, print the labels, wait for the code check, set READY_TO_SHIP.

        The layout is sent only when it differs from the one the Market already has, so a retry
        after a failed status change costs no extra calls. Printing failures do not stop the
        order (the job waits in the print queue; `snapshot.print_error` says why).

        Raises:
            PackingError: the packing is incomplete (INCOMPLETE) or the phase forbids it.
            PackstationError: a Market call failed; the session is back in PACKING, nothing lost.
        """
        self._check_submittable()
        self._stop_countdown()
        self._last_error = None
        self._set_phase(Phase.SUBMITTING)
        try:
            await self._send_layout()
            if self._phase is not Phase.SUBMITTING:
                return  # interrupted meanwhile (the order was cancelled or changed)
            await self._verify_then_set_ready()
        except PackstationError as error:
            self._last_error = error
            if self._phase in (Phase.SUBMITTING, Phase.VERIFYING):
                self._phase = Phase.PACKING
            self._changed()
            if getattr(error, "status_code", None) == 400:
                with contextlib.suppress(PackstationError):
                    await self.refresh_order()  # a cancelled order explains a refusal best
            raise
        except BaseException:
            if self._phase is Phase.SUBMITTING:  # cancelled mid-way: the packer may submit again
                self._set_phase(Phase.PACKING)
            raise

    async def _send_layout(self) -> None:
        plan = self._packing.plan()
        if plan == self._sent_plan and self._labels is not None:
            return
        kind = KIND_SHORTEN if plan.allow_remove else KIND_BOX_LAYOUT
        intent = self._intent(kind, layout_to_payload(plan))
        call = self._market.set_box_layout(self.order.id, plan)
        boxes: tuple[StoredBox, ...]
        try:
            boxes = await self._send(intent, call)
        except PackstationError as error:
            boxes = await self._layout_after_lost_answer(error, intent, plan)
        self._record({"op": "layout_sent", "box_ids": [box.box_id for box in boxes]})
        self._apply_layout_sent(plan, boxes)
        self._audit("layout_sent", f"boxes={len(boxes)}")
        self._changed()
        printer = self._deps.labels
        if printer is not None:
            job = await printer.print_order_labels(self.order, boxes)
            self._print_error = job.error
            self._changed()

    async def _layout_after_lost_answer(
        self, error: PackstationError, intent: int | None, plan: LayoutPlan
    ) -> tuple[StoredBox, ...]:
        """The boxes the Market holds when the layout's answer was lost but reading the order
        back shows it arrived; otherwise `error` again (the intent stays for the outbox)."""
        if not answer_lost(error):
            raise error
        back = await read_back_layout(self._market, self.order.id, plan)
        if not back.applied or back.order is None:
            raise error
        self._settled_after_lost_answer(intent, f"layout boxes={len(plan.boxes)}")
        return back.order.stored_boxes

    async def _verify_then_set_ready(self) -> None:
        """Wait for the code check (when there are codes to check), then set READY_TO_SHIP.

        While the Market refuses READY_TO_SHIP because it is still checking codes, the session
        stays VERIFYING and polls again with the same back-off and timeout (one wait per submit).
        """
        backoff = PollBackoff()
        still_checking = False
        while True:
            if still_checking or self._needs_verification():
                self._set_phase(Phase.VERIFYING)
                if not await self._await_verification(backoff, wait_first=still_checking):
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
            if not codes_still_checking(error) or self._phase not in (Phase.SUBMITTING, Phase.VERIFYING):
                raise
            self._phase = Phase.VERIFYING
            self._last_error = PackstationError(
                "Маркет ещё проверяет коды — ждём и повторим «Готов к отгрузке».",
                "The Market is still checking the codes: waiting to retry READY_TO_SHIP.",
            )
            self._changed()
            return False
        return True

    async def _set_ready(self) -> None:
        await self._change_status(
            KIND_STATUS, status_payload(PROCESSING, READY_TO_SHIP), PROCESSING, READY_TO_SHIP
        )
        self._record({"op": "ready"})
        self._mark_ready()
        self._last_error = None  # e.g. "still checking" from the wait that just ended
        # The Shift panel counts units, codes and late orders from this line.
        late = self.order.ship_by is not None and self._deps.clock.now() > self.order.ship_by
        codes = len(self._packing.all_codes())
        self._audit("ready_to_ship", f"units={self.order.units} codes={codes}" + (" late" if late else ""))
        if not self.order.is_express:
            self._finish()
        self._changed()

    async def check_codes(self) -> CodeStatus:
        """Poll the code verification once more (after a timeout); sets READY_TO_SHIP when all
        codes passed."""
        if self._phase is not Phase.VERIFYING:
            raise not_editable(self._phase)
        verdict = await self._poll_once()
        if verdict is CodeStatus.OK and not await self._try_set_ready():
            return CodeStatus.IN_PROGRESS
        return verdict

    async def reprint(self) -> PrintJob | None:
        """Print the labels of the boxes the Market holds again (None: nothing sent yet)."""
        if self._labels is None or self._deps.labels is None:
            return None
        job = await self._deps.labels.print_order_labels(self.order, self._labels.boxes)
        self._print_error = job.error
        self._changed()
        return job

    # ---------------------------------------------------------------------- background work

    def request_submit(self) -> None:
        """Start `submit()` in the background (the SUBMIT command barcode).

        Raises:
            PackingError: at once, when the submit cannot start (incomplete, wrong phase); later
                failures land in `snapshot.last_error`.
        """
        self._check_submittable()
        self._spawn(self.submit)

    def _spawn(self, work: Callable[[], Awaitable[None]]) -> None:
        loop = asyncio.get_running_loop()  # raises before any coroutine exists when there is none

        async def run() -> None:
            with contextlib.suppress(PackstationError):
                await work()

        task = loop.create_task(run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def wait_idle(self) -> None:
        """Wait for background submits and the countdown to finish."""
        while self._tasks or self._countdown_task is not None:
            pending = [*self._tasks, *([self._countdown_task] if self._countdown_task else [])]
            await asyncio.gather(*pending, return_exceptions=True)

    async def close(self) -> None:
        """Cancel background work (the window closes); the journal keeps the state."""
        tasks = [*self._tasks, *([self._countdown_task] if self._countdown_task else [])]
        self._stop_countdown()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._changed()

    # -------------------------------------------------------------------------- auto-submit

    def _after_edit(self) -> None:
        if self._deps.auto_submit_s > 0 and self._packing.complete and self._phase is Phase.PACKING:
            self._start_countdown()
        else:
            self._stop_countdown()

    def _start_countdown(self) -> None:
        if self._replaying or self._countdown_task is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no event loop (a synchronous caller): auto-submit needs one
        self._countdown = self._deps.auto_submit_s
        self._countdown_task = loop.create_task(self._count_down(), name=f"auto-submit-{self.order.id}")

    def cancel_auto_submit(self) -> None:
        """Stop the auto-submit countdown; it restarts after the next change of the packing."""
        self._stop_countdown()
        self._changed()

    async def _count_down(self) -> None:
        while True:
            remaining = self._countdown
            if remaining is None:
                return
            if remaining <= 0:
                break
            step = min(1.0, remaining)
            await self._deps.sleep(step)
            if self._countdown is not None:
                self._countdown = max(0.0, self._countdown - step)
                self._changed()
        self._countdown_task = None
        self._countdown = None
        if self._phase is Phase.PACKING and self._packing.complete:
            with contextlib.suppress(PackstationError):  # recorded in last_error by submit
                await self.submit()
