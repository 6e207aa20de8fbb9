"""A desk in its own process: claims an order, heartbeats, and prints READY; the test SIGKILLs it."""

from __future__ import annotations

import asyncio
import sys

from packstation.fleet.store import FleetStore
from packstation.services.desk_claims import DeskClaims


async def main(dsn: str, desk: str, order_id: int, lease_s: float) -> None:
    store = FleetStore(dsn, desk=desk, packer="Killed", lease_s=lease_s)
    await store.open()
    claims = DeskClaims(store, heartbeat_s=lease_s / 4)
    decision = await claims.open(order_id)
    print(f"READY {type(decision).__name__}", flush=True)
    await claims.run()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])))
