"""The Shipments screen: today's and upcoming FBS first-mile shipments, each with its handover
interval, destination, orders (packed / to pack / cancelled), pallets, status and what the Market
offers now; confirm, print or save the act and other documents, set pallets, print the pick list
and batch labels. Orders still to pack open with a double click (or Enter).

Every rule lives in `services.shipments`; this view only shows rows and starts the service's calls.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.labels import LabelFormat
from packstation.domain.shipments import ShipmentAction
from packstation.services.shipments import Document, DocumentKind, ShipmentRow, ShipmentsService
from packstation.ui.format import fill, full_date, interval
from packstation.ui.i18n import say
from packstation.ui.packing_view import TaskRunnerLike

_ORDER_ROLE = Qt.ItemDataRole.UserRole


class ShipmentsView(QWidget):
    """The Shipments window.

    Args:
        service: the shipments use cases.
        tasks: starts the service's coroutines and reports their failures.
        today: the desk's date (Moscow), asked on every refresh.
        save_folder: where documents are saved (and spreadsheets, which cannot be printed).
        show_info / show_error: the main window's message bar.
        label_format: the label printer's format for batch labels.

    Signals:
        order_requested(int): open this order at the packing desk.
    """

    order_requested = Signal(int)

    def __init__(
        self,
        service: ShipmentsService,
        tasks: TaskRunnerLike,
        *,
        today: Callable[[], date],
        save_folder: Path,
        show_info: Callable[[str], None],
        show_error: Callable[[str], None],
        label_format: LabelFormat = LabelFormat.A7,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shipmentsView")
        self.setWindowTitle(self.tr("Shipments"))
        self.service = service
        self.tasks = tasks
        self.today = today
        self.save_folder = save_folder
        self.show_info = show_info
        self.show_error = show_error
        self.label_format = label_format
        self.rows: list[ShipmentRow] = []

        self.heading = QLabel(self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.nearest_button = QPushButton(self.tr("Act for the nearest shipment"), self)
        self.nearest_button.setToolTip(
            self.tr("The Market confirms the nearest shipment past its cutoff and returns its act")
        )
        self.nearest_button.clicked.connect(self.nearest_act)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("shipmentsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Handover"),
                self.tr("Destination"),
                self.tr("Status"),
                self.tr("Orders: packed / to pack / cancelled"),
                self.tr("Pallets"),
                self.tr("The Market allows"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.to_pack_label = QLabel(self.tr("Orders still to pack (double-click to open):"), self)
        self.to_pack = QListWidget(self)
        self.to_pack.setObjectName("ordersToPack")
        self.to_pack.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.to_pack.itemActivated.connect(self._open_order)

        self.confirm_button = QPushButton(self.tr("Confirm shipment"), self)
        self.act_button = QPushButton(self.tr("Print act"), self)
        self.save_act_button = QPushButton(self.tr("Save act"), self)
        self.waybill_button = QPushButton(self.tr("Save waybill (Excel)"), self)
        self.inbound_button = QPushButton(self.tr("Print inbound act"), self)
        self.discrepancy_button = QPushButton(self.tr("Save discrepancy act (Excel)"), self)
        self.pallets = QSpinBox(self)
        self.pallets.setRange(0, 99)
        self.pallets_button = QPushButton(self.tr("Set pallets"), self)
        self.pallet_labels_button = QPushButton(self.tr("Print pallet labels"), self)
        self.pick_list_button = QPushButton(self.tr("Pick list"), self)
        self.labels_button = QPushButton(self.tr("Batch labels"), self)
        self.confirm_button.clicked.connect(self.confirm)
        self.act_button.clicked.connect(lambda: self.fetch(DocumentKind.ACT, print_it=True))
        self.save_act_button.clicked.connect(lambda: self.fetch(DocumentKind.ACT, print_it=False))
        self.waybill_button.clicked.connect(lambda: self.fetch(DocumentKind.WAYBILL, print_it=False))
        self.inbound_button.clicked.connect(lambda: self.fetch(DocumentKind.INBOUND_ACT, print_it=True))
        self.discrepancy_button.clicked.connect(
            lambda: self.fetch(DocumentKind.DISCREPANCY_ACT, print_it=False)
        )
        self.pallets_button.clicked.connect(self.set_pallets)
        self.pallet_labels_button.clicked.connect(
            lambda: self.fetch(DocumentKind.PALLET_LABELS, print_it=True)
        )
        self.pick_list_button.clicked.connect(self.pick_list)
        self.labels_button.clicked.connect(self.batch_labels)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.nearest_button)
        top.addWidget(self.refresh_button)
        buttons = QHBoxLayout()
        for widget in (
            self.confirm_button,
            self.pallets,
            self.pallets_button,
            self.pallet_labels_button,
            self.pick_list_button,
            self.labels_button,
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        documents = QHBoxLayout()
        for widget in (
            self.act_button,
            self.save_act_button,
            self.waybill_button,
            self.inbound_button,
            self.discrepancy_button,
        ):
            documents.addWidget(widget)
        documents.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addLayout(buttons)
        layout.addLayout(documents)
        layout.addWidget(self.to_pack_label)
        layout.addWidget(self.to_pack, 2)
        self._selection_changed()

    # --- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._run(self.reload(), self.refresh_button)

    async def reload(self) -> None:
        """Read today's and the upcoming shipments again, keeping the selected one selected."""
        selected = self.selected()
        today = self.today()
        self.show_rows(await self.service.overview(today))
        self.heading.setText(fill(self.tr("Shipments from %1"), full_date(today)))
        if selected is not None:
            self.select(selected.shipment.id)

    def show_rows(self, rows: list[ShipmentRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            shipment, progress = row.shipment, row.progress
            cells = (
                interval(shipment.interval_from, shipment.interval_to),
                shipment.destination,
                shipment.status_text or shipment.status,
                f"{len(progress.packed)} / {len(progress.to_pack)} / {len(progress.cancelled)}",
                "—" if shipment.pallets is None else str(shipment.pallets),
                ", ".join(self._action_text(a) for a in ShipmentAction if shipment.offers(a)),
            )
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self._selection_changed()

    def _action_text(self, action: ShipmentAction) -> str:
        return {
            ShipmentAction.CONFIRM: self.tr("confirm"),
            ShipmentAction.DOWNLOAD_ACT: self.tr("act"),
            ShipmentAction.DOWNLOAD_INBOUND_ACT: self.tr("inbound act"),
            ShipmentAction.DOWNLOAD_DISCREPANCY_ACT: self.tr("discrepancy act"),
            ShipmentAction.DOWNLOAD_TRANSPORTATION_WAYBILL: self.tr("waybill"),
            ShipmentAction.CHANGE_PALLETS_COUNT: self.tr("pallets"),
        }[action]

    def select(self, shipment_id: int) -> None:
        for index, row in enumerate(self.rows):
            if row.shipment.id == shipment_id:
                self.table.selectRow(index)
                return

    def selected(self) -> ShipmentRow | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes or indexes[0].row() >= len(self.rows):
            return None
        return self.rows[indexes[0].row()]

    def _selection_changed(self) -> None:
        row = self.selected()

        def offers(action: ShipmentAction) -> bool:
            return row is not None and row.shipment.offers(action)

        # Confirm stays clickable before the cutoff: the Market's refusal says when it opens.
        self.confirm_button.setEnabled(row is not None)
        self.act_button.setEnabled(offers(ShipmentAction.DOWNLOAD_ACT))
        self.save_act_button.setEnabled(offers(ShipmentAction.DOWNLOAD_ACT))
        self.waybill_button.setEnabled(offers(ShipmentAction.DOWNLOAD_TRANSPORTATION_WAYBILL))
        self.inbound_button.setEnabled(offers(ShipmentAction.DOWNLOAD_INBOUND_ACT))
        self.discrepancy_button.setEnabled(offers(ShipmentAction.DOWNLOAD_DISCREPANCY_ACT))
        self.pallets.setEnabled(offers(ShipmentAction.CHANGE_PALLETS_COUNT))
        self.pallets_button.setEnabled(offers(ShipmentAction.CHANGE_PALLETS_COUNT))
        self.pallet_labels_button.setEnabled(offers(ShipmentAction.CHANGE_PALLETS_COUNT))
        self.pick_list_button.setEnabled(row is not None)
        self.labels_button.setEnabled(row is not None)
        self.to_pack.clear()
        if row is None:
            return
        if row.shipment.pallets is not None:
            self.pallets.setValue(row.shipment.pallets)
        for order_id in row.progress.to_pack:
            item = QListWidgetItem(fill(self.tr("Order %1"), order_id), self.to_pack)
            item.setData(_ORDER_ROLE, order_id)

    def _open_order(self, item: QListWidgetItem) -> None:
        self.order_requested.emit(int(item.data(_ORDER_ROLE)))

    # --- actions ----------------------------------------------------------------------------

    def confirm(self) -> None:
        row = self.selected()
        if row is not None:
            self._run(self._confirm(row), self.confirm_button)

    async def _confirm(self, row: ShipmentRow) -> None:
        outcome = await self.service.confirm(row.shipment)
        (self.show_info if outcome.ok else self.show_error)(say(outcome.text))
        if outcome.ok:
            await self.reload()

    def set_pallets(self) -> None:
        row = self.selected()
        if row is not None:
            self._run(self._set_pallets(row, self.pallets.value()), self.pallets_button)

    async def _set_pallets(self, row: ShipmentRow, count: int) -> None:
        outcome = await self.service.set_pallets(row.shipment, count)
        (self.show_info if outcome.ok else self.show_error)(say(outcome.text))
        await self.reload()

    def fetch(self, kind: DocumentKind, *, print_it: bool) -> None:
        row = self.selected()
        if row is not None:
            self._run(self._fetch(row, kind, print_it=print_it))

    async def _fetch(self, row: ShipmentRow, kind: DocumentKind, *, print_it: bool) -> None:
        await self._deliver(await self.service.document(row.shipment, kind), print_it=print_it)

    def nearest_act(self) -> None:
        self._run(self._nearest_act(), self.nearest_button)

    async def _nearest_act(self) -> None:
        await self._deliver(await self.service.nearest_act(), print_it=True)
        await self.reload()

    def pick_list(self) -> None:
        """The pick list of the chosen orders to pack, else of the whole shipment."""
        row = self.selected()
        if row is None:
            return
        chosen = [int(item.data(_ORDER_ROLE)) for item in self.to_pack.selectedItems()]
        if chosen:
            self._run(self._pick_chosen(chosen), self.pick_list_button)
        else:
            self._run(self._fetch(row, DocumentKind.PICK_LIST, print_it=True), self.pick_list_button)

    async def _pick_chosen(self, order_ids: list[int]) -> None:
        await self._deliver(await self.service.pick_list(order_ids), print_it=True)

    def batch_labels(self) -> None:
        """Labels of the chosen orders, else of every packed order of the shipment."""
        row = self.selected()
        if row is None:
            return
        chosen = [int(item.data(_ORDER_ROLE)) for item in self.to_pack.selectedItems()]
        order_ids = chosen or list(row.progress.packed)
        if not order_ids:
            self.show_error(self.tr("No packed orders in this shipment yet."))
            return
        self._run(self._labels(order_ids), self.labels_button)

    async def _labels(self, order_ids: list[int]) -> None:
        await self._deliver(await self.service.batch_labels(order_ids, self.label_format), print_it=True)

    async def _deliver(self, document: Document, *, print_it: bool) -> None:
        if print_it and document.is_pdf:
            await self.service.print(document)
            self.show_info(fill(self.tr("%1 sent to the documents printer."), document.title))
            return
        path = self.service.save(document, self.save_folder)
        self.show_info(fill(self.tr("Saved to %1."), path))

    def _run(self, coro: Coroutine[Any, Any, None], trigger: QPushButton | None = None) -> None:
        self.tasks.run(coro, trigger=trigger)
