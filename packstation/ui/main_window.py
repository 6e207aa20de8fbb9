"""The main window shell: title, toolbar, demo banner, message bar, pages, status bar.

Layout (top to bottom)::

    toolbar            Refresh | Orders | Print queue | Settings   (actions: refresh_action, ...)
    demo banner        only in demo mode
    message bar        errors/warnings for the packer (`message_bar`)
    pages              QStackedWidget `pages`:
                         - the order list page (`order_list`, always index 0)
                         - the packing page, added by `show_packing(widget)`
                         - the next packing page built ahead, hidden (`stage_packing(widget)`)
    status bar         order counts | last refresh | connection state pill

Where the packing workspace plugs in: connect `order_activated(int)` (double-click / Enter in the
list) to whatever opens the order, build the packing widget, and call `show_packing(widget)`;
call `show_orders()` to come back (the packing widget stays in the stack until the next
`show_packing` replaces it, so an interrupted order can be resumed). The window holds no business
state: the composition root (`packstation.app`) wires it to the services.

Docks (right side, hidden until asked for): the print queue (`enable_print_queue(build)`, toggled by
`print_queue_action`, F9) and an order's history (`show_history(widget)`, asked for through
`history_requested(int)` from the order list's context menu or Ctrl+H).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from packstation import APP_NAME
from packstation.ui import palette
from packstation.ui.message_bar import MessageBar
from packstation.ui.order_list_model import OrderListModel
from packstation.ui.order_list_view import OrderListView
from packstation.ui.status_bar import AppStatusBar, ConnectionState

DOCK_WIDTH = 480  # px: the print queue's and the history's columns readable next to the list
HISTORY_MIN = (420, 260)  # px: the history's five columns and a few records, docked or floating
HISTORY_FLOATING = (760, 480)  # px: a floating history window opens at least this large
_DEMO_STYLE = (
    f"QLabel#demoBanner {{background:{palette.PURPLE}; color:white; font-weight:bold;"
    " padding:6px 10px; border-radius:4px;}"
)


RETIRE_AFTER_MS = 200
"""A packing page another one replaced is deleted this long after (`MainWindow.show_packing`)."""


class MainWindow(QMainWindow):
    """The single Packstation window.

    Args:
        order_model: the order list model (over the order queue).
        demo: show the demo banner and the Demo connection state.
        station: the station name for the title bar.

    Signals:
        order_activated(int): the packer asked to open this order.
        refresh_requested(): the Refresh action was triggered.
        office_requested(): the Office action was triggered.
        settings_requested(): the Settings action was triggered.
        history_requested(int): the packer asked for an order's history (order id).
        demo_sheet_requested(): Help → Demo sheet (demo mode only).
        closed(): the window was closed (the app shuts down after this).
    """

    order_activated = Signal(int)
    history_requested = Signal(int)
    refresh_requested = Signal()
    settings_requested = Signal()
    office_requested = Signal()
    shipments_requested = Signal()
    shift_requested = Signal()
    demo_sheet_requested = Signal()
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
        self.shipments_action = QAction(self.tr("Shipments"), self)
        self.shipments_action.setShortcut(QKeySequence("Ctrl+J"))
        self.shipments_action.setToolTip(self.tr("FBS shipments: confirm, acts, pick lists (Ctrl+J)"))
        self.shipments_action.triggered.connect(self.shipments_requested)
        self.shipments_action.setEnabled(False)  # until the Market connection offers shipments
        self.shift_action = QAction(self.tr("Shift"), self)
        self.shift_action.setShortcut(QKeySequence("Ctrl+K"))
        self.shift_action.setToolTip(self.tr("Who packed what: per packer and desk (Ctrl+K)"))
        self.shift_action.triggered.connect(self.shift_requested)
        self.settings_action = QAction(self.tr("Settings"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.settings_requested)
        # The office (LaaS delivery orders, statistics): shown once the shell plugs it in.
        self.office_action = QAction(self.tr("Office"), self)
        self.office_action.setObjectName("officeAction")
        self.office_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.office_action.setToolTip(self.tr("LaaS delivery orders and order statistics (Ctrl+Shift+O)"))
        self.office_action.setVisible(False)
        self.office_action.triggered.connect(self.office_requested)
        self.print_dock = self._dock(self.tr("Print queue"), "printQueueDock")
        self.print_queue_action = self.print_dock.toggleViewAction()
        self.print_queue_action.setText(self.tr("Print queue"))
        self.print_queue_action.setShortcut(QKeySequence("F9"))
        self.print_queue_action.setToolTip(self.tr("Print jobs, retries and reprints of recent labels (F9)"))
        self.print_queue_action.setEnabled(False)  # until the print queue is plugged in
        self._build_print_queue: Callable[[], QWidget] | None = None
        self._widened: set[str] = set()  # docks given a readable width once (then the packer's)
        self.history_dock = self._dock(self.tr("Order history"), "historyDock")
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        actions = (
            self.refresh_action,
            self.orders_action,
            self.shipments_action,
            self.shift_action,
            self.print_queue_action,
            self.office_action,
            self.settings_action,
        )
        for action in actions:
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        # Help: the printable demo sheet, so demo mode can be learnt with a real scanner.
        self.demo_sheet_action = QAction(self.tr("Demo sheet (PDF)…"), self)
        self.demo_sheet_action.setToolTip(
            self.tr("Every demo order's barcodes and marking codes, and the command barcodes, to print")
        )
        self.demo_sheet_action.triggered.connect(self.demo_sheet_requested)
        if demo:
            self.menuBar().addMenu(self.tr("Help")).addAction(self.demo_sheet_action)

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
        self.order_list.history_requested.connect(self.history_requested)
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

    def _dock(self, title: str, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.BottomDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        return dock

    # -- docks ------------------------------------------------------------------------------

    def enable_print_queue(self, build: Callable[[], QWidget]) -> None:
        """Enable the print queue action (F9); `build` makes the panel when it is first needed
        (its preview renderer is not worth loading at start-up)."""
        self._build_print_queue = build
        self.print_queue_action.setEnabled(True)
        self.print_dock.visibilityChanged.connect(self._print_dock_visible)

    def _print_dock_visible(self, visible: bool) -> None:
        if visible:
            self.print_queue()
            self._widen(self.print_dock)

    def print_queue(self) -> QWidget | None:
        """The print queue panel, built on first use (None until `enable_print_queue`)."""
        if self.print_dock.widget() is None and self._build_print_queue is not None:
            self.print_dock.setWidget(self._build_print_queue())
        return self.print_dock.widget()

    def show_history(self, widget: QWidget) -> None:
        """Show an order's history panel in the history dock, readable wherever it was asked for
        (the list, the packing page, the office window): never below `HISTORY_MIN`, a floating
        dock at least `HISTORY_FLOATING`, and this window raised so the dock is seen."""
        if self.history_dock.widget() is not widget:
            widget.setMinimumSize(*HISTORY_MIN)
            self.history_dock.setWidget(widget)
        dock = self.history_dock
        dock.show()
        if dock.isFloating():
            width, height = HISTORY_FLOATING
            dock.resize(max(dock.width(), width), max(dock.height(), height))
        dock.raise_()
        self._widen(dock)
        if not self.isActiveWindow():  # asked from another window (the office): bring the dock up
            if self.isMinimized():
                self.showNormal()
            self.raise_()
            self.activateWindow()

    def _widen(self, dock: QDockWidget) -> None:
        # A fresh dock gets its widget's minimum width, too narrow for the panels' columns.
        if dock.objectName() not in self._widened and not dock.isFloating():
            self._widened.add(dock.objectName())
            # After the dock is laid out: a resize before that is overruled by the layout.
            QTimer.singleShot(0, lambda: self._resize_dock(dock))

    def _resize_dock(self, dock: QDockWidget) -> None:
        width = min(DOCK_WIDTH, self.width() // 2)
        self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    # -- pages ------------------------------------------------------------------------------

    @property
    def packing_widget(self) -> QWidget | None:
        """The packing page currently in the stack, if any."""
        return self._packing

    def show_packing(self, widget: QWidget) -> None:
        """Show `widget` as the packing page, replacing (and deleting) the previous one."""
        previous = self._packing
        if self.pages.indexOf(widget) < 0:
            self.pages.addWidget(widget)
        self._packing = widget
        self.pages.setCurrentWidget(widget)
        if previous is not None and previous is not widget:
            # Shown first, then taken out: taking out the current page would show another
            # page (its show and hide events, its layout) on the way; and deleted once the new
            # page is on screen, not in its first frame (~1 ms; issue 19).
            self.pages.removeWidget(previous)
            QTimer.singleShot(RETIRE_AFTER_MS, previous, previous.deleteLater)

    def stage_packing(self, widget: QWidget) -> None:
        """Put `widget`, the next packing page built ahead, in the stack without showing it:
        polished and laid out at the stack's size now, so showing it later (`show_packing`)
        costs only its own paint (issue 19)."""
        self.pages.addWidget(widget)  # hidden: not the current page
        widget.setGeometry(self.pages.contentsRect())
        widget.ensurePolished()  # the style, fonts and palettes of all its widgets
        layout = widget.layout()
        if layout is not None:
            layout.activate()

    def unstage_packing(self, widget: QWidget) -> None:
        """Throw away a page `stage_packing` put in the stack and that was never shown."""
        if widget is not self._packing:
            self.pages.removeWidget(widget)
            widget.deleteLater()

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
