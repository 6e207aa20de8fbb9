"""Benchmark: the Market client fetching 5,000 orders from the sandbox over loopback HTTP.

Starts the sandbox (5,000 seeded orders) with uvicorn in a separate process on an ephemeral
127.0.0.1 port, then measures:

1. sequential token pagination over all orders (100 pages of 50): orders/s and requests/s;
2. the same orders fetched as 100 concurrent by-id pages under the client's parallel cap (4 in
   flight per business): orders/s, requests/s and the observed peak in flight;
3. the client's own overhead per request: the same page fetched with a bare `httpx.AsyncClient`
   (bytes only, and bytes + json.loads) versus `MarketClient` (typed pydantic models), interleaved
   in the same run; target: client <= 1.5 x bare httpx.

Usage: python3 bench/api_fetch.py [--orders 5000] [--repeat 200]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from packstation.market import MarketClient  # noqa: E402
from packstation.market.models import GetBusinessOrdersRequest, GetBusinessOrdersResponse  # noqa: E402

BUSINESS_ID = 1001

_SERVER = """
import sys, uvicorn
from packstation.sandbox.app import SandboxConfig, create_app
app = create_app(SandboxConfig(seed=1, order_count=int(sys.argv[2])))
print("ready", flush=True)
uvicorn.run(
    app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False, date_header=False
)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_sandbox(orders: int) -> tuple[subprocess.Popen[bytes], str]:
    """The sandbox in its own process, so the server does not share the client's GIL."""
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen([sys.executable, "-c", _SERVER, str(port), str(orders)], env=env, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/_sandbox/health", timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            raise SystemExit("the sandbox process exited")
        time.sleep(0.2)
    process.kill()
    raise SystemExit("the sandbox did not start within 120 s")


async def sequential(client: MarketClient) -> list[int]:
    ids: list[int] = []
    requests = 0
    started = time.perf_counter()
    async for page in client.iter_business_order_pages(BUSINESS_ID, GetBusinessOrdersRequest(), limit=50):
        requests += 1
        ids.extend(order.order_id for order in page)
    elapsed = time.perf_counter() - started
    print(
        f"sequential pagination: {len(ids)} orders, {requests} requests in {elapsed:.2f} s "
        f"-> {len(ids) / elapsed:,.0f} orders/s, {requests / elapsed:,.1f} requests/s"
    )
    return ids


async def parallel(client: MarketClient, ids: list[int]) -> None:
    chunks = [ids[i : i + 50] for i in range(0, len(ids), 50)]
    started = time.perf_counter()
    requests = [GetBusinessOrdersRequest(order_ids=chunk) for chunk in chunks]
    pages = await asyncio.gather(*(client.business_orders_page(BUSINESS_ID, request) for request in requests))
    elapsed = time.perf_counter() - started
    fetched = sum(len(page.orders) for page in pages)
    peak = client.transport.limiter.peak.get(("business", BUSINESS_ID), 0)
    print(
        f"parallel by id (cap {client.transport.limiter.limit}): {fetched} orders, {len(chunks)} requests "
        f"in {elapsed:.2f} s -> {fetched / elapsed:,.0f} orders/s, {len(chunks) / elapsed:,.1f} requests/s; "
        f"peak in flight {peak}"
    )


async def overhead(client: MarketClient, url: str, ids: list[int], repeat: int) -> None:
    body = GetBusinessOrdersRequest(order_ids=ids[:50])
    payload = body.wire()
    bare = httpx.AsyncClient(base_url=url, headers={"Api-Key": "bench"})
    path = f"/v1/businesses/{BUSINESS_ID}/orders"
    raw: list[float] = []
    raw_json: list[float] = []
    typed: list[float] = []
    try:
        for _ in range(10):  # warm-up: connections, caches
            await bare.post(path, json=payload, params={"limit": 50})
            await client.business_orders_page(BUSINESS_ID, body)
        for _ in range(repeat):
            t0 = time.perf_counter()
            response = await bare.post(path, json=payload, params={"limit": 50})
            response.read()
            t1 = time.perf_counter()
            response = await bare.post(path, json=payload, params={"limit": 50})
            json.loads(response.content)
            t2 = time.perf_counter()
            page = await client.business_orders_page(BUSINESS_ID, body)
            t3 = time.perf_counter()
            assert len(page.orders) == 50
            raw.append(t1 - t0)
            raw_json.append(t2 - t1)
            typed.append(t3 - t2)
        content = response.content
    finally:
        await bare.aclose()
    started = time.perf_counter()
    for _ in range(repeat):
        GetBusinessOrdersResponse.model_validate_json(content)
    parse = (time.perf_counter() - started) / repeat
    med = statistics.median
    print(f"per request, one page of 50 orders ({len(content):,} bytes), median of {repeat}:")
    print(f"  bare httpx (bytes)           {med(raw) * 1000:7.2f} ms")
    print(f"  bare httpx + json.loads      {med(raw_json) * 1000:7.2f} ms")
    print(f"  MarketClient (typed models)  {med(typed) * 1000:7.2f} ms")
    print(f"  of which pydantic parse+validate alone: {parse * 1000:.2f} ms")
    ratio = med(typed) / med(raw)
    print(f"  client / bare httpx = {ratio:.2f}x (target <= 1.5x): {'OK' if ratio <= 1.5 else 'OVER TARGET'}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    process, url = start_sandbox(args.orders)
    try:
        async with MarketClient("bench", url) as client:
            ids = await sequential(client)
            await parallel(client, ids)
            await overhead(client, url, ids, args.repeat)
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    asyncio.run(main())
