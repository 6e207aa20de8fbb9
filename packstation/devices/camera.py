"""Cameras for the packing video: frames go to a sink (`ClipRecorder.push`) as they are taken.

- `TestPatternCamera`: a generated camera for demo mode and the tests — a moving test pattern
  (colour bars sliding sideways, a sweeping bar) with a running clock and frame counter, drawn in
  its own thread at the configured rate, so the whole path frames → overlay → encoder → file runs
  without hardware.
- `QtCamera`: any camera Qt sees — a USB webcam by its description (QMediaDevices; empty: the
  default camera) or an IP camera's stream (`rtsp://…`, through QMediaPlayer). Frames arrive on
  the GUI thread as QVideoFrames and are handed on unconverted (the encoder thread converts them).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from packstation.devices.video_recorder import HEIGHT, WIDTH, lower_priority
from packstation.domain.time import utc_now

FrameSink = Callable[[Any, datetime], None]
_log = logging.getLogger("packstation.ui")
_BARS = ("#c0c0c0", "#c0c000", "#00c0c0", "#00c000", "#c000c0", "#c00000", "#0000c0")


def pattern_frame(n: int, at: datetime) -> QImage:
    """Frame `n` of the generated camera, showing `at` (local time) as a clock."""
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB888)
    painter = QPainter(image)
    try:
        bar = WIDTH // len(_BARS)
        shift = (n * 8) % WIDTH
        for i, colour in enumerate(_BARS):
            x = (i * bar + shift) % WIDTH
            painter.fillRect(QRect(x, 0, bar, HEIGHT), QColor(colour))
            if x + bar > WIDTH:
                painter.fillRect(QRect(x - WIDTH, 0, bar, HEIGHT), QColor(colour))
        sweep = (n * 12) % HEIGHT
        painter.fillRect(QRect(0, sweep, WIDTH, 10), QColor("white"))
        font = QFont("DejaVu Sans Mono")
        font.setPixelSize(44)
        font.setBold(True)
        painter.setFont(font)
        painter.fillRect(QRect(150, 200, 340, 110), QColor(0, 0, 0))
        painter.setPen(QColor("white"))
        clock = at.astimezone().strftime("%H:%M:%S")
        painter.drawText(QRect(150, 200, 340, 60), Qt.AlignmentFlag.AlignCenter, clock)
        font.setPixelSize(24)
        painter.setFont(font)
        painter.drawText(QRect(150, 258, 340, 50), Qt.AlignmentFlag.AlignCenter, f"TEST {n:06d}")
    finally:
        painter.end()
    return image


class TestPatternCamera:
    """The generated camera: `fps` frames a second to `sink`, from its own thread."""

    __test__ = False  # not a pytest test class

    def __init__(self, sink: FrameSink, fps: int = 10, clock: Callable[[], datetime] | None = None) -> None:
        self._sink = sink
        self._fps = fps
        self._clock = clock or utc_now
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.frames = 0

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="test-camera", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            self._stop.set()
            thread.join(5)

    def _run(self) -> None:
        lower_priority()
        period = 1 / self._fps
        next_at = time.monotonic()
        while not self._stop.is_set():
            at = self._clock()
            self._sink(pattern_frame(self.frames, at), at)
            self.frames += 1
            next_at += period
            self._stop.wait(max(0.0, next_at - time.monotonic()))


class QtCamera(QObject):
    """A USB webcam or an RTSP stream through QtMultimedia; see the module docstring.

    Signals:
        failed(str): the camera reported an error (English).
    """

    failed = Signal(str)

    def __init__(self, source: str, sink: FrameSink, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QMediaCaptureSession, QVideoSink

        self._source = source
        self._sink_fn = sink
        self._video_sink = QVideoSink(self)
        self._video_sink.videoFrameChanged.connect(self._on_frame)
        self._session = QMediaCaptureSession(self)
        self._device: Any = None

    def start(self) -> None:
        from PySide6.QtMultimedia import QCamera, QMediaDevices, QMediaPlayer

        if self._source.startswith(("rtsp://", "rtsps://", "http://", "https://")):
            from PySide6.QtCore import QUrl

            player = QMediaPlayer(self)
            player.setVideoOutput(self._video_sink)
            player.errorOccurred.connect(lambda _error, text: self.failed.emit(text))
            player.setSource(QUrl(self._source))
            player.play()
            self._device = player
            return
        devices = QMediaDevices.videoInputs()
        chosen = next((d for d in devices if self._source and self._source in d.description()), None)
        device = chosen or QMediaDevices.defaultVideoInput()
        if device.isNull():
            self.failed.emit("no camera found")
            return
        camera = QCamera(device, self)
        camera.errorOccurred.connect(lambda _error, text: self.failed.emit(text))
        self._session.setCamera(camera)
        self._session.setVideoSink(self._video_sink)
        camera.start()
        self._device = camera

    def stop(self) -> None:
        device, self._device = self._device, None
        if device is not None:
            device.stop()
            device.deleteLater()

    def _on_frame(self, frame: Any) -> None:
        if frame.isValid():
            self._sink_fn(frame, utc_now())
