"""The boxes tree: rows painted from pictures (`row_pictures.RowPictures`), and after a change
only the rows that moved repainted (issue 19).

Qt lays the tree out again after an insertion or removal and repaints all of its viewport; a scan
changes one box, so `BoxesTree` repaints only the band from the first row that changed down to
where the rows end (see the class doc).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QTreeView, QWidget

from packstation.ui.quiet_layout import UPDATES_DISABLED, lay_out_quietly
from packstation.ui.row_delegate import RowDelegate, RowLook

AnyIndex = QModelIndex | QPersistentModelIndex


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
