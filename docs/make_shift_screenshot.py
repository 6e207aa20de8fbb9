"""A screenshot of the Shift panel, from the real app in Russian.

Run under a display (the README image is made with Xvfb)::

    xvfb-run -a -s "-screen 0 1400x900x24" python3 docs/make_shift_screenshot.py

It starts the real shell in demo mode with two packers, signs each in by the badge scan, packs
orders for each (one refused scan too) through the scanner path, opens the Shift panel and saves
`docs/shift.png`.
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
from packstation.market.client import MarketClient
from packstation.market.gateway import MarketGateway
from packstation.sandbox.app import create_app
from packstation.sandbox.config import SandboxConfig
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from packstation.sandbox.state import Sandbox
from packstation.services.shift_config import PackerEntry, ShiftSettings
from packstation.settings import AppSettings, save_settings
from packstation.ui.i18n import Translations
from packstation.ui.packing_view import PackingView

DOCS = Path(__file__).resolve().parent


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


async def shoot(shell: Shell, sandbox: Sandbox) -> None:
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
    with tempfile.TemporaryDirectory() as data_dir:
        shift = ShiftSettings(packers=[PackerEntry(name="Анна Петрова"), PackerEntry(name="Борис Смирнов")])
        save_settings(AppSettings(station_name="Стол 1", shift=shift), Path(data_dir) / "settings.json")
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
                await shoot(shell, sandbox)
            finally:
                await shell.shutdown()

        with loop:
            loop.run_until_complete(run())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
