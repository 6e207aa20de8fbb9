"""Packing slips: one A4 page per box listing what went into it (documents printer, optional).

Marking codes are listed masked: the slip travels inside the box and must not carry codes that
could be copied onto another unit.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from packstation.domain.layout import BoxEntry, StoredBox
from packstation.domain.order import Order
from packstation.printing.fonts import register_fonts


def render_packing_slips(order: Order, boxes: tuple[StoredBox, ...]) -> bytes:
    """A PDF with one A4 page per box: order, box n of N, and a table of its contents."""
    regular, bold = register_fonts()
    title = ParagraphStyle("slip-title", fontName=bold, fontSize=16, leading=20, spaceAfter=4 * mm)
    body = ParagraphStyle("slip-body", fontName=regular, fontSize=10, leading=13)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=15 * mm,
        title=f"Packing slips {order.id}", creator="Packstation",
    )
    story: list[object] = []
    for number, box in enumerate(boxes, start=1):
        if number > 1:
            story.append(PageBreak())
        story.append(Paragraph(f"Заказ {order.id} · коробка {number} из {len(boxes)}", title))
        story.append(Paragraph(f"Order {order.id} · box {number} of {len(boxes)} · id {box.box_id}", body))
        if order.shipment_date is not None:
            story.append(Paragraph(f"Отгрузка / shipment: {order.shipment_date:%d.%m.%Y}", body))
        story.append(Paragraph("&nbsp;", body))
        story.append(_contents_table(order, box, regular, bold, body))
    document.build(story)
    return buffer.getvalue()


def _contents_table(order: Order, box: StoredBox, regular: str, bold: str, body: ParagraphStyle) -> Table:
    rows: list[list[object]] = [["№", "Артикул / SKU", "Товар / Item", "Кол-во / Qty"]]
    for index, entry in enumerate(box.plan.entries, start=1):
        offer, name = _line_text(order, entry)
        codes = "<br/>".join(escape(instance.masked()) for instance in entry.instances)
        item = Paragraph(escape(name) + (f"<br/><font size=8>{codes}</font>" if codes else ""), body)
        rows.append([str(index), Paragraph(escape(offer), body), item, _quantity(entry)])
    table = Table(rows, colWidths=[10 * mm, 40 * mm, 105 * mm, 25 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), bold, 10),
                ("FONT", (0, 1), (-1, -1), regular, 10),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _line_text(order: Order, entry: BoxEntry) -> tuple[str, str]:
    try:
        line = order.line(entry.line_id)
    except KeyError:
        return "—", f"line {entry.line_id}"
    return line.offer_id, line.name


def _quantity(entry: BoxEntry) -> str:
    if entry.part is not None:
        return f"часть {entry.part.current}/{entry.part.total}"
    return str(entry.full_count or 0)
