"""The "LaaS orders" list: status, delivery interval, recipient and the buyer's pickup code;
confirm a draft before the Market cancels it (live "confirm within 0:59" countdown and a
warning), change the recipient or the courier interval, cancel. Every change is an
asynchronous operation, shown as pending while it is polled with back-off, then DONE or FAILED.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.laas import DRAFT_WARNING, LaasOrder, Operation, OperationKind, OperationState
from packstation.domain.message import Message
from packstation.services.laas import FAILED_TEXT, FormRefusedError, LaasService
from packstation.ui import palette
from packstation.ui.format import fill, time_left
from packstation.ui.i18n import say
from packstation.ui.plain_text import plain_label
from packstation.ui.tasks import TaskRunner

_WARN_STYLE = (
    f"QLabel {{background:{palette.PARTIAL_BG}; color:{palette.NOTICE_TEXT};"
    " padding:6px; border-radius:4px;}"
)
_ERROR_STYLE = f"color:{palette.FORM_ERROR};"


class Column:
    ID, NUMBER, STATUS, INTERVAL, RECIPIENT, CODE, DRAFT = range(7)


@dataclass
class Pending:
    operation: Operation
    text: str


class LaasOrdersPanel(QWidget):
    """The list and its actions, over `LaasService`."""

    def __init__(self, service: LaasService, tasks: TaskRunner, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.tasks = tasks
        self.orders: list[LaasOrder] = []
        self.operations: dict[str, Pending] = {}
        self._delays: dict[str, float] = {}  # operation -> seconds to its next poll
        self._expired: set[int] = set()  # drafts whose hour is up: reloaded once to show the cancel
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Order"),
                self.tr("Number"),
                self.tr("Status"),
                self.tr("Delivery interval"),
                self.tr("Recipient"),
                self.tr("Pickup code"),
                self.tr("Draft"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.warning = QLabel(self)
        self.warning.setObjectName("draftWarning")
        self.warning.setStyleSheet(_WARN_STYLE)
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(
            lambda: self.tasks.run(self.reload(), trigger=self.refresh_button)
        )
        self.confirm_button = QPushButton(self.tr("Confirm draft"), self)
        self.confirm_button.clicked.connect(lambda: self._act(self.confirm))
        self.cancel_button = QPushButton(self.tr("Cancel order"), self)
        self.cancel_button.clicked.connect(self._ask_cancel)
        buttons = QHBoxLayout()
        for button in (self.refresh_button, self.confirm_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.intervals = QComboBox(self)
        self.intervals.setMinimumWidth(220)
        self.move_button = QPushButton(self.tr("Move delivery"), self)
        self.move_button.clicked.connect(lambda: self._act(self.move_delivery))
        interval_box = QGroupBox(self.tr("Courier delivery interval"), self)
        interval = QHBoxLayout(interval_box)
        interval.addWidget(self.intervals, 1)
        interval.addWidget(self.move_button)
        self.last_name = QLineEdit(self)
        self.last_name.setPlaceholderText(self.tr("Last name"))
        self.first_name = QLineEdit(self)
        self.first_name.setPlaceholderText(self.tr("First name"))
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText("+7 999 000-11-22")
        self.rename_button = QPushButton(self.tr("Change recipient"), self)
        self.rename_button.clicked.connect(lambda: self._act(self.rename))
        self.change_error = plain_label(parent=self)  # the Market's words, shown literally
        self.change_error.setStyleSheet(_ERROR_STYLE)
        self.change_error.setWordWrap(True)
        self.change_error.hide()
        recipient_box = QGroupBox(self.tr("Recipient"), self)
        recipient = QHBoxLayout(recipient_box)
        for widget in (self.last_name, self.first_name, self.phone, self.rename_button):
            recipient.addWidget(widget)
        changes = QHBoxLayout()
        changes.addWidget(interval_box, 1)
        changes.addWidget(recipient_box, 2)

        self.pending_list = QListWidget(self)
        self.pending_list.setObjectName("pendingOperations")
        self.pending_list.setMaximumHeight(110)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addLayout(changes)
        layout.addWidget(self.change_error)
        layout.addWidget(QLabel(self.tr("Changes sent to the Market"), self))
        layout.addWidget(self.pending_list)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.update_countdowns)
        self._tick.start()
        self._selection_changed()

    # -- data ------------------------------------------------------------------------------------

    def _text(self, text: Message) -> str:
        return say(text)

    async def reload(self) -> None:
        self.show_orders(await self.service.orders())

    async def _reload_order(self, order: LaasOrder) -> None:
        self.add_orders(await self.service.orders([order.id]))

    def add_orders(self, orders: tuple[LaasOrder, ...]) -> None:
        known = {o.id for o in orders}
        self.show_orders([*orders, *(o for o in self.orders if o.id not in known)])

    def show_orders(self, orders: list[LaasOrder] | tuple[LaasOrder, ...]) -> None:
        selected = self.selected()
        self.orders = list(orders)
        self.table.setRowCount(len(self.orders))
        for row, order in enumerate(self.orders):
            pickup = f" · ПВЗ {order.pickup_point}" if order.pickup_point else ""
            cells = (
                str(order.id),
                order.external_id,
                self._status_text(order),
                order.interval + pickup,
                order.recipient.display if order.recipient else "—",
                order.receive_code,
                "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, order.id)
                self.table.setItem(row, column, item)
        self.update_countdowns()
        if selected is not None:
            self.select(selected.id)
        self._selection_changed()

    def _status_text(self, order: LaasOrder) -> str:
        names = {
            "RESERVED": self.tr("Draft"),
            "PROCESSING": self.tr("Processing"),
            "DELIVERY": self.tr("In delivery"),
            "PICKUP": self.tr("At the pickup point"),
            "DELIVERED": self.tr("Delivered"),
            "CANCELLED": self.tr("Cancelled"),
            "RETURNED": self.tr("Returned"),
            "PARTIALLY_RETURNED": self.tr("Partly returned"),
        }
        name = names.get(order.status, order.status)
        return f"{name} · {order.status}/{order.substatus}"

    def select(self, order_id: int) -> None:
        for row, order in enumerate(self.orders):
            if order.id == order_id:
                self.table.selectRow(row)

    def selected(self) -> LaasOrder | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.orders):
            return None
        return self.orders[rows[0].row()]

    def update_countdowns(self, now: datetime | None = None) -> None:
        """Drafts' "confirm within 0:59" and the warning before the Market cancels one."""
        moment = now or self.service.clock.now()
        urgent = []
        for row, order in enumerate(self.orders):
            left = order.draft_left(moment)
            item = self.table.item(row, Column.DRAFT)
            if item is None:
                continue
            if left is None:
                item.setText("")
                continue
            if not left and order.id not in self._expired:
                self._expired.add(order.id)  # the Market cancels it now: show that
                self.tasks.run(self._reload_order(order))
            text = time_left(left)
            item.setText(fill(self.tr("confirm within %1"), text))
            if left <= DRAFT_WARNING:
                urgent.append((order, text))
        if urgent:
            lines = [
                fill(
                    self.tr("The Market will cancel draft %1 in %2 unless it is confirmed."),
                    str(order.id),
                    text,
                )
                for order, text in urgent
            ]
            self.warning.setText("\n".join(lines))
            self.warning.show()
        else:
            self.warning.hide()

    def _selection_changed(self) -> None:
        order = self.selected()
        busy = order is not None and any(
            p.operation.order_id == order.id and p.operation.state is OperationState.IN_PROGRESS
            for p in self.operations.values()
        )
        self.confirm_button.setEnabled(order is not None and order.is_draft and not busy)
        self.cancel_button.setEnabled(order is not None and order.is_open and not busy)
        courier = order is not None and order.can_move_delivery
        self.move_button.setEnabled(courier and not busy)
        self.rename_button.setEnabled(order is not None and order.is_open and not busy)
        self.intervals.clear()
        if order is not None:
            if order.recipient is not None:
                self.last_name.setText(order.recipient.last_name)
                self.first_name.setText(order.recipient.first_name)
                self.phone.setText(order.recipient.phone)
            if courier:
                self.tasks.run(self.load_intervals(order))

    async def load_intervals(self, order: LaasOrder) -> None:
        options = await self.service.intervals(order)
        if self.selected() is not order:
            return
        self.intervals.clear()
        for option in options:
            self.intervals.addItem(option.interval, option)
        if not options:
            self.intervals.addItem(self.tr("no other intervals"), None)

    # -- actions ---------------------------------------------------------------------------------

    def _act(self, action: Callable[[LaasOrder], Coroutine[Any, Any, Operation | None]]) -> None:
        order = self.selected()
        if order is not None:
            self.tasks.run(action(order))

    def _ask_cancel(self) -> None:
        order = self.selected()
        if order is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Cancel order"),
            self.tr("Cancel order %1? The Market cancels it with the reason SHOP_FAILED.").replace(
                "%1", str(order.id)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.tasks.run(self.cancel(order))

    async def confirm(self, order: LaasOrder) -> Operation | None:
        return await self._track(order, self.service.confirm(order), self.tr("confirm draft"))

    async def cancel(self, order: LaasOrder) -> Operation | None:
        return await self._track(order, self.service.cancel(order), self.tr("cancel"))

    async def move_delivery(self, order: LaasOrder) -> Operation | None:
        option = self.intervals.currentData()
        if option is None:
            return None
        return await self._track(
            order,
            self.service.change_interval(order, option),
            fill(self.tr("move to %1"), option.interval),
        )

    async def rename(self, order: LaasOrder) -> Operation | None:
        change = self.service.change_recipient(
            order, self.last_name.text(), self.first_name.text(), self.phone.text()
        )
        return await self._track(order, change, fill(self.tr("recipient %1"), self.last_name.text()))

    async def _track(self, order: LaasOrder, start: Awaitable[Operation], label: str) -> Operation | None:
        """Send the change, then poll its operation and reload the order when it ends."""
        self.change_error.hide()
        try:
            operation = await start
        except FormRefusedError as refused:
            self.change_error.setText(" ".join(self._text(p) for p in refused.problems.values()))
            self.change_error.show()
            return None
        key = operation.id or f"{order.id}-{label}"
        self.operations[key] = Pending(operation, f"{order.id}: {label}")
        self._selection_changed()
        self._show_pending()
        final = await self.service.wait(operation, lambda op, delay: self._polled(key, op, delay))
        self.operations[key] = Pending(final, self.operations[key].text)
        self._show_pending()
        fresh = next(iter(await self.service.orders([order.id])), order)
        self.add_orders((fresh,))
        self.select(fresh.id)
        return final

    def _polled(self, key: str, operation: Operation, delay: float) -> None:
        if key in self.operations:
            self.operations[key] = Pending(operation, self.operations[key].text)
            self._delays[key] = delay
            self._show_pending()

    def _show_pending(self) -> None:
        self.pending_list.clear()
        for key, pending in reversed(list(self.operations.items())):
            state = pending.operation.state
            if state is OperationState.IN_PROGRESS:
                delay = self._delays.get(key, 0.0)
                text = fill(self.tr("in progress, next check in %1 s"), f"{delay:.0f}")
            elif state is OperationState.DONE:
                text = self.tr("done")
            else:
                text = self.tr("FAILED: %1").replace(
                    "%1",
                    self._text(FAILED_TEXT.get(pending.operation.kind, FAILED_TEXT[OperationKind.STATUS])),
                )
            self.pending_list.addItem(f"{pending.text} — {text}")

    def pending_texts(self) -> list[str]:
        return [self.pending_list.item(row).text() for row in range(self.pending_list.count())]
