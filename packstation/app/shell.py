"""The composition root: builds everything from the command line and runs the Qt + qasync loop.

Order of things in `run(args)` (`app.start`; this module loads after the first frame):

1. Qt-free preparation (`prepare_first`; the validated settings with `prepare` after the first
   frame, which shows the kept orders): data dir (created if missing, temp fallback if unusable),
   logging (stderr if the log dir is unwritable), settings (backup + defaults if corrupt), CLI
   overrides, the API key (environment or keyring; a missing keyring backend is a warning), and
   the mode: demo with `--demo`, without an API key, or without a configured store.
2. QApplication, translations (Russian by default), the qasync loop, the crash reporter as
   `sys.excepthook`, SIGINT/SIGTERM routed into the loop.
3. `Shell`: the Market connection (real, or the in-process sandbox over `httpx.ASGITransport`),
   the order queue, the order list model, the main window and the task runner, wired together.
4. The startup coroutine is scheduled with `QTimer.singleShot(0, ...)` so it starts only once the
   loop runs (tasks created earlier would belong to a loop that is not running yet). Once the
   first orders are shown it opens the local store (applying retention; then daily), marks the
   orders with unfinished work here, and replays the outbox (again on every reconnect).
5. Closing the window, Ctrl+C or SIGTERM resolve one "quit" future; shutdown then cancels the
   tracked tasks, stops the outbox replay, closes the session and the local store, stops the
   queue, closes the HTTP client and flushes logs, in that order.

`--smoke` loads the first page, prints `smoke ok: N orders loaded in X s (demo)` and exits 0
(non-zero with the reason on failure); `--screenshot PATH` saves a grab of the window once the
orders are shown.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QWidget

from packstation.app.first_frame import FirstFrame, kept_list_campaign
from packstation.app.prepare import Runtime, seconds_since_start
from packstation.domain.errors import PackstationError
from packstation.secrets import store_api_key
from packstation.services.order_queue import ConnectionState, QueueChange
from packstation.services.shift_watch import ShiftWatch
from packstation.ui import gc_policy
from packstation.ui.crash_dialog import CrashReporter
from packstation.ui.format import fill
from packstation.ui.i18n import Translations, say
from packstation.ui.main_window import MainWindow
from packstation.ui.message_bar import DESK
from packstation.ui.order_list_model import OrderListModel
from packstation.ui.tasks import TaskRunner

# Everything beyond the first frame (issue 19) loads after the window shows its orders: the
# Market connection and services, the packing workspace, the store, replay, history, printing.
if TYPE_CHECKING:
    from packstation.app.packing import FleetHooks
    from packstation.app.wiring import Services
    from packstation.domain.labels import LabelFormat
    from packstation.fleet.desk import FleetDesk
    from packstation.printing.config import PrinterProfile
    from packstation.services.order_list_keeper import OrderListKeeper
    from packstation.services.outbox_replay import OutboxReplayer, ReplayReport
    from packstation.storage.local_store import LocalStore
    from packstation.ui.office_window import OfficeWindow
    from packstation.ui.order_history_view import OrderHistoryView
    from packstation.ui.print_queue_panel import PrintQueuePanel
    from packstation.ui.settings_dialog import SettingsDialog
    from packstation.ui.shift_panel import ShiftPanel
    from packstation.ui.shipments_view import ShipmentsView

_log = logging.getLogger("packstation.ui")
SMOKE_TIMEOUT_S = 60.0
COMPACT_EVERY_MS = 24 * 60 * 60 * 1000  # retention is applied at start-up and then daily
SHIFT_EVERY_MS = 5000  # the shift totals' refresh as time passes (an order turning late)
SHIFT_SEED_TIMEOUT_S = 20.0
MAX_REPLAY_LINES = 3


class Shell(QObject):
    """The running GUI: the window and its reactions, over the wired services.

    Args:
        runtime: the prepared runtime.
        services: the wired services (`build_services`; tests wire a fake Market port).
        translations: the installed translations (for the language in messages).
        first: the shown first frame (its queue is `services.queue`); None: the window is built here.
    """

    def __init__(
        self,
        runtime: Runtime,
        services: Services,
        translations: Translations | None = None,
        first: FirstFrame | None = None,
    ) -> None:
        from packstation.app.packing import PackingWiring

        super().__init__()
        self.runtime = runtime
        self.services = services
        self.market = services.market
        self.language = translations.language if translations else runtime.settings.language
        self.crash = CrashReporter(runtime.logging.log_file, parent=lambda: self.window)
        settings = runtime.settings
        # Several desks on one store (`--fleet`): orders come through the fleet's poller (wiring).
        self.fleet = services.fleet
        self.queue = services.queue
        if first is not None:
            self.model, self.window = first.model, first.window
        else:
            self.model = OrderListModel(self.queue, now=services.clock.now)
            self.window = MainWindow(self.model, demo=runtime.demo, station=settings.station_name)
        self.keeper: OrderListKeeper | None = None  # keeps the list for the next start (local store)
        self._marked: tuple[int, int] | None = None  # the journal's in-progress version marked
        self.tasks = TaskRunner(self.window.message_bar.show_error, self.crash.report, parent=self)
        self.quit_requested: asyncio.Future[None] | None = None
        self.exit_code = 0
        # Closing the window starts an async shutdown; Qt must not end the loop underneath it.
        self._quit_on_close = QApplication.quitOnLastWindowClosed()
        QApplication.setQuitOnLastWindowClosed(False)
        # Today's shift in the status bar: after every change and as time passes (orders turn late).
        self.shift = ShiftWatch(self.queue, services.clock)
        self._shift_timer = QTimer(self)
        self._shift_timer.setInterval(SHIFT_EVERY_MS)
        self._shift_timer.timeout.connect(self.show_shift)
        self._shift_timer.start()
        self._unsubscribe = [
            self.shift.close,
            self.queue.subscribe(self._on_orders_changed),
            self.queue.subscribe_new(self._on_new_orders),
            self.queue.subscribe_state(self._on_state),
        ]
        self.window.refresh_requested.connect(self._on_refresh)
        self.window.settings_requested.connect(self.open_settings)
        self.shipments_view: ShipmentsView | None = None
        self.window.shipments_action.setEnabled(services.market.shipments is not None)
        self.window.shipments_requested.connect(self.open_shipments)
        self.shift_panel: ShiftPanel | None = None
        self.window.shift_requested.connect(self.open_shift)
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl  # tests keep viewers closed
        self.window.demo_sheet_requested.connect(self.save_demo_sheet)
        self.window.closed.connect(self.request_quit)
        self.settings_dialog: SettingsDialog | None = None
        # The packing workspace: activating or scanning an order opens it in a packing view.
        # Box labels scanned where no packing view takes them are reprinted from the print queue.
        # Packer sign-in: badges are taken before the scan router sees them.
        from packstation.app.packer_wiring import PackerWiring

        bar = self.window.message_bar
        # The idle collector (issue 19), installed once start-up is over; serial scans tell it too.
        self.gc_collector: gc_policy.IdleCollector | None = None
        self.packers = PackerWiring(
            settings, self.window, lambda: self.packing, show_info=bar.show_info, show_error=bar.show_error,
            parent=self,
        )
        self.packing = PackingWiring(
            self.window,
            services,
            self.tasks,
            runtime.settings,
            language=self.language,
            show_error=self.window.message_bar.show_error,
            box_label=self.reprint_box_label,
            fleet=self._fleet_hooks(self.fleet) if self.fleet is not None else None,
            before_scan=self.packers.take_scan,
            open_guard=self.packers.refusal,
            # What the desk says is about its last scan or order: it goes when another order opens.
            desk_error=functools.partial(self.window.message_bar.show_error, order=DESK),
            serial_activity=self._scan_activity,
            parent=self,
        )
        self.window.order_activated.connect(self.packing.desk.open_order)
        self.packing.desk.opening.connect(self.window.message_bar.order_opened)
        if self.fleet is not None:
            self._wire_fleet(self.fleet)
        # Express couriers: the Couriers dock (F7) and the arrival banner with its sound.
        from packstation.app.courier_wiring import CourierWiring

        self.couriers = CourierWiring(
            self.window, self.queue, self.packing.desk.open_order, self.packing.sounds, parent=self
        )
        self._unsubscribe.append(self.couriers.close)
        self.print_queue: PrintQueuePanel | None = None
        self.window.enable_print_queue(self._build_print_queue)
        self.history: OrderHistoryView | None = None
        self.window.history_requested.connect(self.show_history)
        self.packing.desk.history_requested.connect(self.show_history)
        self.window.pages.currentChanged.connect(self._page_shown)
        self.replayer: OutboxReplayer | None = None
        self._compact_timer = QTimer(self)
        self._compact_timer.setInterval(COMPACT_EVERY_MS)
        self._compact_timer.timeout.connect(self.compact_store)
        for warning in runtime.warnings():
            self.window.message_bar.show_warning(say(warning))
        self.office: OfficeWindow | None = None
        if services.market.office is not None:
            self.window.office_action.setVisible(True)
            self.window.office_requested.connect(self.open_office)
        if services.fleet_error is not None:
            self.window.message_bar.show_warning(say(services.fleet_error))
        self.show_shift()

    def _install_gc_policy(self) -> gc_policy.IdleCollector:
        """Start-up is over: freeze it (issue 19). The idle collector hears of input from the
        scanner filter when it is installed (one application-wide Python filter, not two)."""
        scanner = self.packing.scanner
        collector = gc_policy.install(self.window, watch_input=not scanner.installed)
        if scanner.installed:
            scanner.on_input = collector.note_activity
        return collector

    def _scan_activity(self) -> None:
        """A serial scan: input that no key event shows, so the idle collector is told of it."""
        if self.gc_collector is not None:
            self.gc_collector.note_activity()

    def save_demo_sheet(self) -> None:
        """Help → Demo sheet: write it into the data dir and open it."""
        from packstation.demo_sheet import write_demo_sheet
        from packstation.ui.help_sheets import save_and_open

        data_dir = self.runtime.data_dir.path
        write = functools.partial(write_demo_sheet, data_dir=data_dir)
        saving = save_and_open(write, data_dir / "demo-sheet.pdf", self.window.message_bar, self.open_url)
        self.tasks.run(saving, trigger=self.window.demo_sheet_action, name="demo-sheet")

    # -- lifecycle ----------------------------------------------------------------------------

    async def load_orders(self) -> int:
        """The first load of the order list; returns how many orders are listed."""
        await self.queue.refresh(full=True)
        self.window.set_connection(self.queue.state)
        return len(self.queue)

    async def main(self, *, smoke: bool = False, screenshot: str | None = None) -> int:
        """Show the window, load orders, then run until quit (or report and stop in smoke mode)."""
        loop = asyncio.get_running_loop()
        self.quit_requested = loop.create_future()
        self.window.show()
        try:
            if self.fleet is not None:  # bounded: a database that is down makes the desk start offline
                await self._start_fleet(self.fleet)
            try:
                count = await asyncio.wait_for(self.load_orders(), SMOKE_TIMEOUT_S)
                _log.info("orders loaded: %d", count)
            except (PackstationError, TimeoutError) as err:
                reason = err.en if isinstance(err, PackstationError) else "timed out"
                if smoke:
                    print(f"smoke failed: orders could not be loaded: {reason}", file=sys.stderr)
                    return 2
                self.window.message_bar.show_error(
                    say(err) if isinstance(err, PackstationError) else reason
                )
                count = 0
            loaded_after = seconds_since_start()
            # The orders are on screen: now the local store (retention, markers, replay).
            self.start_local_store()
            if screenshot:
                await self.save_screenshot(Path(screenshot))
            if smoke:
                mode = "demo" if self.runtime.demo else "online"
                elapsed = loaded_after
                print(f"smoke ok: {count} orders loaded in {elapsed:.2f} s ({mode})", flush=True)
                return 0
            if self.replayer is not None:  # after the first load: its ONLINE is not a reconnect
                self._unsubscribe.append(
                    self.replayer.replay_when_online(self.queue.subscribe_state, self.show_replay)
                )
            self.gc_collector = self._install_gc_policy()
            if self.services.pictures is not None:  # before the first order opens
                self.services.pictures.warm_up()
            await self.seed_shift()  # before the refresh loop: both read orders
            self.queue.start()
            await self.quit_requested
            return self.exit_code
        finally:
            await self.shutdown()

    async def seed_shift(self) -> None:
        """Count today's orders packed before the app started into the shift (one read; without
        it the status bar counts those packed from now on)."""
        try:
            found = await asyncio.wait_for(self.shift.seed(self.market.port), SHIFT_SEED_TIMEOUT_S)
        except (PackstationError, TimeoutError) as err:
            _log.warning("today's packed orders not read: %s", err)
            return
        _log.info("today's packed orders: %d", found)
        self.show_shift()

    async def save_screenshot(self, path: Path) -> None:
        """Grab the window (after letting it lay out and paint) into a PNG."""
        await asyncio.sleep(0.3)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not self.window.grab().save(str(path)):
            _log.warning("could not save the screenshot to %s", path)

    def bring_to_front(self) -> None:
        """A second Packstation was started on this data dir (and refused): show this window."""
        if self.window.isMinimized():
            self.window.showNormal()
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.window.message_bar.show_info(
            self.tr("Packstation is already open here: the second start was refused.")
        )

    def request_quit(self) -> None:
        """Window closed, Ctrl+C or SIGTERM: let `main` continue into the shutdown."""
        if self.quit_requested is not None and not self.quit_requested.done():
            self.quit_requested.set_result(None)

    async def shutdown(self) -> None:
        """Cancel tracked tasks, stop refreshing, close the HTTP client, flush the logs."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        self._compact_timer.stop()
        self._shift_timer.stop()
        await self.tasks.shutdown()
        if self.office is not None:
            await self.office.shutdown()
            self.office.close()
        if self.replayer is not None:  # before the store it reads closes
            await self.replayer.close()
            self.replayer = None
        if self.keeper is not None:  # the latest list, for the next start (before the store closes)
            await self.keeper.settle()
            self.keeper.save(self.queue)
        await self.packing.aclose()
        await self.queue.stop()
        if self.fleet is not None:
            try:
                await self.fleet.aclose()
            except Exception:  # a failing close must not stop the rest of the shutdown
                _log.exception("closing the fleet failed")
        try:
            await self.market.aclose()
        except Exception:  # a failing close must not stop the rest of the shutdown
            _log.exception("closing the Market connection failed")
        self.window.hide()
        QApplication.setQuitOnLastWindowClosed(self._quit_on_close)
        for handler in logging.getLogger("packstation").handlers:
            handler.flush()
        _log.info("shut down")

    def _fleet_hooks(self, fleet: FleetDesk) -> FleetHooks:
        """What the fleet adds to packing: claims before opening, reservations in the code guard,
        the audit shared with the other desks."""
        from packstation.app.packing import FleetHooks
        from packstation.ui.fleet_gate import ClaimGate

        gate = ClaimGate(
            fleet.claims, self.tasks, self.window,
            show_error=self.window.message_bar.show_error, parent=self,
        )
        return FleetHooks(fleet.codes, fleet.audit, gate)

    def _wire_fleet(self, fleet: FleetDesk) -> None:
        """The fleet in the window: other desks' claims in the list, the database state in the
        message bar."""
        from packstation.ui.fleet_gate import FleetBanner, claim_text

        bar = self.window.message_bar
        banner = FleetBanner(bar.show_warning, bar.show_info, parent=self)
        fleet.claims.on_state(banner)

        def claims_changed() -> None:
            texts = {}
            for order in self.queue.orders():
                claim = fleet.claims.claim_of(order.id)
                if claim is not None:
                    texts[order.id] = claim_text(claim)
            self.model.set_elsewhere(texts)

        fleet.claims.on_claims(claims_changed)
        self._unsubscribe.append(self.queue.subscribe(lambda _change: claims_changed()))
        fleet.claims.keep = self._orders_worked_on

    async def _start_fleet(self, fleet: FleetDesk) -> None:
        try:
            await fleet.start(wake=self.queue.wake, full_read=lambda: self.queue.refresh(full=True))
        except PackstationError as err:  # e.g. a newer schema: this desk works alone, and says why
            self.packing.work_alone()
            self.window.message_bar.show_error(say(err))

    def _orders_worked_on(self) -> set[int]:
        """The orders this desk keeps claimed: the one on screen and those with packing in the
        journal (an order opened, left untouched and put away is released)."""
        keep: set[int] = set()
        view = self.packing.desk.view
        if view is not None and self.window.pages.currentWidget() is view:
            keep.add(view.session.order.id)
        store = self.packing.store
        if store is not None:
            with contextlib.suppress(PackstationError):
                keep.update(store.journal.orders_in_progress())
        return keep

    def start_local_store(self) -> LocalStore | None:
        """Open the local store (once the first orders are shown; opening applies retention once),
        then start the daily compaction, mark the orders in progress and replay pending intents.

        A store that cannot be opened is reported; packing reports it again when it needs it.
        """
        try:
            store = self.packing.open_store()
        except PackstationError as err:
            self.window.message_bar.show_error(say(err))
            return None
        if store.warning is not None:
            self.window.message_bar.show_warning(say(store.warning))
        self.packers.apply_identity()
        self._compact_timer.start()
        self._keep_order_list(store)
        self.refresh_in_progress()
        if self.replayer is None:
            from packstation.services.outbox_replay import OutboxReplayer

            self.replayer = OutboxReplayer(self.market.port, store.outbox, store.audit)
            self.replayer.replay_soon(self.show_replay)
        return store

    def _keep_order_list(self, store: LocalStore) -> None:
        """Keep the Market's order list for the next start's first frame: now, after refreshes
        (at most every 15 minutes) and at shutdown."""
        campaign = kept_list_campaign(self.runtime)
        if self.keeper is not None or campaign is None:
            return
        from packstation.services.order_list_keeper import OrderListKeeper

        self.keeper = OrderListKeeper(store.order_list, campaign, self.services.clock)
        self.keeper.save_soon(self.queue)  # in a worker thread: the orders were just shown
        self._unsubscribe.append(self.keeper.attach(self.queue))

    def compact_store(self) -> None:
        """Apply the retention period (the daily timer); failures are logged, never shown."""
        store = self.packing.store
        if store is not None:
            result = store.compact()
            _log.info("daily compaction: %s", result)

    def _page_shown(self, index: int) -> None:
        # The markers are on the order list: refreshed when it comes back, not when an order
        # opens (a journal query and 3,000 rows looked at in the stall of opening; issue 19).
        if self.window.pages.widget(index) is self.window.order_list:
            self.refresh_in_progress()

    def refresh_in_progress(self) -> None:
        """Mark the listed orders with unfinished packing work at this station."""
        store = self.packing.store
        if store is None:
            return
        try:
            version = store.journal.in_progress_version
            self.model.set_in_progress(store.journal.orders_in_progress())
            self._marked = version
        except PackstationError as err:  # a marker is a nicety: keep the list usable
            _log.warning("orders in progress unavailable: %s", err)

    def show_replay(self, report: ReplayReport) -> None:
        """Put an outbox replay's outcome in the message bar, in the packer's language."""
        if report.error is not None:
            self.window.message_bar.show_error(say(report.error))
            return
        attention = [say(item.text) for item in report.attention if item.text is not None]
        done = len(report.items) - len(report.attention)
        if attention:
            lines = attention[:MAX_REPLAY_LINES]
            if len(attention) > MAX_REPLAY_LINES:
                lines.append(self.tr("…and %n more", "", len(attention) - MAX_REPLAY_LINES))
            self.window.message_bar.show_warning("\n".join(lines))
        elif done:
            self.window.message_bar.show_info(
                self.tr("%n change(s) from an earlier session reached the Market.", "", done)
            )
        if report.items:
            self.refresh_in_progress()

    def open_shipments(self) -> ShipmentsView | None:
        """Show the Shipments window (built on first use) and read the shipments."""
        if self.market.shipments is None:
            return None
        if self.shipments_view is None:
            from packstation.app.shipments_wiring import build_shipments_view

            bar = self.window.message_bar
            self.shipments_view = build_shipments_view(
                self.market.shipments, self.packing, self.tasks, self.runtime.settings,
                self.runtime.data_dir.path, show_info=bar.show_info, show_error=bar.show_error,
            )
            self.shipments_view.setParent(self.window, Qt.WindowType.Window)
            self.shipments_view.resize(1100, 600)
        self.shipments_view.show()
        self.shipments_view.raise_()
        self.shipments_view.refresh()
        return self.shipments_view

    def open_shift(self) -> ShiftPanel | None:
        """Show the Shift panel over this desk's audit log (opened with the local store)."""
        from datetime import date

        from packstation.ui.shift_panel import ShiftPanel

        store = self.start_local_store() if self.packing.store is None else self.packing.store
        if store is None:
            return None
        if self.shift_panel is None:
            lines = store.audit if self.fleet is None else self.fleet.history(store.audit)
            self.shift_panel = ShiftPanel(
                lines.between, today=date.today, export_folder=self.runtime.data_dir.path / "shift",
                show_info=self.window.message_bar.show_info,
            )
            self.shift_panel.setParent(self.window, Qt.WindowType.Window)
            self.shift_panel.resize(1000, 400)
        self.shift_panel.show()
        self.shift_panel.reload()
        return self.shift_panel

    def _build_print_queue(self) -> QWidget:
        # Imported on use: the panel's label preview loads QtPdf.
        from packstation.ui.print_queue_panel import PrintQueuePanel

        self.print_queue = PrintQueuePanel(
            self.packing.labels,
            tasks=self.tasks,
            preview_dpi=self.runtime.settings.printing.labels.dpi,
        )
        return self.print_queue

    def reprint_box_label(self, order_id: int, box_no: int) -> bool:
        """Reprint a scanned box label the scan router found this station printed (it checked
        `LabelJob.can_reprint`); returns False when the print queue cannot be shown."""
        self.window.print_queue()  # builds the panel on first use
        if self.print_queue is None:
            return False
        self.print_queue.reprint_scanned(order_id, box_no)
        text = fill(self.tr("Reprinting box label %1-%2."), str(order_id), str(box_no))
        self.window.message_bar.show_info(text, order=order_id)
        return True

    def show_history(self, order_id: int) -> None:
        """Show what this station recorded about an order, in the history dock."""
        try:
            store = self.packing.open_store()
        except PackstationError as err:
            self.window.message_bar.show_error(say(err))
            return
        if self.history is None:
            from packstation.ui.order_history_view import OrderHistoryView

            reader = store.audit if self.fleet is None else self.fleet.history(store.audit)
            self.history = OrderHistoryView(reader, video_clips=self.packing.video_clips, tasks=self.tasks)
        self.history.show_order(order_id)
        self.window.show_history(self.history)

    # -- reactions ----------------------------------------------------------------------------

    def _on_orders_changed(self, change: QueueChange) -> None:
        # Each listener costs what the change holds, not the list's length (issue 19).
        self.model.apply(change)  # row by row: the packer's selection, scroll and focus stay
        if self.queue.cached_at is None:  # else the kept list stays marked "updating…"
            self.window.set_refreshed(self.queue.last_refresh)
        store = self.packing.store
        # The markers cover orders not listed too: a new order shows its own. The journal is
        # asked again only when an order's work opened or finished here since the last look.
        if store is not None and store.journal.in_progress_version != self._marked:
            self.refresh_in_progress()
        self.show_shift()

    def show_shift(self) -> None:
        """Today's shift in the status bar: due today, packed, late."""
        self.window.status.set_shift(self.shift.totals())

    def _on_state(self, state: ConnectionState) -> None:
        self.window.set_connection(state)

    def _on_new_orders(self, orders: tuple[Any, ...]) -> None:
        text = self.tr("%n new order(s) arrived.", "", len(orders))
        self.window.message_bar.show_info(text)
        self.packing.sounds.new_order()

    def _on_refresh(self) -> None:
        # The packer asking is rare and deliberate: reload everything, not just the update window.
        refresh = self.queue.refresh(full=True)
        self.tasks.run(refresh, trigger=self.window.refresh_action, name="manual-refresh")

    def open_office(self) -> OfficeWindow | None:
        """The office window (LaaS orders, statistics), built on first use."""
        if self.market.office is None:
            return None
        if self.office is None:
            from packstation.ui.office_window import build_office

            self.office = build_office(
                self.market.office,
                self.services.clock,
                report_crash=self.crash.report,
            )
            self.office.history_requested.connect(self.show_history)
            # Scans made while the office window is active go to it, not to the packing desk.
            self.packing.scanner.scanned.disconnect(self.packing.desk.handle_scan)
            self.packing.scanner.scanned.connect(self._route_scan)
        self.office.show()
        self.office.raise_()
        self.office.activateWindow()
        return self.office

    def _route_scan(self, text: str) -> None:
        if self.office is not None and self.office.isActiveWindow():
            self.office.handle_scan(text)
        else:
            self.packing.desk.handle_scan(text)

    def open_settings(self) -> None:
        """Open the settings dialog (non-modal `open()`: the loop and scans keep running)."""
        settings = self.runtime.loaded.settings
        virtual_dir = Path(settings.printing.virtual_dir or self.runtime.data_dir.path / "labels")

        async def test_label(profile: PrinterProfile, fmt: LabelFormat) -> None:
            # Imported on use: the label renderer pulls in reportlab (~0.1 s at start-up).
            from packstation.printing.factory import print_test_label

            await print_test_label(profile, fmt, virtual_dir)

        # Imported on use: the settings pages load QtPrintSupport, which start-up does not need.
        from packstation.ui.printer_settings_page import PrinterSettingsPage
        from packstation.ui.settings_dialog import SettingsDialog

        page = PrinterSettingsPage(settings.printing, tasks=self.tasks, print_test_label=test_label)
        dialog = SettingsDialog(
            settings,
            has_key=self.runtime.key.key is not None,
            store_key=store_api_key,
            printer_page=page,
            parent=self.window,
        )
        dialog.accepted.connect(lambda: self._settings_accepted(dialog))
        self.settings_dialog = dialog
        dialog.open()

    def _settings_accepted(self, dialog: SettingsDialog) -> None:
        from packstation.settings import SettingsLoad, save_settings

        before = self.runtime.loaded.settings
        edited = dialog.edited()
        try:
            save_settings(edited, self.runtime.loaded.path)
        except PackstationError as err:
            self.window.message_bar.show_error(say(err))
            return
        self.runtime.loaded = SettingsLoad(edited, self.runtime.loaded.path)
        self.packing.apply_settings(edited)
        self.packers.apply_settings(edited)
        self.queue.set_cutoff(edited.shipment_cutoff)  # deadlines move: the list re-sorts
        identity = ("api_url", "campaign_id", "business_id", "language", "fleet_dsn", "desk_name")
        if dialog.key_changed or any(getattr(before, name) != getattr(edited, name) for name in identity):
            self.window.message_bar.show_info(
                self.tr("Settings saved. Restart Packstation to apply the new store or language.")
            )
        else:
            self.window.message_bar.show_info(self.tr("Settings saved."))
