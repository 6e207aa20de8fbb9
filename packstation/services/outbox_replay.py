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
- a send whose answer is lost (the connection broke after the request left) is settled by reading
  the order back at once (`services.lost_answer`), never by sending it again;
- otherwise the request is sent and the intent completed when the Market confirms.

A network failure, rate limit, server error or bad key keeps the intent and everything after it
pending; "codes still being checked" keeps that order's intents pending; an error the Market will
repeat (any other HTTP 4xx) closes the intent as rejected, with the Market's message in the
report, and closes the order's later intents as blocked. Every decision lands in the report and
in the audit log: nothing is dropped silently.

Intent kinds and payloads (the packing session writes them with these helpers):

- `box_layout` / `shorten`: `layout_to_payload(plan)` (shorten = `allow_remove=True`);
- `status`: `status_payload(status, substatus)`;
- `cancel`: `{}` (CANCELLED / SHOP_FAILED);
- `verify_eac`: `{"code": "..."}`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, Final, Protocol, runtime_checkable

from packstation.domain.errors import PackstationError
from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan, PartOf
from packstation.domain.order import CANCELLED, PROCESSING, READY_TO_SHIP, SHOP_FAILED, STARTED, Order
from packstation.services.lost_answer import (
    answer_lost,
    handed_over,
    layout_held,
    read_back_layout,
    read_back_status,
)
from packstation.services.order_queue import ConnectionState
from packstation.services.ports import AuditPort, Clock, Intent, MarketPort, OutboxPort

log = logging.getLogger("packstation.services.outbox_replay")

KIND_BOX_LAYOUT: Final = "box_layout"
KIND_SHORTEN: Final = "shorten"
KIND_STATUS: Final = "status"
KIND_CANCEL: Final = "cancel"
KIND_VERIFY_EAC: Final = "verify_eac"

_HOLD_STATUS_CODES: Final = frozenset({401, 403})  # fix the key, then the intents can go
_WAIT_CODES: Final = frozenset({"CIS_VALIDATION_IN_PROGRESS_ERROR", "UIN_VALIDATION_IN_PROGRESS_ERROR"})
# Statuses before the packing desk's work (LaaS drafts, unpaid orders): nothing has been packed yet.
_BEFORE_PACKING: Final = frozenset({"RESERVED", "UNPAID", "PENDING", "PLACING"})


# --- payloads -------------------------------------------------------------------------------


def layout_to_payload(plan: LayoutPlan) -> dict[str, Any]:
    """The JSON payload of a `box_layout` / `shorten` intent."""
    return {
        "allow_remove": plan.allow_remove,
        "boxes": [{"entries": [_entry_to_json(entry) for entry in box.entries]} for box in plan.boxes],
    }


def layout_from_payload(payload: Mapping[str, Any]) -> LayoutPlan:
    """The inverse of `layout_to_payload`.

    Raises:
        ValueError: the payload is not a layout.
    """
    try:
        boxes = tuple(
            BoxPlan(tuple(_entry_from_json(entry) for entry in box["entries"])) for box in payload["boxes"]
        )
        return LayoutPlan(boxes, allow_remove=bool(payload.get("allow_remove", False)))
    except (KeyError, TypeError) as err:
        raise ValueError(f"not a box layout payload: {err}") from err


def status_payload(status: str, substatus: str | None = None) -> dict[str, Any]:
    """The JSON payload of a `status` intent."""
    return {"status": status, "substatus": substatus}


def _entry_to_json(entry: BoxEntry) -> dict[str, Any]:
    return {
        "line_id": entry.line_id,
        "full_count": entry.full_count,
        "part": None if entry.part is None else [entry.part.current, entry.part.total],
        "instances": [[i.kind.value, i.value, i.country_code] for i in entry.instances],
    }


def _entry_from_json(raw: Mapping[str, Any]) -> BoxEntry:
    part = raw.get("part")
    return BoxEntry(
        line_id=int(raw["line_id"]),
        full_count=None if raw.get("full_count") is None else int(raw["full_count"]),
        part=None if part is None else PartOf(int(part[0]), int(part[1])),
        instances=tuple(
            Instance(InstanceKind(kind), str(value), country)
            for kind, value, country in raw.get("instances", ())
        ),
    )


# --- the report -----------------------------------------------------------------------------


class ReplayOutcome(StrEnum):
    SENT = "sent"  # the Market confirmed it now
    ALREADY_DONE = "already_done"  # the order already shows the change; nothing was sent
    SKIPPED = "skipped"  # no longer valid (cancelled, moved on, changed); nothing was sent
    REJECTED = "rejected"  # the Market refused it; the packer must act
    NEEDS_PACKER = "needs_packer"  # must not be resent automatically (courier code)
    PENDING = "pending"  # kept for the next replay (offline, key problem, unknown kind)


@dataclass(frozen=True, slots=True)
class ReplayItem:
    """What happened to one intent, in the packer's words."""

    intent: Intent
    outcome: ReplayOutcome
    ru: str
    en: str

    def message(self, lang: str = "ru") -> str:
        return self.ru if lang == "ru" else self.en

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


@dataclass(frozen=True, slots=True)
class _Decision:
    outcome: ReplayOutcome
    ru: str = ""
    en: str = ""


_SEND = _Decision(ReplayOutcome.SENT)


class _StopRunError(Exception):
    """Internal: stop the whole run, leaving the rest pending."""

    def __init__(self, error: PackstationError) -> None:
        super().__init__(str(error))
        self.error = error


class _UtcClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class _StatusRefusedError(PackstationError):
    """A bulk-style status answer with `ok=False`: a refusal inside HTTP 200."""

    status_code = 400


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
        self._clock = clock or _UtcClock()
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
                        report.offline = getattr(stopped, "retryable", False) is True
                done = {item.intent.id for item in report.items}
                for intent in intents:
                    if intent.id not in done:
                        self._report(report, intent, _still_pending(stopped))
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
            if getattr(err, "status_code", None) != 404:
                raise _StopRunError(err) from err
            for intent in intents:
                self._close(report, intent, _gone(order_id))
            return
        state = (order.status, order.substatus)
        blocked: _Decision | None = None
        for intent in intents:
            if blocked is not None:
                self._close(report, intent, blocked)
                continue
            decision = _decide(intent, order, state)
            if decision.outcome is ReplayOutcome.PENDING:
                self._report(report, intent, decision)
                continue
            if decision.outcome is not ReplayOutcome.SENT:
                self._close(report, intent, decision)
                failed = decision.outcome in (ReplayOutcome.SKIPPED, ReplayOutcome.REJECTED)
                if failed and state[0] != CANCELLED:
                    blocked = _blocked(intent)  # later steps relied on this one (RTS after layout)
                continue
            try:
                state = await self._send(intent, state)
            except PackstationError as err:
                settled = await self._settle_lost_answer(intent, err)
                if settled is not None:
                    state = settled
                    self._close(report, intent, _settled(intent))
                    continue
                if (_is_hold(err) or _is_wait(err)) and isinstance(self._outbox, AttemptRecorder):
                    self._outbox.record_attempt(intent.id, str(err))
                if _is_hold(err):
                    raise _StopRunError(err) from err
                if _is_wait(err):
                    for waiting in intents[intents.index(intent) :]:
                        self._report(report, waiting, _still_pending(err))
                    return
                self._close(report, intent, _rejected(err))
                blocked = _blocked(intent)
                continue
            self._close(report, intent, _sent(intent))

    async def _send(self, intent: Intent, state: tuple[str, str]) -> tuple[str, str]:
        """Send one intent; returns the order's (status, substatus) afterwards."""
        kind, payload = intent.kind, intent.payload
        if kind in (KIND_BOX_LAYOUT, KIND_SHORTEN):
            await self._market.set_box_layout(intent.order_id, layout_from_payload(payload))
            return state
        target = _target_status(intent)
        assert target is not None  # _decide sends only status-like kinds besides layouts
        change = await self._market.set_status(intent.order_id, target[0], target[1])
        if not change.ok:
            raise _StatusRefusedError(
                f"Маркет не изменил статус заказа {intent.order_id}: {change.error or 'без пояснения'}.",
                f"The Market did not change the status of order {intent.order_id}: "
                f"{change.error or 'no reason given'}.",
            )
        return (change.status or target[0], change.substatus or target[1] or "")

    async def _settle_lost_answer(self, intent: Intent, err: PackstationError) -> tuple[str, str] | None:
        """After a send whose answer was lost: the order's (status, substatus) when reading it back
        shows the change arrived, else None (the usual error handling follows; nothing resent)."""
        if not answer_lost(err):
            return None
        if intent.kind in (KIND_BOX_LAYOUT, KIND_SHORTEN):
            back = await read_back_layout(self._market, intent.order_id, layout_from_payload(intent.payload))
        else:
            target = _target_status(intent)
            if target is None:
                return None
            back = await read_back_status(self._market, intent.order_id, target[0], target[1])
        if not back.applied or back.order is None:
            return None
        return (back.order.status, back.order.substatus)

    def _close(self, report: ReplayReport, intent: Intent, decision: _Decision) -> None:
        self._outbox.complete_intent(intent.id, f"{decision.outcome.value}: {decision.en}".strip())
        self._report(report, intent, decision)

    def _report(self, report: ReplayReport, intent: Intent, decision: _Decision) -> None:
        report.items.append(ReplayItem(intent, decision.outcome, decision.ru, decision.en))
        # A pending intent is retried on every reconnect; auditing each try would flood the log.
        if self._audit is not None and decision.outcome is not ReplayOutcome.PENDING:
            self._audit.record(
                f"outbox_{decision.outcome.value}",
                order_id=intent.order_id,
                detail=f"#{intent.id} {intent.kind}: {decision.en}",
            )


def _is_hold(err: PackstationError) -> bool:
    """Whether to keep the intent pending and stop the run.

    Retryable failures (network, rate limit, server) and a bad key (401/403) say "later"; so does
    an error without an HTTP 4xx answer (e.g. an unreadable response), because the request may
    have been applied. Only a 4xx refusal proves the Market will not take it.
    """
    if getattr(err, "retryable", False) is True:
        return True
    status_code = getattr(err, "status_code", None)
    refused = isinstance(status_code, int) and 400 <= status_code < 500
    return not refused or status_code in _HOLD_STATUS_CODES


def _is_wait(err: PackstationError) -> bool:
    """The Market is still checking the order's codes: this order's intents wait, others go on."""
    codes = getattr(err, "codes", ())
    return isinstance(codes, tuple) and any(code in _WAIT_CODES for code in codes)


def _target_status(intent: Intent) -> tuple[str, str | None] | None:
    if intent.kind == KIND_CANCEL:
        return (CANCELLED, SHOP_FAILED)
    if intent.kind == KIND_STATUS and isinstance(intent.payload.get("status"), str):
        substatus = intent.payload.get("substatus")
        return (intent.payload["status"], substatus if isinstance(substatus, str) else None)
    return None


def _decide(intent: Intent, order: Order, state: tuple[str, str]) -> _Decision:
    status, substatus = state
    oid = intent.order_id
    target = _target_status(intent)
    if target is not None and target[0] == CANCELLED:
        if status == CANCELLED:
            return _already_cancelled(oid, substatus)
        if status == PROCESSING:
            return _SEND
        return _moved_on(oid, status, substatus, "отмена", "cancellation")
    if status == CANCELLED:
        return _cancelled(oid, substatus)
    if intent.kind in (KIND_BOX_LAYOUT, KIND_SHORTEN):
        return _decide_layout(intent, order, state)
    if target is not None:
        if (status, substatus) == (target[0], target[1] or substatus):
            return _Decision(
                ReplayOutcome.ALREADY_DONE,
                f"Заказ {oid} уже в статусе {status}/{substatus}; повторно не отправлено.",
                f"Order {oid} is already {status}/{substatus}; not sent again.",
            )
        if status == PROCESSING and substatus == STARTED:
            return _SEND
        if target == (PROCESSING, READY_TO_SHIP) and _past_packing(status, substatus):
            return _past_ready(oid, status, substatus)
        return _moved_on(oid, status, substatus, "смена статуса", "status change")
    if intent.kind == KIND_VERIFY_EAC:
        if handed_over(order):
            return _Decision(
                ReplayOutcome.ALREADY_DONE,
                f"Заказ {oid} уже передан курьеру ({status}/{substatus}); код повторно не отправлялся.",
                f"Order {oid} is already handed to the courier ({status}/{substatus}); the code was "
                "not sent again.",
            )
        return _Decision(
            ReplayOutcome.NEEDS_PACKER,
            f"Код курьера для заказа {oid} не был подтверждён до перезапуска. Попросите курьера "
            "назвать код и введите его снова.",
            f"The courier code for order {oid} was not confirmed before the restart. Ask the courier "
            "for the code and enter it again.",
        )
    return _Decision(
        ReplayOutcome.PENDING,
        f"Неизвестный тип запроса «{intent.kind}» для заказа {oid}; он сохранён и не отправлен.",
        f"Unknown request type '{intent.kind}' for order {oid}; it is kept and not sent.",
    )


def _decide_layout(intent: Intent, order: Order, state: tuple[str, str]) -> _Decision:
    status, substatus = state
    oid = intent.order_id
    try:
        plan = layout_from_payload(intent.payload)
    except ValueError as err:
        return _Decision(
            ReplayOutcome.REJECTED,
            f"Раскладка заказа {oid} в журнале повреждена ({err}); соберите коробки заново.",
            f"The saved box layout of order {oid} is damaged ({err}); lay out the boxes again.",
        )
    if status != PROCESSING or substatus != STARTED:
        if _past_packing(status, substatus) and len(order.box_ids) == len(plan.boxes):
            return _Decision(
                ReplayOutcome.ALREADY_DONE,
                f"Заказ {oid} уже собран ({status}/{substatus}), коробок: {len(plan.boxes)}; "
                "раскладка не отправлялась.",
                f"Order {oid} is already packed ({status}/{substatus}) in {len(plan.boxes)} boxes; "
                "the layout was not resent.",
            )
        return _moved_on(oid, status, substatus, "раскладка коробок", "box layout")
    mismatch = _layout_mismatch(plan, order)
    if mismatch:
        return _Decision(
            ReplayOutcome.SKIPPED,
            f"Заказ {oid} изменился на Маркете ({mismatch[0]}); сохранённая раскладка не отправлена. "
            "Откройте заказ и соберите его заново.",
            f"Order {oid} changed on the Market ({mismatch[1]}); the saved layout was not sent. "
            "Open the order and pack it again.",
        )
    if layout_held(plan, order):
        return _Decision(
            ReplayOutcome.ALREADY_DONE,
            f"Маркет уже хранит эту раскладку заказа {oid} (коробок: {len(plan.boxes)}); повторно не "
            "отправлено.",
            f"The Market already holds this layout of order {oid} ({len(plan.boxes)} boxes); not sent again.",
        )
    return _SEND


def _layout_mismatch(plan: LayoutPlan, order: Order) -> tuple[str, str] | None:
    """Why `plan` no longer fits the order's lines, or None when it does."""
    packed: dict[int, int] = {}
    for box in plan.boxes:
        for entry in box.entries:
            units = entry.full_count or 0
            if entry.part is not None and entry.part.current == 1:
                units = 1
            packed[entry.line_id] = packed.get(entry.line_id, 0) + units
    counts = {line.id: line.count for line in order.lines}
    for line_id, units in packed.items():
        if line_id not in counts:
            return (f"позиции {line_id} больше нет", f"line {line_id} is gone")
        if units > counts[line_id]:
            return (
                f"в позиции {line_id} теперь {counts[line_id]} шт., в раскладке {units}",
                f"line {line_id} now has {counts[line_id]} units, the layout {units}",
            )
        if units < counts[line_id] and not plan.allow_remove:
            return (
                f"в позиции {line_id} теперь {counts[line_id]} шт., в раскладке {units}",
                f"line {line_id} now has {counts[line_id]} units, the layout {units}",
            )
    missing = set(counts) - set(packed)
    if missing and not plan.allow_remove:
        line_id = min(missing)
        return (f"добавилась позиция {line_id}", f"line {line_id} was added")
    return None


def _sent(intent: Intent) -> _Decision:
    return _Decision(
        ReplayOutcome.SENT,
        f"Отложенный запрос «{intent.kind}» по заказу {intent.order_id} отправлен.",
        f"The delayed '{intent.kind}' request for order {intent.order_id} was sent.",
    )


def _settled(intent: Intent) -> _Decision:
    return _Decision(
        ReplayOutcome.ALREADY_DONE,
        f"Ответ Маркета на запрос «{intent.kind}» по заказу {intent.order_id} потерялся, но заказ "
        "показывает, что запрос принят; повторно не отправлено.",
        f"The Market's answer to the '{intent.kind}' request for order {intent.order_id} was lost, "
        "but the order shows it arrived; not sent again.",
    )


def _cancelled(oid: int, substatus: str) -> _Decision:
    return _Decision(
        ReplayOutcome.SKIPPED,
        f"Заказ {oid} отменён ({substatus}), пока запрос ждал отправки; запрос не отправлен. "
        "Верните товары на место.",
        f"Order {oid} was cancelled ({substatus}) while the request was waiting; it was not sent. "
        "Put the items back.",
    )


def _already_cancelled(oid: int, substatus: str) -> _Decision:
    by_whom_ru = "" if substatus == SHOP_FAILED else f" (причина: {substatus})"
    by_whom_en = "" if substatus == SHOP_FAILED else f" (reason: {substatus})"
    return _Decision(
        ReplayOutcome.ALREADY_DONE,
        f"Заказ {oid} уже отменён{by_whom_ru}; повторная отмена не отправлялась.",
        f"Order {oid} is already cancelled{by_whom_en}; the cancellation was not resent.",
    )


def _past_packing(status: str, substatus: str) -> bool:
    """READY_TO_SHIP or later: Express courier substatuses, shipped, in delivery, delivered."""
    if status == PROCESSING:
        return substatus != STARTED
    return status not in _BEFORE_PACKING and status != CANCELLED


def _past_ready(oid: int, status: str, substatus: str) -> _Decision:
    return _Decision(
        ReplayOutcome.ALREADY_DONE,
        f"Заказ {oid} уже готов к отгрузке или передан ({status}/{substatus}); повторно не отправлено.",
        f"Order {oid} is already ready to ship or handed over ({status}/{substatus}); not sent again.",
    )


def _moved_on(oid: int, status: str, substatus: str, what_ru: str, what_en: str) -> _Decision:
    return _Decision(
        ReplayOutcome.SKIPPED,
        f"Заказ {oid} уже в статусе {status}/{substatus}: {what_ru} больше невозможна и не отправлена.",
        f"Order {oid} is now {status}/{substatus}: the {what_en} no longer applies and was not sent.",
    )


def _gone(oid: int) -> _Decision:
    return _Decision(
        ReplayOutcome.SKIPPED,
        f"Заказ {oid} не найден на Маркете; отложенный запрос не отправлен.",
        f"Order {oid} was not found on the Market; the delayed request was not sent.",
    )


def _rejected(err: PackstationError) -> _Decision:
    return _Decision(
        ReplayOutcome.REJECTED,
        f"Маркет отклонил отложенный запрос: {err.message('ru')}",
        f"The Market rejected the delayed request: {err.message('en')}",
    )


def _blocked(failed: Intent) -> _Decision:
    return _Decision(
        ReplayOutcome.SKIPPED,
        f"Не отправлено: предыдущий запрос по заказу {failed.order_id} («{failed.kind}») не прошёл. "
        "Откройте заказ и проверьте его.",
        f"Not sent: the previous '{failed.kind}' request for order {failed.order_id} did not go through. "
        "Open the order and check it.",
    )


def _still_pending(err: PackstationError | None) -> _Decision:
    reason_ru = err.message("ru") if err is not None else "нет связи"
    reason_en = err.message("en") if err is not None else "no connection"
    return _Decision(
        ReplayOutcome.PENDING,
        f"Запрос ждёт отправки и будет повторён: {reason_ru}",
        f"The request is waiting and will be retried: {reason_en}",
    )
