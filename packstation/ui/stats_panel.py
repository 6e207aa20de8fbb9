"""The "Statistics" panel over `stats/orders` (seed 003): creation or update dates (never both),
a status filter and "with marking codes"; the orders with initial vs final counts, payments and
commissions; totals per day and per status and a chart of orders per day (QtCharts); paging
with a progress bar and a Stop button; CSV export; the History of an order this station packed.
"""

from __future__ import annotations

import html
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.errors import PackstationError
from packstation.domain.stats import STATS_LAG_MINUTES, STATS_STATUSES, StatsOrder, StatsQuery
from packstation.services.stats import StatsResult, StatsService
from packstation.ui import palette
from packstation.ui.format import day_month, fill, full_date
from packstation.ui.i18n import say
from packstation.ui.plain_text import plain_label
from packstation.ui.tasks import TaskRunner

_ERROR_STYLE = f"color:{palette.FORM_ERROR};"
_NOTE_STYLE = "color:#555;"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class StatsPanel(QWidget):
    """Filters, table, totals and chart. Signals: history_requested(int) for an order's History."""

    history_requested = Signal(int)

    def __init__(
        self,
        service: StatsService,
        tasks: TaskRunner,
        *,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.tasks = tasks
        self.result: StatsResult | None = None
        self.by_created = QRadioButton(self.tr("Created"), self)
        self.by_updated = QRadioButton(self.tr("Changed"), self)
        self.by_created.setChecked(True)
        dates = QButtonGroup(self)
        dates.addButton(self.by_created)
        dates.addButton(self.by_updated)
        self.date_from = QDateEdit(_qdate(today - timedelta(days=6)), self)
        self.date_to = QDateEdit(_qdate(today), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.status = QComboBox(self)
        self.status.addItem(self.tr("Any status"), None)
        for status in STATS_STATUSES:
            self.status.addItem(status, status)
        self.with_cis = QCheckBox(self.tr("Only with marking codes"), self)
        self.load_button = QPushButton(self.tr("Show"), self)
        self.load_button.setObjectName("loadStats")
        self.load_button.clicked.connect(lambda: self.tasks.run(self.load(), trigger=self.load_button))
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.service.cancel)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._ask_export)
        self.history_button = QPushButton(self.tr("History of the order"), self)
        self.history_button.setEnabled(False)
        self.history_button.clicked.connect(self._history)
        filters = QHBoxLayout()
        for widget in (
            self.by_created,
            self.by_updated,
            QLabel(self.tr("from"), self),
            self.date_from,
            QLabel(self.tr("to"), self),
            self.date_to,
            self.status,
            self.with_cis,
            self.load_button,
            self.stop_button,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.lag_note = QLabel(
            self.tr(
                "The Market's statistics lag up to %n minute(s) behind the orders.", "", STATS_LAG_MINUTES
            ),
            self,
        )
        self.lag_note.setStyleSheet(_NOTE_STYLE)
        self.error = plain_label(parent=self)  # the Market's words, shown literally
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.table = QTableWidget(0, 8, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Order"),
                self.tr("Created"),
                self.tr("Status"),
                self.tr("Items"),
                self.tr("Units (initial → final)"),
                self.tr("Payments, ₽"),
                self.tr("Commissions, ₽"),
                self.tr("Our number"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(
            lambda: self.history_button.setEnabled(self.selected_order() is not None)
        )
        self.table.itemDoubleClicked.connect(lambda _item: self._history())
        self.totals = QLabel(self)
        self.totals.setObjectName("statsTotals")
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.chart = QChart()
        self.chart.setTitle(self.tr("Orders per day"))
        self.chart.legend().hide()
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(200)
        below = QWidget(self)
        side = QHBoxLayout(below)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.totals, 1)
        side.addWidget(self.chart_view, 2)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(below)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        actions = QHBoxLayout()
        actions.addWidget(self.lag_note, 1)
        actions.addWidget(self.history_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addLayout(actions)
        layout.addWidget(split, 1)

    # -- query and loading ---------------------------------------------------------------------

    def query(self) -> StatsQuery:
        start, end = _pydate(self.date_from.date()), _pydate(self.date_to.date())
        status = self.status.currentData()
        statuses = (status,) if status else ()
        has_cis = True if self.with_cis.isChecked() else None
        if self.by_updated.isChecked():
            return StatsQuery(update_from=start, update_to=end, statuses=statuses, has_cis=has_cis)
        return StatsQuery(date_from=start, date_to=end, statuses=statuses, has_cis=has_cis)

    async def load(self) -> StatsResult | None:
        """Read every page (progress shown, Stop keeps what was read), then show it."""
        self.error.hide()
        self.progress.show()
        self.progress.setFormat(self.tr("Loading…"))
        self.stop_button.setEnabled(True)
        try:
            result = await self.service.load(self.query(), self._progress)
        except PackstationError as error:
            self.error.setText(say(error))
            self.error.show()
            return None
        finally:
            self.progress.hide()
            self.stop_button.setEnabled(False)
        self.show_result(result)
        return result

    def _progress(self, pages: int, orders: int) -> None:
        self.progress.setFormat(fill(self.tr("Pages: %1, orders: %2"), str(pages), str(orders)))

    def show_result(self, result: StatsResult) -> None:
        self.result = result
        self.table.setRowCount(len(result.orders))
        for row, order in enumerate(result.orders):
            items = "; ".join(f"{i.name or i.offer_id} × {i.count}" for i in order.goods)
            units = f"{order.initial_units} → {order.units}" if order.shortened else str(order.units)
            cells = (
                str(order.id),
                full_date(order.created),
                order.status,
                items,
                units,
                f"{order.payments:.2f}",
                f"{order.commissions:.2f}",
                order.partner_order_id,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, order.id)
                self.table.setItem(row, column, item)
        self._show_totals(result)
        self.export_button.setEnabled(bool(result.orders))

    def _group_name(self, group: str) -> str:
        names = {
            "delivered": self.tr("delivered"),
            "cancelled_in_processing": self.tr("cancelled in processing"),
            "cancelled_other": self.tr("cancelled before processing or in delivery"),
            "returned": self.tr("returned"),
            "lost": self.tr("lost"),
            "in_progress": self.tr("in progress"),
        }
        return names.get(group, group)

    def _show_totals(self, result: StatsResult) -> None:
        totals = result.totals
        lines = [
            "<b>" + fill(self.tr("Orders: %1"), str(totals.orders)) + "</b>",
            fill(
                self.tr("Payments: %1 ₽, commissions: %2 ₽, shortened orders: %3"),
                f"{totals.payments:.2f}",
                f"{totals.commissions:.2f}",
                str(totals.shortened),
            ),
            "<br>".join(f"{self._group_name(group)}: {count}" for group, count in totals.by_group),
            "<br>".join(f"{html.escape(status)}: {count}" for status, count in totals.by_status),
        ]
        if not result.complete:
            lines.insert(0, "<i>" + self.tr("Stopped: only the pages read so far are counted.") + "</i>")
        self.totals.setText("<br><br>".join(lines))
        self._draw_chart(totals.by_day)

    def _draw_chart(self, by_day: tuple[tuple[date, int], ...]) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        bars = QBarSet(self.tr("Orders"))
        for _day, count in by_day:
            bars.append(count)
        series = QBarSeries()
        series.append(bars)
        self.chart.addSeries(series)
        days = QBarCategoryAxis()
        days.append([day_month(day) for day, _count in by_day])
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        top = max([count for _day, count in by_day] + [1])
        counts.setRange(0, top)
        if top <= 10:  # one grid line per order: whole numbers only
            counts.setTickCount(top + 1)
        else:
            counts.applyNiceNumbers()
        self.chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(days)
        series.attachAxis(counts)

    def chart_counts(self) -> list[int]:
        """The bar heights shown (for tests)."""
        counts: list[int] = []
        for series in self.chart.series():
            if isinstance(series, QBarSeries):
                for bar_set in series.barSets():
                    counts.extend(int(bar_set.at(i)) for i in range(bar_set.count()))
        return counts

    # -- selection, history, export --------------------------------------------------------

    def selected_order(self) -> StatsOrder | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.result is None or rows[0].row() >= len(self.result.orders):
            return None
        return self.result.orders[rows[0].row()]

    def _history(self) -> None:
        order = self.selected_order()
        if order is not None:
            self.history_requested.emit(order.id)

    def _ask_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export statistics"), "orders-stats.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the orders shown as CSV (UTF-8 with BOM, so spreadsheets read the Cyrillic)."""
        if self.result is None:
            return
        try:
            path.write_text(self.result.csv(), encoding="utf-8-sig")
        except OSError as error:
            self.error.setText(fill(self.tr("Could not save the file: %1"), str(error)))
            self.error.show()
