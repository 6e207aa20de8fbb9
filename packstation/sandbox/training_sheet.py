"""A printable training sheet: every demo code as the packer would scan it — Chestny Znak CIS as
GS1 DataMatrix (FNC1 first, GS separators as FNC1), jewelry UIN as DataMatrix, GTD and RNPT as
Code 128 — grouped by product, with the codes the default rule fails marked as such."""

from __future__ import annotations

import io

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from packstation.printing.fonts import register_fonts
from packstation.sandbox import codes
from packstation.sandbox.model import UIN, Product

_CELL_W, _CELL_H = 31 * mm, 30 * mm
_MATRIX = 17 * mm
_MARGIN = 12 * mm
# AIs that may follow the serial in a CIS, longest first so "240" wins over "24".
_TAIL_AIS = ("8005", "3103", "240", "91", "92", "93", "17", "10")


def cis_to_gs1_brackets(code: str) -> str:
    """A CIS as zint's GS1 bracket notation, e.g. "[01]0460...[21]abc[93]Zjqw"."""
    head, *tail = code.lstrip(codes.GS).split(codes.GS)
    parts = [f"[01]{head[2:16]}", f"[21]{head[18:]}"]
    for segment in tail:
        ai = next((ai for ai in _TAIL_AIS if segment.startswith(ai)), segment[:2])
        parts.append(f"[{ai}]{segment[len(ai) :]}")
    return "".join(parts)


def _matrix(data: str, gs1: bool) -> tuple[list[tuple[float, float, float, float]], float]:
    """DataMatrix modules as rectangles (x, y from the top, w, h) and the symbol's size."""
    import zint  # imported here: only the training sheet needs the native encoder

    symbol = zint.Symbol()
    symbol.symbology = zint.Symbology.DATAMATRIX
    if gs1:  # otherwise the default plain data mode
        symbol.input_mode = zint.InputMode.GS1
    symbol.encode(data)
    symbol.buffer_vector()
    vector = symbol.vector
    rects = [(r.x, r.y, r.width, r.height) for r in vector.rectangles]
    return rects, float(vector.width)


def _draw_matrix(canvas: Canvas, data: str, gs1: bool, x: float, top: float) -> None:
    rects, size = _matrix(data, gs1)
    scale = _MATRIX / size
    path = canvas.beginPath()
    for rx, ry, rw, rh in rects:
        path.rect(x + rx * scale, top - (ry + rh) * scale, rw * scale, rh * scale)
    canvas.drawPath(path, stroke=0, fill=1)


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
        _draw_matrix(canvas, cis_to_gs1_brackets(value), True, x, top)
        caption = codes.cis_serial(value)
        if caption.upper().startswith("BAD"):
            caption += " (брак/fails)"
    elif UIN in product.required:
        _draw_matrix(canvas, value, False, x, top)
        caption = value
    else:
        barcode = Code128(value, barWidth=0.3 * mm, barHeight=_MATRIX * 0.6, quiet=False)
        barcode.drawOn(canvas, x, top - _MATRIX * 0.6)
        caption = value
    canvas.setFont(font, 5.5)
    canvas.drawString(x, top - _MATRIX - 3 * mm, caption[:34])
