"""The journal database schema as a chain of forward migrations.

`PRAGMA user_version` holds the schema version. A database at version N is brought to
`SCHEMA_VERSION` by running migrations N+1 .. SCHEMA_VERSION in one transaction each, so a crash
mid-upgrade leaves the previous, consistent version behind. Migrations are append-only: never edit
a released one, add the next. Tests open a database at every earlier version and upgrade it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Final

# Version 1: the packing journal, the per-order work state and the outbox.
_V1: Final = (
    """
    CREATE TABLE order_work (
        order_id    INTEGER PRIMARY KEY,
        state       TEXT    NOT NULL CHECK (state IN ('in_progress', 'finished')),
        epoch       INTEGER NOT NULL DEFAULT 1,
        started_at  TEXT    NOT NULL,
        updated_at  TEXT    NOT NULL,
        finished_at TEXT
    )
    """,
    """
    CREATE TABLE journal (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        order_id   INTEGER NOT NULL,
        epoch      INTEGER NOT NULL,
        kind       TEXT    NOT NULL DEFAULT '',
        action     TEXT    NOT NULL,
        created_at TEXT    NOT NULL
    )
    """,
    "CREATE INDEX journal_by_order ON journal (order_id, epoch, seq)",
    """
    CREATE TABLE outbox (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        order_id     INTEGER NOT NULL,
        kind         TEXT    NOT NULL,
        payload      TEXT    NOT NULL,
        created_at   TEXT    NOT NULL,
        state        TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),
        outcome      TEXT    NOT NULL DEFAULT '',
        completed_at TEXT
    )
    """,
    "CREATE INDEX outbox_pending ON outbox (state, id)",
)

# Version 2: the seen-codes index (duplicate marking codes across orders).
_V2: Final = (
    """
    CREATE TABLE seen_codes (
        code     TEXT    NOT NULL,
        order_id INTEGER NOT NULL,
        used_at  TEXT    NOT NULL,
        PRIMARY KEY (code, order_id)
    ) WITHOUT ROWID
    """,
)

# Version 3: the audit log, and outbox delivery attempts (shown when an intent keeps failing).
_V3: Final = (
    """
    CREATE TABLE audit (
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        at       TEXT    NOT NULL,
        station  TEXT    NOT NULL DEFAULT '',
        packer   TEXT    NOT NULL DEFAULT '',
        action   TEXT    NOT NULL,
        order_id INTEGER,
        detail   TEXT    NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX audit_by_time ON audit (at)",
    "CREATE INDEX audit_by_order ON audit (order_id, id)",
    "ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE outbox ADD COLUMN last_error TEXT NOT NULL DEFAULT ''",
)

# Version 4: the packing video index (clips per order) and open claims (their clips are kept).
_V4: Final = (
    """
    CREATE TABLE video_clips (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        order_id   INTEGER NOT NULL,
        path       TEXT    NOT NULL,
        started_at TEXT    NOT NULL,
        ended_at   TEXT,
        size_bytes INTEGER NOT NULL DEFAULT 0,
        frames     INTEGER NOT NULL DEFAULT 0,
        note       TEXT    NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX video_clips_by_order ON video_clips (order_id, started_at)",
    """
    CREATE TABLE order_claims (
        order_id  INTEGER PRIMARY KEY,
        opened_at TEXT    NOT NULL,
        closed_at TEXT,
        note      TEXT    NOT NULL DEFAULT ''
    )
    """,
)

# Version 5: the last order list each campaign showed, so start-up can show it at once (issue 19).
_V5: Final = (
    """
    CREATE TABLE order_list_cache (
        campaign_id INTEGER PRIMARY KEY,
        saved_at    TEXT    NOT NULL,
        orders      TEXT    NOT NULL
    )
    """,
)

MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (_V1, _V2, _V3, _V4, _V5)
SCHEMA_VERSION: Final = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    """The database's schema version (0 for a new, empty file)."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, *, target: int = SCHEMA_VERSION) -> list[int]:
    """Run the forward migrations from the current version up to `target`.

    Args:
        conn: an autocommit connection (isolation_level=None).
        target: the version to reach; tests pass a lower one to build older databases.

    Returns:
        The versions that were applied, in order (empty when already current).

    Raises:
        ValueError: the database is newer than `target` (written by a newer Packstation).
    """
    current = schema_version(conn)
    if current > target:
        raise ValueError(f"schema version {current} is newer than {target}")
    applied: list[int] = []
    for version in range(current + 1, target + 1):
        _apply(conn, version, MIGRATIONS[version - 1])
        applied.append(version)
    return applied


def _apply(conn: sqlite3.Connection, version: int, statements: Sequence[str]) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in statements:
            conn.execute(statement)
        # PRAGMA takes no parameters; `version` is our own int.
        conn.execute(f"PRAGMA user_version = {int(version)}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
