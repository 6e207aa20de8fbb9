"""One Market poller per store: elected by an advisory lock, others read PostgreSQL, fail-over."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from starlette.applications import Starlette

from tests.fixtures.sandbox import serve_in_thread, stop_server
from tests.fleet.helpers import init_schema
from tests.fleet.market_desks import CountingApp, MarketDesk, market_desk

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def counted_market(sandbox_app: Starlette) -> Iterator[tuple[CountingApp, str]]:
    counting = CountingApp(sandbox_app)
    server, thread, url = serve_in_thread(counting)  # type: ignore[arg-type]
    yield counting, url
    stop_server(server, thread)


@pytest.mark.asyncio
@pytest.mark.slow
async def test_one_desk_polls_the_others_follow_and_take_over(
    fleet_dsn: str, counted_market: tuple[CountingApp, str], sandbox_app: Starlette
) -> None:
    counting, url = counted_market
    sandbox = sandbox_app.state.sandbox
    await init_schema(fleet_dsn)
    desks: list[MarketDesk] = [
        await market_desk(fleet_dsn, name, url, listen=(name != "a")) for name in ("a", "b", "c")
    ]
    a, b, c = desks
    try:
        await a.queue.refresh()
        assert a.source.leading
        for follower in (b, c):
            await follower.queue.refresh()
            assert not follower.source.leading
        lists = [{o.id for o in d.queue.orders()} for d in desks]
        assert lists[0]
        assert lists[0] == lists[1] == lists[2]

        # Market calls do not grow with desks: a round of 3 desks costs what the poller alone costs.
        before = counting.requests
        await a.queue.refresh()
        alone = counting.requests - before
        before = counting.requests
        for desk in desks:
            await desk.queue.refresh()
        assert counting.requests - before == alone

        # Nothing new: the followers are not woken.
        b.woken.clear()
        await a.queue.refresh()
        await asyncio.sleep(0.3)
        assert not b.woken.is_set()

        # A new order: the poller publishes it and NOTIFY wakes the followers, who read PostgreSQL.
        new = sandbox.add_order((("MUG-300", 1),))
        await a.queue.refresh()
        await asyncio.wait_for(b.woken.wait(), 5)
        await b.queue.refresh()
        assert b.queue.get(new.id) is not None

        # The poller desk dies (its connection is cut); an order arrives meanwhile.
        with psycopg.connect(fleet_dsn, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE application_name = 'packstation:a'"
            )
        missed = sandbox.add_order((("MUG-300", 2),))
        died = time.monotonic()
        new_poller: MarketDesk | None = None
        while new_poller is None:
            assert time.monotonic() - died < 10, "no desk took over the polling within 10 s"
            for desk in (b, c):
                if await desk.role.step():
                    new_poller = desk
                    break
            else:
                await asyncio.sleep(1.0)  # the desks' election step runs every second here
        other = c if new_poller is b else b
        await asyncio.sleep(0.2)
        await other.queue.refresh()
        assert new_poller.queue.get(missed.id) is not None
        assert other.queue.get(missed.id) is not None
        assert {o.id for o in other.queue.orders()} == {o.id for o in new_poller.queue.orders()}
    finally:
        for desk in desks:
            await desk.close()


@pytest.mark.asyncio
@pytest.mark.slow
async def test_a_sigkilled_poller_desk_is_replaced_within_ten_seconds(
    fleet_dsn: str, counted_market: tuple[CountingApp, str], sandbox_app: Starlette
) -> None:
    _counting, url = counted_market
    sandbox = sandbox_app.state.sandbox
    await init_schema(fleet_dsn)
    proc = subprocess.Popen(  # noqa: ASYNC220 - started once, read through a thread
        [sys.executable, "-m", "tests.fleet.poller_process", fleet_dsn, "killed", url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    followers: list[MarketDesk] = []
    try:
        assert proc.stdout is not None
        assert (await asyncio.to_thread(proc.stdout.readline)).strip() == "READY poller"
        followers = [await market_desk(fleet_dsn, name, url, listen=True) for name in ("b", "c")]
        for desk in followers:
            await desk.queue.refresh()
            assert not desk.source.leading
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        for desk in followers:
            desk.woken.clear()
        killed = time.monotonic()
        missed = sandbox.add_order((("MUG-300", 3),))  # arrives while nobody polls
        new_poller: MarketDesk | None = None
        while new_poller is None:
            assert time.monotonic() - killed < 10, "no desk took over the polling within 10 s"
            for desk in followers:  # each desk's election step, once a second
                if await desk.role.step():
                    new_poller = desk
                    break
            else:
                await asyncio.sleep(1.0)
        other = followers[1] if new_poller is followers[0] else followers[0]
        await asyncio.wait_for(other.woken.wait(), 5)  # the new poller's publication wakes it
        await other.queue.refresh()
        assert new_poller.queue.get(missed.id) is not None
        assert other.queue.get(missed.id) is not None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
        for desk in followers:
            await desk.close()
