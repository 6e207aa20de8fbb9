"""The seen-codes index across orders."""

from __future__ import annotations

from pathlib import Path

from packstation.services.ports import CodeRegistryPort, CodeUse
from packstation.storage.local_store import LocalStore, open_local_store
from tests.storage.helpers import FakeClock

CODE = "0104601234567893215Zx!aB\x1d91EE06\x1d92abcdef"


def test_remember_find_forget(store: LocalStore, clock: FakeClock) -> None:
    port: CodeRegistryPort = store.codes
    assert port.find(CODE) is None
    first_time = clock.current
    port.remember(CODE, 100)
    clock.advance(minutes=1)
    port.remember(CODE, 100)  # idempotent: the first use time stays
    port.remember(CODE, 200)  # a duplicate the guard let through (e.g. the packer confirmed)
    assert port.find(CODE) == CodeUse(CODE, 100, first_time)
    assert [u.order_id for u in store.codes.uses(CODE)] == [100, 200]
    store.codes.remember("another", 100)
    assert store.codes.codes_of(100) == sorted([CODE, "another"])
    assert store.codes.codes_of(200) == [CODE]
    port.forget(CODE, 100)
    assert port.find(CODE) == CodeUse(CODE, 200, clock.current)
    port.forget(CODE, 200)
    assert port.find(CODE) is None


def test_codes_are_exact_strings(store: LocalStore) -> None:
    store.codes.remember(CODE, 1)
    assert store.codes.find(CODE.split("\x1d")[0]) is None


def test_index_survives_restart_and_compaction(tmp_path: Path, clock: FakeClock) -> None:
    store = open_local_store(tmp_path, clock=clock)
    store.journal.append(1, {"kind": "code"})
    store.codes.remember(CODE, 1)
    store.journal.finish(1)
    store.close()
    clock.advance(days=400)
    reopened = open_local_store(tmp_path, clock=clock)
    assert reopened.compaction is not None
    assert reopened.compaction.orders == 1
    use = reopened.codes.find(CODE)
    assert use is not None
    assert use.order_id == 1
    reopened.close()
