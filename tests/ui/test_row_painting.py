"""The packing lists' rows: laid-out texts kept between paints, wrapped rows that repaint alone
when they change, one-line rows cut with an ellipsis (issue 19)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTreeView
from pytestqt.qtbot import QtBot

from packstation.ui.row_delegate import LOOK_ROLE, RowDelegate, RowLook
from packstation.ui.wrapping_list import WrappingListView
from tests.ui.paint_support import Painted

THREE_LINES = "Кружка керамическая\nMUG-300  ·  × 2\n{n} из 2 упаковано"
LONG_NAME = "Футболка хлопковая оверсайз с длинным рукавом и принтом, размер M, цвет тёмно-синий"


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _list(qtbot: QtBot, texts: list[str], width: int = 420) -> tuple[WrappingListView, QStandardItemModel]:
    model = QStandardItemModel()
    for text in texts:
        model.appendRow(QStandardItem(text))
    return _list_of(qtbot, model, width)


def _list_of(
    qtbot: QtBot, model: QStandardItemModel, width: int = 420
) -> tuple[WrappingListView, QStandardItemModel]:
    view = WrappingListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(width, 400)
    view.show()
    qtbot.waitExposed(view)
    _settle()
    return view, model


def test_rows_break_at_new_lines_and_wrap_at_the_lists_width(qtbot: QtBot) -> None:
    view, model = _list(qtbot, [THREE_LINES.format(n=0), LONG_NAME])
    spacing = QFontMetrics(view.font()).lineSpacing()
    assert view.visualRect(model.index(0, 0)).height() >= 3 * spacing  # three lines, not one
    wrapped = view.visualRect(model.index(1, 0)).height()
    assert wrapped >= 2 * spacing  # the long name wraps at 420 px ...
    view.resize(1400, 400)
    _settle()
    assert view.visualRect(model.index(1, 0)).height() < wrapped  # ... and not at 1,400


def test_a_changed_row_that_keeps_its_height_repaints_alone(qtbot: QtBot) -> None:
    view, model = _list(qtbot, [THREE_LINES.format(n=0), THREE_LINES.format(n=0), "Плед"])
    painted = Painted()
    view.viewport().installEventFilter(painted)
    row = view.visualRect(model.index(1, 0))
    below = view.visualRect(model.index(2, 0))
    model.item(1).setText(THREE_LINES.format(n=1))  # a scan: one line's progress
    _settle()
    assert painted.regions
    assert all(row.contains(region.boundingRect()) for region in painted.regions)  # not the list
    assert view.visualRect(model.index(2, 0)) == below


def test_a_row_that_grows_moves_the_rows_below(qtbot: QtBot) -> None:
    view, model = _list(qtbot, [THREE_LINES.format(n=0), "Плед"])
    below = view.visualRect(model.index(1, 0))
    model.item(0).setText(THREE_LINES.format(n=1) + ", с кодом 1 из 2\nчасти в коробках: 1 из 3")
    _settle()
    assert view.visualRect(model.index(1, 0)).top() > below.top()


def test_one_line_rows_are_cut_to_the_width_and_drawn_as_the_model_says(qtbot: QtBot) -> None:
    model = QStandardItemModel()
    item = QStandardItem(LONG_NAME * 3)
    item.setData(
        RowLook(LONG_NAME * 3, background=QColor("#f8d7da"), foreground=QColor("#dc3545")), LOOK_ROLE
    )
    model.appendRow(item)
    model.appendRow(QStandardItem("Коробка 2"))
    view = QTreeView()
    qtbot.addWidget(view)
    view.setHeaderHidden(True)
    view.setUniformRowHeights(True)
    view.setItemDelegate(RowDelegate(view, wrap=False))
    view.setModel(model)
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    _settle()
    first = view.visualRect(model.index(0, 0))
    assert first.height() < 2 * QFontMetrics(view.font()).lineSpacing()  # one line, however long
    image = view.viewport().grab().toImage()
    colours = {image.pixelColor(x, first.center().y()).name() for x in range(first.left(), first.right())}
    assert "#f8d7da" in colours  # the row's background
    assert any(_reddish(QColor(c)) for c in colours)  # and its text colour
    edge = {image.pixelColor(x, first.center().y()).name() for x in range(first.right() - 12, first.right())}
    assert edge <= {"#f8d7da"}  # cut before the edge, not drawn past it
    assert model.index(0, 0).data(Qt.ItemDataRole.DisplayRole) == LONG_NAME * 3


def _reddish(colour: QColor) -> bool:
    return colour.red() > 150 and colour.green() < 120 and colour.blue() < 120


def _looks_list(qtbot: QtBot, texts: list[str]) -> tuple[WrappingListView, QStandardItemModel, list[str]]:
    """A wrapping list of rows with a look each (kept until the row changes, as the packing
    models keep them), and the texts of the looks its delegate measures from now on."""
    model = QStandardItemModel()
    for text in texts:
        item = QStandardItem(text)
        item.setData(RowLook(text), LOOK_ROLE)
        model.appendRow(item)
    view, _model = _list_of(qtbot, model)
    delegate = view.itemDelegate()
    assert isinstance(delegate, RowDelegate)
    measured: list[str] = []
    measure = delegate._measure

    def counted(look: RowLook, width: int, font: QFont, font_id: int) -> QSize:
        measured.append(look.text)
        return measure(look, width, font, font_id)

    delegate._measure = counted  # type: ignore[method-assign]
    return view, model, measured


def test_a_row_is_measured_once_per_look(qtbot: QtBot) -> None:
    view, model, measured = _looks_list(qtbot, [THREE_LINES.format(n=0), "Плед"])
    changed = THREE_LINES.format(n=1)
    model.item(0).setData(RowLook(changed), LOOK_ROLE)  # a scan: the model's new look for the row
    _settle()
    view.viewport().repaint()  # Qt asks the rows' sizes again to place and paint them
    assert measured == [changed]  # once, though Qt asked for its size several times


def test_a_new_look_of_another_height_is_measured_anew(qtbot: QtBot) -> None:
    view, model, _measured = _looks_list(qtbot, ["Плед", "Кружка"])
    below = view.visualRect(model.index(1, 0))
    model.item(0).setData(RowLook(THREE_LINES.format(n=1)), LOOK_ROLE)
    _settle()
    assert view.visualRect(model.index(1, 0)).top() > below.top()  # the row grew: the rows below moved


def test_a_one_line_row_that_fits_is_laid_out_once_and_a_long_one_is_cut(qtbot: QtBot) -> None:
    model = QStandardItemModel()
    for text in ("Коробка 2: 3 шт.", LONG_NAME * 3):
        item = QStandardItem(text)
        item.setData(RowLook(text), LOOK_ROLE)
        model.appendRow(item)
    view = QTreeView()
    qtbot.addWidget(view)
    view.setHeaderHidden(True)
    delegate = RowDelegate(view, wrap=False)
    view.setItemDelegate(delegate)
    view.setModel(model)
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    _settle()
    laid = {(text, width): static for (text, width, _), static in delegate._texts.items()}
    short = [static for (text, width), static in laid.items() if text == "Коробка 2: 3 шт." and width >= 0]
    assert short
    assert all(static is laid[("Коробка 2: 3 шт.", -1)] for static in short)  # measured = painted
    long = [static for (text, width), static in laid.items() if text == LONG_NAME * 3 and width >= 0]
    assert long
    assert all(static.text().endswith("…") for static in long)
