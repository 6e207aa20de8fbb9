"""The packing session's state and plumbing: the bottom layer of `PackingSession`.

`SessionCore` holds what a session knows (the packing, its phase, the labels the Market has,
code checks, errors) and the plumbing every other layer uses: the observable snapshot and its
subscribers, the journal (written before anything becomes visible), the outbox around Market
calls, the station's seen-codes index, and the state transitions the journal replays.

The session is built as a stack of layers, each using only what lies below it::

    SessionCore -> CodeVerification -> OrderWatch -> CourierHandover -> SubmitPipeline
        -> PackingEdits -> PackingSession (opening, restoring)

See `packstation.services.packing_session` for the public API.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any

from packstation.domain.errors import PackstationError
from packstation.domain.instances import Instance
from packstation.domain.layout import LayoutPlan, StoredBox
from packstation.domain.order import CANCELLED, READY_TO_SHIP, SHOP_FAILED, Order
from packstation.domain.packing import Packing, UnitRef
from packstation.domain.packing_errors import PackingError, Reason
from packstation.domain.packing_labels import PrintedLabels
from packstation.domain.verification import CodeCheck, EacResult, EacVerdict
from packstation.services.lost_answer import answer_lost, read_back_status
from packstation.services.packing_types import (
    STILL_CHECKING_CODES,
    CheckBudget,
    CodeBadge,
    CodesStillCheckingError,
    Phase,
    SessionDeps,
    SessionSnapshot,
)

log = logging.getLogger("packstation.services.packing_session")


def not_editable(phase: Phase) -> PackingError:
    """The refusal of an edit (or a step) that `phase` does not allow."""
    texts = {
        Phase.SUBMITTING: ("Заказ отправляется в Маркет — подождите.", "The order is being sent: wait."),
        Phase.VERIFYING: ("Маркет проверяет коды — подождите.", "The Market is checking codes: wait."),
        Phase.READY: ("Заказ уже готов к отгрузке.", "The order is already ready to ship."),
        Phase.DONE: ("Заказ уже собран.", "The order is already packed."),
        Phase.CANCELLED: ("Заказ отменён.", "The order is cancelled."),
        Phase.INTERRUPTED: ("Заказ изменился — сборка остановлена.", "The order changed; packing stopped."),
    }
    ru, en = texts.get(phase, ("Сейчас это сделать нельзя.", "This cannot be done now."))
    return PackingError(Reason.NOT_EDITABLE, ru, en)


def check_matches(check: CodeCheck, unit: UnitRef, instance: Instance) -> bool:
    """Whether the Market's `check` is about this code of this unit."""
    # The Market reports a CIS without its crypto tail: the reported value starts our code.
    return (
        check.line_id == unit.line_id
        and check.kind is instance.kind
        and (check.value == instance.value or (bool(check.value) and instance.value.startswith(check.value)))
    )


def line_counts(order: Order) -> frozenset[tuple[int, int]]:
    """The order's lines as (line id, count) pairs, to notice a change of items."""
    return frozenset((line.id, line.count) for line in order.lines)


class SessionCore:
    """State, snapshot, journal, outbox and code-index plumbing of a packing session."""

    def __init__(self, order: Order, deps: SessionDeps) -> None:
        self._deps = deps
        self._market = deps.market
        self._journal = deps.journal
        self._budget = deps.budget or CheckBudget(deps.clock)
        self._packing = Packing(order)
        # The order's lines as the Market has them (they differ from ours after an unsent shortening).
        self._market_lines = line_counts(order)
        self._history: list[Packing] = []
        self._phase = Phase.PACKING
        self._labels: PrintedLabels | None = None
        self._sent_plan: LayoutPlan | None = None
        self._checks: tuple[CodeCheck, ...] = ()
        self._eac: EacResult | None = None
        self._interruption: PackstationError | None = None
        self._last_error: PackstationError | None = None
        self._print_error: PackstationError | None = None
        self._countdown: float | None = None
        self._countdown_task: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._subscribers: list[Callable[[SessionSnapshot], None]] = []
        self._version = 0
        self._replaying = False
        self._snapshot: SessionSnapshot | None = None

    # ------------------------------------------------------------------------------ reading

    @property
    def order(self) -> Order:
        return self._packing.order

    @property
    def phase(self) -> Phase:
        return self._phase

    @property
    def packing(self) -> Packing:
        return self._packing

    @property
    def snapshot(self) -> SessionSnapshot:
        if self._snapshot is None:
            self._snapshot = self._build_snapshot()
        return self._snapshot

    def _build_snapshot(self) -> SessionSnapshot:
        packing = self._packing
        stale = self._labels is not None and self._labels.is_stale(packing.plan())
        return SessionSnapshot(
            version=self._version,
            phase=self._phase,
            order=packing.order,
            packing=packing,
            progress=packing.progress(),
            problems=packing.problems(),
            can_undo=bool(self._history) and self._phase is Phase.PACKING,
            badges=self._badges(),
            labels=self._labels,
            labels_stale=stale,
            stale_boxes=self._labels.boxes if stale and self._labels is not None else (),
            countdown=self._countdown,
            eac=self._eac,
            interruption=self._interruption,
            last_error=self._last_error,
            print_error=self._print_error,
        )

    def _badges(self) -> tuple[CodeBadge, ...]:
        badges = []
        for unit, instance in self._packing.all_codes():
            check = next((c for c in self._checks if check_matches(c, unit, instance)), None)
            if check is not None:
                badges.append(CodeBadge(unit, instance, check.status, check.substatus))
        return tuple(badges)

    def subscribe(self, callback: Callable[[SessionSnapshot], None]) -> Callable[[], None]:
        """Call `callback(snapshot)` after every change; returns an unsubscriber."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._subscribers.remove(callback)

        return unsubscribe

    def _changed(self) -> None:
        if self._replaying:
            return
        self._version += 1
        self._snapshot = None
        snapshot = self.snapshot
        for callback in list(self._subscribers):
            try:
                callback(snapshot)
            except Exception:  # a broken view must not undo a journaled action
                log.exception("packing session subscriber failed")

    # ------------------------------------------------------------------------------ journal

    def _record(self, action: Mapping[str, Any]) -> None:
        """Write an action to the journal (durably) before it becomes visible."""
        if not self._replaying:
            self._journal.append(self.order.id, dict(action))

    def _atomic(self) -> AbstractContextManager[object]:
        """The journal line and the code-index changes of one action: one transaction, so the
        packer is never told "not done" about an action that was stored (or the reverse)."""
        return contextlib.nullcontext() if self._replaying else self._journal.atomic()

    def _audit(self, action: str, detail: str = "") -> None:
        if self._deps.audit is not None and not self._replaying:
            self._deps.audit.record(action, order_id=self.order.id, detail=detail)

    def _finish(self) -> None:
        if not self._replaying:
            self._journal.finish(self.order.id)

    # --------------------------------------------------------------------------- code index

    def _sync_registry(self, old: Packing, new: Packing) -> None:
        guard = self._deps.guard
        if guard is None or self._replaying:
            return
        before = {inst for _, inst in old.all_codes()}
        after = {inst for _, inst in new.all_codes()}
        for instance in after - before:
            guard.remember(instance, self.order.id)
        for instance in before - after:
            guard.forget(instance, self.order.id)

    def _resync_registry(self) -> None:
        """After a restore: the station's code index holds exactly this order's codes (a crash
        may have come between the journal line and the index update), or none once it is off."""
        guard = self._deps.guard
        if guard is None:
            return
        released = self._phase in (Phase.CANCELLED, Phase.INTERRUPTED)
        codes = () if released else [instance for _, instance in self._packing.all_codes()]
        guard.resync(self.order.id, codes)

    def _release_codes(self) -> None:
        """Free the order's codes after a journaled cancel/interruption. A failure is logged, not
        raised: the action is done and on record (saying otherwise would be untrue), and the
        next restore of the order releases the codes (`_resync_registry`)."""
        guard = self._deps.guard
        if guard is None or self._replaying:
            return
        try:
            for _, instance in self._packing.all_codes():
                guard.forget(instance, self.order.id)
        except PackstationError as error:
            log.error("order %s: codes not released yet (%s); released on the next restore",
                      self.order.id, error.en)

    # ------------------------------------------------------------------------- Market calls

    def _intent(self, kind: str, payload: Mapping[str, Any]) -> int | None:
        if self._deps.outbox is None:
            return None
        return self._deps.outbox.add_intent(self.order.id, kind, payload).id

    def _intent_done(self, intent: int | None, outcome: str) -> None:
        if intent is not None and self._deps.outbox is not None:
            self._deps.outbox.complete_intent(intent, outcome)

    async def _send(self, intent: int | None, call: Awaitable[Any]) -> Any:
        """Await a Market call; the outbox intent is closed unless the outcome is unknown
        (a retryable failure or a lost answer: the replayer re-reads the order before resending)."""
        try:
            result = await call
        except PackstationError as error:
            if not getattr(error, "retryable", False) and not answer_lost(error):
                self._intent_done(intent, f"rejected: {error}")
            raise
        self._intent_done(intent, "sent")
        return result

    def _settled_after_lost_answer(self, intent: int | None, what: str) -> None:
        """A read-back showed that a call whose answer was lost arrived: nothing is resent."""
        self._intent_done(intent, "already_done: read back after a lost answer")
        # The outbox's own action name: History already labels it in both languages.
        self._audit("outbox_already_done", f"{what}: answer lost, the order read back shows it done")

    async def _change_status(self, kind: str, payload: Mapping[str, Any], status: str, sub: str) -> None:
        """Ask the Market for a status change; a per-order refusal inside HTTP 200 is an error.
        When the answer is lost, the order is read back instead of resending the change."""
        intent = self._intent(kind, payload)
        try:
            change = await self._send(intent, self._market.set_status(self.order.id, status, sub))
        except PackstationError as error:
            if not answer_lost(error):
                raise
            back = await read_back_status(self._market, self.order.id, status, sub)
            if not back.applied:
                raise
            self._settled_after_lost_answer(intent, f"{status}/{sub}")
            return
        if not change.ok:
            detail = change.error or ""
            if any(code in detail for code in STILL_CHECKING_CODES):
                raise CodesStillCheckingError(detail)
            raise PackstationError(
                f"Маркет не перевёл заказ в {status}/{sub}. {detail}".strip(),
                f"The Market did not move the order to {status}/{sub}. {detail}".strip(),
            )

    # ------------------------------------------------------------------------------- phases

    def _require_editable(self) -> None:
        if self._phase is not Phase.PACKING:
            raise not_editable(self._phase)

    def _set_phase(self, phase: Phase) -> None:
        self._phase = phase
        self._changed()

    def _stop_countdown(self) -> None:
        task, self._countdown_task = self._countdown_task, None
        if task is not None and task is not asyncio.current_task():
            task.cancel()
        self._countdown = None

    def _apply_layout_sent(self, plan: LayoutPlan, boxes: tuple[StoredBox, ...]) -> None:
        self._sent_plan = plan
        self._labels = PrintedLabels(plan, boxes)
        self._market_lines = line_counts(self.order)
        self._history.clear()  # the Market has this layout: undo does not reach behind it

    def _mark_ready(self) -> None:
        self._packing = replace(self._packing, order=replace(self.order, substatus=READY_TO_SHIP))
        self._phase = Phase.READY if self.order.is_express else Phase.DONE
        self._history.clear()

    def _apply_cancelled(self) -> None:
        self._release_codes()
        cancelled = replace(self.order, status=CANCELLED, substatus=SHOP_FAILED)
        self._packing = replace(self._packing, order=cancelled)
        self._phase = Phase.CANCELLED
        self._history.clear()

    def _apply_interrupted(self, status: str, substatus: str, reason: PackstationError) -> None:
        self._release_codes()
        self._packing = replace(self._packing, order=replace(self.order, status=status, substatus=substatus))
        self._interruption = reason
        self._phase = Phase.INTERRUPTED
        self._history.clear()

    def _apply_eac(self, result: EacResult) -> None:
        self._eac = result
        if result.verdict is EacVerdict.ACCEPTED:
            self._phase = Phase.DONE
