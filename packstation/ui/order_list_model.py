"""The order list as a Qt table model over the order queue's state, and its filter proxy.

`OrderListModel` holds no order data of its own: it keeps the `OrderQueue`'s current snapshot
(immutable `Order`s, deadline first) in the row order the packer chose, and formats cells on
demand. `refresh()` re-reads the snapshot; a one-second tick repaints only the deadline column so
countdowns stay live. Filtering uses the queue's `OrderFilter` (same text semantics as
the service). Sorting and filtering run in bulk in Python (sorted() with a key; one list
comprehension per filter change, narrowing the current rows while the packer keeps typing) rather
than per row or per comparison through Qt callbacks, which keeps 10,000 orders within the speed
targets of bench/order_list_bench.py.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, time
from enum import IntEnum
from itertools import compress
from typing import Any, Final, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from packstation.domain.deadline import deadline, urgency
from packstation.domain.order import (
    CANCELLED,
    PROCESSING,
    READY_TO_SHIP,
    SHIPPED,
    STARTED,
    BuyerType,
    Order,
    Program,
    RequiredCode,
)
from packstation.domain.time import utc_now
from packstation.services.order_queue import OrderFilter, QueueChange, deadline_sort_key, search_text
from packstation.ui import palette
from packstation.ui.format import deadline_text, local_date_time

ModelIndex = QModelIndex | QPersistentModelIndex

ORDER_ID_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 1  # int: the row's order id
IN_PROGRESS_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 2  # bool: unfinished work at this station
TICK_MS: Final = 1000
_EXPRESS: Final = QColor(palette.EXPRESS)
_URGENCY: Final = {level: QBrush(QColor(colour)) for level, colour in palette.URGENCY.items() if colour}


class Column(IntEnum):
    ORDER = 0
    PROGRAM = 1
    DEADLINE = 2
    ITEMS = 3
    MARKING = 4
    BUYER = 5
    STATUS = 6


_COLUMN_COUNT: Final = len(Column)  # columnCount() runs for every index Qt makes: no enum len()
_DEFAULT_SORT: Final = (Column.DEADLINE, Qt.SortOrder.AscendingOrder)
_BOLD_EXPRESS: Final = frozenset({Column.PROGRAM, Column.DEADLINE})
_COLOURED: Final = _BOLD_EXPRESS
_RIGHT_ALIGNED: Final = frozenset({Column.ORDER, Column.ITEMS})
_RIGHT: Final = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY: Final = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND: Final = int(Qt.ItemDataRole.ForegroundRole)
_FONT: Final = int(Qt.ItemDataRole.FontRole)
_TOOLTIP: Final = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT: Final = int(Qt.ItemDataRole.TextAlignmentRole)
_DECORATION: Final = int(Qt.ItemDataRole.DecorationRole)
_HANDLED_ROLES: Final = frozenset(
    {_DISPLAY, _FOREGROUND, _FONT, _TOOLTIP, _ALIGNMENT, _DECORATION, ORDER_ID_ROLE, IN_PROGRESS_ROLE}
)
_IN_PROGRESS: Final = QColor(palette.IN_PROGRESS)
_ELSEWHERE: Final = QBrush(QColor(palette.ELSEWHERE))  # fleet: packed at another desk
# Beyond this many changed orders one reset is cheaper than row-by-row signals (and the view
# restores the selection after a reset anyway).
_INCREMENTAL_LIMIT: Final = 200
# Up to this many rows are looked up by binary search; more build the order id -> row index.
_LOOKUPS: Final = 32


class OrderSource(Protocol):
    """What the model needs from the order queue (`services.order_queue.OrderQueue`)."""

    def orders(self) -> Sequence[Order]: ...

    @property
    def cutoff(self) -> time:
        """The store's shipment time for orders without the Market's `shipmentTime`."""
        ...


translate = QCoreApplication.translate  # lupdate reads `translate("Context", "text")` calls too


def _status_text(order: Order) -> str:
    if order.status == PROCESSING and order.substatus == STARTED:
        return translate("OrderListModel", "To pack")
    if order.status == PROCESSING and order.substatus == READY_TO_SHIP:
        return translate("OrderListModel", "Ready to ship")
    if order.status == PROCESSING and order.substatus in _COURIER_STEPS:
        return _COURIER_STEPS[order.substatus]()
    if order.status == CANCELLED:
        return translate("OrderListModel", "Cancelled")
    if order.status == SHIPPED:
        return translate("OrderListModel", "Shipped")
    return f"{order.status} / {order.substatus}" if order.substatus else order.status


_COURIER_STEPS: Final[dict[str, Callable[[], str]]] = {
    "COURIER_SEARCH": lambda: translate("OrderListModel", "Courier: searching"),
    "COURIER_FOUND": lambda: translate("OrderListModel", "Courier: found"),
    "COURIER_IN_TRANSIT_TO_SENDER": lambda: translate("OrderListModel", "Courier: on the way"),
    "COURIER_ARRIVED_TO_SENDER": lambda: translate("OrderListModel", "Courier: arrived"),
}


def _program_text(program: Program) -> str:
    return translate("OrderListModel", "⚡ Express") if program is Program.EXPRESS else program.value


def _buyer_text(buyer: BuyerType) -> str:
    if buyer is BuyerType.BUSINESS:
        return translate("OrderListModel", "Business")
    if buyer is BuyerType.PERSON:
        return translate("OrderListModel", "Person")
    return "—"


def _marking_text(order: Order) -> str:
    kinds = sorted({kind for line in order.lines for kind in line.required})
    optional = translate("OrderListModel", "CIS (optional)")
    names = [optional if kind is RequiredCode.CIS_OPTIONAL else kind.value for kind in kinds]
    return ", ".join(names) if names else "—"


# Sort keys by column, given the store's cutoff (deadlines depend on it).
_SORT_KEYS: Final[dict[Column, Callable[[Order, time], Any]]] = {
    Column.ORDER: lambda o, _c: o.id,
    Column.PROGRAM: lambda o, c: (not o.is_express, o.program.value, deadline_sort_key(o, c)),
    Column.DEADLINE: deadline_sort_key,
    Column.ITEMS: lambda o, _c: (o.units, len(o.lines)),
    Column.MARKING: lambda o, _c: (not o.needs_codes, _marking_text(o)),
    Column.BUYER: lambda o, _c: o.buyer_type.value,
    Column.STATUS: lambda o, _c: (o.status, o.substatus),
}


class OrderListModel(QAbstractTableModel):
    """Rows are the queue's orders (deadline first by default); columns are `Column`.

    `apply(change)` takes a queue change row by row (dataChanged, rowsInserted, rowsRemoved), so a
    background refresh keeps the packer's selection, scroll position and focus; `refresh()`
    re-reads everything with a model reset (first load, very large changes).

    Signals:
        rows_updated(): emitted after `apply` changed the rows without a reset.

    Args:
        source: the order queue (anything with `orders()`).
        now: the clock for countdowns (aware datetimes); injectable for tests.
    """

    rows_updated = Signal()

    def __init__(
        self,
        source: OrderSource,
        now: Callable[[], datetime] = utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._now = now
        self._painted_minute = _minute(now())  # the minute the deadline column was painted in
        self._all: list[Order] = []  # the queue's snapshot in the chosen order
        self._all_keys: list[str] = []  # their search texts, index for index
        self._rows: list[Order] = []  # the rows passing the filter, in the same order
        self._row_keys: list[str] = []  # their search texts, index for index
        self._row_index: dict[int, int] | None = {}  # order id -> row; None: rebuild on demand
        self._search: dict[int, tuple[Order, str]] = {}
        self._cells: dict[int, tuple[Order, tuple[str, ...]]] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._filter = OrderFilter()
        self._sort: tuple[Column, Qt.SortOrder] = _DEFAULT_SORT
        self._in_progress: frozenset[int] = frozenset()
        self._elsewhere: dict[int, str] = {}  # fleet: order -> "packing at desk 3 (Anna), since 10:42"
        self._badge: QIcon | None = None
        self._source_orders: Sequence[Order] = ()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.tick)
        self._tick.start()
        self.refresh()

    # -- state --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the queue's orders and re-apply the current sort and filter."""
        self.beginResetModel()
        self._source_orders = self._source.orders()
        self._all = self._sorted(self._source_orders)
        # The search texts, cached per order object (only new or changed orders cost anything).
        self._all_keys = [self._haystack(order) for order in self._all]
        self._rows, self._row_keys = self._matching(self._all, self._all_keys, self._filter)
        self._reindex()
        self.endResetModel()

    def apply(self, change: QueueChange) -> None:
        """Take one queue change: only the rows of the orders it names are touched.

        Removed orders (and changed ones that move or stop passing the filter) leave with
        rowsRemoved, new ones arrive with rowsInserted at their sorted place, changed ones that
        stay put repaint with dataChanged. Each position is found by binary search on the sort
        key, so the cost grows with the change, not with the list.
        """
        if change.is_empty:
            return
        touched = len(change.added) + len(change.updated) + len(change.removed)
        if change.initial or touched > _INCREMENTAL_LIMIT:
            self.refresh()
            return
        listed = self._search  # order id -> (the order object listed or last listed, its text)
        leaving: list[Order] = []
        arriving: list[Order] = list(change.added)
        for order_id in change.removed:
            old, _at = self._listed(order_id)
            if old is not None:
                leaving.append(old)
        for order in change.updated:
            old, position = self._listed(order.id)
            if old is None:
                arriving.append(order)
                continue
            key = self._key()
            before = self._all[position - 1] if position > 0 else None
            after = self._all[position + 1] if position + 1 < len(self._all) else None
            stays = (before is None or not self._after(key(before), key(order))) and (
                after is None or not self._after(key(order), key(after))
            )
            text = search_text(order)
            was_row = self._filter.is_empty or self._filter.accepts(old, listed[order.id][1])
            is_row = self._filter.is_empty or self._filter.accepts(order, text)
            if stays and was_row == is_row:
                self._replace(position, old, order, text, was_row)
            else:
                leaving.append(old)
                arriving.append(order)
        for old in leaving:
            self._remove(old)
        for order in arriving:
            stale, _at = self._listed(order.id)  # "new" but already listed (a reload in between)
            if stale is not None:
                self._remove(stale)
            self._insert(order)
        self._reindex()
        self.rows_updated.emit()

    def _listed(self, order_id: int) -> tuple[Order | None, int]:
        """The order object currently listed under this id and its position in `_all`, or
        (None, len(_all)) when it is not listed."""
        cached = self._search.get(order_id)
        if cached is None:
            return None, len(self._all)
        old = cached[0]
        position = self._position(self._all, old)
        return (old, position) if position < len(self._all) else (None, position)

    def _key(self) -> Callable[[Order], Any]:
        return self._sort_key(self._sort[0])

    def _after(self, a: Any, b: Any) -> bool:
        """Whether sort key `a` belongs strictly after sort key `b` in the current direction."""
        return bool(a < b) if self._sort[1] == Qt.SortOrder.DescendingOrder else bool(a > b)

    def _bound(self, orders: list[Order], key_value: Any, *, right: bool) -> int:
        """Binary search in sorted `orders`: first index whose key is not before `key_value`
        (right=False) or is after it (right=True), in the current sort direction."""
        key = self._key()
        if self._sort[1] != Qt.SortOrder.DescendingOrder:  # the usual case: C-speed bisect
            return (bisect_right if right else bisect_left)(orders, key_value, key=key)
        lo, hi = 0, len(orders)
        while lo < hi:
            mid = (lo + hi) // 2
            k = key(orders[mid])
            if (k >= key_value) if right else (k > key_value):
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _position(self, orders: list[Order], order: Order) -> int:
        """Where this very object sits in `orders` (len(orders) when it is absent)."""
        key = self._key()
        key_value = key(order)
        position, end = self._bound(orders, key_value, right=False), len(orders)
        while position < end:  # equal keys: a short run, checked by identity (the deadline's is unique)
            candidate = orders[position]
            if candidate is order:
                return position
            if key(candidate) != key_value:
                break
            position += 1
        return end

    def _row(self, position: int, order: Order) -> int:
        """The row of `order`, found at `position` in `_all`: the same index while every order
        is a row (no filter), else searched for (len(_rows) when it is not a row)."""
        if position < len(self._rows) and self._rows[position] is order:
            return position
        return self._position(self._rows, order)

    def _replace(self, position: int, old: Order, order: Order, text: str, is_row: bool) -> None:
        self._all[position] = order
        self._all_keys[position] = text
        self._search[order.id] = (order, text)
        if is_row:
            row = self._row(position, old)
            if row < len(self._rows):
                self._rows[row] = order
                self._row_keys[row] = text
                self.dataChanged.emit(self.index(row, 0), self.index(row, _COLUMN_COUNT - 1))

    def _remove(self, old: Order) -> None:
        position = self._position(self._all, old)
        row = self._row(position, old)
        if position < len(self._all):
            del self._all[position]
            del self._all_keys[position]
        if row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            del self._row_keys[row]
            self._row_index = None
            self.endRemoveRows()

    def _insert(self, order: Order) -> None:
        text = search_text(order)
        self._search[order.id] = (order, text)
        key_value = self._key()(order)
        position = self._bound(self._all, key_value, right=True)
        self._all.insert(position, order)
        self._all_keys.insert(position, text)
        if self._filter.is_empty or self._filter.accepts(order, text):
            # Every order a row: the rows are `_all` as it was, the same place.
            row = position if self._filter.is_empty else self._bound(self._rows, key_value, right=True)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, order)
            self._row_keys.insert(row, text)
            self._row_index = None
            self.endInsertRows()

    def set_in_progress(self, order_ids: Iterable[int]) -> None:
        """Mark the orders with unfinished packing work at this station (from the local journal)."""
        ids = frozenset(order_ids)
        if ids == self._in_progress:
            return
        changed = ids ^ self._in_progress
        self._in_progress = ids
        for order_id in changed:
            row = self._row_of_listed(order_id) if len(changed) <= _LOOKUPS else self.row_of(order_id)
            if row is not None:
                index = self.index(row, Column.ORDER)
                roles = [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole]
                self.dataChanged.emit(index, index, roles)

    def set_elsewhere(self, texts: dict[int, str]) -> None:
        """Orders being packed at other desks of the fleet, with the text their status shows."""
        if texts == self._elsewhere:
            return
        changed = set(texts) | set(self._elsewhere)
        self._elsewhere = dict(texts)
        for order_id in changed:
            row = self.row_of(order_id)
            if row is not None:
                index = self.index(row, Column.STATUS)
                roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole]
                self.dataChanged.emit(index, index, roles)

    def elsewhere(self, order_id: int) -> str | None:
        """The other desk packing `order_id` ("packing at desk 3 (Anna), since 10:42"), if any."""
        return self._elsewhere.get(order_id)

    def is_in_progress(self, order_id: int) -> bool:
        """Whether the order has unfinished packing work at this station."""
        return order_id in self._in_progress

    def _in_progress_badge(self) -> QIcon:
        if self._badge is None:  # drawn on first use: a QPixmap needs the GUI application
            pixmap = QPixmap(12, 12)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_IN_PROGRESS)
            painter.drawEllipse(1, 1, 10, 10)
            painter.end()
            self._badge = QIcon(pixmap)
        return self._badge

    @property
    def total(self) -> int:
        """How many orders the queue lists (rows shown plus rows filtered out)."""
        return len(self._all)

    @property
    def filter(self) -> OrderFilter:
        return self._filter

    def set_filter(self, flt: OrderFilter) -> None:
        """Show only the orders passing `flt`; typing more of the same text narrows the current rows."""
        old = self._filter
        narrowing = (
            old.text.strip(" ") != ""
            and flt.text.startswith(old.text)
            and " " not in flt.text[len(old.text) :]
            and (flt.programs, flt.statuses) == (old.programs, old.statuses)
        )
        self.beginResetModel()
        self._filter = flt
        if narrowing:
            self._rows, self._row_keys = self._matching(self._rows, self._row_keys, flt)
        else:
            self._rows, self._row_keys = self._matching(self._all, self._all_keys, flt)
        self._reindex()
        self.endResetModel()

    @staticmethod
    def _matching(orders: list[Order], keys: list[str], flt: OrderFilter) -> tuple[list[Order], list[str]]:
        """The orders passing `flt` and their search texts (`keys`: the search texts of `orders`)."""
        if flt.is_empty:
            return list(orders), list(keys)
        words = flt.words
        if flt.programs or flt.statuses:
            passed = [flt.accepts(order, key) for order, key in zip(orders, keys, strict=True)]
        elif len(words) == 1:
            # The keystroke path: one substring test per row over the precomputed texts, no
            # per-row attribute or dict lookups, then C-speed selection of both lists.
            word = words[0]
            passed = [word in key for key in keys]
        else:
            passed = [all(word in key for word in words) for key in keys]
        return list(compress(orders, passed)), list(compress(keys, passed))

    def _haystack(self, order: Order) -> str:
        cached = self._search.get(order.id)
        if cached is None or cached[0] is not order:
            cached = (order, search_text(order))
            self._search[order.id] = cached
        return cached[1]

    def order_at(self, row: int) -> Order:
        return self._rows[row]

    def row_of(self, order_id: int) -> int | None:
        """The current row of an order, or None when it is not listed."""
        return self._row_of.get(order_id)

    def _row_of_listed(self, order_id: int) -> int | None:
        """`row_of` without building the row index (a few lookups after a change): a binary
        search for the listed object."""
        if self._row_index is not None:
            return self._row_index.get(order_id)
        cached = self._search.get(order_id)
        if cached is None:
            return None
        row = self._position(self._rows, cached[0])
        return row if row < len(self._rows) else None

    @property
    def _row_of(self) -> dict[int, int]:
        # Built on the first lookup after a change, not on every keystroke that changes the rows.
        if self._row_index is None:
            self._row_index = {order.id: row for row, order in enumerate(self._rows)}
        return self._row_index

    def orders(self) -> Sequence[Order]:
        """The orders in the current row order."""
        return self._rows

    def _reindex(self) -> None:
        self._row_index = None
        if len(self._search) + len(self._cells) > 4 * len(self._all) + 1000:  # forget departed orders
            listed = {order.id for order in self._all}
            self._search = {key: value for key, value in self._search.items() if key in listed}
            self._cells = {key: value for key, value in self._cells.items() if key in listed}

    def tick(self) -> None:
        """Repaint the deadline column when its texts can have changed; the rows do not change.

        Deadlines fall on whole minutes (shipment time or cutoff, HH:MM) and countdowns show
        minutes, so the texts and colours change only as a minute begins: the other 59 ticks a
        minute repaint nothing (a column repaint of a long visible list costs a frame).
        """
        minute = _minute(self._now())
        if minute == self._painted_minute:
            return
        self._painted_minute = minute
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.DEADLINE),
                self.index(len(self._rows) - 1, Column.DEADLINE),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole],
            )

    # -- sorting ------------------------------------------------------------------------------

    def _sort_key(self, column: Column) -> Callable[[Order], Any]:
        key, cutoff = _SORT_KEYS[column], self._source.cutoff
        return lambda order: key(order, cutoff)

    def _sorted(self, orders: Sequence[Order]) -> list[Order]:
        column, order = self._sort
        if (column, order) == _DEFAULT_SORT and orders is self._source_orders:
            return list(orders)  # the queue already lists them deadline first, by the same key
        return sorted(orders, key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort rows in place, keeping selections (persistent indexes) on their orders."""
        if not 0 <= column < len(Column):
            return
        self._sort = (Column(column), order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[index.row()].id if index.isValid() else -1 for index in persistent]
        self._all = self._sorted(self._all)
        search = self._search  # refresh() gave every listed order its current entry
        self._all_keys = [search[order.id][1] for order in self._all]
        if self._filter.is_empty:  # every order is a row: the same stable sort, done once
            self._rows, self._row_keys = list(self._all), list(self._all_keys)
        else:
            self._rows = self._sorted(self._rows)
            self._row_keys = [search[order.id][1] for order in self._rows]
        self._reindex()
        moved = [
            self.index(self._row_of[i], index.column()) if i in self._row_of else QModelIndex()
            for i, index in zip(ids, persistent, strict=True)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    @property
    def sort_state(self) -> tuple[Column, Qt.SortOrder]:
        return self._sort

    # -- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            Column.ORDER: translate("OrderListModel", "Order"),
            Column.PROGRAM: translate("OrderListModel", "Program"),
            Column.DEADLINE: translate("OrderListModel", "Deadline"),
            Column.ITEMS: translate("OrderListModel", "Items / units"),
            Column.MARKING: translate("OrderListModel", "Marking"),
            Column.BUYER: translate("OrderListModel", "Buyer"),
            Column.STATUS: translate("OrderListModel", "Status"),
        }
        return titles.get(Column(section)) if 0 <= section < len(Column) else None

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        # Called for every role of every visible cell on each paint: unhandled roles leave first,
        # and the static texts of a row are formatted once per order object (cached).
        if role not in _HANDLED_ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row >= len(self._rows):
            return None
        order = self._rows[row]
        if role == _DISPLAY:
            if column == Column.DEADLINE:
                return self._deadline_text(order)
            if column == Column.STATUS and order.id in self._elsewhere:
                return self._elsewhere[order.id]
            return self._texts(order)[column]
        if role == ORDER_ID_ROLE:
            return order.id
        if role == IN_PROGRESS_ROLE:
            return order.id in self._in_progress
        if column == Column.ORDER and role in (_DECORATION, _TOOLTIP):
            if order.id not in self._in_progress:
                return None
            if role == _DECORATION:
                return self._in_progress_badge()
            return translate(
                "OrderListModel", "In progress at this station: opening it restores the packing done so far"
            )
        if role == _FOREGROUND and column == Column.STATUS and order.id in self._elsewhere:
            return _ELSEWHERE
        if role == _FOREGROUND:
            return self._foreground(order, Column(column)) if column in _COLOURED else None
        if role == _FONT:
            return self._bold if order.is_express and column in _BOLD_EXPRESS else None
        if role == _TOOLTIP and column == Column.DEADLINE:
            due = deadline(order, self._source.cutoff)
            return local_date_time(due) if due else None
        if role == _ALIGNMENT and column in _RIGHT_ALIGNED:
            return _RIGHT
        return None

    def _texts(self, order: Order) -> tuple[str, ...]:
        cached = self._cells.get(order.id)
        if cached is None or cached[0] is not order:
            texts = (
                str(order.id),
                _program_text(order.program),
                "",  # the deadline is formatted live
                f"{len(order.lines)} / {order.units}",
                _marking_text(order),
                _buyer_text(order.buyer_type),
                _status_text(order),
            )
            cached = (order, texts)
            self._cells[order.id] = cached
        return cached[1]

    def _deadline_text(self, order: Order) -> str:
        due, now = deadline(order, self._source.cutoff), self._now()
        return deadline_text(due, urgency(order, due, now), now)

    def _foreground(self, order: Order, column: Column) -> QBrush | None:
        if column is Column.PROGRAM and order.is_express:
            return QBrush(_EXPRESS)
        if column is Column.DEADLINE:
            level = urgency(order, deadline(order, self._source.cutoff), self._now())
            return _URGENCY.get(level) if level is not None else None
        return None


class OrderFilterProxy(QIdentityProxyModel):
    """The view's proxy: filters by text, programs and statuses and sorts, both in bulk.

    Both are delegated to the source model, which filters a whole list comprehension at a time
    (the queue's `OrderFilter` semantics) and sorts with `sorted()`. The proxy maps rows one to
    one: unlike a QSortFilterProxyModel it keeps no row mapping to rebuild after each filter
    change, and it maps an index without asking the Python model for its row and column counts,
    which a repaint would otherwise do for every cell and role.
    """

    def __init__(self, source: OrderListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self._model = source

    @property
    def filter(self) -> OrderFilter:
        return self._model.filter

    def set_filter(
        self,
        text: str | None = None,
        programs: Iterable[Program] | None = None,
        statuses: Iterable[str] | None = None,
    ) -> None:
        """Change any of the filter parts (None keeps that part as it is)."""
        current = self._model.filter
        self._model.set_filter(
            OrderFilter(
                text=current.text if text is None else text,
                programs=current.programs if programs is None else frozenset(programs),
                statuses=current.statuses if statuses is None else frozenset(statuses),
            )
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the source model (bulk, in Python) instead of comparing rows one by one."""
        self._model.sort(column, order)

    def order_id(self, row: int) -> int:
        """The order id of a proxy row."""
        return int(self.index(row, 0).data(ORDER_ID_ROLE))


def _minute(moment: datetime) -> int:
    """Whole minutes since the epoch: a countdown's text changes only when this does."""
    return int(moment.timestamp() // 60)
