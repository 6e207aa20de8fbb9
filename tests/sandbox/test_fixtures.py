"""The shared sandbox fixtures work: in-process app and a real HTTP server."""

from __future__ import annotations

import httpx
import pytest
from starlette.applications import Starlette

from packstation.sandbox.demo_data import DEMO_BUSINESS_ID
from packstation.sandbox.state import Sandbox
from tests.fixtures.sandbox import SandboxServer


@pytest.mark.asyncio
async def test_sandbox_app_serves_in_process(sandbox_app: Starlette) -> None:
    transport = httpx.ASGITransport(app=sandbox_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
        response = await client.post(
            f"/v1/businesses/{DEMO_BUSINESS_ID}/orders", json={}, headers={"Api-Key": "k"}
        )
    assert response.status_code == 200
    assert len(response.json()["orders"]) == 39
    assert isinstance(sandbox_app.state.sandbox, Sandbox)


def test_sandbox_server_serves_over_http(sandbox_server: SandboxServer) -> None:
    assert not sandbox_server.url.endswith("/")
    response = httpx.get(f"{sandbox_server.url}/v2/campaigns", headers={"Api-Key": "k"})
    assert response.status_code == 200
    assert sandbox_server.sandbox is sandbox_server.app.state.sandbox
