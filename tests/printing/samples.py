"""Sample box labels and label PDFs for the printing tests, plus a barcode reader.

`market_like_pdf` draws what the Market's label PDFs contain that matters to a printer: a vector
Code 128 of the fulfilment id, Cyrillic text, and a small raster 2D code scaled by a non-integer
factor (the case that rendered with ragged, dithered edges in research/domain.md 5.2).
"""

from __future__ import annotations

import io
from datetime import date

import numpy as np
import zxingcpp
from PIL import Image
from PySide6.QtGui import QImage
from reportlab.graphics.barcode import code128
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from packstation.domain.labels import BoxLabel, LabelFormat, OrderLabels
from packstation.printing.fonts import register_fonts

DOT_203_MM = 25.4 / 203


def order_labels(order_id: int = 7206821, boxes: int = 3) -> OrderLabels:
    return OrderLabels(
        order_id=order_id,
        places=boxes,
        boxes=tuple(
            BoxLabel(
                order_id=order_id,
                order_num=str(order_id),
                box_id=900 + n,
                fulfilment_id=f"{order_id}-{n}",
                place=f"{n}/{boxes}",
                supplier_name="ООО «Ромашка»",
                delivery_service_name="Яндекс Маркет",
                delivery_service_id="1005",
                recipient_name="Иванова А. П.",
                shipment_date=date(2026, 11, 24),
            )
            for n in range(1, boxes + 1)
        ),
    )


def market_like_pdf(
    labels: OrderLabels,
    fmt: LabelFormat = LabelFormat.A9_HORIZONTALLY,
    *,
    page_mm: tuple[float, float] | None = None,
) -> bytes:
    """One page per box with a vector Code 128 and a scaled raster DataMatrix.

    The label is drawn at `fmt`'s size, centred on a page of `page_mm` (default: the same size).
    """
    regular, bold = register_fonts()
    width, height = (v * mm for v in fmt.size_mm)
    page_w, page_h = (v * mm for v in page_mm) if page_mm else (width, height)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(page_w, page_h))
    for box in labels.boxes:
        pdf.translate((page_w - width) / 2, (page_h - height) / 2)
        bar_height = min(12 * mm, height / 4)
        bar = code128.Code128(box.fulfilment_id, barHeight=bar_height, barWidth=2 * DOT_203_MM * mm)
        bar.drawOn(pdf, (width - bar.width) / 2, height * 0.45)
        pdf.setFont(bold, 9)
        pdf.drawString(3 * mm, height - 6 * mm, f"{box.fulfilment_id}  место {box.place}")
        pdf.setFont(regular, 6)
        pdf.drawString(3 * mm, height - 9 * mm, f"{box.supplier_name} → {box.recipient_name}")
        symbol = zxingcpp.create_barcode(str(box.box_id), zxingcpp.BarcodeFormat.DataMatrix)
        matrix = np.asarray(symbol.to_image(scale=1))
        # 2.37 dots per module at 203 dpi: the scaling a thermal pipeline must not dither.
        side = matrix.shape[0] * 0.297 * mm
        pdf.drawImage(ImageReader(Image.fromarray(matrix)), 3 * mm, 2 * mm, side, side)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def grey_dots(image: QImage) -> np.ndarray:
    """`image` as a height x width array of 8-bit grey levels (0 = ink), owning its memory.

    The array is copied out while the converted QImage is alive: `constBits()` does not keep the
    image alive, so a view over it would read freed memory once the temporary image is gone.
    """
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    view = np.frombuffer(grey.constBits(), dtype=np.uint8).reshape(grey.height(), grey.bytesPerLine())
    return view[:, : grey.width()].copy()


def decode(image: QImage) -> list[tuple[str, str]]:
    """All barcodes zxing-cpp finds in `image`, as sorted (format, text) pairs."""
    results = zxingcpp.read_barcodes(grey_dots(image))
    return sorted((str(r.format).rsplit(".", 1)[-1], r.text) for r in results)


def grey_levels(image: QImage) -> set[int]:
    return {int(v) for v in np.unique(grey_dots(image))}
