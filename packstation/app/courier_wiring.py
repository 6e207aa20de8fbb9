"""Express couriers in the main window: the "Couriers" dock (toolbar action, F7), the arrival
banner above every screen and its sound, fed by the order queue.

Each queue change that touches the packed Express orders waiting for their courier relists them
in the panel (the change alone is looked at, not the whole list: issue 19), and `ArrivalWatch`
tells each courier that comes (COURIER_FOUND, COURIER_ARRIVED_TO_SENDER) once per order and
state: the doorbell sounds and the banner names the order and the car. Opening a row or the
banner's button opens the order's hand-over page through the desk.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QToolBar, QVBoxLayout

from packstation.domain.courier_handover import ArrivalWatch, awaits_courier, still_waiting
from packstation.domain.order import Order
from packstation.services.order_queue import QueueChange
from packstation.ui.couriers_panel import CourierBanner, CouriersPanel
from packstation.ui.main_window import MainWindow
from packstation.ui.sounds import Sounds

PANEL_HEIGHT = 220  # px: a handful of couriers in view, the order list above still usable


class OrderList(Protocol):
    """What the wiring needs from the order queue."""

    def orders(self) -> tuple[Order, ...]: ...

    def sort_key(self, order: Order) -> tuple[datetime, int]: ...

    def subscribe(self, callback: Callable[[Any], None]) -> Callable[[], None]: ...


class CourierWiring(QObject):
    """The couriers panel and arrival alerts of one window.

    Args:
        window: the main window (the dock, its toolbar action and the banner go there).
        queue: the order queue.
        open_order: opens an order's packing view (its hand-over page once packed).
        sounds: the desk's feedback sounds.
    """

    def __init__(
        self,
        window: MainWindow,
        queue: OrderList,
        open_order: Callable[[int], object],
        sounds: Sounds,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self._sounds = sounds
        self._window = window
        self._watch = ArrivalWatch()
        self._waiting: dict[int, Order] = {}  # the orders shown waiting, by id
        self.panel = CouriersPanel()
        self.panel.order_activated.connect(open_order)
        self.dock = QDockWidget(self.tr("Couriers"), window)
        self.dock.setObjectName("couriersDock")
        areas = Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.BottomDockWidgetArea
        self.dock.setAllowedAreas(areas)
        self.dock.setWidget(self.panel)
        # Along the bottom: the whole width for the courier's name and car; the list stays wide.
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.action = self.dock.toggleViewAction()
        self.action.triggered.connect(lambda shown: self.show_panel() if shown else None)
        self.action.setText(self.tr("Couriers"))
        self.action.setShortcut(QKeySequence("F7"))
        self.action.setToolTip(self.tr("Express orders waiting for their courier (F7)"))
        toolbar = window.findChild(QToolBar, "mainToolbar")
        if toolbar is not None:
            toolbar.addAction(self.action)
        self.banner = CourierBanner(window)
        self.banner.open_requested.connect(open_order)
        widget = window.centralWidget()
        central = widget.layout() if widget is not None else None
        if isinstance(central, QVBoxLayout):  # above the pages, under the message bar
            central.insertWidget(central.indexOf(window.message_bar) + 1, self.banner)
        self._unsubscribe = queue.subscribe(self._on_change)
        self.update()

    def _on_change(self, change: QueueChange) -> None:
        if change.initial:  # a new list (first load, new deadlines): look at every order
            self.update()
            return
        waiting = still_waiting(self._waiting, (*change.added, *change.updated), change.removed)
        if waiting is not None:  # else no waiting order came, changed or left
            self._show(sorted(waiting.values(), key=self._queue.sort_key))

    def update(self) -> None:
        """Relist the waiting orders and announce couriers not announced before."""
        self._show([order for order in self._queue.orders() if awaits_courier(order)])

    def _show(self, waiting: list[Order]) -> None:
        """Show `waiting` (in the list's order) and announce couriers not announced before."""
        self._waiting = {order.id: order for order in waiting}
        self.panel.show_orders(waiting)
        self.banner.order_gone({order.id for order in waiting})
        arrivals = self._watch.update(waiting)
        if arrivals:
            self.banner.show_arrival(arrivals[-1])
            self._sounds.courier()

    def show_panel(self) -> None:
        """Show the Couriers dock, tall enough for a few rows."""
        self.dock.show()
        self.dock.raise_()
        # After the dock is laid out: a resize before that is overruled by the layout.
        QTimer.singleShot(0, self._widen)

    def _widen(self) -> None:
        height = min(PANEL_HEIGHT, self._window.height() // 3)
        self._window.resizeDocks([self.dock], [height], Qt.Orientation.Vertical)

    def close(self) -> None:
        self._unsubscribe()
        self._unsubscribe = lambda: None
