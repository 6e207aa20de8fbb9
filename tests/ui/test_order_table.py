"""The order table paints less and shows the same (issue 19): after orders come or go, only the
rows from the first change down are repainted, and the screen equals a full repaint pixel for
pixel, whatever moved (below the screen, on it, above it, scrolled, filtered, selected)."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from packstation.domain.order import CANCELLED, BuyerType, Order
from packstation.services.order_queue import OrderQueue
from packstation.ui.order_list_model import OrderListModel
from packstation.ui.order_list_view import OrderListView
from tests.services.fakes import FakeClock, FakeMarket, make_order
from tests.ui.order_fixtures import NOW
from tests.ui.paint_support import Painted, on_screen

DAY = date(2026, 11, 23)


def _order(n: int, day: int, **changes: object) -> Order:
    return make_order(n, shipment_date=DAY + timedelta(days=day), **changes)  # type: ignore[arg-type]


def _gone(n: int) -> Order:
    """Order `n` cancelled: it leaves the list."""
    return make_order(n, status=CANCELLED, substatus="SHOP_FAILED")


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


@pytest.fixture
def listed(qtbot: QtBot) -> tuple[FakeMarket, OrderQueue, OrderListView]:
    market = FakeMarket()
    market.add(*(_order(1000 + n, n // 10) for n in range(200)))  # ten a day, for 20 days
    queue = OrderQueue(market, FakeClock(NOW))
    loop = asyncio.new_event_loop()
    loop.run_until_complete(queue.refresh(full=True))
    loop.close()
    model = OrderListModel(queue, now=lambda: NOW)
    queue.subscribe(model.apply)
    view = OrderListView(model)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    _settle()
    return market, queue, view


def test_after_any_change_the_table_shows_what_a_full_repaint_shows(
    listed: tuple[FakeMarket, OrderQueue, OrderListView],
) -> None:
    _market, queue, view = listed
    table, viewport = view.table, view.table.viewport()
    painted = Painted()
    viewport.installEventFilter(painted)

    def refresh(*orders: Order, after: str) -> list[int]:
        """Push `orders`; return the heights of the viewport areas then painted."""
        for order in orders:
            queue.upsert(order)
        painted.regions.clear()
        _settle()
        shown = on_screen(view.table.viewport())
        heights = [region.boundingRect().height() for region in painted.regions]
        viewport.repaint()
        assert shown == on_screen(view.table.viewport()), f"stale pixels after: {after}"
        return heights

    full = viewport.height()
    # Far below the screen: a new order, one gone, one changed: nothing of the rows repainted.
    assert refresh(
        _order(5000, 15), _gone(1150),
        _order(1160, 16, buyer=BuyerType.BUSINESS), after="changes below the screen",
    ) == []
    # On the screen: the band from the changed row down, not the rows above it.
    row_top = table.rowViewportPosition(4)
    heights = refresh(_gone(1004), after="a row on screen leaves")
    assert heights == [full - row_top]
    refresh(_order(5001, 0), after="a new order at the top")
    table.selectRow(3)
    refresh(_gone(1001), after="a row above the selection leaves")
    refresh(_order(1006, 19), after="the selected order moves to the bottom")
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum() // 2)
    _settle()
    refresh(_gone(1002), after="a row above the screen leaves")
    refresh(_order(5002, 1), after="a new order above the screen")
    table.scrollToBottom()
    _settle()
    refresh(_gone(1199), after="scrolled to the bottom, one leaves")
    view.proxy.set_filter(text="100")  # a few rows: empty space below them
    _settle()
    refresh(_gone(1003), after="filtered, the last rows move up")
    refresh(_order(1000, 3, buyer=BuyerType.BUSINESS), after="filtered, a row moves down")
    refresh(_gone(1005), after="filtered, a row leaves")
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    _settle()
    refresh(_gone(1007), after="another sort, a row leaves")
    view.proxy.set_filter(text="")
    _settle()
    for n in range(3):
        refresh(_gone(1100 + n), after=f"removal {n} (another sort)")
