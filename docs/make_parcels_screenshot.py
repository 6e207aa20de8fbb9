"""Screenshot of a wardrobe that travels in three parcels, half-way through packing, in Russian.

Run under a display (the README images are made with Xvfb)::

    xvfb-run -a -s "-screen 0 1400x900x24" python3 docs/make_parcels_screenshot.py

It starts the real shell in demo mode, adds a business order of one wardrobe (catalogue `boxCount`
3) and a mug, marks the wardrobe for Chestny Znak (the demo catalogue has no marked multi-parcel
goods) and packs by scans alone: the wardrobe's first parcel, its code, its second parcel. The
packing screen then says "parcel 2 of 3"; it is saved as `docs/parcels-3.png`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import random

from demo_shell import DOCS, run_demo_shell

from packstation.app import Shell
from packstation.market.gateway import MarketGateway
from packstation.sandbox import codes
from packstation.sandbox.model import CIS
from packstation.sandbox.state import Sandbox


async def shoot(shell: Shell, sandbox: Sandbox, gateway: MarketGateway) -> None:
    order = sandbox.add_order((("WARDROBE-3", 1), ("MUG-300", 1)), buyer_type="BUSINESS")
    wardrobe = order.lines[0]
    shape = next(p.cis_shape for p in sandbox.catalogue.values() if p.cis_shape is not None)
    assert shape is not None
    wardrobe.product = dataclasses.replace(wardrobe.product, required=(CIS,), cis_shape=shape)
    code = codes.make_cis(random.Random(3), wardrobe.product.gtin14, shape.serial_len, shape.short_tail)
    window = shell.window
    window.resize(1280, 780)
    window.show()
    await shell.load_orders()
    view = shell.packing.desk.open_order(order.id)
    assert view is not None
    scan = shell.packing.desk.handle_scan
    scan(wardrobe.product.ean13)  # parcel 1 of 3; the screen asks for the unit's code
    scan(code)  # asked once: it travels in every parcel of the unit
    scan(wardrobe.product.ean13)  # parcel 2 of 3
    await asyncio.sleep(0.6)
    window.grab().save(str(DOCS / "parcels-3.png"))
    print(f"saved {DOCS / 'parcels-3.png'} (order {order.id})")


def main() -> int:
    return run_demo_shell(shoot)


if __name__ == "__main__":
    raise SystemExit(main())
