"""The real shell in demo mode, in Russian, for the screenshot scripts beside this file.

`run_demo_shell(shoot)` builds what `packstation --demo` builds (the in-process Market emulator
served over `httpx.ASGITransport`) but keeps handles on the emulator and the gateway, so a script
can add orders or lay out boxes before it grabs a window; it runs `shoot(shell, sandbox, gateway)`
on a qasync loop, then shuts the shell down.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
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
from packstation.services.ports import Clock
from packstation.settings import AppSettings, save_settings
from packstation.ui.i18n import Translations

DOCS = Path(__file__).resolve().parent
Shoot = Callable[[Shell, Sandbox, MarketGateway], Awaitable[None]]


def run_demo_shell(
    shoot: Shoot, settings: AppSettings | None = None, *, config: SandboxConfig | None = None,
    clock: Clock | None = None,
) -> int:
    """Run `shoot` against a fresh demo shell in a temporary data dir (with `settings`, if given;
    `config`: the emulator's, e.g. a frozen clock; `clock`: the station's, e.g. the same instant)."""
    with tempfile.TemporaryDirectory() as data_dir:
        if settings is not None:
            save_settings(settings, Path(data_dir) / "settings.json")
        args = build_parser().parse_args(["--demo", "--lang", "ru", "--data-dir", data_dir])
        runtime = prepare(args)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        translations = Translations(app)
        translations.apply("ru")
        sandbox_app = create_app(config or SandboxConfig(seed=1))
        transport = httpx.ASGITransport(app=sandbox_app)
        client = MarketClient("demo", "http://sandbox.invalid", transport=transport)
        gateway = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)
        market = MarketConnection(gateway, [client.aclose], expect_express=True, shipments=gateway)
        shell = Shell(runtime, build_services(runtime, market, clock=clock), translations)
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
