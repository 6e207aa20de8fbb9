"""A list whose rows wrap at its width and repaint alone when they change (issue 19).

Rows that wrap differ in height, and a QListView whose rows may differ lays every row out again
and repaints the whole list when any row's data changes: each scan (one line's progress) did.
`WrappingListView` repaints just the changed row while its height stays; only a row that grows
or shrinks lays the list out again. Its rows are painted by `RowDelegate`, wrapping, from
pictures kept and drawn ahead (`row_pictures`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from packstation.ui.row_delegate import RowLook
from packstation.ui.row_pictures import RowPictures

AnyIndex = QModelIndex | QPersistentModelIndex


class WrappingListView(QListView):
    """A QListView of wrapped rows (see the module doc)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # a new width wraps the rows again
        self._rows = RowPictures(self, wrap=True)
        self.setItemDelegate(self._rows)

    def prepare(self, looks: Iterable[RowLook]) -> None:
        """Lay out the texts of rows about to show these looks (`RowDelegate.prepare`); a row
        is as wide as the rows wrap."""
        width = self._rows.wrap_width()
        for look in looks:
            self._rows.prepare(look, self.font(), width)

    def dataChanged(self, top_left: AnyIndex, bottom_right: AnyIndex, roles: Sequence[int] = ()) -> None:
        row = top_left.row()
        before = self._rows.measured_height(row)
        if before is not None and top_left.isValid() and row == bottom_right.row() and self.isVisible():
            # The item views' own handling: repaint the row's rectangle, without QListView's
            # relayout of every row. Finding that rectangle measures the row (QListView asks the
            # delegate's sizeHint), so its new height is known without measuring it again.
            QAbstractItemView.dataChanged(self, top_left, bottom_right, list(roles))
            if self._rows.measured_height(row) == before:
                return
        super().dataChanged(top_left, bottom_right, list(roles))  # lays the rows out again
