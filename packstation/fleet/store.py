"""The fleet over PostgreSQL: desks, order claims, history and the store's orders.

One `FleetStore` per desk, on a small psycopg async pool (see `packstation.fleet` for why psycopg).
Every call is bounded by `timeout_s`: a database that does not answer raises `FleetUnavailableError`
instead of holding the caller, so the window never waits on the network.

Claims are one statement each (`INSERT ... ON CONFLICT DO UPDATE ... WHERE`): the row lock that
PostgreSQL takes on the conflicting claim serialises racing desks, and the `WHERE` lets the
update through only for the same desk (a renewal) or an expired lease. Exactly one of N racing
desks gets a row back.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, TypeVar

import psycopg
from psycopg.rows import TupleRow
from psycopg_pool import AsyncConnectionPool

from packstation.domain.order import Order
from packstation.fleet.dsn import connect_kwargs, redact
from packstation.fleet.migrations import require_current
from packstation.fleet.order_codec import order_from_json, order_to_json
from packstation.services.fleet_ports import (
    Claim,
    FleetUnavailableError,
    HistoryEntry,
    offline_error,
)
from packstation.services.ports import OrderQuery

_log = logging.getLogger("packstation.fleet")
T = TypeVar("T")
ORDERS_CHANNEL = "packstation_orders"
_MAX_CONNECTIONS = 4  # per desk: the heartbeat, a claim, the order reader and a spare

_CLAIM = """
INSERT INTO claims AS c (order_id, desk, packer, since, lease_until)
VALUES (%(order)s, %(desk)s, %(packer)s, now(), now() + make_interval(secs => %(lease)s))
ON CONFLICT (order_id) DO UPDATE
   SET desk = EXCLUDED.desk,
       packer = EXCLUDED.packer,
       since = CASE WHEN c.desk = EXCLUDED.desk THEN c.since ELSE EXCLUDED.since END,
       lease_until = EXCLUDED.lease_until
 WHERE c.desk = EXCLUDED.desk OR c.lease_until < now()
RETURNING order_id, desk, packer, since, lease_until
"""


def offline(err: BaseException | None = None) -> FleetUnavailableError:
    return offline_error(type(err).__name__ if err is not None else "")


def _claim(row: tuple[Any, ...]) -> Claim:
    return Claim(int(row[0]), str(row[1]), str(row[2]), row[3], row[4])


class FleetStore:
    """`ClaimsPort` and `FleetOrdersPort` over one PostgreSQL database.

    Args:
        dsn: the warehouse database (no password in it; see `packstation.fleet.dsn`).
        desk: this desk's name, unique in the warehouse.
        packer: who works at this desk (shown to the other desks).
        lease_s: how long a claim outlives its last heartbeat.
        timeout_s: the bound of every call.
    """

    def __init__(
        self, dsn: str, *, desk: str, packer: str = "", lease_s: float = 30.0, timeout_s: float = 3.0
    ) -> None:
        self._dsn = dsn
        self._desk = desk
        self.packer = packer
        self.lease_s = lease_s
        self.timeout_s = timeout_s
        kwargs = connect_kwargs(dsn, desk=desk)
        conninfo = kwargs.pop("conninfo")
        self._pool: AsyncConnectionPool[psycopg.AsyncConnection[TupleRow]] = AsyncConnectionPool(
            conninfo,
            kwargs={**kwargs, "autocommit": True},
            min_size=1,
            max_size=_MAX_CONNECTIONS,
            open=False,
            timeout=timeout_s,
            reconnect_timeout=0,  # keep retrying in the background while the database is away
            name=f"fleet-{desk}",
        )
        self._started = False

    @property
    def desk(self) -> str:
        return self._desk

    @property
    def dsn(self) -> str:
        return self._dsn

    async def open(self) -> None:
        """Start the pool, check the schema and register this desk. Raises FleetUnavailableError
        (the pool keeps connecting in the background, so a later call succeeds once the database
        is up) or FleetSchemaError."""
        if self._pool.closed and not self._started:
            # Not `wait=True`: a pool that times out waiting is closed for good.
            await self._pool.open(wait=False)
            self._started = True

        async def check(conn: psycopg.AsyncConnection[TupleRow]) -> None:
            await require_current(conn)

        try:
            await self._run(check)
        except FleetUnavailableError:
            _log.warning("fleet: cannot reach %s yet", redact(self._dsn))
            raise
        await self.heartbeat()

    async def close(self) -> None:
        await self._pool.close()

    async def _run(self, work: Callable[[psycopg.AsyncConnection[TupleRow]], Awaitable[T]]) -> T:
        async def attempt() -> T:
            # A connection the server dropped (a restart) is discarded by the pool: try again on
            # the next one, as many times as the pool may hold stale ones. Every statement here
            # is safe to repeat.
            for _ in range(_MAX_CONNECTIONS):
                used: psycopg.AsyncConnection[TupleRow] | None = None
                try:
                    async with self._pool.connection() as conn:
                        used = conn
                        return await work(conn)
                except psycopg.OperationalError:
                    if used is None or not (used.broken or used.closed):
                        raise
            async with self._pool.connection() as conn:
                return await work(conn)

        try:
            return await asyncio.wait_for(attempt(), self.timeout_s)
        except (psycopg.OperationalError, psycopg.InterfaceError, TimeoutError) as err:
            raise offline(err) from err
        except Exception as err:
            if type(err).__module__.startswith("psycopg_pool"):
                raise offline(err) from err
            raise

    # ------------------------------------------------------------------------------- desks

    async def heartbeat(self) -> int:
        async def work(conn: psycopg.AsyncConnection[TupleRow]) -> int:
            async with conn.transaction():
                await conn.execute(
                    "INSERT INTO desks (name, packer) VALUES (%s, %s) ON CONFLICT (name) DO UPDATE"
                    " SET packer = EXCLUDED.packer, heartbeat_at = now()",
                    (self._desk, self.packer),
                )
                cur = await conn.execute(
                    "UPDATE claims SET lease_until = now() + make_interval(secs => %s), packer = %s"
                    " WHERE desk = %s",
                    (self.lease_s, self.packer, self._desk),
                )
                return cur.rowcount

        return await self._run(work)

    # ------------------------------------------------------------------------------ claims

    async def claim(self, order_id: int) -> Claim:
        async def work(conn: psycopg.AsyncConnection[TupleRow]) -> Claim:
            params = {"order": order_id, "desk": self._desk, "packer": self.packer, "lease": self.lease_s}
            cur = await conn.execute(_CLAIM, params)
            row = await cur.fetchone()
            if row is not None:
                return _claim(row)
            cur = await conn.execute(
                "SELECT order_id, desk, packer, since, lease_until FROM claims WHERE order_id = %s",
                (order_id,),
            )
            held = await cur.fetchone()
            if held is None:  # released between the two statements: try once more
                cur = await conn.execute(_CLAIM, params)
                held = await cur.fetchone()
            assert held is not None
            return _claim(held)

        return await self._run(work)

    async def take_over(self, order_id: int, from_desk: str) -> Claim:
        async def work(conn: psycopg.AsyncConnection[TupleRow]) -> Claim:
            async with conn.transaction():
                cur = await conn.execute(
                    "UPDATE claims SET desk = %s, packer = %s, since = now(),"
                    " lease_until = now() + make_interval(secs => %s)"
                    " WHERE order_id = %s AND desk = %s"
                    " RETURNING order_id, desk, packer, since, lease_until",
                    (self._desk, self.packer, self.lease_s, order_id, from_desk),
                )
                row = await cur.fetchone()
                if row is None:  # the claim moved or was released meanwhile: an ordinary claim decides
                    cur = await conn.execute(
                        _CLAIM,
                        {"order": order_id, "desk": self._desk, "packer": self.packer, "lease": self.lease_s},
                    )
                    row = await cur.fetchone()
                    if row is None:
                        cur = await conn.execute(
                            "SELECT order_id, desk, packer, since, lease_until FROM claims"
                            " WHERE order_id = %s",
                            (order_id,),
                        )
                        row = await cur.fetchone()
                        assert row is not None
                        return _claim(row)
                await conn.execute(
                    "UPDATE code_reservations SET desk = %s WHERE order_id = %s", (self._desk, order_id)
                )
                await self._record(conn, "take_over", order_id, f"from desk {from_desk}")
                return _claim(row)

        return await self._run(work)

    async def release(self, order_id: int) -> None:
        async def work(conn: psycopg.AsyncConnection[TupleRow]) -> None:
            await conn.execute("DELETE FROM claims WHERE order_id = %s AND desk = %s", (order_id, self._desk))

        await self._run(work)

    async def claims(self) -> list[Claim]:
        async def work(conn: psycopg.AsyncConnection[TupleRow]) -> list[Claim]:
            cur = await conn.execute(
                "SELECT order_id, desk, packer, since, lease_until FROM claims"
                " WHERE lease_until >= now() ORDER BY since, order_id"
            )
            return [_claim(row) for row in await cur.fetchall()]

        return await self._run(work)

    # ----------------------------------------------------------------------------- history

    async def _record(
        self,
        conn: psycopg.AsyncConnection[TupleRow],
        action: str,
        order_id: int | None,
        detail: str,
        at: datetime | None = None,
        packer: str | None = None,
    ) -> None:
        await conn.execute(
            "INSERT INTO history (at, desk, packer, order_id, action, detail)"
            " VALUES (coalesce(%s, now()), %s, %s, %s, %s, %s)",
            (at, self._desk, self.packer if packer is None else packer, order_id, action, detail),
        )

    async def record(
        self,
        action: str,
        *,
        order_id: int | None = None,
        detail: str = "",
        at: datetime | None = None,
        packer: str | None = None,
    ) -> None:
        async def work(conn: psycopg.AsyncConnection[TupleRow]) -> None:
            await self._record(conn, action, order_id, detail, at, packer)

        await self._run(work)

    async def history(self, order_id: int) -> list[HistoryEntry]:
        async def work(conn: psycopg.AsyncConnection[TupleRow]) -> list[HistoryEntry]:
            cur = await conn.execute(
                "SELECT at, desk, packer, order_id, action, detail FROM history"
                " WHERE order_id = %s ORDER BY at, id",
                (order_id,),
            )
            return [HistoryEntry(*row) for row in await cur.fetchall()]

        return await self._run(work)

    # ------------------------------------------------------------------------------ orders

    async def publish(self, orders: list[Order]) -> None:
        if not orders:
            return

        async def work(conn: psycopg.AsyncConnection[TupleRow]) -> None:
            async with conn.transaction():
                async with conn.cursor() as cur:
                    await cur.executemany(
                        "INSERT INTO orders (order_id, status, substatus, body, seq)"
                        " VALUES (%s, %s, %s, %s, nextval('orders_seq'))"
                        " ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status,"
                        " substatus = EXCLUDED.substatus, body = EXCLUDED.body, seq = EXCLUDED.seq,"
                        " published_at = now() WHERE orders.body IS DISTINCT FROM EXCLUDED.body",
                        [
                            (o.id, o.status, o.substatus, json.dumps(order_to_json(o), ensure_ascii=False))
                            for o in orders
                        ],
                    )
                    changed = cur.rowcount
                if changed > 0:  # wake the other desks only for news
                    await conn.execute("SELECT pg_notify(%s, %s)", (ORDERS_CHANNEL, self._desk))

        await self._run(work)

    async def read(self, query: OrderQuery, *, after_seq: int | None) -> tuple[list[Order], int]:
        async def work(conn: psycopg.AsyncConnection[TupleRow]) -> tuple[list[Order], int]:
            if after_seq is not None:
                cur = await conn.execute(
                    "SELECT body, seq FROM orders WHERE seq > %s ORDER BY seq", (after_seq,)
                )
            else:
                cur = await conn.execute(
                    "SELECT body, seq FROM orders WHERE (cardinality(%s::text[]) = 0 OR status = ANY(%s))"
                    " AND (cardinality(%s::text[]) = 0 OR substatus = ANY(%s)) ORDER BY seq",
                    (
                        list(query.statuses),
                        list(query.statuses),
                        list(query.substatuses),
                        list(query.substatuses),
                    ),
                )
            rows = await cur.fetchall()
            cur = await conn.execute("SELECT coalesce(max(seq), 0) FROM orders")
            top = await cur.fetchone()
            newest = max([int(top[0]) if top else 0, after_seq or 0])
            orders = [
                order_from_json(body if isinstance(body, dict) else json.loads(body)) for body, _ in rows
            ]
            if query.programs:
                orders = [o for o in orders if o.program in query.programs]
            if query.order_ids:
                orders = [o for o in orders if o.id in query.order_ids]
            return orders, newest

        return await self._run(work)


async def fleet_status(
    conn: psycopg.AsyncConnection[TupleRow], poller_key: int | None = None
) -> dict[str, Any]:
    """Desks, live claims and the current poller(s), for `packstation fleet status`."""
    cur = await conn.execute("SELECT name, packer, heartbeat_at FROM desks ORDER BY name")
    desks = [
        {"name": name, "packer": packer, "heartbeat": _iso(at)} for name, packer, at in await cur.fetchall()
    ]
    cur = await conn.execute(
        "SELECT order_id, desk, packer, since, lease_until FROM claims WHERE lease_until >= now()"
        " ORDER BY since, order_id"
    )
    claims = [
        {"order": o, "desk": d, "packer": p, "since": _iso(s), "lease_until": _iso(lu)}
        for o, d, p, s, lu in await cur.fetchall()
    ]
    cur = await conn.execute(
        "SELECT a.application_name, l.objid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
        " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = %s AND l.database = ("
        " SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY l.objid",
        (POLLER_LOCK_CLASS,),
    )
    pollers = [
        {"desk": str(app).removeprefix("packstation:"), "store": int(objid)}
        for app, objid in await cur.fetchall()
        if poller_key is None or int(objid) == poller_key
    ]
    return {"desks": desks, "claims": claims, "pollers": pollers}


# Two-key advisory locks: (POLLER_LOCK_CLASS, campaign id) is "the poller of this store".
POLLER_LOCK_CLASS = 0x504F4C4C  # "POLL"


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
