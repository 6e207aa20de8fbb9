"""Every desk's audit lines reach the shared history, also those written while offline."""

from __future__ import annotations

import asyncio
import io
import time
from argparse import Namespace
from pathlib import Path

import pytest

from packstation.fleet.cli import fleet_cli
from packstation.fleet.history import FleetAuditTee
from packstation.fleet.store import FleetStore
from packstation.storage.local_store import open_local_store
from tests.fixtures.postgres import PostgresCluster
from tests.fleet.helpers import init_schema, open_desk


@pytest.mark.asyncio
async def test_audit_lines_of_two_desks_in_one_history(
    private_postgres: PostgresCluster, tmp_path: Path
) -> None:
    dsn = private_postgres.create_database()
    await init_schema(dsn)
    desk3 = FleetStore(dsn, desk="3", packer="Anna", timeout_s=1)
    await desk3.open()
    desk5 = await open_desk(dsn, "5", "Boris")
    local = open_local_store(tmp_path, station="3", packer="Anna")
    try:
        anna = FleetAuditTee(local.audit, desk3)
        anna.record("box_layout_sent", order_id=9, detail="2 boxes")
        await anna.flush()
        await desk5.take_over(9, "3")

        private_postgres.stop("immediate")
        anna.record("label_printed", order_id=9)
        written_at = time.time()
        await anna.flush()
        assert anna.pending == 1  # waits for the database
        assert [a.action for a in local.audit.history(9)] == ["box_layout_sent", "label_printed"]
        private_postgres.start()
        started = time.monotonic()
        while anna.pending:
            assert time.monotonic() - started < 15, "the queued line never went out"
            await asyncio.sleep(0.5)
            await anna.flush()

        history = await desk5.history(9)
        assert [(h.desk, h.packer, h.action) for h in history] == [
            ("3", "Anna", "box_layout_sent"),
            ("5", "Boris", "take_over"),
            ("3", "Anna", "label_printed"),
        ]
        assert abs(history[-1].at.timestamp() - written_at) < 2  # the time it happened, not sent
        out = io.StringIO()
        args = Namespace(dsn=dsn, fleet_command="history", order=9, json=False)
        assert await asyncio.to_thread(fleet_cli, args, out) == 0
        text = out.getvalue()
        assert "Order 9: 3 line(s)" in text
        assert "desk 3 (Anna)  box_layout_sent  2 boxes" in text
        assert "desk 5 (Boris)  take_over  from desk 3" in text
    finally:
        await desk3.close()
        await desk5.close()
        local.close()
