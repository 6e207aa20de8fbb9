"""Shared helpers of the storage tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class FakeClock:
    """A settable clock for retention and ordering tests."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 11, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)
