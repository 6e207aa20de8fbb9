"""The first frame (issue 19): the window with the last known orders, before anything else loads.

`show_first_frame(runtime, app)` builds the order queue, the order list model and the main
window, lists the orders this station kept from its last run (`storage.kept_list`, marked
"updating…" in the status bar until the Market's first page replaces them) and shows the window.
Only then does the shell load what the first frame does not need: the Market client and its
models, the in-process sandbox (demo), the packing workspace, printing, the local store, video,
scales and the fleet. A real-store start thus shows work without waiting for the network.

It runs on `prepare_first`'s settings, read without pydantic; `frame_basis` says what of them
the frame shows, so the shell can build it again should the validated settings differ.

The queue is built before the Market connection exists, over a `LateSource` that
`build_services` binds to the Market (or to the fleet's poller) before the first refresh.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import time

from PySide6.QtWidgets import QApplication

from packstation.app.prepare import FirstRuntime, Runtime
from packstation.domain.order import Order
from packstation.domain.time import SystemClock
from packstation.services.order_queue import OrderQueue, OrderSource
from packstation.services.ports import OrderQuery
from packstation.storage.kept_list import read_kept_list
from packstation.ui.main_window import MainWindow
from packstation.ui.order_list_model import OrderListModel

_log = logging.getLogger("packstation.ui")


class LateSource:
    """The queue's order source, bound to the real one once the Market connection is built."""

    def __init__(self) -> None:
        self._source: OrderSource | None = None

    def bind(self, source: OrderSource) -> None:
        self._source = source

    def iter_order_pages(self, query: OrderQuery) -> AsyncIterator[list[Order]]:
        if self._source is None:  # the shell binds it before it starts the queue
            raise RuntimeError("the order source is not bound yet")
        return self._source.iter_order_pages(query)


@dataclass(frozen=True)
class FirstFrame:
    """What the first frame built, handed on to the shell.

    Attributes:
        source: the queue's source, to bind (`build_services`).
        queue, model, window: the order queue, the order list model and the shown main window.
        kept: how many kept orders are listed (0: none were kept, the list waits for the Market).
    """

    source: LateSource
    queue: OrderQueue
    model: OrderListModel
    window: MainWindow
    kept: int


def frame_basis(runtime: Runtime | FirstRuntime) -> tuple[bool, int | None, str, str, int, int, time]:
    """What the first frame shows and runs on: mode, kept list, language, station, refresh, cutoff."""
    settings = runtime.settings
    return (runtime.demo, kept_list_campaign(runtime), settings.language, settings.station_name,
            settings.refresh_interval_s, settings.express_refresh_interval_s, settings.shipment_cutoff)


def kept_list_campaign(runtime: Runtime | FirstRuntime) -> int | None:
    """The campaign whose order list is kept and shown at start (None: no store configured)."""
    if runtime.demo:
        from packstation.sandbox.demo_ids import DEMO_CAMPAIGN_ID

        return DEMO_CAMPAIGN_ID
    return runtime.settings.campaign_id


def show_first_frame(runtime: Runtime | FirstRuntime, app: QApplication) -> FirstFrame:
    """Build and show the main window with the kept order list; returns once it is on screen."""
    settings = runtime.settings
    source = LateSource()
    clock = SystemClock()
    queue = OrderQueue(
        source,
        clock,
        interval_s=settings.refresh_interval_s,
        express_interval_s=settings.express_refresh_interval_s,
        expect_express=runtime.demo,  # the demo store has Express orders
        cutoff=settings.shipment_cutoff,
    )
    campaign = kept_list_campaign(runtime)
    kept = None if campaign is None else read_kept_list(runtime.data_dir.path, campaign)
    if kept is not None and kept.orders:
        queue.show_cached(kept.orders, kept.saved_at)
    model = OrderListModel(queue, now=clock.now)
    window = MainWindow(model, demo=runtime.demo, station=settings.station_name)
    if kept is not None and kept.orders:
        window.status.set_kept(kept.saved_at)
    window.show()
    handle = window.windowHandle()
    while handle is not None and not handle.isExposed():  # the platform has shown it
        app.processEvents()
    app.processEvents()  # ... and the first paint went out
    _log.info("first frame: %d kept orders", len(queue))
    return FirstFrame(source, queue, model, window, len(queue))
