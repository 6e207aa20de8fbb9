"""The office window: the seller's desk work beside packing — "New delivery order", "LaaS
orders" and "Statistics" as tabs. Built by the shell when the office action is first used;
it has its own message bar and task runner so its errors stay in it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QTabWidget, QVBoxLayout, QWidget

from packstation import APP_NAME
from packstation.domain.stats import market_today
from packstation.services.laas import LaasService
from packstation.services.ports import Clock, OfficePort
from packstation.services.stats import StatsService
from packstation.ui.format import fill
from packstation.ui.laas_form import NewOrderForm
from packstation.ui.laas_orders_panel import LaasOrdersPanel
from packstation.ui.message_bar import MessageBar
from packstation.ui.stats_panel import StatsPanel
from packstation.ui.tasks import TaskRunner

# Short names of the emulator's warehouses; a live store's warehouses are shown by their ids
# (the bundled spec has no warehouse directory to name them from).
WAREHOUSE_NAMES = {300: "Софьино", 301: "Шушары"}


class OfficeWindow(QMainWindow):
    """Tabs over the LaaS and statistics services.

    Args:
        laas: the LaaS use cases; stats: the statistics reader.
        report_crash: the crash reporter for unexpected errors.

    Signals:
        history_requested(int): show this station's History of an order.
    """

    history_requested = Signal(int)

    def __init__(
        self,
        laas: LaasService,
        stats: StatsService,
        *,
        report_crash: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("officeWindow")
        self.setWindowTitle(fill(self.tr("Office — %1"), APP_NAME))
        self.resize(1250, 780)
        self.message_bar = MessageBar(self)
        self.tasks = TaskRunner(self.message_bar.show_error, report_crash, parent=self)
        self.form = NewOrderForm(laas, self.tasks, warehouse_names=self._warehouse_name)
        self.orders = LaasOrdersPanel(laas, self.tasks)
        today = market_today(laas.clock.now())
        self.stats = StatsPanel(stats, self.tasks, today=today)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.form, self.tr("New delivery order"))
        self.tabs.addTab(self.orders, self.tr("LaaS orders"))
        self.tabs.addTab(self.stats, self.tr("Statistics"))
        self.form.created.connect(self._created)
        self.stats.history_requested.connect(self.history_requested)
        self._loaded = False
        self.tabs.currentChanged.connect(self._tab_changed)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def _warehouse_name(self, warehouse_id: int) -> str:
        return WAREHOUSE_NAMES.get(warehouse_id) or fill(self.tr("warehouse %1"), str(warehouse_id))

    def _created(self, orders: object) -> None:
        if isinstance(orders, tuple):
            self.orders.add_orders(orders)
        self.tabs.setCurrentWidget(self.orders)

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.orders and not self._loaded:
            self._loaded = True
            self.tasks.run(self.orders.reload())

    def handle_scan(self, text: str) -> None:
        """A scan while the office is active: an offer's barcode goes into the new order."""
        self.tabs.setCurrentWidget(self.form)
        self.tasks.run(self.form.search_offers(text.strip()))

    async def shutdown(self) -> None:
        await self.tasks.shutdown()


def build_office(
    port: OfficePort, clock: Clock, *, report_crash: Callable[[BaseException], None]
) -> OfficeWindow:
    """The office window over the Market's office port (composition for the shell)."""
    return OfficeWindow(LaasService(port, clock), StatsService(port), report_crash=report_crash)
