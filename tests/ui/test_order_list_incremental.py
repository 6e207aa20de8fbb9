"""A background refresh updates only the rows of the orders it changed (issue 19).

No model reset: the packer's selected order, the scroll position and keyboard focus stay, and
Qt's own QAbstractItemModelTester watches every row signal the change emits.
"""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from packstation.domain.order import CANCELLED, BuyerType, Order, Program
from packstation.services.order_queue import OrderFilter, OrderQueue, QueueChange
from packstation.ui.order_list_model import _SORT_KEYS, ORDER_ID_ROLE, Column, OrderListModel
from packstation.ui.order_list_view import OrderListView
from tests.services.fakes import FakeClock, FakeMarket, make_order
from tests.ui.order_fixtures import NOW


def _orders(count: int) -> list[Order]:
    return [
        make_order(1000 + n, shipment_date=date(2026, 11, 23) + timedelta(days=n % 7))
        for n in range(count)
    ]


def _refresh(queue: OrderQueue, *, full: bool = True) -> None:
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(queue.refresh(full=full))
    finally:
        loop.close()


def _ids(model: OrderListModel) -> list[int]:
    return [int(model.index(row, 0).data(ORDER_ID_ROLE)) for row in range(model.rowCount())]


class Spy:
    """Counts the model's structural signals."""

    def __init__(self, model: OrderListModel) -> None:
        self.calls: list[str] = []
        model.modelReset.connect(lambda: self.calls.append("reset"))
        model.layoutChanged.connect(lambda: self.calls.append("layout"))
        model.rowsInserted.connect(lambda _p, first, last: self.calls.append(f"inserted {first}-{last}"))
        model.rowsRemoved.connect(lambda _p, first, last: self.calls.append(f"removed {first}-{last}"))
        model.dataChanged.connect(
            lambda top, bottom, _roles: self.calls.append(f"changed {top.row()}-{bottom.row()}")
        )


@pytest.fixture
def desk(qtbot: QtBot) -> tuple[FakeMarket, OrderQueue, OrderListModel, OrderListView]:
    market = FakeMarket()
    market.add(*_orders(300))
    queue = OrderQueue(market, FakeClock(NOW))
    _refresh(queue)
    model = OrderListModel(queue, now=lambda: NOW)
    queue.subscribe(model.apply)
    view = OrderListView(model)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    return market, queue, model, view


def test_three_changed_orders_touch_three_rows_and_keep_selection_scroll_and_focus(
    desk: tuple[FakeMarket, OrderQueue, OrderListModel, OrderListView], qtbot: QtBot, qtlog: Any
) -> None:
    market, queue, model, view = desk
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    selected = _ids(model)[150]
    assert view.select_order(selected)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    scroll = view.table.verticalScrollBar().value()
    assert scroll > 0
    spy = Spy(model)

    changed = market.orders[selected + 7]
    market.add(make_order(changed.id, shipment_date=changed.shipment_date, buyer=BuyerType.BUSINESS))
    gone = _ids(model)[10]
    market.add(make_order(gone, status=CANCELLED, substatus="SHOP_FAILED"))
    market.add(make_order(5000, program=Program.EXPRESS, ship_by=NOW + timedelta(hours=30)))
    _refresh(queue)

    inserted = [call for call in spy.calls if call.startswith("inserted")]
    removed = [call for call in spy.calls if call.startswith("removed")]
    repainted = [call for call in spy.calls if call.startswith("changed")]
    assert "reset" not in spy.calls
    assert "layout" not in spy.calls
    assert len(inserted) == 1
    assert len(removed) == 1
    assert len(repainted) == 1
    row = model.row_of(changed.id)
    assert repainted == [f"changed {row}-{row}"]
    assert model.index(row, Column.BUYER).data() == "Business"
    assert gone not in _ids(model)
    assert 5000 in _ids(model)
    # The same rows a full reload would show, in the same order.
    assert _ids(model) == [order.id for order in queue.orders()]
    assert view.selected_order_id() == selected
    assert view.table.verticalScrollBar().value() == scroll
    assert view.table.hasFocus()
    failures = [record.message for record in qtlog.records if "FAIL" in record.message]
    assert failures == []  # the model tester's verdicts arrive as Qt warnings
    del tester


def test_incremental_rows_match_a_reload_under_filter_and_other_sorts(
    desk: tuple[FakeMarket, OrderQueue, OrderListModel, OrderListView], qtmodeltester: ModelTester
) -> None:
    market, queue, model, view = desk
    qtmodeltester.check(model, force_py=True)  # stays connected: checks every insert and removal
    view.table.sortByColumn(Column.ORDER, Qt.SortOrder.DescendingOrder)
    view.proxy.set_filter(text="100")  # ids 1000-1009 and 1100: a subset
    spy = Spy(model)
    ids = sorted(market.orders)
    market.add(make_order(ids[3], status=CANCELLED, substatus="SHOP_FAILED"))  # a shown row leaves
    market.add(make_order(ids[200], status=CANCELLED, substatus="SHOP_FAILED"))  # a hidden one leaves
    market.add(make_order(1003_0, shipment_date=date(2026, 11, 20)))  # new, shown ("10030" has "100")
    market.add(make_order(9999, shipment_date=date(2026, 11, 20)))  # new, filtered out
    moved = market.orders[ids[5]]
    market.add(make_order(moved.id, shipment_date=date(2026, 12, 31)))  # changed, stays by id
    _refresh(queue)
    assert "reset" not in spy.calls
    reloaded = OrderListModel(queue, now=lambda: NOW)
    reloaded.sort(Column.ORDER, Qt.SortOrder.DescendingOrder)
    reloaded.set_filter(model.filter)
    assert _ids(model) == _ids(reloaded)
    view.table.sortByColumn(Column.DEADLINE, Qt.SortOrder.AscendingOrder)
    market.add(make_order(moved.id, shipment_date=date(2026, 11, 19)))  # moves to the top
    _refresh(queue)
    reloaded.refresh()
    reloaded.sort(Column.DEADLINE, Qt.SortOrder.AscendingOrder)
    assert _ids(model)[0] == moved.id
    assert _ids(model) == _ids(reloaded)
    assert "reset" not in spy.calls


def test_a_first_load_or_a_huge_change_resets_once(qtbot: QtBot) -> None:
    market = FakeMarket()
    queue = OrderQueue(market, FakeClock(NOW))
    model = OrderListModel(queue, now=lambda: NOW)
    queue.subscribe(model.apply)
    spy = Spy(model)
    market.add(*_orders(500))
    _refresh(queue)
    assert spy.calls == ["reset"]
    assert model.rowCount() == 500
    assert model.index(0, 0).parent() == QModelIndex()


def test_a_change_the_model_already_shows_does_not_duplicate_rows(qtbot: QtBot) -> None:
    market = FakeMarket()
    market.add(*_orders(20))
    queue = OrderQueue(market, FakeClock(NOW))
    _refresh(queue)
    model = OrderListModel(queue, now=lambda: NOW)
    changes: list[QueueChange] = []
    queue.subscribe(changes.append)
    queue.upsert(make_order(7000, shipment_date=date(2026, 11, 25)))
    model.refresh()  # a reload happened before the change reached the model
    model.apply(changes[-1])
    assert _ids(model) == [order.id for order in queue.orders()]


_changes = st.lists(
    st.tuples(
        st.sampled_from(("change", "new", "cancel")),
        st.integers(0, 39),  # which order (of the 40, or a new id)
        st.integers(0, 9),  # its new shipment day (a deadline that may move it anywhere)
        st.booleans(),  # its buyer (a change that keeps its place)
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(_changes, min_size=1, max_size=3),
    st.sampled_from(list(Column)),
    st.booleans(),
    st.sampled_from(("", "10", "101", "SKU-102")),
    st.lists(st.integers(0, 45), max_size=6),
)
def test_any_changes_under_any_sort_and_filter_give_the_rows_a_reload_gives(
    qapp: Any,
    refreshes: list[list[tuple[str, int, int, bool]]],
    column: Column,
    descending: bool,
    text: str,
    in_progress: list[int],
) -> None:
    market = FakeMarket()
    market.add(*_orders(40))
    queue = OrderQueue(market, FakeClock(NOW))
    _refresh(queue)
    model = OrderListModel(queue, now=lambda: NOW)
    queue.subscribe(model.apply)
    direction = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model.sort(column, direction)
    model.set_filter(OrderFilter(text=text))
    marked: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, roles: marked.append(top.row()) if roles else None)
    for refresh in refreshes:
        for kind, n, day, business in refresh:
            order_id = 1000 + n if kind != "new" else 2000 + n
            buyer = BuyerType.BUSINESS if business else BuyerType.PERSON
            status = (CANCELLED, "SHOP_FAILED") if kind == "cancel" else ("PROCESSING", "STARTED")
            market.add(
                make_order(
                    order_id, status=status[0], substatus=status[1], buyer=buyer,
                    shipment_date=date(2026, 11, 23) + timedelta(days=day),
                )
            )
        _refresh(queue)  # a full reload: the cancelled leave, the changed and new come
        reloaded = OrderListModel(queue, now=lambda: NOW)
        reloaded.sort(column, direction)
        reloaded.set_filter(model.filter)
        if column in (Column.DEADLINE, Column.ORDER):  # unique keys: one order of rows
            assert _ids(model) == _ids(reloaded)
        else:  # orders of equal keys may stand in another order than a reload's
            key = _SORT_KEYS[column]
            keys = [key(model.order_at(row), queue.cutoff) for row in range(model.rowCount())]
            assert keys == sorted(keys, reverse=descending)
            assert sorted(_ids(model)) == sorted(_ids(reloaded))
        # The markers: rows found by binary search are the rows of the index.
        ids = {1000 + n for n in in_progress} | {2000 + n for n in in_progress[:2]}
        marked.clear()
        model.set_in_progress(ids)
        assert sorted(marked) == sorted(row for i in ids if (row := model.row_of(i)) is not None)
        assert all(model.is_in_progress(i) for i in ids)
        model.set_in_progress(())
