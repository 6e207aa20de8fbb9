"""The packing view driven by scans only, against the in-process sandbox."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget
from starlette.applications import Starlette

from packstation.sandbox.app import create_app
from packstation.sandbox.config import SandboxConfig
from packstation.services.packing import Phase
from packstation.ui import palette
from packstation.ui.format import local_time
from packstation.ui.packing_models import Role
from packstation.ui.sounds import Sound
from tests.ui.packing_support import open_desk

pytestmark = pytest.mark.asyncio


async def test_single_item_order_packed_by_scans_only(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 1),))
    try:
        barcode = desk.order.lines[0].barcodes[0]
        desk.scan(barcode)
        assert desk.view.feedback.text().startswith("✔")
        assert "box 1" in desk.view.feedback.text()
        assert desk.view.submit_button.isEnabled()
        assert desk.sounds.played[-1] is Sound.COMPLETE  # the last unit completes the order
        assert "Everything is packed" in desk.view.state_banner.text()

        desk.scan("PS:SUBMIT")
        await desk.settle()

        assert desk.session.phase is Phase.DONE
        market = desk.market_order
        assert (market.status, market.substatus) == ("PROCESSING", "READY_TO_SHIP")
        assert len(market.boxes) == 1
        assert [item["id"] for item in market.boxes[0].items] == [desk.order.lines[0].id]
        assert "Done" in desk.view.state_banner.text()
        assert not desk.view.submit_button.isEnabled()
        assert desk.errors == []
        assert desk.crashes == []
    finally:
        await desk.close()


async def test_foreign_barcode_is_refused_with_error_sound(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 1),))
    try:
        foreign = desk.sandbox.catalogue["BOOK-WP"].ean13
        desk.scan(foreign)
        text = desk.view.feedback.text()
        assert text.startswith("✖")
        assert foreign in text
        assert desk.sounds.played[-1] is Sound.ERROR
        assert desk.session.packing.boxes == ()
        assert desk.view.boxes_model.rowCount() == 1  # only the "new box" row

        desk.scan("no such thing at all")
        assert desk.view.feedback.text().startswith("✖")
        assert desk.session.packing.boxes == ()
    finally:
        await desk.close()


async def test_marking_code_scan_attaches_and_shows_verification_badge(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("SHOE-RUN-43", 1),), buyer_type="BUSINESS")
    try:
        assert "Business buyer" in desk.view.buyer.text()
        desk.scan(desk.order.lines[0].barcodes[0])
        assert not desk.view.submit_button.isEnabled()  # a business buyer's code is mandatory
        code = desk.sandbox.unused_codes("SHOE-RUN-43")[0]
        desk.scan(code)
        assert "code for" in desk.view.feedback.text()
        lines = desk.view.lines_model
        assert "1 of 1 coded" in lines.data(lines.index(0, 0))

        desk.view.submit()
        await desk.settle()

        assert desk.session.phase is Phase.DONE
        boxes = desk.view.boxes_model
        entry = boxes.index(0, 0, boxes.box_index(0))
        code_row = boxes.index(0, 0, entry)
        assert boxes.data(code_row, Role.CODE_STATUS) == "OK"
        assert "✔" in boxes.data(code_row)
        assert code[:16] in boxes.data(code_row)
        assert code not in boxes.data(code_row)
        assert desk.market_order.substatus == "READY_TO_SHIP"
    finally:
        await desk.close()


async def test_express_order_hand_over_through_verify_eac(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("CHARGER-65", 1),), program="EXPRESS")
    try:
        assert "Express" in desk.view.program.text()
        assert desk.view.deadline.text().startswith("Deadline ")
        assert " · in " in desk.view.deadline.text()
        desk.scan(desk.order.lines[0].barcodes[0])
        desk.view.submit()
        await desk.settle()
        assert desk.session.phase is Phase.READY
        assert desk.view.pages.currentWidget() is desk.view.courier

        desk.sandbox.advance_clock(3 * desk.sandbox.config.courier_step)  # the courier arrives
        real = desk.sandbox.eac_code(desk.order.id)
        wrong = "0000" if real != "0000" else "1111"
        desk.scan(wrong)  # a scanned courier code goes to the hand-over step
        await desk.settle()
        assert "Attempts left: 2" in desk.view.courier.detail.text()
        assert desk.sounds.played[-1] is Sound.ERROR
        assert desk.session.phase is Phase.READY

        desk.view.courier.code.setText(real)
        desk.view.courier.verify.click()
        await desk.settle()
        assert desk.session.phase is Phase.DONE
        assert desk.market_order.substatus == "COURIER_RECEIVED"
        assert desk.sounds.played[-1] is Sound.COMPLETE
    finally:
        await desk.close()


async def test_express_courier_need_update_is_explained(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("CHARGER-65", 1),), program="EXPRESS")
    try:
        desk.scan(desk.order.lines[0].barcodes[0])
        desk.view.submit()
        await desk.settle()
        desk.sandbox.advance_clock(3 * desk.sandbox.config.courier_step)
        real = desk.sandbox.eac_code(desk.order.id)
        wrong = "0000" if real != "0000" else "1111"
        for _ in range(desk.sandbox.config.eac_attempts):
            desk.view.handover(wrong)
            await desk.settle()
        assert "No attempts left" in desk.view.courier.result.text()
        assert desk.session.phase is Phase.READY
    finally:
        await desk.close()


async def test_refused_code_is_replaced_and_stale_labels_are_listed() -> None:
    first_code: list[str] = []

    def refuse_first(kind: str, value: str) -> str | None:
        # The Market refuses the first code it sees and accepts the rest.
        if not first_code:
            first_code.append(value)
        return "" if value == first_code[0] else None

    app = create_app(SandboxConfig(seed=1, failure_rule=refuse_first))
    desk = await open_desk(app, (("SHOE-RUN-43", 1), ("MUG-300", 1)), buyer_type="BUSINESS")
    try:
        stock = desk.sandbox.unused_codes("SHOE-RUN-43")
        shoe, mug = desk.order.lines
        desk.scan(shoe.barcodes[0])
        desk.scan(mug.barcodes[0])
        desk.scan(stock[0])
        desk.view.submit()
        await desk.settle()

        assert desk.session.phase is Phase.PACKING  # back to packing to replace the code
        boxes = desk.view.boxes_model
        code_row = boxes.index(0, 0, boxes.index(0, 0, boxes.box_index(0)))
        assert boxes.data(code_row, Role.CODE_STATUS) == "FAILED"
        assert "refused" in boxes.data(code_row)
        assert "refused" in desk.view.feedback.text()
        old_boxes = [box.box_id for box in desk.market_order.boxes]

        desk.scan(stock[1])  # the replacement: same boxes, labels still good
        assert not desk.view.notice.isVisibleTo(desk.view)
        desk.session.move(mug.id, 0, None)  # the mug goes into a box of its own
        assert desk.view.notice.isVisibleTo(desk.view)
        assert "out of date" in desk.view.notice.text()
        assert all(str(box_id) in desk.view.notice.text() for box_id in old_boxes)

        desk.view.submit()
        await desk.settle()
        assert desk.session.phase is Phase.DONE
        assert desk.market_order.substatus == "READY_TO_SHIP"
        assert len(desk.market_order.boxes) == 2
        assert not desk.view.notice.isVisibleTo(desk.view)
    finally:
        await desk.close()


async def test_long_code_check_can_be_rechecked_or_left_to_edit() -> None:
    app = create_app(SandboxConfig(seed=1, verification_delay=3600))
    desk = await open_desk(app, (("SHOE-RUN-43", 1),), buyer_type="BUSINESS", finish_checks=False)
    try:
        stock = desk.sandbox.unused_codes("SHOE-RUN-43")
        desk.scan(desk.order.lines[0].barcodes[0])
        desk.scan(stock[0])
        desk.view.submit()
        await desk.settle()
        assert desk.session.phase is Phase.VERIFYING  # the wait timed out; nothing lost
        assert "still checking" in desk.view.feedback.text()
        assert desk.view.check_button.isVisibleTo(desk.view)
        assert desk.view.resume_button.isVisibleTo(desk.view)
        boxes = desk.view.boxes_model
        code_row = boxes.index(0, 0, boxes.index(0, 0, boxes.box_index(0)))
        assert boxes.data(code_row, Role.CODE_STATUS) == "IN_PROGRESS"

        desk.view.resume_button.click()
        assert desk.session.phase is Phase.PACKING
        assert not desk.view.check_button.isVisibleTo(desk.view)

        desk.view.submit()  # the same layout: not sent again, just waited for
        await desk.settle()
        assert desk.session.phase is Phase.VERIFYING
        desk.sandbox.finish_verifications()
        desk.view.check_button.click()
        await desk.settle()
        assert desk.session.phase is Phase.DONE
        assert desk.market_order.substatus == "READY_TO_SHIP"
    finally:
        await desk.close()


async def test_express_countdown_turns_red_when_late(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("CHARGER-65", 1),), program="EXPRESS")
    try:
        ship_by = desk.order.ship_by
        assert ship_by is not None
        desk.view.clock = lambda: ship_by - timedelta(minutes=10, seconds=5)
        desk.view._tick()
        at = local_time(ship_by)  # the time of day, then the one countdown format (ui.format)
        assert desk.view.deadline.text() == f"Deadline {at} · in 0:10"
        assert _text_colour(desk.view.deadline) == QColor(palette.SOON)  # under 30 minutes
        desk.view.clock = lambda: ship_by + timedelta(seconds=90)
        desk.view._tick()
        assert desk.view.deadline.text() == f"Deadline {at} · late 0:02"
        assert _text_colour(desk.view.deadline) == QColor(palette.LATE)
    finally:
        await desk.close()


def _text_colour(label: QWidget) -> QColor:
    return label.palette().color(QPalette.ColorRole.WindowText)
