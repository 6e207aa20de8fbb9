"""The Shift panel: per packer and desk, and for the whole desk, the numbers of a day or a range
(orders packed, units, codes, refused scans, average time per order, units per hour, late orders),
read from the audit log; exported as CSV. The numbers come from `services.shift_stats`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packstation.services.shift_stats import ALL, AuditLine, ShiftRow, shift_csv, shift_rows
from packstation.ui.format import fill

AuditSource = Callable[[datetime, datetime], Iterable[AuditLine]]


class ShiftPanel(QWidget):
    """The Shift window.

    Args:
        lines: audit lines with `start <= at < end` (the local store, or the fleet database).
        today: the desk's date.
        export_folder: where "Export CSV" writes.
        show_info: the main window's message bar.
    """

    def __init__(
        self,
        lines: AuditSource,
        *,
        today: Callable[[], date],
        export_folder: Path,
        show_info: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shiftPanel")
        self.setWindowTitle(self.tr("Shift"))
        self.lines = lines
        self.today = today
        self.export_folder = export_folder
        self.show_info = show_info
        self.rows: list[ShiftRow] = []
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.today_button = QPushButton(self.tr("Today"), self)
        self.show_button = QPushButton(self.tr("Show"), self)
        self.export_button = QPushButton(self.tr("Export CSV"), self)
        self.today_button.clicked.connect(self.show_today)
        self.show_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(self.export)
        self.table = QTableWidget(0, 9, self)
        self.table.setObjectName("shiftTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Packer"),
                self.tr("Desk"),
                self.tr("Orders"),
                self.tr("Units"),
                self.tr("Codes"),
                self.tr("Refused scans"),
                self.tr("Late"),
                self.tr("Avg per order"),
                self.tr("Units/hour"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("From"), self))
        top.addWidget(self.date_from)
        top.addWidget(QLabel(self.tr("to"), self))
        top.addWidget(self.date_to)
        top.addWidget(self.today_button)
        top.addWidget(self.show_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.show_today()

    def show_today(self) -> None:
        day = self.today()
        for edit in (self.date_from, self.date_to):
            edit.setDate(QDate(day.year, day.month, day.day))
        self.reload()

    def period(self) -> tuple[datetime, datetime]:
        """The local-time days chosen, as [start, end) instants."""
        first, last = self.date_from.date().toPython(), self.date_to.date().toPython()
        assert isinstance(first, date)
        assert isinstance(last, date)
        start = datetime.combine(min(first, last), time()).astimezone()
        end = datetime.combine(max(first, last) + timedelta(days=1), time()).astimezone()
        return start, end

    def reload(self) -> None:
        self.rows = shift_rows(self.lines(*self.period()))
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            cells = (
                self.tr("All") if row.packer == ALL else row.packer,
                self.tr("All") if row.station == ALL else (row.station or "—"),
                str(row.orders),
                str(row.units),
                str(row.codes),
                str(row.refused_scans),
                str(row.late_orders),
                "—" if row.avg_order_s is None else _duration(row.avg_order_s),
                "—" if row.units_per_hour is None else f"{row.units_per_hour:.1f}",
            )
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))

    def row_of(self, packer: str) -> ShiftRow | None:
        return next((row for row in self.rows if row.packer == packer), None)

    def export(self) -> Path:
        start, end = self.period()
        self.export_folder.mkdir(parents=True, exist_ok=True)
        last = end - timedelta(days=1)
        path = self.export_folder / f"shift-{start:%Y%m%d}-{last:%Y%m%d}.csv"
        path.write_text(shift_csv(self.rows), encoding="utf-8")
        self.show_info(fill(self.tr("Saved to %1."), path))
        return path


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"
