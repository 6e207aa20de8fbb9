"""One Market poller per store, elected by a PostgreSQL session advisory lock.

The lock lives as long as the leader's connection: a desk that dies (crash, kill, pulled cable)
drops its connection and the server frees the lock, and the next desk to ask takes it. Desks ask
every few seconds, so a take-over happens within `retry_s` plus the server noticing the dead
connection (immediately for a killed process; TCP keepalives bound it for a lost network).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

import psycopg
from psycopg.rows import TupleRow

from packstation.fleet.dsn import connect_kwargs
from packstation.fleet.store import ORDERS_CHANNEL, POLLER_LOCK_CLASS

_log = logging.getLogger("packstation.fleet")


def store_key(campaign_id: int) -> int:
    return campaign_id % 2**31


class PollerElection:
    """`PollerElectionPort`: holds the poller lock for `campaign_id` on a connection of its own."""

    def __init__(self, dsn: str, *, desk: str, campaign_id: int, timeout_s: float = 3.0) -> None:
        self._dsn = dsn
        self._desk = desk
        self._key = store_key(campaign_id)
        self._timeout_s = timeout_s
        self._conn: psycopg.AsyncConnection[TupleRow] | None = None
        self._leading = False
        self._lock = asyncio.Lock()

    @property
    def leading(self) -> bool:
        return self._leading

    async def try_lead(self) -> bool:
        # One caller at a time: the order refresh and the election loop both ask, and two
        # connections racing for the lock would leave one of them holding it unseen.
        async with self._lock:
            return await self._try_lead_bounded()

    async def _try_lead_bounded(self) -> bool:
        try:
            return await asyncio.wait_for(self._try_lead(), self._timeout_s)
        except (psycopg.Error, TimeoutError, OSError) as err:
            if self._leading:
                _log.warning("fleet: lost the poller lock (%s)", type(err).__name__)
            await self._drop()
            return False

    async def _try_lead(self) -> bool:
        if self._conn is None or self._conn.closed:
            self._leading = False
            kwargs = connect_kwargs(self._dsn, desk=self._desk)
            self._conn = await psycopg.AsyncConnection.connect(
                kwargs.pop("conninfo"),
                autocommit=True,
                keepalives_idle=5,
                keepalives_interval=2,
                keepalives_count=2,
                **kwargs,
            )
        if self._leading:
            await self._conn.execute("SELECT 1")  # still connected means still holding the lock
            return True
        cur = await self._conn.execute("SELECT pg_try_advisory_lock(%s, %s)", (POLLER_LOCK_CLASS, self._key))
        row = await cur.fetchone()
        self._leading = bool(row and row[0])
        if self._leading:
            _log.info("fleet: desk %s polls the Market for store %s", self._desk, self._key)
        return self._leading

    async def _drop(self) -> None:
        self._leading = False
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):  # already broken
                await conn.close()

    async def close(self) -> None:
        async with self._lock:
            await self._drop()


class OrdersListener:
    """LISTEN for the poller's "orders changed" notices; calls `on_notice` for each.

    `run()` reconnects after a lost connection (and calls `on_notice` once on reconnecting, since
    notices sent meanwhile were lost)."""

    def __init__(self, dsn: str, *, desk: str, on_notice: Callable[[], None], retry_s: float = 2.0) -> None:
        self._dsn = dsn
        self._desk = desk
        self._on_notice = on_notice
        self._retry_s = retry_s
        self._conn: psycopg.AsyncConnection[TupleRow] | None = None
        self.listening = asyncio.Event()

    async def run(self) -> None:
        first = True
        while True:
            try:
                kwargs = connect_kwargs(self._dsn, desk=self._desk)
                self._conn = await psycopg.AsyncConnection.connect(
                    kwargs.pop("conninfo"),
                    autocommit=True,
                    keepalives_idle=5,
                    keepalives_interval=2,
                    keepalives_count=2,
                    **kwargs,
                )
                await self._conn.execute(f"LISTEN {ORDERS_CHANNEL}")
                self.listening.set()
                if not first:
                    self._on_notice()
                first = False
                async for notice in self._conn.notifies():
                    if notice.payload != self._desk:  # the poller's own publication
                        self._on_notice()
            except (psycopg.Error, OSError) as err:
                self.listening.clear()
                _log.info("fleet: orders listener reconnecting (%s)", type(err).__name__)
            finally:
                await self.close()
            await asyncio.sleep(self._retry_s)

    async def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                await conn.close()
