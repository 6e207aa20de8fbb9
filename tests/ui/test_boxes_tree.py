"""The boxes tree paints less and shows the same (issue 19): rows copied from kept pictures look
as `RowDelegate` paints them, and after any change the screen, repainted only in the band that
changed, equals a full repaint pixel for pixel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QImage,
    QPainter,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QApplication, QStyleFactory, QStyleOptionViewItem, QTreeView
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.ui.boxes_tree import AnyIndex, BoxesTree
from packstation.ui.packing_models import NodeKind, Role
from packstation.ui.row_delegate import LOOK_ROLE, RowDelegate, RowLook
from packstation.ui.row_pictures import RowPictures
from tests.ui.packing_support import open_desk
from tests.ui.paint_support import Painted, on_screen

COPY = Qt.DropAction.CopyAction


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _same_as_full_repaint(tree: QTreeView, after: str) -> None:
    _settle()
    shown = on_screen(tree.viewport())
    tree.viewport().repaint()
    assert shown == on_screen(tree.viewport()), f"stale pixels after: {after}"


def _style(tree: QTreeView, name: str) -> None:
    """Paint `tree` in the style `name`."""
    style = QStyleFactory.create(name)
    style.setParent(tree)  # it lives as long as the tree (which does not own it)
    tree.setStyle(style)


def _drop_on(tree: QTreeView, mime: QMimeData, index: QModelIndex) -> None:
    """Drag `mime` over the row at `index` and drop it, as the mouse does."""
    viewport = tree.viewport()
    at = QPointF(tree.visualRect(index).center())
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(viewport, QDragEnterEvent(at.toPoint(), COPY, mime, buttons, keys))
    QApplication.sendEvent(viewport, QDragMoveEvent(at.toPoint(), COPY, mime, buttons, keys))
    _settle()
    QApplication.sendEvent(viewport, QDropEvent(at, COPY, mime, buttons, keys))


@pytest.mark.asyncio
@pytest.mark.parametrize("style", ["Fusion", "Windows"])  # Windows draws the branches' lines
async def test_the_tree_repainted_in_bands_shows_what_a_full_repaint_shows(
    sandbox_app: Starlette, style: str
) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 2), ("BOOK-WP", 3), ("CHARGER-65", 3)))
    try:
        view = desk.view
        tree, boxes, lines = view.boxes, view.boxes_model, view.lines_model
        assert isinstance(tree, BoxesTree)
        assert isinstance(tree.itemDelegate(), RowPictures)
        assert isinstance(boxes, QStandardItemModel)  # rows Qt reads without calling Python
        _style(tree, style)
        mug, book, charger = (line.barcodes[0] for line in desk.order.lines)
        _settle()
        painted = Painted()
        tree.viewport().installEventFilter(painted)

        desk.scan(mug)  # box 1 appears at the top
        _same_as_full_repaint(tree, "the first box")
        desk.scan(book)  # an entry inserted under box 1: the rows from box 1 down repaint, not all
        _settle()
        height = tree.viewport().height()
        assert painted.regions
        assert painted.regions[-1].boundingRect().height() < height
        _same_as_full_repaint(tree, "an entry inserted")
        for scan, after in (
            (mug, "a unit more"),
            ("PS:UNDO", "an undo"),
            ("PS:UNDO", "an undo emptying an entry"),
            ("PS:NEW_BOX", "a new box"),
            (charger, "a unit in the new box"),
            (charger, "another"),
            (book, "a line joining box 2"),
            ("PS:UNDO", "its undo"),
            (book, "the line again"),
        ):
            desk.scan(scan)
            _same_as_full_repaint(tree, after)
        # Box 2's book goes to box 1, which holds a book: box 2 loses a row, box 1's rows above
        # it change while the layout is pending.
        assert boxes.dropMimeData(lines.mimeData([lines.index(1, 0)]), COPY, -1, 0, boxes.box_index(0))
        _same_as_full_repaint(tree, "the other books dropped into box 1")
        assert [boxes.rowCount(boxes.box_index(box)) for box in (0, 1)] == [2, 2]
        book_entry = boxes.index(1, 0, boxes.box_index(1))
        assert boxes.dropMimeData(boxes.mimeData([book_entry]), COPY, -1, 0, boxes.box_index(0))
        assert boxes.rowCount(boxes.box_index(1)) == 1
        _same_as_full_repaint(tree, "a move joining an entry above")

        # Moves and unpacking, through the model and by dropping on the view.
        charger_entry = boxes.index(0, 0, boxes.box_index(1))
        assert boxes.dropMimeData(boxes.mimeData([charger_entry]), COPY, -1, 0, boxes.box_index(0))
        _same_as_full_repaint(tree, "a move between boxes")
        assert lines.dropMimeData(
            boxes.mimeData([boxes.index(0, 0, boxes.box_index(0))]), COPY, -1, 0, QModelIndex()
        )
        _same_as_full_repaint(tree, "an unpack")
        _drop_on(tree, lines.mimeData([lines.index(1, 0)]), boxes.new_box_index())
        _same_as_full_repaint(tree, "a line dropped on the new box row")
        _drop_on(tree, boxes.mimeData([boxes.index(0, 0, boxes.box_index(0))]), boxes.box_index(1))
        _same_as_full_repaint(tree, "an entry dropped on another box")

        # Selection, collapsed boxes, expanding again.
        entry = boxes.index(0, 0, boxes.box_index(1))
        tree.setCurrentIndex(entry)
        _same_as_full_repaint(tree, "a selection")
        tree.collapse(boxes.box_index(0))
        _same_as_full_repaint(tree, "a collapsed box")
        desk.scan(charger)
        desk.scan(mug)
        _same_as_full_repaint(tree, "scans below a collapsed box")
        desk.scan("PS:UNDO")
        tree.expand(boxes.box_index(0))
        desk.scan("PS:UNDO")  # an expansion and a change before the same paint
        _same_as_full_repaint(tree, "an expansion with an undo")
        tree.collapseAll()
        desk.scan(book)
        _same_as_full_repaint(tree, "everything collapsed and a scan")
        tree.expandAll()
        _same_as_full_repaint(tree, "everything expanded")

        # A short tree that scrolls, scrolled, then changed; a reset; a new font.
        tree.setFixedHeight(90)  # shorter than the rows
        _same_as_full_repaint(tree, "a resize")
        bar = tree.verticalScrollBar()
        assert bar.maximum() > 0
        bar.setValue(bar.maximum())
        _same_as_full_repaint(tree, "scrolling")
        last_box = boxes.index(boxes.rowCount() - 2, 0)
        last_entry = boxes.index(boxes.rowCount(last_box) - 1, 0, last_box)
        end = bar.value()
        assert lines.dropMimeData(boxes.mimeData([last_entry]), COPY, -1, 0, QModelIndex())
        _same_as_full_repaint(tree, "an unpack in a tree scrolled to its end")
        assert bar.value() < end  # fewer rows: the tree scrolled back as it was laid out
        desk.scan("PS:UNDO")
        _same_as_full_repaint(tree, "an undo in a scrolled tree")
        desk.scan(mug)
        _same_as_full_repaint(tree, "a scan into a scrolled tree")
        bar.setValue(0)
        desk.scan(book)
        _same_as_full_repaint(tree, "scrolled back and a scan")
        boxes.beginResetModel()
        boxes.endResetModel()
        _same_as_full_repaint(tree, "a reset")
        font = QFont(tree.font())
        font.setPointSize(font.pointSize() + 2)
        tree.setFont(font)
        desk.scan("PS:UNDO")
        _same_as_full_repaint(tree, "a new font and an undo")
        assert desk.crashes == []
    finally:
        await desk.close()


@pytest.mark.asyncio
@pytest.mark.parametrize("style", ["Fusion", "Windows"])
async def test_a_new_code_row_repaints_from_the_code_row_above_it(sandbox_app: Starlette, style: str) -> None:
    desk = await open_desk(sandbox_app, (("TSHIRT-M", 3), ("SHOE-RUN-43", 1)), buyer_type="BUSINESS")
    try:
        tree, boxes = desk.view.boxes, desk.view.boxes_model
        _style(tree, style)
        shirt, shoes = desk.order.lines[0].barcodes[0], desk.order.lines[1].barcodes[0]
        codes = desk.sandbox.unused_codes("TSHIRT-M")
        _settle()
        painted = Painted()
        tree.viewport().installEventFilter(painted)
        desk.scan(shoes)  # the shirts' entry is not the last one: its new code rows move the shoes
        desk.scan(desk.sandbox.unused_codes("SHOE-RUN-43")[0])
        for n in range(3):
            desk.scan(shirt)
            _same_as_full_repaint(tree, f"shirt {n + 1}")
            del painted.regions[:]
            desk.scan(codes[n])
            _settle()
            shirts = boxes.index(1, 0, boxes.box_index(0))
            assert boxes.rowCount(shirts) == n + 1
            if n:  # (the first one opens the entry: Qt repaints everything then)
                # From the code row above the new one down, not from the entry: the codes above
                # stay as they are.
                top = min(region.boundingRect().top() for region in painted.regions)
                assert top == tree.visualRect(boxes.index(n - 1, 0, shirts)).top()
            _same_as_full_repaint(tree, f"code {n + 1}")
        desk.scan("PS:UNDO")  # the last code row goes
        _same_as_full_repaint(tree, "a code undone")
        for _ in range(3):
            desk.scan("PS:UNDO")
        _same_as_full_repaint(tree, "codes and shirts undone")
        assert desk.crashes == []
    finally:
        await desk.close()


@pytest.mark.asyncio
async def test_code_rows_and_part_boxes_repaint_in_bands_as_a_full_repaint(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("SPLIT-09", 1), ("SHOE-RUN-43", 1)), buyer_type="BUSINESS")
    try:
        view = desk.view
        tree, boxes, lines = view.boxes, view.boxes_model, view.lines_model
        tree.setFixedHeight(80)  # the "new box" row fits, the part boxes do not: a scroll bar comes
        _settle()
        assert tree.verticalScrollBar().maximum() == 0
        assert boxes.dropMimeData(lines.mimeData([lines.index(0, 0)]), COPY, -1, 0, boxes.new_box_index())
        _same_as_full_repaint(tree, "two part boxes")
        assert tree.verticalScrollBar().maximum() > 0
        desk.scan(desk.order.lines[1].barcodes[0])
        _same_as_full_repaint(tree, "the shoes")
        desk.scan(desk.sandbox.unused_codes("SHOE-RUN-43")[0])
        _same_as_full_repaint(tree, "a code row")
        code = boxes.index(0, 0, boxes.index(0, 0, boxes.box_index(2)))
        assert code.data(Role.NODE_KIND) == NodeKind.CODE.value
        desk.scan("PS:UNDO")
        _same_as_full_repaint(tree, "the code's undo")
    finally:
        await desk.close()


def _looks() -> list[RowLook]:
    return [
        RowLook("Box 1: whole goods, 2 pcs ← scans go here", background=QColor("#d6e4ff"), bold=True),
        RowLook("Кружка керамическая, 300 мл  × 2"),
        RowLook("✖ CIS 0104601234567890…ABCD — refused: scan another", QColor("#f8d7da"), QColor("#dc3545")),
        RowLook("+ Drop here for a new box", italic=True),
    ]


def _tree(qtbot: QtBot) -> QTreeView:
    model = QStandardItemModel()
    for look in _looks():
        item = QStandardItem(look.text)
        item.setData(look, LOOK_ROLE)
        model.appendRow(item)
    model.item(0).appendRow(QStandardItem("a child without a look"))
    tree = QTreeView()
    tree.setModel(model)
    tree.setHeaderHidden(True)
    tree.setUniformRowHeights(True)
    qtbot.addWidget(tree)
    tree.resize(420, 220)
    tree.show()
    qtbot.waitExposed(tree)
    tree.expandAll()
    return tree


def _painted_by(tree: QTreeView, delegate: RowDelegate) -> QImage:
    tree.setItemDelegate(delegate)
    _settle()
    return tree.viewport().grab().toImage()


def _sizes(tree: QTreeView, delegate: RowDelegate) -> list[QSize]:
    option = QStyleOptionViewItem()
    tree.initViewItemOption(option)
    model = tree.model()
    rows = [model.index(row, 0) for row in range(model.rowCount())] + [model.index(0, 0, model.index(0, 0))]
    return [delegate.sizeHint(option, index) for index in rows]


def test_rows_from_kept_pictures_look_as_rows_painted_directly(qtbot: QtBot) -> None:
    tree = _tree(qtbot)
    model = tree.model()
    tree.selectionModel().select(model.index(1, 0), tree.selectionModel().SelectionFlag.Select)
    pictures = RowPictures(tree)
    for _ in range(2):  # drawn into pictures, then copied from them
        assert _painted_by(tree, pictures) == _painted_by(tree, RowDelegate(tree, wrap=False))
        assert _sizes(tree, pictures) == _sizes(tree, RowDelegate(tree, wrap=False))
    assert pictures._pictures  # the rows were copied from pictures
    font = QFont(tree.font())
    font.setPointSize(font.pointSize() + 3)
    tree.setFont(font)  # a new font: pictures drawn again, sizes measured again
    assert _painted_by(tree, pictures) == _painted_by(tree, RowDelegate(tree, wrap=False))
    assert _sizes(tree, pictures) == _sizes(tree, RowDelegate(tree, wrap=False))
    tree.setEnabled(False)
    assert _painted_by(tree, pictures) == _painted_by(tree, RowDelegate(tree, wrap=False))


def test_a_row_painted_once_is_painted_directly_and_again_from_its_picture(qtbot: QtBot) -> None:
    tree = _tree(qtbot)
    pictures = RowPictures(tree)
    option = QStyleOptionViewItem()
    tree.initViewItemOption(option)
    option.rect = QRect(0, 0, 300, 24)
    image = QImage(300, 24, QImage.Format.Format_ARGB32_Premultiplied)
    for kept in (0, 1):  # painted directly (its text may never be shown again), then kept
        painter = QPainter(image)
        pictures.paint(painter, option, tree.model().index(0, 0))
        painter.end()
        assert len(pictures._pictures) == kept


@pytest.mark.asyncio
async def test_rows_overflowing_the_tree_keep_their_width(sandbox_app: Starlette) -> None:
    """The scroll bar is there from the start: the row that first overflows the tree does not
    narrow every row (each elided and painted again in that scan; the rows jumping sideways)."""
    desk = await open_desk(sandbox_app, (("POWERBANK-10", 40),))
    try:
        tree = desk.view.boxes
        desk.view.resize(900, 500)
        desk.view.show()
        _settle()
        width = tree.viewport().width()
        for _ in range(40):
            desk.scan(desk.order.lines[0].barcodes[0])
            desk.scan("PS:NEW_BOX")
        _settle()
        assert tree.verticalScrollBar().maximum() > 0  # the rows overflow the tree
        assert tree.viewport().width() == width
    finally:
        await desk.close()


def test_a_row_gaining_a_sibling_below_is_copied_from_its_picture(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row's open/children/sibling state bits change only the branch signs the tree draws
    beside it: the row a box's new entry goes under (its last one until then) keeps its picture."""
    tree = _tree(qtbot)
    pictures = RowPictures(tree)
    _painted_by(tree, pictures)
    tree.viewport().repaint()  # painted twice: from pictures
    model = tree.model()
    assert isinstance(model, QStandardItemModel)
    last = model.index(model.rowCount() - 1, 0)
    direct: list[str] = []
    paint = RowDelegate.paint

    def counted(
        delegate: RowDelegate, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        direct.append(index.data(Qt.ItemDataRole.DisplayRole))
        paint(delegate, painter, option, index)

    monkeypatch.setattr(RowDelegate, "paint", counted)
    kept = len(pictures._pictures)
    item = QStandardItem("a new last row")
    item.setData(RowLook("a new last row"), LOOK_ROLE)
    model.appendRow(item)  # the last row gains a sibling below it
    tree.viewport().repaint()
    assert "a new last row" in direct  # painted once: directly
    assert last.data(Qt.ItemDataRole.DisplayRole) not in direct
    assert len(pictures._pictures) == kept  # nor drawn into a new picture
    assert _painted_by(tree, pictures) == _painted_by(tree, RowDelegate(tree, wrap=False))
