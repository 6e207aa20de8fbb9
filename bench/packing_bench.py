"""Benchmark: the packing workspace (issue 6 speed targets).

1. Scan -> visible feedback, in-process: 10,000 scans through `PackingDesk.handle_scan` (item
   barcodes and UNDO commands alternating, so the order never fills up). Two times per scan:
   to the feedback on the screen (the desk paints and flushes the feedback line inside the scan,
   before the rest of the view follows it: `PackingView.feedback_first`), and to everything
   the scan changed painted: what the app's event loop does next (`--paint loop`, the default),
   the views' pending layouts and the banner, both lists and buttons painted onto the window;
   p50/p99/p99.9/max in ms. `--paint forced` instead repaints the feedback line and the whole
   boxes view synchronously (not the items list: an upper bound for one list, a lower one for
   the screen). The
   process holds what the app holds while packing: a 3,000-order list (queue, model and shown
   table) and the session records every scan in a real SQLite journal. Every garbage collection
   is recorded (`--gc policy` is the app's policy, `--gc default` Python's defaults without the
   start-up warm-up). Targets (issue 19): the feedback on the screen p99 < 2 ms, max < 16 ms
   (one frame); everything painted max < 16 ms too (its p99 is printed against 2 ms as well).
2. A 3-item order packed end to end against the sandbox served by uvicorn over loopback HTTP,
   `--runs` times: open (read the order and its offers), scan every unit, submit right after the
   last one (box layout, labels, READY_TO_SHIP) with the labels printed through a private cupsd
   (a raw queue to a fake 9100 printer, tests/fixtures/cups.py). Prints the time from the scan of
   the last unit to the label job on the printer and to READY_TO_SHIP at the Market, and every
   Market call made (target, issue 19: the API minimum plus the verification polls the Market's
   timing needs).

With `--pace MS`, the event loop idles MS ms before each timed scan (untimed, garbage collections
then not counted), as at a desk where the packer reaches for the next item between scans: back to
back, a scan finds the caches warm from the one before; after a pause of more than a few ms (on
this VM) it finds them cold and takes about twice as long, which is what a packer's scans meet.

With `--video`, the packing video records the whole time (the generated camera at 10 fps into
the H.264 encoder thread, as at a desk with a camera), so the percentiles show what recording costs.

Usage: QT_QPA_PLATFORM=offscreen python3 bench/packing_bench.py [--scans 10000] [--orders 3000]
       [--gc policy|default] [--paint loop|forced] [--pace MS] [--video] [--runs 5] [--no-end-to-end]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PACKSTATION_NO_SOUND", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx
from gc_watch import GcWatch, apply, percentiles
from order_list_bench import NOW, FixedClock, MemoryMarket, make_orders
from PySide6.QtCore import QEvent, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from packstation.sandbox import codes
from packstation.sandbox.app import create_app
from packstation.sandbox.config import SandboxConfig
from packstation.services.code_guard import CodeGuard
from packstation.services.order_queue import OrderQueue
from packstation.storage.local_store import open_local_store
from packstation.ui.order_list_model import OrderListModel
from packstation.ui.order_list_view import OrderListView
from packstation.ui.packing_view import PREPARE_AFTER_MS
from tests.fixtures.cups import FakeLabelPrinter
from tests.fixtures.sandbox import serve_in_thread, stop_server
from tests.ui.packing_support import open_desk


class CountingTransport(httpx.AsyncHTTPTransport):
    """A real loopback transport that records each request's method and path."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(f"{request.method} {request.url.path}")
        return await super().handle_async_request(request)


TARGET_P99_MS = 2.0
TARGET_MAX_MS = 16.0


class TimedJournal:
    """The real SQLite journal, with the time its writes take: a scan's line and code-index change
    commit in one `atomic()` transaction, so that whole block (COMMIT included) is timed."""

    def __init__(self, journal: Any) -> None:
        self._journal = journal
        self.spent = 0.0
        self._inside = False

    def append(self, order_id: int, action: Any) -> int:
        if self._inside:
            return int(self._journal.append(order_id, action))
        start = time.perf_counter()
        try:
            return int(self._journal.append(order_id, action))
        finally:
            self.spent += time.perf_counter() - start

    @contextlib.contextmanager
    def atomic(self) -> Iterator[object]:
        start = time.perf_counter()
        self._inside = True
        try:
            with self._journal.atomic() as inner:
                yield inner
        finally:
            self._inside = False
            self.spent += time.perf_counter() - start

    def __getattr__(self, name: str) -> Any:
        return getattr(self._journal, name)


@dataclass
class ScanTimes:
    """Per timed scan, in ms: to the feedback on the screen (`PackingView.feedback_first`: the
    feedback line painted and flushed, the rest of the view still waiting), and to everything the
    scan changed painted (the lists too), wall and GUI-thread CPU; and the journal's commit."""

    shown: list[float] = field(default_factory=list)
    shown_cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    journal: list[float] = field(default_factory=list)


def _timed_scan(desk: Any, text: str, journal: TimedJournal, paint: str, into: ScanTimes) -> None:
    """One scan and what the event loop then paints (`paint`), its times appended to `into`; a
    refused scan stops the bench."""
    qt = QApplication.instance()
    view = desk.view
    journal.spent = 0.0
    shown: list[tuple[float, float]] = []
    paint_now = view.paint_feedback_now

    def timed_paint() -> None:
        paint_now()
        shown.append((time.perf_counter(), time.thread_time()))

    view.paint_feedback_now = timed_paint
    start, start_cpu = time.perf_counter(), time.thread_time()
    desk.scan(text)
    if paint == "loop" and qt is not None:
        # Twice: a layout the first pass runs (a delayed item layout, a timer of 0 ms) may post
        # its repaint for the loop's next turn, still part of what the scan shows.
        qt.processEvents()
        qt.processEvents()
    else:
        desk.view.feedback.repaint()
        desk.view.boxes.viewport().repaint()
    end, end_cpu = time.perf_counter(), time.thread_time()
    del view.paint_feedback_now
    if len(shown) != 1:
        raise RuntimeError(f"scan of {text!r}: its feedback was painted {len(shown)} times, not once")
    into.shown.append((shown[0][0] - start) * 1000)
    into.shown_cpu.append((shown[0][1] - start_cpu) * 1000)
    into.wall.append((end - start) * 1000)
    into.cpu.append((end_cpu - start_cpu) * 1000)
    into.journal.append(journal.spent * 1000)
    if not desk.view.feedback.text().startswith("✔"):
        raise RuntimeError(f"scan of {text!r} was refused: {desk.view.feedback.text()}")


def _paced(watch: GcWatch, pace_ms: int) -> None:
    """Untimed: the event loop idles `pace_ms` ms as the app's does between two scans (waiting
    for input, running its timers); collections meanwhile are not the scans'."""
    if pace_ms <= 0:
        return
    watch.active = False
    idle = QEventLoop()
    QTimer.singleShot(pace_ms, idle.quit)
    idle.exec()
    watch.active = True


async def _listed_orders_and_journal(
    orders: int,
) -> tuple[OrderListView, tempfile.TemporaryDirectory[str], Any, TimedJournal]:
    """What the app holds while packing: the order list shown (`orders` orders) and a real
    SQLite journal (its store and folder to close and clean up afterwards)."""
    queue = OrderQueue(MemoryMarket(make_orders(orders)), FixedClock())  # type: ignore[arg-type]
    await queue.refresh()
    order_list = OrderListView(OrderListModel(queue, now=lambda: NOW))
    order_list.resize(1100, 700)
    order_list.show()
    data_dir = tempfile.TemporaryDirectory(prefix="packing-bench-")
    store = open_local_store(Path(data_dir.name))
    journal = TimedJournal(store.journal)
    return order_list, data_dir, store, journal


async def scan_latency(
    scans: int, orders: int, gc_mode: str, video_dir: Path | None = None, paint: str = "loop",
    *, pace_ms: int = 0,
) -> tuple[ScanTimes, GcWatch]:
    order_list, data_dir, store, journal = await _listed_orders_and_journal(orders)
    app = create_app(SandboxConfig(seed=1))
    desk = await open_desk(app, (("MUG-300", 2), ("BOOK-WP", 1), ("CHARGER-65", 1)), journal=journal)
    # As in the app, the opened order's view is on screen (laid out, painted) before its first scan.
    qt = QApplication.instance()
    handle = desk.view.window().windowHandle()
    while qt is not None and handle is not None and not handle.isExposed():
        qt.processEvents()
    if qt is not None:
        qt.processEvents()
    watch = GcWatch()
    recording = _record(video_dir, desk.order.id) if video_dir is not None else None
    try:
        barcodes = [line.barcodes[0] for line in desk.order.lines]
        times = ScanTimes()
        apply(gc_mode)  # the app does this once its window shows the orders
        watch.active = True
        for i in range(scans):
            text = barcodes[(i // 2) % len(barcodes)] if i % 2 == 0 else "PS:UNDO"
            _paced(watch, pace_ms)
            _timed_scan(desk, text, journal, paint, times)
        watch.active = False
        return times, watch
    finally:
        if recording is not None:
            recording()
        await desk.close()
        store.close()
        data_dir.cleanup()
        order_list.deleteLater()


# Small orders as a day brings them (the sandbox's plain goods): 1-4 units, and a business
# order of 20; each is packed whole, so every scan shows texts of its own order's state.
STREAM = (
    (("MUG-300", 1),),
    (("BOOK-WP", 2),),
    (("PENCILS-24", 1), ("MUG-300", 2), ("CASE-PHONE", 1)),
    (("CHARGER-65", 1), ("POWERBANK-10", 1)),
    (("POWERBANK-10", 10), ("CHARGER-65", 10)),
)


def _shown(desk: Any) -> None:
    """Untimed, after an order opened: its view on screen, then the loop's turns until the view
    has prepared the rows of the first scan (`PREPARE_AFTER_MS` after its first frame), as in the
    app before the packer scans (a second or more after the order opened): the new view's
    layouts settle (one that changed asks its parent's in the next turn); else the first scan
    runs what the opening left."""
    qt = QApplication.instance()
    if qt is None:
        return
    handle = desk.view.window().windowHandle()
    while handle is not None and not handle.isExposed():
        qt.processEvents()
    until = time.perf_counter() + PREPARE_AFTER_MS / 1000 + 0.005
    while time.perf_counter() < until:
        qt.processEvents()
        time.sleep(0.001)
    for _ in range(3):
        qt.processEvents()


async def _closed(desk: Any) -> None:
    """Untimed: the order closed, and its view deleted as the app's event loop deletes it
    (deleteLater; processEvents alone never does, and 1,700 kept views would make the heap, and
    its collections, grow)."""
    await desk.close()
    qt = QApplication.instance()
    if qt is not None:
        qt.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qt.processEvents()


async def stream_latency(
    scans: int, orders: int, gc_mode: str, paint: str = "loop", *, pace_ms: int = 0
) -> tuple[ScanTimes, GcWatch]:
    """Scan -> feedback while packing a stream of small orders one after another, each in its own
    packing view as the app opens them (untimed: opening, closing): every unit scanned once,
    nothing undone, so no two scans of an order show the same texts."""
    order_list, data_dir, store, journal = await _listed_orders_and_journal(orders)
    # Hundreds of orders opened in a minute: beyond the Market's quota for reading them, which
    # the bench does not measure.
    app = create_app(SandboxConfig(seed=1, quotas=False))
    watch = GcWatch()
    times = ScanTimes()
    apply(gc_mode)
    try:
        packed = 0
        while len(times.wall) < scans:
            desk = await open_desk(app, STREAM[packed % len(STREAM)], journal=journal)
            packed += 1
            _shown(desk)
            units = [line.barcodes[0] for line in desk.order.lines for _ in range(line.count)]
            watch.active = True
            for text in units[: scans - len(times.wall)]:
                _paced(watch, pace_ms)
                _timed_scan(desk, text, journal, paint, times)
            watch.active = False
            await _closed(desk)
        return times, watch
    finally:
        watch.active = False
        store.close()
        data_dir.cleanup()
        order_list.deleteLater()


# Orders of goods marked with Chestny Znak codes (shoes, clothing): 1, 2 and 4 units, and a
# business order of 20; the packer scans each unit's item barcode, then its DataMatrix code.
CODED: tuple[tuple[tuple[tuple[str, int], ...], str], ...] = (
    ((("SHOE-RUN-43", 1),), "PERSON"),
    ((("TSHIRT-M", 2),), "PERSON"),
    ((("SHOE-WIN-38", 1), ("TSHIRT-M", 2), ("JACKET-L", 1)), "PERSON"),
    ((("TSHIRT-M", 10), ("JACKET-L", 10)), "BUSINESS"),
)


def _coded_scans(desk: Any, rng: random.Random) -> list[tuple[str, bool]]:
    """What the packer scans for each unit of the desk's order: its item barcode, then a new
    valid CIS code (GS separators included) of its product (True: a code)."""
    products = {line.id: line.product for line in desk.market_order.lines}
    scans: list[tuple[str, bool]] = []
    for line in desk.order.lines:
        product = products[line.id]
        shape = product.cis_shape
        if shape is None:
            raise RuntimeError(f"{product.offer_id} takes no Chestny Znak code")
        for _ in range(line.count):
            scans.append((line.barcodes[0], False))
            scans.append((codes.make_cis(rng, product.gtin14, shape.serial_len, shape.short_tail), True))
    return scans


async def coded_latency(
    scans: int, orders: int, gc_mode: str, paint: str = "loop", *, pace_ms: int = 0
) -> tuple[ScanTimes, GcWatch, list[bool]]:
    """Scan -> feedback while packing a stream of orders of marked goods, each in its own packing
    view (untimed: opening, closing), the station's duplicate-code guard on its SQLite index as
    in the app: per unit its item barcode, then its code. Also says which scans were codes."""
    order_list, data_dir, store, journal = await _listed_orders_and_journal(orders)
    app = create_app(SandboxConfig(seed=1, quotas=False))
    watch = GcWatch()
    rng = random.Random("coded-bench")
    times = ScanTimes()
    is_code: list[bool] = []
    apply(gc_mode)
    try:
        packed = 0
        while len(times.wall) < scans:
            offers, buyer = CODED[packed % len(CODED)]
            desk = await open_desk(
                app, offers, buyer_type=buyer, journal=journal, guard=CodeGuard(store.codes)
            )
            packed += 1
            _shown(desk)
            watch.active = True
            for text, code in _coded_scans(desk, rng)[: scans - len(times.wall)]:
                _paced(watch, pace_ms)
                _timed_scan(desk, text, journal, paint, times)
                is_code.append(code)
            watch.active = False
            await _closed(desk)
        return times, watch, is_code
    finally:
        watch.active = False
        store.close()
        data_dir.cleanup()
        order_list.deleteLater()


def _record(folder: Path, order_id: int) -> Callable[[], None]:
    """Record the packing video while the scans run; returns what stops it (and reports it)."""
    from datetime import UTC, datetime

    from packstation.devices.camera import TestPatternCamera
    from packstation.devices.video_recorder import ClipRecorder

    recorder = ClipRecorder()
    camera = TestPatternCamera(recorder.push, fps=recorder.fmt.fps)
    camera.start()
    path = folder / f"{order_id}.mp4"
    started = time.perf_counter()
    recorder.start(path, order_id, f"Заказ {order_id}", datetime.now(UTC))

    def stop() -> None:
        camera.stop()
        recorder.close()
        seconds = time.perf_counter() - started
        size = path.stat().st_size
        print(f"recording on: {camera.frames} frames in {seconds:.1f} s, {size / 1e3:.0f} kB "
              f"({size * 8 / seconds / 1e3:.0f} kbit/s, {size / seconds * 3600 / 1e6:.0f} MB/h)")

    return stop


@dataclass
class WholeOrder:
    """One 3-item order packed end to end: the times from the scan of its last unit, the calls."""

    to_labels_s: float  # the label job reached the (fake 9100) printer behind the CUPS queue
    to_ready_s: float  # the Market has the order READY_TO_SHIP
    opening: list[str]  # the Market calls made to open the order
    calls: list[str]  # those made from the last unit's scan on
    state: str
    label_bytes: int


async def whole_order(cups_queue: str, printer: FakeLabelPrinter) -> WholeOrder:
    """Open a 3-item order, scan every unit and submit right after the last one (as the packer's
    "submit" scan or auto-submit does), the labels printed on `cups_queue`; the sandbox answers
    over loopback HTTP (uvicorn)."""
    from packstation.domain.labels import LabelFormat
    from packstation.domain.order import READY_TO_SHIP
    from packstation.domain.time import SystemClock
    from packstation.printing.config import PrinterProfile
    from packstation.printing.factory import make_printer
    from packstation.services.label_job import LabelJob

    app = create_app(SandboxConfig(seed=1))
    server, thread, url = serve_in_thread(app)
    transport = CountingTransport()
    try:
        with tempfile.TemporaryDirectory(prefix="packing-bench-labels-") as folder:
            device = make_printer(PrinterProfile(printer_name=cups_queue), Path(folder))
            desk = await open_desk(
                app, (("MUG-300", 1), ("BOOK-WP", 1), ("CHARGER-65", 1)), http=transport, base_url=url,
                labels=lambda market: LabelJob(
                    market, device, fmt=LabelFormat.A9_HORIZONTALLY, clock=SystemClock()
                ),
            )
            try:
                units = [line.barcodes[0] for line in desk.order.lines for _ in range(line.count)]
                for text in units[:-1]:
                    desk.scan(text)
                jobs_before, calls_before = len(printer.jobs), len(transport.calls)
                start = time.perf_counter()
                desk.scan(units[-1])
                submit = asyncio.ensure_future(desk.session.submit())
                to_labels = to_ready = None
                while to_labels is None or to_ready is None:
                    await asyncio.sleep(0.002)
                    now = time.perf_counter() - start
                    if to_labels is None and len(printer.jobs) > jobs_before:
                        to_labels = now
                    if to_ready is None and desk.market_order.substatus == READY_TO_SHIP:
                        to_ready = now
                    if now > 60:
                        raise RuntimeError(f"no labels or READY_TO_SHIP after 60 s: {transport.calls}")
                await submit
                state = f"{desk.market_order.status}/{desk.market_order.substatus}"
            finally:
                await desk.close()
        return WholeOrder(
            to_labels, to_ready, transport.calls[:calls_before], transport.calls[calls_before:], state,
            len(printer.jobs[-1]),
        )
    finally:
        stop_server(server, thread)


def _print_coded_kinds(times: ScanTimes, is_code: list[bool]) -> None:
    """The coded scenario's item-barcode and code scans apart."""
    for label, want in (("item barcode scans", False), ("code scans", True)):
        def kind(values: list[float], want: bool = want) -> list[float]:
            return [t for t, code in zip(values, is_code, strict=True) if code is want]

        print(f"  {label}: feedback on screen {percentiles(kind(times.shown))}; "
              f"everything painted {percentiles(kind(times.wall))}, CPU {percentiles(kind(times.cpu))}")


def _print_targets(times: ScanTimes) -> None:
    """The issue's targets: the feedback on the screen within p99 2 ms and max 16 ms (one frame);
    everything else the scan changed within one frame too (its p99 shown against 2 ms as well)."""
    own = [t - j for t, j in zip(times.wall, times.journal, strict=True)]
    checks = (
        ("feedback on screen, wall", times.shown, True),
        ("feedback on screen, CPU", times.shown_cpu, True),
        ("everything painted, wall", times.wall, False),
        ("everything painted, wall without the journal's commit", own, False),
        ("everything painted, CPU", times.cpu, False),
    )
    for label, values, feedback in checks:
        p99, worst = sorted(values)[int(len(values) * 0.99)], max(values)
        verdict = f"max < {TARGET_MAX_MS} ms: {'met' if worst < TARGET_MAX_MS else 'NOT met'}"
        quick = f"p99 < {TARGET_P99_MS} ms: {'met' if p99 < TARGET_P99_MS else 'NOT met'}"
        target = f"{quick}, {verdict}" if feedback else f"{verdict} (and {quick})"
        print(f"target, {label}: {target}")


async def main(
    scans: int,
    orders: int,
    gc_mode: str,
    *,
    end_to_end: bool,
    video: bool,
    runs: int,
    cups_root: Path,
    paint: str = "loop",
    scenario: str = "undo",
    pace_ms: int = 0,
) -> None:
    is_code: list[bool] = []
    if scenario == "stream":
        times, watch = await stream_latency(scans, orders, gc_mode, paint, pace_ms=pace_ms)
        what = f"small orders packed one after another ({len(STREAM)} kinds, 1-20 units)"
    elif scenario == "coded":
        times, watch, is_code = await coded_latency(scans, orders, gc_mode, paint, pace_ms=pace_ms)
        what = (f"orders of marked goods packed one after another ({len(CODED)} kinds, 1-20 units), "
                "item barcode then its Chestny Znak code per unit, duplicate-code guard on")
    else:
        with tempfile.TemporaryDirectory() as folder:
            times, watch = await scan_latency(
                scans, orders, gc_mode, Path(folder) if video else None, paint, pace_ms=pace_ms
            )
        what = "a 4-unit order, item scans and UNDO alternating"
    paced = f", {pace_ms} ms idle before each" if pace_ms > 0 else ", back to back"
    print(f"{len(times.wall)} scans{paced}, {what} ({orders} orders listed, SQLite journal on, "
          f"gc {gc_mode}, paint {paint}):")
    print(f"scan -> feedback on screen (the feedback line painted and flushed): "
          f"{percentiles(times.shown)}")
    print(f"  the GUI thread's CPU time to it: {percentiles(times.shown_cpu)}")
    print(f"scan -> everything painted (both lists too): {percentiles(times.wall)}")
    if scenario == "undo":
        # Item scans put a unit in a box (a row inserted) and undo scans take it out: the two
        # kinds differ in cost, so each is shown apart too.
        for label, kind in (("item scans", slice(0, None, 2)), ("undo scans", slice(1, None, 2))):
            print(f"  {label}: feedback on screen {percentiles(times.shown[kind])}; "
                  f"everything painted {percentiles(times.wall[kind])}")
    if scenario == "coded":
        _print_coded_kinds(times, is_code)
    # The journal commits each scan (WAL, synchronous=NORMAL: to the OS, synced by a worker thread
    # soon after) before the packer sees it: shown apart from the app's own work.
    print(f"  of which the journal's commit: {percentiles(times.journal)}")
    # Wall time also counts being preempted by other processes on a busy machine.
    print(f"  the GUI thread's CPU time per scan: {percentiles(times.cpu)}")
    print(watch.summary())
    slowest = sorted(range(len(times.wall)), key=times.wall.__getitem__)[-3:]
    print("slowest scans (everything painted): " + ", ".join(
        f"#{i} {times.wall[i]:.2f} ms (feedback {times.shown[i]:.2f} ms, journal {times.journal[i]:.2f} ms)"
        for i in reversed(slowest)
    ))
    _print_targets(times)
    if not end_to_end:
        return
    from tests.fixtures.cups import running_cups

    with running_cups(cups_root) as cups:
        outcomes = [await whole_order(cups.queue, cups.printer) for _ in range(runs)]
    print(f"3-item order over loopback HTTP, labels printed through CUPS (raw queue {cups.queue!r} to a "
          f"fake 9100 printer), {runs} runs; from the scan of the last unit:")
    for what, values in (("labels on the printer", [o.to_labels_s for o in outcomes]),
                         ("READY_TO_SHIP at the Market", [o.to_ready_s for o in outcomes])):
        print(f"  -> {what}: median {statistics.median(values) * 1000:.0f} ms  "
              f"[{', '.join(f'{v * 1000:.0f}' for v in values)}]")
    last = outcomes[-1]
    print(f"  final state {last.state}, label job {last.label_bytes} bytes")
    print(f"  Market calls opening the order: {len(last.opening)}")
    for call in last.opening:
        print(f"    {call}")
    print(f"  Market calls from the last scan on: {len(last.calls)}")
    for call in last.calls:
        print(f"    {call}")
    counts = {len(o.opening) + len(o.calls) for o in outcomes}
    print(f"  calls per order over the runs: {sorted(counts)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=10_000)
    parser.add_argument("--orders", type=int, default=3_000)
    parser.add_argument("--gc", choices=("policy", "default"), default="policy")
    parser.add_argument("--no-end-to-end", action="store_true", help="only the scan latency")
    parser.add_argument("--video", action="store_true", help="record the packing video meanwhile")
    parser.add_argument("--runs", type=int, default=5, help="whole orders packed end to end")
    parser.add_argument(
        "--paint",
        choices=("loop", "forced"),
        default="loop",
        help="after each scan: let Qt lay out and paint what the scan changed, as the app's event "
        "loop does (loop), or repaint the feedback line and the whole boxes view (forced)",
    )
    parser.add_argument(
        "--scenario",
        choices=("undo", "stream", "coded"),
        default="undo",
        help="the scans timed: item scans and UNDO alternating in one 4-unit order (undo), a "
        "stream of small orders each packed whole in its own view (stream), or such a stream of "
        "orders of marked goods, each unit's barcode then its Chestny Znak code (coded)",
    )
    parser.add_argument(
        "--pace",
        type=int,
        default=0,
        metavar="MS",
        help="idle the event loop MS ms before each timed scan, as between a packer's scans "
        "(default 0: back to back, the caches warm from the scan before)",
    )
    options = parser.parse_args()
    # The whole order prints through a private cupsd (tests/fixtures/cups.py): libcups and Qt read
    # CUPS_SERVER once, so it is set before Qt starts; cupsd's filters run as `lp`: world-readable.
    cups_root = Path(tempfile.mkdtemp(prefix="packing-bench-cups-"))
    cups_root.chmod(0o755)
    os.environ["CUPS_SERVER"] = str(cups_root / "cups.sock")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    # Repaints are synchronous and the uvicorn thread runs its own asyncio loop, so a plain loop
    # measures the same work without qasync's interplay with that thread.
    asyncio.run(
        main(
            options.scans,
            options.orders,
            options.gc,
            end_to_end=not options.no_end_to_end,
            video=options.video,
            runs=options.runs,
            cups_root=cups_root,
            paint=options.paint,
            scenario=options.scenario,
            pace_ms=options.pace,
        )
    )
