"""The few settings the first frame needs, read from `settings.json` without pydantic (issue 19).

Importing pydantic and building the settings models costs ~0.1 s; the window with the kept order
list needs only the store's ids, the language, the station name, the refresh intervals and the
shipment cutoff. `read_first_settings` takes those that are valid as `AppSettings` would accept
them and the defaults otherwise, and never writes anything. The full validated load
(`settings.load_settings`: backup and a clear message for a damaged file) runs right after the
first paint; if its outcome differs from what the first frame used, the shell builds the frame
again from it (`app.first_frame.frame_basis`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any, Literal

from packstation.data_dir import SETTINGS_FILE
from packstation.domain.deadline import DEFAULT_CUTOFF


@dataclass(frozen=True, slots=True)
class FirstSettings:
    """The first frame's settings: the same names and defaults as in `AppSettings`."""

    business_id: int | None = None
    campaign_id: int | None = None
    language: Literal["ru", "en"] = "ru"
    station_name: str = ""
    refresh_interval_s: int = 60
    express_refresh_interval_s: int = 15
    shipment_cutoff: time = DEFAULT_CUTOFF

    @property
    def has_store(self) -> bool:
        """Whether a real store is configured (both ids set)."""
        return self.business_id is not None and self.campaign_id is not None


def _int_in(value: Any, low: int, high: int | None = None) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if value >= low and (high is None or value <= high) else None


def _cutoff(value: Any) -> time | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = time.fromisoformat(value)
    except ValueError:
        return None
    whole_minutes = parsed.tzinfo is None and not parsed.second and not parsed.microsecond
    return parsed if whole_minutes else None


def read_first_settings(data_dir: Path, *, language: str | None = None, campaign_id: int | None = None,
                        business_id: int | None = None) -> FirstSettings:
    """The first frame's settings from `data_dir`, with the command line's overrides.

    A missing, unreadable or damaged file gives the defaults (the full load reports it).
    """
    raw: Any
    try:
        raw = json.loads((data_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        raw = {}
    data: dict[str, Any] = raw if isinstance(raw, dict) else {}
    defaults = FirstSettings()
    station = data.get("station_name")
    stored_language = data.get("language")
    chosen_language = language if language is not None else stored_language
    return FirstSettings(
        business_id=business_id if business_id is not None else _int_in(data.get("business_id"), 1),
        campaign_id=campaign_id if campaign_id is not None else _int_in(data.get("campaign_id"), 1),
        language="en" if chosen_language == "en" else "ru",
        station_name=station if isinstance(station, str) else defaults.station_name,
        refresh_interval_s=_int_in(data.get("refresh_interval_s"), 10, 3600) or defaults.refresh_interval_s,
        express_refresh_interval_s=(
            _int_in(data.get("express_refresh_interval_s"), 5, 600) or defaults.express_refresh_interval_s
        ),
        shipment_cutoff=_cutoff(data.get("shipment_cutoff")) or defaults.shipment_cutoff,
    )
