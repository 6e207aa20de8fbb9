"""One Packstation per data dir: an OS lock on `<data dir>/packstation.lock`.

Two instances on one data dir would merge two packers' work into one journal and re-send each
other's pending Market requests, so the second one is refused. The lock is the operating
system's (`fcntl.flock` on POSIX, `msvcrt.locking` on Windows), held on an open file for the
life of the process: the OS drops it when the process ends in any way, SIGKILL and crashes
included, so a stale lock file left behind never blocks the next start. The file only carries
the holder's process id, for the message.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP

LOCK_FILE: Final = "packstation.lock"


class AlreadyRunningError(PackstationError):
    """Another Packstation holds the data dir."""


@dataclass
class InstanceLock:
    """The held lock; `release()` (or process exit) frees it."""

    path: Path
    _handle: IO[str] | None

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            _unlock(handle)
        handle.close()

    @property
    def held(self) -> bool:
        return self._handle is not None


def acquire_instance_lock(data_dir: Path) -> InstanceLock:
    """Take the data dir for this process.

    Raises:
        AlreadyRunningError: another live process holds it (message in Russian and English).
        OSError: the lock file cannot be created (the caller decides; the data dir was checked).
    """
    path = data_dir / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    handle = os.fdopen(fd, "r+", encoding="ascii", errors="replace")
    try:
        _lock(handle)
    except OSError as err:
        holder = _read_pid(handle)
        handle.close()
        raise already_running(data_dir, holder) from err
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    return InstanceLock(path, handle)


def already_running(data_dir: Path, pid: int | None) -> AlreadyRunningError:
    who = QT_TRANSLATE_NOOP("InstanceLock", " (process %1)")(pid) if pid else ""
    return AlreadyRunningError(
        QT_TRANSLATE_NOOP(
            "InstanceLock",
            "Packstation is already running with the data folder %1%2. This second start was refused so "
            "that two packers' work is never mixed in one journal.",
        )(data_dir, who),
        hint=QT_TRANSLATE_NOOP(
            "InstanceLock",
            "Switch to the open Packstation window. For a second packing desk use another folder with "
            "--data-dir.",
        ),
    )


def _read_pid(handle: IO[str]) -> int | None:
    with contextlib.suppress(OSError, ValueError):
        handle.seek(0)
        return int(handle.read(32).strip() or "0") or None
    return None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
