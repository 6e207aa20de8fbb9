"""A screenshot of the Shift panel, from the real app in Russian.

Run under a display (the README image is made with Xvfb)::

    xvfb-run -a -s "-screen 0 1400x900x24" python3 docs/make_shift_screenshot.py

It starts the real shell in demo mode with two packers, signs each in by the badge scan, packs
orders for each (one refused scan too) through the scanner path, opens the Shift panel and saves
`docs/shift.png`.
"""

from __future__ import annotations

import asyncio

from demo_shell import DOCS, run_demo_shell

from packstation.app import Shell
from packstation.market.gateway import MarketGateway
from packstation.sandbox.state import Sandbox
from packstation.services.shift_config import PackerEntry, ShiftSettings
from packstation.settings import AppSettings
from packstation.ui.packing_view import PackingView


async def pack(shell: Shell, order_id: int, *, extra_scan: bool = False) -> None:
    shell.window.order_activated.emit(order_id)
    view = shell.window.packing_widget
    assert isinstance(view, PackingView)
    for line in view.session.order.lines:
        for _ in range(line.count + (1 if extra_scan else 0)):
            shell.packing.scanner.scanned.emit(line.barcodes[0])
    shell.packing.scanner.scanned.emit("PS:SUBMIT")
    await view.session.wait_idle()
    for _ in range(200):
        if not shell.tasks.running:
            break
        await asyncio.sleep(0.05)


async def shoot(shell: Shell, sandbox: Sandbox, gateway: MarketGateway) -> None:
    shell.window.show()
    shell.start_local_store()
    await shell.load_orders()
    orders = [sandbox.add_order(((offer, count),)) for offer, count in (("MUG-300", 2), ("BOOK-WP", 1))]
    orders += [sandbox.add_order((("MUG-300", 3),)), sandbox.add_order((("BOOK-WP", 2),))]
    await shell.load_orders()
    shell.packing.scanner.scanned.emit("PS:PACKER:P01")
    await pack(shell, orders[0].id)
    await pack(shell, orders[2].id)
    shell.packing.scanner.scanned.emit("PS:PACKER:P02")
    await pack(shell, orders[1].id, extra_scan=True)
    await pack(shell, orders[3].id)
    panel = shell.open_shift()
    assert panel is not None
    panel.resize(1000, 260)
    await asyncio.sleep(0.6)
    panel.grab().save(str(DOCS / "shift.png"))
    print(f"saved {DOCS / 'shift.png'}")


def main() -> int:
    shift = ShiftSettings(packers=[PackerEntry(name="Анна Петрова"), PackerEntry(name="Борис Смирнов")])
    return run_demo_shell(shoot, AppSettings(station_name="Стол 1", shift=shift))


if __name__ == "__main__":
    raise SystemExit(main())
