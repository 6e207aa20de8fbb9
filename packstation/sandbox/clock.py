"""The sandbox's notion of now: real time by default, or a manual clock that tests and demo mode
move forward (`advance`) to make Express deadlines and code verification happen on demand."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

MSK = timezone(timedelta(hours=3), "MSK")  # the Market reports times in Moscow time


class SandboxClock:
    """A clock that is real time plus an offset, or a frozen instant plus an offset.

    Args:
        start: freeze the clock at this instant (naive values are taken as Moscow time).
        source: a callable giving the current time (e.g. a test's fake clock); ignored with `start`.
    """

    def __init__(self, start: datetime | None = None, source: Callable[[], datetime] | None = None) -> None:
        if start is not None and start.tzinfo is None:
            start = start.replace(tzinfo=MSK)
        self._start = start
        self._source = source
        self._offset = timedelta()
        self._lock = threading.Lock()

    def now(self) -> datetime:
        """The current sandbox time, timezone-aware, in Moscow time (whole milliseconds)."""
        if self._start is not None:
            base = self._start
        elif self._source is not None:
            base = self._source()
        else:
            base = datetime.now(MSK)
        with self._lock:
            moment = (base + self._offset).astimezone(MSK)
        return moment.replace(microsecond=moment.microsecond // 1000 * 1000)

    def advance(self, delta: timedelta | float) -> None:
        """Move the clock forward by a timedelta or a number of seconds."""
        step = delta if isinstance(delta, timedelta) else timedelta(seconds=delta)
        with self._lock:
            self._offset += step


_UNITS = {"m": 60, "h": 3600, "d": 86400}


def clock_shift(text: str, now: datetime) -> timedelta:
    """How far `packstation sandbox --clock` moves the clock from `now`.

    Args:
        text: a signed shift ("+5h", "-30m", "+1d") or a moment to start from
            ("2026-12-07T18:30", Moscow time unless it carries an offset).
        now: the real current time (timezone-aware).

    Raises:
        ValueError: the text is neither.
    """
    text = text.strip()
    if text[:1] in "+-" and text[-1:] in _UNITS:
        amount = float(text[:-1])
        return timedelta(seconds=amount * _UNITS[text[-1]])
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=MSK)
    return moment - now
