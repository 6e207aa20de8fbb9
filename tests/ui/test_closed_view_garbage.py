"""A closed order leaves no reference cycle: its packing view, models and session are freed by
reference counting when the view is deleted, not by a later garbage collection (issue 19).

Before, every closed order left ~550 objects in cycles (the session with its edit log and
countdown, each view model with its unsubscriber, each list with its row delegate): Python's
collector freed them in whatever scan of the next orders it happened to run, 8-14 ms at a time
(and a full collection of 50-130 ms now and then): the stream bench's dropped frames.

Each test holds the collector still, does its work, then asks it to keep (`DEBUG_SAVEALL`)
instead of freeing what it finds unreachable: that must hold nothing of ours or of Qt's.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.logs import shutdown_logging
from packstation.ui.packing_view import PackingView
from tests.ui.packing_support import open_desk, sandbox_shell
from tests.ui.shell_packing import open_order, pack_and_submit

pytestmark = [pytest.mark.asyncio]


def _deleted_later() -> None:
    """What the event loop does with views thrown away (`deleteLater`)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def collector_held() -> Iterator[None]:
    """A collection first, then no automatic one until the test asks (`_ours_in_cycles`)."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


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
    shell, client = sandbox_shell(qtbot, tmp_path, sandbox_app)
    try:
        shell.window.show()
        shell.start_local_store()
        await shell.load_orders()
        await pack_and_submit(shell, first.id)  # submit, labels, READY_TO_SHIP
        _deleted_later()
        gc.collect()  # what opening and packing left so far: the first view is still alive
        view = open_order(shell, second.id)  # throws the first view away
        assert isinstance(view, PackingView)
        _deleted_later()
        assert _ours_in_cycles() == []
    finally:
        await shell.shutdown()
        await client.aclose()
        shutdown_logging()
