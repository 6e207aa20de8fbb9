"""The packing session's public data: phases, what a scan did, the observable snapshot, the
ports and settings a session runs with, and the station's budget for code-status polls.

Kept apart from the session so views and the composition root can use the types without the
collaborators; `packstation.services.packing` re-exports every name.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from packstation.domain.errors import PackstationError
from packstation.domain.instances import Instance
from packstation.domain.layout import StoredBox
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import Order
from packstation.domain.packing.errors import PackingError
from packstation.domain.packing.labels import LabelChange, PrintedLabels
from packstation.domain.packing.model import LineProgress, Packing, PartSlot, UnitRef
from packstation.domain.remote import RemoteError, has_code
from packstation.domain.scan import Command, ScanResult
from packstation.domain.verification import CodeStatus, EacResult
from packstation.services.code_guard import CodeGuard
from packstation.services.label_job import PrintJob
from packstation.services.ports import AuditPort, Clock, JournalPort, MarketPort, OutboxPort

SleepFn = Callable[[float], Awaitable[None]]

# Seconds between code-status polls: quick at first (most checks finish in seconds), then slower.
POLL_DELAYS: tuple[float, ...] = (2.0, 3.0, 5.0, 10.0, 20.0, 30.0, 60.0)

# Market error codes refusing READY_TO_SHIP while marking codes are still being checked.
STILL_CHECKING_CODES: frozenset[str] = frozenset(
    {"CIS_VALIDATION_IN_PROGRESS_ERROR", "UIN_VALIDATION_IN_PROGRESS_ERROR"}
)


class Phase(StrEnum):
    PACKING = "packing"
    SUBMITTING = "submitting"
    VERIFYING = "verifying"  # the layout is sent; waiting for the Market's code verification
    READY = "ready"  # READY_TO_SHIP; Express: waiting for the courier's code
    DONE = "done"
    CANCELLED = "cancelled"  # cancelled from this desk (SHOP_FAILED)
    INTERRUPTED = "interrupted"  # cancelled by the buyer or changed underneath: put the items back


class ScanAction(StrEnum):
    ITEM_PACKED = "item_packed"
    CODE_ATTACHED = "code_attached"
    COMMAND_DONE = "command_done"
    FORWARD = "forward"  # not this session's business: another order, NEXT_ORDER, REPRINT, ...


@dataclass(frozen=True, slots=True)
class ScanOutcome:
    """What a scan did: the unit it packed or coded, or a command to forward to the UI.

    `part` is the parcel a scan of a multi-parcel item boxed ("parcel 2 of 3"); `code_needed`
    says the packed unit still lacks a mandatory marking code (asked once per unit).
    """

    action: ScanAction
    unit: UnitRef | None = None
    box: int | None = None
    command: Command | None = None
    scan: ScanResult | None = None
    part: PartSlot | None = None
    code_needed: bool = False


class OrderLabelPrinter(Protocol):
    """What the session needs from `services.label_job.LabelJob`."""

    async def print_order_labels(self, order: Order, boxes: tuple[StoredBox, ...]) -> PrintJob: ...

    def keep_labels(self, order_id: int, boxes: tuple[StoredBox, ...]) -> None:
        """The printed labels stay valid for the Market's new `boxes` (reprints address them)."""


class SubmitCheck(Protocol):
    """A desk check consulted before a submit sends the layout and prints labels (the box scale).

    Returns the refusal to show, or None to let the submit go on.
    """

    def before_submit(self, packing: Packing) -> PackstationError | None: ...


class CodesStillCheckingError(RemoteError):
    """The Market refused a status change (inside an HTTP 200 answer) because it is still
    checking the order's codes; `codes` holds the error codes found in the refusal."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Values", "The Market is still checking the marking codes."),
            codes=tuple(sorted(code for code in STILL_CHECKING_CODES if code in detail)),
            hint=QT_TRANSLATE_NOOP("Values", "Wait: the status is set once the check is over."),
        )
        self.detail = detail


def codes_still_checking(error: BaseException) -> bool:
    """Whether `error` is the Market saying "codes are still being checked" (its `codes` hold
    CIS/UIN_VALIDATION_IN_PROGRESS_ERROR)."""
    return has_code(error, STILL_CHECKING_CODES)


@dataclass
class PollBackoff:
    """The delays between code-status polls of one submit, and the time waited so far."""

    attempt: int = 0
    waited: float = 0.0

    def next_delay(self) -> float:
        """The next delay (`POLL_DELAYS`, the last one repeating); counts it as waited."""
        delay = POLL_DELAYS[min(self.attempt, len(POLL_DELAYS) - 1)]
        self.attempt += 1
        self.waited += delay
        return delay


class CheckBudget:
    """The station's budget for `code_checks` (the Market allows 1000 calls per hour).

    Shared by every session of the station; keeps a safety margin below the Market's limit.
    """

    def __init__(self, clock: Clock, *, per_hour: int = 1000, margin: float = 0.1) -> None:
        self._clock = clock
        self._limit = max(1, int(per_hour * (1 - margin)))
        self._calls: deque[datetime] = deque()

    def delay(self) -> float:
        """Seconds to wait before the next call may go (0: now)."""
        now = self._clock.now()
        hour_ago = now - timedelta(hours=1)
        while self._calls and self._calls[0] <= hour_ago:
            self._calls.popleft()
        if len(self._calls) < self._limit:
            return 0.0
        return max(0.01, (self._calls[0] + timedelta(hours=1) - now).total_seconds())

    def spend(self) -> None:
        self._calls.append(self._clock.now())


@dataclass
class SessionDeps:
    """The ports and settings a session runs with (the composition root builds one per station).

    Attributes:
        market: the Market port.
        journal: the durable action journal.
        clock: the station clock.
        labels: prints an order's box labels (`LabelJob`); None prints nothing.
        guard: refuses codes already used in this order or at this station; None skips that
            (the layout tests that repeat the Market's placeholder code).
        outbox: records each Market mutation before it is sent, for replay after a crash.
        audit: the audit trail.
        budget: the shared code-check budget; a private one when None.
        auto_submit_s: submit this many seconds after the order becomes complete (0: off).
        verify_timeout_s: how long `submit` waits for the code verification.
        sleep: the coroutine used to wait (tests pass a fake that advances the clock).
        submit_checks: desk checks that may refuse a submit before anything is sent or printed.
    """

    market: MarketPort
    journal: JournalPort
    clock: Clock
    labels: OrderLabelPrinter | None = None
    guard: CodeGuard | None = None
    outbox: OutboxPort | None = None
    audit: AuditPort | None = None
    budget: CheckBudget | None = None
    auto_submit_s: float = 0.0
    verify_timeout_s: float = 900.0
    sleep: SleepFn = field(default=asyncio.sleep)
    submit_checks: tuple[SubmitCheck, ...] = ()


@dataclass(frozen=True, slots=True)
class CodeBadge:
    """The Market's verdict on one code of one unit (for the per-code badge)."""

    unit: UnitRef
    instance: Instance
    status: CodeStatus
    substatus: str | None = None


@dataclass(frozen=True, slots=True)
class SessionSnapshot:
    """Everything the packing view shows, as of `version`."""

    version: int
    phase: Phase
    order: Order
    packing: Packing
    progress: tuple[LineProgress, ...]
    can_undo: bool
    badges: tuple[CodeBadge, ...]
    labels: PrintedLabels | None
    labels_stale: bool
    stale_boxes: tuple[StoredBox, ...]
    countdown: float | None
    eac: EacResult | None
    interruption: PackstationError | None
    last_error: PackstationError | None
    print_error: PackstationError | None
    label_change: LabelChange | None = None
    # A shortening the Market has not answered yet (line id -> count to keep): shown as pending.
    pending_shorten: tuple[tuple[int, int], ...] = ()

    @property
    def problems(self) -> tuple[PackingError, ...]:
        """What blocks sending the layout (worded on first use: a scan rarely needs them all)."""
        return self.packing.problems()

    @property
    def complete(self) -> bool:
        """Every unit is boxed and every required code is there."""
        return self.packing.complete

    @property
    def editable(self) -> bool:
        return self.phase is Phase.PACKING


@dataclass(frozen=True, slots=True)
class ScanPreview:
    """What scanning an item next would show (`PackingSession.scan_previews`): the snapshot
    after it and what the scan did."""

    snapshot: SessionSnapshot
    outcome: ScanOutcome
