"""The order list page: opening orders by mouse and keyboard, filters, selection across refreshes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from packstation.domain.order import Program
from packstation.ui.order_list_model import Column, OrderListModel
from packstation.ui.order_list_view import OrderListView
from tests.services.fakes import make_order
from tests.ui.order_fixtures import NOW, filled_queue


def _view(qtbot: QtBot) -> tuple[OrderListView, OrderListModel]:
    queue = filled_queue()
    model = OrderListModel(queue, now=lambda: NOW)
    view = OrderListView(model)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    return view, model


def test_double_click_opens_the_order(qtbot: QtBot) -> None:
    view, _ = _view(qtbot)
    index = view.proxy.index(1, Column.ORDER)
    rect = view.table.visualRect(index)
    with qtbot.waitSignal(view.order_activated, timeout=2000) as opened:
        # Qt 6 item views act on a double click only after a press on the same index.
        qtbot.mousePress(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [102]


def test_enter_on_a_row_opens_it(qtbot: QtBot) -> None:
    view, _ = _view(qtbot)
    assert view.select_order(105)
    view.table.setFocus()
    with qtbot.waitSignal(view.order_activated, timeout=2000) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [105]


def test_enter_in_search_opens_the_only_match(qtbot: QtBot) -> None:
    view, _ = _view(qtbot)
    view.search.setText("кольцо")  # QTest cannot type non-ASCII characters
    assert view.proxy.rowCount() == 1
    with qtbot.waitSignal(view.order_activated, timeout=2000) as opened:
        qtbot.keyClick(view.search, Qt.Key.Key_Enter)
    assert opened.args == [101]


def test_enter_in_search_with_several_matches_opens_nothing(qtbot: QtBot) -> None:
    view, _ = _view(qtbot)
    qtbot.keyClicks(view.search, "item")
    assert view.proxy.rowCount() > 1
    with qtbot.assertNotEmitted(view.order_activated):
        qtbot.keyClick(view.search, Qt.Key.Key_Return)


def test_program_and_status_filters_report_counts(qtbot: QtBot) -> None:
    view, _ = _view(qtbot)
    with qtbot.waitSignal(view.filter_changed, timeout=2000) as counted:
        view.program.setCurrentIndex(view.program.findData(Program.EXPRESS.value))
    assert counted.args == [3, 5]
    with qtbot.waitSignal(view.filter_changed, timeout=2000) as counted:
        view.status.setCurrentIndex(2)  # packed, awaiting courier
    assert counted.args == [1, 5]
    assert view.proxy.order_id(0) == 104


def test_selection_survives_a_refresh_with_new_orders(qtbot: QtBot) -> None:
    queue = filled_queue()
    model = OrderListModel(queue, now=lambda: NOW)
    view = OrderListView(model)
    qtbot.addWidget(view)
    assert view.select_order(101)
    queue.upsert(make_order(1, program=Program.EXPRESS, ship_by=NOW))  # lands above the selection
    model.refresh()
    assert view.selected_order_id() == 101
    assert not view.select_order(999)
