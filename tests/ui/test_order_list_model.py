"""The order list model: cells, live deadline countdowns, bulk sorting and filtering."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from packstation.domain.order import READY_TO_SHIP, OrderLine, Program, RequiredCode
from packstation.domain.time import MOSCOW
from packstation.ui import palette
from packstation.ui.format import local_day_time
from packstation.ui.order_list_model import (
    ORDER_ID_ROLE,
    Column,
    OrderFilterProxy,
    OrderListModel,
)
from tests.services.fakes import make_order
from tests.ui.order_fixtures import NOW, filled_queue

DISPLAY = Qt.ItemDataRole.DisplayRole
CIS_OPT = RequiredCode.CIS_OPTIONAL


def _model() -> OrderListModel:
    return OrderListModel(filled_queue(), now=lambda: NOW)


def _ids(model: OrderListModel | OrderFilterProxy) -> list[int]:
    return [int(model.index(row, 0).data(ORDER_ID_ROLE)) for row in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = _model()
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(OrderFilterProxy(model), force_py=True)


def test_default_order_is_deadline_first_late_express_on_top(qtbot: QtBot) -> None:
    assert _ids(_model()) == [103, 102, 105, 101, 104]


def test_cells_show_every_column(qtbot: QtBot) -> None:
    model = _model()
    row = model.row_of(101)
    assert row is not None
    cells = [model.index(row, column).data(DISPLAY) for column in Column]
    tomorrow = local_day_time(datetime(2026, 11, 24, 14, 0, tzinfo=MOSCOW))  # the store's cutoff
    assert cells == ["101", "FBS", tomorrow, "2 / 3", "CIS, UIN", "Business", "To pack"]
    ready = model.row_of(104)
    assert ready is not None
    assert model.index(ready, Column.STATUS).data(DISPLAY) == "Ready to ship"
    optional = OrderLine(id=9, offer_id="TEE", name="Футболка", count=1, required=frozenset({CIS_OPT}))
    queue_opt = filled_queue([make_order(107, optional)])
    optional_model = OrderListModel(queue_opt, now=lambda: NOW)  # kept: an index needs its model
    assert optional_model.index(0, Column.MARKING).data(DISPLAY) == "CIS (optional)"
    courier = make_order(106, program=Program.EXPRESS, ship_by=NOW, substatus="COURIER_FOUND")
    queue = filled_queue([courier])
    courier_model = OrderListModel(queue, now=lambda: NOW)
    assert courier_model.index(0, Column.STATUS).data(DISPLAY) == "Courier: found"


def _colour(model: OrderListModel, row: int) -> str | None:
    brush = model.index(row, Column.DEADLINE).data(Qt.ItemDataRole.ForegroundRole)
    return None if brush is None else str(brush.color().name())


def test_countdowns_are_live_and_coloured_by_urgency(qtbot: QtBot) -> None:
    now = [NOW]
    model = OrderListModel(filled_queue(), now=lambda: now[0])
    rows = [model.row_of(order_id) for order_id in (102, 103, 105, 104)]
    assert None not in rows
    on_time, late, dbs, packed = (row or 0 for row in rows)
    deadline = model.index(on_time, Column.DEADLINE)
    assert deadline.data(DISPLAY) == "in 0:42"
    assert model.index(on_time, Column.PROGRAM).data(DISPLAY) == "⚡ Express"
    assert model.index(late, Column.DEADLINE).data(DISPLAY) == "late 0:05"
    assert _colour(model, late) == palette.LATE.lower()
    assert _colour(model, on_time) == palette.OK_TEXT.lower()
    # The DBS order has no shipmentTime: due at the store's cutoff, 14:00 Moscow = 2 h from now.
    assert model.index(dbs, Column.DEADLINE).data(DISPLAY) == "in 2:00"
    assert _colour(model, packed) == palette.GREY.lower()  # packed: its deadline is met
    with qtbot.waitSignal(model.dataChanged, timeout=2000) as blocker:
        now[0] = NOW + timedelta(minutes=20)
        model.tick()
    top_left, bottom_right = blocker.args[0], blocker.args[1]
    assert top_left.column() == bottom_right.column() == Column.DEADLINE
    assert bottom_right.row() == model.rowCount() - 1
    assert deadline.data(DISPLAY) == "in 0:22"
    assert _colour(model, on_time) == palette.SOON.lower()
    now[0] = NOW + timedelta(minutes=43)
    assert deadline.data(DISPLAY) == "late 0:01"
    assert _colour(model, on_time) == palette.LATE.lower()


def test_the_list_sorts_by_the_real_deadline_under_the_store_cutoff(qtbot: QtBot) -> None:
    """An FBS order due at 11:30 comes before an Express order due at 11:45 (Moscow)."""
    day = date(2026, 11, 23)
    express = make_order(1, program=Program.EXPRESS, ship_by=datetime.combine(day, time(11, 45), MOSCOW))
    fbs = make_order(2, shipment_date=day)
    queue = filled_queue([express, fbs])
    queue.set_cutoff(time(11, 30))
    model = OrderListModel(queue, now=lambda: NOW)  # 12:00 Moscow: both are late
    assert _ids(model) == [2, 1]
    assert [model.index(r, Column.DEADLINE).data(DISPLAY) for r in (0, 1)] == ["late 0:30", "late 0:15"]
    queue.set_cutoff(time(16, 0))
    model.refresh()
    assert _ids(model) == [1, 2]
    assert model.index(1, Column.DEADLINE).data(DISPLAY) == "in 4:00"


def test_tick_repaints_the_deadline_column_once_a_minute(qtbot: QtBot) -> None:
    now = [NOW]
    model = OrderListModel(filled_queue([make_order(1)]), now=lambda: now[0])
    with qtbot.assertNotEmitted(model.dataChanged):
        model.tick()  # the same minute: no countdown text can have changed
        now[0] = NOW + timedelta(seconds=59 - NOW.second)
        model.tick()
    now[0] = NOW + timedelta(seconds=60 - NOW.second)
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        model.tick()
    with qtbot.assertNotEmitted(model.dataChanged):
        model.tick()


def test_tick_is_silent_on_an_empty_list(qtbot: QtBot) -> None:
    model = OrderListModel(filled_queue([]), now=lambda: NOW)
    with qtbot.assertNotEmitted(model.dataChanged):
        model.tick()


def test_sort_by_column_keeps_persistent_indexes_on_their_orders(qtbot: QtBot) -> None:
    model = _model()
    row = model.row_of(101)
    assert row is not None
    kept = QPersistentModelIndex(model.index(row, Column.ITEMS))
    model.sort(Column.ORDER, Qt.SortOrder.DescendingOrder)
    assert _ids(model) == [105, 104, 103, 102, 101]
    assert kept.row() == 4
    assert kept.column() == Column.ITEMS
    assert kept.data(ORDER_ID_ROLE) == 101
    model.sort(Column.PROGRAM)
    assert _ids(model)[:3] == [103, 102, 104]  # Express first


def test_refresh_keeps_the_chosen_sort(qtbot: QtBot) -> None:
    queue = filled_queue()
    model = OrderListModel(queue, now=lambda: NOW)
    model.sort(Column.ORDER, Qt.SortOrder.AscendingOrder)
    queue.upsert(make_order(99))
    model.refresh()
    assert _ids(model) == [99, 101, 102, 103, 104, 105]


def test_proxy_filters_by_text_program_and_status(qtbot: QtBot) -> None:
    queue = filled_queue()
    model = OrderListModel(queue, now=lambda: NOW)
    proxy = OrderFilterProxy(model)
    proxy.set_filter(text="кроссовки")
    assert _ids(proxy) == [101]
    proxy.set_filter(text="ext-777")
    assert _ids(proxy) == [105]
    proxy.set_filter(text="", programs=[Program.EXPRESS])
    assert _ids(proxy) == [103, 102, 104]
    proxy.set_filter(programs=[], statuses=[READY_TO_SHIP])
    assert _ids(proxy) == [104]
    proxy.set_filter(statuses=[])
    assert proxy.rowCount() == 5


def test_filter_applies_to_orders_arriving_later(qtbot: QtBot) -> None:
    queue = filled_queue()
    model = OrderListModel(queue, now=lambda: NOW)
    proxy = OrderFilterProxy(model)
    proxy.set_filter(programs=[Program.EXPRESS])
    queue.upsert(make_order(200, program=Program.EXPRESS, ship_by=NOW + timedelta(hours=1)))
    queue.upsert(make_order(201))
    model.refresh()
    assert _ids(proxy) == [103, 102, 200, 104]


def test_header_click_sorts_through_the_source_model(qtbot: QtBot) -> None:
    model = _model()
    proxy = OrderFilterProxy(model)
    proxy.sort(Column.ORDER, Qt.SortOrder.AscendingOrder)
    assert _ids(proxy) == [101, 102, 103, 104, 105]
    assert model.sort_state == (Column.ORDER, Qt.SortOrder.AscendingOrder)


def test_typing_narrows_and_deleting_widens_again(qtbot: QtBot) -> None:
    model = OrderListModel(filled_queue(), now=lambda: NOW)
    proxy = OrderFilterProxy(model)
    for text, expected in [("1", 5), ("10", 5), ("105", 1), ("1052", 0), ("105", 1), ("", 5), ("item 10", 4)]:
        proxy.set_filter(text=text)
        assert proxy.rowCount() == expected, text
    assert model.total == 5


def test_changed_orders_are_shown_with_their_new_data(qtbot: QtBot) -> None:
    queue = filled_queue()
    model = OrderListModel(queue, now=lambda: NOW)
    row = model.row_of(105)
    assert row is not None
    assert model.index(row, Column.STATUS).data(DISPLAY) == "To pack"
    queue.upsert(make_order(105, program=Program.DBS, status="CANCELLED", substatus="SHOP_FAILED"))
    model.refresh()
    assert model.row_of(105) is None  # the queue dropped it: cancelled orders are not packed
    queue.upsert(make_order(105, program=Program.DBS, external_id="NEW-1"))
    model.refresh()
    proxy = OrderFilterProxy(model)
    proxy.set_filter(text="new-1")
    assert _ids(proxy) == [105]


def test_filtering_after_a_resort_matches_each_row_by_its_own_text(qtbot: QtBot) -> None:
    # The model keeps the search texts in lists parallel to its rows: a re-sort must keep them
    # paired, for the full list and for the narrowing path (typing on while filtered).
    model = OrderListModel(filled_queue(), now=lambda: NOW)
    proxy = OrderFilterProxy(model)
    proxy.sort(Column.ORDER, Qt.SortOrder.DescendingOrder)
    proxy.set_filter(text="кроссовки")
    assert _ids(proxy) == [101]
    proxy.set_filter(text="10")
    proxy.sort(Column.ORDER, Qt.SortOrder.AscendingOrder)
    proxy.set_filter(text="105")  # narrows the re-sorted rows
    assert _ids(proxy) == [105]
    proxy.set_filter(text="")
    assert _ids(proxy) == [101, 102, 103, 104, 105]
    assert model.row_of(103) == 2


def test_orders_in_progress_get_a_badge_and_tooltip_and_only_their_cells_repaint(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    from packstation.ui.order_list_model import IN_PROGRESS_ROLE

    model = _model()
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, _roles: changed.append((top.row(), top.column())))
    model.set_in_progress([102, 999])  # 999 is not listed: ignored
    row = model.row_of(102)
    assert row is not None
    assert changed == [(row, Column.ORDER)]
    cell = model.index(row, Column.ORDER)
    assert cell.data(IN_PROGRESS_ROLE) is True
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "In progress at this station" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole) is None
    model.set_in_progress([102, 999])  # no change, no repaint
    assert len(changed) == 1
    qtmodeltester.check(model, force_py=True)
    model.set_in_progress([])
    assert cell.data(IN_PROGRESS_ROLE) is False
    assert cell.data(Qt.ItemDataRole.DecorationRole) is None
