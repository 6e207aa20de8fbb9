"""A screenshot of the Shipments window, from the real app in Russian.

Run under a display (the README image is made with Xvfb)::

    xvfb-run -a -s "-screen 0 1400x900x24" python3 docs/make_shipments_screenshot.py

It starts the real shell in demo mode (the in-process Market emulator), lays out the boxes of a
few orders of today's shipment (so some count as packed), opens the Shipments window, selects
today's shipment (past its cutoff, so the Market offers CONFIRM) and saves `docs/shipments.png`.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

import httpx
import qasync
from PySide6.QtWidgets import QApplication

from packstation.app import MarketConnection, Shell, build_services, prepare
from packstation.cli import build_parser
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan
from packstation.market.client import MarketClient
from packstation.market.gateway import MarketGateway
from packstation.sandbox.app import create_app
from packstation.sandbox.config import SandboxConfig
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from packstation.sandbox.state import Sandbox
from packstation.ui.i18n import Translations

DOCS = Path(__file__).resolve().parent


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
    with tempfile.TemporaryDirectory() as data_dir:
        args = build_parser().parse_args(["--demo", "--lang", "ru", "--data-dir", data_dir])
        runtime = prepare(args)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        translations = Translations(app)
        translations.apply("ru")
        sandbox_app = create_app(SandboxConfig(seed=1))
        transport = httpx.ASGITransport(app=sandbox_app)
        client = MarketClient("demo", "http://sandbox.invalid", transport=transport)
        gateway = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)
        market = MarketConnection(gateway, [client.aclose], expect_express=True, shipments=gateway)
        shell = Shell(runtime, build_services(runtime, market), translations)
        sandbox: Sandbox = sandbox_app.state.sandbox
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)

        async def run() -> None:
            try:
                await shoot(shell, sandbox, gateway)
            finally:
                await shell.shutdown()

        with loop:
            loop.run_until_complete(run())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
