"""The main window shell: title, toolbar, demo banner, message bar, pages, status bar.

Layout (top to bottom)::

    toolbar            Refresh | Orders | Settings            (actions: refresh_action, ...)
    demo banner        only in demo mode
    message bar        errors/warnings for the packer (`message_bar`)
    pages              QStackedWidget `pages`:
                         - the order list page (`order_list`, always index 0)
                         - the packing page, added by `show_packing(widget)`
    status bar         order counts | last refresh | connection state pill

Where the packing workspace plugs in: connect `order_activated(int)` (double-click / Enter in the
list) to whatever opens the order, build the packing widget, and call `show_packing(widget)`;
call `show_orders()` to come back (the packing widget stays in the stack until the next
`show_packing` replaces it, so an interrupted order can be resumed). The window holds no business
state: the composition root (`packstation.app`) wires it to the services.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QToolBar, QVBoxLayout, QWidget

from packstation import APP_NAME
from packstation.ui.message_bar import MessageBar
from packstation.ui.order_list_model import OrderListModel
from packstation.ui.order_list_view import OrderListView
from packstation.ui.status_bar import AppStatusBar, ConnectionState

_DEMO_STYLE = (
    "QLabel#demoBanner {background:#6f42c1; color:white; font-weight:bold;"
    " padding:6px 10px; border-radius:4px;}"
)


class MainWindow(QMainWindow):
    """The single Packstation window.

    Args:
        order_model: the order list model (over the order queue).
        demo: show the demo banner and the Demo connection state.
        station: the station name for the title bar.

    Signals:
        order_activated(int): the packer asked to open this order.
        refresh_requested(): the Refresh action was triggered.
        settings_requested(): the Settings action was triggered.
        closed(): the window was closed (the app shuts down after this).
    """

    order_activated = Signal(int)
    refresh_requested = Signal()
    settings_requested = Signal()
    closed = Signal()

    def __init__(
        self, order_model: OrderListModel, *, demo: bool, station: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.demo = demo
        title = f"{APP_NAME} — {station}" if station else APP_NAME
        self.setWindowTitle(title + (self.tr(" (demo)") if demo else ""))
        self.resize(1100, 680)

        self.refresh_action = QAction(self.tr("Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.setToolTip(self.tr("Reload the orders from the Market (F5)"))
        self.refresh_action.triggered.connect(self.refresh_requested)
        self.orders_action = QAction(self.tr("Orders"), self)
        self.orders_action.setShortcut(QKeySequence("Ctrl+L"))
        self.orders_action.triggered.connect(self.show_orders)
        self.settings_action = QAction(self.tr("Settings"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.settings_requested)
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.refresh_action, self.orders_action, self.settings_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

        self.demo_banner = QLabel(
            self.tr(
                "Demo mode: orders come from the built-in Market emulator and nothing reaches Yandex Market. "
                "Enter your API key in Settings to work with your store."
            ),
            self,
        )
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setStyleSheet(_DEMO_STYLE)
        self.demo_banner.setVisible(demo)
        self.message_bar = MessageBar(self)
        self.order_list = OrderListView(order_model, self)
        self.order_list.order_activated.connect(self.order_activated)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.order_list)
        self._packing: QWidget | None = None

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.demo_banner)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.status = AppStatusBar(self)
        self.setStatusBar(self.status)
        self.order_list.filter_changed.connect(self.status.set_counts)
        self.status.set_counts(self.order_list.proxy.rowCount(), order_model.total)
        self.set_connection(ConnectionState.DEMO if demo else ConnectionState.OFFLINE)

    # -- pages ------------------------------------------------------------------------------

    @property
    def packing_widget(self) -> QWidget | None:
        """The packing page currently in the stack, if any."""
        return self._packing

    def show_packing(self, widget: QWidget) -> None:
        """Show `widget` as the packing page, replacing (and deleting) the previous one."""
        if self._packing is not None and self._packing is not widget:
            self.pages.removeWidget(self._packing)
            self._packing.deleteLater()
        if self.pages.indexOf(widget) < 0:
            self.pages.addWidget(widget)
        self._packing = widget
        self.pages.setCurrentWidget(widget)

    def show_orders(self) -> None:
        """Back to the order list (the search field gets the focus)."""
        self.pages.setCurrentWidget(self.order_list)
        self.order_list.search.setFocus()

    # -- state shown --------------------------------------------------------------------------

    def set_connection(self, state: ConnectionState) -> None:
        """Show the connection state; demo mode always says Demo while the link is fine."""
        if self.demo and state is ConnectionState.ONLINE:
            state = ConnectionState.DEMO
        self.status.connection.set_state(state)

    def set_refreshed(self, when: datetime | None) -> None:
        self.status.set_refreshed(when)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()
