"""Opening the journal database: pragmas, migrations, and recovery from unusable files."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from packstation.catalogue import russian
from packstation.domain.errors import StorageError
from packstation.storage.database import DB_FILE_NAME, open_database
from packstation.storage.schema import MIGRATIONS, SCHEMA_VERSION, migrate, schema_version


def _schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
    finally:
        conn.close()
    return [(name, " ".join(sql.split())) for name, sql in rows]


def test_fresh_database_uses_wal_and_full_sync_for_its_migrations(tmp_path: Path) -> None:
    opened = open_database(tmp_path)
    with opened.database.reading() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL, until the first transaction
        assert conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # INCREMENTAL
        assert schema_version(conn) == SCHEMA_VERSION
    assert opened.warning is None
    assert opened.migrated == tuple(range(1, SCHEMA_VERSION + 1))
    opened.database.close()


def test_reopening_a_current_database_applies_nothing(tmp_path: Path) -> None:
    open_database(tmp_path).database.close()
    again = open_database(tmp_path)
    assert again.migrated == ()
    assert again.warning is None
    again.database.close()


def _seed_at_version(conn: sqlite3.Connection, version: int) -> None:
    """Rows an older Packstation would have written at `version`."""
    if version >= 1:
        conn.execute(
            "INSERT INTO order_work (order_id, state, epoch, started_at, updated_at) "
            "VALUES (7, 'in_progress', 1, '2026-11-01T09:00:00.000000+00:00', "
            "'2026-11-01T09:00:00.000000+00:00')"
        )
        conn.execute(
            "INSERT INTO journal (order_id, epoch, kind, action, created_at) "
            "VALUES (7, 1, 'put', '{\"kind\":\"put\",\"line\":1}', '2026-11-01T09:00:00.000000+00:00')"
        )
        conn.execute(
            "INSERT INTO outbox (order_id, kind, payload, created_at) "
            "VALUES (7, 'status', '{\"status\":\"PROCESSING\"}', '2026-11-01T09:00:00.000000+00:00')"
        )
    if version >= 2:
        conn.execute(
            "INSERT INTO seen_codes (code, order_id, used_at) "
            "VALUES ('0104601234567893215abc', 7, '2026-11-01T09:00:00.000000+00:00')"
        )


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_migrates_from_every_earlier_version(tmp_path: Path, version: int) -> None:
    old_dir = tmp_path / "old"
    old_dir.mkdir()
    conn = sqlite3.connect(old_dir / DB_FILE_NAME, isolation_level=None)
    migrate(conn, target=version)
    _seed_at_version(conn, version)
    conn.close()

    opened = open_database(old_dir)
    assert opened.warning is None
    assert opened.migrated == tuple(range(version + 1, SCHEMA_VERSION + 1))
    with opened.database.reading() as db:
        assert schema_version(db) == SCHEMA_VERSION
        if version >= 1:
            assert db.execute("SELECT action FROM journal WHERE order_id = 7").fetchone()[0] == (
                '{"kind":"put","line":1}'
            )
            assert db.execute("SELECT attempts, last_error FROM outbox").fetchone() == (0, "")
        if version >= 2:
            assert db.execute("SELECT order_id FROM seen_codes").fetchone()[0] == 7
    opened.database.close()

    fresh_dir = tmp_path / "fresh"
    fresh_dir.mkdir()
    open_database(fresh_dir).database.close()
    assert _schema(old_dir / DB_FILE_NAME) == _schema(fresh_dir / DB_FILE_NAME)


def test_every_migration_is_non_empty() -> None:
    assert all(MIGRATIONS)
    assert len(MIGRATIONS) == SCHEMA_VERSION


def test_corrupt_file_is_moved_aside_and_a_new_journal_starts(tmp_path: Path) -> None:
    garbage = b"this is not an sqlite database" * 200
    (tmp_path / DB_FILE_NAME).write_bytes(garbage)
    (tmp_path / (DB_FILE_NAME + "-wal")).write_bytes(b"stale wal")

    opened = open_database(tmp_path)

    assert opened.moved_to is not None
    assert opened.moved_to.read_bytes() == garbage
    assert opened.moved_to.name.startswith(DB_FILE_NAME + ".broken-")
    assert opened.moved_to.with_name(opened.moved_to.name + "-wal").read_bytes() == b"stale wal"
    assert opened.warning is not None
    assert str(opened.moved_to) in russian(opened.warning.text)
    assert str(opened.moved_to) in opened.warning.en
    assert "повреждён" in russian(opened.warning.text)
    assert "damaged" in opened.warning.en
    with opened.database.transaction() as conn:
        conn.execute("INSERT INTO audit (at, action) VALUES ('2026-11-01', 'started')")
    opened.database.close()


def test_damaged_pages_are_detected(tmp_path: Path) -> None:
    opened = open_database(tmp_path)
    with opened.database.transaction() as conn:
        for n in range(2000):
            conn.execute(
                "INSERT INTO audit (at, action, detail) VALUES (?, 'x', ?)",
                (f"2026-11-01T{n:06d}", "d" * 200),
            )
    opened.database.close()
    path = tmp_path / DB_FILE_NAME
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, page * 6):  # overwrite b-tree pages past the header
        data[offset] = 0xFF
    path.write_bytes(bytes(data))

    reopened = open_database(tmp_path)

    assert reopened.moved_to is not None
    assert reopened.warning is not None
    with reopened.database.reading() as conn:
        assert conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == 0
    reopened.database.close()


def test_locked_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / DB_FILE_NAME
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("CREATE TABLE other_program (x)")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO other_program VALUES (1)")
    try:
        opened = open_database(tmp_path, lock_wait_ms=50)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert opened.moved_to is not None
    assert opened.warning is not None
    assert "занят" in russian(opened.warning.text)
    assert "locked" in opened.warning.en
    with opened.database.reading() as conn:
        assert schema_version(conn) == SCHEMA_VERSION
    opened.database.close()


def test_newer_schema_is_moved_aside_not_downgraded(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / DB_FILE_NAME, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    opened = open_database(tmp_path)
    assert opened.moved_to is not None
    assert opened.warning is not None
    assert "newer Packstation" in opened.warning.en
    assert "более новой версией" in russian(opened.warning.text)
    opened.database.close()


def test_unwritable_data_dir_raises_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir"
    with pytest.raises(StorageError) as caught:
        open_database(missing)
    assert str(missing) in caught.value.en
    assert "--data-dir" in str(caught.value.hint)


def test_a_failing_migration_leaves_the_previous_version_intact(tmp_path: Path) -> None:
    from packstation.storage import schema

    conn = sqlite3.connect(tmp_path / DB_FILE_NAME, isolation_level=None)
    migrate(conn, target=1)
    with pytest.raises(sqlite3.OperationalError):
        schema._apply(conn, 2, ("CREATE TABLE half_done (x)", "THIS IS NOT SQL"))
    assert schema_version(conn) == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchone() is None
    assert migrate(conn) == list(range(2, SCHEMA_VERSION + 1))  # the real upgrade still runs
    conn.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes; the Windows profile folder is per-user")
def test_journal_and_its_wal_are_user_only(tmp_path: Path) -> None:
    """The journal holds full marking codes: 0600 even under a permissive umask."""
    old = os.umask(0o022)
    try:
        opened = open_database(tmp_path)
        with opened.database.transaction() as conn:
            conn.execute("INSERT INTO seen_codes (code, order_id, used_at) VALUES ('c', 1, 't')")
        for name in (DB_FILE_NAME, DB_FILE_NAME + "-wal", DB_FILE_NAME + "-shm"):
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
        opened.database.close()
        # A journal left world-readable by an older version is tightened on open.
        os.chmod(tmp_path / DB_FILE_NAME, 0o644)
        open_database(tmp_path).database.close()
        assert stat.S_IMODE((tmp_path / DB_FILE_NAME).stat().st_mode) == 0o600
    finally:
        os.umask(old)
