"""A screenshot of the order list's deadlines, from the real app in Russian.

Run under a display (the README image is made with Xvfb), in Moscow time::

    TZ=Europe/Moscow xvfb-run -a -s "-screen 0 1400x900x24" python3 docs/make_deadline_screenshot.py

Both clocks (the emulator's and the station's) stand at 13:37 Moscow: the demo's Express orders
are due within the hour, its FBS orders due today at the store's 14:00 cutoff; one FBS order the
Market gave a time of 13:32 is late, and one order is packed first. Saves
`docs/order-list-deadlines.png`.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time

from demo_shell import DOCS, run_demo_shell

from packstation.app import Shell
from packstation.domain.time import MOSCOW
from packstation.market.gateway import MarketGateway
from packstation.sandbox.clock import SandboxClock
from packstation.sandbox.config import SandboxConfig
from packstation.sandbox.state import Sandbox
from packstation.settings import AppSettings
from packstation.ui.packing_view import PackingView

NOW = datetime.combine(date(2026, 12, 7), time(13, 37), MOSCOW)


class FixedClock:
    def now(self) -> datetime:
        return NOW


async def shoot(shell: Shell, sandbox: Sandbox, gateway: MarketGateway) -> None:
    late = sandbox.add_order((("BOOK-WP", 1),))
    sandbox.move_shipment_date(late.id, NOW.date(), time(13, 32))
    packed = sandbox.add_order((("MUG-300", 1),))
    sandbox.move_shipment_date(packed.id, NOW.date())
    shell.window.resize(1300, 760)
    shell.window.show()
    shell.start_local_store()
    await shell.load_orders()
    shell.window.order_activated.emit(packed.id)
    view = shell.window.packing_widget
    assert isinstance(view, PackingView)
    shell.packing.scanner.scanned.emit(view.session.order.lines[0].barcodes[0])
    shell.packing.scanner.scanned.emit("PS:SUBMIT")
    await view.session.wait_idle()
    for _ in range(200):
        if not shell.tasks.running:
            break
        await asyncio.sleep(0.05)
    view.back_requested.emit()
    await shell.queue.refresh()
    shell.show_shift()
    await asyncio.sleep(0.6)
    shell.window.grab().save(str(DOCS / "order-list-deadlines.png"))
    print(f"saved {DOCS / 'order-list-deadlines.png'}")


def main() -> int:
    config = SandboxConfig(seed=1, clock=SandboxClock(start=NOW))
    return run_demo_shell(shoot, AppSettings(station_name="Стол 1"), config=config, clock=FixedClock())


if __name__ == "__main__":
    raise SystemExit(main())
