"""Marking codes reserved fleet-wide at scan time: each desk's real SQLite index and CodeGuard,
one PostgreSQL between them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from packstation.catalogue import russian
from packstation.domain.errors import ScanError
from packstation.domain.instances import Instance, InstanceKind
from packstation.fleet.code_reservations import FleetCodeReservations
from packstation.services.code_guard import CodeGuard, code_key
from packstation.storage.local_store import LocalStore, open_local_store
from tests.fleet.helpers import init_schema

GS = "\x1d"
DAIRY = Instance(InstanceKind.CIS, f"010460123456789321ab+Cd9{GS}93Zjqw")
DAIRY_OTHER_TAIL = Instance(InstanceKind.CIS, f"010460123456789321ab+Cd9{GS}93Xxxx")


class Desk:
    def __init__(self, dsn: str, name: str, data_dir: Path) -> None:
        data_dir.mkdir()
        self.store: LocalStore = open_local_store(data_dir, station=name)
        self.codes = FleetCodeReservations(dsn, desk=name)
        self.guard = CodeGuard(self.store.codes, self.codes)

    def accept(self, instance: Instance, order_id: int) -> None:
        """What the packing session does with a scanned code: check, then record."""
        self.guard.check(instance, order_id=order_id)
        self.guard.remember(instance, order_id)

    def close(self) -> None:
        self.codes.close()
        self.store.close()


@pytest.fixture
def desks(fleet_dsn: str, tmp_path: Path) -> Iterator[tuple[Desk, Desk]]:
    import asyncio

    asyncio.run(init_schema(fleet_dsn))
    a, b = Desk(fleet_dsn, "3", tmp_path / "a"), Desk(fleet_dsn, "5", tmp_path / "b")
    yield a, b
    a.close()
    b.close()


def test_a_code_used_at_one_desk_is_refused_at_another_naming_order_and_desk(
    desks: tuple[Desk, Desk],
) -> None:
    a, b = desks
    a.accept(DAIRY, 101)
    with pytest.raises(ScanError) as refused:
        b.accept(DAIRY_OTHER_TAIL, 202)  # same GTIN+serial, differently read crypto tail
    assert "already in order 101 at desk 3" in refused.value.english()
    assert "уже в заказе 101 на столе 3" in russian(refused.value)
    assert b.store.codes.find(code_key(DAIRY)) is None  # nothing recorded at the refusing desk
    # The reservation stays with order 101: the fleet answers desk 5 the same way again.
    holder = b.codes.reserve(code_key(DAIRY), 202)
    assert holder is not None
    assert (holder.order_id, holder.desk) == (101, "3")


def test_unpacking_releases_the_code_fleet_wide(desks: tuple[Desk, Desk]) -> None:
    a, b = desks
    a.accept(DAIRY, 101)
    a.guard.forget(DAIRY, 101)  # unit unpacked, refused layout, cancelled order
    b.accept(DAIRY, 202)
    with pytest.raises(ScanError):
        a.accept(DAIRY, 101)


def test_resync_makes_the_fleet_hold_exactly_the_orders_codes(desks: tuple[Desk, Desk]) -> None:
    a, b = desks
    a.accept(DAIRY, 101)
    a.guard.resync(101, [])  # a restored session whose order was cancelled
    b.accept(DAIRY, 202)


def _race(a: Desk, b: Desk, code: Instance, orders: tuple[int, int]) -> list[str]:
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def scan(desk: Desk, order_id: int, name: str) -> None:
        start.wait()
        try:
            desk.accept(code, order_id)
            outcomes[name] = "accepted"
        except ScanError:
            outcomes[name] = "refused"

    threads = [
        threading.Thread(target=scan, args=(a, orders[0], "a")),
        threading.Thread(target=scan, args=(b, orders[1], "b")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    return sorted(outcomes.values())


def test_two_desks_scanning_one_code_at_once_exactly_one_is_accepted(desks: tuple[Desk, Desk]) -> None:
    a, b = desks
    for serial in range(40):
        code = Instance(InstanceKind.CIS, f"01046012345678932{serial:07d}{GS}93Zjqw")
        assert _race(a, b, code, (1000 + serial, 2000 + serial)) == ["accepted", "refused"], serial
