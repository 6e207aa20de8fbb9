"""Client-side rate control: the Market's parallel cap and the per-method hourly quotas.

`ParallelLimiter` keeps at most 4 requests in flight per campaign / business / account (the
Market answers 420 beyond that). `QuotaTracker` counts calls per method and scope in a sliding
window and, together with the `X-RateLimit-Resource-*` headers, paces calls once most of a
quota is used, so the desk slows down before the Market starts refusing.
"""

from __future__ import annotations

import asyncio
import bisect
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from packstation.market.operations import Operation

PARALLEL_LIMIT = 4
"""The Market's documented cap of simultaneous requests per campaign, business or token."""

ScopeKey = tuple[str, int]


class ParallelLimiter:
    """One semaphore per scope key (campaign, business or the whole account)."""

    def __init__(self, limit: int = PARALLEL_LIMIT) -> None:
        self.limit = limit
        self._semaphores: dict[ScopeKey, asyncio.Semaphore] = {}
        self.in_flight: dict[ScopeKey, int] = {}
        self.peak: dict[ScopeKey, int] = {}

    def slot(self, key: ScopeKey) -> _Slot:
        """An async context manager holding one of the key's slots."""
        semaphore = self._semaphores.get(key)
        if semaphore is None:
            semaphore = self._semaphores[key] = asyncio.Semaphore(self.limit)
        return _Slot(self, key, semaphore)


class _Slot:
    def __init__(self, owner: ParallelLimiter, key: ScopeKey, semaphore: asyncio.Semaphore) -> None:
        self._owner, self._key, self._semaphore = owner, key, semaphore

    async def __aenter__(self) -> None:
        await self._semaphore.acquire()
        count = self._owner.in_flight.get(self._key, 0) + 1
        self._owner.in_flight[self._key] = count
        self._owner.peak[self._key] = max(self._owner.peak.get(self._key, 0), count)

    async def __aexit__(self, *exc: object) -> None:
        self._owner.in_flight[self._key] -= 1
        self._semaphore.release()


def scope_key(path_params: Mapping[str, object]) -> ScopeKey:
    """The parallel-limit scope of a call: its campaign, else its business, else the account."""
    for name, kind in (("campaignId", "campaign"), ("businessId", "business")):
        value = path_params.get(name)
        if isinstance(value, int):
            return (kind, value)
    return ("account", 0)


@dataclass(slots=True)
class _Window:
    calls: deque[tuple[float, int]] = field(default_factory=deque)
    used: int = 0
    server_limit: int | None = None
    server_remaining: int | None = None
    server_reset: float | None = None  # monotonic time the server's window resets


def parse_http_date(raw: str | None) -> datetime | None:
    """An HTTP date (RFC 822 / RFC 9110 IMF-fixdate) as an aware datetime; None if absent or bad."""
    if not raw:
        return None
    try:
        moment = parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        # Some gateways send ISO 8601 instead of RFC 822.
        try:
            moment = datetime.fromisoformat(raw)
        except ValueError:
            return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class RateHeaders:
    """The rate headers of one response: `X-RateLimit-Resource-*`, `Retry-After` and `Date`.

    Every instant the server names is read against the server's own clock (its `Date`), so a
    station clock that is minutes fast or slow still waits exactly what the Market asked.
    """

    limit: int | None
    remaining: int | None
    until: datetime | None
    server_date: datetime | None = None
    retry_after: float | datetime | None = None  # seconds, or the instant (an HTTP date)

    @classmethod
    def parse(cls, headers: Mapping[str, str]) -> RateHeaders:
        def integer(name: str) -> int | None:
            try:
                return int(headers[name])
            except (KeyError, ValueError):
                return None

        retry_after: float | datetime | None = None
        raw = (headers.get("retry-after") or "").strip()
        if raw:
            try:
                retry_after = max(0.0, float(raw))
            except ValueError:
                retry_after = parse_http_date(raw)
        return cls(
            integer("x-ratelimit-resource-limit"),
            integer("x-ratelimit-resource-remaining"),
            parse_http_date(headers.get("x-ratelimit-resource-until")),
            parse_http_date(headers.get("date")),
            retry_after,
        )

    def _seconds_until(self, moment: datetime, station_now: datetime) -> float:
        reference = self.server_date if self.server_date is not None else station_now
        return max(0.0, (moment - reference).total_seconds())

    def seconds_to_reset(self, station_now: datetime) -> float | None:
        """Seconds until the quota window resets, by the server's clock (the station's without `Date`)."""
        return None if self.until is None else self._seconds_until(self.until, station_now)

    def retry_wait(self, station_now: datetime) -> float | None:
        """How long a refused (420) call must wait: `Retry-After` (seconds or a date), else the
        quota reset; None when the server said neither."""
        if isinstance(self.retry_after, datetime):
            return self._seconds_until(self.retry_after, station_now)
        if self.retry_after is not None:
            return self.retry_after
        return self.seconds_to_reset(station_now)


class QuotaTracker:
    """Counts calls per (operation, scope) and says how long to wait before the next one.

    Until `slow_at` of a quota is used, calls go at full speed; after that the rest of the
    quota is spread evenly over the rest of the window; with nothing left, the wait lasts until
    the window frees a call (or the server's reset time).
    """

    def __init__(self, slow_at: float = 0.8) -> None:
        self.slow_at = slow_at
        self._windows: dict[tuple[str, ScopeKey], _Window] = {}

    def _window(self, op: Operation, key: ScopeKey, now: float) -> _Window:
        window = self._windows.setdefault((op.id, key), _Window())
        while window.calls and window.calls[0][0] <= now - op.period:
            _, units = window.calls.popleft()
            window.used -= units
        if window.server_reset is not None and window.server_reset <= now:
            window.server_remaining = window.server_limit = window.server_reset = None
        return window

    def delay(self, op: Operation, key: ScopeKey, now: float, units: int = 1) -> float:
        """Seconds to wait before sending `units` more of `op` for `key` at monotonic `now`."""
        window = self._window(op, key, now)
        waits = [0.0]
        remaining = op.limit - window.used
        if remaining < units:
            # Wait until enough of the oldest calls leave the window.
            freed, index = remaining, 0
            while freed < units and index < len(window.calls):
                freed += window.calls[index][1]
                index += 1
            waits.append(window.calls[index - 1][0] + op.period - now if index else op.period)
        elif window.used >= self.slow_at * op.limit and window.calls:
            window_end = window.calls[0][0] + op.period
            waits.append((window_end - now) * units / remaining)
        if window.server_remaining is not None and window.server_reset is not None:
            to_reset = window.server_reset - now
            limit = window.server_limit or op.limit
            if window.server_remaining < units:
                waits.append(to_reset)
            elif window.server_remaining <= (1 - self.slow_at) * limit:
                waits.append(to_reset * units / window.server_remaining)
        return max(waits)

    def record(
        self, op: Operation, key: ScopeKey, now: float, units: int = 1, *, due: float | None = None
    ) -> None:
        """Count a call at monotonic `now`; `due`: when it will go, if later (a paced call
        booked before its wait, so that concurrent calls see it)."""
        window = self._window(op, key, now)
        # Calls booked while waiting are due out of order; the window stays oldest first.
        bisect.insort(window.calls, (now if due is None else max(now, due), units))
        window.used += units
        if window.server_remaining is not None:
            window.server_remaining = max(0, window.server_remaining - units)

    def observe(self, op: Operation, key: ScopeKey, headers: RateHeaders, now: float, wall: datetime) -> None:
        """Adopt the server's view of the quota from a response's headers (`wall`: the station's
        clock, used only when the response has no `Date`)."""
        if headers.remaining is None or headers.until is None:
            return
        window = self._window(op, key, now)
        window.server_limit = headers.limit
        window.server_remaining = headers.remaining
        window.server_reset = now + (headers.seconds_to_reset(wall) or 0.0)

    def used(self, op: Operation, key: ScopeKey, now: float) -> int:
        """Units of `op` counted for `key` in the current window."""
        return self._window(op, key, now).used
