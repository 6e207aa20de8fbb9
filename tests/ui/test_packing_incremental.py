"""The packing models update only the rows a scan touched (issue 19): no model reset, selection,
scroll position and open branches stay."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from starlette.applications import Starlette

from packstation.ui.packing_models import NodeKind, Role
from tests.ui.packing_support import open_desk

pytestmark = pytest.mark.asyncio


@dataclass
class Spy:
    """The structure and data signals one model emitted, as (parent row path, first, last)."""

    resets: int = 0
    changed: list[tuple[tuple[int, ...], int]] = field(default_factory=list)
    inserted: list[tuple[tuple[int, ...], int, int]] = field(default_factory=list)
    removed: list[tuple[tuple[int, ...], int, int]] = field(default_factory=list)
    layouts: int = 0

    def clear(self) -> None:
        self.resets, self.layouts = 0, 0
        self.changed, self.inserted, self.removed = [], [], []


def _path(index: QModelIndex) -> tuple[int, ...]:
    rows: list[int] = []
    while index.isValid():
        rows.insert(0, index.row())
        index = index.parent()
    return tuple(rows)


def spy(model: QAbstractItemModel) -> Spy:
    seen = Spy()

    def reset() -> None:
        seen.resets += 1

    def layout() -> None:
        seen.layouts += 1

    model.modelReset.connect(reset)
    model.layoutChanged.connect(layout)
    model.dataChanged.connect(
        lambda top, bottom, _roles: seen.changed.extend(
            (_path(top.parent()), row) for row in range(top.row(), bottom.row() + 1)
        )
    )
    model.rowsInserted.connect(lambda parent, first, last: seen.inserted.append((_path(parent), first, last)))
    model.rowsRemoved.connect(lambda parent, first, last: seen.removed.append((_path(parent), first, last)))
    return seen


async def test_a_scan_updates_only_the_rows_it_touched(
    sandbox_app: Starlette, qtmodeltester: ModelTester
) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 2), ("BOOK-WP", 1), ("CHARGER-65", 1)))
    try:
        view = desk.view
        lines, boxes = view.lines_model, view.boxes_model
        # The model tester stays connected: it checks every signal of the changes below.
        qtmodeltester.check(lines, force_py=True)
        qtmodeltester.check(boxes, force_py=True)
        line_spy, box_spy = spy(lines), spy(boxes)
        mug, book, _charger = (line.barcodes[0] for line in desk.order.lines)

        desk.scan(mug)  # the first unit: box 1 appears above the "new box" row, opened
        assert line_spy.resets == box_spy.resets == 0
        assert line_spy.changed == [((), 0)]  # only the mug's line
        assert box_spy.inserted == [((), 0, 0)]
        assert box_spy.removed == []
        box = boxes.index(0, 0)
        assert box.data(Role.NODE_KIND) == NodeKind.BOX.value
        entry = boxes.index(0, 0, box)
        assert (entry.data(Role.LINE_ID), entry.data(Role.UNITS)) == (desk.order.lines[0].id, 1)
        assert view.boxes.isExpanded(box)
        assert boxes.rowCount() == 2
        assert boxes.index(1, 0).data(Role.NODE_KIND) == NodeKind.NEW_BOX.value

        # The packer selected the mug's line and the box entry; the next scans keep both.
        select = QItemSelectionModel.SelectionFlag.ClearAndSelect
        view.lines.selectionModel().select(lines.index(0, 0), select)
        view.boxes.selectionModel().select(entry, select)
        view.boxes.setCurrentIndex(entry)
        line_spy.clear()
        box_spy.clear()

        desk.scan(mug)  # the second mug: the same box and entry, one more unit
        assert line_spy.resets == box_spy.resets == line_spy.layouts == box_spy.layouts == 0
        assert line_spy.changed == [((), 0)]
        assert sorted(box_spy.changed) == [((), 0), ((0,), 0)]  # the box's count and the entry's
        assert box_spy.inserted == box_spy.removed == []
        assert boxes.index(0, 0, boxes.index(0, 0)).data(Role.UNITS) == 2
        assert [index.row() for index in view.lines.selectionModel().selectedIndexes()] == [0]
        assert view.boxes.selectionModel().selectedIndexes() == [entry]
        assert view.boxes.currentIndex() == entry

        box_spy.clear()
        line_spy.clear()
        desk.scan(book)  # a new line in the same box: one entry row inserted under box 1
        assert box_spy.resets == 0
        assert box_spy.inserted == [((0,), 1, 1)]
        assert box_spy.changed == [((), 0)]
        assert line_spy.changed == [((), 1)]
        assert view.boxes.selectionModel().selectedIndexes() == [entry]

        box_spy.clear()
        line_spy.clear()
        desk.scan("PS:UNDO")  # takes the book out again: its entry row goes
        assert box_spy.resets == line_spy.resets == 0
        assert box_spy.removed == [((0,), 1, 1)]
        assert box_spy.inserted == []
        assert line_spy.changed == [((), 1)]
        assert view.boxes.selectionModel().selectedIndexes() == [entry]

        box_spy.clear()
        desk.scan("PS:NEW_BOX")
        desk.scan(book)  # into the new box 2: its row is inserted, opened, the rest only changes
        assert box_spy.resets == 0
        assert box_spy.removed == []
        assert ((), 1, 1) in box_spy.inserted
        second = boxes.index(1, 0)
        assert second.data(Role.BOX) == 1
        assert boxes.rowCount(second) == 1
        assert view.boxes.isExpanded(second)
        assert view.boxes.selectionModel().selectedIndexes() == [entry]
        qtmodeltester.check(boxes, force_py=True)
        qtmodeltester.check(lines, force_py=True)
        assert desk.errors == []
        assert desk.crashes == []
    finally:
        # The tester disconnects after the test: the models must outlive the view's deletion.
        for model in (desk.view.lines_model, desk.view.boxes_model):
            model.setParent(None)
            kept_alive.append(model)
        await desk.close()


kept_alive: list[QAbstractItemModel] = []


async def test_scans_keep_the_lines_scroll_position(sandbox_app: Starlette) -> None:
    offers = (("MUG-300", 1), ("BOOK-WP", 1), ("CHARGER-65", 1), ("SHOE-RUN-43", 1))
    desk = await open_desk(sandbox_app, offers)
    try:
        view = desk.view
        view.lines.setFixedHeight(90)  # shorter than the lines: the list scrolls
        QApplication.processEvents()
        bar = view.lines.verticalScrollBar()
        assert bar.maximum() > 0
        bar.setValue(bar.maximum() // 2 or 1)
        kept = bar.value()
        spied = spy(view.lines_model)
        for line in desk.order.lines[:3]:
            desk.scan(line.barcodes[0])
            QApplication.processEvents()
            assert bar.value() == kept
        assert spied.resets == 0
        assert sorted(row for _parent, row in spied.changed) == [0, 1, 2]
    finally:
        await desk.close()
