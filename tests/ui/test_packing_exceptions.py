"""Shortening, cancelling and a buyer cancellation mid-pack, against the sandbox."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from starlette.applications import Starlette

from packstation.services.packing import Phase
from packstation.ui.sounds import Sound
from tests.ui.packing_support import open_desk

pytestmark = pytest.mark.asyncio


async def test_shortened_order(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 3), ("BOOK-WP", 1)))
    try:
        mug, book = desk.order.lines
        dialog = desk.view.ask_shorten()
        assert not dialog.ok_button.isEnabled()  # nothing reduced yet
        dialog.spins[mug.id].setValue(1)
        assert "the Market is asked to remove 2 unit" in dialog.verdict.text()
        assert not dialog.ok_button.isEnabled()  # irreversible: needs the tick
        dialog.confirm.setChecked(True)
        assert dialog.ok_button.isEnabled()
        dialog.accept()
        await desk.settle()
        assert desk.session.order.line(mug.id).count == 1
        assert not desk.view.undo_button.isEnabled()  # a shortening cannot be undone

        desk.scan(mug.barcodes[0])
        desk.scan(book.barcodes[0])
        desk.view.submit()
        await desk.settle()

        assert desk.session.phase is Phase.DONE
        market = desk.market_order
        assert market.substatus == "READY_TO_SHIP"
        assert market.line(mug.id) is not None
        assert market.line(mug.id).count == 1  # type: ignore[union-attr]
        assert market.removed_units == 2
    finally:
        await desk.close()


async def test_shorten_refused_by_market_rules_before_sending(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 1),))
    try:
        dialog = desk.view.ask_shorten()
        dialog.spins[desk.order.lines[0].id].setValue(0)  # the last item of the order
        dialog.confirm.setChecked(True)
        assert not dialog.ok_button.isEnabled()
        assert "cancel the order" in dialog.verdict.text().lower()
        dialog.reject()
        assert desk.market_order.removed_units == 0
    finally:
        await desk.close()


async def test_buyer_cancels_mid_pack_stops_the_packer(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 2),))
    try:
        desk.scan(desk.order.lines[0].barcodes[0])
        assert desk.view.pages.currentWidget() is desk.view.workspace
        finished: list[int] = []
        desk.view.finished.connect(finished.append)

        desk.sandbox.cancel_by_buyer(desk.order.id)
        await desk.session.refresh_order()  # the order queue's fresh copy does the same

        assert desk.session.phase is Phase.INTERRUPTED
        assert desk.view.pages.currentWidget() is desk.view.interrupt_page
        assert "put the items back" in desk.view.interrupt_reason.text()
        assert desk.sounds.played[-1] is Sound.ERROR
        assert finished == [desk.order.id]
        assert desk.market_order.status == "CANCELLED"
        assert desk.market_order.boxes == []
        # Nothing can be packed any more.
        desk.scan(desk.order.lines[0].barcodes[0])
        assert desk.view.feedback.text().startswith("✖")
        lines = desk.view.lines_model
        assert not lines.flags(lines.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
        back: list[bool] = []
        desk.view.back_requested.connect(lambda: back.append(True))
        desk.view.interrupt_page.findChild(type(desk.view.back_button), "interruptBack").click()
        assert back == [True]
    finally:
        await desk.close()


async def test_cancel_order_shop_failed_after_confirmation(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 1),))
    try:
        dialog = desk.view.ask_cancel()
        assert not dialog.ok_button.isEnabled()
        dialog.confirm.setChecked(True)
        assert dialog.ok_button.isEnabled()
        dialog.accept()
        await desk.settle()
        assert desk.session.phase is Phase.CANCELLED
        assert (desk.market_order.status, desk.market_order.substatus) == ("CANCELLED", "SHOP_FAILED")
        assert "cancelled" in desk.view.state_banner.text()
        assert not desk.view.cancel_button.isEnabled()
    finally:
        await desk.close()


async def test_market_failure_on_submit_is_shown_and_nothing_is_lost(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 1),))
    try:
        desk.scan(desk.order.lines[0].barcodes[0])
        desk.sandbox.cancel_by_buyer(desk.order.id)  # the Market refuses the layout now
        desk.view.submit()
        await desk.settle()
        assert desk.session.phase is Phase.INTERRUPTED  # the refusal re-read the order
        assert desk.view.pages.currentWidget() is desk.view.interrupt_page
        assert desk.crashes == []
    finally:
        await desk.close()


async def test_undo_and_box_commands_from_buttons(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 2),))
    try:
        barcode = desk.order.lines[0].barcodes[0]
        desk.scan(barcode)
        desk.view.close_box_button.click()
        desk.scan(barcode)  # a closed box: the next unit opens box 2
        assert len(desk.session.packing.boxes) == 2
        assert desk.view.undo_button.isEnabled()
        desk.view.undo_button.click()
        assert len(desk.session.packing.boxes) == 1
        desk.view.new_box_button.click()
        assert "scans go here" in desk.view.boxes_model.data(desk.view.boxes_model.box_index(1))
        desk.scan("PS:UNDO")
        assert desk.view.boxes_model.rowCount(QModelIndex()) == 2  # box 1 + "new box" row
    finally:
        await desk.close()


async def test_scans_keep_working_while_a_dialog_is_open_and_focus_comes_back(
    sandbox_app: Starlette,
) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 2),))
    try:
        view = desk.view
        view.activateWindow()
        view.setFocus()
        dialog = view.ask_shorten()
        assert dialog.isVisible()
        desk.scan(desk.order.lines[0].barcodes[0])  # the scanner filter delivers here
        assert desk.session.snapshot.progress[0].packed == 1
        assert dialog.isVisible()  # the scan neither closed nor blocked the dialog
        dialog.reject()
        await asyncio.sleep(0.05)  # deferred delete of the dialog
        QApplication.processEvents()
        assert view.hasFocus() or view.isAncestorOf(QApplication.focusWidget())
    finally:
        await desk.close()


async def test_keyboard_shortcuts(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 2),))
    try:
        view = desk.view
        view.activateWindow()
        assert QTest.qWaitForWindowActive(view)
        view.setFocus()
        desk.scan(desk.order.lines[0].barcodes[0])
        QTest.keyClick(view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # new box
        assert desk.session.packing.current == 1
        QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
        assert desk.session.packing.current == 0
        desk.scan(desk.order.lines[0].barcodes[0])
        assert view.submit_button.isEnabled()
        QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # submit
        await desk.settle()
        assert desk.session.phase is Phase.DONE
    finally:
        await desk.close()
