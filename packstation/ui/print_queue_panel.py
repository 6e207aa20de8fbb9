"""The print queue and the recent-labels drawer.

The queue lists this session's print jobs with their status (queued, printing, done, failed) and,
for a failed one, the error and what to do; Retry runs it again. The drawer lists the box labels
of the last orders; Reprint (or a double click) prints one box label again. The panel only shows
`LabelJob` state and forwards gestures to it.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packstation.printing.raster import render_pdf_mono_at
from packstation.services.label_job import JobKind, JobStatus, LabelJob, PrintJob
from packstation.ui import palette
from packstation.ui.format import fill, local_time
from packstation.ui.i18n import say
from packstation.ui.plain_text import plain_tooltip
from packstation.ui.tasks import TaskRunner

_JOB_ID = Qt.ItemDataRole.UserRole
_BOX = Qt.ItemDataRole.UserRole + 1  # (order id, box id) on a drawer row


class _JobRelay(QObject):
    """Carries job updates into the GUI thread, whichever thread `LabelJob` reports from."""

    changed = Signal(object)


class LabelPreviewDialog(QDialog):
    """Shows a job's pages as the 1-bit bitmaps a thermal printer prints, dot for dot."""

    def __init__(self, title: str, pages: list[QImage], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        content = QWidget()
        column = QVBoxLayout(content)
        self.pages: list[QLabel] = []
        for page in pages:
            label = QLabel(content)
            label.setPixmap(QPixmap.fromImage(page))
            label.setFrameShape(QLabel.Shape.Box)  # shows where the label ends
            column.addWidget(label)
            self.pages.append(label)
        scroll = QScrollArea(self)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.resize(min(content.sizeHint().width() + 40, 900), min(content.sizeHint().height() + 40, 800))


class PrintQueuePanel(QWidget):
    """Print queue with Retry, and the recent-labels drawer with Reprint.

    Args:
        label_job: The print queue service.
        tasks: Runs retries and reprints in the background and shows their errors.
        preview_dpi: The resolution previews are drawn at (the label printer's).
    """

    def __init__(
        self,
        label_job: LabelJob,
        *,
        tasks: TaskRunner,
        preview_dpi: int = 203,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.preview_dpi = preview_dpi
        self.preview_dialog: LabelPreviewDialog | None = None
        self._labels = label_job
        self._tasks = tasks
        self._rows: dict[int, QTreeWidgetItem] = {}

        self.queue = QTreeWidget(self)
        self.queue.setHeaderLabels([self.tr("Job"), self.tr("Boxes"), self.tr("Status"), self.tr("Problem")])
        self.queue.setRootIsDecorated(False)
        self.queue.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setEnabled(False)
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.setEnabled(False)

        self.drawer_button = QPushButton(self.tr("Recent labels"), self)
        self.drawer_button.setCheckable(True)
        self.drawer_button.setChecked(True)
        self.drawer = QWidget(self)
        self.recent = QTreeWidget(self.drawer)
        self.recent.setHeaderLabels([self.tr("Order / box"), self.tr("Printed")])
        self.reprint_button = QPushButton(self.tr("Reprint"), self.drawer)
        self.reprint_button.setEnabled(False)
        drawer_layout = QVBoxLayout(self.drawer)
        drawer_layout.setContentsMargins(0, 0, 0, 0)
        drawer_layout.addWidget(self.recent)
        drawer_layout.addWidget(self.reprint_button)

        queue_box = QWidget(self)
        queue_layout = QVBoxLayout(queue_box)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.addWidget(QLabel(self.tr("Print queue"), queue_box))
        queue_layout.addWidget(self.queue)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.drawer_button)
        queue_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(queue_box)
        splitter.addWidget(self.drawer)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.queue.itemSelectionChanged.connect(self._queue_selection)
        self.recent.itemSelectionChanged.connect(self._recent_selection)
        self.retry_button.clicked.connect(self.retry_selected)
        self.preview_button.clicked.connect(self.preview_selected)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.recent.itemDoubleClicked.connect(lambda item, _column: self._reprint_item(item))
        self.drawer_button.toggled.connect(self.drawer.setVisible)

        self._relay = _JobRelay(self)
        self._relay.changed.connect(self._job_changed)
        label_job.subscribe(self._relay.changed.emit)
        for job in label_job.jobs():
            self._show_job(job)
        self._fill_recent()

    # -- gestures ------------------------------------------------------------------------------

    def retry_selected(self) -> None:
        """Retry the selected failed job."""
        item = self.queue.currentItem()
        if item is None:
            return
        job = self._labels.job(int(item.data(0, _JOB_ID)))
        if job.status is JobStatus.FAILED:
            # Enabled again by the job's own state (FAILED), not when the task ends.
            self.retry_button.setEnabled(False)
            self._tasks.run(self._labels.retry(job.id), name=f"retry job {job.id}")

    def preview_selected(self) -> None:
        """Show the selected job's pages as they print (rendered off the GUI thread)."""
        item = self.queue.currentItem()
        if item is None:
            return
        job = self._labels.job(int(item.data(0, _JOB_ID)))
        if job.pdf is not None:
            preview = self._preview(job, job.pdf)
            self._tasks.run(preview, trigger=self.preview_button, name=f"preview {job.id}")

    async def _preview(self, job: PrintJob, pdf: bytes) -> None:
        pages = await asyncio.to_thread(render_pdf_mono_at, pdf, dpi=self.preview_dpi)
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        self.preview_dialog = LabelPreviewDialog(self._job_title(job), pages, self)
        self.preview_dialog.show()

    def reprint_selected(self) -> None:
        """Reprint the box label selected in the drawer."""
        item = self.recent.currentItem()
        if item is not None:
            self._reprint_item(item)

    def reprint_scanned(self, order_id: int, box_no: int) -> None:
        """Reprint a scanned box label `<orderId>-<box_no>` (the scanner's REPRINT routing)."""
        self._tasks.run(self._labels.reprint_box_no(order_id, box_no), name=f"reprint {order_id}-{box_no}")

    def _reprint_item(self, item: QTreeWidgetItem) -> None:
        box = item.data(0, _BOX)
        if box is None:
            return
        order_id, box_id = box
        self._tasks.run(
            self._labels.reprint_box(order_id, box_id), trigger=self.reprint_button, name=f"reprint {box_id}"
        )

    # -- state ---------------------------------------------------------------------------------

    def _job_changed(self, job: PrintJob) -> None:
        self._show_job(job)
        if job.kind is JobKind.LABELS:
            self._fill_recent()
        self._queue_selection()

    def _show_job(self, job: PrintJob) -> None:
        item = self._rows.get(job.id)
        if item is None:
            item = QTreeWidgetItem()
            item.setData(0, _JOB_ID, job.id)
            self.queue.insertTopLevelItem(0, item)  # newest on top
            self._rows[job.id] = item
        item.setText(0, self._job_title(job))
        item.setText(1, ", ".join(str(box) for box in job.box_ids))
        item.setText(2, self.tr("VOID") if job.void else self._status_text(job.status))
        problem = say(job.error) if job.error is not None else ""
        if job.void:
            problem = fill(self.tr("Replaced by new labels: peel off %1"), self._void_labels(job))
        item.setText(3, problem)
        item.setToolTip(3, plain_tooltip(problem))
        font = item.font(0)
        font.setStrikeOut(job.void)  # a void job's row: struck out in red
        for column in range(self.queue.columnCount()):
            item.setFont(column, font)
            item.setForeground(column, QBrush(QColor(palette.RED)) if job.void else QBrush())

    def _void_labels(self, job: PrintJob) -> str:
        """The void labels as the packer finds them on the boxes: "7-1 (box 11), 7-2 (box 12)"."""
        if job.kind is JobKind.LABELS:
            refs = (f"{job.order_id}-{n} ({box})" for n, box in enumerate(job.box_ids, start=1))
            return ", ".join(refs)
        return ", ".join(fill(self.tr("box %1"), str(box)) for box in job.box_ids)

    def _job_title(self, job: PrintJob) -> str:
        kinds = {
            JobKind.LABELS: self.tr("Labels of order %1"),
            JobKind.REPRINT: self.tr("Reprint for order %1"),
            JobKind.SLIP: self.tr("Packing slips of order %1"),
        }
        return fill(kinds[job.kind], str(job.order_id))

    def _status_text(self, status: JobStatus) -> str:
        texts = {
            JobStatus.QUEUED: self.tr("queued"),
            JobStatus.PRINTING: self.tr("printing"),
            JobStatus.DONE: self.tr("done"),
            JobStatus.FAILED: self.tr("failed"),
        }
        return texts[status]

    def _fill_recent(self) -> None:
        selected = self.recent.currentItem()
        keep = selected.data(0, _BOX) if selected is not None else None
        self.recent.clear()
        for job in self._labels.recent():
            order = QTreeWidgetItem([fill(self.tr("Order %1"), str(job.order_id)), ""])
            order.setText(1, local_time(job.created_at))
            self.recent.addTopLevelItem(order)
            # The Market may have renumbered the boxes since (labels kept for the same boxes).
            box_ids = self._labels.current_boxes(job.order_id) or job.box_ids
            for number, box_id in enumerate(box_ids, start=1):
                text = fill(self.tr("Box %1 of %2"), str(number), str(len(box_ids)))
                row = QTreeWidgetItem([f"{text} · {job.order_id}-{number}", ""])
                row.setData(0, _BOX, (job.order_id, box_id))
                order.addChild(row)
                if keep == (job.order_id, box_id):
                    self.recent.setCurrentItem(row)
            order.setExpanded(True)
        self._recent_selection()

    def _queue_selection(self) -> None:
        item = self.queue.currentItem()
        job = self._labels.job(int(item.data(0, _JOB_ID))) if item is not None else None
        self.retry_button.setEnabled(job is not None and job.status is JobStatus.FAILED and not job.void)
        self.preview_button.setEnabled(job is not None and job.pdf is not None)

    def _recent_selection(self) -> None:
        item = self.recent.currentItem()
        self.reprint_button.setEnabled(item is not None and item.data(0, _BOX) is not None)
