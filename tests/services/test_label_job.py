"""LabelJob: the print queue's contract with the packing session and the reprint drawer."""

from __future__ import annotations

import pytest

from packstation.catalogue import russian
from packstation.domain.errors import PackstationError, PrintError
from packstation.domain.labels import LabelFormat, OrderLabels
from packstation.domain.layout import StoredBox
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import Order
from packstation.services.label_job import JobKind, JobStatus, LabelJob, PrintJob
from tests.printing.fakes import (
    OUT_OF_PAPER,
    FakeAudit,
    FakeMarket,
    FakePrinter,
    FixedClock,
)
from tests.printing.fakes import make_boxes as _boxes
from tests.printing.fakes import make_order as _order

FMT = LabelFormat.A9_HORIZONTALLY


def _job(market: FakeMarket, printer: FakePrinter, **kwargs: object) -> LabelJob:
    return LabelJob(market, printer, fmt=FMT, clock=FixedClock(), **kwargs)  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_prints_the_orders_labels_and_records_them() -> None:
    market, printer, audit = FakeMarket(), FakePrinter(), FakeAudit()
    labels = _job(market, printer, audit=audit)
    seen: list[PrintJob] = []
    labels.subscribe(seen.append)

    job = await labels.print_order_labels(_order(), _boxes(11, 12))

    assert job.status is JobStatus.DONE
    assert job.kind is JobKind.LABELS
    assert job.box_ids == (11, 12)
    assert job.attempts == 1
    assert printer.printed == [(b"%PDF all 7 A9_HORIZONTALLY", "Packstation 7 labels 11,12", FMT)]
    assert [s.status for s in seen if s.id == job.id] == [
        JobStatus.QUEUED, JobStatus.QUEUED, JobStatus.PRINTING, JobStatus.DONE
    ]
    assert labels.recent() == [job]
    assert labels.jobs() == [job]
    assert audit.records == [("label_printed", 7, "labels boxes=11,12")]


@pytest.mark.asyncio
async def test_a_failed_print_stays_queued_with_its_pdf_and_retries_without_refetching() -> None:
    market, printer, audit = FakeMarket(), FakePrinter(failures=[OUT_OF_PAPER]), FakeAudit()
    labels = _job(market, printer, audit=audit)

    failed = await labels.print_order_labels(_order(), _boxes(11, 12))
    assert failed.status is JobStatus.FAILED
    assert failed.error is OUT_OF_PAPER
    assert failed.error.english() == "Out of labels. Load roll."
    assert failed.pdf == b"%PDF all 7 A9_HORIZONTALLY"
    assert labels.jobs() == [failed]

    done = await labels.retry(failed.id)
    assert done.id == failed.id
    assert done.status is JobStatus.DONE
    assert done.attempts == 2
    assert done.error is None
    assert [call[0] for call in market.calls] == ["labels_pdf"]  # the PDF was kept, not refetched
    assert len(printer.printed) == 1
    assert [r[0] for r in audit.records] == ["label_print_failed", "label_printed"]


@pytest.mark.asyncio
async def test_a_market_error_fails_the_job_and_retry_fetches_again() -> None:
    market = FakeMarket(fail_next=PackstationError(QT_TRANSLATE_NOOP("Tests", "The Market is unreachable.")))
    labels = _job(market, FakePrinter())
    failed = await labels.print_order_labels(_order(), _boxes(11))
    assert failed.status is JobStatus.FAILED
    assert failed.pdf is None
    assert failed.error is not None
    assert failed.error.en == "The Market is unreachable."
    done = await labels.retry(failed.id)
    assert done.status is JobStatus.DONE
    assert len(market.calls) == 2


@pytest.mark.asyncio
async def test_only_failed_jobs_can_be_retried() -> None:
    labels = _job(FakeMarket(), FakePrinter())
    done = await labels.print_order_labels(_order(), _boxes(11))
    with pytest.raises(PrintError):
        await labels.retry(done.id)
    with pytest.raises(PrintError):
        await labels.retry(999)


@pytest.mark.asyncio
async def test_retry_refuses_labels_of_a_replaced_layout() -> None:
    labels = _job(FakeMarket(), FakePrinter(failures=[OUT_OF_PAPER]))
    stale = await labels.print_order_labels(_order(), _boxes(11, 12))
    await labels.print_order_labels(_order(), _boxes(21))  # the layout was re-sent
    with pytest.raises(PrintError, match="out of date"):
        await labels.retry(stale.id)


@pytest.mark.asyncio
async def test_reprint_one_box_fetches_only_that_label() -> None:
    market, printer = FakeMarket(), FakePrinter()
    labels = _job(market, printer)
    await labels.print_order_labels(_order(), _boxes(11, 12))
    job = await labels.reprint_box(7, 12)
    assert job.kind is JobKind.REPRINT
    assert job.status is JobStatus.DONE
    assert job.box_ids == (12,)
    assert printer.printed[-1][0] == b"%PDF box 7 12 A9_HORIZONTALLY"
    assert labels.recent()[0].kind is JobKind.LABELS  # the drawer still shows the whole order


@pytest.mark.asyncio
async def test_reprint_refuses_a_box_of_an_old_layout() -> None:
    labels = _job(FakeMarket(), FakePrinter())
    await labels.print_order_labels(_order(), _boxes(11, 12))
    await labels.print_order_labels(_order(), _boxes(21, 22))
    with pytest.raises(PrintError) as caught:
        await labels.reprint_box(7, 11)
    assert "11" in russian(caught.value.text)
    assert "11" in caught.value.en


@pytest.mark.asyncio
async def test_reprint_by_scanned_box_label_number() -> None:
    market, printer = FakeMarket(), FakePrinter()
    labels = _job(market, printer)
    await labels.print_order_labels(_order(), _boxes(11, 12))
    assert labels.can_reprint(7, 2)
    job = await labels.reprint_box_no(7, 2)  # the packer scanned "7-2"
    assert job.box_ids == (12,)
    for order_id, box_no in ((7, 3), (7, 0), (8, 1)):
        assert not labels.can_reprint(order_id, box_no)
        with pytest.raises(PrintError):
            await labels.reprint_box_no(order_id, box_no)


@pytest.mark.asyncio
async def test_recent_keeps_the_last_n_orders_newest_first() -> None:
    labels = _job(FakeMarket(), FakePrinter(), recent_limit=2)
    for order_id in (1, 2, 3):
        await labels.print_order_labels(_order(order_id), _boxes(order_id * 10))
    await labels.print_order_labels(_order(2), _boxes(99))  # order 2 again, new layout
    assert [(job.order_id, job.box_ids) for job in labels.recent()] == [(2, (99,)), (3, (30,))]
    assert not labels.can_reprint(1, 1)
    with pytest.raises(PrintError):
        await labels.reprint_box_no(1, 1)  # fell out of the drawer


@pytest.mark.asyncio
async def test_render_from_data_uses_the_renderer_and_filters_reprints() -> None:
    market, printer = FakeMarket(), FakePrinter()
    drawn: list[tuple[tuple[int, ...], LabelFormat]] = []

    def render(data: OrderLabels, fmt: LabelFormat) -> bytes:
        drawn.append((tuple(box.box_id for box in data.boxes), fmt))
        return b"%PDF drawn"

    labels = _job(market, printer, render_from_data=True, label_renderer=render)
    await labels.print_order_labels(_order(), _boxes(11, 12))
    await labels.reprint_box(7, 12)
    assert drawn == [((11, 12), FMT), ((12,), FMT)]
    assert [call[0] for call in market.calls] == ["labels_data", "labels_data"]
    assert [p[0] for p in printer.printed] == [b"%PDF drawn", b"%PDF drawn"]


@pytest.mark.asyncio
async def test_render_from_data_without_a_renderer_fails_the_job_clearly() -> None:
    labels = _job(FakeMarket(), FakePrinter(), render_from_data=True)
    job = await labels.print_order_labels(_order(), _boxes(11))
    assert job.status is JobStatus.FAILED
    assert job.error is not None
    assert "label data" in job.error.en


@pytest.mark.asyncio
async def test_packing_slips_go_to_the_documents_printer() -> None:
    printer, documents = FakePrinter(), FakePrinter()

    def slips(order: Order, boxes: tuple[StoredBox, ...]) -> bytes:
        return f"%PDF slip {order.id} {len(boxes)}".encode()

    labels = _job(FakeMarket(), printer, document_printer=documents, slip_renderer=slips)
    await labels.print_order_labels(_order(), _boxes(11, 12))
    assert documents.printed == [(b"%PDF slip 7 2", "Packstation 7 slip 11,12", LabelFormat.A4)]
    assert [job.kind for job in labels.jobs()] == [JobKind.LABELS, JobKind.SLIP]
    assert len(printer.printed) == 1


@pytest.mark.asyncio
async def test_a_broken_subscriber_does_not_stop_printing() -> None:
    labels = _job(FakeMarket(), FakePrinter())

    def broken(job: PrintJob) -> None:
        raise RuntimeError("view gone")

    labels.subscribe(broken)
    job = await labels.print_order_labels(_order(), _boxes(11))
    assert job.status is JobStatus.DONE


@pytest.mark.asyncio
async def test_an_unexpected_printer_bug_fails_the_job_and_propagates() -> None:
    class Exploding:
        async def print_pdf(self, pdf: bytes, *, title: str, fmt: LabelFormat) -> None:
            raise ZeroDivisionError

    labels = LabelJob(FakeMarket(), Exploding(), fmt=FMT)  # type: ignore[arg-type]
    with pytest.raises(ZeroDivisionError):
        await labels.print_order_labels(_order(), _boxes(11))
    (job,) = labels.jobs()
    assert job.status is JobStatus.FAILED
    assert job.pdf is not None
    assert job.error is not None


@pytest.mark.asyncio
async def test_a_new_layout_voids_the_orders_earlier_labels_and_reprints_but_not_other_orders() -> None:
    labels = _job(FakeMarket(), FakePrinter())
    first = await labels.print_order_labels(_order(), _boxes(11))
    reprint = await labels.reprint_box(7, 11)
    other = await labels.print_order_labels(_order(8), _boxes(21))
    again = await labels.print_order_labels(_order(), _boxes(11))  # Reprint: the same boxes
    assert not labels.job(first.id).void  # a reprint of the same boxes voids nothing

    new = await labels.print_order_labels(_order(), _boxes(12, 13))

    assert [labels.job(j.id).void_by for j in (first, reprint, again)] == [new.id] * 3
    assert not labels.job(new.id).void
    assert not labels.job(other.id).void
    assert labels.job(first.id).status is JobStatus.DONE  # it did print: void is about the boxes


@pytest.mark.asyncio
async def test_a_void_failed_job_cannot_be_retried() -> None:
    labels = _job(FakeMarket(), FakePrinter(failures=[OUT_OF_PAPER]))
    failed = await labels.print_order_labels(_order(), _boxes(11))
    await labels.print_order_labels(_order(), _boxes(12, 13))
    with pytest.raises(PrintError):
        await labels.retry(failed.id)


@pytest.mark.asyncio
async def test_kept_labels_follow_the_markets_new_box_ids_for_reprints() -> None:
    market = FakeMarket()
    labels = _job(market, FakePrinter())
    first = await labels.print_order_labels(_order(), _boxes(11, 12))

    labels.keep_labels(7, _boxes(31, 32))

    assert labels.current_boxes(7) == (31, 32)
    assert len(labels.jobs()) == 1  # nothing printed
    assert not labels.job(first.id).void
    job = await labels.reprint_box_no(7, 2)
    assert job.box_ids == (32,)
    labels.keep_labels(9, _boxes(41))  # an order never printed here: nothing to follow
    assert labels.current_boxes(9) == ()
