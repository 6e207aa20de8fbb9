"""psycopg 3 (async) vs asyncpg for the fleet: the claim statement's round trip, on a plain
asyncio loop and on qasync's QEventLoop (the desk's loop).

Run: `python3 bench/fleet_driver_compare.py [--dsn DSN] [--n 2000]`. Without `--dsn` a private
PostgreSQL cluster is started the way the tests do (tests/fixtures/postgres.py). The decision and
the reasons are in packstation/fleet/__init__.py.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout, uninstalled

CLAIM_PG = (
    "INSERT INTO claims AS c (order_id, desk, packer, since, lease_until) VALUES ($1, $2, '', now(),"
    " now() + interval '30 s') ON CONFLICT (order_id) DO UPDATE SET lease_until = EXCLUDED.lease_until"
    " WHERE c.desk = EXCLUDED.desk RETURNING desk"
)
CLAIM_PSYCOPG = CLAIM_PG.replace("$1", "%s").replace("$2", "%s")


def _report(name: str, samples: list[float]) -> str:
    samples.sort()
    p50 = statistics.median(samples) * 1000
    p99 = samples[int(len(samples) * 0.99) - 1] * 1000
    return f"{name:34s} p50 {p50:6.3f} ms  p99 {p99:6.3f} ms"


async def _psycopg(dsn: str, n: int) -> list[float]:
    import psycopg

    async with await psycopg.AsyncConnection.connect(dsn, autocommit=True) as conn:
        samples = []
        for i in range(n):
            started = time.perf_counter()
            await (await conn.execute(CLAIM_PSYCOPG, (i % 200, "bench"))).fetchone()
            samples.append(time.perf_counter() - started)
    return samples


async def _asyncpg(dsn: str, n: int) -> list[float]:
    import asyncpg
    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(dsn)
    conn = await asyncpg.connect(
        host=params["host"], port=int(params["port"]), user=params["user"], database=params["dbname"]
    )
    try:
        samples = []
        for i in range(n):
            started = time.perf_counter()
            await conn.fetchrow(CLAIM_PG, i % 200, "bench")
            samples.append(time.perf_counter() - started)
    finally:
        await conn.close()
    return samples


def _on_qasync(work: Callable[[], Awaitable[list[float]]]) -> list[float]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance() or QCoreApplication([])
    loop = qasync.QEventLoop(app)
    try:
        return loop.run_until_complete(work())
    finally:
        loop.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dsn", default=None)
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    cluster = None
    dsn = args.dsn
    if dsn is None:
        from tests.fixtures.postgres import _start_cluster

        cluster = _start_cluster()
        dsn = cluster.create_database()
    try:
        import psycopg

        from packstation.fleet.migrations import migrate

        async def init() -> None:
            async with await psycopg.AsyncConnection.connect(dsn, autocommit=True) as conn:
                await migrate(conn)

        asyncio.run(init())
        print(_report("psycopg 3 async, asyncio", asyncio.run(_psycopg(dsn, args.n))))
        print(_report("asyncpg, asyncio", asyncio.run(_asyncpg(dsn, args.n))))
        print(_report("psycopg 3 async, qasync", _on_qasync(lambda: _psycopg(dsn, args.n))))
        try:
            print(_report("asyncpg, qasync", _on_qasync(lambda: _asyncpg(dsn, args.n))))
        except Exception as err:
            print(f"{'asyncpg, qasync':34s} fails: {type(err).__name__}: {err}")
    finally:
        if cluster is not None:
            cluster.stop("fast")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
