"""The data dir (settings, journal, logs) and the settings file's name, without pydantic.

Read before the first frame (issue 19), so it must not import the settings models.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from packstation import APP_NAME
from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP

SETTINGS_FILE: Final = "settings.json"

_log = logging.getLogger("packstation.storage")


class SettingsError(PackstationError):
    """The settings file or the data dir could not be used as is."""


@dataclass(frozen=True, slots=True)
class DataDir:
    """The directory for settings, journal and logs, and a warning when a fallback was used."""

    path: Path
    created: bool = False
    warning: SettingsError | None = None


def default_data_dir() -> Path:
    """The per-user data directory of this OS (e.g. ~/.local/share/Packstation)."""
    import platformdirs  # only without --data-dir

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def prepare_data_dir(requested: Path | None) -> DataDir:
    """Create the data dir if missing; fall back to a temporary one if it cannot be created.

    Args:
        requested: `--data-dir`, or None for the OS default.
    """
    path = requested if requested is not None else default_data_dir()
    existed = path.is_dir()
    try:
        # User-only: the journal holds full marking codes (POSIX; on Windows the per-user profile
        # folder is already private to the user).
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        probe = path / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as err:
        fallback = Path(tempfile.mkdtemp(prefix="packstation-"))
        _log.warning("data dir %s unusable (%s); using %s", path, err, fallback)
        return DataDir(
            fallback,
            warning=SettingsError(
                QT_TRANSLATE_NOOP(
                    "Settings",
                    "The data folder %1 is unusable (%2); settings and the journal are kept in %3 for now.",
                )(path, err.strerror or err, fallback),
                hint=QT_TRANSLATE_NOOP("Settings", "Choose a writable folder with --data-dir."),
            ),
        )
    return DataDir(path, created=not existed)
