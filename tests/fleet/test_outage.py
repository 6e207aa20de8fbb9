"""The warehouse database dies mid-pack (`pg_ctl stop -m immediate`) and comes back."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from packstation.catalogue import russian
from packstation.domain.errors import ScanError
from packstation.domain.instances import Instance, InstanceKind
from packstation.fleet.code_reservations import FleetCodeReservations
from packstation.fleet.store import FleetStore
from packstation.services.code_guard import CodeGuard
from packstation.services.desk_claims import DeskClaims, FleetState, Granted
from packstation.services.fleet_ports import FleetUnavailableError
from packstation.storage.local_store import open_local_store
from tests.fixtures.postgres import PostgresCluster
from tests.fleet.helpers import init_schema

GS = "\x1d"
FIRST = Instance(InstanceKind.CIS, f"0104601234567893210000001{GS}93Zjqw")
OFFLINE_SCAN = Instance(InstanceKind.CIS, f"0104601234567893210000002{GS}93Zjqw")


class Desk:
    def __init__(self, dsn: str, name: str, data_dir: Path) -> None:
        data_dir.mkdir()
        self.local = open_local_store(data_dir, station=name)
        self.store = FleetStore(dsn, desk=name, packer=name, lease_s=60, timeout_s=2)
        self.codes = FleetCodeReservations(dsn, desk=name, wait_s=0.5)
        self.guard = CodeGuard(self.local.codes, self.codes)
        self.claims = DeskClaims(self.store, reconcile=self.codes.reconcile_lines)
        self.states: list[FleetState] = []
        self.claims.on_state(self.states.append)

    def accept(self, instance: Instance, order_id: int) -> None:
        self.guard.check(instance, order_id=order_id)
        self.guard.remember(instance, order_id)

    async def close(self) -> None:
        self.codes.close()
        await self.store.close()
        self.local.close()


async def _until_online(desk: Desk, limit_s: float = 20) -> FleetState:
    started = time.monotonic()
    while True:
        state = await desk.claims.beat()
        if state.online:
            return state
        assert time.monotonic() - started < limit_s, "the desk never reconnected"
        await asyncio.sleep(0.5)


@pytest.mark.asyncio
@pytest.mark.slow
async def test_database_stopped_mid_pack_then_restarted(
    private_postgres: PostgresCluster, tmp_path: Path
) -> None:
    dsn = private_postgres.create_database()
    await init_schema(dsn)
    a, b = Desk(dsn, "3", tmp_path / "a"), Desk(dsn, "5", tmp_path / "b")
    try:
        await a.store.open()
        await b.store.open()
        assert await a.claims.open(1) == Granted(1)
        a.accept(FIRST, 1)

        private_postgres.stop("immediate")
        # The desk keeps packing what it holds; nothing waits longer than the bounds.
        started = time.monotonic()
        assert (await a.claims.beat()).online is False
        assert not a.claims.state.online
        assert await a.claims.open(1) == Granted(1, offline=True)
        a.accept(OFFLINE_SCAN, 1)  # checked against this desk's own index only
        with pytest.raises(ScanError):
            a.accept(FIRST, 2)  # the desk's own index still refuses its own duplicates
        assert time.monotonic() - started < 6

        private_postgres.start()
        # Desk 5 reconnects first and takes the offline scan's code for its own order.
        await _until_online(b)
        b.accept(OFFLINE_SCAN, 2)

        state = await _until_online(a)
        assert state.conflicts, "the conflict was not named"
        assert "held by order 2 at desk 5" in state.conflicts[0].english()
        assert "of order 1" in state.conflicts[0].english()
        assert "уже в заказе 2 на столе 5" in russian(state.conflicts[0])
        # Desk 3 still holds its order, and the first code stayed reserved for it.
        assert (await a.store.claims())[0].desk == "3"
        with pytest.raises(ScanError) as refused:
            b.accept(FIRST, 2)
        assert "already in order 1 at desk 3" in refused.value.english()
        assert [s.online for s in a.states][:1] == [False]
    finally:
        await a.close()
        await b.close()


@pytest.mark.asyncio
@pytest.mark.slow
async def test_a_desk_started_while_the_database_is_down_joins_when_it_is_up(
    private_postgres: PostgresCluster, tmp_path: Path
) -> None:
    dsn = private_postgres.create_database()
    await init_schema(dsn)
    private_postgres.stop("immediate")
    desk = Desk(dsn, "3", tmp_path / "a")
    try:
        started = time.monotonic()
        with pytest.raises(FleetUnavailableError):
            await desk.store.open()
        assert time.monotonic() - started < 5
        desk.claims.mark_offline()
        assert await desk.claims.open(4) == Granted(4, offline=True)
        private_postgres.start()
        await _until_online(desk)
        assert [(c.order_id, c.desk) for c in await desk.store.claims()] == [(4, "3")]
    finally:
        await desk.close()
