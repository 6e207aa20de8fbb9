"""Replaying the outbox safely after a crash or when the network comes back.

Each pending intent (a Market mutation recorded before it was sent) is checked against a fresh
copy of its order (`MarketPort.get_order`) before anything is sent:

- the order was cancelled meanwhile -> the intent is closed as skipped and reported (a pending
  `cancel` is then already done);
- the change is already applied (the order is READY_TO_SHIP or further along, or already
  cancelled) -> closed as already done, nothing is sent twice;
- a box layout for an order whose lines changed, or that went on with other boxes -> closed and
  reported, because the Market would reject it (the order's later intents are closed with it);
- an intent this process wrote moments ago may still be in flight from the packing session: it
  waits for a later run (`in_flight_grace_s`) instead of going out twice;
- a layout the order already holds box for box (its answer was lost) -> closed as already done;
- a courier code (verifyEac) is never resent on its own: a wrong retry burns one of the courier's
  attempts, so the packer is asked to enter the code again (unless the order shows the parcel
  handed over: then it is already done);
- a shortening (a layout with `allowRemove`) is never resent on its own either: it cannot be
  undone and the buyer is notified, so unless the order already shows it, the packer decides
  again (the packing session shows the order as it was);
- a send whose answer is lost (the connection broke after the request left) is settled by reading
  the order back at once (`services.lost_answer`), never by sending it again;
- otherwise the request is sent and the intent completed when the Market confirms.

A network failure, rate limit, server error or bad key keeps the intent and everything after it
pending; "codes still being checked" keeps that order's intents pending; an error the Market will
repeat (any other HTTP 4xx) closes the intent as rejected, with the Market's message in the
report, and closes the order's later intents as blocked. Every decision lands in the report and
in the audit log: nothing is dropped silently.

The intents' kinds and payloads live in `services.intents` (their writers use it too); the
decisions are pure functions in `services.replay_decisions`; this module runs them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Protocol, runtime_checkable

from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.domain.order import CANCELLED
from packstation.domain.remote import RemoteError, answer_lost
from packstation.domain.time import SystemClock
from packstation.services import replay_decisions as decisions
from packstation.services.intents import CancelIntent, IntentPayload, LayoutIntent, StatusIntent
from packstation.services.lost_answer import read_back_layout, read_back_status
from packstation.services.order_queue import ConnectionState
from packstation.services.ports import AuditPort, Clock, Intent, MarketPort, OutboxPort
from packstation.services.replay_decisions import ReplayOutcome

__all__ = ["AttemptRecorder", "OutboxReplayer", "ReplayItem", "ReplayOutcome", "ReplayReport"]

log = logging.getLogger("packstation.services.outbox_replay")

# --- the report -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReplayItem:
    """What happened to one intent, in the packer's words."""

    intent: Intent
    outcome: ReplayOutcome
    text: Message | None

    @property
    def en(self) -> str:
        """The text in English (logs, tests)."""
        return self.text.english() if self.text is not None else ""

    @property
    def needs_attention(self) -> bool:
        """Whether the packer should read this (anything but a quiet success)."""
        return self.outcome not in (ReplayOutcome.SENT, ReplayOutcome.ALREADY_DONE)


@dataclass(slots=True)
class ReplayReport:
    """The result of one replay run.

    Attributes:
        items: one entry per pending intent found, in outbox order.
        offline: the run stopped early because the Market could not be reached.
        error: set by `replay_soon` when the run itself failed (e.g. the journal is unreadable).
        held: how many intents were left alone as possibly still in flight.
    """

    items: list[ReplayItem] = field(default_factory=list)
    offline: bool = False
    error: PackstationError | None = None  # the run itself failed (e.g. the journal is unreadable)
    held: int = 0  # intents left for a later run because they may still be in flight

    def outcomes(self) -> dict[int, ReplayOutcome]:
        """Intent id -> outcome."""
        return {item.intent.id: item.outcome for item in self.items}

    @property
    def attention(self) -> list[ReplayItem]:
        """The items the packer should be told about."""
        return [item for item in self.items if item.needs_attention]


@runtime_checkable
class AttemptRecorder(Protocol):
    """Optional outbox capability: count failed delivery attempts of a pending intent."""

    def record_attempt(self, intent_id: int, error: str) -> None: ...


# --- the replayer ---------------------------------------------------------------------------


class _StopRunError(Exception):
    """Internal: stop the whole run, leaving the rest pending."""

    def __init__(self, error: PackstationError) -> None:
        super().__init__(str(error))
        self.error = error


class _StatusRefusedError(RemoteError):
    """A bulk-style status answer with `ok=False`: a refusal inside HTTP 200."""

    def __init__(self, text: Message) -> None:
        super().__init__(text, status_code=400)


class OutboxReplayer:
    """Replays pending intents; one run at a time (a second caller waits for the first).

    Wiring (composition root): `replay_soon(show)` once at start-up, and
    `replay_when_online(queue.subscribe_state, show)` so a reconnect flushes the outbox; `show`
    puts `report.attention` (and `report.error`) in front of the packer.

    An intent written by this process less than `in_flight_grace_s` ago may still be on its way
    (the packing session sends its own intents and retries them); such an intent is left for a
    later run instead of being sent a second time alongside. Intents from before this replayer
    was created (e.g. before a crash) are never held back.

    Args:
        market: the Market port.
        outbox: the outbox port (its `record_attempt`, when present, counts failures).
        audit: where every decision is recorded (optional).
        clock: the station clock (aware datetimes, as the outbox stores them).
        in_flight_grace_s: how long a fresh intent of this process is presumed in flight.
    """

    def __init__(
        self,
        market: MarketPort,
        outbox: OutboxPort,
        audit: AuditPort | None = None,
        *,
        clock: Clock | None = None,
        in_flight_grace_s: float = 120.0,
    ) -> None:
        self._market = market
        self._outbox = outbox
        self._audit = audit
        self._clock = clock or SystemClock()
        self._started = self._clock.now()
        self._grace = timedelta(seconds=in_flight_grace_s)
        self._lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[None]] = set()

    def _in_flight(self, intent: Intent) -> bool:
        return intent.created_at >= self._started and self._clock.now() - intent.created_at < self._grace

    async def replay(self) -> ReplayReport:
        """Replay every pending intent, oldest first, order by order.

        Returns:
            The report; `report.attention` lists what the packer must be told.

        Raises:
            StorageError: the outbox could not be read or updated (nothing is lost: a completed
                send whose completion failed is detected as already done next time).
        """
        async with self._lock:
            report = ReplayReport()
            by_order: dict[int, list[Intent]] = {}
            for intent in self._outbox.pending_intents():
                by_order.setdefault(intent.order_id, []).append(intent)
            for order_id, intents in list(by_order.items()):
                # An order's later steps wait behind an earlier one that may be in flight.
                if any(self._in_flight(intent) for intent in intents):
                    del by_order[order_id]
                    report.held += len(intents)
            stopped: PackstationError | None = None
            for order_id, intents in by_order.items():
                if stopped is None:
                    try:
                        await self._replay_order(order_id, intents, report)
                        continue
                    except _StopRunError as stop:
                        stopped = stop.error
                        report.offline = isinstance(stopped, RemoteError) and stopped.retryable
                done = {item.intent.id for item in report.items}
                for intent in intents:
                    if intent.id not in done:
                        self._report(report, intent, decisions.still_pending(stopped))
            return report

    def replay_soon(self, on_report: Callable[[ReplayReport], None]) -> asyncio.Task[None]:
        """Start `replay()` as a task (at start-up); `on_report` gets the report when it ends.

        A failure of the run itself (the journal unreadable) arrives as a report with `error`.
        When intents were held as possibly in flight, the task runs again after the grace period
        (and reports again). Requires a running event loop.
        """

        async def run() -> None:
            while True:
                try:
                    report = await self.replay()
                except PackstationError as err:
                    log.warning("outbox replay failed: %s", err)
                    report = ReplayReport(error=err)
                on_report(report)
                if not report.held or report.offline:
                    return
                # Come back for the held intents once they can no longer be in flight.
                await asyncio.sleep(self._grace.total_seconds())

        task = asyncio.get_running_loop().create_task(run(), name="outbox-replay")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def replay_when_online(
        self,
        subscribe_state: Callable[[Callable[[ConnectionState], None]], Callable[[], None]],
        on_report: Callable[[ReplayReport], None],
    ) -> Callable[[], None]:
        """Replay whenever the connection comes back ONLINE (e.g. `OrderQueue.subscribe_state`).

        Returns:
            The unsubscriber.
        """

        def on_state(state: ConnectionState) -> None:
            if state is ConnectionState.ONLINE:
                self.replay_soon(on_report)

        return subscribe_state(on_state)

    @property
    def busy(self) -> bool:
        """Whether a replay started by `replay_soon` is still running."""
        return bool(self._tasks)

    async def close(self) -> None:
        """Cancel a replay still running (on shutdown); pending intents simply stay pending."""
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _replay_order(self, order_id: int, intents: list[Intent], report: ReplayReport) -> None:
        try:
            order = await self._market.get_order(order_id)
        except PackstationError as err:
            if not (isinstance(err, RemoteError) and err.status_code == 404):
                raise _StopRunError(err) from err
            for intent in intents:
                self._close(report, intent, decisions.gone(order_id))
            return
        state = (order.status, order.substatus)
        blocked: decisions.Decision | None = None
        for intent in intents:
            if blocked is not None:
                self._close(report, intent, blocked)
                continue
            payload = decisions.read(intent)
            if isinstance(payload, decisions.Decision):
                decision = payload
            else:
                decision = decisions.decide(intent, payload, order, state)
            if decision.outcome is ReplayOutcome.PENDING:
                self._report(report, intent, decision)
                continue
            if decision.outcome is not ReplayOutcome.SENT:
                self._close(report, intent, decision)
                failed = decision.outcome in (ReplayOutcome.SKIPPED, ReplayOutcome.REJECTED)
                if failed and state[0] != CANCELLED:
                    blocked = decisions.blocked(intent)  # later steps relied on this one (RTS after layout)
                continue
            assert not isinstance(payload, decisions.Decision)  # an unreadable intent is never sent
            try:
                state = await self._send(intent, payload, state)
            except PackstationError as err:
                settled = await self._settle_lost_answer(intent, payload, err)
                if settled is not None:
                    state = settled
                    self._close(report, intent, decisions.settled(intent))
                    continue
                hold, wait = decisions.is_hold(err), decisions.is_wait(err)
                if (hold or wait) and isinstance(self._outbox, AttemptRecorder):
                    self._outbox.record_attempt(intent.id, str(err))
                if hold:
                    raise _StopRunError(err) from err
                if wait:
                    for waiting in intents[intents.index(intent) :]:
                        self._report(report, waiting, decisions.still_pending(err))
                    return
                self._close(report, intent, decisions.rejected(err))
                blocked = decisions.blocked(intent)
                continue
            self._close(report, intent, decisions.sent(intent))

    async def _send(self, intent: Intent, payload: IntentPayload, state: tuple[str, str]) -> tuple[str, str]:
        """Send one intent; returns the order's (status, substatus) afterwards."""
        if isinstance(payload, LayoutIntent):
            await self._market.set_box_layout(intent.order_id, payload.plan)
            return state
        assert isinstance(payload, StatusIntent | CancelIntent)  # decide sends only these besides layouts
        target = payload.target
        change = await self._market.set_status(intent.order_id, target[0], target[1])
        if not change.ok:
            raise _StatusRefusedError(
                QT_TRANSLATE_NOOP("OutboxReplay", "The Market did not change the status of order %1: %2.")(
                    intent.order_id, change.error or QT_TRANSLATE_NOOP("OutboxReplay", "no reason given")
                )
            )
        return (change.status or target[0], change.substatus or target[1] or "")

    async def _settle_lost_answer(
        self, intent: Intent, payload: IntentPayload, err: PackstationError
    ) -> tuple[str, str] | None:
        """After a send whose answer was lost: the order's (status, substatus) when reading it back
        shows the change arrived, else None (the usual error handling follows; nothing resent)."""
        if not answer_lost(err):
            return None
        if isinstance(payload, LayoutIntent):
            back = await read_back_layout(self._market, intent.order_id, payload.plan)
        elif isinstance(payload, StatusIntent | CancelIntent):
            status, substatus = payload.target
            back = await read_back_status(self._market, intent.order_id, status, substatus)
        else:
            return None
        if not back.applied or back.order is None:
            return None
        return (back.order.status, back.order.substatus)

    def _close(self, report: ReplayReport, intent: Intent, decision: decisions.Decision) -> None:
        self._outbox.complete_intent(intent.id, f"{decision.outcome.value}: {decision.text or ''}".strip())
        self._report(report, intent, decision)

    def _report(self, report: ReplayReport, intent: Intent, decision: decisions.Decision) -> None:
        report.items.append(ReplayItem(intent, decision.outcome, decision.text))
        # A pending intent is retried on every reconnect; auditing each try would flood the log.
        if self._audit is not None and decision.outcome is not ReplayOutcome.PENDING:
            self._audit.record(
                f"outbox_{decision.outcome.value}",
                order_id=intent.order_id,
                detail=f"#{intent.id} {intent.kind}: {decision.text or ''}",
            )
