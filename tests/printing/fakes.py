"""Fakes for the print queue: a Market answering only the label endpoints, a recording printer
that can fail on demand, an audit log, a fixed clock, and small orders with stored boxes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from packstation.domain.errors import PackstationError, PrintError
from packstation.domain.labels import BoxLabel, LabelFormat, OrderLabels
from packstation.domain.layout import BoxEntry, BoxPlan, StoredBox
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import Order, OrderLine, Program


@dataclass
class FakeMarket:
    """Only the label endpoints; each PDF says what was asked for."""

    calls: list[tuple[str, int, int | None]] = field(default_factory=list)
    fail_next: PackstationError | None = None

    async def labels_pdf(self, order_id: int, fmt: LabelFormat) -> bytes:
        return self._answer("labels_pdf", order_id, None, f"%PDF all {order_id} {fmt.value}")

    async def box_label_pdf(self, order_id: int, box_id: int, fmt: LabelFormat) -> bytes:
        return self._answer("box_label_pdf", order_id, box_id, f"%PDF box {order_id} {box_id} {fmt.value}")

    async def labels_data(self, order_id: int) -> OrderLabels:
        self._answer("labels_data", order_id, None, "")
        boxes = tuple(
            BoxLabel(order_id, str(order_id), box_id, f"{order_id}-{n}", f"{n}/2", "S", "D", "1", "R")
            for n, box_id in enumerate((11, 12), start=1)
        )
        return OrderLabels(order_id, 2, boxes)

    def _answer(self, name: str, order_id: int, box_id: int | None, pdf: str) -> bytes:
        self.calls.append((name, order_id, box_id))
        if self.fail_next is not None:
            error, self.fail_next = self.fail_next, None
            raise error
        return pdf.encode()

    # The rest of MarketPort is not used by LabelJob.
    def iter_order_pages(self, query: object) -> AsyncIterator[list[Order]]:
        raise AssertionError("not used")


@dataclass
class FakePrinter:
    printed: list[tuple[bytes, str, LabelFormat]] = field(default_factory=list)
    failures: list[PrintError] = field(default_factory=list)

    async def print_pdf(self, pdf: bytes, *, title: str, fmt: LabelFormat) -> None:
        if self.failures:
            raise self.failures.pop(0)
        self.printed.append((pdf, title, fmt))


@dataclass
class FakeAudit:
    records: list[tuple[str, int | None, str]] = field(default_factory=list)

    def record(self, action: str, *, order_id: int | None = None, detail: str = "") -> None:
        self.records.append((action, order_id, detail))


class FixedClock:
    def now(self) -> datetime:
        return datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


OUT_OF_PAPER = PrintError(
    QT_TRANSLATE_NOOP("Tests", "Out of labels."), hint=QT_TRANSLATE_NOOP("Tests", "Load roll.")
)


def make_order(order_id: int = 7) -> Order:
    line = OrderLine(id=1, offer_id="sku", name="Чайник", count=2)
    return Order(order_id, 2001, Program.FBS, "PROCESSING", "STARTED", (line,))


def make_boxes(*ids: int) -> tuple[StoredBox, ...]:
    return tuple(StoredBox(box_id, BoxPlan((BoxEntry(line_id=1, full_count=1),))) for box_id in ids)
