"""Journal speed and size (issue 8): append latency with synchronous=FULL, restore time for 500
in-progress orders, and database size per 10,000 packed orders.

Run: `python3 bench/journal_bench.py [--dir DIR] [--appends 2000] [--orders 10000]`. Use `--dir`
on the disk the station really uses: fsync cost depends on it (tmpfs numbers are meaningless).
Targets: append p99 < 5 ms, restore of 500 orders < 500 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout, uninstalled

from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan
from packstation.domain.order import Order, OrderLine, Program
from packstation.services.intents import layout_to_payload
from packstation.services.packing import PackingSession, SessionDeps
from packstation.storage.database import DB_FILE_NAME
from packstation.storage.local_store import open_local_store

_ACTIONS_PER_ORDER = 14  # new box, 3 lines x (put + code), close box, a split of 2, an undo...
_CODES_PER_ORDER = 3


def _action(order_id: int, n: int) -> dict[str, object]:
    return {
        "kind": ("put", "code", "new_box", "close_box", "undo")[n % 5],
        "line_id": order_id * 10 + n % 3,
        "box": n % 2,
        "units": 1,
        "code": f"010460{order_id:08d}{n:02d}21Ab{n:03d}\x1d91EE06\x1d92" + "x" * 44,
    }


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def bench_append(data_dir: Path, count: int) -> None:
    store = open_local_store(data_dir)
    latencies = []
    for n in range(count):
        start = time.perf_counter()
        store.journal.append(1_000_000 + n % 50, _action(n, n))
        latencies.append((time.perf_counter() - start) * 1000)
    store.close()
    print(
        f"append (WAL, synchronous=FULL) x{count}: mean {statistics.fmean(latencies):.2f} ms, "
        f"p50 {_percentile(latencies, 50):.2f} ms, p99 {_percentile(latencies, 99):.2f} ms, "
        f"max {max(latencies):.2f} ms (target p99 < 5 ms)"
    )


def bench_restore(data_dir: Path, orders: int = 500) -> None:
    store = open_local_store(data_dir)
    for order_id in range(orders):
        for n in range(_ACTIONS_PER_ORDER):
            store.journal.append(order_id, _action(order_id, n))
    store.close()

    start = time.perf_counter()
    reopened = open_local_store(data_dir)
    opened_ms = (time.perf_counter() - start) * 1000
    journal = reopened.journal
    restored = {order_id: journal.entries(order_id) for order_id in journal.orders_in_progress()}
    per_order_ms = (time.perf_counter() - start) * 1000
    start_bulk = time.perf_counter()
    bulk = reopened.journal.in_progress_entries()
    bulk_ms = (time.perf_counter() - start_bulk) * 1000
    reopened.close()
    assert len(restored) == len(bulk) == orders
    print(
        f"restore {orders} in-progress orders x {_ACTIONS_PER_ORDER} actions: open {opened_ms:.1f} ms, "
        f"open + per-order reads {per_order_ms:.1f} ms, one bulk read {bulk_ms:.1f} ms (target < 500 ms)"
    )


class _OfflineMarket:
    """Restoring a session reads only the journal; any Market call here would be a bug."""

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"restore called the Market: {name}")


class _Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)


def _bench_order(order_id: int) -> Order:
    lines = tuple(
        OrderLine(
            id=order_id * 10 + n,
            offer_id=f"SKU-{n}",
            name=f"Товар {n}",
            count=count,
            barcodes=(f"46000000{n:05d}",),
        )
        for n, count in enumerate((2, 1, 2))
    )
    return Order(
        id=order_id,
        campaign_id=2001,
        program=Program.FBS,
        status="PROCESSING",
        substatus="STARTED",
        lines=lines,
    )


def bench_session_restore(data_dir: Path, orders: int = 500) -> None:
    """The real start-up path: `PackingSession.restore` for every in-progress order."""
    store = open_local_store(data_dir)
    deps = SessionDeps(market=_OfflineMarket(), journal=store.journal, clock=_Clock())  # type: ignore[arg-type]
    for order_id in range(1, orders + 1):
        session = PackingSession.start(_bench_order(order_id), deps)
        for line in session.order.lines:
            for _ in range(line.count):
                session.scan_item(line.barcodes[0])
            session.new_box()
        session.undo()
    store.close()

    start = time.perf_counter()
    reopened = open_local_store(data_dir)
    deps = SessionDeps(market=_OfflineMarket(), journal=reopened.journal, clock=_Clock())  # type: ignore[arg-type]
    sessions = [PackingSession.restore(order_id, deps) for order_id in reopened.journal.orders_in_progress()]
    elapsed_ms = (time.perf_counter() - start) * 1000
    reopened.close()
    assert len(sessions) == orders
    assert all(s is not None for s in sessions)
    print(
        f"restore {orders} packing sessions (PackingSession.restore, 10 journal actions each): "
        f"{elapsed_ms:.0f} ms including opening the database (target < 500 ms)"
    )


def bench_size(data_dir: Path, orders: int) -> None:
    store = open_local_store(data_dir, station="Desk 1", packer="Анна")
    with store.database.reading() as conn:
        # Only to build the fixture quickly: the size does not depend on fsync.
        conn.execute("PRAGMA synchronous = OFF")
    code = Instance(InstanceKind.CIS, "0104601234567893215Abcdef\x1d91EE06\x1d92" + "x" * 44)
    plan = layout_to_payload(LayoutPlan((BoxPlan((BoxEntry(1, full_count=2, instances=(code, code)),)),)))
    start = time.perf_counter()
    for order_id in range(orders):
        for n in range(_ACTIONS_PER_ORDER):
            store.journal.append(order_id, _action(order_id, n))
        for n in range(_CODES_PER_ORDER):
            store.codes.remember(f"010460{order_id:08d}21Ab{n:03d}", order_id)
        for kind, payload in (("box_layout", plan), ("status", {"status": "PROCESSING"})):
            intent = store.outbox.add_intent(order_id, kind, payload)
            store.outbox.complete_intent(intent.id, "sent")
        for action in ("order_opened", "box_layout_sent", "labels_printed", "status_sent"):
            store.audit.record(action, order_id=order_id, detail="box 1 of 1")
        store.journal.finish(order_id)
    store.close()
    elapsed = time.perf_counter() - start
    full = (data_dir / DB_FILE_NAME).stat().st_size
    open_start = time.perf_counter()
    compacting = open_local_store(data_dir)  # includes the integrity quick_check
    open_ms = (time.perf_counter() - open_start) * 1000
    compacting.journal.compact(0)  # as if the retention period had passed for all of them
    compacting.close()
    compacted = (data_dir / DB_FILE_NAME).stat().st_size
    print(
        f"size for {orders} packed orders ({_ACTIONS_PER_ORDER} actions, 2 intents, {_CODES_PER_ORDER} "
        f"codes, 4 audit lines each): {full / 1e6:.1f} MB before retention, {compacted / 1e6:.1f} MB "
        f"after (codes index + audit kept); built in {elapsed:.1f} s; opening it took {open_ms:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dir", type=Path, default=None, help="where to create the databases")
    parser.add_argument("--appends", type=int, default=2000)
    parser.add_argument("--orders", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as root:
        base = Path(root)
        for name in ("append", "restore", "sessions", "size"):
            (base / name).mkdir()
        bench_append(base / "append", args.appends)
        bench_restore(base / "restore")
        bench_session_restore(base / "sessions")
        bench_size(base / "size", args.orders)


if __name__ == "__main__":
    main()
