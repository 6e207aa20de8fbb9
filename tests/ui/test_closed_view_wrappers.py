"""A closed packing view leaves no Python wrapper of a deleted Qt item behind.

Qt makes the boxes model's invisible root item itself and deletes it with the model without
telling PySide: a wrapper the model kept of it outlived it (until the garbage collector broke
the model's reference cycles), and PySide handed that wrapper out for whatever C++ object next
took its address: `horizontalScrollBar()` came back as a QStandardItem, then a segfault, once
closed views were deleted (the stream bench packing hundreds of orders in a row).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QStandardItem
from starlette.applications import Starlette

from tests.ui.packing_support import open_desk


def _item_wrappers() -> set[int]:
    """The live wrappers of Qt items (earlier tests may have left some: compared as sets)."""
    return {id(wrapper) for wrapper in shiboken6.getAllValidWrappers() if isinstance(wrapper, QStandardItem)}


@pytest.fixture
def no_collector() -> Iterator[None]:
    """The state between a view's deletion and the next collection, held still."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.mark.asyncio
async def test_a_deleted_packing_view_leaves_no_item_wrapper(
    sandbox_app: Starlette, no_collector: None
) -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # earlier tests' views
    before = _item_wrappers()
    desk = await open_desk(sandbox_app, (("MUG-300", 2), ("BOOK-WP", 1)))
    desk.scan(desk.order.lines[0].barcodes[0])
    assert _item_wrappers() - before  # the boxes model's rows are Qt items
    await desk.close()  # deleteLater, as the desk does when the packer goes back to the orders
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert _item_wrappers() - before == set()
