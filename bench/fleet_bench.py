"""The fleet with 20 simulated desks on one store, on loopback (issue 15).

Measures claim latency and code-reservation latency (p50/p99; target p99 < 20 ms each) with all
desks working at once (each desk one operation every 0-100 ms, far above a real packer's pace;
all 20 desks share this one process and its event loop, so the numbers include that queueing),
and the Market's HTTP requests per minute with 1 desk and with 20 desks refreshing their order
lists every second (target: equal, since only the elected poller asks the Market).

Run: `python3 bench/fleet_bench.py [--desks 20] [--claims 50] [--seconds 10]`. Starts a private
PostgreSQL cluster and the sandbox Market the way the tests do.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout, uninstalled


def _stats(samples: list[float]) -> str:
    samples = sorted(samples)
    p99 = samples[max(int(len(samples) * 0.99) - 1, 0)] * 1000
    return f"n={len(samples)} p50 {statistics.median(samples) * 1000:.2f} ms  p99 {p99:.2f} ms"


async def _claims(dsn: str, desks: int, per_desk: int) -> list[float]:
    from packstation.fleet.store import FleetStore

    stores = [FleetStore(dsn, desk=f"desk{i}", packer=f"P{i}") for i in range(desks)]
    for store in stores:
        await store.open()
    samples: list[float] = []

    async def work(store: FleetStore) -> None:
        rng = random.Random(store.desk)
        for _ in range(per_desk):
            order_id = rng.randrange(1, 400)  # desks collide on purpose
            await asyncio.sleep(rng.uniform(0, 0.1))  # 20 desks: ~400 claims/s in all
            started = time.perf_counter()
            await store.claim(order_id)
            samples.append(time.perf_counter() - started)

    try:
        await asyncio.gather(*(work(store) for store in stores))
    finally:
        for store in stores:
            await store.close()
    return samples


def _codes(dsn: str, desks: int, per_desk: int) -> list[float]:
    from packstation.fleet.code_reservations import FleetCodeReservations

    samples: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(desks)

    def work(i: int) -> None:
        codes = FleetCodeReservations(dsn, desk=f"desk{i}", wait_s=2.0)
        codes.reserve(f"warm-{i}", 1)
        barrier.wait()
        mine: list[float] = []
        rng = random.Random(i)
        for n in range(per_desk):
            time.sleep(rng.uniform(0, 0.1))
            code = f"0104601234567893{(n * 7 + i) % (per_desk * 2):013d}"  # half collide across desks
            started = time.perf_counter()
            codes.reserve(code, 1000 + i)
            mine.append(time.perf_counter() - started)
        with lock:
            samples.extend(mine)
        codes.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(desks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples


async def _market_calls(dsn: str, url: str, counting: object, desks: int, seconds: float) -> float:
    from tests.fleet.market_desks import market_desk

    market = [await market_desk(dsn, f"m{desks}-{i}", url) for i in range(desks)]
    try:
        await market[0].queue.refresh()  # the first desk wins the poller lock
        before = counting.requests  # type: ignore[attr-defined]
        started = time.monotonic()

        async def refresher(desk: object) -> None:
            while time.monotonic() - started < seconds:
                await desk.queue.refresh()  # type: ignore[attr-defined]
                await asyncio.sleep(1.0)

        await asyncio.gather(*(refresher(desk) for desk in market))
        elapsed = time.monotonic() - started
        return (counting.requests - before) * 60 / elapsed  # type: ignore[attr-defined]
    finally:
        for desk in market:
            await desk.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--desks", type=int, default=20)
    parser.add_argument("--claims", type=int, default=50, help="claims and code reservations per desk")
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()

    import psycopg

    from packstation.fleet.migrations import migrate
    from packstation.sandbox.app import SandboxConfig, create_app
    from tests.fixtures.postgres import _start_cluster
    from tests.fixtures.sandbox import serve_in_thread, stop_server
    from tests.fleet.market_desks import CountingApp

    cluster = _start_cluster()
    try:
        dsn = cluster.create_database()

        async def init() -> None:
            async with await psycopg.AsyncConnection.connect(dsn, autocommit=True) as conn:
                await migrate(conn)

        asyncio.run(init())
        claims = _stats(asyncio.run(_claims(dsn, args.desks, args.claims)))
        print(f"claims, {args.desks} desks at once:            {claims}")
        print(
            f"code reservations, {args.desks} desks at once: {_stats(_codes(dsn, args.desks, args.claims))}"
        )
        for desks in (1, args.desks):
            counting = CountingApp(create_app(SandboxConfig(seed=1)))
            server, thread, url = serve_in_thread(counting)  # type: ignore[arg-type]
            try:
                per_minute = asyncio.run(_market_calls(dsn, url, counting, desks, args.seconds))
            finally:
                stop_server(server, thread)
            print(f"Market requests per minute, {desks:2d} desk(s) refreshing every 1 s: {per_minute:.0f}")
    finally:
        cluster.stop("fast")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
