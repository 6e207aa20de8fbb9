"""The "order history" panel: everything this station recorded about one order, oldest first.

Reads from an `AuditReader` (the SQLite audit log in the app); shows time (local), station,
packer, action (a readable label in the UI language) and detail. It holds no data of its own beyond
the table model it fills.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from packstation.domain.errors import PackstationError
from packstation.storage.audit import AuditReader, AuditRecord


class OrderHistoryView(QWidget):
    """A read-only table of one order's audit records.

    Args:
        reader: where the records come from.
        language: "ru" or "en", for error texts coming from storage.
        parent: the parent widget.
    """

    def __init__(self, reader: AuditReader, *, language: str = "ru", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._language = language
        self.order_id: int | None = None
        self._title = QLabel(self)
        self._title.setObjectName("orderHistoryTitle")
        self._title.setWordWrap(True)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Station"), self.tr("Packer"), self.tr("Action"), self.tr("Detail")]
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self.table)
        self._title.setText(self.tr("Choose an order to see its history."))

    def show_order(self, order_id: int) -> None:
        """Load and show the history of `order_id` (replacing what was shown)."""
        self.order_id = order_id
        self.model.removeRows(0, self.model.rowCount())
        try:
            records = self._reader.history(order_id)
        except PackstationError as err:
            self._title.setText(err.message(self._language))
            return
        labels = self.action_labels()
        for record in records:
            self.model.appendRow(_row(record, labels.get(record.action, record.action)))
        if records:
            text = self.tr("History of order %1: %n records", "", len(records))
        else:
            text = self.tr("Nothing recorded for order %1 at this station.")
        self._title.setText(text.replace("%1", str(order_id)))

    def action_labels(self) -> dict[str, str]:
        """Readable names of the actions the services record, in the UI language.

        Unknown actions (older or newer versions) are not here: the table shows them as stored.
        """
        # Purely presentational: the log and its CSV export keep the stable identifiers, so the
        # labels live with the other UI strings in the .ts and follow the UI language (not storage).
        return {
            "layout_sent": self.tr("Box layout sent to the Market"),
            "ready_to_ship": self.tr("Marked ready to ship"),
            "courier_code": self.tr("Courier code checked"),
            "order_shortened": self.tr("Order shortened"),
            "order_cancelled": self.tr("Order cancelled by the shop"),
            "packing_interrupted": self.tr("Packing interrupted: the order changed"),
            "label_printed": self.tr("Labels printed"),
            "label_print_failed": self.tr("Label printing failed"),
            "outbox_sent": self.tr("Saved action sent to the Market"),
            "outbox_already_done": self.tr("Saved action was already done on the Market"),
            "outbox_skipped": self.tr("Saved action skipped: no longer valid"),
            "outbox_rejected": self.tr("Saved action refused by the Market"),
            "outbox_needs_packer": self.tr("Saved action needs the packer"),
        }

    def refresh(self) -> None:
        """Reload the order shown (after new actions were recorded)."""
        if self.order_id is not None:
            self.show_order(self.order_id)

    def title(self) -> str:
        """The text above the table (for tests and accessibility)."""
        return self._title.text()


def _row(record: AuditRecord, action: str) -> list[QStandardItem]:
    local = record.at.astimezone()
    cells = [
        local.strftime("%Y-%m-%d %H:%M:%S"),
        record.station,
        record.packer,
        action,
        record.detail,
    ]
    items = [QStandardItem(text) for text in cells]
    items[0].setData(local.isoformat(), Qt.ItemDataRole.ToolTipRole)
    items[3].setData(record.action, Qt.ItemDataRole.ToolTipRole)  # the stored name, as in the CSV export
    return items
