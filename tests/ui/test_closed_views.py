"""What a closed packing view leaves behind once Qt deleted it: nothing.

1. No reference cycle (issue 19): its view, models and session are freed by reference counting
   when the view is deleted, not by a later garbage collection. Before, every closed order left
   ~550 objects in cycles (the session with its edit log and countdown, each view model with
   its unsubscriber, each list with its row delegate): Python's collector freed them in
   whatever scan of the next orders it happened to run, 8-14 ms at a time (and a full collection
   of 50-130 ms now and then): the stream bench's dropped frames. These tests hold the collector
   still, do their work, then ask it to keep (`DEBUG_SAVEALL`) instead of freeing what it finds
   unreachable: that must hold nothing of ours or of Qt's.
2. No Python wrapper of a deleted Qt item. Qt makes the boxes model's invisible root item itself
   and deletes it with the model without telling PySide: a wrapper the model kept of it outlived
   it, and PySide handed that wrapper out for whatever C++ object next took its address:
   `horizontalScrollBar()` came back as a QStandardItem, then a segfault, once closed views were
   deleted (the stream bench packing hundreds of orders in a row).
"""

from __future__ import annotations

import asyncio
import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QStandardItem
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.ui.main_window import RETIRE_AFTER_MS
from tests.ui.packing_support import open_desk, running_shell
from tests.ui.shell_packing import open_order, pack_and_submit

pytestmark = [pytest.mark.asyncio]


def _deleted_later() -> None:
    """What the event loop does with views thrown away (`deleteLater`)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def collector_held() -> Iterator[None]:
    """A collection first, then no automatic one until the test asks: the state between a view's
    deletion and the next collection, held still."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


# -- 1. no cycle ---------------------------------------------------------------------------------


def _ours_in_cycles() -> list[str]:
    """The types of our and Qt's objects only a garbage collection would free now."""
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        found = sorted(
            {
                f"{type(thing).__module__}.{type(thing).__qualname__}"
                for thing in gc.garbage
                if type(thing).__module__.startswith(("packstation", "PySide6"))
            }
        )
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    return found


async def test_a_closed_packing_view_and_its_session_leave_no_cycle(
    sandbox_app: Starlette, collector_held: None
) -> None:
    _deleted_later()  # earlier tests' views
    assert _ours_in_cycles() == []
    # Marking codes too: the session's code checks (the verification poller) take part.
    desk = await open_desk(sandbox_app, (("MUG-300", 2), ("SHOE-RUN-43", 1)))
    desk.scan(desk.order.lines[0].barcodes[0])
    desk.scan("PS:UNDO")
    desk.scan(desk.order.lines[0].barcodes[0])
    await desk.settle()
    await desk.close()
    del desk  # holds the view and the session: now only cycles could keep them
    _deleted_later()
    assert _ours_in_cycles() == []


async def test_an_order_packed_in_the_shell_leaves_no_cycle_once_the_next_one_opens(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette, collector_held: None
) -> None:
    sandbox = sandbox_app.state.sandbox
    first = sandbox.add_order((("MUG-300", 2), ("BOOK-WP", 1)))
    second = sandbox.add_order((("CHARGER-65", 1),))
    async with running_shell(qtbot, tmp_path, sandbox_app, local_store=True) as shell:
        await pack_and_submit(shell, first.id)  # submit, labels, READY_TO_SHIP
        _deleted_later()
        gc.collect()  # what opening and packing left so far: the first view is still alive
        packed = shell.packing.desk.view
        assert packed is not None
        session = weakref.ref(packed.session)
        models = [weakref.ref(packed.lines_model), weakref.ref(packed.boxes_model)]
        view = open_order(shell, second.id)  # rebinds the first order's view: its session and models go
        assert view is packed
        await asyncio.sleep(RETIRE_AFTER_MS / 1000 + 0.05)  # deleteLater, after the new order's frame
        _deleted_later()
        assert session() is None  # freed by reference counting: no cycle kept it
        assert [model() for model in models] == [None, None]
        assert _ours_in_cycles() == []


# -- 2. wrappers --------------------------------------------------------------------------------


def _item_wrappers() -> set[int]:
    """The live wrappers of Qt items (earlier tests may have left some: compared as sets)."""
    return {id(wrapper) for wrapper in shiboken6.getAllValidWrappers() if isinstance(wrapper, QStandardItem)}


async def test_a_deleted_packing_view_leaves_no_item_wrapper(
    sandbox_app: Starlette, collector_held: None
) -> None:
    _deleted_later()  # earlier tests' views
    before = _item_wrappers()
    desk = await open_desk(sandbox_app, (("MUG-300", 2), ("BOOK-WP", 1)))
    desk.scan(desk.order.lines[0].barcodes[0])
    assert _item_wrappers() - before  # the boxes model's rows are Qt items
    await desk.close()  # deleteLater, as the desk does when the packer goes back to the orders
    _deleted_later()
    assert _item_wrappers() - before == set()


async def test_a_spare_view_thrown_away_leaves_no_cycle(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette, collector_held: None
) -> None:
    async with running_shell(qtbot, tmp_path, sandbox_app, load=False) as shell:
        desk = shell.packing.desk
        desk.drop_spare()
        _deleted_later()
        gc.collect()
        assert desk.prepare_spare() is not None  # the next order's view, built ahead...
        desk.drop_spare()  # ...and thrown away unbound (a language change, shutdown)
        _deleted_later()
        assert _ours_in_cycles() == []
