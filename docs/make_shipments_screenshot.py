"""A screenshot of the Shipments window, from the real app in Russian.

Run under a display (the README image is made with Xvfb)::

    xvfb-run -a -s "-screen 0 1400x900x24" python3 docs/make_shipments_screenshot.py

It starts the real shell in demo mode (the in-process Market emulator), lays out the boxes of a
few orders of today's shipment (so some count as packed), opens the Shipments window, selects
today's shipment (past its cutoff, so the Market offers CONFIRM) and saves `docs/shipments.png`.
"""

from __future__ import annotations

import asyncio

from demo_shell import DOCS, run_demo_shell

from packstation.app import Shell
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan
from packstation.market.gateway import MarketGateway
from packstation.sandbox.demo_data import DEMO_CAMPAIGN_ID
from packstation.sandbox.state import Sandbox


async def shoot(shell: Shell, sandbox: Sandbox, gateway: MarketGateway) -> None:
    shell.window.show()
    shell.start_local_store()
    today = sandbox.shipment(sandbox.opened_at.date())
    members = [
        o for o in sandbox.all_orders([DEMO_CAMPAIGN_ID]) if o.program == "FBS" and o.shipment_id == today.id
    ]
    simple = [
        o for o in members if not any(li.product.required or li.product.box_count > 1 for li in o.lines)
    ]
    for order in simple[:2]:
        plan = LayoutPlan((BoxPlan(tuple(BoxEntry(li.id, full_count=li.count) for li in order.lines)),))
        await gateway.set_box_layout(order.id, plan)
    view = shell.open_shipments()
    assert view is not None
    view.resize(1250, 620)
    for _ in range(200):  # the window reads the shipments in a task of its own
        if view.rows and not shell.tasks.running:
            break
        await asyncio.sleep(0.05)
    view.select(today.id)
    await asyncio.sleep(0.6)
    view.grab().save(str(DOCS / "shipments.png"))
    print(f"saved {DOCS / 'shipments.png'} (shipment {today.id})")


def main() -> int:
    return run_demo_shell(shoot)


if __name__ == "__main__":
    raise SystemExit(main())
