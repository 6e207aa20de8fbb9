"""The one station clock and the Market's time zone.

Every timestamp the app keeps is timezone-aware UTC (`utc_now`, `SystemClock` for the `Clock`
port); the Market's dates without a time of day (shipment days) are Moscow days (`MOSCOW`,
UTC+3 all year round).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

MOSCOW = timezone(timedelta(hours=3), "MSK")
"""The Market's time zone (no daylight saving since 2014)."""


def utc_now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def moscow_today() -> date:
    """The Market's date now (shipment days, statistics' "today")."""
    return utc_now().astimezone(MOSCOW).date()


class SystemClock:
    """The station clock (`services.ports.Clock`)."""

    def now(self) -> datetime:
        return utc_now()
