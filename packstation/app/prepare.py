"""Everything decided before Qt starts: data dir, logging, settings, the API key and the mode.

`prepare_first(args)` decides what the first frame needs without pydantic (issue 19): the data
dir, logging, the few settings it shows (`first_settings`), the key and the mode. `prepare(args,
first)` then loads the validated settings (and with no `first`, does all of it at once).

`prepare(args)` never raises for a broken environment: the data dir falls back to a temp dir,
logging to stderr, corrupt settings to defaults (with a backup), and each problem becomes a
warning the shell shows. Demo mode is chosen with `--demo`, without an API key, or without a
configured store.
"""

from __future__ import annotations

import argparse
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from packstation import APP_NAME, __version__
from packstation.data_dir import DataDir, prepare_data_dir
from packstation.domain.errors import PackstationError
from packstation.first_settings import FirstSettings, read_first_settings
from packstation.logs import LoggingSetup, setup_logging
from packstation.secrets import ApiKeyLookup, KeySource, load_api_key

if TYPE_CHECKING:  # the settings models (pydantic) load after the first frame
    from packstation.settings import AppSettings, SettingsLoad

_log = logging.getLogger("packstation.ui")
_START = time.perf_counter()


def seconds_since_start() -> float:
    """Wall time since the process started (Linux: from /proc), else since this module loaded."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: start time after boot
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _START


@dataclass
class Runtime:
    """Everything decided before Qt starts.

    Attributes:
        data_dir, logging, loaded: outcomes of the preparation steps (with their warnings).
        settings: the settings with command-line overrides applied (not saved).
        key: the API key lookup.
        demo: run against the in-process sandbox.
        demo_reason: why demo mode was chosen ("" when not in demo mode).
    """

    data_dir: DataDir
    logging: LoggingSetup
    loaded: SettingsLoad
    settings: AppSettings
    key: ApiKeyLookup
    demo: bool
    demo_reason: str = ""

    def warnings(self) -> list[PackstationError]:
        """The start-up problems the packer must be told about."""
        found = [self.data_dir.warning, self.logging.warning, self.loaded.warning, self.key.warning]
        return [warning for warning in found if warning is not None]


@dataclass(frozen=True)
class FirstRuntime:
    """What the first frame needs, decided before Qt starts and without the settings models.

    Attributes:
        data_dir, logging, key: as in `Runtime` (handed on to it).
        settings: the first frame's settings (`first_settings`), command-line overrides applied.
        demo, demo_reason: the mode these settings give.
    """

    data_dir: DataDir
    logging: LoggingSetup
    settings: FirstSettings
    key: ApiKeyLookup
    demo: bool
    demo_reason: str = ""


def apply_overrides(settings: AppSettings, args: argparse.Namespace) -> AppSettings:
    """Settings with the command line's `--api-url`, ids, `--lang`, `--printer`, `--print-to`,
    `--camera`, `--fleet`, `--desk` (and PACKSTATION_FLEET_DSN)."""
    data = settings.model_dump()
    for option, key in (("api_url", "api_url"), ("campaign_id", "campaign_id"),
                        ("business_id", "business_id"), ("lang", "language"),
                        ("fleet", "fleet_dsn"), ("desk", "desk_name")):
        value = getattr(args, option, None)
        if value is not None:
            data[key] = value
    if getattr(args, "printer", None):
        data["printing"]["labels"]["printer_name"] = args.printer
    if getattr(args, "camera", None):
        data["camera"]["source"] = args.camera
    if getattr(args, "fleet", None) is None and os.environ.get("PACKSTATION_FLEET_DSN"):
        data["fleet_dsn"] = os.environ["PACKSTATION_FLEET_DSN"]
    if getattr(args, "print_to", None):
        data["printing"]["labels"]["printer_name"] = ""
        data["printing"]["virtual_dir"] = args.print_to
    from packstation.settings import AppSettings

    return AppSettings.model_validate(data)


def _mode(args: argparse.Namespace, key: ApiKeyLookup, has_store: bool) -> tuple[bool, str]:
    if args.demo:
        return True, "requested"
    if key.key is None:
        return True, "no API key" if key.warning is None else "unusable API key"
    if not has_store:
        return True, "no campaign/business id"
    return False, ""


def prepare_first(args: argparse.Namespace) -> FirstRuntime:
    """Data dir, logging, the first frame's settings, API key and mode; never raises for a broken
    environment."""
    data_dir = prepare_data_dir(Path(args.data_dir).expanduser() if args.data_dir else None)
    logs = setup_logging(data_dir.path / "logs")
    _log.info("%s %s starting; data dir %s", APP_NAME, __version__, data_dir.path)
    settings = read_first_settings(
        data_dir.path,
        language=getattr(args, "lang", None),
        campaign_id=getattr(args, "campaign_id", None),
        business_id=getattr(args, "business_id", None),
    )
    # A forced demo never uses the key, so the keyring is not even asked.
    key = ApiKeyLookup(None, KeySource.NONE) if args.demo else load_api_key()
    demo, reason = _mode(args, key, settings.has_store)
    return FirstRuntime(data_dir, logs, settings, key, demo, reason)


def prepare(args: argparse.Namespace, first: FirstRuntime | None = None) -> Runtime:
    """Data dir, logging, settings, API key and mode; never raises for a broken environment.

    Args:
        first: what `prepare_first` decided (its data dir, logging and key are kept).
    """
    from packstation.settings import load_settings

    if first is None:
        first = prepare_first(args)
    loaded = load_settings(first.data_dir.path)
    settings = apply_overrides(loaded.settings, args)
    demo, reason = _mode(args, first.key, settings.has_store)
    if demo:
        _log.info("demo mode (%s)", reason)
    return Runtime(first.data_dir, first.logging, loaded, settings, first.key, demo, reason)
