"""The HTTP layer under `MarketClient`: one shared httpx.AsyncClient, auth, retries with
exponential backoff and jitter where safe, 420 handling, the parallel cap and quota pacing.

Every failure leaves as a `MarketError` subclass; the Api-Key never reaches a log line.
"""

from __future__ import annotations

import asyncio
import json as jsonlib
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from pydantic import ValidationError

from packstation import __version__
from packstation.domain.time import utc_now
from packstation.market.errors import (
    ApiErrorItem,
    ConnectionFailedError,
    InvalidResponseError,
    MarketError,
    MarketTimeoutError,
    RateLimitedError,
    ServerError,
    error_for_status,
)
from packstation.market.models.base import ApiErrorResponse
from packstation.market.operations import Operation
from packstation.market.throttle import ParallelLimiter, QuotaTracker, RateHeaders, scope_key

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.partner.market.yandex.ru"
USER_AGENT = f"Packstation/{__version__}"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0, pool=30.0)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How hard to try.

    Attributes:
        attempts: total tries of one call (first try included).
        base_delay: first backoff in seconds; doubles per retry, with full jitter.
        max_delay: cap of one backoff.
        max_rate_wait: the longest wait for a rate limit (420 or local quota) the client sits
            out by itself; longer waits raise `RateLimitedError` so the UI can tell the packer.
    """

    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_rate_wait: float = 60.0


Sleep = Callable[[float], Awaitable[None]]


def parse_errors(content: bytes) -> tuple[ApiErrorItem, ...]:
    """The `errors[]` of an error body, or nothing when the body is not the documented JSON."""
    try:
        body = ApiErrorResponse.model_validate_json(content)
    except ValidationError:
        return ()
    return tuple(ApiErrorItem(e.code, e.message) for e in body.errors or ())


class MarketTransport:
    """Sends one operation with the house rules for retries and rate limits.

    Args:
        api_key: the `Api-Key` token.
        base_url: the Market (default) or the sandbox.
        transport: an httpx transport for tests (MockTransport, ASGITransport).
        retry: the retry policy.
        parallel_limit: simultaneous requests per campaign / business / account.
        quota: the quota tracker (shared if several clients use one key).
        sleep, clock, wall, rng: injectable for tests. `wall` (the station's clock) only stands
            in for the server's `Date` when an answer lacks it: every instant the Market names
            (`Retry-After` as a date, `X-RateLimit-Resource-Until`) is read against its own clock.
    """

    def __init__(
        self,
        api_key: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        retry: RetryPolicy | None = None,
        parallel_limit: int = 4,
        quota: QuotaTracker | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = utc_now,
        rng: random.Random | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.retry = retry or RetryPolicy()
        self.limiter = ParallelLimiter(parallel_limit)
        self.quota = quota or QuotaTracker()
        self.sleep, self.clock, self.wall = sleep, clock, wall
        self._rng = rng or random.Random()
        self.http = httpx.AsyncClient(
            base_url=self.base_url,
            transport=transport,
            timeout=timeout,
            headers={"Api-Key": api_key, "User-Agent": USER_AGENT, "Accept": "application/json"},
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=16),
            follow_redirects=False,
        )

    async def aclose(self) -> None:
        await self.http.aclose()

    def _backoff(self, attempt: int) -> float:
        cap = min(self.retry.max_delay, self.retry.base_delay * 2**attempt)
        return self._rng.uniform(0, cap)

    async def send(
        self,
        op: Operation,
        path_params: Mapping[str, int | str] | None = None,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        units: int = 1,
    ) -> httpx.Response:
        """Send `op` and return its 2xx response; raise a `MarketError` otherwise.

        Retries: connection failures before the request left (always safe), timeouts, 5xx and
        broken connections only for `op.retry_safe` (reads); 420 for every method (the Market
        refused it unprocessed) after waiting for the reset, if the wait is short enough.

        A mutation (box layout, status, courier code) is never resent here after it may have
        arrived: the error then has `answer_lost` set, and the caller reads the order back to
        learn whether it was applied (`services.lost_answer`).
        """
        values = dict(path_params or {})
        url = op.path.format(**values)
        key = scope_key(values)
        content = None if json is None else dumps_body(json)
        headers = {"Content-Type": "application/json"} if content is not None else None
        query = {k: v for k, v in (params or {}).items() if v is not None}
        attempt = 0
        while True:
            now = self.clock()
            wait = self.quota.delay(op, key, now, units)
            if wait > self.retry.max_rate_wait:
                raise RateLimitedError(wait, operation=op.id)
            # Count the call now, at the moment it is due to go: a concurrent call deciding its
            # own wait meanwhile (while this one sleeps or waits for a parallel slot) sees it, so
            # calls started together cannot all squeeze into the last unit of a quota.
            self.quota.record(op, key, now, units, due=now + wait)
            if wait > 0:
                log.info("pacing %s for %.1f s to stay within the quota", op.id, wait)
                await self.sleep(wait)
            error: MarketError
            cause: Exception | None = None
            retry_after: float | None = None
            async with self.limiter.slot(key):
                started = self.clock()
                try:
                    response = await self.http.request(
                        op.method, url, params=query, content=content, headers=headers
                    )
                except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                    # The request never reached the Market: resending cannot duplicate anything.
                    error, can_retry, cause = _connection_error(exc, op, sent=False), True, exc
                except httpx.PoolTimeout as exc:
                    error = MarketTimeoutError(operation=op.id, answer_lost=False)
                    can_retry, cause = True, exc
                except httpx.TimeoutException as exc:
                    error, can_retry, cause = MarketTimeoutError(operation=op.id), op.retry_safe, exc
                except httpx.TransportError as exc:
                    # Sent, then the connection broke: the Market may have applied it (a lost answer).
                    error, can_retry, cause = _connection_error(exc, op, sent=True), op.retry_safe, exc
                except httpx.RequestError as exc:
                    # Not a network fault: the answer arrived but could not be decoded.
                    error = InvalidResponseError(type(exc).__name__, operation=op.id)
                    can_retry, cause = False, exc
                else:
                    elapsed = self.clock() - started
                    log.debug("%s %s -> %s in %.3f s", op.method, url, response.status_code, elapsed)
                    rate = RateHeaders.parse(response.headers)
                    self.quota.observe(op, key, rate, self.clock(), self.wall())
                    if response.is_success:
                        return response
                    errors = parse_errors(response.content)
                    retry_after = rate.retry_wait(self.wall()) if response.status_code == 420 else None
                    error = error_for_status(
                        response.status_code, errors, operation=op.id, retry_after=retry_after
                    )
                    can_retry = isinstance(error, RateLimitedError) or (
                        isinstance(error, ServerError) and op.retry_safe
                    )
            attempt += 1
            if not can_retry or attempt >= self.retry.attempts:
                raise error from cause
            if isinstance(error, RateLimitedError):
                delay = retry_after if retry_after is not None else self._backoff(attempt)
                if delay > self.retry.max_rate_wait:
                    raise error
            else:
                delay = self._backoff(attempt)
            log.warning("%s failed (%s); retry %d in %.2f s", op.id, type(error).__name__, attempt, delay)
            await self.sleep(delay)


def _connection_error(exc: httpx.TransportError, op: Operation, *, sent: bool) -> ConnectionFailedError:
    return ConnectionFailedError(type(exc).__name__, operation=op.id, answer_lost=sent)


def dumps_body(body: Any) -> bytes:
    """The exact JSON bytes the client sends for a request body."""
    # ensure_ascii keeps every control character (GS in a CIS above all) as a \u escape: the
    # Market expects exactly "\u001d", and ASCII-only bodies survive any proxy.
    return jsonlib.dumps(body, ensure_ascii=True, separators=(",", ":"), allow_nan=False).encode("ascii")
