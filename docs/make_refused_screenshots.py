"""Screenshots of a refused marking code and of the labels a resubmit voids, in Russian.

Run under a display (the README images are made with Xvfb)::

    xvfb-run -a -s "-screen 0 1400x900x24" python3 docs/make_refused_screenshots.py

It starts the real shell in demo mode, packs a business order of two shoe pairs whose second
code the Market refuses and saves `docs/refused-code-banner.png`; then it scans a replacement,
moves the second pair into a box of its own, submits again, opens the print queue and saves
`docs/void-labels.png`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from demo_shell import DOCS, run_demo_shell
from PySide6.QtCore import Qt

from packstation.app import Shell
from packstation.market.gateway import MarketGateway
from packstation.sandbox.state import Sandbox
from packstation.services.packing import Phase
from packstation.ui.packing_view import PackingView

SHOES = "SHOE-RUN-43"


async def until(sandbox: Sandbox, condition: Callable[[], bool]) -> None:
    for _ in range(1000):
        sandbox.finish_verifications()
        if condition():
            return
        await asyncio.sleep(0.01)
    raise RuntimeError("the demo did not reach the expected state")


async def shoot(shell: Shell, sandbox: Sandbox, gateway: MarketGateway) -> None:
    window = shell.window
    window.resize(1400, 880)
    window.show()
    order = sandbox.add_order(((SHOES, 2),), buyer_type="BUSINESS")
    await shell.load_orders()
    view = shell.packing.desk.open_order(order.id)
    assert isinstance(view, PackingView)
    barcode = view.session.order.lines[0].barcodes[0]
    good = sandbox.unused_codes(SHOES)[:3]
    scan = shell.packing.desk.handle_scan
    scan(barcode)
    scan(good[0])
    scan(barcode)
    scan(good[1][:18] + "BAD" + good[1][21:])  # a serial the demo Market refuses
    scan("PS:SUBMIT")
    await until(sandbox, lambda: bool(view.session.packing.rejected) and shell.tasks.running == 0)
    await asyncio.sleep(0.6)
    window.grab().save(str(DOCS / "refused-code-banner.png"))

    scan(good[2])
    view.session.move(view.session.order.lines[0].id, 0, None)
    view.submit()
    await until(sandbox, lambda: view.session.phase is Phase.DONE and shell.tasks.running == 0)
    window.print_queue_action.trigger()
    window.print_dock.setMinimumWidth(660)
    window.resizeDocks([window.print_dock], [660], Qt.Orientation.Horizontal)
    if shell.print_queue is not None:  # columns wide enough to read the VOID row
        for column in range(3):
            shell.print_queue.queue.resizeColumnToContents(column)
    await asyncio.sleep(0.6)
    window.grab().save(str(DOCS / "void-labels.png"))
    print(f"saved refused-code-banner.png and void-labels.png (order {order.id})")


def main() -> int:
    return run_demo_shell(shoot)


if __name__ == "__main__":
    raise SystemExit(main())
