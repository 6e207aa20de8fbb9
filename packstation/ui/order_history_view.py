"""The "order history" panel: everything recorded about one order, oldest first.

Reads from a `HistoryReader`: the SQLite audit log of this desk, or with a fleet configured the
shared history of every desk (`FleetHistory`, which falls back to this desk's log when the
warehouse database is offline, and the title says so). Shows time (local), station or desk,
packer, action (a readable label in the UI language) and detail. It holds no data of its own beyond
the table model it fills. With `video_clips`, "Export video…" saves the order's packing video as
one MP4: in a worker thread (a long clip takes a while to copy), the button disabled and the title
saying so meanwhile, then how it went.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.errors import PackstationError
from packstation.services.desk_history import FleetHistory, HistoryReader
from packstation.services.shift_stats import AuditLine
from packstation.ui.format import fill
from packstation.ui.i18n import say
from packstation.ui.plain_text import plain_label
from packstation.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from packstation.devices.video_export import ExportError, ExportResult

Exporter = Callable[[Sequence[Path], Path], "ExportResult"]


class OrderHistoryView(QWidget):
    """A read-only table of one order's audit records.

    Args:
        reader: where the records come from.
        video_clips: an order's packing video files; None hides "Export video…".
        tasks: runs the export (unexpected failures reach the crash reporter); without it the
            view runs the task itself.
        exporter: joins clips into one MP4 (blocking); the default copies them with PyAV.
        parent: the parent widget.
    """

    def __init__(
        self,
        reader: HistoryReader,
        *,
        video_clips: Callable[[int], list[Path]] | None = None,
        tasks: TaskRunner | None = None,
        exporter: Exporter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._video_clips = video_clips
        self._tasks = tasks
        self._exporter = exporter
        self.export_task: asyncio.Task[bool] | None = None
        self.exporting = False
        self.export_button = QPushButton(self.tr("Export video…"), self)
        self.export_button.setObjectName("exportVideo")
        self.export_button.setToolTip(self.tr("Save this order's packing video as one MP4 file"))
        self.export_button.clicked.connect(self.ask_export)
        self.export_button.setVisible(video_clips is not None)
        self.export_button.setEnabled(False)
        self.order_id: int | None = None
        self._title = plain_label(parent=self)
        self._title.setObjectName("orderHistoryTitle")
        self._title.setWordWrap(True)
        self.model = QStandardItemModel(0, 5, self)
        shared = isinstance(reader, FleetHistory)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Desk") if shared else self.tr("Station"),
                self.tr("Packer"),
                self.tr("Action"),
                self.tr("Detail"),
            ]
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
        top = QHBoxLayout()
        top.addWidget(self._title, 1)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._title.setText(self.tr("Choose an order to see its history."))

    def show_order(self, order_id: int) -> None:
        """Load and show the history of `order_id` (replacing what was shown)."""
        self.order_id = order_id
        self._enable_export()
        self.model.removeRows(0, self.model.rowCount())
        try:
            records = self._reader.history(order_id)
        except PackstationError as err:
            self._title.setText(say(err))
            return
        labels = self.action_labels()
        for record in records:
            self.model.appendRow(_row(record, labels.get(record.action, record.action)))
        fleet = self._reader if isinstance(self._reader, FleetHistory) else None
        if fleet is not None and not fleet.offline:
            if records:
                text = self.tr("History of order %1 at all desks: %n records", "", len(records))
            else:
                text = self.tr("Nothing recorded for order %1 at any desk.")
        elif records:
            text = self.tr("History of order %1: %n records", "", len(records))
        else:
            text = self.tr("Nothing recorded for order %1 at this station.")
        if fleet is not None and fleet.offline:
            text += " " + self.tr("The warehouse database is offline: only this desk's records are shown.")
        self._title.setText(fill(text, order_id))

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
            "shorten_requested": self.tr("Shortening asked of the Market"),
            "shorten_refused": self.tr("Shortening refused: the order is as it was"),
            "shorten_not_confirmed": self.tr("Shortening not confirmed: the order is as it was"),
            "order_cancelled": self.tr("Order cancelled by the shop"),
            "packing_interrupted": self.tr("Packing interrupted: the order changed"),
            "label_printed": self.tr("Labels printed"),
            "label_print_failed": self.tr("Label printing failed"),
            "labels_kept": self.tr("Labels kept: the boxes did not change"),
            "journal_row_quarantined": self.tr("Damaged journal line set aside"),
            "outbox_sent": self.tr("Saved action sent to the Market"),
            "outbox_already_done": self.tr("Saved action was already done on the Market"),
            "outbox_skipped": self.tr("Saved action skipped: no longer valid"),
            "outbox_rejected": self.tr("Saved action refused by the Market"),
            "outbox_needs_packer": self.tr("Saved action needs the packer"),
            "box_weighed": self.tr("Box weighed"),
            "box_weight_refused": self.tr("Submit stopped: box weight"),
            "box_weight_override": self.tr("Box weight accepted by the packer"),
            "video_clip": self.tr("Packing video recorded"),
            "order_opened": self.tr("Packing started"),
            "scan_refused": self.tr("Scan refused"),
            "shipment_confirmed": self.tr("Shipment confirmed"),
            "shipment_pallets": self.tr("Shipment pallets set"),
            "document_printed": self.tr("Document printed"),
            "packer_signed_in": self.tr("Packer signed in"),
            "packer_signed_out": self.tr("Packer signed out"),
        }

    def ask_export(self) -> None:
        """Ask where to save the order's video, then export it."""
        if self.order_id is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export video"), f"order-{self.order_id}.mp4", self.tr("MP4 video (*.mp4)")
        )
        if name:
            self.start_export(Path(name))

    def start_export(self, target: Path) -> asyncio.Task[bool]:
        """Start exporting the order's video to `target` on the running (qasync) loop."""
        work = self.export_video(target)
        if self._tasks is not None:
            self.export_task = self._tasks.run(work, name="video-export")
        else:
            self.export_task = asyncio.get_running_loop().create_task(work, name="video-export")
        return self.export_task

    async def export_video(self, target: Path) -> bool:
        """Export the order's clips as one MP4 at `target` in a worker thread, the GUI thread
        free meanwhile; the title says that it runs, then how it went. The clips are only read."""
        if self.order_id is None or self._video_clips is None:
            return False
        from packstation.devices.video_export import ExportError, export_clips

        order_id = self.order_id
        clips = self._video_clips(order_id)
        self.exporting = True
        self.export_button.setEnabled(False)
        self._title.setText(fill(self.tr("Saving the video of order %1…"), order_id))
        try:
            result = await asyncio.to_thread(_export_in_worker, self._exporter or export_clips, clips, target)
        finally:
            self.exporting = False
            self._enable_export()
        if isinstance(result, ExportError):
            self._title.setText(self._export_failure(result))
            return False
        text = fill(self.tr("Video of order %1 saved: %2"), order_id, result.out)
        if result.skipped:
            text += " " + self.tr("Unreadable clips skipped: %n.", "", len(result.skipped))
        self._title.setText(text)
        return True

    def _export_failure(self, error: ExportError) -> str:
        from packstation.devices.video_export import ExportFailure

        if error.reason is ExportFailure.NO_READABLE_CLIP:
            return self.tr("The video was not saved: none of the order's clips can be read.")
        if error.reason is ExportFailure.TARGET_IS_A_CLIP:
            return self.tr("The video was not saved: that file is the recording itself. Choose another name.")
        return fill(self.tr("The video was not saved: the file could not be written (%1)."), error.detail)

    def _enable_export(self) -> None:
        has_clips = self.order_id is not None and bool(self._video_clips and self._video_clips(self.order_id))
        self.export_button.setEnabled(has_clips and not self.exporting)

    def refresh(self) -> None:
        """Reload the order shown (after new actions were recorded)."""
        if self.order_id is not None:
            self.show_order(self.order_id)

    def title(self) -> str:
        """The text above the table (for tests and accessibility)."""
        return self._title.text()


def _export_in_worker(export: Exporter, clips: Sequence[Path], target: Path) -> ExportResult | ExportError:
    """The export, in the worker thread; a refusal comes back as a value. Raised, it would be
    re-raised in the view's coroutine and so carry the view's frame (the widget) in its traceback,
    while the worker's future still holds it: the worker could then drop the widget's last
    reference, and a Qt object freed off the GUI thread crashes the app."""
    from packstation.devices.video_export import ExportError

    try:
        return export(clips, target)
    except ExportError as error:
        return error


def _row(record: AuditLine, action: str) -> list[QStandardItem]:
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
