"""Painting the packing lists' rows from laid-out texts kept between paints (issue 19).

Qt's default delegate lays every row's text out again on each paint and asks the model for a
dozen roles per row, each a call into Python: 80-150 µs a row, and a scan repaints both lists.
`RowDelegate` asks once per row for the row's `RowLook` (which the models keep until the row
changes) and keeps each text laid out (`QStaticText`, per text, width and font), so a repaint
only draws glyphs. Qt asks a changed row's size several times (to place it, to repaint it, to
paint it): the size is kept per look, so only the first asks lays anything out. Selection, hover
and focus are drawn by the style, as for any item view.

Rows either wrap at the view's width (the items list: long product names stay whole) or stay one
line, elided at the right (the boxes tree, whose rows are all one line high).
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap, QStaticText, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
)

LOOK_ROLE = Qt.ItemDataRole.UserRole + 100
"""The data role of a row's `RowLook` (a model without it is drawn from the standard roles)."""

_KEPT = 512  # laid-out texts kept: every row's current and recent texts, for a few orders
_PAD_X, _PAD_Y, _ICON_GAP = 6, 3, 8
# State bits as plain ints: a Python enum's `&` costs microseconds, and a row is painted often.
_SELECTED = QStyle.StateFlag.State_Selected.value
_HOVERED_OR_SELECTED = _SELECTED | QStyle.StateFlag.State_MouseOver.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
AnyIndex = QModelIndex | QPersistentModelIndex
K = TypeVar("K")
V = TypeVar("V")


class Kept(OrderedDict[K, V]):
    """The `limit` most recently used values (an old order's texts make way for the next's)."""

    def __init__(self, limit: int = _KEPT) -> None:
        super().__init__()
        self.limit = limit

    def get_recent(self, key: K) -> V | None:
        value = self.get(key)
        if value is not None:
            self.move_to_end(key)
        return value

    def keep(self, key: K, value: V) -> V:
        self[key] = value
        if len(self) > self.limit:
            self.popitem(last=False)
        return value


@dataclass(frozen=True, slots=True)
class RowLook:
    """What a row shows: its text and how."""

    text: str
    background: QColor | None = None
    foreground: QColor | None = None
    bold: bool = False
    italic: bool = False
    picture: QPixmap | None = None

    @property
    def picture_size(self) -> QSize:
        """The picture's size on screen (device-independent pixels); empty without one."""
        if self.picture is None or self.picture.isNull():
            return QSize(0, 0)
        ratio = max(1.0, self.picture.devicePixelRatio())
        return QSize(round(self.picture.width() / ratio), round(self.picture.height() / ratio))


class _Block(NamedTuple):
    """A text's lines laid out, each with its height, and their whole height (whole pixels)."""

    lines: list[tuple[QStaticText, float]]
    height: int


class RowDelegate(QStyledItemDelegate):
    """Paints `view`'s rows: background, picture, text (see the module doc).

    Args:
        view: the item view it paints for (its width sets where wrapped rows break).
        wrap: break long texts into lines at the view's width; else one line, elided.
    """

    def __init__(self, view: QAbstractItemView, *, wrap: bool) -> None:
        super().__init__(view)
        # Weakly: the view keeps its delegate, and a cycle would leave a closed view to the garbage
        # collector (see services.weak_calls).
        self._view = weakref.ref(view)
        self._wrap = wrap
        self._texts: Kept[tuple[str, int, int], QStaticText] = Kept()
        self._base: QFont | None = None
        self._fonts: dict[tuple[bool, bool], tuple[QFont, int]] = {}
        self._heights: dict[int, int] = {}  # per row, the height last measured (wrapped rows)
        self._blocks: Kept[tuple[str, int, int], _Block] = Kept()
        # Per look (its id; the look kept alive with it), the width it was measured at and its
        # size: Qt asks a changed row's size several times (to place it, repaint it, paint it).
        self._sizes: Kept[int, tuple[RowLook, int, QSize, int]] = Kept()

    # -- fonts and laid-out texts ------------------------------------------------------------------

    def _font(self, base: QFont, look: RowLook) -> tuple[QFont, int]:
        """The row's font and a number naming it in the text cache."""
        if self._base is None or base != self._base:  # the view's font changed: start again
            self._base = QFont(base)
            self._fonts.clear()
            self._texts.clear()
            self._blocks.clear()
            self._sizes.clear()
        style = (look.bold, look.italic)
        kept = self._fonts.get(style)
        if kept is None:
            font = QFont(self._base)
            font.setBold(look.bold)
            font.setItalic(look.italic)
            kept = self._fonts[style] = (font, len(self._fonts))
        return kept

    def _laid_out(self, text: str, width: int, font: QFont, font_id: int) -> QStaticText:
        """One line of text laid out in `font`: wrapped at `width`, or (one-line rows) cut to
        `width` with an ellipsis; width -1: unbroken."""
        key = (text, width, font_id)
        kept = self._texts.get_recent(key)
        if kept is not None:
            return kept
        elide = width >= 0 and not self._wrap
        if elide:
            # The unbroken line (laid out to measure the row) when it fits: `elidedText` would
            # return it unchanged, and laying it out again costs as much as the first time.
            unbroken = self._texts.get_recent((text, -1, font_id))
            if unbroken is not None and unbroken.size().width() <= width - 1:
                return self._texts.keep(key, unbroken)
        shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width) if elide else text
        laid = QStaticText(shown)
        laid.setTextFormat(Qt.TextFormat.PlainText)  # names and Market texts are shown literally
        if width >= 0 and self._wrap:
            laid.setTextWidth(width)
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            laid.setTextOption(option)
        laid.prepare(font=font)
        return self._texts.keep(key, laid)

    def _paragraphs(self, text: str, width: int, font: QFont, font_id: int) -> _Block:
        """`text`'s lines, each laid out apart (a scan changes one line of a row: only that one
        is laid out again), with their heights."""
        key = (text, width, font_id)
        kept = self._blocks.get_recent(key)
        if kept is None:
            laid = [self._laid_out(line, width, font, font_id) for line in text.split("\n")]
            lines = [(part, part.size().height()) for part in laid]
            kept = self._blocks.keep(key, _Block(lines, int(sum(height for _, height in lines) + 0.999)))
        return kept

    def wrap_width(self) -> int:
        """The width rows wrap at: the list's, less the spacing around each row."""
        view = self._view()
        if view is None:
            return 0
        spacing = view.spacing() if isinstance(view, QListView) else 0  # a list's rows are spaced apart
        return view.viewport().width() - 2 * spacing

    # -- Qt's delegate interface -------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        look = _look(index)
        font, font_id = self._font(option.font, look)
        width = self.wrap_width() if self._wrap else -1
        kept = self._sizes.get_recent(id(look))
        if kept is None or kept[0] is not look or kept[1] != width:
            size = self._measure(look, width, font, font_id)
            kept = self._sizes.keep(id(look), (look, width, size, size.height()))
        if self._wrap:
            self._heights[index.row()] = kept[3]
        return kept[2]

    def _measure(self, look: RowLook, width: int, font: QFont, font_id: int) -> QSize:
        picture = look.picture_size
        if self._wrap:
            text_width = width - 2 * _PAD_X - (picture.width() + _ICON_GAP if picture.width() else 0)
            text_height = self._paragraphs(look.text, max(1, text_width), font, font_id).height
        else:
            block = self._paragraphs(look.text, -1, font, font_id)
            text_height = block.height
            width = int(max(part.size().width() for part, _ in block.lines)) + 2 * _PAD_X + picture.width()
        return QSize(width, max(text_height, picture.height()) + 2 * _PAD_Y)

    def prepare(self, look: RowLook, font: QFont, width: int) -> None:
        """Lay `look`'s text out now as measuring it (`font`: the view's) and painting it in a
        row `width` wide will need it, so that paint only draws: e.g. the rows the packer's next
        scan will show, while the packer reaches for the item (issue 19)."""
        row_font, font_id = self._font(font, look)
        size_width = self.wrap_width() if self._wrap else -1
        kept = self._sizes.get_recent(id(look))
        if kept is None or kept[0] is not look or kept[1] != size_width:
            size = self._measure(look, size_width, row_font, font_id)
            self._sizes.keep(id(look), (look, size_width, size, size.height()))
        picture = look.picture_size.width()
        text_width = width - 2 * _PAD_X - (picture + _ICON_GAP if picture else 0)
        self._paragraphs(look.text, max(1, text_width), row_font, font_id)

    def height_of(self, look: RowLook) -> int | None:
        """The height of a row showing `look` as last measured or prepared at the view's
        present width (None: not measured at it)."""
        kept = self._sizes.get_recent(id(look))
        width = self.wrap_width() if self._wrap else -1
        if kept is None or kept[0] is not look or kept[1] != width:
            return None
        return kept[3]

    def measured_height(self, row: int) -> int | None:
        """The wrapped row's height when `sizeHint` last measured it (None: never)."""
        return self._heights.get(row)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        look = _look(index)
        self.paint_row(painter, option.rect, option.state.value, option.palette, option.font, look, option)

    def paint_row(
        self,
        painter: QPainter,
        rect: QRect,
        state: int,
        palette: QPalette,
        base_font: QFont,
        look: RowLook,
        option: QStyleOptionViewItem | None = None,
    ) -> None:
        """Paint a row showing `look` in `rect`, in `state` (its bits), `palette` and the view's
        font `base_font`: `paint` without the model (a picture of a row drawn ahead,
        `row_pictures.RowPictures.prepare`, gives plain values: a wrapper of a field of a kept
        style option copy, freed by the garbage collector, freed memory it did not own).
        `option`: for the style's selection, hover and focus marks (None: a plain row)."""
        if look.background is not None:
            painter.fillRect(rect, look.background)
        view = self._view()
        if state & _HOVERED_OR_SELECTED and view is not None and option is not None:
            view.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, view)
        left, width = rect.left() + _PAD_X, rect.width() - 2 * _PAD_X
        if look.picture is not None and not look.picture.isNull():
            shown = look.picture_size
            painter.drawPixmap(left, rect.top() + (rect.height() - shown.height()) // 2, look.picture)
            left += shown.width() + _ICON_GAP
            width -= shown.width() + _ICON_GAP
        font, font_id = self._font(base_font, look)
        block = self._paragraphs(look.text, max(1, width), font, font_id)
        if state & _SELECTED:
            colour = palette.highlightedText().color()
        else:
            colour = look.foreground or palette.text().color()
        painter.save()
        painter.setFont(font)
        painter.setPen(colour)
        top = float(rect.top() + max(_PAD_Y, (rect.height() - block.height) // 2))
        for part, height in block.lines:
            painter.drawStaticText(QPointF(left, top), part)
            top += height
        painter.restore()
        if state & _HAS_FOCUS and view is not None and option is not None:
            focus = QStyleOptionFocusRect()
            focus.rect = rect
            focus.state = option.state
            focus.palette = palette
            view.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, view)


def _look(index: AnyIndex) -> RowLook:
    look = index.data(LOOK_ROLE)
    if isinstance(look, RowLook):
        return look
    text = index.data(Qt.ItemDataRole.DisplayRole)
    return RowLook(text if isinstance(text, str) else "")
