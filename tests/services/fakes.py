"""In-memory fakes of the service ports, shared by the service tests (others may reuse them).

`FakeMarket` behaves like the Market for one campaign: it pages orders, filters them like the
business orders reader, stores box layouts (refusing layouts the Market would refuse), reports
code checks, changes statuses and checks courier codes. Every call is logged in `calls`; a failure
can be queued per method with `fail_next(method, error)`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import defaultdict
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from types import MappingProxyType
from typing import Any

from packstation.domain.instances import Instance
from packstation.domain.labels import LabelFormat, OrderLabels
from packstation.domain.layout import LayoutPlan, StoredBox
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import (
    CANCELLED,
    PROCESSING,
    READY_TO_SHIP,
    STARTED,
    BuyerType,
    Order,
    OrderLine,
    Program,
)
from packstation.domain.remote import RemoteError
from packstation.domain.verification import CodeCheck, CodeStatus, EacResult, EacVerdict, StatusChange
from packstation.services.ports import CodeUse, EncodedAction, Intent, JournalEntry, OrderQuery
from packstation.storage.codec import dump_json


class FakeRefusalError(RemoteError):
    """What the fake Market raises for a request the real one would answer with HTTP 400."""

    def __init__(self, code: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Tests", "The Market refused: %1")(code), status_code=400, codes=(code,)
        )
        self.code = code


class FakeNotFoundError(RemoteError):
    """What the fake Market raises for an order it does not have (the Market's HTTP 404)."""

    def __init__(self, order_id: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Tests", "The Market did not find order %1.")(order_id), status_code=404
        )


@dataclass
class FakeClock:
    """A settable clock (`Clock` port)."""

    current: datetime = field(default_factory=lambda: datetime(2026, 11, 23, 9, 0, tzinfo=UTC))

    def now(self) -> datetime:
        return self.current

    def advance(self, seconds: float) -> None:
        self.current += timedelta(seconds=seconds)


@dataclass
class FakeMarket:
    """An in-memory Market for one campaign (`MarketPort`)."""

    orders: dict[int, Order] = field(default_factory=dict)
    page_size: int = 50
    calls: list[tuple[str, Any]] = field(default_factory=list)
    layouts: dict[int, tuple[StoredBox, ...]] = field(default_factory=dict)
    # Per order: what `code_checks` answers, one tuple per call (the last one repeats).
    check_answers: dict[int, list[tuple[CodeCheck, ...]]] = field(default_factory=dict)
    eac_codes: dict[int, str] = field(default_factory=dict)
    eac_attempts: dict[int, int] = field(default_factory=dict)
    failures: dict[str, list[BaseException]] = field(default_factory=lambda: defaultdict(list))
    next_box_id: int = 9000
    # Per order: a refusal `set_status` reports inside a successful answer (bulk-update style).
    status_refusals: dict[int, str] = field(default_factory=dict)
    labels: dict[int, bytes] = field(default_factory=dict)

    def add(self, *orders: Order) -> None:
        for order in orders:
            self.orders[order.id] = order

    def fail_next(self, method: str, error: BaseException) -> None:
        """Make the next call of `method` raise `error`."""
        self.failures[method].append(error)

    def count(self, method: str) -> int:
        return sum(1 for name, _ in self.calls if name == method)

    def _enter(self, method: str, arg: Any) -> None:
        self.calls.append((method, arg))
        pending = self.failures.get(method)
        if pending:
            raise pending.pop(0)

    @staticmethod
    def _matches(order: Order, query: OrderQuery) -> bool:
        if query.order_ids and order.id not in query.order_ids:
            return False
        if query.statuses and order.status not in query.statuses:
            return False
        if query.substatuses and order.substatus not in query.substatuses:
            return False
        if query.programs and order.program not in query.programs:
            return False
        shipped = order.shipment_date
        if query.shipped_from is not None and (shipped is None or shipped < query.shipped_from):
            return False
        if query.shipped_to is not None and (shipped is None or shipped >= query.shipped_to):
            return False
        updated = order.updated_at
        if query.updated_from is not None and (updated is None or updated < query.updated_from):
            return False
        return not (query.updated_to is not None and (updated is None or updated >= query.updated_to))

    async def iter_order_pages(self, query: OrderQuery) -> AsyncIterator[list[Order]]:
        self._enter("iter_order_pages", query)
        found = sorted((o for o in self.orders.values() if self._matches(o, query)), key=lambda o: o.id)
        for start in range(0, len(found), self.page_size):
            yield found[start : start + self.page_size]
            # A failure queued for "page" strikes between pages (a partial read).
            pending = self.failures.get("page")
            if pending:
                raise pending.pop(0)

    def _order(self, order_id: int) -> Order:
        if order_id not in self.orders:
            raise FakeNotFoundError(order_id)
        return self.orders[order_id]

    async def get_order(self, order_id: int) -> Order:
        self._enter("get_order", order_id)
        return self._order(order_id)

    async def promo_lines(self, order_id: int) -> frozenset[int]:
        self._enter("promo_lines", order_id)
        return frozenset(line.id for line in self._order(order_id).lines if line.promo)

    async def set_box_layout(self, order_id: int, plan: LayoutPlan) -> tuple[StoredBox, ...]:
        self._enter("set_box_layout", (order_id, plan))
        order = self._order(order_id)
        if order.substatus != STARTED or order.status != PROCESSING:
            raise FakeRefusalError("STATUS_NOT_ALLOWED")
        counts: dict[int, int] = defaultdict(int)
        parts: dict[int, int] = defaultdict(int)
        for box in plan.boxes:
            if not box.entries:
                raise FakeRefusalError("EMPTY_BOX")
            if box.is_part_box and len(box.entries) != 1:
                raise FakeRefusalError("MIXED_BOX")
            for entry in box.entries:
                order.line(entry.line_id)
                if entry.part is not None:
                    parts[entry.line_id] += 1
                    if entry.part.current == entry.part.total:
                        counts[entry.line_id] += 1
                elif entry.full_count is not None:
                    counts[entry.line_id] += entry.full_count
        for line in order.lines:
            if counts[line.id] > line.count:
                raise FakeRefusalError("ITEMS_ADDITION_NOT_SUPPORTED")
            if counts[line.id] < line.count and not plan.allow_remove:
                raise FakeRefusalError("TOO_FEW_ITEMS")
        if plan.allow_remove and any(line.promo and counts[line.id] < line.count for line in order.lines):
            raise FakeRefusalError("PROMO_PROHIBITS_DELETE")
        if plan.allow_remove:
            kept = tuple(replace(line, count=counts[line.id]) for line in order.lines if counts[line.id] > 0)
            order = replace(order, lines=kept)
        stored = []
        for box in plan.boxes:
            self.next_box_id += 1
            stored.append(StoredBox(box_id=self.next_box_id, plan=box))
        self.layouts[order_id] = tuple(stored)
        self.orders[order_id] = replace(order, box_ids=tuple(b.box_id for b in stored))
        return tuple(stored)

    async def code_checks(self, order_id: int) -> tuple[CodeCheck, ...]:
        self._enter("code_checks", order_id)
        answers = self.check_answers.get(order_id)
        if answers:
            return answers.pop(0) if len(answers) > 1 else answers[0]
        return tuple(
            CodeCheck(entry.line_id, inst.kind, inst.value, CodeStatus.OK)
            for inst, entry in self._sent_instances(order_id)
        )

    def _sent_instances(self, order_id: int) -> list[tuple[Instance, Any]]:
        seen: dict[tuple[int, Instance], Any] = {}
        for box in self.layouts.get(order_id, ()):
            for entry in box.plan.entries:
                for inst in entry.instances:
                    seen.setdefault((entry.line_id, inst), entry)
        return [(inst, entry) for (_, inst), entry in seen.items()]

    async def set_status(self, order_id: int, status: str, substatus: str | None = None) -> StatusChange:
        self._enter("set_status", (order_id, status, substatus))
        if order_id in self.status_refusals:
            return StatusChange(order_id, False, error=self.status_refusals.pop(order_id))
        order = self._order(order_id)
        if order.status == CANCELLED:
            raise FakeRefusalError("ORDER_IN_TERMINAL_STATE")
        if status == PROCESSING and substatus == READY_TO_SHIP and order.substatus != STARTED:
            raise FakeRefusalError("SUBSTATUS_NOT_ALLOWED")
        self.orders[order_id] = replace(order, status=status, substatus=substatus or "")
        return StatusChange(order_id, True, status, substatus)

    async def set_statuses(self, changes: Sequence[tuple[int, str, str | None]]) -> tuple[StatusChange, ...]:
        self._enter("set_statuses", tuple(changes))
        return tuple([await self.set_status(*change) for change in changes])

    async def labels_pdf(self, order_id: int, fmt: LabelFormat) -> bytes:
        self._enter("labels_pdf", (order_id, fmt))
        return self.labels.get(order_id, b"%PDF-1.4 fake labels " + str(order_id).encode())

    async def box_label_pdf(self, order_id: int, box_id: int, fmt: LabelFormat) -> bytes:
        self._enter("box_label_pdf", (order_id, box_id, fmt))
        return b"%PDF-1.4 fake box label " + str(box_id).encode()

    async def labels_data(self, order_id: int) -> OrderLabels:
        self._enter("labels_data", order_id)
        return OrderLabels(order_id=order_id, places=len(self.layouts.get(order_id, ())), boxes=())

    async def verify_eac(self, order_id: int, code: str) -> EacResult:
        self._enter("verify_eac", (order_id, code))
        if code == self.eac_codes.get(order_id):
            return EacResult(EacVerdict.ACCEPTED)
        left = self.eac_attempts.get(order_id, 3) - 1
        self.eac_attempts[order_id] = left
        if left <= 0:
            return EacResult(EacVerdict.NEED_UPDATE, 0)
        return EacResult(EacVerdict.REJECTED, left)


@dataclass
class FakeJournal:
    """An in-memory `JournalPort`; `fail_append` makes the next append raise `StorageError`."""

    rows: list[JournalEntry] = field(default_factory=list)
    finished: list[int] = field(default_factory=list)
    fail_append: BaseException | None = None

    def append(self, order_id: int, action: Mapping[str, Any] | EncodedAction) -> int:
        if self.fail_append is not None:
            error, self.fail_append = self.fail_append, None
            raise error
        if isinstance(action, EncodedAction):
            action = action.action
        seq = len(self.rows) + 1
        self.rows.append(JournalEntry(seq=seq, order_id=order_id, action=dict(action)))
        return seq

    def encode(self, action: Mapping[str, Any]) -> EncodedAction:
        """The real journal's encoding (and its refusal of what JSON cannot carry)."""
        text = dump_json(action, QT_TRANSLATE_NOOP("Journal", "action"))
        return EncodedAction(MappingProxyType(dict(action)), text)

    def entries(self, order_id: int) -> list[JournalEntry]:
        return [row for row in self.rows if row.order_id == order_id]

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """Like the database's transaction: rows appended inside are dropped if it fails."""
        kept = len(self.rows)
        try:
            yield
        except BaseException:
            del self.rows[kept:]
            raise

    def orders_in_progress(self) -> list[int]:
        return sorted({row.order_id for row in self.rows} - set(self.finished))

    def finish(self, order_id: int) -> None:
        self.finished.append(order_id)


@dataclass
class FakeCodeRegistry:
    """An in-memory `CodeRegistryPort`."""

    clock: FakeClock = field(default_factory=FakeClock)
    uses: dict[str, CodeUse] = field(default_factory=dict)

    def find(self, code: str) -> CodeUse | None:
        return self.uses.get(code)

    def remember(self, code: str, order_id: int) -> None:
        self.uses.setdefault(code, CodeUse(code=code, order_id=order_id, used_at=self.clock.now()))

    def forget(self, code: str, order_id: int) -> None:
        use = self.uses.get(code)
        if use is not None and use.order_id == order_id:
            del self.uses[code]

    def codes_of(self, order_id: int) -> list[str]:
        return sorted(code for code, use in self.uses.items() if use.order_id == order_id)


@dataclass
class FakeLabelPrinter:
    """A `LabelPrinterPort` that keeps every printed PDF; `fail_next` makes one print fail."""

    printed: list[tuple[bytes, str, LabelFormat]] = field(default_factory=list)
    fail_next: BaseException | None = None

    async def print_pdf(self, pdf: bytes, *, title: str, fmt: LabelFormat) -> None:
        if self.fail_next is not None:
            error, self.fail_next = self.fail_next, None
            raise error
        self.printed.append((pdf, title, fmt))


def make_order(
    order_id: int,
    *lines: OrderLine,
    program: Program = Program.FBS,
    status: str = PROCESSING,
    substatus: str = STARTED,
    buyer: BuyerType = BuyerType.PERSON,
    updated_at: datetime | None = None,
    ship_by: datetime | None = None,
    shipment_date: date | None = None,
    external_id: str | None = None,
) -> Order:
    """An order for tests; without lines it gets one plain line `id = order_id * 10 + 1`."""
    if not lines:
        line = OrderLine(id=order_id * 10 + 1, offer_id=f"SKU-{order_id}", name=f"Item {order_id}", count=1)
        lines = (line,)
    return Order(
        id=order_id,
        campaign_id=2001,
        program=program,
        status=status,
        substatus=substatus,
        lines=lines,
        buyer_type=buyer,
        updated_at=updated_at or datetime(2026, 11, 23, 8, 0, tzinfo=UTC),
        ship_by=ship_by,
        shipment_date=shipment_date,
        external_id=external_id,
    )


@dataclass
class FakeOutbox:
    """An in-memory `OutboxPort`: `intents` keeps every intent with its outcome (None: pending)."""

    clock: FakeClock = field(default_factory=FakeClock)
    intents: list[Intent] = field(default_factory=list)
    outcomes: dict[int, str] = field(default_factory=dict)

    def add_intent(self, order_id: int, kind: str, payload: Mapping[str, Any]) -> Intent:
        intent = Intent(len(self.intents) + 1, order_id, kind, dict(payload), self.clock.now())
        self.intents.append(intent)
        return intent

    def complete_intent(self, intent_id: int, outcome: str) -> None:
        self.outcomes[intent_id] = outcome

    def pending_intents(self) -> list[Intent]:
        return [intent for intent in self.intents if intent.id not in self.outcomes]


@dataclass
class FakeSleep:
    """An `asyncio.sleep` stand-in that advances a `FakeClock` and records each delay."""

    clock: FakeClock
    delays: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        self.clock.advance(seconds)
        await asyncio.sleep(0)
