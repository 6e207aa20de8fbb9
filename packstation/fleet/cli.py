"""`packstation fleet init|status`: set up the warehouse database and look at it.

`init` creates or migrates the schema (refusing one newer than this build); `status` prints the
desks with their last heartbeat, one line per claimed order and the current Market poller, or
the same as one JSON object with `--json` (for scripts and monitoring); `history --order N`
prints one order's history across desks (who, which desk, when).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from typing import Any, TextIO

import psycopg

from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.fleet.dsn import ENV_VAR, FleetConfigError, connect_kwargs, redact
from packstation.fleet.migrations import LATEST, migrate, require_current
from packstation.fleet.store import fleet_status


async def _connect(dsn: str) -> psycopg.AsyncConnection[Any]:
    kwargs = connect_kwargs(dsn, desk="fleet-cli")
    try:
        return await psycopg.AsyncConnection.connect(kwargs.pop("conninfo"), autocommit=True, **kwargs)
    except psycopg.OperationalError as err:
        raise FleetConfigError(
            QT_TRANSLATE_NOOP("Cli", "Cannot connect to the warehouse database %1: %2")(
                redact(dsn), str(err).strip()
            )
        ) from err


async def _init(dsn: str, out: TextIO) -> int:
    conn = await _connect(dsn)
    async with conn:
        before, after = await migrate(conn)
    if before == after:
        print(f"warehouse database {redact(dsn)}: schema is current (version {after})", file=out)
    else:
        print(f"warehouse database {redact(dsn)}: schema version {before} -> {after}", file=out)
    return 0


async def _status(dsn: str, as_json: bool, out: TextIO) -> int:
    conn = await _connect(dsn)
    async with conn:
        await require_current(conn)
        status = await fleet_status(conn)
    status["schema"] = LATEST
    if as_json:
        json.dump(status, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    print(f"Desks ({len(status['desks'])}):", file=out)
    for desk in status["desks"]:
        packer = f" ({desk['packer']})" if desk["packer"] else ""
        print(f"  {desk['name']}{packer}  last heartbeat {desk['heartbeat']}", file=out)
    print(f"Claims ({len(status['claims'])}):", file=out)
    for claim in status["claims"]:
        print(
            f"  order {claim['order']}  desk {claim['desk']}  packer {claim['packer'] or '-'}"
            f"  since {claim['since']}",
            file=out,
        )
    pollers = ", ".join(f"{p['desk']} (store key {p['store']})" for p in status["pollers"]) or "none"
    print(f"Market poller: {pollers}", file=out)
    return 0


async def _history(dsn: str, order_id: int, as_json: bool, out: TextIO) -> int:
    conn = await _connect(dsn)
    async with conn:
        await require_current(conn)
        cur = await conn.execute(
            "SELECT at, desk, packer, action, detail FROM history WHERE order_id = %s ORDER BY at, id",
            (order_id,),
        )
        rows = await cur.fetchall()
    lines = [
        {
            "at": at.isoformat(timespec="seconds"),
            "desk": desk,
            "packer": packer,
            "action": action,
            "detail": detail,
        }
        for at, desk, packer, action, detail in rows
    ]
    if as_json:
        json.dump({"order": order_id, "history": lines}, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    print(f"Order {order_id}: {len(lines)} line(s)", file=out)
    for line in lines:
        packer = f" ({line['packer']})" if line["packer"] else ""
        detail = f"  {line['detail']}" if line["detail"] else ""
        print(f"  {line['at']}  desk {line['desk']}{packer}  {line['action']}{detail}", file=out)
    return 0


def fleet_cli(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    dsn = args.dsn or os.environ.get(ENV_VAR)
    if not dsn:
        print(f"packstation fleet: give --dsn or set {ENV_VAR}", file=err)
        return 2
    try:
        if args.fleet_command == "init":
            return asyncio.run(_init(dsn, out))
        if args.fleet_command == "history":
            return asyncio.run(_history(dsn, args.order, args.json, out))
        return asyncio.run(_status(dsn, args.json, out))
    except PackstationError as error:
        print(f"packstation fleet: {error.english()}", file=err)
        return 1
