"""A list whose rows wrap at its width and repaint alone when they change (issue 19).

Rows that wrap differ in height, and a QListView whose rows may differ lays every row out again
and repaints the whole list when any row's data changes: each scan (one line's progress) did.
`WrappingListView` repaints just the changed row while its height stays; only a row that grows
or shrinks lays the list out again. Its rows are painted by `RowDelegate`, wrapping.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyleOptionViewItem, QWidget

from packstation.ui.row_delegate import RowDelegate

AnyIndex = QModelIndex | QPersistentModelIndex


class WrappingListView(QListView):
    """A QListView of wrapped rows (see the module doc)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # a new width wraps the rows again
        self._rows = RowDelegate(self, wrap=True)
        self.setItemDelegate(self._rows)

    def dataChanged(self, top_left: AnyIndex, bottom_right: AnyIndex, roles: Sequence[int] = ()) -> None:
        one_row = top_left.isValid() and top_left.row() == bottom_right.row()
        if one_row:
            option = QStyleOptionViewItem()
            self.initViewItemOption(option)
            if self._rows.height_kept(option, top_left):
                # The item views' own handling: repaint the row's rectangle, without
                # QListView's relayout of every row.
                QAbstractItemView.dataChanged(self, top_left, bottom_right, list(roles))
                return
        super().dataChanged(top_left, bottom_right, list(roles))
