"""A printable training sheet: every demo code as the packer would scan it — Chestny Znak CIS as
GS1 DataMatrix (FNC1 first, GS separators as FNC1), jewelry UIN as DataMatrix, GTD and RNPT as
Code 128 — grouped by product, with the codes the default rule fails marked as such. The symbols
are drawn by `printing.datamatrix`, as on the station's demo sheet."""

from __future__ import annotations

import io

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from packstation.printing.datamatrix import draw_marking_code
from packstation.printing.fonts import register_fonts
from packstation.sandbox import codes
from packstation.sandbox.model import UIN, Product

_CELL_W, _CELL_H = 31 * mm, 30 * mm
_MATRIX = 17 * mm
_MARGIN = 12 * mm
def render_training_sheet(catalogue: dict[str, Product], stock: dict[str, list[str]]) -> bytes:
    """The A4 training sheet PDF for a sandbox's catalogue and code stock."""
    regular, bold = register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setTitle("Коды для тренировки / Training codes")
    width, height = A4
    y = height - _MARGIN
    for offer_id, values in stock.items():
        product = catalogue[offer_id]
        matrix = product.cis_shape is not None or UIN in product.required
        cell_w = _CELL_W if matrix else (width - 2 * _MARGIN) / 2
        columns = int((width - 2 * _MARGIN) // cell_w)
        if y - 8 * mm - _CELL_H < _MARGIN:
            canvas.showPage()
            y = height - _MARGIN
        canvas.setFont(bold, 9)
        canvas.drawString(_MARGIN, y - 4 * mm, f"{product.name} ({offer_id}), GTIN {product.gtin14}")
        y -= 8 * mm
        for start in range(0, len(values), columns):
            if y - _CELL_H < _MARGIN:
                canvas.showPage()
                y = height - _MARGIN
            for column, value in enumerate(values[start : start + columns]):
                _draw_code(canvas, regular, product, value, _MARGIN + column * cell_w, y)
            y -= _CELL_H
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_code(canvas: Canvas, font: str, product: Product, value: str, x: float, top: float) -> None:
    if product.cis_shape is not None:
        draw_marking_code(canvas, value, x, top, _MATRIX, gs1=True)
        caption = codes.cis_serial(value)
        if caption.upper().startswith("BAD"):
            caption += " (брак/fails)"
    elif UIN in product.required:
        draw_marking_code(canvas, value, x, top, _MATRIX, gs1=False)
        caption = value
    else:
        barcode = Code128(value, barWidth=0.3 * mm, barHeight=_MATRIX * 0.6, quiet=False)
        barcode.drawOn(canvas, x, top - _MATRIX * 0.6)
        caption = value
    canvas.setFont(font, 5.5)
    canvas.drawString(x, top - _MATRIX - 3 * mm, caption[:34])
