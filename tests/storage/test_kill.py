"""Kill test (issue 8): SIGKILL the packing service at random points; a new process restores
exactly what the packer had been shown.

The worker (`tests/storage/kill_worker.py`) packs a sandbox order over real HTTP by scripted
scans and prints `ACK n` after each action returned. The parent kills it at a random moment,
then restores the session from the station's journal and compares with the reference states
(the same script applied in-process). The restored state must be the state after the last
acknowledged action, or after the next one: that action's journal commit may have reached the
disk in the instant before the process died, before its ACK line was written — it was durable but
never shown, which is allowed; anything else (a lost acknowledged action, a half action, a
damaged journal) fails.

The seen-codes index is written after the journal append, in its own transaction, so a kill
between the two leaves it one code ahead of or behind the journal; `PackingSession.restore`
re-syncs it, so after every restore the index must hold exactly the restored order's codes
(`index_repaired` in the printed summary counts the runs where the restore had to fix it).
"""

from __future__ import annotations

import asyncio
import json
import random
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from packstation.domain.classify import classify_scan
from packstation.domain.commands import COMMAND_PREFIX
from packstation.domain.order import Order
from packstation.domain.scan import Command
from packstation.market.client import MarketClient
from packstation.market.gateway import MarketGateway
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from packstation.services.code_guard import code_key
from packstation.services.packing import PackingSession
from packstation.storage.local_store import open_local_store
from tests.fixtures.sandbox import SandboxServer
from tests.services.fakes import FakeMarket
from tests.storage.kill_harness import WorkerArgs, go, kill_after, kill_seed, spawn
from tests.storage.kill_worker import session_state, station_deps

# FBS, Chestny Znak codes on every unit (a fresh sandbox order, whatever the demo set holds).
OFFERS = (("SHOE-WIN-38", 2), ("TSHIRT-M", 3))
REPEATS = 50


def _fetch_order(url: str, order_id: int) -> Order:
    async def fetch() -> Order:
        async with MarketClient("kill-test-key", url) as client:
            return await MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID).get_order(order_id)

    return asyncio.run(fetch())


def _script(order: Order, server: SandboxServer) -> list[str]:
    """Scans a packer would make: items with their codes, a new box, an undo and a redo, close."""
    first, second = order.lines
    first_codes = server.sandbox.codes_for(first.offer_id)
    second_codes = server.sandbox.codes_for(second.offer_id)
    steps: list[str] = []
    for n in range(first.count):
        steps += [first.barcodes[0], first_codes[n]]
    steps.append(COMMAND_PREFIX + Command.NEW_BOX.value)
    for n in range(second.count):
        steps += [second.barcodes[0], second_codes[n]]
        if n == 0:
            steps += [COMMAND_PREFIX + Command.UNDO.value, second_codes[n]]  # undo the code, scan it again
    steps.append(COMMAND_PREFIX + Command.CLOSE_BOX.value)
    return steps


def _reference_states(order: Order, script: list[str], data_dir: Path) -> list[dict[str, Any]]:
    data_dir.mkdir()
    store = open_local_store(data_dir)
    try:
        market = FakeMarket()
        market.add(order)
        session = PackingSession.start(order, station_deps(store, market))
        states = [session_state(session)]
        for text in script:
            session.scan(classify_scan(text))
            states.append(session_state(session))
    finally:
        store.close()
    return states


def _restore(order: Order, data_dir: Path) -> tuple[dict[str, Any] | None, list[int], bool]:
    """Restore as a new process would: (state or None, orders in progress, index was repaired).

    Fails when the seen-codes index does not hold exactly the restored order's codes.
    """
    store = open_local_store(data_dir)
    try:
        assert store.warning is None, store.warning.en  # a SIGKILL never damages the journal
        market = FakeMarket()
        market.add(order)
        index_before = store.codes.codes_of(order.id)
        session = PackingSession.restore(order.id, station_deps(store, market))
        index_after = store.codes.codes_of(order.id)
        if session is None:
            assert index_after == [], "codes indexed for an order without a journal"
            return None, store.journal.orders_in_progress(), False
        journal_codes = sorted({code_key(instance) for _, instance in session.packing.all_codes()})
        assert index_after == journal_codes, (
            f"seen-codes index {len(index_after)} code(s) after restore, journal {len(journal_codes)}"
        )
        return session_state(session), store.journal.orders_in_progress(), index_before != index_after
    finally:
        store.close()


@pytest.mark.slow
def test_sigkill_at_random_points_restores_the_last_acknowledged_state(
    sandbox_server: SandboxServer, tmp_path: Path
) -> None:
    order_id = sandbox_server.sandbox.add_order(OFFERS).id
    order = _fetch_order(sandbox_server.url, order_id)
    assert all(line.needs_code for line in order.lines)
    script = _script(order, sandbox_server)
    script_file = tmp_path / "script.json"
    script_file.write_text(json.dumps(script), encoding="utf-8")
    states = _reference_states(order, script, tmp_path / "reference")
    assert states[-1]["boxes"][-1]["closed"]  # the whole script applies cleanly

    seed = kill_seed()
    rng = random.Random(seed)
    args = WorkerArgs(sandbox_server.url, script_file)
    outcomes: dict[str, int] = {"exact": 0, "one_ahead": 0, "nothing_yet": 0, "index_repaired": 0}
    ack_points: list[int] = []
    started = time.monotonic()
    upcoming: subprocess.Popen[str] | None = spawn(tmp_path / "run0", order_id, args)
    try:
        for run in range(REPEATS):
            worker, upcoming = upcoming, None
            assert worker is not None
            go(worker)
            if run + 1 < REPEATS:  # imports while this one runs: halves the wall time
                upcoming = spawn(tmp_path / f"run{run + 1}", order_id, args)
            target = rng.randint(-1, len(script))  # -1: while it opens the journal and the order
            delay = rng.uniform(0.0, 0.15) if target < 0 else rng.uniform(0.0, 0.0015)
            last = kill_after(worker, target, delay)
            ack_points.append(last)
            context = f"seed {seed}, run {run}, last ACK {last}"
            try:
                restored, in_progress, repaired = _restore(order, tmp_path / f"run{run}")
            except AssertionError as failure:
                raise AssertionError(f"{failure} ({context})") from failure
            outcomes["index_repaired"] += repaired
            if restored is None:
                # ACK 0 is the opening: an order only opened has no journal yet (nothing to lose).
                assert last <= 0, f"acknowledged work lost ({context})"
                assert in_progress == []
                outcomes["nothing_yet"] += 1
                continue
            assert in_progress == [order_id], context
            if last >= 0 and restored == states[last]:
                outcomes["exact"] += 1
                continue
            assert last + 1 < len(states), f"restored state beyond the script ({context})"
            assert restored == states[last + 1], (
                f"restored state is not step {last} or {last + 1} ({context})"
            )
            outcomes["one_ahead"] += 1
    finally:
        if upcoming is not None:
            upcoming.kill()
            upcoming.communicate(timeout=30)
    elapsed = time.monotonic() - started
    print(f"kill test: seed {seed}, {REPEATS} kills in {elapsed:.1f} s, {outcomes}, last ACKs {ack_points}")
    assert len(set(ack_points)) >= 5, f"kill points not spread enough: {ack_points} (seed {seed})"
