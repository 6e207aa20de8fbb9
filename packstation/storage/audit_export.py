"""`packstation export-audit --from --to --out FILE.csv`: the audit log as a spreadsheet.

Dates are the station's local calendar days, both inclusive. The CSV is UTF-8 with a BOM (so
Excel shows Cyrillic correctly), comma-separated, one line per audit record, times in local time
with their UTC offset. The database is opened read-only: exporting never changes or moves it.
The output is never one of the data dir's database files, never replaces an existing file
without `--force`, and is written to a temporary file renamed into place (a failed export leaves
no half file behind).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Final, TextIO

import platformdirs

from packstation import APP_NAME
from packstation.domain.errors import PackstationError, StorageError
from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.storage.audit import AuditRecord, SqliteAuditLog
from packstation.storage.database import COMPANION_SUFFIXES, DB_FILE_NAME, Database

CSV_HEADER: Final = ("time", "station", "packer", "order_id", "action", "detail")
_AUDIT_SCHEMA: Final = 3  # the first schema version with the audit table


def export_audit_cli(
    args: argparse.Namespace,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    say: Callable[[Message | PackstationError], str] = lambda text: text.english(),
) -> int:
    """Run the export; returns the process exit code (0 ok, 2 bad input or no journal).

    Args:
        args: `date_from`, `date_to` (YYYY-MM-DD or None), `out` (CSV path), `data_dir` (or None).
        stdout: where the summary goes (default `sys.stdout`).
        stderr: where errors go (default `sys.stderr`).
        say: renders a message or an error for the terminal (default: English).
    """
    err_out = stderr if stderr is not None else sys.stderr
    out = stdout if stdout is not None else sys.stdout
    try:
        start, end = parse_period(args.date_from, args.date_to)
        data_dir = Path(args.data_dir) if args.data_dir else _default_data_dir()
        force = bool(getattr(args, "force", False))
        count = export_audit(data_dir / DB_FILE_NAME, Path(args.out), start, end, force=force)
    except StorageError as err:
        print(say(err), file=err_out)
        return 2
    print(say(QT_TRANSLATE_NOOP("AuditExport", "Exported %1 records to %2")(count, args.out)), file=out)
    return 0


def parse_period(date_from: str | None, date_to: str | None) -> tuple[datetime | None, datetime | None]:
    """Local-midnight bounds `[from, to + 1 day)` as aware datetimes.

    Raises:
        StorageError: a date is malformed or `from` is after `to`.
    """
    first = _parse_day(date_from, "--from")
    last = _parse_day(date_to, "--to")
    if first is not None and last is not None and first > last:
        raise StorageError(
            QT_TRANSLATE_NOOP("AuditExport", "The start date %1 is after the end date %2.")(first, last),
            hint=QT_TRANSLATE_NOOP("AuditExport", "Swap --from and --to."),
        )
    start = _local_midnight(first) if first is not None else None
    end = _local_midnight(last + timedelta(days=1)) if last is not None else None
    return start, end


def export_audit(
    db_path: Path, out: Path, start: datetime | None, end: datetime | None, *, force: bool = False
) -> int:
    """Write the audit records with `start <= at < end` to `out`; returns how many.

    Args:
        force: replace `out` if it exists (never when it is one of the database's files).

    Raises:
        StorageError: the journal is missing, unreadable or too old, `out` is one of the
            database's files or exists (without `force`), or `out` cannot be written.
    """
    check_output(db_path, out, force=force)
    db = _open_read_only(db_path)
    try:
        records = SqliteAuditLog(db).between(start, end)
        return write_csv(records, out)
    finally:
        db.close()


def check_output(db_path: Path, out: Path, *, force: bool) -> None:
    """Refuse an output that is the journal (or its -wal/-shm/-journal or a moved-aside copy),
    a folder, or an existing file without `force`.

    Raises:
        StorageError: the output must not be written.
    """
    target = out.resolve()
    protected = target.parent == db_path.resolve().parent and target.name.startswith(db_path.name)
    if not protected and target.exists():
        with contextlib.suppress(OSError):
            protected = any(
                candidate.exists() and os.path.samefile(candidate, target)
                for candidate in (db_path, *(db_path.with_name(db_path.name + s) for s in COMPANION_SUFFIXES))
            )
    if protected:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "AuditExport",
                "Refusing to export into %1: it is the station's journal, which would be destroyed.",
            )(out),
            hint=QT_TRANSLATE_NOOP("AuditExport", "Give --out another file, e.g. audit.csv."),
        )
    if target.is_dir():
        raise StorageError(
            QT_TRANSLATE_NOOP("AuditExport", "%1 is a folder, not a file.")(out),
            hint=QT_TRANSLATE_NOOP("AuditExport", "Give --out a file name, e.g. audit.csv."),
        )
    if target.exists() and not force:
        raise StorageError(
            QT_TRANSLATE_NOOP("AuditExport", "The file %1 already exists.")(out),
            hint=QT_TRANSLATE_NOOP("AuditExport", "Choose another name, or add --force to replace it."),
        )


def write_csv(records: Iterable[AuditRecord], out: Path) -> int:
    """Write records as CSV (UTF-8 with BOM) into a temporary file renamed to `out`; returns
    the number of rows.

    Raises:
        StorageError: the file cannot be written (`out` is then left as it was).
    """
    count = 0
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        tmp = Path(name)
        with open(fd, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_HEADER)
            for record in records:
                writer.writerow(
                    (
                        record.at.astimezone().isoformat(timespec="seconds"),
                        record.station,
                        record.packer,
                        "" if record.order_id is None else record.order_id,
                        record.action,
                        record.detail,
                    )
                )
                count += 1
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out)
        tmp = None
    except OSError as err:
        raise StorageError(
            QT_TRANSLATE_NOOP("AuditExport", "Could not write %1: %2.")(out, err.strerror or err),
            hint=QT_TRANSLATE_NOOP("AuditExport", "Check the --out path and the folder's permissions."),
        ) from err
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return count


def _parse_day(text: str | None, option: str) -> date | None:
    if text is None or text == "":
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise StorageError(
            QT_TRANSLATE_NOOP("AuditExport", "Invalid date in %1: '%2'. Use YYYY-MM-DD.")(option, text)
        ) from err


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _open_read_only(path: Path) -> Database:
    if not path.is_file():
        raise StorageError(
            QT_TRANSLATE_NOOP("AuditExport", "No journal found at %1.")(path),
            hint=QT_TRANSLATE_NOOP("AuditExport", "Point --data-dir at the station's data folder."),
        )
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error as err:
        raise StorageError(
            QT_TRANSLATE_NOOP("AuditExport", "The journal %1 cannot be read: %2.")(path, err),
            hint=QT_TRANSLATE_NOOP(
                "AuditExport", "Start the app: a damaged journal is replaced and the old one kept."
            ),
        ) from err
    if version < _AUDIT_SCHEMA:
        conn.close()
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "AuditExport", "The journal %1 is an old version (schema %2) without an audit log."
            )(path, version),
            hint=QT_TRANSLATE_NOOP("AuditExport", "Start the app once to upgrade the journal."),
        )
    return Database(conn, path, read_only=True)
