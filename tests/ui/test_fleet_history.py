"""With the fleet database configured, History and the Shift panel cover all desks: desk 5 sees
the lines desk 3 wrote (with the desk and the signed-in packer) and counts desk 3's packer; with
the database offline, History falls back to desk 5's own audit and says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.services.shift_config import PackerEntry, ShiftSettings
from packstation.settings import AppSettings
from packstation.ui.packing_view import PackingView
from packstation.ui.shift_panel import ShiftPanel
from tests.fixtures.qt import until
from tests.fleet.helpers import init_schema
from tests.ui.packing_support import running_desks
from tests.ui.shell_packing import submit

pytestmark = [pytest.mark.asyncio]
SHIFT = ShiftSettings(packers=[PackerEntry(name="Анна"), PackerEntry(name="Борис")])


async def test_history_and_shift_panel_across_desks(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette, fleet_dsn: str
) -> None:
    await init_schema(fleet_dsn)
    order = sandbox_app.state.sandbox.add_order((("MUG-300", 2),))
    desks = [
        AppSettings(fleet_dsn=fleet_dsn, desk_name=desk, station_name=desk, shift=SHIFT)
        for desk in ("3", "5")
    ]
    async with running_desks(qtbot, tmp_path, sandbox_app, desks, local_store=True) as (anna, boris):
        # Desk 3: Анна signs in by badge, packs the order with one refused scan.
        anna.packing.scanner.scanned.emit("PS:PACKER:P01")
        anna.window.order_activated.emit(order.id)
        await until(lambda: isinstance(anna.window.packing_widget, PackingView), "desk 3 to open")
        view = anna.window.packing_widget
        assert isinstance(view, PackingView)
        barcode = view.session.order.lines[0].barcodes[0]
        for _ in range(3):  # the third is one more than ordered: refused
            anna.packing.scanner.scanned.emit(barcode)
        await submit(anna, view)
        assert anna.fleet is not None
        await anna.fleet._catch_up()  # the heartbeat's flush of the shared history

        # Desk 5's History shows desk 3's lines, with the desk and the packer.
        boris.show_history(order.id)
        history = boris.history
        assert history is not None
        assert history.title() == f"History of order {order.id} at all desks: 4 records"
        assert history.model.horizontalHeaderItem(1).text() == "Desk"
        rows = [
            tuple(history.model.item(r, c).text() for c in (1, 2, 3))
            for r in range(history.model.rowCount())
        ]
        assert rows == [
            ("3", "Анна", "Packing started"),
            ("3", "Анна", "Scan refused"),
            ("3", "Анна", "Box layout sent to the Market"),
            ("3", "Анна", "Marked ready to ship"),
        ]

        # Desk 5's Shift panel counts desk 3's packer.
        boris.window.shift_action.trigger()
        panel = boris.shift_panel
        assert isinstance(panel, ShiftPanel)
        row = panel.row_of("Анна")
        assert row is not None
        assert (row.station, row.orders, row.units, row.refused_scans) == ("3", 1, 2, 1)
        assert row.avg_order_s is not None

        # The database is away (as desk 5 knows): History shows desk 5's own records and says so.
        assert boris.fleet is not None
        boris.fleet.claims.mark_offline()
        history.show_order(order.id)
        assert history.model.rowCount() == 0
        assert "The warehouse database is offline: only this desk's records are shown." in history.title()
        panel.reload()
        assert panel.row_of("Анна") is None
