"""A list change through the real shell's listeners, in the GUI thread (issue 19).

The real `Shell` (order queue, order list model and window, shift totals in the status bar,
the couriers panel, the kept list, the local journal's in-progress markers) over an in-memory
Market listing `--orders` orders (3,000 and 10,000 by default), a few of them in progress in the
journal. Timed with the GUI thread's CPU clock (`time.thread_time()`), per kind of change:

- a background refresh bringing 10 changed orders (4 changed in place, 3 new, 3 cancelled);
- a submit: the refresh after it brings the packed order READY_TO_SHIP (an FBS order leaves the
  list; an Express one stays, waiting for its courier), its journal just finished;
- the packer's F5: a full reload whose pages bring every order again, unchanged (fresh copies).

For each: the queue applying the change and every listener (`queue.subscribe` callbacks) in the
last step of the refresh (the one turn of the event loop a change costs), each listener's share,
and the longest step of a full reload (a page of 50 compared, or the last step). Then the
repaint of what changed is timed apart. Target: well under 8 ms with 3,000 orders, in
proportion to the change (no stall over 16 ms: one frame).

    PYTHONPATH=$PWD python3 bench/list_change_bench.py [--orders 3000 10000] [--rounds 15]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PACKSTATION_NO_SOUND", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from order_list_bench import NOW, make_orders
from PySide6.QtWidgets import QApplication

from packstation.domain.order import READY_TO_SHIP, BuyerType, Order, Program
from packstation.services.order_queue import awaits_desk
from packstation.services.ports import OrderQuery

if TYPE_CHECKING:
    from packstation.app import Shell

PAGE = 50
TARGET_MS = 8.0


class PagedMarket:
    """Just enough of `MarketPort` for the shell's queue: pages of 50 fresh copies (as parsed
    from the wire), the `updatedAt` window's orders for an incremental read. It times the GUI
    thread's steps between pages (`steps`: one turn of the event loop each in the app)."""

    def __init__(self, orders: list[Order]) -> None:
        self.state = {order.id: order for order in orders}  # what the Market holds now
        self.recent: list[Order] = []
        self.pages: list[list[Order]] | None = None  # prepared fresh copies for the next read
        self.steps: list[float] = []
        self.mark = 0.0

    def prepare(self, full: bool) -> None:
        """Make the next read's pages before the clock runs (copying is the Market's work)."""
        orders = [o for o in self.state.values() if awaits_desk(o)] if full else self.recent
        copies = [replace(order) for order in orders]
        self.pages = [copies[start : start + PAGE] for start in range(0, len(copies), PAGE)]

    async def iter_order_pages(self, query: OrderQuery) -> AsyncIterator[list[Order]]:
        pages = self.pages if self.pages is not None else [[]]
        self.pages = None
        pages.reverse()
        self.steps = []
        self.mark = time.thread_time()
        while pages:
            yield pages.pop()  # as from the wire: a page is freed once the next one comes
            now = time.thread_time()
            self.steps.append(now - self.mark)  # the queue comparing this page
            self.mark = now


class FixedClock:
    def now(self) -> datetime:
        return NOW


def timed_listeners(shell: Shell, spent: dict[str, float]) -> None:
    """Wrap every queue listener to add its GUI-thread CPU time into `spent`, by name."""
    callbacks: list[Callable[[Any], None]] = shell.queue._on_change
    for index, callback in enumerate(list(callbacks)):
        name = getattr(callback, "__qualname__", repr(callback)).replace(".<locals>", "")

        def wrapped(change: Any, callback: Callable[[Any], None] = callback, name: str = name) -> None:
            started = time.thread_time()
            callback(change)
            spent[name] = spent.get(name, 0.0) + time.thread_time() - started

        callbacks[index] = wrapped


def build_shell(count: int, data_dir: Path) -> tuple[Shell, PagedMarket, list[Order]]:
    from packstation.app import MarketConnection, Shell, build_services, prepare
    from packstation.cli import build_parser

    args = build_parser().parse_args(["--data-dir", str(data_dir), "--lang", "ru"])
    runtime = prepare(args)
    orders = make_orders(count)
    market = PagedMarket(orders)
    connection = MarketConnection(market, [], expect_express=True)  # type: ignore[arg-type]
    shell = Shell(runtime, build_services(runtime, connection, clock=FixedClock()))
    shell.window.resize(1400, 900)
    shell.window.show()
    return shell, market, orders


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:.2f} ms, max {max(values) * 1000:.2f} ms"


async def run_size(app: QApplication, count: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="list-change-") as folder:
        shell, market, orders = build_shell(count, Path(folder))
        market.prepare(full=True)
        await shell.load_orders()
        store = shell.start_local_store()
        assert store is not None
        for order in orders[1:6]:  # a few orders in progress here: their markers are shown
            store.journal.append(order.id, {"kind": "scan"})
        shell.refresh_in_progress()
        await shell.seed_shift()
        app.processEvents()
        spent: dict[str, float] = {}
        timed_listeners(shell, spent)
        print(f"{count} orders listed, {len(store.journal.orders_in_progress())} in progress here")

        async def measure(title: str, make: Callable[[int], bool], rounds: int) -> None:
            lasts, longest, paints, paint_cpus, touched = [], [], [], [], []
            totals: dict[str, list[float]] = {}
            for round_ in range(rounds):
                full = make(round_)
                market.prepare(full)
                spent.clear()
                change = await (shell.queue.refresh(full=True) if full else shell.queue.refresh())
                last = time.thread_time() - market.mark
                lasts.append(last)
                longest.append(max([*market.steps, last]))
                touched.append(len(change.added) + len(change.updated) + len(change.removed))
                for name, seconds in spent.items():
                    totals.setdefault(name, []).append(seconds)
                painted, painted_cpu = time.perf_counter(), time.thread_time()
                app.processEvents()
                paints.append(time.perf_counter() - painted)
                paint_cpus.append(time.thread_time() - painted_cpu)
            verdict = "OK" if statistics.median(lasts) * 1000 < TARGET_MS else "MISSED"
            print(f"  {title} ({statistics.median(touched):.0f} orders changed), {rounds} rounds:")
            print(f"    the change's step (queue + every listener), GUI CPU: {ms(lasts)}  "
                  f"(target < {TARGET_MS:.0f} ms: {verdict})")
            if full:
                print(f"    longest step of the reload (a page compared, or the last): {ms(longest)}")
            for name, values in sorted(totals.items(), key=lambda item: -statistics.median(item[1])):
                values += [0.0] * (rounds - len(values))
                print(f"      {name}: {ms(values)}")
            print(f"    then the repaint (Qt's own turn), GUI CPU: {ms(paint_cpus)}; wall {ms(paints)}")

        base = len(orders)
        n = len(orders)

        def ten(round_: int) -> bool:
            step = n // 10
            picks = [orders[(37 + round_ * 13 + k * step) % n] for k in range(10)]
            flip = {BuyerType.PERSON: BuyerType.BUSINESS, BuyerType.BUSINESS: BuyerType.PERSON}
            changed = [
                replace(o, buyer_type=flip.get(o.buyer_type, BuyerType.PERSON), updated_at=NOW)
                for o in (market.state[p.id] for p in picks[:4])
            ]
            new = [replace(o, id=o.id + (round_ + 1) * 1_000_000, updated_at=NOW) for o in picks[4:7]]
            gone = [replace(market.state[p.id], status="CANCELLED", substatus="SHOP_FAILED", updated_at=NOW)
                    for p in picks[7:10]]
            market.recent = changed + new + gone
            market.state.update({o.id: o for o in market.recent})
            return False

        await measure("background refresh: 4 changed, 3 new, 3 cancelled", ten, rounds)

        def submit(round_: int) -> bool:
            express = round_ % 2 == 1
            candidates = [
                o for o in orders[base // 3 + round_ * 17 :]
                if o.is_express == express and market.state[o.id] is o
            ]
            order = candidates[0]
            store.journal.finish(order.id)  # the submit finished its work here (untimed)
            packed = replace(order, substatus=READY_TO_SHIP, updated_at=NOW)
            if order.program is Program.EXPRESS:
                packed = replace(packed, substatus="COURIER_SEARCH")
            market.recent = [packed]
            market.state[order.id] = packed
            store.journal.append(candidates[1].id, {"kind": "scan"})  # the next order opened here
            return False

        await measure("a submit: the packed order leaves (FBS) or waits for its courier (Express)",
                      submit, rounds)
        await measure(f"F5: a full reload of {n} orders, none changed", lambda _r: True, max(3, rounds // 3))
        shell.window.hide()
        await shell.queue.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, nargs="+", default=[3000, 10_000])
    parser.add_argument("--rounds", type=int, default=15)
    options = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        for count in options.orders:
            loop.run_until_complete(run_size(app, count, options.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
