"""Screenshots of the Express courier hand-over page (each outcome) and of the Couriers panel,
from the real app in Russian.

Run under a display (the README images are made with Xvfb)::

    xvfb-run -a -s "-screen 0 1400x900x24" python3 docs/make_handover_screenshots.py
    xvfb-run -a -s "-screen 0 1400x900x24" python3 docs/make_handover_screenshots.py --network

It starts the real shell in demo mode (the in-process Market emulator), packs a new Express order
by scans, and drives the hand-over the way a packer does (scans through the desk's one path):
a code before the courier came (`handover-no-courier.png`), a wrong code
(`handover-rejected.png`), the attempts used up (`handover-need-update.png`), the right code
(`handover-accepted.png`) and the Couriers panel with an arrival banner (`couriers-panel.png`).
`--network` runs against an emulator that drops every verifyEac answer (`handover-network.png`).
"""

from __future__ import annotations

import asyncio
import sys

from demo_shell import DOCS, run_demo_shell

from packstation.app import Shell
from packstation.market.gateway import MarketGateway
from packstation.sandbox.config import SandboxConfig
from packstation.sandbox.state import Sandbox
from packstation.ui.packing_view import PackingView


async def _settle(shell: Shell) -> None:
    for _ in range(300):
        if shell.tasks.running == 0:
            break
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.5)


async def _packed_express(shell: Shell, sandbox: Sandbox) -> PackingView:
    window = shell.window
    window.resize(1280, 780)
    window.show()
    created = sandbox.add_order((("CHARGER-65", 1),), program="EXPRESS")
    await shell.load_orders()
    view = shell.packing.desk.open_order(created.id)
    assert view is not None
    shell.packing.desk.handle_scan(view.session.order.lines[0].barcodes[0])
    shell.packing.desk.handle_scan("PS:SUBMIT")
    await view.session.wait_idle()
    await _settle(shell)
    return view


async def _scan(shell: Shell, text: str) -> None:
    shell.packing.desk.handle_scan(text)
    await _settle(shell)


def _save(shell: Shell, name: str) -> None:
    shell.window.grab().save(str(DOCS / name))
    print(f"saved {DOCS / name}")


async def shoot(shell: Shell, sandbox: Sandbox, _gateway: MarketGateway) -> None:
    view = await _packed_express(shell, sandbox)
    order_id = view.session.order.id
    await _scan(shell, "4711")
    _save(shell, "handover-no-courier.png")

    sandbox.advance_clock(4 * sandbox.config.courier_step)  # the first courier is at the desk
    await shell.queue.refresh(full=True)
    # A second packed Express order, its courier still being looked for, for the panel.
    other = sandbox.add_order((("MUG-300", 1),), program="EXPRESS")
    await shell.queue.refresh(full=True)
    second = shell.packing.desk.open_order(other.id)
    assert second is not None, shell.window.message_bar.text
    shell.packing.desk.handle_scan(second.session.order.lines[0].barcodes[0])
    shell.packing.desk.handle_scan("PS:SUBMIT")
    await second.session.wait_idle()
    await _settle(shell)
    await shell.queue.refresh(full=True)
    shell.window.show_orders()
    shell.couriers.show_panel()
    await _settle(shell)
    _save(shell, "couriers-panel.png")
    shell.couriers.dock.hide()
    shell.couriers.banner.dismiss()

    shell.packing.desk.handle_scan(f"{order_id}-1")  # the parcel's box label opens its hand-over
    await _settle(shell)
    real = sandbox.eac_code(order_id)
    wrong = "4711" if real != "4711" else "4712"
    await _scan(shell, wrong)
    _save(shell, "handover-rejected.png")
    for _ in range(sandbox.config.eac_attempts - 1):
        await _scan(shell, wrong)
    _save(shell, "handover-need-update.png")
    await _scan(shell, sandbox.eac_code(order_id))  # the courier's new code
    _save(shell, "handover-accepted.png")


async def shoot_network(shell: Shell, sandbox: Sandbox, _gateway: MarketGateway) -> None:
    view = await _packed_express(shell, sandbox)
    sandbox.advance_clock(4 * sandbox.config.courier_step)
    await shell.queue.refresh(full=True)
    shell.couriers.banner.dismiss()
    await _scan(shell, sandbox.eac_code(view.session.order.id))
    _save(shell, "handover-network.png")


def main() -> int:
    if "--network" in sys.argv[1:]:
        return run_demo_shell(shoot_network, config=SandboxConfig(seed=1, faults="drop=1@/verifyEac"))
    return run_demo_shell(shoot)


if __name__ == "__main__":
    raise SystemExit(main())
