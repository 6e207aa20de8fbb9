"""Drag and drop as model code (mimeData / dropMimeData) and splitting, against the sandbox."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QSortFilterProxyModel, Qt
from starlette.applications import Starlette

from packstation.services.packing import Phase
from packstation.ui.packing_models import MIME_UNITS, NodeKind, Role, decode_drag
from packstation.ui.sounds import Sound
from tests.ui.packing_support import open_desk

pytestmark = pytest.mark.asyncio
COPY = Qt.DropAction.CopyAction


async def test_two_box_order_by_drag_and_drop(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 2), ("BOOK-WP", 1)))
    try:
        lines, boxes = desk.view.lines_model, desk.view.boxes_model
        mug, book = (line.id for line in desk.order.lines)
        lines.drag_units = 1
        boxes.drag_units = 1

        # One mug onto empty space: a new box.
        mime = lines.mimeData([lines.index(0, 0)])
        assert decode_drag(mime) is not None
        assert boxes.dropMimeData(mime, COPY, -1, 0, QModelIndex())
        # The second mug onto the "new box" row: a second box.
        assert boxes.dropMimeData(lines.mimeData([lines.index(0, 0)]), COPY, -1, 0, boxes.new_box_index())
        # The book onto box 1.
        assert boxes.dropMimeData(lines.mimeData([lines.index(1, 0)]), COPY, -1, 0, boxes.box_index(0))
        assert [box.line_counts() for box in desk.session.packing.boxes] == [{mug: 1, book: 1}, {mug: 1}]
        assert "2 of 2 packed" in lines.data(lines.index(0, 0))
        assert not lines.flags(lines.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled  # nothing left

        # Box 2's mug dragged back to the lines: unpacked; then onto box 2 again via the entry.
        entry = boxes.index(0, 0, boxes.box_index(1))
        assert boxes.data(entry, Role.NODE_KIND) == NodeKind.ENTRY.value
        assert lines.dropMimeData(boxes.mimeData([entry]), COPY, -1, 0, QModelIndex())
        assert "1 of 2 packed" in lines.data(lines.index(0, 0))
        assert boxes.dropMimeData(lines.mimeData([lines.index(0, 0)]), COPY, -1, 0, QModelIndex())
        # Moving the book between boxes and back.
        book_entry = boxes.index(1, 0, boxes.box_index(0))
        assert boxes.dropMimeData(boxes.mimeData([book_entry]), COPY, -1, 0, boxes.box_index(1))
        assert desk.session.packing.boxes[1].line_counts() == {mug: 1, book: 1}
        back = boxes.index(1, 0, boxes.box_index(1))
        assert boxes.dropMimeData(boxes.mimeData([back]), COPY, -1, 0, boxes.box_index(0))

        desk.view.submit()
        await desk.settle()

        assert desk.session.phase is Phase.DONE
        market = desk.market_order
        assert market.substatus == "READY_TO_SHIP"
        contents = sorted(
            sorted((item["id"], item.get("fullCount")) for item in box.items) for box in market.boxes
        )
        assert contents == sorted([sorted([(mug, 1), (book, 1)]), [(mug, 1)]])
    finally:
        await desk.close()


async def test_refused_drop_changes_nothing_and_says_why(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 1),))
    try:
        lines, boxes = desk.view.lines_model, desk.view.boxes_model
        refused: list[object] = []
        boxes.refused.connect(refused.append)
        mime = lines.mimeData([lines.index(0, 0)])
        assert boxes.dropMimeData(mime, COPY, -1, 0, QModelIndex())
        before = desk.session.packing
        # The same drag again: the line has no units left (over-packing).
        assert not boxes.dropMimeData(mime, COPY, -1, 0, QModelIndex())
        assert desk.session.packing == before
        assert len(refused) == 1
        assert desk.view.feedback.text().startswith("✖")
        assert desk.sounds.played[-1] is Sound.ERROR
        # Foreign data is not accepted at all.
        foreign = QMimeData()
        foreign.setText("hello")
        assert not boxes.canDropMimeData(foreign, COPY, -1, 0, QModelIndex())
        assert boxes.canDropMimeData(mime, COPY, -1, 0, QModelIndex())
        assert MIME_UNITS in boxes.mimeTypes()
        # Lines accept only drags coming from boxes.
        assert not lines.canDropMimeData(mime, COPY, -1, 0, QModelIndex())
    finally:
        await desk.close()


async def test_split_large_item_with_codes(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("SPLIT-09", 1), ("SHOE-RUN-43", 1)), buyer_type="BUSINESS")
    try:
        lines, boxes, view = desk.view.lines_model, desk.view.boxes_model, desk.view
        split_line, shoe_line = desk.order.lines
        assert split_line.parts_per_unit == 2
        # A multi-parcel item dropped on the "new box" row is split in one action (boxCount parts).
        assert boxes.dropMimeData(lines.mimeData([lines.index(0, 0)]), COPY, -1, 0, boxes.new_box_index())
        assert [box.part.total for box in desk.session.packing.boxes if box.part] == [2, 2]
        assert "part 1 of 2" in boxes.data(boxes.box_index(0))
        assert "part 2 of 2" in boxes.data(boxes.box_index(1))

        # The shoes split into 3 parts through the split dialog, then their CIS is scanned once.
        view.lines.setCurrentIndex(lines.index(1, 0))
        dialog = view.ask_split()
        assert dialog is not None
        assert dialog.parts.value() == 2  # default: boxCount, at least 2
        dialog.parts.setValue(3)
        dialog.accept()
        code = desk.sandbox.unused_codes("SHOE-RUN-43")[0]
        desk.scan(code)
        shoe_boxes = [b for b in desk.session.packing.boxes if b.part and b.part.unit.line_id == shoe_line.id]
        assert len(shoe_boxes) == 3
        for index, box in enumerate(desk.session.packing.boxes):
            if box.part and box.part.unit.line_id == shoe_line.id:
                entry = boxes.index(0, 0, boxes.box_index(index))
                assert boxes.rowCount(entry) == 1  # the code shown in every part box

        view.submit()
        await desk.settle()

        assert desk.session.phase is Phase.DONE
        market = desk.market_order
        assert market.substatus == "READY_TO_SHIP"
        assert len(market.boxes) == 5
        shoe_items = [item for box in market.boxes for item in box.items if item["id"] == shoe_line.id]
        assert len(shoe_items) == 3
        assert all(item["instances"][0]["cis"] for item in shoe_items)
    finally:
        await desk.close()


async def test_qt_sees_the_models_drag_and_drop_overrides(sandbox_app: Starlette) -> None:
    # Views call these virtuals from C++; a proxy forwards through C++ too, so it proves dispatch.
    desk = await open_desk(sandbox_app, (("MUG-300", 1),))
    try:
        for model in (desk.view.lines_model, desk.view.boxes_model):
            proxy = QSortFilterProxyModel()
            proxy.setSourceModel(model)
            assert proxy.mimeTypes() == [MIME_UNITS]
            assert proxy.supportedDropActions() & Qt.DropAction.CopyAction
            assert proxy.supportedDragActions() == Qt.DropAction.CopyAction
    finally:
        await desk.close()
