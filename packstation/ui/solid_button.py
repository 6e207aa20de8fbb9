"""A push button that paints the whole of its rectangle, so toggling it repaints it alone.

A QPushButton leaves its corners and margins to whatever is under it: Qt paints its parents
there first, each from the window down (issue 19: the packing view, its page stack and the
button row on every scan that enables or disables Undo). `SolidButton` paints the window's
colour (what those parents paint there) under the button itself and says it is opaque: Qt
then repaints the button alone, and it looks the same.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QPushButton, QWidget


class SolidButton(QPushButton):
    """A QPushButton on the window's colour (see the module doc); only for buttons placed
    straight on the window's background."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._window = QColor(self.palette().window().color())
        self.ensurePolished()  # the style's polish says a button is not opaque: say it after
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._window = QColor(self.palette().window().color())
        elif event.type() == QEvent.Type.StyleChange:  # polished again by the new style
            self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._window)
        painter.end()
        super().paintEvent(event)
