"""The print settings page of the settings dialog: label and document printer profiles.

Each profile picks a printer from `QPrinterInfo.availablePrinters()` (or the virtual PDF printer,
the default), the media, DPI, offsets, rotation and darkness, and can print a calibration label
with exactly the values on screen, before they are saved.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.labels import LabelFormat
from packstation.printing.config import COMMON_DPI, PrinterProfile, PrintingSettings
from packstation.ui.format import fill
from packstation.ui.plain_text import plain_label
from packstation.ui.tasks import TaskRunner

TestLabelPrinter = Callable[[PrinterProfile, LabelFormat], Coroutine[Any, Any, None]]
"""Prints the calibration label with an unsaved profile (`printing.factory.print_test_label`)."""

_NO_DARKNESS = -1  # the spin box's special value: leave darkness to the driver
_MEDIA_MATCH_MM = 1.5


class ProfileEditor(QGroupBox):
    """Edits one `PrinterProfile` plus its media.

    Signals:
        test_requested(object, object): the profile on screen and the media, for a test label.
    """

    test_requested = Signal(object, object)

    def __init__(
        self, title: str, profile: PrinterProfile, media: LabelFormat, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self._profile = profile
        form = QFormLayout(self)

        self.printer = QComboBox(self)
        self.printer.addItem(self.tr("Virtual printer (PDF files)"), "")
        for info in QPrinterInfo.availablePrinters():
            self.printer.addItem(info.printerName(), info.printerName())
        if profile.printer_name and self.printer.findData(profile.printer_name) < 0:
            missing = fill(self.tr("%1 (not found)"), profile.printer_name)
            self.printer.addItem(missing, profile.printer_name)
        self.printer.setCurrentIndex(max(0, self.printer.findData(profile.printer_name)))
        form.addRow(self.tr("Printer:"), self.printer)

        self.media = QComboBox(self)
        for fmt in LabelFormat:
            width, height = fmt.size_mm
            self.media.addItem(f"{width:g} × {height:g} mm ({fmt.value})", fmt.value)
        self.media.setCurrentIndex(self.media.findData(media.value))
        form.addRow(self.tr("Media:"), self.media)

        self.dpi = QComboBox(self)
        form.addRow(self.tr("Resolution (dpi):"), self.dpi)

        self.offset_x = self._offset_box(profile.offset_x_mm)
        self.offset_y = self._offset_box(profile.offset_y_mm)
        form.addRow(self.tr("Offset right (mm):"), self.offset_x)
        form.addRow(self.tr("Offset down (mm):"), self.offset_y)

        self.rotate = QCheckBox(self.tr("The printer feeds labels sideways (rotate by 90°)"), self)
        self.rotate.setChecked(profile.rotate)
        form.addRow("", self.rotate)

        self.darkness = QSpinBox(self)
        self.darkness.setRange(_NO_DARKNESS, 30)
        self.darkness.setSpecialValueText(self.tr("printer default"))
        self.darkness.setValue(_NO_DARKNESS if profile.darkness is None else profile.darkness)
        self.darkness.setToolTip(self.tr("Used where the driver supports it (CUPS Zebra): 1 light … 30 dark"))
        form.addRow(self.tr("Darkness:"), self.darkness)

        self.warning = plain_label(parent=self)
        self.warning.setWordWrap(True)
        self.warning.setObjectName("mediaWarning")
        form.addRow("", self.warning)

        self.test_button = QPushButton(self.tr("Print test label"), self)
        self.test_button.clicked.connect(self._request_test)
        form.addRow("", self.test_button)

        self.printer.currentIndexChanged.connect(self._printer_changed)
        self.media.currentIndexChanged.connect(self._check_media)
        self._printer_changed()
        self._select_dpi(profile.dpi)

    def _request_test(self) -> None:
        self.test_requested.emit(self.profile(), self.media_format())

    def _offset_box(self, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(-10.0, 10.0)
        box.setSingleStep(0.1)
        box.setDecimals(1)
        box.setValue(value)
        return box

    def _info(self) -> QPrinterInfo | None:
        name = str(self.printer.currentData() or "")
        if not name:
            return None
        info = QPrinterInfo.printerInfo(name)
        return None if info.isNull() else info

    def _printer_changed(self) -> None:
        # Offer the resolutions the driver reports, else the common thermal ones.
        current = self.dpi_value()
        info = self._info()
        resolutions = info.supportedResolutions() if info else []
        reported = sorted({dpi for dpi in resolutions if 100 <= dpi <= 1200})
        self.dpi.clear()
        for dpi in reported or COMMON_DPI:
            self.dpi.addItem(str(dpi), dpi)
        self._select_dpi(current or self._profile.dpi)
        self._check_media()

    def _select_dpi(self, dpi: int) -> None:
        index = self.dpi.findData(dpi)
        if index < 0:
            self.dpi.addItem(str(dpi), dpi)
            index = self.dpi.count() - 1
        self.dpi.setCurrentIndex(index)

    def _check_media(self) -> None:
        """Warn when the printer reports page sizes and none matches the media (either way round)."""
        info = self._info()
        sizes = info.supportedPageSizes() if info else []
        width, height = self.media_format().size_mm
        for size in sizes:
            got = size.size(size.Unit.Millimeter)
            for w, h in ((width, height), (height, width)):
                if abs(got.width() - w) <= _MEDIA_MATCH_MM and abs(got.height() - h) <= _MEDIA_MATCH_MM:
                    self.warning.clear()
                    return
        if sizes:
            self.warning.setText(
                fill(
                    self.tr(
                        "The printer does not list a %1 × %2 mm size: create it in the driver's settings."
                    ),
                    f"{width:g}",
                    f"{height:g}",
                )
            )
        else:
            self.warning.clear()

    def dpi_value(self) -> int:
        data = self.dpi.currentData()
        return int(data) if data is not None else 0

    def media_format(self) -> LabelFormat:
        return LabelFormat(str(self.media.currentData()))

    def profile(self) -> PrinterProfile:
        """The profile as currently on screen (validated by pydantic)."""
        darkness = self.darkness.value()
        return PrinterProfile(
            printer_name=str(self.printer.currentData() or ""),
            dpi=self.dpi_value() or self._profile.dpi,
            offset_x_mm=round(self.offset_x.value(), 1),
            offset_y_mm=round(self.offset_y.value(), 1),
            rotate=self.rotate.isChecked(),
            darkness=None if darkness == _NO_DARKNESS else darkness,
        )


class PrinterSettingsPage(QWidget):
    """The print settings: label and document profiles and label options.

    Args:
        settings: The current print settings (not modified; read the result with `settings()`).
        tasks: Runs the test print in the background and reports its errors.
        print_test_label: Prints the calibration label with an unsaved profile.
    """

    def __init__(
        self,
        settings: PrintingSettings,
        *,
        tasks: TaskRunner,
        print_test_label: TestLabelPrinter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = settings
        self._tasks = tasks
        self._print_test_label = print_test_label
        layout = QVBoxLayout(self)

        self.labels = ProfileEditor(self.tr("Shipping labels"), settings.labels, settings.label_format, self)
        documents_title = self.tr("Documents (packing slips, command sheet)")
        self.documents = ProfileEditor(documents_title, settings.documents, settings.document_format, self)
        layout.addWidget(self.labels)
        layout.addWidget(self.documents)

        options = QGroupBox(self.tr("Options"), self)
        form = QFormLayout(options)
        self.render_from_data = QCheckBox(self.tr("Render labels from label data (drivers that mangle PDFs)"))
        self.render_from_data.setChecked(settings.render_from_data)
        form.addRow("", self.render_from_data)
        self.packing_slip = QCheckBox(self.tr("Print a packing slip per box on the documents printer"))
        self.packing_slip.setChecked(settings.packing_slip)
        form.addRow("", self.packing_slip)
        self.virtual_dir = QLineEdit(settings.virtual_dir, options)
        self.virtual_dir.setPlaceholderText(self.tr("<data folder>/labels"))
        form.addRow(self.tr("Virtual printer folder:"), self.virtual_dir)
        self.recent_orders = QSpinBox(options)
        self.recent_orders.setRange(1, 500)
        self.recent_orders.setValue(settings.recent_orders)
        form.addRow(self.tr("Recent orders to keep for reprints:"), self.recent_orders)
        layout.addWidget(options)

        self.status = plain_label(parent=self)
        self.status.setWordWrap(True)
        self.status.setObjectName("testLabelStatus")
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.labels.test_requested.connect(lambda p, f: self._test(p, f, self.labels.test_button))
        self.documents.test_requested.connect(lambda p, f: self._test(p, f, self.documents.test_button))

    def _test(self, profile: PrinterProfile, fmt: LabelFormat, button: QPushButton) -> None:
        self.status.setText(self.tr("Printing the test label…"))
        task = self._tasks.run(self._print_test_label(profile, fmt), trigger=button, name="test label")
        task.add_done_callback(lambda done: self._tested(done.cancelled() or done.exception() is not None))

    def _tested(self, failed: bool) -> None:
        # The task runner shows the error itself; here only the outcome line.
        text = self.tr("The test label failed.") if failed else self.tr("The test label was sent.")
        self.status.setText(text)

    def _virtual_dir(self) -> str:
        text = self.virtual_dir.text().strip()
        return str(Path(text).expanduser()) if text else ""

    def settings(self) -> PrintingSettings:
        """The edited settings; fields this page does not show keep their values."""
        return self._original.model_copy(
            update={
                "labels": self.labels.profile(),
                "label_format": self.labels.media_format(),
                "documents": self.documents.profile(),
                "document_format": self.documents.media_format(),
                "render_from_data": self.render_from_data.isChecked(),
                "packing_slip": self.packing_slip.isChecked(),
                "virtual_dir": self._virtual_dir(),
                "recent_orders": self.recent_orders.value(),
            }
        )
