"""Screenshot of a shortening the Market refused, from the real app in Russian.

Run under a display (the README images are made with Xvfb)::

    xvfb-run -a -s "-screen 0 1400x900x24" python3 docs/make_shorten_screenshot.py

It starts the real shell in demo mode, opens a new order with a mug and a phone case, boxes the
mug by scanning it, and asks the Market to remove the case. The case is promo on the Market only
by the time the request arrives, so the Market itself refuses (PROMO_PROHIBITS_DELETE); the
packing view keeps the order as it was and says why and what is left. Saves
`docs/shorten-refused.png`.
"""

from __future__ import annotations

import asyncio

from demo_shell import DOCS, run_demo_shell

from packstation.app import Shell
from packstation.market.gateway import MarketGateway
from packstation.sandbox.state import Sandbox


async def shoot(shell: Shell, sandbox: Sandbox, gateway: MarketGateway) -> None:
    window = shell.window
    window.resize(1280, 820)
    window.show()
    created = sandbox.add_order((("MUG-300", 2), ("CASE-PHONE", 1)))
    await shell.load_orders()
    view = shell.packing.desk.open_order(created.id)
    assert view is not None
    mug, case = view.session.order.lines
    shell.packing.desk.handle_scan(mug.barcodes[0])
    await view.session.learn_promo()  # not promo yet: the desk lets the request go
    market_line = sandbox.find(created.id).line(case.id)
    assert market_line is not None
    market_line.promo = True
    task = view.request_shorten({case.id: 0})
    if task is not None:
        await asyncio.wait({task})
    await asyncio.sleep(0.6)
    assert view.shorten_notice.isVisible()
    window.grab().save(str(DOCS / "shorten-refused.png"))
    print(f"saved {DOCS / 'shorten-refused.png'} (order {created.id})")


def main() -> int:
    return run_demo_shell(shoot)


if __name__ == "__main__":
    raise SystemExit(main())
