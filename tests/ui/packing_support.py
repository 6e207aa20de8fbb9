"""A packing desk over the in-process sandbox for the packing view tests and the bench.

`open_desk` builds the real pieces (Market client + gateway over `httpx.ASGITransport`, a
`PackingSession` with an in-memory journal, the `TaskRunner`, a `PackingView`) for one order the
sandbox creates. The session's sleep completes the sandbox's code checks, so a submit does not
wait for real seconds.

`running_shell` is the real shell over the same sandbox for the shell-level tests: started as the
test needs it, shut down after the test's block whatever happened in it (`closing_shell`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import httpx
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.app import MarketConnection, Shell, build_services, prepare
from packstation.cli import build_parser
from packstation.domain.order import Order
from packstation.domain.scan import ScanResult
from packstation.logs import shutdown_logging
from packstation.market.client import MarketClient
from packstation.market.gateway import MarketGateway
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID
from packstation.sandbox.model import Order as SandboxOrder
from packstation.sandbox.state import Sandbox
from packstation.services.code_guard import CodeGuard
from packstation.services.label_job import LabelJob
from packstation.services.packing import PackingSession, SessionDeps
from packstation.services.ports import JournalPort, MarketPort, ShipmentsPort
from packstation.settings import SETTINGS_FILE, AppSettings, save_settings
from packstation.ui.packing_view import PackingDesk, PackingView
from packstation.ui.sounds import Sounds
from packstation.ui.tasks import TaskRunner
from tests.services.fakes import FakeJournal


class WallClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class _Pages:
    """The main window's part the desk uses: a packing view is shown on its own."""

    def show_packing(self, widget: QWidget) -> None:
        widget.resize(1100, 700)
        widget.show()

    def show_orders(self) -> None:
        pass


@dataclass
class _OneOrder:
    """The order queue's part the desk uses, listing only the opened order."""

    order: Order

    def get(self, order_id: int) -> Order | None:
        return self.order if order_id == self.order.id else None

    def subscribe_order(self, order_id: int, callback: Callable[[Order], None]) -> Callable[[], None]:
        return lambda: None

    def find_by_scan(self, scan: ScanResult) -> Order | None:
        return None


@dataclass
class Desk:
    """Everything one packing test touches."""

    sandbox: Sandbox
    client: MarketClient
    gateway: MarketGateway
    order: Order
    session: PackingSession
    view: PackingView
    desk: PackingDesk
    tasks: TaskRunner
    sounds: Sounds
    journal: FakeJournal
    errors: list[str] = field(default_factory=list)
    crashes: list[BaseException] = field(default_factory=list)

    @property
    def market_order(self) -> SandboxOrder:
        """The order as the sandbox holds it now."""
        return self.sandbox.find(self.order.id)

    def scan(self, text: str) -> None:
        """A scan from the scanner, down the desk's one scan path."""
        self.desk.handle_scan(text)

    async def settle(self) -> None:
        """Wait for the view's tasks and the session's background work."""
        for _ in range(200):
            await self.session.wait_idle()
            if not self.tasks.running:
                return
            await asyncio.sleep(0.01)

    async def close(self) -> None:
        await self.desk.aclose()  # as the app closes it: the view detached, the session closed
        await self.tasks.shutdown()
        await self.client.aclose()
        self.view.deleteLater()


async def open_desk(
    app: Starlette,
    offers: tuple[tuple[str, int], ...],
    *,
    program: str = "FBS",
    buyer_type: str = "PERSON",
    http: httpx.AsyncBaseTransport | None = None,
    base_url: str = "http://sandbox.invalid",
    finish_checks: bool = True,
    item_name: str | None = None,
    journal: JournalPort | None = None,
    labels: Callable[[MarketPort], LabelJob] | None = None,
    guard: CodeGuard | None = None,
) -> Desk:
    """A new sandbox order with `offers`, opened in a packing view (`finish_checks`: the
    session's waits complete the sandbox's code checks; `item_name`: the Market's name of
    every item of the order; `journal`: a real one instead of the in-memory fake, e.g. the
    bench's SQLite journal; `labels`: builds the label job over the order's Market, to print the
    labels at submit, e.g. on a CUPS queue; `guard`: the station's duplicate-code guard, as in the
    app)."""
    sandbox: Sandbox = app.state.sandbox
    created = sandbox.add_order(offers, program=program, buyer_type=buyer_type)
    if item_name is not None:
        for line in created.lines:
            line.product = dataclasses.replace(line.product, name=item_name)
    transport = http if http is not None else httpx.ASGITransport(app=app)
    client = MarketClient("demo", base_url, transport=transport)
    gateway = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)
    order = await gateway.get_order(created.id)

    async def sleep(_seconds: float) -> None:
        if finish_checks:  # else the codes stay IN_PROGRESS and the session's wait times out
            sandbox.finish_verifications()
        await asyncio.sleep(0)

    fake = FakeJournal()
    job = labels(gateway) if labels is not None else None
    deps = SessionDeps(
        gateway, fake if journal is None else journal, WallClock(), labels=job, guard=guard, sleep=sleep
    )
    session = PackingSession.open(order, deps)
    errors: list[str] = []
    crashes: list[BaseException] = []
    tasks = TaskRunner(errors.append, crashes.append)
    sounds = Sounds(enabled=False)
    desk = PackingDesk(
        _Pages(), _OneOrder(order), lambda _order: session, tasks, sounds=sounds
    )
    view = desk.open_order(order.id)
    assert view is not None
    return Desk(sandbox, client, gateway, order, session, view, desk, tasks, sounds, fake, errors, crashes)


def shell_over(
    qtbot: QtBot, data_dir: Path, market: MarketPort, *, settings: AppSettings | None = None,
    closers: tuple[MarketClient, ...] = (), shipments: ShipmentsPort | None = None,
) -> Shell:
    """The real shell (English UI) over `market`, with `settings` saved in `data_dir` first;
    shutting it down closes the `closers` clients."""
    if settings is not None:
        save_settings(settings, data_dir / SETTINGS_FILE)
    args: argparse.Namespace = build_parser().parse_args(["--data-dir", str(data_dir), "--lang", "en"])
    connection = MarketConnection(
        market, [client.aclose for client in closers], expect_express=True, shipments=shipments
    )
    runtime = prepare(args)
    shell = Shell(runtime, build_services(runtime, connection))
    qtbot.addWidget(shell.window)
    return shell


def sandbox_shell(
    qtbot: QtBot, data_dir: Path, app: Starlette, settings: AppSettings | None = None
) -> tuple[Shell, MarketClient]:
    """The real shell over the in-process sandbox, through the real client and gateway."""
    client = MarketClient("demo", "http://sandbox.invalid", transport=httpx.ASGITransport(app=app))
    gateway = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)
    shell = shell_over(qtbot, data_dir, gateway, settings=settings, closers=(client,), shipments=gateway)
    return shell, client


@contextlib.asynccontextmanager
async def closing_shell(shell: Shell, *clients: MarketClient) -> AsyncIterator[Shell]:
    """`shell` for the block; after it, even when it failed, shut down in this order: the shell,
    the `clients`, the logging the shell set up (each step runs even when the one before fails)."""
    async with contextlib.AsyncExitStack() as stack:  # its callbacks run last in, first out
        stack.callback(shutdown_logging)
        for client in reversed(clients):
            stack.push_async_callback(client.aclose)
        stack.push_async_callback(shell.shutdown)
        yield shell


@contextlib.asynccontextmanager
async def running_shell(
    qtbot: QtBot,
    data_dir: Path,
    app: Starlette,
    settings: AppSettings | None = None,
    *,
    show: bool = True,
    local_store: bool = False,
    load: bool = True,
) -> AsyncIterator[Shell]:
    """The real shell over the in-process sandbox (`sandbox_shell`), started in this order: its
    window shown (`show`), the local store opened (`local_store`: else packing opens it when it
    first needs it), the orders loaded (`load`); shut down after the block (`closing_shell`)."""
    shell, client = sandbox_shell(qtbot, data_dir, app, settings)
    async with closing_shell(shell, client):
        if show:
            shell.window.show()
        if local_store:
            shell.start_local_store()
        if load:
            await shell.load_orders()
        yield shell


@contextlib.asynccontextmanager
async def running_desks(
    qtbot: QtBot, data_dir: Path, app: Starlette, desks: Sequence[AppSettings], *, local_store: bool = False
) -> AsyncIterator[list[Shell]]:
    """One real shell per desk of the fleet (`desks`: each one's settings, with the fleet's DSN and
    its `desk_name`; its data in `data_dir / desk_name`), all built first, then each started in
    turn: its window shown, its local store opened (`local_store`), the fleet joined, the orders
    loaded. All are shut down after the block, the last desk first (`closing_shell`)."""
    async with contextlib.AsyncExitStack() as stack:
        shells: list[Shell] = []
        for settings in desks:
            desk_dir = data_dir / settings.desk_name
            desk_dir.mkdir()
            started = running_shell(qtbot, desk_dir, app, settings, show=False, load=False)
            shells.append(await stack.enter_async_context(started))
        for shell in shells:
            assert shell.fleet is not None
            shell.window.show()
            if local_store:
                shell.start_local_store()
            await shell.fleet.start(wake=shell.queue.wake, full_read=partial(shell.queue.refresh, full=True))
            await shell.load_orders()
        yield shells
