"""Express couriers: the "Couriers" panel (packed Express orders waiting for their courier, with
the courier's state) and the banner that calls the packer when a courier comes for an order.

Both only show what the order queue and `ArrivalWatch` decided; opening an order (double-click,
Enter, the banner's button) is left to the desk through `order_activated` / `open_requested`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.courier_handover import (
    CALLING_SUBSTATUSES,
    COURIER_ARRIVED_TO_SENDER,
    Arrival,
    EacType,
)
from packstation.domain.order import Order
from packstation.ui import palette
from packstation.ui.format import fill
from packstation.ui.handover_page import courier_state_text
from packstation.ui.plain_text import plain_label


class CouriersPanel(QWidget):
    """The packed Express orders waiting for their courier, one row each, calling ones marked.

    Signals:
        order_activated(int): the packer opened a row (its hand-over page).
    """

    order_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("couriersPanel")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("couriersTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Order"), self.tr("Courier"), self.tr("Car"), self.tr("Hand-over")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.cellActivated.connect(self._activated)
        self.table.cellDoubleClicked.connect(self._activated)
        self.empty = QLabel(self.tr("No packed Express orders are waiting for a courier."), self)
        self.empty.setWordWrap(True)
        hint = QLabel(self.tr("Scan a parcel's box label to open its hand-over."), self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(hint)
        self.order_ids: list[int] = []

    def show_orders(self, orders: Sequence[Order]) -> None:
        """Show `orders` (those waiting for their courier), couriers at the desk first."""
        ordered = sorted(orders, key=lambda order: (order.substatus not in CALLING_SUBSTATUSES, order.id))
        self.order_ids = [order.id for order in ordered]
        self.table.setRowCount(len(ordered))
        for row, order in enumerate(ordered):
            courier = order.courier
            calling = order.substatus in CALLING_SUBSTATUSES
            cells = (
                str(order.id),
                courier_state_text(order, car=False),
                courier.vehicle if courier is not None else "",
                self._handover_text(order),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if calling:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not ordered)
        self.table.setVisible(bool(ordered))

    def _handover_text(self, order: Order) -> str:
        if EacType.of(order).packer_checks:
            return self.tr("Check the courier's code")
        if order.eac_code:
            return fill(self.tr("Tell the courier: %1"), order.eac_code)
        return self.tr("Tell the courier the Market's code")

    def _activated(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.order_ids):
            self.order_activated.emit(self.order_ids[row])


class CourierBanner(QFrame):
    """ "Courier arrived for order N" above every screen, until opened or closed.

    Signals:
        open_requested(int): the packer wants that order's hand-over page.
    """

    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("courierBanner")
        self.setStyleSheet(
            f"#courierBanner {{background:{palette.AMBER}; border-radius:6px;}}"
            " QLabel {color:white; font-size:16pt; font-weight:bold;}"
        )
        self.label = plain_label(parent=self)
        self.label.setObjectName("courierBannerText")
        self.label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open hand-over"), self)
        self.open_button.setObjectName("courierBannerOpen")
        self.open_button.clicked.connect(self._open)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close"))
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.order_id: int | None = None
        self.hide()

    @property
    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""

    def show_arrival(self, arrival: Arrival) -> None:
        """Announce `arrival` (replacing an earlier one: the panel lists them all)."""
        if arrival.substatus == COURIER_ARRIVED_TO_SENDER:
            text = fill(self.tr("Courier arrived for order %1"), arrival.order_id)
        else:
            text = fill(self.tr("Courier found for order %1: on the way"), arrival.order_id)
        courier = arrival.courier
        if courier is not None and courier.name:
            text += " — " + courier.name
        if courier is not None and courier.vehicle:
            text += ", " + courier.vehicle
        self.order_id = arrival.order_id
        self.label.setText(text)
        self.show()

    def _open(self) -> None:
        if self.order_id is not None:
            self.open_requested.emit(self.order_id)
        self.dismiss()

    def dismiss(self) -> None:
        self.order_id = None
        self.hide()

    def order_gone(self, waiting: set[int]) -> None:
        """Hide the banner once its order no longer waits (handed over, cancelled)."""
        if self.order_id is not None and self.order_id not in waiting:
            self.dismiss()
