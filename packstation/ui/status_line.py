"""A line of status text that changes on every scan without laying the window out again.

A QLabel asks its layout to recompute on every `setText` (its size hint may have changed), and a
word-wrapped label's layout is the packing view's: every scan re-laid out the whole screen and
repainted what moved, most of a scan's feedback time (issue 19). Style sheets cost again: a
widget with one is painted and measured through Qt's style sheet style.

`StatusLine` keeps the height of one row of its font, so a new text only repaints the line.
A text that needs more rows (a long error, a narrow window) grows it to fit, which is the only
time it asks for a layout; it shrinks back when the text fits again. The paint measures the text
(it lays it out anyway), so setting one costs nothing but the repaint. It paints plain text (never
rich text: item names and Market messages are shown literally), wrapped at words, on an optional
rounded background.

Each scan sets a new text, so a paint lays one out and draws it in one call into Qt; what a
paint need not redo is kept: the rounded background (an antialiased shape as wide as the
window) is drawn once per size and colours and kept as a picture (shared by all lines: a new
order's view shows the same ones), the colours and rectangles
are kept as Qt values. A text known ahead (the feedback and banner of the packer's next scan,
`prepare`) is laid out then and drawn into a picture over the background it will show on; when
shown, the picture is copied: the same pixels, no glyph drawn in the scan's paint.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QStaticText,
    QTextOption,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from packstation.ui.row_pictures import whole_ratio

# Left, centred vertically, wrapped at words: combined once, not on every paint.
_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | int(Qt.TextFlag.TextWordWrap)

# The backgrounds drawn, shared by every line (issue 19): each order opens a new packing view whose
# banner changes colour on its first and last scans, the same pictures at the same width each time.
_BACKDROPS: dict[tuple[int, int, float, int, int, int], QPixmap] = {}
_BACKDROPS_KEPT = 16  # a few colours at a few widths (a resized window starts again)
_LAID_KEPT = 16  # texts laid out ahead (`prepare`): the next scan's, for each line of an order


class _Picture(NamedTuple):
    """A text drawn ahead over its background: where it goes, and the height of its text."""

    at: QPoint
    pixmap: QPixmap
    height: float


class StatusLine(QWidget):
    """Plain text in a given font and colours, one row high unless the text needs more.

    Args:
        point_size: the font's size; bold unless `bold` is False.
        padding: (horizontal, vertical) space around the text, in pixels.
        radius: the background's corner radius.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        point_size: int,
        bold: bool = True,
        padding: tuple[int, int] = (4, 4),
        radius: int = 0,
    ) -> None:
        super().__init__(parent)
        self._laid: dict[str, QStaticText] = {}  # texts laid out ahead at the text area's width
        # Texts laid out ahead and drawn, by text and colours, at the line's present size and font.
        self._pictures: dict[tuple[str, tuple[str, str | None]], _Picture] = {}
        font = QFont(self.font())
        font.setPointSize(point_size)
        font.setBold(bold)
        self.setFont(font)
        self._spacing = QFontMetrics(font).lineSpacing()
        self._text = ""
        self._window = QColor(self.palette().window().color())
        self._fg = QColor(self.palette().windowText().color())
        self._bg: QColor | None = None
        self._backdrop: QPixmap | None = None  # the background, drawn for the current size
        self._colours: tuple[str, str | None] = (self._fg.name(), None)
        self._pad_x, self._pad_y = padding
        self._radius = radius
        self._rows = 1
        self._whole = QRect()
        self._text_area = QRect()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # It paints all of itself (the window's colour first), so a new text repaints the line
        # alone, not the widgets under it too.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFixedHeight(self._height(1))

    # -- what it shows -----------------------------------------------------------------------------

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # QLabel's name: views treat both alike
        if text != self._text:
            self._text = text
            self.update()  # the paint measures it: a longer text grows the line then

    def set_colours(self, foreground: str, background: str | None = None) -> None:
        """The text's colour and the background's (None: the window's colour)."""
        if (foreground, background) == self._colours:
            return
        self._colours = (foreground, background)
        self._fg, self._bg = QColor(foreground), QColor(background) if background is not None else None
        self._backdrop = None
        self.update()

    def prepare(self, text: str, colours: tuple[str, str | None] | None = None) -> None:
        """Lay `text` out now, at the line's width, and draw it in `colours` (foreground,
        background; None: the present ones) over the background it will show on, so that
        showing it only copies that picture: e.g. the feedback the packer's next scan will show
        (issue 19). The same pixels as an unprepared text; a new size, font or palette forgets
        what was prepared."""
        width = self._text_area.width()
        if width <= 0:
            return
        laid = self._laid.get(text)
        if laid is None:
            laid = QStaticText(text)
            laid.setTextFormat(Qt.TextFormat.PlainText)  # names and Market texts are shown literally
            laid.setTextWidth(width)
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WordWrap)  # as `drawText` with TextWordWrap
            laid.setTextOption(option)
            laid.prepare(font=self.font())
            if len(self._laid) >= _LAID_KEPT:
                self._laid.clear()
            self._laid[text] = laid
        key = (text, colours or self._colours)
        if key not in self._pictures and whole_ratio(self.devicePixelRatioF()):
            picture = self._picture(laid, *key[1])
            if picture is not None:
                if len(self._pictures) >= _LAID_KEPT:
                    self._pictures.clear()
                self._pictures[key] = picture

    def _picture(self, laid: QStaticText, foreground: str, background: str | None) -> _Picture | None:
        """`laid` drawn as `paintEvent` draws it, over what lies under it then (None: it needs
        more rows than the line has: the paint grows the line)."""
        area = self._text_area
        height = laid.size().height()
        if height > area.height():
            return None
        top = area.top() + (area.height() - height) / 2
        # The picture starts on a whole pixel and the text keeps its fraction of one: its glyphs
        # are drawn at the same subpixel offsets, hence in the same pixels.
        at = QPoint(area.left(), int(top))
        size = QSize(area.width(), min(self._whole.bottom() + 1, int(top + height) + 2) - at.y())
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        if background is None:
            painter.fillRect(QRect(QPoint(0, 0), size), self._window)
        else:
            # The source rectangle is in the backdrop's device pixels.
            under = QRectF(at.x() * ratio, at.y() * ratio, size.width() * ratio, size.height() * ratio)
            painter.drawPixmap(QPointF(0, 0), self._backdrop_of(QColor(background)), under)
        painter.setFont(self.font())
        painter.setPen(QColor(foreground))
        painter.drawStaticText(QPointF(0, top - at.y()), laid)
        painter.end()
        return _Picture(at, pixmap, height)

    @property
    def foreground(self) -> str:
        return self._colours[0]

    @property
    def background(self) -> str | None:
        return self._colours[1]

    # -- size --------------------------------------------------------------------------------------

    def _height(self, rows: int) -> int:
        return self._spacing * rows + 2 * self._pad_y

    def _fit(self, rows: int) -> None:
        """Grow or shrink to `rows` rows (after the paint that measured them)."""
        if rows != self._rows:
            self._rows = rows
            self.setFixedHeight(self._height(rows))

    def sizeHint(self) -> QSize:
        return QSize(2 * self._pad_x + 100, self._height(self._rows))

    def minimumSizeHint(self) -> QSize:
        return QSize(2 * self._pad_x, self._height(self._rows))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._whole = self.rect()
        self._text_area = self._whole.adjusted(self._pad_x, self._pad_y, -self._pad_x, -self._pad_y)
        self._backdrop = None
        self._laid.clear()
        self._pictures.clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # the window's colour around the text
            self._window = QColor(self.palette().window().color())
            self._backdrop = None
            self._pictures.clear()
            self.update()
        elif event.type() == QEvent.Type.FontChange:
            self._laid.clear()
            self._pictures.clear()
        super().changeEvent(event)

    # -- painting ----------------------------------------------------------------------------------

    def _background(self, colour: QColor) -> QPixmap:
        """The rounded background on the window's colour, as a picture of the line's size."""
        ratio = self.devicePixelRatioF()
        if self._backdrop is None or self._backdrop.devicePixelRatio() != ratio:
            self._backdrop = self._backdrop_of(colour)
        return self._backdrop

    def _backdrop_of(self, colour: QColor) -> QPixmap:
        """The rounded background in `colour` at the line's size (shared by all lines)."""
        ratio = self.devicePixelRatioF()
        whole = self._whole
        key = (whole.width(), whole.height(), ratio, self._radius, self._window.rgba(), colour.rgba())
        backdrop = _BACKDROPS.get(key)
        if backdrop is None:
            backdrop = QPixmap(whole.size() * ratio)
            backdrop.setDevicePixelRatio(ratio)
            backdrop.fill(self._window)
            painter = QPainter(backdrop)
            self._draw_backdrop(painter, colour)
            painter.end()
            if len(_BACKDROPS) >= _BACKDROPS_KEPT:
                _BACKDROPS.clear()
            _BACKDROPS[key] = backdrop
        return backdrop

    def _draw_backdrop(self, painter: QPainter, colour: QColor) -> None:
        """The rounded background in `colour` (over the window's colour already there)."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(self._whole), self._radius, self._radius)
        painter.restore()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._bg is None:
            painter.fillRect(self._whole, self._window)
        elif whole_ratio(painter.device().devicePixelRatio()):
            painter.drawPixmap(0, 0, self._background(self._bg))
        else:  # a picture would land on whole device pixels, the line may start between them
            painter.fillRect(self._whole, self._window)
            self._draw_backdrop(painter, self._bg)
        picture = self._pictures.get((self._text, self._colours))
        if picture is not None and picture.pixmap.devicePixelRatio() == painter.device().devicePixelRatio():
            painter.drawPixmap(picture.at, picture.pixmap)  # drawn ahead: copied
            painter.end()
            self._measured(picture.height)
            return
        painter.setPen(self._fg)
        area = self._text_area
        # At a fractional pixel ratio a text laid out ahead lands on other subpixels than
        # `drawText` puts it on: drawn as unprepared there (see `whole_ratio`).
        laid = self._laid.get(self._text) if whole_ratio(painter.device().devicePixelRatio()) else None
        height = laid.size().height() if laid is not None else 0.0
        if laid is not None and height <= area.height():
            # Laid out ahead: drawn where `drawText` puts it (left, centred vertically).
            painter.drawStaticText(QPointF(area.left(), area.top() + (area.height() - height) / 2), laid)
        else:
            height = painter.drawText(area, _FLAGS, self._text).height()
        painter.end()
        self._measured(height)

    def _measured(self, height: float) -> None:
        """The text painted is `height` high. Measured while painting, which lays the text out
        anyway: a text that needs another row count is drawn cut for one frame, then the line
        takes the rows it needs."""
        rows = max(1, round(height / self._spacing))
        if rows != self._rows:
            QTimer.singleShot(0, self, lambda: self._fit(rows))
