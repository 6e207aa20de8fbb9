"""A desk that polls the Market in its own process (the poller-failover test SIGKILLs it)."""

from __future__ import annotations

import asyncio
import sys

from tests.fleet.market_desks import market_desk


async def main(dsn: str, name: str, url: str) -> None:
    desk = await market_desk(dsn, name, url)
    await desk.queue.refresh()
    print(f"READY {'poller' if desk.source.leading else 'follower'}", flush=True)
    while True:
        await asyncio.sleep(1.0)
        await desk.queue.refresh()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3]))
