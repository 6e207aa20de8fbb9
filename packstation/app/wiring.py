"""Wiring: the adapters behind the ports, built once and handed to the shell as a plain value.

`connect_market` gives the Market port (the real one, or in demo mode the sandbox served
in-process over `httpx.ASGITransport`); `build_services` builds everything else the shell and
the packing workspace use: the order queue, the station clock, the label job on the configured
printer, the code-check budget, the picture fetcher and the station's local store (opened on
first use). Nothing is patched onto an object after it is built.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from packstation.app.prepare import Runtime
from packstation.domain.errors import PackstationError
from packstation.domain.time import SystemClock
from packstation.services.order_queue import OrderQueue
from packstation.services.ports import Clock, MarketPort, OfficePort, PicturePort, ShipmentsPort
from packstation.settings import AppSettings

# What the first frame does not need (the label job with its printer, the packing values, the
# SQLite store) loads in the functions that build it, once the window is up (issue 19).
if TYPE_CHECKING:
    from packstation.app.first_frame import FirstFrame
    from packstation.fleet.desk import FleetDesk
    from packstation.services.label_job import LabelJob
    from packstation.services.packing.values import CheckBudget
    from packstation.storage.local_store import LocalStore


@dataclass
class MarketConnection:
    """The Market port the services use, plus what must be closed at shutdown."""

    port: MarketPort
    closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    expect_express: bool = False
    office: OfficePort | None = None  # LaaS orders and statistics (the office window)
    shipments: ShipmentsPort | None = None  # FBS first-mile shipments (the Shipments window)

    async def aclose(self) -> None:
        for close in self.closers:
            await close()


def connect_market(runtime: Runtime) -> MarketConnection:
    """The real Market, or in demo mode the sandbox served in-process over `httpx.ASGITransport`."""
    import httpx

    from packstation.market.client import MarketClient
    from packstation.market.gateway import MarketGateway
    from packstation.market.office_gateway import OfficeGateway

    if runtime.demo:
        from packstation.demo_store import demo_config, seed_from_records
        from packstation.sandbox.app import create_app
        from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID, DEMO_LAAS_CAMPAIGN_ID

        emulator = create_app(demo_config())
        seed_from_records(emulator.state.sandbox, runtime.data_dir.path)  # agree with the journal
        transport = httpx.ASGITransport(app=emulator)
        client = MarketClient("demo", "http://sandbox.invalid", transport=transport)
        gateway = MarketGateway(client, DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID)
        office = OfficeGateway(client, DEMO_BUSINESS_ID, DEMO_LAAS_CAMPAIGN_ID)
        return MarketConnection(
            gateway, [client.aclose], expect_express=True, office=office, shipments=gateway
        )
    settings = runtime.settings
    key, business_id, campaign_id = runtime.key.key, settings.business_id, settings.campaign_id
    if key is None or business_id is None or campaign_id is None:
        raise ValueError("connect_market needs an API key and both store ids outside demo mode")
    client = MarketClient(key, settings.api_url)
    gateway = MarketGateway(client, business_id, campaign_id)
    office = OfficeGateway(client, business_id, campaign_id)
    return MarketConnection(gateway, [client.aclose], office=office, shipments=gateway)


class StationStore:
    """The station's local store (journal, outbox, code index, audit), opened on first use.

    Args:
        data_dir: where the store lives.
        settings: the settings (storage, station and packer names).
    """

    def __init__(self, data_dir: Path, settings: AppSettings) -> None:
        self._data_dir = data_dir
        self._settings = settings
        self.store: LocalStore | None = None

    def open(self, *, packer: str = "") -> LocalStore:
        """The local store, opened (and compacted) on first use; `packer` is the signed-in
        packer's name (empty: the one in Settings).

        Raises:
            StorageError: the local store cannot be opened.
        """
        from packstation.storage.local_store import open_local_store

        if self.store is None:
            self.store = open_local_store(
                self._data_dir,
                self._settings.storage,
                station=self._settings.station_name,
                packer=packer or self._settings.packer_name,
            )
        return self.store

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


@dataclass(frozen=True)
class Services:
    """What the shell runs on, built by `build_services`.

    Attributes:
        market: the Market connection (closed at shutdown).
        queue: the order queue.
        clock: the station clock.
        labels: prints box labels on the configured label printer.
        budget: the station's code-check budget, shared by its packing sessions.
        store: the station's local store, opened on first use.
        pictures: fetches product pictures (None: none shown, e.g. the demo's fake URLs).
        data_dir: the station's data dir (the store, labels, video clips).
        fleet: the desk's fleet parts (`--fleet`; None: this desk works alone).
        fleet_error: why the fleet could not be set up (the desk then works alone).
    """

    market: MarketConnection
    queue: OrderQueue
    clock: Clock
    labels: LabelJob
    budget: CheckBudget
    store: StationStore
    pictures: PicturePort | None
    data_dir: Path
    fleet: FleetDesk | None = None
    fleet_error: PackstationError | None = None


def label_job(market: MarketPort, settings: AppSettings, data_dir: Path, clock: Clock) -> LabelJob:
    """Labels go to the configured label printer (the virtual PDF printer by default)."""
    from packstation.printing.factory import make_printer, virtual_folder
    from packstation.printing.label_render import render_labels
    from packstation.services.label_job import LabelJob

    printing = settings.printing
    printer = make_printer(printing.labels, virtual_folder(printing, data_dir))
    return LabelJob(
        market,
        printer,
        fmt=printing.label_format,
        recent_limit=printing.recent_orders,
        render_from_data=printing.render_from_data,
        label_renderer=render_labels if printing.render_from_data else None,
        clock=clock,
    )


def build_fleet(settings: AppSettings, market: MarketPort) -> FleetDesk | None:
    """The desk's fleet parts when `--fleet` / PACKSTATION_FLEET_DSN / Settings name a database."""
    if not settings.fleet_dsn:
        return None
    from packstation.fleet.desk import FleetDesk, desk_name

    campaign_id = getattr(market, "campaign_id", None) or settings.campaign_id or 0
    desk = desk_name(settings.desk_name, settings.station_name)
    return FleetDesk(
        settings.fleet_dsn, desk=desk, packer=settings.packer_name, campaign_id=campaign_id, market=market
    )


def build_services(
    runtime: Runtime, market: MarketConnection, first: FirstFrame | None = None, clock: Clock | None = None
) -> Services:
    """Every service and adapter of the running app, for `market`.

    `first`: the first frame's order queue is used, its source bound here to the Market (or to the
    fleet's poller); None: a new queue. `clock`: the station clock, the system's by default (tests
    fix it).
    """
    from packstation.market.pictures import PictureFetcher
    from packstation.services.packing.values import CheckBudget

    settings, data_dir = runtime.settings, runtime.data_dir.path
    clock = clock or SystemClock()
    # Several desks on one store (`--fleet`): orders come through the fleet's poller.
    fleet_error: PackstationError | None = None
    try:
        fleet = build_fleet(settings, market.port)
    except PackstationError as err:  # e.g. a password in the address: this desk works alone
        fleet, fleet_error = None, err
    source = market.port if fleet is None else fleet.source
    if first is None:
        queue = OrderQueue(
            source,
            clock,
            interval_s=settings.refresh_interval_s,
            express_interval_s=settings.express_refresh_interval_s,
            expect_express=market.expect_express,
            cutoff=settings.shipment_cutoff,
        )
    else:
        queue = first.queue
        first.source.bind(source)
    return Services(
        market=market,
        queue=queue,
        clock=clock,
        labels=label_job(market.port, settings, data_dir, clock),
        budget=CheckBudget(clock),
        store=StationStore(data_dir, settings),
        pictures=None if runtime.demo else PictureFetcher(),
        data_dir=data_dir,
        fleet=fleet,
        fleet_error=fleet_error,
    )
