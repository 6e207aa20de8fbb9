"""The first frame (issue 19): a restart shows the order list kept by the last run at once, marked
"updating…", before the Market connection exists; the Market's first page then replaces it."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.app import MarketConnection, Shell, build_services, prepare
from packstation.app.first_frame import show_first_frame
from packstation.cli import build_parser
from packstation.logs import shutdown_logging
from packstation.market.client import MarketClient
from packstation.market.gateway import MarketGateway
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from tests.ui.packing_support import closing_shell, running_shell

pytestmark = [pytest.mark.asyncio]


async def test_a_restart_shows_the_kept_list_at_once_and_the_market_list_replaces_it(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox = sandbox_app.state.sandbox
    leaving = sandbox.add_order((("MUG-300", 1),))
    # The last run: the Market's list is kept when the local store opens (and at shutdown).
    async with running_shell(qtbot, tmp_path, sandbox_app, show=False) as shell:
        assert shell.start_local_store() is not None
        listed = {order.id for order in shell.queue.orders()}
        assert leaving.id in listed
    # Meanwhile the Market moves on: one order is cancelled, one arrives.
    sandbox.cancel_by_buyer(leaving.id)
    arriving = sandbox.add_order((("BOOK-WP", 1),))

    # The next start: the window shows the kept list before any Market client exists.
    runtime = prepare(build_parser().parse_args(["--data-dir", str(tmp_path), "--lang", "en"]))
    first = show_first_frame(runtime, qapp)
    qtbot.addWidget(first.window)
    assert first.window.isVisible()
    assert first.kept == len(listed)
    assert {first.model.order_at(row).id for row in range(first.model.rowCount())} == listed
    assert "updating…" in first.window.status.refreshed.text()
    assert first.queue.cached_at is not None

    # Then the rest: the Market connection is bound to the same queue, the shell takes the window.
    client = MarketClient("demo", "http://sandbox.invalid", transport=httpx.ASGITransport(app=sandbox_app))
    gateway = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)
    connection = MarketConnection(gateway, [client.aclose], expect_express=True, shipments=gateway)
    after_first = Shell(runtime, build_services(runtime, connection, first), first=first)
    async with closing_shell(after_first, client) as shell:
        assert shell.window is first.window
        assert shell.queue is first.queue
        await shell.load_orders()
        shown = {shell.model.order_at(row).id for row in range(shell.model.rowCount())}
        assert leaving.id not in shown
        assert arriving.id in shown
        assert shell.queue.cached_at is None
        assert "updating" not in shell.window.status.refreshed.text()
        assert shell.window.status.refreshed.text().startswith("Updated at")


async def test_a_first_start_shows_an_empty_list_without_the_mark(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    runtime = prepare(build_parser().parse_args(["--data-dir", str(tmp_path), "--lang", "en"]))
    first = show_first_frame(runtime, qapp)
    qtbot.addWidget(first.window)
    try:
        assert first.kept == 0
        assert first.model.rowCount() == 0
        assert first.window.status.refreshed.text() == ""
        assert first.queue.cached_at is None
    finally:
        first.window.close()
        shutdown_logging()
