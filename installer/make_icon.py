"""Draws the Packstation icon (a parcel with a barcode) into resources/icons as PNG and ICO.

Run once after changing the design: `QT_QPA_PLATFORM=offscreen python3 installer/make_icon.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 64
    p.setBrush(QColor("#f2b233"))  # cardboard
    p.setPen(QPen(QColor("#7a5510"), 2 * s))
    p.drawRoundedRect(QRectF(6 * s, 10 * s, 52 * s, 46 * s), 5 * s, 5 * s)
    p.setBrush(QColor("#d99a1e"))
    p.drawRect(QRectF(26 * s, 10 * s, 12 * s, 16 * s))  # tape
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("white"))
    p.drawRect(QRectF(14 * s, 32 * s, 36 * s, 18 * s))  # label
    p.setBrush(QColor("black"))
    x = 16.0
    for width in (1, 2, 1, 3, 1, 1, 2, 1, 3, 1, 2, 1, 1, 2):
        p.drawRect(QRectF(x * s, 34 * s, width * 0.8 * s, 14 * s))
        x += width * 0.8 + 0.8
    p.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv)
    ICONS.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(ICONS / "packstation.png"))
    small = draw(256).scaled(64, 64, mode=Qt.TransformationMode.SmoothTransformation)
    small.save(str(ICONS / "packstation-64.png"))
    if not draw(256).save(str(ICONS / "packstation.ico")):
        print("this Qt has no ICO writer; packstation.ico not written", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
