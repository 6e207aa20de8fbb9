"""The order list page: a filter bar (text, program, status) over the orders table.

Opening an order (double-click, Enter on a row, or Enter in the search field when exactly one
order matches) emits `order_activated(order_id)`; the main window decides what happens next.
From the search field Down (or Enter, when several orders match) moves into the table with a row
selected, so the keyboard alone finds and opens an order. A filter that leaves no order says so
in the table's place. The selected order survives background refreshes and re-sorts.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.order import STARTED, Program
from packstation.services.order_queue import EXPRESS_HANDOVER_SUBSTATUSES
from packstation.ui import palette
from packstation.ui.format import fill
from packstation.ui.order_list_model import ORDER_ID_ROLE, Column, OrderFilterProxy, OrderListModel
from packstation.ui.order_table import OrderTable

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class OrderListView(QWidget):
    """Filter bar + table over an `OrderListModel`.

    The table's context menu (and Ctrl+H) asks for the selected order's history.

    Signals:
        order_activated(int): the packer asked to open this order.
        history_requested(int): the packer asked for this order's history.
        filter_changed(int, int): rows shown and rows in total after a filter change or refresh.
    """

    order_activated = Signal(int)
    history_requested = Signal(int)
    filter_changed = Signal(int, int)

    def __init__(self, model: OrderListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = OrderFilterProxy(model, self)

        self.search = QLineEdit(self)
        self.search.setObjectName("orderSearch")
        self.search.setPlaceholderText(self.tr("Search: order number, offer or product name"))
        self.search.setClearButtonEnabled(True)
        self.program = QComboBox(self)
        # Item data are plain strings: Qt hands enum members back as str anyway.
        self.program.addItem(self.tr("All programs"), "")
        self.program.addItem(self.tr("Express"), Program.EXPRESS.value)
        self.program.addItem("FBS", Program.FBS.value)
        self.program.addItem("DBS", Program.DBS.value)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("All statuses"), ())
        self.status.addItem(self.tr("To pack"), (STARTED,))
        self.status.addItem(self.tr("Packed, awaiting courier"), EXPRESS_HANDOVER_SUBSTATUSES)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(QLabel(self.tr("Program:"), self))
        bar.addWidget(self.program)
        bar.addWidget(QLabel(self.tr("Status:"), self))
        bar.addWidget(self.status)

        self.table = OrderTable(self)  # repaints only the rows a change moved (issue 19)
        self.table.setObjectName("orderTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never asks 10,000 rows for their size hints.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (Column.ORDER, 110),
            (Column.PROGRAM, 100),
            (Column.DEADLINE, 130),
            (Column.ITEMS, 110),
            (Column.MARKING, 120),
            (Column.BUYER, 110),
        ):
            header.resizeSection(column, width)
        # The indicator first: enabling sorting sorts by whatever the indicator says.
        column, order = model.sort_state
        header.setSortIndicator(column, order)
        self.table.setSortingEnabled(True)

        # Said in the table's place when the filter leaves no order (an empty table reads as "broken").
        self.empty_note = QLabel(self.table.viewport())
        self.empty_note.setObjectName("emptyFilterNote")
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setWordWrap(True)
        self.empty_note.setStyleSheet(f"color:{palette.GREY}; font-size:14pt; padding:24px;")
        self.empty_note.hide()
        self.table.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.search.textChanged.connect(lambda text: self._apply(text=text))
        self.search.installEventFilter(self)
        self.program.currentIndexChanged.connect(lambda _i: self._apply(programs=self._programs()))
        self.status.currentIndexChanged.connect(lambda _i: self._apply(statuses=self._statuses()))
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)
        self._kept_order: int | None = None
        self.open_action = QAction(self.tr("Open"), self)
        self.open_action.triggered.connect(lambda: self._open_index(self.table.currentIndex()))
        self.history_action = QAction(self.tr("Order history…"), self)
        self.history_action.setShortcut(QKeySequence("Ctrl+H"))
        self.history_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.history_action.triggered.connect(self._ask_history)
        self.addAction(self.history_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.context_menu: QMenu | None = None
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        model.rows_updated.connect(lambda: self.filter_changed.emit(self.proxy.rowCount(), self.model.total))
        self.filter_changed.connect(lambda _shown, _total: self._update_empty_note())

    # -- filtering ----------------------------------------------------------------------------

    def _programs(self) -> tuple[Program, ...]:
        value = self.program.currentData()
        return (Program.parse(value),) if value else ()

    def _statuses(self) -> tuple[str, ...]:
        return tuple(self.status.currentData() or ())

    def _apply(
        self,
        text: str | None = None,
        programs: tuple[Program, ...] | None = None,
        statuses: tuple[str, ...] | None = None,
    ) -> None:
        self.proxy.set_filter(text, programs, statuses)
        self.filter_changed.emit(self.proxy.rowCount(), self.model.total)

    def _update_empty_note(self) -> None:
        if self.proxy.rowCount() > 0 or self.model.total == 0:
            self.empty_note.hide()
            return
        text = self.search.text().strip()
        if text:
            note = fill(self.tr("No orders match «%1»"), text)
        else:
            note = self.tr("No orders match the chosen program and status")
        self.empty_note.setText(note)
        self.empty_note.setGeometry(self.table.viewport().rect())
        self.empty_note.show()

    # -- selection and opening ----------------------------------------------------------------

    def selected_order_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(ORDER_ID_ROLE)) if index.isValid() else None

    def select_order(self, order_id: int) -> bool:
        """Select and show an order's row; False when it is not in the (filtered) list."""
        row = self.model.row_of(order_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _ask_history(self) -> None:
        order_id = self.selected_order_id()
        if order_id is not None:
            self.history_requested.emit(order_id)

    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        if self.context_menu is not None:
            self.context_menu.deleteLater()
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addAction(self.history_action)
        self.context_menu = menu  # kept for tests; replaced by the next menu
        menu.popup(self.table.viewport().mapToGlobal(position))

    def _remember_selection(self) -> None:
        self._kept_order = self.selected_order_id()

    def _restore_selection(self) -> None:
        if self._kept_order is not None:
            self.select_order(self._kept_order)
        self.filter_changed.emit(self.proxy.rowCount(), self.model.total)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.order_activated.emit(int(index.data(ORDER_ID_ROLE)))

    def focus_table(self) -> bool:
        """Move the keyboard into the table with a row selected (the current one, else the first);
        False when no order is shown."""
        if self.proxy.rowCount() == 0:
            return False
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.table.scrollTo(self.table.currentIndex())
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_note.setGeometry(self.table.viewport().rect())
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if key in _ENTER_KEYS:
            if watched is self.table and self.table.currentIndex().isValid():
                self._open_index(self.table.currentIndex())
                return True
            if watched is self.search and self.proxy.rowCount() == 1:
                self._open_index(self.proxy.index(0, 0))
                return True
            if watched is self.search and self.focus_table():
                return True
        if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.focus_table():
            return True
        return super().eventFilter(watched, event)
