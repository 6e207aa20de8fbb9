"""Non-label sandbox documents: the FBS pick list ("лист сборки") of the shipment-list report and
the first-mile handover act, drawn with reportlab in the embedded DejaVu font (Russian text)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import datetime

from reportlab.lib.pagesizes import A4, A8
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from packstation.printing.fonts import register_fonts
from packstation.sandbox.demo_data import DEMO_SHOP_NAME
from packstation.sandbox.model import Order

_ROW = 6 * mm


def render_shipment_list(orders: Iterable[Order], generated_at: datetime) -> bytes:
    """A pick list: one row per order line (order, SKU, name, count), paginated on A4."""
    regular, bold = register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setTitle("Лист сборки")
    width, height = A4
    y = _header(canvas, bold, regular, generated_at, height)
    for order in orders:
        for line in order.lines:
            if y < 20 * mm:
                canvas.showPage()
                y = _header(canvas, bold, regular, generated_at, height)
            canvas.setFont(regular, 9)
            canvas.drawString(15 * mm, y, str(order.id))
            canvas.drawString(40 * mm, y, line.product.offer_id)
            canvas.drawString(70 * mm, y, line.product.name[:70])
            canvas.drawRightString(width - 15 * mm, y, str(line.count))
            y -= _ROW
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_handover_act(
    shipment_id: int, orders: Iterable[Order], confirmed_at: datetime, title: str = "Акт приёма-передачи"
) -> bytes:
    """The reception-transfer act of a first-mile shipment (or, with another title, the sorting
    centre's inbound act): its orders and box counts."""
    regular, bold = register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setTitle(f"{title} {shipment_id}")
    width, height = A4
    canvas.setFont(bold, 14)
    canvas.drawString(15 * mm, height - 20 * mm, f"{title} № {shipment_id}")
    canvas.setFont(regular, 9)
    canvas.drawString(15 * mm, height - 26 * mm, f"{DEMO_SHOP_NAME}, {confirmed_at:%d.%m.%Y %H:%M}")
    y = height - 36 * mm
    total = 0
    for order in orders:
        if y < 20 * mm:
            canvas.showPage()
            canvas.setFont(regular, 9)
            y = height - 20 * mm
        canvas.drawString(15 * mm, y, f"Заказ {order.id}")
        canvas.drawRightString(width - 15 * mm, y, f"мест: {len(order.boxes)}")
        total += len(order.boxes)
        y -= _ROW
    canvas.setFont(bold, 10)
    canvas.drawString(15 * mm, max(y - _ROW, 12 * mm), f"Итого грузовых мест: {total}")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _header(canvas: Canvas, bold: str, regular: str, generated_at: datetime, height: float) -> float:
    canvas.setFont(bold, 14)
    canvas.drawString(15 * mm, height - 20 * mm, f"Лист сборки — {DEMO_SHOP_NAME}")
    canvas.setFont(regular, 9)
    canvas.drawString(15 * mm, height - 26 * mm, generated_at.strftime("Сформирован %d.%m.%Y %H:%M"))
    canvas.setFont(bold, 9)
    y = height - 36 * mm
    for x, title in ((15, "Заказ"), (40, "Артикул"), (70, "Товар")):
        canvas.drawString(x * mm, y, title)
    canvas.drawRightString(A4[0] - 15 * mm, y, "Кол-во")
    return float(y - _ROW)


def render_pallet_labels(shipment_id: int, pallets: int, page_format: str) -> bytes:
    """One label per pallet of a trusted-acceptance shipment, on A4 or A8 pages."""
    regular, bold = register_fonts()
    size = A4 if page_format == "A4" else A8
    scale = size[0] / A8[0]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size)
    canvas.setTitle(f"Ярлыки палет {shipment_id}")
    for number in range(1, pallets + 1):
        canvas.setFont(bold, 7 * scale)
        canvas.drawString(3 * mm * scale, size[1] - 8 * mm * scale, f"Отгрузка {shipment_id}")
        canvas.setFont(regular, 6 * scale)
        canvas.drawString(3 * mm * scale, size[1] - 14 * mm * scale, f"Палета {number} из {pallets}")
        canvas.drawString(3 * mm * scale, size[1] - 19 * mm * scale, DEMO_SHOP_NAME)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
