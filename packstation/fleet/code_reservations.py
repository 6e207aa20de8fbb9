"""Marking codes reserved fleet-wide, at scan time, by the primary key of `code_reservations`.

`reserve` is one `INSERT ... ON CONFLICT DO UPDATE ... WHERE same order RETURNING` statement: a
row back means the code is this order's; none means another order holds it, and one more
`SELECT` names that order and desk. Two desks scanning one code at the same instant cannot both
get a row: the unique index decides, not a check-then-insert.

The scan path is synchronous (`CodeGuard.check` runs inside the scan handler), so the statements
run on one worker thread with its own connection and the scan waits at most `wait_s` for the
answer. A database that does not answer in time turns this desk "offline": scans are then checked
against this desk's own index only (the UI says so), every reservation and release is queued, and
`reconcile()` (called by the desk's heartbeat) replays the queue once the database is back and
names the codes another desk reserved meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any

import psycopg

from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.fleet.dsn import connect_kwargs
from packstation.services.fleet_ports import CodeHolder, FleetUnavailableError, offline_error

_log = logging.getLogger("packstation.fleet")

_RESERVE = """
INSERT INTO code_reservations AS r (code, order_id, desk) VALUES (%s, %s, %s)
ON CONFLICT (code) DO UPDATE SET desk = EXCLUDED.desk WHERE r.order_id = EXCLUDED.order_id
RETURNING order_id
"""


@dataclass(frozen=True, slots=True)
class CodeConflict:
    """A code this desk accepted while offline that another desk had reserved."""

    code: str
    order_id: int
    holder: CodeHolder


class FleetCodeReservations:
    """`CodeReservationPort` over PostgreSQL, with an offline queue."""

    def __init__(self, dsn: str, *, desk: str, wait_s: float = 0.5) -> None:
        self._kwargs = connect_kwargs(dsn, desk=f"{desk}/codes")
        self._desk = desk
        self._wait_s = wait_s
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"fleet-codes-{desk}")
        self._conn: psycopg.Connection[Any] | None = None
        self._lock = threading.Lock()
        self._online = True
        self._pending: list[tuple[str, str, int]] = []  # ("reserve"|"release"|"resync", code, order)
        self._pending_sets: dict[int, frozenset[str]] = {}

    @property
    def online(self) -> bool:
        return self._online

    # ------------------------------------------------------------------- worker thread side

    def _connection(self) -> psycopg.Connection[Any]:
        if self._conn is None or self._conn.closed:
            kwargs = dict(self._kwargs)
            self._conn = psycopg.connect(
                kwargs.pop("conninfo"),
                autocommit=True,
                keepalives_idle=5,
                keepalives_interval=2,
                keepalives_count=2,
                tcp_user_timeout=3000,
                **kwargs,
            )
        return self._conn

    def _do_reserve(self, code: str, order_id: int) -> CodeHolder | None:
        conn = self._connection()
        row = conn.execute(_RESERVE, (code, order_id, self._desk)).fetchone()
        if row is not None:
            return None
        held = conn.execute(
            "SELECT code, order_id, desk, since FROM code_reservations WHERE code = %s", (code,)
        ).fetchone()
        if held is None:  # released in between: the insert now decides
            return self._do_reserve(code, order_id)
        return CodeHolder(str(held[0]), int(held[1]), str(held[2]), held[3])

    def _do_release(self, code: str, order_id: int) -> None:
        self._connection().execute(
            "DELETE FROM code_reservations WHERE code = %s AND order_id = %s", (code, order_id)
        )

    def _do_resync(self, order_id: int, codes: frozenset[str]) -> list[CodeHolder]:
        conn = self._connection()
        lost: list[CodeHolder] = []
        with conn.transaction():
            conn.execute(
                "DELETE FROM code_reservations WHERE order_id = %s AND NOT (code = ANY(%s))",
                (order_id, sorted(codes)),
            )
        for code in sorted(codes):
            holder = self._do_reserve(code, order_id)
            if holder is not None:
                lost.append(holder)
        return lost

    def _broken(self, err: BaseException) -> FleetUnavailableError:
        if self._online:
            _log.warning(
                "fleet: warehouse database offline (%s); codes checked at this desk only", type(err).__name__
            )
        self._online = False
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()
        return offline_error()

    def _retrying(self, fn: Any, *args: Any) -> Any:
        """Run `fn` on the worker; a connection the server dropped (a restart) is replaced once."""
        try:
            return fn(*args)
        except (psycopg.OperationalError, psycopg.InterfaceError):
            if self._conn is None or (not self._conn.closed and not self._conn.broken):
                raise
            self._conn = None
            return fn(*args)

    def _call(self, fn: Any, *args: Any) -> Any:
        future: Future[Any] = self._executor.submit(self._retrying, fn, *args)
        try:
            return future.result(timeout=self._wait_s)
        except FutureTimeout as err:
            self._online = False
            raise offline_error() from err
        except (psycopg.OperationalError, psycopg.InterfaceError, OSError) as err:
            raise self._broken(err) from err

    # ------------------------------------------------------------------------------ port

    def reserve(self, code: str, order_id: int) -> CodeHolder | None:
        if not self._online:
            self._pending.append(("reserve", code, order_id))
            raise offline_error()
        try:
            holder: CodeHolder | None = self._call(self._do_reserve, code, order_id)
        except FleetUnavailableError:
            self._pending.append(("reserve", code, order_id))
            raise
        return holder

    def release(self, code: str, order_id: int) -> None:
        if not self._online:
            self._pending.append(("release", code, order_id))
            return
        try:
            self._call(self._do_release, code, order_id)
        except FleetUnavailableError:
            self._pending.append(("release", code, order_id))

    def resync(self, order_id: int, codes: frozenset[str]) -> None:
        if not self._online:
            self._pending_sets[order_id] = codes
            return
        try:
            self._call(self._do_resync, order_id, codes)
        except FleetUnavailableError:
            self._pending_sets[order_id] = codes

    # ------------------------------------------------------------------------- reconcile

    def reconcile(self) -> list[CodeConflict]:
        """Replay what was queued while offline (blocking: run it off the GUI thread, e.g. with
        `asyncio.to_thread`). Returns the codes another desk holds; raises FleetUnavailableError when
        the database is still away."""
        with self._lock:
            future = self._executor.submit(self._replay)
            try:
                conflicts: list[CodeConflict] = future.result()
            except (psycopg.OperationalError, psycopg.InterfaceError, OSError) as err:
                raise self._broken(err) from err
            if conflicts:
                _log.warning("fleet: %d code(s) accepted offline are held by other desks", len(conflicts))
            self._online = True
            return conflicts

    async def reconcile_lines(self) -> list[Message]:
        """`reconcile` off the loop's thread; its conflicts, one message each."""
        if self._online and not self._pending and not self._pending_sets:
            return []
        conflicts = await asyncio.to_thread(self.reconcile)
        return [
            QT_TRANSLATE_NOOP("CodeReservations", "code %1… of order %2 is held by order %3 at desk %4")(
                c.code[:24], c.order_id, c.holder.order_id, c.holder.desk
            )
            for c in conflicts
        ]

    def _replay(self) -> list[CodeConflict]:
        self._connection().execute("SELECT 1")
        conflicts: list[CodeConflict] = []
        while self._pending:
            op, code, order_id = self._pending[0]
            if op == "reserve":
                holder = self._do_reserve(code, order_id)
                if holder is not None:
                    conflicts.append(CodeConflict(code, order_id, holder))
            else:
                self._do_release(code, order_id)
            self._pending.pop(0)
        while self._pending_sets:
            order_id, codes = next(iter(self._pending_sets.items()))
            for holder in self._do_resync(order_id, codes):
                conflicts.append(CodeConflict(holder.code, order_id, holder))
            del self._pending_sets[order_id]
        return conflicts

    def close(self) -> None:
        def shut() -> None:
            if self._conn is not None:
                self._conn.close()

        self._executor.submit(shut)
        self._executor.shutdown(wait=True, cancel_futures=False)
