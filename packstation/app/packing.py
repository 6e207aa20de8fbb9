"""Plugs the packing workspace into the running app (built by `packstation.app.shell.Shell`).

Builds what packing needs beyond the order list from the wired `Services`: feedback sounds, the
scanner filter (scans go to the open packing view, or open an order from the list), the serial
scanner when one is configured, and the `PackingDesk` that shows packing views in the main
window; `open_session` resumes or starts an order's session over the station's local store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from packstation.app.wiring import Services
from packstation.domain.order import Order
from packstation.services.fleet_ports import CodeReservationPort
from packstation.services.packer_stamp import StampedJournal
from packstation.services.ports import AuditPort
from packstation.settings import AppSettings
from packstation.ui.format import fill
from packstation.ui.packing_view import ClaimGateLike, PackingDesk, PackingPages, PackingView, TaskRunnerLike
from packstation.ui.scale_panel import ScaleDesk
from packstation.ui.scanner_filter import ScannerFilter
from packstation.ui.sounds import Sounds
from packstation.ui.video_wiring import VideoDesk

# What only packing an order needs (the session with its code checks, whose GS1 parser takes
# ~0.07 s to import, and the SQLite store) is imported on the first packed order, not at start-up;
# the spare packing view built after the first frame loads most of it. Nothing is left for the
# first order's opening itself: a module it imported (the packer stamp) cost it ~1 ms, PySide's
# import hook reading the module's source (issue 19).
if TYPE_CHECKING:
    from packstation.domain.packing.model import Packing
    from packstation.services.packing import PackingSession
    from packstation.storage.audit import SqliteAuditLog
    from packstation.storage.local_store import LocalStore
    from packstation.storage.video_index import SqliteClipIndex

_log = logging.getLogger("packstation.ui")


@dataclass(frozen=True, slots=True)
class FleetHooks:
    """What `--fleet` adds to packing: codes reserved fleet-wide, the audit shared with the
    other desks, and a claim on an order before it opens."""

    codes: CodeReservationPort
    audit: Callable[[AuditPort], AuditPort]
    claim_gate: ClaimGateLike


class PackingWiring(QObject):
    """The packing half of the shell.

    Args:
        window: the main window.
        services: the wired services (queue, Market, labels, budget, store, pictures).
        tasks: the shell's task runner.
        settings: the app settings (scanner, auto-submit).
        language: "ru" or "en".
        show_error: the message bar's `show_error`.
        box_label: reprints a scanned box label no packing view takes (the print queue).
        fleet: the fleet's hooks with `--fleet`, else None.
        before_scan: the first look at every scan (packer badges); True: it took the scan.
        open_guard: the rule on opening any order (packer sign-in): a refusal, or None.
    """

    def __init__(
        self,
        window: PackingPages,
        services: Services,
        tasks: TaskRunnerLike,
        settings: AppSettings,
        *,
        language: str = "ru",
        show_error: Callable[[str], None] = lambda _text: None,
        box_label: Callable[[int, int], bool] | None = None,
        fleet: FleetHooks | None = None,
        before_scan: Callable[[str], bool] | None = None,
        open_guard: Callable[[], str | None] | None = None,
        desk_error: Callable[[str], None] | None = None,
        serial_activity: Callable[[], None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.market = services.market.port
        self._show_error = show_error
        self.settings = settings
        self.labels = services.labels
        self.data_dir = services.data_dir
        self._fleet = fleet
        self.packer_name = ""  # the signed-in packer (`set_packer`); empty: Settings' name
        self.sounds = Sounds(self)
        pictures = services.pictures
        self.desk = PackingDesk(
            window,
            services.queue,
            self.open_session,
            tasks,
            sounds=self.sounds,
            show_error=desk_error or show_error,
            load_picture=pictures.fetch if pictures is not None else None,
            box_label=box_label,
            can_reprint=services.labels.can_reprint,
            before_scan=before_scan,
            open_guard=open_guard,
            claim_gate=fleet.claim_gate if fleet is not None else None,
            clock=services.clock.now,  # the packing header counts down to the deadline
            cutoff=lambda: services.queue.cutoff,
            parent=self,
        )
        self.scanner = ScannerFilter(settings.scanner, self)
        self.scanner.scanned.connect(self.desk.handle_scan)
        self.desk.quiet = self.scanner.aside
        self.serial: QObject | None = None  # the serial scanner, when one is configured
        # Told of every serial scan: input that no key event shows (the shell's idle collector).
        self.serial_activity = serial_activity
        self._stop_serial: Callable[[], None] = lambda: None
        self.scale = ScaleDesk(settings.scale, show_error=show_error, language=language, parent=self)
        self.desk.view_opened.connect(self._add_scale_panel)
        self.desk.view_closed.connect(self.scale.order_closed)
        self.video = VideoDesk(
            settings.camera, services.data_dir, self._video_index, show_error=show_error,
            station=settings.station_name, packer=settings.packer_name, parent=self,
        )
        self.desk.view_opened.connect(self.video.view_opened)
        self.desk.view_closed.connect(self.video.view_closed)
        self.scanner.scanned.connect(self.video.scanned)

    def work_alone(self) -> None:
        """The fleet could not start (e.g. a newer schema): this desk packs on its own."""
        self._fleet = None
        self.desk.work_alone()

    def set_packer(self, name: str) -> None:
        """The signed-in packer (empty: nobody), for the store's audit and the video overlay."""
        self.packer_name = name
        self.video.set_packer(name or self.settings.packer_name)

    @property
    def store(self) -> LocalStore | None:
        """The local store, once opened."""
        return self.services.store.store

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
        serial.scanned.connect(lambda _text: self.serial_activity())
        serial.disconnected.connect(self._serial_lost)
        serial.start()
        self.serial, self._stop_serial = serial, serial.stop
        return True

    def _serial_lost(self, reason: str) -> None:
        _log.warning("serial scanner unavailable: %s", reason)
        self._show_error(
            fill(
                self.tr("The serial scanner is not connected (%1); retrying. Keyboard scanners still work."),
                reason,
            )
        )

    def open_store(self) -> LocalStore:
        """The local store, opened (and compacted) on first use.

        Raises:
            StorageError: the local store cannot be opened.
        """
        station = self.services.store
        first = station.store is None
        store = station.open(packer=self.packer_name)
        if first:
            self.labels.attach_audit(store.audit)  # printed labels name their packer and desk
        return store

    def open_session(self, order: Order) -> PackingSession:
        """Resume or start the order's packing session over the local store.

        Raises:
            StorageError: the local store cannot be opened (the desk shows it).
        """
        from packstation.services.code_guard import CodeGuard
        from packstation.services.packing import PackingSession, SessionDeps

        store = self.open_store()
        session: PackingSession | None = None

        def packing() -> Packing:
            assert session is not None  # readings arrive from the event loop, after open()
            return session.packing

        deps = SessionDeps(
            self.market,
            StampedJournal(store.journal, lambda: (store.audit.packer, store.audit.station)),
            self.services.clock,
            labels=self.labels,
            guard=CodeGuard(store.codes, fleet.codes if (fleet := self._fleet) is not None else None),
            outbox=store.outbox,
            audit=store.audit if fleet is None else fleet.audit(store.audit),
            budget=self.services.budget,
            auto_submit_s=self.settings.auto_submit_s,
            submit_checks=self.scale.checks_for(order.id, packing, store.audit),
        )
        session = PackingSession.open(order, deps)
        set_aside = store.journal.take_quarantined(order.id)
        if set_aside:
            self.desk.show_error(  # about this order: it goes when another one opens
                fill(
                    self.tr(
                        "%n damaged line(s) in the journal of order %1 were set aside (kept for support, "
                        "see History); the rest of the work was restored.",
                        "",
                        len(set_aside),
                    ),
                    str(order.id),
                )
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
        self.services.store.close()
