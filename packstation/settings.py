"""The station's settings: one pydantic model saved as `settings.json` in the data dir.

The model composes the areas' own sections (scanner, printing, storage) with the store identity,
the API URL, language, station/packer names and refresh intervals. The API key is deliberately
not here (see `packstation.secrets`). A corrupt or unreadable file never stops the app: it is moved
aside with a timestamp, defaults are used, and the returned warning is shown to the packer.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

# The data dir and the settings file's name are read before the first frame, without pydantic
# (issue 19); re-exported here where the rest of the app looks for them.
from packstation.data_dir import SETTINGS_FILE as SETTINGS_FILE
from packstation.data_dir import DataDir as DataDir
from packstation.data_dir import SettingsError as SettingsError
from packstation.data_dir import default_data_dir as default_data_dir
from packstation.data_dir import prepare_data_dir as prepare_data_dir
from packstation.devices.config import CameraSettings, ScaleSettings, ScannerSettings
from packstation.domain.deadline import DEFAULT_CUTOFF
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.printing.config import PrintingSettings
from packstation.services.shift_config import ShiftSettings
from packstation.storage.config import StorageSettings

DEFAULT_API_URL: Final = "https://api.partner.market.yandex.ru"

_log = logging.getLogger("packstation.storage")


class AppSettings(BaseModel):
    """Everything a station remembers between runs (except the API key)."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    api_url: str = DEFAULT_API_URL
    business_id: int | None = Field(default=None, gt=0)
    campaign_id: int | None = Field(default=None, gt=0)
    language: Literal["ru", "en"] = "ru"
    station_name: str = ""
    packer_name: str = ""
    refresh_interval_s: int = Field(default=60, ge=10, le=3600)
    express_refresh_interval_s: int = Field(default=15, ge=5, le=600)
    # Submit this many seconds after the last unit is packed (0: off, the packer submits).
    auto_submit_s: float = Field(default=0.0, ge=0.0, le=600.0)
    scanner: ScannerSettings = Field(default_factory=ScannerSettings)
    scale: ScaleSettings = Field(default_factory=ScaleSettings)
    camera: CameraSettings = Field(default_factory=CameraSettings)
    printing: PrintingSettings = Field(default_factory=PrintingSettings)
    storage: StorageSettings = Field(default_factory=StorageSettings)
    # Several desks on one store: the warehouse PostgreSQL (no password in it; see
    # packstation.fleet.dsn) and this desk's name there ("" = the station name, else the host name).
    fleet_dsn: str = ""
    desk_name: str = ""
    shift: ShiftSettings = Field(default_factory=ShiftSettings)
    # The store's shipment time (Moscow) for orders the Market sends without a `shipmentTime`.
    shipment_cutoff: time = DEFAULT_CUTOFF

    @field_validator("shipment_cutoff")
    @classmethod
    def _whole_minutes_moscow(cls, value: time) -> time:
        if value.tzinfo is not None or value.second or value.microsecond:
            raise ValueError("the shipment cutoff is a Moscow time of day in whole minutes (HH:MM)")
        return value

    @property
    def has_store(self) -> bool:
        """Whether a real store is configured (both ids set)."""
        return self.business_id is not None and self.campaign_id is not None


def dsn_has_password(dsn: str) -> bool:
    """Whether a PostgreSQL address carries a password (`user:secret@host` or `password=...`),
    which must never be stored in the settings file."""
    text = dsn.strip()
    if "://" in text:
        rest = text.split("://", 1)[1]
        userinfo = rest.rsplit("@", 1)[0] if "@" in rest else ""
        return ":" in userinfo or "password=" in rest.lower()
    return any(part.lower().startswith("password=") for part in text.split())


@dataclass(frozen=True, slots=True)
class SettingsLoad:
    """The outcome of `load_settings`.

    Attributes:
        settings: the settings to use (defaults when the file was missing or broken).
        path: the settings file.
        warning: what went wrong and what was done about it, for the message bar.
        backup: where the broken file was moved, if it was.
    """

    settings: AppSettings
    path: Path
    warning: SettingsError | None = None
    backup: Path | None = None


def load_settings(data_dir: Path) -> SettingsLoad:
    """Read `settings.json` from `data_dir`; defaults if missing; backup + defaults if broken."""
    path = data_dir / SETTINGS_FILE
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return SettingsLoad(AppSettings(), path)
    except (OSError, UnicodeDecodeError) as err:
        return _replace_broken(path, f"{type(err).__name__}: {err}")
    try:
        return SettingsLoad(AppSettings.model_validate(json.loads(raw)), path)
    except (json.JSONDecodeError, ValidationError) as err:
        first_line = str(err).splitlines()[0]
        return _replace_broken(path, first_line)
    except Exception as err:
        return _replace_broken(path, type(err).__name__)


def _replace_broken(path: Path, reason: str) -> SettingsLoad:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.broken-{stamp}")
    try:
        os.replace(path, backup)
    except OSError as err:
        _log.warning("could not move broken settings aside: %s", err)
        note, moved = QT_TRANSLATE_NOOP("Settings", "it could not be renamed"), None
    else:
        note, moved = QT_TRANSLATE_NOOP("Settings", "a copy is in %1")(backup.name), backup
    _log.warning("settings file %s unreadable (%s); using defaults", path, reason)
    warning = SettingsError(
        QT_TRANSLATE_NOOP("Settings", "The settings file is damaged; using defaults (%1).")(note),
        hint=QT_TRANSLATE_NOOP("Settings", "Check the store and printer in Settings."),
    )
    return SettingsLoad(AppSettings(), path, warning, moved)


def save_settings(settings: AppSettings, path: Path) -> None:
    """Write the settings atomically (temp file + rename), so a crash never leaves half a file.

    Raises:
        SettingsError: the file cannot be written.
    """
    text = settings.model_dump_json(indent=2)
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as err:
        raise SettingsError(
            QT_TRANSLATE_NOOP("Settings", "Could not save the settings to %1: %2.")(
                path, err.strerror or err
            ),
            hint=QT_TRANSLATE_NOOP("Settings", "Check the data folder's permissions."),
        ) from err
