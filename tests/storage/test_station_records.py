"""The station's recorded outcomes (from the audit log) and the demo emulator agreeing with them."""

from __future__ import annotations

from pathlib import Path

from packstation.sandbox.config import SandboxConfig
from packstation.sandbox.state import Sandbox
from packstation.storage.local_store import open_local_store
from packstation.storage.station_records import CANCELLED, HANDED_OVER, READY_TO_SHIP, recorded_outcomes

EXPRESS = 51_000_020


def test_outcomes_come_from_the_audit_log_the_latest_winning(tmp_path: Path) -> None:
    assert recorded_outcomes(tmp_path) == {}  # no journal yet
    store = open_local_store(tmp_path)
    store.audit.record("layout_sent", order_id=1, detail="boxes=1")
    store.audit.record("ready_to_ship", order_id=1)
    store.audit.record("ready_to_ship", order_id=2)
    store.audit.record("order_cancelled", order_id=2, detail="SHOP_FAILED")
    store.audit.record("ready_to_ship", order_id=EXPRESS)
    store.audit.record("courier_code", order_id=EXPRESS, detail="REJECTED")
    store.audit.record("courier_code", order_id=EXPRESS, detail="ACCEPTED")
    store.close()
    assert recorded_outcomes(tmp_path) == {1: READY_TO_SHIP, 2: CANCELLED, EXPRESS: HANDED_OVER}


def test_a_fresh_emulator_takes_the_outcomes_and_leaves_other_orders_alone() -> None:
    sandbox = Sandbox(SandboxConfig(seed=1))
    sandbox.restore_outcomes(
        {51_000_001: READY_TO_SHIP, 51_000_002: CANCELLED, EXPRESS: HANDED_OVER, 99: CANCELLED}
    )
    assert (sandbox.find(51_000_001).status, sandbox.find(51_000_001).substatus) == (
        "PROCESSING",
        "READY_TO_SHIP",
    )
    assert (sandbox.find(51_000_002).status, sandbox.find(51_000_002).substatus) == (
        "CANCELLED",
        "SHOP_FAILED",
    )
    express = sandbox.find(EXPRESS)
    assert express.substatus == "COURIER_RECEIVED"
    assert express.eac is not None
    assert express.eac.accepted
    assert sandbox.find(51_000_003).substatus == "STARTED"
