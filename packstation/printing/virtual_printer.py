"""The virtual printer: each job becomes a PDF file in a folder, with optional PNG previews.

It is the default when no printer is configured (demo mode, stations without a thermal
printer) and what `--print-to DIR` selects. The Market's PDF is kept byte for byte; previews
show the 1-bit bitmap a thermal printer at the profile's DPI would print.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from packstation.domain.errors import PrintError
from packstation.domain.labels import LabelFormat
from packstation.domain.message import QT_TRANSLATE_NOOP

# The rasteriser (QtPdf) is imported by `preview`: writing PDFs, the default job, needs no Qt.
if TYPE_CHECKING:
    from PySide6.QtGui import QImage

log = logging.getLogger("packstation.print")

_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)


class VirtualPrinter:
    """A `LabelPrinterPort` writing every job as `<timestamp>-<title>.pdf` into `folder`.

    Args:
        folder: Created on the first job if missing.
        dpi: The resolution previews are rendered at.
    """

    def __init__(self, folder: Path, *, dpi: int = 203) -> None:
        self.folder = folder
        self.dpi = dpi
        self.written: list[Path] = []

    async def print_pdf(self, pdf: bytes, *, title: str, fmt: LabelFormat) -> None:
        """Write `pdf` into the folder; raises `PrintError` if it is not a PDF or cannot be written."""
        if not pdf.startswith(b"%PDF"):
            raise PrintError(
                QT_TRANSLATE_NOOP("VirtualPrinter", "The print job is not a PDF."),
                hint=QT_TRANSLATE_NOOP("VirtualPrinter", "Fetch the labels again."),
            )
        path = await asyncio.to_thread(self._write, pdf, title)
        self.written.append(path)
        log.info("virtual printer wrote %s (%s)", path, fmt.value)

    def _write(self, pdf: bytes, title: str) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        name = _UNSAFE.sub("_", title).strip("_")[:60] or "job"
        path = self.folder / f"{stamp}-{name}.pdf"
        partial = path.with_suffix(".part")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(pdf)
            os.replace(partial, path)  # a reader never sees half a PDF
        except OSError as exc:
            raise PrintError(
                QT_TRANSLATE_NOOP("VirtualPrinter", "Could not write the PDF into %1: %2.")(
                    self.folder, exc.strerror
                ),
                hint=QT_TRANSLATE_NOOP(
                    "VirtualPrinter", "Choose another virtual printer folder in the print settings."
                ),
            ) from exc
        return path

    def preview(self, path: Path) -> list[QImage]:
        """The 1-bit bitmaps a thermal printer at `dpi` would print for the PDF at `path`."""
        try:
            pdf = path.read_bytes()
        except OSError as exc:
            raise PrintError(
                QT_TRANSLATE_NOOP("VirtualPrinter", "Could not open %1: %2.")(path.name, exc.strerror)
            ) from exc
        from packstation.printing.raster import render_pdf_mono_at

        return render_pdf_mono_at(pdf, dpi=self.dpi)

    def write_previews(self, path: Path) -> list[Path]:
        """Save `preview(path)` as PNG files next to the PDF (`<name>-1.png`, ...)."""
        out = []
        for number, image in enumerate(self.preview(path), start=1):
            png = path.with_name(f"{path.stem}-{number}.png")
            if not image.save(str(png)):  # format from the suffix
                raise PrintError(QT_TRANSLATE_NOOP("VirtualPrinter", "Could not save %1.")(png.name))
            out.append(png)
        return out
