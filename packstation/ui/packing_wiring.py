"""Plugs the packing workspace into the running app (called from `packstation.app.Shell`).

Builds what packing needs beyond the order list: the local store (journal, outbox, code index,
audit; opened on the first packed order), the station's code-check budget, feedback sounds, the
scanner filter (scans go to the open packing view, or open an order from the list) and the
`PackingDesk` that shows packing views in the main window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
from PySide6.QtCore import QCoreApplication, QObject

from packstation.domain.order import Order
from packstation.printing.factory import make_printer, virtual_folder
from packstation.printing.label_render import render_labels
from packstation.services.fleet_ports import CodeReservationPort
from packstation.services.label_job import LabelJob
from packstation.services.order_queue import OrderQueue
from packstation.services.packing_types import CheckBudget
from packstation.services.ports import AuditPort, MarketPort
from packstation.settings import AppSettings
from packstation.ui.packing_view import PackingDesk, PackingPages, PackingView, TaskRunnerLike
from packstation.ui.scale_panel import ScaleDesk
from packstation.ui.scanner_filter import ScannerFilter
from packstation.ui.sounds import Sounds
from packstation.ui.video_wiring import VideoDesk

# What only packing an order needs (the session with its code checks, whose GS1 parser takes
# ~0.07 s to import, and the SQLite store) is imported on the first packed order, not at start-up.
if TYPE_CHECKING:
    from packstation.domain.packing import Packing
    from packstation.services.packing_session import PackingSession
    from packstation.storage.audit import SqliteAuditLog
    from packstation.storage.local_store import LocalStore
    from packstation.storage.video_index import SqliteClipIndex

_log = logging.getLogger("packstation.ui")
PICTURE_TIMEOUT_S = 5.0
MAX_PICTURE_BYTES = 5_000_000


class _UtcClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class PackingWiring(QObject):
    """The packing half of the shell.

    Args:
        window: the main window.
        queue: the order queue.
        market: the Market port.
        tasks: the shell's task runner.
        settings: the app settings (scanner, storage, station and packer names).
        data_dir: where the local store lives.
        language: "ru" or "en".
        show_error: the message bar's `show_error`.
        labels: prints box labels at submit (None: a `LabelJob` on the configured label printer,
            exposed as `labels` for the print queue panel).
        pictures: fetch product pictures from the catalogue (off in demo mode: fake URLs).
    """

    def __init__(
        self,
        window: PackingPages,
        queue: OrderQueue,
        market: MarketPort,
        tasks: TaskRunnerLike,
        settings: AppSettings,
        data_dir: Path,
        *,
        language: str = "ru",
        show_error: Callable[[str], None] = lambda _text: None,
        labels: LabelJob | None = None,
        pictures: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.market = market
        self._show_error = show_error
        self.settings = settings
        self.data_dir = data_dir
        self.clock = _UtcClock()
        self.labels = labels if labels is not None else self._label_job(settings, data_dir)
        self.budget = CheckBudget(self.clock)
        self.store: LocalStore | None = None
        self.code_reservations: CodeReservationPort | None = None  # set by the shell with `--fleet`
        self.audit_tee: Callable[[AuditPort], AuditPort] | None = None  # ditto: shared history
        self.packer_name = ""  # the signed-in packer (the shell sets it); empty: Settings' name
        self.sounds = Sounds(self)
        self._pictures: dict[str, bytes | None] = {}
        self.desk = PackingDesk(
            window, queue, self.open_session, tasks,
            sounds=self.sounds, language=language, show_error=show_error,
            load_picture=self.fetch_picture if pictures else None, parent=self,
        )
        self.scanner = ScannerFilter(settings.scanner, self)
        self.scanner.scanned.connect(self.desk.handle_scan)
        self.serial: QObject | None = None  # the serial scanner, when one is configured
        self._stop_serial: Callable[[], None] = lambda: None
        self.scale = ScaleDesk(settings.scale, show_error=show_error, language=language, parent=self)
        self.desk.view_opened.connect(self._add_scale_panel)
        self.desk.view_closed.connect(self.scale.order_closed)
        self.video = VideoDesk(
            settings.camera, data_dir, self._video_index, show_error=show_error,
            language=language, station=settings.station_name, packer=settings.packer_name, parent=self,
        )
        self.desk.view_opened.connect(self.video.view_opened)
        self.desk.view_closed.connect(self.video.view_closed)
        self.scanner.scanned.connect(self.video.scanned)

    def _label_job(self, settings: AppSettings, data_dir: Path) -> LabelJob:
        """Labels go to the configured label printer (the virtual PDF printer by default)."""
        printing = settings.printing
        printer = make_printer(printing.labels, virtual_folder(printing, data_dir))
        return LabelJob(
            self.market,
            printer,
            fmt=printing.label_format,
            recent_limit=printing.recent_orders,
            render_from_data=printing.render_from_data,
            label_renderer=render_labels if printing.render_from_data else None,
            clock=self.clock,
        )

    async def fetch_picture(self, url: str) -> bytes | None:
        """A product picture from the catalogue's URL (cached; None when it cannot be had)."""
        if url in self._pictures:
            return self._pictures[url]
        data: bytes | None = None
        try:
            async with httpx.AsyncClient(timeout=PICTURE_TIMEOUT_S, follow_redirects=True) as client:
                response = await client.get(url)
                response.raise_for_status()
                data = response.content if len(response.content) <= MAX_PICTURE_BYTES else None
        except httpx.HTTPError as error:  # pictures are a nicety: packing goes on without them
            _log.info("product picture unavailable (%s): %s", url, type(error).__name__)
        self._pictures[url] = data
        return data

    def install(self, app: QCoreApplication) -> None:
        """Start listening to the scanner (an application-wide key filter, plus the serial
        scanner when `settings.scanner.serial_port` or auto-detection is set)."""
        self.scanner.install(app)
        self.start_serial()
        self.scale.start()
        self.video.start()

    def start_serial(self) -> bool:
        """Start the serial scanner when one is configured; its scans take the keyboard-wedge path.

        Returns:
            Whether a serial reader was started.
        """
        scanner = self.settings.scanner
        if self.serial is not None or not (scanner.serial_port or scanner.serial_auto_detect):
            return False
        # Imported on use: QtSerialPort costs start-up time for the stations without one.
        from packstation.devices.serial_reader import SerialScanner

        serial = SerialScanner(scanner, self)
        serial.scanned.connect(self.desk.handle_scan)
        serial.scanned.connect(self.video.scanned)
        serial.disconnected.connect(self._serial_lost)
        serial.start()
        self.serial, self._stop_serial = serial, serial.stop
        return True

    def _serial_lost(self, reason: str) -> None:
        _log.warning("serial scanner unavailable: %s", reason)
        self._show_error(
            self.tr("The serial scanner is not connected (%1); retrying. Keyboard scanners still work.")
            .replace("%1", reason)
        )

    def open_store(self) -> LocalStore:
        """The local store, opened (and compacted) on first use.

        Raises:
            StorageError: the local store cannot be opened.
        """
        from packstation.storage.local_store import open_local_store

        if self.store is None:
            self.store = open_local_store(
                self.data_dir,
                self.settings.storage,
                station=self.settings.station_name,
                packer=self.packer_name or self.settings.packer_name,
            )
            self.labels.attach_audit(self.store.audit)  # printed labels name their packer and desk
        return self.store

    def open_session(self, order: Order) -> PackingSession:
        """Resume or start the order's packing session over the local store.

        Raises:
            StorageError: the local store cannot be opened (the desk shows it).
        """
        from packstation.services.code_guard import CodeGuard
        from packstation.services.packer_stamp import StampedJournal
        from packstation.services.packing_session import PackingSession, SessionDeps

        store = self.open_store()
        session: PackingSession | None = None

        def packing() -> Packing:
            assert session is not None  # readings arrive from the event loop, after open()
            return session.packing

        deps = SessionDeps(
            self.market,
            StampedJournal(store.journal, lambda: (store.audit.packer, store.audit.station)),
            self.clock,
            labels=self.labels,
            guard=CodeGuard(store.codes, self.code_reservations),
            outbox=store.outbox,
            audit=store.audit if self.audit_tee is None else self.audit_tee(store.audit),
            budget=self.budget,
            auto_submit_s=self.settings.auto_submit_s,
            submit_checks=self.scale.checks_for(order.id, packing, store.audit),
        )
        session = PackingSession.open(order, deps)
        set_aside = store.journal.take_quarantined(order.id)
        if set_aside:
            self._show_error(
                self.tr(
                    "%n damaged line(s) in the journal of order %1 were set aside (kept for support, "
                    "see History); the rest of the work was restored.", "", len(set_aside)
                ).replace("%1", str(order.id))
            )
        return session

    def _video_index(self) -> tuple[SqliteClipIndex, SqliteAuditLog]:
        store = self.open_store()
        return store.clips, store.audit

    def video_clips(self, order_id: int) -> list[Path]:
        """The files of an order's packing video, oldest first (History exports them)."""
        return [self.data_dir / clip.path for clip in self.open_store().clips.clips_of(order_id)]

    def _add_scale_panel(self, view: PackingView) -> None:
        panel = self.scale.panel_for(view.session.order.id)
        if panel is not None:
            panel.follow(view.session.subscribe)
            view.add_device_panel(panel)

    def apply_settings(self, settings: AppSettings) -> None:
        """Take edited settings that apply without a restart: auto-submit (from the next opened
        order on), the serial scanner (restarted when its port, speed or detection changed), the
        scale (its rule from the next opened order on) and the camera."""
        before = self.settings.scanner
        self.settings = self.settings.model_copy(
            update={
                "auto_submit_s": settings.auto_submit_s, "scanner": settings.scanner, "scale": settings.scale,
                "camera": settings.camera,
            }
        )
        self.scale.restart(settings.scale)
        self.video.restart(settings.camera)
        serial_fields = ("serial_port", "serial_baud", "serial_auto_detect", "serial_retry_ms")
        if any(getattr(before, name) != getattr(settings.scanner, name) for name in serial_fields):
            old = self.serial
            self.stop_serial()
            if old is not None:
                old.deleteLater()
            self.start_serial()

    def stop_serial(self) -> None:
        """Close the serial scanner's port (at shutdown)."""
        stop, self._stop_serial = self._stop_serial, lambda: None
        self.serial = None
        stop()

    async def aclose(self) -> None:
        """At shutdown (after the task runner stopped): stop the scanner, stop the open session's
        background work, then close the local store it journals to."""
        self.scanner.uninstall()
        self.stop_serial()
        self.scale.stop()
        await self.desk.aclose()
        self.video.stop()  # the last clip is indexed before the store closes
        if self.store is not None:
            self.store.close()
            self.store = None
