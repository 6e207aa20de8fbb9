"""Printing label PDFs on an installed printer through Qt, dot for dot.

Each job runs in a worker thread (QPdfDocument, QImage and QPrinter painting are all allowed off
the GUI thread), so the window never waits for PDFium or the spooler.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from packstation.domain.errors import PrintError
from packstation.domain.labels import LabelFormat
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.printing.config import PrinterProfile
from packstation.printing.cups_options import apply_darkness
from packstation.printing.raster import media_layout, mm_to_dots, page_dots, render_pdf_mono

log = logging.getLogger("packstation.print")

# One job at a time per process: pages of two jobs must never interleave on a label roll.
_SPOOL_LOCK = threading.Lock()
# A page the driver changed by more than this (in mm) would print scaled or cut off.
_MEDIA_TOLERANCE_MM = 1.0


class SystemPrinter:
    """A `LabelPrinterPort` for an installed printer (or, for support and tests, a PDF file).

    Every PDF page is rendered at the printer's resolution, thresholded to 1 bit and painted 1:1
    onto a page of exactly the media size, full page, zero margins, shifted by the profile's
    offsets and turned when the profile says the printer feeds the label sideways.

    Args:
        profile: The printer name, DPI, offsets, rotation and darkness.
        output_file: Instead of the named printer, write exactly what it would receive into this
            PDF file (Qt's PDF engine at the profile's DPI).
    """

    def __init__(self, profile: PrinterProfile, *, output_file: Path | None = None) -> None:
        self.profile = profile
        self.output_file = output_file

    async def print_pdf(self, pdf: bytes, *, title: str, fmt: LabelFormat) -> None:
        """Print every page of `pdf` as one job named `title`; raises `PrintError`."""
        await asyncio.to_thread(self.print_blocking, pdf, title=title, fmt=fmt)

    def print_blocking(self, pdf: bytes, *, title: str, fmt: LabelFormat) -> None:
        """The same as `print_pdf`, in the calling thread."""
        with _SPOOL_LOCK:
            printer = self._open(title)
            dots = self._set_media(printer, fmt)
            pages = render_pdf_mono(pdf, target=dots, dpi=printer.resolution(), rotate=self.profile.rotate)
            self._paint(printer, pages)
        log.info("printed %s: %d page(s) %s on %s", title, len(pages), fmt.value, self._name())

    def _name(self) -> str:
        return str(self.output_file) if self.output_file else self.profile.printer_name

    def _open(self, title: str) -> QPrinter:
        if self.output_file is not None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.output_file))
        else:
            info = QPrinterInfo.printerInfo(self.profile.printer_name)
            if info.isNull():
                raise unknown_printer(self.profile.printer_name)
            if info.state() == QPrinter.PrinterState.Error:
                raise printer_offline(self.profile.printer_name)
            printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
            if self.profile.darkness is not None:
                apply_darkness(printer, self.profile.darkness)
        printer.setDocName(title)
        printer.setCreator("Packstation")
        printer.setResolution(self.profile.dpi)
        printer.setFullPage(True)
        return printer

    def _set_media(self, printer: QPrinter, fmt: LabelFormat) -> QSize:
        wanted = media_layout(fmt.size_mm, rotate=self.profile.rotate)
        printer.setPageLayout(wanted)
        got = printer.pageLayout().fullRectPoints().size()
        want = wanted.fullRectPoints().size()
        drift_mm = max(abs(got.width() - want.width()), abs(got.height() - want.height())) * 25.4 / 72
        if drift_mm > _MEDIA_TOLERANCE_MM:
            raise media_refused(self._name(), wanted.pageSize().name())
        # Size the bitmap from what Qt will really paint (it rounds pages to whole points) and at
        # the resolution the driver accepted, not at the one we asked for.
        return page_dots(printer.pageLayout(), printer.resolution())

    def _paint(self, printer: QPrinter, pages: list[QImage]) -> None:
        dpi = printer.resolution()
        offset = QPoint(mm_to_dots(self.profile.offset_x_mm, dpi), mm_to_dots(self.profile.offset_y_mm, dpi))
        painter = QPainter()
        if not painter.begin(printer):
            raise printer_offline(self._name())
        painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)  # never JPEG a label
        try:
            for index, page in enumerate(pages):
                if index and not printer.newPage():
                    raise printer_offline(self._name())
                painter.drawImage(offset, page)
        finally:
            painter.end()
        if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            raise printer_offline(self._name())


def unknown_printer(name: str) -> PrintError:
    return PrintError(
        QT_TRANSLATE_NOOP("SystemPrinter", "Printer “%1” was not found.")(name),
        hint=QT_TRANSLATE_NOOP(
            "SystemPrinter",
            "Check that it is switched on and installed, or choose another one in the print settings.",
        ),
    )


def printer_offline(name: str) -> PrintError:
    return PrintError(
        QT_TRANSLATE_NOOP("SystemPrinter", "Printer “%1” did not accept the job.")(name),
        hint=QT_TRANSLATE_NOOP("SystemPrinter", "Check power, cable, labels and ribbon, then press Retry."),
    )


def media_refused(name: str, media: str) -> PrintError:
    return PrintError(
        QT_TRANSLATE_NOOP("SystemPrinter", "Printer “%1” does not accept the %2 page size.")(name, media),
        hint=QT_TRANSLATE_NOOP(
            "SystemPrinter",
            "Create this label size in the printer driver's settings or choose another format.",
        ),
    )
