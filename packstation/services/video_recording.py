"""When the packing video records, where clips go, what they show, and how long they are kept.

`VideoRecording` is told about the desk (`order_opened`, `phase_changed`, `order_closed`,
`scanned`) and drives a recorder port: a clip starts when an order's packing opens (the
recorder adds its pre-roll) and stops when the order reaches READY_TO_SHIP, is cancelled or
interrupted, or leaves the desk. Each clip goes to `video/<order>/<UTC start>.mp4` under the data
dir and into the clip index; scans appear in the overlay with the item's name and the code masked
as in the logs. Before a clip starts the free disk space is checked; a clip that ends early (disk
full) is indexed with the reason and the packer is told — packing goes on without video.

Retention (`apply_retention`) deletes clips older than `keep_days` and then the oldest beyond the
disk budget, never a clip of an order with an open claim (`domain.video.clips_to_delete`).
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from packstation.domain.commands import COMMANDS, parse_command
from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.domain.order import Order
from packstation.domain.video import Clip, Retention, clips_to_delete
from packstation.logs import mask_secrets
from packstation.services.packing.values import Phase
from packstation.services.ports import AuditPort, Clock

_log = logging.getLogger("packstation.storage")
RECORDING_PHASES = frozenset({Phase.PACKING, Phase.SUBMITTING, Phase.VERIFYING})
VIDEO_DIR = "video"
AUDIT_CLIP = "video_clip"


class RecorderPort(Protocol):
    """What the policy needs from `devices.video_recorder.ClipRecorder`."""

    def start(self, path: Path, order_id: int, title: str, started: datetime) -> None: ...

    def scan(self, text: str) -> None: ...

    def stop(self) -> None: ...


class ClipIndexPort(Protocol):
    """What the policy needs from `storage.video_index.SqliteClipIndex`."""

    def add(self, order_id: int, path: str, started_at: datetime) -> int: ...

    def finish(
        self, clip_id: int, ended_at: datetime, size_bytes: int, frames: int, note: str = ""
    ) -> None: ...

    def all_clips(self) -> list[Clip]: ...

    def remove(self, clip_id: int) -> None: ...

    def open_claims(self) -> set[int]: ...


class VideoError(PackstationError):
    """The packing video stopped or could not start; packing goes on."""


@dataclass(frozen=True, slots=True)
class _Recording:
    order: Order
    clip_id: int
    path: Path


def _free_bytes(path: Path) -> int:
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return shutil.disk_usage(probe).free


class VideoRecording:
    """The packing video policy (see the module docstring).

    Args:
        recorder: encodes the clip (`ClipRecorder`).
        index: the clip index.
        data_dir: clips go under `<data_dir>/video`.
        clock: the station clock (UTC).
        desk: the station name for the overlay.
        packer: the packer's name for the overlay.
        retention: days and disk budget.
        min_free_bytes: no clip starts with less free disk space than this.
        notify: tells the packer (the message bar) that video stopped or did not start.
        free_bytes: free space at a path (tests pass their own).
        audit: where finished clips are recorded (the order's History shows them).
    """

    def __init__(
        self,
        recorder: RecorderPort,
        index: ClipIndexPort,
        data_dir: Path,
        clock: Clock,
        *,
        desk: str = "",
        packer: str = "",
        retention: Retention | None = None,
        min_free_bytes: int = 500 * 1024**2,
        notify: Callable[[PackstationError], None] = lambda _error: None,
        free_bytes: Callable[[Path], int] = _free_bytes,
        audit: AuditPort | None = None,
    ) -> None:
        self._recorder = recorder
        self._index = index
        self.data_dir = data_dir
        self._clock = clock
        self.desk = desk
        self.packer = packer
        self.retention = retention or Retention()
        self._min_free = min_free_bytes
        self._notify = notify
        self._free = free_bytes
        self._audit = audit
        self._current: _Recording | None = None
        self._stopping: dict[Path, _Recording] = {}  # until the recorder finished the clip

    @property
    def recording_order(self) -> int | None:
        return None if self._current is None else self._current.order.id

    # ----------------------------------------------------------------------------- desk

    def order_opened(self, order: Order, phase: Phase) -> bool:
        """An order's packing view opened; records when its packing is still going on."""
        if self._current is not None and self._current.order.id == order.id:
            return True
        self._stop()
        if phase not in RECORDING_PHASES:
            return False
        folder = self.data_dir / VIDEO_DIR / str(order.id)
        if self._free(folder) < self._min_free:
            self._notify(
                VideoError(
                    QT_TRANSLATE_NOOP(
                        "VideoRecording", "The packing video is not recording: the disk is almost full."
                    ),
                    hint=QT_TRANSLATE_NOOP(
                        "VideoRecording", "Free some disk space; packing goes on without video."
                    ),
                )
            )
            return False
        started = self._clock.now()
        path = folder / f"{started.strftime('%Y%m%dT%H%M%S')}Z.mp4"
        clip_id = self._index.add(order.id, path.relative_to(self.data_dir).as_posix(), started)
        title = " · ".join(part for part in (f"Заказ {order.id}", self.desk, self.packer) if part)
        self._recorder.start(path, order.id, title, started)
        self._current = _Recording(order, clip_id, path)
        return True

    def phase_changed(self, order_id: int, phase: Phase) -> None:
        """The open order's phase changed: READY_TO_SHIP, cancelled or interrupted stop the clip."""
        if self._current is not None and self._current.order.id == order_id and phase not in RECORDING_PHASES:
            self._stop()

    def order_closed(self, order_id: int) -> None:
        """The order left the desk."""
        if self._current is not None and self._current.order.id == order_id:
            self._stop()

    def scanned(self, text: str) -> None:
        """A scan at the desk: a line in the overlay (item name, code masked as in the logs)."""
        if self._current is None:
            return
        stamp = self._clock.now().astimezone().strftime("%H:%M:%S")
        command = parse_command(text.strip())
        if command is not None:  # a command barcode: its caption says more than "PS:SUBMIT"
            caption = next(info.caption_ru for info in COMMANDS if info.command is command)
            line = f"{stamp} ▶ {caption}"
        else:
            name = _item_name(self._current.order, text)
            line = " ".join(part for part in (stamp, name, mask_secrets(text)) if part)
        self._recorder.scan(line[:90])

    def _stop(self) -> None:
        current, self._current = self._current, None
        if current is not None:
            self._stopping[current.path] = current
            self._recorder.stop()

    # ----------------------------------------------------------------------- recorder

    def clip_finished(self, path: Path, frames: int, size_bytes: int, error: str = "") -> None:
        """The recorder closed a clip (normally, or early with `error`)."""
        clip = self._stopping.pop(path, None)
        if clip is None and self._current is not None and self._current.path == path:
            clip, self._current = self._current, None  # ended by itself (disk full)
        if clip is None:
            return
        self._index.finish(clip.clip_id, self._clock.now(), size_bytes, frames, error)
        if self._audit is not None:
            where = path.relative_to(self.data_dir).as_posix()
            detail = f"{where} frames={frames} bytes={size_bytes}" + (f" ({error})" if error else "")
            self._audit.record(AUDIT_CLIP, order_id=clip.order.id, detail=detail)
        if error:
            self._notify(
                VideoError(
                    QT_TRANSLATE_NOOP("VideoRecording", "The packing video stopped: %1. Packing goes on.")(
                        _reason(error)
                    ),
                    hint=QT_TRANSLATE_NOOP(
                        "VideoRecording", "Free some disk space: the next order records again."
                    ),
                )
            )

    # ---------------------------------------------------------------------- retention

    def apply_retention(self) -> list[Clip]:
        """Delete the clips retention no longer keeps (files first, then index rows)."""
        doomed = clips_to_delete(
            self._index.all_clips(), self._clock.now(), self.retention, self._index.open_claims()
        )
        removed = []
        for clip in doomed:
            path = self.data_dir / clip.path
            try:
                path.unlink(missing_ok=True)
            except OSError as error:
                _log.warning("video: cannot delete %s: %s", path, error)
                continue
            self._index.remove(clip.id)
            removed.append(clip)
            if path.parent.is_dir() and not any(path.parent.iterdir()):
                path.parent.rmdir()
        if removed:
            _log.info("video: retention removed %d clips", len(removed))
        return removed


def _item_name(order: Order, scan: str) -> str:
    for line in order.lines:
        for barcode in line.barcodes:
            if barcode and (scan == barcode or barcode.rjust(14, "0") in scan[:20]):
                return line.name[:40]
    return ""


def _reason(error: str) -> Message | str:
    return QT_TRANSLATE_NOOP("VideoRecording", "disk full") if error == "disk full" else error
