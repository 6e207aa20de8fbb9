"""Packing an order through the real shell as a packer does: open it from the list, scan every
unit, scan PS:SUBMIT, then wait until the submit and the label job are over.

Shared by the shell-level GUI tests that pack an order before checking what follows (the Shift
panel, History, the hand-over page, a restart); `open_desk` in `packing_support` is the
view-only desk.
"""

from __future__ import annotations

from packstation.app import Shell
from packstation.services.packing import Phase
from packstation.ui.packing_view import PackingView
from tests.fixtures.qt import until


def open_order(shell: Shell, order_id: int) -> PackingView:
    """Open `order_id` as a double-click in the list does; its packing view."""
    shell.window.order_activated.emit(order_id)
    view = shell.window.packing_widget
    assert isinstance(view, PackingView)
    return view


def scan_every_unit(shell: Shell, view: PackingView) -> None:
    """Scan each unit of the order once, by its line's first barcode, down the scanner's path."""
    for line in view.session.order.lines:
        for _ in range(line.count):
            shell.packing.scanner.scanned.emit(line.barcodes[0])


async def submit(shell: Shell, view: PackingView, *, phase: Phase = Phase.DONE) -> None:
    """Scan PS:SUBMIT; the session settles in `phase` (DONE: the Market said READY_TO_SHIP;
    an Express order waits for its courier in READY) and the label job ends."""
    shell.packing.scanner.scanned.emit("PS:SUBMIT")
    await view.session.wait_idle()
    assert view.session.phase is phase
    await until(lambda: shell.tasks.running == 0, "the label job")


async def pack_and_submit(shell: Shell, order_id: int) -> PackingView:
    """Open `order_id`, scan every unit and submit it: READY_TO_SHIP, its labels printed."""
    view = open_order(shell, order_id)
    scan_every_unit(shell, view)
    await submit(shell, view)
    return view
