"""Order list speed with 10,000 orders (issue 6 targets), against the real queue, model and view.

Measures, offscreen:
- load + sort: the queue reads 10,000 orders (in-memory Market, 50 per page), the model takes
  them (deadline order) and the table paints them; target < 300 ms;
- a header click re-sorting by another column;
- filter keystrokes: typing an order number into the search field one character at a time, each
  timed until the table has repainted; target < 30 ms per keystroke (max and median shown);
- a background refresh bringing 10 changed orders (4 changed in place, 3 new, 3 cancelled) into
  the 10,000-order list, in the GUI thread: the queue applying them, the model's row-by-row update
  and the repaint; target < 5 ms (issue 19);
- the process's resident memory afterwards; target < 300 MB RSS.

    python3 bench/order_list_bench.py [--orders 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psutil
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from packstation.domain.order import BuyerType, Order, OrderLine, Program, RequiredCode
from packstation.services.order_queue import OrderQueue
from packstation.services.ports import OrderQuery
from packstation.ui.order_list_model import Column, OrderListModel
from packstation.ui.order_list_view import OrderListView

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
PRODUCTS = ["Кроссовки беговые", "Футболка хлопковая", "Кольцо серебряное", "Шампунь", "Наушники"]


def make_orders(count: int) -> list[Order]:
    """A realistic mix: a tenth Express (minutes-scale deadlines), 1-4 lines, some marked."""
    orders = []
    for n in range(count):
        lines = tuple(
            OrderLine(
                id=n * 10 + k, offer_id=f"SKU-{(n * 7 + k) % 997}", name=PRODUCTS[(n + k) % len(PRODUCTS)],
                count=1 + (n + k) % 3,
                required=frozenset({RequiredCode.CIS}) if (n + k) % 4 == 0 else frozenset(),
                barcodes=(f"46{(n * 31 + k) % 10**11:011d}",),
            )
            for k in range(1 + n % 4)
        )
        express = n % 10 == 0
        orders.append(Order(
            id=51_000_000 + n, campaign_id=2001, program=Program.EXPRESS if express else Program.FBS,
            status="PROCESSING", substatus="STARTED", lines=lines,
            shipment_date=date(2026, 11, 23) + timedelta(days=n % 5),
            ship_by=NOW + timedelta(minutes=(n * 13) % 240 - 30) if express else None,
            buyer_type=BuyerType.BUSINESS if n % 7 == 0 else BuyerType.PERSON,
            updated_at=NOW - timedelta(days=1),
        ))
    return orders


class MemoryMarket:
    """Just enough of MarketPort for the queue: pages of 50 orders, `updatedAt` windows honoured."""

    def __init__(self, orders: list[Order]) -> None:
        self.orders = orders
        self.recent: list[Order] = []  # what an `updatedAt` window returns (the Market's filtering)

    async def iter_order_pages(self, query: OrderQuery):  # type: ignore[no-untyped-def]
        orders = self.orders if query.updated_from is None else self.recent
        for start in range(0, len(orders), 50):
            yield orders[start:start + 50]


REFRESH_ROUNDS = 20


def ten_changes(orders: list[Order], round_: int = 0) -> list[Order]:
    """4 orders changed in place (buyer), 3 new ones, 3 cancelled; all updated just now.
    Each round picks other orders (`orders` must hold at least 10,000)."""
    r = round_ * 11
    changed = [
        replace(o, buyer_type=BuyerType.BUSINESS, updated_at=NOW) for o in orders[100 + r:4100:1000]
    ]
    new = [replace(o, id=o.id + 1_000_000, updated_at=NOW) for o in orders[5000 + r:8000:1000]]
    gone = [
        replace(o, status="CANCELLED", substatus="SHOP_FAILED", updated_at=NOW)
        for o in orders[8500 + r * 3:9100 + r * 3:200]
    ]
    return changed + new + gone


class FixedClock:
    def now(self) -> datetime:
        return NOW


def paint(app: QApplication, view: OrderListView) -> None:
    """Process what the change queued, with exactly one repaint of the table (as in one frame):
    `update()` merges with the update the model change already scheduled."""
    view.table.viewport().update()
    app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10_000)
    count = parser.parse_args().orders
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    orders = make_orders(count)
    market = MemoryMarket(orders)
    queue = OrderQueue(market, FixedClock())  # type: ignore[arg-type]
    model = OrderListModel(queue, now=lambda: NOW)
    view = OrderListView(model)
    view.resize(1100, 700)
    view.show()
    app.processEvents()
    loop = asyncio.new_event_loop()

    started = time.perf_counter()
    loop.run_until_complete(queue.refresh())
    fetched = time.perf_counter()
    model.refresh()
    paint(app, view)
    done = time.perf_counter()
    load = done - started
    print(f"orders: {model.rowCount()}")
    print(f"  queue refresh (service, 200 pages of 50): {(fetched - started) * 1000:.1f} ms")
    print(f"  model refresh + first paint: {(done - fetched) * 1000:.1f} ms")
    print(f"load + sort + paint: {load * 1000:.1f} ms  (target < 300 ms: {'OK' if load < 0.3 else 'MISSED'})")

    started = time.perf_counter()
    view.table.sortByColumn(Column.ITEMS, Qt.SortOrder.DescendingOrder)
    paint(app, view)
    print(f"re-sort by items (header click): {(time.perf_counter() - started) * 1000:.1f} ms")
    view.table.sortByColumn(Column.DEADLINE, Qt.SortOrder.AscendingOrder)

    keystrokes = []
    for text in ("5", "51", "510", "5100", "51000", "510004", "5100042", "510004", "кр", "к", ""):
        started = time.perf_counter()
        view.search.setText(text)
        paint(app, view)
        keystrokes.append((text, time.perf_counter() - started, view.proxy.rowCount()))
    times = [t for _, t, _ in keystrokes]
    for text, elapsed, rows in keystrokes:
        print(f"  filter {text!r:12} -> {rows:5d} rows in {elapsed * 1000:6.1f} ms")
    worst = max(times)
    print(f"filter keystroke: median {statistics.median(times) * 1000:.1f} ms, max {worst * 1000:.1f} ms  "
          f"(target < 30 ms: {'OK' if worst < 0.03 else 'MISSED'})")

    started = time.perf_counter()
    model.tick()
    paint(app, view)
    print(f"countdown tick (deadline column repaint): {(time.perf_counter() - started) * 1000:.1f} ms")

    applied: list[float] = []  # when the queue hands the change over (subscribed first: called first)
    queue.subscribe(lambda _change: applied.append(time.perf_counter()))
    queue.subscribe(model.apply)  # as the app wires it: each change goes to the model row by row
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    view.table.scrollToBottom()  # rows on screen change too: the repaints have work to do
    paint(app, view)
    walls, cpus, rows, repaints = [], [], [], []
    touched = 0
    for round_ in range(REFRESH_ROUNDS):  # each round: 10 other orders change
        market.recent = ten_changes(orders, round_)
        applied.clear()
        started, started_cpu = time.perf_counter(), time.thread_time()
        change = loop.run_until_complete(queue.refresh())
        updated, updated_cpu = time.perf_counter(), time.thread_time()
        paint(app, view)
        repaints.append(time.perf_counter() - updated)
        walls.append(updated - started)
        cpus.append(updated_cpu - started_cpu)
        rows.append(updated - applied[0])
        touched = len(change.added) + len(change.updated) + len(change.removed)
    gui, worst, cpu = statistics.median(walls), max(walls), statistics.median(cpus)
    print(f"background refresh with {touched} changed orders in {count} rows, {REFRESH_ROUNDS} rounds, "
          f"GUI thread: median {gui * 1000:.2f} ms (rows {statistics.median(rows) * 1000:.2f} ms), max "
          f"{worst * 1000:.2f} ms, CPU median {cpu * 1000:.2f} ms; {len(resets)} model resets  "
          f"(target < 5 ms: {'OK' if gui < 0.005 and not resets else 'MISSED'}); "
          f"then one repaint of the table: median {statistics.median(repaints) * 1000:.1f} ms")
    loop.close()
    rss = psutil.Process().memory_info().rss / 2**20
    print(f"RSS: {rss:.0f} MB  (target < 300 MB: {'OK' if rss < 300 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
