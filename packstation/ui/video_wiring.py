"""The packing video at the desk: camera → `ClipRecorder` (encoder thread) driven by the
`VideoRecording` policy, fed by the packing desk's events (a view opened or closed, the session's
phase) and the scanner; a "● REC" strip in each packing view; retention at start and daily.

Nothing here touches the packing session's internals: the desk's `view_opened`/`view_closed`
signals and `PackingSession.subscribe` are the observer interface.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from packstation.devices.config import TEST_PATTERN, CameraSettings
from packstation.domain.errors import PackstationError
from packstation.domain.time import SystemClock
from packstation.ui import palette
from packstation.ui.format import fill
from packstation.ui.i18n import say

if TYPE_CHECKING:
    from packstation.devices.video_recorder import ClipRecorder
    from packstation.services.packing.values import SessionSnapshot
    from packstation.services.ports import AuditPort
    from packstation.services.video_recording import ClipIndexPort, VideoRecording
    from packstation.ui.packing_view import PackingView

_log = logging.getLogger("packstation.ui")
RETENTION_EVERY_MS = 24 * 3600 * 1000
RETENTION_FIRST_DELAY_MS = 10_000  # the first retention pass, after the first order opened


class RecordingBadge(QLabel):
    """ "● Запись видео" while the order records, grey "no video" otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoBadge")

    def show_state(self, recording: bool) -> None:
        if recording:
            self.setText(self.tr("● Recording video"))
            self.setStyleSheet(f"color:{palette.ERROR_TEXT}; font-weight:bold; padding:0 4px;")
        else:
            self.setText(self.tr("No video"))
            self.setStyleSheet(f"color:{palette.GREY}; padding:0 4px;")


class VideoDesk(QObject):
    """The camera and the recording policy for the run (see the module docstring).

    Args:
        settings: the camera settings (empty source: no video).
        data_dir: clips go under `<data_dir>/video`.
        open_index: the clip index and the audit log (opens the local store on first use).
        show_error: the message bar.
        station, packer: names for the overlay.
    """

    def __init__(
        self,
        settings: CameraSettings,
        data_dir: Path,
        open_index: Callable[[], tuple[ClipIndexPort, AuditPort]],
        *,
        show_error: Callable[[str], None] = lambda _text: None,
        station: str = "",
        packer: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.data_dir = data_dir
        self._open_index = open_index
        self._show_error = show_error
        self._names = (station, packer)
        self.recorder: ClipRecorder | None = None
        self.policy: VideoRecording | None = None
        self.camera: Any = None
        self._badge: RecordingBadge | None = None
        self._unfollow: Callable[[], None] = lambda: None
        self._retention = QTimer(self)
        self._retention.setInterval(RETENTION_EVERY_MS)
        self._retention.timeout.connect(self.apply_retention)

    def set_packer(self, name: str) -> None:
        """The signed-in packer, named in the overlay of the clips recorded from now on."""
        self._names = (self._names[0], name)
        if self.policy is not None:
            self.policy.packer = name

    @property
    def enabled(self) -> bool:
        return self.settings.enabled

    def start(self) -> bool:
        """Start the camera and the encoder thread (False: no camera configured)."""
        if self.recorder is not None or not self.settings.enabled:
            return False
        from packstation.devices.camera import QtCamera, TestPatternCamera
        from packstation.devices.video_recorder import ClipRecorder, VideoFormat

        recorder = ClipRecorder(
            VideoFormat(fps=self.settings.fps), preroll_s=self.settings.preroll_s, parent=self
        )
        recorder.finished.connect(self._clip_finished)
        self.recorder = recorder
        source = self.settings.source.strip()
        if source == TEST_PATTERN:
            self.camera = TestPatternCamera(recorder.push, fps=self.settings.fps)
        else:
            camera = QtCamera("" if source == "default" else source, recorder.push, self)
            camera.failed.connect(self._camera_failed)
            self.camera = camera
        self.camera.start()
        return True

    def _ensure_policy(self) -> VideoRecording | None:
        if self.policy is None and self.recorder is not None:
            from packstation.domain.video import Retention
            from packstation.services.video_recording import VideoRecording

            settings = self.settings
            index, audit = self._open_index()
            self.policy = VideoRecording(
                self.recorder,
                index,
                self.data_dir,
                SystemClock(),
                desk=self._names[0],
                packer=self._names[1],
                retention=Retention(settings.keep_days, int(settings.budget_gb * 1024**3)),
                min_free_bytes=settings.min_free_mb * 1024**2,
                notify=self._notify,
                audit=audit,
            )
            # Deleting expired clips touches the disk and the index: not while the view opens.
            QTimer.singleShot(RETENTION_FIRST_DELAY_MS, self.apply_retention)
            self._retention.start()
        return self.policy

    # ----------------------------------------------------------------------- desk events

    def view_opened(self, view: PackingView) -> None:
        """A packing view opened: record its order (while its packing goes on)."""
        self._unfollow()
        if not self.enabled:
            return
        try:
            policy = self._ensure_policy()
        except PackstationError as error:  # the local store cannot be opened: no video
            self._notify(error)
            return
        if policy is None:
            return
        session = view.session
        try:
            recording = policy.order_opened(session.order, session.phase)
        except PackstationError as error:  # the clip could not be indexed: packing goes on
            self._notify(error)
            recording = False
        self._badge = RecordingBadge(view)
        self._badge.show_state(recording)
        view.add_device_panel(self._badge)
        self._unfollow = session.subscribe(self._on_snapshot)

    def _on_snapshot(self, snapshot: SessionSnapshot) -> None:
        if self.policy is not None:
            self.policy.phase_changed(snapshot.order.id, snapshot.phase)
            self._show_state()

    def view_closed(self, order_id: int) -> None:
        self._unfollow()
        self._unfollow = lambda: None
        if self.policy is not None:
            self.policy.order_closed(order_id)
        self._badge = None

    def scanned(self, text: str) -> None:
        if self.policy is not None:
            self.policy.scanned(text)

    def _show_state(self) -> None:
        if self._badge is not None and self.policy is not None:
            try:
                self._badge.show_state(self.policy.recording_order is not None)
            except RuntimeError:  # the view (and its badge) is gone
                self._badge = None

    # ------------------------------------------------------------------------- recorder

    def _clip_finished(self, result: object) -> None:
        from packstation.devices.video_recorder import ClipResult

        if isinstance(result, ClipResult) and self.policy is not None:
            try:
                self.policy.clip_finished(result.path, result.frames, result.size_bytes, result.error)
            except PackstationError as error:  # the journal cannot be written: the file stays
                self._notify(error)
            self._show_state()

    def _camera_failed(self, reason: str) -> None:
        _log.warning("camera: %s", reason)
        self._show_error(
            fill(self.tr("The camera does not work (%1); packing goes on without video."), reason)
        )

    def _notify(self, error: PackstationError) -> None:
        self._show_error(say(error))

    def apply_retention(self) -> None:
        if self.policy is None:
            return
        try:
            self.policy.apply_retention()
        except PackstationError as error:  # housekeeping must never interrupt packing
            _log.warning("video retention failed: %s", error)

    def restart(self, settings: CameraSettings) -> None:
        """Take edited camera settings: the camera and encoder restart (a clip being recorded
        ends there; the next order records with the new settings)."""
        if settings == self.settings:
            return
        self.stop()
        self.policy = None  # retention and disk limits are read again with the next order
        self.settings = settings
        self.start()

    def stop(self) -> None:
        """Stop the camera and finish the clip (at shutdown); waits for the encoder."""
        self._retention.stop()
        camera, self.camera = self.camera, None
        if camera is not None:
            camera.stop()
        recorder, self.recorder = self.recorder, None
        if recorder is not None:
            recorder.close()
            # The last clip's `finished` was queued to this thread: index it now.
            from PySide6.QtCore import QCoreApplication

            QCoreApplication.sendPostedEvents(recorder)
            QCoreApplication.sendPostedEvents(self)
