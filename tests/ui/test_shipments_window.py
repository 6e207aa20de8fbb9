"""The Shipments window through the real shell over the sandbox: today's shipment (past its
cutoff in the demo data) is confirmed and its act printed on the virtual documents printer (an A4
PDF whose text decodes); a shipment before its cutoff shows the Market's refusal."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.domain.shipments import ShipmentAction
from packstation.printing.config import PrintingSettings
from packstation.settings import AppSettings
from packstation.ui.shipments_view import ShipmentsView
from tests.fixtures.qt import until
from tests.sandbox.pdf_tools import page_size_mm, pdf_text
from tests.ui.packing_support import running_shell

pytestmark = [pytest.mark.asyncio]


def _select(view: ShipmentsView, shipment_id: int) -> None:
    view.select(shipment_id)
    selected = view.selected()
    assert selected is not None
    assert selected.shipment.id == shipment_id


async def test_confirm_after_the_cutoff_and_print_the_act(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox = sandbox_app.state.sandbox
    printed = tmp_path / "printed"
    settings = AppSettings(printing=PrintingSettings(virtual_dir=str(printed)))
    async with running_shell(
        qtbot, tmp_path / "data", sandbox_app, settings, local_store=True, load=False
    ) as shell:
        assert shell.window.shipments_action.isEnabled()
        shell.window.shipments_action.trigger()
        view = shell.shipments_view
        assert isinstance(view, ShipmentsView)
        await until(lambda: len(view.rows) >= 2 and shell.tasks.running == 0, "the shipments")
        today = sandbox.shipment(sandbox.opened_at.date())
        tomorrow = sandbox.shipment(sandbox.opened_at.date() + timedelta(days=1))

        # Before its cutoff: the Market's words and the handover time, nothing confirmed.
        _select(view, tomorrow.id)
        assert not view.act_button.isEnabled()
        qtbot.mouseClick(view.confirm_button, Qt.MouseButton.LeftButton)
        await until(lambda: "Cutoff time" in shell.window.message_bar.text, "the refusal")
        assert f"{tomorrow.interval_from:%H:%M}" in shell.window.message_bar.text
        assert tomorrow.confirmed_at is None

        # Today's is past its cutoff: confirm, then print the act on the documents printer.
        _select(view, today.id)
        row = view.selected()
        assert row is not None
        assert row.shipment.offers(ShipmentAction.CONFIRM)
        assert view.table.item(view.rows.index(row), 3).text().count("/") == 2
        qtbot.mouseClick(view.confirm_button, Qt.MouseButton.LeftButton)
        await until(lambda: today.confirmed_at is not None and shell.tasks.running == 0, "confirmation")
        _select(view, today.id)
        assert view.act_button.isEnabled()
        qtbot.mouseClick(view.act_button, Qt.MouseButton.LeftButton)
        await until(lambda: any(printed.glob("*.pdf")), "the printed act")
        [act] = printed.glob("*.pdf")
        content = act.read_bytes()
        width, height = page_size_mm(content)
        assert (round(width), round(height)) == (210, 297)  # A4
        assert f"Акт приёма-передачи № {today.id}" in pdf_text(content)
        await until(lambda: "documents printer" in shell.window.message_bar.text, "the report")
