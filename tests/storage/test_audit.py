"""The audit log: who did what to which order, masked details, queries."""

from __future__ import annotations

from datetime import timedelta

from packstation.services.ports import AuditPort
from packstation.storage.local_store import LocalStore
from tests.storage.helpers import FakeClock


def test_records_station_packer_and_time(store: LocalStore, clock: FakeClock) -> None:
    port: AuditPort = store.audit
    port.record("order_opened", order_id=5)
    clock.advance(minutes=2)
    store.audit.set_identity("Desk 4", "Олег")
    port.record("label_printed", order_id=5, detail="box 1 of 2, printer Zebra")
    port.record("app_started")
    [opened, printed] = store.audit.history(5)
    assert (opened.station, opened.packer, opened.action) == ("Desk 3", "Ирина", "order_opened")
    assert (printed.station, printed.packer, printed.detail) == (
        "Desk 4",
        "Олег",
        "box 1 of 2, printer Zebra",
    )
    assert printed.at == clock.current
    assert printed.at - opened.at == timedelta(minutes=2)


def test_marking_codes_and_tokens_are_masked(store: LocalStore) -> None:
    store.audit.record(
        "market_error",
        order_id=9,
        detail="code 0104601234567893215Zx!aB\x1d91EE06 refused; Api-Key: ACMA:secretsecret:abc",
    )
    [record] = store.audit.history(9)
    assert "5Zx!aB" not in record.detail
    assert "secretsecret" not in record.detail
    assert "010460123456789321" in record.detail  # GTIN stays for support


def test_between_is_half_open_and_ordered(store: LocalStore, clock: FakeClock) -> None:
    start = clock.current
    store.audit.record("a")
    clock.advance(hours=1)
    store.audit.record("b", order_id=1)
    clock.advance(hours=1)
    store.audit.record("c")
    assert [r.action for r in store.audit.between(None, None)] == ["a", "b", "c"]
    assert [r.action for r in store.audit.between(start + timedelta(minutes=30), None)] == ["b", "c"]
    assert [r.action for r in store.audit.between(start, start + timedelta(hours=1))] == ["a"]
