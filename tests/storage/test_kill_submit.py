"""Kill during submit: SIGKILL the packing service around its Market calls (box layout,
READY_TO_SHIP); after a restart, the outbox replay plus what the app does on opening the order
(restore from the journal, compare with a fresh copy, submit again if still packing) finish the
order with no request the Market refuses and nothing left pending.
"""

from __future__ import annotations

import asyncio
import json
import random
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from packstation.domain.classify import classify_scan
from packstation.market.client import MarketClient
from packstation.market.gateway import MarketGateway
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from packstation.services.outbox_replay import OutboxReplayer, ReplayOutcome, ReplayReport
from packstation.services.packing import PackingSession, Phase
from packstation.storage.local_store import open_local_store
from tests.fixtures.sandbox import SandboxServer
from tests.storage.kill_harness import WorkerArgs, go, kill_after, kill_seed, spawn
from tests.storage.kill_worker import station_deps

RUNS = 16
OFFERS = (("MUG-300", 2), ("PENCILS-24", 1))  # no marking codes: submit needs no verification


@dataclass(frozen=True, slots=True)
class Recovery:
    report: ReplayReport
    phase_after_open: Phase
    status: tuple[str, str]
    pending: int
    refused: str | None


async def _recover(url: str, data_dir: Path, order_id: int) -> Recovery:
    """What the app does on start: replay the outbox, open the order, submit if still packing."""
    store = open_local_store(data_dir)
    refused: str | None = None
    try:
        async with MarketClient("kill-test-key", url) as client:
            market = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)
            report = await OutboxReplayer(market, store.outbox, store.audit).replay()
            session = PackingSession.open(await market.get_order(order_id), station_deps(store, market))
            phase = session.phase
            if phase is Phase.PACKING:
                # Killed before the last scan was stored (never acknowledged to the packer): the
                # packer scans again what the journal does not hold, then submits.
                for line in session.order.lines:
                    for _ in session.packing.unplaced(line.id):
                        session.scan(classify_scan(line.barcodes[0]))
                try:
                    await session.submit()
                except Exception as err:  # any refusal is the failure this test looks for
                    refused = f"{type(err).__name__}: {err}"
            final = await market.get_order(order_id)
            return Recovery(
                report, phase, (final.status, final.substatus), len(store.outbox.pending_intents()), refused
            )
    finally:
        store.close()


@pytest.mark.slow
def test_sigkill_during_submit_then_replay_and_resubmit(
    sandbox_server: SandboxServer, tmp_path: Path
) -> None:
    sandbox = sandbox_server.sandbox
    order_ids = [sandbox.add_order(OFFERS).id for _ in range(RUNS)]
    lines = sandbox.find(order_ids[0]).lines
    script = [line.product.ean13 for line in lines for _ in range(line.count)]
    script_file = tmp_path / "script.json"
    script_file.write_text(json.dumps(script), encoding="utf-8")
    args = WorkerArgs(sandbox_server.url, script_file, pace_ms=1.0, submit=True)
    submitted = len(script) + 1  # the ACK after submit()

    seed = kill_seed()
    rng = random.Random(seed)
    seen: list[tuple[int, str]] = []
    started = time.monotonic()
    upcoming: subprocess.Popen[str] | None = spawn(tmp_path / "run0", order_ids[0], args)
    try:
        for run, order_id in enumerate(order_ids):
            worker, upcoming = upcoming, None
            assert worker is not None
            go(worker)
            if run + 1 < RUNS:
                upcoming = spawn(tmp_path / f"run{run + 1}", order_ids[run + 1], args)
            # From just before the last scan to after the submit: the layout and status calls.
            last = kill_after(worker, rng.randint(len(script) - 1, len(script)), rng.uniform(0.0, 0.25))
            recovery = asyncio.run(_recover(sandbox_server.url, tmp_path / f"run{run}", order_id))
            context = f"seed {seed}, run {run}, order {order_id}, last ACK {last}"
            outcomes = [item.outcome for item in recovery.report.items]
            seen.append((last, ",".join(outcome.value for outcome in outcomes) or "-"))
            assert recovery.refused is None, f"{recovery.refused} ({context})"
            assert ReplayOutcome.REJECTED not in outcomes, f"{recovery.report.items} ({context})"
            assert ReplayOutcome.PENDING not in outcomes, context
            assert recovery.status == ("PROCESSING", "READY_TO_SHIP"), context
            assert recovery.pending == 0, context
            stored = sandbox.find(order_id)
            packed = sorted((item["id"], item["fullCount"]) for box in stored.boxes for item in box.items)
            assert packed == sorted((line.id, line.count) for line in stored.lines), context
            if last == submitted:
                assert recovery.report.items == [], context  # nothing was left to replay
                assert recovery.phase_after_open is not Phase.PACKING, context
    finally:
        if upcoming is not None:
            upcoming.kill()
            upcoming.communicate(timeout=30)
    print(f"kill during submit: seed {seed}, {RUNS} kills in {time.monotonic() - started:.1f} s: {seen}")
    assert len({last for last, _ in seen}) >= 2, f"kill points not spread: {seen} (seed {seed})"
