"""`packstation commands-sheet --out FILE.pdf`: the command barcodes on one A4 page.

Each command of `packstation.domain.commands.COMMANDS` is drawn as a Code 128 barcode of its
payload (e.g. `PS:NEW_BOX`) with the Russian caption, the English caption and the payload in
text, so a packer can pin the sheet to the desk and work with the scanner alone. Bars are sized
0.4 mm wide (about 5 dots at 300 dpi) with wide quiet zones, so the sheet
scans from an office laser printer as well as from a screen.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from packstation.domain.commands import COMMANDS
from packstation.printing.fonts import register_fonts

_MODULE = 0.4 * mm
_BAR_HEIGHT = 16 * mm
_ROW = (A4[1] - 40 * mm) / len(COMMANDS)
_TEXT_X = 112 * mm


def _fit(text: str, font: str, size: float, room: float) -> float:
    """The largest font size up to `size` at which `text` fits in `room` points."""
    natural = float(stringWidth(text, font, size))
    return min(size, size * room / max(natural, 1.0))


def render_command_sheet(path: Path) -> None:
    """Write the command sheet PDF to `path`."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setTitle("Packstation — командные штрихкоды / command barcodes")
    draw_command_page(canvas)
    canvas.showPage()
    canvas.save()


def draw_command_page(canvas: Canvas) -> None:
    """Draw the command barcodes on the current (A4) page of `canvas`."""
    regular, bold = register_fonts()
    width, height = A4
    canvas.setFont(bold, 13)
    canvas.drawString(12 * mm, height - 14 * mm, "Командные штрихкоды Packstation")
    canvas.setFont(regular, 11)
    canvas.drawString(12 * mm, height - 20 * mm, "Packstation command barcodes")
    for i, info in enumerate(COMMANDS):
        top = height - 28 * mm - i * _ROW
        barcode = Code128(info.payload, barWidth=_MODULE, barHeight=_BAR_HEIGHT, quiet=True)
        barcode.drawOn(canvas, 12 * mm, top - _BAR_HEIGHT - 2 * mm)
        text_x = max(_TEXT_X, 12 * mm + barcode.width + 4 * mm)
        room = width - 12 * mm - text_x
        canvas.setFont(bold, _fit(info.caption_ru, bold, 13, room))
        canvas.drawString(text_x, top - 7 * mm, info.caption_ru)
        canvas.setFont(regular, _fit(info.caption_en, regular, 11, room))
        canvas.drawString(text_x, top - 13 * mm, info.caption_en)
        canvas.setFont(regular, 8)
        canvas.drawString(text_x, top - 18 * mm, info.payload)
        canvas.setLineWidth(0.3)
        canvas.line(12 * mm, top - _ROW + 4 * mm, width - 12 * mm, top - _ROW + 4 * mm)


def command_sheet_cli(out: str, *, stderr: TextIO | None = None) -> int:
    """Write the sheet to `out`; 0 on success, 1 with a bilingual message when it cannot be written."""
    try:
        render_command_sheet(Path(out))
    except OSError as exc:
        print(
            f"Не удалось записать {out}: {exc.strerror or exc}\nCannot write {out}: {exc.strerror or exc}",
            file=stderr or sys.stderr,
        )
        return 1
    return 0
