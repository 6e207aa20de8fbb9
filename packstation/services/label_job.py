"""The print queue for shipping labels and packing slips: fetch, print, remember, retry, reprint.

Qt-free: it talks to the Market through `MarketPort` and to printers through `LabelPrinterPort`;
the views subscribe to job changes. A job that fails stays in the queue as FAILED with the error
(Russian and English, with what to do) and keeps its PDF, so a retry never asks the Market again.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from packstation.domain.errors import PackstationError, PrintError
from packstation.domain.labels import LabelFormat, OrderLabels
from packstation.domain.layout import StoredBox
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import Order
from packstation.domain.time import SystemClock
from packstation.services.ports import AuditPort, Clock, LabelPrinterPort, MarketPort

log = logging.getLogger("packstation.print")

LabelRenderer = Callable[[OrderLabels, LabelFormat], bytes]
"""Draws label PDFs from the Market's labels data (`printing.label_render.render_labels`)."""
SlipRenderer = Callable[[Order, tuple[StoredBox, ...]], bytes]
"""Draws the packing slips of an order's boxes (`printing.packing_slip.render_packing_slips`)."""


class JobStatus(StrEnum):
    QUEUED = "queued"
    PRINTING = "printing"
    DONE = "done"
    FAILED = "failed"


class JobKind(StrEnum):
    LABELS = "labels"  # every box label of an order
    REPRINT = "reprint"  # one box label again
    SLIP = "slip"  # packing slips, on the documents printer


@dataclass(frozen=True, slots=True)
class PrintJob:
    """One queued print, as of its last change (the queue replaces it on every change)."""

    id: int
    kind: JobKind
    order_id: int
    box_ids: tuple[int, ...]
    fmt: LabelFormat
    created_at: datetime
    status: JobStatus = JobStatus.QUEUED
    pdf: bytes | None = field(default=None, repr=False)
    error: PackstationError | None = None
    attempts: int = 0
    finished_at: datetime | None = None
    void_by: int | None = None  # the labels job that replaced these labels (a new layout)

    @property
    def void(self) -> bool:
        """These labels no longer belong to the order's boxes: peel them off, do not use them."""
        return self.void_by is not None

    @property
    def title(self) -> str:
        """The spooler's job name: order, kind and boxes, readable in any printer queue."""
        boxes = ",".join(str(box) for box in self.box_ids)
        return f"Packstation {self.order_id} {self.kind.value} {boxes}"


class LabelJob:
    """Prints an order's box labels (and optional packing slips) and keeps the print queue.

    Args:
        market: Where label PDFs and label data come from.
        printer: The shipping-label printer.
        fmt: The label format asked from the Market (the printer's media).
        recent_limit: How many recent orders the reprint drawer offers.
        render_from_data: Draw labels from the labels data with `label_renderer` instead of
            printing the Market's PDF (for drivers that mangle PDFs).
        label_renderer: Required when `render_from_data` is on.
        document_printer: The documents printer; packing slips print when it and
            `slip_renderer` are given.
        slip_renderer: Draws packing slips.
        document_format: The documents printer's page.
        audit: Records printed and failed jobs.
        clock: The time source (UTC).
    """

    def __init__(
        self,
        market: MarketPort,
        printer: LabelPrinterPort,
        *,
        fmt: LabelFormat,
        recent_limit: int = 20,
        render_from_data: bool = False,
        label_renderer: LabelRenderer | None = None,
        document_printer: LabelPrinterPort | None = None,
        slip_renderer: SlipRenderer | None = None,
        document_format: LabelFormat = LabelFormat.A4,
        audit: AuditPort | None = None,
        clock: Clock | None = None,
    ) -> None:
        self._market = market
        self.printer = printer
        self.fmt = fmt
        self.recent_limit = recent_limit
        self.render_from_data = render_from_data
        self._label_renderer = label_renderer
        self.document_printer = document_printer
        self._slip_renderer = slip_renderer
        self.document_format = document_format
        self._audit = audit
        self._clock: Clock = clock or SystemClock()
        self._ids = itertools.count(1)
        self._jobs: dict[int, PrintJob] = {}
        # The latest layout printed per order, newest last: what a reprint may still address.
        self._layouts: OrderedDict[int, tuple[int, ...]] = OrderedDict()
        self._latest_labels: dict[int, int] = {}  # order id -> id of its latest LABELS job
        self._slip_sources: dict[int, tuple[Order, tuple[StoredBox, ...]]] = {}  # slip job id -> content
        self._subscribers: list[Callable[[PrintJob], None]] = []
        self._spool = asyncio.Lock()  # jobs reach the printer one at a time, in order

    # -- the contract -------------------------------------------------------------------------

    async def print_order_labels(self, order: Order, boxes: tuple[StoredBox, ...]) -> PrintJob:
        """Fetch and print one label per box, then the packing slips if enabled.

        A new layout for the same order replaces the previous one: older box labels can no
        longer be reprinted (their box ids are gone on the Market), and the order's earlier
        jobs are marked void (`PrintJob.void_by`).

        Returns:
            The labels job, DONE or FAILED (with `error`); it never raises `PackstationError`.
        """
        box_ids = tuple(box.box_id for box in boxes)
        job = self._new(JobKind.LABELS, order.id, box_ids, self.fmt)
        # Layout and drawer entry change together, before anyone hears of the new job.
        # A new layout voids the order's earlier labels; a reprint of the same boxes voids nothing.
        replaced = self._layouts.get(order.id, box_ids) != box_ids
        self._remember_layout(order.id, box_ids)
        self._latest_labels[order.id] = job.id
        if replaced:
            self._void_earlier(order.id, job.id)
        job = await self._run(self._store(job))
        if self.document_printer is not None and self._slip_renderer is not None:
            slip = self._add(JobKind.SLIP, order.id, box_ids, self.document_format)
            self._slip_sources[slip.id] = (order, boxes)
            await self._run(slip)
        return job

    def keep_labels(self, order_id: int, boxes: tuple[StoredBox, ...]) -> None:
        """The Market renumbered the order's boxes but they hold what the printed labels say:
        the labels stay valid, nothing prints, and reprints address the new box ids."""
        if order_id in self._layouts:
            self._remember_layout(order_id, tuple(box.box_id for box in boxes))

    def current_boxes(self, order_id: int) -> tuple[int, ...]:
        """The box ids of the order's latest layout printed here (empty: none)."""
        return self._layouts.get(order_id, ())

    async def reprint_box(self, order_id: int, box_id: int) -> PrintJob:
        """Print one box label again (a fresh PDF from the Market, or drawn from its data).

        Raises:
            PrintError: The box is not in the order's latest printed layout.
        """
        layout = self._layouts.get(order_id)
        if layout is not None and box_id not in layout:
            raise PrintError(
                QT_TRANSLATE_NOOP("LabelJob", "Box %1 is no longer in the layout of order %2.")(
                    box_id, order_id
                ),
                hint=QT_TRANSLATE_NOOP("LabelJob", "The layout changed: print the order's labels again."),
            )
        return await self._run(self._add(JobKind.REPRINT, order_id, (box_id,), self.fmt))

    def can_reprint(self, order_id: int, box_no: int) -> bool:
        """Whether this station printed box label `<order_id>-<box_no>` (1-based) of a recent order."""
        layout = self._layouts.get(order_id)
        return layout is not None and 1 <= box_no <= len(layout)

    async def reprint_box_no(self, order_id: int, box_no: int) -> PrintJob:
        """Reprint the `box_no`-th box (1-based) of a recent order: a scanned `<orderId>-<n>` label.

        Raises:
            PrintError: The order is not among the recent ones or has no such box.
        """
        layout = self._layouts.get(order_id)
        if layout is None or not self.can_reprint(order_id, box_no):
            raise PrintError(
                QT_TRANSLATE_NOOP("LabelJob", "Label %1-%2 is not among the recent orders.")(
                    order_id, box_no
                ),
                hint=QT_TRANSLATE_NOOP("LabelJob", "Open the order and print its labels from there."),
            )
        return await self.reprint_box(order_id, layout[box_no - 1])

    async def retry(self, job_id: int) -> PrintJob:
        """Run a FAILED job again, reusing its PDF if it was already fetched.

        Raises:
            PrintError: No such job, it has not failed, or its order's layout has changed since.
        """
        job = self._jobs.get(job_id)
        if job is None or job.status is not JobStatus.FAILED:
            raise PrintError(QT_TRANSLATE_NOOP("LabelJob", "Only a failed job can be retried."))
        if job.void or (job.kind is JobKind.LABELS and self._layouts.get(job.order_id) != job.box_ids):
            raise PrintError(
                QT_TRANSLATE_NOOP(
                    "LabelJob", "The layout of order %1 changed; these labels are out of date."
                )(job.order_id),
                hint=QT_TRANSLATE_NOOP("LabelJob", "Print the order's labels again."),
            )
        return await self._run(self._store(replace(job, status=JobStatus.QUEUED, error=None)))

    def recent(self) -> list[PrintJob]:
        """The latest labels job of each of the last `recent_limit` orders, newest first."""
        orders = list(self._layouts)[-self.recent_limit :]
        latest = (self._latest_labels.get(order_id) for order_id in reversed(orders))
        return [self._jobs[job_id] for job_id in latest if job_id in self._jobs]

    def jobs(self) -> list[PrintJob]:
        """Every job of this session, oldest first."""
        return list(self._jobs.values())

    def subscribe(self, callback: Callable[[PrintJob], None]) -> None:
        """Call `callback(job)` with every new state of every job."""
        self._subscribers.append(callback)

    def job(self, job_id: int) -> PrintJob:
        """The current state of one job (KeyError if unknown)."""
        return self._jobs[job_id]

    # -- the queue ----------------------------------------------------------------------------

    def _new(self, kind: JobKind, order_id: int, box_ids: tuple[int, ...], fmt: LabelFormat) -> PrintJob:
        return PrintJob(next(self._ids), kind, order_id, box_ids, fmt, created_at=self._clock.now())

    def _add(self, kind: JobKind, order_id: int, box_ids: tuple[int, ...], fmt: LabelFormat) -> PrintJob:
        return self._store(self._new(kind, order_id, box_ids, fmt))

    def _store(self, job: PrintJob) -> PrintJob:
        self._jobs[job.id] = job
        for callback in list(self._subscribers):
            try:
                callback(job)
            except Exception:  # a broken view must not stop printing
                log.exception("print queue subscriber failed")
        return job

    def _void_earlier(self, order_id: int, by: int) -> None:
        """Mark the order's earlier jobs (labels, reprints, packing slips) void: job `by` prints
        their successors."""
        for job in list(self._jobs.values()):
            if job.order_id == order_id and job.id != by and not job.void:
                self._store(replace(job, void_by=by))

    def _remember_layout(self, order_id: int, box_ids: tuple[int, ...]) -> None:
        self._layouts.pop(order_id, None)
        self._layouts[order_id] = box_ids
        while len(self._layouts) > max(self.recent_limit, 1):
            forgotten, _ = self._layouts.popitem(last=False)
            self._latest_labels.pop(forgotten, None)

    async def _run(self, job: PrintJob) -> PrintJob:
        try:
            if job.pdf is None:
                job = self._store(replace(job, pdf=await self._fetch(job)))
            async with self._spool:
                job = self._store(replace(job, status=JobStatus.PRINTING, attempts=job.attempts + 1))
                printer = self.document_printer if job.kind is JobKind.SLIP else self.printer
                assert printer is not None  # slips are only queued with a documents printer
                assert job.pdf is not None
                await printer.print_pdf(job.pdf, title=job.title, fmt=job.fmt)
        except PackstationError as error:
            log.warning("print job %d failed: %s", job.id, error)
            now = self._clock.now()
            failed = self._store(replace(job, status=JobStatus.FAILED, error=error, finished_at=now))
            self._record("label_print_failed", failed)
            return failed
        except Exception:
            now = self._clock.now()
            self._store(replace(job, status=JobStatus.FAILED, error=_unexpected(), finished_at=now))
            raise
        done = self._store(replace(job, status=JobStatus.DONE, finished_at=self._clock.now()))
        self._record("label_printed", done)
        return done

    async def _fetch(self, job: PrintJob) -> bytes:
        if job.kind is JobKind.SLIP:
            assert self._slip_renderer is not None  # slips are only queued with a renderer
            order, boxes = self._slip_sources[job.id]
            return await asyncio.to_thread(self._slip_renderer, order, boxes)
        if self.render_from_data:
            if self._label_renderer is None:
                raise PrintError(
                    QT_TRANSLATE_NOOP("LabelJob", "Rendering labels from label data is not available."),
                    hint=QT_TRANSLATE_NOOP("LabelJob", "Turn this option off in the print settings."),
                )
            data = await self._market.labels_data(job.order_id)
            if job.kind is JobKind.REPRINT:
                data = replace(data, boxes=tuple(box for box in data.boxes if box.box_id in job.box_ids))
                if not data.boxes:
                    raise _box_unknown(job)
            return await asyncio.to_thread(self._label_renderer, data, job.fmt)
        if job.kind is JobKind.REPRINT:
            return await self._market.box_label_pdf(job.order_id, job.box_ids[0], job.fmt)
        return await self._market.labels_pdf(job.order_id, job.fmt)

    def attach_audit(self, audit: AuditPort) -> None:
        """Record printed and failed jobs from now on (the store opens after the job is built)."""
        self._audit = audit

    def _record(self, action: str, job: PrintJob) -> None:
        if self._audit is not None:
            boxes = ",".join(str(box) for box in job.box_ids)
            self._audit.record(action, order_id=job.order_id, detail=f"{job.kind.value} boxes={boxes}")


def _box_unknown(job: PrintJob) -> PrintError:
    return PrintError(
        QT_TRANSLATE_NOOP("LabelJob", "The Market returned no label data for box %1 of order %2.")(
            job.box_ids[0], job.order_id
        ),
        hint=QT_TRANSLATE_NOOP(
            "LabelJob", "The layout may have changed: open the order and print its labels again."
        ),
    )


def _unexpected() -> PrintError:
    return PrintError(
        QT_TRANSLATE_NOOP("LabelJob", "Internal printing error."),
        hint=QT_TRANSLATE_NOOP("LabelJob", "Press Retry; if that does not help, restart the application."),
    )
