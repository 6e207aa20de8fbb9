"""Order claims between desks on a real PostgreSQL: one desk per order, take-over, lease expiry."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from packstation.catalogue import russian
from packstation.services.desk_claims import ClaimRefusedError, DeskClaims, Granted, HeldElsewhere
from tests.fleet.helpers import init_schema, open_desk

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.asyncio
async def test_second_desk_is_refused_with_who_and_since(fleet_dsn: str) -> None:
    await init_schema(fleet_dsn)
    desk3, desk5 = await open_desk(fleet_dsn, "3", "Anna"), await open_desk(fleet_dsn, "5", "Boris")
    try:
        anna, boris = DeskClaims(desk3), DeskClaims(desk5)
        assert await anna.open(1001) == Granted(1001)
        decision = await boris.open(1001)
        assert isinstance(decision, HeldElsewhere)
        since = decision.claim.since.astimezone().strftime("%H:%M")
        assert decision.text().english() == f"packing at desk 3 (Anna), since {since}"
        assert russian(decision.text()) == f"собирается на столе 3 (Anna), с {since}"
        with pytest.raises(ClaimRefusedError) as refused:
            await boris.open_or_raise(1001)
        assert "Order 1001 is packing at desk 3 (Anna)" in refused.value.english()
        # Anna reopening her own order renews it and keeps "since".
        assert await anna.open(1001) == Granted(1001)
        assert (await desk3.claims())[0].since == decision.claim.since
        # Boris's list learns of the claim with his next heartbeat.
        await boris.beat()
        held = boris.claim_of(1001)
        assert held is not None
        assert held.desk == "3"
        assert anna.claim_of(1001) is None  # her own claim is not "held elsewhere"
        # Released when done: Boris may open it.
        await anna.release(1001)
        assert await boris.open(1001) == Granted(1001)
    finally:
        await desk3.close()
        await desk5.close()


@pytest.mark.asyncio
async def test_take_over_is_deliberate_and_recorded(fleet_dsn: str) -> None:
    await init_schema(fleet_dsn)
    desk3, desk5 = await open_desk(fleet_dsn, "3", "Anna"), await open_desk(fleet_dsn, "5", "Boris")
    try:
        anna, boris = DeskClaims(desk3), DeskClaims(desk5)
        await anna.open(7)
        claim = await boris.take_over(7, from_desk="3")
        assert (claim.desk, claim.packer) == ("5", "Boris")
        assert isinstance(await anna.open(7), HeldElsewhere)
        history = await desk3.history(7)
        assert [(h.desk, h.packer, h.action, h.detail) for h in history] == [
            ("5", "Boris", "take_over", "from desk 3")
        ]
        # A take-over aimed at a desk that no longer holds the order does not steal it from a third.
        desk9 = await open_desk(fleet_dsn, "9", "Vera")
        try:
            stale = await DeskClaims(desk9).take_over(7, from_desk="3")
            assert stale.desk == "5"
        finally:
            await desk9.close()
    finally:
        await desk3.close()
        await desk5.close()


@pytest.mark.asyncio
async def test_hundred_races_have_one_winner_each(fleet_dsn: str) -> None:
    await init_schema(fleet_dsn)
    desks = [await open_desk(fleet_dsn, f"d{i}") for i in range(6)]
    try:
        for order_id in range(1, 101):
            results = await asyncio.gather(*(desk.claim(order_id) for desk in desks))
            winners = {claim.desk for claim in results}
            assert len(winners) == 1, (order_id, results)
            claims = await desks[0].claims()
            assert [c.desk for c in claims if c.order_id == order_id] == [winners.pop()]
    finally:
        for desk in desks:
            await desk.close()


@pytest.mark.asyncio
@pytest.mark.slow
async def test_a_killed_desk_lease_expires(fleet_dsn: str) -> None:
    await init_schema(fleet_dsn)
    lease_s = 3.0
    proc = subprocess.Popen(  # noqa: ASYNC220 - started once, read through a thread
        [sys.executable, "-m", "tests.fleet.desk_process", fleet_dsn, "dead", "55", str(lease_s)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    desk = await open_desk(fleet_dsn, "alive", "Anna", lease_s=lease_s)
    try:
        assert proc.stdout is not None
        line = await asyncio.to_thread(proc.stdout.readline)
        assert line.strip() == "READY Granted"
        alive = DeskClaims(desk)
        # The heartbeat keeps the claim past its first lease while the desk lives.
        await asyncio.sleep(lease_s * 1.5)
        assert isinstance(await alive.open(55), HeldElsewhere)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        killed_at = time.monotonic()
        while not isinstance(await alive.open(55), Granted):
            assert time.monotonic() - killed_at < lease_s + 5, "the dead desk's lease never expired"
            await asyncio.sleep(0.2)
        assert time.monotonic() - killed_at >= 0.5  # not before the lease ran out
        assert (await desk.claims())[0].desk == "alive"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
        await desk.close()
