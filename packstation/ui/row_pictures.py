"""Item-view rows painted from pictures kept between paints (issue 19): the boxes tree's one-line
rows and the order lines' wrapped ones.

`RowDelegate` draws a row with a dozen calls from Python into Qt (font, pen, background, each
laid-out text, glyph by glyph): ~18 µs a one-line row, more for a wrapped one. `RowPictures`
draws a row into a pixmap, over the background the view paints under it, and copies that pixmap:
the same pixels for a few µs. The pictures of the rows the packer's next scans would show are
drawn ahead, in idle time (the views' `prepare`, in the context rows were last painted in), so
such a scan only copies them. A row without a picture is painted directly the first time (a
picture costs more than one paint, and most rows' texts are shown once: a new count, a new box)
and drawn into a picture when painted again (rows below an insert, an exposure). A picture is
kept per look (its thumbnail too), size and what else its pixels depend on: a row whose context
differs (a new palette, font, ...) is painted as before, never from a stale picture. A row that
is selected, hovered or has the focus (the style draws those over the row) is painted directly,
as before; so is every row on a screen scaled by a fraction (125%, 150%: see `whole_ratio`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtGui import QFont, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem

from packstation.ui.row_delegate import LOOK_ROLE, Kept, RowDelegate, RowLook

AnyIndex = QModelIndex | QPersistentModelIndex

# Row pictures kept per view: one-line rows ~50 kB each (every row a scan repaints, and more);
# wrapped rows are two to three times that, and a scan repaints one of them.
KEPT_ONE_LINE = 128
KEPT_WRAPPED = 48
_SEEN = 512  # rows remembered as painted once (a key each)
# Rows the style draws over (selection, hover, focus): painted directly. Plain ints: a Python
# enum's `&` costs microseconds.
_DIRECT = (
    QStyle.StateFlag.State_Selected.value
    | QStyle.StateFlag.State_MouseOver.value
    | QStyle.StateFlag.State_HasFocus.value
)
# The state bits a picture's pixels depend on: they pick the palette's colour group (disabled,
# active, inactive). A tree's own bits (open, children, sibling: a row gaining a sibling below)
# change nothing the delegate paints; `_DIRECT` rows have no picture.
_PICTURE_STATE = QStyle.StateFlag.State_Enabled.value | QStyle.StateFlag.State_Active.value


# What a picture's pixels depend on besides its look and width (the font aside: a new one
# clears the pictures): row height, state bits (`_PICTURE_STATE`), palette, colour group,
# device pixel ratio.
_Context = tuple[int, int, int, QPalette.ColorGroup, float]
_Key = tuple[object, ...]


def _key(look: RowLook, width: int, context: _Context) -> _Key:
    background, foreground, thumbnail = look.background, look.foreground, look.picture
    return (
        look.text,
        look.bold,
        look.italic,
        None if background is None else background.rgba(),
        None if foreground is None else foreground.rgba(),
        None if thumbnail is None else thumbnail.cacheKey(),
        width,
        context,
    )


def whole_ratio(ratio: float) -> bool:
    """Whether pictures may stand in for painting at this device pixel ratio. At a fractional
    one (a screen scaled to 125% or 150%) a row or widget may start between device pixels: Qt
    paints its text there, a copied picture lands on whole pixels (a half-pixel shift, measured
    at 150%). Such screens are painted directly."""
    return ratio == int(ratio)


class RowPictures(RowDelegate):
    """Paints rows from kept pictures; see the module doc. For views whose rows lie on the
    palette's base colour (no style sheet, no alternating row colours).

    Args:
        view: the item view it paints for.
        wrap: rows wrap at the view's width (`RowDelegate`); else one line, elided.
    """

    def __init__(self, view: QAbstractItemView, *, wrap: bool = False) -> None:
        super().__init__(view, wrap=wrap)
        self._pictures: Kept[_Key, QPixmap] = Kept(KEPT_WRAPPED if wrap else KEPT_ONE_LINE)
        # Rows painted once, directly (a picture costs more than one direct paint): a row's
        # picture is made the second time it is painted, most rows' texts being shown once.
        self._seen: Kept[_Key, bool] = Kept(_SEEN)
        self._painted_font = QFont()  # the views' font, of the kept pictures (another one: start again)
        # The context of the last row painted plainly, and its palette: what `prepare` draws
        # pictures in, for rows painted in that context again (None: none painted yet). Plain
        # copies, never a style option's: see `RowDelegate.paint_row`.
        self._context: _Context | None = None
        self._palette = QPalette()

    def _same_font(self, font: QFont) -> None:
        if font != self._painted_font:
            self._painted_font = QFont(font)
            self._pictures.clear()
            self._seen.clear()
            self._context = None  # its rows were painted in the old font

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        look = index.data(LOOK_ROLE)
        state = option.state.value
        ratio = painter.device().devicePixelRatio()
        if state & _DIRECT or not isinstance(look, RowLook) or not whole_ratio(ratio):
            super().paint(painter, option, index)
            return
        self._same_font(option.font)
        rect = option.rect
        palette = option.palette
        # The colour group too: the state bits name it only in rows QTreeView::drawRow paints.
        context = (
            rect.height(),
            state & _PICTURE_STATE,
            palette.cacheKey(),
            palette.currentColorGroup(),
            ratio,
        )
        # A wrapped row's height differs from the last one's; the palette is copied only when
        # anything else does.
        if self._context is None or context[1:] != self._context[1:]:
            self._palette = QPalette(palette)
        self._context = context
        key = _key(look, rect.width(), context)
        picture = self._pictures.get_recent(key)
        if picture is None:
            if self._seen.get_recent(key) is None:
                self._seen.keep(key, True)
                super().paint(painter, option, index)
                return
            picture = self._picture(look, rect.width(), context, key)
        painter.drawPixmap(rect.topLeft(), picture)

    def prepare(self, look: RowLook, font: QFont, width: int) -> None:
        """Also draw the picture of a row showing `look`, `width` wide, in the context rows were
        last painted in: if the row is painted in it, it is copied from the start (each scan
        shows rows never painted before: new counts). In another context (a new palette, ...)
        the key differs and the row is painted as before. A wrapped row is as high as its text
        needs (`RowDelegate.sizeHint`), one-line rows as the last one painted."""
        super().prepare(look, font, width)
        context = self._context
        if context is None or font != self._painted_font:
            return
        if self._wrap:
            height = self.height_of(look)
            if height is None:
                return
            context = (height, *context[1:])
        key = _key(look, width, context)
        if self._pictures.get_recent(key) is None:
            self._picture(look, width, context, key)

    def _picture(self, look: RowLook, width: int, context: _Context, key: _Key) -> QPixmap:
        """The row as `RowDelegate` paints it over the view's background (its base colour)."""
        height, state, ratio = context[0], context[1], context[-1]
        picture = QPixmap(round(width * ratio), round(height * ratio))
        picture.setDevicePixelRatio(ratio)
        palette = self._palette
        picture.fill(palette.base().color())
        painter = QPainter(picture)
        self.paint_row(painter, QRect(0, 0, width, height), state, palette, self._painted_font, look)
        painter.end()
        return self._pictures.keep(key, picture)
