"""Packing video: frames in, an H.264 MP4 clip with the overlay burned in out — off the GUI thread.

Stack (chosen by measurement, see README "Devices"): PyAV (FFmpeg with libx264). The FFmpeg
inside PySide6's QtMultimedia encodes only MPEG-1/2/4 Part 2 and MJPEG here (no H.264), and a
QVideoFrameInput → QMediaRecorder probe produced an empty file offscreen; PyAV's wheels carry
libx264. Clips are H.264 (High, yuv420p, preset veryfast, CRF 28 capped at 1 Mbit/s) in
fragmented MP4 (`frag_keyframe+empty_moov`, a keyframe every 2 s): a clip stays playable up to
its last fragment even when the app or the machine dies mid-recording.

`ClipRecorder` runs one worker thread. Cameras call `push(image, at)` from any thread (a QImage,
or a QVideoFrame converted in the worker); while no clip records the last `preroll_s` seconds are
kept and become the start of the next clip. The worker draws the overlay (order, desk, packer,
date/time, the last scans — masked by the caller — and the order marker of `domain.video`),
encodes and writes. Writing failures (disk full) end the clip early: `failed` says why and the
file keeps what was written.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import queue
import sys
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction
from pathlib import Path
from typing import IO, Any

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from packstation.domain.video import MARKER_CELL, marker_bits

_log = logging.getLogger("packstation.ui")
WIDTH, HEIGHT = 640, 480
_MAX_QUEUE = 64  # frames waiting for the encoder; beyond this the oldest are dropped


@dataclass(frozen=True, slots=True)
class VideoFormat:
    """What clips are encoded as (defaults measured for a packing desk, see README)."""

    fps: int = 10
    crf: int = 28
    max_kbps: int = 1000
    preset: str = "veryfast"
    keyframe_s: int = 2


@dataclass(frozen=True, slots=True)
class OverlayText:
    """What is burned into every frame of a clip."""

    order_id: int
    title: str  # "Заказ 51000040 · Стол 2 · Анна"
    scans: tuple[str, ...] = ()  # the last scans, newest last, already masked


@dataclass(frozen=True, slots=True)
class ClipResult:
    """A finished clip."""

    path: Path
    frames: int
    size_bytes: int
    duration_s: float
    error: str = ""  # why it ended early ("disk full"), empty when it ended normally


Opener = Callable[[Path], IO[bytes]]


def _open_file(path: Path) -> IO[bytes]:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("wb")


@dataclass
class _Clip:
    path: Path
    overlay: OverlayText
    started: datetime
    file: IO[bytes]
    container: Any
    stream: Any
    frames: int = 0
    first_ms: int | None = None
    last_pts: int = -1
    bytes_written: int = 0
    scans: list[str] = field(default_factory=list)


class ClipRecorder(QObject):
    """Encodes pushed frames into clips in a worker thread (see the module docstring).

    Args:
        fmt: the encoding.
        preroll_s: seconds of frames kept before a clip starts.
        opener: opens a clip's file for writing (tests pass one that fails like a full disk).

    Signals:
        finished(object): a `ClipResult` (also after a failure).
        failed(str): a clip ended early (English reason, e.g. "disk full").
    """

    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        fmt: VideoFormat | None = None,
        *,
        preroll_s: float = 2.0,
        opener: Opener = _open_file,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.fmt = fmt or VideoFormat()
        self._opener = opener
        self._preroll: deque[tuple[QImage, datetime]] = deque(maxlen=max(0, int(preroll_s * self.fmt.fps)))
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._lock = threading.Lock()
        self._recording = False
        self._pending = 0
        self._clip: _Clip | None = None
        self._thread = threading.Thread(target=self._run, name="clip-encoder", daemon=True)
        self._thread.start()

    @property
    def recording(self) -> bool:
        return self._recording

    # ------------------------------------------------------------------- any thread

    def push(self, image: Any, at: datetime) -> None:
        """A camera frame (QImage, or QVideoFrame) taken at `at`."""
        with self._lock:
            if not self._recording:
                if self._preroll.maxlen:
                    self._preroll.append((image, at))
                return
            if self._pending >= _MAX_QUEUE:
                return  # the encoder is behind: drop rather than grow without bound
            self._pending += 1
        self._queue.put(("frame", (image, at)))

    def start(self, path: Path, order_id: int, title: str, started: datetime) -> None:
        """Start a clip of order `order_id` at `path` (the pre-roll first); `title` is the
        overlay's first line."""
        overlay = OverlayText(order_id, title)
        with self._lock:
            self._recording = True
            preroll = list(self._preroll)
            self._preroll.clear()
            self._pending += len(preroll)
        self._queue.put(("start", (path, overlay, started)))
        for frame in preroll:
            self._queue.put(("frame", frame))

    def scan(self, text: str) -> None:
        """Add a (masked) scan line to the overlay of the clip being recorded."""
        self._queue.put(("scan", text))

    def stop(self) -> None:
        """End the clip being recorded; `finished` follows from the worker."""
        with self._lock:
            self._recording = False
        self._queue.put(("stop", None))

    def close(self, timeout: float = 10.0) -> None:
        """End any clip and stop the worker (at shutdown)."""
        self.stop()
        self._queue.put(("quit", None))
        self._thread.join(timeout)

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Block until the worker has handled everything queued so far (tests, shutdown)."""
        done = threading.Event()
        self._queue.put(("mark", done))
        done.wait(timeout)

    # ----------------------------------------------------------------------- worker

    def _run(self) -> None:
        lower_priority()
        while True:
            kind, payload = self._queue.get()
            try:
                if kind == "frame":
                    with self._lock:
                        self._pending -= 1
                    if self._clip is not None:
                        self._encode(*payload)
                elif kind == "start":
                    self._finish("")
                    self._begin(*payload)
                elif kind == "scan":
                    if self._clip is not None:
                        self._clip.scans = [*self._clip.scans, payload][-3:]
                elif kind == "stop":
                    self._finish("")
                elif kind == "mark":
                    payload.set()
                elif kind == "quit":
                    self._finish("")
                    return
            except OSError as error:
                self._fail(error)
            except Exception:  # a bug must not kill the worker (and with it every later clip)
                _log.exception("video encoder failed")
                self._fail(OSError(errno.EIO, "encoder error"))

    def _begin(self, path: Path, overlay: OverlayText, started: datetime) -> None:
        import av  # loaded with the first clip: stations without a camera never pay for it

        file = self._opener(path)
        try:
            container = av.open(
                file, "w", format="mp4", options={"movflags": "frag_keyframe+empty_moov+default_base_moof"}
            )
            fmt = self.fmt
            stream = container.add_stream("libx264", rate=fmt.fps)
            stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
            stream.codec_context.time_base = Fraction(1, 1000)
            stream.options = {
                "preset": fmt.preset,
                "crf": str(fmt.crf),
                "maxrate": f"{fmt.max_kbps}k",
                "bufsize": f"{2 * fmt.max_kbps}k",
                "g": str(fmt.fps * fmt.keyframe_s),
                "tune": "zerolatency",
            }
        except BaseException:
            file.close()
            raise
        self._clip = _Clip(path, overlay, started, file, container, stream, scans=list(overlay.scans))
        _log.info("video: recording %s", path.name)

    def _encode(self, image: Any, at: datetime) -> None:
        import av

        clip = self._clip
        assert clip is not None
        frame_image = _to_image(image)
        if frame_image is None:
            return
        ms = int(at.timestamp() * 1000)
        if clip.first_ms is None:
            clip.first_ms = ms
        pts = ms - clip.first_ms
        if pts <= clip.last_pts:
            return  # frames must move forward in time
        clip.last_pts = pts
        _draw_overlay(frame_image, clip.overlay, clip.scans, at)
        frame = av.VideoFrame.from_bytes(_rgba_bytes(frame_image), WIDTH, HEIGHT, "rgba")
        frame.pts = pts
        frame.time_base = Fraction(1, 1000)
        for packet in clip.stream.encode(frame):
            clip.container.mux(packet)
        clip.file.flush()
        clip.frames += 1

    def _finish(self, error: str) -> None:
        clip, self._clip = self._clip, None
        if clip is None:
            return
        try:
            if not error:
                for packet in clip.stream.encode():
                    clip.container.mux(packet)
        except OSError as failure:
            error = _reason(failure)
        finally:
            with contextlib.suppress(Exception):
                clip.container.close()
            with contextlib.suppress(OSError):
                clip.file.close()
        size = clip.path.stat().st_size if clip.path.exists() else 0
        duration = max(0, clip.last_pts) / 1000 + (1 / self.fmt.fps if clip.frames else 0)
        result = ClipResult(clip.path, clip.frames, size, duration, error)
        _log.info(
            "video: %s done, %d frames, %d bytes%s",
            clip.path.name,
            clip.frames,
            size,
            f" ({error})" * bool(error),
        )
        self.finished.emit(result)

    def _fail(self, error: OSError) -> None:
        reason = _reason(error)
        with self._lock:
            self._recording = False
        self._finish(reason)
        self.failed.emit(reason)


def lower_priority() -> None:
    """Let the GUI thread win the CPU over this (video) thread: nice +10 where the OS allows
    per-thread priorities (Linux); elsewhere nothing changes."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


def _reason(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "disk full"
    return error.strerror or str(error)


def _to_image(image: Any) -> QImage | None:
    # A QVideoFrame from a camera is converted here, off the GUI thread.
    picture = image if isinstance(image, QImage) else image.toImage()
    if picture.isNull():
        return None
    if picture.width() != WIDTH or picture.height() != HEIGHT:
        picture = picture.scaled(
            WIDTH, HEIGHT, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation
        )
    return picture.convertToFormat(QImage.Format.Format_RGBA8888)


def _rgba_bytes(image: QImage) -> bytes:
    """The frame's pixels as tightly packed RGBA rows (copied out of the QImage)."""
    row = WIDTH * 4
    stride = image.bytesPerLine()
    data = bytes(image.constBits())[: stride * HEIGHT]
    if stride == row:
        return data
    return b"".join(data[y * stride : y * stride + row] for y in range(HEIGHT))


def _draw_overlay(image: QImage, overlay: OverlayText, scans: list[str], at: datetime) -> None:
    painter = QPainter(image)
    try:
        band = QColor(0, 0, 0, 170)
        painter.fillRect(QRect(0, 0, WIDTH, 30), band)
        font = QFont("DejaVu Sans")
        font.setPixelSize(17)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        stamp = at.astimezone().strftime("%d.%m.%Y %H:%M:%S")
        painter.drawText(
            QRect(6, 0, WIDTH - 12 - 32 * MARKER_CELL // 2, 30), Qt.AlignmentFlag.AlignVCenter, overlay.title
        )
        painter.drawText(QRect(6, 30, WIDTH - 12, 24), Qt.AlignmentFlag.AlignVCenter, stamp)
        if scans:
            font.setPixelSize(15)
            font.setBold(False)
            painter.setFont(font)
            height = 22 * len(scans) + 6
            painter.fillRect(QRect(0, HEIGHT - height, WIDTH, height), band)
            for i, line in enumerate(scans):
                painter.drawText(
                    QRect(6, HEIGHT - height + 3 + 22 * i, WIDTH - 12, 22),
                    Qt.AlignmentFlag.AlignVCenter,
                    line,
                )
        _draw_marker(painter, overlay.order_id)
    finally:
        painter.end()


def _draw_marker(painter: QPainter, order_id: int) -> None:
    """The order number as 32 squares in two rows of 16 under the top band, right-aligned."""
    cell = MARKER_CELL
    left = WIDTH - 16 * cell
    painter.fillRect(QRect(left - 2, 32, 16 * cell + 2, 2 * cell + 4), QColor("black"))
    for i, bit in enumerate(marker_bits(order_id)):
        x = left + (i % 16) * cell
        y = 34 + (i // 16) * cell
        painter.fillRect(QRect(x, y, cell, cell), QColor("white") if bit else QColor("black"))


def marker_origin() -> tuple[int, int]:
    """Top-left pixel of the marker's first square (for readers of the marker)."""
    return WIDTH - 16 * MARKER_CELL, 34
