"""The demo sheet: everything a trainee scans in demo mode, on paper.

The first page holds the command barcodes (as `command_sheet`); then every demo order to pack
gets a block: its number (Code 128, scanning it opens the order), each item's EAN-13 barcode, a
marking code per unit as GS1 DataMatrix (FNC1 first, GS as FNC1, exactly what a real Chestny
Znak label carries; jewellery UIN as plain DataMatrix; both drawn by `printing.datamatrix`;
GTD/RNPT as Code 128), and for Express
orders the courier's hand-over code. The data comes as plain values (`SheetOrder`), so this
module knows nothing of the emulator that supplies them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.eanbc import Ean13BarcodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from packstation.printing.command_sheet import draw_command_page
from packstation.printing.datamatrix import GS, draw_marking_code
from packstation.printing.fonts import register_fonts

_MARGIN = 12 * mm
_MATRIX = 16 * mm  # a DataMatrix side: scans from an office laser print
_MATRIX_CELL = 30 * mm
_EAN_W, _EAN_H = 38 * mm, 20 * mm
_LINE_H = 27 * mm
_CODES_X = _MARGIN + _EAN_W + 14 * mm


@dataclass(frozen=True, slots=True)
class SheetLine:
    """One order line: the item, its barcode, and a code per unit where the item needs one.

    Attributes:
        name: the item's name.
        ean13: its barcode.
        count: units ordered.
        codes: what to scan per unit, `kind` telling how it is printed.
        kind: "cis" (GS1 DataMatrix), "uin" (DataMatrix), "text" (Code 128, GTD/RNPT), "" (none).
    """

    name: str
    ean13: str
    count: int
    codes: tuple[str, ...] = ()
    kind: str = ""


@dataclass(frozen=True, slots=True)
class SheetOrder:
    """One demo order to pack."""

    order_id: int
    program: str  # FBS / EXPRESS / DBS
    lines: tuple[SheetLine, ...]
    courier_code: str = ""  # Express: the code the courier shows at hand-over


def render_demo_sheet(path: Path, orders: list[SheetOrder]) -> None:
    """Write the demo sheet PDF to `path`."""
    regular, bold = register_fonts()
    width, height = A4
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setTitle("Packstation — демо-лист / demo sheet")
    draw_command_page(canvas)
    canvas.showPage()
    y = height - _MARGIN
    for order in orders:
        needed = 17 * mm + sum(_line_height(line, width) for line in order.lines)
        if y - needed < _MARGIN and y < height - _MARGIN:
            canvas.showPage()
            y = height - _MARGIN
        y = _draw_order(canvas, order, y, regular, bold, width)
    canvas.showPage()
    canvas.save()


def _draw_order(canvas: Canvas, order: SheetOrder, y: float, regular: str, bold: str, width: float) -> float:
    canvas.setFont(bold, 11)
    canvas.drawString(_MARGIN, y - 5 * mm, f"Заказ / order {order.order_id} · {order.program}")
    number = Code128(str(order.order_id), barWidth=0.33 * mm, barHeight=8 * mm, quiet=True)
    number.drawOn(canvas, 85 * mm, y - 10 * mm)
    if order.courier_code:
        courier = Code128(order.courier_code, barWidth=0.4 * mm, barHeight=8 * mm, quiet=True)
        courier.drawOn(canvas, 150 * mm, y - 10 * mm)
        canvas.setFont(regular, 7)
        canvas.drawString(150 * mm, y - 13 * mm, f"код курьера / courier code {order.courier_code}")
    y -= 15 * mm
    for line in order.lines:
        y = _draw_line(canvas, line, y, regular, width)
    canvas.setLineWidth(0.3)
    canvas.line(_MARGIN, y + 2 * mm, width - _MARGIN, y + 2 * mm)
    return float(y - 2 * mm)


def _draw_line(canvas: Canvas, line: SheetLine, y: float, regular: str, width: float) -> float:
    canvas.setFont(regular, 8)
    canvas.drawString(_MARGIN, y - 3 * mm, f"{line.name} × {line.count}"[:60])
    ean = Ean13BarcodeWidget(line.ean13[:12])
    ean.barHeight = 14 * mm
    ean.barWidth = 0.33 * mm
    x0, y0, x1, y1 = ean.getBounds()
    drawing = Drawing(x1 - x0, y1 - y0)
    drawing.add(ean)
    renderPDF.draw(drawing, canvas, _MARGIN - x0, y - 5 * mm - (y1 - y0))
    columns = _columns(width)
    for index, code in enumerate(line.codes):
        row, column = divmod(index, columns)
        x = _CODES_X + column * _MATRIX_CELL
        _draw_code(canvas, line.kind, code, x, y - 5 * mm - row * _LINE_H, regular)
    return y - _line_height(line, width)


def _columns(width: float) -> int:
    return max(1, int((width - _MARGIN - _CODES_X) // _MATRIX_CELL))


def _line_height(line: SheetLine, width: float) -> float:
    rows = -(-len(line.codes) // _columns(width))  # a row of codes per `columns` units
    return float(_LINE_H * max(1, rows))


def _draw_code(canvas: Canvas, kind: str, code: str, x: float, top: float, regular: str) -> None:
    if kind == "text":
        barcode = Code128(code, barWidth=0.25 * mm, barHeight=10 * mm, quiet=True)
        barcode.drawOn(canvas, x, top - 10 * mm)
        caption = code
    else:
        draw_marking_code(canvas, code, x, top, _MATRIX, gs1=kind == "cis")
        caption = code.split(GS)[0][18:] if kind == "cis" else code
    canvas.setFont(regular, 5)
    canvas.drawString(x, top - _MATRIX - 3 * mm, caption[:30])
