"""Keyboard and scanner flow through the real shell against the sandbox (issue 14): Esc back to the
list with the work kept, the search field's keys into the list, the empty-filter note, messages
that belong to an order, one name per shortcut, opening an order without marking it in progress,
an item barcode that opens its order and counts, and a marking code scanned before its barcode."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.app import Shell
from packstation.ui.main_window import HISTORY_FLOATING, HISTORY_MIN
from packstation.ui.message_bar import DESK
from packstation.ui.packing_view import PackingView
from tests.fixtures.qt import until
from tests.ui.packing_support import running_shell

pytestmark = [pytest.mark.asyncio]


@contextlib.asynccontextmanager
async def _started(qtbot: QtBot, tmp_path: Path, app: Starlette) -> AsyncIterator[Shell]:
    """The shell started with its local store, its window active (the keys go to it)."""
    async with running_shell(qtbot, tmp_path, app, local_store=True) as shell:
        shell.window.activateWindow()
        await until(lambda: shell.window.isActiveWindow(), "the window to be active")
        yield shell


def _view(shell: Shell) -> PackingView:
    view = shell.window.packing_widget
    assert isinstance(view, PackingView)
    assert shell.window.pages.currentWidget() is view
    return view


def _packed(view: PackingView) -> int:
    return sum(progress.packed for progress in view.session.snapshot.progress)


async def test_esc_goes_back_to_the_list_and_the_order_reopens_with_its_boxes(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    order = sandbox_app.state.sandbox.add_order((("MUG-300", 2), ("BOOK-WP", 1)))
    async with _started(qtbot, tmp_path, sandbox_app) as shell:
        shell.window.order_activated.emit(order.id)
        view = _view(shell)
        shell.packing.scanner.scanned.emit(view.session.order.lines[0].barcodes[0])
        assert _packed(view) == 1
        boxes = view.session.packing.boxes
        qtbot.keyClick(view, Qt.Key.Key_Escape)
        assert shell.window.pages.currentWidget() is shell.window.order_list
        assert QApplication.focusWidget() is shell.window.order_list.search
        assert "Esc" in view.back_button.toolTip()

        shell.window.order_activated.emit(order.id)
        again = _view(shell)
        assert again is view  # the same work, not a fresh start
        assert _packed(again) == 1
        assert again.session.packing.boxes == boxes


async def test_the_search_field_reaches_the_list_and_an_empty_result_says_so(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    async with _started(qtbot, tmp_path, sandbox_app) as shell:
        orders = shell.window.order_list
        orders.search.setFocus()
        qtbot.keyClicks(orders.search, "PENCILS-24")  # in several demo orders
        matching = {o.id for o in shell.queue.orders() if any(ln.offer_id == "PENCILS-24" for ln in o.lines)}
        assert orders.proxy.rowCount() == len(matching) > 1
        qtbot.keyClick(orders.search, Qt.Key.Key_Down)  # into the list, a row selected
        assert QApplication.focusWidget() is orders.table
        assert orders.selected_order_id() in matching
        qtbot.keyClick(orders.table, Qt.Key.Key_Down)
        selected = orders.selected_order_id()
        with qtbot.waitSignal(shell.window.order_activated) as opened:
            qtbot.keyClick(orders.table, Qt.Key.Key_Return)
        assert opened.args == [selected]
        assert _view(shell).session.order.id == selected

        shell.window.show_orders()
        orders.table.clearSelection()
        orders.table.setCurrentIndex(orders.proxy.index(-1, -1))
        qtbot.keyClick(orders.search, Qt.Key.Key_Return)  # several match: Enter also reaches the list
        assert QApplication.focusWidget() is orders.table
        assert orders.selected_order_id() is not None

        orders.search.clear()
        orders.search.setFocus()
        qtbot.keyClicks(orders.search, "no such thing")
        assert orders.proxy.rowCount() == 0
        assert orders.empty_note.isVisible()
        assert orders.empty_note.text() == "No orders match «no such thing»"
        assert orders.empty_note.geometry() == orders.table.viewport().rect()
        qtbot.keyClick(orders.search, Qt.Key.Key_Down)  # nothing to reach: the field keeps the keys
        assert QApplication.focusWidget() is orders.search
        orders.search.clear()
        assert not orders.empty_note.isVisible()


async def test_messages_about_an_order_go_when_another_one_opens(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox = sandbox_app.state.sandbox
    one = sandbox.add_order((("MUG-300", 1),))
    two = sandbox.add_order((("BOOK-WP", 1),))
    async with _started(qtbot, tmp_path, sandbox_app) as shell:
        bar = shell.window.message_bar
        shell.packing.scanner.scanned.emit("PS:NOT-A-THING")  # a scan on the list nobody takes
        assert bar.isVisible()
        assert bar.order == DESK
        refusal = bar.text
        shell.window.order_activated.emit(one.id)
        assert not bar.isVisible(), f"the list's refusal {refusal!r} stayed over order {one.id}"

        bar.show_error("about order one", order=one.id)
        shell.window.order_activated.emit(one.id)  # the same order again: still about it
        assert bar.text == "about order one"
        shell.window.order_activated.emit(two.id)
        assert not bar.isVisible()

        bar.show_warning("the station's own news")  # not about an order: it stays
        shell.window.order_activated.emit(one.id)
        assert bar.text == "the station's own news"

        shell.window.order_activated.emit(999_999_999)  # not listed: said, and about the desk
        assert bar.text == "Order 999999999 is no longer in the list."
        assert bar.text.endswith(".")


async def test_shortcuts_are_named_one_way(qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette) -> None:
    order = sandbox_app.state.sandbox.add_order((("MUG-300", 1),))
    async with _started(qtbot, tmp_path, sandbox_app) as shell:
        shell.window.order_activated.emit(order.id)
        view = _view(shell)
        assert view.submit_button.text().endswith("\nCtrl+Enter")
        assert view.submit_button.toolTip() == "Submit (Ctrl+Enter)"
        shell.packing.scanner.scanned.emit(view.session.order.lines[0].barcodes[0])
        assert "(Ctrl+Enter)" in view.state_banner.text()
        submit = next(a for a in view.actions() if a.text() == "Submit")
        assert QKeySequence("Ctrl+Return") in submit.shortcuts()
        assert QKeySequence("Ctrl+Enter") in submit.shortcuts()  # the keypad's Enter too
        texts = [b.text() for b in view.findChildren(type(view.submit_button))]
        assert not [t for t in texts if "Return" in t]


async def test_an_order_only_looked_at_is_not_in_progress_anywhere(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox = sandbox_app.state.sandbox
    order = sandbox.add_order((("MUG-300", 2),))
    async with _started(qtbot, tmp_path, sandbox_app) as shell:
        store = shell.packing.open_store()
        shell.window.order_activated.emit(order.id)
        view = _view(shell)
        assert shell._orders_worked_on() == {order.id}  # on screen: the desk holds it
        qtbot.keyClick(view, Qt.Key.Key_Escape)
        assert store.journal.orders_in_progress() == []
        assert not shell.model.is_in_progress(order.id)
        assert shell._orders_worked_on() == set()  # a fleet would release its claim
        assert [line.action for line in store.audit.history(order.id)] == []
        assert sandbox.find(order.id).substatus == "STARTED"

        shell.window.order_activated.emit(order.id)
        shell.packing.scanner.scanned.emit(view.session.order.lines[0].barcodes[0])
        shell.window.show_orders()
        assert store.journal.orders_in_progress() == [order.id]
        assert shell.model.is_in_progress(order.id)
        assert shell._orders_worked_on() == {order.id}
        assert "order_opened" in [line.action for line in store.audit.history(order.id)]


async def test_an_item_barcode_scanned_on_the_list_opens_its_order_and_counts_the_unit(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    async with _started(qtbot, tmp_path, sandbox_app) as shell:
        # A barcode only one listed order holds (the demo's single ring order).
        holders: dict[str, list[int]] = {}
        for listed in shell.queue.orders():
            for line in listed.lines:
                for code in line.barcodes:
                    holders.setdefault(code, []).append(listed.id)
        barcode, (order_id,) = next((code, ids) for code, ids in sorted(holders.items()) if len(ids) == 1)
        shell.packing.scanner.scanned.emit(barcode)
        view = _view(shell)
        assert view.session.order.id == order_id
        assert _packed(view) == 1
        assert view.feedback.text().endswith("→ box 1")


async def test_a_marking_code_scanned_before_its_barcode_boxes_the_unit_held(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox = sandbox_app.state.sandbox
    order = sandbox.add_order((("SHOE-RUN-43", 2),))
    first, second = sandbox.unused_codes("SHOE-RUN-43")[:2]
    async with _started(qtbot, tmp_path, sandbox_app) as shell:
        shell.window.order_activated.emit(order.id)
        view = _view(shell)
        barcode = view.session.order.lines[0].barcodes[0]
        shell.packing.scanner.scanned.emit(first)  # the packer holds a shoe and scans its code first
        packing = view.session.packing
        assert _packed(view) == 1
        unit = packing.boxes[0].units[0]
        assert [code.value for code in packing.codes_of(unit)] == [first]
        assert view.feedback.text().endswith("unit 1 → box 1")
        shell.packing.scanner.scanned.emit(barcode)  # then its barcode: the same unit, not a second
        assert _packed(view) == 1
        assert view.feedback.text().endswith("→ box 1")
        shell.packing.scanner.scanned.emit(barcode)  # the next shoe, barcode first this time
        shell.packing.scanner.scanned.emit(second)
        assert _packed(view) == 2
        assert view.session.snapshot.complete

        # The journal says the same after a restart.
        qtbot.keyClick(view, Qt.Key.Key_Escape)

    async with _started(qtbot, tmp_path, sandbox_app) as shell:
        shell.window.order_activated.emit(order.id)
        restored = _view(shell)
        assert _packed(restored) == 2
        assert restored.session.snapshot.complete


async def test_history_opens_readable_from_every_place(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    order = sandbox_app.state.sandbox.add_order((("MUG-300", 1),))
    async with _started(qtbot, tmp_path, sandbox_app) as shell:
        dock = shell.window.history_dock

        async def readable() -> None:
            await until(lambda: dock.isVisible() and dock.width() >= HISTORY_MIN[0], "a readable history")
            assert dock.height() >= HISTORY_MIN[1]

        shell.window.order_activated.emit(order.id)
        view = _view(shell)
        shell.packing.scanner.scanned.emit(view.session.order.lines[0].barcodes[0])
        view.history_button.click()  # from the packing page
        await readable()
        dock.hide()
        shell.window.show_orders()
        assert shell.window.order_list.select_order(order.id)
        shell.window.order_list.history_action.trigger()  # from the list
        await readable()

        # From another window (the office's statistics): the main window comes up with it.
        dock.hide()
        other = QWidget()
        qtbot.addWidget(other)
        other.resize(600, 400)
        other.show()
        other.activateWindow()
        await until(other.isActiveWindow, "the other window active")
        shell.show_history(order.id)
        await readable()
        await until(shell.window.isActiveWindow, "the main window raised with its history")

        # A floating history (the packer undocked it once) opens as a real window, not a strip.
        dock.setFloating(True)
        dock.resize(120, 80)
        dock.hide()
        shell.show_history(order.id)
        await until(dock.isVisible, "the floating history")
        assert dock.width() >= HISTORY_FLOATING[0]
        assert dock.height() >= HISTORY_FLOATING[1]
