"""The client waits what the Market asked, whatever the station's clock says: `Retry-After` as
seconds or as an HTTP date, and `X-RateLimit-Resource-Until`, are read against the server's
`Date`. The station here is 10 minutes fast or 2 minutes slow; the servers are an ASGI app that
sets these headers and the sandbox over real HTTP (with a frozen sandbox clock)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from starlette.types import Receive, Scope, Send

from packstation.market import MarketClient, RateLimitedError, RetryPolicy
from packstation.sandbox.app import SandboxConfig, create_app
from packstation.sandbox.clock import SandboxClock
from tests.fixtures.sandbox import serve_in_thread, stop_server
from tests.market.fakes import BASE, WALL_START, FakeClock, rfc822

SKEWS = pytest.mark.parametrize("skew", [timedelta(minutes=10), timedelta(minutes=-2)], ids=["fast", "slow"])
LABELS_DATA = {"status": "OK", "result": {"orderId": 7, "placesNumber": 0, "url": "u", "parcelBoxLabels": []}}
REFUSED = {"status": "ERROR", "errors": [{"code": "REQUEST_LIMIT_EXCEEDED", "message": "slow down"}]}


class ScriptedMarket:
    """An ASGI app answering each request with the next (status, headers, body) of a script."""

    def __init__(self, *answers: tuple[int, dict[str, str], Any]) -> None:
        self.answers = list(answers)
        self.calls = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        assert scope["type"] == "http"
        status, headers, body = self.answers[min(self.calls, len(self.answers) - 1)]
        self.calls += 1
        content = json.dumps(body).encode()
        head = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
        head.append((b"content-type", b"application/json"))
        await send({"type": "http.response.start", "status": status, "headers": head})
        await send({"type": "http.response.body", "body": content})


def _client(app: Any, clock: FakeClock, base_url: str = BASE, **options: Any) -> MarketClient:
    transport = httpx.ASGITransport(app=app) if app is not None else None
    return MarketClient(
        "secret-token-123",
        base_url,
        transport=transport,
        sleep=clock.sleep,
        clock=clock.monotonic,
        wall=clock.wall,
        rng=random.Random(7),
        **options,
    )


@pytest.mark.asyncio
@SKEWS
async def test_retry_after_as_an_http_date_is_read_against_the_server_date(skew: timedelta) -> None:
    clock = FakeClock()
    server_now = clock.wall() - skew  # the station is `skew` ahead of the Market
    refused = {"Date": rfc822(server_now), "Retry-After": rfc822(server_now + timedelta(seconds=20))}
    app = ScriptedMarket((420, refused, REFUSED), (200, {"Date": rfc822(server_now)}, LABELS_DATA))
    async with _client(app, clock) as client:
        result = await client.labels_data(2001, 7)
    assert result.order_id == 7
    assert app.calls == 2
    assert clock.sleeps == [20.0]


@pytest.mark.asyncio
@SKEWS
async def test_resource_until_is_read_against_the_server_date(skew: timedelta) -> None:
    clock = FakeClock()
    server_now = clock.wall() - skew
    until = rfc822(server_now + timedelta(seconds=45))
    refused = {"Date": rfc822(server_now), "X-RateLimit-Resource-Until": until}
    app = ScriptedMarket((420, refused, REFUSED), (200, {"Date": rfc822(server_now)}, LABELS_DATA))
    async with _client(app, clock) as client:
        await client.labels_data(2001, 7)
    assert clock.sleeps == [45.0]


@pytest.mark.asyncio
@SKEWS
async def test_an_exhausted_quota_paces_the_next_call_by_the_server_clock(skew: timedelta) -> None:
    clock = FakeClock()
    server_now = clock.wall() - skew
    spent = {
        "Date": rfc822(server_now),
        "X-RateLimit-Resource-Limit": "10000",
        "X-RateLimit-Resource-Remaining": "0",
        "X-RateLimit-Resource-Until": rfc822(server_now + timedelta(seconds=50)),
    }
    app = ScriptedMarket((200, spent, LABELS_DATA), (200, {}, LABELS_DATA))
    async with _client(app, clock) as client:
        await client.labels_data(2001, 7)
        assert clock.sleeps == []
        await client.labels_data(2001, 7)  # waits for the window the Market named, then goes
    assert clock.sleeps == [50.0]
    assert app.calls == 2


@pytest.mark.asyncio
async def test_without_a_date_header_the_station_clock_is_the_reference() -> None:
    clock = FakeClock()
    refused = {"Retry-After": rfc822(clock.wall() + timedelta(seconds=12))}
    app = ScriptedMarket((420, refused, REFUSED), (200, {}, LABELS_DATA))
    async with _client(app, clock) as client:
        await client.labels_data(2001, 7)
    assert clock.sleeps == [12.0]


@pytest.mark.asyncio
async def test_a_distant_http_date_fails_fast_with_the_wait_the_market_named() -> None:
    clock = FakeClock()
    server_now = clock.wall() + timedelta(minutes=2)  # the station is 2 minutes slow
    refused = {"Date": rfc822(server_now), "Retry-After": rfc822(server_now + timedelta(minutes=40))}
    app = ScriptedMarket((420, refused, REFUSED))
    async with _client(app, clock) as client:
        with pytest.raises(RateLimitedError) as caught:
            await client.labels_data(2001, 7)
    assert caught.value.retry_after == 2400.0
    assert clock.sleeps == []


@pytest.fixture(params=[timedelta(minutes=10), timedelta(minutes=-2)], ids=["fast", "slow"])
def throttling_sandbox(request: pytest.FixtureRequest) -> Iterator[tuple[str, datetime]]:
    """The sandbox over real HTTP refusing every call with 420, its clock frozen `skew` behind
    the station's (FakeClock's wall starts at WALL_START)."""
    server_now = WALL_START - request.param
    app = create_app(SandboxConfig(faults="420=1", clock=SandboxClock(server_now)))
    server, thread, url = serve_in_thread(app)
    try:
        yield url, server_now
    finally:
        stop_server(server, thread)


@pytest.mark.asyncio
async def test_the_sandbox_dates_its_answers_by_its_clock_and_the_client_waits_its_30_seconds(
    throttling_sandbox: tuple[str, datetime],
) -> None:
    url, server_now = throttling_sandbox
    async with httpx.AsyncClient() as raw:
        answer = await raw.get(f"{url}/v2/campaigns", headers={"Api-Key": "k"})
    assert answer.status_code == 420
    assert answer.headers.get_list("date") == [rfc822(server_now)]
    clock = FakeClock()
    async with _client(None, clock, base_url=url, retry=RetryPolicy(attempts=3)) as client:
        with pytest.raises(RateLimitedError) as caught:
            await client.campaigns()
    assert caught.value.retry_after == 30.0
    assert clock.sleeps == [30.0, 30.0]
