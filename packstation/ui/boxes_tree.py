"""The boxes tree: rows painted from pictures kept between paints, and after a change only the
rows that moved repainted (issue 19).

`RowDelegate` draws a row with a dozen calls from Python into Qt (font, pen, background, each
laid-out text): ~18 µs a row, and a scan that adds or takes a box repaints every row below it.
`RowPictures` draws a row into a pixmap, over the background the view paints under it, and
copies that pixmap: the same pixels for a few µs. The pictures of the rows the packer's next
scans would show are drawn ahead, in idle time (`BoxesTree.prepare`, in the context rows were
last painted in), so such a scan only copies them. A row without a picture is painted directly
the first time (a picture costs more than one paint, and most rows' texts are shown once: a new
count, a new box) and drawn into a picture when painted again (rows below an insert, an
exposure). A picture is kept per look, width and what else its pixels depend on: a row whose
context differs (a new palette, font, ...) is painted as before, never from a stale picture. A
row that is selected, hovered or has the focus (the style draws those over the row) is painted
directly, as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem, QTreeView, QWidget

from packstation.ui.quiet_layout import UPDATES_DISABLED, lay_out_quietly
from packstation.ui.row_delegate import LOOK_ROLE, Kept, RowDelegate, RowLook

AnyIndex = QModelIndex | QPersistentModelIndex

_KEPT = 128  # row pictures kept (~50 kB each): every row a scan repaints, and more
_SEEN = 512  # rows remembered as painted once (a key each)
# Rows the style draws over (selection, hover, focus): painted directly. Plain ints: a Python
# enum's `&` costs microseconds.
_DIRECT = (
    QStyle.StateFlag.State_Selected.value
    | QStyle.StateFlag.State_MouseOver.value
    | QStyle.StateFlag.State_HasFocus.value
)
# The state bits a picture's pixels depend on: in QTreeView::drawRow they pick the palette's
# colour group (disabled, active, inactive). The tree's own bits (open, children, sibling: a row
# gaining a sibling below) change nothing the delegate paints; `_DIRECT` rows have no picture.
_PICTURE_STATE = QStyle.StateFlag.State_Enabled.value | QStyle.StateFlag.State_Active.value


# What a picture's pixels depend on besides its look and width (the font aside: a new one
# clears the pictures): row height, state bits (`_PICTURE_STATE`), palette, colour group,
# device pixel ratio.
_Context = tuple[int, int, int, QPalette.ColorGroup, float]
_Key = tuple[object, ...]


def _key(look: RowLook, width: int, context: _Context) -> _Key:
    background, foreground = look.background, look.foreground
    return (
        look.text,
        look.bold,
        look.italic,
        None if background is None else background.rgba(),
        None if foreground is None else foreground.rgba(),
        width,
        context,
    )


class RowPictures(RowDelegate):
    """Paints one-line rows (the boxes tree) from kept pictures; see the module doc. For views
    whose rows lie on the palette's base colour (no style sheet, no alternating row colours).

    Args:
        view: the item view it paints for.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view, wrap=False)
        self._pictures: Kept[_Key, QPixmap] = Kept(_KEPT)
        # Rows painted once, directly (a picture costs more than one direct paint): a row's
        # picture is made the second time it is painted, most rows' texts being shown once.
        self._seen: Kept[_Key, bool] = Kept(_SEEN)
        self._painted_font = QFont()  # the font of the kept pictures (another one: start again)
        # The context of the last row painted plainly, and a copy of its option: what `prepare`
        # draws pictures in, for rows painted in that context again (None: none painted yet).
        self._context: _Context | None = None
        self._option = QStyleOptionViewItem()

    def _same_font(self, font: QFont) -> None:
        if font != self._painted_font:
            self._painted_font = QFont(font)
            self._pictures.clear()
            self._seen.clear()
            self._context = None  # its option has the old font

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        look = index.data(LOOK_ROLE)
        state = option.state.value
        if state & _DIRECT or not isinstance(look, RowLook) or look.picture is not None:
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
            painter.device().devicePixelRatio(),
        )
        if context != self._context:
            self._context, self._option = context, QStyleOptionViewItem(option)
        key = _key(look, rect.width(), context)
        picture = self._pictures.get_recent(key)
        if picture is None:
            if self._seen.get_recent(key) is None:
                self._seen.keep(key, True)
                super().paint(painter, option, index)
                return
            picture = self._picture(option, look, rect.width(), context, key)
        painter.drawPixmap(rect.topLeft(), picture)

    def prepare(self, look: RowLook, font: QFont, width: int) -> None:
        """Also draw the picture of a row showing `look`, `width` wide, in the context rows were
        last painted in: if the row is painted in it, it is copied from the start (each scan
        shows rows never painted before: new counts). In another context (a new palette, row
        height, ...) the key differs and the row is painted as before."""
        super().prepare(look, font, width)
        context = self._context
        if context is None or look.picture is not None or font != self._painted_font:
            return
        key = _key(look, width, context)
        if self._pictures.get_recent(key) is None:
            self._picture(self._option, look, width, context, key)

    def _picture(
        self, option: QStyleOptionViewItem, look: RowLook, width: int, context: _Context, key: _Key
    ) -> QPixmap:
        """The row as `RowDelegate` paints it over the view's background (its base colour)."""
        height, ratio = context[0], context[-1]
        picture = QPixmap(round(width * ratio), round(height * ratio))
        picture.setDevicePixelRatio(ratio)
        picture.fill(option.palette.base().color())
        at_origin = QStyleOptionViewItem(option)
        at_origin.rect = QRect(0, 0, width, height)
        painter = QPainter(picture)
        self.paint_look(painter, at_origin, look)
        painter.end()
        return self._pictures.keep(key, picture)


class BoxesTree(QTreeView):
    """The boxes tree: rows show opened as they come, and after rows were inserted or removed only
    the rows from the first one that changed down to where the rows end (before or after) are
    repainted, not the whole viewport.

    Qt lays the tree out again after an insertion or removal and then repaints all of the
    viewport: every row's delegate and the empty space below (issue 19). A scan changes one box:
    the rows above it, and the empty space below the rows, stay as they are. Where a change
    starts is noted when the model reports it (and when a row opens or closes: that lays out
    again too); the layout runs with the viewport's updates blocked, then the changed band is
    updated. Anything else that lays the tree out (a reset, scrolling, a resize) repaints
    everything, as Qt does; so does Qt on a new font, style or palette.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Where changes start since the last layout: a row whose top begins the band; None: the top.
        self._changes: list[QPersistentModelIndex | None] = []
        self._bottom: int | None = None  # where the rows ended when last painted; None: unknown
        self.expanded.connect(self._opened_or_closed)
        self.collapsed.connect(self._opened_or_closed)

    def prepare(self, rows: Iterable[tuple[RowLook, int]]) -> None:
        """Lay out the texts of rows about to show these looks, each at its depth in the tree
        (`RowDelegate.prepare`), and draw their pictures (`RowPictures.prepare`)."""
        delegate = self.itemDelegate()
        if not isinstance(delegate, RowDelegate):
            return
        font = self.font()
        # A row's cell is the column less the indentation of its depth (the branch signs' space):
        # the width QTreeView::drawRow gives the delegate (section width less indentationForItem).
        column = self.columnWidth(0) - (self.indentation() if self.rootIsDecorated() else 0)
        for look, depth in rows:
            delegate.prepare(look, font, column - depth * self.indentation())

    # -- where changes start -----------------------------------------------------------------------

    def _note(self, parent: QModelIndex, start: int) -> None:
        """Rows change under `parent` from `start` on: the band starts at the sibling above them
        (its branch lines may change), or at `parent` for its first rows (its branch sign may
        change). Not at `parent` for every child: a box's code rows above a new one stay as they
        are (a coded order's scans repainted all of them; issue 19)."""
        if start > 0:
            self._changes.append(QPersistentModelIndex(self.model().index(start - 1, 0, parent)))
        elif parent.isValid():
            self._changes.append(QPersistentModelIndex(parent))
        else:
            self._changes.append(None)

    def rowsInserted(self, parent: QModelIndex, start: int, end: int) -> None:  # type: ignore[override]
        self._note(parent, start)
        super().rowsInserted(parent, start, end)
        # New rows show opened, as everything does (the packer sees what went where). Their band
        # is noted: `expanded` is not emitted for them (each emission would call Python).
        blocked = self.blockSignals(True)
        try:
            if parent.isValid():
                self.expand(parent)
            model = self.model()
            for row in range(start, end + 1):
                self.expandRecursively(model.index(row, 0, parent))
        finally:
            self.blockSignals(blocked)

    def rowsAboutToBeRemoved(self, parent: QModelIndex, start: int, end: int) -> None:  # type: ignore[override]
        self._note(parent, start)
        super().rowsAboutToBeRemoved(parent, start, end)

    def dataChanged(  # type: ignore[override]
        self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Sequence[int] = ()
    ) -> None:
        if self._changes:  # a layout is pending: Qt leaves these rows to it, so does the band
            self._changes.append(QPersistentModelIndex(top_left))
        super().dataChanged(top_left, bottom_right, roles)

    def _opened_or_closed(self, index: QModelIndex) -> None:
        # The rows below it move (when it is laid out later, Qt paints nothing then).
        self._changes.append(QPersistentModelIndex(index))

    def reset(self) -> None:
        self._changes.clear()
        self._bottom = None
        super().reset()

    # -- the layout and the band it repaints -------------------------------------------------------

    def doItemsLayout(self) -> None:
        changes, self._changes = self._changes, []
        viewport = self.viewport()
        shown = self._bottom
        if not changes or shown is None or viewport.testAttribute(UPDATES_DISABLED):
            super().doItemsLayout()  # updates all of the viewport
            return
        if not lay_out_quietly(self, super().doItemsLayout):
            return
        top = min(self._top(change) for change in changes)
        bottom = max(shown, self._rows_bottom())
        if bottom > top:
            viewport.update(QRect(0, top, viewport.width(), bottom - top))

    def _top(self, change: QPersistentModelIndex | None) -> int:
        if change is None or not change.isValid():
            return 0
        rect = self.visualRect(change)
        return rect.top() if rect.isValid() else 0

    def _rows_bottom(self) -> int:
        """Where the laid-out rows end in the viewport, or below (a shown header's height, the
        size hint of a tree without rows): a band that reaches lower repaints a little more."""
        return self.viewportSizeHint().height()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        # What the screen shows now: the rows as laid out (every change repaints what it moved).
        self._bottom = self._rows_bottom()
