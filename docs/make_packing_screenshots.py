"""Screenshots of the order list and of a half-packed order, from the real app in Russian.

Run under a display (the README images are made with Xvfb)::

    xvfb-run -a -s "-screen 0 1400x900x24" python3 docs/make_packing_screenshots.py

It starts the real shell in demo mode (the in-process Market emulator), loads the orders, saves
`docs/order-list.png`, opens an order with several items, packs part of it by scanning its
barcodes (the same path the scanner takes) and saves `docs/packing.png`.
"""

from __future__ import annotations

import asyncio

from demo_shell import DOCS, run_demo_shell

from packstation.app import Shell
from packstation.domain.order import Order
from packstation.market.gateway import MarketGateway
from packstation.sandbox.state import Sandbox


def pick_order(orders: tuple[Order, ...]) -> Order:
    """An FBS order with several lines and at least one marked item: the interesting case."""
    def score(order: Order) -> tuple[int, int, int]:
        marked = sum(1 for line in order.lines if line.required)
        return (len(order.lines) >= 2 and order.units >= 3, marked > 0, order.units)

    candidates = [o for o in orders if not o.is_express and all(line.barcodes for line in o.lines)]
    return max(candidates, key=score)


async def shoot(shell: Shell, sandbox: Sandbox, gateway: MarketGateway) -> None:
    window = shell.window
    window.resize(1280, 780)
    window.show()
    await shell.load_orders()
    await asyncio.sleep(0.6)
    window.grab().save(str(DOCS / "order-list.png"))
    order = pick_order(shell.queue.orders())
    view = shell.packing.desk.open_order(order.id)
    assert view is not None
    first = order.lines[0]
    for _ in range(max(1, first.count)):
        shell.packing.desk.handle_scan(first.barcodes[0])
    marked = next((line for line in order.lines if line.required), None)
    if marked is not None:  # one unit's marking code, as the scanner would deliver it
        shell.packing.desk.handle_scan(sandbox.unused_codes(marked.offer_id)[0])
    view.new_box()
    shell.packing.desk.handle_scan(order.lines[1].barcodes[0])
    await asyncio.sleep(0.6)
    window.grab().save(str(DOCS / "packing.png"))
    print(f"saved {DOCS / 'order-list.png'} and {DOCS / 'packing.png'} (order {order.id})")


def main() -> int:
    return run_demo_shell(shoot)


if __name__ == "__main__":
    raise SystemExit(main())
