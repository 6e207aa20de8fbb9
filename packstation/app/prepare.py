"""Everything decided before Qt starts: data dir, logging, settings, the API key and the mode.

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

from packstation import APP_NAME, __version__
from packstation.domain.errors import PackstationError
from packstation.logs import LoggingSetup, setup_logging
from packstation.secrets import ApiKeyLookup, KeySource, load_api_key
from packstation.settings import AppSettings, DataDir, SettingsLoad, load_settings, prepare_data_dir

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
    return AppSettings.model_validate(data)


def prepare(args: argparse.Namespace) -> Runtime:
    """Data dir, logging, settings, API key and mode; never raises for a broken environment."""
    data_dir = prepare_data_dir(Path(args.data_dir).expanduser() if args.data_dir else None)
    logs = setup_logging(data_dir.path / "logs")
    _log.info("%s %s starting; data dir %s", APP_NAME, __version__, data_dir.path)
    loaded = load_settings(data_dir.path)
    settings = apply_overrides(loaded.settings, args)
    # A forced demo never uses the key, so the keyring is not even asked.
    key = ApiKeyLookup(None, KeySource.NONE) if args.demo else load_api_key()
    if args.demo:
        demo, reason = True, "requested"
    elif key.key is None:
        demo, reason = True, "no API key" if key.warning is None else "unusable API key"
    elif not settings.has_store:
        demo, reason = True, "no campaign/business id"
    else:
        demo, reason = False, ""
    if demo:
        _log.info("demo mode (%s)", reason)
    return Runtime(data_dir, logs, loaded, settings, key, demo, reason)
