"""An item view's layout without Qt's repaint of all of its viewport (issue 19).

Qt ends an item view's layout (`doItemsLayout`) with an update of its whole viewport; the views
that know which rows a change moved (`boxes_tree`, `order_table`) lay out quietly and repaint
only the band below the first change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

UPDATES_DISABLED = Qt.WidgetAttribute.WA_UpdatesDisabled


def lay_out_quietly(view: QAbstractItemView, layout: Callable[[], None]) -> bool:
    """Run `layout` (the view's own `doItemsLayout`) with the viewport's updates held back.

    Returns:
        True when the viewport kept its size and scroll position: the caller repaints the band
        that changed. False when they moved: all of the viewport was updated here.
    """
    viewport = view.viewport()
    size, scrolled = viewport.size(), _scrolled(view)
    # setUpdatesEnabled(True) would update it all: the attribute is set and cleared instead.
    viewport.setAttribute(UPDATES_DISABLED, True)
    try:
        layout()
    finally:
        viewport.setAttribute(UPDATES_DISABLED, False)
    if viewport.size() != size or _scrolled(view) != scrolled:
        viewport.update()
        return False
    return True


def _scrolled(view: QAbstractItemView) -> tuple[int, int]:
    return view.verticalScrollBar().value(), view.horizontalScrollBar().value()
