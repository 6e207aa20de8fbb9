"""What the painting tests share: a record of the regions a widget was asked to paint."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QWidget


class Painted(QObject):
    """The regions widgets were asked to paint, and the names of those widgets (install it as a
    widget's event filter, or the application's to see every widget)."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: list[QRegion] = []
        self.names: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.regions.append(QRegion(event.region()))  # type: ignore[attr-defined]
            self.names.append(watched.objectName())
        return False


def on_screen(widget: QWidget) -> QImage:
    """What the window shows of `widget` (its backing store, not a fresh paint)."""
    window = widget.window()
    at = widget.mapTo(window, QPoint(0, 0))
    grabbed = window.screen().grabWindow(window.winId(), at.x(), at.y(), widget.width(), widget.height())
    return grabbed.toImage()
