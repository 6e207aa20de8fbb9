"""Test doubles for the client: a fake clock whose sleeps advance time instantly."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from packstation.market import MarketClient, RetryPolicy
from tests.fixtures.log_scan import TEST_API_KEY

BASE = "https://api.partner.market.yandex.ru"
WALL_START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


class FakeClock:
    """Monotonic and wall clocks that move only when the client sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> datetime:
        return WALL_START + timedelta(seconds=self.now - 1000.0)


def make_client(
    handler: Any, clock: FakeClock, *, retry: RetryPolicy | None = None, **options: Any
) -> MarketClient:
    """A client over a MockTransport whose waits are instant and recorded."""
    return MarketClient(
        TEST_API_KEY,
        BASE,
        transport=httpx.MockTransport(handler),
        retry=retry,
        sleep=clock.sleep,
        clock=clock.monotonic,
        wall=clock.wall,
        rng=random.Random(7),
        **options,
    )


def rfc822(moment: datetime) -> str:
    return moment.strftime("%a, %d %b %Y %H:%M:%S GMT")
