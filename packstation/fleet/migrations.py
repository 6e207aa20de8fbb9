"""The fleet schema, as numbered migrations applied in order by `packstation fleet init`.

A database already at a newer version than this build knows is refused: an older desk must not
write to tables it does not understand. Migrations run under a transaction-scoped advisory lock,
so two `fleet init` racing on one database apply each step once.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from psycopg.rows import TupleRow

from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP

_MIGRATION_LOCK = 0x5041434B  # "PACK": serialises concurrent `fleet init`


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "desks, order claims, code reservations, orders, history",
        """
        CREATE TABLE desks (
            name text PRIMARY KEY,
            packer text NOT NULL DEFAULT '',
            started_at timestamptz NOT NULL DEFAULT now(),
            heartbeat_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE claims (
            order_id bigint PRIMARY KEY,
            desk text NOT NULL,
            packer text NOT NULL DEFAULT '',
            since timestamptz NOT NULL,
            lease_until timestamptz NOT NULL
        );
        CREATE INDEX claims_desk ON claims (desk);
        CREATE TABLE code_reservations (
            code text PRIMARY KEY,
            order_id bigint NOT NULL,
            desk text NOT NULL,
            since timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX code_reservations_order ON code_reservations (order_id);
        CREATE SEQUENCE orders_seq;
        CREATE TABLE orders (
            order_id bigint PRIMARY KEY,
            status text NOT NULL,
            substatus text NOT NULL,
            body jsonb NOT NULL,
            seq bigint NOT NULL,
            published_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX orders_seq_idx ON orders (seq);
        CREATE INDEX orders_status ON orders (status, substatus);
        CREATE TABLE history (
            id bigserial PRIMARY KEY,
            at timestamptz NOT NULL DEFAULT now(),
            desk text NOT NULL,
            packer text NOT NULL DEFAULT '',
            order_id bigint,
            action text NOT NULL,
            detail text NOT NULL DEFAULT ''
        );
        CREATE INDEX history_order ON history (order_id, at);
        """,
    ),
    Migration(
        2,
        "history by time (the Shift panel across desks)",
        "CREATE INDEX history_at ON history (at, id);",
    ),
)
LATEST = MIGRATIONS[-1].version


class FleetSchemaError(PackstationError):
    """The warehouse database's schema does not match this build."""


def schema_too_new(found: int) -> FleetSchemaError:
    return FleetSchemaError(
        QT_TRANSLATE_NOOP(
            "Migrations", "The warehouse database schema is newer than this app knows (version %1, known %2)."
        )(found, LATEST),
        hint=QT_TRANSLATE_NOOP(
            "Migrations",
            "Update Packstation on this desk; an older version does not write to a newer schema.",
        ),
    )


def schema_too_old(found: int) -> FleetSchemaError:
    return FleetSchemaError(
        QT_TRANSLATE_NOOP(
            "Migrations", "The warehouse database is not set up (schema version %1, needs %2)."
        )(found, LATEST),
        hint=QT_TRANSLATE_NOOP("Migrations", "Run: packstation fleet init --dsn ..."),
    )


async def schema_version(conn: psycopg.AsyncConnection[TupleRow]) -> int:
    """The applied version, 0 for an empty database."""
    cur = await conn.execute("SELECT to_regclass('fleet_schema') IS NOT NULL")
    row = await cur.fetchone()
    if row is None or not row[0]:
        return 0
    cur = await conn.execute("SELECT coalesce(max(version), 0) FROM fleet_schema")
    row = await cur.fetchone()
    return int(row[0]) if row else 0


async def migrate(conn: psycopg.AsyncConnection[TupleRow]) -> tuple[int, int]:
    """Bring the schema to LATEST; returns (version before, version after).

    Raises:
        FleetSchemaError: the database is newer than this build.
    """
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS fleet_schema ("
            " version int PRIMARY KEY, description text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now())"
        )
        before = await schema_version(conn)
        if before > LATEST:
            raise schema_too_new(before)
        for migration in MIGRATIONS:
            if migration.version > before:
                await conn.execute(migration.sql.encode())
                await conn.execute(
                    "INSERT INTO fleet_schema (version, description) VALUES (%s, %s)",
                    (migration.version, migration.description),
                )
    return before, LATEST


async def require_current(conn: psycopg.AsyncConnection[TupleRow]) -> None:
    """Refuse to work on a schema this build does not match exactly."""
    found = await schema_version(conn)
    if found > LATEST:
        raise schema_too_new(found)
    if found < LATEST:
        raise schema_too_old(found)
