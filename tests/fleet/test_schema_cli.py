"""`packstation fleet init|status` against a real PostgreSQL."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import psycopg
import pytest

from packstation.fleet.migrations import LATEST
from tests.fleet.helpers import open_desk


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "packstation", *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_init_creates_then_keeps_the_schema(fleet_dsn: str) -> None:
    first = _cli("fleet", "init", "--dsn", fleet_dsn)
    assert first.returncode == 0, first.stderr
    assert f"schema version 0 -> {LATEST}" in first.stdout
    again = _cli("fleet", "init", "--dsn", fleet_dsn)
    assert again.returncode == 0, again.stderr
    assert "schema is current" in again.stdout
    with psycopg.connect(fleet_dsn) as conn:
        tables = {row[0] for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname='public'")}
    assert {"desks", "claims", "code_reservations", "orders", "history", "fleet_schema"} <= tables


def test_a_newer_schema_is_refused_clearly(fleet_dsn: str) -> None:
    assert _cli("fleet", "init", "--dsn", fleet_dsn).returncode == 0
    with psycopg.connect(fleet_dsn, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO fleet_schema (version, description) VALUES (%s, 'from the future')", (LATEST + 1,)
        )
    for action in ("init", "status"):
        result = _cli("fleet", action, "--dsn", fleet_dsn)
        assert result.returncode == 1
        assert "newer than this app knows" in result.stderr
        assert "Update Packstation" in result.stderr


def test_a_password_in_the_dsn_is_refused(fleet_dsn: str) -> None:
    result = _cli("fleet", "status", "--dsn", "postgresql://anna:secret@localhost/warehouse")
    assert result.returncode == 1
    assert "must not be part of the address" in result.stderr
    assert "secret" not in result.stderr + result.stdout


def test_status_names_desks_claims_and_the_poller(fleet_dsn: str) -> None:
    from packstation.fleet.cli import fleet_cli
    from packstation.fleet.election import PollerElection

    assert _cli("fleet", "init", "--dsn", fleet_dsn).returncode == 0

    async def set_up() -> tuple[object, ...]:
        desk3 = await open_desk(fleet_dsn, "3", "Anna")
        desk5 = await open_desk(fleet_dsn, "5", "Boris")
        await desk3.claim(41)
        await desk5.claim(42)
        election = PollerElection(fleet_dsn, desk="5", campaign_id=1234)
        assert await election.try_lead()
        return desk3, desk5, election

    import asyncio

    loop = asyncio.new_event_loop()
    try:
        desk3, desk5, election = loop.run_until_complete(set_up())
        out = io.StringIO()
        from argparse import Namespace

        assert fleet_cli(Namespace(dsn=fleet_dsn, fleet_command="status", json=True), out) == 0
        status = json.loads(out.getvalue())
        assert [d["name"] for d in status["desks"]] == ["3", "5"]
        assert [(c["order"], c["desk"], c["packer"]) for c in status["claims"]] == [
            (41, "3", "Anna"),
            (42, "5", "Boris"),
        ]
        assert status["pollers"] == [{"desk": "5", "store": 1234}]
        text = io.StringIO()
        assert fleet_cli(Namespace(dsn=fleet_dsn, fleet_command="status", json=False), text) == 0
        assert "order 41  desk 3  packer Anna  since" in text.getvalue()
        assert "Market poller: 5" in text.getvalue()
    finally:
        for closer in (desk3.close(), desk5.close(), election.close()):  # type: ignore[attr-defined]
            loop.run_until_complete(closer)
        loop.close()


@pytest.mark.parametrize("action", ["init", "status"])
def test_an_unreachable_database_is_a_clear_message(action: str, tmp_path: object) -> None:
    result = _cli("fleet", action, "--dsn", f"host={tmp_path} port=1 user=x dbname=y")
    assert result.returncode == 1
    assert "Cannot connect to the warehouse database" in result.stderr
