"""Api-Key auth and fault injection (latency, 5xx, 420 with headers, parallel limit, drops, slow PDFs)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

import httpx
import pytest

from packstation.sandbox.app import SandboxConfig, create_app
from packstation.sandbox.clock import MSK, SandboxClock
from packstation.sandbox.faults import FaultSpec, FaultSpecError
from tests.fixtures.sandbox import SandboxServer, serve_in_thread, stop_server
from tests.sandbox.helpers import assert_error, box, order_path, whole


def _serve(config: SandboxConfig) -> Iterator[SandboxServer]:
    app = create_app(config)
    server, thread, url = serve_in_thread(app)
    try:
        yield SandboxServer(url, app, app.state.sandbox)
    finally:
        stop_server(server, thread)


@pytest.fixture
def strict_server() -> Iterator[SandboxServer]:
    yield from _serve(SandboxConfig(strict_key="secret"))


def test_missing_key_is_401_in_any_mode(sandbox_server: SandboxServer) -> None:
    response = httpx.get(f"{sandbox_server.url}/v2/campaigns")
    assert_error(response, 401, "UNAUTHORIZED")
    assert httpx.get(f"{sandbox_server.url}/v2/campaigns", headers={"Api-Key": "anything"}).status_code == 200


def test_strict_key(strict_server: SandboxServer) -> None:
    wrong = httpx.get(f"{strict_server.url}/v2/campaigns", headers={"Api-Key": "guess"})
    assert_error(wrong, 403, "FORBIDDEN")
    assert httpx.get(f"{strict_server.url}/v2/campaigns").status_code == 401
    right = httpx.post(f"{strict_server.url}/v2/auth/token", headers={"Api-Key": "secret"})
    assert right.status_code == 200
    assert right.json()["result"]["apiKey"]["authScopes"] == ["ALL_METHODS"]


def test_fault_spec_parsing() -> None:
    spec = FaultSpec.parse("latency=0.2, 5xx=0.1@/boxes,parallel=4")
    assert spec.value("latency", "/v2/x") == 0.2
    assert spec.value("5xx", "/v2/campaigns/1/orders/2/boxes") == 0.1
    assert spec.value("5xx", "/v2/campaigns") == 0.0
    assert spec.value("parallel", "/any") == 4
    for bad in ("jitter=1", "5xx=2", "latency=fast", "latency"):
        with pytest.raises(FaultSpecError):
            FaultSpec.parse(bad)


@pytest.mark.asyncio
async def test_5xx_and_420_injection() -> None:
    app = create_app(SandboxConfig(faults="5xx=1@/boxes,420=1@/labels"))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://s", headers={"Api-Key": "k"}
    ) as client:
        order = app.state.sandbox.add_order()
        failed = await client.put(
            f"{order_path(order)}/boxes", json={"boxes": [box(whole(order.lines[0].id, 1))]}
        )
        assert_error(failed, 500, "INTERNAL_ERROR")
        limited = await client.get(f"{order_path(order)}/delivery/labels")
        assert_error(limited, 420, "REQUEST_LIMIT_EXCEEDED")
        assert limited.headers["X-RateLimit-Resource-Remaining"] == "0"
        assert "GMT" in limited.headers["X-RateLimit-Resource-Until"]
        assert (await client.get("/v2/campaigns")).status_code == 200


@pytest.mark.asyncio
async def test_parallel_limit_and_latency() -> None:
    app = create_app(SandboxConfig(faults="parallel=4,latency=0.2@/v1/businesses"))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://s", headers={"Api-Key": "k"}
    ) as client:
        started = time.monotonic()
        responses = await asyncio.gather(
            *(client.post("/v1/businesses/1001/orders", json={}) for _ in range(6))
        )
        assert time.monotonic() - started >= 0.2
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] * 4 + [420] * 2
    limited = next(r for r in responses if r.status_code == 420)
    assert "4 parallel requests for businessId 1001" in limited.json()["errors"][0]["message"]


@pytest.fixture
def dropping_server() -> Iterator[SandboxServer]:
    yield from _serve(SandboxConfig(faults="drop=1@/v2/auth"))


def test_dropped_connection(dropping_server: SandboxServer) -> None:
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.post(f"{dropping_server.url}/v2/auth/token", headers={"Api-Key": "k"})
    assert httpx.get(f"{dropping_server.url}/v2/campaigns", headers={"Api-Key": "k"}).status_code == 200


@pytest.mark.asyncio
async def test_slow_pdfs() -> None:
    app = create_app(SandboxConfig(faults="slow_pdf=0.3"))
    order = app.state.sandbox.add_order()
    app.state.sandbox.set_layout(order.campaign_id, order.id, {"boxes": [box(whole(order.lines[0].id, 1))]})
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://s", headers={"Api-Key": "k"}
    ) as client:
        started = time.monotonic()
        assert (await client.get(f"{order_path(order)}/delivery/labels/data")).status_code == 200
        json_time = time.monotonic() - started
        started = time.monotonic()
        assert (await client.get(f"{order_path(order)}/delivery/labels")).status_code == 200
        assert time.monotonic() - started >= 0.3 > json_time


@pytest.fixture
def frozen_server() -> Iterator[SandboxServer]:
    # Half a minute before a minute boundary of the sandbox clock: the quota windows are the
    # sandbox clock's, so however slowly the requests go, they all fall in one window.
    yield from _serve(SandboxConfig(clock=SandboxClock(FROZEN_AT)))


FROZEN_AT = datetime(2026, 11, 23, 12, 0, 30, tzinfo=MSK)


def test_rate_limit_headers_and_quota(frozen_server: SandboxServer) -> None:
    sandbox = frozen_server.sandbox
    with httpx.Client(base_url=frozen_server.url, headers={"Api-Key": "k"}) as api:
        first = api.get("/v2/reports/info/nope")
        assert first.headers["X-RateLimit-Resource-Limit"] == "100"
        assert first.headers["X-RateLimit-Resource-Remaining"] == "99"
        until = first.headers["X-RateLimit-Resource-Until"]
        for _ in range(99):
            api.get("/v2/reports/info/nope")
        limited = api.get("/v2/reports/info/nope")
        assert_error(limited, 420, "REQUEST_LIMIT_EXCEEDED")
        assert "100 requests per minute" in limited.json()["errors"][0]["message"]
        assert limited.headers["X-RateLimit-Resource-Remaining"] == "0"
        assert (
            api.get("/v2/campaigns").headers["X-RateLimit-Resource-Limit"] == "1000"
        )  # other methods unaffected
        assert parsedate_to_datetime(until) == FROZEN_AT.replace(second=0) + timedelta(minutes=1)
        sandbox.advance_clock(29.9)  # still the same window: still refused
        assert api.get("/v2/reports/info/nope").status_code == 420
        sandbox.advance_clock(0.1)  # the next window starts
        fresh = api.get("/v2/reports/info/nope")
        assert fresh.status_code == 404
        assert fresh.headers["X-RateLimit-Resource-Remaining"] == "99"
        assert fresh.headers["X-RateLimit-Resource-Until"] != until


@pytest.mark.asyncio
async def test_quota_enforcement_can_be_turned_off() -> None:
    app = create_app(SandboxConfig(quotas=False))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://s", headers={"Api-Key": "k"}
    ) as client:
        responses = [await client.post("/v2/auth/token") for _ in range(101)]
    assert {r.status_code for r in responses} == {200}
    assert responses[-1].headers["X-RateLimit-Resource-Remaining"] == "0"
