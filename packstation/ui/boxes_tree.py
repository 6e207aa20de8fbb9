"""The boxes tree's rows painted from pictures kept between paints (issue 19).

`RowDelegate` draws a row with a dozen calls from Python into Qt (font, pen, background, each
laid-out text): ~18 µs a row, and a scan that adds or takes a box repaints every row below it.
`RowPictures` draws each row once into a pixmap, over the background the view paints under
it, and then only copies that pixmap: the same pixels for a few µs. A row that is selected,
hovered or has the focus (the style draws those over the row) is painted directly, as before.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtGui import QFont, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem

from packstation.ui.row_delegate import LOOK_ROLE, RowDelegate, RowLook

AnyIndex = QModelIndex | QPersistentModelIndex

_KEPT = 256  # row pictures kept: every row of a few orders' boxes
# Rows the style draws over (selection, hover, focus): painted directly. Plain ints: a Python
# enum's `&` costs microseconds.
_DIRECT = (
    QStyle.StateFlag.State_Selected.value
    | QStyle.StateFlag.State_MouseOver.value
    | QStyle.StateFlag.State_HasFocus.value
)


class RowPictures(RowDelegate):
    """Paints one-line rows (the boxes tree) from kept pictures; see the module doc.

    Args:
        view: the item view it paints for.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view, wrap=False)
        self._pictures: dict[tuple[object, ...], QPixmap] = {}
        self._painted_font = QFont()  # the font of the kept pictures (another one: start again)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        look = index.data(LOOK_ROLE)
        state = option.state.value
        if state & _DIRECT or not isinstance(look, RowLook) or look.picture is not None:
            super().paint(painter, option, index)
            return
        font = option.font
        if font != self._painted_font:
            self._painted_font = QFont(font)
            self._pictures.clear()
        rect = option.rect
        background, foreground = look.background, look.foreground
        key = (
            look.text,
            look.bold,
            look.italic,
            None if background is None else background.rgba(),
            None if foreground is None else foreground.rgba(),
            rect.width(),
            rect.height(),
            state,
            option.palette.cacheKey(),
            painter.device().devicePixelRatio(),
        )
        picture = self._pictures.get(key)
        if picture is None:
            picture = self._picture(option, index, key)
        painter.drawPixmap(rect.topLeft(), picture)

    def _picture(self, option: QStyleOptionViewItem, index: AnyIndex, key: tuple[object, ...]) -> QPixmap:
        """The row as `RowDelegate` paints it over the view's background (its base colour)."""
        rect = option.rect
        ratio = float(key[-1])  # type: ignore[arg-type]
        picture = QPixmap(round(rect.width() * ratio), round(rect.height() * ratio))
        picture.setDevicePixelRatio(ratio)
        picture.fill(option.palette.base().color())
        at_origin = QStyleOptionViewItem(option)
        at_origin.rect = QRect(0, 0, rect.width(), rect.height())
        painter = QPainter(picture)
        super().paint(painter, at_origin, index)
        painter.end()
        if len(self._pictures) >= _KEPT:
            del self._pictures[next(iter(self._pictures))]  # the oldest
        self._pictures[key] = picture
        return picture
