"""The calibration label behind "print test label": a ruler, an edge frame and barcodes.

Printed at the label size through the same pipeline as shipping labels, it shows the packer
whether the media size, the offsets and the darkness are right: the frame must sit on the
label's edges, the millimetre ticks must measure true, and both barcodes must scan.
"""

from __future__ import annotations

import io

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from packstation.domain.labels import LabelFormat
from packstation.printing.config import PrinterProfile
from packstation.printing.fonts import register_fonts

TEST_QR = "PACKSTATION CALIBRATION"


def render_test_label(fmt: LabelFormat, profile: PrinterProfile) -> bytes:
    """A one-page calibration label PDF of exactly `fmt`'s size.

    Args:
        fmt: The label media.
        profile: Its DPI sizes barcode modules to whole dots; its settings are printed on it.
    """
    regular, bold = register_fonts()
    width, height = (side * mm for side in fmt.size_mm)
    dot = 25.4 / profile.dpi * mm
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle("Packstation test label")

    # The frame is drawn on the very edge: a missing side means the offset pushes it off the label.
    pdf.setLineWidth(2 * dot)
    pdf.rect(dot, dot, width - 2 * dot, height - 2 * dot)
    _ruler(pdf, width, height, regular)

    # Barcode modules are whole printer dots, so the bitmap needs no rounding.
    bar = code128.Code128(test_code128(profile), barWidth=2 * dot, barHeight=min(8 * mm, height / 5))
    bar_top = height - 8 * mm
    bar.drawOn(pdf, (width - bar.width) / 2, bar_top - bar.barHeight)
    qr_side = min(14 * mm, height / 3, width / 3)
    qr = QrCodeWidget(TEST_QR, barLevel="M")
    left, bottom, right, top = qr.getBounds()
    scale = [qr_side / (right - left), 0, 0, qr_side / (top - bottom), 0, 0]
    drawing = Drawing(qr_side, qr_side, transform=scale)
    drawing.add(qr)
    # Narrow labels stack the settings above the QR code; wide ones put them side by side.
    narrow = width < 50 * mm
    renderPDF.draw(drawing, pdf, width - qr_side - 3 * mm, 3 * mm)
    text_top = bar_top - bar.barHeight - 4 * mm if narrow else 3 * mm + 2 * 3 * mm
    size = 5 if narrow else 6
    darkness = "драйвер" if profile.darkness is None else str(profile.darkness)
    lines = (
        f"{fmt.size_mm[0]:g}×{fmt.size_mm[1]:g} мм, {profile.dpi} dpi",
        f"сдвиг {profile.offset_x_mm:+g}/{profile.offset_y_mm:+g} мм",
        f"поворот {'да' if profile.rotate else 'нет'}, темнота {darkness}",
    )
    for number, line in enumerate(lines):
        pdf.setFont(bold if number == 0 else regular, size)
        pdf.drawString(8 * mm, text_top - number * (size + 1.5), line)  # clear of the ruler
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_code128(profile: PrinterProfile) -> str:
    """What the test label's Code 128 says: short, so that it fits a 40 mm wide label."""
    return f"TEST{profile.dpi}"


def _ruler(pdf: canvas.Canvas, width: float, height: float, font: str) -> None:
    """Millimetre ticks along the top and left edges, longer every 5 and numbered every 10."""
    pdf.setLineWidth(0.2 * mm)
    pdf.setFont(font, 4)
    for step in range(1, int(width / mm)):
        x = step * mm
        length = 3 * mm if step % 5 == 0 else 1.5 * mm
        pdf.line(x, height, x, height - length)
        if step % 10 == 0:
            pdf.drawCentredString(x, height - 5 * mm, str(step))
    for step in range(1, int(height / mm)):
        y = height - step * mm
        length = 3 * mm if step % 5 == 0 else 1.5 * mm
        pdf.line(0, y, length, y)
        if step % 10 == 0:
            pdf.drawString(3.5 * mm, y - 1.2, str(step))
