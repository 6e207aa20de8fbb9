"""Market shipping labels drawn with reportlab from label data: one page per box, in each of the
Market's formats, with the fulfilment id as a Code 128 barcode whose narrowest bar is a whole
number of 203-dpi printer dots (so thermal printers reproduce it without uneven bars) and
Cyrillic text in the embedded DejaVu font.

Used by the sandbox for its label PDFs and by the app to render labels from labels data.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from packstation.domain.labels import BoxLabel, LabelFormat, OrderLabels

# reportlab (~0.1 s to import) is imported inside the functions: the app refers to
# `render_labels` while starting up but draws the first label much later.
if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

DOT = 72.0 / 203.0  # one 203-dpi printer dot in points
A4_LABEL_MM = (75.0, 120.0)  # an A4 sheet carries the label in the A7 size, top-left


def render_labels(labels: OrderLabels, fmt: LabelFormat) -> bytes:
    """Render one PDF page per box of `labels` in format `fmt`.

    Args:
        labels: what each box's label says (from labels data or the sandbox's state).
        fmt: the Market's page format; A4 puts one A7-sized label on each sheet.

    Returns:
        The PDF document as bytes (an empty order yields a single blank page).
    """
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from packstation.printing.fonts import register_fonts

    regular, bold = register_fonts()
    page_w, page_h = (v * mm for v in fmt.size_mm)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(page_w, page_h), pageCompression=1)
    canvas.setTitle(f"Labels {labels.order_id}")
    canvas.setCreator("Packstation")
    if fmt is LabelFormat.A4:
        label_w, label_h = A4_LABEL_MM[0] * mm, A4_LABEL_MM[1] * mm
        origin = (10 * mm, page_h - 10 * mm - label_h)
    else:
        label_w, label_h, origin = page_w, page_h, (0.0, 0.0)
    for box in labels.boxes:
        canvas.saveState()
        canvas.translate(*origin)
        _draw_label(canvas, box, label_w, label_h, regular, bold)
        canvas.restoreState()
        canvas.showPage()
    if not labels.boxes:
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def barcode_bar_width(value: str, available: float, max_dots: int = 4) -> float:
    """The widest whole-dot bar width (points) at which the Code 128 of `value` fits `available`."""
    from reportlab.graphics.barcode.code128 import Code128

    for dots in range(max_dots, 0, -1):
        if Code128(value, barWidth=dots * DOT, quiet=False).width <= available:
            return dots * DOT
    return DOT


def _fit(text: str, font: str, size: float, width: float) -> tuple[str, float]:
    """`text` and the largest font size <= `size` at which it fits `width`; below 70 % of `size`
    (and never under 4 pt) the text is shortened with an ellipsis instead, to stay legible."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    actual = stringWidth(text, font, size)
    if actual <= width:
        return text, size
    smallest = max(4.0, size * 0.7)
    fitted = size * width / actual
    if fitted >= smallest:
        return text, fitted
    while len(text) > 1 and stringWidth(text + "…", font, smallest) > width:
        text = text[:-1]
    return text.rstrip() + "…", smallest


def _draw_label(canvas: Canvas, box: BoxLabel, w: float, h: float, regular: str, bold: str) -> None:
    from reportlab.graphics.barcode.code128 import Code128
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    margin = 1.5 * mm if min(w, h) < 50 * mm else 3 * mm
    inner = w - 2 * margin
    scale = min(w, h) / (40 * mm)  # type sizes were tuned on the 40 mm short side of A9
    y = h - margin
    # Header: order number (left) and place n/N (right, large).
    place_size = 11 * scale
    place_w = stringWidth(box.place, bold, place_size)
    header = f"Заказ {box.order_num}"
    header, header_size = _fit(header, bold, 7 * scale, inner - place_w - 2 * mm)
    y -= place_size
    canvas.setFont(bold, place_size)
    canvas.drawRightString(w - margin, y, box.place)
    canvas.setFont(bold, header_size)
    canvas.drawString(margin, y, header)
    lines = [
        (box.delivery_service_name, regular),
        ("Отгрузка: " + box.shipment_date.strftime("%d.%m.%Y") if box.shipment_date else "", regular),
        ("Получатель: " + box.recipient_name, regular),
        ("Продавец: " + box.supplier_name, regular),
    ]
    if box.delivery_address and h > 100 * mm:
        lines.append(("Адрес: " + box.delivery_address, regular))
    text_size = 5 * scale
    footer_h = len(lines) * text_size * 1.2 + margin
    # Barcode between header and footer; its text right under the bars.
    id_size = 6 * scale
    top = y - 1.5 * mm
    bar_h = min(max(6 * mm, top - footer_h - id_size * 1.4), 0.4 * h)
    bar_width = barcode_bar_width(box.fulfilment_id, inner)
    barcode = Code128(box.fulfilment_id, barWidth=bar_width, barHeight=bar_h, quiet=False)
    x = margin + (inner - barcode.width) / 2
    x = round(x / DOT) * DOT  # start on the printer's dot grid
    barcode.drawOn(canvas, x, top - bar_h)
    canvas.setFont(bold, id_size)
    canvas.drawCentredString(w / 2, top - bar_h - id_size * 1.1, box.fulfilment_id)
    # The details follow the barcode text (on tall labels the barcode height is capped).
    y = max(footer_h - margin, top - bar_h - id_size * 1.1 - text_size * 1.8)
    for text, font in lines:
        if not text:
            continue
        text, size = _fit(text, font, text_size, inner)
        canvas.setFont(font, size)
        canvas.drawString(margin, y, text)
        y -= text_size * 1.2
