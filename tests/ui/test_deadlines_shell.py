"""Urgency a packer can trust, through the real shell against the sandbox (issue 14).

Before: FBS orders due in 28 minutes showed only a date and sorted below Express orders, "До
срока 14:09" read like a time of day, and late orders read "-1:30". Now every order's deadline is
its shipment date and time (the Market's `shipmentTime`, else the store's cutoff from Settings),
the list sorts by it with Express and FBS interleaved, every order due today counts down in one
format, and the status bar shows the shift: due today, packed, late. Both clocks are fixed.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt, QTime
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.app import MarketConnection, Shell, build_services, prepare
from packstation.cli import build_parser
from packstation.domain.time import MOSCOW
from packstation.logs import shutdown_logging
from packstation.market.client import MarketClient
from packstation.market.gateway import MarketGateway
from packstation.sandbox.app import SandboxConfig, create_app
from packstation.sandbox.clock import SandboxClock
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from packstation.settings import SETTINGS_FILE, AppSettings, load_settings, save_settings
from packstation.ui import palette
from packstation.ui.format import local_day_time
from packstation.ui.order_list_model import ORDER_ID_ROLE, Column
from tests.services.fakes import FakeClock
from tests.ui.shell_packing import open_order, scan_every_unit, submit

pytestmark = [pytest.mark.asyncio]

TODAY = date(2026, 12, 7)
NOW = datetime.combine(TODAY, time(13, 37), MOSCOW)  # the FBS cutoff (14:00) is 23 minutes away


def deadline_app() -> tuple[Starlette, dict[str, int]]:
    """A sandbox frozen at NOW with five orders to pack and one packed, by name -> order id."""
    app = create_app(SandboxConfig(seed=1, order_count=0, clock=SandboxClock(start=NOW)))
    sandbox = app.state.sandbox
    ids: dict[str, int] = {}

    def add(name: str, program: str, day: date, at: time | None) -> None:
        order = sandbox.add_order((("MUG-300", 1),), program=program)
        order.shipment_time = None  # the Market's time only where the case says so
        sandbox.move_shipment_date(order.id, day, at)
        ids[name] = order.id

    add("fbs_cutoff", "FBS", TODAY, None)  # no shipmentTime: the store's 14:00
    add("express_later", "EXPRESS", TODAY, time(14, 30))
    add("express_soon", "EXPRESS", TODAY, time(13, 50))
    add("fbs_timed_late", "FBS", TODAY, time(13, 32))  # the Market gave FBS a time: 5 min late
    add("fbs_tomorrow", "FBS", TODAY + timedelta(days=1), None)
    add("packed_earlier", "FBS", TODAY, None)  # packed and shipped before the app started
    sandbox.find(ids["packed_earlier"]).substatus = "READY_TO_SHIP"
    sandbox.ship(ids["packed_earlier"])
    return app, ids


def shell_at(qtbot: QtBot, data_dir: Path, app: Starlette, clock: FakeClock, lang: str = "en") -> Shell:
    """The real shell over the sandbox through the real client and gateway, on a fixed clock."""
    save_settings(AppSettings(language=lang), data_dir / SETTINGS_FILE)
    client = MarketClient("demo", "http://sandbox.invalid", transport=httpx.ASGITransport(app=app))
    gateway = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)
    args = build_parser().parse_args(["--data-dir", str(data_dir), "--lang", lang])
    runtime = prepare(args)
    connection = MarketConnection(gateway, [client.aclose], expect_express=True, shipments=gateway)
    shell = Shell(runtime, build_services(runtime, connection, clock=clock))
    qtbot.addWidget(shell.window)
    return shell


def _rows(shell: Shell) -> list[tuple[int, str, str]]:
    """(order id, deadline text, deadline colour or "") of every row, top to bottom."""
    model, rows = shell.model, []
    for row in range(model.rowCount()):
        cell = model.index(row, Column.DEADLINE)
        brush = cell.data(Qt.ItemDataRole.ForegroundRole)
        rows.append((cell.data(ORDER_ID_ROLE), cell.data(), brush.color().name() if brush else ""))
    return rows


async def test_the_list_sorts_by_real_deadline_counts_down_and_the_status_bar_shows_the_shift(
    qtbot: QtBot, tmp_path: Path
) -> None:
    app, ids = deadline_app()
    clock = FakeClock(NOW)
    shell = shell_at(qtbot, tmp_path, app, clock)
    try:
        shell.window.show()
        shell.start_local_store()
        await shell.load_orders()
        await shell.seed_shift()  # as `main` does before the refresh loop starts
        tomorrow = local_day_time(datetime.combine(TODAY + timedelta(days=1), time(14, 0), MOSCOW))
        assert _rows(shell) == [
            (ids["fbs_timed_late"], "late 0:05", palette.LATE.lower()),
            (ids["express_soon"], "in 0:13", palette.SOON.lower()),
            (ids["fbs_cutoff"], "in 0:23", palette.SOON.lower()),  # before: a bare date, below Express
            (ids["express_later"], "in 0:53", palette.OK_TEXT.lower()),
            (ids["fbs_tomorrow"], tomorrow, ""),
        ]
        assert shell.window.status.shift.text() == "Today: 5 due · 1 packed · 1 late"

        # The packing header counts down in the same format, after the time of day.
        view = open_order(shell, ids["fbs_cutoff"])
        assert view.deadline.text().endswith(" · in 0:23")
        scan_every_unit(shell, view)
        await submit(shell, view)
        view.back_requested.emit()
        await shell.queue.refresh()  # the background refresh: the order comes back READY_TO_SHIP
        assert shell.model.row_of(ids["fbs_cutoff"]) is None  # packed: off the list, still today's
        assert shell.window.status.shift.text() == "Today: 5 due · 2 packed · 1 late"

        # Time passes: the Express order due at 13:50 turns late; the shift says so.
        clock.current = NOW + timedelta(minutes=14)
        shell.model.tick()
        shell.show_shift()
        row = shell.model.row_of(ids["express_soon"])
        assert row is not None
        assert shell.model.index(row, Column.DEADLINE).data() == "late 0:01"
        assert shell.window.status.shift.text() == "Today: 5 due · 2 packed · 2 late"

        # An earlier store cutoff in Settings moves the deadlines of orders without the Market's
        # time (saved, and the list re-sorted at once).
        shell.open_settings()
        dialog = shell.settings_dialog
        assert dialog is not None
        dialog.shipment_cutoff.setTime(QTime(13, 0))
        dialog.accept()
        assert shell.queue.cutoff == time(13, 0)
        assert load_settings(tmp_path).settings.shipment_cutoff == time(13, 0)
        moved = datetime.combine(TODAY + timedelta(days=1), time(13, 0), MOSCOW)
        assert _rows(shell)[-1][1] == local_day_time(moved)
    finally:
        await shell.shutdown()
        shutdown_logging()
