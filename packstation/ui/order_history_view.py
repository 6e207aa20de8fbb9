"""The "order history" panel: everything this station recorded about one order, oldest first.

Reads from an `AuditReader` (the SQLite audit log in the app); shows time (local), station,
packer, action and detail. It holds no data of its own beyond the table model it fills.
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
        for record in records:
            self.model.appendRow(_row(record))
        if records:
            text = self.tr("History of order %1: %2 records").replace("%2", str(len(records)))
        else:
            text = self.tr("Nothing recorded for order %1 at this station.")
        self._title.setText(text.replace("%1", str(order_id)))

    def refresh(self) -> None:
        """Reload the order shown (after new actions were recorded)."""
        if self.order_id is not None:
            self.show_order(self.order_id)

    def title(self) -> str:
        """The text above the table (for tests and accessibility)."""
        return self._title.text()


def _row(record: AuditRecord) -> list[QStandardItem]:
    local = record.at.astimezone()
    cells = [
        local.strftime("%Y-%m-%d %H:%M:%S"),
        record.station,
        record.packer,
        record.action,
        record.detail,
    ]
    items = [QStandardItem(text) for text in cells]
    items[0].setData(local.isoformat(), Qt.ItemDataRole.ToolTipRole)
    return items
