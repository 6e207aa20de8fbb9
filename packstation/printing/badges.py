"""`packstation badges --out FILE.pdf`: a badge per packer of Settings on A4 (name and a Code 128
of `PS:PACKER:<badge>`), to cut out and scan for signing in and out at the desk."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from packstation.domain.packers import Packer
from packstation.printing.fonts import register_fonts

_BADGE_W, _BADGE_H = 85 * mm, 54 * mm  # a bank-card badge
_COLUMNS, _ROWS = 2, 5


def render_badges(packers: Sequence[Packer], path: Path) -> None:
    """Draw the badges, ten per A4 page."""
    regular, bold = register_fonts()
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setTitle("Packstation — бейджи упаковщиков / packer badges")
    width, height = A4
    left = (width - _COLUMNS * _BADGE_W) / 2
    top = height - 12 * mm
    for index, packer in enumerate(packers):
        slot = index % (_COLUMNS * _ROWS)
        if index and slot == 0:
            canvas.showPage()
        x = left + (slot % _COLUMNS) * _BADGE_W
        y = top - (slot // _COLUMNS + 1) * _BADGE_H
        canvas.setDash(2, 2)
        canvas.rect(x, y, _BADGE_W, _BADGE_H)
        canvas.setDash()
        canvas.setFont(bold, 14)
        canvas.drawString(x + 6 * mm, y + _BADGE_H - 12 * mm, packer.name[:28])
        canvas.setFont(regular, 8)
        canvas.drawString(x + 6 * mm, y + _BADGE_H - 18 * mm, f"Упаковщик / packer {packer.badge}")
        barcode = Code128(packer.payload, barWidth=0.33 * mm, barHeight=16 * mm, quiet=True)
        barcode.drawOn(canvas, x + 4 * mm, y + 6 * mm)
    canvas.showPage()
    canvas.save()


def badges_cli(packers: Sequence[Packer], out: str, *, stderr: TextIO | None = None) -> int:
    """Write the badges PDF; exit code 2 (with the reason) when there is nobody to print."""
    err = stderr or sys.stderr
    if not packers:
        print(
            "Список упаковщиков пуст: добавьте их в Настройках.\n"
            "The packer list is empty: add packers in Settings.",
            file=err,
        )
        return 2
    render_badges(packers, Path(out))
    print(f"{out}: {len(packers)}")
    return 0
