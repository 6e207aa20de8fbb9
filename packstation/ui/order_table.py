"""The order list's table: after orders come or go, only the rows from the first change down are
repainted (issue 19).

Qt lays an item view out again after rows are inserted or removed and then repaints all of its
viewport: ~8 ms for a screen of orders, whatever the change, and a background refresh mostly
changes orders far below the rows on screen. `OrderTable` notes the first row a change touches;
the layout runs with the viewport's updates blocked, then only the band from that row's top to
the viewport's bottom is updated (nothing when the row is below the screen: the scroll bar,
a widget of its own, shows the new length). A change that scrolls or resizes the viewport, a
reset, and anything else that lays the table out repaint everything, as Qt does. Changed rows
that stay (`dataChanged`) repaint only themselves: Qt's own way.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtWidgets import QTableView, QWidget

from packstation.ui.quiet_layout import UPDATES_DISABLED, lay_out_quietly

AnyIndex = QModelIndex | QPersistentModelIndex


class OrderTable(QTableView):
    """A `QTableView` repainting after inserts and removals only the rows that moved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first: int | None = None  # the first row changed since the last layout

    def _note(self, start: int) -> None:
        # Each change moves the rows from its start down: the lowest start bounds them all.
        self._first = start if self._first is None else min(self._first, start)

    def rowsInserted(self, parent: AnyIndex, start: int, end: int) -> None:
        self._note(start)
        super().rowsInserted(parent, start, end)

    def rowsAboutToBeRemoved(self, parent: AnyIndex, start: int, end: int) -> None:
        self._note(start)
        super().rowsAboutToBeRemoved(parent, start, end)

    def reset(self) -> None:
        self._first = None
        super().reset()

    def doItemsLayout(self) -> None:
        first, self._first = self._first, None
        viewport = self.viewport()
        if first is None or viewport.testAttribute(UPDATES_DISABLED):
            super().doItemsLayout()  # updates all of the viewport
            return
        if not lay_out_quietly(self, super().doItemsLayout):
            return
        top = max(self._top(first), 0)
        if top < viewport.height():
            viewport.update(QRect(0, top, viewport.width(), viewport.height() - top))

    def _top(self, row: int) -> int:
        """Where row `row` begins in the viewport (or where the rows end, when there are fewer)."""
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        if row < rows:
            return self.rowViewportPosition(row)
        if rows == 0:
            return 0
        return self.rowViewportPosition(rows - 1) + self.rowHeight(rows - 1)
