"""Shared set-up for the fleet tests: a migrated database and desks on it."""

from __future__ import annotations

import psycopg

from packstation.fleet.migrations import migrate
from packstation.fleet.store import FleetStore


async def init_schema(dsn: str) -> None:
    async with await psycopg.AsyncConnection.connect(dsn, autocommit=True) as conn:
        await migrate(conn)


async def open_desk(dsn: str, name: str, packer: str = "", lease_s: float = 30.0) -> FleetStore:
    store = FleetStore(dsn, desk=name, packer=packer, lease_s=lease_s)
    await store.open()
    return store
