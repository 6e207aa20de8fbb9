"""Packers through the real shell over the sandbox: two packers sign in by scanning their badges
and pack an order each; a refused scan counts as an error for its packer; the Shift panel shows
each packer's numbers and the desk's; the status bar names the packer; sign-in can be required."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.services.shift_config import PackerEntry, ShiftSettings
from packstation.settings import AppSettings
from packstation.ui.packing_view import PackingView
from packstation.ui.shift_panel import ShiftPanel
from tests.ui.packing_support import running_shell
from tests.ui.shell_packing import open_order, pack_and_submit, submit

pytestmark = [pytest.mark.asyncio]
SHIFT = ShiftSettings(packers=[PackerEntry(name="Анна"), PackerEntry(name="Борис")])


async def test_two_packers_and_the_shift_panel(qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette) -> None:
    sandbox = sandbox_app.state.sandbox
    first = sandbox.add_order((("MUG-300", 2),))
    second = sandbox.add_order((("BOOK-WP", 1),))
    settings = AppSettings(station_name="desk-1", shift=SHIFT)
    async with running_shell(qtbot, tmp_path, sandbox_app, settings, local_store=True) as shell:
        scan = shell.packing.scanner.scanned.emit
        assert "not signed in" in shell.window.status.packer.text()

        scan("PS:PACKER:P01")
        assert "Анна" in shell.window.status.packer.text()
        await pack_and_submit(shell, first.id)

        scan("ps:packer:p02")  # Борис takes over (case flipped by the scanner)
        assert "Борис" in shell.window.status.packer.text()
        view = open_order(shell, second.id)
        barcode = view.session.order.lines[0].barcodes[0]
        scan(barcode)
        scan(barcode)  # one more than ordered: refused
        await submit(shell, view)

        scan("PS:PACKER:P02")  # the same badge again signs out
        assert "not signed in" in shell.window.status.packer.text()

        shell.window.shift_action.trigger()
        panel = shell.shift_panel
        assert isinstance(panel, ShiftPanel)
        anna, boris, total = panel.row_of("Анна"), panel.row_of("Борис"), panel.row_of("*")
        assert anna is not None
        assert boris is not None
        assert total is not None
        assert (anna.station, anna.orders, anna.units, anna.refused_scans) == ("desk-1", 1, 2, 0)
        assert (boris.orders, boris.units, boris.refused_scans) == (1, 1, 1)
        assert (total.orders, total.units, total.refused_scans) == (2, 3, 1)
        assert anna.avg_order_s is not None
        texts = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
        assert texts == ["Анна", "Борис", "All"]
        csv_path = panel.export()
        assert "Борис,desk-1,1,1,0,1,0," in csv_path.read_text(encoding="utf-8")
        store = shell.packing.store
        assert store is not None
        printed = [r for r in store.audit.history(second.id) if r.action == "label_printed"]
        assert {r.packer for r in printed} == {"Борис"}
        journal = store.journal.entries(second.id)
        assert {(e.action["packer"], e.action["desk"]) for e in journal} == {("Борис", "desk-1")}
        assert {e.action["packer"] for e in store.journal.entries(first.id)} == {"Анна"}


async def test_required_sign_in_holds_scans_until_a_badge(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    order = sandbox_app.state.sandbox.add_order((("MUG-300", 1),))
    settings = AppSettings(shift=ShiftSettings(packers=SHIFT.packers, require_sign_in=True))
    async with running_shell(qtbot, tmp_path, sandbox_app, settings) as shell:
        shell.packing.scanner.scanned.emit(str(order.id))
        assert shell.window.packing_widget is None
        assert "Sign in first" in shell.window.message_bar.text
        shell.packing.scanner.scanned.emit("PS:PACKER:P99")
        assert "Unknown badge P99" in shell.window.message_bar.text
        shell.packers.pick("Анна")  # picking a name from the status bar menu
        shell.packing.scanner.scanned.emit(str(order.id))
        assert isinstance(shell.window.packing_widget, PackingView)


async def test_required_sign_in_refuses_opening_from_the_list(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    order = sandbox_app.state.sandbox.add_order((("MUG-300", 1),))
    settings = AppSettings(shift=ShiftSettings(packers=SHIFT.packers, require_sign_in=True))
    async with running_shell(qtbot, tmp_path, sandbox_app, settings) as shell:
        order_list = shell.window.order_list
        assert order_list.select_order(order.id)
        qtbot.keyClick(order_list.table, Qt.Key.Key_Return)  # Enter in the order list
        assert shell.window.packing_widget is None
        assert shell.packing.desk.view is None
        assert "Sign in first" in shell.window.message_bar.text
        shell.packers.pick("Анна")
        qtbot.keyClick(order_list.table, Qt.Key.Key_Return)
        view = shell.window.packing_widget
        assert isinstance(view, PackingView)
        assert view.session.order.id == order.id


async def test_packers_tab_and_a_new_list_applies_at_once(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    from packstation.ui.shift_settings_page import ShiftSettingsPage

    page = ShiftSettingsPage(SHIFT)
    qtbot.addWidget(page)
    page.packers.setPlainText("Анна\nВера; v9\n  \n")
    page.require.setChecked(True)
    page.idle.setValue(0)
    edited = page.settings()
    assert [(p.name, p.badge) for p in edited.packer_list()] == [("Анна", "P01"), ("Вера", "V9")]
    assert edited.require_sign_in
    assert edited.idle_sign_out is None

    async with running_shell(qtbot, tmp_path, sandbox_app, AppSettings(shift=SHIFT), load=False) as shell:
        shell.packing.scanner.scanned.emit("PS:PACKER:P01")
        shell.packers.apply_settings(AppSettings(shift=edited))
        assert "Анна" in shell.window.status.packer.text()  # still listed: stays signed in
        shell.packing.scanner.scanned.emit("PS:PACKER:V9")
        assert "Вера" in shell.window.status.packer.text()
