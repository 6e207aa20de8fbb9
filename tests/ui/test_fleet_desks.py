"""Two real shells on one store and one PostgreSQL (`--fleet`): the order list shows who packs
what, a claimed order is refused at the other desk with a deliberate take-over, and the message
bar says when the warehouse database is offline."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.app import Shell
from packstation.settings import AppSettings
from packstation.ui.order_list_model import Column
from packstation.ui.packing_view import PackingView
from tests.fixtures.qt import until
from tests.fleet.helpers import init_schema
from tests.ui.packing_support import running_desks, running_shell

pytestmark = [pytest.mark.asyncio]


def _opened(shell: Shell, order_id: int) -> bool:
    view = shell.window.packing_widget
    return isinstance(view, PackingView) and view.session.order.id == order_id


async def test_claims_between_two_desk_windows(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette, fleet_dsn: str
) -> None:
    await init_schema(fleet_dsn)
    order = sandbox_app.state.sandbox.add_order((("MUG-300", 2),))
    desks = [
        AppSettings(fleet_dsn=fleet_dsn, desk_name=desk, packer_name=packer)
        for desk, packer in (("3", "Anna"), ("5", "Boris"))
    ]
    async with running_desks(qtbot, tmp_path, sandbox_app, desks) as (anna, boris):
        # Desk 3 opens the order: claimed first, then shown.
        anna.window.order_activated.emit(order.id)
        await until(lambda: _opened(anna, order.id), "desk 3 to open the order")
        listed = anna.queue.get(order.id)
        assert listed is not None
        barcode = listed.lines[0].barcodes[0]
        anna.packing.scanner.scanned.emit(barcode)  # packing starts: the history records it

        # Desk 5's list shows who packs it, after its next heartbeat.
        assert boris.fleet is not None
        await boris.fleet.claims.beat()
        row = boris.model.row_of(order.id)
        assert row is not None
        status = boris.model.data(boris.model.index(row, Column.STATUS))
        since = time.strftime("%H:%M")
        assert status.startswith("packing at desk 3 (Anna), since ")
        assert status[-5:] <= since

        # Scanning the order at desk 5 is refused with a take-over question, not opened.
        boris.packing.scanner.scanned.emit(str(order.id))
        gate = boris.packing.desk.claim_gate
        assert gate is not None
        await until(lambda: gate.question is not None, "the take-over question")  # type: ignore[attr-defined]
        question: QMessageBox = gate.question  # type: ignore[attr-defined]
        assert f"Order {order.id} is packing at desk 3 (Anna)" in question.text()
        assert not _opened(boris, order.id)
        question.button(QMessageBox.StandardButton.Cancel).click()
        await asyncio.sleep(0.2)
        assert not _opened(boris, order.id)

        # Desk 3 died, say: desk 5 deliberately takes the order over.
        boris.window.order_activated.emit(order.id)
        await until(lambda: gate.question is not None, "the take-over question again")  # type: ignore[attr-defined]
        question = gate.question  # type: ignore[attr-defined]
        take = next(b for b in question.buttons() if isinstance(b, QPushButton) and b.text() == "Take over")
        take.click()
        await until(lambda: _opened(boris, order.id), "desk 5 to open the order it took over")
        boris.packing.scanner.scanned.emit(barcode)
        await boris.fleet._catch_up()  # the heartbeat's flush of the shared history
        history = await boris.fleet.store.history(order.id)
        assert [(h.desk, h.packer, h.action) for h in history] == [
            ("3", "Anna", "order_opened"),  # the packing sessions' lines, through the shared history
            ("5", "Boris", "take_over"),
            ("5", "Boris", "order_opened"),
        ]

        # The database goes away (as far as desk 3 knows): the bar says codes are local only.
        assert anna.fleet is not None
        anna.fleet.claims.mark_offline()
        assert (
            "Warehouse database offline: codes are checked at this desk only" in anna.window.message_bar.text
        )
        await anna.fleet.claims.beat()  # it answers again
        assert "Warehouse database is back" in anna.window.message_bar.text


async def test_an_order_opened_by_an_item_barcode_counts_it_once_claimed_and_untouched_ones_are_released(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette, fleet_dsn: str
) -> None:
    await init_schema(fleet_dsn)
    sandbox = sandbox_app.state.sandbox
    looked_at = sandbox.add_order((("MUG-300", 1),))
    settings = AppSettings(fleet_dsn=fleet_dsn, desk_name="3", packer_name="Anna")
    async with running_shell(qtbot, tmp_path, sandbox_app, settings, load=False) as shell:
        assert shell.fleet is not None
        await shell.fleet.start(wake=shell.queue.wake, full_read=lambda: shell.queue.refresh(full=True))
        await shell.load_orders()
        shell.start_local_store()

        # Opened and put away untouched: the next heartbeat releases the claim.
        shell.window.order_activated.emit(looked_at.id)
        await until(lambda: _opened(shell, looked_at.id), "the order to open once claimed")
        assert looked_at.id in shell.fleet.claims.held
        shell.window.show_orders()
        await shell.fleet.claims.beat()
        assert looked_at.id not in shell.fleet.claims.held

        # A barcode only one listed order holds, scanned on the list: claimed, opened, counted.
        holders: dict[str, set[int]] = {}
        for listed in shell.queue.orders():
            for line in listed.lines:
                for code in line.barcodes:
                    holders.setdefault(code, set()).add(listed.id)
        barcode, (order_id,) = next((code, ids) for code, ids in sorted(holders.items()) if len(ids) == 1)
        shell.packing.scanner.scanned.emit(barcode)
        await until(lambda: _opened(shell, order_id), "the scanned order to open once claimed")
        view = shell.window.packing_widget
        assert isinstance(view, PackingView)
        assert sum(p.packed for p in view.session.snapshot.progress) == 1
        shell.window.show_orders()
        await shell.fleet.claims.beat()
        assert order_id in shell.fleet.claims.held  # work in the journal: the desk keeps it
