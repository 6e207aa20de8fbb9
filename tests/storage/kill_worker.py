"""The process the kill test SIGKILLs: packs one sandbox order by scripted scans over HTTP.

Run as `python3 -m tests.storage.kill_worker DATA_DIR URL ORDER_ID SCRIPT_JSON [PACE_MS [submit]]`
from the repository root; it prints READY once imported and starts when a line arrives on stdin. It
opens the station's local store in DATA_DIR, reads the order from the sandbox at URL through the
real Market client, opens a packing session and applies the scans in SCRIPT_JSON (a JSON list of
raw scan texts). After each action returns (the journal append is durable by then) it prints
`ACK <n>` (n = 0 for the opening, then 1..len(script)), flushed, so the parent knows what the
packer had been shown when the process died. With `submit` it then submits the order (layout,
READY_TO_SHIP) and prints `ACK <len(script) + 1>` when the Market confirmed.
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from packstation.domain.classify import classify_scan
from packstation.domain.packing.model import Packing
from packstation.market.client import MarketClient
from packstation.market.gateway import MarketGateway
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from packstation.services.code_guard import CodeGuard
from packstation.services.packing import PackingSession, SessionDeps
from packstation.services.ports import MarketPort
from packstation.storage.local_store import LocalStore, open_local_store


class UtcClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


def station_deps(store: LocalStore, market: MarketPort) -> SessionDeps:
    """The session's ports as the app wires them (journal, outbox, audit, seen-codes guard)."""
    return SessionDeps(
        market=market,
        journal=store.journal,
        clock=UtcClock(),
        guard=CodeGuard(store.codes),
        outbox=store.outbox,
        audit=store.audit,
    )


def session_state(session: PackingSession) -> dict[str, Any]:
    """Everything the packer sees of the packing, in a comparable, JSON-able form."""
    packing: Packing = session.packing
    return {
        "phase": session.phase.value,
        "boxes": [
            {
                "units": [[u.line_id, u.n] for u in box.units],
                "part": None
                if box.part is None
                else [box.part.unit.line_id, box.part.unit.n, box.part.current, box.part.total],
                "closed": box.closed,
            }
            for box in packing.boxes
        ],
        "codes": sorted(
            [unit.line_id, unit.n, [[i.kind.value, i.value] for i in instances]]
            for unit, instances in packing.codes.items()
        ),
        "current": packing.current,
        "allow_remove": packing.allow_remove,
        "last_line": packing.last_line,
        "can_undo": session.snapshot.can_undo,
    }


async def run(
    data_dir: Path, url: str, order_id: int, script: list[str], pace_s: float, submit: bool
) -> None:
    store = open_local_store(data_dir, station="kill-test", packer="worker")
    client = MarketClient("kill-test-key", url)
    try:
        market = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)
        order = await market.get_order(order_id)
        session = PackingSession.open(order, station_deps(store, market))
        print("ACK 0", flush=True)
        for n, text in enumerate(script, start=1):
            session.scan(classify_scan(text))
            print(f"ACK {n}", flush=True)
            await asyncio.sleep(pace_s)  # spreads the random kill points over the whole sequence
        if submit:
            await session.submit()
            print(f"ACK {len(script) + 1}", flush=True)
        print("DONE", flush=True)
    finally:
        await client.aclose()
        store.close()


def main(argv: list[str]) -> None:
    data_dir, url, order_id, script_path = argv[:4]
    pace_ms = float(argv[4]) if len(argv) > 4 else 1.0
    submit = len(argv) > 5 and argv[5] == "submit"
    script = json.loads(Path(script_path).read_text(encoding="utf-8"))
    # Imported and waiting: the parent starts the next worker early and says GO when it is its turn.
    print("READY", flush=True)
    sys.stdin.readline()
    asyncio.run(run(Path(data_dir), url, int(order_id), script, pace_ms / 1000, submit))


if __name__ == "__main__":
    main(sys.argv[1:])
